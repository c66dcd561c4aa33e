// The `host` test layer: the bundled extension and its extension-host suite
// (dist/test/host/index.js) run inside a real VS Code (code-server) against a
// real Prometheus. Run by scripts/test.mjs after `node esbuild.config.mjs`:
//   node --import tsx test/host/runHost.ts
// Exit code 0 only if the suite reported success; results land in
// $OPS_LENS_RESULTS_FILE (written by the suite itself, inside the host).
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot, startTestWorkspace, type TestWorkspace } from '../support/hosts';
import { FOLDERS_GO } from '../support/foldersGo';
import { runHostSuite, stopHostServer } from './runInCodeServer';

type Session = 'trusted' | 'restricted' | 'stored' | 'reopened';

async function main(): Promise<number> {
  const suite = join(repoRoot, 'dist/test/host/index.js');
  if (!existsSync(suite)) throw new Error(`${suite} is missing: run \`node esbuild.config.mjs\` first`);
  const results = process.env.OPS_LENS_RESULTS_FILE;
  let workspace: TestWorkspace | undefined;
  try {
    const t0 = Date.now();
    workspace = await startTestWorkspace();
    console.log(`[host] Prometheus at ${workspace.prometheusUrl}, workspace ${workspace.folder} (${Date.now() - t0} ms)`);
    const session = async (name: Session, resultsFile: string | undefined, folder = workspace!.folder, env: Record<string, string> = {}): Promise<number> => {
      const t1 = Date.now();
      const { exitCode } = await runHostSuite({
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: suite,
        folder,
        restricted: name === 'restricted',
        env: {
          ...workspace!.env,
          ...env,
          OPS_LENS_HOST_SESSION: name,
          ...(process.env.OPS_LENS_TEST_DEBUG ? { OPS_LENS_TEST_DEBUG: '1' } : {}),
          ...(resultsFile ? { OPS_LENS_RESULTS_FILE: resultsFile } : {}),
        },
      });
      console.log(`[host] ${name} session finished with exit code ${exitCode} (${Date.now() - t1} ms incl. code-server start)`);
      return exitCode;
    };
    // The same workspace twice: trusted (every feature), then in Restricted Mode on a server with workspace trust on.
    const restrictedResults = results?.replace(/(\.json)?$/, '.restricted.json');
    const trusted = await session('trusted', results);
    const restricted = await session('restricted', restrictedResults);
    if (results && restrictedResults) addResults(results, restrictedResults);
    // Two windows opened one after the other on a folder of their own (the example with its recorded signals, and a
    // Go file): the second takes back what the first kept in the workspace's storage, and edits the Go file.
    const kept = join(dirname(workspace.folder), 'shop-kept');
    cpSync(join(repoRoot, 'examples/shop'), kept, { recursive: true });
    // Written before the windows open, so that no watcher event re-reads it while settling.test.ts edits it; and no
    // save but the test's own (code-server saves an edited file after a second: the save's re-read settles it too).
    writeFileSync(join(kept, FOLDERS_GO.file), FOLDERS_GO.text);
    const keptSettings = join(kept, '.vscode/settings.json');
    writeFileSync(keptSettings, JSON.stringify({ ...JSON.parse(readFileSync(keptSettings, 'utf8')), 'files.autoSave': 'off' }, null, 2));
    const env = { OPS_LENS_TEST_KEPT_DIAGNOSTICS: join(dirname(workspace.folder), 'kept-diagnostics.json') };
    let keptCodes = 0;
    for (const name of ['stored', 'reopened'] as const) {
      const file = results?.replace(/(\.json)?$/, `.${name}.json`);
      keptCodes ||= await session(name, file, kept, env);
      if (results && file) addResults(results, file);
    }
    return trusted || restricted || keptCodes;
  } finally {
    await stopHostServer();
    await workspace?.dispose();
  }
}

/** Adds the second session's counts into the layer's results file (scripts/test.mjs reads one file per layer). */
function addResults(into: string, from: string): void {
  const read = (f: string) => (existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as Record<string, number>) : undefined);
  const a = read(into);
  const b = read(from);
  rmSync(from, { force: true });
  if (!a || !b) return; // a session that wrote nothing crashed: its exit code says so
  writeFileSync(into, JSON.stringify({ passed: a.passed + b.passed, failed: a.failed + b.failed, pending: a.pending + b.pending }) + '\n');
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[host] ${err instanceof Error ? err.stack : err}`);
    process.exit(1);
  },
);

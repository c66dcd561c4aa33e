// The `host` test layer: the bundled extension and its extension-host suite
// (dist/test/host/index.js) run inside a real VS Code (code-server) against a
// real Prometheus. Run by scripts/test.mjs after `node esbuild.config.mjs`:
//   node --import tsx test/host/runHost.ts
// Exit code 0 only if the suite reported success; results land in
// $OPS_LENS_RESULTS_FILE (written by the suite itself, inside the host).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startTestWorkspace, type TestWorkspace } from '../support/hosts';
import { runHostSuite, stopHostServer } from './runInCodeServer';

async function main(): Promise<number> {
  const suite = join(repoRoot, 'dist/test/host/index.js');
  if (!existsSync(suite)) throw new Error(`${suite} is missing: run \`node esbuild.config.mjs\` first`);
  let workspace: TestWorkspace | undefined;
  try {
    const t0 = Date.now();
    workspace = await startTestWorkspace();
    console.log(`[host] Prometheus at ${workspace.prometheusUrl}, workspace ${workspace.folder} (${Date.now() - t0} ms)`);
    const t1 = Date.now();
    const { exitCode } = await runHostSuite({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suite,
      folder: workspace.folder,
      env: {
        ...workspace.env,
        ...(process.env.OPS_LENS_TEST_DEBUG ? { OPS_LENS_TEST_DEBUG: '1' } : {}),
        ...(process.env.OPS_LENS_RESULTS_FILE ? { OPS_LENS_RESULTS_FILE: process.env.OPS_LENS_RESULTS_FILE } : {}),
      },
    });
    console.log(`[host] suite finished with exit code ${exitCode} (${Date.now() - t1} ms incl. code-server start)`);
    return exitCode;
  } finally {
    await stopHostServer();
    await workspace?.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[host] ${err instanceof Error ? err.stack : err}`);
    process.exit(1);
  },
);

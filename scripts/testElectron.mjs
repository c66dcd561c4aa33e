#!/usr/bin/env node
// `npm run test:electron`: the same extension-host suite (dist/test/host/index.js)
// in desktop VS Code via @vscode/test-electron, against the same prepared workspace
// and real Prometheus as the code-server `host` layer. Needs update.code.visualstudio.com;
// on machines without it, use `npm run test:host` (code-server), which runs the same suite.
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const suite = join(root, 'dist/test/host/index.js');
// Outside the repo, next to the other cached hosts (the default would be ./.vscode-test).
const cachePath = join(process.env.OPS_LENS_CACHE ?? join(homedir(), '.cache/ops-lens'), 'vscode-test');

async function main() {
  if (!existsSync(suite)) throw new Error(`${suite} is missing: run \`node esbuild.config.mjs\` first`);

  // Download first: no point starting Prometheus if there is no VS Code to run.
  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ cachePath });
  } catch (err) {
    const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo/.test(String(err?.message ?? err));
    throw new Error(
      offline
        ? `cannot download desktop VS Code (${err.message}).\n` +
            'This machine cannot reach update.code.visualstudio.com, which is expected here. ' +
            'The same suite runs in a real VS Code server with `npm run test:host` (code-server).'
        : `downloading VS Code failed: ${err?.stack ?? err}`,
    );
  }

  const { startTestWorkspace } = await tsImport('../test/support/hosts.ts', import.meta.url);
  const workspace = await startTestWorkspace();
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
      launchArgs: [workspace.folder, '--disable-extensions'],
      extensionTestsEnv: {
        ...workspace.env,
        ...(process.env.OPS_LENS_RESULTS_FILE ? { OPS_LENS_RESULTS_FILE: process.env.OPS_LENS_RESULTS_FILE } : {}),
      },
    });
  } finally {
    await workspace.dispose();
  }
}

main().then(
  () => console.log('[test:electron] passed'),
  (err) => {
    console.error(`[test:electron] ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  },
);

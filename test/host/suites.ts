// The extension-host test modules, in the order they run. Add yours here with a
// `require('./yourFeature.test');` line: test/host/index.ts is bundled by esbuild,
// so each module must be named by a static string literal (no globs, no variables).
// Each module registers its tests with describe/it when it is required.
/* eslint-disable @typescript-eslint/no-require-imports */
export function loadSuites(): void {
  // The Restricted Mode session (test/host/runHost.ts runs it on a server with workspace trust on) has its own suite.
  if (process.env.OPS_LENS_HOST_SESSION === 'restricted') {
    require('./restricted.test');
    return;
  }
  // Two windows on a folder of their own, one after the other: what the first keeps on disk, the second takes back.
  if (process.env.OPS_LENS_HOST_SESSION === 'stored' || process.env.OPS_LENS_HOST_SESSION === 'reopened') {
    require('./keptOnDisk.test');
    require('./settling.test');
    return;
  }
  require('./smoke.test');
  require('./diagnostics.test');
  require('./insights.test');
  require('./signals.test');
  require('./releases.test');
  require('./servicesView.test');
  require('./changeRequests.test');
}

// The test suite entry that runs INSIDE a real VS Code extension host: code-server
// (test/host/runInCodeServer.ts) and desktop VS Code (@vscode/test-electron) both
// load the bundled dist/test/host/index.js and call run(), exactly as
// `--extensionTestsPath` does. Test modules are listed in ./suites.
import Mocha from 'mocha';
import { loadSuites } from './suites';

// The same reporter the mocha CLI layers use: Spec output (forwarded to the
// launcher through the host's console) plus the results file for scripts/test.mjs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ResultsReporter = require('../support/resultsReporter.cjs');

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: ResultsReporter });
  // Bundled: there are no files for mocha to load, so define describe/it ourselves
  // and then evaluate the test modules, which register their tests on import.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  loadSuites();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}

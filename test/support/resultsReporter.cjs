// Mocha reporter: the readable Spec output, plus `{ passed, failed, pending }`
// written to $OPS_LENS_RESULTS_FILE when the run ends, so scripts/test.mjs can
// sum the layers without parsing console output.
// Used by the mocha CLI (`--reporter ./test/support/resultsReporter.cjs`) and
// bundled into the extension-host suite (test/host/index.ts).
'use strict';
const { writeFileSync, mkdirSync } = require('node:fs');
const { dirname } = require('node:path');
// mocha 12 is ESM with a CJS core; lib/mocha.cjs is requireable on Node 20 and when bundled.
const { reporters } = require('mocha/lib/mocha.cjs');

class ResultsReporter extends reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.OPS_LENS_RESULTS_FILE;
      if (!file) return;
      const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, pending }) + '\n');
    });
  }
}

module.exports = ResultsReporter;

// The analysis pool's thread run from source, for the unit tests: tsx compiles the TypeScript, as it does the suite's.
require('tsx/cjs');
require('../../src/analysisWorker.ts');

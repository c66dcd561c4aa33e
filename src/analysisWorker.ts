// A thread of the analysis pool (src/core/analysis/analysisPool.ts; its work is in analysisThread.ts): bundled as
// dist/analysisWorker.js beside the extension and the CLI, and started by them with the folder of the grammars.
import { parentPort, workerData } from 'node:worker_threads';
import { serveAnalyses } from './core/analysis/analysisThread';

if (parentPort) serveAnalyses(parentPort, (workerData as { wasmDir: string }).wasmDir);

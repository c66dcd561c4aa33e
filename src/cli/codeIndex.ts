import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { AnalysisPool } from '../core/analysis/analysisPool';
import { CodeIndex } from '../core/analysis/codeIndex';
import { Grammars } from '../core/code/treeSitter';
import { UsageError } from './args';
import type { CliIo } from './io';
import { wasmDir } from './wasmDir';

/** Threads when OPS_LENS_THREADS is not set: one per processor, as a CI job has the machine to itself. */
const MOST_THREADS = 8;

/**
 * The CLI's code index. A full pass over a large workspace runs on a pool of threads (OPS_LENS_THREADS of them,
 * 0 for none), from the bundle's dist/analysisWorker.js; run from source (the tests), there is no such script and the
 * pass runs on the main thread.
 */
export function cliCodeIndex(io: CliIo): CodeIndex {
  const dir = wasmDir();
  const index = new CodeIndex(new Grammars(dir));
  const threads = threadsFrom(io.env.OPS_LENS_THREADS);
  const script = join(__dirname, 'analysisWorker.js');
  if (threads > 0 && existsSync(script)) index.runOn(new AnalysisPool({ script, size: threads, wasmDir: dir, execArgv: [] }));
  return index;
}

/** Says on stderr when the threads could not do the pass (it was done on the main thread: same results, slower). */
export function reportThreads(index: CodeIndex, io: CliIo): void {
  if (index.poolFailure) io.err(`ops-lens: the code was analysed on the main thread: ${index.poolFailure}\n`);
}

function threadsFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return Math.min(MOST_THREADS, availableParallelism());
  if (!/^\s*\d+\s*$/.test(value)) throw new UsageError(`OPS_LENS_THREADS must be a whole number of threads (0: analyse on the main thread), not '${value}'`);
  return Math.min(64, Number(value));
}

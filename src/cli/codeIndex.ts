import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { AnalysisPool } from '../core/analysis/analysisPool';
import { AnalysisStore } from '../core/analysis/analysisStore';
import { CodeIndex } from '../core/analysis/codeIndex';
import { ENGINE_STAMP } from '../core/analysis/engineStamp';
import { Grammars } from '../core/code/treeSitter';
import { UsageError } from './args';
import type { CliIo } from './io';
import { wasmDir } from './wasmDir';

/** Threads when OPS_LENS_THREADS is not set: one per processor, as a CI job has the machine to itself. */
const MOST_THREADS = 8;

/**
 * The CLI's code index for the workspace `root`. A full pass over a large workspace runs on a pool of threads
 * (OPS_LENS_THREADS of them, 0 for none), from the bundle's dist/analysisWorker.js; run from source (the tests),
 * there is no such script and the pass runs on the main thread. With OPS_LENS_ANALYSIS_CACHE, each file's analysis is kept in
 * that folder for the next run (a CI cache), one file per workspace.
 */
export function cliCodeIndex(io: CliIo, root: string): CodeIndex {
  const dir = wasmDir();
  const index = new CodeIndex(new Grammars(dir));
  const threads = threadsFrom(io.env.OPS_LENS_THREADS);
  const cache = io.env.OPS_LENS_ANALYSIS_CACHE?.trim();
  if (cache && ENGINE_STAMP) index.keepOn(new AnalysisStore(storeFile(resolve(io.cwd, cache), root), ENGINE_STAMP));
  // Run from source, the analysis can change under the same name: nothing is kept (said, as it was asked for).
  else if (cache) io.err('ops-lens: OPS_LENS_ANALYSIS_CACHE not used: this ops-lens runs from source, not from its build\n');
  const script = join(__dirname, 'analysisWorker.js');
  if (threads > 0 && existsSync(script)) index.runOn(new AnalysisPool({ script, size: threads, wasmDir: dir, execArgv: [] }));
  return index;
}

/**
 * Writes OPS_LENS_ANALYSIS_CACHE anew, and says on stderr what the pass took from it, and when the threads could not do the
 * pass (it was done on the main thread: same results, slower). Called once the results are out.
 */
export async function reportIndex(index: CodeIndex, io: CliIo): Promise<void> {
  if (index.poolFailure) io.err(`ops-lens: the code was analysed on the main thread: ${index.poolFailure}\n`);
  await index.keepOnDisk();
  const stored = index.lastStore;
  if (!stored) return;
  if (stored.unusable) io.err(`ops-lens: OPS_LENS_ANALYSIS_CACHE not used: ${stored.unusable}\n`);
  if (stored.saveError) io.err(`ops-lens: OPS_LENS_ANALYSIS_CACHE not written: ${stored.saveError}\n`);
  io.err(`ops-lens: ${stored.reused} of ${stored.analysed} source files taken unchanged from OPS_LENS_ANALYSIS_CACHE\n`);
}

/** The cache's file for one workspace: named by the workspace's absolute path, so one folder serves several. */
function storeFile(cacheDir: string, root: string): string {
  if (!isAbsolute(root)) throw new Error(`storeFile: ${root} is not absolute`);
  return join(cacheDir, `ops-lens-analyses-${createHash('sha1').update(root).digest('hex').slice(0, 16)}.bin`);
}

function threadsFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return Math.min(MOST_THREADS, availableParallelism());
  if (!/^\s*\d+\s*$/.test(value)) throw new UsageError(`OPS_LENS_THREADS must be a whole number of threads (0: analyse on the main thread), not '${value}'`);
  return Math.min(64, Number(value));
}

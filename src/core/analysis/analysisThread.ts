import type { MessagePort } from 'node:worker_threads';
import { analyzeTree } from '../code/analyzeFile';
import { CallCatalogue } from '../code/hazards/callCatalogue';
import { Grammars } from '../code/treeSitter';
import type { FromWorker, PoolJob, PoolResult, ToWorker } from './poolProtocol';

/**
 * The thread's side of the analysis pool: each chunk parsed, then analysed, file by file, exactly as `CodeIndex.ingestAll`
 * does on the main thread (the parses first, so each kind of work runs with its own code in the processor's caches).
 * Messages are handled one at a time, in the order sent.
 */
export function serveAnalyses(port: MessagePort, wasmDir: string): void {
  const grammars = new Grammars(wasmDir);
  let catalogue = new CallCatalogue();
  let turn: Promise<void> = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    turn = turn.then(async () => {
      if (message.type === 'catalogue') {
        catalogue = new CallCatalogue(message.data);
        return;
      }
      try {
        // Loaded before any file is tried: a grammar that will not load fails the chunk, which the main thread
        // then analyses itself, rather than each of its files.
        for (const language of new Set(message.jobs.map((j) => j.language))) await grammars.parserFor(language);
      } catch (e) {
        port.postMessage({ type: 'failed', id: message.id, message: (e as Error).message } satisfies FromWorker);
        return;
      }
      port.postMessage({ type: 'done', id: message.id, results: await runChunk(grammars, catalogue, message.jobs, !!message.parseOnly) } satisfies FromWorker);
    });
  });
}

async function runChunk(grammars: Grammars, catalogue: CallCatalogue, jobs: PoolJob[], parseOnly: boolean): Promise<PoolResult[]> {
  const results: PoolResult[] = [];
  const trees: { tree?: Awaited<ReturnType<Grammars['parse']>>; parseMs: number }[] = [];
  for (const job of jobs) {
    const t0 = performance.now();
    try {
      trees.push({ tree: await grammars.parse(job.language, job.text), parseMs: performance.now() - t0 });
    } catch (e) {
      trees.push({ parseMs: 0 });
      results[trees.length - 1] = { error: (e as Error).message };
    }
  }
  jobs.forEach((job, i) => {
    const { tree, parseMs } = trees[i];
    if (!tree) return;
    try {
      if (parseOnly) {
        results[i] = { parsed: true };
        return;
      }
      const t1 = performance.now();
      const raw = analyzeTree(job.file, job.language, tree, catalogue, job.text);
      results[i] = { raw, analysisMs: performance.now() - t1, parseMs };
    } catch (e) {
      results[i] = { error: (e as Error).message };
    } finally {
      tree.delete();
    }
  });
  return results;
}

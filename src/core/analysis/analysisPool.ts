import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CatalogueData } from '../code/hazards/callCatalogue';
import type { FromWorker, PoolJob, PoolResult, ToWorker } from './poolProtocol';

/**
 * Threads for an editor's full passes when the user has not said: one processor is left to the editor itself, and
 * more than four add memory (tens of MiB each while a pass runs) for little.
 */
export function automaticThreads(processors = availableParallelism()): number {
  return Math.max(1, Math.min(4, processors - 1));
}

export interface AnalysisPoolOptions {
  /** The thread's entry: dist/analysisWorker.js (src/analysisWorker.ts). */
  script: string;
  /** Threads at most; each is started on the first chunk that finds no idle one. */
  size: number;
  /** The folder of tree-sitter.wasm and the grammars, which each thread loads for itself. */
  wasmDir: string;
  /**
   * Node options for the threads; none given: this process's own. The extension and the CLI give an empty list: an
   * extension host started with `--inspect` would have each thread claim the same port.
   */
  execArgv?: string[];
  /**
   * How long idle threads are kept (ms). Each holds its own grammars and heap, some tens of MiB: they are let go
   * once a full pass is over, not kept for the next one, which may be an hour away.
   */
  idleMs?: number;
}

interface Chunk {
  jobs: PoolJob[];
  catalogue: CatalogueData;
  parseOnly: boolean;
  resolve(results: PoolResult[]): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  /** The chunk it is working on. */
  running?: Chunk & { id: number };
  /** The catalogue this thread was last given: sent again only when another one is asked for. */
  catalogue?: CatalogueData;
}

/**
 * Threads that parse and analyse files for `CodeIndex.ingestAll`, so that a full pass over a workspace neither holds
 * the extension host's thread (which every other extension shares) nor waits on one core when there are more. The
 * per-file analysis is plain data (FileAnalysis), so a thread's result is what the main thread would have made; the
 * workspace join, which needs every file, stays on the main thread.
 *
 * A thread that fails (it throws outside a file's analysis, or exits) rejects its chunk and every chunk after it
 * until `close()`: the caller analyses those files itself, so a broken pool costs speed, never results.
 */
export class AnalysisPool {
  private slots: Slot[] = [];
  private readonly queue: Chunk[] = [];
  private nextId = 0;
  private broken?: Error;
  private idle?: NodeJS.Timeout;
  private disposed = false;

  constructor(private readonly options: AnalysisPoolOptions) {}

  get size(): number {
    return Math.max(1, this.options.size);
  }

  /** Why the pool stopped taking work in this pass, if it did. */
  get failure(): Error | undefined {
    return this.broken;
  }

  /** Parses and analyses `jobs` on a thread: their results in the same order. `parseOnly`: the parse alone (the benchmark's baseline). */
  submit(jobs: PoolJob[], catalogue: CatalogueData, parseOnly = false): Promise<PoolResult[]> {
    if (this.disposed) return Promise.reject(new Error('the analysis threads were let go'));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<PoolResult[]>((resolve, reject) => {
      this.queue.push({ jobs, catalogue, parseOnly, resolve, reject });
      this.pump();
    });
  }

  /** Stops every thread; the next chunk starts new ones. */
  async close(): Promise<void> {
    clearTimeout(this.idle);
    this.idle = undefined;
    const slots = this.slots;
    this.slots = [];
    const stopped = new Error('the analysis threads were stopped');
    for (const chunk of this.queue.splice(0)) chunk.reject(stopped);
    for (const slot of slots) slot.running?.reject(stopped);
    this.broken = undefined;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  /** Stops every thread for good: a pass under way does the rest of its files on its own thread. */
  dispose(): void {
    this.disposed = true;
    void this.close();
  }

  private pump(): void {
    clearTimeout(this.idle);
    this.idle = undefined;
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.running);
      if (!slot && this.slots.length < this.size) {
        try {
          slot = this.spawn();
        } catch (e) {
          this.broken ??= e as Error;
          for (const chunk of this.queue.splice(0)) chunk.reject(this.broken);
          return;
        }
      }
      if (!slot) break;
      const chunk = this.queue.shift()!;
      const id = this.nextId++;
      slot.running = { ...chunk, id };
      // A working thread keeps the process alive (a CLI awaiting its results); an idle one does not.
      slot.worker.ref();
      try {
        if (slot.catalogue !== chunk.catalogue) {
          slot.worker.postMessage({ type: 'catalogue', data: chunk.catalogue } satisfies ToWorker);
          slot.catalogue = chunk.catalogue;
        }
        slot.worker.postMessage({ type: 'chunk', id, jobs: chunk.jobs, parseOnly: chunk.parseOnly || undefined } satisfies ToWorker);
      } catch (e) {
        // Not sent (a rule the structured clone cannot copy): the chunk would wait forever.
        this.fail(slot, e as Error);
        return;
      }
    }
    if (this.slots.length && this.slots.every((s) => !s.running)) {
      this.idle = setTimeout(() => void this.close(), this.options.idleMs ?? 5000);
      this.idle.unref();
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.script, { workerData: { wasmDir: this.options.wasmDir }, execArgv: this.options.execArgv });
    const slot: Slot = { worker };
    this.slots.push(slot);
    worker.on('message', (message: FromWorker) => {
      // A thread already let go, or an answer to a chunk it no longer runs: nobody waits for it.
      if (!this.slots.includes(slot) || slot.running?.id !== message.id) return;
      if (message.type === 'failed') {
        this.fail(slot, new Error(`an analysis thread could not start: ${message.message}`));
        return;
      }
      const chunk = slot.running;
      slot.running = undefined;
      worker.unref();
      chunk.resolve(message.results);
      this.pump();
    });
    worker.on('messageerror', (e) => this.fail(slot, e));
    worker.on('error', (e) => this.fail(slot, e));
    worker.on('exit', (code) => this.fail(slot, new Error(`an analysis thread stopped (exit code ${code})`)));
    return slot;
  }

  private fail(slot: Slot, e: Error): void {
    // Gone already: closed, or its error came before its exit.
    if (!this.slots.includes(slot)) return;
    this.slots = this.slots.filter((s) => s !== slot);
    this.broken ??= e;
    slot.running?.reject(e);
    for (const chunk of this.queue.splice(0)) chunk.reject(e);
    void slot.worker.terminate();
  }
}

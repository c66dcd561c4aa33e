// What the analysis pool's threads and the main thread say to each other (analysisPool.ts, analysisThread.ts).
import type { FileAnalysis } from '../code/codeModel';
import type { CatalogueData } from '../code/hazards/callCatalogue';
import type { LanguageId } from '../code/treeSitter';

/** One file for a thread of the pool: the text read on the main thread, the language it is parsed in. */
export interface PoolJob {
  file: string;
  text: string;
  language: LanguageId;
}

/** A file's analysis as a thread made it (`parsed` only, when the chunk asked for the parse alone), or why not. */
export type PoolResult = { raw: FileAnalysis; analysisMs: number; parseMs: number } | { parsed: true } | { error: string };

/**
 * A thread's analysis as the main thread would have made it. Records keyed by names of the code are made without a
 * prototype (a name may be `constructor`), and a structured clone gives every object one back; these are the ones.
 */
export function revive(raw: FileAnalysis): FileAnalysis {
  if (raw.links) {
    Object.setPrototypeOf(raw.links.exports, null);
    if (raw.links.constants) Object.setPrototypeOf(raw.links.constants, null);
  }
  return raw;
}

/** What the main thread sends: the catalogue the analyses use from now on, or a chunk of files. */
export type ToWorker = { type: 'catalogue'; data: CatalogueData } | { type: 'chunk'; id: number; jobs: PoolJob[]; parseOnly?: boolean };

/** `failed`: the thread could not take the chunk at all (its grammars would not load): not any file's fault. */
export type FromWorker = { type: 'done'; id: number; results: PoolResult[] } | { type: 'failed'; id: number; message: string };

import { isDeepStrictEqual } from 'node:util';
import type { Edit, Point, Tree } from '@vscode/tree-sitter-wasm';
import { analyzeTree, inMigrationsFolder, isExampleCode, isOneOffScript, isTestFile, UnitCache } from '../code/analyzeFile';
import { analyzeMapperXml, isMapperDocument, isMapperXml } from '../code/mybatisMappers';
import { analyzeJsonModule } from '../code/jsonModules';
import { analyzeOpenApiSpec, isOpenApiSpecFile } from '../code/openApiSpecs';
import { analyzeStrapiSchema, isStrapiSchema } from '../code/routes/strapiRoutes';
import { analyzeProtoFile, isProtoFile } from '../code/protoFiles';
import type { FileAnalysis } from '../code/codeModel';
import { CallCatalogue } from '../code/hazards/callCatalogue';
import { Grammars, isNotServerSource, languageOfFile, type LanguageId } from '../code/treeSitter';
import { withLineFeeds } from '../code/syntax';
import { LinkCache, linkFiles, type LinkOptions } from '../code/workspaceLinks';
import type { AnalysisPool } from './analysisPool';
import type { AnalysisStore, StoreCounts } from './analysisStore';
import { revive, type PoolJob, type PoolResult } from './poolProtocol';
import { readAhead } from './readAhead';

/** Open documents whose syntax tree is kept for incremental re-parsing; the least recently edited is dropped. */
const KEPT_TREES = 8;

/**
 * A full pass parses this many files one after another, then analyses them one after another. Each kind of work then
 * runs with its own code and tables still in the processor's caches: analysing after each parse made the parse
 * about 15% slower than a bare one and the whole pass about 5–10% slower (`npm run bench` reports both ways). A batch
 * ends early at BATCH_CHARS of text: its analyses run without a turn of the event loop between them (the reads and
 * parses have one each), and the extension host is shared with every other extension.
 */
const BATCH_FILES = 16;
const BATCH_CHARS = 1 << 16;

/**
 * A full pass that parses fewer files runs on the main thread: starting a thread and loading its grammars (about
 * 100 ms) costs what analysing two hundred small files does.
 */
const POOLED_FILES = 256;

/** A file parsed and waiting for its analysis in a batch of `ingestAll`. */
interface Parsed {
  file: string;
  text: string;
  language: LanguageId;
  tree: Tree;
  parseMs: number;
  /** When its text was read (CodeIndex.clock). */
  readAt: number;
}

interface Cached {
  text: string;
  /**
   * When the text was read (CodeIndex.clock): two full passes can overlap in the editor (a save starts one while
   * another runs), and an edit can be analysed while either does; the analysis of the text read last wins.
   */
  readAt: number;
  /** This file's own analysis, hazards without routes: what the workspace join starts from. */
  raw: FileAnalysis;
  /** The same, linked with itself only (same-file routes attached): what `analyze` returns. */
  local?: FileAnalysis;
  /**
   * Made by `analyzeEdit`, statement by statement (and from the results of the statements an edit left alone): what
   * the editor shows while typing, fast, but not always what the whole file's analysis gives, where one statement's
   * meaning rests on another's (a route helper declared in another function, say). `settle` analyses the text whole
   * once typing pauses, a full pass does too, and the store never keeps it.
   */
  incremental?: true;
}

/** What a full pass took from the analyses kept on disk (AnalysisStore) of the `analysed` source files it analysed. */
export interface StoreReport extends StoreCounts {
  analysed: number;
  /** Why the store could not be written after the pass. */
  saveError?: string;
}

/** Timings of the last analysis, for the log and the benchmark. */
export interface AnalysisTiming {
  file: string;
  parseMs: number;
  analysisMs: number;
  incremental: boolean;
}

/**
 * Per-file code analysis, cached by content so an unchanged file is never parsed twice, and the cheap workspace
 * join over those cached results (cross-file mounts, calls and request paths), redone on demand.
 * Edited documents keep their syntax tree: `analyzeEdit` re-parses only what changed (`tree.edit` + parse with
 * the old tree).
 */
export class CodeIndex {
  private readonly cache = new Map<string, Cached>();
  /** Edited documents' trees, with the text parsed (withLineFeeds of the document's). */
  private readonly trees = new Map<string, { text: string; tree: Tree; units: UnitCache }>();
  private version = 0;
  /** Ticks once per text read or given: orders the analyses of one file (Cached.readAt). */
  private clock = 0;
  private linked?: { version: number; key: string; result: FileAnalysis[] };
  /** Call resolutions carried from one join to the next while no file's interface changes. */
  private readonly linkCache = new LinkCache();
  /** Threads a full pass runs on (see AnalysisPool); none: everything on this thread. */
  private pool?: AnalysisPool;
  private pooledFiles = POOLED_FILES;
  /** Why the threads could not do the last full pass, if they could not (this thread did it instead). */
  poolFailure?: string;
  /** What the last full pass took from the store, and whether it could be written (none: no store in use). */
  lastStore?: StoreReport;
  /** Analyses kept on disk between runs (see AnalysisStore); none: every run parses every file. */
  private disk?: AnalysisStore;
  private writing: Promise<void> = Promise.resolve();
  /** The store once opened for the rules in force (unset when they change): files are taken from it. */
  private storeOpen?: AnalysisStore;
  lastTiming?: AnalysisTiming;

  constructor(
    readonly grammars: Grammars,
    private catalogueValue: CallCatalogue = new CallCatalogue(),
    private linkOptions: LinkOptions = {},
  ) {}

  /**
   * A file the code analysis reads: source in one of the languages, a MyBatis XML mapper (its SQL), an OpenAPI
   * spec a generator makes interfaces of (its operations), or a `.proto` file (its gRPC services).
   */
  static isCode(file: string): boolean {
    return languageOfFile(file) !== undefined || isMapperXml(file) || isOpenApiSpecFile(file) || isProtoFile(file) || isStrapiSchema(file);
  }

  get catalogue(): CallCatalogue {
    return this.catalogueValue;
  }

  /** The `.ops-lens.yaml` text the catalogue was made from ('' = built-in rules only). */
  catalogueSource = '';

  /** A new catalogue (`.ops-lens.yaml` changed): every file is analysed again on its next request. */
  setCatalogue(catalogue: CallCatalogue, source = ''): void {
    this.catalogueValue = catalogue;
    this.catalogueSource = source;
    this.cache.clear();
    this.storeOpen = undefined;
    for (const kept of this.trees.values()) kept.units = new UnitCache();
    this.version++;
  }

  /** Which service each file belongs to, so guesses by name stay inside one service. */
  setLinkOptions(options: LinkOptions): void {
    this.linkOptions = options;
    this.version++;
  }

  /** Full passes that parse `minFiles` files or more run on these threads from now on (undefined: on this thread). */
  runOn(pool: AnalysisPool | undefined, minFiles = POOLED_FILES): void {
    this.pool = pool;
    this.pooledFiles = minFiles;
  }

  /**
   * Full passes take the analyses of unchanged files from this store (opened for the rules then in force) instead of
   * parsing them, and `persist` writes the cache to it. Not with a catalogue of a class of its own (a test's): its
   * behaviour is more than its rules, so the rules cannot tell its analyses apart.
   */
  keepOn(store: AnalysisStore | undefined): void {
    this.disk = store;
    this.storeOpen = undefined;
  }

  /**
   * Writes every analysed source file's own analysis to the store; false when nothing was written (no store, or it
   * already held exactly these).
   */
  async persist(): Promise<boolean> {
    const store = this.usableStore();
    if (!store) return false;
    await store.open(this.catalogueValue.data);
    const sources = [...this.cache].filter(([file, c]) => !c.incremental && languageOfFile(file) !== undefined);
    return store.save(sources.map(([file, c]) => ({ file, text: c.text, raw: c.raw })));
  }

  /**
   * `beginPass` starts counting what a full pass (one or more `ingestAll`) takes from the store, and `endPass` ends a
   * full pass of `analysed` source files: says what it took from the store (`lastStore`; none without a store). The
   * store is written by `keepOnDisk`, which the caller runs once the pass's results are out.
   */
  beginPass(): void {
    this.usableStore()?.takeCounts();
  }

  endPass(analysed: number): void {
    const store = this.usableStore();
    this.lastStore = store ? { ...store.takeCounts(), analysed } : undefined;
  }

  /**
   * Writes the store anew, after any write still under way; one that fails is said in `lastStore.saveError` (the
   * analyses themselves stand). Resolves when written, never rejects.
   */
  keepOnDisk(): Promise<void> {
    const report = this.lastStore;
    this.writing = this.writing.then(
      () => this.persist().then(
        () => undefined,
        (e: Error) => {
          if (report) report.saveError = e.message;
        },
      ),
    );
    return this.writing;
  }

  /** Resolves once the writes `keepOnDisk` started have ended. */
  written(): Promise<void> {
    return this.writing;
  }

  private usableStore(): AnalysisStore | undefined {
    return this.disk && Object.getPrototypeOf(this.catalogueValue) === CallCatalogue.prototype ? this.disk : undefined;
  }

  /** This file alone: its routes and hazards, hazards on the routes of the same file. */
  async analyze(file: string, text: string, previousTree?: Tree): Promise<FileAnalysis | undefined> {
    const cached = this.cache.get(file);
    if (cached && cached.text === text) return this.local(cached);
    const language = languageOfFile(file);
    if (!language) return undefined;
    if (isNotServerSource(file, text)) {
      this.forget(file);
      return undefined;
    }
    const t0 = performance.now();
    const tree = await this.grammars.parse(language, text, previousTree);
    const t1 = performance.now();
    try {
      return this.store(file, text, analyzeTree(file, language, tree, this.catalogueValue, text), t0, t1, !!previousTree);
    } finally {
      if (tree !== previousTree) tree.delete();
    }
  }

  /**
   * The edited document: parsed incrementally against the tree kept from its previous version (the edit is
   * the changed span between the two texts, so any number of coalesced keystrokes is one edit), and only the
   * top-level statements the edit touched analysed again. Returns the file's own results, hazards not yet on
   * routes: call `link()` next (the editor does), which attaches them across files.
   */
  async analyzeEdit(file: string, text: string): Promise<FileAnalysis | undefined> {
    const cached = this.cache.get(file);
    if (cached && cached.text === text && this.trees.has(file)) return cached.raw;
    const language = languageOfFile(file);
    if (!language) return undefined;
    if (isNotServerSource(file, text)) {
      this.forget(file);
      return undefined;
    }
    const kept = this.trees.get(file);
    // The text as parsed (a carriage return alone made a line feed: withLineFeeds), so that the edit is told in the
    // text the kept tree was parsed from.
    const source = withLineFeeds(text);
    const t0 = performance.now();
    let tree: Tree;
    if (kept) {
      const edit = editBetween(kept.text, source);
      kept.units.edit = { start: edit.startIndex, oldEnd: edit.oldEndIndex, newEnd: edit.newEndIndex };
      kept.tree.edit(edit);
      tree = await this.grammars.parse(language, source, kept.tree);
      kept.tree.delete();
    } else {
      tree = await this.grammars.parse(language, source);
    }
    const t1 = performance.now();
    // Statements whose text did not change keep their results (moved to their new place).
    const units = kept?.units ?? new UnitCache();
    this.trees.delete(file);
    this.trees.set(file, { text: source, tree, units });
    while (this.trees.size > KEPT_TREES) this.close(this.trees.keys().next().value!);
    const raw = analyzeTree(file, language, tree, this.catalogueValue, source, units);
    this.cache.set(file, { text, raw, readAt: ++this.clock, incremental: true });
    this.version++;
    this.lastTiming = { file, parseMs: t1 - t0, analysisMs: performance.now() - t1, incremental: !!kept };
    return raw;
  }

  /**
   * The edited document's text analysed whole, from the tree its last edit parsed (no parse): what the file gives a full
   * pass, where the statement-by-statement analysis of the edits (Cached.incremental) may have missed what one
   * statement takes from another. Undefined when that changes nothing (as for almost every file; the cache then holds
   * the same analysis, known whole, and the join need not run again), or there is nothing to settle: the cache holds
   * another text, or already this one's whole analysis.
   */
  settle(file: string, text: string): FileAnalysis | undefined {
    const cached = this.cache.get(file);
    const kept = this.trees.get(file);
    const language = languageOfFile(file);
    if (!cached?.incremental || cached.text !== text || kept?.text !== withLineFeeds(text) || !language) return undefined;
    const t0 = performance.now();
    const raw = analyzeTree(file, language, kept.tree, this.catalogueValue, text);
    const same = isDeepStrictEqual(raw, cached.raw);
    this.cache.set(file, { text, raw: same ? cached.raw : raw, readAt: ++this.clock });
    if (same) return undefined;
    this.version++;
    this.lastTiming = { file, parseMs: 0, analysisMs: performance.now() - t0, incremental: false };
    return raw;
  }

  /** The text the file's cached analysis was made from. */
  textOf(file: string): string | undefined {
    return this.cache.get(file)?.text;
  }

  /** Whether the cache holds a fresh analysis (not one made from an edit's previous version) of exactly this text. */
  analysedAfresh(file: string, text: string): boolean {
    const cached = this.cache.get(file);
    return !!cached && cached.text === text && !cached.incremental;
  }

  /** The document closed: its kept tree is freed (the cached analysis stays). */
  close(file: string): void {
    const kept = this.trees.get(file);
    if (!kept) return;
    kept.tree.delete();
    this.trees.delete(file);
  }

  forget(file: string): void {
    this.close(file);
    if (this.cache.delete(file)) this.version++;
  }

  /** These files' own analyses, hazards not yet on routes (those not analysed are left out). */
  analysesOf(files: readonly string[]): FileAnalysis[] {
    return files.map((f) => this.cache.get(f)?.raw).filter((a): a is FileAnalysis => !!a);
  }

  /** Every analysed file on its own (same-file links only). */
  all(): FileAnalysis[] {
    return [...this.cache.values()].map((c) => this.local(c));
  }

  /**
   * The workspace join over the cached files (all, or those listed): full route paths through mounts in other
   * files, hazards on the routes that reach them across files. No parsing; cached until a file changes.
   */
  link(files?: readonly string[]): FileAnalysis[] {
    const key = files ? files.join('\n') : '*';
    if (this.linked && this.linked.version === this.version && this.linked.key === key) return this.linked.result;
    const raws = (files ?? [...this.cache.keys()]).map((f) => this.cache.get(f)?.raw).filter((a): a is FileAnalysis => !!a);
    const result = linkFiles(raws, this.linkOptions, this.linkCache);
    this.linked = { version: this.version, key, result };
    return result;
  }

  private store(file: string, text: string, raw: FileAnalysis, t0: number, t1: number, incremental: boolean): FileAnalysis {
    const entry: Cached = { text, raw, readAt: ++this.clock };
    this.cache.set(file, entry);
    this.version++;
    this.lastTiming = { file, parseMs: t1 - t0, analysisMs: performance.now() - t1, incremental };
    return this.local(entry);
  }

  /**
   * Analyses the file into the cache without making its single-file view (the workspace join makes the one
   * that is shown): what a full pass over the workspace needs. False when the file is not code. `readAt`: when the
   * text was read (a `readMark` taken before reading it), so that an edit analysed since is not replaced by it.
   */
  async ingest(file: string, text: string, readAt = ++this.clock): Promise<boolean> {
    return this.ingestRead(file, text, readAt);
  }

  /** A mark to take just before reading a file's text for `ingest`. */
  readMark(): number {
    return ++this.clock;
  }

  /** `ingest` of a text read at `readAt`: kept only if no analysis of a text read later is in the cache. */
  private async ingestRead(file: string, text: string, readAt: number): Promise<boolean> {
    const language = this.toParse(file, text, readAt);
    if (typeof language === 'boolean') return language;
    const t0 = performance.now();
    const tree = await this.grammars.parse(language, text);
    try {
      this.analyzeParsed({ file, text, language, tree, parseMs: performance.now() - t0, readAt });
      return true;
    } finally {
      tree.delete();
    }
  }

  /**
   * JSON files the code imports for its route paths (code/jsonModules.ts), read and kept without a parse: those that
   * could be read and hold an object. Not code otherwise (`isCode`): only a full pass that finds them named reads them.
   */
  async ingestJsonModules(files: readonly string[], read: (file: string) => Promise<string>): Promise<string[]> {
    const out: string[] = [];
    for (const file of files) {
      const readAt = this.readMark();
      const text = await read(file).catch(() => undefined);
      const cached = this.cache.get(file);
      if (text !== undefined && cached?.text === text) {
        out.push(file);
        continue;
      }
      const raw = text !== undefined ? analyzeJsonModule(file, text) : undefined;
      if (!raw) {
        if (this.cache.delete(file)) this.version++;
        continue;
      }
      if (!this.newerThan(file, readAt)) {
        this.cache.set(file, { text: text!, raw, readAt });
        this.version++;
      }
      out.push(file);
    }
    return out;
  }

  /**
   * A full pass: every file read and analysed into the cache, as `ingest` does, a batch at a time (see BATCH_FILES).
   * Returns the files that are code, in the order given; a file that cannot be read or analysed is reported to
   * `failed` and skipped, and the others go on. Once `signal` aborts (a newer pass started), no more files are read:
   * what was read is still analysed and cached, and only those files are returned.
   */
  async ingestAll(files: readonly string[], read: (file: string) => Promise<string>, failed: (file: string, e: Error) => void, signal?: AbortSignal): Promise<string[]> {
    this.poolFailure = undefined;
    const store = this.usableStore();
    if (store) {
      const catalogue = this.catalogueValue;
      await store.open(catalogue.data);
      // (Rules replaced while it was read: its entries are for the old ones.)
      if (this.catalogueValue === catalogue) this.storeOpen = store;
    }
    // A catalogue of a class of its own (a test's) cannot be made again on another thread from its rules.
    const portable = Object.getPrototypeOf(this.catalogueValue) === CallCatalogue.prototype;
    if (this.pool && portable && files.length >= this.pooledFiles) return this.ingestPooled(this.pool, files, read, failed, signal);
    const ingested = new Set<string>();
    let batch: Parsed[] = [];
    let chars = 0;
    const flush = () => {
      for (const parsed of batch) {
        try {
          this.analyzeParsed(parsed);
          ingested.add(parsed.file);
        } catch (e) {
          failed(parsed.file, e as Error);
        } finally {
          parsed.tree.delete();
        }
      }
      batch = [];
      chars = 0;
    };
    for await (const { file, text, language, readAt } of this.toAnalyse(files, read, failed, ingested, signal)) {
      try {
        const t0 = performance.now();
        const tree = await this.grammars.parse(language, text);
        batch.push({ file, text, language, tree, parseMs: performance.now() - t0, readAt });
        chars += text.length;
      } catch (e) {
        failed(file, e as Error);
      }
      if (batch.length >= BATCH_FILES || chars >= BATCH_CHARS) flush();
    }
    flush();
    return files.filter((f) => ingested.has(f));
  }

  /**
   * `ingestAll` with a pool. Files are read here; once `pooledFiles` of them need a parse, they go to the threads in
   * chunks, and the rest as they are read (fewer, as when a branch switch changed ten files of thousands, are
   * analysed here: a thread takes about 100 ms to start). Results are stored in the order the files were given,
   * unless the cache meanwhile got the analysis of a text read later (an edit, or a pass that started after this
   * one). A chunk the pool could not run is analysed here instead, and so is one made with rules since replaced
   * (`.ops-lens.yaml` saved while the threads worked).
   */
  private async ingestPooled(pool: AnalysisPool, files: readonly string[], read: (file: string) => Promise<string>, failed: (file: string, e: Error) => void, signal?: AbortSignal): Promise<string[]> {
    const ingested = new Set<string>();
    const catalogue = this.catalogueValue;
    // `readAt`: when each text was read (Cached.readAt). `results`: the threads' answer, none when this thread is to
    // analyse the chunk.
    type Chunk = { jobs: PoolJob[]; readAt: number[]; chars: number; results?: Promise<PoolResult[] | Error> };
    const chunks: Chunk[] = [];
    let current: Chunk = { jobs: [], readAt: [], chars: 0 };
    let waiting = 0;
    let pooling = false;
    const submit = (chunk: Chunk) => (chunk.results = pool.submit(chunk.jobs, catalogue.data).catch((e: Error) => e));
    const close = () => {
      if (!current.jobs.length) return;
      chunks.push(current);
      if (pooling) submit(current);
      current = { jobs: [], readAt: [], chars: 0 };
    };
    for await (const { file, text, language, readAt } of this.toAnalyse(files, read, failed, ingested, signal)) {
      current.jobs.push({ file, text, language });
      current.readAt.push(readAt);
      current.chars += text.length;
      waiting++;
      if (current.jobs.length >= BATCH_FILES || current.chars >= BATCH_CHARS) close();
      if (!pooling && waiting >= this.pooledFiles) {
        pooling = true;
        for (const chunk of chunks) submit(chunk);
      }
    }
    close();
    for (const chunk of chunks) {
      const results = chunk.results ? await chunk.results : undefined;
      // Said as soon as it happens: the pool may start new threads for the next chunk (after its idle time, say).
      if (results instanceof Error) this.poolFailure ??= results.message;
      const usable = results && !(results instanceof Error) && this.catalogueValue === catalogue ? results : undefined;
      for (let i = 0; i < chunk.jobs.length; i++) {
        const job = chunk.jobs[i];
        const readAt = chunk.readAt[i];
        const result = usable?.[i];
        if (this.newerThan(job.file, readAt)) {
          ingested.add(job.file);
        } else if (!result || !('raw' in result || 'error' in result)) {
          // Too few files for the threads, a pool that failed, or rules replaced: this thread analyses it.
          try {
            if (await this.ingestRead(job.file, job.text, readAt)) ingested.add(job.file);
          } catch (e) {
            failed(job.file, e as Error);
          }
        } else if ('error' in result) {
          failed(job.file, new Error(result.error));
        } else {
          this.cache.set(job.file, { text: job.text, raw: revive(result.raw), readAt });
          this.version++;
          this.lastTiming = { file: job.file, parseMs: result.parseMs, analysisMs: result.analysisMs, incremental: false };
          ingested.add(job.file);
        }
      }
    }
    // Threads started afresh for the next pass: what stopped these (a grammar that would not load) may be gone.
    if (this.poolFailure) await pool.close();
    return files.filter((f) => ingested.has(f));
  }

  /**
   * The files read, a few ahead, that need a parse, in the order given, until `signal` aborts; the others are settled
   * here: already analysed, a spec or a mapper (analysed without a parse), not code, or unreadable (`failed`).
   */
  private async *toAnalyse(files: readonly string[], read: (file: string) => Promise<string>, failed: (file: string, e: Error) => void, ingested: Set<string>, signal?: AbortSignal): AsyncGenerator<{ file: string; text: string; language: LanguageId; readAt: number }> {
    for await (const got of readAhead(files, read)) {
      if (signal?.aborted) return;
      let language: LanguageId | boolean;
      const readAt = ++this.clock;
      try {
        if ('error' in got) throw got.error;
        language = this.toParse(got.file, got.text, readAt);
      } catch (e) {
        failed(got.file, e as Error);
        continue;
      }
      if (language === true) ingested.add(got.file);
      if (typeof language !== 'boolean') yield { file: got.file, text: got.text, language, readAt };
    }
  }

  /**
   * What `ingest` needs to do with this text: nothing (true: already analysed, or analysed here without a parse, a
   * spec or a mapper; false: not code), or parse it in this language.
   */
  private toParse(file: string, text: string, readAt: number): LanguageId | boolean {
    const cached = this.cache.get(file);
    if (cached && cached.text === text && !cached.incremental) return true;
    const language = languageOfFile(file);
    if (language) {
      if (isNotServerSource(file, text)) {
        this.forget(file);
        return false;
      }
      const stored = this.storeOpen?.take(file, text);
      if (!stored) return language;
      if (!this.newerThan(file, readAt)) {
        this.cache.set(file, { text, raw: stored, readAt });
        this.version++;
      }
      return true;
    }
    const raw = isMapperXml(file) && isMapperDocument(text)
      ? analyzeMapperXml(file, text, isTestFile(file) || isExampleCode(file) || isOneOffScript(file) || inMigrationsFolder(file))
      : // A `spec/` folder holding an API spec is its specification's (Connexion's `specification_dir="spec/"`), not tests'.
        isOpenApiSpecFile(file) && !isTestFile(file.replace(/(^|\/)spec\//, '$1')) && !isExampleCode(file)
        ? analyzeOpenApiSpec(file, text)
        : isProtoFile(file) && !isTestFile(file) && !isExampleCode(file)
          ? analyzeProtoFile(file, text)
          : isStrapiSchema(file)
            ? analyzeStrapiSchema(file, text)
            : undefined;
    if (!raw) {
      // No longer a spec (or never one): what it said before is forgotten.
      if (this.cache.delete(file)) this.version++;
      return false;
    }
    if (this.newerThan(file, readAt)) return true;
    this.cache.set(file, { text, raw, readAt });
    this.version++;
    return true;
  }

  private analyzeParsed({ file, text, language, tree, parseMs, readAt }: Parsed): void {
    if (this.newerThan(file, readAt)) return;
    const t1 = performance.now();
    this.cache.set(file, { text, raw: analyzeTree(file, language, tree, this.catalogueValue, text), readAt });
    this.version++;
    this.lastTiming = { file, parseMs, analysisMs: performance.now() - t1, incremental: false };
  }

  /** Whether the cache holds an analysis of a text of the file read after `readAt` (which is then kept). */
  private newerThan(file: string, readAt: number): boolean {
    return (this.cache.get(file)?.readAt ?? -1) > readAt;
  }

  private local(c: Cached): FileAnalysis {
    c.local ??= linkFiles([c.raw], this.linkOptions)[0] ?? c.raw;
    return c.local;
  }
}

const BLOCK = 512;

/** The one edit turning `before` into `after`: the span between their common prefix and common suffix. */
export function editBetween(before: string, after: string): Edit {
  // Whole blocks compared as strings first (the engine compares them in native code), then the last block by
  // character: on a 100 KB document this is the difference between a fraction of a millisecond and most of one.
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start + BLOCK <= max && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd - BLOCK >= start && newEnd - BLOCK >= start && before.slice(oldEnd - BLOCK, oldEnd) === after.slice(newEnd - BLOCK, newEnd)) {
    oldEnd -= BLOCK;
    newEnd -= BLOCK;
  }
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  // The text before the change is the same in both: its lines are counted once.
  const startPosition = pointAfter({ row: 0, column: 0 }, before, 0, start);
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition,
    oldEndPosition: pointAfter(startPosition, before, start, oldEnd),
    newEndPosition: pointAfter(startPosition, after, start, newEnd),
  };
}

/** The point of offset `to`, given the point of offset `from` (at or before it). */
function pointAfter(at: Point, text: string, from: number, to: number): Point {
  let row = at.row;
  let lineStart = from - at.column;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: to - lineStart };
}

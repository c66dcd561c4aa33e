import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileAnalysis } from '../code/codeModel';
import type { CatalogueData } from '../code/hazards/callCatalogue';
import { revive } from './poolProtocol';

/** Bumped when the file's own layout changes (what is inside each entry is covered by the engine's stamp). */
const FORMAT = 1;

/** One file's analysis as stored: the digest of the text it was made from, and the analysis serialised. */
interface Entry {
  digest: string;
  bytes: Uint8Array;
}

interface Stored {
  format: number;
  engine: string;
  catalogue: string;
  entries: [file: string, digest: string, bytes: Uint8Array][];
}

/** What a store did in the last pass, for the log. */
export interface StoreCounts {
  /** Files whose analysis came from the store (not parsed). */
  reused: number;
  /** Why the stored analyses could not be used at all, if they could not (the file is written anew). */
  unusable?: string;
}

/**
 * Each file's own analysis (CodeIndex's `raw`) kept on disk between runs, so that a workspace opened again, or a CI
 * job run again with its cache restored, parses only the files that changed.
 *
 * An entry is used only for the very text it was made from (by digest), by the same engine (`engine`: a stamp of the
 * analysis code and grammars, made at build time) with the same rules (the catalogue, `.ops-lens.yaml` included).
 * Anything else is analysed as if there were no store. A file that cannot be read, or whose list of entries is
 * damaged, is set aside (said once), and an entry that is not a file's analysis is analysed again: the next save
 * replaces the file whole (written beside it, then renamed over it).
 */
export class AnalysisStore {
  private entries = new Map<string, Entry>();
  private loadedFor?: string;
  private reused = 0;
  private unusable?: string;
  /** Whether the file on disk holds exactly `entries` (read so, or written so). */
  private written = false;
  /** Let go (kept analyses turned off): writes nothing more, not even one under way. */
  private closed = false;
  private writes = 0;

  constructor(
    readonly path: string,
    private readonly engine: string,
  ) {}

  /** Reads the file once for these rules (again if the rules changed); resolves when entries can be taken. */
  async open(catalogue: CatalogueData): Promise<void> {
    const key = catalogueKey(catalogue);
    if (this.loadedFor === key) return;
    this.loadedFor = key;
    this.entries = new Map();
    this.unusable = undefined;
    this.written = false;
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.unusable = `cannot read ${this.path}: ${(e as Error).message}`;
      return;
    }
    let stored: Stored;
    try {
      stored = deserialize(bytes) as Stored;
    } catch (e) {
      this.unusable = `${this.path} is damaged (${(e as Error).message})`;
      return;
    }
    if (!stored || stored.format !== FORMAT || !Array.isArray(stored.entries)) {
      this.unusable = `${this.path} was written in another format`;
      return;
    }
    if (!stored.entries.every(isEntry)) {
      this.unusable = `${this.path} is damaged (an entry is not a file's analysis)`;
      return;
    }
    // Another version of Ops Lens, or other rules: every file is analysed again (not an error).
    if (stored.engine !== this.engine || stored.catalogue !== key) return;
    for (const [file, digest, entry] of stored.entries) this.entries.set(file, { digest, bytes: entry });
    this.written = true;
  }

  /** Writes nothing from now on: a write under way is dropped before it replaces the file. */
  close(): void {
    this.closed = true;
  }

  /** The stored analysis of exactly this text of the file, if there is one (undefined also when it cannot be read). */
  take(file: string, text: string): FileAnalysis | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry.digest !== digestOf(text)) return undefined;
    let raw: FileAnalysis;
    try {
      raw = revive(deserialize(entry.bytes) as FileAnalysis);
    } catch {
      this.entries.delete(file);
      return undefined;
    }
    if (!isAnalysisOf(raw, file)) {
      this.entries.delete(file);
      return undefined;
    }
    this.reused++;
    return raw;
  }

  /** What was taken from the store since the last call, and whether the file on disk could be used. */
  takeCounts(): StoreCounts {
    const counts = { reused: this.reused, ...(this.unusable ? { unusable: this.unusable } : {}) };
    this.reused = 0;
    return counts;
  }

  /**
   * Writes these analyses (each with the text it was made from), and only these: files gone from the workspace
   * leave the store with them. An analysis already stored for the same text is written as it was read, unparsed.
   * Returns false when the file already held exactly these (nothing written).
   */
  async save(analyses: Iterable<{ file: string; text: string; raw: FileAnalysis }>): Promise<boolean> {
    if (this.loadedFor === undefined) throw new Error('AnalysisStore.save before open');
    if (this.closed) return false;
    const next = new Map<string, Entry>();
    let same = true;
    for (const { file, text, raw } of analyses) {
      const digest = digestOf(text);
      const known = this.entries.get(file);
      if (known && known.digest === digest) next.set(file, known);
      else {
        next.set(file, { digest, bytes: serialize(raw) });
        same = false;
      }
    }
    if (same && this.written && next.size === this.entries.size) return false;
    this.entries = next;
    this.written = false;
    const stored: Stored = { format: FORMAT, engine: this.engine, catalogue: this.loadedFor, entries: [...next].map(([file, e]) => [file, e.digest, e.bytes]) };
    const temporary = `${this.path}.${process.pid}.${++this.writes}.tmp`;
    await makeFolder(dirname(this.path));
    try {
      await writeFile(temporary, serialize(stored));
      if (this.closed) {
        await rm(temporary, { force: true });
        return false;
      }
      await rename(temporary, this.path);
    } catch (e) {
      await rm(temporary, { force: true });
      throw e;
    }
    this.unusable = undefined;
    this.written = true;
    await removeLeftovers(this.path);
    return true;
  }
}

/** A write is this long at most: a temporary file older than this was left by a run that was stopped mid-write. */
const LEFT_OVER_MS = 10 * 60_000;

/** Deletes the temporary files of writes that never finished (the process was killed), beside the store's file. */
async function removeLeftovers(path: string): Promise<void> {
  const dir = dirname(path);
  const prefix = `${basename(path)}.`;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d+\.\d+\.tmp$/.test(name.slice(prefix.length))) continue;
    const file = join(dir, name);
    const age = Date.now() - ((await stat(file).catch(() => undefined))?.mtimeMs ?? Date.now());
    if (age > LEFT_OVER_MS) await rm(file, { force: true });
  }
}

/**
 * `mkdir -p`, made a folder at a time: Node 20's `mkdir(…, { recursive: true })` never returns for a folder in /proc
 * (OPS_LENS_ANALYSIS_CACHE=/proc/x spun the CLI forever). A folder that still cannot be made throws its error.
 */
async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || dirname(dir) === dir) throw e;
    await makeFolder(dirname(dir));
    await mkdir(dir).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again;
    });
  }
}

function isEntry(e: unknown): e is Stored['entries'][number] {
  return Array.isArray(e) && e.length === 3 && typeof e[0] === 'string' && typeof e[1] === 'string' && e[2] instanceof Uint8Array;
}

/**
 * What the join reads first of every analysis is there, of the right kind: a damaged entry that deserialises (a file
 * written by hand, or half by another program) is analysed again instead of failing every run that reads it.
 */
function isAnalysisOf(raw: FileAnalysis | null | undefined, file: string): raw is FileAnalysis {
  if (!raw || typeof raw !== 'object' || raw.file !== file || !Array.isArray(raw.routes) || !Array.isArray(raw.hazards)) return false;
  if (raw.envReads !== undefined && !Array.isArray(raw.envReads)) return false;
  const links = raw.links;
  if (links === undefined) return true;
  return (
    typeof links === 'object' &&
    links !== null &&
    typeof links.exports === 'object' &&
    links.exports !== null &&
    [links.imports, links.functions, links.mounts, links.routeLinks, links.hazardOwners, links.pending].every(Array.isArray)
  );
}

function digestOf(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** The rules as a digest: a stored analysis is good only under the rules it was made with. */
function catalogueKey(catalogue: CatalogueData): string {
  return createHash('sha1').update(serialize(catalogue)).digest('base64');
}

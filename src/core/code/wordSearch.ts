import { firstAbove, firstAtOrAbove } from './sortedOffsets';

/** What changed between two texts, in offsets: where it starts, where it ended before, where it ends now. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * Whether a file's text contains a word, each word searched once per text. The analysis asks some sixty of these
 * (`'process.env'`, `'@loopback/rest'`…) of every file, to skip what cannot be there; on a long file each is a
 * scan of the whole text, and after a one-line edit they were most of the analysis. So the search made for an edited
 * text starts from the answers for the text before it: a word first found before the change is still first found
 * there, and a word that was absent can only be in what the change wrote (and the few characters either side).
 */
export class WordSearch {
  private readonly found = new Map<string, number>();
  private readonly every = new Map<string, number[]>();
  private lines?: number[];
  private pairs?: Int32Array;

  private constructor(
    readonly text: string,
    private readonly before?: { found: Map<string, number>; every: Map<string, number[]>; lines?: number[]; change: TextChange },
  ) {}

  static of(text: string): WordSearch {
    return new WordSearch(text);
  }

  /** The search for `text`, which is this text changed by `change`. */
  after(text: string, change: TextChange): WordSearch {
    return new WordSearch(text, { found: this.found, every: this.every, lines: this.lines, change });
  }

  has(word: string): boolean {
    return this.indexOf(word) >= 0;
  }

  /** Where the word first occurs, or -1. */
  indexOf(word: string): number {
    let at = this.found.get(word);
    if (at === undefined) this.found.set(word, (at = this.search(word)));
    return at;
  }

  /**
   * Whether two adjacent characters of the word are nowhere adjacent in the text (a bit per pair, hashed, set in one
   * pass over the text the first time): then the word is not there either. Most of the words asked are absent, and
   * this answers for them without a search of the whole text each.
   */
  private cannotHave(word: string): boolean {
    if (word.length < 2) return false;
    const pairs = (this.pairs ??= pairsIn(this.text));
    for (let i = 1; i < word.length; i++) {
      const h = pairHash(word.charCodeAt(i - 1), word.charCodeAt(i));
      if ((pairs[h >>> 5] & (1 << (h & 31))) === 0) return true;
    }
    return false;
  }

  /**
   * Every offset where the word occurs, in order (overlapping occurrences too). After an edit, those before the
   * change are kept, those after it moved, and only the change and the few characters either side searched again.
   */
  all(word: string): readonly number[] {
    let list = this.every.get(word);
    if (!list) this.every.set(word, (list = this.searchAll(word)));
    return list;
  }

  /** The offset of each line's first character, the first line's (0) included. */
  lineStarts(): number[] {
    if (!this.lines && this.before?.lines) this.lines = linesAfter(this.before.lines, this.text, this.before.change);
    if (!this.lines) {
      const breaks = this.all('\n');
      this.lines = new Array<number>(breaks.length + 1);
      this.lines[0] = 0;
      for (let i = 0; i < breaks.length; i++) this.lines[i + 1] = breaks[i] + 1;
    }
    return this.lines;
  }

  private searchAll(word: string): number[] {
    const text = this.text;
    const out: number[] = [];
    const was = this.before?.every.get(word);
    if (!was) {
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) out.push(i);
      return out;
    }
    const { start, oldEnd, newEnd } = this.before!.change;
    let k = 0;
    for (; k < was.length && was[k] + word.length <= start; k++) out.push(was[k]);
    // Occurrences that overlap what the change wrote (the text after it is as it was).
    const from = Math.max(0, start - word.length + 1);
    const around = text.slice(from, Math.min(text.length, newEnd + word.length - 1));
    for (let i = around.indexOf(word); i >= 0; i = around.indexOf(word, i + 1)) out.push(from + i);
    for (const shift = newEnd - oldEnd; k < was.length; k++) if (was[k] >= oldEnd) out.push(was[k] + shift);
    return out;
  }

  private search(word: string): number {
    const was = this.before?.found.get(word);
    if (was === undefined) return this.cannotHave(word) ? -1 : this.text.indexOf(word);
    const { start, newEnd } = this.before!.change;
    // Unchanged text before the change: an earlier occurrence would have been found there before.
    if (was >= 0 && was + word.length <= start) return was;
    const from = Math.max(0, start - word.length + 1);
    if (was >= 0) return this.text.indexOf(word, from);
    // Absent before: any occurrence now overlaps what the change wrote (the text after it is as it was).
    const at = this.text.slice(from, Math.min(this.text.length, newEnd + word.length - 1)).indexOf(word);
    return at < 0 ? -1 : from + at;
  }
}

/**
 * The line starts of a text changed by `change`, from those before it: the same up to the change, those the change
 * wrote, then the rest moved. Made in one array of the right length: remade from every line break of the text, they
 * were a quarter of what an edit of a 3,000-line file allocated.
 */
function linesAfter(was: number[], text: string, { start, oldEnd, newEnd }: TextChange): number[] {
  // A line starts after a break: kept if the break is before the change, gone if the change replaced it.
  const kept = firstAbove(was, start);
  const after = firstAbove(was, oldEnd);
  let added = 0;
  for (let i = text.indexOf('\n', start); i >= 0 && i < newEnd; i = text.indexOf('\n', i + 1)) added++;
  const out = new Array<number>(kept + added + was.length - after);
  let k = 0;
  for (; k < kept; k++) out[k] = was[k];
  for (let i = text.indexOf('\n', start); i >= 0 && i < newEnd; i = text.indexOf('\n', i + 1)) out[k++] = i + 1;
  for (let j = after, shift = newEnd - oldEnd; j < was.length; j++) out[k++] = was[j] + shift;
  return out;
}

const pairHash = (a: number, b: number): number => ((a << 7) ^ b) & 0xffff;

function pairsIn(text: string): Int32Array {
  const pairs = new Int32Array(2048);
  let a = text.charCodeAt(0);
  for (let i = 1; i < text.length; i++) {
    const b = text.charCodeAt(i);
    const h = pairHash(a, b);
    pairs[h >>> 5] |= 1 << (h & 31);
    a = b;
  }
  return pairs;
}

/** A file's text, or its word search: the file-level readers take either (tests and the join pass plain text). */
export type Searchable = string | WordSearch;

export const textOf = (source: Searchable): string => (typeof source === 'string' ? source : source.text);

export const mentions = (source: Searchable, word: string): boolean => (typeof source === 'string' ? source.includes(word) : source.has(word));

/**
 * Where `name` is written as a whole name (`(?<![\w$.])name(?![\w$])`: not part of a longer name, nor a member)
 * in the text from `from` to `to`, as offsets from `from`, as a search of that stretch alone finds them; undefined
 * when there are more than `most`. From the word's offsets in the file: a search of a function up to each loop in it
 * made a long function quadratic.
 */
export function wholeNameOffsets(words: WordSearch, name: string, from: number, to: number, most: number): number[] | undefined {
  const text = words.text;
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
    const found = [...text.slice(from, to).matchAll(new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))].map((m) => m.index!);
    return found.length > most ? undefined : found;
  }
  const all = words.all(name);
  const out: number[] = [];
  for (let k = firstAtOrAbove(all, from); k < all.length && all[k] + name.length <= to; k++) {
    const at = all[k];
    const end = at + name.length;
    // (Nothing is before `from` or after `to` in the stretch searched.)
    if ((at > from && NAME_OR_MEMBER.test(text[at - 1])) || (end < to && NAME_PART.test(text[end]))) continue;
    if (out.push(at - from) > most) return undefined;
  }
  return out;
}

/** A character of a name, or the dot before a member: what may not stand before a whole name. */
const NAME_OR_MEMBER = /[\w$.]/;
const NAME_PART = /[\w$]/;

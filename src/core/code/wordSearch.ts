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

  private constructor(
    readonly text: string,
    private readonly before?: { found: Map<string, number>; change: TextChange },
  ) {}

  static of(text: string): WordSearch {
    return new WordSearch(text);
  }

  /** The search for `text`, which is this text changed by `change`. */
  after(text: string, change: TextChange): WordSearch {
    return new WordSearch(text, { found: this.found, change });
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

  private search(word: string): number {
    const was = this.before?.found.get(word);
    if (was === undefined) return this.text.indexOf(word);
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

/** A file's text, or its word search: the file-level readers take either (tests and the join pass plain text). */
export type Searchable = string | WordSearch;

export const textOf = (source: Searchable): string => (typeof source === 'string' ? source : source.text);

export const mentions = (source: Searchable, word: string): boolean => (typeof source === 'string' ? source.includes(word) : source.has(word));

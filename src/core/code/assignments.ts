import { firstAtOrAbove } from './sortedOffsets';

/**
 * Per-function tables of what a search per name over the function's text up to a place would find, read once per
 * function: searching the function up to each loop with a pattern per name made a long function quadratic. Each
 * table gives what that search gives (test/unit/code/assignmentTables.test.ts compares them on generated texts).
 */

/** A name of ASCII letters, digits, `_` and `$`: what the tables' patterns capture (others are searched for as before). */
export const ASCII_NAME = /^[A-Za-z_$][\w$]*$/;

const EQUALS = '='.charCodeAt(0);

/** One match of a table's pattern: where it starts and ends, and the name it is for. */
interface Match {
  at: number;
  end: number;
  name: string;
}

/**
 * Every match of `pattern` (global, the name in group 1) in `text` from `from` to `end`, trying every place a match can
 * start, as a search for one name tries them; with the sorted starts, to find a match running past a cut quickly.
 */
class Matches<M extends Match> {
  readonly all: M[] = [];
  private readonly starts: number[] = [];
  private longest = 0;

  constructor(text: string, from: number, end: number, pattern: RegExp, make: (m: RegExpExecArray, at: number) => M) {
    const body = text.slice(from, end);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
      const match = make(m, from + m.index);
      this.all.push(match);
      this.starts.push(match.at);
      this.longest = Math.max(this.longest, match.end - match.at);
      pattern.lastIndex = m.index + 1;
    }
    pattern.lastIndex = 0;
  }

  /** A match starts before `cut` and ends after it: a search of the text cut there reads it otherwise. */
  crosses(cut: number): boolean {
    // Only a match starting within its length of the cut can reach past it.
    for (let k = firstAtOrAbove(this.starts, cut - this.longest); k < this.starts.length && this.starts[k] < cut; k++) {
      if (this.all[k].end > cut) return true;
    }
    return false;
  }
}

/** `name = value`, `name: T = value`, Java's `List<T> name = value`, Go's `name, err := value`: the rest of the line after `=`. */
const assignmentOf = (name: string) => `(?:^|[^\\w$.])${name}(?:\\s*,\\s*[\\w$]+)*\\s*(?::[^=\\n]+|:)?=(?!=)[ \\t]*([^\\n;]*)`;
const ASSIGNMENT = new RegExp(assignmentOf('([A-Za-z_$][\\w$]*)'), 'g');

/**
 * The values a function gives its local names, for FileStructure.lastValueOf: what the function last gave a name
 * before a loop (a loop over batches kept in a variable, `partitions = Lists.partition(ids, 100)`).
 */
export class Assignments {
  private readonly matches: Matches<Match & { value: string }>;
  /** Per name, its matches that a search from the start takes (each after the end of the one before): starts and values. */
  private readonly taken = new Map<string, { starts: number[]; values: string[]; end: number }>();

  private constructor(
    private readonly text: string,
    private readonly from: number,
    end: number,
  ) {
    this.matches = new Matches(text, from, end, ASSIGNMENT, (m, at) => ({ at, end: at + m[0].length, name: m[1], value: m[2] }));
    for (const m of this.matches.all) {
      const taken = this.taken.get(m.name);
      if (!taken) this.taken.set(m.name, { starts: [m.at], values: [m.value], end: m.end });
      else if (m.at >= taken.end) {
        taken.starts.push(m.at);
        taken.values.push(m.value);
        taken.end = m.end;
      }
    }
  }

  /** The assignments of the text from `from` to `end` (a function, or the part of the file a top-level loop is in). */
  static of(text: string, from: number, end: number): Assignments {
    return new Assignments(text, from, end);
  }

  /** What assignedValues gives for the text from the start to `cut`: the value of the name's last assignment there. */
  lastBefore(name: string, cut: number): string | undefined {
    // Cut inside a match, or just before a `=` (that search reads `x =|= y` as an assignment): searched as before.
    if (this.text.charCodeAt(cut) === EQUALS || this.matches.crosses(cut)) return assignedValues(this.text.slice(this.from, cut), name);
    // (No match runs past the cut: those starting before it are whole there.)
    const taken = this.taken.get(name);
    const k = taken ? firstAtOrAbove(taken.starts, cut) : 0;
    return k > 0 ? taken!.values[k - 1] : undefined;
  }
}

/** The value the last assignment of `name` in `before` gives it, by a search of `before` for that name. */
export function assignedValues(before: string, name: string): string | undefined {
  if (!before.includes(name)) return undefined;
  let value: string | undefined;
  for (const m of before.matchAll(new RegExp(assignmentOf(name.replace(/\$/g, '\\$')), 'g'))) value = m[1];
  return value;
}

/** Java's `List<Order> orders`, `Set<Tag> tags`: the element type, and the name. */
const collectionOf = (name: string) => `\\b(?:List|Set|Collection|Iterable|Page|Slice|Stream)<\\s*(\\w+)\\s*>\\s+${name}\\b`;
const COLLECTION = new RegExp(collectionOf('(\\w+)'), 'g');

/**
 * The collections a Java method declares, for jpaLoopsOf: the element type of the list a lambda's receiver is
 * (`orders.forEach(o -> o.getCustomer())` after `List<Order> orders = …`).
 */
export class DeclaredCollections {
  private readonly matches: Matches<Match & { element: string }>;
  /** Per name, its first match. */
  private readonly first = new Map<string, Match & { element: string }>();

  private constructor(
    private readonly text: string,
    private readonly from: number,
    end: number,
  ) {
    this.matches = new Matches(text, from, end, COLLECTION, (m, at) => ({ at, end: at + m[0].length, element: m[1], name: m[2] }));
    for (const m of this.matches.all) if (!this.first.has(m.name)) this.first.set(m.name, m);
  }

  static of(text: string, from: number, end: number): DeclaredCollections {
    return new DeclaredCollections(text, from, end);
  }

  /** What collectionElement gives for the text from the start to `cut`. */
  elementOf(name: string, cut: number): string | undefined {
    // A declaration cut short may read as another name's there (`List<T> rowsAll` cut after `rows`): searched as before.
    if (this.matches.crosses(cut)) return collectionElement(this.text.slice(this.from, cut), name);
    const m = this.first.get(name);
    return m && m.at < cut ? m.element : undefined;
  }
}

/** The element type of the first collection named `name` declared in `text`. */
export function collectionElement(text: string, name: string): string | undefined {
  return new RegExp(collectionOf(name)).exec(text)?.[1];
}

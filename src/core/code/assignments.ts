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
 * start, as a search for one name tries them: in order.
 */
function matchesOf<M extends Match>(text: string, from: number, end: number, pattern: RegExp, make: (m: RegExpExecArray, at: number) => M): M[] {
  const out: M[] = [];
  const body = text.slice(from, end);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
    out.push(make(m, from + m.index));
    pattern.lastIndex = m.index + 1;
  }
  pattern.lastIndex = 0;
  return out;
}

/** Matches in order, with their starts sorted, to find one running past a cut quickly. */
class Placed {
  private readonly starts: number[];
  private readonly longest: number;

  constructor(private readonly matches: readonly Match[]) {
    this.starts = matches.map((m) => m.at);
    this.longest = matches.reduce((n, m) => Math.max(n, m.end - m.at), 0);
  }

  /** A match starts before `cut` and ends after it: a search of the text cut there reads it otherwise. */
  crosses(cut: number): boolean {
    // Only a match starting within its length of the cut can reach past it.
    for (let k = firstAtOrAbove(this.starts, cut - this.longest); k < this.starts.length && this.starts[k] < cut; k++) {
      if (this.matches[k].end > cut) return true;
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
  /** Per name: its matches, and those a search from the start takes (each after the end of the one before). */
  private readonly byName = new Map<string, { all: Placed; starts: number[]; values: string[] }>();

  private constructor(
    private readonly text: string,
    private readonly from: number,
    end: number,
  ) {
    const named = new Map<string, (Match & { value: string })[]>();
    for (const m of matchesOf(text, from, end, ASSIGNMENT, (m, at) => ({ at, end: at + m[0].length, name: m[1], value: m[2] }))) {
      const list = named.get(m.name);
      if (list) list.push(m);
      else named.set(m.name, [m]);
    }
    for (const [name, list] of named) {
      const taken = { all: new Placed(list), starts: [] as number[], values: [] as string[] };
      let last = -1;
      for (const m of list) {
        if (m.at < last) continue;
        taken.starts.push(m.at);
        taken.values.push(m.value);
        last = m.end;
      }
      this.byName.set(name, taken);
    }
  }

  /** The assignments of the text from `from` to `end` (a function, or the part of the file a top-level loop is in). */
  static of(text: string, from: number, end: number): Assignments {
    return new Assignments(text, from, end);
  }

  /** What assignedValues gives for the text from the start to `cut`: the value of the name's last assignment there. */
  lastBefore(name: string, cut: number): string | undefined {
    const own = this.byName.get(name);
    // Cut inside one of the name's assignments (a comprehension in it: `ids = [i for i in ids]`), or just before a
    // `=` (that search reads `x =|= y` as an assignment): searched as before. Another name's assignment cut short is
    // none of this name's.
    if (this.text.charCodeAt(cut) === EQUALS || own?.all.crosses(cut)) return assignedValues(this.text.slice(this.from, cut), name);
    const k = own ? firstAtOrAbove(own.starts, cut) : 0;
    return k > 0 ? own!.values[k - 1] : undefined;
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
  private readonly all: Placed;
  /** Per name, its first match. */
  private readonly first = new Map<string, Match & { element: string }>();

  private constructor(
    private readonly text: string,
    private readonly from: number,
    end: number,
  ) {
    const matches = matchesOf(text, from, end, COLLECTION, (m, at) => ({ at, end: at + m[0].length, element: m[1], name: m[2] }));
    this.all = new Placed(matches);
    for (const m of matches) if (!this.first.has(m.name)) this.first.set(m.name, m);
  }

  static of(text: string, from: number, end: number): DeclaredCollections {
    return new DeclaredCollections(text, from, end);
  }

  /** What collectionElement gives for the text from the start to `cut`. */
  elementOf(name: string, cut: number): string | undefined {
    // A declaration cut short may read as another name's there (`List<T> rowsAll` cut after `rows`): searched as before.
    if (this.all.crosses(cut)) return collectionElement(this.text.slice(this.from, cut), name);
    const m = this.first.get(name);
    return m && m.at < cut ? m.element : undefined;
  }
}

/** The element type of the first collection named `name` declared in `text`. */
export function collectionElement(text: string, name: string): string | undefined {
  return new RegExp(collectionOf(name)).exec(text)?.[1];
}

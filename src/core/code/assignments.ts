/**
 * The values a function gives its local names (`x = …`, `x: T = …`, Java's `List<T> x = …`, Go's `x, err := …`), read
 * once per function: FileStructure.lastValueOf asks what a name was last given before a loop, and searching the
 * function's text up to each loop with a pattern per name made a long function quadratic.
 */
export class Assignments {
  /** Per name, each place its pattern matches, in order (overlapping matches too). */
  private readonly byName = new Map<string, { at: number; end: number; value: string }[]>();

  private constructor(
    private readonly text: string,
    private readonly from: number,
  ) {
    const body = text.slice(from);
    // Every place a match can start, as a search for one name tries them.
    ASSIGNED_VALUE.lastIndex = 0;
    for (let m = ASSIGNED_VALUE.exec(body); m; m = ASSIGNED_VALUE.exec(body)) {
      const list = this.byName.get(m[1]);
      const match = { at: from + m.index, end: from + m.index + m[0].length, value: m[2] };
      if (list) list.push(match);
      else this.byName.set(m[1], [match]);
      ASSIGNED_VALUE.lastIndex = m.index + 1;
    }
    ASSIGNED_VALUE.lastIndex = 0;
  }

  /** The assignments of the text from `from` to `end` (a function, or the statement a top-level loop is in). */
  static of(text: string, from: number, end: number): Assignments {
    return new Assignments(text.slice(0, end), from);
  }

  /**
   * What `lastValueOf` read with `matchAll` over the text from the start to `cut`: the value of the last of the name's
   * matches that do not overlap one before them. (A match that runs past `cut` is read as that search read it.)
   */
  lastBefore(name: string, cut: number): string | undefined {
    // (Cut before a `=`, that search read the `=` just before it as an assignment's: `x =|= y`.)
    if (this.text.charCodeAt(cut) === 61) return assignedValues(this.text.slice(this.from, cut), name);
    let value: string | undefined;
    let lastEnd = -1;
    for (const m of this.byName.get(name) ?? []) {
      if (m.at >= cut) break;
      if (m.end > cut) return assignedValues(this.text.slice(this.from, cut), name);
      if (m.at >= lastEnd) {
        value = m.value;
        lastEnd = m.end;
      }
    }
    return value;
  }
}

/** A name of ASCII letters, digits, `_` and `$`: what ASSIGNED_VALUE captures. */
export const ASCII_NAME = /^[A-Za-z_$][\w$]*$/;

/** `name = value`, `name: T = value`, `name, err := value`: the name and the rest of the line after `=`. */
const ASSIGNED_VALUE = /(?:^|[^\w$.])([A-Za-z_$][\w$]*)(?:\s*,\s*[\w$]+)*\s*(?::[^=\n]+|:)?=(?!=)[ \t]*([^\n;]*)/g;

/** The value the last assignment of `name` in `before` gives it, by a search of `before` for that name. */
export function assignedValues(before: string, name: string): string | undefined {
  if (!before.includes(name)) return undefined;
  let value: string | undefined;
  for (const m of before.matchAll(new RegExp(`(?:^|[^\\w$.])${name.replace(/\$/g, '\\$')}(?:\\s*,\\s*[\\w$]+)*\\s*(?::[^=\\n]+|:)?=(?!=)[ \\t]*([^\\n;]*)`, 'g'))) value = m[1];
  return value;
}

import type { Tree } from '@vscode/tree-sitter-wasm';
import type { FunctionFact, Hazard } from '../codeModel';
import type { LanguageSpec } from '../languages/languageSpec';
import { positionAt } from '../syntax';

/**
 * A client made once for the module (`const transport = nodemailer.createTransport(smtp)`, Go's
 * `var defaultClient = http.Client{…}`, `session = requests.Session()`), or by a constructor into a field, is made
 * where no route reaches. The functions of the file that use it (`transport.sendMail(…)` in `sendEmail`) are where its
 * missing timeout costs: per such hazard, the indices of those functions, for the join to take their routes.
 */
export function moduleClientUsers(
  text: string,
  spec: LanguageSpec,
  tree: Tree,
  hazards: Hazard[],
  owners: number[],
  functions: FunctionFact[],
  lineStarts: number[],
): Record<number, number[]> | undefined {
  let out: Record<number, number[]> | undefined;
  for (let k = 0; k < hazards.length; k++) {
    const h = hazards[k];
    // Made at top level, or by a constructor into a field (`this.transporter = nodemailer.createTransport(…)`).
    if (h.code !== 'missing-timeout' || (owners[k] !== -1 && !CONSTRUCTOR.test(functions[owners[k]]?.name ?? ''))) continue;
    const start = lineStarts[h.range.start.line] + h.range.start.character;
    const name = HOLDER.exec(text.slice(lineStarts[h.range.start.line], start))?.[1];
    if (!name) continue;
    // Owned by no function, yet inside one: an anonymous callback's local (`const response = await fetch(…)` in a
    // Passport strategy's verify function), not a client of the module.
    if (owners[k] === -1 && insideFunction(tree, spec, start)) continue;
    const users = new Set<number>();
    const use = new RegExp(`(?<![\\w$.])(?:this\\.|self\\.)?${name.replace(/\$/g, '\\$')}\\s*\\.\\s*[A-Za-z_$]`, 'g');
    for (const m of text.matchAll(use)) {
      const at = m.index!;
      const node = tree.rootNode.descendantForIndex(at, at);
      if (!node || spec.nonCodeTypes.has(node.type)) continue;
      const { line, character } = positionAt(lineStarts, at);
      const fn = innermostAt(functions, line, character);
      if (fn >= 0) users.add(fn);
    }
    if (users.size) (out ??= {})[k] = [...users];
  }
  return out;
}

const CONSTRUCTOR = /^(constructor|__init__)$/;

function insideFunction(tree: Tree, spec: LanguageSpec, at: number): boolean {
  const types = new Set(spec.functionTypes);
  for (let n = tree.rootNode.descendantForIndex(at, at); n; n = n.parent) if (types.has(n.type)) return true;
  return false;
}

/** The name a client is kept in, read from its line before it: `const transport = `, `var c = &`, `self.s = `. */
const HOLDER = /(?:^|[\s(])(?:this\.|self\.)?([A-Za-z_$][\w$]*)\s*(?::[^=\n]+)?:?=\s*(?:await\s+|new\s+|&)?$/;

/** The function whose range holds the position and starts last (the innermost), or -1. */
function innermostAt(functions: FunctionFact[], line: number, character: number): number {
  let best = -1;
  for (let f = 0; f < functions.length; f++) {
    const r = functions[f].range;
    const after = line > r.start.line || (line === r.start.line && character >= r.start.character);
    const before = line < r.end.line || (line === r.end.line && character < r.end.character);
    if (!after || !before) continue;
    const b = best >= 0 ? functions[best].range.start : undefined;
    if (!b || r.start.line > b.line || (r.start.line === b.line && r.start.character > b.character)) best = f;
  }
  return best;
}

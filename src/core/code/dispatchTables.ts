import type { LanguageFamily } from './hazards/callCatalogue';
import { topLevelParts } from './syntax';

/**
 * Tables of functions a file dispatches through: a dict or object literal whose every value names a function
 * (CTFd's `loaders = {"users": load_users_csv, "teams": load_teams_csv}`, `CSV_KEYS = {"scoreboard":
 * dump_scoreboard_csv, …}`; `const handlers = { create: createItem, remove }` in JavaScript), by the name it is kept
 * in. A call through one (`loader = loaders[kind]` then `loader(reader)`, `CSV_KEYS.get(name)()`, `handlers[action](req)`)
 * may run any of them, so the join follows each: what they do is on the request's path.
 */
export function functionTablesOf(text: string, family: LanguageFamily): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  if (family !== 'python' && family !== 'js') return out;
  const declaration = family === 'python' ? PY_TABLE : JS_TABLE;
  declaration.lastIndex = 0;
  for (let m = declaration.exec(text); m; m = declaration.exec(text)) {
    const values = tableValues(m[2], family);
    if (values) out.set(m[1], values);
  }
  return out;
}

/** `NAME = {…}` at a line's start, with no nested braces in the literal. */
const PY_TABLE = /^[ \t]*([A-Za-z_]\w*)\s*(?::\s*[^=\n]+)?=\s*\{([^{}]*)\}/gm;
const JS_TABLE = /^[ \t]*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::\s*[^=\n]+)?=\s*\{([^{}]*)\}/gm;

/** `"key": fn` (Python), `key: fn` or shorthand `fn` (JavaScript), `fn` also `module.fn`. */
const PY_ENTRY = /^(?:'[^'\n]*'|"[^"\n]*")\s*:\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)$/;
const JS_ENTRY = /^(?:(?:'[^'\n]*'|"[^"\n]*"|\[[\w$.]+\]|[A-Za-z_$][\w$]*)\s*:\s*)?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?)$/;
/**
 * An entry that calls one function with arguments of its own: `"scoreboard-admin": lambda: dump_scoreboard_csv(admin=True)`
 * (CTFd's CSV_KEYS), `admin: () => dump(true)`: that function runs.
 */
const PY_LAMBDA = /^(?:'[^'\n]*'|"[^"\n]*")\s*:\s*lambda\b[^:]*:\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)\s*\([^()]*\)$/;
const JS_ARROW = /^(?:'[^'\n]*'|"[^"\n]*"|[A-Za-z_$][\w$]*)\s*:\s*(?:async\s+)?(?:\([^()]*\)|[A-Za-z_$][\w$]*)\s*=>\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?)\s*\([^()]*\)$/;

const NOT_FUNCTIONS = new Set(['True', 'False', 'None', 'true', 'false', 'null', 'undefined', 'NaN', 'Infinity']);

/** The functions a literal's entries name, or undefined unless there are two or more and every entry names one. */
function tableValues(body: string, family: LanguageFamily): string[][] | undefined {
  const entries = topLevelParts(body.replace(family === 'python' ? /#[^\n]*/g : /\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ''))
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length < 2) return undefined;
  const values: string[][] = [];
  for (const entry of entries) {
    const value = (family === 'python' ? PY_ENTRY : JS_ENTRY).exec(entry)?.[1] ?? (family === 'python' ? PY_LAMBDA : JS_ARROW).exec(entry)?.[1];
    if (!value || NOT_FUNCTIONS.has(value)) return undefined;
    values.push(value.split('.'));
  }
  return values;
}

/**
 * The functions a call may run through a table: `table[key](…)` itself, or a name the calling function took from
 * one (`loader = loaders[kind]`, `dump_func = CSV_KEYS.get(name)`); undefined for any other call.
 * @param callee the call's text before its arguments
 * @param before the calling function's text up to the call
 */
export function dispatchedThrough(tables: ReadonlyMap<string, string[][]>, callee: string, chain: readonly string[], before: string): string[][] | undefined {
  const direct = /^\s*([A-Za-z_$][\w$]*)\s*(?:\[[^\]\n]*\]|\.get\([^()\n]*\))\s*$/.exec(callee)?.[1];
  if (direct) return tables.get(direct);
  if (chain.length !== 1) return undefined;
  let table: string | undefined;
  // The last value given to the name before the call is the one called.
  for (const m of before.matchAll(new RegExp(`(?:^|[^\\w$.])${chain[0].replace(/\$/g, '\\$')}\\s*=(?!=)\\s*([A-Za-z_$][\\w$]*)\\s*(\\[|\\.get\\()?`, 'g'))) table = m[2] ? m[1] : undefined;
  return table === undefined ? undefined : tables.get(table);
}

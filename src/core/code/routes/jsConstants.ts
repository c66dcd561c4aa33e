import { envPart, JS_ENV_VAR } from './envParts';
import { mentions, textOf, type Searchable } from '../wordSearch';

/**
 * String constants a JavaScript/TypeScript module declares at its top level, for route paths named rather than
 * written (`@Controller(routesV1.version)`, `@Post(routesV1.user.root)` with `export const routesV1 = { version:
 * 'v1', user: { root: 'users' } }` in another file): `const P = '…'` as `P`, and the string members of a const
 * object literal, nested, as `routesV1.user.root`. Only plain literals count (no `${…}`, no concatenation); a miss
 * leaves that part of the path out, as before. A value read from the environment (`process.env.BASE_PATH || '/base'`)
 * is kept as envParts' named part, which the join reads from the service's recipes.
 */
export function jsStringConstants(source: Searchable): Record<string, string> | undefined {
  const text = textOf(source);
  let out: Record<string, string> | undefined;
  const set = (key: string, value: string) => ((out ??= Object.create(null) as Record<string, string>)[key] = value);
  // A value may name a constant declared before it, alone or in a template (`root: usersRoot`, `` `/${usersRoot}/:id` ``).
  const known = (name: string) => out?.[name];
  // Top-level declarations start a line: found with a plain search (every file of the service is read here), then read.
  for (const at of lineStartsWith(source, ['const ', 'export const ', 'export default {', 'module.exports = {'])) {
    DECLARATION.lastIndex = at;
    const m = DECLARATION.exec(text);
    if (!m) continue;
    // A config module's exported object (`export default { api: { prefix: '/api' } }`): its members as `default.…`.
    const name = m[1] ?? 'default';
    let from = at + m[0].length;
    // logto's `export const experienceRoutes = Object.freeze({ prefix, verification: `${prefix}/verification` })`.
    if (text.startsWith('Object.freeze({', from)) from += 'Object.freeze('.length;
    if (text[from] === '{') {
      objectMembers(text, from, name, set, known);
      continue;
    }
    // A list of names (`export const messageMethods = ['find', 'get'] as const`): as `messageMethods[]`, comma-joined.
    if (m[1] && text[from] === '[') {
      const list = STRING_LIST.exec(text.slice(from, from + 400));
      if (list) set(`${m[1]}[]`, [...list[1].matchAll(/['"]([\w$.-]+)['"]/g)].map((x) => x[1]).join(','));
      continue;
    }
    const value = valueAt(text, from, known);
    if (m[1] && value !== undefined && /^\s*(?:as\s+const\s*)?(?:;|\n|$)/.test(text.slice(value.end, value.end + 12))) set(m[1], value.text);
  }
  // A class's static string field (Flowise's `static LOGIN_URI = '/api/v1/auth0/login'`): as `Class.NAME`.
  if (mentions(source, 'static ') && mentions(source, 'class ')) {
    // (A declaration's head, not the word in a comment: `// handled by the class below`.)
    const classes = [...text.matchAll(/\bclass\s+([A-Za-z_$][\w$]*)\s*(?:extends\b|implements\b|<|\{)/g)];
    for (const m of text.matchAll(STATIC_FIELD)) {
      // The class declared last before it.
      let owner: string | undefined;
      for (const c of classes) if (c.index < m.index) owner = c[1];
      if (owner) set(`${owner}.${m[1]}`, m[3]);
    }
  }
  // A zod schema the environment is parsed with (`LIVE_BASE_PATH: z.string().default("/live")`, then
  // `envSchema.parse(process.env)`, makeplane/plane's live server): what the module exports of it reads the variable,
  // or the schema's default. Kept as `process.env.LIVE_BASE_PATH`, which the join reads for `env.LIVE_BASE_PATH`.
  if (mentions(source, 'z.object(') && mentions(source, 'process.env')) {
    for (const z of text.matchAll(ZOD_DEFAULT)) set(`process.env.${z[1] ?? z[2]}`, envPart(z[1] ?? z[2], z[4]));
  }
  return out;
}

/** `static LOGIN_URI = '/login'`, `public static readonly X: string = "…";`: a plain literal. */
const STATIC_FIELD = /^[ \t]*(?:(?:public|private|protected)\s+)?static\s+(?:readonly\s+)?([A-Za-z_$][\w$]*)\s*(?::\s*string\s*)?=\s*(['"`])([^'"`$\n\\]*)\2/gm;

/** `['find', 'get', 'create']`, on one line or several, strings only. */
const STRING_LIST = /^\[\s*((?:['"][\w$.-]+['"]\s*,\s*)*['"][\w$.-]+['"]\s*,?\s*)\]/;

/** A member of a zod object with a string default: `KEY: z.string().default("x")`, on one line. */
const ZOD_DEFAULT = /^[ \t]*(?:([A-Za-z_][\w]*)|['"]([A-Za-z_][\w]*)['"])\s*:\s*z\.[^\n]*?\.default\(\s*(['"])([^'"\n]*)\3\s*\)/gm;

const DECLARATION = /(?:export\s+)?const\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]+)?=\s*|(?:export\s+default|module\.exports\s*=)\s*(?=\{)/y;

/** Offsets of the lines that start with one of `prefixes`, in order (from a word search, carried across edits). */
function lineStartsWith(source: Searchable, prefixes: string[]): number[] {
  const text = textOf(source);
  const out: number[] = [];
  for (const prefix of prefixes) {
    if (text.startsWith(prefix)) out.push(0);
    if (typeof source !== 'string') for (const i of source.all(`\n${prefix}`)) out.push(i + 1);
    else for (let i = text.indexOf(`\n${prefix}`); i >= 0; i = text.indexOf(`\n${prefix}`, i + 1)) out.push(i + 1);
  }
  return out.sort((a, b) => a - b);
}

const MEMBER = /\s*(?:([A-Za-z_$][\w$]*)|(['"])([^'"]+)\2)\s*:\s*/y;
const SHORTHAND = /([A-Za-z_$][\w$]*)(?=\s*[,}])/y;
/** `process.env.X`, `process.env['X']`, with a literal fallback after `||` or `??`: envParts' named part. */
const ENV_VALUE = new RegExp(JS_ENV_VAR + String.raw`(?:\s*(?:\|\||\?\?)\s*(['"])([^'"\\\n]*)\3)?`, 'y');
const VALUE = /(['"`])([^'"`\\\n]*)\1|([A-Za-z_$][\w$]*)\b(?!\s*[.(])/y;

/** A string value at `i`: a literal, a known constant, or a template whose `${…}` are all known constants. */
function valueAt(text: string, i: number, known: (name: string) => string | undefined): { text: string; end: number } | undefined {
  if (text.startsWith('process.env', i)) {
    ENV_VALUE.lastIndex = i;
    const e = ENV_VALUE.exec(text);
    return e ? { text: envPart(e[1] ?? e[2], e[4]), end: ENV_VALUE.lastIndex } : undefined;
  }
  VALUE.lastIndex = i;
  const v = VALUE.exec(text);
  if (!v) return undefined;
  const end = VALUE.lastIndex;
  if (v[3] !== undefined) {
    const value = known(v[3]);
    return value === undefined ? undefined : { text: value, end };
  }
  if (!v[2].includes('${')) return { text: v[2], end };
  if (v[1] !== '`') return undefined;
  let unknown = false;
  const filled = v[2].replace(/\$\{\s*([A-Za-z_$][\w$.]*)\s*\}/g, (_, name: string) => known(name) ?? ((unknown = true), ''));
  return unknown || filled.includes('${') ? undefined : { text: filled, end };
}

/** The string members of the object literal at `open` (its `{`), nested up to 4 deep; returns where it ends. */
function objectMembers(text: string, open: number, prefix: string, set: (key: string, value: string) => void, known: (name: string) => string | undefined, depth = 0): number {
  let i = open + 1;
  while (i < text.length) {
    i = skipBlank(text, i);
    if (text[i] === '}') return i + 1;
    MEMBER.lastIndex = i;
    const m = MEMBER.exec(text);
    if (!m) {
      // A shorthand member naming a constant declared before it: `{ prefix, … }`.
      SHORTHAND.lastIndex = i;
      const short = SHORTHAND.exec(text);
      const value = short ? known(short[1]) : undefined;
      if (short && value !== undefined) {
        set(`${prefix}.${short[1]}`, value);
        i = SHORTHAND.lastIndex;
        continue;
      }
      return skipTo(text, i);
    }
    const key = `${prefix}.${m[1] ?? m[3]}`;
    i = MEMBER.lastIndex;
    if (text[i] === '{' && depth < 4) {
      i = objectMembers(text, i, key, set, known, depth + 1);
      continue;
    }
    const v = valueAt(text, i, known);
    if (v && /^\s*[,}\n]/.test(text.slice(v.end, v.end + 2))) {
      set(key, v.text);
      i = v.end;
    } else i = skipValue(text, i);
  }
  return i;
}

/** Past white space, commas and comments between members (a config object documents its keys). */
function skipBlank(text: string, i: number): number {
  for (;;) {
    while (/[\s,]/.test(text[i] ?? '')) i++;
    if (text.startsWith('//', i)) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else return i;
  }
}

/** Past a member's value that is not a plain string (a call, an array, a template with `${…}`): to its `,` or `}`. */
function skipValue(text: string, i: number): number {
  let depth = 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (ch === ',' && depth === 0) return i + 1;
    else if (ch === '"' || ch === "'" || ch === '`') {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) return text.length;
      i = close;
    }
  }
  return i;
}

function skipTo(text: string, i: number): number {
  const end = skipValue(text, i);
  return text[end] === '}' ? end + 1 : end;
}

import { envPart, pythonEnvRead } from './envParts';
import { NAMED_PART } from './routeCollector';

/**
 * String constants a Python module defines, for prefixes that are named rather than written
 * (`app.include_router(api_router, prefix=settings.API_V1_STR)`): module-level `NAME = "…"` as `NAME`, and class
 * attributes with a literal default (`class Settings(BaseSettings):\n    API_V1_STR: str = "/api/v1"`) as
 * `Settings.API_V1_STR`. Read line by line with the indentation: plain literals, raw strings and module-level
 * f-strings of names (see patternConstant) count, no concatenation, and a miss only leaves the prefix out, as before. A module-level value read from the environment
 * (`API_PREFIX = os.getenv("API_PREFIX", "/api")`) is kept as envParts' named part, and so is a field of a pydantic
 * `BaseSettings` class, which its environment variable overrides (`API_V1_STR`, after the class's `env_prefix`).
 */
export function pythonStringConstants(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  let cls: string | undefined;
  let body: string | undefined; // the class body's indentation, from its first line
  // pydantic settings classes: each field's default is what the variable of its name (after the class's
  // `env_prefix`) leaves it; the join reads that variable from the service's recipes.
  let settings: { prefix: string; fields: [key: string, name: string][] } | undefined;
  const settingsDone = () => {
    for (const [key, name] of settings?.fields ?? []) out[key] = envPart(settings!.prefix + name, out[key]);
    settings = undefined;
  };
  for (const line of text.split('\n')) {
    if (!line.trim() || /^\s*(#|@)/.test(line)) continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (!indent) {
      settingsDone();
      const c = /^class\s+(\w+)\s*(\([^)]*\))?/.exec(line);
      cls = c?.[1];
      if (c?.[2]?.includes('BaseSettings')) settings = { prefix: '', fields: [] };
      body = undefined;
      const m = ASSIGNED.exec(line);
      const pattern = m ? undefined : patternConstant(line);
      const number = m || pattern ? undefined : NUMBER_ASSIGNED.exec(line);
      const sum = m || pattern || number || !line.includes('+') ? undefined : summedConstant(line);
      if (m) out[m[1]] = m[3];
      else if (pattern) out[pattern[0]] = pattern[1];
      else if (sum) out[sum[0]] = sum[1];
      // A version written as a number, for an f-string path (lemur's `API_VERSION = 1`, `f"/api/{API_VERSION}"`).
      else if (number) out[number[1]] = number[2];
      else if (line.includes('os.')) {
        // `API_PREFIX = os.getenv("API_PREFIX", "/api")`: read from the service's recipes in the join.
        const e = ENV_ASSIGNED.exec(line);
        const read = e ? pythonEnvRead(e[2]) : undefined;
        if (read) out[e![1]] = envPart(read.name, read.fallback);
      }
      continue;
    }
    if (!cls) continue;
    // `model_config = SettingsConfigDict(env_prefix="APP_")`, or pydantic 1's nested `class Config: env_prefix = …`.
    if (settings && line.includes('env_prefix')) settings.prefix = /env_prefix\s*[=:]\s*["']([^"']*)["']/.exec(line)?.[1] ?? settings.prefix;
    body ??= indent;
    if (indent !== body) continue;
    const m = ASSIGNED.exec(line.slice(indent.length));
    if (m) {
      out[`${cls}.${m[1]}`] = m[3];
      settings?.fields.push([`${cls}.${m[1]}`, m[1]]);
    }
  }
  settingsDone();
  return out;
}

/**
 * A module-level raw string or f-string (Django URL patterns kept in constants, bookwyrm's `BOOK_PATH =
 * r"^book/(?P<book_id>\d+)"`, `USER_PATH = rf"^user/(?P<username>{regex.USERNAME})"`): its name and text, each
 * replacement field a named part the join reads where it is defined (`{{`/`}}` are braces). Not one with a field
 * that is more than a name, nor a plain string with escapes (their meaning is not their text).
 */
function patternConstant(line: string): [string, string] | undefined {
  const m = PATTERN_ASSIGNED.exec(line);
  if (!m) return undefined;
  const prefix = m[2].toLowerCase();
  const raw = prefix.includes('r');
  if (!raw && m[4].includes('\\')) return undefined;
  if (!prefix.includes('f')) return raw ? [m[1], m[4]] : undefined;
  let out = '';
  for (let i = 0; i < m[4].length; i++) {
    const c = m[4][i];
    if ((c === '{' || c === '}') && m[4][i + 1] === c) {
      out += c;
      i++;
    } else if (c === '{') {
      const close = m[4].indexOf('}', i);
      const name = close < 0 ? '' : m[4].slice(i + 1, close);
      if (!/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?$/.test(name)) return undefined;
      out += `${NAMED_PART}${name}${NAMED_PART}`;
      i = close;
    } else if (c === '}') return undefined;
    else out += c;
  }
  return [m[1], out];
}

/**
 * A module-level `+` of names and plain literals, fides' `DATASET_CONFIGS = CONNECTION_BY_KEY + DATASET_CONFIG` and
 * `DATASET_BY_KEY = CONNECTION_BY_KEY + DATASETS + "/{dataset_key}"` (its route paths kept in a registry module): its
 * name and text, each name a named part the join reads where it is defined. Not one with any other operand (a call, a
 * number).
 */
function summedConstant(line: string): [string, string] | undefined {
  const m = SUM_ASSIGNED.exec(line);
  if (!m) return undefined;
  let out = '';
  for (const operand of m[2].split('+')) {
    const part = operand.trim();
    const literal = /^[uU]?(['"])([^'"\\]*)\1$/.exec(part);
    if (literal) out += literal[2];
    else if (/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?$/.test(part)) out += `${NAMED_PART}${part}${NAMED_PART}`;
    else return undefined;
  }
  return out.includes(NAMED_PART) ? [m[1], out] : undefined;
}

/** `NAME = A + "/x" + B`: the name and what is summed (no quote holds a `+`: see summedConstant's operands). */
const SUM_ASSIGNED = /^(\w+)\s*(?::\s*[^=\n]+?)?\s*=\s*([^=#\n]+\+[^=#\n]+?)\s*(?:#.*)?$/;

/** `NAME = r"…"`, `NAME = rf'…'`, `NAME = f"…"`: the prefix letters and the text between the quotes. */
const PATTERN_ASSIGNED = /^(\w+)\s*(?::\s*[^=\n]+?)?\s*=\s*([rRfF]{1,2})(['"])((?:(?!\3)[^\n])*)\3\s*(?:#.*)?$/;

// `API_VERSION = 1`: a module constant written as a number.
const NUMBER_ASSIGNED = /^([A-Z][A-Z0-9_]*)\s*(?::\s*int\s*)?=\s*(\d+)\s*(?:#.*)?$/;
// `NAME = "literal"`, `NAME: str = 'literal'`, with an optional trailing comment
const ASSIGNED = /^(\w+)\s*(?::\s*[^=\n]+?)?\s*=\s*[rRuU]?(['"])([^'"\\\n]*)\2\s*(?:#.*)?$/;
// `NAME = os.getenv("VAR", "default")`, `os.environ.get(…)`, `os.environ["VAR"]`
const ENV_ASSIGNED = /^(\w+)\s*(?::\s*[^=\n]+?)?\s*=\s*(os\.[^#\n]*?)\s*(?:#.*)?$/;

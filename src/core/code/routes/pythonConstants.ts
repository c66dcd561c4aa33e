import { envPart } from './envParts';

/**
 * String constants a Python module defines, for prefixes that are named rather than written
 * (`app.include_router(api_router, prefix=settings.API_V1_STR)`): module-level `NAME = "…"` as `NAME`, and class
 * attributes with a literal default (`class Settings(BaseSettings):\n    API_V1_STR: str = "/api/v1"`) as
 * `Settings.API_V1_STR`. Read line by line with the indentation: only plain literals (no f-strings, no
 * concatenation) count, and a miss only leaves the prefix out, as before. A module-level value read from the environment
 * (`API_PREFIX = os.getenv("API_PREFIX", "/api")`) is kept as envParts' named part.
 */
export function pythonStringConstants(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  let cls: string | undefined;
  let body: string | undefined; // the class body's indentation, from its first line
  for (const line of text.split('\n')) {
    if (!line.trim() || /^\s*(#|@)/.test(line)) continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (!indent) {
      const c = /^class\s+(\w+)/.exec(line);
      cls = c?.[1];
      body = undefined;
      const m = ASSIGNED.exec(line);
      if (m) out[m[1]] = m[3];
      else if (line.includes('os.')) {
        // `API_PREFIX = os.getenv("API_PREFIX", "/api")`: read from the service's recipes in the join.
        const e = ENV_ASSIGNED.exec(line);
        if (e) out[e[1]] = envPart(e[3] ?? e[7], e[5]);
      }
      continue;
    }
    if (!cls) continue;
    body ??= indent;
    if (indent !== body) continue;
    const m = ASSIGNED.exec(line.slice(indent.length));
    if (m) out[`${cls}.${m[1]}`] = m[3];
  }
  return out;
}

// `NAME = "literal"`, `NAME: str = 'literal'`, with an optional trailing comment
const ASSIGNED = /^(\w+)\s*(?::\s*[^=\n]+?)?\s*=\s*[rRuU]?(['"])([^'"\\\n]*)\2\s*(?:#.*)?$/;
// `NAME = os.getenv("VAR", "default")`, `os.environ.get(…)`, `os.environ["VAR"]`
const ENV_ASSIGNED = /^(\w+)\s*(?::\s*[^=\n]+?)?\s*=\s*(?:os\.(?:getenv|environ\.get)\(\s*(['"])(\w+)\2\s*(?:,\s*(['"])([^'"\\\n]*)\4\s*)?\)|os\.environ\[\s*(['"])(\w+)\6\s*\])\s*(?:#.*)?$/;

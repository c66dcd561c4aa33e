import { NAMED_PART } from './routeCollector';

/**
 * A part of a route path that an environment variable gives (`app.use(process.env.API_PREFIX || '/api', router)`,
 * `include_router(r, prefix=os.getenv("API_PREFIX", "/api"))`): written into the path as a named part
 * (`\u0000env:API_PREFIX=/api\u0000`), which the workspace join reads from the service's recipes, or else from the
 * fallback the code gives. What production serves, and so what its metrics name, is the recipe's value.
 */
const ENV_PART = 'env:';

/** The named part for variable `name`, with the code's own fallback when it gives one. */
export function envPart(name: string, fallback?: string): string {
  return `${NAMED_PART}${ENV_PART}${name}${fallback !== undefined ? `=${fallback}` : ''}${NAMED_PART}`;
}

/** JavaScript's read of a variable, `process.env.X` or `process.env['X']`: its name in group 1 or 2. */
export const JS_ENV_VAR = String.raw`process\.env(?:\.([A-Za-z_]\w*)|\[\s*['"]([A-Za-z_]\w*)['"]\s*\])`;

/** `os.getenv("X", "default")`, `os.environ.get("X")`, `os.environ["X"]` (the whole text): the variable and default. */
export function pythonEnvRead(text: string): { name: string; fallback?: string } | undefined {
  const m = PY_ENV_READ.exec(text);
  return m ? { name: m[2] ?? m[6], fallback: m[4] } : undefined;
}

const PY_ENV_READ = /^os\.(?:getenv|environ\.get)\(\s*(['"])(\w+)\1\s*(?:,\s*(['"])([^'"\\\n]*)\3\s*)?\)$|^os\.environ\[\s*(['"])(\w+)\5\s*\]$/;

/** The variable and fallback of a named part's text (what lies between the two NAMED_PART marks), if it is one. */
export function readEnvPart(part: string): { name: string; fallback?: string } | undefined {
  if (!part.startsWith(ENV_PART)) return undefined;
  const rest = part.slice(ENV_PART.length);
  const eq = rest.indexOf('=');
  return eq < 0 ? { name: rest } : { name: rest.slice(0, eq), fallback: rest.slice(eq + 1) };
}

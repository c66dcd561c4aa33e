/**
 * Route templates are written differently by frameworks and metric labels:
 * `/users/:id` (Express, Rails), `/users/{id}` (OpenAPI, FastAPI, Spring, OpenTelemetry), `/users/<int:id>`
 * (Flask, Django), `/users/[id]` (Next.js), `/users/#val` (express-prom-bundle's id normalisation).
 * They meet once every parameter is written `{}`, repeated and trailing slashes are dropped, a leading one added,
 * and a wildcard tail (`*`, `/**`, `{*rest}`) is written `{*}`.
 */
export function normaliseRoute(route: string): string {
  let out = route.trim();
  // Only the path: a method prefix (`GET /x`), a query string or a fragment never distinguish routes.
  out = out.replace(/^[A-Z]+\s+(?=\/)/, '').replace(/[?#](?!val\b).*$/, '');
  out = out
    .replace(/\{\*[^}]*\}|\/\*\*$|\/\*$|\(\.\*\)$/g, '/{*}')
    .replace(/\{[^}*]*\}/g, '{}')
    .replace(/<[^>]*>/g, '{}')
    .replace(/\[\[?\.\.\.[^\]]*\]\]?/g, '{*}')
    .replace(/\[[^\]]*\]/g, '{}')
    .replace(/:[A-Za-z_][\w]*(\([^)]*\))?\??/g, '{}')
    .replace(/#val\b/g, '{}')
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '');
  // Django's resolver routes start with no slash (`api/events/<int:id>`); every other spelling with one.
  return out === '' ? '/' : out.startsWith('/') ? out : `/${out}`;
}

export function sameRoute(a: string, b: string): boolean {
  return normaliseRoute(a) === normaliseRoute(b);
}

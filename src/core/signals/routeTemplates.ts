/**
 * Route templates are written differently by frameworks and metric labels:
 * `/users/:id` (Express), `/users/{id}` (OpenAPI, FastAPI, Spring), `/users/<int:id>` (Flask).
 * They meet once every parameter is written `{}` and trailing slashes are dropped.
 */
export function normaliseRoute(route: string): string {
  const out = route
    .trim()
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/<[^>]*>/g, '{}')
    .replace(/:[A-Za-z_][\w]*(\([^)]*\))?\??/g, '{}')
    .replace(/\/+$/, '');
  return out === '' ? '/' : out;
}

export function sameRoute(a: string, b: string): boolean {
  return normaliseRoute(a) === normaliseRoute(b);
}

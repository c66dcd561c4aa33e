import { localFunction } from './javascriptRoutes';
import type { RouteCollector } from './routeCollector';

const VERBS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];
const PAGES_API = /(?:^|\/)pages(\/api\/.+)\.(?:ts|tsx|js|jsx|mjs)$/;
const PAGES = /(?:^|\/)pages(\/.+)\.(?:ts|tsx|js|jsx)$/;
const APP_ROUTE = /(?:^|\/)app((?:\/.+)?)\/route\.(?:ts|js|mjs)$/;

/**
 * Next.js file-based routes, with the template Next.js reports (`/api/products/[productId]`):
 * `pages/api/**` (one route, its methods read from `case 'GET':` / `req.method === 'POST'` in the handler),
 * `app/**∕route.ts` (one route per exported `GET`, `POST`, …), and pages rendered per request
 * (`getServerSideProps`).
 */
export function findNextRoutes(c: RouteCollector): void {
  const file = c.file;
  const api = PAGES_API.exec(file);
  if (api) return pagesApiRoute(c, routePath(api[1]));
  const app = APP_ROUTE.exec(file);
  if (app) return appRoutes(c, routePath(app[1] || '/'));
  const page = PAGES.exec(file);
  if (page && !/\/_[^/]+$/.test(page[1])) {
    const ssr = localFunction(c.s, 'getServerSideProps');
    if (ssr !== undefined) {
      c.add({ method: 'GET', path: routePath(page[1]), framework: 'nextjs', declaration: c.s.rangeOf(ssr), handlerIndex: ssr, at: ssr, mountable: false });
    }
  }
}

function routePath(raw: string): string {
  const path = raw
    .split('/')
    .filter((seg) => seg && !/^\(.*\)$/.test(seg) && !seg.startsWith('@')) // route groups and parallel slots
    .join('/')
    .replace(/(^|\/)index$/, '');
  return '/' + path;
}

function pagesApiRoute(c: RouteCollector, path: string): void {
  const s = c.s;
  const m = s.memo('next.default', () => /export\s+default\s+(?:async\s+)?function\s*\*?\s*(\w*)|export\s+default\s+([\w$.]+)\s*(?:\(\s*([\w$]+))?/.exec(s.text));
  if (!m) return;
  let handler: number | undefined;
  if (m[1] !== undefined) handler = m[1] ? localFunction(s, m[1]) : s.functions.find((f) => s.text.slice(0, s.nodes[f.index].start).trimEnd().endsWith('default'))?.index;
  else handler = localFunction(s, m[3] ?? m[2]);
  if (handler === undefined) return;
  const body = s.textOf(handler);
  const methods = new Set<string>();
  for (const x of body.matchAll(/case\s+['"]([A-Z]+)['"]|method\s*={2,3}\s*['"]([A-Z]+)['"]/g)) {
    const verb = x[1] ?? x[2];
    if (VERBS.includes(verb)) methods.add(verb);
  }
  const declaration = s.rangeOf(handler);
  for (const method of methods.size ? methods : ['ANY']) {
    c.add({ method, path, framework: 'nextjs', declaration, handlerIndex: handler, at: handler, mountable: false });
  }
}

function appRoutes(c: RouteCollector, path: string): void {
  const s = c.s;
  for (const verb of VERBS) {
    if (!s.memo(`next.${verb}`, () => new RegExp(`export\\s+(?:async\\s+)?(?:function\\s+${verb}\\b|const\\s+${verb}\\b)`).test(s.text))) continue;
    const handler = localFunction(s, verb);
    if (handler === undefined) continue;
    c.add({ method: verb, path, framework: 'nextjs', declaration: s.rangeOf(handler), handlerIndex: handler, at: handler, mountable: false });
  }
}

import { resolveHandler } from './javascriptRoutes';
import type { RouteCollector } from './routeCollector';

/** Nuxt's and Nitro's file routes: `server/api/**` (under `/api`) and `server/routes/**` (at the root). */
const ROUTE_FILE = /(?:^|\/)server\/(api|routes)\/(.+?)(?:\.(get|post|put|patch|delete|head|options))?\.(?:ts|js|mjs)$/;

/**
 * Nuxt and Nitro server routes: `server/api/users/[id].get.ts` with `export default defineEventHandler(async (event) =>
 * …)` is `GET /api/users/:id` (a method suffix picks the method, none answers any; `index` is its folder; `[id]` is
 * `:id`, `[...slug]` the rest of the path, `**:slug`), served by the function the default export wraps.
 */
export function findNitroRoutes(c: RouteCollector): void {
  const m = ROUTE_FILE.exec(c.file);
  if (!m) return;
  const s = c.s;
  const segments = m[2].split('/').filter((seg) => seg !== 'index' && !/^\(.*\)$/.test(seg));
  const path =
    (m[1] === 'api' ? '/api' : '') +
    '/' +
    segments
      .map((seg) => seg.replace(/^\[\.\.\.(\w*)\]$/, (_, name: string) => `**${name ? `:${name}` : ''}`).replace(/\[(\w+)\]/g, ':$1'))
      .join('/');
  for (const [i, call] of s.calls) {
    // The module's default export: `export default defineEventHandler(…)` (also `eventHandler`, `defineCachedEventHandler`).
    if (call.chain.length !== 1 || !/^(?:define\w*EventHandler|eventHandler|defineCachedEventHandler)$/.test(call.chain[0])) continue;
    if (!/export\s+default\s*$/.test(s.text.slice(Math.max(0, s.nodes[i].start - 40), s.nodes[i].start))) continue;
    const handler = resolveHandler(c, s.nodes[i].node);
    c.add({ method: m[3] ? m[3].toUpperCase() : 'ANY', path: path.length > 1 ? path.replace(/\/$/, '') : path, framework: 'nitro', declaration: s.rangeOf(i), ...handler, at: i, mountable: false });
  }
}

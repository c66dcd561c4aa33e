import type { FileStructure } from '../fileStructure';
import { localFunction } from './javascriptRoutes';
import type { RouteCollector } from './routeCollector';

/** A route module of Remix or React Router's file convention: its path below `app/routes/`, without extension. */
const ROUTE_MODULE = /(?:^|\/)app\/routes\/(.+)\.(?:tsx|ts|jsx|js)$/;

/**
 * Remix and React Router (framework mode) route modules, `app/routes/**`: a module's `loader` runs on the server for
 * every GET of its path, its `action` for every POST (and other writes) to it. The path is read from the file name as
 * the flat-routes conventions spell it, with remix-flat-routes' `+` folders (documenso's
 * `_recipient+/sign.$token+/_index.tsx` is `/sign/:token`): `.` and `+/` separate segments, `$id` is `:id`, a lone
 * `$` the splat `*`, `(x)` optional, `[x]` the literal x, `_index` the index, a leading `_` a layout without a path
 * of its own, a trailing `_` only leaves the layout.
 */
export function findRemixRoutes(c: RouteCollector): void {
  const m = ROUTE_MODULE.exec(c.file);
  if (!m) return;
  const s = c.s;
  const exported = s.memo('remix.exports', () => ({
    loader: /export\s+(?:async\s+)?(?:function\s+loader\b|const\s+loader\b)/.test(s.text),
    action: /export\s+(?:async\s+)?(?:function\s+action\b|const\s+action\b)/.test(s.text),
  }));
  if (!exported.loader && !exported.action) return;
  const path = remixPath(m[1]);
  if (path === undefined) return;
  const framework = s.mentions('@remix-run/') ? 'remix' : 'react-router';
  for (const [name, method] of [['loader', 'GET'], ['action', 'POST']] as const) {
    if (!exported[name]) continue;
    const handler = localFunction(s, name);
    if (handler === undefined) continue;
    c.add({ method, path, framework, declaration: s.rangeOf(handler), handlerIndex: handler, at: handler, mountable: false });
  }
}

/** `_recipient+/sign.$token+/_index` → `/sign/:token`; undefined for a name it cannot read. */
export function remixPath(name: string): string | undefined {
  // A folder route (`users.$id/route.tsx`) is the folder's; `+` folders are segments of their own.
  const flat = name.replace(/\/(?:route|index|_layout)$/, (last) => (last === '/_layout' ? '/_layout' : '')).replace(/\+\//g, '.').replace(/\//g, '.');
  const out: string[] = [];
  for (const raw of splitSegments(flat)) {
    if (raw === '_index' || raw === '_layout' || raw === 'route' || raw === 'index') continue;
    if (raw.startsWith('_') && !raw.startsWith('[')) continue; // a layout: no path of its own
    let seg = raw.replace(/_$/, '');
    const optional = /^\((.*)\)$/.exec(seg);
    if (optional) seg = optional[1];
    if (seg === '$') seg = '*';
    else if (seg.startsWith('$')) seg = `:${seg.slice(1)}`;
    seg = seg.replace(/\[([^\]]*)\]/g, '$1');
    if (!seg) continue;
    out.push(optional ? `${seg}?` : seg);
  }
  return '/' + out.join('/');
}

/** Segments split at dots outside `[…]` escapes. */
function splitSegments(name: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === '.' && depth === 0) {
      out.push(name.slice(from, i));
      from = i + 1;
    }
  }
  out.push(name.slice(from));
  return out.filter((segment) => segment !== '');
}

/**
 * In a route module, the functions that run on the server (`loader`, `action`), by index into `s.functions`; undefined
 * for any other file. The module's component runs in the browser too: its fetches are the browser's.
 */
export function remixServerFunctions(file: string, s: FileStructure): Set<number> | undefined {
  if (!ROUTE_MODULE.test(file)) return undefined;
  const out = new Set<number>();
  s.functions.forEach((f, k) => {
    if (f.outer === -1 && (f.name === 'loader' || f.name === 'action')) out.add(k);
  });
  return out.size ? out : undefined;
}

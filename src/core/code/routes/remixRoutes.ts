import type { FileStructure } from '../fileStructure';
import { localFunction } from './javascriptRoutes';
import type { RouteCollector } from './routeCollector';

/** A route module of Remix or React Router's file convention: its path below `app/routes/`, without extension. */
const ROUTE_MODULE = /(?:^|\/)app\/routes\/(.+)\.(?:tsx|ts|jsx|js)$/;
/** The root route module, whose loader runs for every page (see WorkspaceLinker.remixLoadersAbove). */
export const ROOT_MODULE = /^(.*(?:^|\/)app\/)root\.(?:tsx|ts|jsx|js)$/;

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
  // A pathless layout serves no path of its own: its loader runs for the routes below it (the join's, remixModuleOf).
  if (remixModuleOf(c.file, false)?.pathless) return;
  const s = c.s;
  const exported = s.memo('remix.exports', () => ({
    loader: /export\s+(?:async\s+)?(?:function\s+loader\b|const\s+loader\b)/.test(s.text),
    action: /export\s+(?:async\s+)?(?:function\s+action\b|const\s+action\b)/.test(s.text),
  }));
  if (!exported.loader && !exported.action) return;
  const path = remixPath(m[1]);
  if (path === undefined) return;
  const framework = remixFramework((w) => s.mentions(w));
  for (const [name, method] of [['loader', 'GET'], ['action', 'POST']] as const) {
    if (!exported[name]) continue;
    const handler = localFunction(s, name);
    if (handler === undefined) continue;
    c.add({ method, path, framework, declaration: s.rangeOf(handler), handlerIndex: handler, at: handler, mountable: false });
  }
}

/**
 * A route module's place among the others (FileLinks.remixModule): its route id as segments joined by `.`
 * (`_authenticated+/dashboard.tsx` is `_authenticated.dashboard`, `_authenticated+/_layout.tsx` is `_authenticated`),
 * the folder of routes it is in, its path, and whether it is a layout: a pathless one (`_authenticated`, `_auth.tsx`),
 * which serves no path, or remix-flat-routes' `_layout` of a folder or a name (`dashboard+/_layout.tsx`), which serves
 * its path when no index below it does (the join's). A module's ancestors are those whose id is a prefix of its own, segment
 * by segment: React Router runs each one's loader for a request to it (`users_.edit`, whose segment escapes the
 * layout, is no child of `users`).
 */
export function remixModuleOf(file: string, remix: boolean): { routes: string; id: string; path: string; layout: boolean; pathless: boolean; framework: string } | undefined {
  const m = ROUTE_MODULE.exec(file);
  if (!m) return undefined;
  const path = remixPath(m[1]);
  if (path === undefined) return undefined;
  const folderLayout = /(?:^|\/)_layout$/.test(m[1]);
  const flat = m[1].replace(/\/(?:route|index|_layout)$|^_layout$/, '').replace(/\+$/, '').replace(/\+\//g, '.').replace(/\//g, '.');
  const segments = splitSegments(flat);
  // `documents.$id._layout.tsx`: the layout of `documents.$id`, as a folder's `_layout` is of its folder.
  const flatLayout = segments[segments.length - 1] === '_layout';
  if (flatLayout) segments.pop();
  const last = segments[segments.length - 1] ?? '';
  const pathless = !flatLayout && last.startsWith('_') && last !== '_index' && !last.startsWith('[');
  const routes = file.slice(0, m.index + m[0].indexOf('app/routes/') + 'app/routes/'.length);
  return { routes, id: segments.join('.'), path, layout: folderLayout || flatLayout || pathless, pathless, framework: remix ? 'remix' : 'react-router' };
}

/** Remix's own packages imported (`@remix-run/…`), else React Router's framework mode. */
export function remixFramework(mentions: (word: string) => boolean): string {
  return mentions('@remix-run/') ? 'remix' : 'react-router';
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
 * In a route module (or the root module), the functions that run on the server (`loader`, `action`), by index into `s.functions`; undefined
 * for any other file. The module's component runs in the browser too: its fetches are the browser's.
 */
export function remixServerFunctions(file: string, s: FileStructure): Set<number> | undefined {
  if (!ROUTE_MODULE.test(file) && !ROOT_MODULE.test(file)) return undefined;
  const out = new Set<number>();
  s.functions.forEach((f, k) => {
    if (f.outer === -1 && (f.name === 'loader' || f.name === 'action')) out.add(k);
  });
  return out.size ? out : undefined;
}

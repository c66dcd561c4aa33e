import type { Node } from '@vscode/tree-sitter-wasm';
import type { CallInfo, FileStructure } from '../fileStructure';
import { calleeChain, stringValue } from '../syntax';
import { keyword } from './pythonKeywords';
import { handlerOf as pythonHandlerOf } from './pythonHandlers';
import { variableNames, type RouteCollector } from './routeCollector';

/** Words one of aiohttp's registrations needs: files without any are not looked at further. */
const AIOHTTP_WORDS = /\badd_(?:get|post|put|patch|delete|head|route|view|routes|subapp)\b|\bRouteTableDef\b|\bweb\s*\.\s*(?:get|post|put|patch|delete|head|route|view)\b/;
const ADD_VERBS: Record<string, string> = { add_get: 'GET', add_post: 'POST', add_put: 'PUT', add_patch: 'PATCH', add_delete: 'DELETE', add_head: 'HEAD' };
const DEF_VERBS: Record<string, string> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD' };
const METHOD = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|\*)$/i;

/**
 * aiohttp's server routes, each under the template `request.match_info.route.resource.canonical` reports (a
 * variable's regex left out: `/users/{id:\d+}` is `/users/{id}`):
 * - the router's methods, `app.router.add_get('/poll/{id}', poll)`, `add_route('*', '/x', h)` (also through an
 *   alias, `add_route = app.router.add_route`), `add_view('/x', UserView)` (a `web.View`: the methods it defines);
 * - route definitions, `app.add_routes([web.get('/x', h), web.view('/y', V)])`;
 * - a `web.RouteTableDef()`'s decorators, `@routes.get('/x')`, added with `app.add_routes(routes)` here or elsewhere;
 * - sub-applications, `app.add_subapp('/api/', api)`: the routes of `api` under `/api`.
 * The handler is a function of the module, one imported, or a method of an object (`handler.index`).
 */
export function findAiohttpRoutes(c: RouteCollector): void {
  const s = c.s;
  if (!s.memo('py.aiohttp', () => AIOHTTP_WORDS.test(s.text))) return;
  const tables = routeTablesOf(s);
  for (const [i, call] of s.calls) {
    const chain = call.chain;
    const last = chain[chain.length - 1];
    if (ADD_VERBS[last] || last === 'add_route' || last === 'add_view') routerMethod(c, i, call, last);
    else if (last === 'add_routes' && chain.length >= 2) addRoutes(c, call);
    else if (last === 'add_subapp' && chain.length >= 2) subApp(c, call);
    else if (chain.length >= 2 && chain[chain.length - 2] === 'web' && (DEF_VERBS[last] || last === 'route' || last === 'view')) routeDef(c, i, call, last);
  }
  if (tables.size === 0) return;
  for (let i = 0; i < s.nodes.length; i++) if (s.nodes[i].type === 'decorated_definition') tableDecorators(c, i, tables);
}

/** The names given a `web.RouteTableDef()` in this file: their `.get(…)` decorators are aiohttp's, not FastAPI's. */
export function routeTablesOf(s: FileStructure): Set<string> {
  return s.memo('py.aiohttpTables', () => {
    const out = new Set<string>();
    if (!s.mentions('RouteTableDef')) return out;
    for (const [i, call] of s.calls) {
      if (call.chain[call.chain.length - 1] !== 'RouteTableDef') continue;
      const assignment = s.nodes[i].node.parent;
      const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
      if (left?.type === 'identifier') out.add(left.text);
    }
    return out;
  });
}

/** `app.router.add_get(path, handler)` and the others: the app (`app`), or the router's name when it has one. */
function routerMethod(c: RouteCollector, i: number, call: CallInfo, last: string): void {
  const s = c.s;
  const args = s.argumentsOf(call).filter((a) => a.type !== 'comment');
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  let method: string;
  let pathNode: Node | undefined;
  let handlerNode: Node | undefined;
  if (last === 'add_route') {
    // aiohttp's `add_route(method, path, handler)`; Starlette's `add_route(path, endpoint)` starts with the path.
    const m = stringValue(positional[0] ?? keyword(args, 'method'));
    if (m === undefined || !METHOD.test(m)) return;
    method = m === '*' ? 'ANY' : m.toUpperCase();
    pathNode = positional[1] ?? keyword(args, 'path');
    handlerNode = positional[2] ?? keyword(args, 'handler');
  } else {
    method = ADD_VERBS[last] ?? 'ANY';
    pathNode = positional[0] ?? keyword(args, 'path');
    handlerNode = positional[1] ?? keyword(args, 'handler');
  }
  const path = stringValue(pathNode);
  if (path === undefined || !path.startsWith('/')) return;
  const handler = handlerOf(s, handlerNode, last === 'add_view');
  if (!handler) return;
  c.add({ method: handler.viewClass ? 'ANY' : method, path: variableNames(path), framework: 'aiohttp', declaration: s.rangeOf(i), ...handler, receiver: appOf(call.chain), at: i });
}

/** `web.get('/x', h)`, `web.route('*', '/x', h)`, `web.view('/x', V)`: on the app whose `add_routes` lists it. */
function routeDef(c: RouteCollector, i: number, call: CallInfo, verb: string): void {
  const s = c.s;
  const positional = s.argumentsOf(call).filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
  const route = verb === 'route';
  const m = route ? stringValue(positional[0]) : (DEF_VERBS[verb] ?? '*');
  if (m === undefined || !METHOD.test(m)) return;
  const path = stringValue(positional[route ? 1 : 0]);
  if (path === undefined || !path.startsWith('/')) return;
  const handler = handlerOf(s, positional[route ? 2 : 1], verb === 'view');
  if (!handler) return;
  c.add({ method: handler.viewClass ? 'ANY' : m === '*' ? 'ANY' : m.toUpperCase(), path: variableNames(path), framework: 'aiohttp', declaration: s.rangeOf(i), ...handler, receiver: addedBy(s, i), at: i });
}

/** `@routes.get('/x')` on a function, `@routes.view('/x')` on a class, with `routes = web.RouteTableDef()`. */
function tableDecorators(c: RouteCollector, i: number, tables: Set<string>): void {
  const s = c.s;
  const node = s.nodes[i].node;
  const definition = node.childForFieldName('definition');
  if (!definition) return;
  for (const decorator of node.namedChildren) {
    const call = decorator?.type === 'decorator' ? decorator.namedChildren[0] : undefined;
    const chain = call?.type === 'call' ? calleeChain(call.childForFieldName('function')?.text ?? '') : undefined;
    if (!call || !chain || chain.length !== 2 || !tables.has(chain[0])) continue;
    const verb = chain[1];
    const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => a !== null && a.type !== 'keyword_argument' && a.type !== 'comment') ?? [];
    const route = verb === 'route';
    const m = route ? stringValue(args[0]) : (DEF_VERBS[verb] ?? (verb === 'view' ? '*' : undefined));
    const path = stringValue(args[route ? 1 : 0]);
    if (m === undefined || !METHOD.test(m) || path === undefined || !path.startsWith('/')) continue;
    const route0 = { path: variableNames(path), framework: 'aiohttp', declaration: s.rangeOfNode(decorator!), receiver: chain[0], at: i };
    if (definition.type === 'class_definition') {
      const name = definition.childForFieldName('name')?.text;
      if (name) c.add({ ...route0, method: 'ANY', handlerChain: [name], viewClass: {} });
    } else {
      const fn = s.indexOfNode(definition);
      if (fn !== undefined) c.add({ ...route0, method: m === '*' ? 'ANY' : m.toUpperCase(), handlerIndex: fn });
    }
  }
}

/** `app.add_routes(routes)` of a table or a list named elsewhere: that name's routes are this app's. */
function addRoutes(c: RouteCollector, call: CallInfo): void {
  const arg = c.s.argumentsOf(call)[0];
  const target = arg && (arg.type === 'identifier' || arg.type === 'attribute') ? calleeChain(arg.text) : undefined;
  if (target) c.mounts.push({ prefix: '', target, receiver: appOf(call.chain) });
}

/** `app.add_subapp('/api/', api)`: aiohttp drops the prefix's trailing slash. */
function subApp(c: RouteCollector, call: CallInfo): void {
  const [prefixNode, appNode] = c.s.argumentsOf(call).filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
  const prefix = stringValue(prefixNode);
  const target = appNode && (appNode.type === 'identifier' || appNode.type === 'attribute') ? calleeChain(appNode.text) : undefined;
  if (prefix === undefined || !prefix.startsWith('/') || !target) return;
  c.mounts.push({ prefix: prefix.replace(/\/+$/, ''), target, receiver: appOf(call.chain) });
}

/** `app.router.add_get` → `app`; `router.add_get` → `router`; `add_route` (an alias) → none. */
function appOf(chain: string[]): string | undefined {
  if (chain.length >= 3 && chain[chain.length - 2] === 'router') return chain[chain.length - 3];
  return chain.length >= 2 ? chain[chain.length - 2] : undefined;
}

/**
 * The app a route definition is added to: `app.add_routes([web.get(…)])` around it, or, for a list assigned to a
 * name (`routes = [web.get(…)]`), that name, which `app.add_routes(routes)` mounts.
 */
function addedBy(s: FileStructure, i: number): string | undefined {
  for (let p = s.nodes[i].node.parent; p; p = p.parent) {
    if (p.type === 'call') {
      const chain = calleeChain(p.childForFieldName('function')?.text ?? '');
      if (chain && chain[chain.length - 1] === 'add_routes') return appOf(chain);
    }
    if (p.type === 'assignment') {
      const left = p.childForFieldName('left');
      return left?.type === 'identifier' ? left.text : undefined;
    }
    if (p.type === 'function_definition' || p.type === 'module') return undefined;
  }
  return undefined;
}

/** A handler: a class-based view (`web.View`), an instance made in place (`GQL()`: listed, its code not followed), or as Flask's. */
function handlerOf(s: FileStructure, node: Node | undefined, view: boolean): { handlerIndex?: number; handlerChain?: string[]; viewClass?: {} } | undefined {
  if (node?.type === 'call') return {};
  const chain = view && node && (node.type === 'identifier' || node.type === 'attribute') ? calleeChain(node.text) : undefined;
  return chain ? { handlerChain: chain, viewClass: {} } : pythonHandlerOf(s, node);
}

import type { Node } from '@vscode/tree-sitter-wasm';
import type { FileStructure } from '../fileStructure';
import { calleeChain, stringValue } from '../syntax';
import { handlerOf } from './pythonHandlers';
import { keyword } from './pythonKeywords';
import { importsPython } from './pythonImports';
import type { RouteCollector } from './routeCollector';

/**
 * Starlette's routing tables: `Route("/users/{id:int}", endpoint=get_user, methods=["GET"])` in the list given to
 * `Starlette(routes=…)`, a `Router([…])` or a `Mount("/api", routes=[…])` (also `app=Router([…])`), nested as deep as
 * written; a `Mount` of a list or router named here or in another module (`Mount("/users", routes=users.routes)`)
 * prefixes that name's routes. Templates as Starlette's exporters report them, `route.path` after the mounts' paths
 * (`/users` + `/` is `/users/`). A function endpoint answers GET (and HEAD), or its `methods`; an `HTTPEndpoint`
 * class the methods it defines. Also `app.add_route("/metrics", handle_metrics)`, on a Starlette or FastAPI app.
 */
export function findStarletteRoutes(c: RouteCollector): void {
  const s = c.s;
  // `app.add_route("/metrics", handle_metrics)`, Starlette's method that FastAPI's app has too.
  if (s.mentions('add_route') && (importsPython(s, 'starlette') || importsPython(s, 'fastapi'))) {
    const fastapi = importsPython(s, 'fastapi');
    for (const [i, call] of s.calls) if (call.chain.length === 2 && call.chain[1] === 'add_route') addRoute(c, i, call.chain[0], fastapi ? 'fastapi' : 'starlette');
  }
  if (!importsPython(s, 'starlette')) return;
  for (const [i, call] of s.calls) {
    if (call.chain.length > 2) continue;
    const last = call.chain[call.chain.length - 1];
    if (last === 'Route') route(c, i);
    else if (last === 'Mount') mount(c, i);
  }
}

function route(c: RouteCollector, i: number): void {
  const s = c.s;
  const node = s.nodes[i].node;
  const args = argumentsOf(node);
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  const path = stringValue(positional[0] ?? keyword(args, 'path'));
  if (path === undefined || !path.startsWith('/')) return;
  const handler = endpointOf(s, positional[1] ?? keyword(args, 'endpoint'));
  if (!handler) return;
  const list = keyword(args, 'methods');
  const listed = list ? list.namedChildren.flatMap((m) => stringValue(m)?.toUpperCase() ?? []) : undefined;
  const methods = listed?.length ? listed : handler.viewClass ? ['ANY'] : ['GET'];
  const declaration = s.rangeOf(i);
  for (const method of methods) c.add({ method, path: mountPrefix(node) + path, framework: 'starlette', declaration, ...handler, receiver: tableName(node), at: i });
}

/** `app.add_route("/x", endpoint, methods=["POST"])`: the path first (aiohttp's `add_route` starts with the method). */
function addRoute(c: RouteCollector, i: number, receiver: string, framework: string): void {
  const s = c.s;
  const args = argumentsOf(s.nodes[i].node);
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  const path = stringValue(positional[0] ?? keyword(args, 'path'));
  if (path === undefined || !path.startsWith('/')) return;
  const handler = endpointOf(s, positional[1] ?? keyword(args, 'route'));
  if (!handler) return;
  const list = keyword(args, 'methods');
  const listed = list ? list.namedChildren.flatMap((m) => stringValue(m)?.toUpperCase() ?? []) : undefined;
  const methods = listed?.length ? listed : handler.viewClass ? ['ANY'] : ['GET'];
  for (const method of methods) c.add({ method, path, framework, declaration: s.rangeOf(i), ...handler, receiver, at: i });
}

/** `Mount("/api", routes=api_routes)`, `Mount("/users", app=users.router)`: a name's routes under this path. */
function mount(c: RouteCollector, i: number): void {
  const node = c.s.nodes[i].node;
  const args = argumentsOf(node);
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  const path = stringValue(positional[0] ?? keyword(args, 'path'));
  const target = keyword(args, 'routes') ?? keyword(args, 'app') ?? positional[1];
  if (path === undefined || !target || (target.type !== 'identifier' && target.type !== 'attribute')) return;
  const chain = calleeChain(target.text);
  if (chain) c.mounts.push({ prefix: mountPrefix(node) + path.replace(/\/+$/, ''), target: chain, receiver: tableName(node) });
}

/** The paths of the `Mount(…)`s a call is written in, outermost first, each without its trailing slash. */
function mountPrefix(node: Node): string {
  let prefix = '';
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'class_definition' || p.type === 'module') break;
    if (p.type !== 'call' || !/^(?:routing\.)?Mount$/.test(p.childForFieldName('function')?.text ?? '')) continue;
    const args = argumentsOf(p);
    const path = stringValue(args.find((a) => a.type !== 'keyword_argument') ?? keyword(args, 'path'));
    if (path !== undefined) prefix = path.replace(/\/+$/, '') + prefix;
  }
  return prefix;
}

/** The name the table a route is written in is given (`routes = […]`, `app = Starlette(routes=[…])`). */
function tableName(node: Node): string | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'assignment') {
      const left = p.childForFieldName('left');
      return left?.type === 'identifier' ? left.text : undefined;
    }
    if (p.type === 'function_definition' || p.type === 'class_definition' || p.type === 'module') return undefined;
  }
  return undefined;
}

/** A class (an `HTTPEndpoint`, by its capital), or a function as Flask's handlers are read. */
function endpointOf(s: FileStructure, node: Node | undefined): { handlerIndex?: number; handlerChain?: string[]; viewClass?: {} } | undefined {
  if (!node || (node.type !== 'identifier' && node.type !== 'attribute')) return undefined;
  const chain = calleeChain(node.text);
  return chain && /^[A-Z]/.test(chain[chain.length - 1]) ? { handlerChain: chain, viewClass: {} } : handlerOf(s, node);
}

function argumentsOf(call: Node): Node[] {
  return call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => a !== null && a.type !== 'comment') ?? [];
}

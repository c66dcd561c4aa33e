import type { Node } from '@vscode/tree-sitter-wasm';
import { handlerOf, isBeegoModule, pathOf } from './goRoutes';
import type { RouteCollector } from './routeCollector';

const VERBS: Record<string, string> = { Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Head: 'HEAD', Options: 'OPTIONS', Any: 'ANY' };

/**
 * Beego (v2's `web` package and v1's `beego`): `web.Router("/user/:id", &controllers.UserController{},
 * "get:GetOne;put,patch:Update")`, each mapping a route of that controller method (without one, the controller's
 * RESTful methods: a route of any method, which the controller answers by `Get`, `Post`…); functions,
 * `web.Get("/x", func(ctx *context.Context) {…})`; and namespaces, `web.NewNamespace("/v1", web.NSRouter(…),
 * web.NSNamespace("/admin", …), web.NSGet(…))`, whose prefixes apply to what they hold; and bee's annotated
 * controllers, `web.NSInclude(&controllers.ObjectController{})` with `// @router /:id [get]` above its methods.
 */
export function findBeegoRoutes(c: RouteCollector, constants: Record<string, string>): void {
  const s = c.s;
  // A controller's file need not import Beego itself (its type is declared in another file of the package), and
  // `// @router /x [get]` is bee's own form (swag writes `@Router`).
  if (s.mentions('@router')) annotatedRoutes(c);
  if (!s.memo('go.beego', () => isBeegoModule(s.text))) return;
  for (const [i, call] of s.calls) {
    const chain = call.chain;
    if (call.argsStart < 0 || chain.length !== 2 || (chain[0] !== 'web' && chain[0] !== 'beego')) continue;
    const name = chain[1];
    const ns = name.startsWith('NS') ? name.slice(2) : name;
    const args = s.argumentsOf(call);
    const path = ns === 'Include' ? '' : pathOf(args[0], constants);
    if (path === undefined) continue;
    const full = beegoPath(namespacePrefix(s.nodes[i].node, constants), path);
    if (ns === 'Router' && args.length >= 2) {
      const type = /^&?\s*(?:(\w+)\.)?([A-Z]\w*)\s*\{/.exec(args[1].text);
      if (!type) continue;
      const handlerType = type[1] ? `${type[1]}.${type[2]}` : type[2];
      const mappings = args[2] ? mappingsOf(args[2].text) : [];
      if (!mappings.length) {
        c.add({ method: 'ANY', path: full, framework: 'beego', declaration: s.rangeOf(i), at: i, mountable: false });
        continue;
      }
      for (const [method, action] of mappings) {
        c.add({ method, path: full, framework: 'beego', declaration: s.rangeOf(i), handlerChain: [type[2], action], handlerType, at: i, mountable: false });
      }
    } else if (ns === 'Include') {
      // `web.NSInclude(&controllers.ObjectController{}, …)`: the controllers' `// @router` routes under this namespace.
      for (const arg of args) {
        const type = /^&?\s*(?:(\w+)\.)?([A-Z]\w*)\s*\{/.exec(arg.text);
        if (type) c.mounts.push({ prefix: beegoPath(namespacePrefix(s.nodes[i].node, constants), ''), target: type[1] ? [type[1], type[2]] : [type[2]] });
      }
    } else if (VERBS[ns] && args.length === 2) {
      const handler = handlerOf(s, args[1]);
      if (handler) c.add({ method: VERBS[ns], path: full, framework: 'beego', declaration: s.rangeOf(i), ...handler, at: i, mountable: false });
    }
  }
}

/**
 * bee's annotations, `// @router /:objectId [get,post]` in the comments above a controller's method: a route of that
 * method on the controller's type, which `NSInclude(&controllers.ObjectController{})` mounts under its namespace.
 */
function annotatedRoutes(c: RouteCollector): void {
  const s = c.s;
  for (let f = 0; f < s.functions.length; f++) {
    const fn = s.functions[f];
    const node = s.nodes[fn.index].node;
    if (node.type !== 'method_declaration' || !fn.owner) continue;
    // The comment lines right above the method.
    const lines: string[] = [];
    for (let p = node.previousSibling; p?.type === 'comment'; p = p.previousSibling) lines.unshift(p.text);
    for (const line of lines) {
      const m = /^\/\/\s*@router\s+(\S+)\s*\[([\w,\s*]+)\]/.exec(line.trim());
      if (!m) continue;
      for (const verb of m[2].split(',').map((v) => v.trim())) {
        if (!verb) continue;
        c.add({ method: verb === '*' ? 'ANY' : verb.toUpperCase(), path: m[1], framework: 'beego', declaration: s.rangeOf(fn.index), handlerIndex: fn.index, receiver: fn.owner, at: fn.index });
      }
    }
  }
}

/** `"get:GetOne;put,patch:Update"`, `"*:Handle"`: each method with the controller method that answers it. */
function mappingsOf(text: string): [string, string][] {
  const value = /^"([^"]*)"$/.exec(text.trim())?.[1];
  if (!value) return [];
  const out: [string, string][] = [];
  for (const part of value.split(';')) {
    const [methods, action] = part.split(':').map((p) => p.trim());
    if (!methods || !action || !/^\w+$/.test(action)) continue;
    for (const m of methods.split(',')) out.push([m.trim() === '*' ? 'ANY' : m.trim().toUpperCase(), action]);
  }
  return out;
}

/**
 * A namespace's prefix and what it holds, as Beego's route tree reads them: split on slashes, empty segments
 * dropped (casdoor's `NewNamespace("/", NSNamespace("/api", …))` serves `/api/…`, not `//api/…`).
 */
function beegoPath(prefix: string, path: string): string {
  const joined = (prefix + path).replace(/\/{2,}/g, '/');
  return joined.length > 1 && joined.endsWith('/') && !path.endsWith('/') ? joined.slice(0, -1) : joined;
}

/** The prefixes of the `NewNamespace("/v1", …)` and `NSNamespace("/admin", …)` calls around a registration. */
function namespacePrefix(node: Node, constants: Record<string, string>): string {
  let prefix = '';
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_declaration' || p.type === 'method_declaration' || p.type === 'func_literal') break;
    if (p.type !== 'call_expression' || !/^(?:\w+\.)?(?:NewNamespace|NSNamespace)$/.test(p.childForFieldName('function')?.text ?? '')) continue;
    const first = p.childForFieldName('arguments')?.namedChildren[0] ?? undefined;
    prefix = (pathOf(first, constants) ?? '') + prefix;
  }
  return prefix;
}

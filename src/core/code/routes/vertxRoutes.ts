import type { Node } from '@vscode/tree-sitter-wasm';
import { stringValue } from '../syntax';
import { javaStringExpression } from './javaConstants';
import type { RouteCollector } from './routeCollector';
import { javaHandlerOf } from './springRouterFunctions';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
/** The methods of a Route that set what runs for it; the last one is the endpoint (`BodyHandler` comes before). */
const HANDLERS = new Set(['handler', 'blockingHandler', 'respond']);
/** Vert.x's handlers that pass a request on (or serve files): authentication (`JWTAuthHandler.create(jwt)`), bodies, sessions… */
const MIDDLEWARE =
  /^(?:\w*AuthHandler|AuthorizationHandler|AuthenticationHandler|JWTAuthHandler|ChainAuthHandler|BodyHandler|StaticHandler|CorsHandler|CSRFHandler|CSPHandler|HSTSHandler|XFrameHandler|LoggerHandler|SessionHandler|TimeoutHandler|ResponseTimeHandler|ResponseContentTypeHandler|FaviconHandler|UserSessionHandler|MultiTenantHandler)\b/;

/**
 * Vert.x Web: `router.get("/api/whiskies/:id").handler(this::getOne)`, `router.route("/x").method(HttpMethod.DELETE)
 * .handler(…)`, `router.route(HttpMethod.GET, "/x").handler(…)`, the path as Vert.x's Micrometer metrics label it
 * (`route`); a route with no handler of its own in the chain, or whose handler is one of Vert.x's that pass a
 * request on (`BodyHandler.create()`, `JWTAuthHandler.create(jwt)`), is a middleware, not a route. Sub-routers, `router.route("/api/*").subRouter(api)` and
 * 3.x's `router.mountSubRouter("/api", api)`, put `api`'s routes under their prefix.
 */
export function findVertxRoutes(c: RouteCollector): void {
  const s = c.s;
  if (!s.memo('java.vertx', () => s.mentions('io.vertx.ext.web'))) return;
  for (const [i, call] of s.calls) {
    const chain = call.chain;
    const last = chain[chain.length - 1];
    if (chain.length !== 2 || call.argsStart < 0) continue;
    const receiver = chain[0];
    const args = s.argumentsOf(call);
    if (last === 'mountSubRouter' && args.length === 2) {
      const prefix = stringValue(args[0]);
      if (prefix !== undefined && args[1].type === 'identifier') c.mounts.push({ prefix, target: [args[1].text], receiver });
      continue;
    }
    if (!VERBS.has(last) && last !== 'route') continue;
    // `route(HttpMethod.GET, "/x")`, `get("/x")`, `route("/x")`; not `getWithRegex`, nor a `get` of something else.
    const methodArg = last === 'route' && args.length === 2 ? /^HttpMethod\.([A-Z]+)$/.exec(args[0].text)?.[1] : undefined;
    const pathNode = args.length === 1 ? args[0] : methodArg ? args[1] : undefined;
    const path = pathNode ? javaStringExpression(pathNode) : undefined;
    if (path === undefined) continue;
    const steps = chainAfter(s.nodes[i].node);
    const sub = steps.find((st) => st.name === 'subRouter');
    if (sub && last === 'route') {
      const target = sub.args[0];
      if (target?.type === 'identifier') c.mounts.push({ prefix: path.replace(/\/?\*$/, ''), target: [target.text], receiver });
      continue;
    }
    const handlers = steps.filter((st) => HANDLERS.has(st.name));
    const handler = handlers[handlers.length - 1]?.args[0];
    if (!handler || MIDDLEWARE.test(handler.type === 'identifier' ? (declaredType(c, i, handler.text) ?? handler.text) : handler.text)) continue;
    const methodStep = steps.find((st) => st.name === 'method');
    const method = VERBS.has(last) ? last.toUpperCase() : (methodArg ?? /^HttpMethod\.([A-Z]+)$/.exec(methodStep?.args[0]?.text ?? '')?.[1] ?? 'ANY');
    const name = s.nodes[i].node.childForFieldName('name');
    const declaration = name ? s.rangeOfSpan(name.startIndex, call.argsEnd) : s.rangeOf(i);
    c.add({ method, path, framework: 'vertx', declaration, ...javaHandlerOf(c, i, handler), receiver, at: i });
  }
}

/** The type a local is declared with in the function around a call (`JWTAuthHandler authn = JWTAuthHandler.create(jwt)`). */
function declaredType(c: RouteCollector, at: number, name: string): string | undefined {
  const f = c.s.functionOf[at];
  const span = f >= 0 ? c.s.spanOfFunction(f) : undefined;
  return span ? new RegExp(`\\b([A-Z]\\w*)(?:<[^<>=;]*>)?\\s+${name}\\s*=`).exec(c.s.text.slice(span.start, span.end))?.[1] : undefined;
}

/** The calls chained on a method invocation (`.method(…)`, `.handler(…)`), in order, with their arguments. */
function chainAfter(call: Node): { name: string; args: Node[] }[] {
  const out: { name: string; args: Node[] }[] = [];
  for (let inner = call, outer = call.parent; outer?.type === 'method_invocation' && outer.childForFieldName('object')?.equals(inner); inner = outer, outer = outer.parent) {
    const args = outer.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => a !== null && a.type !== 'line_comment' && a.type !== 'block_comment') ?? [];
    out.push({ name: outer.childForFieldName('name')?.text ?? '', args });
  }
  return out;
}

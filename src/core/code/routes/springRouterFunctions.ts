import type { Node } from '@vscode/tree-sitter-wasm';
import type { Span } from '../codeModel';
import { stringValue } from '../syntax';
import { javaStringExpression } from './javaConstants';
import { joinPaths, type RouteCollector } from './routeCollector';

/**
 * Spring's functional endpoints (WebFlux's `RouterFunction`, and WebMvc.fn's): routes built in code rather than
 * annotated, reported to Micrometer under the pattern they matched, nests included.
 * - the builder: `route().GET("/users/{id}", handler::get).POST("/users", this::create).build()` (also springdoc's
 *   `SpringdocRouteBuilder.route()`), a handler after the path, maybe after a predicate;
 * - the static functions: `route(GET("/users"), handler::list).andRoute(POST("/users"), handler::create)`;
 * - nests: `.nest(path("/api"), builder -> …)`, `.path("/api", () -> route()…build())`, `nest(path("/api"), routes)`,
 *   whose prefix applies to the routes written in the lambda, or in the method of the class it names
 *   (`.nest(path("/userspaces/{username}"), userspaceScopedApis())`, `this::apis`).
 */
export function findSpringRouterFunctions(c: RouteCollector): void {
  const s = c.s;
  if (!s.memo('spring.routerFunctions', () => /\bRouterFunctions?\b|RouteBuilder\b/.test(s.text))) return;
  const nests: Nest[] = [];
  const routes: { i: number; method: string; path: string; handler?: Node; name: Node }[] = [];
  for (const [i, call] of s.calls) {
    const last = call.chain[call.chain.length - 1];
    if (!last || call.argsStart < 0) continue;
    const args = s.argumentsOf(call);
    const name = s.nodes[i].node.childForFieldName('name');
    if (!name) continue;
    if (VERBS.has(last) && call.chain.length >= 2) {
      // The builder's `.GET(pattern, handler)`, `.GET(pattern, predicate, handler)`, `.GET(predicate, handler)` with
      // the pattern in its predicate (`path("/x").and(contentType(…))`), `.GET(handler)` (the nest's own path); not the
      // predicate `RequestPredicates.GET("/x")`, which has only its pattern, nor a pattern computed at run time.
      // springdoc's `.GET(handler, docs)` has the handler first.
      const handlerFirst = args[0].type === 'method_reference' || args[0].type === 'lambda_expression';
      const literal = stringValue(args[0]);
      const path = handlerFirst ? '' : args.length === 1 ? undefined : literal !== undefined ? unescaped(literal) : (NEST_PATH.exec(args[0].text)?.[1] ?? constantPath(args[0]));
      if (path === undefined) continue;
      routes.push({ i, method: last, path, handler: handlerArgument(handlerFirst ? args : args.slice(1)), name });
    } else if ((last === 'route' || last === 'andRoute') && args.length === 2) {
      // Alternatives joined by `or(…)` (halo's index, `GET("/").or(GET("/page/{page}")).or(GET("/index"))`): one each.
      const predicate = PREDICATE.exec(args[0].text);
      const alternatives = predicate && args[0].text.includes('.or(') ? [...args[0].text.matchAll(ALTERNATIVE)] : predicate ? [predicate] : [];
      for (const p of alternatives) routes.push({ i, method: p[1], path: unescaped(p[2]), handler: args[1], name });
    } else if ((last === 'nest' || last === 'andNest') && args.length === 2) {
      const prefix = NEST_PATH.exec(args[0].text)?.[1];
      if (prefix !== undefined) nests.push(nestOf(c, i, prefix, args[1]));
    } else if (last === 'path' && args.length === 2 && call.chain.length >= 2) {
      const prefix = stringValue(args[0]);
      if (prefix !== undefined) nests.push(nestOf(c, i, prefix, args[1]));
    }
  }
  if (routes.length === 0) return;
  const prefixAt = (offset: number, depth = 0): string => {
    let inner: Nest | undefined;
    for (const n of nests) if (n.span.start <= offset && offset < n.span.end && (!inner || n.span.end - n.span.start < inner.span.end - inner.span.start)) inner = n;
    return inner ? joinPaths(depth < 8 ? prefixAt(s.nodes[inner.at].start, depth + 1) : '', inner.prefix) : '';
  };
  for (const r of routes) {
    const handler = javaHandlerOf(c, r.i, r.handler);
    c.add({
      method: r.method,
      path: joinPaths('/', prefixAt(s.nodes[r.i].start), r.path),
      framework: 'spring',
      declaration: s.rangeOfSpan(r.name.startIndex, s.calls.get(r.i)!.argsEnd),
      ...handler,
      at: r.i,
      mountable: false,
    });
  }
}

const VERBS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
/** `GET("/users")`, `RequestPredicates.POST("/users").and(accept(JSON))`: the method and the pattern. */
const PREDICATE = /^(?:RequestPredicates\s*\.\s*)?(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s*\(\s*"([^"]*)"/;
/** A Java literal's text as the string it makes: `"/page/{page:\\d+}"` is the pattern `/page/{page:\d+}`. */
function unescaped(literal: string): string {
  return literal.replace(/\\(.)/g, '$1');
}

/** Each `GET("/x")` of a predicate that joins several with `or(…)`. */
const ALTERNATIVE = /(?<![\w.])(?:RequestPredicates\s*\.\s*)?(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s*\(\s*"([^"]*)"/g;

/** A pattern named by a constant (`.GET(UNSUBSCRIBE_PATTERN, this::unsubscribe)`, `Paths.USERS`), read by the join where it is declared; not a predicate kept in a variable. */
function constantPath(node: Node): string | undefined {
  return /^(?:[A-Z]\w*\.)*[A-Z][A-Z0-9_]*$/.test(node.text) ? javaStringExpression(node) : undefined;
}

/** `path("/api")`, `RequestPredicates.path("/api")` (maybe `.and(…)` more conditions). */
const NEST_PATH = /^(?:RequestPredicates\s*\.\s*)?path\s*\(\s*"([^"]*)"\s*\)/;

interface Nest {
  /** The nest's call, whose own prefixes apply before its own. */
  at: number;
  prefix: string;
  /** Where the routes under it are written: the lambda or call given, or the method of the class it names. */
  span: Span;
}

function nestOf(c: RouteCollector, at: number, prefix: string, routes: Node): Nest {
  const s = c.s;
  const method = /^(?:this\s*(?:::|\.)\s*)?(\w+)\s*(?:\(\s*\))?$/.exec(routes.text)?.[1];
  const owner = s.functions[s.functionOf[at]]?.owner;
  const named = method && routes.type !== 'lambda_expression' ? s.functions.findIndex((f) => f.name === method && f.owner === owner) : -1;
  return { at, prefix, span: named >= 0 ? s.spanOfFunction(named) : { start: routes.startIndex, end: routes.endIndex } };
}

/** The handler among a builder call's arguments after the path: a method reference first (springdoc adds a lambda of docs after it). */
function handlerArgument(args: Node[]): Node | undefined {
  return args.find((a) => a.type === 'method_reference') ?? args.find((a) => a.type === 'lambda_expression' || a.type === 'identifier' || a.type === 'field_access');
}

/** `this::list` is the class's method; `handler::list` a method of the field's type; a lambda is written here. */
export function javaHandlerOf(c: RouteCollector, at: number, node: Node | undefined): { handlerIndex?: number; handlerChain?: string[] } {
  const s = c.s;
  if (!node) return {};
  if (node.type === 'lambda_expression') return { handlerIndex: c.functionIndexOf(node) };
  if (node.type !== 'method_reference') return /^[\w.]+$/.test(node.text) ? { handlerChain: node.text.split('.') } : {};
  const [left, right] = node.text.split('::').map((p) => p.trim());
  if (!right) return {};
  if (left === 'this') {
    const owner = s.functions[s.functionOf[at]]?.owner;
    const fn = s.functions.find((f) => f.name === right && f.owner === owner);
    if (fn) return { handlerIndex: fn.index };
  }
  return { handlerChain: [left, right] };
}

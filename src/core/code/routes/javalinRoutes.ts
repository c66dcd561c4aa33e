import type { Node } from '@vscode/tree-sitter-wasm';
import type { Span } from '../codeModel';
import { javaStringExpression } from './javaConstants';
import { javaHandlerOf } from './springRouterFunctions';
import { NAMED_PART, type RouteCollector } from './routeCollector';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/**
 * Javalin's routes (and Spark's, whose static verbs and `path()` groups its ApiBuilder follows), under the path Javalin's Micrometer plugin reports as `uri` (`ctx.endpointHandlerPath()`: the
 * path as registered, `/users/{userId}`):
 * - on the app, `app.get("/users/{id}", UserController::getOne)`, also chained on `Javalin.create(…)`;
 * - with the ApiBuilder (`import static io.javalin.apibuilder.ApiBuilder.*`, in `app.routes(…)` or Javalin 6's
 *   `config.router.apiBuilder(…)`): `path("users", () -> { get(UserController::getAll); path("{id}", …) })`, a
 *   verb with or without its own path, and `crud("users/{user-id}", new UserController())`: a `CrudHandler`'s five
 *   routes on its `getAll`, `getOne`, `create`, `update`, `delete`.
 * A handler is a lambda, a method reference (`this::x`, `UserController::getAll`) or a field that holds one.
 */
export function findJavalinRoutes(c: RouteCollector): void {
  const s = c.s;
  // Spark (`import static spark.Spark.*`): the same static `get("/hello", (req, res) -> …)` and nested `path(…)`
  // lambdas that Javalin's ApiBuilder took from it, and `Spark.get(…)`; its `before`/`after` filters are no routes.
  const spark = s.memo('java.spark', () => s.mentions('spark.Spark'));
  if (!spark && !s.memo('java.javalin', () => s.mentions('io.javalin'))) return;
  const framework = spark ? 'spark' : 'javalin';
  const builder = spark || s.memo('java.javalinApiBuilder', () => /\bio\.javalin\.apibuilder\.ApiBuilder\b/.test(s.text));
  const paths: { span: Span; path: string }[] = [];
  const routes: { i: number; method: string; path: string | undefined; handler?: Node }[] = [];
  const cruds: { i: number; path: string; type: string }[] = [];
  for (const [i, call] of s.calls) {
    const chain = call.chain;
    const last = chain[chain.length - 1];
    if (call.argsStart < 0 || !last) continue;
    const unqualified = chain.length === 1;
    if (unqualified && !builder) continue;
    const args = s.argumentsOf(call);
    if (VERBS.has(last)) {
      // `get("/x", h)`, `get(h)` (the path's own), `app.get("/x", h, Role.ADMIN)`; not a map's `get(key)`.
      // On the app, the path starts with a slash (Javalin requires it): not a map's `put("msg", value)`.
      // A path may be named by a constant (`get(Path.Web.INDEX, …)`), read where it is defined.
      const path = args.length >= 2 ? javaStringExpression(args[0]) : undefined;
      // Spark's verbs always take a path.
      const handler = path !== undefined ? args[1] : unqualified && args.length === 1 && !spark ? args[0] : undefined;
      if (!handler || !isHandler(handler) || (path === undefined && args.length >= 2) || (!unqualified && !path?.startsWith('/') && !path?.startsWith(NAMED_PART))) continue;
      routes.push({ i, method: last.toUpperCase(), path, handler });
    } else if (unqualified && last === 'path' && args.length === 2 && args[1].type === 'lambda_expression') {
      const path = javaStringExpression(args[0]);
      if (path !== undefined) paths.push({ span: { start: args[1].startIndex, end: args[1].endIndex }, path });
    } else if (unqualified && last === 'crud' && args.length === 2) {
      const path = javaStringExpression(args[0]);
      const type = args[1].type === 'object_creation_expression' ? args[1].childForFieldName('type')?.text : undefined;
      if (path !== undefined && type) cruds.push({ i, path, type });
    }
  }
  const prefixAt = (offset: number): string => {
    // Nested `path(…)` lambdas, outermost first.
    const around = paths.filter((p) => p.span.start <= offset && offset < p.span.end).sort((a, b) => a.span.start - b.span.start);
    return around.reduce((prefix, p) => join(prefix, p.path), '');
  };
  for (const r of routes) {
    const at = s.nodes[r.i].start;
    // A verb on the app is written with its whole path; one of the ApiBuilder adds to the `path(…)`s around it.
    const unqualified = s.calls.get(r.i)!.chain.length === 1;
    const path = join(unqualified ? prefixAt(at) : '', r.path ?? '');
    // From the method's name: a verb chained on `Javalin.create(…)` is declared where it is written, not where the chain starts.
    const name = s.nodes[r.i].node.childForFieldName('name');
    const declaration = name ? s.rangeOfSpan(name.startIndex, s.calls.get(r.i)!.argsEnd) : s.rangeOf(r.i);
    c.add({ method: r.method, path: path || '/', framework, declaration, ...javaHandlerOf(c, r.i, r.handler), at: r.i, mountable: false });
  }
  for (const crud of cruds) {
    // `crud("users/{user-id}", …)`: the collection is the path without its last segment, a parameter.
    const full = join(prefixAt(s.nodes[crud.i].start), crud.path);
    const collection = full.replace(/\/[^/]*$/, '') || '/';
    for (const [method, path, action] of [
      ['GET', collection, 'getAll'],
      ['POST', collection, 'create'],
      ['GET', full, 'getOne'],
      ['PATCH', full, 'update'],
      ['DELETE', full, 'delete'],
    ]) {
      c.add({ method, path, framework: 'javalin', declaration: s.rangeOf(crud.i), handlerChain: [crud.type, action], at: crud.i, mountable: false });
    }
  }
}

function isHandler(node: Node): boolean {
  return node.type === 'lambda_expression' || node.type === 'method_reference' || node.type === 'identifier' || node.type === 'field_access' || node.type === 'object_creation_expression';
}

/**
 * ApiBuilder's prefixPath: the `path(…)`s around, each given a leading slash, then the route's own. A constant's
 * value is taken to start with its slash, as Javalin's paths do.
 */
function join(prefix: string, path: string): string {
  return prefix + (path === '' || path.startsWith('/') || path.startsWith(NAMED_PART) ? path : '/' + path);
}

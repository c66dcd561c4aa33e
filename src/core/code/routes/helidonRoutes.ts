import { javaStringExpression } from './javaConstants';
import { enclosingClass } from './javaRoutes';
import { javaHandlerOf } from './springRouterFunctions';
import { NAMED_PART, type RouteCollector } from './routeCollector';

/** A route path under the path a Helidon service is registered at: the join reads it (FileLinks.helidonServices). */
export const HELIDON_SERVICE = 'helidon-service:';

const VERBS: Record<string, string> = { get: 'GET', post: 'POST', put: 'PUT', delete: 'DELETE', patch: 'PATCH', head: 'HEAD', options: 'OPTIONS', any: 'ANY' };

/**
 * Helidon SE: routes on the routing builder, `HttpRouting.builder().get("/simple-greet", h)` (Helidon 2 and 3's
 * `Routing.builder()`), at their path; and a service's, `rules.get("/{name}", this::getMessageHandler)` in its
 * `routing(HttpRules rules)` (2 and 3: `update(Routing.Rules rules)`), under the path the service is registered at,
 * `.register("/greet", new GreetService())`, anywhere in the service (helidonServicesOf). A service registered
 * nowhere serves nothing. Handlers are lambdas or method references.
 */
export function findHelidonRoutes(c: RouteCollector): void {
  const s = c.s;
  if (!s.memo('java.helidon', () => s.mentions('io.helidon.webserver'))) return;
  for (const [i, call] of s.calls) {
    const chain = call.chain;
    const verb = VERBS[chain[chain.length - 1]];
    if (!verb || chain.length < 2 || call.argsStart < 0) continue;
    const args = s.argumentsOf(call);
    const path = args.length >= 2 ? javaStringExpression(args[0]) : undefined;
    if (path === undefined || (!path.startsWith('/') && !path.startsWith(NAMED_PART))) continue;
    const handler = args[args.length - 1];
    if (handler.type !== 'lambda_expression' && handler.type !== 'method_reference') continue;
    let full: string | undefined;
    const fn = s.functions[s.functionOf[i]];
    const params = (fn ? s.nodes[fn.index].node.childForFieldName('parameters')?.text : undefined) ?? '';
    // On the routing builder itself, made here or given to a method (`static void routing(HttpRouting.Builder routing)`).
    if ((chain.includes('builder') && (chain[0] === 'HttpRouting' || chain[0] === 'Routing')) || new RegExp(`\\b(?:HttpRouting|Routing)\\.Builder\\s+${chain[0]}\\b`).test(params)) full = path;
    else {
      // On the rules a service's routing method is given: under the service's registration.
      if (!fn || (fn.name !== 'routing' && fn.name !== 'update') || !new RegExp(`\\b(?:HttpRules|Rules)\\s+${chain[0]}\\b`).test(params)) continue;
      const cls = enclosingClass(s, fn.index);
      const name = cls !== undefined ? s.nodes[cls].node.childForFieldName('name')?.text : undefined;
      if (!name) continue;
      full = `${NAMED_PART}${HELIDON_SERVICE}${name}${NAMED_PART}${path}`;
    }
    // From the method's name: a verb chained on another (`rules.get(…).put(…)`) is declared where it is written.
    const name = s.nodes[i].node.childForFieldName('name');
    const declaration = name ? s.rangeOfSpan(name.startIndex, call.argsEnd) : s.rangeOf(i);
    c.add({ method: verb, path: full, framework: 'helidon', declaration, ...javaHandlerOf(c, i, handler), at: i, mountable: false });
  }
}

/**
 * `.register("/greet", new GreetService())`, `.register("/greet", greetService)` with `GreetService greetService`
 * declared in the file: the path each Helidon service class is registered at (`register(service)` alone: the root).
 */
export function helidonServicesOf(text: string, types: Map<string, string>): Record<string, string> | undefined {
  if (!text.includes('.register(') || !text.includes('io.helidon.webserver')) return undefined;
  let out: Record<string, string> | undefined;
  for (const m of text.matchAll(/\.register\(\s*(?:"([^"\n]*)"\s*,\s*)?(?:new\s+([A-Z]\w*)\s*\(|([a-z]\w*)\s*[,)])/g)) {
    const cls = m[2] ?? types.get(m[3]);
    if (cls && !(out && cls in out)) (out ??= {})[cls] = m[1] ?? '';
  }
  return out;
}

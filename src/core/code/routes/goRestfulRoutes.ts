import { joinPaths, type RouteCollector } from './routeCollector';
import { handlerOf, pathOf } from './goRoutes';

const VERBS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);

/**
 * go-restful (emicklei/go-restful, used across the Kubernetes ecosystem): a `WebService`'s root path, `ws.Path("/users")`
 * (also chained: `ws.Path("/users").Consumes(…)`), and its routes `ws.Route(ws.GET("/{user-id}").To(u.findUser))`,
 * served at the root joined with the route's path as written (`/users/{user-id}`; `ws.POST("")` is the root), run by
 * the function `To` names. The root is the one the same function gives that name.
 */
export function findGoRestfulRoutes(c: RouteCollector, constants: Record<string, string>): void {
  const s = c.s;
  if (!s.mentions('go-restful')) return;
  const roots = new Map<string, string>(); // `${function}:${name}` → root path
  for (const [i, call] of s.calls) {
    const chain = call.chain;
    if (chain.length < 2 || call.argsStart < 0) continue;
    const scope = `${s.functionOf[i]}:${chain[0]}`;
    if (chain[1] === 'Path' && !roots.has(scope)) {
      // `ws.Path("/users")` is the first link of its chain: the outermost call starting there is `ws.Path(…).Consumes(…)`.
      const inner = innermostPathCall(s, i);
      const root = inner !== undefined ? pathOf(s.argumentsOf(s.calls.get(inner)!)[0], constants) : undefined;
      if (root !== undefined) roots.set(scope, root);
      continue;
    }
    const to = chain.indexOf('To');
    if (to < 2 || chain.length !== to + 1 || !VERBS.has(chain[1])) continue;
    // `ws.GET("/{id}").To(h)`: the verb's call is the one starting here with that chain's first two links.
    const verbCall = [...s.calls.values()].find((v) => v.index !== i && s.nodes[v.index].start === s.nodes[i].start && v.chain.length === 2 && v.chain[1] === chain[1]);
    const sub = verbCall ? pathOf(s.argumentsOf(verbCall)[0], constants) : undefined;
    const handler = sub !== undefined ? handlerOf(s, s.argumentsOf(call)[0]) : undefined;
    if (sub === undefined || !handler) continue;
    c.add({ method: chain[1], path: joinPaths('/', roots.get(scope) ?? '', sub), framework: 'go-restful', declaration: s.rangeOf(i), ...handler, receiver: chain[0], at: i, mountable: false });
  }
}

/** The `ws.Path(…)` call a chain starting at scan index `i` begins with (itself when it is the whole chain). */
function innermostPathCall(s: RouteCollector['s'], i: number): number | undefined {
  const start = s.nodes[i].start;
  for (const [j, call] of s.calls) if (s.nodes[j].start === start && call.chain.length === 2 && call.chain[1] === 'Path') return j;
  return undefined;
}

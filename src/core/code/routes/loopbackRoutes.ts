import { stringValue } from '../syntax';
import { classAfter, methodAfter, objectProps } from './javascriptRoutes';
import { joinPaths, type RouteCollector } from './routeCollector';

const VERBS: Record<string, string> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', del: 'DELETE' };

/**
 * LoopBack 4 controllers: `@get('/todos/{id}')`, `@post`, `@put`, `@patch`, `@del` and `@operation('get', '/x')` on
 * methods (from `@loopback/rest`), under the class's `@api({ basePath: '/v1' })`; the template is LoopBack's
 * (OpenAPI's `{id}`).
 */
export function findLoopbackRoutes(c: RouteCollector): void {
  const s = c.s;
  if (!s.memo('js.loopback', () => s.mentions('@loopback/rest'))) return;
  const basePaths = new Map<string, string>();
  const found: { decorator: number; method: string; path: string; fn: number }[] = [];
  for (let i = 0; i < s.nodes.length; i++) {
    if (s.nodes[i].type !== 'decorator') continue;
    const call = s.calls.get(i + 1);
    if (!call || call.chain.length !== 1 || s.nodes[i + 1].parent !== i) continue;
    const name = call.chain[0];
    const args = s.argumentsOf(call);
    if (name === 'api') {
      const cls = classAfter(s, i);
      const base = args[0]?.type === 'object' ? stringValue(objectProps(args[0]).get('basePath')) : undefined;
      if (cls && base !== undefined) basePaths.set(cls, base);
      continue;
    }
    const verb = name === 'operation' ? stringValue(args[0])?.toLowerCase() : name;
    const method = verb === 'delete' ? 'DELETE' : verb ? VERBS[verb] : undefined;
    const path = stringValue(name === 'operation' ? args[1] : args[0]);
    const fn = method && path !== undefined ? methodAfter(s, i) : undefined;
    if (fn !== undefined) found.push({ decorator: i, method: method!, path: path!, fn });
  }
  for (const r of found) {
    const owner = s.functions[s.functionIndexAt(r.fn)!]?.owner;
    c.add({ method: r.method, path: joinPaths('/', owner ? (basePaths.get(owner) ?? '') : '', r.path), framework: 'loopback', declaration: s.rangeOf(r.decorator), handlerIndex: r.fn, at: r.decorator, mountable: false, controller: owner });
  }
}


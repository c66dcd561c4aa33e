import type { CallInfo } from '../fileStructure';
import { stringValue } from '../syntax';
import { keyword } from './pythonKeywords';
import { importsPython } from './pythonImports';
import { handlerOf } from './pythonHandlers';
import { methodsOf, mountCall } from './pythonRoutes';
import type { RouteCollector } from './routeCollector';

/**
 * What Sanic writes unlike Flask: `app.add_route(handler, "/path", methods=[…])`, the handler first (also
 * `SimpleView.as_view()`, an `HTTPMethodView` answering the methods it defines), `app.blueprint(bp,
 * url_prefix="/bp")`, whose prefix replaces the blueprint's own, and `Blueprint.group(…)`'s prefix and version.
 */
export function findSanicRoutes(c: RouteCollector): void {
  const s = c.s;
  if (!importsPython(s, 'sanic')) return;
  for (const [i, call] of s.calls) {
    const last = call.chain[call.chain.length - 1];
    const receiver = call.chain[call.chain.length - 2];
    if (!receiver) continue;
    if (last === 'add_route') addRoute(c, i, call, receiver);
    else if (last === 'blueprint' && keyword(s.argumentsOf(call), 'url_prefix')) mountCall(c, call, receiver, 0, true);
    else if (last === 'group' && receiver === 'Blueprint') group(c, call);
  }
}

/** `Blueprint.group(orders, users, url_prefix="/api", version=2)`: each blueprint under `/v2/api`, then its own prefix. */
function group(c: RouteCollector, call: CallInfo): void {
  const args = c.s.argumentsOf(call);
  const prefix = stringValue(keyword(args, 'url_prefix')) ?? '';
  const version = /^\d+(?:\.\d+)?$/.exec(keyword(args, 'version')?.text ?? '')?.[0];
  const full = (version ? `/v${version}` : '') + prefix.replace(/\/$/, '');
  if (!full) return;
  for (const member of args) if (member.type === 'identifier') c.mounts.push({ prefix: full, target: [member.text] });
}

function addRoute(c: RouteCollector, i: number, call: CallInfo, receiver: string): void {
  const s = c.s;
  const args = s.argumentsOf(call);
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  const path = stringValue(positional[1] ?? keyword(args, 'uri'));
  if (path === undefined || !path.startsWith('/')) return;
  const handler = handlerOf(s, positional[0] ?? keyword(args, 'handler'));
  if (!handler) return;
  const methods = handler.viewClass && !keyword(args, 'methods') ? ['ANY'] : (methodsOf('route', args) ?? ['GET']);
  for (const method of methods) c.add({ method, path, framework: 'sanic', declaration: s.rangeOf(i), ...handler, receiver, at: i });
}

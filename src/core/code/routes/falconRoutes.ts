import type { Node } from '@vscode/tree-sitter-wasm';
import type { CallInfo } from '../fileStructure';
import { pyLocalType } from '../localTypes';
import { calleeChain, stringValue } from '../syntax';
import { keyword } from './pythonKeywords';
import { importsPython } from './pythonImports';
import type { RouteCollector } from './routeCollector';

/**
 * Falcon: `app.add_route('/things/{thing_id}', ThingsResource())` (also a resource made earlier, `things =
 * ThingsResource(db)`), each route the methods its resource answers by a responder, `on_get`, `on_post`…, or with a
 * `suffix='collection'`, `on_get_collection`. The template is Falcon's, field converters kept (`{id:int}`).
 */
export function findFalconRoutes(c: RouteCollector): void {
  const s = c.s;
  if (!importsPython(s, 'falcon')) return;
  for (const [i, call] of s.calls) {
    const last = call.chain[call.chain.length - 1];
    const receiver = call.chain[call.chain.length - 2];
    if (last === 'add_route' && receiver) addRoute(c, i, call, receiver);
  }
}

function addRoute(c: RouteCollector, i: number, call: CallInfo, receiver: string): void {
  const s = c.s;
  const args = s.argumentsOf(call);
  const [pathNode, resourceNode] = args.filter((a) => a.type !== 'keyword_argument');
  const path = stringValue(pathNode);
  if (path === undefined || !path.startsWith('/') || !resourceNode) return;
  const resource = resourceClass(c, i, resourceNode);
  if (!resource) return;
  const suffix = stringValue(keyword(args, 'suffix'));
  c.add({ method: 'ANY', path, framework: 'falcon', declaration: s.rangeOf(i), handlerChain: resource, viewClass: { responder: suffix ? { suffix } : {} }, receiver, at: i });
}

/** `ThingsResource()`, `resources.Things(db)`, or a name given one in the function or module (`things = ThingsResource()`). */
function resourceClass(c: RouteCollector, at: number, node: Node): string[] | undefined {
  const s = c.s;
  if (node.type === 'call') return calleeChain(node.childForFieldName('function')?.text ?? '');
  if (node.type !== 'identifier') return undefined;
  const f = s.functionOf[at];
  const span = f >= 0 ? s.spanOfFunction(f) : undefined;
  const type = (span ? pyLocalType(s.text.slice(span.start, span.end), node.text) : undefined) ?? pyLocalType(s.text, node.text);
  return type ? [type] : undefined;
}

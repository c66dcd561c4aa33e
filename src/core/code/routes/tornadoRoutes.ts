import type { Node } from '@vscode/tree-sitter-wasm';
import { calleeChain, stringValue } from '../syntax';
import { importsPython } from './pythonImports';
import type { RouteCollector } from './routeCollector';

/**
 * Tornado's URL specs: `(r"/entry/([^/]+)", EntryHandler)` (maybe with its initialize arguments) and `url(r"/x",
 * Handler, name="x")` in the lists an `Application` is given (in place, in a `handlers = [...]` list, in
 * `add_handlers`). Each is a route of the methods its `RequestHandler` defines (`get`, `post`…), at the pattern as
 * written, Tornado's regular expression.
 */
export function findTornadoRoutes(c: RouteCollector): void {
  const s = c.s;
  if (!importsPython(s, 'tornado')) return;
  const root = s.tree.rootNode;
  // The lists are few and not among the scanned node types: found by the one walk, in tornado's files only.
  for (const list of root.descendantsOfType('list')) {
    if (!list) continue;
    for (const item of list.namedChildren) {
      const spec = item ? urlSpec(item) : undefined;
      if (!spec) continue;
      const at = s.indexOfNode(item!) ?? enclosingIndex(c, item!) ?? s.indexWithin(item!);
      if (at === undefined) continue;
      c.add({ method: 'ANY', path: spec.path, framework: 'tornado', declaration: s.rangeOfNode(item!), handlerChain: spec.handler, viewClass: {}, at });
    }
  }
}

/** `(r"/x", Handler)`, `(r"/x", Handler, dict(db=db))`, `url(r"/x", Handler, name="x")`, `URLSpec(…)`. */
function urlSpec(item: Node): { path: string; handler: string[] } | undefined {
  let parts: (Node | null)[];
  if (item.type === 'tuple') parts = item.namedChildren;
  else if (item.type === 'call' && /^(?:[\w.]+\.)?(?:url|URLSpec)$/.test(item.childForFieldName('function')?.text ?? '')) parts = item.childForFieldName('arguments')?.namedChildren ?? [];
  else return undefined;
  const [pattern, handler] = parts.filter((p): p is Node => p !== null && p.type !== 'comment');
  const path = stringValue(pattern);
  if (path === undefined || !/^\^?\//.test(path) || !handler || (handler.type !== 'identifier' && handler.type !== 'attribute')) return undefined;
  const chain = calleeChain(handler.text);
  // A handler is a class: `MainHandler`, `handlers.EntryHandler`.
  if (!chain || !/^[A-Z]/.test(chain[chain.length - 1])) return undefined;
  return { path, handler: chain };
}

/** The scan index of the innermost scanned node around `node` (a tuple is not scanned; the call around it is). */
function enclosingIndex(c: RouteCollector, node: Node): number | undefined {
  for (let p = node.parent; p; p = p.parent) {
    const i = c.s.indexOfNode(p);
    if (i !== undefined) return i;
  }
  return undefined;
}

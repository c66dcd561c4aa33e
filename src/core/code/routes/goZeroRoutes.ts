import type { Node } from '@vscode/tree-sitter-wasm';
import { calleeChain } from '../syntax';
import { pathOf } from './goRoutes';
import { joinPaths, type RouteCollector } from './routeCollector';

/**
 * go-zero's REST server (what goctl generates into `internal/handler/routes.go`): `server.AddRoutes([]rest.Route{
 * {Method: http.MethodPost, Path: "/orders/:id", Handler: order.DetailHandler(serverCtx)}, …}, rest.WithPrefix("/v1"))`
 * and `server.AddRoute(rest.Route{…})`. The path is the prefix and the route's, as go-zero's metrics label it; the
 * handler is what the factory named returns, its code the factory's own.
 */
export function findGoZeroRoutes(c: RouteCollector, constants: Record<string, string>): void {
  const s = c.s;
  if (!s.mentions('rest.Route')) return;
  for (const [i, call] of s.calls) {
    const method = call.chain[call.chain.length - 1];
    if ((method !== 'AddRoutes' && method !== 'AddRoute') || call.chain.length < 2) continue;
    const args = s.argumentsOf(call);
    let prefix = '';
    for (const option of args.slice(1)) {
      if (option.type !== 'call_expression' || !/^rest\s*\.\s*WithPrefix\s*\(/.test(option.text)) continue;
      prefix = pathOf(option.childForFieldName('arguments')?.namedChildren[0] ?? undefined, constants) ?? '';
    }
    for (const route of routeLiterals(args[0])) {
      const fields = new Map<string, Node>();
      for (const element of route.namedChildren) {
        if (element?.type !== 'keyed_element') continue;
        const [key, value] = element.namedChildren;
        const name = key?.text;
        const inner = value?.type === 'literal_element' ? value.namedChildren[0] : value;
        if (name && inner) fields.set(name, inner);
      }
      const verb = verbOf(fields.get('Method'));
      const path = pathOf(fields.get('Path'), constants);
      const handler = handlerOf(c, fields.get('Handler'));
      if (!verb || path === undefined || !handler) continue;
      // Each route where its literal is written, not at the one call registering them all.
      c.add({ method: verb, path: joinPaths('/', prefix, path), framework: 'go-zero', declaration: s.rangeOfNode(route), ...handler, at: i, mountable: false });
    }
  }
}

/** The `{Method: …, Path: …, Handler: …}` values of `[]rest.Route{…}` or of one `rest.Route{…}`. */
function routeLiterals(arg: Node | undefined): Node[] {
  const body = arg?.type === 'composite_literal' ? arg.childForFieldName('body') : undefined;
  if (!body) return [];
  if (arg!.childForFieldName('type')?.type !== 'slice_type') return [body];
  const out: Node[] = [];
  for (const element of body.namedChildren) {
    const value = element?.type === 'literal_element' ? element.namedChildren[0] : element;
    if (value?.type === 'literal_value') out.push(value);
    else if (value?.type === 'composite_literal' && value.childForFieldName('body')) out.push(value.childForFieldName('body')!);
  }
  return out;
}

/** `http.MethodPost` or `"POST"`. */
export function verbOf(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const constant = /^http\.Method([A-Z][a-z]+)$/.exec(node.text)?.[1];
  if (constant) return constant.toUpperCase();
  const literal = /^"([A-Za-z]+)"$/.exec(node.text)?.[1];
  return literal?.toUpperCase();
}

/** `order.DetailHandler(serverCtx)`: the factory; a function named or written in place. */
export function handlerOf(c: RouteCollector, node: Node | undefined): { handlerIndex?: number; handlerChain?: string[] } | undefined {
  if (!node) return undefined;
  if (node.type === 'func_literal') {
    const index = c.s.indexOfNode(node);
    return index !== undefined ? { handlerIndex: index } : undefined;
  }
  const callee = node.type === 'call_expression' ? node.childForFieldName('function') : node;
  const chain = callee && (callee.type === 'identifier' || callee.type === 'selector_expression') ? calleeChain(callee.text) : undefined;
  return chain?.length ? { handlerChain: chain } : undefined;
}

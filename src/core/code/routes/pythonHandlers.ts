import type { Node } from '@vscode/tree-sitter-wasm';
import type { ViewClassUse } from '../codeModel';
import type { FileStructure } from '../fileStructure';
import { calleeChain, stringValue } from '../syntax';
import { localFunction } from './javascriptRoutes';
import { keyword } from './pythonKeywords';

/**
 * A Python route's handler, as the registrations of Flask, FastAPI, Django, Sanic, aiohttp and Starlette name it: a
 * lambda, a function of this module (also `self.handle`), a class-based view's `as_view(…)`, or a name the join resolves.
 */
export function handlerOf(s: FileStructure, node: Node | undefined): { handlerIndex?: number; handlerChain?: string[]; viewClass?: ViewClassUse } | undefined {
  if (!node) return undefined;
  if (node.type === 'lambda') {
    const index = s.indexOfNode(node);
    return index !== undefined ? { handlerIndex: index } : undefined;
  }
  const chain = calleeChain(node.text);
  if (!chain) return undefined;
  // Class-based views: views.ItemView.as_view(), MyViewSet.as_view({'get': 'list'}), UserAPI.as_view('user')
  if (chain[chain.length - 1] === 'as_view' && chain.length > 1 && node.type === 'call') {
    chain.pop();
    return { handlerChain: chain, viewClass: asViewActions(node) };
  }
  if (chain.length === 1 || (chain[0] === 'self' && chain.length === 2)) {
    const local = localFunction(s, chain[chain.length - 1]);
    if (local !== undefined) return { handlerIndex: local };
  }
  return { handlerChain: chain };
}

/**
 * `as_view({'get': 'list', 'post': 'create'})`: a viewset's methods, each mapped to an action; `as_view(
 * http_method_names=["post"])` (a class attribute given for this registration): the methods it allows.
 */
function asViewActions(call: Node): ViewClassUse {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => !!n) ?? [];
  const names = keyword(args, 'http_method_names');
  const allowed = names?.type === 'list' || names?.type === 'tuple' ? names.namedChildren.flatMap((n) => stringValue(n ?? undefined)?.toUpperCase() ?? []) : undefined;
  const use: ViewClassUse = allowed ? { allowed } : {};
  const first = args[0];
  if (first?.type !== 'dictionary') return use;
  const actions: Record<string, string> = {};
  for (const pair of first.namedChildren) {
    if (pair?.type !== 'pair') continue;
    const method = stringValue(pair.childForFieldName('key'));
    const action = stringValue(pair.childForFieldName('value'));
    if (method && action) actions[method.toUpperCase()] = action;
  }
  return Object.keys(actions).length ? { ...use, actions } : use;
}

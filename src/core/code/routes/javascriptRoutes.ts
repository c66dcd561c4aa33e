import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { RouteHandler } from '../codeModel';
import { descendants, namedChildren, rangeOf, stringValue } from '../syntax';

const METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'all']);
const FUNCTION_TYPES = new Set(['arrow_function', 'function_expression', 'function']);

/**
 * Express-style registrations: `app.get('/orders/:id', …handlers)`, also Fastify's `fastify.get(path, [opts], handler)`
 * and Koa router's `router.get(path, handler)`, which share the shape. The route template is kept exactly as
 * written, which is what their metrics middlewares report (`/orders/:id`).
 */
export function findJavaScriptRoutes(file: string, tree: Tree): RouteHandler[] {
  const routes: RouteHandler[] = [];
  const functionsByName = indexFunctions(tree.rootNode);
  for (const node of descendants(tree.rootNode)) {
    if (node.type !== 'call_expression') continue;
    const callee = node.childForFieldName('function');
    if (callee?.type !== 'member_expression') continue;
    const method = callee.childForFieldName('property')?.text;
    if (!method || !METHODS.has(method)) continue;
    const args = namedChildren(node.childForFieldName('arguments')!);
    const path = stringValue(args[0]);
    if (path === undefined || !path.startsWith('/')) continue;
    const handler = resolveHandler(args[args.length - 1], functionsByName);
    if (!handler || args.length < 2) continue;
    routes.push({
      method: method === 'all' ? 'ANY' : method.toUpperCase(),
      path,
      framework: 'express',
      file,
      declaration: rangeOf(node),
      handler: rangeOf(handler),
    });
  }
  return routes;
}

function resolveHandler(arg: Node | undefined, functionsByName: Map<string, Node>): Node | undefined {
  if (!arg) return undefined;
  if (FUNCTION_TYPES.has(arg.type)) return arg;
  if (arg.type === 'identifier') return functionsByName.get(arg.text);
  return undefined;
}

/** Top-level and nested named functions: `function f() {}` and `const f = () => {}`. */
export function indexFunctions(root: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const node of descendants(root)) {
    if (node.type === 'function_declaration' || node.type === 'generator_function_declaration') {
      const name = node.childForFieldName('name')?.text;
      if (name) out.set(name, node);
    } else if (node.type === 'variable_declarator') {
      const value = node.childForFieldName('value');
      const name = node.childForFieldName('name');
      if (value && name?.type === 'identifier' && FUNCTION_TYPES.has(value.type)) out.set(name.text, value);
    }
  }
  return out;
}

import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { RouteHandler } from '../codeModel';
import { descendants, memberChain, namedChildren, rangeOf, stringValue } from '../syntax';

const FASTAPI_METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options']);

/**
 * FastAPI (`@app.get("/items/{id}")`, `APIRouter(prefix=…)`) and Flask (`@app.route("/x", methods=[…])`).
 * FastAPI reports the route template with the router prefix; Flask's `<int:id>` converters are kept as written.
 */
export function findPythonRoutes(file: string, tree: Tree): RouteHandler[] {
  const prefixes = routerPrefixes(tree.rootNode);
  const routes: RouteHandler[] = [];
  for (const node of descendants(tree.rootNode)) {
    if (node.type !== 'decorated_definition') continue;
    const definition = node.childForFieldName('definition');
    if (definition?.type !== 'function_definition') continue;
    for (const decorator of namedChildren(node).filter((c) => c.type === 'decorator')) {
      const call = decorator.namedChildren[0];
      if (call?.type !== 'call') continue;
      const chain = memberChain(call.childForFieldName('function'));
      if (chain.length !== 2) continue;
      const [receiver, verb] = chain;
      const args = namedChildren(call.childForFieldName('arguments')!);
      const path = stringValue(args.find((a) => a.type === 'string'));
      if (path === undefined || !path.startsWith('/') && path !== '') continue;
      const methods = methodsOf(verb, args);
      if (!methods) continue;
      const fullPath = (prefixes.get(receiver) ?? '') + path;
      for (const method of methods) {
        routes.push({
          method,
          path: fullPath || '/',
          framework: verb === 'route' ? 'flask' : 'fastapi',
          file,
          declaration: rangeOf(decorator),
          handler: rangeOf(definition),
        });
      }
    }
  }
  return routes;
}

function methodsOf(verb: string, args: Node[]): string[] | undefined {
  if (FASTAPI_METHODS.has(verb)) return [verb.toUpperCase()];
  if (verb !== 'route' && verb !== 'api_route') return undefined;
  const methodsArg = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'methods');
  const list = methodsArg?.childForFieldName('value');
  if (!list) return ['GET'];
  const names = namedChildren(list)
    .map((n) => stringValue(n)?.toUpperCase())
    .filter((m): m is string => !!m);
  return names.length ? names : ['GET'];
}

/** `router = APIRouter(prefix="/api")` and Flask `Blueprint(..., url_prefix="/api")` in the same file. */
function routerPrefixes(root: Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const node of descendants(root)) {
    if (node.type !== 'assignment') continue;
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'call') continue;
    const ctor = memberChain(right.childForFieldName('function')).pop();
    if (ctor !== 'APIRouter' && ctor !== 'Blueprint') continue;
    for (const arg of namedChildren(right.childForFieldName('arguments')!)) {
      const name = arg.type === 'keyword_argument' ? arg.childForFieldName('name')?.text : undefined;
      if (name === 'prefix' || name === 'url_prefix') {
        const value = stringValue(arg.childForFieldName('value'));
        if (value !== undefined) out.set(left.text, value.replace(/\/$/, ''));
      }
    }
  }
  return out;
}

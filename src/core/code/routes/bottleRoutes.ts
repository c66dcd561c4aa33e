import type { Node } from '@vscode/tree-sitter-wasm';
import { stringValue } from '../syntax';
import { keyword, methodNames } from './pythonKeywords';
import { importsPython } from './pythonImports';
import type { RouteCollector } from './routeCollector';

const VERBS: Record<string, string> = { get: 'GET', post: 'POST', put: 'PUT', delete: 'DELETE', patch: 'PATCH' };

/**
 * Bottle: `@route('/hello/<name>')` (GET, or its `method='POST'` / `method=['GET', 'POST']`), `@get('/x')`,
 * `@post('/x')`…, the module's own functions or an app's methods (`@app.route(…)`, `@app.get(…)`); a path with
 * Bottle's wildcards as written (`/items/<id:int>`).
 */
export function findBottleRoutes(c: RouteCollector): void {
  const s = c.s;
  // Its decorators are read here, not as Flask's (Bottle names the methods `method=`): see pythonRoutes.
  if (!importsPython(s, 'bottle')) return;
  for (let i = 0; i < s.nodes.length; i++) {
    if (s.nodes[i].type !== 'decorated_definition') continue;
    const node = s.nodes[i].node;
    const definition = node.childForFieldName('definition');
    const fnIndex = definition?.type === 'function_definition' ? s.indexOfNode(definition) : undefined;
    if (fnIndex === undefined) continue;
    for (const decorator of node.namedChildren) {
      const call = decorator?.type === 'decorator' ? decorator.namedChildren[0] : undefined;
      const name = call?.type === 'call' ? /^(?:(\w+)\.)?(route|get|post|put|delete|patch)$/.exec(call.childForFieldName('function')?.text ?? '') : null;
      if (!call || !name) continue;
      const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => a !== null && a.type !== 'comment') ?? [];
      const path = stringValue(args.find((a) => a.type !== 'keyword_argument') ?? keyword(args, 'path'));
      if (path === undefined || !path.startsWith('/')) continue;
      const methods = name[2] === 'route' ? methodNames(keyword(args, 'method'), 'GET') : [VERBS[name[2]]];
      for (const method of methods) c.add({ method, path, framework: 'bottle', declaration: s.rangeOfNode(decorator!), handlerIndex: fnIndex, receiver: name[1], at: i });
    }
  }
}


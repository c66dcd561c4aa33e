import type { Node } from '@vscode/tree-sitter-wasm';
import { stringValue } from '../syntax';
import { importsPython } from './pythonImports';
import { keyword, methodNames } from './pythonKeywords';
import { NAMED_PART, type RouteCollector } from './routeCollector';

/** A route path that is a Pyramid route's name: the join reads the pattern `config.add_route` gives it in the service. */
export const PYRAMID_ROUTE = 'pyramid-route:';

/**
 * Pyramid: a view `@view_config(route_name="accounts.profile", request_method="POST")` (a function, or a method of a
 * class whose `@view_defaults(route_name=…)` names the route) serves the pattern that `config.add_route(name,
 * pattern)` gives that name, usually in another module (warehouse's routes.py): the route's path is the name, read
 * in the workspace join (pyramidPatternsOf, FileLinks.pyramidRoutes). Any method without a `request_method`. Views
 * of no route (exception views, `context=HTTPException`) and routes no view serves are not listed.
 */
export function findPyramidRoutes(c: RouteCollector): void {
  const s = c.s;
  if (!s.mentions('view_config') || !importsPython(s, 'pyramid')) return;
  for (let i = 0; i < s.nodes.length; i++) {
    if (s.nodes[i].type !== 'decorated_definition') continue;
    const node = s.nodes[i].node;
    const fn = node.childForFieldName('definition');
    if (fn?.type !== 'function_definition') continue;
    const fnIndex = s.indexOfNode(fn);
    if (fnIndex === undefined) continue;
    let defaults: Node[] | undefined;
    for (const decorator of node.namedChildren) {
      const args = viewConfigArgs(decorator, 'view_config');
      if (!args) continue;
      defaults ??= classDefaults(node);
      const routeName = stringValue(keyword(args, 'route_name') ?? keyword(defaults, 'route_name'));
      if (!routeName) continue;
      for (const method of methodNames(keyword(args, 'request_method') ?? keyword(defaults, 'request_method'), 'ANY')) {
        c.add({
          method,
          path: `${NAMED_PART}${PYRAMID_ROUTE}${routeName}${NAMED_PART}`,
          framework: 'pyramid',
          declaration: s.rangeOfNode(decorator!),
          handlerIndex: fnIndex,
          at: i,
          mountable: false,
        });
      }
    }
  }
}

/** The arguments of a `@name(…)` decorator (`@view_config(…)`, `@pyramid.view.view_config(…)`). */
function viewConfigArgs(decorator: Node | null, name: string): Node[] | undefined {
  const call = decorator?.type === 'decorator' ? decorator.namedChildren[0] : undefined;
  if (call?.type !== 'call' || !new RegExp(`^(?:[\\w.]+\\.)?${name}$`).test(call.childForFieldName('function')?.text ?? '')) return undefined;
  return call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => a !== null && a.type !== 'comment') ?? [];
}

/** The `@view_defaults(…)` arguments of the class a method is defined in, if any. */
function classDefaults(method: Node): Node[] {
  const cls = method.parent?.parent;
  const decorated = cls?.type === 'class_definition' ? cls.parent : undefined;
  if (decorated?.type !== 'decorated_definition') return [];
  for (const decorator of decorated.namedChildren) {
    const args = viewConfigArgs(decorator, 'view_defaults');
    if (args) return args;
  }
  return [];
}


const ADD_ROUTE = /\badd_route\(\s*(?:name\s*=\s*)?(['"])([^'"\n]+)\1\s*,\s*(?:pattern\s*=\s*)?r?(['"])([^'"\n]*)\3/g;

/**
 * `config.add_route("accounts.profile", "/user/{username}/")`: the patterns a module gives Pyramid route names (a
 * name first, then a pattern: not Starlette's or aiohttp's `add_route(path, …)`). Lines commented out are skipped.
 */
export function pyramidPatternsOf(text: string): Record<string, string> | undefined {
  if (!text.includes('add_route')) return undefined;
  let out: Record<string, string> | undefined;
  for (const m of text.matchAll(ADD_ROUTE)) {
    if (m[2].startsWith('/') || !m[4].startsWith('/')) continue;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (text.slice(lineStart, m.index).includes('#')) continue;
    (out ??= {})[m[2]] = m[4];
  }
  return out;
}

import type { Node } from '@vscode/tree-sitter-wasm';
import { stringValue } from '../syntax';
import { keyword } from './pythonKeywords';
import { importsPython } from './pythonImports';
import { joinPaths, type RouteCollector } from './routeCollector';

const VERBS: Record<string, string[]> = { get: ['GET'], post: ['POST'], put: ['PUT'], patch: ['PATCH'], delete: ['DELETE'], head: ['HEAD'] };

/**
 * Litestar: handlers decorated with `@get("/items/{item_id:int}")`, `@post(…)`… or `@route(path, http_method=[…])`,
 * module functions or methods of a `Controller` whose `path = "/orders"` prefixes them, and `Router(path="/api",
 * route_handlers=[OrderController, list_items])` prefixing what it lists, in this file or another (a mount on the
 * handler's or the controller's name). A decorator without a path is the controller's or router's own path.
 */
export function findLitestarRoutes(c: RouteCollector): void {
  const s = c.s;
  if (!importsPython(s, 'litestar')) return;
  for (let i = 0; i < s.nodes.length; i++) if (s.nodes[i].type === 'decorated_definition') decorated(c, i);
  for (const [i, call] of s.calls) if (call.chain[call.chain.length - 1] === 'Router' && call.chain.length <= 2) router(c, i);
}

function decorated(c: RouteCollector, i: number): void {
  const s = c.s;
  const node = s.nodes[i].node;
  const definition = node.childForFieldName('definition');
  if (definition?.type !== 'function_definition') return;
  const fnIndex = s.indexOfNode(definition);
  const name = definition.childForFieldName('name')?.text;
  if (fnIndex === undefined || !name) return;
  const controller = controllerOf(definition);
  for (const decorator of node.namedChildren) {
    const call = decorator?.type === 'decorator' ? decorator.namedChildren[0] : undefined;
    if (call?.type !== 'call') continue;
    const verb = /^(?:litestar\.)?(get|post|put|patch|delete|head|route)$/.exec(call.childForFieldName('function')?.text ?? '')?.[1];
    if (!verb) continue;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => a !== null && a.type !== 'comment') ?? [];
    const pathArg = args.find((a) => a.type !== 'keyword_argument') ?? keyword(args, 'path');
    const paths = pathArg ? pathsOf(pathArg) : [''];
    const methods = verb === 'route' ? methodsOf(keyword(args, 'http_method')) : VERBS[verb];
    if (!paths || !methods?.length) continue;
    for (const path of paths) {
      for (const method of methods) {
        c.add({
          method,
          path: joinPaths('/', controller?.path ?? '', path),
          framework: 'litestar',
          declaration: s.rangeOfNode(decorator!),
          handlerIndex: fnIndex,
          // A Router elsewhere lists the controller or the function by name: its path is a mount on that name.
          receiver: controller?.name ?? name,
          at: i,
        });
      }
    }
  }
}

/** `Router(path="/api", route_handlers=[A, b])`: a mount of each name listed. */
function router(c: RouteCollector, i: number): void {
  const call = c.s.nodes[i].node;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => a !== null) ?? [];
  const prefix = stringValue(keyword(args, 'path'));
  const handlers = keyword(args, 'route_handlers');
  if (prefix === undefined || handlers?.type !== 'list') return;
  for (const item of handlers.namedChildren) {
    if (item?.type === 'identifier' || item?.type === 'attribute') c.mounts.push({ prefix, target: item.text.split('.') });
  }
}

/** The `Controller` subclass a method is written in, with its `path`. */
function controllerOf(fn: Node): { name: string; path: string } | undefined {
  const body = fn.parent?.type === 'decorated_definition' ? fn.parent.parent : fn.parent;
  const cls = body?.type === 'block' ? body.parent : undefined;
  if (cls?.type !== 'class_definition' || !/\bController\b/.test(cls.childForFieldName('superclasses')?.text ?? '')) return undefined;
  let path = '';
  for (const statement of body!.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (assignment?.type === 'assignment' && assignment.childForFieldName('left')?.text === 'path') path = stringValue(assignment.childForFieldName('right')) ?? path;
  }
  return { name: cls.childForFieldName('name')?.text ?? '', path };
}

function pathsOf(node: Node): string[] | undefined {
  if (node.type === 'list') {
    const values = node.namedChildren.map((p) => stringValue(p));
    return values.every((v): v is string => v !== undefined) ? values : undefined;
  }
  const value = stringValue(node);
  return value !== undefined ? [value] : undefined;
}

/** `http_method=HttpMethod.GET`, `"GET"`, or a list of them. */
function methodsOf(node: Node | undefined): string[] | undefined {
  if (!node) return undefined;
  return [...node.text.matchAll(/\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/gi)].map((m) => m[1].toUpperCase());
}

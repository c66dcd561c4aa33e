import type { Node } from '@vscode/tree-sitter-wasm';
import { stringValue } from '../syntax';
import { objectProps, resolveHandler } from './javascriptRoutes';
import type { RouteCollector } from './routeCollector';

const VERB = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|\*)$/i;

/**
 * Routes kept as data, as hapi apps keep them: a module's top-level list of route objects (`module.exports = [{
 * method: 'GET', path: '/users/{id}', handler: users.get }]`, `const routes = [{ … }]`, `export default [{ … }]`) that
 * the server registers elsewhere (`server.route(routes)`). An object counts when it has an HTTP method, a path (or
 * `url`) starting with `/`, and a handler (or hapi's `options`/`config` holding one): a client's table of endpoints
 * has no handler. Registered under no prefix Ops Lens can see, the paths are taken as written.
 */
export function findRouteObjectTables(c: RouteCollector): void {
  const s = c.s;
  if (!s.mentions('method') || !/\bhandler\b|\bconfig\s*:|\boptions\s*:/.test(s.text)) return;
  for (const statement of s.tree.rootNode.namedChildren) {
    const list = topLevelArray(statement);
    if (!list) continue;
    for (const item of list.namedChildren) if (item?.type === 'object') routeObject(c, item);
  }
}

/** The array a top-level statement declares or exports, if any. */
function topLevelArray(statement: Node | null): Node | undefined {
  if (!statement) return undefined;
  let value: Node | null | undefined;
  if (statement.type === 'lexical_declaration' || statement.type === 'variable_declaration') {
    value = statement.namedChildren.find((d) => d?.type === 'variable_declarator')?.childForFieldName('value');
  } else if (statement.type === 'expression_statement') {
    const assignment = statement.namedChildren[0];
    if (assignment?.type === 'assignment_expression' && /^(?:module\.)?exports$/.test(assignment.childForFieldName('left')?.text ?? '')) value = assignment.childForFieldName('right');
  } else if (statement.type === 'export_statement') {
    value = statement.childForFieldName('value') ?? statement.childForFieldName('declaration')?.namedChildren.find((d) => d?.type === 'variable_declarator')?.childForFieldName('value');
  }
  return value?.type === 'array' ? value : undefined;
}

function routeObject(c: RouteCollector, object: Node): void {
  const props = objectProps(object);
  const path = stringValue(props.get('path') ?? props.get('url'));
  const methodNode = props.get('method');
  if (path === undefined || !path.startsWith('/') || !methodNode) return;
  const methods = (methodNode.type === 'array' ? methodNode.namedChildren.map((m) => stringValue(m)) : [stringValue(methodNode)]).filter((m): m is string => !!m && VERB.test(m));
  if (!methods.length) return;
  const settings = props.get('options') ?? props.get('config');
  const handlerNode = props.get('handler') ?? (settings?.type === 'object' ? objectProps(settings).get('handler') : settings);
  if (!handlerNode) return;
  // `handler: require('./handlers/vote')` names a module, not a function the join can land on: the route alone.
  const handler = handlerNode.type === 'call_expression' && /^require\s*\(/.test(handlerNode.text) ? {} : (resolveHandler(c, handlerNode) ?? {});
  const at = c.s.indexWithin(object);
  if (at === undefined) return;
  for (const m of methods) {
    c.add({ method: m === '*' ? 'ANY' : m.toUpperCase(), path, framework: 'hapi', declaration: c.s.rangeOfNode(object), ...handler, at, mountable: false });
  }
}

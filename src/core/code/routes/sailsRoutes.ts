import type { Node } from '@vscode/tree-sitter-wasm';
import { stringValue } from '../syntax';
import { objectProps } from './javascriptRoutes';
import type { RouteCollector } from './routeCollector';

/** `'GET /things/:id'`, `'/signup'` (any method): a Sails route address. */
const ADDRESS = /^(?:(get|post|put|patch|delete|head|options|all)\s+)?(\/\S*)$/i;

/**
 * Sails: `config/routes.js`'s `module.exports.routes = { 'PUT /api/v1/things/:id/borrow': { action:
 * 'things/borrow-thing' }, … }`, each address a route at its path as written (no method: any). The target says what
 * answers: an action (`{ action: 'things/borrow-thing' }`, `'things/borrow-thing'`: the `fn` of
 * `api/controllers/things/borrow-thing.js`), a controller's method (`'UserController.find'`, `{ controller: 'user',
 * action: 'find' }`: `find` in `api/controllers/UserController.js`), both followed by the join; or a view (`{ view:
 * 'pages/faq' }`), rendered by Sails itself. A redirect (`'/terms': '/legal/terms'`) is not listed.
 */
export function findSailsRoutes(c: RouteCollector): void {
  const s = c.s;
  // Sails' own shape of the file (`sails new` writes it so), not any `config/routes.js` of another framework.
  if (!/(?:^|\/)config\/routes\.js$/.test(c.file) || !/\bmodule\.exports\.routes\s*=/.test(s.text)) return;
  for (const pair of s.tree.rootNode.descendantsOfType('pair')) {
    // Only this unit's (a statement, after an edit): the others keep their own routes.
    if (!pair || pair.startIndex < s.span.start || pair.startIndex >= s.span.end) continue;
    const key = pair.childForFieldName('key');
    const address = key?.type === 'string' ? ADDRESS.exec(stringValue(key) ?? '') : null;
    const target = pair.childForFieldName('value');
    const sails = address && target ? targetOf(target) : undefined;
    if (!address || sails === undefined) continue;
    c.add({
      method: address[1] && address[1].toLowerCase() !== 'all' ? address[1].toUpperCase() : 'ANY',
      path: address[2],
      framework: 'sails',
      declaration: s.rangeOfNode(pair),
      // A scanned node there, if any (a routes table may hold no call at all).
      at: s.indexWithin(pair) ?? -1,
      mountable: false,
      ...(sails ? { sails } : {}),
    });
  }
}

/** What answers an address: an action's path or a controller's method; null for a view; undefined for no route here. */
function targetOf(target: Node): { action: string } | { controller: string; method: string } | null | undefined {
  const named = stringValue(target);
  if (named !== undefined) {
    if (named.startsWith('/') || /^https?:/.test(named)) return undefined;
    const method = /^(\w+Controller)\.(\w+)$/.exec(named);
    return method ? { controller: method[1], method: method[2] } : /^[\w-]+(?:\/[\w-]+)*$/.test(named) ? { action: named } : undefined;
  }
  if (target.type !== 'object') return undefined;
  const props = objectProps(target);
  const action = stringValue(props.get('action'));
  const controller = stringValue(props.get('controller'));
  if (controller && action) return { controller: /Controller$/.test(controller) ? controller : `${controller[0].toUpperCase()}${controller.slice(1)}Controller`, method: action };
  if (action) return { action };
  return props.has('view') ? null : undefined;
}

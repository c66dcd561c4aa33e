import type { Node } from '@vscode/tree-sitter-wasm';
import type { FileAnalysis } from '../codeModel';
import { stringValue } from '../syntax';
import { objectProps } from './javascriptRoutes';
import { NAMED_PART, type RouteCollector } from './routeCollector';

/** A route path a Strapi core router makes of a content type: the join reads the type's names (FileLinks.strapiTypes). */
export const STRAPI_ROUTE = 'strapi:';

/** The core router's actions: method, and whether the action is on one entry (`/:id`) of a collection type. */
const CORE_ACTIONS: [action: string, method: string, one: boolean][] = [
  ['find', 'GET', false],
  ['findOne', 'GET', true],
  ['create', 'POST', false],
  ['update', 'PUT', true],
  ['delete', 'DELETE', true],
];

/** `src/api/<api>/…`: the API folder a Strapi file belongs to. */
const API_FOLDER = /(?:^|\/)src\/api\/([^/]+)\//;

/**
 * Strapi's REST API, under its `/api` prefix:
 * - a core router, `createCoreRouter("api::restaurant.restaurant", { prefix, only, except })`: for a collection type
 *   `find` GET /api/restaurants, `findOne` GET /api/restaurants/:id, `create` POST, `update` PUT and `delete` DELETE
 *   /api/restaurants/:id; for a single type `find`, `update`, `delete` at /api/global. The names are the content
 *   type's (`pluralName`, `singularName` in its schema.json), read in the join;
 * - custom routes, `module.exports = { routes: [{ method: 'GET', path: '/restaurants/:id/reviews', handler:
 *   'restaurant.reviews' }] }`, at /api + their path.
 * Each is answered by the action of that name in the API's controller (`src/api/restaurant/controllers/restaurant.js`,
 * an override in `createCoreController(uid, ({ strapi }) => ({ async find(ctx) {…} }))`, or a custom action), which
 * the join follows; the core actions a controller does not override are Strapi's own.
 */
export function findStrapiRoutes(c: RouteCollector): void {
  const s = c.s;
  const api = API_FOLDER.exec(c.file)?.[1];
  if (!api) return;
  if (s.mentions('createCoreRouter')) coreRoutes(c);
  // Custom routes: a routes module of the API (`src/api/<api>/routes/`), whose `routes` list holds objects with a
  // method, a path and a handler named `controller.action`. Such a module imports nothing.
  if (!c.file.includes(`src/api/${api}/routes/`) || !s.mentions('routes')) return;
  for (const object of s.tree.rootNode.descendantsOfType('object')) {
    // Only this unit's (a statement, after an edit): the others keep their own routes.
    if (!object || object.startIndex < s.span.start || object.startIndex >= s.span.end) continue;
    const props = objectProps(object);
    const method = stringValue(props.get('method'));
    const path = stringValue(props.get('path'));
    const handler = stringValue(props.get('handler'));
    const named = handler ? /^(?:(?:api|plugin)::[\w-]+\.)?([\w-]+)\.(\w+)$/.exec(handler) : null;
    if (!method || !path?.startsWith('/') || !named) continue;
    // A scanned node there, if any (a routes module may hold no call at all).
    const at = s.indexWithin(object) ?? -1;
    c.add({
      method: method.toUpperCase(),
      path: '/api' + path,
      framework: 'strapi',
      declaration: s.rangeOfNode(object),
      at,
      mountable: false,
      strapi: { api, controller: named[1], action: named[2] },
    });
  }
}

/** `createCoreRouter("api::restaurant.restaurant", { prefix, only, except })`: the core actions it keeps. */
function coreRoutes(c: RouteCollector): void {
  const s = c.s;
  for (const [i, call] of s.calls) {
    if (call.chain[call.chain.length - 1] !== 'createCoreRouter' || call.argsStart < 0) continue;
    const args = s.argumentsOf(call);
    const uid = stringValue(args[0]);
    const type = uid ? /^api::([\w-]+)\.([\w-]+)$/.exec(uid) : null;
    if (!type) continue;
    const options = args[1]?.type === 'object' ? objectProps(args[1]) : undefined;
    const prefix = stringValue(options?.get('prefix')) ?? '';
    const only = names(options?.get('only'));
    const except = names(options?.get('except')) ?? [];
    for (const [action, method] of CORE_ACTIONS) {
      if ((only && !only.includes(action)) || except.includes(action)) continue;
      c.add({
        method,
        path: `${NAMED_PART}${STRAPI_ROUTE}${action}|${prefix}|${uid}${NAMED_PART}`,
        framework: 'strapi',
        declaration: s.rangeOf(i),
        at: i,
        mountable: false,
        strapi: { api: type[1], controller: type[2], action },
      });
    }
  }
}

/** `only: ['find', 'findOne']`: the literal list of action names; undefined when there is none. */
function names(node: Node | undefined): string[] | undefined {
  if (node?.type !== 'array') return undefined;
  return node.namedChildren.flatMap((n) => (n ? (stringValue(n) ?? []) : []));
}

/** A content type's schema (`src/api/restaurant/content-types/restaurant/schema.json`), by where Strapi keeps it. */
export function isStrapiSchema(file: string): boolean {
  return /(?:^|\/)src\/api\/[^/]+\/content-types\/[^/]+\/schema\.json$/.test(file);
}

/** A content type's kind and names, as the join's FileLinks.strapiTypes entry under its uid; undefined when not one. */
export function analyzeStrapiSchema(file: string, text: string): FileAnalysis | undefined {
  const m = /(?:^|\/)src\/api\/([^/]+)\/content-types\/([^/]+)\/schema\.json$/.exec(file);
  let schema: { kind?: unknown; info?: { singularName?: unknown; pluralName?: unknown } };
  try {
    schema = JSON.parse(text) as typeof schema;
  } catch {
    return undefined;
  }
  const kind = schema?.kind;
  const singular = schema?.info?.singularName;
  const plural = schema?.info?.pluralName;
  if (!m || (kind !== 'collectionType' && kind !== 'singleType') || typeof singular !== 'string' || typeof plural !== 'string') return undefined;
  return {
    file,
    language: 'javascript',
    routes: [],
    hazards: [],
    envReads: [],
    links: {
      imports: [],
      exports: {},
      functions: [],
      mounts: [],
      routeLinks: [],
      hazardOwners: [],
      pending: [],
      strapiTypes: { [`api::${m[1]}.${m[2]}`]: { single: kind === 'singleType', singular, plural } },
    },
  };
}

/** The path a core router's action is served at for a content type; undefined when a single type has no such action. */
export function strapiCorePath(type: { single: boolean; singular: string; plural: string }, action: string, prefix: string): string | undefined {
  const one = CORE_ACTIONS.find(([a]) => a === action)?.[2];
  if (one === undefined) return undefined;
  if (type.single) return action === 'find' || action === 'update' || action === 'delete' ? `/api${prefix}/${type.singular}` : undefined;
  return `/api${prefix}/${type.plural}${one ? '/:id' : ''}`;
}

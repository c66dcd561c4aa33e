import type { Node } from '@vscode/tree-sitter-wasm';
import { stringValue } from '../syntax';
import { resolveHandler } from './javascriptRoutes';
import { joinPaths, type RouteCollector } from './routeCollector';
import { mentions, textOf, type Searchable } from '../wordSearch';

const VERBS: Record<string, string[]> = { get: ['GET'], post: ['POST'], put: ['PUT'], patch: ['PATCH'], delete: ['DELETE'], any: ['ANY'] };

/** A resource's actions, in AdonisJS's order: the method, the path below the resource, and whether an API has it. */
const RESOURCE: { action: string; methods: string[]; path: string; api: boolean }[] = [
  { action: 'index', methods: ['GET'], path: '', api: true },
  { action: 'create', methods: ['GET'], path: '/create', api: false },
  { action: 'store', methods: ['POST'], path: '', api: true },
  { action: 'show', methods: ['GET'], path: '/:id', api: true },
  { action: 'edit', methods: ['GET'], path: '/:id/edit', api: false },
  { action: 'update', methods: ['PUT', 'PATCH'], path: '/:id', api: true },
  { action: 'destroy', methods: ['DELETE'], path: '/:id', api: true },
];

/**
 * AdonisJS's router (v6 `router` from `@adonisjs/core/services/router`, v5 `Route` from `@ioc:Adonis/Core/Route`):
 * `router.get('/users/:id', [UsersController, 'show'])` (also a lazy import's constant, or the controller named in a
 * string, `'#controllers/users_controller.show'`, `'UsersController.show'`), under the prefixes of the groups it is
 * written in (`router.group(() => {…}).prefix('/api/v1')`), and `router.resource('posts', PostsController)`'s seven
 * routes (five with `.apiOnly()`, fewer with `.only([…])`/`.except([…])`). (AdonisJS also answers HEAD on a GET
 * route: not listed, as no other framework's is.)
 */
export function findAdonisRoutes(c: RouteCollector): void {
  const s = c.s;
  for (const [i, call] of s.calls) {
    const [receiver, verb] = call.chain;
    if (call.chain.length !== 2 || (receiver !== 'router' && receiver !== 'Route')) continue;
    const args = s.argumentsOf(call);
    const prefix = groupPrefix(c, i);
    if (VERBS[verb]) {
      const path = stringValue(args[0]);
      const handler = handlerOf(c, args[1]);
      if (path === undefined || !handler) continue;
      for (const method of VERBS[verb]) c.add({ method, path: joinPaths('/', prefix, path), framework: 'adonis', declaration: s.rangeOf(i), ...handler, at: i, mountable: false });
    } else if (verb === 'resource') {
      const name = stringValue(args[0]);
      const controller = args[1]?.type === 'identifier' ? args[1].text : undefined;
      if (!name || !controller) continue;
      const after = s.text.slice(s.nodes[i].end, s.nodes[i].end + 200);
      const apiOnly = /^\s*\.apiOnly\(\s*\)/.test(after);
      const only = /^\s*\.only\(\s*\[([^\]]*)\]/.exec(after)?.[1];
      const except = /^\s*\.except\(\s*\[([^\]]*)\]/.exec(after)?.[1];
      const base = resourcePath(name);
      for (const r of RESOURCE) {
        if ((apiOnly && !r.api) || (only && !only.includes(`'${r.action}'`) && !only.includes(`"${r.action}"`)) || (except && (except.includes(`'${r.action}'`) || except.includes(`"${r.action}"`)))) continue;
        for (const method of r.methods) {
          c.add({ method, path: joinPaths('/', prefix, base + r.path), framework: 'adonis', declaration: s.rangeOf(i), handlerChain: [controller, r.action], at: i, mountable: false });
        }
      }
    }
  }
}

/** A module that registers on AdonisJS's router (findAdonisRoutes reads it; Express's reading does not apply). */
export function isAdonisRouterModule(source: Searchable): boolean {
  const text = textOf(source);
  return mentions(source, 'adonis') && /['"](?:@adonisjs\/core\/services\/router|@ioc:Adonis\/Core\/Route)['"]/.test(text);
}

/** `posts.comments`: `/posts/:post_id/comments`, each parent by its singular's id. */
function resourcePath(name: string): string {
  const parts = name.split('.');
  return parts.map((p, k) => (k < parts.length - 1 ? `/${p}/:${p.replace(/s$/, '')}_id` : `/${p}`)).join('');
}

/** The prefixes of the `router.group(() => {…}).prefix('/x')` callbacks a route is written in, outermost first. */
function groupPrefix(c: RouteCollector, i: number): string {
  const s = c.s;
  const parts: string[] = [];
  for (let p = s.nodes[i].parent; p >= 0; p = s.nodes[p].parent) {
    const owner = s.nodes[p].parent;
    const call = owner >= 0 ? s.calls.get(owner) : undefined;
    if (!call || call.chain.length !== 2 || call.chain[1] !== 'group' || (call.chain[0] !== 'router' && call.chain[0] !== 'Route')) continue;
    // The prefix is chained on the group, after it or after its other settings (`.middleware(…).prefix('/api')`).
    const after = s.text.slice(s.nodes[owner].end, s.nodes[owner].end + 300);
    const prefix = /^(?:\s*\.\s*(?!prefix\b)\w+\((?:[^()]|\([^()]*\))*\))*\s*\.\s*prefix\(\s*['"`]([^'"`]*)['"`]\s*\)/.exec(after)?.[1];
    if (prefix) parts.unshift(prefix);
  }
  return parts.length ? joinPaths('/', ...parts) : '';
}

/** `[UsersController, 'show']`, `'#controllers/users_controller.show'`, `'UsersController.show'`, or a function. */
function handlerOf(c: RouteCollector, arg: Node | undefined): { handlerIndex?: number; handlerChain?: string[] } | undefined {
  if (!arg) return undefined;
  if (arg.type === 'array') {
    const [controller, method] = arg.namedChildren;
    const name = controller?.type === 'identifier' ? controller.text : undefined;
    const action = stringValue(method) ?? 'handle';
    return name ? { handlerChain: [name, action] } : {};
  }
  const text = stringValue(arg);
  if (text !== undefined) {
    // The controller's class is named for its file (`users_controller` → `UsersController`).
    const m = /^(?:.*\/)?([\w-]+)\.(\w+)$/.exec(text);
    if (!m) return {};
    const cls = m[1].replace(/(?:^|[_-])(\w)/g, (_, ch: string) => ch.toUpperCase());
    return { handlerChain: [cls, m[2]] };
  }
  return resolveHandler(c, arg) ?? {};
}

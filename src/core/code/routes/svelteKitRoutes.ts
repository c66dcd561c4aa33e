import { localFunction } from './javascriptRoutes';
import { verbFunctions } from './nextRoutes';
import type { RouteCollector } from './routeCollector';

/** `src/routes/blog/[slug]/+server.ts`, `+page.server.ts`, `+layout.server.ts`: the route id, and which file it is. */
const ROUTE_FILE = /(?:^|\/)src\/routes((?:\/[^/]+)*?)\/\+(server|page\.server|layout\.server)\.(?:ts|js)$/;

/**
 * SvelteKit's file routes, with the route id SvelteKit reports (`event.route.id`: `/blog/[slug]`, groups `(app)` left
 * out): a `+server.ts` answers each method it exports (`export async function GET`, `export const POST = …`); a
 * `+page.server.ts` (or `+layout.server.ts`) runs its `load` on every GET of the page, and its `actions` on POSTs to it.
 */
export function findSvelteKitRoutes(c: RouteCollector): void {
  const m = ROUTE_FILE.exec(c.file);
  if (!m) return;
  const s = c.s;
  const path = '/' + m[1].split('/').filter((seg) => seg && !/^\(.*\)$/.test(seg)).join('/');
  const add = (method: string, handler: number) =>
    c.add({ method, path, framework: 'sveltekit', declaration: s.rangeOf(handler), handlerIndex: handler, at: handler, mountable: false });
  if (m[2] === 'server') {
    for (const [verb, handler] of verbFunctions(s)) add(verb, handler);
    return;
  }
  const load = /export\s+(?:async\s+)?(?:function\s+load\b|const\s+load\b)/.test(s.text) ? localFunction(s, 'load') : undefined;
  if (load !== undefined) add('GET', load);
  if (m[2] !== 'page.server' || !/export\s+const\s+actions\b/.test(s.text)) return;
  // `export const actions = { default: async (…) => …, async login({ request }) {…} }`: a POST to the page runs one of
  // them (`?/login` picks which): one POST route, with every action on its request path.
  const actions: number[] = [];
  for (const f of s.functions) {
    const node = s.nodes[f.index].node;
    const object = node.type === 'method_definition' ? node.parent : node.parent?.type === 'pair' ? node.parent.parent : null;
    const declarator = object?.type === 'object' ? object.parent : null;
    if (declarator?.type === 'variable_declarator' && declarator.childForFieldName('name')?.text === 'actions') actions.push(f.index);
  }
  if (!actions.length) return;
  add('POST', actions[0]);
  if (actions.length > 1) c.alsoStartOf.set(c.routes.length - 1, actions.slice(1));
}

import type { Node } from '@vscode/tree-sitter-wasm';
import type { ServedApi } from '../codeModel';
import type { FileStructure } from '../fileStructure';
import { stringValue } from '../syntax';
import { moduleFacts } from '../moduleFacts';
import { localFunction, parameterNames } from './javascriptRoutes';
import { nextMadeBy, PAGES_API, routePath } from './nextRoutes';
import type { RouteCollector } from './routeCollector';

/**
 * tRPC (see apiEndpoints.ts): every procedure of a service's router is answered on one HTTP endpoint, queries by
 * GET and mutations by POST. The endpoint is where the router is handed to tRPC's adapter: Next.js's
 * `pages/api/trpc/[trpc].ts` (`export default createNextApiHandler({ router })`) or `app/api/trpc/[trpc]/route.ts`
 * (`fetchRequestHandler`, its handler exported as GET and POST), Express's `app.use('/trpc',
 * createExpressMiddleware({ router }))`, Hono's `app.use('/trpc/*', trpcServer({ router }))` and Fastify's
 * `register(fastifyTRPCPlugin, { prefix: '/trpc' })`. The procedures are the functions given to `.query(…)` and
 * `.mutation(…)` of a procedure builder (`publicProcedure`, `protectedProcedure`, `t.procedure`), wherever the service
 * writes them.
 */

const QUERY: ServedApi = 'trpc-query';
const MUTATION: ServedApi = 'trpc-mutation';
/** Words one of the adapters needs: files without any are not looked at further. */
const ADAPTER_WORDS = ['createNextApiHandler', 'fetchRequestHandler', 'createExpressMiddleware', 'fastifyTRPCPlugin', 'trpcServer'];

/**
 * The adapters come from tRPC's packages: ts-rest has a `fetchRequestHandler` too (documenso's API v1, whose other
 * routes of that file were taken for tRPC's endpoint and so for every procedure).
 */
const TRPC_IMPORT = /['"]@(?:trpc\/server|hono\/trpc-server)[/'"]/;

export function trpcEndpoints(c: RouteCollector): void {
  adapterEndpoints(c);
  if (!c.routes.length && PAGES_API.test(c.file)) wrappedAdapter(c);
}

/**
 * A pages/api module whose default export is made by a call of a workspace function, cal.com's
 * `wrapApiHandlerWithSentry(createNextApiHandler(bookingsRouter), …)` with `createNextApiHandler` its own module's,
 * which hands the router to tRPC's adapter: the endpoint, GET and POST, kept by the join only if one of the calls
 * lands on a function that does so (RouteLink.trpcVia, FunctionFact.makesTrpcHandler).
 */
function wrappedAdapter(c: RouteCollector): void {
  const made = nextMadeBy(c.s);
  const api = made && PAGES_API.exec(c.file);
  if (!made || !api) return;
  const declaration = c.s.rangeOfSpan(made.start, made.end);
  const path = routePath(api[1]);
  c.add({ method: 'GET', path, framework: 'nextjs', declaration, at: -1, mountable: false, runs: QUERY, trpcVia: made.chains });
  c.add({ method: 'POST', path, framework: 'nextjs', declaration, at: -1, mountable: false, runs: MUTATION, trpcVia: made.chains });
}

function adapterEndpoints(c: RouteCollector): void {
  const s = c.s;
  if (!ADAPTER_WORDS.some((w) => s.mentions(w)) || !TRPC_IMPORT.test(s.text)) return;
  // The file's own routes (Next.js' file routes found before): what each method of them runs.
  if (/\b(?:createNextApiHandler|fetchRequestHandler)\s*\(/.test(s.text)) {
    c.links.forEach((link, k) => {
      const method = c.routes[k].method;
      if (!link.runs) link.runs = method === 'GET' ? QUERY : method === 'POST' ? MUTATION : method === 'ANY' ? 'trpc' : undefined;
    });
  }
  for (const [i, call] of s.calls) {
    const last = call.chain[call.chain.length - 1];
    if (last === 'createNextApiHandler') nextApiHandler(c, i);
    else if (last === 'createExpressMiddleware' || last === 'trpcServer') middleware(c, i);
    else if (last === 'register') fastifyPlugin(c, i);
  }
}

/** `export default createNextApiHandler({ router: appRouter })`: the file's route, GET and POST (none was found: no handler function). */
function nextApiHandler(c: RouteCollector, i: number): void {
  const api = PAGES_API.exec(c.file);
  if (!api || c.routes.length) return;
  endpoint(c, i, routePath(api[1]), 'nextjs', false);
}

/**
 * Express's `app.use('/trpc', trpcExpress.createExpressMiddleware({ router }))`, Hono's `app.use('/trpc/*', trpcServer({
 * router }))`: under the path it is used at, on that app or router. Kept in a variable first (documenso's
 * `export const reactRouterTrpcServer = trpcServer({…})`, used by another module), it is a router of its own whose
 * routes take the path wherever it is used.
 */
function middleware(c: RouteCollector, i: number): void {
  const s = c.s;
  const chain = s.calls.get(i)!.chain;
  const framework = chain[chain.length - 1] === 'trpcServer' ? 'hono' : 'express';
  const declarator = s.nodes[i].node.parent;
  const variable = declarator?.type === 'variable_declarator' ? declarator.childForFieldName('name') : null;
  if (variable?.type === 'identifier') {
    endpoint(c, i, '', framework, true, variable.text);
    return;
  }
  const use = s.nodes[i].parent >= 0 ? s.nodes[i].parent : -1;
  const outer = use >= 0 ? s.calls.get(use) : undefined;
  if (!outer || outer.chain.length < 2 || outer.chain[outer.chain.length - 1] !== 'use') return;
  const args = s.argumentsOf(outer);
  const path = stringValue(args[0]);
  if (path === undefined || args[1]?.startIndex !== s.nodes[i].start) return;
  endpoint(c, use, path, framework, true, outer.chain[outer.chain.length - 2]);
}

/** `server.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions: { router } })`: `GET` and `POST <prefix>/:path`. */
function fastifyPlugin(c: RouteCollector, i: number): void {
  const s = c.s;
  const call = s.calls.get(i)!;
  const args = s.argumentsOf(call);
  if (args[0]?.text !== 'fastifyTRPCPlugin') return;
  const prefix = args[1]?.type === 'object' ? stringValue(optionValue(args[1], 'prefix')) : undefined;
  endpoint(c, i, `${(prefix ?? '').replace(/\/$/, '')}/:path`, 'fastify', true, call.chain[call.chain.length - 2]);
}

function endpoint(c: RouteCollector, at: number, path: string, framework: string, mountable: boolean, receiver?: string): void {
  const declaration = c.s.rangeOf(at);
  c.add({ method: 'GET', path, framework, declaration, at, mountable, receiver, runs: QUERY });
  c.add({ method: 'POST', path, framework, declaration, at, mountable, receiver, runs: MUTATION });
}

function optionValue(object: Node, key: string): Node | undefined {
  const pair = object.namedChildren.find((p) => p?.type === 'pair' && p.childForFieldName('key')?.text === key);
  return pair?.childForFieldName('value') ?? undefined;
}

/** tRPC's Next.js adapter, whose `createNextApiHandler({ router })` makes a pages/api route's handler. */
const NEXT_ADAPTER = '@trpc/server/adapters/next';

/**
 * The functions of a module that hand their parameter to tRPC's Next.js adapter as its router (cal.com's
 * `createNextApiHandler(router, isPublic)` returning `_createNextApiHandler({ router, createContext })`), by scan
 * index: a pages/api route whose default export is made by calling one is tRPC's endpoint (RouteLink.trpcVia).
 */
export function trpcHandlerMakers(s: FileStructure): Set<number> {
  const out = new Set<number>();
  if (!s.mentions('createNextApiHandler') || !s.mentions(NEXT_ADAPTER)) return out;
  // The adapter as the module names it: imported by name (`as _createNextApiHandler` too), or its namespace's member.
  const names = s.memo('trpc.nextAdapter', () => {
    const named = new Set<string>();
    for (const i of moduleFacts(s.words, 'js').imports) {
      if (i.module !== NEXT_ADAPTER) continue;
      if (i.imported === 'createNextApiHandler') named.add(i.local);
      else if (i.imported === '*' && i.local !== '*') named.add(`${i.local}.createNextApiHandler`);
    }
    return named;
  });
  if (!names.size) return out;
  for (const [i, call] of s.calls) {
    if (!names.has(call.chain.join('.'))) continue;
    const options = s.argumentsOf(call)[0];
    const router = options?.type === 'object' ? options.namedChildren.find((p) => (p?.type === 'pair' && p.childForFieldName('key')?.text === 'router') || (p?.type === 'shorthand_property_identifier' && p.text === 'router')) : undefined;
    const value = router?.type === 'pair' ? router.childForFieldName('value') : router;
    if (!value || (value.type !== 'identifier' && value.type !== 'shorthand_property_identifier')) continue;
    // The function whose parameter it is: the innermost around the call that has one of that name.
    for (let f = s.functionOf[i]; f >= 0; f = s.functions[f].outer) {
      const fn = s.functions[f];
      if (!parameterNames(s.nodes[fn.index].node).includes(value.text)) continue;
      if (fn.name) out.add(fn.index);
      break;
    }
  }
  return out;
}

/** The functions a procedure builder's `.query(fn)` or `.mutation(fn)` is given, by scan index. */
export function trpcProcedures(s: FileStructure): Map<number, ServedApi> {
  const out = new Map<number, ServedApi>();
  if (!s.mentions('rocedure') || !/[pP]rocedure\b/.test(s.text)) return out;
  for (const [, call] of s.calls) {
    const last = call.chain[call.chain.length - 1];
    if ((last !== 'query' && last !== 'mutation') || !call.chain.slice(0, -1).some((name) => /^(?:\w*Procedure|procedure)$/.test(name))) continue;
    const args = s.argumentsOf(call);
    const fn = args[args.length - 1];
    const at = !fn ? undefined : fn.type === 'identifier' ? localFunction(s, fn.text) : /^(?:arrow_function|function_expression|function)$/.test(fn.type) ? s.indexOfNode(fn) : undefined;
    if (at !== undefined) out.set(at, last === 'query' ? QUERY : MUTATION);
  }
  return out;
}

import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { ServedApi } from '../codeModel';
import type { FileStructure } from '../fileStructure';
import { stringValue } from '../syntax';
import type { WordSearch } from '../wordSearch';
import { localFunction } from './javascriptRoutes';
import type { RouteCollector } from './routeCollector';

/**
 * oRPC (see apiEndpoints.ts): a router of procedures is answered on the route whose handler gives the request to
 * oRPC's handler, `const handler = new OpenAPIHandler(appRouter)` then `await handler.handle(request, { prefix: '/api'
 * })` in typebot's `app/api/[[...rest]]/route.ts`: that catch-all is what the app's metrics report, whichever
 * procedure answers. OpenAPIHandler routes a request to the procedure of its method (`.route({ method: 'GET', path
 * })`, POST when none is given); RPCHandler, at the procedure's path in the router, takes POST for any procedure and
 * GET for those routed by GET. The procedures are the functions given to `.handler(…)` of a procedure builder (`os`,
 * typebot's `authenticatedProcedure`), wherever the service writes them, also a function another module exports
 * (typebot's `.handler(handleGetFolder)`: FileLinks.servedChains).
 */

/** What a request of each method to an OpenAPIHandler's route runs; to an RPCHandler's, POST runs any procedure. */
const OPENAPI_RUNS: Record<string, ServedApi> = { GET: 'orpc-GET', POST: 'orpc-POST', PUT: 'orpc-PUT', PATCH: 'orpc-PATCH', DELETE: 'orpc-DELETE', ANY: 'orpc' };
const RPC_RUNS: Record<string, ServedApi> = { GET: 'orpc-GET', POST: 'orpc', ANY: 'orpc' };

/** oRPC's packages (`@orpc/server/fetch`, `@orpc/openapi/node`…), where its handlers and `os` builder come from. */
const ORPC_IMPORT = /['"]@orpc\/(?:server|openapi)(?:\/[\w-]+)?['"]/;
/** `const handler = new OpenAPIHandler(…)`: the variable and the kind. */
const ORPC_HANDLER = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=;]*)?=\s*new\s+(OpenAPIHandler|RPCHandler)\b/g;

export function orpcEndpoints(c: RouteCollector): void {
  const s = c.s;
  if (!c.links.length || !(s.mentions('OpenAPIHandler') || s.mentions('RPCHandler')) || !ORPC_IMPORT.test(s.text)) return;
  const kinds = new Map<string, Record<string, ServedApi>>();
  for (const m of s.text.matchAll(ORPC_HANDLER)) kinds.set(m[1], m[2] === 'OpenAPIHandler' ? OPENAPI_RUNS : RPC_RUNS);
  if (!kinds.size) return;
  const handles = new RegExp(`(?<![\\w$.])(${[...kinds.keys()].map((k) => k.replace(/\$/g, '\\$')).join('|')})\\s*\\.\\s*handle\\s*\\(`);
  c.links.forEach((link, k) => {
    const handler = c.handlerOf.get(k);
    if (link.runs || handler === undefined) return;
    const name = handles.exec(s.text.slice(s.nodes[handler].start, s.nodes[handler].end))?.[1];
    const runs = name === undefined ? undefined : kinds.get(name)![c.routes[k].method];
    if (runs) link.runs = runs;
  });
}

/** oRPC's methods a procedure is routed at. */
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
/** Links of oRPC's builder before `.handler(…)`. */
const BUILDER_LINKS = new Set(['route', 'input', 'output', 'use', 'errors', 'meta', '$context', '$route', '$meta']);

/** The word a procedure needs, and one that says the file is oRPC's or names a procedure builder: most files have neither. */
export function mayHoldOrpcProcedures(mentions: (word: string) => boolean): boolean {
  return mentions('.handler(') && (mentions('rocedure') || mentions('@orpc/'));
}

/**
 * The method a procedure answers, for the `.handler(fn)` call that ends its builder: the `method` of its last `.route({
 * method, path })`, POST without one. Undefined when the chain is no procedure's: its first name must be a procedure
 * builder (`authenticatedProcedure`, `procedure`), or oRPC's `os` or any chain of its builder's links in a module
 * that imports oRPC (`orpc`).
 */
export function orpcProcedureMethod(call: Node, orpc: boolean): string | undefined {
  let method: string | undefined;
  let builder = false;
  let at = call.childForFieldName('function')?.childForFieldName('object');
  while (at?.type === 'call_expression') {
    const callee = at.childForFieldName('function');
    if (callee?.type !== 'member_expression') {
      at = callee;
      break;
    }
    const link = callee.childForFieldName('property')?.text ?? '';
    if (!BUILDER_LINKS.has(link)) return undefined;
    builder = true;
    if (link === 'route' && method === undefined) {
      const options = at.childForFieldName('arguments')?.namedChildren[0];
      const pair = options?.type === 'object' ? options.namedChildren.find((p) => p?.type === 'pair' && p.childForFieldName('key')?.text === 'method') : undefined;
      method = stringValue(pair?.childForFieldName('value'))?.toUpperCase();
    }
    at = callee.childForFieldName('object');
  }
  const first = at?.type === 'identifier' ? at.text : at?.type === 'member_expression' ? at.childForFieldName('property')?.text : undefined;
  if (!first || !(/^(?:\w*Procedure|procedure)$/.test(first) || (orpc && (first === 'os' || builder)))) return undefined;
  return method && METHODS.has(method) ? method : 'POST';
}

/** The functions of the file given to a procedure's `.handler(…)`, written in place or declared in the module, by scan index. */
export function orpcProcedures(s: FileStructure): Map<number, ServedApi> {
  const out = new Map<number, ServedApi>();
  if (!mayHoldOrpcProcedures((w) => s.mentions(w))) return out;
  const orpc = ORPC_IMPORT.test(s.text);
  for (const [i, call] of s.calls) {
    if (call.chain.length < 2 || call.chain[call.chain.length - 1] !== 'handler') continue;
    const fn = s.argumentsOf(call)[0];
    const at = !fn ? undefined : fn.type === 'identifier' ? localFunction(s, fn.text) : /^(?:arrow_function|function_expression|function)$/.test(fn.type) ? s.indexOfNode(fn) : undefined;
    const method = at !== undefined ? orpcProcedureMethod(s.nodes[i].node, orpc) : undefined;
    if (method) out.set(at!, `orpc-${method}` as ServedApi);
  }
  return out;
}

/** `.handler(name)`, `.handler(module.name)`: a procedure's function named, not written in place. */
const NAMED_HANDLER = /\.handler\(\s*([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*[,)]/g;

/**
 * The functions of other modules given to a procedure's `.handler(…)` (typebot's `.handler(handleGetFolder)` with
 * `import { handleGetFolder } from "./handleGetFolder"`), as the names the join resolves: not one the module declares.
 */
export function orpcServedChains(words: WordSearch, tree: Tree, declared: (name: string) => boolean): { api: ServedApi; chain: string[] }[] | undefined {
  if (!mayHoldOrpcProcedures((w) => words.has(w))) return undefined;
  const text = words.text;
  const orpc = ORPC_IMPORT.test(text);
  let out: { api: ServedApi; chain: string[] }[] | undefined;
  for (const m of text.matchAll(NAMED_HANDLER)) {
    const chain = m[1].split('.').map((n) => n.trim());
    if (chain.length === 1 && declared(chain[0])) continue;
    let call: Node | null = tree.rootNode.descendantForIndex(m.index + 1);
    while (call && call.type !== 'call_expression') call = call.parent;
    const method = call ? orpcProcedureMethod(call, orpc) : undefined;
    if (method) (out ??= []).push({ api: `orpc-${method}` as ServedApi, chain });
  }
  return out;
}

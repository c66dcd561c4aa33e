import type { Node } from '@vscode/tree-sitter-wasm';
import { localFunction, resolveHandler } from './javascriptRoutes';
import type { FileStructure } from '../fileStructure';
import type { RouteCollector } from './routeCollector';
import { mentions, textOf, type Searchable } from '../wordSearch';
import { stringValue } from '../syntax';

const VERBS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];
export const PAGES_API = /(?:^|\/)pages(\/api\/.+)\.(?:ts|tsx|js|jsx|mjs)$/;
const PAGES = /(?:^|\/)pages(\/.+)\.(?:ts|tsx|js|jsx)$/;
const APP_ROUTE = /(?:^|\/)app((?:\/.+)?)\/route\.(?:tsx?|jsx?|mjs)$/;
const APP_PAGE = /(?:^|\/)app((?:\/.+)?)\/page\.(?:tsx|jsx|ts|js)$/;
/** Medusa v2's API routes: `src/api/admin/stores/[id]/route.ts` exporting `GET`, `POST`… is `/admin/stores/:id`. */
const MEDUSA_ROUTE = /(?:^|\/)src\/api((?:\/.+)?)\/route\.(?:ts|js|mjs)$/;
const MEDUSA_MODULE = /['"]@medusajs\/|\bMedusa(?:Request|Response|NextFunction)\b/;
/** The `"use client"` directive that opens a module (after comments): it runs in the browser. */
const USE_CLIENT = /^(?:\s|\/\/[^\n]*|\/\*[^]*?\*\/)*['"]use client['"]/;

/** A module of React's client code (`"use client"`): what it fetches, the browser fetches. */
export function isClientModule(source: Searchable): boolean {
  const text = textOf(source);
  return mentions(source, 'use client') && USE_CLIENT.test(text);
}

/**
 * Next.js file-based routes, with the template Next.js reports (`/api/products/[productId]`):
 * `pages/api/**` (one route, its methods read from `case 'GET':` / `req.method === 'POST'` in the handler, or from a
 * guard that turns away the others, `if (req.method !== 'POST') return res.status(405)…`),
 * `app/**∕route.ts` (one route per exported `GET`, `POST`, …), and pages rendered per request
 * (`getServerSideProps`, an app router page that is an async server component).
 */
export function findNextRoutes(c: RouteCollector): void {
  const file = c.file;
  const api = PAGES_API.exec(file);
  if (api) return pagesApiRoute(c, routePath(api[1]));
  const app = APP_ROUTE.exec(file);
  if (app) return appRoutes(c, routePath(app[1] || '/'));
  const medusa = MEDUSA_ROUTE.exec(file);
  if (medusa && c.s.memo('medusa', () => MEDUSA_MODULE.test(c.s.text))) return appRoutes(c, medusaPath(medusa[1] || '/'), 'medusa');
  const appPage = APP_PAGE.exec(file);
  if (appPage) return appPageRoute(c, routePath(appPage[1] || '/'));
  const page = PAGES.exec(file);
  if (page && !/\/_[^/]+$/.test(page[1])) {
    const ssr = localFunction(c.s, 'getServerSideProps');
    if (ssr !== undefined) {
      c.add({ method: 'GET', path: routePath(page[1]), framework: 'nextjs', declaration: c.s.rangeOf(ssr), handlerIndex: ssr, at: ssr, mountable: false });
      return;
    }
    // Wrapped: `export const getServerSideProps = withEnv(ensureLogin(async (ctx) => …))` (teable's pages).
    const at = wrappedServerSideProps(c.s);
    const handler = at !== undefined ? resolveHandler(c, c.s.nodes[at].node) : undefined;
    if (at !== undefined && handler) {
      c.add({ method: 'GET', path: routePath(page[1]), framework: 'nextjs', declaration: c.s.rangeOf(at), ...handler, at, mountable: false });
      return;
    }
    // A function named, of the file or another module's (dittofeed's `export const getServerSideProps:
    // GetServerSideProps<…> = getSubscriptionGroupsSSP;`, shared by its subscription group pages): the join finds it.
    const alias = c.s.memo('next.ssrAlias', () => NAMED_SSR.exec(c.s.text));
    if (alias && alias[1] !== 'async' && alias.index >= c.s.span.start && alias.index < c.s.span.end) {
      c.add({ method: 'GET', path: routePath(page[1]), framework: 'nextjs', declaration: c.s.rangeOfSpan(alias.index, alias.index + alias[0].length), ...named(c, alias[1]), at: -1, mountable: false });
      return;
    }
    // Another module's, exported as the page's (linkwarden's 28 pages: `import getServerSideProps from
    // "@/lib/client/getServerSideProps"; export { getServerSideProps };`, or `export { getServerSideProps } from …`).
    const shared = c.s.memo('next.ssrExport', () => SSR_EXPORT.exec(c.s.text));
    if (shared && shared.index >= c.s.span.start && shared.index < c.s.span.end) {
      const spec = shared[1].split(',').find((x) => /\bgetServerSideProps\s*$/.test(x.trim()))!.trim();
      const [local, as] = spec.split(/\s+as\s+/);
      const name = as && !shared[2] ? local.trim() : 'getServerSideProps';
      c.add({ method: 'GET', path: routePath(page[1]), framework: 'nextjs', declaration: c.s.rangeOfSpan(shared.index, shared.index + shared[0].length), handlerChain: [name], at: -1, mountable: false });
    }
  }
}

/**
 * A pages-router route's path under a config's `pageExtensions` (dittofeed's `["page.tsx", "page.ts"]`): the file's
 * path without the extension it has (`pages/users/index.page.tsx` is `/users`, `pages/api/index.page.ts` is `/api`).
 * Null when the file has none of them, which Next.js does not take for a page; undefined for a file outside `pages/`.
 */
export function pageExtensionsPath(file: string, extensions: readonly string[]): string | null | undefined {
  const page = /(?:^|\/)pages(\/.+)$/.exec(file);
  if (!page || APP_ROUTE.test(file) || APP_PAGE.test(file)) return undefined;
  const ext = [...extensions].sort((a, b) => b.length - a.length).find((x) => page[1].endsWith(`.${x}`));
  if (!ext) return null;
  const raw = page[1].slice(0, -(ext.length + 1));
  return /\/_[^/]+$/.test(raw) && !raw.startsWith('/api/') ? null : routePath(raw);
}

/** `export { getServerSideProps }`, `export { load as getServerSideProps }`, also `… } from './shared'` (group 2). */
const SSR_EXPORT = /^export\s*\{([^}]*\bgetServerSideProps\s*(?:,[^}]*)?)\}(\s*from\b)?/m;

/** The call a page's `export const getServerSideProps = wrap(…)` is made with (its scan index). */
function wrappedServerSideProps(s: FileStructure): number | undefined {
  const wrapped = s.mentions('getServerSideProps') ? WRAPPED_SSR.exec(s.text) : null;
  return wrapped ? [...s.calls.keys()].find((i) => s.nodes[i].start === wrapped.index + wrapped[0].length) : undefined;
}

/**
 * The functions of a pages-router page that run on the server, for each request: `getServerSideProps` and what its
 * wrappers are given (the rest of a .tsx page renders in the browser too). Undefined for any other file.
 */
export function nextServerFunctions(file: string, s: FileStructure): Set<number> | undefined {
  const page = PAGES.exec(file);
  if (!page || PAGES_API.test(file) || !s.mentions('getServerSideProps')) return undefined;
  const out = new Set<number>();
  const at = wrappedServerSideProps(s);
  const span = at !== undefined ? s.nodes[at] : undefined;
  s.functions.forEach((f, k) => {
    const n = s.nodes[f.index];
    if ((f.outer === -1 && f.name === 'getServerSideProps') || (span && n.start >= span.start && n.end <= span.end)) out.add(k);
  });
  return out.size ? out : undefined;
}

/**
 * The type `export const getServerSideProps` is annotated with, up to its `=`: over lines and with an object type too
 * (dittofeed's `: GetServerSideProps<\n  PropsWithInitialState<UserPageProps>\n>`, `GetServerSideProps<{ isPopup?:
 * boolean; }>`), an arrow type's `=>` included.
 */
const SSR_TYPE = String.raw`(?::(?:[^=]|=>){1,400}?)?`;
/** `export const getServerSideProps = wrap(…)`, up to the call. */
const WRAPPED_SSR = new RegExp(String.raw`\bexport\s+const\s+getServerSideProps\s*${SSR_TYPE}=\s*(?=[\w$.]+\s*(?:<[^>\n]*>)?\()`);
/** `export const getServerSideProps: GetServerSideProps = getSubscriptionGroupsSSP;` at a line's start (not in a comment): the function it names (group 1). */
const NAMED_SSR = new RegExp(String.raw`^export\s+const\s+getServerSideProps\s*${SSR_TYPE}=\s*([A-Za-z_$][\w$]*)\s*(?:;|$)`, 'm');

/** A Medusa route file's folders as the Express route Medusa registers: `[id]` is `:id`, `[...path]` is `*`. */
function medusaPath(raw: string): string {
  const path = raw
    .split('/')
    .filter((seg) => seg)
    .map((seg) => (/^\[\.\.\.[^\]]+\]$/.test(seg) ? '*' : seg.replace(/^\[([^\]]+)\]$/, ':$1')))
    .join('/');
  return '/' + path;
}

/**
 * A file route's path as Next.js reports it: route groups `(app)` and parallel slots `@modal` left out, and an
 * intercepting route (`(.)photo`, `(..)photo`, `(..)(..)photo`, `(...)photo`) at the URL it intercepts, counted in
 * route segments, as the server renders it there on a client-side navigation.
 */
export function routePath(raw: string): string {
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (!seg || seg.startsWith('@')) continue;
    const intercept = /^((?:\(\.{1,3}\))+)(.+)$/.exec(seg);
    if (intercept) {
      for (const level of intercept[1].match(/\(\.{1,3}\)/g)!) {
        if (level === '(...)') out.length = 0;
        else if (level === '(..)') out.pop();
      }
      out.push(intercept[2]);
    } else if (!/^\(.*\)$/.test(seg)) out.push(seg);
  }
  return '/' + out.join('/').replace(/(^|\/)index$/, '');
}

/**
 * `app/**∕page.tsx` whose default export is an async server component: it awaits its data as it renders, on every
 * request, so it is GET of its path. Not a client component, nor a page built ahead of requests
 * (`generateStaticParams`, `dynamic = 'force-static'`, `revalidate = 60`), nor one that awaits nothing.
 */
function appPageRoute(c: RouteCollector, path: string): void {
  const s = c.s;
  const page = s.memo('next.page', () => serverPage(s.text));
  if (!page) return;
  if (page.imported) {
    // Its component is another module's (`export default ForgotPasswordPage` imported, `export { X as default } from …`):
    // added by the statement that exports it, and served by what the join finds there, unless that is a client
    // component (onyx's `export { default } from "@/views/GroupsPage"` of a `"use client"` module): not rendered per
    // request, as a page that says `"use client"` itself is not.
    if (page.at! < s.span.start || page.at! >= s.span.end) return;
    c.add({ method: 'GET', path, framework: 'nextjs', declaration: s.rangeOfSpan(page.at!, page.end!), handlerChain: [page.imported], nextPage: true, at: -1, mountable: false });
    return;
  }
  const handler = page.name
    ? localFunction(s, page.name)
    : s.functions.find((f) => f.outer === -1 && s.text.slice(0, s.nodes[f.index].start).trimEnd().endsWith('default'))?.index;
  if (handler === undefined) return;
  c.add({ method: 'GET', path, framework: 'nextjs', declaration: s.rangeOf(handler), handlerIndex: handler, at: handler, mountable: false });
}

/** An app router page rendered on the server per request (see appPageRoute): what it fetches, the server fetches. */
export function isServerPage(file: string, text: string): boolean {
  return APP_PAGE.test(file) && serverPage(text) !== undefined;
}

/** A page's component: its own async function (by name, or the anonymous default), or one it exports from another module. */
interface ServerPage {
  name?: string;
  /** The name the export leads through to the other module's component, with where that export is written. */
  imported?: string;
  at?: number;
  end?: number;
}

function serverPage(text: string): ServerPage | undefined {
  if (isClientModule(text) || STATIC_PAGE.test(text)) return undefined;
  const m = /export\s+default\s+async\s+function\b\s*([\w$]*)/.exec(text);
  if (m) return { name: m[1] || undefined };
  const d = /^export\s+default\s+([\w$]+)\s*;?\s*$/m.exec(text);
  const named = d?.[1];
  if (named && new RegExp(`(?:const|let)\\s+${named}\\s*(?::[^=\\n]+)?=\\s*async\\b|async\\s+function\\s+${named}\\b`).test(text)) return { name: named };
  // Defined in the file but not async: a component that awaits nothing, unless all it does is render an imported one
  // (formbricks' `const Page = (props) => { return APIKeysPage(props); }`, `=> <APIKeysPage {...props} />`), which
  // is then the page's, server-rendered if that one is.
  const rendered = named ? renderedAlone(text, named) : undefined;
  if (rendered) return { imported: rendered, at: d!.index, end: d!.index + d![0].trimEnd().length };
  if (named && !new RegExp(`(?:function|class|const|let|var)\\s+${named}\\b`).test(text)) return { imported: named, at: d.index, end: d.index + d[0].trimEnd().length };
  const again = /^export\s*\{\s*(?:default|[\w$]+\s+as\s+default)\s*\}\s*from\s*['"][^'"]+['"]/m.exec(text);
  return again ? { imported: 'default', at: again.index, end: again.index + again[0].length } : undefined;
}

/** The imported component a page's own component only returns, called or rendered with its props. */
function renderedAlone(text: string, page: string): string | undefined {
  const body = new RegExp(`(?:const|let)\\s+${page}\\s*(?::[^=\\n]+)?=\\s*\\([^)]*\\)\\s*(?::[^=]+)?=>\\s*(?:\\{\\s*return\\s+)?\\(?\\s*(?:<\\s*([A-Z][\\w$]*)\\b[^<>]*\\/>|([A-Z][\\w$]*)\\s*\\([^()]*\\))\\s*\\)?\\s*;?\\s*\\}?`).exec(text);
  const name = body?.[1] ?? body?.[2];
  return name && new RegExp(`^import\\s[^;]*\\b${name}\\b[^;]*\\bfrom\\b`, 'm').test(text) ? name : undefined;
}

const STATIC_PAGE = /export\s+(?:async\s+)?function\s+generateStaticParams\b|export\s+const\s+(?:dynamic\s*=\s*['"]force-static['"]|revalidate\s*=\s*[1-9])/;

/**
 * A pages/api module's default export: a function by name (group 1, empty when anonymous), an arrow function written
 * in place (group 2, empty: papermark's `export default async (req: NextApiRequest, res: NextApiResponse) => {…}`,
 * whose `async (req` is no wrapper called with a handler), or a name, alone or called (groups 3 and 4, `(`).
 */
const DEFAULT_EXPORT =
  /export\s+default\s+(?:async\s+)?function\s*\*?\s*(\w*)|export\s+default\s+(?=(?:async\s*)?\([^()]*\)\s*(?::[^=;{}]+)?=>|(?:async\s+)?[\w$]+\s*=>)()|export\s+default\s+([\w$.]+)\s*(\()?/;
const FUNCTION_NODES = new Set(['arrow_function', 'function_expression', 'function']);

/**
 * The function a default export made by wrapper calls hands them: by name, or written in place (its offset); else the
 * table of methods it dispatches on.
 */
interface Wrapped {
  name?: string;
  fn?: number;
  table?: MethodEntry[];
  /** Neither: the calls given a name that make it (`createNextApiHandler(bookingsRouter)`), as chains (see nextMadeBy). */
  calls?: string[][];
}

/**
 * A method of a table a pages/api default export dispatches on (cal.com's `defaultHandler({ GET: import("./_get"),
 * POST: import("./_post") })`): where it is written, and its handler, a module's default export, a function of the
 * file by name, or one written in place (its offset).
 */
interface MethodEntry {
  verb: string;
  start: number;
  end: number;
  module?: string;
  name?: string;
  fn?: number;
}

/**
 * The handler a default export made by wrapper calls is built from: a function of the file named, or one written in
 * place, handed to the wrapper, to a wrapper inside it (`withCors(withAuth(handler))`), or to the call a curried
 * wrapper returns (cal.com's `withMiddleware()(handler)`, `withMiddleware("pagination")(defaultResponder(getHandler))`).
 * Read once per file from the whole tree (the statement that names the function need not be the one that writes it).
 * Options and names of other modules are no handler of this file (`NextAuth(options)`).
 */
function wrappedExport(s: FileStructure, at: number): Wrapped | undefined {
  return s.memo('next.wrapped', () => {
    let node = s.tree.rootNode.descendantForIndex(at, at);
    while (node?.parent && node.parent.startIndex === at && (node.parent.type === 'call_expression' || node.parent.type === 'member_expression')) node = node.parent;
    if (node?.type !== 'call_expression') return undefined;
    const functions = topLevelFunctions(s.tree.rootNode);
    const handed = handedFunction(s, functions, node);
    if (handed) return handed;
    // A table's values are handlers: functions (the file's or imported) or modules, and the calls are handed nothing
    // else that may be one (`withValidation({ POST: createSchema })(usersHandler)`: schemas by method, options).
    const isHandler = (name: string) => functions.has(name) || s.imports(name);
    const table = methodTable(node, isHandler);
    if (table && !handsMore(node, table.object, topLevelValues(s.tree.rootNode))) return { table: table.entries };
    const calls: string[][] = [];
    callsGivenNames(node, calls);
    return calls.length ? { calls } : undefined;
  });
}

/** The calls of a default export's expression given a name (a router, a config), by their function's chain. */
function callsGivenNames(call: Node, out: string[][], depth = 0): void {
  if (depth > 4) return;
  const callee = call.childForFieldName('function');
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  if (callee && /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(callee.text) && args.some((a) => a?.type === 'identifier')) out.push(callee.text.split('.'));
  for (const a of args) if (a?.type === 'call_expression') callsGivenNames(a, out, depth + 1);
  if (callee?.type === 'call_expression') callsGivenNames(callee, out, depth + 1);
}

/**
 * A pages/api module whose default export is made by calls given names and no function of its own (cal.com's
 * `wrapApiHandlerWithSentry(createNextApiHandler(bookingsRouter), "/api/trpc/bookings/[trpc]")`): those calls' chains,
 * and where the export is written. Only for the statement that writes it (the whole file, or after an edit that one).
 */
export function nextMadeBy(s: FileStructure): { chains: string[][]; start: number; end: number } | undefined {
  const m = s.memo('next.default', () => DEFAULT_EXPORT.exec(s.text));
  if (!m || !m[4] || m.index < s.span.start || m.index >= s.span.end) return undefined;
  const chains = wrappedExport(s, m.index + m[0].lastIndexOf(m[3]))?.calls;
  return chains ? { chains, start: m.index, end: m.index + m[0].length } : undefined;
}

/**
 * The table of methods handed to the wrapper calls of a default export, or to one inside them: an object whose every
 * key is a method (upper-case, as Next.js gives `req.method`) and every value its handler, a module imported for it
 * (`import("./_get")`, also `() => import("./_get")`), a function by name (the file's, or imported), or one written
 * in place. An object with any other key or value (options, `{ GET: schema, cache: true }`) is none.
 */
function methodTable(call: Node, isHandler: (name: string) => boolean, depth = 0): { entries: MethodEntry[]; object: Node } | undefined {
  if (depth > 4) return undefined;
  for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
    const entries = arg?.type === 'object' ? methodEntries(arg, isHandler) : undefined;
    if (entries) return { entries, object: arg! };
    const table = arg?.type === 'call_expression' ? methodTable(arg, isHandler, depth + 1) : undefined;
    if (table) return table;
  }
  const callee = call.childForFieldName('function');
  return callee?.type === 'call_expression' ? methodTable(callee, isHandler, depth + 1) : undefined;
}

/**
 * Whether the calls around a table are handed something else that may be a handler: a function written there, or a
 * name other than a value the module declares at its top (`const corsOptions = { origin: "*" }`).
 */
function handsMore(call: Node, object: Node, values: Set<string>, depth = 0): boolean {
  if (depth > 4) return false;
  for (const raw of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!raw || raw.startIndex === object.startIndex) continue;
    const arg = unwrapped(raw);
    if (FUNCTION_NODES.has(arg.type) || (arg.type === 'identifier' && !values.has(arg.text))) return true;
    if (arg.type === 'call_expression' && handsMore(arg, object, values, depth + 1)) return true;
  }
  const callee = call.childForFieldName('function');
  return callee?.type === 'call_expression' && handsMore(callee, object, values, depth + 1);
}

const VALUE_NODES = new Set(['object', 'array', 'string', 'template_string', 'number', 'true', 'false', 'null']);

/** The names a module declares at its top with a literal value (`const corsOptions = { origin: "*" }`): no handler. */
function topLevelValues(root: Node): Set<string> {
  const out = new Set<string>();
  for (let st of root.namedChildren) {
    if (st?.type === 'export_statement') st = st.childForFieldName('declaration');
    if (st?.type !== 'lexical_declaration' && st?.type !== 'variable_declaration') continue;
    for (const d of st.namedChildren) {
      const value = d?.type === 'variable_declarator' ? d.childForFieldName('value') : null;
      const name = d?.childForFieldName('name');
      if (value && VALUE_NODES.has(unwrapped(value).type) && name?.type === 'identifier') out.add(name.text);
    }
  }
  return out;
}

function methodEntries(object: Node, isHandler: (name: string) => boolean): MethodEntry[] | undefined {
  const out: MethodEntry[] = [];
  for (const pair of object.namedChildren) {
    if (!pair || pair.type === 'comment') continue;
    const key = pair.type === 'pair' ? pair.childForFieldName('key') : pair.type === 'shorthand_property_identifier' ? pair : null;
    const verb = key?.type === 'string' ? stringValue(key) : key?.text;
    if (!verb || !VERBS.includes(verb)) return undefined;
    const value = pair.type === 'pair' ? pair.childForFieldName('value') : pair;
    const entry: MethodEntry = { verb, start: pair.startIndex, end: pair.endIndex };
    const module = value ? importedModule(value) ?? (FUNCTION_NODES.has(value.type) ? importedModule(value.childForFieldName('body')) : undefined) : undefined;
    if (module) entry.module = module;
    else if ((value?.type === 'identifier' || value?.type === 'shorthand_property_identifier') && isHandler(value.text)) entry.name = value.text;
    else if (value && FUNCTION_NODES.has(value.type)) entry.fn = value.startIndex;
    else return undefined;
    out.push(entry);
  }
  return out.length ? out : undefined;
}

/** `import("./_get")`: the module. */
function importedModule(node: Node | null): string | undefined {
  if (node?.type !== 'call_expression' || node.childForFieldName('function')?.type !== 'import') return undefined;
  const args = node.childForFieldName('arguments')?.namedChildren ?? [];
  return args.length === 1 && args[0]?.type === 'string' ? stringValue(args[0]) : undefined;
}

/** Casts and parentheses around a value handed over (`handler as any`, `(handler satisfies H)!`): the value. */
const TYPE_WRAPPERS = new Set(['as_expression', 'satisfies_expression', 'non_null_expression', 'parenthesized_expression', 'type_assertion']);

function unwrapped(node: Node): Node {
  let n: Node | null = node;
  for (let i = 0; i < 8 && n && TYPE_WRAPPERS.has(n.type); i++) n = n.type === 'type_assertion' ? n.namedChildren[n.namedChildren.length - 1] : n.namedChildren[0];
  return n ?? node;
}

/**
 * The function handed over: a name of the file's functions, at its top or one the file names otherwise (a wrapper's
 * result kept in a constant, `const handler = withValidation(async (req, res) => …)`, names the function in it), or a
 * function written in place; behind a cast (`withSessionRoute(handler as any)`) too.
 */
function handedFunction(s: FileStructure, functions: Set<string>, call: Node, depth = 0): Wrapped | undefined {
  if (depth > 4) return undefined;
  for (const raw of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!raw) continue;
    const arg = unwrapped(raw);
    if (arg.type === 'identifier' && functions.has(arg.text)) return { name: arg.text };
    if (FUNCTION_NODES.has(arg.type)) return { fn: arg.startIndex };
    const inner = arg.type === 'call_expression' ? handedFunction(s, functions, arg, depth + 1) : undefined;
    if (inner) return inner;
  }
  const callee = call.childForFieldName('function');
  return callee?.type === 'call_expression' ? handedFunction(s, functions, callee, depth + 1) : undefined;
}

/** The names of the functions a module declares at its top (`function f`, `const f = async (…) => …`), exported or not. */
function topLevelFunctions(root: Node): Set<string> {
  const out = new Set<string>();
  for (let st of root.namedChildren) {
    if (st?.type === 'export_statement') st = st.childForFieldName('declaration');
    if (!st) continue;
    if (st.type === 'function_declaration' || st.type === 'generator_function_declaration') {
      const name = st.childForFieldName('name')?.text;
      if (name) out.add(name);
    } else if (st.type === 'lexical_declaration' || st.type === 'variable_declaration') {
      for (const d of st.namedChildren) {
        const value = d?.type === 'variable_declarator' ? d.childForFieldName('value') : null;
        const name = d?.childForFieldName('name');
        if (value && name?.type === 'identifier' && (FUNCTION_NODES.has(unwrapped(value).type) || wrapsFunction(unwrapped(value)))) out.add(name.text);
      }
    }
  }
  return out;
}

/** A wrapper call given a function written in it (`withValidation(async (req, res) => …)`), itself or within a call in it. */
function wrapsFunction(node: Node, depth = 0): boolean {
  if (node.type !== 'call_expression' || depth > 4) return false;
  for (const raw of node.childForFieldName('arguments')?.namedChildren ?? []) {
    const arg = raw ? unwrapped(raw) : undefined;
    if (arg && (FUNCTION_NODES.has(arg.type) || wrapsFunction(arg, depth + 1))) return true;
  }
  const callee = node.childForFieldName('function');
  return !!callee && wrapsFunction(callee, depth + 1);
}

function pagesApiRoute(c: RouteCollector, path: string): void {
  const s = c.s;
  const m = s.memo('next.default', () => DEFAULT_EXPORT.exec(s.text));
  if (!m) return;
  let handler: number | undefined;
  const anonymous = m[1] ?? m[2];
  if (anonymous !== undefined) handler = anonymous ? localFunction(s, anonymous) : s.functions.find((f) => s.text.slice(0, s.nodes[f.index].start).trimEnd().endsWith('default'))?.index;
  else if (m[4]) {
    // (Added by the statement that writes the function: the whole file, or after an edit the function's statement.)
    const wrapped = wrappedExport(s, m.index + m[0].lastIndexOf(m[3]));
    if (wrapped?.name) handler = localFunction(s, wrapped.name);
    else if (wrapped?.fn !== undefined) handler = s.functions.find((f) => s.nodes[f.index].start === wrapped.fn)?.index;
    else if (wrapped?.table && m.index >= s.span.start && m.index < s.span.end) {
      // A table of methods (by the statement that exports it): a route of each, at the file's path, handled by the
      // default export of the module imported for it, which serves no route of its own then (see RouteLink.nextMethodModule).
      for (const e of wrapped.table) {
        const declaration = s.rangeOfSpan(e.start, e.end);
        const fn = e.fn !== undefined ? s.functions.find((f) => s.nodes[f.index].start === e.fn)?.index : undefined;
        const handled = e.module ? { nextMethodModule: e.module } : e.name ? named(c, e.name) : fn !== undefined ? { handlerIndex: fn } : {};
        c.add({ method: e.verb, path, framework: 'nextjs', declaration, ...handled, at: fn ?? -1, mountable: false });
      }
      return;
    }
  } else handler = localFunction(s, m[3]);
  if (handler === undefined) {
    // Another module's handler exported as this route's (linkwarden's `import webhook from "../webhooks/stripe"; export
    // default webhook;`): the join serves it, with the methods it reads there. Added by the statement that exports it.
    // (A name alone: not a handler made by a call, `export default createNextApiHandler({ router })`, tRPC's.)
    const alone = anonymous === undefined && m[4] === undefined && /^[ \t]*(?:;|\r?\n|$)/.test(s.text.slice(m.index + m[0].length, m.index + m[0].length + 40));
    const name = alone ? m[3] : undefined;
    if (name && /^[\w$]+$/.test(name) && s.imports(name) && m.index >= s.span.start && m.index < s.span.end) {
      c.add({ method: 'ANY', path, framework: 'nextjs', declaration: s.rangeOfSpan(m.index, m.index + m[0].length), handlerChain: [name], at: -1, mountable: false });
    }
    return;
  }
  const methods = requestMethods(s, handler);
  const declaration = s.rangeOf(handler);
  // A handler that only hands the request to another function (papermark's `return handleRoute(req, res)` with the
  // handler in `ee/features/…/cancel-route.ts`): that one's methods, which the join reads where it is written.
  const delegate = methods.length ? undefined : delegatedTo(s.nodes[handler].node);
  for (const method of methods.length ? methods : ['ANY']) {
    c.add({ method, path, framework: 'nextjs', declaration, handlerIndex: handler, at: handler, mountable: false, ...(delegate ? { methodsFrom: delegate } : {}) });
  }
}

/**
 * The HTTP methods a pages/api handler answers, read from its body: `case 'GET':`, `req.method === 'POST'`, or a guard
 * at its top that turns away the others (with the tests before it). None: any method.
 */
export function requestMethods(s: FileStructure, handler: number): string[] {
  const guard = methodGuard(s.nodes[handler].node);
  // (Tests before the guard, `if (req.method === 'OPTIONS') return cors(res)`, answer theirs too; after it, only its own.)
  const body = s.text.slice(s.nodes[handler].start, guard ? guard.at : s.nodes[handler].end);
  const methods = new Set<string>(guard?.methods);
  // (Not a test in a conditional expression that picks a value, `body: req.method === 'GET' ? undefined : …`: the
  // request goes on whatever the method. One the handler returns does dispatch, `return req.method === 'GET' ?
  // list(req, res) : res.status(405).end()`.)
  for (const x of body.matchAll(/case\s+['"]([A-Z]+)['"]|method\s*={2,3}\s*['"]([A-Z]+)['"](\s*\?)?/g)) {
    const verb = x[1] ?? x[2];
    if (x[3] && !/(?:\breturn|=>)\s*[\w$.]*$/.test(body.slice(Math.max(0, x.index! - 40), x.index!))) continue;
    if (VERBS.includes(verb)) methods.add(verb);
  }
  // A CORS preflight or a HEAD answered early, `if (req.method === 'OPTIONS') return res.status(204).end()`, before
  // code that serves every other method: any method, not only those.
  if (!guard && [...methods].every((m) => m === 'OPTIONS' || m === 'HEAD')) return [];
  return [...methods];
}

/**
 * The function a handler's whole body hands its request to: `return handleRoute(req, res)`, `return await
 * publishFAQRoute(req, res)`, `await x.handle(req, res)`, `(req, res) => handleRoute(req, res)`, its first argument the
 * handler's own first parameter. Its name, as called.
 */
function delegatedTo(fn: Node): string[] | undefined {
  const req = /^\(?\s*([A-Za-z_$][\w$]*)/.exec((fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter'))?.text ?? '')?.[1];
  const body = fn.childForFieldName('body');
  if (!req || !body) return undefined;
  let only: Node | null | undefined = body;
  if (body.type === 'statement_block') {
    const statements = body.namedChildren.filter((x) => x && x.type !== 'comment');
    only = statements.length === 1 ? statements[0] : undefined;
    only = only?.type === 'return_statement' || only?.type === 'expression_statement' ? only.namedChildren[0] : undefined;
  }
  if (only?.type === 'await_expression') only = only.namedChildren[0];
  if (only?.type !== 'call_expression') return undefined;
  const callee = only.childForFieldName('function')?.text ?? '';
  const first = only.childForFieldName('arguments')?.namedChildren[0];
  return /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(callee) && first?.type === 'identifier' && first.text === req ? callee.split('.') : undefined;
}

/** One test that the request's method is not a verb: `req.method !== "POST"`, `"POST" != request.method`. */
const NOT_METHOD = /^[\w$.]*\bmethod\s*!==?\s*['"]([A-Z]+)['"]$|^['"]([A-Z]+)['"]\s*!==?\s*[\w$.]*\bmethod$/;
/** `!["GET", "POST"].includes(req.method)`: the list's verbs. */
const NOT_LISTED = /^!\s*\[([^\]]*)\]\s*\.includes\(\s*[\w$.]*\bmethod\s*\)$/;
/** What a branch that turns a method away says: a 405, an `Allow` header, "Method Not Allowed". */
const REJECTION = /\b405\b|not[\s_-]*allowed|['"]Allow['"]|(?:invalid|unsupported)[\s_-]*method/i;

/**
 * A guard at the top of a pages/api handler that turns away any other method (papermark's `if (req.method !== "POST")
 * { return res.status(405).end(…) }`): the methods it lets through, and where it is written. Not one nested in another
 * branch.
 */
function methodGuard(fn: Node): { methods: string[]; at: number } | undefined {
  const body = fn.childForFieldName('body');
  if (body?.type !== 'statement_block') return undefined;
  for (const st of body.namedChildren) {
    const methods = st ? guardedMethods(st) : undefined;
    if (methods) return { methods, at: st!.startIndex };
  }
  return undefined;
}

/**
 * The methods a statement lets past when it turns away every other: `if (req.method !== "POST")`, also `!== "GET" &&
 * … !== "POST"` (papermark's unsubscribe routes) or `!["GET", "POST"].includes(req.method)`, whose branch rejects.
 */
export function guardedMethods(st: Node): string[] | undefined {
  if (st.type !== 'if_statement') return undefined;
  const condition = (st.childForFieldName('condition')?.text ?? '').replace(/^\(\s*|\s*\)$/g, '');
  if (!/\bmethod\b/.test(condition)) return undefined;
  const methods: string[] = [];
  for (const part of condition.split('&&')) {
    const test = part.trim();
    const one = NOT_METHOD.exec(test);
    const listed = one ? undefined : NOT_LISTED.exec(test);
    if (one) methods.push(one[1] ?? one[2]);
    else if (listed) methods.push(...[...listed[1].matchAll(/['"]([A-Z]+)['"]/g)].map((x) => x[1]));
    else return undefined;
  }
  return methods.length && methods.every((v) => VERBS.includes(v)) && rejects(st.childForFieldName('consequence')) ? methods : undefined;
}

/**
 * A branch that turns the request away and leaves the handler: it says so (a 405, an `Allow` header, "Method Not
 * Allowed") and ends in a `return` or a `throw`. (`if (req.method !== "GET") { …create…; return res.json(x) }` is the
 * handler of the other methods, not a guard.)
 */
function rejects(branch: Node | null): boolean {
  const last = branch?.type === 'statement_block' ? branch.namedChildren.filter((x) => x && x.type !== 'comment').pop() : branch;
  return (last?.type === 'return_statement' || last?.type === 'throw_statement') && REJECTION.test(branch!.text);
}

function appRoutes(c: RouteCollector, path: string, framework = 'nextjs'): void {
  const s = c.s;
  for (const [verb, handler] of verbFunctions(s)) {
    c.add({ method: verb, path, framework, declaration: s.rangeOf(handler), handlerIndex: handler, at: handler, mountable: false });
  }
  for (const e of s.memo('next.exported', () => exportedVerbs(s.text))) {
    // Each export is read by the unit of the statement it is written in (the whole file, or the edited statement).
    if (e.at < s.span.start || e.at >= s.span.end || localFunction(s, e.verb) !== undefined) continue;
    const declaration = s.rangeOfSpan(e.at, e.at + e.verb.length);
    if (e.value !== undefined) {
      // `export const GET = withApiWrapper({ handler: async (req) => … })`, `= handler`: what it wraps or names.
      const call = [...s.calls.keys()].find((i) => s.nodes[i].start === e.value);
      const node = call !== undefined ? s.nodes[call].node : undefined;
      const handler = node ? resolveHandler(c, node) : e.name ? named(c, e.name) : undefined;
      c.add({ method: e.verb, path, framework, declaration, ...handler, at: call ?? -1, mountable: false });
    } else {
      // `export { GET } from '@/modules/api/v2/health/route'`, `export { handler as GET, handler as POST }`.
      c.add({ method: e.verb, path, framework, declaration, ...named(c, e.name!), at: -1, mountable: false });
    }
  }
}

/**
 * The functions a route file exports under an HTTP method's name (`export async function GET`, `export const POST =
 * async (req) => …`), by scan index: Next.js's `route.ts` and SvelteKit's `+server.ts` answer each method so.
 */
export function verbFunctions(s: FileStructure): [verb: string, handler: number][] {
  const out: [string, number][] = [];
  for (const verb of VERBS) {
    if (!s.memo(`route.${verb}`, () => new RegExp(`export\\s+(?:async\\s+)?(?:function\\s+${verb}\\b|const\\s+${verb}\\b)`).test(s.text))) continue;
    const handler = localFunction(s, verb);
    if (handler !== undefined) out.push([verb, handler]);
  }
  return out;
}

/** A handler given by name: a function of this statement, else one the join finds (of the file, or imported). */
function named(c: RouteCollector, name: string): { handlerIndex?: number; handlerChain?: string[] } {
  const local = localFunction(c.s, name);
  return local !== undefined ? { handlerIndex: local } : { handlerChain: [name] };
}

/** A route handler exported other than as a function of its name: its verb, where, and what it is. */
interface ExportedVerb {
  verb: string;
  /** Offset of the verb's name in the export. */
  at: number;
  /** `export const GET = …`: offset of the value. */
  value?: number;
  /** The name it is given as (`handler` in `export const GET = handler` or `export { handler as GET }`). */
  name?: string;
}

const VERB_NAMES = VERBS.join('|');
const CONST_VERB = new RegExp(`^export\\s+const\\s+(${VERB_NAMES})\\s*(?::[^=\\n]+)?=\\s*`, 'gm');
const LIST_EXPORT = /^export\s*\{([^}]*)\}/gm;

function exportedVerbs(text: string): ExportedVerb[] {
  const out: ExportedVerb[] = [];
  if (!text.includes('export')) return out;
  for (const m of text.matchAll(CONST_VERB)) {
    const value = m.index + m[0].length;
    // A function written in place is the verb's own function (found by its name): not this.
    if (/^(?:async\b|function\b|\(|[\w$]+\s*=>)/.test(text.slice(value, value + 40))) continue;
    const name = /^([\w$]+)\s*(?:;|$)/m.exec(text.slice(value, value + 80))?.[1];
    out.push({ verb: m[1], at: m.index + m[0].indexOf(m[1], 6), value, name });
  }
  for (const m of text.matchAll(LIST_EXPORT)) {
    // Again from another module: the name it is exported as is the import that leads there (moduleFacts).
    const again = /^\s*from\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20));
    let offset = m.index + m[0].indexOf('{') + 1;
    for (const spec of m[1].split(',')) {
      const [local, exported] = spec.trim().split(/\s+as\s+/);
      const verb = (exported ?? local)?.trim();
      if (verb && VERBS.includes(verb)) out.push({ verb, at: offset + spec.indexOf(verb, exported ? spec.indexOf(' as ') : 0), name: again ? verb : local.trim() });
      offset += spec.length + 1;
    }
  }
  return out;
}

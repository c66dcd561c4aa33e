import type { Node } from '@vscode/tree-sitter-wasm';
import type { Range } from '../../model/location';
import type { MountFact, RouteHandler, RouteLink, ServedApi, ViewClassUse } from '../codeModel';
import type { FileStructure } from '../fileStructure';
import type { DrfRegistration } from './drfRouters';
import { ASCII_NAME } from '../assignments';
import { goFactoryFields } from '../localTypes';

/**
 * Marks a part of a route path named by a constant of another module (`\u0000routesV1.user.root\u0000`): the
 * workspace join reads its value where the module defines it, and removes the part when it cannot.
 */
export const NAMED_PART = '\u0000';
/** Go: the mark a named part's text starts with when the name follows a slash written before it, `"/" + uris.ConfirmEmailPath` (a segment, not the whole path). */
export const GO_SEGMENT = '/';
/** JavaScript frameworks whose routes may name their path (`router.get(pathPrefix, h)`): read at the join, which keeps a route only if the names are declared as a path. */
export const JOINED_NAMES = new Set(['express', 'koa']);
/** A named part that is a NestJS controller's version (`@version:1`): `v1` when the app enables URI versioning. */
export const VERSION_PART = '@version:';

export interface RouteInput {
  method: string;
  path: string;
  framework: string;
  declaration: Range;
  /** Scan index of the handler function when it is written in this file. */
  handlerIndex?: number;
  /** The handler as a name (`listOrders`, `svc.homeHandler`) when it is not written inline. */
  handlerChain?: string[];
  /** The router the route was registered on. */
  receiver?: string;
  /** Scan index of the registration, for the functions it sits in. */
  at: number;
  /** False when the path is already complete (file-based routing, absolute method patterns). */
  mountable?: boolean;
  /** A DRF router registration: the join expands the route with its viewset's actions. */
  viewSet?: DrfRegistration;
  /** A class-based view (`as_view()`): the join gives the route the methods the class answers. */
  viewClass?: ViewClassUse;
  /** Functions named here that run before the handler on every request (FastAPI's `Depends(get_current_user)`). */
  alsoChains?: string[][];
  /** FastAPI: the names the handler's parameters are annotated with (see RouteLink.dependsTypes). */
  dependsTypes?: string[];
  /** A GraphQL or MCP endpoint (see RouteLink.runs). */
  runs?: ServedApi;
  /** NestJS: the controller class the route is a method of (see RouteLink.controller). */
  controller?: string;
  /** NestJS: the guards, interceptors and pipes of the handler and its controller (see RouteLink.nestEnhancers). */
  nestEnhancers?: string[];
  /** NestJS: the decorators a guard's gate may read (see RouteLink.nestMarks). */
  nestMarks?: string[];
  /** See RouteLink.ownDecorators. */
  ownDecorators?: string;
  /** JAX-RS, Spring and NestJS: a base class's route method, served under its subclasses' paths (see RouteLink.inherited). */
  inherited?: RouteLink['inherited'];
  /** Spring: a `@FeignClient`/`@HttpExchange` interface's mapping (see RouteLink.client). */
  client?: true;
  /** Go: the type of the value `handlerChain` names, when the registration knows it (see RouteLink.handlerType). */
  handlerType?: string;
  /** Go: the function that made the value `handlerChain` names (see RouteLink.handlerFrom). */
  handlerFrom?: string[];
  /** Go: the call that made the handler from the value `handlerChain` names (see RouteLink.handlerFactory). */
  handlerFactory?: string[];
  /** Go: the calls whose results the handler value holds (see RouteLink.goMadeBy). */
  goMadeBy?: string[][];
  /** Go: the project's router type the route is registered on (see RouteLink.goRouterType). */
  goRouterType?: string[];
  /** Go: chi's Mount of a value made by `handlerChain` (see RouteLink.goMountedHandler). */
  goMountedHandler?: true;
  /** Go gin: a call of a parameter given a group's Handle (see RouteLink.goHandleParameter). */
  goHandleParameter?: true;
  /** A gRPC service's implementation (see RouteLink.grpc). */
  grpc?: RouteLink['grpc'];
  /** A Feathers service's REST route (see RouteLink.feathers). */
  feathers?: RouteLink['feathers'];
  /** A Strapi route (see RouteLink.strapi). */
  strapi?: RouteLink['strapi'];
  /** A Sails route (see RouteLink.sails). */
  sails?: RouteLink['sails'];
  /** Registered through a route helper of another module, to be confirmed by the join (see RouteLink.helper). */
  helper?: RouteLink['helper'];
  /** The views registered for a model, served under this pattern (see RouteLink.modelViews). */
  modelViews?: RouteLink['modelViews'];
  /** Next.js: an app router page whose component is another module's (see RouteLink.nextPage). */
  nextPage?: true;
  /** Next.js pages/api: the function the handler hands the request to, whose methods are the route's (see RouteLink.methodsFrom). */
  methodsFrom?: string[];
  /** Next.js pages/api: a method of the table the default export dispatches on, handled by that module (see RouteLink.nextMethodModule). */
  nextMethodModule?: string;
  /** tRPC: the calls whose function must make tRPC's Next.js handler for the route to be served (see RouteLink.trpcVia). */
  trpcVia?: string[][];
}

/** Words a development-only condition needs: files without any are not looked at further. */
const DEV_MARKER = /\bDEBUG\b|['"](?:development|dev|local|test|production|prod)['"]|\.is(?:Development|Dev|Test)\b|\.in(?:Dev|Test)\b|\b(?:is_?[dD]ev(?:elopment|Mode)?|IS_DEV(?:ELOPMENT)?|devMode|DEV_MODE|__DEV__)\b/;
/** The condition of a development-only block, brackets removed (also a flag named for it, uptime-kuma's `if (isDev)`). */
const DEV_CONDITION =
  /^(?:[\w.]+\.)?DEBUG$|(?:===?|==)\s*['"](?:development|dev|local|test)['"]$|^['"](?:development|dev|local|test)['"]\s*(?:===?|==)|!==?\s*['"](?:production|prod)['"]$|^['"](?:production|prod)['"]\s*!==?|^[\w.]+\.is(?:Development|Dev|Test)$|^[\w.]+\.in(?:Dev|Test)$|^(?:is_?[dD]ev(?:elopment|Mode)?|IS_DEV(?:ELOPMENT)?|devMode|DEV_MODE|__DEV__)$/;

/** Routes, mounts and what the workspace join needs about them, collected by the per-language finders. */
export class RouteCollector {
  readonly routes: RouteHandler[] = [];
  readonly links: RouteLink[] = [];
  readonly mounts: MountFact[] = [];
  /** NestJS: `@Module({ controllers: […] })` → module class → its controllers (see FileLinks.nestModules). */
  nestModules?: Record<string, string[]>;
  /** NestJS: `RouterModule.register(…)` → module class → its path (see FileLinks.nestRoutes). */
  nestRoutes?: Record<string, string>;
  /** NestJS: modules added only in development or tests (see FileLinks.devOnlyModules). */
  devOnlyModules?: string[];
  /** OvernightJS: `@ChildControllers([…])` → parent controller class → its path and its children (FileLinks.childControllers). */
  childControllers?: Record<string, [string, string[]]>;
  /** Scan indexes of functions that are route handlers (hazards inside them are on a request path). */
  readonly handlerFunctions = new Set<number>();
  /** Route index → scan index of its handler function, when written in this file. */
  readonly handlerOf = new Map<number, number>();
  /** Route index → scan indexes of functions that run before its handler on every request (`@ModelAttribute`). */
  readonly alsoStartOf = new Map<number, number[]>();
  /** Route index → scan index of its registration (graphqlRoutes reads what it serves). */
  readonly registrationOf = new Map<number, number>();
  globalPrefix?: string;
  /** Spring MVC's path prefix for controllers (FileLinks.springPathPrefix). */
  springPathPrefix?: string;
  /** Java: a controller class's own `@RequestMapping` paths, by class name (for mappings an interface declares). */
  classPrefixes?: Record<string, string[]>;
  /** Spring: the concrete `@Controller`/`@RestController` classes (FileLinks.springControllers). */
  springControllers?: string[];

  constructor(
    readonly s: FileStructure,
    readonly file: string,
  ) {}

  add(r: RouteInput): void {
    if (this.developmentOnly(r.at)) return;
    const handlerRange = r.handlerIndex !== undefined ? this.s.rangeOf(r.handlerIndex) : r.declaration;
    if (r.handlerIndex !== undefined) this.handlerFunctions.add(r.handlerIndex);
    if (r.handlerIndex !== undefined) this.handlerOf.set(this.routes.length, r.handlerIndex);
    this.registrationOf.set(this.routes.length, r.at);
    this.routes.push({ method: r.method, path: r.path, framework: r.framework, file: this.file, declaration: r.declaration, handler: handlerRange });
    const link: RouteLink = {
      route: this.routes.length - 1,
      receiver: r.receiver,
      ...(this.s.spec.family === 'js' && r.receiver !== undefined && this.moduleReceiver(r.at, r.receiver) ? { moduleReceiver: true as const } : {}),
      enclosing: this.enclosingNames(r.at, r.receiver),
      handlerChain: r.handlerIndex === undefined ? r.handlerChain : undefined,
      mountable: r.mountable ?? true,
    };
    if (r.viewSet) link.viewSet = r.viewSet;
    if (r.viewClass && link.handlerChain) link.viewClass = r.viewClass;
    if (r.alsoChains?.length) link.alsoStartChains = r.alsoChains;
    if (r.dependsTypes?.length) link.dependsTypes = r.dependsTypes;
    if (r.runs) link.runs = r.runs;
    if (r.controller) link.controller = r.controller;
    if (r.nestEnhancers?.length) link.nestEnhancers = r.nestEnhancers;
    if (r.nestMarks?.length) link.nestMarks = r.nestMarks;
    if (r.ownDecorators) link.ownDecorators = r.ownDecorators;
    if (r.inherited) link.inherited = r.inherited;
    if (r.client) link.client = true;
    if (r.grpc) link.grpc = r.grpc;
    if (r.feathers) link.feathers = r.feathers;
    if (r.strapi) link.strapi = r.strapi;
    if (r.sails) link.sails = r.sails;
    if (r.helper) link.helper = r.helper;
    if (r.modelViews) link.modelViews = r.modelViews;
    if (r.nextPage && link.handlerChain) link.nextPage = true;
    if (r.methodsFrom) link.methodsFrom = r.methodsFrom;
    if (r.nextMethodModule) link.nextMethodModule = r.nextMethodModule;
    if (r.trpcVia?.length) link.trpcVia = r.trpcVia;
    if (r.handlerType) link.handlerType = r.handlerType;
    if (r.handlerFrom?.length) link.handlerFrom = r.handlerFrom;
    if (r.handlerFactory && link.handlerChain) link.handlerFactory = r.handlerFactory;
    if (r.goMadeBy?.length) link.goMadeBy = r.goMadeBy;
    if (r.goRouterType) link.goRouterType = r.goRouterType;
    if (r.goMountedHandler) link.goMountedHandler = true;
    if (r.goHandleParameter) link.goHandleParameter = true;
    if (this.s.spec.family === 'go' && link.handlerChain?.length === 2 && !link.handlerType) {
      // `authAdmin.DELETE("/user/:id", userHandler.DeleteUserByID)` after `userHandler := api.UserAPI{…}`; also from a
      // function around the closure it is written in (wakapi's `r.Group(func(r chi.Router) { r.Get("/x", h.Get) })`
      // in a method of `h *SummariesHandler`).
      for (let f = this.s.functionOf[r.at]; f >= 0; f = this.s.functions[f].outer) {
        const span = this.s.spanOfFunction(f);
        const locals = this.s.goLocalTypesOf(span);
        const type = locals.typeOf(link.handlerChain[0]);
        if (type) {
          link.handlerType = type;
          const made = locals.constructorOf(link.handlerChain[0]);
          if (made) link.handlerFrom = made;
          const factories = goFactoryFields(this.s.text.slice(span.start, span.end), link.handlerChain[0], this.s.nodes[r.at].start - span.start);
          if (factories.length) link.goFactories = factories;
          break;
        }
      }
    }
    this.links.push(link);
  }

  /**
   * A registration under `if settings.DEBUG:`, `if (config.env === 'development')`, `if (process.env.NODE_ENV !==
   * 'production')`, `if (env.isDevelopment)`, `if (env.ENVIRONMENT === 'test')`: a development server's or a test run's
   * route (media files, API docs, the debug toolbar), never production's.
   */
  developmentOnly(at: number): boolean {
    if (!this.s.memo('routes.devMarker', () => DEV_MARKER.test(this.s.text))) return false;
    const node = this.s.nodes[at]?.node;
    for (let child: Node | null = node ?? null, p = node?.parent ?? null; child && p; child = p, p = p.parent) {
      if (p.type !== 'if_statement') continue;
      const condition = (p.childForFieldName('condition')?.text ?? '').replace(/^\(|\)$/g, '').trim();
      if (DEV_CONDITION.test(condition) && p.childForFieldName('consequence')?.equals(child)) return true;
    }
    return false;
  }

  /**
   * Names of the named functions around a scan index, innermost first (Fastify plugins, chi sub-router factories); a
   * module's anonymous default export is `default`. When `receiver` is a parameter of the innermost one, its key
   * `name(k)` comes first: the join mounts there the router a call hands that function as argument k (JavaScript,
   * and a Python function that is no method: DefectDojo's `def add_user_urls(router)`).
   */
  enclosingNames(at: number, receiver?: string): string[] {
    const out: string[] = [];
    const js = this.s.spec.family === 'js';
    const python = this.s.spec.family === 'python';
    // A router of the module, whichever of its functions registers on it (NodeBB's write/users.js: `const router =
    // Router()` at the top, routes added in `authenticatedRoutes()`, which the exported factory calls before `return
    // router`): mounted as that router, or as a function that returns it, not as the function that registers.
    if (js && receiver !== undefined && this.moduleRouter(at, receiver)) return this.returning(receiver);
    for (let f = this.s.functionOf[at]; f >= 0; f = this.s.functions[f].outer) {
      const own = this.s.functions[f].name;
      const name = js ? defaultExportName(this.s.nodes[this.s.functions[f].index].node, own) : own;
      if (!name) continue;
      // `export default (app) => { app.use('/users', route) }`, called `users(app)` where `app` is mounted: the
      // router it is handed is the one of that call (`default(0)`, see routerParameter).
      const fn = this.s.nodes[this.s.functions[f].index].node;
      const param = (js || (python && fn.parent?.parent?.type !== 'class_definition')) && receiver !== undefined && out.length === 0 ? routerParameter(fn, receiver) : undefined;
      // A Fastify plugin written in place (inlinePluginName): what is registered on its own instance is the plugin's
      // alone, not also the function's around it (`app.register(async (v2) => { v2.get('/items') }, { prefix: '/v2' })`
      // in `routes(app)` is `/v2/items` under routes' mounts only); on another name, it is not the plugin's.
      if (js && !own && name.startsWith('register@') && receiver !== undefined) {
        if (routerParameter(fn, receiver, false) === undefined) continue;
        if (param !== undefined) out.push(`${name}(${param})`);
        out.push(name);
        break;
      }
      if (param !== undefined) out.push(`${name}(${param})`);
      out.push(name);
    }
    return out;
  }

  /** The names of the module's functions that return variable `name` (`return router;`), as enclosingNames gives them. */
  private returning(name: string): string[] {
    const s = this.s;
    return s.memo(`js.returning:${name}`, () => {
      const out: string[] = [];
      // (From the whole tree: after an edit this statement's scan may not hold the function that returns it.)
      const functionTypes = new Set(s.spec.functionTypes);
      for (const m of s.text.matchAll(new RegExp(`\\breturn\\s+${name.replace(/\$/g, '\\$')}\\s*(?:;|$|\\n|})`, 'gm'))) {
        let fn = s.tree.rootNode.descendantForIndex(m.index!);
        while (fn && !functionTypes.has(fn.type)) fn = fn.parent;
        const own = fn ? defaultExportName(fn, s.spec.functionName(fn, fn.type, s.text)) : undefined;
        if (own && !out.includes(own)) out.push(own);
      }
      return out;
    });
  }

  /** JavaScript: `name` at scan index `at` is the module's own (written at its top level, or a module router). */
  moduleReceiver(at: number, name: string): boolean {
    return this.s.functionOf[at] < 0 || this.moduleRouter(at, name);
  }

  /** `name` is declared at the module's top level and by none of the functions around scan index `at`. */
  private moduleRouter(at: number, name: string): boolean {
    const s = this.s;
    if (s.functionOf[at] < 0) return false;
    const escaped = name.replace(/\$/g, '\\$');
    // The names declared so, read once per file: a pattern per receiver's name over the whole text made a long file
    // with many receivers quadratic.
    const top = ASCII_NAME.test(name)
      ? s.memo('js.topLevelNames', () => topLevelNames(s.text)).has(name)
      : s.memo(`js.topLevel:${name}`, () => new RegExp(topLevelDeclaration(escaped), 'm').test(s.text));
    if (!top) return false;
    // (A local of a function around it, `const router = …` or `const { router } = params`; its parameters are asked
    // of routerParameter: `setupApiRoute(router, …)` only hands the module's router on.)
    const declared = new RegExp(`\\b(?:const|let|var)\\s+(?:\\{[^}]*\\b)?${escaped}\\b`);
    for (let f = s.functionOf[at]; f >= 0; f = s.functions[f].outer) {
      const fn = s.nodes[s.functions[f].index];
      if (routerParameter(fn.node, name) !== undefined || declared.test(s.text.slice(fn.start, s.nodes[at].start))) return false;
    }
    return true;
  }

  /**
   * JavaScript: the named function around scan index `at` that declares `name` itself (`const anonymousRouter = new
   * Router()`), as enclosingNames names it; undefined for a module's name or a parameter.
   */
  localScope(at: number, name: string): string | undefined {
    const s = this.s;
    const declared = new RegExp(`\\b(?:const|let|var)\\s+${name.replace(/\$/g, '\\$')}\\s*[:=]`);
    for (let f = s.functionOf[at]; f >= 0; f = s.functions[f].outer) {
      const fn = s.nodes[s.functions[f].index];
      if (routerParameter(fn.node, name) !== undefined) return undefined;
      if (!declared.test(s.text.slice(fn.start, s.nodes[at].start))) continue;
      // (The innermost function that declares it, when named: an arrow's local is the named function's around it.)
      for (let g = f; g >= 0; g = s.functions[g].outer) {
        const own = defaultExportName(s.nodes[s.functions[g].index].node, s.functions[g].name);
        if (own) return own;
      }
      return undefined;
    }
    return undefined;
  }

  /** The scan index of a function node given as an argument, when it is one. */
  functionIndexOf(node: Node | undefined): number | undefined {
    if (!node) return undefined;
    return this.s.indexOfNode(node);
  }
}

/** `const name =` (or `let`, `var`, exported) at the start of a line. */
const topLevelDeclaration = (name: string) => `^(?:export\\s+)?(?:const|let|var)\\s+${name}\\s*=`;
const TOP_LEVEL_DECLARED = new RegExp(topLevelDeclaration('([A-Za-z_$][\\w$]*)'), 'gm');

/** Every name topLevelDeclaration declares in the text, trying each place a match can start (as a search per name does). */
function topLevelNames(text: string): Set<string> {
  const out = new Set<string>();
  TOP_LEVEL_DECLARED.lastIndex = 0;
  for (let m = TOP_LEVEL_DECLARED.exec(text); m; m = TOP_LEVEL_DECLARED.exec(text)) {
    out.add(m[1]);
    TOP_LEVEL_DECLARED.lastIndex = m.index + 1;
  }
  TOP_LEVEL_DECLARED.lastIndex = 0;
  return out;
}

/**
 * The name a JavaScript function is imported by: its own (`export default function users()` is `users` in the
 * module's exports, as is `module.exports = function catalog(app)`), or `default` for an anonymous default export
 * (`export default () => {…}`) and an anonymous function assigned to `module.exports` (whose own naming says `exports`).
 */
function defaultExportName(fn: Node, own: string | undefined): string | undefined {
  const parent = fn.parent;
  if (parent?.type === 'export_statement') return own ?? 'default';
  if (parent?.type === 'assignment_expression' && parent.childForFieldName('left')?.text === 'module.exports') return fn.childForFieldName('name')?.text ?? 'default';
  return own ?? inlinePluginName(fn);
}

/**
 * A Fastify plugin written in place, `fastify.register(async (f) => { f.register(users, { prefix: '/users' }) }, {
 * prefix: '/api' })` (dittofeed's buildApp/router.ts): a name of its own, by where it is written, which the
 * registration mounts (javascriptRoutes' mount) and the routes and mounts inside it are enclosed by.
 */
export function inlinePluginName(fn: Node): string | undefined {
  if (fn.type !== 'arrow_function' && fn.type !== 'function_expression' && fn.type !== 'function') return undefined;
  const args = fn.parent;
  const call = args?.type === 'arguments' ? args.parent : undefined;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
  if (callee?.type !== 'member_expression' || callee.childForFieldName('property')?.text !== 'register' || !args!.namedChildren[0]?.equals(fn)) return undefined;
  return `register@${fn.startIndex}`;
}

/** The position of parameter `name` in a JavaScript (or Python) function's parameters, if it is one of them. */
export function routerParameter(fn: Node, name: string, alias = true): number | undefined {
  const single = fn.childForFieldName('parameter');
  if (single) return single.text === name ? 0 : undefined;
  const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
  let k = 0;
  for (const p of params) {
    if (!p || p.type === 'comment') continue;
    // `...[router, tenant]: RouterInitArgs<T>` (logto's route functions): the tuple's items are the arguments from k
    // on; `...args` with `const [router, { queries }] = args` in the body, or handed on whole (`basics(...args)`).
    const rest = p.type === 'rest_pattern' ? p : p.childForFieldName('pattern');
    if (rest?.type === 'rest_pattern') {
      const inner = rest.namedChildren[0];
      if (inner?.type === 'identifier') return inner.text === name ? k : (restItem(fn, inner.text, name, k) ?? (alias ? aliasOf(fn, name) : undefined));
      const j = inner?.type === 'array_pattern' ? inner.namedChildren.findIndex((e) => e?.type === 'identifier' && e.text === name) : -1;
      return j >= 0 ? k + j : alias ? aliasOf(fn, name) : undefined;
    }
    // (Python: `router`, `router: DefaultRouter`, `router=None`.)
    const id = p.type === 'identifier' ? p : (p.childForFieldName('pattern') ?? p.childForFieldName('left') ?? p.childForFieldName('name') ?? (p.type === 'typed_parameter' ? p.namedChildren[0] : null));
    if (id?.text === name) return k;
    k++;
  }
  return alias ? aliasOf(fn, name) : undefined;
}

/**
 * `const experienceRouter = (anonymousRouter as Router<…>).use(mw1, mw2)` (logto): Koa's and Express's `use` return
 * the router, so the name is the parameter's router.
 */
function aliasOf(fn: Node, name: string): number | undefined {
  if (fn.type === 'function_definition') return undefined; // (Python's.)
  const text = fn.text;
  const at = text.indexOf(`const ${name} =`);
  if (at < 0) return undefined;
  const head = text.slice(at + name.length + 8, at + name.length + 408).replace(/\/\/[^\n]*\n/g, '');
  const m = /^\s*\(?\s*([A-Za-z_$][\w$]*)(?:\s+as\s+[^;]*?\))?\s*\.use\(/.exec(head);
  if (!m || m[1] === name) return undefined;
  return routerParameter(fn, m[1], false);
}

/** `const [router, { queries }] = args;` in function `fn` whose rest parameter `args` is its parameter k: k + the item's index. */
function restItem(fn: Node, args: string, name: string, k: number): number | undefined {
  const text = fn.text;
  if (!text.includes(name)) return undefined;
  const m = new RegExp(`\\b(?:const|let|var)\\s*\\[([^=]*?)\\]\\s*=\\s*${args.replace(/\$/g, '\\$')}\\s*[;\\n]`).exec(text);
  if (!m) return undefined;
  // Items at the pattern's top level only: `{ queries, libraries }` is one.
  let depth = 0;
  let item = 0;
  for (const [, word, open, close, comma] of m[1].matchAll(/([\w$]+)|([{[])|([}\]])|(,)/g)) {
    if (open) depth++;
    else if (close) depth--;
    else if (comma && depth === 0) item++;
    else if (word === name && depth === 0) return k + item;
  }
  return undefined;
}

/**
 * Joins a prefix and a route the way routers do: one slash between segments; the route's own trailing slash is
 * kept (Flask and Django report it), and a bare `/` under a prefix is the prefix itself.
 */
export function joinPaths(...parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (!p) continue;
    if (p === '/' && out) continue;
    const seg = p.startsWith('/') ? p : '/' + p;
    out = out.replace(/\/$/, '') + seg;
  }
  return out || '/';
}

/**
 * A template with its variables' patterns left out, as JAX-RS's `uri` and aiohttp's `resource.canonical` report it:
 * `/orders/{id: \\d+}` and `/users/{id:\\d{3}}` are `/orders/{id}` and `/users/{id}`.
 */
export function variableNames(path: string): string {
  return path.replace(/\{([\w.-]+)\s*:[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g, '{$1}');
}

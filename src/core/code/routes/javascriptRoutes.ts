import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { nestEnhancersOf, nestMarksOf } from './nestEnhancers';
import type { CallInfo, FileStructure } from '../fileStructure';
import { calleeChain, stringValue, withoutComments } from '../syntax';
import { inlinePluginName, JOINED_NAMES, joinPaths, NAMED_PART, VERSION_PART, type RouteCollector } from './routeCollector';
import type { MountFact, RouteHelperFact } from '../codeModel';
import { jsStringConstants } from './jsConstants';
import { jsonImports, jsPrefixValue } from './jsPrefixes';
import { passportAuthenticated } from '../languages/javascript';
import { mentions, textOf, type Searchable, type WordSearch } from '../wordSearch';

const METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'all']);
const NEST_METHODS = new Set(['Get', 'Post', 'Put', 'Delete', 'Patch', 'Head', 'Options', 'All']);

/** inversify-express-utils' method decorators, as the NestJS verb each is (`@httpMethod('get', path)` names its own). */
const INVERSIFY_METHODS = new Map([
  ['httpGet', 'Get'],
  ['httpPost', 'Post'],
  ['httpPut', 'Put'],
  ['httpDelete', 'Delete'],
  ['httpPatch', 'Patch'],
  ['httpHead', 'Head'],
  ['httpOptions', 'Options'],
  ['all', 'All'],
]);
const FUNCTION_TYPES = new Set(['arrow_function', 'function_expression', 'function']);
/** Receivers whose `.get('/x', …)` is an outbound request or a lookup, not a route registration. */
const NOT_ROUTERS =
  /^(Reflect|axios|got|ky|superagent|request|supertest|agent|http|https|api|\w*[cC]lient|\w*Api|\$http|fetch\w*|\w*[cC]ache|redis|\w*Map|map|params|\w*[hH]eaders|searchParams|\w*[sS]torage|config|\w*[sS]tore|res|req|ctx|reply|response|url|formData|data|env|process|cookies|session|query)$/;
/** A name a path is kept under: a constant's (`API_PREFIX`), or one named for a path (`pathPrefix`, `routes.userPath`). */
const PATH_NAMED = /(?:^|\.)(?:[A-Z][A-Z0-9_]*|\w*(?:[pP]refix|[pP]ath|PATH|[uU]rl|URL|[rR]oot))$/;
/** Variables created as routers in the file: always routers, whatever their name (and type, `: AnonymousRouter`). */
// (The type: names and `<>,` with single spaces between, so that no run of spaces can be split two ways.)
// (Type arguments may hold an object type with `;`, openstatus' `new OpenAPIHono<{\n  Variables: Variables;\n}>({…})`.)
const ROUTER_VARIABLES = /(?:const|let|var)\s+(\w+)\s*(?::\s*[\w$.<>,]+(?: [\w$.<>,]+)*\s*)?=\s*(?:express\.Router|Router|express|new\s+Router|new\s+KoaRouter|fastify|Fastify|new\s+Hono|new\s+OpenAPIHono|new\s+Koa)\s*(?:<[^()]*>)?\s*\(/g;
const ROUTER_WORDS = ['Router', 'express', 'astify', 'Hono', 'Koa'];

/**
 * Express, Restify, Koa router and Fastify (`app.get('/orders/:id', …handlers)`, `router.route('/x').get(h)`,
 * `fastify.route({ method, url, handler })`), their mounts (`app.use('/api', router)`,
 * `fastify.register(plugin, { prefix })`, `new Router({ prefix })`), and NestJS controllers. Templates are kept
 * exactly as written, which is what their metrics middlewares and OpenTelemetry report (`/orders/:id`).
 */
export function findJavaScriptRoutes(c: RouteCollector): void {
  const s = c.s;
  const framework = s.memo('js.framework', () =>
    s.mentions('koa') && /['"](@koa\/router|koa-router)['"]/.test(s.text)
      ? 'koa'
      : s.mentions('fastify') && /['"]fastify['"]/.test(s.text)
        ? 'fastify'
        : s.mentions('hono') && /['"](?:hono|@hono\/zod-openapi)['"]/.test(s.text)
          ? 'hono'
          : s.mentions('elysia') && /['"]elysia['"]/.test(s.text)
            ? 'elysia'
            : s.mentions('restify') && /['"]restify['"]/.test(s.text)
              ? 'restify'
              : 'express',
  );
  const routers = s.memo('js.routers', () => routerVariables(s.words));
  let factoryValues: { name: string; factory: string }[] | undefined;
  const isRouter = s.memo('js.isRouter', () => routerTest(s.words, routers));
  for (const [i, call] of s.calls) {
    const chain = call.chain;
    const n = chain.length;
    const held = n === 1 ? heldFactoryValue(s, i, chain[0]) : undefined;
    if (held) (factoryValues ??= []).push(held);
    if (n === 1 && /Router$/.test(chain[0])) {
      routerPrefix(c, i, call);
      continue;
    }
    if (n === 1 && chain[0] === 'Elysia' && framework === 'elysia') {
      // `export const users = new Elysia({ prefix: '/users' }).get(…)`: the app's own prefix, as a Koa router's.
      const options = s.argumentsOf(call)[0];
      const prefix = options?.type === 'object' ? jsPrefixValue(s, objectProps(options).get('prefix')) : undefined;
      const name = prefix !== undefined ? ASSIGNED_TO.exec(s.text.slice(Math.max(0, s.nodes[i].start - 120), s.nodes[i].start)) : null;
      if (name) c.mounts.push({ prefix: prefix!, target: [name[1] ?? 'default'], own: true });
      continue;
    }
    if (n === 1 && chain[0] === 'InversifyExpressServer' && s.mentions('inversify-express-utils')) {
      // `new InversifyExpressServer(container, null, { rootPath: '/api' })`: the root of every controller's router.
      const options = s.argumentsOf(call)[2];
      const p = options?.type === 'object' ? stringValue(objectProps(options).get('rootPath')) : undefined;
      if (p !== undefined) c.globalPrefix = p;
      continue;
    }
    if (n === 1 && SERVER_FACTORIES.test(chain[0])) {
      // routing-controllers: `createExpressServer({ routePrefix: '/api', … })` prefixes every controller's routes.
      const options = s.argumentsOf(call).find((a) => a.type === 'object');
      const p = options ? stringValue(objectProps(options).get('routePrefix')) : undefined;
      if (p !== undefined) c.globalPrefix = p;
      continue;
    }
    if (n < 2) {
      handedRouter(c, i, call, routers);
      continue;
    }
    // Restify names DELETE `del`, as Joplin Server's own router does.
    const method = chain[n - 1] === 'del' && (framework === 'restify' || ownRouters(s).has(chain[n - 2])) ? 'delete' : chain[n - 1];
    // (Most calls are none of these: asked before their receivers are read.)
    if (!METHODS.has(method) && !ROUTING_METHODS.has(method) && !OPENAPI_METHODS.has(method)) continue;
    // Hono's routes on an app made in the same chain (`export const auth = new Hono().post('/signin', h).get(…)`).
    const fresh = freshReceiver(s, i, call);
    // Routes chained on an app or router, `api.get('/a', h).get('/b', h2)` (each returns it): all on its root.
    const chainedOn = fresh ? undefined : chainRoot(chain);
    const receiver = fresh ?? chainedOn ?? chain[n - 2];
    // On a controller class's own router: the class, as its mounts name it (`new FeatureController(…).router`).
    const instance = classRouter(s, i, chain);
    if (METHODS.has(method)) {
      if (n >= 3 && !fresh && isRouteChain(chain)) chainedRoute(c, i, call);
      // A link of an app's chain made in place is declared at its method, also when the chain is not assigned.
      else if (fresh || isRouter(receiver)) shorthandRoute(c, i, call, method, instance ?? receiver, framework, !!fresh || !!chainedOn || chain[0] === 'Hono' || chain[0] === 'Elysia');
    } else if (OPENAPI_METHODS.has(method)) {
      // (A route made by `createRoute` says itself what it is registered on, whatever its name: openstatus' `api`
      // parameters, a name that is an HTTP client's elsewhere. `doc` only on an app the file makes: Firestore's
      // `db.doc('/users/1')` is a document.)
      if (method === 'openapi' || (framework === 'hono' && (fresh || routers.has(receiver)))) zodOpenApiRoute(c, i, call, method, receiver, !!fresh || !!chainedOn);
    } else if (method === 'register' && framework === 'koa' && isRouter(receiver) && koaRegister(c, i, call, receiver)) {
      // Routes, not a mount.
    } else if (method === 'use' && framework === 'express' && isRouter(receiver) && useEndpoint(c, i, call, receiver)) {
      // An endpoint, not a mount.
    } else if (method === 'use' || method === 'register') {
      mount(c, call, instance ?? (method === 'use' ? useReceiver(s, i, call) : receiver), method === 'register');
    } else if (method === 'route' && (fresh || isRouter(receiver)) && s.argumentsOf(call).length === 2) {
      // Hono: `app.route('/api/auth', auth)` mounts the app `auth` under the path.
      mount(c, call, receiver, false);
    } else if (method === 'basePath' && fresh) {
      // Hono: `const app = new Hono().basePath('/api')`: the app's own prefix.
      const p = jsPrefixValue(s, s.argumentsOf(call)[0]);
      if (p !== undefined && p !== '/') c.mounts.push({ prefix: p.replace(/\/$/, ''), target: [fresh], own: true });
    } else if (method === 'route' && isRouter(receiver)) {
      // A controller class's route objects go to its Express router (Unleash's Controller.route); a router class's
      // own table, `this.route('GET', '/classes/:className', handler)` (parse-server's PromiseRouter), too.
      if (!(instance && routerClassRoute(c, i, call, instance))) fastifyRouteObject(c, i, call, instance ?? receiver, instance ? 'express' : undefined);
    } else if (method === 'setGlobalPrefix') {
      const arg = s.argumentsOf(call)[0];
      // (Also a constant of the file, top-level or in the bootstrap function: reactive-resume's `const globalPrefix =
      // "api"; app.setGlobalPrefix(globalPrefix);`.)
      const p = stringValue(arg) ?? (arg?.type === 'identifier' ? onlyStringConstant(s.text, arg.text) : undefined);
      if (p !== undefined) c.globalPrefix = p;
      else {
        // `configService.getOrThrow('app.apiPrefix', …)` (brocoders/nestjs-boilerplate): the join reads the default
        // the config gives that key (`apiPrefix: process.env.API_PREFIX || 'api'`).
        const key = arg?.type === 'call_expression' && /\.(?:get|getOrThrow)\s*(?:<[^>]*>)?\s*\(\s*['"]([\w.]+)['"]/.exec(arg.text)?.[1];
        if (key) c.globalPrefix = `${NAMED_PART}config:${key.split('.').pop()}${NAMED_PART}`;
      }
    } else if (method === 'prefix' && n === 2) {
      const p = stringValue(s.argumentsOf(call)[0]);
      if (p !== undefined) c.mounts.push({ prefix: p, target: [receiver], own: true });
    }
  }
  if (factoryValues) factoryMounts(c, factoryValues);
  helperRoutes(c, isRouter);
  nestControllers(c);
}

/** What a declaration's value follows: `= f(…)`, `= await f(…)`. */
const VALUE_OF = /=\s*(?:await\s+)?$/;

/**
 * `export const slackRoute = createSlackRoute(config)` at the top of a module: the value a function returns, `{ name:
 * 'slackRoute', factory: 'createSlackRoute' }`. Not a router's or app's own constructor, nor `require(…)`.
 */
function heldFactoryValue(s: FileStructure, i: number, factory: string): { name: string; factory: string } | undefined {
  if (s.functionOf[i] >= 0 || s.nodes[i].type !== 'call_expression' || ROUTER_FACTORIES.test(factory) || !VALUE_OF.test(s.text.slice(Math.max(0, s.nodes[i].start - 16), s.nodes[i].start))) return undefined;
  let node = s.nodes[i].node;
  if (node.parent?.type === 'await_expression') node = node.parent;
  const declarator = node.parent;
  const name = declarator?.type === 'variable_declarator' && declarator.childForFieldName('value')?.equals(node) ? declarator.childForFieldName('name') : undefined;
  return name?.type === 'identifier' ? { name: name.text, factory } : undefined;
}

/**
 * A module's value made by a function that makes a router or app, registers routes on it and returns it (openstatus'
 * `export const slackRoute = createSlackRoute(slackConfigFromEnv())`, mounted in another module as `app.route("/slack",
 * slackRoute)`): the function mounted on the value, so that its routes take the value's prefixes (`/slack/install`),
 * as they do when the call itself is mounted, `app.route("/slack", createSlackRoute(config))`. Only where the function
 * registers routes or mounts routers in this module, or the value is mounted here.
 */
function factoryMounts(c: RouteCollector, held: { name: string; factory: string }[]): void {
  const registering = new Set<string>();
  for (const l of c.links) for (const name of l.enclosing ?? []) registering.add(name);
  for (const m of c.mounts) for (const name of m.enclosing ?? []) registering.add(name);
  const mounted = new Set(c.mounts.flatMap((m) => (m.target.length === 1 && !m.module && !m.own ? m.target : [])));
  for (const { name, factory } of held) {
    if (registering.has(factory) || mounted.has(name)) c.mounts.push({ prefix: '', receiver: name, target: [factory] });
  }
}

/** The string the file's one declaration of `name` holds (`const globalPrefix = "api"`), if it has one only. */
function onlyStringConstant(text: string, name: string): string | undefined {
  const found = [...text.matchAll(new RegExp(`\\b(?:const|let|var)\\s+${name.replace(/\$/g, '\\$')}\\s*(?::\\s*string\\s*)?=\\s*(['"\`])([^'"\`$\\n]*)\\1`, 'g'))];
  return found.length === 1 ? found[0][2] : undefined;
}

/** The methods of an app or router other than a route's that say something of its routes (read below). */
const ROUTING_METHODS = new Set(['register', 'use', 'route', 'basePath', 'setGlobalPrefix', 'prefix']);

/** The fields a controller class keeps its router in (`this.router.get(…)`, `this.app.use(…)`). */
const INSTANCE_ROUTER = /^(?:app|router|routes|server)$/;

/**
 * The class whose own router a call registers on: `this.route({…})` and `this.get(…)` in a class extending a
 * controller base (Unleash), `this.router.get(…)` in the common `class UsersController { router = Router() }`.
 * Routes and mounts there belong to the instance, mounted elsewhere as `new UsersController(…).router` (mountTarget):
 * both are named for the class.
 */
function classRouter(s: FileStructure, i: number, chain: readonly string[]): string | undefined {
  if (chain[0] !== 'this' || !(chain.length === 2 || (chain.length === 3 && INSTANCE_ROUTER.test(chain[1])))) return undefined;
  for (let f = s.functionOf[i]; f >= 0; f = s.functions[f].outer) {
    const owner = s.functions[f].owner;
    if (owner) return /^[A-Z]/.test(owner) ? owner : undefined;
  }
  return undefined;
}

/** A method and a path given side by side: `"get", "/etapi/notes"`. */
const METHOD_THEN_PATH = /['"](?:get|post|put|patch|delete|head|options|all)['"]\s*,\s*['"`]\//i;

/** `router[method](path, …)`: a registration whose method a variable holds (the router, the method, the path). */
const REGISTERS_BY_METHOD = /\b([A-Za-z_$][\w$]*)\s*\[\s*([A-Za-z_$][\w$]*)\s*\]\s*\(\s*([A-Za-z_$][\w$]*)\s*[,)]/;

/** Where a project's own route helper takes the route's method, path and handler, and the router it registers on. */
interface RouteHelper {
  method: number;
  path: number;
  handler: number;
  receiver: string;
}

/**
 * A project's own route helper (Trilium's `function route(method, path, middleware, handler) { router[method](path,
 * …middleware, (req, res) => … handler(req, res) …) }`, and `apiRoute(method, path, handler)`, which calls it with its
 * own): each call of it with a method and a path registers that route, on the router of this file it registers on.
 */
function helperRoutes(c: RouteCollector, isRouter: (name: string) => boolean): void {
  const s = c.s;
  // A method chosen by a variable, or a method and a path given side by side: the words spare most files the search.
  const helpers = s.mentions('](') ? routeHelpers(s, isRouter) : undefined;
  const remote = REMOTE_PATH_WORDS.some((w) => s.mentions(w));
  if (!helpers?.size && !remote) return;
  for (const [i, call] of s.calls) {
    const helper = call.chain.length === 1 ? helpers?.get(call.chain[0]) : undefined;
    if (!helper) {
      if (remote) remoteHelperRoute(c, i, call, isRouter);
      continue;
    }
    const args = s.argumentsOf(call);
    const method = methodValue(s, args[helper.method]);
    const path = stringValue(args[helper.path]);
    if (!method || path === undefined || !path.startsWith('/')) continue;
    const handler = resolveHandler(c, args[helper.handler]);
    if (!handler) continue;
    c.add({ method: method === 'all' ? 'ANY' : method.toUpperCase(), path, framework: 'express', declaration: s.rangeOf(i), ...handler, receiver: helper.receiver, at: i });
  }
}

/**
 * A call that gives a router, a method and a path to a function of another module (Trilium's etapi routes:
 * `eu.route(router, "get", "/etapi/notes/:noteId", (req, res, next) => {…})`): a route on that router, if the join
 * finds the function registers what it is given (FunctionFact.routeHelper); a client's `api.call(client, "get",
 * "/users", cb)` is not.
 */
function remoteHelperRoute(c: RouteCollector, i: number, call: CallInfo, isRouter: (name: string) => boolean): void {
  const s = c.s;
  if (METHODS.has(call.chain[call.chain.length - 1]) || call.argsStart < 0) return;
  // The text first: most calls of such a file give no method and path side by side, and need no argument nodes.
  const written = s.text.slice(call.argsStart, call.argsEnd);
  if (ROUTER_THEN_PATH.test(written)) fixedHelperRoute(c, i, call, isRouter);
  if (!METHOD_THEN_PATH.test(written)) return;
  const args = s.argumentsOf(call);
  if (args.length < 4) return;
  for (let k = 1; k + 2 < args.length; k++) {
    const method = stringValue(args[k])?.toLowerCase();
    const path = method && METHODS.has(method) ? stringValue(args[k + 1]) : undefined;
    if (path === undefined || !path.startsWith('/')) continue;
    const routers = args.slice(0, k).flatMap((a, j) => (a.type === 'identifier' ? [j] : []));
    if (routers.length !== 1) return;
    const handler = resolveHandler(c, args[args.length - 1]);
    if (!handler) return;
    const receiver = args[routers[0]].text;
    c.add({
      method: method === 'all' ? 'ANY' : method!.toUpperCase(),
      path,
      framework: 'express',
      declaration: s.rangeOf(i),
      ...handler,
      receiver,
      at: i,
      helper: { chain: call.chain, router: routers[0], method: k, path: k + 1 },
    });
    return;
  }
}

/** A path given after another argument, quoted or in a template: what a call of another module's route helper has. */
const REMOTE_PATH_WORDS = [', "/', ", '/", ', `/', ',"/', ",'/", ',`/'];

/** A router, then a path, as a call's first arguments: `(app, '/login', …`. */
const ROUTER_THEN_PATH = /^\(\s*[A-Za-z_$][\w$]*\s*,\s*['"`]\//;

/**
 * A call that gives a router and a path, and last a handler, to a function of another module that registers with
 * methods of its own (NodeBB's `setupPageRoute(app, '/login', middlewares, controllers.login)`, which registers
 * `GET /login` and `GET /api/login`): a route on that router, if the join finds the function does so
 * (FunctionFact.routeHelper's `registers`), with the methods and paths it registers.
 */
function fixedHelperRoute(c: RouteCollector, i: number, call: CallInfo, isRouter: (name: string) => boolean): void {
  const s = c.s;
  const args = s.argumentsOf(call);
  const path = stringValue(args[1]);
  // (A client given to a helper of the same shape, `hit(client, '/smoke', done)`, is sent a request.)
  if (args.length < 3 || args[0].type !== 'identifier' || !isRouter(args[0].text) || path === undefined || !path.startsWith('/')) return;
  const handler = resolveHandler(c, args[args.length - 1]);
  if (!handler) return;
  // (GET until the join reads the helper's own methods.)
  c.add({ method: 'GET', path, framework: 'express', declaration: s.rangeOf(i), ...handler, receiver: args[0].text, at: i, helper: { chain: call.chain, router: 0, method: -1, path: 1 } });
}

/**
 * A function that registers on the router it is given, with the method and path it is given (`function route(router,
 * method, path, handler) { router[method](path, …) }`): where those parameters are. Or with methods of its own, at the
 * path it is given and at that path under prefixes (NodeBB's `setupPageRoute(...args)`: `router.get(name, …)` and
 * `router.get(\`/api${name}\`, …)`): `method` is then -1, and `registers` says what it registers. (`byMethod` false:
 * the file has no `](`, and the first kind is not looked for.)
 */
export function routeHelperParams(fn: Node, kinds: { byMethod: boolean; fixed: boolean }): RouteHelperFact | undefined {
  const body = fn.childForFieldName('body')?.text ?? '';
  let params: string[] | undefined;
  const m = kinds.byMethod ? REGISTERS_BY_METHOD.exec(body) : null;
  if (m) {
    params = parameterNames(fn);
    const [router, method, path] = [params.indexOf(m[1]), params.indexOf(m[2]), params.indexOf(m[3])];
    if (router >= 0 && method >= 0 && path >= 0) return { router, method, path };
  }
  // (The body first: most functions register nothing, and their parameters need not be read.)
  if (!kinds.fixed || !MAY_REGISTER.test(body)) return undefined;
  // The first two parameters, the router and the path, as the calls fixedHelperRoute reads give them; the first
  // named as a router or an app: `getJson(http, path, done) { return http.get(path, done); }` sends a request.
  params ??= parameterNames(fn);
  const [router, name] = params;
  if (!router || !ROUTER_PARAMETER.test(router) || !name) return undefined;
  const registers: { method: string; prefix: string }[] = [];
  // (Not a registration left in a comment.)
  for (const r of withoutComments(body).matchAll(registrationsOf(router, name))) registers.push({ method: r[1] === 'all' ? 'ANY' : r[1].toUpperCase(), prefix: r[2] ?? '' });
  return registers.length ? { router: 0, method: -1, path: 1, registers } : undefined;
}

/** A call of a method a route helper registers with: what a function must have to be asked (routeHelperParams). */
export const MAY_REGISTER = /\.(?:get|post|put|patch|delete|all)\(/;

const ROUTER_PARAMETER = /^(?:router|app|server|routes|\w*Router|\w*App)$/;

/** `router.get(name, …`, `router.get(\`/api${name}\`, …`: a registration with a method of its own, at the name or under a prefix. */
function registrationsOf(router: string, name: string): RegExp {
  const n = name.replace(/\$/g, '\\$');
  return new RegExp(`(?<![\\w$.])${router}\\.(get|post|put|patch|delete|all)\\(\\s*(?:${n}|\`([^\`$]*)\\$\\{${n}\\}\`)\\s*,`, 'g');
}

/**
 * The file's route helpers by name: those that register (`router[method](path, …)`), then those that call one. Read
 * from the whole file's top-level functions, whichever statement an edit re-reads, and part of the context of its
 * statements (routeHelperKey): a change to a helper reads its callers again.
 */
function routeHelpers(s: FileStructure, isRouter: (name: string) => boolean): Map<string, RouteHelper> {
  return s.memo('js.routeHelpers', () => fileRouteHelpers(s.tree, s.words, isRouter));
}

/**
 * Only the top-level statements around a `](` (and, for those that hand on to a helper, around a call of it) are
 * looked at: walking every statement of a 3,000-line file took 8 ms, on each edit of one that has a helper.
 */
function fileRouteHelpers(tree: Tree, words: WordSearch, isRouter: (name: string) => boolean): Map<string, RouteHelper> {
  const out = new Map<string, RouteHelper>();
  const functionsAround = (offsets: readonly number[]) => {
    const seen = new Set<number>();
    const found: { name: string; node: Node }[] = [];
    for (const at of offsets) {
      let statement = tree.rootNode.namedDescendantForIndex(at);
      // Up to a child of the root (a program, or an ERROR node while the file does not parse).
      while (statement?.parent?.parent) statement = statement.parent;
      if (!statement || seen.has(statement.id)) continue;
      seen.add(statement.id);
      found.push(...functionsOf(statement));
    }
    return found;
  };
  for (const { name, node } of functionsAround(words.all(']('))) {
    const params = parameterNames(node);
    const body = node.childForFieldName('body')?.text ?? '';
    const m = REGISTERS_BY_METHOD.exec(body);
    if (!m || params.includes(m[1]) || !isRouter(m[1])) continue;
    const method = params.indexOf(m[2]);
    const path = params.indexOf(m[3]);
    // The handler: a parameter the helper calls, or hands on last (`router[method](path, mw, handler)`).
    const handler = params.findIndex((p, k) => k !== method && k !== path && p && new RegExp(`(?<![\\w$.])${p.replace(/\$/g, '\\$')}\\s*[()]`).test(body));
    if (method >= 0 && path >= 0 && handler >= 0) out.set(name, { method, path, handler, receiver: m[1] });
  }
  // Helpers that hand their own method, path and handler to one (Trilium's `apiRoute` to `route`): two levels.
  for (let round = 0; round < 2 && out.size; round++) {
    for (const helperName of [...out.keys()]) {
      for (const { name, node } of functionsAround(words.all(`${helperName}(`))) {
        if (out.has(name)) continue;
        const params = parameterNames(node);
        for (const call of node.childForFieldName('body')?.descendantsOfType('call_expression') ?? []) {
          const callee = call?.childForFieldName('function');
          const inner = callee?.type === 'identifier' ? out.get(callee.text) : undefined;
          if (!inner) continue;
          const args = (call!.childForFieldName('arguments')?.namedChildren ?? []).map((a) => (a?.type === 'identifier' ? a.text : ''));
          const at = (index: number) => (args[index] ? params.indexOf(args[index]) : -1);
          const helper = { method: at(inner.method), path: at(inner.path), handler: at(inner.handler), receiver: inner.receiver };
          if (helper.method >= 0 && helper.path >= 0 && helper.handler >= 0) out.set(name, helper);
          break;
        }
      }
    }
  }
  return out;
}

/** The named functions a top-level statement declares: a declaration, exported or not, or arrow functions kept in constants. */
function functionsOf(statement: Node): { name: string; node: Node }[] {
  const declared = statement.type === 'export_statement' ? statement.childForFieldName('declaration') : statement;
  if (!declared) return [];
  if (declared.type === 'function_declaration' || declared.type === 'generator_function_declaration') {
    const name = declared.childForFieldName('name')?.text;
    return name ? [{ name, node: declared }] : [];
  }
  if (declared.type !== 'lexical_declaration' && declared.type !== 'variable_declaration') return [];
  const out: { name: string; node: Node }[] = [];
  for (const d of declared.namedChildren) {
    const value = d?.type === 'variable_declarator' ? d.childForFieldName('value') : null;
    const name = d?.childForFieldName('name');
    if (value && name?.type === 'identifier' && FUNCTION_TYPES.has(value.type)) out.push({ name: name.text, node: value });
  }
  return out;
}

/**
 * What statements of the file read of its route helpers, and the methods its constants name (`const GET = "get"`):
 * part of their context for an edit (analyzeFile), so that changing either reads the helpers' callers again.
 */
export function routeHelperKey(words: WordSearch, tree: Tree): string {
  if (!words.has('](')) return '';
  const helpers = fileRouteHelpers(tree, words, routerTest(words));
  if (!helpers.size) return '';
  const constants = [...words.text.matchAll(/\b([A-Za-z_$][\w$]*)\s*=\s*['"](get|post|put|patch|delete|head|options|all)['"]/gi)].map((m) => `${m[1]}=${m[2]}`);
  return JSON.stringify([...helpers, ...constants]);
}

/**
 * A function's parameter names in order ('' for a pattern that names none). Also those of a function that takes
 * them all as one rest parameter and names them at once: NodeBB's `setupApiRoute = function (...args) { const
 * [router, verb, name] = args; … }`.
 */
export function parameterNames(fn: Node): string[] {
  const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
  const rest = params.length === 1 && params[0]?.type === 'rest_pattern' ? params[0].namedChildren[0] : undefined;
  if (rest?.type === 'identifier') {
    const named = new RegExp(`\\b(?:const|let|var)\\s*\\[([^\\]=]*)\\]\\s*=\\s*${rest.text.replace(/\$/g, '\\$')}\\s*[;\\n]`).exec(fn.childForFieldName('body')?.text ?? '');
    if (named) return named[1].split(',').map((name) => (/^[A-Za-z_$][\w$]*$/.test(name.trim()) ? name.trim() : ''));
  }
  return params.map((p) => {
    if (!p) return '';
    if (p.type === 'identifier') return p.text;
    const inner = p.childForFieldName('pattern') ?? p.childForFieldName('left');
    return inner?.type === 'identifier' ? inner.text : '';
  });
}

/** An HTTP method written as a string or named by a constant of the file (`const GET = "get", PST = "post"`). */
function methodValue(s: FileStructure, arg: Node | undefined): string | undefined {
  const literal = stringValue(arg)?.toLowerCase();
  if (literal !== undefined) return METHODS.has(literal) ? literal : undefined;
  if (arg?.type !== 'identifier') return undefined;
  const m = new RegExp(`(?<![\\w$.])${arg.text.replace(/\$/g, '\\$')}\\s*=\\s*['"](\\w+)['"]`).exec(s.text);
  const value = m?.[1].toLowerCase();
  return value && METHODS.has(value) ? value : undefined;
}

/** Variables created as routers in the file. The words a router's constructor needs spare most files the pattern. */
function routerVariables(words: WordSearch): Set<string> {
  if (!ROUTER_WORDS.some((w) => words.has(w))) return new Set<string>();
  const out = new Set([...words.text.matchAll(ROUTER_VARIABLES)].map((m) => m[1]));
  // A Fastify plugin written in place names its instance as it likes, `app.register(async (api) => { api.get('/items',
  // h) }, { prefix: '/api' })`: a router, whatever the name says elsewhere.
  if (words.has('astify') && words.has('.register(')) for (const m of words.text.matchAll(INLINE_PLUGIN_INSTANCE)) out.add(m[1] ?? m[2]);
  return out;
}

/** `.register(async (api) =>`, `.register(function (instance, opts, done)`: the instance a plugin written in place is given. */
const INLINE_PLUGIN_INSTANCE = /\.register\(\s*(?:async\s+)?(?:function\s*[\w$]*\s*\(\s*([\w$]+)|\(\s*([\w$]+)\s*(?::[^,)]*)?[,)][^)]*\)\s*(?::[^=]*)?=>)/g;

/**
 * Whether a name is a router in the file: one it creates, or any name not known as something else: not a name
 * the file gives an HTTP client's instance (`const inventory = axios.create({ baseURL })`, then
 * `inventory.post('/reserve', req.body)` is a request, not a route).
 */
function routerTest(words: WordSearch, routers = routerVariables(words)): (name: string) => boolean {
  const clients = clientVariables(words);
  return (name) => routers.has(name) || (!NOT_ROUTERS.test(name) && !clients.has(name));
}

/** Instances of an HTTP client made in the file: axios', got's, ky's, superagent's and request's (also a field's, `this.api = …`). */
const CLIENT_VARIABLES = /(?:\b(?:const|let|var)\s+|\bthis\.)([A-Za-z_$][\w$]*)\s*(?::\s*[\w.<>]+\s*)?=\s*(?:await\s+)?(?:axios|got|ky|superagent|request)\.(?:create|extend|agent|defaults)\(/g;
/**
 * The factory calls CLIENT_VARIABLES reads, as words: the edit cache's context asks for them on every keystroke, and
 * `.create(` alone is in most files (an ORM's `repo.create(…)`), which would then be read whole each time.
 */
const CLIENT_FACTORIES = ['axios', 'got', 'ky', 'superagent', 'request'].flatMap((lib) => ['create', 'extend', 'agent', 'defaults'].map((f) => `${lib}.${f}(`));

export function clientVariables(words: WordSearch): Set<string> {
  return CLIENT_FACTORIES.some((w) => words.has(w)) ? new Set([...words.text.matchAll(CLIENT_VARIABLES)].map((m) => m[1])) : new Set<string>();
}

/** Routers made from a Router class the project writes itself (imported from a relative path), by variable name. */
function ownRouters(s: FileStructure): Set<string> {
  return s.memo('js.ownRouters', () => {
    const classes = new Set([...s.text.matchAll(/\bimport\s+(\w*Router)\s+from\s+['"]\.{1,2}\/[^'"]*['"]/g)].map((m) => m[1]));
    if (!classes.size) return new Set<string>();
    return new Set([...s.text.matchAll(/(?:const|let|var)\s+(\w+)\s*(?::\s*[\w.]+\s*)?=\s*new\s+(\w+)\s*\(/g)].filter((m) => classes.has(m[2])).map((m) => m[1]));
  });
}

/**
 * The router a `use()` mounts on, through a chain of them: `app.use(a).use(b)` mounts both on `app`. On a router made
 * in the chain (`const api = Router().use(a).use(b)`, `export default Router().use('/api', api)`), it is the name
 * the chain is given, or the module's default export.
 */
export function useReceiver(s: FileStructure, i: number, call: CallInfo): string {
  const chain = call.chain;
  let k = chain.length - 2;
  while (k > 0 && chain[k] === 'use') k--;
  const start = s.nodes[i].start;
  if (!FRESH_ROUTER.test(s.text.slice(start, call.argsStart >= 0 ? call.argsStart : s.nodes[i].end))) return chain[k];
  const before = ASSIGNED_TO.exec(s.text.slice(Math.max(0, start - 120), start));
  return before ? (before[1] ?? 'default') : chain[k];
}

const FRESH_ROUTER = /^(?:new\s+)?(?:[\w$]+\s*\.\s*)?Router\s*\(/;
const ASSIGNED_TO = /(?:(?:const|let|var)\s+([\w$]+)\s*=|export\s+default|module\.exports\s*=)\s*$/;

/** Links a Hono app made in place may be built with before the call (`new Hono().basePath('/api').get(…).post(…)`). */
const HONO_LINKS = new Set([...METHODS, 'use', 'basePath', 'route', 'on', 'group', 'openapi', 'doc', 'doc31']);

/**
 * The name of a Hono app made in the call's own chain (`const auth = new Hono().post(…)`, `export default new
 * Hono().get(…)`): what the chain is assigned to, or the module's default export. Undefined for any other chain.
 */
function freshReceiver(s: FileStructure, i: number, call: CallInfo): string | undefined {
  const chain = call.chain;
  // Elysia's apps are built the same way (`new Elysia().get('/', h).group('/api', …)`).
  if (chain.length < 2 || (chain[0] !== 'Hono' && chain[0] !== 'OpenAPIHono' && chain[0] !== 'Elysia') || !chain.slice(1, -1).every((link) => HONO_LINKS.has(link))) return undefined;
  const start = s.nodes[i].start;
  const before = ASSIGNED_TO.exec(s.text.slice(Math.max(0, start - 120), start));
  return before ? (before[1] ?? 'default') : undefined;
}

function shorthandRoute(c: RouteCollector, i: number, call: CallInfo, method: string, receiver: string, framework: string, inChain = false): void {
  const args = c.s.argumentsOf(call);
  if (args.length < 2) return;
  // A path built from what the file says (`${this.path}/:id` with `public path = '/users'`, a constant): read here;
  // one naming another module's value is not a route path this can be sure of.
  // A name too (`router.get(pathPrefix, …)`, `${accountApiPrefix}/primary-email` with the constant imported): the
  // join reads it where it is declared, and keeps the route only if it is a path there.
  // (Any name a `const` of the file declares, logto's `const pathname = '/applications/:id/access-control'` in the route function.)
  // (Also a member of an imported JSON file, outline's `router.get(config.id, …)` with `import config from "../../plugin.json"`.)
  const named = (args[0].type === 'identifier' || args[0].type === 'member_expression') && (PATH_NAMED.test(args[0].text) || c.s.mentions(`const ${args[0].text} =`) || (args[0].type === 'member_expression' && jsonImports(c.s).has(args[0].text.split('.')[0])));
  const literal = stringValue(args[0]);
  const built = literal === undefined && (['template_string', 'binary_expression', 'string'].includes(args[0].type) || named) ? jsPrefixValue(c.s, args[0]) : undefined;
  let path = literal ?? (built !== undefined && (!built.includes(NAMED_PART) || JOINED_NAMES.has(framework)) ? built : undefined);
  // Restify's options instead of a path: `server.get({ path: '/users/:id', version: '1.0.0' }, h)`.
  if (path === undefined && framework === 'restify' && args[0].type === 'object') path = stringValue(objectProps(args[0]).get('path'));
  let first = 1; // the first argument after the path
  if (path !== undefined && !path.startsWith('/') && !path.startsWith(NAMED_PART) && path !== '*') {
    // Koa router's named routes: router.get('user', '/users/:id', handler)
    const second = stringValue(args[1]);
    if (second !== undefined && second.startsWith('/') && args.length >= 3) {
      path = second;
      first = 2;
    }
    // Koa router joins a path with no leading slash under its prefix (outline's `router.post('documents.list', …)`
    // under `router.use('/', …)` serves /documents.list); Express would never match it.
    else if (framework === 'koa' && second === undefined && /^[\w.:-]/.test(path)) path = '/' + path;
    // The project's own router class, as Joplin Server's (`new Router(RouteType.Api)` from utils/Router, then
    // `router.get('api/items/:id', …)`): its paths are from the root, written without the slash.
    else if (second === undefined && /^[\w.:-]/.test(path) && ownRouters(c.s).has(receiver)) path = '/' + path;
    else return;
  }
  // The same of a JSON file's member, read in the join: outline's `` router.get(`${config.id}.callback`, …) `` is
  // /google.callback (and a named route's name, `router.get(config.id, '/x', h)`, is no path). A constant of the code
  // must hold a path itself (`router.get(CACHE_KEY, …)` with `CACHE_KEY = 'users'` is no route).
  if (framework === 'koa' && path?.startsWith(NAMED_PART) && jsonImports(c.s).has(path.slice(NAMED_PART.length).split('.')[0])) {
    const second = stringValue(args[1]);
    if (second?.startsWith('/') && args.length >= 3) {
      path = second;
      first = 2;
    } else path = '/' + path;
  }
  // Express and Koa router serve one handler at each path of a list: `router.get(['/.well-known/x', '/.well-known/x/mcp'], h)`.
  const paths = path === undefined && args[0].type === 'array' ? args[0].namedChildren.flatMap((p) => stringValue(p ?? undefined) ?? []).filter((p) => p.startsWith('/')) : path === undefined ? [] : [path];
  if (!paths.length) return;
  // A filter on every path under a wildcard that hands each request on (Wiki.js' `app.all('/*', (req, res, next) =>
  // { if (redirect) …; next() })`): middleware, not a route.
  if (paths.every((p) => p.endsWith('*')) && passesOn(args[args.length - 1])) return;
  const handler = resolveHandler(c, args[args.length - 1]);
  if (!handler) return;
  // On the callback's parameter, also through a chain of routes (`(app) => app.get(…).post(…)`).
  const groups = framework === 'elysia' ? elysiaGroups(c.s.nodes[i].node, call.chain[0]) : '';
  for (const p of paths) {
    c.add({
      method: method === 'all' ? 'ANY' : method.toUpperCase(),
      path: groups + p,
      framework,
      // A link of a chain (`new Hono().post(…).get(…)`): from its own method name, not the chain's start.
      declaration: inChain && call.argsStart > 0 ? c.s.rangeOfSpan(c.s.text.lastIndexOf('.', call.argsStart) + 1, c.s.nodes[i].end) : c.s.rangeOf(i),
      ...handler,
      receiver,
      at: i,
      alsoChains: middlewareChains(args.slice(first, -1)),
    });
  }
}

/** @hono/zod-openapi's methods of an `OpenAPIHono` app that register routes. */
const OPENAPI_METHODS = new Set(['openapi', 'doc', 'doc31']);

/**
 * @hono/zod-openapi (openstatus' API v1): `api.openapi(createRoute({ method: 'get', path: '/{id}', … }), handler)`, the
 * route also kept in a variable of the module first, `const getRoute = createRoute({…})`, is Hono's route at the path
 * with `{id}` as `:id`, as the app registers it (`route.path.replaceAll(/\/{(.+?)}/g, '/:$1')`), run after the
 * route's own `middleware`; `api.doc('/openapi', {…})` and `doc31` serve the document by GET, with no handler of the
 * project. Not a schema's `z.string().openapi({ example })`.
 */
function zodOpenApiRoute(c: RouteCollector, i: number, call: CallInfo, method: string, receiver: string, inChain: boolean): void {
  const s = c.s;
  const args = s.argumentsOf(call);
  const declaration = inChain && call.argsStart > 0 ? s.rangeOfSpan(s.text.lastIndexOf('.', call.argsStart) + 1, s.nodes[i].end) : s.rangeOf(i);
  if (method !== 'openapi') {
    const path = stringValue(args[0]);
    if (path?.startsWith('/') && args.length >= 2) c.add({ method: 'GET', path, framework: 'hono', declaration, receiver, at: i });
    return;
  }
  const route = args.length >= 2 ? createRouteConfig(s, args[0]) : undefined;
  if (!route) return;
  const props = objectProps(route);
  const verb = stringValue(props.get('method'))?.toLowerCase();
  const path = stringValue(props.get('path'));
  const handler = verb && METHODS.has(verb) && path?.startsWith('/') ? resolveHandler(c, args[1]) : undefined;
  if (!handler) return;
  const middleware = props.get('middleware');
  c.add({
    method: verb === 'all' ? 'ANY' : verb!.toUpperCase(),
    path: path!.replace(/\/\{(.+?)\}/g, '/:$1'),
    framework: 'hono',
    declaration,
    ...handler,
    receiver,
    at: i,
    alsoChains: middleware ? middlewareChains(middleware.type === 'array' ? middleware.namedChildren.flatMap((m) => m ?? []) : [middleware]) : [],
  });
}

/** The object given to `createRoute({…})`, written in place or in the module's variable the route names. */
function createRouteConfig(s: FileStructure, arg: Node): Node | undefined {
  const call = arg.type === 'identifier' ? s.memo('js.createRoutes', () => createRouteVariables(s)).get(arg.text) : arg;
  if (call?.type !== 'call_expression' || call.childForFieldName('function')?.text !== 'createRoute') return undefined;
  const config = call.childForFieldName('arguments')?.namedChildren[0];
  return config?.type === 'object' ? config : undefined;
}

/** `const getRoute = createRoute({…})`: the module's routes kept in variables, by name (none without the word). */
function createRouteVariables(s: FileStructure): Map<string, Node> {
  const out = new Map<string, Node>();
  if (!s.mentions('createRoute(')) return out;
  for (const [i, call] of s.calls) {
    if (call.chain.length !== 1 || call.chain[0] !== 'createRoute') continue;
    const node = s.nodes[i].node;
    const declarator = node.parent;
    const name = declarator?.type === 'variable_declarator' ? declarator.childForFieldName('name') : undefined;
    if (name?.type === 'identifier') out.set(name.text, node);
  }
  return out;
}

/** An inline handler whose third parameter (`next`) it calls with nothing: it hands the request on. */
/**
 * Express: a function written in place and used at a path that answers every request and never hands one on
 * (etherpad's REST API v2: `app.use('/api/2', async (req, res) => { … res.json(…) })`): an endpoint of any method at
 * that path and below, as the instrumentation reports it. Not middleware, which takes `next` and calls it.
 */
function useEndpoint(c: RouteCollector, i: number, call: CallInfo, receiver: string): boolean {
  const args = c.s.argumentsOf(call);
  const path = args.length === 2 ? stringValue(args[0]) : undefined;
  const fn = args[1];
  if (!path || !path.startsWith('/') || path === '/' || !fn || (fn.type !== 'arrow_function' && fn.type !== 'function_expression' && fn.type !== 'function')) return false;
  const params = fn.childForFieldName('parameters')?.namedChildren.filter((p) => p?.type !== 'comment') ?? [];
  const body = fn.childForFieldName('body')?.text ?? '';
  const res = params[1]?.type === 'identifier' ? params[1].text : params[1]?.childForFieldName('pattern')?.text;
  if (params.length !== 2 || !res || !/^[A-Za-z_$][\w$]*$/.test(res) || !new RegExp(`(?:^|[^\\w$.])${res.replace(/\$/g, '\\$')}\\s*\\.\\s*(?:status|json|send|end|render|redirect|sendFile|sendStatus|write)\\s*\\(`).test(body)) return false;
  const handler = resolveHandler(c, fn);
  if (!handler) return false;
  c.add({ method: 'ANY', path, framework: 'express', declaration: c.s.rangeOf(i), ...handler, receiver, at: i });
  return true;
}

function passesOn(fn: Node): boolean {
  if (fn.type !== 'arrow_function' && fn.type !== 'function_expression' && fn.type !== 'function') return false;
  const next = fn.childForFieldName('parameters')?.namedChildren[2];
  const name = next?.type === 'identifier' ? next.text : next?.childForFieldName('pattern')?.text;
  const body = fn.childForFieldName('body')?.text;
  return !!name && /^[A-Za-z_$][\w$]*$/.test(name) && !!body && new RegExp(`(?:^|[^\\w$.])${name.replace(/\$/g, '\\$')}\\s*\\(\\s*\\)`).test(body);
}

/**
 * Koa router's `router.register('/cron.:period', ['GET', 'POST'], middleware)`: a route per method of the list (not
 * Fastify's `register(plugin, { prefix })`, a mount). True when the call is one.
 */
function koaRegister(c: RouteCollector, i: number, call: CallInfo, receiver: string): boolean {
  const args = c.s.argumentsOf(call);
  // A path built from names too, read in the join (outline's `` router.register(`${config.id}.callback`, ["get", "post"], …) ``).
  const built = stringValue(args[0]) ?? (args[0]?.type === 'template_string' ? jsPrefixValue(c.s, args[0]) : undefined);
  const path = built?.startsWith(NAMED_PART) && !jsonImports(c.s).has(built.slice(NAMED_PART.length).split('.')[0]) ? undefined : built;
  if (path === undefined || args[1]?.type !== 'array' || args.length < 3) return false;
  const methods = args[1].namedChildren.flatMap((m) => stringValue(m ?? undefined) ?? []).map((m) => m.toLowerCase());
  if (!methods.length || !methods.every((m) => METHODS.has(m))) return false;
  const handler = resolveHandler(c, args[2].type === 'array' ? (args[2].namedChildren[args[2].namedChildren.length - 1] ?? undefined) : args[2]);
  if (!handler) return true;
  for (const method of methods) {
    c.add({
      method: method === 'all' ? 'ANY' : method.toUpperCase(),
      path: path.startsWith('/') || path === '*' ? path : '/' + path,
      framework: 'koa',
      declaration: c.s.rangeOf(i),
      ...handler,
      receiver,
      at: i,
      alsoChains: args[2].type === 'array' ? middlewareChains(args[2].namedChildren.slice(0, -1).flatMap((n) => n ?? [])) : [],
    });
  }
  return true;
}

/**
 * Elysia: the prefixes of the `.group('/api', (app) => app.get(…))` callbacks a route is registered in, on their
 * parameter (outermost first; a group in a group is on the outer callback's parameter).
 */
function elysiaGroups(node: Node, receiver: string): string {
  let prefix = '';
  let on = receiver;
  for (let p = node.parent; p; p = p.parent) {
    if (p.type !== 'arrow_function' && p.type !== 'function_expression') continue;
    const params = p.childForFieldName('parameters')?.namedChildren ?? [];
    const param = p.childForFieldName('parameter')?.text ?? (params.length === 1 ? params[0]?.text : undefined);
    const call = p.parent?.type === 'arguments' ? p.parent.parent : null;
    const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : null;
    if (param !== on || callee?.type !== 'member_expression' || callee.childForFieldName('property')?.text !== 'group') continue;
    const group = stringValue(call!.childForFieldName('arguments')?.namedChildren[0] ?? undefined);
    if (group === undefined) break;
    prefix = group + prefix;
    on = (calleeChain(callee.childForFieldName('object')?.text ?? '') ?? [])[0] ?? '';
  }
  return prefix;
}

/**
 * The middleware a route runs before its handler (`app.get('/account', isAuthenticated, getAccount)`,
 * `passport.authenticate('github')`, a factory's `auth('manageUsers')`): their code is on the route's request path.
 */
function middlewareChains(args: Node[]): string[][] {
  const out: string[][] = [];
  for (const arg of args) {
    if (arg.type === 'identifier' || arg.type === 'member_expression') {
      const chain = calleeChain(arg.text);
      if (chain) out.push(chain);
    } else if (arg.type === 'call_expression') {
      const text = arg.text;
      const open = text.indexOf('(');
      const chain = open > 0 ? calleeChain(text.slice(0, open)) : undefined;
      if (!chain) continue;
      const strategy = passportAuthenticated(chain, text.slice(open));
      out.push(strategy ? [strategy] : chain);
    }
  }
  return out;
}

/** The app or router a chain of route calls is made on (`api` in `api.get(…).post(…)`), when it is one. */
function chainRoot(chain: string[]): string | undefined {
  let k = chain.length - 2;
  while (k > 0 && (METHODS.has(chain[k]) || chain[k] === 'openapi')) k--;
  return k < chain.length - 2 ? chain[k] : undefined;
}

/** `….route('/x').get`, `….route('/x').post(…).get`: methods chained on a `route(…)`, however many. */
function isRouteChain(chain: string[]): boolean {
  let k = chain.length - 2;
  while (k > 0 && METHODS.has(chain[k])) k--;
  return k > 0 && chain[k] === 'route';
}

/** `router.route('/books').get(h).post(h2)`: the path is on the inner `route(…)` call with the same start. */
function chainedRoute(c: RouteCollector, i: number, call: CallInfo): void {
  const s = c.s;
  let k = call.chain.length - 2;
  while (k > 0 && call.chain[k] !== 'route') k--;
  if (k < 1) return;
  const start = s.nodes[i].start;
  for (let j = i + 1; j < s.nodes.length && s.nodes[j].start === start; j++) {
    const inner = s.calls.get(j);
    if (!inner || inner.chain.length !== k + 1 || inner.chain[k] !== 'route') continue;
    const path = stringValue(s.argumentsOf(inner)[0]);
    const args = s.argumentsOf(call);
    const handler = path !== undefined ? resolveHandler(c, args[args.length - 1]) : undefined;
    if (path === undefined || !handler) return;
    const method = call.chain[call.chain.length - 1];
    c.add({
      method: method === 'all' ? 'ANY' : method.toUpperCase(),
      path,
      framework: 'express',
      declaration: s.rangeOf(i),
      ...handler,
      receiver: call.chain[k - 1],
      at: i,
      alsoChains: middlewareChains(args.slice(0, -1)),
    });
    return;
  }
}

/** `fastify.route({ method: 'GET', url: '/x', handler })` */
function fastifyRouteObject(c: RouteCollector, i: number, call: CallInfo, receiver: string, express?: 'express'): void {
  const arg = c.s.argumentsOf(call)[0];
  // hapi registers several at once: `server.route([{ … }, { … }])`.
  const objects = arg?.type === 'array' ? arg.namedChildren : [arg];
  for (const object of objects) {
    if (object?.type !== 'object') continue;
    const props = objectProps(object);
    const urlNode = props.get('url') ?? props.get('path');
    // A path built from this file's constants (Unleash's `path: ENV_PREFIX`); one naming another module's is unsure.
    const built = stringValue(urlNode) === undefined ? jsPrefixValue(c.s, urlNode) : undefined;
    const url = stringValue(urlNode) ?? (built !== undefined && !built.includes(NAMED_PART) ? built : undefined);
    const methodNode = props.get('method');
    // hapi's handler may sit in the route's `options` (or, before v17, `config`).
    const settings = props.get('options') ?? props.get('config');
    const handlerNode = props.get('handler') ?? (settings?.type === 'object' ? objectProps(settings).get('handler') : undefined);
    if (url === undefined || !methodNode || !handlerNode) continue;
    const methods = methodNode.type === 'array' ? methodNode.namedChildren.map((m) => stringValue(m)) : [stringValue(methodNode)];
    const handler = resolveHandler(c, handlerNode);
    if (!handler) continue;
    const framework = express ?? (isHapiRoute(c.s, receiver, url, props.has('url')) ? 'hapi' : 'fastify');
    for (const m of methods) {
      if (!m) continue;
      // hapi's `'*'`: any method.
      c.add({ method: m === '*' ? 'ANY' : m.toUpperCase(), path: url, framework, declaration: c.s.rangeOf(i), ...handler, receiver, at: i });
    }
  }
}

/**
 * A route a class extending a router class adds to its own table, method and path first, then its handlers
 * (parse-server's `class ClassesRouter extends PromiseRouter { mountRoutes() { this.route('GET', '/classes/:className',
 * req => this.handleFind(req)); } }`, whose table is mounted on an Express router): at its path, on the class.
 */
function routerClassRoute(c: RouteCollector, i: number, call: CallInfo, owner: string): boolean {
  const s = c.s;
  const args = s.argumentsOf(call);
  const method = stringValue(args[0])?.toLowerCase();
  const path = stringValue(args[1]);
  if (args.length < 3 || !method || !METHODS.has(method) || path === undefined || !path.startsWith('/')) return false;
  if (!s.memo(`js.routerClass:${owner}`, () => new RegExp(`\\bclass\\s+${owner.replace(/\$/g, '\\$')}\\s+extends\\s+[\\w$.]*Router\\b`).test(s.text))) return false;
  const handler = resolveHandler(c, args[args.length - 1]);
  if (!handler) return false;
  c.add({ method: method === 'all' ? 'ANY' : method.toUpperCase(), path, framework: 'express', declaration: s.rangeOf(i), ...handler, receiver: owner, at: i });
  return true;
}

/**
 * A route object of hapi rather than Fastify (the same `route({ method, path, handler })` shape): the file imports
 * hapi, or it is a plugin's, registered on a `server` with hapi's `{param}` path or no Fastify in sight.
 */
function isHapiRoute(s: FileStructure, receiver: string, path: string, url: boolean): boolean {
  const hapi = s.memo('js.hapi', () => (s.mentions('hapi') && /['"]@hapi\/hapi['"]|['"]hapi['"]/.test(s.text) ? 'yes' : s.mentions('fastify') ? 'no' : 'maybe'));
  if (hapi !== 'maybe') return hapi === 'yes';
  return !url && (path.includes('{') || receiver === 'server');
}

/** `app.use('/api', ordersRouter)`, `router.use('/x', sub.routes())`, `fastify.register(plugin, { prefix: '/v1' })`. */
function mount(c: RouteCollector, call: CallInfo, receiver: string, register: boolean): void {
  let args = c.s.argumentsOf(call);
  if (args.length === 0) return;
  let prefix = '';
  let targets = args;
  let targetName: string | undefined;
  if (register) {
    // hapi: `server.register({ plugin: users, routes: { prefix: '/users' } })`, also several in an array.
    const first = args[0];
    const registrations = first.type === 'array' ? first.namedChildren : [first];
    if (registrations.some((r) => r?.type === 'object' && objectProps(r).has('plugin'))) {
      for (const r of registrations) {
        if (r?.type !== 'object') continue;
        const props = objectProps(r);
        const plugin = props.get('plugin');
        const target = plugin ? mountTarget(plugin) : undefined;
        if (target) c.mounts.push({ prefix: hapiPrefix(c, props.get('routes')), receiver, ...target, plugin: 'hapi' });
      }
      return;
    }
    const options = args[1];
    if (options?.type === 'object') {
      const props = objectProps(options);
      if (props.has('routes')) {
        // hapi: `server.register(plugin, { routes: { prefix: '/v1' } })`.
        const target = mountTarget(args[0]);
        if (target) c.mounts.push({ prefix: hapiPrefix(c, props.get('routes')), receiver, ...target, plugin: 'hapi' });
        return;
      }
      const folder = props.has('dir') ? autoloadFolder(props.get('dir')!) : undefined;
      if (folder !== undefined) {
        // @fastify/autoload: every plugin file under the folder, prefixed with its own folder path.
        const inner = props.get('options');
        const own = inner?.type === 'object' ? (stringValue(objectProps(inner).get('prefix')) ?? '') : '';
        c.mounts.push({ prefix: own, receiver, target: [folder], folder: true, folderNames: props.get('dirNameRoutePrefix')?.text !== 'false' });
        return;
      }
      prefix = jsPrefixValue(c.s, props.get('prefix')) ?? '';
    }
    targets = [args[0]];
    // A plugin written in place: mounted by the name its routes and mounts are enclosed by (inlinePluginName).
    const inline = inlinePluginName(args[0]);
    if (inline) targetName = inline;
  } else {
    if (args.length === 2 && args[0].type === 'member_expression' && args[1].type === 'member_expression') {
      const [item, pathKey] = calleeChain(args[0].text) ?? [];
      const [sameItem, routerKey] = calleeChain(args[1].text) ?? [];
      if (item && item === sameItem && pathKey && routerKey && tableMounts(c, call, receiver, item, pathKey, routerKey)) return;
    }
    const wrapped = koaMount(c, args);
    if (wrapped) args = wrapped;
    // A prefix may be named rather than written (a constant, a config key, an environment variable): the join reads it.
    const written = stringValue(args[0]);
    const first = written ?? (args.length > 1 ? jsPrefixValue(c.s, args[0]) : undefined);
    if (first !== undefined) {
      // `''` mounts at the root, as `'/'` does (Unleash's `this.app.use('', new EventController(…).router)`).
      if (first !== '' && !first.startsWith('/') && !(written === undefined && first.startsWith(NAMED_PART))) return;
      prefix = first;
      targets = args.slice(1);
    }
  }
  // Development-only mounts (`if (env.isDevelopment) router.use('/', developer.routes())`): what they mount serves
  // nothing in production.
  const developmentOnly = c.developmentOnly(call.index) || undefined;
  // Mounted inside a function (a router factory, or one handed the router): that function's prefixes apply too.
  const enclosing = c.enclosingNames(call.index, receiver);
  const { line, character } = c.s.rangeOf(call.index).start;
  const moduleReceiver = c.moduleReceiver(call.index, receiver) ? { moduleReceiver: true as const } : {};
  for (const t of targets) {
    let target = targetName ? { target: [targetName] } : mountTarget(t);
    if (target?.target.length === 1 && !target.module) target = madeInLoop(c, call, target.target[0]) ?? target;
    const targetScope = target?.target.length === 1 && !target.module && enclosing.length ? c.localScope(call.index, target.target[0]) : undefined;
    // `PluginManager.getHooks(Hook.API).forEach((hook) => router.use("/", hook.value.routes()))` (outline): the routers
    // registered under that type (pluginHooks.ts), or the member of each value of that name (`hook.value.router`).
    const loop = target && !target.module && target.target.length <= 3 && c.s.mentions('.value') ? pluginHookMount(c.s.nodes[call.index].node, target.target) : undefined;
    const hook = loop ? { hook: loop } : {};
    if (target) c.mounts.push({ prefix, receiver, ...target, line, character, ...moduleReceiver, developmentOnly, ...(enclosing.length ? { enclosing } : {}), ...(targetScope ? { targetScope } : {}), ...hook });
  }
}

/**
 * `for (const router of createRouters(tenant)) app.use(router.routes())` (logto's initApis): each router the
 * function returns is mounted, which the join knows as mounting the function, as for a factory's router.
 */
function madeInLoop(c: RouteCollector, call: CallInfo, name: string): { target: string[] } | undefined {
  if (!c.s.mentions(' of ')) return undefined;
  for (let n = c.s.nodes[call.index].node.parent; n; n = n.parent) {
    if (FUNCTION_TYPES.has(n.type) || n.type === 'method_definition') return undefined;
    if (n.type !== 'for_in_statement' || n.childForFieldName('left')?.text !== name) continue;
    const right = n.childForFieldName('right');
    const callee = right?.type === 'call_expression' ? right.childForFieldName('function') : undefined;
    return callee?.type === 'identifier' && !ROUTER_FACTORIES.test(callee.text) ? { target: [callee.text] } : undefined;
  }
  return undefined;
}

/**
 * A mount of the hooks of a plugin registry (MountFact.hook): `chain` is what it mounts, `[item, 'value']` or `[item,
 * 'value', member]`, or a name given that first (outline's `const resolvedRouter = await provider.value.router`).
 */
function pluginHookMount(node: Node, chain: string[]): MountFact['hook'] {
  const through = chain.length === 1 ? (loopAlias(node, chain[0]) ?? chain) : chain;
  if ((through.length !== 2 && through.length !== 3) || through[1] !== 'value') return undefined;
  const loop = pluginHookLoop(node, through[0]);
  return loop && { ...loop, ...(through[2] ? { member: through[2] } : {}) };
}

/**
 * The registry and type whose hooks `item` goes through where `node` is: the parameter of a callback `forEach` is given
 * on `R.getHooks(K)`, or the variable of `for (const item of R.getHooks(K))`, in the function `node` is written in. Or
 * the hooks a class's static member gives, read in its file (outline's `for (const provider of
 * AuthenticationHelper.providers)` with `static get providers() { return PluginManager.getHooks(Hook.AuthProvider) }`).
 */
function pluginHookLoop(node: Node, item: string): { registry: string; type: string } | { list: string[] } | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'arrow_function' || n.type === 'function_expression' || n.type === 'function') {
      const call = n.parent?.type === 'arguments' ? n.parent.parent : undefined;
      const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : undefined;
      if (callee?.type !== 'member_expression' || callee.childForFieldName('property')?.text !== 'forEach') return undefined;
      if (!new RegExp(`^(?:async\\s*)?\\(?\\s*${item.replace(/\$/g, '\\$')}\\b`).test(n.text)) return undefined;
      return getHooks(callee.childForFieldName('object'));
    }
    if (n.type === 'function_declaration' || n.type === 'method_definition' || n.type === 'generator_function_declaration') return undefined;
    if (n.type === 'for_in_statement' && n.childForFieldName('left')?.text === item) return getHooks(n.childForFieldName('right'));
  }
  return undefined;
}

/**
 * `const resolvedRouter = await provider.value.router;` in a block around `node`, before it, within its function: the
 * chain it names.
 */
function loopAlias(node: Node, name: string): string[] | undefined {
  for (let block = node.parent; block; block = block.parent) {
    if (FUNCTION_TYPES.has(block.type) || block.type === 'method_definition' || block.type === 'function_declaration') return undefined;
    if (block.type !== 'statement_block') continue;
    for (const statement of block.namedChildren) {
      if (!statement || statement.startIndex >= node.startIndex) break;
      if (statement.type !== 'lexical_declaration') continue;
      for (const d of statement.namedChildren) {
        if (d?.type !== 'variable_declarator' || d.childForFieldName('name')?.text !== name) continue;
        let value = d.childForFieldName('value');
        if (value?.type === 'await_expression') value = value.namedChildren[0];
        return value?.type === 'member_expression' ? calleeChain(value.text) : undefined;
      }
    }
  }
  return undefined;
}

/** `PluginManager.getHooks(Hook.API)`: the registry and the type; `AuthenticationHelper.providers`: that member. */
function getHooks(node: Node | null | undefined): { registry: string; type: string } | { list: string[] } | undefined {
  if (node?.type === 'member_expression') {
    const list = calleeChain(node.text);
    return list?.length === 2 && /^[A-Z]/.test(list[0]) ? { list } : undefined;
  }
  if (node?.type !== 'call_expression') return undefined;
  const chain = calleeChain(node.childForFieldName('function')?.text ?? '');
  const args = node.childForFieldName('arguments')?.namedChildren ?? [];
  const type = args.length === 1 ? hookType(args[0] ?? undefined) : undefined;
  return chain?.length === 2 && chain[1] === 'getHooks' && type ? { registry: chain[0], type } : undefined;
}

/** `Hook.API`, `"api"`: the type as written, without its spacing. */
export function hookType(node: Node | undefined): string | undefined {
  if (node?.type === 'member_expression' || node?.type === 'string') return node.text.replace(/\s+/g, '');
  return undefined;
}

/** The `prefix` of hapi's registration `routes` option. */
function hapiPrefix(c: RouteCollector, routes: Node | undefined): string {
  return routes?.type === 'object' ? (jsPrefixValue(c.s, objectProps(routes).get('prefix')) ?? '') : '';
}

/**
 * The file's routers, the names routes are registered or routers mounted on (a function's router parameter), and
 * the usual names of one a function only hands on (`export default (app) => { auth(app); users(app); }`).
 */
function routerNames(s: FileStructure, routers: Set<string>): Set<string> {
  const out = new Set([...routers, 'app', 'router', 'api', 'server']);
  for (const [, call] of s.calls) {
    const n = call.chain.length;
    if (n === 2 && (METHODS.has(call.chain[1]) || call.chain[1] === 'use' || call.chain[1] === 'route')) out.add(call.chain[0]);
  }
  return out;
}

/** Callees that make a router or an app from their arguments: never a function routes are registered in. */
const ROUTER_FACTORIES = /^(?:require|Router|express|Koa|Fastify|fastify|Hono|cors|helmet|compression|json|urlencoded|serverless|createServer)$/;

/**
 * `auth(app)`, `require('./routes/user')(app)`: a router of this file (or one this function was handed) given to a
 * function that registers routes or mounts routers on it: a mount, with no prefix of its own, on that function's
 * parameter (MountFact.argument).
 */
function handedRouter(c: RouteCollector, i: number, call: CallInfo, routers: Set<string>): void {
  const s = c.s;
  if (call.argsStart < 0) return;
  // Most calls of a file are given no router: told by their arguments' words alone, before any node is read.
  const names = s.memo('js.routerNames', () => routerNames(s, routers));
  const argsText = s.text.slice(call.argsStart + 1, call.argsEnd - 1);
  if (!argsText.split(/[^\w$]+/).some((w) => names.has(w)) && !argsText.includes('...')) return;
  const callee = s.nodes[i].node.childForFieldName('function');
  let target: { target: string[]; module?: boolean } | undefined;
  if (callee?.type === 'identifier') target = ROUTER_FACTORIES.test(callee.text) ? undefined : { target: [callee.text] };
  else if (callee?.type === 'call_expression') {
    const required = /^require\(\s*['"]([^'"]+)['"]\s*\)$/.exec(callee.text);
    if (required) target = { target: [required[1]], module: true };
  }
  if (!target) return;
  s.argumentsOf(call).forEach((written, k) => {
    // `basics(...args)`: a function's rest parameter handed on whole, its router first.
    const a = written.type === 'spread_element' ? written.namedChildren[0] : written;
    if (a?.type !== 'identifier') return;
    const enclosing = c.enclosingNames(i, a.text);
    const handedOn = enclosing.length > 0 && enclosing[0].endsWith(')');
    if (!routers.has(a.text) && !handedOn) return;
    c.mounts.push({ prefix: '', receiver: a.text, ...target, argument: k, ...(enclosing.length ? { enclosing } : {}) });
  });
}

/**
 * `app.use(mount('/api', api))`, `app.use(mount(routes))` with koa-mount: the arguments of the inner `mount(…)`,
 * a prefix (or none) and the Koa app or middleware it mounts.
 */
function koaMount(c: RouteCollector, args: Node[]): Node[] | undefined {
  const inner = args.length === 1 && args[0].type === 'call_expression' ? args[0] : undefined;
  const callee = inner?.childForFieldName('function');
  if (!inner || callee?.type !== 'identifier') return undefined;
  const imported = c.s.memo('js.koaMount', () => /(?:import\s+([\w$]+)\s+from|(?:const|let|var)\s+([\w$]+)\s*=\s*require\()\s*['"]koa-mount['"]/.exec(c.s.text));
  if (!imported || callee.text !== (imported[1] ?? imported[2])) return undefined;
  const list = inner.childForFieldName('arguments');
  return list ? list.namedChildren.filter((n): n is Node => n !== null) : undefined;
}

/**
 * `defaultRoutes.forEach((route) => router.use(route.path, route.route))` or `for (const route of defaultRoutes)`,
 * over `const defaultRoutes = [{ path: '/auth', route: authRoute }, …]` in this file: one mount per row.
 */
function tableMounts(c: RouteCollector, call: CallInfo, receiver: string, item: string, pathKey: string, routerKey: string): boolean {
  const s = c.s;
  let table: string | undefined;
  const f = s.functionOf[call.index];
  const fnIndex = f >= 0 ? s.functions[f].index : -1;
  const each = fnIndex >= 0 ? s.calls.get(s.nodes[fnIndex].parent) : undefined;
  if (each && each.chain.length === 2 && each.chain[1] === 'forEach' && new RegExp(`^(?:async\\s*)?\\(?\\s*${item.replace(/\$/g, '\\$')}\\b`).test(s.textOf(fnIndex))) table = each.chain[0];
  // The statement itself, not the loop context: a table of two or three rows is no load multiplier (no context).
  let loop = s.nodes[call.index].parent;
  while (loop >= 0 && loop !== fnIndex && s.nodes[loop].type !== 'for_in_statement') loop = s.nodes[loop].parent;
  if (!table && loop >= 0 && loop !== fnIndex) {
    const m = /^for\s*\(\s*(?:const|let|var)\s+(\w+)\s+of\s+([\w$]+)\s*\)/.exec(s.textOf(loop));
    if (m && m[1] === item) table = m[2];
  }
  const array = table ? routeTables(s.text, s.tree).get(table) : undefined;
  if (!array) return false;
  let found = false;
  // `if (config.env === 'development') devRoutes.forEach(…)`: what that table mounts serves nothing in production.
  const developmentOnly = c.developmentOnly(call.index) || undefined;
  for (const row of array.namedChildren) {
    if (row?.type !== 'object') continue;
    const props = objectProps(row);
    const prefix = stringValue(props.get(pathKey));
    const target = props.get(routerKey) ? mountTarget(props.get(routerKey)!) : undefined;
    if (prefix === undefined || !target) continue;
    c.mounts.push({ prefix, receiver, ...target, developmentOnly });
    found = true;
  }
  return found;
}

/**
 * The arrays of a file that a loop mounts routers from (`const routes = [ … ]` with `routes.forEach(` or
 * `of routes)` in the same file), by name. Also the incremental context of a file (analyzeFile): a row added to a
 * table changes the mounts of the statement that loops over it.
 */
export function routeTables(source: Searchable, tree: Tree): Map<string, Node> {
  const text = textOf(source);
  const out = new Map<string, Node>();
  if (!mentions(source, '.use(')) return out;
  for (const m of text.matchAll(/(?:const|let|var)\s+([\w$]+)\s*=\s*\[/g)) {
    if (out.has(m[1]) || (!mentions(source, `${m[1]}.forEach(`) && !mentions(source, ` of ${m[1]})`))) continue;
    const array = tree.rootNode.namedDescendantForIndex(m.index + m[0].length - 1);
    if (array?.type === 'array') out.set(m[1], array);
  }
  return out;
}

function mountTarget(node: Node): { target: string[]; module?: boolean } | undefined {
  // A controller instance made in place (`new FeatureController(config, services).router`): its class's routes.
  const instance = /^\(?\s*new\s+([A-Z][\w$]*)\s*[(<]/.exec(node.text);
  if (instance && (node.type === 'new_expression' || (node.type === 'member_expression' && INSTANCE_ROUTER.test(node.childForFieldName('property')?.text ?? '')))) {
    return { target: [instance[1]] };
  }
  switch (node.type) {
    case 'identifier':
      return { target: [node.text] };
    case 'member_expression': {
      const chain = calleeChain(node.text);
      return chain ? { target: chain } : undefined;
    }
    case 'call_expression':
    case 'await_expression': {
      const text = node.text.replace(/^await\s+/, '');
      const required = /^(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/.exec(text);
      if (required) return { target: [required[1]], module: true };
      const chain = calleeChain(text);
      if (!chain || chain[0] === 'express' || chain[0] === 'cors' || chain[0] === 'helmet') return undefined;
      // `sub.routes()`, `sub.middleware()`: the router itself; `ordersRouter(deps)`: a factory.
      while (chain.length > 1 && /^(routes|middleware|allowedMethods|default)$/.test(chain[chain.length - 1])) chain.pop();
      return { target: chain };
    }
    default:
      return undefined;
  }
}

/** `const router = new Router({ prefix: '/api' })` (Koa): a mount of the router on itself, composed in the join. */
function routerPrefix(c: RouteCollector, i: number, call: CallInfo): void {
  const s = c.s;
  const options = s.argumentsOf(call)[0];
  if (options?.type !== 'object') return;
  const prefix = jsPrefixValue(s, objectProps(options).get('prefix'));
  const declarator = s.nodes[i].node.parent;
  const name = declarator?.type === 'variable_declarator' ? declarator.childForFieldName('name')?.text : undefined;
  if (prefix !== undefined && name) c.mounts.push({ prefix, target: [name], own: true });
}

/**
 * The folder an autoload registration reads, relative to the registering file: `path.join(__dirname, 'routes')`,
 * `join(import.meta.dirname, 'routes')`, `` `${__dirname}/routes` ``. Undefined for anything else.
 */
export function autoloadFolder(dir: Node): string | undefined {
  const text = dir.text.replace(/\s+/g, '');
  const template = /^`\$\{(?:__dirname|import\.meta\.dirname)\}\/([^`$]+)`$/.exec(text);
  if (template) return template[1];
  if (dir.type !== 'call_expression' || !/^(?:path\.)?(?:join|resolve)\(/.test(text)) return undefined;
  const args = dir.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => a !== null) ?? [];
  if (!args.length || !/__dirname|import\.meta|dirname\(/.test(args[0].text)) return undefined;
  const parts = args.slice(1).map((a) => stringValue(a));
  return parts.length && parts.every((p) => p !== undefined) ? parts.join('/') : undefined;
}

export function objectProps(object: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const pair of object.namedChildren) {
    if (pair?.type === 'pair') {
      const key = pair.childForFieldName('key');
      const value = pair.childForFieldName('value');
      if (key && value) out.set(key.type === 'string' ? (stringValue(key) ?? key.text) : key.text, value);
    } else if (pair?.type === 'shorthand_property_identifier') {
      out.set(pair.text, pair);
    }
  }
  return out;
}

/** The option of a wrapper's options object that holds the handler. */
const HANDLER_KEY = /^(?:handler|handle|action|callback|fn|resolve|resolver)$/;

/** Expressions that only say something of a value's type, or group it. */
const TYPED_WRAPPERS = new Set(['as_expression', 'satisfies_expression', 'non_null_expression', 'parenthesized_expression', 'type_assertion']);

/** The handler: an inline function, a function of this file, or a name the workspace join resolves. */

export function resolveHandler(c: RouteCollector, arg: Node | undefined, depth = 0): { handlerIndex?: number; handlerChain?: string[] } | undefined {
  if (!arg) return undefined;
  // What TypeScript is told of it (`listUsers as unknown as RequestHandler`, `h!`, `(async (req, res) => …)`): itself.
  for (let n: Node = arg; TYPED_WRAPPERS.has(n.type); ) {
    const inner: Node | null | undefined = n.type === 'type_assertion' ? n.lastNamedChild : n.namedChildren[0];
    if (!inner) break;
    arg = n = inner;
  }
  const type = arg.type;
  if (FUNCTION_TYPES.has(type)) {
    const index = c.s.indexOfNode(arg);
    return index !== undefined ? { handlerIndex: index } : undefined;
  }
  if (type === 'identifier' || type === 'member_expression' || type === 'shorthand_property_identifier') {
    const chain = calleeChain(arg.text);
    if (!chain) return undefined;
    const local = chain.length === 1 ? localFunction(c.s, chain[0]) : chain[0] === 'this' && chain.length === 2 ? localFunction(c.s, chain[1]) : undefined;
    return local !== undefined ? { handlerIndex: local } : { handlerChain: chain };
  }
  if (type === 'call_expression' && depth < 2) {
    // asyncHandler(async (req, res) => …), wrap(listOrders), controller.list.bind(controller)
    const text = arg.text;
    const bound = /^([\w$.]+)\.bind\(/.exec(text);
    if (bound) return resolveHandler(c, arg.childForFieldName('function')?.childForFieldName('object') ?? undefined, depth + 1);
    const args = arg.childForFieldName('arguments')?.namedChildren ?? [];
    const last = args[args.length - 1] ?? undefined;
    // withApiWrapper({ auth: 'session', handler: async (req) => … }): the option that is the handler.
    const option = last?.type === 'object' ? last.namedChildren.find((p) => p?.type === 'pair' && HANDLER_KEY.test(p.childForFieldName('key')?.text ?? '')) : undefined;
    const inner = resolveHandler(c, option ? (option.childForFieldName('value') ?? undefined) : last, depth + 1);
    if (inner) return inner;
    // A handler made by a factory, `format('./users')`: the route is served by what the factory returns, whose
    // code is the factory's own.
    const chain = calleeChain(text.slice(0, Math.max(0, text.indexOf('('))));
    return chain?.length ? { handlerChain: chain } : undefined;
  }
  return undefined;
}

export function localFunction(s: FileStructure, name: string): number | undefined {
  for (const f of s.functions) if (f.name === name && f.outer === -1) return f.index;
  for (const f of s.functions) if (f.name === name) return f.index;
  return undefined;
}

const SERVER_FACTORIES = /^(create|use)(Express|Koa)Server$/;

/**
 * The routes module tsoa generates from the controllers (`RegisterRoutes(app)`): its routes are the controllers'
 * own, read from their decorators with the methods that serve them, not from this module's generic handlers.
 */
export const isTsoaRoutesModule = (s: FileStructure): boolean => s.mentions('auto-generated with tsoa');

/** tsoa's decorators come from its package; `@Route` alone is too common a name to go by. */
const TSOA_IMPORT = /from\s+['"](?:tsoa|@tsoa\/runtime)['"]/;

/**
 * NestJS: `@Controller('orders')` on the class, `@Get(':id')` on the method → `/orders/:id`. routing-controllers
 * reads the same way, with `@JsonController('/pets')` as well. tsoa too, with `@Route('users')` on the class and its
 * path parameters in braces, `@Get('{userId}')`, served by Express as `/users/:userId` (the routes module tsoa
 * generates from them is not read for routes: see findJavaScriptRoutes's caller). inversify-express-utils as well,
 * in its own names: `@controller('/session')` on the class, `@httpDelete('/all', …middleware)`, `@all('*')`,
 * `@httpMethod('get', '/x')` on its methods, each controller a router Express serves under the server's `rootPath`.
 */
/**
 * Which framework's decorators a controller module uses, once it has one: routing-controllers' or OvernightJS's
 * (`@Controller`, `@Get` as NestJS names them, read the same way), by their imports; NestJS's otherwise.
 */
function decoratorFramework(s: FileStructure): string {
  if (/['"]routing-controllers['"]/.test(s.text)) return 'routing-controllers';
  // (Imported, and NestJS's not: a Nest controller whose comment names OvernightJS stays Nest's.)
  return s.mentions('@overnightjs/core') && OVERNIGHT_IMPORT.test(s.text) && !s.mentions('@nestjs/common') ? 'overnightjs' : 'nestjs';
}

const OVERNIGHT_IMPORT = /(?:\bfrom\s*|\brequire\(\s*)['"]@overnightjs\/core['"]/;

function nestControllers(c: RouteCollector): void {
  const s = c.s;
  let framework: string | undefined; // read once a controller is found: the test scans the file's text
  const tsoa = () => s.memo('js.tsoa', () => s.mentions('tsoa') && TSOA_IMPORT.test(s.text));
  // Its decorators' names, `controller` and `all`, are too common to go by without its import.
  const inversify = () => s.memo('js.inversify', () => s.mentions('inversify-express-utils'));
  const inversifyClasses = new Set<string>();
  const tsoaClasses = new Set<string>();
  const classPrefix = new Map<string, string>();
  // Controllers whose path is built in a way this cannot read: their routes are not listed.
  const unreadClasses = new Set<string>();
  const classVersion = new Map<string, string>();
  // `@Version('2')` on a method overrides its controller's; `VERSION_NEUTRAL` (here `-`) serves it with no version.
  const methodVersion = new Map<number, string>();
  const versionOf = (node: Node | undefined): string | undefined =>
    node?.type === 'identifier' && node.text === 'VERSION_NEUTRAL' ? '-' : node?.type === 'array' ? stringValue(node.namedChildren[0] ?? undefined) : stringValue(node);
  const pending: { decorator: number; verb: string; path: string; method: number; nest?: boolean }[] = [];
  const namespaces = nestNamespaces(s);
  const childrenOf = new Map<string, string[]>();
  for (let i = 0; i < s.nodes.length; i++) {
    if (s.nodes[i].type !== 'decorator') continue;
    const call = s.calls.get(i + 1);
    if (!call || s.nodes[i + 1].parent !== i) continue;
    const name = nestDecoratorName(call.chain, namespaces);
    if (name === undefined) continue;
    if (name === 'Controller' || name === 'JsonController' || (name === 'Route' && tsoa()) || (name === 'controller' && inversify())) {
      const arg = s.argumentsOf(call)[0];
      const props = arg?.type === 'object' ? objectProps(arg) : undefined;
      const path = namedPath(s, props ? props.get('path') : arg);
      const cls = classAfter(s, i);
      if (cls && path === null) unreadClasses.add(cls);
      if (cls) classPrefix.set(cls, path ?? '');
      if (cls && name === 'Route') tsoaClasses.add(cls);
      if (cls && name === 'controller') inversifyClasses.add(cls);
      // `@Controller({ path: 'users', version: '1' })`: `/v1/users` when the app enables URI versioning (the join knows).
      const v = versionOf(props?.get('version'));
      if (cls) classVersion.set(cls, v ?? '');
    } else if (name === 'ChildControllers') {
      // OvernightJS: `@ChildControllers([new Actions(), new Templates()])` (or one, `new Actions()`): each child's router
      // is mounted on the parent's, so its routes are under the parent's path (plunk's `@Controller("v1")`).
      const cls = classAfter(s, i);
      const arg = s.argumentsOf(call)[0];
      const items = arg?.type === 'array' ? arg.namedChildren : arg ? [arg] : [];
      const children = items.flatMap((n) => {
        const ctor = n?.type === 'new_expression' ? n.childForFieldName('constructor') : undefined;
        return ctor?.type === 'identifier' ? [ctor.text] : [];
      });
      if (cls && children.length) childrenOf.set(cls, children);
    } else if (name === 'Version') {
      const method = methodAfter(s, i);
      const v = versionOf(s.argumentsOf(call)[0]);
      if (method !== undefined && v !== undefined) methodVersion.set(method, v);
    } else if (NEST_METHODS.has(name)) {
      const method = methodAfter(s, i);
      if (method === undefined) continue;
      // `@Get(['/', 'favicon.ico', '_next/*'])`: a route per path (teable's Next.js pages, served through Nest).
      const arg = s.argumentsOf(call)[0];
      const one = arg?.type === 'array' ? undefined : namedPath(s, arg);
      const paths = arg?.type === 'array' ? arg.namedChildren.flatMap((p) => namedPath(s, p ?? undefined) ?? []) : one === null ? [] : [one ?? ''];
      for (const path of paths) pending.push({ decorator: i, verb: name, path, method, nest: true });
    } else if ((INVERSIFY_METHODS.has(name) || name === 'httpMethod') && inversify()) {
      const method = methodAfter(s, i);
      if (method === undefined) continue;
      const args = s.argumentsOf(call);
      const named = name === 'httpMethod' ? stringValue(args.shift())?.toLowerCase() : undefined;
      const verb = named ? [...INVERSIFY_METHODS.values()].find((v) => v.toLowerCase() === named) : INVERSIFY_METHODS.get(name);
      const path = namedPath(s, args[0]);
      if (verb && path !== null) pending.push({ decorator: i, verb, path: path ?? '', method });
    }
  }
  for (const [cls, children] of childrenOf) {
    const path = classPrefix.get(cls);
    if (path !== undefined && !unreadClasses.has(cls)) (c.childControllers ??= {})[cls] = [path, children];
  }
  const nest = () => (framework ??= decoratorFramework(s)) === 'nestjs' && (s.mentions('@nestjs/common') || namespaces.size > 0);
  for (const p of pending) {
    const owner = s.functions[s.functionIndexAt(p.method)!]?.owner;
    if (!owner || unreadClasses.has(owner)) continue;
    if (!classPrefix.has(owner)) {
      // A base class's route method (Amplication's `class HealthControllerBase { @Get("live") … }`, no `@Controller` of
      // its own): served by each controller extending it, `@Controller("_health") class HealthController extends
      // HealthControllerBase {}`, under that one's path (the join, RouteLink.inherited).
      const name = s.nodes[p.method].node.childForFieldName('name')?.text;
      if (!p.nest || !name || !nest()) continue;
      const version = methodVersion.get(p.method);
      c.add({
        method: p.verb === 'All' ? 'ANY' : p.verb.toUpperCase(),
        path: joinPaths('/', p.path),
        framework: 'nestjs',
        declaration: s.rangeOf(p.decorator),
        handlerIndex: p.method,
        at: p.decorator,
        mountable: true,
        inherited: { base: owner, method: name, ...(version !== undefined ? { version } : {}) },
        ...(s.mentions('Use') ? { nestEnhancers: nestEnhancersOf(s.nodes[p.method].node, namespaces) } : {}),
        nestMarks: nestMarksOf(s.nodes[p.method].node, namespaces),
      });
      continue;
    }
    if (tsoaClasses.has(owner)) {
      if (p.verb === 'All') continue;
      c.add({
        method: p.verb.toUpperCase(),
        path: joinPaths('/', classPrefix.get(owner)!, p.path).replace(/\{(\w*)\}/g, ':$1'),
        framework: 'tsoa',
        declaration: s.rangeOf(p.decorator),
        handlerIndex: p.method,
        at: p.decorator,
        mountable: false,
      });
      continue;
    }
    if (inversifyClasses.has(owner)) {
      c.add({
        method: p.verb === 'All' ? 'ANY' : p.verb.toUpperCase(),
        path: joinPaths('/', classPrefix.get(owner)!, p.path),
        framework: 'inversify-express-utils',
        declaration: s.rangeOf(p.decorator),
        handlerIndex: p.method,
        at: p.decorator,
        mountable: true,
      });
      continue;
    }
    framework ??= decoratorFramework(s);
    const own = framework === 'nestjs' ? ownDecorators(s) : undefined;
    const version = framework === 'nestjs' ? `${NAMED_PART}${VERSION_PART}${methodVersion.get(p.method) ?? classVersion.get(owner) ?? ''}${NAMED_PART}` : '';
    c.add({
      method: p.verb === 'All' ? 'ANY' : p.verb.toUpperCase(),
      path: joinPaths('/', version, classPrefix.get(owner)!, p.path),
      framework,
      declaration: s.rangeOf(p.decorator),
      handlerIndex: p.method,
      at: p.decorator,
      mountable: true,
      controller: owner,
      ...(framework === 'nestjs' && s.mentions('Use') ? { nestEnhancers: nestEnhancersOf(s.nodes[p.method].node, namespaces) } : {}),
      ...(framework === 'nestjs' ? { nestMarks: nestMarksOf(s.nodes[p.method].node, namespaces) } : {}),
      ...(own ? { ownDecorators: own } : {}),
    });
  }
  // The path of each NestJS controller that extends another class, with its version, for the routes it inherits.
  for (const [cls, prefix] of classPrefix) {
    if (tsoaClasses.has(cls) || inversifyClasses.has(cls) || unreadClasses.has(cls) || !s.mentions('extends')) continue;
    if (!new RegExp(String.raw`\bclass\s+${cls.replace(/\$/g, '\\$')}\b[^{]*\bextends\b`).test(s.text) || !nest()) continue;
    (c.classPrefixes ??= {})[cls] = [joinPaths('/', `${NAMED_PART}${VERSION_PART}${classVersion.get(cls) ?? ''}${NAMED_PART}`, prefix)];
  }
  nestModules(c);
}

/**
 * The names `@nestjs/common` is imported as whole: Amplication generates every service with `import * as common from
 * "@nestjs/common"`, then `@common.Controller("versions")`, `@common.Get()`, `@common.UseGuards(…)`.
 */
export function nestNamespaces(s: FileStructure): Set<string> {
  return s.memo('js.nestNamespaces', () => {
    const out = new Set<string>();
    if (s.mentions('@nestjs/common') && s.mentions('* as')) for (const m of s.text.matchAll(/\bimport\s+\*\s+as\s+([\w$]+)\s+from\s+['"]@nestjs\/common['"]/g)) out.add(m[1]);
    return out;
  });
}

/**
 * The module a file imports `Controller` from when that is not NestJS's (plane live's `import { Controller, Get } from
 * "@plane/decorators"`, a project's own decorators that register on an Express router): its routes are not Nest's
 * unless the service is a Nest app (RouteLink.ownDecorators). Undefined when the file imports it from `@nestjs/…` or
 * does not import it.
 */
function ownDecorators(s: FileStructure): string | undefined {
  return s.memo('js.ownDecorators', () => {
    const m = /\bimport\s*(?:type\s+)?\{[^}]*\bController\b[^}]*\}\s*from\s*['"]([^'"]+)['"]/.exec(s.text);
    return m && !m[1].startsWith('@nestjs/') ? m[1] : undefined;
  }) ?? undefined;
}

/** A decorator's name as written (`Get`), or through a namespace `@nestjs/common` is imported as (`common.Get`). */
function nestDecoratorName(chain: string[], namespaces: Set<string>): string | undefined {
  if (chain.length === 1) return chain[0];
  return chain.length === 2 && namespaces.has(chain[0]) ? chain[1] : undefined;
}

/**
 * NestJS modules: the controllers each `@Module({ controllers: […] })` lists, and the modules pushed onto a list
 * only in development or tests (`if (process.env.NODE_ENV === 'test') { modules.push(TestingModule); }`).
 */
function nestModules(c: RouteCollector): void {
  const s = c.s;
  if (!s.mentions('Module')) return;
  const namespaces = nestNamespaces(s);
  for (const [i, call] of s.calls) {
    const chain = call.chain;
    if (nestDecoratorName(chain, namespaces) === 'Module' && s.nodes[i].parent >= 0 && s.nodes[s.nodes[i].parent].type === 'decorator') {
      const options = s.argumentsOf(call)[0];
      const listed = options?.type === 'object' ? objectProps(options).get('controllers') : undefined;
      const cls = classAfter(s, s.nodes[i].parent);
      if (!cls || listed?.type !== 'array') continue;
      (c.nestModules ??= {})[cls] = listed.namedChildren.flatMap((n) => (n?.type === 'identifier' ? [n.text] : []));
    } else if (chain.length === 2 && chain[1] === 'push' && c.developmentOnly(i)) {
      for (const a of s.argumentsOf(call)) if (a.type === 'identifier' && /Module$/.test(a.text)) (c.devOnlyModules ??= []).push(a.text);
    } else if (chain.length === 2 && chain[0] === 'RouterModule' && (chain[1] === 'register' || chain[1] === 'forRoutes')) {
      // `RouterModule.register(routes)` (nest-router's `forRoutes` before it): each module's controllers under its path.
      const routes = s.argumentsOf(call)[0];
      const list = routes?.type === 'array' ? routes : routes?.type === 'identifier' ? moduleArray(s, routes.text) : undefined;
      if (list) nestRouteTree(c, list, '', 0);
    }
  }
}

/** `{ path: '/api/v2', module: PublicApiModule, children: [{ path: 'x', module: XModule }] }`: each module's path. */
function nestRouteTree(c: RouteCollector, list: Node, prefix: string, depth: number): void {
  if (depth > 4) return;
  for (const item of list.namedChildren) {
    if (item?.type !== 'object') continue;
    const props = objectProps(item);
    const own = namedPath(c.s, props.get('path'));
    if (own === undefined || own === null) continue;
    const path = joinPaths(prefix, own);
    const module = props.get('module');
    if (module?.type === 'identifier') (c.nestRoutes ??= {})[module.text] = path;
    const children = props.get('children');
    if (children?.type === 'array') nestRouteTree(c, children, path, depth + 1);
  }
}

/** The array literal a module-level `const name = […]` (or `const name: Routes = […]`) holds. */
function moduleArray(s: FileStructure, name: string): Node | undefined {
  const m = new RegExp(String.raw`\b(?:const|let|var)\s+${name}\s*(?::[^=]+)?=\s*\[`).exec(s.text);
  if (!m) return undefined;
  for (let n: Node | null = s.tree.rootNode.descendantForIndex(m.index + m[0].length - 1); n; n = n.parent) if (n.type === 'array') return n;
  return undefined;
}

/**
 * A decorator's path: written, a constant of this file (`const P = 'users'`), or one of another module
 * (`routesV1.user.root`, imported), left as a named part (NAMED_PART…) that the join reads where it is defined. Null
 * for a template or `+` this file cannot read whole: no route rather than one at a wrong path.
 */
function namedPath(s: FileStructure, arg: Node | undefined): string | null | undefined {
  const written = stringValue(arg);
  if (written !== undefined || !arg) return written;
  // Amplication's storage gateway: `` @Get(`/:${RESOURCE_ID_PARAM_KEY}/:${BUILD_ID_PARAM_KEY}/list`) `` with
  // `const RESOURCE_ID_PARAM_KEY = "resourceId"` in the file, read as an Express path built so is.
  if (arg.type === 'template_string' || arg.type === 'binary_expression') {
    const built = jsPrefixValue(s, arg);
    return built !== undefined && !built.includes(NAMED_PART) ? built : null;
  }
  if (arg.type !== 'identifier' && arg.type !== 'member_expression') return undefined;
  const chain = calleeChain(arg.text);
  if (!chain) return undefined;
  const local = s.memo('js.constants', () => jsStringConstants(s.text) ?? {})[chain.join('.')];
  return local ?? `${NAMED_PART}${chain.join('.')}${NAMED_PART}`;
}

export function classAfter(s: FileStructure, decorator: number): string | undefined {
  const parent = s.nodes[decorator].parent;
  const candidates = parent >= 0 && s.nodes[parent].type.startsWith('class') ? [parent] : [];
  for (let j = decorator + 1; j < s.nodes.length && candidates.length === 0; j++) if (s.nodes[j].type.startsWith('class')) candidates.push(j);
  return candidates.length ? s.nodes[candidates[0]].node.childForFieldName('name')?.text : undefined;
}

export function methodAfter(s: FileStructure, decorator: number): number | undefined {
  const end = s.nodes[decorator].end;
  for (let j = decorator + 1; j < s.nodes.length; j++) {
    if (s.nodes[j].start < end) continue;
    return s.nodes[j].type === 'method_definition' ? j : s.nodes[j].type === 'decorator' ? methodAfter(s, j) : undefined;
  }
  return undefined;
}

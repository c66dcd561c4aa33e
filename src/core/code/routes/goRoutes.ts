import type { Node } from '@vscode/tree-sitter-wasm';
import type { CallInfo, FileStructure, Scanned } from '../fileStructure';
import { goHandlerValue, goLocalType } from '../localTypes';
import { calleeChain, stringValue, topLevelParts, unescaped } from '../syntax';
import { localFunction } from './javascriptRoutes';
import { GoRouteHelpers, PARAM } from './goRouteHelpers';
import { GO_SEGMENT, joinPaths, NAMED_PART, type RouteCollector } from './routeCollector';
import { goImports } from '../moduleFacts';

const NET_HTTP = new Set(['HandleFunc', 'Handle']);
const GIN = new Map([
  ['GET', 'GET'], ['POST', 'POST'], ['PUT', 'PUT'], ['DELETE', 'DELETE'], ['PATCH', 'PATCH'], ['HEAD', 'HEAD'], ['OPTIONS', 'OPTIONS'], ['Any', 'ANY'],
  // echo's and fasthttp/router's; fasthttp/router's any method (authelia's `r.ANY(pathAuthzLegacy, h)`).
  ['CONNECT', 'CONNECT'], ['TRACE', 'TRACE'], ['ANY', 'ANY'],
]);
const CHI = new Map([
  ['Get', 'GET'], ['Post', 'POST'], ['Put', 'PUT'], ['Delete', 'DELETE'], ['Patch', 'PATCH'], ['Head', 'HEAD'], ['Options', 'OPTIONS'], ['Connect', 'CONNECT'], ['Trace', 'TRACE'],
]);
/** The methods fiber's and echo's `Add` is given (`ANY` for fasthttp/router's MethodWild is none of theirs). */
const ADDED_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'CONNECT', 'TRACE']);
/** Receivers that send requests rather than route them. */
const HTTP_CLIENTS = /^(?:http|\w*[cC]lient|resty|\w*[sS]ession)$/;

export const HTTP_METHOD_CONSTANTS: Record<string, string> = {
  MethodGet: 'GET', MethodPost: 'POST', MethodPut: 'PUT', MethodDelete: 'DELETE', MethodPatch: 'PATCH', MethodHead: 'HEAD', MethodOptions: 'OPTIONS',
};

/**
 * Go: `net/http` (`mux.HandleFunc("GET /items/{id}", h)`, Go 1.22 method patterns), gorilla/mux
 * (`r.HandleFunc("/x", h).Methods("GET")`), gin and echo (`r.GET`, `g := r.Group("/v1")`), chi (`r.Get`,
 * `r.Route("/x", func(r chi.Router) {…})`, `r.Mount("/x", sub())`). Paths built from package-level string
 * constants (`baseUrl + "/cart"`) are resolved from this file's constants.
 */
export function findGoRoutes(c: RouteCollector, constants: Record<string, string>): void {
  const s = c.s;
  const groupPrefix = new GroupPrefixes(s); // gin/echo: v1 := r.Group("/v1")
  const mounted = mountedRouters(s, constants); // chi: router.Mount("/api", apiRouter)
  const routeFunctions = new Map<number, string>(); // chi: r.Route("/x", func(r chi.Router) {…}) → func scan index
  // The router each of those registers on: the callback's parameter (chi's `r`), or the receiver of the group for a
  // callback that takes none (Macaron's `m.Group("/api", func() {…})`, whose `m` is the same router, now prefixed).
  const callbackRouters = new Map<number, string>();
  const ginOrEcho = s.memo('go.ginOrEcho', () => ginOrEchoOf(s.text));
  // Registrations under a path a function of the file is given (`r.HandleFunc("/"+path, h)`): see goRouteHelpers.
  const helpers = new GoRouteHelpers(s);
  const helperPath = (i: number, node: Node | undefined) => {
    const helper = node && node.type !== 'interpreted_string_literal' ? helpers.helperAt(i) : undefined;
    return helper && pathOf(node, { ...constants, ...helper.bound });
  };
  // Macaron's routes kept in a closure first and given to a group by name (gogs' `webhookRoutes := func() {…}`, then
  // `m.Group("/hooks", webhookRoutes)`): the closure's registrations are read after the group, under its prefix.
  const closures = s.mentions(':= func()') ? routeClosures(s) : undefined;
  const calls = closures?.size ? closureBodiesLast(s, closures) : s.calls;
  const visit = (i: number, call: CallInfo): void => {
      // chi: `r.With(paginate).Get("/", h)` registers on `r` with inline middleware: the route is `r.Get`'s.
      const written = call.chain.length > 2 && call.chain.includes('With') ? call.chain.filter((name, k) => k === 0 || name !== 'With') : call.chain;
      const chain = fieldRouterChain(s, i, written) ?? written;
      const args = () => s.argumentsOf(call);
      // `v1.NewRoutes(apiV1Group, …)`: a group kept in a variable and given to a function, which registers on it (as
      // `users.Register(v1.Group("/users"))` does, below).
      const routerParams = s.memo('go.routerParams', () => ROUTER_PARAMETER.test(s.text));
      if ((groupPrefix.size || mounted.size || routerParams) && call.argsStart >= 0 && call.chain.length && call.chain[call.chain.length - 1] !== 'Mount') {
        // (Not a handler's request of the same name, `func(w http.ResponseWriter, r *http.Request) { render(w, r) }`.)
        let given: { text: string } | undefined = args().find((a) => a.type === 'identifier' && (groupPrefix.has(i, a.text) || mounted.has(i, a.text)) && !isRequestParameter(s, i, a.text));
        // A group's Handle method value handed over (gotosocial's `h := apiGroup.Handle` then `c.statuses.Route(h)`, or
        // `m.health.Route(healthGroup.Handle)`): the callee registers on that group through its parameter (handleCall).
        const handles = s.mentions('.Handle') ? args().map((a) => handleValueOf(s, i, a)) : undefined;
        if (!given && handles) {
          const name = handles.find((r) => r !== undefined && (groupPrefix.has(i, r) || mounted.has(i, r)));
          if (name) given = { text: name };
        }
        // A group the function is handed, handed on as it is (alist's `func task(g *gin.RouterGroup) {
        // handles.SetupTaskRoute(g) }`, vikunja's `registerMigrations(m)` then `csvFileMigrator.RegisterRoutes(m)`): the
        // callee's routes are under the function's own prefixes. (Its Handle too: `a.health.Route(r.Handle)`.)
        const handedOn =
          !given && routerParams
            ? (args().find((a) => a.type === 'identifier' && routerParameterOf(s, i, a.text)) ?? handles?.find((r) => r !== undefined && routerParameterOf(s, i, r)))
            : undefined;
        if (handedOn) {
          const targetType = call.chain.length === 2 ? mountedValueType(s, i, call.chain) : undefined;
          const enclosing = c.enclosingNames(i);
          if (enclosing.length) c.mounts.push({ prefix: '', target: call.chain, ...(targetType ? { targetType } : {}), enclosing });
        }
        if (given) {
          // `activityHandler.RegisterRoutes(apiRouter)` with `activityHandler := api.NewActivityApiHandler(…)`: that type's method.
          const targetType = call.chain.length === 2 ? mountedValueType(s, i, call.chain) : undefined;
          // Under the prefixes of the function it is written in, when a caller mounts that one (alist's `admin(g)` then
          // `handles.SetupTaskRoute(g.Group("/task"))`): a group made of what the function was handed.
          // (A function taken from a list the package fills, `for _, f := range routerCheckRole { f(v1) }`: each of them.)
          const ranged = call.chain.length <= 2 && !targetType ? rangedOver(s, i, call.chain[0]) : undefined;
          const list = call.chain.length === 1 && ranged && !ranged.includes('.') ? ranged : undefined;
          // (A method of each value of a list, 1Panel's `for _, router := range rou.RouterGroupApp { router.InitRouter(
          // PrivateGroup) }`: the method of each type the list is written with, MountFact.listedValues.)
          const values = call.chain.length === 2 && ranged ? ranged.split('.') : undefined;
          c.mounts.push({ prefix: groupPrefix.get(i, given.text) ?? mounted.get(i, given.text)!, target: list ? [list] : call.chain, ...(list ? { listed: true } : {}), ...(values ? { listedValues: values } : {}), ...(targetType ? { targetType } : {}), ...enclosedBy(c, i) });
        }
      }
      // `m.Group("/api", func() { apiv1.RegisterRoutes(m) })` (gogs), `r.Route("/api", func(r chi.Router) { h.Register(r) })`:
      // the router, under the group's prefix, given to a function that registers on it.
      if (callbackRouters.size && call.argsStart >= 0 && call.chain.length) {
        const inside = enclosingCallback(s, i, callbackRouters);
        // (Macaron's `lfs.RegisterRoutes(m.Router)`: the router the Macaron value embeds, prefixed the same.)
      const router = inside && callbackRouters.get(inside);
      if (router && args().some((a) => a.text === router || (a.type === 'selector_expression' && a.text === `${router}.Router`))) {
          const targetType = call.chain.length === 2 ? mountedValueType(s, i, call.chain) : undefined;
          // Under the prefixes of the function the group is written in too, when a caller hands that one its router
          // (gitness' setupSpaces, given `r` in `r.Route("/v1", …)`, calls `SetupSpaceLabels(r)` in `r.Route("/{space_ref}", …)`).
          c.mounts.push({ prefix: routeFunctions.get(inside)!, target: call.chain, ...(targetType ? { targetType } : {}), ...enclosedBy(c, i) });
        }
      }
      // `func (s *Server) getGalleryRoutes() chi.Router { return galleryRoutes{…}.Routes() }` (stash), mounted elsewhere:
      // the router it returns is another function's, under the same prefixes.
      // (Not a group made where it is returned, navidrome's `return r.Route(path.Join(base, "/auth"), func(r chi.Router) {…})`: read below.)
      const back = GROUPS.has(call.chain[call.chain.length - 1]) ? undefined : handedBack(s, i);
      if (back) {
        // A method of a value made in place (`galleryRoutes{…}.Routes()`, its fields nested literals too), or a call.
        const text = s.textOf(i);
        const literal = /^&?\(?\s*([A-Za-z_]\w*)\s*\{/.exec(text);
        const called = literal && call.argsStart >= 0 ? /\.\s*([A-Za-z_]\w*)\s*$/.exec(text.slice(0, call.argsStart - s.nodes[i].start))?.[1] : undefined;
        const target = literal ? (called ? [literal[1], called] : []) : call.chain;
        const enclosing = c.enclosingNames(i);
        // (`r := chi.NewRouter(); …; return r`: the routes are this function's own, nothing else is mounted.)
        if (target.length && enclosing.length && !(back === 'kept' && ROUTER_PACKAGES.has(target[0]))) {
          const targetType = target.length === 2 ? mountedValueType(s, i, target) : undefined;
          c.mounts.push({ prefix: '', target, ...(targetType ? { targetType } : {}), enclosing });
        }
        // (A router kept in a variable may be a group made here, `g := r.Group("/x")`: read on as one.)
        if (back === 'returned') return;
      }
      // A mount through the project's own helper, declared maybe in another package (navidrome's `a.MountRouter("Native
      // API", consts.URLPathNativeAPI, CreateNativeAPIRouter(ctx))`): the join keeps it where the service declares a
      // function of that name that mounts those arguments (goMountHelpersOf). Its name says so, a cheap first test.
      if (call.argsStart >= 0 && call.chain.length && call.chain.length <= 2 && MOUNT_HELPER.test(call.chain[call.chain.length - 1])) {
        const a = args();
        const path = a.findIndex((n) => /^(?:\/|\u0000)/.test(pathOf(n, constants) ?? ''));
        const router = path >= 0 ? a.findIndex((n, k) => k > path && (n.type === 'call_expression' || n.type === 'identifier')) : -1;
        const target = router >= 0 ? (valueMethodChain(a[router].text) ?? calleeChain(a[router].text)) : undefined;
        if (target?.length) {
          const targetType = a[router].type === 'call_expression' && target.length === 2 ? mountedValueType(s, i, target) : undefined;
          c.mounts.push({ prefix: pathOf(a[path], constants)!, target, ...(targetType ? { targetType } : {}), through: { name: call.chain[call.chain.length - 1], path, handler: router }, ...enclosedBy(c, i) });
          return;
        }
      }
      if (call.argsStart >= 0 && s.memo('go.huma', () => s.text.includes('github.com/danielgtaylor/huma')) && humaRoute(c, s, i, call, constants, groupPrefix)) return;
      // `webhookRoutes()` called in a group's callback (gogs' repository settings): its routes under that group's prefix.
      if (chain.length === 1 && closures?.has(chain[0]) && call.argsStart >= 0 && !args().length) {
        const inside = enclosingCallback(s, i, callbackRouters);
        routeClosurePrefix(closures.get(chain[0])!, prefixAt(s, i, routeFunctions), inside !== undefined ? callbackRouters.get(inside) : undefined);
        return;
      }
      if (chain.length === 1 && call.argsStart >= 0 && handleCall(c, s, i, chain[0], args(), ginOrEcho, prefixAt(s, i, routeFunctions), constants)) return;
      if (chain.length < 2) return;
      // Beego's package functions (`web.Get("/x", h)`, `web.Router(…)`) are read by beegoRoutes.ts.
      if (chain.length === 2 && (chain[0] === 'web' || chain[0] === 'beego') && s.memo('go.beego', () => isBeegoModule(s.text))) return;
      if (chain.length === 2 && chain[0] === 'chi' && (chain[1] === 'NewRouter' || chain[1] === 'NewMux')) {
        // A router the function makes, handed to the functions that register on it (navidrome's `api.addArtistRoute(r)`
        // in the `routes()` a constructor mounts): under the prefixes of the function, as the routes it adds itself.
        // (One mounted by name has the mount's prefix: mountedRouters.)
        const name = assignedName(outermostSameStart(s, i).node);
        if (name && !mounted.has(i, name) && !groupPrefix.has(i, name)) groupPrefix.set(i, name, prefixAt(s, i, routeFunctions));
        return;
      }
      const method = chain[chain.length - 1];
      const receiver = chain[chain.length - 2];
      if (method === 'Route' && call.argsStart >= 0 && args()[0]?.type === 'func_literal') {
        // go-pkgz/routegroup: `rapi.Group().Route(func(ropen *routegroup.Bundle) {…})`: its routes are under rapi's prefix.
        const fn = s.indexOfNode(args()[0]);
        // `rapi.Mount("/admin").Route(…)`: the group made in the same expression adds its own prefix.
        const own = chain.length === 3 && (chain[1] === 'Mount' || chain[1] === 'Group') ? (groupOfChain(s, i, chain, constants) ?? '') : '';
        if (fn !== undefined) routeFunctions.set(fn, joinPaths(prefixAt(s, i, routeFunctions), groupPrefix.get(i, chain[0]) ?? '', own));
        return;
      }
      if (method === 'Subrouter' && (receiver === 'PathPrefix' || receiver === 'Path' || receiver === 'NewRoute')) {
        // gorilla/mux: `apiv2 := r.PathPrefix("/api/v2").Subrouter()` is a group under that prefix (focalboard's API);
        // given to a function (`a.registerUsersRoutes(apiv2)`), its routes are mounted there, as gin's groups are. Also
        // one path's (semaphore's `userAPI := api.Path("/users/{user_id}").Subrouter()`, then `userAPI.Methods("GET")
        // .HandlerFunc(getUser)`): the routes set on it with no path of their own are at its path. `api.NewRoute()
        // .Subrouter()` (for its own middleware) is at its parent's.
        const inner = receiver === 'NewRoute' ? undefined : sameStartCall(s, i, receiver);
        const prefix = receiver === 'NewRoute' ? '' : inner ? pathOf(s.argumentsOf(inner)[0], constants) : undefined;
        if (prefix === undefined) return;
        const full = joinPaths(prefixAt(s, i, routeFunctions), groupPrefix.get(i, chain[0]) ?? '', prefix);
        const name = assignedName(outermostSameStart(s, i).node);
        if (name) groupPrefix.set(i, name, full);
        else {
          // Given as it is made (writefreely's `RouteRead(handler, lvl, write.PathPrefix("/read").Subrouter())`).
          const outer = s.calls.get(s.nodes[i].parent);
          if (outer && outer.chain.length && outer.argsStart >= 0 && s.nodes[i].start > outer.argsStart) c.mounts.push({ prefix: full, target: outer.chain, ...enclosedBy(c, i) });
        }
        return;
      }
      if (chain.length >= 3 && chain[1] === 'Combo' && (CHI.has(method) || method === 'Any')) {
        // Macaron's (gogs) and Gitea's `m.Combo("/avatar").Get(h).Post(form, h2)`: each link is a method of the one path.
        const combo = sameStartCall(s, i, 'Combo');
        const path = combo && combo.argsStart >= 0 ? pathOf(s.argumentsOf(combo)[0], constants) : undefined;
        const a = args();
        const handler = path !== undefined && (path === '' || path.startsWith('/')) && a.length ? handlerOf(s, a[a.length - 1]) : undefined;
        if (!handler) return;
        const full = joinPaths(prefixAt(s, i, routeFunctions), groupPrefix.get(i, chain[0]) ?? '', path!);
        c.add({ method: CHI.get(method) ?? 'ANY', path: full, framework: chiLike(s), declaration: s.rangeOf(i), ...handler, receiver: chain[0], at: i });
        return;
      }
      // Iris: `users := app.Party("/users")`, `app.PartyFunc("/users", func(users iris.Party) {…})`, as gin's and chi's.
      // A project's own group maker (opengist's `sA := r.SubGroup("/-/settings")`, wrapping `r.Group.Group(prefix, …)`):
      // named for a group and given a path, read as one. (Also a path the file's constants give, gotosocial's `profileGroup
      // := r.AttachGroup(profileGroupPath)` with `profileGroupPath = "/@:username"`; not a value that is no path.) A
      // name of the package that another of its files declares (NAMED_PART) is read at the join, as gin's own Group's
      // is: a path there, or no route where it holds none; not a parameter or a local (pathOf reads those as nothing).
      const ownGroup =
        /^[A-Z]\w*Group$/.test(method) &&
        chain.length >= 2 &&
        call.argsStart >= 0 &&
        (/^"(?:\/|")/.test(args()[0]?.text ?? '') || ((args()[0]?.type === 'identifier' || args()[0]?.type === 'binary_expression') && /^(?:\/|\u0000)/.test(pathOf(args()[0], constants) ?? '')));
      if (method === 'Group' || method === 'Route' || method === 'Party' || method === 'PartyFunc' || ownGroup) {
        const a = args();
        let prefix = pathOf(a[0], constants) ?? helperPath(i, a[0]);
        // A group of a prefix computed at run time under one of a prefix written (pagoda's `ng :=
        // entities.Group(fmt.Sprintf("/%s", strings.ToLower(n.GetName())))` for each entity type): that part read as
        // empty, as a base set at run time is, under its parents' prefixes rather than at the root.
        if (prefix === undefined && (method === 'Group' || method === 'Party') && a[0] && (groupPrefix.has(i, receiver) || prefixAt(s, i, routeFunctions) !== '')) prefix = '';
        if (prefix === undefined) return;
        const full = (method === 'Group' && ginOrEcho === 'echo' ? echoPath : joinPaths)(prefixAt(s, i, routeFunctions), groupPrefix.get(i, receiver) ?? '', prefix);
        // Macaron's `m.Route("/delete", "GET,POST", h)`: one path, the methods listed.
        // The list also joined from net/http's names, `http.MethodHead+","+http.MethodGet`.
        const methodsText = a[1]?.type === 'interpreted_string_literal' ? a[1].text : a[1]?.type === 'binary_expression' ? a[1].text.replace(/\bhttp\.Method(\w+)/g, (_, m: string) => `"${m.toUpperCase()}"`).replace(/"\s*\+\s*"/g, '') : undefined;
        const listed = method === 'Route' && a.length >= 3 && methodsText ? /^"([A-Z]+(?:\s*,\s*[A-Z]+)*)"$/.exec(methodsText)?.[1] : undefined;
        if (listed) {
          const handler = prefix.startsWith('/') || prefix === '' ? handlerOf(s, a[a.length - 1]) : undefined;
          if (handler) for (const verb of listed.split(',')) c.add({ method: verb.trim(), path: full, framework: chiLike(s), declaration: s.rangeOf(i), ...handler, receiver, at: i });
          return;
        }
        const fn = a[1]?.type === 'func_literal' && takesRouter(a[1]) ? s.indexOfNode(a[1]) : a[1]?.type === 'identifier' ? closures?.get(a[1].text) : undefined;
        if (fn !== undefined && a[1]?.type === 'identifier') routeClosurePrefix(fn, full, receiver);
        else if (fn !== undefined) {
          routeFunctions.set(fn, full);
          const param = a[1].childForFieldName('parameters')?.namedChildren[0]?.childForFieldName('name')?.text;
          if (full !== '' && full !== '/') callbackRouters.set(fn, param ?? receiver);
        } else {
          // `userGroup := g.Group("/user").Use(auth.Optional)`: the name is given to the outermost call of the chain.
          const name = assignedName(outermostSameStart(s, i).node);
          if (name) groupPrefix.set(i, name, full);
          else {
            // gin: `users.Register(v1.Group("/users"))`: the function registers its routes on the group it is given (also
            // one given middleware there, `v1.Group("/admin").Use(auth)`).
            const outer = s.calls.get(outermostSameStart(s, i).parent);
            if (outer && outer.chain.length && outer.argsStart >= 0 && s.nodes[i].start > outer.argsStart) c.mounts.push({ prefix: full, target: outer.chain, ...enclosedBy(c, i) });
          }
        }
        return;
      }
      if (method === 'Mount' && call.argsStart >= 0 && args().length === 1) {
        // go-pkgz/routegroup: `rapi := router.Mount("/api/v1")` is a group under that prefix, as gin's Group is.
        const prefix = pathOf(args()[0], constants);
        const name = prefix !== undefined ? assignedName(outermostSameStart(s, i).node) : undefined;
        if (name) groupPrefix.set(i, name, joinPaths(prefixAt(s, i, routeFunctions), groupPrefix.get(i, receiver) ?? '', prefix!));
        return;
      }
      if (method === 'Mount') {
        const a = args();
        const prefix = pathOf(a[0], constants);
        // A parameter the function is given by its one provider (drone's Wire-built `provideRouter(…, rpcv2
        // rpcHandlerV2, …)` mounting `rpcv2`, which `provideRPC2() rpcHandlerV2` makes with `rpc2.NewServer(…)`).
        const provided = a[1]?.type === 'identifier' ? providedValue(s, i, a[1].text) : undefined;
        const target = provided ?? (a[1] ? (valueMethodChain(a[1].text) ?? calleeChain(a[1].text)) : undefined);
        if (prefix !== undefined && target) {
          const targetType = a[1]?.type === 'call_expression' ? mountedValueType(s, i, target) : undefined;
          const enclosing = c.enclosingNames(i);
          c.mounts.push({ prefix: joinPaths(prefixAt(s, i, routeFunctions), prefix), receiver, target, ...(targetType ? { targetType } : {}), ...(enclosing.length ? { enclosing } : {}) });
          // A value that serves requests itself, routing none (drone's `r.Mount("/metrics", metrics)`, a `*metric.Server`
          // with its own ServeHTTP): one route at the prefix, kept by the join only where the maker's type has ServeHTTP.
          if (a[1]?.type === 'call_expression' || provided) {
            const full = joinPaths(prefixAt(s, i, routeFunctions), groupPrefix.get(i, receiver) ?? '', prefix);
            c.add({ method: 'ANY', path: full.length > 1 ? full.replace(/\/+$/, '') || '/' : full, framework: 'chi', declaration: s.rangeOf(i), handlerChain: target, receiver, at: i, goMountedHandler: true });
          }
        }
        return;
      }
      if (
        (method === 'Handler' || method === 'HandlerFunc') &&
        GORILLA_BUILDERS.has(chain[chain.length - 2]) &&
        (chain.some((n) => n === 'Path' || n === 'PathPrefix') || (chain[1] === 'Methods' && groupPrefix.get(i, chain[0]) !== undefined))
      ) {
        // gorilla/mux: r.PathPrefix("/static/").Handler(h), one route for everything under the prefix; and the route
        // built in steps, r.Methods("GET").Path("/catalogue/{id}").Handler(h) (Sock Shop's catalogue).
        builtRoute(c, i, call, constants, groupPrefix, routeFunctions);
        return;
      }
      if (STATIC.has(method) && chain.length === 2 && ginOrEcho === 'gin' && s.memo('go.importsGin', () => /"github\.com\/gin-gonic\/gin"/.test(s.text))) {
        // gin serves files: r.Static("/assets", dir) and StaticFS are GET and HEAD /assets/*filepath; StaticFile is
        // GET and HEAD of that one path.
        const a = args();
        const path = a.length >= 2 ? pathOf(a[0], constants) : undefined;
        if (path === undefined || !path.startsWith('/')) return;
        const full = joinPaths(prefixAt(s, i, routeFunctions), groupPrefix.get(i, receiver) ?? '', method.startsWith('StaticFile') ? path : joinPaths(path, '/*filepath'));
        for (const verb of ['GET', 'HEAD']) c.add({ method: verb, path: full, framework: 'gin', declaration: s.rangeOf(i), receiver, at: i });
        return;
      }
      let verbs: string[] | undefined;
      let inlineGroup: string | undefined;
      // The router the route is registered on: the one before the method, or the group a chain of `Use` starts with.
      let on = receiver;
      let pathArg = 0;
      let framework = 'net/http';
      const httpMethod = method === 'Handle' && chain.length === 2 && (ginOrEcho === 'gin' || ginOrEcho === 'httprouter' || ginOrEcho === 'fasthttp/router') ? handledMethod(args()[0]) : undefined;
      if (httpMethod && /^[A-Z]+$/.test(httpMethod)) {
        // httprouter's, gin's and fasthttp/router's `router.Handle("DELETE", "/x/:id", h)`: the method first.
        verbs = [httpMethod];
        pathArg = 1;
        framework = ginOrEcho;
      } else if (NET_HTTP.has(method)) {
        // Another package's own server of the same shape (writefreely's `gopher.HandleFunc("/", h)` of go-gopher) serves no HTTP.
        if (chain.length === 2 && chain[0] !== 'http' && !chain[0].startsWith('*') && importsPackageNamed(s, chain[0])) return;
        verbs = gorillaMethods(s, i, call);
        framework = verbs ? 'gorilla/mux' : 'net/http';
      } else if (GIN.has(method) && chain.length === 2) {
        // A logger's attribute, `slog.Any("error", err)` (pocket-id's error handler, in a file that imports gin): no route.
        if (method === 'Any' && LOGGERS.test(receiver)) return;
        verbs = [GIN.get(method)!];
        framework = ginOrEcho;
      } else if (GIN.has(method) && chainedGroup(chain)) {
        // gin: `g.Group("/").Use(auth.Required).POST("/message", h)`: on the group made in the same expression.
        verbs = [GIN.get(method)!];
        framework = ginOrEcho;
        inlineGroup = groupOfChain(s, i, chain, constants);
        if (inlineGroup === undefined) return;
      } else if (GIN.has(method) && chain.length > 2 && chain.slice(1, -1).every((n) => n === 'Use')) {
        // gin's Use hands back the group it adds to: 1Panel's `swaggerRouter.Use(middleware.JwtAuth()).Use(
        // middleware.SessionAuth()).GET("/swagger/*any", h)` registers on `swaggerRouter`, with that middleware.
        verbs = [GIN.get(method)!];
        framework = ginOrEcho;
        on = chain[0];
      } else if (method === 'Match' && chain.length === 2 && ginOrEcho === 'gin') {
        // gin: `g.Match([]string{"GET", "HEAD"}, "/health", h)`.
        const list = args()[0];
        verbs = list ? [...list.text.matchAll(/"([A-Z]+)"/g)].map((m) => m[1]) : [];
        if (!verbs.length) return;
        pathArg = 1;
        framework = ginOrEcho;
      } else if (method === 'All' && chain.length === 2 && chiLike(s) === 'fiber') {
        // fiber: `app.All("/proxy/*", h)` takes every method (gatus' `router.All("/oidc/login", h)`). Not a filter that
        // hands each request on, `app.All("/*", func(c *fiber.Ctx) error { c.Set(…); return c.Next() })`: middleware.
        const a = args();
        if (fiberPassesOn(s, a[a.length - 1])) return;
        verbs = ['ANY'];
        framework = 'fiber';
      } else if (method === 'Add' && chain.length === 2 && (chiLike(s) === 'fiber' || ginOrEcho === 'echo')) {
        // fiber's and echo's `app.Add(fiber.MethodPost, "/x", h)`: the method first (a constant or a string), or fiber
        // v3's list of them, `app.Add([]string{"GET", "HEAD"}, "/x", h)`, also of constants,
        // `[]string{fiber.MethodGet, fiber.MethodHead}`. Not one known only at run time.
        const first = args()[0];
        const given = first?.type === 'composite_literal' ? listedMethods(first) : [handledMethod(first) ?? ''];
        verbs = given.map((m) => m.toUpperCase());
        if (!verbs.length || !verbs.every((m) => ADDED_METHODS.has(m))) return;
        pathArg = 1;
        framework = chiLike(s) === 'fiber' ? 'fiber' : 'echo';
      } else if (CHI.has(method) && chain.length === 2) {
        // An HTTP client's request, not a route: `client.Post(r.Host+reCaptchaAPI, contentType, body)` (filebrowser),
        // `http.Post(url, …)`.
        if (HTTP_CLIENTS.test(receiver)) return;
        verbs = [CHI.get(method)!];
        framework = chiLike(s);
      } else if (method === 'To' && chain.length === 2 && chiLike(s) === 'ozzo-routing') {
        // ozzo-routing: `r.To("GET,HEAD", "/healthcheck", h)`.
        verbs = (stringValue(args()[0]) ?? '').split(',').map((m) => m.trim().toUpperCase()).filter((m) => /^[A-Z]+$/.test(m));
        if (!verbs.length) return;
        pathArg = 1;
        framework = 'ozzo-routing';
      } else if ((method === 'Method' || method === 'MethodFunc') && chain.length === 2) {
        const m = stringValue(args()[0]);
        if (!m) return;
        verbs = [m.toUpperCase()];
        pathArg = 1;
        framework = 'chi';
      } else return;
      const a = args();
      if (a.length < pathArg + 2) return;
      let path = pathOf(a[pathArg], constants) ?? helperPath(i, a[pathArg]);
      if (path === undefined) return;
      // Go 1.22: "GET /items/{id}" (and "GET example.com/x"): the method is part of the pattern.
      const pattern = /^([A-Z]+)\s+(\S*)$/.exec(path);
      if (pattern) {
        verbs = [pattern[1]];
        path = pattern[2].replace(/^[^/]+(?=\/)/, '');
      }
      // gin and echo take `""` for the group's own path (`v1.GET("", h)` is `/v1`), and join a relative one
      // (`g.GET("version", h)` is `/version`).
      // Only in a file that imports gin or echo: `slog.Any("error", err)` is no route.
      // A subrouter's own path is `""` too (filebrowser's `users.Handle("", h).Methods("GET")` under `/api/users`).
      // So is a group callback's (gogs' Macaron: `m.Group("/user/settings", func() { m.Get("", user.Settings) })`).
      const subrouterRoot = path === '' && (groupPrefix.has(i, on) || prefixAt(s, i, routeFunctions) !== '');
      // (A name of the package is read at the join, which keeps it only if it is a path.)
      if (!path.startsWith('/') && !path.startsWith(PARAM) && !path.startsWith(NAMED_PART) && !subrouterRoot && (framework !== ginOrEcho || (path !== '' && !s.memo('go.importsGinOrEcho', () => /"github\.com\/(gin-gonic\/gin|labstack\/echo|cloudwego\/hertz)/.test(s.text))))) return;
      // echo's handler comes right after the path, its middleware after it (`GET(path, h, m ...MiddlewareFunc)`,
      // opengist's `r.GET("/-/all", gist.AllGists, checkRequireLogin)`); gin's, Hertz's and the others' last.
      const handlerArg = framework === 'echo' ? a[pathArg + 1] : a[a.length - 1];
      const handler = handlerOf(s, handlerArg);
      if (!handler) return;
      const madeBy = framework === 'net/http' ? handedRouter(s, i, handler.handlerChain) : undefined;
      // A router the function made itself, handed to another (miniflux's `rootMux.Handle("/", appHandler)` with
      // `var appHandler http.Handler = appMux`): a mount, whose routes ServeMux matches by their own full paths.
      if (madeBy === true) return;
      const join = framework === 'echo' ? echoPath : joinPaths;
      const group = inlineGroup !== undefined ? join(groupPrefix.get(i, chain[0]) ?? '', inlineGroup) : (groupPrefix.get(i, on) ?? '');
      let full = join(prefixAt(s, i, routeFunctions), group, path);
      if (full.includes(PARAM)) {
        const helper = helpers.helperAt(i);
        const handlerParam = helper && helpers.handlerParam(helper, handlerArg);
        if (helper) helpers.pending.push({ fn: helper.fn, verbs: verbs ?? ['ANY'], path: full, framework, handler: handlerParam === undefined ? handler : undefined, handlerParam, receiver: on, at: i, written: !path.includes(PARAM) });
        return;
      }
      // gin and echo keep the slash a route ends with under a group: `v1.GET("/", h)` is `/v1/` in `c.FullPath()`.
      if (framework === ginOrEcho && path.endsWith('/') && !full.endsWith('/')) full += '/';
      // …and `GET("")` is the group's own path, also of a group handed in (nginx-ui's `r.GET("", h)` in a function given
      // `r.Group("service_tokens")`): nothing to add to the prefixes the join gives it.
      if (framework === ginOrEcho && path === '' && full === '/') full = '';
      // chi's RoutePattern() drops a trailing slash (since v5.0.10): `r.Get("/items/", h)` is reported as `/items`.
      if (framework === 'chi' && full.length > 1) full = full.replace(/\/{1,2}$/, '') || '/';
      // The middleware given beside the handler runs on each request too (one-api's `r.GET("/verification",
      // middleware.CriticalRateLimit(), middleware.TurnstileCheck(), controller.SendEmailVerification)`).
      const middleware = [...(handler.alsoChains ?? []), ...(framework === ginOrEcho ? goMiddlewareChains(framework === 'echo' ? a.slice(pathArg + 2) : a.slice(pathArg + 1, -1)) : [])];
      // …and chi's inline middleware (`r.With(paginate).Get("/", h)`).
      const inline = chain !== call.chain ? sameStartCall(s, i, 'With') : undefined;
      if (inline) middleware.push(...goMiddlewareChains(s.argumentsOf(inline)));
      const routerType = chain.length === 2 ? projectRouterType(s, i, on, method) : undefined;
      for (const verb of verbs ?? ['ANY']) {
        c.add({ method: verb, path: full, framework, declaration: s.rangeOf(i), ...handler, receiver: on, at: i, ...(middleware.length ? { alsoChains: middleware } : {}), ...(madeBy ? { goMadeBy: madeBy } : {}), ...(routerType ? { goRouterType: routerType } : {}) });
      }
  };
  // A closure given to a group, or called in one (see routeClosurePrefix), read under its first prefix; then once
  // more under each other one, its registrations being those of every group that runs it.
  const closurePrefixes = new Map<number, { prefix: string; router?: string }[]>();
  function routeClosurePrefix(fn: number, prefix: string, router: string | undefined): void {
    if (!routeFunctions.has(fn)) {
      routeFunctions.set(fn, prefix);
      if (router && prefix !== '' && prefix !== '/') callbackRouters.set(fn, router);
    } else if (routeFunctions.get(fn) !== prefix) {
      const more = closurePrefixes.get(fn) ?? [];
      if (!more.some((m) => m.prefix === prefix)) more.push({ prefix, router });
      closurePrefixes.set(fn, more);
    }
  }
  for (const [i, call] of calls) visit(i, call);
  for (const [fn, more] of closurePrefixes) {
    const body = [...calls].filter(([i]) => insideFunction(s, i, fn));
    for (const { prefix, router } of more) {
      routeFunctions.set(fn, prefix);
      if (router && prefix !== '' && prefix !== '/') callbackRouters.set(fn, router);
      else callbackRouters.delete(fn);
      for (const [i, call] of body) visit(i, call);
    }
  }
  if (helpers.pending.length) {
    helpers.expand(c, constants, (at, router) => joinPaths(prefixAt(s, at, routeFunctions), router ? (groupPrefix.get(at, router) ?? '') : ''));
  }
}

/**
 * gin/echo groups kept in variables, per top-level function: vikunja's `a := e.Group("/api/v1")` in RegisterRoutes
 * is not the parameter `a` of registerAPIRoutes(a), whose `n := a.Group("")` gets its prefix from the mount.
 */
class GroupPrefixes {
  private readonly byScope = new Map<string, string>();

  constructor(private readonly s: FileStructure) {}

  get size(): number {
    return this.byScope.size;
  }

  get(i: number, name: string): string | undefined {
    return this.byScope.get(this.key(i, name)) ?? this.packageLevel(i, name);
  }

  has(i: number, name: string): boolean {
    return this.get(i, name) !== undefined;
  }

  /**
   * A group the package keeps in a variable (`var api = router.Group("/api/v1")`, then `api.GET("/users", h)` in
   * `init`), read in a function that has no name of its own so (a parameter or a local variable).
   */
  private packageLevel(i: number, name: string): string | undefined {
    const top = this.topFunction(i);
    if (top < 0) return undefined;
    const prefix = this.byScope.get(`-1\u0000${name}`);
    return prefix !== undefined && !declaresGoName(this.s, top, name) ? prefix : undefined;
  }

  private topFunction(i: number): number {
    let f = this.s.functionOf[i];
    while (f >= 0 && this.s.functions[f].outer >= 0) f = this.s.functions[f].outer;
    return f;
  }

  set(i: number, name: string, prefix: string): void {
    this.byScope.set(this.key(i, name), prefix);
  }

  /** Names are per top-level function: the key of a name at scan index i. */
  key(i: number, name: string): string {
    return `${this.topFunction(i)}\u0000${name}`;
  }
}

/** Whether Go function `f` (or a function in it) has a parameter or a local variable of this name. */
function declaresGoName(s: FileStructure, f: number, name: string): boolean {
  const { start, end } = s.spanOfFunction(f);
  const text = s.text.slice(start, end);
  if (!text.includes(name)) return false;
  // A local: `name :=`, `a, name :=`, `var name`.
  if (new RegExp(`(?:^|[^\\w.])${name}\\s*(?:,\\s*\\w+\\s*)*:=|\\bvar\\s+${name}\\b`).test(text)) return true;
  // A parameter, in the signature (before the body's brace): `(name *gin.RouterGroup`, `(a, name T`, `(name, b T`.
  const brace = text.indexOf('{');
  return new RegExp(`[(,]\\s*${name}(?:\\s*,|\\s+[\\w*\\[.])`).test(brace < 0 ? text : text.slice(0, brace));
}

/**
 * chi routers mounted by name, `router.Mount("/api", apiRouter)`, with the prefixes of the routers they are mounted
 * on: wakapi then hands `apiRouter` to each handler's `RegisterRoutes(apiRouter)`, whose routes are under /api
 * (a mount, given to a function, as gin's groups are). Read before the routes: a router may be handed on before it
 * is mounted.
 */
function mountedRouters(s: FileStructure, constants: Record<string, string>): GroupPrefixes {
  const on = new Map<number, { name: string; receiver: string; prefix: string }>();
  for (const [i, call] of s.calls) {
    if (call.chain.length !== 2 || call.chain[1] !== 'Mount' || call.argsStart < 0) continue;
    const [path, router] = s.argumentsOf(call);
    const prefix = pathOf(path, constants);
    if (prefix !== undefined && router?.type === 'identifier') on.set(i, { name: router.text, receiver: call.chain[0], prefix });
  }
  const out = new GroupPrefixes(s);
  const full = (i: number, name: string, depth: number): string | undefined => {
    for (const [at, m] of on) {
      if (m.name !== name || out.key(at, m.name) !== out.key(i, name)) continue;
      return depth < 4 ? joinPaths(full(at, m.receiver, depth + 1) ?? '', m.prefix) : m.prefix;
    }
    return undefined;
  };
  for (const [i, m] of on) out.set(i, m.name, full(i, m.name, 0)!);
  return out;
}

/** A file that imports Beego (v2's `github.com/beego/beego/v2/server/web`, v1's `github.com/astaxie/beego`). */
export function isBeegoModule(text: string): boolean {
  return /"github\.com\/(?:beego\/beego|astaxie\/beego)/.test(text);
}

/**
 * Routers that register with chi's method names (`r.Get("/x", h)`), told apart by the file's import: Fiber and
 * ozzo-routing keep a route's trailing slash, which chi's RoutePattern() drops.
 */
function chiLike(s: FileStructure): 'chi' | 'fiber' | 'ozzo-routing' | 'iris' {
  return s.memo('go.chiLike', () =>
    /"github\.com\/gofiber\/fiber/.test(s.text) ? 'fiber' : /"github\.com\/go-ozzo\/ozzo-routing/.test(s.text) ? 'ozzo-routing' : /"github\.com\/kataras\/iris/.test(s.text) ? 'iris' : 'chi',
  );
}

/** `g.Group("/x").Use(mw).POST(…)`: one Group, then only middleware, before the method. */
function chainedGroup(chain: string[]): boolean {
  const middle = chain.slice(1, -1);
  return middle.length >= 1 && middle[0] === 'Group' && middle.slice(1).every((n) => n === 'Use');
}

/** The prefix of the Group (or routegroup Mount) call a chained route starts with (the nested call of the same start). */
function groupOfChain(s: FileStructure, i: number, chain: string[], constants: Record<string, string>): string | undefined {
  const start = s.nodes[i].start;
  for (let j = i + 1; j < s.nodes.length && s.nodes[j].start === start; j++) {
    const inner = s.calls.get(j);
    if (inner && inner.chain.length === 2 && (inner.chain[1] === 'Group' || inner.chain[1] === 'Mount') && inner.chain[0] === chain[0]) return pathOf(s.argumentsOf(inner)[0], constants);
  }
  return undefined;
}

/** The outermost call of the chain a call starts (`g.Group("/x").Use(m)` for the Group call). */
export function outermostSameStart(s: FileStructure, i: number): Scanned {
  let top = i;
  for (let p = s.nodes[i].parent; p >= 0 && s.nodes[p].start === s.nodes[i].start && s.calls.has(p); p = s.nodes[p].parent) top = p;
  return s.nodes[top];
}

/** The call of the chain at node i (same start) whose last name is `name`: `r.PathPrefix("/x")` in `….Subrouter()`. */
function sameStartCall(s: FileStructure, i: number, name: string): CallInfo | undefined {
  const start = s.nodes[i].start;
  for (let j = i + 1; j < s.nodes.length && s.nodes[j].start === start; j++) {
    const inner = s.calls.get(j);
    if (inner && inner.chain[inner.chain.length - 1] === name) return inner;
  }
  return undefined;
}

/** gin's file servers. */
const STATIC = new Set(['Static', 'StaticFS', 'StaticFile', 'StaticFileFS']);

/** The calls that build a gorilla/mux route before its handler is set. */
const GORILLA_BUILDERS = new Set(['Methods', 'Path', 'PathPrefix', 'Host', 'Schemes', 'Headers', 'Queries', 'Name']);

function builtRoute(
  c: RouteCollector,
  i: number,
  call: CallInfo,
  constants: Record<string, string>,
  groupPrefix: GroupPrefixes,
  routeFunctions: Map<number, string>,
): void {
  const s = c.s;
  const start = s.nodes[i].start;
  let path: string | undefined;
  let methods: string[] | undefined;
  // The inner calls of the chain start where it starts: `r.Methods("GET")`, `r.Methods("GET").Path("/x")`.
  for (let j = i + 1; j < s.nodes.length && s.nodes[j].start === start; j++) {
    const inner = s.calls.get(j);
    const name = inner?.chain[inner.chain.length - 1];
    if (!inner || !name) continue;
    if ((name === 'Path' || name === 'PathPrefix') && path === undefined) path = pathOf(s.argumentsOf(inner)[0], constants);
    else if (name === 'Methods' && methods === undefined) methods = methodNames(s, inner);
  }
  const first = call.chain.findIndex((n, k) => k > 0 && GORILLA_BUILDERS.has(n));
  const receiver = call.chain[first > 0 ? first - 1 : 0];
  // No path of its own (`sub.Path("")`, `sub.Methods("GET").HandlerFunc(h)`) on a subrouter: the subrouter's path.
  if ((path === undefined || path === '') && groupPrefix.get(i, receiver) !== undefined) path = '';
  else if (path === undefined || !path.startsWith('/')) return;
  // `r.Path("/x").HandlerFunc(h).Methods("GET")`: the methods come after the handler.
  methods ??= gorillaMethods(s, i, call);
  const handler = handlerOf(s, s.argumentsOf(call)[0]);
  const full = joinPaths(prefixAt(s, i, routeFunctions), groupPrefix.get(i, receiver) ?? '', path);
  for (const method of methods ?? ['ANY']) {
    c.add({ method, path: full, framework: 'gorilla/mux', declaration: s.rangeOf(i), ...(handler ?? {}), receiver, at: i });
  }
}

/** `r.HandleFunc(…).Methods(http.MethodGet, "HEAD")`: the enclosing call with the same start. */
function gorillaMethods(s: FileStructure, i: number, call: CallInfo): string[] | undefined {
  for (let p = s.nodes[i].parent; p >= 0 && s.nodes[p].start === s.nodes[i].start; p = s.nodes[p].parent) {
    const outer = s.calls.get(p);
    if (!outer || outer.chain.length <= call.chain.length || outer.chain[call.chain.length] !== 'Methods') continue;
    return methodNames(s, outer);
  }
  return undefined;
}

/** The methods a `Methods(http.MethodGet, "HEAD")` call names, or undefined when none can be read. */
function methodNames(s: FileStructure, methodsCall: CallInfo): string[] | undefined {
  const methods: string[] = [];
  for (const a of s.argumentsOf(methodsCall)) {
    const name = stringValue(a) ?? HTTP_METHOD_CONSTANTS[a.text.split('.').pop() ?? ''];
    if (name) methods.push(name.toUpperCase());
  }
  return methods.length ? methods : undefined;
}

/**
 * echo registers with the same names as gin (`e.GET`, `e.Group`); the file's import tells them apart. A file-level
 * fact: analyzeFile reads it once per file and re-analyses every statement when it changes.
 */
/** gin's method names, also echo's and CloudWeGo Hertz's (whose `c.FullPath()` reports paths as gin's does). */
export function ginOrEchoOf(text: string): 'gin' | 'echo' | 'hertz' | 'httprouter' | 'fasthttp/router' {
  return text.includes('github.com/labstack/echo')
    ? 'echo'
    : text.includes('github.com/cloudwego/hertz')
      ? 'hertz'
      : text.includes('github.com/julienschmidt/httprouter')
        ? 'httprouter'
        : text.includes('"github.com/fasthttp/router"')
          ? 'fasthttp/router'
          : 'gin';
}

/**
 * The method a `Handle` is given first: `"DELETE"`, or a constant of net/http's or fasthttp's, `fasthttp.MethodGet`;
 * fasthttp/router's `router.MethodWild` (`"*"`) is any.
 */
function handledMethod(node: Node | undefined): string | undefined {
  const name = node?.type === 'selector_expression' ? node.childForFieldName('field')?.text : undefined;
  const method = name === undefined ? stringValue(node) : name === 'MethodWild' ? '*' : HTTP_METHOD_CONSTANTS[name];
  return method === '*' ? 'ANY' : method;
}

/**
 * The methods of a list written in place, fiber v3's `[]string{"GET", fiber.MethodHead}`: each a string or a method
 * constant; '' for any other element (a method known only at run time).
 */
function listedMethods(list: Node): string[] {
  const body = list.childForFieldName('body');
  return (body?.namedChildren ?? []).flatMap((el) => {
    if (!el || el.type === 'comment') return [];
    const value = el.type === 'literal_element' ? (el.namedChildren[0] ?? undefined) : el;
    return [handledMethod(value) ?? ''];
  });
}

/**
 * A fiber handler, written in place or a function of the file, that calls its context's `Next()`
 * (`func(c *fiber.Ctx) error { c.Set("X-Frame-Options", "DENY"); return c.Next() }`): a filter handing each request
 * on to the routes after it, not an endpoint. Its body is read only where it holds `Next(`.
 */
function fiberPassesOn(s: FileStructure, node: Node | undefined): boolean {
  const at = node?.type === 'func_literal' ? s.indexOfNode(node) : node?.type === 'identifier' ? localFunction(s, node.text) : undefined;
  const fn = at !== undefined ? s.nodes[at].node : undefined;
  const body = fn?.childForFieldName('body');
  if (!fn || !body || !body.text.includes('Next(')) return false;
  const ctx = fn.childForFieldName('parameters')?.namedChildren[0]?.childForFieldName('name')?.text;
  return !!ctx && /^\w+$/.test(ctx) && new RegExp(`(?:^|[^\\w.])${ctx}\\s*\\.\\s*Next\\s*\\(\\s*\\)`).test(body.text);
}

/**
 * chi's resource pattern, `r.Mount("/todos", todosResource{}.Routes())`: the router comes from a method of a value
 * made in place. Read as `todosResource.Routes`, the method of that type (the join looks for it in the package).
 */
function valueMethodChain(text: string): string[] | undefined {
  const m = /^&?\(?\s*([A-Za-z_]\w*)\s*\{[^{}]*\}\s*\)?\s*\.\s*([A-Za-z_]\w*)\s*\(/.exec(text);
  return m ? [m[1], m[2]] : undefined;
}

/**
 * The type of the value a mounted router is made by: `appAPI.Router()` after `appAPI, err := app.NewAPI(db)`, or
 * `a.Account.router()` in a method of a type whose field `Account *AccountResource` the file declares.
 */
export function mountedValueType(s: FileStructure, i: number, target: string[]): string | undefined {
  if (target.length === 2) {
    // The declaration may be outside a `r.Group(func(r chi.Router) {…})` the Mount sits in: read the whole function.
    let f = s.functionOf[i];
    if (f < 0) return undefined;
    while (s.functions[f].outer >= 0) f = s.functions[f].outer;
    const n = s.nodes[s.functions[f].index];
    return goLocalType(s.text.slice(n.start, n.end), target[0]);
  }
  if (target.length === 3) return s.memo<Map<string, string>>('types', () => new Map()).get(target[1]);
  return undefined;
}

/**
 * The function node i is written in says it returns a router or handler (`chi.Router`, `http.Handler`, `*gin.Engine`…),
 * or a project's own router type (navidrome's `func CreateNativeAPIRouter(…) *nativeapi.Router`).
 */
function returnsRouter(s: FileStructure, i: number): boolean {
  const f = s.functionOf[i];
  if (f < 0) return false;
  const result = s.nodes[s.functions[f].index].node.childForFieldName('result')?.text ?? '';
  return /^\*?(?:chi\.(?:Router|Mux)|http\.(?:Handler|ServeMux)|mux\.Router|gin\.(?:Engine|RouterGroup)|echo\.(?:Echo|Group)|(?:\w+\.)?Router)$/.test(result);
}

/**
 * The router call i makes is what its function hands back, so a mount of that function mounts it: returned
 * (`return x.Routes()`), kept in a variable that is returned (wire's `router := nativeapi.New(…); return router`), or
 * set as the `Handler` a returned value embeds (navidrome's `r := &Router{}; r.Handler = r.routes(); return r`).
 */
function handedBack(s: FileStructure, i: number): 'returned' | 'kept' | undefined {
  let p = s.nodes[i].node.parent;
  if (p?.type === 'expression_list') p = p.parent;
  if (p?.type === 'return_statement') return returnsRouter(s, i) ? 'returned' : undefined;
  if (p?.type !== 'short_var_declaration' && p?.type !== 'assignment_statement') return undefined;
  const left = p.childForFieldName('left');
  if (left?.namedChildCount !== 1) return undefined;
  const name = left.namedChild(0)!.text;
  const field = /^(\w+)\.Handler$/.exec(name)?.[1];
  if (!field && (!/^\w+$/.test(name) || !returnsRouter(s, i))) return undefined;
  const fn = s.nodes[s.functions[s.functionOf[i]].index];
  return new RegExp(`\\breturn\\s+&?${field ?? name}\\s*(?:$|[\\n;}])`).test(s.text.slice(fn.start, fn.end)) ? 'kept' : undefined;
}

/** A parameter's type that is a router or a group of routes (gin, echo, chi, gorilla/mux, Fiber, Iris, Hertz). */
const ROUTER_PARAMETER = /\*?\b(?:gin\.(?:RouterGroup|Engine|IRouter|IRoutes)|echo\.(?:Group|Echo)|chi\.(?:Router|Mux)|mux\.Router|fiber\.(?:Router|App)|iris\.Party|route\.RouterGroup)\b/;

/**
 * `name` at scan index i is a router parameter of the named function it is written in, not one a closure declares
 * (chi's `r.Route("/x", func(r chi.Router) { h.Register(r) })` hands on the group, read as a callback router).
 */
function routerParameterOf(s: FileStructure, i: number, name: string): boolean {
  for (let f = s.functionOf[i]; f >= 0; f = s.functions[f].outer) {
    const fn = s.nodes[s.functions[f].index].node;
    const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
    const param = params.find((p) => p?.childrenForFieldName('name').some((n) => n?.text === name));
    if (param) return fn.type !== 'func_literal' && ROUTER_PARAMETER.test(param.childForFieldName('type')?.text ?? '');
    if (fn.type !== 'func_literal') return false;
  }
  return false;
}

/**
 * The call that makes what parameter `name` of the named function around scan index i holds, where the file declares
 * exactly one function returning the parameter's own type (a Wire provider: drone's `func provideRPC2(…) rpcHandlerV2
 * { v := rpc2.NewServer(…); return rpcHandlerV2(v) }`): `['rpc2', 'NewServer']`. Not a type of a router package
 * (`http.Handler`), which any function may return.
 */
function providedValue(s: FileStructure, i: number, name: string): string[] | undefined {
  const type = parameterTypeOf(s, i, name);
  if (!type || !/^\*?(?:\w+\.)?\w+$/.test(type) || ROUTER_PACKAGES.has(type.replace(/^\*/, '').split('.')[0])) return undefined;
  const escaped = type.replace(/[.*]/g, '\\$&');
  const providers = [...s.text.matchAll(new RegExp(`^func\\s+\\w+\\s*\\([^)]*\\)\\s*${escaped}\\s*\\{(?:(.*)\\}[ \\t]*$|([^]*?)^\\})`, 'gm'))];
  if (providers.length !== 1) return undefined;
  const body = providers[0][1] ?? providers[0][2];
  // `return T(v)` or `return v`, v made in the body; or the call itself returned, `return metric.NewServer(…)`.
  const returned = /\breturn\s+(.+)$/m.exec(body)?.[1].trim();
  const value = returned && (new RegExp(`^${escaped}\\((.+)\\)$`).exec(returned)?.[1] ?? returned);
  const made = value && /^\w+$/.test(value) ? new RegExp(`^[ \\t]*${value}\\s*:?=\\s*(.+)$`, 'm').exec(body)?.[1].trim() : value;
  const callee = made ? /^&?([A-Za-z_][\w.]*)\(/.exec(made)?.[1] : undefined;
  return callee ? calleeChain(callee) : undefined;
}

/** The type written for parameter `name` of the function around scan index i (or a named function around that closure). */
function parameterTypeOf(s: FileStructure, i: number, name: string): string | undefined {
  for (let f = s.functionOf[i]; f >= 0; f = s.functions[f].outer) {
    const fn = s.nodes[s.functions[f].index].node;
    const param = fn.childForFieldName('parameters')?.namedChildren.find((p) => p?.childrenForFieldName('name').some((n) => n?.text === name));
    if (param) return param.childForFieldName('type')?.text;
    if (fn.type !== 'func_literal') return undefined;
  }
  return undefined;
}

/**
 * A project's router type registered on through a parameter (hydra's `func (h *Handler) SetAdminRoutes(r
 * *httprouterx.RouterAdmin)`), not a router package's: `[package or '', type, method]`, for the join to read the
 * prefix that type's constructor sets (FileLinks.goPrefixedRouters).
 */
function projectRouterType(s: FileStructure, i: number, receiver: string, method: string): string[] | undefined {
  const type = parameterTypeOf(s, i, receiver);
  const m = type ? /^\*?(?:(\w+)\.)?([A-Z]\w*)$/.exec(type) : undefined;
  return m && !ROUTER_PACKAGES.has(m[1] ?? '') && m[1] !== 'http' ? [m[1] ?? '', m[2], method] : undefined;
}

/**
 * Router types a file declares whose registration methods join a prefix field to the path (hydra's oryx/httprouterx:
 * `func (r *router) handle(…) { route = path.Join(r.prefix, route); … }`, reached from `GET`, `POST`…), where each
 * constructor of the type sets that field to one constant (`NewRouterAdminWithPrefix()` sets `r.prefix = AdminPrefix`;
 * `NewRouterAdmin()`, which sets none, is only what that one builds on): by type, the prefix and those methods.
 */
export function goPrefixedRoutersOf(text: string): Record<string, { prefix: string; methods: string[]; grouped?: true }> | undefined {
  if (!text.includes('path.Join(')) return undefined;
  const fields = new Set([...text.matchAll(/path\.Join\(\s*\w+\.(\w+)\s*,/g)].map((m) => m[1]));
  if (!fields.size) return undefined;
  const functions = [...text.matchAll(/^func\s+(?:\(\s*\w+\s+\*?(\w+)\s*\)\s*)?(\w+)\s*\([^)]*\)\s*([^{\n]*?)\s*\{(?:(.*)\}[ \t]*$|\n([\s\S]*?)^\})/gm)].map((m) => ({
    method: /^func\s*\(/.test(m[0]),
    owner: m[1],
    name: m[2],
    result: m[3],
    body: m[4] ?? m[5] ?? '',
  }));
  const joining = (body: string) => [...fields].some((f) => new RegExp(`path\\.Join\\(\\s*\\w+\\.${f}\\s*,`).test(body));
  const joiners = functions.filter((f) => f.method && joining(f.body)).map((f) => f.name);
  const methods = functions.filter((f) => f.method && (joiners.includes(f.name) || joiners.some((j) => new RegExp(`\\.${j}\\(`).test(f.body)))).map((f) => f.name);
  if (!methods.length) return undefined;
  const constants = goStringConstantsOf(text);
  const byType = new Map<string, { name: string; body: string; prefix?: string }[]>();
  for (const f of functions) {
    const type = f.method ? undefined : /^\*?([A-Z]\w*)$/.exec(f.result)?.[1];
    if (!type) continue;
    const set = [...fields].map((field) => new RegExp(`\\b\\w+\\.${field}\\s*=\\s*(\\w+|"[^"\\n]*")`).exec(f.body)?.[1]).find((v) => v !== undefined);
    const prefix = set === undefined ? undefined : set.startsWith('"') ? set.slice(1, -1) : constants[set];
    if (set !== undefined && prefix === undefined) return undefined;
    byType.set(type, [...(byType.get(type) ?? []), { name: f.name, body: f.body, prefix }]);
  }
  let out: Record<string, { prefix: string; methods: string[]; grouped?: true }> | undefined;
  for (const [type, makers] of byType) {
    const prefixed = makers.filter((m) => m.prefix);
    // (A constructor that sets none and is only called by one that does is a base of it.)
    const rest = makers.filter((m) => !m.prefix && !prefixed.some((p) => new RegExp(`\\b${m.name}\\(`).test(p.body)));
    // A method of the type that makes another value of it (a `Group(p)` whose prefix joins this one's and p): a prefix
    // the routes get through it is inside the type's, one from a mount outside: which, is not known (FileLinks.goPrefixedRouters).
    const grouped = functions.some((f) => f.method && f.owner === type && /^\*?(\w+)$/.exec(f.result)?.[1] === type);
    if (prefixed.length && !rest.length && prefixed.every((p) => p.prefix === prefixed[0].prefix)) (out ??= {})[type] = { prefix: prefixed[0].prefix!, methods, ...(grouped ? { grouped: true as const } : {}) };
  }
  return out;
}

/**
 * The router whose Handle method value `a` is: `g.Handle` written there, or a name the function set to one before
 * (gotosocial's `h := apiGroup.Handle`).
 */
function handleValueOf(s: FileStructure, i: number, a: Node): string | undefined {
  if (a.type === 'selector_expression') {
    const operand = a.childForFieldName('operand');
    return a.childForFieldName('field')?.text === 'Handle' && operand?.type === 'identifier' ? operand.text : undefined;
  }
  if (a.type !== 'identifier') return undefined;
  const set = s.memo('go.handleValues', () => [...s.text.matchAll(/^[ \t]*(\w+)[ \t]*:?=[ \t]*(\w+)\.Handle[ \t]*$/gm)].map((m) => ({ at: m.index!, name: m[1], router: m[2] })));
  const f = s.functionOf[i];
  if (f < 0 || !set.length) return undefined;
  const { start } = s.spanOfFunction(f);
  const before = s.nodes[i].start;
  let router: string | undefined;
  for (const m of set) if (m.name === a.text && m.at >= start && m.at < before) router = m.router;
  return router;
}

/**
 * A route registered by calling a parameter that takes a method, a path and handlers (gotosocial's `func (m *Module)
 * Route(attachHandler func(method string, path string, f ...gin.HandlerFunc) gin.IRoutes)`, given a group's Handle):
 * `attachHandler(http.MethodPost, BasePath, h)` is that router's Handle, under the prefix a mount of the function gives.
 * Only a parameter of that shape (its last parameter's type a handler), and a method written as one.
 */
function handleCall(c: RouteCollector, s: FileStructure, i: number, name: string, a: Node[], framework: string, prefix: string, constants: Record<string, string>): boolean {
  if (a.length < 3) return false;
  const method = handledMethod(a[0]);
  if (!method || !/^[A-Z]+$/.test(method)) return false;
  const type = parameterTypeNodeOf(s, i, name);
  if (type?.type !== 'function_type') return false;
  const params = (type.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is Node => !!p);
  const types = params.flatMap((p) => Array(Math.max(1, p.childrenForFieldName('name').length)).fill(p.childForFieldName('type')?.text ?? ''));
  if (types.length < 3 || types[0] !== 'string' || types[1] !== 'string' || !/Handler(?:Func)?$/.test(types[types.length - 1])) return false;
  const path = pathOf(a[1], constants);
  if (path === undefined || !(path.startsWith('/') || path.startsWith(NAMED_PART) || path === '')) return false;
  const handler = handlerOf(s, a[a.length - 1]);
  if (!handler) return false;
  const full = joinPaths(prefix, path);
  // (A route only where a caller hands the function a Handle value: the join keeps it where a mount reaches it.)
  c.add({ method, path: full, framework, declaration: s.rangeOf(i), ...handler, receiver: name, at: i, goHandleParameter: true, ...(a.length > 3 ? { alsoChains: goMiddlewareChains(a.slice(2, -1)) } : {}) });
  return true;
}

/** The type node written for parameter `name` of the function around scan index i (or a named function around that closure). */
function parameterTypeNodeOf(s: FileStructure, i: number, name: string): Node | undefined {
  for (let f = s.functionOf[i]; f >= 0; f = s.functions[f].outer) {
    const fn = s.nodes[s.functions[f].index].node;
    const param = fn.childForFieldName('parameters')?.namedChildren.find((p) => p?.childrenForFieldName('name').some((n) => n?.text === name));
    if (param) return param.childForFieldName('type') ?? undefined;
    if (fn.type !== 'func_literal') return undefined;
  }
  return undefined;
}

/** `name` is the `*http.Request` of a function around scan index i. */
function isRequestParameter(s: FileStructure, i: number, name: string): boolean {
  for (let f = s.functionOf[i]; f >= 0; f = s.functions[f].outer) {
    const params = s.nodes[s.functions[f].index].node.childForFieldName('parameters')?.text;
    if (params?.includes(name) && new RegExp(`\\b${name}\\s+\\*http\\.Request\\b`).test(params)) return true;
  }
  return false;
}

/** Huma's shorthands, `huma.Get(api, "/health", h)`, and their methods. */
const HUMA_SHORTHANDS = new Map([['Get', 'GET'], ['Post', 'POST'], ['Put', 'PUT'], ['Patch', 'PATCH'], ['Delete', 'DELETE']]);

/**
 * Huma (github.com/danielgtaylor/huma/v2): an operation registered with its method and path, `huma.Register(api,
 * huma.Operation{Method: http.MethodGet, Path: "/labels/{id}", …}, h)`, also through a project's own wrapper that takes
 * the literal (vikunja's generic `Register(api, huma.Operation{…}, labelsList)`), or `huma.Get(api, "/health", h)`;
 * the handler is the last argument. Its path is the operation's, as Huma reports it, under the prefix of a group
 * `grp := huma.NewGroup(api, "/v2")` made with one. Returns whether the call was Huma's.
 */
function humaRoute(c: RouteCollector, s: FileStructure, i: number, call: CallInfo, constants: Record<string, string>, groupPrefix: GroupPrefixes): boolean {
  const [pkg, name] = call.chain;
  const args = s.argumentsOf(call);
  const api = args[0]?.type === 'identifier' ? args[0].text : undefined;
  if (pkg === 'huma' && name === 'NewGroup' && call.chain.length === 2) {
    const prefix = args.length === 2 ? pathOf(args[1], constants) : undefined;
    const group = prefix !== undefined ? assignedName(outermostSameStart(s, i).node) : undefined;
    if (group) groupPrefix.set(i, group, joinPaths(api ? (groupPrefix.get(i, api) ?? '') : '', prefix!));
    return true;
  }
  let method: string | undefined;
  let path: string | undefined;
  if (pkg === 'huma' && call.chain.length === 2 && HUMA_SHORTHANDS.has(name) && args.length >= 3) {
    method = HUMA_SHORTHANDS.get(name);
    path = pathOf(args[1], constants);
  } else {
    const op = args.find((a) => a.type === 'composite_literal' && a.childForFieldName('type')?.text === 'huma.Operation');
    if (!op) return false;
    for (const field of op.childForFieldName('body')?.namedChildren ?? []) {
      if (field?.type !== 'keyed_element') continue;
      const key = field.namedChildren[0]?.text;
      const value = field.namedChildren[1]?.namedChildren[0] ?? field.namedChildren[1] ?? undefined;
      if (key === 'Method') method = value?.type === 'selector_expression' ? HTTP_METHOD_CONSTANTS[value.text.replace(/^http\./, '')] : stringValue(value ?? undefined)?.toUpperCase();
      else if (key === 'Path') path = pathOf(value ?? undefined, constants);
    }
  }
  const handler = method && path?.startsWith('/') ? handlerOf(s, args[args.length - 1]) : undefined;
  if (!handler) return false;
  const full = joinPaths(api ? (groupPrefix.get(i, api) ?? '') : '', path!);
  c.add({ method: method!, path: full, framework: 'huma', declaration: s.rangeOf(i), ...handler, ...(api ? { receiver: api } : {}), at: i });
  return true;
}

/**
 * echo joins a group's prefix and a path as they are, no slash put between (`Group.Add`: `g.prefix + path`, and
 * `Group.Group`: `g.prefix + prefix`): vikunja's `u := a.Group("/user"); u.GET("s", h)` is `/users`; its router puts a
 * slash before a path that has none. gin joins with a slash (`joinPaths`), as the others do.
 */
function echoPath(...parts: string[]): string {
  const out = parts.join('');
  return out === '' || out.startsWith('/') || out.startsWith(NAMED_PART) || out.startsWith(PARAM) ? out : '/' + out;
}

/** Calls that make a group of routes (gin's, chi's, Iris's). */
const GROUPS = new Set(['Group', 'Route', 'Party', 'PartyFunc']);

/** Router packages, whose constructors make a router, not one built by the project's own functions. */
const ROUTER_PACKAGES = new Set(['chi', 'http', 'mux', 'gin', 'echo', 'fiber', 'iris', 'httprouter', 'routegroup']);

/** The name of a project's own mount helper (`MountRouter`, `mountAPI`), not chi's `Mount` itself. */
const MOUNT_HELPER = /^[Mm]ount[A-Z_]\w*$/;

/** Logging packages and loggers, whose `Any(key, value)` makes an attribute. */
const LOGGERS = /^(?:slog|log|logger|zap|zerolog|logrus|klog|glog)$/;

/** The innermost group callback (see callbackRouters) node i is written in, as its scan index. */
function enclosingCallback(s: FileStructure, i: number, callbackRouters: Map<number, string>): number | undefined {
  for (let f = s.functionOf[i]; f >= 0; f = s.functions[f].outer) {
    const index = s.functions[f].index;
    if (callbackRouters.has(index)) return index;
  }
  return undefined;
}

/** The prefix given by chi `Route` functions around a registration. */
function prefixAt(s: FileStructure, i: number, routeFunctions: Map<number, string>): string {
  for (let f = s.functionOf[i]; f >= 0; f = s.functions[f].outer) {
    const p = routeFunctions.get(s.functions[f].index);
    if (p !== undefined) return p;
  }
  return '';
}

/** A string literal, a package constant, or a `+` of those (a leading variable base reads as empty). */
/**
 * A path the function keeps in a variable, as first given (semaphore's `webPath := "/"`, set from the configuration
 * only when one is configured): its default, as a route registered with it serves by default.
 */
function localDefault(node: Node): string | undefined {
  let fn: Node | null = node.parent;
  while (fn && fn.type !== 'function_declaration' && fn.type !== 'method_declaration' && fn.type !== 'func_literal') fn = fn.parent;
  if (!fn) return undefined;
  const before = fn.text.slice(0, node.startIndex - fn.startIndex);
  return new RegExp(`(?:^|[\\s;{(])(?:var\\s+)?${node.text}\\s*(?::=|=)\\s*"([^"\\\\\\n]*)"`).exec(before)?.[1];
}

const GO_FUNCTIONS = new Set(['function_declaration', 'method_declaration', 'func_literal']);

/** The identifier names a parameter of a function around it, or a local it declares before (`:=`, `var`). */
function declaredInFunction(node: Node): boolean {
  const name = node.text;
  // (Also in a `var (…)` block: listmonk's `var ( publicURL = ko.String("upload.s3.public_url") )`, among comment and
  // blank lines, as gotosocial's `var ( // Define … \n route *gin.Engine )`.) Each line of the block matches one way
  // only: a line read as a word then the rest, split anywhere, made a failing match exponential in the block's lines
  // (gotosocial's Start, nine long names: the pass never ended).
  const declared = new RegExp(`(?:^|[^\\w.])${name}(?:\\s*,\\s*\\w+)*\\s*:=|(?:^|[\\s(,])\\w+\\s*,\\s*${name}\\s*:=|\\bvar\\s+${name}\\b|\\bvar\\s*\\([ \\t]*(?://[^\\n]*)?\\n(?:[ \\t]*\\n|[ \\t]+[^\\s)][^\\n]*\\n)*?[ \\t]+${name}\\b`);
  for (let fn: Node | null = node.parent; fn; fn = fn.parent) {
    if (!GO_FUNCTIONS.has(fn.type)) continue;
    const params = fn.childForFieldName('parameters')?.text ?? '';
    if (new RegExp(`(?:^|[(,\\s])${name}(?:\\s*,\\s*\\w+)*\\s+[^,)\\s]`).test(params.slice(1))) return true;
    if (declared.test(fn.text.slice(0, node.startIndex - fn.startIndex))) return true;
  }
  return false;
}

/** Types of a parameter that is a router or a group (`Router *gin.RouterGroup`, `r chi.Router`). */
/**
 * A router kept in a field of a method's receiver, `s.router.Get("/x", h)` in `func (s *server) routes()` (sftpgo's
 * `s.router`, opengist's `s.echo`, shiori's `s.mux`): the chain with receiver and field as one router, named
 * `*server.router` in every method of the type, so that its middleware and groups reach the routes of other methods.
 * A field is a router when the file declares or makes it one (`router *chi.Mux`, `s.router = chi.NewRouter()`), or
 * is named as one in a file that imports a router package; not an HTTP client's (`s.client.Get("/x", …)`).
 */
export function fieldRouterChain(s: FileStructure, i: number, chain: string[], byName = false): string[] | undefined {
  const name = chain.length >= 3 ? fieldRouterName(s, i, chain[0], chain[1], byName) : undefined;
  return name ? [name, ...chain.slice(2)] : undefined;
}

/**
 * `*server.router` for `s.router` in a method of `s *server` (see fieldRouterChain). `byName`: a field named as a
 * router is one even where the file imports no router package (`s.router.Use(s.auth)` in a file of middleware, which
 * makes no route of its own).
 */
export function fieldRouterName(s: FileStructure, i: number, receiver: string, field: string, byName = false): string | undefined {
  let f = s.functionOf[i];
  while (f >= 0 && s.functions[f].receiver === undefined) f = s.functions[f].outer;
  const method = f >= 0 ? s.functions[f] : undefined;
  return method?.owner && method.receiver === receiver && ((byName && ROUTER_FIELD.test(field)) || isRouterField(s, field)) ? `*${method.owner}.${field}` : undefined;
}

function isRouterField(s: FileStructure, field: string): boolean {
  if (HTTP_CLIENTS.test(field)) return false;
  return s.memo(`go.routerField:${field}`, () => {
    const declared = new RegExp(`^[ \\t]*${field}[ \\t]+\\*?(?:gin\\.(?:Engine|RouterGroup|IRoutes|IRouter)|chi\\.(?:Router|Mux)|echo\\.(?:Echo|Group)|mux\\.Router|fiber\\.(?:Router|App)|http\\.ServeMux|httprouter\\.Router)\\b`, 'm');
    const made = new RegExp(`\\.${field}[ \\t]*=[ \\t]*(?:gin\\.(?:New|Default)|chi\\.(?:NewRouter|NewMux)|echo\\.New|mux\\.NewRouter|fiber\\.New|http\\.NewServeMux|httprouter\\.New)\\(`);
    return declared.test(s.text) || made.test(s.text) || (ROUTER_FIELD.test(field) && ROUTER_IMPORT.test(s.text));
  });
}

/** Field names of a router, and the router packages a file that uses one by name imports. */
const ROUTER_FIELD = /^(?:[rR]outer|[mM]ux|[eE]ngine|echo|e|r|\w+Router|\w+Mux)$/;
const ROUTER_IMPORT = /"github\.com\/(?:gin-gonic\/gin|labstack\/echo|go-chi\/chi|gorilla\/mux|gofiber\/fiber|julienschmidt\/httprouter)/;

export const ROUTER_TYPE =
  /^\*?(?:gin\.(?:Engine|RouterGroup|IRoutes|IRouter)|chi\.(?:Router|Mux)|echo\.(?:Echo|Group)|mux\.Router|fiber\.(?:Router|App)|routegroup\.Bundle|iris\.Party|http\.ServeMux|macaron\.(?:Macaron|Router)|route\.(?:RouterGroup|Engine)|server\.Hertz)$/;

/**
 * A function literal that a group calls with its router (chi's `func(r chi.Router)`, Iris's `func(p iris.Party)`),
 * or with none (Macaron's `func()`); not gin's middleware written in place, `r.Group("/api", func(c *gin.Context) {…})`.
 */
/** `name := func() {…}`: a closure of no parameters kept in a name, by name (its scan index). */
function routeClosures(s: FileStructure): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of s.functions) {
    const node = s.nodes[f.index];
    if (node.type !== 'func_literal') continue;
    const declaration = node.node.parent?.type === 'expression_list' ? node.node.parent.parent : null;
    if (declaration?.type !== 'short_var_declaration' || !/^func\s*\(\s*\)/.test(s.text.slice(node.start, node.start + 12))) continue;
    const name = declaration.childForFieldName('left')?.text;
    if (name && /^[A-Za-z_]\w*$/.test(name)) out.set(name, f.index);
  }
  return out;
}

/** The file's calls, those inside such closures last: the groups that run a closure say its prefixes first. */
function closureBodiesLast(s: FileStructure, closures: Map<string, number>): [number, CallInfo][] {
  const inside = [...closures.values()];
  const first: [number, CallInfo][] = [];
  const last: [number, CallInfo][] = [];
  for (const entry of s.calls) (inside.some((fn) => insideFunction(s, entry[0], fn)) ? last : first).push(entry);
  return [...first, ...last];
}

/** Whether node i is written in the function at scan index `fn` (or in a function inside it). */
function insideFunction(s: FileStructure, i: number, fn: number): boolean {
  for (let f = s.functionOf[i]; f >= 0; f = s.functions[f].outer) if (s.functions[f].index === fn) return true;
  return false;
}

export function takesRouter(fn: Node): boolean {
  const first = fn.childForFieldName('parameters')?.namedChildren.find((p) => p?.type === 'parameter_declaration');
  return !first || ROUTER_TYPE.test(first.childForFieldName('type')?.text ?? '');
}

/** Middleware named or made in place (`middleware.UserAuth()`, `auth`): the functions to follow, as a handler is. */
/** Names of what runs only when a request fails or is skipped: a recovery's handler, an error handler, a skipper. */
const ON_FAILURE = /Recover|Panic|Err|Fail|Skip|NotFound|Timeout|Unauthori[sz]ed|Forbidden/i;

export function goMiddlewareChains(args: Node[]): string[][] {
  const out: string[][] = [];
  for (const arg of args) {
    const named = arg.type === 'call_expression' ? arg.childForFieldName('function') : arg;
    const chain = named && (named.type === 'identifier' || named.type === 'selector_expression') ? calleeChain(named.text) : undefined;
    if (chain) out.push(chain);
    // The functions a middleware is made of, which it calls on each request: opengist's
    // `Middleware(dataInit).toEcho()` (a conversion, then its method), `middleware.Maybe(s.checkConnection, …)`.
    // Not a callback run only when something fails (`gin.CustomRecovery(onPanic)`, an error handler, a skipper).
    const made = named?.type === 'selector_expression' && named.childForFieldName('operand')?.type === 'call_expression' ? named.childForFieldName('operand')! : arg;
    if (made.type !== 'call_expression' || ON_FAILURE.test(made.childForFieldName('function')?.text ?? '')) continue;
    for (const given of made.childForFieldName('arguments')?.namedChildren ?? []) {
      if ((given?.type === 'identifier' || given?.type === 'selector_expression') && !ON_FAILURE.test(given.text)) out.push(given.text.split('.'));
    }
  }
  return out;
}

export function pathOf(node: Node | undefined, constants: Record<string, string>): string | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'interpreted_string_literal':
    case 'raw_string_literal':
      return stringValue(node);
    case 'identifier':
      // Else a name of the package, declared in another of its files (sftpgo's `apiKeysPath` in httpd.go, its routes in
      // server.go): read at the join. A parameter or a local is a value at run time.
      return constants[node.text] ?? localDefault(node) ?? (declaredInFunction(node) ? undefined : `${NAMED_PART}${node.text}${NAMED_PART}`);
    case 'binary_expression': {
      if (node.childForFieldName('operator')?.text !== '+' && !/^[^"`]*\+/.test(node.text.replace(/"[^"]*"|`[^`]*`/g, ''))) return undefined;
      const leftNode = node.childForFieldName('left') ?? undefined;
      const right = pathOf(node.childForFieldName('right') ?? undefined, constants) ?? packageConstant(node.childForFieldName('right') ?? undefined);
      let left = pathOf(leftNode, constants) ?? packageConstant(leftNode);
      // A base read at run time before a written path (oapi-codegen's `r.Get(options.BaseURL+"/pets", …)`): the
      // generated default is "", and a server that sets one mounts the same routes under it.
      if (left === undefined && right?.startsWith('/') && (leftNode?.type === 'selector_expression' || leftNode?.type === 'identifier')) left = '';
      return left !== undefined && right !== undefined ? afterWrittenSlash(left + right) : undefined;
    }
    case 'parenthesized_expression':
      return pathOf(node.namedChildren[0] ?? undefined, constants);
    case 'selector_expression':
      // Another package's constant on its own (cloudreve's `v4 := r.Group(constants.APIPrefix)`): read at the join.
      return packageConstant(node);
    case 'call_expression': {
      // kratos' `public.GET(fmt.Sprintf("/%s/{id}", SchemasPath), h)`: the values given, as Go formats strings.
      if (node.childForFieldName('function')?.text === 'fmt.Sprintf') {
        const [format, ...rest] = node.childForFieldName('arguments')?.namedChildren ?? [];
        const pattern = format?.type === 'interpreted_string_literal' || format?.type === 'raw_string_literal' ? stringValue(format) : undefined;
        const values = rest.map((a) => pathOf(a ?? undefined, constants) ?? packageConstant(a ?? undefined));
        const formatted = pattern === undefined || values.some((v) => v === undefined) ? undefined : goSprintf(pattern, values as string[]);
        return formatted === undefined ? undefined : afterWrittenSlash(formatted);
      }
      // listmonk's `g.GET(path.Join(uriAdmin, "/custom.css"), …)`: joined as Go joins it, slashes cleaned, no trailing one.
      if (node.childForFieldName('function')?.text !== 'path.Join') return undefined;
      const args = node.childForFieldName('arguments')?.namedChildren ?? [];
      const parts = args.map((a) => pathOf(a ?? undefined, constants));
      // A configured base first (navidrome's `path.Join(conf.Server.BasePath, "/auth")`): empty unless configured. (Not
      // any value read at run time: listmonk's `path.Join(publicURL, "/:filepath")` is under an S3 URL.)
      if (parts.length > 1 && parts[0] === undefined && args[0]?.type === 'selector_expression' && /base/i.test(args[0].text)) parts[0] = '';
      if (!parts.length || parts.some((p) => p === undefined)) return undefined;
      const joined = parts.filter((p) => p !== '').join('/').replace(/\/{2,}/g, '/');
      return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
    }
    default:
      return undefined;
  }
}

/** The last element of the slice of handlers last assigned to `name` before `before` ends: `x := []T{a, b, pkg.H}` → `pkg.H`. */
function lastOfHandlerList(before: string, name: string): string | undefined {
  let items: string | undefined;
  for (const m of before.matchAll(new RegExp(`(?<![\\w.])${name}\\s*:?=\\s*\\[\\][\\w.*]+\\s*\\{`, 'g'))) {
    // Up to the literal's closing brace, past the calls' brackets inside it.
    let depth = 0;
    let end = -1;
    for (let i = m.index! + m[0].length; i < before.length; i++) {
      const c = before[i];
      if (c === '(' || c === '{' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
      else if (c === '}') {
        if (depth === 0) {
          end = i;
          break;
        }
        depth--;
      }
    }
    if (end > 0) items = before.slice(m.index! + m[0].length, end);
  }
  const parts = items === undefined ? [] : topLevelParts(items).map((p) => p.trim()).filter((p) => p);
  return parts[parts.length - 1];
}

/** A name that says it is a request handler: `HandleListTags`, `api_v1.handleLogin`, `UserHandler`. */
const namedAsHandler = (node: Node): boolean => /^[Hh]andle|Handler$/.test(node.text.slice(node.text.lastIndexOf('.') + 1));

const HANDLER_MAKER = /^[Hh]andle(?!Func$)[A-Z]\w*$/;

export function handlerOf(s: FileStructure, node: Node | undefined, depth = 0): { handlerIndex?: number; handlerChain?: string[]; handlerFactory?: string[]; alsoChains?: string[][] } | undefined {
  if (!node) return undefined;
  if (node.type === 'func_literal') {
    const index = s.indexOfNode(node);
    return index !== undefined ? { handlerIndex: index } : undefined;
  }
  if (node.type === 'identifier' || node.type === 'selector_expression') {
    const chain = calleeChain(node.text);
    if (!chain) return undefined;
    const local = chain.length === 1 ? localFunction(s, chain[0]) : undefined;
    return local !== undefined ? { handlerIndex: local } : { handlerChain: chain };
  }
  if (node.type === 'variadic_argument') {
    // gogs' `gitHTTP := []macaron.Handler{context.ServeGoGet(), repo.HTTPContexter(…), repo.HTTP}` then
    // `m.Route("/info/refs", "GET,OPTIONS", gitHTTP...)`: the last handler of the list, the others its middleware.
    const name = node.namedChildren[0]?.type === 'identifier' ? node.namedChildren[0].text : undefined;
    const last = name ? lastOfHandlerList(s.text.slice(0, node.startIndex), name) : undefined;
    const chain = last ? calleeChain(last) : undefined;
    if (!chain || last!.includes('(')) return undefined;
    const local = chain.length === 1 ? localFunction(s, chain[0]) : undefined;
    return local !== undefined ? { handlerIndex: local } : { handlerChain: chain };
  }
  // Up to six wrappers deep: ntfy's `s.transformBodyJSON(s.limitRequestsWithTopic(s.authorizeTopicWrite(s.handlePublish)))`.
  if (node.type === 'call_expression' && depth < 6) {
    // http.HandlerFunc(h), middleware(h), otelhttp.NewHandler(h, "name"); an adapter given what the handler needs
    // first (shiori's `ToHTTPHandler(deps, api_v1.HandleListTags, middleware...)`): the argument that is a function
    // here or is named as a handler, else the first.
    const args = node.childForFieldName('arguments')?.namedChildren.filter((a): a is Node => a !== null) ?? [];
    const candidates = args.filter((a) => a.type === 'identifier' || a.type === 'selector_expression' || a.type === 'func_literal' || a.type === 'call_expression');
    const inner =
      candidates.find(
        (a) =>
          a.type === 'func_literal' ||
          (a.type === 'identifier' && localFunction(s, a.text) !== undefined) ||
          (a.type !== 'call_expression' && namedAsHandler(a)),
      ) ?? candidates[0];
    const found = handlerOf(s, inner, depth + 1);
    // A handler made by a factory, `promhttp.Handler()`, `echoprometheus.NewHandler()`: served by the factory's code.
    const fn = node.childForFieldName('function');
    const chain = fn ? calleeChain(fn.text) : undefined;
    // A value the factory is given, neither a function here nor named as a handler (photoview's
    // `graphql_endpoint.GraphqlEndpoint(db)`): the factory, if that value is not one of the workspace's functions.
    if (found?.handlerChain && !found.handlerFactory && chain?.length && inner && inner.type !== 'call_expression' && !namedAsHandler(inner)) {
      // A method named as making a handler, given what it needs (homebox's `v1Ctrl.HandleProductSearchFromBarcode(
      // a.conf.Barcode)`): the closure it returns is the handler, as when it is given nothing.
      // (Given another package's name, `mw.HandleAuth(api.ListUsers)` or `c.HandleStatus(build.Version)`: it may be a
      // middleware around that handler, or a value; both are on the request's path, what is not a function reaches nothing.)
      const packageName = inner.type === 'selector_expression' && importsPackageNamed(s, inner.childForFieldName('operand')?.text ?? '');
      if (chain.length === 2 && HANDLER_MAKER.test(chain[1])) return { handlerChain: chain, ...(packageName && found.handlerChain ? { alsoChains: [...(found.alsoChains ?? []), found.handlerChain] } : {}) };
      return { ...found, handlerFactory: chain };
    }
    // The wrapper runs on each request too, before the handler it is given (writefreely's `handler.User(viewStats)`,
    // which loads the session's user; ntfy's `s.authorizeTopicWrite(…)`): the closure it returns is on the path.
    if (found) return chain?.length ? { ...found, alsoChains: [...(found.alsoChains ?? []), chain] } : found;
    return chain?.length ? { handlerChain: chain } : undefined;
  }
  return undefined;
}

/**
 * net/http: the local value handed over as the handler (`h`, `h.ServeHTTP`), read in the functions around the
 * registration: true when it is a router they make, else the calls it was made by (RouteLink.goMadeBy), if any.
 */
function handedRouter(s: FileStructure, at: number, chain: string[] | undefined): true | string[][] | undefined {
  if (!chain || chain.length > 2 || (chain.length === 2 && chain[1] !== 'ServeHTTP')) return undefined;
  for (let f = s.functionOf[at]; f >= 0; f = s.functions[f].outer) {
    const span = s.spanOfFunction(f);
    const value = goHandlerValue(s.text.slice(span.start, span.end), chain[0]);
    if (value.router) return true;
    if (value.madeBy.length) return value.madeBy;
  }
  return undefined;
}

export function assignedName(call: Node): string | undefined {
  const list = call.parent;
  const statement = list?.type === 'expression_list' ? list.parent : list;
  if (statement?.type !== 'short_var_declaration' && statement?.type !== 'assignment_statement' && statement?.type !== 'var_spec') return undefined;
  const left = statement.childForFieldName('left') ?? statement.childForFieldName('name');
  return left?.text.split(',')[0].trim();
}

/**
 * Another package's constant joined into a path (apache/answer's `"/uploads/"+constant.AvatarSubPath`): named, for the
 * join to read where that package defines it (a library's is no route). Not a value of this package (`options.BaseURL`).
 */
function packageConstant(node: Node | undefined): string | undefined {
  if (node?.type !== 'selector_expression') return undefined;
  const pkg = node.childForFieldName('operand');
  if (pkg?.type !== 'identifier' || !/^[A-Z]/.test(node.childForFieldName('field')?.text ?? '')) return undefined;
  const tree = node.tree;
  let names = IMPORTED.get(tree);
  if (!names) IMPORTED.set(tree, (names = new Set(goImports(tree.rootNode.text).map((i) => i.local))));
  return names.has(pkg.text) ? `${NAMED_PART}${node.text}${NAMED_PART}` : undefined;
}

const IMPORTED = new WeakMap<object, Set<string>>();

/** The named functions around scan index `i`, for a mount made there (see RouteCollector.enclosingNames). */
function enclosedBy(c: RouteCollector, i: number): { enclosing?: string[] } {
  const enclosing = c.enclosingNames(i);
  return enclosing.length ? { enclosing } : {};
}

/** The file imports a package of this name (`"github.com/writefreely/go-gopher"` is `gopher`), not net/http. */
function importsPackageNamed(s: FileStructure, name: string): boolean {
  return s.memo(`go.importsNamed:${name}`, () => {
    const re = new RegExp(String.raw`(?:^|[\s(])(?:${name}\s+"(?!net/http")[^"]+"|"(?!net/http")(?:[^"]*/)?(?:go-)?${name}(?:-go)?(?:/v\d+)?")`, 'm');
    // (Not when the file names a variable so too: `mux := http.NewServeMux()` beside gorilla/mux.)
    if (new RegExp(String.raw`\b${name}\s*:?=[^=]|\b${name}\s+\*?\w+\.\w+[,)]`).test(s.text)) return false;
    return [...s.text.matchAll(/^import\s*(\([\s\S]*?\)|"[^"]*"|\w+\s+"[^"]*")/gm)].some((m) => re.test(m[1]));
  });
}

/** A Go string literal's value: a raw one as written, an interpreted one with its escapes read. */
/**
 * A constant's value written as literals and names joined with `+`, or `fmt.Sprintf` of those with `%s`/`%v`: a
 * name the file declares read, another (of the package or another one) kept as a NAMED_PART. Undefined for anything
 * else, or a name `later` still waits for.
 */
function goConstantExpression(expr: string, known: Record<string, string>, later: Set<string>): string | undefined {
  const text = expr.replace(/\s*\/\/.*$/, '').trim();
  const part = (p: string): string | undefined => {
    p = p.trim();
    if (/^"(?:[^"\\\n]|\\.)*"$|^`[^`]*`$/.test(p)) return goLiteral(p);
    if (/^[A-Za-z_]\w*$/.test(p)) return known[p] ?? (later.has(p) ? undefined : `${NAMED_PART}${p}${NAMED_PART}`);
    if (/^[a-z_]\w*\.[A-Z]\w*$/.test(p)) return `${NAMED_PART}${p}${NAMED_PART}`;
    return undefined;
  };
  const sprintf = /^fmt\.Sprintf\((.*)\)$/.exec(text);
  if (sprintf) {
    const [format, ...args] = partsOutsideStrings(sprintf[1], ',');
    const pattern = format && /^"/.test(format) ? part(format) : undefined;
    const values = args.map(part);
    if (pattern === undefined || values.some((v) => v === undefined)) return undefined;
    const formatted = goSprintf(pattern, values as string[]);
    return formatted === undefined ? undefined : afterWrittenSlash(formatted);
  }
  const parts = partsOutsideStrings(text, '+');
  if (parts.length < 2) return undefined;
  const values = parts.map(part);
  return values.some((v) => v === undefined) ? undefined : afterWrittenSlash(values.join(''));
}

/**
 * A name written after a slash that starts the path (gotosocial's `confirmEmailPath = "/" + uris.ConfirmEmailPath`):
 * marked as a segment (GO_SEGMENT), whose value needs no slash of its own, unlike a name that is the whole path
 * (`router.Get(cacheKey, h)`), which the join reads only if it holds one.
 */
function afterWrittenSlash(path: string): string {
  return path.replace(LEADING_NAME, `$1${NAMED_PART}${GO_SEGMENT}`);
}

const LEADING_NAME = new RegExp(`^(\\/+)${NAMED_PART}(?!\\/)`);

/** `text` split at `sep` outside strings and brackets. */
function partsOutsideStrings(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (c === '"' && text[i] === '\\') i++;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  parts.push(text.slice(from).trim());
  return parts;
}

/** `fmt.Sprintf(format, …)` of strings: each `%s`/`%v` the next value; undefined for any other verb or count. */
function goSprintf(format: string, values: string[]): string | undefined {
  let k = 0;
  let bad = false;
  const out = format.replace(/%(.)/g, (_, verb: string) => {
    if (verb === '%') return '%';
    if ((verb !== 's' && verb !== 'v') || k >= values.length) bad = true;
    return values[k++] ?? '';
  });
  return bad || k !== values.length ? undefined : out;
}

function goLiteral(literal: string): string {
  return literal.startsWith('`') ? literal.slice(1, -1) : unescaped(literal.slice(1, -1));
}

/**
 * The list a `for _, name := range list` around scan index `i` takes `name` from, when the list is a plain name or
 * another package's (`rou.RouterGroupApp`).
 */
export function rangedOver(s: FileStructure, i: number, name: string): string | undefined {
  for (let n: Node | null = s.nodes[i].node.parent; n && !GO_FUNCTIONS.has(n.type); n = n.parent) {
    if (n.type !== 'for_statement') continue;
    const clause = n.namedChild(0);
    if (clause?.type !== 'range_clause') continue;
    const left = clause.childForFieldName('left');
    const right = clause.childForFieldName('right');
    const named = right?.type === 'identifier' || (right?.type === 'selector_expression' && right.childForFieldName('operand')?.type === 'identifier');
    if (named && left?.namedChildren.some((x) => x?.text === name)) return right!.text;
  }
  return undefined;
}

/**
 * Package variables listing functions, with those this file puts in them: `routerCheckRole = append(routerCheckRole,
 * registerSysApiRouter)` in an `init` (go-admin), `var routers = []func(*gin.RouterGroup){a, b}`.
 */
export function goFunctionLists(text: string): Record<string, string[]> | undefined {
  if (!text.includes('append(') && !text.includes('[]func')) return undefined;
  const out: Record<string, string[]> = {};
  const add = (list: string, names: string) => {
    const found = names.split(',').map((n) => n.trim()).filter((n) => /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?$/.test(n));
    if (found.length) out[list] = [...(out[list] ?? []), ...found];
  };
  for (const m of text.matchAll(/^[ \t]*(\w+)\s*=\s*append\(\s*(\w+)\s*,([\w.,\s]+)\)[ \t]*$/gm)) if (m[1] === m[2]) add(m[1], m[3]);
  for (const m of text.matchAll(/^(?:var[ \t]+)?(\w+)\s*=\s*\[\]func\b[^{\n]*\{([\w.,\s]+)\}/gm)) add(m[1], m[2]);
  return Object.keys(out).length ? out : undefined;
}

/**
 * Lists of values the file writes, with the types of those values (1Panel's `return []CommonRouter{&BaseRouter{},
 * &AppRouter{}, …}` in `commonGroups`, `var RouterGroupApp = []CommonRouter{&AppRouter{}}`, `list = append(list,
 * &X{})`): by the variable or the function that returns the list; a value written `&T{…}`, `T{…}` or `new(T)`. A
 * list that is another function's (`var RouterGroupApp = RouterGroups()`, `func RouterGroups() []CommonRouter {
 * return commonGroups() }`) is named `F()`, read where F is. For MountFact.listedValues.
 */
export function goValueLists(text: string): Record<string, string[]> | undefined {
  if (!/[{(,]\s*(?:&\s*[A-Za-z_][\w.]*\s*\{|new\(\s*[A-Za-z_])|\[\]\*?[\w.]+\s*\{\s*[A-Za-z_][\w.]*\s*\{|^var[ \t]+\w+[ \t]*=[ \t]*\w+\(\)/m.test(text)) return undefined;
  const out: Record<string, string[]> = {};
  const add = (list: string, items: string[]) => {
    for (const t of items) if (!(out[list] ??= []).includes(t)) out[list].push(t);
  };
  for (const m of text.matchAll(/^[ \t]*(?:var[ \t]+)?(\w+)(?:[ \t]+\[\][\w.*]+)?[ \t]*:?=[ \t]*\[\]\*?[\w.]+[ \t]*\{/gm)) add(m[1], typesOfValues(text, m.index! + m[0].length));
  for (const m of text.matchAll(/^[ \t]*(\w+)[ \t]*=[ \t]*append\([ \t]*(\w+)[ \t]*,/gm)) if (m[1] === m[2]) add(m[1], typesOfValues(text, m.index! + m[0].length));
  // `return []T{…}`: the list of the function it is written in (not a method's, which no list names).
  let functions: { at: number; name?: string }[] | undefined;
  for (const m of text.matchAll(/\breturn[ \t]+\[\]\*?[\w.]+[ \t]*\{/g)) {
    functions ??= [...text.matchAll(/^func[ \t]+(\([^)]*\)[ \t]*)?(\w+)/gm)].map((f) => ({ at: f.index!, name: f[1] ? undefined : f[2] }));
    const fn = functions.filter((f) => f.at < m.index!).pop()?.name;
    if (fn) add(fn, typesOfValues(text, m.index! + m[0].length));
  }
  for (const m of text.matchAll(/^var[ \t]+(\w+)(?:[ \t]+\[\][\w.*]+)?[ \t]*=[ \t]*(\w+)\(\)[ \t]*$/gm)) add(m[1], [`${m[2]}()`]);
  for (const m of text.matchAll(/^func[ \t]+(\w+)\(\)[ \t]*\[\][\w.*]+[ \t]*\{\s*return[ \t]+(\w+)\(\)\s*\}/gm)) add(m[1], [`${m[2]}()`]);
  for (const [list, items] of Object.entries(out)) if (!items.length) delete out[list];
  return Object.keys(out).length ? out : undefined;
}

/** The types of the values listed from `from` to the bracket that closes there: `&A{…}`, `B{}`, `new(pkg.C)`. */
function typesOfValues(text: string, from: number): string[] {
  let depth = 0;
  let end = -1;
  for (let k = from; k < text.length && end < 0; k++) {
    const c = text[k];
    if (c === '"' || c === '`') {
      for (k++; k < text.length && text[k] !== c; k++) if (c === '"' && text[k] === '\\') k++;
    } else if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      if (depth === 0) end = k;
      depth--;
    }
  }
  if (end < 0) return [];
  // (A value's line may carry a comment.)
  return topLevelParts(text.slice(from, end).replace(/\/\/[^\n]*/g, '')).flatMap((part) => {
    const m = /^\s*(?:&?\s*([A-Za-z_]\w*(?:\.[A-Z]\w*)?)\s*\{[\s\S]*\}|new\(\s*([A-Za-z_]\w*(?:\.[A-Z]\w*)?)\s*\))\s*$/.exec(part);
    return m ? [m[1] ?? m[2]] : [];
  });
}

/**
 * Functions that mount the router they are given under the path they are given (navidrome's `func (s *Server)
 * MountRouter(description, urlPath string, subRouter http.Handler)`, whose body is `r.Mount(urlPath, subRouter)` in a
 * group): the indices of those two parameters. A base the helper joins before the path at run time
 * (`path.Join(conf.Server.BasePath, urlPath)`) is empty by default.
 */
export function goMountHelpersOf(text: string): Record<string, [number, number]> | undefined {
  if (!text.includes('.Mount(')) return undefined;
  let out: Record<string, [number, number]> | undefined;
  for (const m of text.matchAll(/^func\s+(?:\([^)]*\)\s*)?(\w+)\s*\(([^)]*)\)[^{\n]*\{\n([\s\S]*?)^\}/gm)) {
    const mount = /\.Mount\(\s*(\w+)\s*,\s*(\w+)\s*\)/.exec(m[3]);
    if (!mount) continue;
    const params = m[2].split(',').map((p) => /^\s*(\w+)/.exec(p)?.[1]);
    const path = params.indexOf(mount[1]);
    const router = params.indexOf(mount[2]);
    if (path >= 0 && router >= 0) (out ??= {})[m[1]] = [path, router];
  }
  return out;
}

/** The package's string constants a file declares, for its other files and (the exported ones) other packages' paths: undefined when there are none. */
export function goPackageConstants(text: string): Record<string, string> | undefined {
  if (!/^(?:const|var)\b/m.test(text)) return undefined;
  const out = goStringConstantsOf(text);
  return Object.keys(out).length ? out : undefined;
}

/**
 * Package-level string constants and variables of a Go file (`const prefix = "/api"`, `var baseUrl = ""`,
 * also inside `const (…)` blocks), read from the text: route paths built from them can be resolved.
 */
export function goStringConstantsOf(text: string): Record<string, string> {
  // No prototype: a constant may be named as one of Object's members (`constructor`).
  const out: Record<string, string> = Object.create(null);
  // A literal alone on its line: the first of a join (gotosocial's `confirmEmailPath = "/" + uris.ConfirmEmailPath`)
  // is read below, with the rest, or not at all.
  const one = /^(?:const|var)\s+(\w+)(?:\s+string)?\s*=\s*("(?:[^"\\\n]|\\.)*"|`[^`]*`)(?=[ \t]*(?:\/\/[^\n]*)?$)/gm;
  for (const m of text.matchAll(one)) out[m[1]] = goLiteral(m[2]);
  for (const block of text.matchAll(/^(?:const|var)\s*\(([\s\S]*?)^\)/gm)) {
    for (const m of block[1].matchAll(/^\s*(\w+)(?:\s+string)?\s*=\s*("(?:[^"\\\n]|\\.)*"|`[^`]*`)(?=[ \t]*(?:\/\/[^\n]*)?$)/gm)) out[m[1]] = goLiteral(m[2]);
  }
  // Constants built of others (kratos' `RouteItem = RouteCollection + "/{id}"`, `fmt.Sprintf("/%s", SchemasPath)`):
  // a name of another file or package kept as a NAMED_PART, read at the join as a route's own name is.
  // (`[ \t]+`, not `\s+`: a run of blank lines would be tried from each of its lines.)
  if (/^(?:const|var)\b[^\n]*[+(]|^[ \t]+\w+(?:[ \t]+string)?[ \t]*=[ \t]*(?:[\w.]+[ \t]*\+|"[^"\n]*"[ \t]*\+|fmt\.Sprintf\()/m.test(text)) {
    const built: [string, string][] = [];
    // (A raw string may run over several lines: drone's `const queryAll = queryBase + \`⏎FROM users⏎ORDER BY user_login⏎\``.)
    for (const m of text.matchAll(/^(?:const|var)\s+(\w+)(?:\s+string)?\s*=\s*((?:[^\n`]|`[^`]*`)+)$/gm)) built.push([m[1], m[2]]);
    for (const block of text.matchAll(/^(?:const|var)\s*\(([\s\S]*?)^\)/gm)) {
      for (const m of block[1].matchAll(/^[ \t]*(\w+)(?:[ \t]+string)?[ \t]*=[ \t]*((?:[^\n`]|`[^`]*`)+)$/gm)) built.push([m[1], m[2]]);
    }
    const pending = built.filter(([name, expr]) => out[name] === undefined && /[+(]/.test(expr));
    // Twice: a constant may be built of one declared after it.
    for (let pass = 0; pass < 2 && pending.length; pass++) {
      const later = new Set(pass === 0 ? pending.map(([name]) => name) : []);
      for (let k = pending.length - 1; k >= 0; k--) {
        const value = goConstantExpression(pending[k][1], out, later);
        if (value === undefined) continue;
        out[pending[k][0]] = value;
        later.delete(pending[k][0]);
        pending.splice(k, 1);
      }
    }
  }
  // A path set at start-up under a configured base (sftpgo's `webBasePath = path.Join(baseURL, webBasePathDefault)`):
  // its default, as the base is empty unless configured.
  if (text.includes('path.Join(')) {
    for (const m of text.matchAll(/^[ \t]+(\w+)\s*=\s*path\.Join\(\s*\w+\s*,\s*(\w+)\s*\)\s*$/gm)) {
      if (out[m[1]] === undefined && out[m[2]] !== undefined) out[m[1]] = out[m[2]];
    }
  }
  return out;
}

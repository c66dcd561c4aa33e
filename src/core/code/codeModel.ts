import type { Range } from '../model/location';
import type { CallMatch } from './hazards/callCatalogue';
import type { RelationLoopFact } from './hazards/lazyRelations';
import type { SerializerReads } from './hazards/drfSerializerReads';
import type { DrfRegistration, DrfRouter } from './routes/drfRouters';
import type { ViewClassFact } from './routes/viewClasses';
import type { NestGate } from './routes/nestEnhancers';
import type { SqlEngines } from './sqlEngines';
import type { ModelViewFact, ModelViewsUse } from './routes/modelViews';
import type { LanguageId } from './treeSitter';
import type { GoFactoryField } from './localTypes';

export type HazardCode =
  | 'query-in-loop'
  | 'call-in-loop'
  | 'unbounded-query'
  | 'blocking-call'
  | 'retry-without-backoff'
  | 'missing-timeout'
  | 'env-not-in-recipe';

export interface RouteKey {
  /** Upper-case HTTP method, or `ANY` when the framework does not restrict it. */
  method: string;
  /** The route template exactly as the framework reports it to metrics (`/orders/:id`, `/products/{product_id}`). */
  path: string;
}

export interface RouteHandler extends RouteKey {
  framework: string;
  file: string;
  /** The registration (`app.get('/orders', …)` or the decorator): where the CodeLens goes. */
  declaration: Range;
  /** The handler function's whole body: hazards inside it are on this route's request path. */
  handler: Range;
}

export type LoopMode = 'sequential' | 'parallel';

export interface Hazard {
  code: HazardCode;
  file: string;
  range: Range;
  /** The call as written, shortened (`db.query`), for messages. */
  callee: string;
  /** One sentence saying what was found, without production numbers (those come from insights). */
  explanation: string;
  /**
   * The loop it runs in. `of`: a GraphQL field resolver's parent type, when its own file shows no list of it (see
   * FileLinks.listedTypes): the join keeps the hazard only if another file of the service lists that type. `beans`:
   * Java, a for-each over the beans of that type Spring injects into a field (`@Autowired List<CashierExecute>`): the
   * join drops the hazard when a class of the workspace annotated as a bean implements or extends it (one turn per
   * implementation, not per item of data), and keeps it without the name otherwise. `row`: Java, a for-each over what
   * a chunking call returns (`for (Resource r : resourceService.chunks(ids))`) whose variable is declared of that
   * class: one row per turn only if the workspace declares it (FileLinks.javaRowClasses); the join drops the hazard
   * otherwise (a batch: `IdRange`, a library's class), and keeps it without the name where it does.
   */
  loop?: { kind: string; mode: LoopMode; range: Range; of?: string; beans?: string; row?: string };
  /** Routes whose request path reaches this hazard. */
  routes: RouteKey[];
  /** When no route does: the background tasks that reach it (`send_digest (Celery task)`), see FunctionFact.background. */
  tasks?: string[];
  /**
   * The files of the modules that run those tasks, when the join knows them (a Temporal worker's module): their service
   * runs the hazard, wherever its code is kept (dittofeed's activities in backend-lib, run by the worker service).
   */
  taskRunners?: string[];
  /**
   * `missing-timeout` on a call a process-wide default would bound (TimeoutRule.processDefault): the join drops it
   * when a file of the same service sets that default. Not shown.
   */
  unlessDefault?: string;
  /**
   * Go `missing-timeout` on a package variable's client (`proxy.DefaultHttpClient.Do(req)`: `['proxy',
   * 'DefaultHttpClient']`, or the name alone in its own package): the join keeps it only where that package sets the
   * variable to `http.DefaultClient` (FileLinks.goDefaultClientHolders). Not shown.
   */
  goDefaultHolder?: string[];
  /**
   * `query-in-loop` on a SQL database (sqlEngines.ts): the join drops it in a service whose only database is embedded
   * SQLite, where a query is a call into a library, not a round trip. Not shown.
   */
  sql?: true;
  /**
   * Said of a call by its holder's name alone (CallRule.unlessWorkspace): the join drops it when the call lands on a
   * function of the workspace, whose own effects it follows instead. Not shown.
   */
  unlessWorkspace?: true;
  /** A related manager's call (CallRule.djangoRelation): the join drops it unless the workspace's models have that relation. Not shown. */
  djangoRelation?: true;
  /** A mapper's write named as any mapper's is (CallRule.mybatisPlusMapper): the join drops it unless the holder is a MyBatis-Plus mapper. Not shown. */
  mybatisPlusMapper?: true;
  /** A service's inherited statement (CallRule.serviceBases): the join drops it unless the holder's type extends one of these. Not shown. */
  serviceBases?: string;
  /** A handle's method on a value of a project's type (CallMatch.goHandleInterface): the join drops it unless that type is a handle's interface. Not shown. */
  goHandleInterface?: string;
  /** A data layer's call by its holder's name (CallRule.unlessImplemented): the join drops it when the holder is the project's own interface, implemented in the workspace. Not shown. */
  unlessImplemented?: true;
  /** A model's method by its name (CallRule.unlessOwnSync): the join drops it when it lands on a class's own synchronous method that reaches no query. Not shown. */
  unlessOwnSync?: true;
  /**
   * Go: in a function literal its function starts in a goroutine and does not wait for (`go func() { … }()`); Java: in a
   * lambda handed to another thread (FileStructure.handedToThread). The join says the routes that run the function
   * start it, rather than that it is on their request path. Not shown.
   */
  detached?: true;
}

/** `process.env.X`, `os.getenv("X")`, `os.Getenv("X")`, `System.getenv("X")`: joined with the recipes' env. */
export interface EnvRead {
  name: string;
  range: Range;
  /** The code falls back to a value of its own (`?? 'x'`, `os.getenv("X", "d")`): a missing variable is not fatal. */
  hasDefault: boolean;
  /** Set by the join: the routes that reach the function the read is written in, as a hazard's (none at start-up). */
  routes?: RouteKey[];
  /**
   * Go, JavaScript: written in the own body of a function that returns a function literal, a handler factory (`func
   * NewHandler() gin.HandlerFunc { base := os.Getenv("X"); return func(c *gin.Context) {…} }`): it runs when the
   * factory is called, not when what it returns is. A route whose registration calls it (`r.GET("/a", NewHandler())`,
   * `app.use(makeMiddleware())`) does so once, at start-up: the read is on the routes that call the factory only.
   */
  inFactory?: true;
  /**
   * Python: a field of a pydantic-settings class (hazards/pydanticSettings.ts), whose variable pydantic matches in any
   * case (`postgres_server` sets `POSTGRES_SERVER`) unless the class says `case_sensitive=True`.
   */
  anyCase?: true;
  /**
   * Python: the `env_file` of the pydantic-settings class the field is of, as written (`.env`, relative to where the
   * process starts; `?` for one named by an expression): its variables set the field too. The recipes' join reads it
   * where the workspace has it, and takes any variable for set where it does not (as a Compose `env_file` not here).
   */
  envFiles?: string[];
  /**
   * Python: the `env_nested_delimiter` of the pydantic-settings class the field is of (`__`): a field of a model type
   * is also set by its own fields' variables, `DB__HOST` for `db: DbSettings`; the join takes any variable that starts
   * with the name and the delimiter for the field set.
   */
  nestedDelimiter?: string;
}

export interface FileAnalysis {
  file: string;
  language: LanguageId;
  routes: RouteHandler[];
  hazards: Hazard[];
  /** Environment variables this file reads (not in tests); absent for analyses made before this field existed. */
  envReads?: EnvRead[];
  /**
   * A Next.js config's `env: { cloudUrl, currentVersion: pkg.version }`: variables the build writes into the code,
   * so `process.env.cloudUrl` in the service is set whatever its recipes say.
   */
  buildEnv?: string[];
  /**
   * Routes registered in another file whose handler is written in this one (a Django view, an Express controller, a Go
   * handler func), each with the handler's range here: the join sets it, so that the route's numbers show where its
   * code is, not only where it is registered.
   */
  handled?: HandledRoute[];
  /** What the workspace join needs to link this file with others (imports, mounts, functions); not for display. */
  links?: FileLinks;
}

export interface HandledRoute {
  route: RouteHandler;
  /** The handler function (or view class) in this file. */
  at: Range;
}

export function routeLabel(r: RouteKey): string {
  return `${r.method} ${r.path}`;
}

// ---- Facts for the workspace join (src/core/code/workspaceLinks.ts). Plain data, cached with the file. ----

/** Offsets into the file's text (UTF-16 code units), for containment tests without positions. */
export interface Span {
  start: number;
  end: number;
}

/** A folder `auto-load` loads: relative to the file when `rooted`, else only the literal path it ends with. */
export interface AutoloadedFolder {
  folder: string;
  rooted: boolean;
}

export interface ImportFact {
  /** The local name (`orders` in `import * as orders from './orders'`, `views` in `from . import views`). */
  local: string;
  /** As written: `./routes/orders`, `.routers.items`, `github.com/x/y/pkg`, `com.shop.OrderService`. */
  module: string;
  /** The imported name (`listOrders`), `default`, or `*` for the module itself. */
  imported: string;
}

/**
 * The parameter of a function a SQLAlchemy statement it runs whole is (polar's `RepositoryBase.get_all(self,
 * statement)`, fief's `BaseRepository.list(self, statement)`): each caller's statement bounds it or not
 * (CallFact.boundedArgs). `position` counts the arguments a call gives (not `self`); -1 when only a keyword reaches it.
 */
export interface GivenStatement {
  name: string;
  position: number;
  /**
   * JavaScript: the bound is this member of the options the parameter holds (`take: options && options.length`): a
   * caller gives it with an object that sets it, or with options it holds (CallFact.boundedArgs: `'1.length'`, or 1).
   */
  member?: string;
}

/** A name handed to a call, by its position among the arguments or the keyword it is given as. */
export interface HandedArgument {
  at: number | string;
  name: string;
}

export interface CallFact {
  /** Member chain of the callee: `['svc','listOrders']`, `['helper']`, `['this','repo','load']`. */
  chain: string[];
  /** Set when the call runs once per iteration of a loop of this file (with the call's own range). */
  loop?: { kind: string; mode: LoopMode; range: Range; call: Range; of?: string; beans?: string; row?: string };
  /**
   * Java, with `loop`: the call is given a callback (nacos's `nacosAsyncRestTemplate.get(…, new ClusterMetricsCallBack(…))`)
   * and not waited for: when what it makes is an async request given one (CallRule.parallelWithArgs), a fan-out.
   */
  loopCallback?: true;
  /**
   * JavaScript, with `loop`: nothing waits for what the call returns there (FileStructure.dropsResult, `hooks.forEach((h)
   * => { sendWebhook(h, data); })`): where it lands on an async function (FunctionFact.promises), a fan-out.
   */
  unwaited?: true;
  /**
   * The type the calling function itself gives the receiver (Go: `x := T{…}`, `&T{…}`, `NewT(…)` before `x.M()`;
   * Python: `r = RecipeRepo(session)`; TypeScript: `provider: SocialProvider`), so the join lands on T's method among
   * the package's many methods of that name. TypeScript: '' for a loop's own variable named as a field of the class
   * (`for (const dataProviderService of …)`), a value of no known type: the call lands on nothing its name would guess.
   */
  receiverType?: string;
  /** Python: the other classes the function gives the receiver on other paths (`if agile: x = A() else: x = B()`). */
  receiverAlternatives?: string[];
  /**
   * Python: the receiver's classes are only those the function makes in place (`notifier = Notifier()`), no annotation
   * says them: each runs as itself, never a subclass's override of a method doing nothing of its own (see
   * FunctionFact.abstract).
   */
  receiverMade?: true;
  /**
   * TypeScript, with `receiverType`: the receiver is the calling function's parameter at this position (overseerr's
   * `sendTestNotification = async (agent: NotificationAgent, user: User) => await agent.send(…)`). A route whose
   * call makes the value there (`madeArgs`) runs that class's method only, not every implementation's.
   */
  receiverParam?: number;
  /**
   * TypeScript: the class of what the call passes, by argument position, where the calling function makes it: `new
   * DiscordAgent(req.body)` as the argument, or a local made so and not given another value (`const discordAgent = new
   * DiscordAgent(req.body)` before `sendTestNotification(discordAgent, req.user)`).
   */
  madeArgs?: Record<number, string>;
  /** Java: how many arguments the call passes, to pick among overloads (`findAll()` and `findAll(Pageable)`). */
  args?: number;
  /** Java: the arguments' types where the call says them ('' unknown; see javaOverloads), to pick among overloads of one arity. */
  argTypes?: string[];
  /** Guarded by a module-level flag set once (`if (!ready) prepare()`): not on every request's path. */
  once?: boolean;
  /**
   * Go, Python: made in the branch that fills a package's value while it is empty or old (`fillsPackageValue`): what it
   * reaches runs when that cache misses, labelled so (`result cached`) rather than on no route.
   */
  refills?: boolean;
  /**
   * Go, TypeScript: the function the calling function took the receiver from, when no type is said (`_store :=
   * store.FromContext(c)` before `_store.RepoList()`, `const provider = this.manager.getProvider(id)`): the join lands
   * on a method of the type that function returns. Python (`data_layer = memory_layer()`): also a local of the
   * caller's own, never of the class the file gives a namesake elsewhere (`data_layer = PgDataLayer(None)`).
   */
  receiverFrom?: string[];
  /**
   * Go: the receiver is an item of a struct's slice field, a loop's over it, `for _, o := range backup.Views`, or one
   * taken by index, `o := backup.Templates[i]` (semaphore's restore): the type of the value holding the slice, as the
   * calling function names it, and the field. The join reads the element type in the struct's declaration.
   */
  receiverItemOf?: { type: string; field: string };
  /**
   * Go: the call is on what a method returns, `t.getProcessor().ProcessOnce(ctx, branches)` (dtm's TransGlobal): the
   * type the calling function gives `t`. The join lands on the method of the type that type's `getProcessor` is
   * declared to return (an interface's implementations).
   */
  receiverOfAccessor?: string;
  /** Java: made after `PageHelper.startPage(…)` in the function, so a MyBatis mapper's list query it runs is paged. */
  paged?: boolean;
  /**
   * Java: made in a lambda of no parameters handed to another function, at this argument position (mall4cloud's
   * `PageUtil.doPage(pageDTO, () -> hotSearchMapper.list(dto))`): paged where that function hands it to PageHelper
   * after `startPage` (FunctionFact.pagesParam), which the join reads. `args`, `argTypes`: that call's, to pick among
   * the function's overloads (`doPage(String orderBy, ISelect select)`, which does not page), as CallFact's own.
   */
  handedIn?: { chain: string[]; arg: number; args?: number; argTypes?: string[] };
  /**
   * Python: what the call returns is read in part by the caller: sliced, paged (`create_connection_slice(qs, …)`,
   * `paginate_queryset(qs)`), or narrowed to one row (`.first()`, `.get(…)`), directly or through the variable it is
   * kept in. A Django queryset a function returns (FoundHazard.returned) is bounded when every caller does this.
   */
  readInPart?: boolean;
  /**
   * Python: the arguments (by position, or a keyword's name) that are SQLAlchemy statements bounded as the session's
   * list rule says (`select(Tenant).limit(10)`, a statement built before the call with a key's `where`): a helper that
   * runs the statement it is given whole (FoundHazard.givenStatement) is not unbounded on this caller's routes.
   */
  boundedArgs?: (number | string)[];
  /**
   * JavaScript: the arguments given, by position, for a bound an optional parameter sets (GivenStatement): each not
   * `undefined` nor `null`, and of an object literal its members, `'1.length'` (its position too if it spreads others).
   */
  givenArgs?: (number | string)[];
  /** Python, in a loop: the relations the calling function has Django prefetch (hazards/djangoQuerysets). */
  prefetched?: string[];
  /**
   * Java: a static call on a class that reads a list the way Panache's active record does (`Fruit.listAll()`,
   * `Fruit.list("status", s)`, `Fruit.find(…).list()`), with its range: every matching row if that class is a
   * Panache entity, which only the join knows (hazards/activeRecord).
   */
  activeRecordList?: Range;
  /** Made in a function the caller returns (FileStructure.runsLater): followed for a route's path, not for what a call does now. */
  later?: boolean;
  /**
   * JavaScript: with `later`, made in the function the caller itself returns (FileStructure.runsInReturned): run by
   * whoever calls the caller's result, `f(x)()` (CallFact.invokesResult).
   */
  returned?: true;
  /**
   * JavaScript: the call's result is called at once, `this.userService.deleteUserByUID(uid)()`, also `…().then(…)`:
   * what the function it lands on returns runs here too (its calls marked `returned`, FunctionFact.returnedEffect).
   */
  invokesResult?: true;
  /**
   * Python: a DRF serializer made with a row or rows to render (`PhotoSerializer(photo)`, `…(photos, many=True)`):
   * the join lands on the methods DRF calls for each row, its `get_<field>`s and `to_representation`.
   */
  renders?: true;
  /**
   * An event published, whose listeners run (FunctionFact.listensTo): Java, a Spring application event by its type's
   * simple name (`publishEvent(new OrderPlaced(o))`); TypeScript, a NestJS event by its key (`emit(Events.X, …)`); Go,
   * a message by its type (`bus.Dispatch(ctx, &query.GetUserByID{…})`).
   */
  event?: string;
  /**
   * Go: started in a goroutine of its own (`go s.pruneMessages()`); Python: a thread's target (`threading.Thread(target=
   * f).start()`, `executor.submit(f)`); Java: called in a lambda handed to another thread (`pool.execute(() -> f())`,
   * FileStructure.handedToThread): the request does not wait for it. Not on the route's path; what it reaches says
   * it runs in a goroutine or thread the route starts (WorkspaceLinker.taskPaths).
   */
  detached?: true;
  /**
   * With `detached`: Python, a background task of FastAPI or Starlette (`background_tasks.add_task(f, …)`,
   * `BackgroundTask(f, …)`), run after the response is sent: what it reaches is the task's, queued by the route.
   */
  afterResponse?: true;
  /**
   * With `detached`: Python, a coroutine a startup hook hands to the event loop as a task and goes on (a lifespan's
   * `asyncio.create_task(run_consumer())` before its `yield`): it runs beside the process, not once as it starts.
   */
  asTask?: true;
  /**
   * With `loop`: the loop itself runs in a goroutine or a thread the function starts and does not wait for (PowerJob's
   * `POOL.execute(() -> hooks.forEach(h -> sender.send(h)))`): what the call does per item is the task's, not the route's.
   */
  loopDetached?: true;
  /** In a loop, given what changes with it (`getUser(post.authorId)`; hazards/memoized.ts argumentsVaryInLoop). */
  loopArgs?: true;
  /**
   * Python: made in an `async def`, not awaited and not handed to a thread (the call's range): a synchronous function
   * of the workspace it lands on runs on the event loop (WorkspaceLinker.blockingThroughCalls).
   */
  onEventLoop?: Range;
  /**
   * Go: its value is handed to a queue (`c.Enqueue(tasks.NotifyAboutNewPost(post))`, fider): a function that makes the
   * task (FunctionFact.makesTask) is what a worker runs, started by the route; any other runs in the request, which
   * evaluates the argument (`q.Enqueue(store.Subscribers())`).
   */
  enqueued?: true;
  /**
   * TypeScript: an event emitted without waiting for its listeners (NestJS's `emit`, or an `emitAsync` not awaited):
   * the listeners run beside the request, started by the route, not on its path.
   */
  eventBeside?: true;
  /**
   * Made in a route handler's branch for one HTTP method (`if (req.method === "DELETE")`, `case 'PUT':`, Python's
   * `if request.method == "POST":`): on that method's route only, when one handler serves several.
   */
  method?: string;
  /**
   * Python: a decorator of the calling function (`@authorize`, `@require_permission("x")`), not a call it makes:
   * calling the function runs what the decorator returned, a function written inside it (healthchecks's `wrapper`,
   * which loads the project and then calls the view), and not the decorator's own body, which ran at import.
   */
  decorates?: true;
  /**
   * Python, with `decorates`: the arguments of the decorator's call that are bare names (privacyIDEA's
   * `@prepolicy(check_token_action, request, action="enable")`): a function among them that the factory's wrapper
   * calls (FunctionFact.calledParams) runs on the view's routes too.
   */
  handed?: HandedArgument[];
  /**
   * Python: an attribute read, not a call, on the row of a loop over a model's rows (`source.grants`, `receiverType`
   * the model): it lands only on a property of that model (FunctionFact.property), which runs per row.
   */
  readsProperty?: true;
}

/**
 * Which parameters of a route helper are the router, the method and the path; `method` -1 for a helper that registers
 * with methods of its own, at the path it is given and under prefixes (`registers`).
 */
export interface RouteHelperFact {
  router: number;
  method: number;
  path: number;
  registers?: { method: string; prefix: string }[];
}

export interface FunctionFact {
  name: string;
  /**
   * The events it listens to, run by who publishes one: Java, a Spring listener's application event types
   * (hazards/springEvents); TypeScript, a NestJS `@OnEvent` method's event keys (hazards/nestEvents); Go, the message
   * type a bus handler takes (hazards/goMessageBus).
   */
  listensTo?: string[];
  /** Enclosing class (methods), or the Go receiver type. */
  owner?: string;
  /**
   * JavaScript: the name of what holds the object literal it is a member of (plunk's `public static contacts = { get:
   * (id) => … }`: `contacts`; `export const users = { list() {…} }`: `users`), telling `X.contacts.get` from `X.emails.get`.
   */
  holder?: string;
  /** Where the function is: also how the join tells which functions are written inside which. */
  range: Range;
  exported: boolean;
  /**
   * Java: how many parameters it declares (unset with varargs), for calls to one of several overloads. Go: the same
   * (unset when variadic), for the types that implement an interface (a method of another arity does not).
   */
  params?: number;
  /** Java, a method overloaded in its class: its parameters' declared types ('' unknown; see javaOverloads). */
  paramTypes?: string[];
  /**
   * JavaScript: a route helper given the router (Trilium's etapi `route(router, method, path, handler) {
   * router[method](path, …) }`): which of its parameters are the router, the method and the path (see RouteLink.helper).
   */
  routeHelper?: RouteHelperFact;
  /** Python: the HTTP methods a decorator limits the view to (`@require_POST`, `@api_view(['GET', 'PUT'])`). */
  methods?: string[];
  /**
   * Python: the HTTP methods a decorator of the project is given (MobSF's `@request_method(['POST'])`): the view's
   * methods when that decorator's wrapper is a methodGuard, which the join looks up.
   */
  guardedMethods?: { decorator: string[]; methods: string[] };
  /**
   * Python: a decorator's wrapper that answers 405 to a method not in a list it is given (MobSF's `if request.method
   * not in methods_upper: return HttpResponseNotAllowed(methods_upper)`).
   */
  methodGuard?: true;
  /**
   * JavaScript: the HTTP methods a module's function answers, read as a Next.js pages/api handler's (`if (req.method ===
   * "POST")`, a 405 guard): the methods of a route whose handler is this one, or hands its request to it.
   */
  requestMethods?: string[];
  /** Python: a marshmallow schema's hook, run by its `load` or `dump`, and whether per item of a `many=True` one (hazards/schemaHooks). */
  schemaHook?: { on: 'load' | 'dump'; perItem: boolean };
  /** Calls made inside this function that may land on another function of the workspace. */
  calls: CallFact[];
  /** Go: a function literal is written in it (`return Task{Job: func() error {…}}`): handed to a queue, it makes a task. */
  makesTask?: true;
  /** Python: a method decorated `@property` or `@cached_property`: reading the attribute runs it. */
  property?: true;
  /**
   * Python: a method with no body of its own (`raise NotImplementedError`, `pass`, `...`, `@abstractmethod`): what
   * `self.m()` runs is a subclass's override, so the join follows those (WorkspaceLinker.walk).
   */
  abstract?: true;
  /** Python: an `async def` (calling it makes a coroutine; what it does is not run by the call). */
  async?: true;
  /**
   * JavaScript: an async function, or one that says Promise or `.then(` in its text: what it returns may be a promise
   * of work still going on (a call nothing waits for starts it; not a synchronous method answered from memory).
   */
  promises?: true;
  /**
   * JavaScript: an async function named as a hook (`use*`), i18next's app-dir `async function useTranslation(lng)`:
   * no React hook, awaited on the server (WorkspaceLinker.browserModules).
   */
  asyncUse?: true;
  /**
   * Python, a plain `def`: the first synchronous I/O it does itself (a query that runs, a remote call, `requests`),
   * which blocks the event loop when an `async def` calls it (WorkspaceLinker.blockingThroughCalls).
   */
  blocks?: { callee: string; label: string; range: Range };
  /** The first query or remote call this function makes itself (for `query-in-loop` through helpers). */
  effect?: { callee: string; match: CallMatch; range?: Range };
  /**
   * Java: when `effect` is a repository's call the join may follow into the project's own in-memory implementation
   * (CallMatch.unlessImplemented), the first sure query or remote call after it: what the function makes then.
   */
  effectAfter?: { callee: string; match: CallMatch };
  /**
   * JavaScript: the first query or remote call made in the function this one returns (CallFact.returned): made where
   * its result is called, `f(x)()`, not where it is only called.
   */
  returnedEffect?: { callee: string; match: CallMatch; range?: Range };
  /** Python: it looks for rows Django prefetched (`_prefetched_objects_cache`) and queries only when there are none. */
  prefetchAware?: true;
  /** A GraphQL resolver, an MCP tool, a Gradio event handler: it runs behind the service's endpoint of that API (RouteLink.runs). */
  servedBy?: ServedApi;
  /**
   * JavaScript: it makes a web app and returns it (dittofeed's `buildApp() { const server = fastify(…); …; return
   * server; }`): a module of another service that serves what it returns serves its routes (FileLinks.appMakers).
   */
  returnsApp?: true;
  /** It makes the server of that API (Go: gqlgen's `handler.New(graph.NewExecutableSchema(…))`): a route it handles runs it. */
  makesServer?: ServedApi;
  /**
   * It hands its parameter to tRPC's Next.js adapter as the router (cal.com's own `createNextApiHandler(router)`): a
   * pages/api route whose default export it makes is tRPC's endpoint (RouteLink.trpcVia).
   */
  makesTrpcHandler?: true;
  /**
   * The attributes it reads on its positional parameters (Python's `order.customer`, not `order.save()`; Java's
   * getters, `o.getCustomer()` as `customer`), by the position callers pass them at (after a Python method's `self`):
   * a loop handing it each row loads a lazy relation per row.
   */
  paramReads?: Record<number, string[]>;
  /**
   * Python: a decorator factory's parameters (by position after `self`, and name) that the wrapper it makes calls,
   * `def prepolicy_fn(function, …)` whose wrapper calls `function(…)`, or a class decorator's `__init__` keeping it as
   * `self.function` for the wrapper its `__call__` makes (privacyIDEA's `prepolicy`): see CallFact.handed.
   */
  calledParams?: { at: number; name: string }[];
  /**
   * The named type it returns (Go: `Store`, `*db.Queries`, the first of `(T, error)`; Python's and TypeScript's return
   * annotation, `-> RepositoryUsers`, `: Promise<OrderRepo>`), for calls on what it returns.
   */
  returns?: string;
  /**
   * Python: it returns a Flask blueprint it makes, `return Blueprint('v1_resources', __name__, url_prefix=url_prefix)`
   * (rotki's `create_blueprint`): under that url_prefix, written (`prefix`, or a module constant, `prefixRef`) or given
   * by its parameter (by position after a method's `self`, and name, with the default it may have): see
   * MountFact.madeBy.
   */
  blueprintPrefix?: { prefix?: string; prefixRef?: string[]; parameter?: { at: number; name: string; default?: string } };
  /**
   * Python, when no annotation says: the `self.a.b` its whole body returns (`return self.repos.tags`), resolved in the
   * join as that chain's accessor (WorkspaceLinker.returnedBy).
   */
  returnsChain?: string[];
  /**
   * Its whole body is one call it hands its work to (`return s.insertWithSuite(tx, id, r, nil)`, syntax.forwardsOnly):
   * what it calls is reached at its own call depth (WorkspaceLinker.walk).
   */
  forwards?: true;
  /** Java: a MyBatis mapper method declared to return a collection (`List<Tag> all()`), not one row. */
  mapperList?: boolean;
  /**
   * Java: the parameter (by position) the function hands to PageHelper's `doSelectPage…` after `startPage`
   * (mall4cloud's `PageUtil.doPage(pageDTO, select)`): the select a caller gives there is paged.
   */
  pagesParam?: number;
  /**
   * Its result is cached by argument (`@cache.memoize()`, `@lru_cache`, Spring's `@Cacheable`, or a cache it reads
   * first and returns from on a hit: hazards/memoized.ts): a loop calling it does not run its queries once per iteration.
   */
  cached?: boolean;
  /**
   * With `cached`: React's `cache()` keeps it per argument for the request only (hazards/memoized.ts isRequestCached): a
   * loop that calls it with what changes each turn (CallFact.loopArgs) still runs it per item.
   */
  cachedPerArgument?: true;
  /** Calling it queues it (a Huey task: hazards/queuedTasks.ts): its body runs later in a worker, not in the caller. */
  queued?: boolean;
  /**
   * It runs in the background, not for a request: a Celery, Huey, dramatiq or RQ task, a Spring `@Scheduled` job or
   * message listener, or once at startup (`onModuleInit`, `@PostConstruct`: hazards/backgroundTasks.ts). What it
   * reaches is said to run there when no route reaches it.
   */
  background?: string;
}

/**
 * APIs a service answers on one HTTP route, whatever the operation (routes/apiEndpoints.ts). tRPC answers its queries
 * (`trpc-query`, by GET) and mutations (`trpc-mutation`, by POST) apart; a route of any method runs both (`trpc`).
 */
export type ServedApi = 'graphql' | 'mcp' | 'gradio' | 'trpc-query' | 'trpc-mutation' | 'trpc' | 'orpc' | `orpc-${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'}`;

/**
 * A MyBatis XML statement of a mapper method that returns every row, or whose result map runs a nested select per row
 * (see mybatisMappers.ts).
 */
export interface MapperStatement {
  /** The mapper interface's simple name (the namespace's last part) and the method (the statement's id). */
  owner: string;
  method: string;
  hazard: Hazard;
  /**
   * A nested select's statement: the methods of the same mapper whose result maps run it from a `<collection>`, so
   * that it reads many rows whatever they return (`getDepById` and then its children). Their routes reach it too.
   */
  via?: string[];
}

/** A gRPC service as its `.proto` file declares it. */
export interface ProtoService {
  /** As the code's generated names spell it (`CheckoutService`). */
  name: string;
  /** With the file's package (`hipstershop.CheckoutService`): the first part of each method's path. */
  fullName: string;
  /** The `rpc` names, as written (`PlaceOrder`). */
  methods: string[];
  /** Per `rpc`, the HTTP routes its `option (google.api.http)` binds it to (`GET /v1/orders/{id}`), when it has some. */
  http?: Record<string, { method: string; path: string }[]>;
}

/** `app.use('/api', ordersRouter)`, `include_router(items.router, prefix=…)`, `path('api/', include('shop.urls'))`. */
/**
 * Go: one step of how middleware reaches a router or group, at a place in the file (which function it is written in,
 * and which registrations come after it). WorkspaceLinker.goMiddleware follows them back from a route's receiver.
 */
export type GoRoutingFact = {
  name: string;
  line: number;
  character: number;
  /** The innermost function it is written in (a callback too), none at the package level: a name there hides the same name outside. */
  within?: Range;
} & (
  | /** `name.Use(a, b)`, `name := r.Group("/x", a, b)`, chi's `name := r.With(a)`: the functions or the factories named. */
  { kind: 'use'; targets: string[][] }
  | /**
     * Router `name` wrapped in a handler that serves it, wherever in its function (`handler = ensureSessionID(handler)`
     * after `var handler http.Handler = r`): the functions named, and the types whose `ServeHTTP` serves it
     * (`&logHandler{next: handler}`).
     */
    { kind: 'wrap'; targets: string[][]; types?: string[] }
  | /**
     * `name` is a group or router made from router `from` (`name := from.Group("/x")`), or the router a callback is given
     * (`from.Route("/x", func(name chi.Router) {…})`, read where the call is: `fromLine`, `fromCharacter`). `from` is
     * empty for a new router (`gin.New()`).
     */
    { kind: 'from'; from: string; fromLine: number; fromCharacter: number }
  | /** `name` is parameter `param` of the function (a router or group type): what a caller hands it (`hand`). */
    { kind: 'param'; param: number }
  | /**
     * Router `name` handed as argument `argument` to the function `target` names (of type `targetType`, when known);
     * `targets`: the middleware of a group made of it in the argument (`Register(v1.Group("/users", auth))`);
     * `group`: the argument is such a group, a new one, whatever the function uses on it being that group's alone.
     * `listedValues`: the list (`['rou', 'RouterGroupApp']`) the value `target` calls its method on is taken from (MountFact.listedValues).
     */
    { kind: 'hand'; target: string[]; targetType?: string; argument: number; targets?: string[][]; group?: true; listedValues?: string[] }
);

/** A Java filter or interceptor registered for some paths only (routes/javaRequestFilters). */
export interface JavaFilterPaths {
  /** The class, or the field or bean method that holds it, as registered. */
  name: string;
  /** The patterns it runs on (none readable: none known), and those left out (`excludePathPatterns`). */
  include: string[];
  exclude: string[];
  /** A servlet filter's URL patterns (`/system/*`), not Spring's Ant patterns (`/system/**`). */
  servlet: boolean;
}

/** A Java class that filters or intercepts requests (routes/javaRequestFilters). */
export interface JavaRequestFilter {
  cls: string;
  /** A Spring MVC HandlerInterceptor: runs only where registered (`addInterceptor`); a filter also as a bean. */
  interceptor: boolean;
  /** Annotated as a bean (`@Component`): Spring Boot runs a filter bean on every request. */
  bean?: true;
}

/** A function (or a middleware class) a Python app runs on every request (routes/pythonRequestHooks). */
export interface PythonRequestHook {
  /** The function or class named: `['load_user']`, `['AuthSubjectMiddleware']`, `['middleware', 'Timing']`. */
  target: string[];
  /** Flask or Quart's hooks; FastAPI or Starlette's middleware. */
  on: 'flask' | 'asgi';
  /** A blueprint's own hook: on the routes of that blueprint of this file only. */
  blueprint?: string;
  /** The app it is registered on (`api` of `@api.middleware("http")`), where the file makes more than one. */
  app?: string;
}

export interface MountFact {
  prefix: string;
  /** What is mounted, as a member chain (`['ordersRouter']`, `['items','router']`) or a module (`shop.urls`). */
  target: string[];
  /** The router or app it is mounted on (its own prefix applies too). */
  receiver?: string;
  /**
   * JavaScript `use(…)`: the line it is written on. What it mounts is a router, or a middleware function that runs
   * before the routes registered on the receiver after it (WorkspaceLinker.jsMiddleware).
   */
  line?: number;
  /** With `line`: the column of the `use(…)` call, which says the function it is written in. */
  character?: number;
  /** JavaScript `use(…)`: on the module's own app or router (declared at its top level), wherever the call is written. */
  moduleReceiver?: true;
  /** Mounted only in development or tests (`if (env.isDevelopment)`): the target's routes are not production's. */
  developmentOnly?: boolean;
  /** Set for Django's `include('mod.urls')` and `require('./x')`: the target is a module path, not a name. */
  module?: boolean;
  /** Django's `include(patterns)` of a list of the same module: prefixes join as Django joins patterns. */
  django?: boolean;
  /** Go: the type of the value whose method makes the mounted router (`appAPI.Router()`), `T` or `pkg.T`. */
  targetType?: string;
  /**
   * Go: the named functions the mount is written in, innermost first (`r.Mount("/accounts", …)` inside
   * `func (a *API) Router()`, itself mounted under `/admin`): their prefixes apply too, as for a route.
   */
  enclosing?: string[];
  /**
   * JavaScript: the router is handed to a function as its argument k (`users(app)` with `export default (app) => {
   * app.use('/users', route) }`): mounted on that function's parameter k, not on a name (see enclosingNames). Python:
   * a DRF router handed to a helper that registers viewsets on it (DefectDojo's `v2_api = add_user_urls(v2_api)`), or a
   * blueprint or router handed to a function that adds routes to it (ckan's `register_group_plugin_rules(group)`).
   */
  argument?: number;
  /**
   * Python: the target is this parameter of the function the mount is written in (`name(k)`, as
   * RouteCollector.enclosingNames keys it), tracecat's `def _include_workspace_scoped_router(app, router):
   * app.include_router(router, prefix="/workspaces/{workspace_id}")`: it mounts what each call hands that function there.
   */
  parameterTarget?: string;
  /** With `argument`: the DRF router handed, whose settings the helper's registrations take (DrfRegistration.handed). */
  drfRouter?: DrfRouter;
  /** The router's own prefix (Koa `new Router({ prefix })`): added after the prefixes it is mounted under. */
  own?: boolean;
  /**
   * JavaScript: the target is a local of this named function (`const anonymousRouter = new Router()` in it): it
   * mounts only the routes and routers registered on that name within the function, not on a namesake elsewhere.
   * (Python: that of a router whose prefix is not known, see prefixUnknown.)
   */
  targetScope?: string;
  /**
   * Go: the target is a package variable listing functions, each given the router (go-admin's `for _, f := range
   * routerCheckRole { f(v1, auth) }`, filled by `routerCheckRole = append(routerCheckRole, registerSysApiRouter)`).
   */
  listed?: boolean;
  /**
   * Go: the target is a method called on each value of this list (1Panel's `for _, router := range rou.RouterGroupApp
   * { router.InitRouter(PrivateGroup) }`, `['rou', 'RouterGroupApp']`): that method of each type the list is written
   * with (FileLinks.goValueLists), when the list is read.
   */
  listedValues?: string[];
  /** A prefix named, not written (`prefix=settings.API_V1_STR`): the join reads its value where it is defined. */
  prefixRef?: string[];
  /**
   * With `own`: a prefix given by a parameter of the function that makes the router, with no default (fides'
   * `APIRouter(prefix=f"{API_PREFIX}/{model_type}")` in `def create_router_factory(fides_model, model_type)`): each
   * call's own, not known here; what is registered on it in that function (`targetScope`) is left out rather than
   * listed under a part read as empty.
   */
  prefixUnknown?: true;
  /**
   * Python, with `own`: the target is what a call of a workspace function returns, a Flask blueprint it makes (rotki's
   * `blueprint = create_blueprint(self._api_prefix)` with `def create_blueprint(url_prefix): return Blueprint('v1',
   * __name__, url_prefix=url_prefix)` in another module): the own prefix is the one that function writes, or the one
   * this call gives the parameter it passes on (FunctionFact.blueprintPrefix). The call's arguments written as a string
   * or a name (a class attribute read through `self`, `['APIServer', '_api_prefix']`) are kept, by position or name. A
   * call that lands on no such function is no mount.
   */
  madeBy?: { chain: string[]; args: MadeByArgument[] };
  /** Flask's `register_blueprint(bp, url_prefix=…)`: this prefix replaces the blueprint's own. */
  replacesOwn?: boolean;
  /** An own prefix that a registration may replace (Flask blueprints; FastAPI router prefixes always add). */
  replaceable?: boolean;
  /**
   * Flask: registers each blueprint of a list it loops over that is not written there (lemur's `for blueprint in
   * blueprints: app.register_blueprint(blueprint, url_prefix=…)`, the list handed to the app factory): the join puts
   * the service's blueprints that no registration names under it.
   */
  looped?: boolean;
  /**
   * @fastify/autoload: `target` is a folder (relative to this file), and every plugin file under it is registered
   * with `prefix`, then its folder path below it (unless `folderNames` is false) or its own `autoPrefix` export.
   */
  folder?: boolean;
  folderNames?: boolean;
  /** FastAPI's `include_router(r, dependencies=[Depends(auth)])`: functions that run before each route of the target. */
  alsoChains?: string[][];
  /** hapi: the target is a plugin, whose routes its `register(server)` function adds (`server.register({ plugin, routes: { prefix } })`). */
  plugin?: 'hapi';
  /**
   * Go: mounted through the project's own function of this name, given the path as argument `path` and the router as
   * argument `handler` (navidrome's `a.MountRouter("Native API", consts.URLPathNativeAPI, CreateNativeAPIRouter(ctx))`):
   * a mount only where the service declares such a function (FileLinks.goMountHelpers).
   */
  through?: { name: string; path: number; handler: number };
  /**
   * JavaScript: mounts each value registered in the project's plugin registry under this type (PluginHookFact), or
   * that `member` of it, in place of `target` (outline's `PluginManager.getHooks(Hook.API).forEach((hook) =>
   * router.use("/", hook.value.routes()))`); or those a class's static member gives (`list`, its class and member:
   * outline's `AuthenticationHelper.providers`, FileLinks.pluginHookLists).
   */
  hook?: { registry: string; type: string; member?: string } | { list: string[]; member?: string };
}

/** An argument of a call that makes a router (MountFact.madeBy): at a position or by name, a string or what names one. */
export interface MadeByArgument {
  at?: number;
  name?: string;
  prefix?: string;
  prefixRef?: string[];
}

/**
 * A value registered in the project's plugin registry (routes/pluginHooks.ts): outline's `PluginManager.add([{ type:
 * Hook.API, value: api }])`, or `member` of the value, `value: { router, id: config.id }`. Mounted where the registry's
 * hooks of that type are (MountFact.hook).
 */
export interface PluginHookFact {
  /** The name the registry is called on (`PluginManager`). */
  registry: string;
  /** The type as written (`Hook.API`). */
  type: string;
  member?: string;
  /** What is registered, as a chain the join resolves in this file (`['api']`). */
  value: string[];
}

export interface RouteLink {
  /** Index into `routes`. */
  route: number;
  /**
   * Registered by a call of a project's route helper in another module (`eu.route(router, "get", "/etapi/notes", h)`),
   * with the router, method and path at these arguments: the join keeps the route only if the call lands on a function
   * that registers so (FunctionFact.routeHelper); any other call with a method and a path (a client's) is no route.
   */
  helper?: { chain: string[]; router: number; method: number; path: number };
  /** NetBox's `include(get_model_urls('dcim', 'site'))`: the join serves each view registered for the model there. */
  modelViews?: ModelViewsUse;
  /** The router variable the route was registered on (`router` in `router.get(…)`). */
  receiver?: string;
  /** JavaScript: the receiver is the module's own (declared at its top level), not a function's local or parameter. */
  moduleReceiver?: true;
  /** Functions the registration sits in (Fastify plugins registered under a prefix). */
  enclosing: string[];
  /** The handler is a name defined elsewhere (`listOrders`, `orders.show`, `svc.homeHandler`). */
  handlerChain?: string[];
  /**
   * Next.js: an app router page whose component is another module's (`export { default } from "@/views/GroupsPage"`):
   * not served when that module is a client component (FileLinks.clientModule), as a page that says `"use client"`
   * itself is not.
   */
  nextPage?: true;
  /**
   * Next.js pages/api: the function the handler's whole body hands the request to (papermark's `return
   * handleRoute(req, res)`), called so from the handler: when the route reads no method of its own, the methods that
   * function answers (FunctionFact.requestMethods) are the route's.
   */
  methodsFrom?: string[];
  /**
   * Next.js pages/api: one method of the table the file's default export dispatches on (cal.com's `defaultHandler({
   * GET: import("./_get") })`), handled by the default export of the module imported for it (the handler its own file
   * route has, when that one has one). That module, imported so by a route of its service, serves no route of its
   * own (WorkspaceLinker.nextMethodModules).
   */
  nextMethodModule?: string;
  /**
   * tRPC: a pages/api route whose default export is made by a call of a workspace function (cal.com's
   * `createNextApiHandler(bookingsRouter)`, of its own module wrapping tRPC's adapter): its endpoint, kept by the join
   * only if one of these calls lands on a function that hands its parameter to the adapter as the router
   * (FunctionFact.makesTrpcHandler).
   */
  trpcVia?: string[][];
  /** Go: the type the registering function gives the handler's receiver (`userHandler := api.UserAPI{…}`). */
  handlerType?: string;
  /**
   * Go: the constructor `handlerType` was guessed from by its name (`v1.NewControllerV1(…)`), or the function that made
   * a gRPC implementation of no type the registration says (`svr := server.MustNewServerWithOpts(…)`): the type it
   * declares to return is the receiver's, when the join finds it.
   */
  handlerFrom?: string[];
  /**
   * Go: the receiver's fields the registering function fills with a function making a value of a named type
   * (localTypes.goFactoryFields): on this route's path, a call on what that function returns lands on that type.
   */
  goFactories?: GoFactoryField[];
  /**
   * Go, net/http: the calls whose results the local handed over as the handler holds (`h := googlereader.NewHandler(
   * store)`); where one of them registers routes itself, the value is a router and this registration a mount.
   */
  goMadeBy?: string[][];
  /**
   * Go: the project's router type the route is registered on, a parameter's (`[package or '', type, method]`,
   * hydra's `['httprouterx', 'RouterAdmin', 'GET']`): the prefix its constructor sets, where the type's declaring file
   * says so (FileLinks.goPrefixedRouters), is the route's innermost.
   */
  goRouterType?: string[];
  /**
   * Go: chi's `Mount` of the value `handlerChain` makes: a route at the prefix only where that function returns a type
   * of the workspace with its own `ServeHTTP` and registers no routes (drone's `*metric.Server`); a router's are mounted.
   */
  goMountedHandler?: true;
  /**
   * Go gin: registered by calling a parameter of the function that takes a method, a path and handlers (gotosocial's
   * `attachHandler(http.MethodPost, BasePath, h)`): a route only where a call of the function hands it a router's Handle
   * (a mount reaches one of `enclosing`); a function nothing hands one to registers nothing so (a docs helper's `add`).
   */
  goHandleParameter?: true;
  /**
   * Go: the call that made the handler from the value `handlerChain` names (`GraphqlEndpoint(db)` for `db`): the
   * handler when that value is none of the workspace's functions.
   */
  handlerFactory?: string[];
  /** The handler written in this file: index into `functions`. */
  handlerFunction?: number;
  /** Functions of this file that run before the handler on every request to it (Spring's `@ModelAttribute` methods). */
  alsoStart?: number[];
  /** Functions named by the registration that run before the handler (FastAPI's `Depends(get_current_user)`), anywhere. */
  alsoStartChains?: string[][];
  /**
   * FastAPI: the names the handler's parameters are annotated with (`user: CurrentUser`): where one is an alias that
   * carries a dependency (FileLinks.fastapiAliases, here or imported), that dependency runs before the handler.
   */
  dependsTypes?: string[];
  /** Route path still takes a prefix from mounts (false for Next.js files and absolute patterns). */
  mountable: boolean;
  /** A DRF `router.register()`: the join gives it the methods and `@action` routes of the viewset class. */
  viewSet?: DrfRegistration;
  /** `ItemView.as_view()`: the handler chain names a class, whose methods the join gives the route. */
  viewClass?: ViewClassUse;
  /** A GraphQL or MCP endpoint: the join starts it at every function of the service that API serves (FunctionFact.servedBy). */
  runs?: ServedApi;
  /** NestJS: the controller class whose method handles the route; not served when only a test-only module lists it. */
  controller?: string;
  /** NestJS: the guards, interceptors and pipes the handler and its controller are decorated with (routes/nestEnhancers). */
  nestEnhancers?: string[];
  /** NestJS: the decorators of the handler and (`class:` before them) its controller a guard's gate may read (routes/nestEnhancers). */
  nestMarks?: string[];
  /**
   * `@Controller`/`@Get` imported from a module other than NestJS's (plane live's `@plane/decorators`, whose
   * `registerController(router, C)` registers on an Express router): that module. Served as NestJS only in a service
   * with a Nest app (a file importing `@nestjs/core`), one that re-exports Nest's decorators.
   */
  ownDecorators?: string;
  /**
   * JAX-RS: a resource method of a class with no `@Path` of its own (traccar's `BaseObjectResource<T>`): served by each
   * subclass with one (`@Path("devices") class DeviceResource extends BaseObjectResource<Device>`), under that path,
   * by the subclass's override of the method or else by this one. The route's path is the method's own.
   * Spring (`spring`): a controller method, also served under each concrete controller of the service that extends
   * its class (BroadleafCommerce's `AdminCategoryController extends AdminBasicEntityController`), with `path` its own
   * mapping (as written, for the subclass's class mapping; `first` on the route of the class's first one), and
   * `self` whether the class serves it itself: `yes` a controller, `no` an abstract class, `unlessExtended` a class
   * without `@Controller` (listed as before unless a controller extends it). The route's path is the class's own.
   * NestJS: a route method of a class with no `@Controller` (Amplication's `HealthControllerBase`), served by each
   * controller extending it, under its path (`@Controller("_health")`), unless it or a class between defines a method
   * of that name (Nest reads the decorators of the method the controller has); `version`, the method's own `@Version`.
   */
  inherited?: { base: string; method: string; spring?: { path: string; first: boolean; self: 'yes' | 'no' | 'unlessExtended' }; version?: string };
  /**
   * An OpenAPI operation that openapi-generator makes a method of an interface at build time (openApiSpecs): served
   * by the controllers implementing one of those interfaces with a method of that name, under their own prefix.
   */
  spec?: { interfaces: string[]; method: string };
  /**
   * Spring: a mapping of a `@FeignClient`/`@HttpExchange` interface, another service's endpoint that this one calls:
   * a route only where a concrete `@Controller` of the service implements the interface (the provider's side), run
   * by its method; a fallback class implementing it serves nothing.
   */
  client?: true;
  /**
   * A gRPC service's implementation (routes/grpcServices.ts), by the service's name in its `.proto` file: the join
   * makes its routes from the definition nearest this file. With `method` (a Python or Java class's method, a
   * JavaScript implementation's key), the one route of that method, if the service declares it; without it (Go's
   * `RegisterXServer(srv, impl)`), one per method the service declares, run by the method of that name on the value
   * `handlerChain` (of type `handlerType`) names.
   */
  /** Sails: the action (`things/borrow-thing`) or controller method (`UserController.find`) answering the route. */
  sails?: { action: string } | { controller: string; method: string };
  /** Strapi: the API folder, controller and action that answer the route (routes/strapiRoutes.ts). */
  strapi?: { api: string; controller: string; action: string };
  /** Connexion: the Python function an OpenAPI operation names (`api.pets.get_pets` as its parts), in the service. */
  pythonHandler?: string[];
  /**
   * Feathers: the service method this REST route calls (`find`, `get`…), and the name of the list of methods the
   * service exposes when the registration names one (`methods: messageMethods`): the join keeps the route only if
   * that list, read where it is declared, has the method.
   */
  feathers?: { method: string; listedBy?: string };
  grpc?: {
    service: string;
    method?: string;
    /**
     * Served over HTTP as the `.proto` file's `google.api.http` options map it (Kratos's `RegisterXHTTPServer`,
     * grpc-gateway's `RegisterXHandlerServer`): the routes are those bindings, not the gRPC paths.
     */
    http?: boolean;
    /**
     * grpc-gateway's handlers that call the service's gRPC server (`RegisterXHandlerClient`, `…FromEndpoint`): run by
     * the implementation the service registers for that server (`RegisterXServer(srv, impl)`), found by the join.
     */
    viaServer?: boolean;
  };
}

/** How a class-based view is registered: `as_view({'get': 'list'})` maps methods to viewset actions. */
export interface ViewClassUse {
  actions?: Record<string, string>;
  /** `as_view(http_method_names=["post"])`: the methods this registration allows (upper-case), over the class's own. */
  allowed?: string[];
  /** Falcon: the class answers a method by its responder, `on_get` (`on_get_collection` with the route's `suffix`). */
  responder?: { suffix?: string };
}

/**
 * A Django queryset's `filter(…)` keywords that may follow relations from its model (`Check.objects.filter(project=
 * project)`, `filter(schedule__event=event)`): if one does, all the way, the rows are one object's children, which
 * the data model bounds as it bounds SQL's `WHERE project_id = %s`. Only the join knows the models of the workspace.
 */
export interface ParentFilter {
  model: string;
  paths: string[];
}

export interface FileLinks {
  imports: ImportFact[];
  /** Exported name → local name (`default` → `router`); `*` → `*` when every top-level name is importable. */
  exports: Record<string, string>;
  functions: FunctionFact[];
  mounts: MountFact[];
  routeLinks: RouteLink[];
  /** Per hazard of the file: index into `functions` of the function it is in, or -1 at top level. */
  hazardOwners: number[];
  /** Per hazard, the HTTP method of the handler branch it is in (`if (req.method === "DELETE")`), or null. */
  hazardMethods?: (string | null)[];
  /** A client made at top level without a timeout, by hazard index: the functions of the file that use it. */
  hazardUsers?: Record<number, number[]>;
  /** The process-wide client defaults this file gives a timeout (`axios.defaults`): see Hazard.unlessDefault. */
  timeoutDefaults?: string[];
  /** Go: the package variables the file sets to `http.DefaultClient` (casdoor's `DefaultHttpClient`): see Hazard.goDefaultHolder. */
  goDefaultClientHolders?: string[];
  /** GraphQL types this file shows listed (`@Field(() => [TeamMember])`, `List<Book>`): see Hazard.loop's `of`. */
  listedTypes?: string[];
  /** The SQL databases this file opens, embedded or over the network: see Hazard.sql. */
  sqlEngines?: SqlEngines;
  /**
   * Blocking calls that matter only on a request path: the join keeps those a route reaches. Also (`returned`) the
   * unbounded Django querysets functions return unread: kept unless every caller reads them in part.
   */
  pending: { hazard: Hazard; owner: number; returned?: boolean; parentFilter?: ParentFilter; givenStatement?: GivenStatement }[];
  /** A MyBatis XML mapper's unbounded SELECTs and nested selects run per row: reported on the routes that reach their Java methods. */
  mapperStatements?: MapperStatement[];
  /** A MyBatis XML mapper: the interface its `<mapper namespace="…">` names, in full (`com.macro.mall.dao.PmsProductAttributeCategoryDao`). */
  mapperNamespace?: string;
  /** Java: the packages the file's `@MapperScan` makes mappers of (`com.macro.mall.dao`, `com.ruoyi.**.mapper`): CallMatch.mapperOfPackage. */
  mapperScans?: string[];
  /** Paths `setGlobalPrefix(p, { exclude: ['/'] })` leaves without the prefix. */
  globalPrefixExclude?: string[];
  /** Defaults a config module gives its keys and their variables (`apiPrefix: process.env.API_PREFIX || 'api'`). */
  configDefaults?: Record<string, string>;
  /**
   * Python: objects the module makes at its top level by calling a class, by name (calibre-web's package
   * `calibre_db = db.CalibreDB()`: `{ calibre_db: 'CalibreDB' }`), for calls on them where they are imported.
   */
  moduleInstances?: Record<string, string>;
  /**
   * JavaScript: the functions whose result the module serves as its app (`const app = await buildApp(); app.listen(…)`,
   * routes/builtApps.ts): where one of another service returns the app it makes, that app's routes are served here too.
   */
  appMakers?: string[];
  /** JavaScript: the module makes an app and listens on it itself (routes/builtApps.ts listensOnOwnApp): its routes are its own server's. */
  ownServer?: true;
  /**
   * JavaScript: the names a module that makes a Temporal worker gives it as its activities (`Worker.create({ activities
   * })`, hazards/temporalActivities.ts): the join runs each function of what they name as a task of this module's service.
   */
  temporalActivities?: string[];
  /** NestJS: `@Module({ controllers: [A, B] })` classes of this file → the controllers they list. */
  nestModules?: Record<string, string[]>;
  /**
   * NestJS: `RouterModule.register([{ path: '/api/v2', module: PublicApiModule, children: […] }])` of this file: each
   * module → the path its controllers are served under.
   */
  nestRoutes?: Record<string, string>;
  /**
   * NestJS: modules this file adds only in development or tests (`if (process.env.NODE_ENV === 'test')
   * modules.push(TestingModule)`, novu's app module): controllers only they list serve no production route.
   */
  devOnlyModules?: string[];
  /**
   * OvernightJS: `@Controller('v1') @ChildControllers([new Actions()]) class V1` of this file: each parent controller
   * class → its own path and the classes of its children, served under it (plunk's `/v1/actions/:id`).
   */
  childControllers?: Record<string, [string, string[]]>;
  /**
   * Java: controller classes' own class-level `@RequestMapping` paths, by class name (see RouteLink.spec); JAX-RS's
   * `@Path` and NestJS's `@Controller` (with its version part) of a class that extends another (RouteLink.inherited).
   */
  classPrefixes?: Record<string, string[]>;
  /** Spring: the concrete `@Controller`/`@RestController` classes of the file, which serve the mappings they inherit. */
  springControllers?: string[];
  /** Pyramid: `config.add_route(name, pattern)` of this module, pattern by route name (routes/pyramidRoutes.ts). */
  pyramidRoutes?: Record<string, string>;
  /** Strapi: a content type's schema.json, its kind and names by its uid (`api::restaurant.restaurant`). */
  strapiTypes?: Record<string, { single: boolean; singular: string; plural: string }>;
  /** Helidon SE: the path each service class is registered at in this file, `.register("/greet", new GreetService())`. */
  helidonServices?: Record<string, string>;
  /** `app.setGlobalPrefix('api')` (NestJS): applies to every controller of the service. */
  globalPrefix?: string;
  /** Spring MVC's `configurer.addPathPrefix("/admin-api", …)`: applies to the service's annotated controllers. */
  springPathPrefix?: string;
  /** `app.enableVersioning({ type: VersioningType.URI })` (NestJS): controllers' versions prefix their paths. */
  uriVersioning?: { prefix: string; defaultVersion?: string };
  /**
   * Fastify decorators: `fastify.decorate('tasksRepository', createRepository(fastify))` → { tasksRepository:
   * 'createRepository()' }, `decorate('mailer', new Mailer())` → { mailer: 'Mailer' }: whose methods
   * `tasksRepository.paginate()` runs, in any plugin or route of the service.
   */
  decorations?: Record<string, string>;
  /** Relations the ORM loads on first access, by model (`{ Book: ['author'] }`): see hazards/lazyRelations. */
  lazyRelations?: Record<string, string[]>;
  /** Django models' relations, by model, to the model each leads to: see hazards/pythonRelations djangoRelationsOf. */
  djangoRelations?: Record<string, Record<string, string>>;
  /**
   * Django models' fields of a project's own field class, by model, each with its class, the model it leads to and the
   * name back: relations when the workspace shows that class extends Django's (hazards/pythonRelations djangoOwnClassFieldsOf).
   */
  djangoOwnClassFields?: Record<string, Record<string, { cls: string; to: string; reverse?: string }>>;
  /** Django models' forward ManyToManyFields, by model (see hazards/pythonRelations djangoManyToManyOf). */
  djangoManyToMany?: Record<string, string[]>;
  /** Relations a query here loads with its rows (`JOIN FETCH o.items`, `@EntityGraph(attributePaths = "items")`). */
  fetchedRelations?: string[];
  /** Loops over a model's rows and the relations they read on them: see hazards/lazyRelations. */
  relationLoops?: RelationLoopFact[];
  /** Passport strategies given their verify function by name: `{ 'passport:jwt': 'jwtVerify' }`. */
  passportVerifiers?: Record<string, string>;
  /** Sequelize association accessors the file's associations make (`getPosts`): see hazards/sequelizeAssociations. */
  associationAccessors?: string[];
  /** `export const autoPrefix = '/v1'` (a Fastify plugin): its prefix when @fastify/autoload registers it. */
  autoPrefix?: string;
  /** The file imports `@nestjs/core` (`NestFactory.create(AppModule)`): its service is a NestJS app. */
  nestApp?: true;
  /** A Next.js config's `pageExtensions` (nextConfigPageExtensions): the pages below its folder are the files with one. */
  nextPageExtensions?: string[];
  /** A Remix or React Router route module: its place among the others (routes/remixRoutes.ts, remixModuleOf). */
  remixModule?: { routes: string; id: string; path: string; layout: boolean; pathless: boolean; framework: string };
  /** Python string constants (`API_PREFIX`, `Settings.API_V1_STR`), for named mount prefixes: see pythonConstants. */
  constants?: Record<string, string>;
  /** The DRF routers a Python module makes, by name, for registrations on them in modules that import them (DrfRegistration.imported). */
  drfRouters?: Record<string, DrfRouter>;
  /**
   * Python: a view class's `as_view()` kept in a module-level name (`attachments_upload = AttachmentsUploadView.as_view()`),
   * by that name: the class's chain, for the URLconfs that route to the name.
   */
  viewAliases?: Record<string, string[]>;
  /** Variable or field name → the class it holds an instance of (`repo` → `OrderRepo`): see declaredTypes. */
  types?: Map<string, string>;
  /**
   * Python: the names of `types` whose class the file only makes in place (`notifier = Notifier()`, `self.notifier =
   * Notifier()`), no annotation says: the value is of that class itself, never a subclass (see FunctionFact.abstract).
   */
  pyMade?: string[];
  /** Java and TypeScript: class → the interfaces it implements (`MyBatisArticleRepository` → `ArticleRepository`). */
  implementsOf?: Record<string, string[]>;
  /**
   * Python, Java and TypeScript: class → the classes it extends (an inherited method is found in its base); Go:
   * struct → the types it embeds.
   */
  extendsOf?: Record<string, string[]>;
  /**
   * Python: strings of the file that name a module or a function by its dotted path (`"accounts.sync.refresh_stats"`,
   * a job a scheduler runs by name): such a module runs in the service whoever imports it.
   */
  dottedStrings?: string[];
  /** Java: interface → the interfaces it extends (`UserMapper` → `BaseMapperX`), for CallRule.mybatisPlusMapper. */
  interfaceBases?: Record<string, string[]>;
  /** Java: class that implements an interface → the declared types of its fields (`Map`, `MongoTemplate`), for CallRule.unlessImplemented. */
  javaFieldTypes?: Record<string, string[]>;
  /** Java: class → the getters Lombok generates for it (`@Data` class: `getName`), which the join takes as its own methods. */
  lombokGetters?: Record<string, string[]>;
  /**
   * Java: classes of this file that carry a class annotation that may make them a bean (`@Service`, `@Component`, a
   * project's own stereotype; not Lombok's nor `@Deprecated`): which of an interface's implementations run.
   */
  javaBeans?: string[];
  /** Java: classes of this file that may stand for one row: of no type parameters, not a collection or a map (Hazard.loop.row). */
  javaRowClasses?: string[];
  /**
   * Java: the classes this file makes (`new TokenApprovalStore()`, `TokenApprovalStore::new`), a `@Bean` method's
   * declared type, and those a configuration `@Import`s: which of an interface's implementations run.
   */
  javaMade?: string[];
  /** Python: classes of this file that extend a Tortoise or peewee `Model` (hazards/activeRecord). */
  activeRecordModels?: string[];
  /** Go: package variables listing functions, with the functions this file puts in them (see MountFact.listed). */
  goFunctionLists?: Record<string, string[]>;
  /** Go: lists of values this file writes, with their types, by variable or function (see goValueLists, MountFact.listedValues). */
  goValueLists?: Record<string, string[]>;
  /** JavaScript: the folders this file loads whole with `auto-load` (Wiki.js's models): see autoloadedFolders. */
  autoloadedFolders?: AutoloadedFolder[];
  /** JavaScript: what this file registers in the project's plugin registry (PluginHookFact). */
  pluginHooks?: PluginHookFact[];
  /**
   * JavaScript: functions of other modules an API endpoint runs, named where they are registered (an oRPC procedure's
   * `.handler(handleGetFolder)` with the function imported): as FunctionFact.servedBy, for what the name resolves to.
   */
  servedChains?: { api: ServedApi; chain: string[] }[];
  /**
   * JavaScript: a class's static members that give a plugin registry's hooks of a type, by `Class.member` (outline's
   * `static get providers() { return PluginManager.getHooks(Hook.AuthProvider); }`).
   */
  pluginHookLists?: Record<string, { registry: string; type: string }>;
  /** Go: functions that mount the router they are given under the path they are given: [path, router] argument indices. */
  goMountHelpers?: Record<string, [number, number]>;
  /** Go: router types whose registration methods join a prefix their constructor sets (see goPrefixedRoutersOf). */
  /** (`grouped`: the type has a method making another router of it, a `Group(p)` whose prefix joins the type's and p.) */
  goPrefixedRouters?: Record<string, { prefix: string; methods: string[]; grouped?: true }>;
  /** Go: the interfaces this file declares, with their methods (types implement them without saying so). */
  goInterfaces?: Record<string, string[]>;
  /** Go: those of its interfaces whose statement methods have a database handle's signatures (see goHandleInterfaces). */
  goHandleInterfaces?: string[];
  /** Go: how many parameters each of those methods takes (none given for a variadic one; see goInterfaceArities). */
  goInterfaceArity?: Record<string, Record<string, number>>;
  /** Go: struct → its slice fields, with their element types (`Views []BackupView`): see goSliceFields. */
  goSliceFields?: Record<string, Record<string, string>>;
  /** Go: named slice types → their element types (`type widgets []widget`): see goSliceTypes. */
  goSliceTypes?: Record<string, string>;
  /** Go: the structs the file declares, generic ones too (see goStructs). */
  goStructs?: string[];
  /** Go: package variables made by a call, with the function called (`['repo', 'NewIAppDetailRepo']`): see goPackageVarSources. */
  goVarSources?: Record<string, string[]>;
  /** Go: package variable → the type of another package it is declared of (`var FileQueue sync.Map`): see goPackageVarTypes. */
  goVarTypes?: Record<string, string>;
  /** Python classes of this file that may serve requests (views, viewsets, their bases), by name: see routes/viewClasses. */
  viewClasses?: Record<string, ViewClassFact>;
  /** Python: the names its `__all__` lists, when it lists them literally: all a `from m import *` takes from it. */
  pythonAll?: string[];
  /** DRF serializer classes of the file, with the serializers their fields are made of (routes/nestedSerializers). */
  nestedSerializers?: Record<string, string[]>;
  /** DRF serializer classes of the file with a `Meta.model`, and the relations they read on each row (hazards/drfSerializerReads). */
  serializerReads?: Record<string, SerializerReads>;
  /** A `.proto` file's services (protoFiles.ts): what gRPC registrations in any file make routes of. */
  protoServices?: ProtoService[];
  /** Its text says it serves no request (generated code, an Alembic migration): the join reports no hazard from it. */
  quiet?: boolean;
  /**
   * JavaScript the browser runs (a React component, a `"use client"` module: hazards/missingTimeouts.ts). The join
   * also counts as the browser's a module that only such modules import (WorkspaceLinker.browserModules).
   */
  browser?: boolean;
  /** A `"use server"` module: its functions are server actions, run on the server wherever they are imported. */
  serverActions?: boolean;
  /**
   * A `"use client"` module (a client component's): an app router page that exports its component as its own is no
   * page the server renders per request (RouteLink.nextPage).
   */
  clientModule?: boolean;
  /** Go: built only with a tag for tests or tooling (`//go:build e2etest`): a test file, its routes and mounts none of production's. */
  testBuild?: boolean;
  /**
   * Generated (`// Code generated … DO NOT EDIT.`): an adapter between a route and the code written for it
   * (oapi-codegen's wrappers and strict handler), which the join passes through without counting a call.
   */
  generated?: boolean;
  /**
   * A Django settings module (it sets INSTALLED_APPS or REST_FRAMEWORK): whether it pages DRF's lists by default, and
   * its `ROOT_URLCONF` (a module name).
   */
  djangoSettings?: { paged: boolean; rootUrlconf?: string };
  /** Go: the functions it registers on a message bus (`bus.AddHandler(getUserByID)`): hazards/goMessageBus. */
  goBusHandlers?: string[];
  /** Go: how its routers and groups get middleware (`r.Use(auth)`, `g := r.Group("/api")`, …): routes/goRouting. */
  goRouting?: GoRoutingFact[];
  /** Python: the dotted paths its `MIDDLEWARE` (or `MIDDLEWARE_CLASSES`) lists or adds: Django runs each on every request. */
  djangoMiddleware?: string[];
  /** NestJS: the enhancers and middleware a module or `main.ts` gives every route, or a controller's (routes/nestEnhancers). */
  nestAppEnhancers?: { target: string; controller?: string }[];
  /** NestJS: its guard classes made of Passport's (`extends AuthGuard('jwt')`), each to its strategy (`passport:jwt`). */
  nestAuthGuards?: Record<string, string>;
  /** NestJS: by guard or interceptor class, the metadata its method reads before its work, and where that runs (routes/nestEnhancers). */
  nestGates?: Record<string, NestGate>;
  /**
   * NestJS: its decorator makers, each to the metadata keys it sets (`Public` → `IS_PUBLIC_KEY`), the makers it is made
   * of (`@Roles`) and the enhancers it applies (`use:RolesGuard`).
   */
  nestMetadataDecorators?: Record<string, string[]>;
  /** Java: the servlet filters, interceptors and WebFlux filters it defines (routes/javaRequestFilters). */
  javaFilters?: JavaRequestFilter[];
  /**
   * Java: the names of filters and interceptors it registers (`addFilterBefore(jwtFilter, …)`, `addInterceptor(…)`), for
   * every request or limited to some paths (`addPathPatterns`, `addUrlPatterns`).
   */
  javaFilterRegistrations?: { every: string[]; paths: JavaFilterPaths[] };
  /** Python: Flask's request hooks and FastAPI's middleware it registers (routes/pythonRequestHooks). */
  pythonRequestHooks?: PythonRequestHook[];
  /** Python: the web apps it makes (`Flask(__name__)`, `FastAPI()`), by the kind of hooks they run. */
  pythonApps?: PythonRequestHook['on'][];
  /** FastAPI: `CurrentUser = Annotated[User, Depends(get_current_user)]`: alias → the dependencies it carries. */
  fastapiAliases?: Record<string, string[][]>;
  /** FastAPI: `router = APIRouter(dependencies=[Depends(auth)])`: router → what runs before each of its routes, also those it includes. */
  routerDependencies?: Record<string, string[][]>;
  /** NetBox's `@register_model_view(Site, 'edit')` registrations of this module (routes/modelViews). */
  modelViews?: ModelViewFact[];
}

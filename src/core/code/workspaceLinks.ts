import { routeLabel } from './codeModel';
import type { CallFact, EnvRead, FileAnalysis, FileLinks, FunctionFact, GivenStatement, GoRoutingFact, HandledRoute, JavaFilterPaths, PythonRequestHook, Hazard, ImportFact, MapperStatement, MountFact, ParentFilter, ProtoService, RouteHelperFact, RouteKey, RouteLink, ServedApi } from './codeModel';
import { familyOf, isExampleCode, isOneOffScript, isTestFile } from './analyzeFile';
import type { CallMatch, LanguageFamily } from './hazards/callCatalogue';
import { STARTUP_HOOK } from './hazards/backgroundTasks';
import { TEMPORAL_ACTIVITY } from './hazards/temporalActivities';
import { isClientType, JS_BUILT_IN_TYPE } from './declaredTypes';
import { helperLazyLoadExplanation, lazyLoadExplanation, type RelationLoopFact } from './hazards/lazyRelations';
import { relationReadExplanation, serializedListExplanation, type SerializerRead, type SerializerReads } from './hazards/drfSerializerReads';
import { loopHazard } from './hazards/loopHazards';
import { SCHEMA_CALLS, SCHEMA_MANY, SERIALIZER_MANY } from './hazards/schemaHooks';
import { readsPrefetched } from './hazards/djangoQuerysets';
import { parentFilterOfText, unpagedListHazard } from './hazards/unboundedQueries';
import type { ModelViewFact, ModelViewsUse } from './routes/modelViews';
import { asViewRoutes, classChain, listLoads, unpagedList, viewSetRoutes, type ClassAt, type ClassChain, type UnpagedList, type ViewRoute } from './routes/viewClassRoutes';
import type { DrfRouter } from './routes/drfRouters';
import { helperHooksOf, type HelperAttribute } from './routes/viewClasses';
import { javaFilterCovers } from './routes/javaRequestFilters';
import type { NestGate } from './routes/nestEnhancers';
import { GO_SEGMENT, JOINED_NAMES, joinPaths, NAMED_PART, VERSION_PART } from './routes/routeCollector';
import { springPath } from './routes/javaRoutes';
import { activeRecordClass, activeRecordListHazard, PANACHE_ENTITY, PANACHE_QUERY, PY_ACTIVE_RECORD_QUERY, pythonActiveRecordClass } from './hazards/activeRecord';
import { readEnvPart } from './routes/envParts';
import { CACHED_RESULT } from './hazards/memoized';
import { PYRAMID_ROUTE } from './routes/pyramidRoutes';
import { HELIDON_SERVICE } from './routes/helidonRoutes';
import { STRAPI_ROUTE, strapiCorePath } from './routes/strapiRoutes';
import { ROOT_MODULE } from './routes/remixRoutes';
import { pageExtensionsPath } from './routes/nextRoutes';
import { isNextConfig } from './nextConfig';
import type { GoFactoryField } from './localTypes';
import { javaArgumentsFit } from './javaOverloads';
import type { PathAlias } from '../model/environment';
import { containsPosition, type Position, type Range } from '../model/location';

/** How many calls deep a request path is followed from a handler (the handler itself is depth 0). */
const CALL_DEPTH = 3;
/** A Java field's type that keeps data in the process: a collection, a map, a cache (WorkspaceLinker.keepsInMemory). */
const IN_MEMORY_FIELD = /^(?:\w*(?:Map|List|Set|Queue|Deque|Cache|Collection|Multimap|Table)|Iterable|\w+\[\])$/;
/** A Java field's type that reaches a database or another service (besides isClientType's `…Template`, `…Repository`…). */
const DATA_CLIENT_FIELD = /^(?:Jdbc|Jedis|Redis|Mongo|Elasticsearch|Sql|Cassandra|Neo4j|Hibernate)|(?:EntityManager\w*|SessionFactory|DataSource|DSLContext|Mapper|Dao|Factory|Operations|Driver|Connection\w*)$/;
/**
 * What a JavaScript method calls on a collection, a string or a value in memory (`getState().tables.find(…)`,
 * `.filter(…).map(…)`, a Map's `get`): a class's own lookup answered from memory calls only these, its own methods and
 * functions the join follows (WorkspaceLinker.ownSyncMethod).
 */
const IN_MEMORY_CALL = /^(?:find|findIndex|findLast|filter|map|flatMap|forEach|some|every|includes|indexOf|at|get|has|slice|concat|sort|reduce|keys|values|entries|push|assign|freeze|from|isArray|trim|toLowerCase|toUpperCase|split|join|startsWith|endsWith|parse|stringify|toString)$/;

const MAX_TARGETS = 3;
/** …and at most this many, when a route's walk reaches every implementation of an interface (manyOf). */
const MANY_TARGETS = 100;

/** What a Python dict or list answers: on a name of no known type, more likely one of those than a class's method. */
const PY_MAPPING_METHODS = new Set(['get', 'items', 'keys', 'values', 'pop', 'update', 'setdefault', 'append', 'extend', 'copy', 'clear', 'remove', 'insert', 'index', 'count']);
/** How a worker's task is queued rather than run: Celery's `delay`/`apply_async`, dramatiq's `send`. */
const QUEUEING = new Set(['delay', 'apply_async', 'send']);
/** How many calls further than the function called in a loop its query or remote call is looked for. */
const EFFECT_DEPTH = 2;

export interface LinkOptions {
  /**
   * The service a file belongs to, told whether the file registers routes (see serviceForFile): name-based guesses
   * (methods on fields, NestJS global prefixes) stay inside it.
   */
  groupOf?: (file: string, registersRoutes: boolean) => string | undefined;
  /** TypeScript's `paths` (`@config/*` → `src/configs/*`), for the files under the folder of the tsconfig that says it. */
  pathAliases?: PathAlias[];
  /**
   * The variables a service's recipes set, with their values (undefined: set, but from a secret or a reference),
   * for route prefixes the code reads from the environment (`app.use(process.env.API_PREFIX, router)`).
   */
  envOf?: (group: string) => Readonly<Record<string, string | undefined>> | undefined;
}

interface Entry {
  id: number;
  a: FileAnalysis;
  links: FileLinks;
  family: LanguageFamily;
  dir: string;
  group: string;
  /** A test file: its mounts give no production paths and its code is on no route's page. */
  test: boolean;
  /** A test or a one-off script (seed, migration): its loops over the app's code are not load. */
  quiet: boolean;
}

type FnRef = { e: Entry; fn: number };
/** A Go field named like an RPC or SDK client (the catalogue's `…Client` holders). */
const CLIENT_NAMED = /[cC]lient$|[sS]tub$/;
/** A service's NestJS decorator makers: their keys, the file each is made in, the keys any sets, a key's value. */
type NestMakers = { makers: Map<string, string[]>; madeIn: Map<string, Entry>; known: Set<string>; keyOf: (key: string) => string };
/** A method Nest runs on a request, with the metadata gate of its guard or interceptor class (NestGate). */
type GatedRef = { ref: FnRef; gate?: NestGate };
/** Code in another file than the route's registration. */
type Elsewhere = { e: Entry; range: Range };
/**
 * A factory field of a route's generic handler (RouteLink.goFactories): calls on what `field` of a value of `owner`
 * returns, or on a value of type `result` (WorkspaceLinker.goTypeKey), land on `type`'s methods, named as `at` names it.
 */
type GoBound = { key: string; owner: string; field: string; result: string; at: Entry; type: string };
/** A relation a list's serializer reads per row, unloaded by its queryset (WorkspaceLinker.unloadedReads). */
type RelationRead = { e: Entry; serializer: string; model: string; read: SerializerRead };

/**
 * The workspace join: per-file analyses (cached, each made from its own text) linked into request paths.
 * Routers mounted under a prefix in another file get their full path; handlers named in one file and written
 * in another are found; hazards in functions a handler calls, across files, up to CALL_DEPTH calls deep, get
 * the handler's route; a call in a loop to a function of another file that queries is a `query-in-loop`; and
 * blocking calls are kept only where a route reaches them. Pure and cheap (no parsing): redone after each edit.
 */
export function linkFiles(files: readonly FileAnalysis[], options: LinkOptions = {}, cache?: LinkCache): FileAnalysis[] {
  return new WorkspaceLinker(files, options, cache).link();
}

/**
 * Call resolutions kept from one join to the next (CodeIndex keeps one). Where a call lands depends only on the
 * files' interfaces (imports, exports, declared types, functions' names and owners in order) and on which files
 * there are: while none of that changes, as when typing inside a function body, the calls of every file whose
 * analysis did not change resolve as before, and only the edited file's are resolved again.
 */
export class LinkCache {
  targets = new WeakMap<object, { file: string; fn: number }[]>();
  /** Call sites with more implementations than MAX_TARGETS, each of them (see WorkspaceLinker.manyTargets). */
  many = new WeakMap<object, { file: string; fn: number }[]>();
  /** Call sites that landed on methods by their name alone (see WorkspaceLinker.guessedSites). */
  guessed = new WeakSet<object>();
  /** Each file's analysis as of the last join: the same object, or one with the same interface, keeps `targets`. */
  links = new Map<string, FileLinks>();
  options?: LinkOptions;
  /**
   * What each route reached (WorkspaceLinker.reach), with the analyses of every file the walk read: still what it
   * reaches while those are the same objects and `targets` is kept. An edit inside a body then walks again only the
   * routes whose paths pass through the edited file (the walk was a quarter of the join after an edit).
   */
  reached = new Map<string, { refs: { file: string; fn: number }[]; read: [string, FileLinks][] }>();
  /**
   * Each file's hazards found through the calls it makes (WorkspaceLinker.throughCalls), with the analyses of every
   * file read to find them: kept while those are the same objects, as `reached` is. They were half of the join after an
   * edit in skyvern, where an edit changes what few files' calls lead to.
   */
  throughCalls = new Map<string, ThroughCalls & { links: FileLinks; read: [string, FileLinks][] }>();
  /**
   * Where each import lands (WorkspaceLinker.resolveModule), by the importing folder and the module, as a file's name
   * (null: none of the workspace's). It depends only on which files there are, in which order: a fifth of the join
   * after an edit in skyvern went to resolving every JavaScript import again for browserModules.
   */
  modules = new Map<string, string | null>();
  /** The files of the last join, in its order. */
  files: string[] = [];
  /** The Python calls of the workspace by the name called, kept up to date file by file (see PythonCallIndex). */
  pythonCalls = new PythonCallIndex();
  /** …and the JavaScript calls, for a bound an optional parameter sets (WorkspaceLinker.unboundedByACaller). */
  jsCalls = new PythonCallIndex();
}

/** A Python call of the workspace: in which file, which function, and the call. */
interface PythonCall {
  file: string;
  caller: number;
  call: CallFact;
}

/**
 * Every Python call of the workspace by the last name of its callee, to find who calls a function that returns a
 * queryset (readWholeByACaller); one for the JavaScript calls too (unboundedByACaller). Made for all files once, then
 * after an edit only the edited file's calls are taken out and put back: remade on every join, it was half of the join
 * after an edit in saleor (4,300 files).
 */
export class PythonCallIndex {
  private readonly byName = new Map<string, PythonCall[]>();
  /** The analysis each file's calls were taken from. */
  private from = new Map<string, FileLinks>();

  /** The index for these files (by name, their analyses' links): what changed since the last update is redone. */
  update(files: ReadonlyMap<string, FileLinks>): Map<string, PythonCall[]> {
    for (const [file, links] of this.from) if (files.get(file) !== links) this.remove(file, links);
    for (const [file, links] of files) if (this.from.get(file) !== links) this.add(file, links);
    this.from = new Map(files);
    return this.byName;
  }

  private add(file: string, links: FileLinks): void {
    links.functions.forEach((fact, caller) => {
      for (const call of fact.calls) pushTo(this.byName, call.chain[call.chain.length - 1], { file, caller, call });
    });
  }

  private remove(file: string, links: FileLinks): void {
    const names = new Set<string>();
    for (const fact of links.functions) for (const call of fact.calls) names.add(call.chain[call.chain.length - 1]);
    for (const name of names) {
      const kept = this.byName.get(name)?.filter((c) => c.file !== file);
      if (kept?.length) this.byName.set(name, kept);
      else this.byName.delete(name);
    }
  }
}

const INTERFACES = new WeakMap<FileLinks, string>();

/**
 * A fact of one file's analysis, made on first use and kept with it: a file's analysis is a new object when its
 * text changes, and the join, redone after every edit, would otherwise make the same facts for every other file.
 */
/** Per analysis: the names of the file's cached functions (WorkspaceLinker.cachedBy). */
const CACHED_NAMES = new WeakMap<FileLinks, string[]>();
/** Whether a file's functions refill a package's value they keep (CallFact.refills), per analysis. */
const REFILLS = new WeakMap<FileLinks, boolean>();
/** The most mount prefixes a route is written out under (see routePaths). */
const MAX_PREFIXES = 64;

/** A `use(…)` mount's target as a call site: its resolution is then kept from one join to the next (LinkCache). */
const MOUNT_SITES = new WeakMap<MountFact, CallFact>();
/** The call sites of a Go `use` fact's middleware (resolveCall caches by site). */
const GO_USE_SITES = new WeakMap<GoRoutingFact, CallFact[]>();

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Two facts' functions are the same one (none: the package level). */
function sameScope(a: Range | undefined, b: Range | undefined): boolean {
  return a === b || (!!a && !!b && sameRange(a, b));
}

/** A fact written at or before a position. */
function notAfter(f: { line: number; character: number }, at: Position): boolean {
  return f.line < at.line || (f.line === at.line && f.character <= at.character);
}
/** What FastAPI's and Starlette's background tasks are called, queued by a route and run after its response (CallFact.afterResponse). */
const AFTER_RESPONSE_TASK = 'background task';

/** Per file: whether any of its calls starts work the request does not wait for (startedBy). */
const STARTS_WORK = new WeakMap<FileLinks, boolean>();

function perAnalysis<T>(cache: WeakMap<FileLinks, T>, links: FileLinks, make: () => T): T {
  let value = cache.get(links);
  if (value === undefined) cache.set(links, (value = make()));
  return value;
}

/** An environment read with the routes that reach it, when some do. */
function withRoutes(read: EnvRead, routes: readonly RouteKey[]): EnvRead {
  return routes.length ? { ...read, routes: [...routes] } : read;
}

/** The innermost function of a file around a position, or -1 (functions are listed with their ranges, nested ones too). */
function innermostFunction(links: FileLinks, at: Range['start']): number {
  let best = -1;
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  links.functions.forEach((f, fn) => {
    if (!before(f.range.start, at) || !before(at, f.range.end)) return;
    if (best < 0 || before(links.functions[best].range.start, f.range.start)) best = fn;
  });
  return best;
}

/** A plugin registry's hooks of one type (and member) in one service: PluginHookFact, MountFact.hook. */
function pluginHookKey(group: string, hook: { registry: string; type: string; member?: string }): string {
  return `${group}\n${hook.registry}\n${hook.type}\n${hook.member ?? ''}`;
}

/** What of a file other files' calls can land on, as one string. */
function interfaceOf(links: FileLinks): string {
  return perAnalysis(INTERFACES, links, () =>
    JSON.stringify([
      links.imports,
      Object.entries(links.exports),
      [...(links.types ?? [])],
      links.pyMade ?? [],
      links.implementsOf ?? {},
      // Calls land on methods a class inherits (methodsOf): a changed base changes where they land.
      links.extendsOf ?? {},
      // (A Java class's fields: whether its interface's callers' repository calls are queries, holdsImplementedInterface.)
      links.javaFieldTypes ?? {},
      // (A Java class's Lombok getters: calls land on them, landsInWorkspace.)
      links.lombokGetters ?? {},
      // (Which classes are beans or made: which of an interface's implementations a call lands on, runningOf.)
      links.javaBeans ?? [],
      links.javaMade ?? [],
      // (A Java interface's bases, a Go interface's methods and their arities, a Go package variable's library type:
      // which implementations and methods a call lands on.)
      links.interfaceBases ?? {},
      // (Which interfaces are MyBatis mappers: CallMatch.mapperOfPackage.)
      links.mapperNamespace ?? '',
      links.mapperScans ?? [],
      links.goInterfaces ?? {},
      links.goInterfaceArity ?? {},
      links.goVarTypes ?? {},
      // (What `from m import *` passes on.)
      links.pythonAll ?? [],
      // (A Spring listener's event: publishers' calls land on it.)
      // (How many parameters, and of which types: a Java call lands on the overloads that take its arguments.)
      links.functions.map((f) => [f.name, f.owner ?? '', f.exported, f.returns ?? '', f.listensTo ?? [], f.params ?? -1, f.paramTypes ?? []]),
      links.decorations ?? {},
      links.passportVerifiers ?? {},
      // (Which Go bus handlers are registered: a Dispatch's call lands on them.)
      links.goBusHandlers ?? [],
      // (What a call the workspace does not define is, when a model of the workspace inherits it: accessorEffect.)
      links.activeRecordModels ?? [],
      links.associationAccessors ?? [],
      // (Which service a file is in depends on whether it serves routes; a quiet file's calls are not followed.)
      links.routeLinks.length > 0,
      links.quiet === true,
    ]),
  );
}

/**
 * Java: a call of a method of the caller's own class, not through another object (`audit(o)`, `this.audit(o)`): Spring's
 * proxy is not on its way, so an `@Async` method called so runs in the caller's thread.
 */
function selfCallOf(caller: FnRef, target: FnRef, chain: string[]): boolean {
  if (caller.e.family !== 'java' || !(chain.length === 1 || (chain.length === 2 && chain[0] === 'this'))) return false;
  const owner = caller.e.links.functions[caller.fn].owner;
  return owner !== undefined && target.e.links.functions[target.fn].owner === owner;
}

/** Java: whether two methods take as many parameters (unknown, with varargs: taken as the same). */
function sameArity(a: number | undefined, b: number | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/**
 * A package a `@MapperScan` names, as the packages it takes: itself and those under it, `*` a part of a name and `**`
 * any number of parts (`com.ruoyi.**.mapper`: `com.ruoyi.mapper`, `com.ruoyi.system.mapper`).
 */
/** A Java package (or a `@MapperScan` pattern) with a segment named for mappers or DAOs. */
const MAPPER_PACKAGE = /(?:^|\.)(?:\*\*\.)?(?:mappers?|daos?|mapping|persistence)(?:\.|$)/i;

function packagePattern(scan: string): RegExp {
  let source = '';
  for (const p of scan.split('.')) source += p === '**' ? '(?:\\.[\\w$]+)*' : `\\.${p.replace(/\$/g, '\\$').replace(/\*/g, '[\\w$]*')}`;
  return new RegExp(`^${source.replace(/^\\\./, '')}(?:\\.[\\w$]+)*$`);
}

/** Adds to the list kept under `key` (a copy per addition made lists of a thousand subclasses cost a million copies). */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const IMPORTS = new WeakMap<FileLinks, Map<string, ImportFact>>();

/** Barrels re-exporting barrels: how many are followed before the name is taken where it stands. */
const REEXPORT_DEPTH = 4;

/** The file defines the name itself (a function or class of its own), rather than passing an import on. */
function definesLocally(links: FileLinks, name: string): boolean {
  // A class with no method of its own (jumpserver's `class JMSModelViewSet(CommonApiMixin, ModelViewSet): pass`) is
  // known by its bases only.
  return links.functions.some((f) => f.name === name || f.owner === name) || links.extendsOf?.[name] !== undefined;
}

/** Python: `from m import *` binds the name (m's `__all__` lists it, or m has none). */
function starPasses(links: FileLinks, name: string): boolean {
  return !links.pythonAll || links.pythonAll.includes(name);
}

/** A test double's type (`MockStore`, `FakeMailer`, gomock's `MockUserRepo`): never what runs in production. */
/** database/sql's and sqlx's handle methods, which a project's interface for its handles declares (isGoHandleInterface). */
const GO_HANDLE_INTERFACE_METHOD = /^(?:Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext|Prepare|PrepareContext|Select|SelectContext|Get|GetContext|Queryx|QueryRowx|QueryxContext|QueryRowxContext|NamedExec|NamedExecContext|NamedQuery|NamedQueryContext|Rebind|BindNamed|DriverName)$/;
const GO_MOCK = /^[Mm]ock|Mock$|^[Ff]ake[A-Z]/;
/** A test double's class (`FakeLayer`, `MockLayer`, `StubLayer`, `DummyLayer`, `LayerMock`): never an override that runs. */
const TEST_DOUBLE_CLASS = /^(?:Mock|Fake|Stub|Dummy)(?:[A-Z_\d]|$)|[a-z\d](?:Mock|Fake|Stub|Dummy)$/;
/** A folder of test doubles (`mocks/`, `fakes/`, `stubs/`). */
const TEST_DOUBLE_DIR = /(?:^|\/)(?:mocks?|fakes?|stubs?)(?:\/|$)/;

/** The top folders of Go's standard library (a module of the workspace may also lack a domain: `module myapp`). */
const GO_STD_ROOTS = new Set(
  'archive bufio bytes cmp compress container context crypto database debug embed encoding errors expvar flag fmt go hash html image index io iter log maps math mime net os path plugin reflect regexp runtime slices sort strconv strings sync syscall testing text time unicode unique unsafe'.split(' '),
);

/** The import that binds `local` in a file (the first, as written). */
function importNamed(links: FileLinks, local: string): ImportFact | undefined {
  return perAnalysis(IMPORTS, links, () => {
    const byLocal = new Map<string, ImportFact>();
    for (const i of links.imports) if (!byLocal.has(i.local)) byLocal.set(i.local, i);
    return byLocal;
  }).get(local);
}

/**
 * What namedParts leaves for a Java constant it cannot find (a library's, a field that is not `static final`): the
 * route is then not listed, rather than listed at the wrong path.
 */
const UNREAD_PART = '\u0001';
/** A Python route path written as one name or attribute chain alone (pythonPaths.ts): the chain. */
const PY_WHOLE_NAME = new RegExp(`^${NAMED_PART}([A-Za-z_][\\w.]*)${NAMED_PART}$`);
/** What hands a Spring bean its own proxy: `SpringUtils.getAopProxy(this)`. */
const AOP_PROXY = /^getAopProxy$/;

const NESTING = new WeakMap<FileLinks, number[][]>();

/** For each function of a file, the functions written inside it. */
function nestingOf(links: FileLinks): number[][] {
  return perAnalysis(NESTING, links, () => {
    const fns = links.functions;
    const table: number[][] = fns.map(() => []);
    const order = fns.map((_, k) => k).sort((a, b) => comparePositions(fns[a].range.start, fns[b].range.start) || comparePositions(fns[b].range.end, fns[a].range.end));
    const stack: number[] = [];
    for (const k of order) {
      while (stack.length && comparePositions(fns[stack[stack.length - 1]].range.end, fns[k].range.start) <= 0) stack.pop();
      for (const outer of stack) table[outer].push(k);
      stack.push(k);
    }
    return table;
  });
}

interface FileKeys {
  dir: string;
  /** The path without extension, and its folder too for an index or __init__ file. */
  stems: string[];
  /** The names an import may end with to mean this file (`orders` for `orders.ts` and `orders/index.ts`). */
  lastSegments: string[];
  /** Methods (functions with an owner), keyed `Owner#name`. */
  methods: { owner: string; key: string; fn: number }[];
  test: boolean;
  quiet: boolean;
}

const FILE_KEYS = new WeakMap<FileLinks, FileKeys>();

/** What the join indexes a file by, and what kind of file it is. */
function fileKeysOf(file: string, links: FileLinks): FileKeys {
  return perAnalysis(FILE_KEYS, links, () => {
    // (A JSON module is imported by its whole name, `../plugin.json`: jsonModules.ts.)
    const stem = file.endsWith('.json') ? file : file.replace(/\.[^./]+$/, '');
    const index = /\/(index|__init__)$/.test(stem);
    const last = stem.split('/').pop()!;
    const folder = index ? stem.split('/').slice(-2)[0] : '';
    const methods: FileKeys['methods'] = [];
    links.functions.forEach((f, fn) => {
      if (f.name && f.owner) methods.push({ owner: f.owner, key: `${f.owner}#${f.name}`, fn });
    });
    const test = isTestFile(file) || isExampleCode(file) || links.testBuild === true;
    return {
      dir: file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '',
      stems: index ? [stem, stem.slice(0, stem.lastIndexOf('/'))] : [stem],
      lastSegments: [...new Set([last, folder])].filter((k) => k),
      methods,
      test,
      quiet: test || isOneOffScript(file) || links.quiet === true,
    };
  });
}

/** Where a view route's code is: the method that handles it, else the class (the route's handler, or its `handled`). */
function viewCode(r: ViewRoute<FnRef>, first: ClassAt<Entry> | undefined): Elsewhere | undefined {
  return r.handler ? { e: r.handler.e, range: r.handler.e.links.functions[r.handler.fn].range } : first ? { e: first.at, range: first.fact.range } : undefined;
}

/** Modules Django, Celery or a package loads by their name, whatever imports them (or the package, `__init__`). */
const DJANGO_LOADED_MODULES = /^(?:__init__|models|views|urls|admin|apps|tasks|signals|receivers|handlers|consumers|routing|wsgi|asgi|settings|celery|middleware|context_processors|checks|conftest)$/;
/**
 * A module named for tests' use: `testing.py`, `test_utils.py`, `testutils.py`, `test_helpers.py`, and one that makes
 * their data (ckan's `lib/create_test_data.py`, `test_fixtures.py`).
 */
const TEST_HELPER_MODULE = /^(?:testing|tests?_?utils?|tests?_?helpers?)$|(?:^|_)tests?_?(?:data|fixtures?)$/;

/** Django's relation fields, a project's own field class may extend. */
const DJANGO_RELATION_FIELD = /^(?:ForeignKey|OneToOneField|ManyToManyField)$/;

/** A Python file's module name: `testing` for `ipam/utils/testing.py`. */
function moduleName(e: Entry): string {
  return /(?:^|\/)([^/]+)\.py$/.exec(e.a.file)?.[1] ?? '';
}

class WorkspaceLinker {
  private readonly entries: Entry[] = [];
  private readonly byStem = new Map<string, Entry>();
  private readonly byLastSegment = new Map<string, Entry[]>();
  private readonly byDir = new Map<string, Entry[]>();
  private readonly byDirLastSegment = new Map<string, string[]>();
  private readonly byOwnerMethod = new Map<string, FnRef[]>();
  /** Interface → the classes of the workspace that implement it. */
  private readonly implementers = new Map<string, string[]>();
  /** Class → the classes it extends (the first file that declares a class of that name says). */
  private readonly basesOf = new Map<string, string[]>();
  /** Python classes that extend a Tortoise or peewee `Model` themselves (hazards/activeRecord). */
  private readonly pythonModels = new Set<string>();
  /** Classes (and Go receiver types) with at least one method: most guessed types are not one of them. */
  private readonly owners = new Set<string>();
  private readonly byName = new Map<Entry, Map<string, number[]>>();
  private readonly modules = new Map<string, Entry | null>();
  /** Per join (the refs hold this join's entries): a Map, cheaper than a WeakMap to fill and to collect. */
  private readonly callTargets = new Map<object, FnRef[]>();
  /** Resolutions of earlier joins still valid for this one (see LinkCache), by call, with files by name. */
  private readonly kept?: WeakMap<object, { file: string; fn: number }[]>;
  /** Walks of earlier joins still valid for this one (see LinkCache.reached). */
  private readonly reachedBefore?: LinkCache['reached'];
  private readonly byFile = new Map<string, Entry>();
  private readonly effects = new Map<number, { effect?: { callee: string; match: CallMatch }; read: Set<Entry> } | null>();
  /** The files whose functions the search under way reads (see LinkCache.throughCalls); set while one runs. */
  private reading?: Set<Entry>;
  /** @fastify/autoload registrations, with the folder each reads (workspace-relative). */
  private autoloads: { from: Entry; mount: MountFact; dir: string }[] = [];

  constructor(
    files: readonly FileAnalysis[],
    private readonly options: LinkOptions,
    private readonly cache?: LinkCache,
  ) {
    for (const a of files) {
      if (!a.links) continue;
      if (a.file.endsWith('.proto')) {
        // A definition, not code: kept apart, so that its folder is not taken for a package (memos' proto/store/ beside store/).
        this.addProtoServices(a, options.groupOf?.(a.file, a.routes.length > 0) ?? '');
        continue;
      }
      const keys = fileKeysOf(a.file, a.links);
      const dir = keys.dir;
      const e: Entry = { id: this.entries.length, a, links: a.links, family: familyOf(a.language), dir, group: options.groupOf?.(a.file, a.routes.length > 0) ?? '', test: keys.test, quiet: keys.quiet };
      this.entries.push(e);
      this.byFile.set(a.file, e);
      for (const stem of keys.stems) this.byStem.set(stem, e);
      for (const key of keys.lastSegments) {
        const list = this.byLastSegment.get(key);
        if (list) list.push(e);
        else this.byLastSegment.set(key, [e]);
      }
      const inDir = this.byDir.get(dir) ?? [];
      if (inDir.length === 0) {
        const last = dir.split('/').pop()!;
        pushTo(this.byDirLastSegment, last, dir);
      }
      inDir.push(e);
      this.byDir.set(dir, inDir);
      for (const [cls, bases] of Object.entries(e.links.extendsOf ?? {})) if (!this.basesOf.has(cls)) this.basesOf.set(cls, bases);
      for (const cls of e.links.activeRecordModels ?? []) this.pythonModels.add(cls);
      for (const [cls, interfaces] of Object.entries(e.links.implementsOf ?? {})) {
        for (const i of interfaces) pushTo(this.implementers, i, cls);
      }
      for (const { owner, key, fn } of keys.methods) {
        this.owners.add(owner);
        const list = this.byOwnerMethod.get(key);
        if (list) list.push({ e, fn });
        else this.byOwnerMethod.set(key, [{ e, fn }]);
      }
    }
    if (cache) {
      // Unchanged files are the same objects: only the edited file's interface is compared (a first join compares none).
      const same =
        cache.options === options &&
        this.entries.length === cache.links.size &&
        this.entries.every((e, i) => {
          // (In the same order: the first of several candidates is taken in some places.)
          if (cache.files[i] !== e.a.file) return false;
          const before = cache.links.get(e.a.file);
          return before !== undefined && (before === e.links || interfaceOf(before) === interfaceOf(e.links));
        });
      if (!same) {
        cache.targets = new WeakMap();
        cache.many = new WeakMap();
        cache.guessed = new WeakSet();
        cache.reached = new Map();
        cache.throughCalls = new Map();
        cache.modules = new Map();
        cache.options = options;
      }
      cache.links = new Map(this.entries.map((e) => [e.a.file, e.links]));
      cache.files = this.entries.map((e) => e.a.file);
      this.kept = cache.targets;
      this.reachedBefore = cache.reached;
    }
  }

  link(): FileAnalysis[] {
    const routed = this.routePaths();
    const hazardRoutes = new Map<Entry, Map<number, RouteKey[]>>();
    const reachedAll = new Set<number>();
    // Per function, how many of its routes it handles itself: those come first, so that a hazard in a handler is
    // said to be on the handler's own route before those that reach it through a call (CTFd's hint, reached by the
    // CSV import too, is on GET /api/v1/hints/<hint_id> first).
    const handledFirst = new Map<number, number>();
    // The routes each function is on already, by method and path: a helper every route reaches (a database session's
    // maker) was searched route by route, 5M comparisons a join in skyvern.
    const onRoutes = new Map<number, Set<string>>();
    for (const { key, start, served, bound, selfClass } of routed) {
      const id = `${key.method} ${key.path}`;
      for (const ref of this.reach(start, served, key.method, bound, selfClass)) {
        const at = refKey(ref);
        reachedAll.add(at);
        let ids = onRoutes.get(at);
        if (!ids) onRoutes.set(at, (ids = new Set()));
        if (ids.has(id)) continue;
        ids.add(id);
        let owners = hazardRoutes.get(ref.e);
        if (!owners) hazardRoutes.set(ref.e, (owners = new Map()));
        const list = owners.get(ref.fn) ?? [];
        if (start.some((s) => s.e === ref.e && s.fn === ref.fn)) {
          const own = handledFirst.get(at) ?? 0;
          list.splice(own, 0, key);
          handledFirst.set(at, own + 1);
        } else list.push(key);
        owners.set(ref.fn, list);
      }
    }
    const tasks = this.taskPaths(routed, reachedAll);
    const unpaged = this.unpagedHazards(routed);
    const perRow = this.perRowHazards(routed);
    const routesByEntry = new Map<Entry, FileAnalysis['routes']>();
    const handledByEntry = new Map<Entry, HandledRoute[]>();
    // The same route with the same handler, declared twice (Beego's NSRouter and the `// @router` comment on the
    // method it names): listed once per service.
    const declared = new Set<string>();
    for (const r of routed) {
      const at = r.elsewhere ? `${r.elsewhere.e.a.file}:${r.elsewhere.range.start.line}` : `${r.e.a.file}:${r.handler.handler.start.line}`;
      const once = `${r.e.group} ${r.key.method} ${r.key.path} ${at}`;
      if (declared.has(once)) continue;
      declared.add(once);
      const list = routesByEntry.get(r.e) ?? [];
      list.push(r.handler);
      routesByEntry.set(r.e, list);
      // (Not again for a route another service's module serves on the app it builds: see builtAppRoutes.)
      if (r.elsewhere && !r.elsewhere.e.test && r.handler.file === r.e.a.file) {
        const handled = handledByEntry.get(r.elsewhere.e) ?? [];
        handled.push({ route: r.handler, at: r.elsewhere.range });
        handledByEntry.set(r.elsewhere.e, handled);
      }
    }
    return this.entries.map((e) => {
      const owners = hazardRoutes.get(e);
      const routesOf = (owner: number) => (owner >= 0 ? (owners?.get(owner) ?? []) : []);
      const users = e.links.hazardUsers;
      const methods = e.links.hazardMethods;
      let hazards: Hazard[] = e.a.hazards.flatMap((h, k) => {
        if (h.unlessWorkspace && this.landsInWorkspace(e, e.links.hazardOwners[k], h.callee)) return [];
        if (h.djangoRelation && !this.isDjangoRelation(h.callee)) return [];
        if (h.mybatisPlusMapper && !this.holdsMybatisPlusMapper(e, e.links.hazardOwners[k], h.callee)) return [];
        if (h.serviceBases && !this.holdsServiceOf(e, e.links.hazardOwners[k], h.callee, h.serviceBases)) return [];
        if (h.goHandleInterface && !this.isGoHandleInterface(e, h.goHandleInterface)) return [];
        if (h.unlessImplemented && this.holdsImplementedInterface(e, e.links.hazardOwners[k], h.callee)) return [];
        if (h.unlessOwnSync && this.ownSyncMethod(e, e.links.hazardOwners[k], h.callee)) return [];
        const routes = users?.[k] ? routesOfAll(users[k], routesOf) : [...routesOf(e.links.hazardOwners[k])];
        // In a goroutine or thread the function starts and does not wait for: started by those routes, not on their path.
        const owner = e.links.functions[e.links.hazardOwners[k]];
        if (h.detached && routes.length && owner) return [startedBy(e, h, owner, routes)];
        // Written in the handler's branch for one method: not on its routes for another.
        const method = methods?.[k];
        return [{ ...h, ...this.ownModuleList(e, h, e.links.hazardOwners[k]), routes: method ? routes.filter((r) => r.method === method || r.method === 'ANY') : routes }];
      });
      for (const p of e.links.pending) {
        if (p.parentFilter && this.pinsRelation(p.parentFilter)) continue;
        if (p.givenStatement) {
          const routes = this.unboundedByACaller(e, p.owner, p.givenStatement, (o, fn) => (o === e ? routesOf(fn) : (hazardRoutes.get(o)?.get(fn) ?? [])));
          if (routes) hazards.push({ ...p.hazard, routes });
          continue;
        }
        const kept = p.returned ? this.readWholeByACaller(e, p.owner) : p.parentFilter ? true : p.owner >= 0 && reachedAll.has(refKey({ e, fn: p.owner }));
        if (kept) hazards.push({ ...p.hazard, routes: [...routesOf(p.owner)] });
      }
      for (const m of e.links.mapperStatements ?? []) {
        const reached = this.mapperRoutes(e, m, hazardRoutes, tasks);
        if (reached) hazards.push({ ...m.hazard, ...reached });
      }
      // A loop in the handler's branch for one method (`if request.method == "POST":`): on that method's routes only.
      const through = this.throughCalls(e);
      for (const h of through.loops) {
        const routes = routesOf(h.owner).filter((r) => !h.method || r.method === h.method || r.method === 'ANY');
        const owner = e.links.functions[h.owner];
        hazards.push(h.hazard.detached && routes.length && owner ? startedBy(e, h.hazard, owner, routes) : { ...h.hazard, routes });
      }
      for (const h of through.blocking) hazards.push({ ...h.hazard, routes: [...routesOf(h.owner)] });
      if (!e.quiet && (e.family === 'java' || e.family === 'python')) for (const h of this.activeRecordLists(e)) hazards.push({ ...h.hazard, routes: [...routesOf(h.owner)] });
      for (const h of this.lazyRelationLoads(e)) hazards.push({ ...h.hazard, routes: routesOf(h.owner).filter((r) => !h.method || r.method === h.method || r.method === 'ANY') });
      for (const h of unpaged.get(e) ?? []) hazards.push(h);
      for (const h of perRow.get(e) ?? []) if (!hazards.some((k) => k.code === h.code && sameStart(k.range, h.range))) hazards.push(h);
      hazards.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character || x.code.localeCompare(y.code));
      const inTasks = tasks.get(e);
      if (inTasks) {
        for (let k = 0; k < hazards.length; k++) {
          const h = hazards[k];
          const fn = h.routes.length ? -1 : innermostFunction(e.links, h.range.start);
          const names = fn >= 0 ? inTasks.get(fn) : undefined;
          // In a thread a startup hook starts (PowerJob's `afterPropertiesSet() { new Thread(() -> { while (true) { …
          // } }).start(); }`): it runs on for as long as the process does, not once as it starts.
          const runners = names && [...new Set(names.flatMap((n) => this.taskRunners.get(n) ?? []))];
          if (names) hazards[k] = { ...h, tasks: h.detached ? names.map((n) => n.replace(`(${STARTUP_HOOK}`, '(thread started by a startup hook')) : names, ...(runners?.length ? { taskRunners: runners } : {}) };
        }
      }
      const handled = handledByEntry.get(e);
      const defaults = this.timeoutDefaults(e.group);
      const embedded = this.embeddedSqlOnly(e.group);
      const onSqlite = embedded || this.embeddedSqlPackage(e);
      // A module only the browser's modules import runs in the browser too: its fetches hold no server worker.
      const inBrowser = e.family === 'js' && !e.links.browser && this.browserModules().has(e);
      // A loop over the beans Spring injects into a field as a list (Hazard.loop.beans): one turn per implementation of
      // their type, where a bean of the workspace implements it; kept without the name otherwise.
      if (hazards.some((h) => h.loop?.beans)) {
        hazards = hazards.flatMap((h) => {
          if (!h.loop?.beans) return [h];
          if (this.hasBeanImplementations(h.loop.beans)) return [];
          const loop = { ...h.loop };
          delete loop.beans;
          return [{ ...h, loop }];
        });
      }
      // A loop over what a chunking call returns, its variable of a class (Hazard.loop.row): over rows only where the
      // workspace declares that class as one (PlayEdu's `for (Resource r : resourceService.chunks(ids))`), else batches.
      if (hazards.some((h) => h.loop?.row)) {
        hazards = hazards.flatMap((h) => {
          if (!h.loop?.row) return [h];
          if (!this.javaRowClasses().has(h.loop.row)) return [];
          const loop = { ...h.loop };
          delete loop.row;
          return [{ ...h, loop }];
        });
      }
      // A GraphQL field resolver of a type its file lists nowhere: a hazard only if another file of the service does.
      const unlisted = hazards.some((h) => h.loop?.of) ? (h: Hazard) => !!h.loop?.of && !this.listedTypes(e.group).has(h.loop.of) : undefined;
      // A module only migrations, tests and management commands import: run where they run, off the request paths.
      const beside = !e.quiet && e.family === 'python' && hazards.some((h) => !h.routes.length && !h.tasks) && this.importedOnlyBesideService().has(e);
      if (beside) hazards = hazards.filter((h) => h.routes.length || h.tasks);
      const held = hazards.some((h) => h.goDefaultHolder) ? (h: Hazard) => !!h.goDefaultHolder && !this.holdsGoDefaultClient(e, h.goDefaultHolder) : undefined;
      const kept =
        defaults.size || onSqlite || inBrowser || unlisted || held
          ? hazards.filter((h) => !(h.unlessDefault && defaults.has(h.unlessDefault)) && !(onSqlite && h.sql && h.code === 'query-in-loop') && !(inBrowser && h.code === 'missing-timeout') && !unlisted?.(h) && !held?.(h))
          : hazards;
      // A variable read in a handler, or in code a route calls (new-api's `c.String(200, os.Getenv("A_VAR"))`): on
      // those routes, as a hazard written there is. (Only in a file some route reaches; one search of the functions a read.)
      // (A read in a handler factory's own body, EnvRead.inFactory, runs when the factory is called: not on the routes
      // whose registration calls it, `r.GET("/a", NewHandler())`, which are its function's first, handledFirst.)
      const envReads =
        owners && e.a.envReads?.length
          ? e.a.envReads.map((r) => {
              const fn = innermostFunction(e.links, r.range.start);
              const routes = routesOf(fn);
              return withRoutes(r, r.inFactory && fn >= 0 ? routes.slice(handledFirst.get(refKey({ e, fn })) ?? 0) : routes);
            })
          : e.a.envReads;
      return { ...e.a, routes: routesByEntry.get(e) ?? [], hazards: kept, ...(handled ? { handled } : {}), ...(envReads !== e.a.envReads ? { envReads } : {}) };
    });
  }

  /**
   * The JavaScript modules the browser runs: those whose own analysis says so (FileLinks.browser: React components,
   * `"use client"` modules), and, at any depth, those that only such modules import (onyx's `web/src/lib/*.ts`
   * helpers, called from its client components only; their tests are not counted), also one a React module imports
   * only hooks of (dittofeed's `useBroadcastsQuery`, imported by a page with getServerSideProps). Not a module with routes, a
   * `"use server"` module (its functions run on the server whoever imports them), nor one nothing in the workspace
   * imports.
   */
  private browserModules(): Set<Entry> {
    if (this.browser) return this.browser;
    const out = new Set<Entry>();
    this.browser = out;
    const js = this.entries.filter((e) => e.family === 'js');
    if (!js.some((e) => e.links.browser || /\.[jt]sx$/.test(e.a.file))) return out;
    const importers = new Map<Entry, Set<Entry>>();
    // The modules a React module (.jsx, .tsx) imports only hooks of (`use*`): React runs a hook only in a component
    // or another hook, so that import is the browser's even from a page the server renders too (dittofeed's
    // pages/broadcasts.tsx with its getServerSideProps, importing `useBroadcastsQuery`; what getServerSideProps calls
    // it imports by another name).
    const forHooks = new Map<Entry, Set<Entry>>();
    // Tests import what they test, and run in neither.
    for (const e of js) {
      if (e.test) continue;
      // (A pages-router module only: an app-router server component, `app/page.tsx`, awaits async functions named
      // `use*` on the server, i18next's `await useTranslation('en')`.)
      const react = /\.[jt]sx$/.test(e.a.file) && /(?:^|\/)pages\//.test(e.a.file) && !/(?:^|\/)app\//.test(e.a.file);
      const named = new Map<Entry, boolean>();
      for (const imp of e.links.imports) {
        const t = this.resolveModule(e, imp.module);
        if (!t || t === e) continue;
        let by = importers.get(t);
        if (!by) importers.set(t, (by = new Set()));
        by.add(e);
        // (A hook is no async function: one is awaited on the server.)
        if (react) named.set(t, (named.get(t) ?? true) && /^use[A-Z0-9]/.test(imp.imported) && !t.links.functions.some((f) => f.name === imp.imported && f.asyncUse));
      }
      for (const [t, hooks] of named) {
        if (!hooks) continue;
        let by = forHooks.get(t);
        if (!by) forHooks.set(t, (by = new Set()));
        by.add(e);
      }
    }
    for (const e of js) if (e.links.browser) out.add(e);
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of js) {
        if (out.has(e) || e.links.serverActions || e.a.routes.length || e.links.routeLinks.length) continue;
        const by = importers.get(e);
        if (by?.size && [...by].every((i) => out.has(i) || forHooks.get(e)?.has(i))) {
          out.add(e);
          grew = true;
        }
      }
    }
    return out;
  }

  private browser?: Set<Entry>;

  /**
   * Python modules that only code run beside the service imports, at any depth: migrations, management commands, seed
   * factories, tests (nautobot's `ipam/utils/migrations.py`, imported by `ipam/migrations/*` only). Their hazards are
   * those of what imports them, quiet as that is. Not a module nothing imports (kept as it was), one with routes or
   * background tasks, nor a module Django or Celery loads by its name (`tasks.py`, `signals.py`, `admin.py`…); one only
   * tests import must be named for them too (`testing.py`): a module tests import may be one the framework loads. A
   * module named for tests that no code of the service imports is one too (nautobot's `ipam/utils/testing.py`, which
   * only its tests import: a full pass does not read tests it does not need, so their imports may be unseen).
   */
  private importedOnlyBesideService(): Set<Entry> {
    if (this.beside) return this.beside;
    const out = new Set<Entry>();
    this.beside = out;
    const python = this.entries.filter((e) => e.family === 'python');
    const importers = new Map<Entry, Set<Entry>>();
    for (const e of python) {
      for (const imp of e.links.imports) {
        // `from nautobot.ipam.utils import testing`, `from . import migrations`: the submodule, where it is one.
        const sub = imp.imported !== '*' ? this.resolveModule(e, imp.module.endsWith('.') ? imp.module + imp.imported : `${imp.module}.${imp.imported}`) : undefined;
        const t = sub && moduleName(sub) === imp.imported ? sub : this.resolveModule(e, imp.module);
        if (!t || t === e) continue;
        let by = importers.get(t);
        if (!by) importers.set(t, (by = new Set()));
        by.add(e);
      }
    }
    // Modules the service's code names in a string (a job a scheduler runs by its dotted path, django-q's
    // `schedule("accounts.sync.refresh_login_stats")`): they run in the service, whoever imports them.
    // (Not in the module's own strings, nor a module named for tests.)
    // (Dotted name → the one module naming it, null when several do.)
    const named = new Map<string, Entry | null>();
    const name = (s: string, by: Entry) => named.set(s, named.has(s) && named.get(s) !== by ? null : by);
    for (const e of python) {
      if (e.quiet) continue;
      for (const s of e.links.dottedStrings ?? []) {
        for (let at = s.indexOf('.'); at > 0; at = s.indexOf('.', at + 1)) name(s.slice(0, at), e);
        name(s, e);
      }
    }
    const namedInService = (e: Entry): boolean => {
      if (TEST_HELPER_MODULE.test(moduleName(e))) return false;
      const parts = e.a.file.replace(/\.py$/, '').replace(/\/__init__$/, '').split('/');
      for (let k = parts.length - 2; k >= 0; k--) {
        const by = named.get(parts.slice(k).join('.'));
        if (by !== undefined && by !== e) return true;
      }
      return false;
    };
    for (let grew = true; grew; ) {
      grew = false;
      for (const e of python) {
        if (out.has(e) || e.quiet || e.a.routes.length || e.links.routeLinks.length || DJANGO_LOADED_MODULES.test(moduleName(e)) || namedInService(e)) continue;
        if (e.links.functions.some((f) => f.background)) continue;
        const by = [...(importers.get(e) ?? [])];
        const beside = by.length ? by.every((i) => i.quiet || out.has(i)) && (by.some((i) => !i.test) || TEST_HELPER_MODULE.test(moduleName(e))) : TEST_HELPER_MODULE.test(moduleName(e));
        if (!beside) continue;
        out.add(e);
        grew = true;
      }
    }
    return out;
  }

  private beside?: Set<Entry>;

  /**
   * The functions each background task reaches (FunctionFact.background), as a route's handler reaches them: per file,
   * per function, the tasks (`send_digest (Celery task, queued by POST /orders)`). Not from tests or generated code.
   */
  private taskPaths(routed: ReturnType<WorkspaceLinker['routePaths']>, reachedAll: Set<number>): Map<Entry, Map<number, string[]>> {
    const out = new Map<Entry, Map<number, string[]>>();
    const label = (ref: FnRef, name: string, reached?: Set<number>) => {
      for (const r of this.reach([ref])) {
        reached?.add(refKey(r));
        let fns = out.get(r.e);
        if (!fns) out.set(r.e, (fns = new Map()));
        const list = fns.get(r.fn);
        if (!list) fns.set(r.fn, [name]);
        else if (!list.includes(name)) list.push(name);
      }
    };
    // What a route starts and does not wait for (a goroutine, `go s.pruneMessages()`; a thread; a queued task; an event's
    // listeners), and what they reach.
    for (const { ref, by, kind } of this.startedBy(routed).values()) {
      const f = ref.e.links.functions[ref.fn];
      label(ref, `${f.owner ? `${f.owner}.` : ''}${f.name} (${kind}, ${kind === AFTER_RESPONSE_TASK ? 'queued' : 'started'} by ${by.slice(0, 2).map(routeLabel).join(', ')}${by.length > 2 ? ` and ${by.length - 2} more` : ''})`);
    }
    // What a route reads through a cached function runs on a cache miss: in that function, kept as reached (a pending
    // hazard there stays), but not on the route's path.
    for (const { ref, by } of this.cachedBy(routed).values()) {
      const f = ref.e.links.functions[ref.fn];
      label(ref, `${f.owner ? `${f.owner}.` : ''}${f.name} (${CACHED_RESULT}, read by ${by.slice(0, 2).map(routeLabel).join(', ')}${by.length > 2 ? ` and ${by.length - 2} more` : ''})`, reachedAll);
    }
    // A Temporal worker's activities, wherever they are kept: its module's service runs them (see taskRunners).
    for (const { ref, runner } of this.temporalActivities()) {
      const name = `${ref.e.links.functions[ref.fn].name} (${TEMPORAL_ACTIVITY})`;
      this.taskRunners.set(name, [...new Set([...(this.taskRunners.get(name) ?? []), runner.a.file])]);
      label(ref, name);
    }
    let queued: Map<number, RouteKey[]> | undefined;
    for (const e of this.entries) {
      if (e.quiet || e.test) continue;
      e.links.functions.forEach((f, fn) => {
        if (!f.background) return;
        queued ??= this.queuedBy(routed);
        const by = queued.get(refKey({ e, fn })) ?? [];
        const routes = by.length ? `, queued by ${by.slice(0, 2).map(routeLabel).join(', ')}${by.length > 2 ? ` and ${by.length - 2} more` : ''}` : '';
        label({ e, fn }, `${f.owner ? `${f.owner}.` : ''}${f.name} (${f.background}${routes})`);
        if (f.background === STARTUP_HOOK) this.startedByHook({ e, fn }, label);
      });
    }
    return out;
  }

  /**
   * What a startup hook, or what it calls, starts and does not wait for (CallFact.detached): a thread, or an asyncio
   * task (a lifespan's `asyncio.create_task(run_consumer())`), which runs for as long as the process does, not once as
   * it starts: `lifespan (task started by a startup hook)`, run by the hook's own process (its module: taskRunners),
   * whatever the folder of the code it runs is named (a `consumer.py` beside a worker's recipe).
   */
  private startedByHook(hook: FnRef, label: (ref: FnRef, name: string) => void): void {
    const f = hook.e.links.functions[hook.fn];
    for (const r of this.reach([hook])) {
      for (const call of r.e.links.functions[r.fn].calls) {
        if (!call.detached) continue;
        const name = `${f.owner ? `${f.owner}.` : ''}${f.name} (${call.asTask ? 'task' : r.e.family === 'go' ? 'goroutine' : 'thread'} started by a ${STARTUP_HOOK})`;
        for (const t of this.resolveCall(r.e, r.fn, call.chain, call)) label(t, name);
        this.taskRunners.set(name, [...new Set([...(this.taskRunners.get(name) ?? []), hook.e.a.file])]);
      }
    }
  }

  /** Per task's name (as a hazard's `tasks` says it), the files of the modules that run it (Hazard.taskRunners). */
  private readonly taskRunners = new Map<string, string[]>();

  /**
   * The functions each Temporal worker of the workspace runs as activities (FileLinks.temporalActivities), with the
   * worker's module: a function it names, or each exported function of a module it names whole (`import * as
   * activities from …`), through the barrels that pass others on (`export * from "../broadcasts/activities"`).
   */
  private temporalActivities(): { ref: FnRef; runner: Entry }[] {
    const out: { ref: FnRef; runner: Entry }[] = [];
    for (const e of this.entries) {
      if (!e.links.temporalActivities || e.test) continue;
      const seen = new Set<Entry>();
      const moduleFunctions = (m: Entry, depth: number) => {
        if (seen.has(m) || depth > REEXPORT_DEPTH) return;
        seen.add(m);
        const exported = new Set(Object.values(m.links.exports));
        m.links.functions.forEach((f, fn) => {
          if (f.name && f.owner === undefined && f.exported && (exported.has(f.name) || m.links.exports[f.name] !== undefined)) out.push({ ref: { e: m, fn }, runner: e });
        });
        for (const star of m.links.imports) {
          const inner = star.local === '*' ? this.resolveModule(m, star.module) : undefined;
          if (inner) moduleFunctions(inner, depth + 1);
        }
      };
      for (const name of e.links.temporalActivities) {
        const own = e.links.functions.findIndex((f) => f.name === name && f.owner === undefined);
        if (own >= 0) {
          out.push({ ref: { e, fn: own }, runner: e });
          continue;
        }
        const imp = importNamed(e.links, name);
        if (!imp) continue;
        if (imp.imported === '*') {
          const m = this.resolveModule(e, imp.module);
          if (m) moduleFunctions(m, 0);
          continue;
        }
        const t = this.resolveImport(e, imp.module, imp.imported);
        const fn = t ? t.e.links.functions.findIndex((f) => f.name === t.name && f.owner === undefined) : -1;
        if (t && fn >= 0) out.push({ ref: { e: t.e, fn }, runner: e });
      }
    }
    return out;
  }

  /**
   * What the routes start and do not wait for, with the routes that do:  /**
   * What the routes start and do not wait for, with the routes that do: Go's goroutines and Python's threads
   * (CallFact.detached), Go's tasks handed to a queue (CallFact.enqueued), NestJS listeners of an event emitted without
   * waiting (CallFact.eventBeside).
   */
  private startedBy(routed: ReturnType<WorkspaceLinker['routePaths']>): Map<number, { ref: FnRef; by: RouteKey[]; kind: string }> {
    const out = new Map<number, { ref: FnRef; by: RouteKey[]; kind: string }>();
    // Most services start nothing (the join runs per edit): each file is asked once per analysis.
    if (!this.entries.some((e) => perAnalysis(STARTS_WORK, e.links, () => e.links.functions.some((f) => f.calls.some((c) => c.detached || c.enqueued || c.eventBeside))))) return out;
    for (const { key, start, served, bound, selfClass } of routed) {
      for (const ref of this.reach(start, served, key.method, bound, selfClass)) {
        for (const call of ref.e.links.functions[ref.fn].calls) {
          if (!call.detached && !call.enqueued && !call.eventBeside) continue;
          const kind = call.eventBeside ? 'event listener' : call.enqueued ? 'queued task' : call.afterResponse ? AFTER_RESPONSE_TASK : ref.e.family === 'go' ? 'goroutine' : 'thread';
          const targets = this.resolveCall(ref.e, ref.fn, call.chain, call);
          const listeners = call.eventBeside && call.event ? this.eventListeners(ref.e.group, call.event) : undefined;
          const started = listeners ? targets.filter((x) => listeners.some((l) => l.e === x.e && l.fn === x.fn)) : call.enqueued && !call.detached ? targets.filter((x) => x.e.links.functions[x.fn].makesTask) : targets;
          for (const t of started) {
            const k = refKey(t);
            const entry = out.get(k) ?? { ref: t, by: [], kind };
            if (!entry.by.some((b) => b.method === key.method && b.path === key.path)) entry.by.push(key);
            out.set(k, entry);
          }
        }
      }
    }
    return out;
  }

  /** The cached functions (FunctionFact.cached) the routes call, with the routes that do. */
  private cachedBy(routed: ReturnType<WorkspaceLinker['routePaths']>): Map<number, { ref: FnRef; by: RouteKey[] }> {
    const out = new Map<number, { ref: FnRef; by: RouteKey[] }>();
    // Only calls by the name of a cached function are resolved (most services have none, and the join runs per edit).
    const names = new Set<string>();
    for (const e of this.entries) for (const name of perAnalysis(CACHED_NAMES, e.links, () => e.links.functions.filter((f) => f.cached).map((f) => f.name))) names.add(name);
    // (Also what a Go function calls to refill a package's value kept for a time, new-api's `updatePricing()` in
    // GetPricing's `if time.Since(lastGetPricingTime) > time.Minute || len(pricingMap) == 0 {`: see CallFact.refills.)
    if (names.size === 0 && !this.entries.some((e) => perAnalysis(REFILLS, e.links, () => e.links.functions.some((f) => f.calls.some((c) => c.refills))))) return out;
    for (const { key, start, served, bound, selfClass } of routed) {
      for (const ref of this.reach(start, served, key.method, bound, selfClass)) {
        for (const call of ref.e.links.functions[ref.fn].calls) {
          if (!call.refills && (call.once || call.detached || !names.has(call.chain[call.chain.length - 1]))) continue;
          // The handler's branch for another method, as the walk skips it.
          if (call.method && key.method !== 'ANY' && call.method !== key.method) continue;
          for (const t of this.resolveCall(ref.e, ref.fn, call.chain, call)) {
            if (!call.refills && !t.e.links.functions[t.fn].cached) continue;
            const k = refKey(t);
            const entry = out.get(k) ?? { ref: t, by: [] };
            if (!entry.by.some((b) => b.method === key.method && b.path === key.path)) entry.by.push(key);
            out.set(k, entry);
          }
        }
      }
    }
    return out;
  }

  /**
   * The routes that queue each background task (by refKey): a call `send_digest.delay(…)`, `.apply_async(…)` or
   * dramatiq's `.send(…)` on the request path of the route, landing on a task of the workspace.
   */
  private queuedBy(routed: ReturnType<WorkspaceLinker['routePaths']>): Map<number, RouteKey[]> {
    const out = new Map<number, RouteKey[]>();
    for (const { key, start, served, bound, selfClass } of routed) {
      for (const ref of this.reach(start, served, key.method, bound, selfClass)) {
        for (const call of ref.e.links.functions[ref.fn].calls) {
          // `send_digest.delay(…)`; Java: a call of a Spring `@Async` method, which queues itself.
          const queueing = call.chain.length === 2 && QUEUEING.has(call.chain[1]);
          if (!queueing && ref.e.family !== 'java') continue;
          for (const t of queueing ? this.resolveCall(ref.e, ref.fn, [call.chain[0]]) : this.resolveCall(ref.e, ref.fn, call.chain, call)) {
            const task = t.e.links.functions[t.fn];
            if (!task.background || (!queueing && (!task.queued || selfCallOf(ref, t, call.chain)))) continue;
            const list = out.get(refKey(t)) ?? [];
            if (!list.some((k) => k.method === key.method && k.path === key.path)) list.push(key);
            out.set(refKey(t), list);
          }
        }
      }
    }
    return out;
  }

  /**
   * `unbounded-query` on a view class's queryset, per file, for the list routes that return it whole (DRF's list
   * action, ListView): one warning per queryset, with every such route.
   */
  private unpagedHazards(routed: ReturnType<WorkspaceLinker['routePaths']>): Map<Entry, Hazard[]> {
    const out = new Map<Entry, Hazard[]>();
    const byRange = new Map<string, Hazard>();
    for (const { unpaged: u, key } of routed) {
      if (!u) continue;
      // `UserConfig.objects.filter(user=self.request.user)`: one object's rows, as at a call (see pinsRelation).
      const parent = parentFilterOfText(u.text);
      if (parent && this.pinsRelation(parent)) continue;
      const id = `${u.at.id}:${u.range.start.line}:${u.range.start.character}`;
      const known = byRange.get(id);
      if (known) {
        if (!known.routes.some((k) => k.method === key.method && k.path === key.path)) known.routes.push(key);
        continue;
      }
      const hazard = unpagedListHazard(u.at.a.file, u);
      hazard.routes.push(key);
      byRange.set(id, hazard);
      const list = out.get(u.at) ?? [];
      list.push(hazard);
      out.set(u.at, list);
    }
    return out;
  }

  /**
   * `query-in-loop` for a query a DRF serializer's `get_<field>` (or `to_representation`) makes, on the list routes
   * whose view serializes with it: DRF renders each row of the list with the serializer, so the query runs once per
   * row. One warning per query, with every such route (see perRowQuery). Also each relation the serializer's fields
   * read on a row that the list's queryset does not load (unloadedReads).
   */
  private perRowHazards(routed: ReturnType<WorkspaceLinker['routePaths']>): Map<Entry, Hazard[]> {
    const out = new Map<Entry, Hazard[]>();
    const byRef = new Map<number, Hazard>();
    const byRead = new Map<string, Hazard>();
    for (const { perRow, relationReads, key } of routed) {
      for (const ref of perRow ?? []) {
        if (ref.e.quiet) continue;
        const id = refKey(ref);
        const known = byRef.get(id);
        if (known) {
          if (!known.routes.some((k) => k.method === key.method && k.path === key.path)) known.routes.push(key);
          continue;
        }
        const fact = ref.e.links.functions[ref.fn];
        const effect = fact.effect!;
        const method = `${fact.owner}.${fact.name}`;
        const hazard: Hazard = {
          code: 'query-in-loop',
          file: ref.e.a.file,
          range: effect.range!,
          callee: effect.callee,
          explanation: `Database query \`${effect.callee}(…)\` in \`${method}\` runs once per row the list serializes: DRF renders each row with the serializer, which calls \`${fact.name}\` for it, one query after another. Annotate or prefetch what it reads in the view's queryset, and read it from the row.`,
          loop: { kind: 'DRF list serializer', mode: 'sequential', range: fact.range },
          routes: [key],
          sql: true,
        };
        byRef.set(id, hazard);
        pushTo(out, ref.e, hazard);
      }
      for (const r of relationReads ?? []) {
        // One warning per field: `fields = '__all__'` stands for each ManyToManyField it renders. The names of
        // `Meta.fields` that are relations to many are one warning, at the first (paperless-ngx's workflow serializers
        // listed ten and sixteen: one fix, a `prefetch_related` of them all, and ten warnings stacked on the list).
        const listed = r.read.implicit ? relationReads!.filter((x) => x.read.implicit && x.e === r.e && x.serializer === r.serializer && x.model === r.model) : [];
        const first = listed.length ? listed.reduce((a, b) => (comparePositions(b.read.range.start, a.read.range.start) < 0 ? b : a)) : r;
        // (By the relations found unloaded: a route whose queryset prefetches some of them has a warning of its own.)
        const id = listed.length ? `${r.e.a.file}#${r.serializer}#Meta.fields#${listed.map((x) => x.read.relation).join(',')}` : `${r.e.a.file}#${r.serializer}#${r.read.range.start.line}:${r.read.range.start.character}`;
        const known = byRead.get(id);
        if (known) {
          if (!known.routes.some((k) => k.method === key.method && k.path === key.path)) known.routes.push(key);
          continue;
        }
        const same = listed.length ? listed.map((x) => x.read) : relationReads!.filter((x) => x.e === r.e && x.serializer === r.serializer && sameStart(x.read.range, r.read.range)).map((x) => x.read);
        const hazard: Hazard = {
          code: 'query-in-loop',
          file: r.e.a.file,
          range: first.read.range,
          callee: `${r.model}.${first.read.relation}`,
          explanation: relationReadExplanation(r.serializer, r.model, same),
          loop: { kind: 'DRF list serializer', mode: 'sequential', range: first.read.range },
          routes: [key],
          sql: true,
        };
        byRead.set(id, hazard);
        pushTo(out, r.e, hazard);
      }
    }
    return out;
  }

  // ---- routes: full paths through mounts in other files ----

  private routePaths(): { e: Entry; route: number; key: RouteKey; handler: FileAnalysis['routes'][number]; start: FnRef[]; elsewhere?: Elsewhere; unpaged?: UnpagedList<Entry>; perRow?: FnRef[]; relationReads?: RelationRead[]; served?: boolean; bound?: GoBound[]; selfClass?: string }[] {
    const incoming = this.incomingMounts();
    const mountedFiles = new Set([...incoming.keys()].map((key) => key.slice(0, key.indexOf('#'))));
    const globalPrefix = new Map<string, { prefix: string; exclude?: Set<string> }>();
    const springPrefix = new Map<string, string>();
    for (const e of this.entries) {
      const prefix = e.links.globalPrefix && this.configured(e.group, e.links.globalPrefix);
      if (prefix) globalPrefix.set(e.group, { prefix, exclude: e.links.globalPrefixExclude && new Set(e.links.globalPrefixExclude.map(trimSlashes)) });
      if (e.links.springPathPrefix) springPrefix.set(e.group, e.links.springPathPrefix);
    }
    const out: ReturnType<WorkspaceLinker['routePaths']> = [];
    // A service serves one endpoint of each such API, however many of its files say so (each Spring controller that
    // maps GraphQL fields does).
    const servedEndpoints = new Set<string>();
    for (const e of this.entries) {
      const linkOf = new Map(e.links.routeLinks.map((l) => [l.route, l]));
      e.a.routes.forEach((given, index) => {
        // A pages/api module a route of its service imports as the handler of one of its methods (cal.com's `_get.ts`,
        // `defaultHandler({ GET: import("./_get") })` in its `index.ts`): served under that route, not at its own path.
        if (given.framework === 'nextjs' && this.nextMethodModules().has(e)) return;
        // A Next.js page under a config's `pageExtensions`: at its path without the extension, or no page at all.
        const pagePath = given.framework === 'nextjs' ? this.nextPagePath(e) : undefined;
        if (pagePath === null) return;
        const written = pagePath !== undefined ? { ...given, path: pagePath } : given;
        // (An Express or Koa route's named path: a path where its names are declared, or no route.)
        const strict = e.family === 'js' && JOINED_NAMES.has(written.framework);
        const route = written.path.includes(NAMED_PART) ? { ...written, path: this.namedParts(e, written.path, 0, written.framework === 'django' || written.framework === 'drf', strict) } : written;
        if (route.path.includes(UNREAD_PART) || (strict && written.path !== route.path && !route.path.startsWith('/'))) return;
        // A DRF registration's prefix given by name (DefectDojo's `router.register(path, NotesViewSet)`): its
        // viewset's routes are at the value the name has where it is defined.
        const link = this.readViewSetPrefix(e, linkOf.get(index));
        if (link === null) return;
        // Python: a path that is one name the service defines nowhere (a value set at run time) is no route known,
        // not the root it would read as (Prefect's `@api_app.get(health_check_path)` beside its real `@api_app.get("/")`).
        const whole = e.family === 'python' ? PY_WHOLE_NAME.exec(written.path)?.[1] : undefined;
        if (whole && !this.namedStringAt(e, whole.split('.'))) return;
        const prefixes = new Set<string>();
        if (link?.mountable && link.receiver !== undefined && this.developmentOnly.has(`${e.a.file}#${link.receiver}`)) return;
        if (link?.controller && this.devOnlyControllers(e.group).has(link.controller)) return;
        // A project's own `@Controller` decorators (plane live's `@plane/decorators`) in a service with no Nest app: its
        // own code registers them on a router, not Nest at the root.
        // Only decorators the workspace holds (a relative module, or a package of the monorepo, a path alias): a
        // published framework's (Midway's `@midwayjs/core`, Ts.ED's `@tsed/di`) stay routes.
        if (link?.ownDecorators && !this.isNestService(e.group) && this.workspaceModule(e, link.ownDecorators)) return;
        const helper = link?.helper && this.registersThrough(e, link.helper);
        if (link?.helper && !helper) return;
        // Go gin: a call of a parameter taking a method, a path and handlers, only where a caller hands the function a
        // router's Handle (a mount reaches it), not a docs helper's `add(http.MethodGet, "/x", h)` nothing calls so.
        if (link?.goHandleParameter && !link.enclosing.some((name) => incoming.has(`${e.a.file}#${name}`))) return;
        // tRPC's endpoint made through a workspace function (cal.com's own `createNextApiHandler(bookingsRouter)`): only
        // where one of the calls lands on a function that hands its parameter to tRPC's adapter as the router.
        if (link?.trpcVia && !link.trpcVia.some((chain) => this.resolveCall(e, -1, chain).some((t) => t.e.links.functions[t.fn].makesTrpcHandler))) return;
        // DRF: a registration on the router a function is handed (DefectDojo's `add_user_urls(router)`): served only
        // where a call hands it a DRF router, with that router's settings.
        // (Or on one imported from the module that makes it, ralph's `from ralph.api import router`: with its settings.)
        const handed = link?.viewSet?.handed !== undefined ? this.handedDrfRouters(e, link.viewSet.handed, incoming) : link?.viewSet?.imported && link.receiver !== undefined ? this.importedDrfRouter(e, link.receiver, incoming) : undefined;
        if (handed?.length === 0) return;
        // bee's `// @router` annotations serve nothing unless `Include`/`NSInclude` mounts the controller (casdoor maps
        // every route with `web.Router` and keeps the annotations for its API docs).
        if (route.framework === 'beego' && link?.mountable && link.receiver !== undefined && !incoming.has(`${e.a.file}#${link.receiver}`)) return;
        // A URL module neither the root one nor included by any (plane's stale api/urls/estimate.py) serves nothing.
        if (route.framework === 'django' && !mountedFiles.has(e.a.file) && this.unservedUrlModule(e)) return;
        if (link?.mountable) {
          // (A root mount, `path("", include(…))`, is a prefix too beside others: '' alone is no mount known.)
          const mounted = link.receiver !== undefined ? this.prefixesOf(e, link.receiver, incoming, 0, link.enclosing) : [];
          const viaReceiver = mounted.some((p) => p) ? mounted : [];
          for (const p of viaReceiver) prefixes.add(p);
          // Go: a router mounted in the function that makes it (wakapi's `r := chi.NewRouter()` … `router.Mount(
          // "/activity", r)` in a RegisterRoutes mounted under /api): that mount carries the function's prefixes already.
          const enclosing = e.family === 'go' && viaReceiver.length ? [] : link.enclosing;
          for (const name of enclosing) for (const p of this.prefixesOf(e, name, incoming, 0)) if (p) prefixes.add(p);
          // Go: the prefix the project's router type joins itself (hydra's admin router, `/admin`), innermost.
          // (Not where the routes have a prefix already and the type makes groups: through its `Group("/v1")` that prefix is
          // inside the type's, `/api/v1`; mounted outside, outside it. Unsure: none, rather than a garbled `/v1/api`.)
          const fact = link.goRouterType ? this.goRouterPrefix(e, link.goRouterType) : undefined;
          const own = fact && !(fact.grouped && [...prefixes].some((p) => p)) ? fact.prefix : undefined;
          if (own) {
            const outer = [...prefixes];
            prefixes.clear();
            for (const p of outer.length ? outer : ['']) prefixes.add(joinPaths(p, own));
          }
        }
        if (route.framework === 'tsoa') for (const p of this.tsoaPrefixes(e.group, incoming)) if (p) prefixes.add(p);
        // A Flask rule written without a leading slash, `@bp.route('init')`, is served only under a blueprint's
        // url_prefix (Werkzeug refuses it on the app); a FastAPI one, tracecat's `@router.post(":upload")`, only under
        // a router's prefix (no request path matches it alone), so not where a mount gives none.
        const bare = (route.framework === 'flask' || route.framework === 'quart' || route.framework === 'fastapi') && !!written.path && !written.path.startsWith('/') && !written.path.startsWith(NAMED_PART);
        if (bare && !prefixes.size) return;
        const pathsOf = (own: string, controller = link?.controller, group = e.group): string[] => {
          // (Bounded: prefixes multiply through functions that hand groups on, each under all its callers'. 64 is more
          // than a real service's fan-out, alist's task routes under 7 groups in a function called from 2 places (14),
          // and keeps a pathological one from writing thousands of routes.)
          let paths = prefixes.size ? [...prefixes].slice(0, MAX_PREFIXES).flatMap((p) => (p || !bare ? [joinMount(p, own, route.framework)] : [])) : [own];
          // (Python: under a router's prefix not known, MountFact.prefixUnknown, no path is.)
          if (e.family === 'python') paths = paths.filter((p) => !p.includes(UNREAD_PART));
          // NestJS: the path `RouterModule.register` gives the module that lists the controller (hedgedoc's /api/v2).
          const modulePath = route.framework === 'nestjs' && controller ? this.nestRoutePath(group, controller) : undefined;
          if (modulePath) paths = paths.map((p) => joinPaths('/', modulePath, p));
          // OvernightJS: a child controller's routes under its parents' paths (plunk's `/v1/actions/:id`).
          const parentPath = route.framework === 'overnightjs' && controller ? this.parentControllerPath(e, controller) : undefined;
          if (parentPath) paths = paths.map((p) => joinPaths('/', parentPath, p));
          // JAX-RS: the `@ApplicationPath` of the service's Application class.
          const gp = link?.mountable || route.framework === 'jax-rs' ? globalPrefix.get(group) : undefined;
          if (gp && (route.framework === 'nestjs' || route.framework === 'routing-controllers' || route.framework === 'inversify-express-utils' || route.framework === 'jax-rs')) paths = paths.map((p) => (gp.exclude?.has(trimSlashes(p)) ? p : joinPaths('/', gp.prefix, p)));
          // Spring MVC: the prefix `configurePathMatch` adds for controllers.
          const sp = route.framework === 'spring' ? springPrefix.get(group) : undefined;
          if (sp) paths = paths.map((p) => joinPaths('/', sp, p));
          return paths;
        };
        // A Feathers service method its registration's list of methods leaves out is not served.
        if (link?.feathers?.listedBy && this.jsStringList(e, link.feathers.listedBy)?.includes(link.feathers.method) === false) return;
        if (link?.grpc) {
          out.push(...this.grpcRoutes(e, link, index, route));
          return;
        }
        if (link?.inherited && route.framework === 'nestjs') {
          for (const r of this.nestInheritedRoutes(e, link, route)) {
            for (const path of pathsOf(r.path, r.controller)) out.push({ e, route: index, key: { method: route.method, path }, handler: { ...route, path }, start: r.start });
          }
          return;
        }
        if (link?.inherited) {
          const spring = link.inherited.spring;
          const inherited = spring ? this.springInheritedRoutes(e, link, route) : { routes: this.inheritedRoutes(e, link, route), extended: true };
          for (const r of inherited.routes) {
            // (Spring: what runs before any handler of the controller, its `@ModelAttribute` methods, and the filters.)
            const before = spring ? [...(link.alsoStart?.map((fn) => ({ e, fn })) ?? []), ...this.aroundHandler(e, { ...route, path: r.path }, link, incoming)] : [];
            for (const path of pathsOf(r.path)) out.push({ e, route: index, key: { method: route.method, path }, handler: { ...route, path, handler: r.handler }, start: [r.start, ...before], elsewhere: r.elsewhere });
          }
          // A Spring class's own routes too, where Spring maps the class itself (a JAX-RS base class has no path).
          if (!spring || spring.self === 'no' || (spring.self === 'unlessExtended' && inherited.extended)) return;
        }
        // A DRF registration or a class-based view: one route per action or method the class has (none when a
        // viewset has none for this pattern).
        // NetBox's `include(get_model_urls(…))`: one route per view registered for the model, as a class-based view's.
        const registered = link?.modelViews ? this.modelViewRoutes(e, link.modelViews, route) : undefined;
        // (Also a view class's `as_view()` kept in a module's name the route names: `attachments_upload`.)
        const alias = !registered && link?.handlerChain && !link.viewSet && !link.viewClass && route.framework === 'django' ? this.viewAlias(e, link.handlerChain) : undefined;
        // (A helper handed routers of different settings: a pass per kind, each under the includes of its routers.)
        let classServed = false;
        for (const pass of handed ?? [undefined]) {
          if (pass) {
            prefixes.clear();
            for (const p of pass.prefixes) if (p) prefixes.add(p);
          }
          const classRoutes =
            registered ??
            (alias ? this.classRoutes(e, { ...link!, handlerChain: alias.chain, viewClass: {} }, route, alias.at) : undefined) ??
            (link?.handlerChain && (link.viewSet || link.viewClass) ? this.classRoutes(e, pass ? { ...link, viewSet: { ...link.viewSet!, ...pass.router } } : link, route) : undefined);
          if (!classRoutes) break;
          classServed = true;
          // (A class-based view runs what the app runs around every handler too: Django's middleware, Flask's hooks.)
          const around = this.aroundHandler(e, route, link, incoming);
          for (const v of classRoutes) {
            const start = around.length ? [...v.start, ...around] : v.start;
            for (const raw of pathsOf(v.path)) {
              const path = raw || '/';
              const handler = { ...route, method: v.method, path, handler: v.handler ?? route.handler };
              out.push({ e, route: index, key: { method: v.method, path }, handler, start, elsewhere: v.elsewhere, unpaged: v.unpaged, ...('perRow' in v && v.perRow ? { perRow: v.perRow } : {}), ...('relationReads' in v && v.relationReads ? { relationReads: v.relationReads } : {}), ...(v.selfClass ? { selfClass: v.selfClass } : {}) });
            }
          }
        }
        if (classServed) return;
        // (A viewset not found: the registration as written, under every include of the routers handed.)
        if (handed) for (const pass of handed) for (const p of pass.prefixes) if (p) prefixes.add(p);
        const start: FnRef[] = [];
        if (link?.sails) {
          const action = this.sailsAction(e.group, link.sails);
          if (action) start.push(action);
        }
        if (link?.strapi) {
          const action = this.strapiAction(e.group, link.strapi);
          if (action) start.push(action);
        }
        if (link?.pythonHandler) {
          // A Connexion operation: served only where the service has the function it names.
          const handler = this.pythonFunction(e.group, link.pythonHandler);
          if (!handler) return;
          start.push(handler);
        }
        if (link?.handlerFunction !== undefined) start.push({ e, fn: link.handlerFunction });
        else if (link?.nextMethodModule) start.push(...this.nextMethodHandlers(e, link.nextMethodModule));
        else if (link?.handlerChain) {
          const declared = link.handlerFrom ? this.goMethodsOfReturned(e, link.handlerFrom, link.handlerChain[1]) : [];
          const typed = declared.length ? declared : link.handlerType ? this.goTypedMethods(e, link.handlerType, link.handlerChain[1]) : [];
          start.push(...(typed.length ? typed : this.resolveCall(e, -1, link.handlerChain)));
          // `GraphqlEndpoint(db)`: `db` is no function, what the factory made is the handler. A Go factory that returns
          // a value serving HTTP (fathom's `NewCollector(db)`, a `*Collector` with `ServeHTTP`): that method serves the
          // route; the factory ran once, where the route was registered (its `go c.aggregate()` is no request's).
          if (start.length === 0 && link.handlerFactory) {
            for (const made of this.resolveCall(e, -1, link.handlerFactory)) {
              const returns = made.e.family === 'go' ? made.e.links.functions[made.fn].returns : undefined;
              const serving = returns && !returns.startsWith('[]') ? this.methodsOfReturned(made.e, returns, 'ServeHTTP') : [];
              start.push(...(serving.length ? serving : [made]));
            }
          }
        }
        // net/http: a router another function makes and fills (miniflux's `appMux.Handle("/v1/", api.NewHandler(store,
        // pool))`, `h := googlereader.NewHandler(store)` then `appMux.Handle("/reader/api/0/", h)`): a mount, not a route.
        if (route.framework === 'net/http' && link && this.goRouterHandedOn(e, link)) return;
        if (link?.goMountedHandler && !this.goServesItself(e, link)) return;
        // A Next.js page whose component is a client module's (see RouteLink.nextPage): no route of the server's.
        if (link?.nextPage && start.length && start.every((r) => r.e.links.clientModule)) return;
        // A handler that makes an API's server (photoview's `GraphqlEndpoint` makes gqlgen's): the route serves that API.
        const runs = link?.runs ?? start.map((r) => r.e.links.functions[r.fn].makesServer).find((api) => api !== undefined);
        // A Java interface's mapped method (an OpenAPI-generated `PetApi`): the controller implementing it runs. An
        // operation of a spec the interface is generated from at build time: served only where it is implemented.
        // A Feign client's mapping (RouteLink.client): served only by the controllers implementing it, not its fallbacks.
        const implemented = link?.spec
          ? this.specImplementations(e, link.spec)
          : e.family === 'java' && link?.handlerFunction !== undefined
            ? this.implementationsOf(e, link.handlerFunction, !!link.client).filter((r) => !link.client || this.servesClientMapping(r))
            : [];
        if ((link?.spec || link?.client) && implemented.length === 0) return;
        // A Feign client's interface in a library module several services are built with, its callers' too (mall4cloud's
        // mall4cloud-api-order, `OrderFeignClient`): served by the service whose controller implements it, under that
        // service's prefix and filters, and listed with that controller's file, not by each service sharing the module.
        if (link?.client && e.group === '' && implemented.some((r) => r.e.group !== '')) {
          const byGroup = new Map<string, FnRef[]>();
          for (const r of implemented) pushTo(byGroup, r.e.group, r);
          for (const impls of byGroup.values()) {
            const host = impls[0].e;
            const before = [...(link.alsoStart?.map((fn) => ({ e, fn })) ?? []), ...this.aroundHandler(host, route, link, incoming)];
            const elsewhere = impls.length === 1 ? { e: impls[0].e, range: impls[0].e.links.functions[impls[0].fn].range } : undefined;
            for (const raw of pathsOf(route.path, undefined, host.group)) out.push({ e: host, route: index, key: { method: route.method, path: raw || '/' }, handler: { ...route, path: raw || '/' }, start: [...start, ...impls, ...before], elsewhere });
          }
          return;
        }
        start.push(...implemented);
        // A helper with methods of its own registers those, at the path and under its prefixes (NodeBB's page routes).
        const variants = helper && helper.registers ? helper.registers.map((r) => ({ method: r.method, own: joinPaths(r.prefix, route.path) })) : [{ method: route.method, own: route.path }];
        const before = link?.alsoStart?.map((fn) => ({ e, fn })) ?? [];
        for (const chain of link?.alsoStartChains ?? []) before.push(...this.resolveCall(e, -1, chain));
        if (runs) before.push(...this.servedOf(e, runs));
        before.push(...this.aroundHandler(e, route, link, incoming));
        // A Remix or React Router page: the loaders of its layouts and of the root run for it too.
        if (route.method === 'GET' && e.links.remixModule) before.push(...this.remixLoadersAbove(e));
        // A handler named in the registration and written elsewhere in the same file: its body is the handler.
        const local = link?.handlerFunction === undefined ? start.find((r) => r.e === e) : undefined;
        const handlerRange = local ? e.links.functions[local.fn].range : route.handler;
        // A handler named here and written in one other file (several candidates: none is sure to be it).
        const other = implemented.length === 1 ? implemented[0] : start.length === 1 && start[0].e !== e ? start[0] : undefined;
        const elsewhere = other ? { e: other.e, range: other.e.links.functions[other.fn].range } : undefined;
        // The generic handler's factories (vikunja's `&handler.WebHandler{EmptyStruct: func() handler.CObject { return
        // &models.Bulk{} }}`): each route's own, so `POST /tasks/bulk` runs Bulk's Create, not every CObject's.
        const bound = link?.goFactories && link.handlerType ? this.goBound(e, link.handlerType, link.goFactories) : undefined;
        // A Django function view its decorator limits (`@require_POST`): the route is those methods, not ANY. A Next.js
        // API route's handler of another module, exported as the route's or handed the request by it: the methods it answers.
        const methods = route.method === 'ANY' && start.length === 1 ? (start[0].e.links.functions[start[0].fn].methods ?? this.guardedViewMethods(start[0]) ?? (route.framework === 'nextjs' ? this.nextMethodsElsewhere(link, start[0]) : undefined)) : undefined;
        for (const { method: own, own: ownPath } of variants) {
          const paths = link?.spec ? this.specPaths(ownPath, implemented) : pathsOf(ownPath);
          for (const raw of paths) {
            const path = raw || '/';
            if (runs) {
              const served = `${e.group}\u0000${runs}\u0000${own} ${path}`;
              if (servedEndpoints.has(served)) continue;
              servedEndpoints.add(served);
            }
            const handler = path === route.path && own === route.method && handlerRange === route.handler ? route : { ...route, method: own, path, handler: handlerRange };
            for (const method of methods ?? [own]) {
              const served = runs !== undefined;
              out.push({ e, route: index, key: { method, path }, handler: method === handler.method ? handler : { ...handler, method }, start: before.length ? [...start, ...before] : start, elsewhere, served, ...(bound ? { bound } : {}) });
            }
          }
        }
      });
    }
    out.push(...this.remixPagesOfLayouts(out));
    out.push(...this.builtAppRoutes(out));
    return shadowedDropped(this.remixLayoutsBelowIndexes(out));
  }

  /**
   * The routes a module of one service serves on an app another service's package builds (dittofeed's lite: `const
   * app = await buildApp()` imported from `api/src/buildApp`, FileLinks.appMakers): every route of that service in the
   * sources of the function's package (packageFolder), listed under this module too. Only when the function returns
   * the app it makes (FunctionFact.returnsApp).
   */
  private builtAppRoutes(routed: ReturnType<WorkspaceLinker['routePaths']>): ReturnType<WorkspaceLinker['routePaths']> {
    const out: ReturnType<WorkspaceLinker['routePaths']> = [];
    for (const e of this.entries) {
      if (!e.links.appMakers || e.test || e.family !== 'js') continue;
      for (const maker of e.links.appMakers) {
        const imp = importNamed(e.links, maker);
        const t = imp && imp.imported !== '*' ? this.resolveImport(e, imp.module, imp.imported) : undefined;
        if (!t || t.e === e || t.e.group === e.group || t.e.family !== 'js') continue;
        if (!t.e.links.functions.some((f) => f.name === t.name && f.owner === undefined && f.returnsApp)) continue;
        const pkg = packageFolder(t.e.a.file);
        for (const r of routed) {
          // Not the routes of another server in the package (an admin app that listens on its own).
          if (r.e.group !== t.e.group || r.e.test || r.e.family !== 'js' || !r.e.a.file.startsWith(pkg) || (r.e.links.ownServer && r.e !== t.e)) continue;
          out.push({ ...r, e });
        }
      }
    }
    return out;
  }

  /**
   * The handler of a method a Next.js pages/api route's table imports a module for (RouteLink.nextMethodModule): the
   * module's default export, as the handler its own file route has (a function wrapped, `withMiddleware("pagination")(
   * defaultResponder(getHandler))`), else the function it exports by name.
   */
  private nextMethodHandlers(e: Entry, module: string): FnRef[] {
    const t = this.resolveImport(e, module, 'default');
    if (!t || t.e === e) return [];
    const own: FnRef[] = [];
    for (const l of t.e.links.routeLinks) {
      if (l.handlerFunction !== undefined && t.e.a.routes[l.route]?.framework === 'nextjs' && !own.some((r) => r.fn === l.handlerFunction)) own.push({ e: t.e, fn: l.handlerFunction });
    }
    return own.length ? own : t.name !== 'default' ? this.named(t.e, t.name) : [];
  }

  /** The modules a Next.js pages/api route of their service imports as the handler of a method (RouteLink.nextMethodModule). */
  private nextMethodModules(): Set<Entry> {
    if (!this.methodModules) {
      this.methodModules = new Set();
      for (const e of this.entries) {
        if (e.test) continue;
        for (const l of e.links.routeLinks) {
          const t = l.nextMethodModule ? this.resolveImport(e, l.nextMethodModule, 'default') : undefined;
          if (t && t.e !== e && t.e.group === e.group) this.methodModules.add(t.e);
        }
      }
    }
    return this.methodModules;
  }

  private methodModules?: Set<Entry>;

  /**
   * The methods a Next.js pages/api route reads in another module: its handler's there (`export default limitsHandler`
   * imported), or those of the one function the handler hands its request to (papermark's `return handleRoute(req,
   * res)`, RouteLink.methodsFrom). None when that lands on no function, or on several.
   */
  private nextMethodsElsewhere(link: RouteLink | undefined, handler: FnRef): string[] | undefined {
    if (link?.methodsFrom) {
      const targets = this.resolveCall(handler.e, handler.fn, link.methodsFrom);
      return targets.length === 1 ? targets[0].e.links.functions[targets[0].fn].requestMethods : undefined;
    }
    return link?.handlerChain ? handler.e.links.functions[handler.fn].requestMethods : undefined;
  }

  /**
   * The loaders React Router runs for a request to a route module besides its own: its layouts' (the modules whose
   * id its own extends, documenso's `_authenticated+/_layout.tsx` for `_authenticated+/dashboard.tsx`) and the root
   * module's (`app/root.tsx`), in the same service.
   */
  private remixLoadersAbove(e: Entry): FnRef[] {
    const module = e.links.remixModule!;
    const modules = this.remixModules();
    const out: FnRef[] = [];
    const above = [`${module.routes.slice(0, -'routes/'.length)}root`];
    const segments = module.id.split('.');
    for (let k = 1; k < segments.length; k++) above.push(`${module.routes}${segments.slice(0, k).join('.')}`);
    for (const key of above) {
      const layout = modules.get(`${e.group}\u0000${key}`);
      const loader = layout ? layout.links.functions.findIndex((f) => f.name === 'loader' && f.owner === undefined) : -1;
      if (layout && layout !== e && loader >= 0) out.push({ e: layout, fn: loader });
    }
    return out;
  }

  /** Route modules by service and id (under their folder of routes), and each service's root module (`app/root.tsx`). */
  private remixModules(): Map<string, Entry> {
    if (!this.remix) {
      this.remix = new Map();
      for (const e of this.entries) {
        if (e.test) continue;
        const module = e.links.remixModule;
        if (module) this.remix.set(`${e.group}\u0000${module.routes}${module.id}`, e);
        const root = e.family === 'js' ? ROOT_MODULE.exec(e.a.file) : null;
        if (root) this.remix.set(`${e.group}\u0000${root[1]}root`, e);
      }
    }
    return this.remix;
  }

  private remix?: Map<string, Entry>;

  /**
   * A layout with a path of its own (`dashboard+/_layout.tsx`, `/dashboard`) is the route of that path only when no
   * index below it is (`dashboard+/_index.tsx`): React Router matches both, and runs the layout's loader for the index.
   */
  private remixLayoutsBelowIndexes(routed: ReturnType<WorkspaceLinker['routePaths']>): ReturnType<WorkspaceLinker['routePaths']> {
    const pages = new Set(routed.filter((r) => r.key.method === 'GET' && r.e.links.remixModule && !r.e.links.remixModule.layout).map((r) => `${r.e.group}\u0000${r.key.path}`));
    if (!pages.size) return routed;
    return routed.filter((r) => !(r.key.method === 'GET' && r.e.links.remixModule?.layout && pages.has(`${r.e.group}\u0000${r.key.path}`)));
  }

  /**
   * A page with no loader of its own under a layout that has one (documenso's `_authenticated+/settings.tsx`): a GET
   * of its path runs the layout's loader, so it is a route too, with those loaders as its handlers. Not a layout itself.
   */
  private remixPagesOfLayouts(routed: ReturnType<WorkspaceLinker['routePaths']>): ReturnType<WorkspaceLinker['routePaths']> {
    const out: ReturnType<WorkspaceLinker['routePaths']> = [];
    const withGet = new Set(routed.filter((r) => r.key.method === 'GET').map((r) => r.e));
    for (const e of this.entries) {
      const module = e.links.remixModule;
      if (!module || module.layout || e.test || withGet.has(e)) continue;
      // (The root's loader alone runs for every page: a page is a route when a layout of its own loads too.)
      const start = this.remixLoadersAbove(e);
      if (!start.some((r) => r.e.links.remixModule)) continue;
      const here = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      // (The framework of the layout that loads: the page itself may import neither's packages.)
      const framework = start.find((r) => r.e.links.remixModule)!.e.links.remixModule!.framework;
      const handler = { method: 'GET', path: module.path, framework, file: e.a.file, declaration: here, handler: here };
      out.push({ e, route: -1, key: { method: 'GET', path: module.path }, handler, start });
    }
    return out;
  }

  /**
   * What runs on each request of a route besides its handler, as its framework runs it: Django's middleware, NestJS's
   * guards and interceptors, Java's filters, Flask's hooks and ASGI middleware, JavaScript's and Go's middleware.
   */
  private aroundHandler(e: Entry, route: FileAnalysis['routes'][number], link: RouteLink | undefined, incoming: Map<string, { from: Entry; mount: MountFact }[]>): FnRef[] {
    const out: FnRef[] = [];
    if (route.framework === 'django' || route.framework === 'drf') out.push(...this.djangoMiddleware(e.group));
    if (route.framework === 'nestjs') out.push(...this.nestEnhancers(e, link));
    if (route.framework === 'spring') {
      const filters = this.javaFilters(e.group);
      out.push(...filters.every);
      for (const f of filters.paths) if (javaFilterCovers(f.paths, route.path)) out.push(...f.refs);
    }
    const hooked = PYTHON_HOOKED.get(route.framework);
    if (hooked) out.push(...this.pythonRequestHooks(e, hooked, link?.receiver, incoming));
    for (const name of link?.dependsTypes ?? []) out.push(...this.fastapiAliasDependencies(e, name));
    if (route.framework === 'fastapi' && link?.receiver !== undefined) out.push(...this.routersAbove(e, link.receiver, incoming).depends);
    if (MIDDLEWARE_FRAMEWORKS.has(route.framework) && link?.receiver !== undefined && this.anyJsMiddleware()) out.push(...this.jsMiddleware(e, link.receiver, route.declaration.start, !!link.moduleReceiver, route.path, incoming, 0));
    if (link?.receiver !== undefined && (e.links.goRouting || link.receiver.startsWith('*'))) out.push(...this.goMiddleware(e, link.receiver, route.declaration.start, route.framework, 0));
    return out;
  }

  /**
   * A base class's resource method under each subclass of the service that has a path of its own (RouteLink.inherited),
   * also through a subclass of a subclass: run by the subclass's override of the method, or else by the base's.
   */
  private inheritedRoutes(e: Entry, link: RouteLink, route: FileAnalysis['routes'][number]): { path: string; start: FnRef; handler: Range; elsewhere?: Elsewhere }[] {
    const { base, method } = link.inherited!;
    const out: { path: string; start: FnRef; handler: Range; elsewhere?: Elsewhere }[] = [];
    const own: FnRef = { e, fn: link.handlerFunction! };
    this.eachSubclass(base, (cls) => {
      const declared = this.classPrefixEntries().get(cls)?.find((d) => sharedWith(d.e, e) && !d.e.quiet);
      if (!declared) return true;
      const override = (this.byOwnerMethod.get(`${cls}#${method}`) ?? []).find((r) => sharedWith(r.e, e) && !r.e.quiet);
      const start = override ?? own;
      const elsewhere = start.e !== e ? { e: start.e, range: start.e.links.functions[start.fn].range } : undefined;
      for (const prefix of declared.prefixes) out.push({ path: joinPaths('/', prefix, route.path), start, handler: start.e === e ? e.links.functions[start.fn].range : route.handler, elsewhere });
      return true;
    });
    return out;
  }

  /** The classes below `base`, breadth first, four levels down at most; `visit` says whether to go on below each. */
  private eachSubclass(base: string, visit: (cls: string) => boolean): void {
    const seen = new Set<string>([base]);
    let level = [base];
    for (let depth = 0; depth < 4 && level.length; depth++) {
      const next: string[] = [];
      for (const cls of level.flatMap((l) => this.subclassesOf().get(l) ?? [])) {
        if (seen.has(cls)) continue;
        seen.add(cls);
        if (visit(cls)) next.push(cls);
      }
      level = next;
    }
  }

  /**
   * Spring: a controller method (RouteLink.inherited) under each concrete controller of the service that extends its
   * class, also through a subclass of a subclass (BroadleafCommerce's `AdminBundleProductController extends
   * AdminProductController extends AdminBasicEntityController`: `GET /product:bundle/{id}`), as Spring maps it: under
   * the subclass's own class mapping, or else the nearest one it inherits, run by the nearest override; not below a
   * class whose override maps the method anew (that one's own route). `extended`: some controller extends the class.
   */
  private springInheritedRoutes(e: Entry, link: RouteLink, route: FileAnalysis['routes'][number]): { routes: { path: string; start: FnRef; handler: Range; elsewhere?: Elsewhere }[]; extended: boolean } {
    const { base, method, spring } = link.inherited!;
    const routes: { path: string; start: FnRef; handler: Range; elsewhere?: Elsewhere }[] = [];
    let extended = false;
    const own = this.namedParts(e, spring!.path);
    if (own.includes(UNREAD_PART) || link.handlerFunction === undefined) return { routes, extended };
    const params = e.links.functions[link.handlerFunction].params;
    // Each class reached: the method it runs, and the class mapping it has (undefined: the base's, this route's own).
    type Reached = { cls: string; start: FnRef; prefixes?: string[] };
    const seen = new Set<string>([base]);
    let level: Reached[] = [{ cls: base, start: { e, fn: link.handlerFunction } }];
    for (let depth = 0; depth < 5 && level.length; depth++) {
      const next: Reached[] = [];
      for (const above of level) {
        for (const cls of this.subclassesOf().get(above.cls) ?? []) {
          if (seen.has(cls)) continue;
          seen.add(cls);
          // (An override takes as many parameters: an overload, ReportController's `list(int year)` beside the base's
          // `list()`, is another method, and the base's mapping still serves under this class.)
          const override = (this.byOwnerMethod.get(`${cls}#${method}`) ?? []).find((r) => sharedWith(r.e, e) && !r.e.quiet && sameArity(r.e.links.functions[r.fn].params, params));
          // An override with a mapping of its own is that class's route (and its subclasses' through it).
          if (override && override.e.links.routeLinks.some((l) => l.handlerFunction === override.fn)) continue;
          const start = override ?? above.start;
          const declared = this.classPrefixEntries().get(cls)?.find((d) => sharedWith(d.e, e) && !d.e.quiet);
          const prefixes = declared ? declared.prefixes.map((p) => (p.includes(NAMED_PART) ? this.namedParts(declared.e, p) : p)).filter((p) => !p.includes(UNREAD_PART)) : above.prefixes;
          next.push({ cls, start, prefixes });
          if (!this.springControllerEntries().get(cls)?.some((c) => sharedWith(c, e) && !c.quiet)) continue;
          extended = true;
          // (Under a class mapping of the base, this route's path; under another, once, from the route of the first.)
          const paths = prefixes === undefined ? [route.path] : spring!.first ? prefixes.map((p) => springPath(p, own)) : [];
          const elsewhere = start.e !== e ? { e: start.e, range: start.e.links.functions[start.fn].range } : undefined;
          for (const path of paths) routes.push({ path, start, handler: start.e === e ? e.links.functions[start.fn].range : route.handler, elsewhere });
        }
      }
      level = next;
    }
    return { routes, extended };
  }

  private springControllersByName?: Map<string, Entry[]>;

  /**
   * A Feign client's mapped method implemented by a controller that serves it as the interface writes it: a concrete
   * Spring controller's method with no mapping of its own (Spring uses the method's own then) in a class with no
   * class-level path (which Spring puts in front; not joined here, so such a controller lists none rather than a
   * wrong path).
   */
  private servesClientMapping(r: FnRef): boolean {
    const owner = r.e.links.functions[r.fn].owner;
    if (!this.isSpringController(r) || r.e.links.routeLinks.some((l) => l.handlerFunction === r.fn)) return false;
    return !owner || (r.e.links.classPrefixes?.[owner] ?? ['']).every((p) => p === '' || p === '/');
  }

  /** A method of a class its file declares a concrete Spring controller (FileLinks.springControllers). */
  private isSpringController(r: FnRef): boolean {
    const owner = r.e.links.functions[r.fn].owner;
    return !!owner && !!this.springControllerEntries().get(owner)?.includes(r.e);
  }

  /** Class name → the files declaring it as a concrete Spring controller (FileLinks.springControllers), once per join. */
  private springControllerEntries(): Map<string, Entry[]> {
    if (!this.springControllersByName) {
      this.springControllersByName = new Map();
      for (const e of this.entries) for (const cls of e.links.springControllers ?? []) pushTo(this.springControllersByName, cls, e);
    }
    return this.springControllersByName;
  }

  /**
   * NestJS: a base class's route method (RouteLink.inherited) under each controller of the service that extends it,
   * also through classes between, at the controller's path and version (or the method's own `@Version`). Not under one
   * that, or a class between, defines a method of that name: Nest reads the decorators of the method the controller
   * has, a route of its own or none. Not under a controller only a test-only module lists. Run by the base's method,
   * after the enhancers of the app, of the base's method and class, and those middleware gives that controller.
   */
  private nestInheritedRoutes(e: Entry, link: RouteLink, route: FileAnalysis['routes'][number]): { path: string; controller: string; start: FnRef[] }[] {
    const { base, method, version } = link.inherited!;
    const own: FnRef = { e, fn: link.handlerFunction! };
    const out: { path: string; controller: string; start: FnRef[] }[] = [];
    this.eachSubclass(base, (cls) => {
      if ((this.byOwnerMethod.get(`${cls}#${method}`) ?? []).some((r) => sharedWith(r.e, e) && !r.e.quiet)) return false;
      const declared = this.classPrefixEntries().get(cls)?.find((d) => sharedWith(d.e, e) && !d.e.quiet);
      if (!declared || this.devOnlyControllers(e.group).has(cls)) return true;
      for (const written of declared.prefixes) {
        const versioned = version === undefined ? written : written.replace(NEST_VERSION_AT_START, `/${NAMED_PART}${VERSION_PART}${version}${NAMED_PART}`);
        // (A name of no known value is no path here, not an empty one: Amplication's generator templates,
        // `@common.Controller(RESOURCE)` with `declare const RESOURCE: string`.)
        const prefix = versioned.includes(NAMED_PART) ? this.namedParts(declared.e, versioned, 0, false, true) : versioned;
        if (prefix.includes(UNREAD_PART)) continue;
        out.push({ path: joinPaths('/', prefix, route.path), controller: cls, start: [own, ...this.nestEnhancers(e, { ...link, controller: cls })] });
      }
      return true;
    });
    return out;
  }

  /** Class name → the classes that extend it (Java and JavaScript `extends`, Python bases), once per join. */
  private subclassesOf(): Map<string, string[]> {
    if (!this.subclasses) {
      this.subclasses = new Map();
      for (const [cls, bases] of this.basesOf) for (const b of bases) pushTo(this.subclasses, b, cls);
    }
    return this.subclasses;
  }

  private prefixEntries?: Map<string, { e: Entry; prefixes: string[] }[]>;

  /** Class name → the files declaring it with a class-level path (FileLinks.classPrefixes), once per join. */
  private classPrefixEntries(): Map<string, { e: Entry; prefixes: string[] }[]> {
    if (!this.prefixEntries) {
      this.prefixEntries = new Map();
      for (const e of this.entries) for (const [cls, prefixes] of Object.entries(e.links.classPrefixes ?? {})) pushTo(this.prefixEntries, cls, { e, prefixes });
    }
    return this.prefixEntries;
  }

  /**
   * The routes of a gRPC service's implementation (routes/grpcServices.ts): its methods that the service's `.proto`
   * definition declares, at `/<package>.<Service>/<Method>`. None when no definition of the service is in the
   * workspace (the path's package is only there), nor for a method the service does not declare.
   */
  private grpcRoutes(e: Entry, link: RouteLink, index: number, route: FileAnalysis['routes'][number]): ReturnType<WorkspaceLinker['routePaths']> {
    const { service, method } = link.grpc!;
    const definition = this.protoService(e, service);
    if (!definition) return [];
    const out: ReturnType<WorkspaceLinker['routePaths']> = [];
    const add = (rpc: string, start: FnRef[]) => {
      const code = start.length === 1 ? start[0] : undefined;
      const here = code?.e === e && link.handlerFunction === undefined ? e.links.functions[code.fn].range : route.handler;
      const elsewhere = code && code.e !== e ? { e: code.e, range: code.e.links.functions[code.fn].range } : undefined;
      // Served over HTTP (Kratos, grpc-gateway): at each of the rpc's bindings, none for an rpc without one.
      const bindings = link.grpc!.http ? (definition.http?.[rpc] ?? []) : [{ method: 'POST', path: `/${definition.fullName}/${rpc}` }];
      for (const { method, path } of bindings) out.push({ e, route: index, key: { method, path }, handler: { ...route, method, path, handler: here }, start, elsewhere });
    };
    if (method !== undefined) {
      // Python and Go name a method as the .proto does; Java and JavaScript's implementations in lower camel case.
      const rpc = definition.methods.find((m) => m === method || m[0].toLowerCase() + m.slice(1) === method);
      if (!rpc) return [];
      const start: FnRef[] = link.handlerFunction !== undefined ? [{ e, fn: link.handlerFunction }] : link.handlerChain ? this.resolveCall(e, -1, link.handlerChain) : [];
      add(rpc, start);
      return out;
    }
    // A gateway calling the service's gRPC server: the implementation registered for it, in a file of the service.
    const servers = link.grpc!.viaServer ? this.grpcServers(e.group, service) : [{ e, link }];
    for (const rpc of definition.methods) {
      // The path keeps the .proto's spelling; Go's generated interface camel-cases it (`rpc createOrder` → `CreateOrder`).
      const name = e.family === 'go' ? goCamelCase(rpc) : rpc;
      const start = servers.flatMap(({ e: se, link: sl }) => {
        // Made by a function (`svr := server.MustNewServerWithOpts(…)`): the method of the type it declares to return.
        const declared = sl.handlerFrom ? this.goMethodsOfReturned(se, sl.handlerFrom, name) : [];
        if (declared.length) return declared;
        return sl.handlerType ? this.goImplementationMethods(se, sl.handlerType, name) : sl.handlerChain ? this.resolveCall(se, -1, [...sl.handlerChain, name]) : [];
      });
      // A service implemented by a library (grpc-go's health server) serves methods that are none of the workspace's.
      if (start.length) add(rpc, start);
    }
    return out;
  }

  /** The gRPC registrations of a service (`RegisterXServer(srv, impl)`) in the files of a group, with their implementations. */
  private grpcServers(group: string, service: string): { e: Entry; link: RouteLink }[] {
    const out: { e: Entry; link: RouteLink }[] = [];
    for (const e of this.entries) {
      if (e.group !== group || e.test) continue;
      for (const link of e.links.routeLinks) {
        if (link.grpc?.service === service && !link.grpc.http && link.grpc.method === undefined && (link.handlerType || link.handlerChain)) out.push({ e, link });
      }
    }
    return out;
  }

  /** The method of a Go type the workspace writes; none for a type of a module outside it (`health.Server`). */
  private goImplementationMethods(e: Entry, type: string, method: string): FnRef[] {
    const dot = type.indexOf('.');
    if (dot >= 0) {
      const imp = importNamed(e.links, type.slice(0, dot));
      if (!imp || this.goTypeDir(imp.module, type.slice(dot + 1)) === undefined) return [];
    }
    return this.goTypedMethods(e, type, method);
  }

  private addProtoServices(a: FileAnalysis, group: string): void {
    const dir = a.file.includes('/') ? a.file.slice(0, a.file.lastIndexOf('/')) : '';
    for (const service of a.links?.protoServices ?? []) {
      const list = this.protoServices.get(service.name) ?? [];
      list.push({ dir, group, service });
      this.protoServices.set(service.name, list);
      // protoc-gen-go camel-cases the name (`service order` registers as `RegisterOrderServer`).
      const goName = goCamelCase(service.name);
      if (goName !== service.name) this.goProtoNames.set(goName, service.name);
    }
  }

  /** protoc-gen-go's names of the services whose `.proto` name differs (`Order` for `service order`). */
  private readonly goProtoNames = new Map<string, string>();

  /** The `.proto` definition of a gRPC service nearest a file: its own service's first, then the closest folder. */
  private protoService(e: Entry, name: string): ProtoService | undefined {
    let best: { service: ProtoService; score: number } | undefined;
    const written = this.protoServices.has(name) ? name : e.family === 'go' ? (this.goProtoNames.get(name) ?? name) : name;
    for (const p of this.protoServices.get(written) ?? []) {
      const score = (p.group && p.group === e.group ? 1000 : 0) + commonPrefixLength(p.dir, e.dir);
      if (!best || score > best.score) best = { service: p.service, score };
    }
    return best?.service;
  }

  /** gRPC services by name, from every `.proto` file of the workspace (protoFiles.ts). */
  private readonly protoServices = new Map<string, { dir: string; group: string; service: ProtoService }[]>();

  /**
   * A global prefix as written, or read from the service's config (`configService.get('app.apiPrefix')` marked by
   * the finder: the default its config module gives `apiPrefix`). Undefined when the config says nothing.
   */
  private configured(group: string | undefined, prefix: string): string | undefined {
    const key = CONFIG_KEY.exec(prefix)?.[1];
    if (!key) return prefix;
    for (const e of this.entries) if (e.group === group && e.links.configDefaults?.[key] !== undefined) return e.links.configDefaults[key];
    return undefined;
  }

  /** A view class's `as_view()` a module keeps in the name a route's handler names (FileLinks.viewAliases). */
  private viewAlias(e: Entry, chain: string[]): { at: Entry; chain: string[] } | undefined {
    const t = this.resolveMountTarget(e, { prefix: '', target: chain });
    const aliased = t?.e.links.viewAliases?.[t.name];
    return aliased ? { at: t!.e, chain: aliased } : undefined;
  }

  /**
   * The routes a view class gives a registration, with handler ranges in the route's own file (a class written
   * elsewhere leaves the registration as the handler). Undefined when the class is not in the workspace. `from`: the
   * file the view class's chain is written in (a view alias's module), when not the route's.
   */
  private classRoutes(
    e: Entry,
    link: RouteLink,
    route: FileAnalysis['routes'][number],
    from: Entry = e,
  ): (Omit<ViewRoute<FnRef>, 'handler'> & { handler?: Range; elsewhere?: Elsewhere; unpaged?: UnpagedList<Entry>; perRow?: FnRef[]; relationReads?: RelationRead[]; selfClass?: string })[] | undefined {
    const found = this.viewClassChain(from, link.handlerChain!, !link.viewSet);
    if (!found) return undefined;
    const { chain, first, visited } = found;
    const routes = link.viewSet ? viewSetRoutes(chain, link.viewSet) : asViewRoutes(chain, link.viewClass!, route.path, route.method);
    // In this file the code is the route's handler, in another its `handled`.
    return routes.map((r) => {
      const at = viewCode(r, first);
      const unpaged = r.step ? unpagedList(chain, visited, r.step, this.drfPaged(e.group)) : undefined;
      const serializer = this.helperStarts(visited, 'serializer_class', r.step);
      const helpers = [...serializer, ...this.helperStarts(visited, 'filterset_class', r.step), ...this.helperStarts(visited, 'form_class', r.step)];
      const perRow = r.step === 'list' ? serializer.filter((ref) => perRowQuery(ref.e.links.functions[ref.fn])) : [];
      const relationReads = r.step === 'list' ? this.unloadedReads(chain, visited) : [];
      return {
        ...r,
        ...(helpers.length ? { start: [...r.start, ...helpers] } : {}),
        ...(perRow.length ? { perRow } : {}),
        ...(relationReads.length ? { relationReads } : {}),
        handler: at?.e === e ? at.range : undefined,
        elsewhere: at && at.e !== e ? at : undefined,
        ...(unpaged && !unpaged.at.quiet ? { unpaged } : {}),
        // (The class each of its routes runs for: `self.m()` in a base's method is this class's `m`, WorkspaceLinker.walk.)
        ...(first?.at.family === 'python' ? { selfClass: first.name } : {}),
      };
    });
  }

  /**
   * The methods of a class the view names (its `serializer_class`, `filterset_class`, `form_class`: the nearest class
   * that names one) its step runs, wherever that class is written: what they do is on the route's path (see
   * helperHooksOf).
   */
  private helperStarts(visited: ClassAt<Entry>[], attribute: HelperAttribute, step: string | undefined): FnRef[] {
    let hooks = step ? helperHooksOf(attribute, step) : undefined;
    // A save hook the view overrides without saving through the serializer: the serializer's create or update never runs.
    const hook = step === 'create' ? 'perform_create' : step === 'update' || step === 'partial_update' ? 'perform_update' : undefined;
    const saves = hook && attribute === 'serializer_class' ? visited.find((c) => c.fact.saves?.[hook] !== undefined)?.fact.saves?.[hook] : undefined;
    if (hooks && saves === false) {
      const all = hooks;
      hooks = (m) => m !== 'create' && m !== 'update' && all(m);
    }
    if (!hooks) return [];
    // The nearest class that names it; for serializers, also one whose `get_serializer_class()` picks among several
    // (librephotos' UserViewSet: `PublicUserSerializer` or `UserSerializer`), each of which may render the row.
    const named: { at: Entry; name: string }[] = [];
    for (const c of visited) {
      const chosen = attribute === 'serializer_class' ? c.fact.chosenSerializers : undefined;
      if (chosen) for (const name of chosen.classes) named.push({ at: c.at, name });
      if (chosen && !chosen.orBase) break;
      // (`return super().get_serializer_class()`: the nearest `serializer_class`, this class's own too.)
      const own = c.fact.helpers?.[attribute];
      if (own) {
        named.push({ at: c.at, name: own });
        break;
      }
    }
    const methods = (c: { e: Entry; name: string }, wanted: (name: string) => boolean) =>
      c.e.links.functions.flatMap((f, fn) => (f.owner === c.name && wanted(f.name) ? [{ e: c.e, fn }] : []));
    const out: FnRef[] = [];
    for (const n of named) {
      const t = this.resolveMountTarget(n.at, { prefix: '', target: n.name.split('.') });
      if (t) out.push(...this.helperClassStarts(t, attribute, hooks, methods));
    }
    return out;
  }

  /** The methods of one helper class the step runs, and for a serializer those of the serializers it renders. */
  private helperClassStarts(
    t: { e: Entry; name: string },
    attribute: HelperAttribute,
    hooks: (name: string) => boolean,
    methods: (c: { e: Entry; name: string }, wanted: (name: string) => boolean) => FnRef[],
  ): FnRef[] {
    const out = methods(t, hooks);
    // A serializer renders the serializers its fields are made of, each with its own getters (two levels down).
    const renders = attribute === 'serializer_class' ? helperHooksOf(attribute, 'retrieve') : undefined;
    if (renders && hooks('to_representation')) {
      const seen = new Set([`${t.e.a.file}#${t.name}`]);
      let level = [t];
      for (let depth = 0; depth < 2 && level.length; depth++) {
        const next: { e: Entry; name: string }[] = [];
        for (const c of level) {
          for (const written of c.e.links.nestedSerializers?.[c.name] ?? []) {
            const inner = this.resolveMountTarget(c.e, { prefix: '', target: written.split('.') });
            if (!inner || seen.has(`${inner.e.a.file}#${inner.name}`)) continue;
            seen.add(`${inner.e.a.file}#${inner.name}`);
            next.push(inner);
            out.push(...methods(inner, renders));
          }
        }
        level = next;
      }
    }
    return out;
  }

  /**
   * The relations the serializer of a list (the nearest `serializer_class`) reads on each row that the list's queryset
   * does not load with the rows, each a query per row (see hazards/drfSerializerReads). None when what the queryset
   * loads is not known here (viewClassRoutes.listLoads), or it lists another model's rows.
   */
  private unloadedReads(chain: ClassChain<FnRef>, visited: ClassAt<Entry>[]): RelationRead[] {
    const holder = visited.find((c) => c.fact.helpers?.serializer_class);
    const named = holder?.fact.helpers?.serializer_class;
    const t = holder && named ? this.resolveMountTarget(holder.at, { prefix: '', target: named.split('.') }) : undefined;
    const reads = t && !t.e.quiet ? t.e.links.serializerReads?.[t.name] : undefined;
    const loads = reads && listLoads(chain, visited);
    if (!t || !reads || !loads || loads.model !== reads.model) return [];
    return this.unloadedFields(reads, loads.loaded).map((read) => ({ e: t.e, serializer: t.name, model: reads.model, read }));
  }

  /** The fields of a serializer that read a relation of its model that `loaded` (rows' relations, '*' for every forward one) lacks. */
  private unloadedFields(reads: SerializerReads, loaded: ReadonlySet<string>): SerializerRead[] {
    const single = this.inheritedLazy(reads.model);
    const out = reads.fields.filter((f) => {
      const one = !!single?.has(f.relation);
      if (loaded.has(f.relation) || (one && loaded.has('*'))) return false;
      // A forward ForeignKey named in Meta.fields gives its key (`author_id`), read with the row.
      return this.djangoRelation(reads.model, f.relation) !== undefined && !(f.implicit && one);
    });
    const all = reads.allFields;
    if (all) {
      for (const name of this.manyToManyOf(reads.model)) {
        if (!all.except.includes(name) && !loaded.has(name)) out.push({ relation: name, many: true, written: `fields = '__all__' (with ${name})`, range: all.at, implicit: true });
      }
    }
    return out;
  }

  /** The forward ManyToManyFields of a Django model, also those of the abstract models it extends. */
  private manyToManyOf(model: string, depth = 0): string[] {
    if (!this.manyToMany) {
      this.manyToMany = new Map();
      for (const o of this.entries) for (const [m, names] of Object.entries(o.links.djangoManyToMany ?? {})) for (const n of names) pushTo(this.manyToMany, m, n);
    }
    const own = this.manyToMany.get(model) ?? [];
    if (depth > 5) return own;
    return [...new Set([...own, ...(this.basesOf.get(model) ?? []).flatMap((b) => this.manyToManyOf(b, depth + 1))])];
  }

  private manyToMany?: Map<string, string[]>;

  /**
   * The views the service registers for a model (`@register_model_view(Site, 'edit')` in a module of the app the
   * URLconf names), each at the pattern joined with its path: a class's methods, as `as_view()` serves them, or a
   * function that answers any method.
   */
  private modelViewRoutes(e: Entry, use: ModelViewsUse, route: FileAnalysis['routes'][number]): NonNullable<ReturnType<WorkspaceLinker['classRoutes']>> {
    const out: NonNullable<ReturnType<WorkspaceLinker['classRoutes']>> = [];
    const inApp = new RegExp(`(^|/)${use.app}/`);
    if (!this.modelViewsByModel) {
      // Once per join: NetBox's URLconfs name some two hundred models.
      this.modelViewsByModel = new Map();
      for (const x of this.entries) {
        if (x.test) continue;
        for (const v of x.links.modelViews ?? []) {
          const list = this.modelViewsByModel.get(v.model) ?? [];
          list.push({ x, v });
          this.modelViewsByModel.set(v.model, list);
        }
      }
    }
    for (const { x, v } of this.modelViewsByModel.get(use.model) ?? []) {
      if (v.detail !== use.detail || x.group !== e.group || !inApp.test(x.a.file)) continue;
      const path = route.path + (v.path ? `${v.path}/` : '');
      const found = this.viewClassChain(x, [v.view], true);
      if (!found) {
        const fn = x.links.functions.findIndex((f) => f.name === v.view && !f.owner);
        if (fn < 0) continue;
        const at = { e: x, range: x.links.functions[fn].range };
        out.push({ method: 'ANY', path, start: [{ e: x, fn }], handler: x === e ? at.range : undefined, elsewhere: x !== e ? at : undefined });
        continue;
      }
      for (const r of asViewRoutes(found.chain, {}, path, 'ANY')) {
        const at = viewCode(r, found.first);
        out.push({ ...r, handler: at?.e === e ? at.range : undefined, elsewhere: at && at.e !== e ? at : undefined });
      }
    }
    return out;
  }

  private modelViewsByModel?: Map<string, { x: Entry; v: ModelViewFact }[]>;

  /**
   * Whether the service's Django settings page DRF views (`DEFAULT_PAGINATION_CLASS` in `REST_FRAMEWORK`), once per
   * join: undefined when no settings module is in the workspace (it may live elsewhere, or be made at deploy time).
   */
  private drfPaged(group: string): boolean | undefined {
    if (!this.paged.has(group)) {
      let paged: boolean | undefined;
      for (const other of this.entries) {
        const settings = other.group === group ? other.links.djangoSettings : undefined;
        if (settings) paged = paged || settings.paged;
      }
      this.paged.set(group, paged);
    }
    return this.paged.get(group);
  }

  private readonly paged = new Map<string, boolean | undefined>();

  /**
   * The files of the service's `ROOT_URLCONF` modules (`plane.urls` is `…/plane/urls.py` or `…/plane/urls/__init__.py`),
   * once per join: undefined when no settings module in the workspace names one.
   */
  private rootUrlconfFiles(group: string): Set<string> | undefined {
    if (!this.rootUrlconfs.has(group)) {
      let files: Set<string> | undefined;
      for (const other of this.entries) {
        const module = other.group === group ? other.links.djangoSettings?.rootUrlconf : undefined;
        if (!module) continue;
        files ??= new Set();
        const path = module.replace(/\./g, '/');
        for (const e of this.entries) {
          if (e.group === group && e.family === 'python' && (`/${e.a.file}`.endsWith(`/${path}.py`) || `/${e.a.file}`.endsWith(`/${path}/__init__.py`))) files.add(e.a.file);
        }
      }
      this.rootUrlconfs.set(group, files);
    }
    return this.rootUrlconfs.get(group);
  }

  private readonly rootUrlconfs = new Map<string, Set<string> | undefined>();

  /**
   * What the middleware the service's Django settings list runs on each request, once per join: a class's
   * `__call__`, `process_request`, `process_view` and `process_response`, or the function a middleware factory returns
   * (`def timing(get_response): def middleware(request): …`). Django's own and other packages' are not in the workspace.
   */
  private djangoMiddleware(group: string): FnRef[] {
    let found = this.middleware.get(group);
    if (!found) {
      found = [];
      for (const settings of this.entries) {
        if (settings.group !== group) continue;
        for (const dotted of settings.links.djangoMiddleware ?? []) {
          const at = dotted.lastIndexOf('.');
          const name = dotted.slice(at + 1);
          const module = this.resolveModule(settings, dotted.slice(0, at));
          if (!module) continue;
          const fns = module.links.functions;
          const methods = fns.flatMap((f, fn) => (f.owner === name && MIDDLEWARE_METHODS.has(f.name) ? [fn] : []));
          const factory = methods.length ? undefined : fns.find((f) => f.name === name && !f.owner);
          const inner = factory ? fns.flatMap((f, fn) => (f !== factory && containsPosition(factory.range, f.range.start) ? [fn] : [])) : [];
          for (const fn of [...methods, ...inner]) found.push({ e: module, fn });
        }
      }
      this.middleware.set(group, found);
    }
    return found;
  }

  private readonly middleware = new Map<string, FnRef[]>();

  /**
   * What a Flask or Quart app runs before (and after) each route's handler, its hooks, and the middleware a FastAPI or
   * Starlette app runs around it (a class's `dispatch` or `__call__`, or an `@app.middleware("http")` function): the
   * service's app-wide ones, once per join, and the hooks of the route's own blueprint in its file.
   */
  private pythonRequestHooks(e: Entry, on: PythonRequestHook['on'], receiver: string | undefined, incoming: Map<string, { from: Entry; mount: MountFact }[]>): FnRef[] {
    const key = `${e.group}\u0000${on}`;
    let appWide = this.requestHooks.get(key);
    if (!appWide) {
      const hooks: { from: Entry; app?: string; refs: FnRef[] }[] = [];
      let apps = 0;
      for (const from of this.entries) {
        if (from.group !== e.group || from.test) continue;
        apps += (from.links.pythonApps ?? []).filter((k) => k === on).length;
        for (const hook of from.links.pythonRequestHooks ?? []) if (hook.on === on && !hook.blueprint) hooks.push({ from, app: hook.app, refs: this.hookTargets(from, hook) });
      }
      appWide = { hooks, apps };
      this.requestHooks.set(key, appWide);
    }
    // A service that makes two apps (a public one and an admin one): each app's hooks only on the routes of its file.
    // (Also the hooks of an app this route's router is included in, or mounted under: dispatch's `@api.middleware`
    // with `app.mount("/api/v1", app=api)`.)
    const above = appWide.apps > 1 && receiver !== undefined ? this.routersAbove(e, receiver, incoming).keys : undefined;
    const shared = appWide.apps > 1 ? appWide.hooks.filter((h) => h.from === e || (h.app !== undefined && above?.has(`${h.from.a.file}#${h.app}`))) : appWide.hooks;
    const own = receiver !== undefined ? this.blueprintHooks(e.group, on).get(this.blueprintKey(e, receiver)) : undefined;
    return [...shared.flatMap((h) => h.refs), ...(own ?? [])];
  }

  /**
   * A blueprint's own hooks, by the blueprint (`file#name` where it is made): those of its own module, and those another
   * module registers on it imported (privacyidea's api/before_after.py: `from .token import token_blueprint`, then
   * `@token_blueprint.before_request`). A test's only on a blueprint of its own.
   */
  private blueprintHooks(group: string, on: PythonRequestHook['on']): Map<string, FnRef[]> {
    const key = `${group}\u0000${on}`;
    let out = this.hooksByBlueprint.get(key);
    if (out) return out;
    out = new Map();
    for (const from of this.entries) {
      if (from.group !== group) continue;
      for (const hook of from.links.pythonRequestHooks ?? []) {
        if (hook.on !== on || hook.blueprint === undefined) continue;
        const blueprint = this.blueprintKey(from, hook.blueprint);
        if (from.test && !blueprint.startsWith(`${from.a.file}#`)) continue;
        const refs = out.get(blueprint) ?? [];
        refs.push(...this.hookTargets(from, hook));
        out.set(blueprint, refs);
      }
    }
    this.hooksByBlueprint.set(key, out);
    return out;
  }

  private readonly hooksByBlueprint = new Map<string, Map<string, FnRef[]>>();

  /** Where a blueprint a module names is made, `file#name`: its own, or the one it imports. */
  private blueprintKey(e: Entry, name: string): string {
    const t = importNamed(e.links, name.split('.')[0]) ? this.resolveMountTarget(e, { prefix: '', target: name.split('.') }) : undefined;
    return t ? `${t.e.a.file}#${t.name}` : `${e.a.file}#${name}`;
  }

  /**
   * The dependencies a FastAPI alias carries (FileLinks.fastapiAliases), where a handler's parameter is annotated with
   * it: an alias of this module, or one imported by name (dispatch's `from dispatch.auth.service import CurrentUser`).
   */
  private fastapiAliasDependencies(e: Entry, name: string): FnRef[] {
    let at: { e: Entry; name: string } | undefined = { e, name };
    if (!e.links.fastapiAliases?.[name]) {
      const imp = importNamed(e.links, name);
      at = imp ? this.resolveImport(e, imp.module, imp.imported) : undefined;
    }
    const depends = at?.e.links.fastapiAliases?.[at.name];
    if (!at || !depends) return [];
    const key = `${at.e.a.file}#${at.name}`;
    let refs = this.aliasDependencies.get(key);
    if (!refs) this.aliasDependencies.set(key, (refs = depends.flatMap((chain) => this.resolveCall(at.e, -1, chain))));
    return refs;
  }

  private readonly aliasDependencies = new Map<string, FnRef[]>();

  private readonly requestHooks = new Map<string, { hooks: { from: Entry; app?: string; refs: FnRef[] }[]; apps: number }>();

  /**
   * The routers and apps (`file#name`) a router is included in or mounted under, up to the app, with the FastAPI
   * dependencies they give its routes: an `include_router(r, dependencies=[…])` and an including router's own
   * `APIRouter(dependencies=[…])` (dispatch's `api_router.include_router(authenticated_api_router,
   * dependencies=[Depends(get_current_user)])`). A router made in another module is followed to it, as prefixesOf does.
   */
  private routersAbove(e: Entry, name: string, incoming: Map<string, { from: Entry; mount: MountFact }[]>, depth = 0): { keys: Set<string>; depends: FnRef[] } {
    if (this.aboveFor !== incoming) {
      this.aboveFor = incoming;
      this.above.clear();
    }
    const key = `${e.a.file}#${name}`;
    const cached = this.above.get(key);
    if (cached) return cached;
    const out = { keys: new Set([key]), depends: [] as FnRef[] };
    this.above.set(key, out);
    if (depth > 6) return out;
    const add = (at: Entry, router: string, chains: string[][] | undefined): void => {
      for (const chain of chains ?? []) out.depends.push(...this.resolveCall(at, -1, chain));
      const up = this.routersAbove(at, router, incoming, depth + 1);
      for (const k of up.keys) out.keys.add(k);
      out.depends.push(...up.depends);
      // (Its own dependencies: the route's own router's are the route's already, see pythonRoutes.)
      for (const chain of at.links.routerDependencies?.[router] ?? []) out.depends.push(...this.resolveCall(at, -1, chain));
    };
    const mounts = incoming.get(key);
    if (!mounts) {
      const imp = importNamed(e.links, name);
      const t = imp ? this.resolveImport(e, imp.module, imp.imported) : undefined;
      if (t && t.e !== e) add(t.e, t.name, undefined);
      return out;
    }
    for (const { from, mount } of mounts) {
      if (mount.own) continue;
      if (mount.receiver !== undefined) add(from, mount.receiver, mount.alsoChains);
      else for (const chain of mount.alsoChains ?? []) out.depends.push(...this.resolveCall(from, -1, chain));
    }
    return out;
  }

  private aboveFor?: Map<string, { from: Entry; mount: MountFact }[]>;
  private readonly above = new Map<string, { keys: Set<string>; depends: FnRef[] }>();

  /**
   * NestJS: what runs around a route's handler besides it: the guards' `canActivate`, the interceptors' `intercept`, the
   * pipes' `transform` its method and controller are decorated with, and those the app gives every route (`APP_GUARD`,
   * `useGlobalGuards`), with the middleware's `use` a module applies to all routes or to the route's controller.
   */
  private nestEnhancers(e: Entry, link: RouteLink | undefined): FnRef[] {
    let app = this.nestApp.get(e.group);
    if (!app) {
      app = new Map();
      for (const from of this.entries) {
        if (from.group !== e.group || from.test) continue;
        for (const { target, controller } of from.links.nestAppEnhancers ?? []) for (const ref of this.enhancerMethods(from, target)) pushTo(app, controller ?? '', ref);
      }
      this.nestApp.set(e.group, app);
    }
    const own = (link?.nestEnhancers ?? []).flatMap((target) => this.enhancerMethods(e, target));
    // Those a decorator of the handler or controller applies (`@RequiresScope(…)`, made with `UseGuards(…)`), named
    // where that decorator is made.
    if (link?.nestMarks?.length) {
      const { makers, madeIn } = this.nestMakersOf(e.group);
      const applied = (name: string, depth: number): void => {
        for (const key of makers.get(name) ?? []) {
          if (key.startsWith('use:')) own.push(...this.enhancerMethods(madeIn.get(name)!, key.slice(4)));
          else if (key.startsWith('@') && depth < 4) applied(key.slice(1), depth + 1);
        }
      };
      for (const mark of link.nestMarks) if (!mark.includes('SetMetadata:')) applied(mark.startsWith('class:') ? mark.slice(6) : mark, 0);
    }
    const all = [...(app.get('') ?? []), ...((link?.controller && app.get(link.controller)) || []), ...own];
    return all.flatMap(({ ref, gate }) => (!gate || this.passesGate(e.group, gate, link) ? [ref] : []));
  }

  private readonly nestApp = new Map<string, Map<string, GatedRef[]>>();

  /**
   * Whether the work past a guard's gate runs on this route: its metadata key set by the handler's decorators (or the
   * controller's, where the gate reads them), as its runsWhen asks. A key no decorator of the service sets (a
   * package's) is not judged: the guard counts, as it did before it was read.
   */
  private passesGate(group: string, gate: NestGate, link: RouteLink | undefined): boolean {
    const { makers, known, keyOf } = this.nestMakersOf(group);
    const key = keyOf(gate.key);
    if (!known.has(key)) return true;
    // A maker's keys, and those of the makers it is made of (`@Roles` in Auth's), a few deep.
    const sets = (name: string, depth: number): boolean =>
      (makers.get(name) ?? []).some((k) => keyOf(k) === key || (k.startsWith('@') && depth < 4 && sets(k.slice(1), depth + 1)));
    const set = (link?.nestMarks ?? []).some((mark) => {
      const onClass = mark.startsWith('class:');
      if (onClass ? !gate.cls : !gate.handler) return false;
      const name = onClass ? mark.slice(6) : mark;
      return name.startsWith('SetMetadata:') ? keyOf(name.slice(12)) === key : sets(name, 0);
    });
    return gate.runsWhen === 'set' ? set : !set;
  }

  /** A service's NestJS decorator makers (FileLinks.nestMetadataDecorators), the file each is made in, and the metadata keys any sets. */
  private nestMakersOf(group: string): NestMakers {
    let found = this.nestMakers.get(group);
    if (!found) {
      const makers = new Map<string, string[]>();
      const madeIn = new Map<string, Entry>();
      // A key written as a constant is the string the service's one constant of that name holds (`ROLES_KEY` is
      // `'roles'`, as `@SetMetadata('roles', …)` writes it); a name two files give different strings stays a name.
      const values = new Map<string, string | null>();
      const inService = this.entries.filter((o) => (o.group === group || o.group === '') && !o.test);
      for (const o of inService) {
        if (o.family !== 'js') continue;
        for (const [name, value] of Object.entries(o.links.constants ?? {})) values.set(name, values.has(name) && values.get(name) !== value ? null : value);
      }
      const keyOf = (key: string) => {
        const value = /^[A-Za-z_$][\w$]*$/.test(key) ? values.get(key) : undefined;
        return typeof value === 'string' ? `'${value}'` : key;
      };
      const known = new Set<string>();
      for (const o of inService) {
        for (const [name, keys] of Object.entries(o.links.nestMetadataDecorators ?? {})) {
          if (!madeIn.has(name)) madeIn.set(name, o);
          for (const key of keys) {
            pushTo(makers, name, key);
            if (!key.startsWith('@') && !key.startsWith('use:')) known.add(keyOf(key));
          }
        }
        for (const r of o.links.routeLinks) for (const m of r?.nestMarks ?? []) if (m.includes('SetMetadata:')) known.add(keyOf(m.slice(m.indexOf('SetMetadata:') + 12)));
      }
      this.nestMakers.set(group, (found = { makers, madeIn, known, keyOf }));
    }
    return found;
  }

  private readonly nestMakers = new Map<string, NestMakers>();

  /**
   * Java: what the service's servlet filters (`doFilter`, `doFilterInternal`), Spring interceptors (`preHandle`,
   * `postHandle`, `afterCompletion`) and WebFlux filters (`filter`) run on every request, once per join: a filter that
   * is a bean or that the service registers (`addFilterBefore(jwtFilter, …)`, a `FilterRegistrationBean`), an
   * interceptor it registers for every path. (A security filter loading the user for each request, RuoYi's
   * `JwtAuthenticationTokenFilter`.)
   */
  private javaFilters(group: string): { every: FnRef[]; paths: { paths: JavaFilterPaths; refs: FnRef[] }[] } {
    let found = this.filtersOf.get(group);
    if (!found) {
      found = { every: [], paths: [] };
      // The service's own files and the shared modules it may use (a `mall-security` module beside the services).
      const inGroup = this.entries.filter((o) => (o.group === group || o.group === '') && !o.test && o.family === 'java');
      const registered = new Set(inGroup.flatMap((o) => o.links.javaFilterRegistrations?.every ?? []).map((n) => n.toLowerCase()));
      const limited = new Map<string, JavaFilterPaths[]>();
      for (const o of inGroup) for (const p of o.links.javaFilterRegistrations?.paths ?? []) pushTo(limited, p.name.toLowerCase(), p);
      for (const o of inGroup) {
        for (const f of o.links.javaFilters ?? []) {
          const name = f.cls.toLowerCase();
          const refs = o.links.functions.flatMap((g, fn) => (g.owner === f.cls && FILTER_METHODS.has(g.name) ? [{ e: o, fn }] : []));
          // A filter bean runs on every request unless its registration limits it to some paths.
          const paths = limited.get(name);
          if (paths) for (const p of paths) found.paths.push({ paths: p, refs });
          else if ((f.bean && !f.interceptor) || registered.has(name)) found.every.push(...refs);
        }
      }
      this.filtersOf.set(group, found);
    }
    return found;
  }

  private readonly filtersOf = new Map<string, { every: FnRef[]; paths: { paths: JavaFilterPaths; refs: FnRef[] }[] }>();

  /** The methods of an enhancer class (named where `at` names it) that Nest calls on each request. */
  private enhancerMethods(at: Entry, cls: string, depth = 0): GatedRef[] {
    // (Asked by each route of a controller: once per file and name.)
    const key = `${at.a.file}#${cls}`;
    let found = this.enhancers.get(key);
    if (!found) {
      this.enhancers.set(key, []); // (a class that extends itself through others adds nothing)
      found = this.enhancerMethodsUncached(at, cls);
      // A guard that inherits what Nest calls (`class AdminGuard extends JwtAuthGuard`): its project's base's.
      if (!found.length && depth < 3) found = (this.basesOf.get(cls) ?? []).flatMap((base) => this.enhancerMethods(at, base, depth + 1));
      this.enhancers.set(key, found);
    }
    return found;
  }

  private readonly enhancers = new Map<string, GatedRef[]>();

  private enhancerMethodsUncached(at: Entry, cls: string): GatedRef[] {
    // Passport's `AuthGuard('jwt')`: the strategy's verify function (a NestJS strategy's `validate`).
    if (cls.startsWith('passport:')) return this.inService(at.group, cls, () => this.resolveCall(at, -1, [cls])).map((ref) => ({ ref }));
    // (`defaultAuthGuard.DefaultAuthGuard`: the class of the module imported whole as `defaultAuthGuard`.)
    const t = this.resolveMountTarget(at, { prefix: '', target: cls.split('.') });
    let holders = t && t.e.links.functions.some((f) => f.owner === t.name) ? [t] : [];
    // Else the service's class of that name, when the import is of the project's own code through a monorepo's path
    // alias the join does not read (postiz's `@gitroom/backend/services/auth/permissions/permissions.guard`), or a
    // guard made of Passport's with no method of its own; not a package's (`@nestjs/throttler`'s ThrottlerGuard).
    const module = importNamed(at.links, cls)?.module;
    if (!holders.length && !(module && PACKAGE_ROOT.test(module))) {
      holders = this.inService(at.group, `class:${cls}`, () =>
        this.entries.filter((o) => o.group === at.group && !o.test && (o.links.nestAuthGuards?.[cls] || o.links.functions.some((f) => f.owner === cls && ENHANCER_METHODS.has(f.name)))).map((o) => ({ e: o, fn: -1 })),
      ).map((r) => ({ e: r.e, name: cls }));
    }
    return holders.flatMap(({ e: o, name }) => {
      const methods = o.links.functions.flatMap((f, fn) => (f.owner === name && ENHANCER_METHODS.has(f.name) ? [{ e: o, fn }] : []));
      const strategy = o.links.nestAuthGuards?.[name];
      // (A JWT guard's gate, `if (isPublic) return true; return super.canActivate(context)`, is its strategy's too.)
      const gate = o.links.nestGates?.[name];
      return (strategy ? [...methods, ...this.inService(o.group, strategy, () => this.resolveCall(o, -1, [strategy]))] : methods).map((ref) => (gate ? { ref, gate } : { ref }));
    });
  }

  /** A lookup over a service's files, once per join and service. */
  private inService(group: string, key: string, find: () => FnRef[]): FnRef[] {
    const k = `${group}\u0000${key}`;
    let found = this.serviceLookups.get(k);
    if (!found) this.serviceLookups.set(k, (found = find()));
    return found;
  }

  private readonly serviceLookups = new Map<string, FnRef[]>();

  /** A hook's function, or its middleware class's methods that run per request. */
  private hookTargets(e: Entry, hook: PythonRequestHook): FnRef[] {
    const t = this.resolveMountTarget(e, { prefix: '', target: hook.target });
    if (!t) return [];
    const fns = t.e.links.functions;
    const methods = fns.flatMap((f, fn) => (f.owner === t.name && ASGI_METHODS.has(f.name) ? [{ e: t.e, fn }] : []));
    if (methods.length) return methods;
    // The module's function of that name (not a class's method of the same name).
    const fn = fns.findIndex((f) => f.name === t.name && !f.owner);
    return fn >= 0 ? [{ e: t.e, fn }] : [];
  }

  /**
   * JavaScript: the functions `use(…)` registers on a router or app before a route (or before the mount of the router
   * that holds it), and on what that is mounted under in turn: Express, Koa, restify and Hono run them on each request
   * to the route (an app's `loadUser` that reads the session's user). One given a prefix (`app.use('/orders', audit,
   * orders)`, Hono's `app.use('/api/*', audit)`) runs under it. One a factory makes (`app.use(requireTenant('acme'))`)
   * is named by the factory, whose returned closure the route's path follows. Not one registered after the route (a
   * not-found or error handler), nor one on a function's own router or parameter of the same name in another function
   * (the module's own app is one object wherever it is used), nor a function that registers routes itself
   * (`app.use(apiRouter())`: a router, not middleware).
   */
  private jsMiddleware(e: Entry, receiver: string, at: Position, moduleReceiver: boolean, path: string, incoming: Map<string, { from: Entry; mount: MountFact }[]>, depth: number): FnRef[] {
    if (depth > 6 || !this.middlewareAbove(e, receiver, incoming, depth)) return [];
    const out: FnRef[] = [];
    let scope: number | undefined;
    for (const { m, targets } of this.middlewareOf(e)) {
      if (m.receiver !== receiver || m.line! > at.line) continue;
      // The module's own app is one object wherever it is used; a function's local or parameter only within it.
      scope ??= Number.isFinite(at.line) ? innermostFunction(e.links, at) : -2;
      if (scope !== -2 && !(moduleReceiver && m.moduleReceiver) && innermostFunction(e.links, { line: m.line!, character: m.character ?? 0 }) !== scope) continue;
      const prefix = m.prefix.replace(/\/?\*$/, '').replace(/\/$/, '');
      if (prefix && path !== prefix && !path.startsWith(`${prefix}/`)) continue;
      out.push(...targets);
    }
    const mounts = incoming.get(`${e.a.file}#${receiver}`);
    if (mounts) {
      for (const { from, mount } of mounts) {
        if (!mount.own && mount.receiver !== undefined && mount.line !== undefined) out.push(...this.jsMiddleware(from, mount.receiver, { line: mount.line, character: mount.character ?? 0 }, !!mount.moduleReceiver, joinMount(mount.prefix, path, ''), incoming, depth + 1));
      }
    } else {
      // A router made in another module and imported here to register routes on: what is used on it there.
      const t = this.importedReceiver(e, receiver);
      if (t) out.push(...this.jsMiddleware(t.e, t.name, { line: Infinity, character: 0 }, true, path, incoming, depth + 1));
    }
    return out;
  }

  /**
   * Go: the middleware that runs before a route registered on router or group `name` at `at` (GoRoutingFact): what is
   * used on it before, in the same function; then what the router it was made from had when it was made
   * (`v1 := r.Group("/v1")`, a chi callback's router); then, for a function's parameter, what each caller's router
   * had where it was handed (`router.InitUserRouter(privateGroup)` after `privateGroup.Use(middleware.JWTAuth())`).
   * A middleware factory (`middleware.JWTAuth()`) is followed into the closure it returns, as a route's path is.
   */
  private goMiddleware(e: Entry, name: string, at: Position, framework: string, depth: number): FnRef[] {
    const facts = e.links.goRouting ?? [];
    if ((!facts.length && !name.startsWith('*')) || depth > 6) return [];
    // (Each route of a function given a router asks again for what its callers' routers had.)
    const key = `${e.a.file}#${name}@${at.line}:${at.character}/${framework}/${depth}`;
    let found = this.goMiddlewareAt.get(key);
    if (!found) this.goMiddlewareAt.set(key, (found = this.goMiddlewareUncached(e, facts, name, at, framework, depth)));
    return found;
  }

  private readonly goMiddlewareAt = new Map<string, FnRef[]>();

  private goMiddlewareUncached(e: Entry, facts: GoRoutingFact[], name: string, at: Position, framework: string, depth: number): FnRef[] {
    if (name.startsWith('*')) return this.goFieldMiddleware(e, name, at, framework);
    // The name as the innermost function around `at` that says anything of it knows it (a chi callback's `r` hides
    // the `r` of the function it is written in); package level (no `within`) is the outermost.
    let within: Range | undefined;
    let found = false;
    for (const f of facts) {
      if (f.name !== name || f.kind === 'hand' || (f.within && !containsPosition(f.within, at))) continue;
      if (!found || (f.within && (!within || notAfter(within.start, f.within.start)))) within = f.within;
      found = true;
    }
    if (!found) return [];
    const inScope = (f: GoRoutingFact) => f.name === name && f.kind !== 'hand' && sameScope(f.within, within);
    // The router or group the name was last made as before `at` (`g := r.Group(…)`, a parameter): what was used on the
    // name before that was another group's.
    let made: GoRoutingFact | undefined;
    for (const f of facts) if (inScope(f) && (f.kind === 'from' || f.kind === 'param') && notAfter(f, at) && (!made || notAfter(made, f))) made = f;
    const scope = innermostFunction(e.links, at);
    // A wrapper serves the router, whatever was registered on it after; so does the middleware a gorilla/mux router or
    // an echo app (`echo.New()`) is given, which they add on each request; gin, chi and echo's groups give a route what
    // was used before it was registered.
    const anyOrder = framework === 'gorilla/mux' || (framework === 'echo' && made?.kind === 'from' && made.from === '');
    const out: FnRef[] = [];
    for (const f of facts) {
      if (!inScope(f) || (made && !notAfter(made, f))) continue;
      if (f.kind === 'wrap' || (f.kind === 'use' && (anyOrder || notAfter(f, at)))) out.push(...this.goMiddlewareTargets(e, f, scope));
    }
    // The router handed, before the route, to a function that uses middleware on it (`setupMiddleware(r)`); not a group
    // made of it as it is handed (alist's `WebDav(g.Group("/dav"))`, whose `dav.Use(WebDAVAuth)` is on that group only).
    for (const f of facts) {
      if (f.kind === 'hand' && !f.group && f.name === name && sameScope(f.within, within) && (anyOrder || notAfter(f, at)) && !(made && !notAfter(made, f))) out.push(...this.usedByCallee(e, f));
    }
    if (made?.kind === 'from' && made.from) out.push(...this.goMiddleware(e, made.from, { line: made.fromLine, character: made.fromCharacter }, framework, depth + 1));
    else if (made?.kind === 'param') {
      // (The function that has the parameter: the route may be in a closure of it.)
      const taker = innermostFunction(e.links, made);
      for (const h of this.handedTo(e, taker)) {
        if (h.fact.argument !== made.param) continue;
        out.push(...this.goMiddleware(h.from, h.fact.name, h.fact, framework, depth + 1));
        if (h.fact.targets) out.push(...this.goMiddlewareTargets(h.from, h.fact, innermostFunction(h.from.links, h.fact)));
      }
    }
    return out;
  }

  /**
   * A router kept in a field of a type (`*server.router`, see goRoutes' fieldRouterChain): the middleware used on it
   * in any method of the package. Used in another method, in any order (the type's setup methods run before it
   * serves); in the route's own, as the router takes it: gin's and Fiber's only on the routes registered after it,
   * chi's (which refuses middleware after a route), gorilla/mux's and echo's on all.
   */
  private goFieldMiddleware(e: Entry, name: string, at: Position, framework: string): FnRef[] {
    const key = `${e.dir}\u0000${name}`;
    let uses = this.goFieldUses.get(key);
    if (!uses) {
      uses = [];
      for (const o of this.byDir.get(e.dir) ?? [e]) {
        if (o.test) continue;
        for (const f of o.links.goRouting ?? []) if (f.name === name && (f.kind === 'use' || f.kind === 'wrap')) uses.push({ o, f, fn: innermostFunction(o.links, f) });
      }
      this.goFieldUses.set(key, uses);
    }
    const anyOrder = framework === 'chi' || framework === 'gorilla/mux' || framework === 'echo';
    const routeFn = anyOrder ? -1 : innermostFunction(e.links, at);
    return uses.flatMap(({ o, f, fn }) => (!anyOrder && o === e && fn === routeFn && f.kind === 'use' && !notAfter(f, at) ? [] : this.goMiddlewareTargets(o, f, fn)));
  }

  private readonly goFieldUses = new Map<string, { o: Entry; f: Extract<GoRoutingFact, { kind: 'use' | 'wrap' }>; fn: number }[]>();

  /** The functions a `use` fact (or a hand-over's group made in place) names (a factory's closures are reached from it), once per fact. */
  private goMiddlewareTargets(e: Entry, f: Extract<GoRoutingFact, { kind: 'use' | 'wrap' | 'hand' }>, scope: number): FnRef[] {
    let sites = GO_USE_SITES.get(f);
    if (!sites) GO_USE_SITES.set(f, (sites = (f.targets ?? []).map((chain) => ({ chain }))));
    const out = sites.flatMap((site) => this.resolveCall(e, scope, site.chain, site));
    if (f.kind === 'wrap') for (const type of f.types ?? []) out.push(...this.goTypedMethods(e, type, 'ServeHTTP'));
    return out;
  }

  /** Where routers are handed to a function (`hand` facts), by the function, once per join. */
  private handedTo(e: Entry, fn: number): { from: Entry; fact: Extract<GoRoutingFact, { kind: 'hand' }> }[] {
    if (!this.handed) {
      this.handed = new Map();
      for (const from of this.entries) {
        if (from.test || !from.links.goRouting) continue;
        for (const fact of from.links.goRouting) {
          if (fact.kind === 'hand') for (const ref of this.handedTargets(from, fact)) pushTo(this.handed!, `${ref.e.a.file}#${ref.fn}`, { from, fact });
        }
      }
    }
    return this.handed.get(`${e.a.file}#${fn}`) ?? [];
  }

  private handed?: Map<string, { from: Entry; fact: Extract<GoRoutingFact, { kind: 'hand' }> }[]>;

  /** The functions a router is handed to (a `hand` fact), once per join. */
  private handedTargets(from: Entry, fact: Extract<GoRoutingFact, { kind: 'hand' }>): FnRef[] {
    let refs = this.handedRefs.get(fact);
    if (refs) return refs;
    // (1Panel's `router.InitRouter(PrivateGroup)` for each value of a list: the method of each type it lists.)
    const listed = fact.listedValues ? this.goListedMethods(from, fact.listedValues, fact.target[fact.target.length - 1]) : [];
    if (listed.length) {
      this.handedRefs.set(fact, listed);
      return listed;
    }
    const t = this.resolveMountTarget(from, { prefix: '', target: fact.target, ...(fact.targetType ? { targetType: fact.targetType } : {}) });
    refs = (t ? this.goTypeFiles(t) : []).flatMap(({ e: at, name }) => at.links.functions.flatMap((g, fn) => (g.name === name ? [{ e: at, fn }] : [])));
    // Methods of one name on several types: the one of the value's type, when the call says it; else none is sure.
    if (refs.length > 1) {
      const owner = fact.targetType?.replace(/^\*/, '').split('.').pop();
      refs = refs.filter((r) => r.e.links.functions[r.fn].owner === owner);
    }
    // A method of a value whose type the call does not show (gin-vue-admin's `systemRouter.InitUserRouter(
    // PrivateGroup)`, `systemRouter` a field of a package variable's field): the one function of the service of
    // that name that takes a router. (Not a function of a package outside the workspace: `pprof.Register(debug)`.)
    const imported = importNamed(from.links, fact.target[0]);
    if (!refs.length && !(imported && this.goImportDir(imported.module) === undefined)) {
      const takers = this.routerTakers(from.group).get(fact.target[fact.target.length - 1]);
      if (takers?.length === 1) refs = takers;
    }
    this.handedRefs.set(fact, refs);
    return refs;
  }

  private readonly handedRefs = new Map<GoRoutingFact, FnRef[]>();

  /**
   * The middleware a function a router is handed to uses on it (`setupMiddleware(r)` with `func setupMiddleware(r
   * *gin.Engine) { r.Use(cors(), audit()) }`): on the router itself, for the routes registered on it after the call.
   */
  private usedByCallee(from: Entry, fact: Extract<GoRoutingFact, { kind: 'hand' }>): FnRef[] {
    const out: FnRef[] = [];
    for (const ref of this.handedTargets(from, fact)) {
      const facts = ref.e.links.goRouting ?? [];
      const param = facts.find((f) => f.kind === 'param' && f.param === fact.argument && innermostFunction(ref.e.links, f) === ref.fn);
      if (!param) continue;
      for (const f of facts) if (f.kind === 'use' && f.name === param.name && sameScope(f.within, param.within)) out.push(...this.goMiddlewareTargets(ref.e, f, ref.fn));
    }
    return out;
  }

  /** Go: the functions of a service that take a router or group (a `param` fact), by name, once per join and service. */
  private routerTakers(group: string): Map<string, FnRef[]> {
    let found = this.takers.get(group);
    if (!found) {
      found = new Map();
      for (const e of this.entries) {
        if (e.group !== group || e.test || !e.links.goRouting) continue;
        const fns = new Set(e.links.goRouting.flatMap((f) => (f.kind === 'param' ? [innermostFunction(e.links, f)] : [])));
        for (const fn of fns) if (fn >= 0) pushTo(found, e.links.functions[fn].name, { e, fn });
      }
      this.takers.set(group, found);
    }
    return found;
  }

  private readonly takers = new Map<string, Map<string, FnRef[]>>();

  /** Whether any file of the workspace registers middleware with `use(…)`, once per join (most routes then ask no more). */
  private anyJsMiddleware(): boolean {
    this.jsMiddlewareAnywhere ??= this.entries.some((e) => e.family === 'js' && this.middlewareOf(e).length > 0);
    return this.jsMiddlewareAnywhere;
  }

  private jsMiddlewareAnywhere?: boolean;

  /**
   * Whether a receiver, or what it is mounted under, has any middleware at all, whatever the routes' lines and paths:
   * once per join and receiver, so that the routes of a service without any ask no more.
   */
  private middlewareAbove(e: Entry, receiver: string, incoming: Map<string, { from: Entry; mount: MountFact }[]>, depth: number): boolean {
    const key = `${e.a.file}#${receiver}`;
    let found = this.withMiddleware.get(key);
    if (found === undefined) {
      this.withMiddleware.set(key, false); // (a cycle of mounts adds nothing)
      const mounts = incoming.get(key);
      const imported = mounts ? undefined : this.importedReceiver(e, receiver);
      found =
        depth <= 6 &&
        (this.middlewareOf(e).some(({ m }) => m.receiver === receiver) ||
          (mounts ?? []).some(({ from, mount }) => !mount.own && mount.receiver !== undefined && mount.line !== undefined && this.middlewareAbove(from, mount.receiver, incoming, depth + 1)) ||
          (!!imported && this.middlewareAbove(imported.e, imported.name, incoming, depth + 1)));
      this.withMiddleware.set(key, found);
    }
    return found;
  }

  private readonly withMiddleware = new Map<string, boolean>();

  /** The module and name a file imports a receiver from (another file's), once per join: each route of the file asks. */
  private importedReceiver(e: Entry, receiver: string): { e: Entry; name: string } | undefined {
    const key = `${e.a.file}#${receiver}`;
    let found = this.importedReceivers.get(key);
    if (found === undefined) {
      const imp = importNamed(e.links, receiver);
      const t = imp ? this.resolveImport(e, imp.module, imp.imported) : undefined;
      this.importedReceivers.set(key, (found = t && t.e !== e ? t : null));
    }
    return found ?? undefined;
  }

  private readonly importedReceivers = new Map<string, { e: Entry; name: string } | null>();

  /**
   * A file's `use(…)` calls that register middleware, with the functions they land on, once per join: a service's app
   * mounts hundreds of routers, and each of its routes asks (a router is no function of the workspace).
   */
  private middlewareOf(e: Entry): { m: MountFact; targets: FnRef[] }[] {
    let found = this.middlewareByFile.get(e);
    if (!found) {
      found = [];
      for (const m of e.links.mounts) {
        if (m.line === undefined || m.receiver === undefined || m.module || m.own || m.argument !== undefined) continue;
        let site = MOUNT_SITES.get(m);
        if (!site) MOUNT_SITES.set(m, (site = { chain: m.target }));
        const targets = this.resolveCall(e, -1, m.target, site).filter((t) => !this.registersRoutes(t));
        if (targets.length) found.push({ m, targets });
      }
      this.middlewareByFile.set(e, found);
    }
    return found;
  }

  private readonly middlewareByFile = new Map<Entry, { m: MountFact; targets: FnRef[] }[]>();

  /** A function in which routes are registered or routers mounted (a router factory, `(app) => { app.get(…) }`). */
  /**
   * net/http: the handler a registration hands over is made by a function of the workspace that registers routes
   * and returns a value (called there, `api.NewHandler()`, which reads as the handler itself; not a handler that
   * dispatches by hand, ntfy's `s.handle`, whose branches are routes but which is no router).
   */
  /** chi's Mount of a value that serves requests itself: its maker returns a workspace type with ServeHTTP and registers no routes. */
  private goServesItself(e: Entry, link: RouteLink): boolean {
    return this.resolveCall(e, -1, link.handlerChain ?? []).some((r) => {
      const returns = r.e.family === 'go' ? r.e.links.functions[r.fn].returns : undefined;
      // (Not one whose ServeHTTP dispatches by hand, drone's rpc v1 `switch r.URL.Path`: those branches are its routes.)
      const serving = returns !== undefined && !this.registersRoutes(r) ? this.methodsOfReturned(r.e, returns, 'ServeHTTP') : [];
      return serving.length > 0 && !serving.some((m) => this.registersRoutes(m) || this.goPackageRoutes(m.e));
    });
  }

  /**
   * Go: the package of a type with ServeHTTP registers routes (not the one-route mounts of such values): its ServeHTTP
   * forwards to a router built there (a wrapper's `h.router = h.routes()`, `h.router.ServeHTTP(w, r)`), whose routes
   * are those served, not one at the prefix. (drone's metric package routes nothing: its Server is the handler.)
   */
  private goPackageRoutes(e: Entry): boolean {
    return (this.byDir.get(e.dir) ?? [e]).some((x) => x.family === 'go' && x.a.routes.some((_, k) => !x.links.routeLinks[k]?.goMountedHandler));
  }

  private goRouterHandedOn(e: Entry, link: RouteLink): boolean {
    const makers = [link.handlerChain, link.handlerFactory, ...(link.goMadeBy ?? [])];
    return makers.some((chain) => chain && this.resolveCall(e, -1, chain).some((r) => r.e.family === 'go' && r.e.links.functions[r.fn].returns !== undefined && this.registersRoutes(r)));
  }

  private registersRoutes(ref: FnRef): boolean {
    const range = ref.e.links.functions[ref.fn].range;
    return ref.e.a.routes.some((r) => containsPosition(range, r.declaration.start)) || ref.e.links.mounts.some((m) => m.line !== undefined && containsPosition(range, { line: m.line, character: m.character ?? 0 }));
  }

  /**
   * A Django URL module the root URLconf reaches through `include(…)`, or any when the service's settings name no root
   * found in the workspace.
   */
  private servedUrlModule(e: Entry): boolean {
    const roots = this.rootUrlconfFiles(e.group);
    if (!roots?.size) return true;
    let served = this.servedUrls.get(e.group);
    if (!served) {
      served = new Set(roots);
      const frontier = this.entries.filter((x) => x.group === e.group && roots.has(x.a.file));
      while (frontier.length) {
        const from = frontier.pop()!;
        for (const mount of from.links.mounts) {
          if (!mount.module && !mount.django) continue;
          const t = this.resolveMountTarget(from, mount);
          if (t && !served.has(t.e.a.file)) {
            served.add(t.e.a.file);
            frontier.push(t.e);
          }
        }
      }
      this.servedUrls.set(e.group, served);
    }
    return served.has(e.a.file);
  }

  private readonly servedUrls = new Map<string, Set<string>>();

  /** A URL module the service's settings do not name as the root (when they name one found in the workspace). */
  private unservedUrlModule(e: Entry): boolean {
    const roots = this.rootUrlconfFiles(e.group);
    return !!roots?.size && !roots.has(e.a.file);
  }

  /**
   * What an endpoint of this file runs (GraphQL resolvers, MCP tools, Gradio handlers): those of its service (and of shared code),
   * outside tests, wherever they are written. Once per join, service and API.
   */
  private servedOf(e: Entry, api: ServedApi): FnRef[] {
    const key = `${e.group}\u0000${api}`;
    let found = this.served.get(key);
    if (!found) {
      found = [];
      // (An API of any operation, `trpc` or `orpc`, runs those of each of its kinds, `trpc-query`, `orpc-GET`.)
      const serves = (served: ServedApi | undefined) => served === api || ((api === 'trpc' || api === 'orpc') && !!served?.startsWith(`${api}-`));
      for (const other of this.entries) {
        if (other.test || !sharedWith(other, e)) continue;
        other.links.functions.forEach((f, fn) => {
          if (serves(f.servedBy)) found!.push({ e: other, fn });
        });
        // Named where they are registered, written in another module (oRPC's `.handler(handleGetFolder)`).
        for (const named of other.links.servedChains ?? []) if (serves(named.api)) found.push(...this.resolveCall(other, -1, named.chain));
      }
      this.served.set(key, found);
    }
    return found;
  }

  private readonly served = new Map<string, FnRef[]>();

  /**
   * A Python view class and the workspace classes it extends, with the methods each defines (see
   * routes/viewClassRoutes.ts). Undefined when the class is not found: its routes stay ANY.
   */
  private viewClassChain(e: Entry, chain: string[], frameworkViews: boolean): { chain: ClassChain<FnRef>; first?: ClassAt<Entry>; visited: ClassAt<Entry>[] } | undefined {
    const find = (from: Entry, names: string[]): ClassAt<Entry> | undefined => {
      const t = this.resolveMountTarget(from, { prefix: '', target: names });
      if (!t) return undefined;
      const fact = t.e.links.viewClasses?.[t.name];
      if (fact) return { at: t.e, name: t.name, fact };
      // A class of the workspace in a module that names no view (plane's `BasePaginator` in utils/paginator.py, a base
      // of its API views): it brings its own methods and no framework's, so the view's methods stay known.
      const method = t.e.family === 'python' ? t.e.links.functions.find((f) => f.owner === t.name) : undefined;
      return method ? { at: t.e, name: t.name, fact: { bases: [], range: method.range, actions: [] } } : undefined;
    };
    const methods = (c: ClassAt<Entry>) => c.at.links.functions.flatMap((f, fn): [string, FnRef][] => (f.owner === c.name ? [[f.name, { e: c.at, fn }]] : []));
    return classChain(e, chain, find, methods, frameworkViews);
  }

  /** Mount targets resolved to `file#name` (a router variable or a function), with where they are mounted. */
  private incomingMounts(): Map<string, { from: Entry; mount: MountFact }[]> {
    const out = new Map<string, { from: Entry; mount: MountFact }[]>();
    const developmentOnly = new Set<string>();
    const parameterTargets: { from: Entry; mount: MountFact }[] = [];
    this.autoloads = [];
    for (const e of this.entries) {
      // A test wires routers its own way (`UsersRegister(r.Group("/users"))` without the app's `/api`): its mounts
      // never give production paths.
      if (e.test) continue;
      for (let mount of e.links.mounts) {
        // A blueprint a call makes (rotki's `create_blueprint(self._api_prefix)`): under the prefix that function gives it.
        if (mount.madeBy) {
          const made = this.madeBlueprint(e, mount);
          if (!made) continue;
          mount = made;
        }
        // Django: a URLconf that ROOT_URLCONF does not reach (Misago's test project's `path("forum/", include(…))`).
        if (e.family === 'python' && (mount.module || mount.django) && !this.servedUrlModule(e)) continue;
        if (mount.folder) {
          this.autoloads.push({ from: e, mount, dir: normalise(`${e.dir}/${mount.target[0]}`) });
          continue;
        }
        if (mount.through && !this.goMountHelper(e.group, mount.through)) continue;
        if (mount.parameterTarget !== undefined) {
          parameterTargets.push({ from: e, mount });
          continue;
        }
        // Go: each function of a list the package fills (go-admin's `routerCheckRole`), in whichever of its files.
        const targets = mount.hook
          ? this.pluginHookTargets(e, mount.hook)
          : mount.listed
            ? (this.byDir.get(e.dir) ?? []).filter((x) => !x.test).flatMap((x) => x.links.goFunctionLists?.[mount.target[0]] ?? []).map((name) => this.resolveMountTarget(e, { ...mount, listed: undefined, target: name.split('.') }))
            : (this.goListedTargets(e, mount) ?? [this.resolveMountTarget(e, mount)]);
        if (!targets.some((t) => t)) continue;
        const prefix = this.writtenPrefix(e, mount);
        const incoming = { from: e, mount: prefix !== mount.prefix ? { ...mount, prefix } : mount };
        for (const t of targets.flatMap((target) => (target ? this.goTypeFiles(target) : []))) {
          // Handed to a function as argument k: mounted on that function's parameter k (routeCollector.enclosingNames).
          const key = `${t.e.a.file}#${t.name}${mount.argument !== undefined ? `(${mount.argument})` : ''}`;
          if (mount.developmentOnly) {
            developmentOnly.add(key);
            continue;
          }
          const list = out.get(key) ?? [];
          list.push(incoming);
          out.set(key, list);
        }
      }
    }
    // A function's parameter mounted (MountFact.parameterTarget): each router or blueprint a call hands it, as that
    // call names it (tracecat's `_include_workspace_scoped_router(app, items_router)`).
    for (const { from, mount } of parameterTargets) {
      if (mount.developmentOnly) continue;
      const prefix = this.writtenPrefix(from, mount);
      const incoming = { from, mount: prefix !== mount.prefix ? { ...mount, prefix } : mount };
      for (const handed of out.get(`${from.a.file}#${mount.parameterTarget}`) ?? []) {
        const t = handed.mount.receiver !== undefined ? this.resolveMountTarget(handed.from, { prefix: '', target: handed.mount.receiver.split('.') }) : undefined;
        if (t) pushTo(out, `${t.e.a.file}#${t.name}`, incoming);
      }
    }
    // Mounted elsewhere too, it is served; its own prefix (`APIRouter(prefix=…)`) is not a mount elsewhere.
    this.developmentOnly = new Set([...developmentOnly].filter((key) => !out.get(key)?.some((m) => !m.mount.own)));
    return out;
  }

  /**
   * What the service's files register in a plugin registry under a type (PluginHookFact), as a mount of its hooks
   * (MountFact.hook) takes them: each value (or that member of it) where its file names it. A test's registrations
   * are not the app's.
   */
  private pluginHookTargets(e: Entry, mount: NonNullable<MountFact['hook']>): ({ e: Entry; name: string } | undefined)[] {
    const hook = 'list' in mount ? this.pluginHookList(e, mount.list) : mount;
    if (!hook) return [];
    if (!this.pluginHooks) {
      this.pluginHooks = new Map();
      for (const x of this.entries) {
        if (x.test) continue;
        for (const h of x.links.pluginHooks ?? []) pushTo(this.pluginHooks, pluginHookKey(x.group, h), { e: x, value: h.value });
      }
    }
    return (this.pluginHooks.get(pluginHookKey(e.group, { ...hook, member: mount.member })) ?? []).map((x) => this.resolveMountTarget(x.e, { prefix: '', target: x.value }));
  }

  /** The registry and type of the hooks a class's static member gives (FileLinks.pluginHookLists), where the class is. */
  private pluginHookList(e: Entry, [cls, member]: string[]): { registry: string; type: string } | undefined {
    const imp = importNamed(e.links, cls);
    const t = imp ? this.resolveImport(e, imp.module, imp.imported) : { e, name: cls };
    return t?.e.links.pluginHookLists?.[`${t.name}.${member}`];
  }

  private pluginHooks?: Map<string, { e: Entry; value: string[] }[]>;

  /**
   * The process-wide client defaults a service's own code gives a timeout (uptime-kuma's start-up
   * `axios.defaults.timeout = 300 * 1000`): the calls they bound, in any file of it, are not missing one.
   */
  private timeoutDefaults(group: string): Set<string> {
    return this.groupNames(group, 'timeoutDefaults');
  }

  /** Go: the package variable (`['proxy', 'DefaultHttpClient']`, or a name of e's own package) is set to http.DefaultClient. */
  private holdsGoDefaultClient(e: Entry, holder: string[]): boolean {
    const imp = holder.length === 2 ? importNamed(e.links, holder[0]) : undefined;
    const dir = holder.length === 1 ? e.dir : imp ? this.goImportDir(imp.module) : undefined;
    const name = holder[holder.length - 1];
    return dir !== undefined && (this.byDir.get(dir) ?? []).some((x) => !x.test && x.links.goDefaultClientHolders?.includes(name));
  }

  /** The GraphQL types the service's files list (FileLinks.listedTypes). */
  private listedTypes(group: string): Set<string> {
    return this.groupNames(group, 'listedTypes');
  }

  /** The names a list field of FileLinks holds in any file of the service but its tests, once per group and field. */
  private groupNames(group: string, field: 'timeoutDefaults' | 'listedTypes'): Set<string> {
    const key = `${field}\n${group}`;
    let out = this.namesByGroup.get(key);
    if (!out) {
      out = new Set();
      for (const e of this.entries) if (e.group === group && !e.test) for (const name of e.links[field] ?? []) out.add(name);
      this.namesByGroup.set(key, out);
    }
    return out;
  }

  private readonly namesByGroup = new Map<string, Set<string>>();

  /** A call written `callee` (`f.settingClient.DBFS`) in function `fn` lands on a function of the workspace. */
  /**
   * Whether the call's holder (`userMapper` of `userMapper.insert`, also `this.userMapper`) is declared as an interface
   * of the workspace that extends MyBatis-Plus's BaseMapper (MyBatis-Flex's is named so too) or mybatis-jpa-extra's
   * IJpaMapper, through up to four of the project's own: CallRule.mybatisPlusMapper.
   */
  /**
   * Whether the function a lambda is handed to (CallFact.handedIn) pages it: hands that parameter to PageHelper after
   * `startPage` (FunctionFact.pagesParam; mall4cloud's `PageUtil.doPage`). Every overload the call's arguments may
   * land on must (not `doPage(String orderBy, ISelect select)`, which runs the select whole). Once per call.
   */
  private pagesHanded(ref: FnRef, handed: NonNullable<CallFact['handedIn']>): boolean {
    let paged = this.handedPaged.get(handed);
    if (paged === undefined) {
      const targets = overloadFor(this.resolveCall(ref.e, ref.fn, handed.chain), handed.args, handed.argTypes);
      paged = targets.length > 0 && targets.every((t) => t.e.links.functions[t.fn].pagesParam === handed.arg);
      this.handedPaged.set(handed, paged);
    }
    return paged;
  }

  private readonly handedPaged = new WeakMap<object, boolean>();

  /**
   * What a function's own declaration says it does (FunctionFact.effect): a method of an interface said to be a MyBatis
   * mapper only if the workspace makes it one (CallMatch.mapperOfPackage), nothing otherwise.
   */
  private declaredEffect(ref: FnRef): FunctionFact['effect'] {
    const fact = ref.e.links.functions[ref.fn];
    const pkg = fact.effect?.match.mapperOfPackage;
    return pkg === undefined || (fact.owner !== undefined && this.isWorkspaceMapper(ref.e, pkg, fact.owner)) ? fact.effect : undefined;
  }

  /** A MyBatis mapper method returning a collection (FunctionFact.mapperList), of an interface the workspace makes a mapper. */
  private mapperList(ref: FnRef): boolean {
    return !!ref.e.links.functions[ref.fn].mapperList && !!this.declaredEffect(ref);
  }

  /**
   * Whether interface `owner` of package `pkg`, declared in `e`, is a MyBatis mapper that only other files make one:
   * an XML mapper's namespace names it (mall-swarm's `PmsProductAttributeCategoryDao.xml`), or a `@MapperScan` of its
   * service names its package or one above it and no class of the workspace implements it (a scan of a whole
   * application's package would make its service interfaces mappers too, which MyBatis leaves to their implementations).
   */
  private isWorkspaceMapper(e: Entry, pkg: string, owner: string): boolean {
    if (!this.mapperNames) {
      this.mapperNames = new Set();
      this.mapperScanned = [];
      for (const o of this.entries) {
        if (o.links.mapperNamespace) this.mapperNames.add(o.links.mapperNamespace);
        for (const scan of o.links.mapperScans ?? []) this.mapperScanned.push({ group: o.group, package: packagePattern(scan), mappersOnly: MAPPER_PACKAGE.test(scan) });
      }
    }
    if (this.mapperNames.has(pkg ? `${pkg}.${owner}` : owner)) return true;
    // (A scan of a package named for mappers, `com.macro.mall.dao`, takes its interfaces; a broader one, the
    // application's root `com.ex`, only those of such a package below it: not a callback or client interface a `@Bean`
    // makes, `com.ex.notify.Notifier`, which MyBatis leaves to that bean.)
    return (
      this.mapperScanned!.some((s) => (s.group === e.group || s.group === '' || e.group === '') && s.package.test(pkg) && (s.mappersOnly || MAPPER_PACKAGE.test(pkg))) &&
      this.implementersOf(owner).length === 0
    );
  }

  private mapperNames?: Set<string>;
  private mapperScanned?: { group: string; package: RegExp; mappersOnly: boolean }[];

  private holdsMybatisPlusMapper(e: Entry, fn: number, callee: string): boolean {
    return this.holdsServiceOf(e, fn, callee, 'BaseMapper|IJpaMapper');
  }

  /**
   * Whether the call's holder (`accessService` of `accessService.getById`, also `this.accessService`; `this` alone: the
   * class the call is written in) is declared as a class or interface of the workspace that extends one of `bases`
   * (`IService|ServiceImpl`), through up to four of the project's own: CallRule.serviceBases.
   */
  private holdsServiceOf(e: Entry, fn: number, callee: string, bases: string): boolean {
    const chain = callee.split('.');
    const owner = fn >= 0 ? e.links.functions[fn]?.owner : undefined;
    const holder = chain[0] === 'this' ? chain[1] : chain[0];
    const type = chain[0] === 'this' && chain.length === 2 ? owner : (e.links.types?.get(holder) ?? (owner !== undefined ? this.inheritedFieldType(e, owner, holder) : undefined));
    if (!type) return false;
    const names = bases.split('|');
    const extendsOne = (name: string, depth: number): boolean =>
      depth < 5 && [...(this.interfaceBasesOf(name) ?? []), ...(this.basesOf.get(name) ?? [])].some((b) => names.includes(b) || extendsOne(b, depth + 1));
    return extendsOne(type.replace(/<.*$/, ''), 0);
  }

  private interfaceBases?: Map<string, string[]>;

  /** Java interface → the interfaces it extends, as the files declaring them say (FileLinks.interfaceBases). */
  private interfaceBasesOf(name: string): string[] | undefined {
    if (!this.interfaceBases) {
      this.interfaceBases = new Map();
      for (const o of this.entries) for (const [name, bases] of Object.entries(o.links.interfaceBases ?? {})) for (const b of bases) pushTo(this.interfaceBases, name, b);
    }
    return this.interfaceBases.get(name);
  }

  /**
   * Whether the call's holder (`metricStore` of `metricStore.saveAll`, also `this.metricStore`, or the type the call was
   * matched on, `MetricsRepository.saveAll`) is declared as an interface of the workspace that extends none from outside
   * it, through up to four of the project's own, that classes of the workspace implement, and the call lands on their
   * methods, none of which queries or calls out (also a call or two further): Sentinel's `MetricsRepository<MetricEntity>`,
   * kept in a map by InMemoryMetricsRepository. Not a Spring Data repository (`extends JpaRepository<…>`), nor an
   * interface whose methods are statements (a MyBatis mapper's), nor a DAO whose implementation queries (BroadleafCommerce's
   * `LocaleDaoImpl`: the call stays the query it is said to be): CallRule.unlessImplemented. Only on positive evidence
   * that the data is kept in memory: every implementing class holds a collection or map and no database or client
   * (a DAO over a `MongoTemplate` or `SqlSession` whose calls the catalogue does not know, a hexagonal adapter over a
   * Spring Data repository, stay queries).
   */
  private holdsImplementedInterface(e: Entry, fn: number, callee: string): boolean {
    if (e.family !== 'java') return false;
    const chain = callee.split('.');
    const self = chain[0] === 'this';
    const holder = self ? chain[1] : chain[0];
    if (chain.length !== (self ? 3 : 2)) return false;
    const owner = fn >= 0 ? e.links.functions[fn]?.owner : undefined;
    const type = (e.links.types?.get(holder) || (owner !== undefined ? this.inheritedFieldType(e, owner, holder) : undefined) || (/^[A-Z]/.test(holder) ? holder : ''))?.replace(/<.*$/, '');
    if (!type || !this.classFiles().has(type)) return false;
    const ownOnly = (name: string, depth: number): boolean => depth < 5 && (this.interfaceBasesOf(name) ?? []).every((b) => this.classFiles().has(b) && ownOnly(b, depth + 1));
    const classes = this.implementersOf(type);
    if (!ownOnly(type, 0) || classes.length === 0 || !classes.every((cls) => this.keepsInMemory(cls))) return false;
    const targets = this.resolveCall(e, fn, [holder, chain[chain.length - 1]]);
    // The interface's own declaration said to run a statement (a mapper's): a query, whatever implements it.
    if (targets.some((t) => t.e.links.functions[t.fn].owner === type && this.declaredEffect(t))) return false;
    const implemented = targets.filter((t) => t.e.links.functions[t.fn].owner !== type);
    return implemented.length > 0 && implemented.every((t) => !this.effectOf(t, 0));
  }

  /**
   * A Java class whose fields, as its files declare them (FileLinks.javaFieldTypes), hold a collection or map and no
   * database or remote client: Sentinel's InMemoryMetricsRepository, with its `Map<…> allMetrics` (holdsImplementedInterface).
   */
  private keepsInMemory(cls: string): boolean {
    const fields = (this.classFiles().get(cls) ?? []).flatMap((at) => at.links.javaFieldTypes?.[cls] ?? []);
    return fields.some((t) => IN_MEMORY_FIELD.test(t)) && !fields.some((t) => isClientType(t) || DATA_CLIENT_FIELD.test(t));
  }

  /**
   * JavaScript: a model's method called on a class by its name (`Table.findOne(…)`, CallRule.unlessOwnSync; also the
   * last call of a helper's, `check → Table.findOne`) lands on methods a class of the workspace defines itself, none
   * of them async or saying Promise, none reaching a query or a remote call (also a call or two further), each calling
   * only what reads memory (IN_MEMORY_CALL), its own methods and functions: saltcorn's `static findOne(where)`,
   * `Trigger.find`, `View.findOne`, answered from `getState()`'s tables. Only on that evidence, as for Java's in-memory
   * repositories (holdsImplementedInterface): not a Sequelize, Mongoose or TypeORM model's own `findOne`, defined
   * nowhere in the workspace, an async one that queries, nor a synchronous one over a client the catalogue does not
   * know (better-sqlite3's `db.prepare(…).run(n)`).
   */
  private ownSyncMethod(e: Entry, fn: number, callee: string): boolean {
    if (e.family !== 'js') return false;
    const chain = callee.split(' → ').pop()!.split('.');
    if (chain.length !== 2 || !/^[A-Z]/.test(chain[0])) return false;
    const targets = this.resolveCall(e, fn, chain);
    return (
      targets.length > 0 &&
      targets.every((t) => {
        const f = t.e.links.functions[t.fn];
        if (f.owner === undefined || f.name !== chain[1] || f.promises) return false;
        // (`this.m()` is the class's own method; `this.db.prepare(…).get()` is a client's, better-sqlite3's.)
        return f.calls.every((c) => c.chain.length === 1 || (c.chain[0] === 'this' && c.chain.length === 2) || IN_MEMORY_CALL.test(c.chain[c.chain.length - 1])) && !this.effectOf(t, 0);
      })
    );
  }

  private landsInWorkspace(e: Entry, fn: number, callee: string): boolean {
    const chain = callee.split('.');
    // Through a field (`c.HTTPClient.Do(req)` in a method of the project's `Client`), not a method of the caller's own
    // type of that name, `Client.Do`: the field's type is another (here net/http's).
    const own = chain.length >= 3 ? e.links.functions[fn]?.owner : undefined;
    return this.resolveCall(e, fn, chain).some((t) => !own || t.e.links.functions[t.fn].owner !== own) || this.lombokGetter(e, fn, chain) || (e.family === 'go' && this.goOwnStructHolder(e, chain));
  }

  /**
   * Go: a field named like a client on the way to the call (`p.state.Workers.Client.Process(ctx, msg)`) is declared of
   * a struct of the workspace's own (gotosocial's in-process worker pool, `Client MsgWorkerPool[*Msg]`): what it is
   * called on, a function field or an in-memory queue, is the workspace's code. The fields are read one after the
   * other from the second, each in the package of the type before (as goFieldOfField does). Not a field of an
   * interface type (a gRPC stub's `UserServiceClient`), nor one whose type the workspace does not declare.
   */
  private goOwnStructHolder(e: Entry, chain: string[]): boolean {
    if (chain.length < 3 || !chain.slice(1, -1).some((name) => CLIENT_NAMED.test(name))) return false;
    let at: Entry | undefined = e;
    let dir = e.dir;
    for (let i = 1; i < chain.length - 1 && i <= 6; i++) {
      const field = this.goFieldType(at, dir, chain[i]);
      if (!field) return false;
      const dot = field.type.indexOf('.');
      const name = dot < 0 ? field.type : field.type.slice(dot + 1);
      const imp = dot < 0 ? undefined : importNamed(field.at.links, field.type.slice(0, dot));
      const next = dot < 0 ? field.at.dir : imp ? this.goImportDir(imp.module) : undefined;
      if (next === undefined) return false;
      if (CLIENT_NAMED.test(chain[i])) return (this.byDir.get(next) ?? []).some((x) => !x.test && x.links.goStructs?.includes(name));
      at = undefined;
      dir = next;
    }
    return false;
  }

  /**
   * Java: the call is a getter Lombok generates in the class its holder is declared as, or in one of its bases
   * (Jpom's `RepositoryModel repository` with `@Data`, then `repository.getName()`): a method of the workspace too.
   */
  private lombokGetter(e: Entry, fn: number, chain: string[]): boolean {
    const self = chain[0] === 'this';
    if (e.family !== 'java' || chain.length !== (self ? 3 : 2) || !/^(?:get|is)[A-Z]/.test(chain[chain.length - 1])) return false;
    const holder = self ? chain[1] : chain[0];
    const owner = fn >= 0 ? e.links.functions[fn]?.owner : undefined;
    const type = (e.links.types?.get(holder) || (owner !== undefined ? this.inheritedFieldType(e, owner, holder) : undefined))?.replace(/<.*$/, '');
    const generates = (cls: string, depth: number): boolean =>
      depth < 4 && ((this.classFiles().get(cls) ?? []).some((at) => at.links.lombokGetters?.[cls]?.includes(chain[chain.length - 1])) || (this.basesOf.get(cls) ?? []).some((b) => generates(b, depth + 1)));
    return !!type && generates(type, 0);
  }

  /**
   * The route helper the call lands on, when it takes the router, method and path where the call gives them (a
   * helper with methods of its own: its `registers`).
   */
  private registersThrough(e: Entry, helper: NonNullable<RouteLink['helper']>): RouteHelperFact | undefined {
    for (const t of this.resolveCall(e, -1, helper.chain)) {
      const h = t.e.links.functions[t.fn].routeHelper;
      if (h && h.router === helper.router && h.method === helper.method && h.path === helper.path) return h;
    }
    return undefined;
  }

  /**
   * The service's code opens an embedded SQLite database and nothing that may reach a database server (see
   * sqlEnginesAmong); when its own files open none, the workspace's say.
   */
  private embeddedSqlOnly(group: string): boolean {
    let out = this.embeddedByGroup.get(group);
    if (out === undefined) {
      const own = sqlEnginesAmong(this.entries.filter((e) => e.group === group));
      const said = own.embedded || own.networked ? own : (this.workspaceEngines ??= sqlEnginesAmong(this.entries));
      this.embeddedByGroup.set(group, (out = said.embedded && !said.networked));
    }
    return out;
  }

  private readonly embeddedByGroup = new Map<string, boolean>();

  /**
   * A Go package for SQLite, named so, that opens only an embedded SQL database (memos' `store/db/sqlite`, beside its
   * `mysql` and `postgres` packages): its own queries run on SQLite whatever else the service can use, so a query per
   * item there is cheap too (see embeddedSqlOnly). Not a package that picks its database at run time and imports only
   * the SQLite driver itself (gogs' `internal/database`: `driver = "pgx"`, the others imported elsewhere). Once per
   * package. Also a Python module that opens SQLite itself and no database server (onyx's Salesforce connector,
   * `sqlite3.connect(path)` as a scratch store beside the service's PostgreSQL): its queries are on that file.
   */
  private embeddedSqlPackage(e: Entry): boolean {
    if (e.family === 'python') return !!e.links.sqlEngines?.embedded && !e.links.sqlEngines.networked;
    if (e.family !== 'go' || !/sqlite/i.test(e.dir.slice(e.dir.lastIndexOf('/') + 1))) return false;
    let out = this.embeddedByDir.get(e.dir);
    if (out === undefined) {
      const said = sqlEnginesAmong(this.byDir.get(e.dir) ?? [e]);
      out = said.embedded && !said.networked;
      this.embeddedByDir.set(e.dir, out);
    }
    return out;
  }

  private readonly embeddedByDir = new Map<string, boolean>();
  private workspaceEngines?: { embedded: boolean; networked: boolean };

  /**
   * A mount on a Go type (Beego's `NSInclude(&controllers.ApiController{})`) reaches its methods in every file of
   * the package that has some (casdoor spreads ApiController over dozens); any other target is its one file.
   */
  private goTypeFiles(target: { e: Entry; name: string }): { e: Entry; name: string }[] {
    const owns = (entry: Entry) => entry.links.functions.some((f) => f.owner === target.name);
    if (target.e.family !== 'go' || !owns(target.e)) return [target];
    return (this.byDir.get(target.e.dir) ?? [target.e]).filter((entry) => entry === target.e || (!entry.test && owns(entry))).map((entry) => ({ e: entry, name: target.name }));
  }

  /**
   * NestJS controllers of a service that only modules added in development or tests list (FileLinks.devOnlyModules):
   * novu's TestingModule, pushed onto the app's modules when `NODE_ENV === 'test'`. Once per join and service.
   */
  private devOnlyControllers(group: string): Set<string> {
    let out = this.devControllers.get(group);
    if (out) return out;
    const devModules = new Set<string>();
    const listedBy = new Map<string, string[]>();
    for (const e of this.entries) {
      if (e.group !== group || e.test) continue;
      for (const m of e.links.devOnlyModules ?? []) devModules.add(m);
      for (const [module, controllers] of Object.entries(e.links.nestModules ?? {})) {
        for (const c of controllers) listedBy.set(c, [...(listedBy.get(c) ?? []), module]);
      }
    }
    out = new Set(devModules.size ? [...listedBy].filter(([, modules]) => modules.every((m) => devModules.has(m))).map(([c]) => c) : []);
    this.devControllers.set(group, out);
    return out;
  }

  private readonly devControllers = new Map<string, Set<string>>();

  /**
   * NestJS: the path `RouterModule.register([{ path, module }])` serves a controller's module under (FileLinks.nestRoutes),
   * read through the `@Module({ controllers })` that lists it. Once per join and service.
   */
  private nestRoutePath(group: string, controller: string): string | undefined {
    let paths = this.nestPaths.get(group);
    if (!paths) {
      const moduleRoutes = new Map<string, string>();
      const listedBy = new Map<string, string>();
      for (const e of this.entries) {
        if (e.group !== group || e.test) continue;
        for (const [module, path] of Object.entries(e.links.nestRoutes ?? {})) moduleRoutes.set(module, path);
        for (const [module, controllers] of Object.entries(e.links.nestModules ?? {})) for (const c of controllers) if (!listedBy.has(c)) listedBy.set(c, module);
      }
      paths = new Map();
      if (moduleRoutes.size) for (const [c, module] of listedBy) if (moduleRoutes.has(module)) paths.set(c, moduleRoutes.get(module)!);
      this.nestPaths.set(group, paths);
    }
    const path = paths.get(controller);
    return path && path.includes(NAMED_PART) ? undefined : path;
  }

  private readonly nestPaths = new Map<string, Map<string, string>>();

  /**
   * OvernightJS: the paths of the controllers whose `@ChildControllers` list a controller (FileLinks.childControllers),
   * outermost first, joined: `Server.getRouter` mounts each child's router at its path on its parent's router, several
   * levels deep (plunk's `Webhooks` → `Incoming` → `SNS`: `/webhooks/incoming`). A child is the class its `new X()`
   * names in the parent's file, through the file's imports (`import { Actions as V1Actions }`) or declared there: not
   * another file's class of that name (plunk's `v1/Actions` and an `admin/Actions`). Once per join and service.
   */
  private parentControllerPath(e: Entry, controller: string): string | undefined {
    const group = e.group;
    const key = (at: Entry, cls: string) => `${at.id}:${cls}`;
    let paths = this.parentPaths.get(group);
    if (!paths) {
      const parentOf = new Map<string, [string, string]>();
      for (const p of this.entries) {
        if (p.group !== group || p.test) continue;
        for (const [parent, [path, children]] of Object.entries(p.links.childControllers ?? {})) {
          for (const c of children) {
            const imp = importNamed(p.links, c);
            const t = imp ? (imp.imported !== '*' ? this.resolveImport(p, imp.module, imp.imported) : undefined) : { e: p, name: c };
            if (t && !parentOf.has(key(t.e, t.name))) parentOf.set(key(t.e, t.name), [key(p, parent), path]);
          }
        }
      }
      paths = new Map();
      for (const child of parentOf.keys()) {
        let path = '';
        let unread = false;
        const seen = new Set<string>([child]);
        for (let at = parentOf.get(child); at && !seen.has(at[0]); at = parentOf.get(at[0])) {
          seen.add(at[0]);
          if (at[1].includes(NAMED_PART)) unread = true;
          path = joinPaths('/', at[1], path);
        }
        if (!unread) paths.set(child, path);
      }
      this.parentPaths.set(group, paths);
    }
    return paths.get(key(e, controller));
  }

  private readonly parentPaths = new Map<string, Map<string, string>>();

  /** The prefix a project's router type joins to what its method registers, where its package says so (RouteLink.goRouterType). */
  private goRouterPrefix(e: Entry, [pkg, type, method]: string[]): { prefix: string; grouped?: true } | undefined {
    const imp = pkg ? importNamed(e.links, pkg) : undefined;
    const dir = !pkg ? e.dir : imp ? this.goImportDir(imp.module) : undefined;
    const fact = dir !== undefined ? (this.byDir.get(dir) ?? []).find((x) => !x.test && x.links.goPrefixedRouters?.[type])?.links.goPrefixedRouters?.[type] : undefined;
    return fact?.methods.includes(method) ? fact : undefined;
  }

  /**
   * A pages-router file's route path under the `pageExtensions` of the Next.js config nearest above it (dittofeed's
   * dashboard, `["page.tsx", "page.ts"]`: `pages/users/index.page.tsx` is `/users`); null when it has none of them
   * and is no page; undefined when no config there sets any (the path as the file gives it).
   */
  private nextPagePath(e: Entry): string | null | undefined {
    // Every config, whatever it sets: the nearest decides (a nested app's own config without pageExtensions keeps its
    // pages as they are, whatever a config above it sets).
    this.nextConfigs ??= this.entries.filter((x) => x.family === 'js' && isNextConfig(x.a.file)).sort((a, b) => b.dir.length - a.dir.length);
    const config = this.nextConfigs.find((x) => x.dir === '' || e.a.file.startsWith(`${x.dir}/`));
    return config?.links.nextPageExtensions ? pageExtensionsPath(e.a.file, config.links.nextPageExtensions) : undefined;
  }

  private nextConfigs?: Entry[];

  /** The service has a NestJS app: a file of it imports `@nestjs/core` (FileLinks.nestApp). */
  private isNestService(group: string): boolean {
    let found = this.nestServices.get(group);
    if (found === undefined) this.nestServices.set(group, (found = this.entries.some((x) => x.group === group && x.links.nestApp)));
    return found;
  }

  private readonly nestServices = new Map<string, boolean>();

  /** A module the workspace holds: a relative one, or one its path aliases or workspace packages resolve to a file of it. */
  private workspaceModule(e: Entry, module: string): boolean {
    return module.startsWith('.') || this.resolveModule(e, module) !== undefined;
  }

  /** The service declares a function of that name that mounts the router it is given under the path (MountFact.through). */
  private goMountHelper(group: string, through: NonNullable<MountFact['through']>): boolean {
    let helpers = this.mountHelpers.get(group);
    if (!helpers) {
      helpers = new Set();
      for (const x of this.entries) {
        if (x.group !== group || x.test || !x.links.goMountHelpers) continue;
        for (const [name, [path, router]] of Object.entries(x.links.goMountHelpers)) helpers.add(`${name}:${path}:${router}`);
      }
      this.mountHelpers.set(group, helpers);
    }
    return helpers.has(`${through.name}:${through.path}:${through.handler}`);
  }

  private readonly mountHelpers = new Map<string, Set<string>>();

  /** `file#name` of routers mounted only in development or tests (see incomingMounts). */
  private developmentOnly = new Set<string>();

  private prefixesOf(e: Entry, name: string, incoming: Map<string, { from: Entry; mount: MountFact }[]>, depth: number, within?: readonly string[]): string[] {
    let mounts = incoming.get(`${e.a.file}#${name}`);
    // A function's own router mounts no namesake of another function (logto's two `anonymousRouter`s in init.ts).
    if (within && mounts?.some((m) => m.mount.targetScope !== undefined)) {
      mounts = mounts.filter((m) => m.mount.targetScope === undefined || m.from !== e || within.includes(m.mount.targetScope));
      if (mounts.length === 0) mounts = undefined;
    }
    if (depth > 6) return [''];
    if (!mounts) {
      // A router or blueprint made in another module and imported here to register routes on
      // (`from app.auth import bp`, then `@bp.route('/login')`): it is mounted where it was made.
      const imp = importNamed(e.links, name);
      const t = imp ? this.resolveImport(e, imp.module, imp.imported) : undefined;
      if (t && t.e !== e) return this.prefixesOf(t.e, t.name, incoming, depth + 1);
      return this.autoloadPrefixes(e, incoming, depth) ?? [''];
    }
    const ownMounts = mounts.filter((m) => m.mount.own);
    // A router made in a factory under a prefix its parameter gives (MountFact.prefixUnknown): what is registered on it
    // there is under no path known; a namesake elsewhere in the module keeps its own prefix.
    if (ownMounts.some((m) => m.mount.prefixUnknown && m.mount.targetScope !== undefined && within?.includes(m.mount.targetScope))) return [UNREAD_PART];
    const out: string[] = [];
    for (const { from, mount } of mounts) {
      if (mount.own) continue;
      const outer = this.mountPrefixes(from, mount, incoming, depth);
      // (A DRF router handed to a helper: its patterns, as the router's own.)
      for (const p of outer) out.push((e.family === 'python' && (mount.module || mount.drfRouter)) || mount.django ? djangoRoute(p, mount.prefix) : joinMount(p, mount.prefix, ''));
    }
    // Flask: a blueprint no registration names, where the service registers those of a list it is handed in a loop
    // (lemur's configure_blueprints): under that registration, whose url_prefix replaces the blueprint's own.
    if (out.length === 0 && ownMounts.some((m) => m.mount.replaceable)) {
      for (const { from, mount } of this.loopedBlueprints(e.group)) {
        for (const p of this.mountPrefixes(from, mount, incoming, depth)) out.push(joinMount(p, mount.prefix, ''));
      }
      if (out.length) return ownMounts.some((m) => m.mount.prefix) && !this.loopedBlueprints(e.group).some((l) => l.mount.prefix) ? out.flatMap((p) => ownMounts.map((o) => joinMount(p, o.mount.prefix, ''))) : out;
    }
    if (out.length === 0) out.push('');
    if (ownMounts.length === 0) return out;
    // Flask: `register_blueprint(bp, url_prefix=…)` replaces the blueprint's own prefix instead of adding to it.
    const replaced = mounts.some((m) => !m.mount.own && m.mount.replacesOwn && m.mount.prefix);
    const own = ownMounts.filter((m) => !m.mount.prefixUnknown && !(replaced && m.mount.replaceable)).map((m) => m.mount.prefix);
    return own.length ? out.flatMap((p) => own.map((o) => joinMount(p, o, ''))) : out;
  }

  /**
   * The DRF routers calls hand the function at key `handed` of this file (`add_user_urls(0)`), by their settings, with
   * the prefixes each kind is included under (DrfRegistration.handed).
   */
  private handedDrfRouters(e: Entry, handed: string, incoming: Map<string, { from: Entry; mount: MountFact }[]>): { router: DrfRouter; prefixes: string[] }[] {
    const kinds = new Map<string, { router: DrfRouter; prefixes: string[] }>();
    for (const { from, mount } of incoming.get(`${e.a.file}#${handed}`) ?? []) {
      if (!mount.drfRouter) continue;
      const key = JSON.stringify(mount.drfRouter);
      const kind = kinds.get(key) ?? { router: mount.drfRouter, prefixes: [] };
      kinds.set(key, kind);
      for (const p of this.mountPrefixes(from, mount, incoming, 0)) kind.prefixes.push(djangoRoute(p, mount.prefix));
    }
    return [...kinds.values()];
  }

  /**
   * The DRF router a module imports by name to register on (DrfRegistration.imported), read where it is made (also
   * through a package that passes it on, ralph's `from ralph.api import router`), with the prefixes it is included
   * under; none when the name leads to no DRF router.
   */
  private importedDrfRouter(e: Entry, name: string, incoming: Map<string, { from: Entry; mount: MountFact }[]>): { router: DrfRouter; prefixes: string[] }[] {
    let at = { e, name };
    for (let depth = 0; depth < 4; depth++) {
      const imp = importNamed(at.e.links, at.name);
      const t = imp && imp.imported !== '*' ? this.resolveImport(at.e, imp.module, imp.imported) : undefined;
      if (!t || t.e === at.e) return [];
      const router = t.e.links.drfRouters?.[t.name];
      if (router) return [{ router, prefixes: this.prefixesOf(e, name, incoming, 0) }];
      at = t;
    }
    return [];
  }

  /** A mount's prefix, with what it names read where that is defined (a constant, a config key, an environment variable). */
  private writtenPrefix(e: Entry, mount: MountFact): string {
    const named = mount.prefixRef ? (this.namedString(e, mount.prefixRef) ?? '') : mount.prefix;
    const prefix = named.includes(NAMED_PART) ? this.namedParts(e, named) : named;
    // A recipe's `API_PREFIX=api`: Express and Koa match paths from their leading slash.
    return prefix && e.family === 'js' && !prefix.startsWith('/') && named.includes(NAMED_PART) ? '/' + prefix : prefix;
  }

  /**
   * A router's own prefix made by a call (MountFact.madeBy), when the call lands on a function that returns a blueprint
   * (FunctionFact.blueprintPrefix): the prefix it writes (read in its module), or the one the call gives the parameter
   * it passes on (read in the caller's); none when the call lands on no such function, or gives that parameter nothing
   * known.
   */
  private madeBlueprint(e: Entry, mount: MountFact): MountFact | undefined {
    const { chain, args } = mount.madeBy!;
    for (const t of this.resolveCall(e, -1, chain)) {
      const made = t.e.links.functions[t.fn].blueprintPrefix;
      if (!made) continue;
      const p = made.parameter;
      const arg = p ? (args.find((a) => a.name === p.name) ?? args.find((a) => a.at === p.at)) : undefined;
      let prefix: string | undefined;
      if (!p) prefix = this.writtenPrefix(t.e, { prefix: made.prefix ?? '', prefixRef: made.prefixRef, target: [] });
      else if (!arg) prefix = p.default;
      else if (arg.prefix !== undefined || arg.prefixRef) prefix = this.writtenPrefix(e, { prefix: arg.prefix ?? '', prefixRef: arg.prefixRef, target: [] });
      return prefix === undefined ? undefined : { ...mount, madeBy: undefined, prefix: prefix.replace(/\/$/, '') };
    }
    return undefined;
  }

  /** The service's Flask registrations in a loop over a list not written there (MountFact.looped). */
  private loopedBlueprints(group: string): { from: Entry; mount: MountFact }[] {
    let found = this.looped.get(group);
    if (!found) {
      found = [];
      for (const e of this.entries) {
        if (e.group === group && !e.test && e.family === 'python') for (const mount of e.links.mounts) if (mount.looped) found.push({ from: e, mount: { ...mount, prefix: this.writtenPrefix(e, mount) } });
      }
      this.looped.set(group, found);
    }
    return found;
  }

  private readonly looped = new Map<string, { from: Entry; mount: MountFact }[]>();

  /**
   * tsoa's controllers are served where the service hands an app or router to the `RegisterRoutes` tsoa generates
   * (`RegisterRoutes(apiRouter)` with `app.use('/api', apiRouter)`): the prefixes of each one handed, once per group.
   */
  private tsoaPrefixes(group: string, incoming: Map<string, { from: Entry; mount: MountFact }[]>): string[] {
    let out = this.tsoaPrefixCache.get(group);
    if (!out) {
      const found = new Set<string>();
      for (const o of this.entries) {
        if (o.group !== group || o.family !== 'js') continue;
        for (const m of o.links.mounts) {
          if (m.argument === undefined || m.target.length !== 1 || m.target[0] !== 'RegisterRoutes') continue;
          for (const p of this.mountPrefixes(o, m, incoming, 0)) found.add(p);
        }
      }
      this.tsoaPrefixCache.set(group, (out = [...found]));
    }
    return out;
  }

  private readonly tsoaPrefixCache = new Map<string, string[]>();

  /**
   * The prefixes a mount is itself under: its receiver's, and (Go) those of the functions it is written in, which
   * are mounted elsewhere (`r.Mount("/admin", adminAPI.Router())`, and `r.Mount("/accounts", …)` inside Router).
   */
  private mountPrefixes(from: Entry, mount: MountFact, incoming: Map<string, { from: Entry; mount: MountFact }[]>, depth: number): string[] {
    if (!mount.enclosing) return mount.receiver !== undefined ? this.prefixesOf(from, mount.receiver, incoming, depth + 1, []) : [''];
    const out = new Set<string>();
    if (mount.receiver !== undefined) for (const p of this.prefixesOf(from, mount.receiver, incoming, depth + 1, mount.enclosing)) if (p) out.add(p);
    // Go: a receiver mounted in this function already carries its prefixes (see routePaths), wakapi's
    // `subRouterPublic.Mount("/", subRouterPrivate)` then `router.Mount("/subscription", subRouterPublic)`.
    if (from.family === 'go' && out.size) return [...out];
    // (A function handed routers both at the root and under a prefix mounts under both: fief's `include_routers(
    // APIRouter())` and `include_routers(APIRouter(prefix="/{tenant_slug}"))`. A root one alone is no mount known.)
    for (const name of mount.enclosing) {
      const prefixes = this.prefixesOf(from, name, incoming, depth + 1);
      // (Python only: a Go or JavaScript helper mounted at the root through one caller and under a prefix through
      // another is written for the prefix, gitness' chi helpers in `r.Route("/v1", …)`.)
      if (from.family === 'python' ? prefixes.some((p) => p) : true) for (const p of prefixes) if (p || from.family === 'python') out.add(p);
    }
    return out.size ? [...out] : [''];
  }

  /**
   * A plugin file that @fastify/autoload registers: under the registration's prefixes, its folder path below the
   * autoloaded folder (or its `autoPrefix`). A folder with an index file has only that file loaded.
   */
  private autoloadPrefixes(e: Entry, incoming: Map<string, { from: Entry; mount: MountFact }[]>, depth: number): string[] | undefined {
    let best: { from: Entry; mount: MountFact; dir: string } | undefined;
    for (const a of this.autoloads) {
      const inside = e.dir === a.dir || e.dir.startsWith(a.dir + '/') || a.dir === '';
      if (inside && a.from !== e && (!best || a.dir.length > best.dir.length)) best = a;
    }
    if (!best) return undefined;
    const index = this.byStem.get(e.dir);
    if (index && index !== e && /\/index\.[^/]+$/.test(index.a.file)) return undefined;
    const below = e.dir.slice(best.dir.length).replace(/^\//, '');
    const own = e.links.autoPrefix ?? (best.mount.folderNames !== false && below ? `/${below}` : '');
    const outer = best.mount.receiver !== undefined ? this.prefixesOf(best.from, best.mount.receiver, incoming, depth + 1) : [''];
    return outer.map((p) => joinMount(joinMount(p, best.mount.prefix, ''), own, ''));
  }

  /** NestJS URI versioning, as the service's bootstrap file enables it (once per join). */
  private uriVersioning(group: string): FileLinks['uriVersioning'] {
    if (!this.versioning.has(group)) this.versioning.set(group, this.entries.find((x) => x.group === group && x.links.uriVersioning)?.links.uriVersioning);
    return this.versioning.get(group);
  }

  private readonly versioning = new Map<string, FileLinks['uriVersioning']>();

  /**
   * A function of a file of the service a framework names by its path (a Connexion module, a Strapi or Sails
   * controller): the first of `names` it defines (at the top level only, with `topLevel`), in the files whose last
   * path segment is `segment` and which `isFile` accepts.
   */
  private functionOfFile(group: string, segment: string, isFile: (x: Entry) => boolean, names: readonly string[], topLevel = false): FnRef | undefined {
    for (const x of this.byLastSegment.get(segment) ?? []) {
      if (x.group !== group || !isFile(x)) continue;
      for (const name of names) {
        const fn = x.links.functions.findIndex((f) => f.name === name && !(topLevel && f.owner));
        if (fn >= 0) return { e: x, fn };
      }
    }
    return undefined;
  }

  /** `api.pets.get_pets`: the module-level function `get_pets` of the service's `api/pets.py` (or `api/pets/__init__.py`). */
  private pythonFunction(group: string, parts: string[]): FnRef | undefined {
    const module = parts.slice(0, -1).join('/');
    const isModule = (x: Entry) => {
      const stem = x.a.file.replace(/\.py$/, '').replace(/\/__init__$/, '');
      return x.family === 'python' && (stem === module || stem.endsWith('/' + module));
    };
    return this.functionOfFile(group, parts[parts.length - 2], isModule, [parts[parts.length - 1]], true);
  }

  /** The function answering a Strapi route: the action of that name in `src/api/<api>/controllers/<controller>.js`. */
  private strapiAction(group: string, route: NonNullable<RouteLink['strapi']>): FnRef | undefined {
    const file = new RegExp(`(?:^|/)src/api/${route.api}/controllers/${route.controller}\\.[jt]s$`);
    return this.functionOfFile(group, route.controller, (x) => file.test(x.a.file), [route.action]);
  }

  /**
   * The function answering a Sails route: an action's `fn` (actions2, `api/controllers/things/borrow-thing.js`) or the
   * function it exports, or a controller's method (`find` of `api/controllers/UserController.js`).
   */
  private sailsAction(group: string, route: NonNullable<RouteLink['sails']>): FnRef | undefined {
    const path = 'action' in route ? route.action : route.controller;
    const isController = (x: Entry) => x.a.file.replace(/\.[jt]s$/, '').endsWith(`api/controllers/${path}`);
    return this.functionOfFile(group, path.split('/').pop()!, isController, 'action' in route ? ['fn', 'default'] : [route.method]);
  }

  /** A list of strings a JavaScript module declares (jsConstants' `name[]`), by the name this module knows it as. */
  private jsStringList(e: Entry, name: string): string[] | undefined {
    const own = e.links.constants?.[`${name}[]`];
    if (own !== undefined) return own.split(',');
    const [head, ...rest] = name.split('.');
    const imp = importNamed(e.links, head);
    const t = imp ? this.resolveImport(e, imp.module, imp.imported) : undefined;
    return t?.e.links.constants?.[`${[t.name, ...rest].join('.')}[]`]?.split(',');
  }

  /**
   * A name a framework's files declare for the whole service (a Pyramid route name's pattern, the path a Helidon
   * service is registered at, a Strapi content type's names): the first file of the group that declares it, read once
   * per join and group.
   */
  private groupFact<F extends 'pyramidRoutes' | 'helidonServices' | 'strapiTypes'>(group: string, field: F, key: string): NonNullable<FileLinks[F]>[string] | undefined {
    const cacheKey = `${field}\n${group}`;
    let facts = this.groupFacts.get(cacheKey);
    if (!facts) {
      facts = new Map();
      for (const x of this.entries) {
        const record = x.group === group ? x.links[field] : undefined;
        if (record) for (const [k, v] of Object.entries(record)) if (!facts.has(k)) facts.set(k, v);
      }
      this.groupFacts.set(cacheKey, facts);
    }
    return facts.get(key) as NonNullable<FileLinks[F]>[string] | undefined;
  }

  private readonly groupFacts = new Map<string, Map<string, unknown>>();

  /**
   * A link whose DRF registration names its prefix (`router.register(path, NotesViewSet)`): with the prefix read
   * where the name is defined, as a Django pattern's part is; null when it cannot be read (a parameter, a loop's name).
   */
  private readViewSetPrefix(e: Entry, link: RouteLink | undefined): RouteLink | undefined | null {
    if (!link?.viewSet?.prefix.includes(NAMED_PART)) return link;
    const prefix = this.namedParts(e, link.viewSet.prefix, 0, true);
    return prefix.includes(UNREAD_PART) ? null : { ...link, viewSet: { ...link.viewSet, prefix } };
  }

  /** A route path with the parts constants name (routeCollector's NAMED_PART) read where they are defined. */
  private namedParts(e: Entry, path: string, depth = 0, pattern = false, strict = false): string {
    // A Pyramid view's route name: the pattern as written (its trailing slash matters to Pyramid), or no route.
    if (path.startsWith(NAMED_PART + PYRAMID_ROUTE)) return this.groupFact(e.group, 'pyramidRoutes', path.slice(NAMED_PART.length + PYRAMID_ROUTE.length, -NAMED_PART.length)) ?? UNREAD_PART;
    // A Strapi core router's action: at the content type's names, or no route when the type has no such action.
    if (path.startsWith(NAMED_PART + STRAPI_ROUTE)) {
      const [action, prefix, uid] = path.slice(NAMED_PART.length + STRAPI_ROUTE.length, -NAMED_PART.length).split('|');
      const type = this.groupFact(e.group, 'strapiTypes', uid);
      return (type && strapiCorePath(type, action, prefix)) ?? UNREAD_PART;
    }
    // A Helidon service's route: under the path the service is registered at, or no route when it is registered nowhere.
    if (path.startsWith(NAMED_PART + HELIDON_SERVICE)) {
      const end = path.indexOf(NAMED_PART, 1);
      const prefix = this.groupFact(e.group, 'helidonServices', path.slice(NAMED_PART.length + HELIDON_SERVICE.length, end));
      if (prefix === undefined) return UNREAD_PART;
      path = joinPaths('/', prefix, path.slice(end + 1));
    }
    const read = path.replace(new RegExp(`${NAMED_PART}([^${NAMED_PART}]*)${NAMED_PART}`, 'g'), (written: string, chain: string, offset: number) => {
      const env = readEnvPart(chain);
      if (env) return this.envValue(e.group, env.name) ?? env.fallback ?? '';
      if (chain.startsWith(VERSION_PART)) {
        const versioning = this.uriVersioning(e.group);
        // VERSION_NEUTRAL (`-`): served with no version segment.
        if (chain.slice(VERSION_PART.length) === '-') return '';
        const version = chain.slice(VERSION_PART.length) || versioning?.defaultVersion;
        return versioning && version ? `${versioning.prefix}${version}` : '';
      }
      // (Go: a name after a slash the path starts with, written so, `"/" + uris.ConfirmEmailPath`: a segment, its value
      // any name's, or no route when none is known.)
      const segment = e.family === 'go' && chain.startsWith(GO_SEGMENT);
      const [head, ...rest] = (segment ? chain.slice(GO_SEGMENT.length) : chain).split('.');
      if (e.family === 'go') {
        // Another package's constant (`constant.AvatarSubPath`): in whichever file of that package declares it; a
        // library's is no route that can be known.
        // A name of the package itself (`apiKeysPath`): in whichever of its files declares it, not a test's. A base
        // with no value written (`var basePath string`, set at start-up) reads as empty before a written path, as an
        // unknown base does; a name that is the whole path must hold one (`router.Get(cacheKey, h)` with `cacheKey =
        // "users"` is some other Get), and one that starts it must start with a slash.
        const startsPath = /^\/*$/.test(path.slice(0, offset));
        const wholePath = startsPath && /^\/*$/.test(path.slice(offset + written.length));
        const atStart = !segment && startsPath;
        const whole = atStart && wholePath;
        // A constant built of others (kratos' `RouteItem = RouteCollection + "/{id}"`): its names read where it is declared.
        const built = (x: Entry, value: string) => (!value.includes(NAMED_PART) ? value : depth < 3 ? this.namedParts(x, value, depth + 1) : UNREAD_PART);
        if (rest.length === 0) {
          const files = this.byDir.get(e.dir) ?? [];
          const declaring = files.find((x) => !x.quiet && x.links.constants?.[head] !== undefined) ?? files.find((x) => x.links.constants?.[head] !== undefined);
          // A name of no known value is a value set at run time (`var apiVersion = os.Getenv(…)`): read as empty, as
          // before a written path, unless it is the whole path; also after a written slash (`"/"+basePath+"/users"` is
          // /users, `"/"+basePath` alone no route): only another package's name must be declared to be read.
          if (!declaring) return wholePath ? UNREAD_PART : '';
          const value = built(declaring, declaring.links.constants![head]);
          if (whole) return value.startsWith('/') ? value : UNREAD_PART;
          return !atStart || value === '' || value.startsWith('/') ? value : UNREAD_PART;
        }
        const imp = rest.length === 1 ? importNamed(e.links, head) : undefined;
        const dir = imp ? this.goImportDir(imp.module) : undefined;
        const declaring = dir !== undefined ? this.byDir.get(dir)?.find((x) => x.links.constants?.[rest[0]] !== undefined) : undefined;
        const found = declaring && built(declaring, declaring.links.constants![rest[0]]);
        // (The same of the whole path: navidrome's `props.Put(consts.ArtConfFingerprintPropertyKey, v)` is no route.)
        if (found === undefined || (whole && !found.startsWith('/')) || (atStart && found !== '' && !found.startsWith('/'))) return UNREAD_PART;
        return found;
      }
      if (e.family === 'java') {
        // Java reads a path it cannot know as no route at all (a mapping of a library's constant): see UNREAD_PART.
        const found = this.javaConstant(e, chain);
        if (!found) return UNREAD_PART;
        return found.value.includes(NAMED_PART) ? (depth < 2 ? this.namedParts(found.e, found.value, depth + 1) : UNREAD_PART) : found.value;
      }
      if (e.family === 'python') {
        // An f-string's names (pythonPaths.ts): read as a prefix given by name is (a settings attribute too). A
        // Django pattern's (`rf"{USER_PATH}/inbox/?$"`) is the regular expression Django matches and reports: every
        // name read where it is defined, however deep (bookwyrm's STATUS_PATH → USER_PATH → regex.USERNAME →
        // LOCALNAME), or no route at all.
        const at = this.namedStringAt(e, chain.split('.'));
        if (!at) return pattern ? UNREAD_PART : '';
        return at.value.includes(NAMED_PART) ? (depth < (pattern ? 5 : 2) ? this.namedParts(at.e, at.value, depth + 1, pattern) : pattern ? UNREAD_PART : '') : at.value;
      }
      const own = e.links.constants?.[chain];
      // A constant may itself be read from the environment (`const BASE = process.env.BASE_PATH || '/base'`).
      if (own !== undefined) return own.includes(NAMED_PART) ? (depth < 2 ? this.namedParts(e, own, depth + 1, false, strict) : '') : own;
      const imp = importNamed(e.links, head);
      const t = imp ? this.resolveImport(e, imp.module, imp.imported) : undefined;
      // `env.LIVE_BASE_PATH` of a module that parses the environment with a zod schema (jsConstants).
      const value = t?.e.links.constants?.[[t.name, ...rest].join('.')] ?? (rest.length === 1 ? t?.e.links.constants?.[`process.env.${rest[0]}`] : undefined) ?? (strict ? UNREAD_PART : '');
      return value.includes(NAMED_PART) ? (depth < 2 ? this.namedParts(t!.e, value, depth + 1, false, strict) : '') : value;
    });
    return pattern ? read : read.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  }

  /**
   * A Java constant a path names, and the file declaring it: of this file (`API`, `Paths.API`), of the class an import
   * names (`import com.x.Paths;`, or `import static com.x.Paths.API;`), of a class of the same package (no import
   * needed), else of the one class of that name in the service (a wildcard import).
   */
  private javaConstant(e: Entry, chain: string, depth = 0): { e: Entry; value: string } | undefined {
    const own = e.links.constants?.[chain];
    if (own !== undefined) return { e, value: own };
    const head = chain.split('.')[0];
    const imp = importNamed(e.links, head);
    let declaring: Entry | undefined;
    let key = chain;
    if (imp) {
      declaring = this.resolveModule(e, imp.module);
      if (!declaring && imp.module.endsWith(`.${head}`)) {
        // A static import names the constant itself: its class is the segment before it.
        const cls = imp.module.slice(0, -head.length - 1);
        declaring = this.resolveModule(e, cls);
        key = `${cls.split('.').pop()}.${chain}`;
      }
    } else {
      declaring = this.byStem.get(e.dir ? `${e.dir}/${head}` : head);
      if (declaring?.family !== 'java') {
        const named = (this.byLastSegment.get(head) ?? []).filter((x) => x.family === 'java' && x.group === e.group);
        declaring = named.length === 1 ? named[0] : undefined;
      }
    }
    const value = declaring?.links.constants?.[key];
    if (declaring && value !== undefined) return { e: declaring, value };
    // What the named class inherits in turn (`ProductController extends BaseController`, which implements the
    // `ApiPaths` that declares API_V1).
    const parts = key.split('.');
    if (declaring && declaring !== e && parts.length === 2 && depth < 3) {
      const inherited = this.javaConstant(declaring, parts[1], depth + 1);
      if (inherited) return inherited;
    }
    // A bare name a class inherits from the interfaces it implements or the class it extends: SpringBlade's Feign
    // implementations map `API_PREFIX + "/user-info"`, a field of the `IUserClient` they implement.
    if (!chain.includes('.') && depth < 3) {
      const bases = new Set([...Object.values(e.links.implementsOf ?? {}).flat(), ...Object.values(e.links.extendsOf ?? {}).flat()]);
      for (const base of bases) {
        const found = this.javaConstant(e, `${base.split('<')[0].split('.').pop()}.${chain}`, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  /** The value a service's recipes give a variable; undefined when they set none, or none Ops Lens can read. */
  private envValue(group: string, name: string): string | undefined {
    const env = this.options.envOf?.(group);
    // pydantic settings match their variables whatever the case (`api_v1_str` is set by `API_V1_STR`).
    return env?.[name] ?? env?.[name.toUpperCase()];
  }

  /**
   * The value of a string named in `e` (Python): `API_PREFIX` defined there or imported; `config.API_PREFIX` in
   * an imported module; `settings.API_V1_STR` where `settings = Settings()` and the class gives it a default.
   */
  private namedString(e: Entry, chain: string[]): string | undefined {
    return this.namedStringAt(e, chain)?.value;
  }

  /** The same, with the file that defines it (whose own names its value's named parts are). */
  private namedStringAt(e: Entry, chain: string[]): { e: Entry; value: string } | undefined {
    if (chain.length > 2) return undefined;
    const [head, attr] = chain;
    const imp = importNamed(e.links, head);
    // Where the name is defined: this file, or the module (or module attribute) it was imported from.
    const t = imp ? this.resolveImport(e, imp.module, imp.imported, attr) : { e, name: head };
    const constants = t?.e.links.constants;
    if (t && constants) {
      // `API_PREFIX`, or `config.API_PREFIX` with `config` a module: a constant of that module.
      if (attr === undefined || t.name === attr) return constants[t.name] !== undefined ? { e: t.e, value: constants[t.name] } : undefined;
      // `Settings.API_V1_STR`, or `settings.API_V1_STR` with `settings = Settings()`: the class's default.
      const value = constants[`${t.name}.${attr}`] ?? constants[`${t.e.links.types?.get(t.name) ?? ''}.${attr}`];
      if (value !== undefined) return { e: t.e, value };
    }
    const fallback = attr === undefined ? undefined : this.settingsDefault(e.group, attr);
    return fallback !== undefined ? { e, value: fallback } : undefined;
  }

  /**
   * `settings.api_prefix` where `settings = get_app_settings()` (a factory, often choosing the class by
   * environment): the default a settings class of the service gives that attribute, when its settings classes
   * (named `…Settings`/`…Config`) agree on one.
   */
  private settingsDefault(group: string, attr: string): string | undefined {
    const key = `${group}\u0000${attr}`;
    if (this.settingsDefaults.has(key)) return this.settingsDefaults.get(key);
    const value = this.settingsDefaultUncached(group, attr);
    this.settingsDefaults.set(key, value);
    return value;
  }

  /** Per join: the same named prefix is read for every route under it. */
  private readonly settingsDefaults = new Map<string, string | undefined>();

  private settingsDefaultUncached(group: string, attr: string): string | undefined {
    const values = new Set<string>();
    const suffix = '.' + attr;
    for (const other of this.entries) {
      const constants = other.group === group ? other.links.constants : undefined;
      if (!constants) continue;
      for (const key in constants) if (key.endsWith(suffix) && /(Settings|Config)$/.test(key.slice(0, -suffix.length))) values.add(constants[key]);
    }
    return values.size === 1 ? [...values][0] : undefined;
  }

  private resolveMountTarget(e: Entry, mount: MountFact): { e: Entry; name: string } | undefined {
    if (mount.plugin === 'hapi') {
      // The plugin's module (or object), whose `register(server, options)` adds the routes the prefix applies to.
      const t = this.resolveMountTarget(e, { ...mount, plugin: undefined });
      return t ? { e: t.e, name: 'register' } : undefined;
    }
    if (mount.module) {
      // (Python: also a module reached through one imported under a name, Kiwi TCMS's `include(testcases_urls.case_urls)`
      // with `from tcms.testcases import urls as testcases_urls`, or `import api.settings.urls as settings_urls`.)
      const t = this.resolveModule(e, mount.target.length === 1 ? mount.target[0] : mount.target.join('.')) ?? (e.family === 'python' ? this.pythonImportedModule(e, mount.target) : undefined);
      if (t) return { e: t, name: t.family === 'python' ? 'urlpatterns' : (t.links.exports.default ?? 'default') };
      // DRF: `include(router.urls)`, `urlpatterns += router.urls`: the routes registered on that router.
      // Also one of another module, reached through it: `include(api_routes.tag_router.urls)` (linkding).
      if (mount.target.length >= 2 && mount.target[mount.target.length - 1] === 'urls') return this.resolveMountTarget(e, { ...mount, module: false, target: mount.target.slice(0, -1) });
      return undefined;
    }
    // Django: a name `include()` is given that is imported as a URLconf module, not a list of patterns (baserow's
    // `from .settings import urls as settings_urls`, `include(settings_urls)`): that module's urlpatterns.
    if (mount.django && e.family === 'python' && mount.target.length === 1) {
      const t = this.pythonImportedModule(e, mount.target);
      if (t) return { e: t, name: 'urlpatterns' };
    }
    const [head, ...rest] = mount.target;
    if (mount.targetType && rest.length) {
      // chi: `r.Mount("/api", appAPI.Router())` with `appAPI, err := app.NewAPI(db)`: that type's method.
      const fn = this.goTypedMethods(e, mount.targetType, rest[rest.length - 1])[0];
      if (fn) return { e: fn.e, name: rest[rest.length - 1] };
    }
    const imp = importNamed(e.links, head);
    if (!imp) {
      // Same file: a router variable or a factory function; Go: a function of the same package.
      if (e.family === 'go' && rest.length === 0) {
        const fn = this.goPackageFunction(e, head);
        if (fn) return { e: fn.e, name: head };
      }
      // Go `svc.apiKeyModule.RegisterRoutes(apiGroup, …)` (pocket-id): the method of the type of that field, as the
      // package declares it (`apiKeyModule *apikey.Module`).
      if (e.family === 'go' && rest.length === 2) {
        const field = this.goFieldType(e, e.dir, rest[0]);
        const fn = field ? this.goMethodsOfType(field.at, field.type, rest[1])[0] : undefined;
        if (fn) return { e: fn.e, name: rest[1] };
      }
      // Go `todosResource{}.Routes()`: the method of that type, in whichever file of the package has it.
      if (e.family === 'go' && rest.length === 1) {
        const fns = this.goDirFunctions(e.dir, rest[0]);
        // …or, on a receiver value (`a.registerUsersRoutes(apiv2)` in a method of `a *API`), the package's one method
        // of that name.
        // (A method, never a function of no receiver: nginx-ui's `c.InitRouter(g)` with `c := cosy.Api[T](…)` is cosy's.)
        const fn = fns.find((r) => r.e.links.functions[r.fn].owner === head) ?? (/^[a-z]/.test(head) && fns.length === 1 && fns[0].e.links.functions[fns[0].fn].owner ? fns[0] : undefined);
        if (fn) return { e: fn.e, name: rest[0] };
        if (/^[a-z]/.test(head) && fns.length && fns.every((r) => !r.e.links.functions[r.fn].owner)) return undefined;
      }
      return { e, name: rest.length ? rest[rest.length - 1] : head };
    }
    if (e.family === 'go' && rest.length === 1) {
      // `users.Register(…)`: a function of an imported package, in whichever of its files defines it.
      const dir = this.goImportDir(imp.module);
      const fn = dir !== undefined ? this.goDirFunctions(dir, rest[0])[0] : undefined;
      if (fn) return { e: fn.e, name: rest[0] };
      // Beego's `web.NSInclude(&controllers.ObjectController{})`: the routes its comments declare, on the methods of
      // that type, in the file of the package that has them.
      const owner = dir !== undefined && /^[A-Z]/.test(rest[0]) ? this.byDir.get(dir)?.find((entry) => entry.links.functions.some((f) => f.owner === rest[0])) : undefined;
      if (owner) return { e: owner, name: rest[0] };
    }
    // Python: a member of a module of the package imported under a name, Prefect's `api_app.include_router(
    // api.flows.router)` with `import prefect.server.api as api`: that module's (api/flows.py's) `router`.
    const sub = e.family === 'python' && rest.length >= 2 ? this.pythonImportedModule(e, mount.target.slice(0, -1)) : undefined;
    if (sub) return { e: sub, name: rest[rest.length - 1] };
    const t = this.resolveImport(e, imp.module, imp.imported, rest[0]);
    if (!t) return undefined;
    // A member of a module's exports object (`routes.api` with `module.exports = { api: apiRouter }`): its local name.
    if (rest.length === 1 && t.e.family === 'js' && (t.name === 'default' || t.name === '*' || t.name === rest[0])) return { e: t.e, name: t.e.links.exports[rest[0]] ?? rest[0] };
    if (rest.length) return { e: t.e, name: rest[rest.length - 1] };
    return { e: t.e, name: t.name };
  }

  /**
   * Python: the module file a chain names that starts at a module imported under a name (`settings_urls` with `from
   * .settings import urls as settings_urls` or `import api.settings.urls as settings_urls`; `testcases_urls.case_urls`,
   * a module of that package). Undefined when the name is no import or what it names is no module of the workspace
   * (`from .urls import plugin_api_patterns`, a list).
   */
  private pythonImportedModule(e: Entry, chain: string[]): Entry | undefined {
    const imp = importNamed(e.links, chain[0]);
    if (!imp) return undefined;
    const base = imp.imported === '*' ? imp.module : imp.module.endsWith('.') ? imp.module + imp.imported : `${imp.module}.${imp.imported}`;
    return this.resolveModule(e, [base, ...chain.slice(1)].join('.'));
  }

  // ---- calls: from a chain written in one file to the functions it may land on ----

  /** Cached per call site (a CallFact belongs to one caller), so the join allocates no keys. */
  private resolveCall(e: Entry, caller: number, chain: string[], site?: CallFact): FnRef[] {
    if (!site) return this.resolveCallUncached(e, caller, chain).slice(0, MAX_TARGETS);
    const cached = this.callTargets.get(site);
    if (cached) return cached;
    const kept = this.kept?.get(site);
    const refs = kept?.map(({ file, fn }) => ({ e: this.byFile.get(file)!, fn }));
    const fresh = () => {
      // A decorator: the wrappers written inside the module function it names (those of a factory's inner decorator too).
      if (site.decorates) return this.capped(e.family === 'python' ? this.decoratorRuns(e, caller, chain, site) : this.resolveCallUncached(e, caller, chain).flatMap((t) => (t.e.links.functions[t.fn].owner ? [] : this.nestedIn(t.e, t.fn).map((fn) => ({ e: t.e, fn })))));
      const method = chain[chain.length - 1];
      // An attribute read: a property of the row's model, or nothing (a field, a relation: see lazyRelationLoads).
      if (site.readsProperty) return site.receiverType ? this.capped(this.methodsOf(e, site.receiverType, method).filter((t) => t.e.links.functions[t.fn].property)) : [];
      // `httpHeaders := http.Header{}` then `httpHeaders.Set(k, v)`: a standard library type's method, not a
      // method of the workspace that happens to share its name (navidrome's kvstore Set).
      if (e.family === 'go' && site.receiverType !== undefined && this.goStandardType(e, site.receiverType)) return [];
      // …nor of what a workspace function returns that is a library's type (casdoor's `enforcer, err :=
      // getPermissionEnforcer(…)`, a `*casbin.Enforcer`; its `RemovePolicies` is casbin's, not the workspace's adapter's).
      if (e.family === 'go' && site.receiverFrom !== undefined && this.goReturnsForeignType(e, site.receiverFrom)) return [];
      // A Django form a function view makes and validates (`form = TagMergeForm(request.POST); form.is_valid()`):
      // Django runs its `clean` and each `clean_<field>`, as for an edit view's `form_class`.
      if (e.family === 'python' && site.receiverType !== undefined && FORM_VALIDATION.has(method)) {
        const form = this.resolveMountTarget(e, { prefix: '', target: [site.receiverType] });
        const cleans = form ? form.e.links.functions.flatMap((f, fn) => (f.owner === form.name && (f.name === 'clean' || f.name.startsWith('clean_')) ? [{ e: form.e, fn }] : [])) : [];
        if (cleans.length) return cleans;
      }
      // A marshmallow schema's `load`/`dump` (`UserSchema(view="admin").load(data)`, `schema.dump(user)`): its hooks run.
      // An event published (Spring's publishEvent, NestJS's emit, a Go bus's Dispatch): its listeners in the service
      // run, beside what the call lands on itself (a project's own `emit` or `Publish` method does its own work too).
      if (site.event) {
        const listeners = this.eventListeners(e.group, site.event);
        if (listeners.length) return [...this.resolveCallUncached(e, caller, chain).slice(0, MAX_TARGETS), ...listeners];
      }
      // A DRF serializer made with a row or rows (`PhotoSerializer(photos, many=True)`): what rendering them runs.
      // (Beside what the call lands on anyway: the serializer's `__init__`.)
      if (e.family === 'python' && site.renders) {
        const rendered = this.serializerRowMethods(e, chain);
        if (rendered.length) return [...this.resolveCallUncached(e, caller, chain), ...rendered].slice(0, MAX_TARGETS);
      }
      // A loop's own variable of no known type (CallFact.receiverType ''): not the class its name would guess.
      if (e.family === 'js' && site.receiverType === '') return [];
      // An item of a loop over a struct's slice field (semaphore's `for i, o := range backup.Views`): the element's method.
      if (e.family === 'go' && site.receiverItemOf) {
        const items = this.goSliceItemMethods(e, site.receiverItemOf, method);
        // (An interface with more than MAX_TARGETS implementations: each of them on a route's path, see manyOf; not
        // the package's first methods of that name.)
        if (items.length || this.overflow) return this.capped(items);
      }
      const schemaStep = e.family === 'python' ? SCHEMA_CALLS.get(method) : undefined;
      if (schemaStep) {
        const hooks = this.schemaHooks(e, site.receiverType ?? (chain.length === 2 && /^[A-Z]/.test(chain[0]) ? chain[0] : undefined), schemaStep, site.loop?.kind === SCHEMA_MANY);
        if (hooks.length) return hooks;
      }
      const typed =
        site.receiverType !== undefined
          ? e.family === 'go'
            ? // A parameter typed by an interface (`_store store.Store`): its implementation's method runs.
              this.goMethodsOfType(e, site.receiverType, method)
            : [site.receiverType, ...(site.receiverAlternatives ?? [])].flatMap((type) => this.methodsOf(e, type, method, 0, site.receiverMade ? 'made' : 'typed'))
          : site.receiverFrom
            ? e.family === 'go'
              ? this.goMethodsOfReturned(e, site.receiverFrom, method)
              : this.methodsOfWhatReturns(e, caller, site.receiverFrom, method)
            : e.family === 'go' && site.receiverOfAccessor !== undefined
              ? this.goMethodsOfAccessorResult(e, site.receiverOfAccessor, chain[1], method)
              : [];
      // (Nor, for a Go interface of too many implementations, the package's methods of the name: see manyOf.)
      // (Python: a local the caller gives a call's result is its own, not of the class the file gives a namesake.)
      const local = e.family === 'python' && site.receiverFrom !== undefined;
      return this.capped(overloadFor(typed.length || (e.family === 'go' && this.overflow) ? typed : this.resolveCallUncached(e, caller, chain, local), site.args, site.argTypes));
    };
    this.overflow = undefined;
    this.guessed = false;
    const reused = refs && refs.every((r) => r.e) ? refs : undefined;
    const out = reused ?? fresh();
    const dropped = this.takeOverflow();
    if (reused ? this.cache?.guessed.has(site) : this.guessed && out.length) {
      this.guessedSites.add(site);
      this.cache?.guessed.add(site);
    } else if (!reused) this.cache?.guessed.delete(site);
    this.guessed = false;
    this.callTargets.set(site, out);
    if (!kept) this.kept?.set(site, out.map((r) => ({ file: r.e.a.file, fn: r.fn })));
    if (!reused) {
      // (Beside what a Java interface declares itself, which the call lands on too: apollo's `userService.searchUsers(…)`,
      // whose four implementations, one per login provider, would otherwise leave `GET /users` reaching none of them.)
      const many = dropped && out.every((r) => this.declaredByInterface(r)) ? dropped : undefined;
      if (many) {
        this.cache?.many.set(site, many.map((r) => ({ file: r.e.a.file, fn: r.fn })));
        this.manyTargets.set(site, many);
      } else this.cache?.many.delete(site);
    }
    return out;
  }

  /**
   * Every implementation a call site may land on when there are more than MAX_TARGETS (alist's 70 storage drivers
   * behind `driver.Driver`, hedgedoc's media backends): too many to say which one a call's effects are, but one of
   * them runs on the request's path, so the walk of a route reaches them all (up to MANY_TARGETS).
   */
  private manyOf(site: CallFact): FnRef[] | undefined {
    const found = this.manyTargets.get(site);
    if (found) return found;
    const kept = this.cache?.many.get(site);
    const refs = kept?.map(({ file, fn }) => ({ e: this.byFile.get(file)!, fn }));
    if (!refs || !refs.every((r) => r.e)) return undefined;
    this.manyTargets.set(site, refs);
    return refs;
  }

  /**
   * At most MAX_TARGETS functions, not counting an interface's own declarations beside its implementations: apollo's
   * `UserService.searchUsers` and three implementations are the three that run, not two of them.
   */
  private capped(refs: FnRef[]): FnRef[] {
    if (refs.length <= MAX_TARGETS) return refs;
    let others = 0;
    return refs.filter((r) => this.declaredByInterface(r) || ++others <= MAX_TARGETS);
  }

  /**
   * A method of a type that classes implement (an interface's own declaration, or its default method), or a Python
   * method with no body of its own, which subclasses override (FunctionFact.abstract).
   */
  private declaredByInterface(r: FnRef): boolean {
    const f = r.e.links.functions[r.fn];
    return f.owner !== undefined && (this.implementers.has(f.owner) || (f.abstract === true && r.e.family === 'python'));
  }

  /** What resolving a call dropped for having more than MAX_TARGETS implementations (set by methodsOf, goImplementations). */
  private overflow?: FnRef[];

  /**
   * Resolving a call took methods by their name alone, of no receiver type it knows (set by byNameOnly): a Go
   * package's methods of that name whatever their type (photoprism's `file.Delete(false)` landing on `Session.Delete`),
   * a class guessed from a field's name, a file's namesakes of `this.m()`.
   */
  private guessed = false;
  /** Call sites resolved so (resolveCall): a forwarder they reach still uses up a call (walk). */
  private readonly guessedSites = new WeakSet<CallFact>();

  /** `refs`, noting that they were found by name alone when any is a method (a function of that name is no guess). */
  private byNameOnly(refs: FnRef[]): FnRef[] {
    if (refs.some((r) => r.e.links.functions[r.fn].owner !== undefined)) this.guessed = true;
    return refs;
  }

  private takeOverflow(): FnRef[] | undefined {
    const dropped = this.overflow;
    this.overflow = undefined;
    return dropped;
  }
  private readonly manyTargets = new Map<CallFact, FnRef[]>();

  /** The hooks of schema class `type` that its `load` or `dump` runs (only those run per item, for a `many=True` one). */
  private schemaHooks(e: Entry, type: string | undefined, on: 'load' | 'dump', perItem: boolean): FnRef[] {
    const schema = type ? this.resolveMountTarget(e, { prefix: '', target: [type] }) : undefined;
    if (!schema) return [];
    const out: FnRef[] = [];
    schema.e.links.functions.forEach((f, fn) => {
      if (f.owner === schema.name && f.schemaHook?.on === on && (!perItem || f.schemaHook.perItem)) out.push({ e: schema.e, fn });
    });
    return out;
  }

  /** The listeners of an event (a Spring application event type, a NestJS event key) in a service's files (FunctionFact.listensTo). */
  private eventListeners(group: string, event: string): FnRef[] {
    if (!this.listeners) {
      this.listeners = new Map();
      for (const e of this.entries) {
        if (e.test) continue;
        e.links.functions.forEach((f, fn) => {
          // A Go function of a bus handler's shape is one only if the service registers it on its bus.
          for (const event of f.listensTo ?? []) if (e.family !== 'go' || this.busHandlers(e.group).has(f.name)) pushTo(this.listeners!, `${e.group}\u0000${event}`, { e, fn });
        });
      }
    }
    return this.listeners.get(`${group}\u0000${event}`) ?? [];
  }

  /** The names a service's Go files register on a message bus (FileLinks.goBusHandlers). */
  private busHandlers(group: string): Set<string> {
    let names = this.registered.get(group);
    if (!names) {
      names = new Set();
      for (const e of this.entries) if (e.group === group && !e.test) for (const name of e.links.goBusHandlers ?? []) names.add(name);
      this.registered.set(group, names);
    }
    return names;
  }

  private readonly registered = new Map<string, Set<string>>();

  private listeners?: Map<string, FnRef[]>;

  /** The methods DRF calls for each row a serializer class renders: its `get_<field>`s (not DRF's own) and `to_representation`. */
  private serializerRowMethods(e: Entry, chain: string[]): FnRef[] {
    const cls = this.resolveMountTarget(e, { prefix: '', target: chain });
    if (!cls) return [];
    const out: FnRef[] = [];
    cls.e.links.functions.forEach((f, fn) => {
      if (f.owner === cls.name && isRowMethod(f)) out.push({ e: cls.e, fn });
    });
    return out;
  }

  /** Functions of a file with this name (and owner), through a per-file index built on first use. */
  private named(entry: Entry, name: string, owner?: string): FnRef[] {
    let index = this.byName.get(entry);
    if (!index) {
      index = new Map();
      const fns = entry.links.functions;
      for (let fn = 0; fn < fns.length; fn++) {
        const list = index.get(fns[fn].name);
        if (list) list.push(fn);
        else index.set(fns[fn].name, [fn]);
      }
      this.byName.set(entry, index);
    }
    const out: FnRef[] = [];
    for (const fn of index.get(name) ?? []) if (owner === undefined || entry.links.functions[fn].owner === owner) out.push({ e: entry, fn });
    return out;
  }

  /** `local`: chain[0] is a local name the caller gives a value of its own (CallFact.receiverFrom), of no type the file says. */
  private resolveCallUncached(e: Entry, caller: number, chain: string[], local = false): FnRef[] {
    const fns = e.links.functions;
    // Java: a method of this class called through its Spring proxy, so that its `@Transactional` or `@Cacheable`
    // applies (RuoYi's `SpringUtils.getAopProxy(this).selectRoleList(role)`, yudao's `getSelf().validate(…)`): its own
    // method. (`((UserService) AopContext.currentProxy()).m()` is cast, and reads as no chain.)
    if (e.family === 'java' && ((chain.length === 3 && AOP_PROXY.test(chain[1])) || (chain.length === 2 && chain[0] === 'getSelf'))) return this.resolveCallUncached(e, caller, ['this', chain[chain.length - 1]]);
    // MyBatis-Plus: a ServiceImpl's own mapper, `getBaseMapper().listOnline()`, is its inherited `baseMapper` field.
    if (e.family === 'java' && chain.length === 2 && chain[0] === 'getBaseMapper') return this.resolveCallUncached(e, caller, ['this', 'baseMapper', chain[1]]);
    // …and any getter of the class that says what it returns (hertzbeat's `getMonitorService().updateAppCollectJob(app)`
    // with `private MonitorService getMonitorService()`): that type's method.
    if (e.family === 'java' && chain.length === 2 && /^get[A-Z]/.test(chain[0]) && caller >= 0 && fns[caller]?.owner) {
      const getters = this.named(e, chain[0], fns[caller].owner);
      const type = getters.length === 1 ? fns[getters[0].fn].returns : undefined;
      const found = type ? this.methodsOf(e, type, chain[1]) : [];
      if (found.length) return found;
    }
    const self = chain[0] === 'this' || chain[0] === 'self';
    if (chain.length === 4 && e.family === 'go') {
      const nested = this.goFieldOfField(e, chain);
      if (nested.length) return nested;
    }
    // Wiki.js: `WIKI.models.users.updateUser(…)`, where a file of the service loads the `models` folder whole with
    // `auto-load` (FileLinks.autoloadedFolders): the method of the class models/users.js exports.
    if (chain.length === 4 && e.family === 'js' && !self) {
      const loaded = this.autoloadedMethods(e, chain[1], chain[2], chain[3]);
      if (loaded.length) return loaded;
    }
    // Only through what the accessor returns: nothing else is known of what stands before it.
    if (chain.length > 3) return this.returnedBy(e, caller, chain, false);
    if (chain.length === 1) {
      let local = this.named(e, chain[0]);
      // Python: a bare name is never a method (a class body is no scope of its methods): `resolve_stocks(info)` in
      // saleor's `Query.resolve_stocks` calls the function it imports, not itself.
      if (e.family === 'python' && local.some((r) => fns[r.fn].owner)) local = local.filter((r) => !fns[r.fn].owner);
      if (local.length) return local;
      // Python: a class called runs its `__init__` (lemur's `Certificate(**kwargs)`, whose name is looked up there).
      const constructs = e.family === 'python' && /^[A-Z]/.test(chain[0]);
      if (constructs) {
        const init = this.named(e, '__init__', chain[0]);
        if (init.length) return init;
      }
      const imp = importNamed(e.links, chain[0]);
      if (imp) {
        const t = this.resolveImport(e, imp.module, imp.imported);
        if (!t) return [];
        const named = this.named(t.e, t.name);
        return named.length || !constructs ? named : this.pythonInit(t.e, t.name);
      }
      if (constructs && this.basesOf.has(chain[0])) return this.pythonInit(e, chain[0]);
      if (e.family === 'go') {
        const fn = this.goPackageFunction(e, chain[0]);
        return fn ? [fn] : [];
      }
      // A Passport strategy's verify function, configured in a module the route's file need not import.
      if (chain[0].startsWith('passport:')) {
        const verifier = (o: Entry) => o.links.passportVerifiers?.[chain[0]];
        return this.entries
          .filter((o) => sharedWith(o, e))
          .flatMap((o) => [...(o !== e ? this.named(o, chain[0]) : []), ...(verifier(o) ? this.named(o, verifier(o)!) : [])]);
      }
      return [];
    }
    const method = chain[chain.length - 1];
    if (chain[0] === 'super') {
      // The method as the caller's class inherits it: its bases', not its own (an override calling up would call itself).
      const owner = caller >= 0 ? fns[caller]?.owner : undefined;
      return owner ? (this.basesOf.get(owner) ?? []).flatMap((base) => this.methodsOf(e, base, method)) : [];
    }
    if ((self || (chain[0] === 'cls' && e.family === 'python')) && chain.length === 2) {
      const owner = caller >= 0 ? fns[caller]?.owner : undefined;
      const local = this.named(e, method, owner);
      if (local.length) return local;
      // Inherited from a class written in another file (`cls.clean_input()` in a mutation, a base service's helper).
      const inherited = owner ? this.methodsOf(e, owner, method) : [];
      // Python: not another class's namesake when the class extends one from outside the workspace, which may define it
      // (nautobot's `HomeView(TemplateView)` calling `self.get_context_data()` is Django's, not ThemePreviewView's of the
      // same module). A mixin of no such base still finds the hook its subclasses define.
      if (!inherited.length && e.family === 'python' && owner && this.extendsOutside(owner)) return [];
      return inherited.length ? inherited : this.byNameOnly(this.named(e, method));
    }
    const head = self ? chain[1] : chain[0];
    const imp = !self ? importNamed(e.links, head) : undefined;
    if (imp) {
      const t = this.resolveImport(e, imp.module, imp.imported, chain.length === 2 ? method : chain[1]);
      if (t) {
        // `models.Query.by_user()`, or `Query.by_user()` after `from models import Query`: that class's method, not
        // every `by_user` of the module (redash's Dashboard has one too).
        const cls = chain.length === 3 ? chain[1] : imp.imported;
        if (chain.length <= 3 && this.owners.has(cls)) {
          const owned = this.named(t.e, method, cls);
          if (owned.length) return owned;
        }
        // …or one it inherits, from a mixin of another module too (redash's `Group(db.Model, BelongsToOrgMixin)` with
        // `get_by_id_and_org` in models/mixins.py): not every method of that name the module has.
        if (e.family === 'python' && chain.length <= 3 && this.basesOf.has(cls)) {
          const inherited = this.methodsOf(t.e, cls, method);
          if (inherited.length) return inherited;
        }
        if (e.family === 'go' && chain.length === 3) {
          const returned = this.goMethodsOfDeclaredResult(e, chain.slice(0, 2), method);
          if (returned) return returned;
        }
        // `calibre_db.get_book(id)` with `from . import calibre_db`, the package's `calibre_db = db.CalibreDB()`: that
        // class's method, wherever the class is written.
        const held = e.family === 'python' && chain.length === 2 ? t.e.links.moduleInstances?.[imp.imported] : undefined;
        if (held) {
          const methods = this.methodsOf(t.e, held, method);
          if (methods.length) return methods;
        }
        const direct = e.family === 'go' && chain.length === 2 ? this.byNameOnly(this.goPackageFunctionsFirst(this.named(t.e, method))) : this.named(t.e, method);
        // JavaScript: the member of the object the call names, plunk's `ProjectService.contacts.get(id)` with `public
        // static contacts = { get: … }` beside `emails = { get: … }`, `users.list()` of `export const users = { list… }`.
        if (e.family === 'js' && direct.length > 1 && chain.length <= 3) {
          const holder = chain.length === 3 ? chain[1] : t.name;
          const held = direct.filter((r) => r.e.links.functions[r.fn].holder === holder);
          if (held.length) return held;
        }
        if (direct.length) return direct;
        // `contexts.ListContext(request)` (linkding's views): a class of the module, called.
        if (e.family === 'python' && chain.length === 2 && /^[A-Z]/.test(method)) return this.pythonInit(t.e, method);
        if (e.family === 'go') {
          const inPackage = this.byNameOnly(chain.length === 2 ? this.goPackageFunctionsFirst(this.goDirFunctions(t.e.dir, method)) : this.goDirFunctions(t.e.dir, method));
          // `store.FromContext(c).RepoList()`: a method of what the package's function returns.
          return inPackage.length || chain.length !== 3 ? inPackage : this.goMethodsOfReturned(e, chain.slice(0, 2), method);
        }
        // `import orders from './orders'` then `orders.list()`: an object or class of that module.
        return this.named(t.e, method);
      }
      if (e.family === 'go') {
        const returned = chain.length === 3 ? this.goMethodsOfDeclaredResult(e, chain.slice(0, 2), method) : undefined;
        if (returned) return returned;
        const dir = this.goImportDir(imp.module);
        const inPackage = this.byNameOnly(dir === undefined ? [] : chain.length === 2 ? this.goPackageFunctionsFirst(this.goDirFunctions(dir, method)) : this.goDirFunctions(dir, method));
        if (inPackage.length || chain.length !== 3) return inPackage;
        return this.goMethodsOfReturned(e, chain.slice(0, 2), method);
      }
    }
    // A method delegating to a field's method of its own name (oapi-codegen's wrapper calling `w.Handler.ListRuns`):
    // not its own type's, which would call itself for ever.
    const delegating = caller >= 0 && fns[caller]?.name === method ? fns[caller].owner : undefined;
    const typed = local ? [] : this.typedTargets(e, chain, self, method, delegating, caller >= 0 ? fns[caller]?.owner : undefined);
    if (typed.length) return typed;
    if (e.family === 'go' && chain.length === 2) {
      // A package variable made by a constructor of another package (1Panel's `appDetailRepo =
      // repo.NewIAppDetailRepo()`): the method of the type it returns, not a namesake of this package's
      // (`BackupService.Update`), which the lookup by name below would take.
      const held = this.goPackageVarMethods(e, chain[0], method);
      if (held.length) return held;
      const returned = this.goMethodsOfDeclaredResult(e, chain.slice(0, 1), method);
      if (returned) return returned;
      // A package variable of a library's type (CasaOS's `var FileQueue sync.Map`, then `FileQueue.Delete(v)`): that
      // type's method, not a namesake of this package's (its `relyService.Delete`, a query).
      if (this.goPackageVarOfLibraryType(e, chain[0])) return [];
      // A method on a receiver of this package: `svc.homeHandler`, `s.repo.Find`; not the delegating method itself
      // (gin-vue-admin's handler `SetRoleUsers` calling `authorityService.SetRoleUsers`, a service of another package).
      const inPackage = this.goDirFunctions(e.dir, method).filter((r) => delegating === undefined || r.e.links.functions[r.fn].owner !== delegating);
      if (inPackage.length) return this.byNameOnly(inPackage);
    }
    if (e.family === 'js') {
      const decorated = this.decoratedTargets(e, chain, self, method);
      if (decorated.length) return decorated;
    }
    // `self.repo.get_one()` where `repo` is the class's property `def repo(self) -> RepositoryRecipes`.
    if (self && chain.length === 3) {
      const returned = this.returnedBy(e, caller, chain, true);
      if (returned.length) return returned;
    }
    // `this.orderService.findAll()`, `orderRepository.load()`: a method of the class the field is named after. Not
    // one named after the first of a longer chain: in `challenge.requirements.get()` the `get` is requirements'.
    if (chain.length !== (self ? 3 : 2)) return [];
    // A Python name of no known type read as a dict (`for flag in json_flags: flag.get("type")`): not the `get` of a
    // class named like it (CTFd's Flag, a Flask-RESTX resource whose `get` answers GET).
    if (!self && e.family === 'python' && PY_MAPPING_METHODS.has(method) && /^[a-z_]/.test(head)) return [];
    const field = head.replace(/^_+/, '');
    if (field.length < 3) return [];
    // Java's `var x = …`: a local of a type the text does not say, not one named after it (declaredTypes).
    if (e.family === 'java' && e.links.types?.get(head) === '') return [];
    // A value of the language's own (vendure's InMemoryCacheStrategy: `protected cache = new Map<string, …>()`, then
    // `this.cache.delete(key)`): the Map's `delete`, not that of the project's `Cache` class its name recalls.
    if (e.family === 'js') {
      const owner = self && caller >= 0 ? fns[caller]?.owner : undefined;
      const type = e.links.types?.get(head) ?? (owner !== undefined ? this.inheritedFieldType(e, owner, head) : undefined);
      if (type !== undefined && JS_BUILT_IN_TYPE.test(type)) return [];
    }
    return this.byNameOnly(this.methodsOf(e, field[0].toUpperCase() + field.slice(1), method));
  }

  /**
   * `method` of the module a member of an `auto-load`ed folder is: `folder` is the folder's own name (`models`),
   * `name` the file's without extension (`users`). Only a class's methods (the class the module exports, when it
   * says), and only when one file of the service answers: a base the loading file does not say (`WIKI.SERVERPATH`)
   * is matched by the folder's trailing path, and two such folders are not told apart.
   */
  private autoloadedMethods(e: Entry, folder: string, name: string, method: string): FnRef[] {
    if (!this.autoloaded) {
      this.autoloaded = new Map();
      const folders = this.entries.flatMap((x) => (x.test ? [] : (x.links.autoloadedFolders ?? []).map((f) => ({ group: x.group, own: f.folder.split('/').pop()!, dir: f.rooted ? normalise(`${x.dir}/${f.folder}`) : f.folder, rooted: f.rooted }))));
      for (const f of folders) {
        for (const x of this.entries) {
          if (x.test || x.family !== 'js' || x.group !== f.group || !(x.dir === f.dir || (!f.rooted && x.dir.endsWith(`/${f.dir}`)))) continue;
          const stem = x.a.file.slice(x.dir.length).replace(/^\//, '').replace(/\.[cm]?[jt]sx?$/, '');
          const key = `${f.group}\0${f.own}\0${stem}`;
          const list = this.autoloaded.get(key);
          if (!list) this.autoloaded.set(key, [x]);
          else if (!list.includes(x)) list.push(x);
        }
      }
    }
    const found = this.autoloaded.get(`${e.group}\0${folder}\0${name}`);
    if (found?.length !== 1) return [];
    const t = found[0];
    const exported = t.links.exports.default;
    const methods = this.named(t, method).filter((r) => t.links.functions[r.fn].owner !== undefined);
    const own = methods.filter((r) => t.links.functions[r.fn].owner === exported);
    return own.length ? own : methods;
  }

  private autoloaded?: Map<string, Entry[]>;

  /**
   * Fastify: `tasksRepository.paginate()` after `const { tasksRepository } = fastify`, or
   * `fastify.tasksRepository.paginate()`, where a plugin of the service did `fastify.decorate('tasksRepository', …)`.
   */
  private decoratedTargets(e: Entry, chain: string[], self: boolean, method: string): FnRef[] {
    const name = chain.length === 2 && !self ? chain[0] : chain.length === 3 ? chain[1] : undefined;
    if (name === undefined) return [];
    if (!this.decorations) {
      this.decorations = new Map();
      for (const d of this.entries) {
        for (const [key, owner] of Object.entries(d.links.decorations ?? {})) {
          const list = this.decorations.get(key) ?? [];
          list.push({ e: d, owner });
          this.decorations.set(key, list);
        }
      }
    }
    const decorated = this.decorations.get(name);
    if (!decorated) return [];
    const owners = new Set(decorated.filter((d) => sharedWith(d.e, e)).map((d) => d.owner));
    return [...owners].flatMap((owner) => this.methodsOf(e, owner, method));
  }

  /**
   * What `self.m()` / `cls.m()` / `this.m()` written in a method of `owner` may also run: the overrides of `m` in the
   * classes of the caller's service that extend `owner`, at any depth (outside tests). Empty for any other chain.
   */
  private overridesBelow(e: Entry, owner: string, chain: string[]): FnRef[] {
    if (chain.length !== 2 || !(chain[0] === 'self' || chain[0] === 'this' || (chain[0] === 'cls' && e.family === 'python'))) return [];
    return this.overridesOf(e, owner, chain[1]);
  }

  /**
   * The overrides of `method` in the classes of `e`'s service that extend `owner`, at any depth (outside tests).
   * `from`: the file declaring `owner` as the caller names it. Where another file declares a class of the same name
   * (app/cache/base.py's and app/files/base.py's `Backend`), a subclass is kept only where its base resolves, through
   * its own file's imports or in that file, to the one declaring the class above it.
   */
  private overridesOf(e: Entry, owner: string, method: string, from?: Entry): FnRef[] {
    const subclasses = this.subclassesOf();
    const key = `${e.group}\u0000${owner}#${method}${from ? `\u0000${from.a.file}` : ''}`;
    let out = this.overrides.get(key);
    if (out) return out;
    out = [];
    const seen = new Set([owner]);
    // Each class to visit, with its base and the files declaring that base on this path (undefined: any).
    const below = (base: string, files: Entry[] | undefined) => (subclasses.get(base) ?? []).map((cls) => ({ cls, base, files }));
    const queue = below(owner, from ? [from] : undefined);
    while (queue.length) {
      const { cls, base, files: baseFiles } = queue.pop()!;
      if (seen.has(cls)) continue;
      let files: Entry[] | undefined;
      if (baseFiles) {
        const extending = (this.classFiles().get(cls) ?? []).filter((f) => f.links.extendsOf?.[cls]?.includes(base));
        const namesakes = (this.classFiles().get(base) ?? []).some((f) => !baseFiles.includes(f));
        files = namesakes ? extending.filter((f) => baseFiles.includes(this.pyDeclaringFile(f, base)!)) : extending;
        // (A class of that name extending the other namesake: not one of the overrides, nor are its own subclasses.)
        if (!files.length) continue;
      }
      seen.add(cls);
      // (Never a test double kept in the package, `FakeLayer(BaseLayer)` in app/fakes.py or a class of mocks/: it runs
      // in no production path, and would push real overrides past MAX_TARGETS.)
      if (!TEST_DOUBLE_CLASS.test(cls)) {
        for (const r of this.byOwnerMethod.get(`${cls}#${method}`) ?? []) if (sharedWith(r.e, e) && !r.e.quiet && !TEST_DOUBLE_DIR.test(r.e.dir) && (!files || files.includes(r.e))) out.push(r);
      }
      queue.push(...below(cls, files));
    }
    this.overrides.set(key, out);
    return out;
  }

  /**
   * Python: the file declaring class `cls` as file `e` names it: `e` itself, or the module an import of the name
   * resolves to (undefined: neither, or a star import).
   */
  private pyDeclaringFile(e: Entry, cls: string): Entry | undefined {
    const files = this.classFiles().get(cls);
    if (!files) return undefined;
    if (files.includes(e)) return e;
    const imp = importNamed(e.links, cls);
    if (!imp || imp.imported === '*') return undefined;
    const t = this.resolveImport(e, imp.module, imp.imported);
    return t && files.includes(t.e) ? t.e : undefined;
  }

  /** Class `cls` extends `base`, directly or through others (up to three classes up). */
  private inheritsFrom(cls: string, base: string, depth = 0): boolean {
    const bases = this.basesOf.get(cls);
    return !!bases && (bases.includes(base) || (depth < 3 && bases.some((b) => this.inheritsFrom(b, base, depth + 1))));
  }

  /** Base class → the classes that extend it (from basesOf), built on first use. */
  private subclasses?: Map<string, string[]>;
  /** overridesBelow's answers, per service, class and method. */
  private readonly overrides = new Map<string, FnRef[]>();

  /** Decorator name → what each file decorating with it puts there (see decoratedTargets). */
  private decorations?: Map<string, { e: Entry; owner: string }[]>;

  /** `http.Header`, `strings.Builder`: a type of a package of Go's standard library (`net/http`, `strings`). */
  private goStandardType(e: Entry, type: string): boolean {
    // (What a request holds, whether or not the file imports its package: `r.URL.Query()`, `r.Header`.)
    if (type === 'url.Values' || type === 'http.Header') return true;
    const dot = type.indexOf('.');
    if (dot < 0) return false;
    const module = importNamed(e.links, type.slice(0, dot))?.module;
    return module !== undefined && GO_STD_ROOTS.has(module.split('/')[0]);
  }

  /**
   * Go: `method` of a type the code named, `T` or `pkg.T` (a type of an imported package, found in that package's
   * folder: `admin.API` and `app.API` are different types).
   */
  private goTypedMethods(e: Entry, type: string, method: string): FnRef[] {
    const dot = type.indexOf('.');
    if (dot < 0) {
      // A type named without its package is this package's (admin's and app's AccountResource; not a mockery mock
      // of the same name in mocks/).
      return this.methodsOf(e, type, method).filter((r) => r.e.dir === e.dir);
    }
    const imp = importNamed(e.links, type.slice(0, dot));
    const owner = type.slice(dot + 1);
    const dir = imp ? this.goTypeDir(imp.module, owner) : undefined;
    return dir !== undefined ? this.goDirFunctions(dir, method).filter((r) => r.e.links.functions[r.fn].owner === owner) : this.methodsOf(e, owner, method);
  }

  /**
   * The routes of a MyBatis XML statement: those reaching its Java method (of the mapper interface the namespace names,
   * in the service), when that method returns a collection, and those reaching a method whose `<collection>` runs it
   * (MapperStatement.via); when none does, the background tasks that reach one (a `@Scheduled` job's, as for a
   * hazard in code). Undefined when neither reaches one: a statement that nothing serving requests or running in the
   * background runs, or that returns one row (its nested selects then run once), is not reported.
   */
  private mapperRoutes(e: Entry, m: MapperStatement, hazardRoutes: Map<Entry, Map<number, RouteKey[]>>, tasks: Map<Entry, Map<number, string[]>>): Pick<Hazard, 'routes' | 'tasks'> | undefined {
    const routes: RouteKey[] = [];
    const names: string[] = [];
    const methods = [{ method: m.method, list: true }, ...(m.via ?? []).map((method) => ({ method, list: false }))];
    for (const { method, list } of methods) {
      for (const r of this.byOwnerMethod.get(`${m.owner}#${method}`) ?? []) {
        if (r.e === e || r.e.family !== 'java' || !sharedWith(r.e, e) || (list && !r.e.links.functions[r.fn].mapperList)) continue;
        for (const key of hazardRoutes.get(r.e)?.get(r.fn) ?? []) if (!routes.some((k) => k.method === key.method && k.path === key.path)) routes.push(key);
        for (const name of tasks.get(r.e)?.get(r.fn) ?? []) if (!names.includes(name)) names.push(name);
      }
    }
    return routes.length ? { routes } : names.length ? { routes, tasks: names } : undefined;
  }

  /** The methods that implement function `fn` of `e`, a method of an interface, in the classes of the service that implement it. */
  /** The controller methods an OpenAPI operation runs: those of the classes implementing its generated interface. */
  private specImplementations(e: Entry, spec: NonNullable<RouteLink['spec']>): FnRef[] {
    return spec.interfaces.flatMap((name) =>
      (this.implementers.get(name) ?? []).flatMap((cls) => (this.byOwnerMethod.get(`${cls}#${spec.method}`) ?? []).filter((r) => sharedWith(r.e, e) && !r.e.quiet)),
    );
  }

  /** An operation's path under each implementing controller's own `@RequestMapping` (Spring joins the two). */
  private specPaths(path: string, implemented: FnRef[]): string[] {
    const out = new Set<string>();
    for (const r of implemented) {
      const owner = r.e.links.functions[r.fn].owner;
      for (const written of (owner && r.e.links.classPrefixes?.[owner]) || ['']) {
        const prefix = written.includes(NAMED_PART) ? this.namedParts(r.e, written) : written;
        if (!prefix.includes(UNREAD_PART)) out.add(joinPaths('/', prefix, path));
      }
    }
    return [...out];
  }

  /** `anyService`: also implementations in another service's code than `e`'s, when `e` is in none (a Feign client's). */
  private implementationsOf(e: Entry, fn: number, anyService = false): FnRef[] {
    const { owner, name } = e.links.functions[fn];
    const classes = owner ? this.implementers.get(owner) : undefined;
    if (!classes) return [];
    const anywhere = anyService && e.group === '';
    return classes.flatMap((cls) => (this.byOwnerMethod.get(`${cls}#${name}`) ?? []).filter((r) => (anywhere || sharedWith(r.e, e)) && !r.e.quiet));
  }

  /**
   * Java: of an interface's implementations, those that run, when some are known to and others are never made nor
   * annotated: MaxKey's `ApprovalStore` is the `TokenApprovalStore` a `@Bean` method makes, not `JdbcApprovalStore`,
   * kept from the library it was ported from, whose loop of updates was on 41 routes. A class runs when it is annotated
   * as a bean (`@Service`, a project's own stereotype), made anywhere in the workspace (`new`, `::new`, a `@Bean`
   * method's type, `@Import`), or extended by one that is. When none is known to run, all of them, as before.
   */
  private runningOf(classes: string[]): string[] {
    if (classes.length < 2) return classes;
    const running = this.javaRunningClasses();
    const kept = classes.filter((c) => running.has(c));
    return kept.length === 0 || kept.length === classes.length ? classes : kept;
  }

  /**
   * Java: a class of the workspace annotated as a bean (FileLinks.javaBeans) implements interface `type` (also through
   * the interfaces extending it) or extends class `type`, or extends such a class: Spring's list of `type`'s beans
   * holds it (Hazard.loop.beans).
   */
  private hasBeanImplementations(type: string): boolean {
    const known = (this.beanTypes ??= new Map()).get(type);
    if (known !== undefined) return known;
    this.annotatedBeans ??= new Set(this.entries.flatMap((e) => (e.family === 'java' && !e.quiet ? (e.links.javaBeans ?? []) : [])));
    const subclasses = this.subclassesOf();
    const seen = new Set([type]);
    const todo = [...(this.implementers.get(type) ?? []), ...(subclasses.get(type) ?? [])];
    let found = false;
    while (todo.length && !found) {
      const cls = todo.pop()!;
      if (seen.has(cls)) continue;
      seen.add(cls);
      found = this.annotatedBeans.has(cls);
      todo.push(...(this.implementers.get(cls) ?? []), ...(subclasses.get(cls) ?? []));
    }
    this.beanTypes.set(type, found);
    return found;
  }

  private beanTypes?: Map<string, boolean>;

  /** Java: the classes of the workspace that may stand for one row (FileLinks.javaRowClasses), read once per join. */
  private javaRowClasses(): Set<string> {
    return (this.rowClasses ??= new Set(this.entries.flatMap((e) => (e.family === 'java' ? (e.links.javaRowClasses ?? []) : []))));
  }

  private rowClasses?: Set<string>;
  private annotatedBeans?: Set<string>;

  /** Java classes that run (see runningOf), with the classes they extend: read once per join from each file's facts. */
  private javaRunning?: Set<string>;
  private javaRunningClasses(): Set<string> {
    if (this.javaRunning) return this.javaRunning;
    const out = new Set<string>();
    const add = (cls: string, depth: number) => {
      if (out.has(cls)) return;
      out.add(cls);
      if (depth < 5) for (const base of this.basesOf.get(cls) ?? []) add(base, depth + 1);
    };
    for (const e of this.entries) {
      if (e.family !== 'java') continue;
      for (const cls of e.links.javaBeans ?? []) add(cls, 0);
      for (const cls of e.links.javaMade ?? []) add(cls, 0);
    }
    return (this.javaRunning = out);
  }

  /** The classes that implement interface `type`, also through the interfaces that extend it, without those interfaces. */
  private implementersOf(type: string): string[] {
    const out: string[] = [];
    const seen = new Set([type]);
    const todo = [...(this.implementers.get(type) ?? [])];
    while (todo.length) {
      const cls = todo.shift()!;
      if (seen.has(cls)) continue;
      seen.add(cls);
      const below = this.implementers.get(cls);
      if (below) todo.push(...below);
      else out.push(cls);
    }
    return out;
  }

  /** `method` of class `type` (or of `typeImpl`, its usual implementation, or inherited from a base) in the caller's service. */
  /** Python: what calling a class runs, its `__init__`, or the one it inherits (linkding's `class ActiveListContext(ListContext): pass`). */
  private pythonInit(at: Entry, cls: string): FnRef[] {
    const own = this.named(at, '__init__', cls);
    return own.length ? own : (this.basesOf.get(cls) ?? []).flatMap((base) => this.methodsOf(at, base, '__init__'));
  }

  /** A class with a base (or a base's base) that is no class of the workspace: a framework's or a library's. */
  private extendsOutside(cls: string, depth = 0): boolean {
    return (this.basesOf.get(cls) ?? []).some((b) => (!this.owners.has(b) && !this.basesOf.has(b)) || (depth < 3 && this.extendsOutside(b, depth + 1)));
  }

  /**
   * `receiver` (Python): `made`, the value is of `type` itself, made in place (`notifier = Notifier()`): no subclass's
   * override; `typed`, a value an annotation or a declared result types (`layer: SqlLayer`): also the overrides below
   * `type` of a method it only inherits. (Neither: a `self.m()` inherited, whose overrides overridesBelow finds.)
   */
  private methodsOf(e: Entry, type: string, method: string, depth = 0, receiver?: 'made' | 'typed'): FnRef[] {
    // An interface's implementations in the workspace (`ArticleRepository` → `MyBatisArticleRepository`; nacos's
    // `ConfigInfoPersistService`, external or embedded by deployment): their methods are what runs. More than
    // MAX_TARGETS (a strategy per provider): a guess among many is noise, as for Go.
    // Never a test's or a generated mock's class: production code does not run them.
    const runs = (cls: string) => (this.byOwnerMethod.get(`${cls}#${method}`) ?? []).filter((r) => sharedWith(r.e, e) && !r.e.quiet);
    const implementers = this.implementers.get(type);
    const impl = `${type}Impl`;
    let own: FnRef[];
    if (!implementers && !this.owners.has(impl)) {
      // The usual case, a class of its own: no list to build.
      own = this.owners.has(type) ? nearest(e, runs(type)) : [];
    } else if (this.owners.has(type) && runs(type).some((r) => r.e.links.functions[r.fn].effect?.match.remote)) {
      // A Feign client's method sends a request: the provider's controller implementing the interface (paascloud's
      // `MdcProductCategoryQueryFeignClient`) runs in the other service, on its own route, not on the caller's.
      own = nearest(e, runs(type));
    } else {
      const classes = this.implementersOf(type);
      const running = e.family === 'java' ? this.runningOf(classes) : classes;
      let implemented = running.flatMap(runs);
      if (implemented.length > MAX_TARGETS) {
        this.overflow = implemented.slice(0, MANY_TARGETS);
        implemented = [];
      }
      // (Not the usual implementation when it is one of those that never run.)
      const named = this.owners.has(impl) && (running === classes || running.includes(impl) || !classes.includes(impl)) ? runs(impl) : [];
      own = nearest(e, [...new Set([...(this.owners.has(type) ? runs(type) : []), ...implemented, ...named])]);
    }
    // Python: a base class's method with no body of its own (`raise NotImplementedError`, `@abstractmethod`), on a
    // receiver typed by the base (chainlit's `_data_layer: Optional[BaseDataLayer]`): a subclass's override is what
    // runs, as a Java interface's implementation. More than MAX_TARGETS: none taken, but a route reaches each (manyOf).
    // (Not on a value the caller makes of the base itself, `notifier = Notifier()`: its own method runs.)
    // (Also an intermediate class that inherits the method, `layer: SqlLayer` with `SqlLayer(BaseLayer)` leaving the
    // abstract `delete_thread` to `PgLayer(SqlLayer)`: the overrides below the receiver's own class.)
    const fansOut = (found: FnRef[]) => depth === 0 && receiver !== 'made' && found.length > 0 && e.family === 'python' && found.every((r) => r.e.links.functions[r.fn].abstract);
    const withOverrides = (found: FnRef[]) => {
      // (Of the class the caller names, where another file declares one of the same name: app/cache/base.py's
      // `Backend` imported, not app/files/base.py's.)
      const at = (this.classFiles().get(type)?.length ?? 0) > 1 ? this.pyDeclaringFile(e, type) : undefined;
      if (at && found.some((r) => r.e === at)) found = found.filter((r) => r.e === at);
      const overrides = this.overridesOf(e, type, method, at);
      if (overrides.length > MAX_TARGETS) {
        this.overflow = overrides.slice(0, MANY_TARGETS);
        return found;
      }
      return [...found, ...overrides];
    };
    if (fansOut(own)) own = withOverrides(own);
    if (own.length || depth >= 3) return own;
    // Inherited: `RecipeRepo(Generic)` runs `Generic.get_one`.
    const inherited = (this.basesOf.get(type) ?? []).flatMap((base) => this.methodsOf(e, base, method, depth + 1));
    return receiver === 'typed' && fansOut(inherited) ? withOverrides(inherited) : inherited;
  }

  /**
   * `repo.byId()` where the file says what `repo` holds (`const repo = new Repo()`, `constructor(private repo: Repo)`,
   * `this.repo.byId()`, Go `s.repo.Find()`): that class's method, in the same service.
   */
  private typedTargets(e: Entry, chain: string[], self: boolean, method: string, avoid?: string, owner?: string): FnRef[] {
    const holder = self ? (chain.length === 3 ? chain[1] : undefined) : chain.length === 2 ? chain[0] : e.family === 'go' && chain.length === 3 ? chain[1] : undefined;
    if (holder === undefined) return [];
    if (e.family !== 'go') {
      const declared = e.links.types?.get(holder);
      const type = declared ?? (owner !== undefined && (self || e.family === 'java') ? this.inheritedFieldType(e, owner, holder) : undefined);
      return type ? this.methodsOf(e, type, method, 0, e.family !== 'python' ? undefined : declared !== undefined && e.links.pyMade?.includes(holder) ? 'made' : 'typed') : [];
    }
    // Go: also a field of a struct declared in another file of the package (focalboard's `a.app.GetBoard()` in
    // api/blocks.go, with `type API struct { app *app.App }` in api/api.go), read with that file's imports.
    const field = e.links.types?.get(holder) !== undefined || chain.length === 3 ? this.goFieldType(e, e.dir, holder) : undefined;
    return field ? this.goMethodsOfType(field.at, field.type, method, avoid) : [];
  }

  /**
   * The type of a field `owner` inherits: as a file declaring one of its bases says (apollo's `AppAPI extends API`, whose
   * `protected RetryableRestTemplate restTemplate` the subclasses call), up to three classes up, in the caller's service.
   */
  private inheritedFieldType(e: Entry, owner: string, field: string, depth = 0): string | undefined {
    const bases = this.basesOf.get(owner);
    if (!bases || depth >= 3) return undefined;
    for (const base of bases) {
      for (const at of this.classFiles().get(base) ?? []) {
        const type = sharedWith(at, e) ? at.links.types?.get(field) : undefined;
        if (type) return type;
      }
    }
    for (const base of bases) {
      const type = this.inheritedFieldType(e, base, field, depth + 1);
      if (type) return type;
    }
    return undefined;
  }

  /** Class name → the files that declare it: those with its methods or its bases, and Java's file named for it. */
  private classFilesOf?: Map<string, Entry[]>;
  private classFiles(): Map<string, Entry[]> {
    if (this.classFilesOf) return this.classFilesOf;
    const out = new Map<string, Set<Entry>>();
    const add = (cls: string, e: Entry) => {
      const set = out.get(cls) ?? new Set<Entry>();
      set.add(e);
      out.set(cls, set);
    };
    for (const e of this.entries) {
      for (const f of e.links.functions) if (f.owner) add(f.owner, e);
      for (const cls of Object.keys(e.links.extendsOf ?? {})) add(cls, e);
      for (const cls of Object.keys(e.links.lombokGetters ?? {})) add(cls, e);
      if (e.family === 'java') add(e.a.file.slice(e.a.file.lastIndexOf('/') + 1).replace(/\.java$/, ''), e);
    }
    return (this.classFilesOf = new Map([...out].map(([cls, set]) => [cls, [...set]])));
  }

  /** A route's factory fields (RouteLink.goFactories) whose declared result is a type the join can name. */
  private goBound(e: Entry, handlerType: string, factories: GoFactoryField[]): GoBound[] | undefined {
    const owner = handlerType.slice(handlerType.indexOf('.') + 1);
    const out: GoBound[] = [];
    for (const f of factories) {
      const result = this.goTypeKey(e, f.result);
      if (result) out.push({ key: `${f.field}=${e.a.file}:${f.type}`, owner, field: f.field, result, at: e, type: f.type });
    }
    return out.length ? out : undefined;
  }

  /**
   * On a route with factory fields: a call on what a factory returns (`h.EmptyStruct().Create()`, `obj := h.EmptyStruct()`
   * then `obj.Create()`, or a value of the type it is declared to return, as `DoCreate(ctx, obj CObject)` takes it)
   * lands on the method of the type that route's factory makes. Undefined when the call is none such, or that type
   * has no method of the name (the call is then resolved as on any route).
   */
  private boundTargets(bound: GoBound[], ref: FnRef, call: CallFact): FnRef[] | undefined {
    const chain = call.chain;
    if (chain.length < 2) return undefined;
    const method = chain[chain.length - 1];
    const owner = ref.e.links.functions[ref.fn].owner;
    for (const b of bound) {
      const made = owner === b.owner && ((chain.length === 3 && chain[1] === b.field) || (chain.length === 2 && call.receiverFrom?.length === 2 && call.receiverFrom[1] === b.field));
      if (!made && !(chain.length === 2 && call.receiverType !== undefined && this.goTypeKey(ref.e, call.receiverType) === b.result)) continue;
      const found = this.goTypedMethods(b.at, b.type, method);
      if (found.length) return found;
    }
    return undefined;
  }

  /** Go: package folder and name of type `type` as `e` names it (`pkg.T`, `*T`), to compare types named in two files. */
  private goTypeKey(e: Entry, type: string): string | undefined {
    let known = this.goTypeKeys.get(e);
    if (!known) this.goTypeKeys.set(e, (known = new Map()));
    if (known.has(type)) return known.get(type);
    const bare = type.replace(/^\*/, '');
    const dot = bare.indexOf('.');
    const name = bare.slice(dot + 1);
    const imp = dot < 0 ? undefined : importNamed(e.links, bare.slice(0, dot));
    const dir = dot < 0 ? e.dir : imp ? this.goTypeDir(imp.module, name) : undefined;
    const key = dir === undefined ? undefined : `${dir}\u0000${name}`;
    known.set(type, key);
    return key;
  }

  private readonly goTypeKeys = new Map<Entry, Map<string, string | undefined>>();

  /** Go: `method` of type `type` (named with `at`'s imports), or of the implementations of the interface it is. */
  private goMethodsOfType(at: Entry, type: string, method: string, avoid?: string): FnRef[] {
    const typed = this.goTypedMethods(at, type, method);
    return typed.length ? typed : this.goImplementations(at, type, method, avoid);
  }

  /** A mount on each value of a list (MountFact.listedValues): its method of each type listed; undefined when none is read. */
  private goListedTargets(e: Entry, mount: MountFact): { e: Entry; name: string }[] | undefined {
    const method = mount.target[mount.target.length - 1];
    const refs = mount.listedValues ? this.goListedMethods(e, mount.listedValues, method) : [];
    return refs.length ? refs.map((r) => ({ e: r.e, name: method })) : undefined;
  }

  /**
   * Go: `method` of each type list `list` (`['rou', 'RouterGroupApp']`, or a name of e's own package) is written with,
   * in the package that declares it, read through the functions that return it (1Panel's `var RouterGroupApp =
   * RouterGroups()`, whose list is commonGroups' `[]CommonRouter{&BaseRouter{}, …}`). None when the list is not read.
   */
  private goListedMethods(e: Entry, list: string[], method: string): FnRef[] {
    const imp = list.length === 2 ? importNamed(e.links, list[0]) : undefined;
    const dir = list.length === 1 ? e.dir : imp ? this.goImportDir(imp.module) : undefined;
    if (dir === undefined) return [];
    const files = (this.byDir.get(dir) ?? []).filter((x) => !x.test);
    const out: FnRef[] = [];
    const seen = new Set<string>();
    const read = (name: string, depth: number) => {
      if (seen.has(name) || depth > 4) return;
      seen.add(name);
      for (const x of files) {
        for (const item of x.links.goValueLists?.[name] ?? []) {
          if (item.endsWith('()')) read(item.slice(0, -2), depth + 1);
          else for (const r of this.goTypedMethods(x, item, method)) if (!out.some((o) => o.e === r.e && o.fn === r.fn)) out.push(r);
        }
      }
    };
    read(list[list.length - 1], 0);
    return out;
  }

  /** Go: the type of the field (or variable) `name`, as a file of package `dir` declares it, `e`'s own first. */
  private goFieldType(e: Entry | undefined, dir: string, name: string): { type: string; at: Entry } | undefined {
    const own = e?.links.types?.get(name);
    if (e && own) return { type: own, at: e };
    for (const other of this.byDir.get(dir) ?? []) {
      const type = other !== e ? other.links.types?.get(name) : undefined;
      if (type) return { type, at: other };
    }
    return undefined;
  }

  /**
   * Go: `a.bounce.SES.ProcessSubscription()` (listmonk's App holds a *bounce.Manager, whose SES field is a
   * *webhooks.SES): the type of the first field, in its own package the type of the second, and that one's method.
   */
  private goFieldOfField(e: Entry, chain: string[]): FnRef[] {
    const first = this.goFieldType(e, e.dir, chain[1]);
    if (!first) return [];
    const dot = first.type.indexOf('.');
    const owner = dot < 0 ? first.type : first.type.slice(dot + 1);
    const imp = dot < 0 ? undefined : importNamed(first.at.links, first.type.slice(0, dot));
    const dir = dot < 0 ? first.at.dir : imp ? this.goTypeDir(imp.module, owner) : undefined;
    const second = dir !== undefined ? this.goFieldType(undefined, dir, chain[2]) : undefined;
    return second ? this.goMethodsOfType(second.at, second.type, chain[3]) : [];
  }

  /**
   * Go: `method` of the types of the caller's service that implement interface `type` (`T` of this package or
   * `pkg.T`): those with every method the interface declares (`s.DialService.FindDials()` with `DialService
   * wtf.DialService` lands on sqlite's `*DialService`). None when more than MAX_TARGETS do: a guess among many is noise.
   */
  private goImplementations(e: Entry, type: string, method: string, avoid?: string): FnRef[] {
    const dot = type.indexOf('.');
    const name = dot < 0 ? type : type.slice(dot + 1);
    const methods = this.goInterfaceMethods(e, type);
    if (!methods?.includes(method)) return [];
    const arity = this.goInterfaceDeclaring(e, type)?.links.goInterfaceArity?.[name];
    if (!this.ownersByMethod) {
      this.ownersByMethod = new Map();
      for (const key of this.byOwnerMethod.keys()) {
        const at = key.indexOf('#');
        const list = this.ownersByMethod.get(key.slice(at + 1));
        if (list) list.push(key.slice(0, at));
        else this.ownersByMethod.set(key.slice(at + 1), [key.slice(0, at)]);
      }
    }
    const all: FnRef[] = [];
    const named: FnRef[] = [];
    const wanted = name.toLowerCase();
    // A type with the method of a struct it embeds implements the interface too: hatchet's apiService embeds one
    // service per API area, and the method that runs is that service's.
    const candidates: { owner: string; by: string }[] = [];
    for (const by of this.ownersByMethod.get(method) ?? []) {
      candidates.push({ owner: by, by });
      for (const outer of this.embeddersOf(by)) candidates.push({ owner: outer, by });
    }
    for (const { owner, by } of candidates) {
      // (A method of the name taking another number of parameters is no implementation: gitness' storage driver
      // factories' `Create(parameters)` do not implement the repo `Check`'s `Create(ctx, session, in)`.)
      if (owner === avoid || !methods.every((m) => this.goHasMethod(owner, m, arity?.[m]))) continue;
      // Named like the interface (`mysql.AuthorRepository` for `article.AuthorRepository`, `article.Service` for
      // `rest.ArticleService`): Go code names implementations so, and a small interface has many other fits.
      const have = owner.toLowerCase();
      const alike = have === wanted || wanted.endsWith(have) || have.endsWith(wanted) || have.startsWith(wanted);
      for (const r of this.byOwnerMethod.get(`${by}#${method}`)!) {
        // Generated code implements interfaces too (oapi-codegen's strict handler), but never a mock does.
        if (!sharedWith(r.e, e) || r.e.family !== 'go' || r.e.test || !sameArity(r.e.links.functions[r.fn].params, arity?.[method]) || (r.e.quiet && !r.e.links.generated) || GO_MOCK.test(owner) || /(^|\/)mocks?(\/|$)/.test(r.e.dir)) continue;
        all.push(r);
        if (alike) named.push(r);
      }
    }
    const out = named.length ? named : all;
    if (out.length <= MAX_TARGETS) return out;
    this.overflow = out.slice(0, MANY_TARGETS);
    return [];
  }

  /** Go: the methods interface `type` (`T` of this package or `pkg.T`) declares, when a file of the service declares it. */
  private goInterfaceMethods(e: Entry, type: string): string[] | undefined {
    const name = type.slice(type.indexOf('.') + 1);
    return this.goInterfaceDeclaring(e, type)?.links.goInterfaces?.[name];
  }

  /** Go: the file that declares interface `type` (`T` of this package or `pkg.T`). */
  private goInterfaceDeclaring(e: Entry, type: string): Entry | undefined {
    const dot = type.indexOf('.');
    const name = dot < 0 ? type : type.slice(dot + 1);
    const imp = dot < 0 ? undefined : importNamed(e.links, type.slice(0, dot));
    const dir = dot < 0 ? e.dir : imp ? this.goTypeDir(imp.module, name) : undefined;
    if (dir === undefined) return undefined;
    return (this.byDir.get(dir) ?? []).find((x) => x.links.goInterfaces?.[name] !== undefined);
  }

  /**
   * Go: `type` is an interface of the workspace that declares only database/sql's and sqlx's methods (drone's `Queryer`
   * with `Query` and `QueryRow`, `Execer` with `Exec` and the embedded `Queryer`): what *sql.DB or *sqlx.DB satisfies, so a
   * query on it is a query (CallMatch.goHandleInterface). Not one with a method of its own besides.
   */
  private isGoHandleInterface(e: Entry, type: string): boolean {
    const methods = this.goInterfaceMethods(e, type);
    if (!methods?.length || !methods.every((m) => GO_HANDLE_INTERFACE_METHOD.test(m))) return false;
    // And with a handle's signatures, not only its names (a shell runner's `Exec(ctx, host, cmd string) (string, error)`).
    const dot = type.indexOf('.');
    const name = dot < 0 ? type : type.slice(dot + 1);
    const imp = dot < 0 ? undefined : importNamed(e.links, type.slice(0, dot));
    const dir = dot < 0 ? e.dir : imp ? this.goTypeDir(imp.module, name) : undefined;
    return dir !== undefined && (this.byDir.get(dir) ?? []).some((x) => x.links.goHandleInterfaces?.includes(name));
  }

  /**
   * The folder of the package an import names, for a type it should declare: the folder matched by its path, unless
   * that one does not declare it and the module's root package does (`github.com/benbjohnson/wtf` is the folder of
   * go.mod, while `cmd/wtf` only ends with the same name).
   */
  private goTypeDir(module: string, type: string): string | undefined {
    const declares = (dir: string) => (this.byDir.get(dir) ?? []).some((x) => x.links.goInterfaces?.[type] !== undefined || x.links.functions.some((f) => f.owner === type));
    const dir = this.goImportDir(module);
    if (dir !== undefined && declares(dir)) return dir;
    return declares('') ? '' : dir;
  }

  /**
   * The method of what the accessor before it returns: `deps.Domains().Bookmarks().Update()` lands on the type that
   * every `Bookmarks()` of the service returns (an interface's implementations, for Go), `self.repos.users.get()` on
   * the class that mealie's `users` property is annotated to return. `own`: the accessor is the caller's class's.
   * Nothing when a Python accessor of that name says nothing, or more than one of the types returned has the method.
   */
  private returnedBy(e: Entry, caller: number, chain: string[], own: boolean): FnRef[] {
    if (e.family !== 'go' && e.family !== 'python') return [];
    const accessor = chain[chain.length - 2];
    const method = chain[chain.length - 1];
    let makers: FnRef[];
    if (own) {
      const owner = caller >= 0 ? e.links.functions[caller]?.owner : undefined;
      if (!owner) return [];
      makers = this.named(e, accessor, owner);
      if (!makers.length) makers = this.methodsOf(e, owner, accessor);
    } else {
      if (!this.functionsByName) {
        this.functionsByName = new Map();
        for (const o of this.entries) o.links.functions.forEach((f, fn) => f.name && pushTo(this.functionsByName!, f.name, { e: o, fn }));
      }
      makers = (this.functionsByName.get(accessor) ?? []).filter((r) => r.e.family === e.family && sharedWith(r.e, e) && !r.e.quiet);
    }
    // `self.repo.get_empty()` with `def repo(self): return self.repos.tags`: as if `self.repos.tags.get_empty()` were
    // written there (a chain of four, read through what `tags` is annotated to return; never through another such
    // property, so this does not recurse).
    if (own && e.family === 'python' && makers.length === 1 && makers[0].e.links.functions[makers[0].fn].returnsChain) {
      const maker = makers[0];
      return this.returnedBy(maker.e, maker.fn, [...maker.e.links.functions[maker.fn].returnsChain!, method], false);
    }
    // One that hands on an accessor of its own name (mealie's `def tags(self): return self.repos.tags`) returns what
    // that one does: not another candidate.
    if (e.family === 'python' && makers.length > 1) {
      const direct = makers.filter((r) => r.e.links.functions[r.fn].returnsChain?.at(-1) !== accessor);
      if (direct.length) makers = direct;
    }
    // An unannotated Python accessor may return anything; a Go one without a result cannot be called on.
    if (e.family === 'python' && makers.some((r) => !r.e.links.functions[r.fn].returns)) return [];
    const byType = new Map<string, Entry>();
    for (const r of makers) {
      const type = r.e.links.functions[r.fn].returns;
      if (type && !type.startsWith('[]') && !byType.has(type)) byType.set(type, r.e);
    }
    const found = [...byType].map(([type, at]) => this.methodsOfReturned(at, type, method)).filter((refs) => refs.length);
    // Accessors of one name that return different types (hatchet's repository's `Workflows()` and its SDK client's):
    // the one whose type has the method called next, if only one does.
    return found.length === 1 ? found[0] : [];
  }

  /** `method` of a type an accessor in `at` returns: its own, or (Go) an interface's implementations'. */
  private methodsOfReturned(at: Entry, type: string, method: string): FnRef[] {
    if (at.family === 'python') return this.methodsOf(at, type, method, 0, 'typed');
    if (this.goStandardType(at, type)) return [];
    const typed = this.goTypedMethods(at, type, method);
    return typed.length ? typed : this.goImplementations(at, type, method);
  }

  /**
   * TypeScript: `method` of the type the function a local value came from is declared to return (`const provider =
   * this.manager.getSocialIntegration(id)` with `getSocialIntegration(…): SocialProvider`, then `provider.refresh()`).
   * Python too: annotated (`def get_data_layer() -> Optional[BaseDataLayer]`) or making one and returning it (`def
   * memory_layer(): return MemoryDataLayer()`). Only when every function the call may land on says the same type.
   */
  private methodsOfWhatReturns(e: Entry, caller: number, source: string[], method: string): FnRef[] {
    const makers = this.resolveCallUncached(e, caller, source);
    const types = new Set(makers.map((r) => r.e.links.functions[r.fn].returns));
    const [type] = types;
    return types.size === 1 && type ? this.methodsOf(e, type, method, 0, 'typed') : [];
  }

  /** Every named function of the workspace, by name (built on the first long chain of a join). */
  private functionsByName?: Map<string, FnRef[]>;

  /** The types that embed this one, directly or through others (up to three embeddings deep). */
  private embeddersOf(type: string): string[] {
    if (!this.embedders) {
      this.embedders = new Map();
      for (const [cls, bases] of this.basesOf) for (const b of bases) pushTo(this.embedders, b, cls);
    }
    const out: string[] = [];
    for (let level = [type], depth = 0; level.length && depth < 3; depth++) {
      level = level.flatMap((t) => this.embedders!.get(t) ?? []).filter((t) => !out.includes(t));
      out.push(...level);
    }
    return out;
  }

  private embedders?: Map<string, string[]>;

  /** A Go type has the method itself, or through a struct it embeds (up to three embeddings deep). */
  /** Go: type `owner` (or one it embeds) has `method`, taking `params` parameters where that is given (or any number). */
  private goHasMethod(owner: string, method: string, params?: number, depth = 0): boolean {
    const own = this.byOwnerMethod.get(`${owner}#${method}`);
    // (Its own method hides one it embeds.)
    if (own) return params === undefined || own.some((r) => sameArity(r.e.links.functions[r.fn].params, params));
    return depth < 3 && (this.basesOf.get(owner) ?? []).some((b) => this.goHasMethod(b, method, params, depth + 1));
  }

  /** Method name → the types that have one (built on the first Go interface call of a join). */
  private ownersByMethod?: Map<string, string[]>;

  /**
   * Python: what a decorator of a view runs on each request, the view's call landing there: the wrappers written
   * inside the module function it names (those of a factory's inner decorator too), or, for a class decorator
   * (privacyIDEA's `@prepolicy(check_token_action, request, action="enable")`, a class whose `__call__` makes
   * `policy_wrapper`), those written in its `__call__`; and each function handed to it by name that the wrapper calls
   * (FunctionFact.calledParams: `check_token_action`, kept as `self.function`), looked up where the view is written.
   */
  private decoratorRuns(e: Entry, caller: number, chain: string[], site: CallFact): FnRef[] {
    const out: FnRef[] = [];
    const factories: FnRef[] = [];
    for (const t of this.resolveCallUncached(e, caller, chain)) {
      if (t.e.links.functions[t.fn].owner) continue;
      factories.push(t);
      for (const fn of this.nestedIn(t.e, t.fn)) out.push({ e: t.e, fn });
    }
    if (!factories.length) {
      const cls = this.resolveMountTarget(e, { prefix: '', target: chain });
      const call = cls ? this.named(cls.e, '__call__', cls.name) : [];
      for (const c of call) for (const fn of this.nestedIn(c.e, c.fn)) out.push({ e: c.e, fn });
      if (call.length) factories.push(...this.pythonInit(cls!.e, cls!.name));
    }
    for (const f of site.handed ? factories : []) {
      for (const p of f.e.links.functions[f.fn].calledParams ?? []) {
        const arg = site.handed!.find((h) => h.at === p.at || h.at === p.name);
        if (arg) out.push(...this.resolveCallUncached(e, caller, [arg.name]).filter((t) => !t.e.links.functions[t.fn].owner));
      }
    }
    return out;
  }

  /**
   * The methods a project's own decorator limits a Python view to (MobSF's `@request_method(['POST'])`): those it is
   * given, when the decorator resolves to a wrapper that answers 405 to the others (FunctionFact.methodGuard).
   */
  private guardedViewMethods(view: FnRef): string[] | undefined {
    const f = view.e.links.functions[view.fn];
    const guarded = f.guardedMethods;
    if (!guarded) return undefined;
    const name = guarded.decorator.join('.');
    const site = f.calls.find((c) => c.decorates && c.chain.join('.') === name);
    if (!site) return undefined;
    return this.resolveCall(view.e, view.fn, site.chain, site).some((t) => t.e.links.functions[t.fn].methodGuard) ? guarded.methods : undefined;
  }

  /** For each function of a file, the functions written inside it. */
  private nestedIn(e: Entry, fn: number): number[] {
    return nestingOf(e.links)[fn] ?? [];
  }

  /**
   * Go: `method` of the type a function returns (`store.FromContext(c)` returns `Store`): that type's method, or, for
   * an interface, its implementations' (goImplementations). The function is this package's or an imported one's.
   */
  private goMethodsOfReturned(e: Entry, source: string[], method: string): FnRef[] {
    // `[…, '[]']`: an element of the slice the function returns (localTypes.goLocalSource).
    const element = source[source.length - 1] === '[]';
    const from = element ? source.slice(0, -1) : source;
    const imp = from.length === 2 ? importNamed(e.links, from[0]) : undefined;
    const dir = from.length === 1 ? e.dir : imp ? this.goImportDir(imp.module) : undefined;
    const fn = dir !== undefined ? this.goDirFunctions(dir, from[from.length - 1]).find((r) => !r.e.links.functions[r.fn].owner) : undefined;
    const returns = fn?.e.links.functions[fn.fn].returns;
    if (!returns || returns.startsWith('[]') !== element) return [];
    return fn ? this.methodsOfReturned(fn.e, element ? returns.slice(2) : returns, method) : [];
  }

  /**
   * Go: `method` of what method `accessor` of type `type` (as `e` names it) is declared to return: dtm's
   * `t.getProcessor().ProcessOnce(ctx, branches)`, whose `getProcessor` returns the transProcessor interface, lands on
   * its implementations. None when the type has no such method of its own, or it says no one type.
   */
  private goMethodsOfAccessorResult(e: Entry, type: string, accessor: string, method: string): FnRef[] {
    let result: { type: string; at: Entry } | undefined;
    for (const r of this.goTypedMethods(e, type, accessor)) {
      const returns = r.e.links.functions[r.fn].returns;
      if (!returns || returns.startsWith('[]') || (result && result.type !== returns)) return [];
      result ??= { type: returns, at: r.e };
    }
    return result ? this.methodsOfReturned(result.at, result.type, method) : [];
  }

  /**
   * Go: `F().M()` or `pkg.F().M()` where `F` is a function of that package declared to return a type: `M` is that
   * type's method, and none of the workspace's when the type is another package's (photoprism's `entity.Now()
   * .Truncate(time.Second)` is time.Time's, not its `Tables.Truncate(db)`). Undefined when `F` is no such function.
   */
  private goMethodsOfDeclaredResult(e: Entry, source: string[], method: string): FnRef[] | undefined {
    const imp = source.length === 2 ? importNamed(e.links, source[0]) : undefined;
    const dir = source.length === 1 ? e.dir : imp ? this.goImportDir(imp.module) : undefined;
    const fn = dir !== undefined ? this.goDirFunctions(dir, source[source.length - 1]).find((r) => !r.e.links.functions[r.fn].owner) : undefined;
    const returns = fn?.e.links.functions[fn.fn].returns;
    if (!returns || returns.startsWith('[]')) return undefined;
    return this.goMethodsOfReturned(e, source, method);
  }

  /**
   * Go: `method` of the items of slice field `field` of struct `type` (as `e` names it, `T` or `pkg.T`), the element
   * type the struct's declaration gives it, in any file of the struct's package (FileLinks.goSliceFields).
   */
  private goSliceItemMethods(e: Entry, over: { type: string; field: string }, method: string): FnRef[] {
    const bare = over.type.replace(/^\*/, '');
    const dot = bare.indexOf('.');
    const name = bare.slice(dot + 1);
    const imp = dot < 0 ? undefined : importNamed(e.links, bare.slice(0, dot));
    const dir = dot < 0 ? e.dir : imp ? this.goTypeDir(imp.module, name) : undefined;
    for (const x of dir !== undefined ? (this.byDir.get(dir) ?? []) : []) {
      const element = x.links.goSliceFields?.[name]?.[over.field];
      if (element) return this.goMethodsOfType(x, element, method);
    }
    // A field of a named slice type (glance's `HeadWidgets widgets` with `type widgets []widget`): its element's.
    const field = dir !== undefined ? this.goFieldType(undefined, dir, over.field) : undefined;
    const named = field ? this.goSliceTypeElement(field.at, field.type) : undefined;
    return named ? this.goMethodsOfType(named.at, named.element, method) : [];
  }

  /** Go: the element type of named slice type `type` (`T` or `pkg.T`, as `e` names it), with the file declaring it. */
  private goSliceTypeElement(e: Entry, type: string): { at: Entry; element: string } | undefined {
    const dot = type.indexOf('.');
    const name = dot < 0 ? type : type.slice(dot + 1);
    const imp = dot < 0 ? undefined : importNamed(e.links, type.slice(0, dot));
    const dir = dot < 0 ? e.dir : imp ? this.goImportDir(imp.module) : undefined;
    for (const x of dir !== undefined ? (this.byDir.get(dir) ?? []) : []) {
      const element = x.links.goSliceTypes?.[name];
      if (element) return { at: x, element };
    }
    return undefined;
  }

  /**
   * Go: `method` of what a package variable of `e`'s package holds, when a file of the package makes it with a call
   * (FileLinks.goVarSources): the type that function is declared to return, or that interface's implementations.
   */
  private goPackageVarMethods(e: Entry, name: string, method: string): FnRef[] {
    for (const x of this.byDir.get(e.dir) ?? []) {
      const source = x.test && !e.test ? undefined : x.links.goVarSources?.[name];
      if (source) return this.goMethodsOfReturned(x, source, method);
    }
    return [];
  }

  /**
   * Go: a package variable of `e`'s package is declared of a type of another module (FileLinks.goVarTypes: `var
   * FileQueue sync.Map`), the standard library's or one the workspace does not hold.
   */
  private goPackageVarOfLibraryType(e: Entry, name: string): boolean {
    for (const x of this.byDir.get(e.dir) ?? []) {
      const types = x.test && !e.test ? undefined : x.links.goVarTypes;
      // (Its own key only: a variable named `constructor` is no function of the object.)
      const type = types && Object.prototype.hasOwnProperty.call(types, name) ? types[name] : undefined;
      if (!type) continue;
      const module = importNamed(x.links, type.slice(0, type.indexOf('.')))?.module;
      return module !== undefined && (GO_STD_ROOTS.has(module.split('/')[0]) || this.goImportDir(module) === undefined);
    }
    return false;
  }

  /** `F()` or `pkg.F()` is a function of the workspace declared to return another module's type (`*casbin.Enforcer`). */
  private goFieldOfLibraryType(e: Entry, name: string): boolean {
    const field = this.goFieldType(e, e.dir, name);
    const dot = field ? field.type.indexOf('.') : -1;
    const module = field && dot > 0 ? importNamed(field.at.links, field.type.slice(0, dot))?.module : undefined;
    return module !== undefined && this.goImportDir(module) === undefined;
  }

  private goReturnsForeignType(e: Entry, source: string[]): boolean {
    if (source[source.length - 1] === '[]') return false;
    const imp = source.length === 2 ? importNamed(e.links, source[0]) : undefined;
    const foreign = (fn: FnRef) => {
      const type = /^\*?(\w+)\.\w+$/.exec(fn.e.links.functions[fn.fn].returns ?? '');
      const module = type ? importNamed(fn.e.links, type[1])?.module : undefined;
      return module !== undefined && this.goImportDir(module) === undefined;
    };
    // A method of a value of this package (sftpgo's `client, err := fs.conn.getClient()`, an `*sftp.Client`): foreign
    // when every method of that name the package has returns a library's type.
    if (source.length === 2 && !imp) {
      // …or of a field of a library's type (gotosocial's `rows, err := r.db.QueryContext(…)`, `q := r.db.NewSelect()…`
      // with `db *bun.DB`): what the library returns, whose `Scan` is not the package's own `UpsertQuery.Scan`.
      if (this.goFieldOfLibraryType(e, source[0])) return true;
      const methods = this.goDirFunctions(e.dir, source[1]).filter((r) => r.e.links.functions[r.fn].owner);
      return methods.length > 0 && methods.every(foreign);
    }
    const dir = source.length === 1 ? e.dir : imp ? this.goImportDir(imp.module) : undefined;
    const fn = dir !== undefined ? this.goDirFunctions(dir, source[source.length - 1]).find((r) => !r.e.links.functions[r.fn].owner) : undefined;
    return !!fn && foreign(fn);
  }

  /**
   * Go: what `pkg.Name(…)` calls, of the functions and methods of that name in the package: its function, not a method
   * of one of its types (statping's `failures.Since(t, id)`, not the `Failurer.Since(t)` that loads every failure).
   * All of them when the package has no such function (a local of no known type named like the package).
   */
  private goPackageFunctionsFirst(refs: FnRef[]): FnRef[] {
    const functions = refs.filter((r) => r.e.links.functions[r.fn].owner === undefined);
    return functions.length ? functions : refs;
  }

  private goPackageFunction(e: Entry, name: string): FnRef | undefined {
    return this.goDirFunctions(e.dir, name)[0];
  }

  private goDirFunctions(dir: string, name: string): FnRef[] {
    const out: FnRef[] = [];
    for (const entry of this.byDir.get(dir) ?? []) {
      entry.links.functions.forEach((f, fn) => {
        if (f.name === name) out.push({ e: entry, fn });
      });
    }
    return out;
  }

  private goImportDir(module: string): string | undefined {
    const segments = module.split('/');
    const last = segments[segments.length - 1];
    const dirs = this.byDirLastSegment.get(last) ?? (/^v\d+$/.test(last) ? this.byDirLastSegment.get(segments[segments.length - 2]) : undefined);
    if (!dirs) return undefined;
    let best: string | undefined;
    let bestLen = 0;
    for (const dir of dirs) {
      const d = dir.split('/');
      let k = 0;
      while (k < d.length && k < segments.length && d[d.length - 1 - k] === segments[segments.length - 1 - k]) k++;
      if (k > bestLen) {
        best = dir;
        bestLen = k;
      }
    }
    return best;
  }

  /**
   * Python: where a name a package star-imports is defined, through packages that star-import it in turn
   * (jumpserver's `api.AccountViewSet`: `from .account import *` in accounts/api/__init__.py, again in
   * accounts/api/account/__init__.py, defined in accounts/api/account/account.py), or import it by name.
   */
  private starredDefinition(pkg: Entry, member: string, depth: number, seen = new Set<Entry>([pkg])): { e: Entry; name: string } | undefined {
    for (const star of pkg.links.imports) {
      if (star.local !== '*') continue;
      const inner = this.resolveModule(pkg, star.module);
      if (!inner || seen.has(inner) || !starPasses(inner.links, member)) continue;
      seen.add(inner);
      if (definesLocally(inner.links, member)) return { e: inner, name: member };
      if (depth + 1 >= REEXPORT_DEPTH) continue;
      const named = importNamed(inner.links, member);
      const passed = named && named.imported !== '*' ? this.resolveImport(inner, named.module, named.imported, undefined, depth + 1) : undefined;
      const found = passed ?? this.starredDefinition(inner, member, depth + 1, seen);
      if (found) return found;
    }
    return undefined;
  }

  /** The file an import names and the local name it binds there (`default` → the exported variable). */
  private resolveImport(e: Entry, module: string, imported: string, member?: string, depth = 0): { e: Entry; name: string } | undefined {
    // Python `from . import views`: the imported name is a module.
    if (e.family === 'python' && imported !== '*') {
      const sub = this.resolveModule(e, module.endsWith('.') ? module + imported : `${module}.${imported}`);
      if (sub) {
        // A member the package passes on from a module it star-imports (NetBox's `generic.ObjectEditView`, with
        // `from .object_views import *` in views/generic/__init__.py): that module's.
        if (member && depth < REEXPORT_DEPTH && !definesLocally(sub.links, member)) {
          // …or imports by name (taiga's `services.duplicate_project()`, with `from .projects import
          // duplicate_project` in projects/services/__init__.py).
          const named = importNamed(sub.links, member);
          if (named && named.imported !== '*') {
            const passed = this.resolveImport(sub, named.module, named.imported, undefined, depth + 1);
            if (passed) return passed;
          }
          const starred = this.starredDefinition(sub, member, depth);
          if (starred) return starred;
        }
        return { e: sub, name: member ?? imported };
      }
    }
    const t = this.resolveModule(e, module);
    if (!t) return undefined;
    if (imported === '*') return { e: t, name: member ?? '*' };
    const own = t.links.exports[imported];
    const exported = own ?? (t.links.exports['*'] ? imported : undefined) ?? imported;
    if ((t.family !== 'js' && t.family !== 'python') || t === e || depth >= REEXPORT_DEPTH) return { e: t, name: exported };
    if (t.family === 'js' && member !== undefined && own === undefined && imported === 'default' && !definesLocally(t.links, member)) {
      const passed = this.memberOfExports(t, member, depth);
      if (passed) return passed;
    }
    // An index that exports a module under a name (`module.exports.emailService = require('./email.service')`,
    // `import * as emailService from './email.service'; export { emailService }`): that module.
    const again = importNamed(t.links, exported);
    if (t.family === 'js' && again?.imported === '*' && again.local !== '*') {
      const inner = this.resolveModule(t, again.module);
      if (inner) return { e: inner, name: member ?? '*' };
    }
    // A barrel passing on what another module defines (`export { default } from './documents'`,
    // `import { list } from './list'; export { list }`, a Python package's `__init__.py`: `from .asset import
    // AssetEndpoint`): that module's own name, however many barrels on.
    if (again && again.imported !== '*' && !definesLocally(t.links, exported)) return this.resolveImport(t, again.module, again.imported, member, depth + 1) ?? { e: t, name: exported };
    // A module that is another one whole, `module.exports = require('./routes')` (kutt's routes/index.js): its
    // default is that module (`routes.api` is routes.js's `api`).
    if (own === undefined && imported === 'default' && t.family === 'js' && exportsNothing(t.links)) {
      const stars = t.links.imports.filter((i) => i.local === '*');
      if (stars.length === 1 && this.resolveModule(t, stars[0].module)) return this.resolveImport(t, stars[0].module, 'default', member, depth + 1);
    }
    // `export * from './orders'`, `from .orders import *`: the first of those modules that exports (defines) the name.
    if (own === undefined || (t.family === 'python' && !definesLocally(t.links, exported))) {
      for (const star of t.links.imports) {
        if (star.local !== '*') continue;
        const inner = this.resolveModule(t, star.module);
        if (inner && (t.family === 'python' ? definesLocally(inner.links, imported) && starPasses(inner.links, imported) : inner.links.exports[imported] !== undefined)) return this.resolveImport(t, star.module, imported, member, depth + 1);
      }
    }
    return { e: t, name: exported };
  }

  /**
   * A member of a module's exports object made of what it imports (saltcorn's db facade: `export default { ...tenant,
   * ...postgresPkg }` with `import * as postgresPkg from './postgres'`, `module.exports = { ...require('./x') }` kept
   * in a name first, or `{ insert }` imported by name): the module and name where it is defined.
   */
  private memberOfExports(t: Entry, member: string, depth: number): { e: Entry; name: string } | undefined {
    const local = t.links.exports[member];
    if (local !== undefined) {
      const imp = importNamed(t.links, local);
      return imp && imp.imported !== '*' && !definesLocally(t.links, local) ? this.resolveImport(t, imp.module, imp.imported, undefined, depth + 1) : undefined;
    }
    for (const key in t.links.exports) {
      if (!key.startsWith('...')) continue;
      const ns = importNamed(t.links, t.links.exports[key]);
      // (A module required whole is its namespace: `const postgres = require('./postgres')`.)
      if (!ns || (ns.imported !== '*' && ns.imported !== 'default')) continue;
      const inner = this.resolveModule(t, ns.module);
      if (inner && (inner.links.exports[member] !== undefined || definesLocally(inner.links, member))) return this.resolveImport(t, ns.module, member, undefined, depth + 1);
    }
    return undefined;
  }

  private resolveModule(e: Entry, module: string): Entry | undefined {
    const key = `${e.family}:${e.dir}:${module}`;
    const cached = this.modules.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const kept = this.cache?.modules.get(key);
    const found = kept !== undefined ? (kept === null ? undefined : this.byFile.get(kept)) : this.resolveModuleUncached(e, module);
    this.modules.set(key, found ?? null);
    if (kept === undefined) this.cache?.modules.set(key, found ? found.a.file : null);
    return found;
  }

  private resolveModuleUncached(e: Entry, module: string): Entry | undefined {
    switch (e.family) {
      case 'js': {
        if (module.startsWith('.')) return this.byStem.get(normalise(`${e.dir}/${module}`).replace(/\.[jt]sx?$|\.m?js$/, ''));
        for (const alias of this.options.pathAliases ?? []) {
          if (!(alias.dir === '' || e.dir === alias.dir || e.dir.startsWith(`${alias.dir}/`))) continue;
          if (alias.wildcard ? !module.startsWith(alias.prefix) : module !== alias.prefix) continue;
          for (const target of alias.targets) {
            const found = this.byStem.get(normalise(alias.wildcard ? target + module.slice(alias.prefix.length) : target).replace(/\.[jt]sx?$/, ''));
            if (found) return found;
          }
        }
        // `@/x`, `~/x`, `#/x`, and a package's subpath import `#controllers/x` (AdonisJS: `./app/controllers/x`).
        return this.bySuffix(module.replace(/^[@~#]\//, '').replace(/^#(?=\w)/, '').replace(/\.[jt]sx?$/, ''));
      }
      case 'python': {
        const dots = /^\.*/.exec(module)![0].length;
        const rest = module.slice(dots).replace(/\./g, '/');
        if (dots > 0) {
          let dir = e.dir;
          for (let k = 1; k < dots; k++) dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
          return this.byStem.get(normalise(rest ? `${dir}/${rest}` : dir));
        }
        return this.bySuffix(rest, true);
      }
      case 'go': {
        const dir = this.goImportDir(module);
        return dir !== undefined ? this.byDir.get(dir)?.[0] : undefined;
      }
      case 'java': {
        // The file its package's folders name (`com/x/config/Constants.java`: many modules have a `Constants`), else
        // the first class of that name.
        const cls = module.split('.').pop()!;
        const named = (this.byLastSegment.get(cls) ?? []).filter((x) => x.family === 'java');
        const path = `/${module.replace(/\./g, '/')}.java`;
        return named.find((x) => x.a.file.endsWith(path)) ?? this.entries.find((x) => x.family === 'java' && x.a.file.endsWith(`/${cls}.java`));
      }
    }
  }

  /**
   * The file whose path ends with the module's, the shortest of several. `python`: an absolute import names a module
   * on a source root, so one whose folder above is no package (the workspace root, or `src/` with no `__init__.py`) is
   * taken first: `from api import router` is api/__init__.py, not things/api.py of the package `things` (imported as
   * `things.api`), though that path is shorter.
   */
  private bySuffix(path: string, python = false): Entry | undefined {
    const last = path.split('/').pop()!;
    const matches = (this.byLastSegment.get(last) ?? []).filter((x) => {
      const stem = x.a.file.replace(/\.[^./]+$/, '').replace(/\/(index|__init__)$/, '');
      return stem === path || stem.endsWith('/' + path);
    });
    if (matches.length === 1) return matches[0];
    matches.sort((a, b) => a.a.file.length - b.a.file.length);
    if (python && matches.length > 1) {
      const onRoot = matches.find((x) => {
        const stem = x.a.file.replace(/\.[^./]+$/, '').replace(/\/__init__$/, '');
        const above = stem.slice(0, stem.length - path.length - 1);
        return above === '' || !this.byFile.has(`${above}/__init__.py`);
      });
      if (onRoot) return onRoot;
    }
    return matches[0];
  }

  /**
   * An unbounded list the catalogue saw in a call's shape (`StaffResourceAccess.find({ referCode })`, MongoDB's `find`
   * by its look) that is a call of a function of the project's own module imported under that name: hapi-mysql's
   * resource-access modules, which take a limit of their own. Still every matching row, as no limit is given; but
   * said as what it is, not as a MongoDB call.
   */
  private ownModuleList(e: Entry, h: Hazard, owner: number): Pick<Hazard, 'explanation'> | undefined {
    if (h.code !== 'unbounded-query' || e.family !== 'js' || owner < 0) return undefined;
    const chain = h.callee.split('.');
    const imported = chain.length === 2 ? importNamed(e.links, chain[0]) : undefined;
    // (A call the catalogue matched is not among the function's calls kept for the join: resolved here by its chain.)
    if (!imported || this.resolveCall(e, owner, chain).length === 0) return undefined;
    return {
      explanation: `\`${h.callee}(…)\` is the project's own \`${chain[1]}\` (from \`${imported.module}\`), given no limit: it returns every matching row, so its cost grows with the table, not with the request.`,
    };
  }

  // ---- request paths ----

  /**
   * Functions a route's handler reaches, the handler included, up to CALL_DEPTH calls deep, those of the handler's
   * branches for other methods left out (`method`: the route's). `dispatch`: the route is
   * one endpoint serving many entry points (GraphQL), so `self.m()` / `cls.m()` in a base class's method also runs the
   * overrides of `m` below it (graphene's `BaseMutation.mutate` → each mutation's `perform_mutation`): all of them are
   * served by that same endpoint, so none is put on a route it is not on.
   */
  private reach(start: FnRef[], dispatch = false, method?: string, bound?: GoBound[], selfClass?: string): FnRef[] {
    const cache = this.reachedBefore;
    if (!cache) return this.walk(start, dispatch, method, bound, undefined, selfClass);
    const key = `${method ?? ''}\u0000${dispatch ? 1 : 0}\u0000${start.map((r) => `${r.e.a.file}#${r.fn}`).join('|')}${bound ? `\u0000${bound.map((b) => b.key).join('|')}` : ''}${selfClass ? `\u0000${selfClass}` : ''}`;
    const before = cache.get(key);
    if (before && before.read.every(([file, links]) => this.byFile.get(file)?.links === links)) return before.refs.map(({ file, fn }) => ({ e: this.byFile.get(file)!, fn }));
    const read = new Set<Entry>();
    const refs = this.walk(start, dispatch, method, bound, read, selfClass);
    cache.set(key, { refs: refs.map((r) => ({ file: r.e.a.file, fn: r.fn })), read: [...read].map((e) => [e.a.file, e.links]) });
    return refs;
  }

  /** reach's walk; `read` collects the files it read (whose calls it followed, or whose functions it looked at). */
  private walk(start: FnRef[], dispatch: boolean, method: string | undefined, bound: GoBound[] | undefined, read?: Set<Entry>, viewClass?: string): FnRef[] {
    const seen = new Map<number, FnRef>();
    // Entered by a call made after PageHelper.startPage: the first mapper list query it runs is the paged one
    // (RuoYi's `startPage(); return getDataTable(dictDataService.selectDictDataList(dictData));`, its service calling
    // the mapper).
    const pagedEntry = new Set<number>();
    // The classes a reached function's parameters hold where every call of it on the route made them (CallFact.madeArgs),
    // by position: a call on such a parameter runs those classes' methods only (madeTargets). None for most functions.
    let given: Map<number, Map<number, string[]>> | undefined;
    // Python: the class a function was reached as a method of (`Paprika(request).do_import(…)`, `x = Mealie(…);
    // x.do_import()`, reaching the base's `do_import`), so that `self.m()` in it runs that class's `m`.
    let selfClass: Map<number, string> | undefined;
    // (A class-based view's route starts in methods it inherits (a mixin's `get`): they run for that view class.)
    if (viewClass) for (const r of start) if (r.e.links.functions[r.fn].owner && r.e.links.functions[r.fn].owner !== viewClass) (selfClass ??= new Map()).set(refKey(r), viewClass);
    let frontier = [...start];
    for (const r of start) seen.set(refKey(r), r);
    // Functions some call reached by a receiver of known type or by the function's own name, not a method's name alone
    // (guessedSites): only these hand on as forwarders.
    const surely = new Set<number>(start.map(refKey));
    for (let depth = 0; depth < CALL_DEPTH && frontier.length; depth++) {
      const next: FnRef[] = [];
      // What generated code calls is reached at its depth (an adapter is no call of the service's own): the frontier
      // grows while it is walked.
      for (let walked = 0; walked < frontier.length; walked++) {
        const ref = frontier[walked];
        read?.add(ref.e);
        const fact = ref.e.links.functions[ref.fn];
        let pageNext = pagedEntry.size > 0 && pagedEntry.has(refKey(ref));
        for (const call of fact.calls) {
          // A goroutine the function starts runs on its own: the request does not wait for it (see taskPaths).
          if (call.once || call.detached) continue;
          // The handler's branch for another method (`if (req.method === "DELETE")` seen from the GET route).
          if (call.method && method && method !== 'ANY' && call.method !== method) continue;
          const boundTo = bound && ref.e.family === 'go' ? this.boundTargets(bound, ref, call) : undefined;
          const resolved = boundTo ?? this.resolveCall(ref.e, ref.fn, call.chain, call);
          const many = boundTo ? undefined : this.manyOf(call);
          const landed = many ? [...resolved, ...many] : resolved;
          // On a parameter the route's calls of the function gave a class they made: that class's method (madeTargets).
          const made = call.receiverParam !== undefined ? given?.get(refKey(ref))?.get(call.receiverParam) : undefined;
          const all = made ? this.madeTargets(ref.e, made, call.chain, landed) : landed;
          // Listeners of an event emitted without waiting run beside the request (startedBy).
          const targets = call.eventBeside && call.event ? withoutListeners(all, this.eventListeners(ref.e.group, call.event)) : all;
          // A call to a function of its own name hands the work down a layer (memos' Connect handler `X` calling
          // `s.APIV1Service.X`, a store's `X` calling its driver's `X`, a controller's `list` its service's): reached
          // at the caller's depth, so layers that only pass the request on do not use up the calls followed. So is what
          // a function whose whole body is one call hands on to (gatus' `insertEndpointResult`, only `return
          // s.insertEndpointResultWithSuiteID(tx, endpointID, result, nil)`). (Each function is walked once, `seen`:
          // forwarders calling each other end.)
          // (Not a forwarder some other type's call reached by its method's name: photoprism's `file.Delete(false)`
          // landing on `Session.Delete`, only `return DeleteSession(m)`, would carry that guess a call further.)
          const onward = ref.e.links.generated || (fact.forwards && surely.has(refKey(ref))) || delegates(fact, call) ? frontier : next;
          const sure = boundTo !== undefined || made !== undefined || !this.guessedSites.has(call);
          const paged = call.paged || pageNext || (call.handedIn !== undefined && this.pagesHanded(ref, call.handedIn));
          if (pageNext && targets.some((t) => this.mapperList(t))) pageNext = false;
          // (Also where `self.m()` lands on a method with no body of its own: a subclass's override is what runs. Not in
          // a view class, whose routes are each a subclass's: netbox's ObjectChildrenView.get_children, which each
          // child view overrides, would put every override on every such route.)
          // Where the class the function runs for is known, its own `m` (or the nearest it inherits) is what runs.
          const python = ref.e.family === 'python';
          const known = python && fact.owner && call.chain.length === 2 && call.chain[0] === 'self' ? selfClass?.get(refKey(ref)) : undefined;
          const narrowed = known ? this.methodsOf(ref.e, known, call.chain[1]) : undefined; // ('' known: several classes)
          let below = narrowed?.length
            ? undefined
            : fact.owner && (dispatch || (python && !ref.e.links.viewClasses?.[fact.owner] && targets.some((t) => t.e.links.functions[t.fn].abstract)))
              ? this.overridesBelow(ref.e, fact.owner, call.chain)
              : undefined;
          // (Nor when an override is a view class's: each view is a route of its own, a DRF mixin's `self.get_rows()`.)
          if (below?.length && !dispatch && below.some((r) => r.e.links.viewClasses?.[r.e.links.functions[r.fn].owner ?? ''])) below = undefined;
          // The class a call makes and calls a method of, or the class the caller already ran for (`self.helper()`).
          // (Not one of several a function may make, taiga's `JiraAgileImporter(…)` or `JiraNormalImporter(…)`: either runs.)
          // (Also a view class's own method calling one it inherits, `self.export(request)` in OrderExportView.get: each
          // view class is a route of its own, and runs as itself.)
          const ownView = python && call.chain.length === 2 && call.chain[0] === 'self' && fact.owner && ref.e.links.viewClasses?.[fact.owner] ? fact.owner : undefined;
          const madeClass = python && !call.receiverAlternatives?.length ? (known || ownView || call.receiverType || (call.chain.length === 2 && /^[A-Z]/.test(call.chain[0]) ? call.chain[0] : undefined)) : undefined;
          for (const t of narrowed?.length ? narrowed : below?.length ? [...targets, ...below] : targets) {
            // (Reached as a method of two classes, `Paprika(…).do_import()` and `Mealie(…).do_import()`: of neither alone.)
            // (Nor an override of a subclass the call reached on a receiver typed by its base, `layer: BaseDataLayer`:
            // it runs as its own class.)
            if (madeClass && t.e.links.functions[t.fn].owner && t.e.links.functions[t.fn].owner !== madeClass && !this.inheritsFrom(t.e.links.functions[t.fn].owner!, madeClass)) {
              const before = selfClass?.get(refKey(t));
              (selfClass ??= new Map()).set(refKey(t), before === undefined || before === madeClass ? madeClass : '');
            }
            read?.add(t.e);
            // PageHelper pages the mapper query that follows it: that list is not every row.
            if (paged && this.mapperList(t)) continue;
            // A queued task runs in a worker, not on this request's path; a cached function on a cache miss (cachedBy).
            // (Not a Spring `@Async` method its own class calls: the call skips the proxy, and runs it in place.)
            if ((t.e.links.functions[t.fn].queued && !selfCallOf(ref, t, call.chain)) || t.e.links.functions[t.fn].cached) continue;
            // A task made and handed to a queue: a worker runs it (startedBy).
            if (call.enqueued && t.e.links.functions[t.fn].makesTask) continue;
            const k = refKey(t);
            if (sure) surely.add(k);
            if (call.paged && !seen.has(k)) pagedEntry.add(k);
            if (seen.has(k)) {
              // Reached again with other values given: what it was given narrows less, and its calls are followed again.
              const before = given?.get(k);
              if (before) {
                const both = joinGiven(before, call.madeArgs);
                if (both) given!.set(k, both);
                else given!.delete(k);
                if (both?.size !== before.size || [...before].some(([at, classes]) => both?.get(at)?.length !== classes.length)) onward.push(t);
              }
              continue;
            }
            seen.set(k, t);
            if (call.madeArgs) (given ??= new Map()).set(k, new Map(Object.entries(call.madeArgs).map(([at, cls]) => [Number(at), [cls]])));
            onward.push(t);
          }
        }
        // Functions written inside the handler (callbacks with names) are on its path too.
        const onward = ref.e.links.generated ? frontier : next;
        for (const fn of this.nestedIn(ref.e, ref.fn)) {
          const inner = { e: ref.e, fn };
          const k = refKey(inner);
          surely.add(k);
          if (!seen.has(k)) {
            seen.set(k, inner);
            onward.push(inner);
          } else if (given?.delete(k)) onward.push(inner);
        }
      }
      frontier = next;
    }
    return [...seen.values()];
  }

  /**
   * A call on a parameter typed by an interface (CallFact.receiverParam), in a function every caller on the route
   * gives that parameter a class it makes (overseerr's `sendTestNotification(new DiscordAgent(req.body), req.user)`
   * beside nine routes for nine other agents): those classes' methods among what the call lands on anyway, beside what
   * the interface declares itself. All of them when none of those classes has the method there.
   */
  private madeTargets(e: Entry, classes: string[], chain: string[], all: FnRef[]): FnRef[] {
    const method = chain[chain.length - 1];
    const mine = new Set(classes.flatMap((cls) => this.methodsOf(e, cls, method)).map(refKey));
    const kept = all.filter((r) => mine.has(refKey(r)));
    return kept.length ? [...kept, ...all.filter((r) => !mine.has(refKey(r)) && this.declaredByInterface(r))] : all;
  }

  /**
   * A loop over an ORM's rows that reads a relation the ORM loads on first access, and that the query did not load
   * with the rows (Django's `select_related`, JPA's `JOIN FETCH` or `@EntityGraph`): a query per row. See
   * hazards/lazyRelations.
   */
  private lazyRelationLoads(e: Entry): { hazard: Hazard; owner: number; method?: string }[] {
    if (!e.links.relationLoops?.length) return [];
    const { fetched } = this.lazyIndex();
    const known = new Set(e.a.hazards.map((h) => `${h.range.start.line}:${h.range.start.character}`));
    const out: { hazard: Hazard; owner: number; method?: string }[] = [];
    for (const loop of e.links.relationLoops) {
      if (loop.serializer) {
        const hazard = this.serializedListLoad(e, loop, loop.serializer);
        if (hazard && !known.has(`${hazard.range.start.line}:${hazard.range.start.character}`)) out.push({ hazard, owner: loop.owner, method: loop.method });
        continue;
      }
      const relations = this.inheritedLazy(loop.model);
      if (!relations || loop.loaded === '*') continue;
      for (const read of loop.attributes) {
        if (!relations.has(read.name) || loop.loaded.includes(read.name) || fetched.has(read.name)) continue;
        if (known.has(`${read.range.start.line}:${read.range.start.character}`)) continue;
        out.push({
          hazard: { code: 'query-in-loop', file: e.a.file, range: read.range, callee: read.written, explanation: lazyLoadExplanation(loop, read), loop: loop.loop, routes: [], sql: true },
          owner: loop.owner,
          method: loop.method,
        });
      }
      // A function the loop hands each row to, which reads a lazy relation of it (one call down).
      for (const h of loop.helpers ?? []) {
        if (known.has(`${h.range.start.line}:${h.range.start.character}`)) continue;
        for (const t of this.resolveCall(e, loop.owner, h.chain)) {
          const fact = t.e.links.functions[t.fn];
          const names = (fact.paramReads?.[h.arg] ?? []).filter((n) => relations.has(n) && !(loop.loaded as string[]).includes(n) && !fetched.has(n));
          if (!names.length) continue;
          known.add(`${h.range.start.line}:${h.range.start.character}`);
          const explanation = helperLazyLoadExplanation(loop, h.written, fact.owner ? `${fact.owner}.${fact.name}` : fact.name, names);
          out.push({ hazard: { code: 'query-in-loop', file: e.a.file, range: h.range, callee: h.written, explanation, loop: loop.loop, routes: [], sql: true }, owner: loop.owner, method: loop.method });
          break;
        }
      }
    }
    return out;
  }

  /**
   * A Django filter follows relations from its model all the way to one object (`Check.objects.filter(project=
   * project)`, `TalkSlot.objects.filter(schedule__event=event)` with `TalkSlot.schedule` and `Schedule.event` relations
   * in the workspace's models): the rows are that object's children, bounded as SQL's `WHERE project_id = %s` is.
   * Not a field the models do not show as a relation (`filter(status=status)`), nor a lookup (`name__startswith`).
   */
  private pinsRelation(filter: ParentFilter): boolean {
    return filter.paths.some((path) => {
      let model: string | undefined = filter.model;
      for (const name of path.split('__')) {
        const to: string | undefined = model ? this.djangoRelation(model, name) : undefined;
        if (to === undefined) return false;
        model = to;
      }
      return true;
    });
  }

  /** The manager a call goes through (`question.options.create`: `options`) is a relation of a model of the workspace. */
  private isDjangoRelation(callee: string): boolean {
    if (!this.djangoRelationNames) {
      const names = new Set<string>();
      for (const o of this.entries) for (const fields of Object.values(o.links.djangoRelations ?? {})) for (const name in fields) names.add(name);
      for (const fields of this.ownClassRelations().values()) for (const name of fields.keys()) names.add(name);
      this.djangoRelationNames = names;
    }
    const chain = callee.split('.');
    return chain.length >= 3 && this.djangoRelationNames.has(chain[chain.length - 2]);
  }

  private djangoRelationNames?: Set<string>;

  /**
   * The relations models make with a field class of the project's own that extends Django's `ForeignKey`,
   * `OneToOneField` or `ManyToManyField`, directly or through one more class of the workspace (nautobot's
   * `ForeignKeyWithAutoRelatedName(models.ForeignKey)`, and `ForeignKeyLimitedByContentTypes` over it), by model, both
   * ways, as djangoRelations gives them.
   */
  private ownClassRelations(): Map<string, Map<string, string>> {
    if (this.ownRelations) return this.ownRelations;
    const out = new Map<string, Map<string, string>>();
    this.ownRelations = out;
    const relation = (cls: string) => (this.basesOf.get(cls) ?? []).some((b) => DJANGO_RELATION_FIELD.test(b) || (this.basesOf.get(b) ?? []).some((c) => DJANGO_RELATION_FIELD.test(c)));
    const add = (model: string, name: string, to: string) => {
      const known = out.get(model) ?? new Map<string, string>();
      if (!known.get(name)) known.set(name, to);
      out.set(model, known);
    };
    for (const o of this.entries) {
      for (const [m, fields] of Object.entries(o.links.djangoOwnClassFields ?? {})) {
        for (const [name, f] of Object.entries(fields)) {
          if (!relation(f.cls)) continue;
          add(m, name, f.to);
          if (f.to && f.reverse) add(f.to, f.reverse, m);
        }
      }
    }
    return out;
  }

  private ownRelations?: Map<string, Map<string, string>>;

  /** A relation of a model, also one it inherits from an abstract model or mixin (netbox's `BaseInterface.bridge`). */
  private djangoRelation(model: string, name: string, depth = 0): string | undefined {
    if (!this.djangoRelations) {
      const all = new Map<string, Map<string, string>>();
      for (const o of this.entries) {
        for (const [m, fields] of Object.entries(o.links.djangoRelations ?? {})) {
          const known = all.get(m) ?? new Map<string, string>();
          for (const [field, to] of Object.entries(fields)) if (!known.get(field)) known.set(field, to);
          all.set(m, known);
        }
      }
      for (const [m, fields] of this.ownClassRelations()) {
        const known = all.get(m) ?? new Map<string, string>();
        for (const [field, to] of fields) if (!known.get(field)) known.set(field, to);
        all.set(m, known);
      }
      this.djangoRelations = all;
    }
    const own = this.djangoRelations.get(model)?.get(name);
    if (own !== undefined || depth > 5) return own;
    for (const base of this.basesOf.get(model) ?? []) {
      const inherited = this.djangoRelation(base, name, depth + 1);
      if (inherited !== undefined) return inherited;
    }
    return undefined;
  }

  /**
   * `PageSerializer(pages, many=True)`: the relations the serializer's fields read on each row that the queryset
   * does not load, as one warning at the call (see RelationLoopFact.serializer).
   */
  private serializedListLoad(e: Entry, loop: RelationLoopFact, call: NonNullable<RelationLoopFact['serializer']>): Hazard | undefined {
    const t = this.resolveMountTarget(e, { prefix: '', target: call.chain });
    const reads = t && !t.e.quiet ? t.e.links.serializerReads?.[t.name] : undefined;
    if (!t || !reads || reads.model !== loop.model) return undefined;
    const unloaded = this.unloadedFields(reads, new Set(loop.loaded === '*' ? ['*'] : loop.loaded));
    if (!unloaded.length) return undefined;
    const explanation = serializedListExplanation(call.written, t.name, reads.model, unloaded);
    return { code: 'query-in-loop', file: e.a.file, range: call.range, callee: `${t.name}(many=True)`, explanation, loop: loop.loop, routes: [], sql: true };
  }

  /** The lazily loaded relations of every model of the workspace, and the names fetched eagerly somewhere (once per join). */
  private lazyIndex(): NonNullable<WorkspaceLinker['lazy']> {
    if (!this.lazy) {
      const lazy = new Map<string, Set<string>>();
      const fetched = new Set<string>();
      for (const o of this.entries) {
        for (const [model, names] of Object.entries(o.links.lazyRelations ?? {})) {
          const set = lazy.get(model) ?? new Set<string>();
          for (const n of names) set.add(n);
          lazy.set(model, set);
        }
        for (const name of o.links.fetchedRelations ?? []) fetched.add(name);
      }
      this.lazy = { relations: lazy, fetched };
    }
    return this.lazy;
  }

  /** The relations a model loads on access, also those of the abstract models and mixins it extends. */
  private inheritedLazy(model: string, depth = 0): Set<string> | undefined {
    const own = this.lazyIndex().relations.get(model);
    const bases = depth < 5 ? (this.basesOf.get(model) ?? []).map((b) => this.inheritedLazy(b, depth + 1)).filter((b): b is Set<string> => !!b) : [];
    if (!bases.length) return own;
    return new Set([...(own ?? []), ...bases.flatMap((b) => [...b])]);
  }

  /**
   * The Django queryset that function `fn` of `e` returns unread is read whole by some caller: one that does not page,
   * slice or narrow it (CallFact.readInPart), or no caller is found in the workspace (the framework calls it, or code
   * not seen).
   */
  private readWholeByACaller(e: Entry, fn: number): boolean {
    const name = e.links.functions[fn]?.name;
    if (!name) return true;
    let called = false;
    for (const { file, caller, call } of this.callsByName('python').get(name) ?? []) {
      const o = this.byFile.get(file)!;
      // A test's call says nothing of how production reads the rows (and a full pass reads few tests: testImports.ts).
      if (o.test) continue;
      if (!this.resolveCall(o, caller, call.chain, call).some((t) => t.e === e && t.fn === fn)) continue;
      if (!call.readInPart) return true;
      called = true;
    }
    return !called;
  }

  /**
   * The routes on which a function that runs the SQLAlchemy statement it is given whole (GivenStatement: polar's
   * `RepositoryBase.get_all(statement)`) reads every row: those of the callers found in the workspace that give it a
   * statement not bounded (CallFact.boundedArgs), not of those that give `select(T).limit(10)` or a key's `where`.
   * Undefined when every caller bounds it; the function's own routes when no caller is found (the framework calls it).
   */
  private unboundedByACaller(e: Entry, fn: number, given: GivenStatement, routesOf: (o: Entry, fn: number) => readonly RouteKey[]): RouteKey[] | undefined {
    const name = e.links.functions[fn]?.name;
    if (!name) return [...routesOf(e, fn)];
    // JavaScript: a bound an optional parameter sets (`take: options && options.length`), given by the caller's
    // arguments (CallFact.givenArgs: the options, or an object literal that sets the member).
    const js = e.family === 'js';
    const member = given.member !== undefined ? `${given.position}.${given.member}` : undefined;
    const gives = (call: CallFact): boolean =>
      js
        ? (call.givenArgs ?? []).some((a) => a === given.position || a === member || a === '...')
        : (call.boundedArgs ?? []).some((a) => a === given.name || (given.position >= 0 && a === given.position));
    let called = false;
    let unbounded = false;
    const routes: RouteKey[] = [];
    const seen = new Set<string>();
    // JavaScript: also the calls under the names modules import it by (`import { getRecentExpenses as listRecent }`,
    // also under a name its module exports it by, `export { list as recent }`, or a default import).
    const calls = this.callsByName(js ? 'js' : 'python');
    const found = js ? [...this.jsLocalNamesOf(e, name)].flatMap((n) => calls.get(n) ?? []) : (calls.get(name) ?? []);
    for (const { file, caller, call } of found) {
      const o = this.byFile.get(file)!;
      // A test's call says nothing of what production gives it.
      if (o.test) continue;
      if (!this.resolveCall(o, caller, call.chain, call).some((t) => t.e === e && t.fn === fn)) continue;
      called = true;
      if (gives(call)) continue;
      unbounded = true;
      for (const r of routesOf(o, caller)) {
        const key = `${r.method} ${r.path}`;
        if (seen.has(key)) continue;
        seen.add(key);
        routes.push(r);
      }
    }
    // (JavaScript: no caller found may be one calling it as an object's member, `const expenses = { recent: (opts?) =>
    // … }` then `expenses.recent({ limit: 5 })`, or by a framework: what it gives is not known, and the bound is taken
    // as given.)
    if (!called) return js ? undefined : [...routesOf(e, fn)];
    return unbounded ? routes : undefined;
  }

  /**
   * JavaScript: the names a function of `e` named `name` is called by: its own, and the local names the workspace's
   * modules import it under, by its name or a name its module exports it by (`import { getRecentExpenses as listRecent
   * }`, `export { list as recent }` then `import { recent as r }`, `export default` then `import listRecent from`).
   * Each call found so is still checked to land on the function (resolveCall).
   */
  private jsLocalNamesOf(e: Entry, name: string): Set<string> {
    const out = new Set([name]);
    const imported = new Set([name]);
    for (const [exported, local] of Object.entries(e.links.exports)) if (local === name) imported.add(exported);
    const aliases = (this.jsImportAliases ??= this.importAliases('js'));
    for (const n of imported) for (const local of aliases.get(n) ?? []) out.add(local);
    return out;
  }

  /** JavaScript's imports under another name (`import { list as recent }`, a default import): local names by the name imported. Made once per join, on first use. */
  private jsImportAliases?: Map<string, Set<string>>;

  private importAliases(family: 'js'): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (const o of this.entries) {
      if (o.family !== family || o.test) continue;
      for (const imp of o.links.imports) {
        if (imp.imported === '*' || imp.imported === imp.local) continue;
        let locals = out.get(imp.imported);
        if (!locals) out.set(imp.imported, (locals = new Set()));
        locals.add(imp.local);
      }
    }
    return out;
  }

  /** Python calls of the workspace by the name called, for readWholeByACaller. */
  private pythonCalls?: Map<string, PythonCall[]>;
  /** JavaScript calls of the workspace by the name called, for unboundedByACaller. */
  private jsCalls?: Map<string, PythonCall[]>;

  /** The calls of the workspace's files of one family by the name called, indexed on first use (see PythonCallIndex). */
  private callsByName(family: 'python' | 'js'): Map<string, PythonCall[]> {
    const files = () => new Map(this.entries.filter((o) => o.family === family).map((o) => [o.a.file, o.links]));
    if (family === 'js') return (this.jsCalls ??= (this.cache?.jsCalls ?? new PythonCallIndex()).update(files()));
    return (this.pythonCalls ??= (this.cache?.pythonCalls ?? new PythonCallIndex()).update(files()));
  }

  /** Lazy relations by model, and the relations some query loads with its rows, over the workspace. */
  private lazy?: { relations: Map<string, Set<string>>; fetched: Set<string> };
  private djangoRelations?: Map<string, Map<string, string>>;

  /**
   * The hazards a file's calls lead to in other functions (crossFileLoopHazards, blockingThroughCalls), kept from the
   * join before while the file and every file read to find them are the same analyses (LinkCache.throughCalls).
   */
  private throughCalls(e: Entry): ThroughCalls {
    const cache = this.cache?.throughCalls;
    const before = cache?.get(e.a.file);
    if (before && before.links === e.links && before.read.every(([file, links]) => this.byFile.get(file)?.links === links)) return before;
    const outer = this.reading;
    const read = (this.reading = new Set([e]));
    let found: ThroughCalls;
    try {
      // Tests and seeds loop over helpers on purpose: like their own hazards (analyzeFile), these are not load.
      found = e.quiet ? { loops: [], blocking: [] } : { loops: this.crossFileLoopHazards(e), blocking: e.family === 'python' ? this.blockingThroughCalls(e) : [] };
    } finally {
      this.reading = outer;
    }
    cache?.set(e.a.file, { ...found, links: e.links, read: [...read].map((r) => [r.a.file, r.links]) });
    return found;
  }

  /** A call in a loop to a function of another file that queries or calls out (directly or one call further). */
  private crossFileLoopHazards(e: Entry): { hazard: Hazard; owner: number; method?: string }[] {
    const out: { hazard: Hazard; owner: number; method?: string }[] = [];
    // (Not one said by a holder's name alone: where the call lands on the workspace it is dropped for what lands there.)
    // (Nor a mapper's write the join drops, its holder no MyBatis-Plus mapper: a MyBatis mapper of the workspace that
    // declares `insert` itself runs its statement there.)
    const known = new Set(
      e.a.hazards
        .filter(
          (h, k) =>
            !h.unlessWorkspace &&
            !(h.mybatisPlusMapper && !this.holdsMybatisPlusMapper(e, e.links.hazardOwners[k], h.callee)) &&
            !(h.serviceBases && !this.holdsServiceOf(e, e.links.hazardOwners[k], h.callee, h.serviceBases)) &&
            !(h.goHandleInterface && !this.isGoHandleInterface(e, h.goHandleInterface)) &&
            !(h.unlessImplemented && this.holdsImplementedInterface(e, e.links.hazardOwners[k], h.callee)) &&
            !(h.unlessOwnSync && this.ownSyncMethod(e, e.links.hazardOwners[k], h.callee)),
        )
        .map((h) => `${h.range.start.line}:${h.range.start.character}`),
    );
    // …whose own call is looked for a call further down: a project's client wraps its requests in a helper or two
    // (vikunja's veans: `rt.client.AddLabelToTask` → `c.Do` → `c.DoMerge` → `c.HTTPClient.Do(req)`).
    const named = new Set(e.a.hazards.filter((h) => h.unlessWorkspace).map((h) => `${h.range.start.line}:${h.range.start.character}`));
    e.links.functions.forEach((fact, owner) => {
      for (const call of fact.calls) {
        if (!call.loop) continue;
        const range = call.loop.call;
        const at = `${range.start.line}:${range.start.character}`;
        if (known.has(at)) continue;
        const targets = this.effectTargets(e, owner, call);
        const accessor = this.accessorEffect(e, call.chain, targets);
        if (accessor) {
          known.add(at);
          out.push({ hazard: { ...loopHazard(undefined, -1, e.a.file, call.chain.join('.'), accessor.match, call.loop, range), ...(call.loopDetached ? { detached: true as const } : {}) }, owner, method: call.method });
          continue;
        }
        // The first query and the first remote call among the targets (a serializer's `get_comments` queries, its
        // `get_similar` calls a service): a warning each.
        const said = new Set<string>();
        for (const t of targets) {
          if (t.e === e && t.fn === owner) continue; // recursion is not a loop over items
          // (React's cache() keeps a result per argument: per item when given what changes each turn.)
          const perArgument = call.loopArgs && t.e.links.functions[t.fn].cachedPerArgument;
          // (Its result called at once, `deleteUserByUID(uid)()`: also what the function it returns does.)
          const effect = this.effectOf(t, named.has(at) ? -1 : 0, perArgument) ?? (call.invokesResult ? this.returnedEffectOf(t, 0) : undefined);
          if (!effect || said.has(effect.match.kind)) continue;
          // What a serializer renders per row: a query on a model's manager, or a remote call. One through the row
          // (`obj.tags.all()`) may be answered by what the queryset prefetched, which is not known here (see perRowQuery).
          if (call.renders && effect.match.kind === 'query' && !MANAGER_QUERY.test(effect.callee.split(' → ').pop()!)) continue;
          // Made with many=True, the serializer is made once (its `__init__`, a ListSerializer's child), and renders each row.
          if (call.loop.kind === SERIALIZER_MANY && !isRowMethod(t.e.links.functions[t.fn])) continue;
          said.add(effect.match.kind);
          known.add(at);
          if (!readsPrefetched(effect.callee, effect.match, call.prefetched)) {
            // (In a goroutine or a thread the request does not wait for, PowerJob's `POOL.execute(() -> hooks.forEach(h ->
            // sender.send(h)))`: started by the route, as a loop written in place there is.)
            // (Given a callback where it ends in an async request given one: each turn starts a request and goes on.)
            // (An async function nothing waits for in the loop, `hooks.forEach((h) => { sendWebhook(h); })`: likewise.)
            const loop = (call.loopCallback && effect.match.parallelWithArgs !== undefined) || (call.unwaited && t.e.links.functions[t.fn].promises) ? { ...call.loop, mode: 'parallel' as const } : call.loop;
            out.push({ hazard: { ...loopHazard(undefined, -1, e.a.file, `${call.chain.join('.')} → ${effect.callee}`, effect.match, loop, range), ...(call.loopDetached ? { detached: true as const } : {}) }, owner, method: call.method });
          }
          if (said.size === 2) break;
        }
      }
    });
    return out;
  }

  /**
   * Python: a plain `def` of the workspace called from an `async def` runs on the event loop, so the synchronous I/O it
   * does, itself or up to two calls further, holds every other request of the worker meanwhile (a FastAPI handler
   * calling a SQLAlchemy CRUD helper, khoj's chat views calling a `requests` helper; in Django, an error). Said at the
   * call, where the fix goes. Not a call in a loop: that is already a query or call in a loop.
   */
  private blockingThroughCalls(e: Entry): { hazard: Hazard; owner: number }[] {
    const out: { hazard: Hazard; owner: number }[] = [];
    const known = new Set(e.a.hazards.map((h) => `${h.range.start.line}:${h.range.start.character}`));
    e.links.functions.forEach((fact, owner) => {
      if (!fact.async) return;
      for (const call of fact.calls) {
        const at = call.onEventLoop;
        if (!at || call.loop || call.detached || known.has(`${at.start.line}:${at.start.character}`)) continue;
        for (const t of this.resolveCall(e, owner, call.chain, call)) {
          const inner = this.blockerOf(t, 0);
          if (!inner) continue;
          known.add(`${at.start.line}:${at.start.character}`);
          const name = call.chain[call.chain.length - 1];
          const callee = `${call.chain.join('.')} → ${inner.callee}`;
          out.push({
            owner,
            hazard: {
              code: 'blocking-call',
              file: e.a.file,
              range: at,
              callee,
              explanation:
                `\`${call.chain.join('.')}(…)\` runs \`${inner.callee}\` (${inner.label}, line ${inner.range.start.line + 1} of ${inner.file}) synchronously inside \`async def\`: ` +
                `the event loop, and every other request on this worker, waits for it. Make the helper async with an async client, or run it in a thread (\`await asyncio.to_thread(${name}, …)\`).`,
              routes: [],
            },
          });
          break;
        }
      }
    });
    return out;
  }

  /** The synchronous I/O a plain `def` does (FunctionFact.blocks), itself or through the plain `def`s it calls. */
  private blockerOf(ref: FnRef, depth: number): Blocker | undefined {
    const fact: FunctionFact = ref.e.links.functions[ref.fn];
    this.reading?.add(ref.e);
    // A coroutine's body is not run by the call; a memoized function's I/O runs once per argument; a task's, in a worker.
    if (fact.async || fact.cached || fact.queued) return undefined;
    if (fact.blocks) return { ...fact.blocks, file: ref.e.a.file };
    // By function and depth: what is found depends on how many calls are left to follow.
    const key = refKey(ref) * (EFFECT_DEPTH + 1) + depth;
    const cached = this.blockers.get(key);
    if (cached === null) {
      this.cycles++;
      return undefined;
    }
    if (cached !== undefined) {
      if (this.reading) for (const r of cached.read) this.reading.add(r);
      return cached.found;
    }
    this.blockers.set(key, null);
    const outer = this.reading;
    const read = (this.reading = new Set([ref.e]));
    const cyclesBefore = this.cycles;
    let found: Blocker | undefined;
    try {
      if (depth < EFFECT_DEPTH) {
        for (const call of fact.calls) {
          if (call.later || call.detached) continue;
          for (const t of this.resolveCall(ref.e, ref.fn, call.chain, call)) {
            const inner = this.blockerOf(t, depth + 1);
            if (inner) {
              found = { ...inner, callee: `${call.chain[call.chain.length - 1]} → ${inner.callee}` };
              break;
            }
          }
          if (found) break;
        }
      }
    } finally {
      this.reading = outer;
    }
    if (outer) for (const r of read) outer.add(r);
    // (Found in a cycle: not kept, as in effectOf.)
    if (this.cycles > cyclesBefore) this.blockers.delete(key);
    else this.blockers.set(key, { found, read });
    return found;
  }

  /** blockerOf's results by function and depth (`null`: being computed, a cycle), with the files read to find them. */
  private readonly blockers = new Map<number, { found?: Blocker; read: Set<Entry> } | null>();

  /**
   * A query the ORM gives a class of the workspace, where the call lands on none of the workspace's functions
   * (`targets`): `user.getPosts()` where the service declares `User.hasMany(Post)`, a Sequelize association accessor
   * (hazards/sequelizeAssociations); a Panache entity's or a Tortoise or peewee model's inherited methods
   * (hazards/activeRecord).
   */
  private accessorEffect(e: Entry, chain: string[], targets: FnRef[]): { callee: string; match: CallMatch } | undefined {
    if (e.family === 'python') {
      // `await User.get(id=i)` on a Tortoise or peewee model: a class method the model inherits from the ORM, unless
      // the model or a base of the workspace defines it (a same-named method of another class is no match).
      const cls = pythonActiveRecordClass(chain);
      if (cls === undefined || !this.isPythonModel(cls)) return undefined;
      const line = this.classLine(cls);
      return targets.some((t) => line.has(t.e.links.functions[t.fn].owner ?? '')) ? undefined : { callee: chain.join('.'), match: PY_ACTIVE_RECORD_QUERY };
    }
    if (targets.length) return undefined;
    if (e.family === 'java') {
      // `Fruit.findById(id)` on a Panache entity: a static method the entity inherits from Panache.
      const cls = activeRecordClass(chain);
      return cls !== undefined && this.isPanacheEntity(cls) ? { callee: chain.join('.'), match: PANACHE_QUERY } : undefined;
    }
    if (e.family !== 'js' || chain.length < 2 || chain.length > 3) return undefined;
    if (!this.accessors) {
      this.accessors = new Map();
      for (const o of this.entries) for (const name of o.links.associationAccessors ?? []) pushTo(this.accessors, name, o);
    }
    const declared = this.accessors.get(chain[chain.length - 1]);
    // (Whether they share a service with `e` depends on their analyses: a file's first route may change its service.)
    if (declared && this.reading) for (const o of declared) this.reading.add(o);
    if (!declared?.some((o) => sharedWith(o, e))) return undefined;
    return { callee: chain.join('.'), match: { kind: 'query', label: 'Sequelize association accessor' } };
  }

  /** A class of the workspace extending a Panache entity base, itself or through its own bases (hazards/activeRecord). */
  private isPanacheEntity(cls: string, depth = 0): boolean {
    const bases = this.basesOf.get(cls);
    return !!bases && depth < 4 && bases.some((b) => PANACHE_ENTITY.test(b) || this.isPanacheEntity(b, depth + 1));
  }

  /** A class and its bases of the workspace, up to four levels. */
  private classLine(cls: string): Set<string> {
    const out = new Set<string>();
    for (let level = [cls], depth = 0; level.length && depth < 5; depth++) {
      for (const c of level) out.add(c);
      level = level.flatMap((c) => this.basesOf.get(c) ?? []).filter((b) => !out.has(b));
    }
    return out;
  }

  /** A Python class extending a Tortoise or peewee `Model`, itself or through the project's own bases (`BaseModel`). */
  private isPythonModel(cls: string): boolean {
    return this.pythonModels.size > 0 && [...this.classLine(cls)].some((c) => this.pythonModels.has(c));
  }

  /**
   * `Fruit.listAll()`, `Fruit.find(…).list()` where `Fruit` is a Panache entity, `await User.all()` where `User` is a
   * Tortoise model: every matching row (see CallFact.activeRecordList).
   */
  private activeRecordLists(e: Entry): { hazard: Hazard; owner: number }[] {
    const out: { hazard: Hazard; owner: number }[] = [];
    const known = new Set(e.a.hazards.map((h) => `${h.range.start.line}:${h.range.start.character}`));
    const python = e.family === 'python';
    e.links.functions.forEach((fact, owner) => {
      for (const call of fact.calls) {
        const at = call.activeRecordList;
        if (!at || known.has(`${at.start.line}:${at.start.character}`) || !(python ? this.isPythonModel(call.chain[0]) : this.isPanacheEntity(call.chain[0]))) continue;
        out.push({ hazard: activeRecordListHazard(e.a.file, call.chain, at, python), owner });
      }
    });
    return out;
  }

  /** Accessor name → the files whose associations make it. */
  private accessors?: Map<string, Entry[]>;

  /**
   * Where a call may land, for what it does: in Go, with an interface of more than MAX_TARGETS implementations, also
   * those of them the caller's package declares (glance's 21 widgets behind `widget.update`, manyOf), since whichever
   * runs, its query or request runs per call. (Not one package's each, alist's storage drivers: which is unknown.)
   */
  private effectTargets(e: Entry, caller: number, call: CallFact): FnRef[] {
    const targets = this.resolveCall(e, caller, call.chain, call);
    const many = e.family === 'go' ? this.manyOf(call)?.filter((r) => r.e.dir === e.dir) : undefined;
    return many?.length ? [...targets, ...many] : targets;
  }

  private effectOf(ref: FnRef, depth: number, perArgument = false): { callee: string; match: CallMatch } | undefined {
    // By function and depth, as blockerOf: what is found depends on how many calls are left to follow. So that what a
    // file's calls lead to is the same whichever file the join looked at first (LinkCache.throughCalls keeps it), a
    // result found while a function it reached was still being searched (a cycle) is not kept either: it depends on
    // where the search began.
    // (`perArgument`: a function React's cache() keeps, called with other arguments each time: what it does, kept apart.)
    const key = (refKey(ref) * (EFFECT_DEPTH + 2) + depth + 1) * (perArgument ? -1 : 1);
    const cached = this.effects.get(key);
    // (Read even in a cycle: what is found then depends on this file too.)
    this.reading?.add(ref.e);
    if (cached === null) {
      this.cycles++;
      return undefined;
    }
    if (cached !== undefined) {
      if (this.reading) for (const r of cached.read) this.reading.add(r);
      return cached.effect;
    }
    const fact: FunctionFact = ref.e.links.functions[ref.fn];
    // A memoized function reads its cache after the first call for an argument: no query per iteration through it.
    // A queued task's body runs later, in a worker.
    if ((fact.cached && !(perArgument && fact.cachedPerArgument)) || fact.queued) return undefined;
    this.effects.set(key, null);
    const outer = this.reading;
    const read = (this.reading = new Set([ref.e]));
    const cyclesBefore = this.cycles;
    let effect = this.declaredEffect(ref);
    try {
      // Said by the holder's name alone, and the call lands on the project's own code: what that code does, instead.
      if (effect?.match.unlessWorkspace && this.landsInWorkspace(ref.e, ref.fn, effect.callee)) effect = undefined;
      if (effect?.match.djangoRelation && !this.isDjangoRelation(effect.callee)) effect = undefined;
      if (effect?.match.mybatisPlusMapper && !this.holdsMybatisPlusMapper(ref.e, ref.fn, effect.callee)) effect = undefined;
      if (effect?.match.serviceBases && !this.holdsServiceOf(ref.e, ref.fn, effect.callee, effect.match.serviceBases)) effect = undefined;
      if (effect?.match.goHandleInterface && !this.isGoHandleInterface(ref.e, effect.match.goHandleInterface)) effect = undefined;
      if (effect?.match.unlessImplemented && this.holdsImplementedInterface(ref.e, ref.fn, effect.callee)) effect = fact.effectAfter;
      if (effect?.match.unlessOwnSync && this.ownSyncMethod(ref.e, ref.fn, effect.callee)) effect = undefined;
      // The function itself, then up to two calls further (wtf's attachDialAssociations → findUserByID → findUsers).
      if (!effect && depth < EFFECT_DEPTH) {
        for (const call of fact.calls) {
          // Made by a function this one returns: not when this one is called. Started in a goroutine or thread of its
          // own (`go s.forward(m)`): this one returns without waiting for it. Made once, while a module's value is
          // empty or a flag unset (ckan's `_cache_types`, whose `if not _pg_types:` branch also asks the server's
          // version): not on each call.
          if (call.later || call.detached || call.once) continue;
          const targets = this.effectTargets(ref.e, ref.fn, call);
          effect = this.accessorEffect(ref.e, call.chain, targets);
          for (const t of targets) {
            const inner = this.effectOf(t, delegates(fact, call) ? depth : depth + 1) ?? (call.invokesResult ? this.returnedEffectOf(t, depth + 1) : undefined);
            if (inner) {
              effect = { callee: `${call.chain[call.chain.length - 1]} → ${inner.callee}`, match: inner.match };
              break;
            }
          }
          if (effect) break;
        }
      }
    } finally {
      this.reading = outer;
    }
    if (outer) for (const r of read) outer.add(r);
    if (this.cycles > cyclesBefore) this.effects.delete(key);
    else this.effects.set(key, { effect, read });
    return effect;
  }

  /**
   * JavaScript: what runs when the result of a call to `ref` is called, `f(x)()` (CallFact.invokesResult): the first
   * query or remote call of the function `ref` returns (FunctionFact.returnedEffect), or of what its calls there reach
   * (CallFact.returned), as effectOf follows them. Only for such a call: not cached, what it follows is.
   */
  private returnedEffectOf(ref: FnRef, depth: number): { callee: string; match: CallMatch } | undefined {
    const fact: FunctionFact = ref.e.links.functions[ref.fn];
    this.reading?.add(ref.e);
    if (fact.cached || fact.queued) return undefined;
    const own = fact.returnedEffect;
    // (One said by a holder's name alone, as effectOf drops it where it lands on the workspace.)
    if (own && !(own.match.unlessWorkspace && this.landsInWorkspace(ref.e, ref.fn, own.callee)) && !(own.match.serviceBases && !this.holdsServiceOf(ref.e, ref.fn, own.callee, own.match.serviceBases)) && !(own.match.unlessOwnSync && this.ownSyncMethod(ref.e, ref.fn, own.callee))) {
      return { callee: own.callee, match: own.match };
    }
    if (depth >= EFFECT_DEPTH) return undefined;
    for (const call of fact.calls) {
      if (!call.returned || call.detached) continue;
      for (const t of this.effectTargets(ref.e, ref.fn, call)) {
        const inner = this.effectOf(t, depth + 1);
        if (inner) return { callee: `${call.chain[call.chain.length - 1]} → ${inner.callee}`, match: inner.match };
      }
    }
    return undefined;
  }

  /** How many times a search reached a function still being searched (effectOf, blockerOf): see effectOf. */
  private cycles = 0;
}

/** A hazard in a goroutine or thread a function starts: not on the routes that run it, but in a task they start. */
function startedBy(e: Entry, h: Hazard, owner: FunctionFact, routes: RouteKey[]): Hazard {
  return { ...h, routes: [], tasks: [`${owner.owner ? `${owner.owner}.` : ''}${owner.name} (${e.family === 'go' ? 'goroutine' : 'thread'}, started by ${routes.slice(0, 2).map(routeLabel).join(', ')}${routes.length > 2 ? ` and ${routes.length - 2} more` : ''})`] };
}

/** What validates a Django form when called: `is_valid()`, `full_clean()`. */
const FORM_VALIDATION = new Set(['is_valid', 'full_clean']);

/** The call is to a function of the caller's own name, in another layer (`list` calling `service.list`). */
function delegates(fact: FunctionFact, call: CallFact): boolean {
  return fact.name !== '' && call.chain.length > 1 && call.chain[call.chain.length - 1] === fact.name;
}

/**
 * Of a Java method's overloads, those that take as many arguments as the call passes (`findAll(pageable)` is not
 * `List<T> findAll()`), and of those, the ones whose parameters' types can take the arguments' where both are known
 * (jshERP's `getUser(userId)` with `Long userId` is `getUser(long)`, not `getUser(HttpServletRequest)`); all of them
 * when none does (varargs, or the count was not read).
 */
function overloadFor(refs: FnRef[], args: number | undefined, argTypes?: string[]): FnRef[] {
  if (args === undefined || refs.length < 2) return refs;
  const fitting = refs.filter((r) => {
    const params = r.e.links.functions[r.fn].params;
    return params === undefined || params === args;
  });
  if (!fitting.length) return refs;
  if (!argTypes || fitting.length < 2) return fitting;
  const typed = fitting.filter((r) => javaArgumentsFit(argTypes, r.e.links.functions[r.fn].paramTypes));
  return typed.length ? typed : fitting;
}

/** A .proto name as protoc-gen-go spells it in Go: the first letter and each one after `_` upper-cased. */
function goCamelCase(name: string): string {
  return name.replace(/^[a-z]/, (c) => c.toUpperCase()).replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Of classes of one name in several folders of a service, those nearest the caller (most leading folders in
 * common): outline's server code calling `user.setNotificationEventType()` runs server/models/User.ts, not the
 * browser's app/models/User.ts.
 */
function nearest(caller: Entry, refs: FnRef[]): FnRef[] {
  if (refs.length < 2 || refs.every((r) => r.e.dir === refs[0].e.dir)) return refs;
  const from = caller.dir.split('/');
  const shared = (dir: string) => {
    const to = dir.split('/');
    let k = 0;
    while (k < from.length && k < to.length && from[k] === to[k]) k++;
    return k;
  };
  const best = Math.max(...refs.map((r) => shared(r.e.dir)));
  return refs.filter((r) => shared(r.e.dir) === best);
}

/**
 * Code `target` that `caller` may run: of the caller's own service, or of no service at all (a library module of
 * the repository that several services build in, such as macrozheng/mall's `mall-mbg` mappers).
 */
function sharedWith(target: Entry, caller: Entry): boolean {
  return target.group === caller.group || target.group === '';
}

/** The synchronous I/O a plain Python `def` reaches (FunctionFact.blocks), with the file it is written in. */
type Blocker = NonNullable<FunctionFact['blocks']> & { file: string };

/** What a file's calls lead to: calls in loops to functions that query or call out, Python's blocking helpers. */
interface ThroughCalls {
  loops: { hazard: Hazard; owner: number; method?: string }[];
  blocking: { hazard: Hazard; owner: number }[];
}

/** The targets a call lands on that are not among an event's listeners. */
function withoutListeners(targets: FnRef[], listeners: FnRef[]): FnRef[] {
  return listeners.length ? targets.filter((t) => !listeners.some((l) => l.e === t.e && l.fn === t.fn)) : targets;
}

/** Frameworks whose `use(fn)` runs fn before the routes registered after it. */
const MIDDLEWARE_FRAMEWORKS = new Set(['express', 'koa', 'restify', 'hono']);

/** The version part a NestJS controller's path starts with (FileLinks.classPrefixes), for a method's own `@Version`. */
const NEST_VERSION_AT_START = new RegExp(`^/?${NAMED_PART}${VERSION_PART}[^${NAMED_PART}]*${NAMED_PART}`);

/** A package's own name, not a path into it or the project's alias (`@nestjs/throttler`, `rxjs`). */
const PACKAGE_ROOT = /^(?:@[\w.-]+\/[\w.-]+|[\w][\w.-]*)$/;

/** What a servlet container, Spring MVC and WebFlux call of a filter or an interceptor on each request. */
const FILTER_METHODS = new Set(['doFilter', 'doFilterInternal', 'preHandle', 'postHandle', 'afterCompletion', 'filter']);

/** What NestJS calls of a guard, an interceptor, a pipe and a middleware class on each request. */
const ENHANCER_METHODS = new Set(['canActivate', 'intercept', 'transform', 'use']);

/** The Python frameworks whose apps run request hooks or ASGI middleware (PythonRequestHook.on). */
const PYTHON_HOOKED = new Map<string, PythonRequestHook['on']>([
  ['flask', 'flask'],
  ['quart', 'flask'],
  ['fastapi', 'asgi'],
  ['starlette', 'asgi'],
]);

/** What Starlette runs of a middleware class on each request: BaseHTTPMiddleware's `dispatch`, a pure ASGI app's `__call__`. */
const ASGI_METHODS = new Set(['dispatch', '__call__']);

/** What Django calls of a middleware class on each request (MiddlewareMixin's `__call__` calls the `process_` hooks). */
const MIDDLEWARE_METHODS = new Set(['__call__', 'process_request', 'process_view', 'process_response']);

/**
 * What a function was given (walk's `given`) joined with what another call of it passes: by position, the classes of
 * either, for positions both give one; undefined when no position is left (the function is then followed as it is).
 */
function joinGiven(before: Map<number, string[]>, made: Record<number, string> | undefined): Map<number, string[]> | undefined {
  if (!made) return undefined;
  const out = new Map<number, string[]>();
  for (const [at, classes] of before) {
    const cls = made[at];
    if (cls !== undefined) out.set(at, classes.includes(cls) ? classes : [...classes, cls]);
  }
  return out.size ? out : undefined;
}

function refKey(r: FnRef): number {
  return r.e.id * 1_000_000 + r.fn;
}

const PREFIX_AS_IS = new Set(['fastapi', 'flask', 'quart', 'django-ninja', 'starlette', 'aiohttp', 'sanic']);

function joinMount(prefix: string, path: string, framework: string): string {
  if (!prefix) return path;
  if (framework === 'django' || framework === 'drf') return djangoRoute(prefix, path);
  // FastAPI, Flask, Django Ninja, Starlette, aiohttp and Sanic prepend the prefix as is: `/items` + `/` is `/items/`.
  // (Flask with a slash between where the rule has none: `/container` + `init` is `/container/init`.)
  if (PREFIX_AS_IS.has(framework)) return prefix.replace(/\/$/, '') + (path && !path.startsWith('/') && (framework === 'flask' || framework === 'quart') ? '/' : '') + path;
  // gin, echo, Hertz and fasthttp/router keep the route's own trailing slash under a prefix (`/api/users/`); the others drop it.
  if ((framework === 'gin' || framework === 'echo' || framework === 'hertz' || framework === 'fasthttp/router') && path.endsWith('/')) return prefix.replace(/\/$/, '') + path;
  if (path === '/' || path === '') return prefix.replace(/\/$/, '') || '/';
  return prefix.replace(/\/$/, '') + (path.startsWith('/') ? path : '/' + path);
}

/**
 * Django's `resolver_match.route` through an `include()`: the two patterns as written, the second without its
 * leading `^` (URLResolver._join_route): `shop/` + `^archive/$` is `shop/archive/$`.
 */
function djangoRoute(prefix: string, route: string): string {
  return prefix ? prefix + route.replace(/^\^/, '') : route;
}

/** A path with `.` and `..` segments resolved, and no empty ones. */
export function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

function comparePositions(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * Express and Koa serve a path with the first handler registered for it on a router: a list of paths that repeats one
 * already registered adds only the others (Flowise's `router.get('/', getAll)` then `router.get(['/', '/:id'],
 * getById)`). Only from such a list: a registration of the path alone may be middleware the first hands on to.
 */
function shadowedDropped<T extends { e: Entry; key: RouteKey; handler: FileAnalysis['routes'][number] }>(routes: T[]): T[] {
  const first = new Map<string, Range>();
  return routes.filter((r) => {
    // (Only a file that registers a list of paths somewhere can shadow a path: the others' routes need no keys.)
    if (r.e.family !== 'js' || !JOINED_NAMES.has(r.handler.framework) || !perAnalysis(PATH_LISTS, r.e.links, () => registersPathLists(r.e.a.routes))) return true;
    const key = `${r.e.group}\u0000${r.e.a.file}\u0000${r.key.method} ${r.key.path}`;
    const before = first.get(key);
    if (!before) {
      first.set(key, r.handler.declaration);
      return true;
    }
    if (sameStart(before, r.handler.declaration)) return true;
    // The paths written in the registration, not those the join made of them (a router mounted twice has two of each).
    const written = new Set(r.e.a.routes.filter((w) => sameStart(w.declaration, r.handler.declaration)).map((w) => w.path));
    return written.size < 2;
  });
}

/**
 * The sources of the JavaScript package a file is in, as far as its path says: its `src/` folder (dittofeed's
 * `packages/api/src/`), else its own folder. Another app of the package, kept beside `src/`, is not under it.
 */
function packageFolder(file: string): string {
  const src = file.lastIndexOf('/src/');
  if (src >= 0) return file.slice(0, src + '/src/'.length);
  if (file.startsWith('src/')) return 'src/';
  return file.slice(0, file.lastIndexOf('/') + 1);
}

/** The module names no export of its own (asked on the join's hot path: no array made). */
function exportsNothing(links: FileLinks): boolean {
  for (const _ in links.exports) return false;
  return true;
}

/** Per analysis: whether a registration of the file lists several paths (`router.get(['/', '/:id'], h)`). */
const PATH_LISTS = new WeakMap<FileLinks, boolean>();

function registersPathLists(routes: FileAnalysis['routes']): boolean {
  // A registration's routes are collected one after another, so a list shows as neighbours of one declaration.
  for (let k = 1; k < routes.length; k++) {
    if (sameStart(routes[k].declaration, routes[k - 1].declaration) && routes[k].path !== routes[k - 1].path) return true;
  }
  return false;
}

/** The routes that reach any of these functions, each once (a module's client used by several of them). */
function routesOfAll(functions: number[], routesOf: (fn: number) => RouteKey[]): RouteKey[] {
  const out: RouteKey[] = [];
  for (const fn of functions) for (const key of routesOf(fn)) if (!out.some((k) => k.method === key.method && k.path === key.path)) out.push(key);
  return out;
}

/** A global prefix the finder left to the config (`\u0000config:apiPrefix\u0000`). */
const CONFIG_KEY = new RegExp(`^${NAMED_PART}config:([\\w$]+)${NAMED_PART}$`);

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** How many leading folder names two folders share. */
function commonPrefixLength(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  let k = 0;
  while (k < x.length && k < y.length && x[k] === y[k]) k++;
  return k;
}

/**
 * A serializer method DRF calls per row of a list (a `SerializerMethodField`'s `get_<field>`, `to_representation`)
 * whose own first query reads a model's manager (`Comment.objects.filter(exercise=obj)`): a query per row, which no
 * `prefetch_related` of the view's queryset can answer. One through the row (`obj.comments.all()`) may be prefetched:
 * not said; nor one a method makes only when it finds nothing prefetched (paperless' `get_versions` reads
 * `_prefetched_objects_cache` first).
 */
function perRowQuery(fact: FunctionFact): boolean {
  const effect = fact.effect;
  return (
    !!fact.owner &&
    !fact.prefetchAware &&
    ((fact.name.startsWith('get_') && !SERIALIZER_OWN_GETTERS.has(fact.name)) || fact.name === 'to_representation') &&
    effect?.match.kind === 'query' &&
    effect.range !== undefined &&
    /^[A-Z]\w*\.objects\./.test(effect.callee)
  );
}

/** A method DRF calls for each row a serializer renders: a `get_<field>` (not DRF's own) or `to_representation`. */
function isRowMethod(f: FunctionFact): boolean {
  return (f.name.startsWith('get_') && !SERIALIZER_OWN_GETTERS.has(f.name)) || f.name === 'to_representation';
}

/** A query on a Django model's manager: `Comment.objects.filter(…)`, `users_models.User.objects.get(…)`. */
const MANAGER_QUERY = /^(?:\w+\.)*[A-Z]\w*\.objects\./;

/** DRF's own `get_…` methods of a serializer, which it calls once per serializer, not per row. */
const SERIALIZER_OWN_GETTERS = new Set([
  'get_fields', 'get_field_names', 'get_default_field_names', 'get_extra_kwargs', 'get_validators', 'get_initial', 'get_value', 'get_attribute',
  'get_unique_together_validators', 'get_unique_for_date_validators', 'get_uniqueness_extra_kwargs', 'get_queryset', 'get_choices', 'get_serializer_context',
]);

/**
 * The SQL databases these files open (see sqlEngines.ts). Tests do not make them embedded (they often stand SQLite in
 * for the real database), but a test that opens a server's driver says the code has one.
 */
function sqlEnginesAmong(entries: Entry[]): { embedded: boolean; networked: boolean } {
  let embedded = false;
  let networked = false;
  for (const e of entries) {
    if (e.links.sqlEngines?.networked) networked = true;
    if (e.links.sqlEngines?.embedded && !e.test) embedded = true;
  }
  return { embedded, networked };
}

const sameStart = (a: Range, b: Range): boolean => a.start.line === b.start.line && a.start.character === b.start.character;

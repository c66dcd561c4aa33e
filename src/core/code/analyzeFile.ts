import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { CallFact, FileAnalysis, FileLinks, FunctionFact, GoRoutingFact, Hazard, MountFact, Span } from './codeModel';
import { FileStructure, moduleListsKey, scanNodes, type CallInfo } from './fileStructure';
import { awaited, findBlockingCalls, runsOnEventLoop, synchronousIo } from './hazards/blockingCalls';
import type { CallCatalogue, CallMatch, LanguageFamily } from './hazards/callCatalogue';
import { deadCodeCheck } from './hazards/deadCode';
import { calledParams, handedNames } from './decoratorArguments';
import { prefetchedRelations, readInPart, unexecutedQueryset } from './hazards/djangoQuerysets';
import { djangoManyToManyOf, djangoOwnClassFieldsOf, djangoRelationsOf, loopRowModel, pythonLazyRelationsOf, pythonParamReads, pythonRelationLoopsOf } from './hazards/pythonRelations';
import { sequelizeAccessorsOf } from './hazards/sequelizeAssociations';
import { javaParamReads, jpaFetchedRelationsOf, jpaLazyAssociationsOf, jpaLoopsOf } from './hazards/jpaRelations';
import { javaArgumentTypes, javaParameterTypes, javaTypeName } from './javaOverloads';
import type { RelationLoopFact } from './hazards/lazyRelations';
import { findEnvReads } from './hazards/envReads';
import { findLoopHazards, localEffects, startsAsync, type FoundHazard } from './hazards/loopHazards';
import { FILTERS_ON_KEY, PY_ACTIVE_RECORD_FILE, readsWholeList, readsWholePythonList } from './hazards/activeRecord';
import { argumentsVaryInLoop, isMemoized, isRequestCached, mayMemoize, mayReadCacheFirst, readsCacheFirst } from './hazards/memoized';
import { isQueuedTask, mayQueueTasks } from './hazards/queuedTasks';
import { eventListenedTo, eventPublished, mayUseSpringEvents } from './hazards/springEvents';
import { mayUseNestEvents, nestEventEmitted, nestEventsListened } from './hazards/nestEvents';
import { goBusHandlersOf, goMessageHandled, goMessagesDispatched, mayDispatchGoMessages } from './hazards/goMessageBus';
import { backgroundTaskOf, mayDeclareTasks, STARTUP_HOOK } from './hazards/backgroundTasks';
import { goDefaultClientHolders, findMissingTimeouts, runsInBrowser } from './hazards/missingTimeouts';
import { moduleClientUsers } from './hazards/moduleClients';
import { findRepositoryMethods, isRepositoryInterface } from './hazards/repositoryMethods';
import { listedTypesIn } from './hazards/fieldResolvers';
import { dumpsMany, SCHEMA_CALLS, SCHEMA_MANY, schemaHookOf, SERIALIZER_MANY } from './hazards/schemaHooks';
import { findRetryHazards } from './hazards/retryHazards';
import { boundedStatementArgs, findUnboundedQueries, givenArguments, mayDeclareKeys, uniqueKeysOf } from './hazards/unboundedQueries';
import { GO } from './languages/go';
import { JAVA } from './languages/java';
import { JAVASCRIPT, passportAuthenticated, passportVerifiersOf } from './languages/javascript';
import type { LanguageSpec } from './languages/languageSpec';
import { PYTHON, PYTHON_BUILTINS } from './languages/python';
import { lazyChain, lazyImportBindings, moduleFacts, pythonAllOf } from './moduleFacts';
import { isNextConfig, nextConfigEnvKeys, nextConfigPageExtensions } from './nextConfig';
import { baseClasses, declaredTypes, goEmbeddings, goHandleInterfaces, goInterfaceArities, goInterfaces, goPackageVarSources, goParameterCount, implementedInterfaces, isClientType, goSliceFields, goSliceTypes, goPackageVarTypes, goStructs } from './declaredTypes';
import { findGoRoutes, ginOrEchoOf, goFunctionLists, goMountHelpersOf, goPrefixedRoutersOf, goValueLists, goPackageConstants, goStringConstantsOf } from './routes/goRoutes';
import { findBeegoRoutes } from './routes/beegoRoutes';
import { findGoRouting } from './routes/goRouting';
import { pythonAppsOf, pythonRequestHooksOf } from './routes/pythonRequestHooks';
import { javaFilterRegistrationsOf, javaRequestFiltersOf } from './routes/javaRequestFilters';
import { nestAppEnhancersOf, nestAuthGuardsOf, nestGateOf, nestMetadataDecoratorsOf, type NestGate } from './routes/nestEnhancers';
import { findGoDispatchRoutes } from './routes/goDispatchRoutes';
import { findGoRouteValues } from './routes/goRouteValues';
import { findGoZeroRoutes } from './routes/goZeroRoutes';
import { findJavaRoutes } from './routes/javaRoutes';
import { findSpringRouterFunctions } from './routes/springRouterFunctions';
import { findJaxRsRoutes } from './routes/jaxRsRoutes';
import { findJavalinRoutes } from './routes/javalinRoutes';
import { findVertxRoutes } from './routes/vertxRoutes';
import { clientVariables, isTsoaRoutesModule, findJavaScriptRoutes, MAY_REGISTER, parameterNames, routeHelperKey, routeHelperParams, routeTables } from './routes/javascriptRoutes';
import { findNextRoutes, guardedMethods, isClientModule, requestMethods } from './routes/nextRoutes';
import { findApiEndpoints, servedFunctions } from './routes/apiEndpoints';
import { trpcHandlerMakers } from './routes/trpcEndpoints';
import { appMakersOf, listensOnOwnApp, returnsMadeApp } from './routes/builtApps';
import { temporalActivitiesOf } from './hazards/temporalActivities';
import { findGrpcServices } from './routes/grpcServices';
import { findRemixRoutes, remixFramework, remixModuleOf } from './routes/remixRoutes';
import { findSvelteKitRoutes } from './routes/svelteKitRoutes';
import { findNitroRoutes } from './routes/nitroRoutes';
import { drfRoutersOf, routersAddedToUrlpatterns } from './routes/drfRouters';
import { djangoMiddlewareOf, djangoSettingsOf, viewClassFactsOf } from './routes/viewClasses';
import { modelViewFactsOf } from './routes/modelViews';
import { nestedSerializersOf } from './routes/nestedSerializers';
import { serializerReadsOf } from './hazards/drfSerializerReads';
import { pythonStringConstants } from './routes/pythonConstants';
import { annotationNames, dependsOf, djangoListFlows, djangoLocalIncludes, djangoPatternHelpersOf, fastapiAliasesOf, filedUnder, findPythonRoutes, isUrlconf, pythonRouterHandingOf, returnedBlueprint, routerDependenciesOf } from './routes/pythonRoutes';
import { jsStringConstants } from './routes/jsConstants';
import { findLitestarRoutes } from './routes/litestarRoutes';
import { findAiohttpRoutes } from './routes/aiohttpRoutes';
import { findStarletteRoutes } from './routes/starletteRoutes';
import { findTornadoRoutes } from './routes/tornadoRoutes';
import { findLoopbackRoutes } from './routes/loopbackRoutes';
import { findSanicRoutes } from './routes/sanicRoutes';
import { findFalconRoutes } from './routes/falconRoutes';
import { findFlaskAppBuilderRoutes } from './routes/flaskAppBuilderRoutes';
import { findBottleRoutes } from './routes/bottleRoutes';
import { findHelidonRoutes, helidonServicesOf } from './routes/helidonRoutes';
import { findGoRestfulRoutes } from './routes/goRestfulRoutes';
import { findFeathersRoutes } from './routes/feathersRoutes';
import { findStrapiRoutes } from './routes/strapiRoutes';
import { findSailsRoutes } from './routes/sailsRoutes';
import { findPyramidRoutes, pyramidPatternsOf } from './routes/pyramidRoutes';
import { findRouteObjectTables } from './routes/routeObjectTables';
import { findAdonisRoutes, isAdonisRouterModule } from './routes/adonisRoutes';
import { orpcServedChains } from './routes/orpcEndpoints';
import { pluginHookListsOf, pluginHooksOf } from './routes/pluginHooks';
import { WordSearch, type TextChange } from './wordSearch';
import { columnAt, endAt, namedChildrenOf, nodeAt, rowAt, startAt } from './nodeScan';
import { javaStringConstants } from './routes/javaConstants';
import { RouteCollector } from './routes/routeCollector';
import { goRangedField, goResultType, pythonResultType, tsMadeLocals, tsResultType } from './localTypes';
import { forwardsOnly, positionAt, withLineFeeds } from './syntax';
import { autoloadedFoldersOf } from './autoloadedFolders';
import { sqlEnginesOf } from './sqlEngines';
import { dispatchedThrough, functionTablesOf } from './dispatchTables';
import type { LanguageId } from './treeSitter';
import type { Range } from '../model/location';

const SPECS: Record<LanguageId, LanguageSpec> = {
  typescript: JAVASCRIPT,
  tsx: JAVASCRIPT,
  javascript: JAVASCRIPT,
  python: PYTHON,
  go: GO,
  java: JAVA,
};

export function familyOf(language: LanguageId): LanguageFamily {
  return SPECS[language].family;
}

/**
 * Tortoise: a query awaited as it is (`await User.filter(…)`: its rows read then, not a query kept to be sliced or
 * filtered later), where its chain ends (`await User.all().limit(20)` is read at `limit`), not filtered on the key.
 */
function awaitedWhole(s: FileStructure, i: number): boolean {
  const { start, end } = s.nodes[i];
  return /\bawait\s+$/.test(s.text.slice(Math.max(0, start - 12), start)) && !/^\s*\./.test(s.text.slice(end, end + 40)) && !FILTERS_ON_KEY.test(s.text.slice(start, end));
}

/** Go: the function hands requests to a gqlgen server the file makes (`srv := handler.New(NewExecutableSchema(…))`). */
function servesGqlServer(text: string, body: string): boolean {
  for (const m of body.matchAll(/\b([A-Za-z_]\w*)\.ServeHTTP\(/g)) {
    if (new RegExp(`\\b${m[1]}\\s*:?=\\s*(?:\\w+\\.)?New\\w*\\(\\s*(?:\\w+\\.)?NewExecutableSchema\\(`).test(text)) return true;
  }
  return false;
}

/**
 * Go: a file the service's own build leaves out, compiled only with a tag for tests or tooling (pocket-id's
 * `//go:build e2etest`, whose `POST /test/reset` route and table wipes are the end-to-end suite's): a test file. Not a
 * platform's or a toolchain's constraint (`linux`, `!windows`, `cgo`, `go1.21`).
 */
export function builtOnlyForTests(text: string): boolean {
  // A package of test helpers (kratos' `pkg/registrationhelpers`, `func AssertCommonErrorCases(t *testing.T, …)`): it
  // imports `testing` and takes a test's handle. (Not a server that only asks `testing.Testing()`.)
  if (text.includes('"testing"') && IMPORTS_TESTING.test(text) && TEST_HANDLE.test(text)) return true;
  const head = text.slice(0, 2000);
  // (Also the legacy `// +build ignore` of files written before Go 1.17, statping-ng's `source/generate_*.go`: gofmt
  // writes `//go:build` above it when it adds one, with the same terms, so the first of the two says.)
  const m = /^\/\/(?:go:build|[ \t]*\+build)[ \t]+(.+)$/m.exec(head);
  if (!m || m.index > head.search(/^package\s/m)) return false;
  // (`ignore`: a file no build takes, run by hand with `go run`, alist's webdav litmus test server.)
  return [...m[1].matchAll(/(!?)\b([A-Za-z_]\w*)\b/g)].some((t) => !t[1] && /^(?:\w*e2e\w*|\w*tests?\b|integration\w*|tools|mage|debug|dev|fixtures?|bench\w*|ignore)$/i.test(t[2]));
}

const IMPORTS_TESTING = /^import\s+(?:"testing"|\([^)]*^\s*"testing"\s*$)/m;
const TEST_HANDLE = /\btesting\.(?:T|TB|B|F|M)\b/;

/**
 * Go: in a function given a test's handle (`func PrepareTestDatabase(t *testing.T)`, vikunja's `db/test.go`, a
 * file the package compiles but only its tests call): test code, whatever the file is named.
 */
function inGoTestHelper(s: FileStructure, at: number): boolean {
  for (let f = s.functionOf[at]; f >= 0; f = s.functions[f].outer) {
    const params = s.nodes[s.functions[f].index].node.childForFieldName('parameters')?.text ?? '';
    if (/\btesting\.(?:T|TB|B|F)\b/.test(params)) return true;
  }
  return false;
}

/** Tests exercise code paths on purpose: hazards there are not production load. */
export function isTestFile(file: string): boolean {
  // (Asked of a file by its analysis and again by each join: once per path.)
  let test = TEST_FILES.get(file);
  if (test === undefined) {
    if (TEST_FILES.size > 100_000) TEST_FILES.clear();
    TEST_FILES.set(file, (test = isTestFileUncached(file)));
  }
  return test;
}

const TEST_FILES = new Map<string, boolean>();

/** A module of a Django app (views, urls, models, serializers…) in a folder `test/` inside a package, not at the top. */
const DJANGO_TEST_APP = /^(\w[\w/]*\/)test\/((?:ui\/|api\/)?(?:views|urls|models|serializers|admin|apps|forms|signals|queries|filters|api_views)\.py)$/;

/** A source file of a JVM build's main source set, and the folders above it. */
const JVM_MAIN_SOURCE = /^(.*?)src\/main\/(?:java|kotlin|scala|groovy)\/.*$/;

function isTestFileUncached(file: string): boolean {
  // Next.js: the folders of a route file under app/ or pages/api/ are its URL (`/api/workflows/[id]/test`), so only
  // the folders above them may say it is a test.
  const written = NEXT_ROUTE_FILE.test(file) ? (NEXT_ROUTE_FILE.exec(file)![1] ?? '') : file;
  // A Django app named for a model called Test (DefectDojo's `dojo/test/`): its views, urls and models are the app's.
  const django = DJANGO_TEST_APP.test(written) ? written.replace(DJANGO_TEST_APP, '$1app/$2') : written;
  // A JVM package under a build's main sources is production code whatever it is named (JeecgBoot's
  // `src/main/java/org/jeecg/modules/demo/test/controller/JeecgDemoController.java`, its `demo/mock/` too): only the
  // folders above `src/main/` may say it is a test.
  const folders = JVM_MAIN_SOURCE.test(django) ? django.replace(JVM_MAIN_SOURCE, '$1src/main/') : django;
  return (
    // Also a folder named for its tests (`api-spec/`, Sock Shop's Dredd hooks; `integration-tests/`, `e2e_tests/`,
    // focalboard's `integrationtests/`, Joplin's `testing/` helpers, memos' `internal/testutil/`; the fake servers tests
    // run against, woodpecker's `server/forge/github/fixtures/handler.go`), or for the browser suite it keeps
    // (`playwright/`, `cypress/`: their helpers too).
    // The plugins and apps tests load, and load tests (vendure's `dev-server/test-plugins/`, `load-testing/`).
    /(^|\/)(tests?|testing|testutils?|test_?helpers?|__tests__|__e2e__|__mocks__|mocks?|fakes|fixtures|__fixtures__|spec|e2e|testdata|playwright|cypress|src\/test|[\w.-]+[-_](tests?|specs?)|load[-_]?testing|\w+tests|tests?[-_](?:plugins?|apps?|servers?|utils?|support|harness))\//.test(folders) ||
    // Also end-to-end suites and an edition's own (`*.e2e.ts`, novu's `*.e2e-ee.ts`, `*.spec-ee.ts`), and suites named
    // for where they run (langfuse's `*.servertest.ts`, `*.clienttest.ts`).
    /(\.|_)(test|spec|e2e|servertest|clienttest)(-[a-z]+)?\.[a-z]+$/.test(file) ||
    // Go's test data kept beside the code it loads (photoprism's `entity/camera_fixtures.go`, `CreateCameraFixtures()`).
    /(^|\/|_)fixtures?\.go$/.test(file) ||
    /(^|\/)(test_[^/]+|tests?)\.py$/.test(file) ||
    /(^|\/)conftest\.py$/.test(file) ||
    // A test runner's set-up (Unleash's `src/test-setup.ts`, `setupTests.ts`, `jest.setup.js`, `vitest.setup.ts`).
    /(^|\/)(?:test-?setup|setup-?tests?|setupTests|(?:jest|vitest)\.setup|global-?(?:setup|teardown))\.[cm]?[jt]sx?$/i.test(file) ||
    // …and its configuration (tracecat's `frontend/playwright.config.ts`, whose `process.env.PLAYWRIGHT_BROWSER_CHANNEL`
    // no service's recipe sets; `vitest.config.ts`, `jest.config.js`, `cypress.config.ts`, `karma.conf.js`), also of a
    // variant (`jest-e2e.config.js`, `jest.e2e.config.cjs`, `playwright.config.e2e.ts`), and mocha's `.mocharc.js`,
    // TestCafe's `.testcaferc.js`, ava's, protractor's, CodeceptJS's and Detox's.
    /(^|\/)(?:(?:playwright(?:-ct)?|vitest|jest|cypress|karma|wdio|nightwatch|ava|protractor|codecept|detox)(?:[-.][\w-]+)?\.(?:config|conf|workspace)(?:\.[\w-]+)?|\.mocharc|\.testcaferc)\.[cm]?[jt]sx?$/i.test(file) ||
    // Go's build scripts for mage (vikunja's `magefile.go`, built only with the `mage` tag).
    /(^|\/)(?:magefile\.go|magefiles\/[^/]+\.go)$/.test(file) ||
    // A linter's rule examples: bad code written on purpose for the rule to catch (saleor's `.semgrep/`).
    /(^|\/)\.semgrep\//.test(file) ||
    /Tests?\.java$/.test(file)
  );
}

/**
 * Code kept to show how to use the project (hatchet's `examples/` and `sdks/python/examples/`, vikunja's example plugin,
 * ntfy's `examples/`, a `samples/` folder, jumpserver's `accounts/demos/` of API clients): not deployed, so its routes are not the service's and its hazards (some
 * written on purpose: hatchet's `blocked_async`) are no load; treated as tests are. A Dockerfile there builds no
 * service either (recipes/builtServices), whose folder names this follows: xxl-job's `xxl-job-executor-samples/` is
 * code its compose file runs. Not a JVM package of that name (`org/springframework/samples/petclinic`).
 */
export function isExampleCode(file: string): boolean {
  // Also named for what they show (vendure's `example-plugins/`, `examples-app/`).
  const m = /(^|\/)(examples|samples|demos|(?:examples?|samples?)[-_](?:plugins?|apps?|code|projects?))\//.exec(file);
  return !!m && !/(^|\/)(java|kotlin|scala|groovy)\//.test(file.slice(0, m.index + 1));
}

const NEXT_ROUTE_FILE = /^(.*\/)?(?:app\/(?:.+\/)?route\.(?:tsx?|jsx?|mjs)|pages\/api\/.+\.(?:tsx?|jsx?|mjs))$/;

/**
 * Scripts run once, out of band (database seeds, a `populate.py` of sample data or Joplin's `populateDatabase.ts`,
 * migrations, also per database engine as Wiki.js's `migrations-sqlite/` or named for their tool as uptime-kuma's
 * `knex_migrations/`, Django management commands, what a `scripts/` folder keeps: polar's backfills, outline's data
 * fixes, a CI helper, also as a hidden `.scripts/`, logto's, or a `script/` folder, hapi-mysql's per module;
 * development tools kept at the top, `dev/`, `hack/`, `tools/` (lnbits' database converter); data fixes run after the
 * migrations, mealie's `db/fixes/`; migrations kept in one file, miniflux's `migrations.go`; logto's schema `alterations/`): a query per row there is
 * a deploy step's or an operator's cost, not load that requests bring. Their hazards are not reported, as in tests.
 */
export function isOneOffScript(file: string): boolean {
  // CI's own scripts (`.github/scripts/…`) run in the pipeline, not in the service.
  // A folder of upgrades per version, run once by the upgrade command (NodeBB's `src/upgrades/1.7.3/…`).
  if (/(^|\/)upgrades?\/v?\d+(?:\.\d+)+[\w.-]*\//.test(file)) return true;
  return /(^|\/)(seeds?|seeders?|fixtures|\.?scripts?|\.github|\.circleci|\.gitlab)([-_][\w-]+)?\//.test(file) || /^(dev|hack|tools)\/|(^|\/)(db|database)\/(data_?)?fixes\//.test(file) || /(^|\/)(seed|seeds|seeder|fixtures?|populate([-_]?(db|database|data|sample\w*)|Database|Db|DB|Data|Sample\w*)?)\.[a-z]+$/.test(file) || /(^|\/)management\/commands\//.test(file);
}

/**
 * A folder of migrations by its name (`migrations/`, Wiki.js's `migrations-sqlite/`, uptime-kuma's `knex_migrations/`,
 * logto's `alterations/`), or migrations kept in one file (miniflux's `migrations.go`).
 */
export function inMigrationsFolder(file: string): boolean {
  return /(^|\/)([a-z]+[-_])?(?:migrations?|migrate|alterations)([-_][\w-]+)?\//.test(file) || /(^|\/)migrations?\.[a-z]+$/.test(file);
}

/**
 * A file of a migrations folder that is a migration, as its own text says: a Go file there always is; elsewhere it
 * defines the steps a migration tool runs (knex's and node-pg-migrate's `exports.up`, Sequelize's and logto's
 * `up: async (…)`, TypeORM's `MigrationInterface`, MikroORM's `extends Migration`, a project's own typed step
 * (formbricks' `export const x: MigrationScript = { run: async ({ tx }) => … }`), Django's `class Migration`,
 * Alembic's and aerich's `def upgrade`, peewee_migrate's `def migrate(migrator, …)`, yoyo's `step(…)`, Flyway's
 * `BaseJavaMigration` and Flyway 5's `SpringJdbcMigration`, Mongock's `@ChangeUnit`). A feature of the service named
 * for migrating data is not (linkwarden's `controllers/migration/`, its bookmark import behind `POST /api/v1/migration`).
 */
function isMigrationStep(file: string, words: WordSearch, family: LanguageFamily): boolean {
  if (!inMigrationsFolder(file)) return false;
  if (family === 'go') return true;
  const text = words.text;
  if (family === 'js') return (words.has('up') || words.has('Migration')) && MIGRATION_STEPS_JS.test(text);
  if (family === 'python') return MIGRATION_STEPS_PY.test(text);
  return MIGRATION_STEPS_JAVA.test(text);
}

const MIGRATION_STEPS_JS = /\bexports\.up\b|\bexport\s+(?:async\s+)?function\s+up\b|\bexport\s+const\s+up\b|\basync\s+up\s*\(|\bup\s*:\s*(?:async\s*)?(?:function\b|\()|\bup\s*\(\s*(?:queryInterface|knex|pgm|db|client)\b|\bimplements\s+MigrationInterface\b|\bextends\s+Migration\b|\bexport\s+const\s+[\w$]+\s*:\s*\w*Migration\w*\s*=\s*\{/;
const MIGRATION_STEPS_PY = /^class\s+Migration\s*\(|^(?:async\s+)?def\s+(?:upgrade|downgrade|forwards|backwards)\s*\(|^def\s+(?:migrate|rollback)\s*\(\s*migrator\b|^from\s+yoyo\s+import\b/m;
const MIGRATION_STEPS_JAVA = /\bextends\s+BaseJavaMigration\b|@(?:ChangeSet|ChangeUnit|ChangeLog)\b|\bimplements\s+(?:JavaMigration|JdbcMigration|SpringJdbcMigration|CustomTaskChange|CustomSqlChange)\b/;

/**
 * A Python command-line module: it imports Click, Typer or Flask's CLI and declares commands (redash's `redash/cli/`,
 * `@manager.command()`, `@click.command()`, `@app.command()` of a `typer.Typer()`), or a script kept in a `bin/` folder
 * (redash's `bin/release_manager.py`). An operator runs them by hand, not a request.
 */
function isCommandLineModule(file: string, words: WordSearch, family: LanguageFamily): boolean {
  if (family !== 'python') return false;
  if (/(^|\/)bin\/[^/]+\.py$/.test(file)) return true;
  if (!words.has('click') && !words.has('typer') && !words.has('flask.cli')) return false;
  const text = words.text;
  // (rich-click is Click's drop-in, `import rich_click as click`: ArchiveBox's `archivebox update` and the others.)
  return /^(?:import (?:click|rich_click|typer)\b|from (?:click|rich_click|typer|flask\.cli) import\b)/m.test(text) && /^@[\w.]*(?:command|group)\(/m.test(text);
}

/** What a module that serves requests says: it starts a server or makes an app or router. */
const SERVES = /\.listen\(|\bcreateServer\(|\bexpress\(|\b[fF]astify\(|\bRouter\(|\bnew\s+(?:Koa|Hono)\b|\bserve\(|\bHapi\.[sS]erver\(|\bstartStandaloneServer\(|\bnew\s+WebSocketServer\b/;

/**
 * A Node program run from the command line (`#!/usr/bin/env node` on its first line: openpanel's
 * `self-hosting/import-to-cloud.mjs`, which loops over a dump's files sending each), unless it starts a server or
 * makes an app or router itself. (Python's shebang is no such sign: modules of the service carry it too.)
 */
function isNodeScript(words: WordSearch, family: LanguageFamily): boolean {
  if (family !== 'js' || !words.text.startsWith('#!')) return false;
  const first = words.text.slice(0, words.text.indexOf('\n') >>> 0);
  return /\b(?:node(?:js)?|tsx|ts-node|bun|deno|zx)\b/.test(first) && !SERVES.test(words.text);
}

const JAVA_GETTER = /^get[A-Z]\w*$/;
/** Java types no class of the workspace is: primitives, `void`, the JDK's boxes, strings and collections. */
const JAVA_NOT_CLASSES = /^(?:void|boolean|byte|char|short|int|long|float|double|Boolean|Byte|Character|Short|Integer|Long|Float|Double|String|Object|List|Set|Map|Collection|Optional|Stream|Iterable|Iterator|Date|LocalDate|LocalDateTime|Instant|BigDecimal|BigInteger|UUID)$/;

/** A Java getter's declared type, with no parameters: `MonitorService` (not `List<Monitor>`, nor a primitive). */
function javaResultType(type: string | undefined, parameters: string | undefined): string | undefined {
  if (!type || (parameters ?? '()').replace(/\s/g, '') !== '()') return undefined;
  const name = /^([A-Z][\w$]*)(?:<[^>]*>)?$/.exec(type.trim())?.[1];
  return name && !JAVA_NOT_CLASSES.test(name) ? name : undefined;
}

/**
 * An Alembic migration or environment (`from alembic import op`), wherever its `versions/` folder is kept; a goose
 * migration (`goose.AddMigration(up, down)`); a program of its own that `go generate` runs (`package main` with
 * `//go:generate go run .`; not a service file that asks `go generate` to run a tool, gqlgen's resolver.go).
 */
function isMigrationModule(words: WordSearch, family: LanguageFamily): boolean {
  if (family === 'go') {
    if (words.has('goose.AddMigration')) return true;
    return words.has('go:generate go run') && /^\/\/go:generate go run \.\s*$/m.test(words.text) && /^package main\b/m.test(words.text);
  }
  return family === 'python' && /^(from alembic import|import alembic\b)/m.test(words.text);
}

/**
 * factory_boy's factories (nautobot's `dcim/factory.py`: `import factory`, `class DeviceFactory(PrimaryModelFactory)`
 * with `factory.Faker(…)`, `factory.SubFactory(…)`; `DjangoModelFactory`): made-up rows for tests and a
 * `generate_test_data` command, seed code. Not a project's own module named `factory` (`from factory import create_app`).
 */
function isFactoryBoyModule(words: WordSearch, family: LanguageFamily): boolean {
  if (family !== 'python' || !words.has('factory')) return false;
  const text = words.text;
  return /^(?:import factory\b|from factory(?:\.\w+)* import\b)/m.test(text) && /\bDjangoModelFactory\b|\bfactory\.(?:Faker|SubFactory|Sequence|LazyAttribute|LazyFunction|Iterator|RelatedFactory|post_generation|Maybe|SelfAttribute|Trait)\b/.test(text);
}

/**
 * A load test (Locust, k6): it sends requests one after another on purpose, to load the services (robot-shop's
 * load-gen); its calls in loops are its job, not a hazard of the service it runs in.
 */
function isLoadTest(words: WordSearch, family: LanguageFamily): boolean {
  if (family === 'python') return /^(from locust(\.\w+)* import|import locust\b)/m.test(words.text);
  return family === 'js' && words.has('k6') && /^import\s[^;]*from\s+['"]k6(\/[\w/-]+)?['"]/m.test(words.text);
}

/** The marker generators put at the top of what they write (Go's `// Code generated … DO NOT EDIT.`, `@generated`). */
export function saysGenerated(text: string): boolean {
  const head = text.slice(0, 1000);
  return (head.includes('Code generated') && /^\/\/ Code generated .* DO NOT EDIT\.$/m.test(head)) || (head.includes('@generated') && /@generated\b/.test(head));
}

/** Calls worth keeping for the workspace join: a plain name or a short member chain, not a builtin. */
const LINKABLE = /^[A-Za-z_$][\w$]*$/;
/**
 * The longest call chain the join follows: Python's four (`self.repos.users.get_locked_users()`), Go's five
 * (`deps.Domains().Bookmarks().Update()`, hatchet's `t.config.V1.WorkflowSchedules().List()`): the join reads the type
 * the accessor before the method returns.
 */
const MAX_LINKED_CHAIN: Record<LanguageFamily, number> = { js: 3, java: 3, go: 5, python: 4 };
/**
 * JavaScript: `WIKI.models.users.updateUser(…)`, a method of a module in a folder the project loads whole with
 * `auto-load` and hangs on an object (Wiki.js): one longer than MAX_LINKED_CHAIN, which only the join can tell is one
 * (WorkspaceLinker.autoloadedMethods; any other such chain lands on nothing).
 */
function autoloadedMember(family: LanguageFamily, chain: readonly string[]): boolean {
  return family === 'js' && chain.length === 4 && chain[0] !== 'this';
}
/** Python's ways to run a function in another thread: `threading.Thread(target=f)`, `executor.submit(f, …)`. */
const THREAD_STARTS = /^(?:threading\.)?(?:Thread|Timer)$|(?:^|\.)(?:executor|pool|\w*[eE]xecutor|\w*_pool|\w*Pool)\.submit$|\.run_in_executor$/;

/** The plain `def` route handlers FastAPI and Starlette run in their thread pool (scan indexes; `async def`s run on the event loop). */
function threadPooledHandlers(routes: RouteCollector): Set<number> | undefined {
  let out: Set<number> | undefined;
  for (const [r, handler] of routes.handlerOf) if (routes.routes[r].framework === 'fastapi' || routes.routes[r].framework === 'starlette') (out ??= new Set()).add(handler);
  return out;
}

/** FastAPI's and Starlette's background tasks, given the function first: `background_tasks.add_task(f, …)`, `BackgroundTask(f, …)`. */
const AFTER_RESPONSE = /^(?:add_task|BackgroundTask)$/;

/** What hands the coroutine it is given to the event loop as a task: `asyncio.create_task(f())`, `asyncio.ensure_future(f())`, `loop.create_task(f())`. */
const RUNS_AS_TASK = /^(?:create_task|ensure_future)$/;

/** Call i is the coroutine handed to the event loop as a task: `run_consumer()` in `asyncio.create_task(run_consumer())`. */
function startedAsTask(s: FileStructure, i: number): boolean {
  const outer = s.nodes[i].parent;
  const submit = outer >= 0 ? s.calls.get(outer) : undefined;
  return !!submit && submit.argsStart >= 0 && RUNS_AS_TASK.test(submit.chain[submit.chain.length - 1] ?? '') && s.nodes[i].start > submit.argsStart && s.nodes[i].end < submit.argsEnd;
}

/** What runs the function it is given in a thread and hands back an awaitable of its result. */
const RUN_IN_THREAD = /^(?:to_thread|run_in_threadpool|run_sync|sync_to_async|database_sync_to_async)$/;

/** The function a thread is given: `target=` (Thread), the first argument (`submit`), the second (`run_in_executor`). */
function threadTarget(args: string, method: string): string[] | undefined {
  const written = method === 'Thread' ? /\btarget\s*=\s*([\w.]+)\s*(?:,|$)/.exec(args)?.[1] : method === 'Timer' || method === 'run_in_executor' ? /^\s*[^,]+,\s*([\w.]+)\s*(?:,|$)/.exec(args)?.[1] : /^\s*([\w.]+)\s*(?:,|$)/.exec(args)?.[1];
  return written && /^[A-Za-z_][\w.]*$/.test(written) ? written.split('.') : undefined;
}

/** A Django settings module for development or tests (`settings/dev.py`, `settings_test.py`): not production's. */
const DEVELOPMENT_SETTINGS = /(?:^|\/|_)(?:dev|development|test|tests|testing|ci)(?:_settings)?\.py$/;

/**
 * Go: a function that returns a function literal, alone or in the value it returns (`return Task{Job: func() error
 * {…}}`, fider's `return describe("Notify about new post", func(c *worker.Context) error {…})`, `return func(w
 * http.ResponseWriter, …) {…}`): what it makes runs when that is called. Not a closure it hands to
 * another call (`sort.Slice(xs, func(i, j int) bool {…})`) or starts (`go func() {…}()`).
 */
const RETURNS_FUNC_LITERAL = /\breturn\s+(?:&?[\w.]+\s*[{(][^{}]*?)?\bfunc\s*\(/;

/** What builds a SQLAlchemy statement (`select(`, `.where(`, `.limit(`) or names one made elsewhere (`…_statement(`). */
const GIVES_STATEMENTS = /\b(?:select|where|filter|filter_by|limit)\s*\(|\w(?:_statement|_query|_stmt)\w*\s*\(|\b(?:statement|query|stmt)_\w+\s*\(/;

/**
 * JavaScript: the request waits for what call i returns: awaited, returned from the handler (`return
 * emitter.emitAsync(…)`), or handed to `Promise.all`/`allSettled`/`race`/`any`.
 */
function waitedFor(s: FileStructure, i: number): boolean {
  if (awaited(s, i) || /\breturn\s*\(?\s*$/.test(s.text.slice(Math.max(0, s.nodes[i].start - 12), s.nodes[i].start))) return true;
  let node = s.nodes[i].node;
  for (let parent = node.parent, depth = 0; parent && depth < 4; node = parent, parent = parent.parent, depth++) {
    if (parent.type === 'arguments') return /\bPromise\.(?:all|allSettled|race|any)$/.test(parent.parent?.childForFieldName('function')?.text ?? '');
    if (parent.type !== 'array' && parent.type !== 'parenthesized_expression' && parent.type !== 'spread_element') return false;
  }
  return false;
}

/** The call's value is an argument of a queue's `Enqueue…(…)`. */
function handedToQueue(s: FileStructure, i: number): boolean {
  const parent = s.nodes[i].node.parent;
  return parent?.type === 'argument_list' && /(?:^|\.)Enqueue\w*$/.test(parent.parent?.childForFieldName('function')?.text ?? '');
}

/** What stands before a call that Go starts in a goroutine: `go s.pruneMessages()`. */
const GO_STATEMENT_BEFORE = /(?:^|[\s;{])go[ \t]+$/;

/** `super.list(request)` (JavaScript, Java), `super().save()` (Python): the base class's method, followed by the join. */
const isSuperCall = (chain: string[]) => chain.length === 2 && chain[0] === 'super';

const NOT_LINKABLE = new Set(['console', 'Math', 'JSON', 'Object', 'Array', 'Promise', 'String', 'Number', 'res', 'req', 'reply', 'log', 'logger', 'fmt', 'errors', 'strings', 'strconv', 'super', 'require']);
/** Builtins of Python and Go: in JavaScript or Java a function named `list` (`import { list } from './orders'`) is the project's. */
const BUILTIN_ROOTS = new Set(['len', 'print', 'str', 'int', 'list', 'dict']);

/**
 * What one top-level statement contributes, with absolute positions as of when it was analysed. Its offset is not
 * among them (UnitCache keeps it): while typing in a line, the later statements move in offset only, and their
 * results are then kept as they are, not copied.
 */
interface UnitResult {
  line: number;
  character: number;
  routes: FileAnalysis['routes'];
  routeLinks: NonNullable<FileAnalysis['links']>['routeLinks'];
  mounts: NonNullable<FileAnalysis['links']>['mounts'];
  /** Go: how its routers and groups get middleware (routes/goRouting). */
  goRouting?: GoRoutingFact[];
  functions: FunctionFact[];
  hazards: Hazard[];
  hazardOwners: number[];
  /** Per hazard, the HTTP method of the handler branch it is written in (see CallFact.method). */
  hazardMethods: (string | undefined)[];
  pending: FileLinks['pending'];
  /** Loops over an ORM's rows and the relations they read (see hazards/lazyRelations). */
  relationLoops: RelationLoopFact[];
  globalPrefix?: string;
  springPathPrefix?: string;
  nestModules?: Record<string, string[]>;
  nestRoutes?: Record<string, string>;
  devOnlyModules?: string[];
  childControllers?: Record<string, [string, string[]]>;
  classPrefixes?: Record<string, string[]>;
  springControllers?: string[];
}

/**
 * Per-statement results of the previous analysis of an edited document: after an edit only the statements the edit
 * touched are analysed again; the others are moved to their new place. They are found by position, not by text:
 * hashing every statement's text to look it up cost more than analysing the one statement that changed.
 */
export class UnitCache {
  /** The statements of the text last analysed, in order: their offsets and results. */
  units: KeptUnits = NO_UNITS;
  /** File-level facts the statements were analysed with (router names, constants…): if they change, start over. */
  context = '';
  /** What changed since that text. */
  edit?: TextChange;
  /** The searches for words made on that text. */
  words?: WordSearch;
}

/**
 * Statements' offsets and results, in document order. Arrays, not a map by offset: a long file has hundreds of
 * statements, and the map and an entry object per statement, made anew on every keystroke, were a fifth of what an
 * edit allocated (each young collection that lands in an edit adds a few milliseconds to it).
 */
interface KeptUnits {
  starts: Int32Array;
  ends: Int32Array;
  results: UnitResult[];
}

const NO_UNITS: KeptUnits = { starts: new Int32Array(0), ends: new Int32Array(0), results: [] };

/** The results kept for the statement now at [start, end), if the edit left its text as it was. */
function keptUnit(units: KeptUnits, edit: TextChange, start: number, end: number): UnitResult | undefined {
  // Before the change: same place. After it: shifted by what the change added or removed. Across it: changed.
  const shift = end <= edit.start ? 0 : start >= edit.newEnd ? edit.newEnd - edit.oldEnd : undefined;
  if (shift === undefined) return undefined;
  const { starts, ends, results } = units;
  const at = start - shift;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < at) lo = mid + 1;
    else if (starts[mid] > at) hi = mid - 1;
    else return ends[mid] === end - shift ? results[mid] : undefined;
  }
  return undefined;
}

/**
 * Everything this file says on its own: routes, hazards, environment reads, and the facts the workspace join
 * needs (imports, exports, functions with their calls, mounts). One `descendantsOfType` pass scans the file;
 * each top-level statement is then analysed on its own slice of the scan (so an edit re-analyses only the
 * statements it touched, given a UnitCache). Hazards are returned with no routes: the join (workspaceLinks)
 * attaches them, even for a single file.
 */
export function analyzeTree(
  file: string,
  language: LanguageId,
  tree: Tree,
  catalogue: CallCatalogue,
  raw: string = tree.rootNode.text,
  cache?: UnitCache,
): FileAnalysis {
  // As the parser read it (Grammars.parse): a carriage return alone ends a line, same offsets.
  const text = withLineFeeds(raw);
  const spec = SPECS[language];
  const family = spec.family;
  // Tests (and examples) and one-off scripts: code of the service, but not what serves its requests. Generated code:
  // nobody here edits it.
  const testBuild = family === 'go' && builtOnlyForTests(text);
  const test = isTestFile(file) || isExampleCode(file) || testBuild;
  // No hazards either from seeds, migrations and load tests, or from generated code (it may still register routes:
  // oapi-codegen).
  const generated = !test && saysGenerated(text);
  // The searches for words in the text: carried from the text before the edit (see WordSearch). What the cache holds
  // is taken out while this analysis runs, so that one that throws leaves nothing made for another text behind.
  const change = cache?.edit;
  const words = cache?.words && change ? cache.words.after(text, change) : WordSearch.of(text);
  let previous = NO_UNITS;
  if (cache) {
    previous = cache.units;
    cache.units = NO_UNITS;
    cache.edit = undefined;
    cache.words = undefined;
  }
  const quiet = test || isOneOffScript(file) || isMigrationStep(file, words, family) || generated || isMigrationModule(words, family) || isLoadTest(words, family) || isFactoryBoyModule(words, family) || isCommandLineModule(file, words, family) || isNodeScript(words, family);
  const shared = new Map<string, unknown>();
  // Carried across edits, as the word searches are (the whole text was scanned for them on every keystroke).
  const lineStarts = words.lineStarts();
  shared.set('lineStarts', lineStarts);
  if (family === 'go') {
    shared.set('go.constants', goStringConstantsOf(text));
    shared.set('go.ginOrEcho', ginOrEchoOf(text));
  }
  const made = family === 'python' ? new Set<string>() : undefined;
  const types = declaredTypes(words, family, made);
  shared.set('types', types);
  // A schema written in the file bounds its SELECTs, whichever statement holds it: read once, for the analysis
  // (unboundedQueries) and for the edit cache's context.
  const keys = mayDeclareKeys(words) ? uniqueKeysOf(text) : undefined;
  if (keys) shared.set('sql.uniqueKeys', keys);
  // Tables of functions, wherever declared: a statement that dispatches through one calls its functions.
  const dispatch = (family === 'python' || family === 'js') && (words.has('= {') || words.has('={')) ? functionTablesOf(text, family) : undefined;
  if (dispatch?.size) shared.set('dispatchTables', dispatch);
  if (cache) {
    // Facts one statement reads from others: router tables (routeTables) and holders declared as client classes
    // (FileStructure.rules). A change in them is a change of context. Other declarations only matter to the join,
    // which reads them fresh on every edit.
    const tables = family === 'js' ? [...routeTables(words, tree).values()].map((a) => a.text).join('|') + routeHelperKey(words, tree) : '';
    const clients = [...types].filter(([, type]) => isClientType(type)).join(',');
    const context = `${quiet}|${contextKey(words, family, tree)}|${moduleListsKey(text, family, (w) => words.has(w))}|${tables}|${clients}|${keys ? JSON.stringify([...keys]) : ''}|${dispatch?.size ? JSON.stringify([...dispatch]) : ''}`;
    if (cache.context !== context) {
      previous = NO_UNITS;
      cache.context = context;
    }
  }

  const root = tree.rootNode;
  const units: UnitResult[] = [];
  if (!cache) {
    // A first analysis: the whole file is one unit (statements matter only to reuse results after an edit).
    const s = new FileStructure(text, tree, spec, { shared, words });
    units.push(analyzeUnit(s, file, catalogue, quiet, test, generated, 0, 0));
    return merge(file, language, words, tree, spec, quiet, lineStarts, units, types, catalogue, made);
  }
  // Places only: a Node is made for a statement the edit changed, not for the hundreds kept.
  const statements = namedChildrenOf(root);
  const next: KeptUnits = { starts: new Int32Array(statements.count), ends: new Int32Array(statements.count), results: units };
  for (let i = 0; i < statements.count; i++) {
    const start = startAt(statements, i);
    const end = endAt(statements, i);
    next.starts[i] = start;
    next.ends[i] = end;
    const cached = change && keptUnit(previous, change, start, end);
    if (cached) {
      units.push(moveUnit(cached, rowAt(statements, i), columnAt(statements, i)));
      continue;
    }
    // Only what the edit changed is scanned again.
    const s = new FileStructure(text, tree, spec, { nodes: scanNodes(nodeAt(statements, i), spec), shared, span: { start, end }, words });
    units.push(analyzeUnit(s, file, catalogue, quiet, test, generated, rowAt(statements, i), columnAt(statements, i)));
  }
  cache.units = next;
  const analysis = merge(file, language, words, tree, spec, quiet, lineStarts, units, types, catalogue, made);
  cache.words = words;
  return analysis;
}

/** The `"use server"` directive at the top of a module (after comments). */
const USE_SERVER = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use server['"]/;

/** A Remix or React Router route module's server functions, exported by name. */
const REMIX_SERVER_EXPORT = /\bexport\s+(?:async\s+)?(?:function|const|let)\s+(?:loader|action)\b/;

/** The statements' results as one file: function and route indices renumbered into single lists. */
function merge(file: string, language: LanguageId, words: WordSearch, tree: Tree, spec: LanguageSpec, quiet: boolean, lineStarts: number[], units: UnitResult[], types: Map<string, string>, catalogue: CallCatalogue, made?: Set<string>): FileAnalysis {
  const family = spec.family;
  const text = words.text;
  const { imports, exports } = moduleFacts(words, family);
  const constants = family === 'python' ? pythonStringConstants(text) : family === 'js' ? jsStringConstants(words) : family === 'java' ? javaStringConstants(text, tree) : family === 'go' ? goPackageConstants(text) : undefined;
  const envReads = quiet ? [] : findEnvReads(words, spec, tree, (a, b) => ({ start: positionAt(lineStarts, a), end: positionAt(lineStarts, b) }));
  // A first analysis is one unit, already numbered as the file: its lists are the file's.
  const one = units.length === 1 ? units[0] : undefined;
  const routes: FileAnalysis['routes'] = one ? one.routes : [];
  const functions: FunctionFact[] = one ? one.functions : [];
  const mounts: FileLinks['mounts'] = one ? one.mounts : [];
  const goRouting: GoRoutingFact[] = one?.goRouting ?? [];
  const routeLinks: FileLinks['routeLinks'] = one ? one.routeLinks : [];
  let hazards: Hazard[] = one ? one.hazards : [];
  let hazardOwners: number[] = one ? one.hazardOwners : [];
  let hazardMethods: (string | undefined)[] = one ? one.hazardMethods : [];
  const pending: FileLinks['pending'] = one ? one.pending : [];
  const relationLoops: RelationLoopFact[] = one ? one.relationLoops : [];
  let globalPrefix = one?.globalPrefix;
  let springPathPrefix = one?.springPathPrefix;
  let nestModules = one?.nestModules;
  let nestRoutes = one?.nestRoutes;
  let devOnlyModules = one?.devOnlyModules;
  let childControllers = one?.childControllers;
  let classPrefixes = one?.classPrefixes;
  let springControllers = one?.springControllers;
  if (!one) {
    // Pushes only where a unit has something: after an edit most of a long file's units are kept, and this runs
    // for every one of them.
    for (const u of units) {
      const fnBase = functions.length;
      const routeBase = routes.length;
      if (u.routes.length) routes.push(...u.routes);
      if (u.functions.length) functions.push(...u.functions);
      if (u.mounts.length) mounts.push(...u.mounts);
      if (u.goRouting) goRouting.push(...u.goRouting);
      for (const l of u.routeLinks) {
        const link = { ...l, route: l.route + routeBase, handlerFunction: l.handlerFunction !== undefined ? l.handlerFunction + fnBase : undefined };
        if (l.alsoStart) link.alsoStart = l.alsoStart.map((fn) => fn + fnBase);
        routeLinks.push(link);
      }
      if (u.hazards.length) hazards.push(...u.hazards);
      for (const o of u.hazardOwners) hazardOwners.push(o >= 0 ? o + fnBase : -1);
      for (const m of u.hazardMethods) hazardMethods.push(m);
      for (const p of u.pending) pending.push({ ...p, owner: p.owner >= 0 ? p.owner + fnBase : -1 });
      for (const r of u.relationLoops) relationLoops.push({ ...r, owner: r.owner >= 0 ? r.owner + fnBase : -1 });
      if (u.globalPrefix) globalPrefix = u.globalPrefix;
      if (u.springPathPrefix) springPathPrefix = u.springPathPrefix;
      if (u.nestModules) nestModules = { ...nestModules, ...u.nestModules };
      if (u.nestRoutes) nestRoutes = { ...nestRoutes, ...u.nestRoutes };
      if (u.devOnlyModules) devOnlyModules = [...(devOnlyModules ?? []), ...u.devOnlyModules];
      if (u.childControllers) childControllers = { ...childControllers, ...u.childControllers };
      if (u.classPrefixes) classPrefixes = { ...classPrefixes, ...u.classPrefixes };
      if (u.springControllers) springControllers = [...(springControllers ?? []), ...u.springControllers];
    }
  }
  if (hazards.length > 1) {
    const order = hazards.map((_, k) => k).sort((x, y) => byHazardPosition(hazards[x], hazards[y]));
    const owners = hazardOwners;
    const methods = hazardMethods;
    hazards = order.map((k) => hazards[k]);
    hazardOwners = order.map((k) => owners[k]);
    hazardMethods = order.map((k) => methods[k]);
  }
  const links: FileLinks = { imports, exports, functions, mounts, routeLinks, hazardOwners, pending, types };
  if (made?.size) links.pyMade = [...made];
  if (hazardMethods.some((m) => m !== undefined)) links.hazardMethods = hazardMethods.map((m) => m ?? null);
  const users = moduleClientUsers(text, spec, tree, hazards, hazardOwners, functions, lineStarts);
  if (users) links.hazardUsers = users;
  if (quiet) links.quiet = true;
  // Remix's server functions are known to the statements' analysis only: a route module that exports one is not here.
  if (family === 'js' && !routes.length && runsInBrowser(file, text, words, (words.has('loader') || words.has('action')) && REMIX_SERVER_EXPORT.test(text))) links.browser = true;
  if (family === 'js' && words.has('use server') && USE_SERVER.test(text)) links.serverActions = true;
  if (family === 'js' && words.has('@temporalio/worker')) {
    const activities = temporalActivitiesOf(text);
    if (activities) links.temporalActivities = activities;
  }
  if (family === 'js' && (routeLinks.length || words.has('listen'))) {
    const makers = appMakersOf(text, new Set(routeLinks.flatMap((l) => (l.receiver !== undefined ? [l.receiver] : []))));
    if (makers) links.appMakers = makers;
    if (words.has('listen') && listensOnOwnApp(text)) links.ownServer = true;
  }

  if (family === 'js' && isClientModule(words)) links.clientModule = true;
  if (spec.family === 'go' && quiet && builtOnlyForTests(text)) links.testBuild = true;
  if (!isTestFile(file) && saysGenerated(text)) links.generated = true;
  const engines = sqlEnginesOf(words, family);
  if (engines) links.sqlEngines = engines;
  const listedTypes = listedTypesIn(text, family, (w) => words.has(w));
  if (listedTypes) links.listedTypes = listedTypes;
  if (words.has('defaults') || words.has('DefaultClient') || words.has('HttpGlobalConfig') || words.has('HttpModule') || words.has('sun.net.client')) {
    const defaults = catalogue.processDefaultsSetIn(text, family);
    if (defaults.length) links.timeoutDefaults = defaults;
  }
  if (family === 'go' && words.has('DefaultClient')) {
    const holders = goDefaultClientHolders(text);
    if (holders.length) links.goDefaultClientHolders = holders;
  }
  if (nestModules) links.nestModules = nestModules;
  if (nestRoutes) links.nestRoutes = nestRoutes;
  // (NestJS's files import from `@nestjs/…`: one search for the others' sake.)
  const nest = family === 'js' && words.has('nestjs');
  const appEnhancers = nest && (words.has('APP_GUARD') || words.has('APP_INTERCEPTOR') || words.has('APP_PIPE') || words.has('useGlobal') || words.has('forRoutes')) ? nestAppEnhancersOf(text) : undefined;
  if (appEnhancers) links.nestAppEnhancers = appEnhancers;
  const authGuards = nest && words.has('AuthGuard') ? nestAuthGuardsOf(text) : undefined;
  if (authGuards) links.nestAuthGuards = authGuards;
  if (nest && (words.has('SetMetadata') || words.has('createDecorator') || words.has('applyDecorators'))) {
    const makers = nestMetadataDecoratorsOf(text);
    if (makers) links.nestMetadataDecorators = makers;
  }
  if (nest && text.includes('eflector')) {
    let gates: Record<string, NestGate> | undefined;
    for (const f of functions) {
      if (!f.owner || (f.name !== 'canActivate' && f.name !== 'intercept')) continue;
      const gate = nestGateOf(text.slice(lineStarts[f.range.start.line] + f.range.start.character, lineStarts[f.range.end.line] + f.range.end.character));
      if (gate) (gates ??= {})[f.owner] = gate;
    }
    if (gates) links.nestGates = gates;
  }
  const pluginHooks = family === 'js' && words.has('value') && words.has('.add') ? pluginHooksOf(text, tree) : undefined;
  if (pluginHooks) links.pluginHooks = pluginHooks;
  let moduleFunctions: Set<string> | undefined;
  const declared = (name: string) => (moduleFunctions ??= new Set(functions.flatMap((f) => (f.owner ? [] : [f.name])))).has(name);
  const servedChains = family === 'js' ? orpcServedChains(words, tree, declared) : undefined;
  if (servedChains) links.servedChains = servedChains;
  const autoloaded = family === 'js' && text.includes('auto-load') ? autoloadedFoldersOf(text, tree) : undefined;
  if (autoloaded) links.autoloadedFolders = autoloaded;
  const pluginHookLists = family === 'js' && words.has('getHooks') && words.has('static') ? pluginHookListsOf(text) : undefined;
  if (pluginHookLists) links.pluginHookLists = pluginHookLists;
  const functionLists = family === 'go' ? goFunctionLists(text) : undefined;
  if (functionLists) links.goFunctionLists = functionLists;
  const valueLists = family === 'go' ? goValueLists(text) : undefined;
  if (valueLists) links.goValueLists = valueLists;
  const mountHelpers = family === 'go' ? goMountHelpersOf(text) : undefined;
  if (mountHelpers) links.goMountHelpers = mountHelpers;
  const prefixedRouters = family === 'go' ? goPrefixedRoutersOf(text) : undefined;
  if (prefixedRouters) links.goPrefixedRouters = prefixedRouters;
  const busHandlers = family === 'go' && (words.has('AddHandler') || words.has('AddListener') || words.has('AddEventListener')) ? goBusHandlersOf(text) : undefined;
  if (busHandlers) links.goBusHandlers = busHandlers;
  if (goRouting.length) links.goRouting = goRouting;
  if (devOnlyModules) links.devOnlyModules = devOnlyModules;
  if (childControllers) links.childControllers = childControllers;
  if (classPrefixes) links.classPrefixes = classPrefixes;
  if (springControllers) links.springControllers = springControllers;
  if (spec.family === 'python') {
    const patterns = pyramidPatternsOf(text);
    if (patterns) links.pyramidRoutes = patterns;
  }
  if (spec.family === 'java') {
    const filters = words.has('Filter') || words.has('Interceptor') ? javaRequestFiltersOf(text) : undefined;
    if (filters) links.javaFilters = filters;
    const registrations = words.has('addFilterBefore') || words.has('addFilterAfter') || words.has('addFilterAt') || words.has('addFilter') || words.has('addInterceptor') || words.has('FilterRegistrationBean') || words.has('@Bean') ? javaFilterRegistrationsOf(text) : undefined;
    if (registrations) links.javaFilterRegistrations = registrations;
    const services = helidonServicesOf(text, types);
    if (services) links.helidonServices = services;
  }
  if (springPathPrefix) links.springPathPrefix = springPathPrefix;
  if (globalPrefix) {
    links.globalPrefix = globalPrefix;
    const exclude = /setGlobalPrefix\s*\([^;]*?\bexclude\s*:\s*\[([^\]]*)\]/.exec(text)?.[1];
    if (exclude) links.globalPrefixExclude = [...exclude.matchAll(/['"`]([^'"`]*)['"`]/g)].map((m) => m[1]);
  }
  if (family === 'js' && words.has('process.env')) {
    const defaults = configDefaultsOf(text);
    if (defaults) links.configDefaults = defaults;
  }
  if (constants) links.constants = constants;
  const drfRouters = family === 'python' ? drfRoutersOf(text) : undefined;
  if (drfRouters?.size) links.drfRouters = Object.fromEntries(drfRouters);
  if (family === 'python' && words.has('.as_view(')) {
    // `attachments_upload = AttachmentsUploadView.as_view()` at the top level: the name routes as the class.
    for (const m of text.matchAll(/^([A-Za-z_]\w*)\s*=\s*([A-Za-z_][\w.]*)\.as_view\(\s*\)\s*$/gm)) (links.viewAliases ??= {})[m[1]] = m[2].split('.');
  }
  const implemented = implementedInterfaces(words, family);
  if (implemented) links.implementsOf = implemented;
  const bases = baseClasses(words, family);
  if (bases) links.extendsOf = bases;
  // (Any interface that extends: also for CallRule.unlessImplemented, which asks whether a project's interface extends one from outside.)
  const interfaces = family === 'java' && words.has('interface') && words.has('extends') ? interfaceBasesOf(text) : undefined;
  if (interfaces) links.interfaceBases = interfaces;
  // (The packages a `@MapperScan` makes mappers of: CallMatch.mapperOfPackage.)
  const scans = family === 'java' && words.has('MapperScan') ? mapperScansOf(text) : undefined;
  if (scans) links.mapperScans = scans;
  // (The fields of a class that implements an interface: for CallRule.unlessImplemented, which drops a repository's call
  // only where its implementations keep the data in memory.)
  const fields = family === 'java' && words.has('implements') ? javaFieldTypesOf(tree) : undefined;
  if (fields) links.javaFieldTypes = fields;
  // (The getters Lombok writes: methods of the class the join takes as its own, CallRule.unlessWorkspace.)
  const lombok = family === 'java' && words.has('lombok') ? lombokGettersOf(tree) : undefined;
  if (lombok) links.lombokGetters = lombok;
  if (family === 'java') {
    const beans = javaBeansOf(tree);
    if (beans) links.javaBeans = beans;
    const rows = javaRowClassesOf(tree);
    if (rows) links.javaRowClasses = rows;
    const made = javaMadeOf(words);
    if (made) links.javaMade = made;
  }
  // `class User(Model)` with `Model` from Tortoise or peewee (not Django's, whose queries go through `objects`).
  if (bases && family === 'python' && words.has('Model') && PY_ACTIVE_RECORD_FILE.test(text)) {
    const models = Object.keys(bases).filter((cls) => bases[cls].includes('Model'));
    if (models.length) links.activeRecordModels = models;
  }
  if (family === 'go') {
    const interfaces = goInterfaces(text);
    if (interfaces) links.goInterfaces = interfaces;
    const handles = interfaces ? goHandleInterfaces(text) : undefined;
    if (handles) links.goHandleInterfaces = handles;
    const arities = interfaces ? goInterfaceArities(text) : undefined;
    if (arities) links.goInterfaceArity = arities;
    const embeddings = goEmbeddings(text);
    if (embeddings) links.extendsOf = embeddings;
    const varSources = goPackageVarSources(text);
    if (varSources) links.goVarSources = varSources;
    const varTypes = goPackageVarTypes(text);
    if (varTypes) links.goVarTypes = varTypes;
    const sliceFields = goSliceFields(text);
    if (sliceFields) links.goSliceFields = sliceFields;
    const sliceTypes = goSliceTypes(text);
    if (sliceTypes) links.goSliceTypes = sliceTypes;
    const structs = goStructs(text);
    if (structs) links.goStructs = structs;
  }
  if (family === 'python') {
    const viewClasses = viewClassFactsOf(text, lineStarts);
    if (viewClasses) links.viewClasses = viewClasses;
    const all = words.has('__all__') ? pythonAllOf(text) : undefined;
    if (all) links.pythonAll = all;
    const nested = words.has('Serializer(') ? nestedSerializersOf(text) : undefined;
    if (nested) links.nestedSerializers = nested;
    const reads = words.has('Serializer') ? serializerReadsOf(text, lineStarts) : undefined;
    if (reads) links.serializerReads = reads;
    const settings = djangoSettingsOf(text);
    if (settings) links.djangoSettings = settings;
    const middleware = text.includes('MIDDLEWARE') && !DEVELOPMENT_SETTINGS.test(file) ? djangoMiddlewareOf(text) : undefined;
    if (middleware) links.djangoMiddleware = middleware;
    const hooks = /_request\b|middleware/.test(text) ? pythonRequestHooksOf(text) : undefined;
    if (hooks) links.pythonRequestHooks = hooks;
    const apps = /Flask|Quart|FastAPI|Starlette/.test(text) ? pythonAppsOf(text) : undefined;
    if (apps) links.pythonApps = apps;
    const aliases = fastapiAliasesOf(text);
    if (aliases) links.fastapiAliases = aliases;
    const dotted = dottedStringsOf(text);
    if (dotted) links.dottedStrings = dotted;
    const routerDependencies = text.includes('dependencies') ? routerDependenciesOf(text) : undefined;
    if (routerDependencies?.size) links.routerDependencies = Object.fromEntries(routerDependencies);
    const modelViews = words.has('@register_model_view(') ? modelViewFactsOf(text) : undefined;
    if (modelViews) links.modelViews = modelViews;
    const lazy = pythonLazyRelationsOf(text);
    if (lazy) links.lazyRelations = lazy;
    const instances = pythonModuleInstances(text, file);
    if (instances) links.moduleInstances = instances;
    const relations = djangoRelationsOf(text);
    if (relations) links.djangoRelations = relations;
    const ownClassFields = djangoOwnClassFieldsOf(text);
    if (ownClassFields) links.djangoOwnClassFields = ownClassFields;
    const manyToMany = relations ? djangoManyToManyOf(text) : undefined;
    if (manyToMany) links.djangoManyToMany = manyToMany;
    // `urlpatterns += router.urls`, `api_v1 = resource_api + […]`: a router's routes, or another list's, are served
    // with the list they are added to (include() ones are mounts already). (A new list: `mounts` may be a cached
    // statement's own.)
    const added = urlconfAdditions(text, tree);
    if (added.length) links.mounts = [...mounts, ...added];
  }
  if (family === 'java') {
    const lazy = jpaLazyAssociationsOf(text);
    if (lazy) links.lazyRelations = lazy;
    const fetched = jpaFetchedRelationsOf(text);
    if (fetched.length) links.fetchedRelations = fetched;
  }
  if (relationLoops.length) links.relationLoops = relationLoops;
  if (family === 'js' && words.has('enableVersioning')) {
    // (Its options may hold a template, novu's `prefix: \`${CONTEXT_PATH}v\``: a base path a deployment sets, empty by
    // default, is read as empty.)
    const options = /\.enableVersioning\s*\(\s*\{((?:[^{}]|\$\{[^{}]*\})*)\}/.exec(text)?.[1];
    if (options?.includes('VersioningType.URI')) {
      const defaultVersion = /defaultVersion\s*:\s*\[?\s*['"]([^'"]+)['"]/.exec(options)?.[1];
      const prefix = /prefix\s*:\s*(['"`])((?:(?!\1)[^\\\n])*)\1/.exec(options)?.[2]?.replace(/\$\{[^{}]*\}/g, '');
      links.uriVersioning = { prefix: prefix ?? 'v', ...(defaultVersion ? { defaultVersion } : {}) };
    }
  }
  if (family === 'js') {
    const accessors = sequelizeAccessorsOf(words);
    if (accessors.length) links.associationAccessors = accessors;
    const verifiers = passportVerifiersOf(words);
    if (verifiers) links.passportVerifiers = verifiers;
  }
  if (family === 'js' && words.has('.decorate')) {
    const decorations = decorationsOf(text);
    if (decorations) links.decorations = decorations;
  }
  if (family === 'js') {
    const remix = remixModuleOf(file, remixFramework((w) => words.has(w)) === 'remix');
    if (remix) links.remixModule = remix;
  }
  if (family === 'js' && words.has('autoPrefix')) {
    const auto = /\b(?:export\s+const\s+|(?:module\.)?exports\.)autoPrefix\s*=\s*['"`]([^'"`$]*)['"`]/.exec(text);
    if (auto) links.autoPrefix = auto[1];
  }
  if (family === 'js' && words.has('@nestjs/core') && /['"]@nestjs\/core['"]/.test(text)) links.nestApp = true;
  const result: FileAnalysis = { file, language, routes, hazards, envReads, links };
  if (family === 'js' && isNextConfig(file)) {
    const buildEnv = nextConfigEnvKeys(text);
    if (buildEnv.length) result.buildEnv = buildEnv;
    const pageExtensions = nextConfigPageExtensions(text);
    if (pageExtensions) links.nextPageExtensions = pageExtensions;
  }
  return result;
}

/**
 * The methods Django's decorators (`@require_POST`, `@require_GET`, `@require_safe`, `@require_http_methods([…])`)
 * or DRF's `@api_view([…])` limit a function view to: its route is those methods, not ANY.
 */
function viewMethods(fn: Node): string[] | undefined {
  const decorated = fn.parent;
  if (decorated?.type !== 'decorated_definition') return undefined;
  for (const d of decorated.namedChildren) {
    if (d?.type !== 'decorator') continue;
    const text = d.text.slice(1).trim();
    const name = /^(?:[\w.]+\.)?(require_POST|require_GET|require_safe|require_http_methods|api_view)\b/.exec(text)?.[1];
    if (!name) continue;
    if (name === 'require_POST') return ['POST'];
    if (name === 'require_GET') return ['GET'];
    if (name === 'require_safe') return ['GET', 'HEAD'];
    const listed = [...text.matchAll(/['"]([A-Za-z]+)['"]/g)].map((m) => m[1].toUpperCase());
    // `@api_view()` and `@api_view` allow GET only.
    if (listed.length) return [...new Set(listed)];
    if (name === 'api_view') return ['GET'];
  }
  return undefined;
}

/**
 * The HTTP methods a decorator that is no framework's is given as a list of method names (MobSF's own
 * `@request_method(['POST'])`, in place of Django's `require_http_methods`): the view's methods if the join finds
 * that decorator's wrapper answers 405 to the others (FunctionFact.methodGuard).
 */
function decoratorMethods(fn: Node): FunctionFact['guardedMethods'] {
  const decorated = fn.parent;
  if (decorated?.type !== 'decorated_definition') return undefined;
  for (const d of decorated.namedChildren) {
    if (d?.type !== 'decorator') continue;
    const m = /^@\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)\s*\(\s*[[(]((?:\s*['"][A-Za-z]+['"]\s*,?)+)\s*[\])]\s*\)$/.exec(d.text.trim());
    if (!m || LIBRARY_DECORATOR.test(m[1])) continue;
    const methods = [...m[2].matchAll(/['"]([A-Za-z]+)['"]/g)].map((x) => x[1].toUpperCase());
    if (methods.every((x) => HTTP_METHOD.test(x))) return { decorator: m[1].split('.'), methods: [...new Set(methods)] };
  }
  return undefined;
}

const HTTP_METHOD = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;

/** A wrapper that answers 405 when the request's method is not in a list it was given: `if request.method not in methods: return HttpResponseNotAllowed(…)`. */
const METHOD_GUARD = /\bif\s+[\w.]*\.method\s+not\s+in\s+[A-Za-z_]\w*\s*:\s*return\s+(?:HttpResponseNotAllowed\(|[\w.]*\(\s*[^()\n]*status\s*=\s*(?:405\b|[\w.]*HTTP_405))/;

/** Python's and the frameworks' decorators, which wrap in no function of the workspace: not looked up. */
const LIBRARY_DECORATOR = /^(?:property|\w+\.(?:setter|getter|deleter)|staticmethod|classmethod|cached_property|abstractmethod|overload|override|wraps|functools\.\w+|lru_cache|cache|dataclass|contextmanager|asynccontextmanager|transaction\.\w+|\w+\.(?:route|get|post|put|patch|delete|head|options|websocket|task|shared_task|action|register|receiver|command|fixture|middleware|before_request|after_request|errorhandler|on_event|exception_handler))$/;

/**
 * The decorators of a Python function (`@authorize`, `@require_permission("x")`, `@decorators.authorize`) that may be
 * the project's own: calling the function runs the wrapper such a decorator returns (CallFact.decorates).
 */
function wrappingDecorators(fn: Node): CallFact[] {
  const decorated = fn.parent;
  if (decorated?.type !== 'decorated_definition') return [];
  const out: CallFact[] = [];
  for (const d of decorated.namedChildren) {
    if (d?.type !== 'decorator') continue;
    const name = /^@\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)\s*(?:\(|$)/.exec(d.text)?.[1];
    if (!name || LIBRARY_DECORATOR.test(name)) continue;
    const site: CallFact = { chain: name.split('.'), decorates: true };
    const handed = handedNames(d);
    if (handed) site.handed = handed;
    out.push(site);
  }
  return out;
}

/** Fastify's `decorate('name', createX(…))` and `decorate('name', new X(…))`: see FileLinks.decorations. */
function decorationsOf(text: string): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const m of text.matchAll(/\.decorate\(\s*['"]([A-Za-z_$][\w$]*)['"]\s*,\s*(?:await\s+)?(new\s+)?([A-Za-z_$][\w$]*)\s*\(/g)) {
    out ??= {};
    out[m[1]] = m[2] ? m[3] : `${m[3]}()`;
  }
  return out;
}

/** `apiPrefix: process.env.API_PREFIX || 'api'` in a config module: the default, under the key and the variable. */
function configDefaultsOf(text: string): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const m of text.matchAll(/\b([A-Za-z_$][\w$]*)\s*:\s*process\.env\.([A-Za-z_][\w]*)\s*(?:\|\||\?\?)\s*['"]([^'"\n]*)['"]/g)) {
    out ??= {};
    out[m[1]] = m[3];
    out[m[2]] = m[3];
  }
  return out;
}

/** A Go file that may register routes or middleware: it uses a router package, or names one's types. */
// (Also a file that only uses middleware on its type's router field, `s.router.Use(s.auth)`, importing no router.)
const GO_ROUTER_PACKAGES = /"github\.com\/(?:gin-gonic|go-chi|labstack\/echo|gorilla\/mux|gofiber|go-pkgz\/routegroup|kataras\/iris|go-macaron|cloudwego\/hertz)|\b(?:gin|chi|echo|mux|fiber|routegroup|iris|macaron|route)\.[A-Z]|\w\.(?:[rR]outer|[mM]ux|[eE]ngine|echo|e|r|\w+Router)\.(?:Use|Pre)\(/;

/** Routes, hazards and function facts of one top-level statement. */
function analyzeUnit(s: FileStructure, file: string, catalogue: CallCatalogue, quiet: boolean, test: boolean, generated: boolean, line: number, character: number): UnitResult {
  const family = s.spec.family;
  const routes = new RouteCollector(s, file);
  let goRouting: GoRoutingFact[] | undefined;
  if (family === 'js') {
    // AdonisJS's `router.get(path, [Controller, 'action'])` is not Express's, whose reading would list it again.
    if (isAdonisRouterModule(s.words)) findAdonisRoutes(routes);
    else if (!isTsoaRoutesModule(s)) findJavaScriptRoutes(routes);
    findRouteObjectTables(routes);
    findLoopbackRoutes(routes);
    findFeathersRoutes(routes);
    findStrapiRoutes(routes);
    findSailsRoutes(routes);
    findNextRoutes(routes);
    findRemixRoutes(routes);
    findSvelteKitRoutes(routes);
    findNitroRoutes(routes);
  } else if (family === 'python') {
    findPythonRoutes(routes);
    findLitestarRoutes(routes);
    findAiohttpRoutes(routes);
    findStarletteRoutes(routes);
    findTornadoRoutes(routes);
    findSanicRoutes(routes);
    findFalconRoutes(routes);
    findBottleRoutes(routes);
    findFlaskAppBuilderRoutes(routes);
    findPyramidRoutes(routes);
  } else if (family === 'go') {
    const constants = s.memo('go.constants', () => ({}));
    findGoRoutes(routes, constants);
    if (!test && s.memo('go.routers', () => GO_ROUTER_PACKAGES.test(s.text))) goRouting = findGoRouting(s);
    findGoDispatchRoutes(routes, constants);
    findGoZeroRoutes(routes, constants);
    findGoRouteValues(routes, constants);
    findBeegoRoutes(routes, constants);
    findGoRestfulRoutes(routes, constants);
  } else {
    findJavaRoutes(routes);
    findSpringRouterFunctions(routes);
    findJaxRsRoutes(routes);
    findJavalinRoutes(routes);
    findVertxRoutes(routes);
    findHelidonRoutes(routes);
  }
  findApiEndpoints(routes);
  findGrpcServices(routes);

  const indirect = localEffects(s, catalogue);
  const found: FoundHazard[] = [];
  let pendingFound: FoundHazard[] = [];
  if (!quiet) {
    found.push(...findLoopHazards(s, file, catalogue, indirect));
    found.push(...findUnboundedQueries(s, file, catalogue));
    const blocking = findBlockingCalls(s, file, catalogue, family === 'python' ? threadPooledHandlers(routes) : undefined);
    found.push(...blocking.now);
    pendingFound = blocking.onRequestPath;
    found.push(...findMissingTimeouts(s, file, catalogue, s.tree));
    found.push(...findRetryHazards(s, file, catalogue, indirect));
    if (family === 'java') found.push(...findRepositoryMethods(s, file));
  } else if (generated && family === 'go') {
    // sqlc's `ListAuthors` runs the SELECT of query.sql with no LIMIT: said where a route reaches it (and nowhere else),
    // since the query is edited in the file the code is generated from.
    pendingFound = findUnboundedQueries(s, file, catalogue).map((f) => ({
      ...f,
      hazard: { ...f.hazard, explanation: `${f.hazard.explanation} This code is generated: the query is changed where it is generated from (sqlc's query.sql).` },
    }));
  }
  const isDead = deadCodeCheck();
  const alive = (f: FoundHazard) => f.at < 0 || (!isDead(s.nodes[f.at].node) && !(family === 'go' && inGoTestHelper(s, f.at)));
  const kept: FoundHazard[] = [];
  for (const f of found) if (alive(f)) (f.returned || f.parentFilter || f.givenStatement ? pendingFound : kept).push(f);

  // Functions the join can reach: named ones, anonymous route handlers, and what an API endpoint runs (an MCP tool's callback).
  const factIndex = new Map<number, number>();
  const handlerFacts = new Set<number>();
  const makesSchema = family === 'go' && s.mentions('NewExecutableSchema(');
  const functions: FunctionFact[] = [];
  const spans: Span[] = [];
  const factNodes: Node[] = [];
  const served = servedFunctions(s, file);
  const trpcMakers = family === 'js' ? trpcHandlerMakers(s) : undefined;
  const memos = family !== 'go' && s.memo('memoizes', () => mayMemoize(s.text));
  const cacheFirst = s.memo('readsCacheFirst', () => mayReadCacheFirst(s.text, (w) => s.mentions(w)));
  const queues = (family === 'python' || family === 'java') && s.memo('queuesTasks', () => mayQueueTasks(s.text, family));
  const springEvents = family === 'java' && mayUseSpringEvents((w) => s.mentions(w));
  const nestEvents = family === 'js' && mayUseNestEvents((w) => s.mentions(w));
  const goMessages = family === 'go' && mayDispatchGoMessages((w) => s.mentions(w));
  const fastapiDepends = family === 'python' && (s.mentions('Depends(') || s.mentions('Security('));
  const fastapiAliases = fastapiDepends ? s.memo('py.fastapiAliases', () => fastapiAliasesOf(s.text)) : undefined;
  const goHandlers = family === 'go' && s.mentions('Context');
  const enqueues = family === 'go' && s.mentions('Enqueue');
  const tasks = family !== 'go' && s.memo('declaresTasks', () => mayDeclareTasks(s.text, family, (w) => s.mentions(w)));
  const marshmallow = family === 'python' && s.mentions('marshmallow');
  // A method chosen by a variable (`router[method](path, …)`): only such files may hold a route helper.
  const helpers = family === 'js' && s.mentions('](');
  const prefetchCache = family === 'python' && s.mentions('_prefetched_objects_cache');
  // TypeScript: annotations say what parameters hold and what functions return.
  const typed = family === 'js' && /\.[cm]?tsx?$/.test(file);
  // A module whose functions test the request's method as a Next.js API handler does (papermark's `ee/features/…/
  // cancel-route.ts`, whose `handleRoute` the route's handler hands its request to).
  // A function that makes a web app and returns it (dittofeed's `buildApp()`): another package may serve it as its own.
  const makesApp = family === 'js' && ['fastify', 'Fastify', 'express', 'Koa', 'Hono', 'Elysia'].some((w) => s.mentions(w));
  const testsMethod = family === 'js' && s.mentions('method') && /\bmethod\s*!?={2,3}\s*['"]|\bswitch\s*\(\s*[\w$.]*\bmethod\s*\)|\.includes\(\s*[\w$.]*\bmethod\s*\)/.test(s.text);
  // Java: the methods of a class that share their name with another of it, overloads the join tells apart by type.
  const overloaded = new Set<string>();
  if (family === 'java') {
    const seen = new Set<string>();
    for (const info of s.functions) {
      const key = `${info.owner}.${info.name}`;
      if (info.name && seen.has(key)) overloaded.add(key);
      seen.add(key);
    }
  }
  for (let f = 0; f < s.functions.length; f++) {
    const info = s.functions[f];
    if (!info.name && !routes.handlerFunctions.has(info.index) && !served.has(info.index)) continue;
    const n = s.nodes[info.index];
    if (routes.handlerFunctions.has(info.index)) handlerFacts.add(functions.length);
    factIndex.set(f, functions.length);
    spans.push({ start: n.start, end: n.end });
    factNodes.push(n.node);
    const fact: FunctionFact = { name: info.name ?? '', owner: info.owner, range: s.rangeOf(info.index), exported: info.outer === -1, calls: [] };
    if (family === 'js' && info.name) {
      const holder = objectHolder(n.node);
      if (holder) fact.holder = holder;
    }
    if (family === 'go' && info.name) {
      const block = n.node.childForFieldName('body');
      if (block && RETURNS_FUNC_LITERAL.test(s.text.slice(block.startIndex, block.endIndex))) fact.makesTask = true;
      const returns = goResultType(n.node.childForFieldName('result')?.text);
      if (returns) fact.returns = returns;
      // gqlgen's server is made from the schema it generates, whatever its handler package is imported as; or served
      // by a function that hands the request to one made so (stash's `gqlHandlerFunc := func(w, r) { …;
      // gqlSrv.ServeHTTP(w, r) }` with `gqlSrv := gqlHandler.New(NewExecutableSchema(…))`).
      const body = makesSchema ? s.text.slice(n.start, n.end) : '';
      if (makesSchema && (body.includes('NewExecutableSchema(') || servesGqlServer(s.text, body))) fact.makesServer = 'graphql';
    }
    // (`@sync_to_async def count_items()`: calling it makes an awaitable, and the work runs in a thread.)
    if (family === 'python' && (info.async || (n.node.parent?.type === 'decorated_definition' && /^@(?:\w+\.)*(?:sync_to_async|database_sync_to_async)\b/m.test(n.node.parent.text.slice(0, n.start - n.node.parent.startIndex))))) fact.async = true;
    if (family === 'js' && info.async && info.name && /^use[A-Z0-9]/.test(info.name)) fact.asyncUse = true;
    if (family === 'js' && s.mayPromise(f)) fact.promises = true;
    if (family === 'python' && info.name && n.type === 'function_definition') {
      const returns = pythonResultType(n.node.childForFieldName('return_type')?.text) ?? returnedInstance(n.node) ?? returnedModuleValue(s, n.node);
      if (returns) fact.returns = returns;
      else if (info.owner) {
        const chain = returnedSelfChain(n.node);
        if (chain) fact.returnsChain = chain;
      }
      // rotki's `def create_blueprint(url_prefix): return Blueprint('v1_resources', __name__, url_prefix=url_prefix)`.
      const blueprint = s.mentions('Blueprint(') ? returnedBlueprint(n.node, info.owner !== undefined) : undefined;
      if (blueprint) fact.blueprintPrefix = blueprint;
    }
    if (typed && info.name) {
      const returns = tsResultType(n.node.childForFieldName('return_type')?.text);
      if (returns) fact.returns = returns;
    }
    if (makesApp && info.name && returnsMadeApp(s.text.slice(n.start, n.end))) fact.returnsApp = true;
    if (trpcMakers?.has(info.index)) fact.makesTrpcHandler = true;
    if (testsMethod && info.name && info.outer === -1 && s.text.slice(n.start, n.end).includes('method')) {
      const methods = requestMethods(s, info.index);
      if (methods.length) fact.requestMethods = methods;
    }
    // Java: what a getter of the class's own returns (hertzbeat's `private MonitorService getMonitorService()`), for
    // `getMonitorService().updateAppCollectJob(app)` (WorkspaceLinker.resolveCallUncached).
    if (family === 'java' && info.owner && info.name && JAVA_GETTER.test(info.name) && n.type === 'method_declaration') {
      const returns = javaResultType(n.node.childForFieldName('type')?.text, n.node.childForFieldName('parameters')?.text);
      if (returns) fact.returns = returns;
    }
    const api = served.get(info.index);
    if (api) fact.servedBy = api;
    if (info.name && ((memos && isMemoized(n.node, family)) || (cacheFirst && readsCacheFirst(n.node)))) {
      fact.cached = true;
      if (memos && isRequestCached(n.node, family) && !(cacheFirst && readsCacheFirst(n.node))) fact.cachedPerArgument = true;
    }
    if (info.name && queues && isQueuedTask(n.node, family)) fact.queued = true;
    if (springEvents && info.name) {
      const event = eventListenedTo(n.node);
      if (event) fact.listensTo = [event];
    }
    if (nestEvents && info.name) {
      const events = nestEventsListened(n.node);
      if (events) fact.listensTo = events;
    }
    if (goHandlers && info.name && !info.owner && n.type === 'function_declaration') {
      const message = goMessageHandled(s.text.slice(n.start, Math.min(n.end, n.start + 300)));
      if (message) fact.listensTo = [message];
    }
    if (info.name && tasks) {
      const background = backgroundTaskOf(n.node, family, s.text);
      if (background) fact.background = background;
    }
    // (A helper with methods of its own is a module's function that calls one: asked of those only, in every file.)
    const fixedHelper = family === 'js' && !!info.name && info.outer === -1 && MAY_REGISTER.test(s.text.slice(n.start, n.end));
    if (info.name && (helpers || fixedHelper)) {
      const helper = routeHelperParams(n.node, { byMethod: helpers, fixed: fixedHelper });
      if (helper) fact.routeHelper = helper;
    }
    if (family === 'python' && info.name) {
      if (prefetchCache && s.text.slice(n.start, n.end).includes('_prefetched_objects_cache')) fact.prefetchAware = true;
      const methods = viewMethods(n.node);
      if (methods) fact.methods = methods;
      const guarded = methods ? undefined : decoratorMethods(n.node);
      if (guarded) fact.guardedMethods = guarded;
      if (info.outer >= 0 && n.type === 'function_definition' && METHOD_GUARD.test(s.text.slice(n.start, n.end))) fact.methodGuard = true;
      const hook = info.owner && marshmallow ? schemaHookOf(n.node) : undefined;
      if (hook) fact.schemaHook = hook;
      const reads = n.type === 'function_definition' ? pythonParamReads(n.node, s.text, !!info.owner, (at) => s.isCodeAt(at)) : undefined;
      if (reads) fact.paramReads = reads;
      for (const site of n.type === 'function_definition' ? wrappingDecorators(n.node) : []) fact.calls.push(site);
      // A decorator factory's parameters its wrapper calls (`def prepolicy_fn(function, …)`, a class decorator's
      // `__init__`): a function handed to it there runs on the decorated view's routes (CallFact.handed).
      if (n.type === 'function_definition' && (info.owner ? info.name === '__init__' : true)) {
        const called = calledParams(n.node, s.text, (at) => s.isCodeAt(at));
        if (called) fact.calledParams = called;
      }
      // A FastAPI dependency's own dependencies (`def get_current_user(db: Session = Depends(get_db))`) run before it,
      // on every request of a route that depends on it: FastAPI calls them, so they are its calls. (A handler's own are
      // the route's already: RouteLink.start.)
      if (fastapiDepends && n.type === 'function_definition' && !routes.handlerFunctions.has(info.index)) {
        const parameters = n.node.childForFieldName('parameters')?.text ?? '';
        for (const chain of dependsOf(parameters)) fact.calls.push({ chain });
        // (Also through an alias of this module, full-stack-fastapi-template's `session: SessionDep` with `SessionDep =
        // Annotated[Session, Depends(get_db)]`. One imported from another module is not looked up.)
        for (const name of fastapiAliases ? annotationNames(parameters) ?? [] : []) for (const chain of fastapiAliases?.[name] ?? []) fact.calls.push({ chain });
      }
      if (info.owner && n.node.parent?.type === 'decorated_definition' && /^@\s*(?:functools\.)?(?:property|cached_property)\s*$/m.test(n.node.parent.text.slice(0, n.start - n.node.parent.startIndex))) fact.property = true;
      if (info.owner && n.type === 'function_definition' && isAbstractMethod(n.node)) fact.abstract = true;
    }
    if (family === 'java') {
      const reads = n.type === 'method_declaration' ? javaParamReads(n.node, s.text, (at) => s.isCodeAt(at)) : undefined;
      if (reads) fact.paramReads = reads;
      const params = n.node.childForFieldName('parameters')?.namedChildren ?? [];
      if (!params.some((p) => p?.type === 'spread_parameter')) fact.params = params.filter((p) => p?.type === 'formal_parameter').length;
      const types = fact.params && overloaded.has(`${info.owner}.${info.name}`) ? javaParameterTypes(n.node) : undefined;
      if (types) fact.paramTypes = types;
    }
    // A layer that only hands the request on uses up no call depth on a route (WorkspaceLinker.walk).
    if (forwardsOnly(n.node)) fact.forwards = true;
    if (family === 'go' && info.owner && n.type === 'method_declaration') {
      const params = n.node.childForFieldName('parameters')?.text;
      const count = params !== undefined ? goParameterCount(params) : undefined;
      if (count !== undefined) fact.params = count;
    }
    functions.push(fact);
  }
  if (family === 'java' && (s.mentions('org.apache.ibatis') || isScannedMapper(file, s))) interfaceEffects(s, functions, factIndex, { kind: 'query', label: 'SQL query (MyBatis mapper)' });
  // Any other interface may be a mapper that only other files make one: an XML mapper's namespace naming it, or a
  // `@MapperScan` naming its package (mall-swarm's `PmsProductAttributeCategoryDao`, in `com.macro.mall.dao`). Said
  // so with its package, for the join to keep or drop (CallMatch.mapperOfPackage). Not a Spring Data repository or a
  // Feign client, whose own effects follow.
  else if (family === 'java' && s.mentions('interface') && !s.mentions('mapstruct') && !s.mentions('FeignClient') && !s.mentions('HttpExchange')) {
    const pkg = javaPackageOf(s);
    if (pkg !== undefined) interfaceEffects(s, functions, factIndex, { kind: 'query', label: 'SQL query (MyBatis mapper)', mapperOfPackage: pkg }, (f) => inInterface(s, f) && !isRepositoryInterface(s, s.functions[f].index), true);
  }
  // A Spring Data repository's own methods (eladmin's `@Modifying @Query(…) void untiedMenu(Long id)`): each runs its
  // query, whatever its name says; the catalogue knows the call by name only for derived ones (`findByName`).
  if (family === 'java' && s.mentions('Repository')) interfaceEffects(s, functions, factIndex, { kind: 'query', label: 'Spring Data / JPA query' }, (f) => isRepositoryInterface(s, s.functions[f].index));
  // Spring Cloud OpenFeign and Spring's HTTP interfaces: each method of the interface is a request to another service.
  if (family === 'java' && /@(FeignClient|HttpExchange)\b/.test(s.text)) interfaceEffects(s, functions, factIndex, { kind: 'call', label: 'HTTP call (Feign client)', remote: true });
  const ownerAt = (scanIndex: number): number => {
    for (let f = s.functionOf[scanIndex]; f >= 0; f = s.functions[f].outer) {
      const fact = factIndex.get(f);
      if (fact !== undefined) return fact;
    }
    return -1;
  };
  const ownerAtOffset = (offset: number): number => {
    let best = -1;
    for (let k = 0; k < spans.length; k++) {
      const sp = spans[k];
      if (sp.start <= offset && offset < sp.end && (best < 0 || sp.start >= spans[best].start)) best = k;
    }
    return best;
  };
  const localTypes = new Map<string, string[]>(); // `${function}:${name}` → the types the function gives it (none: [])
  const loopNames = new Map<string, boolean>(); // Python, the same → whether a loop of the function binds the name
  const tablesNamed = new Map<number, boolean>(); // per function: whether it names a dispatch table
  const pySources = new Map<number, Map<string, string[]>>(); // Python: per function, pythonLocalSources
  const localSources = new Map<string, string[] | null>(); // Go, TypeScript: the same → the function it was taken from (null none)
  const paramNames = new Map<number, string[]>(); // TypeScript, per function: its parameters' names
  const madeLocals = new Map<number, Map<string, string>>(); // JavaScript, per function: tsMadeLocals
  // The class the calling function makes for each argument (CallFact.madeArgs).
  const madeArguments = (owner: number, call: CallInfo): Record<number, string> | undefined => {
    const text = s.argumentsText(call);
    if (!text) return undefined;
    let known = madeLocals.get(owner);
    if (!known) madeLocals.set(owner, (known = tsMadeLocals(s.text.slice(spans[owner].start, spans[owner].end))));
    const locals = known;
    if (!text.includes('new ') && ![...locals.keys()].some((name) => text.includes(name))) return undefined;
    const args = s.argumentsOf(call);
    // (After a spread, positions are not the parameters'.)
    if (args.some((a) => a.type === 'spread_element')) return undefined;
    let out: Record<number, string> | undefined;
    args.forEach((arg, at) => {
      const cls = arg.type === 'new_expression' ? /^(?:[\w$]+\.)*([A-Z][\w$]*)$/.exec(arg.childForFieldName('constructor')?.text ?? '')?.[1] : arg.type === 'identifier' ? locals.get(arg.text) : undefined;
      if (cls) (out ??= {})[at] = cls;
    });
    return out;
  };
  // Java functions that have called PageHelper.startPage(…) so far (calls are in document order).
  const paging = family === 'java' && s.mentions('startPage') ? new Set<number>() : undefined;
  // Java: lambdas handed to other functions, whose callee may page them (CallFact.handedIn).
  const handsLambdas = family === 'java' && s.text.includes('->');
  // Handlers that branch on the request's method (a Next.js API route's `if (req.method === "DELETE")`).
  const branchesOnMethod =
    (family === 'js' || family === 'python') && s.mentions('method') && (METHOD_TEST.test(s.text) || /\bswitch\s*\(\s*[\w.]*\bmethod\s*\)/.test(s.text));
  // The HTTP method of the handler's branch a node is written in, also from a closure written there (papermark's
  // `prisma.$transaction(async (tx) => …)` in the `if (req.method === "PUT")` branch): through the functions the node
  // sits in, out to the nearest route handler. (Not through a function the branch calls: that is the join's.)
  const methodAt = branchesOnMethod
    ? (i: number): string | undefined => {
        for (let f = s.functionOf[i]; f >= 0; f = s.functions[f].outer) {
          const fact = factIndex.get(f);
          if (fact !== undefined && handlerFacts.has(fact)) return methodBranchOf(s.nodes[i].node, spans[fact].start);
        }
        return undefined;
      }
    : undefined;
  // Only where a Django queryset a function returns can be read in part (pages, slices, one row).
  const dispatch = s.memo<ReadonlyMap<string, string[][]>>('dispatchTables', () => new Map());
  const mayReadInPart = family === 'python' && /aginat|connection|\[[^\]\n]*:|\.(?:first|last|latest|earliest|get|count|exists)\(/.test(s.text);
  const goRanges = family === 'go' && s.mentions('range');
  // A module that builds SQLAlchemy statements may give one to a helper that runs it (also without importing SQLAlchemy:
  // polar's repositories build on `self.get_base_statement().where(…)`; fief's dependencies ask a repository's factory,
  // `repository.get_user_permissions_statement(user.id)`).
  const givesStatements = family === 'python' && GIVES_STATEMENTS.test(s.text);
  const queuesAfterResponse = family === 'python' && (s.mentions('BackgroundTasks') || s.mentions('BackgroundTask'));
  const lazyBindings = family === 'js' ? lazyImportBindings(s) : undefined;
  for (const [i, scanned] of s.calls) {
    let call = scanned;
    const owner = ownerAt(i);
    if (owner < 0) continue;
    const fact = functions[owner];
    if (paging && call.chain[call.chain.length - 1] === 'startPage') paging.add(owner);
    const match = s.rules(call, catalogue).match;
    const later = s.runsLater(i);
    // Java: in a lambda handed to another thread, which the request does not wait for (see handedToThread).
    const handedOff = family === 'java' && s.handedToThread(i);
    // (A first one the join may drop, said by a name alone, gives way to a later one that is sure: nacos's
    // `tenantCapacityMapper.update(ctx)` builds SQL that `jdbcTemplate.update(…)` then runs.)
    if (match && !later && !handedOff && !s.loadsOnCacheMiss(i) && !s.fillsPackageValue(i) && !unexecutedQueryset(s, i, match)) {
      if (!fact.effect || (joinMayDrop(fact.effect.match) && !joinMayDrop(match))) {
        // (An async call that starts its request and goes on only when given a callback, not waited for: else a blocking one.)
        const { parallelWithArgs, ...blocking } = match;
        fact.effect = { callee: call.chain.join('.'), match: parallelWithArgs === undefined || startsAsync(s, call, match) ? match : blocking, range: s.rangeOf(i) };
      }
      // (A repository's call first, then a sure one: what the function does if the join follows the first into the
      // project's in-memory implementation. The first stays the effect: a Spring Data repository's query still wins.)
      else if (fact.effect.match.unlessImplemented && !fact.effectAfter && !joinMayDrop(match) && !match.unlessImplemented) fact.effectAfter = { callee: call.chain.join('.'), match };
    }
    // (In the function this one returns: made where its result is called, `f(x)()`.)
    else if (match && later && family === 'js' && !fact.returnedEffect && !s.loadsOnCacheMiss(i) && !s.fillsPackageValue(i) && s.runsInReturned(i)) fact.returnedEffect = { callee: call.chain.join('.'), match, range: s.rangeOf(i) };
    // (Not one made only on a miss of a cache read first in its block, as in a function that reads its cache first.)
    if (family === 'python' && !fact.async && !fact.blocks && !later && !s.afterCacheHitInBlock(i)) {
      const label = synchronousIo(s, i, call, catalogue);
      if (label) fact.blocks = { callee: call.chain.join('.'), label, range: s.rangeOf(i) };
    }
    const strategy = family === 'js' ? passportAuthenticated(call.chain, s.argumentsText(call)) : undefined;
    if (strategy) {
      fact.calls.push({ chain: [strategy] });
      continue;
    }
    // A function given by name to a loop's method (kutt's `links.forEach(redis.remove.link)`): called per item.
    const byName = family === 'js' && !later ? s.callbackByName(i) : undefined;
    // (forEach and map wait for nothing the function returns, unlike Bluebird's `each`: an async one runs beside the loop.)
    if (byName) fact.calls.push({ chain: byName.chain, loop: { ...byName.loop, call: byName.range }, ...(!s.waitsForCallbacks(i) ? { unwaited: true as const } : {}) });
    // Python: a function a thread runs, started and not waited for (Tandoor's importers: `threading.Thread(target=
    // integration.do_import, args=(…)).start()`; `executor.submit(fn, …)`): as a Go goroutine is.
    if (family === 'python' && THREAD_STARTS.test(call.chain.join('.'))) {
      const method = call.chain[call.chain.length - 1];
      const target = threadTarget(s.argumentsText(call), method);
      if (target) {
        const loop = s.loopOnEveryTurn(i);
        // `await loop.run_in_executor(None, f, …)`: the request waits for the thread, f is on its path.
        if (method === 'run_in_executor' && awaited(s, i)) {
          fact.calls.push({ chain: target, ...(loop ? { loop: { kind: loop.kind, mode: loop.mode, range: loop.range, call: s.rangeOf(i) } } : {}) });
          continue;
        }
        // One started per item of a loop is a fan-out: as many threads as items, all at once.
        fact.calls.push({ chain: target, detached: true, ...(loop ? { loop: { kind: loop.kind, mode: 'parallel', range: loop.range, call: s.rangeOf(i) } } : {}) });
        continue;
      }
    }
    // Python: a background task of FastAPI or Starlette, run after the response is sent, the request not waiting for it
    // (tracecat's `background_tasks.add_task(…)`, a response's `background=BackgroundTask(send_email, to)`).
    if (queuesAfterResponse && AFTER_RESPONSE.test(call.chain[call.chain.length - 1])) {
      const target = threadTarget(s.argumentsText(call), 'add_task');
      if (target) {
        // (Nor is a loop that adds several the request's: they run one after another, after the response.)
        fact.calls.push({ chain: target, detached: true, afterResponse: true });
        continue;
      }
    }
    // Python: a function run in a thread that the request awaits (`await asyncio.to_thread(f, …)`, Starlette's
    // `run_in_threadpool`, anyio's `to_thread.run_sync`, asgiref's `sync_to_async(f)(…)`): on the request's path.
    if (family === 'python' && RUN_IN_THREAD.test(call.chain[call.chain.length - 1])) {
      const target = threadTarget(s.argumentsText(call), call.chain[call.chain.length - 1]);
      if (target) {
        const loop = s.loopOnEveryTurn(i);
        fact.calls.push({ chain: target, ...(loop ? { loop: { kind: loop.kind, mode: loop.mode, range: loop.range, call: s.rangeOf(i) } } : {}) });
        continue;
      }
    }
    if (dispatch.size && call.chain.length <= 1) {
      // `loader = loaders[kind]` then `loader(reader)`, `handlers[action](req)`: each function of the table.
      const start = s.nodes[i].start;
      // (A name taken from a table is looked for only in functions that name one: a pattern per call over the function's
      // text up to it was quadratic in a long function.)
      let named = tablesNamed.get(owner);
      if (named === undefined) {
        const body = s.text.slice(spans[owner].start, spans[owner].end);
        tablesNamed.set(owner, (named = [...dispatch.keys()].some((t) => body.includes(t))));
      }
      const targets = dispatchedThrough(dispatch, s.text.slice(start, call.argsStart >= 0 ? call.argsStart : s.nodes[i].end), call.chain, named ? s.text.slice(spans[owner].start, start) : '');
      if (targets) {
        const loop = s.loopOnEveryTurn(i);
        for (const chain of targets) fact.calls.push({ chain, ...(later ? { later } : {}), ...(loop ? { loop: { kind: loop.kind, mode: loop.mode, range: loop.range, call: s.rangeOf(i), ...(loop.of ? { of: loop.of } : {}), ...(loop.beans ? { beans: loop.beans } : {}), ...(loop.row ? { row: loop.row } : {}) } } : {}) });
        continue;
      }
    }
    // A name the function bound to a module it imports lazily (`const { getHandler } = await import("./find.handler")`):
    // that module's function, as if imported.
    const lazy = lazyBindings && call.chain.length ? lazyChain(s, lazyBindings, i, call.chain) : undefined;
    if (lazy) call = { ...call, chain: lazy };
    // A query the catalogue knows is not followed, except in Java: `owners.findByLastName()` may land on the
    // workspace's own repository interface, whose declaration says whether it returns every row.
    // (Nor one said so by its holder's name alone, which may be the project's own: CallRule.unlessWorkspace.)
    // (Nor a handle's method on a value of a project's type, which may be a struct's: CallMatch.goHandleInterface.)
    if ((match && family !== 'java' && !match.unlessWorkspace && !match.goHandleInterface) || call.chain.length === 0 || (call.chain.length > MAX_LINKED_CHAIN[family] && !autoloadedMember(family, call.chain)) || (NOT_LINKABLE.has(call.chain[0]) && !isSuperCall(call.chain)) || ((family === 'python' || family === 'go') && BUILTIN_ROOTS.has(call.chain[0])) || !LINKABLE.test(call.chain[call.chain.length - 1])) continue;
    // Python's builtins: `all(v is None for v in d.values())` is not a project's `Dashboard.all`.
    if (family === 'python' && call.chain.length === 1 && PYTHON_BUILTINS.has(call.chain[0])) continue;
    const loop = s.loopOnEveryTurn(i);
    const callFact: CallFact = { chain: family === 'java' && call.chain.includes('getBean') ? (beanLookupChain(s, i, call.chain) ?? call.chain) : call.chain };
    if (later) callFact.later = true;
    if (later && family === 'js' && s.runsInReturned(i)) callFact.returned = true;
    // (Its result called at once, `deleteUserByUID(uid)()`: what that function returns runs here.)
    if (family === 'js' && call.argsEnd > 0 && s.text.charCodeAt(call.argsEnd) === 40 /* ( */) callFact.invokesResult = true;
    if (handedOff) callFact.detached = true;
    // Python: a coroutine a startup hook runs as a task and does not wait for (a lifespan's `task =
    // asyncio.create_task(run_consumer())`, then `yield`): a consumer that runs for as long as the process does. (A
    // route's own may be gathered later: it stays on the route's path.)
    if (family === 'python' && fact.background === STARTUP_HOOK && startedAsTask(s, i)) {
      callFact.detached = true;
      callFact.asTask = true;
    }
    if (family === 'python' && fact.async && !later && runsOnEventLoop(s, i)) callFact.onEventLoop = s.rangeOf(i);
    if (family === 'go' && GO_STATEMENT_BEFORE.test(s.text.slice(Math.max(0, s.nodes[i].start - 8), s.nodes[i].start))) callFact.detached = true;
    // Go: what makes a task handed to a queue, `c.Enqueue(tasks.NotifyAboutNewPost(post))` (fider): a worker runs it.
    if (family === 'go' && enqueues && handedToQueue(s, i)) callFact.enqueued = true;
    if (loop) {
      callFact.loop = { kind: loop.kind, mode: loop.mode, range: loop.range, call: s.rangeOf(i), ...(loop.of ? { of: loop.of } : {}), ...(loop.beans ? { beans: loop.beans } : {}), ...(loop.row ? { row: loop.row } : {}) };
      // The loop itself in a goroutine or a thread the function starts (PowerJob's `POOL.execute(() -> hooks.forEach(…))`).
      if ((family === 'java' && s.handedToThread(loop.index)) || (family === 'go' && s.inGoroutine(loop.index))) callFact.loopDetached = true;
      if (family === 'js' && argumentsVaryInLoop(s.nodes[i].node, s.nodes[loop.index].node)) callFact.loopArgs = true;
      if (family === 'java' && LOOP_CALLBACK.test(s.argumentsText(call)) && !/^\s*\.\s*(?:get|join)\s*\(/.test(s.text.slice(call.argsEnd, call.argsEnd + 40))) callFact.loopCallback = true;
      if (family === 'js' && loop.mode === 'sequential') {
        // (Kept for Promise.all, `const p = notify(u); pending.push(p)`: a fan-out whatever the function is.)
        if (s.keptForParallelWrapper(i, loop)) callFact.loop.mode = 'parallel';
        else if (s.dropsResult(i, loop)) callFact.unwaited = true;
      }
      const prefetched = prefetchedRelations(s, i);
      if (prefetched.size) callFact.prefetched = [...prefetched];
    } else if (family === 'python' && call.chain.length === 2 && SCHEMA_CALLS.has(call.chain[1]) && call.argsStart > 0 && (dumpsMany(s.text.slice(s.nodes[i].start, call.argsStart)) || keptMany(s, i, call.chain[0]))) {
      // `UserSchema(view="user", many=True).dump(users)`, or `schema = TeamSchema(many=True)` then `schema.dump(teams)`
      // (CTFd's team list): the schema's per-item hooks run once per user.
      callFact.loop = { kind: SCHEMA_MANY, mode: 'sequential', range: s.rangeOf(i), call: s.rangeOf(i) };
    }
    const one = springEvents ? eventPublished(s, i, call) : nestEvents ? nestEventEmitted(s, call) : undefined;
    const events = one ? [one] : goMessages ? goMessagesDispatched(s, i, call) : [];
    if (events.length) callFact.event = events[0];
    // NestJS's `emit` does not wait for async listeners; `emitAsync` does, when it is awaited.
    if (nestEvents && one && (call.chain[call.chain.length - 1] === 'emit' || !waitedFor(s, i))) callFact.eventBeside = true;
    const rendered = family === 'python' ? serializerRendering(s, call) : undefined;
    if (rendered) {
      callFact.renders = true;
      // `PhotoSerializer(photos, many=True)`: DRF renders the rows one by one.
      if (rendered === 'many' && !loop) callFact.loop = { kind: SERIALIZER_MANY, mode: 'sequential', range: s.rangeOf(i), call: s.rangeOf(i) };
    }
    if (family === 'java' && call.argsStart >= 0) {
      const args = s.argumentsOf(call);
      callFact.args = args.length;
      const types = args.length ? javaArgumentTypes(args) : undefined;
      if (types) callFact.argTypes = types;
    }
    // (Not an event's: its arguments are the listeners' in other positions.)
    if (family === 'js' && !callFact.event) {
      const made = madeArguments(owner, call);
      if (made) callFact.madeArgs = made;
    }
    if (family === 'java' && readsWholeList(call.chain)) callFact.activeRecordList = s.rangeOf(i);
    if (family === 'python' && readsWholePythonList(call.chain) && awaitedWhole(s, i)) callFact.activeRecordList = s.rangeOf(i);
    if (s.guardedByOnceFlag(i)) callFact.once = true;
    else if (s.fillsPackageValue(i)) callFact.once = callFact.refills = true;
    const method = methodAt?.(i);
    if (method) callFact.method = method;
    if (paging?.has(owner)) callFact.paged = true;
    else if (handsLambdas) {
      const handed = handedInLambda(s, i);
      if (handed) callFact.handedIn = handed;
    }
    // PageHelper's `doSelectPage…(select)` after `startPage`, given a parameter: callers' selects handed there are paged.
    if (paging && /^doSelectPage\w*$/.test(call.chain[call.chain.length - 1]) && (paging.has(owner) || call.chain.some((n) => n === 'startPage' || n === 'offsetPage'))) {
      const param = pagedParameter(s, i, call, factIndex, owner);
      if (param !== undefined) fact.pagesParam = param;
    }
    if (mayReadInPart && call.chain.length <= 2 && readInPart(s, i)) callFact.readInPart = true;
    if (givesStatements) {
      const bounded = boundedStatementArgs(s, call, catalogue);
      if (bounded) callFact.boundedArgs = bounded;
    }
    // JavaScript: what its arguments give, for a bound a function's optional parameter sets (GivenStatement.member).
    if (family === 'js' && call.argsEnd - call.argsStart > 2) {
      const given = givenArguments(s.text.slice(call.argsStart, call.argsEnd));
      if (given.length) callFact.givenArgs = given;
    }
    // Go: an item of a loop over a struct's slice field (semaphore's `for i, o := range backup.Views { o.Restore(…) }`):
    // of the field's element type, whatever the function's other loops over `o` hold. (Asked per call: the loop around it.)
    const ranged = goRanges && call.chain.length === 2 ? goRangedField(s.nodes[i].node, call.chain[0]) : null;
    const holderType = ranged ? s.goLocalTypesOf(spans[owner]).typeOf(ranged.holder) : undefined;
    if (ranged) {
      if (holderType) callFact.receiverItemOf = { type: holderType, field: ranged.field };
    } else if ((family === 'go' || family === 'python' || (typed && call.chain[0] !== 'this')) && call.chain.length === 2) {
      const key = `${owner}:${call.chain[0]}`;
      let types = localTypes.get(key);
      if (types === undefined) {
        const name = call.chain[0];
        const one = family === 'go' ? s.goLocalTypesOf(spans[owner]).typeOf(name) : family === 'python' ? undefined : s.tsLocalTypesOf(spans[owner]).typeOf(name);
        localTypes.set(key, (types = family === 'python' ? s.pyLocalTypesOf(spans[owner]).typesOf(name) : one ? [one] : []));
      }
      if (types.length) {
        callFact.receiverType = types[0];
        if (types.length > 1) callFact.receiverAlternatives = types.slice(1);
        if (family === 'python' && s.pyLocalTypesOf(spans[owner]).madeOnly(call.chain[0])) callFact.receiverMade = true;
        if (typed) {
          let params = paramNames.get(owner);
          // (A `this: T` parameter is no argument a caller passes.)
          if (!params) paramNames.set(owner, (params = parameterNames(factNodes[owner]).slice(/^this\s*:/.test(factNodes[owner].childForFieldName('parameters')?.namedChildren[0]?.text ?? '') ? 1 : 0)));
          const at = params.indexOf(call.chain[0]);
          if (at >= 0) callFact.receiverParam = at;
        }
      } else if (family === 'python') {
        // A loop's variable is a row of the query it iterates (redash's `[ds.to_dict(…) for ds in data_sources]`), not
        // the class its name would guess. (Only where the function binds the name in a loop, asked once per name.)
        let loops = loopNames.get(key);
        if (loops === undefined) loopNames.set(key, (loops = new RegExp(`\\bfor\\s+${call.chain[0]}\\s+in\\b`).test(s.text.slice(spans[owner].start, spans[owner].end))));
        const row = loops ? loopRowModel(s.text, s.nodes[i].node, call.chain[0], spans[owner].start) : undefined;
        if (row) callFact.receiverType = row;
        else {
          // A local the function gives a function's result (`data_layer = memory_layer()`): its own, not a namesake
          // another function of the file makes (`data_layer = PgDataLayer(None)`).
          let from = localSources.get(key);
          if (from === undefined) {
            let sources = pySources.get(owner);
            if (!sources) pySources.set(owner, (sources = pythonLocalSources(factNodes[owner])));
            localSources.set(key, (from = sources.get(call.chain[0]) ?? null));
          }
          if (from) callFact.receiverFrom = from;
        }
      } else {
        let from = localSources.get(key);
        if (from === undefined) localSources.set(key, (from = (family === 'go' ? s.goLocalTypesOf(spans[owner]) : s.tsLocalTypesOf(spans[owner])).sourceOf(call.chain[0]) ?? null));
        if (from) callFact.receiverFrom = from;
        else if (family === 'go') {
          // …or an item it took by index (semaphore's `o := backup.Templates[i]`).
          const item = s.goLocalTypesOf(spans[owner]).indexedFieldOf(call.chain[0]);
          const type = item && s.goLocalTypesOf(spans[owner]).typeOf(item.holder);
          if (type) callFact.receiverItemOf = { type, field: item.field };
        }
        // A loop's own variable named as a field of the class (ghostfolio's `for (const dataProviderService of
        // this.getDataProviderServices())` beside the injected `dataProviderService`): a value of its own, of no known type.
        else if (typed && s.memo(`js.loopBindings:${spans[owner].start}`, () => loopBindings(s.text.slice(spans[owner].start, spans[owner].end))).has(call.chain[0])) callFact.receiverType = '';
      }
    } else if (family === 'go' && call.chain.length === 3 && s.nodes[i].node.childForFieldName('function')?.childForFieldName('operand')?.type === 'call_expression') {
      // On what a method returns, `t.getProcessor().ProcessOnce(ctx, branches)` (dtm): no field's, no name of the
      // package's; the join reads the result `t`'s type declares for `getProcessor`.
      const key = `${owner}:${call.chain[0]}`;
      let types = localTypes.get(key);
      if (types === undefined) {
        const one = s.goLocalTypesOf(spans[owner]).typeOf(call.chain[0]);
        localTypes.set(key, (types = one ? [one] : []));
      }
      if (types.length) callFact.receiverOfAccessor = types[0];
    }
    fact.calls.push(callFact);
    // Several messages dispatched at once (`bus.Dispatch(ctx, &a, &b)`): each one's handler runs.
    for (const event of events.slice(1)) fact.calls.push({ ...callFact, event });
  }
  const owners = (list: FoundHazard[]) => list.map((f) => (f.at >= 0 ? ownerAt(f.at) : ownerAtOffset(f.offset ?? 0)));
  // A loop in a handler's branch for one method (`if request.method == "POST":`) is on that method's route only, as a call there is.
  const relationLoops = quiet ? [] : family === 'python' ? pythonRelationLoopsOf(s, ownerAt, methodAt) : family === 'java' ? jpaLoopsOf(s, ownerAt) : [];
  // An attribute read on each row may run a property of the model (`len(source.grants)` with `@property def grants`),
  // as a method called on it would: the join keeps the read only where it lands on one (CallFact.readsProperty).
  if (family === 'python') {
    for (const r of relationLoops) {
      if (r.owner < 0) continue;
      // (With what the rows were loaded with: a property that reads a prefetched relation, `self.grant_set.all()`, reads memory.)
      const prefetched = r.loaded === '*' ? [] : r.loaded;
      for (const a of r.attributes) functions[r.owner].calls.push({ chain: [r.variable, a.name], receiverType: r.model, readsProperty: true, loop: { ...r.loop, call: a.range }, ...(r.method ? { method: r.method } : {}), ...(prefetched.length ? { prefetched } : {}) });
    }
  }
  const pending = pendingFound.filter(alive);
  const pendingOwners = owners(pending);
  const keptOwners = owners(kept);
  for (const link of routes.links) {
    const handler = routes.handlerOf.get(link.route);
    const f = handler !== undefined ? s.functionIndexAt(handler) : undefined;
    const fact = f !== undefined ? factIndex.get(f) : undefined;
    if (fact !== undefined) link.handlerFunction = fact;
    const before = routes.alsoStartOf.get(link.route)?.flatMap((index) => factIndex.get(s.functionIndexAt(index) ?? -1) ?? []);
    if (before?.length) link.alsoStart = before;
  }
  return {
    line,
    character,
    // A test file wires routes to exercise them (`r.POST("/login", …)` in unit_test.go): none of them is served.
    routes: test ? [] : routes.routes,
    routeLinks: test ? [] : routes.links,
    mounts: routes.mounts,
    ...(goRouting?.length ? { goRouting } : {}),
    functions,
    // Go: in a function literal started in a goroutine the function does not wait for (`go func() { … }()`); Java: in a
    // lambda handed to another thread: the route that runs the function does not wait for it either (the join says so).
    hazards: family === 'go' || family === 'java' ? kept.map((f) => (f.at >= 0 && (family === 'go' ? s.inGoroutine(f.at) : s.handedToThread(f.at)) ? { ...f.hazard, detached: true as const } : f.hazard)) : kept.map((f) => f.hazard),
    hazardOwners: keptOwners,
    hazardMethods: kept.map((f) => (f.at >= 0 ? methodAt?.(f.at) : undefined)),
    pending: pending.map((f, k) => ({ hazard: f.hazard, owner: pendingOwners[k], ...(f.returned ? { returned: true } : {}), ...(f.parentFilter ? { parentFilter: f.parentFilter } : {}), ...(f.givenStatement ? { givenStatement: f.givenStatement } : {}) })),
    relationLoops,
    globalPrefix: routes.globalPrefix,
    springPathPrefix: routes.springPathPrefix,
    nestModules: routes.nestModules,
    nestRoutes: routes.nestRoutes,
    devOnlyModules: routes.devOnlyModules,
    childControllers: routes.childControllers,
    classPrefixes: routes.classPrefixes,
    springControllers: routes.springControllers,
  };
}

/**
 * A MyBatis mapper that needs no MyBatis import: `@MapperScan("com.ruoyi.**.mapper")` makes one of every interface of
 * the package it names, and the XML gives its SQL (14 of RuoYi's 20 mappers import nothing of MyBatis). Read from the
 * convention: a `…Mapper` interface in a `mapper`/`mappers`/`dao` package, not a MapStruct mapper.
 */
function isScannedMapper(file: string, s: FileStructure): boolean {
  return /\/(?:mappers?|dao)\/[^/]*Mapper\.java$/.test(file) && !s.mentions('mapstruct') && /\binterface\s+\w+Mapper\b/.test(s.text);
}

/** Java: the file's package (`com.macro.mall.dao`), '' when it declares none; undefined when it declares one oddly. */
function javaPackageOf(s: FileStructure): string | undefined {
  if (!s.mentions('package')) return '';
  const m = /^[ \t]*package[ \t]+([\w.]+)[ \t]*;/m.exec(s.text);
  return m ? m[1] : undefined;
}

/** Java: whether function `f` of the file is declared in an interface (its innermost type). */
function inInterface(s: FileStructure, f: number): boolean {
  for (let p = s.nodes[s.functions[f].index].parent; p >= 0; p = s.nodes[p].parent) {
    const type = s.nodes[p].type;
    if (type === 'interface_declaration') return true;
    if (type === 'class_declaration' || type === 'enum_declaration' || type === 'record_declaration' || type === 'object_creation_expression') return false;
  }
  return false;
}

/**
 * Java: the packages the file's `@MapperScan` annotations name (`@MapperScan({"com.macro.mall.mapper",
 * "com.macro.mall.dao"})`, `basePackages = "com.ruoyi.**.mapper"`): MyBatis makes a mapper of every interface in them
 * and their subpackages. Not one that takes only the interfaces an annotation or a marker interface picks
 * (`annotationClass = Mapper.class`), nor a placeholder (`${mapper.package}`).
 */
function mapperScansOf(text: string): string[] | undefined {
  let out: string[] | undefined;
  for (const m of text.matchAll(/@(?:[\w.]+\.)?MapperScan\s*\(([^)]*)\)/g)) {
    const args = m[1];
    if (/\b(?:annotationClass|markerInterface)\s*=/.test(args)) continue;
    const named = /=/.test(args) ? [...args.matchAll(/\b(?:value|basePackages)\s*=\s*(\{[^}]*\}|"[^"]*")/g)].map((v) => v[1]).join(',') : args;
    for (const s of named.matchAll(/"([^"]*)"/g)) {
      for (const pkg of s[1].split(/[,;\s]+/)) if (/^[\w$]+(?:\.(?:[\w$]+|\*\*?))*$/.test(pkg)) (out ??= []).push(pkg);
    }
  }
  return out;
}

/** What a mapper method returns when it may read many rows. */
const MANY_ROWS = /^(?:(?:java\.util\.)?(?:List|Collection|Set|Iterable|Stream|Cursor|Page|IPage)\b|.*\[\]$)/;
/** A MyBatis-Plus page given to a mapper method: `Page page`, `IPage<User> page`, `Page<?> p`. */
const PAGE_PARAMETER = /[(,]\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:[\w.]+\.)?I?Page\s*(?:<[^>]*>)?\s+\w+\s*[,)]/;

/**
 * Interfaces whose methods do I/O that the framework implements: a MyBatis mapper (`@Mapper`, from
 * org.apache.ibatis) runs the SQL its annotation or XML gives each method; a Feign client sends a request; a Spring
 * Data repository runs its query. Calling one is a query or a call, and one per item in a loop is a query or call in
 * a loop. MapStruct's `@Mapper` maps objects and runs nothing: only the ibatis import counts. `only`: the interfaces'
 * methods to take (a repository's), whose rows repositoryMethods.ts judges on the declaration instead.
 */
function interfaceEffects(s: FileStructure, functions: FunctionFact[], factIndex: Map<number, number>, match: CallMatch, only?: (f: number) => boolean, lists = !only): void {
  for (let f = 0; f < s.functions.length; f++) {
    const info = s.functions[f];
    const fact = factIndex.get(f);
    const n = s.nodes[info.index];
    if (fact === undefined || n.type !== 'method_declaration' || !info.owner || n.node.childForFieldName('body')) continue;
    if (only && !only(f)) continue;
    functions[fact].effect = { callee: `${info.owner}.${info.name}`, match };
    // A Spring Data method's rows are judged by repositoryMethods.ts, on its declaration.
    if (!lists) continue;
    // What its XML statement returns is read as a list only if the method returns one (mybatisMappers.ts), and is
    // not given a page: MyBatis-Plus's pagination interceptor adds the LIMIT of an `IPage` argument to its SQL
    // (dolphinscheduler's `IPage<AlertGroup> queryAlertGroupPage(Page page, String groupName)`).
    if (MANY_ROWS.test(n.node.childForFieldName('type')?.text ?? '') && !PAGE_PARAMETER.test(n.node.childForFieldName('parameters')?.text ?? '')) functions[fact].mapperList = true;
  }
}

/**
 * Java: the call is in a lambda of no parameters that is an argument of another call (`PageUtil.doPage(pageDTO, () ->
 * mapper.list(dto))`): that call's chain, the lambda's position, and how many arguments of which types the call passes,
 * to pick among the callee's overloads (CallFact.handedIn). Only a callee named by plain names (`PageUtil.doPage`,
 * `this.pager.page`, `doPage`).
 */
function handedInLambda(s: FileStructure, i: number): CallFact['handedIn'] {
  const f = s.functionOf[i];
  if (f < 0) return undefined;
  const lambda = s.nodes[s.functions[f].index].node;
  if (lambda.type !== 'lambda_expression' || lambda.childForFieldName('parameters')?.namedChildCount !== 0) return undefined;
  const list = lambda.parent;
  const invocation = list?.parent;
  if (list?.type !== 'argument_list' || invocation?.type !== 'method_invocation') return undefined;
  const name = invocation.childForFieldName('name')?.text;
  const object = invocation.childForFieldName('object')?.text;
  if (!name || (object !== undefined && !/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(object))) return undefined;
  const args = list.namedChildren.filter((a): a is Node => !!a && !/comment$/.test(a.type));
  const arg = args.findIndex((a) => a.startIndex === lambda.startIndex);
  if (arg < 0) return undefined;
  const argTypes = javaArgumentTypes(args);
  return { chain: object === undefined ? [name] : [...object.split('.'), name], arg, args: args.length, ...(argTypes ? { argTypes } : {}) };
}

/** The position of the calling function's parameter that the call is given alone (`doSelectPageSerializable(select)`). */
function pagedParameter(s: FileStructure, i: number, call: CallInfo, factIndex: Map<number, number>, owner: number): number | undefined {
  const args = s.argumentsOf(call);
  if (args.length !== 1 || args[0].type !== 'identifier') return undefined;
  let f = s.functionOf[i];
  while (f >= 0 && factIndex.get(f) !== owner) f = s.functions[f].outer;
  const parameters = f >= 0 ? s.nodes[s.functions[f].index].node.childForFieldName('parameters') : undefined;
  const names = (parameters?.namedChildren ?? []).filter((p) => p?.type === 'formal_parameter').map((p) => p!.childForFieldName('name')?.text);
  const at = names.indexOf(args[0].text);
  return at < 0 ? undefined : at;
}

/** What the apps and routers contextKey reads are made with: without one of these words, there is none. */
const APP_WORDS = ['express', 'Router', 'astify', 'Koa', 'Hono'];

/**
 * Spring: a bean looked up from the context, then called (PowerJob's `SpringUtils.getBean(this.getClass())
 * .stopWorkflowInstance(…)`, the class's own proxy, and `SpringUtils.getBean(InstanceService.class).create(…)`): a
 * call of that class's method, `this.m` or `InstanceService.m`.
 */
function beanLookupChain(s: FileStructure, i: number, chain: string[]): string[] | undefined {
  const m = /\bgetBean\s*\(\s*(?:(this)\.getClass\(\)|([A-Z]\w*)\.class)\s*\)\s*\.\s*(\w+)\s*\($/.exec(s.text.slice(s.nodes[i].start, s.calls.get(i)!.argsStart + 1));
  return m && m[3] === chain[chain.length - 1] ? [m[1] ?? m[2], m[3]] : undefined;
}

/** The mounts of what a Django URLconf adds to its pattern lists (djangoListFlows), by the lists they are filed under. */
function urlconfAdditions(text: string, tree: Tree): MountFact[] {
  const out: MountFact[] = [];
  const seen = new Set<string>();
  const push = (mount: MountFact) => {
    const key = `${mount.receiver} ${mount.target.join('.')}`;
    if (!seen.has(key)) out.push(mount), seen.add(key);
  };
  const flows = isUrlconf(text) ? djangoListFlows(tree.rootNode) : { lists: [], routers: [] };
  const local = djangoLocalIncludes(text);
  for (const [list, router] of flows.routers) push({ prefix: '', receiver: filedUnder(list, local, flows), target: [router, 'urls'], module: true });
  // (Also `[…] + router.urls` inside any other expression: on `urlpatterns`, unless added to another list above.)
  for (const router of routersAddedToUrlpatterns(text)) if (!flows.routers.some(([, r]) => r === router)) push({ prefix: '', receiver: 'urlpatterns', target: [router, 'urls'], module: true });
  for (const [list, added] of flows.lists) {
    const receiver = filedUnder(list, local, flows);
    // (A list filed under `urlpatterns` that is added to it serves nothing more.)
    if (receiver !== filedUnder(added, local, flows)) push({ prefix: '', receiver, target: [added], django: true });
  }
  return out;
}

/** Each `return <router>` of a router the module declares at its top level, with the function header before it. */
function routerReturnsKey(text: string): string {
  let key = '';
  for (const d of text.matchAll(/^(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=[^\n]*Router\s*\(/gm)) {
    for (const r of text.matchAll(new RegExp(`\\breturn\\s+${d[1].replace(/\$/g, '\\$')}\\s*(?:;|$|\\n|})`, 'gm'))) {
      const before = text.slice(Math.max(0, r.index - 2000), r.index);
      const header = [...before.matchAll(/^[^\n]*(?:function|=>|exports)[^\n]*$/gm)].pop()?.[0] ?? '';
      key += `|${d[1]}<${header}`;
    }
  }
  return key;
}

/** The functions of a Python module that add routes to a parameter, and the routers it makes (RouterHanding). */
function routerHandingKey(words: WordSearch): string {
  const handing = pythonRouterHandingOf(words);
  return `|${JSON.stringify([...handing.helpers])}${[...handing.made].join(',')}|${[...(handing.givenApp ?? [])].join(',')}|${[...handing.routed].join(',')}`;
}

/** File-level facts that statements are analysed with: a change in them invalidates every cached statement. */
function contextKey(words: WordSearch, family: LanguageFamily, tree: Tree): string {
  const text = words.text;
  switch (family) {
    case 'js':
      return (APP_WORDS.some((w) => words.has(w)) ? [...text.matchAll(/(?:const|let|var)\s+(\w+)\s*=\s*(?:express|Router|new\s+\w*Router|fastify|Fastify|new\s+Koa|new\s+Hono)\b/g)].map((m) => m[0]).join('|') : '') +
        (words.has('koa') && /@koa\/router|koa-router/.test(text) ? '|koa' : '') + (words.has('fastify') && /['"]fastify['"]/.test(text) ? '|fastify' : '') +
        (words.has('default') ? (/export\s+default[^\n]*/.exec(text)?.[0] ?? '') : '') +
        // NestJS paths named by constants of the file (`@Get(P)`).
        (words.has('Controller(') ? JSON.stringify(jsStringConstants(words) ?? {}) : '') +
        // The functions that return a router of the module (RouteCollector.returning), as its statements are mounted.
        (words.has('Router') && words.has('return') ? routerReturnsKey(text) : '') +
        // HTTP clients' instances, whose `.post('/x', …)` is no route wherever it is written.
        `|${[...clientVariables(words)].join(',')}`;
    case 'python':
      // (The lists a URLconf adds to others decide which list each of its patterns is filed under.)
      // (And the helpers that make patterns, which are read where the module calls them.)
      // (And the functions that add routes to what they are given, and the blueprints and routers made, which the
      // statements that call them hand on: RouterHanding.)
      return (isUrlconf(text) ? `urls${JSON.stringify(djangoListFlows(tree.rootNode).lists)}${[...djangoPatternHelpersOf(text).values()].join('|')}` : '') + JSON.stringify([...drfRoutersOf(text)]) + [...djangoLocalIncludes(text)].join(',') + JSON.stringify([...routerDependenciesOf(text)]) + routerHandingKey(words);
    case 'go':
      return JSON.stringify(goStringConstantsOf(text)) + ginOrEchoOf(text);
    default:
      return '';
  }
}

/** A cached statement moved to where it now starts (its text is unchanged, so only positions shift). */
function moveUnit(u: UnitResult, line: number, character: number): UnitResult {
  // The common case while typing within a line: later statements shift in offset only, and results hold none.
  if (u.line === line && u.character === character) return u;
  const m = new Mover(line - u.line, character - u.character, u.line);
  return {
    line,
    character,
    routes: u.routes.map((r) => ({ ...r, declaration: m.range(r.declaration), handler: m.range(r.handler) })),
    routeLinks: u.routeLinks,
    mounts: u.mounts.map((mount) => (mount.line !== undefined ? { ...mount, ...m.position({ line: mount.line, character: mount.character ?? 0 }) } : mount)),
    ...(u.goRouting ? { goRouting: u.goRouting.map((f) => ({ ...f, ...m.position(f), ...(f.within ? { within: m.range(f.within) } : {}), ...(f.kind === 'from' ? moved(m, f) : {}) })) } : {}),
    functions: u.functions.map((f) => ({
      ...f,
      range: m.range(f.range),
      ...(f.effect?.range ? { effect: { ...f.effect, range: m.range(f.effect.range) } } : {}),
      ...(f.blocks ? { blocks: { ...f.blocks, range: m.range(f.blocks.range) } } : {}),
      calls: f.calls.map((c) =>
        c.loop || c.activeRecordList || c.onEventLoop
          ? {
              ...c,
              ...(c.loop ? { loop: { ...c.loop, range: m.range(c.loop.range), call: m.range(c.loop.call) } } : {}),
              ...(c.activeRecordList ? { activeRecordList: m.range(c.activeRecordList) } : {}),
              ...(c.onEventLoop ? { onEventLoop: m.range(c.onEventLoop) } : {}),
            }
          : c,
      ),
    })),
    hazards: u.hazards.map((h) => m.hazard(h)),
    hazardOwners: u.hazardOwners,
    hazardMethods: u.hazardMethods,
    pending: u.pending.map((p) => ({ ...p, hazard: m.hazard(p.hazard) })),
    relationLoops: u.relationLoops.map((r) => ({
      ...r,
      attributes: r.attributes.map((a) => ({ ...a, range: m.range(a.range) })),
      ...(r.helpers ? { helpers: r.helpers.map((h) => ({ ...h, range: m.range(h.range) })) } : {}),
      ...(r.serializer ? { serializer: { ...r.serializer, range: m.range(r.serializer.range) } } : {}),
      loop: { ...r.loop, range: m.range(r.loop.range) },
    })),
    globalPrefix: u.globalPrefix,
    springPathPrefix: u.springPathPrefix,
    nestModules: u.nestModules,
    nestRoutes: u.nestRoutes,
    devOnlyModules: u.devOnlyModules,
    childControllers: u.childControllers,
    classPrefixes: u.classPrefixes,
    springControllers: u.springControllers,
  };
}

/** Where a Go router a group is made from is read, moved as the fact is. */
function moved(m: Mover, f: Extract<GoRoutingFact, { kind: 'from' }>): Pick<typeof f, 'fromLine' | 'fromCharacter'> {
  const p = m.position({ line: f.fromLine, character: f.fromCharacter });
  return { fromLine: p.line, fromCharacter: p.character };
}

class Mover {
  constructor(
    private readonly dLine: number,
    private readonly dChar: number,
    private readonly firstLine: number,
  ) {}

  position(p: Range['start']): Range['start'] {
    return { line: p.line + this.dLine, character: p.character + (p.line === this.firstLine ? this.dChar : 0) };
  }

  range(r: Range): Range {
    return { start: this.position(r.start), end: this.position(r.end) };
  }

  hazard(h: Hazard): Hazard {
    return { ...h, range: this.range(h.range), loop: h.loop && { ...h.loop, range: this.range(h.loop.range) } };
  }
}

function byHazardPosition(x: Hazard, y: Hazard): number {
  return x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character || x.code.localeCompare(y.code);
}


/** A test of the request's method against one verb: `req.method === "DELETE"`, `request.method == 'POST'`. */
const METHOD_TEST = /\bmethod\s*={2,3}\s*['"]([A-Z]+)['"]|['"]([A-Z]+)['"]\s*={2,3}\s*[\w.]*\bmethod\b/;

/**
 * The HTTP method of the branch a call is written in, within its handler (which starts at `stop`): the nearest `if` or
 * `elif` whose condition tests the request's method and whose body holds the call, or a `case 'PUT':` of a switch on
 * it; or, in JavaScript, what follows a guard at the top of the handler that turns away every method but one (papermark's
 * `links/download/verify.ts`: an `if (req.method === "GET") { … }`, then `if (req.method !== "POST") return
 * res.status(405)…`, then POST's work). None in an `else`.
 */
function methodBranchOf(node: Node, stop: number): string | undefined {
  let child = node;
  for (let p = node.parent; p && p.startIndex >= stop; child = p, p = p.parent) {
    if (p.type === 'statement_block' && p.parent?.startIndex === stop) {
      for (const st of p.namedChildren) {
        if (!st || st.startIndex >= child.startIndex) break;
        const guarded = guardedMethods(st);
        if (guarded) return guarded.length === 1 ? guarded[0] : undefined;
      }
    } else if (p.type === 'if_statement' || p.type === 'elif_clause') {
      const body = p.childForFieldName('consequence');
      if (!body || child.startIndex < body.startIndex || child.endIndex > body.endIndex) continue;
      const m = METHOD_TEST.exec(p.childForFieldName('condition')?.text ?? '');
      if (m) return m[1] ?? m[2];
    } else if (p.type === 'switch_case') {
      const value = /^['"]([A-Z]+)['"]$/.exec(p.childForFieldName('value')?.text ?? '');
      const tested = p.parent?.parent?.childForFieldName('value')?.text ?? '';
      if (value && /\bmethod\b/.test(tested)) return value[1];
    }
  }
  return undefined;
}

/**
 * An unannotated Python method whose whole body returns an attribute of an attribute of `self` (mealie's
 * controllers: `@cached_property def repo(self): return self.repos.tags`): that chain, for calls on what it returns.
 */
function returnedSelfChain(fn: Node): string[] | undefined {
  const value = onlyReturned(fn);
  const chain = value?.type === 'attribute' ? value.text.split('.').map((p) => p.trim()) : undefined;
  return chain && chain.length === 3 && chain[0] === 'self' && chain.every((p) => /^[A-Za-z_]\w*$/.test(p)) ? chain : undefined;
}

/** The names a JavaScript function's loops bind, `for (const name of …)` (or `in`, `let`, `var`): read once per function. */
function loopBindings(body: string): Set<string> {
  const out = new Set<string>();
  if (!body.includes('for')) return out;
  for (const m of body.matchAll(/\bfor\s*\(\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s+(?:of|in)\b/g)) out.add(m[1]);
  return out;
}

/** What a Python function's body only returns (a docstring and comments aside). */
function onlyReturned(fn: Node): Node | null | undefined {
  const body = fn.childForFieldName('body');
  const statements = body?.namedChildren.filter((c) => c !== null && c.type !== 'comment' && !(c.type === 'expression_statement' && c.namedChildren[0]?.type === 'string')) ?? [];
  const only = statements.length === 1 ? statements[0] : undefined;
  return only?.type === 'return_statement' ? only.namedChildren[0] : undefined;
}

/**
 * The class a Python function with no annotation makes and returns, and does nothing else: mealie's controllers'
 * `def mixins(self): return HttpRepo[CreateCookBook, ReadCookBook, UpdateCookBook](self.repo, self.logger)`.
 */
function returnedInstance(fn: Node): string | undefined {
  const value = onlyReturned(fn);
  if (value?.type !== 'call') return undefined;
  let made = value.childForFieldName('function');
  if (made?.type === 'subscript') made = made.childForFieldName('value');
  if (made?.type !== 'identifier' && made?.type !== 'attribute') return undefined;
  return pythonResultType(made.text);
}

/**
 * The function a Python function first calls to give each local name its value, read from the tree (`data_layer =
 * get_data_layer()`, `repo: Repo = await self.make_repo(session)`, `svc = services.build(…)`, `if data_layer :=
 * get_data_layer():`): the name is the function's own, whatever the file gives a namesake elsewhere, and of the type
 * that function returns (FunctionFact.returns). Only the function's own assignments: not a keyword argument (`audit(
 * data_layer=memory_layer())`, whatever the line ends), nor one in a nested def, lambda or class, nor a docstring's
 * line. The value may go on after the call (`qs = super().get_queryset()`, `obj = get_component(…) if … else None`:
 * leadingCall). Walked once per function, when a call on a local name asks.
 */
function pythonLocalSources(fn: Node): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const body = fn.childForFieldName('body');
  if (!body) return out;
  const stack: Node[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    let name: Node | null = null;
    let value: Node | null = null;
    if (n.type === 'assignment') {
      name = n.childForFieldName('left');
      value = n.childForFieldName('right');
    } else if (n.type === 'named_expression') {
      name = n.childForFieldName('name');
      value = n.childForFieldName('value');
    }
    if (name?.type === 'identifier' && value && !out.has(name.text)) {
      const callee = leadingCall(value);
      if (callee) out.set(name.text, callee);
    }
    // Down statements only, not into every expression (a 2,000-line function's tens of thousands of nodes): an
    // assignment is a statement's own, a walrus is in a condition (or a statement's expression) that writes `:=`.
    // (In reverse, so that the stack gives them back in the order they are written: the first assignment wins.)
    const walrus = n.type === 'named_expression' || (!PY_STATEMENTS.has(n.type) && n.text.includes(':='));
    if (!walrus && !PY_STATEMENTS.has(n.type) && n !== body) continue;
    for (let k = n.namedChildCount - 1; k >= 0; k--) {
      const c = n.namedChild(k);
      if (c && !PY_OTHER_SCOPES.has(c.type)) stack.push(c);
    }
  }
  return out;
}

/** Python nodes that hold statements, or are one: where pythonLocalSources looks for assignments. */
const PY_STATEMENTS = new Set([
  'block',
  'expression_statement',
  'if_statement',
  'elif_clause',
  'else_clause',
  'for_statement',
  'while_statement',
  'try_statement',
  'except_clause',
  'except_group_clause',
  'finally_clause',
  'with_statement',
  'match_statement',
  'case_clause',
]);

/**
 * The call a Python value starts with, down its leftmost operands: `f(…)`, `await self.f(…)`, `super().get_queryset()`
 * and `f(…).strip()` (f, super), `get_component(…) if … else None`: the names of the function called (calleeChain).
 */
function leadingCall(value: Node): string[] | undefined {
  for (let n: Node | null = value, k = 0; n && k < 16; k++) {
    if (n.type === 'call') {
      const callee = calleeChain(n.childForFieldName('function'));
      if (callee) return callee;
    } else if (!PY_LEADING_OPERAND.has(n.type)) return undefined;
    n = n.namedChild(0);
  }
  return undefined;
}

/** Expressions that start with their first operand. */
const PY_LEADING_OPERAND = new Set(['await', 'attribute', 'subscript', 'binary_operator', 'boolean_operator', 'comparison_operator', 'conditional_expression']);

/** Nodes no assignment of the function's own is in: another scope, or a string. */
const PY_OTHER_SCOPES = new Set(['function_definition', 'decorated_definition', 'lambda', 'class_definition', 'string', 'comment']);

/** `f`, `self.f`, `mod.sub.f`: the names (up to three), else undefined. */
function calleeChain(fn: Node | null): string[] | undefined {
  const out: string[] = [];
  for (let n = fn; n; ) {
    if (n.type === 'identifier') {
      out.unshift(n.text);
      return out.length <= 3 ? out : undefined;
    }
    if (n.type !== 'attribute' || out.length >= 3) return undefined;
    const attribute = n.childForFieldName('attribute');
    if (!attribute) return undefined;
    out.unshift(attribute.text);
    n = n.childForFieldName('object');
  }
  return undefined;
}

/**
 * The class of the module's value a Python function ends by returning, as the module annotates it at its top level:
 * chainlit's `def get_data_layer(): global _data_layer; … return _data_layer` with `_data_layer:
 * Optional[BaseDataLayer] = None`. (The module's annotations are read once, for the first function that ends so.)
 */
function returnedModuleValue(s: FileStructure, fn: Node): string | undefined {
  const last = fn.childForFieldName('body')?.lastNamedChild;
  const value = last?.type === 'return_statement' ? last.namedChildren[0] : undefined;
  if (value?.type !== 'identifier') return undefined;
  const annotations = s.memo('py.moduleAnnotations', () => {
    const out = new Map<string, string>();
    for (const m of s.text.matchAll(PY_MODULE_ANNOTATION)) if (!out.has(m[1])) out.set(m[1], m[2].trim());
    return out;
  });
  const annotation = annotations.get(value.text);
  return annotation ? pythonResultType(annotation) : undefined;
}

/** `_data_layer: Optional[BaseDataLayer] = None` at a module's top level: name, annotation (up to `=` or a comment). */
const PY_MODULE_ANNOTATION = /^([A-Za-z_]\w*)[ \t]*:[ \t]*([^=\n#]+)/gm;

/**
 * A DRF serializer made with what it renders, its first argument: rows (`PhotoSerializer(photos, many=True)`) or one
 * row (`PhotoSerializer(photo)`). Not one made with `data=` only, which validates input.
 */
function serializerRendering(s: FileStructure, call: CallInfo): 'many' | 'one' | undefined {
  const name = call.chain[call.chain.length - 1];
  if (!name || !/^[A-Z]\w*Serializer$/.test(name) || call.argsStart < 0) return undefined;
  const args = s.argumentsOf(call);
  if (!args[0] || args[0].type === 'keyword_argument' || args[0].type === 'list_splat' || args[0].type === 'dictionary_splat') return undefined;
  const many = args.some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'many' && a.childForFieldName('value')?.text === 'True');
  return many ? 'many' : 'one';
}

/** `schema = TeamSchema(many=True)` is what the function last gave `name` before call `i`. */
function keptMany(s: FileStructure, i: number, name: string): boolean {
  if (!s.mentions('many')) return false;
  const value = s.lastValueOf(i, name);
  return !!value && /^\s*(?:[A-Za-z_]\w*\.)*[A-Z]\w*\(\s*[^()]*\bmany\s*=\s*True\b[^()]*\)\s*(?:#.*)?$/.test(value);
}

/**
 * `calibre_db = db.CalibreDB()` at the module's top level (FileLinks.moduleInstances): of a class the module declares
 * or reaches through an import of the project's (`from . import db`, `from cps import db` in cps/, `from .db import CalibreDB`), not a library's (`cache =
 * Cache()` with `from flask_caching import Cache`, whatever class of the project shares its name).
 */
function pythonModuleInstances(text: string, file: string): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  // The packages of the file's own path (`cps` of `cps/shared.py`): `from cps import db` is the project's, as `from .`.
  const own = file.split('/').slice(0, -1).filter((d) => /^[A-Za-z_]\w*$/.test(d));
  const source = own.length ? `(?:\\.|(?:${own.join('|')})\\b)` : '\\.';
  for (const m of text.matchAll(/^([a-z_]\w*)[ \t]*=[ \t]*(?:([A-Za-z_]\w*)\.)?(?:[A-Za-z_]\w*\.)*([A-Z]\w*)\(/gm)) {
    const through = m[2] ?? m[3];
    if (new RegExp(`^class[ \\t]+${m[3]}\\b`, 'm').test(text) || new RegExp(`^from[ \\t]+${source}[\\w.]*[ \\t]+import[ \\t]+(?:\\([^)]*\\b${through}\\b|[^\\n]*\\b${through}\\b)`, 'm').test(text)) (out ??= {})[m[1]] = m[3];
  }
  return out;
}

/**
 * Java: the interfaces each interface of the file extends, by simple name, type arguments left out (`interface
 * UserMapper extends BaseMapperX<UserDO>` → BaseMapperX), for CallRule.mybatisPlusMapper and unlessImplemented.
 */
function interfaceBasesOf(text: string): Record<string, string[]> | undefined {
  let out: Record<string, string[]> | undefined;
  for (const m of text.matchAll(/\binterface\s+(\w+)(?:\s*<[^{]*?>)?\s+extends\s+([^{]+)\{/g)) {
    let list = m[2];
    for (let before = ''; before !== list; ) [before, list] = [list, list.replace(/<[^<>]*>/g, '')];
    const names = list.split(',').map((b) => b.trim().split('.').pop()!).filter((b) => /^[A-Z]\w*$/.test(b));
    if (names.length) (out ??= {})[m[1]] = names;
  }
  return out;
}

/**
 * Java: the declared types of each class's fields, by simple name, type arguments left out (`private final Map<String,
 * List<MetricEntity>> allMetrics` → Map), for classes that implement an interface: for CallRule.unlessImplemented.
 */
function javaFieldTypesOf(tree: Tree): Record<string, string[]> | undefined {
  // Classes are declared at the top or in another's body: read those, not the whole tree (merge runs on every edit).
  let out: Record<string, string[]> | undefined;
  const visit = (members: (Node | null)[]) => {
    for (const cls of members) {
      if (cls?.type !== 'class_declaration') continue;
      const name = cls.childForFieldName('name')?.text;
      const body = cls.childForFieldName('body')?.namedChildren ?? [];
      if (name && cls.childForFieldName('interfaces')) {
        const types: string[] = [];
        for (const f of body) {
          if (f?.type !== 'field_declaration') continue;
          const type = javaTypeName(f.childForFieldName('type')?.text);
          if (type) types.push(type);
        }
        (out ??= {})[name] = types;
      }
      visit(body);
    }
  };
  visit(tree.rootNode.namedChildren);
  return out;
}

/** Class annotations that make no bean: Lombok's, the language's own, documentation's. */
const NOT_BEAN_ANNOTATION = /^(?:Data|Getter|Setter|ToString|EqualsAndHashCode|AllArgsConstructor|NoArgsConstructor|RequiredArgsConstructor|Accessors|FieldDefaults|Slf4j|Log|Log4j2?|CommonsLog|Deprecated|SuppressWarnings|SafeVarargs|FunctionalInterface|Schema|ApiModel|JsonIgnoreProperties|JsonInclude)$/;

/**
 * Java: the classes of the file (nested ones too) with a class annotation that may make them a bean, `@Service`,
 * `@Component` or a project's own stereotype (FileLinks.javaBeans). Top-level and member classes are read, not the
 * whole tree.
 */
function javaBeansOf(tree: Tree): string[] | undefined {
  return javaClassesOf(tree, (cls) => {
    const modifiers = cls.namedChildren.find((c) => c?.type === 'modifiers');
    return !!modifiers?.namedChildren.some((a) => (a?.type === 'marker_annotation' || a?.type === 'annotation') && !NOT_BEAN_ANNOTATION.test(a.childForFieldName('name')?.text.split('.').pop() ?? ''));
  });
}

/**
 * Java: the names of the file's classes, top-level and member ones (not the whole tree), that `keep` accepts; with
 * `alsoRecords`, its records, interfaces and enums too.
 */
function javaClassesOf(tree: Tree, keep: (cls: Node) => boolean, alsoRecords = false): string[] | undefined {
  let out: string[] | undefined;
  const visit = (members: (Node | null)[]) => {
    for (const cls of members) {
      if (cls?.type !== 'class_declaration' && !(alsoRecords && (cls?.type === 'record_declaration' || cls?.type === 'interface_declaration' || cls?.type === 'enum_declaration'))) continue;
      const name = cls.childForFieldName('name')?.text;
      if (name && keep(cls)) (out ??= []).push(name);
      visit(cls.childForFieldName('body')?.namedChildren ?? []);
    }
  };
  visit(tree.rootNode.namedChildren);
  return out;
}

/** The types a class extends or implements that hold items: `implements Iterable<Long>`, `extends ArrayList<Long>`. */
const HOLDS_ITEMS = /(?:Iterable|Collection|List|Set|Map|Queue|Deque)\s*(?:<|,|$)/;

/**
 * Java: the classes of a file that may stand for one row (FileLinks.javaRowClasses): of no type parameters, and not
 * a collection, an iterable or a map (their `extends`/`implements`).
 */
function javaRowClassesOf(tree: Tree): string[] | undefined {
  return javaClassesOf(
    tree,
    (cls) => {
      // (The bases' own type arguments taken out, nested ones first: `extends BaseEntity<Map<String, Object>>` holds no items.)
      let bases = `${cls.childForFieldName('superclass')?.text ?? ''},${cls.childForFieldName('interfaces')?.text ?? ''},${cls.namedChildren.find((c) => c?.type === 'extends_interfaces')?.text ?? ''}`;
      for (let round = 0; round < 8 && bases.includes('<'); round++) bases = bases.replace(/<[^<>]*>/g, '');
      return !cls.childForFieldName('type_parameters') && !bases.split(/[\s,]+/).some((b) => HOLDS_ITEMS.test(b));
    },
    true,
  );
}

/** What a file makes of the JDK's own classes (`new ArrayList<>()`, `new IllegalStateException(…)`): no class of the workspace. */
const JDK_MADE = /^(?:String|StringBuilder|StringBuffer|Object|ArrayList|LinkedList|HashMap|LinkedHashMap|TreeMap|HashSet|LinkedHashSet|TreeSet|ConcurrentHashMap|CopyOnWriteArrayList|AtomicInteger|AtomicLong|AtomicBoolean|AtomicReference|Date|BigDecimal|BigInteger|Thread|Random|File|Integer|Long|Double|Boolean|Byte|Character|Short|Float|\w+Exception|\w+Error)$/;
/** What follows `new ` or comes before `::new`: the class made (`new org.acme.Store(…)`, `new Store<>()`, `Store::new`). */
const JAVA_NEW_AT = /new\s+(?:[a-z_]\w*\.)*([A-Z]\w*)/y;
const JAVA_METHOD_REFERENCE_AT = /([A-Z]\w*)$/;
/** A `@Bean` method's declared type (`@Bean(name = "oauth20ApprovalStore") TokenApprovalStore tokenApprovalStore(…)`). */
const JAVA_BEAN_METHOD_AT = /@Bean\b(?:\s*\([^)]*\))?(?:\s*@\w+(?:\s*\([^)]*\))?)*\s+(?:(?:public|protected|private|static|final|synchronized)\s+)*(?:<[^>]*>\s+)?(?:[a-z_]\w*\.)*([A-Z]\w*)(?:\s*<[^>]*>)?\s+\w+\s*\(/y;
const JAVA_IMPORT_AT = /@Import\s*\(([^)]*)\)/y;

/**
 * Java: the classes a file makes (`new TokenApprovalStore()`, `TokenApprovalStore::new`), declares a `@Bean` method of,
 * or `@Import`s (FileLinks.javaMade): the implementations of an interface that run, beside those annotated as beans.
 * Read where the words are (their offsets are kept across edits), not by expressions over the whole file.
 */
function javaMadeOf(words: WordSearch): string[] | undefined {
  const text = words.text;
  const made = new Set<string>();
  const at = (re: RegExp, i: number) => {
    re.lastIndex = i;
    return re.exec(text);
  };
  for (const i of words.all('new ')) {
    if (i > 0 && /[\w$.]/.test(text[i - 1])) continue;
    const m = at(JAVA_NEW_AT, i);
    if (m) made.add(m[1]);
  }
  for (const i of words.all('::new')) {
    if (/\w/.test(text[i + 5] ?? '')) continue;
    const m = JAVA_METHOD_REFERENCE_AT.exec(text.slice(Math.max(0, i - 80), i));
    if (m) made.add(m[1]);
  }
  for (const i of words.all('@Bean')) {
    const m = at(JAVA_BEAN_METHOD_AT, i);
    if (m) made.add(m[1]);
  }
  for (const i of words.all('@Import')) {
    const m = at(JAVA_IMPORT_AT, i);
    if (m) for (const c of m[1].matchAll(/\b([A-Z]\w*)\.class\b/g)) made.add(c[1]);
  }
  const out = [...made].filter((c) => !JDK_MADE.test(c)).sort();
  return out.length ? out : undefined;
}

/**
 * Java: the getters Lombok generates in each class, `getName`, `isActive` for a `boolean`: for every field not static
 * of a class annotated `@Data`, `@Getter` or `@Value`, and for a field annotated `@Getter` (not `AccessLevel.NONE`).
 */
function lombokGettersOf(tree: Tree): Record<string, string[]> | undefined {
  // Classes are declared at the top or in another's body: read those, not the whole tree (merge runs on every edit).
  let out: Record<string, string[]> | undefined;
  const annotations = (n: Node): string[] =>
    (n.namedChildren.find((c) => c?.type === 'modifiers')?.namedChildren ?? []).flatMap((a) => (a && (a.type === 'marker_annotation' || a.type === 'annotation') ? [a.text] : []));
  const visit = (members: (Node | null)[]) => {
    for (const cls of members) {
      if (cls?.type !== 'class_declaration') continue;
      const name = cls.childForFieldName('name')?.text;
      const body = cls.childForFieldName('body')?.namedChildren ?? [];
      const every = annotations(cls).some((a) => LOMBOK_CLASS_GETTERS.test(a));
      const getters: string[] = [];
      for (const f of body) {
        if (f?.type !== 'field_declaration') continue;
        const own = annotations(f).find((a) => LOMBOK_FIELD_GETTER.test(a));
        const isStatic = f.namedChildren.find((c) => c?.type === 'modifiers')?.children.some((c) => c?.type === 'static');
        if (own ? own.includes('AccessLevel.NONE') : !every || isStatic) continue;
        const prefix = f.childForFieldName('type')?.type === 'boolean_type' ? 'is' : 'get';
        for (const d of f.childrenForFieldName('declarator')) {
          const field = d?.childForFieldName('name')?.text;
          if (field) getters.push(prefix + field[0].toUpperCase() + field.slice(1));
        }
      }
      if (name && getters.length) (out ??= {})[name] = getters;
      visit(body);
    }
  };
  visit(tree.rootNode.namedChildren);
  return out;
}

const LOMBOK_CLASS_GETTERS = /^@(?:lombok\.)?(?:Data|Getter|Value)\b/;
const LOMBOK_FIELD_GETTER = /^@(?:lombok\.)?Getter\b/;

/**
 * A Python method that does nothing of its own: its body only a docstring and `raise NotImplementedError`, `pass` or
 * `...`, or decorated `@abstractmethod` (Tandoor's `Integration.get_recipe_from_file`, which each importer overrides).
 */
function isAbstractMethod(fn: Node): boolean {
  const parent = fn.parent;
  if (parent?.type === 'decorated_definition' && /@(?:abc\.)?abstractmethod\b/.test(parent.text.slice(0, fn.startIndex - parent.startIndex))) return true;
  const body = fn.childForFieldName('body')?.namedChildren ?? [];
  const statements = body.filter((s) => s && s.type !== 'comment' && !(s.type === 'expression_statement' && s.firstNamedChild?.type === 'string'));
  if (statements.length !== 1) return false;
  const only = statements[0]!;
  if (only.type === 'pass_statement') return true;
  if (only.type === 'expression_statement' && only.firstNamedChild?.type === 'ellipsis') return true;
  return only.type === 'raise_statement' && /^raise\s+NotImplementedError\b/.test(only.text);
}

/**
 * Java: a callback given to a call, an object made for it (nacos's `new ClusterMetricsCallBack(…)`, `new
 * FutureCallback<…>() {…}`) or a lambda: where the call ends in an async client's request (CallFact.loopCallback).
 */
const LOOP_CALLBACK = /\bnew\s+(?:[\w.]+\.)?\w*Call[bB]ack\b|->/;

/** A call the catalogue names by its holder's name alone, which the join keeps or drops (CallRule.unlessWorkspace…). */
function joinMayDrop(match: CallMatch): boolean {
  return !!(match.unlessWorkspace || match.djangoRelation || match.mybatisPlusMapper || match.mapperOfPackage !== undefined || match.serviceBases || match.goHandleInterface || match.unlessOwnSync);
}

/** Python: strings that are dotted paths of two names or more (`"accounts.sync.refresh_stats"`), at most 200. */
function dottedStringsOf(text: string): string[] | undefined {
  const out = new Set<string>();
  for (const m of text.matchAll(/["']([a-z_]\w*(?:\.[A-Za-z_]\w*)+)["']/g)) {
    // (Not a logger's name, `getLogger("app.seeding")`, nor a test runner's: names, not jobs.)
    if (/getLogger\(\s*$|TEST_RUNNER\s*=\s*$/.test(text.slice(Math.max(0, m.index! - 20), m.index!))) continue;
    out.add(m[1]);
    if (out.size >= 200) break;
  }
  return out.size ? [...out] : undefined;
}

/**
 * JavaScript: the name of what holds the object literal function `fn` is a member of, `get: (id) => …` or `get(id) {…}`
 * (a class's field, plunk's `public static contacts = { get: … }`, a variable, `const users = { list() {…} }`, an
 * assignment's property, or an outer object's key).
 */
function objectHolder(fn: Node): string | undefined {
  const object = fn.type === 'method_definition' ? fn.parent : fn.parent?.type === 'pair' ? fn.parent.parent : undefined;
  if (object?.type !== 'object') return undefined;
  const holder = object.parent;
  switch (holder?.type) {
    case 'public_field_definition':
    case 'field_definition':
      return (holder.childForFieldName('name') ?? holder.childForFieldName('property'))?.text;
    case 'variable_declarator': {
      const name = holder.childForFieldName('name');
      return name?.type === 'identifier' ? name.text : undefined;
    }
    case 'pair':
      return holder.childForFieldName('key')?.text;
    case 'assignment_expression': {
      const left = holder.childForFieldName('left');
      return left?.type === 'member_expression' ? left.childForFieldName('property')?.text : left?.type === 'identifier' ? left.text : undefined;
    }
    default:
      return undefined;
  }
}

import { posix } from 'node:path';
import { routeLabel, type EnvRead, type FileAnalysis, type Hazard } from '../code/codeModel';
import type { FileSystem } from '../host/fileSystem';
import type { Logger } from '../host/logger';
import { isAnalysedFile, serviceForFile, servicesForFile, type EnvironmentModel, type RecipeProblem, type Service } from '../model/environment';
import { buildEnvironmentModel } from '../recipes/environmentModel';
import { signalsFor, type SignalSet } from '../signals/signalSet';
import { warningForHazard } from '../insights/hazardWarnings';
import { groupByLoop } from '../insights/loopGroups';
import type { SeverityRules } from '../insights/severityRules';
import { compareWarnings, type Warning } from '../insights/warning';
import { CallCatalogue } from '../code/hazards/callCatalogue';
import { UNKNOWN_FILE } from '../code/hazards/pydanticSettings';
import { OPS_LENS_YAML, readOpsLensConfig } from '../config/opsLensConfig';
import { isProtoFile } from '../code/protoFiles';
import { languageOfFile } from '../code/treeSitter';
import { isExampleCode, isTestFile } from '../code/analyzeFile';
import { jsonModulesForPaths } from '../code/jsonModules';
import { testFilesImported } from './testImports';
import { CodeIndex } from './codeIndex';

export interface WorkspaceAnalysis {
  model: EnvironmentModel;
  files: FileAnalysis[];
  warnings: Warning[];
  problems: RecipeProblem[];
}

/**
 * Files that belong to no service are not analysed (no recipe, no production path, nothing to warn about), except
 * the library modules services are built with (EnvironmentModel.sharedCode) and `.proto` files: services share
 * them from anywhere in the repository (protoFiles.ts).
 */
export function filesOfServices(model: EnvironmentModel, files: string[]): string[] {
  return files.filter((f) => CodeIndex.isCode(f) && isAnalysedCode(model, f));
}

/** Whether a code file (CodeIndex.isCode) is one the analysis reads (see filesOfServices). */
export function isAnalysedCode(model: EnvironmentModel, file: string): boolean {
  return isAnalysedFile(model, file) || isProtoFile(file);
}

/**
 * Every file analysed on its own (cached by content), then joined across files: routers mounted in other files,
 * handlers calling into other files. With the model, name-based guesses stay inside one service. The caller writes
 * the index's store, if it has one, once it has shown the results (`CodeIndex.keepOnDisk`). Once `signal` aborts (a
 * newer pass started), no more files are read, and the pass ends with nothing: what it read stays cached.
 */
export async function analyzeCode(index: CodeIndex, fs: FileSystem, files: string[], log?: Logger, model?: EnvironmentModel, signal?: AbortSignal): Promise<FileAnalysis[]> {
  await applyProjectCatalogue(index, fs, log);
  index.beginPass();
  const read = (file: string) => fs.readText(file);
  const failed = (file: string, e: Error) => log?.warn(`cannot analyse ${file}: ${e.message}`);
  // Tests and examples report nothing: only those the service's code imports are read, and those they import.
  let unread = files.filter((f) => !isReportedCode(f));
  const analysed = new Set(await index.ingestAll(files.filter(isReportedCode), read, failed, signal));
  if (index.poolFailure) log?.warn(`the analysis ran on the main thread: ${index.poolFailure}`);
  for (let last = [...analysed]; unread.length > 0 && last.length > 0 && !signal?.aborted; ) {
    const imported = testFilesImported(index.analysesOf(last), unread, model?.pathAliases);
    const taken = new Set(imported);
    unread = unread.filter((f) => !taken.has(f));
    last = await index.ingestAll(imported, read, failed, signal);
    for (const f of last) analysed.add(f);
  }
  if (signal?.aborted) return [];
  // JSON files the code imports for its route paths (outline's `router.get(config.id, …)` with its plugin.json): read
  // as modules of their string members, and only those.
  const json = await index.ingestJsonModules(jsonModulesForPaths(index.analysesOf([...analysed])), read);
  if (model) index.setLinkOptions({ groupOf: (f, registersRoutes) => serviceForFile(model, f, { registersRoutes })?.name, envOf: envValuesOf(model), ...(model.pathAliases ? { pathAliases: model.pathAliases } : {}) });
  const linked = index.link([...files.filter((f) => analysed.has(f)), ...json]);
  // Only source files are kept (a spec, a mapper or a .proto is read again, without a parse).
  index.endPass([...analysed].filter((f) => languageOfFile(f) !== undefined).length);
  const stored = index.lastStore;
  if (stored) {
    if (stored.unusable) log?.warn(`the analyses kept on disk were not used: ${stored.unusable}`);
    log?.info(`${stored.reused} of ${stored.analysed} source files taken unchanged from the analyses kept on disk`);
  }
  return linked;
}

/** Code whose findings are reported: not a test nor an example (see testImports.ts for when those are read). */
export function isReportedCode(file: string): boolean {
  return !isTestFile(file) && !isExampleCode(file);
}

/** Per service, the values its recipes give its variables (production's view), read once per service. */
function envValuesOf(model: EnvironmentModel): (service: string) => Record<string, string | undefined> | undefined {
  const byService = new Map<string, Record<string, string | undefined>>();
  return (name) => {
    let values = byService.get(name);
    if (!values) {
      const service = model.services.find((s) => s.name === name);
      if (!service) return undefined;
      values = Object.fromEntries(Object.entries(service.env).map(([k, v]) => [k, v.value]));
      byService.set(name, values);
    }
    return values;
  };
}

/** `calls:` in `.ops-lens.yaml` teaches the catalogue the project's own clients; re-read on every full pass. */
async function applyProjectCatalogue(index: CodeIndex, fs: FileSystem, log?: Logger): Promise<void> {
  const found = await readOpsLensConfig(fs);
  const source = found?.text ?? '';
  if (source === index.catalogueSource) return;
  for (const p of found?.config.problems ?? []) log?.warn(`${OPS_LENS_YAML}:${p.line + 1}: ${p.message}`);
  index.setCatalogue(found ? CallCatalogue.extendedWith(found.config.calls) : new CallCatalogue(), source);
  const n = (found?.config.calls.calls?.length ?? 0) + (found?.config.calls.blocking?.length ?? 0);
  if (n) log?.info(`${OPS_LENS_YAML}: ${n} call rule(s) added to the catalogue`);
}

/** Hazards joined with signals and capacity: the warnings for a set of analysed files. */
export function warningsFor(
  model: EnvironmentModel,
  files: FileAnalysis[],
  signals: SignalSet | undefined,
  rules: SeverityRules,
): Warning[] {
  const warnings: Warning[] = [];
  // The routes services register: a library module's own hazards count where one of them reaches the code (not a
  // route the module registers itself, such as a demo app's that no recipe runs, unless services built with the
  // module serve it: apollo's ApolloInfoController in apollo-common). Such a hazard names no one service.
  let served: Set<string> | undefined;
  const servedRoutes = () => (served ??= new Set(files.filter((f) => servicesForFile(model, f.file).length > 0).flatMap((f) => f.routes.map(routeLabel))));
  // The services whose code registers each route (by label): a hazard reached only from another service's routes.
  // (A label a file of no service registers too, a module's own demo controller as mall-demo's `GET /brand/listAll`,
  // names no owner: which of the two reaches the hazard is not known.)
  let owners: Map<string, (Service | undefined)[]> | undefined;
  const ownersOf = (label: string): (Service | undefined)[] => {
    if (!owners) {
      owners = new Map();
      for (const f of files) {
        const s = f.routes.length ? serviceForFile(model, f.file, { registersRoutes: true }) : undefined;
        for (const r of f.routes) {
          const label = routeLabel(r);
          const list = owners.get(label) ?? [];
          if (!list.includes(s)) owners.set(label, [...list, s]);
        }
      }
    }
    return owners.get(label) ?? [];
  };
  const routedTo = (h: Hazard, service: Service): Service => {
    // No route's: the process that runs its task, when the join knows the module that starts it (a lifespan's asyncio
    // task in app/consumer.py, which a worker's recipe of the same folder would take by its name, is the api's).
    // (Its own service when that runs one of them: hooks of one name in two services are listed together.)
    if (!h.routes.length) {
      const runners = (h.taskRunners ?? []).map((file) => serviceForFile(model, file)).filter((s) => s !== undefined);
      return runners.length && !runners.includes(service) ? runners[0] : service;
    }
    if (h.routes.some((r) => ownersOf(routeLabel(r)).includes(service))) return service;
    const others = h.routes.map((r) => ownersOf(routeLabel(r)));
    return others.every((o) => !o.includes(undefined)) ? (others.map((o) => o[0]).find((s) => s !== undefined) ?? service) : service;
  };
  // Variables a service's build writes into its code (Next.js `env`), by service.
  const buildEnv = new Map<string, Set<string>>();
  for (const f of files) {
    const name = f.buildEnv?.length ? serviceForFile(model, f.file, { registersRoutes: f.routes.length > 0 })?.name : undefined;
    if (name) buildEnv.set(name, new Set([...(buildEnv.get(name) ?? []), ...f.buildEnv!]));
  }
  for (const f of files) {
    const serving = serviceForFile(model, f.file, { registersRoutes: f.routes.length > 0 });
    // A module that declares a worker's tasks is the worker's for what no route reaches (the task, and code only it
    // calls); a helper a view calls (order_summaries beside a @shared_task) stays on the service serving that route.
    const worker = declaresWorkerTasks(f) ? serviceForFile(model, f.file, { registersRoutes: f.routes.length > 0, declaresTasks: true }) : serving;
    const parts: [Service | undefined, (h: Hazard) => boolean][] =
      worker === serving || !worker || !serving
        ? [[worker ?? serving, () => true]]
        : [
            [serving, (h) => h.routes.length > 0],
            [worker, (h) => h.routes.length === 0],
          ];
    for (const [service, mine] of parts) {
      if (!service) {
        // A library module's hazard a served route reaches: the service that serves it, with that service's signals
        // (a workspace package's query on a Next.js app's route); none when services of several serve its routes.
        const byService = new Map<Service | undefined, Hazard[]>();
        for (const h of f.hazards) {
          const routes = h.routes.filter((r) => servedRoutes().has(routeLabel(r)));
          if (!routes.length) continue;
          const owners = new Set(routes.flatMap((r) => ownersOf(routeLabel(r))));
          const to = owners.size === 1 ? [...owners][0] : undefined;
          const list = byService.get(to);
          if (list) list.push({ ...h, routes });
          else byService.set(to, [{ ...h, routes }]);
        }
        for (const [to, hazards] of byService) {
          for (const { hazard, sameLoop } of groupByLoop(hazards)) warnings.push(warningForHazard(hazard, to, to ? signalsFor(signals, to.name) : undefined, signals, rules, sameLoop));
        }
        continue;
      }
      // Code several services' images copy in (openpanel's packages/db, in the api's and the worker's) is one
      // service's by its links; a hazard only another one's routes reach is that one's.
      const byService = new Map<Service, Hazard[]>();
      const put = (to: Service, h: Hazard) => {
        const list = byService.get(to);
        if (list) list.push(h);
        else byService.set(to, [h]);
      };
      for (const h of f.hazards) if (mine(h)) put(routedTo(h, service), h);
      // A variable of code that several services' images take (a shared package copied into each) is set if any
      // of them sets it: which of them runs the read is not known.
      // (Only for code outside the service's own folder, its first link: a web and a worker built from one image each
      // run their own entry code with their own variables.)
      let sharers: Service[] | undefined;
      const primary = service.codeRoots[0]?.root;
      const shared = primary !== undefined && primary !== '.' && !f.file.startsWith(`${primary}/`);
      const setElsewhere = (name: string) =>
        shared &&
        (sharers ??= model.services.filter((o) => o !== service && o.codeRoots.some((l) => !l.file && l.root !== '.' && f.file.startsWith(`${l.root}/`)))).some(
          (o) => name in o.env || o.imageEnv?.includes(name),
        );
      for (const h of envHazards(f, service, buildEnv.get(service.name), model.dotenvFiles)) if (mine(h) && !setElsewhere(h.callee)) put(service, h);
      for (const [to, hazards] of byService) {
        for (const { hazard, sameLoop } of groupByLoop(hazards)) warnings.push(warningForHazard(hazard, to, signalsFor(signals, to.name), signals, rules, sameLoop));
      }
    }
    // A library module's code a worker of a service runs as its task, and no served route reaches: that service's
    // (dittofeed's Temporal activities in backend-lib, run by the worker service).
    if (!worker && !serving) {
      const byRunner = new Map<Service, Hazard[]>();
      for (const h of f.hazards) {
        if (!h.taskRunners?.length || h.routes.some((r) => servedRoutes().has(routeLabel(r)))) continue;
        const runner = h.taskRunners.map((file) => serviceForFile(model, file)).find((s) => s !== undefined);
        if (runner) byRunner.set(runner, [...(byRunner.get(runner) ?? []), { ...h, routes: [] }]);
      }
      for (const [runner, list] of byRunner) {
        for (const { hazard, sameLoop } of groupByLoop(list)) warnings.push(warningForHazard(hazard, runner, signalsFor(signals, runner.name), signals, rules, sameLoop));
      }
    }
  }
  return warnings.sort(compareWarnings);
}

/** The tasks a queue worker runs (hazards/backgroundTasks.ts): not a startup hook or a scheduled job, which the serving process runs. */
const WORKER_TASK = /^(?:Celery task|Huey task|dramatiq actor|RQ job)$/;

/**
 * A module of a queue worker's tasks however it is named (plane's `bgtasks/copy_s3_object.py`, `@shared_task`, beside
 * `bgtasks/email_notification_task.py`): the worker's code, as a `tasks.py` is. Not one that holds a route's handler
 * (a `views.py` with a task among its views): the serving process runs that.
 */
function declaresWorkerTasks(f: FileAnalysis): boolean {
  return !f.handled?.length && (f.links?.functions.some((fn) => fn.background !== undefined && WORKER_TASK.test(fn.background)) ?? false);
}

/** Set by the platform or the image, not by recipes: never reported. */
const PLATFORM_ENV = /^(PORT|HOST|HOSTNAME|HOME|PATH|PWD|USER|SHELL|LANG|TZ|TERM|NODE_ENV|PYTHONPATH|PYTHONUNBUFFERED|GOMAXPROCS|JAVA_HOME|K_SERVICE|K_REVISION|K_CONFIGURATION|KUBERNETES_\w+|\w+_SERVICE_(HOST|PORT)(_\w+)?|CI|DEBUG|APPDATA|LOCALAPPDATA|USERPROFILE|PROGRAMDATA|TEMP|TMP|TMPDIR|XDG_[A-Z_]+)$/;

/**
 * `env-not-in-recipe`: the service's code reads a variable that none of its recipes sets (nor the Dockerfile its
 * image is built with), and has no fallback of its own. Only said when the service's recipes declare an environment at all, and read none from a file that is not
 * in the workspace (otherwise the variables may come from `envFrom`, that env file or the image, and Ops Lens cannot know).
 */
export function envHazards(f: FileAnalysis, service: Service, buildEnv?: ReadonlySet<string>, dotenvFiles?: Readonly<Record<string, string[]>>): Hazard[] {
  const declared = Object.keys(service.env);
  if (!f.envReads?.length || declared.length === 0) return [];
  // Some of its variables come from a file that is not here (Compose `env_file: .env`, git-ignored): any may be set.
  if (service.environments?.some((e) => e.unreadEnv?.length)) return [];
  const out: Hazard[] = [];
  // Listed commented out: the recipe's authors left them to the operator (see ServiceEnvironment.optionalEnv).
  const seen = new Set<string>(service.environments?.flatMap((e) => e.optionalEnv ?? []));
  const recipes = [...new Set(service.recipes.filter((r) => r.kind === 'kubernetes/Deployment' || r.kind === 'kubernetes/StatefulSet' || r.kind === 'compose/service').map((r) => r.location.file))];
  // (A pydantic-settings field, EnvRead.anyCase: its variable in any case.)
  let anyCase: Set<string> | undefined;
  const setAnyCase = (name: string) => (anyCase ??= new Set([...declared, ...(service.imageEnv ?? [])].map((n) => n.toLowerCase()))).has(name.toLowerCase());
  for (const read of f.envReads) {
    if (read.envFiles && inSettingsEnvFile(read.name, read.envFiles, f.file, dotenvFiles)) continue;
    if (read.anyCase && setAnyCase(read.name)) continue;
    if (read.nestedDelimiter && setNested(read, [...declared, ...(service.imageEnv ?? [])])) continue;
    if (read.hasDefault || read.name in service.env || PLATFORM_ENV.test(read.name) || buildEnv?.has(read.name) || seen.has(read.name) || service.imageEnv?.includes(read.name)) continue;
    seen.add(read.name);
    out.push({
      code: 'env-not-in-recipe',
      file: f.file,
      range: read.range,
      callee: read.name,
      explanation: `\`${read.name}\` is read here with no fallback, but no recipe of ${service.name} sets it (${recipes.join(', ') || 'its recipes'} ${recipes.length === 1 ? 'declares' : 'declare'} ${declared.length} other variable${declared.length === 1 ? '' : 's'}): in production it will be empty.`,
      // On the routes that reach it (the join's, EnvRead.routes), none for a read at start-up.
      routes: read.routes ?? [],
    });
  }
  return out;
}

/**
 * A pydantic-settings field of a class with an `env_nested_delimiter` (EnvRead.nestedDelimiter) is set by any variable
 * of its name, the delimiter and more: `DB__HOST` sets `db: DbSettings` under `env_nested_delimiter="__"`.
 */
function setNested(read: EnvRead, names: readonly string[]): boolean {
  const head = read.name + read.nestedDelimiter;
  if (!read.anyCase) return names.some((n) => n.startsWith(head));
  const lower = head.toLowerCase();
  return names.some((n) => n.toLowerCase().startsWith(lower));
}

/**
 * A pydantic-settings field's variable may come from its class's `env_file` (EnvRead.envFiles): set there when the
 * file is not in the workspace (a git-ignored `.env`, one named by an expression: any variable may be), or is and sets
 * it. Relative to where the process starts, which is not known: the reading file's folder or one above it.
 */
function inSettingsEnvFile(name: string, envFiles: string[], file: string, dotenvFiles: Readonly<Record<string, string[]>> = {}): boolean {
  const lower = name.toLowerCase();
  for (const envFile of envFiles) {
    const found: string[] = [];
    if (envFile !== UNKNOWN_FILE && !envFile.startsWith('/')) {
      for (let dir = posix.dirname(file); ; dir = posix.dirname(dir)) {
        const path = posix.normalize(posix.join(dir, envFile));
        if (!path.startsWith('../') && dotenvFiles[path]) found.push(path);
        if (dir === '.' || dir === '/' || dir === '') break;
      }
    }
    if (!found.length || found.some((p) => dotenvFiles[p].some((n) => n.toLowerCase() === lower))) return true;
  }
  return false;
}

export async function analyzeWorkspace(opts: {
  fs: FileSystem;
  index: CodeIndex;
  signals?: SignalSet;
  rules: SeverityRules;
  log?: Logger;
  /** Already-built model (the editor keeps one); built from the file system otherwise. */
  model?: EnvironmentModel;
}): Promise<WorkspaceAnalysis> {
  const all = await opts.fs.listFiles();
  const model = opts.model ?? (await buildEnvironmentModel(opts.fs, all, opts.log));
  const files = await analyzeCode(opts.index, opts.fs, filesOfServices(model, all), opts.log, model);
  return { model, files, warnings: warningsFor(model, files, opts.signals, opts.rules), problems: model.problems };
}

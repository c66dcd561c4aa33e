import { posix } from 'node:path';
import type { FileSystem } from '../host/fileSystem';
import type { Logger } from '../host/logger';
import type {
  Capacity,
  CapacitySetting,
  EnvironmentModel,
  EnvironmentSource,
  RecipeKind,
  RecipeProblem,
  RecipeRef,
  Service,
  ServiceEnvironment,
} from '../model/environment';
import type { Located } from '../model/location';
import { commandSettings, envSettings } from './capacitySettings';
import { interpolateCompose, isTestCompose, normalise, resolveBuild } from './compose';
import { isDockerfile, recipeFormatOf } from './discovery';
import { helmPlacement } from './helm';
import { environmentFromPath, imageShortName, isAsideEnvironment, isProductionName, kubernetesEnvironments, type EnvWorkload } from './kubernetesEnvironments';
import { RecipeCache, type ReadAs } from './recipeFile';
import { readDotenv } from './dotenv';
import { emptyRecipeSet, mergeRecipeSets, type ComposeServiceRecipe, type ContainerRecipe, type EnvValues, type HelmComponentValues, type RecipeSet } from './recipeTypes';
import { terraformServices } from './terraform';
import { builtNotDeployed, serverBesideStaticFrontEnds, workspaceAsService } from './builtServices';
import { builtJarNames, isProjectBuild, moduleCode } from './buildModules';
import { browserApps, bundledForBrowsers, isBundlerConfig, isExtensionManifest, isFrameworkConfig, isPackageJson, packagesBelow, scriptsOfOtherProjects } from './browserApps';
import { isTsConfig, readPathAliases, workspacePackageAliases } from './pathAliases';
import { BUILD_MARKERS, copiedJars, holdsCode, linkCode, takeFromDevRecipes, type LinkInputs } from './codeLinks';
import { limitToBuiltCommands, readGoCommands, type GoCommands } from './goCommands';
import { mayBuildWorkspacePackage, workspaceDependencies, workspacePackage, type WorkspacePackage } from './workspacePackages';

/** One cache per file system: the editor keeps its file system for the session, so rebuilds reuse parses. */
const caches = new WeakMap<FileSystem, RecipeCache>();
/** Files read at once: enough to hide disk latency, few enough not to flood the event loop. */
const READ_CONCURRENCY = 16;
/** At most this many Dockerfiles are read for their stages (dockerStages.ts): a workspace of vendored examples has thousands. */
const MAX_DOCKERFILES_READ = 500;
/** A workspace of more packages than this is not read for what one build of it takes. */
const MAX_PACKAGE_MANIFESTS_READ = 500;
const MAX_POMS_READ = 500;

export interface BuildOptions {
  log?: Logger;
  /** Defaults to one cache per `fs`; pass a fresh one to measure cold parsing. */
  cache?: RecipeCache;
}

/** Reads every recipe in the file list and joins them into services, per environment, linked to their code. */
export async function buildEnvironmentModel(fs: FileSystem, files: string[], logOrOptions?: Logger | BuildOptions): Promise<EnvironmentModel> {
  const options: BuildOptions = logOrOptions && 'info' in logOrOptions ? { log: logOrOptions as Logger } : ((logOrOptions as BuildOptions) ?? {});
  const log = options.log;
  let cache = options.cache ?? caches.get(fs);
  if (!cache) {
    cache = new RecipeCache();
    caches.set(fs, cache);
  }
  const all = new Set(files);
  cache.retain(all);
  const problems: RecipeProblem[] = [];
  const perFile = new Map<string, RecipeSet>();

  const read = async (file: string, as: ReadAs, context = ''): Promise<RecipeSet | undefined> => {
    let text: string;
    try {
      text = await fs.readText(file);
    } catch (e) {
      log?.warn(`cannot read ${file}: ${(e as Error).message}`);
      return undefined;
    }
    const result = await cache!.read(file, text, as, all, context);
    problems.push(...result.problems);
    return result.recipes;
  };

  const jobs: { file: string; as: ReadAs; context: string }[] = [];
  for (const file of files) {
    const format = recipeFormatOf(file, all);
    if (!format) continue;
    jobs.push({ file, as: { format }, context: format === 'helm-values' ? JSON.stringify(helmPlacement(file, all)) : '' });
  }
  await forEachLimited(jobs, READ_CONCURRENCY, async (job) => {
    const r = await read(job.file, job.as, job.context);
    if (r) perFile.set(job.file, r);
  });
  const recipes = emptyRecipeSet();
  const manifests = new Map<string, RecipeSet>();
  // Keep file order stable (the listing is sorted) whatever order the reads finished in.
  for (const job of jobs) {
    const r = perFile.get(job.file);
    if (!r) continue;
    mergeRecipeSets(recipes, r);
    if (job.as.format === 'kubernetes' && r.workloads.length + r.autoscalers.length + r.services.length + r.configMaps.length > 0) manifests.set(job.file, r);
  }

  // Files other recipes point at: kustomize patch files, `.env` beside Compose files, `env_file` entries.
  const patchFiles = new Map<string, RecipeSet>();
  const extra: { file: string; as: ReadAs; into: 'patch' | 'dotenv' }[] = [];
  for (const k of recipes.kustomizations) {
    for (const p of k.patches) {
      if (p.path && all.has(p.path.value)) extra.push({ file: p.path.value, as: { format: 'kustomize-patch', target: p.target, json6902: p.json6902 }, into: 'patch' });
    }
  }
  const dotenvFiles = new Set<string>();
  for (const c of recipes.compose) {
    dotenvFiles.add(normalise(posix.join(posix.dirname(c.location.file), '.env')));
    for (const f of c.envFiles ?? []) dotenvFiles.add(f.value);
  }
  for (const f of dotenvFiles) if (all.has(f)) extra.push({ file: f, as: { format: 'dotenv' }, into: 'dotenv' });
  const dotenvs = new Map<string, RecipeSet>();
  await forEachLimited(extra, READ_CONCURRENCY, async (job) => {
    const r = await read(job.file, job.as);
    if (r) (job.into === 'patch' ? patchFiles : dotenvs).set(job.file, r);
  });
  for (const job of extra) recipes.dotenvs.push(...(dotenvs.get(job.file)?.dotenvs ?? []));

  // The Dockerfiles a service's image may be built with: a stage of one may take only some folders of its context
  // (a Compose build's), one named for an image's role (maxun's Dockerfile.backend) says what an image named so takes,
  // one in a folder with no code packages a build from elsewhere or only extends an upstream image, and one built
  // from the workspace root copies in shared code besides its own folder (openpanel's apps/api, linked by image name).
  const dockerfiles = new Map<string, string>();
  const readable = files.filter(isDockerfile);
  if (readable.length) {
    await forEachLimited(readable.slice(0, MAX_DOCKERFILES_READ), READ_CONCURRENCY, async (f) => {
      const text = await fs.readText(f).catch(() => undefined);
      if (text !== undefined) dockerfiles.set(f, text);
    });
  }
  // A Dockerfile that builds one package of a JavaScript workspace (`turbo prune --scope=@documenso/remix`): the
  // package.json files say which folders that package and the packages it depends on are.
  let packages: WorkspacePackage[] | undefined;
  if ([...dockerfiles.values()].some(mayBuildWorkspacePackage)) {
    const found: WorkspacePackage[] = [];
    const manifestFiles = files.filter((f) => posix.basename(f) === 'package.json' && !f.includes('node_modules/')).slice(0, MAX_PACKAGE_MANIFESTS_READ);
    await forEachLimited(manifestFiles, READ_CONCURRENCY, async (f) => {
      const text = await fs.readText(f).catch(() => undefined);
      const p = text === undefined ? undefined : workspacePackage(f, text);
      if (p) found.push(p);
    });
    packages = found.sort((a, b) => a.dir.localeCompare(b.dir));
  }
  // A Dockerfile that copies in a jar (`COPY ./jar/ruoyi-modules-system.jar …`): the pom.xml files say which module builds it.
  let jarModules: Map<string, string> | undefined;
  if ([...dockerfiles.values()].some((t) => copiedJars(t).length > 0)) {
    const found = new Map<string, string>();
    const poms = files.filter((f) => posix.basename(f) === 'pom.xml').sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
    const texts = new Map<string, string>();
    await forEachLimited(poms.slice(0, MAX_POMS_READ), READ_CONCURRENCY, async (f) => {
      const text = await fs.readText(f).catch(() => undefined);
      if (text !== undefined) texts.set(f, text);
    });
    // The shallowest module first, where two name the same jar.
    for (const f of poms) for (const name of builtJarNames(texts.get(f) ?? '')) if (!found.has(name)) found.set(name, posix.dirname(f));
    jarModules = found;
  }
  // Go: which folders are commands, for a module of several whose image builds one (goCommands.ts).
  const go = await readGoCommands(files, (f) => fs.readText(f).catch(() => undefined));
  const services = joinEnvironments(recipes, manifests, patchFiles, files, fs.rootName, dockerfiles, packages, jarModules, go);
  const built = builtNotDeployed(files, services, fs.rootName, dockerfiles);
  const whole =
    workspaceAsService(files, [...services, ...built], fs.rootName) ??
    (await serverBesideStaticFrontEnds(files, services, built, dockerfiles, (f) => fs.readText(f).catch(() => undefined), fs.rootName));
  for (const s of [...built, ...(whole ? [whole] : [])]) {
    if (go) limitToBuiltCommands(s, go, [s.name], fs.rootName);
    services.push(s);
  }
  services.sort((a, b) => a.name.localeCompare(b.name));
  // Build files that are not recipes, read together: which modules are libraries, which folders are browser apps
  // (with the Nuxt and Next configurations and the browser extensions' manifests that may say so), which imports
  // tsconfig aliases.
  const buildTexts = new Map<string, string>();
  await forEachLimited(
    files.filter((f) => isProjectBuild(f) || isPackageJson(f) || isTsConfig(f) || isFrameworkConfig(f) || isBundlerConfig(f) || isExtensionManifest(f)),
    READ_CONCURRENCY,
    async (f) => {
      const text = await fs.readText(f).catch(() => undefined);
      if (text !== undefined) buildTexts.set(f, text);
    },
  );
  const { shared: moduleShared, sharedBy, builtInto } = moduleCode(buildTexts, files, services);
  for (const [service, links] of builtInto) service.codeRoots.push(...links);
  // …and the JavaScript workspace packages the services' own packages depend on, which no service's code holds.
  const sharedCode = [...moduleShared, ...workspaceDependencies(buildTexts, services.flatMap((s) => s.codeRoots.map((l) => l.root)))];
  const apps = browserApps(buildTexts);
  const browserCode = [...apps, ...bundledForBrowsers(buildTexts), ...scriptsOfOtherProjects(files)];
  const ownPackages = packagesBelow(buildTexts, apps);
  const pathAliases = [...readPathAliases(buildTexts), ...workspacePackageAliases(buildTexts)];
  // The workspace's dotenv files and the variables each sets: what a pydantic-settings `env_file` the code names loads.
  const dotenvNames: Record<string, string[]> = {};
  await forEachLimited(files.filter((f) => DOTENV_NAME.test(posix.basename(f))).slice(0, MAX_DOTENV_READ), READ_CONCURRENCY, async (f) => {
    const text = await fs.readText(f).catch(() => undefined);
    if (text !== undefined) dotenvNames[f] = Object.keys(readDotenv(f, text).values);
  });
  return {
    services,
    problems: dedupeProblems(problems),
    ...(sharedCode.length ? { sharedCode } : {}),
    ...(sharedBy.size ? { sharedBy: Object.fromEntries([...sharedBy].map(([m, by]) => [m, by.map((s) => s.name).sort()])) } : {}),
    ...(browserCode.length ? { browserCode } : {}),
    ...(ownPackages.length ? { ownPackages } : {}),
    ...(pathAliases.length ? { pathAliases } : {}),
    ...(Object.keys(dotenvNames).length ? { dotenvFiles: dotenvNames } : {}),
  };
}

/** A dotenv file's name: `.env`, `.env.production`, `prod.env`. */
const DOTENV_NAME = /^(?:\.env(?:\.[\w-]+)*|[\w.-]+\.env)$/;
const MAX_DOTENV_READ = 200;

/** Kept for callers that join already-read recipes (every Kubernetes object counted as one plain environment). */
export function joinServices(recipes: RecipeSet, files: string[]): Service[] {
  const manifests = new Map<string, RecipeSet>();
  const byFile = new Map<string, RecipeSet>();
  const at = (file: string) => byFile.get(file) ?? (byFile.set(file, emptyRecipeSet()), byFile.get(file)!);
  for (const w of recipes.workloads) at(w.location.file).workloads.push(w);
  for (const a of recipes.autoscalers) at(a.location.file).autoscalers.push(a);
  for (const s of recipes.services) at(s.location.file).services.push(s);
  for (const c of recipes.configMaps) at(c.location.file).configMaps.push(c);
  for (const [f, r] of byFile) manifests.set(f, r);
  return joinEnvironments(recipes, manifests, new Map(), files);
}

interface Contribution {
  serviceName: string;
  environment: ServiceEnvironment;
  recipes: RecipeRef[];
  images: Located<string>[];
  compose?: ComposeServiceRecipe;
  codeRoot?: { root: string; reason: string; evidence?: import('../model/location').SourceLocation; role?: import('../model/environment').ProcessRole };
}

function joinEnvironments(
  recipes: RecipeSet,
  manifests: ReadonlyMap<string, RecipeSet>,
  patchFiles: ReadonlyMap<string, RecipeSet>,
  files: string[],
  rootName?: string,
  dockerfiles?: ReadonlyMap<string, string>,
  packages?: readonly WorkspacePackage[],
  jarModules?: ReadonlyMap<string, string>,
  go?: GoCommands,
): Service[] {
  const contributions: Contribution[] = [
    ...kubernetesContributions(recipes, manifests, patchFiles),
    ...helmContributions(recipes),
    ...composeContributions(recipes),
    ...[...recipes.plain, ...terraformServices(recipes.terraform)].map(plainContribution),
  ];
  const byName = new Map<string, Contribution[]>();
  for (const c of contributions) byName.set(c.serviceName, [...(byName.get(c.serviceName) ?? []), c]);
  for (const link of recipes.links) if (!byName.has(link.service)) byName.set(link.service, []);

  const inputs: LinkInputs = {
    files,
    dockerfileDirs: dirsByName(files, isDockerfile),
    buildFileDirs: dirsByName(files, (f) => BUILD_MARKERS.test(f)),
    skaffold: recipes.skaffold,
    links: recipes.links,
    rootName,
    dockerfiles,
    packages,
    jarModules,
    deployedRoots: new Map(),
  };
  const services: Service[] = [];
  for (const [name, list] of byName) {
    list.sort((a, b) => compareEnvironments(a.environment, b.environment));
    const envs = dedupeEnvironments(list.map((c) => c.environment));
    const primary = envs[0];
    const service: Service = {
      name,
      namespace: primary?.namespace,
      workload: primary?.workload,
      recipes: dedupeRefs(list.flatMap((c) => c.recipes)),
      capacity: productionView(envs),
      codeRoots: [],
      env: productionEnv(envs),
      environments: envs,
    };
    if (!service.workload) delete service.workload;
    if (!service.namespace) delete service.namespace;
    linkCode(service, list, inputs);
    if (go) limitToBuiltCommands(service, go, [name, ...list.flatMap((c) => c.images.map((i) => imageShortName(i.value)))], rootName);
    services.push(service);
  }
  takeFromDevRecipes(services, inputs.deployedRoots!, rootName, go?.mains);
  return services.sort((a, b) => a.name.localeCompare(b.name));
}

function kubernetesContributions(recipes: RecipeSet, manifests: ReadonlyMap<string, RecipeSet>, patchFiles: ReadonlyMap<string, RecipeSet>): Contribution[] {
  const out: Contribution[] = [];
  for (const env of kubernetesEnvironments(manifests, recipes.kustomizations, patchFiles)) {
    const configMaps = new Map(env.configMaps.map((c) => [`${c.namespace ?? ''}/${c.name}`, c]));
    // Workloads of different names under one `app` label (Tandoor's `recipes` Deployment and `recipes-postgresql`
    // StatefulSet, told apart by `tier`): a service each, by workload name.
    const names = new Map<string, Set<string>>();
    for (const w of env.workloads) names.set(w.serviceName, (names.get(w.serviceName) ?? new Set()).add(w.name));
    const seen = new Set<string>();
    for (const shared of env.workloads) {
      const w = (names.get(shared.serviceName)?.size ?? 0) > 1 ? { ...shared, serviceName: shared.name } : shared;
      // Two workloads of one service in one environment (a copy in another folder): the first one counts.
      if (seen.has(w.serviceName)) continue;
      seen.add(w.serviceName);
      const main = mainContainer(w);
      const capacity: Capacity = {
        replicas: w.replicas,
        cpuRequest: main?.cpuRequest,
        cpuLimit: main?.cpuLimit,
        memoryRequest: main?.memoryRequest,
        memoryLimit: main?.memoryLimit,
      };
      const refs: RecipeRef[] = [{ kind: `kubernetes/${w.kind}` as RecipeKind, name: w.name, location: w.location }];
      const hpa = env.autoscalers.find(
        (a) => a.targetName === w.name && (!a.targetKind || a.targetKind === w.kind) && (a.namespace ?? '') === (w.namespace ?? a.namespace ?? ''),
      );
      if (hpa) {
        capacity.autoscaling = { name: hpa.name, location: hpa.location, minReplicas: hpa.minReplicas, maxReplicas: hpa.maxReplicas, targetCpuUtilization: hpa.targetCpuUtilization };
        refs.push({ kind: 'kubernetes/HorizontalPodAutoscaler', name: hpa.name, location: hpa.location });
      }
      for (const s of env.services) {
        if ((s.selector['app.kubernetes.io/name'] ?? s.selector['app']) === w.serviceName) refs.push({ kind: 'kubernetes/Service', name: s.name, location: s.location });
      }
      const env_: EnvValues = {};
      // envFrom first, explicit env wins over it (Kubernetes' own order).
      for (const ref of main?.envFrom ?? []) {
        const cm = configMaps.get(`${w.namespace ?? ''}/${ref.configMap}`) ?? configMaps.get(`/${ref.configMap}`);
        if (!cm) continue;
        refs.push({ kind: 'kubernetes/ConfigMap', name: cm.name, location: cm.location });
        for (const [k, v] of Object.entries(cm.data)) env_[k] = v;
      }
      Object.assign(env_, main?.env ?? {});
      for (const ref of main?.envRefs ?? []) {
        const v = (configMaps.get(`${w.namespace ?? ''}/${ref.configMap}`) ?? configMaps.get(`/${ref.configMap}`))?.data[ref.key];
        if (v) env_[ref.name] = v;
      }
      capacity.settings = settingsOf(env_, main?.commandLine);
      refs.push(...(env.changes.get(w.name) ?? []));
      out.push({
        serviceName: w.serviceName,
        environment: { name: env.name, source: env.source, definedIn: env.definedIn, capacity: clean(capacity), env: env_, workload: w.name, namespace: w.namespace },
        recipes: refs,
        images: w.containers.flatMap((c) => (c.image ? [c.image] : [])).sort((a, b) => (main?.image === a ? -1 : main?.image === b ? 1 : 0)),
      });
    }
  }
  return out;
}

/** The main container: the one named like the workload or its service, else the first (sidecars come later by convention). */
function mainContainer(w: EnvWorkload): ContainerRecipe | undefined {
  return w.containers.find((c) => c.name === w.name || c.name === w.serviceName) ?? w.containers[0];
}

/** Keys a chart's values keep its own workload under, rather than a component's name. */
const WRAPPER_KEYS = /^(?:app|application|deployment|workload|main)$/;

function helmContributions(recipes: RecipeSet): Contribution[] {
  const out: Contribution[] = [];
  const chartNames = new Map(recipes.helmCharts.map((c) => [c.dir, c.name.value]));
  const byChart = new Map<string, typeof recipes.helmValues>();
  for (const v of recipes.helmValues) byChart.set(v.chartDir, [...(byChart.get(v.chartDir) ?? []), v]);
  for (const [chartDir, values] of byChart) {
    const base = values.filter((v) => v.environment === 'default');
    const envNames = [...new Set(values.map((v) => v.environment))];
    for (const envName of envNames) {
      const layers = envName === 'default' ? base : [...base, ...values.filter((v) => v.environment === envName)];
      const chartName = chartNames.get(chartDir) ?? posix.basename(chartDir);
      const keys = [...new Set(layers.flatMap((l) => l.components.map((c) => c.key)))];
      // The chart's own workload kept under a key that names no service (`app:`, quarkus-super-heroes' charts;
      // `deployment:` beside the top level's autoscaling and other components, formbricks'): read with the top level,
      // as the chart's (its templates name that Deployment after the chart).
      const own = (key: string) => key === '' || WRAPPER_KEYS.test(key);
      for (const key of new Set(keys.map((k) => (own(k) ? '' : k)))) {
        const c = layerHelm(layers.flatMap((l) => l.components.filter((x) => (own(x.key) ? '' : x.key) === key)));
        if (c.create?.value === false) continue;
        const name = c.name?.value ?? (key === '' ? chartName : key);
        const capacity: Capacity = {
          replicas: c.replicas,
          cpuRequest: c.cpuRequest,
          cpuLimit: c.cpuLimit,
          memoryRequest: c.memoryRequest,
          memoryLimit: c.memoryLimit,
        };
        // The scaffold's autoscaling block only applies when enabled (its default is `enabled: false`).
        if (c.autoscalingEnabled?.value !== false && (c.minReplicas || c.maxReplicas)) {
          capacity.autoscaling = { name, location: c.autoscalingLocation ?? c.location, minReplicas: c.minReplicas, maxReplicas: c.maxReplicas, targetCpuUtilization: c.targetCpuUtilization };
        }
        if (capacity.autoscaling) capacity.replicas = undefined; // the chart leaves replicas to the autoscaler
        capacity.settings = settingsOf(c.env);
        const last = layers[layers.length - 1];
        out.push({
          serviceName: name,
          environment: { name: envName, source: 'helm', definedIn: envName === 'default' ? base[0]?.file ?? last.file : last.file, capacity: clean(capacity), env: c.env },
          recipes: [{ kind: 'helm/values', name: key || name, location: c.location }],
          images: c.imageRepository ? [c.imageRepository] : [],
        });
      }
    }
  }
  return out;
}

/** Later layers (values-prod.yaml over values.yaml) win field by field, each value keeping its own line. */
function layerHelm(layers: HelmComponentValues[]): HelmComponentValues {
  const out: HelmComponentValues = { ...layers[0], env: { ...layers[0].env } };
  for (const l of layers.slice(1)) {
    for (const [k, v] of Object.entries(l) as [keyof HelmComponentValues, unknown][]) {
      if (k === 'env') Object.assign(out.env, l.env);
      else if (v !== undefined && k !== 'key') (out as unknown as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}

function composeContributions(recipes: RecipeSet): Contribution[] {
  const dotenv = new Map(recipes.dotenvs.map((d) => [d.file, d]));
  const groups = new Map<string, ComposeServiceRecipe[]>();
  // Base files first, overrides last: the order `docker compose -f a -f b` layers them in.
  const ordered = [...recipes.compose].sort((a, b) => composeOrder(a.location.file) - composeOrder(b.location.file) || a.location.file.localeCompare(b.location.file));
  for (const c of ordered) {
    const env = composeEnvironment(c.location.file);
    const key = `${env}\u0000${c.name}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const out: Contribution[] = [];
  for (const [key, layers] of groups) {
    const envName = key.split('\u0000')[0];
    const merged: ComposeServiceRecipe = { ...structuredClone(layers[0]), env: {} };
    for (const l of layers) {
      for (const [k, v] of Object.entries(l) as [keyof ComposeServiceRecipe, unknown][]) {
        if (k !== 'env' && k !== 'location' && v !== undefined) (merged as unknown as Record<string, unknown>)[k] = structuredClone(v);
      }
    }
    // What the container runs, as Docker runs it: the entrypoint with the command appended (DefectDojo's services name
    // their process only in `entrypoint: [/wait-for-it.sh, …, --, /entrypoint-uwsgi.sh]`). Not from a file for a
    // test run, which runs a test suite in the service's place (its `docker-compose.override.unit_tests.yml`).
    const run = layers.filter((l) => !isTestCompose(l.location.file));
    const entrypoint = run.reduce<string | undefined>((v, l) => l.entrypoint?.value ?? v, undefined);
    const command = run.reduce<string | undefined>((v, l) => l.commandLine?.value ?? v, undefined);
    const processLine = [entrypoint, command].filter((p) => p !== undefined).join(' ');
    if (processLine) merged.processLine = processLine;
    // env_file values first, `environment:` wins over them; layers in order.
    for (const l of layers) {
      for (const f of l.envFiles ?? []) Object.assign(merged.env, dotenv.get(f.value)?.values ?? {});
      Object.assign(merged.env, l.env);
    }
    // `${VAR}` in build paths and images comes from the `.env` beside the Compose file (Compose's own rule).
    const vars = dotenv.get(normalise(posix.join(posix.dirname(merged.location.file), '.env')))?.values ?? {};
    const plain = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, v.value]));
    if (merged.build) resolveBuild(merged, (s) => interpolateCompose(s, plain));
    if (merged.image?.value.includes('$')) {
      const image = interpolateCompose(merged.image.value, plain);
      if (image !== undefined) merged.image = { value: image, location: merged.image.location };
    }
    const capacity: Capacity = {
      replicas: merged.replicas,
      cpuRequest: merged.cpuRequest,
      cpuLimit: merged.cpuLimit,
      memoryRequest: merged.memoryRequest,
      memoryLimit: merged.memoryLimit,
      settings: settingsOf(merged.env, merged.commandLine),
    };
    // An env_file that is not in the workspace (a git-ignored `.env`): its variables are set, but unknown here.
    const unreadEnv = layers.flatMap((l) => (l.envFiles ?? []).filter((f) => !dotenv.has(f.value)));
    const optionalEnv = [...new Set(layers.flatMap((l) => l.optionalEnv ?? []))].filter((name) => !(name in merged.env));
    out.push({
      serviceName: merged.name,
      environment: {
        name: envName,
        source: 'compose',
        definedIn: layers.map((l) => l.location.file).filter((f, i, a) => a.indexOf(f) === i).join(', '),
        capacity: clean(capacity),
        env: merged.env,
        ...(unreadEnv.length ? { unreadEnv } : {}),
        ...(optionalEnv.length ? { optionalEnv } : {}),
      },
      recipes: layers.map((l) => ({ kind: 'compose/service', name: l.name, location: l.location })),
      // Every layer's image: files layered by name are often alternatives (Unleash's docker-compose.yml runs
      // unleash-server, its docker-compose-enterprise.yml unleash-enterprise), and either says what code runs.
      images: [merged.image, ...layers.map((l) => l.image)].filter((i): i is NonNullable<typeof i> => i !== undefined),
      compose: merged,
    });
  }
  return out;
}

function composeOrder(file: string): number {
  const base = posix.basename(file);
  if (/^(docker-)?compose\.ya?ml$/.test(base)) return 0;
  if (/override/.test(base)) return 2;
  return 1;
}

function composeEnvironment(file: string): string {
  const m = /compose\.([\w-]+)\.ya?ml$/.exec(posix.basename(file));
  return (m && environmentFromPath(`${m[1]}/x`)) ?? 'compose';
}

function plainContribution(p: RecipeSet['plain'][number]): Contribution {
  const capacity: Capacity = {
    replicas: p.replicas,
    cpuRequest: p.cpuRequest,
    cpuLimit: p.cpuLimit,
    memoryRequest: p.memoryRequest,
    memoryLimit: p.memoryLimit,
    settings: [...p.settings, ...envSettings(p.env)],
  };
  if (p.minReplicas || p.maxReplicas) {
    capacity.autoscaling = {
      name: p.autoscalingName ?? p.name,
      location: p.autoscalingLocation ?? p.location,
      minReplicas: p.minReplicas,
      maxReplicas: p.maxReplicas,
      targetCpuUtilization: p.targetCpuUtilization,
    };
  }
  return {
    serviceName: p.name,
    environment: { name: p.environment, source: p.format as EnvironmentSource, definedIn: p.location.file, capacity: clean(capacity), env: p.env },
    recipes: [{ kind: p.kind as RecipeKind, name: p.name, location: p.location }, ...(p.parts ?? []).map((x) => ({ kind: x.kind as RecipeKind, name: x.name, location: x.location }))],
    images: p.image ? [p.image] : [],
    codeRoot: p.codeRoot,
  };
}

function settingsOf(env: EnvValues, commandLine?: Located<string>): CapacitySetting[] {
  return [...envSettings(env), ...(commandLine ? commandSettings(commandLine) : [])];
}

/** Production first: a production name, then neutral ones, then staging, then development; Compose last. */
const SOURCE_RANK: Record<EnvironmentSource, number> = { kubernetes: 0, kustomize: 1, helm: 2, terraform: 3, fly: 4, 'app-engine': 5, procfile: 6, compose: 7 };

function nameRank(name: string): number {
  if (isProductionName(name)) return 0;
  if (/^(staging|stage|stg|preprod|pre-prod|uat)$/i.test(name)) return 2;
  if (/^(dev|development|local|test|testing|qa|sandbox|preview)$/i.test(name)) return 3;
  if (isAsideEnvironment(name)) return 4;
  return 1;
}

function compareEnvironments(a: ServiceEnvironment, b: ServiceEnvironment): number {
  const compose = Number(a.source === 'compose') - Number(b.source === 'compose');
  return compose || nameRank(a.name) - nameRank(b.name) || SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || a.definedIn.localeCompare(b.definedIn);
}

function dedupeEnvironments(envs: ServiceEnvironment[]): ServiceEnvironment[] {
  const seen = new Set<string>();
  return envs.filter((e) => {
    const k = `${e.source}|${e.name}|${e.definedIn}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const CAPACITY_FIELDS = ['replicas', 'autoscaling', 'cpuRequest', 'cpuLimit', 'memoryRequest', 'memoryLimit'] as const;

/**
 * The production (or default) view: the first environment's capacity, with what it leaves unsaid filled from
 * production-like or neutral environments and Compose, never from staging or development ones. Every value keeps
 * the line it came from, so a filled-in value is visibly from another recipe.
 */
function productionView(envs: ServiceEnvironment[]): Capacity {
  const fillers = envs.filter((e, i) => i === 0 || nameRank(e.name) <= 1 || e.source === 'compose');
  const out: Capacity = {};
  for (const f of CAPACITY_FIELDS) {
    const from = fillers.find((e) => e.capacity[f] !== undefined);
    if (from) (out as Record<string, unknown>)[f] = from.capacity[f];
  }
  const settings: CapacitySetting[] = [];
  for (const e of fillers) for (const s of e.capacity.settings ?? []) if (!settings.some((x) => x.kind === s.kind && x.name === s.name)) settings.push(s);
  if (settings.length) out.settings = settings;
  return out;
}

function productionEnv(envs: ServiceEnvironment[]): EnvValues {
  const fillers = envs.filter((e, i) => i === 0 || nameRank(e.name) <= 1 || e.source === 'compose');
  const out: EnvValues = {};
  for (const e of fillers) for (const [k, v] of Object.entries(e.env)) if (!(k in out)) out[k] = v;
  return out;
}

function clean(c: Capacity): Capacity {
  const out: Capacity = {};
  for (const [k, v] of Object.entries(c)) if (v !== undefined && !(Array.isArray(v) && v.length === 0)) (out as Record<string, unknown>)[k] = v;
  return out;
}

function dedupeRefs(refs: RecipeRef[]): RecipeRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.kind}|${r.location.file}|${r.location.range.start.line}|${r.location.range.start.character}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function dedupeProblems(problems: RecipeProblem[]): RecipeProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.location.file}|${p.location.range.start.line}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Folder name → folders of that name holding a file that `holds` accepts (a Dockerfile, a build file). */
function dirsByName(files: string[], holds: (file: string) => boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of files) {
    if (!holds(f)) continue;
    const dir = posix.dirname(f);
    const name = posix.basename(dir === '.' ? '' : dir);
    if (!name) continue;
    const list = out.get(name) ?? [];
    if (!list.includes(dir)) list.push(dir);
    out.set(name, list);
  }
  return out;
}

async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export type { Contribution };

import type { Located, SourceLocation } from './location';

export type RecipeKind =
  | 'kubernetes/Deployment'
  | 'kubernetes/StatefulSet'
  | 'kubernetes/DaemonSet'
  | 'kubernetes/CronJob'
  | 'kubernetes/HorizontalPodAutoscaler'
  | 'kubernetes/Service'
  | 'kubernetes/ConfigMap'
  | 'kustomize/replicas'
  | 'kustomize/patch'
  | 'helm/values'
  | 'compose/service'
  | 'skaffold/artifact'
  | 'terraform/aws_ecs_service'
  | 'terraform/aws_ecs_task_definition'
  | 'terraform/aws_appautoscaling_target'
  | 'terraform/aws_appautoscaling_policy'
  | 'terraform/aws_autoscaling_group'
  | 'terraform/aws_db_instance'
  | 'terraform/aws_db_parameter_group'
  | 'fly/app'
  | 'app-engine/service'
  | 'procfile/process'
  | 'ops-lens/link';

export interface RecipeRef {
  kind: RecipeKind;
  /** The object's name in its recipe (Deployment name, Compose service key, …). */
  name: string;
  location: SourceLocation;
}

export interface Autoscaling {
  /** The autoscaler's own name (HPA metadata.name), which is how kube-state-metrics labels it. */
  name: string;
  location: SourceLocation;
  minReplicas?: Located<number>;
  maxReplicas?: Located<number>;
  targetCpuUtilization?: Located<number>;
}

/**
 * A capacity number that is not a Kubernetes field: read from env values whose names say what they are
 * (`PG_POOL_MAX`, `REQUEST_TIMEOUT_MS`), command-line flags (`gunicorn --workers 4 --timeout 30`), fly.toml
 * concurrency limits, App Engine scaling, or a database's `max_connections`.
 */
export interface CapacitySetting {
  kind: 'poolSize' | 'timeout' | 'workers' | 'threads' | 'concurrency' | 'maxConnections';
  /** Where the value came from: the variable, flag or field name (`PG_POOL_MAX`, `--timeout`, `soft_limit`). */
  name: string;
  /** Seconds for timeouts; a count otherwise. */
  value: number;
  location: SourceLocation;
}

/** CPU in cores, memory in bytes. */
export interface Capacity {
  replicas?: Located<number>;
  autoscaling?: Autoscaling;
  cpuRequest?: Located<number>;
  cpuLimit?: Located<number>;
  memoryRequest?: Located<number>;
  memoryLimit?: Located<number>;
  /** Pool sizes, timeouts, worker counts: each with the name it was read from. */
  settings?: CapacitySetting[];
}

/** The recipe format an environment comes from. */
export type EnvironmentSource = 'kubernetes' | 'kustomize' | 'helm' | 'compose' | 'terraform' | 'fly' | 'app-engine' | 'procfile';

/** The capacity a service has in one environment (a kustomize overlay, a Helm values file, Compose, …). */
export interface ServiceEnvironment {
  /** `prod`, `staging`, `default`, `compose`, a kustomize overlay's folder name, … */
  name: string;
  source: EnvironmentSource;
  /** The file or folder that defines this environment (`deploy/overlays/prod`, `charts/shop/values-prod.yaml`). */
  definedIn: string;
  capacity: Capacity;
  env: Record<string, Located<string | undefined>>;
  /** Where more variables come from that Ops Lens cannot read (an `env_file` not in the workspace, often `.env`). */
  unreadEnv?: Located<string>[];
  /**
   * Variables the recipe lists commented out (`# SMTP_HOST: …` in Compose's `environment:`): options its authors left
   * for the operator to set, so code that reads them is not missing them.
   */
  optionalEnv?: string[];
  /** The workload's name in this environment (kustomize `namePrefix` changes it). */
  workload?: string;
  namespace?: string;
}

export type LinkConfidence = 'high' | 'medium' | 'low';

/** Why a service is believed to run the code under `root`: every link says how it was made. */
/** What a process does with the code it runs: serve the requests, or work beside them (queues, schedules). */
export type ProcessRole = 'requests' | 'background';

export interface CodeLink {
  root: string;
  reason: string;
  confidence: LinkConfidence;
  evidence?: SourceLocation;
  /** Set when the recipe says (a command, a process name): decides which of several services on one folder owns its code. */
  role?: ProcessRole;
  /**
   * The root is one file the image copies alone (onyx's model server takes `onyx/utils/logger.py` out of the API
   * server's folder): the service's when no service runs a folder that holds it.
   */
  file?: boolean;
  /**
   * Folders under the root that the service does not run: its Go module's other commands (dtm's `helper/bench` beside
   * the root's `main.go` its image runs; recipes/goCommands.ts).
   */
  excludes?: string[];
  /** Go: the packages the Dockerfile the service is built with compiles (`go build ./cmd/server`), as workspace paths. */
  goBuilds?: string[];
}

export interface Service {
  name: string;
  namespace?: string;
  /** The workload's name in the cluster (Deployment name); pods are named after it. */
  workload?: string;
  recipes: RecipeRef[];
  capacity: Capacity;
  codeRoots: CodeLink[];
  env: Record<string, Located<string | undefined>>;
  /**
   * Capacity per environment, the production one first. `capacity` and `env` above are the production
   * (or default) view: the first environment, with what it leaves unsaid filled from the others.
   */
  environments?: ServiceEnvironment[];
  /** Why no code folder could be linked, when `codeRoots` is empty (e.g. it runs a third-party image). */
  unlinkedReason?: string;
  /** Variables the Dockerfile its Compose file builds it with sets (`ENV`, `ARG`): its code finds them set. */
  imageEnv?: string[];
}

export interface RecipeProblem {
  location: SourceLocation;
  message: string;
  /** Absent means error (the file could not be read); 'info' says what was deliberately not read. */
  severity?: 'error' | 'warning' | 'info';
}

export interface EnvironmentModel {
  services: Service[];
  /** Recipes that could not be read, each at the line where reading failed. */
  problems: RecipeProblem[];
  /** Library modules of a multi-module build that services are built with (recipes/buildModules.ts). */
  sharedCode?: string[];
  /** Per shared module, the services whose build depends on it (by name): each serves the routes it registers. */
  sharedBy?: Record<string, string[]>;
  /** Folders of single-page apps, whose code runs in browsers (recipes/browserApps.ts): not analysed. */
  browserCode?: string[];
  /** Packages with a package.json of their own inside those folders, judged by it (recipes/browserApps.ts packagesBelow). */
  ownPackages?: string[];
  /** TypeScript's `paths` aliases (recipes/pathAliases.ts), for the workspace join's imports. */
  pathAliases?: PathAlias[];
  /**
   * The workspace's dotenv files (`.env`, `backend/.env`, `prod.env`) and the names of the variables each sets: what a
   * pydantic-settings `env_file` the code names loads (EnvRead.envFiles). None here: such a file is not in the workspace.
   */
  dotenvFiles?: Record<string, string[]>;
}

/** One `paths` entry of a tsconfig.json (`@config/*` → `src/configs/*`), for the files under that tsconfig's folder. */
export interface PathAlias {
  /** The folder of the tsconfig.json ('' at the root); targets are relative to its baseUrl, already joined here. */
  dir: string;
  /** The import's start (`@config/`, or a whole name without `*`), and the folders it stands for. */
  prefix: string;
  targets: string[];
  /** The pattern ends with `*`: the rest of the import follows the target. */
  wildcard: boolean;
}

/**
 * Whether a file's code is analysed: it belongs to a service, or to a library module services are built with (its
 * functions are joined with theirs; its own hazards are reported only where a service's route reaches them), and it
 * is not a single-page app's, which runs in browsers.
 */
export function isAnalysedFile(model: EnvironmentModel, file: string): boolean {
  const under = (dir: string) => dir === '.' || file.startsWith(`${dir}/`);
  // Only its JavaScript: a repository whose root package.json builds the front end (JHipster) has its server beside it.
  // The deepest folder decides: a package of its own inside a browser app's folder is not that app's.
  const deepest = (dirs: readonly string[]) => Math.max(-1, ...dirs.filter(under).map((d) => (d === '.' ? 0 : d.split('/').length)));
  if (/\.[cm]?[jt]sx?$/.test(file) && deepest(model.browserCode ?? []) > deepest(model.ownPackages ?? [])) return false;
  return serviceForFile(model, file) !== undefined || (model.sharedCode ?? []).some(under);
}

const LINK_ORDER: Record<LinkConfidence, number> = { high: 0, medium: 1, low: 2 };
/**
 * A recipe for a developer's machine (a `dev/` or `.devcontainer/` folder, `Procfile.dev`, `docker-compose.dev.yml`)
 * or for a test run (Unleash's `test-migrations/docker-compose.yml`): not what serves production's requests.
 */
const DEV_RECIPE = /(^|\/)(?:dev|devel|development|local|\.devcontainer|tests?|e2e|test-[\w-]+|[\w-]+-tests?)\/|(^|\/)Procfile\.(?:dev|development|local)$|[-._](?:dev|devel|development|local)\.ya?ml$/i;

/** Whether a recipe file is one for a developer's machine or a test run (DEV_RECIPE). */
export function isDevRecipe(file: string): boolean {
  return DEV_RECIPE.test(file);
}

const ROLE_ORDER = (role: ProcessRole | undefined): number => (role === 'requests' ? 0 : role === 'background' ? 2 : 1);
/**
 * Code a queue worker runs (Celery's and RQ's `tasks.py`, `jobs/`, `workers/`, `consumers/`): the web process only
 * enqueues it, so of several processes on one folder it belongs to the one that runs in the background.
 */
const TASK_CODE = /(^|\/)(tasks|jobs|workers?|consumers?)(\.[a-z]+$|\/)|(^|\/)\w+_(tasks?|jobs?|worker|consumer)\.[a-z]+$/;
/** For task code: a worker first (not a scheduler such as Celery's beat, nor a release step), then any background process. */
const TASK_ROLE_ORDER = (role: ProcessRole | undefined, name: string): number =>
  role === 'background' ? (/worker|celery|rq|sidekiq|consumer|queue/.test(name) && !/beat|release|migrat/.test(name) ? 0 : 1) : role === 'requests' ? 3 : 2;

/**
 * The strongest link first; the service that owns `file` is the one whose root contains it most specifically. A file
 * that registers routes (`registersRoutes`) is the serving process's, whatever its folder is named (go-admin's
 * `app/jobs/router/sys_job.go`, polar's `backoffice/tasks/endpoints.py`): the task-code rule below is for code a
 * worker runs, and for a background process's own routes in a folder of its name. A file that declares a queue
 * worker's tasks (`declaresTasks`: plane's `bgtasks/copy_s3_object.py`, `@shared_task` in a file named for no task)
 * is task code as well, wherever it is kept.
 */
export function serviceForFile(model: EnvironmentModel, file: string, opts?: { registersRoutes?: boolean; declaresTasks?: boolean }): Service | undefined {
  let best: { service: Service; key: number[] } | undefined;
  // (Unless a background process is named like its folder: polar's worker/_health.py is the worker's own health app.)
  const segments = opts?.registersRoutes ? file.split('/') : [];
  const task = (TASK_CODE.test(file) || opts?.declaresTasks === true) && (!opts?.registersRoutes || model.services.some((s) => segments.includes(s.name) && s.codeRoots.some((l) => l.role === 'background')));
  for (const service of model.services) {
    for (const link of service.codeRoots) {
      const root = link.root === '.' ? '' : link.root.replace(/\/$/, '');
      if (root !== '' && file !== root && !file.startsWith(root + '/')) continue;
      if (link.excludes?.some((dir) => file.startsWith(`${dir}/`))) continue;
      // A file copied alone ranks below every folder that holds it, the workspace root's included.
      const depth = link.file ? -1 : root === '' ? 0 : root.split('/').length;
      const confidence = LINK_ORDER[link.confidence];
      const role = task ? TASK_ROLE_ORDER(link.role, service.name) : ROLE_ORDER(link.role);
      const dev = link.evidence && isDevRecipe(link.evidence.file) ? 1 : 0;
      // The most specific root; then a link from a recipe that deploys over one that only runs it on a developer's
      // machine (listmonk's dev/docker-compose.yml, navidrome's Procfile.dev); then the strongest link; then an image
      // of this folder alone over one that bundles several (hoppscotch's backend over its all-in-one); then the process
      // that serves requests (web, not beat), or for a worker's task code the one that runs in the background.
      // (Folders: the few files an image copies alone, onyx's API server's scripts, bundle no other code.)
      const roots = service.codeRoots.filter((l) => !l.file).length;
      // Compared in that order, each only when those before it tie: higher depth wins, then lower of the rest.
      const key = [-depth, dev, confidence, roots, role];
      const better = !best || lessThan(key, best.key);
      if (better) best = { service, key };
    }
  }
  return best?.service;
}

/**
 * The services that run `file`'s code and serve the routes it registers: its own (serviceForFile), or, for a file of a
 * library module several services are built with, each of those whose build depends on the module (apollo's
 * `apollo-common` controller is the admin service's, the config service's and the portal's; EnvironmentModel.sharedBy).
 */
export function servicesForFile(model: EnvironmentModel, file: string, opts?: { registersRoutes?: boolean }): Service[] {
  const own = serviceForFile(model, file, opts);
  if (own) return [own];
  if (!model.sharedBy) return [];
  // The most specific module that holds the file (a module nested in another is its own).
  let module: string | undefined;
  for (const m of Object.keys(model.sharedBy)) if (file.startsWith(`${m}/`) && (module === undefined || m.length > module.length)) module = m;
  const names = module === undefined ? [] : model.sharedBy[module];
  return model.services.filter((s) => names.includes(s.name));
}

/** Lexicographic order of two keys of the same length. */
function lessThan(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

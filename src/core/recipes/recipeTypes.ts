import type { Located, SourceLocation } from '../model/location';
import type { RecipeProblem } from '../model/environment';

/** What each parser reads out of its format; `buildEnvironmentModel` joins them into services. */

export type EnvValues = Record<string, Located<string | undefined>>;

export interface ContainerRecipe {
  name: string;
  image?: Located<string>;
  cpuRequest?: Located<number>;
  cpuLimit?: Located<number>;
  memoryRequest?: Located<number>;
  memoryLimit?: Located<number>;
  env: EnvValues;
  /** `valueFrom.configMapKeyRef`: resolved against the ConfigMaps of the same environment. */
  envRefs?: { name: string; configMap: string; key: string; location: SourceLocation }[];
  /** `envFrom[].configMapRef`: every key of the ConfigMap becomes a variable. */
  envFrom?: { configMap: string; location: SourceLocation }[];
  /** The command line (`command` + `args`), for worker and timeout flags such as `--workers 4`. */
  commandLine?: Located<string>;
}

export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'CronJob';

export interface WorkloadRecipe {
  format: 'kubernetes';
  kind: WorkloadKind;
  name: string;
  namespace?: string;
  /** `app.kubernetes.io/name` (or `app`) label: often the service's real name when the workload name differs. */
  appLabel?: string;
  location: SourceLocation;
  replicas?: Located<number>;
  containers: ContainerRecipe[];
  /** A kustomize patch with `$patch: delete`: removes the object in that environment. */
  deleted?: boolean;
}

export interface AutoscalerRecipe {
  format: 'kubernetes';
  name: string;
  namespace?: string;
  targetKind?: string;
  targetName?: string;
  location: SourceLocation;
  minReplicas?: Located<number>;
  maxReplicas?: Located<number>;
  targetCpuUtilization?: Located<number>;
  deleted?: boolean;
}

export interface ServiceRecipe {
  format: 'kubernetes';
  name: string;
  namespace?: string;
  location: SourceLocation;
  selector: Record<string, string>;
  deleted?: boolean;
}

export interface ConfigMapRecipe {
  format: 'kubernetes';
  name: string;
  namespace?: string;
  location: SourceLocation;
  data: Record<string, Located<string>>;
  deleted?: boolean;
}

export interface ComposeServiceRecipe {
  format: 'compose';
  name: string;
  location: SourceLocation;
  /** Folder relative to the analysed root, already resolved against the Compose file's folder. */
  buildContext?: Located<string>;
  /** The raw `build` strings, kept so `${VAR}` references can be interpolated from the folder's `.env`. */
  build?: { composeDir: string; context?: Located<string>; dockerfile?: Located<string> };
  /** The Dockerfile, relative to the analysed root, when `build.dockerfile` names one. */
  dockerfile?: Located<string>;
  /** `build.target`: the stage of a multi-stage Dockerfile the image is. */
  buildTarget?: Located<string>;
  /** `build.args` with a value: the Dockerfile's `ARG`s (`${SCOPE}` in a `COPY`). */
  buildArgs?: Record<string, string>;
  image?: Located<string>;
  replicas?: Located<number>;
  cpuLimit?: Located<number>;
  memoryLimit?: Located<number>;
  cpuRequest?: Located<number>;
  memoryRequest?: Located<number>;
  env: EnvValues;
  /** `env_file` entries (relative to the analysed root), read when present. */
  envFiles?: Located<string>[];
  /** Variables the `environment:` block lists commented out: options left for the operator to set. */
  optionalEnv?: string[];
  commandLine?: Located<string>;
  /** `entrypoint:`, which Docker runs with `command` appended to it. */
  entrypoint?: Located<string>;
  /**
   * On the service merged from its files: the entrypoint and command it runs, from the files that are not for a test
   * run (isTestCompose), for its process role (processRole.ts).
   */
  processLine?: string;
  /**
   * The folder the service runs its code from when a bind mount provides it (`volumes: ['./internal:/internal']`
   * with `working_dir: /internal/trainer` is `internal/trainer`), relative to the analysed root.
   */
  mountedCode?: Located<string>;
  /** Host folders bind-mounted into the container: with the image's WORKDIR, the code it runs (codeLinks). */
  codeMounts?: CodeMount[];
}

/** A folder of the analysed root bind-mounted into a container (`../../server:/app/server`). */
export interface CodeMount {
  /** The host folder, relative to the analysed root. */
  host: string;
  /** Where the container sees it, absolute, without a trailing slash. */
  container: string;
  location: SourceLocation;
}

export interface KustomizePatch {
  /** Objects the patch changes (strategic merge), read like manifests; JSON 6902 operations are turned into these. */
  objects: RecipeSet;
  /** A patch file (`path:`) whose objects are read from that file. */
  path?: Located<string>;
  target?: { kind?: string; name?: string };
  /** A `patchesJson6902` file: a list of operations rather than a partial object. */
  json6902?: boolean;
  location: SourceLocation;
}

export interface KustomizationRecipe {
  format: 'kustomize';
  file: string;
  dir: string;
  isComponent: boolean;
  location: SourceLocation;
  resources: Located<string>[];
  components: Located<string>[];
  patches: KustomizePatch[];
  replicas: { name: string; count: Located<number> }[];
  images: { name: string; newName?: string; newTag?: string; location: SourceLocation }[];
  namespace?: string;
  namePrefix?: string;
  nameSuffix?: string;
}

export interface HelmChartRecipe {
  format: 'helm';
  dir: string;
  name: Located<string>;
}

/** The capacity fields one component of a Helm values file sets (the chart scaffold's names). */
export interface HelmComponentValues {
  /** Where the component sits in values: '' for the chart scaffold's top level, else the key (`adService`). */
  key: string;
  /** `name:` inside the component, `nameOverride`/`fullnameOverride` at the top level. */
  name?: Located<string>;
  create?: Located<boolean>;
  location: SourceLocation;
  replicas?: Located<number>;
  autoscalingEnabled?: Located<boolean>;
  minReplicas?: Located<number>;
  maxReplicas?: Located<number>;
  targetCpuUtilization?: Located<number>;
  autoscalingLocation?: SourceLocation;
  cpuRequest?: Located<number>;
  cpuLimit?: Located<number>;
  memoryRequest?: Located<number>;
  memoryLimit?: Located<number>;
  imageRepository?: Located<string>;
  env: EnvValues;
}

export interface HelmValuesRecipe {
  format: 'helm-values';
  file: string;
  /** The chart folder (where Chart.yaml is, or the values file's folder). */
  chartDir: string;
  /** 'default' for values.yaml, else the environment named in the file name (values-prod.yaml → prod). */
  environment: string;
  components: HelmComponentValues[];
}

export interface SkaffoldArtifactRecipe {
  format: 'skaffold';
  image: Located<string>;
  /** Folder relative to the analysed root. */
  context: string;
  location: SourceLocation;
}

export interface DotenvRecipe {
  file: string;
  values: Record<string, Located<string>>;
}

/** A link written by hand in `.ops-lens.yaml`. */
export interface ConfiguredLink {
  service: string;
  roots: Located<string>[];
  /** true: replaces the automatic links (`code:`); false: adds to them (`alsoCode:`). */
  replace: boolean;
  location: SourceLocation;
}

/** A service found in a format with no Kubernetes-like structure (Terraform, fly.toml, App Engine, Procfile). */
export interface PlainServiceRecipe {
  format: 'terraform' | 'fly' | 'app-engine' | 'procfile';
  /** e.g. 'terraform/aws_ecs_service', 'fly/app', 'app-engine/service', 'procfile/process'. */
  kind: string;
  name: string;
  environment: string;
  location: SourceLocation;
  replicas?: Located<number>;
  minReplicas?: Located<number>;
  maxReplicas?: Located<number>;
  targetCpuUtilization?: Located<number>;
  autoscalingName?: string;
  autoscalingLocation?: SourceLocation;
  cpuRequest?: Located<number>;
  cpuLimit?: Located<number>;
  memoryRequest?: Located<number>;
  memoryLimit?: Located<number>;
  settings: import('../model/environment').CapacitySetting[];
  env: EnvValues;
  image?: Located<string>;
  /** A folder this recipe says the code is in, with why (fly `[build] dockerfile`, the App Engine service folder, …). */
  codeRoot?: {
    root: string;
    reason: string;
    evidence?: SourceLocation;
    role?: import('../model/environment').ProcessRole;
    /** Built from the Dockerfile the folder holds, if any: a folder with neither it nor code is only where the file is kept. */
    byItsDockerfile?: boolean;
  };
  /** Other recipe objects this service is made of (task definition, autoscaling target, policy). */
  parts?: { kind: string; name: string; location: SourceLocation }[];
}

export interface RecipeSet {
  workloads: WorkloadRecipe[];
  autoscalers: AutoscalerRecipe[];
  services: ServiceRecipe[];
  configMaps: ConfigMapRecipe[];
  compose: ComposeServiceRecipe[];
  kustomizations: KustomizationRecipe[];
  helmCharts: HelmChartRecipe[];
  helmValues: HelmValuesRecipe[];
  skaffold: SkaffoldArtifactRecipe[];
  dotenvs: DotenvRecipe[];
  links: ConfiguredLink[];
  plain: PlainServiceRecipe[];
  terraform: import('./terraform').TerraformFileRecipe[];
}

export function emptyRecipeSet(): RecipeSet {
  return {
    workloads: [],
    autoscalers: [],
    services: [],
    configMaps: [],
    compose: [],
    kustomizations: [],
    helmCharts: [],
    helmValues: [],
    skaffold: [],
    dotenvs: [],
    links: [],
    plain: [],
    terraform: [],
  };
}

export function mergeRecipeSets(into: RecipeSet, from: RecipeSet): void {
  for (const k of Object.keys(from) as (keyof RecipeSet)[]) (into[k] as unknown[]).push(...(from[k] as unknown[]));
}

/** What one file yields: cached by content, so an unchanged file is never parsed twice. */
export interface FileRecipes {
  recipes: RecipeSet;
  problems: RecipeProblem[];
}

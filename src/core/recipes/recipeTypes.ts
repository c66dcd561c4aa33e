import type { Located, SourceLocation } from '../model/location';

/** What each parser reads out of its format; `buildEnvironmentModel` joins them into services. */

export interface ContainerRecipe {
  name: string;
  image?: Located<string>;
  cpuRequest?: Located<number>;
  cpuLimit?: Located<number>;
  memoryRequest?: Located<number>;
  memoryLimit?: Located<number>;
  env: Record<string, Located<string | undefined>>;
}

export interface WorkloadRecipe {
  format: 'kubernetes';
  kind: 'Deployment' | 'StatefulSet';
  name: string;
  namespace?: string;
  /** `app.kubernetes.io/name` (or `app`) label: often the service's real name when the workload name differs. */
  appLabel?: string;
  location: SourceLocation;
  replicas?: Located<number>;
  containers: ContainerRecipe[];
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
}

export interface ServiceRecipe {
  format: 'kubernetes';
  name: string;
  namespace?: string;
  location: SourceLocation;
  selector: Record<string, string>;
}

export interface ComposeServiceRecipe {
  format: 'compose';
  name: string;
  location: SourceLocation;
  /** Folder relative to the analysed root, already resolved against the Compose file's folder. */
  buildContext?: Located<string>;
  image?: Located<string>;
  replicas?: Located<number>;
  cpuLimit?: Located<number>;
  memoryLimit?: Located<number>;
  cpuRequest?: Located<number>;
  memoryRequest?: Located<number>;
  env: Record<string, Located<string | undefined>>;
}

export interface RecipeSet {
  workloads: WorkloadRecipe[];
  autoscalers: AutoscalerRecipe[];
  services: ServiceRecipe[];
  compose: ComposeServiceRecipe[];
}

export function emptyRecipeSet(): RecipeSet {
  return { workloads: [], autoscalers: [], services: [], compose: [] };
}

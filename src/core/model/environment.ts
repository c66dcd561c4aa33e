import type { Located, SourceLocation } from './location';

export type RecipeKind =
  | 'kubernetes/Deployment'
  | 'kubernetes/StatefulSet'
  | 'kubernetes/HorizontalPodAutoscaler'
  | 'kubernetes/Service'
  | 'compose/service';

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

/** CPU in cores, memory in bytes. */
export interface Capacity {
  replicas?: Located<number>;
  autoscaling?: Autoscaling;
  cpuRequest?: Located<number>;
  cpuLimit?: Located<number>;
  memoryRequest?: Located<number>;
  memoryLimit?: Located<number>;
}

export type LinkConfidence = 'high' | 'medium' | 'low';

/** Why a service is believed to run the code under `root`: every link says how it was made. */
export interface CodeLink {
  root: string;
  reason: string;
  confidence: LinkConfidence;
  evidence?: SourceLocation;
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
}

export interface RecipeProblem {
  location: SourceLocation;
  message: string;
}

export interface EnvironmentModel {
  services: Service[];
  /** Recipes that could not be read, each at the line where reading failed. */
  problems: RecipeProblem[];
}

const LINK_ORDER: Record<LinkConfidence, number> = { high: 0, medium: 1, low: 2 };

/** The strongest link first; the service that owns `file` is the one whose root contains it most specifically. */
export function serviceForFile(model: EnvironmentModel, file: string): Service | undefined {
  let best: { service: Service; depth: number; confidence: number } | undefined;
  for (const service of model.services) {
    for (const link of service.codeRoots) {
      const root = link.root === '.' ? '' : link.root.replace(/\/$/, '');
      if (root !== '' && file !== root && !file.startsWith(root + '/')) continue;
      const depth = root === '' ? 0 : root.split('/').length;
      const confidence = LINK_ORDER[link.confidence];
      if (!best || depth > best.depth || (depth === best.depth && confidence < best.confidence)) {
        best = { service, depth, confidence };
      }
    }
  }
  return best?.service;
}

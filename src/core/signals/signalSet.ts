import type { RouteHistory } from './routeHistory';

/** Production numbers for the services of an environment model, each with the query that produced it. */

export interface Measurement {
  value: number;
  /** PromQL that returns this number on its own when evaluated at the set's `evaluatedAt`. */
  query: string;
  /** The range this number covers when it is not the set's `window` (a 7-day peak says `7d`). */
  window?: string;
}

export interface RouteSignals {
  method: string;
  /** The route label as the backend reports it. */
  route: string;
  requestRate: Measurement;
  /** Latency percentiles from a histogram (seconds); absent where the backend only has a summary. */
  p50Seconds?: Measurement;
  p95Seconds?: Measurement;
  p99Seconds?: Measurement;
  /** sum / count: the only latency a summary without buckets gives (Micrometer by default). */
  meanSeconds?: Measurement;
  errorRatio?: Measurement;
  /** The last hours of traffic and latency (only when the refresh asked for history). */
  history?: RouteHistory;
}

export interface AutoscalerSignals {
  name: string;
  currentReplicas: Measurement;
  maxReplicas: Measurement;
  /** max − current: 0 means the autoscaler cannot add capacity any more. */
  headroom: number;
  /** The most replicas over the peak window (capacity is planned for the peak, not the average). */
  peakReplicas?: Measurement;
}

export interface CpuSignals {
  usedCores: Measurement;
  requestCores?: Measurement;
  limitCores?: Measurement;
  /** used / requested, when both are known. */
  ratio?: number;
  /** used / limit, when both are known. */
  limitRatio?: number;
  /** The highest CPU use of the workload over the peak window (cores, summed over its pods). */
  peakUsedCores?: Measurement;
  /** peak used / requested. */
  peakRatio?: number;
}

export interface MemorySignals {
  workingSetBytes: Measurement;
  requestBytes?: Measurement;
  limitBytes?: Measurement;
  /** working set / requested. */
  ratio?: number;
  /** working set / limit: near 1 the kernel OOM-kills the container. */
  limitRatio?: number;
  peakWorkingSetBytes?: Measurement;
  /** peak working set / limit. */
  peakLimitRatio?: number;
}

export interface RestartSignals {
  /** Container restarts of the workload's current pods (kube-state-metrics counter). */
  total: Measurement;
  /** Containers whose last termination was an OOM kill. */
  oomKilled?: Measurement;
}

export interface PoolSignals {
  /** The pool's name as exported (HikariCP `pool`, OpenTelemetry `db_client_connection_pool_name`). */
  name: string;
  active: Measurement;
  max: Measurement;
  /** Callers waiting for a connection, where exported. */
  pending?: Measurement;
  /** active / max: at 1 every further query waits. */
  saturation: number;
}

/** How the service's HTTP metrics were recognised, so the user can see (and correct) what was assumed. */
export interface DetectedConvention {
  id: string;
  /** The metric requests were counted from. */
  metric: string;
  routeLabel: string;
  serviceLabel: string;
  /** Whether latency percentiles come from histogram buckets (otherwise only the mean is known). */
  histogram: boolean;
}

export interface ServiceSignals {
  service: string;
  /** The label value that identified this service in the backend (`job="shop/orders"`). */
  job?: string;
  convention?: DetectedConvention;
  routes: RouteSignals[];
  autoscaler?: AutoscalerSignals;
  cpu?: CpuSignals;
  memory?: MemorySignals;
  restarts?: RestartSignals;
  pools?: PoolSignals[];
}

export type SignalSource =
  | { kind: 'prometheus'; url: string }
  | { kind: 'snapshot'; file: string; recordedFrom?: string };

export interface SignalSet {
  source: SignalSource;
  /** Unix seconds: the instant every query was evaluated at. */
  evaluatedAt: number;
  /** The rate window, as PromQL writes it (`5m`, `1h`). */
  window: string;
  /** The range capacity peaks are taken over (`7d`); absent when peaks were not fetched. */
  peakWindow?: string;
  /** Unix seconds when the data was fetched (differs from `evaluatedAt` when evaluating a past instant). */
  fetchedAt?: number;
  /** HTTP requests the refresh made: constant, whatever the number of routes and services. */
  requests?: number;
  services: ServiceSignals[];
  /** Why some services have no data, so the user is never left guessing. */
  notes: string[];
}

export function signalsFor(set: SignalSet | undefined, service: string): ServiceSignals | undefined {
  return set?.services.find((s) => s.service === service);
}

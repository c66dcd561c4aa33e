/** Production numbers for the services of an environment model, each with the query that produced it. */

export interface Measurement {
  value: number;
  /** PromQL that returns this number on its own when evaluated at the set's `evaluatedAt`. */
  query: string;
}

export interface RouteSignals {
  method: string;
  /** The route label as the backend reports it. */
  route: string;
  requestRate: Measurement;
  p95Seconds?: Measurement;
  errorRatio?: Measurement;
}

export interface AutoscalerSignals {
  name: string;
  currentReplicas: Measurement;
  maxReplicas: Measurement;
  /** max − current: 0 means the autoscaler cannot add capacity any more. */
  headroom: number;
}

export interface CpuSignals {
  usedCores: Measurement;
  requestCores?: Measurement;
  /** used / requested, when both are known. */
  ratio?: number;
}

export interface ServiceSignals {
  service: string;
  /** The label value that identified this service in the backend (`job="shop/orders"`). */
  job?: string;
  routes: RouteSignals[];
  autoscaler?: AutoscalerSignals;
  cpu?: CpuSignals;
}

export type SignalSource =
  | { kind: 'prometheus'; url: string }
  | { kind: 'snapshot'; file: string; recordedFrom?: string };

export interface SignalSet {
  source: SignalSource;
  /** Unix seconds: the instant every query was evaluated at. */
  evaluatedAt: number;
  /** The rate window, as PromQL writes it (`5m`). */
  window: string;
  services: ServiceSignals[];
  /** Why some services have no data, so the user is never left guessing. */
  notes: string[];
}

export function signalsFor(set: SignalSet | undefined, service: string): ServiceSignals | undefined {
  return set?.services.find((s) => s.service === service);
}

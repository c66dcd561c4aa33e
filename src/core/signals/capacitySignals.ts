import type { EnvironmentModel, Service } from '../model/environment';
import type { VectorSample } from './prometheusClient';
import { alternation, quote, selector, splitUnion, taggedUnion } from './promql';
import type { AutoscalerSignals, CpuSignals, Measurement, MemorySignals, PoolSignals, RestartSignals } from './signalSet';

const PART_TAG = 'ops_lens_part';
const WORKLOAD_LABEL = 'ops_lens_workload';
/** Deployment pods: `<name>-<pod-template-hash>-<5 chars>`; StatefulSet pods: `<name>-<ordinal>`. */
const POD_SUFFIX = '(?:[a-z0-9]{1,10}-[a-z0-9]{5}|[0-9]+)';
/** Subquery resolution for peaks: fine enough to catch a burst, coarse enough to stay cheap over 7 days. */
const PEAK_STEP = '5m';

export const HPA_CURRENT = 'kube_horizontalpodautoscaler_status_current_replicas';
export const HPA_MAX = 'kube_horizontalpodautoscaler_spec_max_replicas';

/** What the capacity queries are about: the model's Kubernetes workloads and autoscalers. */
export interface CapacityScope {
  workloads: Service[];
  /** `namespace=~"…"` when every workload's namespace is known, so other namespaces' pods are not fetched. */
  namespaceMatcher?: string;
  podMatcher?: string;
  autoscalers: string[];
}

export function capacityScope(model: EnvironmentModel): CapacityScope {
  const workloads = model.services.filter((s) => s.workload);
  const namespaces = workloads.map((s) => s.namespace);
  const namespaceMatcher = workloads.length && namespaces.every(Boolean) ? `namespace=~${quote(alternation(namespaces as string[]))}` : undefined;
  const podMatcher = workloads.length ? `pod=~${quote(`(?:${alternation(workloads.map((s) => s.workload!))})-.+`)}` : undefined;
  const autoscalers = model.services.map((s) => s.capacity.autoscaling?.name).filter((n): n is string => !!n);
  return { workloads, namespaceMatcher, podMatcher, autoscalers };
}

const CONTAINERS = ['container!=""', 'container!="POD"'];

function podSel(scope: CapacityScope, ...extra: string[]): string {
  return selector(...extra, scope.namespaceMatcher, scope.podMatcher);
}

const USAGE_PARTS = (scope: CapacityScope, w: string) => [
  { name: 'cpu', expr: `sum by (namespace, pod) (rate(container_cpu_usage_seconds_total${podSel(scope, ...CONTAINERS)}[${w}]))` },
  { name: 'memory', expr: `sum by (namespace, pod) (container_memory_working_set_bytes${podSel(scope, ...CONTAINERS)})` },
];

/** CPU and memory use per pod (cAdvisor), one query. */
export function usageQuery(scope: CapacityScope, w: string): string {
  return taggedUnion(PART_TAG, USAGE_PARTS(scope, w));
}

const SPEC_PARTS = (scope: CapacityScope) => [
  { name: 'cpuRequest', expr: `sum by (namespace, pod) (kube_pod_container_resource_requests${podSel(scope, 'resource="cpu"')})` },
  { name: 'cpuLimit', expr: `sum by (namespace, pod) (kube_pod_container_resource_limits${podSel(scope, 'resource="cpu"')})` },
  { name: 'memoryRequest', expr: `sum by (namespace, pod) (kube_pod_container_resource_requests${podSel(scope, 'resource="memory"')})` },
  { name: 'memoryLimit', expr: `sum by (namespace, pod) (kube_pod_container_resource_limits${podSel(scope, 'resource="memory"')})` },
  { name: 'restarts', expr: `sum by (namespace, pod) (kube_pod_container_status_restarts_total${podSel(scope)})` },
  { name: 'oom', expr: `sum by (namespace, pod) (kube_pod_container_status_last_terminated_reason${podSel(scope, 'reason="OOMKilled"')})` },
];

/** Requests, limits, restarts and OOM kills per pod (kube-state-metrics), one query. */
export function specQuery(scope: CapacityScope): string {
  return taggedUnion(PART_TAG, SPEC_PARTS(scope));
}

function workloadRegex(scope: CapacityScope): string {
  return quote(`(${alternation(scope.workloads.map((s) => s.workload!))})-${POD_SUFFIX}`);
}

const PEAK_PARTS = (scope: CapacityScope, w: string, peak: string) => {
  const byWorkload = (expr: string) =>
    `sum by (namespace, ${WORKLOAD_LABEL}) (label_replace(${expr}, "${WORKLOAD_LABEL}", "$1", "pod", ${workloadRegex(scope)}))`;
  const parts = [];
  if (scope.workloads.length) {
    parts.push(
      { name: 'cpu', expr: `max_over_time(${byWorkload(`rate(container_cpu_usage_seconds_total${podSel(scope, ...CONTAINERS)}[${w}])`)}[${peak}:${PEAK_STEP}])` },
      { name: 'memory', expr: `max_over_time(${byWorkload(`container_memory_working_set_bytes${podSel(scope, ...CONTAINERS)}`)}[${peak}:${PEAK_STEP}])` },
    );
  }
  if (scope.autoscalers.length) {
    parts.push({ name: 'replicas', expr: `max_over_time(${HPA_CURRENT}{horizontalpodautoscaler=~${quote(alternation(scope.autoscalers))}}[${peak}])` });
  }
  return parts;
};

/** The highest CPU, memory and replica count over the peak window, per workload, one query (or none). */
export function peaksQuery(scope: CapacityScope, w: string, peak: string): string | undefined {
  const parts = PEAK_PARTS(scope, w, peak);
  return parts.length ? taggedUnion(PART_TAG, parts) : undefined;
}

const POOL_PARTS = [
  // HikariCP through Micrometer: `pool` names the pool, `application` or `job` the service.
  { name: 'active', expr: 'sum by (job, application, pool) (hikaricp_connections_active)' },
  { name: 'max', expr: 'sum by (job, application, pool) (hikaricp_connections_max)' },
  { name: 'pending', expr: 'sum by (job, application, pool) (hikaricp_connections_pending)' },
  // OpenTelemetry database client semantic conventions.
  { name: 'active', expr: 'sum by (job, db_client_connection_pool_name) (db_client_connection_count{db_client_connection_state="used"})' },
  { name: 'max', expr: 'sum by (job, db_client_connection_pool_name) (db_client_connection_max)' },
  { name: 'pending', expr: 'sum by (job, db_client_connection_pool_name) (db_client_connection_pending_requests)' },
];

/** Connection pool use where the service exports it, one query. */
export function poolsQuery(): string {
  return taggedUnion(PART_TAG, POOL_PARTS.map((p, i) => ({ name: i === 0 ? p.name : `${p.name}${i >= 3 ? '-otel' : ''}`, expr: p.expr })));
}

export interface CapacityInputs {
  w: string;
  peak?: string;
  hpaCurrent: VectorSample[];
  hpaMax: VectorSample[];
  usage: VectorSample[];
  spec: VectorSample[];
  peaks: VectorSample[];
  pools: VectorSample[];
}

function parts(names: string[], samples: VectorSample[]): Map<string, VectorSample[]> {
  return splitUnion(PART_TAG, names.map((name) => ({ name })), samples);
}

export function autoscalerOf(service: Service, input: CapacityInputs, scope: CapacityScope): AutoscalerSignals | undefined {
  const hpa = service.capacity.autoscaling;
  if (!hpa) return undefined;
  const match = (s: VectorSample) =>
    s.metric.horizontalpodautoscaler === hpa.name && (!service.namespace || !s.metric.namespace || s.metric.namespace === service.namespace);
  const cur = input.hpaCurrent.find(match);
  const mx = input.hpaMax.find(match);
  if (!cur || !mx) return undefined;
  const sel = `horizontalpodautoscaler=${quote(hpa.name)}${service.namespace ? `, namespace=${quote(service.namespace)}` : ''}`;
  const out: AutoscalerSignals = {
    name: hpa.name,
    currentReplicas: { value: cur.value, query: `${HPA_CURRENT}{${sel}}` },
    maxReplicas: { value: mx.value, query: `${HPA_MAX}{${sel}}` },
    headroom: mx.value - cur.value,
  };
  const peak = input.peak && parts(PEAK_PARTS(scope, input.w, input.peak).map((p) => p.name), input.peaks).get('replicas')?.find(match);
  if (peak && input.peak) out.peakReplicas = { value: peak.value, query: `max_over_time(${HPA_CURRENT}{${sel}}[${input.peak}])`, window: input.peak };
  return out;
}

export interface PodCapacity {
  cpu?: CpuSignals;
  memory?: MemorySignals;
  restarts?: RestartSignals;
}

/** Sums a service's pods from per-pod answers; each sum keeps a query that gives it alone. */
export function podCapacityOf(service: Service, input: CapacityInputs, scope: CapacityScope): PodCapacity {
  if (!service.workload) return {};
  const podPattern = `${alternation([service.workload])}-${POD_SUFFIX}`;
  const pod = new RegExp(`^${podPattern}$`);
  const mine = (s: VectorSample) => pod.test(s.metric.pod ?? '') && (!service.namespace || s.metric.namespace === service.namespace);
  const sel = `${service.namespace ? `namespace=${quote(service.namespace)}, ` : ''}pod=~${quote(podPattern)}`;
  const usage = parts(USAGE_PARTS(scope, input.w).map((p) => p.name), input.usage);
  const spec = parts(SPEC_PARTS(scope).map((p) => p.name), input.spec);
  const sum = (samples: VectorSample[] | undefined, query: string): Measurement | undefined => {
    const m = (samples ?? []).filter(mine);
    return m.length ? { value: m.reduce((a, s) => a + s.value, 0), query } : undefined;
  };
  const w = input.w;
  const containers = CONTAINERS.join(', ');
  const out: PodCapacity = {};

  const peakParts = input.peak ? parts(PEAK_PARTS(scope, w, input.peak).map((p) => p.name), input.peaks) : new Map<string, VectorSample[]>();
  const peakOf = (name: string, query: string): Measurement | undefined => {
    const s = (peakParts.get(name) ?? []).find(
      (x) => x.metric[WORKLOAD_LABEL] === service.workload && (!service.namespace || x.metric.namespace === service.namespace),
    );
    return s && input.peak ? { value: s.value, query, window: input.peak } : undefined;
  };

  const used = sum(usage.get('cpu'), `sum(rate(container_cpu_usage_seconds_total{${sel}, ${containers}}[${w}]))`);
  if (used) {
    const request = sum(spec.get('cpuRequest'), `sum(kube_pod_container_resource_requests{${sel}, resource="cpu"})`);
    const limit = sum(spec.get('cpuLimit'), `sum(kube_pod_container_resource_limits{${sel}, resource="cpu"})`);
    const cpu: CpuSignals = { usedCores: used, requestCores: request, ratio: request && request.value > 0 ? used.value / request.value : undefined };
    if (limit) {
      cpu.limitCores = limit;
      if (limit.value > 0) cpu.limitRatio = used.value / limit.value;
    }
    const peak = peakOf('cpu', `max_over_time(sum(rate(container_cpu_usage_seconds_total{${sel}, ${containers}}[${w}]))[${input.peak}:${PEAK_STEP}])`);
    if (peak) {
      cpu.peakUsedCores = atLeastNow(peak, used);
      if (request && request.value > 0) cpu.peakRatio = cpu.peakUsedCores.value / request.value;
    }
    out.cpu = cpu;
  }

  const ws = sum(usage.get('memory'), `sum(container_memory_working_set_bytes{${sel}, ${containers}})`);
  if (ws) {
    const memory: MemorySignals = { workingSetBytes: ws };
    const request = sum(spec.get('memoryRequest'), `sum(kube_pod_container_resource_requests{${sel}, resource="memory"})`);
    const limit = sum(spec.get('memoryLimit'), `sum(kube_pod_container_resource_limits{${sel}, resource="memory"})`);
    if (request) {
      memory.requestBytes = request;
      if (request.value > 0) memory.ratio = ws.value / request.value;
    }
    if (limit) {
      memory.limitBytes = limit;
      if (limit.value > 0) memory.limitRatio = ws.value / limit.value;
    }
    const peak = peakOf('memory', `max_over_time(sum(container_memory_working_set_bytes{${sel}, ${containers}})[${input.peak}:${PEAK_STEP}])`);
    if (peak) {
      memory.peakWorkingSetBytes = atLeastNow(peak, ws);
      if (limit && limit.value > 0) memory.peakLimitRatio = memory.peakWorkingSetBytes.value / limit.value;
    }
    out.memory = memory;
  }

  const restarts = sum(spec.get('restarts'), `sum(kube_pod_container_status_restarts_total{${sel}})`);
  if (restarts) {
    out.restarts = { total: restarts };
    const oom = sum(spec.get('oom'), `sum(kube_pod_container_status_last_terminated_reason{${sel}, reason="OOMKilled"})`);
    if (oom) out.restarts.oomKilled = oom;
  }
  return out;
}

/** Pools of the service: matched by the service label (`job`) or Micrometer's `application` tag. */
export function poolsOf(service: Service, input: CapacityInputs, isService: (job: string) => boolean): PoolSignals[] | undefined {
  const names = POOL_PARTS.map((p, i) => (i === 0 ? p.name : `${p.name}${i >= 3 ? '-otel' : ''}`));
  const split = parts(names, input.pools);
  const byPool = new Map<string, { active?: Measurement; max?: Measurement; pending?: Measurement }>();
  for (const [name, samples] of split) {
    const role = name.replace(/-otel$/, '') as 'active' | 'max' | 'pending';
    const otel = name.endsWith('-otel');
    for (const s of samples) {
      const job = s.metric.job ?? '';
      if (!(isService(job) || s.metric.application === service.name)) continue;
      const pool = (otel ? s.metric.db_client_connection_pool_name : s.metric.pool) ?? 'default';
      const owner = s.metric.application ? `application=${quote(s.metric.application)}` : `job=${quote(job)}`;
      const query = otel
        ? `sum(${role === 'active' ? 'db_client_connection_count' : role === 'max' ? 'db_client_connection_max' : 'db_client_connection_pending_requests'}{${owner}, db_client_connection_pool_name=${quote(pool)}${role === 'active' ? ', db_client_connection_state="used"' : ''}})`
        : `sum(hikaricp_connections_${role}{${owner}, pool=${quote(pool)}})`;
      const entry = byPool.get(pool) ?? {};
      entry[role] = { value: s.value, query };
      byPool.set(pool, entry);
    }
  }
  const pools: PoolSignals[] = [];
  for (const [name, p] of byPool) {
    if (!p.active || !p.max || p.max.value <= 0) continue;
    pools.push({ name, active: p.active, max: p.max, pending: p.pending, saturation: p.active.value / p.max.value });
  }
  return pools.length ? pools.sort((a, b) => b.saturation - a.saturation) : undefined;
}

/**
 * The peak window includes now, but its subquery samples every PEAK_STEP and can miss the latest instant: a value
 * rising at the end of the window would read as a peak below the current value. The current value bounds it.
 */
function atLeastNow(peak: Measurement, now: Measurement): Measurement {
  return now.value > peak.value ? { ...peak, value: now.value } : peak;
}

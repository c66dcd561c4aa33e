import type { EnvironmentModel, Service } from '../model/environment';
import type { PrometheusClient, VectorSample } from './prometheusClient';
import { OTEL_STABLE, type HttpConvention } from './httpConventions';
import type { AutoscalerSignals, CpuSignals, RouteSignals, ServiceSignals, SignalSet } from './signalSet';

export interface FetchOptions {
  /** Unix seconds; default now. */
  at?: number;
  /** PromQL duration for rates; default 5m. */
  window?: string;
  signal?: AbortSignal;
  convention?: HttpConvention;
}

/**
 * One refresh: a fixed set of queries covering every route of every service at once, so its cost does not
 * grow with the number of routes or services. Each number keeps a query that reproduces it on its own.
 */
export async function fetchSignals(client: PrometheusClient, model: EnvironmentModel, options: FetchOptions = {}): Promise<SignalSet> {
  const at = options.at ?? Math.floor(Date.now() / 1000);
  const w = options.window ?? '5m';
  const c = options.convention ?? OTEL_STABLE;
  const by = `${c.serviceLabel}, ${c.routeLabel}, ${c.methodLabel}`;
  const q = {
    rate: `sum by (${by}) (rate(${c.countMetric}[${w}]))`,
    errors: `sum by (${by}) (rate(${c.countMetric}{${c.statusLabel}=~"${c.serverErrors}"}[${w}]))`,
    p95: c.bucketMetric ? `histogram_quantile(0.95, sum by (le, ${by}) (rate(${c.bucketMetric}[${w}])))` : undefined,
    hpaCurrent: 'kube_horizontalpodautoscaler_status_current_replicas',
    hpaMax: 'kube_horizontalpodautoscaler_spec_max_replicas',
    cpuUsed: `sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{container!=""}[${w}]))`,
    cpuRequest: 'sum by (namespace, pod) (kube_pod_container_resource_requests{resource="cpu"})',
  };
  const run = (promql: string | undefined) => (promql ? client.query(promql, at, options.signal) : Promise.resolve([]));
  const [rate, errors, p95, hpaCurrent, hpaMax, cpuUsed, cpuRequest] = await Promise.all([
    run(q.rate),
    run(q.errors),
    run(q.p95),
    run(q.hpaCurrent),
    run(q.hpaMax),
    run(q.cpuUsed),
    run(q.cpuRequest),
  ]);

  const notes: string[] = [];
  const services: ServiceSignals[] = [];
  const jobs = new Set(rate.map((s) => s.metric[c.serviceLabel]).filter(Boolean));
  for (const service of model.services) {
    if (service.recipes.every((r) => r.kind === 'compose/service') && service.codeRoots.length === 0) continue;
    const job = [...jobs].find((j) => jobMatches(j, service));
    const out: ServiceSignals = { service: service.name, job, routes: [] };
    if (job) {
      out.routes = routesOf(job, c, w, rate, errors, p95);
    } else if (service.codeRoots.length > 0) {
      notes.push(
        `No HTTP metrics for service "${service.name}": no ${c.serviceLabel} label equal to "${service.name}" or ending in "/${service.name}" in ${c.countMetric}`,
      );
    }
    out.autoscaler = autoscalerOf(service, hpaCurrent, hpaMax);
    out.cpu = cpuOf(service, cpuUsed, cpuRequest, w);
    if (out.routes.length || out.autoscaler || out.cpu) services.push(out);
  }
  return { source: { kind: 'prometheus', url: client.displayUrl }, evaluatedAt: at, window: w, services, notes };
}

/** `job="orders"`, or OpenTelemetry's `service.namespace/service.name` (`job="shop/orders"`). */
export function jobMatches(job: string, service: Service): boolean {
  if (job === service.name) return true;
  const slash = job.lastIndexOf('/');
  if (slash < 0 || job.slice(slash + 1) !== service.name) return false;
  const ns = job.slice(0, slash);
  return !service.namespace || ns === service.namespace || ns.endsWith(`/${service.namespace}`);
}

function routesOf(
  job: string,
  c: HttpConvention,
  w: string,
  rate: VectorSample[],
  errors: VectorSample[],
  p95: VectorSample[],
): RouteSignals[] {
  const key = (m: Record<string, string>) => `${m[c.methodLabel]} ${m[c.routeLabel]}`;
  const pick = (samples: VectorSample[]) =>
    new Map(samples.filter((s) => s.metric[c.serviceLabel] === job).map((s) => [key(s.metric), s.value]));
  const errorByRoute = pick(errors);
  const p95ByRoute = pick(p95);
  const routes: RouteSignals[] = [];
  for (const s of rate) {
    if (s.metric[c.serviceLabel] !== job || !s.metric[c.routeLabel]) continue;
    const method = s.metric[c.methodLabel] ?? 'ANY';
    const route = s.metric[c.routeLabel];
    const sel = `${c.serviceLabel}="${job}", ${c.routeLabel}="${escape(route)}", ${c.methodLabel}="${method}"`;
    const r: RouteSignals = {
      method,
      route,
      requestRate: { value: s.value, query: `sum(rate(${c.countMetric}{${sel}}[${w}]))` },
    };
    const err = errorByRoute.get(key(s.metric)) ?? 0;
    if (s.value > 0) {
      r.errorRatio = {
        value: err / s.value,
        query: `sum(rate(${c.countMetric}{${sel}, ${c.statusLabel}=~"${c.serverErrors}"}[${w}])) / sum(rate(${c.countMetric}{${sel}}[${w}]))`,
      };
    }
    const latency = p95ByRoute.get(key(s.metric));
    if (latency !== undefined && Number.isFinite(latency) && c.bucketMetric) {
      r.p95Seconds = { value: latency, query: `histogram_quantile(0.95, sum by (le) (rate(${c.bucketMetric}{${sel}}[${w}])))` };
    }
    routes.push(r);
  }
  return routes.sort((a, b) => b.requestRate.value - a.requestRate.value);
}

function autoscalerOf(service: Service, current: VectorSample[], max: VectorSample[]): AutoscalerSignals | undefined {
  const hpa = service.capacity.autoscaling;
  if (!hpa) return undefined;
  const match = (s: VectorSample) =>
    s.metric.horizontalpodautoscaler === hpa.name && (!service.namespace || !s.metric.namespace || s.metric.namespace === service.namespace);
  const cur = current.find(match);
  const mx = max.find(match);
  if (!cur || !mx) return undefined;
  const sel = `horizontalpodautoscaler="${hpa.name}"${service.namespace ? `, namespace="${service.namespace}"` : ''}`;
  return {
    name: hpa.name,
    currentReplicas: { value: cur.value, query: `kube_horizontalpodautoscaler_status_current_replicas{${sel}}` },
    maxReplicas: { value: mx.value, query: `kube_horizontalpodautoscaler_spec_max_replicas{${sel}}` },
    headroom: mx.value - cur.value,
  };
}

function cpuOf(service: Service, used: VectorSample[], requested: VectorSample[], w: string): CpuSignals | undefined {
  if (!service.workload) return undefined;
  // Deployment pods: <name>-<replicaset hash>-<suffix>; StatefulSet pods: <name>-<ordinal>.
  const podPattern = `${escapeRegex(service.workload)}-([a-z0-9]+-[a-z0-9]+|[0-9]+)`;
  const pod = new RegExp(`^${podPattern}$`);
  const mine = (s: VectorSample) =>
    pod.test(s.metric.pod ?? '') && (!service.namespace || s.metric.namespace === service.namespace);
  const usedPods = used.filter(mine);
  if (usedPods.length === 0) return undefined;
  const sel = `${service.namespace ? `namespace="${service.namespace}", ` : ''}pod=~"${podPattern}"`;
  const usedCores = usedPods.reduce((a, s) => a + s.value, 0);
  const reqPods = requested.filter(mine);
  const requestCores = reqPods.reduce((a, s) => a + s.value, 0);
  return {
    usedCores: { value: usedCores, query: `sum(rate(container_cpu_usage_seconds_total{${sel}, container!=""}[${w}]))` },
    requestCores: reqPods.length
      ? { value: requestCores, query: `sum(kube_pod_container_resource_requests{${sel}, resource="cpu"})` }
      : undefined,
    ratio: reqPods.length && requestCores > 0 ? usedCores / requestCores : undefined,
  };
}

function escape(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

function escapeRegex(v: string): string {
  return v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

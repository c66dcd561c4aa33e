import { setMaxListeners } from 'node:events';
import { fetchRouteHistory, type HistoryOptions } from './routeHistory';
import type { EnvironmentModel, Service } from '../model/environment';
import type { PrometheusClient, VectorSample } from './prometheusClient';
import { HTTP_CONVENTIONS, type HttpConvention } from './httpConventions';
import {
  autoscalerOf,
  capacityScope,
  HPA_CURRENT,
  HPA_MAX,
  peaksQuery,
  podCapacityOf,
  poolsOf,
  poolsQuery,
  specQuery,
  usageQuery,
  type CapacityInputs,
} from './capacitySignals';
import { describeConvention, errorsQuery, latencyQuery, rateQuery, routesOf, splitLatency, splitRates, type Usage } from './httpSignals';
import { isDuration } from './promql';
import { SignalsError } from './signalsError';
import type { RouteSignals, ServiceSignals, SignalSet } from './signalSet';

export interface FetchOptions {
  /** Unix seconds; default now. */
  at?: number;
  /** PromQL duration for rates; default 5m. */
  window?: string;
  /** Range capacity peaks are taken over (default 7d); `false` skips the peak query. */
  peakWindow?: string | false;
  signal?: AbortSignal;
  /** Only this convention (as before conventions were detected). */
  convention?: HttpConvention;
  /** Conventions to detect, in order of preference; default the built-in ones (custom ones from `.ops-lens.yaml` go first). */
  conventions?: readonly HttpConvention[];
  /** Also fetch each route's last hours (two or so range queries more, whatever the number of routes); off by default. */
  history?: HistoryOptions;
}

/** fetchSignals' own default, an almost instant rate (what callers written before windows were chosen get). */
export const DEFAULT_WINDOW = '5m';
/** What users get unless they choose (editor setting, CLI `--window`): rates over the last hour, steadier than 5 minutes. */
export const DEFAULT_USER_WINDOW = '1h';
/** Capacity is planned for the peak: CPU, memory and replicas also as their highest over the last 7 days. */
export const DEFAULT_PEAK_WINDOW = '7d';

/**
 * One refresh: a fixed set of queries covering every route of every service at once, so its cost does not grow
 * with the number of routes or services. The request-rate query also detects each service's metric convention;
 * errors and latency follow for the conventions in use only, restricted to their services. Capacity queries
 * run beside it. Each number keeps a query that reproduces it on its own.
 */
export async function fetchSignals(client: PrometheusClient, model: EnvironmentModel, options: FetchOptions = {}): Promise<SignalSet> {
  const at = options.at ?? Math.floor(Date.now() / 1000);
  const w = options.window ?? DEFAULT_WINDOW;
  const peak = options.peakWindow === false ? undefined : options.peakWindow ?? DEFAULT_PEAK_WINDOW;
  for (const [name, d] of [['window', w], ['peak window', peak]] as const) {
    if (d !== undefined && !isDuration(d)) throw new SignalsError('bad-query', `The ${name} "${d}" is not a PromQL duration such as 5m, 1h or 7d`);
  }
  const conventions = options.convention ? [options.convention] : options.conventions?.length ? options.conventions : HTTP_CONVENTIONS;
  const requestsBefore = client.requestCount;
  const fetchedAt = Math.floor(Date.now() / 1000);

  // One failure of a required query cancels the others: no requests keep running for a refresh that failed.
  const abort = new AbortController();
  // Every query (and its retry backoff) listens on it: more than Node's default of 10 is expected, not a leak.
  setMaxListeners(64, abort.signal);
  const onOuterAbort = () => abort.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  // The first failure is the one to report: the others are its consequences (cancelled by it).
  let firstError: unknown;
  const fail = (e: unknown): never => {
    firstError ??= e;
    abort.abort();
    throw e;
  };
  const run = (promql: string) => client.query(promql, at, abort.signal).catch(fail);
  const notes: string[] = [];
  /** Extras (peaks, pools) may fail on a slow or partial backend without losing the rest. */
  const optional = (what: string, promql: string | undefined): Promise<VectorSample[]> =>
    promql
      ? client.query(promql, at, abort.signal).catch((e: unknown) => {
          if (!(e instanceof SignalsError) || ['cancelled', 'unreachable', 'unauthorised'].includes(e.kind)) return fail(e);
          notes.push(`No ${what}: ${e.message}`);
          return [];
        })
      : Promise.resolve([]);

  try {
    const scope = capacityScope(model);
    const capacity = Promise.all([
      run(HPA_CURRENT),
      run(HPA_MAX),
      run(usageQuery(scope, w)),
      run(specQuery(scope)),
      optional(`${peak} peaks`, peak ? peaksQuery(scope, w, peak) : undefined),
      optional('connection pool data', poolsQuery()),
    ]);
    capacity.catch(() => undefined); // reported through firstError when awaited below

    const rates = splitRates(conventions, await run(rateQuery(conventions, w)));
    const chosen = chooseConventions(model, conventions, rates);
    const usage: Usage = new Map();
    for (const { convention, job } of chosen.values()) usage.set(convention, [...(usage.get(convention) ?? []), job]);
    const latencyPromql = latencyQuery(usage, conventions, w);
    const [errors, latencySamples] = usage.size
      ? await Promise.all([run(errorsQuery(usage, conventions, w)), latencyPromql ? run(latencyPromql) : Promise.resolve([])])
      : [[], []];
    const latency = splitLatency(usage, conventions, w, latencySamples);
    const errorsByConvention = splitRates([...usage.keys()], errors);

    const [hpaCurrent, hpaMax, usageSamples, spec, peaks, pools] = await capacity;
    const cap: CapacityInputs = { w, peak, hpaCurrent, hpaMax, usage: usageSamples, spec, peaks, pools };

    const services: ServiceSignals[] = [];
    for (const service of model.services) {
      if (service.recipes.every((r) => r.kind === 'compose/service') && service.codeRoots.length === 0) continue;
      const pick = chosen.get(service);
      const out: ServiceSignals = { service: service.name, job: pick?.job, routes: [] };
      if (pick) {
        const c = pick.convention;
        out.convention = describeConvention(c, latency, pick.job);
        out.routes = routesOf(pick.job, c, w, { rates: rates.get(c.id) ?? [], errors: errorsByConvention.get(c.id) ?? [], latency });
      } else if (service.codeRoots.length > 0) {
        const labels = [...new Set(conventions.map((c) => c.serviceLabel))].join(' or ');
        notes.push(
          `No HTTP metrics for service "${service.name}": no ${labels} label equal to "${service.name}" or ending in "/${service.name}" in ${[...new Set(conventions.map((c) => c.countMetric))].join(', ')}`,
        );
      }
      out.autoscaler = autoscalerOf(service, cap, scope);
      Object.assign(out, podCapacityOf(service, cap, scope));
      const serviceJobs = (job: string) => jobMatches(job, service);
      out.pools = poolsOf(service, cap, serviceJobs);
      if (!out.pools) delete out.pools;
      if (out.routes.length || out.autoscaler || out.cpu || out.memory || out.pools) services.push(out);
    }
    if (options.history) {
      const used = [...usage.entries()].map(([convention, jobs]) => {
        const routes = new Map<string, RouteSignals[]>();
        for (const [service, pick] of chosen) {
          if (pick.convention !== convention) continue;
          for (const r of services.find((s) => s.service === service.name)?.routes ?? []) {
            const k = `${pick.job} ${r.method === 'ANY' ? '' : r.method} ${r.route}`;
            routes.set(k, [...(routes.get(k) ?? []), r]);
          }
        }
        return { convention, jobs, routes };
      });
      await fetchRouteHistory(client, used, at, options.history, abort.signal).catch((e: unknown) => {
        if (e instanceof SignalsError && ['cancelled', 'unreachable', 'unauthorised'].includes(e.kind)) return fail(e);
        notes.push(`No traffic history: ${(e as Error).message}`);
      });
    }
    return {
      source: { kind: 'prometheus', url: client.displayUrl },
      evaluatedAt: at,
      window: w,
      peakWindow: peak,
      fetchedAt,
      requests: client.requestCount - requestsBefore,
      services,
      notes,
    };
  } catch (e) {
    abort.abort();
    throw firstError ?? e;
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

/** For each service, the first convention (in order of preference) that has metrics for it, and its label value. */
function chooseConventions(
  model: EnvironmentModel,
  conventions: readonly HttpConvention[],
  rates: Map<string, VectorSample[]>,
): Map<Service, { convention: HttpConvention; job: string }> {
  const chosen = new Map<Service, { convention: HttpConvention; job: string }>();
  for (const c of conventions) {
    const jobs = new Set((rates.get(c.id) ?? []).map((s) => s.metric[c.serviceLabel]));
    for (const service of model.services) {
      if (chosen.has(service)) continue;
      const job = [...jobs].find((j) => jobMatches(j, service));
      if (job) chosen.set(service, { convention: c, job });
    }
  }
  return chosen;
}

/** `job="orders"`, or OpenTelemetry's `service.namespace/service.name` (`job="shop/orders"`). */
export function jobMatches(job: string, service: Service): boolean {
  if (job === service.name) return true;
  const slash = job.lastIndexOf('/');
  if (slash < 0 || job.slice(slash + 1) !== service.name) return false;
  const ns = job.slice(0, slash);
  return !service.namespace || ns === service.namespace || ns.endsWith(`/${service.namespace}`);
}

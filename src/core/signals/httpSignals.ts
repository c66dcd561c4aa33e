import { groupingLabels, latencyCountMetric, methodOfSeries, routeOfSeries, type HttpConvention } from './httpConventions';
import type { VectorSample } from './prometheusClient';
import { alternation, quote, selector, splitUnion, taggedUnion } from './promql';
import type { DetectedConvention, Measurement, RouteSignals } from './signalSet';

const CONVENTION_TAG = 'ops_lens_convention';
const PART_TAG = 'ops_lens_part';
const QUANTILES = [0.95, 0.5, 0.99] as const;

/**
 * The route filter only tells apart conventions that share a metric name (express-prom-bundle's `path` and
 * FastAPI's `handler` both use `http_request_duration_seconds`); elsewhere it would only lengthen the query.
 */
function routeFilter(c: HttpConvention, all: readonly HttpConvention[], metric: string): string | undefined {
  const shared = all.some((o) => o !== c && (o.countMetric === metric || o.bucketMetric === metric || latencyCountMetric(o) === metric || o.sumMetric === metric));
  return shared ? `${c.routeLabel}!=""` : undefined;
}

const by = groupingLabels;

/**
 * Request rates per service, route and method for every known convention, in one query. It is also the
 * convention detection: which conventions answer for which service label value.
 */
export function rateQuery(conventions: readonly HttpConvention[], w: string): string {
  return taggedUnion(
    CONVENTION_TAG,
    conventions.map((c) => ({
      name: c.id,
      expr: `sum by (${by(c)}) (rate(${c.countMetric}${selector(routeFilter(c, conventions, c.countMetric))}[${w}]))`,
    })),
  );
}

/** Rate samples per convention id, dropping samples without a service or a route. */
export function splitRates(conventions: readonly HttpConvention[], samples: VectorSample[]): Map<string, VectorSample[]> {
  const split = splitUnion(CONVENTION_TAG, conventions.map((c) => ({ name: c.id })), samples);
  for (const c of conventions) {
    split.set(c.id, (split.get(c.id) ?? []).filter((s) => s.metric[c.serviceLabel] && routeOfSeries(c, s.metric)));
  }
  return split;
}

/** The conventions in use and the service label values each was chosen for. */
export type Usage = Map<HttpConvention, string[]>;

function jobMatcher(c: HttpConvention, jobs: string[]): string {
  return `${c.serviceLabel}=~${quote(alternation(jobs))}`;
}

/** 5xx rates of the services in use, one query whatever the number of conventions, services and routes. */
export function errorsQuery(usage: Usage, all: readonly HttpConvention[], w: string): string {
  return taggedUnion(
    CONVENTION_TAG,
    [...usage].map(([c, jobs]) => ({
      name: c.id,
      expr: `sum by (${by(c)}) (rate(${c.countMetric}${selector(`${c.statusLabel}=~${quote(c.serverErrors)}`, jobMatcher(c, jobs), routeFilter(c, all, c.countMetric))}[${w}]))`,
    })),
  );
}

interface LatencyPart {
  name: string;
  expr: string;
}

function latencyParts(usage: Usage, all: readonly HttpConvention[], w: string): LatencyPart[] {
  const parts: LatencyPart[] = [];
  for (const [c, jobs] of usage) {
    const scale = c.unitsPerSecond === 1 ? '' : ` / ${c.unitsPerSecond}`;
    if (c.bucketMetric) {
      const sel = selector(jobMatcher(c, jobs), routeFilter(c, all, c.bucketMetric));
      for (const q of QUANTILES) {
        parts.push({ name: `${c.id}/${q}`, expr: `histogram_quantile(${q}, sum by (le, ${by(c)}) (rate(${c.bucketMetric}${sel}[${w}])))${scale}` });
      }
    }
    const count = latencyCountMetric(c) ?? c.countMetric;
    if (c.sumMetric) {
      const sum = selector(jobMatcher(c, jobs), routeFilter(c, all, c.sumMetric));
      const cnt = selector(jobMatcher(c, jobs), routeFilter(c, all, count));
      parts.push({
        name: `${c.id}/mean`,
        expr: `sum by (${by(c)}) (rate(${c.sumMetric}${sum}[${w}])) / sum by (${by(c)}) (rate(${count}${cnt}[${w}]))${scale}`,
      });
    }
  }
  return parts;
}

/** p95, p50, p99 from histograms and the mean from sum/count, for every convention in use, in one query. */
export function latencyQuery(usage: Usage, all: readonly HttpConvention[], w: string): string | undefined {
  const parts = latencyParts(usage, all, w);
  return parts.length ? taggedUnion(PART_TAG, parts) : undefined;
}

export function splitLatency(usage: Usage, all: readonly HttpConvention[], w: string, samples: VectorSample[]): Map<string, VectorSample[]> {
  return splitUnion(PART_TAG, latencyParts(usage, all, w), samples);
}

export interface RouteInputs {
  rates: VectorSample[];
  errors: VectorSample[];
  /** By `<convention>/<0.5|0.95|0.99|mean>`. */
  latency: Map<string, VectorSample[]>;
}

/** One service's routes from the batched answers, each number with a query that reproduces it alone. */
export function routesOf(job: string, c: HttpConvention, w: string, input: RouteInputs): RouteSignals[] {
  const key = (m: Record<string, string>) => `${methodOfSeries(c, m) ?? ''} ${routeOfSeries(c, m)}`;
  const mine = (samples: VectorSample[] | undefined) =>
    new Map((samples ?? []).filter((s) => s.metric[c.serviceLabel] === job).map((s) => [key(s.metric), s.value]));
  const errorByRoute = mine(input.errors);
  const latency = (part: string) => mine(input.latency.get(`${c.id}/${part}`));
  const p50 = latency('0.5');
  const p95 = latency('0.95');
  const p99 = latency('0.99');
  const mean = latency('mean');
  const scale = c.unitsPerSecond === 1 ? '' : ` / ${c.unitsPerSecond}`;
  const routes: RouteSignals[] = [];
  for (const s of input.rates) {
    const route = s.metric[c.serviceLabel] === job ? routeOfSeries(c, s.metric) : undefined;
    if (!route) continue;
    const method = methodOfSeries(c, s.metric) ?? 'ANY';
    const sel = [`${c.serviceLabel}=${quote(job)}`, ...(c.routeLabels ?? [c.routeLabel]).map((l) => `${l}=${quote(s.metric[l])}`)];
    if (c.methodLabel && s.metric[c.methodLabel]) sel.push(`${c.methodLabel}=${quote(method)}`);
    const routeSel = sel.join(', ');
    const r: RouteSignals = {
      method,
      route,
      requestRate: { value: s.value, query: `sum(rate(${c.countMetric}{${routeSel}}[${w}]))` },
    };
    const k = key(s.metric);
    if (s.value > 0) {
      r.errorRatio = {
        value: (errorByRoute.get(k) ?? 0) / s.value,
        query: `sum(rate(${c.countMetric}{${routeSel}, ${c.statusLabel}=~${quote(c.serverErrors)}}[${w}])) / sum(rate(${c.countMetric}{${routeSel}}[${w}]))`,
      };
    }
    const quantile = (values: Map<string, number>, q: number): Measurement | undefined => {
      const v = values.get(k);
      if (v === undefined || !c.bucketMetric) return undefined;
      return { value: v, query: `histogram_quantile(${q}, sum by (le) (rate(${c.bucketMetric}{${routeSel}}[${w}])))${scale}` };
    };
    const m50 = quantile(p50, 0.5);
    const m95 = quantile(p95, 0.95);
    const m99 = quantile(p99, 0.99);
    if (m50) r.p50Seconds = m50;
    if (m95) r.p95Seconds = m95;
    if (m99) r.p99Seconds = m99;
    const avg = mean.get(k);
    if (avg !== undefined && c.sumMetric) {
      const count = latencyCountMetric(c) ?? c.countMetric;
      r.meanSeconds = { value: avg, query: `sum(rate(${c.sumMetric}{${routeSel}}[${w}])) / sum(rate(${count}{${routeSel}}[${w}]))${scale}` };
    }
    routes.push(r);
  }
  return routes.sort((a, b) => b.requestRate.value - a.requestRate.value);
}

export function describeConvention(c: HttpConvention, latency: Map<string, VectorSample[]>, job: string): DetectedConvention {
  const histogram = (latency.get(`${c.id}/0.95`) ?? []).some((s) => s.metric[c.serviceLabel] === job);
  return { id: c.id, metric: c.countMetric, routeLabel: c.routeLabel, serviceLabel: c.serviceLabel, histogram };
}

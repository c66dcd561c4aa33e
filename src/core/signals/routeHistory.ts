import { groupingLabels, methodOfSeries, routeOfSeries, type HttpConvention } from './httpConventions';
import type { PrometheusClient } from './prometheusClient';
import type { RouteSignals } from './signalSet';

/** The last hours of a route's traffic and latency, for the small charts in hovers. */
export interface RouteHistory {
  /** Unix seconds of the first point; points are `step` seconds apart. */
  start: number;
  step: number;
  /** Requests per second at each point (undefined where the backend had no data: a gap, not a zero). */
  rps: (number | null)[];
  p95Seconds?: (number | null)[];
}

export interface HistoryOptions {
  hours: number;
  /** Seconds between points. */
  step: number;
}

export const DEFAULT_HISTORY: HistoryOptions = { hours: 6, step: 600 };

/**
 * One range query for the rate of every route of the conventions in use, and one per histogram convention for
 * p95: the cost does not grow with routes or services. Fills `history` on the matching routes in place.
 */
export async function fetchRouteHistory(
  client: PrometheusClient,
  used: { convention: HttpConvention; jobs: string[]; routes: Map<string, RouteSignals[]> }[],
  at: number,
  options: HistoryOptions,
  signal?: AbortSignal,
): Promise<void> {
  const start = at - options.hours * 3600;
  const points = Math.floor((at - start) / options.step) + 1;
  const rateWindow = `${Math.max(60, options.step)}s`;
  await Promise.all(
    used.map(async ({ convention: c, jobs, routes }) => {
      const by = groupingLabels(c);
      const jobMatch = `${c.serviceLabel}=~"${jobs.map(escapeRegex).join('|')}"`;
      const rate = client.queryRange(`sum by (${by}) (rate(${c.countMetric}{${jobMatch}}[${rateWindow}]))`, start, at, options.step, signal);
      const p95 = c.bucketMetric
        ? client.queryRange(`histogram_quantile(0.95, sum by (le, ${by}) (rate(${c.bucketMetric}{${jobMatch}}[${rateWindow}])))`, start, at, options.step, signal)
        : Promise.resolve([]);
      const [rateSeries, p95Series] = await Promise.all([rate, p95]);
      const key = (m: Record<string, string>) => `${m[c.serviceLabel]} ${methodOfSeries(c, m) ?? ''} ${routeOfSeries(c, m)}`;
      const grid = (values: [number, number][], scale = 1) => {
        const out: (number | null)[] = new Array(points).fill(null);
        for (const [t, v] of values) {
          const i = Math.round((t - start) / options.step);
          if (i >= 0 && i < points && Number.isFinite(v)) out[i] = v / scale;
        }
        return out;
      };
      const p95ByKey = new Map(p95Series.map((s) => [key(s.metric), grid(s.values, c.unitsPerSecond)]));
      for (const s of rateSeries) {
        for (const r of routes.get(key(s.metric)) ?? []) {
          r.history = { start, step: options.step, rps: grid(s.values), p95Seconds: p95ByKey.get(key(s.metric)) };
        }
      }
    }),
  );
}

function escapeRegex(v: string): string {
  return v.replace(/[.*+?^${}()|[\]\\"]/g, '\\$&');
}

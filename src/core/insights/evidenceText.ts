import type { RouteHistory } from '../signals/routeHistory';
import type { AutoscalerSignals, RouteSignals } from '../signals/signalSet';
import { sparklineDataUri } from './sparkline';
import { formatRate } from './severityRules';
import type { Evidence, EvidenceNumber, Warning } from './warning';
import { docsUrl, WARNING_CODES } from './warningCodes';

export function formatSeconds(seconds: number): string {
  return seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(2)} s`;
}

export function formatPercent(ratio: number): string {
  const p = ratio * 100;
  return `${p < 1 ? p.toFixed(1) : Math.round(p)}%`;
}

/** The one-line summary a CodeLens shows above a route handler: "852 req/s · p95 91 ms · 0.2% errors · HPA 10/10". */
export function routeSummary(route: RouteSignals, autoscaler?: AutoscalerSignals): string {
  const parts = [`${formatRate(route.requestRate.value)} req/s`];
  if (route.p95Seconds) parts.push(`p95 ${formatSeconds(route.p95Seconds.value)}`);
  if (route.errorRatio) parts.push(`${formatPercent(route.errorRatio.value)} errors`);
  if (autoscaler) parts.push(`HPA ${autoscaler.currentReplicas.value}/${autoscaler.maxReplicas.value}`);
  return parts.join(' · ');
}

export interface QueryRow {
  label: string;
  value: string;
  query: string;
}

/** Every number behind a warning with the query that reproduces it. */
export function evidenceRows(e: Evidence): QueryRow[] {
  const rows: QueryRow[] = [];
  const add = (label: string, n: EvidenceNumber | undefined, fmt: (v: number) => string) => {
    if (n) rows.push({ label, value: fmt(n.value), query: n.query });
  };
  add('Request rate', e.requestRate, (v) => `${formatRate(v)} req/s`);
  add('p95 latency', e.p95Seconds, formatSeconds);
  add('Error ratio (5xx)', e.errorRatio, formatPercent);
  if (e.autoscaler) {
    add(`Autoscaler ${e.autoscaler.name}: current replicas`, e.autoscaler.current, String);
    add(`Autoscaler ${e.autoscaler.name}: max replicas`, e.autoscaler.max, String);
  }
  if (e.cpu) {
    add('CPU used (cores)', e.cpu.used, (v) => v.toFixed(2));
    add('CPU requested (cores)', e.cpu.request, (v) => v.toFixed(2));
  }
  return rows;
}

function escapeMarkdown(s: string): string {
  return s.replace(/[|\\`*_{}[\]<>]/g, (c) => `\\${c}`);
}

/** Two small charts, traffic and p95 latency over the history's hours; empty when there is no history. */
export function historyMarkdown(history: RouteHistory | undefined): string {
  if (!history) return '';
  const hours = Math.round(((history.rps.length - 1) * history.step) / 3600);
  const values = (xs: (number | null)[]) => xs.map((v) => (v === null ? undefined : v));
  const peak = Math.max(...history.rps.filter((v): v is number => v !== null));
  const charts = [];
  const rps = sparklineDataUri(values(history.rps), { label: `req/s, last ${hours} h (peak ${formatRate(peak)})`, color: '#3794ff' });
  if (rps) charts.push(`![requests per second over the last ${hours} hours](${rps})`);
  if (history.p95Seconds) {
    const p95Peak = Math.max(...history.p95Seconds.filter((v): v is number => v !== null));
    const p95 = sparklineDataUri(values(history.p95Seconds), { label: `p95, last ${hours} h (peak ${formatSeconds(p95Peak)})`, color: '#d18616' });
    if (p95) charts.push(`![p95 latency over the last ${hours} hours](${p95})`);
  }
  return charts.join(' ');
}

/** The hover over a warning: what, why this severity, the numbers with their source and instant, and what to do. */
export function warningMarkdown(w: Warning, history?: RouteHistory): string {
  const meta = WARNING_CODES[w.code];
  const lines = [`**Ops Lens · ${meta.title}** ([\`${w.code}\`](${docsUrl(w.code)}))`, '', escapeMarkdown(w.message), ''];
  const rows = evidenceRows(w.evidence);
  if (rows.length) {
    lines.push('| Evidence | Value |', '|---|---|');
    for (const r of rows) lines.push(`| ${escapeMarkdown(r.label)} | ${escapeMarkdown(r.value)} |`);
    lines.push('');
  }
  const when = w.evidence.evaluatedAt ? new Date(w.evidence.evaluatedAt * 1000).toISOString() : undefined;
  if (w.evidence.source) {
    lines.push(`*From ${escapeMarkdown(w.evidence.source)}${when ? `, evaluated at ${when}` : ''}${w.evidence.window ? ` over ${w.evidence.window}` : ''}.*`);
  } else {
    lines.push('*No production data: configure `opsLens.prometheus.url` or a snapshot to see the load this code carries.*');
  }
  if (w.estimate) lines.push('', `Estimated extra load: ${escapeMarkdown(w.estimate)}.`);
  const charts = historyMarkdown(history);
  if (charts) lines.push('', charts);
  return lines.join('\n');
}

/** The hover over a route handler's registration line. */
export function routeMarkdown(method: string, path: string, route: RouteSignals, autoscaler: AutoscalerSignals | undefined, source: string, evaluatedAt: number): string {
  const lines = [`**Ops Lens · ${escapeMarkdown(`${method} ${path}`)}** in production`, '', '| Signal | Value |', '|---|---|'];
  lines.push(`| Request rate | ${formatRate(route.requestRate.value)} req/s |`);
  if (route.p95Seconds) lines.push(`| p95 latency | ${formatSeconds(route.p95Seconds.value)} |`);
  if (route.errorRatio) lines.push(`| Error ratio (5xx) | ${formatPercent(route.errorRatio.value)} |`);
  if (autoscaler) lines.push(`| Autoscaler ${escapeMarkdown(autoscaler.name)} | ${autoscaler.currentReplicas.value}/${autoscaler.maxReplicas.value} replicas |`);
  lines.push('', `*From ${escapeMarkdown(source)}, evaluated at ${new Date(evaluatedAt * 1000).toISOString()}.*`);
  const charts = historyMarkdown(route.history);
  if (charts) lines.push('', charts);
  return lines.join('\n');
}

import { formatBytes, formatCores } from '../recipes/quantities';

/** `500m` below a core, `4.2 cores` above: a bare `4.2` reads like anything. */
function cores(n: number): string {
  return n < 1 ? formatCores(n) : `${formatCores(n)} core${n === 1 ? '' : 's'}`;
}
import type { Measurement, ServiceSignals, SignalSet } from '../signals/signalSet';
import type { ChangeKind, Evidence, EvidenceItem } from './changeTypes';

/**
 * The production numbers that justify (or question) a change, chosen for what is changed: the autoscaler for replica
 * counts, CPU against its request and limit for CPU, the working set and OOM kills for memory, pool saturation for a
 * pool size, the slowest route for a timeout. Each item carries its query and window, so operations can check it.
 */
export function evidenceFor(kind: ChangeKind, settingKind: string | undefined, signals: ServiceSignals | undefined, set: SignalSet | undefined): Evidence {
  const items: EvidenceItem[] = [];
  const evidence: Evidence = { items };
  if (set) {
    evidence.source = set.source.kind === 'prometheus' ? `Prometheus ${set.source.url}` : `snapshot ${set.source.file}`;
    evidence.evaluatedAt = new Date(set.evaluatedAt * 1000).toISOString();
  }
  if (!signals) return evidence;
  const window = set?.window;
  const peak = set?.peakWindow;
  const add = (summary: string, m: Measurement | undefined, w = m?.window ?? window) => items.push({ summary, query: m?.query, window: w });
  const traffic = () => {
    const total = signals.routes.reduce((sum, r) => sum + r.requestRate.value, 0);
    if (signals.routes.length) {
      const hottest = [...signals.routes].sort((a, b) => b.requestRate.value - a.requestRate.value)[0];
      add(`Traffic: ${round(total)} req/s over ${signals.routes.length} routes; busiest ${hottest.method} ${hottest.route} at ${round(hottest.requestRate.value)} req/s`, hottest.requestRate);
    }
  };
  const autoscaler = () => {
    const a = signals.autoscaler;
    if (!a) return;
    add(`Autoscaler ${a.name} at ${a.currentReplicas.value}/${a.maxReplicas.value} replicas (${a.headroom <= 0 ? 'no headroom: pinned at its maximum' : `${a.headroom} replicas of headroom`})`, a.currentReplicas);
    if (a.peakReplicas) add(`Peak replicas over ${a.peakReplicas.window ?? peak ?? 'the peak window'}: ${a.peakReplicas.value}`, a.peakReplicas, a.peakReplicas.window ?? peak);
  };
  const cpu = () => {
    const c = signals.cpu;
    if (!c) return;
    const req = c.requestCores ? ` = ${pct(c.ratio)} of the ${cores(c.requestCores.value)} request` : '';
    add(`CPU used: ${cores(c.usedCores.value)}${req}${c.limitRatio !== undefined ? `, ${pct(c.limitRatio)} of the limit` : ''}`, c.usedCores);
    if (c.peakUsedCores) add(`Peak CPU over ${c.peakUsedCores.window ?? peak ?? 'the peak window'}: ${cores(c.peakUsedCores.value)}${c.peakRatio !== undefined ? ` = ${pct(c.peakRatio)} of request` : ''}`, c.peakUsedCores, c.peakUsedCores.window ?? peak);
  };
  const memory = () => {
    const m = signals.memory;
    if (m) {
      add(`Memory working set: ${formatBytes(m.workingSetBytes.value)}${m.ratio !== undefined ? ` = ${pct(m.ratio)} of request` : ''}${m.limitRatio !== undefined ? `, ${pct(m.limitRatio)} of limit` : ''}`, m.workingSetBytes);
      if (m.peakWorkingSetBytes) add(`Peak memory over ${m.peakWorkingSetBytes.window ?? peak ?? 'the peak window'}: ${formatBytes(m.peakWorkingSetBytes.value)}${m.peakLimitRatio !== undefined ? ` = ${pct(m.peakLimitRatio)} of limit` : ''}`, m.peakWorkingSetBytes, m.peakWorkingSetBytes.window ?? peak);
    }
    const r = signals.restarts;
    if (r && (r.total.value > 0 || (r.oomKilled?.value ?? 0) > 0)) add(`Restarts: ${r.total.value}${r.oomKilled ? `, ${r.oomKilled.value} OOM-killed` : ''}`, r.oomKilled ?? r.total);
  };
  const pools = () => {
    for (const p of signals.pools ?? []) {
      add(`Pool ${p.name}: ${round(p.active.value)}/${round(p.max.value)} connections in use (${pct(p.saturation)})${p.pending ? `, ${round(p.pending.value)} waiting` : ''}`, p.active);
    }
  };
  const latency = () => {
    const slow = signals.routes.filter((r) => r.p99Seconds ?? r.p95Seconds).sort((a, b) => (b.p99Seconds ?? b.p95Seconds)!.value - (a.p99Seconds ?? a.p95Seconds)!.value)[0];
    if (slow) {
      const m = (slow.p99Seconds ?? slow.p95Seconds)!;
      add(`Slowest route: ${slow.method} ${slow.route} ${slow.p99Seconds ? 'p99' : 'p95'} ${ms(m.value)}`, m);
    }
  };

  switch (kind) {
    case 'replicas':
    case 'minReplicas':
    case 'maxReplicas':
      autoscaler();
      cpu();
      traffic();
      break;
    case 'targetCpuUtilization':
      cpu();
      autoscaler();
      break;
    case 'cpuRequest':
    case 'cpuLimit':
      cpu();
      autoscaler();
      break;
    case 'memoryRequest':
    case 'memoryLimit':
      memory();
      break;
    case 'setting':
      if (settingKind === 'timeout') latency();
      else pools();
      traffic();
      break;
    default:
      autoscaler();
      cpu();
      memory();
      pools();
      traffic();
  }
  return evidence;
}

/** One line per item, for the quick pick's detail and the issue body. */
export function evidenceLine(e: Evidence, max = 2): string {
  return e.items.slice(0, max).map((i) => i.summary).join(' · ');
}

function pct(r: number | undefined): string {
  return r === undefined ? '?' : `${Math.round(r * 100)}%`;
}

function round(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : String(+n.toFixed(1));
}

function ms(seconds: number): string {
  return seconds >= 1 ? `${+seconds.toFixed(2)} s` : `${Math.round(seconds * 1000)} ms`;
}

// A real Prometheus serving hand-written OpenMetrics history, for metric shapes the profile generator does not
// make (FastAPI's counter, old OpenTelemetry milliseconds, a Micrometer summary without buckets, connection pools,
// OOM kills). Same binaries and flags as test/support/prometheus.ts.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../support/freePort';

export interface Series {
  name: string;
  labels: Record<string, string>;
  /** Value at time t (Unix seconds). */
  at(t: number): number;
}

export interface Family {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary';
  series: Series[];
}

/**
 * Hand-written history over [start, end]: counters that grow linearly from `start` (so true rates are exact), gauges,
 * and histograms as cumulative counters (`fractions[i]` of `rps` at or below `les[i]`, the last le +Inf).
 */
export function handWritten(start: number) {
  const counter = (name: string, labels: Record<string, string>, perSecond: number): Series => ({ name, labels, at: (t) => 1000 + perSecond * (t - start) });
  const gauge = (name: string, labels: Record<string, string>, value: number): Series => ({ name, labels, at: () => value });
  const histogram = (base: string, labels: Record<string, string>, rps: number, les: string[], fractions: number[], mean: number): Series[] => [
    ...les.map((le, i) => counter(`${base}_bucket`, { ...labels, le }, rps * fractions[i])),
    counter(`${base}_count`, labels, rps),
    counter(`${base}_sum`, labels, rps * mean),
  ];
  return { counter, gauge, histogram };
}

/** OpenMetrics with every family contiguous, every series' samples in time order, timestamps in seconds. */
export function openMetrics(families: Family[], start: number, end: number, step: number): string {
  const out: string[] = [];
  for (const f of families) {
    out.push(`# TYPE ${f.name} ${f.type}`);
    for (const s of f.series) {
      const labels = Object.entries(s.labels).map(([k, v]) => `${k}="${v}"`).join(',');
      for (let t = start; t <= end; t += step) out.push(`${s.name}{${labels}} ${s.at(t)} ${t}`);
    }
  }
  out.push('# EOF', '');
  return out.join('\n');
}

export interface CustomPrometheus {
  url: string;
  stop(): Promise<void>;
}

export async function startCustomPrometheus(text: string, end: number): Promise<CustomPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'ops-lens-custom-prom-'));
  writeFileSync(join(dir, 'data.om'), text);
  writeFileSync(join(dir, 'prom.yml'), 'global: {scrape_interval: 15s}\nscrape_configs: []\n');
  await promisify(execFile)('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', join(dir, 'data.om'), join(dir, 'tsdb')]);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('prometheus', [`--config.file=${join(dir, 'prom.yml')}`, `--storage.tsdb.path=${join(dir, 'tsdb')}`, '--storage.tsdb.retention.time=10y', `--web.listen-address=127.0.0.1:${port}`], { stdio: 'ignore' });
  const exited = new Promise((r) => child.once('exit', r));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: 'count({__name__=~".+"})', time: String(end) })}`);
      const body = (await res.json()) as { data?: { result?: { value: [number, string] }[] } };
      if (Number(body.data?.result?.[0]?.value[1]) > 0) return { url, stop };
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus on ${url} did not serve the backfilled data within 30 s`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

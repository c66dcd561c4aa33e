// Signals refresh cost against a real Prometheus (Debian's, backfilled with generated history):
//  1. HTTP requests per refresh for a service with 5 routes and one with 500 routes: must be equal.
//  2. Refresh time for 50 services against the same queries sent by curl in one run (all in parallel), measured in
//     the same run on the same Prometheus, so the ratio is what Ops Lens adds over the backend's own time.
//   node --import tsx scripts/bench/signals.ts      (or as part of `npm run bench`)
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EnvironmentModel } from '../../src/core/model/environment';
import { PrometheusClient, type VectorSample } from '../../src/core/signals/prometheusClient';
import { DEFAULT_USER_WINDOW, fetchSignals } from '../../src/core/signals/prometheusSignals';
import { modelFromTruth, serviceFromTruth } from '../../test/integration/signals/support';
import { startPrometheus, type TestPrometheus } from '../../test/support/prometheus';
import { median } from './stats';

export interface BenchRow {
  name: string;
  value: string;
  detail: string;
}

const RUNS = 7;

/** Remembers the queries of a refresh, to replay them with curl. */
class RecordingClient extends PrometheusClient {
  readonly queries: string[] = [];
  override query(promql: string, time: number, signal?: AbortSignal): Promise<VectorSample[]> {
    this.queries.push(promql);
    return super.query(promql, time, signal);
  }
}

function route(i: number) {
  return { method: i % 4 === 0 ? 'POST' : 'GET', route: `/r${i}/:id`, rps: 5 + (i % 50), p50: 0.02, p95: 0.08, errorRatio: 0.002 };
}

function service(name: string, routes: number, hpa: boolean) {
  return {
    name,
    convention: 'otel-stable',
    job: `bench/${name}`,
    hpa: hpa ? { name, min: 2, max: 10, current: 4 } : undefined,
    replicas: hpa ? 4 : 2,
    cpu: { request: 0.5, limit: 1, used: 0.3 },
    memory: { request: '512Mi', limit: '1Gi', workingSet: '300Mi' },
    routes: Array.from({ length: routes }, (_, i) => route(i)),
  };
}

async function serve(dir: string, name: string, services: ReturnType<typeof service>[]): Promise<TestPrometheus> {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ namespace: 'bench', seed: 7, services }));
  // 90 minutes cover the default 1h window; one sample a minute keeps the 500-route backfill short.
  return startPrometheus({ profile: file, hours: 1.5, stepSeconds: 60 });
}


async function timeRefresh(url: string, model: EnvironmentModel, at: number): Promise<{ ms: number[]; requests: number; queries: string[] }> {
  const ms: number[] = [];
  let last: RecordingClient | undefined;
  for (let i = 0; i < RUNS + 1; i++) {
    const client = new RecordingClient({ url, timeoutMs: 60_000 });
    const t = performance.now();
    await fetchSignals(client, model, { at, window: DEFAULT_USER_WINDOW });
    if (i > 0) ms.push(performance.now() - t); // the first run warms Prometheus' page cache
    last = client;
  }
  return { ms, requests: last!.requestCount, queries: last!.queries };
}

/** The same queries, POSTed by one curl process, all in parallel. */
async function timeCurl(url: string, queries: string[], at: number, dir: string): Promise<number[]> {
  const args = ['--silent', '--show-error', '--fail', '--parallel', '--parallel-max', String(queries.length)];
  queries.forEach((q, i) => {
    const file = join(dir, `q${i}.promql`);
    writeFileSync(file, q);
    if (i > 0) args.push('--next');
    args.push('--output', '/dev/null', '--data-urlencode', `query@${file}`, '--data-urlencode', `time=${at}`, `${url}/api/v1/query`);
  });
  const ms: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const t = performance.now();
    await new Promise<void>((resolve, reject) => execFile('curl', args, (err, _out, stderr) => (err ? reject(new Error(`curl failed: ${stderr || err.message}`)) : resolve())));
    if (i > 0) ms.push(performance.now() - t);
  }
  return ms;
}

export async function bench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ops-lens-bench-signals-'));
  const rows: BenchRow[] = [];
  let prom: TestPrometheus | undefined;
  try {
    // 1. 5 vs 500 routes, same Prometheus, same code.
    prom = await serve(dir, 'routes', [service('five', 5, true), service('many', 500, true)]);
    const five = await timeRefresh(prom.url, { problems: [], services: [serviceFromTruth(prom.truth.services.five)] }, prom.end);
    const many = await timeRefresh(prom.url, { problems: [], services: [serviceFromTruth(prom.truth.services.many)] }, prom.end);
    rows.push({
      name: 'signals: requests per refresh, 5 vs 500 routes',
      value: `${five.requests} = ${many.requests}`,
      detail: `${five.requests === many.requests ? 'equal' : 'NOT EQUAL'}; median refresh ${median(five.ms).toFixed(0)} ms vs ${median(many.ms).toFixed(0)} ms (${(median(many.ms) / median(five.ms)).toFixed(2)}×), real Prometheus 2.42`,
    });
    if (five.requests !== many.requests) process.exitCode = 1;
    await prom.stop();
    prom = undefined;

    // 2. 50 services: refresh time against curl sending the same queries.
    prom = await serve(dir, 'services', Array.from({ length: 50 }, (_, i) => service(`svc${String(i).padStart(2, '0')}`, 6, i % 2 === 0)));
    const model: EnvironmentModel = modelFromTruth(prom.truth);
    const ours = await timeRefresh(prom.url, model, prom.end);
    const curl = await timeCurl(prom.url, ours.queries, prom.end, dir);
    const ratio = median(ours.ms) / median(curl);
    rows.push({
      name: 'signals: refresh of 50 services vs curl',
      value: `${ratio.toFixed(2)}×`,
      detail: `${median(ours.ms).toFixed(0)} ms vs ${median(curl).toFixed(0)} ms for the same ${ours.requests} queries by one curl run in parallel (median of ${RUNS}; 300 routes; ours waits for the rate query before errors and latency)`,
    });
  } finally {
    await prom?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  bench().then(
    (rows) => {
      for (const r of rows) console.log(`${r.name.padEnd(48)} ${r.value.padStart(9)}  ${r.detail}`);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}

// Generated production history, backfilled with promtool into a real
// Prometheus 2.42, must answer the queries of docs/domain.md §2 with the values
// the generator's truth (computed from its own samples) says.
import assert from 'node:assert/strict';
import { generateOpenMetrics, type RouteTotalTruth, type RouteTruth, type ServiceTruth } from '../../scripts/metrics/generate';
import { loadProfile, parseProfile, ProfileError } from '../../scripts/metrics/profile';
import { startPrometheus, type TestPrometheus } from '../support/prometheus';

interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

async function query(prom: TestPrometheus, promql: string): Promise<Sample[]> {
  const res = await fetch(`${prom.url}/api/v1/query`, {
    method: 'POST',
    body: new URLSearchParams({ query: promql, time: String(prom.end) }),
  });
  const body = (await res.json()) as { status: string; data: { resultType: string; result: Sample[] }; error?: string };
  assert.equal(body.status, 'success', `${promql}: ${JSON.stringify(body)}`);
  assert.equal(body.data.resultType, 'vector', promql);
  return body.data.result;
}

function assertClose(actual: number, expected: number, relative: number, what: string): void {
  assert.ok(Number.isFinite(actual), `${what}: got ${actual}`);
  const ok = expected === 0 ? actual === 0 : Math.abs(actual - expected) <= Math.abs(expected) * relative;
  assert.ok(ok, `${what}: got ${actual}, expected ${expected} ±${relative * 100}%`);
}

function assertInBucket(actual: number, t: { p95BucketLow: number; p95BucketHigh: number }, what: string): void {
  const eps = 1e-9;
  assert.ok(
    actual >= t.p95BucketLow - eps && actual <= t.p95BucketHigh + eps,
    `${what}: p95 ${actual} outside the true bucket (${t.p95BucketLow}, ${t.p95BucketHigh}]`,
  );
}

const podRegex = (svc: ServiceTruth): string => `${svc.deployment}-[a-z0-9]+-[a-z0-9]+`;

/** Checks one service's HTTP metrics against truth, whatever its naming convention. */
async function checkHttp(prom: TestPrometheus, svc: ServiceTruth): Promise<void> {
  const m = svc.metric;
  const sel = `{${m.jobLabel}="${svc.job}"}`;
  const key = (method: string, route: string): string => `${method} ${route}`;
  const byKey = (rows: Sample[]): Map<string, number> =>
    new Map(rows.map((r) => [key(r.metric[m.methodLabel]!, r.metric[m.routeLabel]!), Number(r.value[1])]));
  const by = `${m.routeLabel}, ${m.methodLabel}`;

  const rps = byKey(await query(prom, `sum by (${by}) (rate(${m.histogram}_count${sel}[5m]))`));
  const p95 = byKey(await query(prom, `histogram_quantile(0.95, sum by (le, ${by}) (rate(${m.histogram}_bucket${sel}[5m])))`));
  const errors = byKey(
    await query(
      prom,
      `sum by (${by}) (rate(${m.histogram}_count{${m.jobLabel}="${svc.job}",${m.statusLabel}=~"5.."}[5m])) / sum by (${by}) (rate(${m.histogram}_count${sel}[5m]))`,
    ),
  );
  assert.equal(rps.size, svc.routes.length, `${svc.name}: routes seen ${[...rps.keys()].join(', ')}`);
  for (const r of svc.routes as RouteTruth[]) {
    const k = key(r.method, r.route);
    const what = `${svc.name} ${k}`;
    assertClose(rps.get(k)!, r.rps, 0.05, `${what} rps`);
    assertInBucket(p95.get(k)!, r, what);
    assertClose(p95.get(k)!, r.p95, 0.01, `${what} p95`);
    // No 5xx series at all when a route never failed: the ratio is absent, i.e. 0.
    assertClose(errors.get(k) ?? 0, r.errorRatio, 0.05, `${what} 5xx ratio`);
  }
}

describe('production history backfilled into a real Prometheus', function () {
  this.timeout(60_000);
  let prom: TestPrometheus;

  before(async function () {
    prom = await startPrometheus({ profile: 'shop', hours: 6 });
    const t = prom.timings;
    console.log(`      generate ${t.generateMs.toFixed(0)} ms, backfill ${t.backfillMs.toFixed(0)} ms, prometheus ready+queryable ${t.startupMs.toFixed(0)} ms`);
  });
  after(async () => {
    await prom?.stop();
  });

  it('serves every generated sample at second-resolution timestamps (none dropped as out-of-order or duplicate)', async () => {
    const expected = (6 * 3600) / prom.truth.stepSeconds + 1;
    const names = ((await (await fetch(`${prom.url}/api/v1/label/__name__/values`)).json()) as { data: string[] }).data;
    assert.ok(names.includes('http_server_request_duration_seconds_bucket') && names.includes('kube_pod_container_status_restarts_total'), names.join());
    let series = 0;
    for (const name of names) {
      // count_over_time drops the metric name, so one metric at a time.
      const counts = await query(prom, `count_over_time(${name}[6h])`);
      series += counts.length;
      const wrong = counts.filter((c) => Number(c.value[1]) !== expected);
      assert.deepEqual(wrong.slice(0, 3), [], `${name}: ${wrong.length} series do not have ${expected} samples`);
    }
    assert.ok(series > 100, `only ${series} series`);
    const after = await fetch(`${prom.url}/api/v1/query?${new URLSearchParams({ query: 'count({__name__=~".+"})', time: String(prom.end + 400) })}`);
    assert.deepEqual(((await after.json()) as { data: { result: unknown[] } }).data.result, [], 'no samples after end');
  });

  it('per-route request rate, p95 and 5xx ratio match the truth (OpenTelemetry stable names)', async () => {
    for (const svc of Object.values(prom.truth.services)) await checkHttp(prom, svc);
  });

  it('the domain.md queries grouped by route alone match the per-route totals', async () => {
    const orders = prom.truth.services.orders!;
    const p95 = await query(prom, `histogram_quantile(0.95, sum by (le, http_route) (rate(http_server_request_duration_seconds_bucket{job="shop/orders"}[5m])))`);
    const rate = await query(prom, `sum by (http_route, http_request_method) (rate(http_server_request_duration_seconds_count{job="shop/orders"}[5m]))`);
    const errors = await query(
      prom,
      `sum by (http_route)(rate(http_server_request_duration_seconds_count{job="shop/orders",http_response_status_code=~"5.."}[5m])) / sum by (http_route)(rate(http_server_request_duration_seconds_count{job="shop/orders"}[5m]))`,
    );
    const total = (route: string): RouteTotalTruth => orders.routeTotals.find((r) => r.route === route)!;
    const getOrders = total('/orders');
    const gotP95 = Number(p95.find((s) => s.metric.http_route === '/orders')!.value[1]);
    assertInBucket(gotP95, getOrders, '/orders (GET+POST)');
    const summed = rate.filter((s) => s.metric.http_route === '/orders').reduce((a, s) => a + Number(s.value[1]), 0);
    assertClose(summed, getOrders.rps, 0.05, '/orders rps over methods');
    assertClose(Number(errors.find((s) => s.metric.http_route === '/orders')!.value[1]), getOrders.errorRatio, 0.05, '/orders 5xx ratio');
    // Sanity of the generator itself: the samples follow the profile.
    for (const r of orders.routes) {
      assertClose(r.rps, r.configured.rps, 0.1, `${r.method} ${r.route} truth vs profile rps`);
      assertClose(r.errorRatio, r.configured.errorRatio, 0.2, `${r.method} ${r.route} truth vs profile 5xx ratio`);
    }
  });

  it('CPU used / requested per deployment matches the truth', async () => {
    for (const svc of Object.values(prom.truth.services)) {
      const [row] = await query(
        prom,
        `sum(rate(container_cpu_usage_seconds_total{namespace="shop",pod=~"${podRegex(svc)}",container!=""}[5m])) / sum(kube_pod_container_resource_requests{namespace="shop",pod=~"${svc.deployment}-.*",resource="cpu"})`,
      );
      assertClose(Number(row!.value[1]), svc.cpuRatio, 0.05, `${svc.name} cpu used/requested`);
      assertClose(svc.cpuRatio, svc.configured.cpuUsedCores / svc.configured.cpuRequestCores, 0.1, `${svc.name} truth vs profile cpu ratio`);
    }
  });

  it('HPA headroom is exact (orders pinned at max)', async () => {
    const rows = await query(prom, 'kube_horizontalpodautoscaler_spec_max_replicas{namespace="shop"} - kube_horizontalpodautoscaler_status_current_replicas{namespace="shop"}');
    const got = Object.fromEntries(rows.map((r) => [r.metric.horizontalpodautoscaler!, Number(r.value[1])]));
    const want = Object.fromEntries(Object.values(prom.truth.services).flatMap((s) => (s.hpa ? [[s.hpa.name, s.hpa.headroom]] : [])));
    assert.deepEqual(got, want);
    assert.equal(prom.truth.services.orders!.hpa!.headroom, 0);
  });

  it('memory working set vs request matches the truth', async () => {
    for (const svc of Object.values(prom.truth.services)) {
      const [ws] = await query(prom, `sum(container_memory_working_set_bytes{namespace="shop",pod=~"${podRegex(svc)}",container!=""})`);
      const [req] = await query(prom, `sum(kube_pod_container_resource_requests{namespace="shop",pod=~"${svc.deployment}-.*",resource="memory"})`);
      assertClose(Number(ws!.value[1]), svc.memoryWorkingSetBytes, 1e-9, `${svc.name} working set`);
      assertClose(Number(req!.value[1]), svc.memoryRequestBytes, 1e-9, `${svc.name} memory request`);
      assertClose(Number(ws!.value[1]) / Number(req!.value[1]), svc.memoryRatio, 0.05, `${svc.name} working set / request`);
    }
  });
});

describe('the three HTTP metric conventions backfilled into a real Prometheus', function () {
  this.timeout(60_000);
  let prom: TestPrometheus;

  before(async () => {
    prom = await startPrometheus({ profile: 'conventions', hours: 1 });
  });
  after(async () => {
    await prom?.stop();
  });

  for (const [name, convention] of [['orders', 'otel-stable'], ['billing', 'micrometer'], ['gateway', 'express-prom-bundle']] as const) {
    it(`${name} (${convention}): rate, p95 and 5xx ratio match the truth`, async () => {
      const svc = prom.truth.services[name]!;
      assert.equal(svc.convention, convention);
      await checkHttp(prom, svc);
    });
  }

  it('micrometer also exposes _max and outcome; the service without an HPA has none', async () => {
    const rows = await query(prom, 'max by (uri, outcome) (http_server_requests_seconds_max{job="shop/billing"})');
    assert.ok(rows.some((r) => r.metric.outcome === 'SERVER_ERROR'), JSON.stringify(rows));
    assert.equal(prom.truth.services.gateway!.hpa, null);
  });
});

describe('generator and profile (no Prometheus)', () => {
  const profile = loadProfile('shop');
  const end = 1_760_000_000;

  it('is deterministic and writes OpenMetrics promtool accepts: seconds, ordered, contiguous families, # EOF', () => {
    const a = generateOpenMetrics(profile, { end, hours: 1, stepSeconds: 30 });
    const b = generateOpenMetrics(profile, { end, hours: 1, stepSeconds: 30 });
    assert.equal(a.text, b.text);
    assert.deepEqual(a.truth, b.truth);
    assert.ok(a.text.endsWith('# EOF\n'));
    const lastTs = new Map<string, number>();
    const families: string[] = [];
    for (const line of a.text.split('\n')) {
      if (line.startsWith('# TYPE ')) {
        const fam = line.split(' ')[2]!;
        assert.ok(!families.includes(fam), `family ${fam} written twice`);
        families.push(fam);
        continue;
      }
      if (line === '' || line.startsWith('#')) continue;
      const m = /^(\S+?\{.*\}) (\S+) (\d+)$/.exec(line);
      assert.ok(m, `bad line: ${line}`);
      const ts = Number(m[3]);
      assert.ok(ts > end - 3600 - 1 && ts <= end, `timestamp ${ts} not in seconds inside the range`);
      const prev = lastTs.get(m[1]!);
      assert.ok(prev === undefined || ts > prev, `out of order or duplicate: ${line}`);
      lastTs.set(m[1]!, ts);
    }
  });

  it('truth follows the samples, not the profile: a different end gives different jitter', () => {
    const a = generateOpenMetrics(profile, { end, hours: 1, stepSeconds: 15 }).truth.services.orders!.routes[0]!;
    const b = generateOpenMetrics(profile, { end: end + 3600, hours: 1, stepSeconds: 15 }).truth.services.orders!.routes[0]!;
    assert.notEqual(a.rps, b.rps);
    assert.equal(a.configured.rps, 850);
  });

  it('rejects invalid profiles with the offending path', () => {
    assert.throws(() => parseProfile({ namespace: 'shop', services: [] }), ProfileError);
    assert.throws(
      () => parseProfile({ namespace: 'shop', services: [{ name: 'x', convention: 'zipkin', cpu: {}, memory: {}, routes: [] }] }),
      /services\[0\]\.convention/,
    );
    assert.throws(() => generateOpenMetrics(profile, { end: end * 1000, hours: 1, stepSeconds: 15 }), /SECONDS/);
  });
});

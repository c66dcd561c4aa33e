// fetchSignals against a real Prometheus serving generated history for three HTTP metric conventions
// (OpenTelemetry stable, Micrometer, express-prom-bundle): every number must match the generator's truth.
import assert from 'node:assert/strict';
import { PrometheusClient } from '../../../src/core/signals/prometheusClient';
import { fetchSignals } from '../../../src/core/signals/prometheusSignals';
import { sameRoute } from '../../../src/core/signals/routeTemplates';
import type { SignalSet } from '../../../src/core/signals/signalSet';
import { startPrometheus, type TestPrometheus } from '../../support/prometheus';
import { assertClose, modelFromTruth } from './support';

describe('signals from a real Prometheus, whatever the metric convention', function () {
  this.timeout(120_000);
  let prom: TestPrometheus;
  let set: SignalSet;
  let client: PrometheusClient;

  before(async () => {
    prom = await startPrometheus({ profile: 'conventions' });
    client = new PrometheusClient({ url: prom.url });
    set = await fetchSignals(client, modelFromTruth(prom.truth), { at: prom.end });
  });
  after(async () => {
    await prom?.stop();
  });

  it('detects each service\'s convention from the data, in a fixed number of requests', () => {
    const detected = Object.fromEntries(set.services.map((s) => [s.service, s.convention?.id]));
    assert.deepEqual(detected, { orders: 'otel-stable', billing: 'micrometer', gateway: 'express-prom-bundle' });
    assert.equal(set.requests, 9);
    assert.equal(client.requestCount, 9);
    assert.deepEqual(set.notes, []);
  });

  it('request rate, p95 and error ratio per route match the truth (rates and errors within 5 %, p95 in its bucket)', () => {
    for (const truth of Object.values(prom.truth.services)) {
      const s = set.services.find((x) => x.service === truth.name)!;
      assert.equal(s.job, truth.job);
      assert.equal(s.routes.length, truth.routes.length, `${truth.name}: ${s.routes.map((r) => `${r.method} ${r.route}`).join(', ')}`);
      for (const r of truth.routes) {
        const what = `${truth.name} ${r.method} ${r.route}`;
        const got = s.routes.find((x) => x.method === r.method && x.route === r.route);
        assert.ok(got, `${what} missing`);
        assertClose(got.requestRate.value, r.rps, 0.05, `${what} rps`);
        assertClose(got.errorRatio?.value, r.errorRatio, 0.05, `${what} error ratio`);
        const p95 = got.p95Seconds?.value;
        assert.ok(p95 !== undefined && p95 >= r.p95BucketLow - 1e-9 && p95 <= r.p95BucketHigh + 1e-9, `${what} p95 ${p95} outside (${r.p95BucketLow}, ${r.p95BucketHigh}]`);
        assertClose(p95, r.p95, 0.01, `${what} p95`);
        // The other percentiles and the mean come along, in order.
        assert.ok(got.p50Seconds && got.p99Seconds && got.meanSeconds, `${what}: p50, p99 and mean`);
        assert.ok(got.p50Seconds.value <= p95 && p95 <= got.p99Seconds.value, `${what}: p50 ≤ p95 ≤ p99`);
      }
    }
  });

  it('each number carries a query that gives the same value on its own', async () => {
    const billing = set.services.find((s) => s.service === 'billing')!;
    const route = billing.routes[0];
    for (const m of [route.requestRate, route.errorRatio!, route.p95Seconds!, route.meanSeconds!, billing.cpu!.usedCores, billing.memory!.workingSetBytes]) {
      const [alone] = await client.query(m.query, set.evaluatedAt);
      assertClose(alone?.value, m.value, 1e-9, m.query);
    }
  });

  it('autoscaler headroom is exact; CPU and memory against requests within 5 %; restarts exact', () => {
    for (const truth of Object.values(prom.truth.services)) {
      const s = set.services.find((x) => x.service === truth.name)!;
      if (truth.hpa) {
        assert.equal(s.autoscaler?.headroom, truth.hpa.headroom, `${truth.name} headroom`);
        assert.equal(s.autoscaler?.currentReplicas.value, truth.hpa.current);
        assert.equal(s.autoscaler?.maxReplicas.value, truth.hpa.max);
        assert.ok(s.autoscaler?.peakReplicas && s.autoscaler.peakReplicas.value >= truth.hpa.current, `${truth.name} peak replicas`);
      } else {
        assert.equal(s.autoscaler, undefined);
      }
      assertClose(s.cpu?.ratio, truth.cpuRatio, 0.05, `${truth.name} cpu ratio`);
      assertClose(s.cpu?.requestCores?.value, truth.cpuRequestCores, 1e-9, `${truth.name} cpu request`);
      assertClose(s.cpu?.limitCores?.value, truth.cpuLimitCores, 1e-9, `${truth.name} cpu limit`);
      assertClose(s.memory?.ratio, truth.memoryRatio, 0.05, `${truth.name} memory ratio`);
      assertClose(s.memory?.limitBytes?.value, truth.memoryLimitBytes, 1e-9, `${truth.name} memory limit`);
      assert.equal(s.restarts?.total.value, truth.restarts, `${truth.name} restarts`);
      // Peaks over the history are at least the current values.
      assert.ok(s.cpu!.peakUsedCores!.value >= s.cpu!.usedCores.value * 0.999, `${truth.name} cpu peak`);
      assert.equal(s.cpu!.peakUsedCores!.window, '7d');
      assert.ok(s.memory!.peakWorkingSetBytes!.value >= s.memory!.workingSetBytes.value * 0.999, `${truth.name} memory peak`);
    }
  });

  it('route labels meet code routes whatever their spelling (Spring {id} vs Express :id)', () => {
    const billing = set.services.find((s) => s.service === 'billing')!;
    assert.ok(billing.routes.some((r) => r.method === 'GET' && sameRoute(r.route, '/invoices/:id')));
  });

  it('a narrower convention list finds only what it names, and says why the rest has no HTTP data', async () => {
    const { OTEL_STABLE } = await import('../../../src/core/signals/httpConventions');
    const only = await fetchSignals(new PrometheusClient({ url: prom.url }), modelFromTruth(prom.truth), { at: prom.end, convention: OTEL_STABLE, peakWindow: false });
    assert.deepEqual(only.services.filter((s) => s.routes.length).map((s) => s.service), ['orders']);
    assert.equal(only.notes.length, 2);
    assert.match(only.notes[0], /No HTTP metrics for service "billing"/);
  });
});

// The conventions the profile generator does not produce, against a real Prometheus with hand-written history:
// FastAPI instrumentator, OpenTelemetry before 1.21 (milliseconds), a Micrometer summary without buckets (mean
// only), HikariCP pool saturation and OOM kills. Counters grow linearly, so the true rates are exact.
import assert from 'node:assert/strict';
import type { EnvironmentModel } from '../../../src/core/model/environment';
import { PrometheusClient } from '../../../src/core/signals/prometheusClient';
import { fetchSignals } from '../../../src/core/signals/prometheusSignals';
import { sameRoute } from '../../../src/core/signals/routeTemplates';
import type { SignalSet } from '../../../src/core/signals/signalSet';
import { handWritten, openMetrics, startCustomPrometheus, type CustomPrometheus, type Family } from './customPrometheus';
import { assertClose, shopService } from './support';

const STEP = 15;
const end = Math.floor(Date.now() / 1000 / STEP) * STEP - 60;
const start = end - 1800;
const { counter, gauge, histogram } = handWritten(start);
const svc = shopService;

describe('signals for FastAPI, old OpenTelemetry, Micrometer summaries, pools and OOM kills (real Prometheus)', function () {
  this.timeout(120_000);
  let prom: CustomPrometheus;
  let set: SignalSet;

  before(async () => {
    const api = { job: 'shop/api', handler: '/items/{item_id}', method: 'GET' };
    const legacy = { job: 'legacy', http_route: '/legacy/:id', http_method: 'GET' };
    const billing = { job: 'billing', application: 'billing', uri: '/invoices/{id}', method: 'GET', status: '200' };
    const pod = { namespace: 'shop', pod: 'billing-7d9f8b6c5d-abcde', container: 'billing' };
    const families: Family[] = [
      { name: 'http_requests', type: 'counter', series: [counter('http_requests_total', { ...api, status: '2xx' }, 19), counter('http_requests_total', { ...api, status: '5xx' }, 1)] },
      { name: 'http_request_duration_seconds', type: 'histogram', series: histogram('http_request_duration_seconds', api, 20, ['0.05', '0.1', '0.25', '+Inf'], [0.5, 0.9, 0.99, 1], 0.06) },
      {
        name: 'http_server_duration_milliseconds',
        type: 'histogram',
        series: [
          ...histogram('http_server_duration_milliseconds', { ...legacy, http_status_code: '200' }, 10, ['10', '50', '100', '+Inf'], [0.3, 0.8, 0.97, 1], 40),
          ...histogram('http_server_duration_milliseconds', { ...legacy, http_status_code: '500' }, 0.5, ['10', '50', '100', '+Inf'], [0.3, 0.8, 0.97, 1], 40),
        ],
      },
      { name: 'http_server_requests_seconds', type: 'summary', series: [counter('http_server_requests_seconds_count', billing, 8), counter('http_server_requests_seconds_sum', billing, 8 * 0.04)] },
      { name: 'hikaricp_connections_active', type: 'gauge', series: [gauge('hikaricp_connections_active', { application: 'billing', job: 'billing', pool: 'HikariPool-1' }, 9)] },
      { name: 'hikaricp_connections_max', type: 'gauge', series: [gauge('hikaricp_connections_max', { application: 'billing', job: 'billing', pool: 'HikariPool-1' }, 10)] },
      { name: 'hikaricp_connections_pending', type: 'gauge', series: [gauge('hikaricp_connections_pending', { application: 'billing', job: 'billing', pool: 'HikariPool-1' }, 3)] },
      { name: 'container_cpu_usage_seconds', type: 'counter', series: [counter('container_cpu_usage_seconds_total', pod, 0.25)] },
      { name: 'container_memory_working_set_bytes', type: 'gauge', series: [gauge('container_memory_working_set_bytes', pod, 900 * 2 ** 20)] },
      { name: 'kube_pod_container_resource_limits', type: 'gauge', series: [gauge('kube_pod_container_resource_limits', { ...pod, resource: 'memory', unit: 'byte' }, 2 ** 30)] },
      { name: 'kube_pod_container_status_restarts', type: 'counter', series: [gauge('kube_pod_container_status_restarts_total', pod, 2)] },
      { name: 'kube_pod_container_status_last_terminated_reason', type: 'gauge', series: [gauge('kube_pod_container_status_last_terminated_reason', { ...pod, reason: 'OOMKilled' }, 1)] },
    ];
    prom = await startCustomPrometheus(openMetrics(families, start, end, STEP), end);
    const model: EnvironmentModel = { problems: [], services: [svc('api'), svc('legacy'), svc('billing', { workload: 'billing' })] };
    set = await fetchSignals(new PrometheusClient({ url: prom.url }), model, { at: end, window: '5m' });
  });
  after(async () => {
    await prom?.stop();
  });

  const service = (name: string) => set.services.find((s) => s.service === name)!;

  it('FastAPI instrumentator: rate and 5xx ratio from http_requests_total, p95 from its latency histogram', () => {
    const api = service('api');
    assert.equal(api.convention?.id, 'fastapi-instrumentator');
    const [r] = api.routes;
    assert.ok(sameRoute(r.route, '/items/<int:item_id>'));
    assertClose(r.requestRate.value, 20, 0.001, 'rps');
    assertClose(r.errorRatio?.value, 0.05, 0.001, 'error ratio');
    assertClose(r.p95Seconds?.value, 0.1 + 0.15 * (1 / 1.8), 0.001, 'p95');
    assertClose(r.meanSeconds?.value, 0.06, 0.001, 'mean');
  });

  it('OpenTelemetry before 1.21: milliseconds become seconds', () => {
    const legacy = service('legacy');
    assert.equal(legacy.convention?.id, 'otel-old');
    const [r] = legacy.routes;
    assertClose(r.requestRate.value, 10.5, 0.001, 'rps');
    assertClose(r.errorRatio?.value, 0.5 / 10.5, 0.001, 'error ratio');
    assertClose(r.p95Seconds?.value, (50 + (50 * (0.95 * 10.5 - 8.4)) / (10.185 - 8.4)) / 1000, 0.001, 'p95 in seconds');
    assert.match(r.p95Seconds!.query, / \/ 1000$/);
  });

  it('a Micrometer summary without buckets: the mean latency, no made-up percentiles', () => {
    const billing = service('billing');
    assert.equal(billing.convention?.id, 'micrometer');
    assert.equal(billing.convention?.histogram, false);
    const [r] = billing.routes;
    assertClose(r.requestRate.value, 8, 0.001, 'rps');
    assertClose(r.meanSeconds?.value, 0.04, 0.001, 'mean');
    assert.equal(r.p95Seconds, undefined);
  });

  it('pool saturation, memory against its limit, restarts and OOM kills', () => {
    const billing = service('billing');
    assert.equal(billing.pools?.length, 1);
    const [pool] = billing.pools!;
    assert.equal(pool.name, 'HikariPool-1');
    assert.equal(pool.saturation, 0.9);
    assert.equal(pool.pending?.value, 3);
    assertClose(billing.memory?.limitRatio, 900 / 1024, 1e-9, 'memory / limit');
    assertClose(billing.cpu?.usedCores.value, 0.25, 0.001, 'cpu');
    assert.equal(billing.restarts?.total.value, 2);
    assert.equal(billing.restarts?.oomKilled?.value, 1);
  });
});

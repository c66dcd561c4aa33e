import assert from 'node:assert/strict';
import { HTTP_CONVENTIONS } from '../../../src/core/signals/httpConventions';
import { loadSignalsConfig, parseSignalsConfig } from '../../../src/core/signals/signalsConfig';

describe('.ops-lens.yaml signals: custom metric conventions', () => {
  it('no file or no signals section: the built-in conventions, OpenTelemetry stable first', async () => {
    const none = await loadSignalsConfig(() => Promise.reject(new Error('ENOENT')));
    assert.deepEqual(none.conventions.map((c) => c.id), HTTP_CONVENTIONS.map((c) => c.id));
    assert.equal(none.conventions[0].id, 'otel-stable');
    assert.deepEqual(parseSignalsConfig('services:\n  orders: { code: x }\n').problems, []);
  });

  it('a custom histogram convention comes first, with defaults for what it does not say', () => {
    const { conventions, problems } = parseSignalsConfig(`
signals:
  conventions:
    - id: payments
      histogram: payments_latency_milliseconds_bucket
      route: endpoint
      serviceLabel: app
      unit: milliseconds
`);
    assert.deepEqual(problems, []);
    assert.deepEqual(conventions[0], {
      id: 'payments',
      countMetric: 'payments_latency_milliseconds_count',
      bucketMetric: 'payments_latency_milliseconds_bucket',
      sumMetric: 'payments_latency_milliseconds_sum',
      routeLabel: 'endpoint',
      methodLabel: 'method',
      statusLabel: 'status',
      serverErrors: '5..',
      serviceLabel: 'app',
      unitsPerSecond: 1000,
    });
    assert.equal(conventions.length, HTTP_CONVENTIONS.length + 1);
  });

  it('serviceLabel applies to the built-in conventions too', () => {
    const { conventions } = parseSignalsConfig('signals:\n  serviceLabel: service_name\n');
    assert.ok(conventions.every((c) => c.serviceLabel === 'service_name'));
  });

  it('a counter-only convention has no buckets (so only rates and errors, no percentiles)', () => {
    const [c] = parseSignalsConfig('signals:\n  conventions:\n    - { count: api_requests_total, route: path }\n').conventions;
    assert.equal(c.id, 'custom-api_requests_total');
    assert.equal(c.countMetric, 'api_requests_total');
    assert.equal(c.bucketMetric, undefined);
  });

  it('bad entries are named and skipped; good ones still apply; an id that would clash is made unique', () => {
    const { conventions, problems } = parseSignalsConfig(`
signals:
  serviceLabel: "not a label"
  conventions:
    - route: path
    - histogram: "bad name{}"
      route: path
    - histogram: ok_seconds
      route: "has space"
    - histogram: ok_seconds
      route: path
      unit: hours
    - id: otel-stable
      histogram: mine_seconds
      route: path
`);
    assert.equal(problems.length, 5, problems.join('\n'));
    assert.match(problems[0], /signals\.serviceLabel should be a label name/);
    assert.match(problems[1], /signals\.conventions\[0\] needs histogram: .* or count:/);
    assert.match(problems[2], /invalid metric "bad name\{\}"/);
    assert.match(problems[3], /invalid label name route: "has space"/);
    assert.match(problems[4], /unit should be seconds or milliseconds/);
    assert.equal(conventions[0].id, 'otel-stable-5');
    assert.equal(conventions[0].countMetric, 'mine_seconds_count');
  });

  it('YAML that does not parse: one problem, built-in conventions', () => {
    const { conventions, problems } = parseSignalsConfig('signals: [\n');
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^\.ops-lens\.yaml: /);
    assert.equal(problems[0].includes('\n'), false);
    assert.equal(conventions.length, HTTP_CONVENTIONS.length);
  });
});

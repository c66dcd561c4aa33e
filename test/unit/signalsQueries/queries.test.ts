import assert from 'node:assert/strict';
import { HTTP_CONVENTIONS, OTEL_STABLE } from '../../../src/core/signals/httpConventions';
import { rateQuery, splitRates } from '../../../src/core/signals/httpSignals';
import { alternation, isDuration, quote, splitUnion, taggedUnion } from '../../../src/core/signals/promql';
import { normaliseRoute, sameRoute } from '../../../src/core/signals/routeTemplates';
import { dataAgeMs, isStale, type SignalsState } from '../../../src/core/signals/signalsRefresher';
import type { SignalSet } from '../../../src/core/signals/signalSet';

describe('signals queries and routes', () => {
  it('several expressions in one query: the first untagged, the others tagged, split back apart', () => {
    const parts = [{ name: 'a', expr: 'x' }, { name: 'b', expr: 'y' }];
    assert.equal(taggedUnion('t', parts), 'x or label_replace(y, "t", "b", "", "")');
    const split = splitUnion('t', parts, [
      { metric: { job: '1' }, value: 1 },
      { metric: { job: '2', t: 'b' }, value: 2 },
      { metric: { job: '3', t: 'unknown' }, value: 3 },
    ]);
    assert.deepEqual(split.get('a')?.map((s) => s.value), [1]);
    assert.deepEqual(split.get('b')?.map((s) => s.value), [2]);
  });

  it('label values and regexes are quoted so PromQL reads them literally', () => {
    assert.equal(quote('a"b\\c'), '"a\\"b\\\\c"');
    assert.equal(alternation(['b.c', 'a', 'a']), 'a|b\\.c');
    assert.equal(quote(alternation(['b.c'])), '"b\\\\.c"');
  });

  it('PromQL durations', () => {
    for (const d of ['5m', '1h', '1h30m', '7d', '30s', '2w']) assert.ok(isDuration(d), d);
    for (const d of ['', '5', 'h', '1 h', '5m;drop', '-1h']) assert.ok(!isDuration(d), d);
  });

  it('one rate query covers every convention; a metric two conventions share is told apart by its route label', () => {
    const q = rateQuery(HTTP_CONVENTIONS, '1h');
    assert.ok(q.startsWith('sum by (job, http_route, http_request_method) (rate(http_server_request_duration_seconds_count[1h]))'), q);
    assert.match(q, /http_request_duration_seconds_count\{path!=""\}/);
    assert.match(q, /http_request_duration_seconds_count\{route!=""\}/);
    assert.equal((q.match(/ or /g) ?? []).length, HTTP_CONVENTIONS.length - 1);
    const split = splitRates(HTTP_CONVENTIONS, [
      { metric: { job: 'a', http_route: '/x', http_request_method: 'GET' }, value: 1 },
      { metric: { job: 'b', path: '/y', method: 'GET', ops_lens_convention: 'express-prom-bundle' }, value: 2 },
      { metric: { job: 'c', http_request_method: 'GET' }, value: 3 }, // no route: dropped
    ]);
    assert.deepEqual(split.get(OTEL_STABLE.id)?.map((s) => s.value), [1]);
    assert.deepEqual(split.get('express-prom-bundle')?.map((s) => s.value), [2]);
  });

  it('Next.js [id], express-prom-bundle #val, wildcards, doubled slashes and query strings meet the others', () => {
    assert.ok(sameRoute('/users/[id]', '/users/:id'));
    assert.ok(sameRoute('/users/#val/orders', '/users/{user_id}/orders'));
    assert.ok(sameRoute('/static/*', '/static/**'));
    assert.ok(sameRoute('/docs/[...slug]', '/docs/{*path}'));
    assert.equal(normaliseRoute('/api//x/'), '/api/x');
    assert.equal(normaliseRoute('/orders?page=2'), '/orders');
    assert.ok(!sameRoute('/static/*', '/static/{id}'), 'a wildcard tail is not one parameter');
  });

  it('data age and staleness', () => {
    const set = { services: [] } as unknown as SignalSet;
    const ok: SignalsState = { status: 'ok', signals: set, fetchedAt: 1000 };
    assert.equal(dataAgeMs(ok, 61_000), 60_000);
    assert.ok(!isStale(ok, 120_000, 61_000));
    assert.ok(isStale(ok, 30_000, 61_000), 'older than the allowed age');
    assert.ok(isStale({ ...ok, status: 'error', error: 'x' }, 120_000, 61_000), 'a failed refresh makes it stale at once');
    assert.ok(!isStale({ status: 'error', error: 'x' }, 120_000, 61_000), 'no data, nothing stale');
  });
});

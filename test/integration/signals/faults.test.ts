// A real Prometheus behind a proxy that misbehaves on demand. Whatever the backend does, a refresh ends with a
// clear message, never a crash, and the previous numbers stay, marked stale.
import assert from 'node:assert/strict';
import { PrometheusClient } from '../../../src/core/signals/prometheusClient';
import { fetchSignals } from '../../../src/core/signals/prometheusSignals';
import { isStale, SignalsRefresher, type SignalsState } from '../../../src/core/signals/signalsRefresher';
import type { SignalSet } from '../../../src/core/signals/signalSet';
import { startHeaderProxy, type HeaderProxy } from '../../support/headerProxy';
import { startPrometheus, type TestPrometheus } from '../../support/prometheus';
import { modelFromTruth } from './support';

describe('signals when the backend misbehaves', function () {
  this.timeout(120_000);
  let prom: TestPrometheus;
  let proxy: HeaderProxy;
  let refresher: SignalsRefresher;
  let good: SignalSet;

  const refresh = (timeoutMs = 2000) =>
    refresher.refresh(proxy.url, (signal) =>
      fetchSignals(new PrometheusClient({ url: proxy.url, timeoutMs, maxRetries: 2 }), modelFromTruth(prom.truth), { at: prom.end, signal }),
    );

  /** The previous data is still there, unchanged, and shown as stale with the reason. */
  function assertStaleWithPrevious(s: SignalsState, message: RegExp): void {
    assert.equal(s.status, 'error');
    assert.match(s.error ?? '', message);
    assert.equal(s.signals, good, 'the previous data stays');
    assert.ok(isStale(s, 60 * 60_000));
    assert.ok(!(s.error ?? '').includes('\n'), 'one line');
  }

  before(async () => {
    prom = await startPrometheus({ profile: 'shop' });
    proxy = await startHeaderProxy({ upstream: prom.url });
  });
  beforeEach(async () => {
    proxy.setFault({ kind: 'none' });
    refresher = new SignalsRefresher();
    const s = await refresh();
    assert.equal(s.status, 'ok', s.error);
    good = s.signals!;
    assert.ok(!isStale(s, 60 * 60_000));
  });
  after(async () => {
    await proxy?.stop();
    await prom?.stop();
  });

  it('HTTP 500: the backend\'s own error text, previous data kept', async () => {
    proxy.setFault({ kind: 'status', status: 500, body: JSON.stringify({ status: 'error', errorType: 'internal', error: 'storage is on fire' }) });
    assertStaleWithPrevious(await refresh(), /failed \(HTTP 500\): storage is on fire/);
  });

  it('HTTP 503 is retried with backoff (3 tries per query), then said to be overloaded', async () => {
    proxy.setFault({ kind: 'status', status: 503, body: JSON.stringify({ status: 'error', errorType: 'unavailable', error: 'too many queries' }) });
    const before = proxy.requests.length;
    assertStaleWithPrevious(await refresh(), /timed out|overloaded/);
    const perQuery = new Map<string, number>();
    for (const r of proxy.requests.slice(before)) {
      const q = new URLSearchParams(r.body).get('query')!;
      perQuery.set(q, (perQuery.get(q) ?? 0) + 1);
    }
    // The first query to exhaust its retries ends the refresh; the others stop where they are.
    assert.equal(Math.max(...perQuery.values()), 3, 'one query tried three times');
    assert.ok([...perQuery.values()].every((n) => n <= 3), 'never more than two retries');
  });

  it('malformed JSON: "did not answer with Prometheus JSON"', async () => {
    proxy.setFault({ kind: 'malformed' });
    assertStaleWithPrevious(await refresh(), /did not answer with Prometheus JSON \(HTTP 200\)/);
  });

  it('a 50 MB body: refused at 16 MB, without reading the rest', async () => {
    proxy.setFault({ kind: 'huge', bytes: 50 * 1024 * 1024 });
    const abandoned = proxy.nextAbandoned();
    assertStaleWithPrevious(await refresh(10_000), /larger than 16 MB/);
    await abandoned;
    assert.ok(proxy.hugeBytesWritten < 40 * 1024 * 1024, `${proxy.hugeBytesWritten} bytes were sent`);
  });

  it('answering after 10 s: the refresh gives up at its timeout (2 s) with "did not answer within 2 s"', async () => {
    proxy.setFault({ kind: 'delay', ms: 10_000 });
    const started = Date.now();
    assertStaleWithPrevious(await refresh(2000), /did not answer within 2 s/);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });

  it('answering after 10 s within a longer timeout: the numbers arrive', async function () {
    this.timeout(60_000);
    proxy.setFault({ kind: 'delay', ms: 10_000 });
    const s = await refresh(15_000);
    assert.equal(s.status, 'ok', s.error);
    assert.deepEqual(s.signals!.services.map((x) => x.routes.length), good.services.map((x) => x.routes.length));
  });

  it('killed mid-refresh: "closed before the answer was complete", no request left running', async () => {
    proxy.setFault({ kind: 'dieAfter', requests: 2 });
    const s = await refresh(10_000);
    assertStaleWithPrevious(s, /Cannot reach Prometheus at .*(closed before the answer was complete|connection refused)/);
    assert.equal(refresher.busy, false);
  });

  it('down: "Cannot reach Prometheus … (connection refused)"', async () => {
    const down = await startHeaderProxy({ upstream: prom.url });
    const url = down.url;
    await down.stop();
    const s = await refresher.refresh(proxy.url, (signal) =>
      fetchSignals(new PrometheusClient({ url, timeoutMs: 2000 }), modelFromTruth(prom.truth), { at: prom.end, signal }),
    );
    assertStaleWithPrevious(s, /^Cannot reach Prometheus at http:\/\/127\.0\.0\.1:\d+ \(connection refused\)$/);
  });

  it('offline at start: data remembered from an earlier session is shown, stale, with its age', async () => {
    const fresh = new SignalsRefresher();
    const earlier = Date.now() - 3 * 3600_000;
    proxy.setFault({ kind: 'dieAfter', requests: 0 });
    const s = await fresh.refresh(proxy.url, (signal) => fetchSignals(new PrometheusClient({ url: proxy.url, timeoutMs: 2000 }), modelFromTruth(prom.truth), { at: prom.end, signal }), {
      previous: { signals: good, fetchedAt: earlier },
    });
    assertStaleWithPrevious(s, /Cannot reach Prometheus/);
    assert.equal(s.fetchedAt, earlier);
  });

  it('a new refresh cancels the one hanging in flight: its requests are hung up, its result never applied', async () => {
    proxy.setFault({ kind: 'hang' });
    const arrived = proxy.nextRequest();
    const abandoned = proxy.nextAbandoned();
    const first = refresh(60_000);
    await arrived;
    assert.equal(refresher.state.status, 'loading');
    assert.equal(refresher.state.signals, good, 'while loading, the previous data is still shown');
    proxy.setFault({ kind: 'none' });
    const second = refresh();
    await abandoned; // the first refresh's request was hung up, not left to time out
    const [a, b] = await Promise.all([first, second]);
    assert.equal(b.status, 'ok');
    assert.equal(a, b, 'the superseded refresh resolves with the state its successor ended in');
    assert.notEqual(b.signals, good);
  });
});

// Credentials against real servers: Prometheus itself with basic auth (--web.config.file, bcrypt), and a
// header-checking proxy on loopback for bearer tokens and Mimir's tenant header, in front of a real Prometheus.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { PrometheusClient, type PrometheusAuth } from '../../../src/core/signals/prometheusClient';
import { fetchSignals } from '../../../src/core/signals/prometheusSignals';
import { SignalsError } from '../../../src/core/signals/signalsError';
import { startHeaderProxy, type HeaderProxy } from '../../support/headerProxy';
import { startPrometheus, type TestPrometheus } from '../../support/prometheus';
import { assertClose, modelFromTruth } from './support';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

async function failure(p: Promise<unknown>): Promise<SignalsError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof SignalsError, `not a SignalsError: ${String(e)}`);
    return e;
  }
  assert.fail('expected the refresh to fail');
}

describe('signals backends with credentials', function () {
  this.timeout(120_000);

  describe('Prometheus with basic auth (--web.config.file)', () => {
    let prom: TestPrometheus;
    let dir: string;
    const password = `pw-${process.pid}-${Date.now()}`;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ops-lens-auth-'));
      const webConfig = join(dir, 'web.yml');
      // Cost 4: Prometheus checks the hash on every request; the test is about the protocol, not the hash strength.
      await writeFile(webConfig, `basic_auth_users:\n  ops: ${bcrypt.hashSync(password, 4)}\n`);
      prom = await startPrometheus({ profile: 'shop', webConfigFile: webConfig, basicAuth: { username: 'ops', password } });
    });
    after(async () => {
      await prom?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    const fetchWith = (auth: PrometheusAuth) => fetchSignals(new PrometheusClient({ url: prom.url, auth }), modelFromTruth(prom.truth), { at: prom.end });

    it('the right username and password get the numbers', async () => {
      const set = await fetchWith({ kind: 'basic', username: 'ops', password });
      const orders = set.services.find((s) => s.service === 'orders')!;
      const truth = prom.truth.services.orders.routes.find((r) => r.method === 'GET' && r.route === '/orders')!;
      assertClose(orders.routes.find((r) => r.method === 'GET' && r.route === '/orders')?.requestRate.value, truth.rps, 0.05, 'GET /orders rps');
    });

    it('a wrong password or none: "unauthorised", saying how to fix it, never echoing the password', async () => {
      for (const auth of [{ kind: 'basic', username: 'ops', password: 'wrong-password' }, { kind: 'none' }] as PrometheusAuth[]) {
        const e = await failure(fetchWith(auth));
        assert.equal(e.kind, 'unauthorised');
        assert.match(e.message, /refused the credentials \(HTTP 401\); set them with "Ops Lens: Set Backend Credentials"/);
        assert.ok(!e.message.includes('wrong-password') && !e.message.includes(password));
      }
    });
  });

  describe('bearer token and tenant header through a checking proxy (vmauth, Mimir)', () => {
    let prom: TestPrometheus;
    let proxy: HeaderProxy;
    let elsewhere: HeaderProxy;

    before(async () => {
      prom = await startPrometheus({ profile: 'shop' });
      proxy = await startHeaderProxy({
        upstream: prom.url,
        pathPrefix: '/prometheus',
        require: { authorization: 'Bearer tok-right', 'x-scope-orgid': 'tenant-1' },
      });
      elsewhere = await startHeaderProxy({ upstream: prom.url });
    });
    after(async () => {
      await proxy?.stop();
      await elsewhere?.stop();
      await prom?.stop();
    });

    const client = (token: string, tenant?: string) =>
      new PrometheusClient({ url: proxy.url, auth: { kind: 'bearer', token }, headers: tenant ? { 'X-Scope-OrgID': tenant } : {} });

    it('the right token and tenant, under a path prefix, get the numbers; every request carried both', async () => {
      const c = client('tok-right', 'tenant-1');
      const set = await fetchSignals(c, modelFromTruth(prom.truth), { at: prom.end });
      assert.equal(set.services.find((s) => s.service === 'orders')?.autoscaler?.headroom, prom.truth.services.orders.hpa!.headroom);
      const mine = proxy.requests.slice(-c.requestCount);
      assert.equal(mine.length, set.requests);
      assert.ok(mine.every((r) => r.outcome === 'forwarded' && r.url.startsWith('/prometheus/api/v1/') && r.method === 'POST'));
    });

    it('a wrong token or a missing tenant: "unauthorised" with the backend\'s own words', async () => {
      for (const c of [client('tok-wrong', 'tenant-1'), client('tok-right')]) {
        const e = await failure(fetchSignals(c, modelFromTruth(prom.truth), { at: prom.end }));
        assert.equal(e.kind, 'unauthorised');
        assert.match(e.message, /^http:\/\/127\.0\.0\.1:\d+\/prometheus refused the credentials \(HTTP 401\)/);
        assert.match(e.detail ?? '', /missing or wrong (authorization|x-scope-orgid)/);
        assert.ok(!e.message.includes('tok-'), 'the token is never echoed');
      }
    });

    it('a redirect to another origin is not followed: the token never reaches it', async () => {
      const redirecting = await startHeaderProxy({ upstream: prom.url });
      try {
        redirecting.setFault({ kind: 'status', status: 307, body: '', headers: { location: `${elsewhere.url}/api/v1/query` } });
        const before = elsewhere.requests.length;
        const e = await failure(
          fetchSignals(new PrometheusClient({ url: redirecting.url, auth: { kind: 'bearer', token: 'tok-right' } }), modelFromTruth(prom.truth), { at: prom.end }),
        );
        assert.equal(e.kind, 'server');
        assert.match(e.message, /redirected \(HTTP 307\)/);
        assert.equal(elsewhere.requests.length, before, 'the other origin was contacted');
        assert.ok(redirecting.requests.every((r) => r.headers.authorization === 'Bearer tok-right'));
      } finally {
        await redirecting.stop();
      }
    });
  });
});

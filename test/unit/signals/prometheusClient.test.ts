import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PrometheusClient, type PrometheusClientOptions } from '../../../src/core/signals/prometheusClient';
import { SignalsError } from '../../../src/core/signals/signalsError';
import { prometheusClientFromEnv } from '../../../src/cli/signalsOptions';

interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

interface TestServer {
  url: string;
  port: number;
  requests: Recorded[];
  close(): Promise<void>;
}

/** A real HTTP peer on 127.0.0.1: answers each request with `reply(request, index)`. */
async function startServer(reply: (req: Recorded, n: number) => Reply | undefined): Promise<TestServer> {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const rec: Recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(rec);
      const r = reply(rec, requests.length - 1);
      if (!r) return; // never answer
      res.writeHead(r.status, { 'content-type': 'application/json', ...(r.headers ?? {}) });
      res.end(r.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const VECTOR = JSON.stringify({
  status: 'success',
  data: {
    resultType: 'vector',
    result: [
      { metric: { job: 'orders', http_route: '/orders' }, value: [1760000000, '850.5'] },
      { metric: { job: 'orders', http_route: '/x' }, value: [1760000000, 'NaN'] },
    ],
  },
});

const ok = (): Reply => ({ status: 200, body: VECTOR });

async function rejection(p: Promise<unknown>): Promise<SignalsError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof SignalsError, `not a SignalsError: ${String(e)}`);
    return e;
  }
  assert.fail('expected a rejection');
}

describe('PrometheusClient against a real HTTP server', function () {
  this.timeout(5000);
  const servers: TestServer[] = [];
  const serve = async (reply: (req: Recorded, n: number) => Reply | undefined) => {
    const s = await startServer(reply);
    servers.push(s);
    return s;
  };
  const client = (url: string, options: Partial<PrometheusClientOptions> = {}) => new PrometheusClient({ url, ...options });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('POSTs the query form-encoded to <url>/api/v1/query and returns finite samples', async () => {
    const s = await serve(ok);
    const samples = await client(s.url).query('sum(rate(x[5m]))', 1760000000);
    assert.deepEqual(samples, [{ metric: { job: 'orders', http_route: '/orders' }, value: 850.5 }]);
    assert.equal(s.requests.length, 1);
    const r = s.requests[0];
    assert.equal(r.method, 'POST');
    assert.equal(r.url, '/api/v1/query');
    assert.match(String(r.headers['content-type']), /^application\/x-www-form-urlencoded/);
    const form = new URLSearchParams(r.body);
    assert.equal(form.get('query'), 'sum(rate(x[5m]))');
    assert.equal(form.get('time'), '1760000000');
    assert.equal(r.headers.authorization, undefined);
  });

  it('keeps a path prefix of the base URL (Mimir, Grafana Cloud)', async () => {
    const s = await serve(ok);
    await client(`${s.url}/prometheus/`).query('up', 1);
    assert.equal(s.requests[0].url, '/prometheus/api/v1/query');
  });

  describe('error mapping', () => {
    it('401 → unauthorised, naming the HTTP status and never the token', async () => {
      const s = await serve(() => ({ status: 401, body: 'Unauthorized\n' }));
      const e = await rejection(client(s.url, { auth: { kind: 'bearer', token: 'tok-SECRET-123' } }).query('up', 1));
      assert.equal(e.kind, 'unauthorised');
      assert.match(e.message, /HTTP 401/);
      assert.ok(!e.message.includes('tok-SECRET-123'));
      assert.equal(s.requests.length, 1, '401 is not retried');
    });

    it('403 → unauthorised too', async () => {
      const s = await serve(() => ({ status: 403, body: '{"status":"error","error":"forbidden tenant"}' }));
      const e = await rejection(client(s.url).query('up', 1));
      assert.equal(e.kind, 'unauthorised');
      assert.equal(e.detail, 'forbidden tenant');
    });

    it('credentials in the URL never appear in messages', async () => {
      const s = await serve(() => ({ status: 401, body: '' }));
      const e = await rejection(client(`http://ops:hunter2@127.0.0.1:${s.port}`).query('up', 1));
      assert.ok(!e.message.includes('hunter2'), e.message);
      assert.ok(e.message.startsWith(`http://127.0.0.1:${s.port} refused the credentials`), e.message);
    });

    it("400 with Prometheus' error JSON → bad-query, including the backend's error text and the query", async () => {
      const backend = '1:11: parse error: unexpected <EOF> in aggregation';
      const s = await serve(() => ({
        status: 400,
        body: JSON.stringify({ status: 'error', errorType: 'bad_data', error: backend }),
      }));
      const e = await rejection(client(s.url).query('sum(rate(x', 1));
      assert.equal(e.kind, 'bad-query');
      assert.equal(e.detail, backend);
      assert.equal(e.message, `Prometheus rejected the query sum(rate(x: ${backend}`);
      assert.equal(s.requests.length, 1, '400 is not retried');
    });

    it('non-JSON 200 → malformed, with the first line of what came back', async () => {
      const s = await serve(() => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Grafana login</body></html>\n<p>x</p>' }));
      const e = await rejection(client(s.url).query('up', 1));
      assert.equal(e.kind, 'malformed');
      assert.match(e.message, /did not answer with Prometheus JSON \(HTTP 200\)/);
      assert.equal(e.detail, '<html><body>Grafana login</body></html>');
    });

    it('a matrix where a vector was asked for → malformed', async () => {
      const s = await serve(() => ({ status: 200, body: JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [] } }) }));
      const e = await rejection(client(s.url).query('up[5m]', 1));
      assert.equal(e.kind, 'malformed');
    });

    it('503 is retried, then the success is returned (two requests)', async () => {
      const s = await serve((_r, n) => (n === 0 ? { status: 503, body: 'overloaded' } : ok()));
      const c = client(s.url);
      const samples = await c.query('up', 1);
      assert.equal(samples.length, 1);
      assert.equal(s.requests.length, 2);
      assert.equal(c.requestCount, 2);
      assert.equal(s.requests[1].body, s.requests[0].body, 'the retry sends the same query');
    });

    it('gives up after maxRetries', async () => {
      const s = await serve(() => ({ status: 503, body: JSON.stringify({ status: 'error', errorType: 'unavailable', error: 'busy' }) }));
      const e = await rejection(client(s.url, { maxRetries: 1 }).query('up', 1));
      assert.equal(s.requests.length, 2);
      assert.equal(e.kind, 'timeout');
    });

    it('connection refused → unreachable, "Cannot reach Prometheus at …"', async () => {
      const s = await startServer(ok);
      const url = s.url;
      await s.close();
      const e = await rejection(client(url).query('up', 1));
      assert.equal(e.kind, 'unreachable');
      assert.equal(e.message, `Cannot reach Prometheus at ${url} (connection refused)`);
    });

    it('no answer within timeoutMs → timeout', async () => {
      const s = await serve(() => undefined);
      const e = await rejection(client(s.url, { timeoutMs: 150, maxRetries: 0 }).query('up', 1));
      assert.equal(e.kind, 'timeout');
      assert.match(e.message, /did not answer within 0\.15 s/);
    });

    it('refuses URLs that are not http(s)', () => {
      assert.throws(() => client('file:///etc/passwd'), (e: SignalsError) => e.kind === 'unreachable' && /must start with http/.test(e.message));
      assert.throws(() => client('not a url'), (e: SignalsError) => e.kind === 'unreachable');
    });
  });

  describe('credentials', () => {
    it('a 302 is not followed, and the Authorization header never reaches the redirect target', async () => {
      const target = await serve(ok);
      const origin = await serve(() => ({ status: 302, headers: { location: `${target.url}/api/v1/query` }, body: '' }));
      const e = await rejection(client(origin.url, { auth: { kind: 'bearer', token: 'tok-1' } }).query('up', 1));
      assert.equal(e.kind, 'server');
      assert.match(e.message, /redirected \(HTTP 302\)/);
      assert.equal(origin.requests.length, 1);
      assert.equal(origin.requests[0].headers.authorization, 'Bearer tok-1');
      assert.equal(target.requests.length, 0, 'the redirect target was contacted');
    });

    it('bearer token arrives as Authorization: Bearer …', async () => {
      const s = await serve(ok);
      await client(s.url, { auth: { kind: 'bearer', token: 'glc_abc.def' } }).query('up', 1);
      assert.equal(s.requests[0].headers.authorization, 'Bearer glc_abc.def');
    });

    it('basic auth arrives base64-encoded, with a colon inside the password intact', async () => {
      const s = await serve(ok);
      await client(s.url, { auth: { kind: 'basic', username: 'ops', password: 'p@ss:word' } }).query('up', 1);
      assert.equal(s.requests[0].headers.authorization, `Basic ${Buffer.from('ops:p@ss:word').toString('base64')}`);
    });

    it('custom headers arrive as configured (X-Scope-OrgID), together with auth', async () => {
      const s = await serve(ok);
      await client(s.url, { auth: { kind: 'bearer', token: 't' }, headers: { 'X-Scope-OrgID': 'tenant-1' } }).query('up', 1);
      assert.equal(s.requests[0].headers['x-scope-orgid'], 'tenant-1');
      assert.equal(s.requests[0].headers.authorization, 'Bearer t');
    });

    it('the CLI takes them from the environment only: token, user/password and a header list', async () => {
      const s = await serve(ok);
      await prometheusClientFromEnv(s.url, {
        OPS_LENS_PROMETHEUS_TOKEN: 'env-token',
        OPS_LENS_PROMETHEUS_HEADERS: 'X-Scope-OrgID: tenant-2; X-Trace: a:b',
      }).query('up', 1);
      assert.equal(s.requests[0].headers.authorization, 'Bearer env-token');
      assert.equal(s.requests[0].headers['x-scope-orgid'], 'tenant-2');
      assert.equal(s.requests[0].headers['x-trace'], 'a:b');

      await prometheusClientFromEnv(s.url, { OPS_LENS_PROMETHEUS_USER: 'u', OPS_LENS_PROMETHEUS_PASSWORD: 'p' }).query('up', 1);
      assert.equal(s.requests[1].headers.authorization, `Basic ${Buffer.from('u:p').toString('base64')}`);
    });
  });
});

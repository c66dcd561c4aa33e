import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PrometheusClient, type PrometheusAuth } from '../../../src/core/signals/prometheusClient';
import { SignalsError } from '../../../src/core/signals/signalsError';

describe('credentials never appear in messages or the log, even when a backend echoes them', () => {
  let server: Server;
  let url: string;
  before(async () => {
    // A misconfigured proxy that puts the request's Authorization header into its error page.
    server = createServer((req, res) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`upstream refused request with authorization=${req.headers.authorization}\n`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise((r) => server.close(r)));

  for (const auth of [
    { kind: 'bearer', token: 'tok-secret-42' },
    { kind: 'basic', username: 'ops', password: 'pw-secret-42' },
  ] as PrometheusAuth[]) {
    it(`${auth.kind}: the error keeps the backend's words with the secret masked`, async () => {
      const lines: string[] = [];
      const log = { trace() {}, debug() {}, info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
      const client = new PrometheusClient({ url, auth, log, maxRetries: 0 });
      const e = await client.query('up', 1).then(
        () => assert.fail('expected a failure'),
        (err: unknown) => err as SignalsError,
      );
      assert.ok(e instanceof SignalsError);
      assert.match(e.message, /upstream refused request with authorization=(Bearer|Basic) \*\*\*/);
      const everything = [e.message, e.detail ?? '', ...lines].join('\n');
      assert.ok(!/secret-42/.test(everything), everything);
      assert.ok(!everything.includes(Buffer.from('ops:pw-secret-42').toString('base64')), everything);
      assert.equal(lines.length, 1, 'the query is logged once, with its outcome');
    });
  }
});

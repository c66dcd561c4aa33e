import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Node's own HTTP client (actual's bank sync: `https.request(url, options, cb)`) sets no timeout: a request waits for
 * ever unless its options give one (`timeout`, an AbortSignal) or the request it returns is given one
 * (`req.setTimeout(5000, …)`, `req.on('timeout', …)`). Only in a module that loads `http` or `https`.
 */
describe('missing-timeout: node:http and node:https requests', () => {
  const timeouts = (f: Awaited<ReturnType<typeof joined>>): string[] => hazardRows(f).filter((r) => r.startsWith('missing-timeout'));

  it('reports https.request and http.get without a timeout, loaded as a default import, node:, require or by name', async () => {
    const f = await joined({
      'src/bank.js': lines(
        "import https from 'https';",
        '',
        'export function accounts(url) {',
        '  return new Promise((resolve, reject) => {',
        '    const req = https.request(new URL(url), { headers: {} }, (res) => {', // 5: kept, only on('error') and end()
        "      let data = '';",
        "      res.on('data', (d) => { data += d; });",
        "      res.on('end', () => resolve(JSON.parse(data)));",
        '    });',
        "    req.on('error', reject);",
        '    req.end();',
        '  });',
        '}',
        '',
        'export function ping(url, done) {',
        '  https.get(url, (r) => done(r.statusCode));', // 16: result dropped
        "  https.get(url, (r) => done(r.statusCode)).on('error', done);", // 17: chained, no timeout
        '}',
      ),
      'src/node.ts': lines(
        "import * as http from 'node:http';",
        'export const probe = (host: string) => http.get({ host, path: "/health" }, (r) => r.resume());', // 2
      ),
      'src/required.js': lines(
        "const https = require('https');",
        "exports.send = (body) => { const req = https.request({ host: 'x', method: 'POST' }); req.write(body); req.end(); };", // 2
      ),
      'src/named.ts': lines(
        "import { request } from 'https';",
        'export function post(url: string, body: string) {',
        "  const req = request(url, { method: 'POST' });", // 3
        '  req.end(body);',
        '}',
      ),
    });
    assert.deepEqual(timeouts(f), [
      'missing-timeout src/bank.js:16:3 https.get → -',
      'missing-timeout src/bank.js:17:3 https.get → -',
      'missing-timeout src/bank.js:5:17 https.request → -',
      'missing-timeout src/named.ts:3:15 request → -',
      'missing-timeout src/node.ts:2:40 http.get → -',
      'missing-timeout src/required.js:2:40 https.request → -',
    ]);
  });

  it('not one given a timeout or a signal in its options, or by setTimeout or a timeout listener on the request', async () => {
    const f = await joined({
      'src/bank.js': lines(
        "import https from 'node:https';",
        '',
        'export function bounded(url, cb) {',
        '  https.get(url, { timeout: 5000 }, cb);', // 4: option
        '  https.request(url, { signal: AbortSignal.timeout(5000) }, cb).end();', // 5: signal
        '  const opts = { method: "POST", timeout: 3000 };',
        '  https.request(url, opts, cb).end();', // 7: options kept in a variable
        '  const req = https.request(url, cb);', // 8
        '  req.setTimeout(5000, () => req.destroy());',
        '  req.end();',
        '  const other = https.request(url, cb);', // 11
        "  other.on('timeout', () => other.destroy());",
        '  other.end();',
        "  https.get(url, cb).on('error', cb).setTimeout(2000);", // 14: chained
        '}',
      ),
    });
    assert.deepEqual(timeouts(f), []);
  });

  it("not a project's client named http, in a module that loads neither http nor https; nor another module's get()", async () => {
    const f = await joined({
      'src/api.ts': lines(
        "import http from './http';",
        "import { get } from 'lodash';",
        'export async function load(o: object) {',
        "  await http.get('/users');",
        "  return get(o, 'a.b');",
        '}',
      ),
      'src/named.ts': lines(
        "import { request } from 'https';",
        "import { get } from 'lodash';",
        'export const pick = (o: object) => get(o, "x");',
      ),
    });
    assert.deepEqual(timeouts(f), []);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Node's own HTTP client under the names a module binds it to (`const h = require('node:http')`, `import * as client
 * from 'node:https'`, `const { request: httpsRequest } = require('https')`), and its timeout read only from the
 * arguments that are no function: a `timeout` written in the response callback's body bounds nothing.
 */
describe('missing-timeout: node:http under other names, and callbacks that mention a timeout', () => {
  const timeouts = (f: Awaited<ReturnType<typeof joined>>): string[] => hazardRows(f).filter((r) => r.startsWith('missing-timeout'));

  it('a timeout written only in the response callback is none: reported', async () => {
    const f = await joined({
      'src/fetch.js': lines(
        "const https = require('https');",
        'exports.fetchJson = (url) => new Promise((resolve, reject) => {',
        '  const req = https.get(url, (res) => {', // 3
        "    let body = '';",
        "    res.on('data', (c) => (body += c));",
        "    res.on('end', () => resolve({ body, timeout: false }));",
        '  });',
        "  req.on('error', reject);",
        '});',
        'exports.bounded = (url, cb) => https.get(url, { timeout: 5000 }, (res) => cb(res.statusCode));', // 10: option, not the callback
        'exports.signal = (url, cb) => https.get(url, { signal: AbortSignal.timeout(5000) }, function (res) { cb(res); });', // 11
      ),
    });
    assert.deepEqual(timeouts(f), ['missing-timeout src/fetch.js:3:15 https.get → -']);
  });

  it('reports http/https under the names the module binds them or their request and get to', async () => {
    const f = await joined({
      'src/alias.js': lines(
        "const h = require('node:http');",
        "const { request: httpsRequest, get: httpsGet } = require('https');",
        'exports.a = (url, cb) => h.get(url, cb);', // 3
        'exports.b = (url, cb) => { const r = httpsRequest(url, cb); r.end(); };', // 4
        'exports.c = (url, cb) => httpsGet(url, cb);', // 5
        'exports.d = (url, cb) => h.get(url, { timeout: 2000 }, cb);', // 6: given one
      ),
      'src/set.js': lines(
        "const { request: httpsRequest } = require('node:https');",
        'exports.e = (url, cb) => { const r = httpsRequest(url, cb); r.setTimeout(1000, () => r.destroy()); r.end(); };', // 2: set on the request
        'exports.f = (url, cb) => { const r = httpsRequest(url, cb); r.setTimeout(1000); r.end(); };', // 3: no handler, still counted
      ),
      'src/esm.ts': lines(
        "import * as client from 'node:https';",
        "import plain from 'http';",
        "import { request as send } from 'node:http';",
        'export const a = (url: string) => client.request(url, (r) => r.resume()).end();', // 4
        'export const b = (url: string) => plain.get(url, (r) => r.resume());', // 5
        'export const c = (url: string) => send(url, (r) => r.resume()).end();', // 6
      ),
    });
    assert.deepEqual(timeouts(f), [
      'missing-timeout src/alias.js:3:26 h.get → -',
      'missing-timeout src/alias.js:4:38 httpsRequest → -',
      'missing-timeout src/alias.js:5:26 httpsGet → -',
      'missing-timeout src/esm.ts:4:35 client.request → -',
      'missing-timeout src/esm.ts:5:35 plain.get → -',
      'missing-timeout src/esm.ts:6:35 send → -',
    ]);
  });

  it('not a name bound to another module, nor the names of a module that loads no http', async () => {
    const f = await joined({
      'src/helpers.js': lines('exports.get = (k) => k;', 'exports.request = (k) => k;'),
      'src/other.js': lines(
        "const https = require('https');",
        "const h = require('./helpers');",
        "const { request: ask, get: fetchOne } = require('./helpers');",
        'exports.a = () => [h.get(1), ask(2), fetchOne(3)];',
      ),
      'src/none.js': lines("const h = require('./helpers');", 'exports.a = () => h.get(1);'),
    });
    assert.deepEqual(timeouts(f), []);
  });
});

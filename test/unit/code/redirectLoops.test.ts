import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A loop that follows redirects (linkwarden's safeFetch) asks for one URL per turn, each taken from the answer before:
 * bounded by the client's limit, not a call per item of data. Its request's missing timeout is still a warning.
 */
describe('loops that follow HTTP redirects', () => {
  it('are not a call per item; a loop over the URLs given is, and one over a list of redirect rules', async () => {
    const f = await joined({
      'src/fetch.ts': lines(
        "import express from 'express';",
        'const app = express();',
        'async function follow(url: string, maxRedirects = 5) {',
        '  let current = url;',
        '  for (let redirectCount = 0; redirectCount <= maxRedirects; redirectCount++) {',
        "    const res = await fetch(current, { redirect: 'manual' });", // 6
        '    if (res.status < 300 || res.status >= 400) return res;',
        "    current = new URL(res.headers.get('location')!, current).toString();",
        '  }',
        '}',
        'async function hops(url: string) {',
        '  let current = url;',
        '  for (let i = 0; i < 10; i++) {',
        "    const res = await fetch(current, { redirect: 'manual', signal: AbortSignal.timeout(5000) });",
        "    const next = res.headers.get('Location');",
        '    if (!next) return res;',
        '    current = next;',
        '  }',
        '}',
        // A list of redirect rules, looked up one by one: a query per rule.
        'async function rules(redirects: string[]) {',
        '  for (let i = 0; i < redirects.length; i++) await fetch(redirects[i], { signal: AbortSignal.timeout(5000) });', // 21
        '}',
        "app.get('/fetch', async (req, res) => {",
        '  await rules(req.body.rules);',
        '  await follow(String(req.query.url));',
        '  await hops(String(req.query.url));',
        '  for (const u of req.body.urls) await fetch(u, { signal: AbortSignal.timeout(5000) });', // 27
        '  res.end();',
        '});',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop src/fetch.ts:21:52 fetch [for sequential] → GET /fetch',
      'call-in-loop src/fetch.ts:27:40 fetch [for…of sequential] → GET /fetch',
      'missing-timeout src/fetch.ts:6:23 fetch → GET /fetch',
    ]);
  });
});

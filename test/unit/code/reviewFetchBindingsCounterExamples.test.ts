import assert from 'node:assert/strict';
import { FileStructure } from '../../../src/core/code/fileStructure';
import { hazardRows, joined, lines } from './fixtureWorkspace';

// Counter-examples a review found to "a fetch the function binds itself is not the global fetch" (usertour).
describe('code analysis: a local fetch that is the global after all (review counter-examples)', function () {
  this.timeout(20_000);

  const app = (names: string[]): string =>
    lines(
      "const express = require('express');",
      `const { ${names.join(', ')} } = require('./client');`,
      'const app = express();',
      ...names.map((n) => `app.get('/${n}', async (req, res) => res.json(await ${n}('https://example.com')));`),
      'app.listen(3000);',
    );

  it('a local given the global as a fallback (`opts.fetch ?? globalThis.fetch`, a ternary of `window.fetch` and `globalThis.fetch`, a default of `fetch`) is the global: missing-timeout; one given only the caller\'s function, or a wrapper that calls the global itself, is not', async () => {
    const f = await joined({
      'src/client.js': lines(
        'async function a(url, opts = {}) {',
        '  const fetch = opts.fetch ?? globalThis.fetch;',
        '  return fetch(url);', // 3
        '}',
        'async function b(urls) {',
        '  const fetch = globalThis.fetch.bind(globalThis);',
        '  for (const u of urls) await fetch(u);', // 7
        '}',
        'async function c(url) {',
        '  let fetch = globalThis.fetch;',
        '  if (process.env.DEBUG) fetch = wrap(globalThis.fetch);',
        '  return fetch(url);', // 12
        '}',
        'function wrap(f) { return (...x) => f(...x); }',
        'async function d(url, { fetch = fetch } = {}) {',
        '  return fetch(url);', // 16
        '}',
        'async function e(url) {',
        "  const fetch = typeof window !== 'undefined' ? window.fetch : globalThis.fetch;",
        '  return fetch(url);', // 20
        '}',
        'async function g(url, opts) {',
        '  const fetch = opts.fetch || self.fetch;',
        '  return fetch(url);', // 24
        '}',
        'async function h(url, opts) {',
        '  const fetch = opts.fetch;',
        '  return fetch(url);', // 28: the caller's function
        '}',
        'async function k(url) {',
        '  const fetch = (u) => globalThis.fetch(u, { signal: AbortSignal.timeout(5000) });',
        '  return fetch(url);', // 32: a wrapper that sets its own timeout
        '}',
        'module.exports = { a, b, c, d, e, g, h, k };',
      ),
      'src/app.js': app(['a', 'b', 'c', 'd', 'e', 'g', 'h', 'k']),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop src/client.js:7:31 fetch [for…of sequential] → GET /b',
      'missing-timeout src/client.js:12:10 fetch → GET /c',
      'missing-timeout src/client.js:16:10 fetch → GET /d',
      'missing-timeout src/client.js:20:10 fetch → GET /e',
      'missing-timeout src/client.js:24:10 fetch → GET /g',
      'missing-timeout src/client.js:3:10 fetch → GET /a',
      'missing-timeout src/client.js:7:31 fetch → GET /b',
    ]);
  });

  it('a const or let shadows the global only in its own block (`if (cache) { const fetch = (u) => cache.get(u); … }` then the global `fetch(url)` after it); a var in a block covers the whole function', async () => {
    const f = await joined({
      'src/client.js': lines(
        'async function load(url, cache) {',
        '  if (cache) {',
        '    const fetch = (u) => cache.get(u);',
        '    const hit = await fetch(url);', // 4: the cache's
        '    if (hit) return hit;',
        '  }',
        '  const res = await fetch(url);', // 7: the global
        '  return res.json();',
        '}',
        'async function viaVar(url, cache) {',
        '  if (cache) {',
        '    var fetch = (u) => cache.get(u);',
        '  }',
        '  return fetch(url);', // 14: the var, function-wide
        '}',
        'async function nested(urls, cache) {',
        '  for (let i = 0, fetch = (u) => cache.get(u); i < urls.length; i++) {',
        '    if (i) { await fetch(urls[i]); }', // 18: the loop's let
        '  }',
        '  switch (urls.length) {',
        '    case 0: const fetch = (u) => cache.get(u); return fetch(urls[0]);', // 21: the switch's const
        '    default: return fetch(urls[0]);', // 22: the same switch body, the same const
        '  }',
        '}',
        'async function after(urls) {',
        '  { let fetch = (u) => u; fetch(urls[0]); }', // 26: the block's
        '  return fetch(urls[1]);', // 27: the global
        '}',
        'module.exports = { load, viaVar, nested, after };',
      ),
      'src/app.js': app(['load', 'viaVar', 'nested', 'after']),
    });
    assert.deepEqual(hazardRows(f), ['missing-timeout src/client.js:27:10 fetch → GET /after', 'missing-timeout src/client.js:7:21 fetch → GET /load']);
  });

  it('a function of 2,000 `fetch(…)` calls is read once for its bindings of `fetch`, not once per call (its text was read again for each: quadratic, 16,000 calls took 19 s): its one call without a timeout is found, and the block-scoped local is not', async () => {
    const calls = Array.from({ length: 2000 }, (_, k) => `  await fetch(u + '${k}', { signal: AbortSignal.timeout(1000) });`);
    // How often a place of the word `fetch` is read to know whether a function names it other than as a call.
    const proto = FileStructure.prototype as unknown as { namedNotCalled: (at: number, length: number) => boolean };
    const read = proto.namedNotCalled;
    let reads = 0;
    proto.namedNotCalled = function (this: unknown, at: number, length: number) {
      reads++;
      return read.call(this, at, length);
    };
    try {
      const f = await joined({
        'src/app.js': lines(
          "const express = require('express');",
          'const app = express();',
          'async function big(u, cache) {',
          ...calls,
          '  await fetch(u);', // 2004: the global, no timeout
          '  if (cache) { const fetch = (x) => cache.get(x); await fetch(u); }', // 2005: the cache's
          '}',
          "app.get('/big', async (req, res) => res.json(await big('https://example.com')));",
          'app.listen(3000);',
        ),
      });
      assert.deepEqual(hazardRows(f), ['missing-timeout src/app.js:2004:9 fetch → GET /big']);
    } finally {
      proto.namedNotCalled = read;
    }
    // Each place at most a few times (the function and the arrow in it), not once per call of the function.
    assert.ok(reads > 0 && reads < 3 * 2003, `${reads} reads of 2,003 places`);
  });
});

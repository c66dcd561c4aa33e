import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('code analysis: a local binding named fetch is not the global fetch', function () {
  this.timeout(10_000);

  it("usertour: `const { limit, fetch } = opts` and a parameter `fetch: OembedFetcher` are the caller's functions, no missing-timeout or call-in-loop; the global fetch and a local bound to it (`const fetch = globalThis.fetch`) still are", async () => {
    const f = await joined({
      'src/pagination.ts': lines(
        'export async function paginate(opts: { limit: number; cursor?: string; fetch: (a: { first: number }) => Promise<unknown[]> }) {',
        '  const { cursor, limit, fetch } = opts;',
        '  return await fetch({ first: limit, after: cursor });', // 3
        '}',
        '',
        'export async function resolveStaleEmbeds(urls: string[], fetch: (url: string) => Promise<unknown>) {',
        '  for (const url of urls) {',
        '    await fetch(url);', // 8
        '  }',
        '}',
        '',
        'export async function load(urls: string[]) {',
        '  for (const url of urls) {',
        '    await fetch(url);', // 14
        '  }',
        '}',
        '',
        'export async function viaGlobal(url: string) {',
        '  const fetch = globalThis.fetch;',
        '  await fetch(url);', // 20
        '  return url;',
        '}',
        '',
        'export const arrow = async ({ fetch }: { fetch: (u: string) => Promise<unknown> }, url: string) => {',
        '  const inner = async () => fetch(url);', // 25
        '  return inner();',
        '};',
      ),
      'src/app.ts': lines(
        "import express from 'express';",
        "import { paginate, resolveStaleEmbeds, load, viaGlobal, arrow } from './pagination';",
        'const app = express();',
        "app.get('/a', async (req, res) => res.json(await paginate({ limit: 20, fetch: async () => [] })));",
        "app.get('/b', async (req, res) => res.json(await resolveStaleEmbeds([], async () => ({}))));",
        "app.get('/c', async (req, res) => res.json(await load([])));",
        "app.get('/d', async (req, res) => res.json(await viaGlobal('https://example.com')));",
        "app.get('/e', async (req, res) => res.json(await arrow({ fetch: async () => ({}) }, 'x')));",
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop src/pagination.ts:14:11 fetch [for…of sequential] → GET /c',
      'missing-timeout src/pagination.ts:14:11 fetch → GET /c',
      'missing-timeout src/pagination.ts:20:9 fetch → GET /d',
    ]);
  });

  it('plain JavaScript: a parameter `fetch` shadows the global; a default of `globalThis.fetch` is the global, as is fetch in another function', async () => {
    const f = await joined({
      'src/load.js': lines(
        'async function viaParam(fetch, url) {',
        '  return fetch(url);', // 2
        '}',
        'async function viaDefault(url, { fetch = globalThis.fetch } = {}) {',
        '  return fetch(url);', // 5
        '}',
        'async function plain(url) {',
        '  return fetch(url);', // 8
        '}',
        'module.exports = { viaParam, viaDefault, plain };',
      ),
      'src/app.js': lines(
        "const express = require('express');",
        "const { viaParam, viaDefault, plain } = require('./load');",
        'const app = express();',
        "app.get('/a', async (req, res) => res.json(await viaParam(async () => ({}), 'x')));",
        "app.get('/b', async (req, res) => res.json(await viaDefault('https://example.com')));",
        "app.get('/c', async (req, res) => res.json(await plain('https://example.com')));",
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f), ['missing-timeout src/load.js:5:10 fetch → GET /b', 'missing-timeout src/load.js:8:10 fetch → GET /c']);
  });
});

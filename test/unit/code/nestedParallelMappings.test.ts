import assert from 'node:assert/strict';
import { joined, lines, loopHazards, summary } from './fixtureWorkspace';

/**
 * tracecat-style fan-out: `Promise.all(caseIds.flatMap((c) => rowIds.map((r) => axios.post(…))))`. The inner map's
 * promises are what the outer callback returns, flattened into what Promise.all waits for: parallel, as the flat
 * `Promise.all(rowIds.map(…))` is.
 */
describe('JavaScript: a mapping returned by the callback of a mapping Promise.all waits for', () => {
  const file = (body: string) =>
    lines(
      "const express = require('express');",
      "const axios = require('axios');",
      'const app = express();',
      "app.post('/links', async (req, res) => {",
      '  const { caseIds, rowIds } = req.body;',
      body,
      '  res.json({ ok: true });',
      '});',
    );

  it('is parallel, written as the callback body', async () => {
    const files = await joined({
      'src/server.js': file("  await Promise.all(caseIds.flatMap((c) => rowIds.map((r) => axios.post(`http://cases/${c}/rows`, { r }, { timeout: 5000 }))));"),
    });
    assert.deepEqual(loopHazards(files.get('src/server.js')!).map(summary), [['call-in-loop', 5, 61, 'axios.post', '.map()', 'parallel', ['POST /links']]]);
  });

  it('is sequential where nothing waits for it all at once, or the callback awaits the inner mapping itself', async () => {
    const none = await joined({ 'src/server.js': file('  for (const c of caseIds) await rowIds.map((r) => axios.post(`http://cases/${c}/rows`, { r }, { timeout: 5000 }));') });
    assert.deepEqual(loopHazards(none.get('src/server.js')!).map((h) => h.loop?.mode), ['sequential']);
    // A block body that is not the inner mapping itself (the outer callback returns something else).
    const other = await joined({
      'src/server.js': file("  await Promise.all(caseIds.map((c) => { rowIds.map((r) => axios.post(`http://cases/${c}/rows`, { r }, { timeout: 5000 })); return c; }));"),
    });
    assert.deepEqual(loopHazards(other.get('src/server.js')!).map((h) => h.loop?.mode), ['sequential']);
  });
});

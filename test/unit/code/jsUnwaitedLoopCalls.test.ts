import { strict as assert } from 'node:assert';
import type { FileAnalysis } from '../../../src/core/code/codeModel';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** The loop warnings (each fetch also lacks a timeout, said apart). */
const loops = (f: Map<string, FileAnalysis>) => hazardRows(f).filter((r) => r.startsWith('call-in-loop'));

/**
 * An async call a loop starts and does not wait for runs beside the loop: each turn starts one and goes on, a fan-out
 * ("in parallel"), not "each iteration waits for the previous one". A sync `forEach` callback calling an async helper,
 * the same in a `for…of` without `await`, and promises kept and pushed onto a list `Promise.all` waits for.
 */
describe('JavaScript: async calls a loop does not wait for', () => {
  const pkg = JSON.stringify({ dependencies: { express: '4' } });

  it('are in parallel: an async helper of the file dropped in forEach or for…of, fetch promises pushed for Promise.all; awaited ones stay sequential', async () => {
    const f = await joined({
      'package.json': pkg,
      'app.js': lines(
        "const express = require('express');",
        'const app = express();',
        'async function sendWebhook(hook, data) {',
        "  const res = await fetch(hook.url, { method: 'POST', body: JSON.stringify(data) });",
        '  return res.ok;',
        '}',
        "app.post('/events', (req, res) => {",
        '  req.body.hooks.forEach((hook) => {',
        '    sendWebhook(hook, req.body.data);', // 9
        '  });',
        '  req.body.hooks.forEach((hook) => sendWebhook(hook, {}));', // 11: the callback's body
        '  res.sendStatus(202);',
        '});',
        "app.post('/events2', (req, res) => {",
        '  for (const hook of req.body.hooks) {',
        '    sendWebhook(hook, req.body.data).catch(console.error);', // 16
        '  }',
        '  res.sendStatus(202);',
        '});',
        "app.post('/ping', async (req, res) => {",
        '  const pending = [];',
        '  for (const region of req.body.regions) {',
        '    const p = fetch(`https://checker.example.com/ping/${region}`);', // 23
        '    pending.push(p);',
        '  }',
        '  const results = await Promise.all(pending);',
        '  res.json(results.map((r) => r.status));',
        '});',
        "app.post('/sequential', async (req, res) => {",
        '  for (const hook of req.body.hooks) {',
        '    await sendWebhook(hook, {});', // 31
        '    const ok = await sendWebhook(hook, {});', // 32
        '    await retry(() => sendWebhook(hook, {}));', // 33: an arrow that is not the loop's
        '    const p = fetch(hook.url);', // 34: kept, awaited in the turn
        '    await p;',
        '  }',
        '  res.sendStatus(200);',
        '});',
        "app.post('/series', async (req, res) => {",
        '  await req.body.hooks.reduce((prev, hook) => prev.then(() => sendWebhook(hook, {})), Promise.resolve());', // 40
        '  res.sendStatus(200);',
        '});',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(loops(f), [
      'call-in-loop app.js:11:36 sendWebhook → fetch [.forEach() parallel] → POST /events',
      'call-in-loop app.js:16:5 sendWebhook → fetch [for…of parallel] → POST /events2',
      'call-in-loop app.js:23:15 fetch [for…of parallel] → POST /ping',
      'call-in-loop app.js:31:11 sendWebhook → fetch [for…of sequential] → POST /sequential',
      'call-in-loop app.js:32:22 sendWebhook → fetch [for…of sequential] → POST /sequential',
      'call-in-loop app.js:33:23 sendWebhook → fetch [for…of sequential] → POST /sequential',
      'call-in-loop app.js:34:15 fetch [for…of sequential] → POST /sequential',
      'call-in-loop app.js:40:63 sendWebhook → fetch [.reduce() sequential] → POST /series',
      'call-in-loop app.js:9:5 sendWebhook → fetch [.forEach() parallel] → POST /events',
    ]);
  });

  it('are in parallel through an async function of another module, also a static async method; a sync one returning a promise is not known so', async () => {
    const f = await joined({
      'package.json': pkg,
      'hooks.js': lines(
        'async function sendWebhook(hook) {',
        "  await fetch(hook.url, { method: 'POST' });",
        '}',
        'class Notifier {',
        '  static async send(hook) {',
        "    await fetch(hook.url, { method: 'POST' });",
        '  }',
        '  static post(hook) {',
        "    return fetch(hook.url, { method: 'POST' });",
        '  }',
        '}',
        'module.exports = { sendWebhook, Notifier };',
      ),
      'app.js': lines(
        "const express = require('express');",
        "const { sendWebhook, Notifier } = require('./hooks');",
        'const app = express();',
        "app.post('/events', async (req, res) => {",
        '  req.body.hooks.forEach((hook) => { sendWebhook(hook); });', // 5
        '  for (const hook of req.body.hooks) Notifier.send(hook);', // 6
        '  req.body.hooks.forEach(sendWebhook);', // 7: given by name
        '  for (const hook of req.body.hooks) await sendWebhook(hook);', // 8
        '  for (const hook of req.body.hooks) Notifier.post(hook);', // 9
        '  res.sendStatus(202);',
        '});',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(loops(f), [
      'call-in-loop app.js:5:38 sendWebhook → fetch [.forEach() parallel] → POST /events',
      'call-in-loop app.js:6:38 Notifier.send → fetch [for…of parallel] → POST /events',
      'call-in-loop app.js:7:26 sendWebhook → fetch [.forEach() parallel] → POST /events',
      'call-in-loop app.js:8:44 sendWebhook → fetch [for…of sequential] → POST /events',
      'call-in-loop app.js:9:38 Notifier.post → fetch [for…of sequential] → POST /events',
    ]);
  });
});

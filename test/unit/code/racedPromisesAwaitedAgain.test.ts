import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A fetch kept in a name and raced against a timer (plunk's `await Promise.race([healthPromise, timeoutPromise])`) is
 * bounded only when the race is the name's only use: a race that only tells the route the upstream is slow, then
 * `await reportPromise` (or `reportPromise.then(…)`), still waits for it with no timeout (review of stop 67, RC-3).
 */
describe('A fetch kept in a name, raced against a timer and used again', () => {
  it('still has no timeout; one the race alone takes is bounded', async () => {
    const f = await joined({
      'package.json': lines('{ "name": "spin", "dependencies": { "express": "^4.18.0" } }'),
      'server.ts': lines(
        "import express from 'express';",
        '',
        'const app = express();',
        'const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));',
        '',
        "app.get('/report', async (_req, res) => {",
        '  // Answer "slow" early if the upstream takes more than 200 ms, but still wait for it (no timeout at all).',
        "  const reportPromise = fetch('https://reports.example.com/build');", // 8
        '  const first = await Promise.race([reportPromise, sleep(200)]);',
        "  if (first === undefined) res.write('slow...');",
        '  const report = await reportPromise;',
        '  res.end(await report.text());',
        '});',
        '',
        "app.get('/status', async (_req, res) => {",
        "  const statusPromise = fetch('https://status.example.com/now');", // 16
        '  await Promise.race([statusPromise, sleep(200)]);',
        '  statusPromise.then((r) => r.text()).then((t) => console.log(t));',
        "  const healthPromise = fetch('https://status.example.com/health');", // 19
        '  const timeoutPromise = new Promise((_, reject) => setTimeout(() => reject(new Error("Timeout")), 2000));',
        '  const health = await Promise.race([healthPromise, timeoutPromise]);',
        '  res.json({ health });',
        '});',
        '',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('missing-timeout')), [
      'missing-timeout server.ts:16:25 fetch → GET /status',
      'missing-timeout server.ts:8:25 fetch → GET /report',
    ]);
  });
});

import assert from 'node:assert/strict';
import { joined, lines } from './fixtureWorkspace';

/**
 * A function holding many fetches in names, each raced later (a generated client, a test harness): the races of the
 * function are read once and looked up by name, not read again from each fetch on (review of stop 67, RC-4: 3000 of
 * them took 22.7 s instead of 4.9 s). Its analysis takes about as long as the same function with `Promise.all`.
 */
describe('Many fetches kept in names and raced in one function', () => {
  const N = 1500;
  const file = (combine: string) =>
    lines(
      "import express from 'express';",
      'const app = express();',
      "const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));",
      "app.get('/x', async (_req, res) => {",
      ...Array.from({ length: N }, (_, k) => `  const p${k} = fetch('https://a.example.com/${k}');`),
      ...Array.from({ length: N }, (_, k) => `  await ${combine}([p${k}, ${k % 2 ? `sleep(${k})` : `other${k}`}]);`),
      '  res.json({ ok: true });',
      '});',
      'app.listen(3000);',
    );
  const timed = async (combine: string) => {
    const started = process.hrtime.bigint();
    const f = await joined({ 'package.json': lines('{ "dependencies": { "express": "4.19.0" } }'), 'server.ts': file(combine) });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { ms, lines: f.get('server.ts')!.hazards.filter((h) => h.code === 'missing-timeout').map((h) => h.range.start.line + 1) };
  };

  it('are read once: the fetches raced against no timer are reported, in about the time Promise.all takes', async function () {
    this.timeout(300000);
    await timed('Promise.all'); // (warm)
    const all = await timed('Promise.all');
    const race = await timed('Promise.race');
    // The fetch of line 5 + k is raced against `otherK` for an even k, against `sleep(k)` for an odd one.
    assert.deepEqual(race.lines, Array.from({ length: N / 2 }, (_, j) => 5 + 2 * j));
    assert.equal(all.lines.length, N);
    assert.ok(race.ms < 2 * all.ms + 1000, `Promise.race: ${race.ms.toFixed(0)} ms, Promise.all: ${all.ms.toFixed(0)} ms`);
  });
});

import assert from 'node:assert/strict';
import { FileStructure } from '../../../src/core/code/fileStructure';
import { joined, lines } from './fixtureWorkspace';

/**
 * A function holding many fetches in names, each raced later (a generated client, a test harness): the races of the
 * function are read once and looked up by name, not read again from each fetch on (review of stop 67, RC-4: 3000 of
 * them took 22.7 s instead of 4.9 s). The time is the benchmark's to judge; this asserts what is found.
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
  const found = async (combine: string) => {
    const f = await joined({ 'package.json': lines('{ "dependencies": { "express": "4.19.0" } }'), 'server.ts': file(combine) });
    return f.get('server.ts')!.hazards.filter((h) => h.code === 'missing-timeout').map((h) => h.range.start.line + 1);
  };

  it('each is judged by its own race: the fetches raced against no timer are reported, those raced against one are not; Promise.all bounds none', async function () {
    this.timeout(300000);
    // The fetch of line 5 + k is raced against `otherK` for an even k, against `sleep(k)` for an odd one.
    assert.deepEqual(await found('Promise.race'), Array.from({ length: N / 2 }, (_, j) => 5 + 2 * j));
    assert.equal((await found('Promise.all')).length, N);
  });

  it('reads the races of the function, and the names written in its block, once for all its fetches, not once per fetch', async function () {
    this.timeout(300000);
    // How often the function's races are collected, and its block's names counted (each kept by FileStructure.memo).
    const proto = FileStructure.prototype as unknown as { memo: <T>(key: string, compute: () => T) => T };
    const memo = proto.memo;
    const computed = new Map<string, number>();
    proto.memo = function <T>(this: FileStructure, key: string, compute: () => T): T {
      const kind = /^js\.(?:races|words):/.exec(key)?.[0];
      if (!kind) return memo.call(this, key, compute) as T;
      return memo.call(this, key, () => {
        computed.set(kind, (computed.get(kind) ?? 0) + 1);
        return compute();
      }) as T;
    };
    try {
      assert.equal((await found('Promise.race')).length, N / 2);
    } finally {
      proto.memo = memo;
    }
    assert.deepEqual(Object.fromEntries(computed), { 'js.races:': 1, 'js.words:': 1 });
  });
});

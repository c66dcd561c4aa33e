import { strict as assert } from 'node:assert';
import { joined, lines } from './fixtureWorkspace';

/**
 * Options kept in a variable are looked up from each function's assignments, read once per function and name: a
 * route with thousands of calls given a name (`fetch(u, { headers })`) costs about what it costs with a literal.
 */
describe('missing-timeout: options looked up once per function', () => {
  const route = (arg: string, n: number) =>
    lines(
      'const express = require("express");',
      'const app = express();',
      'app.get("/x", async (req, res) => {',
      '  const u = req.query.u;',
      '  const opts = { timeout: 5000 };',
      ...Array.from({ length: n }, (_, k) => `  const r${k} = await fetch(${arg}, { headers: { "x-n": "${k}" } }).then((x) => x.json()); // padding padding padding`),
      `  res.json(await fetch(${arg}, opts));`,
      '});',
    );
  const timed = async (text: string): Promise<{ ms: number; missing: number }> => {
    const t0 = performance.now();
    const f = await joined({ 'package.json': lines('{ "dependencies": { "express": "4.18.0" } }'), 'index.js': text });
    const ms = performance.now() - t0;
    return { ms, missing: [...f.values()].flatMap((a) => a.hazards).filter((h) => h.code === 'missing-timeout').length };
  };

  it('5,000 calls given a name take about as long as 5,000 given a literal, and each is still reported', async function () {
    this.timeout(120000);
    await timed(route('u', 50)); // warm up
    // (The quicker of two runs each, interleaved: the machine may be busy.)
    const literal = await timed(route('"http://x"', 5000));
    const named = await timed(route('u', 5000));
    literal.ms = Math.min(literal.ms, (await timed(route('"http://x"', 5000))).ms);
    named.ms = Math.min(named.ms, (await timed(route('u', 5000))).ms);
    assert.equal(literal.missing, 5000);
    assert.equal(named.missing, 5000); // the last call's `opts` has a timeout
    assert.ok(named.ms < literal.ms * 1.5 + 500, `named ${Math.round(named.ms)} ms, literal ${Math.round(literal.ms)} ms`);
  });
});

import { strict as assert } from 'node:assert';
import { joined, lines } from './fixtureWorkspace';

/**
 * Options kept in a variable are looked up from each function's assignments, read once per function and name (a route
 * with thousands of calls given a name, `fetch(u, { headers })`, searched its text again for each before).
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
  const missing = async (text: string): Promise<number> => {
    const f = await joined({ 'package.json': lines('{ "dependencies": { "express": "4.18.0" } }'), 'index.js': text });
    return [...f.values()].flatMap((a) => a.hazards).filter((h) => h.code === 'missing-timeout').length;
  };

  // (What it costs is the benchmark's to say (npm run bench: the long handler against its parse); this says that the
  // lookup read once per function finds, for every call, what reading the text before each call found.)
  it('each of 1,000 calls given a name with no options kept is reported, and the last, given options kept with a timeout, is not', async function () {
    this.timeout(60000);
    assert.equal(await missing(route('"http://x"', 1000)), 1000);
    assert.equal(await missing(route('u', 1000)), 1000);
  });
});

import { strict as assert } from 'node:assert';
import { joined, lines } from './fixtureWorkspace';

/**
 * Options kept in a variable are read where the call's own function (or one around it) last gives the name: a
 * callback written earlier in that function that declares its own variable of that name gives the call nothing.
 */
describe('missing-timeout: a nested callback’s options are its own', () => {
  const missing = async (text: string): Promise<string[]> =>
    [...(await joined({ 'src/client.js': text })).values()]
      .flatMap((a) => a.hazards)
      .filter((h) => h.code === 'missing-timeout')
      .map((h) => `${h.range.start.line + 1}:${h.range.start.character + 1}`)
      .sort();

  it('a callback’s `const opts = { timeout }` does not hide the outer call’s missing timeout, nor its own `opts` the outer timeout', async () => {
    const text = lines(
      "const axios = require('axios');",
      'async function sync(items) {',
      "  const opts = { headers: { accept: 'application/json' } };",
      '  await Promise.all(items.map(async (it) => {',
      '    const opts = { timeout: 5000 };',
      '    return axios.get(it.url, opts);', // 6: its own opts, with a timeout
      '  }));',
      "  return axios.get('http://upstream/base', opts);", // 8: the outer opts, none
      '}',
      'async function kept(items) {',
      '  const opts = { timeout: 5000 };',
      '  await Promise.all(items.map(async (it) => {',
      '    const opts = { headers: {} };',
      '    return axios.get(it.url, opts);', // 14: its own opts, none
      '  }));',
      "  await Promise.all(items.map((it) => axios.get(it.url, opts)));", // 16: the outer opts, a timeout
      "  return axios.get('http://upstream/base', opts);", // 17: the outer opts, a timeout
      '}',
    );
    assert.deepEqual(await missing(text), ['14:12', '8:10']);
  });
});

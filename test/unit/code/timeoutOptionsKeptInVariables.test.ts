import { strict as assert } from 'node:assert';
import { joined, lines } from './fixtureWorkspace';

/**
 * A client's options kept in a variable before the call (n8n's npm-utils: `const timeoutOption = { timeout:
 * REQUEST_TIMEOUT }; await axios.get(url, timeoutOption)`), or spread into the options given (`{ ...timeoutOption,
 * headers }`): the timeout they set is the call's, as when written in place.
 */
describe('missing-timeout: options kept in a variable', () => {
  const missing = async (text: string): Promise<number[]> =>
    [...(await joined({ 'src/client.ts': text })).values()]
      .flatMap((a) => a.hazards)
      .filter((h) => h.code === 'missing-timeout')
      .map((h) => h.range.start.line + 1)
      .sort((a, b) => a - b);

  it('reads the timeout of a local, an outer function’s or a module’s object, given by name or spread', async () => {
    const text = lines(
      "import axios from 'axios';",
      'const REQUEST_TIMEOUT = 30000;',
      'const DEFAULTS = {',
      "  headers: { 'User-Agent': 'x' },",
      '  timeout: REQUEST_TIMEOUT,',
      '};',
      'export async function exists(url: string) {',
      '  const timeoutOption = { timeout: REQUEST_TIMEOUT };',
      '  await axios.get(url, timeoutOption);', // 9: named
      "  await axios.post(url, {}, { ...timeoutOption, headers: { a: 'b' } });", // 10: spread
      '  await axios.get(url, DEFAULTS);', // 11: a module's
      '}',
      'export async function all(urls: string[]) {',
      '  const options: { timeout: number } = {',
      '    timeout: 5000,',
      '  };',
      '  return Promise.all(urls.map((u) => axios.get(u, options)));', // 17: an outer function's
      '}',
      'export async function fetched(url: string) {',
      '  const init = { signal: AbortSignal.timeout(5000) };',
      '  return fetch(url, init);', // 21: fetch's init
      '}',
    );
    assert.deepEqual(await missing(text), []);
  });

  it('still reports options with no timeout, a parameter, one assigned again, or another function’s', async () => {
    const text = lines(
      "import axios from 'axios';",
      'export async function headersOnly(url: string) {',
      "  const options = { headers: { 'X-Timeout': '5' } };",
      '  await axios.get(url, options);', // 4: no timeout
      '  await axios.get(url, { ...options });', // 5: spread, no timeout
      '}',
      'export async function given(url: string, options: object) {',
      '  await axios.get(url, options);', // 8: a parameter
      '}',
      'export async function replaced(url: string, headers: object) {',
      '  let options = { timeout: 1000 };',
      '  options = { headers };',
      '  await axios.get(url, options);', // 13: the last value has none
      '}',
      'export async function sibling(url: string) {',
      '  const config = { timeout: 1000 };',
      '  return config;',
      '}',
      'export async function other(url: string) {',
      '  await axios.get(url, config);', // 20: another function's local
      '}',
      'export async function built(url: string) {',
      '  const options = makeOptions();',
      '  await axios.get(url, options);', // 24: made elsewhere, unknown
      '}',
    );
    assert.deepEqual(await missing(text), [4, 5, 8, 13, 20, 24]);
  });
});

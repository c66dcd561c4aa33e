import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * plunk's dashboard health check: `const timeoutPromise = new Promise((_, reject) => { setTimeout(…, 2000) }); const
 * healthPromise = fetch(…); await Promise.race([healthPromise, timeoutPromise])`. The fetch is raced against the timer
 * by their names: the caller waits no longer than the timer, as with `Promise.race([fetch(url), new Promise(…)])`. A
 * fetch raced against another request, or kept in a name no race takes, still has no timeout.
 */
describe('A fetch kept in a name and raced against a timer kept in another', () => {
  it('is no missing-timeout; one raced against no timer, or not raced, still is', async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "14.2.0" } }'),
      'pages/api/health.ts': lines(
        "import type { NextApiRequest, NextApiResponse } from 'next';",
        'export default async function handler(req: NextApiRequest, res: NextApiResponse) {',
        '  const timeoutPromise = new Promise((_, reject) => {',
        '    setTimeout(() => {',
        "      reject(new Error('Timeout'));",
        '    }, 2000);',
        '  });',
        "  const healthPromise = fetch('http://api:4000/health');",
        '  await Promise.race([healthPromise, timeoutPromise]);',
        "  const slept = sleep(500);",
        "  const pinged = fetch('http://api:4000/ping');",
        '  await Promise.race([slept, pinged]);',
        "  const first = fetch('http://a:4000/health');", // 13
        "  const second = fetch('http://b:4000/health');", // 14
        '  await Promise.race([first, second]);',
        "  const kept = fetch('http://c:4000/health');", // 16
        '  await Promise.race([Promise.resolve(1), timeoutPromise]);',
        '  await kept;',
        "  return res.status(200).json({ message: 'OK' });",
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('missing-timeout')), [
      'missing-timeout pages/api/health.ts:13:17 fetch → ANY /api/health',
      'missing-timeout pages/api/health.ts:14:18 fetch → ANY /api/health',
      'missing-timeout pages/api/health.ts:16:16 fetch → ANY /api/health',
    ]);
  });
});

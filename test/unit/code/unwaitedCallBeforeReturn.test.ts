import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * usertour's identity verification: `for (const signingSecret of activeSecrets) { try { jwt.verify(…); if (…)
 * this.touchLastUsed(signingSecret); return { status: 'valid' } } catch {…} }`. The call is not waited for, so no
 * failure of it reaches the `catch`: the `return` after it always follows, and it runs once, on the turn that leaves.
 * A call waited for in the `try` (a failover, `try { await check(url); return } catch {}`) runs once per item until
 * one answers, and stays a query per turn.
 */
describe('A call not waited for, followed by a return in its try', () => {
  it('runs once (no query-in-loop); one waited for in a failover loop is still per item', async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "express": "4.19.0", "ioredis": "5.4.1", "jsonwebtoken": "9.0.2" } }'),
      'app.ts': lines(
        "import express from 'express';",
        "import Redis from 'ioredis';",
        "import jwt from 'jsonwebtoken';",
        'const redis = new Redis();',
        'const app = express();',
        'function touchLastUsed(id: string): void {',
        "  redis.set(`secret:${id}:touched`, '1', 'EX', 60, 'NX');",
        '}',
        "app.get('/verify', async (req, res) => {",
        "  const secrets: { id: string; secret: string }[] = JSON.parse((await redis.get('secrets')) ?? '[]');",
        '  for (const s of secrets) {',
        '    try {',
        '      const payload = jwt.verify(String(req.query.token), s.secret);',
        '      if (req.query.touch) {',
        '        touchLastUsed(s.id);',
        '      }',
        "      redis.incr('verified');",
        "      return res.json({ status: 'valid', payload });",
        '    } catch {',
        '      // the next secret',
        '    }',
        '  }',
        "  return res.json({ status: 'invalid' });",
        '});',
        "app.get('/first', async (req, res) => {",
        '  for (const s of req.body.keys) {',
        '    try {',
        '      const v = await redis.get(s);', // 28
        '      return res.json({ v });',
        '    } catch {',
        '      // the next key',
        '    }',
        '  }',
        '  res.status(404).end();',
        '});',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('query-in-loop')), [
      'query-in-loop app.ts:28:23 redis.get [for…of sequential] → GET /first',
    ]);
  });
});

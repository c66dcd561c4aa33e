import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A `while (flag)` loop that draws a random id each turn is a draw until free only when the flag comes from a lookup of
 * that key's availability (plunk's `secretIsAvailable = await ProjectService.secretIsAvailable(secretKey)`, a flag or
 * call named `…Available`, `exists`, `taken`, `isFree`, `isUnique`, or a count/find by the key). A loop that goes on
 * while the work says there is more, given a fresh request id each turn (a trace or idempotency key, `pending = await
 * importNext(randomUUID())`), still does its work once per turn (review of stop 67, RC-2).
 */
describe('A flag loop whose random id is a trace key for the work', () => {
  it('is still a call per turn; a flag set by an availability lookup of the drawn key is not', async () => {
    const f = await joined({
      'package.json': lines('{ "name": "sync", "dependencies": { "express": "^4.18.0", "@prisma/client": "^5.0.0" } }'),
      'server.ts': lines(
        "import express from 'express';",
        "import { randomUUID } from 'crypto';",
        "import { PrismaClient } from '@prisma/client';",
        '',
        'const prisma = new PrismaClient();',
        'const app = express();',
        '',
        'async function importNext(requestId: string): Promise<boolean> {',
        '  const res = await fetch(`https://partner.example.com/export/next?req=${requestId}`, { signal: AbortSignal.timeout(5000) });',
        '  const body = await res.json();',
        '  await prisma.item.create({ data: { payload: body.item } });',
        '  return body.pending;',
        '}',
        '',
        "app.post('/import', async (_req, res) => {",
        '  let pending = true;',
        '  while (pending) {',
        '    const requestId = randomUUID();',
        '    pending = await importNext(requestId);', // 19
        '  }',
        '  let done = false;',
        '  while (!done) {',
        '    const traceId = randomUUID();',
        '    done = !(await importNext(traceId));', // 24
        '  }',
        '  res.json({ ok: true });',
        '});',
        '',
        "app.post('/links', async (_req, res) => {",
        "  let slug = '';",
        '  let again = true;',
        '  while (again) {',
        '    slug = randomUUID().slice(0, 8);',
        '    again = (await prisma.link.findFirst({ where: { slug } })) !== null;',
        '  }',
        "  let code = '';",
        '  let ok = false;',
        '  while (!ok) {',
        '    code = randomUUID();',
        '    ok = !(await codeExists(code));',
        '  }',
        '  res.json(await prisma.link.create({ data: { slug, code } }));',
        '});',
        'async function codeExists(code: string) { return (await prisma.link.count({ where: { code } })) > 0; }',
        '',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => /^(?:query|call)-in-loop/.test(r)), [
      'call-in-loop server.ts:19:21 importNext → fetch [while sequential] → POST /import',
      'call-in-loop server.ts:24:20 importNext → fetch [while sequential] → POST /import',
    ]);
  });
});

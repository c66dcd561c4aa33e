import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * plunk's project creation: `while (!secretIsAvailable) { secretKey = generateToken("secret"); secretIsAvailable =
 * await ProjectService.secretIsAvailable(secretKey); }`. The loop ends on a flag the lookup of the drawn key sets: the
 * lookup runs again only on a collision, about once. A flag set from a lookup of a value not drawn at random (an item
 * of the request), or one that polls, is still a query per turn.
 */
describe('A loop that draws a random key until a flag says it is free', () => {
  it('is no query-in-loop; one whose flag comes from a lookup of no drawn key still is', async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "express": "4.19.0", "@prisma/client": "5.17.0" } }'),
      'app.ts': lines(
        "import { randomBytes } from 'node:crypto';",
        "import express from 'express';",
        "import { PrismaClient } from '@prisma/client';",
        'const prisma = new PrismaClient();',
        'const app = express();',
        "function generateToken(type: string) { return `${type}_${randomBytes(24).toString('hex')}`; }",
        'async function secretIsAvailable(secret: string) {',
        '  const project = await prisma.project.findUnique({ where: { secret } });', // 8
        '  return !project;',
        '}',
        "app.post('/projects', async (req, res) => {",
        "  let secretKey = '';",
        '  let available = false;',
        '  while (!available) {',
        "    secretKey = generateToken('secret');",
        '    available = await secretIsAvailable(secretKey);',
        '  }',
        '  let taken = true;',
        '  let code = 0;',
        '  while (taken) {',
        '    code = Math.floor(Math.random() * 1e6);',
        '    taken = (await prisma.invite.count({ where: { code } })) > 0;',
        '  }',
        '  res.json(await prisma.project.create({ data: { secret: secretKey, code } }));',
        '});',
        "app.post('/names', async (req, res) => {",
        '  let name = req.body.names[0];',
        '  let i = 0;',
        '  let free = false;',
        '  while (!free) {',
        '    name = req.body.names[i++];',
        '    free = await secretIsAvailable(name);', // 32
        '  }',
        '  res.json({ name });',
        '});',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('query-in-loop')),
      ['query-in-loop app.ts:32:18 secretIsAvailable → prisma.project.findUnique [while sequential] → POST /names'],
    );
  });
});

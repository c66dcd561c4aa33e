import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * dub's generatePartnerUsername: `while (retries <= maxRetries) { findUnique({ where: { username } }); … username =
 * \`${slugifiedBase}-${nanoid(4)}\`; retries++ }`, a search for a free username, each turn asking for another.
 */
describe('retry-without-backoff: a loop that draws the name it looks up anew at random', () => {
  const route = (body: string[]) =>
    lines(
      'import { PrismaClient } from "@prisma/client";',
      'import { nanoid } from "nanoid";',
      'import { randomUUID } from "node:crypto";',
      'const prisma = new PrismaClient();',
      'export async function POST(req: Request) {',
      '  const { name } = await req.json();',
      '  let username = `${name}-${nanoid(4)}`;',
      '  const maxRetries = 3;',
      '  let retries = 0;',
      '  while (retries <= maxRetries) {', // 10
      ...body,
      '    retries++;',
      '  }',
      '  return Response.json({ username: null });',
      '}',
    );
  const files = (body: string[]) => ({ 'package.json': lines('{ "dependencies": { "next": "14.0.0", "@prisma/client": "5.0.0" } }'), 'app/api/partners/route.ts': route(body) });

  it('is a search for a free name, not one request sent again', async () => {
    const f = await joined(
      files([
        '    const existing = await prisma.partner.findUnique({ where: { username } });',
        '    if (!existing) return Response.json({ username });',
        '    username = `${name}-${nanoid(4).toLowerCase()}`;',
      ]),
    );
    assert.deepEqual(hazardRows(f), []);
  });

  it('still warns when the name stays the same, or only a request id is made anew each turn', async () => {
    const same = await joined(files(['    const existing = await prisma.partner.findUnique({ where: { username } });', '    if (!existing) return Response.json({ username });']));
    assert.deepEqual(hazardRows(same), ['retry-without-backoff app/api/partners/route.ts:10:3 prisma.partner.findUnique → POST /api/partners']);
    const requestId = await joined(
      files([
        '    const requestId = randomUUID();',
        '    const existing = await prisma.partner.findUnique({ where: { username, requestId } });',
        '    if (!existing) return Response.json({ username });',
      ]),
    );
    assert.deepEqual(hazardRows(requestId), ['retry-without-backoff app/api/partners/route.ts:10:3 prisma.partner.findUnique → POST /api/partners']);
  });
});

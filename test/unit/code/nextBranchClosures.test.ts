import assert from 'node:assert/strict';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe("A closure written in a handler's branch for one method is on that method's route only", () => {
  it("papermark's permission groups: `prisma.$transaction(async (tx) => …)` in the PUT branch is PUT's; a closure outside the branches is every method's", async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "14.0.0", "@prisma/client": "5.0.0" } }'),
      'lib/db.ts': lines("import { PrismaClient } from '@prisma/client';", 'export const prisma = new PrismaClient();'),
      'lib/tags.ts': lines(
        "import { prisma } from './db';",
        'export async function retag(ids) {',
        '  for (const id of ids) await prisma.tag.update({ where: { id }, data: {} });', // 3
        '}',
      ),
      'pages/api/links/[id].ts': lines(
        "import { prisma } from '../../../lib/db';",
        "import { retag } from '../../../lib/tags';",
        'export default async function handle(req, res) {',
        '  const id = req.query.id;',
        '  const audit = async () => prisma.audit.findMany();', // 5: outside the branches
        '  if (req.method === "GET") {',
        '    return res.json(await prisma.link.findUnique({ where: { id } }));',
        '  } else if (req.method === "PUT") {',
        '    const updated = await prisma.$transaction(async (tx) => {',
        '      const link = await tx.link.update({ where: { id }, data: req.body });',
        '      const tags = await tx.tag.findMany({ where: { archived: false } });', // 11
        '      await retag(tags.map((t) => t.id));',
        '      return { link, tags, audit: await audit() };',
        '    });',
        '    return res.json(updated);',
        '  } else if (req.method === "DELETE") {',
        '    await prisma.link.delete({ where: { id } });',
        '    return res.status(204).end();',
        '  }',
        '  return res.status(405).end();',
        '}',
      ),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]}`),
      ['DELETE /api/links/[id]', 'GET /api/links/[id]', 'PUT /api/links/[id]'],
    );
    assert.deepEqual(hazardRows(f), [
      'query-in-loop lib/tags.ts:3:31 prisma.tag.update [for…of sequential] → PUT /api/links/[id]',
      'unbounded-query pages/api/links/[id].ts:11:26 tx.tag.findMany → PUT /api/links/[id]',
      'unbounded-query pages/api/links/[id].ts:5:29 prisma.audit.findMany → GET /api/links/[id], PUT /api/links/[id], DELETE /api/links/[id]',
    ]);
  });
});

import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const unbounded = async (text: string) => hazardRows(await joined({ 'pages/api/teams/[teamId].ts': text })).filter((r) => r.startsWith('unbounded-query'));

const handler = (...body: string[]) =>
  lines(
    "import { PrismaClient } from '@prisma/client';",
    'const prisma = new PrismaClient();',
    'export default async function handle(req: any, res: any) {',
    '  const teamId = req.query.teamId as string;',
    ...body,
    '  return res.json({});',
    '}',
  );

describe("unbounded-query: a Prisma findMany filtered through a relation's foreign key is one parent's rows", () => {
  it("papermark's shapes: `{ dataroom: { teamId } }`, `{ teams: { some: { teamId } } }`, `{ items: { some: { linkId, itemType } } }`, two relations deep", async () => {
    const rows = await unbounded(
      handler(
        '  await prisma.domain.findMany({ where: { teamId } });',
        '  await prisma.dataroomBrand.findMany({ where: { dataroom: { teamId } } });',
        '  await prisma.user.findMany({ where: { teams: { some: { teamId: teamId } } }, select: { email: true } });',
        "  await prisma.tag.findMany({ where: { items: { some: { linkId: req.query.id, itemType: 'LINK_TAG' } } } });",
        "  await prisma.tag.findMany({ where: { items: { some: { itemType: 'LINK_TAG', linkId: req.query.id } } } });",
        '  await prisma.message.findMany({ where: { isRead: false, conversation: { participants: { some: { userId: req.query.userId } } } } });',
        '  await prisma.link.findMany({ where: { document: { is: { id: req.query.documentId } } } });',
      ),
    );
    assert.deepEqual(rows, []);
  });

  it('still reports a filter on a relation by a field that is no key, any parent (`NOT`, `every`, `none`), or no filter at all', async () => {
    const rows = await unbounded(
      handler(
        "  await prisma.user.findMany({ where: { status: 'active' } });", // 5
        "  await prisma.user.findMany({ where: { teams: { some: { status: 'active' } } } });", // 6
        '  await prisma.user.findMany({ where: { NOT: { teamId } } });', // 7
        '  await prisma.user.findMany({ where: { teams: { every: { teamId } } } });', // 8
        '  await prisma.user.findMany({ where: { teams: { none: { teamId } } } });', // 9
        '  await prisma.user.findMany({ where: { team: { name: teamId } } });', // 10
        '  await prisma.user.findMany();', // 11
      ),
    );
    assert.deepEqual(
      rows.map((r) => r.split(' ')[1]),
      [5, 6, 7, 8, 9, 10, 11].map((l) => `pages/api/teams/[teamId].ts:${l}:9`).sort(),
    );
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A loop over an enum's members or a constant list the code writes out is as long as the code makes it, not as the
 * data grows (ghostfolio's `Object.values(DataSource)` of a Prisma enum, documenso's imported `TEAM_INTERNAL_GROUPS`).
 */
describe("JavaScript: loops over an enum's members and imported constants", () => {
  it('are not a query per item; a loop over the request, or over an imported value not named as a constant, is', async () => {
    const f = await joined({
      'src/admin.ts': lines(
        "import express from 'express';",
        "import { DataSource, PrismaClient } from '@prisma/client';",
        "import { TEAM_INTERNAL_GROUPS, defaultUsers } from './constants';",
        'const prisma = new PrismaClient();',
        'const app = express();',
        "const Region = { EU: 'eu', US: 'us' };",
        '',
        "app.get('/admin', async (req, res) => {",
        '  const dataSources = Object.values(DataSource);',
        '  await Promise.all(dataSources.map((d) => prisma.symbolProfile.count({ where: { dataSource: d } })));',
        '  await Promise.all(Object.values(DataSource).map((d) => prisma.symbolProfile.count({ where: { dataSource: d } })));',
        '  await Promise.all(Object.keys(Region).map((r) => prisma.region.count({ where: { r } })));',
        '  await Promise.all(TEAM_INTERNAL_GROUPS.map((g) => prisma.group.create({ data: { g } })));',
        '  for (const g of TEAM_INTERNAL_GROUPS) await prisma.group.create({ data: { g } });',
        '  await Promise.all(Object.values(req.body.items).map((i) => prisma.item.create({ data: { i } })));', // 15
        '  for (const u of defaultUsers) await prisma.user.create({ data: { u } });', // 16
        '  res.json({});',
        '});',
      ),
      'src/constants.ts': lines("export const TEAM_INTERNAL_GROUPS = ['ADMIN', 'MANAGER', 'MEMBER'];", 'export const defaultUsers = [];'),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('query-in-loop')),
      [
        'query-in-loop src/admin.ts:15:62 prisma.item.create [.map() parallel] → GET /admin',
        'query-in-loop src/admin.ts:16:39 prisma.user.create [for…of sequential] → GET /admin',
      ],
    );
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A Prisma `findMany` whose `take` is an optional parameter's (spliit's `getGroupExpenses(groupId, options?: { offset?:
 * number; length?: number })` with `take: options && options.length`): bounded only where the caller gives it, so
 * unbounded on the routes of the callers that do not (`getGroupExpenses(groupId)`), not on those that pass a length.
 */
describe("A findMany's take from an optional parameter bounds it only where a caller gives it", () => {
  const api = lines(
    "import { prisma } from './db';",
    'export async function getExpenses(groupId: string, options?: { offset?: number; length?: number }) {',
    "  return prisma.expense.findMany({ orderBy: { createdAt: 'desc' }, skip: options && options.offset, take: options && options.length });", // 3
    '}',
    'export async function recent(limit?: number) {',
    "  return prisma.expense.findMany({ orderBy: { createdAt: 'desc' }, take: limit });", // 6
    '}',
    'export async function page(opts?: { limit?: number }) {',
    '  return prisma.expense.findMany({ take: opts?.limit });', // 9
    '}',
    'export async function ofGroup(groupId: string, options?: { length?: number }) {',
    '  return prisma.expense.findMany({ where: { groupId }, take: options && options.length });', // 12: a key pinned
    '}',
    'export async function fixed(limit: number) {',
    '  return prisma.expense.findMany({ take: limit });', // 15: a required parameter
    '}',
    'export async function withDefault(limit = 20) {',
    '  return prisma.expense.findMany({ take: limit });', // 18: a default
    '}',
    'export async function capped(opts?: { limit?: number }) {',
    '  return prisma.expense.findMany({ take: opts?.limit ?? 50 });', // 21: a default
    '}',
  );

  it("spliit's expenses: on the routes whose call passes no options (or no length), not on those that pass one", async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "15.0.0", "@prisma/client": "6.0.0" } }'),
      'lib/db.ts': lines("import { PrismaClient } from '@prisma/client';", 'export const prisma = new PrismaClient();'),
      'lib/api.ts': api,
      'app/api/expenses/route.ts': lines(
        "import { getExpenses, recent, page, ofGroup, fixed, withDefault, capped } from '../../../lib/api';",
        'export async function GET(req: Request) {',
        "  const id = new URL(req.url).searchParams.get('group') ?? '';",
        '  const a = await getExpenses(id, { offset: 0, length: 20 });',
        '  const b = await recent(10);',
        '  const c = await page({ limit: 5 });',
        '  return Response.json([a, b, c, await ofGroup(id), await fixed(5), await withDefault(), await capped()]);',
        '}',
      ),
      'app/api/export/route.ts': lines(
        "import { getExpenses, page } from '../../../lib/api';",
        'export async function POST(req: Request) {',
        '  const options = await req.json();',
        "  return Response.json([await getExpenses('g', options), await page({ ...options })]);",
        '}',
      ),
      'app/api/balances/route.ts': lines(
        "import { getExpenses, recent, page, ofGroup, withDefault, capped } from '../../../lib/api';",
        'export async function GET(req: Request) {',
        "  const all = await getExpenses('g');",
        "  const some = await getExpenses('g', { offset: 10 });",
        '  const b = await recent();',
        '  const c = await page({});',
        "  return Response.json([all, some, b, c, await ofGroup('g'), await withDefault(), await capped({})]);",
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query lib/api.ts:3:10 prisma.expense.findMany → GET /api/balances',
      'unbounded-query lib/api.ts:6:10 prisma.expense.findMany → GET /api/balances',
      'unbounded-query lib/api.ts:9:10 prisma.expense.findMany → GET /api/balances',
    ]);
    const h = f.get('lib/api.ts')?.hazards.find((x) => x.range.start.line === 2);
    assert.match(h?.explanation ?? '', /options && options\.length/);
  });

  it("every caller passing it (a test's call aside): nothing; a function no caller of the workspace is found for (called as an object's member, or by a framework): bounded as written, nothing", async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "15.0.0", "@prisma/client": "6.0.0" } }'),
      'lib/db.ts': lines("import { PrismaClient } from '@prisma/client';", 'export const prisma = new PrismaClient();'),
      'lib/api.ts': api,
      'app/api/expenses/route.ts': lines(
        "import { getExpenses, recent } from '../../../lib/api';",
        'export async function GET(req: Request) {',
        "  return Response.json([await getExpenses('g', { length: 20 }), await recent(10)]);",
        '}',
      ),
      'app/api/expenses/recent.test.ts': lines("import { recent } from '../../../lib/api';", "it('reads', async () => { await recent(); });"),
    });
    assert.deepEqual(hazardRows(f), []);
  });

  it('a caller through an alias (import { getExpenses as listRecent }) giving a length: nothing', async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "15.0.0", "@prisma/client": "6.0.0" } }'),
      'lib/db.ts': lines("import { PrismaClient } from '@prisma/client';", 'export const prisma = new PrismaClient();'),
      'lib/api.ts': api,
      'app/api/expenses/route.ts': lines(
        "import { getExpenses as listRecent } from '../../../lib/api';",
        'export async function GET(req: Request) {',
        "  return Response.json(await listRecent('g', { offset: 0, length: 20 }));",
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A JavaScript `findMany` whose `take` is an optional parameter's, called under another name than its own: the callers
 * are found through the names modules import it by (`import { getRecentExpenses as listRecent }`, a name its module
 * exports it by, a default import), and those that give no bound put it on their routes; a caller found under no name
 * (an object's member, `expenses.recent({ limit: 5 })`) leaves it bounded as written.
 */
describe("An optional parameter's take, bounded by callers found under the names the function is imported by", () => {
  const base = {
    'package.json': lines('{ "dependencies": { "next": "15.0.0", "@prisma/client": "6.0.0" } }'),
    'lib/db.ts': lines("import { PrismaClient } from '@prisma/client';", 'export const prisma = new PrismaClient();'),
    'lib/api.ts': lines(
      "import { prisma } from './db';",
      'export async function getRecentExpenses(options?: { offset?: number; length?: number }) {',
      "  return prisma.expense.findMany({ orderBy: { createdAt: 'desc' }, skip: options && options.offset, take: options && options.length });", // 3
      '}',
      'async function list(opts?: { limit?: number }) {',
      '  return prisma.expense.findMany({ take: opts?.limit });', // 6
      '}',
      'export { list as latest };',
    ),
    'lib/page.ts': lines(
      "import { prisma } from './db';",
      'export default async function page(opts?: { limit?: number }) {',
      '  return prisma.expense.findMany({ take: opts?.limit });', // 3
      '}',
    ),
  };

  it('an aliased caller giving no length puts it on its route; aliased callers giving one do not', async () => {
    const f = await joined({
      ...base,
      'app/api/recent/route.ts': lines(
        "import { getRecentExpenses as listRecent, latest as newest } from '../../../lib/api';",
        "import firstPage from '../../../lib/page';",
        'export async function GET(req: Request) {',
        '  return Response.json([await listRecent({ offset: 0, length: 20 }), await newest({ limit: 5 }), await firstPage({ limit: 10 })]);',
        '}',
      ),
      'app/api/all/route.ts': lines(
        "import { getRecentExpenses as everything, latest as newest } from '../../../lib/api';",
        "import wholePage from '../../../lib/page';",
        'export async function GET(req: Request) {',
        '  return Response.json([await everything(), await newest({}), await wholePage()]);',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query lib/api.ts:3:10 prisma.expense.findMany → GET /api/all',
      'unbounded-query lib/api.ts:6:10 prisma.expense.findMany → GET /api/all',
      'unbounded-query lib/page.ts:3:10 prisma.expense.findMany → GET /api/all',
    ]);
  });

  it('every caller, by its own name or an alias, giving one: nothing; an alias only a test calls without: nothing', async () => {
    const f = await joined({
      ...base,
      'app/api/recent/route.ts': lines(
        "import { getRecentExpenses, getRecentExpenses as listRecent, latest } from '../../../lib/api';",
        "import firstPage from '../../../lib/page';",
        'export async function GET(req: Request) {',
        '  return Response.json([await getRecentExpenses({ length: 5 }), await listRecent({ length: 20 }), await latest({ limit: 5 }), await firstPage({ limit: 1 })]);',
        '}',
      ),
      'app/api/recent/route.test.ts': lines("import { getRecentExpenses as grab } from '../../../lib/api';", "it('reads', async () => { await grab(); });"),
    });
    assert.deepEqual(hazardRows(f), []);
  });

  it('an alias of the same name for another module\'s function is not a caller of this one', async () => {
    const f = await joined({
      ...base,
      'lib/other.ts': lines('export async function getRecentExpenses() { return []; }'),
      'app/api/recent/route.ts': lines(
        "import { getRecentExpenses as listRecent } from '../../../lib/api';",
        "import { getRecentExpenses as listOther } from '../../../lib/other';",
        'export async function GET(req: Request) {',
        '  return Response.json([await listRecent({ length: 20 }), await listOther()]);',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });

  it("called only as an object's member (expenses.recent({ limit: 5 })): no caller found, bounded as written", async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "express": "4.18.0", "@prisma/client": "6.0.0" } }'),
      'src/server.ts': lines(
        "import express from 'express';",
        "import { PrismaClient } from '@prisma/client';",
        'const prisma = new PrismaClient();',
        'const expenses = { recent: (opts?: { limit?: number }) => prisma.expense.findMany({ take: opts?.limit }) };',
        'const app = express();',
        "app.get('/b', async (req, res) => res.json(await expenses.recent({ limit: 5 })));",
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const PACKAGE = lines('{ "dependencies": { "@prisma/client": "6.0.0" } }');
const CLIENT = lines("import { PrismaClient } from '@prisma/client';", 'export const prisma = new PrismaClient();');

/**
 * Prisma's `$transaction`: a round trip of its own (BEGIN, the statements, COMMIT), and the first parameter of a
 * function given to it is a Prisma client whatever it is named (spliit's `async (transaction) => …`), not only `tx`.
 */
describe("Prisma's $transaction: a query, and its callback's client under any name", () => {
  it("spliit's recurring expenses: an interactive transaction per row is one query-in-loop, its client named `transaction`", async () => {
    const f = await joined({
      'package.json': PACKAGE,
      'lib/db.ts': CLIENT,
      'lib/recurring.ts': lines(
        "import { prisma } from './db';",
        'export async function createRecurring(links) {',
        '  for (const link of links) {',
        '    await prisma.$transaction(async (transaction) => {', // 4
        '      await transaction.expense.create({ data: { linkId: link.id } });',
        '      await transaction.link.update({ where: { id: link.id }, data: { done: true } });',
        '    });',
        '  }',
        '}',
        'export async function markAll(links) {',
        '  for (const link of links) {',
        '    await prisma.$transaction([prisma.link.update({ where: { id: link.id }, data: { done: true } })]);', // 12
        '  }',
        '}',
        'export async function markOne(link) {',
        '  await prisma.$transaction(async (t) => t.link.update({ where: { id: link.id }, data: { done: true } }));',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop lib/recurring.ts:12:11 prisma.$transaction [for…of sequential] → -',
      'query-in-loop lib/recurring.ts:4:11 prisma.$transaction [for…of sequential] → -',
    ]);
  });

  it('a client named otherwise is read as Prisma inside the callback: its findMany unbounded, its writes per item in a loop of the callback', async () => {
    const f = await joined({
      'package.json': PACKAGE,
      'lib/db.ts': CLIENT,
      'lib/groups.ts': lines(
        "import { prisma } from './db';",
        'export async function archive(groupId, ids) {',
        '  return prisma.$transaction(async function (client) {',
        '    const all = await client.expense.findMany({ orderBy: { createdAt: "desc" } });', // 4
        '    const one = await client.expense.findMany({ where: { groupId } });',
        '    for (const id of ids) await client.expense.delete({ where: { id } });', // 6
        '    return all.length + one.length;',
        '  });',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop lib/groups.ts:6:33 client.expense.delete [for…of sequential] → -',
      'unbounded-query lib/groups.ts:4:23 client.expense.findMany → -',
    ]);
  });

  it('not a parameter of a function given to something else, nor to the $transaction of what is no Prisma client', async () => {
    const f = await joined({
      'package.json': PACKAGE,
      'lib/db.ts': CLIENT,
      'lib/other.ts': lines(
        "import { prisma } from './db';",
        "import { queue, store } from './stores';",
        'export async function replay(links) {',
        '  for (const link of links) {',
        '    await queue.transaction(async (transaction) => { await transaction.expense.create({ data: link }); });',
        '    await store.$transaction(async (transaction) => { await transaction.expense.create({ data: link }); });',
        '    await withLock(async (transaction) => transaction.expense.findMany());',
        '  }',
        '  return prisma.link.count();',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });
});

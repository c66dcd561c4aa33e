import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A function written in an object a loop builds (a menu item's `onSelect`, documenso's command menu) runs when it is
 * called, later, if ever: not once per item. One in an object given to a call may be called by it at once.
 */
describe('JavaScript: functions kept in objects a loop builds', () => {
  it("are not run per iteration (returned, rendered, as a method); one given to a call is (also to push, to be run with the others), and TanStack Query's queryFn", async () => {
    const f = await joined({
      'src/app.tsx': lines(
        "import express from 'express';",
        "import { PrismaClient } from '@prisma/client';",
        'const prisma = new PrismaClient();',
        'const app = express();',
        '',
        "app.get('/menu', async (req, res) => {",
        '  const items = await prisma.item.findMany({ take: 50 });',
        '  const menu = items.map((item) => ({',
        '    id: item.id,',
        '    onSelect: async () => prisma.item.update({ where: { id: item.id }, data: { picked: true } }),', // 10
        '    async onOpen() {',
        '      await prisma.item.findUnique({ where: { id: item.id } });', // 12
        '    },',
        '  }));',
        '  const actions = [];',
        '  for (const item of items) actions.push({ run: () => prisma.item.delete({ where: { id: item.id } }) });', // 16
        '  for (const item of items) await withRetry({ run: () => prisma.item.count({ where: { id: item.id } }) });', // 17
        '  res.json({ menu: menu.map((m) => m.id), actions: actions.length });',
        '});',
        '',
        // TanStack Query runs each query function of the list useQueries is given.
        'export function Artifacts({ artifacts }) {',
        '  return useQueries({ queries: artifacts.map((a) => ({ queryKey: [a.id], queryFn: () => fetch(`/api/artifacts/${a.id}`) })) });', // 22
        '}',
        '',
        'export function List({ items }) {',
        '  return items.map((item) => <Row key={item.id} item={{ onAction: async () => prisma.item.update({ where: { id: item.id }, data: {} }) }} />);', // 26
        '}',
        '',
        'async function withRetry(o) {',
        '  return o.run();',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.includes('-in-loop')),
      [
        'call-in-loop src/app.tsx:22:89 fetch [.map() sequential] → -',
        'query-in-loop src/app.tsx:16:55 prisma.item.delete [for…of sequential] → GET /menu',
        'query-in-loop src/app.tsx:17:58 prisma.item.count [for…of sequential] → GET /menu',
      ],
    );
  });
});

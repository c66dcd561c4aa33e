import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { grammars, handledRows, hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

const DEFAULT_HANDLER = lines(
  'import type { NextApiHandler, NextApiRequest, NextApiResponse } from "next";',
  'type Handlers = { [method in "GET" | "POST" | "DELETE"]?: Promise<{ default: NextApiHandler }> };',
  'export const defaultHandler = (handlers: Handlers) => async (req: NextApiRequest, res: NextApiResponse) => {',
  '  const handler = (await handlers[req.method as keyof typeof handlers])?.default;',
  '  if (!handler) return res.status(405).json({ message: "Method Not Allowed" });',
  '  await handler(req, res);',
  '};',
);

describe('Next.js pages/api: a default export that dispatches on a table of methods', () => {
  it("cal.com's `defaultHandler({ GET: import(\"./_get\"), POST: import(\"./_post\") })` is GET and POST of the index's path, handled by those modules' default exports, which serve no route of their own; a module no table imports keeps its own", async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "15.4.10", "@prisma/client": "6.16.1" } }'),
      'lib/defaultHandler.ts': DEFAULT_HANDLER,
      'pages/api/bookings/index.ts': lines(
        'import { defaultHandler } from "../../../lib/defaultHandler";',
        'import { withMiddleware } from "../../../lib/withMiddleware";',
        'export default withMiddleware()(',
        '  defaultHandler({',
        '    GET: import("./_get"),', // 4
        '    POST: import("./_post"),',
        '  })',
        ');',
      ),
      'pages/api/bookings/_get.ts': lines(
        'import prisma from "@calcom/prisma";',
        'export default async function handler(req, res) {',
        '  res.json(await prisma.booking.findMany({ where: { status: "ACCEPTED" } }));', // 3
        '}',
      ),
      'pages/api/bookings/_post.ts': lines(
        'import prisma from "@calcom/prisma";',
        'async function handler(req, res) {',
        '  for (const a of req.body.attendees) {',
        '    await prisma.attendee.create({ data: a });', // 4
        '  }',
        '  res.status(201).json({});',
        '}',
        'export default handler;',
      ),
      // cal.com's users: the module's default export a wrapped function (the handler its own route would have).
      'pages/api/users/index.ts': lines('import { defaultHandler } from "../../../lib/defaultHandler";', 'export default defaultHandler({ GET: import("./_get") });'),
      'pages/api/users/_get.ts': lines(
        'import prisma from "@calcom/prisma";',
        'import { withMiddleware } from "../../../lib/withMiddleware";',
        'import { defaultResponder } from "../../../lib/defaultResponder";',
        'async function getHandler(req) {',
        '  return { users: await prisma.user.findMany({ where: { locked: false } }) };', // 5
        '}',
        'export default withMiddleware("pagination")(defaultResponder(getHandler));',
      ),
      // Functions of the file in the table: theirs.
      'pages/api/slots/index.ts': lines(
        'import { defaultHandler } from "../../../lib/defaultHandler";',
        'async function getSlots(req, res) { res.json({}); }',
        'export default defaultHandler({ GET: getSlots, DELETE: async (req, res) => res.end() });',
      ),
      // Not a table of methods (a key that is none): no route read from it, and the module keeps its own.
      'pages/api/teams/index.ts': lines('import { configure } from "../../../lib/configure";', 'export default configure({ GET: import("./_list"), cache: true });'),
      'pages/api/teams/_list.ts': lines('export default async function handler(req, res) {', '  res.json(await fetch("http://example.com/teams"));', '}'),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`), [
      'GET /api/bookings pages/api/bookings/index.ts:4',
      'POST /api/bookings pages/api/bookings/index.ts:5',
      'DELETE /api/slots pages/api/slots/index.ts:2',
      'GET /api/slots pages/api/slots/index.ts:2',
      'ANY /api/teams/_list pages/api/teams/_list.ts:0',
      'GET /api/users pages/api/users/index.ts:1',
    ]);
    assert.deepEqual(handledRows(f), ['pages/api/bookings/_get.ts:1 GET /api/bookings', 'pages/api/bookings/_post.ts:1 POST /api/bookings', 'pages/api/users/_get.ts:3 GET /api/users']);
    assert.deepEqual(hazardRows(f), [
      'missing-timeout pages/api/teams/_list.ts:2:18 fetch → ANY /api/teams/_list',
      'query-in-loop pages/api/bookings/_post.ts:4:11 prisma.attendee.create [for…of sequential] → POST /api/bookings',
      'unbounded-query pages/api/bookings/_get.ts:3:18 prisma.booking.findMany → GET /api/bookings',
      'unbounded-query pages/api/users/_get.ts:5:25 prisma.user.findMany → GET /api/users',
    ]);
  });

  it('analysed statement by statement after an edit, and with the table lazy (`GET: () => import("./_get")`), the routes are the same', async () => {
    const index = new CodeIndex(grammars);
    await index.ingest('package.json', lines('{ "dependencies": { "next": "15.4.10" } }'));
    await index.ingest('lib/defaultHandler.ts', DEFAULT_HANDLER);
    await index.ingest('pages/api/bookings/_get.ts', lines('export default async function handler(req, res) {', '  res.json(await fetch("http://example.com/b"));', '}'));
    const text = (table: string) => lines('import { defaultHandler } from "../../../lib/defaultHandler";', 'async function remove(req, res) { res.end(); }', `export default defaultHandler(${table});`);
    const routes = () => index.link().flatMap((a) => a.routes.map((r) => `${r.method} ${r.path} ${r.file}`)).sort();
    await index.analyzeEdit('pages/api/bookings/index.ts', text('{ GET: import("./_get"), DELETE: remove }'));
    assert.deepEqual(routes(), ['DELETE /api/bookings pages/api/bookings/index.ts', 'GET /api/bookings pages/api/bookings/index.ts']);
    assert.deepEqual(hazardRows(new Map(index.link().map((a) => [a.file, a]))), ['missing-timeout pages/api/bookings/_get.ts:2:18 fetch → GET /api/bookings']);
    await index.analyzeEdit('pages/api/bookings/index.ts', text('{ GET: () => import("./_get") }'));
    assert.deepEqual(routes(), ['GET /api/bookings pages/api/bookings/index.ts']);
    // The table gone: the module serves its own path again.
    await index.analyzeEdit('pages/api/bookings/index.ts', text('{ get: () => import("./_get") }'));
    assert.deepEqual(routes(), ['ANY /api/bookings/_get pages/api/bookings/_get.ts']);
  });
});

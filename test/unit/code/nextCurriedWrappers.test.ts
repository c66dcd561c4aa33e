import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { grammars, hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Next.js pages/api: a handler wrapped by curried or nested wrapper calls', () => {
  it("`withMiddleware()(handler)` and `withMiddleware(\"pagination\")(defaultResponder(getHandler))` (cal.com's API v1), nested wrappers and a function written in a wrapper are the route's handlers; a call given no function is none", async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "14.0.0", "next-api-middleware": "1.0.1" } }'),
      'pages/api/me.ts': lines(
        'import prisma from "@calcom/prisma";',
        'import { withMiddleware } from "../../lib/withMiddleware";',
        'async function handler(req, res) {',
        '  res.json(await prisma.booking.findMany({ where: { status: "PENDING" } }));', // 4
        '}',
        'export default withMiddleware()(handler);',
      ),
      'pages/api/users.ts': lines(
        'import prisma from "@calcom/prisma";',
        'import { withMiddleware } from "../../lib/withMiddleware";',
        'import { defaultResponder } from "../../lib/defaultResponder";',
        'async function getHandler(req) {',
        '  if (req.method === "GET") return { users: await prisma.user.findMany({ where: { locked: false } }) };', // 5
        '}',
        'export default withMiddleware("pagination")(defaultResponder(getHandler));',
      ),
      'pages/api/nested.ts': lines(
        'import { withAuth, withCors } from "../../lib/auth";',
        'async function handler(req, res) {',
        '  if (req.method === "POST") res.json({});',
        '}',
        'export default withCors({ origin: "*" })(withAuth(handler));',
      ),
      'pages/api/inline.ts': lines(
        'import { withAuth } from "../../lib/auth";',
        'export default withAuth("admin")(async (req, res) => {',
        '  res.json(await fetch("http://example.com/x"));', // 3
        '});',
      ),
      // No function is handed over: a handler made elsewhere from options (tRPC's, NextAuth's), not read here.
      'pages/api/auth/[...nextauth].ts': lines('import NextAuth from "next-auth";', 'const options = { providers: [] };', 'export default NextAuth(options);'),
      'pages/api/made.ts': lines('import { makeHandler } from "../../lib/make";', 'export default makeHandler("users")({ cache: true });'),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`),
      ['ANY /api/inline pages/api/inline.ts:1', 'ANY /api/me pages/api/me.ts:2', 'POST /api/nested pages/api/nested.ts:1', 'GET /api/users pages/api/users.ts:3'],
    );
    assert.deepEqual(hazardRows(f), [
      'missing-timeout pages/api/inline.ts:3:18 fetch → ANY /api/inline',
      'unbounded-query pages/api/me.ts:4:18 prisma.booking.findMany → ANY /api/me',
      'unbounded-query pages/api/users.ts:5:51 prisma.user.findMany → GET /api/users',
    ]);
  });

  it('analysed statement by statement after an edit, the route is the same: the function and the export that wraps it are read across statements', async () => {
    const index = new CodeIndex(grammars);
    await index.ingest('package.json', lines('{ "dependencies": { "next": "14.0.0" } }'));
    const text = (wrap: string) => lines('import { withMiddleware } from "../../lib/withMiddleware";', 'async function handler(req, res) {', '  if (req.method === "GET") res.end();', '}', `export default ${wrap};`);
    const routes = async (wrap: string) => (await index.analyzeEdit('pages/api/me.ts', text(wrap)))!.routes.map((r) => `${r.method} ${r.path} ${r.declaration.start.line}`);
    assert.deepEqual(await routes('withMiddleware()(handler)'), ['GET /api/me 1']);
    assert.deepEqual(await routes('withMiddleware("pagination")(handler)'), ['GET /api/me 1']);
    assert.deepEqual(await routes('withMiddleware("pagination")(async (req, res) => res.end())'), ['ANY /api/me 4']);
    assert.deepEqual(await routes('withMiddleware("pagination")({ cache: true })'), []);
  });
});

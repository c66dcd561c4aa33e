import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { grammars, hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

const FILES = {
  'package.json': lines('{ "dependencies": { "next": "15.4.10", "@trpc/server": "11.0.0", "@prisma/client": "6.16.1", "@sentry/nextjs": "9.15.0" } }'),
  'server/trpc.ts': lines('import { initTRPC } from "@trpc/server";', 'const t = initTRPC.create();', 'export const router = t.router;', 'export const publicProcedure = t.procedure;'),
  'server/bookingsRouter.ts': lines(
    'import prisma from "@calcom/prisma";',
    'import { publicProcedure, router } from "./trpc";',
    'export const bookingsRouter = router({',
    '  list: publicProcedure.query(async ({ input }) => {',
    '    const out = [];',
    '    for (const uid of input.uids) out.push(await prisma.booking.findUnique({ where: { uid } }));', // 6
    '    return out;',
    '  }),',
    '});',
  ),
  // cal.com's packages/trpc/server/createNextApiHandler.ts: the project's own wrapper of tRPC's Next.js adapter.
  'server/createNextApiHandler.ts': lines(
    'import type { AnyRouter } from "@trpc/server";',
    'import { createNextApiHandler as _createNextApiHandler } from "@trpc/server/adapters/next";',
    'import { createContext } from "./createContext";',
    'export function createNextApiHandler(router: AnyRouter, isPublic = false, namespace = "") {',
    '  return _createNextApiHandler({',
    '    router,',
    '    createContext: (opts) => createContext(opts),',
    '  });',
    '}',
  ),
  // A workspace function that makes a handler some other way: no tRPC endpoint.
  'lib/makeHandler.ts': lines('export function makeHandler(config) {', '  return async (req, res) => res.json(await fetch(config.url));', '}'),
  'pages/api/trpc/bookings/[trpc].ts': lines(
    'import { wrapApiHandlerWithSentry } from "@sentry/nextjs";',
    'import { createNextApiHandler } from "../../../../server/createNextApiHandler";',
    'import { bookingsRouter } from "../../../../server/bookingsRouter";',
    '',
    'export default wrapApiHandlerWithSentry(createNextApiHandler(bookingsRouter), "/api/trpc/bookings/[trpc]");',
  ),
  'pages/api/trpc/public/[trpc].ts': lines('import { createNextApiHandler } from "../../../../server/createNextApiHandler";', 'import { publicRouter } from "../../../../server/publicRouter";', 'export default createNextApiHandler(publicRouter, true);'),
  'pages/api/report.ts': lines('import { makeHandler } from "../../lib/makeHandler";', 'import { reportConfig } from "../../lib/config";', 'export default makeHandler(reportConfig);'),
  // A function of that name from another library (not tRPC's adapter): none either.
  'lib/restHandler.ts': lines('import { createNextApiHandler } from "rest-kit/next";', 'export const restHandler = (router) => createNextApiHandler({ router });'),
  'pages/api/rest.ts': lines('import { restHandler } from "../../lib/restHandler";', 'import { contract } from "../../lib/contract";', 'export default restHandler(contract);'),
};

describe("tRPC: a pages/api route served through the project's own wrapper of the Next.js adapter", () => {
  it("cal.com's `wrapApiHandlerWithSentry(createNextApiHandler(bookingsRouter), …)`, the wrapper handing its parameter to tRPC's `createNextApiHandler` as `router`, is the GET and POST endpoint; a workspace function that does not is none", async () => {
    const f = await joined(FILES);
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`), [
      'GET /api/trpc/bookings/[trpc] pages/api/trpc/bookings/[trpc].ts:4',
      'POST /api/trpc/bookings/[trpc] pages/api/trpc/bookings/[trpc].ts:4',
      'GET /api/trpc/public/[trpc] pages/api/trpc/public/[trpc].ts:2',
      'POST /api/trpc/public/[trpc] pages/api/trpc/public/[trpc].ts:2',
    ]);
    assert.deepEqual(hazardRows(f), [
      'missing-timeout lib/makeHandler.ts:2:45 fetch → -',
      'query-in-loop server/bookingsRouter.ts:6:50 prisma.booking.findUnique [for…of sequential] → GET /api/trpc/bookings/[trpc], GET /api/trpc/public/[trpc]',
    ]);
  });

  it('an edit of the wrapper that stops handing the router to the adapter takes the endpoint away at the next join', async () => {
    const index = new CodeIndex(grammars);
    for (const [file, text] of Object.entries(FILES)) await index.ingest(file, text);
    const routes = () => index.link().flatMap((a) => a.routes.map((r) => `${r.method} ${r.path}`)).sort();
    assert.deepEqual(routes(), ['GET /api/trpc/bookings/[trpc]', 'GET /api/trpc/public/[trpc]', 'POST /api/trpc/bookings/[trpc]', 'POST /api/trpc/public/[trpc]']);
    await index.analyzeEdit('server/createNextApiHandler.ts', FILES['server/createNextApiHandler.ts'].replace('    router,\n', '    router: otherRouter,\n'));
    assert.deepEqual(routes(), []);
  });
});

import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const handler = (model: string, name = 'getHandler') =>
  lines(
    'import prisma from "@calcom/prisma";',
    `export const ${name} = async ({ input }) => {`,
    '  const out = [];',
    `  for (const uid of input.uids) out.push(await prisma.${model}.findUnique({ where: { uid } }));`, // 4
    '  return out;',
    '};',
  );

describe('Calls of what a function imports lazily, `const { getHandler } = await import("./find.handler")`', () => {
  it("land on the module's function, as a static import's do (cal.com's tRPC routers): destructured, renamed, or through the module kept in a name; each function's own import, not another's of the same name", async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "15.4.10", "@trpc/server": "11.0.0", "@prisma/client": "6.16.1" } }'),
      'server/trpc.ts': lines('import { initTRPC } from "@trpc/server";', 'const t = initTRPC.create();', 'export const router = t.router;', 'export const publicProcedure = t.procedure;'),
      'pages/api/trpc/[trpc].ts': lines('import { createNextApiHandler } from "@trpc/server/adapters/next";', 'import { bookingsRouter } from "../../../server/bookings/_router";', 'export default createNextApiHandler({ router: bookingsRouter });'),
      'server/bookings/_router.ts': lines(
        'import { publicProcedure, router } from "../trpc";',
        'export const bookingsRouter = router({',
        '  find: publicProcedure.query(async ({ input, ctx }) => {',
        '    const { getHandler } = await import("./find.handler");',
        '    return getHandler({ ctx, input });',
        '  }),',
        '  confirm: publicProcedure.mutation(async ({ input, ctx }) => {',
        '    const { getHandler } = await import("./confirm.handler");',
        '    return getHandler({ ctx, input });',
        '  }),',
        '  list: publicProcedure.query(async ({ input, ctx }) => {',
        '    const { listHandler: run } = await import("./list.handler");',
        '    return run({ ctx, input });',
        '  }),',
        '  all: publicProcedure.query(async ({ input, ctx }) => {',
        '    const handlers = await import("./all.handler");',
        '    return handlers.allHandler({ ctx, input });',
        '  }),',
        '});',
      ),
      'server/bookings/find.handler.ts': handler('booking'),
      'server/bookings/confirm.handler.ts': handler('attendee'),
      'server/bookings/list.handler.ts': handler('payment', 'listHandler'),
      'server/bookings/all.handler.ts': handler('team', 'allHandler'),
      // Imported by nothing: on no route.
      'server/bookings/unused.handler.ts': handler('user'),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop server/bookings/all.handler.ts:4:48 prisma.team.findUnique [for…of sequential] → GET /api/trpc/[trpc]',
      'query-in-loop server/bookings/confirm.handler.ts:4:48 prisma.attendee.findUnique [for…of sequential] → POST /api/trpc/[trpc]',
      'query-in-loop server/bookings/find.handler.ts:4:48 prisma.booking.findUnique [for…of sequential] → GET /api/trpc/[trpc]',
      'query-in-loop server/bookings/list.handler.ts:4:48 prisma.payment.findUnique [for…of sequential] → GET /api/trpc/[trpc]',
      'query-in-loop server/bookings/unused.handler.ts:4:48 prisma.user.findUnique [for…of sequential] → -',
    ]);
  });
});

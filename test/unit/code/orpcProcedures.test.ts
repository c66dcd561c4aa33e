import assert from 'node:assert/strict';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/** typebot's API route: a Next.js catch-all whose handler gives the request to oRPC's OpenAPIHandler. */
const openApiRoute = lines(
  'import { OpenAPIHandler } from "@orpc/openapi/fetch";',
  'import { appRouter } from "../../../server/router";',
  'const handler = new OpenAPIHandler(appRouter);',
  'async function handleRequest(request: Request) {',
  '  const { response } = await handler.handle(request, { prefix: "/api", context: {} });',
  '  return response ?? new Response("Not found", { status: 404 });',
  '}',
  'export const GET = handleRequest;',
  'export const POST = handleRequest;',
  'export const DELETE = handleRequest;',
);

/** A procedure per method: GET and DELETE routed, `ping` POST by default; GET's function written in place, DELETE's in another module. */
const router = lines(
  'import { os } from "@orpc/server";',
  'import { PrismaClient } from "@prisma/client";',
  'import { removeWorkspace } from "./removeWorkspace";',
  'const prisma = new PrismaClient();',
  'export const appRouter = {',
  '  workspaces: {',
  '    list: os',
  '      .route({ method: "GET", path: "/v1/workspaces" })',
  '      .handler(async () => {',
  '        const workspaces = await prisma.workspace.findMany({ take: 50 });',
  '        for (const w of workspaces) w.members = await prisma.member.findMany({ where: { workspaceId: w.id }, take: 10 });',
  '        return workspaces;',
  '      }),',
  '    remove: os.route({ method: "DELETE", path: "/v1/workspaces/{workspaceId}" }).input(schema).handler(removeWorkspace),',
  '    ping: os.handler(ping),',
  '  },',
  '};',
  'async function ping() {',
  '  for (const id of ids) await prisma.ping.create({ data: { id } });',
  '}',
);

const removeWorkspace = lines(
  'import { PrismaClient } from "@prisma/client";',
  'const prisma = new PrismaClient();',
  'export async function removeWorkspace({ input }) {',
  '  for (const id of input.ids) await prisma.workspace.delete({ where: { id } });',
  '}',
);

/**
 * oRPC: the procedures of a router are answered on the route that hands the request to oRPC's handler (typebot's
 * `/api/[[...rest]]`, what its metrics report), each on the method it is routed at.
 */
describe('oRPC: procedures run on the route that hands the request to its handler', () => {
  it("OpenAPIHandler: each procedure on its method's route, POST by default; a function of another module too", async () => {
    const files = await joined({
      'src/app/api/[[...rest]]/route.ts': openApiRoute,
      'src/server/router.ts': router,
      'src/server/removeWorkspace.ts': removeWorkspace,
    });
    assert.deepEqual(routeRows(files).map(([m, p]) => `${m} ${p}`), ['GET /api/[[...rest]]', 'POST /api/[[...rest]]', 'DELETE /api/[[...rest]]']);
    assert.deepEqual(hazardRows(files), [
      'query-in-loop src/server/removeWorkspace.ts:4:37 prisma.workspace.delete [for…of sequential] → DELETE /api/[[...rest]]',
      'query-in-loop src/server/router.ts:11:55 prisma.member.findMany [for…of sequential] → GET /api/[[...rest]]',
      'query-in-loop src/server/router.ts:19:31 prisma.ping.create [for…of sequential] → POST /api/[[...rest]]',
    ]);
  });

  it("RPCHandler: POST runs every procedure, GET those routed by GET; a project's own procedure builder", async () => {
    const files = await joined({
      'src/app/api/orpc/[[...rest]]/route.ts': lines(
        'import { RPCHandler } from "@orpc/server/fetch";',
        'import { appRouter } from "../../../../server/router";',
        'const rpc = new RPCHandler(appRouter);',
        'export async function GET(request: Request) {',
        '  return (await rpc.handle(request, { prefix: "/api/orpc" })).response;',
        '}',
        'export async function POST(request: Request) {',
        '  return (await rpc.handle(request, { prefix: "/api/orpc" })).response;',
        '}',
      ),
      // typebot's routers import their builder from a package of the monorepo, not oRPC itself.
      'src/server/router.ts': lines(
        'import { authenticatedProcedure } from "@acme/config/orpc/middlewares";',
        'import { removeWorkspace } from "./removeWorkspace";',
        'export const appRouter = {',
        '  list: authenticatedProcedure.route({ method: "GET", path: "/v1/workspaces" }).handler(async ({ context }) => {',
        '    for (const id of context.ids) await context.db.query("SELECT 1 WHERE id = $1", [id]);',
        '  }),',
        '  remove: authenticatedProcedure.route({ method: "DELETE", path: "/v1/workspaces/{id}" }).handler(removeWorkspace),',
        '};',
      ),
      'src/server/removeWorkspace.ts': removeWorkspace,
    });
    assert.deepEqual(hazardRows(files), [
      'query-in-loop src/server/removeWorkspace.ts:4:37 prisma.workspace.delete [for…of sequential] → POST /api/orpc/[[...rest]]',
      'query-in-loop src/server/router.ts:5:41 context.db.query [for…of sequential] → GET /api/orpc/[[...rest]], POST /api/orpc/[[...rest]]',
    ]);
  });

  it("not a handler of another kind, nor a route that does not hand the request to oRPC's handler", async () => {
    const files = await joined({
      'src/app/api/[[...rest]]/route.ts': openApiRoute,
      'src/app/api/health/route.ts': lines('import { OpenAPIHandler } from "@orpc/openapi/fetch";', 'export async function GET() {', '  return Response.json({ ok: true });', '}'),
      'src/server/router.ts': router,
      'src/server/removeWorkspace.ts': removeWorkspace,
      // (In a module that imports oRPC: chains of other links are still no procedures.)
      'src/cli.ts': lines(
        'import { os } from "@orpc/server";',
        'import { PrismaClient } from "@prisma/client";',
        'const prisma = new PrismaClient();',
        'emitter.on("x").handler(async () => {',
        '  for (const id of ids) await prisma.job.delete({ where: { id } });',
        '});',
        'program.command("purge").handler(purge);',
        'async function purge() {',
        '  for (const id of ids) await prisma.job.delete({ where: { id } });',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(files), [
      'query-in-loop src/cli.ts:5:31 prisma.job.delete [for…of sequential] → -',
      'query-in-loop src/cli.ts:9:31 prisma.job.delete [for…of sequential] → -',
      'query-in-loop src/server/removeWorkspace.ts:4:37 prisma.workspace.delete [for…of sequential] → DELETE /api/[[...rest]]',
      'query-in-loop src/server/router.ts:11:55 prisma.member.findMany [for…of sequential] → GET /api/[[...rest]]',
      'query-in-loop src/server/router.ts:19:31 prisma.ping.create [for…of sequential] → POST /api/[[...rest]]',
    ]);
  });
});

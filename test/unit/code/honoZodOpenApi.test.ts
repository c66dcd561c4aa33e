import assert from 'node:assert/strict';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

const rows = (files: Awaited<ReturnType<typeof joined>>): string[] => routeRows(files).map(([m, p, f, line, framework]) => `${m} ${p} ${f}:${line + 1} ${framework}`);

/**
 * @hono/zod-openapi (openstatus' API v1): an `OpenAPIHono` app is a Hono app, `app.openapi(createRoute({ method, path }),
 * handler)` a route at the path Hono is given (`{id}` as `:id`), `app.doc(path, …)` the document's GET.
 */
describe('Hono: @hono/zod-openapi routes', () => {
  it('createRoute in place or kept in a variable, the document, plain routes on the app, under its mount', async () => {
    const files = await joined({
      'src/index.ts': lines('import { Hono } from "hono";', 'import { api } from "./v1";', 'const app = new Hono();', 'app.get("/ping", (c) => c.text("pong"));', 'app.route("/v1", api);'),
      'src/v1/index.ts': lines(
        'import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";',
        'import { Pool } from "pg";',
        'const pool = new Pool();',
        'export const api = new OpenAPIHono();',
        'api.get("/openapi.json", (c) => c.redirect("https://example.com/openapi.json"));',
        'api.doc("/openapi", { openapi: "3.0.0", info: { title: "API", version: "1" } });',
        'api.doc31("/openapi31", { openapi: "3.1.0", info: { title: "API", version: "1" } });',
        'const listMonitors = createRoute({',
        '  method: "get",',
        '  path: "/monitors",',
        '  responses: { 200: { description: "monitors" } },',
        '});',
        'api.openapi(listMonitors, async (c) => {',
        '  const { rows } = await pool.query("SELECT id FROM monitor LIMIT 50");',
        '  for (const row of rows) {',
        '    row.checks = (await pool.query("SELECT * FROM checks WHERE monitor_id = $1 LIMIT 10", [row.id])).rows;',
        '  }',
        '  return c.json(rows, 200);',
        '});',
        'api.openapi(',
        '  createRoute({ method: "delete", path: "/monitors/{id}/checks/{checkId}", request: { params: z.object({ id: z.string() }) }, responses: { 200: { description: "ok" } } }),',
        '  async (c) => c.json({ ok: true }, 200),',
        ');',
      ),
    });
    assert.deepEqual(rows(files), [
      'GET /ping src/index.ts:4 hono',
      'GET /v1/openapi.json src/v1/index.ts:5 hono',
      'GET /v1/openapi src/v1/index.ts:6 hono',
      'GET /v1/openapi31 src/v1/index.ts:7 hono',
      'GET /v1/monitors src/v1/index.ts:13 hono',
      'DELETE /v1/monitors/:id/checks/:checkId src/v1/index.ts:20 hono',
    ]);
    assert.deepEqual(hazardRows(files), ['query-in-loop src/v1/index.ts:16:25 pool.query [for…of sequential] → GET /v1/monitors']);
  });

  it("a function registering on the app it is handed, whatever the parameter's name, under the app's mounts", async () => {
    const files = await joined({
      'src/v1/index.ts': lines(
        'import { OpenAPIHono } from "@hono/zod-openapi";',
        'import { monitorsApi } from "./monitors";',
        'export const api = new OpenAPIHono();',
        'api.route("/monitor", monitorsApi);',
      ),
      'src/v1/monitors/index.ts': lines(
        'import { OpenAPIHono } from "@hono/zod-openapi";',
        'import { registerGetMonitor } from "./get";',
        'export const monitorsApi = new OpenAPIHono<{',
        '  Variables: Variables;',
        '}>({ defaultHook: handleZodError });',
        'registerGetMonitor(monitorsApi);',
      ),
      'src/v1/monitors/get.ts': lines(
        'import { createRoute } from "@hono/zod-openapi";',
        'import type { monitorsApi } from "./index";',
        'const getRoute = createRoute({ method: "get", path: "/{id}", responses: {} });',
        'export function registerGetMonitor(api: typeof monitorsApi) {',
        '  return api.openapi(getRoute, async (c) => c.json({}));',
        '}',
      ),
      'src/index.ts': lines('import { Hono } from "hono";', 'import { api } from "./v1";', 'const app = new Hono();', 'app.route("/v1", api);'),
    });
    assert.deepEqual(rows(files), ['GET /v1/monitor/:id src/v1/monitors/get.ts:5 hono']);
  });

  it("chained on an app made in place, each at its own link; a route's middleware runs before its handler", async () => {
    const files = await joined({
      'src/app.ts': lines(
        'import { OpenAPIHono, createRoute } from "@hono/zod-openapi";',
        'import { db } from "./db";',
        'async function audit(c, next) {',
        '  for (const id of c.get("ids")) await db.query("INSERT INTO audit VALUES ($1)", [id]);',
        '  await next();',
        '}',
        'const a = createRoute({ method: "post", path: "/a", middleware: [audit], responses: {} });',
        'const b = createRoute({ method: "put", path: "/b/{id}", responses: {} });',
        'export default new OpenAPIHono()',
        '  .openapi(a, (c) => c.json({}))',
        '  .openapi(b, (c) => c.json({}));',
      ),
      'src/db.ts': lines('import { Pool } from "pg";', 'export const db = new Pool();'),
    });
    assert.deepEqual(rows(files), ['POST /a src/app.ts:10 hono', 'PUT /b/:id src/app.ts:11 hono']);
    assert.deepEqual(hazardRows(files), ['query-in-loop src/app.ts:4:40 db.query [for…of sequential] → POST /a']);
  });

  it("not a schema's openapi() metadata, a route config not made by createRoute, nor another library's doc()", async () => {
    const files = await joined({
      'src/schema.ts': lines(
        'import { z, OpenAPIHono } from "@hono/zod-openapi";',
        'export const Monitor = z.object({ url: z.string().openapi({ example: "/monitors" }) }).openapi("Monitor", { description: "/x" });',
        'const route = { method: "get", path: "/plain" };',
        'const app = new OpenAPIHono();',
        'app.openapi(route, (c) => c.json({}));',
        'const db = getFirestore();',
        'export const save = (data) => db.doc("/users/1", data);',
      ),
      'src/store.ts': lines('import { getFirestore } from "firebase-admin/firestore";', 'const db = getFirestore();', 'export const save = (data) => db.doc("/users/1", data);'),
    });
    assert.deepEqual(rows(files), []);
  });
});

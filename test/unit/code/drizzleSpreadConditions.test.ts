import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * openstatus' tinybird router: `const whereConditions: SQL[] = [eq(monitor.workspaceId, id), inArray(monitor.id, ids)]`,
 * then `db.query.monitor.findMany({ where: and(...whereConditions) })`. Bounded as the same `and(…)` written in place
 * is: the list's items pin a parent's key and take the caller's ids.
 */
describe('Drizzle: findMany where the and() spreads a list of conditions built before it', () => {
  it("reads the list's items, and those pushed on every path; a list of no key, or a key pushed under an if, stays unbounded", async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "hono": "4.6.0", "drizzle-orm": "0.36.0", "@libsql/client": "0.14.0" } }'),
      'src/schema.ts': lines(
        'import { sqliteTable, integer, text } from "drizzle-orm/sqlite-core";',
        'export const monitor = sqliteTable("monitor", { id: integer("id").primaryKey(), workspaceId: integer("workspace_id"), status: text("status") });',
      ),
      'src/index.ts': lines(
        'import { Hono } from "hono";',
        'import { drizzle } from "drizzle-orm/libsql";',
        'import { and, eq, inArray, type SQL } from "drizzle-orm";',
        'import * as schema from "./schema";',
        'import { monitor } from "./schema";',
        'const db = drizzle(process.env.DATABASE_URL!, { schema });',
        'const app = new Hono();',
        'app.post("/inline", async (c) => {',
        '  const { workspaceId, ids } = await c.req.json();',
        '  return c.json(await db.query.monitor.findMany({ where: and(eq(monitor.workspaceId, workspaceId), inArray(monitor.id, ids)) }));',
        '});',
        'app.post("/conditions", async (c) => {',
        '  const { workspaceId, ids } = await c.req.json();',
        '  const whereConditions: SQL[] = [',
        '    eq(monitor.workspaceId, workspaceId),',
        '    inArray(monitor.id, ids.map(Number)),',
        '  ];',
        '  return c.json(await db.query.monitor.findMany({ where: and(...whereConditions) }));',
        '});',
        'app.post("/pushed", async (c) => {',
        '  const { workspaceId, status } = await c.req.json();',
        '  const conditions: SQL[] = [];',
        '  conditions.push(eq(monitor.workspaceId, workspaceId));',
        '  if (status) conditions.push(eq(monitor.status, status));',
        '  return c.json(await db.query.monitor.findMany({ where: and(...conditions) }));',
        '});',
        'app.post("/status", async (c) => {',
        '  const { status } = await c.req.json();',
        '  const conditions: SQL[] = [eq(monitor.status, status)];',
        '  return c.json(await db.query.monitor.findMany({ where: and(...conditions) }));', // 30
        '});',
        'app.post("/sometimes", async (c) => {',
        '  const { workspaceId } = await c.req.json();',
        '  const conditions: SQL[] = [];',
        '  if (workspaceId) {',
        '    conditions.push(eq(monitor.workspaceId, workspaceId));',
        '  }',
        '  return c.json(await db.query.monitor.findMany({ where: and(...conditions) }));', // 38
        '});',
        'export default app;',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query src/index.ts:30:23 db.query.monitor.findMany → POST /status', 'unbounded-query src/index.ts:38:23 db.query.monitor.findMany → POST /sometimes']);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** Calls that look like queries and are not (logto: Slonik's `sql.raw`, node-oidc-provider's `AccessToken.find(token)`). */
describe('JavaScript: calls shaped like queries that send none', () => {
  it("Slonik's sql.raw makes a fragment; a model's find(token) looks one up; a schema alteration script is a deploy step", async () => {
    const f = await joined({
      'packages/core/src/queries/tables.ts': lines(
        "import { sql } from '@silverhand/slonik';",
        'export async function clear(pool, tables: string[]) {',
        '  for (const table of tables) {',
        '    await pool.query(sql`delete from ${sql.raw(table)} where tenant_id = 1`);', // 4: one query per table
        '  }',
        '}',
      ),
      'packages/core/src/oidc/grants.ts': lines(
        'export async function handle(ctx, token: string, value: string) {',
        '  const access = await ctx.oidc.provider.AccessToken.find(token);',
        '  const refresh = await RefreshToken.find(value, { ignoreExpiration: true });',
        '  const all = await Session.find();', // 4: every session
        '  const actor = await AccessToken.find(String(ctx.oidc.params?.actor_token));', // logto's actor token: converted first
        '}',
      ),
      // A data migration of the project's own runner (formbricks' MigrationScript, `run` not `up`): run once.
      'packages/database/migration/20241209110456_xm_segment_migration/migration.ts': lines(
        "import type { MigrationScript } from '../../src/scripts/migration-runner';",
        'export const xmSegmentMigration: MigrationScript = {',
        '  run: async ({ tx }) => {',
        '    const all = await tx.segment.findMany();',
        '    for (const s of all) await tx.segment.update({ where: { id: s.id }, data: { filters: [] } });',
        '  },',
        '};',
      ),
      'packages/schemas/alterations/1.0.0-tenant.ts': lines(
        'const alteration = {',
        '  up: async (pool) => {',
        '    for (const table of tables) await pool.query(`alter table ${table} add column tenant_id text`);',
        '  },',
        '};',
        'export default alteration;',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop packages/core/src/queries/tables.ts:4:11 pool.query [for…of sequential] → -',
      'unbounded-query packages/core/src/oidc/grants.ts:4:21 Session.find → -',
    ]);
  });
});

/** An array of the module's own written with a capital, searched with a function (postiz's `Providers.find((p) => …)`). */
describe('JavaScript: a constant array searched by a function', () => {
  it('is not a model query, whatever its name; a model found by a filter still is', async () => {
    const f = await joined({
      'src/labels.controller.ts': lines(
        "import { Controller, Get, Query } from '@nestjs/common';",
        "export const Providers = [{ identifier: 'x', label: 'X' }, { identifier: 'li', label: 'LinkedIn' }];",
        "@Controller('labels')",
        'export class LabelsController {',
        "  @Get() labels(@Query('ids') ids: string[]) {",
        '    return ids.map((id) => Providers.find((p) => p.identifier === id)?.label);',
        '  }',
        "  @Get('owners') owners(@Query('ids') ids: string[]) {",
        '    return Promise.all(ids.map((id) => Owner.find({ name: id }).limit(1)));', // 9: a query per id
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop src/labels.controller.ts:9:40 Owner.find [.map() parallel] → GET /labels/owners']);
  });
});

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
        '}',
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

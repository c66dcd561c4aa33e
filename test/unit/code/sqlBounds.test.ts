import assert from 'node:assert/strict';
import { selectWithoutLimit } from '../../../src/core/code/hazards/unboundedQueries';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('unbounded-query in SQL: a lookup by key is bounded, however its names are written', () => {
  it('quoted names are keys too, and natural keys (email, username, slug); a column that only ends in the letters i-d is none', () => {
    const bounded = ['SELECT "email" FROM users WHERE "id" = $1', 'SELECT * FROM t WHERE u."user_id" = $1', 'SELECT * FROM t WHERE `id` = ?', 'SELECT * FROM t WHERE [Id] = @p0', 'SELECT * FROM t WHERE ownerId = ?', 'SELECT * FROM t WHERE userID = ?', 'SELECT "email", "password" FROM users WHERE "email" = $1', 'SELECT * FROM articles WHERE slug = ?'];
    const unbounded = ['SELECT * FROM t WHERE "name" = $1', 'SELECT * FROM orders WHERE paid = true', 'SELECT * FROM tokens WHERE valid = 1', 'SELECT * FROM t'];
    assert.deepEqual(bounded.filter(selectWithoutLimit), []);
    assert.deepEqual(unbounded.filter((q) => !selectWithoutLimit(q)), []);
  });

  it('in the code: the node-postgres middleware of ljlm0402/typescript-express-starter', async () => {
    const f = await joined({
      'src/auth.ts': lines(
        "import pg from './db';",
        'export async function currentUser(id: number) {',
        '  const { rows } = await pg.query(`',
        '    SELECT "email", "password" FROM users WHERE "id" = $1',
        '  `, [id]);',
        '  return rows[0];',
        '}',
        'export async function unpaid() {',
        "  return (await pg.query('SELECT * FROM orders WHERE paid = false')).rows;",
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query src/auth.ts:9:17 pg.query → -']);
  });
});

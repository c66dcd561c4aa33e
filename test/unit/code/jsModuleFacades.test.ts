import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A module whose exports object is made of what it imports (saltcorn's `db/index.ts`: `export default { ...tenant,
 * ...dbModule }`, the database module imported whole; or `{ selectMaybeOne }` imported by name): a call through it
 * lands where that is defined, and a query there is a query per item of the caller's loop.
 */
describe('JavaScript: an exports object made of imported modules and functions', () => {
  it('is followed through a spread namespace import and through an imported name, in both module systems', async () => {
    const f = await joined({
      'package.json': JSON.stringify({ dependencies: { express: '4', pg: '8' } }),
      'db/postgres.js': lines(
        "import pg from 'pg';",
        'const pool = new pg.Pool();',
        'export async function selectMaybeOne(t, w) {',
        '  return (await pool.query(`select * from ${t} where id = $1 limit 1`, [w.id])).rows[0];',
        '}',
        'export async function insert(t, row) {',
        '  return pool.query(`insert into ${t} values ($1)`, [row]);',
        '}',
      ),
      'db/index.js': lines("import * as postgresPkg from './postgres.js';", 'export default { isSQLite: false, ...postgresPkg };'),
      'db/named.js': lines("import { insert } from './postgres.js';", 'export default { insert, isSQLite: false };'),
      'db/common.js': lines("const postgres = require('./postgres.js');", 'module.exports = { ...postgres };'),
      'app.js': lines(
        "import express from 'express';",
        "import db from './db/index.js';",
        "import named from './db/named.js';",
        "const common = require('./db/common.js');",
        'const app = express();',
        "app.get('/packs', async (req, res) => {",
        '  for (const i of req.body.instances) {',
        "    await db.selectMaybeOne('m', { id: i.id });", // 8
        "    await named.insert('m', i);", // 9
        "    await common.insert('m', i);", // 10
        '  }',
        '  res.json({});',
        '});',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app.js:10:11 common.insert → pool.query [for…of sequential] → GET /packs',
      'query-in-loop app.js:8:11 db.selectMaybeOne → pool.query [for…of sequential] → GET /packs',
      'query-in-loop app.js:9:11 named.insert → pool.query [for…of sequential] → GET /packs',
    ]);
  });
});

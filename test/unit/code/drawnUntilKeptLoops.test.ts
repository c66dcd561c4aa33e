import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * openstatus' `createUser`: `while (!slug) { slug = randomWordSlugs.generateSlug(2); const exists = await db.select()
 * …get(); if (exists) slug = undefined; }`. The loop goes on while its name is empty and draws it at random each turn:
 * the lookup runs again only on a collision, about once, not once per item. A loop that takes its value from items,
 * or draws nothing, is still a query per turn.
 */
describe('A loop that runs until a value drawn at random is kept', () => {
  it('is no query-in-loop (JavaScript, Python); one walking items or drawing nothing still is', async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "express": "4.19.0", "pg": "8.13.0" } }'),
      'app.js': lines(
        "const express = require('express');",
        "const crypto = require('crypto');",
        "const { Pool } = require('pg');",
        'const pool = new Pool();',
        'const app = express();',
        "app.post('/workspaces', async (req, res) => {",
        '  let slug;',
        '  while (!slug) {',
        "    slug = crypto.randomBytes(4).toString('hex');",
        "    const { rows } = await pool.query('SELECT 1 FROM workspace WHERE slug = $1', [slug]);",
        '    if (rows.length) slug = undefined;',
        '  }',
        '  let code = null;',
        '  while (code === null) {',
        "    code = generateCode(6);",
        "    if ((await pool.query('SELECT 1 FROM invite WHERE code = $1', [code])).rows.length) code = null;",
        '  }',
        "  await pool.query('INSERT INTO workspace (slug, code) VALUES ($1, $2)', [slug, code]);",
        '  res.json({ slug });',
        '});',
        "app.post('/names', async (req, res) => {",
        '  let name;',
        '  let i = 0;',
        '  while (!name) {',
        '    name = req.body.names[i++];',
        "    const { rows } = await pool.query('SELECT 1 FROM workspace WHERE slug = $1', [name]);", // 26
        '    if (rows.length) name = undefined;',
        '  }',
        '  let ready;',
        '  while (!ready) {',
        "    ready = (await pool.query('SELECT ready FROM jobs WHERE id = $1', [req.body.id])).rows[0].ready;", // 31
        '  }',
        '  res.json({ name });',
        '});',
        'app.listen(3000);',
      ),
      'codes.py': lines(
        'import secrets',
        'import psycopg',
        '',
        'def new_code(conn: psycopg.Connection) -> str:',
        '    code = None',
        '    while code is None:',
        '        code = secrets.token_hex(4)',
        '        if conn.execute("SELECT 1 FROM codes WHERE code = %s", (code,)).fetchone():',
        '            code = None',
        '    return code',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('query-in-loop')),
      ['query-in-loop app.js:26:28 pool.query [while sequential] → POST /names', 'query-in-loop app.js:31:20 pool.query [while sequential] → POST /names'],
    );
  });
});

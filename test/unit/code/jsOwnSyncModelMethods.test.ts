import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * `Table.findOne(…)` reads as a Sequelize or Mongoose model's query by its name; but a class of the workspace may define
 * it itself, synchronously, answered from memory (saltcorn's `static findOne(where)` over `getState().tables`, also
 * `Trigger.find`, `View.findOne`): no query per item of a loop, no unbounded read. An async one, one that queries, one
 * that says Promise, or a model's `findOne` the workspace does not define stays a query.
 */
describe('JavaScript: a class of the workspace that defines findOne or find itself, synchronously', () => {
  const pkg = JSON.stringify({ dependencies: { express: '4', pg: '8', sequelize: '6' } });
  const app = (model: string) =>
    lines(
      "const express = require('express');",
      `const ${model} = require('./models/${model.toLowerCase()}');`,
      'const app = express();',
      "app.post('/check', (req, res) => {",
      '  const found = [];',
      '  for (const name of req.body.names) {',
      `    const row = ${model}.findOne({ name });`, // 7
      '    if (row) found.push(row.name);',
      '  }',
      '  res.json(found);',
      '});',
      "app.get('/all', (req, res) => {",
      `  res.json(${model}.find({}));`, // 13
      '});',
      'app.listen(3000);',
    );

  it('reads memory: no query-in-loop, no unbounded-query, also through a helper of the file or of another module', async () => {
    const f = await joined({
      'package.json': pkg,
      'models/state.js': lines('const state = { tables: [] };', 'module.exports = { getState: () => state };'),
      'models/table.js': lines(
        "const { getState } = require('./state');",
        'class Table {',
        '  constructor(cfg) { Object.assign(this, cfg); }',
        '  static findOne(where) {',
        '    const cfg = getState().tables.find((t) => t.name === where.name);',
        '    return cfg ? new Table(cfg) : null;',
        '  }',
        '  static find(where) {',
        '    return getState().tables.filter((t) => !where.min_role || t.min_role >= where.min_role).map((c) => new Table(c));',
        '  }',
        '}',
        'module.exports = Table;',
      ),
      'lookup.js': lines("const Table = require('./models/table');", 'function tableNamed(name) {', '  return Table.findOne({ name });', '}', 'module.exports = { tableNamed };'),
      'app.js': app('Table'),
      'more.js': lines(
        "const express = require('express');",
        "const Table = require('./models/table');",
        "const { tableNamed } = require('./lookup');",
        'const router = express.Router();',
        'const named = (name) => Table.findOne({ name });',
        "router.post('/more', (req, res) => {",
        '  res.json(req.body.names.map((n) => [named(n), tableNamed(n)]));',
        '});',
        'module.exports = router;',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });

  it('stays a query: a Sequelize model the workspace does not define, an async findOne, one that queries, says Promise or runs what is not known to read memory', async () => {
    const model = (name: string, ...body: string[]) => lines("const { pool } = require('../db');", `class ${name} {`, ...body, '}', `module.exports = ${name};`);
    const f = await joined({
      'package.json': pkg,
      'db.js': lines("const { Pool } = require('pg');", 'module.exports = { pool: new Pool() };'),
      // Sequelize's: findOne and find are the library's.
      'models/user.js': lines("const { Model } = require('sequelize');", 'class User extends Model {}', 'module.exports = User;'),
      'models/page.js': model('Page', '  static async findOne(where) { return this.cache.get(where.name); }', '  static async find(where) { return this.cache.values(); }'),
      'models/view.js': model(
        'View',
        "  static findOne(where) { return pool.query('SELECT * FROM views WHERE name = $1 LIMIT 1', [where.name]); }",
        "  static find(where) { return pool.query('SELECT * FROM views LIMIT 50'); }",
      ),
      // better-sqlite3's statements are synchronous, but queries: no evidence the rows are in memory (its `all()` of
      // every note is unbounded itself; the route's is reported where it calls `Note.find`).
      'models/note.js': lines(
        "const Database = require('better-sqlite3');",
        "const db = new Database('notes.db');",
        'class Note {',
        "  static findOne(where) { return db.prepare('SELECT * FROM notes WHERE name = ?').get(where.name); }",
        "  static find(where) { return db.prepare('SELECT * FROM notes').all(); }",
        '}',
        'module.exports = Note;',
      ),
      'note.js': app('Note'),
      'models/role.js': model('Role', '  static findOne(where) { return new Promise((resolve) => resolve(this.byName[where.name])); }', '  static find(where) { return Promise.resolve(this.all); }'),
      'user.js': app('User'),
      'page.js': app('Page'),
      'view.js': app('View'),
      'role.js': app('Role'),
    });
    const rows = hazardRows(f);
    assert.deepEqual(
      rows.filter((r) => r.startsWith('query-in-loop')),
      [
        'query-in-loop note.js:7:17 Note.findOne [for…of sequential] → POST /check',
        'query-in-loop page.js:7:17 Page.findOne [for…of sequential] → POST /check',
        'query-in-loop role.js:7:17 Role.findOne [for…of sequential] → POST /check',
        'query-in-loop user.js:7:17 User.findOne [for…of sequential] → POST /check',
        'query-in-loop view.js:7:17 View.findOne [for…of sequential] → POST /check',
      ],
    );
    assert.deepEqual(
      rows.filter((r) => r.startsWith('unbounded-query')),
      ['unbounded-query models/note.js:5:31 db.prepare.all → -', 'unbounded-query note.js:13:12 Note.find → GET /all', 'unbounded-query page.js:13:12 Page.find → GET /all', 'unbounded-query role.js:13:12 Role.find → GET /all', 'unbounded-query user.js:13:12 User.find → GET /all', 'unbounded-query view.js:13:12 View.find → GET /all'],
    );
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * SQLite's JavaScript drivers run SQL too (actual's sync server: `db.prepare('SELECT * FROM users').all()` on a
 * route): better-sqlite3's statements prepared and run at once (also node:sqlite's, bun:sqlite's), node-sqlite3's
 * `db.all(sql, cb)`. A SELECT with no LIMIT read whole (`all`, `iterate`, `each`) returns every row, embedded or not;
 * `get` reads one. In an embedded-SQLite service a query in a loop stays unreported (sqlEngines.ts).
 */
describe('SQLite queries in JavaScript: better-sqlite3 and node-sqlite3', () => {
  it('better-sqlite3: prepare(SELECT).all() and iterate() with no LIMIT are unbounded, also on a handle another module opens', async () => {
    const f = await joined({
      'src/db.js': lines(
        "import Database from 'better-sqlite3';",
        "export const db = new Database('app.sqlite');",
        'export class Wrapped {',
        '  constructor(db) { this.db = db; }',
        '  all(sql, params = []) { return this.db.prepare(sql).all(...params); }', // 5: the SQL is the caller's
        '}',
      ),
      'src/server.js': lines(
        "import express from 'express';",
        "import { db } from './db.js';",
        'const app = express();',
        "app.get('/users', (req, res) => res.json(db.prepare('SELECT * FROM users').all()));", // 4
        "app.get('/export', (req, res) => { for (const row of db.prepare('SELECT id, body FROM notes').iterate()) res.write(row.body); res.end(); });", // 5
        "app.get('/kept', (req, res) => { const sql = 'SELECT name FROM tags'; res.json(db.prepare(sql).all()); });", // 6
        "app.get('/page', (req, res) => res.json(db.prepare('SELECT * FROM users LIMIT ?').all(50)));", // 7: limited
        "app.get('/one', (req, res) => res.json(db.prepare('SELECT * FROM settings').get()));", // 8: one row
        "app.get('/user/:id', (req, res) => res.json(db.prepare('SELECT * FROM users WHERE id = ?').all(req.params.id)));", // 9: by key
        "app.post('/users', (req, res) => res.json(db.prepare('INSERT INTO users (name) VALUES (?)').run(req.body.name)));", // 10
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query src/server.js:4:42 db.prepare.all → GET /users',
      'unbounded-query src/server.js:5:54 db.prepare.iterate → GET /export',
      'unbounded-query src/server.js:6:80 db.prepare.all → GET /kept',
    ]);
  });

  it('node-sqlite3: db.all and db.each of a SELECT with no LIMIT are unbounded; db.get reads one row; not a map or a cache', async () => {
    const f = await joined({
      'src/server.js': lines(
        "const sqlite3 = require('sqlite3');",
        "const express = require('express');",
        "const db = new sqlite3.Database('app.sqlite');",
        'const cache = new Map();',
        'const app = express();',
        "app.get('/users', (req, res) => db.all('SELECT * FROM users', [], (err, rows) => res.json(rows)));", // 6
        "app.get('/stream', (req, res) => db.each('SELECT id FROM events', (err, row) => res.write(String(row.id)), () => res.end()));", // 7
        "app.get('/settings', (req, res) => db.get('SELECT * FROM settings', (err, row) => res.json(row)));", // 8: one row
        "app.get('/cached', (req, res) => res.json(cache.get(req.query.k) ?? null));",
        "app.get('/all', async (req, res) => res.json(await Promise.all([1, 2].map(async (n) => n))));",
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query src/server.js:6:33 db.all → GET /users',
      'unbounded-query src/server.js:7:34 db.each → GET /stream',
    ]);
  });

  it('a query per item in a loop: not reported where SQLite is the only database; reported beside node-postgres; a prepare of no SQL is no query', async () => {
    const store = lines(
      "import Database from 'better-sqlite3';",
      "const db = new Database('app.sqlite');",
      'export function tags(ids) {',
      "  return ids.map((id) => db.prepare('SELECT tag FROM tags WHERE item_id = ? LIMIT 10').all(id));", // 4
      '}',
    );
    assert.deepEqual(hazardRows(await joined({ 'src/store.js': store })), []);
    assert.deepEqual(hazardRows(await joined({ 'src/store.js': store, 'src/pg.js': lines("import pg from 'pg';", 'export const pool = new pg.Pool();') })), [
      'query-in-loop src/store.js:4:26 db.prepare.all [.map() sequential] → -',
    ]);
    const templates = lines('export function render(names, engine) {', '  for (const n of names) engine.prepare(n).run();', '}');
    assert.deepEqual(hazardRows(await joined({ 'src/render.js': templates })), []);
  });
});

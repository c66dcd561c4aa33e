import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A function whose whole body is one call it hands its work to (gatus' `insertEndpointResult`, only `return
 * s.insertEndpointResultWithSuiteID(tx, endpointID, result, nil)`) uses up no call depth on a route: a loop three
 * calls below the last layer that does work is on the route. Layers that do work of their own still count, and a
 * call handed a function written in place is no forwarder.
 */
describe('one-call forwarding layers on a request path', () => {
  const store = (forwarder: string[]) =>
    lines(
      'package store',
      '',
      'import "database/sql"',
      '',
      'type Store struct{ db *sql.DB }',
      '',
      'func (s *Store) InsertResult(id int64, conditions []string) error {',
      '\ttx, _ := s.db.Begin()',
      '\tif err := s.insertResult(tx, id, conditions); err != nil {',
      '\t\treturn err',
      '\t}',
      '\treturn tx.Commit()',
      '}',
      '',
      'func (s *Store) insertResult(tx *sql.Tx, id int64, conditions []string) error {',
      ...forwarder,
      '}',
      '',
      'func (s *Store) insertResultWithSuite(tx *sql.Tx, id int64, conditions []string, suite *int64) error {',
      '\tvar resultID int64',
      '\tif err := tx.QueryRow("INSERT INTO results (endpoint_id) VALUES ($1) RETURNING id", id).Scan(&resultID); err != nil {',
      '\t\treturn err',
      '\t}',
      '\treturn s.insertConditions(tx, resultID, conditions)',
      '}',
      '',
      'func (s *Store) insertConditions(tx *sql.Tx, resultID int64, conditions []string) error {',
      '\tfor _, c := range conditions {',
      '\t\tif _, err := tx.Exec("INSERT INTO conditions (result_id, condition) VALUES ($1, $2)", resultID, c); err != nil {', // 30
      '\t\t\treturn err',
      '\t\t}',
      '\t}',
      '\treturn nil',
      '}',
      '',
      'var current *Store',
      '',
      'func Get() *Store { return current }',
    );
  const app = (forwarder: string[]) => ({
    'go.mod': 'module example.com/app\n',
    'main.go': lines(
      'package main',
      '',
      'import (',
      '\t"example.com/app/store"',
      '\tfiber "github.com/gofiber/fiber/v2"',
      ')',
      '',
      'func main() {',
      '\tapp := fiber.New()',
      '\tapp.Post("/api/v1/endpoints/:key/external", func(c *fiber.Ctx) error {',
      '\t\tif c.Query("a") == "" {',
      '\t\t\treturn nil',
      '\t\t}',
      '\t\treturn store.Get().InsertResult(1, []string{c.Query("a"), c.Query("b")})',
      '\t})',
      '\t_ = app.Listen(":8080")',
      '}',
    ),
    'store/sql.go': store(forwarder),
  });

  it('Go (gatus): a loop below a method that only returns another call is on the route', async () => {
    const f = await joined(app(['\t// only forwards', '\treturn s.insertResultWithSuite(tx, id, conditions, nil)']));
    assert.deepEqual(hazardRows(f), ['query-in-loop store/sql.go:30:16 tx.Exec [for sequential] → POST /api/v1/endpoints/:key/external']);
  });

  it('Go: the same layer doing work of its own still counts: the loop four calls down has no route', async () => {
    const f = await joined(app(['\tid++', '\treturn s.insertResultWithSuite(tx, id, conditions, nil)']));
    assert.deepEqual(hazardRows(f), ['query-in-loop store/sql.go:30:16 tx.Exec [for sequential] → -']);
  });

  it('Go: forwarders that call each other end, and what they reach is on the route', async () => {
    const f = await joined({
      'go.mod': 'module example.com/app\n',
      'main.go': lines(
        'package main',
        '',
        'import "net/http"',
        '',
        'func main() {',
        '\thttp.HandleFunc("/ping", handle)',
        '}',
        '',
        'func handle(w http.ResponseWriter, r *http.Request) {',
        '\tids := r.URL.Query()["id"]',
        '\tping(ids)',
        '\tstep(ids)',
        '\tw.WriteHeader(204)',
        '}',
        '',
        'func ping(ids []string) { pong(ids) }',
        'func pong(ids []string) { ping(ids) }',
        '',
        'func step(ids []string) error {',
        '\tif len(ids) == 0 {',
        '\t\treturn nil',
        '\t}',
        '\treturn relay(ids)',
        '}',
        '',
        'func relay(ids []string) error { return again(ids) }',
        'func again(ids []string) error { return work(ids) }',
        '',
        'func work(ids []string) error {',
        '\tfor _, id := range ids {',
        '\t\tdb.Exec("DELETE FROM t WHERE id = ?", id)', // 31
        '\t}',
        '\treturn nil',
        '}',
      ),
    });
    // handle → step → relay → again → work: relay and again only forward, so work is two calls down, not four.
    assert.deepEqual(hazardRows(f), ['query-in-loop main.go:31:3 db.Exec [for sequential] → ANY /ping']);
  });

  const jsApp = (middle: string) => ({
    'src/app.ts': lines("import express from 'express';", "import { a } from './a';", 'const app = express();', "app.get('/items', async (req, res) => { const ids = String(req.query.ids).split(','); res.json(await a(ids)); });"),
    'src/a.ts': lines("import { b } from './b';", 'export async function a(ids: string[]) { const out = await b(ids); return out ?? []; }'),
    'src/b.ts': lines("import { c } from './c';", "import { db } from './db';", middle),
    'src/c.ts': lines("import { d } from './d';", 'export async function c(ids: string[]) { const rows = await d(ids); return rows.length ? rows : null; }'),
    'src/d.ts': lines(
      "import { pool } from './db';",
      'export async function d(ids: string[]) {',
      '  const rows = [];',
      "  for (const id of ids) rows.push(await pool.query('SELECT * FROM items WHERE id = $1', [id]));", // 4
      '  return rows;',
      '}',
    ),
  });

  it('TypeScript: `return await c(ids)` forwards; a call given a function written in place does not', async () => {
    const forwards = await joined(jsApp('export async function b(ids: string[]) { return await c(ids); }'));
    assert.deepEqual(hazardRows(forwards), ['query-in-loop src/d.ts:4:41 pool.query [for…of sequential] → GET /items']);
    const wraps = await joined(jsApp('export async function b(ids: string[]) { return db.transaction(async () => c(ids)); }'));
    assert.deepEqual(hazardRows(wraps), ['query-in-loop src/d.ts:4:41 pool.query [for…of sequential] → -']);
  });

  it('Python: a method that only returns another call after its docstring forwards', async () => {
    const f = await joined({
      'app/views.py': lines(
        'from fastapi import FastAPI',
        'from app.service import Service',
        '',
        'app = FastAPI()',
        '',
        '@app.get("/items")',
        'def items(ids: str):',
        '    service = Service()',
        '    return service.list(ids.split(","))',
      ),
      'app/service.py': lines(
        'from app.db import cursor',
        '',
        '',
        'class Service:',
        '    def list(self, ids):',
        '        rows = self._fetch(ids)',
        '        return rows or []',
        '',
        '    def _fetch(self, ids):',
        '        """Only forwards."""',
        '        return self._fetch_all(ids, None)',
        '',
        '    def _fetch_all(self, ids, limit):',
        '        rows = self._rows(ids)',
        '        return rows[:limit] if limit else rows',
        '',
        '    def _rows(self, ids):',
        '        out = []',
        '        for i in ids:',
        '            out.append(cursor.execute("SELECT * FROM items WHERE id = %s", (i,)))', // 20
        '        return out',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop app/service.py:20:24 cursor.execute [for sequential] → GET /items']);
  });
});

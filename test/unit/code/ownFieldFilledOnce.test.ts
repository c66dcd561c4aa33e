import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * openfga's tuple iterator: `next()` queries only `if t.rows == nil { t.fetchBuffer(ctx) }`, and fetchBuffer sets
 * `t.rows = rows`. A query made while a field of the method's own object is empty, in the branch that fills that
 * field, runs once per object, not once per call: a loop calling the method on one object is no query-in-loop.
 */
describe("a call made while a field of the method's own object is empty, filling it, runs once per object", () => {
  it("Go: openfga's iterator, filled by a method of the same receiver or in the branch, is not a query per turn of the caller's loop; a branch that fills another field still is", async () => {
    const f = await joined({
      'go.mod': 'module example.com/iter\n',
      'iter.go': lines(
        'package main',
        '',
        'import (',
        '\t"context"',
        '\t"database/sql"',
        '\t"net/http"',
        ')',
        '',
        'var db *sql.DB',
        '',
        'type TupleIterator struct {',
        '\trows *sql.Rows',
        '\tseen *sql.Rows',
        '}',
        '',
        'func (t *TupleIterator) fetchBuffer(ctx context.Context) error {',
        '\trows, err := db.QueryContext(ctx, "SELECT object_id FROM tuple LIMIT 100")',
        '\tif err != nil {',
        '\t\treturn err',
        '\t}',
        '\tt.rows = rows',
        '\treturn nil',
        '}',
        '',
        'func (t *TupleIterator) next(ctx context.Context) (string, error) {',
        '\tif t.rows == nil {',
        '\t\tif err := t.fetchBuffer(ctx); err != nil {',
        '\t\t\treturn "", err',
        '\t\t}',
        '\t}',
        '\tvar s string',
        '\terr := t.rows.Scan(&s)',
        '\treturn s, err',
        '}',
        '',
        'func (t *TupleIterator) head(ctx context.Context) error {',
        '\tvar err error',
        '\tif t.seen == nil {',
        '\t\tt.seen, err = db.QueryContext(ctx, "SELECT object_id FROM tuple LIMIT 1")',
        '\t}',
        '\treturn err',
        '}',
        '',
        'func (t *TupleIterator) peek(ctx context.Context) error {',
        '\tif t.seen == nil {',
        '\t\treturn t.fetchBuffer(ctx)', // fills rows, not seen: a query per call
        '\t}',
        '\treturn nil',
        '}',
        '',
        'func (t *TupleIterator) ToArray(ctx context.Context, n int) []string {',
        '\tvar res []string',
        '\tfor i := 0; i < n; i++ {',
        '\t\ts, _ := t.next(ctx)',
        '\t\t_ = t.head(ctx)',
        '\t\t_ = t.peek(ctx)', // 56
        '\t\tres = append(res, s)',
        '\t}',
        '\treturn res',
        '}',
        '',
        'func main() {',
        '\thttp.HandleFunc("/read", func(w http.ResponseWriter, r *http.Request) {',
        '\t\tit := &TupleIterator{}',
        '\t\t_ = it.ToArray(r.Context(), 50)',
        '\t})',
        '\thttp.ListenAndServe(":8080", nil)',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop iter.go:56:7 t.peek → fetchBuffer → db.QueryContext [for sequential] → ANY /read']);
  });

  it("JavaScript and Python: `if (!this.client) this.client = …`, `if self._token is None: self._token = …` (also through a method of self) run once; a test of another object's field, or for not empty, still runs per item", async () => {
    const f = await joined({
      'src/reader.js': lines(
        "const { Pool } = require('pg');",
        'const pool = new Pool();',
        '',
        'class Reader {',
        '  async next() {',
        "    if (!this.rows) this.rows = (await pool.query('SELECT id FROM item LIMIT 100')).rows;",
        '    return this.rows.shift();',
        '  }',
        '',
        '  async load(cfg) {',
        "    if (!cfg.rows) cfg.rows = (await pool.query('SELECT id FROM item LIMIT 100')).rows;",
        '    return cfg.rows;',
        '  }',
        '',
        '  async all(n, cfgs) {',
        '    const out = [];',
        '    for (let i = 0; i < n; i++) out.push(await this.next());',
        '    for (const cfg of cfgs) out.push(await this.load(cfg));', // 18: another object's field
        '    return out;',
        '  }',
        '}',
        '',
        'module.exports = { Reader };',
      ),
      'app/client.py': lines(
        'import requests',
        '',
        'class Api:',
        '    def __init__(self):',
        '        self._token = None',
        '',
        '    def _login(self):',
        '        self._token = requests.post("https://auth.example.com/token", timeout=5).json()["token"]',
        '',
        '    def token(self):',
        '        if self._token is None:',
        '            self._token = requests.post("https://auth.example.com/token", timeout=5).json()["token"]',
        '        return self._token',
        '',
        '    def session(self):',
        '        if not self._token:',
        '            self._login()',
        '        return self._token',
        '',
        '    def refresh(self):',
        '        if self._token is not None:',
        '            self._login()',
        '        return self._token',
        '',
        '    def send_all(self, items):',
        '        for item in items:',
        '            requests.post("https://api.example.com/i", json=item, headers={"t": self.token()}, timeout=5)', // 27
        '            self.session()',
        '            self.refresh()', // 29: not empty, so a login per item
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop app/client.py:27:13 requests.post [for sequential] → -',
      'call-in-loop app/client.py:29:13 refresh → _login → requests.post [for sequential] → -',
      'query-in-loop src/reader.js:18:44 load → pool.query [for…of sequential] → -',
    ]);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A loop that runs each statement of a SQL script, split at its semicolons (dtm's `RunSQLScript`, a schema file run
 * once when asked at start-up), is one-time set-up, as a migration runner's loop is: not a query per item of what a
 * request holds. A loop over ids written with semicolons between them, or over another list, is still one.
 */
describe('loops over the statements of a SQL script', () => {
  const go = (...loop: string[]) =>
    lines(
      'package main',
      '',
      'import (',
      '\t"database/sql"',
      '\t"os"',
      '\t"strings"',
      '',
      '\t_ "github.com/lib/pq"',
      ')',
      '',
      'var db *sql.DB',
      '',
      'const driver = "postgres"',
      '',
      'func dbExec(driver string, con *sql.DB, s string) {',
      '\tcon.Exec(s)',
      '}',
      '',
      'func RunSQLScript(file string, ids string) {',
      '\tcontent, _ := os.ReadFile(file)',
      ...loop, // 21…
      '}',
    );

  it('Go: each statement of strings.Split(script, ";") run by Exec, written in place or kept in a name first', async () => {
    const loops = [
      ['\tfor _, stmt := range strings.Split(string(content), ";") {', '\t\ts := strings.TrimSpace(stmt)', '\t\tif s == "" {', '\t\t\tcontinue', '\t\t}', '\t\tif _, err := db.Exec(s); err != nil {', '\t\t\tpanic(err)', '\t\t}', '\t}'],
      ['\tstmts := strings.Split(string(content), ";\\n")', '\tfor _, stmt := range stmts {', '\t\tdb.Exec(stmt)', '\t}'],
      // dtm's own: `sqls := strings.Split(string(content), ";")`, then `dtmimp.DBExec(conf.Driver, con, s)`.
      ['\tsqls := strings.Split(string(content), ";")', '\tfor _, sql := range sqls {', '\t\ts := strings.TrimSpace(sql)', '\t\tdbExec(driver, db, s)', '\t}'],
    ];
    for (const loop of loops) assert.deepEqual(hazardRows(await joined({ 'main.go': go(...loop) })), [], loop[0]);
  });

  it('Go: ids written with semicolons, a split at commas, or a statement that is not the item, are still per item', async () => {
    const cases: [string[], string][] = [
      [['\tfor _, id := range strings.Split(ids, ";") {', '\t\tdb.Exec("DELETE FROM jobs WHERE id = $1", id)', '\t}'], 'query-in-loop main.go:22:3 db.Exec [for sequential] → -'],
      [['\tfor _, stmt := range strings.Split(string(content), ",") {', '\t\tdb.Exec(stmt)', '\t}'], 'query-in-loop main.go:22:3 db.Exec [for sequential] → -'],
      [['\tfor _, id := range strings.Split(ids, ";") {', '\t\tdbExec(driver, db, "DELETE FROM jobs WHERE id = " + id)', '\t}'], 'query-in-loop main.go:22:3 dbExec → con.Exec [for sequential] → -'],
      [['\tstmts := strings.Split(ids, ",")', '\tparts := strings.Split(string(content), ";")', '\tfor _, stmt := range stmts {', '\t\tdb.Exec(stmt, parts)', '\t}'], 'query-in-loop main.go:24:3 db.Exec [for sequential] → -'],
    ];
    for (const [loop, row] of cases) assert.deepEqual(hazardRows(await joined({ 'main.go': go(...loop) })), [row], loop[0]);
  });

  it("Python and JavaScript: `for stmt in sql.split(';')` and `for (const s of sql.split(';'))`; not a loop over rows", async () => {
    const py = lines(
      'import psycopg2',
      '',
      'def create_schema(conn, sql, ids):',
      '    cursor = conn.cursor()',
      "    for stmt in sql.split(';'):",
      '        stmt = stmt.strip()',
      '        if stmt:',
      '            cursor.execute(stmt)',
      "    for user_id in ids.split(';'):",
      "        cursor.execute('DELETE FROM users WHERE id = %s', (user_id,))", // 10
    );
    const js = lines(
      "import { Pool } from 'pg';",
      '',
      'const db = new Pool();',
      '',
      'export async function setup(sql: string, names: string[]) {',
      '  const statements = sql',
      "    .split(';')",
      '    .map((s) => s.trim())',
      '    .filter(Boolean);',
      '  for (const s of statements) await db.query(s);',
      "  for (const n of names) await db.query('INSERT INTO tags (name) VALUES ($1)', [n]);", // 11
      '}',
    );
    assert.deepEqual(hazardRows(await joined({ 'schema.py': py, 'src/setup.ts': js })), [
      'query-in-loop schema.py:10:9 cursor.execute [for sequential] → -',
      'query-in-loop src/setup.ts:11:32 db.query [for…of sequential] → -',
    ]);
  });
});

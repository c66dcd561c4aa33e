import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * SQLite runs in the service's own process: a query is a call into a library, not a round trip, and its authors show
 * many small queries as efficient (https://sqlite.org/np1queryprob.html). So a service whose only database is an
 * embedded SQLite gets no `query-in-loop` for its SQL queries; its Redis commands and HTTP calls in loops still are,
 * and so is a service that may also reach a database server.
 */
describe('query-in-loop in a service whose only SQL database is embedded SQLite', () => {
  const goStore = (driver: string) =>
    lines(
      'package store',
      '',
      'import (',
      '\t"database/sql"',
      '\t"net/http"',
      '',
      `\t_ "${driver}"`,
      ')',
      '',
      'func Tags(db *sql.DB, client *http.Client, ids []string) {',
      '\tfor _, id := range ids {',
      '\t\tdb.Query("SELECT tag FROM tags WHERE item_id = ? LIMIT 10", id)', // 12
      '\t\tclient.Get("http://search/" + id)', // 13
      '\t}',
      '}',
    );

  it('Go: go-sqlite3, modernc or GORM over SQLite drops the query in a loop, keeps the HTTP call; lib/pq, pgx or GORM over PostgreSQL keeps both', async () => {
    for (const driver of ['github.com/mattn/go-sqlite3', 'modernc.org/sqlite', 'gorm.io/driver/sqlite']) {
      const f = await joined({ 'store/tags.go': goStore(driver) });
      assert.deepEqual(hazardRows(f), ['call-in-loop store/tags.go:13:3 client.Get [for sequential] → -'], driver);
    }
    for (const driver of ['github.com/lib/pq', 'github.com/jackc/pgx/v5/stdlib', 'gorm.io/driver/postgres']) {
      const f = await joined({ 'store/tags.go': goStore(driver) });
      assert.deepEqual(
        hazardRows(f),
        ['call-in-loop store/tags.go:13:3 client.Get [for sequential] → -', 'query-in-loop store/tags.go:12:3 db.Query [for sequential] → -'],
        driver,
      );
    }
    // Both drivers in the service (SQLite or PostgreSQL, as configured): the query may cross a network.
    const both = await joined({ 'store/tags.go': goStore('github.com/mattn/go-sqlite3'), 'store/pg.go': lines('package store', '', 'import _ "github.com/lib/pq"') });
    assert.ok(hazardRows(both).some((r) => r.startsWith('query-in-loop store/tags.go:12:')));
  });

  const notes = lines(
    "import Database from 'better-sqlite3';",
    "import { createClient } from 'redis';",
    '',
    "const db = new Database('notes.db');",
    'const redis = createClient();',
    '',
    'export class Note {',
    '  static save(n: unknown) {',
    "    return db.prepare('UPDATE notes SET body = ? WHERE id = ?').run(n);",
    '  }',
    '}',
    '',
    'export async function touch(ids: string[]) {',
    '  for (const id of ids) {',
    '    Note.save(id);', // 15
    '    await redis.expire(id, 60);', // 16
    '  }',
    '}',
  );

  it('JavaScript: better-sqlite3 drops model saves in a loop, keeps Redis; a MIME type naming MySQL is no driver', async () => {
    const mime = lines("export const MIME = { sql: 'text/x-mysql', pg: 'text/x-pgsql' };");
    const f = await joined({ 'src/notes.ts': notes, 'src/mime.ts': mime });
    assert.deepEqual(hazardRows(f), ['query-in-loop src/notes.ts:16:11 redis.expire [for…of sequential] → -']);
  });

  it('JavaScript: Mongoose or pg beside it keeps the query in a loop (the model may be theirs)', async () => {
    for (const other of ["import mongoose from 'mongoose';", "const { Pool } = require('pg');"]) {
      const f = await joined({ 'src/notes.ts': notes, 'src/other.ts': lines(other) });
      assert.deepEqual(hazardRows(f), ['query-in-loop src/notes.ts:15:5 Note.save [for…of sequential] → -', 'query-in-loop src/notes.ts:16:11 redis.expire [for…of sequential] → -'], other);
    }
  });

  const pyStore = lines(
    'def tags(conn, ids):',
    '    out = []',
    '    for i in ids:',
    '        out.append(conn.execute("SELECT tag FROM tags WHERE item_id = ? LIMIT 5", (i,)).fetchall())', // 4
    '    return out',
  );

  it('Python: sqlite3 in the service drops it; sqlite3 only in its tests, or Django beside it, keeps it', async () => {
    const embedded = await joined({ 'app/db.py': lines('import sqlite3', '', 'conn = sqlite3.connect("app.db")'), 'app/tags.py': pyStore });
    assert.deepEqual(hazardRows(embedded), []);
    const inTests = await joined({ 'tests/test_tags.py': lines('import sqlite3', '', 'conn = sqlite3.connect(":memory:")'), 'app/tags.py': pyStore });
    assert.deepEqual(hazardRows(inTests), ['query-in-loop app/tags.py:4:20 conn.execute [for sequential] → -']);
    const django = await joined({ 'app/db.py': lines('import sqlite3'), 'app/models.py': lines('from django.db import models'), 'app/tags.py': pyStore });
    assert.deepEqual(hazardRows(django), ['query-in-loop app/tags.py:4:20 conn.execute [for sequential] → -']);
  });

  it("Python: a module that opens SQLite itself beside a service on PostgreSQL (onyx's Salesforce connector) drops its own queries in loops, not the service's", async () => {
    const f = await joined({
      'app/models.py': lines('from sqlalchemy import create_engine', 'engine = create_engine("postgresql://db/app")'),
      'app/tags.py': pyStore,
      'app/connectors/scratch.py': lines(
        'import sqlite3',
        '',
        'def load(path, rows):',
        '    conn = sqlite3.connect(path)',
        '    for r in rows:',
        '        conn.execute("INSERT INTO objects (id) VALUES (?)", (r,))',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop app/tags.py:4:20 conn.execute [for sequential] → -']);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** Counter-examples of the review of stop 67 (Python): each is input an earlier build handled right. */
describe('review of stop 67: Python counter-examples', () => {
  it('RD-7: a cursor whose fetchone() starts a read of every row (the DB-API while loop, fetchone then fetchall) still reads every row; a lone fetchone reads one', async () => {
    const f = await joined({
      'app.py': lines(
        'import sqlite3', // 1
        'from flask import Flask, jsonify',
        'app = Flask(__name__)',
        '@app.route("/events")',
        'def events():', // 5
        '    conn = sqlite3.connect("app.db")',
        '    cursor = conn.cursor()',
        '    cursor.execute("SELECT id, name, payload FROM events")',
        '    out = []',
        '    row = cursor.fetchone()', // 10
        '    while row is not None:',
        '        out.append({"id": row[0], "name": row[1]})',
        '        row = cursor.fetchone()',
        '    return jsonify(out)',
        '@app.route("/audit")', // 15
        'def audit():',
        '    conn = sqlite3.connect("app.db")',
        '    cur = conn.cursor()',
        '    cur.execute("SELECT * FROM audit_log")',
        '    header = cur.fetchone()', // 20
        '    rest = cur.fetchall()',
        '    return jsonify({"first": header, "rest": rest})',
        '@app.route("/drain")',
        'def drain():',
        '    cur = sqlite3.connect("app.db").cursor()', // 25
        '    cur.execute("SELECT * FROM jobs")',
        '    while True:',
        '        job = cur.fetchone()',
        '        if job is None:',
        '            break', // 30
        '    return "ok"',
        '@app.route("/one")',
        'def one():',
        '    cur = sqlite3.connect("app.db").cursor()',
        '    cur.execute("SELECT value FROM settings WHERE name=?", ("x",))', // 35
        '    row = cur.fetchone()',
        '    cur.close()',
        '    cur.execute("SELECT * FROM other")',
        '    return {"v": row, "all": cur.fetchall()}',
        '@app.route("/each")', // 40
        'def each(names):',
        '    cur = sqlite3.connect("app.db").cursor()',
        '    for name in names:',
        '        cur.execute("SELECT value FROM settings WHERE name=?", (name,))',
        '        print(cur.fetchone())', // 45
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('unbounded-query')), [
      'unbounded-query app.py:19:5 cur.execute → GET /audit',
      'unbounded-query app.py:26:5 cur.execute → GET /drain',
      'unbounded-query app.py:38:5 cur.execute → GET /one',
      'unbounded-query app.py:8:5 cursor.execute → GET /events',
    ]);
  });
});

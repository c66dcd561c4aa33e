import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** rotki's `cursor.execute('SELECT … FROM settings WHERE name=?', …)` then `cursor.fetchone()`: one row read of its execute. */
describe('unbounded-query: a DB-API cursor whose SELECT is read by fetchone() in a later statement', () => {
  it('does not report execute then fetchone (also through a walrus, await, or the result kept); still reports execute then fetchall, iteration, or fetchone after another execute', async () => {
    const f = await joined({
      'app/server.py': lines(
        'import sqlite3', // 1
        'from flask import Flask',
        'app = Flask(__name__)',
        'conn = sqlite3.connect("x.db")',
        '@app.get("/one")', // 5
        'def one():',
        '    cursor = conn.cursor()',
        '    cursor.execute("SELECT value FROM settings WHERE name=?", ("oracles",))',
        '    row = cursor.fetchone()',
        '    return {"v": row}', // 10
        '@app.get("/walrus")',
        'def walrus():',
        '    cursor = conn.cursor()',
        '    cursor.execute(',
        '        "SELECT api_key, api_secret FROM credentials WHERE name=?;",', // 15
        '        ("x",),',
        '    )',
        '    if (result := cursor.fetchone()) is None:',
        '        return {}',
        '    return {"v": result}', // 20
        '@app.get("/kept")',
        'def kept():',
        '    res = conn.execute("SELECT value FROM settings WHERE name=?", ("x",))',
        '    return {"v": res.fetchone()}',
        '@app.get("/all")', // 25
        'def all_rows():',
        '    cursor = conn.cursor()',
        '    cursor.execute("SELECT value FROM settings WHERE name=?", ("oracles",))',
        '    return {"v": cursor.fetchall()}',
        '@app.get("/iter")', // 30
        'def iterated():',
        '    cursor = conn.cursor()',
        '    cursor.execute("SELECT value FROM settings WHERE name=?", ("oracles",))',
        '    return {"v": [r for r in cursor]}',
        '@app.get("/again")', // 35
        'def again():',
        '    cursor = conn.cursor()',
        '    cursor.execute("SELECT value FROM settings WHERE name=?", ("oracles",))',
        '    cursor.execute("SELECT 1")',
        '    return {"v": cursor.fetchone()}', // 40
        '@app.get("/async")',
        'async def in_async(db):',
        '    async with db.cursor() as cursor:',
        '        await cursor.execute("SELECT value FROM settings WHERE name=?", ("x",))',
        '        return {"v": await cursor.fetchone()}', // 45
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('unbounded-query')), [
      'unbounded-query app/server.py:28:5 cursor.execute → GET /all',
      'unbounded-query app/server.py:33:5 cursor.execute → GET /iter',
      'unbounded-query app/server.py:38:5 cursor.execute → GET /again',
    ]);
  });
});

import assert from 'node:assert/strict';
import { selectWithoutLimit } from '../../../src/core/code/hazards/unboundedQueries';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('unbounded-query in SQL written in a prefixed string (an f-string, a raw string)', () => {
  it("reads the statement after the prefix: an aggregate or an existence check is one row (rotki's f'SELECT COUNT(*) from eth2_validators WHERE {field}=?'); a grouped one or a plain list still is not", () => {
    const bounded = ["f'SELECT COUNT(*) from eth2_validators WHERE {field}=?'", 'f"SELECT 1 FROM t WHERE {col} = %s"', "rb'SELECT max(ts) FROM events'", "f'SELECT name, count(id) FROM t{n}'"];
    const unbounded = ["f'SELECT name, COUNT(*) FROM t WHERE {field}=? GROUP BY name'", "f'SELECT * FROM {table}'", "f'SELECT name FROM t WHERE {field}=?'"];
    assert.deepEqual(bounded.filter((q) => selectWithoutLimit(q)), []);
    assert.deepEqual(unbounded.filter((q) => !selectWithoutLimit(q)), []);
  });

  it('through the whole analysis: the f-string count is not reported, the f-string list is', async () => {
    const f = await joined({
      'app/main.py': lines(
        'import psycopg2',
        'from flask import Flask',
        '',
        'app = Flask(__name__)',
        "conn = psycopg2.connect('postgresql://db/x')",
        '',
        "@app.get('/count/<field>')",
        'def count(field):',
        '    cursor = conn.cursor()',
        "    cursor.execute(f'SELECT COUNT(*) from eth2_validators WHERE {field}=%s', (1,))", // 10
        "    cursor.execute(f'SELECT name FROM eth2_validators WHERE {field}=%s', (1,))", // 11
        '    return {"n": cursor.fetchall()}',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('unbounded-query')).map((r) => r.split(' ')[1]), ['app/main.py:11:5']);
  });
});

import { strict as assert } from 'node:assert';
import { functionTablesOf } from '../../../src/core/code/dispatchTables';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('calls through a table of functions (loaders[kind](…), CSV_KEYS.get(name)(), handlers[action](req))', () => {
  it("CTFd's shape: a route that picks a loader from a dict reaches each loader's hazards, from another module too", async () => {
    const f = await joined({
      'CTFd/admin/__init__.py': lines(
        'from flask import Blueprint, request',
        'from CTFd.utils.csv import dump_csv, load_users_csv, load_teams_csv',
        '',
        'admin = Blueprint("admin", __name__)',
        '',
        '@admin.route("/admin/import/csv", methods=["POST"])',
        'def import_csv():',
        '    loaders = {',
        '        "users": load_users_csv,',
        '        "teams": load_teams_csv,  # teams mode',
        '    }',
        '    loader = loaders[request.form["csv_type"]]',
        '    return loader(request.files["csv_file"])',
        '',
        '@admin.route("/admin/export/csv")',
        'def export_csv():',
        '    return dump_csv(name=request.args.get("table"))',
      ),
      'CTFd/utils/csv/__init__.py': lines(
        'from CTFd.models import Users, Teams, UserFields',
        '',
        'def dump_csv(name):',
        '    dump_func = CSV_KEYS.get(name)',
        '    return dump_func()',
        '',
        'def dump_users_csv():',
        '    return UserFields.query.all()',
        '',
        'def load_users_csv(reader):',
        '    for row in reader:',
        '        Users.query.filter_by(name=row["name"]).first()',
        '',
        'def load_teams_csv(reader):',
        '    return True',
        '',
        'CSV_KEYS = {',
        '    "users": dump_users_csv,',
        '}',
        // Not a table of functions: a value that is none, or one entry alone.
        'SETTINGS = {"users": dump_users_csv, "teams": None}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop CTFd/utils/csv/__init__.py:12:9 Users.query.filter_by.first [for sequential] → POST /admin/import/csv',
      'unbounded-query CTFd/utils/csv/__init__.py:8:12 UserFields.query.all → -',
    ]);
  });

  it('JavaScript: handlers[action](req) and a name taken from the table reach each handler; a table of values is none', async () => {
    const f = await joined({
      'src/app.ts': lines(
        "import express from 'express';",
        "import { pool } from './db';",
        'const app = express();',
        'async function createItem(req) {',
        '  for (const id of req.body.ids) await pool.query("INSERT INTO items (id) VALUES ($1)", [id]);',
        '}',
        'async function removeItem(req) {',
        '  await fetch("http://audit/log");',
        '}',
        'const handlers = {',
        '  create: createItem,',
        '  // removing',
        '  removeItem,',
        '};',
        "app.post('/items/:action', async (req, res) => {",
        '  await handlers[req.params.action](req);',
        '  res.end();',
        '});',
        "app.post('/other/:action', async (req, res) => {",
        '  const run = handlers[req.params.action];',
        '  await run(req);',
        '});',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout src/app.ts:8:9 fetch → POST /items/:action, POST /other/:action',
      'query-in-loop src/app.ts:5:40 pool.query [for…of sequential] → POST /items/:action, POST /other/:action',
    ]);
  });

  it('reads only literals whose every entry names a function', () => {
    assert.deepEqual([...functionTablesOf('LIMITS = {"a": 1, "b": 2}\nVIEWS = {"a": views.a, "b": b}\n', 'python')], [['VIEWS', [['views', 'a'], ['b']]]]);
    assert.deepEqual([...functionTablesOf('export const LIMITS = { maxItems: 100, maxTags: 20 };\nconst t = { a, b: c.d };\n', 'js')], [['t', [['a'], ['c', 'd']]]]);
  });

  it("an entry that calls one function, CTFd's `\"scoreboard-admin\": lambda: dump_scoreboard_csv(admin=True)`, names it; one doing more keeps the literal from being a table", () => {
    const py = 'CSV_KEYS = {\n    "scoreboard": dump_scoreboard_csv,\n    "scoreboard-admin": lambda: dump_scoreboard_csv(admin=True, limit=None),\n    "users": dump_users_csv,\n}\n';
    assert.deepEqual([...functionTablesOf(py, 'python')], [['CSV_KEYS', [['dump_scoreboard_csv'], ['dump_scoreboard_csv'], ['dump_users_csv']]]]);
    assert.deepEqual([...functionTablesOf('const t = { list, admin: () => dump(true, 1), one: async (id) => repo.load(id) };\n', 'js')], [['t', [['list'], ['dump'], ['repo', 'load']]]]);
    assert.deepEqual([...functionTablesOf('T = {"a": f, "b": lambda x: x + 1}\nU = {"a": f, "b": lambda: g(1) or h()}\n', 'python')], []);
  });
});

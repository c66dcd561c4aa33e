import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * ckan keeps the data its tests load in `ckan/lib/create_test_data.py` (`CreateTestData.create_users(…)`), which only
 * its tests import: a module named for tests' data is code beside the service, as `testing.py` is, whether the tests'
 * imports are seen or not (a full pass does not read the tests it does not need).
 */
describe('Python: a module named for the data tests load, which only tests import', () => {
  const filler = (fn: string) =>
    lines(
      'from sqlalchemy import create_engine, text',
      'engine = create_engine("postgresql://db/app")',
      'class Filler:',
      '    @classmethod',
      `    def ${fn}(cls, names):`,
      '        with engine.begin() as conn:',
      '            for name in names:',
      '                conn.execute(text("INSERT INTO users (name) VALUES (:n)"), {"n": name})', // 8
    );

  it("ckan's lib/create_test_data.py and a load_test_fixtures.py are silent, imported by tests or by nothing", async () => {
    const f = await joined({
      'app/__init__.py': lines('from flask import Flask', 'app = Flask(__name__)', '@app.route("/health")', 'def health():', '    return "ok"'),
      'app/lib/__init__.py': '',
      'app/lib/create_test_data.py': filler('create_users'),
      'app/lib/load_test_fixtures.py': filler('load'),
      'app/tests/test_users.py': lines('import app.lib.create_test_data as ctd', 'def test_users():', '    ctd.Filler.create_users(["a", "b"])'),
    });
    assert.deepEqual(hazardRows(f), []);
  });

  it('a module the service imports, though named for test data, and one whose name only contains the letters (latest_data.py, contest_data.py), are still reported', async () => {
    const f = await joined({
      'app/__init__.py': lines('from flask import Flask', 'from app.lib.create_test_data import Filler', 'app = Flask(__name__)', '@app.route("/seed-demo")', 'def demo():', '    Filler.create_users(["a"])', '    return "ok"'),
      'app/lib/__init__.py': '',
      'app/lib/create_test_data.py': filler('create_users'),
      'app/lib/latest_data.py': filler('latest'),
      'app/lib/contest_data.py': filler('contest'),
    });
    assert.deepEqual(hazardRows(f).map((r) => r.split(' →')[0]), [
      'query-in-loop app/lib/contest_data.py:8:17 conn.execute [for sequential]',
      'query-in-loop app/lib/create_test_data.py:8:17 conn.execute [for sequential]',
      'query-in-loop app/lib/latest_data.py:8:17 conn.execute [for sequential]',
    ]);
  });
});

import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('Flask: many add_url_rule calls inside one `for` loop', function () {
  this.timeout(120_000);

  it("a module-level `for v in range(1):` around 3000 `app.add_url_rule(PREFIX + \"/rI\", \"eI\", h)` (the loop's variable in no path): a route per call, each at its own line (the body's unpackings, rotki's `route, resource_cls = url_tuple`, are read once per loop: the time is the benchmark's to judge)", async () => {
    const n = 3000;
    const calls = Array.from({ length: n }, (_, k) => `    app.add_url_rule(PREFIX + "/r${k}", "e${k}", h)`);
    const f = await joined({
      'app.py': lines('from flask import Flask', 'app = Flask(__name__)', 'PREFIX = "/api"', 'def h():', '    return "x"', 'for v in range(1):', ...calls),
    });
    const rows = routeRows(f);
    assert.equal(rows.length, n);
    assert.deepEqual(rows[0], ['GET', '/api/r0', 'app.py', 6, 'flask']);
    assert.deepEqual(rows[n - 1], ['GET', `/api/r${n - 1}`, 'app.py', 6 + n - 1, 'flask']);
  });

  it("rows unpacked in a loop's body, `for url_tuple in URLS: route, view = url_tuple`, still give a route per row; a second loop over the same name that unpacks nothing is not given the first's unpacking", async () => {
    const f = await joined({
      'app.py': lines(
        'from flask import Flask',
        'app = Flask(__name__)',
        'def a():',
        '    return "a"',
        'def b():',
        '    return "b"',
        'URLS = [("/a", a), ("/b", b)]',
        'for url_tuple in URLS:',
        '    route, view = url_tuple',
        '    app.add_url_rule(route, view_func=view)', // 9
        '    app.add_url_rule("/fixed" + route, view_func=view)', // 10
        'for url_tuple in URLS:',
        '    app.add_url_rule(url_tuple, view_func=a)', // 12: a tuple as the rule, no path
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/a', 'app.py', 9, 'flask'],
      ['GET', '/b', 'app.py', 9, 'flask'],
      ['GET', '/fixed/a', 'app.py', 10, 'flask'],
      ['GET', '/fixed/b', 'app.py', 10, 'flask'],
    ]);
  });
});

import assert from 'node:assert/strict';
import type { FileAnalysis } from '../../../src/core/code/codeModel';
import { joined, lines } from './fixtureWorkspace';

/** `METHOD path file:line → handler line` (0-based lines). */
function rows(f: Map<string, FileAnalysis>): string[] {
  return [...f.values()].flatMap((a) => a.routes.map((r) => `${r.method} ${r.path} ${r.file}:${r.declaration.start.line} → ${r.handler.start.line}`)).sort();
}

describe('Flask: add_url_rule with its rule given by name, from a loop over a table of rules and views, or formatted with a module constant', function () {
  this.timeout(10_000);

  it("ckan's `add_url_rule(rule=u'/sysadmin', …)`, `for rule, view_func in util_rules: api.add_url_rule(version_rule + rule, view_func=view_func)` and `.format(API_MAX_VERSION)`: a route each, with its row's view", async () => {
    const f = await joined({
      'app/__init__.py': lines(
        'from flask import Flask',
        'from app.views import user, home, api, other',
        'def create_app():',
        '    app = Flask(__name__)',
        '    app.register_blueprint(user)',
        '    app.register_blueprint(home)',
        '    app.register_blueprint(api)',
        '    app.register_blueprint(other)',
        '    return app',
      ),
      'app/views.py': lines(
        'from flask import Blueprint',
        'from app.settings import API_BASE',
        '',
        'API_MAX_VERSION = 3',
        'user = Blueprint("user", __name__, url_prefix="/user")',
        'home = Blueprint("home", __name__)',
        'api = Blueprint("api", __name__, url_prefix="/api")',
        'other = Blueprint("other", __name__, url_prefix="/other")',
        '',
        'def index():', // 9
        '    return "home"',
        'def about():', // 11
        '    return "about"',
        'def sysadmin():', // 13
        '    return "ok"',
        'def get_api(ver=1):', // 15
        '    return str(ver)',
        '',
        'user.add_url_rule(rule="/sysadmin", view_func=sysadmin, methods=["POST"])', // 18
        '',
        'util_rules: list[tuple[str, object]] = [',
        '    ("/", index),',
        '    ("/about", about),',
        ']',
        'for rule, view_func in util_rules:',
        '    home.add_url_rule(rule, view_func=view_func)', // 25
        '',
        'version_rule = "/<int(min=1, max=2):ver>"',
        'for rule, view_func in [("/util/about", about)]:',
        '    api.add_url_rule(rule, view_func=view_func)', // 29
        '    api.add_url_rule(version_rule + rule, view_func=view_func)', // 30
        '',
        'api.add_url_rule("/<int(min=1, max={0}):ver>".format(API_MAX_VERSION), view_func=get_api)', // 32
        'api.add_url_rule(API_BASE + "/ping", view_func=get_api)', // 33
        '',
        // Nothing known: a loop over what a call returns, a row that is no literal, a parameter, a function's own name,
        // a name the module never binds.
        'for rule, view_func in load_rules():',
        '    other.add_url_rule(rule, view_func=view_func)',
        'for rule, view_func in [(make_rule(), index)]:',
        '    other.add_url_rule(rule, view_func=view_func)',
        'def register(bp, base):',
        '    bp.add_url_rule("/{}/x".format(base), view_func=index)',
        '    local = "/y"',
        '    other.add_url_rule(local + "/z", view_func=index)',
        'other.add_url_rule("/{}/w".format(NOWHERE), view_func=index)',
      ),
      'app/settings.py': lines('API_BASE = "/base"'),
    });
    assert.deepEqual(rows(f), [
      'GET / app/views.py:25 → 9',
      'GET /about app/views.py:25 → 11',
      'GET /api/<int(min=1, max=2):ver>/util/about app/views.py:30 → 11',
      'GET /api/<int(min=1, max=3):ver> app/views.py:32 → 15',
      'GET /api/base/ping app/views.py:33 → 15',
      'GET /api/util/about app/views.py:29 → 11',
      'POST /user/sysadmin app/views.py:18 → 13',
    ]);
  });
});

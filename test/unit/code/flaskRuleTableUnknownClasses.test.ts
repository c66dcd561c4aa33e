import assert from 'node:assert/strict';
import { handledRows, joined, lines, routeRows } from './fixtureWorkspace';

describe("Flask: a table of rules and MethodView classes looped over, a row's class not written as a name", function () {
  this.timeout(20_000);

  it("rotki's `for route, resource_cls in URLS: bp.add_url_rule(route, view_func=resource_cls.as_view(route))` with a row `(\"/legacy\", views.resources[\"legacy\"])` or a call: that route kept, ANY (the class unknown); the rows naming a class give its methods", async () => {
    const f = await joined({
      'views.py': lines(
        'from flask.views import MethodView',
        'class ItemsResource(MethodView):',
        '    def get(self):', // 2
        '        return "i"',
        'class LegacyResource(MethodView):',
        '    def post(self):', // 5
        '        return "l"',
        'resources = {"legacy": LegacyResource}',
      ),
      'app.py': lines(
        'from flask import Flask, Blueprint',
        'from flask.views import MethodView',
        'import views',
        'app = Flask(__name__)',
        'bp = Blueprint("api", __name__)',
        'class UsersResource(MethodView):',
        '    def get(self):', // 6
        '        return "x"',
        '    def put(self):', // 8
        '        return "y"',
        'URLS = [',
        '    ("/users", UsersResource),',
        '    ("/items", views.ItemsResource),',
        '    ("/legacy", views.resources["legacy"]),',
        '    ("/made", make_resource()),',
        ']',
        'for route, resource_cls in URLS:',
        '    bp.add_url_rule(route, view_func=resource_cls.as_view(route))', // 17
        'app.register_blueprint(bp, url_prefix="/api")',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['ANY', '/api/legacy', 'app.py', 17, 'flask'],
      ['ANY', '/api/made', 'app.py', 17, 'flask'],
      ['GET', '/api/items', 'app.py', 17, 'flask'],
      ['GET', '/api/users', 'app.py', 17, 'flask'],
      ['PUT', '/api/users', 'app.py', 17, 'flask'],
    ]);
    // No class's methods guessed for the unknown rows: LegacyResource.post handles nothing.
    assert.deepEqual(handledRows(f), ['views.py:2 GET /api/items']);
  });
});

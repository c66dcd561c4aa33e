import assert from 'node:assert/strict';
import { handledRows, joined, lines, routeRows } from './fixtureWorkspace';

const RESOURCES = lines(
  'from flask.views import MethodView',
  'class UsersResource(MethodView):',
  '    def get(self):', // 2
  '        return "users"',
  '    def put(self):', // 4
  '        return "ok"',
  'class UsersByNameResource(MethodView):',
  '    def patch(self, name):', // 7
  '        return name',
);

describe("Flask: a table of rules and views handed to the module's helper that loops over it, its rows unpacked in the loop's body", function () {
  this.timeout(20_000);

  it("rotki's `setup_urls(blueprint=blueprint, rest_api=rest_api, urls=URLS_V1)` with `for url_tuple in urls: route, resource_cls = url_tuple` (or three names): a route per row on each blueprint handed, by name or in place", async () => {
    const f = await joined({
      'app/resources.py': RESOURCES,
      'app/server.py': lines(
        'from flask import Blueprint, Flask',
        'from app.resources import UsersByNameResource, UsersResource',
        'URLS_V1 = [',
        '    ("/users", UsersResource),',
        '    ("/users/<string:name>", UsersByNameResource, "by_name"),',
        ']',
        'def setup_urls(rest_api, blueprint, urls):',
        '    for url_tuple in urls:',
        '        if len(url_tuple) == 2:',
        '            route, resource_cls = url_tuple',
        '            endpoint = resource_cls.__name__.lower()',
        '        elif len(url_tuple) == 3:',
        '            route, resource_cls, endpoint = url_tuple',
        '        else:',
        '            raise ValueError("bad")',
        '        blueprint.add_url_rule(route, view_func=resource_cls.as_view(endpoint, rest_api_object=rest_api))', // 15
        // Handed a list a call returns, or never called: nothing known, no route.
        'def setup_loaded(blueprint, urls):',
        '    for url_tuple in urls:',
        '        route, resource_cls = url_tuple',
        '        blueprint.add_url_rule(route, view_func=resource_cls.as_view(route))',
        'def setup_unused(blueprint, urls):',
        '    for route, resource_cls in urls:',
        '        blueprint.add_url_rule(route, view_func=resource_cls.as_view(route))',
        'app = Flask(__name__)',
        'v1 = Blueprint("v1", __name__, url_prefix="/api/1")',
        'setup_urls(blueprint=v1, rest_api=None, urls=URLS_V1)',
        'v2 = Blueprint("v2", __name__, url_prefix="/api/2")',
        'setup_urls(None, v2, URLS_V1)',
        'setup_loaded(v2, load_urls())',
        'app.register_blueprint(v1)',
        'app.register_blueprint(v2)',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/1/users', 'app/server.py', 15, 'flask'],
      ['GET', '/api/2/users', 'app/server.py', 15, 'flask'],
      ['PATCH', '/api/1/users/<string:name>', 'app/server.py', 15, 'flask'],
      ['PATCH', '/api/2/users/<string:name>', 'app/server.py', 15, 'flask'],
      ['PUT', '/api/1/users', 'app/server.py', 15, 'flask'],
      ['PUT', '/api/2/users', 'app/server.py', 15, 'flask'],
    ]);
    assert.deepEqual(handledRows(f), [
      'app/resources.py:2 GET /api/1/users',
      'app/resources.py:2 GET /api/2/users',
      'app/resources.py:4 PUT /api/1/users',
      'app/resources.py:4 PUT /api/2/users',
      'app/resources.py:7 PATCH /api/1/users/<string:name>',
      'app/resources.py:7 PATCH /api/2/users/<string:name>',
    ]);
  });

  it('a module-level loop whose body unpacks each row: a route per row; a row no unpacking fits leaves the table unread', async () => {
    const f = await joined({
      'app/resources.py': RESOURCES,
      'app/server.py': lines(
        'from flask import Blueprint, Flask',
        'from app.resources import UsersByNameResource, UsersResource',
        'URLS_V1 = [("/users", UsersResource), ("/users/<string:name>", UsersByNameResource)]',
        'ODD = [("/odd", UsersResource, "odd", "extra")]',
        'app = Flask(__name__)',
        'bp = Blueprint("v1", __name__, url_prefix="/api/1")',
        'for url_tuple in URLS_V1:',
        '    route, resource_cls = url_tuple',
        '    bp.add_url_rule(route, view_func=resource_cls.as_view(route))', // 8
        'for row in ODD:',
        '    route, resource_cls = row',
        '    bp.add_url_rule(route, view_func=resource_cls.as_view(route))',
        'app.register_blueprint(bp)',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/1/users', 'app/server.py', 8, 'flask'],
      ['PATCH', '/api/1/users/<string:name>', 'app/server.py', 8, 'flask'],
      ['PUT', '/api/1/users', 'app/server.py', 8, 'flask'],
    ]);
  });

  it('a helper unpacking the row in its `for`, `for route, resource_cls in urls:`, handed the table first by position: a route per row under the blueprint handed', async () => {
    const f = await joined({
      'app/resources.py': RESOURCES,
      'app/server.py': lines(
        'from flask import Blueprint, Flask',
        'from app.resources import UsersByNameResource, UsersResource',
        'URLS_V1 = [("/users", UsersResource), ("/users/<string:name>", UsersByNameResource)]',
        'def setup_urls(blueprint, urls):',
        '    for route, resource_cls in urls:',
        '        blueprint.add_url_rule(route, view_func=resource_cls.as_view(route))', // 5
        'def make_urls():',
        '    local = [("/local", UsersResource)]',
        '    setup_urls(Blueprint("x", __name__), local)', // a function's own list: nothing known for the helper
        'app = Flask(__name__)',
        'blueprint = Blueprint("v1", __name__, url_prefix="/api/1")',
        'setup_urls(blueprint, URLS_V1)',
        'app.register_blueprint(blueprint)',
      ),
    });
    assert.deepEqual(routeRows(f), []);
    const g = await joined({
      'app/resources.py': RESOURCES,
      'app/server.py': lines(
        'from flask import Blueprint, Flask',
        'from app.resources import UsersByNameResource, UsersResource',
        'URLS_V1 = [("/users", UsersResource), ("/users/<string:name>", UsersByNameResource)]',
        'def setup_urls(blueprint, urls):',
        '    for route, resource_cls in urls:',
        '        blueprint.add_url_rule(route, view_func=resource_cls.as_view(route))', // 5
        'app = Flask(__name__)',
        'blueprint = Blueprint("v1", __name__, url_prefix="/api/1")',
        'setup_urls(blueprint, URLS_V1)',
        'app.register_blueprint(blueprint)',
      ),
    });
    assert.deepEqual(routeRows(g), [
      ['GET', '/api/1/users', 'app/server.py', 5, 'flask'],
      ['PATCH', '/api/1/users/<string:name>', 'app/server.py', 5, 'flask'],
      ['PUT', '/api/1/users', 'app/server.py', 5, 'flask'],
    ]);
  });
});

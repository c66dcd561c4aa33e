import assert from 'node:assert/strict';
import { handledRows, hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe("Flask: a table of rules and MethodView classes looped over, each row's class made a view with `as_view(…)`", function () {
  this.timeout(20_000);

  it("rotki's `for route, resource_cls in URLS_V1: bp.add_url_rule(route, view_func=resource_cls.as_view(route))`: the methods each row's class defines, as registered directly", async () => {
    const f = await joined({
      'app/resources.py': lines(
        'import requests',
        'from flask.views import MethodView',
        'class UsersResource(MethodView):', // 2
        '    def get(self):',
        '        return requests.get("http://x/users").json()',
        '    def put(self):', // 5
        '        return "ok"',
        'class UsersByNameResource(MethodView):',
        '    def patch(self, name):', // 8
        '        return name',
      ),
      'app/server.py': lines(
        'from flask import Blueprint, Flask',
        'from app import resources',
        'from app.resources import UsersByNameResource, UsersResource',
        'URLS_V1 = [',
        '    ("/users", UsersResource),',
        '    ("/users/<string:name>", resources.UsersByNameResource),',
        // A row whose view is made by a call: not a class the registration names, the class unknown (ANY).
        '    ("/legacy", make_resource()),',
        ']',
        'app = Flask(__name__)',
        'blueprint = Blueprint("v1", __name__, url_prefix="/api/1")',
        'for route, resource_cls in URLS_V1:',
        '    blueprint.add_url_rule(route, view_func=resource_cls.as_view(route))', // 11
        'blueprint.add_url_rule("/direct", view_func=UsersResource.as_view("direct"))', // 12
        'app.register_blueprint(blueprint)',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['ANY', '/api/1/legacy', 'app/server.py', 11, 'flask'],
      ['GET', '/api/1/users', 'app/server.py', 11, 'flask'],
      ['PATCH', '/api/1/users/<string:name>', 'app/server.py', 11, 'flask'],
      ['PUT', '/api/1/users', 'app/server.py', 11, 'flask'],
      ['GET', '/api/1/direct', 'app/server.py', 12, 'flask'],
      ['PUT', '/api/1/direct', 'app/server.py', 12, 'flask'],
    ]);
    assert.deepEqual(handledRows(f), [
      'app/resources.py:3 GET /api/1/direct',
      'app/resources.py:3 GET /api/1/users',
      'app/resources.py:5 PUT /api/1/direct',
      'app/resources.py:5 PUT /api/1/users',
      'app/resources.py:8 PATCH /api/1/users/<string:name>',
    ]);
    assert.deepEqual(hazardRows(f), ['missing-timeout app/resources.py:5:16 requests.get → GET /api/1/users, GET /api/1/direct']);
  });
});

import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

const RESOURCES = lines(
  'from flask import Blueprint',
  'from flask.views import MethodView',
  'def create_blueprint(url_prefix: str) -> Blueprint:',
  "    return Blueprint('v1_resources', __name__, url_prefix=url_prefix)",
  'class UsersResource(MethodView):',
  '    def get(self):',
  '        return "users"',
  'class UsersByNameResource(MethodView):',
  '    def patch(self, name):',
  '        return name',
);

const SETUP = [
  'URLS_V1 = [',
  '    ("/users", UsersResource),',
  '    ("/users/<string:name>", UsersByNameResource),',
  ']',
  'def setup_urls(rest_api, blueprint, urls):',
  '    for url_tuple in urls:',
  '        route, resource_cls = url_tuple',
  '        blueprint.add_url_rule(route, view_func=resource_cls.as_view(route, rest_api_object=rest_api))', // 9
];

describe("Flask: a blueprint a project's factory function returns, under the url_prefix it writes or is given", function () {
  this.timeout(20_000);

  it("rotki's `blueprint = create_blueprint(self._api_prefix)` (the factory in another module, `_api_prefix = '/api/1'` in the class body): every rule under `/api/1`", async () => {
    const f = await joined({
      'app/resources.py': RESOURCES,
      'app/server.py': lines(
        'from flask import Blueprint, Flask',
        'from app.resources import UsersByNameResource, UsersResource, create_blueprint',
        ...SETUP,
        'class APIServer:',
        "    _api_prefix = '/api/1'",
        '    def __init__(self, rest_api):',
        '        flask_app = Flask(__name__)',
        '        blueprint = create_blueprint(self._api_prefix)',
        '        setup_urls(blueprint=blueprint, rest_api=rest_api, urls=URLS_V1)',
        '        self.flask_app = flask_app',
        '        self.blueprint = blueprint',
        '        self.flask_app.register_blueprint(self.blueprint)',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/1/users', 'app/server.py', 9, 'flask'],
      ['PATCH', '/api/1/users/<string:name>', 'app/server.py', 9, 'flask'],
    ]);
  });

  it('given a literal, a module constant (also imported), an attribute `__init__` sets, by name or position; a factory that writes its own prefix, or a default: each its prefix', async () => {
    const f = await joined({
      'app/settings.py': lines('API_PREFIX = "/api/const"'),
      'app/factories.py': lines(
        'from flask import Blueprint',
        'ADMIN = "/admin"',
        'def admin_blueprint():',
        '    return Blueprint("admin", __name__, url_prefix=ADMIN)',
        'def public_blueprint(name, prefix="/public"):',
        '    return Blueprint(name, __name__, url_prefix=prefix)',
      ),
      'app/views.py': lines(
        'import flask',
        'from app.factories import admin_blueprint, public_blueprint',
        'from app.settings import API_PREFIX',
        'LOCAL = "/local"',
        'def make_bp(url_prefix):',
        '    return flask.Blueprint("bp", __name__, url_prefix=url_prefix)',
        'lit = make_bp("/lit/")',
        'const = make_bp(API_PREFIX)',
        'local = make_bp(url_prefix=LOCAL)',
        'admin = admin_blueprint()',
        'public = public_blueprint("pub")',
        'named = public_blueprint("named", prefix="/named")',
        '@lit.route("/a")', // 12
        'def a(): return "a"',
        '@const.route("/b")', // 14
        'def b(): return "b"',
        '@local.route("/c")', // 16
        'def c(): return "c"',
        '@admin.route("/d")', // 18
        'def d(): return "d"',
        '@public.route("/e")', // 20
        'def e(): return "e"',
        '@named.route("/f")', // 22
        'def f(): return "f"',
        'class Server:',
        '    def __init__(self):',
        '        self.prefix = "/init"',
        '        self.bp = make_bp(self.prefix)',
        '        self.bp.add_url_rule("/g", view_func=g)', // 28
        'def g(): return "g"',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/lit/a', 'app/views.py', 12, 'flask'],
      ['GET', '/api/const/b', 'app/views.py', 14, 'flask'],
      ['GET', '/local/c', 'app/views.py', 16, 'flask'],
      ['GET', '/admin/d', 'app/views.py', 18, 'flask'],
      ['GET', '/public/e', 'app/views.py', 20, 'flask'],
      ['GET', '/named/f', 'app/views.py', 22, 'flask'],
      ['GET', '/init/g', 'app/views.py', 28, 'flask'],
    ]);
  });

  it('a function that returns no blueprint, an argument not known, a blueprint registered under its own url_prefix: no prefix from the call', async () => {
    const f = await joined({
      'app/views.py': lines(
        'from flask import Blueprint, Flask',
        'def make_bp(url_prefix):',
        '    return Blueprint("bp", __name__, url_prefix=url_prefix)',
        'def wrapped(prefix):',
        '    return wrap(Blueprint("w", __name__), prefix)',
        'def build(prefix):',
        '    unknown = make_bp(prefix)',
        '    @unknown.route("/a")', // 7
        '    def a(): return "a"',
        '    return unknown',
        'loaded = make_bp(load_prefix())',
        'other = wrapped("/nope")',
        'moved = make_bp("/own")',
        '@loaded.route("/b")', // 13
        'def b(): return "b"',
        '@other.route("/c")', // 15
        'def c(): return "c"',
        '@moved.route("/d")', // 17
        'def d(): return "d"',
        'app = Flask(__name__)',
        'app.register_blueprint(moved, url_prefix="/moved")',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/a', 'app/views.py', 7, 'flask'],
      ['GET', '/b', 'app/views.py', 13, 'flask'],
      ['GET', '/c', 'app/views.py', 15, 'flask'],
      ['GET', '/moved/d', 'app/views.py', 17, 'flask'],
    ]);
  });
});

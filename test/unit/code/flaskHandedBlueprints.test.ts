import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('Flask: a blueprint handed to a function that adds rules to it', function () {
  this.timeout(10_000);

  it("ckan's `register_group_plugin_rules(group)` and `register_group_plugin_rules(organization)`: the rules the function adds are under each blueprint's prefix (also one another module makes and hands it); not under an argument it adds no rule to, nor a blueprint handed to another function", async () => {
    const f = await joined({
      'app/__init__.py': lines(
        'from flask import Flask',
        'from app.views import group, organization, audit',
        'from app.plugins import register_plugins',
        'def create_app():',
        '    app = Flask(__name__)',
        '    app.register_blueprint(group)',
        '    app.register_blueprint(organization)',
        '    app.register_blueprint(audit)',
        '    register_plugins(app)',
        '    return app',
      ),
      'app/views.py': lines(
        'from flask import Blueprint',
        '',
        'group = Blueprint("group", __name__, url_prefix="/group")',
        'organization = Blueprint("organization", __name__, url_prefix="/organization")',
        'audit = Blueprint("audit", __name__, url_prefix="/audit")',
        '',
        'def index():',
        '    return "list"',
        'def read(id):',
        '    return id',
        '',
        'def register_group_plugin_rules(blueprint: Blueprint, view=read) -> None:',
        '    blueprint.add_url_rule("/", view_func=index)', // 12
        '    @blueprint.route("/<id>/about")', // 13
        '    def about(id):',
        '        return id',
        '',
        'def describe(bp):',
        '    return bp.name',
        '@audit.route("/log")', // 19
        'def log():',
        '    return "log"',
        '',
        'register_group_plugin_rules(group, read)',
        'register_group_plugin_rules(organization)',
        'describe(audit)',
      ),
      'app/plugins.py': lines(
        'from flask import Blueprint',
        'from app.views import register_group_plugin_rules',
        'def register_plugins(app):',
        '    custom = Blueprint("custom", __name__, url_prefix="/custom")',
        '    register_group_plugin_rules(custom)',
        '    app.register_blueprint(custom)',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/custom/', 'app/views.py', 12, 'flask'],
      ['GET', '/group/', 'app/views.py', 12, 'flask'],
      ['GET', '/organization/', 'app/views.py', 12, 'flask'],
      ['GET', '/custom/<id>/about', 'app/views.py', 13, 'flask'],
      ['GET', '/group/<id>/about', 'app/views.py', 13, 'flask'],
      ['GET', '/organization/<id>/about', 'app/views.py', 13, 'flask'],
      ['GET', '/audit/log', 'app/views.py', 19, 'flask'],
    ]);
  });
});

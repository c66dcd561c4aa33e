import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { grammars, joined, lines, routeRows } from './fixtureWorkspace';

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

  it('after an edit that makes a function add rules to what it is given (or stop), its calls hand the blueprint as a fresh analysis does', async () => {
    const incremental = new CodeIndex(grammars);
    const fresh = new CodeIndex(grammars);
    let text = lines(
      'from flask import Blueprint',
      'group = Blueprint("group", __name__, url_prefix="/group")',
      'def index():',
      '    return "list"',
      'def register_rules(blueprint):',
      '    pass',
      'register_rules(group)',
    );
    await incremental.analyzeEdit('app/views.py', text);
    const edits: [string, string][] = [
      ['    pass', '    blueprint.add_url_rule("/", view_func=index)'],
      ['register_rules(group)', 'register_rules(group)\nregister_rules(index)'],
      ['    blueprint.add_url_rule("/", view_func=index)', '    pass'],
    ];
    const handed: string[][] = [];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      await incremental.analyzeEdit('app/views.py', text);
      const a = incremental.link(['app/views.py'])[0];
      const b = await fresh.analyze('app/views.py', text);
      assert.deepEqual(a.links?.mounts, b?.links?.mounts, `after replacing ${from}`);
      handed.push((a.links?.mounts ?? []).filter((m) => m.argument !== undefined).map((m) => `${m.receiver} → ${m.target.join('.')}(${m.argument})`));
    }
    // (The blueprint the module makes is handed to any function; another name only to one that adds routes to it.)
    assert.deepEqual(handed, [['group → register_rules(0)'], ['group → register_rules(0)', 'index → register_rules(0)'], ['group → register_rules(0)']]);
  });
});


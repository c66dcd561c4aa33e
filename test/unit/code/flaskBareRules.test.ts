import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('Flask: a rule written without a leading slash', function () {
  this.timeout(10_000);

  it("is joined to its blueprint's url_prefix with a slash (privacyidea's `@container_blueprint.route('init')` under /container); on an app or a blueprint of no prefix it is no route", async () => {
    const f = await joined({
      'pi/container.py': lines(
        'from flask import Blueprint, jsonify',
        '',
        "container_blueprint = Blueprint('container_blueprint', __name__)",
        '',
        "@container_blueprint.route('/', methods=['GET'])",
        'def list_containers():',
        '    return jsonify([])',
        '',
        "@container_blueprint.route('init', methods=['POST'])",
        'def init():',
        '    return jsonify(ok=True)',
        '',
        "@container_blueprint.route('<string:container_serial>/assign', methods=['POST'])",
        'def assign(container_serial):',
        '    return jsonify(ok=True)',
      ),
      'pi/own.py': lines(
        'from flask import Blueprint',
        '',
        "own = Blueprint('own', __name__, url_prefix='/own/')",
        "bare = Blueprint('bare', __name__)",
        '',
        "@own.route('stats')",
        'def stats():',
        "    return ''",
        '',
        "@bare.route('gone')",
        'def gone():',
        "    return ''",
      ),
      'pi/app.py': lines(
        'from flask import Flask',
        'from pi.container import container_blueprint',
        'from pi.own import own, bare',
        '',
        'app = Flask(__name__)',
        "app.register_blueprint(container_blueprint, url_prefix='/container')",
        'app.register_blueprint(own)',
        'app.register_blueprint(bare)',
        '',
        "@app.route('nope')",
        'def nope():',
        "    return ''",
        '',
        "app.add_url_rule('alsonope', view_func=nope)",
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/container/', 'pi/container.py', 4, 'flask'],
      ['POST', '/container/init', 'pi/container.py', 8, 'flask'],
      ['POST', '/container/<string:container_serial>/assign', 'pi/container.py', 12, 'flask'],
      ['GET', '/own/stats', 'pi/own.py', 5, 'flask'],
    ]);
  });
});

import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('Flask: request hook decorators stacked on one function', function () {
  this.timeout(10_000);

  it("each registers it (privacyidea's `@token_blueprint.before_request` over `@audit_blueprint.before_request`, then `@user_required`): on the routes of every blueprint named, not on another's", async () => {
    const f = await joined({
      'pi/api.py': lines(
        'import requests',
        'from flask import Blueprint',
        'from pi.auth import user_required',
        '',
        "token_blueprint = Blueprint('token_blueprint', __name__)",
        "audit_blueprint = Blueprint('audit_blueprint', __name__)",
        "system_blueprint = Blueprint('system_blueprint', __name__)",
        "other_blueprint = Blueprint('other_blueprint', __name__)",
        '',
        "@token_blueprint.route('/')",
        'def list_tokens():',
        "    return ''",
        '',
        "@audit_blueprint.route('/')",
        'def list_audit():',
        "    return ''",
        '',
        "@system_blueprint.route('/')",
        'def list_system():',
        "    return ''",
        '',
        "@other_blueprint.route('/')",
        'def list_other():',
        "    return ''",
        '',
        '@token_blueprint.before_request',
        '@audit_blueprint.before_request',
        '@system_blueprint.before_request',
        '@user_required',
        'def before_user_request():',
        '    requests.get("http://users/me")', // 31
      ),
      'pi/app.py': lines(
        'from flask import Flask',
        'from pi.api import token_blueprint, audit_blueprint, system_blueprint, other_blueprint',
        '',
        'app = Flask(__name__)',
        "app.register_blueprint(token_blueprint, url_prefix='/token')",
        "app.register_blueprint(audit_blueprint, url_prefix='/audit')",
        "app.register_blueprint(system_blueprint, url_prefix='/system')",
        "app.register_blueprint(other_blueprint, url_prefix='/other')",
      ),
    });
    assert.deepEqual(hazardRows(f), ['missing-timeout pi/api.py:31:5 requests.get → GET /token/, GET /audit/, GET /system/']);
  });
});

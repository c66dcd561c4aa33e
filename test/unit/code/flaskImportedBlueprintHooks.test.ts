import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('Flask: request hooks registered on a blueprint another module makes', function () {
  this.timeout(10_000);

  it("run on that blueprint's routes (privacyidea's api/before_after.py: `from .token import token_blueprint`, `@token_blueprint.before_request`), a before_app_request on all; not on another blueprint's, nor one a test registers", async () => {
    const f = await joined({
      'pi/token.py': lines(
        'from flask import Blueprint',
        '',
        "token_blueprint = Blueprint('token_blueprint', __name__)",
        '',
        "@token_blueprint.route('/')",
        'def list_tokens():',
        "    return ''",
      ),
      'pi/audit/__init__.py': lines('from flask import Blueprint', '', "audit_blueprint = Blueprint('audit_blueprint', __name__)"),
      // Routes on the blueprint imported from the module that makes it.
      'pi/audit/views.py': lines(
        'from pi.audit import audit_blueprint',
        '',
        "@audit_blueprint.route('/')",
        'def list_audit():',
        "    return ''",
      ),
      'pi/other.py': lines(
        'from flask import Blueprint',
        '',
        // A blueprint of the same variable name as one hooked, made here: not the hooked one.
        "token_blueprint = Blueprint('other_token', __name__)",
        "other_blueprint = Blueprint('other_blueprint', __name__)",
        '',
        "@token_blueprint.route('/')",
        'def other_tokens():',
        "    return ''",
        '',
        "@other_blueprint.route('/')",
        'def list_other():',
        "    return ''",
      ),
      'pi/before_after.py': lines(
        'import requests',
        'from .token import token_blueprint',
        'from pi.audit import (',
        '    audit_blueprint,',
        ')',
        'from .other import other_blueprint',
        '',
        '@token_blueprint.before_app_request',
        'def log_begin_request():',
        '    requests.get("http://log/begin")', // 10
        '',
        '@token_blueprint.before_request',
        '@audit_blueprint.before_request',
        'def before_user_request():',
        '    requests.get("http://users/me")', // 15
      ),
      'pi/app.py': lines(
        'from flask import Flask',
        'from pi.token import token_blueprint',
        'from pi.audit import audit_blueprint',
        'from pi.other import token_blueprint as other_token, other_blueprint',
        'import pi.before_after',
        '',
        'app = Flask(__name__)',
        "app.register_blueprint(token_blueprint, url_prefix='/token')",
        "app.register_blueprint(audit_blueprint, url_prefix='/audit')",
        "app.register_blueprint(other_token, url_prefix='/othertoken')",
        "app.register_blueprint(other_blueprint, url_prefix='/other')",
        '',
        "@app.route('/health')",
        'def health():',
        "    return 'ok'",
      ),
      'pi/util.py': lines('import requests', '', 'def slow():', '    requests.get("http://slow/x")'), // 4
      'tests/test_hooks.py': lines(
        'from pi.other import other_blueprint',
        'from pi.util import slow',
        '',
        '@other_blueprint.before_request',
        'def fake_user():',
        '    slow()',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout pi/before_after.py:10:5 requests.get → GET /token/, GET /audit/, GET /othertoken/, GET /other/, GET /health',
      'missing-timeout pi/before_after.py:15:5 requests.get → GET /token/, GET /audit/',
      'missing-timeout pi/util.py:4:5 requests.get → -',
    ]);
  });
});

import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe("Flask: add_url_rule's view", function () {
  this.timeout(10_000);

  it("is view_func= or the third positional, the second being the endpoint's name (searxng's `add_url_rule('/favicon_proxy', endpoint=\"favicon_proxy\", view_func=…)`); FastAPI's add_api_route still takes it second", async () => {
    const f = await joined({
      'app/main.py': lines(
        'import flask',
        'from fastapi import FastAPI',
        '',
        'app = flask.Flask(__name__)',
        'api = FastAPI()',
        '',
        'def proxy_view():',
        "    return ''",
        '',
        "app.add_url_rule('/favicon_proxy', methods=['GET'], endpoint=\"favicon_proxy\", view_func=proxy_view)",
        "app.add_url_rule('/positional', 'positional', proxy_view)",
        "app.add_url_rule('/positional2', None, proxy_view, methods=['POST'])",
        "app.add_url_rule('/kw_only', view_func=proxy_view)",
        "app.add_url_rule('/name_only', 'name_only')",
        "app.add_url_rule('/endpoint_only', endpoint='proxy_view')",
        "api.add_api_route('/api', proxy_view, methods=['PUT'])",
        "api.add_api_route('/api2', endpoint=proxy_view)",
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/favicon_proxy', 'app/main.py', 9, 'flask'],
      ['GET', '/positional', 'app/main.py', 10, 'flask'],
      ['POST', '/positional2', 'app/main.py', 11, 'flask'],
      ['GET', '/kw_only', 'app/main.py', 12, 'flask'],
      ['PUT', '/api', 'app/main.py', 15, 'fastapi'],
      ['GET', '/api2', 'app/main.py', 16, 'fastapi'],
    ]);
  });
});

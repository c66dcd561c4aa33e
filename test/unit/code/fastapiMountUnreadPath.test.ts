import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('FastAPI: an app mounted at a path that cannot be read, beside a mount of it at a written path', function () {
  this.timeout(10_000);

  const api = lines('from fastapi import FastAPI', '', 'api_app = FastAPI()', '', '@api_app.get("/version")', 'async def version():', '    return "1"');

  it("is served under the written path only (Prefect's `if BASE_PATH: app.mount(BASE_PATH.value(), app=api_app)` `else: app.mount(\"/api\", app=api_app)`), not also at the root", async () => {
    const f = await joined({
      'app/api.py': api,
      'app/main.py': lines(
        'from fastapi import FastAPI',
        'from app.api import api_app',
        'from app.settings import BASE_PATH',
        '',
        'app = FastAPI()',
        'if BASE_PATH:',
        '    app.mount(BASE_PATH.value(), app=api_app, name="api")',
        'else:',
        '    app.mount("/api", app=api_app, name="api")',
      ),
    });
    assert.deepEqual(routeRows(f), [['GET', '/api/version', 'app/api.py', 4, 'fastapi']]);
  });

  it('a mount at an unread path alone still serves the app (at its own paths), and two written paths both count', async () => {
    const alone = await joined({
      'app/api.py': api,
      'app/main.py': lines('from fastapi import FastAPI', 'from app.api import api_app', '', 'app = FastAPI()', 'app.mount(base_path(), app=api_app)'),
    });
    assert.deepEqual(routeRows(alone), [['GET', '/version', 'app/api.py', 4, 'fastapi']]);
    const both = await joined({
      'app/api.py': api,
      'app/main.py': lines('from fastapi import FastAPI', 'from app.api import api_app', '', 'app = FastAPI()', 'app.mount("/api", app=api_app)', 'app.mount("/v1", api_app)'),
    });
    assert.deepEqual(routeRows(both), [
      ['GET', '/api/version', 'app/api.py', 4, 'fastapi'],
      ['GET', '/v1/version', 'app/api.py', 4, 'fastapi'],
    ]);
  });
});

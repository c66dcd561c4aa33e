import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('FastAPI: include_router in a loop over the routers of a list or tuple', function () {
  this.timeout(10_000);

  const router = (prefix: string, path: string, fn: string): string =>
    lines('from fastapi import APIRouter', '', `router = APIRouter(prefix="${prefix}")`, '', `@router.get("${path}")`, `async def ${fn}(id: str):`, '    return id');

  it("includes each router of a module's tuple (Prefect's `for router in API_ROUTERS: api_app.include_router(router)` under `app.mount(\"/api\", api_app)`); not a router left out of it", async () => {
    const f = await joined({
      'app/api/flows.py': router('/flows', '/{id}', 'read_flow'),
      'app/api/runs.py': router('/runs', '/{id}', 'read_run'),
      'app/api/admin.py': router('/admin', '/{id}', 'read_admin'),
      'app/main.py': lines(
        'from fastapi import FastAPI',
        'from app.api import admin, flows, runs',
        '',
        'API_ROUTERS = (flows.router, runs.router)',
        '',
        'api_app = FastAPI()',
        'for router in API_ROUTERS:',
        '    api_app.include_router(router)',
        '',
        'app = FastAPI()',
        'app.mount("/api", api_app)',
        'app.include_router(admin.router)',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/admin/{id}', 'app/api/admin.py', 4, 'fastapi'],
      ['GET', '/api/flows/{id}', 'app/api/flows.py', 4, 'fastapi'],
      ['GET', '/api/runs/{id}', 'app/api/runs.py', 4, 'fastapi'],
    ]);
  });

  it('includes each router of a list written in the loop, with its prefix=', async () => {
    const f = await joined({
      'app/api/flows.py': router('/flows', '/{id}', 'read_flow'),
      'app/api/runs.py': router('/runs', '/{id}', 'read_run'),
      'app/main.py': lines(
        'from fastapi import FastAPI',
        'from app.api import flows, runs',
        '',
        'app = FastAPI()',
        'for r in [flows.router, runs.router]:',
        '    app.include_router(r, prefix="/v1")',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/v1/flows/{id}', 'app/api/flows.py', 4, 'fastapi'],
      ['GET', '/v1/runs/{id}', 'app/api/runs.py', 4, 'fastapi'],
    ]);
  });

  it('not through a tuple the module also adds to (its items are not known)', async () => {
    const f = await joined({
      'app/api/flows.py': router('/flows', '/{id}', 'read_flow'),
      'app/main.py': lines(
        'from fastapi import FastAPI',
        'from app.api import flows',
        '',
        'API_ROUTERS = (flows.router,)',
        'API_ROUTERS += extra_routers()',
        '',
        'api_app = FastAPI()',
        'for router in API_ROUTERS:',
        '    api_app.include_router(router)',
        '',
        'app = FastAPI()',
        'app.mount("/api", api_app)',
      ),
    });
    assert.deepEqual(routeRows(f), [['GET', '/flows/{id}', 'app/api/flows.py', 4, 'fastapi']]);
  });
});

import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('FastAPI: include_router of a router of a module reached through a package imported under a name', function () {
  this.timeout(10_000);

  const router = (prefix: string, path: string, fn: string): string =>
    lines('from fastapi import APIRouter', '', `router = APIRouter(prefix="${prefix}")`, '', `@router.get("${path}")`, `async def ${fn}(id: str):`, '    return id');

  it("resolves `api.flows.router` with `import app.api as api` (Prefect's `import prefect.server.api as api`), and the package's own `api.router`; not a module the package lacks", async () => {
    const f = await joined({
      'app/__init__.py': '',
      'app/api/__init__.py': lines('from fastapi import APIRouter', 'from . import flows, runs', '', 'router = APIRouter(prefix="/root")', '', '@router.get("/ping")', 'async def ping():', '    return 1'),
      'app/api/flows.py': router('/flows', '/{id}', 'read_flow'),
      'app/api/runs.py': router('/runs', '/{id}', 'read_run'),
      'app/main.py': lines(
        'from fastapi import FastAPI',
        'import app.api as api',
        '',
        'api_app = FastAPI()',
        'api_app.include_router(api.flows.router)',
        'api_app.include_router(api.router)',
        'api_app.include_router(api.missing.router)',
        '',
        'app = FastAPI()',
        'app.mount("/api", api_app)',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/root/ping', 'app/api/__init__.py', 5, 'fastapi'],
      ['GET', '/api/flows/{id}', 'app/api/flows.py', 4, 'fastapi'],
      ['GET', '/runs/{id}', 'app/api/runs.py', 4, 'fastapi'],
    ]);
  });
});

import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('FastAPI: a router prefix given by a parameter of the factory that makes the router', function () {
  this.timeout(10_000);

  it("fides' `router = APIRouter(prefix=f\"{API_PREFIX}/{model_type}\")` in `def generic_router_factory(model_type)`: each call's own, so no route rather than all at `/api/v1/`; a parameter's string default is its value, and a namesake router of another function keeps its own prefix; a module constant alone still reads", async () => {
    const f = await joined({
      'app/main.py': lines(
        'from fastapi import APIRouter, FastAPI',
        '',
        'API_PREFIX = "/api/v1"',
        '',
        'def generic_router_factory(model_type: str) -> APIRouter:',
        '    router = APIRouter(prefix=f"{API_PREFIX}/{model_type}")',
        '    @router.get("/")',
        '    async def list_all():',
        '        return []',
        '    return router',
        '',
        'def named_router_factory(prefix) -> APIRouter:',
        '    router = APIRouter(prefix=prefix)',
        '    @router.get("/named")',
        '    async def named():',
        '        return []',
        '    return router',
        '',
        'def health_router_factory(section: str = "health") -> APIRouter:',
        '    router = APIRouter(prefix=f"{API_PREFIX}/{section}")',
        '    @router.get("/live")', // 20
        '    async def live():',
        '        return {}',
        '    return router',
        '',
        'def status_router_factory() -> APIRouter:',
        '    status_router = APIRouter(prefix=f"{API_PREFIX}/status")',
        '    @status_router.get("")', // 27
        '    async def status():',
        '        return {}',
        '    return status_router',
        '',
        'app = FastAPI()',
        'app.include_router(generic_router_factory(model_type="dataset"))',
        'app.include_router(generic_router_factory(model_type="policy"))',
        'app.include_router(named_router_factory("/x"))',
        'app.include_router(health_router_factory())',
        'app.include_router(status_router_factory())',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/v1/health/live', 'app/main.py', 20, 'fastapi'],
      ['GET', '/api/v1/status', 'app/main.py', 27, 'fastapi'],
    ]);
  });
});

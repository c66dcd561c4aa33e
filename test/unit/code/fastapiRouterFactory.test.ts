import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('FastAPI: a router made in the call that hands it to a function which includes routers on it and returns it', function () {
  this.timeout(10_000);

  it("serves what the function includes under each router it is handed (fief's `include_routers(APIRouter())` and `include_routers(APIRouter(prefix=\"/{tenant_slug}\"))`); not through a function that returns another router", async () => {
    const f = await joined({
      'auth/auth_routes.py': lines(
        'from fastapi import APIRouter',
        '',
        'router = APIRouter()',
        '',
        '@router.get("/authorize")',
        'async def authorize():',
        '    return {}',
      ),
      'auth/token_routes.py': lines(
        'from fastapi import APIRouter',
        '',
        'router = APIRouter()',
        '',
        '@router.post("/token")',
        'async def token():',
        '    return {}',
      ),
      'auth/admin_routes.py': lines(
        'from fastapi import APIRouter',
        '',
        'router = APIRouter()',
        '',
        '@router.get("/users")',
        'async def users():',
        '    return {}',
      ),
      'auth/other_routes.py': lines(
        'from fastapi import APIRouter',
        '',
        'router = APIRouter()',
        '',
        '@router.get("/other")',
        'async def other():',
        '    return {}',
      ),
      'auth/app.py': lines(
        'from fastapi import APIRouter, FastAPI',
        '',
        'from auth.auth_routes import router as auth_router',
        'from auth.token_routes import router as token_router',
        'from auth.admin_routes import router as admin_router',
        'from auth.other_routes import router as other_router',
        '',
        '',
        'def include_routers(router: APIRouter) -> APIRouter:',
        '    router.include_router(auth_router, include_in_schema=False)',
        '    router.include_router(token_router, prefix="/api")',
        '',
        '    return router',
        '',
        '',
        'def include_admin(router):',
        '    router.include_router(admin_router)',
        '    return router',
        '',
        '',
        'def include_other(router):',
        '    router.include_router(other_router)',
        '    return APIRouter()',
        '',
        '',
        'default_tenant_router = include_routers(APIRouter())',
        'tenant_router = include_routers(APIRouter(prefix="/{tenant_slug}"))',
        'admin = include_admin(APIRouter(prefix="/admin"))',
        'elsewhere = include_other(APIRouter(prefix="/nope"))',
        '',
        'app = FastAPI()',
        'app.include_router(default_tenant_router)',
        'app.include_router(tenant_router)',
        'app.include_router(admin)',
        'app.include_router(elsewhere)',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/admin/users', 'auth/admin_routes.py', 4, 'fastapi'],
      ['GET', '/{tenant_slug}/authorize', 'auth/auth_routes.py', 4, 'fastapi'],
      ['GET', '/authorize', 'auth/auth_routes.py', 4, 'fastapi'],
      ['GET', '/other', 'auth/other_routes.py', 4, 'fastapi'],
      ['POST', '/{tenant_slug}/api/token', 'auth/token_routes.py', 4, 'fastapi'],
      ['POST', '/api/token', 'auth/token_routes.py', 4, 'fastapi'],
    ]);
  });
});

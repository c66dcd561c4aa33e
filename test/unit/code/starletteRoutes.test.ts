import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Starlette: routing tables, mounts and endpoints', () => {
  it('Route in Starlette(routes=…), nested Mount and Router, a Mount of another module\'s table, HTTPEndpoint classes by their methods', async () => {
    const f = await joined({
      'app/users.py': lines(
        'from starlette.endpoints import HTTPEndpoint',
        'from starlette.responses import JSONResponse',
        'from starlette.routing import Route',
        'from app.db import database',
        'class UserList(HTTPEndpoint):',
        '    async def get(self, request):',
        '        return JSONResponse(await database.fetch_all("SELECT id, name FROM users"))',
        '    async def post(self, request):',
        '        return JSONResponse({})',
        'async def login(request):',
        '    return JSONResponse({})',
        'routes = [',
        '    Route("/", endpoint=UserList),',
        '    Route("/login", login, methods=["POST"]),',
        ']',
      ),
      'app/main.py': lines(
        'from starlette.applications import Starlette',
        'from starlette.routing import Mount, Route, Router, WebSocketRoute',
        'from starlette.staticfiles import StaticFiles',
        'from app import users',
        'async def homepage(request):',
        '    return PlainTextResponse("hi")',
        'async def get_order(request):',
        '    return JSONResponse({})',
        'async def ws(websocket):',
        '    await websocket.accept()',
        'app = Starlette(routes=[',
        '    Route("/", homepage),',
        '    Mount("/api/v1", routes=[',
        '        Route("/orders/{order_id:int}", get_order, methods=["GET", "DELETE"]),',
        '        Mount("/users", routes=users.routes),',
        '        Mount("/admin", app=Router([Route("/stats", homepage)])),',
        '    ]),',
        '    WebSocketRoute("/ws", ws),',
        '    Mount("/static", app=StaticFiles(directory="static")),',
        '])',
      ),
      // Not Starlette's: a `Route` class of another library.
      'other/geo.py': lines('from maps import Route', 'def plan():', '    return Route("/a/b", shortest)'),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/', 'app/main.py', 11, 'starlette'],
      ['DELETE', '/api/v1/orders/{order_id:int}', 'app/main.py', 13, 'starlette'],
      ['GET', '/api/v1/orders/{order_id:int}', 'app/main.py', 13, 'starlette'],
      ['GET', '/api/v1/admin/stats', 'app/main.py', 15, 'starlette'],
      ['GET', '/api/v1/users/', 'app/users.py', 12, 'starlette'],
      ['POST', '/api/v1/users/', 'app/users.py', 12, 'starlette'],
      ['POST', '/api/v1/users/login', 'app/users.py', 13, 'starlette'],
    ]);
    assert.deepEqual(hazardRows(f), ['unbounded-query app/users.py:7:35 database.fetch_all → GET /api/v1/users/']);
  });

  it('add_route on a Starlette app (the path first, its methods) and on a FastAPI app; not aiohttp\'s, whose add_route starts with the method', async () => {
    const f = await joined({
      'svc/main.py': lines(
        'from fastapi import FastAPI',
        'from starlette_exporter import handle_metrics',
        'app = FastAPI()',
        'app.add_route("/metrics", handle_metrics)',
      ),
      'web/app.py': lines(
        'from starlette.applications import Starlette',
        'async def purge(request):',
        '    return None',
        'app = Starlette()',
        'app.add_route("/purge", purge, methods=["POST", "DELETE"])',
      ),
      'legacy/routes.py': lines('from aiohttp import web', 'def setup(app):', "    app.router.add_route('GET', '/old', handler)"),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/old', 'legacy/routes.py', 2, 'aiohttp'],
      ['GET', '/metrics', 'svc/main.py', 3, 'fastapi'],
      ['DELETE', '/purge', 'web/app.py', 4, 'starlette'],
      ['POST', '/purge', 'web/app.py', 4, 'starlette'],
    ]);
  });

  it('a FastAPI app mounted on another by keyword (dispatch: app.mount("/api/v1", app=api)) serves its included routers under the mount', async () => {
    const f = await joined({
      'src/dispatch/api.py': lines('from fastapi import APIRouter', 'api_router = APIRouter()', '@api_router.get("/{organization}/ai")', 'def ai(organization: str):', '    return {}'),
      'src/dispatch/main.py': lines(
        'from fastapi import FastAPI',
        'from starlette.staticfiles import StaticFiles',
        'from .api import api_router',
        'app = FastAPI()',
        'frontend = FastAPI()',
        'api = FastAPI()',
        'api.include_router(api_router)',
        'frontend.mount("/", StaticFiles(directory="static"), name="app")',
        'app.mount("/api/v1", app=api)',
        'app.mount("/", app=frontend)',
      ),
    });
    assert.deepEqual(routeRows(f), [['GET', '/api/v1/{organization}/ai', 'src/dispatch/api.py', 2, 'fastapi']]);
  });
});

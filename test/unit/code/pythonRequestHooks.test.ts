import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('Python: what an app runs on every request besides the handler', function () {
  this.timeout(10_000);

  it("Flask: the app's before_request and after_request hooks (decorated or registered), a blueprint's own on its routes, a blueprint's before_app_request on all; not one under if DEBUG", async () => {
    const f = await joined({
      'shop/app.py': lines(
        'import requests',
        'from flask import Flask, g',
        'from shop.views import bp',
        '',
        'app = Flask(__name__)',
        '',
        '@app.before_request',
        'def load_user():',
        '    g.user = requests.get("http://users/me")', // 9
        '',
        'def track(response):',
        '    requests.post("http://tracker/hit")', // 12
        '    return response',
        '',
        'app.after_request(track)',
        '',
        'if app.debug:',
        '    app.before_request(profile)',
        '',
        'def profile():',
        '    requests.get("http://profiler/start")', // 21
        '',
        'app.register_blueprint(bp, url_prefix="/admin")',
        '',
        '@app.route("/health")',
        'def health():',
        '    return "ok"',
      ),
      'shop/views.py': lines(
        'import requests',
        'from flask import Blueprint',
        '',
        'bp = Blueprint("admin", __name__)',
        'other = Blueprint("other", __name__)',
        '',
        '@bp.before_request',
        'def require_admin():',
        '    requests.get("http://admin/check")', // 9
        '',
        '@other.before_app_request',
        'def count():',
        '    requests.get("http://counter/hit")', // 13
        '',
        '@bp.route("/stats")',
        'def stats():',
        '    return "{}"',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout shop/app.py:12:5 requests.post → GET /health, GET /admin/stats',
      'missing-timeout shop/app.py:21:5 requests.get → -',
      'missing-timeout shop/app.py:9:14 requests.get → GET /health, GET /admin/stats',
      'missing-timeout shop/views.py:13:5 requests.get → GET /health, GET /admin/stats',
      'missing-timeout shop/views.py:9:5 requests.get → GET /admin/stats',
    ]);
  });

  it("a service's second app keeps its hooks to itself; not a blueprint imported under a name like an app's; class-based views too; CRLF files", async () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const f = await joined({
      'site/public.py': crlf(
        lines(
          'import requests',
          'from flask import Flask',
          'from flask.views import MethodView',
          '',
          'app = Flask(__name__)',
          '',
          '@app.before_request',
          'def visit():',
          '    requests.post("http://visits/hit")', // 9
          '',
          'class Items(MethodView):',
          '    def get(self):',
          '        return "[]"',
          '',
          'app.add_url_rule("/items", view_func=Items.as_view("items"))',
          '',
          '@app.route("/home")',
          'def home():',
          '    return "ok"',
        ),
      ),
      'site/admin.py': lines(
        'import requests',
        'from flask import Flask',
        '',
        'admin_app = Flask("admin")',
        '',
        '@admin_app.before_request',
        'def require_admin():',
        '    requests.get("http://admin/check")', // 8
        '',
        '@admin_app.route("/adm")',
        'def adm():',
        '    return "ok"',
      ),
      'site/api_views.py': lines(
        'import requests',
        'from site.blueprints import api',
        '',
        '@api.before_request',
        'def api_key():',
        '    requests.get("http://keys/check")', // 6: the blueprint's, whose routes are elsewhere
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout site/admin.py:8:5 requests.get → GET /adm',
      'missing-timeout site/api_views.py:6:5 requests.get → -',
      'missing-timeout site/public.py:9:5 requests.post → GET /home, GET /items',
    ]);
  });

  it('FastAPI: middleware classes added to the app (their dispatch), @app.middleware("http") functions', async () => {
    const f = await joined({
      'api/mw.py': lines(
        'import requests',
        'from starlette.middleware.base import BaseHTTPMiddleware',
        '',
        'class AuthMiddleware(BaseHTTPMiddleware):',
        '    async def dispatch(self, request, call_next):',
        '        requests.get("http://auth/verify")', // 6
        '        return await call_next(request)',
      ),
      'api/main.py': lines(
        'import requests',
        'from fastapi import FastAPI, Request',
        'from api.mw import AuthMiddleware',
        '',
        'app = FastAPI()',
        'app.add_middleware(AuthMiddleware, secret="x")',
        '',
        '@app.middleware("http")',
        'async def timing(request: Request, call_next):',
        '    requests.post("http://metrics/push")', // 10
        '    return await call_next(request)',
        '',
        '@app.get("/items")',
        'async def items():',
        '    return []',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'blocking-call api/main.py:10:5 requests.post → GET /items',
      'blocking-call api/mw.py:6:9 requests.get → GET /items',
      'missing-timeout api/main.py:10:5 requests.post → GET /items',
      'missing-timeout api/mw.py:6:9 requests.get → GET /items',
    ]);
  });

  it('Starlette and FastAPI: middleware given as the app is made (middleware=[Middleware(…)], also a list kept in a variable); not a Mount’s own', async () => {
    const f = await joined({
      'svc/mw.py': lines(
        'import requests',
        'from starlette.middleware.base import BaseHTTPMiddleware',
        'class AdminOnly(BaseHTTPMiddleware):',
        '    async def dispatch(self, request, call_next):',
        '        requests.get("http://admin/check")', // 5
        '        return await call_next(request)',
        'class AuthMiddleware(BaseHTTPMiddleware):',
        '    async def dispatch(self, request, call_next):',
        '        requests.get("http://auth/verify")', // 9
        '        return await call_next(request)',
        'class AuditMiddleware:',
        '    def __init__(self, app):',
        '        self.app = app',
        '    async def __call__(self, scope, receive, send):',
        '        requests.post("http://audit/seen")', // 15
        '        await self.app(scope, receive, send)',
      ),
      'svc/app.py': lines(
        'from starlette.applications import Starlette',
        'from starlette.middleware import Middleware',
        'from starlette.responses import JSONResponse',
        'from starlette.routing import Route',
        'from svc.mw import AuthMiddleware',
        '',
        'async def items(request):',
        '    return JSONResponse([])',
        '',
        'app = Starlette(',
        '    routes=[Route("/items", items), Mount("/admin", routes=[], middleware=[Middleware(AdminOnly)])],',
        '    middleware=[Middleware(AuthMiddleware, secret="x")],',
        ')',
      ),
      'api/main.py': lines(
        'from fastapi import FastAPI',
        'from fastapi.middleware import Middleware',
        'from svc.mw import AuditMiddleware',
        '',
        'middleware = [',
        '    Middleware(AuditMiddleware),',
        ']',
        'app = FastAPI(middleware=middleware)',
        '',
        '@app.get("/orders")',
        'async def orders():',
        '    return []',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'blocking-call svc/mw.py:15:9 requests.post → GET /orders',
      'blocking-call svc/mw.py:5:9 requests.get → -',
      'blocking-call svc/mw.py:9:9 requests.get → GET /items',
      'missing-timeout svc/mw.py:15:9 requests.post → GET /orders',
      'missing-timeout svc/mw.py:5:9 requests.get → -',
      'missing-timeout svc/mw.py:9:9 requests.get → GET /items',
    ]);
  });
});

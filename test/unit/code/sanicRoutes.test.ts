import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Sanic: decorators, blueprints, add_route and HTTPMethodView', () => {
  it('@app.get and @bp.route labelled Sanic under the blueprint prefix, app.blueprint(url_prefix=…) replacing it, add_route with the handler first, a view class by its methods', async () => {
    const f = await joined({
      'app/server.py': lines(
        'from sanic import Sanic, Blueprint',
        'from sanic.response import json',
        'from sanic.views import HTTPMethodView',
        'from app.storage import db',
        'app = Sanic("shop")',
        'bp = Blueprint("orders", url_prefix="/orders")',
        'admin = Blueprint("admin", url_prefix="/admin")',
        '@app.get("/health")',
        'async def health(request):',
        '    return json({})',
        '@bp.route("/<order_id:int>", methods=["GET", "DELETE"])',
        'async def order(request, order_id):',
        '    return json({})',
        '@admin.post("/purge")',
        'async def purge(request):',
        '    for table in request.json["tables"]:',
        '        await db.execute(f"DELETE FROM {table}")',
        '    return json({})',
        'class CartView(HTTPMethodView):',
        '    async def get(self, request):',
        '        return json({})',
        '    async def put(self, request):',
        '        return json({})',
        'async def legacy(request):',
        '    return json({})',
        'app.blueprint(bp)',
        'app.blueprint(admin, url_prefix="/ops")',
        'app.add_route(CartView.as_view(), "/cart")',
        'app.add_route(legacy, "/legacy", methods=["POST"])',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/health', 'app/server.py', 7, 'sanic'],
      ['DELETE', '/orders/<order_id:int>', 'app/server.py', 10, 'sanic'],
      ['GET', '/orders/<order_id:int>', 'app/server.py', 10, 'sanic'],
      ['POST', '/ops/purge', 'app/server.py', 13, 'sanic'],
      ['GET', '/cart', 'app/server.py', 27, 'sanic'],
      ['PUT', '/cart', 'app/server.py', 27, 'sanic'],
      ['POST', '/legacy', 'app/server.py', 28, 'sanic'],
    ]);
    assert.deepEqual(hazardRows(f), ['query-in-loop app/server.py:17:15 db.execute [for sequential] → POST /ops/purge']);
  });

  it('a blueprint\'s version (/v1 before its url_prefix), Blueprint.group\'s prefix and version before each member\'s own', async () => {
    const f = await joined({
      'app/api.py': lines(
        'from sanic import Blueprint',
        'from sanic.response import json',
        'orders = Blueprint("orders", url_prefix="/orders", version=1)',
        'users = Blueprint("users", url_prefix="/users")',
        '@orders.get("/<order_id:int>")',
        'async def order(request, order_id):',
        '    return json({})',
        '@users.get("/me")',
        'async def me(request):',
        '    return json({})',
        'api = Blueprint.group(users, url_prefix="/api", version=2)',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/v1/orders/<order_id:int>', 'app/api.py', 4, 'sanic'],
      ['GET', '/v2/api/users/me', 'app/api.py', 7, 'sanic'],
    ]);
  });
});

import { strict as assert } from 'node:assert';
import { handledRows, hazardRows, joined, lines, routeRows, sortedRouteRows } from './fixtureWorkspace';

describe('aiohttp: router methods, route definitions, route tables and sub-applications', () => {
  it('add_get/add_post/add_route (also by alias)/add_view, web.get in add_routes, a RouteTableDef added elsewhere, a sub-application under its prefix', async () => {
    const f = await joined({
      'shop/routes.py': lines(
        'from shop.views import index, poll, vote, SiteHandler, PollView',
        'def setup_routes(app, handler: SiteHandler):',
        "    app.router.add_get('/', index, name='index')",
        "    app.router.add_get('/poll/{question_id:\\d+}', poll)",
        "    app.router.add_post('/poll/{question_id}/vote', vote)",
        '    add_route = app.router.add_route',
        "    add_route('*', '/graphql', GraphQLView(), name='graphql')",
        "    add_route('PATCH', '/profile', handler.update)",
        "    app.router.add_view('/polls', PollView)",
        "    app.router.add_static('/static/', 'static')",
      ),
      'shop/views.py': lines(
        'from aiohttp import web',
        'async def index(request):',
        '    return web.Response()',
        'async def poll(request):',
        '    return web.Response()',
        'async def vote(request):',
        '    async with request.app["db"].acquire() as conn:',
        '        for choice in (await request.post()).getall("choice"):',
        '            await conn.execute("UPDATE choice SET votes = votes + 1 WHERE id = $1", choice)',
        '    return web.Response()',
        'class PollView(web.View):',
        '    async def get(self):',
        '        return web.Response()',
        '    async def delete(self):',
        '        return web.Response()',
      ),
      'shop/api.py': lines(
        'from aiohttp import web',
        'routes = web.RouteTableDef()',
        "@routes.get('/orders/{id}')",
        'async def order(request):',
        '    return web.json_response({})',
        "@routes.view('/carts')",
        'class CartView(web.View):',
        '    async def post(self):',
        '        return web.json_response({})',
      ),
      'shop/main.py': lines(
        'from aiohttp import web',
        'from shop.api import routes',
        'from shop.routes import setup_routes',
        'from shop.views import PollView',
        'async def health(request):',
        '    return web.Response(text="ok")',
        'def make_app():',
        '    app = web.Application()',
        '    setup_routes(app, None)',
        '    api = web.Application()',
        '    api.add_routes(routes)',
        "    api.add_routes([web.get('/status', health), web.route('DELETE', '/cache', health), web.view('/old-polls', PollView)])",
        "    app.add_subapp('/api/v1/', api)",
        '    return app',
      ),
      // Not aiohttp's: Starlette's add_route starts with the path; a `requests.get` is a client call.
      'tools/other.py': lines('import requests', 'def run(app):', "    app.add_route('/x', endpoint)", "    requests.get('/y', timeout=3)"),
    });
    assert.deepEqual(routeRows(f), sortedRouteRows([
      ['GET', '/api/v1/status', 'shop/main.py', 11, 'aiohttp'],
      ['DELETE', '/api/v1/cache', 'shop/main.py', 11, 'aiohttp'],
      ['GET', '/api/v1/old-polls', 'shop/main.py', 11, 'aiohttp'],
      ['DELETE', '/api/v1/old-polls', 'shop/main.py', 11, 'aiohttp'],
      ['GET', '/', 'shop/routes.py', 2, 'aiohttp'],
      ['GET', '/poll/{question_id}', 'shop/routes.py', 3, 'aiohttp'],
      ['POST', '/poll/{question_id}/vote', 'shop/routes.py', 4, 'aiohttp'],
      ['ANY', '/graphql', 'shop/routes.py', 6, 'aiohttp'],
      ['PATCH', '/profile', 'shop/routes.py', 7, 'aiohttp'],
      ['DELETE', '/polls', 'shop/routes.py', 8, 'aiohttp'],
      ['GET', '/polls', 'shop/routes.py', 8, 'aiohttp'],
      ['GET', '/api/v1/orders/{id}', 'shop/api.py', 2, 'aiohttp'],
      ['POST', '/api/v1/carts', 'shop/api.py', 5, 'aiohttp'],
    ]));
    assert.deepEqual(hazardRows(f), ['query-in-loop shop/views.py:9:19 conn.execute [for sequential] → POST /poll/{question_id}/vote']);
    assert.ok(handledRows(f).includes('shop/views.py:5 POST /poll/{question_id}/vote'), handledRows(f).join('\n'));
  });

  it('a SQLAlchemy session named sess runs a query per iteration; a requests session named sess is no database', async () => {
    const f = await joined({
      'polls/views.py': lines(
        'import requests',
        'from aiohttp import web',
        'from sqlalchemy import update',
        'routes = web.RouteTableDef()',
        "@routes.post('/votes')",
        'async def vote(request):',
        '    async with request.app["db"]() as sess:',
        '        for choice_id in (await request.json())["choices"]:',
        '            await sess.execute(update(Choice).where(Choice.id == choice_id).values(votes=Choice.votes + 1))',
        '    return web.json_response({})',
        'def mirror(urls):',
        '    sess = requests.Session()',
        '    for url in urls:',
        '        sess.get(url, timeout=5)',
      ),
    });
    // `sess.get(url)` is no query: a call of requests' (the name is declared a `requests.Session()` in the file), one
    // per URL; the declaration does not make the other function's `sess` an HTTP session.
    assert.deepEqual(hazardRows(f), ['call-in-loop polls/views.py:14:9 sess.get [for sequential] → -', 'query-in-loop polls/views.py:9:19 sess.execute [for sequential] → POST /votes']);
  });
});

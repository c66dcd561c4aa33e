import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Litestar: handler decorators, controllers and routers', () => {
  it('@get/@post/@route on functions and Controller methods under the controller\'s path, a Router\'s path from another file; FastAPI-like decorators of other files untouched', async () => {
    const f = await joined({
      'app/orders.py': lines(
        'from litestar import Controller, get, route',
        'from litestar.enums import HttpMethod',
        'class OrderController(Controller):',
        '    path = "/orders"',
        '    @get()',
        '    async def list_orders(self) -> list:',
        '        return []',
        '    @get("/{order_id:int}")',
        '    async def get_order(self, order_id: int) -> dict:',
        '        return {}',
        '    @route(["/{order_id:int}/cancel", "/{order_id:int}/void"], http_method=[HttpMethod.POST, HttpMethod.PUT])',
        '    async def cancel(self, order_id: int, data: dict, db_session: AsyncSession) -> None:',
        '        for line_id in data["lines"]:',
        '            await db_session.get(OrderLine, line_id)',
      ),
      'app/items.py': lines('from litestar import post', '@post("/items")', 'async def create_item(data: dict) -> dict:', '    return data'),
      'app/main.py': lines(
        'from litestar import Litestar, Router, get',
        'from app.orders import OrderController',
        'from app.items import create_item',
        '@get("/health")',
        'async def health() -> str:',
        '    return "ok"',
        'api = Router(path="/api/v1", route_handlers=[OrderController, create_item])',
        'app = Litestar(route_handlers=[api, health])',
      ),
      // Not Litestar's: a module of its own `get` decorator.
      'other/cache.py': lines('from mylib import get', '@get("/not-a-route")', 'def cached():', '    return 1'),
    });
    assert.deepEqual(routeRows(f), [
      ['POST', '/api/v1/items', 'app/items.py', 1, 'litestar'],
      ['GET', '/health', 'app/main.py', 3, 'litestar'],
      ['GET', '/api/v1/orders', 'app/orders.py', 4, 'litestar'],
      ['GET', '/api/v1/orders/{order_id:int}', 'app/orders.py', 7, 'litestar'],
      ['POST', '/api/v1/orders/{order_id:int}/cancel', 'app/orders.py', 10, 'litestar'],
      ['POST', '/api/v1/orders/{order_id:int}/void', 'app/orders.py', 10, 'litestar'],
      ['PUT', '/api/v1/orders/{order_id:int}/cancel', 'app/orders.py', 10, 'litestar'],
      ['PUT', '/api/v1/orders/{order_id:int}/void', 'app/orders.py', 10, 'litestar'],
    ]);
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/orders.py:14:19 db_session.get [for sequential] → POST /api/v1/orders/{order_id:int}/cancel, PUT /api/v1/orders/{order_id:int}/cancel, POST /api/v1/orders/{order_id:int}/void, PUT /api/v1/orders/{order_id:int}/void',
    ]);
  });
});

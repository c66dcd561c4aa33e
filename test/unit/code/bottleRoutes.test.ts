import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Bottle: route decorators', () => {
  it('@route with method= (one or a list), @get/@post, an app\'s @app.route; not read as Flask\'s (which names them methods=)', async () => {
    const f = await joined({
      'shop/app.py': lines(
        'import psycopg2',
        'from bottle import Bottle, get, post, route',
        'app = Bottle()',
        "@route('/hello/<name>')",
        'def hello(name):',
        '    return name',
        "@route('/orders', method=['GET', 'POST'])",
        'def orders():',
        '    return []',
        "@get('/items/<id:int>')",
        'def item(id):',
        '    return {}',
        "@post('/items')",
        'def create():',
        '    db = psycopg2.connect("dbname=shop").cursor()',
        '    for line in request.json["lines"]:',
        '        db.execute("INSERT INTO items (sku) VALUES (?)", (line,))',
        "@app.route('/admin', method='DELETE')",
        'def purge():',
        '    return {}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/hello/<name>', 'shop/app.py', 3, 'bottle'],
      ['GET', '/orders', 'shop/app.py', 6, 'bottle'],
      ['POST', '/orders', 'shop/app.py', 6, 'bottle'],
      ['GET', '/items/<id:int>', 'shop/app.py', 9, 'bottle'],
      ['POST', '/items', 'shop/app.py', 12, 'bottle'],
      ['DELETE', '/admin', 'shop/app.py', 17, 'bottle'],
    ]);
    assert.deepEqual(hazardRows(f), ['query-in-loop shop/app.py:17:9 db.execute [for sequential] → POST /items']);
  });
});

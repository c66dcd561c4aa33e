import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('hapi: route objects and plugins under a prefix', () => {
  it('server.route with one object or an array, the handler in options, any method; plugins registered with routes.prefix from another file', async () => {
    const f = await joined({
      'src/server.js': lines(
        "'use strict';",
        "const Hapi = require('@hapi/hapi');",
        "const users = require('./users');",
        'const init = async () => {',
        '  const server = Hapi.server({ port: 3000 });',
        "  server.route({ method: 'GET', path: '/health', handler: (request, h) => 'ok' });",
        '  server.route([',
        "    { method: ['PUT', 'POST'], path: '/items/{id}', options: { auth: false, handler: async (request, h) => {",
        "      for (const sku of request.payload.skus) await fetch('http://stock/' + sku, { signal: AbortSignal.timeout(500) });",
        '      return h.response().code(204);',
        '    } } },',
        "    { method: 'GET', path: '/items', config: { handler: listItems } },",
        '  ]);',
        "  await server.register({ plugin: users, routes: { prefix: '/api/users' } });",
        "  await server.register(require('./orders'), { routes: { prefix: '/api/orders' } });",
        '  await server.start();',
        '};',
        'async function listItems(request, h) { return []; }',
        'init();',
      ),
      'src/users.js': lines(
        'exports.plugin = {',
        "  name: 'users',",
        '  register: async (server, options) => {',
        "    server.route({ method: 'GET', path: '/{id}', handler: async (request, h) => db.query('SELECT * FROM users WHERE id = $1', [request.params.id]) });",
        '  },',
        '};',
      ),
      'src/orders.js': lines(
        'module.exports = {',
        "  name: 'orders',",
        '  async register(server) {',
        "    server.route({ method: '*', path: '/', handler: list });",
        '  },',
        '};',
        "async function list(request, h) { return db.query('SELECT * FROM orders'); }",
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['ANY', '/api/orders', 'src/orders.js', 3, 'hapi'],
      ['GET', '/health', 'src/server.js', 5, 'hapi'],
      ['GET', '/items', 'src/server.js', 6, 'hapi'],
      ['POST', '/items/{id}', 'src/server.js', 6, 'hapi'],
      ['PUT', '/items/{id}', 'src/server.js', 6, 'hapi'],
      ['GET', '/api/users/{id}', 'src/users.js', 3, 'hapi'],
    ]);
    assert.deepEqual(hazardRows(f), [
      'call-in-loop src/server.js:9:53 fetch [for…of sequential] → PUT /items/{id}, POST /items/{id}',
      'unbounded-query src/orders.js:7:42 db.query → ANY /api/orders',
    ]);
  });

  it('a plugin file with Fastify\'s route object is still Fastify\'s', async () => {
    const f = await joined({
      'src/plugin.js': lines(
        'module.exports = async function routes(fastify) {',
        "  fastify.route({ method: 'GET', url: '/ping', handler: async () => 'pong' });",
        '};',
      ),
    });
    assert.deepEqual(routeRows(f), [['GET', '/ping', 'src/plugin.js', 1, 'fastify']]);
  });

  it('routes kept as data: a module\'s top-level list of route objects registered elsewhere; a client\'s table of endpoints (no handler) is none', async () => {
    const f = await joined({
      'api/devices/routes.js': lines(
        "const Devices = require('./devicesRoute');",
        'module.exports = [',
        "  { method: 'POST', path: '/devices/insert', config: Devices.insert },",
        "  { method: 'GET', path: '/devices/{id}', handler: getDevice },",
        "  { method: ['PUT', 'PATCH'], path: '/devices/{id}', options: { handler: async (request, h) => {",
        "    for (const tag of request.payload.tags) await db.query('INSERT INTO tags (name) VALUES ($1)', [tag]);",
        '    return h.response().code(204);',
        '  } } },',
        '];',
        'async function getDevice(request, h) { return {}; }',
      ),
      'api/server.js': lines("const Hapi = require('@hapi/hapi');", "const Routes = require('./devices/routes');", 'const server = Hapi.server();', 'server.route(Routes);'),
      'web/src/endpoints.js': lines('export default [', "  { method: 'GET', path: '/devices/{id}', label: 'Device' },", '];'),
    });
    assert.deepEqual(routeRows(f), [
      ['POST', '/devices/insert', 'api/devices/routes.js', 2, 'hapi'],
      ['GET', '/devices/{id}', 'api/devices/routes.js', 3, 'hapi'],
      ['PATCH', '/devices/{id}', 'api/devices/routes.js', 4, 'hapi'],
      ['PUT', '/devices/{id}', 'api/devices/routes.js', 4, 'hapi'],
    ]);
    assert.deepEqual(hazardRows(f), ['query-in-loop api/devices/routes.js:6:51 db.query [for…of sequential] → PUT /devices/{id}, PATCH /devices/{id}']);
  });
});


import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('code analysis: Express middleware registered with use() runs before the routes after it', function () {
  this.timeout(10_000);

  const loop = (table: string) => [`  for (const k of Object.keys(req.body ?? {})) {`, `    await pool.query('INSERT INTO ${table} (k) VALUES ($1)', [k]);`, '  }'];

  it('on the app (every route registered after it, also of routers mounted after it), with a prefix, on a router; not one registered after the routes; what a factory returns', async () => {
    const f = await joined({
      'src/db.js': lines("const { Pool } = require('pg');", 'exports.pool = new Pool();'),
      'src/auth.js': lines(
        "const { pool } = require('./db');",
        'async function loadUser(req, res, next) {',
        ...loop('seen'), // 3-5
        '  next();',
        '}',
        'function requireTenant(name) {', // 8: a factory
        '  return async (req, res, next) => {',
        ...loop('tenants'), // 10-12
        '    next();',
        '  };',
        '}',
        'module.exports = { loadUser, requireTenant };',
      ),
      'src/audit.js': lines("const { pool } = require('./db');", 'exports.audit = async function audit(req, res, next) {', ...loop('audit'), '  next();', '};'),
      'src/orders.js': lines(
        "const express = require('express');",
        "const { pool } = require('./db');",
        'const router = express.Router();',
        'async function checkOwner(req, res, next) {', // 4
        ...loop('owner_checks'), // 5-7
        '  next();',
        '}',
        'router.use(checkOwner);',
        "router.get('/', async (req, res) => res.json([]));",
        "router.get('/:id', async (req, res) => res.json({}));",
        'module.exports = router;',
      ),
      'src/app.js': lines(
        "const express = require('express');",
        "const { pool } = require('./db');",
        "const { loadUser, requireTenant } = require('./auth');",
        "const { audit } = require('./audit');",
        "const orders = require('./orders');",
        'const app = express();',
        "app.get('/early', (req, res) => res.send('before any middleware'));", // 7
        'app.use(express.json());',
        'app.use(loadUser);',
        "app.get('/health', (req, res) => res.send('ok'));",
        "app.use(requireTenant('acme'));",
        "app.use('/orders', audit, orders);",
        'app.use(rateLimit({ windowMs: 1000 }));',
        'async function notFound(req, res) {', // 13
        ...loop('misses'), // 14-16
        '  res.status(404).end();',
        '}',
        'app.use(notFound);',
        'app.listen(3000);',
      ),
    });
    const rows = hazardRows(f).filter((r) => r.startsWith('query-in-loop'));
    assert.deepEqual(rows, [
      'query-in-loop src/app.js:16:11 pool.query [for…of sequential] → -',
      'query-in-loop src/audit.js:4:11 pool.query [for…of sequential] → GET /orders, GET /orders/:id',
      'query-in-loop src/auth.js:11:11 pool.query [for…of sequential] → GET /orders, GET /orders/:id',
      'query-in-loop src/auth.js:4:11 pool.query [for…of sequential] → GET /orders, GET /orders/:id, GET /health',
      'query-in-loop src/orders.js:6:11 pool.query [for…of sequential] → GET /orders, GET /orders/:id',
    ]);
  });

  it("Hono's wildcard prefixes; not a router factory given to use(), one registered in another function on a receiver of the same name, nor one after a hoisted function's routes", async () => {
    const loop = (table: string) => [`  for (const k of Object.keys(req.body ?? {})) {`, `    await pool.query('INSERT INTO ${table} (k) VALUES ($1)', [k]);`, '  }'];
    const f = await joined({
      'src/db.js': lines("const { Pool } = require('pg');", 'exports.pool = new Pool();'),
      'src/hono.ts': lines(
        "import { Hono } from 'hono';",
        "import { pool } from './db';",
        'const app = new Hono();',
        'async function audit(c, next) {', // 4
        "  for (const k of c.req.queries('k') ?? []) await pool.query('INSERT INTO audit (k) VALUES ($1)', [k]);", // 5
        '  await next();',
        '}',
        "app.use('/api/*', audit);",
        "app.get('/api/items', (c) => c.json([]));",
        "app.get('/health', (c) => c.text('ok'));",
        'export default app;',
      ),
      'src/routers.js': lines(
        "const express = require('express');",
        "const { pool } = require('./db');",
        'async function requireAdmin(req, res, next) {', // 3
        ...loop('admin_checks'), // 4-6
        '  next();',
        '}',
        'function adminRouter() {',
        '  const router = express.Router();',
        '  router.use(requireAdmin);',
        "  router.get('/stats', (req, res) => res.json({}));",
        '  return router;',
        '}',
        'function publicRouter() {',
        '  const router = express.Router();',
        "  router.get('/health', (req, res) => res.send('ok'));",
        '  return router;',
        '}',
        'function apiRouter() {', // 20: a router factory
        '  const r = express.Router();',
        "  r.post('/import', async (req, res) => {",
        ...loop('imports'), // 23-25
        '    res.end();',
        '  });',
        '  return r;',
        '}',
        'async function logError(err, req, res, next) {', // 30
        ...loop('errors'), // 31-33
        '  res.status(500).end();',
        '}',
        'const app = express();',
        'routes(app);',
        "app.use('/admin', adminRouter());",
        "app.use('/public', publicRouter());",
        'app.use(apiRouter());',
        'app.use(logError);',
        'function routes(app) {',
        "  app.get('/items', (req, res) => res.json([]));",
        '}',
        'module.exports = app;',
      ),
      'src/setup.js': lines(
        "const express = require('express');",
        "const { pool } = require('./db');",
        'async function loadUser(req, res, next) {', // 3
        ...loop('sessions'), // 4-6
        '  next();',
        '}',
        'const server = express();',
        'server.use(loadUser);',
        'function setupRoutes() {', // the module's own app, used in a function of the module
        "  server.get('/me', (req, res) => res.json({}));",
        '}',
        'setupRoutes();',
      ),
    });
    const rows = hazardRows(f).filter((r) => r.startsWith('query-in-loop'));
    assert.deepEqual(rows, [
      'query-in-loop src/hono.ts:5:51 pool.query [for…of sequential] → GET /api/items',
      'query-in-loop src/routers.js:24:11 pool.query [for…of sequential] → POST /import',
      'query-in-loop src/routers.js:32:11 pool.query [for…of sequential] → -',
      'query-in-loop src/routers.js:5:11 pool.query [for…of sequential] → GET /admin/stats',
      'query-in-loop src/setup.js:5:11 pool.query [for…of sequential] → GET /me',
    ]);
  });
});


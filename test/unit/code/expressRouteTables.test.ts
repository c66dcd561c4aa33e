import assert from 'node:assert/strict';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/** Shapes of danielfsousa/express-rest-boilerplate and hagopj13/node-express-boilerplate. */
describe('Express: documented route chains and development-only route tables', () => {
  it("a chain documented between its links, a comment's quotes included, keeps every method", async () => {
    const files = await joined({
      'users.js': lines(
        "const express = require('express');",
        "const { pool } = require('./db');",
        'const router = express.Router();',
        'router',
        "  .route('/')",
        '  /**',
        "   * @apiHeader {String} Authorization   User's access token",
        '   */',
        '  .get(authorize(ADMIN), list)',
        "  // creates one: it's validated first",
        '  .post(create);',
        'async function list(req, res) {',
        "  res.json((await pool.query('SELECT * FROM users')).rows);",
        '}',
        'function create(req, res) { res.end(); }',
        'module.exports = router;',
      ),
    });
    assert.deepEqual(routeRows(files).map(([m, p, f, line]) => `${m} ${p} ${f}:${line + 1}`), ['GET / users.js:4', 'POST / users.js:4']);
    // The handler after the documented link is followed: its query is on the route.
    assert.deepEqual(hazardRows(files), ['unbounded-query users.js:13:19 pool.query → GET /']);
  });

  it('a table of routers mounted only in development serves nothing in production; the default table does', async () => {
    const files = await joined({
      'index.js': lines(
        "const express = require('express');",
        "const userRoute = require('./user.route');",
        "const docsRoute = require('./docs.route');",
        'const router = express.Router();',
        "const defaultRoutes = [{ path: '/users', route: userRoute }];",
        "const devRoutes = [{ path: '/docs', route: docsRoute }];",
        'defaultRoutes.forEach((route) => {',
        '  router.use(route.path, route.route);',
        '});',
        "if (config.env === 'development') {",
        '  devRoutes.forEach((route) => {',
        '    router.use(route.path, route.route);',
        '  });',
        '}',
        'module.exports = router;',
      ),
      'user.route.js': lines("const router = require('express').Router();", "router.get('/', (req, res) => res.end());", 'module.exports = router;'),
      'docs.route.js': lines("const router = require('express').Router();", "router.get('/', (req, res) => res.end());", 'module.exports = router;'),
    });
    assert.deepEqual(routeRows(files).map(([m, p, f]) => `${m} ${p} ${f}`), ['GET /users user.route.js']);
  });
});

import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

/** Routers handed to functions that register on them (santiq/bulletproof-nodejs's `auth(app)`, `require('./x')(app)`). */
describe('Express: a router given as an argument to a function that mounts routers or registers routes on it', () => {
  it('takes the prefixes of the router it is handed, through factories and further hand-ons', async () => {
    const files = await joined({
      'src/loaders/express.ts': lines(
        "import express from 'express';",
        "import config from '../config';",
        "import routes from '../api';",
        'const app = express();',
        "app.get('/status', (req, res) => res.end());",
        'app.use(config.api.prefix, routes());',
      ),
      'src/config/index.ts': lines('export default {', '  /** API configs */', "  api: { prefix: '/api' },", '};'),
      'src/api/index.ts': lines(
        "import { Router } from 'express';",
        "import auth from './routes/auth';",
        "import user from './routes/user';",
        'export default () => {',
        '  const app = Router();',
        '  auth(app);',
        '  user(app);',
        '  return app;',
        '};',
      ),
      'src/api/routes/auth.ts': lines(
        "import { Router } from 'express';",
        'const route = Router();',
        'export default (app: Router) => {',
        "  app.use('/auth', route);",
        "  route.post('/signin', (req, res) => res.end());",
        '};',
      ),
      // Registers on the router it is handed, and hands it on.
      'src/api/routes/user.ts': lines(
        "import { Router } from 'express';",
        "import admin from './admin';",
        'export default function users(app: Router) {',
        "  app.get('/me', (req, res) => res.end());",
        '  admin(app);',
        '}',
      ),
      'src/api/routes/admin.ts': lines('module.exports = function (router) {', "  router.delete('/users/:id', (req, res) => res.end());", '};'),
    });
    assert.deepEqual(routeRows(files).map(([m, p, f, line]) => `${m} ${p} ${f}:${line + 1}`), [
      'DELETE /api/users/:id src/api/routes/admin.ts:2',
      'POST /api/auth/signin src/api/routes/auth.ts:5',
      'GET /api/me src/api/routes/user.ts:4',
      'GET /status src/loaders/express.ts:5',
    ]);
  });

  it('through a function that only hands the router on', async () => {
    const files = await joined({
      'app.ts': lines("import express from 'express';", "import routes from './routes';", 'const app = express();', 'const api = express.Router();', 'routes(api);', "app.use('/v2', api);"),
      'routes/index.ts': lines("import items from './items';", "import tags from './tags';", 'export default (app) => {', '  items(app);', '  tags(app);', '};'),
      'routes/items.ts': lines('export default (router) => {', "  router.get('/items', (req, res) => res.end());", '};'),
      'routes/tags.ts': lines('export default function tags(r) {', "  r.get('/tags', (req, res) => res.end());", '}'),
    });
    assert.deepEqual(routeRows(files).map(([m, p]) => `${m} ${p}`), ['GET /v2/items', 'GET /v2/tags']);
  });

  it("CommonJS: require('./routes')(app) hands the app to the module's exported function", async () => {
    const files = await joined({
      'app.js': lines("const express = require('express');", 'const app = express();', 'const api = express.Router();', "require('./routes/items')(api);", "app.use('/v1', api);"),
      'routes/items.js': lines('module.exports = (router) => {', "  router.get('/items', (req, res) => res.end());", '};'),
    });
    assert.deepEqual(routeRows(files).map(([m, p]) => `${m} ${p}`), ['GET /v1/items']);
  });

  it('only a router argument is a mount: another argument, or a call given no router, adds no prefix', async () => {
    const files = await joined({
      'app.js': lines(
        "const express = require('express');",
        "const setup = require('./setup');",
        'const app = express();',
        'const api = express.Router();',
        "app.use('/v1', api);",
        'setup(api, { prefix: "/nope" });',
        'setup(config);',
      ),
      'setup.js': lines('module.exports = (router, options) => {', "  router.get('/health', (req, res) => res.end());", '};'),
    });
    assert.deepEqual(routeRows(files).map(([m, p]) => `${m} ${p}`), ['GET /v1/health']);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/**
 * logto registers most of its Koa routes under paths it names: `router.get(pathPrefix, …)` with a constant of the file,
 * `${accountApiPrefix}/primary-email` with one imported from ./constants. The join reads each name where it is declared.
 */
describe('Express and Koa: a route path named by a constant', () => {
  it('of the file or imported, alone or in a template, is read at the join; a name declared nowhere, or not a path, is no route', async () => {
    const f = await joined({
      'src/routes/constants.ts': lines("export const accountApiPrefix = '/my-account';", "export const CACHE_KEY = 'users';"),
      'src/routes/account.ts': lines(
        "import Router from 'koa-router';",
        "import { accountApiPrefix, CACHE_KEY } from './constants.js';",
        "import { externalPath } from 'some-library';",
        '',
        "const pathPrefix = '/interaction';",
        '',
        'export default function accountRoutes(router: Router) {',
        '  router.put(pathPrefix, async (ctx) => { ctx.body = 1; });', // 7
        '  router.post(`${accountApiPrefix}/primary-email`, async (ctx) => { ctx.body = 2; });', // 8
        '  router.get(accountApiPrefix, async (ctx) => { ctx.body = 3; });', // 9
        '  router.get(CACHE_KEY, async (ctx) => { ctx.body = 4; });',
        '  router.get(externalPath, async (ctx) => { ctx.body = 5; });',
        '  router.get(`${undeclaredPrefix}/x`, async (ctx) => { ctx.body = 6; });',
        '}',

      ),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[3]}`),
      ['PUT /interaction 7', 'POST /my-account/primary-email 8', 'GET /my-account 9'],
    );
  });

  it("a mount under a base the configuration gives before a written path (NodeBB's `${nconf.get('relative_path')}/debug`) is under that path; a call not reading the configuration mounts nothing known", async () => {
    const f = await joined({
      'src/routes/debug.js': lines(
        "const express = require('express');",
        "const nconf = require('nconf');",
        'module.exports = function (app) {',
        '  const router = express.Router();',
        "  router.get('/spec/:type', (req, res) => res.json({}));", // 4
        "  app.use(`${nconf.get('relative_path')}/debug`, router);",
        '  const other = express.Router();',
        "  other.get('/x', (req, res) => res.json({}));", // 7
        "  app.use(`${pickBase(req)}/other`, other);",
        '  const third = express.Router();',
        "  third.get('/y', (req, res) => res.json({}));", // 10
        "  app.use(`${config.get('api.prefix')}/v1`, third);", // a prefix the configuration always gives: not known
        '};',
      ),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[3]}`),
      ['GET /debug/spec/:type 4', 'GET /x 7', 'GET /y 10'],
    );
  });

  it("a class's static field (Flowise's `static LOGIN_URI = '/api/v1/auth0/login'`, `this.app.get(Auth0SSO.LOGIN_URI, …)`)", async () => {
    const f = await joined({
      'src/sso/Auth0SSO.ts': lines(
        "import express from 'express';",
        'export default class Auth0SSO {',
        '  // the login route of the class below the router',
        "  static LOGIN_URI = '/api/v1/auth0/login'",
        "  static readonly CALLBACK_URI: string = '/api/v1/auth0/callback';",
        '  constructor(private app: express.Application) {}',
        '  initialize() {',
        '    this.app.get(Auth0SSO.LOGIN_URI, (req, res) => res.redirect("/"));', // 7
        '    this.app.get(Auth0SSO.CALLBACK_URI, (req, res) => res.redirect("/"));', // 8
        '    this.app.get(Auth0SSO.LOGOUT_URI, (req, res) => res.redirect("/"));',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[3]}`),
      ['GET /api/v1/auth0/login 7', 'GET /api/v1/auth0/callback 8'],
    );
  });

  it("reads no route from a name that says nothing of a path (otel-demo's Reflect.get(target, prop, receiver)): the browser's gateway stays the browser's", async () => {
    const f = await joined({
      'src/frontend/pages/index.tsx': lines("import ApiGateway from '../gateways/Api.gateway';", 'export default function Home() { ApiGateway.listProducts(); return null; }'),
      'src/frontend/gateways/Api.gateway.ts': lines(
        "import request from '../utils/Request';",
        'const Apis = () => ({ listProducts() { return request({ url: `/api/products` }); } });',
        'export default new Proxy(Apis(), {',
        '  get(target, prop, receiver) {',
        '    const originalFunction = Reflect.get(target, prop, receiver);',
        '    return (...args) => originalFunction(...args);',
        '  },',
        '});',
      ),
      'src/frontend/utils/Request.ts': lines('export default async function request({ url }) {', '  const response = await fetch(url);', '  return response.json();', '}'),
    });
    assert.deepEqual(hazardRows(f), []);
  });

  it("Express serves a path with the first handler registered for it: a list of paths that repeats one (Flowise's `router.get('/', getAll)` then `router.get(['/', '/:id'], getById)`) adds only the others", async () => {
    const f = await joined({
      'src/routes/assistants.ts': lines(
        "import express from 'express';",
        'const router = express.Router();',
        "router.get('/', (req, res) => res.json([]));", // 2
        "router.get(['/', '/:id'], (req, res) => res.json({}));", // 3
        "router.post('/', (req, res) => res.json({}));", // 4
        'export default router;',
      ),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[3]}`),
      ['GET / 2', 'GET /:id 3', 'POST / 4'],
    );
    // A path registered alone after middleware of the same path stays, on a router mounted twice too.
    const twice = await joined({
      'src/routes/links.ts': lines(
        "import express from 'express';",
        'const router = express.Router();',
        "router.get('/links', (req, res, next) => next());", // 2
        "router.get('/links', (req, res) => res.json([]));", // 3
        'export default router;',
      ),
      'src/app.ts': lines("import express from 'express';", "import links from './routes/links';", 'const app = express();', "app.use('/api', links);", "app.use('/api/v2', links);"),
    });
    assert.deepEqual(
      routeRows(twice).map((r) => `${r[0]} ${r[1]} ${r[3]}`).sort(),
      ['GET /api/links 2', 'GET /api/links 3', 'GET /api/v2/links 2', 'GET /api/v2/links 3'],
    );
  });

  it("a handler cast for TypeScript (growthbook's `router.get('/', listUsers as unknown as RequestHandler)`, `(async (req, res) => …) as RequestHandler`) is the handler", async () => {
    const f = await joined({
      'src/scim/users.router.ts': lines(
        "import { Router, RequestHandler } from 'express';",
        "import { listUsers } from './listUsers';",
        'const router = Router();',
        "router.get('/', listUsers as unknown as RequestHandler);", // 3
        "router.post('/meta', (async (req, res) => { res.json(await fetch('https://ai.example/meta')); }) as unknown as RequestHandler);", // 4
        "router.get('/me', listUsers!);", // 5
        'export default router;',
      ),
      'src/scim/listUsers.ts': lines('export async function listUsers(req, res) {', '  res.json([]);', '}'),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[3]}`),
      ['GET / 3', 'POST /meta 4', 'GET /me 5'],
    );
    assert.deepEqual(hazardRows(f).map((h) => h.replace(/ → .*/, '')), ['missing-timeout src/scim/users.router.ts:5:60 fetch']);
  });

  it("a controller module wrapped by the project's helper (growthbook's `const tagController = wrapController(rawTagController)` with `import * as rawTagController`) is that module", async () => {
    const f = await joined({
      'src/routers/tag/tag.router.ts': lines(
        "import express from 'express';",
        "import { wrapController } from '../wrapController';",
        "import * as rawTagController from './tag.controller';",
        'const router = express.Router();',
        'const tagController = wrapController(rawTagController);',
        "router.get('/', tagController.getTags);",
        'export { router as tagRouter };',
      ),
      'src/routers/tag/tag.controller.ts': lines(
        'export async function getTags(req, res) {',
        "  res.json(await TagModel.find({ organization: req.org }).toArray());",
        '}',
      ),
      'src/routers/wrapController.ts': lines('export function wrapController(controller) {', '  return controller;', '}'),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`), ['GET /']);
    assert.deepEqual(hazardRows(f).map((h) => h.replace(/^\S+ \S+ /, '')), ['TagModel.find → GET /']);
  });
});

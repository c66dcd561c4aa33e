import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

/** Routes of JavaScript and TypeScript services reached through the shapes of logto, reactive-resume and formbricks. */
describe('JavaScript reach (logto, reactive-resume, formbricks shapes)', function () {
  this.timeout(20_000);

  const paths = (f: Awaited<ReturnType<typeof joined>>) => routeRows(f).map((r) => `${r[0]} ${r[1]}`);

  it("a router handed as a rest tuple's item, or in `...args` handed on, keeps its mount's prefix (logto's RouterInitArgs)", async () => {
    const f = await joined({
      'src/users.ts': lines(
        "import type Router from 'koa-router';",
        'export default function userRoutes(...[router, tenant]: [Router, string]) {',
        "  router.get('/users', async (ctx) => { ctx.body = [tenant]; });",
        '}',
      ),
      'src/roles.ts': lines(
        "import type Router from 'koa-router';",
        'export default function roleRoutes(...args: [Router, string]) {',
        '  const [router, { queries }] = args;',
        "  router.get('/roles', async (ctx) => { ctx.body = queries; });",
        '}',
      ),
      'src/admin.ts': lines(
        "import type Router from 'koa-router';",
        "import userRoutes from './users';",
        "import roleRoutes from './roles';",
        'export default function adminRoutes(...args: [Router, string]) {',
        '  userRoutes(...args);',
        '  roleRoutes(...args);',
        '}',
      ),
      'src/init.ts': lines(
        "import Koa from 'koa';",
        "import Router from 'koa-router';",
        "import adminRoutes from './admin';",
        '',
        'const createRouters = (tenant: string) => {',
        '  const managementRouter: ManagementRouter = new Router<unknown, Context>();',
        '  adminRoutes(managementRouter, tenant);',
        '  const anonymousRouter: AnonymousRouter = new Router();',
        "  anonymousRouter.get('/status', async (ctx) => { ctx.body = 'ok'; });",
        '  return [managementRouter, anonymousRouter];',
        '};',
        '',
        'export default function initApis(tenant: string): Koa {',
        '  const apisApp = new Koa();',
        '  for (const router of createRouters(tenant)) {',
        '    apisApp.use(router.routes()).use(router.allowedMethods());',
        '  }',
        '  return apisApp;',
        '}',
        '',
        'export function initWellKnown(tenant: string): Koa {',
        '  const app = new Koa();',
        '  const anonymousRouter = new Router();',
        "  anonymousRouter.get('/webauthn', async (ctx) => { ctx.body = tenant; });",
        '  app.use(anonymousRouter.routes());',
        '  return app;',
        '}',
      ),
      'src/main.ts': lines(
        "import Koa from 'koa';",
        "import mount from 'koa-mount';",
        "import initApis, { initWellKnown } from './init';",
        'const app = new Koa();',
        "app.use(mount('/.well-known', initWellKnown('t')));",
        "app.use(mount('/api', initApis('t')));",
        'app.listen(3000);',
      ),
    });
    // (The well-known app's own `anonymousRouter` mounts nothing of createRouters' namesake.)
    assert.deepEqual(paths(f), ['GET /api/status', 'GET /.well-known/webauthn', 'GET /api/roles', 'GET /api/users']);
  });

  it("a path held in a function's own constant, or in an exported `Object.freeze({ prefix, … })`, is the route's path", async () => {
    // logto's application-access-control.ts and experience/const.ts.
    const f = await joined({
      'src/const.ts': lines(
        "const prefix = '/experience';",
        'export const experienceRoutes = Object.freeze({',
        '  prefix,',
        '  verification: `${prefix}/verification`,',
        '});',
      ),
      'src/main.ts': lines(
        "import Koa from 'koa';",
        "import Router from 'koa-router';",
        "import { experienceRoutes } from './const';",
        'function accessControlRoutes(router: Router) {',
        "  const pathname = '/applications/:applicationId/access-control';",
        '  router.get(pathname, async (ctx) => { ctx.body = {}; });',
        '}',
        'const router = new Router();',
        'accessControlRoutes(router);',
        'router.put(experienceRoutes.prefix, async (ctx) => { ctx.status = 204; });',
        'router.post(`${experienceRoutes.verification}/password`, async (ctx) => { ctx.status = 204; });',
        'const app = new Koa();',
        'app.use(router.routes());',
      ),
    });
    assert.deepEqual(paths(f), ['GET /applications/:applicationId/access-control', 'PUT /experience', 'POST /experience/verification/password']);
  });

  it("a name a route function gives its router with middleware, `const r = (router as X).use(mw)`, is that router", async () => {
    // logto's experience and interaction routes: Koa's `use` returns the router.
    const f = await joined({
      'src/experience.ts': lines(
        "import type Router from 'koa-router';",
        'export default function experienceRoutes(...[anonymousRouter, tenant]: [Router, string]) {',
        '  const experienceRouter =',
        '    // @ts-expect-error for good koa types',
        '    (anonymousRouter as Router<unknown, Context>).use(audit(tenant), details());',
        "  experienceRouter.put('/experience', async (ctx) => { ctx.status = 204; });",
        '}',
      ),
      'src/main.ts': lines(
        "import Koa from 'koa';",
        "import Router from 'koa-router';",
        "import experienceRoutes from './experience';",
        "const router = new Router({ prefix: '/api' });",
        "experienceRoutes(router, 't');",
        'const app = new Koa();',
        'app.use(router.routes());',
      ),
    });
    assert.deepEqual(paths(f), ['PUT /api/experience']);
  });

  it('a long run of spaces after a typed declaration (in a comment) is read in linear time: no route, no stall', async () => {
    // (The router-variable pattern once split such a run two ways: 2,000 spaces took 8 s, 8,000 took minutes.)
    const f = await joined({ 'server.js': lines("const express = require('express');", `// let note:${' '.repeat(6000)}x`, 'const app = express();', "app.get('/ok', (req, res) => res.end());") });
    assert.deepEqual(paths(f), ['GET /ok']);
  });
});

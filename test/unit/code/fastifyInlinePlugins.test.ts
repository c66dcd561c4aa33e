import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

const controller = lines(
  "import { FastifyInstance } from 'fastify';",
  'export default async function usersController(fastify: FastifyInstance) {',
  "  fastify.get('/count', async () => ({ n: 1 }));",
  '}',
);

const rows = (files: Awaited<ReturnType<typeof joined>>) => routeRows(files).map(([m, p, f, line]) => `${m} ${p} ${f}:${line + 1}`);

/** dittofeed's buildApp/router.ts: plugins written in place, each registered under its own prefix. */
describe('Fastify: a plugin written in place in register(…)', () => {
  it('puts what it registers under the registration prefix, once per registration', async () => {
    const files = await joined({
      'src/router.ts': lines(
        "import { FastifyInstance } from 'fastify';",
        "import usersController from './controllers/usersController';",
        'export default async function router(fastify: FastifyInstance) {',
        '  await fastify.register(',
        '    async (f: FastifyInstance) => {',
        "      await Promise.all([f.register(usersController, { prefix: '/users' })]);",
        '    },',
        "    { prefix: '/api' },",
        '  );',
        '  await fastify.register(',
        '    async function (f: FastifyInstance) {',
        "      await f.register(usersController, { prefix: '/users' });",
        "      f.get('/ping', async () => 'pong');",
        '    },',
        "    { prefix: '/api/admin' },",
        '  );',
        '}',
      ),
      'src/controllers/usersController.ts': controller,
    });
    assert.deepEqual(rows(files), [
      'GET /api/admin/users/count src/controllers/usersController.ts:3',
      'GET /api/users/count src/controllers/usersController.ts:3',
      'GET /api/admin/ping src/router.ts:13',
    ]);
  });

  it('leaves a plugin function that is not written in place as it was, and a callback of another register alone', async () => {
    const files = await joined({
      'src/router.ts': lines(
        "import { FastifyInstance } from 'fastify';",
        "import usersController from './controllers/usersController';",
        'async function api(f: FastifyInstance) {',
        "  await f.register(usersController, { prefix: '/users' });",
        '}',
        'export default async function router(fastify: FastifyInstance) {',
        "  await fastify.register(api, { prefix: '/api' });",
        // Not a plugin's registration: the callback is its second argument, so nothing inside it is prefixed.
        "  container.register('x', async (f: FastifyInstance) => f.get('/health', async () => 'ok'));",
        '}',
      ),
      'src/controllers/usersController.ts': controller,
    });
    assert.deepEqual(rows(files), ['GET /api/users/count src/controllers/usersController.ts:3', 'GET /health src/router.ts:8']);
  });
  it("is the plugin's alone: its routes are not also the function's around it (nested, callback form, a shadowing name)", async () => {
    const files = await joined({
      'src/server.ts': lines("import Fastify from 'fastify';", "import routes from './routes';", 'const app = Fastify();', "app.register(routes, { prefix: '/api' });"),
      'src/routes.ts': lines(
        "import type { FastifyInstance } from 'fastify';",
        "import { adminRoutes } from './admin';",
        'export default async function routes(app: FastifyInstance) {',
        "  app.get('/public', async () => 'x');",
        '  app.register(async (v2) => {',
        "    v2.get('/items', async () => []);",
        '    v2.register(async (inner) => {',
        "      inner.get('/deep', async () => 1);",
        "    }, { prefix: '/inner' });",
        "  }, { prefix: '/v2' });",
        '  app.register(async (app) => {',
        "    app.get('/same-name', async () => 1);",
        "    app.register(adminRoutes, { prefix: '/admin' });",
        "  }, { prefix: '/v3' });",
        '  app.register((instance, opts, done) => {',
        "    instance.get('/cb', async () => 1);",
        '    done();',
        "  }, { prefix: '/cbp' });",
        '}',
      ),
      'src/admin.ts': lines("import type { FastifyInstance } from 'fastify';", 'export async function adminRoutes(f: FastifyInstance) {', "  f.get('/stats', async () => 1);", '}'),
    });
    assert.deepEqual(rows(files), [
      'GET /api/v3/admin/stats src/admin.ts:3',
      'GET /api/public src/routes.ts:4',
      'GET /api/v2/items src/routes.ts:6',
      'GET /api/v2/inner/deep src/routes.ts:8',
      'GET /api/v3/same-name src/routes.ts:12',
      'GET /api/cbp/cb src/routes.ts:16',
    ]);
  });

  it('at the top of a module, serves under its prefix whatever its instance is called', async () => {
    const files = await joined({
      'src/server.ts': lines(
        "import Fastify from 'fastify';",
        'const app = Fastify();',
        'app.register(async (api) => {',
        "  api.get('/items', async () => []);",
        "}, { prefix: '/api' });",
        "app.get('/health', async () => 'ok');",
      ),
    });
    assert.deepEqual(rows(files), ['GET /api/items src/server.ts:4', 'GET /health src/server.ts:6']);
  });
});

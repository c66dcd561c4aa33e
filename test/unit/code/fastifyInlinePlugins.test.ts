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
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Elysia: chained routes, groups and prefixed plugins', () => {
  it('routes chained on new Elysia(), in .group callbacks (nested, and chained on the parameter), a plugin\'s own prefix used by the app', async () => {
    const f = await joined({
      'src/users.ts': lines(
        "import { Elysia } from 'elysia';",
        "import { prisma } from './db';",
        "export const users = new Elysia({ prefix: '/users' })",
        "  .get('/', () => prisma.user.findMany())",
        "  .get('/:id', ({ params }) => prisma.user.findUnique({ where: { id: params.id } }));",
      ),
      'src/index.ts': lines(
        "import { Elysia } from 'elysia';",
        "import { users } from './users';",
        'new Elysia()',
        '  .use(users)',
        "  .get('/health', () => 'ok')",
        "  .group('/api', (api) => api.group('/v1', (v1) => v1.get('/orders/:id', () => 'order').post('/orders', () => 'created')))",
        '  .listen(3000);',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/health', 'src/index.ts', 4, 'elysia'],
      ['GET', '/api/v1/orders/:id', 'src/index.ts', 5, 'elysia'],
      ['POST', '/api/v1/orders', 'src/index.ts', 5, 'elysia'],
      ['GET', '/users', 'src/users.ts', 3, 'elysia'],
      ['GET', '/users/:id', 'src/users.ts', 4, 'elysia'],
    ]);
    assert.deepEqual(hazardRows(f), ['unbounded-query src/users.ts:4:19 prisma.user.findMany → GET /users']);
  });
});

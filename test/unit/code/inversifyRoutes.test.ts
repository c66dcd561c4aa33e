import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

// An inversify-express-utils service as standardnotes/server writes one: annotated controllers, each a router that
// the InversifyExpressServer mounts under its root path, and use cases they call.
describe('inversify-express-utils controllers', () => {
  it('@controller prefixes, @httpGet/@httpPost/@httpDelete/@all/@httpMethod, middleware arguments, the rootPath; hazards on their routes', async () => {
    const f = await joined({
      'src/server.ts': lines(
        "import { InversifyExpressServer } from 'inversify-express-utils';",
        "import './controllers/SessionController';",
        "const server = new InversifyExpressServer(container, null, { rootPath: '/api' });",
        'server.build().listen(3000);',
      ),
      'src/controllers/SessionController.ts': lines(
        "import { controller, httpDelete, httpGet, httpMethod, httpPost, all } from 'inversify-express-utils';", // 0
        "import { SessionRepository } from '../SessionRepository';",
        '',
        "@controller('/session', TYPES.AuthMiddleware)", // 3
        'export class SessionController {',
        '  constructor(private readonly sessions: SessionRepository) {}',
        "  @httpGet('/')", // 6
        '  async list(request: Request) {',
        '    return this.sessions.all();',
        '  }',
        "  @httpDelete('/all', TYPES.RequiredTokenMiddleware, TYPES.SessionMiddleware)", // 10
        '  async removeAll(request: Request) {}',
        "  @httpPost('/refresh')", // 12
        '  async refresh(request: Request) {}',
        "  @httpMethod('put', '/:id/name')", // 14
        '  async rename(request: Request) {}',
        "  @all('*')", // 16
        '  async fallback(request: Request) {}',
        '  helper() {}',
        '}',
      ),
      'src/SessionRepository.ts': lines(
        "import { Pool } from 'pg';",
        'const pool = new Pool();',
        'export class SessionRepository {',
        '  async all() {',
        "    return pool.query('SELECT * FROM sessions');",
        '  }',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/session', 'src/controllers/SessionController.ts', 6, 'inversify-express-utils'],
      ['DELETE', '/api/session/all', 'src/controllers/SessionController.ts', 10, 'inversify-express-utils'],
      ['POST', '/api/session/refresh', 'src/controllers/SessionController.ts', 12, 'inversify-express-utils'],
      ['PUT', '/api/session/:id/name', 'src/controllers/SessionController.ts', 14, 'inversify-express-utils'],
      ['ANY', '/api/session/*', 'src/controllers/SessionController.ts', 16, 'inversify-express-utils'],
    ]);
    assert.deepEqual(hazardRows(f), ['unbounded-query src/SessionRepository.ts:5:12 pool.query → GET /api/session']);
  });

  it('the same lowercase names from anywhere else are no routes', async () => {
    const f = await joined({
      'src/widgets.ts': lines(
        "import { controller, all } from './decorators';",
        "@controller('/widgets')",
        'export class Widgets {',
        "  @all('*')",
        '  handle() {}',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), []);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

// A tsoa service as its generator lays it out: controllers with decorators, an app handing a router to the
// `RegisterRoutes` tsoa generates, and that generated module (often kept in the repository, as here).
const USERS = lines(
  "import { Body, Controller, Delete, Get, Path, Post, Put, Route, Tags } from 'tsoa';", // 0
  "import { UserService } from '../services/userService';",
  '',
  "@Route('users')", // 3
  "@Tags('users')",
  'export class UsersController extends Controller {',
  '  private readonly service = new UserService();',
  "  @Get('{userId}')", // 7
  '  public async getUser(@Path() userId: number) {',
  '    return this.service.get(userId);',
  '  }',
  '  @Get()', // 11
  '  public async listUsers() {',
  '    return this.service.all();',
  '  }',
  '  @Post()', // 15
  '  public async createUser(@Body() body: { name: string }) {',
  '    return this.service.create(body.name);',
  '  }',
  "  @Put('{userId}/roles/{role}')", // 19
  '  public async grant(@Path() userId: number, @Path() role: string) {}',
  "  @Delete('{userId}')", // 21
  '  public async remove(@Path() userId: number) {}',
  '  public helper() {}',
  '}',
);

const SERVICE = lines(
  "import { Pool } from 'pg';",
  'const pool = new Pool();',
  'export class UserService {',
  '  async get(id: number) {',
  "    return pool.query('SELECT * FROM users WHERE id = $1', [id]);",
  '  }',
  '  async all() {',
  "    return pool.query('SELECT * FROM users');", // 7: no LIMIT
  '  }',
  '  async create(name: string) {',
  "    return pool.query('INSERT INTO users (name) VALUES ($1)', [name]);",
  '  }',
  '}',
);

const GENERATED = lines(
  '/* tslint:disable */',
  '/* eslint-disable */',
  '// WARNING: This file was auto-generated with tsoa. Please do not modify it. Re-run tsoa to re-generate this file: https://github.com/lukeautry/tsoa',
  "import { UsersController } from './../controllers/usersController';",
  "import type { Router } from 'express';",
  'export function RegisterRoutes(app: Router) {',
  "  app.get('/users/:userId', async function UsersController_getUser(request: any, response: any, next: any) {",
  '    const controller = new UsersController();',
  '  });',
  '}',
);

describe('tsoa: controllers read from their decorators', () => {
  it("`@Route` + `@Get('{userId}')` at Express's `/users/:userId`, under the prefix of the router handed to RegisterRoutes", async () => {
    const f = await joined({
      'src/controllers/usersController.ts': USERS,
      'src/services/userService.ts': SERVICE,
      'src/routes/routes.ts': GENERATED,
      'src/app.ts': lines(
        "import express from 'express';",
        "import { RegisterRoutes } from './routes/routes';",
        'const app = express();',
        'const api = express.Router();',
        'RegisterRoutes(api);',
        "app.use('/api/v1', api);",
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/v1/users/:userId', 'src/controllers/usersController.ts', 7, 'tsoa'],
      ['GET', '/api/v1/users', 'src/controllers/usersController.ts', 11, 'tsoa'],
      ['POST', '/api/v1/users', 'src/controllers/usersController.ts', 15, 'tsoa'],
      ['PUT', '/api/v1/users/:userId/roles/:role', 'src/controllers/usersController.ts', 19, 'tsoa'],
      ['DELETE', '/api/v1/users/:userId', 'src/controllers/usersController.ts', 21, 'tsoa'],
    ]);
    // The handler is the controller's method: what it calls is on the route's request path.
    assert.deepEqual(hazardRows(f), ['unbounded-query src/services/userService.ts:8:12 pool.query → GET /api/v1/users']);
  });

  it('at the root when the app itself is handed over and the generated module is not kept; not without the tsoa import', async () => {
    const f = await joined({
      'src/controllers/usersController.ts': USERS,
      'src/app.ts': lines(
        "import express from 'express';",
        "import { RegisterRoutes } from '../build/routes';",
        'export const app = express();',
        'RegisterRoutes(app);',
      ),
      // `@Route` of another library, with `@Get` from it too: not tsoa's.
      'src/other.ts': lines("import { Route, Get } from './decorators';", "@Route('x')", 'class X {', "  @Get('y')", '  y() {}', '}'),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]}`),
      ['GET /users/:userId', 'GET /users', 'POST /users', 'PUT /users/:userId/roles/:role', 'DELETE /users/:userId'],
    );
  });
});

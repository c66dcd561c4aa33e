import assert from 'node:assert/strict';
import { workspacePackageAliases } from '../../../src/core/recipes/pathAliases';
import { joined, lines, routeRows } from './fixtureWorkspace';

const healthController = (from: string) =>
  lines(
    "import type { Request, Response } from 'express';",
    `import { Controller, Get } from '${from}';`,
    "@Controller('/health')",
    'export class HealthController {',
    "  @Get('/')",
    '  health(_req: Request, res: Response) {',
    '    res.json({ ok: true });',
    '  }',
    '}',
  );
const rows = (files: Awaited<ReturnType<typeof joined>>) => routeRows(files).map(([m, p, f, line, fw]) => `${m} ${p} ${f}:${line + 1} ${fw}`);

/** plane live: `@Controller`/`@Get` of `@plane/decorators`, registered on an Express router mounted at /live. */
describe("A project's own @Controller decorators", () => {
  it('are not read as NestJS routes at the root in a service with no Nest app', async () => {
    const files = await joined({
      'src/server.ts': lines(
        "import express from 'express';",
        "import { registerController } from '@plane/decorators';",
        "import { HealthController } from './controllers/health.controller';",
        'const app = express();',
        'const router = express.Router();',
        "app.use('/live', router);",
        '[HealthController].forEach((c) => registerController(router, c));',
      ),
      'src/controllers/health.controller.ts': healthController('@plane/decorators'),
      // The monorepo's own package (plane's packages/decorators).
      'packages/decorators/src/index.ts': lines('export function Controller(path: string) { return (t: unknown) => t; }', 'export function Get(path: string) { return (t: unknown) => t; }', 'export function registerController(router: unknown, c: unknown) {}'),
    }, { pathAliases: workspacePackageAliases(new Map([['packages/decorators/package.json', '{"name":"@plane/decorators","main":"./src/index.ts"}']])) });
    assert.deepEqual(rows(files), []);
  });

  it("are a published framework's routes when its package is not the workspace's (Midway's @midwayjs/core, Ts.ED's @tsed/di)", async () => {
    const files = await joined({
      'src/controller/user.controller.ts': lines(
        "import { Controller, Get, Post, Inject, Query } from '@midwayjs/core';",
        "@Controller('/api/user')",
        'export class UserController {',
        "  @Get('/list')",
        "  async list(@Query('page') page: number) { return []; }",
        "  @Post('/create')",
        '  async create() { return {}; }',
        '}',
      ),
      'src/controllers/CalendarCtrl.ts': lines("import { Controller } from '@tsed/di';", "import { Get, Post } from '@tsed/schema';", "@Controller('/calendars')", 'export class CalendarCtrl {', "  @Get('/')", '  findAll() { return []; }', "  @Post('/')", '  create() { return {}; }', '}'),
    });
    assert.deepEqual(rows(files), [
      'GET /api/user/list src/controller/user.controller.ts:4 nestjs',
      'POST /api/user/create src/controller/user.controller.ts:6 nestjs',
      'GET /calendars src/controllers/CalendarCtrl.ts:5 nestjs',
      'POST /calendars src/controllers/CalendarCtrl.ts:7 nestjs',
    ]);
  });

  it("are NestJS's in a Nest app, and Nest's own decorators stay routes", async () => {
    const files = await joined({
      'src/main.ts': lines("import { NestFactory } from '@nestjs/core';", "import { AppModule } from './app.module';", 'NestFactory.create(AppModule);'),
      // A Nest app's own barrel that re-exports Nest's decorators.
      'src/health.controller.ts': healthController('./common/decorators'),
      'src/users.controller.ts': lines("import { Controller, Get } from '@nestjs/common';", "@Controller('users')", 'export class UsersController {', "  @Get(':id')", '  one() { return 1; }', '}'),
    });
    assert.deepEqual(rows(files), ['GET /health src/health.controller.ts:5 nestjs', 'GET /users/:id src/users.controller.ts:4 nestjs']);
  });
});

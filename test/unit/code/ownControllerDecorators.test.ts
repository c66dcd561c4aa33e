import assert from 'node:assert/strict';
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
    });
    assert.deepEqual(rows(files), []);
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

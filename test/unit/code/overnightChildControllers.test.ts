import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('code analysis: OvernightJS child controllers are served under their parent controller', function () {
  this.timeout(10_000);

  it("plunk: `@ChildControllers([new Actions()])` on `@Controller('v1')` serves Actions' routes under /v1, nested several levels; a controller no parent lists stays at its own path", async () => {
    const f = await joined({
      'src/controllers/v1/Actions.ts': lines(
        'import { Controller, Get } from "@overnightjs/core";',
        '',
        '@Controller("actions")',
        'export class Actions {',
        '  @Get(":id")', // 4
        '  public async get(req, res) { return res.json({}); }',
        '}',
      ),
      'src/controllers/v1/Campaigns.ts': lines(
        'import { Controller, Post } from "@overnightjs/core";',
        '',
        '@Controller("campaigns")',
        'export class Campaigns {',
        '  @Post("send")', // 4
        '  public async send(req, res) { return res.json({}); }',
        '}',
      ),
      'src/controllers/v1/index.ts': lines(
        'import { ChildControllers, Controller, Get } from "@overnightjs/core";',
        'import { Actions } from "./Actions";',
        'import { Campaigns } from "./Campaigns";',
        '',
        '@Controller("v1")',
        '@ChildControllers([new Actions(), new Campaigns()])',
        'export class V1 {',
        '  @Get("health")', // 7
        '  public health(req, res) { return res.json({}); }',
        '}',
      ),
      'src/controllers/Webhooks/index.ts': lines(
        'import { ChildControllers, Controller } from "@overnightjs/core";',
        'import { Incoming } from "./Incoming";',
        '',
        '@Controller("webhooks")',
        '@ChildControllers(new Incoming())',
        'export class Webhooks {}',
      ),
      'src/controllers/Webhooks/Incoming/index.ts': lines(
        'import { ChildControllers, Controller } from "@overnightjs/core";',
        'import { SNS } from "./SNS";',
        '',
        '@ChildControllers([new SNS()])',
        '@Controller("incoming")',
        'export class Incoming {}',
      ),
      'src/controllers/Webhooks/Incoming/SNS.ts': lines(
        'import { Controller, Post } from "@overnightjs/core";',
        '',
        '@Controller("sns")',
        'export class SNS {',
        '  @Post()', // 4
        '  public async receive(req, res) { return res.json({}); }',
        '}',
      ),
      'src/controllers/Users.ts': lines(
        'import { Controller, Get } from "@overnightjs/core";',
        '',
        '@Controller("users")',
        'export class Users {',
        '  @Get(":id")', // 4
        '  public async get(req, res) { return res.json({}); }',
        '}',
      ),
      'src/app.ts': lines(
        'import { Server } from "@overnightjs/core";',
        'import { V1 } from "./controllers/v1";',
        'import { Webhooks } from "./controllers/Webhooks";',
        'import { Users } from "./controllers/Users";',
        'class App extends Server {',
        '  constructor() { super(); this.addControllers([new V1(), new Webhooks(), new Users()]); }',
        '}',
        'new App().app.listen(4000);',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/users/:id', 'src/controllers/Users.ts', 4, 'overnightjs'],
      ['GET', '/v1/actions/:id', 'src/controllers/v1/Actions.ts', 4, 'overnightjs'],
      ['POST', '/v1/campaigns/send', 'src/controllers/v1/Campaigns.ts', 4, 'overnightjs'],
      ['GET', '/v1/health', 'src/controllers/v1/index.ts', 7, 'overnightjs'],
      ['POST', '/webhooks/incoming/sns', 'src/controllers/Webhooks/Incoming/SNS.ts', 4, 'overnightjs'],
    ]);
  });

  it("labels OvernightJS's routes overnightjs, and a NestJS controller beside them nestjs (under no OvernightJS parent's path)", async () => {
    const f = await joined({
      'src/controllers/Users.ts': lines(
        'import { Controller, Get } from "@overnightjs/core";',
        '',
        '@Controller("users")',
        'export class Users {',
        '  @Get(":id")', // 4
        '  public get(req, res) { return res.json({}); }',
        '}',
      ),
      'src/nest/health.controller.ts': lines(
        "import { Controller, Get } from '@nestjs/common';",
        '',
        "@Controller('users')",
        'export class Users {',
        "  @Get('health')", // 4
        '  health() { return { ok: true }; }',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/users/:id', 'src/controllers/Users.ts', 4, 'overnightjs'],
      ['GET', '/users/health', 'src/nest/health.controller.ts', 4, 'nestjs'],
    ]);
  });

  it('a NestJS controller whose comment names @overnightjs/core stays nestjs, under its RouterModule path', async () => {
    const f = await joined({
      'src/users/users.controller.ts': lines(
        "import { Controller, Get } from '@nestjs/common';",
        '// Ported from our old "@overnightjs/core" controllers.',
        "@Controller('users')",
        'export class UsersController {',
        "  @Get(':id')", // 4
        '  get() { return {}; }',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [['GET', '/users/:id', 'src/users/users.controller.ts', 4, 'nestjs']]);
  });
});

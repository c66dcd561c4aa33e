import assert from 'node:assert/strict';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('NestJS: route methods a controller inherits from a base class of another file (Amplication\'s `base/…controller.base.ts`)', function () {
  this.timeout(10_000);

  const call = (url: string) => `    await fetch('${url}');`;

  it('served under each controller extending the base, also through a class between; the base itself, a base no controller extends, and one under a path of no known value list nothing', async () => {
    const f = await joined({
      'src/main.ts': lines(
        'import { NestFactory } from "@nestjs/core";',
        'import { AppModule } from "./app.module";',
        'async function main() {',
        '  const app = await NestFactory.create(AppModule);',
        '  app.setGlobalPrefix("api");',
        '  await app.listen(3000);',
        '}',
        'main();',
      ),
      'src/health/base/health.controller.base.ts': lines(
        'import { Get, HttpStatus, Res } from "@nestjs/common";',
        'export class HealthControllerBase {',
        '  @Get("live")', // 2
        '  healthLive(@Res() response: any) {',
        '    return response.status(HttpStatus.NO_CONTENT).send();',
        '  }',
        '  @Get("ready")', // 6
        '  async healthReady(@Res() response: any) {',
        call('http://db/ping'), // 9
        '    return response.status(HttpStatus.NO_CONTENT).send();',
        '  }',
        '}',
      ),
      'src/health/health.controller.ts': lines(
        'import { Controller } from "@nestjs/common";',
        'import { HealthControllerBase } from "./base/health.controller.base";',
        '@Controller("_health")',
        'export class HealthController extends HealthControllerBase {',
        '  constructor() {',
        '    super();',
        '  }',
        '}',
      ),
      // A class between, with no path of its own, then a controller extending it.
      'src/status/status.base.ts': lines('import { HealthControllerBase } from "../health/base/health.controller.base";', 'export class StatusBase extends HealthControllerBase {}'),
      'src/status/status.controller.ts': lines(
        'import { Controller } from "@nestjs/common";',
        'import { StatusBase } from "./status.base";',
        '@Controller("status")',
        'export class StatusController extends StatusBase {}',
      ),
      'src/unused/unused.base.ts': lines('import { Get } from "@nestjs/common";', 'export class UnusedBase {', '  @Get("ping")', '  ping() { return "pong"; }', '}'),
      // A path of no known value (Amplication's generator templates): no route, not one at the global prefix.
      'src/templates/controller.template.ts': lines(
        'import * as common from "@nestjs/common";',
        'import { HealthControllerBase } from "../health/base/health.controller.base";',
        'declare const RESOURCE: string;',
        '@common.Controller(RESOURCE)',
        'export class CONTROLLER extends HealthControllerBase {}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/_health/live', 'src/health/base/health.controller.base.ts', 2, 'nestjs'],
      ['GET', '/api/status/live', 'src/health/base/health.controller.base.ts', 2, 'nestjs'],
      ['GET', '/api/_health/ready', 'src/health/base/health.controller.base.ts', 6, 'nestjs'],
      ['GET', '/api/status/ready', 'src/health/base/health.controller.base.ts', 6, 'nestjs'],
    ]);
    assert.deepEqual(hazardRows(f), ['missing-timeout src/health/base/health.controller.base.ts:9:11 fetch → GET /api/_health/ready, GET /api/status/ready']);
  });

  it("Amplication's CRUD base through `import * as common`: its class's guard runs; a method the controller overrides is its own (a route of its own when decorated, none else); the controller's version, or the method's own", async () => {
    const f = await joined({
      'src/main.ts': lines(
        'import { NestFactory } from "@nestjs/core";',
        'import { VersioningType } from "@nestjs/common";',
        'import { AppModule } from "./app.module";',
        'async function main() {',
        '  const app = await NestFactory.create(AppModule);',
        '  app.enableVersioning({ type: VersioningType.URI });',
        '  await app.listen(3000);',
        '}',
        'main();',
      ),
      'src/auth/defaultAuth.guard.ts': lines('export class DefaultAuthGuard {', '  async canActivate(context) {', call('http://auth/verify'), '    return true;', '  }', '}'), // 3
      'src/version/base/version.controller.base.ts': lines(
        'import * as common from "@nestjs/common";',
        'import * as defaultAuthGuard from "../../auth/defaultAuth.guard";',
        '@common.UseGuards(defaultAuthGuard.DefaultAuthGuard)',
        'export class VersionControllerBase {',
        '  @common.Get()', // 4
        '  async versions() { return []; }',
        '  @common.Get("/:id")', // 6
        '  async version() { return {}; }',
        '  @common.Post()', // 8
        '  async createVersion() { return {}; }',
        '  @common.Delete("/:id")', // 10
        '  async deleteVersion() { return {}; }',
        '  @common.Version("2")',
        '  @common.Get("/latest")', // 13
        '  async latest() { return {}; }',
        '}',
      ),
      'src/version/version.controller.ts': lines(
        'import * as common from "@nestjs/common";',
        'import { VersionControllerBase } from "./base/version.controller.base";',
        '@common.Controller({ path: "versions", version: "1" })',
        'export class VersionController extends VersionControllerBase {',
        '  @common.Post("/sync")', // 4
        '  async createVersion() { return {}; }',
        '  async deleteVersion() { return {}; }',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/v1/versions', 'src/version/base/version.controller.base.ts', 4, 'nestjs'],
      ['GET', '/v1/versions/:id', 'src/version/base/version.controller.base.ts', 6, 'nestjs'],
      ['GET', '/v2/versions/latest', 'src/version/base/version.controller.base.ts', 13, 'nestjs'],
      ['POST', '/v1/versions/sync', 'src/version/version.controller.ts', 4, 'nestjs'],
    ]);
    assert.deepEqual(hazardRows(f), ['missing-timeout src/auth/defaultAuth.guard.ts:3:11 fetch → GET /v1/versions, GET /v1/versions/:id, GET /v2/versions/latest']);
  });
});

import assert from 'node:assert/strict';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('NestJS: decorators through a namespace import of @nestjs/common (Amplication\'s generated services)', function () {
  this.timeout(10_000);

  it('`import * as common from "@nestjs/common"`: @common.Controller, @common.Get/@common.Post, @common.Module (a controller only a test-only module lists serves nothing) and @common.UseGuards with a guard of a module imported whole', async () => {
    const call = (url: string) => `    await fetch('${url}');`;
    const f = await joined({
      'src/app.module.ts': lines(
        'import * as common from "@nestjs/common";',
        'import { VersionController } from "./version/version.controller";',
        'import { TestingModule } from "./dev/dev.module";',
        'const modules: any[] = [];',
        'if (process.env.NODE_ENV === "test") {',
        '  modules.push(TestingModule);',
        '}',
        '@common.Module({ imports: modules, controllers: [VersionController] })',
        'export class AppModule {}',
      ),
      // Only a module added in tests lists it: no route.
      'src/dev/dev.module.ts': lines(
        'import * as common from "@nestjs/common";',
        'import { SeedController } from "./dev.controller";',
        '@common.Module({ controllers: [SeedController] })',
        'export class TestingModule {}',
      ),
      'src/dev/dev.controller.ts': lines(
        'import * as common from "@nestjs/common";',
        '@common.Controller("seed")',
        'export class SeedController {',
        '  @common.Post("seed")',
        '  seed() { return true; }',
        '}',
      ),
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
      'src/auth/defaultAuth.guard.ts': lines('export class DefaultAuthGuard {', '  async canActivate(context) {', call('http://auth/verify'), '    return true;', '  }', '}'), // 3
      'src/version/version.controller.ts': lines(
        'import * as common from "@nestjs/common";',
        'import * as swagger from "@nestjs/swagger";',
        'import * as defaultAuthGuard from "../auth/defaultAuth.guard";',
        '@swagger.ApiTags("versions")',
        '@common.Controller("versions")',
        '@common.UseGuards(defaultAuthGuard.DefaultAuthGuard)',
        'export class VersionController {',
        '  @common.Get()', // 7
        '  async findMany() {',
        '    return [];',
        '  }',
        '  @common.Post("/sync")', // 11
        '  async sync(): Promise<boolean> {',
        '    return true;',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/versions', 'src/version/version.controller.ts', 7, 'nestjs'],
      ['POST', '/api/versions/sync', 'src/version/version.controller.ts', 11, 'nestjs'],
    ]);
    assert.deepEqual(hazardRows(f), ['missing-timeout src/auth/defaultAuth.guard.ts:3:11 fetch → GET /api/versions, POST /api/versions/sync']);
  });

  it("not a namespace of another package or of the project's own module, nor a chain of three names", async () => {
    const f = await joined({
      'src/a.controller.ts': lines(
        'import * as routing from "some-routing-lib";',
        '@routing.Controller("a")',
        'export class AController {',
        '  @routing.Get("x")',
        '  x() { return 1; }',
        '}',
      ),
      'src/b.controller.ts': lines(
        'import * as common from "./common";',
        '@common.Controller("b")',
        'export class BController {',
        '  @common.Get("y")',
        '  y() { return 1; }',
        '}',
      ),
      'src/c.controller.ts': lines(
        'import * as nest from "@nestjs/common";',
        '@nest.Controller("c")',
        'export class CController {',
        '  @nest.decorators.Get("z")',
        '  z() { return 1; }',
        '  @nest.Get("w")',
        '  w() { return 1; }',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [['GET', '/c/w', 'src/c.controller.ts', 5, 'nestjs']]);
  });
});

import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('NestJS: a decorator path built as a template or with `+` from the file\'s constants', function () {
  this.timeout(10_000);

  it("Amplication's storage gateway, `` @Get(`/:${RESOURCE_ID_PARAM_KEY}/:${BUILD_ID_PARAM_KEY}/list`) ``, a method's `+` and a controller's own template", async () => {
    const f = await joined({
      'src/storage/storage.controller.ts': lines(
        'import { Controller, Get, Param } from "@nestjs/common";',
        'const RESOURCE_ID_PARAM_KEY = "resourceId";',
        'const BUILD_ID_PARAM_KEY = "buildId";',
        '@Controller("storage")',
        'export class StorageController {',
        '  @Get(`/:${RESOURCE_ID_PARAM_KEY}/:${BUILD_ID_PARAM_KEY}/list`)', // 5
        '  list(@Param(RESOURCE_ID_PARAM_KEY) resourceId: string) { return []; }',
        '  @Get("/:" + RESOURCE_ID_PARAM_KEY + "/content")', // 7
        '  content() { return ""; }',
        '}',
      ),
      'src/admin/admin.controller.ts': lines(
        "import { Controller, Get } from '@nestjs/common';",
        "const BASE = 'v2';",
        '@Controller(`${BASE}/admin`)',
        'export class AdminController {',
        "  @Get('stats')", // 4
        '  stats() { return {}; }',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/v2/admin/stats', 'src/admin/admin.controller.ts', 4, 'nestjs'],
      ['GET', '/storage/:resourceId/:buildId/list', 'src/storage/storage.controller.ts', 5, 'nestjs'],
      ['GET', '/storage/:resourceId/content', 'src/storage/storage.controller.ts', 7, 'nestjs'],
    ]);
  });

  it('a template naming what the file does not declare is no route (not the controller\'s path alone), nor are the routes of a controller whose path is one', async () => {
    const f = await joined({
      'src/keys.ts': lines('export const ID_KEY = "id";'),
      'src/items/items.controller.ts': lines(
        'import { Controller, Get } from "@nestjs/common";',
        'import { ID_KEY } from "../keys";',
        '@Controller("items")',
        'export class ItemsController {',
        '  @Get(`/:${ID_KEY}/list`)',
        '  list() { return []; }',
        '  @Get(`/${prefixOf()}/x`)',
        '  x() { return []; }',
        '  @Get("all")', // 8
        '  all() { return []; }',
        '}',
      ),
      'src/other/other.controller.ts': lines(
        'import { Controller, Get } from "@nestjs/common";',
        'import { ID_KEY } from "../keys";',
        '@Controller(`other/${ID_KEY}`)',
        'export class OtherController {',
        '  @Get("y")',
        '  y() { return []; }',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [['GET', '/items/all', 'src/items/items.controller.ts', 8, 'nestjs']]);
  });
});

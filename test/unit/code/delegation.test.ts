import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('layers that pass a request on', () => {
  it("a call to a function of the caller's own name (controller.list → service.list → repo.list) uses up no depth: a loop three calls below the last layer is on the route; so does a chain of other names that only forward (service.first's `return repo.second(owner)`, repo.second's `return withTags(owner)`: see forwardingLayers.test.ts)", async () => {
    const f = await joined({
      'src/app.ts': lines(
        "import express from 'express';",
        "import * as controller from './controller';",
        'const app = express();',
        "app.get('/items', (req, res) => controller.list(req, res));",
        "app.get('/other', (req, res) => controller.other(req, res));",
      ),
      'src/controller.ts': lines(
        "import * as service from './service';",
        'export async function list(req, res) { res.json(await service.list(String(req.query.owner))); }',
        'export async function other(req, res) { res.json(await service.first(String(req.query.owner))); }',
      ),
      'src/service.ts': lines(
        "import * as repo from './repo';",
        'export async function list(owner: string) { return repo.list(owner); }',
        'export async function first(owner: string) { return repo.second(owner); }',
      ),
      'src/repo.ts': lines(
        "import { pool } from './db';",
        'export async function list(owner: string) { return withTags(owner); }',
        'export async function second(owner: string) { return withTags(owner); }',
        'async function withTags(owner: string) {',
        "  const { rows } = await pool.query('SELECT id FROM items WHERE owner = $1 LIMIT 50', [owner]);",
        "  for (const row of rows) row.tags = await pool.query('SELECT tag FROM tags WHERE item_id = $1', [row.id]);",
        '  return rows;',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop src/repo.ts:6:44 pool.query [for…of sequential] → GET /items, GET /other']);
  });

  it("Go: a handler calling a service method of its own name in another package (gin-vue-admin's SetRoleUsers) reaches that method, not itself", async () => {
    const f = await joined({
      'go.mod': lines('module example', '', 'go 1.22'),
      'api/v1/authority.go': lines(
        'package v1',
        '',
        'import (',
        '\t"example/service"',
        '\t"github.com/gin-gonic/gin"',
        ')',
        '',
        'var authorityService = service.AuthorityServiceApp',
        '',
        'type AuthorityApi struct{}',
        '',
        'func (a *AuthorityApi) SetRoleUsers(c *gin.Context) {',
        '\tauthorityService.SetRoleUsers(c.QueryArray("id"))',
        '}',
        '',
        'func Routes(r *gin.Engine) {',
        '\tapi := AuthorityApi{}',
        '\tr.POST("/authority/setRoleUsers", api.SetRoleUsers)',
        '}',
      ),
      'service/authority.go': lines(
        'package service',
        '',
        'type AuthorityService struct{}',
        '',
        'var AuthorityServiceApp = new(AuthorityService)',
        '',
        'func (s *AuthorityService) SetRoleUsers(ids []string) {',
        '\tfor _, id := range ids {',
        '\t\tglobal.GVA_DB.Where("id = ?", id).Delete(&User{})',
        '\t}',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop service/authority.go:9:3 global.GVA_DB.Where.Delete [for sequential] → POST /authority/setRoleUsers']);
  });
});


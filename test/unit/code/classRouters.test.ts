import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

/** ljlm0402/typescript-express-starter's routers: a class whose `path` field its routes are built from. */
describe('Express: route paths built from what the file says', () => {
  it("a class's path field in a template, escapes as Express reads them, and a file constant", async () => {
    const files = await joined({
      'src/routes/users.route.ts': lines(
        "import { Router } from 'express';",
        "const ADMIN = '/admin';",
        'export class UserRoute {',
        "  public path = '/users';",
        '  public router = Router();',
        '  constructor() {',
        '    this.initializeRoutes();',
        '  }',
        '  private initializeRoutes() {',
        '    this.router.get(`${this.path}`, this.list);',
        '    this.router.get(`${this.path}/:id(\\\\d+)`, this.one);',
        "    this.router.delete('/items/:id(\\\\d+)', this.one);",
        "    this.router.post(ADMIN + '/users', this.list);",
        '    this.router.put(`${this.unknown}/x`, this.one);',
        '    this.router.patch(`${routes.users}/x`, this.one);',
        '  }',
        '  list(req, res) { res.end(); }',
        '  one(req, res) { res.end(); }',
        '}',
      ),
    });
    // A field or name the file does not give (`this.unknown`, an imported `routes`): no route rather than a wrong one.
    assert.deepEqual(routeRows(files).map(([m, p, , line]) => `${m} ${p} :${line + 1}`), [
      'GET /users :10',
      'GET /users/:id(\\d+) :11',
      'DELETE /items/:id(\\d+) :12',
      'POST /admin/users :13',
    ]);
  });
});

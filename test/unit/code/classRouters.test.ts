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

/**
 * parse-server's routers: each a class extending its PromiseRouter, whose `mountRoutes()` adds routes to the class's
 * own table with `this.route(method, path, ...handlers)`; the table is mounted on an Express router.
 */
describe("Express: a router class's own table of routes", () => {
  it("this.route('GET', path, …handlers) in a class extending a router class; not in a class that is none", async () => {
    const f = await joined({
      'src/Routers/ClassesRouter.js': lines(
        "import PromiseRouter from '../PromiseRouter';",
        'export class ClassesRouter extends PromiseRouter {',
        '  handleFind(req) { return rest.find(req.config, req.params.className, req.body.where); }',
        '  mountRoutes() {',
        "    this.route('GET', '/classes/:className', req => {", // 4
        '      return this.handleFind(req);',
        '    });',
        "    this.route('POST', '/classes/:className', promiseEnsureIdempotency, req => this.handleCreate(req));", // 7
        "    this.route('DELETE', '/classes/:className/:objectId', req => this.handleDelete(req));", // 8
        "    this.route('GET', classPath, req => this.handleFind(req));", // a path this file cannot say
        '  }',
        '}',
        'export class Jobs {',
        "  schedule() { this.route('GET', '/jobs', (job) => job.run()); }", // a scheduler of its own, not a router
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/classes/:className', 'src/Routers/ClassesRouter.js', 4, 'express'],
      ['POST', '/classes/:className', 'src/Routers/ClassesRouter.js', 7, 'express'],
      ['DELETE', '/classes/:className/:objectId', 'src/Routers/ClassesRouter.js', 8, 'express'],
    ]);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('AdonisJS: router, groups, resources, and the controllers they name', () => {
  it('v6: a lazy-imported controller by #controllers/…, a string handler, nested group prefixes, an API resource; Lucid find by key is one row', async () => {
    const f = await joined({
      'package.json': JSON.stringify({ name: 'app', imports: { '#controllers/*': './app/controllers/*.js', '#models/*': './app/models/*.js' } }),
      'start/routes.ts': lines(
        "import router from '@adonisjs/core/services/router'",
        "const UsersController = () => import('#controllers/users_controller')",
        "router.get('/users', [UsersController, 'index'])",
        'router.group(() => {',
        "  router.get('/users/:id', [UsersController, 'show'])",
        "  router.post('/users', '#controllers/users_controller.store')",
        '  router.group(() => {',
        "    router.resource('posts', UsersController).apiOnly()",
        "  }).prefix('/admin')",
        "}).prefix('/api/v1').middleware(middleware.auth())",
        "const RenderHome = () => import('#actions/render_home')",
        "router.get('/', [RenderHome]).as('home')",
        "router.get('/feed/:slug', (ctx) => ctx.response.redirect().toRoute('home'))",
        'if (app.inDev) {',
        "  router.get('/exception/:status', (ctx) => { throw new Error('example') })",
        '}',
      ),
      'app/actions/render_home.ts': lines("import Post from '#models/post'", 'export default class RenderHome {', '  async handle({ view }) {', "    return view.render('home', { posts: await Post.all() })", '  }', '}'),
      'app/controllers/users_controller.ts': lines(
        "import User from '#models/user'",
        'export default class UsersController {',
        '  async index({ request }) {',
        "    for (const id of request.input('ids')) await User.find(id)",
        '    return User.all()',
        '  }',
        '  async show({ params }) { return User.findOrFail(params.id) }',
        '  async store() {}',
        '}',
      ),
    });
    // Once each (not again as Express's), an action class by its `handle`; not a route added only in development.
    assert.deepEqual(routeRows(f), [
      ['GET', '/users', 'start/routes.ts', 2, 'adonis'],
      ['GET', '/api/v1/users/:id', 'start/routes.ts', 4, 'adonis'],
      ['POST', '/api/v1/users', 'start/routes.ts', 5, 'adonis'],
      ['DELETE', '/api/v1/admin/posts/:id', 'start/routes.ts', 7, 'adonis'],
      ['GET', '/api/v1/admin/posts', 'start/routes.ts', 7, 'adonis'],
      ['GET', '/api/v1/admin/posts/:id', 'start/routes.ts', 7, 'adonis'],
      ['PATCH', '/api/v1/admin/posts/:id', 'start/routes.ts', 7, 'adonis'],
      ['POST', '/api/v1/admin/posts', 'start/routes.ts', 7, 'adonis'],
      ['PUT', '/api/v1/admin/posts/:id', 'start/routes.ts', 7, 'adonis'],
      ['GET', '/', 'start/routes.ts', 11, 'adonis'],
      ['GET', '/feed/:slug', 'start/routes.ts', 12, 'adonis'],
    ]);
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/controllers/users_controller.ts:4:50 User.find [for…of sequential] → GET /users, GET /api/v1/admin/posts',
      'unbounded-query app/actions/render_home.ts:4:47 Post.all → GET /',
      'unbounded-query app/controllers/users_controller.ts:5:12 User.all → GET /users, GET /api/v1/admin/posts',
    ]);
  });
});

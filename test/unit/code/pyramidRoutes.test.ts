import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Pyramid: views of named routes', () => {
  it("@view_config(route_name=…) serves the pattern add_route gives the name in another module; a class's @view_defaults names it for its methods", async () => {
    // The shapes of pypi/warehouse: routes.py's includeme, views with route names, manage views as classes.
    const f = await joined({
      'warehouse/routes.py': lines(
        'def includeme(config):',
        '    config.add_route("health", "/_health/")',
        '    config.add_route(',
        '        "accounts.profile",',
        '        "/user/{username}/",',
        '        factory="warehouse.accounts.models:UserFactory",',
        '    )',
        '    config.add_route("manage.account", "/manage/account/")',
        '    # config.add_route("health", "/commented-out/")',
      ),
      'warehouse/views.py': lines(
        'from pyramid.view import view_config, view_defaults', // 1
        '',
        '@view_config(context=HTTPException)',
        'def httpexception_view(exc, request):',
        '    return exc', // 5
        '',
        '@view_config(route_name="health")',
        'def health(request):',
        '    return "OK"',
        '', // 10
        '@view_config(route_name="accounts.profile", request_method=("GET", "HEAD"))',
        'def profile(user, request):',
        '    return {"projects": request.db.query(Project).filter(Project.owner == user).all()}',
        '',
        '@view_config(route_name="nowhere")', // 15
        'def orphan(request):',
        '    return {}',
        '',
        '@view_defaults(route_name="manage.account", renderer="manage/account.html")',
        'class ManageAccountViews:', // 20
        '    def __init__(self, request):',
        '        self.request = request',
        '    @view_config(request_method="GET")',
        '    def manage_account(self):',
        '        return {}', // 25
        '    @view_config(request_method="POST", request_param=["email"])',
        '    def add_email(self):',
        '        return {}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['ANY', '/_health/', 'warehouse/views.py', 6, 'pyramid'],
      ['GET', '/user/{username}/', 'warehouse/views.py', 10, 'pyramid'],
      ['HEAD', '/user/{username}/', 'warehouse/views.py', 10, 'pyramid'],
      ['GET', '/manage/account/', 'warehouse/views.py', 22, 'pyramid'],
      ['POST', '/manage/account/', 'warehouse/views.py', 25, 'pyramid'],
    ]);
    assert.deepEqual(hazardRows(f), [
      'unbounded-query warehouse/views.py:13:25 request.db.query.filter.all → GET /user/{username}/, HEAD /user/{username}/',
    ]);
  });

  it("Starlette's and aiohttp's add_route (a path first) name no Pyramid route; view_config outside a Pyramid module is not read", async () => {
    const f = await joined({
      'app/routes.py': lines('def setup(app, config):', '    app.add_route("/x", handler)', '    config.add_route("x", "/x/")'),
      'app/views.py': lines('from .web import view_config', '@view_config(route_name="x")', 'def x(request):', '    return {}'),
    });
    assert.deepEqual(routeRows(f), []);
  });
});

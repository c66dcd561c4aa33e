import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Beego: routers, namespaces and its ORM', () => {
  it('web.Router with method mappings (a controller method each; none: any method), web.Get with a function, nested namespaces; the ORM\'s queries per item and a table read whole', async () => {
    const f = await joined({
      'go.mod': 'module shop\n',
      'routers/router.go': lines(
        'package routers',
        '',
        'import (',
        '\t"github.com/beego/beego/v2/server/web"',
        '\t"shop/controllers"',
        ')',
        '',
        'func init() {',
        '\tweb.Router("/user/:id", &controllers.UserController{}, "get:GetOne;put,patch:Update")',
        '\tweb.Router("/legacy", &controllers.UserController{})',
        '\tweb.Get("/health", func(ctx *context.Context) { ctx.Output.Body([]byte("ok")) })',
        '\tns := web.NewNamespace("/v1",',
        '\t\tweb.NSRouter("/orders", &controllers.OrderController{}, "get:List"),',
        '\t\tweb.NSNamespace("/admin",',
        '\t\t\tweb.NSRouter("/stats", &controllers.OrderController{}, "*:Stats"),',
        '\t\t),',
        '\t)',
        '\tweb.AddNamespace(ns)',
        '}',
      ),
      'controllers/user.go': lines(
        'package controllers',
        '',
        'import "github.com/beego/beego/v2/client/orm"',
        '',
        'type UserController struct{ web.Controller }',
        '',
        'func (c *UserController) GetOne() {',
        '\to := orm.NewOrm()',
        '\tfor _, id := range c.GetStrings("friends") {',
        '\t\to.Read(&User{Id: id})',
        '\t}',
        '}',
        'func (c *UserController) Update() {}',
      ),
      'controllers/order.go': lines(
        'package controllers',
        '',
        'import "github.com/beego/beego/v2/client/orm"',
        '',
        'type OrderController struct{ web.Controller }',
        '',
        'func (c *OrderController) List() {',
        '\tvar orders []*Order',
        '\torm.NewOrm().QueryTable("order").Filter("status", "open").All(&orders)',
        '\torm.NewOrm().QueryTable("order").Limit(20).All(&orders)',
        '}',
        'func (c *OrderController) Stats() {}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/user/:id', 'routers/router.go', 8, 'beego'],
      ['PATCH', '/user/:id', 'routers/router.go', 8, 'beego'],
      ['PUT', '/user/:id', 'routers/router.go', 8, 'beego'],
      ['ANY', '/legacy', 'routers/router.go', 9, 'beego'],
      ['GET', '/health', 'routers/router.go', 10, 'beego'],
      ['GET', '/v1/orders', 'routers/router.go', 12, 'beego'],
      ['ANY', '/v1/admin/stats', 'routers/router.go', 14, 'beego'],
    ]);
    assert.deepEqual(hazardRows(f), [
      'query-in-loop controllers/user.go:10:3 o.Read [for sequential] → GET /user/:id',
      'unbounded-query controllers/order.go:9:2 orm.NewOrm.QueryTable.Filter.All → GET /v1/orders',
    ]);
  });

  it('bee\'s annotated controllers: // @router above a method, under the namespace that includes the controller (in whichever file of its package its methods are); a route both NSRouter and a comment declare listed once; a comment without one is no route', async () => {
    const f = await joined({
      'go.mod': 'module api\n',
      'routers/router.go': lines(
        'package routers',
        '',
        'import (',
        '\t"api/controllers"',
        '\tbeego "github.com/beego/beego/v2/server/web"',
        ')',
        '',
        'func init() {',
        '\tns := beego.NewNamespace("/v1",',
        '\t\tbeego.NSNamespace("/object",',
        '\t\t\tbeego.NSRouter("/:objectId", &controllers.ObjectController{}, "get:Get"),',
        '\t\t\tbeego.NSInclude(&controllers.ObjectController{}),',
        '\t\t),',
        '\t)',
        '\tbeego.AddNamespace(ns)',
        '}',
      ),
      // Another file of the package first: the included type's methods are in object.go.
      'controllers/base.go': lines('package controllers', '', 'import beego "github.com/beego/beego/v2/server/web"', '', 'type BaseController struct{ beego.Controller }', '', 'func (b *BaseController) Prepare() {}'),
      'controllers/object.go': lines(
        'package controllers',
        '',
        'import beego "github.com/beego/beego/v2/server/web"',
        '',
        'type ObjectController struct{ beego.Controller }',
        '',
        '// @Title Get',
        '// @router /:objectId [get]',
        'func (o *ObjectController) Get() {}',
        '',
        '// @router / [post,put]',
        'func (o *ObjectController) Post() {}',
        '',
        '// Helper, not a route.',
        'func (o *ObjectController) helper() {}',
      ),
    });
    // Routed by NSRouter and by its comment: listed once, where the join meets it first.
    assert.deepEqual(routeRows(f), [
      ['POST', '/v1/object', 'controllers/object.go', 11, 'beego'],
      ['PUT', '/v1/object', 'controllers/object.go', 11, 'beego'],
      ['GET', '/v1/object/:objectId', 'routers/router.go', 10, 'beego'],
    ]);
  });

  it('a root namespace "/" holding "/api" (casdoor): one slash, as Beego\'s route tree reads it; the included controller\'s methods spread over several files of its package are all under it', async () => {
    const f = await joined({
      'go.mod': 'module casdoor\n',
      'routers/router.go': lines(
        'package routers',
        '',
        'import (',
        '\t"github.com/beego/beego/v2/server/web"',
        '\t"casdoor/controllers"',
        ')',
        '',
        'func InitAPI() {',
        '\tns := web.NewNamespace("/",',
        '\t\tweb.NSNamespace("/api",',
        '\t\t\tweb.NSInclude(&controllers.ApiController{}),',
        '\t\t),',
        '\t\tweb.NSNamespace("",',
        '\t\t\tweb.NSInclude(&controllers.RootController{}),',
        '\t\t),',
        '\t\tweb.NSRouter("/health", &controllers.RootController{}, "get:Health"),',
        '\t)',
        '\tweb.AddNamespace(ns)',
        '}',
      ),
      'controllers/base.go': lines('package controllers', '', 'import "github.com/beego/beego/v2/server/web"', '', 'type ApiController struct{ web.Controller }', '', 'type RootController struct{ web.Controller }', '', 'func (c *RootController) Health() {}'),
      'controllers/account.go': lines('package controllers', '', '// @router /signup [post]', 'func (c *ApiController) Signup() {}'),
      'controllers/user.go': lines('package controllers', '', '// @router /update-user [post]', 'func (c *ApiController) UpdateUser() {}'),
      'controllers/well_known.go': lines('package controllers', '', '// @router /.well-known/openid-configuration [get]', 'func (c *RootController) Discovery() {}'),
    });
    assert.deepEqual(routeRows(f), [
      ['POST', '/api/signup', 'controllers/account.go', 3, 'beego'],
      ['POST', '/api/update-user', 'controllers/user.go', 3, 'beego'],
      ['GET', '/.well-known/openid-configuration', 'controllers/well_known.go', 3, 'beego'],
      ['GET', '/health', 'routers/router.go', 15, 'beego'],
    ]);
  });

  it("annotations of a controller nothing includes serve nothing (today's casdoor: every route mapped with web.Router, the comments kept for its API docs)", async () => {
    const f = await joined({
      'go.mod': 'module casdoor\n',
      'routers/router.go': lines(
        'package routers',
        '',
        'import (',
        '\t"github.com/beego/beego/v2/server/web"',
        '\t"casdoor/controllers"',
        ')',
        '',
        'func InitAPI() {',
        '\tweb.Router("/api/callback", &controllers.ApiController{}, "POST:Callback")',
        '}',
      ),
      'controllers/base.go': lines('package controllers', '', 'import "github.com/beego/beego/v2/server/web"', '', 'type ApiController struct{ web.Controller }'),
      'controllers/auth.go': lines('package controllers', '', '// @router /Callback [post]', 'func (c *ApiController) Callback() {}', '', '// @router /api/api/v1/traces [post]', 'func (c *ApiController) Traces() {}'),
    });
    assert.deepEqual(routeRows(f), [['POST', '/api/callback', 'routers/router.go', 8, 'beego']]);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/**
 * 1Panel's backend: `for _, router := range rou.RouterGroupApp { router.InitRouter(PrivateGroup) }`, where
 * `RouterGroupApp = RouterGroups()` and commonGroups returns `[]CommonRouter{&BaseRouter{}, &AppRouter{}, …}`; each
 * type's InitRouter registers on the group it is given.
 */
describe('Go: a group handed to a method of each value of a list', () => {
  it("prefixes the routes of the method of each type the list is written with (1Panel's /api/v1/apps/sync), read through the functions that return it, with the group's middleware; not an unlisted type's", async () => {
    const f = await joined({
      'go.mod': 'module github.com/1Panel-dev/1Panel\n',
      'backend/init/router/router.go': lines(
        'package router',
        '',
        'import (',
        '\t"github.com/gin-gonic/gin"',
        '\t"github.com/1Panel-dev/1Panel/backend/middleware"',
        '\trou "github.com/1Panel-dev/1Panel/backend/router"',
        ')',
        '',
        'func Routers() *gin.Engine {',
        '\tRouter := gin.Default()',
        '\tPrivateGroup := Router.Group("/api/v1")',
        '\tPrivateGroup.Use(middleware.WhiteAllow())',
        '\tfor _, router := range rou.RouterGroupApp {',
        '\t\trouter.InitRouter(PrivateGroup)',
        '\t}',
        '\treturn Router',
        '}',
      ),
      'backend/router/entry.go': lines('package router', '', 'func RouterGroups() []CommonRouter {', '\treturn commonGroups()', '}', '', 'var RouterGroupApp = RouterGroups()'),
      'backend/router/common.go': lines(
        'package router',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'type CommonRouter interface {',
        '\tInitRouter(Router *gin.RouterGroup)',
        '}',
        '',
        'func commonGroups() []CommonRouter {',
        '\treturn []CommonRouter{',
        '\t\t&BaseRouter{}, // login, captcha',
        '\t\t&AppRouter{},',
        '\t}',
        '}',
      ),
      'backend/router/ro_app.go': lines(
        'package router',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'type AppRouter struct{}',
        '',
        'func (a *AppRouter) InitRouter(Router *gin.RouterGroup) {',
        '\tappRouter := Router.Group("apps")',
        '\tappRouter.POST("/sync", func(c *gin.Context) {})', // 8
        '}',
      ),
      'backend/router/ro_base.go': lines(
        'package router',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'type BaseRouter struct{}',
        '',
        'func (s *BaseRouter) InitRouter(Router *gin.RouterGroup) {',
        '\tbaseRouter := Router.Group("auth")',
        '\tbaseRouter.GET("/captcha", func(c *gin.Context) {})', // 8
        '}',
      ),
      // Implements the interface, but no list holds it: its routes stay as written.
      'backend/router/ro_legacy.go': lines(
        'package router',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'type LegacyRouter struct{}',
        '',
        'func (s *LegacyRouter) InitRouter(Router *gin.RouterGroup) {',
        '\tRouter.GET("/legacy", func(c *gin.Context) {})', // 7
        '}',
      ),
      'backend/middleware/white.go': lines(
        'package middleware',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/gin-gonic/gin"',
        ')',
        '',
        'func WhiteAllow() gin.HandlerFunc {',
        '\treturn func(c *gin.Context) {',
        '\t\thttp.PostForm("https://allow.example.com/check", nil)', // line 11 (hazard rows count from 1)
        '\t\tc.Next()',
        '\t}',
        '}',
      ),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`),
      ['POST /api/v1/apps/sync backend/router/ro_app.go:8', 'GET /api/v1/auth/captcha backend/router/ro_base.go:8', 'GET /legacy backend/router/ro_legacy.go:7'],
    );
    assert.deepEqual(hazardRows(f), ['missing-timeout backend/middleware/white.go:11:3 http.PostForm → POST /api/v1/apps/sync, GET /api/v1/auth/captcha']);
  });

  it('reads a list of the same package written as a variable, values made with new(T) or T{} too; not a type of another list', async () => {
    const route = (type: string, path: string) => lines('package main', '', 'import "github.com/gin-gonic/gin"', '', `type ${type} struct{}`, '', `func (${type}) Register(g *gin.RouterGroup) { g.GET("${path}", list) }`);
    const f = await joined({
      'go.mod': 'module example.com/app\n',
      'main.go': lines(
        'package main',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'type registrar interface{ Register(g *gin.RouterGroup) }',
        '',
        'var apiRouters = []registrar{',
        '\tnew(users),',
        '\torders{},',
        '}',
        '',
        'var adminRouters = []registrar{&audit{}}',
        '',
        'func main() {',
        '\tr := gin.Default()',
        '\tv2 := r.Group("/v2")',
        '\tfor _, rt := range apiRouters {',
        '\t\trt.Register(v2)',
        '\t}',
        '\tr.Run()',
        '}',
        '',
        'func list(c *gin.Context) {}',
      ),
      'users.go': route('users', '/users'),
      'orders.go': route('orders', '/orders'),
      'audit.go': route('audit', '/audit'),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}`), ['GET /audit audit.go', 'GET /v2/orders orders.go', 'GET /v2/users users.go']);
  });
});

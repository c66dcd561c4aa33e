import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * go-admin's skeleton: each router file adds its register function to a package list in `init`, and one function
 * hands the versioned group to every function of the list. Its routes are served under that group.
 */
describe('Go: a group handed to each function of a list the package fills', () => {
  it("prefixes the routes of every function appended to the list (in init, in other files) or written in a []func literal; not a test's, nor another list's", async () => {
    const f = await joined({
      'go.mod': 'module go-admin\n',
      'app/admin/router/router.go': lines(
        'package router',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'var (',
        '\trouterNoCheckRole = make([]func(*gin.RouterGroup), 0)',
        '\trouterCheckRole   = make([]func(v1 *gin.RouterGroup, auth *Middleware), 0)',
        ')',
        '',
        'var publicRouters = []func(*gin.RouterGroup){registerHealth}',
        '',
        'func InitRouter(r *gin.Engine, auth *Middleware) {',
        '\tv1 := r.Group("/api/v1")',
        '\tfor _, f := range routerCheckRole {',
        '\t\tf(v1, auth)',
        '\t}',
        '\tpub := r.Group("/public")',
        '\tfor _, register := range publicRouters {',
        '\t\tregister(pub)',
        '\t}',
        '}',
      ),
      'app/admin/router/sys_api.go': lines(
        'package router',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'func init() {',
        '\trouterCheckRole = append(routerCheckRole, registerSysApiRouter)',
        '}',
        '',
        'func registerSysApiRouter(v1 *gin.RouterGroup, auth *Middleware) {',
        '\tr := v1.Group("/sys-api").Use(auth.MiddlewareFunc())',
        '\t{',
        '\t\tr.GET("", api.GetPage)',
        '\t\tr.GET("/:id", api.Get)',
        '\t}',
        '}',
      ),
      'app/admin/router/sys_user.go': lines(
        'package router',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'func init() {',
        '\trouterCheckRole = append(routerCheckRole, registerSysUserRouter, registerSysRoleRouter)',
        '\trouterNoCheckRole = append(routerNoCheckRole, registerLoginRouter)',
        '}',
        '',
        'func registerSysUserRouter(v1 *gin.RouterGroup, auth *Middleware) {',
        '\tv1.GET("/sys-user", api.GetUsers)',
        '}',
        '',
        'func registerSysRoleRouter(v1 *gin.RouterGroup, auth *Middleware) {',
        '\tv1.GET("/role", api.GetRoles)',
        '}',
        '',
        // Listed in the other list, which no group is handed to here: its route stays as written.
        'func registerLoginRouter(v1 *gin.RouterGroup) {',
        '\tv1.POST("/login", api.Login)',
        '}',
        '',
        'func registerHealth(g *gin.RouterGroup) {',
        '\tg.GET("/health", api.Health)',
        '}',
      ),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`),
      [
        'GET /api/v1/sys-api app/admin/router/sys_api.go:11',
        'GET /api/v1/sys-api/:id app/admin/router/sys_api.go:12',
        'GET /api/v1/sys-user app/admin/router/sys_user.go:10',
        'GET /api/v1/role app/admin/router/sys_user.go:14',
        'POST /login app/admin/router/sys_user.go:18',
        'GET /public/health app/admin/router/sys_user.go:22',
      ],
    );
  });

  it("gin: GET(\"\") on a group a function is handed, r.Group(\"service_tokens\") (nginx-ui), is the group's own path, as c.FullPath() says; GET(\"/\") keeps its slash", async () => {
    const f = await joined({
      'go.mod': 'module example\n',
      'router.go': lines(
        'package main',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'func main() {',
        '\tr := gin.Default()',
        '\tInitManagementRouter(r.Group("/api"))',
        '}',
        '',
        'func InitManagementRouter(r *gin.RouterGroup) {',
        '\tinitTokens(r.Group("service_tokens"))',
        '}',
        '',
        'func initTokens(r *gin.RouterGroup) {',
        '\tr.GET("", list)',
        '\tr.POST("/", list)',
        '\tr.DELETE("/:id", list)',
        '}',
        '',
        'func list(c *gin.Context) {}',
      ),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`), ['GET /api/service_tokens', 'POST /api/service_tokens/', 'DELETE /api/service_tokens/:id']);
  });

  it("Go: a method of a value that is no type of the package (nginx-ui's `c := cosy.Api[Notify](\"x\"); c.InitRouter(r.Group(\"\"))`) is not the package's own function of that name", async () => {
    const f = await joined({
      'go.mod': 'module example\n',
      'router.go': lines(
        'package notify',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'func InitRouter(r *gin.RouterGroup) {',
        '\tr.POST("/external_notifies/test", test)',
        '}',
        '',
        'func InitManageRouter(r *gin.RouterGroup) {',
        '\tc := cosy.Api[Notify]("external_notifies")',
        '\tc.InitRouter(r.Group(""))',
        '}',
        '',
        'func Setup(e *gin.Engine) {',
        '\tInitRouter(e.Group("/api"))',
        '}',
        '',
        'func test(c *gin.Context) {}',
      ),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`), ['POST /api/external_notifies/test']);
  });
});

import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * gin groups the package keeps in variables (`var api = router.Group("/api/v1")`), registered on in `init` or
 * handed on from there: their routes are under the group's prefix, as gin serves them and `c.FullPath()` says.
 */
describe('Go: a gin group kept in a package-level variable', () => {
  it('prefixes the routes registered on it in a function, on a group made of it, and in a function of another file it is handed to', async () => {
    const f = await joined({
      'go.mod': 'module example\n',
      'main.go': lines(
        'package main',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'var router = gin.Default()',
        'var api = router.Group("/api/v1")',
        'var admin = api.Group("/admin")',
        '',
        'func init() {',
        '\tapi.GET("/users", listUsers)',
        '\tusers := api.Group("/users")',
        '\tusers.GET("/:id", getUser)',
        '\tadmin.DELETE("/users/:id", getUser)',
        '\tregisterOrders(api)',
        '}',
        '',
        'func listUsers(c *gin.Context) {}',
        'func getUser(c *gin.Context)   {}',
        '',
        'func main() {',
        '\trouter.GET("/health", getUser)',
        '\trouter.Run(":8080")',
        '}',
      ),
      'orders.go': lines(
        'package main',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'func registerOrders(g *gin.RouterGroup) {',
        '\tg.GET("/orders", listOrders)',
        '}',
        '',
        'func listOrders(c *gin.Context) {}',
      ),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), [
      'DELETE /api/v1/admin/users/:id',
      'GET /api/v1/orders',
      'GET /api/v1/users',
      'GET /api/v1/users/:id',
      'GET /health',
    ]);
  });

  it('leaves alone a parameter or a local variable of the same name, which is another group', async () => {
    const f = await joined({
      'go.mod': 'module example\n',
      'main.go': lines(
        'package main',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'var r = gin.Default()',
        'var api = r.Group("/api/v1")',
        '',
        'func mount(api *gin.RouterGroup) {',
        '\tapi.GET("/mounted", h)',
        '}',
        '',
        'func local() {',
        '\tapi := r.Group("/v2")',
        '\tapi.GET("/local", h)',
        '}',
        '',
        'func main() {',
        '\tlocal()',
        '\tmount(r.Group("/other"))',
        '\tr.Run()',
        '}',
        '',
        'func h(c *gin.Context) {}',
      ),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), ['GET /other/mounted', 'GET /v2/local']);
  });
});

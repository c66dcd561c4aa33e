import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/**
 * 1Panel's backend/init/router/router.go: `swaggerRouter.Use(middleware.JwtAuth()).Use(middleware.SessionAuth())
 * .GET("/swagger/*any", …)`. gin's Use hands back the group it adds to, so the route is the group's, after that
 * middleware.
 */
describe('gin: a route chained after Use on a group variable', () => {
  it("is the group's (1Panel's GET /1panel/swagger/*any), with the middleware chained before it; not a route on a chain with another link", async () => {
    const f = await joined({
      'go.mod': 'module example.com/app\n',
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"github.com/gin-gonic/gin"',
        '\t"example.com/app/middleware"',
        ')',
        '',
        'func main() {',
        '\tr := gin.Default()',
        '\tswaggerRouter := r.Group("1panel")',
        '\tswaggerRouter.Use(middleware.JwtAuth()).Use(middleware.SessionAuth()).GET("/swagger/*any", swagger)', // 10
        '\tapi := r.Group("/api")',
        '\tapi.Use(middleware.SessionAuth()).POST("/items", items)', // 12
        '\tr.GET("/health", health)', // 13
        '\tapi.Use(middleware.SessionAuth()).Handler().GET("/nope", health)',
        '\tr.Run(":8080")',
        '}',
        '',
        'func swagger(c *gin.Context) {}',
        'func items(c *gin.Context)   {}',
        'func health(c *gin.Context)  {}',
      ),
      'middleware/auth.go': lines(
        'package middleware',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/gin-gonic/gin"',
        ')',
        '',
        'func JwtAuth() gin.HandlerFunc {',
        '\treturn func(c *gin.Context) {',
        '\t\thttp.PostForm("https://auth.example.com/verify", nil)', // 11 (hazard rows count from 1)
        '\t\tc.Next()',
        '\t}',
        '}',
        '',
        'func SessionAuth() gin.HandlerFunc {',
        '\treturn func(c *gin.Context) { c.Next() }',
        '}',
      ),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`),
      ['GET /1panel/swagger/*any main.go:10', 'POST /api/items main.go:12', 'GET /health main.go:13'],
    );
    assert.deepEqual(hazardRows(f), ['missing-timeout middleware/auth.go:11:3 http.PostForm → GET /1panel/swagger/*any']);
  });
});

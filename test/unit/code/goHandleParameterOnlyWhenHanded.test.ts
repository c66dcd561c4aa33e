import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * gin: a call of a parameter taking a method, a path and handlers (`add(http.MethodGet, "/x", h)`) is a route only
 * where a caller hands the function a group's Handle (gotosocial's `c.statuses.Route(h)` with `h := apiGroup.Handle`);
 * a function of that shape nothing hands a router's Handle to (a docs helper) registers nothing.
 */
describe('Go: a Handle parameter\'s calls are routes only where a Handle value is handed', () => {
  it('keeps the calls of a function handed a group\'s Handle and invents none for one never handed it', async () => {
    const f = await joined({
      'go.mod': 'module example.com/app\n',
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/gin-gonic/gin"',
        ')',
        '',
        'func describe(add func(method, path string, h ...gin.HandlerFunc)) {',
        '\tadd(http.MethodGet, "/internal/only-doc", listUsers)',
        '}',
        '',
        'func Route(attach func(method, path string, h ...gin.HandlerFunc) gin.IRoutes) {',
        '\tattach(http.MethodGet, "/users", listUsers)',
        '}',
        '',
        'func main() {',
        '\tr := gin.Default()',
        '\tapi := r.Group("/api")',
        '\th := api.Handle',
        '\tRoute(h)',
        '\tr.Run()',
        '}',
        '',
        'func listUsers(c *gin.Context) {}',
      ),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[3]}`), ['GET /api/users 13']);
  });
});

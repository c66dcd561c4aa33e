import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * A base of the package itself read at run time (`var basePath = os.Getenv("BASE_PATH")`) written after a leading
 * slash (`"/"+basePath+"/users"`, `fmt.Sprintf("/%s/orders", basePath)`): read as empty, as a run-time base before a
 * written path is, not dropped; another package's name after the slash must still be declared, and a run-time name
 * that is the whole path after the slash is no route.
 */
describe('Go: a run-time base after a written slash', () => {
  it('reads the base as empty, and keeps no route whose whole path is run time or another package\'s undeclared constant', async () => {
    const f = await joined({
      'go.mod': 'module example.com/app\n',
      'internal/uris/uri.go': lines('package uris', '', 'const UsersPath = "people"'),
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"fmt"',
        '\t"os"',
        '',
        '\t"github.com/gin-gonic/gin"',
        '',
        '\t"example.com/app/internal/uris"',
        ')',
        '',
        'var basePath = os.Getenv("BASE_PATH")',
        '',
        'func main() {',
        '\tr := gin.Default()',
        '\tr.GET("/"+basePath+"/users", listUsers)',
        '\tr.GET(fmt.Sprintf("/%s/orders", basePath), listUsers)',
        '\tr.GET("/"+basePath, listUsers)',
        '\tr.GET("/"+uris.UsersPath, listUsers)',
        '\tr.GET("/"+uris.MissingPath+"/x", listUsers)',
        '\tr.Run()',
        '}',
        '',
        'func listUsers(c *gin.Context) {}',
      ),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[3]}`), ['GET /users 15', 'GET /orders 16', 'GET /people 18']);
  });
});

import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * gin and echo: a group whose prefix is computed at run time (pagoda's `ng := entities.Group(fmt.Sprintf("/%s",
 * strings.ToLower(n.GetName())))` for each entity type) reads that part as empty, as a base set at run time does: its
 * routes stay under the prefixes of the groups above it (`/admin/entity/add`), not at the root (`/add`).
 */
describe('Go: a group of a prefix computed at run time', function () {
  this.timeout(20_000);

  const paths = (f: Awaited<ReturnType<typeof joined>>): string[] => routeRows(f).map(([method, path, file, line]) => `${method} ${path} ${file}:${line + 1}`);
  const gomod = lines('module example.com/app', '', 'go 1.22');

  it("echo: fmt.Sprintf of a loop's value under written groups (pagoda's admin entities)", async () => {
    const f = await joined({
      'go.mod': gomod,
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"fmt"',
        '\t"net/http"',
        '\t"strings"',
        '',
        '\t"github.com/labstack/echo/v4"',
        ')',
        '',
        'var entityTypes = []string{"User", "PasswordToken"}',
        '',
        'func list(c echo.Context) error { return c.String(http.StatusOK, "list") }',
        'func home(c echo.Context) error { return c.String(http.StatusOK, "home") }',
        '',
        'func main() {',
        '\te := echo.New()',
        '\tg := e.Group("")',
        '\tg.GET("/", home)',
        '\tag := g.Group("/admin")',
        '\tentities := ag.Group("/entity")',
        '\tfor _, n := range entityTypes {',
        '\t\tng := entities.Group(fmt.Sprintf("/%s", strings.ToLower(n)))',
        '\t\tng.GET("", list)',
        '\t\tng.GET("/add", list)',
        '\t}',
        '\ttasks := ag.Group("/tasks")',
        '\ttasks.GET("/failed", list)',
        '\te.Logger.Fatal(e.Start(":8000"))',
        '}',
      ),
    });
    assert.deepEqual(paths(f), ['GET / main.go:19', 'GET /admin/entity main.go:24', 'GET /admin/entity/add main.go:25', 'GET /admin/tasks/failed main.go:28']);
  });

  it('gin: `"/" + k` of a loop over a map, under a group handed to the function; a group on the engine itself stays at the root', async () => {
    const f = await joined({
      'go.mod': gomod,
      'main.go': lines(
        'package main',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'var kinds = map[string]string{"users": "user", "teams": "team"}',
        '',
        'func list(c *gin.Context) {}',
        '',
        'func register(api *gin.RouterGroup) {',
        '\tadmin := api.Group("/admin")',
        '\tfor k := range kinds {',
        '\t\tkind := admin.Group("/" + k)',
        '\t\tkind.GET("/count", list)',
        '\t}',
        '}',
        '',
        'func main() {',
        '\tr := gin.Default()',
        '\tregister(r.Group("/api"))',
        '\tfor k := range kinds {',
        '\t\tkg := r.Group("/" + k)',
        '\t\tkg.GET("/export", list)',
        '\t}',
        '\tr.Run(":8080")',
        '}',
      ),
    });
    assert.deepEqual(paths(f), ['GET /api/admin/count main.go:13', 'GET /export main.go:22']);
  });

  it("not Macaron's route of a run-time path, listing its methods (no group: no route at the group's prefix)", async () => {
    const f = await joined({
      'go.mod': gomod,
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"gopkg.in/macaron.v1"',
        ')',
        '',
        'func list(ctx *macaron.Context) {}',
        '',
        'func main() {',
        '\tm := macaron.Classic()',
        '\tm.Group("/api", func() {',
        '\t\tfor _, p := range []string{"a", "b"} {',
        '\t\t\tm.Route("/"+p, "GET,POST", list)',
        '\t\t}',
        '\t\tm.Get("/ping", list)',
        '\t})',
        '\tm.Run()',
        '}',
      ),
    });
    assert.deepEqual(paths(f), ['GET /api/ping main.go:15']);
  });
});

import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * fiber's `All(path, h)` takes every method (ANY) and its `Add(method, path, h)` is given the method first (a
 * constant of fiber's or net/http's, or a string; fiber v3's a list of them), as echo's `Add` is: gatus' security
 * config registers `router.All("/oidc/login", h)` on the router it is given.
 */
describe('Go: fiber All and Add, echo Add', () => {
  it('fiber: All is ANY, Add gives its method first, also on a router handed to a function (gatus)', async () => {
    const f = await joined({
      'go.mod': 'module example.com/app\n',
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"example.com/app/security"',
        '\tfiber "github.com/gofiber/fiber/v2"',
        ')',
        '',
        'func main() {',
        '\tapp := fiber.New()',
        '\tapp.Get("/health", func(c *fiber.Ctx) error { return nil })', // 11
        '\tapp.Add(fiber.MethodPost, "/add", func(c *fiber.Ctx) error { return nil })', // 12
        '\tapp.Add(http.MethodDelete, "/items/:id", func(c *fiber.Ctx) error { return nil })', // 13
        '\tapp.Add("put", "/items/:id", func(c *fiber.Ctx) error { return nil })', // 14
        '\tapp.Add([]string{"GET", "HEAD"}, "/v3", func(c fiber.Ctx) error { return nil })', // 15
        '\tapp.All("/proxy/*", func(c *fiber.Ctx) error { return nil })', // 16
        '\tapp.Add(method, "/unknown", func(c *fiber.Ctx) error { return nil })', // a method known only at run time: none
        '\tsecurity.RegisterHandlers(app)',
        '\t_ = app.Listen(":8080")',
        '}',
      ),
      'security/config.go': lines(
        'package security',
        '',
        'import fiber "github.com/gofiber/fiber/v2"',
        '',
        'func RegisterHandlers(router fiber.Router) {',
        '\trouter.All("/oidc/login", login)', // 5
        '\trouter.Get("/oidc/logout", login)', // 6
        '}',
        '',
        'func login(ctx *fiber.Ctx) error { return nil }',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/health', 'main.go', 11, 'fiber'],
      ['POST', '/add', 'main.go', 12, 'fiber'],
      ['DELETE', '/items/:id', 'main.go', 13, 'fiber'],
      ['PUT', '/items/:id', 'main.go', 14, 'fiber'],
      ['GET', '/v3', 'main.go', 15, 'fiber'],
      ['HEAD', '/v3', 'main.go', 15, 'fiber'],
      ['ANY', '/proxy/*', 'main.go', 16, 'fiber'],
      ['ANY', '/oidc/login', 'security/config.go', 5, 'fiber'],
      ['GET', '/oidc/logout', 'security/config.go', 6, 'fiber'],
    ]);
  });

  it('echo: Add gives its method first; Any is still ANY', async () => {
    const f = await joined({
      'go.mod': 'module example.com/app\n',
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/labstack/echo/v4"',
        ')',
        '',
        'func main() {',
        '\te := echo.New()',
        '\te.Add(http.MethodPatch, "/users/:id", func(c echo.Context) error { return nil })', // 10
        '\te.Any("/any", func(c echo.Context) error { return nil })', // 11
        '\t_ = e.Start(":8080")',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['PATCH', '/users/:id', 'main.go', 10, 'echo'],
      ['ANY', '/any', 'main.go', 11, 'echo'],
    ]);
  });

  it('not a route: All and Add elsewhere (a query, a header, a wait group), nor fiber names under chi or gin', async () => {
    const f = await joined({
      'go.mod': 'module example.com/app\n',
      'fiberside.go': lines(
        'package main',
        '',
        'import fiber "github.com/gofiber/fiber/v2"',
        '',
        'func other(c *fiber.Ctx, q *Query, wg *sync.WaitGroup) error {',
        '\tc.Request().Header.Add("Accept", "application/json")',
        '\tc.Set("X", "y")',
        '\tq.All(&rows)',
        '\twg.Add(1)',
        '\treturn nil',
        '}',
      ),
      'chiside.go': lines(
        'package main',
        '',
        'import "github.com/go-chi/chi/v5"',
        '',
        'func routes(r chi.Router, h http.Header) {',
        '\tr.Method("GET", "/chi", handle)', // 5
        '\tr.All("/all", handle)',
        '\th.Add("GET", "/add")',
        '\tr.Add("GET", "/add", handle)',
        '}',
      ),
      'ginside.go': lines(
        'package main',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'func ginRoutes(r *gin.Engine) {',
        '\tr.Any("/gin", handle)', // 5
        '\tr.All("/all", handle)',
        '\tr.Add("GET", "/add", handle)',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/chi', 'chiside.go', 5, 'chi'],
      ['ANY', '/gin', 'ginside.go', 5, 'gin'],
    ]);
  });
});

import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * fiber's `All` whose handler calls its context's `Next()` is a filter handing every request on to the routes after
 * it (`app.All("/*", func(c *fiber.Ctx) error { c.Set("X-Frame-Options", "DENY"); return c.Next() })`), as Express's
 * `app.all('/*', (req, res, next) => { …; next() })` is: no route. fiber v3's `Add` given a list of method constants,
 * `[]string{fiber.MethodGet, fiber.MethodHead}`, is a route per method, as a list of strings is.
 */
describe('Go: fiber All filters and Add with a list of constants', () => {
  it('an All handing each request on with c.Next() is no route; an All answering, or calling another context’s Next, is ANY', async () => {
    const f = await joined({
      'go.mod': 'module example.com/app\n',
      'main.go': lines(
        'package main',
        '',
        'import "github.com/gofiber/fiber/v2"',
        '',
        'func main() {',
        '\tapp := fiber.New()',
        '\tapp.All("/*", func(c *fiber.Ctx) error {',
        '\t\tc.Set("X-Frame-Options", "DENY")',
        '\t\treturn c.Next()',
        '\t})',
        '\tapp.All("/api/*", guard)',
        '\tapp.All("/proxy/*", func(c *fiber.Ctx) error {', // 11
        '\t\treturn c.SendString("proxied")',
        '\t})',
        '\tapp.All("/iter", func(ctx *fiber.Ctx) error {', // 14
        '\t\tfor it.Next() {',
        '\t\t}',
        '\t\treturn ctx.SendStatus(204)',
        '\t})',
        '\tapp.Get("/ok", func(c *fiber.Ctx) error { return c.Next() })', // 19: only All is read as a filter
        '\t_ = app.Listen(":3000")',
        '}',
        '',
        'func guard(ctx *fiber.Ctx) error {',
        '\tif ctx.Get("Authorization") == "" {',
        '\t\treturn ctx.SendStatus(401)',
        '\t}',
        '\treturn ctx.Next()',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['ANY', '/proxy/*', 'main.go', 11, 'fiber'],
      ['ANY', '/iter', 'main.go', 14, 'fiber'],
      ['GET', '/ok', 'main.go', 19, 'fiber'],
    ]);
  });

  it('v3: Add given a list of method constants is a route per method; a list holding a name known only at run time is none', async () => {
    const f = await joined({
      'go.mod': 'module example.com/app\n',
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/gofiber/fiber/v3"',
        ')',
        '',
        'func main() {',
        '\tapp := fiber.New()',
        '\tapi := app.Group("/api")',
        '\tapi.Add([]string{fiber.MethodGet, fiber.MethodHead}, "/v3list", add)', // 11
        '\tapi.Add([]string{http.MethodPut, "PATCH"}, "/mixed", add)', // 12
        '\tapi.Add([]string{fiber.MethodGet, method}, "/unknown", add)',
        '\tapi.Add(fiber.MethodPost, "/add", add)', // 14
        '\t_ = app.Listen(":3000")',
        '}',
        '',
        'func add(c fiber.Ctx) error { return c.SendString("a") }',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/v3list', 'main.go', 11, 'fiber'],
      ['HEAD', '/api/v3list', 'main.go', 11, 'fiber'],
      ['PATCH', '/api/mixed', 'main.go', 12, 'fiber'],
      ['PUT', '/api/mixed', 'main.go', 12, 'fiber'],
      ['POST', '/api/add', 'main.go', 14, 'fiber'],
    ]);
  });
});

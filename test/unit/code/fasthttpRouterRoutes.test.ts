import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * fasthttp/router (authelia's server): gin's method names in capitals, with `ANY` for every method (authelia's
 * `r.ANY(pathAuthzLegacy, handlerAuthz)`), `CONNECT`, `TRACE`, `Handle(method, path, h)` given a method's name or
 * fasthttp's constant (`router.MethodWild`: any), groups joined as written, and `{name}`, `{name?}`, `{name:regex}`,
 * `{name:*}` parameters kept as written.
 */
describe('Go: fasthttp/router', function () {
  this.timeout(20_000);

  const rows = (f: Awaited<ReturnType<typeof joined>>): string[] => routeRows(f).map(([method, path, file, line, framework]) => `${method} ${path} ${file}:${line + 1} ${framework}`);
  const gomod = lines('module example.com/app', '', 'go 1.22', '', 'require (', '\tgithub.com/fasthttp/router v1.5.4', '\tgithub.com/valyala/fasthttp v1.73.0', ')');

  it("authelia: ANY with a constant path, path.Join of a catch-all parameter, and a literal", async () => {
    const f = await joined({
      'go.mod': gomod,
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"path"',
        '',
        '\t"github.com/fasthttp/router"',
        '\t"github.com/valyala/fasthttp"',
        ')',
        '',
        'const (',
        '\tpathAuthzLegacy     = "/api/verify"',
        '\tpathParamAuthzEnvoy = "{extauthz:*}"',
        ')',
        '',
        'func health(ctx *fasthttp.RequestCtx) { ctx.SetBodyString("ok") }',
        'func verify(ctx *fasthttp.RequestCtx) { ctx.SetStatusCode(200) }',
        '',
        'func main() {',
        '\tr := router.New()',
        '\tr.GET("/api/health", health)',
        '\tr.ANY(pathAuthzLegacy, verify)',
        '\tr.ANY(path.Join(pathAuthzLegacy, pathParamAuthzEnvoy), verify)',
        '\tr.ANY("/api/authz/forward-auth", verify)',
        '\tfasthttp.ListenAndServe(":9091", r.Handler)',
        '}',
      ),
    });
    assert.deepEqual(rows(f), [
      'GET /api/health main.go:20 fasthttp/router',
      'ANY /api/verify main.go:21 fasthttp/router',
      'ANY /api/verify/{extauthz:*} main.go:22 fasthttp/router',
      'ANY /api/authz/forward-auth main.go:23 fasthttp/router',
    ]);
  });

  it("Handle with a method's name or fasthttp's constants, CONNECT and TRACE, and a group's routes under its prefix", async () => {
    const f = await joined({
      'go.mod': gomod,
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"github.com/fasthttp/router"',
        '\t"github.com/valyala/fasthttp"',
        ')',
        '',
        'func h(ctx *fasthttp.RequestCtx) { ctx.SetStatusCode(200) }',
        '',
        'func main() {',
        '\tr := router.New()',
        '\tr.Handle("PURGE", "/cache/{key}", h)',
        '\tr.Handle(fasthttp.MethodDelete, "/items/{id:[0-9]+}", h)',
        '\tr.Handle(router.MethodWild, "/proxy/{path:*}", h)',
        '\tr.CONNECT("/tunnel", h)',
        '\tr.TRACE("/trace", h)',
        '\tapi := r.Group("/api")',
        '\tapi.ANY("/users/{name?}", h)',
        '\tapi.POST("/items/", h)',
        '\tfasthttp.ListenAndServe(":8080", r.Handler)',
        '}',
      ),
    });
    assert.deepEqual(rows(f), [
      'PURGE /cache/{key} main.go:12 fasthttp/router',
      'DELETE /items/{id:[0-9]+} main.go:13 fasthttp/router',
      'ANY /proxy/{path:*} main.go:14 fasthttp/router',
      'CONNECT /tunnel main.go:15 fasthttp/router',
      'TRACE /trace main.go:16 fasthttp/router',
      'ANY /api/users/{name?} main.go:18 fasthttp/router',
      'POST /api/items/ main.go:19 fasthttp/router',
    ]);
  });

  it("not a handler's own Handle(ctx), nor a net/http ServeMux's Handle, in the same kind of file", async () => {
    const f = await joined({
      'go.mod': gomod,
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/fasthttp/router"',
        '\t"github.com/valyala/fasthttp"',
        ')',
        '',
        'type authz struct{}',
        '',
        'func (a *authz) Handle(ctx *fasthttp.RequestCtx) {}',
        '',
        'func main() {',
        '\ta := &authz{}',
        '\tr := router.New()',
        '\tr.GET("/api/verify", func(ctx *fasthttp.RequestCtx) { a.Handle(ctx) })',
        '\tmux := http.NewServeMux()',
        '\tmux.Handle("/metrics", http.NotFoundHandler())',
        '\tfasthttp.ListenAndServe(":8080", r.Handler)',
        '}',
      ),
    });
    assert.deepEqual(rows(f), ['GET /api/verify main.go:17 fasthttp/router', 'ANY /metrics main.go:19 net/http']);
  });
});

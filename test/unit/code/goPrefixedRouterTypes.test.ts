import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * A project's own router type whose registration methods join a prefix field its constructor sets (hydra's
 * oryx/httprouterx: `NewRouterAdminWithPrefix()` sets `r.prefix = AdminPrefix`, and `GET` → `handle` registers
 * `path.Join(r.prefix, route)`): routes registered on a parameter of that type are under the prefix.
 */
describe("Go: a project's router type that joins the prefix its constructor sets", function () {
  this.timeout(20_000);

  const router = (...constructors: string[]) =>
    lines(
      'package httprouterx',
      '',
      'import (',
      '\t"net/http"',
      '\t"path"',
      ')',
      '',
      'const AdminPrefix = "/admin"',
      '',
      'type (',
      '\trouter struct {',
      '\t\tmux    *http.ServeMux',
      '\t\tprefix string',
      '\t}',
      '\tRouterAdmin  struct{ router }',
      '\tRouterPublic struct{ router }',
      ')',
      '',
      'func newRouter() *router { return &router{mux: http.NewServeMux()} }',
      '',
      'func NewRouterPublic() *RouterPublic { return &RouterPublic{router: *newRouter()} }',
      '',
      ...constructors,
      '',
      'func (r *router) GET(route string, handle http.HandlerFunc) { r.handle(http.MethodGet, route, handle) }',
      '',
      'func (r *router) handle(method string, route string, handler http.Handler) {',
      '\troute = path.Join(r.prefix, route)',
      '\tr.mux.Handle(method+" "+route, handler)',
      '}',
      '',
      '// Handle does not prepend the admin prefix.',
      'func (r *router) Handle(pattern string, handler http.Handler) { r.mux.Handle(pattern, handler) }',
    );
  const handler = lines(
    'package client',
    '',
    'import (',
    '\t"net/http"',
    '',
    '\t"example.com/app/httprouterx"',
    ')',
    '',
    'const ClientsHandlerPath = "/clients"',
    '',
    'type Handler struct{}',
    '',
    'func (h *Handler) SetAdminRoutes(r *httprouterx.RouterAdmin) {',
    '\tr.GET(ClientsHandlerPath, h.list)',
    '\tr.Handle("/raw", http.HandlerFunc(h.list))',
    '}',
    '',
    'func (h *Handler) SetPublicRoutes(r *httprouterx.RouterPublic) {',
    '\tr.GET("/oauth2/register/{id}", h.list)',
    '}',
    '',
    'func (h *Handler) list(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) }',
  );
  const withPrefix = ['func NewRouterAdmin() *RouterAdmin { return &RouterAdmin{router: *newRouter()} }', '', 'func NewRouterAdminWithPrefix() *RouterAdmin {', '\tr := NewRouterAdmin()', '\tr.prefix = AdminPrefix', '\treturn r', '}'];

  it("puts the admin type's GET under /admin, not its Handle, which joins nothing, nor the public type's routes (hydra)", async () => {
    const f = await joined({
      'go.mod': lines('module example.com/app', '', 'go 1.22'),
      'httprouterx/router.go': router(...withPrefix),
      'client/handler.go': handler,
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/admin/clients', 'client/handler.go', 13, 'gin'],
      ['ANY', '/raw', 'client/handler.go', 14, 'net/http'],
      ['GET', '/oauth2/register/{id}', 'client/handler.go', 18, 'gin'],
    ]);
  });

  it('adds no prefix where another constructor of the type, not built on by the prefixed one, sets none', async () => {
    const f = await joined({
      'go.mod': lines('module example.com/app', '', 'go 1.22'),
      'httprouterx/router.go': router(
        'func NewRouterAdmin() *RouterAdmin { return &RouterAdmin{router: *newRouter()} }',
        '',
        'func NewRouterAdminWithPrefix() *RouterAdmin {',
        '\tr := &RouterAdmin{router: *newRouter()}',
        '\tr.prefix = AdminPrefix',
        '\treturn r',
        '}',
      ),
      'client/handler.go': handler,
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/clients', 'client/handler.go', 13, 'gin'],
      ['ANY', '/raw', 'client/handler.go', 14, 'net/http'],
      ['GET', '/oauth2/register/{id}', 'client/handler.go', 18, 'gin'],
    ]);
  });
  it("adds no prefix, rather than one in the wrong order, to routes reaching the parameter with a prefix through the type's own Group", async () => {
    const router = lines(
      'package router',
      '',
      'import (',
      '\t"net/http"',
      '\t"path"',
      ')',
      '',
      'const APIPrefix = "/api"',
      '',
      'type Router struct {',
      '\tmux    *http.ServeMux',
      '\tprefix string',
      '}',
      '',
      'func NewAPIRouter(mux *http.ServeMux) *Router {',
      '\tr := &Router{mux: mux}',
      '\tr.prefix = APIPrefix',
      '\treturn r',
      '}',
      '',
      'func (r *Router) handle(method, p string, h http.HandlerFunc) {',
      '\tr.mux.HandleFunc(method+" "+path.Join(r.prefix, p), h)',
      '}',
      '',
      'func (r *Router) GET(p string, h http.HandlerFunc)  { r.handle("GET", p, h) }',
      'func (r *Router) POST(p string, h http.HandlerFunc) { r.handle("POST", p, h) }',
      '',
      'func (r *Router) Group(p string) *Router {',
      '\tg := &Router{mux: r.mux}',
      '\tg.prefix = path.Join(r.prefix, p)',
      '\treturn g',
      '}',
    );
    const users = lines(
      'package users',
      '',
      'import (',
      '\t"net/http"',
      '',
      '\t"github.com/acme/app/router"',
      ')',
      '',
      'func Register(r *router.Router) {',
      '\tr.GET("/users", list)',
      '\tr.POST("/users", create)',
      '}',
      '',
      'func list(w http.ResponseWriter, req *http.Request)   {}',
      'func create(w http.ResponseWriter, req *http.Request) {}',
    );
    const main = (call: string) =>
      lines(
        'package main',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/acme/app/router"',
        '\t"github.com/acme/app/users"',
        ')',
        '',
        'func main() {',
        '\tmux := http.NewServeMux()',
        '\tapi := router.NewAPIRouter(mux)',
        `\t${call}`,
        '\thttp.ListenAndServe(":8080", mux)',
        '}',
      );
    const files = (call: string) => ({ 'go.mod': lines('module github.com/acme/app', '', 'go 1.22'), 'router/router.go': router, 'users/users.go': users, 'main.go': main(call) });
    assert.deepEqual(routeRows(await joined(files('users.Register(api.Group("/v1"))'))), [
      ['GET', '/v1/users', 'users/users.go', 9, 'gin'],
      ['POST', '/v1/users', 'users/users.go', 10, 'gin'],
    ]);
    // Handed the router itself: its prefix, as before.
    assert.deepEqual(routeRows(await joined(files('users.Register(api)'))), [
      ['GET', '/api/users', 'users/users.go', 9, 'gin'],
      ['POST', '/api/users', 'users/users.go', 10, 'gin'],
    ]);
  });
});

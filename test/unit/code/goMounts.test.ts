import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

/** Go routers mounted, grouped and handed on across functions, files and packages: each route's full path. */
describe('Go mounts and groups across functions and packages', function () {
  this.timeout(20_000);

  const paths = (f: Awaited<ReturnType<typeof joined>>): string[] => routeRows(f).map(([method, path]) => `${method} ${path}`);

  it("chi: a router a constructor builds, mounted by the project's own MountRouter under a prefix (navidrome)", async () => {
    const f = await joined({
      'go.mod': lines('module example.com/app', '', 'go 1.22'),
      'cmd/wire_gen.go': lines(
        'package cmd',
        '',
        'import "example.com/app/api"',
        '',
        'func CreateNativeAPIRouter() *api.Router {',
        '\trouter := api.New()',
        '\treturn router',
        '}',
      ),
      'cmd/root.go': lines(
        'package cmd',
        '',
        'import (',
        '\t"example.com/app/api"',
        '\t"example.com/app/consts"',
        '\t"example.com/app/server"',
        ')',
        '',
        'func startServer() {',
        '\ta := server.New()',
        '\ta.MountRouter("Native API", consts.URLPathNativeAPI, CreateNativeAPIRouter())',
        '\ta.MountRouter("Other", "/c", api.Routes())',
        // No function of the service mounts so: not a mount.
        '\ta.MountLater("/x", api.Routes())',
        '}',
      ),
      'consts/consts.go': lines('package consts', '', 'const URLPathNativeAPI = "/api"'),
      'server/server.go': lines(
        'package server',
        '',
        'import (',
        '\t"net/http"',
        '\t"path"',
        '',
        '\t"github.com/go-chi/chi/v5"',
        ')',
        '',
        'type Server struct{ router chi.Router }',
        '',
        'func New() *Server { return &Server{router: chi.NewRouter()} }',
        '',
        'func (s *Server) MountRouter(description, urlPath string, subRouter http.Handler) {',
        '\turlPath = path.Join(conf.Server.BasePath, urlPath)',
        '\ts.router.Group(func(r chi.Router) {',
        '\t\tr.Mount(urlPath, subRouter)',
        '\t})',
        '}',
        '',
        'func (s *Server) mountAuthenticationRoutes() chi.Router {',
        '\tr := s.router',
        '\treturn r.Route(path.Join(conf.Server.BasePath, "/auth"), func(r chi.Router) {',
        '\t\tr.Post("/login", login)',
        '\t})',
        '}',
        '',
        'func login(w http.ResponseWriter, r *http.Request) {}',
      ),
      'api/api.go': lines(
        'package api',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/go-chi/chi/v5"',
        ')',
        '',
        'type Router struct {',
        '\thttp.Handler',
        '}',
        '',
        'func New() *Router {',
        '\tr := &Router{}',
        '\tr.Handler = r.routes()',
        '\treturn r',
        '}',
        '',
        'func (api *Router) routes() http.Handler {',
        '\tr := chi.NewRouter()',
        '\tr.Get("/ping", ping)',
        '\tr.Group(func(r chi.Router) {',
        '\t\tapi.addArtistRoute(r)',
        '\t})',
        '\treturn r',
        '}',
        '',
        'func (api *Router) addArtistRoute(r chi.Router) {',
        '\tr.Get("/artist", ping)',
        '}',
        '',
        'func Routes() http.Handler {',
        '\tr := chi.NewRouter()',
        '\tr.Get("/pong", func(w http.ResponseWriter, r *http.Request) { ping(w, r) })',
        '\treturn r',
        '}',
        '',
        'func ping(w http.ResponseWriter, r *http.Request) {}',
      ),
    });
    assert.deepEqual(paths(f), ['GET /api/ping', 'GET /api/artist', 'GET /c/pong', 'POST /auth/login']);
  });

  it('gin, echo: a group handed on unchanged through a function keeps its prefix; a function called with more than four groups has each (alist, vikunja)', async () => {
    const f = await joined({
      'go.mod': lines('module example.com/app', '', 'go 1.22'),
      'handles/task.go': lines(
        'package handles',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'func taskRoute(g *gin.RouterGroup) {',
        '\tg.GET("/undone", undone)',
        '}',
        '',
        'func SetupTaskRoute(g *gin.RouterGroup) {',
        '\ttaskRoute(g.Group("/a"))',
        '\ttaskRoute(g.Group("/b"))',
        '\ttaskRoute(g.Group("/c"))',
        '\ttaskRoute(g.Group("/d"))',
        '\ttaskRoute(g.Group("/e"))',
        '}',
        '',
        'func undone(c *gin.Context) {}',
      ),
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"example.com/app/handles"',
        '\t"github.com/gin-gonic/gin"',
        ')',
        '',
        'func task(g *gin.RouterGroup) { handles.SetupTaskRoute(g) }',
        '',
        'func main() {',
        '\te := gin.New()',
        '\tapi := e.Group("/api")',
        '\ttask(api.Group("/task"))',
        '\te.Run()',
        '}',
      ),
      // vikunja's routes.go: `registerMigrations(m)` hands its group to each migrator's RegisterRoutes.
      'echoapp/routes.go': lines(
        'package echoapp',
        '',
        'import (',
        '\t"example.com/app/migration"',
        '\t"github.com/labstack/echo/v4"',
        ')',
        '',
        'func registerAPIRoutes(a *echo.Group) {',
        '\tm := a.Group("/migration")',
        '\tregisterMigrations(m)',
        '}',
        '',
        'func registerMigrations(m *echo.Group) {',
        '\tcsv := &migration.MigratorWeb{}',
        '\tcsv.RegisterRoutes(m)',
        '}',
        '',
        'func Start() {',
        '\te := echo.New()',
        '\tregisterAPIRoutes(e.Group("/api/v1"))',
        '}',
      ),
      'migration/handler.go': lines(
        'package migration',
        '',
        'import "github.com/labstack/echo/v4"',
        '',
        'type MigratorWeb struct{}',
        '',
        'func (m *MigratorWeb) RegisterRoutes(g *echo.Group) {',
        '\tg.GET("/csv/status", m.Status)',
        '}',
        '',
        'func (m *MigratorWeb) Status(c echo.Context) error { return nil }',
      ),
    });
    assert.deepEqual(paths(f), [
      'GET /api/task/a/undone',
      'GET /api/task/b/undone',
      'GET /api/task/c/undone',
      'GET /api/task/d/undone',
      'GET /api/task/e/undone',
      'GET /api/v1/migration/csv/status',
    ]);
  });

  it("echo joins a group's prefix and a path as they are (`g.prefix + path`); gin puts a slash between (vikunja)", async () => {
    const f = await joined({
      'echo.go': lines(
        'package main',
        '',
        'import "github.com/labstack/echo/v4"',
        '',
        'func registerAPIRoutes(e *echo.Echo) {',
        '\ta := e.Group("/api/v1")',
        '\tu := a.Group("/user")',
        '\tu.GET("s", list)', // 6: /api/v1/users
        '\tu.GET("/", list)', // 7: /api/v1/user/
        '\tt := a.Group("/tasks")',
        '\tt.GET("", list)', // 9: the group's own path
        '\tt.Group("/:id").GET("/comments", list)', // 10
        '\te.GET("health", list)', // 11: echo's router puts the slash first
        '}',
        '',
        'func list(c echo.Context) error { return nil }',
      ),
      'gin.go': lines(
        'package main',
        '',
        'import "github.com/gin-gonic/gin"',
        '',
        'func routes(r *gin.Engine) {',
        '\tu := r.Group("/user")',
        '\tu.GET("s", show)', // 6: /user/s
        '}',
        '',
        'func show(c *gin.Context) {}',
      ),
    });
    assert.deepEqual(
      routeRows(f).map(([method, path, file]) => `${file} ${method} ${path}`),
      ['echo.go GET /api/v1/users', 'echo.go GET /api/v1/user/', 'echo.go GET /api/v1/tasks', 'echo.go GET /api/v1/tasks/:id/comments', 'echo.go GET /health', 'gin.go GET /user/s'],
    );
  });

  it("Huma: an operation registered with its method and path, through huma.Register, a project's wrapper, or huma.Get; under a group's prefix (vikunja)", async () => {
    const f = await joined({
      'api.go': lines(
        'package apiv2',
        '',
        'import (',
        '\t"context"',
        '\t"net/http"',
        '',
        '\t"github.com/danielgtaylor/huma/v2"',
        ')',
        '',
        'func Register[I, O any](api huma.API, op huma.Operation, handler func(context.Context, *I) (*O, error)) {',
        '\thuma.Register(api, op, handler)', // 10: the operation is the caller's
        '}',
        '',
        'func RegisterLabelRoutes(api huma.API) {',
        '\tRegister(api, huma.Operation{',
        '\t\tOperationID: "labels-read",',
        '\t\tMethod:      http.MethodGet,',
        '\t\tPath:        "/labels/{id}",',
        '\t}, labelsRead)',
        '\thuma.Register(api, huma.Operation{Method: "POST", Path: "/labels"}, func(ctx context.Context, in *struct{}) (*struct{}, error) {',
        '\t\treturn nil, nil',
        '\t})',
        '\tgrp := huma.NewGroup(api, "/v2")',
        '\thuma.Get(grp, "/health", labelsRead)',
        '\thuma.Delete(api, "/labels/{id}", labelsRead)',
        '\tapi.OpenAPI().Info.Title = "x"',
        '}',
        '',
        'func labelsRead(ctx context.Context, in *struct{}) (*struct{}, error) { return nil, nil }',
      ),
    });
    assert.deepEqual(routeRows(f).map(([method, path, , line, framework]) => `${line} ${method} ${path} ${framework}`), [
      '14 GET /labels/{id} huma',
      '19 POST /labels huma',
      '23 GET /v2/health huma',
      '24 DELETE /labels/{id} huma',
    ]);
  });
});

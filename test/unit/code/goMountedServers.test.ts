import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * chi: `Mount` of a value that serves requests itself (drone's `r.Mount("/metrics", metrics)`, a `*metric.Server` with
 * its own ServeHTTP): one route at the prefix, as `Handle` of it gives; a mounted router's routes stay its own.
 */
describe('Go: chi Mount of a value with its own ServeHTTP', function () {
  this.timeout(20_000);

  it('is a route at the prefix, made in place or by the provider of a parameter (drone); a router mounted is not', async () => {
    const f = await joined({
      'go.mod': lines('module example.com/app', '', 'go 1.20'),
      'metric/handler.go': lines(
        'package metric',
        '',
        'import "net/http"',
        '',
        'type Server struct{ anonymous bool }',
        '',
        'func NewServer(anonymous bool) *Server { return &Server{anonymous: anonymous} }',
        '',
        'func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { w.Write([]byte("metrics")) }',
      ),
      'health/health.go': lines(
        'package health',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/go-chi/chi"',
        ')',
        '',
        'func New() http.Handler {',
        '\tr := chi.NewRouter()',
        '\tr.Get("/", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })',
        '\treturn r',
        '}',
      ),
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"example.com/app/health"',
        '\t"example.com/app/metric"',
        '\t"github.com/go-chi/chi"',
        ')',
        '',
        'func provideMetric() *metric.Server { return metric.NewServer(false) }',
        '',
        'func provideRouter(metrics *metric.Server) *chi.Mux {',
        '\tr := chi.NewRouter()',
        '\tr.Mount("/healthz", health.New())',
        '\tr.Mount("/metrics", metrics)',
        '\tr.Mount("/anonymous/", metric.NewServer(true))',
        '\treturn r',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/healthz', 'health/health.go', 10, 'chi'],
      ['ANY', '/metrics', 'main.go', 13, 'chi'],
      ['ANY', '/anonymous', 'main.go', 14, 'chi'],
    ]);
  });

  it('is no route where the value is a library\'s, or its ServeHTTP dispatches by hand', async () => {
    const f = await joined({
      'go.mod': lines('module example.com/app', '', 'go 1.20'),
      'rpc/server.go': lines(
        'package rpc',
        '',
        'import "net/http"',
        '',
        'type Server struct{}',
        '',
        'func NewServer() *Server { return &Server{} }',
        '',
        'func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {',
        '\tswitch r.URL.Path {',
        '\tcase "/rpc/v1/write":',
        '\t\ts.handleWrite(w, r)',
        '\tcase "/rpc/v1/watch":',
        '\t\ts.handleWatch(w, r)',
        '\t}',
        '}',
        '',
        'func (s *Server) handleWrite(w http.ResponseWriter, r *http.Request) {}',
        'func (s *Server) handleWatch(w http.ResponseWriter, r *http.Request) {}',
      ),
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"example.com/app/rpc"',
        '\t"github.com/go-chi/chi"',
        '\t"github.com/go-chi/chi/middleware"',
        ')',
        '',
        'func provideRouter() *chi.Mux {',
        '\tr := chi.NewRouter()',
        '\tr.Mount("/rpc", rpc.NewServer())',
        '\tr.Mount("/debug", middleware.Profiler())',
        '\treturn r',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f).filter(([, , file]) => file === 'main.go'), []);
  });
  it("is no route for a wrapper whose ServeHTTP forwards to the router its package builds; one forwarding to a library's handler still is", async () => {
    const f = await joined({
      'go.mod': lines('module github.com/acme/svc', '', 'go 1.22'),
      'api/handler.go': lines(
        'package api',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/go-chi/chi/v5"',
        ')',
        '',
        'type Handler struct {',
        '\trouter chi.Router',
        '}',
        '',
        'func NewHandler() *Handler {',
        '\th := &Handler{}',
        '\th.router = h.routes()',
        '\treturn h',
        '}',
        '',
        'func (h *Handler) routes() chi.Router {',
        '\tr := chi.NewRouter()',
        '\tr.Get("/users", h.listUsers)',
        '\tr.Post("/users", h.createUser)',
        '\treturn r',
        '}',
        '',
        'func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {',
        '\th.router.ServeHTTP(w, r)',
        '}',
        '',
        'func (h *Handler) listUsers(w http.ResponseWriter, r *http.Request)  {}',
        'func (h *Handler) createUser(w http.ResponseWriter, r *http.Request) {}',
      ),
      'metric/handler.go': lines(
        'package metric',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/prometheus/client_golang/prometheus/promhttp"',
        ')',
        '',
        'type Server struct{ metrics http.Handler }',
        '',
        'func NewServer() *Server { return &Server{metrics: promhttp.Handler()} }',
        '',
        'func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {',
        '\ts.metrics.ServeHTTP(w, r)',
        '}',
      ),
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/go-chi/chi/v5"',
        '',
        '\t"github.com/acme/svc/api"',
        '\t"github.com/acme/svc/metric"',
        ')',
        '',
        'func main() {',
        '\tr := chi.NewRouter()',
        '\tr.Mount("/api", api.NewHandler())',
        '\tr.Mount("/metrics", metric.NewServer())',
        '\thttp.ListenAndServe(":8080", r)',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/users', 'api/handler.go', 20, 'chi'],
      ['POST', '/users', 'api/handler.go', 21, 'chi'],
      ['ANY', '/metrics', 'main.go', 14, 'chi'],
    ]);
  });
});

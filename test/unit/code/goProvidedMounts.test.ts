import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * chi: a router a function is handed as a parameter and mounts (drone's Wire-built `provideRouter(…, rpcv2
 * rpcHandlerV2, …)` with `r.Mount("/rpc/v2", rpcv2)`): the value is the one the file's provider of that type makes.
 */
describe('Go: a mounted parameter, made by the provider of its type', function () {
  this.timeout(20_000);

  const rpc2 = lines(
    'package rpc2',
    '',
    'import (',
    '\t"net/http"',
    '',
    '\t"github.com/go-chi/chi"',
    ')',
    '',
    'type Server http.Handler',
    '',
    'func NewServer() Server {',
    '\tr := chi.NewRouter()',
    '\tr.Post("/ping", handlePing)',
    '\treturn Server(r)',
    '}',
    '',
    'func handlePing(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) }',
  );
  const health = lines(
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
  );
  const main = (...providers: string[]) =>
    lines(
      'package main',
      '',
      'import (',
      '\t"net/http"',
      '',
      '\t"example.com/app/health"',
      '\t"example.com/app/rpc2"',
      '\t"github.com/go-chi/chi"',
      ')',
      '',
      'type rpcHandlerV2 http.Handler',
      'type healthzHandler http.Handler',
      '',
      ...providers,
      '',
      'func provideRouter(rpcv2 rpcHandlerV2, healthz healthzHandler) *chi.Mux {',
      '\tr := chi.NewRouter()',
      '\tr.Mount("/healthz", healthz)',
      '\tr.Mount("/rpc/v2", rpcv2)',
      '\treturn r',
      '}',
    );

  it('mounts what the provider returns: converted in place, or kept in a local first (drone)', async () => {
    const f = await joined({
      'go.mod': lines('module example.com/app', '', 'go 1.20'),
      'rpc2/server.go': rpc2,
      'health/health.go': health,
      'main.go': main(
        'func provideRPC2() rpcHandlerV2 { return rpcHandlerV2(rpc2.NewServer()) }',
        'func provideHealthz() healthzHandler {',
        '\tv := health.New()',
        '\treturn healthzHandler(v)',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/healthz', 'health/health.go', 10, 'chi'],
      ['POST', '/rpc/v2/ping', 'rpc2/server.go', 12, 'chi'],
    ]);
  });

  it('guesses no value where two functions return the type, or none does', async () => {
    const f = await joined({
      'go.mod': lines('module example.com/app', '', 'go 1.20'),
      'rpc2/server.go': rpc2,
      'health/health.go': health,
      'main.go': main(
        'func provideRPC2() rpcHandlerV2 { return rpcHandlerV2(rpc2.NewServer()) }',
        'func otherRPC2() rpcHandlerV2 { return rpcHandlerV2(rpc2.NewServer()) }',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/', 'health/health.go', 10, 'chi'],
      ['POST', '/ping', 'rpc2/server.go', 12, 'chi'],
    ]);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Go servers that route by hand (no router): if r.URL.Path == … and switch r.URL.Path', () => {
  it("ntfy's dispatcher: each branch comparing the method and the path, handing the request to a method (also through middleware), is that method's route; hazards in it are on the route", async () => {
    const f = await joined({
      'go.mod': 'module heckel.io/ntfy\n',
      'server/server.go': lines(
        'package server',
        '',
        'import "net/http"',
        '',
        'const (',
        '\tapiHealthPath  = "/v1/health"',
        '\tapiAccountPath = "/v1/account"',
        ')',
        '',
        'type Server struct{ db *sql.DB }',
        '',
        'func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handleInternal(w, r, nil) }',
        '',
        'func (s *Server) handleInternal(w http.ResponseWriter, r *http.Request, v *visitor) error {',
        '\tif r.Method == http.MethodGet && r.URL.Path == "/" && s.config.WebRoot == "/" {',
        '\t\treturn s.ensureWebEnabled(s.handleRoot)(w, r, v)',
        '\t} else if r.Method == http.MethodGet && r.URL.Path == apiHealthPath {',
        '\t\treturn s.handleHealth(w, r, v)',
        '\t} else if (r.Method == http.MethodPut || r.Method == "POST") && r.URL.Path == apiAccountPath {',
        '\t\treturn s.ensureUser(s.withAccountSync(s.handleAccountChange))(w, r, v)',
        '\t} else if r.Method == http.MethodDelete && accountRegex.MatchString(r.URL.Path) {',
        '\t\treturn s.handleAccountDelete(w, r, v)',
        '\t} else if r.URL.Path == "/docs" || r.URL.Path == "/docs/" {',
        '\t\treturn s.handleDocs(w, r, v)',
        '\t}',
        '\treturn errHTTPNotFound',
        '}',
        '',
        'func (s *Server) handleRoot(w http.ResponseWriter, r *http.Request, v *visitor) error { return nil }',
        'func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request, v *visitor) error {',
        '\tfor _, t := range s.topics {',
        '\t\ts.db.Query("SELECT id FROM messages WHERE topic = ? LIMIT 1", t)',
        '\t}',
        '\treturn nil',
        '}',
        'func (s *Server) handleAccountChange(w http.ResponseWriter, r *http.Request, v *visitor) error { return nil }',
        'func (s *Server) handleDocs(w http.ResponseWriter, r *http.Request, v *visitor) error { return nil }',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/', 'server/server.go', 14, 'net/http'],
      ['GET', '/v1/health', 'server/server.go', 16, 'net/http'],
      ['POST', '/v1/account', 'server/server.go', 18, 'net/http'],
      ['PUT', '/v1/account', 'server/server.go', 18, 'net/http'],
      ['ANY', '/docs', 'server/server.go', 22, 'net/http'],
      ['ANY', '/docs/', 'server/server.go', 22, 'net/http'],
    ]);
    assert.deepEqual(hazardRows(f), ['query-in-loop server/server.go:32:3 s.db.Query [for sequential] → GET /v1/health']);
  });

  it("a path matched by a regular expression the file compiles (ntfy's jsonPathRegex.MatchString(r.URL.Path)) is a route of that expression; hazards behind it are on it", async () => {
    const f = await joined({
      'go.mod': 'module heckel.io/ntfy\n',
      'server/server.go': lines(
        'package server',
        '',
        'import (',
        '\t"net/http"',
        '\t"regexp"',
        ')',
        '',
        'var (',
        '\tjsonPathRegex    = regexp.MustCompile(`^/[-_A-Za-z0-9]{1,64}(,[-_A-Za-z0-9]{1,64})*/json$`)',
        '\tpublishPathRegex = regexp.MustCompile("^/[-_A-Za-z0-9]{1,64}/publish$")',
        '\tloose            = regexp.MustCompile(`json`)',
        ')',
        '',
        'func (s *Server) handleInternal(w http.ResponseWriter, r *http.Request, v *visitor) error {',
        '\tif r.Method == http.MethodGet && jsonPathRegex.MatchString(r.URL.Path) {',
        '\t\treturn s.limitRequests(s.authorizeTopicRead(s.handleSubscribeJSON))(w, r, v)',
        '\t} else if (r.Method == http.MethodPut || r.Method == http.MethodPost) && publishPathRegex.MatchString(r.URL.Path) {',
        '\t\treturn s.handlePublish(w, r, v)',
        // Not anchored at a path's start; not compiled in the file: no route.
        '\t} else if loose.MatchString(r.URL.Path) {',
        '\t\treturn s.handleLoose(w, r, v)',
        '\t} else if elsewhereRegex.MatchString(r.URL.Path) {',
        '\t\treturn s.handleElsewhere(w, r, v)',
        '\t}',
        '\treturn errHTTPNotFound',
        '}',
        '',
        'func (s *Server) handleSubscribeJSON(w http.ResponseWriter, r *http.Request, v *visitor) error {',
        '\tfor _, t := range topics(r) {',
        '\t\ts.db.Query("SELECT id FROM messages WHERE topic = ? LIMIT 1", t)',
        '\t}',
        '\treturn nil',
        '}',
        'func (s *Server) handlePublish(w http.ResponseWriter, r *http.Request, v *visitor) error { return nil }',
        'func (s *Server) handleLoose(w http.ResponseWriter, r *http.Request, v *visitor) error { return nil }',
        'func (s *Server) handleElsewhere(w http.ResponseWriter, r *http.Request, v *visitor) error { return nil }',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '^/[-_A-Za-z0-9]{1,64}(,[-_A-Za-z0-9]{1,64})*/json$', 'server/server.go', 14, 'net/http'],
      ['POST', '^/[-_A-Za-z0-9]{1,64}/publish$', 'server/server.go', 16, 'net/http'],
      ['PUT', '^/[-_A-Za-z0-9]{1,64}/publish$', 'server/server.go', 16, 'net/http'],
    ]);
    assert.deepEqual(hazardRows(f), ['query-in-loop server/server.go:29:3 s.db.Query [for sequential] → GET ^/[-_A-Za-z0-9]{1,64}(,[-_A-Za-z0-9]{1,64})*/json$']);
  });

  it('switch r.URL.Path: each case a route of the function its first statement calls; a middleware letting a path through, a prefix match, a branch that does other work first are none', async () => {
    const f = await joined({
      'go.mod': 'module app\n',
      'main.go': lines(
        'package main',
        '',
        'import "net/http"',
        '',
        'func route(w http.ResponseWriter, r *http.Request) {',
        '\tswitch r.URL.Path {',
        '\tcase "/healthz", "/readyz":',
        '\t\thealth(w, r)',
        '\tcase "/orders":',
        '\t\tlistOrders(w, r)',
        '\tdefault:',
        '\t\thttp.NotFound(w, r)',
        '\t}',
        '}',
        '',
        'func auth(next http.Handler) http.Handler {',
        '\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {',
        '\t\tif r.URL.Path == "/login" {',
        '\t\t\tnext.ServeHTTP(w, r)',
        '\t\t\treturn',
        '\t\t}',
        '\t\tif strings.HasPrefix(r.URL.Path, "/static/") {',
        '\t\t\tserveStatic(w, r)',
        '\t\t}',
        // One path tested alone: a middleware's special case, not a router (miniflux's CSRF check).
        '\t\tif r.URL.Path == "/login" {',
        '\t\t\thttp.Redirect(w, r, "/", http.StatusFound)',
        '\t\t}',
        '\t\tif r.URL.Path == "/metrics" {',
        '\t\t\tlog.Println("metrics")',
        '\t\t\tmetrics(w, r)',
        '\t\t}',
        '\t})',
        '}',
        '',
        'func health(w http.ResponseWriter, r *http.Request) {}',
        'func listOrders(w http.ResponseWriter, r *http.Request) {}',
        '',
        'func main() { http.ListenAndServe(":8080", http.HandlerFunc(route)) }',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['ANY', '/healthz', 'main.go', 6, 'net/http'],
      ['ANY', '/readyz', 'main.go', 6, 'net/http'],
      ['ANY', '/orders', 'main.go', 8, 'net/http'],
    ]);
  });
});

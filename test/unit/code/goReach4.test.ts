import assert from 'node:assert/strict';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/** Go: handlers reached through other packages' constructors, paths built from constants, and hazards of held values. */
describe('Go reach 4', function () {
  this.timeout(20_000);

  const paths = (f: Awaited<ReturnType<typeof joined>>): string[] => routeRows(f).map(([method, path]) => `${method} ${path}`);
  const gomod = lines('module example.com/app', '', 'go 1.22');
  const loopingCtrl = (...methods: string[]) =>
    lines(
      'package v1',
      '',
      'import (',
      '\t"database/sql"',
      '\t"net/http"',
      ')',
      '',
      'type V1Controller struct{ db *sql.DB }',
      '',
      'func NewControllerV1(db *sql.DB) *V1Controller { return &V1Controller{db: db} }',
      '',
      ...methods,
    );

  it("chi: a handler of the value another package's constructor makes, of the type it declares (homebox's NewControllerV1)", async () => {
    const f = await joined({
      'go.mod': gomod,
      'v1/ctrl.go': loopingCtrl(
        'func (c *V1Controller) HandleItems() http.HandlerFunc {',
        '\treturn func(w http.ResponseWriter, r *http.Request) {',
        '\t\tfor _, id := range r.URL.Query()["id"] {',
        '\t\t\tc.db.QueryRow("SELECT name FROM items WHERE id = $1", id)',
        '\t\t}',
        '\t}',
        '}',
      ),
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"database/sql"',
        '\t"net/http"',
        '',
        '\t"example.com/app/v1"',
        '\t"github.com/go-chi/chi/v5"',
        ')',
        '',
        'func main() {',
        '\tdb, _ := sql.Open("postgres", "")',
        '\tv1Ctrl := v1.NewControllerV1(db)',
        '\tr := chi.NewRouter()',
        '\tr.Get("/items", wrap(v1Ctrl.HandleItems()))',
        '\thttp.ListenAndServe(":8080", r)',
        '}',
        '',
        'func wrap(h http.HandlerFunc) http.HandlerFunc { return h }',
      ),
    });
    assert.deepEqual(paths(f), ['GET /items']);
    assert.deepEqual(hazardRows(f), ['query-in-loop v1/ctrl.go:15:4 c.db.QueryRow [for sequential] → GET /items']);
  });

  it('chi: a handler-making method given a field of a value is the handler (homebox\'s HandleProductSearchFromBarcode(a.conf.Barcode))', async () => {
    const f = await joined({
      'go.mod': gomod,
      'v1/ctrl.go': loopingCtrl(
        'func (c *V1Controller) HandleSearch(limit int) http.HandlerFunc {',
        '\treturn func(w http.ResponseWriter, r *http.Request) {',
        '\t\tfor _, id := range r.URL.Query()["id"] {',
        '\t\t\tc.db.QueryRow("SELECT name FROM products WHERE id = $1", id)',
        '\t\t}',
        '\t}',
        '}',
      ),
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"example.com/app/v1"',
        '\t"github.com/go-chi/chi/v5"',
        ')',
        '',
        'type Config struct{ Limit int }',
        '',
        'func main() {',
        '\tconf := Config{Limit: 10}',
        '\tc := &v1.V1Controller{}',
        '\tr := chi.NewRouter()',
        '\tr.Get("/products", c.HandleSearch(conf.Limit))',
        '\thttp.ListenAndServe(":8080", r)',
        '}',
      ),
    });
    assert.deepEqual(paths(f), ['GET /products']);
    assert.deepEqual(hazardRows(f), ['query-in-loop v1/ctrl.go:15:4 c.db.QueryRow [for sequential] → GET /products']);
  });

  it("net/http: a Handle… middleware given another package's handler (mw.HandleAuth(api.ListUsers)) still serves that handler (review)", async () => {
    const f = await joined({
      'go.mod': gomod,
      'api/users.go': lines(
        'package api',
        '',
        'import (',
        '\t"database/sql"',
        '\t"net/http"',
        ')',
        '',
        'var DB *sql.DB',
        '',
        'func ListUsers(w http.ResponseWriter, r *http.Request) {',
        '\tfor _, id := range r.URL.Query()["id"] {',
        '\t\tDB.QueryRow("SELECT name FROM users WHERE id = $1", id)',
        '\t}',
        '}',
      ),
      'mw/auth.go': lines('package mw', '', 'import "net/http"', '', 'func HandleAuth(next http.HandlerFunc) http.HandlerFunc {', '\treturn func(w http.ResponseWriter, r *http.Request) { next(w, r) }', '}'),
      'mw/status.go': lines(
        'package mw',
        '',
        'import (',
        '\t"database/sql"',
        '\t"net/http"',
        ')',
        '',
        'type Ctrl struct{ DB *sql.DB }',
        '',
        'func (c *Ctrl) HandleStatus(version string) http.HandlerFunc {',
        '\treturn func(w http.ResponseWriter, r *http.Request) {',
        '\t\tfor _, id := range r.URL.Query()["id"] {',
        '\t\t\tc.DB.QueryRow("SELECT 1 FROM s WHERE id = $1", id)',
        '\t\t}',
        '\t}',
        '}',
      ),
      'build/build.go': lines('package build', '', 'var Version = "dev"'),
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"example.com/app/api"',
        '\t"example.com/app/build"',
        '\t"example.com/app/mw"',
        ')',
        '',
        'func main() {',
        '\tc := &mw.Ctrl{}',
        '\thttp.HandleFunc("/users", mw.HandleAuth(api.ListUsers))',
        // A maker given another package's value, not a function: still the handler it makes.
        '\thttp.HandleFunc("/status", c.HandleStatus(build.Version))',
        '\thttp.ListenAndServe(":8080", nil)',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop api/users.go:12:3 DB.QueryRow [for sequential] → ANY /users', 'query-in-loop mw/status.go:13:4 c.DB.QueryRow [for sequential] → ANY /status']);
  });

  it("chi: paths of constants joined with + across declarations and files, and of fmt.Sprintf (kratos); a name of no known value reads as empty", async () => {
    const f = await joined({
      'go.mod': gomod,
      'prefix/prefix.go': lines('package prefix', '', 'const Admin = "/admin"'),
      'routes.go': lines('package main', '', 'const (', '\tRouteCollection = "/identities"', ')', '', 'const RouteBase = RouteCollection + "/base"'),
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"fmt"',
        '\t"net/http"',
        '',
        '\t"example.com/app/prefix"',
        '\t"github.com/go-chi/chi/v5"',
        ')',
        '',
        'const (',
        '\tRouteItem       = RouteCollection + "/{id}" // #nosec',
        '\tRouteCredential = RouteItem + "/credentials/{type}"',
        '\tSchemasPath     = "schemas"',
        ')',
        '',
        'var SchemaItem = fmt.Sprintf("/%s/{id}", SchemasPath)',
        '',
        'var runtimeSuffix string',
        '',
        'func list(w http.ResponseWriter, r *http.Request) {}',
        '',
        'func main() {',
        '\tr := chi.NewRouter()',
        '\tr.Get(RouteItem, list)',
        '\tr.Get(RouteCredential, list)',
        '\tr.Delete(prefix.Admin+RouteItem, list)',
        '\tr.Get(RouteBase+"/x", list)',
        '\tr.Get(fmt.Sprintf("/%s", SchemasPath), list)',
        '\tr.Get(SchemaItem, list)',
        '\tr.Put(prefix.Admin+runtimeSuffix, list)',
        '\tr.Post(prefix.Admin+Unknown, list)',
        '\thttp.ListenAndServe(":8080", r)',
        '}',
      ),
    });
    assert.deepEqual(paths(f), [
      'GET /identities/{id}',
      'GET /identities/{id}/credentials/{type}',
      'DELETE /admin/identities/{id}',
      'GET /identities/base/x',
      'GET /schemas',
      'GET /schemas/{id}',
      // A name set at run time reads as empty, as a base does (review: a version segment `"/api/" + apiVersion` of a
      // group kept its routes that way, and a route of no readable path would drop them all).
      'PUT /admin',
      'POST /admin',
    ]);
  });

  it('a long run of blank lines is read in linear time (review: the constants guard once retried it from each line)', async function () {
    this.timeout(5000);
    const f = await joined({ 'go.mod': gomod, 'main.go': lines('package main', '', 'import "net/http"', '\t\n'.repeat(80000), 'func main() {', '\thttp.HandleFunc("/ok", ok)', '}', 'func ok(w http.ResponseWriter, r *http.Request) {}') });
    assert.deepEqual(paths(f), ['ANY /ok']);
  });

  it('ent: a builder kept in a variable, then run, is the query run in one chain (homebox)', async () => {
    const f = await joined({
      'go.mod': gomod,
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"example.com/app/ent"',
        '\t"github.com/go-chi/chi/v5"',
        ')',
        '',
        'type Repo struct{ db *ent.Client }',
        '',
        'func (r *Repo) listVar(w http.ResponseWriter, req *http.Request) {',
        '\tq := r.db.Item.Query().',
        '\t\tWhere()',
        '\tq.All(req.Context())',
        '}',
        '',
        'func (r *Repo) listLimited(w http.ResponseWriter, req *http.Request) {',
        '\tq := r.db.Item.Query().Limit(10)',
        '\tq.All(req.Context())',
        '}',
        '',
        'func (r *Repo) touchRows(w http.ResponseWriter, req *http.Request, items []*ent.Item) {',
        '\tfor _, u := range items {',
        '\t\tupd := u.Update()',
        '\t\tupd.SetName("x").Save(req.Context())',
        '\t}',
        '}',
        '',
        'func (r *Repo) renameVar(w http.ResponseWriter, req *http.Request) {',
        '\tfor _, n := range req.URL.Query()["name"] {',
        '\t\tu := r.db.Item.Update().Where()',
        '\t\tu.SetName(n).Save(req.Context())',
        '\t}',
        '}',
        '',
        // database/sql's prepared statement runs at once: its rows' Scan is no query (review).
        'func (r *Repo) names(w http.ResponseWriter, req *http.Request) {',
        '\trows, _ := stmt.Query()',
        '\tfor rows.Next() {',
        '\t\tvar name string',
        '\t\trows.Scan(&name)',
        '\t}',
        '\trow := stmt.QueryRow()',
        '\trow.Scan(&name)',
        '}',
        '',
        'func main() {',
        '\trp := &Repo{}',
        '\tr := chi.NewRouter()',
        '\tr.Get("/names", rp.names)',
        '\tr.Get("/b", rp.listVar)',
        '\tr.Get("/l", rp.listLimited)',
        '\tr.Post("/d", rp.renameVar)',
        '\tr.Post("/t", rp.touchRows)',
        '\thttp.ListenAndServe(":8080", r)',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop main.go:26:3 upd.SetName.Save [for sequential] → POST /t',
      'query-in-loop main.go:33:3 u.SetName.Save [for sequential] → POST /d',
      'unbounded-query main.go:15:2 q.All → GET /b',
    ]);
  });

  it("net/http: a package variable set to http.DefaultClient has no timeout, as that client has not (casdoor's proxy.DefaultHttpClient)", async () => {
    const f = await joined({
      'go.mod': gomod,
      'proxy/proxy.go': lines(
        'package proxy',
        '',
        'import (',
        '\t"net/http"',
        '\t"time"',
        ')',
        '',
        'var (',
        '\tDefaultHttpClient *http.Client',
        '\tTimedClient       *http.Client',
        '\tConfiguredClient  = http.DefaultClient',
        ')',
        '',
        'func InitHttpClient() {',
        '\tDefaultHttpClient = http.DefaultClient',
        '\tTimedClient = &http.Client{Timeout: 5 * time.Second}',
        '}',
        '',
        '// Given a timeout at start-up, after its declaration (review).',
        'func Configure(timeout time.Duration) {',
        '\tConfiguredClient = &http.Client{Timeout: timeout}',
        '\tProxiedClient = &http.Client{Transport: &http.Transport{}}', // another client, still without one
        '}',
        'var ProxiedClient = http.DefaultClient',
      ),
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"example.com/app/proxy"',
        '\t"github.com/go-chi/chi/v5"',
        ')',
        '',
        'func avatar(w http.ResponseWriter, r *http.Request) {',
        '\tproxy.DefaultHttpClient.Get(r.URL.Query().Get("url"))',
        '\thttpClient := proxy.DefaultHttpClient',
        '\treq, _ := http.NewRequest("GET", "https://x", nil)',
        '\thttpClient.Do(req)',
        '\tproxy.TimedClient.Get("https://x")',
        '\tproxy.ConfiguredClient.Get("https://x")',
        '\tproxy.ProxiedClient.Get("https://x")',
        '}',
        '',
        '// A parameter named as a package variable elsewhere is the caller\'s client (review).',
        'func fetch(DefaultHttpClient *http.Client, url string) {',
        '\tDefaultHttpClient.Get(url)',
        '}',
        '',
        'func main() {',
        '\tproxy.InitHttpClient()',
        '\tr := chi.NewRouter()',
        '\tr.Get("/avatar", avatar)',
        '\thttp.ListenAndServe(":8080", r)',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'missing-timeout main.go:11:2 proxy.DefaultHttpClient.Get → GET /avatar',
      'missing-timeout main.go:14:2 httpClient.Do → GET /avatar',
      'missing-timeout main.go:17:2 proxy.ProxiedClient.Get → GET /avatar',
      'missing-timeout proxy/proxy.go:22:19 http.Client → -',
    ]);
  });

  it('a loop over items whose id is uuid.Nil or primitive.NilObjectID saves every new item, not one picked (homebox)', async () => {
    const f = await joined({
      'go.mod': gomod,
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"database/sql"',
        '\t"net/http"',
        '',
        '\t"github.com/go-chi/chi/v5"',
        '\t"github.com/google/uuid"',
        '\t"go.mongodb.org/mongo-driver/bson/primitive"',
        ')',
        '',
        'var db *sql.DB',
        '',
        'type Field struct {',
        '\tID    uuid.UUID',
        '\tDocID primitive.ObjectID',
        '\tName  string',
        '}',
        '',
        'func update(w http.ResponseWriter, r *http.Request) {',
        '\tvar fields []Field',
        '\tfor _, f := range fields {',
        '\t\tif f.ID == uuid.Nil {',
        '\t\t\tdb.Exec("INSERT INTO field (name) VALUES ($1)", f.Name)',
        '\t\t}',
        '\t}',
        '\tfor _, f := range fields {',
        '\t\tif primitive.NilObjectID == f.ID {',
        '\t\t\tdb.Exec("INSERT INTO doc (name) VALUES ($1)", f.Name)',
        '\t\t}',
        '\t}',
        '\tfor _, f := range fields {',
        '\t\tif f.ID == wanted {',
        '\t\t\tdb.Exec("UPDATE field SET name = $1", f.Name)',
        '\t\t}',
        '\t}',
        '}',
        '',
        'var wanted uuid.UUID',
        '',
        'func main() {',
        '\tr := chi.NewRouter()',
        '\tr.Put("/fields", update)',
        '\thttp.ListenAndServe(":8080", r)',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop main.go:24:4 db.Exec [for sequential] → PUT /fields',
      'query-in-loop main.go:29:4 db.Exec [for sequential] → PUT /fields',
    ]);
  });
});

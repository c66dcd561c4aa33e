import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('a function that returns a function: what the returned one calls is not done by calling the first', () => {
  it("miniflux: a router built per listen address, whose middleware factory returns a handler that queries per request, is no query per address; the request's own path still reaches the query", async () => {
    const f = await joined({
      'go.mod': 'module miniflux.app/v2\n',
      'internal/fever/middleware.go': lines(
        'package fever',
        '',
        'import "net/http"',
        '',
        'func Middleware(store *Storage) func(http.Handler) http.Handler {',
        '\treturn func(next http.Handler) http.Handler {',
        '\t\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {',
        '\t\t\tstore.db.QueryRow("SELECT id FROM users WHERE fever_token = $1", r.FormValue("api_key")).Scan(&id)',
        '\t\t\tnext.ServeHTTP(w, r)',
        '\t\t})',
        '\t}',
        '}',
        '',
        'type Storage struct{ db *sql.DB }',
      ),
      'internal/http/server/server.go': lines(
        'package server',
        '',
        'import (',
        '\t"net/http"',
        '\t"miniflux.app/v2/internal/fever"',
        ')',
        '',
        'func StartWebServer(store *fever.Storage, targets []string) {',
        '\tfor _, t := range targets {',
        '\t\tsrv := &http.Server{Addr: t, Handler: newRouter(store)}',
        '\t\tgo srv.ListenAndServe()',
        '\t}',
        '}',
        '',
        'func newRouter(store *fever.Storage) http.Handler {',
        '\tmux := http.NewServeMux()',
        '\tmux.Handle("/fever/", fever.Middleware(store)(http.NotFoundHandler()))',
        '\treturn mux',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });

  it('a JavaScript handler factory is the same; a function that returns the promises of a map over items still queries per item when called', async () => {
    const f = await joined({
      'src/handlers.js': lines(
        "const db = require('./db');",
        'function makeHandler(table) {',
        '  return async (req, res) => res.json(await db.query(`SELECT * FROM ${table} WHERE id = $1`, [req.params.id]));',
        '}',
        'const factory = (table) => async (req) => db.query(`SELECT * FROM ${table} WHERE id = $1`, [req.id]);',
        'function loadAll(ids) {',
        "  return Promise.all(ids.map((id) => db.query('SELECT * FROM t WHERE id = $1', [id])));",
        '}',
        'function build(tables, ids) {',
        '  const handlers = [];',
        '  for (const t of tables) handlers.push(makeHandler(t), factory(t));',
        '  for (const chunkOfIds of ids) loadAll(chunkOfIds);',
        '  return handlers;',
        '}',
        'module.exports = { build };',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/handlers.js:12:33 loadAll → db.query [for…of parallel] → -', // its promise waited for by none
      'query-in-loop src/handlers.js:7:38 db.query [.map() parallel] → -',
    ]);
  });
});

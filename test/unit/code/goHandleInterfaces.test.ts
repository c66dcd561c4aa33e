import { strict as assert } from 'node:assert';
import { goHandleInterfaces } from '../../../src/core/code/declaredTypes';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * drone's stores query through interfaces of their own that *sqlx.DB satisfies: `s.db.View(func(queryer db.Queryer,
 * binder db.Binder) error { rows, err := queryer.Query(stmt) … })`, with `Queryer interface { Query(…); QueryRow(…) }`
 * and `Execer interface { Queryer; Exec(…) }`. A handle's method on such an interface is a query; on an interface with
 * a method of its own besides, or a type the workspace does not declare, it is not said to be one; on a struct of the project's, the call is
 * followed to the struct's method as before.
 */
describe('Go interfaces of the project that only declare a database handle\'s methods', () => {
  const db = lines(
    'package db',
    '',
    'import (',
    '\t"database/sql"',
    '',
    '\t"github.com/jmoiron/sqlx"',
    ')',
    '',
    'type (',
    '\tBinder interface {',
    '\t\tBindNamed(query string, arg interface{}) (string, []interface{}, error)',
    '\t}',
    '',
    '\tQueryer interface {',
    '\t\tQuery(query string, args ...interface{}) (*sql.Rows, error)',
    '\t\tQueryRow(query string, args ...interface{}) *sql.Row',
    '\t}',
    '',
    '\tExecer interface {',
    '\t\tQueryer',
    '\t\tExec(query string, args ...interface{}) (sql.Result, error)',
    '\t}',
    '',
    '\tDB struct{ conn *sqlx.DB }',
    ')',
    '',
    'type Searcher interface {',
    '\tQuery(q string) ([]string, error)',
    '\tIndex(doc string) error',
    '}',
    '',
    'func (d *DB) View(fn func(Queryer, Binder) error) error { return fn(d.conn, d.conn) }',
    'func (d *DB) Lock(fn func(Execer, Binder) error) error { return fn(d.conn, d.conn) }',
  );
  const users = lines(
    'package user',
    '',
    'import (',
    '\t"database/sql"',
    '',
    '\t"example.com/app/store/shared/db"',
    '\t"github.com/prometheus/prometheus/storage"',
    ')',
    '',
    'type userStore struct {',
    '\tdb     *db.DB',
    '\tsearch db.Searcher',
    '\tcache  *Cache',
    '}',
    '',
    'type Cache struct{ conn *sql.DB }',
    '',
    'func (c *Cache) Query(n string) { c.conn.QueryRow("SELECT id FROM users WHERE user_login = ?", n) }',
    '',
    'func (s *userStore) List() error {',
    '\treturn s.db.View(func(queryer db.Queryer, binder db.Binder) error {',
    '\t\trows, err := queryer.Query("SELECT * FROM users ORDER BY user_login")', // 22: every user
    '\t\t_ = rows',
    '\t\treturn err',
    '\t})',
    '}',
    '',
    'func (s *userStore) Touch(ids []int64) error {',
    '\treturn s.db.Lock(func(execer db.Execer, binder db.Binder) error {',
    '\t\tfor _, id := range ids {',
    '\t\t\texecer.Exec("UPDATE users SET seen = 1 WHERE user_id = ?", id)', // 31: a write per user
    '\t\t}',
    '\t\treturn nil',
    '\t})',
    '}',
    '',
    'func (s *userStore) Find(names []string, q storage.Querier) {',
    '\tfor _, n := range names {',
    '\t\ts.search.Query(n)', // a search index of the project's: not a handle
    '\t\tq.Select(n)', // Prometheus' querier: not the workspace's
    '\t\ts.cache.Query(n)', // 41: a struct of the project's, followed to its own query
    '\t}',
    '}',
  );

  it('reads a query on Queryer or Execer as a query, not one on an interface with other methods or a library\'s', async () => {
    const f = await joined({ 'store/shared/db/db.go': db, 'store/user/user.go': users });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop store/user/user.go:31:4 execer.Exec [for sequential] → -',
      'query-in-loop store/user/user.go:41:3 s.cache.Query → c.conn.QueryRow [for sequential] → -',
      'unbounded-query store/user/user.go:22:16 queryer.Query → -',
    ]);
  });
  it("not an interface whose Exec or Select has no handle's signature (a shell runner, a node picker); sqlx's shapes with a context are", async () => {
    const main = lines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '\t"database/sql"',
      '\t"net/http"',
      '',
      '\t"github.com/go-chi/chi/v5"',
      ')',
      '',
      'type Executor interface {',
      '\tExec(ctx context.Context, host, cmd string) (string, error)',
      '}',
      '',
      'type Selector interface {',
      '\tSelect(nodes []string) string',
      '}',
      '',
      'type Store interface {',
      '\tExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)',
      '\tSelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error',
      '}',
      '',
      'type Server struct {',
      '\texec     Executor',
      '\tselector Selector',
      '\tstore    Store',
      '\thosts    []string',
      '}',
      '',
      'func (s *Server) uptime(w http.ResponseWriter, r *http.Request) {',
      '\tfor _, h := range s.hosts {',
      '\t\tout, _ := s.exec.Exec(r.Context(), h, "uptime")',
      '\t\tw.Write([]byte(out))',
      '\t}',
      '}',
      '',
      'func (s *Server) place(w http.ResponseWriter, r *http.Request) {',
      '\tfor i := 0; i < 3; i++ {',
      '\t\tw.Write([]byte(s.selector.Select(s.hosts)))',
      '\t}',
      '}',
      '',
      'func restart(ctx context.Context, runner Executor, hosts []string) {',
      '\tfor _, h := range hosts {',
      '\t\trunner.Exec(ctx, h, "systemctl restart app")',
      '\t}',
      '}',
      '',
      'func (s *Server) touch(w http.ResponseWriter, r *http.Request) {',
      '\tfor _, h := range s.hosts {',
      '\t\ts.store.ExecContext(r.Context(), "UPDATE hosts SET seen = 1 WHERE name = ?", h)', // 52: a write per host
      '\t}',
      '}',
      '',
      'func main() {',
      '\ts := &Server{}',
      '\tr := chi.NewRouter()',
      '\tr.Get("/uptime", s.uptime)',
      '\tr.Post("/place", s.place)',
      '\tr.Post("/touch", s.touch)',
      '\tr.Post("/restart", func(w http.ResponseWriter, req *http.Request) { restart(req.Context(), s.exec, s.hosts) })',
      '\thttp.ListenAndServe(":8080", r)',
      '}',
    );
    const f = await joined({ 'go.mod': 'module example.com/app\n\ngo 1.22\n', 'main.go': main });
    assert.deepEqual(hazardRows(f), ['query-in-loop main.go:52:3 s.store.ExecContext [for sequential] → POST /touch']);
  });

  it("sqlc's generated DBTX, with unnamed parameters, for pgx and for database/sql, is a handle's interface", () => {
    const pgx = lines(
      'package db',
      '',
      'type DBTX interface {',
      '\tExec(context.Context, string, ...interface{}) (pgconn.CommandTag, error)',
      '\tQuery(context.Context, string, ...interface{}) (pgx.Rows, error)',
      '\tQueryRow(context.Context, string, ...interface{}) pgx.Row',
      '}',
      '',
      'type Runner interface {',
      '\tExec(context.Context, string, string) (string, error)',
      '}',
    );
    assert.deepEqual(goHandleInterfaces(pgx), ['DBTX']);
    const sql = lines(
      'package db',
      '',
      'type DBTX interface {',
      '\tExecContext(context.Context, string, ...interface{}) (sql.Result, error)',
      '\tPrepareContext(context.Context, string) (*sql.Stmt, error)',
      '\tQueryContext(context.Context, string, ...interface{}) (*sql.Rows, error)',
      '\tQueryRowContext(context.Context, string, ...interface{}) *sql.Row',
      '}',
    );
    assert.deepEqual(goHandleInterfaces(sql), ['DBTX']);
  });
});

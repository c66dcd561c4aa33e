import { strict as assert } from 'node:assert';
import { hazardRows, joined } from './fixtureWorkspace';

/**
 * Go: a bare `for {}` that moves on while its lookup finds nothing (gitness' findFirstExistingSpace, one query per
 * ancestor path) is a walk over items, not a retry of the same call.
 */
describe('Go: a loop that moves on when a lookup is not found', function () {
  this.timeout(20_000);

  it('is a query per item, not a retry without backoff', async () => {
    const main = [
      'package main',
      '',
      'import (',
      '\t"context"',
      '\t"database/sql"',
      '\t"errors"',
      '\t"net/http"',
      '\t"strings"',
      '',
      '\t"github.com/go-chi/chi/v5"',
      ')',
      '',
      'var db *sql.DB',
      '',
      'var ErrNotFound = errors.New("not found")',
      '',
      'func findByRef(ctx context.Context, ref string) (string, error) {',
      '\tvar path string',
      '\terr := db.QueryRowContext(ctx, "SELECT path FROM spaces WHERE path = $1", ref).Scan(&path)',
      '\tif errors.Is(err, sql.ErrNoRows) {',
      '\t\treturn "", ErrNotFound',
      '\t}',
      '\treturn path, err',
      '}',
      '',
      'func findFirstExistingSpace(ctx context.Context, ref string) (string, error) {',
      '\tfor {',
      '\t\tspace, err := findByRef(ctx, ref)',
      '\t\tif err == nil {',
      '\t\t\treturn space, nil',
      '\t\t}',
      '\t\tif !errors.Is(err, ErrNotFound) {',
      '\t\t\treturn "", err',
      '\t\t}',
      '\t\ti := strings.LastIndex(ref, "/")',
      '\t\tif i < 0 {',
      '\t\t\treturn "", ErrNotFound',
      '\t\t}',
      '\t\tref = ref[:i]',
      '\t}',
      '}',
      '',
      'func main() {',
      '\tr := chi.NewRouter()',
      '\tr.Get("/spaces/*", func(w http.ResponseWriter, req *http.Request) { findFirstExistingSpace(req.Context(), req.URL.Path) })',
      '\thttp.ListenAndServe(":8080", r)',
      '}',
    ].join('\n');
    const rows = hazardRows(await joined({ 'go.mod': 'module example.com/app\n', 'main.go': main }));
    assert.deepEqual(rows.map((r) => r.split(' ').slice(0, 2).join(' ')), ['query-in-loop main.go:28:17']);
    // The same loop on any other error it names is a retry (an optimistic lock's `ErrVersionMismatch`).
    const retry = hazardRows(await joined({ 'go.mod': 'module example.com/app\n', 'main.go': main.replace('!errors.Is(err, ErrNotFound)', '!errors.Is(err, ErrVersionMismatch)').replace('var ErrNotFound', 'var ErrVersionMismatch = errors.New("stale")\nvar ErrNotFound') }));
    assert.deepEqual(retry.map((r) => r.split(' ')[0]), ['retry-without-backoff']);
  });
});

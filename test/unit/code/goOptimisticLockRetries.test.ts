import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const MAIN = lines(
  'package main',
  '',
  'import (',
  '\t"net/http"',
  '',
  '\t"github.com/go-chi/chi/v5"',
  ')',
  '',
  'func main() {',
  '\tr := chi.NewRouter()',
  '\tr.Patch("/repos/{id}", rename)',
  '\thttp.ListenAndServe(":8080", r)',
  '}',
);

/** A store whose `loop` is the body of a function that updates a row, with `s.Update`/`s.Find` querying. */
const store = (loop: string[]) => ({
  'go.mod': 'module example.com/app\n',
  'main.go': MAIN,
  'store.go': lines(
    'package main',
    '',
    'import (',
    '\t"context"',
    '\t"database/sql"',
    '\t"errors"',
    '\t"net/http"',
    ')',
    '',
    'var ErrVersionConflict = errors.New("version conflict")',
    'var ErrTemporary = errors.New("temporary")',
    '',
    'type Repo struct{ ID, Version int64 }',
    '',
    'type repoStore struct{ db *sql.DB }',
    '',
    'func (s *repoStore) Find(ctx context.Context, id int64) (*Repo, error) {',
    '\tr := &Repo{}',
    '\terr := s.db.QueryRowContext(ctx, "SELECT id, version FROM repos WHERE id = $1", id).Scan(&r.ID, &r.Version)',
    '\treturn r, err',
    '}',
    '',
    'func (s *repoStore) Update(ctx context.Context, r *Repo) error {',
    '\t_, err := s.db.ExecContext(ctx, "UPDATE repos SET version = version + 1 WHERE id = $1 AND version = $2", r.ID, r.Version)',
    '\treturn err',
    '}',
    '',
    'func (s *repoStore) UpdateOptLock(ctx context.Context, repo *Repo) (*Repo, error) {',
    ...loop,
    '}',
    '',
    'var store = &repoStore{}',
    '',
    'func rename(w http.ResponseWriter, r *http.Request) {',
    '\trepo, _ := store.Find(r.Context(), 1)',
    '\t_, _ = store.UpdateOptLock(r.Context(), repo)',
    '}',
  ),
});

describe('Go: a bare for that returns on success and on every error but one it matches', () => {
  it("is a retry, not a loop over items (gitness's UpdateOptLock: if err == nil { return }; if !errors.Is(err, ErrVersionConflict) { return }; re-read)", async () => {
    const f = await joined(
      store([
        '\tfor {',
        '\t\tdup := *repo',
        '\t\terr := s.Update(ctx, &dup)',
        '\t\tif err == nil {',
        '\t\t\treturn &dup, nil',
        '\t\t}',
        '\t\tif !errors.Is(err, ErrVersionConflict) {',
        '\t\t\treturn nil, err',
        '\t\t}',
        '\t\trepo, err = s.Find(ctx, repo.ID)',
        '\t\tif err != nil {',
        '\t\t\treturn nil, err',
        '\t\t}',
        '\t}',
      ]),
    );
    assert.deepEqual(hazardRows(f), []);
  });

  it("also with the error test in an else (gitness's IncrementSeqNum: } else if !errors.Is(err, ErrVersionConflict) {)", async () => {
    const f = await joined(
      store([
        '\tfor {',
        '\t\trepo.Version++',
        '\t\terr := s.Update(ctx, repo)',
        '\t\tif err == nil {',
        '\t\t\treturn repo, nil',
        '\t\t} else if !errors.Is(err, ErrVersionConflict) {',
        '\t\t\treturn repo, err',
        '\t\t}',
        '\t\trepo, err = s.Find(ctx, repo.ID)',
        '\t\tif err != nil {',
        '\t\t\treturn nil, err',
        '\t\t}',
        '\t}',
      ]),
    );
    assert.deepEqual(hazardRows(f), []);
  });

  it('is a retry without backoff when the error it tries again on is not a lost optimistic lock; and a for that leaves on no other error is still a query per turn', async () => {
    const retry = (matched: string) =>
      store([
        '\tfor {',
        '\t\t_, err := s.db.ExecContext(ctx, "UPDATE repos SET version = version + 1 WHERE id = $1", repo.ID)',
        '\t\tif err == nil {',
        '\t\t\treturn repo, nil',
        '\t\t}',
        `\t\tif !errors.Is(err, ${matched}) {`,
        '\t\t\treturn nil, err',
        '\t\t}',
        '\t}',
      ]);
    assert.deepEqual(hazardRows(await joined(retry('ErrTemporary'))), ['retry-without-backoff store.go:29:2 s.db.ExecContext → PATCH /repos/{id}']);
    assert.deepEqual(hazardRows(await joined(retry('ErrVersionConflict'))), []);
    const f = await joined(
      store([
        '\tfor {',
        '\t\terr := s.Update(ctx, repo)',
        '\t\tif err == nil {',
        '\t\t\treturn repo, nil',
        '\t\t}',
        '\t\trepo.Version++',
        '\t}',
      ]),
    );
    assert.deepEqual(hazardRows(f), ['query-in-loop store.go:30:10 s.Update → s.db.ExecContext [for sequential] → PATCH /repos/{id}']);
  });
});

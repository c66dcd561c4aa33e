import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * squirrel's builders held under any name: a field, parameter or local declared of one of its builder types
 * (openfga's `dbInfo.stbl.Select(…).From(…).Where(…).QueryContext(ctx)` with `stbl sq.StatementBuilderType`), or a
 * select built in the chain itself in a file that imports squirrel, runs a query as `sb.…` does.
 */
describe('Go squirrel: a builder known by its declared type, or a Select(…).From(…) chain', () => {
  it('a field of StatementBuilderType, a SelectBuilder parameter, a Select…From chain on a field of another file: queries, bounded by a key anywhere in sq.Eq', async () => {
    const f = await joined({
      'go.mod': 'module example.com/fga\n',
      'sqlcommon/sqlcommon.go': lines(
        'package sqlcommon',
        '',
        'import (',
        '\t"context"',
        '',
        '\tsq "github.com/Masterminds/squirrel"',
        ')',
        '',
        'type DBInfo struct {',
        '\tstbl sq.StatementBuilderType',
        '}',
        '',
        'func ReadModels(ctx context.Context, dbInfo *DBInfo, store string, ids []string) {',
        '\tfor _, id := range ids {',
        '\t\tdbInfo.stbl.Select("serialized_protobuf").From("authorization_model").Where(sq.Eq{"store": store, "authorization_model_id": id}).QueryRowContext(ctx)', // 15
        '\t}',
        '}',
        '',
        'func ListModels(ctx context.Context, dbInfo *DBInfo, store string) {',
        '\trows, _ := dbInfo.stbl.', // 20
        '\t\tSelect("id").',
        '\t\tFrom("authorization_model").',
        '\t\tWhere(sq.Eq{"store": store}).',
        '\t\tQueryContext(ctx)',
        '\tdefer rows.Close()',
        '}',
        '',
        'func ReadModel(ctx context.Context, dbInfo *DBInfo, store, modelID string) {',
        '\trows, _ := dbInfo.stbl.Select("serialized_protobuf").From("authorization_model").Where(sq.Eq{"store": store, "authorization_model_id": modelID}).QueryContext(ctx)',
        '\tdefer rows.Close()',
        '}',
        '',
        'func Changes(ctx context.Context, b sq.SelectBuilder) {',
        '\tb.Where(sq.Eq{"kind": "tuple"}).QueryContext(ctx)', // 34
        '}',
      ),
      'postgres/store.go': lines(
        'package postgres',
        '',
        'import "github.com/Masterminds/squirrel"',
        '',
        'func (s *Store) Stores(ctx context.Context) {',
        '\ts.psql.Select("id", "name").From("store").OrderBy("id").QueryContext(ctx)', // 6
        '\ts.psql.Select("id").From("store").Limit(50).QueryContext(ctx)',
        '\ts.psql.Select("id").From("store").Where(squirrel.Eq{"name": n, "store_id": id}).QueryContext(ctx)',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop sqlcommon/sqlcommon.go:15:3 dbInfo.stbl.Select.From.Where.QueryRowContext [for sequential] → -',
      'unbounded-query postgres/store.go:6:2 s.psql.Select.From.OrderBy.QueryContext → -',
      'unbounded-query sqlcommon/sqlcommon.go:20:13 dbInfo.stbl.Select.From.Where.QueryContext → -',
      'unbounded-query sqlcommon/sqlcommon.go:34:2 b.Where.QueryContext → -',
    ]);
  });

  it('not the same chains in a file that does not import squirrel, a field of another type, nor a chain with no From', async () => {
    const f = await joined({
      'store/store.go': lines(
        'package store',
        '',
        'import sq "github.com/Masterminds/squirrel"',
        '',
        'type Store struct {',
        '\tcache Cache',
        '\tbuilder sq.StatementBuilderType',
        '}',
        '',
        'func (s *Store) Warm(ctx context.Context, keys []string) {',
        '\tfor _, k := range keys {',
        '\t\ts.cache.Select(k).Exec(ctx)',
        '\t\ts.picker.Select(k).Query()',
        '\t}',
        '}',
      ),
      'other/other.go': lines(
        'package other',
        '',
        'type Repo struct {',
        '\tstbl Tables',
        '}',
        '',
        'func (r *Repo) All(ctx context.Context) {',
        '\tr.stbl.Select("id").From("store").QueryContext(ctx)',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });
});

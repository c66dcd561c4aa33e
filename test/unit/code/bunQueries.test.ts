import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('bun (uptrace/bun): Go query builder', () => {
  it('a query per item is a query in a loop; a select with no Where, Limit or applied filter reads every row', async () => {
    // The shapes of dhax/go-base's database stores.
    const f = await joined({
      'go.mod': 'module example.com/base\n',
      'database/store.go': lines(
        'package database',
        '',
        'import (',
        '\t"context"',
        '',
        '\t"github.com/uptrace/bun"',
        ')',
        '',
        'type Store struct{ db *bun.DB }',
        '',
        'func (s *Store) Touch(ids []int) {',
        '\tfor _, id := range ids {',
        '\t\ts.db.NewUpdate().Model(&Account{ID: id}).Column("seen").WherePK().Exec(context.Background())', // 13: per item
        '\t}',
        '}',
        '',
        'func (s *Store) Lists(f *Filter) {',
        '\tvar all []Account',
        '\ts.db.NewSelect().Model(&all).Scan(context.Background())', // 19: every row
        '\tvar page []Account',
        '\ts.db.NewSelect().Model(&page).Apply(f.Apply).ScanAndCount(context.Background())',
        '\tvar mine []Account',
        '\ts.db.NewSelect().Model(&mine).Where("owner = ?", f.Owner).Scan(context.Background())',
        '\tvar n int',
        '\ts.db.NewSelect().ColumnExpr("1").Scan(context.Background(), &n)',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop database/store.go:13:3 s.db.NewUpdate.Model.Column.WherePK.Exec [for sequential] → -',
      'unbounded-query database/store.go:19:2 s.db.NewSelect.Model.Scan → -',
    ]);
  });
});

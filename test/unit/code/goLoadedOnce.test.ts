import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** Go's lazy load in a loop (ente's file access check): `if shared == nil { shared, err = load(…) }` runs once. */
describe('Go: a value a loop loads the first time it needs it', () => {
  it('is loaded once, also when the call gives an error beside it; a load per item is still one per item', async () => {
    const f = await joined({
      'go.mod': 'module example\n',
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"database/sql"',
        '',
        '\t"github.com/gin-gonic/gin"',
        ')',
        '',
        'var db *sql.DB',
        '',
        'func shared(user int64) ([]int64, error) {',
        '\trows, err := db.Query("SELECT id FROM shares WHERE user_id = $1 LIMIT 100", user)',
        '\tif err != nil {',
        '\t\treturn nil, err',
        '\t}',
        '\tdefer rows.Close()',
        '\treturn nil, nil',
        '}',
        '',
        'func check(c *gin.Context) {',
        '\towners := ownersOf(c.QueryArray("id"))',
        '\tvar sharedIDs []int64',
        '\tvar err error',
        '\tfor owner := range owners {',
        '\t\tif sharedIDs == nil {',
        '\t\t\tsharedIDs, err = shared(7)', // 26: once
        '\t\t}',
        '\t\tvar mine []int64',
        '\t\tif mine == nil {',
        '\t\t\tmine, err = shared(owner)', // 30: declared in the loop, so per item
        '\t\t}',
        '\t}',
        '\tc.JSON(200, err)',
        '}',
        '',
        'func main() {',
        '\tr := gin.Default()',
        '\tr.GET("/check", check)',
        '\tr.Run()',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('query-in-loop')),
      ['query-in-loop main.go:30:16 shared → db.Query [for sequential] → GET /check'],
    );
  });
});

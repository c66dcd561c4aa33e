import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** A handler that, when `test` holds, re-prices every account: one UPDATE per account (review of stop 67, RC-9). */
const service = (test: string, fill: string) => ({
  'go.mod': 'module example.com/app\n',
  'main.go': lines(
    'package main',
    '',
    'import (',
    '\t"database/sql"',
    '\t"net/http"',
    '\t"time"',
    ')',
    '',
    'var db *sql.DB',
    'var lastSync time.Time',
    'var prices map[int]int',
    '',
    'type Account struct{ Id int }',
    '',
    'func handler(w http.ResponseWriter, r *http.Request) {',
    '\tvar accounts []Account',
    `\tif ${test} {`,
    `\t\t${fill}`,
    '\t\trows, _ := db.Query("SELECT id FROM accounts LIMIT 1000")',
    '\t\tfor rows.Next() {',
    '\t\t\tvar a Account',
    '\t\t\trows.Scan(&a.Id)',
    '\t\t\taccounts = append(accounts, a)',
    '\t\t}',
    '\t\tfor _, a := range accounts {',
    '\t\t\tdb.Exec("UPDATE accounts SET price = price * 1.01 WHERE id = $1", a.Id)',
    '\t\t}',
    '\t}',
    '\tw.WriteHeader(204)',
    '}',
    '',
    'func main() {',
    '\thttp.HandleFunc("/tick", handler)',
    '}',
  ),
});

/** The same handler's loop around the branch that fills a package value while empty: the branch runs once. */
const around = {
  'go.mod': 'module example.com/app\n',
  'main.go': lines(
    'package main',
    '',
    'import (',
    '\t"database/sql"',
    '\t"net/http"',
    ')',
    '',
    'var db *sql.DB',
    'var prices map[int]int',
    '',
    'func handler(w http.ResponseWriter, r *http.Request) {',
    '\tfor _, id := range r.URL.Query()["id"] {',
    '\t\tif len(prices) == 0 {',
    '\t\t\tprices = map[int]int{}',
    '\t\t\tdb.Exec("UPDATE accounts SET seen = now() WHERE id = $1", id)',
    '\t\t}',
    '\t}',
    '}',
    '',
    'func main() {',
    '\thttp.HandleFunc("/tick", handler)',
    '}',
  ),
};

describe('Go: a loop in a branch taken once a period (review of stop 67, RC-9)', () => {
  it('is a query per item when the loop is inside a branch taken once a minute (a bare time.Since throttle): each item still queries', async () => {
    const rows = hazardRows(await joined(service('time.Since(lastSync) > time.Minute', 'lastSync = time.Now()')));
    assert.deepEqual(rows.filter((r) => r.includes('-in-loop')), ['query-in-loop main.go:26:4 db.Exec [for sequential] → ANY /tick']);
  });

  it('is none when the loop is around the branch that fills a package value while it is empty: that branch runs once', async () => {
    assert.deepEqual(hazardRows(await joined(around)).filter((r) => r.includes('-in-loop')), []);
  });

  it('is still a query per item inside the branch that refills a package cache while empty or old: the branch runs once, its loop once per item', async () => {
    const rows = hazardRows(await joined(service('time.Since(lastSync) > time.Minute || len(prices) == 0', 'lastSync, prices = time.Now(), map[int]int{}')));
    assert.deepEqual(rows.filter((r) => r.includes('-in-loop')), ['query-in-loop main.go:26:4 db.Exec [for sequential] → ANY /tick']);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A Go `for` with a condition or three clauses whose body sleeps is a poller, as a bare `for {` that sleeps is: dtm's
 * cron, `for i := 0; i < num || num == -1; i++ { … time.Sleep(…) when idle }`, and a wait until the database answers,
 * `for err := ping(); err != nil; err = ping() { time.Sleep(…) }`. Not one that steps through a list at that pace.
 */
describe('Go pollers written with a condition or three clauses', () => {
  const file = (...loop: string[]) =>
    lines(
      'package main',
      '',
      'import (',
      '\t"database/sql"',
      '\t"log"',
      '\t"time"',
      '',
      '\t_ "github.com/lib/pq"',
      ')',
      '',
      'var db *sql.DB',
      '',
      'func ping() error {',
      '\t_, err := db.Exec("select 1")',
      '\treturn err',
      '}',
      '',
      'func claimOne() string {',
      '\tvar id string',
      '\tdb.QueryRow("UPDATE jobs SET owner = 1 RETURNING id").Scan(&id)',
      '\treturn id',
      '}',
      '',
      'func run(num int, ids []string, done bool) {', // 24
      ...loop, // 25…
      '}',
    );

  it('a wait until the database answers, dtm\'s cron counted to a parameter, and Go\'s while are not loops over items', async () => {
    const loops = [
      ['\tfor err := ping(); err != nil; err = ping() {', '\t\tlog.Printf("wait store up: %v", err)', '\t\ttime.Sleep(3 * time.Second)', '\t}'],
      ['\tfor i := 0; i < num || num == -1; i++ {', '\t\tif id := claimOne(); id == "" {', '\t\t\ttime.Sleep(3 * time.Second)', '\t\t}', '\t}'],
      ['\tfor !done {', '\t\tif id := claimOne(); id == "" {', '\t\t\ttime.Sleep(3 * time.Second)', '\t\t}', '\t}'],
    ];
    for (const loop of loops) assert.deepEqual(hazardRows(await joined({ 'main.go': file(...loop) })), [], loop[0]);
  });

  it('still reports a loop that steps through a list at that pace, or one that does not sleep', async () => {
    const cases: [string[], string][] = [
      [['\tfor i := 0; i < len(ids); i++ {', '\t\tdb.Exec("DELETE FROM jobs WHERE id = $1", ids[i])', '\t\ttime.Sleep(time.Second)', '\t}'], 'query-in-loop main.go:26:3 db.Exec [for sequential] → -'],
      [['\tfor i := 0; i < num; i++ {', '\t\tdb.Exec("DELETE FROM jobs WHERE id = $1", ids[i])', '\t\ttime.Sleep(time.Second)', '\t}'], 'query-in-loop main.go:26:3 db.Exec [for sequential] → -'],
      [['\tfor len(ids) > 0 {', '\t\tdb.Exec("DELETE FROM jobs WHERE id = $1", ids[0])', '\t\tids = ids[1:]', '\t\ttime.Sleep(time.Second)', '\t}'], 'query-in-loop main.go:26:3 db.Exec [for sequential] → -'],
      [['\tfor i := 0; i < num; i++ {', '\t\tclaimOne()', '\t}'], 'query-in-loop main.go:26:3 claimOne → db.QueryRow.Scan [for sequential] → -'],
    ];
    for (const [loop, row] of cases) assert.deepEqual(hazardRows(await joined({ 'main.go': file(...loop) })), [row], loop[0]);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** A worker goroutine saving what a channel brings, the channel fed by `feed` (review of stop 67, RC-7). */
const service = (feed: string) => ({
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
    '',
    'func startScheduler(items []time.Time) {',
    '\tticks := make(chan time.Time)',
    '\tgo func() {',
    '\t\tfor t := range ticks {',
    '\t\t\tdb.Exec("INSERT INTO heartbeat VALUES ($1)", t)',
    '\t\t}',
    '\t}()',
    '\tticker := time.NewTicker(time.Minute)',
    '\tevents := make(chan time.Time)',
    '\t_, _ = ticker, events',
    `\tfor t := range ${feed} {`,
    '\t\tticks <- t',
    '\t}',
    '}',
    '',
    'func handler(w http.ResponseWriter, r *http.Request) {',
    '\tstartScheduler(nil)',
    '}',
    '',
    'func main() {',
    '\thttp.HandleFunc("/start", handler)',
    '}',
  ),
});

describe('Go: a worker draining a channel fed from a loop (review of stop 67, RC-7)', () => {
  it('is a consumer of messages when the feeding loop ranges over a ticker, time.Tick or another channel', async () => {
    for (const feed of ['ticker.C', 'time.Tick(time.Minute)', 'events']) {
      assert.deepEqual(hazardRows(await joined(service(feed))), [], feed);
    }
  });

  it('is a query per item, in parallel (in the goroutine the route starts), when the feeding loop ranges over a slice', async () => {
    assert.deepEqual(hazardRows(await joined(service('items'))), ['query-in-loop main.go:15:4 db.Exec [for parallel] → -']);
  });
});

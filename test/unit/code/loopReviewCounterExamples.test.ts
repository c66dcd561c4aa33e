import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** Counter-examples a review of this stop's loop rules reproduced: each is still a query or call per item. */
describe('loops that only look like set-up or polling', () => {
  it('a query kept in a constant, given each item of a split as a parameter, is not a script statement', async () => {
    const f = await joined({
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"database/sql"',
        '\t"strings"',
        ')',
        '',
        'const deleteTag = `DELETE FROM post_tags WHERE post_id = $1 AND tag = $2`',
        '',
        'var db *sql.DB',
        '',
        'func removeTags(postID string, tags string) {',
        '\tfor _, tag := range strings.Split(tags, ";") {',
        '\t\tt := strings.TrimSpace(tag)',
        '\t\tdb.Exec(deleteTag, postID, t)',
        '\t}',
        '}',
      ),
      'app.py': lines(
        'INSERT_RECIPIENT = "INSERT INTO recipients (campaign_id, email) VALUES (%s, %s)"',
        'def add(cur, cid, emails):',
        '    for email in emails.split(";"):',
        '        cur.execute(INSERT_RECIPIENT, (cid, email.strip()))',
        '    for stmt in SCHEMA.split(";"):',
        '        cur.execute(stmt)',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop app.py:4:9 cur.execute [for sequential] → -', 'query-in-loop main.go:15:3 db.Exec [for sequential] → -']);
  });

  it("a Go cursor's or scanner's loop that sleeps between rows is not a poller", async () => {
    const f = await joined({
      'main.go': lines(
        'package main',
        '',
        'import (',
        '\t"bufio"',
        '\t"database/sql"',
        '\t"net/http"',
        '\t"os"',
        '\t"strings"',
        '\t"time"',
        ')',
        '',
        'var db *sql.DB',
        '',
        'func resend() {',
        '\trows, _ := db.Query(`SELECT id FROM users WHERE welcome_sent = false LIMIT 100`)',
        '\tfor rows.Next() {',
        '\t\tvar id int64',
        '\t\trows.Scan(&id)',
        '\t\tdb.Exec(`UPDATE users SET welcome_sent = true WHERE id = $1`, id)',
        '\t\ttime.Sleep(50 * time.Millisecond)',
        '\t}',
        '\tsc := bufio.NewScanner(os.Stdin)',
        '\tfor sc.Scan() {',
        '\t\thttp.Post("https://api.example.com/members", "text/plain", strings.NewReader(sc.Text()))',
        '\t\ttime.Sleep(100 * time.Millisecond)',
        '\t}',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.includes('-in-loop')),
      ['call-in-loop main.go:24:3 http.Post [for sequential] → -', 'query-in-loop main.go:19:3 db.Exec [for sequential] → -'],
    );
  });

  it("a callback's test of its own item's size picks items, it flushes no batch", async () => {
    const f = await joined({
      'server.js': lines(
        "const { Pool } = require('pg');",
        'const pool = new Pool();',
        'async function flag(orders) {',
        '  await Promise.all(',
        '    orders.map(async (order) => {',
        '      if (order.lines.length > LARGE_ORDER_LINES) {',
        "        await pool.query('INSERT INTO review_queue (ref) VALUES ($1)', [order.ref]);",
        '      }',
        '    }),',
        '  );',
        '  orders.forEach((order) => {',
        '    const lines = order.lines;',
        "    if (lines.length > LARGE_ORDER_LINES) pool.query('INSERT INTO review_queue (ref) VALUES ($1)', [order.ref]);",
        '  });',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop server.js:13:43 pool.query [.forEach() sequential] → -',
      'query-in-loop server.js:7:15 pool.query [.map() parallel] → -',
    ]);
  });

  it("a promise chain a mapping's callback returns stays sequential inside Promise.all", async () => {
    const f = await joined({
      'server.js': lines(
        "const axios = require('axios');",
        'async function replay(tenants) {',
        '  await Promise.all(',
        '    tenants.map((tenant) =>',
        '      tenant.events.reduce((prev, ev) => prev.then(() => axios.post(tenant.url, ev, { timeout: 5000 })), Promise.resolve()),',
        '    ),',
        '  );',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['call-in-loop server.js:5:58 axios.post [.reduce() sequential] → -']);
  });
});

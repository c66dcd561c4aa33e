import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('a loop counted up to a literal of at most three is as small as a literal list of three items', () => {
  it("Go, JavaScript and Java: i < 3 (alist's drivers try an API call three times so) or i <= 1 is not per item; i < 4, or up to a variable, is", async () => {
    const f = await joined({
      'go.mod': 'module alist\n',
      'drivers/streamtape/driver.go': lines(
        'package streamtape',
        '',
        'import "net/http"',
        '',
        'func link(c *http.Client, n int) {',
        '\tfor i := 0; i < 3; i++ {',
        '\t\thttp.Get("http://api/file/dl")',
        '\t}',
        '\tfor i := 0; i < n; i++ {',
        '\t\thttp.Get("http://api/file/dl")',
        '\t}',
        '}',
      ),
      'src/retry.js': lines(
        'async function ping(url) {',
        '  for (let i = 0; i <= 1; i++) await fetch(url, { signal: AbortSignal.timeout(1000) });',
        '  for (let i = 0; i < 4; i++) await fetch(url, { signal: AbortSignal.timeout(1000) });',
        '}',
      ),
      'src/main/java/app/Warmup.java': lines(
        'package app;',
        'class Warmup {',
        '  void run() {',
        '    for (int i = 0; i < 2; i++) { restTemplate.getForObject("http://a/health", String.class); }',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.includes('-in-loop')),
      ['call-in-loop drivers/streamtape/driver.go:10:3 http.Get [for sequential] → -', 'call-in-loop src/retry.js:3:37 fetch [for sequential] → -'],
    );
  });
});

describe('a loop counted up to a literal whose every turn waits is a poll', () => {
  it("Go's select on time.After (alist's copy task), Python's time.sleep in range(30): not per item; the same wait over items, or no wait, is", async () => {
    const f = await joined({
      'go.mod': 'module alist\n',
      'drivers/sjtu/driver.go': lines(
        'package sjtu',
        '',
        'import (',
        '\t"context"',
        '\t"net/http"',
        '\t"time"',
        ')',
        '',
        'func wait(ctx context.Context, items []string) error {',
        '\tdone := false',
        '\tfor i := 0; i < 30 && !done; i++ {',
        '\t\tselect {',
        '\t\tcase <-ctx.Done():',
        '\t\t\treturn ctx.Err()',
        '\t\tcase <-time.After(1 * time.Second):',
        '\t\t}',
        '\t\thttp.Get("http://api/task")',
        '\t}',
        '\tfor i := 0; i < 30; i++ {',
        '\t\thttp.Get("http://api/task")',
        '\t}',
        '\tfor _, item := range items {',
        '\t\ttime.Sleep(time.Second)',
        '\t\thttp.Get("http://api/" + item)',
        '\t}',
        '\treturn nil',
        '}',
      ),
      'app/poll.py': lines(
        'import time',
        'import requests',
        '',
        'def wait_ready(url):',
        '    for _ in range(30):',
        '        time.sleep(1)',
        '        requests.get(url, timeout=5)',
        '',
        'def fetch_all(urls):',
        '    for url in urls:',
        '        time.sleep(1)',
        '        requests.get(url, timeout=5)',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.includes('-in-loop')),
      [
        'call-in-loop app/poll.py:12:9 requests.get [for sequential] → -',
        'call-in-loop drivers/sjtu/driver.go:20:3 http.Get [for sequential] → -',
        'call-in-loop drivers/sjtu/driver.go:24:3 http.Get [for sequential] → -',
      ],
    );
  });
});

describe('a loop over a variable set to a small literal is as small as the literal', () => {
  it("Go, JavaScript, Python and Java: a list of three named first (shiori's pragmas) is not per item; added to, longer, reassigned or a parameter's default, it is", async () => {
    const f = await joined({
      'go.mod': 'module shiori\n',
      'internal/database/sqlite.go': lines(
        'package database',
        '',
        'func setup(ctx context.Context, conn *sqlx.DB, extra string) error {',
        '\tpragmas := []string{',
        '\t\t`PRAGMA synchronous=NORMAL`,',
        '\t\t`PRAGMA cache_size=-2000`, // Use 2MB of memory for cache',
        '\t\t`PRAGMA foreign_keys=ON`,',
        '\t}',
        '\tfor _, pragma := range pragmas {',
        '\t\tconn.ExecContext(ctx, pragma)',
        '\t}',
        '\tmore := []string{`PRAGMA a`, `PRAGMA b`}',
        '\tmore = append(more, extra)',
        '\tfor _, pragma := range more {',
        '\t\tconn.ExecContext(ctx, pragma)',
        '\t}',
        '\treturn nil',
        '}',
      ),
      'src/regions.ts': lines(
        "import { pool } from './db';",
        'export async function warm(extra: string[]) {',
        "  const regions: string[] = ['eu', 'us'];",
        "  for (const r of regions) await pool.query('SELECT 1 FROM r WHERE name = $1', [r]);",
        "  const all = ['eu', 'us'].concat(extra);",
        "  for (const r of all) await pool.query('SELECT 1 FROM r WHERE name = $1', [r]);",
        "  const four = ['a', 'b', 'c', 'd'];",
        "  for (const r of four) await pool.query('SELECT 1 FROM r WHERE name = $1', [r]);",
        '}',
      ),
      'app/warm.py': lines(
        'from app.db import cursor',
        '',
        'def warm(names=("a", "b")):',
        '    for n in names:',
        '        cursor.execute("SELECT 1 FROM t WHERE n = %s", [n])',
        '    kinds = ("x", "y")',
        '    for k in kinds:',
        '        cursor.execute("SELECT 1 FROM t WHERE k = %s", [k])',
        '    kinds = load_kinds()',
        '    for k in kinds:',
        '        cursor.execute("SELECT 1 FROM t WHERE k = %s", [k])',
        '',
      ),
      'src/main/java/app/Warmup.java': lines(
        'package app;',
        'class Warmup {',
        '  void run() {',
        '    final List<String> hosts = List.of("http://a/health", "http://b/health");',
        '    for (String h : hosts) { restTemplate.getForObject(h, String.class); }',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.includes('-in-loop')),
      [
        'query-in-loop app/warm.py:11:9 cursor.execute [for sequential] → -',
        'query-in-loop app/warm.py:5:9 cursor.execute [for sequential] → -',
        'query-in-loop internal/database/sqlite.go:15:3 conn.ExecContext [for sequential] → -',
        'query-in-loop src/regions.ts:6:30 pool.query [for…of sequential] → -',
        'query-in-loop src/regions.ts:8:31 pool.query [for…of sequential] → -',
      ],
    );
  });
  it("a loop that draws a random key until no row has it (litemall's order numbers and storage keys) looks up about once; a lookup per drawn item, or per element, is still per item", async () => {
    const f = await joined({
      'src/main/java/shop/OrderService.java': lines(
        'package shop;',
        '',
        'public class OrderService {',
        '    public String generateOrderSn(Integer userId) {',
        '        String orderSn = now + getRandomNum(6);',
        '        while (countByOrderSn(userId, orderSn) != 0) {',
        '            orderSn = now + getRandomNum(6);',
        '        }',
        '        return orderSn;',
        '    }',
        '',
        '    private String generateKey(String suffix) {',
        '        String key = null;',
        '        Storage info = null;',
        '        do {',
        '            key = CharUtil.getRandomString(20) + suffix;',
        '            info = jdbcTemplate.queryForObject("SELECT * FROM storage WHERE key = ?", Storage.class, key);',
        '        } while (info != null);',
        '        return key;',
        '    }',
        '',
        '    private void drain(Queue<Long> queue) {',
        '        while (!queue.isEmpty()) {',
        '            jdbcTemplate.update("UPDATE orders SET seen = 1 WHERE id = ?", queue.poll());',
        '        }',
        '    }',
        '',
        '    private int countByOrderSn(Integer userId, String orderSn) {',
        '        return jdbcTemplate.queryForObject("SELECT COUNT(*) FROM orders WHERE sn = ?", Integer.class, orderSn);',
        '    }',
        '}',
      ),
      'src/codes.ts': lines(
        "import { nanoid } from 'nanoid';",
        "import { prisma } from './db';",
        'export async function newCode() {',
        '  let code = nanoid(8);',
        '  while (await prisma.invite.findUnique({ where: { code } })) code = nanoid(8);',
        '  return code;',
        '}',
        'export async function invite(n: number) {',
        '  let i = 0;',
        '  while (i++ < n) await prisma.invite.create({ data: { code: nanoid(8) } });',
        '}',
      ),
      'app/slugs.py': lines(
        'from django.utils.crypto import get_random_string',
        '',
        'def unique_slug(base):',
        '    slug = base',
        '    while Article.objects.filter(slug=slug).exists():',
        '        slug = f"{base}-{get_random_string(4)}"',
        '    return slug',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/codes.ts:10:25 prisma.invite.create [while sequential] → -',
      'query-in-loop src/main/java/shop/OrderService.java:24:13 jdbcTemplate.update [while sequential] → -',
    ]);
  });
});

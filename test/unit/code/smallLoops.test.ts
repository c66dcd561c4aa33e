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

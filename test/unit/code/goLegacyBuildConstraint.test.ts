import { strict as assert } from 'node:assert';
import { builtOnlyForTests } from '../../../src/core/code/analyzeFile';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/**
 * Go files written before Go 1.17 say their build constraint in the legacy form, `// +build ignore` (statping-ng's
 * `source/generate_*.go`, programs run by hand with `go run`): no build of the service takes them, as with
 * `//go:build ignore`, so their routes and hazards are not the service's.
 */
describe('Go legacy // +build constraints', () => {
  const gen = (constraint: string) =>
    lines(
      constraint,
      '',
      'package main',
      '',
      'import "net/http"',
      '',
      'func serveDocs(w http.ResponseWriter, r *http.Request) {',
      '\tresp, err := http.Get("https://example.com/docs")', // 8
      '\tif err != nil {',
      '\t\treturn',
      '\t}',
      '\tresp.Body.Close()',
      '}',
      '',
      'func main() {',
      '\thttp.HandleFunc("/docs", serveDocs)', // 16
      '\thttp.ListenAndServe(":9999", nil)',
      '}',
    );
  const main = lines('package main', '', 'import "net/http"', '', 'func main() {', '\thttp.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {})', '\thttp.ListenAndServe(":8080", nil)', '}');

  it('`// +build ignore` leaves the file out of the service, as `//go:build ignore` does', async () => {
    for (const constraint of ['// +build ignore', '//go:build ignore\n// +build ignore', '//+build ignore', '// +build tools']) {
      const f = await joined({ 'main.go': main, 'source/gen.go': gen(constraint) });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}`), ['ANY /health main.go'], constraint);
      assert.deepEqual(hazardRows(f), [], constraint);
    }
  });

  it('a platform constraint, or `+build` written after the package clause, keeps the file', async () => {
    for (const constraint of ['// +build !windows', '// +build linux,cgo darwin', '//go:build !ignore']) {
      const f = await joined({ 'main.go': main, 'source/gen.go': gen(constraint) });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}`), ['ANY /health main.go', 'ANY /docs source/gen.go'], constraint);
      assert.deepEqual(hazardRows(f), ['missing-timeout source/gen.go:8:15 http.Get → ANY /docs'], constraint);
    }
    assert.equal(builtOnlyForTests(lines('package main', '', '// +build ignore', 'func main() {}')), false);
    assert.equal(builtOnlyForTests(lines('// Copyright 2020 The Authors.', '', '// +build ignore', '', 'package main')), true);
  });
});

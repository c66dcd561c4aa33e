import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Go code a deploy step or a developer runs, not requests: migrations (nginx-ui's `internal/migrate/`, goose's
 * `goose.AddMigration`), and a program of its own that `go generate` runs (`package main` with `//go:generate go run .`).
 */
describe('Go one-off programs', () => {
  it('migrations and go:generate programs are quiet; the same loop in the service is not', async () => {
    const loop = (pkg: string, header = '', imports = '"net/http"') =>
      lines(header, `package ${pkg}`, '', `import (${imports})`, '', 'func run(urls []string) {', '\tfor _, u := range urls {', '\t\thttp.Get(u)', '\t}', '}');
    const f = await joined({
      'internal/migrate/1.site_category.go': loop('migrate'),
      'internal/db/steps.go': loop('db', '', '"net/http"; "github.com/pressly/goose/v3"').replace('func run', 'func init() { goose.AddMigration(run, nil) }\nfunc run'),
      'cmd/generate_licenses/main.go': loop('main', '//go:generate go run .'),
      'internal/site/check.go': loop('site'),
      // A service file that asks go generate to run a tool (gqlgen's resolver.go), and one that imports goose to run them.
      'graph/resolver.go': loop('graph', '//go:generate go run github.com/99designs/gqlgen generate'),
      'internal/store/store.go': loop('store', '', '"net/http"; "github.com/pressly/goose/v3"'),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('call-in-loop')),
      [
        'call-in-loop graph/resolver.go:8:3 http.Get [for sequential] → -',
        'call-in-loop internal/site/check.go:8:3 http.Get [for sequential] → -',
        'call-in-loop internal/store/store.go:8:3 http.Get [for sequential] → -',
      ],
    );
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Go code a deploy step or a developer runs, not requests: gormigrate, goose or golang-migrate migrations (nginx-ui's
 * `internal/migrate/`), and a program `go generate` runs (`//go:generate go run .`).
 */
describe('Go one-off programs', () => {
  it('migrations and go:generate programs are quiet; the same loop in the service is not', async () => {
    const loop = (pkg: string, header = '', imports = '"net/http"') =>
      lines(header, `package ${pkg}`, '', `import (${imports})`, '', 'func run(urls []string) {', '\tfor _, u := range urls {', '\t\thttp.Get(u)', '\t}', '}');
    const f = await joined({
      'internal/migrate/1.site_category.go': loop('migrate'),
      'internal/store/upgrade.go': loop('store', '', '"net/http"; "github.com/go-gormigrate/gormigrate/v2"'),
      'internal/db/steps.go': loop('db', '', '"net/http"; "github.com/pressly/goose/v3"'),
      'cmd/generate_licenses/main.go': loop('main', '//go:generate go run .'),
      'internal/site/check.go': loop('site'),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('call-in-loop')),
      ['call-in-loop internal/site/check.go:8:3 http.Get [for sequential] → -'],
    );
  });
});

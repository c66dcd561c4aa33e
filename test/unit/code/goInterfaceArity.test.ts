import { strict as assert } from 'node:assert';
import { goInterfaceArities, goParameterCount } from '../../../src/core/code/declaredTypes';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { grammars, hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Go: a type implements an interface only with each method taking as many parameters as the interface's (gitness'
 * `c.repoCheck.Create(ctx, session, in)` on the repo `Check` interface reached its storage driver factories'
 * `Create(parameters)` and their `http.Client{}` on POST /v1/repos).
 */
describe('Go: interface implementations of the same arity only', function () {
  this.timeout(20_000);

  it('parameter counts: one per name or unnamed type, grouped names each; none for a variadic list', () => {
    assert.equal(goParameterCount('(ctx context.Context, a, b string)'), 3);
    assert.equal(goParameterCount('(context.Context, func(a, b int) error, map[string]interface{})'), 3);
    assert.equal(goParameterCount('()'), 0);
    assert.equal(goParameterCount('(format string, args ...any)'), undefined);
    assert.deepEqual(goInterfaceArities(lines('package check', 'type Check interface {', '\tCreate(ctx context.Context, name string, n int) error', '\tLog(format string, args ...any)', '\tPing() error', '}')), {
      Check: { Create: 3, Ping: 0 },
    });
  });

  const files = (extra: Record<string, string> = {}) => ({
    'go.mod': lines('module example.com/app', '', 'go 1.22'),
    'check/check.go': lines(
      'package check',
      '',
      'import "context"',
      '',
      'type Check interface {',
      '\tCreate(ctx context.Context, name string, n int) error',
      '}',
      '',
      'type Noop struct{}',
      '',
      'func (Noop) Create(ctx context.Context, name string, n int) error { return nil }',
    ),
    'driver/driver.go': lines(
      'package driver',
      '',
      'import "net/http"',
      '',
      'type Factory struct{}',
      '',
      'func (f *Factory) Create(parameters map[string]interface{}) (*http.Client, error) {',
      '\treturn &http.Client{Transport: http.DefaultTransport}, nil', // 8
      '}',
    ),
    'main.go': lines(
      'package main',
      '',
      'import (',
      '\t"net/http"',
      '',
      '\t"example.com/app/check"',
      '\t"github.com/go-chi/chi/v5"',
      ')',
      '',
      'type Controller struct {',
      '\trepoCheck check.Check',
      '}',
      '',
      'func (c *Controller) HandleCreate(w http.ResponseWriter, r *http.Request) {',
      '\t_ = c.repoCheck.Create(r.Context(), "x", 1)',
      '}',
      '',
      'func main() {',
      '\tc := &Controller{repoCheck: check.Noop{}}',
      '\tr := chi.NewRouter()',
      '\tr.Post("/v1/repos", c.HandleCreate)',
      '\thttp.ListenAndServe(":8080", r)',
      '}',
    ),
    ...extra,
  });

  it("gitness: a Create of one parameter does not implement Check's Create of three; its client is on no route", async () => {
    assert.deepEqual(hazardRows(await joined(files())), ['missing-timeout driver/driver.go:8:10 http.Client → -']);
  });

  it('a Create of the same arity implements it and is reached; a variadic one, whose count is not compared, is kept', async () => {
    const f = await joined(
      files({
        'store/store.go': lines(
          'package store',
          '',
          'import (',
          '\t"context"',
          '\t"net/http"',
          ')',
          '',
          'type Check struct{}',
          '',
          'func (s *Check) Create(ctx context.Context, rest ...any) error {',
          '\t_ = &http.Client{Transport: http.DefaultTransport}', // 11
          '\treturn nil',
          '}',
          '',
          'type CheckTwo struct{}',
          '',
          'func (s *CheckTwo) Create(ctx context.Context, name string, n int) error {',
          '\t_ = &http.Client{Transport: http.DefaultTransport}', // 18
          '\treturn nil',
          '}',
        ),
      }),
    );
    assert.deepEqual(hazardRows(f), [
      'missing-timeout driver/driver.go:8:10 http.Client → -',
      'missing-timeout store/store.go:11:7 http.Client → POST /v1/repos',
      'missing-timeout store/store.go:18:7 http.Client → POST /v1/repos',
    ]);
  });

  it("an edit that changes only an interface method's arity is seen by the next join, as by a fresh one (the join's kept call targets)", async () => {
    const before = files();
    const edited = { ...before, 'check/check.go': before['check/check.go'].replace('Create(ctx context.Context, name string, n int) error\n}', 'Create(parameters map[string]interface{}) (*http.Client, error)\n}') };
    assert.notEqual(edited['check/check.go'], before['check/check.go']);
    const index = new CodeIndex(grammars);
    for (const [file, text] of Object.entries(before)) await index.ingest(file, text);
    index.link();
    await index.ingest('check/check.go', edited['check/check.go']);
    const again = new Map(index.link().map((a) => [a.file, a]));
    assert.deepEqual(hazardRows(again), hazardRows(await joined(edited)));
  });
});

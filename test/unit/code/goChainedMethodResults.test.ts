import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Go: a call on what a method returns, `t.getProcessor().ProcessOnce(ctx, branches)` (dtm's TransGlobal), lands on the
 * method of the type the receiver's type declares that method to return, as `p := t.getProcessor(); p.ProcessOnce()`
 * and `getProc(t).ProcessOnce()` did.
 */
describe('Go: a method called on what a method returns', function () {
  this.timeout(20_000);

  const gomod = lines('module example.com/app', '', 'go 1.22');
  const main = (...body: string[]) =>
    lines(
      'package main',
      '',
      'import "net/http"',
      '',
      'func submit(w http.ResponseWriter, r *http.Request) {',
      '\tt := &Trans{}',
      ...body,
      '}',
      '',
      'func main() {',
      '\thttp.HandleFunc("POST /api/submit", submit)',
      '\thttp.ListenAndServe(":8080", nil)',
      '}',
    );
  const posting = (receiver: string, line = 'func (p *Processor) ProcessOnce() error {') => [
    line,
    `\tfor _, u := range ${receiver}.URLs {`,
    '\t\thttp.Post(u, "application/json", nil)',
    '\t}',
    '\treturn nil',
    '}',
  ];

  it("a struct's accessor: its result's method (the repro of dtm's getProcessor)", async () => {
    const f = await joined({
      'go.mod': gomod,
      'trans.go': lines(
        'package main',
        '',
        'import "net/http"',
        '',
        'type Trans struct{ URLs []string }',
        '',
        'type Processor struct{ URLs []string }',
        '',
        'func (t *Trans) Processor() *Processor { return &Processor{URLs: t.URLs} }',
        '',
        ...posting('p'), // http.Post on line 13
      ),
      'main.go': main('\tt.Processor().ProcessOnce()'),
    });
    assert.deepEqual(hazardRows(f), ['call-in-loop trans.go:13:3 http.Post [for sequential] → POST /api/submit', 'missing-timeout trans.go:13:3 http.Post → POST /api/submit']);
  });

  it("an accessor declared to return an interface: each implementation's method (dtm's transProcessor)", async () => {
    const f = await joined({
      'go.mod': gomod,
      'trans.go': lines(
        'package main',
        '',
        'import "net/http"',
        '',
        'type Trans struct{ URLs []string }',
        '',
        'type transProcessor interface {',
        '\tProcessOnce() error',
        '}',
        '',
        'type sagaProcessor struct{ URLs []string }',
        '',
        'type msgProcessor struct{ URLs []string }',
        '',
        'func (t *Trans) getProcessor() transProcessor { return &sagaProcessor{URLs: t.URLs} }',
        '',
        ...posting('s', 'func (s *sagaProcessor) ProcessOnce() error {'), // http.Post on line 19
        '',
        ...posting('m', 'func (m *msgProcessor) ProcessOnce() error {'), // http.Post on line 26
      ),
      'main.go': main('\tt.getProcessor().ProcessOnce()'),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop trans.go:19:3 http.Post [for sequential] → POST /api/submit',
      'call-in-loop trans.go:26:3 http.Post [for sequential] → POST /api/submit',
      'missing-timeout trans.go:19:3 http.Post → POST /api/submit',
      'missing-timeout trans.go:26:3 http.Post → POST /api/submit',
    ]);
  });

  it("not the namesake method of what another type's accessor of the same name returns", async () => {
    const f = await joined({
      'go.mod': gomod,
      'trans.go': lines(
        'package main',
        '',
        'import "net/http"',
        '',
        'type Trans struct{ URLs []string }',
        '',
        'type Job struct{ URLs []string }',
        '',
        'type Processor struct{ URLs []string }',
        '',
        'type Replayer struct{ URLs []string }',
        '',
        'func (t *Trans) Processor() *Processor { return &Processor{URLs: t.URLs} }',
        '',
        'func (j *Job) Processor() *Replayer { return &Replayer{URLs: j.URLs} }',
        '',
        ...posting('p'), // http.Post on line 19
        '',
        ...posting('r', 'func (r *Replayer) ProcessOnce() error {'), // http.Post on line 26
      ),
      'main.go': main('\tt.Processor().ProcessOnce()'),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop trans.go:19:3 http.Post [for sequential] → POST /api/submit',
      'call-in-loop trans.go:26:3 http.Post [for sequential] → -',
      'missing-timeout trans.go:19:3 http.Post → POST /api/submit',
      'missing-timeout trans.go:26:3 http.Post → -',
    ]);
  });

  it("not a method of the package's when the accessor returns a library's type", async () => {
    const f = await joined({
      'go.mod': gomod,
      'trans.go': lines(
        'package main',
        '',
        'import (',
        '\t"net/http"',
        '\t"strings"',
        ')',
        '',
        'type Trans struct{ URLs []string }',
        '',
        'type Processor struct{ URLs []string }',
        '',
        'func (t *Trans) Reader() *strings.Reader { return strings.NewReader("") }',
        '',
        ...posting('p', 'func (p *Processor) Reset() error {'), // http.Post on line 16
      ),
      'main.go': main('\tt.Reader().Reset()'),
    });
    assert.deepEqual(hazardRows(f), ['call-in-loop trans.go:16:3 http.Post [for sequential] → -', 'missing-timeout trans.go:16:3 http.Post → -']);
  });
});

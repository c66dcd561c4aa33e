import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** Review of stop 67, RC-5: a call in a loop through an interface of more than three implementations. */
function notifier(names: string[]): string {
  return lines(
    'package main',
    '',
    'import (',
    '\t"database/sql"',
    '\t"net/http"',
    ')',
    '',
    'var db *sql.DB',
    '',
    'type Notifier interface {',
    '\tNotify(id int) error',
    '}',
    '',
    ...names.map((n) => `type ${n} struct{}`),
    '',
    ...names.map((n) => `func (${n}) Notify(id int) error { _, err := db.Exec("INSERT INTO log VALUES ($1)", id); return err }`),
    '',
    'func send(n Notifier, ids []int) {',
    '\tfor _, id := range ids {',
    '\t\tn.Notify(id)',
    '\t}',
    '}',
    '',
    'func sendOne(n Notifier, id int) {',
    '\tn.Notify(id)',
    '}',
    '',
    'func handler(w http.ResponseWriter, r *http.Request) {',
    '\tsend(A{}, []int{1, 2, 3, 4, 5, 6})',
    '\tsendOne(A{}, 7)',
    '}',
    '',
    'func main() {',
    '\thttp.HandleFunc("/notify", handler)',
    '}',
  );
}

/** A widget type of its own file whose `update` fetches without a timeout (glance's widgets, one per file). */
function widget(name: string): string {
  return lines('package main', '', 'import (', '\t"context"', '\t"net/http"', ')', '', `type ${name}Widget struct{ URL string }`, '', `func (w *${name}Widget) name() string { return "${name}" }`, '', `func (w *${name}Widget) update(ctx context.Context) {`, '\tresp, err := http.DefaultClient.Get(w.URL)', '\tif err == nil {', '\t\tresp.Body.Close()', '\t}', '}');
}

const PAGE = lines(
  'package main',
  '',
  'import (',
  '\t"context"',
  '\t"net/http"',
  ')',
  '',
  'type widget interface {',
  '\tupdate(context.Context)',
  '\tname() string',
  '}',
  '',
  'type widgets []widget',
  '',
  'type page struct {',
  '\tWidgets widgets `yaml:"widgets"`',
  '}',
  '',
  'var thePage = &page{}',
  '',
  'func (p *page) updateAll(ctx context.Context) {',
  '\tfor w := range p.Widgets {',
  '\t\twidget := p.Widgets[w]',
  '\t\tgo func() {',
  '\t\t\twidget.update(ctx)',
  '\t\t}()',
  '\t}',
  '}',
  '',
  'func refresh(ctx context.Context, w widget) {',
  '\tw.update(ctx)',
  '}',
  '',
  'func handleContent(w http.ResponseWriter, r *http.Request) {',
  '\tthePage.updateAll(r.Context())',
  '}',
  '',
  'func handleOne(w http.ResponseWriter, r *http.Request) {',
  '\trefresh(r.Context(), thePage.Widgets[0])',
  '}',
  '',
  'func main() {',
  '\thttp.HandleFunc("GET /content", handleContent)',
  '\thttp.HandleFunc("GET /one", handleOne)',
  '}',
);

describe('Go: a call in a loop through an interface of more than three implementations (review of stop 67, RC-5)', () => {
  it('is a query in the loop when each of five implementations queries, as with three (n.Notify(id) per id)', async () => {
    for (const names of [['A', 'B', 'C'], ['A', 'B', 'C', 'D', 'E']]) {
      const f = await joined({ 'go.mod': 'module example.com/app\n', 'main.go': notifier(names) });
      const loops = hazardRows(f).filter((r) => r.startsWith('query-in-loop') || r.startsWith('call-in-loop'));
      // (sendOne's call, in no loop, is no loop hazard.)
      assert.deepEqual(loops, [`query-in-loop main.go:${18 + 2 * names.length}:3 n.Notify → db.Exec [for sequential] → ANY /notify`], names.join());
    }
  });

  it("keeps glance's fan-out: `go func() { widget.update(ctx) }()` per widget is a remote call per item, in parallel", async () => {
    const f = await joined({
      'go.mod': 'module example.com/app\n',
      'main.go': PAGE,
      ...Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((x) => [`widget_${x}.go`, widget(x)])),
    });
    const loops = hazardRows(f).filter((r) => r.startsWith('query-in-loop') || r.startsWith('call-in-loop'));
    // (refresh's single w.update is none.)
    assert.deepEqual(loops, ['call-in-loop main.go:25:4 widget.update → http.DefaultClient.Get [for parallel] → GET /content']);
  });
});

import { strict as assert } from 'node:assert';
import { goSliceTypes } from '../../../src/core/code/declaredTypes';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** A widget type of its own file whose `update` fetches without a timeout (glance's widgets, one per file). */
function widget(name: string): string {
  return lines(
    'package main',
    '',
    'import (',
    '\t"context"',
    '\t"net/http"',
    ')',
    '',
    `type ${name}Widget struct{ URL string }`,
    '',
    `func (w *${name}Widget) name() string { return "${name}" }`,
    '',
    `func (w *${name}Widget) update(ctx context.Context) {`,
    '\tresp, err := http.DefaultClient.Get(w.URL)',
    '\tif err == nil {',
    '\t\tresp.Body.Close()',
    '\t}',
    '}',
  );
}

const MAIN = lines(
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

// Not a widget: an `update` of its own, without `name()`.
const HELPER = lines(
  'package main',
  '',
  'import (',
  '\t"context"',
  '\t"net/http"',
  ')',
  '',
  'type helper struct{ URL string }',
  '',
  'func (h *helper) update(ctx context.Context) {',
  '\tresp, err := http.DefaultClient.Get(h.URL)',
  '\tif err == nil {',
  '\t\tresp.Body.Close()',
  '\t}',
  '}',
);

describe('Go: an interface with more than three implementations', () => {
  it('reads named slice types with their element types', () => {
    assert.deepEqual(goSliceTypes(lines('package main', '', 'type widgets []widget', 'type items []*pkg.Item // items', 'type ids map[string]int')), { widgets: 'widget', items: 'pkg.Item' });
  });

  it("puts every implementation on the routes that call through the interface (glance's 21 widgets behind `widget.update`), not the package's first three of the name", async () => {
    const f = await joined({
      'go.mod': 'module example.com/app\n',
      'main.go': MAIN,
      'helper.go': HELPER,
      'widget_a.go': widget('a'),
      'widget_b.go': widget('b'),
      'widget_c.go': widget('c'),
      'widget_d.go': widget('d'),
      'widget_e.go': widget('e'),
    });
    const timeouts = hazardRows(f).filter((r) => r.startsWith('missing-timeout'));
    // (The helper, no widget since it has no `name()`, is on no route.)
    assert.deepEqual(timeouts, [
      'missing-timeout helper.go:11:15 http.DefaultClient.Get → -',
      ...['a', 'b', 'c', 'd', 'e'].map((x) => `missing-timeout widget_${x}.go:13:15 http.DefaultClient.Get → GET /content, GET /one`),
    ]);
  });
});

import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Go: `failures.Since(t, id)`, a package-qualified call, runs the package's function `Since`, not a method of the same
 * name one of its types has (statping's `Failurer.Since(t)`, which loads every failure and which nothing calls).
 */
describe('Go: a call through the package name lands on its function, not a method of that name', function () {
  this.timeout(20_000);

  const gomod = lines('module example.com/app', '', 'go 1.22', '', 'require gorm.io/gorm v1.25.0');
  const failures = lines(
    'package failures',
    '',
    'import (',
    '\t"time"',
    '',
    '\t"gorm.io/gorm"',
    ')',
    '',
    'var db *gorm.DB',
    '',
    'type Failure struct{ ID int64 }',
    '',
    'type Failurer struct{ db *gorm.DB }',
    '',
    'func Since(t time.Time, serviceID int64) Failurer {',
    '\treturn Failurer{db.Where("service_id = ? AND created_at > ?", serviceID, t)}',
    '}',
    '',
    'func All(serviceID int64) []*Failure {',
    '\tvar out []*Failure',
    '\tdb.Order("created_at DESC").Find(&out)', // 21
    '\treturn out',
    '}',
    '',
    'func (f Failurer) Since(t time.Time) []*Failure {',
    '\tvar out []*Failure',
    '\tf.db.Where("created_at > ?", t).Find(&out)', // 27
    '\treturn out',
    '}',
    '',
    'func (f Failurer) All() []*Failure {',
    '\tvar out []*Failure',
    '\tf.db.Find(&out)', // 33
    '\treturn out',
    '}',
  );
  const handlers = (...body: string[]) =>
    lines(
      'package handlers',
      '',
      'import (',
      '\t"net/http"',
      '\t"time"',
      '',
      '\t"example.com/app/failures"',
      ')',
      '',
      'func stats(w http.ResponseWriter, r *http.Request) {',
      ...body,
      '}',
      '',
      'func Register(mux *http.ServeMux) {',
      '\tmux.HandleFunc("GET /api/stats", stats)',
      '}',
    );
  const main = lines('package main', '', 'import (', '\t"net/http"', '', '\t"example.com/app/handlers"', ')', '', 'func main() {', '\tmux := http.NewServeMux()', '\thandlers.Register(mux)', '\thttp.ListenAndServe(":8080", mux)', '}');

  it("statping: `failures.Since(t, id)` and `failures.All(id)` are the package's functions; the methods of those names are on no route", async () => {
    const f = await joined({
      'go.mod': gomod,
      'failures/failures.go': failures,
      'handlers/handlers.go': handlers('\t_ = failures.Since(time.Now(), 1)', '\t_ = failures.All(1)'),
      'main.go': main,
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query failures/failures.go:21:2 db.Order.Find → GET /api/stats',
      'unbounded-query failures/failures.go:27:2 f.db.Where.Find → -',
      'unbounded-query failures/failures.go:33:2 f.db.Find → -',
    ]);
  });

  it("a value's method called through the package's function still lands on the method (`failures.Since(t, id).All()`)", async () => {
    const f = await joined({
      'go.mod': gomod,
      'failures/failures.go': failures,
      'handlers/handlers.go': handlers('\t_ = failures.Since(time.Now(), 1).All()'),
      'main.go': main,
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query failures/failures.go:21:2 db.Order.Find → -',
      'unbounded-query failures/failures.go:27:2 f.db.Where.Find → -',
      'unbounded-query failures/failures.go:33:2 f.db.Find → GET /api/stats',
    ]);
  });

  it('a name of the package with no function of that name: its methods, as before (a local named like the package)', async () => {
    const f = await joined({
      'go.mod': gomod,
      'failures/failures.go': failures.replace('func All(serviceID int64) []*Failure {', 'func Everything(serviceID int64) []*Failure {'),
      'handlers/handlers.go': handlers('\tfor _, failures := range pick(r) {', '\t\t_ = failures.All()', '\t}'),
      'main.go': main,
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop handlers/handlers.go:12:7 failures.All → f.db.Find [for sequential] → GET /api/stats',
      'unbounded-query failures/failures.go:21:2 db.Order.Find → -',
      'unbounded-query failures/failures.go:27:2 f.db.Where.Find → -',
      'unbounded-query failures/failures.go:33:2 f.db.Find → GET /api/stats',
    ]);
  });
});

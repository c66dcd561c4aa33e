import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('Go: a value typed by a type assertion', () => {
  it("calls that type's method: the route reaches what it does (gophish's rs := ctx.Get(r, \"result\").(models.Result))", async () => {
    const f = await joined({
      'go.mod': 'module github.com/gophish/gophish\n',
      'controllers/phish.go': lines(
        'package controllers',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/gorilla/mux"',
        '\tctx "github.com/gophish/gophish/context"',
        '\t"github.com/gophish/gophish/models"',
        ')',
        '',
        'func (ps *PhishingServer) registerRoutes() {',
        '\trouter := mux.NewRouter()',
        '\trouter.HandleFunc("/track", ps.TrackHandler)',
        '}',
        '',
        'func (ps *PhishingServer) TrackHandler(w http.ResponseWriter, r *http.Request) {',
        '\trs := ctx.Get(r, "result").(models.Result)',
        '\tif d, ok := ctx.Get(r, "details").(*models.EventDetails); ok {',
        '\t\td.Record()',
        '\t}',
        '\trs.HandleEmailOpened()',
        '}',
      ),
      'models/result.go': lines(
        'package models',
        '',
        'func (r *Result) HandleEmailOpened() error {',
        '\tvar hooks []Webhook',
        '\treturn db.Where("is_active = ?", true).Find(&hooks).Error',
        '}',
        '',
        'func (d *EventDetails) Record() error {',
        '\tvar all []Event',
        '\treturn db.Find(&all).Error',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query models/result.go:10:9 db.Find → ANY /track',
      'unbounded-query models/result.go:5:9 db.Where.Find → ANY /track',
    ]);
  });
});

import { strict as assert } from 'node:assert';
import { goLocalType } from '../../../src/core/code/localTypes';
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

describe('Go: a handler method of the receiver of the function around a closure', () => {
  it("is that type's method (wakapi's r.Group(func(r chi.Router) { r.Get(\"/summaries\", h.Get) }) in a method of h), not every Get of the package; nor is url.Values' Get (params := r.URL.Query())", async () => {
    const f = await joined({
      'go.mod': 'module github.com/muety/wakapi\n',
      'routes/summaries.go': lines(
        'package routes',
        '',
        'import "github.com/go-chi/chi/v5"',
        '',
        'type SummariesHandler struct{}',
        '',
        'func (h *SummariesHandler) RegisterRoutes(router chi.Router) {',
        '\trouter.Group(func(r chi.Router) {',
        '\t\tr.Get("/summaries", h.Get)',
        '\t})',
        '}',
        '',
        'func (h *SummariesHandler) Get(w http.ResponseWriter, r *http.Request) {',
        '\tparams := r.URL.Query()',
        '\tif params.Get("range") == "" {', // url.Values' Get, not a handler's
        '\t\treturn',
        '\t}',
        '\tvar all []Summary',
        '\tdb.Find(&all)',
        '}',
      ),
      'routes/leaders.go': lines(
        'package routes',
        '',
        'type LeadersHandler struct{}',
        '',
        'func (h *LeadersHandler) Get(w http.ResponseWriter, r *http.Request) {',
        '\tvar all []Leader',
        '\tdb.Find(&all)',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query routes/leaders.go:7:2 db.Find → -', 'unbounded-query routes/summaries.go:19:2 db.Find → GET /summaries']);
  });
});

describe('Go: a value a generic function returns, given its type', () => {
  it("calls that type's method (cloudreve's service := ParametersFromContext[*explorer.DeleteFileService](c, key)); an index of a map of functions types nothing", async () => {
    const f = await joined({
      'go.mod': 'module github.com/cloudreve/Cloudreve/v4\n',
      'routers/router.go': lines(
        'package routers',
        '',
        'import (',
        '\t"github.com/gin-gonic/gin"',
        '\t"github.com/cloudreve/Cloudreve/v4/routers/controllers"',
        ')',
        '',
        'func initMasterRouter(r *gin.Engine) {',
        '\tr.DELETE("/file", controllers.Delete)',
        '}',
      ),
      'routers/controllers/main.go': lines('package controllers', '', 'func ParametersFromContext[T any](c *gin.Context, ctxKey any) T {', '\treturn c.Request.Context().Value(ctxKey).(T)', '}'),
      'routers/controllers/file.go': lines(
        'package controllers',
        '',
        'import "github.com/cloudreve/Cloudreve/v4/service/explorer"',
        '',
        'func Delete(c *gin.Context) {',
        '\tservice := ParametersFromContext[*explorer.DeleteFileService](c, explorer.DeleteFileParamCtx{})',
        '\tservice.Delete(c)',
        '}',
      ),
      'service/explorer/file.go': lines(
        'package explorer',
        '',
        'type DeleteFileService struct{ Uris []string }',
        '',
        'func (s *DeleteFileService) Delete(c *gin.Context) error {',
        '\tfor _, uri := range s.Uris {',
        '\t\tdb.Where("uri = ?", uri).Delete(&File{})',
        '\t}',
        '\treturn nil',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop service/explorer/file.go:7:3 db.Where.Delete [for sequential] → DELETE /file',
    ]);
  });

  it('reads a pointer or another package\'s type as the argument; an index of a map of functions reads alike and types nothing', () => {
    assert.equal(goLocalType('func f() {\n\ts := do.MustInvoke[*Service](i)\n}', 's'), 'Service');
    assert.equal(goLocalType('func f() {\n\ts, err := Get[admin.API](c)\n}', 's'), 'admin.API');
    assert.equal(goLocalType('func f() {\n\ts := pickers[Kind](c)\n}', 's'), undefined);
  });
});

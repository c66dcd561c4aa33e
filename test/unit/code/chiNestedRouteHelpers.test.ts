import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * harness/gitness' app/router/api.go: `setupSpaces(r)` runs inside `r.Route("/v1", …)`, and itself calls
 * `SetupSpaceLabels(r)` inside `r.Route("/{space_ref}", …)`; the labels' routes are under every prefix on the way.
 */
describe('chi: a helper called in a Route closure of another helper', () => {
  it("keeps the prefixes its caller was given (gitness' /v1/spaces/{space_ref}/labels), three helpers deep, in another package too; a helper nobody mounts adds only its own", async () => {
    const f = await joined({
      'go.mod': 'module example.com/app\n',
      'router/api.go': lines(
        'package router',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/go-chi/chi/v5"',
        '\t"example.com/app/label"',
        ')',
        '',
        'func NewAPIHandler() http.Handler {',
        '\tr := chi.NewRouter()',
        '\tr.Route("/v1", func(r chi.Router) {',
        '\t\tsetupSpaces(r)',
        '\t\tsetupRepos(r)',
        '\t})',
        '\treturn r',
        '}',
        '',
        'func setupSpaces(r chi.Router) {',
        '\tr.Route("/spaces", func(r chi.Router) {',
        '\t\tr.Post("/", createSpace)', // 20
        '\t\tr.Route("/{space_ref}", func(r chi.Router) {',
        '\t\t\tlabel.SetupSpaceLabels(r)',
        '\t\t})',
        '\t})',
        '}',
        '',
        'func setupRepos(r chi.Router) {',
        '\tr.Route("/repos/{repo_ref}", func(r chi.Router) {',
        '\t\tsetupPipelines(r)',
        '\t})',
        '}',
        '',
        'func setupPipelines(r chi.Router) {',
        '\tr.Route("/pipelines/{pipeline}", func(r chi.Router) {',
        '\t\tsetupExecutions(r)',
        '\t})',
        '}',
        '',
        'func setupExecutions(r chi.Router) {',
        '\tr.Get("/executions", listExecutions)', // 40
        '}',
        '',
        // Called by nothing: what it hands on is under its own Route only, as before.
        'func setupUnused(r chi.Router) {',
        '\tr.Route("/unused", func(r chi.Router) {',
        '\t\tsetupOrphan(r)',
        '\t})',
        '}',
        '',
        'func setupOrphan(r chi.Router) {',
        '\tr.Get("/orphan", listExecutions)', // 50
        '}',
        '',
        'func createSpace(w http.ResponseWriter, r *http.Request)    {}',
        'func listExecutions(w http.ResponseWriter, r *http.Request) {}',
      ),
      'label/label.go': lines(
        'package label',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/go-chi/chi/v5"',
        ')',
        '',
        'func SetupSpaceLabels(r chi.Router) {',
        '\tr.Route("/labels", func(r chi.Router) {',
        '\t\tr.Post("/", create)', // 10
        '\t\tr.Get("/{label_key}", find)', // 11
        '\t})',
        '}',
        '',
        'func create(w http.ResponseWriter, r *http.Request) {}',
        'func find(w http.ResponseWriter, r *http.Request)   {}',
      ),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`),
      [
        'POST /v1/spaces/{space_ref}/labels label/label.go:10',
        'GET /v1/spaces/{space_ref}/labels/{label_key} label/label.go:11',
        'POST /v1/spaces router/api.go:20',
        'GET /v1/repos/{repo_ref}/pipelines/{pipeline}/executions router/api.go:40',
        'GET /unused/orphan router/api.go:50',
      ],
    );
  });
});

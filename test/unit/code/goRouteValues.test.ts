import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Go: routes written as Route values and registered by a loop', () => {
  it('keyed Route values returned by a module (gotenberg): each is a route where it is written, its handler literal on its path', async () => {
    const f = await joined({
      'go.mod': 'module conv\n',
      'pkg/api/api.go': lines(
        'package api',
        '',
        'import "github.com/labstack/echo/v4"',
        '',
        'type Route struct {',
        '\tMethod      string',
        '\tPath        string',
        '\tIsMultipart bool',
        '\tHandler     echo.HandlerFunc',
        '}',
        '',
        'func (a *Api) Start(routes []Route) {',
        '\tfor _, route := range routes {',
        '\t\ta.srv.Add(route.Method, a.rootPath+route.Path, route.Handler)',
        '\t}',
        '}',
      ),
      'pkg/modules/pdf/routes.go': lines(
        'package pdf',
        '',
        'import (',
        '\t"net/http"',
        '',
        '\t"github.com/labstack/echo/v4"',
        '\t"conv/pkg/api"',
        ')',
        '',
        'func mergeRoute(db *sql.DB) api.Route {',
        '\treturn api.Route{',
        '\t\tMethod:      http.MethodPost,',
        '\t\tPath:        "/forms/pdf/merge",',
        '\t\tIsMultipart: true,',
        '\t\tHandler: func(c echo.Context) error {',
        '\t\t\tfor _, id := range c.QueryParams()["id"] {',
        '\t\t\t\tdb.Exec("UPDATE docs SET merged = 1 WHERE id = ?", id)',
        '\t\t\t}',
        '\t\t\treturn nil',
        '\t\t},',
        '\t}',
        '}',
        '',
        'func (m *Module) Routes() []api.Route {',
        '\treturn []api.Route{mergeRoute(m.db), {Method: "GET", Path: "/forms/pdf/health", Handler: m.health}}',
        '}',
        '',
        '// A description of a remote endpoint, with no handler: not a route of this server.',
        'var upstream = api.Route{Method: http.MethodGet, Path: "/remote/status"}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['POST', '/forms/pdf/merge', 'pkg/modules/pdf/routes.go', 10, 'echo'],
      ['GET', '/forms/pdf/health', 'pkg/modules/pdf/routes.go', 24, 'echo'],
    ]);
    assert.deepEqual(hazardRows(f), ['query-in-loop pkg/modules/pdf/routes.go:17:5 db.Exec [for sequential] → POST /forms/pdf/merge']);
  });

  it('positional Route values of an OpenAPI Generator server, in a map and a list, the struct declared in another file', async () => {
    const f = await joined({
      'go.mod': 'module petstore\n',
      'go/routers.go': lines(
        'package openapi',
        '',
        'type Route struct {',
        '\tMethod      string',
        '\tPattern     string',
        '\tHandlerFunc http.HandlerFunc',
        '}',
        '',
        'type Routes map[string]Route',
      ),
      'go/api_pet.go': lines(
        'package openapi',
        '',
        'import "strings"',
        '',
        'func (c *PetAPIController) Routes() Routes {',
        '\treturn Routes{',
        '\t\t"AddPet": Route{',
        '\t\t\tstrings.ToUpper("Post"),',
        '\t\t\t"/v2/pet",',
        '\t\t\tc.AddPet,',
        '\t\t},',
        '\t\t"GetPetById": Route{',
        '\t\t\tstrings.ToUpper("Get"),',
        '\t\t\t"/v2/pet/{petId}",',
        '\t\t\tc.GetPetById,',
        '\t\t},',
        '\t}',
        '}',
      ),
      'legacy/routes.go': lines(
        'package legacy',
        '',
        'var routes = []Route{',
        '\t{"Index", "GET", "/", Index},',
        '\t{"Describe", "Stats", "/stats", Stats},',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['POST', '/v2/pet', 'go/api_pet.go', 6, 'net/http'],
      ['GET', '/v2/pet/{petId}', 'go/api_pet.go', 11, 'net/http'],
      ['GET', '/', 'legacy/routes.go', 3, 'net/http'],
    ]);
  });
});

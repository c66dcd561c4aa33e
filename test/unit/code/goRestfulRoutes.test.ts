import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Go: go-restful web services and httprouter', () => {
  it("go-restful: a WebService's root path joined with each route's, run by the function To names; another function's ws has its own root", async () => {
    const f = await joined({
      'users/resource.go': lines(
        'package users', // 1
        '',
        'import (',
        '\t"database/sql"',
        '\trestful "github.com/emicklei/go-restful/v3"', // 5
        ')',
        '',
        'type UserResource struct{ db *sql.DB }',
        '',
        'func (u UserResource) WebService() *restful.WebService {', // 10
        '\tws := new(restful.WebService)',
        '\tws.Path("/users").Consumes(restful.MIME_JSON).Produces(restful.MIME_JSON)',
        '\tws.Route(ws.GET("/{user-id}").To(u.findUser).Doc("get a user"))',
        '\tws.Route(ws.POST("").To(u.createUser))',
        '\treturn ws', // 15
        '}',
        '',
        'func Health() *restful.WebService {',
        '\tws := new(restful.WebService)',
        '\tws.Path("/healthz")', // 20
        '\tws.Route(ws.GET("").To(func(req *restful.Request, resp *restful.Response) {}))',
        '\treturn ws',
        '}',
        '',
        'func (u UserResource) findUser(req *restful.Request, resp *restful.Response) {', // 25
        '\tfor _, id := range req.QueryParameters("id") {',
        '\t\tu.db.QueryRow("SELECT name FROM users WHERE id = $1", id)',
        '\t}',
        '}',
        'func (u UserResource) createUser(req *restful.Request, resp *restful.Response) {}', // 30
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/users/{user-id}', 'users/resource.go', 12, 'go-restful'],
      ['POST', '/users', 'users/resource.go', 13, 'go-restful'],
      ['GET', '/healthz', 'users/resource.go', 20, 'go-restful'],
    ]);
    assert.deepEqual(hazardRows(f), ['query-in-loop users/resource.go:27:3 u.db.QueryRow [for sequential] → GET /users/{user-id}']);
  });

  it("httprouter: GET/POST… and Handle(method, path, h), labelled httprouter", async () => {
    const f = await joined({
      'main.go': lines(
        'package main',
        'import (',
        '\t"net/http"',
        '\t"github.com/julienschmidt/httprouter"',
        ')',
        'func Index(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {}',
        'func main() {',
        '\trouter := httprouter.New()',
        '\trouter.GET("/", Index)',
        '\trouter.Handle("DELETE", "/items/:id", Index)',
        '\thttp.ListenAndServe(":8080", router)',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/', 'main.go', 8, 'httprouter'],
      ['DELETE', '/items/:id', 'main.go', 9, 'httprouter'],
    ]);
  });
});

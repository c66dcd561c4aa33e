import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('Iris parties and Hertz routes', () => {
  it('Iris: app.Party and PartyFunc prefixes, labelled iris; Hertz: gin-like groups labelled hertz, a trailing slash kept under a group', async () => {
    const f = await joined({
      'iris/main.go': lines(
        'package main',
        '',
        'import "github.com/kataras/iris/v12"',
        '',
        'func main() {',
        '\tapp := iris.New()',
        '\tapp.Get("/ping", ping)',
        '\tusers := app.Party("/users")',
        '\tusers.Get("/{id:uint64}", getUser)',
        '\tapp.PartyFunc("/orders", func(orders iris.Party) {',
        '\t\torders.Post("/", createOrder)',
        '\t})',
        '}',
      ),
      'hertz/main.go': lines(
        'package main',
        '',
        'import "github.com/cloudwego/hertz/pkg/app/server"',
        '',
        'func main() {',
        '\th := server.Default()',
        '\th.GET("/ping", ping)',
        '\tv1 := h.Group("/v1")',
        '\tv1.POST("/users/", createUser)',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/ping', 'hertz/main.go', 6, 'hertz'],
      ['POST', '/v1/users/', 'hertz/main.go', 8, 'hertz'],
      ['GET', '/ping', 'iris/main.go', 6, 'iris'],
      ['GET', '/users/{id:uint64}', 'iris/main.go', 8, 'iris'],
      ['POST', '/orders', 'iris/main.go', 10, 'iris'],
    ]);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows, sortedRouteRows } from './fixtureWorkspace';

describe('Javalin: app verbs, the ApiBuilder and CrudHandlers', () => {
  it('app.get on the app and chained on Javalin.create, nested path() lambdas, paths named by constants, crud(); handlers by method reference and in Handler fields', async () => {
    const f = await joined({
      'src/main/java/shop/Main.java': lines(
        'package shop;',
        'import io.javalin.Javalin;',
        'import static io.javalin.apibuilder.ApiBuilder.*;',
        'public class Main {',
        '  public static void main(String[] args) {',
        '    Javalin app = Javalin.create(config -> {',
        '      config.router.apiBuilder(() -> {',
        '        path("orders", () -> {',
        '          get(OrderController::list);',
        '          post("/bulk", OrderController::bulk);',
        '          path("{id}", () -> {',
        '            get(OrderController.one);',
        '          });',
        '        });',
        '        get(Paths.HEALTH, ctx -> ctx.result("ok"));',
        '        crud("carts/{cart-id}", new CartController());',
        '      });',
        '    }).get("/version", ctx -> ctx.result("1")).start(7070);',
        '    app.delete("/cache", ctx -> ctx.status(204));',
        '    java.util.Map<String, Object> model = new java.util.HashMap<>();',
        '    model.put("msg", new Object());',
        '  }',
        '}',
      ),
      'src/main/java/shop/Paths.java': lines('package shop;', 'public class Paths {', '  public static final String HEALTH = "/healthz";', '}'),
      'src/main/java/shop/OrderController.java': lines(
        'package shop;',
        'import io.javalin.http.Context;',
        'import io.javalin.http.Handler;',
        'import org.springframework.jdbc.core.JdbcTemplate;',
        'public class OrderController {',
        '  static JdbcTemplate jdbc;',
        '  public static void list(Context ctx) {',
        '    ctx.json(jdbc.queryForList("SELECT id, total FROM orders"));',
        '  }',
        '  public static void bulk(Context ctx) {',
        '    for (String id : ctx.formParams("id")) {',
        '      jdbc.update("DELETE FROM orders WHERE id = ?", id);',
        '    }',
        '  }',
        '  public static Handler one = ctx -> {',
        '    for (String part : ctx.queryParams("part")) ctx.json(jdbc.queryForMap("SELECT * FROM parts WHERE id = ?", part));',
        '  };',
        '}',
      ),
      'src/main/java/shop/CartController.java': lines(
        'package shop;',
        'import io.javalin.apibuilder.CrudHandler;',
        'import io.javalin.http.Context;',
        'import org.springframework.jdbc.core.JdbcTemplate;',
        'public class CartController implements CrudHandler {',
        '  JdbcTemplate jdbc;',
        '  public void getAll(Context ctx) {}',
        '  public void getOne(Context ctx, String id) {}',
        '  public void create(Context ctx) {}',
        '  public void update(Context ctx, String id) {}',
        '  public void delete(Context ctx, String id) {',
        '    for (String line : Carts.lines(id)) { jdbc.update("DELETE FROM lines WHERE id = ?", line); }',
        '  }',
        '}',
      ),
      // No Javalin here: a `get` of its own.
      'src/main/java/other/Cache.java': lines('package other;', 'public class Cache {', '  void run() { get("/x", () -> 1); }', '}'),
    });
    assert.deepEqual(routeRows(f), sortedRouteRows([
      ['GET', '/carts', 'src/main/java/shop/Main.java', 15, 'javalin'],
      ['POST', '/carts', 'src/main/java/shop/Main.java', 15, 'javalin'],
      ['DELETE', '/carts/{cart-id}', 'src/main/java/shop/Main.java', 15, 'javalin'],
      ['GET', '/carts/{cart-id}', 'src/main/java/shop/Main.java', 15, 'javalin'],
      ['PATCH', '/carts/{cart-id}', 'src/main/java/shop/Main.java', 15, 'javalin'],
      ['GET', '/orders', 'src/main/java/shop/Main.java', 8, 'javalin'],
      ['POST', '/orders/bulk', 'src/main/java/shop/Main.java', 9, 'javalin'],
      ['GET', '/orders/{id}', 'src/main/java/shop/Main.java', 11, 'javalin'],
      ['GET', '/healthz', 'src/main/java/shop/Main.java', 14, 'javalin'],
      ['GET', '/version', 'src/main/java/shop/Main.java', 17, 'javalin'],
      ['DELETE', '/cache', 'src/main/java/shop/Main.java', 18, 'javalin'],
    ]));
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/shop/CartController.java:12:43 jdbc.update [for-each sequential] → DELETE /carts/{cart-id}',
      'query-in-loop src/main/java/shop/OrderController.java:12:7 jdbc.update [for-each sequential] → POST /orders/bulk',
      'query-in-loop src/main/java/shop/OrderController.java:16:58 jdbc.queryForMap [for-each sequential] → GET /orders/{id}',
      'unbounded-query src/main/java/shop/OrderController.java:8:14 jdbc.queryForList → GET /orders',
    ]);
  });
});

describe('Spark: static verbs and nested path() lambdas', () => {
  it('get("/hello", (req, res) -> …), Spark.post, path() groups; before/after filters and a map\'s get are no routes', async () => {
    const f = await joined({
      'src/main/java/app/App.java': lines(
        'package app;', // 1
        'import static spark.Spark.*;',
        'import spark.Spark;',
        'public class App {',
        '  public static void main(String[] args) {', // 5
        '    port(8080);',
        '    get("/hello", (req, res) -> "Hello World");',
        '    Spark.post("/login", Auth::login);',
        '    path("/api", () -> {',
        '      before("/*", (q, a) -> log.info("api call"));', // 10
        '      path("/email", () -> {',
        '        post("/add", EmailApi.addEmail);',
        '        delete("/remove/:id", (req, res) -> {',
        '          for (String id : req.queryParamsValues("id")) jdbc.queryForObject("SELECT 1 FROM e WHERE id = ?", Integer.class, id);',
        '          return "";', // 15
        '        });',
        '      });',
        '    });',
        '    cache.get("/hello");',
        '  }', // 20
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/hello', 'src/main/java/app/App.java', 6, 'spark'],
      ['POST', '/login', 'src/main/java/app/App.java', 7, 'spark'],
      ['POST', '/api/email/add', 'src/main/java/app/App.java', 11, 'spark'],
      ['DELETE', '/api/email/remove/:id', 'src/main/java/app/App.java', 12, 'spark'],
    ]);
    assert.deepEqual(hazardRows(f), ['query-in-loop src/main/java/app/App.java:14:57 jdbc.queryForObject [for-each sequential] → DELETE /api/email/remove/:id']);
  });
});

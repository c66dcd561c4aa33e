import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Vert.x Web: routes on a Router, sub-routers', () => {
  it('get/post(path).handler(…), route(path).method(…), route(HttpMethod, path), the last handler of a chain, a sub-router under its prefix; middleware (also an auth handler kept in a local) and a map\'s get are no routes', async () => {
    const f = await joined({
      'src/main/java/shop/MainVerticle.java': lines(
        'package shop;',
        'import io.vertx.core.AbstractVerticle;',
        'import io.vertx.ext.web.Router;',
        'import io.vertx.ext.web.handler.BodyHandler;',
        'public class MainVerticle extends AbstractVerticle {',
        '  private OrderRepository orderRepository;',
        '  public void start() {',
        '    Router router = Router.router(vertx);',
        '    router.route("/api/*").handler(BodyHandler.create());',
        '    JWTAuthHandler authn = JWTAuthHandler.create(jwt);',
        '    router.route("/api/*").handler(authn);',
        '    router.get("/api/orders").handler(this::list);',
        '    router.post("/api/orders").handler(BodyHandler.create()).handler(this::create);',
        '    router.route("/api/orders/:id").method(HttpMethod.DELETE).handler(ctx -> ctx.response().end());',
        '    router.route(HttpMethod.PUT, "/api/orders/:id").blockingHandler(this::update);',
        '    Router admin = Router.router(vertx);',
        '    admin.get("/stats").handler(this::stats);',
        '    router.route("/admin/*").subRouter(admin);',
        '    java.util.Map<String, String> m = new java.util.HashMap<>();',
        '    m.get("/not/a/route");',
        '  }',
        '  private void list(RoutingContext ctx) { ctx.json(orderRepository.findAll()); }',
        '  private void create(RoutingContext ctx) {}',
        '  private void update(RoutingContext ctx) {}',
        '  private void stats(RoutingContext ctx) {}',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/orders', 'src/main/java/shop/MainVerticle.java', 11, 'vertx'],
      ['POST', '/api/orders', 'src/main/java/shop/MainVerticle.java', 12, 'vertx'],
      ['DELETE', '/api/orders/:id', 'src/main/java/shop/MainVerticle.java', 13, 'vertx'],
      ['PUT', '/api/orders/:id', 'src/main/java/shop/MainVerticle.java', 14, 'vertx'],
      ['GET', '/admin/stats', 'src/main/java/shop/MainVerticle.java', 16, 'vertx'],
    ]);
    assert.deepEqual(hazardRows(f), ['unbounded-query src/main/java/shop/MainVerticle.java:22:52 orderRepository.findAll → GET /api/orders']);
  });
});

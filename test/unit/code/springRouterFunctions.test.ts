import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Spring functional endpoints (RouterFunction): builder and static routes, nests, handlers', () => {
  it('the builder with springdoc\'s docs, a nest whose routes a method of the class writes, a predicate holding the path', async () => {
    // The shapes of halo's endpoints.
    const f = await joined({
      'src/main/java/shop/NotificationEndpoint.java': lines(
        'package shop;',
        'public class NotificationEndpoint {',
        '    private final NotificationRepository notificationRepository;',
        '    public RouterFunction<ServerResponse> endpoint() {',
        '        return SpringdocRouteBuilder.route()',
        '                .nest(RequestPredicates.path("/userspaces/{username}"), userspaceScopedApis())',
        '                .POST(path("/attachments/-/upload").and(contentType(MediaType.MULTIPART_FORM_DATA)), this::upload, builder -> builder.operationId("Upload"))',
        '                .GET(LIST_PATTERN, this::list, builder -> builder.operationId("List"))',
        '                .GET(consolePagePredicate, request -> ServerResponse.ok().build())',
        '                .build();',
        '    }',
        '    Supplier<RouterFunction<ServerResponse>> userspaceScopedApis() {',
        '        return () -> SpringdocRouteBuilder.route()',
        '                .GET("/notifications", this::listNotifications, builder -> {',
        '                    builder.operationId("ListUserNotifications");',
        '                })',
        '                .nest(path("/tokens"), () -> route().POST(tokens::create, builder -> builder.tag("t")).GET(tokens::list).build())',
        '                .build();',
        '    }',
        '    Mono<ServerResponse> listNotifications(ServerRequest request) {',
        '        for (String id : request.queryParams().get("id")) {',
        '            notificationRepository.findById(id);',
        '        }',
        '        return ServerResponse.ok().build();',
        '    }',
        '    Mono<ServerResponse> upload(ServerRequest request) { return null; }',
        '    Mono<ServerResponse> list(ServerRequest request) { return null; }',
        '}',
      ),
    });
    // LIST_PATTERN and consolePagePredicate are worked out at run time: no route is made up for them.
    assert.deepEqual(routeRows(f), [
      ['POST', '/attachments/-/upload', 'src/main/java/shop/NotificationEndpoint.java', 6, 'spring'],
      ['GET', '/userspaces/{username}/notifications', 'src/main/java/shop/NotificationEndpoint.java', 13, 'spring'],
      ['GET', '/userspaces/{username}/tokens', 'src/main/java/shop/NotificationEndpoint.java', 16, 'spring'],
      ['POST', '/userspaces/{username}/tokens', 'src/main/java/shop/NotificationEndpoint.java', 16, 'spring'],
    ]);
    assert.deepEqual(hazardRows(f), ['query-in-loop src/main/java/shop/NotificationEndpoint.java:22:13 notificationRepository.findById [for-each sequential] → GET /userspaces/{username}/notifications']);
  });

  it('the static functions: route(GET(…), handler).andRoute(…), andNest(path(…), …), and a builder\'s path(prefix, lambda); a predicate alone is no route', async () => {
    const f = await joined({
      'src/main/java/shop/Routes.java': lines(
        'package shop;',
        'import static org.springframework.web.reactive.function.server.RequestPredicates.*;',
        'import static org.springframework.web.reactive.function.server.RouterFunctions.*;',
        '@Configuration',
        'public class Routes {',
        '  private static final RequestPredicate HTML = RequestPredicates.GET("/index.html");',
        '  @Bean',
        '  RouterFunction<ServerResponse> routes(UserHandler handler) {',
        '    return route(GET("/users").and(accept(APPLICATION_JSON)), handler::list)',
        '        .andRoute(POST("/users"), handler::create)',
        '        .andNest(path("/admin"), route(DELETE("/users/{id}"), handler::delete));',
        '  }',
        '  @Bean',
        '  RouterFunction<ServerResponse> v2(UserHandler handler) {',
        '    return route().path("/v2", b -> b.GET("/users/{id}", handler::get).POST(handler::create)).build();',
        '  }',
        '}',
      ),
      'src/main/java/shop/UserHandler.java': lines(
        'package shop;',
        '@Component',
        'public class UserHandler {',
        '  private final UserRepository repo;',
        '  public Mono<ServerResponse> list(ServerRequest request) {',
        '    return ServerResponse.ok().body(repo.findAll(), User.class);',
        '  }',
        '  public Mono<ServerResponse> create(ServerRequest request) { return null; }',
        '  public Mono<ServerResponse> delete(ServerRequest request) { return null; }',
        '  public Mono<ServerResponse> get(ServerRequest request) { return null; }',
        '}',
      ),
      'src/main/java/shop/UserRepository.java': lines('package shop;', 'public interface UserRepository extends ReactiveCrudRepository<User, String> {}'),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/users', 'src/main/java/shop/Routes.java', 8, 'spring'],
      ['POST', '/users', 'src/main/java/shop/Routes.java', 9, 'spring'],
      ['DELETE', '/admin/users/{id}', 'src/main/java/shop/Routes.java', 10, 'spring'],
      ['GET', '/v2/users/{id}', 'src/main/java/shop/Routes.java', 14, 'spring'],
      ['POST', '/v2', 'src/main/java/shop/Routes.java', 14, 'spring'],
    ]);
    assert.deepEqual(hazardRows(f), ['unbounded-query src/main/java/shop/UserHandler.java:6:37 repo.findAll → GET /users']);
  });
  it("alternatives joined with or() are each a route (halo's index: GET(\"/\").or(GET(\"/index\"))); a builder's path named by a constant of the class is read", async () => {
    const f = await joined({
      'src/main/java/blog/IndexRoutes.java': lines(
        'package blog;',
        'import static org.springframework.web.reactive.function.server.RequestPredicates.*;',
        '@Component',
        'public class IndexRoutes {',
        '  public static final String UNSUBSCRIBE_PATTERN = "/apis/notification/v1/subscriptions/{name}/unsubscribe";',
        '  public RouterFunction<ServerResponse> create(IndexHandler handler) {',
        '    return RouterFunctions.route(',
        '        GET("/").or(GET("/page/{page:\\\\d+}")',
        '            .or(GET("/index"))',
        '            .and(accept(MediaType.TEXT_HTML))),',
        '        handler::index);',
        '  }',
        '  public RouterFunction<ServerResponse> unsubscribe(IndexHandler handler) {',
        '    return RouterFunctions.route().GET(UNSUBSCRIBE_PATTERN, handler::unsubscribe).build();',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/', 'src/main/java/blog/IndexRoutes.java', 6, 'spring'],
      ['GET', '/index', 'src/main/java/blog/IndexRoutes.java', 6, 'spring'],
      ['GET', '/page/{page:\\d+}', 'src/main/java/blog/IndexRoutes.java', 6, 'spring'],
      ['GET', '/apis/notification/v1/subscriptions/{name}/unsubscribe', 'src/main/java/blog/IndexRoutes.java', 13, 'spring'],
    ]);
  });
});

import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/**
 * Spring MVC's `configurePathMatch(…) { configurer.addPathPrefix("/admin-api", c -> c.isAnnotationPresent(
 * RestController.class)) }` puts every REST controller's mappings under the prefix, and Spring's metrics report the
 * pattern with it (ruoyi-vue-pro's `/admin-api`). Prefixes chosen by package, several of them, are not read.
 */
describe('Spring: a path prefix added in configurePathMatch', () => {
  it('is part of every REST controller route of the service', async () => {
    const f = await joined({
      'pom.xml': '<project><artifactId>app</artifactId></project>',
      'src/main/java/app/WebConfig.java': lines(
        'package app;',
        '@Configuration',
        'public class WebConfig implements WebMvcConfigurer {',
        '  @Override',
        '  public void configurePathMatch(PathMatchConfigurer configurer) {',
        '    configurer.addPathPrefix("/admin-api", c -> c.isAnnotationPresent(RestController.class));',
        '  }',
        '}',
      ),
      'src/main/java/app/UserController.java': lines(
        'package app;',
        '@RestController',
        '@RequestMapping("/system/user")',
        'public class UserController {',
        '  @GetMapping("/get")',
        '  public String get(@RequestParam Long id) { return "x"; }',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [['GET', '/admin-api/system/user/get', 'src/main/java/app/UserController.java', 4, 'spring']]);
  });

  it("is not Jersey's @ApplicationPath, which is the JAX-RS resources' only", async () => {
    const f = await joined({
      'pom.xml': '<project><artifactId>app</artifactId></project>',
      'src/main/java/app/JerseyConfig.java': lines('package app;', 'import jakarta.ws.rs.ApplicationPath;', '@ApplicationPath("/api")', 'public class JerseyConfig extends ResourceConfig {}'),
      'src/main/java/app/ItemResource.java': lines('package app;', 'import jakarta.ws.rs.*;', '@Path("/items")', 'public class ItemResource {', '  @GET', '  public String list() { return "x"; }', '}'),
      'src/main/java/app/HealthController.java': lines('package app;', '@RestController', 'public class HealthController {', '  @GetMapping("/health-page")', '  public String health() { return "ok"; }', '}'),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]}`),
      ['GET /health-page', 'GET /api/items'],
    );
  });
});

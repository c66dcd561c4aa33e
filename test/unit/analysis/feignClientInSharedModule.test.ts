import assert from 'node:assert/strict';
import { servicesForFile } from '../../../src/core/model/environment';
import { writtenWorkspaces } from './writtenWorkspaces';

/**
 * mall4cloud: each service's `@FeignClient` interfaces are in an API module (`mall4cloud-api-order`'s
 * `OrderFeignClient`) that the provider builds with and so do its callers (mall4cloud-search); the provider's
 * `@RestController OrderFeignController implements OrderFeignClient` serves the interface's mappings
 * (`FeignInsideAuthConfig.FEIGN_INSIDE_URL_PREFIX + "/insider/getOrdersStatus"`), Spring MVC inheriting them.
 */
describe('Spring: a @FeignClient interface of a module several services are built with, implemented by one', function () {
  this.timeout(30_000);
  const pom = (artifact: string, deps: string[]) =>
    `<project><modelVersion>4.0.0</modelVersion><parent><groupId>demo</groupId><artifactId>parent</artifactId><version>1</version></parent><artifactId>${artifact}</artifactId>\n<dependencies>${deps.map((d) => `<dependency><groupId>demo</groupId><artifactId>${d}</artifactId></dependency>`).join('')}</dependencies></project>\n`;
  const dockerfile = (name: string) => `FROM eclipse-temurin:17\nCOPY target/${name}.jar /app.jar\nENTRYPOINT ["java","-jar","/app.jar"]\n`;
  const client = [
    'package demo.api;',
    'import java.util.List;',
    'import demo.common.FeignInsideAuthConfig;',
    'import org.springframework.cloud.openfeign.FeignClient;',
    '@FeignClient(value = "mall4cloud-order", contextId = "order")',
    'public interface OrderFeignClient {',
    '    @GetMapping(value = FeignInsideAuthConfig.FEIGN_INSIDE_URL_PREFIX + "/insider/getOrdersStatus")', // 7
    '    List<Integer> getOrdersStatus(@RequestParam("orderIds") List<Long> orderIds);',
    '    @GetMapping(value = FeignInsideAuthConfig.FEIGN_INSIDE_URL_PREFIX + "/insider/unserved")', // 9
    '    String unserved();',
    '}',
  ].join('\n');
  const files = {
    'pom.xml': '<project><modelVersion>4.0.0</modelVersion><groupId>demo</groupId><artifactId>parent</artifactId><version>1</version><packaging>pom</packaging>\n<modules><module>common</module><module>api-order</module><module>order</module><module>search</module></modules></project>\n',
    'docker-compose.yml': 'services:\n  order:\n    build: ./order\n  search:\n    build: ./search\n',
    'common/pom.xml': pom('common', []),
    'common/src/main/java/demo/common/FeignInsideAuthConfig.java': 'package demo.common;\npublic class FeignInsideAuthConfig {\n    public static final String FEIGN_INSIDE_URL_PREFIX = "/feign";\n}\n',
    'api-order/pom.xml': pom('api-order', ['common']),
    'api-order/src/main/java/demo/api/OrderFeignClient.java': client,
    'order/pom.xml': pom('order', ['api-order']),
    'order/Dockerfile': dockerfile('order'),
    'order/src/main/java/demo/order/OrderFeignController.java': [
      'package demo.order;',
      'import java.util.List;',
      'import demo.api.OrderFeignClient;',
      'import org.springframework.jdbc.core.JdbcTemplate;',
      '@RestController',
      'public class OrderFeignController implements OrderFeignClient {',
      '    private JdbcTemplate jdbcTemplate;',
      '    @Override',
      '    public List<Integer> getOrdersStatus(List<Long> orderIds) {',
      '        for (Long id : orderIds) { jdbcTemplate.queryForObject("select status from orders where id = ?", Integer.class, id); }', // 10
      '        return List.of();',
      '    }',
      '}',
    ].join('\n'),
    'search/pom.xml': pom('search', ['api-order']),
    'search/Dockerfile': dockerfile('search'),
    'search/src/main/java/demo/search/SearchController.java': [
      'package demo.search;',
      'import java.util.List;',
      'import demo.api.OrderFeignClient;',
      '@RestController',
      '@RequestMapping("/p/search")',
      'public class SearchController {',
      '    private OrderFeignClient orderFeignClient;',
      '    @GetMapping("/order")', // 8
      '    public List<Integer> order(@RequestParam List<Long> ids) { return orderFeignClient.getOrdersStatus(ids); }',
      '}',
    ].join('\n'),
  };
  const analyse = writtenWorkspaces('feign-shared', { ws: files });

  it("is a route of the implementing controller's service only, not of the callers sharing the module", async () => {
    const result = await analyse('ws');
    assert.deepEqual(result.model.sharedBy, { 'api-order': ['order', 'search'], common: ['order', 'search'] });
    const byService = (name: string) =>
      result.files
        .filter((f) => servicesForFile(result.model, f.file, { registersRoutes: f.routes.length > 0 }).some((s) => s.name === name))
        .flatMap((f) => f.routes.map((r) => `${r.method} ${r.path} ${r.file}:${r.declaration.start.line + 1}`))
        .sort();
    assert.deepEqual(byService('order'), ['GET /feign/insider/getOrdersStatus api-order/src/main/java/demo/api/OrderFeignClient.java:7']);
    // The caller serves its own route only: its Feign call is a request to the order service (and `unserved`, which
    // no controller implements, is nobody's route).
    assert.deepEqual(byService('search'), ['GET /p/search/order search/src/main/java/demo/search/SearchController.java:8']);
    // The provider's query in a loop is on that route, in the order service.
    assert.deepEqual(
      result.warnings.filter((w) => w.file.endsWith('OrderFeignController.java')).map((w) => [w.code, w.range.start.line + 1, w.service, w.route]),
      [['query-in-loop', 10, 'order', 'GET /feign/insider/getOrdersStatus']],
    );
  });
});

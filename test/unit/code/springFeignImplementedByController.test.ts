import assert from 'node:assert/strict';
import { handledRows, hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/**
 * paascloud-master's providers: `@RestController class MdcProductCategoryQueryFeignClient implements
 * MdcProductCategoryQueryFeignApi`, the `@FeignClient` interface its callers share. Spring maps the interface's
 * annotations onto the controller, which serves them; a caller's Feign call is a request to that other service.
 */
describe('Spring: a @FeignClient interface implemented by a controller', () => {
  const api = lines(
    'package demo;',
    'import org.springframework.cloud.openfeign.FeignClient;',
    '@FeignClient(value = "item-service", fallback = ItemApiHystrix.class)',
    'public interface ItemApi {',
    '  @PostMapping(value = "/api/item/{id}")', // 5
    '  String getItem(@PathVariable("id") Long id);',
    '  @PostMapping(value = "/api/item/unserved")', // 7
    '  String unserved(@PathVariable("id") Long id);',
    '}',
  );
  const provider = lines(
    'package demo;',
    'import org.springframework.jdbc.core.JdbcTemplate;',
    '@RestController',
    'public class ItemFeignClient implements ItemApi {',
    '  private JdbcTemplate jdbcTemplate;',
    '  @Override',
    '  public String getItem(@PathVariable("id") Long id) {', // 7
    '    for (int i = 0; i < 10; i++) { jdbcTemplate.queryForObject("select name from item where id = ?", String.class, i); }', // 8
    '    return "x";',
    '  }',
    '  @GetMapping("/own")', // 11
    '  public String own() { return "y"; }',
    '}',
  );
  // Hystrix's fallback implements the interface too, but is no controller: it serves nothing.
  const fallback = lines(
    'package demo;',
    '@Component',
    'public class ItemApiHystrix implements ItemApi {',
    '  public String getItem(Long id) { return null; }',
    '  public String unserved(Long id) { return null; }',
    '}',
  );
  const caller = lines(
    'package demo;',
    '@RestController',
    'public class CallerController {',
    '  private ItemApi itemApi;',
    '  @GetMapping("/caller/{id}")', // 5
    '  public String call(@PathVariable Long id) { return itemApi.getItem(id); }',
    '}',
  );

  it("is a route of the implementing controller's, run by its method, with its hazards on that route only", async () => {
    const f = await joined({
      'src/main/java/demo/ItemApi.java': api,
      'src/main/java/demo/ItemFeignClient.java': provider,
      'src/main/java/demo/ItemApiHystrix.java': fallback,
      'src/main/java/demo/CallerController.java': caller,
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/caller/{id}', 'src/main/java/demo/CallerController.java', 4, 'spring'],
      ['POST', '/api/item/{id}', 'src/main/java/demo/ItemApi.java', 4, 'spring'],
      ['GET', '/own', 'src/main/java/demo/ItemFeignClient.java', 10, 'spring'],
    ]);
    assert.deepEqual(handledRows(f), ['src/main/java/demo/ItemFeignClient.java:5 POST /api/item/{id}']);
    // The caller's Feign call is a request: the provider's loop is not on GET /caller/{id}.
    assert.deepEqual(hazardRows(f), ['query-in-loop src/main/java/demo/ItemFeignClient.java:8:36 jdbcTemplate.queryForObject [for sequential] → POST /api/item/{id}']);
  });

  it('is no route where only a fallback implements it, or nothing does', async () => {
    const f = await joined({
      'src/main/java/demo/ItemApi.java': api,
      'src/main/java/demo/ItemApiHystrix.java': fallback,
      'src/main/java/demo/CallerController.java': caller,
    });
    assert.deepEqual(routeRows(f), [['GET', '/caller/{id}', 'src/main/java/demo/CallerController.java', 4, 'spring']]);
  });

  it("still follows a plain interface's call into its implementation", async () => {
    const f = await joined({
      'src/main/java/demo/ItemService.java': lines('package demo;', 'public interface ItemService {', '  String getItem(Long id);', '}'),
      'src/main/java/demo/ItemServiceImpl.java': lines(
        'package demo;',
        'import org.springframework.jdbc.core.JdbcTemplate;',
        '@Service',
        'public class ItemServiceImpl implements ItemService {',
        '  private JdbcTemplate jdbcTemplate;',
        '  public String getItem(Long id) {',
        '    for (int i = 0; i < 10; i++) { jdbcTemplate.queryForObject("select 1", String.class, i); }', // 7
        '    return "x";',
        '  }',
        '}',
      ),
      'src/main/java/demo/CallerController.java': caller.replace(/ItemApi itemApi/, 'ItemService itemApi'),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop src/main/java/demo/ItemServiceImpl.java:7:36 jdbcTemplate.queryForObject [for sequential] → GET /caller/{id}']);
  });

  it("a controller with a class-level path or its own mapping on the method lists none of the interface's paths (Spring serves /api/user/save there, and /api/users/{id} rather than /user/{id})", async () => {
    const f = await joined({
      'pom.xml': '<project><artifactId>demo</artifactId></project>\n',
      'src/main/java/demo/UserFeignApi.java': lines(
        'package demo;',
        'import org.springframework.cloud.openfeign.FeignClient;',
        'import org.springframework.web.bind.annotation.*;',
        '@FeignClient(name = "user-service")',
        'public interface UserFeignApi {',
        '  @GetMapping("/user/{id}")',
        '  String getUser(@PathVariable("id") Long id);',
        '  @PostMapping("/user/save")',
        '  String save(@RequestBody String body);',
        '}',
      ),
      'src/main/java/demo/UserController.java': lines(
        'package demo;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        '@RequestMapping("/api")',
        'public class UserController implements UserFeignApi {',
        '  @Override',
        '  @GetMapping("/users/{id}")',
        '  public String getUser(@PathVariable("id") Long id) { return "x"; }',
        '  @Override',
        '  public String save(@RequestBody String body) { return "y"; }',
        '}',
      ),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]}`),
      ['GET /api/users/{id}'],
    );
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Spring mappings named by constants (@RequestMapping(Constants.API_PREFIX + "/read"))', () => {
  it('reads constants of the same class, an imported class, a nested class, a static import and one of the same package', async () => {
    const f = await joined({
      'src/main/java/shop/common/ApiPaths.java': lines(
        'package shop.common;',
        'public final class ApiPaths {',
        '    public static final String API = "/api";',
        '    public static final String V1 = API + "/v1";',
        '    public static String mutable = "/mutable";',
        '    public static class Orders {',
        '        public static final String ROOT = "/orders", ONE = ROOT + "/{id}";',
        '    }',
        '}',
      ),
      'src/main/java/shop/common/Rpc.java': lines('package shop.common;', 'public interface Rpc {', '    String PREFIX = "/rpc-api";', '}'),
      'src/main/java/shop/web/Names.java': lines('package shop.web;', 'interface Names {', '    String ITEMS = "/items";', '}'),
      'src/main/java/shop/web/OrderController.java': lines(
        'package shop.web;',
        'import shop.common.ApiPaths;',
        'import static shop.common.Rpc.PREFIX;',
        '@RestController',
        '@RequestMapping(ApiPaths.V1 + ApiPaths.Orders.ROOT)',
        'public class OrderController {',
        '    private static final String SEARCH = "/search";',
        '    private final OrderRepository orders;',
        '    @GetMapping(ApiPaths.Orders.ONE)',
        '    public Order one(@PathVariable String id) { return orders.findById(id); }',
        '    @GetMapping(value = {SEARCH, // the search page',
        '        Names.ITEMS /* and the list */}, produces = "application/json")',
        '    public List<Order> search(@RequestParam List<String> ids) {',
        '        List<Order> out = new ArrayList<>();',
        '        for (String id : ids) out.add(orders.findById(id));',
        '        return out;',
        '    }',
        '    @PostMapping(PREFIX + "/sync")',
        '    public void sync() {}',
        '    @PutMapping(ApiPaths.mutable)',
        '    public void put() {}',
        '    @PutMapping(LibraryPaths.X)',
        '    public void putToo() {}',
        '}',
      ),
    });
    // Neither a field that is not `static final` nor a constant of no file here makes a route.
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/v1/orders/orders/{id}', 'src/main/java/shop/web/OrderController.java', 8, 'spring'],
      ['GET', '/api/v1/orders/items', 'src/main/java/shop/web/OrderController.java', 10, 'spring'],
      ['GET', '/api/v1/orders/search', 'src/main/java/shop/web/OrderController.java', 10, 'spring'],
      ['POST', '/api/v1/orders/rpc-api/sync', 'src/main/java/shop/web/OrderController.java', 17, 'spring'],
    ]);
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/shop/web/OrderController.java:15:39 orders.findById [for-each sequential] → GET /api/v1/orders/search, GET /api/v1/orders/items',
    ]);
  });

  it('of two classes of one name, the one the import\'s package names (nacos: a Constants per module)', async () => {
    const f = await joined({
      'api/src/main/java/com/x/api/common/Constants.java': lines('package com.x.api.common;', 'public class Constants {', '    public static final String CONFIG_PATH = "/v1/api/configs";', '}'),
      'config/src/main/java/com/x/config/constant/Constants.java': lines('package com.x.config.constant;', 'public class Constants {', '    public static final String CONFIG_PATH = "/v1/cs/configs";', '}'),
      'config/src/main/java/com/x/config/web/ConfigController.java': lines(
        'package com.x.config.web;',
        'import com.x.config.constant.Constants;',
        '@RestController',
        '@RequestMapping(Constants.CONFIG_PATH)',
        'public class ConfigController {',
        '    @GetMapping',
        '    public String get() { return ""; }',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [['GET', '/v1/cs/configs', 'config/src/main/java/com/x/config/web/ConfigController.java', 5, 'spring']]);
  });

  it('a path worked out at run time is no route, rather than one at the class prefix', async () => {
    const f = await joined({
      'src/main/java/shop/web/Computed.java': lines(
        'package shop.web;',
        '@RestController',
        '@RequestMapping("/computed")',
        'public class Computed {',
        '    @GetMapping(Paths.of("x"))',
        '    public String a() { return "a"; }',
        '    @GetMapping("/plain")',
        '    public String b() { return "b"; }',
        '    @RequestMapping(method = RequestMethod.DELETE)',
        '    public void c() {}',
        '}',
      ),
      'src/main/java/shop/web/Prefixed.java': lines(
        'package shop.web;',
        '@RestController',
        '@RequestMapping(Config.enabled ? "/a" : "/b")',
        'public class Prefixed {',
        '    @GetMapping("/x")',
        '    public String x() { return "x"; }',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/computed/plain', 'src/main/java/shop/web/Computed.java', 6, 'spring'],
      ['DELETE', '/computed', 'src/main/java/shop/web/Computed.java', 8, 'spring'],
    ]);
  });
});

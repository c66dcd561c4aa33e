import assert from 'node:assert/strict';
import { joined, lines } from './fixtureWorkspace';

const routes = (files: Awaited<ReturnType<typeof joined>>, file: string) => files.get(file)!.routes.map((r) => `${r.method} ${r.path}`);

/**
 * SpringBlade's Feign implementations: `UserClient implements IUserClient` maps `API_PREFIX + "/user-info"`, where
 * API_PREFIX is a field of the interface (implicitly static final). 17 routes were missing.
 */
describe('Java: a path constant a controller inherits from its interface or base class', () => {
  const client = lines(
    'package com.ex.user.feign;',
    '',
    '@FeignClient("user-service")',
    'public interface IUserClient {',
    '  String API_PREFIX = "/feign/client/user";',
    '',
    '  @GetMapping(API_PREFIX + "/user-info")',
    '  String userInfo(@RequestParam("id") Long id);',
    '}',
  );

  it('reads the interface it implements, in the same package or imported', async () => {
    const impl = (pkg: string, imports: string[]) =>
      lines(
        `package ${pkg};`,
        ...imports,
        '',
        '@RestController',
        'public class UserClient implements IUserClient {',
        '  @Override',
        '  @GetMapping(API_PREFIX + "/user-info")',
        '  public String userInfo(Long id) { return "u" + id; }',
        '',
        '  @GetMapping(API_PREFIX + "/ping")',
        '  public String ping() { return "pong"; }',
        '}',
      );
    const same = await joined({ 'src/main/java/com/ex/user/feign/IUserClient.java': client, 'src/main/java/com/ex/user/feign/UserClient.java': impl('com.ex.user.feign', []) });
    assert.deepEqual(routes(same, 'src/main/java/com/ex/user/feign/UserClient.java'), ['GET /feign/client/user/user-info', 'GET /feign/client/user/ping']);
    const other = await joined({
      'api/src/main/java/com/ex/user/feign/IUserClient.java': client,
      'service/src/main/java/com/ex/user/web/UserClient.java': impl('com.ex.user.web', ['import com.ex.user.feign.IUserClient;']),
    });
    assert.deepEqual(routes(other, 'service/src/main/java/com/ex/user/web/UserClient.java'), ['GET /feign/client/user/user-info', 'GET /feign/client/user/ping']);
  });

  it('reads the class it extends; a name no base declares leaves the route out', async () => {
    const files = await joined({
      'src/main/java/com/ex/web/BaseController.java': lines('package com.ex.web;', '', 'public abstract class BaseController {', '  protected static final String ADMIN = "/admin";', '}'),
      'src/main/java/com/ex/web/UserController.java': lines(
        'package com.ex.web;',
        '',
        '@RestController',
        'public class UserController extends BaseController {',
        '  @GetMapping(ADMIN + "/users")',
        '  public String users() { return ""; }',
        '',
        '  @GetMapping(NOWHERE + "/x")',
        '  public String x() { return ""; }',
        '}',
      ),
    });
    assert.deepEqual(routes(files, 'src/main/java/com/ex/web/UserController.java'), ['GET /admin/users']);
  });

  it('reads what the base class inherits in turn (a base controller implementing the interface of paths)', async () => {
    const files = await joined({
      'src/main/java/com/acme/web/ApiPaths.java': lines('package com.acme.web;', '', 'public interface ApiPaths {', '  String API_V1 = "/api/v1";', '}'),
      'src/main/java/com/acme/web/BaseController.java': lines('package com.acme.web;', '', 'public abstract class BaseController implements ApiPaths {', '}'),
      'src/main/java/com/acme/web/ProductController.java': lines(
        'package com.acme.web;',
        '',
        '@RestController',
        '@RequestMapping(API_V1 + "/products")',
        'public class ProductController extends BaseController {',
        '  @GetMapping("/{id}")',
        '  public String one(@PathVariable long id) { return ""; }',
        '}',
      ),
    });
    assert.deepEqual(routes(files, 'src/main/java/com/acme/web/ProductController.java'), ['GET /api/v1/products/{id}']);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Spring: handler methods a controller inherits from its superclass', () => {
  it("an abstract base's mappings are served under each controller that extends it (another package), by its override or else the base's; the base lists none of its own", async () => {
    const f = await joined({
      'src/main/java/com/ex/web/base/BaseCrudController.java': lines(
        'package com.ex.web.base;',
        'import org.springframework.web.bind.annotation.*;',
        'public abstract class BaseCrudController<T> {',
        '    protected abstract CrudRepository<T, Long> repo();',
        '    @GetMapping("")',
        '    public List<T> list(@RequestParam List<Long> ids) { List<T> out = new ArrayList<>(); for (Long id : ids) out.add(repo().findById(id)); return out; }',
        '    @GetMapping("/{id}")',
        '    public T one(@PathVariable long id) { return null; }',
        '    @DeleteMapping("/{id}")',
        '    public void delete(@PathVariable long id) { }',
        '}',
      ),
      'src/main/java/com/ex/web/UserController.java': lines(
        'package com.ex.web;',
        'import com.ex.web.base.BaseCrudController;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        '@RequestMapping("/users")',
        'public class UserController extends BaseCrudController<User> {',
        '    @GetMapping("/me")',
        '    public User me() { return null; }',
        '    @Override',
        '    public List<User> list(List<Long> ids) { return List.of(); }',
        '}',
      ),
      'src/main/java/com/ex/web/ProductController.java': lines(
        'package com.ex.web;',
        'import com.ex.web.base.BaseCrudController;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        '@RequestMapping("/products")',
        'public class ProductController extends BaseCrudController<Product> {',
        '}',
      ),
      // A controller without a class mapping of its own: the base's paths as they are.
      'src/main/java/com/ex/web/RootController.java': lines(
        'package com.ex.web;',
        'import com.ex.web.base.BaseCrudController;',
        'import org.springframework.stereotype.Controller;',
        '@Controller',
        'public class RootController extends BaseCrudController<Item> {',
        '}',
      ),
      // An abstract class nothing extends serves nothing; nor does a subclass that is not a controller.
      'src/main/java/com/ex/web/base/UnusedController.java': lines(
        'package com.ex.web.base;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        '@RequestMapping("/unused")',
        'public abstract class UnusedController {',
        '    @GetMapping("/ping")',
        '    public String ping() { return "pong"; }',
        '}',
      ),
      'src/main/java/com/ex/web/Helper.java': lines('package com.ex.web;', 'import com.ex.web.base.UnusedController;', 'public class Helper extends UnusedController {', '}'),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/', 'src/main/java/com/ex/web/base/BaseCrudController.java', 4, 'spring'],
      ['GET', '/products', 'src/main/java/com/ex/web/base/BaseCrudController.java', 4, 'spring'],
      ['GET', '/users', 'src/main/java/com/ex/web/base/BaseCrudController.java', 4, 'spring'],
      ['GET', '/{id}', 'src/main/java/com/ex/web/base/BaseCrudController.java', 6, 'spring'],
      ['GET', '/products/{id}', 'src/main/java/com/ex/web/base/BaseCrudController.java', 6, 'spring'],
      ['GET', '/users/{id}', 'src/main/java/com/ex/web/base/BaseCrudController.java', 6, 'spring'],
      ['DELETE', '/{id}', 'src/main/java/com/ex/web/base/BaseCrudController.java', 8, 'spring'],
      ['DELETE', '/products/{id}', 'src/main/java/com/ex/web/base/BaseCrudController.java', 8, 'spring'],
      ['DELETE', '/users/{id}', 'src/main/java/com/ex/web/base/BaseCrudController.java', 8, 'spring'],
      ['GET', '/users/me', 'src/main/java/com/ex/web/UserController.java', 6, 'spring'],
    ]);
    // UserController overrides list: its GET /users runs its own, not the base's loop.
    assert.deepEqual(hazardRows(f), ['query-in-loop src/main/java/com/ex/web/base/BaseCrudController.java:6:118 repo.findById [for-each sequential] → GET /products, GET /']);
  });

  it("a controller's mappings are also each subclass controller's, several levels down, under the subclass's class mapping (BroadleafCommerce's AdminBasicEntityController); an override mapped anew is the subclass's own", async () => {
    const f = await joined({
      'src/main/java/org/bc/openadmin/AdminBasicEntityController.java': lines(
        'package org.bc.openadmin;',
        'import org.springframework.stereotype.Controller;',
        'import org.springframework.web.bind.annotation.*;',
        '@Controller("blAdminBasicEntityController")',
        '@RequestMapping("/{sectionKey:.+}")',
        'public class AdminBasicEntityController extends AdminAbstractController {',
        '    @RequestMapping(value = "", method = RequestMethod.GET)',
        '    public String viewEntityList() { return "list"; }',
        '    @RequestMapping(value = "/{id}", method = RequestMethod.GET)',
        '    public String viewEntityForm(@PathVariable String id) { return "form"; }',
        '    @RequestMapping(value = "/selectize", method = RequestMethod.GET)',
        '    public String selectize() { return "s"; }',
        '}',
      ),
      'src/main/java/org/bc/admin/AdminProductController.java': lines(
        'package org.bc.admin;',
        'import org.bc.openadmin.AdminBasicEntityController;',
        'import org.springframework.stereotype.Controller;',
        'import org.springframework.web.bind.annotation.*;',
        '@Controller("blAdminProductController")',
        '@RequestMapping("/" + AdminProductController.SECTION_KEY)',
        'public class AdminProductController extends AdminBasicEntityController {',
        '    public static final String SECTION_KEY = "product";',
        '    @Override',
        '    @RequestMapping(value = "/{id}", method = RequestMethod.GET)',
        '    public String viewEntityForm(@PathVariable String id) { return "product form"; }',
        '    @RequestMapping(value = "/{id}/skus", method = RequestMethod.GET)',
        '    public String skus(@PathVariable String id) { return "skus"; }',
        '}',
      ),
      'src/main/java/org/bc/admin/AdminBundleProductController.java': lines(
        'package org.bc.admin;',
        'import org.springframework.stereotype.Controller;',
        'import org.springframework.web.bind.annotation.*;',
        '@Controller("blAdminBundleProductController")',
        '@RequestMapping("/" + AdminProductController.SECTION_KEY + ":" + AdminBundleProductController.SECTION_KEY)',
        'public class AdminBundleProductController extends AdminProductController {',
        '    public static final String SECTION_KEY = "bundle";',
        '}',
      ),
      // A class without @Controller that nothing extends keeps its routes as before; one a controller extends is
      // only that controller's.
      'src/main/java/org/bc/web/LegacyEndpoints.java': lines(
        'package org.bc.web;',
        'import org.springframework.web.bind.annotation.*;',
        '@RequestMapping("/legacy")',
        'public class LegacyEndpoints {',
        '    @GetMapping("/status")',
        '    public String status() { return "ok"; }',
        '}',
      ),
      'src/main/java/org/bc/web/BaseStatus.java': lines(
        'package org.bc.web;',
        'import org.springframework.web.bind.annotation.*;',
        '@RequestMapping("/base")',
        'public class BaseStatus {',
        '    @GetMapping("/health")',
        '    public String health() { return "ok"; }',
        '}',
      ),
      'src/main/java/org/bc/web/StatusController.java': lines(
        'package org.bc.web;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        '@RequestMapping("/status")',
        'public class StatusController extends BaseStatus {',
        '}',
      ),
      // Spring Boot's BasicErrorController maps the class at /error (unless server.error.path says otherwise).
      'src/main/java/org/bc/openadmin/AdminBasicErrorController.java': lines(
        'package org.bc.openadmin;',
        'import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;',
        'import org.springframework.web.bind.annotation.RequestMapping;',
        'public class AdminBasicErrorController extends BasicErrorController {',
        '    @RequestMapping(produces = "text/html")',
        '    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) { return null; }',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/product:bundle/{id}', 'src/main/java/org/bc/admin/AdminProductController.java', 9, 'spring'],
      ['GET', '/product/{id}', 'src/main/java/org/bc/admin/AdminProductController.java', 9, 'spring'],
      ['GET', '/product:bundle/{id}/skus', 'src/main/java/org/bc/admin/AdminProductController.java', 11, 'spring'],
      ['GET', '/product/{id}/skus', 'src/main/java/org/bc/admin/AdminProductController.java', 11, 'spring'],
      ['GET', '/{sectionKey:.+}', 'src/main/java/org/bc/openadmin/AdminBasicEntityController.java', 6, 'spring'],
      ['GET', '/product', 'src/main/java/org/bc/openadmin/AdminBasicEntityController.java', 6, 'spring'],
      ['GET', '/product:bundle', 'src/main/java/org/bc/openadmin/AdminBasicEntityController.java', 6, 'spring'],
      ['GET', '/{sectionKey:.+}/{id}', 'src/main/java/org/bc/openadmin/AdminBasicEntityController.java', 8, 'spring'],
      ['GET', '/{sectionKey:.+}/selectize', 'src/main/java/org/bc/openadmin/AdminBasicEntityController.java', 10, 'spring'],
      ['GET', '/product:bundle/selectize', 'src/main/java/org/bc/openadmin/AdminBasicEntityController.java', 10, 'spring'],
      ['GET', '/product/selectize', 'src/main/java/org/bc/openadmin/AdminBasicEntityController.java', 10, 'spring'],
      ['ANY', '/error', 'src/main/java/org/bc/openadmin/AdminBasicErrorController.java', 4, 'spring'],
      ['GET', '/status/health', 'src/main/java/org/bc/web/BaseStatus.java', 4, 'spring'],
      ['GET', '/legacy/status', 'src/main/java/org/bc/web/LegacyEndpoints.java', 4, 'spring'],
    ]);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe("a Spring Data repository's own methods are queries, whatever their names", () => {
  it("eladmin's @Query untiedMenu, called per menu through a service, is a query in a loop; the same name on a class that is no repository is not", async () => {
    const f = await joined({
      'src/main/java/me/zhengjie/repository/RoleRepository.java': lines(
        'package me.zhengjie.repository;',
        'public interface RoleRepository extends JpaRepository<Role, Long>, JpaSpecificationExecutor<Role> {',
        '  @Modifying',
        '  @Query(value = "delete from sys_roles_menus where menu_id = ?1", nativeQuery = true)',
        '  void untiedMenu(Long id);',
        '}',
      ),
      'src/main/java/me/zhengjie/service/RoleService.java': lines(
        'package me.zhengjie.service;',
        '@Service',
        'public class RoleService {',
        '  private final RoleRepository roleRepository;',
        '  private final MenuCache menuCache;',
        '  public void untiedMenu(Long menuId) {',
        '    roleRepository.untiedMenu(menuId);',
        '  }',
        '  public void forget(Long menuId) {',
        '    menuCache.untiedMenu(menuId);',
        '  }',
        '}',
      ),
      'src/main/java/me/zhengjie/service/MenuCache.java': lines(
        'package me.zhengjie.service;',
        'public class MenuCache {',
        '  private final Map<Long, Menu> menus = new HashMap<>();',
        '  public void untiedMenu(Long id) {',
        '    menus.remove(id);',
        '  }',
        '}',
      ),
      'src/main/java/me/zhengjie/rest/MenuController.java': lines(
        'package me.zhengjie.rest;',
        '@RestController',
        '@RequestMapping("/api/menus")',
        'public class MenuController {',
        '  private final RoleService roleService;',
        '  @DeleteMapping',
        '  public void delete(@RequestBody Set<Long> ids) {',
        '    for (Long id : ids) {',
        '      roleService.untiedMenu(id);',
        '      roleService.forget(id);',
        '    }',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop src/main/java/me/zhengjie/rest/MenuController.java:9:7 roleService.untiedMenu → untiedMenu → RoleRepository.untiedMenu [for-each sequential] → DELETE /api/menus']);
  });
});

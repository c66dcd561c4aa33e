import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

// PlayEdu's AdminRoleController: `roleService.list()` on an injected `AdminRoleService extends IService<AdminRole>`,
// in a controller that imports none of MyBatis-Plus: every row of the table.
const ENTITY = lines('package demo;', 'public class AdminRole {', '  public Integer id;', '}');
const SERVICE = lines(
  'package demo;',
  'import com.baomidou.mybatisplus.extension.service.IService;',
  'public interface AdminRoleService extends IService<AdminRole> {',
  '}',
);
const PLAIN_SERVICE = lines('package demo;', 'import java.util.List;', 'public interface AdminRoleService {', '  List<AdminRole> list();', '}');
const IMPL = lines(
  'package demo;',
  'import com.baomidou.mybatisplus.extension.service.impl.ServiceImpl;',
  'public class AdminRoleServiceImpl extends ServiceImpl<AdminRoleMapper, AdminRole> implements AdminRoleService {',
  '}',
);
const CONTROLLER = lines(
  'package demo;',
  'import java.util.List;',
  'import org.springframework.web.bind.annotation.*;',
  '@RestController',
  '@RequestMapping("/backend/v1/admin-role")',
  'public class AdminRoleController {',
  '  private AdminRoleService roleService;',
  '  @GetMapping("/index")',
  '  public List<AdminRole> index() {',
  '    List<AdminRole> data = roleService.list();',
  '    return data;',
  '  }',
  '  @GetMapping("/some")',
  '  public List<AdminRole> some(@RequestParam String name) {',
  '    return roleService.list(roleService.query().getWrapper().eq("name", name));',
  '  }',
  '}',
);
const FILE = 'src/main/java/demo/AdminRoleController.java';

describe("MyBatis-Plus IService list() with no conditions on a holder the workspace declares, in a file that imports none of MyBatis-Plus", () => {
  it('an interface that extends IService: unbounded-query on its list(), not on one given conditions', async () => {
    const f = await joined({
      'src/main/java/demo/AdminRole.java': ENTITY,
      'src/main/java/demo/AdminRoleService.java': SERVICE,
      'src/main/java/demo/AdminRoleServiceImpl.java': IMPL,
      [FILE]: CONTROLLER,
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('unbounded-query')), [
      `unbounded-query ${FILE}:10:28 roleService.list → GET /backend/v1/admin-role/index`,
    ]);
  });

  it("not on a holder of the project's own service that extends no IService (its list() is followed there)", async () => {
    const f = await joined({
      'src/main/java/demo/AdminRole.java': ENTITY,
      'src/main/java/demo/AdminRoleService.java': PLAIN_SERVICE,
      [FILE]: CONTROLLER,
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('unbounded-query')), []);
  });
});

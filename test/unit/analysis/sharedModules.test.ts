import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { grammars } from '../code/fixtureWorkspace';
import { TempWorkspace } from './tempWorkspace';

/**
 * The shape of macrozheng/mall: a Maven build whose `admin` module is a service and whose `mbg` module holds the
 * MyBatis mappers it calls; `tools` is a module too, with code nobody routes to.
 */
describe('library modules of a multi-module build, through the whole analysis', function () {
  this.timeout(20_000);
  const ws = new TempWorkspace('modules');
  const write = (file: string, text: string) => ws.write(file, text);

  before(() => {
    ws.create();
    write('pom.xml', '<project><modules>\n  <module>mall-mbg</module>\n  <module>mall-admin</module>\n  <module>mall-tools</module>\n</modules></project>\n');
    write('docker-compose-app.yml', 'services:\n  mall-admin:\n    build: ./mall-admin\n');
    write('mall-admin/pom.xml', '<project/>\n');
    write(
      'mall-admin/src/main/java/admin/RoleController.java',
      [
        'package admin;',
        '',
        '@RestController',
        '@RequestMapping("/role")',
        'public class RoleController {',
        '  private final RoleMenuRelationMapper relationMapper;',
        '',
        '  @PostMapping("/allocMenu")',
        '  public int allocMenu(@RequestParam List<Long> menuIds) {',
        '    for (Long menuId : menuIds) {',
        '      relationMapper.insert(menuId);',
        '    }',
        '    return menuIds.size();',
        '  }',
        '}',
      ].join('\n'),
    );
    write('mall-mbg/pom.xml', '<project/>\n');
    write(
      'mall-mbg/src/main/java/mapper/RoleMenuRelationMapper.java',
      ['package mapper;', '', 'import org.apache.ibatis.annotations.Mapper;', '', '@Mapper', 'public interface RoleMenuRelationMapper {', '  int insert(Long menuId);', '}'].join('\n'),
    );
    write('mall-tools/pom.xml', '<project/>\n');
    // A module with routes of its own that no recipe runs (mall-demo): its routes do not make its hazards load.
    write(
      'mall-tools/src/main/java/tools/ExportController.java',
      ['package tools;', '', '@RestController', 'public class ExportController {', '  private final Export export;', '', '  @GetMapping("/export")', '  public void run(@RequestParam List<Long> ids) { export.all(ids); }', '}'].join('\n'),
    );
    write(
      'mall-admin/src/main/java/admin/BrandController.java',
      [
        'package admin;',
        '',
        '@RestController',
        '@RequestMapping("/brand")',
        'public class BrandController {',
        '  private final PmsBrandMapper brandMapper;',
        '',
        '  @GetMapping("/listAll")',
        '  public List<PmsBrand> listAll() {',
        '    return brandMapper.selectByExample(new PmsBrandExample());',
        '  }',
        '',
        '  @GetMapping("/list")',
        '  public List<PmsBrand> list(int pageNum, int pageSize) {',
        '    PageHelper.startPage(pageNum, pageSize);',
        '    return brandMapper.selectByExample(new PmsBrandExample());',
        '  }',
        '',
        '  @GetMapping("/byName")',
        '  public List<PmsBrand> byName(String name) {',
        '    PmsBrandExample example = new PmsBrandExample();',
        '    example.createCriteria().andNameEqualTo(name);',
        '    return brandMapper.selectByExample(example);',
        '  }',
        '}',
      ].join('\n'),
    );
    write(
      'mall-tools/src/main/java/tools/Export.java',
      ['package tools;', '', 'public class Export {', '  public void all(List<Long> ids) {', '    for (Long id : ids) {', '      jdbcTemplate.queryForList("SELECT * FROM t WHERE id = ?", id);', '    }', '  }', '}'].join('\n'),
    );
  });

  after(() => ws.remove());

  it("a service's call per item into a library module's mapper is a query in a loop; the library's own hazards stay quiet, also under its own routes", async () => {
    const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
    assert.deepEqual(result.model.sharedCode, ['mall-mbg', 'mall-tools']);
    assert.deepEqual(
      result.warnings.map((w) => [w.code, w.file, w.range.start.line, w.service, w.route]),
      [
        // MyBatis Generator's select by an empty example selects the whole table, unless PageHelper pages it first.
        ['unbounded-query', 'mall-admin/src/main/java/admin/BrandController.java', 9, 'mall-admin', 'GET /brand/listAll'],
        ['query-in-loop', 'mall-admin/src/main/java/admin/RoleController.java', 10, 'mall-admin', 'POST /role/allocMenu'],
      ],
    );
  });
});

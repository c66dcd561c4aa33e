import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { servicesForFile } from '../../../src/core/model/environment';
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

/**
 * The shape of ruoyi-vue-pro: `yudao-server` is a `main` and a Dockerfile, and every controller is in a module jar it
 * depends on; modules switched off are commented out of the root pom and of the server's dependencies.
 */
describe('modules that one service is built with, through the whole analysis', function () {
  this.timeout(20_000);
  const ws = new TempWorkspace('built-with');
  const write = (file: string, text: string) => ws.write(file, text);
  const pom = (artifact: string, deps: string) =>
    `<project>\n  <parent><artifactId>yudao</artifactId></parent>\n  <artifactId>${artifact}</artifactId>\n  <dependencies>\n${deps}  </dependencies>\n  <build><plugins><plugin><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>\n</project>\n`;
  const dep = (artifact: string) => `    <dependency><groupId>cn.iocoder</groupId><artifactId>${artifact}</artifactId></dependency>\n`;
  const controller = (pkg: string, prefix: string) =>
    [
      `package ${pkg};`,
      '',
      '@RestController',
      `@RequestMapping("${prefix}")`,
      'public class UserController {',
      '  private final JdbcTemplate jdbcTemplate;',
      '',
      '  @PostMapping("/assign")',
      '  public void assign(@RequestBody List<Long> ids) {',
      '    for (Long id : ids) {',
      '      jdbcTemplate.update("UPDATE users SET role = 1 WHERE id = ?", id);',
      '    }',
      '  }',
      '}',
    ].join('\n');

  before(() => {
    ws.create();
    write(
      'pom.xml',
      '<project><artifactId>yudao</artifactId><modules>\n  <module>yudao-server</module>\n  <module>yudao-module-system</module>\n  <module>yudao-module-infra</module>\n  <module>yudao-module-report</module>\n<!--  <module>yudao-module-mall</module> -->\n</modules></project>\n',
    );
    write('yudao-server/Dockerfile', 'FROM eclipse-temurin:17\nCOPY target/yudao-server.jar /app.jar\n');
    write('yudao-server/pom.xml', pom('yudao-server', dep('yudao-module-system') + '<!--' + dep('yudao-module-mall') + '-->\n'));
    write('yudao-server/src/main/java/server/YudaoServerApplication.java', 'package server;\n\n@SpringBootApplication\npublic class YudaoServerApplication {}\n');
    // system depends on infra: the server is built with both.
    write('yudao-module-system/pom.xml', pom('yudao-module-system', dep('yudao-module-infra')));
    write('yudao-module-system/src/main/java/system/UserController.java', controller('system', '/system/user'));
    write('yudao-module-infra/pom.xml', pom('yudao-module-infra', ''));
    write('yudao-module-infra/src/main/java/infra/FileController.java', controller('infra', '/infra/file'));
    // A module of the build no service depends on: a library, as before.
    write('yudao-module-report/pom.xml', pom('yudao-module-report', ''));
    write('yudao-module-report/src/main/java/report/UserController.java', controller('report', '/report/user'));
    // Switched off: not built, not analysed.
    write('yudao-module-mall/pom.xml', pom('yudao-module-mall', ''));
    write('yudao-module-mall/src/main/java/mall/UserController.java', controller('mall', '/mall/user'));
  });

  after(() => ws.remove());

  it("their controllers are the service's routes, and their hazards its warnings", async () => {
    const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
    const server = result.model.services.find((s) => s.name === 'yudao-server');
    assert.ok(server, result.model.services.map((s) => s.name).join(', '));
    assert.deepEqual(
      server.codeRoots.map((l) => [l.root, l.evidence?.file]),
      [
        ['yudao-server', 'yudao-server/Dockerfile'],
        ['yudao-module-infra', 'yudao-server/pom.xml'],
        ['yudao-module-system', 'yudao-server/pom.xml'],
      ],
    );
    assert.deepEqual(result.model.sharedCode, ['yudao-module-report']);
    assert.deepEqual(
      result.warnings.map((w) => [w.code, w.file, w.range.start.line, w.service, w.route]),
      [
        ['query-in-loop', 'yudao-module-infra/src/main/java/infra/FileController.java', 10, 'yudao-server', 'POST /infra/file/assign'],
        ['query-in-loop', 'yudao-module-system/src/main/java/system/UserController.java', 10, 'yudao-server', 'POST /system/user/assign'],
      ],
    );
  });

  it("a module two services are built with stays a library of both, and its controllers are each one's routes (apollo's apollo-common)", async () => {
    write('yudao-admin/Dockerfile', 'FROM eclipse-temurin:17\n');
    write('yudao-admin/pom.xml', pom('yudao-admin', dep('yudao-module-infra')));
    write('yudao-admin/src/main/java/admin/AdminApplication.java', 'package admin;\n\n@SpringBootApplication\npublic class AdminApplication {}\n');
    write('pom.xml', '<project><modules><module>yudao-server</module><module>yudao-admin</module><module>yudao-module-system</module><module>yudao-module-infra</module></modules></project>\n');
    try {
      const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
      assert.deepEqual(result.model.sharedCode, ['yudao-module-infra']);
      const server = result.model.services.find((s) => s.name === 'yudao-server')!;
      assert.deepEqual(server.codeRoots.map((l) => l.root), ['yudao-server', 'yudao-module-system']);
      assert.deepEqual(result.model.sharedBy, { 'yudao-module-infra': ['yudao-admin', 'yudao-server'] });
      const infra = 'yudao-module-infra/src/main/java/infra/FileController.java';
      assert.deepEqual(servicesForFile(result.model, infra, { registersRoutes: true }).map((s) => s.name), ['yudao-admin', 'yudao-server']);
      // Its hazard is on its own route, which both serve: it names neither service.
      assert.deepEqual(
        result.warnings.map((w) => [w.code, w.file, w.range.start.line, w.service, w.route]),
        [
          ['query-in-loop', infra, 10, undefined, 'POST /infra/file/assign'],
          ['query-in-loop', 'yudao-module-system/src/main/java/system/UserController.java', 10, 'yudao-server', 'POST /system/user/assign'],
        ],
      );
    } finally {
      ws.remove();
      ws.create();
    }
  });
});

/**
 * The shape of apollo: `apollo-audit` is a pom of modules, and the services depend on its starter, which depends on
 * `apollo-audit-impl`, where the controller is.
 */
describe('modules of a module that is a pom of modules, through the whole analysis', function () {
  this.timeout(20_000);
  const ws = new TempWorkspace('aggregated');
  const write = (file: string, text: string) => ws.write(file, text);
  const pom = (artifact: string, deps: string[], modules: string[] = []) =>
    `<project><parent><artifactId>apollo</artifactId></parent><artifactId>${artifact}</artifactId>` +
    `<modules>${modules.map((m) => `<module>${m}</module>`).join('')}</modules>` +
    `<dependencies>${deps.map((d) => `<dependency><artifactId>${d}</artifactId></dependency>`).join('')}</dependencies></project>\n`;

  before(() => {
    ws.create();
    write('pom.xml', pom('apollo', [], ['apollo-adminservice', 'apollo-portal', 'apollo-audit']));
    for (const svc of ['apollo-adminservice', 'apollo-portal']) {
      write(`${svc}/Dockerfile`, `FROM eclipse-temurin:17\nCOPY target/${svc}.jar /app.jar\n`);
      write(`${svc}/pom.xml`, pom(svc, ['apollo-audit-spring-boot-starter']));
      write(`${svc}/src/main/java/app/Application.java`, 'package app;\n\n@SpringBootApplication\npublic class Application {}\n');
    }
    write('apollo-audit/pom.xml', pom('apollo-audit', [], ['apollo-audit-impl', 'apollo-audit-spring-boot-starter']));
    write('apollo-audit/apollo-audit-spring-boot-starter/pom.xml', pom('apollo-audit-spring-boot-starter', ['apollo-audit-impl']));
    write('apollo-audit/apollo-audit-spring-boot-starter/src/main/java/audit/AuditAutoConfiguration.java', 'package audit;\n\n@Configuration\npublic class AuditAutoConfiguration {}\n');
    write('apollo-audit/apollo-audit-impl/pom.xml', pom('apollo-audit-impl', []));
    write(
      'apollo-audit/apollo-audit-impl/src/main/java/audit/ApolloAuditController.java',
      ['package audit;', '', '@RestController', '@RequestMapping("/apollo/audit")', 'public class ApolloAuditController {', '  @GetMapping("/logs")', '  public List<String> findAllAuditLogs() { return List.of(); }', '}'].join('\n'),
    );
  });

  after(() => ws.remove());

  it("are the modules: the controller of one the services depend on through another is each service's route", async () => {
    const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
    assert.deepEqual(result.model.sharedCode, ['apollo-audit/apollo-audit-impl', 'apollo-audit/apollo-audit-spring-boot-starter']);
    assert.deepEqual(result.model.sharedBy, {
      'apollo-audit/apollo-audit-impl': ['apollo-adminservice', 'apollo-portal'],
      'apollo-audit/apollo-audit-spring-boot-starter': ['apollo-adminservice', 'apollo-portal'],
    });
    const controller = 'apollo-audit/apollo-audit-impl/src/main/java/audit/ApolloAuditController.java';
    assert.deepEqual(servicesForFile(result.model, controller, { registersRoutes: true }).map((s) => s.name), ['apollo-adminservice', 'apollo-portal']);
    assert.deepEqual(result.files.find((f) => f.file === controller)?.routes.map((r) => `${r.method} ${r.path}`), ['GET /apollo/audit/logs']);
  });
});

/**
 * JeecgBoot's shape: the build one folder down, its modules grouped in a pom of modules, the service four folders
 * down (`jeecg-boot/jeecg-module-system/jeecg-system-start`) built with the module beside it that holds the controllers.
 */
describe('modules of a build whose service is four folders down', function () {
  this.timeout(20_000);
  const ws = new TempWorkspace('deep-modules');
  const write = (file: string, text: string) => ws.write(file, text);
  const pom = (artifact: string, modules: string[], deps: string[]) =>
    `<project><artifactId>${artifact}</artifactId><modules>${modules.map((m) => `<module>${m}</module>`).join('')}</modules><dependencies>${deps.map((d) => `<dependency><artifactId>${d}</artifactId></dependency>`).join('')}</dependencies></project>\n`;

  before(() => {
    ws.create();
    write('docker-compose.yml', 'services:\n  system:\n    build: ./jeecg-boot/jeecg-module-system/jeecg-system-start\n');
    write('jeecg-boot/pom.xml', pom('jeecg-boot-parent', ['jeecg-module-system'], []));
    write('jeecg-boot/jeecg-module-system/pom.xml', pom('jeecg-module-system', ['jeecg-system-biz', 'jeecg-system-start'], []));
    write('jeecg-boot/jeecg-module-system/jeecg-system-start/pom.xml', pom('jeecg-system-start', [], ['jeecg-system-biz']));
    write('jeecg-boot/jeecg-module-system/jeecg-system-start/Dockerfile', 'FROM eclipse-temurin:17\nCOPY target/jeecg-system-start.jar /app.jar\n');
    write('jeecg-boot/jeecg-module-system/jeecg-system-biz/pom.xml', pom('jeecg-system-biz', [], []));
    write(
      'jeecg-boot/jeecg-module-system/jeecg-system-biz/src/main/java/biz/UserController.java',
      ['package biz;', '', '@RestController', '@RequestMapping("/sys/user")', 'public class UserController {', '  @GetMapping("/list")', '  public String list() { return ""; }', '}'].join('\n'),
    );
  });

  after(() => ws.remove());

  it("reads the builds down there: the module's controllers are the service's routes", async () => {
    const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
    const controller = 'jeecg-boot/jeecg-module-system/jeecg-system-biz/src/main/java/biz/UserController.java';
    assert.deepEqual(servicesForFile(result.model, controller, { registersRoutes: true }).map((s) => s.name), ['system']);
    assert.deepEqual(result.files.find((f) => f.file === controller)?.routes.map((r) => `${r.method} ${r.path}`), ['GET /sys/user/list']);
  });
});

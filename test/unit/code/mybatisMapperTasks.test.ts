import { strict as assert } from 'node:assert';
import type { FileAnalysis } from '../../../src/core/code/codeModel';
import { joined, lines } from './fixtureWorkspace';

/** `code file:line → routes or tasks`, one per hazard. */
function rows(f: Map<string, FileAnalysis>): string[] {
  return [...f.values()]
    .flatMap((a) => a.hazards)
    .map((h) => `${h.code} ${h.file}:${h.range.start.line + 1} → ${h.routes.length ? h.routes.map((r) => `${r.method} ${r.path}`).join(', ') : h.tasks ? `tasks: ${h.tasks.join(', ')}` : '-'}`)
    .sort();
}

/**
 * A MyBatis XML statement reached only by a background task (a `@Scheduled` job calling the mapper) is reported with
 * that task, as a hazard written in the job's code is; one nothing reaches is not.
 */
describe('MyBatis XML statements reached by a background task', () => {
  it('are reported with the task that calls their method; those no route or task reaches are not', async () => {
    const f = await joined({
      'src/main/java/com/ex/mapper/DepartmentMapper.java': lines(
        'package com.ex.mapper;',
        'import org.apache.ibatis.annotations.Mapper;',
        '@Mapper',
        'public interface DepartmentMapper {',
        '  List<Department> getByParentId(Integer pid);',
        '  List<Department> getAll();',
        '  List<Department> getUnused();',
        '}',
      ),
      'src/main/resources/mapper/DepartmentMapper.xml': lines(
        '<mapper namespace="com.ex.mapper.DepartmentMapper">',
        '  <resultMap id="Tree" type="com.ex.Department">',
        '    <collection property="children" ofType="com.ex.Department" select="getByParentId" column="id"/>',
        '  </resultMap>',
        '  <select id="getByParentId" resultMap="Tree">select * from department where parentId = #{pid}</select>', // 5
        '  <select id="getAll" resultType="com.ex.Department">select * from department</select>', // 6
        '  <select id="getUnused" resultType="com.ex.Department">select * from department</select>',
        '</mapper>',
      ),
      'src/main/java/com/ex/jobs/DepartmentJobs.java': lines(
        'package com.ex.jobs;',
        'import org.springframework.scheduling.annotation.Scheduled;',
        '@Component',
        'public class DepartmentJobs {',
        '  @Autowired',
        '  DepartmentMapper departmentMapper;',
        '  @Scheduled(cron = "0 0 * * * *")',
        '  public void refresh() {',
        '    departmentMapper.getByParentId(-1);',
        '    departmentMapper.getAll();',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(rows(f), [
      'query-in-loop src/main/resources/mapper/DepartmentMapper.xml:5 → tasks: DepartmentJobs.refresh (scheduled job)',
      'unbounded-query src/main/resources/mapper/DepartmentMapper.xml:6 → tasks: DepartmentJobs.refresh (scheduled job)',
    ]);
  });
});

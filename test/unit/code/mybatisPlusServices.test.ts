import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe("MyBatis-Plus's IService: what a ServiceImpl inherits runs SQL", () => {
  it("pig's import: this.list() of every user per row, another service's getOne and a chained lambdaQuery().one() per row; a list with conditions is bounded", async () => {
    const f = await joined({
      'pig-upms/src/main/java/com/pig4cloud/pig/admin/service/impl/SysUserServiceImpl.java': lines(
        'package com.pig4cloud.pig.admin.service.impl;',
        'import com.baomidou.mybatisplus.core.toolkit.Wrappers;',
        'import com.baomidou.mybatisplus.extension.service.impl.ServiceImpl;',
        '@Service',
        'public class SysUserServiceImpl extends ServiceImpl<SysUserMapper, SysUser> implements SysUserService {',
        '  private final SysDeptService sysDeptService;',
        '  public R importUser(List<UserExcelVO> rows) {',
        '    for (UserExcelVO row : rows) {',
        '      List<SysUser> all = this.list();',
        '      SysDept dept = sysDeptService.getOne(Wrappers.<SysDept>lambdaQuery().eq(SysDept::getName, row.getDeptName()));',
        '      SysUser same = lambdaQuery().eq(SysUser::getUsername, row.getUsername()).one();',
        '      List<SysUser> team = list(Wrappers.<SysUser>lambdaQuery().eq(SysUser::getDeptId, dept.getDeptId()));',
        '    }',
        '    return R.ok();',
        '  }',
        '}',
      ),
      'pig-upms/src/main/java/com/pig4cloud/pig/admin/controller/SysUserController.java': lines(
        'package com.pig4cloud.pig.admin.controller;',
        '@RestController',
        '@RequestMapping("/user")',
        'public class SysUserController {',
        '  private final SysUserServiceImpl userService;',
        '  @PostMapping("/import")',
        '  public R importUser(@RequestBody List<UserExcelVO> rows) {',
        '    return userService.importUser(rows);',
        '  }',
        '}',
      ),
    });
    const file = 'pig-upms/src/main/java/com/pig4cloud/pig/admin/service/impl/SysUserServiceImpl.java';
    assert.deepEqual(hazardRows(f), [
      `query-in-loop ${file}:10:22 sysDeptService.getOne [for-each sequential] → POST /user/import`,
      `query-in-loop ${file}:11:22 lambdaQuery.eq.one [for-each sequential] → POST /user/import`,
      `query-in-loop ${file}:12:28 list [for-each sequential] → POST /user/import`,
      `query-in-loop ${file}:9:27 this.list [for-each sequential] → POST /user/import`,
      `unbounded-query ${file}:9:27 this.list → POST /user/import`,
    ]);
  });
});

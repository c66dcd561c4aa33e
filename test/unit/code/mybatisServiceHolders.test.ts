import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const ENTITY = lines('package com.ex.entity;', 'public class Access {', '  public Long id;', '}');

const CONTROLLER = (type: string) =>
  lines(
    'package com.ex.controller;',
    'import com.ex.entity.Access;',
    'import java.util.List;',
    'import org.springframework.web.bind.annotation.*;',
    '@RestController',
    'public class AccessController {',
    `  private final ${type} accessService;`,
    `  public AccessController(${type} accessService) { this.accessService = accessService; }`,
    '  @PostMapping("/access/add")',
    '  public void add(@RequestBody List<Long> appIds) {',
    '    for (Long appId : appIds) {',
    '      if (accessService.getById(appId) == null) accessService.save(new Access());',
    '    }',
    '  }',
    '}',
  );

const CONTROLLER_FILE = 'src/main/java/com/ex/controller/AccessController.java';

describe("MyBatis-Plus's IService on a holder the workspace declares, in a file that imports none of MyBatis-Plus", () => {
  it('a controller given an interface that extends IService: its inherited getById and save per item', async () => {
    const f = await joined({
      'src/main/java/com/ex/entity/Access.java': ENTITY,
      'src/main/java/com/ex/service/AccessService.java': lines(
        'package com.ex.service;',
        'import com.ex.entity.Access;',
        'import com.baomidou.mybatisplus.extension.service.IService;',
        'public interface AccessService extends IService<Access> {',
        '}',
      ),
      'src/main/java/com/ex/service/impl/AccessServiceImpl.java': lines(
        'package com.ex.service.impl;',
        'import com.baomidou.mybatisplus.extension.service.impl.ServiceImpl;',
        '@Service',
        'public class AccessServiceImpl extends ServiceImpl<AccessMapper, Access> implements AccessService {',
        '}',
      ),
      [CONTROLLER_FILE]: CONTROLLER('AccessService'),
    });
    assert.deepEqual(hazardRows(f), [
      `query-in-loop ${CONTROLLER_FILE}:12:11 accessService.getById [for-each sequential] → POST /access/add`,
      `query-in-loop ${CONTROLLER_FILE}:12:49 accessService.save [for-each sequential] → POST /access/add`,
    ]);
  });

  it("the class that extends ServiceImpl, or the project's own interface between, is such a holder too", async () => {
    const base = {
      'src/main/java/com/ex/entity/Access.java': ENTITY,
      'src/main/java/com/ex/service/BaseService.java': lines(
        'package com.ex.service;',
        'import com.baomidou.mybatisplus.extension.service.IService;',
        'public interface BaseService<T> extends IService<T> {',
        '}',
      ),
      'src/main/java/com/ex/service/AccessService.java': lines('package com.ex.service;', 'public interface AccessService extends BaseService<Access> {', '}'),
      'src/main/java/com/ex/service/impl/AccessServiceImpl.java': lines(
        'package com.ex.service.impl;',
        'import com.baomidou.mybatisplus.extension.service.impl.ServiceImpl;',
        'public class AccessServiceImpl extends ServiceImpl<AccessMapper, Access> implements AccessService {',
        '}',
      ),
    };
    for (const type of ['AccessService', 'AccessServiceImpl']) {
      const f = await joined({ ...base, [CONTROLLER_FILE]: CONTROLLER(type) });
      assert.deepEqual(hazardRows(f), [
        `query-in-loop ${CONTROLLER_FILE}:12:11 accessService.getById [for-each sequential] → POST /access/add`,
        `query-in-loop ${CONTROLLER_FILE}:12:49 accessService.save [for-each sequential] → POST /access/add`,
      ], type);
    }
  });

  it("this.getById() in a class that extends ServiceImpl through the project's own base, its file importing none of MyBatis-Plus", async () => {
    const f = await joined({
      'src/main/java/com/ex/service/impl/BaseServiceImpl.java': lines(
        'package com.ex.service.impl;',
        'import com.baomidou.mybatisplus.extension.service.impl.ServiceImpl;',
        'public class BaseServiceImpl<M, T> extends ServiceImpl<M, T> {',
        '}',
      ),
      'src/main/java/com/ex/controller/AccessController.java': lines(
        'package com.ex.controller;',
        'import com.ex.service.impl.BaseServiceImpl;',
        'import java.util.List;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        'public class AccessController extends BaseServiceImpl<AccessMapper, Access> {',
        '  @PostMapping("/access/check")',
        '  public int check(@RequestBody List<Long> ids) {',
        '    int n = 0;',
        '    for (Long id : ids) if (this.getById(id) != null) n++;',
        '    return n;',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [`query-in-loop ${CONTROLLER_FILE}:10:29 this.getById [for-each sequential] → POST /access/check`]);
  });

  it("not a service of the workspace that extends no such base, nor one whose type the workspace does not declare", async () => {
    const f = await joined({
      'src/main/java/com/ex/entity/Access.java': ENTITY,
      'src/main/java/com/ex/service/AccessService.java': lines('package com.ex.service;', 'public interface AccessService {', '  Access getById(Long id);', '  void save(Access a);', '}'),
      'src/main/java/com/ex/service/impl/AccessServiceImpl.java': lines(
        'package com.ex.service.impl;',
        'public class AccessServiceImpl implements AccessService {',
        '  private final Map<Long, Access> all = new HashMap<>();',
        '  public Access getById(Long id) { return all.get(id); }',
        '  public void save(Access a) { all.put(a.id, a); }',
        '}',
      ),
      [CONTROLLER_FILE]: CONTROLLER('AccessService'),
      'src/main/java/com/ex/controller/OtherController.java': CONTROLLER('RemoteAccessService').replace('AccessController', 'OtherController').replace('/access/add', '/other/add'),
    });
    assert.deepEqual(hazardRows(f), []);
  });

  it("this.save() in a class that extends no base is the class's own, not IService's", async () => {
    const f = await joined({
      'src/main/java/com/ex/controller/ImportService.java': lines(
        'package com.ex.controller;',
        'import java.util.List;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        'public class ImportService {',
        '  @PostMapping("/import")',
        '  public void run(@RequestBody List<Long> ids) {',
        '    for (Long id : ids) this.save(id);',
        '  }',
        '  public void save(Long id) { System.out.println(id); }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });
});

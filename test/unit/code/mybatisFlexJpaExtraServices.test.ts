import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const CONTROLLER_FILE = 'src/main/java/com/ex/controller/AccessController.java';

describe("MyBatis-Flex's and mybatis-jpa-extra's services and mappers: what they inherit runs SQL", () => {
  it("MyBatis-Flex: a service's save, a chained queryChain().one() and a BaseMapper's selectOneById per item, in a controller that imports none of it", async () => {
    const f = await joined({
      'src/main/java/com/ex/service/AccessService.java': lines(
        'package com.ex.service;',
        'import com.mybatisflex.core.service.IService;',
        'public interface AccessService extends IService<Access> {',
        '}',
      ),
      'src/main/java/com/ex/service/impl/AccessServiceImpl.java': lines(
        'package com.ex.service.impl;',
        'import com.mybatisflex.spring.service.impl.ServiceImpl;',
        'public class AccessServiceImpl extends ServiceImpl<AccessMapper, Access> implements AccessService {',
        '  public List<Access> named(List<String> names) {',
        '    List<Access> out = new ArrayList<>();',
        '    for (String name : names) out.add(getOneAs(QueryWrapper.create().eq("name", name), Access.class));',
        '    return out;',
        '  }',
        '}',
      ),
      'src/main/java/com/ex/mapper/AccessMapper.java': lines(
        'package com.ex.mapper;',
        'import com.mybatisflex.core.BaseMapper;',
        'public interface AccessMapper extends BaseMapper<Access> {',
        '}',
      ),
      [CONTROLLER_FILE]: lines(
        'package com.ex.controller;',
        'import java.util.List;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        'public class AccessController {',
        '  private final AccessService accessService;',
        '  private final AccessServiceImpl accessServiceImpl;',
        '  private final AccessMapper accessMapper;',
        '  @PostMapping("/access/add")',
        '  public void add(@RequestBody List<Long> appIds) {',
        '    for (Long appId : appIds) {',
        '      accessService.save(new Access(appId));',
        '      Access same = accessService.queryChain().where(ACCESS.APP_ID.eq(appId)).one();',
        '      Access one = accessMapper.selectOneById(appId);',
        '    }',
        '  }',
        '  @PostMapping("/access/named")',
        '  public List<Access> named(@RequestBody List<String> names) {',
        '    return accessServiceImpl.named(names);',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      `query-in-loop ${CONTROLLER_FILE}:12:7 accessService.save [for-each sequential] → POST /access/add`,
      `query-in-loop ${CONTROLLER_FILE}:13:21 accessService.queryChain.where.one [for-each sequential] → POST /access/add`,
      `query-in-loop ${CONTROLLER_FILE}:14:20 accessMapper.selectOneById [for-each sequential] → POST /access/add`,
      'query-in-loop src/main/java/com/ex/service/impl/AccessServiceImpl.java:6:39 getOneAs [for-each sequential] → POST /access/named',
    ]);
  });

  it("mybatis-jpa-extra (MaxKey's): a service's insert and get per item, an IJpaMapper's findAll, and insert bare in a JpaServiceImpl", async () => {
    const f = await joined({
      'src/main/java/com/ex/persistence/service/AccessService.java': lines(
        'package com.ex.persistence.service;',
        'import org.dromara.mybatis.jpa.service.IJpaService;',
        'public interface AccessService extends IJpaService<Access, String> {',
        '}',
      ),
      'src/main/java/com/ex/persistence/service/impl/AccessServiceImpl.java': lines(
        'package com.ex.persistence.service.impl;',
        'import org.dromara.mybatis.jpa.service.impl.JpaServiceImpl;',
        '@Repository',
        'public class AccessServiceImpl extends JpaServiceImpl<AccessMapper, Access, String> implements AccessService {',
        '  public void addAll(List<Access> all) {',
        '    for (Access a : all) insert(a);',
        '  }',
        '}',
      ),
      'src/main/java/com/ex/persistence/mapper/AccessMapper.java': lines(
        'package com.ex.persistence.mapper;',
        'import org.dromara.mybatis.jpa.IJpaMapper;',
        'public interface AccessMapper extends IJpaMapper<Access, String> {',
        '}',
      ),
      [CONTROLLER_FILE]: lines(
        'package com.ex.controller;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        'public class AccessController {',
        '  private final AccessService accessService;',
        '  private final AccessServiceImpl accessServiceImpl;',
        '  private final AccessMapper accessMapper;',
        '  @PostMapping("/access/add")',
        '  public boolean add(@RequestParam String roleId, @RequestParam String appIds) {',
        '    boolean ok = true;',
        '    for (String appId : appIds.split(",")) {',
        '      if (accessService.get(appId, roleId) == null) ok &= accessService.insert(new Access(roleId, appId));',
        '      accessMapper.findAll(Access.class);',
        '    }',
        '    return ok;',
        '  }',
        '  @PostMapping("/access/all")',
        '  public void all(@RequestBody List<Access> all) {',
        '    accessServiceImpl.addAll(all);',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      `query-in-loop ${CONTROLLER_FILE}:12:11 accessService.get [for-each sequential] → POST /access/add`,
      `query-in-loop ${CONTROLLER_FILE}:12:59 accessService.insert [for-each sequential] → POST /access/add`,
      `query-in-loop ${CONTROLLER_FILE}:13:7 accessMapper.findAll [for-each sequential] → POST /access/add`,
      'query-in-loop src/main/java/com/ex/persistence/service/impl/AccessServiceImpl.java:6:26 insert [for-each sequential] → POST /access/all',
    ]);
  });

  it("not a service or mapper of the workspace that extends none of them, nor a method of what a service's method returns", async () => {
    const f = await joined({
      'src/main/java/com/ex/service/AccessService.java': lines(
        'package com.ex.service;',
        'import com.mybatisflex.core.service.IService;',
        'public interface AccessService extends IService<Access> {',
        '}',
      ),
      'src/main/java/com/ex/service/CacheService.java': lines('package com.ex.service;', 'public interface CacheService {', '}'),
      'src/main/java/com/ex/mapper/BeanMapper.java': lines('package com.ex.mapper;', 'public class BeanMapper {', '  public Map<String, Object> fields = new HashMap<>();', '}'),
      [CONTROLLER_FILE]: lines(
        'package com.ex.controller;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        'public class AccessController {',
        '  private final AccessService accessService;',
        '  private final CacheService cacheService;',
        '  private final BeanMapper beanMapper;',
        '  @PostMapping("/access/add")',
        '  public void add(@RequestBody List<String> ids) {',
        '    List<Access> mine = new ArrayList<>();',
        '    for (String id : ids) {',
        '      cacheService.get(id);',
        '      cacheService.insert(id);',
        '      beanMapper.get(id);',
        '      accessService.getMine().remove(id);',
        '    }',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });
});

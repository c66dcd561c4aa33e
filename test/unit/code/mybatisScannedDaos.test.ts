import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A MyBatis mapper that imports nothing of MyBatis and is not named `…Mapper`: mall-swarm's `PmsProductAttributeCategoryDao`
 * in `com.macro.mall.dao`, made a mapper by `@MapperScan({"com.macro.mall.mapper","com.macro.mall.dao"})` and given its
 * SQL by `resources/dao/PmsProductAttributeCategoryDao.xml`. Either the XML's namespace or the scan makes it one.
 */
const DAO = lines(
  'package com.macro.mall.dao;',
  'import com.macro.mall.dto.CategoryItem;',
  'import java.util.List;',
  'public interface CategoryDao {',
  '    List<CategoryItem> getListWithAttr();',
  '    int updateSort(Long id, Integer sort);',
  '}',
);

const XML = lines(
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">',
  '<mapper namespace="com.macro.mall.dao.CategoryDao">',
  '    <select id="getListWithAttr" resultType="com.macro.mall.dto.CategoryItem">', // 4
  '        SELECT pac.id, pac.name FROM pms_product_attribute_category pac',
  '    </select>',
  '</mapper>',
);

const config = (scan: string) =>
  lines(
    'package com.macro.mall.config;',
    'import org.mybatis.spring.annotation.MapperScan;',
    'import org.springframework.context.annotation.Configuration;',
    '@Configuration',
    `@MapperScan(${scan})`,
    'public class MyBatisConfig {',
    '}',
  );

/** A controller calling the holder's `getListWithAttr()` once and `updateSort` once per id. */
const controller = (pkg: string, type: string) =>
  lines(
    'package com.macro.mall.controller;',
    `import ${pkg}.${type};`,
    'import java.util.List;',
    '@RestController',
    '@RequestMapping("/category")',
    'public class CategoryController {',
    '    @Autowired',
    `    private ${type} categoryDao;`,
    '    @GetMapping("/list")',
    '    public List<CategoryItem> list() {',
    '        return categoryDao.getListWithAttr();',
    '    }',
    '    @PostMapping("/sort")',
    '    public void sort(@RequestBody List<Long> ids) {',
    '        int sort = 0;',
    '        for (Long id : ids) {',
    '            categoryDao.updateSort(id, sort++);', // 17
    '        }',
    '    }',
    '}',
  );

const JAVA = 'mall-admin/src/main/java/com/macro/mall';

describe('MyBatis: a mapper interface only the workspace makes one (an XML namespace, a @MapperScan)', () => {
  it("takes mall-swarm's CategoryDao, scanned and named by its XML: its XML's unbounded SELECT and a query per id", async () => {
    const f = await joined({
      [`${JAVA}/config/MyBatisConfig.java`]: config('{"com.macro.mall.mapper","com.macro.mall.dao"}'),
      [`${JAVA}/dao/CategoryDao.java`]: DAO,
      [`${JAVA}/controller/CategoryController.java`]: controller('com.macro.mall.dao', 'CategoryDao'),
      'mall-admin/src/main/resources/dao/CategoryDao.xml': XML,
    });
    assert.deepEqual(hazardRows(f), [
      `query-in-loop ${JAVA}/controller/CategoryController.java:17:13 categoryDao.updateSort → CategoryDao.updateSort [for-each sequential] → POST /category/sort`,
      'unbounded-query mall-admin/src/main/resources/dao/CategoryDao.xml:4:5 CategoryDao.getListWithAttr → GET /category/list',
    ]);
  });

  it('takes an interface an XML namespace names, with no scan', async () => {
    const f = await joined({
      [`${JAVA}/dao/CategoryDao.java`]: DAO,
      [`${JAVA}/controller/CategoryController.java`]: controller('com.macro.mall.dao', 'CategoryDao'),
      'mall-admin/src/main/resources/dao/CategoryDao.xml': XML,
    });
    assert.deepEqual(hazardRows(f), [
      `query-in-loop ${JAVA}/controller/CategoryController.java:17:13 categoryDao.updateSort → CategoryDao.updateSort [for-each sequential] → POST /category/sort`,
      'unbounded-query mall-admin/src/main/resources/dao/CategoryDao.xml:4:5 CategoryDao.getListWithAttr → GET /category/list',
    ]);
  });

  it('takes an interface of a package a @MapperScan names, or one under it, with no XML (basePackages, **)', async () => {
    for (const scan of ['"com.macro.mall.dao"', 'basePackages = "com.macro.**.dao", sqlSessionFactoryRef = "sqlSessionFactory"', 'value = {"com.macro.mall"}']) {
      const f = await joined({
        [`${JAVA}/config/MyBatisConfig.java`]: config(scan),
        [`${JAVA}/dao/CategoryDao.java`]: DAO,
        [`${JAVA}/controller/CategoryController.java`]: controller('com.macro.mall.dao', 'CategoryDao'),
      });
      assert.deepEqual(
        hazardRows(f),
        [`query-in-loop ${JAVA}/controller/CategoryController.java:17:13 categoryDao.updateSort → CategoryDao.updateSort [for-each sequential] → POST /category/sort`],
        scan,
      );
    }
  });

  it('leaves an interface no XML names outside the scanned packages, and a scan of marked interfaces only', async () => {
    const other = DAO.replace('package com.macro.mall.dao;', 'package com.macro.mall.rules;');
    for (const [scan, pkg, text] of [
      ['"com.macro.mall.mapper"', 'com.macro.mall.dao', DAO],
      ['"com.macro.mall.dao"', 'com.macro.mall.rules', other],
      ['value = "com.macro.mall.dao", annotationClass = Repository.class', 'com.macro.mall.dao', DAO],
      ['"${mybatis.mapper-package}"', 'com.macro.mall.dao', DAO],
    ]) {
      const f = await joined({
        [`${JAVA}/config/MyBatisConfig.java`]: config(scan),
        [`${JAVA}/${pkg.split('.').pop()}/CategoryDao.java`]: text,
        [`${JAVA}/controller/CategoryController.java`]: controller(pkg, 'CategoryDao'),
        // (Another mapper's XML: not this interface's namespace.)
        'mall-admin/src/main/resources/dao/OtherDao.xml': XML.replace('com.macro.mall.dao.CategoryDao', 'com.macro.mall.dao.OtherDao'),
      });
      assert.deepEqual(hazardRows(f), [], scan);
    }
  });

  it('leaves a scanned interface a class of the workspace implements: a service, which its class runs', async () => {
    const service = lines(
      'package com.macro.mall.service;',
      'import java.util.List;',
      'public interface CategoryService {',
      '    List<CategoryItem> getListWithAttr();',
      '    int updateSort(Long id, Integer sort);',
      '}',
    );
    const impl = lines(
      'package com.macro.mall.service.impl;',
      'import com.macro.mall.service.CategoryService;',
      '@Service',
      'public class CategoryServiceImpl implements CategoryService {',
      '    private final Map<Long, Integer> sorts = new HashMap<>();',
      '    public List<CategoryItem> getListWithAttr() { return new ArrayList<>(); }',
      '    public int updateSort(Long id, Integer sort) { sorts.put(id, sort); return 1; }',
      '}',
    );
    const f = await joined({
      [`${JAVA}/config/MyBatisConfig.java`]: config('"com.macro.mall"'),
      [`${JAVA}/service/CategoryService.java`]: service,
      [`${JAVA}/service/impl/CategoryServiceImpl.java`]: impl,
      [`${JAVA}/controller/CategoryController.java`]: controller('com.macro.mall.service', 'CategoryService'),
    });
    assert.deepEqual(hazardRows(f), []);
  });
});

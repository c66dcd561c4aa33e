import assert from 'node:assert/strict';
import { selectWithoutLimit } from '../../../src/core/code/hazards/unboundedQueries';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A parent's key compared with a constant is no lookup: mall-swarm's `where c1.parent_id = 0` picks every root of the
 * category tree, as `parent_id = 0` does of a menu's. The row's own key equal to a constant is still one row, and a
 * parent's key equal to what the caller gives (`#{parentId}`, `?`, `$1`, `:pid`) still one parent's children.
 */
describe('unbounded-query in SQL: a parent key equal to a constant (the roots of a tree) is no lookup', () => {
  it('a foreign key with a number or a quoted constant reads every row with it; with a placeholder, or the own key with a constant, stays a lookup', () => {
    const unbounded = [
      'select c1.id, c1.name, c2.id child_id from pms_product_category c1 left join pms_product_category c2 on c1.id = c2.parent_id where c1.parent_id = 0',
      'select id, name from ums_menu where parent_id = 0 order by sort desc',
      "SELECT id FROM sys_dept WHERE parent_id = '0'",
      'SELECT id FROM category WHERE `parent_id` = -1',
      'SELECT id FROM menu WHERE parentId = 0',
      'SELECT id FROM menu m WHERE m.parentId=0 AND m.enabled = true',
    ];
    const bounded = [
      'select id, name from pms_product_category where parent_id = #{parentId}',
      'SELECT id FROM sys_dept WHERE parent_id = ?',
      'SELECT id FROM sys_dept WHERE parent_id = $1',
      'SELECT id FROM sys_dept WHERE parent_id = :pid',
      'SELECT id FROM menu WHERE parentId = ?',
      'SELECT id, name FROM ums_menu WHERE id = 1',
      "SELECT value FROM setting WHERE key = 'site_name'",
      // A constant parent beside a key the caller gives.
      'SELECT id FROM menu WHERE parent_id = 0 AND user_id = ?',
    ];
    assert.deepEqual(unbounded.filter((q) => !selectWithoutLimit(q)), []);
    assert.deepEqual(bounded.filter((q) => selectWithoutLimit(q)), []);
  });

  it("reports mall-swarm's category and menu roots in a mapper XML on their routes, not one parent's children", async () => {
    const f = await joined({
      'mall-admin/src/main/java/com/macro/mall/dao/CategoryDao.java': lines(
        'package com.macro.mall.dao;',
        'import org.apache.ibatis.annotations.Param;',
        'import java.util.List;',
        'public interface CategoryDao {',
        '    List<CategoryItem> listWithChildren();',
        '    List<CategoryItem> listRootMenus();',
        '    List<CategoryItem> listChildren(@Param("parentId") Long parentId);',
        '    List<CategoryItem> listDefault();',
        '}',
      ),
      'mall-admin/src/main/java/com/macro/mall/controller/CategoryController.java': lines(
        'package com.macro.mall.controller;',
        'import com.macro.mall.dao.CategoryDao;',
        '@RestController',
        '@RequestMapping("/productCategory")',
        'public class CategoryController {',
        '    @Autowired',
        '    private CategoryDao categoryDao;',
        '    @GetMapping("/list/withChildren")',
        '    public List<CategoryItem> withChildren() { return categoryDao.listWithChildren(); }',
        '    @GetMapping("/menus/roots")',
        '    public List<CategoryItem> roots() { return categoryDao.listRootMenus(); }',
        '    @GetMapping("/children/{parentId}")',
        '    public List<CategoryItem> children(@PathVariable Long parentId) { return categoryDao.listChildren(parentId); }',
        '    @GetMapping("/default")',
        '    public List<CategoryItem> byDefault() { return categoryDao.listDefault(); }',
        '}',
      ),
      'mall-admin/src/main/resources/dao/CategoryDao.xml': lines(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">',
        '<mapper namespace="com.macro.mall.dao.CategoryDao">',
        '    <select id="listWithChildren" resultType="CategoryItem">', // 4
        '        select c1.id, c1.name, c2.id child_id, c2.name child_name',
        '        from pms_product_category c1 left join pms_product_category c2 on c1.id = c2.parent_id',
        '        where c1.parent_id = 0',
        '    </select>',
        '    <select id="listRootMenus" resultType="CategoryItem">', // 9
        '        select id, name from ums_menu where parent_id = 0 order by sort desc',
        '    </select>',
        '    <select id="listChildren" resultType="CategoryItem">', // 12
        '        select id, name from pms_product_category where parent_id = #{parentId}',
        '    </select>',
        '    <select id="listDefault" resultType="CategoryItem">', // 15
        '        select id, name from pms_product_category where id = 1',
        '    </select>',
        '</mapper>',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query mall-admin/src/main/resources/dao/CategoryDao.xml:4:5 CategoryDao.listWithChildren → GET /productCategory/list/withChildren',
      'unbounded-query mall-admin/src/main/resources/dao/CategoryDao.xml:9:5 CategoryDao.listRootMenus → GET /productCategory/menus/roots',
    ]);
  });
});

import { strict as assert } from 'node:assert';
import type { FileAnalysis } from '../../../src/core/code/codeModel';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * MyBatis result maps with a nested select (`<collection … select="…" column="id"/>`, `<association … select>`): MyBatis
 * runs that select once per row of the statement mapped with the map. vhr's department tree selects itself again for
 * every department.
 */
const MAPPER_JAVA = lines(
  'package org.javaboy.vhr.mapper;',
  'import org.apache.ibatis.annotations.Mapper;',
  '@Mapper',
  'public interface DepartmentMapper {',
  '  List<Department> getAllDepartmentsByParentId(Integer pid);',
  '  Department getDepById(Integer id);',
  '  List<Department> getAllWithManager();',
  '  List<Department> getAllFlat();',
  '  List<Department> getUnused();',
  '}',
);

const MAPPER_XML = lines(
  '<?xml version="1.0" encoding="UTF-8" ?>', // 1
  '<mapper namespace="org.javaboy.vhr.mapper.DepartmentMapper">',
  '    <resultMap id="BaseResultMap" type="org.javaboy.vhr.model.Department">',
  '        <id column="id" property="id"/>',
  '        <result column="name" property="name"/>', // 5
  '    </resultMap>',
  '    <resultMap id="DepartmentWithChildren" type="org.javaboy.vhr.model.Department" extends="BaseResultMap">',
  '        <collection property="children" ofType="org.javaboy.vhr.model.Department"',
  '                    select="org.javaboy.vhr.mapper.DepartmentMapper.getAllDepartmentsByParentId" column="id"/>',
  '    </resultMap>', // 10
  '    <resultMap id="WithManager" type="org.javaboy.vhr.model.Department" extends="BaseResultMap">',
  '        <association property="manager" select="org.javaboy.vhr.mapper.HrMapper.getHrById" column="managerId" fetchType="lazy"/>',
  '    </resultMap>',
  '    <resultMap id="Joined" type="org.javaboy.vhr.model.Department" extends="BaseResultMap">',
  '        <collection property="children" ofType="org.javaboy.vhr.model.Department" resultMap="BaseResultMap" columnPrefix="c_"/>', // 15
  '    </resultMap>',
  '    <select id="getAllDepartmentsByParentId" resultMap="DepartmentWithChildren">',
  '    select * from department where parentId=#{pid};',
  '  </select>',
  '    <select id="getDepById" resultMap="DepartmentWithChildren">', // 20
  '    select * from department where id=#{id};',
  '  </select>',
  '    <select id="getAllWithManager" resultMap="WithManager">',
  '    select * from department where parentId=#{pid};',
  '  </select>', // 25
  '    <select id="getAllFlat" resultMap="Joined">',
  '    select d.*, c.id c_id from department d left join department c on c.parentId = d.id where d.parentId=#{pid};',
  '  </select>',
  '    <select id="getUnused" resultMap="DepartmentWithChildren">',
  '    select * from department where parentId=#{pid};', // 30
  '  </select>',
  '</mapper>',
);

function controller(...methods: string[]): string {
  return lines(
    'package org.javaboy.vhr.controller;',
    '@RestController',
    '@RequestMapping("/system/basic/department")',
    'public class DepartmentController {',
    '  @Autowired',
    '  DepartmentMapper departmentMapper;',
    ...methods,
    '}',
  );
}

const XML = 'src/main/resources/mapper/DepartmentMapper.xml';

function nestedRows(f: Map<string, FileAnalysis>): string[] {
  return hazardRows(f).filter((r) => r.startsWith('query-in-loop'));
}

describe('MyBatis: a result map\'s nested select runs once per row', () => {
  it("reports the statement whose result map runs a select per row, on the routes reaching its List method (vhr's department tree)", async () => {
    const f = await joined({
      'src/main/java/org/javaboy/vhr/mapper/DepartmentMapper.java': MAPPER_JAVA,
      [XML]: MAPPER_XML,
      'src/main/java/org/javaboy/vhr/controller/DepartmentController.java': controller(
        '  @GetMapping("/")',
        '  public List<Department> tree() { return departmentMapper.getAllDepartmentsByParentId(-1); }',
        '  @GetMapping("/managers")',
        '  public List<Department> managers() { return departmentMapper.getAllWithManager(); }',
        '  @GetMapping("/flat")',
        '  public List<Department> flat() { return departmentMapper.getAllFlat(); }',
      ),
    });
    // getAllFlat's map is a join (a nested result map, no select): one query. getUnused is reached by no route.
    assert.deepEqual(nestedRows(f), [
      `query-in-loop ${XML}:17:5 DepartmentMapper.getAllDepartmentsByParentId [MyBatis nested select sequential] → GET /system/basic/department/`,
      `query-in-loop ${XML}:23:5 HrMapper.getHrById [MyBatis nested select sequential] → GET /system/basic/department/managers`,
    ]);
    const hazards = f.get(XML)!.hazards.filter((h) => h.code === 'query-in-loop');
    assert.equal(
      hazards[0].explanation,
      'Database query per row: the MyBatis statement `DepartmentMapper.getAllDepartmentsByParentId` maps its rows with result map `DepartmentWithChildren`, whose `<collection property="children">` (line 8) runs `DepartmentMapper.getAllDepartmentsByParentId` once per row, one after another, and again for each row that one reads: a tree of N nodes takes N queries. Reading the rows in one query and building the tree in memory takes one.',
    );
    // fetchType="lazy": run when the property is read, which a response that renders the rows does for every one.
    assert.equal(
      hazards[1].explanation,
      'Database query per row: the MyBatis statement `DepartmentMapper.getAllWithManager` maps its rows with result map `WithManager`, whose `<association property="manager">` (line 12) runs `HrMapper.getHrById` for each row whose property is read (fetchType="lazy": a response that renders the rows reads them all), one after another: N rows make N more queries. A join mapped with a nested result map (`<collection resultMap=…>`), or one query of them all by the keys of the rows, reads them together.',
    );
  });

  it('a statement read as one row runs its nested select once; the statement that select runs reads many, and is reported on its routes', async () => {
    const f = await joined({
      'src/main/java/org/javaboy/vhr/mapper/DepartmentMapper.java': MAPPER_JAVA,
      [XML]: MAPPER_XML,
      'src/main/java/org/javaboy/vhr/controller/DepartmentController.java': controller(
        '  @GetMapping("/{id}")',
        '  public Department one(@PathVariable Integer id) { return departmentMapper.getDepById(id); }',
      ),
    });
    // Not getDepById (line 20), whose one row runs getAllDepartmentsByParentId once; that one runs itself per row.
    assert.deepEqual(nestedRows(f), [`query-in-loop ${XML}:17:5 DepartmentMapper.getAllDepartmentsByParentId [MyBatis nested select sequential] → GET /system/basic/department/{id}`]);
  });

  it('reports nothing when no route reaches a statement with a nested select', async () => {
    const f = await joined({
      'src/main/java/org/javaboy/vhr/mapper/DepartmentMapper.java': MAPPER_JAVA,
      [XML]: MAPPER_XML,
      'src/main/java/org/javaboy/vhr/controller/DepartmentController.java': controller('  @GetMapping("/flat")', '  public List<Department> flat() { return departmentMapper.getAllFlat(); }'),
    });
    assert.deepEqual(nestedRows(f), []);
  });
  it("follows the maps a result map maps a property with: a nested select of a joined collection's map runs per row too", async () => {
    const f = await joined({
      'src/main/java/com/ex/mapper/OrderMapper.java': lines(
        'package com.ex.mapper;',
        'import org.apache.ibatis.annotations.Mapper;',
        '@Mapper',
        'public interface OrderMapper {',
        '  List<Order> listOrders();',
        '  Customer getCustomer(Integer id);',
        '}',
      ),
      'src/main/resources/mapper/OrderMapper.xml': lines(
        '<mapper namespace="com.ex.mapper.OrderMapper">',
        '  <resultMap id="ItemMap" type="com.ex.Item">',
        '    <association property="customer" column="customer_id" select="getCustomer"/>',
        '  </resultMap>',
        '  <resultMap id="OrderMap" type="com.ex.Order">',
        '    <collection property="items" ofType="com.ex.Item" resultMap="ItemMap" columnPrefix="i_"/>',
        '  </resultMap>',
        '  <select id="listOrders" resultMap="com.ex.mapper.OrderMapper.OrderMap">',
        '    select o.*, i.id i_id from orders o join items i on i.order_id = o.id where o.user_id = #{userId}',
        '  </select>',
        '  <select id="getCustomer" resultType="com.ex.Customer">select * from customer where id = #{id}</select>',
        '</mapper>',
      ),
      'src/main/java/com/ex/web/OrderController.java': lines(
        'package com.ex.web;',
        '@RestController',
        'public class OrderController {',
        '  @Autowired',
        '  OrderMapper orderMapper;',
        '  @GetMapping("/orders")',
        '  public List<Order> list() { return orderMapper.listOrders(); }',
        '}',
      ),
    });
    assert.deepEqual(nestedRows(f), ['query-in-loop src/main/resources/mapper/OrderMapper.xml:8:3 OrderMapper.getCustomer [MyBatis nested select sequential] → GET /orders']);
  });
});

import { strict as assert } from 'node:assert';
import { isMapperDocument, isMapperXml } from '../../../src/core/code/mybatisMappers';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * MyBatis mapper XML is found by its root element, not its name: jshERP loads `classpath:./mapper_xml/*.xml`, whose
 * files are named `MaterialMapperEx.xml`, neither `…Mapper.xml` nor in a `mapper/` folder.
 */
const MAPPER_JAVA = lines(
  'package com.jsh.erp.datasource.mappers;',
  'import org.apache.ibatis.annotations.Param;',
  'import java.util.List;',
  'public interface SupplierMapperEx {',
  '  List<String> getNameList();',
  '  List<String> findByType(@Param("type") String type);',
  '}',
);

const CONTROLLER = lines(
  'package com.jsh.erp.controller;',
  'import com.jsh.erp.datasource.mappers.SupplierMapperEx;',
  '@RestController',
  '@RequestMapping(value = "/supplier")',
  'public class SupplierController {',
  '  @Resource',
  '  private SupplierMapperEx supplierMapperEx;',
  '  @GetMapping(value = "/names")',
  '  public List<String> names() {',
  '    return supplierMapperEx.getNameList();',
  '  }',
  '  @GetMapping(value = "/byType")',
  '  public List<String> byType(String type) {',
  '    return supplierMapperEx.findByType(type);',
  '  }',
  '}',
);

const WITH_DOCTYPE = lines(
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">',
  '<mapper namespace="com.jsh.erp.datasource.mappers.SupplierMapperEx">',
  '    <select id="getNameList" resultType="java.lang.String">', // 4
  '        select s.supplier from jsh_supplier s order by s.supplier asc',
  '    </select>',
  '</mapper>',
);

/** No DOCTYPE, a licence comment before the root element. */
const WITHOUT_DOCTYPE = lines(
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<!--',
  '  Licensed under the Apache License, Version 2.0',
  '-->',
  '<mapper namespace="com.jsh.erp.datasource.mappers.SupplierMapperEx">',
  '    <select id="findByType" resultType="java.lang.String">', // 6
  '        select supplier from jsh_supplier where type = #{type}',
  '    </select>',
  '</mapper>',
);

/** MyBatis' own configuration: `<mapper>` elements, but its root is `<configuration>`. */
const CONFIGURATION = lines(
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<!DOCTYPE configuration PUBLIC "-//mybatis.org//DTD Config 3.0//EN" "http://mybatis.org/dtd/mybatis-3-config.dtd">',
  '<configuration>',
  '  <mappers><mapper namespace="com.jsh.erp.datasource.mappers.SupplierMapperEx" resource="mapper_xml/SupplierMapperEx.xml"/></mappers>',
  '  <select id="getNameList">select * from jsh_supplier</select>',
  '</configuration>',
);

describe('MyBatis: mapper XML recognised by its root element, whatever its name', () => {
  it("reads jshERP's mapper_xml/*MapperEx.xml, with a DOCTYPE or only a root <mapper>, and no other XML", async () => {
    const f = await joined({
      'jshERP-boot/src/main/java/com/jsh/erp/datasource/mappers/SupplierMapperEx.java': MAPPER_JAVA,
      'jshERP-boot/src/main/java/com/jsh/erp/controller/SupplierController.java': CONTROLLER,
      'jshERP-boot/src/main/resources/mapper_xml/SupplierMapperEx.xml': WITH_DOCTYPE,
      'jshERP-boot/src/main/resources/sql/SupplierQueries.xml': WITHOUT_DOCTYPE,
      'jshERP-boot/src/main/resources/mybatis-config.xml': CONFIGURATION,
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.includes('.xml')),
      [
        'unbounded-query jshERP-boot/src/main/resources/mapper_xml/SupplierMapperEx.xml:4:5 SupplierMapperEx.getNameList → GET /supplier/names',
        'unbounded-query jshERP-boot/src/main/resources/sql/SupplierQueries.xml:6:5 SupplierMapperEx.findByType → GET /supplier/byType',
      ],
    );
    assert.equal(f.has('jshERP-boot/src/main/resources/mybatis-config.xml'), false);
  });

  it('takes the root element, not a <mapper> met later, and no XML of build output', () => {
    assert.equal(isMapperDocument(WITH_DOCTYPE), true);
    assert.equal(isMapperDocument(WITHOUT_DOCTYPE), true);
    assert.equal(isMapperDocument('\uFEFF<mapper namespace="a.B"></mapper>'), true);
    assert.equal(isMapperDocument(CONFIGURATION), false);
    assert.equal(isMapperDocument('<beans><mapper namespace="a.B"/></beans>'), false);
    assert.equal(isMapperDocument('<?xml version="1.0"?>\n<project><mapper/></project>'), false);
    assert.equal(isMapperXml('jshERP-boot/src/main/resources/mapper_xml/MaterialMapperEx.xml'), true);
    assert.equal(isMapperXml('jshERP-boot/target/classes/mapper_xml/MaterialMapperEx.xml'), false);
    assert.equal(isMapperXml('jshERP-boot/pom.xml'), false);
    // Not any XML: an Android layout or a file off the class path is not read for it.
    assert.equal(isMapperXml('app/src/main/res/layout/activity_main.xml'), false);
    assert.equal(isMapperXml('docs/site.xml'), false);
    assert.equal(isMapperXml('src/main/java/demo/dao/UserDao.xml'), true);
  });
});

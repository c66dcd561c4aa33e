import assert from 'node:assert/strict';
import { selectWithoutLimit } from '../../../src/core/code/hazards/unboundedQueries';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A UNION returns the rows of every branch: a key a later branch compares does not bound the first (mall-swarm's
 * `getAvailableCouponList`, every coupon of a type UNION those of one product). A LIMIT ending the last branch, outside
 * its parentheses, takes the whole; a UNION inside a subquery is judged with the query around it.
 */
describe('unbounded-query in SQL: a UNION is bounded only if every branch is', () => {
  it('an unkeyed branch before or after a keyed one reads the whole table; every branch keyed, counted or limited is bounded', () => {
    const unbounded = [
      'SELECT * FROM sms_coupon WHERE use_type = 0 AND start_time < NOW() UNION ( SELECT c.* FROM sms_coupon_product_relation cp LEFT JOIN sms_coupon c ON cp.coupon_id = c.id WHERE c.use_type = 2 AND cp.product_id = #{productId} )',
      'SELECT * FROM a WHERE user_id = ? UNION ALL (SELECT * FROM b)',
      'SELECT name FROM a WHERE id = $1 union distinct SELECT name FROM b WHERE active = true',
      '(SELECT * FROM a LIMIT 5) UNION (SELECT * FROM b)',
    ];
    const bounded = [
      'SELECT * FROM a WHERE user_id = ? UNION SELECT * FROM b WHERE user_id = ?',
      'SELECT * FROM a UNION SELECT * FROM b LIMIT 10',
      '(SELECT * FROM a) UNION ALL (SELECT * FROM b) LIMIT 10',
      '(SELECT * FROM a LIMIT 5) UNION (SELECT * FROM b WHERE id = ?)',
      'SELECT count(*) FROM a UNION ALL SELECT count(*) FROM b',
      // In a subquery: the outer query's key bounds it.
      'SELECT * FROM (SELECT id, name FROM x UNION SELECT id, name FROM y) t WHERE t.id = ?',
    ];
    assert.deepEqual(unbounded.filter((q) => !selectWithoutLimit(q)), []);
    assert.deepEqual(bounded.filter((q) => selectWithoutLimit(q)), []);
  });

  it("reports mall-swarm's coupon UNION in a mapper XML on its route, not a UNION keyed in each branch", async () => {
    const f = await joined({
      'mall-portal/src/main/java/com/macro/mall/portal/dao/PortalProductDao.java': lines(
        'package com.macro.mall.portal.dao;',
        'import org.apache.ibatis.annotations.Param;',
        'import java.util.List;',
        'public interface PortalProductDao {',
        '    List<SmsCoupon> getAvailableCouponList(@Param("productId") Long productId, @Param("productCategoryId") Long productCategoryId);',
        '    List<SmsCoupon> getOwnCouponList(@Param("productId") Long productId, @Param("memberId") Long memberId);',
        '}',
      ),
      'mall-portal/src/main/java/com/macro/mall/portal/controller/PmsPortalProductController.java': lines(
        'package com.macro.mall.portal.controller;',
        'import com.macro.mall.portal.dao.PortalProductDao;',
        '@RestController',
        '@RequestMapping("/product")',
        'public class PmsPortalProductController {',
        '    @Autowired',
        '    private PortalProductDao portalProductDao;',
        '    @GetMapping("/detail/{id}")',
        '    public List<SmsCoupon> detail(@PathVariable Long id) { return portalProductDao.getAvailableCouponList(id, 1L); }',
        '    @GetMapping("/own/{id}")',
        '    public List<SmsCoupon> own(@PathVariable Long id, Long memberId) { return portalProductDao.getOwnCouponList(id, memberId); }',
        '}',
      ),
      'mall-portal/src/main/resources/dao/PortalProductDao.xml': lines(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">',
        '<mapper namespace="com.macro.mall.portal.dao.PortalProductDao">',
        '    <select id="getAvailableCouponList" resultType="SmsCoupon">', // 4
        '        SELECT *',
        '        FROM sms_coupon',
        '        WHERE use_type = 0',
        '          AND start_time &lt; NOW()',
        '          AND end_time &gt; NOW()',
        '        UNION',
        '        (',
        '            SELECT c.*',
        '            FROM sms_coupon_product_relation cp',
        '                     LEFT JOIN sms_coupon c ON cp.coupon_id = c.id',
        '            WHERE c.use_type = 2',
        '              AND cp.product_id = #{productId}',
        '        )',
        '    </select>',
        '    <select id="getOwnCouponList" resultType="SmsCoupon">', // 19
        '        SELECT c.* FROM sms_coupon_history h LEFT JOIN sms_coupon c ON h.coupon_id = c.id WHERE h.member_id = #{memberId}',
        '        UNION',
        '        (SELECT c.* FROM sms_coupon_product_relation cp LEFT JOIN sms_coupon c ON cp.coupon_id = c.id WHERE cp.product_id = #{productId})',
        '    </select>',
        '</mapper>',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query mall-portal/src/main/resources/dao/PortalProductDao.xml:4:5 PortalProductDao.getAvailableCouponList → GET /product/detail/{id}']);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A Spring bean calls its own methods through its proxy so that their annotations apply (RuoYi's
 * `SpringUtils.getAopProxy(this).checkRoleDataScope(roleId)`, yudao's `getSelf()`): those are its own methods.
 */
describe('Java: a method of the bean called through its own Spring proxy', () => {
  it('is followed: its query per item of the loop is a query in a loop', async () => {
    const f = await joined({
      'src/main/java/com/ruoyi/system/service/impl/SysRoleServiceImpl.java': lines(
        'package com.ruoyi.system.service.impl;',
        'public class SysRoleServiceImpl {',
        '    private JdbcTemplate jdbcTemplate;',
        '    public int deleteRoleByIds(Long[] roleIds) {',
        '        for (Long roleId : roleIds) {',
        '            SpringUtils.getAopProxy(this).checkRoleDataScope(roleId);', // 6
        '        }',
        '        for (Long roleId : roleIds) {',
        '            getSelf().checkRoleAllowed(roleId);', // 9
        '        }',
        '        return 0;',
        '    }',
        '    public void checkRoleDataScope(Long roleId) {',
        '        jdbcTemplate.queryForObject("SELECT * FROM sys_role WHERE role_id = ?", Role.class, roleId);',
        '    }',
        '    public void checkRoleAllowed(Long roleId) {',
        '        jdbcTemplate.update("UPDATE sys_role SET checked = 1 WHERE role_id = ?", roleId);',
        '    }',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('query-in-loop')),
      [
        'query-in-loop src/main/java/com/ruoyi/system/service/impl/SysRoleServiceImpl.java:6:13 SpringUtils.getAopProxy.checkRoleDataScope → jdbcTemplate.queryForObject [for-each sequential] → -',
        'query-in-loop src/main/java/com/ruoyi/system/service/impl/SysRoleServiceImpl.java:9:13 getSelf.checkRoleAllowed → jdbcTemplate.update [for-each sequential] → -',
      ],
    );
  });

  it("through AopContext.currentProxy() cast to the bean's interface or class", async () => {
    const f = await joined({
      'src/main/java/shop/service/IOrderService.java': lines('package shop.service;', 'public interface IOrderService {', '    void cancel(Long id);', '    void audit(Long id);', '}'),
      'src/main/java/shop/service/impl/OrderServiceImpl.java': lines(
        'package shop.service.impl;',
        '@Service',
        'public class OrderServiceImpl implements IOrderService {',
        '    private JdbcTemplate jdbcTemplate;',
        '    public void cancelAll(List<Long> ids) {',
        '        for (Long id : ids) {',
        '            ((IOrderService) AopContext.currentProxy()).cancel(id);', // 7
        '            ((OrderServiceImpl) AopContext.currentProxy()).audit(id);', // 8
        '        }',
        '    }',
        '    @Transactional',
        '    public void cancel(Long id) {',
        '        jdbcTemplate.update("UPDATE orders SET status = 2 WHERE id = ?", id);',
        '    }',
        '    public void audit(Long id) {',
        '        jdbcTemplate.update("INSERT INTO audit (order_id) VALUES (?)", id);',
        '    }',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((h) => h.startsWith('query-in-loop')),
      [
        'query-in-loop src/main/java/shop/service/impl/OrderServiceImpl.java:7:13 IOrderService.cancel → jdbcTemplate.update [for-each sequential] → -',
        'query-in-loop src/main/java/shop/service/impl/OrderServiceImpl.java:8:13 OrderServiceImpl.audit → jdbcTemplate.update [for-each sequential] → -',
      ],
    );
  });
});

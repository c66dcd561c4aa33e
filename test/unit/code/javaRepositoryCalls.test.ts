import assert from 'node:assert/strict';
import { selectWithoutLimit } from '../../../src/core/code/hazards/unboundedQueries';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Java calls read as queries by their holder's name (a repository, a DAO, an EntityManager, a MyBatis-Plus mapper or
 * service): what is one, and what only looks like one (BroadleafCommerce, zfile, shopizer, vhr).
 */
describe('Java: repository, DAO and mapper calls by name', function () {
  this.timeout(20_000);

  const controller = (body: string[]): string =>
    lines(
      'package com.ex.web;',
      'import org.springframework.web.bind.annotation.*;',
      'import jakarta.persistence.EntityManager;',
      'import java.util.*;',
      '@RestController',
      'public class C {',
      ...body,
      '}',
    );

  it("an EntityManager's metadata, a DAO's getter of the workspace, a getter's result and a DAO class called statically run no query", async () => {
    const f = await joined({
      'src/main/java/com/ex/dao/MetaDao.java': lines(
        'package com.ex.dao;',
        'import java.util.*;',
        'public class MetaDao {',
        '    private static MetaDao instance;',
        '    private final Map<String, String> labels = new HashMap<>();',
        '    public static MetaDao getInstance() { return instance; }',
        '    public Map<String, String> getLabels() { return labels; }',
        '}',
      ),
      'src/main/java/com/ex/web/C.java': controller([
        '    private EntityManager em;',
        '    private com.ex.dao.MetaDao metaDao;',
        '    @GetMapping("/a")',
        '    public int a(@RequestParam List<String> keys) {',
        '        int n = 0;',
        '        for (String k : keys) {',
        '            n += em.getMetamodel().hashCode();',
        '            n += em.getCriteriaBuilder().hashCode();',
        '            n += metaDao.getLabels().get(k).length();',
        '            n += MetaDao.getInstance().hashCode();',
        '        }',
        '        return n;',
        '    }',
      ]),
    });
    assert.deepEqual(hazardRows(f), []);
  });

  it("an EntityManager's reads and writes, a Spring Data getter and a DAO getter that queries stay queries", async () => {
    const f = await joined({
      'src/main/java/com/ex/repo/UserRepository.java': lines(
        'package com.ex.repo;',
        'import org.springframework.data.jpa.repository.JpaRepository;',
        'public interface UserRepository extends JpaRepository<User, Long> {}',
      ),
      'src/main/java/com/ex/dao/UserDao.java': lines(
        'package com.ex.dao;',
        'import jakarta.persistence.EntityManager;',
        'public class UserDao {',
        '    private EntityManager em;',
        '    public Object getUser(Long id) { return em.find(Object.class, id); }',
        '}',
      ),
      'src/main/java/com/ex/web/C.java': controller([
        '    private EntityManager em;',
        '    private com.ex.repo.UserRepository userRepository;',
        '    private com.ex.dao.UserDao userDao;',
        '    @GetMapping("/a")',
        '    public int a(@RequestParam List<Long> ids) {',
        '        int n = 0;',
        '        for (Long id : ids) {',
        '            n += em.find(Object.class, id).hashCode();',
        '            n += userRepository.getById(id).hashCode();',
        '            n += userDao.getUser(id).hashCode();',
        '        }',
        '        return n;',
        '    }',
      ]),
    });
    const rows = hazardRows(f);
    assert.deepEqual(
      rows.filter((r) => r.startsWith('query-in-loop')).map((r) => r.replace(/ → .*/, '')),
      [
        'query-in-loop src/main/java/com/ex/web/C.java:14:18 em.find [for-each sequential]',
        'query-in-loop src/main/java/com/ex/web/C.java:15:18 userRepository.getById [for-each sequential]',
        // (Followed into the DAO, whose em.find runs per item.)
        'query-in-loop src/main/java/com/ex/web/C.java:16:18 userDao.getUser',
      ],
    );
  });

  it("a DAO's getter is followed into the workspace's DAO: a Hibernate session's lookup there is a query, a map or reflection read is none (BroadleafCommerce's getAllFields)", async () => {
    const f = await joined({
      'src/main/java/com/ex/dao/CustomerDao.java': lines(
        'package com.ex.dao;',
        'public class CustomerDao {',
        '  private org.hibernate.SessionFactory sessionFactory;',
        '  public Object getCustomer(Long id) { return sessionFactory.getCurrentSession().get(Object.class, id); }',
        '  public Object getFactory() { return sessionFactory; }',
        '  public Object getAllFields(Class<?> cls) { return cls.getDeclaredFields(); }',
        '}',
      ),
      'src/main/java/com/ex/web/C.java': controller([
        '    private com.ex.dao.CustomerDao customerDao;',
        '    @PostMapping("/a")',
        '    public int a(@RequestBody List<Long> ids) {',
        '        int n = 0;',
        '        for (Long id : ids) {',
        '            n += customerDao.getCustomer(id).hashCode();',
        '            n += customerDao.getFactory().hashCode();',
        '            n += customerDao.getAllFields(Object.class).hashCode();',
        '        }',
        '        return n;',
        '    }',
      ]),
    });
    assert.deepEqual(hazardRows(f).map((r) => r.replace(/ → .*/, '')), ['query-in-loop src/main/java/com/ex/web/C.java:12:18 customerDao.getCustomer']);
  });

  it("MyBatis-Plus: a BaseMapper's insert in a file that imports none of it is a query; a workspace mapper's or service's own method is followed", async () => {
    const f = await joined({
      'src/main/java/com/ex/mapper/UserMapper.java': lines(
        'package com.ex.mapper;',
        'import com.baomidou.mybatisplus.core.mapper.BaseMapper;',
        'public interface UserMapper extends BaseMapper<Object> {}',
      ),
      'src/main/java/com/ex/mapper/DtoMapper.java': lines(
        'package com.ex.mapper;',
        'import org.mapstruct.Mapper;',
        '@Mapper',
        'public interface DtoMapper { void update(Object dto, Object entity); }',
      ),
      'src/main/java/com/ex/service/UserService.java': lines(
        'package com.ex.service;',
        'import org.springframework.cache.annotation.Cacheable;',
        'import java.util.*;',
        'public class UserService {',
        '    private final Map<Long, Object> local = new HashMap<>();',
        '    @Cacheable("user")',
        '    public Object getById(Long id) { return local.get(id); }',
        '}',
      ),
      'src/main/java/com/ex/web/C.java': controller([
        '    private com.ex.mapper.UserMapper userMapper;',
        '    private com.ex.mapper.DtoMapper dtoMapper;',
        '    private com.ex.service.UserService userService;',
        '    @PostMapping("/a")',
        '    public void a(@RequestBody List<Object> rows) {',
        '        for (Object r : rows) {',
        '            userMapper.insert(r);',
        '            dtoMapper.update(r, r);',
        '            userService.getById(1L);',
        '        }',
        '    }',
      ]),
    });
    assert.deepEqual(hazardRows(f).map((r) => r.replace(/ → .*/, '')), ['query-in-loop src/main/java/com/ex/web/C.java:13:13 userMapper.insert [for-each sequential]']);
  });

  it("a helper's first call said by a name alone, dropped by the join, does not hide the query it makes next (nacos's mapper that builds SQL for jdbcTemplate)", async () => {
    const f = await joined({
      'src/main/java/com/ex/CapacityService.java': lines(
        'package com.ex;',
        'public class CapacityService {',
        '  private TenantCapacityMapper tenantCapacityMapper;',
        '  private JdbcTemplate jdbcTemplate;',
        '  public void init(List<String> ids) {',
        '    for (String id : ids) {',
        '      updateQuota(id);',
        '    }',
        '  }',
        '  private void updateQuota(String id) {',
        '    String sql = tenantCapacityMapper.update(id);',
        '    jdbcTemplate.update(sql, id);',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop src/main/java/com/ex/CapacityService.java:7:7 updateQuota → jdbcTemplate.update [for-each sequential] → -']);
  });

  it("a Spring Data repository's own list method given a Pageable is bounded; without one, a Panache-style listAll is not", async () => {
    const f = await joined({
      'src/main/java/com/ex/web/C.java': controller([
        '    private Object pageableUserRepository;',
        '    @GetMapping("/a")',
        '    public Object a(@RequestParam int page) { return pageableUserRepository.listAll("x", PageRequest.of(page, 20)); }',
        '    @GetMapping("/b")',
        '    public Object b(org.springframework.data.domain.Pageable pageable) { return pageableUserRepository.list("x", pageable); }',
        '    @GetMapping("/c")',
        '    public Object c() { return pageableUserRepository.listAll(); }',
      ]),
    });
    assert.deepEqual(hazardRows(f).map((r) => r.replace(/ → .*/, '')), ['unbounded-query src/main/java/com/ex/web/C.java:13:32 pageableUserRepository.listAll']);
  });

  it('SQL: a WHERE that joins a key to another table\'s column bounds nothing; one that gives it a value does', () => {
    assert.equal(selectWithoutLimit('select m1.id, m2.id from menu m1, menu m2 where m1.id = m2.parentId and m2.enabled = true'), true);
    assert.equal(selectWithoutLimit('select * from a, b where a.userId = b.id'), true);
    assert.equal(selectWithoutLimit('select * from a, b where a.id = b.a_id and b.user_id = ?'), false);
    assert.equal(selectWithoutLimit('select * from a where a.id = #{id}'), false);
    assert.equal(selectWithoutLimit('select * from a where a.parentId = :parent'), false);
    // (A condition of one table alone, as a GORM `Where(…)` after a join written elsewhere: not judged a join.)
    assert.equal(selectWithoutLimit('select * from messages where messages.application_id = applications.id'), false);
    assert.equal(selectWithoutLimit('select * from a join b on a.id = b.a_id where a.user_id = b.id'), true);
  });
});

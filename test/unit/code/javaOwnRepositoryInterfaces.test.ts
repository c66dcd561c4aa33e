import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A holder named like a repository whose type is the project's own interface, extending nothing from outside, with an
 * implementation in the workspace: the call runs that implementation, not a query (Sentinel's `MetricsRepository<
 * MetricEntity> metricStore`, implemented only by InMemoryMetricsRepository's ConcurrentHashMap). A Spring Data
 * interface, a DAO whose implementation queries, and a holder named as a repository with no implementation stay queries.
 */
describe("Java: the project's own repository interface, implemented in the workspace", function () {
  this.timeout(20_000);

  const OWN_INTERFACE = lines(
    'package com.alibaba.csp.sentinel.dashboard.repository.metric;',
    'import java.util.List;',
    'public interface MetricsRepository<T> {',
    '    void save(T metric);',
    '    void saveAll(Iterable<T> metrics);',
    '    List<T> queryByAppAndResourceBetween(String app, String resource, long startTime, long endTime);',
    '}',
  );

  const IN_MEMORY = lines(
    'package com.alibaba.csp.sentinel.dashboard.repository.metric;',
    'import java.util.*;',
    'import java.util.concurrent.ConcurrentHashMap;',
    '@Component',
    'public class InMemoryMetricsRepository implements MetricsRepository<MetricEntity> {',
    '    private final Map<String, List<MetricEntity>> allMetrics = new ConcurrentHashMap<>();',
    '    @Override',
    '    public void save(MetricEntity entity) {',
    '        allMetrics.computeIfAbsent(entity.getApp(), e -> new ArrayList<>()).add(entity);',
    '    }',
    '    @Override',
    '    public void saveAll(Iterable<MetricEntity> metrics) {',
    '        metrics.forEach(this::save);',
    '    }',
    '    @Override',
    '    public List<MetricEntity> queryByAppAndResourceBetween(String app, String resource, long startTime, long endTime) {',
    '        return allMetrics.getOrDefault(app, Collections.emptyList());',
    '    }',
    '}',
  );

  const controller = (...body: string[]) =>
    lines(
      'package com.alibaba.csp.sentinel.dashboard.controller;',
      'import org.springframework.web.bind.annotation.*;',
      'import java.util.*;',
      '@RestController',
      '@RequestMapping("/metric")',
      'public class MetricController {',
      ...body,
      '}',
    );

  it("follows a call on the project's own interface into its in-memory implementation: no query per item", async () => {
    const f = await joined({
      'src/main/java/com/alibaba/csp/sentinel/dashboard/repository/metric/MetricsRepository.java': OWN_INTERFACE,
      'src/main/java/com/alibaba/csp/sentinel/dashboard/repository/metric/InMemoryMetricsRepository.java': IN_MEMORY,
      'src/main/java/com/alibaba/csp/sentinel/dashboard/controller/MetricController.java': controller(
        '    @Autowired',
        '    private MetricsRepository<MetricEntity> metricStore;',
        '    @Autowired',
        '    private MetricsRepository<MetricEntity> metricsRepository;',
        '    @PostMapping("/batch")',
        '    public int batch(@RequestBody List<MetricEntity> metrics) {',
        '        for (MetricEntity m : metrics) {',
        '            metricStore.saveAll(Collections.singletonList(m));',
        '            metricsRepository.save(m);',
        '        }',
        '        return metrics.size();',
        '    }',
        '    @GetMapping("/query")',
        '    public int query(@RequestParam List<String> apps) {',
        '        int n = 0;',
        '        for (String app : apps) n += metricStore.queryByAppAndResourceBetween(app, "r", 0L, 1L).size();',
        '        return n;',
        '    }',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });

  it('keeps a Spring Data interface of the workspace, a DAO whose implementation queries, and an interface nothing implements', async () => {
    const f = await joined({
      'src/main/java/com/ex/repo/UserRepository.java': lines(
        'package com.ex.repo;',
        'import org.springframework.data.jpa.repository.JpaRepository;',
        'public interface UserRepository extends JpaRepository<User, Long>, UserRepositoryCustom {',
        '    List<User> findByName(String name);',
        '}',
      ),
      'src/main/java/com/ex/repo/UserRepositoryCustom.java': lines('package com.ex.repo;', 'public interface UserRepositoryCustom {', '    void touch(Long id);', '}'),
      'src/main/java/com/ex/repo/UserRepositoryImpl.java': lines(
        'package com.ex.repo;',
        'public class UserRepositoryImpl implements UserRepositoryCustom {',
        '    public void touch(Long id) {}',
        '}',
      ),
      'src/main/java/com/ex/repo/LocaleDao.java': lines('package com.ex.repo;', 'public interface LocaleDao {', '    Locale findLocaleByCode(String code);', '}'),
      'src/main/java/com/ex/repo/LocaleDaoImpl.java': lines(
        'package com.ex.repo;',
        'import jakarta.persistence.EntityManager;',
        'public class LocaleDaoImpl implements LocaleDao {',
        '    protected EntityManager em;',
        '    public Locale findLocaleByCode(String code) {',
        '        return (Locale) em.createNamedQuery("BC_READ_LOCALE_BY_CODE").setParameter("code", code).getSingleResult();',
        '    }',
        '}',
      ),
      'src/main/java/com/ex/repo/AuditRepository.java': lines('package com.ex.repo;', 'public interface AuditRepository {', '    void save(Object event);', '}'),
      'src/main/java/com/ex/web/C.java': lines(
        'package com.ex.web;',
        'import org.springframework.web.bind.annotation.*;',
        'import java.util.*;',
        '@RestController',
        'public class C {',
        '    private UserRepository userRepository;',
        '    private LocaleDao localeDao;',
        '    private AuditRepository auditRepository;',
        '    @PostMapping("/a")',
        '    public void a(@RequestBody List<String> names) {',
        '        for (String n : names) {',
        '            userRepository.findByName(n);', // 12
        '            userRepository.save(new User(n));',
        '            localeDao.findLocaleByCode(n);',
        '            auditRepository.save(n);', // 15
        '        }',
        '    }',
        '}',
      ),
    });
    const rows = hazardRows(f).filter((r) => r.includes('C.java'));
    assert.deepEqual(rows, [
      'query-in-loop src/main/java/com/ex/web/C.java:12:13 userRepository.findByName [for-each sequential] → POST /a',
      'query-in-loop src/main/java/com/ex/web/C.java:13:13 userRepository.save [for-each sequential] → POST /a',
      'query-in-loop src/main/java/com/ex/web/C.java:14:13 localeDao.findLocaleByCode [for-each sequential] → POST /a',
      'query-in-loop src/main/java/com/ex/web/C.java:15:13 auditRepository.save [for-each sequential] → POST /a',
    ]);
  });
  it('keeps the query where an implementation holds a database client or no collection: a DAO over MongoTemplate or SqlSession, an adapter over Spring Data', async () => {
    const f = await joined({
      'src/main/java/com/ex/dao/ProductDao.java': lines('package com.ex.dao;', 'public interface ProductDao {', '    Product findById(String id);', '}'),
      'src/main/java/com/ex/dao/ProductDaoImpl.java': lines(
        'package com.ex.dao;',
        'import org.springframework.data.mongodb.core.MongoTemplate;',
        '@Repository',
        'public class ProductDaoImpl implements ProductDao {',
        '    private final MongoTemplate mongoTemplate;',
        '    public Product findById(String id) {',
        '        return mongoTemplate.findOne(Query.query(Criteria.where("_id").is(id)), Product.class);',
        '    }',
        '}',
      ),
      'src/main/java/com/ex/dao/OrderDao.java': lines('package com.ex.dao;', 'public interface OrderDao {', '    Order findById(Long id);', '}'),
      'src/main/java/com/ex/dao/OrderDaoImpl.java': lines(
        'package com.ex.dao;',
        'import org.apache.ibatis.session.SqlSession;',
        '@Repository',
        'public class OrderDaoImpl implements OrderDao {',
        '    private final SqlSession sqlSession;',
        '    private final Map<Long, Order> recent = new HashMap<>();',
        '    public Order findById(Long id) {',
        '        return sqlSession.selectOne("com.ex.dao.OrderMapper.findById", id);',
        '    }',
        '}',
      ),
      'src/main/java/com/ex/domain/CustomerRepository.java': lines('package com.ex.domain;', 'public interface CustomerRepository {', '    Optional<Customer> findById(Long id);', '}'),
      'src/main/java/com/ex/infra/SpringDataCustomers.java': lines(
        'package com.ex.infra;',
        'import org.springframework.data.jpa.repository.JpaRepository;',
        'public interface SpringDataCustomers extends JpaRepository<CustomerEntity, Long> {',
        '}',
      ),
      'src/main/java/com/ex/infra/JpaCustomerAdapter.java': lines(
        'package com.ex.infra;',
        '@Component',
        'public class JpaCustomerAdapter implements CustomerRepository {',
        '    private final SpringDataCustomers jpa;',
        '    public Optional<Customer> findById(Long id) {',
        '        return jpa.findById(id).map(CustomerEntity::toDomain);',
        '    }',
        '}',
      ),
      'src/main/java/com/ex/web/ShopController.java': lines(
        'package com.ex.web;',
        'import org.springframework.web.bind.annotation.*;',
        'import java.util.*;',
        '@RestController',
        'public class ShopController {',
        '    private ProductDao productDao;',
        '    private OrderDao orderDao;',
        '    private CustomerRepository customerRepository;',
        '    @PostMapping("/lookup")',
        '    public void lookup(@RequestBody List<Long> ids) {',
        '        for (Long id : ids) {',
        '            productDao.findById(String.valueOf(id));', // 12
        '            orderDao.findById(id);',
        '            customerRepository.findById(id);',
        '        }',
        '    }',
        '}',
      ),
    });
    const rows = hazardRows(f).filter((r) => r.includes('ShopController.java'));
    assert.deepEqual(rows, [
      'query-in-loop src/main/java/com/ex/web/ShopController.java:12:13 productDao.findById [for-each sequential] → POST /lookup',
      'query-in-loop src/main/java/com/ex/web/ShopController.java:13:13 orderDao.findById [for-each sequential] → POST /lookup',
      'query-in-loop src/main/java/com/ex/web/ShopController.java:14:13 customerRepository.findById [for-each sequential] → POST /lookup',
    ]);
  });
  it("a function's first repository query still wins over a later call; past an in-memory interface's call, the later call is what it makes", async () => {
    const f = await joined({
      'src/main/java/com/alibaba/csp/sentinel/dashboard/repository/metric/MetricsRepository.java': OWN_INTERFACE,
      'src/main/java/com/alibaba/csp/sentinel/dashboard/repository/metric/InMemoryMetricsRepository.java': IN_MEMORY,
      'src/main/java/com/ex/repo/OrderRepository.java': lines(
        'package com.ex.repo;',
        'import org.springframework.data.jpa.repository.JpaRepository;',
        'public interface OrderRepository extends JpaRepository<Order, Long> {',
        '}',
      ),
      'src/main/java/com/ex/svc/OrderService.java': lines(
        'package com.ex.svc;',
        'import org.springframework.web.client.RestTemplate;',
        '@Service',
        'public class OrderService {',
        '    private final OrderRepository orderRepository;',
        '    private final MetricsRepository<MetricEntity> metricStore;',
        '    private final RestTemplate restTemplate;',
        '    public void ship(Long id) {',
        '        Order o = orderRepository.findById(id).orElseThrow();',
        '        restTemplate.postForObject("http://shipping/ship", o, String.class);',
        '    }',
        '    public void record(MetricEntity m) {',
        '        metricStore.save(m);',
        '        restTemplate.postForObject("http://metrics/push", m, String.class);',
        '    }',
        '}',
      ),
      'src/main/java/com/ex/web/OrderController.java': controller(
        '    private OrderService orderService;',
        '    @PostMapping("/ship")',
        '    public void ship(@RequestBody List<Long> ids) {',
        '        for (Long id : ids) orderService.ship(id);', // 10
        '    }',
        '    @PostMapping("/record")',
        '    public void record(@RequestBody List<MetricEntity> ms) {',
        '        for (MetricEntity m : ms) orderService.record(m);', // 14
        '    }',
      ),
    });
    const rows = hazardRows(f).filter((r) => r.includes('OrderController.java'));
    assert.deepEqual(rows, [
      'call-in-loop src/main/java/com/ex/web/OrderController.java:14:35 orderService.record → restTemplate.postForObject [for-each sequential] → POST /metric/record',
      'query-in-loop src/main/java/com/ex/web/OrderController.java:10:29 orderService.ship → orderRepository.findById [for-each sequential] → POST /metric/ship',
    ]);
  });
});

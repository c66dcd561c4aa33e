import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

// Review counter-example to the SQLite drivers' `get` (one row): only as the query's own method. An item taken from
// the rows a query already read whole (`queryForList(…).get(0)`, `getResultList().get(0)`) bounds nothing.
describe('`get` after a query that read every row is no one-row read', () => {
  it('Java: queryForList(…).get(0) and getResultList().get(0) stay unbounded-query; queryForObject does not', async () => {
    const f = await joined({
      'src/main/java/demo/UserController.java': lines(
        'package demo;',
        'import java.util.*;',
        'import javax.persistence.EntityManager;',
        'import org.springframework.jdbc.core.JdbcTemplate;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        'public class UserController {',
        '  private JdbcTemplate jdbcTemplate;',
        '  private EntityManager em;',
        '  @GetMapping("/users/first")',
        '  public Object first() {',
        '    return jdbcTemplate.queryForList("SELECT * FROM users ORDER BY created_at").get(0);', // 12
        '  }',
        '  @GetMapping("/users/oldest")',
        '  public Object oldest() {',
        '    return em.createNativeQuery("SELECT * FROM users ORDER BY created_at").getResultList().get(0);', // 16
        '  }',
        '  @GetMapping("/users/count")',
        '  public Object count() {',
        '    return jdbcTemplate.queryForObject("SELECT count(*) FROM users", Long.class);',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('unbounded-query')),
      [
        'unbounded-query src/main/java/demo/UserController.java:12:12 jdbcTemplate.queryForList → GET /users/first',
        'unbounded-query src/main/java/demo/UserController.java:16:12 em.createNativeQuery → GET /users/oldest',
      ],
    );
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

// Review counter-examples to PlayEdu's row loop over `resourceService.chunks(ids)`: a loop over what a chunking call
// returns is one over rows only where its variable's type is a class of the workspace that stands for one row, not a
// generic collection (`ArrayDeque<Long>`), a range of ids (`IdRange`), a class of a library, nor one that is iterable.
const FILE = 'src/main/java/com/x/SyncController.java';
const CONTROLLER = lines(
  'package com.x;',
  'import java.util.*;',
  'import org.springframework.jdbc.core.JdbcTemplate;',
  'import org.springframework.web.bind.annotation.*;',
  '@RestController',
  'public class SyncController {',
  '  private final JdbcTemplate jdbc;',
  '  public SyncController(JdbcTemplate jdbc) { this.jdbc = jdbc; }',
  '  @PostMapping("/sync")',
  '  public void sync(@RequestBody List<Long> ids) {',
  '    // Chunker.chunks returns List<ArrayDeque<Long>>: each turn is 500 ids',
  '    for (ArrayDeque<Long> group : Chunker.chunks(ids, 500)) {',
  '      jdbc.update("DELETE FROM t WHERE id IN (?)", group);',
  '    }',
  '    // IdRange: [from, to) of 1000 ids each',
  '    for (IdRange r : Chunker.chunks(ids, 1000)) {',
  '      jdbc.update("DELETE FROM u WHERE id >= ? AND id < ?", r.from, r.to);',
  '    }',
  '    for (Resource r : Chunker.chunks(ids, 100)) {',
  '      jdbc.update("DELETE FROM v WHERE id = ?", r.id);',
  '    }',
  '  }',
  '}',
);
const ID_RANGE = lines('package com.x;', 'public class IdRange {', '  public long from;', '  public long to;', '}');
const ENTITY = lines(
  'package com.x;',
  'import com.baomidou.mybatisplus.annotation.TableName;',
  'import lombok.Data;',
  '@TableName("resources")',
  '@Data',
  'public class Resource {',
  '  public Integer id;',
  '}',
);
const ITERABLE = lines('package com.x;', 'import java.util.*;', 'public class Resource implements Iterable<Long> {', '  public Integer id;', '  public Iterator<Long> iterator() { return null; }', '}');
const queries = (f: Awaited<ReturnType<typeof joined>>) => hazardRows(f).filter((r) => r.startsWith('query-in-loop'));

describe('Java: a loop over a chunking call is over rows only where its variable is a row class of the workspace', () => {
  it('a generic collection, a range of ids (also declared in the workspace), a class not in the workspace: no query-in-loop', async () => {
    assert.deepEqual(queries(await joined({ [FILE]: CONTROLLER })), []);
    assert.deepEqual(queries(await joined({ [FILE]: CONTROLLER, 'src/main/java/com/x/IdRange.java': ID_RANGE })), []);
  });

  it('an entity class of the workspace (MyBatis-Plus @TableName, PlayEdu): query-in-loop on its loop only', async () => {
    assert.deepEqual(queries(await joined({ [FILE]: CONTROLLER, 'src/main/java/com/x/IdRange.java': ID_RANGE, 'src/main/java/com/x/Resource.java': ENTITY })), [
      `query-in-loop ${FILE}:20:7 jdbc.update [for-each sequential] → POST /sync`,
    ]);
  });

  it('a workspace class that is iterable holds a batch: no query-in-loop', async () => {
    assert.deepEqual(queries(await joined({ [FILE]: CONTROLLER, 'src/main/java/com/x/Resource.java': ITERABLE })), []);
  });

  it('a record, an interface (a projection) or a class extending a base of nested type arguments stands for one row too (review of stop 67, RE-2): query-in-loop', async () => {
    const row = (decl: string) => lines('package com.x;', 'import java.util.*;', decl);
    const files = (decl: string) => ({ [FILE]: CONTROLLER, 'src/main/java/com/x/Resource.java': row(decl), 'src/main/java/com/x/BaseEntity.java': row('public abstract class BaseEntity<T> { public T meta; }') });
    for (const decl of ['public record Resource(Integer id) {}', 'public interface Resource { Integer getId(); }', 'public class Resource extends BaseEntity<Map<String, Object>> { public Integer id; }']) {
      assert.deepEqual(queries(await joined(files(decl))), [`query-in-loop ${FILE}:20:7 jdbc.update [for-each sequential] → POST /sync`], decl);
    }
    // …but not one whose base holds items, whatever its type arguments.
    assert.deepEqual(queries(await joined(files('public class Resource extends ArrayList<Map<String, Long>> { public Integer id; }'))), []);
  });
});


import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe("Hutool's Db and Session (Jpom's data layer): each call runs a statement", () => {
  it('a Db held or made in place: per item through a service, a findAll of a whole table, a Session in a loop', async () => {
    const f = await joined({
      'src/main/java/com/ex/NodeService.java': lines(
        'package com.ex;',
        'import cn.hutool.db.Db;',
        'import cn.hutool.db.Entity;',
        '@Service',
        'public class NodeService {',
        '  private final DataSource dataSource;',
        '  public Entity getByKey(String id) throws SQLException {',
        '    Db db = Db.use(dataSource);',
        '    return db.get(Entity.create("node").set("id", id));',
        '  }',
        '}',
      ),
      'src/main/java/com/ex/NodeController.java': lines(
        'package com.ex;',
        'import cn.hutool.db.Entity;',
        'import cn.hutool.db.Session;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        'public class NodeController {',
        '  private final NodeService nodeService;',
        '  private final DataSource ds;',
        '  @GetMapping("/nodes")',
        '  public List<Entity> nodes(@RequestParam List<String> ids) throws SQLException {',
        '    List<Entity> out = new ArrayList<>();',
        '    for (String id : ids) out.add(nodeService.getByKey(id));',
        '    return out;',
        '  }',
        '  @GetMapping("/nodes/all")',
        '  public List<Entity> all() throws SQLException {',
        '    return cn.hutool.db.Db.use().findAll("node");',
        '  }',
        '  @PostMapping("/nodes")',
        '  public void add(@RequestBody List<Entity> rows) throws SQLException {',
        '    Session session = Session.create(ds);',
        '    for (Entity row : rows) session.insert(row);',
        '  }',
        '}',
      ),
    });
    const file = 'src/main/java/com/ex/NodeController.java';
    assert.deepEqual(hazardRows(f), [
      `query-in-loop ${file}:12:35 nodeService.getByKey → db.get [for-each sequential] → GET /nodes`,
      `query-in-loop ${file}:22:29 session.insert [for-each sequential] → POST /nodes`,
      `unbounded-query ${file}:17:12 cn.hutool.db.Db.use.findAll → GET /nodes/all`,
    ]);
  });

  it('not a findAll given conditions or a page, nor a db or session of a file that does not use Hutool Db', async () => {
    const f = await joined({
      'src/main/java/com/ex/NodeController.java': lines(
        'package com.ex;',
        'import cn.hutool.db.Db;',
        'import cn.hutool.db.Entity;',
        'import cn.hutool.db.Page;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        'public class NodeController {',
        '  @GetMapping("/nodes/some")',
        '  public List<Entity> some(@RequestParam String group) throws SQLException {',
        '    Entity where = Entity.create("node").set("group_id", group);',
        '    List<Entity> mine = Db.use().findAll(where);',
        '    mine.addAll(Db.use().findAll(Entity.create("node").set("group_id", group)));',
        '    return Db.use().page(Entity.create("node"), new Page(0, 20)).getList();',
        '  }',
        '}',
      ),
      'src/main/java/com/ex/CacheController.java': lines(
        'package com.ex;',
        'import org.mapdb.DB;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        'public class CacheController {',
        '  private final KeyStore db;',
        '  @PostMapping("/cache")',
        '  public void put(@RequestBody List<String> keys, WebSocketSession session) {',
        '    for (String k : keys) { db.get(k); session.update(k); }',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), []);
  });
});

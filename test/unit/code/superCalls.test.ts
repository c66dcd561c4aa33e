import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

// An override that calls up to its base class (`super.list(request)`, `super().get(...)`): what runs is the base
// class's method, written in another file, and what it reaches is on the override's route.
describe('calls to the base class (super)', () => {
  it("TypeScript: an annotated controller's override calling super reaches the base controller's method and its use case", async () => {
    const f = await joined({
      'src/BaseSessionController.ts': lines(
        "import { ListSessions } from './ListSessions';",
        'export class BaseSessionController {',
        '  constructor(protected listSessions: ListSessions) {}',
        '  async list(request: Request) {',
        '    return this.listSessions.execute(request.params.id);',
        '  }',
        '}',
      ),
      'src/SessionController.ts': lines(
        "import { controller, httpGet } from 'inversify-express-utils';",
        "import { BaseSessionController } from './BaseSessionController';",
        "import { ListSessions } from './ListSessions';",
        "@controller('/session')",
        'export class SessionController extends BaseSessionController {',
        '  constructor(override listSessions: ListSessions) {',
        '    super(listSessions);',
        '  }',
        "  @httpGet('/')",
        '  override async list(request: Request) {',
        '    return super.list(request);',
        '  }',
        '}',
      ),
      'src/ListSessions.ts': lines(
        "import { Pool } from 'pg';",
        'const pool = new Pool();',
        'export class ListSessions {',
        '  async execute(owner: string) {',
        "    return pool.query('SELECT * FROM sessions WHERE owner = $1', [owner]);",
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query src/ListSessions.ts:5:12 pool.query → GET /session']);
  });

  it('Python: super().method() in a Flask view reaches the base class method, not the override itself', async () => {
    const f = await joined({
      'app/base.py': lines(
        'from app.db import db',
        '',
        'class BaseListView:',
        '    def items(self, owner):',
        '        return db.session.execute("SELECT * FROM items WHERE owner = :o", {"o": owner}).all()',
      ),
      'app/views.py': lines(
        'from flask import Flask',
        'from app.base import BaseListView',
        '',
        'app = Flask(__name__)',
        '',
        'class ItemsView(BaseListView):',
        '    def items(self, owner):',
        '        return super().items(owner)',
        '',
        '@app.route("/items")',
        'def list_items():',
        '    return ItemsView().items("me")',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query app/base.py:5:16 db.session.execute.all → GET /items']);
  });

  it('Java: super.find() reaches the base service; a class with no base in the workspace reaches nothing', async () => {
    const f = await joined({
      'src/main/java/demo/BaseService.java': lines(
        'package demo;',
        'public class BaseService {',
        '  protected JdbcTemplate jdbc;',
        '  public List<Map<String, Object>> find() {',
        '    return jdbc.queryForList("SELECT * FROM items");',
        '  }',
        '}',
      ),
      'src/main/java/demo/ItemService.java': lines(
        'package demo;',
        '@Service',
        'public class ItemService extends BaseService {',
        '  @Override',
        '  public List<Map<String, Object>> find() {',
        '    return super.find();',
        '  }',
        '}',
      ),
      'src/main/java/demo/ItemController.java': lines(
        'package demo;',
        '@RestController',
        'public class ItemController {',
        '  private final ItemService itemService;',
        '  public ItemController(ItemService itemService) { this.itemService = itemService; }',
        '  @GetMapping("/items")',
        '  public Object items() {',
        '    return itemService.find();',
        '  }',
        '  @GetMapping("/health")',
        '  public String health() {',
        '    return super.toString();',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query src/main/java/demo/BaseService.java:5:12 jdbc.queryForList → GET /items']);
  });
});

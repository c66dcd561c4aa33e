import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { declaredTypes } from '../../../src/core/code/declaredTypes';
import { grammars, hazardRows, joined, lines } from './fixtureWorkspace';

describe('calls through instances: what a variable or field holds (declaredTypes)', () => {
  describe('names and the classes they hold, per language', () => {
    it('TypeScript: new, constructor parameter properties, typed fields; the first declaration wins', () => {
      const text = lines(
        'const repo = new OrderRepo();',
        'let cache: Cache<string, Order> = new LruCache<string, Order>(100);',
        'export class OrderService {',
        '  private readonly clients = new Map<string, Client>();',
        '  #audit = new AuditLog();',
        '  constructor(private readonly store: OrderStore, public pricing: PricingClient) {}',
        '  private repo: OtherRepo;',
        '}',
        "const label = { kind: 'new Thing' };",
      );
      assert.deepEqual([...declaredTypes(text, 'js')], [
        ['repo', 'OrderRepo'],
        ['cache', 'LruCache'],
        ['clients', 'Map'],
        ['audit', 'AuditLog'],
        ['store', 'OrderStore'],
        ['pricing', 'PricingClient'],
        // An object literal (not the `new Thing` in its string): the language's own Object.
        ['label', 'Object'],
      ]);
    });

    it("TypeScript: a dependency-injection container's instance (typedi's Container.get, tsyringe's container.resolve)", () => {
      const text = lines(
        "import { Container } from 'typedi';",
        'export class UserController {',
        '  public user = Container.get(UserService);',
        '  private readonly audit = Container.get<AuditLog>(AUDIT_TOKEN);',
        '}',
        'const repo = container.resolve(OrderRepo);',
        "const config = Container.get('config');",
      );
      assert.deepEqual([...declaredTypes(text, 'js')], [
        ['user', 'UserService'],
        ['audit', 'AuditLog'],
        ['repo', 'OrderRepo'],
      ]);
    });

    it('Python: module and self assignments of a class call, annotations', () => {
      const text = lines(
        'service = OrderService()',
        'class OrderService:',
        '    def __init__(self, store: OrderStore, limit: int = 10):',
        '        self.store = store',
        '        self.pricing = PricingClient(timeout=2)',
        'def handler(repo: Repo = Depends(get_repo), items: List[str] = []):',
        '    total = sum(items)',
        '',
        'async def list_articles(',
        '    articles_repo: ArticlesRepository = Depends(get_repository(ArticlesRepository)),',
        '):',
        '    return await articles_repo.filter_articles()',
      );
      // Annotations first: a FastAPI parameter on a line of its own is its annotation's class, not Depends.
      assert.deepEqual(new Map(declaredTypes(text, 'python')), new Map([
        ['service', 'OrderService'],
        ['pricing', 'PricingClient'],
        ['store', 'OrderStore'],
        ['repo', 'Repo'],
        ['articles_repo', 'ArticlesRepository'],
      ]));
    });

    it('Java: fields, constructor parameters and locals with their declared type', () => {
      const text = lines(
        'public class OrderController {',
        '  private final OrderService svc;',
        '  private final Map<String, Order> byId = new HashMap<>();',
        '  public OrderController(OrderService svc, PricingClient pricing) { this.svc = svc; }',
        '}',
      );
      assert.deepEqual([...declaredTypes(text, 'java')], [
        ['svc', 'OrderService'],
        ['byId', 'Map'],
        ['pricing', 'PricingClient'],
      ]);
    });

    it('Go: struct fields, pointer or not, with tags, also of a struct written on one line', () => {
      const text = lines('type Server struct {', '\tstore *pgStore', '\tlog   Logger `json:"-"`', '}', 'type server struct{ q *db.Queries }', 'type pair struct { a A; b *pkg.B }');
      assert.deepEqual([...declaredTypes(text, 'go')], [
        ['store', 'pgStore'],
        ['log', 'Logger'],
        ['q', 'db.Queries'],
        ['a', 'A'],
        ['b', 'pkg.B'],
      ]);
    });
  });

  describe('the join follows them: handler → service → repository', () => {
    it('TypeScript: a module-level instance and a constructor-injected store, across three files', async () => {
      const f = await joined({
        'src/routes.ts': lines(
          "import express from 'express';",
          "import { OrderService } from './orderService';",
          'const app = express();',
          'const orders = new OrderService();',
          "app.get('/orders', async (req, res) => {",
          '  const out = [];',
          '  for (const id of req.body.ids) {',
          '    out.push(await orders.load(id));',
          '  }',
          '  res.json(out);',
          '});',
        ),
        'src/orderService.ts': lines(
          "import { OrderStore } from './orderStore';",
          'export class OrderService {',
          '  constructor(private readonly store: OrderStore) {}',
          '  async load(id: string) {',
          '    return this.store.byId(id);',
          '  }',
          '}',
        ),
        'src/orderStore.ts': lines(
          "import { pool } from './db';",
          'export class OrderStore {',
          '  async byId(id: string) {',
          "    const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1', [id]);",
          '    return rows[0];',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop src/routes.ts:8:20 orders.load → byId → pool.query [for…of sequential] → GET /orders']);
    });

    it('Python: a module-level service holding its store in self', async () => {
      const f = await joined({
        'app/main.py': lines(
          'from fastapi import FastAPI',
          'from app.service import OrderService',
          'app = FastAPI()',
          'service = OrderService()',
          '',
          '@app.get("/orders")',
          'def list_orders(ids: str):',
          '    return [service.load(i) for i in ids.split(",")]',
        ),
        'app/service.py': lines(
          'from app.store import OrderStore',
          '',
          'class OrderService:',
          '    def __init__(self):',
          '        self.store = OrderStore()',
          '',
          '    def load(self, order_id):',
          '        return self.store.by_id(order_id)',
        ),
        'app/store.py': lines(
          'class OrderStore:',
          '    def by_id(self, order_id):',
          '        cur = self.conn.cursor()',
          '        cur.execute("SELECT * FROM orders WHERE id = %s", (order_id,))',
          '        return cur.fetchone()',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop app/main.py:8:13 service.load → by_id → cur.execute [comprehension sequential] → GET /orders']);
    });

    it('Java: a constructor-injected service whose field name says nothing of its type', async () => {
      const f = await joined({
        'src/main/java/shop/OrderController.java': lines(
          'package shop;',
          'import org.springframework.web.bind.annotation.*;',
          '@RestController',
          '@RequestMapping("/orders")',
          'public class OrderController {',
          '  private final OrderService svc;',
          '  public OrderController(OrderService svc) { this.svc = svc; }',
          '  @GetMapping',
          '  public List<Order> all(@RequestParam List<String> ids) {',
          '    List<Order> out = new ArrayList<>();',
          '    for (String id : ids) {',
          '      out.add(svc.load(id));',
          '    }',
          '    return out;',
          '  }',
          '}',
        ),
        'src/main/java/shop/OrderService.java': lines(
          'package shop;',
          'public class OrderService {',
          '  private final JdbcTemplate jdbc;',
          '  public OrderService(JdbcTemplate jdbc) { this.jdbc = jdbc; }',
          '  public Order load(String id) {',
          '    return jdbc.queryForObject("SELECT * FROM orders WHERE id = ?", mapper, id);',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop src/main/java/shop/OrderController.java:12:15 svc.load → jdbc.queryForObject [for-each sequential] → GET /orders']);
    });

    it('Go: a method called through a struct field, in another file of the package', async () => {
      const f = await joined({
        'cmd/server/main.go': lines(
          'package main',
          '',
          'import "net/http"',
          '',
          'type Server struct {',
          '\tstore *pgStore',
          '}',
          '',
          'func (s *Server) orders(w http.ResponseWriter, r *http.Request) {',
          '\tfor _, id := range r.URL.Query()["id"] {',
          '\t\ts.store.Find(id)',
          '\t}',
          '}',
          '',
          'func main() {',
          '\ts := &Server{}',
          '\thttp.HandleFunc("/orders", s.orders)',
          '\thttp.ListenAndServe(":8080", nil)',
          '}',
        ),
        'cmd/server/store.go': lines(
          'package main',
          '',
          'import "database/sql"',
          '',
          'type pgStore struct {',
          '\tdb *sql.DB',
          '}',
          '',
          'func (p *pgStore) Find(id string) {',
          '\tp.db.Query("SELECT * FROM orders WHERE id = $1", id)',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop cmd/server/main.go:11:3 s.store.Find → p.db.Query [for sequential] → ANY /orders']);
    });

    it('TypeScript: what the file declares wins over a guess from the name', async () => {
      // `orderStore` would be guessed as OrderStore (whose byId queries); it holds a CachedStore (whose byId does not).
      const f = await joined({
        'src/routes.ts': lines(
          "import express from 'express';",
          "import { CachedStore } from './cachedStore';",
          'const app = express();',
          'const orderStore = new CachedStore();',
          "app.get('/orders', async (req, res) => {",
          '  for (const id of req.body.ids) await orderStore.byId(id);',
          '  res.end();',
          '});',
        ),
        'src/cachedStore.ts': lines('export class CachedStore {', '  private readonly rows = new Map<string, unknown>();', '  async byId(id: string) {', '    return this.rows.get(id);', '  }', '}'),
        'src/orderStore.ts': lines(
          "import { pool } from './db';",
          'export class OrderStore {',
          '  async byId(id: string) {',
          "    return pool.query('SELECT * FROM orders WHERE id = $1', [id]);",
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), []);
    });
  });
  describe('the catalogue reads a call by the class its holder is declared with', () => {
    it('Java: a Spring Data repository in a field named for what it holds (owners: OwnerRepository)', async () => {
      const f = await joined({
        'src/main/java/petclinic/OwnerController.java': lines(
          'package petclinic;',
          '@RestController',
          'class OwnerController {',
          '  private final OwnerRepository owners;',
          '  OwnerController(OwnerRepository owners) { this.owners = owners; }',
          '  @GetMapping("/owners")',
          '  List<Owner> list() {',
          '    return this.owners.findAll();',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['unbounded-query src/main/java/petclinic/OwnerController.java:8:12 this.owners.findAll → GET /owners']);
    });

    it('TypeScript: an injected TypeORM Repository<Order>, in a loop; a cache with a find() of its own is not a query', async () => {
      const f = await joined({
        'src/orders.controller.ts': lines(
          "import { Controller, Get, Query } from '@nestjs/common';",
          "import { Repository } from 'typeorm';",
          "import { LruCache } from './lru';",
          "@Controller('orders')",
          'export class OrdersController {',
          '  private readonly cache = new LruCache();',
          '  constructor(@InjectRepository(Order) private readonly orders: Repository<Order>) {}',
          "  @Get('by-ids')",
          "  async byIds(@Query('ids') ids: string[]) {",
          '    const out = [];',
          '    for (const id of ids) {',
          '      out.push(this.cache.find(id) ?? (await this.orders.findOneBy({ id })));',
          '    }',
          '    return out;',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop src/orders.controller.ts:12:46 this.orders.findOneBy [for…of sequential] → GET /orders/by-ids']);
    });
    it('Go: `s.db.Query()` on the method receiver reads as `this.db.Query()`; a gRPC client on the receiver keeps its own reading', async () => {
      const f = await joined({
        'main.go': lines(
          'package main',
          '',
          'import "net/http"',
          '',
          'func (s *server) orders(w http.ResponseWriter, r *http.Request) {',
          '\tfor _, id := range r.URL.Query()["id"] {',
          '\t\ts.db.QueryRow("SELECT total FROM orders WHERE id = $1", id)',
          '\t\ts.catalogSvcClient.GetProduct(r.Context(), id)',
          '\t}',
          '}',
          '',
          'func main() {',
          '\ts := &server{}',
          '\thttp.HandleFunc("/orders", s.orders)',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'call-in-loop main.go:8:3 s.catalogSvcClient.GetProduct [for sequential] → ANY /orders',
        'query-in-loop main.go:7:3 s.db.QueryRow [for sequential] → ANY /orders',
      ]);
    });
    it('an edit that changes what a holder is declared as re-reads its calls in the statements the edit did not touch', async () => {
      const index = new CodeIndex(grammars);
      const route = ["app.get('/orders', async (req, res) => {", '  for (const id of req.body.ids) await orders.findOneBy({ id });', '  res.end();', '});'];
      const file = (declaration: string) => lines("import express from 'express';", 'const app = express();', declaration, ...route);
      const rows = async (declaration: string) => {
        await index.analyzeEdit('src/app.ts', file(declaration));
        return hazardRows(new Map(index.link().map((a) => [a.file, a])));
      };
      assert.deepEqual(await rows('const orders = new LruCache();'), []);
      assert.deepEqual(await rows('const orders = new OrderRepository();'), ['query-in-loop src/app.ts:5:40 orders.findOneBy [for…of sequential] → GET /orders']);
      assert.deepEqual(await rows('const orders = new LruCache();'), []);
    });
  });
});

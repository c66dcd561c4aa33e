import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import type { FileAnalysis } from '../../../src/core/code/codeModel';
import { JAVASCRIPT } from '../../../src/core/code/languages/javascript';
import { field } from '../../../src/core/code/languages/languageSpec';
import { analyzed, grammars, hazardRows, joined, lines, loopHazards, summary } from './fixtureWorkspace';

const SHOP = join(__dirname, '../../../examples/shop');

describe('code analysis: TypeScript / JavaScript (tree-sitter)', function () {
  this.timeout(10_000);
  let index: CodeIndex;
  const analyze = (file: string, text: string): Promise<FileAnalysis> => analyzed(index, file, text);
  const shop = (file: string) => analyze(file, readFileSync(join(SHOP, file), 'utf8'));

  before(() => {
    index = new CodeIndex(grammars);
  });

  describe('the example shop (orders service, Express)', () => {
    it('orders.ts: routes with method, path and 0-based declaration line', async () => {
      const a = await shop('services/orders/src/routes/orders.ts');
      assert.equal(a.language, 'typescript');
      assert.deepEqual(
        a.routes.map((r) => [r.method, r.path, r.declaration.start.line, r.declaration.start.character, r.framework]),
        [
          ['GET', '/orders', 15, 0, 'express'],
          ['GET', '/orders/:id', 30, 0, 'express'],
          ['POST', '/orders', 39, 0, 'express'],
        ],
      );
      // The handler is the arrow function: from `async (req, res) =>` to its closing brace.
      assert.deepEqual(
        a.routes.map((r) => [r.handler.start.line, r.handler.end.line]),
        [
          [15, 28],
          [30, 37],
          [39, 54],
        ],
      );
    });

    it('orders.ts: a sequential query-in-loop on GET /orders and a parallel call-in-loop on POST /orders', async () => {
      const a = await shop('services/orders/src/routes/orders.ts');
      assert.deepEqual(a.hazards.map(summary), [
        ['query-in-loop', 22, 34, 'pool.query', 'for…of', 'sequential', ['GET /orders']],
        ['call-in-loop', 44, 6, 'fetch', '.map()', 'parallel', ['POST /orders']],
      ]);
      assert.equal(a.hazards[0].loop?.range.start.line, 21);
    });

    it('admin.ts: a query-in-loop through the same-file helper totalsFor, on GET /admin/reports/daily', async () => {
      const a = await shop('services/orders/src/routes/admin.ts');
      assert.deepEqual(
        a.routes.map((r) => [r.method, r.path, r.declaration.start.line]),
        [['GET', '/admin/reports/daily', 6]],
      );
      assert.deepEqual(loopHazards(a).map(summary), [
        ['query-in-loop', 10, 22, 'totalsFor → pool.query', 'for…of', 'sequential', ['GET /admin/reports/daily']],
      ]);
    });

    it('server.ts: one route and no hazards', async () => {
      const a = await shop('services/orders/src/server.ts');
      assert.deepEqual(
        a.routes.map((r) => [r.method, r.path, r.declaration.start.line]),
        [['GET', '/healthz', 9]],
      );
      assert.deepEqual(a.hazards, []);
    });

    it('a test file (*.test.ts) with the same code has no hazards and serves no routes', async () => {
      const text = readFileSync(join(SHOP, 'services/orders/src/routes/orders.ts'), 'utf8');
      for (const file of ['services/orders/src/routes/orders.test.ts', 'services/orders/src/routes/orders.spec.ts', 'services/orders/__tests__/orders.ts']) {
        const a = await analyze(file, text);
        assert.deepEqual(a.routes, [], file);
        assert.deepEqual(a.hazards, [], file);
      }
      // The same text under its real name does serve them: the file's name is what differs.
      assert.equal((await analyze('services/orders/src/routes/orders.ts', text)).routes.length, 3);
    });
  });

  describe('route registrations', () => {
    it('a route whose handler lives in another module (imported function, controller method) is still a route', async () => {
      const a = await analyze(
        'src/routes.ts',
        lines(
          "import { listOrders } from './controllers/orders';", // 0
          "import * as orders from './controllers/orders';",
          "router.get('/orders', listOrders);", // 2
          "router.get('/orders/:id', auth, orders.show);", // 3
          "router.post('/orders', async (req, res) => { res.end(); });", // 4
        ),
      );
      assert.deepEqual(
        a.routes.map((r) => [r.method, r.path, r.declaration.start.line]),
        [
          ['GET', '/orders', 2],
          ['GET', '/orders/:id', 3],
          ['POST', '/orders', 4],
        ],
      );
    });

    it('a same-file named handler, a function expression, and app.all (ANY)', async () => {
      const a = await analyze(
        'src/app.js',
        lines(
          'async function health(req, res) { res.send("ok"); }', // 0
          "app.get('/healthz', health);", // 1
          "app.put('/items/:id', function (req, res) { res.end(); });", // 2
          "app.all('/proxy/*', (req, res) => res.end());", // 3
          "cache.get('/not-a-route');", // 4: one argument
          "app.get('relative', (req, res) => res.end());", // 5: not a path
        ),
      );
      assert.equal(a.language, 'javascript');
      assert.deepEqual(
        a.routes.map((r) => [r.method, r.path, r.declaration.start.line, r.handler.start.line]),
        [
          ['GET', '/healthz', 1, 0],
          ['PUT', '/items/:id', 2, 2],
          ['ANY', '/proxy/*', 3, 3],
        ],
      );
    });
  });

  describe('what runs once is not a loop hazard', () => {
    const text = lines(
      "app.get('/a', async (req, res) => {", // 0
      "  const rows = await db.query('SELECT 1');", // 1: outside any loop
      "  for (const id of ['a', 'b']) {", // 2: a 2-element literal
      "    await db.query('SELECT 2', [id]);",
      '  }',
      "  for (const row of await db.query('SELECT 3')) {", // 5: the iterable runs once
      '    console.log(row);',
      '  }',
      "  // for (const x of xs) { await db.query('SELECT 4'); }", // 8: a comment
      "  const sql = \"for (const x of xs) { db.query('SELECT 5') }\";", // 9: a string
      "  const tpl = `for (const x of xs) { db.query('SELECT 6') }`;", // 10: a template string
      "  ['x', 'y'].forEach((k) => db.query(k));", // 11: callback over a 2-element literal
      '  for (const id of ids) {', // 12: the control case: a real loop
      "    await db.query('SELECT 7', [id]);", // 13
      '  }',
      '  res.json(rows);',
      '});',
    );

    it('only the real loop (line 13) is flagged', async () => {
      const a = await analyze('src/a.ts', text);
      assert.deepEqual(
        a.routes.map((r) => [r.method, r.path, r.declaration.start.line]),
        [['GET', '/a', 0]],
      );
      assert.deepEqual(a.hazards.map(summary), [['query-in-loop', 13, 10, 'db.query', 'for…of', 'sequential', ['GET /a']]]);
    });

    it('the same call with no loop at all gives no hazard', async () => {
      const a = await analyze('src/b.ts', lines('export async function one(db: any) {', "  return db.query('SELECT 1');", '}'));
      assert.deepEqual(a.hazards, []);
    });
  });

  describe('loop modes', () => {
    it('Promise.all(items.map(async …)) is parallel; forEach with a plain callback is sequential', async () => {
      const a = await analyze(
        'src/c.ts',
        lines(
          'export async function f(items: string[], db: any) {', // 0
          '  await Promise.all(items.map(async (i) => db.query(i)));', // 1
          '  items.forEach((i) => db.query(i));', // 2
          '  await Promise.all(items.map((i) => fetch(i)));', // 3: not async itself, but wrapped
          '  while (items.length) { await axios.get(items.pop()!); }', // 4
          '}',
        ),
      );
      assert.deepEqual(loopHazards(a).map(summary), [
        ['query-in-loop', 1, 43, 'db.query', '.map()', 'parallel', []],
        ['query-in-loop', 2, 23, 'db.query', '.forEach()', 'sequential', []],
        ['call-in-loop', 3, 37, 'fetch', '.map()', 'parallel', []],
        ['call-in-loop', 4, 31, 'axios.get', 'while', 'sequential', []],
      ]);
    });

    it('a map kept in a variable and handed to Promise.allSettled is parallel; a reduce whose callback awaits the previous one is sequential', async () => {
      const a = await analyze(
        'src/e.ts',
        lines(
          'export async function revokeAll(tokens: Token[]) {', // 0
          '  const tasks = tokens.filter((t) => t.live).map((t) => revoke(t.kind, t));', // 1
          '  await Promise.allSettled(tasks);', // 2
          '  const checks = tokens.map((t) => fetch(t.url));', // 3: kept, but never awaited together
          '  await files.reduce(async (previous, file) => {', // 4
          '    await previous;', // 5
          '    await db.collection.countDocuments({ hash: file.hash });', // 6
          '  }, Promise.resolve());', // 7
          '  return checks;', // 8
          '}',
          'async function revoke(kind: string, t: Token) {',
          '  await axios.post(`https://${kind}/revoke`, t);',
          '}',
        ),
      );
      assert.deepEqual(loopHazards(a).map(summary), [
        ['call-in-loop', 1, 56, 'revoke → axios.post', '.map()', 'parallel', []],
        ['call-in-loop', 3, 35, 'fetch', '.map()', 'sequential', []],
        ['query-in-loop', 6, 10, 'db.collection.countDocuments', '.reduce()', 'sequential', []],
      ]);
    });

    it("maps kept in variables and spread into Promise.all's list, also as its second element, are parallel (Unleash's clone: Promise.all([...strategyTasks, ...variantTasks]))", async () => {
      const a = await analyze(
        'src/clone.ts',
        lines(
          'export async function clone(strategies: S[], variants: V[]) {', // 0
          '  const strategyTasks = strategies.map((s) => db.query("INSERT INTO s VALUES ($1)", [s.id]));', // 1
          '  const variantTasks = variants.map((v) => db.query("INSERT INTO v VALUES ($1)", [v.id]));', // 2
          '  await Promise.all([...strategyTasks, ...variantTasks]);', // 3
          '  const later = variants.map((v) => db.query("DELETE FROM v WHERE id = $1", [v.id]));', // 4: never awaited together
          '  await Promise.all([one(), notify(later.length)]);',
          '  return later;',
          '}',
        ),
      );
      assert.deepEqual(loopHazards(a).map(summary), [
        ['query-in-loop', 1, 46, 'db.query', '.map()', 'parallel', []],
        ['query-in-loop', 2, 43, 'db.query', '.map()', 'parallel', []],
        ['query-in-loop', 4, 36, 'db.query', '.map()', 'sequential', []],
      ]);
    });

    it('a call pushed onto a list in a loop, then handed to Promise.all, is parallel (also a then() callback); pushed onto a list never waited for together, sequential', async () => {
      // The shapes of ghostfolio's benchmark and data-provider services.
      const a = await analyze(
        'src/rates.ts',
        lines(
          'export async function rates(days: string[], items: Item[]) {', // 0
          '  const promises: Promise<unknown>[] = [];', // 1
          '  for (const day of days) {', // 2
          '    promises.push(prisma.marketData.findFirst({ where: { day } }));', // 3
          '    promises.push(load(day).then(async (r) => { await prisma.marketData.updateMany({ where: { day }, data: r }); }));', // 4
          '  }', // 5
          '  const results = await Promise.all(promises);', // 6
          '  const kept = [];', // 7
          '  for (const item of items) {', // 8
          '    kept.push(await prisma.item.findFirst({ where: { name: item.name } }));', // 9
          '  }', // 10
          '  return [results, kept];', // 11
          '}',
        ),
      );
      assert.deepEqual(loopHazards(a).map(summary), [
        ['query-in-loop', 3, 18, 'prisma.marketData.findFirst', 'for…of', 'parallel', []],
        ['query-in-loop', 4, 54, 'prisma.marketData.updateMany', 'for…of', 'parallel', []],
        ['query-in-loop', 9, 20, 'prisma.item.findFirst', 'for…of', 'sequential', []],
      ]);
    });

    it("Bluebird's Promise.map and Promise.filter run their callbacks concurrently, its Promise.each and Promise.mapSeries one after another; lodash's _.each is a loop too", async () => {
      // The shapes of hapi_app's workflow worker (`Promise.map(workflowIds, (id) => repo.findOneWithData(id))`).
      const a = await analyze(
        'src/worker.js',
        lines(
          "const Promise = require('bluebird');", // 0
          'function run(ids, db) {', // 1
          '  Promise.map(ids, (id) => db.query(id));', // 2
          '  Promise.filter(ids, (id) => db.query(id));', // 3
          '  Promise.each(ids, async (id) => db.query(id));', // 4
          '  Promise.mapSeries(ids, async (id) => db.query(id));', // 5
          '  _.each(ids, (id) => db.query(id));', // 6
          '  return Promise.resolve(ids).then((all) => db.query(all));', // 7: once
          '}',
          // growthbook's: imported under another name, and its reduce, which waits for each callback in turn.
          'async function hooks(ids, db) {', // 9
          '  await BluebirdPromise.each(ids, async (id) => db.query(id));', // 10
          '  await BluebirdPromise.reduce(ids, async (acc, id) => [...acc, await db.query(id)], []);', // 11
          '  await BluebirdPromise.map(ids, async (id) => db.query(id));', // 12
          '}',
        ),
      );
      assert.deepEqual(loopHazards(a).map(summary), [
        ['query-in-loop', 2, 27, 'db.query', '.map()', 'parallel', []],
        ['query-in-loop', 3, 30, 'db.query', '.filter()', 'parallel', []],
        ['query-in-loop', 4, 34, 'db.query', '.each()', 'sequential', []],
        ['query-in-loop', 5, 39, 'db.query', '.mapSeries()', 'sequential', []],
        ['query-in-loop', 6, 22, 'db.query', '.each()', 'sequential', []],
        ['query-in-loop', 10, 48, 'db.query', '.each()', 'sequential', []],
        ['query-in-loop', 11, 70, 'db.query', '.reduce()', 'sequential', []],
        ['query-in-loop', 12, 47, 'db.query', '.map()', 'parallel', []],
      ]);
    });

    it('Prisma and ORM chains are queries', async () => {
      const a = await analyze(
        'src/d.ts',
        lines('export async function g(ids: string[]) {', '  for (const id of ids) {', '    await prisma.order.findMany({ where: { id } });', '  }', '}'),
      );
      assert.deepEqual(loopHazards(a).map(summary), [['query-in-loop', 2, 10, 'prisma.order.findMany', 'for…of', 'sequential', []]]);
    });
  });

  describe('what is not the client it is named like', () => {
    it("a variable named got (postiz's `got: string | string[]`) is not the got package where the module does not load it; Sentry.metrics.count is no ORM query", async () => {
      const a = await analyze(
        'src/social.abstract.ts',
        lines(
          'export function hasScope(got: string | string[], wanted: string[]) {',
          '  for (const w of wanted) {',
          '    if (!got.includes(w)) return false;',
          "    Sentry.metrics.count('scope_checked', 1);",
          '  }',
          '  return true;',
          '}',
        ),
      );
      assert.deepEqual(a.hazards, []);
      const b = await analyze('src/fetcher.ts', lines("import got from 'got';", 'export async function load(url: string) {', '  return got.get(url).json();', '}'));
      assert.deepEqual(
        b.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [['missing-timeout', 2, 'got.get']],
      );
    });

    it("a class's own fetch() method is not the global fetch; a SELECT bounded by the list it is given has no LIMIT to miss", async () => {
      const a = await analyze(
        'src/account.ts',
        lines(
          'export class AccountService {',
          '  identity() {',
          '    return this.fetch().pipe(shareReplay(1));',
          '  }',
          '  private fetch() {',
          "    return this.http.get('/api/account');",
          '  }',
          '  async byIds(ids: string[], skus: string[]) {',
          "    await pool.query('SELECT * FROM accounts WHERE id = ANY($1)', [ids]);",
          "    await pool.query('SELECT * FROM items WHERE sku IN (?)', [skus]);",
          "    await pool.query('SELECT * FROM items WHERE active = true', []);",
          "    return fetch('http://audit/x').then((r) => r.json());",
          '  }',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [
          ['unbounded-query', 10, 'pool.query'],
          ['missing-timeout', 11, 'fetch.then'],
        ],
      );
    });

    it("a function the file declares under a client's name is the file's (htmlparser2's FeedHandler: function fetch(what, where)); where it only wraps one, what it calls is found", async () => {
      const a = await analyze(
        'src/feed.js',
        lines(
          'function fetch(what, where) {',
          '  return where.find((e) => e.name === what);',
          '}',
          'export function parse(childs) {',
          "  const updated = fetch('updated', childs);", // 4
          '  return updated;',
          '}',
        ),
      );
      assert.deepEqual(a.hazards, []);
      const b = await analyze(
        'src/client.js',
        lines(
          "import axios from 'axios';",
          'async function fetch(url) {',
          '  return axios.get(url);', // 2: the client it wraps
          '}',
          'export const load = () => fetch(\'http://x/y\');',
        ),
      );
      assert.deepEqual(b.hazards.map((h) => [h.code, h.range.start.line, h.callee]), [['missing-timeout', 2, 'axios.get']]);
    });

    it("a store or cache a class holds is not the model's query: DistributedTransaction.keyValueStore.save per step is no query in a loop (medusa); User.findOne per id is", async () => {
      const a = await analyze(
        'src/orchestrator.ts',
        lines(
          'export async function checkpoint(steps: Step[], ids: string[]) {',
          '  for (const step of steps) await DistributedTransaction.keyValueStore.save(step.key, step);',
          '  for (const id of ids) await User.findOne({ where: { id } });', // 2
          '}',
        ),
      );
      assert.deepEqual(a.hazards.map((h) => [h.code, h.range.start.line, h.callee]), [['query-in-loop', 2, 'User.findOne']]);
    });

    it("axios given an AbortSignal a timer aborts has a limit, as fetch does (maxun's LLM calls); node-fetch's fetch is said to wait for ever", async () => {
      const a = await analyze(
        'src/llm.ts',
        lines(
          "import axios from 'axios';",
          'export async function call(url: string, body: unknown) {',
          '  const controller = new AbortController();',
          '  setTimeout(() => controller.abort(), 120000);',
          '  await axios.post(url, body, { headers: {}, signal: controller.signal as any });', // 4: a limit
          '  await axios.post(url, body, { signal: AbortSignal.timeout(5000) });', // 5: a limit
          '  return axios.post(url, body, { headers: {} });', // 6: none
          '}',
        ),
      );
      assert.deepEqual(a.hazards.map((h) => [h.code, h.range.start.line, h.callee]), [['missing-timeout', 6, 'axios.post']]);
      const b = await analyze('src/mcp-worker.ts', lines("import fetch from 'node-fetch';", 'export const ping = (url: string) => fetch(url);'));
      assert.deepEqual(b.hazards.map((h) => [h.code, h.range.start.line, /: (.*?)\. Set one/.exec(h.explanation)?.[1]]), [
        ['missing-timeout', 1, 'node-fetch waits for ever by default, unless given an AbortSignal or a timeout'],
      ]);
    });

    it('a retry loop whose attempts each ask something else (the next free name) is no retry of one request; one that sends the same request again is', async () => {
      // The shape of formbricks' workflow copy: `createCopy(buildCopyName(source.name, attempt))` until a name is free.
      const a = await analyze(
        'src/copy.ts',
        lines(
          'export async function copy(name: string, db: any) {',
          '  for (let attempt = 1; attempt <= 3; attempt++) {',
          "    try { return await db.query('INSERT INTO t (name) VALUES ($1)', [copyName(name, attempt)]); } catch (e) { continue; }",
          '  }',
          '  for (let attempt = 1; attempt <= 3; attempt++) {', // 4: the same request again, the attempt only logged
          "    try { return await fetch('http://x/y'); } catch (e) { console.log('attempt', attempt); }",
          '  }',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.filter((h) => h.code === 'retry-without-backoff').map((h) => [h.range.start.line, h.callee]),
        [[4, 'fetch']],
      );
    });

    it("a retry that waits through the project's own pause (postiz's `await timer(10000)`) backs off", async () => {
      const a = await analyze(
        'src/veo3.ts',
        lines(
          'export async function poll(id: string) {',
          '  for (let attempt = 0; attempt < 30; attempt++) {',
          "    try { return await fetch('http://video/' + id, { signal: AbortSignal.timeout(5000) }); } catch (e) { await timer(10000); }",
          '  }',
          '  for (let attempt = 0; attempt < 30; attempt++) {',
          "    try { return await fetch('http://video/' + id, { signal: AbortSignal.timeout(5000) }); } catch (e) { console.log(e); }",
          '  }',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.filter((h) => h.code === 'retry-without-backoff').map((h) => [h.range.start.line, h.callee]),
        [[4, 'fetch']],
      );
    });

    it('a fetch raced against a timer (Promise.race with setTimeout, or a timeout helper) has its timeout; raced against another fetch it has none', async () => {
      // The shape of documenso's local job client (jobs/client/local.ts).
      const a = await analyze(
        'src/jobs.ts',
        lines(
          'export async function submit(endpoint: string, other: string) {',
          '  await Promise.race([',
          "    fetch(endpoint, { method: 'POST' }).catch(() => null),",
          '    new Promise((resolve) => {',
          '      setTimeout(resolve, 150);',
          '    }),',
          '  ]);',
          '  await Promise.race([fetch(other), timeout(5000)]);',
          '  return Promise.race([fetch(endpoint), fetch(other)]);', // 8: neither bounded
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [
          ['missing-timeout', 8, 'fetch'],
          ['missing-timeout', 8, 'fetch'],
        ],
      );
    });

    it("a fetch of a path on the page's own origin is the browser's (Node rejects a relative URL): no timeout to report, but its loop is still N requests to the service; one of a URL still lacks a timeout", async () => {
      // The shape of formbricks' client helpers (v3-surveys-client.ts) kept beside its server code.
      const a = await analyze(
        'src/lib/surveys-client.ts',
        lines(
          'export async function remove(surveyId: string, ids: string[]) {',
          '  await fetch(`/api/v3/surveys/${surveyId}`, { method: "DELETE" });',
          "  await fetch('/api/v3/surveys/generate', { method: 'POST' });",
          '  for (const id of ids) await fetch(`/api/v3/tags/${id}`);',
          '  for (const id of ids) await fetch(`${process.env.API_URL}/tags/${id}`, { signal: AbortSignal.timeout(1000) });',
          "  return fetch('https://api.brevo.com/v3/contacts');",
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [
          ['call-in-loop', 3, 'fetch'],
          ['call-in-loop', 4, 'fetch'],
          ['missing-timeout', 5, 'fetch'],
        ],
      );
    });

    it("an axios instance made with a base URL relative to the page (teable's SDK, baseURL: '/api') is the browser's: no timeout to report for it or its calls; one made with a URL still lacks one", async () => {
      const sdk = await analyze(
        'packages/openapi/src/axios.ts',
        lines(
          "import axiosInstance from 'axios';",
          "const axios = axiosInstance.create({ baseURL: '/api' });",
          'export const getRecord = (id: string) => axios.get(`/records/${id}`);',
          "export const listRecords = () => axios.get('/records');",
        ),
      );
      assert.deepEqual(sdk.hazards, []);
      const server = await analyze(
        'src/clients.ts',
        lines(
          "import axios from 'axios';",
          "const page = axios.create({ baseURL: '/api' });",
          "const remote = axios.create({ baseURL: 'https://api.example.com' });",
          "const cdn = axios.create({ baseURL: '//cdn.example.com' });",
          'export const getRecord = (id: string) => axios.get(`https://api.example.com/records/${id}`);',
        ),
      );
      assert.deepEqual(
        server.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [
          ['missing-timeout', 2, 'axios.create'],
          ['missing-timeout', 3, 'axios.create'],
          ['missing-timeout', 4, 'axios.get'],
        ],
      );
    });

    it("a client the project's own module makes and exports by name, imported under a package's name (reactive-resume's `import { axios } from './libs/axios'`), is judged where it is made, not at each call; a default export (often the package handed on) and the package itself still are", async () => {
      const a = await analyze(
        'src/contributors.ts',
        lines(
          "import { axios } from './libs/axios';",
          "import { http as client } from '@/lib/http';",
          "const { got } = require('../got');",
          "import request from '../request';", // a default export: often the package itself, handed on
          'export async function load() {',
          "  await axios.get('https://api.github.com/repos/o/r/contributors');",
          "  await client.get('https://api.github.com/x');",
          "  await request.get('https://api.github.com/w');",
          "  return got.get('https://api.github.com/y');",
          '}',
        ),
      );
      assert.deepEqual(a.hazards, []);
      const handedOn = await analyze('src/weather.ts', lines("import axios from './lib/http';", "export const load = () => axios.get('https://api.example.com/weather');"));
      assert.deepEqual(handedOn.hazards.map((h) => [h.code, h.range.start.line, h.callee]), [['missing-timeout', 1, 'axios.get']]);
      const b = await analyze('src/contributors.ts', lines("import axios from 'axios';", 'export const load = () => axios.get(\'https://api.github.com/z\');'));
      assert.deepEqual(b.hazards.map((h) => [h.code, h.range.start.line, h.callee]), [['missing-timeout', 1, 'axios.get']]);
    });

    it("a function given to a JSX attribute in a list's map (onyx's onClick={() => …}) runs on each click, not per item; a fetch the map itself makes is per item", async () => {
      const a = await analyze(
        'web/src/components/Providers.tsx',
        lines(
          'export function Providers({ providers }: { providers: Provider[] }) {',
          '  return (',
          '    <ul>',
          '      {providers.map((p) => (',
          '        <li key={p.id} onClick={() => fetch(`https://api.example.com/providers/${p.id}`)}>',
          '          <button onClick={async () => { await fetch(`https://api.example.com/providers/${p.id}/test`); }}>test</button>',
          '        </li>',
          '      ))}',
          '    </ul>',
          '  );',
          '}',
          'export function preload(providers: Provider[]) {',
          '  return providers.map((p) => fetch(`https://api.example.com/providers/${p.id}`));',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.filter((h) => h.code === 'call-in-loop').map((h) => [h.range.start.line, h.callee]),
        [[12, 'fetch']],
      );
    });

    it("a function a condition picks for a JSX attribute (onyx's onClick={id ? () => void handleSave(id) : undefined}) runs on each click, not per item; a call the condition itself makes is per item", async () => {
      const a = await analyze(
        'web/src/views/GroupsPage.tsx',
        lines(
          'export function Groups({ ids, editable, handlers }: { ids: number[]; editable: boolean; handlers: Record<number, () => void> }) {',
          '  return (',
          '    <ul>',
          '      {ids.map((id) => (',
          '        <li key={id}>',
          '          <button onClick={id ? () => void fetch(`https://api.example.com/groups/${id}`) : undefined}>save</button>',
          '          <button onClick={!id ? undefined : async () => { await fetch(`https://api.example.com/groups/${id}/a`); }}>a</button>',
          '          <button onClick={editable && (() => fetch(`https://api.example.com/groups/${id}/b`))}>b</button>',
          '          <button onClick={handlers[id] ?? (() => fetch(`https://api.example.com/groups/${id}/c`))}>c</button>',
          '          <img src={id ? fetch(`https://api.example.com/groups/${id}/icon`) : undefined} />',
          '        </li>',
          '      ))}',
          '    </ul>',
          '  );',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.filter((h) => h.code === 'call-in-loop').map((h) => [h.range.start.line, h.callee]),
        [[9, 'fetch']],
      );
    });

    it("a module only the browser's modules import (onyx's client helpers) is the browser's: no timeout to report; one a server page, a route or a server action's module also imports is the server's", async () => {
      const helper = (name: string) =>
        lines(`export async function ${name}(id: string) {`, '  return fetch(`https://api.example.com/things/${id}`);', '}');
      const f = await joined({
        'web/src/lib/voice/svc.ts': helper('deactivate'),
        'web/src/lib/voice/deep.ts': lines("import { deactivate } from './svc';", 'export const off = (id: string) => deactivate(id);'),
        'web/src/lib/shared.ts': helper('loadShared'),
        'web/src/lib/actionsUse.ts': helper('loadForAction'),
        'web/src/lib/unused.ts': helper('nobody'),
        'web/src/components/Voice.tsx': lines(
          "import { off } from '../lib/voice/deep';",
          "import { loadShared } from '../lib/shared';",
          'export function Voice({ id }: { id: string }) {',
          '  return <button onClick={() => { off(id); loadShared(id); }}>off</button>;',
          '}',
        ),
        'web/src/app/admin/page.tsx': lines(
          "import { loadShared } from '../../lib/shared';",
          'export default async function Page() {',
          "  const data = await loadShared('1');",
          '  return <pre>{JSON.stringify(data)}</pre>;',
          '}',
        ),
        'web/src/app/actions.ts': lines("'use server';", "import { loadForAction } from '../lib/actionsUse';", 'export async function save(id: string) {', '  return loadForAction(id);', '}'),
        'web/src/components/Save.tsx': lines("'use client';", "import { save } from '../app/actions';", 'export function Save() {', "  return <button onClick={() => save('1')}>save</button>;", '}'),
        'web/src/lib/voice/svc.test.ts': lines("import { deactivate } from './svc';", "it('works', () => deactivate('1'));"),
      });
      assert.deepEqual(hazardRows(f).filter((h) => h.startsWith('missing-timeout')).map((h) => h.split(' ')[1]), [
        'web/src/lib/actionsUse.ts:2:10',
        'web/src/lib/shared.ts:2:10',
        'web/src/lib/unused.ts:2:10',
      ]);
    });

    it("RedBeanNode's R (uptime-kuma's status page): a query per monitor is a query in a loop; SQL without a LIMIT is unbounded, unless read as one row (getRow, getCell); R in a file without redbean-node is not it", async () => {
      const a = await analyze(
        'server/routers/status-page-router.js',
        lines(
          'const { R } = require("redbean-node");',
          'router.get("/api/status-page/heartbeat/:slug", async (request, response) => {',
          '  const ids = await R.getCol("SELECT monitor_id FROM monitor_group WHERE status_page_id = ?", [request.params.slug]);',
          '  for (const id of ids) {',
          '    const list = await R.getAll("SELECT * FROM heartbeat WHERE monitor_id = ? ORDER BY time DESC LIMIT 100", [id]);',
          '    const monitor = await R.findOne("monitor", " id = ? ", [id]);',
          '    response.write(JSON.stringify({ list, monitor }));',
          '  }',
          '  const all = await R.getAll("SELECT * FROM heartbeat");',
          '  const last = await R.getRow("SELECT * FROM heartbeat ORDER BY time DESC");', // one row, as getCell's one value
          '  response.json({ all, last });',
          '});',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [
          ['query-in-loop', 4, 'R.getAll'],
          ['query-in-loop', 5, 'R.findOne'],
          ['unbounded-query', 8, 'R.getAll'],
        ],
      );
      const other = await analyze('src/geometry.js', lines('const R = require("./rotation");', 'export function turn(points) {', '  for (const p of points) R.exec(p);', '}'));
      assert.deepEqual(other.hazards, []);
    });

    it("a script that reads the page's globals (umami's tracker: window.localStorage, document.currentScript) runs in the browser: no timeout to report; a module that only guards for them (typeof window) or names a database document is the server's", async () => {
      const tracker = await analyze(
        'src/tracker/index.js',
        lines(
          '(window => {',
          '  const { currentScript } = document;',
          '  const storage = window.localStorage;',
          "  const send = (payload) => fetch('https://cloud.example.com/api/send', { method: 'POST', body: JSON.stringify(payload) });",
          "  document.addEventListener('visibilitychange', () => send({}));",
          '})(window);',
        ),
      );
      assert.deepEqual(tracker.hazards.map((h) => h.code), []);
      const isomorphic = await analyze(
        'src/lib/client.ts',
        lines(
          "const base = typeof window === 'undefined' ? process.env.API_URL : window.location.origin;",
          "export const load = () => fetch(base + '/api/things');",
        ),
      );
      assert.deepEqual(isomorphic.hazards.map((h) => [h.code, h.range.start.line]), [['missing-timeout', 1]]);
      const server = await analyze(
        'src/lib/docs.ts',
        lines(
          'export async function publish(document: { body: string }) {',
          "  return fetch('https://hooks.example.com/publish', { method: 'POST', body: document.body });",
          '}',
        ),
      );
      assert.deepEqual(server.hazards.map((h) => [h.code, h.range.start.line]), [['missing-timeout', 1]]);
    });

    it("a fetch of data in memory (a data: or blob: URL, hedgedoc's fetch(dataUri)), or of the page's origin (also relative, and read with .then), sends no request from a server: no timeout to report", async () => {
      const a = await analyze(
        'src/lib/upload.ts',
        lines(
          'export async function toBlob(dataUri: string, url: string) {',
          '  await fetch(dataUri);',
          "  await fetch('data:image/png;base64,iVBORw0KGgo=');",
          '  await fetch(dataUriFor(url));',
          // A path of the page's origin, also relative and with what the promise is given next (etherpad's pad.ts).
          "  fetch('/api/ping', { method: 'POST' }).then((r) => r.json());",
          "  fetch('../ep/pad/diag', { method: 'POST' }).catch((e) => console.error(e));",
          '  fetch(url).then((r) => r.json());',
          '  return fetch(url);',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [
          ['missing-timeout', 3, 'fetch'],
          ['missing-timeout', 6, 'fetch.then'],
          ['missing-timeout', 7, 'fetch'],
        ],
      );
    });
  });

  describe('Mongoose lists', () => {
    it('find() returns every matching document unless limited, or bounded by the ids it is given ($in, TypeORM In())', async () => {
      const a = await analyze(
        'src/products.ts',
        lines(
          'export async function lists(orderItems: { _id: string }[]) {',
          '  await Product.find({});',
          '  await Product.find({}).sort({ createdAt: -1 }).limit(12);',
          '  await Product.find({ _id: { $in: orderItems.map((x) => x._id) } });',
          "  await Order.find({ user: '1' });",
          '  await fileRepository.find({ where: { id: In(ids) } });',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [
          ['unbounded-query', 1, 'Product.find'],
          ['unbounded-query', 4, 'Order.find'],
        ],
      );
    });
  });

  describe('Kysely', () => {
    it('a query run per item is a query in a loop; a select with no where, limit or aggregate reads the whole table', async () => {
      // The shapes of documenso's admin insights (kyselyPrisma.$kysely) and of a Kysely repository class.
      const a = await analyze(
        'src/people.ts',
        lines(
          "import { Kysely, sql } from 'kysely';",
          'export class People {',
          '  constructor(private readonly db: Kysely<DB>) {}',
          '  async byIds(ids: string[]) {',
          '    for (const id of ids) await this.db.selectFrom(\'person\').selectAll().where(\'id\', \'=\', id).executeTakeFirst();', // 4
          '    await Promise.all(ids.map((id) => this.db.updateTable(\'person\').set({ seen: true }).where(\'id\', \'=\', id).execute()));', // 5
          '    const all = await this.db.selectFrom(\'person\').selectAll().execute();', // 6: every row
          '    const page = await this.db.selectFrom(\'person\').selectAll().orderBy(\'id\').limit(50).execute();',
          '    const mine = await kyselyPrisma.$kysely.selectFrom(\'Team as t\').where(\'t.ownerId\', \'=\', ids[0]).select([\'t.id\']).execute();',
          '    const counted = await this.db.selectFrom(\'person\').select((eb) => eb.fn.countAll().as(\'n\')).executeTakeFirstOrThrow();',
          '    await this.db.insertInto(\'audit\').values(ids.map((id) => ({ id }))).execute();', // one insert of many rows
          // docmost's breadcrumbs: the ancestors of one row, through a recursive CTE whose start query picks it.
          "    const ancestors = await this.db.withRecursive('up', (qb) => qb.selectFrom('person').selectAll().where('id', '=', ids[0])).selectFrom('up').selectAll().execute();",
          // A builder only, given to the query that runs it (docmost's group-user subquery): not a query per item.
          '    for (const id of ids) {',
          "      const inTeam = this.db.selectFrom('person').select(['id']).where('team', '=', id);",
          "      await this.db.deleteFrom('member').where('userId', 'in', inTeam).execute();",
          '    }',
          '    return [all, page, mine, counted, ancestors];',
          '  }',
          '  run(useCase: { execute(): void }, items: string[]) {',
          '    for (const item of items) useCase.execute();', // 20: not Kysely's
          '  }',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [
          ['query-in-loop', 4, 'this.db.selectFrom.selectAll.where.executeTakeFirst'],
          ['query-in-loop', 5, 'this.db.updateTable.set.where.execute'],
          ['unbounded-query', 6, 'this.db.selectFrom.selectAll.execute'],
          ['query-in-loop', 14, 'this.db.deleteFrom.where.execute'],
        ],
      );
    });
  });

  describe('knex query builder', () => {
    it('each step of a builder chain is a query in a loop once; a select with no where, limit or first reads the whole table', async () => {
      // The shapes of fastify/demo's repositories (its CSV export streams every task).
      const a = await analyze(
        'src/tasks.ts',
        lines(
          'export async function run(ids: string[], trx: Knex) {',
          '  for (const id of ids) {',
          '    await knex(\'users\').where({ id }).first();',
          '  }',
          '  for (const id of ids) await trx(\'audit\').insert({ id });',
          '  const all = await knex(\'tasks\').select(\'*\');',
          '  const stream = knex.select(\'*\').from(\'tasks\').stream();',
          '  const page = await knex(\'tasks\').select(\'*\').orderBy(\'id\').limit(10);',
          '  const mine = await knex.from(\'tasks\').select(\'id\').where(\'owner\', ids[0]);',
          '  await knex(\'tasks\').where({ id: ids[0] }).update({ done: true });',
          '  for (const id of [1, 2]) await knex(\'t\').where({ id }).del();',
          '  return [all, stream, page, mine];',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [
          ['query-in-loop', 2, 'knex.where.first'],
          ['query-in-loop', 4, 'trx.insert'],
          ['unbounded-query', 5, 'knex.select'],
          ['unbounded-query', 6, 'knex.select.from.stream'],
        ],
      );
    });

    it("a builder only turned into SQL (toQuery, toSQL) runs nothing: no query per item, no whole-table read; Prisma's $executeRawUnsafe that runs it is a query (teable)", async () => {
      const a = await analyze(
        'src/records.ts',
        lines(
          'export async function update(ids: string[], knex: Knex, prisma: PrismaService) {',
          '  const sqls = ids.map((id) => knex(\'records\').where({ id }).update({ done: true }).toQuery());',
          "  const all = knex('records').select('*').toQuery();",
          '  for (const sql of sqls) await prisma.$executeRawUnsafe(sql);',
          "  const { sql } = knex('tags').select('*').toSQL();",
          '  return [all, sql];',
          '}',
        ),
      );
      assert.deepEqual(a.hazards.map((h) => [h.code, h.range.start.line, h.callee]), [['query-in-loop', 3, 'prisma.$executeRawUnsafe']]);
    });

    it('knex kept as db is known where the file calls it as knex is called; a db that is not knex is not', async () => {
      // The shape of gothinkster/koa-knex-realworld-example's controllers (`const db = require('../lib/db')`).
      const a = await analyze(
        'src/articles.js',
        lines(
          "const db = require('../lib/db');",
          'async function create(tags) {',
          '  for (let i = 0; i < tags.length; i++) {',
          "    await db('tags').insert(tags[i]);",
          '  }',
          "  return db('tags').pluck('name');",
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [
          ['query-in-loop', 3, 'db.insert'],
          ['unbounded-query', 5, 'db.pluck'],
        ],
      );
      const other = await analyze('src/store.js', lines('async function save(items) {', '  for (const item of items) await db.insert(item);', '}'));
      assert.deepEqual(other.hazards, []);
    });

    it("a knex fragment given to another builder's method in a loop (medusa's .where('name', '=', knex.raw('?', [entity]))) is part of that query; knex.raw awaited per item is a query each", async () => {
      const a = await analyze(
        'src/query-builder.ts',
        lines(
          'export async function build(knex: Knex, entities: string[], ids: string[]) {',
          '  const q = knex.queryBuilder();',
          '  for (const entity of entities) {',
          "    q.join(`t_${entity}`, function () { this.on('ref.pivot', '=', knex.raw('?', [entity])); });",
          "    q.where('name', '=', knex.raw('?', [entity]));",
          '  }',
          "  for (const id of ids) await knex.raw('DELETE FROM t WHERE id = ?', [id]);", // 6: a statement per id
          '  return q;',
          '}',
        ),
      );
      assert.deepEqual(a.hazards.filter((h) => h.code === 'query-in-loop').map((h) => [h.range.start.line, h.callee]), [[6, 'knex.raw']]);
    });

    it("knex on a db field (Unleash's stores): its own filters and single-row reads bound it; a subquery given to another query is that query's part", async () => {
      const a = await analyze(
        'src/db/role-store.ts',
        lines(
          "import type { Db } from './db.js';",
          'export class RoleStore {',
          '  constructor(private db: Db) {}',
          '  async rootRole(userId: number) {',
          '    return this.db',
          "      .select(['id', 'name'])",
          '      .from<IRole[]>(T.ROLES)',
          "      .innerJoin(`${T.ROLE_USER} as ru`, 'ru.role_id', 'id')",
          "      .whereIn('type', ROOT_ROLE_TYPES)",
          "      .andWhere('ru.user_id', '=', userId)",
          '      .first();',
          '  }',
          '  async groups(ids: number[]) {',
          "    return this.db.select(COLUMNS).from(T.GROUPS).whereIn('id', ids);",
          '  }',
          '  async stale() {',
          "    await this.db.from('last_seen').whereNotIn('feature_name', this.db.select('name').from('features')).del();",
          '    return this.db',
          "      .select('id')",
          "      .from('roles')",
          "      .where('type', 'root')",
          "      .union((qb) => { qb.select('id').from('roles'); });",
          '  }',
          '  async all() {',
          "    return this.db.select(['id', 'name']).from(T.ROLES);", // 24: every row
          '  }',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee, /every matching row \(([^)]*)\)/.exec(h.explanation)?.[1]]),
        [['unbounded-query', 24, 'this.db.select.from', 'Drizzle or knex select with no where or limit']],
      );
    });

    it("a raw SQL fragment given to another knex builder (Unleash's `.where('ru.role_id', '=', db.raw('(SELECT id …)'))`, `.with('ranks', db.raw('select …'))`) is that query's part, not a query", async () => {
      const a = await analyze(
        'src/db/account-store.ts',
        lines(
          'export class AccountStore {',
          '  constructor(private db: Db) {}',
          '  async roles(userId: number) {',
          "    return this.db('role_user as ru').where('ru.role_id', '=', this.db.raw('(SELECT id FROM roles WHERE type = ?)', ['root'])).andWhere('ru.user_id', userId).first();",
          '  }',
          '  async ranks() {',
          "    return this.db.with('final_ranks', this.db.raw('select id, rank() over (order by x) from projects')).select('*').from('final_ranks').limit(10);",
          '  }',
          '  async every() {',
          "    return this.db.raw('select * from projects');", // 9: a query of its own
          '  }',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [['unbounded-query', 9, 'this.db.raw']],
      );
    });

    it("a knex builder a function returns unrun, declared as one (Unleash's `select(): Knex.QueryBuilder { return this.db.select(…).from(T) }`), is its callers' to bound", async () => {
      const a = await analyze(
        'src/db/event-store.ts',
        lines(
          'export class EventStore {',
          '  constructor(private db: Db) {}',
          '  select(): Knex.QueryBuilder {',
          "    return this.db.select(EVENT_COLUMNS).from(TABLE);",
          '  }',
          '  buildSearchQuery(params: Params): QueryBuilder {',
          "    return this.db.select('*').from(TABLE);",
          '  }',
          '  async all() {',
          "    return this.db.select(EVENT_COLUMNS).from(TABLE);", // 9: read, awaited by the caller
          '  }',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [['unbounded-query', 9, 'this.db.select.from']],
      );
    });

    it("knex awaited with a typed from<Row>() (Unleash's feature-tag-store): `await` before the chain hides none of its filters", async () => {
      const a = await analyze(
        'src/db/feature-tag-store.ts',
        lines(
          'export class FeatureTagStore {',
          '  constructor(private db: Db) {}',
          '  async getAllTagsForFeature(featureName: string) {',
          '    const rows = await this.db.select(COLUMNS).from<FeatureTagTable>(TABLE).where({ feature_name: featureName });',
          '    return rows;',
          '  }',
          '  async getAll() {',
          '    const rows = await this.db.select(COLUMNS).from<FeatureTagTable>(TABLE);', // 7: every row
          '    return rows;',
          '  }',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [['unbounded-query', 7, 'this.db.select.from']],
      );
    });

    it("a knex transaction a function is given, annotated Knex (hedgedoc's notes), queries per item in a loop; a parameter of another type does not", async () => {
      const f = await joined({
        'src/notes.service.ts': lines(
          "import type { Knex } from 'knex';",
          'export class NoteService {',
          '  async meta(ids: number[], transaction: Knex, cache: LocalStore) {',
          '    for (const id of ids) {',
          "      await transaction('notes').select('id').where('id', id).first();",
          "      await cache('notes').select('id').where('id', id).first();",
          '    }',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop src/notes.service.ts:5:13 transaction.select.where.first [for…of sequential] → -']);
    });

    it("a knex builder kept in a variable and bounded later (hedgedoc's identity lookup) is the finished query's; one awaited as it is, kept and awaited whole, or only sorted later, is judged there, and one bounded under an if says so", async () => {
      const a = await analyze(
        'src/identity.service.ts',
        lines(
          'export class IdentityService {',
          '  constructor(private knex: Knex) {}',
          '  async find(userId: string, local: boolean) {',
          "    let queryBuilder = this.knex('identity').select();",
          '    if (local) {',
          "      queryBuilder = queryBuilder.whereEqualLowercase('provider_user_id', userId);",
          '    } else {',
          "      queryBuilder = queryBuilder.where('provider_user_id', userId);",
          '    }',
          "    return await queryBuilder.andWhere('provider_type', 'local').first();",
          '  }',
          '  async all() {',
          "    const everyone = this.knex('identity').select();",
          '    return await everyone.then((rows) => rows);',
          '  }',
          '  async sorted() {',
          "    let q = this.knex('identity').select();",
          "    q = q.orderBy('name');",
          '    return await q;',
          '  }',
          '  async some(ids?: number[]) {',
          "    let q = this.knex('identity').select();",
          '    if (ids) {',
          "      q = q.whereIn('id', ids);",
          '    }',
          '    return await q;',
          '  }',
          '  async names() {',
          "    const rows = await this.knex('identity').select();",
          '    return rows.map((r) => r.name);',
          '  }',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee, /only when `([^`]*)`/.exec(h.explanation)?.[1]]),
        [
          ['unbounded-query', 12, 'this.knex.select', undefined],
          ['unbounded-query', 16, 'this.knex.select', undefined],
          ['unbounded-query', 21, 'this.knex.select', 'ids'],
          ['unbounded-query', 28, 'this.knex.select', undefined],
        ],
      );
    });
  });

  describe('calls followed across files', () => {
    it("a project's function named like a Python or Go builtin (list, print, str) is followed: list() of './svc' queries in a loop", async () => {
      const f = await joined({
        'src/routes.ts': lines("import { Router } from 'express';", "import { list } from './svc';", 'export const r = Router();', "r.get('/a', async (req, res) => res.json(await list(req.query.ids)));"),
        'src/svc.ts': lines("import { pool } from './db';", 'export async function list(ids: string[]) {', "  for (const id of ids) await pool.query('SELECT * FROM t WHERE id = $1', [id]);", '}'),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop src/svc.ts:3:31 pool.query [for…of sequential] → GET /a']);
    });
  });

  describe('function names', () => {
    it('a declaration\'s name read from its text is the one the tree gives, modifiers, accessors and computed names included', async () => {
      const text = lines(
        'function a() {}',
        'async function b<T>(x: T) {}',
        'function* c() {}',
        'async function * d() {}',
        'class K {',
        '  static async get(x) {}',
        '  get name() { return 1; }',
        '  set name(v) {}',
        '  async *gen() {}',
        '  #priv() {}',
        '  private async load<T>(id: string) {}',
        '  [Symbol.iterator]() {}',
        "  'quoted'() {}",
        '  get() {}',
        '  static() {}',
        '  @Get(":id") @HttpCode(200) findOne() {}',
        '  override accessor(x) {}',
        '}',
        'const o = { m() {}, async n() {}, get p() { return 1; } };',
      );
      const tree = await grammars.parse('typescript', text);
      try {
        const found = tree.rootNode.descendantsOfType(['function_declaration', 'generator_function_declaration', 'method_definition']).filter((n) => n !== null);
        assert.equal(found.length, 19);
        for (const n of found) assert.equal(JAVASCRIPT.functionName(n, n.type, text), field(n, 'name')?.text, n.text);
      } finally {
        tree.delete();
      }
    });
  });

  describe('sequelize-typescript', () => {
    it('an association method ($get, $count) is a query: one per item in a loop', async () => {
      // The shape of outline's userInviter: team.isDomainAllowed(email) per invite runs this.$get('allowedDomains').
      const a = await analyze(
        'server/team.ts',
        lines(
          'export async function check(team: Team, docs: Document[]) {',
          '  for (const d of docs) {',
          "    await d.$get('collection');",
          '  }',
          "  return team.$count('users');",
          '}',
        ),
      );
      assert.deepEqual(loopHazards(a).map((h) => [h.code, h.range.start.line, h.callee]), [['query-in-loop', 2, 'd.$get']]);
    });
  });

  describe('Objection.js', () => {
    it('a query builder run per item is a query in a loop; superagent\'s .query() is not a database', async () => {
      // The shapes of Requarks/wiki's models (WIKI.models.pages.query().findById(id), page.$relatedQuery('tags')).
      const a = await analyze(
        'server/pages.js',
        lines(
          'async function refresh(ids, pages) {',
          '  for (const id of ids) {',
          '    await WIKI.models.pages.query().findById(id);',
          '  }',
          '  for (const p of pages) p.tags = await p.$relatedQuery(\'tags\').where(\'hidden\', false);',
          '  for (const id of ids) await request.get(\'http://search/x\').query({ id }).then((r) => r.body);',
          '  return Person.query().findById(ids[0]);',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.filter((h) => h.code === 'query-in-loop').map((h) => [h.range.start.line, h.callee]),
        [
          [2, 'WIKI.models.pages.query.findById'],
          [4, 'p.$relatedQuery.where'],
        ],
      );
    });
  });

  describe('Sequelize options built before the call', () => {
    it('a limit set in options passed by name or spread bounds the list; one set only under an if does not', async () => {
      const a = await analyze(
        'src/comments.ts',
        lines(
          'export async function list(ctx, documentId?: string) {',
          '  const params = { where: { documentId }, offset: ctx.offset, limit: ctx.limit };',
          '  await Comment.findAll(params);',
          '  await Comment.findAll({ include, ...params });',
          '  const open = { where: { resolved: false } };',
          '  await Comment.findAll(open);',
          '  await Comment.findAll({ ...open, order: [["createdAt", "DESC"]] });',
          '  const maybe: any = { where: {} };',
          '  if (ctx.paged) maybe.limit = 10;',
          '  await Comment.findAll(maybe);',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [
          ['unbounded-query', 5, 'Comment.findAll'],
          ['unbounded-query', 6, 'Comment.findAll'],
          ['unbounded-query', 9, 'Comment.findAll'],
        ],
      );
    });
  });

  describe('loops the analysis should still see', () => {
    it('a loop over a spread copy [...items] is a loop over all items, not a small literal', async () => {
      const a = await analyze(
        'src/e.ts',
        lines('export async function h(items: string[], db: any) {', '  for (const x of [...items]) {', '    await db.query(x);', '  }', '}'),
      );
      assert.deepEqual(a.hazards.map(summary), [['query-in-loop', 2, 10, 'db.query', 'for…of', 'sequential', []]]);
    });

    it('a query in a while condition runs once per iteration', async () => {
      const a = await analyze(
        'src/f.ts',
        lines(
          'export async function drain(db: any) {',
          "  while ((await db.query('SELECT id FROM jobs LIMIT 1')).rows.length > 0) {", // 1
          '    await work();',
          '  }',
          '}',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.range.start.character, h.loop?.kind]),
        [['query-in-loop', 1, 16, 'while']], // `db.query(…)` starts at column 16 (after `  while ((await `)
      );
    });
  });

  it('caches by content: the same text is not re-analysed, a changed text is', async () => {
    const t1 = lines('export async function k(ids: string[], db: any) {', '  for (const i of ids) await db.query(i);', '}');
    const a1 = await analyze('src/k.ts', t1);
    assert.equal(await analyze('src/k.ts', t1), a1);
    const a2 = await analyze('src/k.ts', '\n' + t1);
    assert.notEqual(a2, a1);
    assert.equal(a2.hazards[0].range.start.line, a1.hazards[0].range.start.line + 1);
  });

  it('ignores files that are not code, and declaration files', async () => {
    assert.equal(await index.analyze('README.md', '# x'), undefined);
    assert.equal(await index.analyze('src/types.d.ts', 'declare const x: number;'), undefined);
  });
});

import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyseFixture, grammars, handledRows, hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/**
 * One fixture folder per framework (test/fixtures/code-*), analysed and joined across files as the CLI does.
 * Routes: method, template exactly as the framework reports it, file, 0-based declaration line.
 * Hazards: `code file:line:col callee [loop] → routes` with 1-based positions. Each fixture also holds the
 * negative cases (same call outside a loop, a loop over a 2-element literal, a LIMIT present, a timeout set,
 * comments, strings, dead code, test files); the exact lists prove they are not reported.
 */
describe('code analysis on framework fixtures (routes, hazards, cross-file join)', function () {
  this.timeout(20_000);

  describe('TypeScript / JavaScript', () => {
    it("RxJS's map() in an observable's pipe() runs per value emitted, not per item; fp-ts's pipe(items, map(f)) loops", async () => {
      // The shape of hoppscotch's AccessTokenInterceptor: one update per response, after the handler.
      const f = await joined({
        'src/token.interceptor.ts': lines(
          "import { Observable, map } from 'rxjs';",
          "import { pipe } from 'fp-ts/function';",
          "import * as A from 'fp-ts/Array';",
          '',
          'export class TokenInterceptor {',
          '  intercept(context: unknown, handler: CallHandler): Observable<unknown> {',
          '    return handler.handle().pipe(',
          '      map(async (data) => {',
          '        await prisma.token.update({ where: { id: 1 }, data: { usedOn: new Date() } });',
          '        return data;',
          '      }),',
          '    );',
          '  }',
          '}',
          '',
          'export async function touchAll(ids: number[]) {',
          '  return pipe(ids, A.map((id) => prisma.token.update({ where: { id }, data: { usedOn: new Date() } })));',
          '}',
        ),
      });
      assert.deepEqual(
        hazardRows(f).filter((row) => row.startsWith('query-in-loop')),
        ['query-in-loop src/token.interceptor.ts:17:34 prisma.token.update [.map() sequential] → -'],
      );
    });

    it('the request package, the MongoDB driver read with toArray(), DynamoDB clients, the AWS SDK\'s S3 clients; a handler\'s request.get(header) is no call', async () => {
      // The shapes of robot-shop's cart and user services and retail-store-sample-app's generated orders client.
      const f = await joined({
        'server.js': lines(
          "const request = require('request');",
          "const express = require('express');",
          'const app = express();',
          '',
          "app.get('/users', (req, res) => {",
          '  usersCollection.find().toArray().then((users) => res.json(users));',
          '});',
          '',
          "app.get('/add/:sku', (request, res) => {",
          "  const host = request.get('Host');",
          '  for (const sku of request.body.skus) {',
          "    request('http://catalogue:8080/product/' + sku, { timeout: 5000 }, (err, r, body) => {});",
          '    docClient.send(new GetCommand({ TableName: "carts", Key: { sku } }));',
          '  }',
          "  request('http://ratings:80/api/ratings', (err, r, body) => res.json(body));",
          "  const one = usersCollection.find((u) => u.name === host);",
          '});',
        ),
        // The project's own wrapper of fetch, named request (opentelemetry-demo's frontend): not the package.
        'gateway.ts': lines("import request from './utils/Request';", '', 'export function carts(ids: string[]) {', '  for (const id of ids) request({ url: `/api/cart/${id}` });', '}'),
        // docmost's storage driver: the AWS SDK v3's S3 client, a command per attachment; a socket's send is not AWS's.
        'storage.ts': lines(
          'export class S3Driver {',
          '  async deleteAll(keys: string[], ws: WebSocket) {',
          '    for (const Key of keys) await this.s3Client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }));', // 3
          '    for (const key of keys) ws.send(key);',
          '  }',
          '}',
        ),
        'worker.py': lines('import boto3', 's3 = boto3.client("s3")', 'def sync(keys):', '    for key in keys:', '        s3.get_object(Bucket="b", Key=key)', '        s3.generate_presigned_url("get_object", Params={"Key": key})'),
      });
      assert.deepEqual(hazardRows(f), [
        'call-in-loop server.js:12:5 request [for…of sequential] → GET /add/:sku',
        'call-in-loop storage.ts:3:35 this.s3Client.send [for…of sequential] → -',
        'call-in-loop worker.py:5:9 s3.get_object [for sequential] → -',
        'missing-timeout server.js:15:3 request → GET /add/:sku',
        'query-in-loop server.js:13:5 docClient.send [for…of sequential] → GET /add/:sku',
        'unbounded-query server.js:6:3 usersCollection.find → GET /users',
      ]);
    });

    it("MongoDB's find bounded by options with a limit; a project's own paged find (a number or a page size as an argument) is not MongoDB's", async () => {
      // hapi-mysql's resource access modules: `Common.find(tableName, filter, skip, limit, order)` over knex.
      const f = await joined({
        'api/stations.js': lines(
          "const Common = require('./common');",
          "const Product = require('./models/product');",
          'async function find(filter, skip, limit) {',
          "  return await Common.find('stations', filter, skip, limit);",
          '}',
          'async function one(code) {',
          '  return (await Common.find({ code }, 0, 1))[0];',
          '}',
          'async function page(filter) {',
          '  return Product.find(filter, null, { limit: 20 });',
          '}',
          'async function all(filter) {',
          '  return Product.find({ active: true });', // 13
          '}',
          'module.exports = { find, one, page, all };',
        ),
      });
      assert.deepEqual(hazardRows(f), ['unbounded-query api/stations.js:13:10 Product.find → -']);
    });

    it("MongoDB: a find of the caller's list on any key (growthbook's `id: { $in: ids }`) or counted (`.count()`, `estimatedDocumentCount()`) is bounded; one filtered by a flag is not", async () => {
      const f = await joined({
        'src/models/FeatureModel.ts': lines(
          "import mongoose from 'mongoose';",
          "const FeatureModel = mongoose.model('Feature', new mongoose.Schema({ id: String }));",
          'export async function byIds(organization: string, ids: string[]) {',
          '  return FeatureModel.find({ organization, id: { $in: ids } });',
          '}',
          'export async function byVersions(versions: number[]) {',
          '  return FeatureModel.find({ version: { $in: versions } });',
          '}',
          'export async function howMany() {',
          '  return FeatureModel.find({ archived: false }).count();',
          '}',
          'export async function total() {',
          '  return FeatureModel.find().estimatedDocumentCount();',
          '}',
          'export async function live() {',
          '  return FeatureModel.find({ archived: false });', // 16
          '}',
          'export async function active() {',
          '  return FeatureModel.find({ status: { $in: ACTIVE_STATUSES } });', // 19: every row of those statuses
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['unbounded-query src/models/FeatureModel.ts:16:10 FeatureModel.find → -', 'unbounded-query src/models/FeatureModel.ts:19:10 FeatureModel.find → -']);
    });

    it("a project's own find given no limit is said to be that, not MongoDB's; a model's find stays MongoDB's", async () => {
      // hapi-mysql again: `StaffResourceAccess.find({ referCode })`, a function of the project's module, no limit given.
      const f = await joined({
        'api/staff/access.js': lines("const Common = require('../common');", 'async function find(filter, skip, limit) {', "  return Common.find('staff', filter, skip, limit);", '}', 'module.exports = { find };'),
        'api/staff/functions.js': lines(
          "const StaffAccess = require('./access');",
          "const Staff = require('../models/staff');",
          'async function taken(code) {',
          '  return (await StaffAccess.find({ referCode: code })).length > 0;',
          '}',
          'async function everyone() {',
          '  return Staff.find({});',
          '}',
          'module.exports = { taken, everyone };',
        ),
        'api/models/staff.js': lines("const mongoose = require('mongoose');", "module.exports = mongoose.model('Staff', new mongoose.Schema({ name: String }));"),
      });
      const said = [...f.values()].flatMap((a) => a.hazards).map((h) => `${h.callee}: ${h.explanation.split(':')[0]}`);
      assert.deepEqual(said.sort(), [
        "Staff.find: `Staff.find(…)` returns every matching row (MongoDB find without limit (Mongoose or the driver))",
        "StaffAccess.find: `StaffAccess.find(…)` is the project's own `find` (from `./access`), given no limit",
      ]);
    });

    it('ORM list reads that pin a key at the top of their where (one row, or one parent\'s children) are bounded, as SQL\'s WHERE poll_id = $1 is; keys in nested filters, OR lists, operators, null or an included relation\'s where are not (rallly, linkwarden, ghostfolio)', async () => {
      const f = await joined({
        'src/polls.ts': lines(
          "import { prisma } from './db';",
          'export async function comments(pollId: string, userId: string) {',
          '  const mine = await prisma.comment.findMany({ where: { pollId, userId }, orderBy: [{ createdAt: "asc" }] });',
          '  const made = await prisma.space.findMany({ where: { createdBy: userId, deletedTime: null } });',
          '  const all = await prisma.comment.findMany({',
          '    where: {',
          '      deleted: false,',
          '      spaceId: ctx.space.id,',
          '    },',
          '  });',
          '  const byRelation = await prisma.link.findMany({ where: { collection: { id: pollId } } });',
          // Through a relation's foreign key: one parent's rows, as SQL's join `WHERE c.owner_id = $1` is (papermark's
          // `{ dataroom: { teamId } }`; prismaRelationKeyScope.test.ts).
          '  const nested = await prisma.link.findMany({ where: { collection: { ownerId: userId } } });',
          '  const either = await prisma.collection.findMany({ where: { OR: [{ ownerId: userId }, { members: { some: { userId } } }] } });',
          '  const search = await prisma.user.findMany({ where: { email: { contains: pollId } } });',
          '  const roots = await prisma.collection.findMany({ where: { parentId: null } });',
          '  const picked = await prisma.user.findMany({ select: { id: true } });',
          '  const counted = await prisma.tag.findMany({ include: { _count: { select: { accounts: { where: { userId } } } } } });',
          '  return [mine, all, byRelation, nested, either, search, roots, picked, counted];',
          '}',
          // A where built first (ghostfolio's account balances), then narrowed: as if written in place.
          'export async function balances(userId: string, accountId?: string) {', // 19
          '  const where: Prisma.AccountBalanceWhereInput = { userId };',
          '  if (accountId) where.accountId = accountId;',
          '  const mine = await prisma.accountBalance.findMany({ where, orderBy: { date: "asc" } });',
          '  const filter = { deleted: false };',
          '  const open = await prisma.accountBalance.findMany({ where: filter });', // 24
          '  return [mine, open];',
          '}',
        ),
        'src/orders.ts': lines(
          "import { Repository } from 'typeorm';",
          'export async function orders(orderRepository: Repository<Order>, OrderModel: any, userId: string) {',
          '  const a = await orderRepository.find({ where: { user: { id: userId } } });',
          '  const b = await orderRepository.findBy({ userId });',
          '  const c = await orderRepository.find({ order: { id: "ASC" } });',
          '  const d = await OrderModel.findAll({ where: { customerId: userId } });',
          '  const e = await OrderModel.findAll({ where: { status: "open" } });',
          '  return [a, b, c, d, e];',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'unbounded-query src/orders.ts:5:19 orderRepository.find → -',
        'unbounded-query src/orders.ts:7:19 OrderModel.findAll → -',
        'unbounded-query src/polls.ts:13:24 prisma.collection.findMany → -',
        'unbounded-query src/polls.ts:14:24 prisma.user.findMany → -',
        'unbounded-query src/polls.ts:15:23 prisma.collection.findMany → -',
        'unbounded-query src/polls.ts:16:24 prisma.user.findMany → -',
        'unbounded-query src/polls.ts:17:25 prisma.tag.findMany → -',
        'unbounded-query src/polls.ts:25:22 prisma.accountBalance.findMany → -',
      ]);
    });

    it('Prisma under a service\'s name (this.prismaService.tag.findMany()), or a repository\'s model (this._agency.model.agency), is Prisma, bounded by take or an in: list (not with a distinct, applied in memory); a constant\'s find (DERIVED_CURRENCIES.find(fn)) is not a query', async () => {
      // The shapes of ghostfolio's TagService and DataProviderService.
      const f = await joined({
        'apps/api/src/services/tag/tag.service.ts': lines(
          'export class TagService {',
          '  constructor(private readonly prismaService: PrismaService) {}',
          '  async getTags() {',
          '    return this.prismaService.tag.findMany({ include: { _count: { select: { orders: true } } } });',
          '  }',
          '  async accesses({ cursor, take, where }: { cursor?: any; take?: number; where?: any }) {',
          '    return this.prismaService.access.findMany({ cursor, take, where });',
          '  }',
          '  async ofTags(ids: string[]) {',
          '    return this.prismaService.access.findMany({ where: { tagId: { in: ids } }, orderBy: { createdAt: \'desc\' } });',
          '  }',
          '  async latest(symbols: string[]) {',
          '    return this.prismaService.marketData.findMany({ distinct: [\'symbol\'], orderBy: { date: \'desc\' }, where: { symbol: { in: symbols } } });',
          '  }',
          '  async currencies(symbols: string[]) {',
          '    for (const symbol of symbols) {',
          '      const derived = DERIVED_CURRENCIES.find(({ currency }) => currency === symbol);',
          '      if (derived) await this.prismaService.tag.update({ where: { id: derived.id }, data: {} });',
          '    }',
          '  }',
          // The page a cursor-pagination helper gives its callback (nestjs-prisma-starter's publishedPosts): the
          // caller's to bound; the same options built in place without one are not.
          '  async published(query: string) {',
          '    return findManyCursorConnection((args) => this.prismaService.post.findMany({ where: { title: query }, ...args }), () => this.prismaService.post.count());',
          '  }',
          '  async drafts() {',
          '    const args = { orderBy: { id: \'desc\' } };',
          '    return this.prismaService.post.findMany({ where: { published: false }, ...args });',
          '  }',
          '}',
        ),
        // postiz's repositories: the client behind a `PrismaRepository<'agency'>`'s `model`.
        'apps/api/src/agencies/agencies.repository.ts': lines(
          'export class AgenciesRepository {',
          "  constructor(private _agency: PrismaRepository<'agency'>) {}",
          '  list() {',
          '    return this._agency.model.agency.findMany({ where: { approved: true } });',
          '  }',
          '  page(take: number) {',
          '    return this._agency.model.agency.findMany({ where: { approved: true }, take });',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'unbounded-query apps/api/src/agencies/agencies.repository.ts:4:12 this._agency.model.agency.findMany → -',
        'unbounded-query apps/api/src/services/tag/tag.service.ts:4:12 this.prismaService.tag.findMany → -',
        'query-in-loop apps/api/src/services/tag/tag.service.ts:18:26 this.prismaService.tag.update [for…of sequential] → -',
        'unbounded-query apps/api/src/services/tag/tag.service.ts:13:12 this.prismaService.marketData.findMany → -',
        'unbounded-query apps/api/src/services/tag/tag.service.ts:26:12 this.prismaService.post.findMany → -',
      ].sort());
    });

    it('not queries or calls per item: Array.from(x).find(fn), a listener added per element (el.addEventListener(…, () => fetch(…)))', async () => {
      // The shapes of netbox's project-static TypeScript (moveOptions.ts, connectionToggle.ts).
      const f = await joined({
        'src/ui.ts': lines(
          'export function wire(elements: HTMLElement[], target: HTMLSelectElement) {',
          '  const selected = Array.from(target.children).find((o) => (o as HTMLOptionElement).selected);',
          '  for (const el of elements) {',
          "    el.addEventListener('click', () => fetch(`/api/toggle/${el.id}`, { signal: AbortSignal.timeout(1000) }));",
          '  }',
          '  for (const el of elements) {',
          '    fetch(`/api/seen/${el.id}`, { signal: AbortSignal.timeout(1000) });',
          '  }',
          '  return selected;',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['call-in-loop src/ui.ts:7:5 fetch [for…of sequential] → -']);
    });

    it("Go: a job registered on a cron schedule in a loop (opengist's c.AddFunc(spec, func() { RunOnce(t) })) runs on its schedule, not once per item", async () => {
      const f = await joined({
        'cron.go': lines(
          'package actions',
          '',
          'func Setup(c *cron.Cron, registry map[int]Action) {',
          '\tfor t, a := range registry {',
          '\t\tc.AddFunc(a.spec, func() { db.Exec("DELETE FROM runs WHERE type = ?", t) })',
          '\t\tdb.Exec("INSERT INTO schedules (type) VALUES (?)", t)',
          '\t}',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop cron.go:6:3 db.Exec [for sequential] → -']);
    });

    it('Azure Cosmos DB: container.item(id).delete() per item is a query in a loop; items.query(…).fetchAll() without TOP is unbounded', async () => {
      // The shape of Azure-Samples/todo-nodejs-mongo's repositories.
      const f = await joined({
        'src/models/todoItemRepository.ts': lines(
          'import { getTodoItemContainer } from "./cosmosClient";',
          'export class TodoItemRepository {',
          '  private container = getTodoItemContainer();',
          '  async findByListId(listId: string) {',
          '    const querySpec = { query: "SELECT * FROM c WHERE c.listId = @listId", parameters: [{ name: "@listId", value: listId }] };',
          '    const { resources } = await this.container.items.query(querySpec).fetchAll();',
          '    return resources;',
          '  }',
          '  async page(listId: string) {',
          '    return this.container.items.query("SELECT TOP 20 * FROM c").fetchAll();',
          '  }',
          '  async deleteByListId(ids: string[]) {',
          '    for (const id of ids) await this.container.item(id, id).delete();',
          '  }',
          '}',
        ),
        // Another module's `container` (a DOM element, a DI container): not Cosmos DB.
        'src/ui/dom.ts': lines('export function clear(container: HTMLElement, ids: string[]) {', '  for (const id of ids) container.items.delete(id);', '}'),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/models/todoItemRepository.ts:13:33 this.container.item.delete [for…of sequential] → -',
        'unbounded-query src/models/todoItemRepository.ts:6:33 this.container.items.query → -',
      ]);
    });

    it('the request package\'s verbs: request.get(url, cb) and request.get(url).pipe(res) are HTTP calls without a timeout; request.get(\'Host\') is not', async () => {
      // The shapes of Sock Shop's front-end (helpers/index.js, orders/index.js).
      const f = await joined({
        'server.js': lines(
          "const request = require('request');",
          "const app = require('express')();",
          '',
          "app.get('/orders/*', (req, res) => {",
          "  request.get('http://orders' + req.url.toString()).pipe(res);",
          '});',
          '',
          "app.post('/orders', (request2, res) => {",
          '  for (const link of request2.body.links) {',
          '    request.get(link, { timeout: 2000 }, (err, r, body) => {});',
          '  }',
          '});',
          '',
          "app.get('/host', (request, res) => {",
          "  res.send(request.get('Host') + request.get(\"content-type\"));",
          '});',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'call-in-loop server.js:10:5 request.get [for…of sequential] → POST /orders',
        'missing-timeout server.js:5:3 request.get → GET /orders/*',
      ]);
    });

    it('Express: routes registered only in development (config.env === \'development\', NODE_ENV !== \'production\', isDev) are not listed', async () => {
      // The shape of hagopj13/node-express-boilerplate's routes/v1/index.js (its /docs only in development).
      const f = await joined({
        'src/routes.js': lines(
          "const express = require('express');",
          'const router = express.Router();',
          "router.get('/users', listUsers);",
          "if (config.env === 'development') {",
          "  router.get('/docs', docs);",
          '}',
          "if (process.env.NODE_ENV !== 'production') router.get('/debug/state', state);",
          "if (config.env === 'development') {",
          "  router.get('/dev-only', devOnly);",
          '} else {',
          "  router.get('/robots.txt', robots);",
          '}',
          'if (features.search) {',
          "  router.get('/search', search);",
          '}',
          // A flag named for it (uptime-kuma's `const isDev = process.env.NODE_ENV === "development"`).
          'if (isDev) {',
          "  router.get('/_e2e/take-sqlite-snapshot', snapshot);",
          '}',
          'module.exports = router;',
        ),
      });
      assert.deepEqual(routeRows(f).map((r) => r[1]), ['/users', '/robots.txt', '/search']);
    });

    it('Koa: routers mounted only in development or tests (env.isDevelopment, ENVIRONMENT === "test") are not listed', async () => {
      // The shape of outline's routes/api/index.ts (developer.* endpoints) and routes/index.ts (/test/error).
      const router = (path: string) => lines("import Router from 'koa-router';", 'const router = new Router();', `router.post('${path}', async (ctx) => {});`, 'export default router;');
      const f = await joined({
        'server/api.ts': lines(
          "import Router from 'koa-router';",
          "import users from './users';",
          "import developer from './developer';",
          "import errors from './errors';",
          'const router = new Router();',
          "router.use('/', users.routes());",
          'if (env.isDevelopment) {',
          "  router.use('/', developer.routes());",
          '}',
          "if (env.ENVIRONMENT === 'test') router.use(errors.routes());",
          'export default router;',
        ),
        'server/users.ts': router('users.list'),
        'server/developer.ts': router('developer.create_test_users'),
        'server/errors.ts': router('/test/error'),
      });
      assert.deepEqual(routeRows(f).map((r) => r[1]), ['/users.list']);
    });

    it("Koa: router.register(path, ['get', 'post'], [middleware…, handler]) is a route per method, not a mount; a list of paths is a route per path (Express too)", async () => {
      // outline's attachments.redirect and cron routes, its /.well-known paths, and the 404 catch-all of its API.
      const f = await joined({
        'server/api.ts': lines(
          "import Router from 'koa-router';",
          "import attachments from './attachments';",
          'const router = new Router();',
          "router.use('/', attachments.routes());",
          'router.register("*", ["get", "post"], (ctx) => { ctx.throw(404); });',
          'export default router;',
        ),
        'server/attachments.ts': lines(
          "import Router from 'koa-router';",
          'const router = new Router();',
          'router.register(',
          '  "attachments.redirect",',
          '  ["get", "post"],',
          '  [auth({ optional: true }), validate(Schema), async (ctx) => { ctx.redirect(await signedUrl(ctx)); }],',
          ');',
          'router.get(["/.well-known/oauth-authorization-server", "/.well-known/oauth-authorization-server/mcp"], async (ctx) => {});',
          'export default router;',
        ),
        'web/app.js': lines("const express = require('express');", 'const app = express();', "app.get(['/share/:id', '/s/:id'], (req, res) => res.end());", 'app.listen(3000);'),
      });
      assert.deepEqual(
        routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`),
        [
          'GET * server/api.ts:4',
          'POST * server/api.ts:4',
          'GET /attachments.redirect server/attachments.ts:2',
          'POST /attachments.redirect server/attachments.ts:2',
          'GET /.well-known/oauth-authorization-server server/attachments.ts:7',
          'GET /.well-known/oauth-authorization-server/mcp server/attachments.ts:7',
          'GET /s/:id web/app.js:2',
          'GET /share/:id web/app.js:2',
        ],
      );
    });

    it('FastAPI: a router included only in a local or development environment is not listed; one included otherwise is', async () => {
      // The shape of fastapi/full-stack-fastapi-template's app/api/main.py (its private routes, for local use).
      const router = (path: string) => lines('from fastapi import APIRouter', `router = APIRouter(prefix="${path}")`, '@router.post("/users/")', 'def create_user():', '    pass');
      const f = await joined({
        'app/api/main.py': lines(
          'from fastapi import APIRouter',
          'from app.api.routes import items, private, debug',
          'from app.core.config import settings',
          'api_router = APIRouter()',
          'api_router.include_router(items.router)',
          'if settings.ENVIRONMENT == "local":',
          '    api_router.include_router(private.router)',
          'if settings.FEATURE_DEBUG:',
          '    api_router.include_router(debug.router)',
        ),
        'app/api/routes/items.py': router('/items'),
        'app/api/routes/private.py': router('/private'),
        'app/api/routes/debug.py': router('/debug'),
      });
      assert.deepEqual(routeRows(f).map((r) => r[1]), ['/debug/users/', '/items/users/']);
    });

    it('Express: routers mounted in another file (import, require, default export) get the full path', async () => {
      const f = await analyseFixture('code-express');
      assert.deepEqual(routeRows(f), [
        ['GET', '/admin/stores', 'src/routes/admin.js', 5, 'express'],
        ['DELETE', '/admin/cache', 'src/routes/admin.js', 19, 'express'],
        ['GET', '/api/orders', 'src/routes/orders.ts', 7, 'express'],
        ['GET', '/api/orders/:id', 'src/routes/orders.ts', 15, 'express'],
        ['POST', '/api/orders/quote', 'src/routes/orders.ts', 26, 'express'],
        ['GET', '/api/orders/:id/notes', 'src/routes/orders.ts', 35, 'express'],
        ['GET', '/reports/daily', 'src/routes/reports.ts', 5, 'express'],
        ['GET', '/healthz', 'src/server.ts', 9, 'express'],
      ]);
    });

    it('Express: hazards through imported services two calls deep; negatives stay quiet', async () => {
      const f = await analyseFixture('code-express');
      assert.deepEqual(hazardRows(f), [
        // handler → loadCustomer → readTemplate (two levels, another file)
        'blocking-call src/services/orderService.ts:15:10 readFileSync → GET /api/orders/:id',
        // Promise.all(lines.map(…)) with an imported function that calls out: parallel fan-out
        'call-in-loop src/routes/orders.ts:29:56 pricing.priceOf → client.get [.map() parallel] → POST /api/orders/quote',
        'call-in-loop src/routes/orders.ts:31:25 fetch [.map() parallel] → POST /api/orders/quote',
        // axios.create without timeout (the one with `timeout: 2000` on line 3 is not reported)
        'missing-timeout src/services/pricing.ts:4:14 axios.create → -',
        'query-in-loop src/routes/orders.ts:11:25 itemsFor → pool.query [for…of sequential] → GET /api/orders',
        'retry-without-backoff src/routes/admin.js:9:3 fetch → GET /admin/stores',
        'unbounded-query src/routes/admin.js:7:24 pool.query → GET /admin/stores',
        'unbounded-query src/routes/orders.ts:19:11 pool.query → GET /api/orders/:id',
        'unbounded-query src/routes/orders.ts:37:18 pool.query → GET /api/orders/:id/notes',
        'unbounded-query src/routes/reports.ts:7:22 prisma.order.findMany → GET /reports/daily',
      ]);
      const rows = hazardRows(f).join('\n');
      assert.doesNotMatch(rows, /orders\.ts:9:/, 'the query with LIMIT 50, outside any loop');
      assert.doesNotMatch(rows, /orders\.ts:20:/, "the query in a loop over ['eu', 'us']");
      assert.doesNotMatch(rows, /orders\.ts:2[12]:/, 'the loop in a comment and in a string');
      assert.doesNotMatch(rows, /reports\.ts:8:/, 'findMany with take: 10');
      assert.doesNotMatch(rows, /admin\.js:22:/, 'the query after return (dead code)');
      assert.doesNotMatch(rows, /orderService\.ts:19:/, 'readFileSync at start-up, on no request path');
      assert.doesNotMatch(rows, /orders\.test\.ts/, 'a test file');
    });

    it('a seed script, a migration (not a feature named for migrating data), a Django management command, a Click or Typer command module, a script of a scripts/ or Python bin/ folder, a CI script, a linter rule example or a test that loops over a querying helper is not load: only the route is reported', async () => {
      // The shape of node-express-realworld-example-app's src/prisma/seed.ts, which calls the app's services per row.
      const loop = (from: string) => lines(`import { createArticle } from '${from}';`, 'export async function run(rows: string[]) {', '  for (const r of rows) await createArticle(r);', "  await prisma.article.findMany();", '}');
      // A migration as its tool runs it (knex's, node-pg-migrate's `up`).
      const migration = (from: string) => lines(`import { createArticle } from '${from}';`, 'export async function up(rows: string[]) {', '  for (const r of rows) await createArticle(r);', "  await prisma.article.findMany();", '}');
      const f = await joined({
        'src/article.service.ts': lines('export async function createArticle(title: string) {', '  return prisma.article.findUnique({ where: { title } });', '}'),
        'src/routes.ts': lines("import { createArticle } from './article.service';", "router.post('/articles', async (req, res) => {", '  for (const t of req.body.titles) await createArticle(t);', '});'),
        'src/prisma/seed.ts': loop('../article.service'),
        'prisma/seeds/articles.ts': loop('../../src/article.service'),
        'src/migrations/0002_titles.ts': migration('../article.service'),
        // Migrations per database engine (Wiki.js's server/db/migrations-sqlite/).
        'server/db/migrations-sqlite/2.5.1.ts': migration('../../../src/article.service'),
        // A folder named for the tool that runs them (uptime-kuma's db/knex_migrations/).
        'db/knex_migrations/2026-08-18-0000-titles.ts': migration('../../src/article.service'),
        // A feature of the service named for migrating data is not one (linkwarden's bookmark import, its route below).
        'src/controllers/migration/importArticles.ts': lines("import { createArticle } from '../../article.service';", 'export async function importArticles(rows: string[]) {', '  for (const r of rows) await createArticle(r);', '}'),
        'src/routes/migration.ts': lines("import { importArticles } from '../controllers/migration/importArticles';", "router.post('/migration', async (req, res) => {", '  await importArticles(req.body.titles);', '});'),
        'src/routes.test.ts': loop('./article.service'),
        // End-to-end suites, also an edition's own (novu's *.e2e-ee.ts).
        'src/articles.e2e.ts': loop('./article.service'),
        'src/billing/usage.e2e-ee.ts': loop('../article.service'),
        // Browser suites and their helpers (formbricks' apps/web/playwright/utils/helper.ts, a cypress/ folder).
        'apps/web/playwright/utils/helper.ts': loop('../../../../src/article.service'),
        'cypress/support/commands.ts': loop('../../src/article.service'),
        // Test helpers kept in a testing/ folder (Joplin's packages/lib/testing/test-utils.ts).
        'src/testing/test-utils.ts': loop('../article.service'),
        // Go's test helpers (memos' internal/testutil/minio/server.go).
        'src/testutil/server.ts': loop('../article.service'),
        // Development fixtures loaded at start-up (wild-workouts' internal/users/fixtures.go).
        'src/fixtures.ts': loop('./article.service'),
        // A fake server tests run against, with routes of its own (woodpecker's server/forge/github/fixtures/handler.go).
        'server/forge/github/fixtures/handler.ts': lines(
          "import { createArticle } from '../../../../src/article.service';",
          "router.get('/repos/:owner/:name', async (req, res) => {",
          '  for (const t of req.body.titles) await createArticle(t);',
          '});',
        ),
        // A script filling a database with sample data (CTFd's populate.py).
        'populate.py': lines('from shop.models import Tag', '', 'def run(names):', '    for n in names:', '        Tag.objects.create(name=n)'),
        'scripts/populate_db.py': lines('from shop.models import Tag', '', 'def run(names):', '    for n in names:', '        Tag.objects.create(name=n)'),
        // Joplin's debug tool that fills a profile with random notes.
        'src/services/debug/populateDatabase.ts': loop('../../article.service'),
        // A Django management command (run by hand or by a deploy step) that writes per row.
        'shop/management/commands/backfill_tags.py': lines('from shop.models import Tag', '', 'def handle(names):', '    for n in names:', '        Tag.objects.create(name=n)'),
        // What a scripts/ folder keeps: polar's backfills, outline's data fixes, formbricks' CI helpers.
        'server/scripts/backfill_titles.py': lines('from shop.models import Tag', '', 'def run(names):', '    for n in names:', '        Tag.objects.create(name=n)'),
        'scripts/reset-data.ts': loop('../src/article.service'),
        '.scripts/compare-database.ts': loop('../src/article.service'),
        'src/stations/script/update-all.ts': loop('../../article.service'),
        // CI's own scripts, and a linter's rule examples (saleor's .semgrep/: bad code on purpose).
        '.github/scripts/backfill.ts': loop('../../src/article.service'),
        '.semgrep/security/requests/no-timeout.py': lines('import requests', 'def fetch(urls):', '    for u in urls:', '        requests.get(u)'),
        // A development tool kept at the top (mealie's dev/code-generation/, Kubernetes' hack/), and data fixes run once
        // at start-up after the migrations (mealie's mealie/db/fixes/).
        'dev/code-generation/gen_locales.py': lines('import requests', 'def fetch(urls):', '    for u in urls:', '        requests.get(u, timeout=5)'),
        'hack/update-fixtures.ts': loop('../src/article.service'),
        'tools/convert-db.ts': loop('../src/article.service'),
        'mealie/db/fixes/fix_slugs.py': lines('from shop.models import Tag', '', 'def run(names):', '    for n in names:', '        Tag.objects.create(name=n)'),
        // Migrations kept in one file, run at start-up (miniflux's internal/database/migrations.go).
        'internal/database/migrations.ts': migration('../../src/article.service'),
        'internal/database/migrations.go': lines('package database', '', 'import "database/sql"', '', 'func migrate(tx *sql.Tx, names []string) {', '\tfor _, n := range names {', '\t\ttx.Exec("INSERT INTO tags (name) VALUES ($1)", n)', '\t}', '}'),
        // Command-line modules an operator runs (redash's redash/cli/ with Flask's AppGroup, a Typer app), and a
        // Python script kept in bin/ (redash's bin/release_manager.py).
        'shop/cli/groups.py': lines('from click import argument', 'from flask.cli import AppGroup', 'from shop.models import Tag', 'manager = AppGroup(help="Groups")', '@manager.command()', '@argument("names")', 'def create(names):', '    for n in names:', '        Tag.objects.create(name=n)'),
        'shop/tools.py': lines('import typer', 'from shop.models import Tag', 'app = typer.Typer()', '@app.command()', 'def seed(names: list[str]):', '    for n in names:', '        Tag.objects.create(name=n)'),
        'bin/release_manager.py': lines('import requests', 'def fetch(urls):', '    for u in urls:', '        requests.get(u, timeout=5)'),
        // peewee_migrate's steps (`def migrate(migrator, database, …)`), and Flyway 5's Java migrations (`implements
        // SpringJdbcMigration`, before BaseJavaMigration).
        'shop/migrations/002_tags.py': lines('from shop.models import Tag', '', 'def migrate(migrator, database, fake=False, **kwargs):', "    for n in Tag.objects.filter(name__contains=' '):", '        Tag.objects.create(name=n)'),
        'src/main/java/db/migration/V2__Tags.java': lines(
          'package db.migration;',
          'import org.flywaydb.core.api.migration.spring.SpringJdbcMigration;',
          'import org.springframework.jdbc.core.JdbcTemplate;',
          'public class V2__Tags implements SpringJdbcMigration {',
          '  public void migrate(JdbcTemplate jdbcTemplate) throws Exception {',
          '    for (String n : jdbcTemplate.queryForList("SELECT name FROM old_tags", String.class)) {',
          '      jdbcTemplate.update("INSERT INTO tags (name) VALUES (?)", n);',
          '    }',
          '  }',
          '}',
        ),
        // rich-click, Click's drop-in (ArchiveBox's archivebox/cli/).
        'shop/cli/update.py': lines('import rich_click as click', 'from shop.models import Tag', '@click.command()', 'def update(names):', '    for n in names:', '        Tag.objects.create(name=n)'),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/controllers/migration/importArticles.ts:3:31 createArticle → prisma.article.findUnique [for…of sequential] → POST /migration',
        'query-in-loop src/routes.ts:3:42 createArticle → prisma.article.findUnique [for…of sequential] → POST /articles',
      ]);
      assert.deepEqual(routeRows(f), [
        ['POST', '/articles', 'src/routes.ts', 1, 'express'],
        ['POST', '/migration', 'src/routes/migration.ts', 1, 'express'],
      ]);
    });

    it("Express: a filter on a wildcard that hands each request on with next() (Wiki.js' HTTPS redirect) is middleware, not a route; a catch-all that answers is", async () => {
      const f = await joined({
        'server.ts': lines(
          "import express from 'express';",
          'const app = express();',
          "app.all('/*', (req, res, next) => {",
          "  if (config.redirect && !req.secure) return res.redirect('https://' + req.hostname + req.url);",
          '  next();',
          '});',
          "app.get('/api/*', async (req: Request, res: Response, next: NextFunction) => {",
          '  try { res.json(await proxy(req)); } catch (err) { next(err); }',
          '});',
          "app.get('*', (req, res) => res.sendFile('index.html'));",
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/api/*', 'server.ts', 6, 'express'],
        ['GET', '*', 'server.ts', 9, 'express'],
      ]);
    });

    it("Express: a function used at a path that answers and never hands the request on (etherpad's REST API v2) is an endpoint of any method; middleware is not", async () => {
      const f = await joined({
        'server.js': lines(
          "const express = require('express');",
          'const app = express();',
          "app.use('/api/2', async (req, res) => {",
          "  const { rows } = await pool.query('SELECT * FROM pads WHERE id = $1', [req.path.slice(1)]);",
          "  for (const r of rows) await pool.query('UPDATE pads SET seen = now() WHERE id = $1', [r.id]);", // 5
          '  res.json(rows);',
          '});',
          "app.use('/static', (req, res, next) => { res.set('x', '1'); next(); });",
          "app.use('/logs', (req, _res) => { console.log(req.url); });",
          "app.get('/health', (req, res) => res.send('ok'));",
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['ANY', '/api/2', 'server.js', 2, 'express'],
        ['GET', '/health', 'server.js', 9, 'express'],
      ]);
      assert.deepEqual(hazardRows(f), ['query-in-loop server.js:5:31 pool.query [for…of sequential] → ANY /api/2']);
    });

    it("Express: a handler made by a factory is a route, served by the factory's code (expressjs/express examples/content-negotiation)", async () => {
      const f = await joined({
        'index.js': lines(
          "const express = require('express');",
          'const app = express();',
          "app.get('/users', format('./users'));",
          "app.get('/orders', wrap(loadOrders));",
          "app.get('title');",
          'function format(path) {',
          '  const obj = require(path);',
          '  return (req, res) => res.format(obj);',
          '}',
          'function wrap(fn) { return fn; }',
          'async function loadOrders(req, res) { res.json([]); }',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/users', 'index.js', 2, 'express'],
        ['GET', '/orders', 'index.js', 3, 'express'],
      ]);
      const [users, orders] = f.get('index.js')!.routes;
      // The factory's body for the first, the wrapped function (the last argument) for the second, as before.
      assert.deepEqual([users.handler.start.line, users.handler.end.line], [5, 8]);
      assert.deepEqual([orders.handler.start.line, orders.handler.end.line], [10, 10]);
    });

    it('Express: a controller wrapped by catchAsync/asyncHandler is known by its name: its hazards are on the route, its route at its code; so are its middleware\'s', async () => {
      // The shape of hagopj13/node-express-boilerplate's controllers, and of express-async-handler.
      const f = await joined({
        'src/routes/user.route.js': lines(
          "const express = require('express');",
          "const auth = require('../middlewares/auth');",
          "const userController = require('../controllers/user.controller');",
          'const router = express.Router();',
          "router.route('/').post(auth('manageUsers'), userController.createUser).get(userController.getUsers);",
          'module.exports = router;',
        ),
        // The middleware a route names runs on its request path (POST / here, not GET /).
        'src/middlewares/auth.js': lines(
          "const { pool } = require('../db');",
          'const auth = (...rights) => async (req, res, next) => {',
          "  for (const r of rights) await pool.query('SELECT 1 FROM grants WHERE user_id = $1 AND name = $2', [req.user.id, r]);",
          '  next();',
          '};',
          'module.exports = auth;',
        ),
        'src/controllers/user.controller.js': lines(
          "const catchAsync = require('../utils/catchAsync');",
          "const { pool } = require('../db');",
          'const createUser = catchAsync(async (req, res) => {',
          '  for (const u of req.body.users) {',
          "    await pool.query('INSERT INTO users (name) VALUES ($1)', [u.name]);",
          '  }',
          '  res.status(201).end();',
          '});',
          'exports.getUsers = asyncHandler(async (req, res) => {',
          "  res.send(await pool.query('SELECT id, name FROM users'));",
          '});',
          // A callback given to map names the result, not the callback: still anonymous.
          'const names = ["a"].map((n) => n.toUpperCase());',
          'module.exports.createUser = createUser;',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/controllers/user.controller.js:5:11 pool.query [for…of sequential] → POST /',
        'query-in-loop src/middlewares/auth.js:3:33 pool.query [for…of sequential] → POST /',
        'unbounded-query src/controllers/user.controller.js:10:18 pool.query → GET /',
      ]);
      assert.deepEqual(handledRows(f), ['src/controllers/user.controller.js:2 POST /', 'src/controllers/user.controller.js:8 GET /']);
    });

    it('Express: routers mounted from a table (forEach or for…of), and every method chained on router.route()', async () => {
      // The shape of hagopj13/node-express-boilerplate's src/routes/v1/index.js.
      const files = {
        'src/app.js': lines("const express = require('express');", "const routes = require('./routes');", 'const app = express();', "app.use('/v1', routes);"),
        'src/routes/index.js': lines(
          "const express = require('express');",
          "const authRoute = require('./auth.route');",
          "const userRoute = require('./user.route');",
          'const router = express.Router();',
          'const defaultRoutes = [',
          "  { path: '/auth', route: authRoute },",
          "  { path: '/users', route: userRoute },",
          '];',
          'defaultRoutes.forEach((route) => {',
          '  router.use(route.path, route.route);',
          '});',
          'module.exports = router;',
        ),
        'src/routes/auth.route.js': lines("const express = require('express');", 'const router = express.Router();', "router.post('/login', (req, res) => res.end());", 'module.exports = router;'),
        'src/routes/user.route.js': lines(
          "const express = require('express');",
          'const router = express.Router();',
          'router',
          "  .route('/')",
          "  .post(auth('manageUsers'), validate(createUser), controller.createUser)",
          "  .get(auth('getUsers'), controller.getUsers);",
          "router.route('/:userId').get(controller.getUser).patch(controller.updateUser).delete(controller.deleteUser);",
          'module.exports = router;',
        ),
      };
      const expected = [
        ['POST', '/v1/auth/login', 'src/routes/auth.route.js', 2, 'express'],
        ['GET', '/v1/users', 'src/routes/user.route.js', 2, 'express'],
        ['POST', '/v1/users', 'src/routes/user.route.js', 2, 'express'],
        ['DELETE', '/v1/users/:userId', 'src/routes/user.route.js', 6, 'express'],
        ['GET', '/v1/users/:userId', 'src/routes/user.route.js', 6, 'express'],
        ['PATCH', '/v1/users/:userId', 'src/routes/user.route.js', 6, 'express'],
      ];
      assert.deepEqual(routeRows(await joined(files)), expected);
      const forOf = files['src/routes/index.js'].replace('defaultRoutes.forEach((route) => {', 'for (const route of defaultRoutes) {').replace('});\nmodule', '}\nmodule');
      assert.deepEqual(routeRows(await joined({ ...files, 'src/routes/index.js': forOf })), expected);

      // While typing: a row added to the table is a mount of the loop's statement, which the edit did not touch.
      const index = new CodeIndex(grammars);
      for (const [file, text] of Object.entries(files)) await index.ingest(file, text);
      await index.analyzeEdit('src/routes/index.js', files['src/routes/index.js']);
      await index.analyzeEdit('src/routes/index.js', files['src/routes/index.js'].replace("path: '/users'", "path: '/members'"));
      assert.deepEqual(
        routeRows(new Map(index.link().map((a) => [a.file, a]))).map((r) => r[1]),
        ['/v1/auth/login', '/v1/members', '/v1/members', '/v1/members/:userId', '/v1/members/:userId', '/v1/members/:userId'],
      );
    });

    it('Express: routers mounted on a chain of use() on a fresh Router(), named by its const or exported as default', async () => {
      // The shape of gothinkster/node-express-realworld-example-app's src/app/routes/routes.ts.
      const controller = (path: string) => lines("import { Router } from 'express';", 'const router = Router();', `router.get('${path}', async (req, res) => res.json([]));`, 'export default router;');
      const files = {
        'src/main.ts': lines("import express from 'express';", "import routes from './app/routes/routes';", 'const app = express();', 'app.use(routes);', "app.get('/', (req, res) => res.json({}));"),
        'src/app/routes/routes.ts': lines(
          "import { Router } from 'express';",
          "import tagsController from './tag/tag.controller';",
          "import articlesController from './article/article.controller';",
          'const api = Router()',
          '  .use(tagsController)',
          "  .use('/v2', articlesController);",
          '',
          "export default Router().use('/api', api);",
        ),
        'src/app/routes/tag/tag.controller.ts': controller('/tags'),
        'src/app/routes/article/article.controller.ts': controller('/articles'),
      };
      assert.deepEqual(routeRows(await joined(files)), [
        ['GET', '/api/v2/articles', 'src/app/routes/article/article.controller.ts', 2, 'express'],
        ['GET', '/api/tags', 'src/app/routes/tag/tag.controller.ts', 2, 'express'],
        ['GET', '/', 'src/main.ts', 4, 'express'],
      ]);
      // The same chain on an existing router (`app.use(a).use(b)`) mounts on that router.
      const chained = { ...files, 'src/main.ts': files['src/main.ts'].replace('app.use(routes);', "app.use(express.json()).use('/x', routes);") };
      assert.deepEqual(routeRows(await joined(chained)).map((r) => r[1]), ['/x/api/v2/articles', '/x/api/tags', '/']);
    });

    it('Express: controller classes register on their own router and are mounted as new X(…).router (Unleash, class UsersController { router = Router() })', async () => {
      // The shape of Unleash/unleash: a Controller base class whose route() and use() call its Express router.
      const files = {
        'src/routes/controller.ts': lines(
          "import { Router } from 'express';",
          'export default class Controller {',
          '  app = Router();',
          '  route(options) { this.app[options.method](options.path, options.handler); }',
          '  use(path, router) { this.app.use(path, router); }',
          '  get router() { return this.app; }',
          '}',
        ),
        'src/routes/index.ts': lines(
          "import Controller from './controller';",
          "import AdminApi from './admin-api';",
          "import { HealthController } from './health';",
          'export default class IndexRouter extends Controller {',
          '  constructor(config) {',
          '    super(config);',
          "    this.use('/api/admin', new AdminApi(config).router);",
          "    this.use('/health', new HealthController().router);",
          '  }',
          '}',
        ),
        'src/routes/admin-api.ts': lines(
          "import Controller from './controller';",
          "import FeatureController from './features';",
          'export default class AdminApi extends Controller {',
          '  constructor(config) {',
          '    super(config);',
          "    this.app.use('/features', new FeatureController(config).router);",
          "    this.app.use('', new FeatureController(config).router);",
          '  }',
          '}',
        ),
        'src/routes/features.ts': lines(
          "import Controller from './controller';",
          "const PREFIX = '/:projectId/features';",
          'export default class FeatureController extends Controller {',
          '  constructor(config) {',
          '    super(config);',
          "    this.route({ method: 'get', path: PREFIX, handler: this.list, permission: 'NONE' });",
          '  }',
          '  async list(req, res) { res.json([]); }',
          '}',
        ),
        // The common hand-written shape: the router a field, routes added in a method the constructor calls.
        'src/routes/health.ts': lines(
          "import { Router } from 'express';",
          'export class HealthController {',
          '  public router = Router();',
          '  constructor() { this.routes(); }',
          "  private routes() { this.router.get('/live', (req, res) => res.send('ok')); }",
          '}',
        ),
        'src/app.ts': lines("import express from 'express';", "import IndexRouter from './routes/index';", 'const app = express();', "app.use('/', new IndexRouter({}).router);"),
      };
      assert.deepEqual(routeRows(await joined(files)), [
        ['GET', '/api/admin/:projectId/features', 'src/routes/features.ts', 5, 'express'],
        ['GET', '/api/admin/features/:projectId/features', 'src/routes/features.ts', 5, 'express'],
        ['GET', '/health/live', 'src/routes/health.ts', 4, 'express'],
      ]);
    });

    it('Koa: new Router({ prefix }) and router.use(prefix, sub.routes()) compose; named routes', async () => {
      const f = await analyseFixture('code-koa');
      assert.deepEqual(routeRows(f), [
        ['GET', '/api/v1/users/:id', 'app.js', 7, 'koa'],
        ['POST', '/api/v1/users/bulk', 'app.js', 11, 'koa'],
      ]);
      assert.deepEqual(hazardRows(f), ['query-in-loop app.js:14:11 db.query [for…of sequential] → POST /api/v1/users/bulk']);
    });

    it('Koa: koa-mount prefixes a Koa app, and a route path without a leading slash joins under its prefix (outline)', async () => {
      // The shape of outline/outline: RPC-style routes (`documents.list`) on routers mounted at '/' on a Koa app,
      // itself mounted with koa-mount at /api; another app mounted without a prefix.
      const f = await joined({
        'server/services/web.ts': lines(
          "import Koa from 'koa';",
          "import mount from 'koa-mount';",
          "import api from '../routes/api';",
          "import routes from '../routes';",
          'export default function init(app: Koa) {',
          "  app.use(mount('/api', api));",
          '  app.use(mount(routes));',
          '}',
        ),
        'server/routes/api/index.ts': lines(
          "import Koa from 'koa';",
          "import Router from 'koa-router';",
          "import documents from './documents';",
          'const api = new Koa();',
          'const router = new Router();',
          "router.use('/', documents.routes());",
          'api.use(router.routes());',
          'export default api;',
        ),
        'server/routes/api/documents/index.ts': lines('export { default } from "./documents";'),
        'server/routes/api/documents/documents.ts': lines(
          "import Router from 'koa-router';",
          'const router = new Router();',
          "router.post('documents.list', auth(), pagination(), async (ctx) => {",
          '  ctx.body = await Document.findAll({ limit: ctx.state.pagination.limit });',
          '});',
          "router.get('user', '/users/:id', async (ctx) => {});",
          'export default router;',
        ),
        'server/routes/index.ts': lines(
          "import Koa from 'koa';",
          "import Router from 'koa-router';",
          'const koa = new Koa();',
          'const router = new Router();',
          "router.get('/robots.txt', (ctx) => {});",
          'koa.use(router.routes());',
          'export default koa;',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['POST', '/api/documents.list', 'server/routes/api/documents/documents.ts', 2, 'koa'],
        ['GET', '/api/users/:id', 'server/routes/api/documents/documents.ts', 5, 'koa'],
        ['GET', '/robots.txt', 'server/routes/index.ts', 4, 'koa'],
      ]);
    });

    it("the project's own router class (Joplin Server's utils/Router): paths from the root written without the slash, its del() a DELETE; another class's get() is no route", async () => {
      const f = await joined({
        'packages/server/src/utils/Router.ts': lines('export default class Router {', '  public get(path: string, fn: Function) {}', '  public del(path: string, fn: Function) {}', '}'),
        'packages/server/src/routes/api/items.ts': lines(
          "import Router from '../../utils/Router';",
          "import { RouteType } from '../../utils/types';",
          'const router: Router = new Router(RouteType.Api);',
          "router.get('api/items/:id', async (path, ctx) => {",
          '  for (const id of ctx.query.ids) await ctx.joplin.models.item().load(id);',
          '});',
          "router.del('api/items/:id', async (path, ctx) => {});",
          'export default router;',
        ),
        'packages/server/src/services/cache.ts': lines("import Store from './Store';", 'const store = new Store();', "store.get('items', () => {});"),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/api/items/:id', 'packages/server/src/routes/api/items.ts', 3, 'express'],
        ['DELETE', '/api/items/:id', 'packages/server/src/routes/api/items.ts', 6, 'express'],
      ]);
    });

    it('a call through barrel files (export * from, export { x } from, import-then-export) reaches the defining module', async () => {
      const f = await joined({
        'src/app.ts': lines(
          "import express from 'express';",
          "import { syncAll, touchAll, pruneAll } from './services';",
          'const app = express();',
          "app.post('/sync', async (req, res) => res.json(await syncAll(req.body.ids)));",
          "app.post('/touch', async (req, res) => res.json(await touchAll(req.body.ids)));",
          "app.post('/prune', async (req, res) => res.json(await pruneAll(req.body.ids)));",
        ),
        'src/services/index.ts': lines("export * from './sync';", "export { touchAll } from './touch';", "import { pruneAll } from './prune';", 'export { pruneAll };'),
        'src/services/sync.ts': lines("import { pool } from '../db';", 'export async function syncAll(ids: string[]) {', "  for (const id of ids) await pool.query('UPDATE t SET s = 1 WHERE id = $1', [id]);", '}'),
        'src/services/touch.ts': lines("import { pool } from '../db';", 'export async function touchAll(ids: string[]) {', "  for (const id of ids) await pool.query('UPDATE t SET s = 2 WHERE id = $1', [id]);", '}'),
        'src/services/prune.ts': lines("import { pool } from '../db';", 'export async function pruneAll(ids: string[]) {', "  for (const id of ids) await pool.query('DELETE FROM t WHERE id = $1', [id]);", '}'),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/services/prune.ts:3:31 pool.query [for…of sequential] → POST /prune',
        'query-in-loop src/services/sync.ts:3:31 pool.query [for…of sequential] → POST /sync',
        'query-in-loop src/services/touch.ts:3:31 pool.query [for…of sequential] → POST /touch',
      ]);
    });

    it('of two classes of one name (server and browser code of one service), a call lands on the nearer one', async () => {
      const model = (call: string) =>
        lines('export default class User {', '  public setEvent = (type: string) => {', `    ${call}`, '  };', '}');
      const files: Record<string, string> = {
        'server/routes/users.ts': lines(
          "import Router from 'koa-router';",
          'const router = new Router();',
          "router.post('/users.subscribe', async (ctx) => {",
          '  const { user } = ctx.state.auth;',
          '  for (const type of ctx.request.body.types) user.setEvent(type);',
          '});',
        ),
        'server/models/User.ts': model('this.settings = { ...this.settings, [type]: true };'),
        'app/models/User.ts': model("return client.post('/users.subscribe', { type });"),
      };
      assert.deepEqual(hazardRows(await joined(files)), []);
      // With no server model, the browser's is the only class of that name, and its call is the one found.
      delete files['server/models/User.ts'];
      assert.deepEqual(hazardRows(await joined(files)), [
        'call-in-loop server/routes/users.ts:5:46 user.setEvent → client.post [for…of sequential] → POST /users.subscribe',
      ]);
    });

    it('Fastify: @fastify/autoload prefixes each plugin with its folder path (or its autoPrefix) under the registration prefix', async () => {
      // The shape of fastify/demo: src/app.ts autoloads src/routes, whose folders give /api, /api/tasks…
      const plugin = (route: string, extra = '') =>
        lines("import { FastifyInstance } from 'fastify';", extra, 'export default async function (fastify: FastifyInstance) {', `  fastify.get('${route}', async () => ({}));`, '}');
      const f = await joined({
        'src/app.ts': lines(
          "import path from 'node:path';",
          "import fastifyAutoload from '@fastify/autoload';",
          'export default async function serviceApp(fastify, opts) {',
          "  fastify.register(fastifyAutoload, { dir: path.join(import.meta.dirname, 'routes'), options: { prefix: '/v1' } });",
          '}',
        ),
        'src/routes/home.ts': plugin('/'),
        'src/routes/api/index.ts': plugin('/'),
        'src/routes/api/tasks/index.ts': plugin('/:id'),
        'src/routes/api/legacy/index.ts': plugin('/items', "export const autoPrefix = '/old';"),
        // A file named like a folder beside it is not that folder's index: the folder's files are all loaded.
        'src/routes/reports.ts': plugin('/reports-summary'),
        'src/routes/reports/daily.ts': plugin('/daily'),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/v1/api', 'src/routes/api/index.ts', 3, 'fastify'],
        ['GET', '/v1/old/items', 'src/routes/api/legacy/index.ts', 3, 'fastify'],
        ['GET', '/v1/api/tasks/:id', 'src/routes/api/tasks/index.ts', 3, 'fastify'],
        ['GET', '/v1', 'src/routes/home.ts', 3, 'fastify'],
        ['GET', '/v1/reports-summary', 'src/routes/reports.ts', 3, 'fastify'],
        ['GET', '/v1/reports/daily', 'src/routes/reports/daily.ts', 3, 'fastify'],
      ]);
    });

    it('Express: a route\'s middleware and the Passport strategy it authenticates with (its verify function written in place or named) run on its request path', async () => {
      // The shapes of sahat/hackathon-starter's app.js and config/passport.js.
      const f = await joined({
        'config/passport.js': lines(
          "const passport = require('passport');",
          'passport.use(',
          "  new GitHubStrategy({ clientID: 'x', callbackURL: '/auth/github/callback' }, async (req, accessToken, refreshToken, profile, done) => {",
          "    const response = await fetch('https://api.github.com/user/emails');",
          '    done(null, await response.json());',
          '  }),',
          ');',
          'const linkedinConfig = new OAuth2Strategy({ clientID: \'x\' }, async (req, accessToken, done) => {',
          "  const response = await fetch('https://api.linkedin.com/v2/userinfo');",
          '  done(null, response.ok);',
          '});',
          "passport.use('linkedin', linkedinConfig);",
          'passport.use(new LocalStrategy({ usernameField: \'email\' }, (email, password, done) => {',
          "  fetch('http://audit/login');",
          '}));',
          'exports.isAuthenticated = async (req, res, next) => {',
          "  const response = await fetch('http://sessions/check');",
          '  return response.ok ? next() : res.redirect(\'/login\');',
          '};',
          // A callback's own `response`, not a client of the module that isAuthenticated's `response.ok` would use.
          'setImmediate(async () => {',
          "  const response = await fetch('http://warmup/');",
          '});',
          // A verify function given by name (node-express-boilerplate's jwtStrategy, used as 'jwt' by app.js).
          'const jwtVerify = async (payload, done) => {',
          "  const user = await fetch('http://users/' + payload.sub);",
          '  done(null, user.ok);',
          '};',
          'exports.jwtStrategy = new JwtStrategy(jwtOptions, jwtVerify);',
        ),
        'app.js': lines(
          "const passport = require('passport');",
          "const passportConfig = require('./config/passport');",
          'const app = express();',
          "app.get('/account', passportConfig.isAuthenticated, (req, res) => res.render('account'));",
          "app.get('/auth/github', passport.authenticate('github'));",
          "app.get('/auth/github/callback', passport.authenticate('github', { failureRedirect: '/login' }), (req, res) => res.redirect('/'));",
          "app.get('/auth/linkedin/callback', passport.authorize('linkedin'), (req, res) => res.redirect('/'));",
          "app.post('/login', (req, res, next) => passport.authenticate('local', (err, user) => res.redirect('/'))(req, res, next));",
          "passport.use('jwt', passportConfig.jwtStrategy);",
          "app.get('/me', passport.authenticate('jwt', { session: false }), (req, res) => res.json(req.user));",
        ),
      });
      // The first leg (GET /auth/github) only redirects: the verify function runs on the callback.
      assert.deepEqual(hazardRows(f), [
        'missing-timeout config/passport.js:14:3 fetch → POST /login',
        'missing-timeout config/passport.js:17:26 fetch → GET /account',
        'missing-timeout config/passport.js:21:26 fetch → -',
        'missing-timeout config/passport.js:24:22 fetch → GET /me',
        'missing-timeout config/passport.js:4:28 fetch → GET /auth/github/callback',
        'missing-timeout config/passport.js:9:26 fetch → GET /auth/linkedin/callback',
      ]);
    });

    it('Remix and React Router route modules: a loader is GET of the path its file name spells, an action POST; a module without either is no route (documenso)', async () => {
      const f = await joined({
        'apps/remix/app/routes/_recipient+/sign.$token+/_index.tsx': lines(
          "import { prisma } from '@documenso/prisma';",
          'export async function loader({ params }) {',
          '  const recipients = await prisma.recipient.findMany({ where: { token: params.token } });',
          '  for (const r of recipients) r.fields = await prisma.field.findMany({ where: { recipientId: r.id }, take: 50 });',
          '  return { recipients };',
          '}',
          'export const action = async ({ request }) => {',
          "  await fetch('http://hooks/signed', { method: 'POST', body: await request.text() });",
          '  return null;',
          '};',
          'export default function Sign() {',
          "  fetch('/api/ping');",
          '  return null;',
          '}',
        ),
        'apps/remix/app/routes/_internal+/[__htmltopdf]+/certificate.tsx': lines('export async function loader() {', '  return {};', '}'),
        'apps/remix/app/routes/blog.($lang).$slug.tsx': lines('export async function loader({ params }) {', '  return params;', '}'),
        'apps/remix/app/routes/_unauthenticated+/signin.tsx': lines('export default function SignIn() {', '  return null;', '}'),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/__htmltopdf/certificate', 'apps/remix/app/routes/_internal+/[__htmltopdf]+/certificate.tsx', 0, 'react-router'],
        ['GET', '/sign/:token', 'apps/remix/app/routes/_recipient+/sign.$token+/_index.tsx', 1, 'react-router'],
        ['POST', '/sign/:token', 'apps/remix/app/routes/_recipient+/sign.$token+/_index.tsx', 6, 'react-router'],
        ['GET', '/blog/:lang?/:slug', 'apps/remix/app/routes/blog.($lang).$slug.tsx', 0, 'react-router'],
      ]);
      assert.deepEqual(hazardRows(f), [
        'missing-timeout apps/remix/app/routes/_recipient+/sign.$token+/_index.tsx:8:9 fetch → POST /sign/:token',
        'query-in-loop apps/remix/app/routes/_recipient+/sign.$token+/_index.tsx:4:48 prisma.field.findMany [for…of sequential] → GET /sign/:token',
        'unbounded-query apps/remix/app/routes/_recipient+/sign.$token+/_index.tsx:3:28 prisma.recipient.findMany → GET /sign/:token',
      ]);
    });

    it("Remix and React Router layouts: a layout's loader serves no path of its own, it runs for each page below it (and the root's for every page); a page below a loading layout is a route even with no loader of its own (documenso)", async () => {
      const f = await joined({
        'apps/remix/app/root.tsx': lines('export async function loader() {', "  return await fetch('http://flags/all');", '}'),
        'apps/remix/app/routes/_authenticated+/_layout.tsx': lines(
          "import { prisma } from '@documenso/prisma';",
          'export async function loader() {',
          '  return { teams: await prisma.team.findMany() };', // 3
          '}',
          'export default function Layout() {',
          '  return null;',
          '}',
        ),
        'apps/remix/app/routes/_authenticated+/dashboard.tsx': lines('export async function loader() {', '  return {};', '}'),
        'apps/remix/app/routes/_authenticated+/settings.tsx': lines('export default function Settings() {', '  return null;', '}'),
        'apps/remix/app/routes/_authenticated+/admin+/_layout.tsx': lines('export async function loader() {', '  return {};', '}'),
        'apps/remix/app/routes/_authenticated+/admin+/_index.tsx': lines('export default function Admin() {', '  return null;', '}'),
        // A layout named in the flat form: `docs.$id._layout.tsx` is the layout of `docs.$id`.
        'apps/remix/app/routes/_authenticated+/docs.$id._layout.tsx': lines("import { prisma } from '@documenso/prisma';", 'export async function loader() {', '  return prisma.doc.findMany();', '}'), // 3
        'apps/remix/app/routes/_authenticated+/docs.$id._index.tsx': lines('export default function Doc() {', '  return null;', '}'),
        // A layout with a path and no index below it serves its path itself.
        'apps/remix/app/routes/reports+/_layout.tsx': lines('export async function loader() {', '  return {};', '}'),
        'apps/remix/app/routes/reports+/daily.tsx': lines('export default function Daily() {', '  return null;', '}'),
        // Flat names: `_auth.tsx` is the pathless layout of `_auth.login.tsx`; `users_.edit` escapes `users`' layout.
        'apps/remix/app/routes/_auth.tsx': lines("import { prisma } from '@documenso/prisma';", 'export async function loader() {', '  return prisma.session.findMany();', '}'), // 3
        'apps/remix/app/routes/_auth.login.tsx': lines('export default function Login() {', '  return null;', '}'),
        'apps/remix/app/routes/_index.tsx': lines('export default function Home() {', '  return null;', '}'),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/login', 'apps/remix/app/routes/_auth.login.tsx', 0, 'react-router'],
        ['GET', '/admin', 'apps/remix/app/routes/_authenticated+/admin+/_index.tsx', 0, 'react-router'],
        ['GET', '/dashboard', 'apps/remix/app/routes/_authenticated+/dashboard.tsx', 0, 'react-router'],
        ['GET', '/docs/:id', 'apps/remix/app/routes/_authenticated+/docs.$id._index.tsx', 0, 'react-router'],
        ['GET', '/settings', 'apps/remix/app/routes/_authenticated+/settings.tsx', 0, 'react-router'],
        ['GET', '/reports', 'apps/remix/app/routes/reports+/_layout.tsx', 0, 'react-router'],
        ['GET', '/reports/daily', 'apps/remix/app/routes/reports+/daily.tsx', 0, 'react-router'],
      ]);
      assert.deepEqual(hazardRows(f), [
        'missing-timeout apps/remix/app/root.tsx:2:16 fetch → GET /dashboard, GET /reports, GET /settings, GET /admin, GET /docs/:id, GET /reports/daily, GET /login',
        'unbounded-query apps/remix/app/routes/_auth.tsx:3:10 prisma.session.findMany → GET /login',
        'unbounded-query apps/remix/app/routes/_authenticated+/_layout.tsx:3:25 prisma.team.findMany → GET /dashboard, GET /settings, GET /admin, GET /docs/:id',
        'unbounded-query apps/remix/app/routes/_authenticated+/docs.$id._layout.tsx:3:10 prisma.doc.findMany → GET /docs/:id',
      ]);
    });

    it('SvelteKit: +server.ts methods, a page\'s load (GET) and actions (one POST running each), groups left out of the route id', async () => {
      const f = await joined({
        'src/routes/api/posts/[slug]/+server.ts': lines(
          "import { db } from '$lib/server/db';",
          'export async function GET({ params }) {',
          "  return json(await db.query('SELECT * FROM posts WHERE slug = $1', [params.slug]));",
          '}',
          'export const DELETE = async ({ params }) => {',
          "  await fetch('http://search/remove/' + params.slug, { method: 'DELETE' });",
          '  return new Response(null);',
          '};',
        ),
        'src/routes/(app)/dashboard/+page.server.ts': lines(
          "import { db } from '$lib/server/db';",
          'export const load = async () => {',
          "  return { posts: await db.query('SELECT * FROM posts') };",
          '};',
          'export const actions = {',
          '  default: async ({ request }) => {',
          "    for (const id of (await request.formData()).getAll('id')) await db.query('DELETE FROM posts WHERE id = $1', [id]);",
          '  },',
          '  async archive({ request }) {',
          "    await fetch('http://archive/run', { method: 'POST' });",
          '  },',
          '};',
        ),
        'src/routes/(app)/+layout.svelte': lines('<slot />'),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/dashboard', 'src/routes/(app)/dashboard/+page.server.ts', 1, 'sveltekit'],
        ['POST', '/dashboard', 'src/routes/(app)/dashboard/+page.server.ts', 5, 'sveltekit'],
        ['GET', '/api/posts/[slug]', 'src/routes/api/posts/[slug]/+server.ts', 1, 'sveltekit'],
        ['DELETE', '/api/posts/[slug]', 'src/routes/api/posts/[slug]/+server.ts', 4, 'sveltekit'],
      ]);
      assert.deepEqual(hazardRows(f), [
        // The second action runs on the same POST as the default one.
        'missing-timeout src/routes/(app)/dashboard/+page.server.ts:10:11 fetch → POST /dashboard',
        'missing-timeout src/routes/api/posts/[slug]/+server.ts:6:9 fetch → DELETE /api/posts/[slug]',
        'query-in-loop src/routes/(app)/dashboard/+page.server.ts:7:69 db.query [for…of sequential] → POST /dashboard',
        'unbounded-query src/routes/(app)/dashboard/+page.server.ts:3:25 db.query → GET /dashboard',
      ]);
    });

    it('Nuxt and Nitro: server/api and server/routes files, a method suffix, [id] and [...slug] params, index folders', async () => {
      const f = await joined({
        'server/api/users/[id].get.ts': lines(
          "import { db } from '../../utils/db';",
          'export default defineEventHandler(async (event) => {',
          "  const user = await db.query('SELECT * FROM users WHERE id = $1', [getRouterParam(event, 'id')]);",
          "  for (const g of user.groups) g.members = await db.query('SELECT * FROM members WHERE group_id = $1 LIMIT 50', [g.id]);",
          '  return user;',
          '});',
        ),
        'server/api/users/index.post.ts': lines('export default defineEventHandler(async (event) => readBody(event));'),
        'server/routes/files/[...path].ts': lines('export default eventHandler((event) => sendStream(event, open(event.path)));'),
        'server/utils/db.ts': lines('export const db = usePool();'),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/api/users/:id', 'server/api/users/[id].get.ts', 1, 'nitro'],
        ['POST', '/api/users', 'server/api/users/index.post.ts', 0, 'nitro'],
        ['ANY', '/files/**:path', 'server/routes/files/[...path].ts', 0, 'nitro'],
      ]);
      assert.deepEqual(hazardRows(f), ['query-in-loop server/api/users/[id].get.ts:4:50 db.query [for…of sequential] → GET /api/users/:id']);
    });

    it('Drizzle: a select with no where or limit is unbounded (not an aggregate, not one with where, limit or a relational limit, nor a findMany whose where pins a key or a parent\'s key, alone or in and(…)); a builder chain per item is a query in a loop', async () => {
      const f = await joined({
        'server/api/todos.get.ts': lines(
          "import { db, schema } from 'hub:db';",
          "import { eq, count } from 'drizzle-orm';",
          'export default eventHandler(async (event) => {',
          '  const all = await db.select().from(schema.todos);',
          '  const mine = await db.select().from(schema.todos).where(eq(schema.todos.userId, 1));',
          '  const page = await db.select().from(schema.todos).orderBy(schema.todos.id).limit(20);',
          '  const [{ n }] = await db.select({ n: count() }).from(schema.todos);',
          "  const sq = db.$with('sq').as(db.select().from(schema.todos).where(eq(schema.todos.userId, 1)).limit(5));",
          '  const withTags = await db.with(sq).select().from(sq).leftJoin(schema.tags, eq(schema.tags.todoId, sq.id));',
          '  const both = await db.with(other, sq).select().from(sq);',
          '  const everyone = await db.with(sq).select().from(schema.users);',
          '  const users = await db.query.users.findMany();',
          '  const few = await db.query.users.findMany({ limit: 10 });',
          '  const own = await db.query.webhooks.findMany({ where: eq(webhooks.userId, 1) });',
          '  const picked = await db.query.tags.findMany({ where: and(eq(tags.enabled, true), eq(tags.userId, 1), inArray(tags.id, [1, 2])) });',
          '  const on = await db.query.users.findMany({ where: eq(users.backupsEnabled, true) });',
          '  const either = await db.query.tags.findMany({ where: or(eq(tags.userId, 1), eq(tags.public, true)) });',
          '  for (const t of all) await db.update(schema.todos).set({ seen: true }).where(eq(schema.todos.id, t.id));',
          '  await db.transaction(async (tx) => {',
          '    for (const u of users) await tx.insert(schema.audit).values({ userId: u.id });',
          '  });',
          '  return { all, mine, page, n, users, few };',
          '});',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop server/api/todos.get.ts:18:30 db.update.set.where [for…of sequential] → GET /api/todos',
        'query-in-loop server/api/todos.get.ts:20:34 tx.insert.values [for…of sequential] → GET /api/todos',
        'unbounded-query server/api/todos.get.ts:11:26 db.with.select.from → GET /api/todos',
        'unbounded-query server/api/todos.get.ts:12:23 db.query.users.findMany → GET /api/todos',
        'unbounded-query server/api/todos.get.ts:16:20 db.query.users.findMany → GET /api/todos',
        'unbounded-query server/api/todos.get.ts:17:24 db.query.tags.findMany → GET /api/todos',
        'unbounded-query server/api/todos.get.ts:4:21 db.select.from → GET /api/todos',
      ]);
    });

    it("Drizzle through a request context's `ctx.db` (create-t3-app's and karakeep's tRPC procedures), as through `db`; Prisma's `ctx.db.post.findMany` stays Prisma's", async () => {
      const f = await joined({
        'src/server/api/posts.ts': lines(
          "import { eq } from 'drizzle-orm';",
          "import { posts, tags } from '../db/schema';",
          'export async function all({ ctx }: { ctx: Context }) {',
          '  const rows = await ctx.db.select().from(posts);', // 4
          '  for (const p of rows) {',
          '    await ctx.db.select().from(tags).where(eq(tags.postId, p.id));', // 6
          '  }',
          '  const mine = await ctx.db.select().from(posts).where(eq(posts.userId, ctx.userId));',
          '  for (const id of ctx.ids) await ctx.db.query.posts.findFirst({ where: eq(posts.id, id) });', // 9
          '  return ctx.db.query.posts.findMany();', // 10
          '}',
        ),
        'src/server/api/users.ts': lines('export async function users({ ctx }: { ctx: Context }) {', '  return ctx.db.user.findMany();', '}'),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/server/api/posts.ts:6:11 ctx.db.select.from.where [for…of sequential] → -',
        'query-in-loop src/server/api/posts.ts:9:35 ctx.db.query.posts.findFirst [for…of sequential] → -',
        'unbounded-query src/server/api/posts.ts:10:10 ctx.db.query.posts.findMany → -',
        'unbounded-query src/server/api/posts.ts:4:22 ctx.db.select.from → -',
        'unbounded-query src/server/api/users.ts:2:10 ctx.db.user.findMany → -',
      ]);
    });

    it('Hono: routes on an app, also chained on one made in place, apps mounted with route() under their paths, basePath', async () => {
      const f = await joined({
        'src/index.ts': lines(
          "import { Hono } from 'hono';",
          "import { auth } from './auth';",
          "import files from './files';",
          "const app = new Hono<Env>().basePath('/v1');",
          "app.get('/health', (c) => c.text('ok'));",
          "app.route('/auth', auth);",
          "app.route('/files', files);",
          'export default app;',
        ),
        'src/auth.ts': lines(
          "import { Hono } from 'hono';",
          "import { db } from './db';",
          'export const auth = new Hono()',
          "  .post('/signin', async (c) => c.json(await db.query('SELECT * FROM users')))",
          "  .get('/session', (c) => c.json({}));",
        ),
        'src/files.ts': lines("import { Hono } from 'hono';", 'const files = new Hono();', "files.get('/:id', (c) => c.json({}));", 'export default files;'),
        // Routes chained on an app made earlier (documenso's API v1): each under the app's mount, at its own method.
        'src/docs.ts': lines(
          "import { Hono } from 'hono';",
          'export const docs = new Hono();',
          'docs',
          "  .get('/openapi.json', (c) => c.json({}))",
          "  .get('/me', (c) => c.json({}));",
        ),
        'src/mounts.ts': lines("import { Hono } from 'hono';", "import { docs } from './docs';", 'const app = new Hono();', "app.route('/docs', docs);"),
      });
      assert.deepEqual(routeRows(f), [
        ['POST', '/v1/auth/signin', 'src/auth.ts', 3, 'hono'],
        ['GET', '/v1/auth/session', 'src/auth.ts', 4, 'hono'],
        ['GET', '/docs/openapi.json', 'src/docs.ts', 2, 'hono'],
        ['GET', '/docs/me', 'src/docs.ts', 4, 'hono'],
        ['GET', '/v1/files/:id', 'src/files.ts', 2, 'hono'],
        ['GET', '/v1/health', 'src/index.ts', 4, 'hono'],
      ]);
      assert.deepEqual(hazardRows(f), ['unbounded-query src/auth.ts:4:46 db.query → POST /v1/auth/signin']);
    });

    it("Stripe's SDKs: a resource request per item is a call in a loop (langfuse's metering job); a webhook's signature check is local", async () => {
      const f = await joined({
        'worker/src/metering.ts': lines(
          "import Stripe from 'stripe';",
          'const stripe = new Stripe(process.env.STRIPE_KEY ?? "");',
          'export async function meter(orgs: Org[], payloads: string[]) {',
          '  for (const org of orgs) {',
          '    await stripe.subscriptions.retrieve(org.subscriptionId);',
          '  }',
          "  for (const p of payloads) stripe.webhooks.constructEvent(p, 'sig', 'secret');",
          '}',
        ),
        'billing/sync.py': lines(
          'import stripe',
          'def sync(customers, payloads):',
          '    for c in customers:',
          '        stripe.Customer.retrieve(c.stripe_id)',
          '    for p in payloads:',
          '        stripe.Webhook.construct_event(p, "sig", "secret")',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'call-in-loop billing/sync.py:4:9 stripe.Customer.retrieve [for sequential] → -',
        'call-in-loop worker/src/metering.ts:5:11 stripe.subscriptions.retrieve [for…of sequential] → -',
      ]);
    });

    it("tRPC: a context's Prisma findMany of the ids given (langfuse's users of a page of actions) is bounded by them, as the client's own is", async () => {
      const f = await joined({
        'server/api/routers/actions.ts': lines(
          'export async function actions(ctx: Context, projectId: string) {',
          '  const rows = await ctx.prisma.batchAction.findMany({ where: { projectId }, take: 20 });',
          '  const userIds = [...new Set(rows.map((a) => a.userId))];',
          '  const users = await ctx.prisma.user.findMany({ where: { id: { in: userIds } } });',
          '  const admins = await ctx.prisma.user.findMany({ where: { admin: true } });',
          '  return { rows, users, admins };',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['unbounded-query server/api/routers/actions.ts:5:24 ctx.prisma.user.findMany → -']);
    });

    it('tRPC: the adapter\'s endpoint (Next.js pages or app router, Express, Fastify) runs every query on GET and every mutation on POST, wherever the procedures are written', async () => {
      const procedures = {
        'server/api/routers/post.ts': lines(
          "import { createTRPCRouter, publicProcedure, protectedProcedure } from '../trpc';",
          'export const postRouter = createTRPCRouter({',
          '  all: publicProcedure.query(async ({ ctx }) => {',
          '    return ctx.db.post.findMany();',
          '  }),',
          '  byIds: publicProcedure.input(z.array(z.string())).query(async ({ ctx, input }) => {',
          '    const out = [];',
          '    for (const id of input) out.push(await ctx.db.post.findUnique({ where: { id } }));',
          '    return out;',
          '  }),',
          '  create: protectedProcedure.input(z.object({ title: z.string() })).mutation(async ({ input }) => {',
          "    return fetch('http://search/index', { method: 'POST', body: input.title });",
          '  }),',
          '});',
        ),
        'server/api/root.ts': lines("import { postRouter } from './routers/post';", 'export const appRouter = createTRPCRouter({ post: postRouter });'),
      };
      const next = await joined({
        ...procedures,
        'pages/api/trpc/[trpc].ts': lines("import { createNextApiHandler } from '@trpc/server/adapters/next';", "import { appRouter } from '../../../server/api/root';", 'export default createNextApiHandler({ router: appRouter });'),
      });
      assert.deepEqual(routeRows(next), [
        ['GET', '/api/trpc/[trpc]', 'pages/api/trpc/[trpc].ts', 2, 'nextjs'],
        ['POST', '/api/trpc/[trpc]', 'pages/api/trpc/[trpc].ts', 2, 'nextjs'],
      ]);
      assert.deepEqual(hazardRows(next), [
        'missing-timeout server/api/routers/post.ts:12:12 fetch → POST /api/trpc/[trpc]',
        'query-in-loop server/api/routers/post.ts:8:44 ctx.db.post.findUnique [for…of sequential] → GET /api/trpc/[trpc]',
        'unbounded-query server/api/routers/post.ts:4:12 ctx.db.post.findMany → GET /api/trpc/[trpc]',
      ]);

      const app = await joined({
        ...procedures,
        'app/api/trpc/[trpc]/route.ts': lines(
          "import { fetchRequestHandler } from '@trpc/server/adapters/fetch';",
          "import { appRouter } from '~/server/api/root';",
          "const handler = (req: Request) => fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter });",
          'export { handler as GET, handler as POST };',
        ),
      });
      assert.deepEqual(routeRows(app), [
        ['GET', '/api/trpc/[trpc]', 'app/api/trpc/[trpc]/route.ts', 3, 'nextjs'],
        ['POST', '/api/trpc/[trpc]', 'app/api/trpc/[trpc]/route.ts', 3, 'nextjs'],
      ]);
      assert.deepEqual(hazardRows(app).map((r) => r.split(' → ').pop()), ['POST /api/trpc/[trpc]', 'GET /api/trpc/[trpc]', 'GET /api/trpc/[trpc]']);

      const servers = await joined({
        ...procedures,
        'server/express.ts': lines(
          "import * as trpcExpress from '@trpc/server/adapters/express';",
          "import { appRouter } from './api/root';",
          'const app = express();',
          "app.use('/trpc', trpcExpress.createExpressMiddleware({ router: appRouter }));",
        ),
        'server/fastify.ts': lines(
          "import { fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';",
          'const server = fastify();',
          "server.register(fastifyTRPCPlugin, { prefix: '/rpc', trpcOptions: { router: appRouter } });",
        ),
        // Hono's adapter kept in a variable and used by another module (documenso's shape).
        'server/hono-trpc.ts': lines("import { trpcServer } from '@hono/trpc-server';", 'export const honoTrpc = trpcServer({ endpoint: \'/api/trpc\', router: appRouter });'),
        'server/hono.ts': lines("import { Hono } from 'hono';", "import { honoTrpc } from './hono-trpc';", 'const app = new Hono();', "app.use('/api/trpc/*', honoTrpc);"),
      });
      assert.deepEqual(routeRows(servers), [
        ['GET', '/trpc', 'server/express.ts', 3, 'express'],
        ['POST', '/trpc', 'server/express.ts', 3, 'express'],
        ['GET', '/rpc/:path', 'server/fastify.ts', 2, 'fastify'],
        ['POST', '/rpc/:path', 'server/fastify.ts', 2, 'fastify'],
        ['GET', '/api/trpc/*', 'server/hono-trpc.ts', 1, 'hono'],
        ['POST', '/api/trpc/*', 'server/hono-trpc.ts', 1, 'hono'],
      ]);
      assert.deepEqual(hazardRows(servers).filter((r) => r.includes('/api/trpc/*')).length, 3);

      // ts-rest has a fetchRequestHandler too (documenso's API v1): the routes beside it run no tRPC procedure.
      const tsRest = await joined({
        ...procedures,
        'api/hono.ts': lines(
          "import { fetchRequestHandler } from '@ts-rest/serverless/fetch';",
          "import { Hono } from 'hono';",
          'export const api = new Hono();',
          "api.get('/openapi.json', (c) => c.json({}));",
          "api.mount('/', async (request) => fetchRequestHandler({ request, contract, router }));",
        ),
      });
      assert.deepEqual(routeRows(tsRest), [['GET', '/openapi.json', 'api/hono.ts', 3, 'hono']]);
      assert.deepEqual(hazardRows(tsRest).map((r) => r.split(' → ').pop()), ['-', '-', '-']);
    });

    it('GraphQL: the endpoint (Apollo applyMiddleware, express middleware under a router prefix, Mercurius, NestJS GraphQLModule) is a POST route that runs every resolver of the service, wherever it is written', async () => {
      // The shapes of Requarks/wiki: resolver files loaded by folder (no import names them), Apollo 2 on the app.
      const wiki = await joined({
        'server/core/servers.js': lines(
          "const { ApolloServer } = require('apollo-server-express');",
          'module.exports = {',
          '  async startGraphQL() {',
          '    this.servers.graph = new ApolloServer({ schema: graphSchema });',
          '    this.servers.graph.applyMiddleware({ app: WIKI.app, cors: false });',
          '  },',
          '};',
        ),
        'server/graph/resolvers/user.js': lines(
          'module.exports = {',
          '  Query: {',
          '    async users() { return {} },',
          '  },',
          '  UserQuery: {',
          '    async list(obj, args) {',
          "      return WIKI.models.users.query().select('id', 'email').limit(50);",
          '    },',
          '    async single(obj, args) {',
          '      for (const id of args.ids) await WIKI.models.users.query().findById(id);',
          '    },',
          '  },',
          '};',
        ),
        // A map with no Query, Mutation or Subscription: handlers of something else, on no route.
        'server/jobs/handlers.js': lines('module.exports = {', '  Purge: {', "    run: async () => fetch('http://cleaner/run'),", '  },', '};'),
      });
      assert.deepEqual(routeRows(wiki), [['POST', '/graphql', 'server/core/servers.js', 4, 'graphql']]);
      assert.deepEqual(hazardRows(wiki), [
        'missing-timeout server/jobs/handlers.js:3:22 fetch → -',
        'query-in-loop server/graph/resolvers/user.js:10:40 WIKI.models.users.query.findById [for…of sequential] → POST /graphql',
      ]);

      // Apollo 4's express middleware on a router mounted under /api; arrow resolvers; a resolver's helper followed.
      const apollo = await joined({
        'src/app.ts': lines(
          "import express from 'express';",
          "import { api } from './api';",
          'const app = express();',
          "app.use('/api', api);",
        ),
        'src/api.ts': lines(
          "import { Router } from 'express';",
          "import { expressMiddleware } from '@apollo/server/express4';",
          "import { ApolloServer } from '@apollo/server';",
          "import { resolvers } from './resolvers';",
          'export const api = Router();',
          'const server = new ApolloServer({ typeDefs, resolvers });',
          "api.use('/graphql', cors(), express.json(), expressMiddleware(server));",
          "api.use('/static', serveStatic('public'));",
        ),
        'src/resolvers.ts': lines(
          "import { pool } from './db';",
          'async function ordersOf(ids: string[]) {',
          "  for (const id of ids) await pool.query('SELECT * FROM orders WHERE id = $1', [id]);",
          '}',
          'export const resolvers = {',
          '  Query: {',
          '    orders: (_: unknown, args: { ids: string[] }) => ordersOf(args.ids),',
          '  },',
          '};',
        ),
      });
      assert.deepEqual(routeRows(apollo), [['POST', '/api/graphql', 'src/api.ts', 6, 'graphql']]);
      assert.deepEqual(hazardRows(apollo), ['query-in-loop src/resolvers.ts:3:31 pool.query [for…of sequential] → POST /api/graphql']);

      // NestJS: resolver methods of @Resolver classes; a REST controller's @Query() parameter makes no resolver.
      const nest = await joined({
        'src/app.module.ts': lines(
          '@Module({',
          "  imports: [GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, autoSchemaFile: true, path: '/gql' })],",
          '})',
          'export class AppModule {}',
        ),
        'src/users/users.resolver.ts': lines(
          '@Resolver(() => User)',
          'export class UsersResolver {',
          '  constructor(private readonly http: HttpService) {}',
          '  @Query(() => [User])',
          '  async users(@Args(\'ids\') ids: string[]) {',
          "    return Promise.all(ids.map((id) => fetch('http://users/' + id)));",
          '  }',
          '  private helper() {',
          "    return fetch('http://users/health');",
          '  }',
          '}',
        ),
        'src/users/users.controller.ts': lines(
          "@Controller('users')",
          'export class UsersController {',
          '  @Get()',
          "  list(@Query() q: string) { return fetch('http://users/list'); }",
          '  other() {',
          "    return fetch('http://users/other');",
          '  }',
          '}',
        ),
      });
      assert.deepEqual(routeRows(nest), [
        ['POST', '/gql', 'src/app.module.ts', 1, 'graphql'],
        ['GET', '/users', 'src/users/users.controller.ts', 2, 'nestjs'],
      ]);
      assert.deepEqual(hazardRows(nest), [
        'call-in-loop src/users/users.resolver.ts:6:40 fetch [.map() parallel] → POST /gql',
        'missing-timeout src/users/users.controller.ts:4:37 fetch → GET /users',
        'missing-timeout src/users/users.controller.ts:6:12 fetch → -',
        'missing-timeout src/users/users.resolver.ts:6:40 fetch → POST /gql',
        'missing-timeout src/users/users.resolver.ts:9:12 fetch → -',
      ]);
      // A path the configuration gives (vendure's GraphQL APIs, one module per API at `'/' + options.apiPath`): not
      // known here, and not the default /graphql, which the module does not serve.
      const configured = await joined({
        'src/app.module.ts': lines(
          'export function configureGraphQLModule(options: { apiPath: string }) {',
          '  return GraphQLModule.forRootAsync<ApolloDriverConfig>({',
          "    useFactory: () => ({ driver: ApolloDriver, path: '/' + options.apiPath, autoSchemaFile: true }),",
          '  });',
          '}',
        ),
      });
      assert.deepEqual(routeRows(configured), []);
      // The schema-first setup's `definitions: { path }` is where its typings go, not the endpoint; a factory's own path is.
      const schemaFirst = await joined({
        'src/app.module.ts': lines(
          '@Module({',
          "  imports: [GraphQLModule.forRoot({ typePaths: ['./**/*.graphql'], definitions: { path: join(process.cwd(), 'src/graphql.ts') } })],",
          '})',
          'export class AppModule {}',
          'export const Async = GraphQLModule.forRootAsync({',
          '  useFactory: async (config: ConfigService) => {',
          '    const debug = config.get("DEBUG");',
          "    return { debug, path: '/api/graphql', subscriptions: { 'graphql-ws': { path: wsPath } } };",
          '  },',
          '});',
        ),
      });
      assert.deepEqual(routeRows(schemaFirst), [
        ['POST', '/graphql', 'src/app.module.ts', 1, 'graphql'],
        ['POST', '/api/graphql', 'src/app.module.ts', 4, 'graphql'],
      ]);

      // Mercurius on Fastify, at its own path; no GraphQL server, no route (resolvers alone serve nothing here).
      const mercurius = await joined({
        'server.js': lines(
          "const fastify = require('fastify')();",
          "const mercurius = require('mercurius');",
          "const resolvers = { Mutation: { add: async (_, { x }) => fetch('http://adder/' + x) } };",
          "fastify.register(mercurius, { schema, resolvers, path: '/api/graphql' });",
        ),
      });
      assert.deepEqual(routeRows(mercurius), [['POST', '/api/graphql', 'server.js', 3, 'graphql']]);
      assert.deepEqual(hazardRows(mercurius), ['missing-timeout server.js:3:58 fetch → POST /api/graphql']);
      // GraphQL Yoga kept in a variable and mounted; another middleware mounted beside it is no endpoint.
      const yoga = await joined({
        'index.ts': lines("import { createYoga } from 'graphql-yoga';", 'const app = express();', 'const yoga = createYoga({ schema });', "app.use('/graphql', yoga);", "app.use('/health', health);"),
      });
      assert.deepEqual(routeRows(yoga), [['POST', '/graphql', 'index.ts', 3, 'graphql']]);
      const none = await joined({ 'resolvers.js': lines("module.exports = { Query: { a: () => fetch('http://a/') } };") });
      assert.deepEqual(routeRows(none), []);
      assert.deepEqual(hazardRows(none), ['missing-timeout resolvers.js:1:38 fetch → -']);
    });

    it('MCP TypeScript SDK: the app route that hands requests to a Streamable HTTP transport runs every tool callback', async () => {
      const f = await joined({
        'src/server.ts': lines(
          "import express from 'express';",
          "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
          "import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';",
          "import { registerOrderTools } from './tools';",
          "const server = new McpServer({ name: 'shop', version: '1.0.0' });",
          "server.tool('add', { a: z.number() }, async ({ a }) => ({ content: [{ type: 'text', text: String(a + 1) }] }));",
          'registerOrderTools(server);',
          'const app = express();',
          "app.post('/mcp', async (req, res) => {",
          '  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });',
          '  await server.connect(transport);',
          '  await transport.handleRequest(req, res, req.body);',
          '});',
          "app.get('/health', (req, res) => res.send('ok'));",
        ),
        'src/tools.ts': lines(
          "import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
          'export function registerOrderTools(server: McpServer) {',
          "  server.registerTool('orders', { description: 'orders of a customer' }, async ({ ids }) => {",
          '    const out = [];',
          '    for (const id of ids) out.push(await fetch(`http://orders/${id}`, { signal: AbortSignal.timeout(2000) }));',
          "    return { content: [{ type: 'text', text: JSON.stringify(out) }] };",
          '  });',
          '}',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['POST', '/mcp', 'src/server.ts', 8, 'express'],
        ['GET', '/health', 'src/server.ts', 13, 'express'],
      ]);
      assert.deepEqual(hazardRows(f), ['call-in-loop src/tools.ts:5:42 fetch [for…of sequential] → POST /mcp']);
    });

    it('Sequelize: an association accessor (getPosts, an alias\'s getAuthor, countCategories) called per item is a query in a loop; another getter is not', async () => {
      const f = await joined({
        'src/models.js': lines(
          "const { Sequelize, DataTypes } = require('sequelize');",
          'const sequelize = new Sequelize(process.env.DATABASE_URL);',
          "const User = sequelize.define('User', { name: DataTypes.STRING });",
          "const Post = sequelize.define('Post', { title: DataTypes.STRING });",
          "const Category = sequelize.define('Category', { name: DataTypes.STRING });",
          'User.hasMany(Post);',
          "Post.belongsTo(User, { as: 'author' });",
          "Post.belongsToMany(Category, { through: 'PostCategories' });",
          'module.exports = { User, Post, Category };',
        ),
        'src/routes.js': lines(
          "const express = require('express');",
          "const { User, Post } = require('./models');",
          'const router = express.Router();',
          "router.get('/users', async (req, res) => {",
          '  const users = await User.findAll({ limit: 20 });',
          '  for (const u of users) {',
          '    u.dataValues.posts = await u.getPosts();',
          '  }',
          '  const posts = await Post.findAll({ limit: 20 });',
          '  const authors = await Promise.all(posts.map((p) => p.getAuthor()));',
          '  await Promise.all(posts.map((p) => summary(p)));',
          '  for (const p of posts) p.getTitleText();',
          '  res.json({ users, authors });',
          '});',
          'async function summary(p) {',
          '  return { n: await p.countCategories() };',
          '}',
          'module.exports = router;',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/routes.js:10:54 p.getAuthor [.map() parallel] → GET /users',
        'query-in-loop src/routes.js:11:38 summary → p.countCategories [.map() parallel] → GET /users',
        'query-in-loop src/routes.js:7:32 u.getPosts [for…of sequential] → GET /users',
      ]);
    });

    it('Fastify: a decorator made by a factory or a class runs that object\'s methods, from any route of the service', async () => {
      // The shape of fastify/demo: plugins/app/tasks decorates the instance with a repository object; routes use it.
      const f = await joined({
        'src/plugins/tasks-repository.ts': lines(
          "import fp from 'fastify-plugin';",
          'function createRepository(fastify) {',
          '  const knex = fastify.knex;',
          '  return {',
          '    createStream() {',
          "      return knex.select('*').from('tasks').stream();",
          '    },',
          '    async findById(id) {',
          "      return knex('tasks').where({ id }).first();",
          '    },',
          '  };',
          '}',
          "export default fp(async (fastify) => { fastify.decorate('tasksRepository', createRepository(fastify)); });",
        ),
        'src/plugins/mailer.ts': lines(
          'class Mailer {',
          '  async send(to) {',
          "    return fetch('http://mail/send', { method: 'POST', body: to });",
          '  }',
          '}',
          "export default async function (fastify) { fastify.decorate('notifier', new Mailer()); }",
        ),
        'src/routes/tasks.ts': lines(
          'export default async function (fastify) {',
          '  const { tasksRepository } = fastify;',
          "  fastify.get('/csv', async () => tasksRepository.createStream());",
          "  fastify.post('/notify', async (request) => {",
          '    for (const id of request.body.ids) {',
          '      const task = await fastify.tasksRepository.findById(id);',
          '      await fastify.notifier.send(task.owner);',
          '    }',
          '  });',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'call-in-loop src/routes/tasks.ts:7:13 fastify.notifier.send → fetch [for…of sequential] → POST /notify',
        'missing-timeout src/plugins/mailer.ts:3:12 fetch → POST /notify',
        'query-in-loop src/routes/tasks.ts:6:26 fastify.tasksRepository.findById → knex.where.first [for…of sequential] → POST /notify',
        'unbounded-query src/plugins/tasks-repository.ts:6:14 knex.select.from.stream → GET /csv',
      ]);
    });

    it('Fastify: a plugin registered with { prefix } in another file; fastify.route({ method: [...], url })', async () => {
      const f = await analyseFixture('code-fastify');
      assert.deepEqual(routeRows(f), [
        ['GET', '/catalog/items', 'routes/catalog.js', 3, 'express'],
        ['GET', '/catalog/items/:id', 'routes/catalog.js', 8, 'express'],
        ['GET', '/status', 'server.js', 5, 'fastify'],
        ['HEAD', '/status', 'server.js', 5, 'fastify'],
      ]);
      // got(url, { timeout }) on line 6 has a timeout; got(url) on line 10 has none.
      assert.deepEqual(hazardRows(f), [
        'call-in-loop routes/catalog.js:6:40 got.json [.map() parallel] → GET /catalog/items',
        'missing-timeout routes/catalog.js:10:12 got.json → GET /catalog/items/:id',
      ]);
    });

    it("NestJS: a controller's version prefixes its paths when main.ts enables URI versioning (brocoders/nestjs-boilerplate), after the global prefix", async () => {
      const controller = lines(
        "import { Controller, Get } from '@nestjs/common';",
        '',
        "@Controller({ path: 'users', version: '1' })",
        'export class UsersController {',
        "  @Get(':id')",
        '  findOne() {}',
        '}',
        '',
        "@Controller('health')",
        'export class HealthController {',
        '  @Get()',
        '  check() {}',
        '}',
      );
      const main = (versioning: string) => lines('async function bootstrap() {', '  const app = await NestFactory.create(AppModule);', "  app.setGlobalPrefix('api');", versioning, '}');
      const versioned = await joined({ 'src/users.controller.ts': controller, 'src/main.ts': main("  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '2' });") });
      assert.deepEqual(routeRows(versioned).map((r) => `${r[0]} ${r[1]}`), ['GET /api/v1/users/:id', 'GET /api/v2/health']);
      // Without URI versioning (or with a header-based one), the version is not in the path.
      const plain = await joined({ 'src/users.controller.ts': controller, 'src/main.ts': main('  app.enableVersioning({ type: VersioningType.HEADER, header: "X-Version" });') });
      assert.deepEqual(routeRows(plain).map((r) => `${r[0]} ${r[1]}`), ['GET /api/users/:id', 'GET /api/health']);
      // A prefix written as a template of a base path a deployment sets, empty by default (novu's `${CONTEXT_PATH}v`).
      const templated = await joined({ 'src/users.controller.ts': controller, 'src/main.ts': main("  app.enableVersioning({ type: VersioningType.URI, prefix: `${CONTEXT_PATH}v`, defaultVersion: '1' });") });
      assert.deepEqual(routeRows(templated).map((r) => `${r[0]} ${r[1]}`), ['GET /api/v1/users/:id', 'GET /api/v1/health']);
    });

    it('NestJS: controllers that only a module added in tests lists serve no route (novu\'s TestingModule); one also listed by a production module does', async () => {
      const controller = (name: string, path: string) => lines("import { Controller, Get } from '@nestjs/common';", `@Controller('${path}')`, `export class ${name} {`, '  @Get()', '  list() {}', '}');
      const f = await joined({
        'src/app.module.ts': lines(
          "import { Module } from '@nestjs/common';",
          "import { TestingModule } from './testing/testing.module';",
          "import { OrdersModule } from './orders/orders.module';",
          'const modules = [OrdersModule];',
          "if (process.env.NODE_ENV === 'test') {",
          '  modules.push(TestingModule);',
          '}',
          '@Module({ imports: modules })',
          'export class AppModule {}',
        ),
        'src/testing/testing.module.ts': lines(
          "import { Module } from '@nestjs/common';",
          '@Module({ imports: [SharedModule], controllers: [TestingController, HealthController] })',
          'export class TestingModule {}',
        ),
        'src/orders/orders.module.ts': lines("import { Module } from '@nestjs/common';", '@Module({ controllers: [OrdersController, HealthController] })', 'export class OrdersModule {}'),
        'src/testing/testing.controller.ts': controller('TestingController', 'testing/seed'),
        'src/orders/orders.controller.ts': controller('OrdersController', 'orders'),
        'src/health.controller.ts': controller('HealthController', 'health'),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`), ['GET /health', 'GET /orders']);
    });

    it("NestJS: RouterModule.register serves each module's controllers under its path, a child's under its parent's, after the global prefix (hedgedoc's /api/v2, /api/private, /media)", async () => {
      const controller = (name: string, path: string) => lines("import { Controller, Get } from '@nestjs/common';", `@Controller('${path}')`, `export class ${name} {`, '  @Get(\':id\')', '  one() {}', '}');
      const f = await joined({
        'src/main.ts': lines('async function bootstrap() {', '  const app = await NestFactory.create(AppModule);', "  app.setGlobalPrefix('v1');", '}'),
        'src/app.module.ts': lines(
          "import { Module } from '@nestjs/common';",
          "import { RouterModule, Routes } from '@nestjs/core';",
          "export const PRIVATE_API_PREFIX = '/api/private';",
          'const routes: Routes = [',
          "  { path: '/api/v2', module: PublicApiModule },",
          '  { path: PRIVATE_API_PREFIX, module: PrivateApiModule, children: [{ path: \'admin\', module: AdminModule }] },',
          '];',
          '@Module({ imports: [RouterModule.register(routes), PublicApiModule, PrivateApiModule], controllers: [HealthController] })',
          'export class AppModule {}',
        ),
        'src/public.module.ts': lines("import { Module } from '@nestjs/common';", '@Module({ controllers: [PublicNotesController] })', 'export class PublicApiModule {}'),
        'src/private.module.ts': lines("import { Module } from '@nestjs/common';", '@Module({ controllers: [PrivateNotesController] })', 'export class PrivateApiModule {}'),
        'src/admin.module.ts': lines("import { Module } from '@nestjs/common';", '@Module({ controllers: [UsersController] })', 'export class AdminModule {}'),
        'src/public-notes.controller.ts': controller('PublicNotesController', 'notes'),
        'src/private-notes.controller.ts': controller('PrivateNotesController', 'notes'),
        'src/users.controller.ts': controller('UsersController', 'users'),
        'src/health.controller.ts': controller('HealthController', 'health'),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), ['GET /v1/api/private/admin/users/:id', 'GET /v1/api/private/notes/:id', 'GET /v1/api/v2/notes/:id', 'GET /v1/health/:id']);
    });

    it('NestJS: a global prefix kept in a constant of the bootstrap function first (reactive-resume\'s `const globalPrefix = "api"`)', async () => {
      const f = await joined({
        'src/main.ts': lines('async function bootstrap() {', '  const app = await NestFactory.create(AppModule);', '  const globalPrefix = "api";', '  app.setGlobalPrefix(globalPrefix);', '}'),
        'src/user.controller.ts': lines("import { Controller, Get } from '@nestjs/common';", "@Controller('user')", 'export class UserController {', "  @Get('me')", '  me() {}', '}'),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`), ['GET /api/user/me']);
    });

    it('NestJS: a method\'s @Version(\'2\') overrides its controller\'s; VERSION_NEUTRAL has no version; an excluded path has no global prefix', async () => {
      // The shapes of ghostfolio's portfolio, auth and sitemap controllers and main.ts.
      const f = await joined({
        'src/main.ts': lines(
          'async function bootstrap() {',
          '  const app = await NestFactory.create(AppModule);',
          "  app.enableVersioning({ defaultVersion: '1', type: VersioningType.URI });",
          "  app.setGlobalPrefix('api', { exclude: ['sitemap.xml'] });",
          '}',
        ),
        'src/portfolio.controller.ts': lines(
          "@Controller('portfolio')",
          'export class PortfolioController {',
          "  @Get('details')",
          '  details() {}',
          "  @Get('performance')",
          "  @Version('2')",
          '  performance() {}',
          "  @Get('oidc/callback')",
          '  @Version(VERSION_NEUTRAL)',
          '  callback() {}',
          '}',
        ),
        'src/sitemap.controller.ts': lines("@Controller('sitemap.xml')", 'export class SitemapController {', '  @Get()', '  @Version(VERSION_NEUTRAL)', '  sitemap() {}', '}'),
        // A list of paths is a route per path (teable's pages, served by Next.js through Nest).
        'src/pages.controller.ts': lines("@Controller('pages')", 'export class PagesController {', "  @Get(['/', 'home', 'space/*'])", '  @Version(VERSION_NEUTRAL)', '  page() {}', '}'),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), [
        'GET /api/pages',
        'GET /api/pages/home',
        'GET /api/pages/space/*',
        'GET /api/portfolio/oidc/callback',
        'GET /api/v1/portfolio/details',
        'GET /api/v2/portfolio/performance',
        'GET /sitemap.xml',
      ]);
    });

    it('NestJS: a global prefix read from config (its default, process.env.API_PREFIX || \'api\'), with its exclude list', async () => {
      // The shape of brocoders/nestjs-boilerplate's main.ts and app.config.ts.
      const f = await joined({
        'src/main.ts': lines(
          'async function bootstrap() {',
          '  const app = await NestFactory.create(AppModule);',
          '  const configService = app.get(ConfigService<AllConfigType>);',
          "  app.setGlobalPrefix(configService.getOrThrow('app.apiPrefix', { infer: true }), {",
          "    exclude: ['/'],",
          '  });',
          '}',
        ),
        'src/config/app.config.ts': lines(
          "export default registerAs<AppConfig>('app', () => ({",
          "  nodeEnv: process.env.NODE_ENV || 'development',",
          "  apiPrefix: process.env.API_PREFIX || 'api',",
          '}));',
        ),
        'src/home/home.controller.ts': lines('@Controller()', 'export class HomeController {', '  @Get()', '  appInfo() {', '    return {};', '  }', '}'),
        'src/users/users.controller.ts': lines("@Controller('users')", 'export class UsersController {', "  @Get(':id')", '  findOne() {', '    return {};', '  }', '}'),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`), ['GET /', 'GET /api/users/:id']);
    });

    it('NestJS: @Controller prefix, setGlobalPrefix, and this.service.method() into the service file', async () => {
      const f = await analyseFixture('code-nest');
      assert.deepEqual(routeRows(f), [
        ['GET', '/api/orders', 'src/orders/orders.controller.ts', 7, 'nestjs'],
        ['GET', '/api/orders/:id', 'src/orders/orders.controller.ts', 12, 'nestjs'],
        ['POST', '/api/orders/:id/recalculate', 'src/orders/orders.controller.ts', 17, 'nestjs'],
      ]);
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/orders/orders.controller.ts:22:13 this.ordersService.reprice → this.lineRepository.save [for…of sequential] → POST /api/orders/:id/recalculate',
        // find() with no take (lines() has take: 100 and is not reported)
        'unbounded-query src/orders/orders.service.ts:14:12 this.orderRepository.find → GET /api/orders',
      ]);
    });

    it('a query under an if that picks one item of the loop by its id (or after a guard that skips the others) runs once, not per item; a foreign-key match still runs per item', async () => {
      const f = await joined({
        // dhax/go-base's account.go: update the token whose ID the request names.
        'api/account.go': lines(
          'package app',
          '',
          'func (rs *AccountResource) updateToken(acc *Account, id int) {',
          '\tfor _, t := range acc.Token {',
          '\t\tif t.ID == id {',
          '\t\t\trs.db.Exec("UPDATE token SET name = $1 WHERE id = $2", t.Name, t.ID)',
          '\t\t}',
          '\t}',
          '}',
        ),
        'src/items.ts': lines(
          'export async function pick(items: Item[], id: string, cats: Cat[]) {',
          '  for (const item of items) {',
          '    if (item.id === id) await db.query("UPDATE items SET seen = true WHERE id = $1", [id]);',
          '  }',
          '  for (const cat of cats) {',
          '    for (const item of items) {',
          '      if (item.categoryId === cat.id) await db.query("UPDATE items SET cat = $1 WHERE id = $2", [cat.name, item.id]);',
          '    }',
          '  }',
          '}',
        ),
        'app/tokens.py': lines('def revoke(tokens, token_id):', '    for t in tokens:', '        if t.id == token_id:', '            cursor.execute("DELETE FROM tokens WHERE id = %s", (t.id,))'),
        // The same as a guard that skips every other item (lnbits' `if repo.id != ext_id: continue`); one of an inner
        // loop, or on a foreign key, picks nothing of this loop.
        'app/extensions.py': lines(
          'def install(repos, ext_id, groups):',
          '    for repo in repos:',
          '        if repo.id != ext_id:',
          '            continue',
          '        cursor.execute("UPDATE repos SET installed = 1 WHERE id = %s", (repo.id,))',
          '    for g in groups:',
          '        for repo in repos:',
          '            if repo.id != ext_id:',
          '                continue',
          '        cursor.execute("UPDATE groups SET seen = 1 WHERE id = %s", (g.id,))',
          '    for repo in repos:',
          '        if repo.group_id != ext_id:',
          '            continue',
          '        cursor.execute("UPDATE repos SET seen = 1 WHERE id = %s", (repo.id,))',
        ),
        'src/guards.ts': lines('export async function touch(items: Item[], id: string) {', '  for (const item of items) {', '    if (item.id !== id) continue;', '    await db.query("UPDATE items SET seen = true WHERE id = $1", [id]);', '  }', '}'),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop app/extensions.py:10:9 cursor.execute [for sequential] → -',
        'query-in-loop app/extensions.py:14:9 cursor.execute [for sequential] → -',
        'query-in-loop src/items.ts:7:45 db.query [for…of sequential] → -',
      ]);
    });

    it('a query in the branch for one value of the loop\'s own item (if/elif on a literal or an enum member, also a part of a destructured item) runs for that item only; in the else branch, or on an attribute of the item, it runs per item', async () => {
      const f = await joined({
        // The shape of plane's entity search: one query per requested kind.
        'search/views.py': lines(
          'def search(request, kinds, token_id):',
          '    out = {}',
          '    for kind in kinds:',
          '        if kind == "cycle":',
          '            out[kind] = list(Cycle.objects.filter(name=request.q)[:10])',
          '        elif kind == "module":',
          '            out[kind] = list(Module.objects.filter(name=request.q)[:10])',
          '        else:',
          '            out[kind] = list(Page.objects.filter(name=request.q)[:10])',
          '    for t in request.tokens:',
          '        if t.id == token_id:',
          '            pass',
          '        else:',
          '            Token.objects.filter(pk=t.id).delete()',
          '        if t.kind == "api":',
          '            Token.objects.filter(pk=t.id).update(seen=True)',
          '    return out',
        ),
        'src/search.ts': lines(
          'export async function search(kinds: string[]) {',
          '  for (const kind of kinds) {',
          "    if (kind === 'users') await db.query('SELECT id FROM users LIMIT 10');",
          "    if ('teams' === kind) await db.query('SELECT id FROM teams LIMIT 10');",
          '  }',
          '}',
          // postiz's permission check: a member of an enum, and a part of a destructured item.
          'enum Sections { WEBHOOKS = "webhooks", POSTS = "posts" }',
          'export async function check(requested: Array<[string, Sections]>) {',
          '  for (const [action, section] of requested) {',
          "    if (section === Sections.WEBHOOKS) await db.query('SELECT count(*) FROM webhooks');",
          "    if (Sections.POSTS === section) await db.query('SELECT count(*) FROM posts');",
          "    if (action === section) await db.query('SELECT count(*) FROM audits');", // 12: every matching item
          '  }',
          '}',
          // A field of an object pattern is one many items share: a filter, not which item it is.
          'export async function settle(orders: { id: string; status: string }[]) {',
          '  for (const { id, status } of orders) {',
          "    if (status === 'PAID') await db.query('INSERT INTO invoices (order_id) VALUES ($1)', [id]);", // 17
          '  }',
          '}',
        ),
        // memos' UpdateMemo: a field mask, each path handled in its own branch (Go's `for _, path := range`).
        'memo.go': lines(
          'package api',
          '',
          'func (s *Service) UpdateMemo(ctx context.Context, paths []string) {',
          '\tfor _, path := range paths {',
          '\t\tif path == "content" {',
          '\t\t\ts.db.QueryRowContext(ctx, "SELECT content FROM memo WHERE id = $1", 1)',
          '\t\t} else if path == "visibility" {',
          '\t\t\ts.db.QueryRowContext(ctx, "SELECT visibility FROM memo WHERE id = $1", 1)',
          '\t\t}',
          '\t}',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop search/views.py:14:13 Token.objects.filter.delete [for sequential] → -',
        'query-in-loop search/views.py:16:13 Token.objects.filter.update [for sequential] → -',
        'query-in-loop search/views.py:9:30 Page.objects.filter [for sequential] → -',
        'query-in-loop src/search.ts:12:35 db.query [for…of sequential] → -',
        'query-in-loop src/search.ts:17:34 db.query [for…of sequential] → -',
      ]);
    });

    it("a repository's find() is TypeORM's where the file shows TypeORM, and said plainly on a project's own repository (novu's Mongoose BaseRepository)", async () => {
      const f = await joined({
        'src/users.service.ts': lines(
          "import { InjectRepository } from '@nestjs/typeorm';",
          'export class UserService {',
          '  constructor(@InjectRepository(User) private readonly userRepository: Repository<User>) {}',
          '  async all() { return this.userRepository.find(); }',
          '}',
        ),
        'src/jobs.usecase.ts': lines(
          "import { JobRepository } from '@acme/dal';",
          'export class GetJobs {',
          '  constructor(private jobRepository: JobRepository) {}',
          '  async all(env: string) { return this.jobRepository.find({ _environmentId: env }); }',
          '  async page(env: string) { return this.jobRepository.find({ _environmentId: env }, \'\', { limit: 10 }); }',
          '}',
        ),
      });
      assert.deepEqual(
        [...f.values()].flatMap((a) => a.hazards.map((h) => `${h.file}:${h.range.start.line + 1} ${h.explanation.split(': ')[0]}`)).sort(),
        ['src/jobs.usecase.ts:4 `this.jobRepository.find(…)` returns every matching row (repository find without a limit)', 'src/users.service.ts:4 `this.userRepository.find(…)` returns every matching row (TypeORM find without take)'],
      );
    });

    it("TypeORM's active record: an entity's static find() is TypeORM's, bounded by take; the same call where no TypeORM is imported stays MongoDB's", async () => {
      const f = await joined({
        'src/users.service.ts': lines(
          "import { EntityRepository, Repository } from 'typeorm';",
          'export class UserService {',
          '  async all() { return UserEntity.find(); }',
          '  async page() { return UserEntity.find({ take: 20 }); }',
          '}',
        ),
        'src/mongo.service.ts': lines("import { UserModel } from './models';", 'export async function all() { return UserModel.find({}); }'),
      });
      assert.deepEqual(
        [...f.values()].flatMap((a) => a.hazards.map((h) => `${h.file}:${h.range.start.line + 1} ${h.explanation.split(': ')[0]}`)).sort(),
        ['src/mongo.service.ts:2 `UserModel.find(…)` returns every matching row (MongoDB find without limit (Mongoose or the driver))', 'src/users.service.ts:3 `UserEntity.find(…)` returns every matching row (TypeORM find without take)'],
      );
    });

    it('TypeORM query builder: getMany() without take/limit (or with one only under an if) is unbounded, one per item is a query in a loop', async () => {
      // The shapes of lujakob/nestjs-realworld-example-app's ArticleService.
      const f = await joined({
        'src/article.service.ts': lines(
          'export class ArticleService {',
          '  constructor(private readonly articleRepository: Repository<ArticleEntity>, private readonly tagRepository: Repository<TagEntity>) {}',
          '  async findAll(query: { limit?: number }) {',
          "    const qb = getRepository(ArticleEntity).createQueryBuilder('article').leftJoinAndSelect('article.author', 'author');",
          "    if ('limit' in query) qb.limit(query.limit);",
          '    return qb.getMany();',
          '  }',
          '  async feed(ids: number[]) {',
          "    return this.articleRepository.createQueryBuilder('a').where('a.authorId IN (:...ids)', { ids }).getMany();",
          '  }',
          '  async page() {',
          "    return this.articleRepository.createQueryBuilder('a').orderBy('a.id').take(20).getMany();",
          '  }',
          '  async withTags(articles: ArticleEntity[]) {',
          '    for (const a of articles) {',
          "      a.tags = await this.tagRepository.createQueryBuilder('t').where('t.articleId = :id', { id: a.id }).getOne();",
          '    }',
          '  }',
          '  async either(query: { limit?: number }) {',
          "    const qb = this.articleRepository.createQueryBuilder('a');",
          '    if (query.limit) qb.limit(query.limit);',
          '    else qb.limit(20);',
          '    return qb.getMany();',
          '  }',
          '  async always(query: { offset?: number }) {',
          "    const qb = this.articleRepository.createQueryBuilder('a');",
          '    if (query.offset) qb.offset(query.offset);',
          '    qb.take(20);',
          '    return qb.getMany();',
          '  }',
          '}',
        ),
      });
      // findAll: the limit is set only when the client sends one; without it, every article.
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/article.service.ts:16:22 this.tagRepository.createQueryBuilder.where.getOne [for…of sequential] → -',
        'unbounded-query src/article.service.ts:6:12 qb.getMany → -',
        'unbounded-query src/article.service.ts:9:12 this.articleRepository.createQueryBuilder.where.getMany → -',
      ]);
      // The explanation says which bound is conditional, and under what; the other says nothing of the kind.
      const [findAll, feed] = [...f.values()][0].hazards.filter((h) => h.code === 'unbounded-query');
      assert.match(findAll.explanation, /Its bound is set only when `'limit' in query`: a request without it reads them all\.$/);
      assert.doesNotMatch(feed.explanation, /only when/);
    });

    it("TypeORM query builder: a where on a key, a parent's key or the caller's ids, find options with take, or a builder the project's build() made are bounded", async () => {
      // The shapes of vendure's services.
      const f = await joined({
        'src/order.service.ts': lines(
          "import { Injectable } from '@nestjs/common';",
          'export class OrderService {',
          '  constructor(private connection: TransactionalConnection, private listQueryBuilder: ListQueryBuilder) {}',
          '  lines(ctx, lineId) {',
          "    return this.connection.getRepository(ctx, OrderLine).createQueryBuilder('orderLine').where('orderLine.id = :lineId', { lineId }).getMany();",
          '  }',
          '  prices(ctx, productVariantId) {',
          "    return this.connection.getRepository(ctx, Price).createQueryBuilder('pvp').where('pvp.variant = :productVariantId', { productVariantId }).getMany();",
          '  }',
          '  customers(ctx, customerIds) {',
          "    return this.connection.getRepository(ctx, Customer).createQueryBuilder('customer').where('customer.id IN (:...customerIds)', { customerIds }).getMany();",
          '  }',
          '  paged(ctx, options) {',
          "    const qb = this.connection.getRepository(ctx, Order).createQueryBuilder('order');",
          '    qb.setFindOptions({ skip: options.skip, take: options.take });',
          '    return qb.getManyAndCount();',
          '  }',
          '  listed(ctx, options) {',
          '    const qb = this.listQueryBuilder.build(Collection, options, { ctx });',
          '    return qb.getManyAndCount();',
          '  }',
          '  inline(ctx, options) {',
          '    return this.listQueryBuilder.build(Seller, options, { ctx }).getManyAndCount();',
          '  }',
          '  open(ctx) {',
          "    return this.connection.getRepository(ctx, Order).createQueryBuilder('order').where('order.active = :active', { active: true }).getMany();",
          '  }',
          // A uuid column is not read as a key here, as in SQL text (`WHERE user_uuid = $1`); nor a parameter named for one.
          '  invites(ctx, userUuid) {',
          "    return this.connection.getRepository(ctx, Invite).createQueryBuilder('invite').where('invite.user_uuid = :userUuid', { userUuid }).getMany();",
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'unbounded-query src/order.service.ts:26:12 this.connection.getRepository.createQueryBuilder.where.getMany → -',
        'unbounded-query src/order.service.ts:29:12 this.connection.getRepository.createQueryBuilder.where.getMany → -',
      ]);
    });

    it("TypeORM: a repository a wrapper hands out (connection.getRepository(ctx, X).find()) is said to be TypeORM's; an array's find given a function is no query", async () => {
      const f = await joined({
        'src/country.service.ts': lines(
          "import { Injectable } from '@nestjs/common';",
          'export class CountryService {',
          '  constructor(private connection: TransactionalConnection) {}',
          '  all(ctx) {',
          '    return this.connection.getRepository(ctx, Country).find();',
          '  }',
          '  relation(ctx, name) {',
          '    return this.connection.getRepository(ctx, Country).metadata.relations.find((r) => r.propertyName === name);',
          '  }',
          // An arrow inside the options is no array's find.
          '  inRegions(ctx, filters) {',
          '    return this.connection.getRepository(ctx, Country).find({ where: filters.map((f) => ({ region: f.region })) });',
          '  }',
          '}',
        ),
        'src/metadata.ts': lines("import { EntityManager } from 'typeorm';", 'export function relationOf(em: EntityManager, name: string) {', '  return em.relations.find((r) => r.name === name);', '}'),
      });
      assert.deepEqual(hazardRows(f), ['unbounded-query src/country.service.ts:11:12 this.connection.getRepository.find → -', 'unbounded-query src/country.service.ts:5:12 this.connection.getRepository.find → -']);
      assert.match([...f.values()][0].hazards[0].explanation, /\(TypeORM find without take\)/);
    });

    it('a module exported under a name by an index (module.exports.emailService = require(\'./email.service\')) is followed', async () => {
      // The shape of hagopj13/node-express-boilerplate's services/index.js and controllers/index.js.
      const f = await joined({
        'src/services/index.js': lines("module.exports.emailService = require('./email.service');", "module.exports.userService = require('./user.service');"),
        'src/services/email.service.js': lines(
          'const sendEmail = async (to) => {',
          '  for (const address of to) await fetch(`http://mail/${address}`, { signal: AbortSignal.timeout(500) });',
          '};',
          'module.exports = {',
          '  sendEmail,',
          '};',
        ),
        'src/controllers/index.js': lines("module.exports.authController = require('./auth.controller');"),
        'src/controllers/auth.controller.js': lines(
          "const { emailService } = require('../services');",
          'const forgotPassword = async (req, res) => {',
          '  await emailService.sendEmail(req.body.emails);',
          '  res.status(204).send();',
          '};',
          'module.exports = { forgotPassword };',
        ),
        'src/routes.js': lines(
          "const express = require('express');",
          "const { authController } = require('./controllers');",
          'const router = express.Router();',
          "router.post('/forgot-password', authController.forgotPassword);",
          'module.exports = router;',
        ),
      });
      assert.deepEqual(hazardRows(f), ['call-in-loop src/services/email.service.js:2:35 fetch [for…of sequential] → POST /forgot-password']);
    });

    it("an index that is another module, `module.exports = require('./routes')` (kutt's routes/index.js), leads on to it", async () => {
      const f = await joined({
        'server/routes/index.js': 'module.exports = require("./routes");',
        'server/routes/routes.js': lines(
          'const { Router } = require("express");',
          'const link = require("./link.routes");',
          'const apiRouter = Router();',
          'apiRouter.use("/links", link);',
          'module.exports = { api: apiRouter };',
        ),
        'server/routes/link.routes.js': lines('const { Router } = require("express");', 'const router = Router();', 'router.get("/", (req, res) => res.json([]));', 'module.exports = router;'),
        'server/server.js': lines('const express = require("express");', 'const routes = require("./routes");', 'const app = express();', 'app.use("/api/v2", routes.api);', 'app.use("/api", routes.api);'),
      });
      assert.deepEqual(
        routeRows(f).map((r) => `${r[0]} ${r[1]}`),
        ['GET /api/links', 'GET /api/v2/links'],
      );
    });

    it('a client made at the top of a module (or by a constructor into a field) without a timeout is on the routes of the functions that use it', async () => {
      // The shape of hagopj13/node-express-boilerplate's email.service.js and ardanlabs/service's authclient.
      const f = await joined({
        'src/email.service.js': lines(
          "const nodemailer = require('nodemailer');",
          'const transport = nodemailer.createTransport(config.email.smtp);',
          '// transport.close() in a comment is not a use',
          'const sendEmail = async (to, text) => {',
          '  await transport.sendMail({ to, text });',
          '};',
          'module.exports = { sendEmail };',
        ),
        'src/routes.js': lines(
          "const express = require('express');",
          "const { sendEmail } = require('./email.service');",
          'const router = express.Router();',
          "router.post('/forgot-password', async (req, res) => {",
          '  await sendEmail(req.body.email, "reset");',
          '  res.status(204).end();',
          '});',
          "router.get('/health', (req, res) => res.send('ok'));",
          'module.exports = router;',
        ),
        'src/mailer.service.ts': lines(
          'export class MailerService {',
          '  private readonly transporter: nodemailer.Transporter;',
          '  constructor(private readonly configService: ConfigService) {',
          '    this.transporter = nodemailer.createTransport({ host: configService.get(\'mail.host\') });',
          '  }',
          '  async sendMail(to: string) {',
          '    await this.transporter.sendMail({ to });',
          '  }',
          '}',
        ),
        'src/mail.controller.ts': lines(
          "@Controller('mail')",
          'export class MailController {',
          '  constructor(private readonly mailerService: MailerService) {}',
          "  @Post('test')",
          '  async test() {',
          "    await this.mailerService.sendMail('a@b.c');",
          '  }',
          '}',
        ),
        'auth/client.go': lines(
          'package auth',
          '',
          'var defaultClient = http.Client{}',
          '',
          'func Authenticate(r *http.Request) error {',
          '\t_, err := defaultClient.Do(r)',
          '\treturn err',
          '}',
          '',
          'func Routes(mux *http.ServeMux) {',
          '\tmux.HandleFunc("GET /v1/auth/authenticate", func(w http.ResponseWriter, r *http.Request) { Authenticate(r) })',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'missing-timeout auth/client.go:3:21 http.Client → GET /v1/auth/authenticate',
        'missing-timeout src/email.service.js:2:19 nodemailer.createTransport → POST /forgot-password',
        'missing-timeout src/mailer.service.ts:4:24 nodemailer.createTransport → POST /mail/test',
      ]);
    });

    it('nodemailer: a transport made without timeouts, and a mail sent per recipient', async () => {
      // The shape of hagopj13/node-express-boilerplate's email.service.js.
      const f = await joined({
        'src/email.service.js': lines(
          "const nodemailer = require('nodemailer');",
          'const transport = nodemailer.createTransport(config.email.smtp);',
          'const patient = nodemailer.createTransport({ ...config.email.smtp, connectionTimeout: 5000, socketTimeout: 10000 });',
          'const notifyAll = async (users) => {',
          '  for (const u of users) {',
          "    await transport.sendMail({ to: u.email, subject: 'hi' });",
          '  }',
          '};',
          'module.exports = { notifyAll, patient };',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'call-in-loop src/email.service.js:6:11 transport.sendMail [for…of sequential] → -',
        'missing-timeout src/email.service.js:2:19 nodemailer.createTransport → -',
      ]);
    });

    it('routing-controllers: @JsonController and @Controller prefixes, routePrefix from createExpressServer, into the service', async () => {
      // The shape of w3tecch/express-typescript-boilerplate, with the prefix written in place instead of read from the environment.
      const f = await joined({
        'src/app.ts': lines("import { createExpressServer } from 'routing-controllers';", "const app = createExpressServer({ routePrefix: '/api', controllers: [__dirname + '/controllers/*.ts'] });", 'app.listen(3000);'),
        'src/controllers/PetController.ts': lines(
          "import { Get, JsonController, Param, Post } from 'routing-controllers';",
          "import { PetService } from '../services/PetService';",
          "@JsonController('/pets')",
          'export class PetController {',
          '  constructor(private petService: PetService) {}',
          '  @Get()',
          '  public find() { return this.petService.find(); }',
          "  @Get('/:id')",
          "  public one(@Param('id') id: string) { return this.petService.findOne(id); }",
          '}',
        ),
        'src/controllers/HealthController.ts': lines(
          "import { Controller, Get } from 'routing-controllers';",
          "@Controller('/health')",
          'export class HealthController {',
          '  @Get()',
          "  public ok() { return 'ok'; }",
          '}',
        ),
        'src/services/PetService.ts': lines(
          'export class PetService {',
          '  constructor(private petRepository: PetRepository) {}',
          '  public find() { return this.petRepository.find(); }',
          '  public findOne(id: string) { return this.petRepository.findOne({ where: { id } }); }',
          '}',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/api/health', 'src/controllers/HealthController.ts', 3, 'routing-controllers'],
        ['GET', '/api/pets', 'src/controllers/PetController.ts', 5, 'routing-controllers'],
        ['GET', '/api/pets/:id', 'src/controllers/PetController.ts', 7, 'routing-controllers'],
      ]);
      assert.deepEqual(hazardRows(f), ['unbounded-query src/services/PetService.ts:3:26 this.petRepository.find → GET /api/pets']);
    });

    it('browser assets (a static folder, minified bundles, resources/js) and generated code are not the service: no hazard from their fetch or loops', async () => {
      const fetchEach = lines('for (const id of ids) {', '  fetch(`/api/owners/${id}`);', '}');
      const f = await joined({
        'server.js': lines("const express = require('express');", 'const app = express();', "app.get('/owners', async (req, res) => {", '  res.json(await fetch(`http://owners/${req.query.id}`));', '});'),
        'src/main/resources/static/js/owners.js': fetchEach,
        'public/javascripts/owners.js': fetchEach,
        'app/static/app.mjs': fetchEach,
        'lib/jquery-3.7.1.min.js': lines('for(var i=0;i<n;i++){S.find(e[i])}'),
        'lib/app.bundle.js': fetchEach,
        // A minified build under another name (Trilium's libraries/ckeditor/ckeditor.js: 1.7 MB in ten lines).
        'libraries/ckeditor/ckeditor.js': '!function(t){' + 'var a=t.a||{};'.repeat(6000) + 'for(const id of t.ids){fetch("/x/"+id).then(r=>r.json())}}(window);\n',
        // As long, but written by a person, a line at a time: read.
        'src/lib/tables.js': Array.from({ length: 6000 }, (_, i) => `export const LIMIT_${i} = { max: ${i}, label: 'table ${i}' };`).join('\n') + '\n',
        // AdonisJS's (and Laravel's) front-end sources, which Vite bundles for the browser (adocasts' resources/js).
        'resources/js/alpine/lesson.js': fetchEach,
        'resources/js/tiptap/mentions.ts': fetchEach,
        // Generated: an OpenAPI client, protobuf stubs, and a file that says so in its first lines.
        'frontend/src/client/client.gen.ts': lines("import axios from 'axios';", 'export const client = axios.create({});'),
        'genproto/demo.pb.go': lines('package genproto', 'func (c *client) Get() { for _, x := range xs { db.Query(x) } }'),
        'pb/demo_pb2_grpc.py': lines('def call(stub, items):', '    for i in items:', '        stub.GetItem(i)'),
        'internal/mocks/store.go': lines('// Code generated by mockery v2.20.0. DO NOT EDIT.', '', 'package mocks', '', 'func (m *Store) All(ids []int) {', '\tfor _, id := range ids {', '\t\tm.db.Query("SELECT 1 FROM t WHERE id = $1", id)', '\t}', '}'),
        // An Angular client beside the API (ghostfolio's apps/client): its loops send requests from the browser.
        'apps/client/src/app/owners.service.ts': lines("import { Injectable } from '@angular/core';", '@Injectable()', 'export class OwnersService {', '  load(ids: string[]) {', '    for (const id of ids) {', '      fetch(`/api/owners/${id}`);', '    }', '  }', '}'),
        // Its server-side rendering is a server: read.
        'apps/client/server.ts': lines("import { CommonEngine } from '@angular/ssr/node';", "import express from 'express';", 'export const server = express();'),
      });
      assert.deepEqual(hazardRows(f), ['missing-timeout server.js:4:18 fetch → GET /owners']);
      assert.deepEqual([...f.keys()].sort(), ['apps/client/server.ts', 'internal/mocks/store.go', 'server.js', 'src/lib/tables.js']);
    });

    it('work guarded by a module-level flag set once (if (!ready) prepare()) is not on every request, nor per item', async () => {
      // The shape of hackathon-starter's controllers/ai.js.
      const f = await joined({
        'app.js': lines(
          "const express = require('express');",
          "const fs = require('fs');",
          'const app = express();',
          'let folderReady = false;',
          'let indexConfigured = false;',
          'function prepareFolder() {',
          "  fs.mkdirSync('/data/rag', { recursive: true });",
          '  folderReady = true;',
          '}',
          'async function configureIndex(db) {',
          "  await db.collection('chunks').findOne({});",
          '  indexConfigured = true;',
          '}',
          "app.post('/ingest', async (req, res) => {",
          '  if (!folderReady) prepareFolder();',
          '  for (const file of req.body.files) {',
          '    if (!indexConfigured) {',
          '      await configureIndex(db);',
          '    }',
          "    await db.collection('chunks').countDocuments({ hash: file.hash });",
          '  }',
          "  fs.readFileSync('/data/rag/manifest.json');",
          '  res.end();',
          '});',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'blocking-call app.js:22:3 fs.readFileSync → POST /ingest',
        'query-in-loop app.js:20:11 db.collection.countDocuments [for…of sequential] → POST /ingest',
      ]);
    });

    it('Next.js: pages/api with methods from the handler switch, app router route.ts exports', async () => {
      const f = await analyseFixture('code-next');
      assert.deepEqual(routeRows(f), [
        ['GET', '/api/items', 'app/api/items/route.ts', 0, 'nextjs'],
        ['POST', '/api/items', 'app/api/items/route.ts', 4, 'nextjs'],
        ['DELETE', '/api/products/[productId]', 'pages/api/products/[productId].ts', 2, 'nextjs'],
        ['GET', '/api/products/[productId]', 'pages/api/products/[productId].ts', 2, 'nextjs'],
      ]);
      assert.deepEqual(hazardRows(f), [
        // In the handler's `case 'GET':` only: not on the DELETE route.
        'call-in-loop pages/api/products/[productId].ts:8:28 fetch [for…of sequential] → GET /api/products/[productId]',
        'missing-timeout app/api/items/route.ts:2:30 fetch → GET /api/items',
        // components/ProductCard.tsx fetches from the browser: not a server's missing timeout
      ]);
    });

    it("Next.js pages/api: what a method's branch of the handler calls is on that method's route only (linkwarden's collections/[id])", async () => {
      const f = await joined({
        'lib/collections.ts': lines(
          "import { prisma } from '@/lib/db';",
          'export async function getCollection(id: number) {',
          '  return prisma.collection.findUnique({ where: { id } });',
          '}',
          'export async function deleteCollection(id: number) {',
          '  const subs = await prisma.collection.findMany({ where: { parentId: id } });',
          '  for (const sub of subs) await prisma.link.deleteMany({ where: { collectionId: sub.id } });',
          '}',
        ),
        'pages/api/v1/collections/[id].ts': lines(
          "import { deleteCollection, getCollection } from '@/lib/collections';",
          'export default async function collections(req, res) {',
          '  const id = Number(req.query.id);',
          '  if (req.method === "GET") {',
          '    return res.json(await getCollection(id));',
          '  } else if (req.method === "DELETE") {',
          '    await deleteCollection(id);',
          '    return res.status(204).end();',
          '  }',
          '}',
        ),
        'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } }),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`), ['DELETE /api/v1/collections/[id]', 'GET /api/v1/collections/[id]']);
      assert.deepEqual(hazardRows(f), [
        'query-in-loop lib/collections.ts:7:33 prisma.link.deleteMany [for…of sequential] → DELETE /api/v1/collections/[id]',
      ]);
    });

    it("Next.js app router: a route handler written in route.tsx (karakeep's auth and export routes) is served, and runs on the server", async () => {
      const f = await joined({
        'apps/web/app/api/bookmarks/export/route.tsx': lines('export async function GET() {', "  const r = await fetch('http://hub/export');", '  return Response.json(await r.json());', '}'),
        'apps/web/app/api/auth/[...nextauth]/route.jsx': lines('const handler = NextAuth(authOptions);', 'export { handler as GET, handler as POST };'),
      });
      assert.deepEqual(
        routeRows(f).map((r) => `${r[0]} ${r[1]}`),
        ['GET /api/auth/[...nextauth]', 'POST /api/auth/[...nextauth]', 'GET /api/bookmarks/export'],
      );
      assert.deepEqual(hazardRows(f), ['missing-timeout apps/web/app/api/bookmarks/export/route.tsx:2:19 fetch → GET /api/bookmarks/export']);
    });

    it('Next.js app router: handlers exported through a wrapper, as another name, or again from another module; async server pages, also one a synchronous page only returns; client modules fetch from the browser (formbricks)', async () => {
      const files = {
        'app/api/v3/purge/route.ts': lines(
          "import { withV3ApiWrapper } from '@/lib/api-wrapper';",
          "import { prisma } from '@/lib/db';",
          'export const POST = withV3ApiWrapper({',
          "  auth: 'session',",
          '  handler: async ({ params }) => {',
          '    for (const id of params.ids) await prisma.record.delete({ where: { id } });',
          '    return Response.json({ ok: true });',
          '  },',
          '});',
          'export const GET = withAuth(async (req) => Response.json(await prisma.record.findMany()));',
        ),
        'app/api/v3/records/[[...path]]/route.ts': lines(
          "import { proxy } from '@/modules/hub/proxy';",
          'const handler = async (request) => {',
          '  return await proxy(request);',
          '};',
          'export const GET = handler;',
          'export const DELETE: Handler = handler;',
          'export { handler as PATCH };',
        ),
        'app/api/v2/health/route.ts': lines("export { GET, POST as PUT } from '@/modules/api/v2/health/route';"),
        // A URL segment named test, not a test suite; one under a tests folder is.
        'app/api/v3/workflows/[workflowId]/test/route.ts': lines('export async function POST() {', '  return Response.json({ ok: true });', '}'),
        'tests/app/api/route.ts': lines('export async function GET() {', '  return Response.json({});', '}'),
        // Pages: an async server component renders per request; a client, static or synchronous one does not.
        'app/(app)/workspaces/[workspaceId]/page.tsx': lines(
          "import { prisma } from '@/lib/db';",
          'export default async function WorkspacePage({ params }) {',
          '  const surveys = await prisma.survey.findMany({ where: { workspaceId: params.workspaceId }, take: 50 });',
          '  for (const s of surveys) s.owner = await prisma.user.findUnique({ where: { id: s.ownerId } });',
          "  const stats = await fetch('http://hub/stats');",
          '  return <List surveys={surveys} stats={stats} />;',
          '}',
        ),
        'app/docs/[slug]/page.tsx': lines('export async function generateStaticParams() {', '  return [];', '}', 'export default async function Doc() {', "  return <p>{await fetch('http://cms/doc')}</p>;", '}'),
        'app/upload/page.tsx': lines("'use client';", 'export default function Upload({ files }) {', "  files.map((f) => fetch('/api/upload', { method: 'POST', body: f }));", '  return null;', '}'),
        'app/page.tsx': lines('export default function Home() {', '  return <p>Home</p>;', '}'),
        // An intercepting route answers the URL it intercepts: `(.)` a sibling's, `(..)` its parent's, `(...)` the root's.
        'app/(app)/workspaces/[workspaceId]/@modal/(.)surveys/[surveyId]/page.tsx': lines('export default async function SurveyModal() {', "  return <p>{await fetch('http://hub/survey', { signal: AbortSignal.timeout(500) })}</p>;", '}'),
        'app/(app)/workspaces/[workspaceId]/@modal/(..)(..)photos/[id]/page.tsx': lines('export default async function PhotoModal() {', "  return <p>{await fetch('http://hub/photo', { signal: AbortSignal.timeout(500) })}</p>;", '}'),
        'app/(app)/workspaces/@modal/(...)login/page.tsx': lines('export default async function LoginModal() {', "  return <p>{await fetch('http://hub/me', { signal: AbortSignal.timeout(500) })}</p>;", '}'),
        // A page whose component is another module's: imported and exported, or exported again.
        'app/(auth)/forgot/page.tsx': lines("import { ForgotPage } from '@/modules/auth/forgot';", '', 'export default ForgotPage;'),
        'app/(app)/actions/page.tsx': lines("export { ActionsPage as default } from '@/modules/actions/page';"),
        // A synchronous page that only returns an imported component, called or rendered: that one's, server-rendered
        // if it is async (formbricks' settings pages), not if it is the browser's.
        'app/(app)/settings/api-keys/page.tsx': lines("import { APIKeysPage } from '@/modules/api-keys';", 'const Page = (props: { params: Promise<{ id: string }> }) => {', '  return APIKeysPage(props);', '};', 'export default Page;'),
        'app/(app)/settings/picker/page.tsx': lines("import { Picker } from '@/modules/picker/picker';", 'const Page = () => <Picker />;', 'export default Page;'),
        'modules/api-keys.tsx': lines("import { prisma } from '@/lib/db';", 'export const APIKeysPage = async (props) => {', '  const keys = await prisma.apiKey.findMany();', '  return <ul>{keys.length}</ul>;', '};'),
        'modules/picker/picker.tsx': lines("'use client';", 'export const Picker = () => <select />;'),
        'modules/auth/forgot.tsx': lines("import { prisma } from '@/lib/db';", 'export async function ForgotPage() {', '  const n = await prisma.user.count();', '  return <p>{n}</p>;', '}'),
        'modules/actions/page.tsx': lines("import { prisma } from '@/lib/db';", 'export const ActionsPage = async () => {', '  const all = await prisma.action.findMany();', '  return <p>{all.length}</p>;', '};'),
        'modules/picker/use-picker.ts': lines("'use client';", 'export async function listSurveys() {', "  return fetch('/api/v3/surveys');", '}'),
        'modules/api/v2/health/route.ts': lines('export const GET = async () => Response.json(await fetch("http://hub/health"));', 'export async function POST() {', '  return fetch("http://hub/ping");', '}'),
        'modules/hub/proxy.ts': lines('export async function proxy(request) {', "  return fetch('http://hub' + new URL(request.url).pathname);", '}'),
        'lib/api-wrapper.ts': lines('export function withV3ApiWrapper(options) {', '  return (req) => options.handler({ params: {} });', '}'),
      };
      const f = await joined(files);
      assert.deepEqual(routeRows(f), [
        ['GET', '/actions', 'app/(app)/actions/page.tsx', 0, 'nextjs'],
        ['GET', '/settings/api-keys', 'app/(app)/settings/api-keys/page.tsx', 4, 'nextjs'],
        ['GET', '/photos/[id]', 'app/(app)/workspaces/[workspaceId]/@modal/(..)(..)photos/[id]/page.tsx', 0, 'nextjs'],
        ['GET', '/workspaces/[workspaceId]/surveys/[surveyId]', 'app/(app)/workspaces/[workspaceId]/@modal/(.)surveys/[surveyId]/page.tsx', 0, 'nextjs'],
        ['GET', '/workspaces/[workspaceId]', 'app/(app)/workspaces/[workspaceId]/page.tsx', 1, 'nextjs'],
        ['GET', '/login', 'app/(app)/workspaces/@modal/(...)login/page.tsx', 0, 'nextjs'],
        ['GET', '/forgot', 'app/(auth)/forgot/page.tsx', 2, 'nextjs'],
        ['GET', '/api/v2/health', 'app/api/v2/health/route.ts', 0, 'nextjs'],
        ['PUT', '/api/v2/health', 'app/api/v2/health/route.ts', 0, 'nextjs'],
        ['POST', '/api/v3/purge', 'app/api/v3/purge/route.ts', 2, 'nextjs'],
        ['GET', '/api/v3/purge', 'app/api/v3/purge/route.ts', 9, 'nextjs'],
        ['GET', '/api/v3/records/[[...path]]', 'app/api/v3/records/[[...path]]/route.ts', 4, 'nextjs'],
        ['DELETE', '/api/v3/records/[[...path]]', 'app/api/v3/records/[[...path]]/route.ts', 5, 'nextjs'],
        ['PATCH', '/api/v3/records/[[...path]]', 'app/api/v3/records/[[...path]]/route.ts', 6, 'nextjs'],
        ['POST', '/api/v3/workflows/[workflowId]/test', 'app/api/v3/workflows/[workflowId]/test/route.ts', 0, 'nextjs'],
      ]);
      assert.deepEqual(hazardRows(f), [
        // A client page's fetches are the browser's: no missing timeout there (modules/picker's either).
        'call-in-loop app/upload/page.tsx:3:20 fetch [.map() sequential] → -',
        'missing-timeout app/(app)/workspaces/[workspaceId]/page.tsx:5:23 fetch → GET /workspaces/[workspaceId]',
        'missing-timeout modules/api/v2/health/route.ts:1:52 fetch → GET /api/v2/health',
        'missing-timeout modules/api/v2/health/route.ts:3:10 fetch → PUT /api/v2/health',
        'missing-timeout modules/hub/proxy.ts:2:10 fetch → GET /api/v3/records/[[...path]], DELETE /api/v3/records/[[...path]], PATCH /api/v3/records/[[...path]]',
        'query-in-loop app/(app)/workspaces/[workspaceId]/page.tsx:4:44 prisma.user.findUnique [for…of sequential] → GET /workspaces/[workspaceId]',
        'query-in-loop app/api/v3/purge/route.ts:6:40 prisma.record.delete [for…of sequential] → POST /api/v3/purge',
        'unbounded-query app/api/v3/purge/route.ts:10:64 prisma.record.findMany → GET /api/v3/purge',
        'unbounded-query modules/actions/page.tsx:3:21 prisma.action.findMany → GET /actions',
        'unbounded-query modules/api-keys.tsx:3:22 prisma.apiKey.findMany → GET /settings/api-keys',
      ]);

      // Edited statement by statement (the editor's path), the same routes.
      const index = new CodeIndex(grammars);
      const file = 'app/api/v3/records/[[...path]]/route.ts';
      await index.analyzeEdit(file, files[file]);
      const edited = await index.analyzeEdit(file, files[file].replace('return await proxy', 'return proxy'));
      assert.deepEqual(edited?.routes.map((r) => `${r.method} ${r.declaration.start.line}`), ['GET 4', 'DELETE 5', 'PATCH 6']);
    });
  });

  describe('Python', () => {
    it('FastMCP over HTTP: mcp.run(transport="http") is POST /mcp, whose request path runs each tool, decorated or registered by call', async () => {
      // The shape of opentelemetry-demo's mcp service (tools registered by call from another module) and FastMCP's docs.
      const f = await joined({
        'src/mcp_server/server.py': lines(
          'import os',
          'from fastmcp import FastMCP',
          'from src.mcp_server import tools',
          'class AstronomyShopMcp:',
          '    def __init__(self):',
          '        self.mcp = FastMCP("astronomy-shop-mcp")',
          '        self.mcp.tool("get_cart")(tools.get_cart)',
          '        @self.mcp.tool()',
          '        def list_products() -> list:',
          '            return [httpx.get(f"http://catalog/{i}", timeout=2).json() for i in range(5)]',
          '    def run(self):',
          '        self.mcp.run(transport="http", host="0.0.0.0", port=int(os.getenv("MCP_PORT", "8011")))',
        ),
        'src/mcp_server/tools.py': lines(
          'import requests',
          'def get_cart(user_id: str) -> dict:',
          '    return requests.get(f"http://cart/{user_id}").json()',
          'def unused() -> dict:',
          '    return requests.get("http://cart/health").json()',
        ),
        // A server on stdio (a local tool for a desktop client) serves no HTTP route.
        'local.py': lines('from fastmcp import FastMCP', 'mcp = FastMCP("local")', '@mcp.tool', 'def ping() -> str:', '    return "pong"', 'mcp.run()'),
      });
      assert.deepEqual(routeRows(f), [['POST', '/mcp', 'src/mcp_server/server.py', 11, 'fastmcp']]);
      assert.deepEqual(hazardRows(f), [
        'call-in-loop src/mcp_server/server.py:10:21 httpx.get [comprehension sequential] → POST /mcp',
        'missing-timeout src/mcp_server/tools.py:3:12 requests.get → POST /mcp',
        'missing-timeout src/mcp_server/tools.py:5:12 requests.get → -',
      ]);
    });

    it('Gradio: launch() serves the queue route every event goes through, whose request path runs the event handlers', async () => {
      // The shape of opentelemetry-demo's chatbot (a Blocks app whose handlers call the agent over HTTP).
      const f = await joined({
        'src/chat_interface/chat_interface.py': lines(
          'import gradio as gr',
          'import requests',
          'class ChatInterface:',
          '    def chat_with_agent(self, message, history):',
          '        return requests.post("http://agent/chat", json={"message": message}).json()',
          '    def launch(self):',
          '        def respond(message, history):',
          '            return "", history + [self.chat_with_agent(message, history)]',
          '        with gr.Blocks(title="shop") as chatbot_ui:',
          '            chatbot = gr.Chatbot()',
          '            textbox = gr.Textbox()',
          '            textbox.submit(respond, [textbox, chatbot], [textbox, chatbot])',
          '        chatbot_ui.launch(server_name="0.0.0.0", server_port=7860)',
          'def warmup():',
          '    return requests.get("http://agent/health").json()',
        ),
      });
      assert.deepEqual(routeRows(f), [['POST', '/gradio_api/queue/join', 'src/chat_interface/chat_interface.py', 12, 'gradio']]);
      assert.deepEqual(hazardRows(f), [
        'missing-timeout src/chat_interface/chat_interface.py:15:12 requests.get → -',
        'missing-timeout src/chat_interface/chat_interface.py:5:16 requests.post → POST /gradio_api/queue/join',
      ]);
      // An Interface mounted on a FastAPI app under a path.
      const mounted = await joined({
        'ui.py': lines('import gradio as gr', 'def echo(text):', '    return requests.get("http://echo/" + text).json()', 'demo = gr.Interface(fn=echo, inputs="text", outputs="text")', 'app = gr.mount_gradio_app(app, demo, path="/ui")'),
      });
      assert.deepEqual(routeRows(mounted), [['POST', '/ui/gradio_api/queue/join', 'ui.py', 4, 'gradio']]);
      assert.deepEqual(hazardRows(mounted), ['missing-timeout ui.py:3:12 requests.get → POST /ui/gradio_api/queue/join']);
    });

    it('GraphQL: Strawberry on FastAPI (GraphQLRouter under include_router), Graphene on Django, Ariadne on Starlette run their resolvers on the endpoint', async () => {
      const strawberry = await joined({
        'app/main.py': lines(
          'from fastapi import FastAPI',
          'from strawberry.fastapi import GraphQLRouter',
          'from .schema import schema',
          'graphql_app = GraphQLRouter(schema)',
          'app = FastAPI()',
          'app.include_router(graphql_app, prefix="/graphql")',
        ),
        'app/schema.py': lines(
          'import strawberry',
          'import requests',
          '@strawberry.type',
          'class Query:',
          '    @strawberry.field',
          '    def books(self) -> list[Book]:',
          '        return [requests.get(f"http://books/{i}", timeout=2).json() for i in range(10)]',
          '    def helper(self):',
          '        return requests.get("http://books/health", timeout=2)',
          'schema = strawberry.Schema(query=Query)',
        ),
      });
      assert.deepEqual(routeRows(strawberry), [['POST', '/graphql', 'app/main.py', 3, 'graphql']]);
      assert.deepEqual(hazardRows(strawberry), ['call-in-loop app/schema.py:7:17 requests.get [comprehension sequential] → POST /graphql']);

      const graphene = await joined({
        'shop/urls.py': lines(
          'from django.urls import path',
          'from django.views.decorators.csrf import csrf_exempt',
          'from graphene_django.views import GraphQLView',
          'urlpatterns = [',
          '    path("graphql/", csrf_exempt(GraphQLView.as_view(graphiql=True))),',
          '    path("health/", views.health),',
          ']',
        ),
        'shop/schema.py': lines(
          'import graphene',
          'class Query(graphene.ObjectType):',
          '    orders = graphene.List(OrderType)',
          '    def resolve_orders(root, info):',
          '        return Order.objects.all()',
          'class CreateOrder(graphene.Mutation):',
          '    def mutate(root, info, ids):',
          '        for i in ids:',
          '            Order.objects.create(item_id=i)',
        ),
      });
      assert.deepEqual(routeRows(graphene), [
        ['ANY', 'graphql/', 'shop/urls.py', 4, 'django'],
        ['ANY', 'health/', 'shop/urls.py', 5, 'django'],
      ]);
      assert.deepEqual(hazardRows(graphene), [
        'query-in-loop shop/schema.py:9:13 Order.objects.create [for sequential] → ANY graphql/',
        'unbounded-query shop/schema.py:5:16 Order.objects.all → ANY graphql/',
      ]);

      const ariadne = await joined({
        'server.py': lines(
          'from ariadne import QueryType, make_executable_schema',
          'from ariadne.asgi import GraphQL',
          'from starlette.applications import Starlette',
          'import httpx',
          'query = QueryType()',
          '@query.field("prices")',
          'async def resolve_prices(_, info, skus):',
          '    async with httpx.AsyncClient(timeout=3) as client:',
          '        return [await client.get(f"http://prices/{s}") for s in skus]',
          'app = Starlette()',
          'app.mount("/graphql/", GraphQL(make_executable_schema(type_defs, query)))',
        ),
      });
      assert.deepEqual(routeRows(ariadne), [['POST', '/graphql/', 'server.py', 10, 'graphql']]);
      assert.deepEqual(hazardRows(ariadne), ['call-in-loop server.py:9:23 client.get [comprehension sequential] → POST /graphql/']);
    });

    it('GraphQL: a base mutation\'s `cls.perform_mutation()` runs each subclass\'s override on the endpoint; `cls.m()` finds a method inherited from another file', async () => {
      // The shape of saleor's graphene mutations: BaseMutation.mutate → cls.perform_mutation → cls.clean_input / cls.save.
      const f = await joined({
        'shop/urls.py': lines(
          'from django.urls import path',
          'from graphene_django.views import GraphQLView',
          'from . import views',
          'urlpatterns = [path("graphql/", GraphQLView.as_view()), path("health/", views.health)]',
        ),
        // A route of its own calls a class's method: `cls` is that class, so its subclass's override is not on it.
        'shop/views.py': lines(
          'import requests',
          'def health(request):',
          '    return Checker.ping()',
          'class Checker:',
          '    @classmethod',
          '    def ping(cls):',
          '        return cls.probe()',
          '    @classmethod',
          '    def probe(cls):',
          '        return requests.get("http://db-proxy/ping", timeout=1)',
          'class SlowChecker(Checker):',
          '    @classmethod',
          '    def probe(cls):',
          '        return requests.get("http://slow/ping")',
        ),
        'shop/core/mutations.py': lines(
          'import graphene',
          'class BaseMutation(graphene.Mutation):',
          '    @classmethod',
          '    def mutate(cls, root, info, **data):',
          '        return cls.perform_mutation(root, info, **data)',
          'class ModelMutation(BaseMutation):',
          '    @classmethod',
          '    def perform_mutation(cls, root, info, **data):',
          '        instance = cls.clean_input(info, data)',
          '        cls.save(instance)',
          '    @classmethod',
          '    def save(cls, instance):',
          '        instance.save()',
          '    @classmethod',
          '    def audit(cls, line):',
          '        requests.post("http://audit/", json=line)',
        ),
        'shop/product/mutations.py': lines(
          'import requests',
          'from ..core.mutations import ModelMutation',
          'class ProductCreate(ModelMutation):',
          '    @classmethod',
          '    def clean_input(cls, info, data):',
          '        for sku in data["skus"]:',
          '            Stock.objects.get(sku=sku)',
          '        return data',
          'class ProductBulkDelete(ModelMutation):',
          '    @classmethod',
          '    def save(cls, instance):',
          '        for line in instance.lines:',
          '            cls.audit(line)',
          'def never_called(ids):',
          '    for i in ids:',
          '        Stock.objects.get(id=i)',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['ANY', 'graphql/', 'shop/urls.py', 3, 'django'],
        ['ANY', 'health/', 'shop/urls.py', 3, 'django'],
      ]);
      assert.deepEqual(hazardRows(f), [
        'call-in-loop shop/product/mutations.py:13:13 cls.audit → requests.post [for sequential] → ANY graphql/',
        'missing-timeout shop/core/mutations.py:16:9 requests.post → ANY graphql/',
        'missing-timeout shop/views.py:14:16 requests.get → -',
        // Called from nothing: its hazard is on no route.
        'query-in-loop shop/product/mutations.py:16:9 Stock.objects.get [for sequential] → -',
        'query-in-loop shop/product/mutations.py:7:13 Stock.objects.get [for sequential] → ANY graphql/',
      ]);
    });

    it('FastAPI: a repository given by Depends in a parameter on a line of its own is its annotation\'s class, so its queries are on the route', async () => {
      // The shape of nsidnev/fastapi-realworld-example-app's articles resource.
      const f = await joined({
        'app/routes.py': lines(
          'from fastapi import APIRouter, Depends',
          'from app.repo import ArticlesRepository',
          '',
          'router = APIRouter()',
          '',
          '@router.get("/articles")',
          'async def list_articles(',
          '    user: Optional[User] = Depends(get_current_user_authorizer(required=False)),',
          '    articles_repo: ArticlesRepository = Depends(get_repository(ArticlesRepository)),',
          ') -> ListOfArticlesInResponse:',
          '    return await articles_repo.filter_articles(limit=10)',
        ),
        'app/repo.py': lines(
          'class ArticlesRepository:',
          '    async def filter_articles(self, limit):',
          '        rows = await self.connection.fetch("SELECT * FROM articles LIMIT $1", limit)',
          '        return [await self.connection.fetchrow("SELECT * FROM tags WHERE article_id = $1", r["id"]) for r in rows]',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop app/repo.py:4:23 self.connection.fetchrow [comprehension sequential] → GET /articles']);
    });

    it('not hazards: the builtin all() (not a model\'s all), os.environ["X"] = … (a write), rq\'s Retry(max=…, interval=…)', async () => {
      // The shapes of redash's models and oracle runner, and netbox's rqworker.
      const f = await joined({
        'app/models.py': lines(
          'import os',
          'from rq import Retry',
          '',
          'class Dashboard(db.Model):',
          '    @classmethod',
          '    def all(cls, org):',
          '        return Dashboard.query.filter(Dashboard.org == org).all()',
          '',
          'def is_unscheduled(query):',
          '    os.environ["NLS_LANG"] = "AMERICAN_AMERICA.UTF8"',
          '    for q in query.children:',
          '        if all(v is None for v in q.schedule.values()):',
          '            return True',
          '    return Retry(max=3, interval=[10, 30, 60])',
        ),
      });
      assert.deepEqual(hazardRows(f), ['unbounded-query app/models.py:7:16 Dashboard.query.filter.all → -']);
      assert.deepEqual(f.get('app/models.py')!.envReads, []);
    });

    it('a method guessed from a class named like a variable: only on that variable, not on a field of it (CTFd)', async () => {
      const f = await joined({
        'CTFd/api/v1/challenges.py': lines(
          'class Challenge(Resource):',
          '    def load(self, challenge_id):',
          '        return Challenges.query.filter_by(id=challenge_id).first_or_404()',
          '',
          'def listing(chal_q):',
          '    for challenge in chal_q:',
          '        challenge.requirements.load("prerequisites", [])',
          '',
          'def detail(ids):',
          '    for challenge_id in ids:',
          '        challenge.load(challenge_id)',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop CTFd/api/v1/challenges.py:11:9 challenge.load → Challenges.query.filter_by.first_or_404 [for sequential] → -']);
    });

    it('Flask-RESTX: namespaces added to an Api on a blueprint get the blueprint\'s url_prefix and their own path', async () => {
      // The shape of CTFd's CTFd/api/__init__.py and CTFd/api/v1/audiences.py.
      const f = await joined({
        'CTFd/api/__init__.py': lines(
          'from flask import Blueprint',
          'from flask_restx import Api',
          'from CTFd.api.v1.audiences import audiences_namespace',
          'api = Blueprint("api", __name__, url_prefix="/api/v1")',
          'CTFd_API_v1 = Api(api, version="v1")',
          'CTFd_API_v1.add_namespace(audiences_namespace, "/audiences")',
        ),
        'CTFd/api/v1/audiences.py': lines(
          'from flask_restx import Namespace, Resource',
          'audiences_namespace = Namespace("audiences", description="Audiences")',
          '@audiences_namespace.route("")',
          'class AudienceList(Resource):',
          '    def get(self):',
          '        return {}',
          '@audiences_namespace.route("/<int:audience_id>")',
          'class AudienceDetail(Resource):',
          '    def delete(self, audience_id):',
          '        return {}',
        ),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), ['DELETE /api/v1/audiences/<int:audience_id>', 'GET /api/v1/audiences']);
      // add_namespace(ns) with no path: the namespace's own path= or, without one, `/` + its name.
      const own = async (declared: string) => {
        const g = await joined({
          'app.py': lines('from flask_restx import Api', 'from todos import ns', 'api = Api(app)', 'api.add_namespace(ns)'),
          'todos.py': lines('from flask_restx import Namespace, Resource', `ns = ${declared}`, '@ns.route("/<int:id>")', 'class Todo(Resource):', '    def get(self, id):', '        return {}'),
        });
        return routeRows(g).map((r) => `${r[0]} ${r[1]}`);
      };
      assert.deepEqual(await own('Namespace("todos", description="TODO operations")'), ['GET /todos/<int:id>']);
      assert.deepEqual(await own('Namespace("todos", path="/v2/todos")'), ['GET /v2/todos/<int:id>']);
    });

    it('Flask-RESTful: api.add_resource(Resource, url, …) (also a project\'s add_org_resource) serves the methods the resource defines', async () => {
      // The shape of getredash/redash's handlers/api.py, base.py and alerts.py.
      const f = await joined({
        'redash/handlers/api.py': lines(
          'from flask_restful import Api',
          'from redash.handlers.alerts import (',
          '    AlertResource,',
          '    AlertListResource,',
          ')',
          '',
          'class ApiExt(Api):',
          '    def add_org_resource(self, resource, *urls, **kwargs):',
          '        urls = [org_scoped_rule(url) for url in urls]',
          '        return self.add_resource(resource, *urls, **kwargs)',
          '',
          'api = ApiExt()',
          'api.add_org_resource(AlertResource, "/api/alerts/<alert_id>", endpoint="alert")',
          'api.add_resource(AlertListResource, "/api/alerts", endpoint="alerts")',
        ),
        'redash/handlers/base.py': lines('from flask_restful import Resource', '', 'class BaseResource(Resource):', '    decorators = [login_required]'),
        'redash/handlers/alerts.py': lines(
          'from redash.handlers.base import BaseResource',
          '',
          'class AlertResource(BaseResource):',
          '    def get(self, alert_id):',
          '        return {}',
          '    def delete(self, alert_id):',
          '        return {}',
          '',
          'class AlertListResource(BaseResource):',
          '    def get(self):',
          '        return [a.to_dict() for a in models.Alert.query.all()]',
          '    def post(self):',
          '        return {}',
        ),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), ['DELETE /api/alerts/<alert_id>', 'GET /api/alerts', 'GET /api/alerts/<alert_id>', 'POST /api/alerts']);
      // The list's query is on its GET.
      assert.deepEqual(hazardRows(f), ['unbounded-query redash/handlers/alerts.py:11:38 models.Alert.query.all → GET /api/alerts']);
    });

    it('aiosql: the functions made of SQL files (queries.get_x(conn, …)) are queries, one per row in a comprehension is a query in a loop', async () => {
      // The shape of nsidnev/fastapi-realworld-example-app's repositories.
      const f = await joined({
        'app/db/queries/queries.py': lines('import pathlib', '', 'import aiosql', '', 'queries = aiosql.from_path(pathlib.Path(__file__).parent / "sql", "asyncpg")'),
        'app/db/repositories/articles.py': lines(
          'from app.db.queries.queries import queries',
          '',
          'class ArticlesRepository:',
          '    async def list(self, rows):',
          '        return [await self._tags(row) for row in rows]',
          '',
          '    async def _tags(self, row):',
          '        return await queries.get_tags_for_article_by_slug(self.connection, slug=row["slug"])',
        ),
        // A module's own `queries` list with no aiosql: not a database.
        'app/search.py': lines('queries = ["a", "b"]', '', 'def first(items):', '    return [queries.index(i) for i in items]'),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop app/db/repositories/articles.py:5:23 _tags → queries.get_tags_for_article_by_slug [comprehension sequential] → -']);
    });

    it('Flask: a blueprint made in a package and imported by the module that registers its routes gets its url_prefix', async () => {
      // The shape of miguelgrinberg/microblog: app/auth/__init__.py makes bp, app/auth/routes.py imports it.
      const f = await joined({
        'app/__init__.py': lines('from flask import Flask', 'app = Flask(__name__)', 'from app.auth import bp as auth_bp', "app.register_blueprint(auth_bp, url_prefix='/auth')"),
        'app/auth/__init__.py': lines('from flask import Blueprint', "bp = Blueprint('auth', __name__)", 'from app.auth import routes'),
        'app/auth/routes.py': lines('from app.auth import bp', '', "@bp.route('/login', methods=['GET', 'POST'])", 'def login():', "    return 'ok'"),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/auth/login', 'app/auth/routes.py', 2, 'flask'],
        ['POST', '/auth/login', 'app/auth/routes.py', 2, 'flask'],
      ]);
    });

    it("Flask: blueprints registered in a loop over a list the app factory is given (lemur's configure_blueprints) get its url_prefix; a list written there, each of its blueprints; the app's own routes none", async () => {
      const f = await joined({
        'lemur/factory.py': lines(
          'from flask import Flask',
          'from lemur.admin import admin_bp, stats_bp',
          'API_VERSION = 1',
          'def create_app(blueprints=None):',
          '    app = Flask(__name__)',
          '    configure_blueprints(app, blueprints)',
          '    for bp in [admin_bp, stats_bp]:',
          '        app.register_blueprint(bp, url_prefix="/internal")',
          '    return app',
          'def configure_blueprints(app, blueprints):',
          '    for blueprint in blueprints:',
          '        app.register_blueprint(blueprint, url_prefix=f"/api/{API_VERSION}")',
        ),
        'lemur/__init__.py': lines('from lemur.factory import create_app', 'from lemur.users.views import mod as users_bp', 'LEMUR_BLUEPRINTS = (users_bp,)', 'def create():', '    return create_app(blueprints=LEMUR_BLUEPRINTS)'),
        'lemur/users/views.py': lines('from flask import Blueprint', 'mod = Blueprint("users", __name__)', '@mod.route("/users")', 'def users():', '    return []'),
        'lemur/admin.py': lines('from flask import Blueprint', 'admin_bp = Blueprint("admin", __name__)', 'stats_bp = Blueprint("stats", __name__, url_prefix="/stats")', '@admin_bp.route("/flush")', 'def flush():', '    return []', '@stats_bp.route("/count")', 'def count():', '    return []'),
        'lemur/ping.py': lines('from flask import Flask', 'app = Flask(__name__)', '@app.route("/ping")', 'def ping():', '    return "ok"'),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), ['GET /api/1/users', 'GET /internal/count', 'GET /internal/flush', 'GET /ping']);
    });

    it("Flask: a path handed through the project's own helper, @routes.route(org_scoped_rule(\"/login\")), is that path; a helper given anything else is no route", async () => {
      // redash's handlers: org_scoped_rule(rule) is the rule itself unless MULTI_ORG is set.
      const f = await joined({
        'redash/handlers/authentication.py': lines(
          'from flask import Blueprint',
          'from redash.handlers.base import org_scoped_rule',
          'routes = Blueprint("redash", __name__)',
          '@routes.route(org_scoped_rule("/login"), methods=["GET", "POST"])',
          'def login(org_slug=None):',
          '    return "ok"',
          '@routes.route(org_scoped_rule(LOGIN_PATH))',
          'def other():',
          '    return "ok"',
          'routes.add_url_rule(org_scoped_rule("/logout"), view_func=login)',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/login', 'redash/handlers/authentication.py', 3, 'flask'],
        ['POST', '/login', 'redash/handlers/authentication.py', 3, 'flask'],
        ['GET', '/logout', 'redash/handlers/authentication.py', 9, 'flask'],
      ]);
    });

    it("Flask: a project's helper given a blueprint, a list of rules and a view (FlaskBB's register_view(forum, routes=[…], view_func=V.as_view(…))) adds a route per rule; a url_prefix from app.config is its config class's default", async () => {
      const f = await joined({
        'flaskbb/utils/helpers.py': lines('def register_view(bp_or_app, routes, view_func, *args, **kwargs):', '    for route in routes:', '        bp_or_app.add_url_rule(route, view_func=view_func, *args, **kwargs)'),
        // Registered under a prefix of the app's config, whose default its config class gives.
        'flaskbb/configs/default.py': lines('class DefaultConfig(object):', '    FORUM_URL_PREFIX = "/f"', '    DEBUG = False'),
        'flaskbb/forum/views.py': lines(
          'from flask import Blueprint',
          'from flask.views import MethodView',
          'from flaskbb.utils.helpers import register_view',
          'forum = Blueprint("forum", __name__)',
          'class ViewForum(MethodView):',
          '    def get(self, forum_id, slug=None):',
          '        return "ok"',
          'class MarkRead(MethodView):',
          '    def post(self, forum_id=None, slug=None):',
          '        return "ok"',
          'def flaskbb_load_blueprints(app):',
          '    register_view(',
          '        forum,',
          '        routes=["/forum/<int:forum_id>", "/forum/<int:forum_id>-<slug>"],',
          '        view_func=ViewForum.as_view("view_forum"),',
          '    )',
          '    register_view(forum, routes=["/<int:forum_id>/markread"], view_func=MarkRead.as_view("markread"))',
          '    app.register_blueprint(forum, url_prefix=app.config["FORUM_URL_PREFIX"])',
          // A call of the same name with no list of rules is nothing.
          '    register_view(forum, view_func=MarkRead.as_view("other"))',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/f/forum/<int:forum_id>', 'flaskbb/forum/views.py', 11, 'flask'],
        ['GET', '/f/forum/<int:forum_id>-<slug>', 'flaskbb/forum/views.py', 11, 'flask'],
        ['POST', '/f/<int:forum_id>/markread', 'flaskbb/forum/views.py', 16, 'flask'],
      ]);
    });

    it("Flask: a blueprint registered on another inside the factory that makes it (changedetection's settings) is under the prefix the factory's blueprint is registered with", async () => {
      const f = await joined({
        'app/settings/llm.py': lines('from flask import Blueprint', 'def construct_llm_blueprint(datastore):', '    llm = Blueprint("llm", __name__)', '    @llm.route("/models")', '    def models():', '        return "ok"', '    return llm'),
        'app/settings/__init__.py': lines(
          'from flask import Blueprint',
          'from app.settings.llm import construct_llm_blueprint',
          'def construct_blueprint(datastore):',
          '    settings_blueprint = Blueprint("settings", __name__)',
          '    settings_blueprint.register_blueprint(construct_llm_blueprint(datastore), url_prefix="/llm")',
          '    @settings_blueprint.route("")',
          '    def settings_page():',
          '        return "ok"',
          '    return settings_blueprint',
        ),
        'app/__init__.py': lines('from flask import Flask', 'from app import settings', 'app = Flask(__name__)', 'app.register_blueprint(settings.construct_blueprint(None), url_prefix="/settings")'),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`), ['GET /settings', 'GET /settings/llm/models']);
    });

    it('Quart: Flask\'s routing, async (its @app.get too, not FastAPI\'s), labelled quart; a blueprint under the prefix it is registered with', async () => {
      const f = await joined({
        'app.py': lines(
          'from quart import Quart, Blueprint',
          'app = Quart(__name__)',
          'bp = Blueprint("items", __name__, url_prefix="/items")',
          '@app.route("/health")',
          'async def health():',
          '    return "ok"',
          '@app.get("/users/<int:user_id>")',
          'async def user(user_id):',
          '    return {}',
          '@bp.route("/<item_id>", methods=["GET", "DELETE"])',
          'async def item(item_id):',
          '    return {}',
          'app.add_url_rule("/ping", view_func=health)',
          'app.register_blueprint(bp, url_prefix="/api/items")',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/health', 'app.py', 3, 'quart'],
        ['GET', '/users/<int:user_id>', 'app.py', 6, 'quart'],
        ['DELETE', '/api/items/<item_id>', 'app.py', 9, 'quart'],
        ['GET', '/api/items/<item_id>', 'app.py', 9, 'quart'],
        ['GET', '/ping', 'app.py', 12, 'quart'],
      ]);
    });

    it('SQLAlchemy 2.0 / SQLModel: session.exec(stmt).all() is bounded by the .limit() its statement was built with (on every path)', async () => {
      // The shape of fastapi/full-stack-fastapi-template's routes.
      const f = await joined({
        'app/api/items.py': lines(
          'from fastapi import APIRouter',
          'from sqlmodel import select',
          'from app.models import Item',
          '',
          'router = APIRouter(prefix="/items")',
          '',
          '@router.get("/")',
          'def read_items(session: SessionDep, skip: int = 0, limit: int = 100):',
          '    statement = (',
          '        select(Item)',
          '        .order_by(Item.id)',
          '        .offset(skip)',
          '        .limit(limit)',
          '    )',
          '    items = session.exec(statement).all()',
          '    recent = session.scalars(select(Item).limit(5)).all()',
          '    every = session.execute(select(Item)).scalars().all()',
          '    return items, recent, every',
          '',
          '@router.get("/all")',
          'def all_items(session: SessionDep, limit: int | None = None):',
          '    statement = select(Item)',
          '    if limit:',
          '        statement = statement.limit(limit)',
          '    return session.exec(statement).all()',
          '',
          '@router.get("/owned")',
          'def owned(session: SessionDep, owner: int):',
          '    statement = select(Item).where(Item.owner_id == owner)',
          '    return session.exec(statement).all()',
          '',
          '@router.get("/paged")',
          'def paged(session: SessionDep, page: Pagination):',
          '    q = select(Item)',
          '    q, count = add_pagination_to_query(q, page)',
          '    return session.execute(q).scalars().all()',
          '',
          '@router.get("/searched")',
          'def searched(session: SessionDep, text: str):',
          '    q = select(Item)',
          '    q = add_search_to_query(q, text)',
          '    return session.execute(q).scalars().all()',
        ),
      });
      // /items/paged hands its statement to a pagination helper (mealie's repositories), which sets the limit.
      // /items/all too: its statement gets a limit only when the client sends one (`if limit:`), else every row.
      // /items/owned reads one owner's items: a parent's key bounds it, as it bounds SQL's `WHERE owner_id = %s`.
      assert.deepEqual(hazardRows(f), [
        'unbounded-query app/api/items.py:17:13 session.execute.scalars.all → GET /items/',
        'unbounded-query app/api/items.py:25:12 session.exec.all → GET /items/all',
        'unbounded-query app/api/items.py:42:12 session.execute.scalars.all → GET /items/searched',
      ]);
    });

    it('FastAPI: a prefix read from settings a factory returns takes the default its settings class gives', async () => {
      // The shape of nsidnev/fastapi-realworld-example-app: settings = get_app_settings(), chosen by environment.
      const f = await joined({
        'app/main.py': lines(
          'from fastapi import FastAPI',
          'from app.api.routes import router as api_router',
          'from app.core.config import get_app_settings',
          '',
          'def get_application() -> FastAPI:',
          '    settings = get_app_settings()',
          '    application = FastAPI()',
          '    application.include_router(api_router, prefix=settings.api_prefix)',
          '    return application',
        ),
        'app/core/config.py': lines('from app.core.settings.app import AppSettings', '', 'def get_app_settings() -> AppSettings:', '    return AppSettings()'),
        'app/core/settings/app.py': lines('from pydantic import BaseSettings', '', 'class AppSettings(BaseSettings):', '    debug: bool = False', '    api_prefix: str = "/api"'),
        'app/core/settings/test.py': lines('from app.core.settings.app import AppSettings', '', 'class TestAppSettings(AppSettings):', '    debug: bool = True'),
        'app/api/routes.py': lines('from fastapi import APIRouter', '', 'router = APIRouter()', '', '@router.get("/tags")', 'async def tags():', '    return []'),
      });
      assert.deepEqual(routeRows(f), [['GET', '/api/tags', 'app/api/routes.py', 4, 'fastapi']]);
    });

    it('FastAPI: include_router(items.router, prefix=…) from another file, APIRouter(prefix=…), both import styles', async () => {
      const f = await analyseFixture('code-fastapi');
      assert.deepEqual(routeRows(f), [
        ['GET', '/healthz', 'app/main.py', 15, 'fastapi'],
        ['GET', '/items/{item_id}', 'app/routers/items.py', 13, 'fastapi'],
        ['GET', '/items/', 'app/routers/items.py', 20, 'fastapi'],
        ['POST', '/items/reindex', 'app/routers/items.py', 28, 'fastapi'],
        ['GET', '/users', 'app/routers/users.py', 7, 'fastapi'],
        ['GET', '/users/{user_id}/orders', 'app/routers/users.py', 12, 'fastapi'],
      ]);
    });

    it('FastAPI: requests in async def, gather fan-out, a helper module, a retry loop; LIMIT and constants stay quiet', async () => {
      const f = await analyseFixture('code-fastapi');
      assert.deepEqual(hazardRows(f), [
        // A synchronous session's query in an async handler stalls the event loop like requests does.
        'blocking-call app/routers/items.py:16:12 session.execute → GET /items/{item_id}',
        'blocking-call app/routers/items.py:17:15 requests.get → GET /items/{item_id}',
        'blocking-call app/routers/items.py:37:5 time.sleep → POST /items/reindex',
        'call-in-loop app/routers/items.py:24:42 client.get [comprehension parallel] → GET /items/',
        'call-in-loop app/routers/items.py:25:15 stock.level → requests.get [comprehension sequential] → GET /items/',
        'missing-timeout app/services.py:5:12 requests.get → GET /items/',
        'retry-without-backoff app/routers/items.py:32:5 requests.post → POST /items/reindex',
        'unbounded-query app/routers/items.py:31:12 session.execute.all → POST /items/reindex',
      ]);
      const rows = hazardRows(f).join('\n');
      assert.doesNotMatch(rows, /items\.py:17:\d+ requests\.get → .*missing/, 'requests.get(…, timeout=2)');
      assert.doesNotMatch(rows, /users\.py/, 'LIMIT 100, a lookup by user_id, a loop over ("eu", "us"), a comment');
    });

    it('Flask: register_blueprint(url_prefix=…) replaces the blueprint prefix; add_url_rule; MethodView; tenacity without wait; Flask-SQLAlchemy Model.query', async () => {
      const f = await analyseFixture('code-flask');
      assert.deepEqual(routeRows(f), [
        ['GET', '/v2/reports/<int:year>', 'app.py', 12, 'flask'],
        ['POST', '/v2/reports/<int:year>', 'app.py', 12, 'flask'],
        ['GET', '/ping', 'app.py', 30, 'flask'],
        // A MethodView answers the methods it defines, unless add_url_rule names them (methods=["DELETE"]).
        ['DELETE', '/users/<int:id>', 'app.py', 47, 'flask'],
        ['GET', '/users/<int:id>', 'app.py', 47, 'flask'],
        ['DELETE', '/users/<int:id>/sessions', 'app.py', 48, 'flask'],
        ['POST', '/v2/tags', 'app.py', 53, 'flask'],
        // A plain View serves its `methods` through dispatch_request; GET when it names none.
        ['GET', '/export', 'app.py', 79, 'flask'],
        ['POST', '/export', 'app.py', 79, 'flask'],
        ['GET', '/pong', 'app.py', 80, 'flask'],
      ]);
      assert.deepEqual(hazardRows(f), [
        'blocking-call app.py:16:11 subprocess.check_output → GET /v2/reports/<int:year>, POST /v2/reports/<int:year>',
        // In UserAPI.delete: on the DELETE routes only, not on GET.
        'query-in-loop app.py:44:13 cursor.execute [for sequential] → DELETE /users/<int:id>, DELETE /users/<int:id>/sessions',
        // Flask-SQLAlchemy's Model.query: a lookup per tag; every tag listed. Not: .limit(20).all(), .get(1).
        'query-in-loop app.py:57:16 Tag.query.filter_by.first [for sequential] → POST /v2/tags',
        'query-in-loop app.py:71:13 cursor.execute [for sequential] → GET /export, POST /export',
        'retry-without-backoff app.py:20:2 retry → -',
        'unbounded-query app.py:15:5 cursor.execute → GET /v2/reports/<int:year>, POST /v2/reports/<int:year>',
        'unbounded-query app.py:60:37 Tag.query.all → POST /v2/tags',
      ]);
    });

    it('retry settings: urllib3\'s Retry (also through requests; not one retry at most) and tenacity\'s or retrying\'s @retry without a wait; not dramatiq\'s or redis-py\'s Retry, nor a project\'s own retry()', async () => {
      const f = await joined({
        'http_client.py': lines(
          'from requests.adapters import HTTPAdapter, Retry',
          'from urllib3.util.retry import Retry as _unused',
          '',
          'def session():',
          '    return HTTPAdapter(max_retries=Retry(total=5))',
          '',
          'def patient():',
          '    return HTTPAdapter(max_retries=Retry(total=5, backoff_factor=0.5))',
          '',
          // One retry at most (healthchecks' S3 client): a wait before it would change nothing.
          'def once():',
          '    return HTTPAdapter(max_retries=Retry(total=1))',
        ),
        'tasks.py': lines('from dramatiq import Retry', '', 'def grant(e):', '    raise Retry(delay=e.defer_milliseconds)'),
        'cache.py': lines('from redis.asyncio.retry import Retry', 'from redis.backoff import default_backoff', '', 'REDIS_RETRY = Retry(default_backoff(), retries=50)'),
        'legacy.py': lines('from retrying import retry', '', '@retry(stop_max_attempt_number=3)', 'def flaky():', '    pass', '', '@retry(stop_max_attempt_number=3, wait_fixed=2000)', 'def patient():', '    pass'),
        'helpers.py': lines('from .util import retry', '', '@retry(3)', 'def sync():', '    pass'),
        // tenacity's decorator applied by hand (onyx's embedding requests): its options are the inner call's.
        'embed.py': lines(
          'from tenacity import retry, stop_after_attempt, wait_fixed',
          '',
          'def make(send):',
          '    patient = retry(stop=stop_after_attempt(3), wait=wait_fixed(5))(send)',
          '    return retry(stop=stop_after_attempt(3))(patient)',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'retry-without-backoff embed.py:5:12 retry → -',
        'retry-without-backoff http_client.py:5:36 Retry → -',
        'retry-without-backoff legacy.py:3:2 retry → -',
      ]);
    });

    it('Django: saving, deleting or validating each row of a queryset in a loop is a query per row; other objects and loops are not', async () => {
      const f = await joined({
        'shop/services.py': lines(
          'from shop.models import Order',
          '',
          'def close_all(customer):',
          '    for order in Order.objects.filter(customer=customer):',
          '        order.status = "closed"',
          '        order.save()',
          '    pending = customer.order_set.filter(status="new")',
          '    for o in pending:',
          '        o.full_clean()',
          '    for name in ["a.png", "b.png"]:',
          '        name.save()',
          '    for image in customer.images:',
          '        image.save()',
          '    Order.objects.filter(customer=customer).update(status="closed")',
          // A reverse relation by its related_name (DefectDojo's reopen_finding: `for line in order.lines.all()`).
          '    for line in customer.order.lines.all():',
          '        line.save()',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop shop/services.py:16:9 line.save [for sequential] → -',
        'query-in-loop shop/services.py:6:9 order.save [for sequential] → -',
        'query-in-loop shop/services.py:9:9 o.full_clean [for sequential] → -',
        'unbounded-query shop/services.py:4:18 Order.objects.filter → -',
      ]);
    });

    it('Django: patterns added under if settings.DEBUG: are a development server\'s, not routes; those in its else are', async () => {
      // The shape of djangoproject.com's www.py (media files served under DEBUG).
      const f = await joined({
        'project/urls.py': lines(
          'from django.conf import settings',
          'from django.urls import path',
          'from . import views',
          '',
          'urlpatterns = [',
          '    path("", views.home),',
          ']',
          '',
          'if settings.DEBUG:',
          '    urlpatterns += [',
          '        path("m/<path:path>", views.serve),',
          '    ]',
          'else:',
          '    urlpatterns += [path("robots.txt", views.robots)]',
          '',
          'if settings.SHOW_DOCS:',
          '    urlpatterns += [path("docs/", views.docs)]',
        ),
        'project/views.py': lines('def home(request): ...', 'def serve(request, path): ...', 'def robots(request): ...', 'def docs(request): ...'),
      });
      assert.deepEqual(routeRows(f).map((r) => r[1]), ['/', 'robots.txt', 'docs/']);
    });

    it('Django: a loop reading a ForeignKey its queryset did not select_related is a query per row, on the view\'s route (one it assigns is not read)', async () => {
      // The classic Django N+1: for book in Book.objects.all(): book.author.name.
      const f = await joined({
        'shop/models.py': lines(
          'from django.db import models',
          '',
          'class Author(models.Model):',
          '    name = models.CharField(max_length=100)',
          '',
          'class Book(models.Model):',
          '    title = models.CharField(max_length=100)',
          '    author = models.ForeignKey(Author, on_delete=models.CASCADE)',
          "    editor = models.ForeignKey(Author, null=True, on_delete=models.SET_NULL, related_name='edited')",
          '    publisher_id = models.IntegerField()',
        ),
        'shop/views.py': lines(
          'from django.http import JsonResponse',
          'from .models import Book',
          '',
          'def books(request):',
          '    out = []',
          '    for book in Book.objects.filter(title__startswith="a")[:50]:',
          '        out.append({"title": book.title, "author": book.author.name, "pub": book.publisher_id})',
          '    fast = Book.objects.select_related("author")[:50]',
          '    for b in fast:',
          '        out.append(b.author.name)',
          '        out.append(b.editor.name)',
          '    names = [b.author.name for b in Book.objects.all()[:50]]',
          '    for r in Book.objects.values("author__name")[:50]:',
          '        out.append(r.author)',
          '    every = [b.editor for b in Book.objects.select_related()[:50]]',
          '    for book in Book.objects.filter(title__startswith="b")[:50]:',
          '        book.editor = None',
          '        book.title = book.title.upper()',
          '    # book.author in a comment',
          '    return JsonResponse({"books": out, "names": names})',
        ),
        'shop/urls.py': lines('from django.urls import path', 'from . import views', '', 'urlpatterns = [', '    path("books/", views.books),', ']'),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop shop/views.py:11:20 b.editor [for sequential] → ANY books/',
        'query-in-loop shop/views.py:12:14 b.author [comprehension sequential] → ANY books/',
        'query-in-loop shop/views.py:7:52 book.author [for sequential] → ANY books/',
      ]);
    });

    it('Django: a function the loop hands each row to, which reads a ForeignKey of it, is a query per row at the call', async () => {
      const f = await joined({
        'shop/models.py': lines(
          'from django.db import models',
          'class Book(models.Model):',
          '    title = models.CharField(max_length=100)',
          '    author = models.ForeignKey(Author, on_delete=models.CASCADE)',
        ),
        'shop/present.py': lines(
          'def card(b, lang="en"):',
          '    return {"title": b.title, "by": b.author.name}',
          'def title_only(b):',
          '    return b.title',
          'class Formatter:',
          '    def line(self, book):',
          '        return f"{book.title} by {book.author}"',
        ),
        'shop/views.py': lines(
          'from .models import Book',
          'from .present import card, title_only, Formatter',
          'def books(request):',
          '    out = [card(b) for b in Book.objects.all()[:50]]',
          '    titles = [title_only(b) for b in Book.objects.all()[:50]]',
          '    fast = [card(b, "fr") for b in Book.objects.select_related("author")[:50]]',
          '    fmt = Formatter()',
          '    for book in Book.objects.filter(title__startswith="a")[:50]:',
          '        out.append(fmt.line(book))',
          '    return JsonResponse({"books": out})',
        ),
        'shop/urls.py': lines('from django.urls import path', 'from . import views', 'urlpatterns = [path("books/", views.books)]'),
      });
      // title_only reads no relation; the select_related query loads what card reads.
      assert.deepEqual(hazardRows(f), [
        'query-in-loop shop/views.py:4:12 card(b) [comprehension sequential] → ANY books/',
        'query-in-loop shop/views.py:9:20 fmt.line(book) [for sequential] → ANY books/',
      ]);
      const card = f.get('shop/views.py')!.hazards.find((h) => h.callee === 'card(b)')!;
      assert.match(card.explanation, /runs card, which reads `\.author` of the row it is given: Book\.author loaded with a query per row/);
    });

    it('SQLAlchemy: a relationship loaded the default way, read per row of a loop, is a query per row unless the query joinedloads it', async () => {
      // Flask-SQLAlchemy models (backref, Mapped[…] = relationship(…)) and a view looping over three query forms.
      const f = await joined({
        'app/models.py': lines(
          'from sqlalchemy.orm import relationship, Mapped',
          'from app.db import db',
          '',
          'class User(db.Model):',
          '    id = db.Column(db.Integer, primary_key=True)',
          '    posts = db.relationship("Post", backref="author", lazy="dynamic")',
          '    profile = db.relationship("Profile", uselist=False)',
          '    roles = db.relationship("Role", lazy="selectin")',
          '',
          'class Post(db.Model):',
          '    id = db.Column(db.Integer, primary_key=True)',
          '    comments: Mapped[list["Comment"]] = relationship(',
          '        "Comment",',
          '        back_populates="post",',
          '    )',
        ),
        'app/views.py': lines(
          'from flask import Blueprint, jsonify',
          'from sqlalchemy import select',
          'from sqlalchemy.orm import joinedload',
          'from .models import User, Post',
          '',
          'bp = Blueprint("api", __name__)',
          '',
          '@bp.route("/posts")',
          'def posts():',
          '    out = []',
          '    for p in Post.query.order_by(Post.id).limit(20).all():',
          '        out.append({"author": p.author.name, "comments": len(p.comments)})',
          '    for u in db.session.query(User).options(joinedload(User.profile)).limit(20):',
          '        out.append([u.profile.bio, u.roles, u.posts])',
          '    rows = db.session.scalars(select(Post).limit(10)).all()',
          '    names = [r.author.name for r in rows]',
          '    return jsonify(out + names)',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop app/views.py:12:31 p.author [for sequential] → GET /posts',
        'query-in-loop app/views.py:12:62 p.comments [for sequential] → GET /posts',
        'query-in-loop app/views.py:16:14 r.author [comprehension sequential] → GET /posts',
      ]);
    });

    it('Django: a package\'s urlpatterns spreading its modules\' lists, views re-exported by a package, as_view(http_method_names=…) and a plain base class (plane\'s API)', async () => {
      const f = await joined({
        'apps/api/plane/urls.py': lines('from django.urls import include, path', 'urlpatterns = [', '    path("api/v1/", include("plane.api.urls")),', ']'),
        'apps/api/plane/api/urls/__init__.py': lines(
          'from .asset import urlpatterns as asset_patterns',
          'from .cycle import urlpatterns as cycle_patterns',
          'urlpatterns = [',
          '    *asset_patterns,',
          ']',
          'urlpatterns += cycle_patterns',
        ),
        'apps/api/plane/api/urls/asset.py': lines(
          'from django.urls import path',
          'from plane.api.views import AssetEndpoint',
          'urlpatterns = [',
          '    path("assets/", AssetEndpoint.as_view(http_method_names=["post"])),',
          '    path("assets/<uuid:pk>/", AssetEndpoint.as_view(http_method_names=["get", "delete"])),',
          ']',
        ),
        'apps/api/plane/api/urls/cycle.py': lines('from django.urls import path', 'from plane.api.views import CycleEndpoint', 'urlpatterns = [path("cycles/", CycleEndpoint.as_view())]'),
        // Re-exported by the package, one by name and one through `import *`.
        'apps/api/plane/api/views/__init__.py': lines('from .asset import AssetEndpoint', 'from .cycle import *'),
        'apps/api/plane/api/views/base.py': lines(
          'from rest_framework.views import APIView',
          'from plane.utils.paginator import BasePaginator',
          'class BaseAPIView(APIView, BasePaginator):',
          '    permission_classes = []',
        ),
        // A base that is no view: its module names none.
        'apps/api/plane/utils/paginator.py': lines('class BasePaginator:', '    def paginate(self, request, queryset):', '        return queryset[:100]'),
        'apps/api/plane/api/views/asset.py': lines(
          'from .base import BaseAPIView',
          'class AssetEndpoint(BaseAPIView):',
          '    def post(self, request):',
          '        for name in request.data["names"]:',
          '            Asset.objects.create(name=name)',
          '    def get(self, request, pk):',
          '        return Response(Asset.objects.get(pk=pk))',
          '    def delete(self, request, pk):',
          '        Asset.objects.filter(pk=pk).delete()',
          '    def patch(self, request, pk):',
          '        pass',
        ),
        'apps/api/plane/api/views/cycle.py': lines('from .base import BaseAPIView', 'class CycleEndpoint(BaseAPIView):', '    def get(self, request):', '        return Response(list(Cycle.objects.all()))'),
      });
      assert.deepEqual(routeRows(f), [
        ['POST', 'api/v1/assets/', 'apps/api/plane/api/urls/asset.py', 3, 'django'],
        ['DELETE', 'api/v1/assets/<uuid:pk>/', 'apps/api/plane/api/urls/asset.py', 4, 'django'],
        ['GET', 'api/v1/assets/<uuid:pk>/', 'apps/api/plane/api/urls/asset.py', 4, 'django'],
        ['GET', 'api/v1/cycles/', 'apps/api/plane/api/urls/cycle.py', 2, 'django'],
      ]);
      assert.deepEqual(hazardRows(f), [
        'query-in-loop apps/api/plane/api/views/asset.py:5:13 Asset.objects.create [for sequential] → POST api/v1/assets/',
        'unbounded-query apps/api/plane/api/views/cycle.py:4:30 Cycle.objects.all → GET api/v1/cycles/',
      ]);
    });

    it('Django: a URLconf may annotate urlpatterns; an AdminSite building extra_urlpatterns in get_urls() is not a URLconf', async () => {
      // The shape of HackSoftware/Django-Styleguide-Example's custom_admin/sites.py (setup-2fa/ was listed at the root).
      const f = await joined({
        'project/urls.py': lines('from django.urls import path, URLPattern', 'from . import views', '', 'urlpatterns: list[URLPattern] = [', '    path("health/", views.health),', ']'),
        'project/views.py': lines('def health(request): ...'),
        'custom_admin/sites.py': lines(
          'from django.contrib import admin',
          'from django.urls import path',
          'from .views import SetupView',
          '',
          'class AdminSite(admin.AdminSite):',
          '    def get_urls(self):',
          '        base_urlpatterns = super().get_urls()',
          '        extra_urlpatterns = [',
          '            path("setup-2fa/", self.admin_view(SetupView.as_view()), name="setup-2fa"),',
          '        ]',
          '        return extra_urlpatterns + base_urlpatterns',
        ),
      });
      assert.deepEqual(routeRows(f).map((r) => r[1]), ['health/']);
    });

    it('Django: a function view\'s @require_POST, @require_safe, @require_http_methods([…]) or DRF @api_view([…]) gives its route those methods', async () => {
      // The shapes of djangoproject.com's fundraising and tracdb views.
      const f = await joined({
        'shop/urls.py': lines(
          'from django.urls import path',
          'from . import views',
          '',
          'urlpatterns = [',
          '    path("donate/", views.donate),',
          '    path("tickets/<int:id>", views.ticket),',
          '    path("feed/", views.feed),',
          '    path("api/items/", views.items),',
          '    path("api/ping/", views.ping),',
          '    path("about/", views.about),',
          ']',
        ),
        'shop/views.py': lines(
          'from django.views.decorators.http import require_POST, require_safe, require_http_methods',
          'from rest_framework.decorators import api_view',
          '',
          '@require_POST',
          'def donate(request): ...',
          '@require_http_methods(["GET"])',
          'def ticket(request, id): ...',
          '@require_safe',
          'def feed(request): ...',
          '@api_view(["GET", "POST"])',
          'def items(request): ...',
          '@api_view()',
          'def ping(request): ...',
          '@login_required',
          'def about(request): ...',
        ),
      });
      assert.deepEqual(
        routeRows(f).map((r) => `${r[0]} ${r[1]}`),
        ['POST donate/', 'GET tickets/<int:id>', 'GET feed/', 'HEAD feed/', 'GET api/items/', 'POST api/items/', 'GET api/ping/', 'ANY about/'],
      );
    });

    it('Django: include() of a (module, namespace) tuple, of patterns written in place, and of a list of the same module', async () => {
      // The shapes of HackSoftware/Django-Styleguide-Example's URLconfs.
      const f = await joined({
        'config/urls.py': lines('from django.urls import include, path', '', 'urlpatterns = [', '    path("api/", include(("app.api.urls", "api"))),', ']'),
        'app/api/urls.py': lines('from django.urls import include, path', '', 'urlpatterns = [', '    path("auth/", include(("app.auth.urls", "auth"))),', '    path("google/", include(("app.google.urls", "google"))),', ']'),
        'app/auth/urls.py': lines(
          'from django.urls import include, path',
          'from . import views',
          '',
          'urlpatterns = [',
          '    path(',
          '        "session/",',
          '        include(([path("login/", views.login), path("logout/", views.logout)], "session")),',
          '    ),',
          '    path("upload/", include([path("direct/", include(([path("start/", views.start)], "direct")))])),',
          '    path("me/", views.me),',
          ']',
        ),
        'app/auth/views.py': lines('def login(request): ...', 'def logout(request): ...', 'def start(request): ...', 'def me(request): ...'),
        'app/google/urls.py': lines(
          'from django.urls import include, path, re_path',
          'from . import views',
          '',
          'login_urlpatterns = [',
          '    path("raw/", views.raw),',
          '    re_path(r"^sdk/$", views.sdk),',
          // Adjacent literals are one string; a pattern in parentheses is still the pattern (saleor's urls.py).
          '    re_path(r"^hook/(?P<channel>[a-z]+)/"',
          '            r"(?P<plugin>[a-z]+)/", views.raw),',
          '    re_path((r"^image/(?P<id>[0-9]+)/$"), views.sdk),',
          ']',
          '',
          'urlpatterns = [',
          '    path("login/", include(login_urlpatterns)),',
          ']',
        ),
        'app/google/views.py': lines('def raw(request): ...', 'def sdk(request): ...'),
      });
      assert.deepEqual(routeRows(f), [
        ['ANY', 'api/auth/session/login/', 'app/auth/urls.py', 6, 'django'],
        ['ANY', 'api/auth/session/logout/', 'app/auth/urls.py', 6, 'django'],
        ['ANY', 'api/auth/upload/direct/start/', 'app/auth/urls.py', 8, 'django'],
        ['ANY', 'api/auth/me/', 'app/auth/urls.py', 9, 'django'],
        ['ANY', 'api/google/login/raw/', 'app/google/urls.py', 4, 'django'],
        ['ANY', 'api/google/login/sdk/$', 'app/google/urls.py', 5, 'django'],
        ['ANY', 'api/google/login/hook/(?P<channel>[a-z]+)/(?P<plugin>[a-z]+)/', 'app/google/urls.py', 6, 'django'],
        ['ANY', 'api/google/login/image/(?P<id>[0-9]+)/$', 'app/google/urls.py', 8, 'django'],
      ]);
    });

    it("Django: patterns built from constants (bookwyrm's re_path(rf\"{LOCAL_USER_PATH}/inbox/?$\"), constants of another module, f-string constants of constants) are the regular expressions Django matches; one with a name that cannot be read is no route", async () => {
      const f = await joined({
        'bookwyrm/utils/regex.py': lines('DOMAIN = r"[\\w_\\-\\.]+\\.[a-z\\-]{2,}"', 'LOCALNAME = r"@?[a-zA-Z_\\-\\.0-9]+"', 'USERNAME = rf"{LOCALNAME}(@{DOMAIN})?"'),
        'bookwyrm/views.py': lines('def inbox(request, username): ...', 'def user_page(request, username): ...', 'def book(request, book_id): ...', 'def status(request, username, status_id): ...'),
        'bookwyrm/urls.py': lines(
          'from django.urls import path, re_path',
          'from bookwyrm import views',
          'from bookwyrm.utils import regex',
          'USER_PATH = rf"^user/(?P<username>{regex.USERNAME})"',
          'LOCAL_USER_PATH = rf"^user/(?P<username>{regex.LOCALNAME})"',
          'BOOK_PATH = r"^book/(?P<book_id>\\d+)"',
          'STATUS_TYPES_STRING = "|".join(["review", "comment"])',
          'STATUS_PATH = rf"{USER_PATH}/({STATUS_TYPES_STRING})/(?P<status_id>\\d+)"',
          'urlpatterns = [',
          '    re_path(rf"{LOCAL_USER_PATH}/inbox/?$", views.inbox),',
          '    re_path(rf"{USER_PATH}/?$", views.user_page),',
          '    re_path(rf"{BOOK_PATH}(.json)?/?$", views.book),',
          '    re_path(rf"{STATUS_PATH}/?$", views.status),',
          ']',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['ANY', '^user/(?P<username>@?[a-zA-Z_\\-\\.0-9]+)/inbox/?$', 'bookwyrm/urls.py', 9, 'django'],
        ['ANY', '^user/(?P<username>@?[a-zA-Z_\\-\\.0-9]+(@[\\w_\\-\\.]+\\.[a-z\\-]{2,})?)/?$', 'bookwyrm/urls.py', 10, 'django'],
        ['ANY', '^book/(?P<book_id>\\d+)(.json)?/?$', 'bookwyrm/urls.py', 11, 'django'],
      ]);
    });

    it("Django: a ListView whose page size is computed (pretalx's OrgaTableMixin: def get_paginate_by(self, queryset)) pages; one with none reads every row", async () => {
      const f = await joined({
        'orga/mixins.py': lines('class OrgaTableMixin:', '    def get_paginate_by(self, queryset):', '        return int(self.request.GET.get("page_size", 50))'),
        'orga/views.py': lines(
          'from django.views.generic import ListView',
          'from orga.mixins import OrgaTableMixin',
          'from submission.models import Submission',
          'class SubmissionList(OrgaTableMixin, ListView):',
          '    model = Submission',
          'class EverySubmission(ListView):',
          '    model = Submission',
          'class NoModel(ListView):', // plane's BaseViewSet: `model = None`, no model
          '    model = None',
        ),
        'orga/urls.py': lines('from django.urls import path', 'from orga import views', 'urlpatterns = [', '    path("submissions/", views.SubmissionList.as_view()),', '    path("all/", views.EverySubmission.as_view()),', '    path("none/", views.NoModel.as_view()),', ']'),
      });
      assert.deepEqual(hazardRows(f), ['unbounded-query orga/views.py:7:13 Submission.objects.all → GET all/']);
    });

    it("Django: a project's own view made of the generic views' bases (pretalx's CreateOrUpdateView(ModelFormMixin, ProcessFormView)) answers their methods", async () => {
      const f = await joined({
        'common/views.py': lines(
          'from django.views.generic.edit import ModelFormMixin, ProcessFormView',
          'from django.views.generic.detail import BaseDetailView, SingleObjectTemplateResponseMixin',
          'class CreateOrUpdateView(SingleObjectTemplateResponseMixin, ModelFormMixin, ProcessFormView):',
          '    pass',
          'class ShowView(SingleObjectTemplateResponseMixin, BaseDetailView):',
          '    pass',
        ),
        'orga/views.py': lines('from common.views import CreateOrUpdateView, ShowView', 'class MailDetail(CreateOrUpdateView):', '    template_name = "mail.html"', 'class Speaker(ShowView):', '    template_name = "speaker.html"'),
        'orga/urls.py': lines('from django.urls import path', 'from orga import views', 'urlpatterns = [', '    path("mails/<int:pk>/", views.MailDetail.as_view()),', '    path("speakers/<code>/", views.Speaker.as_view()),', ']'),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', 'mails/<int:pk>/', 'orga/urls.py', 3, 'django'],
        ['POST', 'mails/<int:pk>/', 'orga/urls.py', 3, 'django'],
        ['PUT', 'mails/<int:pk>/', 'orga/urls.py', 3, 'django'],
        ['GET', 'speakers/<code>/', 'orga/urls.py', 4, 'django'],
      ]);
    });

    it("Django: a framework mixin imported under another name (babybuddy's PermissionRequiredMixin as PermissionRequiredMixinBase) brings no methods; django-filter's FilterView lists on GET", async () => {
      const f = await joined({
        'babybuddy/mixins.py': lines(
          'from django.contrib.auth.mixins import (',
          '    LoginRequiredMixin,',
          '    PermissionRequiredMixin as PermissionRequiredMixinBase,',
          ')',
          'class PermissionRequiredMixin(LoginRequiredMixin, PermissionRequiredMixinBase):',
          '    pass',
        ),
        'babybuddy/views.py': lines('from django_filters.views import FilterView', 'class BabyBuddyFilterView(FilterView):', '    paginate_by = 10'),
        'core/views.py': lines(
          'from django.views.generic.detail import DetailView',
          'from babybuddy.mixins import PermissionRequiredMixin',
          'from babybuddy.views import BabyBuddyFilterView',
          'class ChildDetail(PermissionRequiredMixin, DetailView):',
          '    model = Child',
          'class ChildList(PermissionRequiredMixin, BabyBuddyFilterView):',
          '    model = Child',
        ),
        'core/urls.py': lines('from django.urls import path', 'from core import views', 'urlpatterns = [', '    path("children/<str:slug>/", views.ChildDetail.as_view()),', '    path("children/", views.ChildList.as_view()),', ']'),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', 'children/<str:slug>/', 'core/urls.py', 3, 'django'],
        ['GET', 'children/', 'core/urls.py', 4, 'django'],
      ]);
    });

    it('Python: a comment inside an import\'s parentheses (black\'s style, plane\'s urls) is not part of the name after it, and its ")" ends nothing', async () => {
      const f = await joined({
        'app/views.py': lines('from django.views.generic import View', 'class UserEndpoint(View):', '    def get(self, request):', '        pass', 'class AssetEndpoint(View):', '    def post(self, request):', '        pass'),
        'app/urls.py': lines(
          'from django.urls import path',
          'from app.views import (',
          '    ## User (see the API (v1))',
          '    UserEndpoint,',
          '    # V2 Endpoints',
          '    AssetEndpoint,',
          ')',
          'urlpatterns = [',
          '    path("users/me/", UserEndpoint.as_view()),',
          '    path("assets/v2/", AssetEndpoint.as_view()),',
          ']',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', 'users/me/', 'app/urls.py', 8, 'django'],
        ['POST', 'assets/v2/', 'app/urls.py', 9, 'django'],
      ]);
    });

    it('Django: a URL module neither ROOT_URLCONF nor included by another serves nothing (plane\'s stale api/urls/estimate.py); without a ROOT_URLCONF in sight, each is kept; a list included by name from another module is under its prefix', async () => {
      const files = {
        'site/urls.py': lines(
          'from django.urls import include, path',
          'from shop.plugins.urls import plugin_patterns',
          'urlpatterns = [',
          '    path("health/", health),',
          '    path("shop/", include("shop.urls")),',
          '    path("plugins/", include((plugin_patterns, "plugins"))),', // NetBox's: a list imported by name
          ']',
          'def health(request):',
          '    pass',
        ),
        'shop/plugins/urls.py': lines('from django.urls import path', 'plugin_patterns = [', '    path("installed/", installed),', ']', 'def installed(request):', '    pass'),
        'shop/urls.py': lines('from django.urls import path', 'urlpatterns = [', '    path("tags/", tags),', ']', 'def tags(request):', '    pass'),
        'shop/old_urls.py': lines('from django.urls import path', 'urlpatterns = [', '    path("estimates/", estimates),', ']', 'def estimates(request):', '    pass'),
      };
      const settings = lines('INSTALLED_APPS = ["shop"]', 'ROOT_URLCONF = "site.urls"');
      const served = await joined({ ...files, 'site/settings.py': settings });
      assert.deepEqual(routeRows(served).map((r) => `${r[0]} ${r[1]}`).sort(), ['ANY health/', 'ANY plugins/installed/', 'ANY shop/tags/']);
      const unknown = await joined(files);
      assert.deepEqual(routeRows(unknown).map((r) => `${r[0]} ${r[1]}`).sort(), ['ANY estimates/', 'ANY health/', 'ANY plugins/installed/', 'ANY shop/tags/']);
    });

    it("Django: a module included at the root (path('', include(…))) keeps its root paths beside another prefix; a test project's URLconf that ROOT_URLCONF does not reach gives no prefix (Misago's testproject, forum/)", async () => {
      const f = await joined({
        'devproject/settings.py': lines('INSTALLED_APPS = ["misago"]', 'ROOT_URLCONF = "devproject.urls"'),
        'devproject/urls.py': lines('from django.urls import include, path', 'urlpatterns = [', '    path("", include("misago.urls")),', '    path("legacy/", include("misago.urls")),', ']'),
        'misago/core/testproject/urls.py': lines('from django.urls import include, path', 'urlpatterns = [', '    path("forum/", include("misago.urls")),', '    path("forum/test-mail/", test_mail),', ']', 'def test_mail(request):', '    pass'),
        'misago/urls.py': lines('from django.urls import include, path', 'urlpatterns = [', '    path("", include("misago.account.urls")),', '    path("login/", login),', ']', 'def login(request):', '    pass'),
        'misago/account/urls.py': lines('from django.urls import path', 'urlpatterns = [', '    path("account/", account),', ']', 'def account(request):', '    pass'),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), ['ANY account/', 'ANY legacy/account/', 'ANY legacy/login/', 'ANY login/']);
    });

    it("Django: a view class's as_view() kept in a module's name (Misago's `attachments_upload = AttachmentsUploadView.as_view()`) routes as the class", async () => {
      const f = await joined({
        'misago/attachments/views.py': lines(
          'from django.views import View',
          'from .models import Attachment',
          'class AttachmentsUploadView(View):',
          '    def post(self, request):',
          '        return list(Attachment.objects.all())',
          '',
          'class AttachmentListView(View):',
          '    def get(self, request):',
          '        return []',
          '',
          'attachments_upload = AttachmentsUploadView.as_view()',
          'attachment_list = AttachmentListView.as_view()',
        ),
        'misago/attachments/urls.py': lines(
          'from django.urls import path',
          'from .views import attachments_upload',
          'from . import views',
          'urlpatterns = [',
          '    path("a/upload/", attachments_upload),',
          '    path("a/list/", views.attachment_list),',
          ']',
        ),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`), ['POST a/upload/', 'GET a/list/']);
      assert.deepEqual(hazardRows(f), ['unbounded-query misago/attachments/views.py:5:21 Attachment.objects.all → POST a/upload/']);
    });

    it("Django: a view wrapped where it is routed (login_required(views.x), csrf_exempt(X.as_view()), cache_page(60)(views.y)) is the view", async () => {
      const f = await joined({
        'shop/views.py': lines(
          'from django.views import View',
          'from .models import Order',
          'def orders(request):',
          '    return list(Order.objects.all())',
          'def report(request):',
          '    return []',
          'class CheckoutView(View):',
          '    def post(self, request):',
          '        return []',
        ),
        'shop/urls.py': lines(
          'from django.urls import path',
          'from django.contrib.auth.decorators import login_required',
          'from django.views.decorators.cache import cache_page',
          'from django.views.decorators.csrf import csrf_exempt',
          'from . import views',
          'urlpatterns = [',
          '    path("orders/", login_required(views.orders)),',
          '    path("checkout/", csrf_exempt(views.CheckoutView.as_view())),',
          '    path("report/", cache_page(60)(views.report)),',
          ']',
        ),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`), ['ANY orders/', 'POST checkout/', 'ANY report/']);
      assert.deepEqual(hazardRows(f), ['unbounded-query shop/views.py:4:17 Order.objects.all → ANY orders/']);
    });

    it("Django: include('shop.urls') prefixes, views in another module, querysets sliced or kept are quiet", async () => {
      const f = await analyseFixture('code-django');
      assert.deepEqual(routeRows(f), [
        ['ANY', 'shop/products/', 'shop/urls.py', 6, 'django'], // a function view answers any method
        ['GET', 'shop/products/<int:pk>/', 'shop/urls.py', 7, 'django'], // View with its own get()
        ['ANY', 'shop/archive/(?P<year>[0-9]{4})/$', 'shop/urls.py', 8, 'django'], // Django's _join_route drops the included pattern's ^
        ['GET', 'shop/reviews/', 'shop/urls.py', 9, 'django'], // LoginRequiredMixin + ListView
        ['GET', 'shop/products/<int:pk>/edit/', 'shop/urls.py', 10, 'django'], // UpdateView: ProcessFormView's get, post and put
        ['POST', 'shop/products/<int:pk>/edit/', 'shop/urls.py', 10, 'django'],
        ['PUT', 'shop/products/<int:pk>/edit/', 'shop/urls.py', 10, 'django'],
        ['GET', 'shop/stock/', 'shop/urls.py', 11, 'django'], // DRF ListCreateAPIView
        ['POST', 'shop/stock/', 'shop/urls.py', 11, 'django'],
        ['POST', 'shop/checkout/', 'shop/urls.py', 12, 'django'], // APIView with its own post()
        ['GET', 'shop/login/', 'shop/urls.py', 13, 'django'], // django.contrib.auth's LoginView, a FormView
        ['POST', 'shop/login/', 'shop/urls.py', 13, 'django'],
        ['PUT', 'shop/login/', 'shop/urls.py', 13, 'django'],
        ['GET', 'shop/feedback/', 'shop/urls.py', 14, 'django'], // own get() + post() of a base class in another file
        ['POST', 'shop/feedback/', 'shop/urls.py', 14, 'django'],
        ['GET', 'shop/tags/', 'shop/urls.py', 15, 'django'], // a viewset's as_view({"get": "list"})
        ['ANY', 'shop/home/', 'shop/urls.py', 16, 'django'], // extends RedirectView, which answers every method
        ['GET', 'shop/about/', 'shop/urls.py', 17, 'django'], // TemplateView used as is
        ['ANY', 'shop/old/', 'shop/urls.py', 18, 'django'], // RedirectView used as is
        ['ANY', 'health/', 'site/urls.py', 4, 'django'],
      ]);
      assert.deepEqual(hazardRows(f), [
        // Each on the methods that run it: ListView's get calls get_queryset; the base class's dispatch runs for every
        // method; ListCreateAPIView's POST calls perform_create and its GET calls list; LoginView's put calls post;
        // the viewset's own list for the mapped GET.
        'call-in-loop shop/views.py:38:13 requests.get [for sequential] → GET shop/reviews/',
        'missing-timeout shop/base.py:7:9 requests.post → GET shop/feedback/, POST shop/feedback/',
        'missing-timeout shop/views.py:51:9 requests.post → POST shop/stock/',
        'missing-timeout shop/views.py:66:9 requests.post → POST shop/login/, PUT shop/login/',
        'missing-timeout shop/views.py:88:9 requests.post → ANY shop/home/',
        'query-in-loop shop/views.py:17:26 Review.objects.filter.count [for sequential] → ANY shop/products/',
        'query-in-loop shop/views.py:60:13 Product.objects.filter.update [for sequential] → POST shop/checkout/',
        'unbounded-query shop/views.py:15:21 Product.objects.filter → ANY shop/products/',
        'unbounded-query shop/views.py:54:54 Product.objects.filter → GET shop/stock/',
        'unbounded-query shop/views.py:77:55 Tag.objects.all → GET shop/tags/',
      ]);
      // Where each route's code is, in views.py and base.py: the method that handles it (the view's get, an inherited
      // post), else the view class (ListView's GET runs no method of the class's own).
      assert.deepEqual(handledRows(f), [
        'shop/base.py:9 POST shop/feedback/',
        'shop/views.py:13 ANY shop/products/',
        'shop/views.py:21 GET shop/products/<int:pk>/',
        'shop/views.py:27 ANY shop/archive/(?P<year>[0-9]{4})/$',
        'shop/views.py:32 GET shop/reviews/',
        'shop/views.py:41 GET shop/products/<int:pk>/edit/',
        'shop/views.py:41 POST shop/products/<int:pk>/edit/',
        'shop/views.py:41 PUT shop/products/<int:pk>/edit/',
        'shop/views.py:46 POST shop/stock/',
        'shop/views.py:52 GET shop/stock/',
        'shop/views.py:57 POST shop/checkout/',
        'shop/views.py:63 GET shop/login/',
        'shop/views.py:63 PUT shop/login/',
        'shop/views.py:64 POST shop/login/',
        'shop/views.py:70 GET shop/feedback/',
        'shop/views.py:75 GET shop/tags/',
        'shop/views.py:83 ANY shop/home/',
      ]);
    });

    it('Django REST framework: a project\'s own router class (netbox\'s NetBoxRouter(DefaultRouter)) registers like DRF\'s', async () => {
      const f = await joined({
        'dcim/api/urls.py': lines(
          'from netbox.api.routers import NetBoxRouter',
          'from . import views',
          '',
          'router = NetBoxRouter()',
          "router.register('sites', views.SiteViewSet)",
          'urlpatterns = router.urls',
        ),
        'dcim/api/views.py': lines('class SiteViewSet(viewsets.ReadOnlyModelViewSet):', '    queryset = Site.objects.all()'),
      });
      // Not included under a prefix: the regex keeps its ^, as Django's resolver_match.route does.
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), ['GET ^sites/$', 'GET ^sites/(?P<pk>[^/.]+)/$']);
    });

    it("Django REST framework: a router subclass the file declares under any name (babybuddy's CustomRouterWithExtraPaths(DefaultRouter)) registers like DRF's", async () => {
      const f = await joined({
        'api/urls.py': lines(
          'from rest_framework import routers',
          'from . import views',
          '',
          'class CustomRouterWithExtraPaths(routers.DefaultRouter):',
          '    pass',
          '',
          'router = CustomRouterWithExtraPaths()',
          'router.register(r"changes", views.DiaperChangeViewSet)',
          'urlpatterns = router.urls',
        ),
        'api/views.py': lines('class DiaperChangeViewSet(viewsets.ReadOnlyModelViewSet):', '    queryset = DiaperChange.objects.all()'),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), ['GET ^changes/$', 'GET ^changes/(?P<pk>[^/.]+)/$']);
    });

    it('Django REST framework: a router splatted into an included list (*api_router.urls) gets the include\'s prefix', async () => {
      // The shape of paperless-ngx's src/paperless/urls.py.
      const f = await joined({
        'paperless/urls.py': lines(
          'from django.urls import include, path, re_path',
          'from rest_framework.routers import DefaultRouter',
          'from documents import views',
          '',
          'api_router = DefaultRouter()',
          'api_router.register(r"tags", views.TagViewSet)',
          'urlpatterns = [',
          '    re_path(',
          '        r"^api/",',
          '        include(',
          '            [',
          '                re_path("^statistics/", views.StatisticsView.as_view()),',
          '                *api_router.urls,',
          '            ],',
          '        ),',
          '    ),',
          ']',
        ),
        'documents/views.py': lines(
          'class TagViewSet(viewsets.ReadOnlyModelViewSet):',
          '    queryset = Tag.objects.all()',
          'class StatisticsView(APIView):',
          '    def get(self, request):',
          '        return Response({})',
        ),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), ['GET ^api/statistics/', 'GET ^api/tags/$', 'GET ^api/tags/(?P<pk>[^/.]+)/$']);
    });

    it('Django REST framework: router.register() gives the routes SimpleRouter.get_urls makes for the viewset class', async () => {
      const f = await analyseFixture('code-drf');
      assert.deepEqual(routeRows(f), [
        // SimpleRouter(trailing_slash=False), prefix '', `urlpatterns += router.urls`, included under accounts/:
        // a ViewSet defining list and retrieve.
        ['GET', 'accounts/(?P<pk>[^/.]+)$', 'accounts/urls.py', 5, 'drf'],
        ['GET', 'accounts/$', 'accounts/urls.py', 5, 'drf'],
        // ModelViewSet with lookup_field = "sku", @action(detail=True, methods=["post", "put"], url_path=…) and
        // @action(detail=False).
        ['DELETE', 'api/products/(?P<sku>[^/.]+)/$', 'shop/urls.py', 11, 'drf'],
        ['GET', 'api/products/(?P<sku>[^/.]+)/$', 'shop/urls.py', 11, 'drf'],
        ['GET', 'api/products/$', 'shop/urls.py', 11, 'drf'],
        ['GET', 'api/products/recent/$', 'shop/urls.py', 11, 'drf'],
        ['PATCH', 'api/products/(?P<sku>[^/.]+)/$', 'shop/urls.py', 11, 'drf'],
        ['POST', 'api/products/(?P<sku>[^/.]+)/set-price/$', 'shop/urls.py', 11, 'drf'],
        ['POST', 'api/products/$', 'shop/urls.py', 11, 'drf'],
        ['PUT', 'api/products/(?P<sku>[^/.]+)/$', 'shop/urls.py', 11, 'drf'],
        ['PUT', 'api/products/(?P<sku>[^/.]+)/set-price/$', 'shop/urls.py', 11, 'drf'],
        // ReadOnlyModelViewSet: GET only.
        ['GET', 'api/tags/(?P<pk>[^/.]+)/$', 'shop/urls.py', 12, 'drf'],
        ['GET', 'api/tags/$', 'shop/urls.py', 12, 'drf'],
        // ListModelMixin + its own create(): the list route only.
        ['GET', 'api/orders/$', 'shop/urls.py', 13, 'drf'],
        ['POST', 'api/orders/$', 'shop/urls.py', 13, 'drf'],
        // A base class of the workspace (another file) with RetrieveModelMixin and lookup_value_regex.
        ['GET', 'api/reviews/(?P<pk>[0-9]+)/$', 'shop/urls.py', 14, 'drf'],
        // A class not in the workspace: its actions are unknown.
        ['ANY', 'api/legacy/(?P<pk>[^/.]+)/$', 'shop/urls.py', 15, 'drf'],
        ['ANY', 'api/legacy/$', 'shop/urls.py', 15, 'drf'],
        // http_method_names = ["get", "head"]: a ModelViewSet's list and retrieve only; its POST @action is a 405.
        ['GET', 'api/audit/(?P<pk>[^/.]+)/$', 'shop/urls.py', 16, 'drf'],
        ['GET', 'api/audit/$', 'shop/urls.py', 16, 'drf'],
        ['GET', 'api/invoices/(?P<pk>[^/.]+)/$', 'shop/urls.py', 17, 'drf'],
        ['GET', 'api/invoices/$', 'shop/urls.py', 17, 'drf'],
        // A generic ListAPIView through as_view(): its GET is DRF's list action.
        ['GET', 'api/my-orders/', 'shop/urls.py', 21, 'django'],
      ]);
      // Hooks DRF's generic actions call (perform_create, get_queryset) are on those actions' request paths.
      assert.deepEqual(hazardRows(f), [
        'missing-timeout shop/views.py:16:9 requests.post → POST api/products/$',
        'query-in-loop shop/views.py:34:13 Product.objects.filter.update [for sequential] → POST api/orders/$',
        'query-in-loop shop/views.py:42:29 Order.objects.filter.count [for sequential] → GET api/reviews/(?P<pk>[0-9]+)/$',
        // site/settings.py sets no DEFAULT_PAGINATION_CLASS: a list action returns its whole queryset (the class's
        // `queryset = …`, or what get_queryset returns), except where the view sets a pagination_class (invoices).
        'unbounded-query shop/views.py:11:16 Product.objects.all → GET api/products/$',
        'unbounded-query shop/views.py:28:16 Tag.objects.all → GET api/tags/$',
        'unbounded-query shop/views.py:47:16 Order.objects.all → GET api/audit/$',
        'unbounded-query shop/views.py:67:18 Order.objects.filter.order_by → GET api/my-orders/',
      ]);
    });

    it("Django REST framework: the view's serializer_class runs on its actions (create/update save through it and validate_<field>, every answer renders get_<field>, a query there runs once per row of a list)", async () => {
      // The shape of wger's exercises API: the serializer, in its own module, creates aliases in a loop.
      const f = await joined({
        'exercises/api/serializers.py': lines(
          'from rest_framework import serializers',
          'from exercises.models import Alias, Exercise, Comment',
          '',
          'class ExerciseSerializer(serializers.ModelSerializer):',
          '    comments = serializers.SerializerMethodField()',
          '    author = AuthorSerializer(read_only=True)',
          '',
          '    def get_comments(self, obj):',
          '        return [c.text for c in Comment.objects.filter(exercise=obj)]',
          '',
          // Through the row: the view's queryset may prefetch it.
          '    def get_tags(self, obj):',
          '        return [t.name for t in obj.tags.all()]',
          '',
          // Queries only when the view prefetched nothing (paperless' get_versions); DRF's own getter, once per list.
          '    def get_versions(self, obj):',
          '        cached = getattr(obj, "_prefetched_objects_cache", {}).get("versions")',
          '        return cached if cached is not None else list(Exercise.objects.filter(root=obj)[:5])',
          '',
          '    def get_fields(self):',
          '        return {**super().get_fields(), "extra": Exercise.objects.filter(pk=1).first()}',
          '',
          '    def validate_name(self, value):',
          '        for other in self.initial_data["aliases"]:',
          '            Exercise.objects.filter(name=other).exists()',
          '        return value',
          '',
          '    def create(self, validated_data):',
          '        for alias in validated_data["aliases"]:',
          '            Alias.objects.create(alias=alias)',
          '        return Exercise.objects.create(**validated_data)',
          '',
          '    def helper(self):',
          '        for x in range(10):',
          '            Alias.objects.filter(pk=x).delete()',
          '',
          // Rendered as a field of each exercise: its getters run per row too.
          'class AuthorSerializer(serializers.ModelSerializer):',
          '    def get_books(self, obj):',
          '        return Book.objects.filter(author=obj).count()',
        ),
        'exercises/api/views.py': lines(
          'from rest_framework import viewsets',
          'from exercises.api import serializers',
          'from exercises.models import Exercise',
          '',
          'class ExerciseViewSet(viewsets.ModelViewSet):',
          '    queryset = Exercise.objects.all()[:20]',
          '    serializer_class = serializers.ExerciseSerializer',
          '    http_method_names = ["get", "post"]',
        ),
        'exercises/urls.py': lines(
          'from rest_framework import routers',
          'from exercises.api import views',
          '',
          'router = routers.DefaultRouter()',
          'router.register(r"exercise", views.ExerciseViewSet)',
          'urlpatterns = router.urls',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop exercises/api/serializers.py:23:13 Exercise.objects.filter [for sequential] → POST ^exercise/$',
        'query-in-loop exercises/api/serializers.py:28:13 Alias.objects.create [for sequential] → POST ^exercise/$',
        // Not a hook DRF calls: no route reaches it.
        'query-in-loop exercises/api/serializers.py:33:13 Alias.objects.filter.delete [for sequential] → -',
        // The nested serializer's getter, per row of the list too.
        'query-in-loop exercises/api/serializers.py:37:16 Book.objects.filter.count [DRF list serializer sequential] → GET ^exercise/$',
        // The list renders every row with the serializer: get_comments' query runs once per row (not on retrieve).
        'query-in-loop exercises/api/serializers.py:9:33 Comment.objects.filter [DRF list serializer sequential] → GET ^exercise/$',
        'unbounded-query exercises/api/serializers.py:9:33 Comment.objects.filter → GET ^exercise/$, POST ^exercise/$, GET ^exercise/(?P<pk>[^/.]+)/$',
      ]);
    });

    it("DRF: a viewset's get_serializer_class() picks among serializers (librephotos' UserViewSet): each one's getters run per row of the list", async () => {
      const views = (pick: string[]) =>
        joined({
          'users/serializers.py': lines(
            'from rest_framework import serializers',
            'from users.models import User, Photo',
            'class PublicUserSerializer(serializers.ModelSerializer):',
            '    photo_count = serializers.SerializerMethodField()',
            '    def get_photo_count(self, obj):',
            '        return Photo.objects.filter(owner=obj).count()',
            'class UserSerializer(serializers.ModelSerializer):',
            '    pass',
          ),
          'users/views.py': lines('from rest_framework import viewsets', 'from users import serializers', 'from users.models import User', '', 'class UserViewSet(viewsets.ReadOnlyModelViewSet):', '    queryset = User.objects.all()[:50]', ...pick),
          'users/urls.py': lines('from rest_framework import routers', 'from users import views', 'router = routers.SimpleRouter()', 'router.register(r"user", views.UserViewSet)', 'urlpatterns = router.urls'),
        });
      const perRow = ['query-in-loop users/serializers.py:6:16 Photo.objects.filter.count [DRF list serializer sequential] → GET ^user/$'];
      const loops = async (pick: string[]) => hazardRows(await views(pick)).filter((r) => r.startsWith('query-in-loop'));
      assert.deepEqual(await loops([
        '    def get_serializer_class(self):',
        '        if self.request.user.is_anonymous:',
        '            return serializers.PublicUserSerializer',
        '        return serializers.UserSerializer',
      ]), perRow);
      // Or the class's own serializer_class, when the override may hand it back.
      assert.deepEqual(await loops([
        '    serializer_class = serializers.PublicUserSerializer',
        '    def get_serializer_class(self):',
        '        if self.action == "create":',
        '            return serializers.UserSerializer',
        '        return super().get_serializer_class()',
      ]), perRow);
      // One that picks it in an expression (a conditional, a lookup with a default).
      assert.deepEqual(await loops([
        '    serializer_class = serializers.UserSerializer',
        '    def get_serializer_class(self):',
        '        return serializers.UserSerializer if self.action == "create" else serializers.PublicUserSerializer',
      ]), perRow);
      // One that names none the text shows: the class's own serializer_class.
      assert.deepEqual(await loops(['    serializer_class = serializers.PublicUserSerializer', '    def get_serializer_class(self):', '        return self.by_action[self.action]']), perRow);
      // One that never picks it: no getter of it runs.
      assert.deepEqual(await loops(['    serializer_class = serializers.PublicUserSerializer', '    def get_serializer_class(self):', '        return serializers.UserSerializer']), []);
    });

    it("Django: a function view that validates a form it makes (form.is_valid()) runs the form's clean and clean_<field> methods (linkding's tag merge)", async () => {
      const f = await joined({
        'bookmarks/forms.py': lines(
          'from django import forms',
          '',
          'class TagMergeForm(forms.Form):',
          '    merge_tags = forms.CharField()',
          '',
          '    def clean_merge_tags(self):',
          '        names = self.cleaned_data["merge_tags"].split()',
          '        for name in names:',
          '            Tag.objects.get(name=name)',
          '        return names',
          '',
          'class SearchForm(forms.Form):',
          '    def clean(self):',
          '        for name in self.data.getlist("tags"):',
          '            Tag.objects.get(name=name)',
        ),
        'bookmarks/views.py': lines(
          'from django.shortcuts import render',
          'from .forms import SearchForm, TagMergeForm',
          '',
          'def merge(request):',
          '    form = TagMergeForm(request.POST)',
          '    if form.is_valid():',
          '        pass',
          '    return render(request, "merge.html", {"form": form})',
          '',
          // Made to be shown, never validated: its clean() does not run.
          'def search(request):',
          '    return render(request, "search.html", {"form": SearchForm()})',
        ),
        'bookmarks/urls.py': lines('from django.urls import path', 'from . import views', 'urlpatterns = [path("tags/merge", views.merge), path("search", views.search)]'),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop bookmarks/forms.py:15:13 Tag.objects.get [for sequential] → -', 'query-in-loop bookmarks/forms.py:9:13 Tag.objects.get [for sequential] → ANY tags/merge']);
    });

    it("Django: a list filters through its filterset_class's methods, an edit view makes, validates and saves its form_class", async () => {
      const f = await joined({
        'shop/filters.py': lines(
          'import django_filters',
          'from shop.models import Product, Tag',
          '',
          'class ProductFilterSet(django_filters.FilterSet):',
          '    tags = django_filters.CharFilter(method="filter_tags")',
          '',
          '    def filter_tags(self, queryset, name, value):',
          '        for tag in value.split(","):',
          '            queryset = queryset.filter(tags__in=Tag.objects.filter(name=tag).values("id"))',
          '            Tag.objects.filter(name=tag).first()',
          '        return queryset',
        ),
        'shop/forms.py': lines(
          'from django import forms',
          'from shop.models import Customer',
          '',
          'class SignupForm(forms.ModelForm):',
          '    def clean_email(self):',
          '        for other in self.cleaned_data["aliases"]:',
          '            Customer.objects.filter(email=other).exists()',
          '        return self.cleaned_data["email"]',
        ),
        'shop/views.py': lines(
          'from django.views.generic import CreateView',
          'from rest_framework import viewsets',
          'from shop.filters import ProductFilterSet',
          'from shop import forms',
          'from shop.models import Product',
          '',
          'class ProductViewSet(viewsets.ReadOnlyModelViewSet):',
          '    queryset = Product.objects.all()[:50]',
          '    filterset_class = ProductFilterSet',
          '',
          'class SignupView(CreateView):',
          '    form_class = forms.SignupForm',
        ),
        'shop/urls.py': lines(
          'from django.urls import path',
          'from rest_framework import routers',
          'from shop import views',
          '',
          'router = routers.SimpleRouter()',
          'router.register("products", views.ProductViewSet)',
          'urlpatterns = [path("signup/", views.SignupView.as_view())] + router.urls',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop shop/filters.py:10:13 Tag.objects.filter.first [for sequential] → GET ^products/$',
        'query-in-loop shop/forms.py:7:13 Customer.objects.filter [for sequential] → POST signup/, PUT signup/',
      ]);
    });

    it("FastAPI: the functions Depends() names (the handler's parameters, the decorator's and its router's dependencies) run on the route's request path", async () => {
      // The shape of Netflix/dispatch: get_current_user fetches the JWKS on every authenticated request.
      const f = await joined({
        'app/auth.py': lines(
          'import requests',
          '',
          'def get_current_user(request):',
          '    keys = requests.get("https://idp/.well-known/jwks.json")',
          '    return keys',
          '',
          'def audit(request):',
          '    requests.post("https://audit/")',
          '',
          'def verify_org(request):',
          '    requests.get("https://orgs/")',
        ),
        'app/views.py': lines(
          'from fastapi import APIRouter, Depends',
          'from . import auth',
          'from .auth import audit, verify_org',
          '',
          'router = APIRouter(prefix="/incidents", dependencies=[Depends(verify_org)])',
          'public = APIRouter()',
          '',
          '@router.get("/")',
          'def list_incidents(user = Depends(auth.get_current_user)):',
          '    return []',
          '',
          '@router.post("/", dependencies=[Depends(audit)])',
          'def create_incident():',
          '    return {}',
          '',
          '@public.get("/health")',
          'def health():',
          '    return {}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'missing-timeout app/auth.py:11:5 requests.get → GET /incidents/, POST /incidents/',
        'missing-timeout app/auth.py:4:12 requests.get → GET /incidents/',
        'missing-timeout app/auth.py:8:5 requests.post → POST /incidents/',
      ]);
    });

    it('Django: a related manager read per row (session.logs.all(), day.workoutsession_set.all()) is a query in a loop; not outside Django modules, nor in the return that ends the loop', async () => {
      // The shapes of wger's routine models; `.latest()` reads one row.
      const f = await joined({
        'manager/models.py': lines(
          'from django.db import models',
          '',
          'class Routine(models.Model):',
          '    def logs_by_session(self):',
          '        out = []',
          '        for session in self.sessions.all():',
          "            out.append({'session': session, 'logs': session.logs.all()})",
          '        return out',
          '',
          '    def sessions_by_day(self):',
          '        for day in self.days.all():',
          '            for session in day.workoutsession_set.all():',
          '                print(session)',
          '',
          '    def weight(self):',
          '        return WeightEntry.objects.filter(user=self.user).latest().weight',
          '',
          '    def find(self, key):',
          '        for session in self.sessions.all():',
          '            if session.key == key:',
          '                return {"logs": list(session.logs.all())}',
        ),
        // Not a Django module: `report.lines.filter(…)` is whatever the project's object does.
        'tools/report.py': lines('def render(reports):', '    for report in reports:', '        report.lines.filter(lambda l: l)'),
      });
      assert.deepEqual(hazardRows(f).sort(), [
        'query-in-loop manager/models.py:12:28 day.workoutsession_set.all [for sequential] → -',
        'query-in-loop manager/models.py:7:53 session.logs.all [for sequential] → -',
      ]);
    });

    it('Django: a related manager\'s all() the function prefetched (any part of a lookup, in place, in a list it spreads, in Prefetch) is read from the prefetched rows, here or in a helper; filter() on it, or a relation not prefetched, is a query in a loop', async () => {
      // The shapes of saleor's checkout/fetch.py and order/mutations/utils.py.
      const f = await joined({
        'shop/fetch.py': lines(
          'from django.db.models import Prefetch',
          'from .listings import get_variant_channel_listing',
          '',
          'def _collections(product):',
          '    return list(product.collections.all())',
          '',
          'def fetch_lines(checkout):',
          '    prefetch_related_fields = [',
          '        "variant__product__collections",',
          '        "discounts",',
          '    ]',
          '    if checkout.full:',
          '        prefetch_related_fields.extend(["variant__channel_listings__channel"])',
          '    lines = checkout.lines.select_related("variant").prefetch_related(*prefetch_related_fields)',
          '    out = []',
          '    for line in lines:',
          '        product = line.variant.product',
          '        collections = list(product.collections.all())',
          '        listing = get_variant_channel_listing(line.variant, 1)',
          '        tags = list(product.tags.all())',
          '        out.append((collections, listing, tags, _collections(product), line.discounts.filter(active=True)))',
          '    return out',
          '',
          'def rules_for(variant_ids):',
          '    variants = Variant.objects.filter(pk__in=variant_ids).prefetch_related(Prefetch("channel_listings", queryset=Listing.objects.all()))',
          '    return [list(variant.channel_listings.all()) for variant in variants]',
          '',
          'def unprefetched(variants):',
          '    for variant in variants:',
          '        print(variant.channel_listings.all())',
          '        print(get_variant_channel_listing(variant, 2), _collections(variant.product))',
        ),
        'shop/listings.py': lines(
          'from django.db import models',
          '',
          'def get_variant_channel_listing(variant, channel_id):',
          '    for listing in variant.channel_listings.all():',
          '        if listing.channel_id == channel_id:',
          '            return listing',
        ),
      });
      assert.deepEqual(hazardRows(f).sort(), [
        'query-in-loop shop/fetch.py:20:21 product.tags.all [for sequential] → -',
        'query-in-loop shop/fetch.py:21:72 line.discounts.filter [for sequential] → -',
        'query-in-loop shop/fetch.py:30:15 variant.channel_listings.all [for sequential] → -',
        'query-in-loop shop/fetch.py:31:15 get_variant_channel_listing → variant.channel_listings.all [for sequential] → -',
        'query-in-loop shop/fetch.py:31:56 _collections → product.collections.all [for sequential] → -',
      ]);
    });

    it('Django: a queryset a function returns unread is its callers\' to bound: not reported when every caller pages, slices or narrows it; reported when one reads it whole, or none is found', async () => {
      // The shapes of saleor's graphql resolvers.py and schema.py: the schema's method has the resolver's name.
      const f = await joined({
        'shop/resolvers.py': lines(
          'from django.db import models',
          'def resolve_stocks(info):',
          '    return models.Stock.objects.using(info.db).all()',
          'def resolve_tags(info):',
          '    return (models.Tag.objects.all())',
          'def resolve_zones(info):',
          '    return models.Zone.objects.all()',
          'def resolve_orphans(info):',
          '    return models.Orphan.objects.all()',
          'def resolve_menu_items(info):',
          '    return models.MenuItem.objects.all()',
          'def resolve_pages(info):',
          '    return models.Page.objects.all()',
          'def resolve_notes(info):',
          '    return models.Note.objects.all()',
          'def resolve_drafts(info):',
          '    return models.Draft.objects.all()',
          'def resolve_tasks(info):',
          '    return models.Task.objects.all()',
          'def resolve_logs(info):',
          '    return models.Log.objects.all()',
        ),
        'shop/schema.py': lines(
          'import graphene',
          'from .resolvers import resolve_stocks, resolve_tags, resolve_zones, resolve_menu_items, resolve_pages, resolve_notes, resolve_drafts, resolve_tasks, resolve_logs',
          'class Query(graphene.ObjectType):',
          '    @staticmethod',
          '    def resolve_stocks(_root, info, **kwargs):',
          '        qs = resolve_stocks(info)',
          '        qs = filter_connection_queryset(qs, kwargs)',
          '        return create_connection_slice(qs, info, kwargs, StockCountableConnection)',
          '    def resolve_tags(_root, info):',
          '        return list(resolve_tags(info))',
          '    def resolve_zone(_root, info):',
          '        return resolve_zones(info).first(), resolve_zones(info)[:5]',
          '    def resolve_zone_page(_root, info):',
          '        return paginate_queryset(resolve_zones(info), 20)',
          '    def resolve_menu_items(_root, info, channel=None, **kwargs):', // wrapped, then filtered, then paged
          '        menu_items = resolve_menu_items(info)',
          '        qs = ChannelQsContext(qs=menu_items, channel_slug=channel)',
          '        qs = filter_connection_queryset(qs, kwargs)',
          '        return create_connection_slice(qs, info, kwargs, MenuItemCountableConnection)',
          '    def resolve_pages(_root, info):', // read whole into a list: slicing the list pages nothing
          '        pages = resolve_pages(info)',
          '        rows = list(pages)',
          '        return rows[:5]',
          '    def resolve_notes(self, info):', // paged by a pager given it by name (plane's self.paginate(request=…, queryset=(issues)))
          '        notes = resolve_notes(info)',
          '        notes = notes.filter(**info.filters)',
          '        return self.paginate(request=info, queryset=(notes), on_results=lambda n: n)',
          '    def resolve_drafts(_root, info):', // assigned over a line continuation, then sliced
          '        drafts = \\',
          '            resolve_drafts(info)',
          '        return drafts[:10]',
          '    def resolve_tasks(_root, info):', // an argument after a comment line
          '        return paginate_queryset(',
          '            # the first page',
          '            resolve_tasks(info), 20)',
          '    def resolve_logs(_root, info):', // a keyword of a call inside the pager's brackets is not the pager's
          '        logs = resolve_logs(info)',
          '        return paginate(wrap(queryset=logs), info)',
          '    def resolve_banner(_root, info):', // a call before a comment of many #: read past in one scan
          "        render(info)  # " + '# '.repeat(40) + 'x',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'unbounded-query shop/resolvers.py:13:12 models.Page.objects.all → -',
        'unbounded-query shop/resolvers.py:21:12 models.Log.objects.all → -',
        'unbounded-query shop/resolvers.py:5:13 models.Tag.objects.all → -',
        'unbounded-query shop/resolvers.py:9:12 models.Orphan.objects.all → -',
      ]);
    });

    it('Django: a queryset given to get_object_or_404, Subquery or a manager\'s own method, kept in a variable in parentheses, returned by a function declared or named to make one, or filtered by key further along, is not read whole; one given to a serializer is', async () => {
      // The shapes of netbox's account/views.py and dcim/api/views.py.
      const f = await joined({
        'shop/views.py': lines(
          'from django.shortcuts import get_object_or_404',
          '',
          'def dashboard(request):',
          '    board = get_object_or_404(Dashboard.objects.all(), user=request.user)',
          '    sites = Site.objects.add_related_count(Site.objects.all(), Device, "site", "device_count")',
          '    newest = Order.objects.filter(pk__in=Subquery(Order.objects.all().values("pk")[:5]))',
          '    return render(request, "d.html", {"board": board, "sites": sites[:10], "newest": newest[:5]})',
          '',
          'def export(request):',
          '    return JsonResponse(OrderSerializer(Order.objects.all(), many=True).data, safe=False)',
          '',
          '# Kept in a variable over several lines in parentheses (saleor\'s filters), then a subquery.',
          'def published(qs, channel):',
          '    listings = (',
          '        Listing.objects.using(qs.db)',
          '        .filter(channel=channel)',
          '        .values("product_id")',
          '    )',
          '    return qs.filter(Exists(listings.filter(product_id=OuterRef("pk"))))',
          '',
          '# Declared or named to make a queryset: the caller finishes it (saleor\'s lock helpers).',
          'def order_qs_select_for_update() -> QuerySet[Order]:',
          '    return Order.objects.order_by("pk").select_for_update(of=("self",))',
          'def user_qs_select_for_update():',
          '    return User.objects.order_by("pk").select_for_update()',
          'def active_products() -> "ProductsQueryset":',
          '    return Product.objects.filter(active=True)',
          '# Neither: it reads them all for its caller.',
          'def all_tags():',
          '    return Tag.objects.all()',
          '',
          '# Bounded further along the chain (saleor\'s bulk mutations), or by the primary key; not by an exclude.',
          'def bulk(ids, rule, zone):',
          '    locked = tuple(Promotion.objects.order_by("pk").select_for_update().filter(pk__in=ids))',
          '    one = list(Rule.objects.filter(id=rule.id).prefetch_related("channels"))',
          '    others = list(Zone.objects.exclude(pk=zone.pk))',
          '    linked = list(Ext.objects.filter(Exists(apps.filter(id=OuterRef("app_id")))))',
          '    return locked, one, others, linked',
          '# A subquery of the outer query\'s rows, wherever it is written (plane\'s project summary).',
          'def summary(projects):',
          '    counts = {"cycles": lambda: (Cycle.objects.filter(project_id=OuterRef("pk")).values("project_id").annotate(count=Count("*")).values("count"))}',
          '    return projects.annotate(**{k: Subquery(f()) for k, f in counts.items()})',
          '# The chain in parentheses, finished after them (plane\'s issue detail): one row, or a slice; an order is no bound.',
          'def detail(request, ident):',
          '    issue = (',
          '        Issue.objects.filter(project_id=1)',
          '        .select_related("state")',
          '        .annotate(n=Count("labels"))',
          '    ).first()',
          '    page = (Issue.objects.filter(project_id=2))[:20]',
          '    rows = list((Issue.objects.filter(state="open")).order_by("id"))',
          '    return issue, page, rows',
          '# Kept in a variable when allowed, else an empty list, then sliced (paperless-ngx\'s global search).',
          'def search(request, query):',
          '    groups = (',
          '        Group.objects.filter(name__icontains=query)',
          '        if request.user.has_perm("auth.view_group")',
          '        else []',
          '    )',
          '    return groups[:10], list(Tag.objects.all() if query else [])',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'unbounded-query shop/views.py:10:41 Order.objects.all → -',
        'unbounded-query shop/views.py:30:12 Tag.objects.all → -',
        'unbounded-query shop/views.py:36:19 Zone.objects.exclude → -',
        'unbounded-query shop/views.py:37:19 Ext.objects.filter → -',
        'unbounded-query shop/views.py:51:18 Issue.objects.filter → -',
        'unbounded-query shop/views.py:60:30 Tag.objects.all → -',
      ]);
    });

    it('Django: a queryset built as a subquery (also kept in a name only given to one), or by a function that makes querysets, runs no query in a loop; one read there does', async () => {
      // The shapes of saleor's attribute filters: querysets combined into one query, per filter given.
      const f = await joined({
        'shop/filters.py': lines(
          'from django.db.models import Exists, OuterRef, QuerySet',
          'def values_by_slug(slugs) -> QuerySet[Value]:',
          '    return Value.objects.filter(slug__in=slugs)',
          'def value_expression(slugs):',
          '    return Exists(Value.objects.filter(slug__in=slugs).filter(id=OuterRef("value_id")))',
          'def plain_values(slug):',
          '    return Value.objects.filter(slug=slug)',
          'def filter_products(qs, filters):',
          '    for f in filters:',
          '        qs = qs.filter(Exists(Assigned.objects.filter(value__in=values_by_slug(f))))',
          '        qs = qs.filter(value_expression(f))',
          '        qs = qs.filter(id__in=Product.objects.filter(tag=f).values("id"))',
          '        tags = Tag.objects.filter(product_id=OuterRef("pk"), name=f).values("name")',
          '        qs = qs.annotate(tag=Subquery(tags))',
          '        variants = Variant.objects.using(qs.db).filter(value__slug=f)',
          '        qs = qs.filter(Exists(variants.filter(product_id=OuterRef("pk"))))',
          '    for f in filters:',
          '        kept = Value.objects.filter(slug=f)',
          '        print([v.name for v in kept])',
          '        Log.objects.filter(tag=f).delete()',
          '        names = list(Value.objects.filter(slug=f))',
          '        rows = plain_values(f)',
          '    return qs',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop shop/filters.py:18:16 Value.objects.filter [for sequential] → -',
        'query-in-loop shop/filters.py:20:9 Log.objects.filter.delete [for sequential] → -',
        'query-in-loop shop/filters.py:21:22 Value.objects.filter [for sequential] → -',
        'query-in-loop shop/filters.py:22:16 plain_values → Value.objects.filter [for sequential] → -',
        // Kept in a name the loop then iterates: every row, as `list(…)` reads them.
        'unbounded-query shop/filters.py:18:16 Value.objects.filter → -',
        'unbounded-query shop/filters.py:21:22 Value.objects.filter → -',
        // Returned by a function that says nothing of querysets: its caller may read it whole, so it stays a query.
        'unbounded-query shop/filters.py:7:12 Value.objects.filter → -',
      ]);
    });

    it('DRF and ListView: a list route is an unbounded query only when nothing pages it (view, base class or settings)', async () => {
      const views = lines(
        'from django.views.generic import ListView',
        'from rest_framework import generics, viewsets',
        'from .base import UnpagedMixin',
        'from .models import Order',
        '',
        'class Orders(viewsets.ModelViewSet):',
        '    queryset = Order.objects.all()',
        '',
        'class Everything(UnpagedMixin, generics.ListAPIView):',
        '    queryset = Order.objects.all()',
        '',
        'class Recent(generics.ListAPIView):',
        '    pagination_class = None',
        '    def get_queryset(self):',
        '        return Order.objects.all()[:20]',
        '',
        'class Page(ListView):',
        '    model = Order',
        '',
        'class Paged(ListView):',
        '    model = Order',
        '    paginate_by = 25',
        '',
        'class Narrowed(Orders):',
        '    def get_queryset(self):',
        '        return super().get_queryset().filter(paid=True)',
        '',
        'class Serialized(generics.ListAPIView):',
        '    queryset = Order.objects.filter(open=True)',
        '    def list(self, request):',
        '        return Response(self.get_serializer(self.get_queryset(), many=True).data)',
        '',
        'class Paginated(generics.ListAPIView):',
        '    queryset = Order.objects.filter(open=True)',
        '    def list(self, request):',
        '        page = self.paginate_queryset(self.get_queryset())',
        '        return self.get_paginated_response(self.get_serializer(page, many=True).data)',
        '',
        // Its own list() renders an export on request, and hands the usual case to DRF's (netbox's ExportTemplatesMixin).
        'class Exported(generics.ListAPIView):',
        '    queryset = Order.objects.filter(open=False)',
        '    def list(self, request, *args, **kwargs):',
        '        if "export" in request.GET:',
        '            return render_export(self.filter_queryset(self.get_queryset()))',
        '        return super().list(request, *args, **kwargs)',
        '',
        // One object's rows, by a relation of the model (netbox's UserConfig view), or by a parent's key given as a dict.
        'class Mine(generics.ListAPIView):',
        '    pagination_class = None',
        '    def get_queryset(self):',
        '        return Order.objects.filter(owner=self.request.user)',
        '',
        'class OfShop(generics.ListAPIView):',
        '    pagination_class = None',
        '    def get_queryset(self):',
        '        return Order.objects.filter(**{"shop_id": self.kwargs["shop"]})',
      );
      const models = lines('from django.db import models', '', 'class Order(models.Model):', '    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)');
      const urls = lines(
        'from django.urls import include, path',
        'from rest_framework.routers import SimpleRouter',
        'from . import views',
        'router = SimpleRouter()',
        'router.register("orders", views.Orders)',
        'router.register("paid", views.Narrowed)',
        'urlpatterns = [',
        '    path("", include(router.urls)),',
        '    path("all/", views.Everything.as_view()),',
        '    path("recent/", views.Recent.as_view()),',
        '    path("page/", views.Page.as_view()),',
        '    path("paged/", views.Paged.as_view()),',
        '    path("serialized/", views.Serialized.as_view()),',
        '    path("paginated/", views.Paginated.as_view()),',
        '    path("exported/", views.Exported.as_view()),',
        '    path("mine/", views.Mine.as_view()),',
        '    path("shop/<int:shop>/", views.OfShop.as_view()),',
        ']',
      );
      const base = lines('class UnpagedMixin:', '    pagination_class = None');
      const rows = async (settings?: string) => {
        const index = new CodeIndex(grammars);
        await index.ingest('shop/views.py', views);
        await index.ingest('shop/base.py', base);
        await index.ingest('shop/models.py', models);
        await index.ingest('shop/urls.py', urls);
        if (settings !== undefined) await index.ingest('site/settings.py', settings);
        return index.link().flatMap((a) => a.hazards.map((h) => `${h.file}:${h.range.start.line + 1}:${h.range.start.character + 1} ${h.callee} → ${h.routes.map((r) => `${r.method} ${r.path}`).join(', ')}`));
      };
      // Settings that page every DRF view: only the class that turns it off (through its base), and the ListView
      // without paginate_by (Django has no project-wide default).
      const paged = lines('INSTALLED_APPS = ["rest_framework"]', 'REST_FRAMEWORK = {', '    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",', '    "PAGE_SIZE": 50,', '}');
      // Settings that page every DRF view: only the class that turns it off (through its base), the ListView
      // without paginate_by (Django has no project-wide default), and the own list() that skips paginate_queryset().
      const always = ['shop/views.py:10:16 Order.objects.all → GET all/', 'shop/views.py:18:13 Order.objects.all → GET page/', 'shop/views.py:29:16 Order.objects.filter → GET serialized/'];
      assert.deepEqual(await rows(paged), always);
      // DRF before 3.1 paged every list with a page size alone (taiga's `"PAGINATE_BY": 30`).
      assert.deepEqual(await rows(lines('INSTALLED_APPS = ["rest_framework"]', 'REST_FRAMEWORK = {', '    "PAGINATE_BY": 30,', '}')), always);
      // Settings without it: the viewset's list too, and the subclass whose get_queryset narrows super()'s, at the
      // queryset it narrows (one warning, both routes). A sliced get_queryset is bounded.
      const unpaged = lines('INSTALLED_APPS = ["rest_framework"]', 'REST_FRAMEWORK = {"DEFAULT_PAGINATION_CLASS": None}');
      assert.deepEqual(await rows(unpaged), [
        'shop/views.py:7:16 Order.objects.all → GET ^orders/$, GET ^paid/$',
        'shop/views.py:10:16 Order.objects.all → GET all/',
        'shop/views.py:18:13 Order.objects.all → GET page/',
        'shop/views.py:29:16 Order.objects.filter → GET serialized/',
        'shop/views.py:34:16 Order.objects.filter → GET paginated/',
        'shop/views.py:40:16 Order.objects.filter → GET exported/',
      ]);
      // No settings module in the workspace: whether DRF pages is unknown, so only what the classes say is reported.
      assert.deepEqual(await rows(), always);
      const index = new CodeIndex(grammars);
      await index.ingest('shop/views.py', views);
      await index.ingest('shop/urls.py', urls);
      await index.ingest('site/settings.py', unpaged);
      const explanation = index.link().flatMap((a) => a.hazards)[0].explanation;
      assert.match(explanation, /^`Order\.objects\.all\(\)` lists every matching row and DRF's list action returns it whole \(.*`DEFAULT_PAGINATION_CLASS`\), so each request's cost grows with the table\.$/);
    });

    it('DRF: a queryset written in parentheses over several lines (Black) is named by its chain in the warning', async () => {
      const views = lines(
        'from rest_framework import generics',
        'from .models import Order',
        '',
        'class Open(generics.ListAPIView):',
        '    def get_queryset(self):',
        '        return (',
        '            Order.objects.filter(open=True)',
        '            .order_by("-created")',
        '        )',
        '    def list(self, request):',
        '        return Response(self.get_serializer(self.get_queryset(), many=True).data)',
      );
      const urls = lines('from django.urls import path', 'from . import views', 'urlpatterns = [', '    path("open/", views.Open.as_view()),', ']');
      const index = new CodeIndex(grammars);
      await index.ingest('shop/views.py', views);
      await index.ingest('shop/urls.py', urls);
      const hazards = index.link().flatMap((a) => a.hazards);
      assert.deepEqual(hazards.map((h) => `${h.range.start.line + 1} ${h.callee} → ${h.routes.map((r) => `${r.method} ${r.path}`).join(', ')}`), ['6 Order.objects.filter.order_by → GET open/']);
      assert.match(hazards[0].explanation, /^`Order\.objects\.filter\.order_by` lists every matching row and the view's own `list\(\)` returns it whole/);
    });

    it('DRF: a router option edited in its own statement re-reads the registrations of untouched statements', async () => {
      const urls = lines('from rest_framework.routers import SimpleRouter', 'from .views import ItemViewSet', '', 'router = SimpleRouter()', 'router.register("items", ItemViewSet)', 'urlpatterns = router.urls');
      const views = lines('from rest_framework import viewsets', '', 'class ItemViewSet(viewsets.ReadOnlyModelViewSet):', '    pass');
      const index = new CodeIndex(grammars);
      await index.ingest('app/views.py', views);
      await index.analyzeEdit('app/urls.py', urls);
      const paths = () => index.link().flatMap((a) => a.routes.map((r) => `${r.method} ${r.path}`));
      assert.deepEqual(paths(), ['GET ^items/$', 'GET ^items/(?P<pk>[^/.]+)/$']);
      await index.analyzeEdit('app/urls.py', urls.replace('SimpleRouter()', 'SimpleRouter(trailing_slash=False)'));
      assert.deepEqual(paths(), ['GET ^items$', 'GET ^items/(?P<pk>[^/.]+)$']);
      // And the class's own file: a ViewSet with one more mixin has one more route.
      await index.analyzeEdit('app/views.py', views.replace('viewsets.ReadOnlyModelViewSet', 'viewsets.ReadOnlyModelViewSet, mixins.DestroyModelMixin'));
      assert.deepEqual(paths(), ['GET ^items$', 'GET ^items/(?P<pk>[^/.]+)$', 'DELETE ^items/(?P<pk>[^/.]+)$']);
    });

    it('Django: editing a class-based view (its bases, a method, a base class in another file) redoes its routes', async () => {
      const urls = lines('from django.urls import path', 'from . import views', '', 'urlpatterns = [', '    path("items/", views.ItemView.as_view()),', ']');
      const views = lines('from django.views.generic import ListView', 'from .base import Base', '', 'class ItemView(ListView):', '    pass');
      const base = lines('from django.views import View', '', 'class Base(View):', '    pass');
      const index = new CodeIndex(grammars);
      await index.ingest('app/base.py', base);
      await index.ingest('app/views.py', views);
      await index.analyzeEdit('app/urls.py', urls);
      const paths = () => index.link().flatMap((a) => a.routes.map((r) => `${r.method} ${r.path}`));
      assert.deepEqual(paths(), ['GET items/']);
      const own = views.replace('    pass', '    def delete(self, request):\n        return None');
      await index.analyzeEdit('app/views.py', own);
      assert.deepEqual(paths(), ['GET items/', 'DELETE items/']);
      await index.analyzeEdit('app/views.py', own.replace('ItemView(ListView)', 'ItemView(Base)'));
      assert.deepEqual(paths(), ['DELETE items/']);
      await index.analyzeEdit('app/base.py', base.replace('    pass', '    def post(self, request):\n        return None'));
      assert.deepEqual(paths(), ['POST items/', 'DELETE items/']);
      // A base nobody knows (a library's view): the methods cannot be listed, the route answers ANY.
      await index.analyzeEdit('app/base.py', base.replace('Base(View)', 'Base(RedirectView)'));
      assert.deepEqual(paths(), ['ANY items/']);
    });
  });

  describe('Go', () => {
    it('gqlgen: the server a router registers (net/http, or gin through a function that makes it) runs the resolvers of *.resolvers.go', async () => {
      const f = await joined({
        'server.go': lines(
          'package main',
          'import "github.com/99designs/gqlgen/graphql/handler"',
          'func main() {',
          '\tsrv := handler.NewDefaultServer(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{}}))',
          '\thttp.Handle("/query", srv)',
          '\thttp.Handle("/metrics", promhttp.Handler())',
          '\thttp.ListenAndServe(":8080", nil)',
          '}',
        ),
        'graph/schema.resolvers.go': lines(
          'package graph',
          'func (r *queryResolver) Todos(ctx context.Context) ([]*model.Todo, error) {',
          '\trows, err := r.DB.QueryContext(ctx, "SELECT id, text FROM todos")',
          '\treturn scan(rows), err',
          '}',
          'func (r *mutationResolver) Tag(ctx context.Context, ids []string) error {',
          '\tfor _, id := range ids {',
          '\t\tr.DB.ExecContext(ctx, "UPDATE todos SET tagged = true WHERE id = $1", id)',
          '\t}',
          '\treturn nil',
          '}',
        ),
        'graph/resolver.go': lines('package graph', 'type Resolver struct{ DB *sql.DB }', 'type queryResolver struct{ *Resolver }', 'type mutationResolver struct{ *Resolver }'),
      });
      assert.deepEqual(routeRows(f), [
        ['ANY', '/query', 'server.go', 4, 'net/http'],
        ['ANY', '/metrics', 'server.go', 5, 'net/http'],
      ]);
      assert.deepEqual(hazardRows(f), [
        'query-in-loop graph/schema.resolvers.go:8:3 r.DB.ExecContext [for sequential] → ANY /query',
        'unbounded-query graph/schema.resolvers.go:3:15 r.DB.QueryContext → ANY /query',
      ]);

      const gin = await joined({
        'main.go': lines(
          'package main',
          'import "github.com/99designs/gqlgen/graphql/handler"',
          'func graphqlHandler() gin.HandlerFunc {',
          '\th := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: &resolvers.Resolver{}}))',
          '\treturn func(c *gin.Context) { h.ServeHTTP(c.Writer, c.Request) }',
          '}',
          'func main() {',
          '\tr := gin.Default()',
          '\tr.POST("/query", graphqlHandler())',
          '\tr.Run()',
          '}',
        ),
        'resolvers/schema.resolvers.go': lines('package resolvers', 'func (r *queryResolver) Users(ctx context.Context) ([]*User, error) {', '\trows, err := r.DB.QueryContext(ctx, "SELECT * FROM users")', '\treturn scanUsers(rows), err', '}'),
      });
      assert.deepEqual(routeRows(gin), [['POST', '/query', 'main.go', 8, 'gin']]);
      assert.deepEqual(hazardRows(gin), ['unbounded-query resolvers/schema.resolvers.go:3:15 r.DB.QueryContext → POST /query']);

      // A closure of the function that makes the server, handing it the request (stash's gqlHandlerFunc), registered by name.
      const closure = await joined({
        'internal/api/server.go': lines(
          'package api',
          'import gqlHandler "github.com/99designs/gqlgen/graphql/handler"',
          'func Start(r chi.Router) {',
          '	gqlSrv := gqlHandler.New(NewExecutableSchema(Config{Resolvers: resolver}))',
          '	gqlHandlerFunc := func(w http.ResponseWriter, r *http.Request) {',
          '		w.Header().Set("Cache-Control", "no-store")',
          '		gqlSrv.ServeHTTP(w, r)',
          '	}',
          '	r.HandleFunc("/graphql", gqlHandlerFunc)',
          '}',
        ),
        'internal/api/resolver_query.go': lines('package api', 'import "github.com/99designs/gqlgen/graphql"', 'func (r *queryResolver) Users(ctx context.Context) ([]*User, error) {', '	rows, err := r.DB.QueryContext(ctx, "SELECT * FROM users")', '	return scanUsers(rows), err', '}'),
        'internal/api/resolver.go': lines('package api', 'type Resolver struct{ DB *sql.DB }', 'type queryResolver struct{ *Resolver }'),
      });
      assert.deepEqual(hazardRows(closure), ['unbounded-query internal/api/resolver_query.go:4:15 r.DB.QueryContext → ANY /graphql']);
    });

    it("net/http: a handler made by a constructor that returns a value serving HTTP (fathom's NewCollector(db)) is that value's ServeHTTP; the goroutines the constructor starts are no request's", async () => {
      const f = await joined({
        'go.mod': 'module fathom\n',
        'pkg/api/routes.go': lines(
          'package api',
          '',
          'func (api *API) Routes() *mux.Router {',
          '\tr := mux.NewRouter()',
          '\tr.Handle("/collect", NewCollector(api.database)).Methods(http.MethodGet)',
          '\treturn r',
          '}',
        ),
        'pkg/api/collect.go': lines(
          'package api',
          '',
          'type Collector struct {',
          '\tdb *sql.DB',
          '}',
          '',
          'func NewCollector(db *sql.DB) *Collector {',
          '\tc := &Collector{db: db}',
          '\tgo c.aggregate()',
          '\treturn c',
          '}',
          '',
          'func (c *Collector) aggregate() {',
          '\tfor _, p := range c.pending() {',
          '\t\tc.db.Exec("UPDATE pageviews SET done = 1 WHERE id = ?", p)',
          '\t}',
          '}',
          '',
          'func (c *Collector) ServeHTTP(w http.ResponseWriter, r *http.Request) {',
          '\tfor _, id := range r.URL.Query()["id"] {',
          '\t\tc.db.Exec("INSERT INTO hits (id) VALUES (?)", id)',
          '\t}',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop pkg/api/collect.go:15:3 c.db.Exec [for sequential] → -',
        'query-in-loop pkg/api/collect.go:21:3 c.db.Exec [for sequential] → GET /collect',
      ]);
    });

    it("gqlgen: a server made in another package's function (photoview's GraphqlEndpoint(db), its handler package imported under another name) runs the resolvers", async () => {
      const f = await joined({
        'go.mod': 'module github.com/photoview/photoview/api\n',
        'server.go': lines(
          'package main',
          'import graphql_endpoint "github.com/photoview/photoview/api/graphql/endpoint"',
          'func main() {',
          '\tendpointRouter.Handle("/graphql", handlers.CompressHandler(graphql_endpoint.GraphqlEndpoint(db)))',
          '}',
        ),
        'graphql/endpoint/graphql_endpoint.go': lines(
          'package graphql_endpoint',
          'import graphql_handler "github.com/99designs/gqlgen/graphql/handler"',
          'func GraphqlEndpoint(db *gorm.DB) *graphql_handler.Server {',
          '\tgraphqlServer := graphql_handler.New(photoview_graphql.NewExecutableSchema(graphqlConfig))',
          '\treturn graphqlServer',
          '}',
        ),
        'graphql/resolvers/media.go': lines(
          'package resolvers',
          '// Code generated by github.com/99designs/gqlgen version v0.17.91',
          'func (r *mediaResolver) Tag(ctx context.Context, ids []int) error {',
          '\tfor _, id := range ids {',
          '\t\tr.DB(ctx).Exec("UPDATE media SET tagged = 1 WHERE id = ?", id)',
          '\t}',
          '\treturn nil',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop graphql/resolvers/media.go:5:3 r.DB.Exec [for sequential] → ANY /graphql']);
    });

    it("oapi-codegen's strict server: the route reaches the service's method through the generated wrapper and strict handler, counted as no call (hatchet's apiService embeds a service per area)", async () => {
      const gen = (body: string[]) => lines('// Code generated by github.com/oapi-codegen/oapi-codegen/v2 version v2.4.1 DO NOT EDIT.', 'package gen', '', ...body);
      const f = await joined({
        'go.mod': 'module github.com/acme/hatchet\n',
        'api/gen/openapi.gen.go': gen([
          'type ServerInterface interface {',
          '\t// (GET /api/v1/tenants/{tenant}/runs)',
          '\tListRuns(ctx echo.Context, tenant string) error',
          '\t// (GET /api/v1/tenants/{tenant}/events)',
          '\tListEvents(ctx echo.Context, tenant string) error',
          '}',
          '',
          'type ServerInterfaceWrapper struct {',
          '\tHandler ServerInterface',
          '}',
          '',
          'func (w *ServerInterfaceWrapper) ListRuns(ctx echo.Context) error {',
          '\treturn w.Handler.ListRuns(ctx, ctx.Param("tenant"))',
          '}',
          '',
          'func (w *ServerInterfaceWrapper) ListEvents(ctx echo.Context) error {',
          '\treturn w.Handler.ListEvents(ctx, ctx.Param("tenant"))',
          '}',
          '',
          'func RegisterHandlers(router EchoRouter, si ServerInterface) {',
          '\twrapper := ServerInterfaceWrapper{Handler: si}',
          '\trouter.GET("/api/v1/tenants/:tenant/runs", wrapper.ListRuns)',
          '\trouter.GET("/api/v1/tenants/:tenant/events", wrapper.ListEvents)',
          '}',
        ]),
        'api/run/run.go': lines(
          'package run',
          '',
          'type apiService struct {',
          '\t*runs.RunsService',
          '\t*events.EventsService',
          '}',
        ),
        'api/handlers/runs/list.go': lines(
          'package runs',
          '',
          'type RunsService struct{ db *sql.DB }',
          '',
          'func (t *RunsService) ListRuns(ctx echo.Context, tenant string) error {',
          '\tfor _, id := range ids(ctx) {',
          '\t\tt.db.QueryRowContext(ctx.Request().Context(), "SELECT status FROM runs WHERE id = $1", id)',
          '\t}',
          '\treturn nil',
          '}',
        ),
        'api/handlers/events/list.go': lines('package events', '', 'type EventsService struct{}', '', 'func (t *EventsService) ListEvents(ctx echo.Context, tenant string) error { return nil }'),
        // A mock implements the interface too: never what runs (nor is its code reported).
        'api/mocks/server.go': lines(
          'package mocks',
          '',
          'type MockServerInterface struct{}',
          '',
          'func (m *MockServerInterface) ListRuns(ctx echo.Context, tenant string) error {',
          '\tfor _, id := range ids(ctx) {',
          '\t\thttp.Get("http://x/" + id)',
          '\t}',
          '\treturn nil',
          '}',
          '',
          'func (m *MockServerInterface) ListEvents(ctx echo.Context, tenant string) error { return nil }',
        ),
      });
      assert.deepEqual(
        hazardRows(f).filter((r) => r.includes('-in-loop')),
        ['query-in-loop api/handlers/runs/list.go:7:3 t.db.QueryRowContext [for sequential] → GET /api/v1/tenants/:tenant/runs'],
      );
    });

    it('SQL kept in a variable set once to a string: query := "SELECT name FROM tag;"; s.db.Query(query) is unbounded; built up or by key, it is not', async () => {
      // The shape of Sock Shop's catalogue (service.go Tags).
      const f = await joined({
        'service.go': lines(
          'package catalogue',
          '',
          'func (s *catalogueService) Tags() ([]string, error) {',
          '\tquery := "SELECT name FROM tag;"',
          '\trows, err := s.db.Query(query)',
          '\treturn nil, err',
          '}',
          '',
          'func (s *catalogueService) Page(n int) {',
          '\tquery := "SELECT name FROM sock"',
          '\tquery += " LIMIT ?"',
          '\ts.db.Query(query, n)',
          '\tbyID := "SELECT name FROM sock WHERE sock_id = ?"',
          '\ts.db.Query(byID, n)',
          '\tquery = "SELECT name FROM sock"',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['unbounded-query service.go:5:15 s.db.Query → -']);
    });

    it('gorilla/mux: a subrouter under a prefix (r.PathPrefix("/api/v2").Subrouter()), also given to a method that registers on it; its own path ""', async () => {
      // The shape of mattermost/focalboard's server/api.
      const f = await joined({
        'api/api.go': lines(
          'package api',
          '',
          'func (a *API) RegisterRoutes(r *mux.Router) {',
          '\tapiv2 := r.PathPrefix("/api/v2").Subrouter()',
          '\tapiv2.Use(a.panicHandler)',
          '\ta.registerUsersRoutes(apiv2)',
          '\tapiv2.HandleFunc("/ping", a.handlePing).Methods("GET")',
          '\tr.HandleFunc("/hello", a.handleHello).Methods("GET")',
          '}',
        ),
        'api/users.go': lines('package api', '', 'func (a *API) registerUsersRoutes(r *mux.Router) {', '\tr.HandleFunc("/users/me", a.handleGetMe).Methods("GET")', '}'),
        // filebrowser's http/http.go: a subrouter's own path is "", and an HTTP client's Post is no route.
        'http/http.go': lines(
          'package http',
          '',
          'func NewHandler(r *mux.Router) {',
          '\tusers := r.PathPrefix("/api/users").Subrouter()',
          '\tusers.Handle("", monkey(usersGetHandler, "")).Methods("GET")',
          '\tusers.Handle("/{id:[0-9]+}", monkey(userGetHandler, "")).Methods("GET")',
          // A Go string's escapes are read: gorilla reports the pattern `{alias:[0-9a-z\-]+}`.
          '\tusers.HandleFunc("/{alias:[0-9a-z\\\\-]+}", aliasHandler).Methods("GET")',
          // writefreely: a subrouter given to a function as it is made.
          '\tRouteRead(r.PathPrefix("/read").Subrouter())',
          '}',
          '',
          'func RouteRead(r *mux.Router) {',
          '\tr.HandleFunc("/feed/", viewFeed).Methods("GET")',
          '}',
          '',
          'func verify(host string, body string) {',
          '\tclient := &http.Client{Timeout: 5 * time.Second}',
          '\tclient.Post(host+"/recaptcha/api/siteverify", "application/x-www-form-urlencoded", strings.NewReader(body))',
          '}',
        ),
        // go-gopher's server, of net/http's shape: no HTTP route. A variable named like an imported package is the variable.
        'gopher.go': lines('package writefreely', '', 'import (', '\t"github.com/writefreely/go-gopher"', '\t"github.com/gorilla/mux"', ')', '', 'func initGopher() {', '\tgopher.HandleFunc("/", handleGopher)', '\tmux := http.NewServeMux()', '\tmux.HandleFunc("/ok", ok)', '}'),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), ['ANY /ok', 'GET /api/users', 'GET /api/users/{alias:[0-9a-z\\-]+}', 'GET /api/users/{id:[0-9]+}', 'GET /api/v2/ping', 'GET /api/v2/users/me', 'GET /hello', 'GET /read/feed/']);
    });

    it("gorilla/mux: a subrouter of one path (semaphore's api.Path(\"/users/{user_id}\").Subrouter()) serves the handlers set on it with no path, or Path(\"\"), at its path, and a NewRoute() subrouter at its parent's; a base path kept in a variable before a relative one is the root", async () => {
      const f = await joined({
        'api/router.go': lines(
          'package api',
          '',
          'func Route() *mux.Router {',
          '\tr := mux.NewRouter()',
          '\twebPath := "/"',
          '\tif util.WebHostURL != nil {',
          '\t\twebPath = util.WebHostURL.Path',
          '\t}',
          '\tpingRouter := r.Path(webPath + "api/ping").Subrouter()',
          '\tpingRouter.Methods("GET", "HEAD").HandlerFunc(pongHandler)',
          '\tapi := r.PathPrefix(webPath + "api").Subrouter()',
          '\trunners := api.PathPrefix("/internal/runners").Subrouter()',
          '\trunners.Path("").HandlerFunc(getRunner).Methods("GET")',
          '\tuserAPI := api.Path("/users/{user_id}").Subrouter()',
          '\tuserAPI.Use(getUserMiddleware)',
          '\tuserAPI.Methods("PUT").HandlerFunc(updateUser)',
          '\tuserAPI.Methods("DELETE").HandlerFunc(deleteUser)',
          '\tapi.HandleFunc("/auth/login", login).Methods("POST")',
          '\tadminAPI := api.NewRoute().Subrouter()',
          '\tadminAPI.Use(adminMiddleware)',
          '\tadminAPI.Path("/options").HandlerFunc(getOptions).Methods("GET")',
          '\treturn r',
          '}',
        ),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), [
        'DELETE /api/users/{user_id}',
        'GET /api/internal/runners',
        'GET /api/options',
        'GET /api/ping',
        'HEAD /api/ping',
        'POST /api/auth/login',
        'PUT /api/users/{user_id}',
      ]);
    });

    it('gin file servers: Static and StaticFS are GET and HEAD <prefix>/*filepath, StaticFile its own path', async () => {
      // The shape of eddycjy/go-gin-example's routers/router.go.
      const f = await joined({
        'routers/router.go': lines(
          'package routers',
          '',
          'import "github.com/gin-gonic/gin"',
          '',
          'func InitRouter() *gin.Engine {',
          '\tr := gin.New()',
          '\tr.StaticFS("/export", http.Dir(export.GetExcelFullPath()))',
          '\tapi := r.Group("/api")',
          '\tapi.Static("/images", "./runtime/images")',
          '\tr.StaticFile("/favicon.ico", "./resources/favicon.ico")',
          '\treturn r',
          '}',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/export/*filepath', 'routers/router.go', 6, 'gin'],
        ['HEAD', '/export/*filepath', 'routers/router.go', 6, 'gin'],
        ['GET', '/api/images/*filepath', 'routers/router.go', 8, 'gin'],
        ['HEAD', '/api/images/*filepath', 'routers/router.go', 8, 'gin'],
        ['GET', '/favicon.ico', 'routers/router.go', 9, 'gin'],
        ['HEAD', '/favicon.ico', 'routers/router.go', 9, 'gin'],
      ]);
    });

    it('gorilla/mux routes built in steps: r.Methods("GET").Path(p).Handler(h), Methods before PathPrefix, Name between', async () => {
      // The shape of Sock Shop's catalogue (transport.go).
      const f = await joined({
        'transport.go': lines(
          'package catalogue',
          '',
          'func MakeHTTPHandler(e Endpoints) *mux.Router {',
          '\tr := mux.NewRouter().StrictSlash(false)',
          '\tr.Methods("GET").Path("/catalogue").Handler(listHandler)',
          '\tr.Methods(http.MethodGet, "HEAD").Path("/catalogue/{id}").Name("get").Handler(getHandler)',
          '\tr.Methods("GET").PathPrefix("/catalogue/images/").Handler(http.StripPrefix("/catalogue/images/", fs))',
          '\tr.Path("/tags").HandlerFunc(tags).Methods("GET")',
          '\tr.Path("/metrics").Handler(promhttp.Handler())',
          '\treturn r',
          '}',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/catalogue', 'transport.go', 4, 'gorilla/mux'],
        ['GET', '/catalogue/{id}', 'transport.go', 5, 'gorilla/mux'],
        ['HEAD', '/catalogue/{id}', 'transport.go', 5, 'gorilla/mux'],
        ['GET', '/catalogue/images/', 'transport.go', 6, 'gorilla/mux'],
        ['GET', '/tags', 'transport.go', 7, 'gorilla/mux'],
        ['ANY', '/metrics', 'transport.go', 8, 'gorilla/mux'],
      ]);
    });

    it('net/http 1.22 patterns, gin groups, chi Route and Mount (another file), gorilla Methods and PathPrefix, constants in paths', async () => {
      const f = await analyseFixture('code-go');
      assert.deepEqual(routeRows(f), [
        ['GET', '/items/{id}', 'cmd/server/main.go', 18, 'net/http'],
        ['ANY', '/healthz', 'cmd/server/main.go', 19, 'net/http'],
        ['GET', '/ping', 'cmd/server/main.go', 22, 'gin'],
        ['POST', '/v1/orders', 'cmd/server/main.go', 25, 'gin'],
        ['GET', '/admin/users/{id}', 'cmd/server/main.go', 29, 'chi'],
        ['GET', '/cart', 'cmd/server/main.go', 34, 'gorilla/mux'],
        ['HEAD', '/cart', 'cmd/server/main.go', 34, 'gorilla/mux'],
        ['ANY', '/static/', 'cmd/server/main.go', 35, 'gorilla/mux'],
        ['GET', '/reports/daily', 'internal/api/handlers.go', 49, 'chi'],
      ]);
      // Handlers registered in main.go and written in handlers.go: their routes are known there too (for the CodeLens).
      assert.deepEqual(handledRows(f), [
        'internal/api/handlers.go:15 GET /items/{id}',
        'internal/api/handlers.go:20 GET /ping',
        'internal/api/handlers.go:22 POST /v1/orders',
        'internal/api/handlers.go:34 GET /admin/users/{id}',
        'internal/api/handlers.go:42 GET /cart',
        'internal/api/handlers.go:42 HEAD /cart',
      ]);
    });

    it('a method called on a value the handler makes (x := T{…}, &T{…}, NewT(…)) is that type\'s, among many of the same name', async () => {
      // The shape of golang-gin-realworld's serializers: seven types with a Response() method in one package.
      const serializer = (t: string, body: string) => [`type ${t} struct{ c *gin.Context }`, '', `func (s *${t}) Response() string {`, body, '\treturn ""', '}', ''];
      const f = await joined({
        'articles/serializers.go': lines(
          'package articles',
          '',
          'import "github.com/gin-gonic/gin"',
          '',
          ...serializer('TagSerializer', '\t// nothing'),
          ...serializer('CommentSerializer', '\t// nothing'),
          ...serializer('ProfileSerializer', '\t// nothing'),
          ...serializer('ArticlesSerializer', '\tfor _, id := range ids {\n\t\tdb.First(&Article{}, id)\n\t}'),
          'func NewCommentSerializer(c *gin.Context) *CommentSerializer { return &CommentSerializer{c} }',
        ),
        'articles/routers.go': lines(
          'package articles',
          '',
          'import "github.com/gin-gonic/gin"',
          '',
          'func Register(r *gin.Engine) {',
          '\tr.GET("/articles", ArticleList)',
          '\tr.GET("/tags", TagList)',
          '\tr.GET("/comments", CommentList)',
          '}',
          '',
          'func ArticleList(c *gin.Context) {',
          '\tserializer := ArticlesSerializer{c}',
          '\tc.JSON(200, serializer.Response())',
          '}',
          '',
          'func TagList(c *gin.Context) {',
          '\tserializer := &TagSerializer{c}',
          '\tc.JSON(200, serializer.Response())',
          '}',
          '',
          'func CommentList(c *gin.Context) {',
          '\tserializer := NewCommentSerializer(c)',
          '\tc.JSON(200, serializer.Response())',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop articles/serializers.go:30:3 db.First [for sequential] → GET /articles']);
    });

    it('an unaliased import of a package folder named v1 binds v1 (its package name), as a module version suffix binds the name before it', async () => {
      // The shape of eddycjy/go-gin-example: routers/api/v1 holds `package v1`, imported without an alias.
      const f = await joined({
        'go.mod': 'module github.com/acme/blog\n',
        'routers/router.go': lines(
          'package routers',
          '',
          'import (',
          '\t"github.com/acme/blog/routers/api/v1"',
          '\t"github.com/gin-gonic/gin"',
          ')',
          '',
          'func InitRouter() *gin.Engine {',
          '\tr := gin.New()',
          '\tapiv1 := r.Group("/api/v1")',
          '\tapiv1.GET("/tags", v1.GetTags)',
          '\treturn r',
          '}',
        ),
        'routers/api/v1/tag.go': lines('package v1', '', 'import "github.com/acme/blog/models"', '', 'func GetTags(c *gin.Context) {', '\tc.JSON(200, models.GetTags())', '}'),
        'models/tag.go': lines('package models', '', 'func GetTags() (tags []Tag) {', '\tdb.Find(&tags)', '\treturn', '}'),
      });
      assert.deepEqual(hazardRows(f), ['unbounded-query models/tag.go:4:2 db.Find → GET /api/v1/tags']);
    });

    it('Go route helpers: a function given the path registers the route (navidrome: h(r, "ping", api.Ping) → hr → addHandler → r.HandleFunc("/"+path, handle); api.RX(r, "/user", …) → r.Route(pathPrefix, …)), served by the handler its caller hands in', async () => {
      const f = await joined({
        'go.mod': 'module github.com/navidrome/navidrome\n',
        'server/subsonic/api.go': lines(
          'package subsonic',
          '',
          'import (',
          '\t"net/http"',
          '\t"github.com/go-chi/chi/v5"',
          ')',
          '',
          'type Router struct{ db *DB }',
          '',
          'func (api *Router) routes() http.Handler {',
          '\tr := chi.NewRouter()',
          '\th(r, "ping", api.Ping)', // 11
          '\thr(r, "stream", api.Stream)', // 12
          '\tr.Group(func(r chi.Router) {',
          '\t\tapi.RX(r, "/user", true)', // 14
          '\t})',
          '\tr.Route("/missing", func(r chi.Router) {',
          '\t\tapi.RX(r, "/", false)', // 17
          '\t})',
          '\th501(r, "jukeboxControl")', // paths a variadic helper ranges over: not read
          '\treturn r',
          '}',
          '',
          'func (api *Router) RX(r chi.Router, pathPrefix string, persistable bool) {',
          '\tr.Route(pathPrefix, func(r chi.Router) {',
          '\t\tr.Get("/", api.list)',
          '\t\tr.Route("/{id}", func(r chi.Router) {',
          '\t\t\tr.Get("/", api.get)',
          '\t\t})',
          '\t})',
          '}',
          '',
          'func (api *Router) Ping(r *http.Request) (*Response, error) {',
          '\tfor _, id := range r.URL.Query()["id"] {',
          '\t\tapi.db.QueryRow("SELECT name FROM users WHERE id = ?", id)',
          '\t}',
          '\treturn nil, nil',
          '}',
          '',
          'func (api *Router) Stream(w http.ResponseWriter, r *http.Request) (*Response, error) { return nil, nil }',
          'func (api *Router) list(w http.ResponseWriter, r *http.Request) {}',
          'func (api *Router) get(w http.ResponseWriter, r *http.Request) {}',
          '',
          'func h(r chi.Router, path string, f handler) {',
          '\thr(r, path, func(_ http.ResponseWriter, r *http.Request) (*Response, error) {',
          '\t\treturn f(r)',
          '\t})',
          '}',
          '',
          'func hr(r chi.Router, path string, f handlerRaw) {',
          '\thandle := func(w http.ResponseWriter, r *http.Request) {',
          '\t\tres, err := f(w, r)',
          '\t\tsend(w, res, err)',
          '\t}',
          '\taddHandler(r, path, handle)',
          '}',
          '',
          'func h501(r chi.Router, paths ...string) {',
          '\tfor _, path := range paths {',
          '\t\taddHandler(r, path, notImplemented)',
          '\t}',
          '}',
          '',
          'func addHandler(r chi.Router, path string, handle func(w http.ResponseWriter, r *http.Request)) {',
          '\tr.HandleFunc("/"+path, handle)',
          '\tr.HandleFunc("/"+path+".view", handle)',
          '}',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['ANY', '/ping', 'server/subsonic/api.go', 11, 'net/http'],
        ['ANY', '/ping.view', 'server/subsonic/api.go', 11, 'net/http'],
        ['ANY', '/stream', 'server/subsonic/api.go', 12, 'net/http'],
        ['ANY', '/stream.view', 'server/subsonic/api.go', 12, 'net/http'],
        ['GET', '/user', 'server/subsonic/api.go', 14, 'chi'],
        ['GET', '/user/{id}', 'server/subsonic/api.go', 14, 'chi'],
        ['GET', '/missing', 'server/subsonic/api.go', 17, 'chi'],
        ['GET', '/missing/{id}', 'server/subsonic/api.go', 17, 'chi'],
      ]);
      assert.deepEqual(hazardRows(f), ['query-in-loop server/subsonic/api.go:35:3 api.db.QueryRow [for sequential] → ANY /ping, ANY /ping.view']);
    });

    it("Go: a group under a prefix its function is given, the function called only from another file (apache/answer's RegisterTemplateRouter(r, baseURLPath)): its routes under the base path a deployment sets, empty by default; a path made only of the parameter is none; another package's constant in a path is read there", async () => {
      const f = await joined({
        'internal/router/template_router.go': lines(
          'package router',
          '',
          'import "github.com/gin-gonic/gin"',
          '',
          'func (a *TemplateRouter) RegisterTemplateRouter(r *gin.RouterGroup, baseURLPath string) {',
          '\tseo := r.Group(baseURLPath)',
          '\tseo.GET("/", a.templateController.Index)',
          '\tseo.GET("/questions/:id", a.templateController.QuestionInfo)',
          '\tr.GET(baseURLPath, a.templateController.Index)',
          '}',
        ),
        'internal/base/server/http.go': lines('package server', '', 'func NewHTTPServer(templateRouter *router.TemplateRouter, r *gin.Engine) {', '\ttemplateRouter.RegisterTemplateRouter(r.Group(""), uiConf.BaseURL)', '}'),
        // A path joined with another package's constant: read where that package declares it; a library's is none.
        'go.mod': 'module github.com/apache/answer\n',
        'internal/base/constant/constant.go': lines('package constant', '', 'const (', '\tAvatarSubPath = "avatar"', '\tlocalOnly = "x"', '\tAPIPrefix = "/api/v4"', '\tHealthPath = "/healthz"', ')'),
        'internal/router/static_router.go': lines(
          'package router',
          '',
          'import (',
          '\t"github.com/apache/answer/internal/base/constant"',
          '\t"github.com/gin-gonic/gin"',
          '\t"github.com/writeas/go-webfinger"',
          ')',
          '',
          'func RegisterStaticRouter(r *gin.Engine) {',
          '\tr.GET("/uploads/"+constant.AvatarSubPath+"/*filepath", serveUpload)',
          '\tr.GET("/.well-known/"+webfinger.WebFingerPath, finger)',
          // The constant on its own as a group's prefix (cloudreve's `v4 := r.Group(constants.APIPrefix)`).
          '\tv4 := r.Group(constant.APIPrefix)',
          '\tv4.GET("file/:id", getFile)',
          '\tr.GET(constant.HealthPath, health)',
          '\tr.GET(webfinger.WebFingerPath, finger)',
          // A constant that holds no path is some other call's key (navidrome's `props.Put(consts.ArtConfKey, v)`).
          '\tr.GET(constant.AvatarSubPath, serveUpload)',
          '}',
        ),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`).sort(), [
        'GET / internal/router/template_router.go:6',
        'GET /api/v4/file/:id internal/router/static_router.go:12',
        'GET /healthz internal/router/static_router.go:13',
        'GET /questions/:id internal/router/template_router.go:7',
        'GET /uploads/avatar/*filepath internal/router/static_router.go:9',
      ]);
    });

    it('chi: a router mounted by name and handed to each handler (wakapi: router.Mount("/api", apiRouter), then h.RegisterRoutes(apiRouter)), mounted before or after', async () => {
      const f = await joined({
        'go.mod': 'module github.com/muety/wakapi\n',
        'main.go': lines(
          'package main',
          '',
          'import (',
          '\t"github.com/go-chi/chi/v5"',
          '\t"github.com/muety/wakapi/routes/api"',
          ')',
          '',
          'func main() {',
          '\trouter := chi.NewRouter()',
          '\trootRouter := chi.NewRouter()',
          '\tapiRouter := chi.NewRouter()',
          '\thealthHandler := api.NewHealthApiHandler(db)',
          '\thealthHandler.RegisterRoutes(apiRouter)', // 12: handed on before it is mounted
          '\trouter.Mount("/", rootRouter)',
          '\trouter.Mount("/api", apiRouter)',
          '\tactivityHandler := api.NewActivityApiHandler(db)',
          '\tactivityHandler.RegisterRoutes(apiRouter)',
          '\trouter.Get("/contribute.json", serve)',
          '\tsubscriptionHandler := api.NewSubscriptionHandler(db)',
          '\tsubscriptionHandler.RegisterRoutes(rootRouter)',
          '}',
        ),
        // A router mounted on another one made in the same function, itself mounted on the one given.
        'routes/api/subscription.go': lines(
          'package api',
          '',
          'import "github.com/go-chi/chi/v5"',
          '',
          'type SubscriptionHandler struct{ db *DB }',
          '',
          'func NewSubscriptionHandler(db *DB) *SubscriptionHandler { return &SubscriptionHandler{db: db} }',
          '',
          'func (h *SubscriptionHandler) RegisterRoutes(router chi.Router) {',
          '\tpublic := chi.NewRouter()',
          '\tpublic.Get("/success", h.GetSuccess)', // 10
          '\tprivate := chi.NewRouter()',
          '\tprivate.Post("/checkout", h.PostCheckout)', // 12
          '\tpublic.Mount("/", private)',
          '\trouter.Mount("/subscription", public)',
          '}',
        ),
        'routes/api/activity.go': lines(
          'package api',
          '',
          'import "github.com/go-chi/chi/v5"',
          '',
          'type ActivityApiHandler struct{ db *DB }',
          '',
          'func NewActivityApiHandler(db *DB) *ActivityApiHandler { return &ActivityApiHandler{db: db} }',
          '',
          'func (h *ActivityApiHandler) RegisterRoutes(router chi.Router) {',
          '\tr := chi.NewRouter()',
          '\tr.Get("/chart/{userWithExt}", h.GetActivityChart)', // 10
          '\trouter.Mount("/activity", r)',
          '}',
        ),
        'routes/api/health.go': lines(
          'package api',
          '',
          'import "github.com/go-chi/chi/v5"',
          '',
          'type HealthApiHandler struct{ db *DB }',
          '',
          'func NewHealthApiHandler(db *DB) *HealthApiHandler { return &HealthApiHandler{db: db} }',
          '',
          'func (h *HealthApiHandler) RegisterRoutes(router chi.Router) {',
          '\trouter.Get("/health", h.Get)', // 9
          '}',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/contribute.json', 'main.go', 17, 'chi'],
        ['GET', '/api/activity/chart/{userWithExt}', 'routes/api/activity.go', 10, 'chi'],
        ['GET', '/api/health', 'routes/api/health.go', 9, 'chi'],
        ['GET', '/subscription/success', 'routes/api/subscription.go', 10, 'chi'],
        ['POST', '/subscription/checkout', 'routes/api/subscription.go', 12, 'chi'],
      ]);
    });

    it('chi: a router made by a method of a value the function builds (x, err := pkg.NewAPI(db); r.Mount("/api", x.Router())), mounts nested in it', async () => {
      // The shape of dhax/go-base: two packages with a type API and a type AccountResource each.
      const api = (pkg: string, sub: string) =>
        lines(
          `package ${pkg}`,
          '',
          'import "github.com/go-chi/chi/v5"',
          '',
          'type API struct {',
          '\tAccounts *AccountResource',
          '}',
          '',
          'func NewAPI(db *DB) (*API, error) { return &API{Accounts: &AccountResource{}}, nil }',
          '',
          'func (a *API) Router() *chi.Mux {',
          '\tr := chi.NewRouter()',
          `\tr.Mount("${sub}", a.Accounts.router())`,
          '\treturn r',
          '}',
        );
      const accounts = (pkg: string) =>
        lines(`package ${pkg}`, '', 'type AccountResource struct{}', '', 'func (rs *AccountResource) router() *chi.Mux {', '\tr := chi.NewRouter()', '\tr.Get("/", rs.list)', '\treturn r', '}');
      const f = await joined({
        'go.mod': 'module github.com/acme/base\n',
        'api/api.go': lines(
          'package api',
          '',
          'import (',
          '\t"github.com/acme/base/api/admin"',
          '\t"github.com/acme/base/api/app"',
          '\t"github.com/go-chi/chi/v5"',
          ')',
          '',
          'func New(db *DB) (*chi.Mux, error) {',
          '\tadminAPI, err := admin.NewAPI(db)',
          '\tappAPI, err := app.NewAPI(db)',
          '\tr := chi.NewRouter()',
          '\tr.Group(func(r chi.Router) {',
          '\t\tr.Mount("/admin", adminAPI.Router())',
          '\t\tr.Mount("/api", appAPI.Router())',
          '\t})',
          '\treturn r, err',
          '}',
        ),
        'api/admin/api.go': api('admin', '/accounts'),
        'api/admin/accounts.go': accounts('admin'),
        'api/app/api.go': api('app', '/account'),
        'api/app/account.go': accounts('app'),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/admin/accounts', 'api/admin/accounts.go', 6, 'chi'],
        ['GET', '/api/account', 'api/app/account.go', 6, 'chi'],
      ]);
    });

    it('GORM: Limit after Find limits nothing (the query ran at Find); Limit before it does', async () => {
      // The shape of eddycjy/go-gin-example's models/tag.go.
      const f = await joined({
        'models/tag.go': lines(
          'package models',
          '',
          'func GetTags(pageNum int, pageSize int, maps interface{}) (tags []Tag) {',
          '\tdb.Where(maps).Find(&tags).Offset(pageNum).Limit(pageSize)',
          '\treturn',
          '}',
          '',
          'func GetTagPage(pageNum int, pageSize int) (tags []Tag) {',
          '\tdb.Offset(pageNum).Limit(pageSize).Find(&tags)',
          '\treturn',
          '}',
          '',
          // gin-vue-admin's paging: limited on the variable, then ordered and read in one chain.
          'func GetApiList(limit, offset int, order string) (list []Api) {',
          '\tdb := global.GVA_DB.Model(&Api{})',
          '\tdb = db.Limit(limit).Offset(offset)',
          '\tdb.Order(order).Find(&list)',
          '\treturn',
          '}',
          '',
          // Raw's statement decides: a PRAGMA reads the schema (also kept in a variable); a SELECT reads the table.
          'func Schema(db *gorm.DB) {',
          '\tsql := "PRAGMA database_list;"',
          '\tdb.Raw(sql).Find(&dbs)',
          '\tdb.Raw("PRAGMA table_info(users)").Find(&cols)',
          '\tdb.Raw("SELECT * FROM users").Find(&users)',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['unbounded-query models/tag.go:24:2 db.Raw.Find → -', 'unbounded-query models/tag.go:4:2 db.Where.Find → -']);
    });

    it("GORM: a Where on a key, a parent's key or the caller's list bounds Find as the SQL would (photoview's dataloaders); a flag, a range, a subquery, NOT IN or an Or does not", async () => {
      const f = await joined({
        'dataloader/loaders.go': lines(
          'package dataloader',
          '',
          'func load(db *gorm.DB, userIDs []int, mediaID int) {',
          '\tvar users []*User',
          '\tdb.Where("id IN (?)", userIDs).Find(&users)',
          '\tvar urls []*MediaURL',
          '\tdb.Where("media_id = ?", mediaID).Find(&urls)',
          '\tvar favs []*UserMediaData',
          '\tdb.Where("user_id IN ?", userIDs).Where("favorite = TRUE").Find(&favs)',
          '\tvar allFavs []*UserMediaData',
          '\tdb.Where("favorite = TRUE").Find(&allFavs)',
          '\tvar recentMedias []*Media',
          '\tdb.Where("created_at > ?", since).Find(&recentMedias)',
          '\tvar faceGroups []*FaceGroup',
          '\tdb.Where("media.album_id IN (?)", db.Select("album_id").Table("user_albums").Where("user_id = ?", userID)).Find(&faceGroups)',
          '\tvar rootAlbums []*Album',
          '\tdb.Where("albums.parent_album_id NOT IN (?)", userIDs).Find(&rootAlbums)',
          '\tvar someAlbums []*Album',
          '\tdb.Where("id IN (?)", userIDs).Or("public = TRUE").Find(&someAlbums)',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'unbounded-query dataloader/loaders.go:11:2 db.Where.Find → -',
        'unbounded-query dataloader/loaders.go:13:2 db.Where.Find → -',
        'unbounded-query dataloader/loaders.go:15:2 db.Where.Find → -',
        'unbounded-query dataloader/loaders.go:17:2 db.Where.Find → -',
        'unbounded-query dataloader/loaders.go:19:2 db.Where.Or.Find → -',
      ]);
    });

    it('GORM: a comment between the links of a chain does not hide the query', async () => {
      // The shape of aws-containers/retail-store-sample-app's catalog repository.
      const f = await joined({
        'repository.go': lines(
          'package repository',
          '',
          'func (db *GormRepository) GetTags(ctx context.Context) ([]model.Tag, error) {',
          '	var tags []model.Tag',
          '	err := db.DB.WithContext(ctx).',
          '		Model(&model.Tag{}).',
          '		Order("display_name asc"). // by display name, alphabetically',
          '		/* every tag */ Find(&tags).Error',
          '	return tags, err',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['unbounded-query repository.go:5:9 db.DB.WithContext.Model.Order.Find → -']);
    });

    it('database/sql: a prepared statement run per item is a query in a loop; run once it is not', async () => {
      const f = await joined({
        'main.go': lines(
          'package main',
          '',
          'import (',
          '\t"database/sql"',
          '\t"net/http"',
          ')',
          '',
          'var db *sql.DB',
          '',
          'func prices(w http.ResponseWriter, r *http.Request) {',
          '\tstmt, _ := db.Prepare("SELECT price FROM items WHERE id = $1")',
          '\tdefer stmt.Close()',
          '\tfor _, id := range r.URL.Query()["id"] {',
          '\t\tstmt.QueryRowContext(r.Context(), id)',
          '\t}',
          '\tinsertStmt, _ := db.Prepare("INSERT INTO seen (at) VALUES (now())")',
          '\tinsertStmt.Exec()',
          '\t// Named first for what they are (shiori\'s stmtInsertBook), in a transaction.',
          '\tstmtMark, _ := tx.Preparex("UPDATE items SET seen = true WHERE id = $1")',
          '\tfor _, id := range r.URL.Query()["id"] {',
          '\t\tstmtMark.ExecContext(r.Context(), id)',
          '\t}',
          '}',
          '',
          'func main() {',
          '\thttp.HandleFunc("GET /prices", prices)',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop main.go:14:3 stmt.QueryRowContext [for sequential] → GET /prices',
        'query-in-loop main.go:21:3 stmtMark.ExecContext [for sequential] → GET /prices',
      ]);
    });

    it('oapi-codegen: a generated chi router (options.BaseURL + path) serves its routes; its own code and a retry loop, SDK handles are not hazards', async () => {
      const f = await joined({
        'ports/openapi_api.gen.go': lines(
          '// Package ports provides primitives to interact with the openapi HTTP API.',
          '//',
          '// Code generated by github.com/deepmap/oapi-codegen version v1.8.1 DO NOT EDIT.',
          'package ports',
          '',
          'func HandlerWithOptions(si ServerInterface, options ChiServerOptions) http.Handler {',
          '	r := options.BaseRouter',
          '	wrapper := ServerInterfaceWrapper{Handler: si}',
          '	r.Group(func(r chi.Router) {',
          '		r.Get(options.BaseURL+"/trainer/calendar", wrapper.GetTrainerAvailableHours)',
          '	})',
          '	for _, id := range ids {',
          '		client.Get("http://x/" + id)',
          '	}',
          '	return r',
          '}',
        ),
        'adapters/hours.go': lines(
          'package adapters',
          '',
          'func (m Repo) UpdateHour(ctx context.Context) error {',
          '	for {',
          '		err := m.db.ExecContext(ctx, "UPDATE hours SET x = 1")',
          '		if isDeadlock(err) {',
          '			continue',
          '		}',
          '		return err',
          '	}',
          '}',
          '',
          'func (r Repo) RemoveAll(ctx context.Context, pages []int) {',
          '	for range pages {',
          '		batch := r.firestoreClient.Batch()',
          '		r.firestoreClient.Collection("trainings").Doc("x")',
          '		r.usersClient.GetUser(ctx, req)',
          '		r.usersClient.Namespace()',
          '		r.containerClient.NewBlockBlobClient(name)',
          '		req := base.RestyClient.R()',
          '		req.Execute("GET", url)',
          '	}',
          '}',
        ),
      });
      assert.deepEqual(routeRows(f), [['GET', '/trainer/calendar', 'ports/openapi_api.gen.go', 9, 'chi']]);
      // The retry loop (it goes round again only on `continue`) is a retry with no backoff, not a query per item;
      // the Firestore client's Batch(), Collection() and Doc() build handles locally, as Azure's New…Client(name) does;
      // a gRPC client's method is a call, one called with no arguments (not even a context) a getter of the client's.
      // resty's R(), with nothing, makes the request its chain or a later statement sends.
      assert.deepEqual(hazardRows(f), [
        'call-in-loop adapters/hours.go:17:3 r.usersClient.GetUser [for sequential] → -',
        'call-in-loop adapters/hours.go:20:10 base.RestyClient.R [for sequential] → -',
        'retry-without-backoff adapters/hours.go:4:2 m.db.ExecContext → -',
      ]);
    });

    it('Go: a method of what a function returns, called at once or through a local (store.FromContext(c).AgentList(), _store := store.FromContext(c)): the interface\'s implementation', async () => {
      // woodpecker's handlers: the store comes from the request's context, typed by the Store interface.
      const f = await joined({
        'go.mod': lines('module go.woodpecker-ci.org/woodpecker'),
        'server/store/context.go': lines('package store', '', 'func FromContext(c context.Context) Store {', '\tstore, _ := c.Value(key).(Store)', '\treturn store', '}', 'func Version() string {', '\treturn "1"', '}'),
        'server/store/store.go': lines('package store', '', 'type Store interface {', '\tAgentList(p *model.ListOptions) ([]*model.Agent, error)', '\tRepoList(user *model.User) ([]*model.Repo, error)', '}'),
        'server/store/datastore/agent.go': lines(
          'package datastore',
          '',
          'import "xorm.io/xorm"',
          '',
          'func (s storage) AgentList(p *model.ListOptions) ([]*model.Agent, error) {',
          '\tagents := make([]*model.Agent, 0)',
          '\treturn agents, s.engine.OrderBy("id").Find(&agents)',
          '}',
          'func (s storage) RepoList(user *model.User) ([]*model.Repo, error) {',
          '\tfor _, id := range user.Ids {',
          '\t\ts.engine.ID(id).Get(&model.Repo{})',
          '\t}',
          '\treturn nil, nil',
          '}',
        ),
        'server/api/agent.go': lines(
          'package api',
          '',
          'import "go.woodpecker-ci.org/woodpecker/server/store"',
          '',
          'func GetAgents(c *gin.Context) {',
          '\tagents, err := store.FromContext(c).AgentList(nil)',
          '\tc.JSON(200, agents)',
          '}',
          'func GetRepos(c *gin.Context) {',
          '\t_store := store.FromContext(c)',
          '\trepos, err := _store.RepoList(nil)',
          '\tc.JSON(200, repos)',
          '}',
        ),
        'server/router/api.go': lines('package router', '', 'import "go.woodpecker-ci.org/woodpecker/server/api"', '', 'func apiRoutes(e *gin.RouterGroup) {', '\te.GET("/agents", api.GetAgents)', '\te.GET("/repos", api.GetRepos)', '}'),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop server/store/datastore/agent.go:11:3 s.engine.ID.Get [for sequential] → GET /repos',
        'unbounded-query server/store/datastore/agent.go:7:17 s.engine.OrderBy.Find → GET /agents',
      ]);
    });

    it("Go (ntfy): a handler behind three wrappers is the handler; a struct field with a comment after its type is typed", async () => {
      const f = await joined({
        'go.mod': lines('module heckel.io/ntfy'),
        'user/manager.go': lines(
          'package user',
          '',
          'import "database/sql"',
          '',
          'type Manager struct {',
          '\tdb *sql.DB',
          '}',
          '',
          'func (a *Manager) Users() ([]*User, error) {',
          '\trows, err := a.db.Query("SELECT id, user FROM user")',
          '\treturn readUsers(rows), err',
          '}',
        ),
        'server/server.go': lines(
          'package server',
          '',
          'import (',
          '\t"net/http"',
          '\t"heckel.io/ntfy/user"',
          ')',
          '',
          'type Server struct {',
          '\tuserManager *user.Manager // Might be nil!',
          '}',
          '',
          'func (s *Server) Routes(mux *http.ServeMux) {',
          '\tmux.HandleFunc("GET /v1/users", s.a(s.b(s.c(s.handleUsersGet))))',
          '}',
          '',
          'func (s *Server) handleUsersGet(w http.ResponseWriter, r *http.Request) {',
          '\tusers, _ := s.userManager.Users()',
          '\t_ = users',
          '}',
          '',
          'func (s *Server) a(next http.HandlerFunc) http.HandlerFunc { return next }',
          'func (s *Server) b(next http.HandlerFunc) http.HandlerFunc { return next }',
          'func (s *Server) c(next http.HandlerFunc) http.HandlerFunc { return next }',
        ),
      });
      assert.deepEqual(routeRows(f), [['GET', '/v1/users', 'server/server.go', 12, 'net/http']]);
      assert.deepEqual(hazardRows(f), ['unbounded-query user/manager.go:10:15 a.db.Query → GET /v1/users']);
    });

    it('Go: a parameter typed by an interface (_store store.Store, store store.Store) lands on its implementation, also when the parameter is named like the package', async () => {
      // woodpecker's updateRepoPermissions: two queries per repository of the user, on the login route.
      const f = await joined({
        'go.mod': lines('module go.woodpecker-ci.org/woodpecker'),
        'server/store/context.go': lines('package store', '', 'func FromContext(c context.Context) Store {', '\tstore, _ := c.Value(key).(Store)', '\treturn store', '}'),
        'server/store/store.go': lines('package store', '', 'type Store interface {', '\tPermUpsert(perm *model.Perm) error', '\tWorkflowsCreate(workflows []*model.Workflow) error', '}'),
        'server/store/datastore/perm.go': lines(
          'package datastore',
          '',
          'import "xorm.io/xorm"',
          '',
          'func (s storage) PermUpsert(perm *model.Perm) error {',
          '\t_, err := s.engine.Exec("UPDATE perms SET pull = ? WHERE perm_repo_id = ?", perm.Pull, perm.RepoID)',
          '\treturn err',
          '}',
          'func (s storage) WorkflowsCreate(workflows []*model.Workflow) error {',
          '\t_, err := s.engine.Insert(workflows)',
          '\treturn err',
          '}',
        ),
        'server/api/login.go': lines(
          'package api',
          '',
          'import "go.woodpecker-ci.org/woodpecker/server/store"',
          '',
          'func HandleAuth(c *gin.Context) {',
          '\t_store := store.FromContext(c)',
          '\tupdateRepoPermissions(c, _store, nil)',
          '\tcreateWorkflows(_store, nil)',
          '}',
          'func updateRepoPermissions(c *gin.Context, _store store.Store, repos []*model.Repo) {',
          '\tfor _, repo := range repos {',
          '\t\t_store.PermUpsert(repo.Perm)',
          '\t}',
          '}',
          'func createWorkflows(store store.Store, items [][]*model.Workflow) {',
          '\tfor _, item := range items {',
          '\t\tstore.WorkflowsCreate(item)',
          '\t}',
          '}',
        ),
        'server/router/api.go': lines('package router', '', 'import "go.woodpecker-ci.org/woodpecker/server/api"', '', 'func apiRoutes(e *gin.RouterGroup) {', '\te.GET("/authorize", api.HandleAuth)', '}'),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop server/api/login.go:12:3 _store.PermUpsert → s.engine.Exec [for sequential] → GET /authorize',
        'query-in-loop server/api/login.go:17:3 store.WorkflowsCreate → s.engine.Insert [for sequential] → GET /authorize',
      ]);
    });

    it("Go: a method called on an element of the slice a function returned (for _, p := range projects) lands on the element type's method, not on every method of that name", async () => {
      // vikunja's DeleteUser: `p.Delete(s, u)` on each *Project, not BotUser.Delete (which deletes a user).
      const f = await joined({
        'go.mod': 'module code.vikunja.io/api\n',
        'pkg/models/user_delete.go': lines(
          'package models',
          '',
          'func DeleteUser(s *xorm.Session, u *User) error {',
          '\tprojects, err := getProjectsToDelete(s, u)',
          '\tfor _, p := range projects {',
          '\t\tp.Delete(s)',
          '\t}',
          '\tbots, err := getOwnedBots(s, u)',
          '\tfor _, b := range bots {',
          '\t\tb.Delete(s)',
          '\t}',
          // A slice of files the function makes and a query fills (export.go's old exports): each *files.File.
          '\tfs := []*files.File{}',
          '\ts.Where("created < ?", cutoff).Find(&fs)',
          '\tfor _, f := range fs {',
          '\t\tf.Delete(s)',
          '\t}',
          '\treturn err',
          '}',
          // Its results named, as vikunja names them.
          'func getProjectsToDelete(s *xorm.Session, u *User) (projectsToDelete []*Project, err error) {',
          '\treturn nil, nil',
          '}',
          'func getOwnedBots(s *xorm.Session, u *User) ([]*BotUser, error) {',
          '\treturn nil, nil',
          '}',
        ),
        'pkg/models/project.go': lines('package models', '', 'type Project struct{ ID int64 }', '', 'func (p *Project) Delete(s *xorm.Session) error {', '\treturn p.archive()', '}', 'func (p *Project) archive() error { return nil }'),
        'pkg/models/bot_users.go': lines('package models', '', 'import "database/sql"', '', 'var db *sql.DB', '', 'type BotUser struct{ ID int64 }', '', 'func (b *BotUser) Delete(s *xorm.Session) error {', '\t_, err := db.Exec("DELETE FROM bots WHERE id = ?", b.ID)', '\treturn err', '}'),
        'pkg/files/files.go': lines('package files', '', 'type File struct{ ID int64 }', '', 'func (f *File) Delete(s *xorm.Session) error {', '\treturn storage.Remove(f.ID)', '}'),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop pkg/models/user_delete.go:10:3 b.Delete → db.Exec [for sequential] → -',
        // (The session is one by its type, *xorm.Session: every export older than the cutoff is read.)
        'unbounded-query pkg/models/user_delete.go:13:2 s.Where.Find → -',
      ]);
    });

    it('a call through a Go interface lands on the types of the service that implement it (named like it first), not on a mock', async () => {
      // The shapes of bxcodec/go-clean-arch (rest.ArticleService → article.Service) and benbjohnson/wtf (the root
      // package's wtf.DialService → sqlite.DialService, with a mock package beside it).
      const f = await joined({
        'go.mod': 'module github.com/acme/wtf\n',
        'dial.go': lines('package wtf', '', 'type DialService interface {', '\t// Retrieves dials.', '\tFindDials(ctx context.Context) ([]*Dial, error)', '\tCountDials(ctx context.Context) int', '}'),
        'cmd/wtf/main.go': lines('package main', '', 'func main() {}'),
        'http/server.go': lines(
          'package http',
          '',
          'import "github.com/acme/wtf"',
          '',
          'type Server struct {',
          '\trouter *mux.Router',
          '\tDialService wtf.DialService',
          '}',
          '',
          'func (s *Server) registerRoutes() {',
          '\ts.router.HandleFunc("/dials", s.handleDials).Methods("GET")',
          '}',
          '',
          'func (s *Server) handleDials(w http.ResponseWriter, r *http.Request) {',
          '\ts.DialService.FindDials(r.Context())',
          '}',
        ),
        'sqlite/dial.go': lines(
          'package sqlite',
          '',
          'type DialService struct { db *DB }',
          '',
          'func (s *DialService) FindDials(ctx context.Context) ([]*wtf.Dial, error) {',
          '\tfor _, d := range dials {',
          '\t\ts.db.QueryRowContext(ctx, "SELECT value FROM dial_values WHERE dial_id = ?", d.ID)',
          '\t}',
          '\treturn dials, nil',
          '}',
          '',
          'func (s *DialService) CountDials(ctx context.Context) int { return 0 }',
        ),
        'mock/dial.go': lines(
          'package mock',
          '',
          'type DialService struct{}',
          '',
          'func (s *DialService) FindDials(ctx context.Context) ([]*wtf.Dial, error) {',
          '\tfor _, d := range dials {',
          '\t\tclient.Get("http://x/")',
          '\t}',
          '\treturn nil, nil',
          '}',
          '',
          'func (s *DialService) CountDials(ctx context.Context) int { return 0 }',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop sqlite/dial.go:7:3 s.db.QueryRowContext [for sequential] → GET /dials']);
    });

    it("a call through a Go interface of more than three implementations (alist's storage drivers) says none of them runs it, but a route's walk reaches each: their hazards are on the route", async () => {
      const f = await joined({
        'go.mod': 'module github.com/alist-org/alist\n',
        'internal/driver/driver.go': lines('package driver', '', 'type Driver interface {', '\tList(ctx context.Context, dir string) ([]Obj, error)', '}'),
        'server/handles/fs.go': lines(
          'package handles',
          '',
          'import "github.com/alist-org/alist/internal/driver"',
          '',
          'func Register(r *gin.Engine) {',
          '\tr.GET("/api/fs/list", FsList)',
          '}',
          '',
          'func FsList(c *gin.Context) {',
          '\tvar storage driver.Driver = pick(c)',
          '\tfor _, dir := range dirs(c) {',
          '\t\tstorage.List(c, dir)',
          '\t}',
          '}',
        ),
        'drivers/s3/driver.go': lines('package s3', '', 'type Driver struct{}', '', 'func (d *Driver) List(ctx context.Context, dir string) ([]Obj, error) {', '\thttp.Get("https://s3.example/list?dir=" + dir)', '\treturn nil, nil', '}'),
        'drivers/ftp/driver.go': lines('package ftp', '', 'type Driver struct{}', '', 'func (d *Driver) List(ctx context.Context, dir string) ([]Obj, error) {', '\thttp.Get("https://ftp.example/list?dir=" + dir)', '\treturn nil, nil', '}'),
        'drivers/local/driver.go': lines('package local', '', 'type Driver struct{}', '', 'func (d *Driver) List(ctx context.Context, dir string) ([]Obj, error) {', '\thttp.Get("https://local.example/list?dir=" + dir)', '\treturn nil, nil', '}'),
        'drivers/webdav/driver.go': lines('package webdav', '', 'type Driver struct{}', '', 'func (d *Driver) List(ctx context.Context, dir string) ([]Obj, error) {', '\thttp.Get("https://webdav.example/list?dir=" + dir)', '\treturn nil, nil', '}'),
      });
      // No loop warning through the interface (which driver is unknown), but each driver's request is on the route.
      assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('missing-timeout')), [
        'missing-timeout drivers/ftp/driver.go:6:2 http.Get → GET /api/fs/list',
        'missing-timeout drivers/local/driver.go:6:2 http.Get → GET /api/fs/list',
        'missing-timeout drivers/s3/driver.go:6:2 http.Get → GET /api/fs/list',
        'missing-timeout drivers/webdav/driver.go:6:2 http.Get → GET /api/fs/list',
      ]);
      assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('call-in-loop')), []);
    });

    it('a type implements an interface with the methods of a struct it embeds (shiori: SQLiteDatabase embeds dbbase)', async () => {
      const f = await joined({
        'go.mod': 'module github.com/acme/shiori\n',
        'internal/model/database.go': lines('package model', '', 'type DB interface {', '\tWriterDB() *sqlx.DB', '\tSaveBookmarks(ctx context.Context, books ...Bookmark) error', '}'),
        'internal/webserver/handler.go': lines(
          'package webserver',
          '',
          'import "github.com/acme/shiori/internal/model"',
          '',
          'type Handler struct {',
          '\tDB model.DB',
          '}',
          '',
          'func (h *Handler) ApiSave(w http.ResponseWriter, r *http.Request) {',
          '\th.DB.SaveBookmarks(r.Context(), books...)',
          '}',
          '',
          'func Routes(h *Handler, mux *http.ServeMux) {',
          '\tmux.HandleFunc("POST /api/bookmarks", h.ApiSave)',
          '}',
        ),
        'internal/database/database.go': lines('package database', '', 'type dbbase struct {', '\twriter *sqlx.DB', '}', '', 'func (db *dbbase) WriterDB() *sqlx.DB { return db.writer }'),
        'internal/database/sqlite.go': lines(
          'package database',
          '',
          'type SQLiteDatabase struct {',
          '\tdbbase // the connections',
          '}',
          '',
          'func (db *SQLiteDatabase) SaveBookmarks(ctx context.Context, books ...model.Bookmark) error {',
          '\tstmtInsertBook, _ := tx.PreparexContext(ctx, "INSERT INTO bookmark (url) VALUES (?)")',
          '\tfor _, book := range books {',
          '\t\tstmtInsertBook.ExecContext(ctx, book.URL)',
          '\t}',
          '\treturn nil',
          '}',
        ),
        // Not a DB: it lacks WriterDB, embedding nothing that has it.
        'internal/cache/cache.go': lines(
          'package cache',
          '',
          'type Cache struct {',
          '\tsync.Mutex',
          '}',
          '',
          'func (c *Cache) SaveBookmarks(ctx context.Context, books ...model.Bookmark) error {',
          '\tfor _, book := range books {',
          '\t\thttp.Get("http://search/index?url=" + book.URL)',
          '\t}',
          '\treturn nil',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'call-in-loop internal/cache/cache.go:9:3 http.Get [for sequential] → -',
        'missing-timeout internal/cache/cache.go:9:3 http.Get → -',
        'query-in-loop internal/database/sqlite.go:10:3 stmtInsertBook.ExecContext [for sequential] → POST /api/bookmarks',
      ]);
    });

    it("a handler handed to an adapter after what it needs (shiori's ToHTTPHandler(deps, api_v1.HandleX, mw...)) is that handler", async () => {
      const f = await joined({
        'go.mod': 'module github.com/acme/shiori\n',
        'internal/http/server.go': lines(
          'package http',
          '',
          'import api_v1 "github.com/acme/shiori/internal/http/handlers/api/v1"',
          '',
          'func (s *HttpServer) Setup(deps model.Dependencies) {',
          '\ts.mux.HandleFunc("GET /api/v1/tags", ToHTTPHandler(deps, api_v1.HandleListTags, globalMiddleware...))',
          '\ts.mux.HandleFunc("GET /api/v1/system", ToHTTPHandler(deps, systemInfo))',
          '\ts.mux.HandleFunc("GET /metrics", otelhttp.NewHandler(metricsHandler, "metrics"))',
          '}',
          '',
          'func systemInfo(deps model.Dependencies, c model.WebContext) {',
          '\tfor _, id := range c.IDs() {',
          '\t\thttp.Get("http://peer/system/" + id)',
          '\t}',
          '}',
        ),
        'internal/http/handlers/api/v1/tags.go': lines(
          'package api_v1',
          '',
          'func HandleListTags(deps model.Dependencies, c model.WebContext) {',
          '\tfor _, id := range c.IDs() {',
          '\t\tdb.QueryRowContext(c.Context(), "SELECT name FROM tag WHERE id = ?", id)',
          '\t}',
          '}',
        ),
      });
      assert.deepEqual(
        hazardRows(f).filter((r) => r.includes('-in-loop')),
        [
          'call-in-loop internal/http/server.go:13:3 http.Get [for sequential] → GET /api/v1/system',
          'query-in-loop internal/http/handlers/api/v1/tags.go:5:3 db.QueryRowContext [for sequential] → GET /api/v1/tags',
        ],
      );
    });

    it("a method of what an accessor returns (shiori's deps.Domains().Bookmarks().Update()) lands on the type every such accessor returns", async () => {
      const f = await joined({
        'go.mod': 'module github.com/acme/shiori\n',
        'internal/model/dependencies.go': lines(
          'package model',
          '',
          'type DomainDependencies interface {',
          '\tBookmarks() BookmarksDomain',
          '}',
          '',
          'type BookmarksDomain interface {',
          '\tUpdateTags(ctx context.Context, ids []int) error',
          '}',
        ),
        'internal/dependencies/dependencies.go': lines(
          'package dependencies',
          '',
          'import "github.com/acme/shiori/internal/model"',
          '',
          'type domains struct{ bookmarks model.BookmarksDomain }',
          '',
          'func (d *domains) Bookmarks() model.BookmarksDomain { return d.bookmarks }',
        ),
        'internal/domains/bookmarks.go': lines(
          'package domains',
          '',
          'type BookmarksDomain struct{ db *sqlx.DB }',
          '',
          'func (d *BookmarksDomain) UpdateTags(ctx context.Context, ids []int) error {',
          '\tfor _, id := range ids {',
          '\t\td.db.ExecContext(ctx, "UPDATE bookmark SET tagged = 1 WHERE id = ?", id)',
          '\t}',
          '\treturn nil',
          '}',
        ),
        'internal/http/tags.go': lines(
          'package http',
          '',
          'func HandleUpdateTags(deps model.Dependencies, c model.WebContext) {',
          '\tdeps.Domains().Bookmarks().UpdateTags(c.Context(), c.IDs())',
          '\tdeps.Domains().Unknown().UpdateTags(c.Context(), c.IDs())',
          '}',
          '',
          "// Five links (hatchet's t.config.V1.WorkflowSchedules().List()).",
          'func (t *TagsService) HandleRetag(c model.WebContext) {',
          '\tt.config.V1.Bookmarks().UpdateTags(c.Context(), c.IDs())',
          '}',
          '',
          'func Routes(mux *http.ServeMux, deps model.Dependencies, t *TagsService) {',
          '\tmux.HandleFunc("PUT /api/tags", ToHTTPHandler(deps, HandleUpdateTags))',
          '\tmux.HandleFunc("POST /api/retag", ToHTTPHandler(deps, t.HandleRetag))',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop internal/domains/bookmarks.go:7:3 d.db.ExecContext [for sequential] → PUT /api/tags, POST /api/retag']);
    });

    it("accessors of one name that return different types: the chain lands on the one type that has the method called next, or nowhere when more than one has it (hatchet's Workflows())", async () => {
      const f = await joined({
        'go.mod': 'module github.com/acme/hatchet\n',
        'pkg/repository/repository.go': lines(
          'package repository',
          '',
          'type Repository interface {',
          '\tWorkflows() WorkflowRepository',
          '}',
          '',
          'type repositoryImpl struct{ workflows WorkflowRepository }',
          '',
          'func (r *repositoryImpl) Workflows() WorkflowRepository { return r.workflows }',
        ),
        'pkg/repository/workflow.go': lines(
          'package repository',
          '',
          'type WorkflowRepository interface {',
          '\tListNamesByIds(ctx context.Context, ids []string) error',
          '\tGet(ctx context.Context, id string) error',
          '}',
          '',
          'type workflowRepository struct{ pool *pgxpool.Pool }',
          '',
          'func (r *workflowRepository) ListNamesByIds(ctx context.Context, ids []string) error {',
          '\tfor _, id := range ids {',
          '\t\tr.pool.Exec(ctx, "UPDATE workflow SET seen = true WHERE id = $1", id)',
          '\t}',
          '\treturn nil',
          '}',
          '',
          'func (r *workflowRepository) Get(ctx context.Context, id string) error {',
          '\tfor _, part := range strings.Split(id, "/") {',
          '\t\tr.pool.Exec(ctx, "UPDATE workflow SET seen = true WHERE id = $1", part)',
          '\t}',
          '\treturn nil',
          '}',
        ),
        'sdks/go/client.go': lines(
          'package client',
          '',
          'type Client struct{ http *http.Client }',
          '',
          'func (c *Client) Workflows() *WorkflowsClient { return &WorkflowsClient{c.http} }',
          '',
          'type WorkflowsClient struct{ http *http.Client }',
          '',
          'func (w *WorkflowsClient) Get(ctx context.Context, id string) error {',
          '\tfor _, part := range strings.Split(id, "/") {',
          '\t\tw.http.Get("http://api/workflows/" + part)',
          '\t}',
          '\treturn nil',
          '}',
        ),
        'api/handlers/workflows.go': lines(
          'package handlers',
          '',
          'func (t *WorkflowsService) List(c echo.Context) error {',
          '\treturn t.config.V1.Workflows().ListNamesByIds(c.Request().Context(), c.QueryParams()["id"])',
          '}',
          '',
          'func (t *WorkflowsService) Show(c echo.Context) error {',
          '\treturn t.config.V1.Workflows().Get(c.Request().Context(), c.Param("id"))',
          '}',
          '',
          'func Routes(mux *http.ServeMux, t *WorkflowsService) {',
          '\tmux.HandleFunc("GET /api/workflows", Adapt(t.List))',
          '\tmux.HandleFunc("GET /api/workflows/{id}", Adapt(t.Show))',
          '}',
        ),
      });
      const onRoutes = hazardRows(f).filter((r) => !r.endsWith('→ -'));
      assert.deepEqual(onRoutes, ['query-in-loop pkg/repository/workflow.go:12:3 r.pool.Exec [for sequential] → GET /api/workflows']);
    });

    it('a query three calls below the one made in a loop is still a query per item (wtf: attach → findUserByID → findUsers)', async () => {
      const f = await joined({
        'sqlite/dial.go': lines(
          'package sqlite',
          '',
          'func findDials(ctx context.Context, tx *Tx) ([]*Dial, error) {',
          '\tfor _, dial := range dials {',
          '\t\tattachDialAssociations(ctx, tx, dial)',
          '\t}',
          '\treturn dials, nil',
          '}',
          '',
          'func attachDialAssociations(ctx context.Context, tx *Tx, dial *Dial) error {',
          '\tdial.User, _ = findUserByID(ctx, tx, dial.UserID)',
          '\treturn nil',
          '}',
        ),
        'sqlite/user.go': lines(
          'package sqlite',
          '',
          'func findUserByID(ctx context.Context, tx *Tx, id int) (*User, error) {',
          '\treturn findUsers(ctx, tx, id)',
          '}',
          '',
          'func findUsers(ctx context.Context, tx *Tx, id int) (*User, error) {',
          '\ttx.QueryContext(ctx, "SELECT id, name FROM users WHERE id = ?", id)',
          '\treturn nil, nil',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop sqlite/dial.go:5:3 attachDialAssociations → findUserByID → findUsers → tx.QueryContext [for sequential] → -']);
    });

    it('GORM Find into one struct, by key, or on a query limited in a variable first is bounded; a consumer loop, a request with a deadline and a client whose Timeout is set after it are fine (gotify, remark42, answer)', async () => {
      const f = await joined({
        'database/message.go': lines(
          'package database',
          '',
          'func (d *GormDatabase) GetMessagesByUser(userID uint, limit int, since uint) ([]*model.Message, error) {',
          '\tvar messages []*model.Message',
          '\tdb := d.DB.Where("user_id = ?", userID).Order("id desc").Limit(limit)',
          '\tif since != 0 {',
          '\t\tdb = db.Where("id < ?", since)',
          '\t}',
          '\terr := db.Find(&messages).Error',
          '\tmsg := new(model.Message)',
          '\td.DB.Find(msg, 7)',
          '\tapp := new(model.Application)',
          '\td.DB.Where("token = ?", "t").Find(app)',
          '\tvar apps []*model.Application',
          '\td.DB.Where("enabled = ?", true).Find(&apps)',
          // A struct or a map condition pins a key as the SQL text does (wakapi); a zero key or another field does not.
          '\td.DB.Model(&model.Heartbeat{}).Where(&model.Heartbeat{UserID: userID}).Group("editor").Find(&apps)',
          '\td.DB.Where(map[string]interface{}{"client_id": since}).Find(&apps)',
          '\td.DB.Where(&model.Heartbeat{Editor: "vim"}).Find(&apps)',
          '\td.DB.Where(&model.Heartbeat{UserID: "", Meta: model.Meta{ProjectID: 3}}).Find(&apps)',
          '\treturn messages, err',
          '}',
          '',
          'func (m *Manager) consume() {',
          '\tfor {',
          '\t\tmessage := <-m.messages',
          '\t\tm.db.Exec("INSERT INTO messages (text) VALUES (?)", message)',
          '\t}',
          '}',
        ),
        'cmd/backup.go': lines(
          'package cmd',
          '',
          'func backup(url string, timeout time.Duration) error {',
          '\tclient := http.Client{}',
          '\tctx, cancel := context.WithTimeout(context.Background(), timeout)',
          '\tdefer cancel()',
          '\treq, _ := http.NewRequest("GET", url, nil)',
          '\t_, err := client.Do(req.WithContext(ctx))',
          '\treturn err',
          '}',
          '',
          'func fetch(url string) {',
          '\tclient := http.Client{}',
          '\treq, _ := http.NewRequest("GET", url, nil)',
          '\tclient.Do(req)',
          '}',
          '',
          // apache/answer: the timeout set on the next line.
          'func check(url string) {',
          '\thttpClient := &http.Client{}',
          '\thttpClient.Timeout = 15 * time.Second',
          '\thttpClient.Get(url)',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'missing-timeout cmd/backup.go:13:12 http.Client → -',
        'unbounded-query database/message.go:15:2 d.DB.Where.Find → -',
        'unbounded-query database/message.go:18:2 d.DB.Where.Find → -',
        'unbounded-query database/message.go:19:2 d.DB.Where.Find → -',
      ]);
    });

    it("a method of a library's type a workspace function returns (casdoor's enforcer, err := getPermissionEnforcer(p), a *casbin.Enforcer) is not a workspace method of the same name", async () => {
      const f = await joined({
        'go.mod': 'module github.com/casdoor/casdoor\n',
        'object/permission_enforcer.go': lines(
          'package object',
          '',
          'import "github.com/casbin/casbin/v2"',
          '',
          'func getPermissionEnforcer(p *Permission) (*casbin.Enforcer, error) { return casbin.NewEnforcer(p.Model) }',
          '',
          'func removePolicies(p *Permission, rules [][]string) {',
          '\tenforcer, _ := getPermissionEnforcer(p)',
          '\tfor _, rule := range rules {',
          '\t\tenforcer.RemovePolicies("p", rule)',
          '\t}',
          '\tadapter := getAdapter(p)',
          '\tfor _, rule := range rules {',
          '\t\tadapter.RemovePolicies("p", rule)',
          '\t}',
          '}',
          '',
          'func getAdapter(p *Permission) *SafeAdapter { return &SafeAdapter{} }',
        ),
        'object/adapter_safe.go': lines(
          'package object',
          '',
          'type SafeAdapter struct{}',
          '',
          'func (a *SafeAdapter) RemovePolicies(sec string, rule []string) error {',
          '\t_, err := ormer.Engine.ID(rule[0]).Delete(&CasbinRule{})',
          '\treturn err',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop object/permission_enforcer.go:14:3 adapter.RemovePolicies → ormer.Engine.ID.Delete [for sequential] → -']);
    });

    it("a method of a library's type a method of the package returns (sftpgo's client, err := fs.conn.getClient(), an *sftp.Client) is not a workspace method of the same name", async () => {
      const f = await joined({
        'go.mod': 'module github.com/drakkan/sftpgo\n',
        'internal/vfs/sftpfs.go': lines(
          'package vfs',
          '',
          'import "github.com/pkg/sftp"',
          '',
          'func (c *sftpConnection) getClient() (*sftp.Client, error) { return c.client, nil }',
          '',
          'func (fs *SFTPFs) statAll(names []string) {',
          '\tclient, _ := fs.conn.getClient()',
          '\tfor _, name := range names {',
          '\t\tclient.Lstat(name)',
          '\t}',
          '}',
        ),
        'internal/vfs/azblobfs.go': lines(
          'package vfs',
          '',
          'func (fs *AzureBlobFs) Lstat(name string) error {',
          '\t_, err := fs.containerClient.NewBlockBlobClient(name).GetProperties(ctx, nil)',
          '\treturn err',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), []);
    });

    it('a method of a standard library type a function makes (httpHeaders := http.Header{}; httpHeaders.Set) is not a workspace method of the same name (navidrome)', async () => {
      const f = await joined({
        'plugins/kvstore.go': lines(
          'package plugins',
          '',
          'func (s *kvstore) Set(ctx context.Context, key string, value []byte) error {',
          '\t_, err := s.db.ExecContext(ctx, "INSERT INTO kv (k, v) VALUES (?, ?)", key, value)',
          '\treturn err',
          '}',
        ),
        'plugins/websocket.go': lines(
          'package plugins',
          '',
          'import (',
          '\t"net/http"',
          '\t"strings"',
          ')',
          '',
          'func (w *ws) connect(headers map[string]string, store *kvstore) {',
          '\thttpHeaders := http.Header{}',
          '\tfor k, v := range headers {',
          '\t\thttpHeaders.Set(k, v)',
          '\t\tstore.Set(ctx, k, []byte(v))',
          '\t}',
          '\tvar b strings.Builder',
          '\tfor k := range headers {',
          '\t\tb.WriteString(k)',
          '\t}',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop plugins/websocket.go:12:3 store.Set → s.db.ExecContext [for sequential] → -']);
    });

    it('bolt: a bucket of the transaction (tx.Bucket(b).Delete(k)) is in-process, not a query per item; an http.Client\'s CloseIdleConnections is no call (remark42)', async () => {
      const f = await joined({
        'store/bolt.go': lines(
          'package store',
          '',
          'func (b *BoltDB) deleteAll(tx *bolt.Tx, ids []string) error {',
          '\tfor _, id := range ids {',
          '\t\tif err := tx.Bucket([]byte("comments")).Delete([]byte(id)); err != nil {',
          '\t\t\treturn err',
          '\t\t}',
          '\t\tc := tx.Bucket([]byte("users")).Cursor()',
          '\t\tc.First()',
          '\t\ttx.Exec("DELETE FROM audit WHERE id = ?", id)',
          '\t}',
          '\treturn nil',
          '}',
          '',
          'func (r *RPC) closeAll(sites []string) {',
          '\tfor range sites {',
          '\t\tr.Client.Client.CloseIdleConnections()',
          '\t\tr.Client.Client.Ping(ctx)',
          '\t}',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f).map((r) => r.replace(/ → -$/, '')), [
        'call-in-loop store/bolt.go:18:3 r.Client.Client.Ping [for sequential]',
        'query-in-loop store/bolt.go:10:3 tx.Exec [for sequential]',
      ]);
    });

    it('Go: a field of a struct declared in another file of the package (a.app.GetBlock() in api/blocks.go) is followed, so the query per item is on its route', async () => {
      // The shape of mattermost/focalboard's server/api and app packages.
      const f = await joined({
        'api/api.go': lines('package api', '', 'import "example.com/fb/app"', '', 'type API struct {', '\tapp *app.App', '}', '', 'func (a *API) RegisterRoutes(r *mux.Router) {', '\tr.HandleFunc("/blocks", a.handlePatchBlocks).Methods("PATCH")', '}'),
        'api/blocks.go': lines(
          'package api',
          '',
          'func (a *API) handlePatchBlocks(w http.ResponseWriter, r *http.Request) {',
          '\tfor _, blockID := range ids {',
          '\t\ta.app.GetBlock(blockID)',
          '\t}',
          '}',
        ),
        'app/app.go': lines('package app', '', 'type App struct {', '\tdb *sql.DB', '}', '', 'func (a *App) GetBlock(id string) {', '\ta.db.QueryRow("SELECT * FROM blocks WHERE id = $1", id)', '}'),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop api/blocks.go:5:3 a.app.GetBlock → a.db.QueryRow [for sequential] → PATCH /blocks']);
    });

    it('Go: a field of a field (a.bounce.SES.ProcessSubscription()) is followed through both structs, in other packages', async () => {
      // The shape of knadh/listmonk: App holds *bounce.Manager, whose SES field is a *webhooks.SES that fetches a URL.
      const f = await joined({
        'cmd/main.go': lines('package main', '', 'import "example.com/lm/internal/bounce"', '', 'type App struct {', '\tbounce *bounce.Manager', '}'),
        'cmd/handlers.go': lines(
          'package main',
          '',
          'func initRoutes(e *echo.Echo, a *App) {',
          '\te.POST("/webhooks/service/:service", a.BounceWebhook)',
          '}',
          '',
          'func (a *App) BounceWebhook(c echo.Context) error {',
          '\treturn a.bounce.SES.ProcessSubscription(c.FormValue("url"))',
          '}',
        ),
        'internal/bounce/bounce.go': lines('package bounce', '', 'import "example.com/lm/internal/bounce/webhooks"', '', 'type Manager struct {', '\tSES *webhooks.SES', '}'),
        'internal/bounce/webhooks/ses.go': lines(
          'package webhooks',
          '',
          'import "net/http"',
          '',
          'type SES struct{}',
          '',
          'func (s *SES) ProcessSubscription(u string) error {',
          '\tresp, err := http.Get(u)',
          '\tif err != nil {',
          '\t\treturn err',
          '\t}',
          '\treturn resp.Body.Close()',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['missing-timeout internal/bounce/webhooks/ses.go:8:15 http.Get → POST /webhooks/service/:service']);
    });

    it('Go: squirrel, a query builder kept in a variable and run (query.Query(), query.Exec()): a select without Limit or key is unbounded; one per item is a query in a loop', async () => {
      // The shapes of mattermost/focalboard's sqlstore.
      const f = await joined({
        'sqlstore/system.go': lines(
          'package sqlstore',
          '',
          'func (s *SQLStore) getSystemSettings(db sq.BaseRunner) (map[string]string, error) {',
          '\tquery := s.getQueryBuilder(db).Select("*").From(s.tablePrefix + "system_settings")',
          '\trows, err := query.Query()',
          '\treturn nil, err',
          '}',
          '',
          'func (s *SQLStore) getHints(db sq.BaseRunner, blockID string) error {',
          '\tquery := s.getQueryBuilder(db).Select("*").From("notification_hints").Where(sq.Eq{"block_id": blockID})',
          '\t_, err := query.Query()',
          '\treturn err',
          '}',
          '',
          'func (s *SQLStore) recent(db sq.BaseRunner) error {',
          '\tquery := s.getQueryBuilder(db).Select("*").From("blocks").OrderBy("update_at DESC").Limit(20)',
          '\t_, err := query.Query()',
          '\treturn err',
          '}',
          '',
          'func (s *SQLStore) deleteAll(db sq.BaseRunner, ids []string) error {',
          '\tfor _, id := range ids {',
          '\t\tdeleteQuery := s.getQueryBuilder(db).Delete("blocks").Where(sq.Eq{"id": id})',
          '\t\tif _, err := deleteQuery.Exec(); err != nil {',
          '\t\t\treturn err',
          '\t\t}',
          '\t}',
          '\treturn nil',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop sqlstore/system.go:24:16 deleteQuery.Exec [for sequential] → -',
        'unbounded-query sqlstore/system.go:5:15 query.Query → -',
      ]);
    });

    it('Go: an http.Client whose only Timeout is its dialer\'s (Transport: &http.Transport{DialContext: (&net.Dialer{Timeout: …})}) has none', async () => {
      // The shape of ardanlabs/service's authclient.
      const f = await joined({
        'authclient.go': lines(
          'package authclient',
          '',
          'var defaultClient = http.Client{',
          '\tTransport: &http.Transport{',
          '\t\tDialContext: (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 15 * time.Second}).DialContext,',
          '\t},',
          '}',
          '',
          'var bounded = http.Client{',
          '\tTransport: &http.Transport{TLSHandshakeTimeout: 5 * time.Second},',
          '\tTimeout:   30 * time.Second,',
          '}',
          '',
          // A function returning a client (memos' httpgetter): `*http.Client {` is its result type and body, no literal.
          'func newHTTPClient() *http.Client {',
          '\treturn &http.Client{Transport: http.DefaultTransport, Timeout: 5 * time.Second}',
          '}',
          '',
          'func (c *authClient) raw() http.Client {',
          '\treturn http.Client{}',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['missing-timeout authclient.go:19:9 http.Client → -', 'missing-timeout authclient.go:3:21 http.Client → -']);
    });

    it('go-pkgz/routegroup: Mount("/api/v1") groups, Group().Route(func) and Mount("/admin").Route(func) bundles, Go 1.22 patterns (remark42)', async () => {
      const f = await joined({
        'rest.go': lines(
          'package api',
          '',
          'func (s *Rest) routes() http.Handler {',
          '\trouter := routegroup.New(http.NewServeMux())',
          '\trouter.HandleFunc("GET /ping", s.ping)',
          '\trapi := router.Mount("/api/v1")',
          '\trapi.Group().Route(func(ropen *routegroup.Bundle) {',
          '\t\tropen.HandleFunc("GET /find", s.find)',
          '\t\tropen.Mount("/rss").Route(func(rrss *routegroup.Bundle) {',
          '\t\t\trrss.HandleFunc("GET /post", s.rssPost)',
          '\t\t})',
          '\t})',
          '\trapi.Mount("/admin").Route(func(radmin *routegroup.Bundle) {',
          '\t\tradmin.HandleFunc("DELETE /comment/{id}", s.deleteComment)',
          '\t})',
          '\treturn router',
          '}',
        ),
      });
      assert.deepEqual(
        routeRows(f).map((r) => `${r[0]} ${r[1]}`),
        ['GET /ping', 'GET /api/v1/find', 'GET /api/v1/rss/post', 'DELETE /api/v1/admin/comment/{id}'],
      );
    });

    it('gin: a relative path, a route on a group made in the same expression (Group().Use().POST), a group kept through Use(), Match (gotify)', async () => {
      const f = await joined({
        'router/router.go': lines(
          'package router',
          '',
          'import "github.com/gin-gonic/gin"',
          '',
          'func Create() *gin.Engine {',
          '\tg := gin.New()',
          '\tg.Match([]string{"GET", "HEAD"}, "/health", health)',
          '\tg.GET("version", version)',
          '\tg.Group("/user").Use(optional).POST("", createUser)',
          '\tg.Group("/").Use(required).POST("/message", createMessage)',
          '\tclientAuth := g.Group("").Use(required)',
          '\tclientAuth.GET("current/user", currentUser)',
          '\treturn g',
          '}',
          '',
          'func health(ctx *gin.Context) {}',
          'func version(ctx *gin.Context) {}',
          'func createUser(ctx *gin.Context) {}',
          'func createMessage(ctx *gin.Context) {}',
          'func currentUser(ctx *gin.Context) {}',
        ),
        // Not gin: `slog.Any("error", err)` in a file that does not import it is no route (otel-demo's checkout), nor in
        // one that does (pocket-id's error handler).
        'cmd/main.go': lines('package main', '', 'import "log/slog"', '', 'func main() {', '\tlogger.Error("cannot start", slog.Any("error", err))', '}'),
        'middleware/errors.go': lines('package middleware', '', 'import (', '\t"log/slog"', '\t"github.com/gin-gonic/gin"', ')', '', 'func handle(c *gin.Context, err error) {', '\tslog.ErrorContext(c, "failed", slog.Any("error", err))', '}'),
      });
      assert.deepEqual(
        routeRows(f).map((r) => `${r[0]} ${r[1]}`),
        ['GET /health', 'HEAD /health', 'GET /version', 'POST /user', 'POST /message', 'GET /current/user'],
      );
    });

    it("chi: a function that returns another's router (stash's getGalleryRoutes() chi.Router { return galleryRoutes{…}.Routes() }), mounted by name, prefixes that router's routes", async () => {
      const f = await joined({
        'go.mod': 'module github.com/stashapp/stash\n',
        'internal/api/server.go': lines(
          'package api',
          '',
          'import "github.com/go-chi/chi/v5"',
          '',
          'func Start(server *Server) {',
          '\tr := chi.NewRouter()',
          '\tr.Mount("/gallery", server.getGalleryRoutes())',
          '}',
          '',
          'func (s *Server) getGalleryRoutes() chi.Router {',
          '\trepo := s.manager.Repository',
          '\treturn galleryRoutes{',
          '\t\troutes: routes{txnManager: repo.TxnManager},',
          '\t}.Routes()',
          '}',
          '',
          'func (s *Server) describe() string {',
          '\treturn strings.Join(parts(), ",")',
          '}',
        ),
        'internal/api/routes_gallery.go': lines(
          'package api',
          '',
          'import "github.com/go-chi/chi/v5"',
          '',
          'type galleryRoutes struct{ routes }',
          '',
          'func (rs galleryRoutes) Routes() chi.Router {',
          '\tr := chi.NewRouter()',
          '\tr.Route("/{galleryId}", func(r chi.Router) {',
          '\t\tr.Get("/cover", rs.Cover)',
          '\t})',
          '\treturn r',
          '}',
          '',
          'func (rs galleryRoutes) Cover(w http.ResponseWriter, r *http.Request) {}',
        ),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`), ['GET /gallery/{galleryId}/cover']);
    });

    it("gin: a group handed to the method of a struct's field (svc.apiKeyModule.RegisterRoutes(apiGroup), pocket-id's modules) prefixes its routes", async () => {
      const f = await joined({
        'go.mod': 'module github.com/pocket-id/pocket-id/backend\n',
        'internal/bootstrap/services_bootstrap.go': lines('package bootstrap', '', 'import "github.com/pocket-id/pocket-id/backend/internal/apikey"', '', 'type services struct {', '\tapiKeyModule *apikey.Module', '}'),
        'internal/bootstrap/router_bootstrap.go': lines(
          'package bootstrap',
          '',
          'import "github.com/gin-gonic/gin"',
          '',
          'func initRouter(r *gin.Engine, svc *services) {',
          '\tapiGroup := r.Group("/api", rateLimit)',
          '\tsvc.apiKeyModule.RegisterRoutes(apiGroup, auth)',
          '}',
        ),
        'internal/apikey/module.go': lines(
          'package apikey',
          '',
          'import "github.com/gin-gonic/gin"',
          '',
          'type Module struct{}',
          '',
          'func (m *Module) RegisterRoutes(apiGroup *gin.RouterGroup, auth gin.HandlerFunc) {',
          '\tapiGroup.GET("/api-keys", auth, m.list)',
          '}',
          '',
          'func (m *Module) list(c *gin.Context) {}',
        ),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`), ['GET /api/api-keys']);
    });

    it("gin: a handler method of a value the router function builds (userHandler := api.UserAPI{DB: db}) is the route's, through its interface-typed field (gotify)", async () => {
      const f = await joined({
        'router/router.go': lines(
          'package router',
          '',
          'import (',
          '\t"github.com/gotify/server/api"',
          '\t"github.com/gotify/server/database"',
          ')',
          '',
          'func Create(db *database.GormDatabase) *gin.Engine {',
          '\tg := gin.New()',
          '\tuserHandler := api.UserAPI{DB: db}',
          '\tg.DELETE("/user/:id", userHandler.DeleteUserByID)',
          '\treturn g',
          '}',
        ),
        'api/user.go': lines(
          'package api',
          '',
          'type UserDatabase interface {',
          '\tDeleteUserByID(id uint) error',
          '\tGetUserByID(id uint) (*model.User, error)',
          '}',
          '',
          'type UserAPI struct {',
          '\tDB UserDatabase',
          '}',
          '',
          'func (a *UserAPI) DeleteUserByID(ctx *gin.Context) {',
          '\ta.DB.DeleteUserByID(1)',
          '}',
        ),
        'database/user.go': lines(
          'package database',
          '',
          'func (d *GormDatabase) DeleteUserByID(id uint) error {',
          '\tvar apps []*model.Application',
          '\tfor _, app := range apps {',
          '\t\td.DB.Where("application_id = ?", app.ID).Delete(&model.Message{})',
          '\t}',
          '\treturn nil',
          '}',
          '',
          'func (d *GormDatabase) GetUserByID(id uint) (*model.User, error) { return nil, nil }',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop database/user.go:6:3 d.DB.Where.Delete [for sequential] → DELETE /user/:id']);
    });

    it('http.DefaultClient has no timeout (unless the file sets one); its calls are HTTP calls', async () => {
      const handler = (extra: string) =>
        lines(
          'package main',
          '',
          'import "net/http"',
          '',
          'func list(w http.ResponseWriter, r *http.Request) {',
          extra,
          '\treq, _ := http.NewRequest("GET", "http://stock/", nil)',
          '\thttp.DefaultClient.Do(req)',
          '\tfor _, id := range r.URL.Query()["id"] {',
          '\t\thttp.DefaultClient.Get("http://stock/" + id)',
          '\t}',
          '}',
          '',
          'func main() { http.HandleFunc("GET /list", list) }',
        );
      assert.deepEqual(hazardRows(await joined({ 'main.go': handler('') })), [
        'call-in-loop main.go:10:3 http.DefaultClient.Get [for sequential] → GET /list',
        'missing-timeout main.go:10:3 http.DefaultClient.Get → GET /list',
        'missing-timeout main.go:8:2 http.DefaultClient.Do → GET /list',
      ]);
      assert.deepEqual(hazardRows(await joined({ 'main.go': handler('\thttp.DefaultClient.Timeout = 5 * time.Second') })), [
        'call-in-loop main.go:10:3 http.DefaultClient.Get [for sequential] → GET /list',
      ]);
      // A request made with a context that has a deadline carries it (hatchet's security check); `Get` takes none.
      const deadline = handler('\tctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)\n\tdefer cancel()').replace('http.NewRequest("GET"', 'http.NewRequestWithContext(ctx, "GET"');
      assert.deepEqual(hazardRows(await joined({ 'main.go': deadline })), [
        'call-in-loop main.go:11:3 http.DefaultClient.Get [for sequential] → GET /list',
        'missing-timeout main.go:11:3 http.DefaultClient.Get → GET /list',
      ]);
    });

    it('a process-wide default set in another file of the service (axios.defaults.timeout at start-up, http.DefaultClient.Timeout in main) bounds the calls it covers; not one set to 0, nor one set by a test', async () => {
      const provider = lines(
        "const axios = require('axios');",
        'async function send(url, body) {',
        '  await axios.post(url, body);',
        "  const client = axios.create({ baseURL: url });",
        '  await fetch(url);',
        '}',
        'module.exports = { send };',
      );
      const rows = async (server: string, more: Record<string, string> = {}) =>
        hazardRows(await joined({ 'server/notify.js': provider, 'server/server.js': server, ...more })).filter((r) => r.startsWith('missing-timeout'));
      const all = ['missing-timeout server/notify.js:3:9 axios.post → -', 'missing-timeout server/notify.js:4:18 axios.create → -', 'missing-timeout server/notify.js:5:9 fetch → -'];
      assert.deepEqual(await rows("const axios = require('axios');\nfunction init() {}\n"), all);
      // uptime-kuma's server start-up: the default instance's calls have it; an instance made with create, or fetch, do not.
      assert.deepEqual(await rows("const axios = require('axios');\nfunction init() {\n  axios.defaults.timeout = 300 * 1000;\n}\n"), all.filter((r) => !r.includes('axios.post')));
      assert.deepEqual(await rows("const axios = require('axios');\naxios.defaults.timeout = 0;\n"), all);
      assert.deepEqual(await rows("const axios = require('axios');\n", { 'test/setup.js': "const axios = require('axios');\naxios.defaults.timeout = 1000;\n" }), all);
      const go = (extra: string) =>
        joined({
          'go.mod': 'module app\n',
          'main.go': lines('package main', '', 'import "net/http"', '', 'func main() {', extra, '\thttp.HandleFunc("GET /list", list)', '}'),
          'list.go': lines('package main', '', 'import "net/http"', '', 'func list(w http.ResponseWriter, r *http.Request) {', '\thttp.Get("http://stock/")', '}'),
        });
      assert.deepEqual(hazardRows(await go('')), ['missing-timeout list.go:6:2 http.Get → GET /list']);
      assert.deepEqual(hazardRows(await go('\thttp.DefaultClient.Timeout = 10 * time.Second')), []);
      // fider's init(): the default client replaced by one with a timeout; one replaced without a timeout has none.
      assert.deepEqual(hazardRows(await go('\thttp.DefaultClient = &http.Client{\n\t\tCheckRedirect: nil,\n\t\tTimeout: 30 * time.Second,\n\t}')), []);
      assert.deepEqual(hazardRows(await go('\thttp.DefaultClient = &http.Client{Transport: t}')), ['missing-timeout list.go:6:2 http.Get → GET /list', 'missing-timeout main.go:6:24 http.Client → -']);
      // A nested struct's timeout bounds only the dial; another client's, written after, is not the default's.
      assert.deepEqual(
        hazardRows(await go('\thttp.DefaultClient = &http.Client{Transport: &http.Transport{DialContext: dial(&net.Dialer{Timeout: 5 * time.Second})}}')).filter((r) => r.includes('http.Get')),
        ['missing-timeout list.go:6:2 http.Get → GET /list'],
      );
      assert.deepEqual(
        hazardRows(await go('\thttp.DefaultClient = &http.Client{Transport: t}\n\tother := &http.Client{Timeout: time.Second}')).filter((r) => r.includes('http.Get')),
        ['missing-timeout list.go:6:2 http.Get → GET /list'],
      );
      // go-github made without a client of its own uses the default one (flipt's SCM clients); given one, it uses that.
      const gh = (extra: string) =>
        joined({
          'go.mod': 'module app\n',
          'main.go': lines('package main', '', 'import "net/http"', '', 'func main() {', extra, '\thttp.HandleFunc("GET /prs", prs)', '}'),
          'prs.go': lines(
            'package main',
            '',
            'import (',
            '\t"net/http"',
            '\t"github.com/google/go-github/v66/github"',
            ')',
            '',
            'func prs(w http.ResponseWriter, r *http.Request) {',
            '\tgithub.NewClient(nil)',
            '\tgithub.NewClient(http.DefaultClient).WithAuthToken(token)',
            '\tgithub.NewClient(&http.Client{Timeout: 10 * time.Second})',
            '\tgithub.NewEnterpriseClient("https://ghe/api/v3/", "https://ghe/api/uploads/", nil)',
            '}',
          ),
        });
      assert.deepEqual(hazardRows(await gh('')), [
        'missing-timeout prs.go:10:2 github.NewClient → GET /prs',
        'missing-timeout prs.go:12:2 github.NewEnterpriseClient → GET /prs',
        'missing-timeout prs.go:9:2 github.NewClient → GET /prs',
      ]);
      assert.deepEqual(hazardRows(await gh('\thttp.DefaultClient.Timeout = 10 * time.Second')), []);
    });

    it('sqlc: a generated query without LIMIT is reported where a route reaches it, and a generated lookup per item is a query in a loop', async () => {
      // The shape of sqlc's output (query.sql.go: SQL in package constants, run on q.db) and a net/http server.
      const f = await joined({
        'go.mod': lines('module example.com/app', '', 'go 1.22'),
        'db/db.go': lines('// Code generated by sqlc. DO NOT EDIT.', '', 'package db', '', 'type Queries struct {', '\tdb DBTX', '}'),
        'db/query.sql.go': lines(
          '// Code generated by sqlc. DO NOT EDIT.',
          '',
          'package db',
          '',
          'const getAuthor = `-- name: GetAuthor :one',
          'SELECT id, name FROM authors WHERE id = $1 LIMIT 1',
          '`',
          '',
          'func (q *Queries) GetAuthor(ctx context.Context, id int64) (Author, error) {',
          '\trow := q.db.QueryRowContext(ctx, getAuthor, id)',
          '\tvar i Author',
          '\treturn i, row.Scan(&i.ID, &i.Name)',
          '}',
          '',
          'const listAuthors = `-- name: ListAuthors :many',
          'SELECT id, name FROM authors ORDER BY name',
          '`',
          '',
          'func (q *Queries) ListAuthors(ctx context.Context) ([]Author, error) {',
          '\trows, err := q.db.QueryContext(ctx, listAuthors)',
          '\treturn scan(rows, err)',
          '}',
          '',
          'const listBooks = `-- name: ListBooks :many',
          'SELECT id FROM books ORDER BY id',
          '`',
          '',
          'func (q *Queries) ListBooks(ctx context.Context) ([]Book, error) {',
          '\trows, err := q.db.QueryContext(ctx, listBooks)',
          '\treturn scan(rows, err)',
          '}',
        ),
        'main.go': lines(
          'package main',
          '',
          'import (',
          '\t"net/http"',
          '',
          '\t"example.com/app/db"',
          ')',
          '',
          'type server struct{ q *db.Queries }',
          '',
          'func (s *server) authors(w http.ResponseWriter, r *http.Request) {',
          '\tall, _ := s.q.ListAuthors(r.Context())',
          '\tfor _, a := range all {',
          '\t\ts.q.GetAuthor(r.Context(), a.ID)',
          '\t}',
          '}',
          '',
          'func main() {',
          '\ts := &server{}',
          '\thttp.HandleFunc("GET /authors", s.authors)',
          '}',
        ),
      });
      // ListBooks, which no route calls, is not reported: the generated file says nothing on its own.
      assert.deepEqual(hazardRows(f), [
        'query-in-loop main.go:14:3 s.q.GetAuthor → q.db.QueryRowContext [for sequential] → GET /authors',
        'unbounded-query db/query.sql.go:20:15 q.db.QueryContext → GET /authors',
      ]);
      assert.match(f.get('db/query.sql.go')!.hazards[0].explanation, /generated/);
    });

    it('an email sent per item is a call in a loop: JavaMailSender, Jakarta Mail, Django, smtplib, net/smtp; one sent once is not', async () => {
      // The shape of sqshq/piggymetrics' notification service: recipients.forEach(… emailService.send(…)).
      const f = await joined({
        'notify/Notifier.java': lines(
          'class Notifier {',
          '  private final JavaMailSender mailSender;',
          '  void remind(List<User> users) {',
          '    for (User u : users) {',
          '      mailSender.send(message(u));',
          '    }',
          '    users.forEach(u -> Transport.send(msg(u)));',
          '    mailSender.send(summary(users));',
          '  }',
          '}',
        ),
        'shop/notify.py': lines(
          'import smtplib',
          'from django.core.mail import send_mail, EmailMessage',
          '',
          'def notify(users):',
          '    for u in users:',
          '        send_mail("hi", "body", "from@x", [u.email])',
          '    with smtplib.SMTP("localhost") as server:',
          '        for u in users:',
          '            server.sendmail("from@x", [u.email], "msg")',
          '    for u in users:',
          '        EmailMessage("s", "b", to=[u.email]).send()',
          '    send_mail("done", "b", "from@x", ["ops@x"])',
        ),
        'mail/notify.go': lines('package mail', '', 'import "net/smtp"', '', 'func Notify(to []string) {', '\tfor _, t := range to {', '\t\tsmtp.SendMail("mail:25", nil, "from@x", []string{t}, []byte("hi"))', '\t}', '}'),
      });
      assert.deepEqual(hazardRows(f), [
        'call-in-loop mail/notify.go:7:3 smtp.SendMail [for sequential] → -',
        'call-in-loop notify/Notifier.java:5:7 mailSender.send [for-each sequential] → -',
        'call-in-loop notify/Notifier.java:7:24 Transport.send [.forEach() sequential] → -',
        'call-in-loop shop/notify.py:11:9 EmailMessage.send [for sequential] → -',
        'call-in-loop shop/notify.py:6:9 send_mail [for sequential] → -',
        'call-in-loop shop/notify.py:9:13 server.sendmail [for sequential] → -',
      ]);
    });

    it('a migration runner, a job on a ticker (a select on ticker.C, a range over ticker.C or time.Tick) and a consumer of a channel are not loops over items; an Alembic migration reports nothing, even through the join', async () => {
      // The shapes of benbjohnson/wtf's sqlite.go and Netflix/dispatch's revisions/…/versions/*.py.
      const f = await joined({
        'sqlite/sqlite.go': lines(
          'package sqlite',
          '',
          'func (db *DB) migrate() error {',
          '\tfor _, name := range names {',
          '\t\tdb.db.Exec("INSERT INTO migrations (name) VALUES (?)", name)',
          '\t}',
          '\treturn nil',
          '}',
          '',
          // Named for what it does first (paperless-ngx's vector store: check_and_run_migrations).
          'func (db *DB) checkAndRunMigrations() {',
          '\tfor _, name := range names {',
          '\t\tdb.db.Exec("INSERT INTO migrations (name) VALUES (?)", name)',
          '\t}',
          '}',
          '',
          'func (db *DB) monitor() {',
          '\tticker := time.NewTicker(10 * time.Second)',
          '\tfor {',
          '\t\tselect {',
          '\t\tcase <-db.ctx.Done():',
          '\t\t\treturn',
          '\t\tcase <-ticker.C:',
          '\t\t}',
          '\t\tdb.db.QueryRow("SELECT COUNT(1) FROM users")',
          '\t}',
          '}',
          '',
          'func (db *DB) purge() {',
          '\tticker := time.NewTicker(time.Hour)',
          '\tfor range ticker.C {',
          '\t\tdb.db.Exec("DELETE FROM tokens WHERE expiry < now()")',
          '\t}',
          '\tfor range time.Tick(time.Minute) {',
          '\t\tdb.db.Exec("DELETE FROM sessions WHERE expiry < now()")',
          '\t}',
          '}',
          '',
          'func (db *DB) touchAll(ids []int) {',
          '\tfor _, id := range ids {',
          '\t\tdb.db.Exec("UPDATE users SET seen = 1 WHERE id = ?", id)',
          '\t}',
          '}',
          '',
          // memos' webhook workers: a range over a channel the file makes is a consumer, once per message.
          'var queue = make(chan int, 128)',
          '',
          'func (db *DB) consume(events <-chan int) {',
          '\tfor id := range queue {',
          '\t\tdb.db.Exec("UPDATE users SET seen = 1 WHERE id = ?", id)',
          '\t}',
          '\tfor id := range events {',
          '\t\tdb.db.Exec("UPDATE users SET seen = 1 WHERE id = ?", id)',
          '\t}',
          '}',
          '',
          // A subscription's channel (wakapi's event bus), a broker's consumer (amqp); a method's slice is still items.
          'func (db *DB) listen(sub *hub.Subscription, ch *amqp.Channel, thread *Thread) {',
          '\tfor m := range sub.Receiver {',
          '\t\tdb.db.Exec("UPDATE users SET seen = 1 WHERE id = ?", m)',
          '\t}',
          '\tmsgs, _ := ch.Consume("q", "", true, false, false, false, nil)',
          '\tfor d := range msgs {',
          '\t\tdb.db.Exec("UPDATE users SET seen = 1 WHERE id = ?", d)',
          '\t}',
          '\tfor _, m := range thread.Messages() {',
          '\t\tdb.db.Exec("UPDATE users SET seen = 1 WHERE id = ?", m)', // per item
          '\t}',
          '}',
        ),
        'app/helpers.py': lines('def rename(session, name):', '    session.execute(text("UPDATE t SET n = :n"), {"n": name})'),
        'db/revisions/versions/2023-01-30_e4b4991dddcd.py': lines(
          'from alembic import op',
          'from app.helpers import rename',
          '',
          'def upgrade():',
          '    for name in NAMES:',
          '        rename(op.get_bind(), name)',
          '        op.execute(f"UPDATE t SET n = \'{name}\'")',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop sqlite/sqlite.go:40:3 db.db.Exec [for sequential] → -', 'query-in-loop sqlite/sqlite.go:64:3 db.db.Exec [for sequential] → -']);
    });

    it('a loop that starts a pool of workers (as many as its concurrency or its maximum, or a number written in place) is no loop over items; what a worker does per task still is', async () => {
      // The shape of navidrome's plugin task queue: `for i := 0; i < config.Concurrency; i++ { s.wg.Go(func() { s.worker(name) }) }`.
      const f = await joined({
        'queue/queue.go': lines(
          'package queue',
          '',
          'func (s *Service) Start(config Config, names []string) {',
          '	for i := int32(0); i < config.Concurrency; i++ {',
          '		s.wg.Go(func() { s.worker() })',
          '	}',
          '	for w := 0; w < numWorkers; w++ {',
          '		go s.worker()',
          '	}',
          '	for _, name := range names {',
          '		go s.worker()', // 11: one worker per name given: per item
          '	}',
          '	for range 4 {', // memos' webhook senders: a pool of a size written in place
          '		go func() { s.worker() }()',
          '	}',
          '	for i := range maxWorkflows {', // woodpecker's agent: as many runners as it may run workflows at once
          '		g.Go(func() error { s.worker(); return nil })',
          '	}',
          '	for _, name := range names[:min(len(names), maxTargets)] {', // a list capped by a maximum: per item
          '		go s.worker()',
          '	}',
          '}',
          '',
          'func (s *Service) worker() {',
          '	s.db.QueryRow("SELECT id FROM tasks LIMIT 1")',
          '}',
        ),
        'pool.py': lines(
          'import threading',
          '',
          'def start(db, cursor, num_workers, items):',
          '    for _ in range(num_workers):',
          '        threading.Thread(target=lambda: db.execute("SELECT 1")).start()',
          '    for item in items:',
          '        cursor.execute("UPDATE t SET seen = 1 WHERE id = %s", item)', // 7: per item
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop pool.py:7:9 cursor.execute [for sequential] → -',
        'query-in-loop queue/queue.go:11:6 s.worker → s.db.QueryRow [for parallel] → -',
        'query-in-loop queue/queue.go:20:6 s.worker → s.db.QueryRow [for parallel] → -',
      ]);
    });

    it("gin: a group passed to another package's register function gives its routes the full path; a test's own wiring and routes do not", async () => {
      // The shape of gothinkster/golang-gin-realworld-example-app: users.UsersRegister(v1.Group("/users")).
      const f = await joined({
        'main.go': lines(
          'package main',
          '',
          'import (',
          '\t"github.com/acme/shop/users"',
          '\t"github.com/gin-gonic/gin"',
          ')',
          '',
          'func main() {',
          '\tr := gin.Default()',
          '\tv1 := r.Group("/api")',
          '\tusers.Register(v1.Group("/users"))',
          '\tr.Run()',
          '}',
        ),
        'users/routers.go': lines(
          'package users',
          '',
          'import "github.com/gin-gonic/gin"',
          '',
          'func Register(router *gin.RouterGroup) {',
          '\trouter.POST("/", create)',
          '\trouter.GET("/:id", show)',
          '}',
          '',
          'func create(c *gin.Context) {}',
          'func show(c *gin.Context)   {}',
        ),
        'users/routers_test.go': lines('package users', '', 'func TestRegister(t *testing.T) {', '\tr := gin.New()', '\tRegister(r.Group("/users"))', '}'),
        // common/unit_test.go's own route: served by the test's router only, never in production.
        'common/unit_test.go': lines('package common', '', 'func TestLogin(t *testing.T) {', '\tr := gin.New()', '\tr.POST("/login", func(c *gin.Context) {})', '}'),
      });
      assert.deepEqual(routeRows(f), [
        // gin keeps the route's own trailing slash under a group, as c.FullPath() reports it.
        ['POST', '/api/users/', 'users/routers.go', 5, 'gin'],
        ['GET', '/api/users/:id', 'users/routers.go', 6, 'gin'],
      ]);
    });

    it("fiber: a group kept in a variable and given to another package's function prefixes the routes it registers there", async () => {
      // The shape of evrone/go-clean-template: apiV1Group := app.Group("/v1"); v1.NewRoutes(apiV1Group, …).
      const f = await joined({
        'router.go': lines(
          'package restapi',
          '',
          'import (',
          '\t"github.com/acme/shop/v1"',
          '\t"github.com/gofiber/fiber/v2"',
          ')',
          '',
          'func NewRouter(app *fiber.App, t Translation) {',
          '\tapp.Get("/healthz", func(ctx *fiber.Ctx) error { return nil })',
          '\tapiV1Group := app.Group("/v1")',
          '\t{',
          '\t\tapiV1Group.Use(logger())',
          '\t\tv1.NewRoutes(apiV1Group, t)',
          '\t}',
          '}',
        ),
        'v1/router.go': lines(
          'package v1',
          '',
          'import "github.com/gofiber/fiber/v2"',
          '',
          'func NewRoutes(apiV1Group fiber.Router, t Translation) {',
          '\tauthGroup := apiV1Group.Group("/auth")',
          '\tauthGroup.Post("/register", register)',
          '\tapiV1Group.Get("/tasks/:id", task)',
          '}',
          '',
          'func register(ctx *fiber.Ctx) error { return nil }',
          'func task(ctx *fiber.Ctx) error     { return nil }',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/healthz', 'router.go', 8, 'fiber'],
        ['POST', '/v1/auth/register', 'v1/router.go', 6, 'fiber'],
        ['GET', '/v1/tasks/:id', 'v1/router.go', 7, 'fiber'],
      ]);
    });

    it('echo: a group variable belongs to its function: the parameter `a` of a register function in the same file is not the caller\'s `a := e.Group("/api/v1")` (vikunja)', async () => {
      const f = await joined({
        'go.mod': 'module code.vikunja.io/api\n',
        'routes.go': lines(
          'package routes',
          '',
          'import "github.com/labstack/echo/v5"',
          '',
          'func RegisterRoutes(e *echo.Echo) {',
          '\ta := e.Group("/api/v1")',
          '\tregisterAPIRoutes(a)',
          '}',
          '',
          'func registerAPIRoutes(a *echo.Group) {',
          '\tn := a.Group("")',
          '\tn.GET("/docs", docs)',
          '\tu := a.Group("/user")',
          '\tu.GET("", userShow)',
          '}',
          '',
          'func docs(c echo.Context) error     { return nil }',
          'func userShow(c echo.Context) error { return nil }',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/api/v1/docs', 'routes.go', 11, 'echo'],
        ['GET', '/api/v1/user', 'routes.go', 13, 'echo'],
      ]);
    });

    it('ozzo-routing: To("GET,HEAD", …) is a route per method; groups given to register functions in other packages', async () => {
      // The shape of qiangxue/go-rest-api.
      const f = await joined({
        'cmd/server/main.go': lines(
          'package main',
          '',
          'import (',
          '\t"github.com/acme/api/internal/album"',
          '\t"github.com/acme/api/internal/healthcheck"',
          '\trouting "github.com/go-ozzo/ozzo-routing/v2"',
          ')',
          '',
          'func buildHandler() *routing.Router {',
          '\trouter := routing.New()',
          '\thealthcheck.RegisterHandlers(router, Version)',
          '\trg := router.Group("/v1")',
          '\talbum.RegisterHandlers(rg.Group(""), service)',
          '\treturn router',
          '}',
        ),
        'internal/healthcheck/api.go': lines(
          'package healthcheck',
          '',
          'import routing "github.com/go-ozzo/ozzo-routing/v2"',
          '',
          'func RegisterHandlers(r *routing.Router, version string) {',
          '\tr.To("GET,HEAD", "/healthcheck", healthcheck(version))',
          '}',
          '',
          'func healthcheck(version string) routing.Handler {',
          '\treturn func(c *routing.Context) error { return c.Write("OK " + version) }',
          '}',
        ),
        'internal/album/api.go': lines(
          'package album',
          '',
          'import routing "github.com/go-ozzo/ozzo-routing/v2"',
          '',
          'func RegisterHandlers(r *routing.RouteGroup, service Service) {',
          '\tres := resource{service}',
          '\tr.Get("/albums/<id>", res.get)',
          '\tr.Post("/albums/", res.create)',
          '}',
        ),
        // Not ozzo-routing: a To method of something else.
        'internal/units/convert.go': lines('package units', '', 'func Convert(m Mapper) {', '\tm.To("GET", "/x", handler)', '}'),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/v1/albums/<id>', 'internal/album/api.go', 6, 'ozzo-routing'],
        ['POST', '/v1/albums/', 'internal/album/api.go', 7, 'ozzo-routing'],
        ['GET', '/healthcheck', 'internal/healthcheck/api.go', 5, 'ozzo-routing'],
        ['HEAD', '/healthcheck', 'internal/healthcheck/api.go', 5, 'ozzo-routing'],
      ]);
    });

    it("Macaron (gogs): Combo(path).Get(h).Post(h) is a route per link, Route(path, \"GET,POST\", h) one per method (also spread from a list of handlers, methods joined from http.MethodGet…), inside Group callbacks; a router a group callback hands to a function (gogs' API, chi) keeps the group's prefix, and so do routes kept in a closure a group is given by name or calls (under each such group), and the router a Macaron value embeds (`m.Router`)", async () => {
      // The shape of gogs' cmd/gogs/internal/web/web.go.
      const f = await joined({
        'web.go': lines(
          'package web',
          '',
          'import (',
          '\t"gopkg.in/macaron.v1"',
          '\tapiv1 "gogs.io/gogs/internal/route/api/v1"',
          '\t"gogs.io/gogs/internal/route/lfs"',
          ')',
          '',
          'func routes(m *macaron.Macaron) {',
          '\tm.Group("/api", func() {',
          '\t\tapiv1.RegisterRoutes(m)',
          '\t})',
          '\tm.Group("/user/settings", func() {',
          '\t\tm.Get("", user.Settings)',
          '\t\tm.Combo("/avatar").Get(user.SettingsAvatar).',
          '\t\t\tPost(binding.MultipartForm(form.Avatar{}), user.SettingsAvatarPost)',
          '\t\tsettingsHandler := user.NewSettingsHandler(user.NewSettingsStore())',
          '\t\tm.Combo("/applications").Get(settingsHandler.Applications())',
          '\t\tm.Route("/delete", "GET,POST", user.SettingsDelete)',
          '\t}, reqSignIn)',
          '\tm.Combo("").Delete(repo.Remove)',
          '\t// Not a route: a Combo of something else, a Route without methods.',
          '\tq.Combo("avatar").Get(x)',
          '\tm.Route("/x", "any text", h)',
          // gogs' Git smart HTTP: a list of handlers spread, the last one the handler; methods joined from net/http's names.
          '\tgitHTTP := []macaron.Handler{context.ServeGoGet(), repo.HTTPContexter(repo.NewStore(), opts), repo.HTTP}',
          '\tm.Route("/info/refs", "GET,OPTIONS", gitHTTP...)',
          '\tm.Route("/healthcheck", http.MethodHead+","+http.MethodGet, healthCheck)',
          // A list whose last handler is made by a call: not a handler of the workspace this can name (not `opts`).
          '\tmade := []macaron.Handler{reqSignIn, repo.Wrap(repo.HTTP, opts)}',
          '\tm.Route("/made", "GET", made...)',
          // Routes kept in a closure and given to a group by name (gogs' webhookRoutes).
          '\thookRoutes := func() {',
          '\t\tm.Get("", repo.Webhooks)',
          '\t\tm.Post("/new", repo.WebhooksNew)',
          '\t}',
          '\tm.Group("/org/:org/settings/hooks", hookRoutes)',
          // The same closure called in another group's callback (gogs' repository settings): its routes there too.
          '\tm.Group("/:username/:reponame/settings", func() {',
          '\t\tm.Group("/hooks", func() {',
          '\t\t\thookRoutes()',
          '\t\t})',
          '\t})',
          // The router the Macaron value embeds, handed to a function (gogs' `lfs.RegisterRoutes(m.Router)`).
          '\tm.Group("/:username/:reponame/info/lfs", func() {',
          '\t\tlfs.RegisterRoutes(m.Router)',
          '\t})',
          '}',
          'func healthCheck(w http.ResponseWriter) {}',
          'func opts(w http.ResponseWriter) {}',
        ),
        // The API's routes, registered by a function the group above hands its router to.
        'internal/route/api/v1/api.go': lines(
          'package v1',
          '',
          'import "gopkg.in/macaron.v1"',
          '',
          'func RegisterRoutes(m *macaron.Macaron) {',
          '\tm.Group("/v1", func() {',
          '\t\tm.Combo("/user/repos").Get(repo.ListMyRepos).Post(repo.Create)',
          '\t})',
          '}',
        ),
        'internal/route/lfs/route.go': lines(
          'package lfs',
          '',
          'import "gopkg.in/macaron.v1"',
          '',
          'func RegisterRoutes(r *macaron.Router) {',
          '\tr.Group("", func() {',
          '\t\tr.Post("/objects/batch", serveBatch)',
          '\t})',
          '}',
          'func serveBatch(c *macaron.Context) {}',
        ),
        // chi: the same with the callback's own router.
        'chi/main.go': lines(
          'package main',
          '',
          'import (',
          '\t"github.com/go-chi/chi/v5"',
          '\t"github.com/acme/shop/handlers"',
          ')',
          '',
          'func main() {',
          '\tr := chi.NewRouter()',
          '\tr.Route("/shop", func(sr chi.Router) {',
          '\t\thandlers.Register(sr)',
          '\t})',
          '}',
        ),
        'chi/handlers/register.go': lines(
          'package handlers',
          '',
          'import "github.com/go-chi/chi/v5"',
          '',
          'func Register(r chi.Router) {',
          '\tr.Get("/items", listItems)',
          '}',
          '',
          'func listItems(w http.ResponseWriter, r *http.Request) {}',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/shop/items', 'chi/handlers/register.go', 5, 'chi'],
        ['GET', '/api/v1/user/repos', 'internal/route/api/v1/api.go', 6, 'chi'],
        ['POST', '/api/v1/user/repos', 'internal/route/api/v1/api.go', 6, 'chi'],
        ['POST', '/:username/:reponame/info/lfs/objects/batch', 'internal/route/lfs/route.go', 6, 'chi'],
        ['GET', '/user/settings', 'web.go', 13, 'chi'],
        ['GET', '/user/settings/avatar', 'web.go', 14, 'chi'],
        ['POST', '/user/settings/avatar', 'web.go', 14, 'chi'],
        ['GET', '/user/settings/applications', 'web.go', 17, 'chi'],
        ['GET', '/user/settings/delete', 'web.go', 18, 'chi'],
        ['POST', '/user/settings/delete', 'web.go', 18, 'chi'],
        ['DELETE', '/', 'web.go', 20, 'chi'],
        ['GET', '/info/refs', 'web.go', 25, 'chi'],
        ['OPTIONS', '/info/refs', 'web.go', 25, 'chi'],
        ['GET', '/healthcheck', 'web.go', 26, 'chi'],
        ['HEAD', '/healthcheck', 'web.go', 26, 'chi'],
        ['GET', '/:username/:reponame/settings/hooks', 'web.go', 30, 'chi'],
        ['GET', '/org/:org/settings/hooks', 'web.go', 30, 'chi'],
        ['POST', '/:username/:reponame/settings/hooks/new', 'web.go', 31, 'chi'],
        ['POST', '/org/:org/settings/hooks/new', 'web.go', 31, 'chi'],
      ]);
    });

    it('chi: a trailing slash is dropped, as RoutePattern() reports it (v5.0.10+); With(mw) routes; a resource mounted by T{}.Routes() from another file of the package', async () => {
      const f = await joined({
        'main.go': lines(
          'package main',
          '',
          'import (',
          '\t"github.com/acme/shop/api"',
          '\t"github.com/go-chi/chi/v5"',
          ')',
          '',
          'func main() {',
          '\tr := chi.NewRouter()',
          '\tr.Get("/items/", list)',
          '\tr.Get("/", home)',
          '\tr.Route("/admin", func(r chi.Router) {',
          '\t\tr.Get("/", dashboard)',
          '\t\tr.Post("/users/", createUser)',
          '\t})',
          '\tr.Mount("/api", api.Routes())',
          '\tr.With(paginate).Get("/feed/", feed)',
          '\tr.Mount("/todos", todosResource{}.Routes())',
          '\tr.Mount("/users", &usersResource{})',
          '}',
          '',
          'func list(w http.ResponseWriter, r *http.Request)       {}',
          'func home(w http.ResponseWriter, r *http.Request)       {}',
          'func dashboard(w http.ResponseWriter, r *http.Request)  {}',
          'func createUser(w http.ResponseWriter, r *http.Request) {}',
          'func feed(w http.ResponseWriter, r *http.Request)       {}',
        ),
        // chi's resource pattern: two types of the package, each with its own Routes method.
        'todos.go': lines(
          'package main',
          '',
          'type todosResource struct{}',
          '',
          'func (rs todosResource) Routes() chi.Router {',
          '\tr := chi.NewRouter()',
          '\tr.Get("/{id}", rs.Get)',
          '\treturn r',
          '}',
        ),
        'users.go': lines(
          'package main',
          '',
          'type usersResource struct{}',
          '',
          'func (rs usersResource) Routes() chi.Router {',
          '\tr := chi.NewRouter()',
          '\tr.Get("/{id}", rs.Get)',
          '\treturn r',
          '}',
        ),
        'api/routes.go': lines(
          'package api',
          '',
          'import "github.com/go-chi/chi/v5"',
          '',
          'func Routes() chi.Router {',
          '\tr := chi.NewRouter()',
          '\tr.Get("/", index)',
          '\tr.Get("/orders/", orders)',
          '\treturn r',
          '}',
          '',
          'func index(w http.ResponseWriter, r *http.Request)  {}',
          'func orders(w http.ResponseWriter, r *http.Request) {}',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/api', 'api/routes.go', 6, 'chi'],
        ['GET', '/api/orders', 'api/routes.go', 7, 'chi'],
        ['GET', '/items', 'main.go', 9, 'chi'],
        ['GET', '/', 'main.go', 10, 'chi'],
        ['GET', '/admin', 'main.go', 12, 'chi'],
        ['POST', '/admin/users', 'main.go', 13, 'chi'],
        // `r.With(mw).Get`: inline middleware, the route is r's.
        ['GET', '/feed', 'main.go', 16, 'chi'],
        ['GET', '/todos/{id}', 'todos.go', 6, 'chi'],
        // Mounted as a value, not through its Routes method: not followed, so the route keeps its own path.
        ['GET', '/{id}', 'users.go', 6, 'chi'],
      ]);
    });

    it("gin: a group made of what a function was handed, handed on to another (alist's admin(g) → SetupTaskRoute(g.Group(\"/task\")) → taskRoute(g.Group(\"/upload\"))), under every prefix above", async () => {
      const f = await joined({
        'go.mod': 'module github.com/alist-org/alist/v3\n',
        'server/router.go': lines(
          'package server',
          '',
          'import (',
          '\t"github.com/alist-org/alist/v3/server/handles"',
          '\t"github.com/gin-gonic/gin"',
          ')',
          '',
          'func Init(e *gin.Engine) {',
          '\tapi := e.Group("/api")',
          '\tadmin(api.Group("/admin"))',
          '}',
          '',
          'func admin(g *gin.RouterGroup) {',
          '\tg.GET("/setting/list", handles.ListSettings)',
          '\thandles.SetupTaskRoute(g.Group("/task"))',
          '}',
        ),
        'server/handles/task.go': lines(
          'package handles',
          '',
          'import "github.com/gin-gonic/gin"',
          '',
          'func SetupTaskRoute(g *gin.RouterGroup) {',
          '\ttaskRoute(g.Group("/upload"))',
          '}',
          '',
          'func taskRoute(g *gin.RouterGroup) {',
          '\tg.GET("/undone", undone)',
          '}',
          '',
          'func ListSettings(c *gin.Context) {}',
          'func undone(c *gin.Context)       {}',
        ),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), ['GET /api/admin/setting/list', 'GET /api/admin/task/upload/undone']);
    });

    it("echo: named as echo, not gin; a group's prefix and the route's own trailing slash kept, as c.Path() reports them; a factory's handler", async () => {
      const f = await joined({
        'main.go': lines(
          'package main',
          '',
          'import (',
          '\t"github.com/acme/shop/users"',
          '\t"github.com/labstack/echo/v4"',
          ')',
          '',
          'func main() {',
          '\te := echo.New()',
          '\te.GET("/health/", health)',
          '\tv1 := e.Group("/v1")',
          '\tv1.GET("", root)',
          '\tusers.Register(v1.Group("/users"))',
          '\te.GET("/metrics", echoprometheus.NewHandler())',
          '\te.GET("/all", all, requireLogin)', // opengist: the handler, then middleware
          '}',
          '',
          'func health(c echo.Context) error { return nil }',
          'func root(c echo.Context) error   { return nil }',
          'func all(c echo.Context) error    { return nil }',
          'func requireLogin(next echo.HandlerFunc) echo.HandlerFunc { return next }',
        ),
        'users/routes.go': lines(
          'package users',
          '',
          'import "github.com/labstack/echo/v4"',
          '',
          'func Register(g *echo.Group) {',
          '\tg.POST("/", create)',
          '}',
          '',
          'func create(c echo.Context) error { return nil }',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/health/', 'main.go', 9, 'echo'],
        ['GET', '/v1', 'main.go', 11, 'echo'],
        // A handler made by a factory.
        ['GET', '/metrics', 'main.go', 13, 'echo'],
        ['GET', '/all', 'main.go', 14, 'echo'],
        ['POST', '/v1/users/', 'users/routes.go', 5, 'echo'],
      ]);
      const all = f.get('main.go')!.routes.find((r) => r.path === '/all')!;
      assert.equal(all.handler.start.line, 19); // func all, not the middleware after it
    });

    it("echo: a project's own group maker given a path (opengist's sA := r.SubGroup(\"/-/settings\")) is a group under that path", async () => {
      const f = await joined({
        'router.go': lines(
          'package server',
          '',
          'import "github.com/labstack/echo/v4"',
          '',
          'func (s *Server) registerRoutes(r *Router) {',
          '\tsA := r.SubGroup("/-/settings")',
          '\tsA.GET("/ssh", sshKeys)',
          '\tapi := r.SubGroup("/api", requireLogin)',
          '\tsingle := api.SubGroup("")',
          '\tsingle.GET("/gists", gists)',
          '}',
          '',
          'type Router struct{ *echo.Group }',
          '',
          'func (r *Router) SubGroup(prefix string, m ...echo.MiddlewareFunc) *Router { return &Router{r.Group.Group(prefix, m...)} }',
          'func sshKeys(c echo.Context) error { return nil }',
          'func gists(c echo.Context) error   { return nil }',
        ),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]}`).sort(), ['GET /-/settings/ssh', 'GET /api/gists']);
    });

    it("echo: a path joined with path.Join from a constant (listmonk's admin pages), as Go joins it", async () => {
      const f = await joined({
        'cmd/handlers.go': lines(
          'package main',
          '',
          'import (',
          '	"path"',
          '	"github.com/labstack/echo/v4"',
          ')',
          '',
          'const (',
          '	uriAdmin = "/admin"',
          ')',
          '',
          'func initHTTPHandlers(e *echo.Echo, a *App) {',
          '	g := e.Group("")',
          '	g.GET(path.Join(uriAdmin, ""), a.AdminPage)', // 13
          '	g.GET(path.Join(uriAdmin, "/custom.css"), a.AdminPage)',
          '	g.GET(path.Join(uriAdmin, "/*"), a.AdminPage)',
          '	g.GET(path.Join(uriAdmin, "assets/"), a.AdminPage)',
          '	g.GET(path.Join(uriAdmin, prefix()), a.AdminPage)', // not known: not listed
          '}',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/admin', 'cmd/handlers.go', 13, 'echo'],
        ['GET', '/admin/custom.css', 'cmd/handlers.go', 14, 'echo'],
        ['GET', '/admin/*', 'cmd/handlers.go', 15, 'echo'],
        ['GET', '/admin/assets', 'cmd/handlers.go', 16, 'echo'],
      ]);
    });

    it("GORM's FirstOrCreate, Related and Count are queries: per item in a loop (golang-gin-realworld's tags and feed)", async () => {
      const f = await joined({
        'models.go': lines(
          'package articles',
          'func (m *ArticleModel) setTags(tags []string) {',
          '\tdb := common.GetDB()',
          '\tfor _, tag := range tags {',
          '\t\tdb.FirstOrCreate(&tagModel, TagModel{Tag: tag})',
          '\t}',
          '\tfor i := range models {',
          '\t\ttx.Model(&models[i]).Related(&models[i].Author, "Author")',
          '\t\tdb.Model(&FavoriteModel{}).Where("article_id = ?", i).Count(&n)',
          // A package's exported handle (gin-vue-admin's `global.GVA_DB`), or a value's (`app.DB`).
          '\t\tglobal.GVA_DB.Where("parent_id = ?", i).Find(&children)',
          '\t\tapp.DB.Create(&models[i])',
          // Not a client: an exported field of another kind; nor a GORM hook registered (gin-vue-admin's data scope).
          '\t\tc.Request.Context()',
          '\t\tdb.Callback().Query().Before("gorm:query").Register("scope", scope)',
          '\t}',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f).map((r) => r.split(' → ')[0]), [
        'query-in-loop models.go:10:3 global.GVA_DB.Where.Find [for sequential]',
        'query-in-loop models.go:11:3 app.DB.Create [for sequential]',
        'query-in-loop models.go:5:3 db.FirstOrCreate [for sequential]',
        'query-in-loop models.go:8:3 tx.Model.Related [for sequential]',
        'query-in-loop models.go:9:3 db.Model.Where.Count [for sequential]',
      ]);
    });

    it('echo or gin is read from the import: an edit of the import alone renames the routes of untouched statements', async () => {
      const gin = lines('package main', '', 'import "github.com/gin-gonic/gin"', '', 'func main() {', '\te := gin.New()', '\te.GET("/ping", ping)', '}', '', 'func ping(c *gin.Context) {}');
      const index = new CodeIndex(grammars);
      await index.analyzeEdit('main.go', gin);
      const frameworks = () => index.link().flatMap((a) => a.routes.map((r) => r.framework));
      assert.deepEqual(frameworks(), ['gin']);
      await index.analyzeEdit('main.go', gin.replace('github.com/gin-gonic/gin', 'github.com/labstack/echo/v4'));
      assert.deepEqual(frameworks(), ['echo']);
    });

    it('xorm (woodpecker\'s datastore): the engine\'s and a session\'s queries, per item in a loop, and Find without Limit; not limited, by keys, or in a file without xorm', async () => {
      const f = await joined({
        'server/store/datastore/repo.go': lines(
          'package datastore',
          '',
          'import "xorm.io/xorm"',
          '',
          'type storage struct{ engine *xorm.Engine }',
          '',
          'func (s storage) RepoList(ids []int64) ([]*Repo, error) {',
          '\trepos := make([]*Repo, 0)',
          '\tfor _, id := range ids {',
          '\t\ts.engine.Where("id = ?", id).Get(&Repo{})',
          '\t}',
          '\treturn repos, s.engine.Table("repos").Where("active = ?", true).Find(&repos)',
          '}',
          '',
          'func (s storage) deleteAll(sess *xorm.Session, ids []int64) error {',
          '\tfor _, id := range ids {',
          '\t\tsess.ID(id).Delete(new(Repo))',
          '\t}',
          '\tvar some []*Repo',
          '\tsess.In("id", ids).Find(&some)',
          '\tsess.Where("org_id = ?", 1).Limit(50).Find(&some)',
          '\treturn nil',
          '}',
        ),
        // Not xorm: a struct of the project's own with a field named engine.
        'server/render/render.go': lines('package render', '', 'func (r *Renderer) All(pages []Page) {', '\tfor _, p := range pages {', '\t\tr.engine.Get(p.Name)', '\t}', '}'),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop server/store/datastore/repo.go:10:3 s.engine.Where.Get [for sequential] → -',
        'query-in-loop server/store/datastore/repo.go:17:3 sess.ID.Delete [for sequential] → -',
        'unbounded-query server/store/datastore/repo.go:12:16 s.engine.Table.Where.Find → -',
      ]);
    });

    it("xorm through a package's exported engine or a DB field with xorm's own builders, in files that do not import xorm (casdoor, apache/answer); not GORM's, nor a project's own Engine", async () => {
      const f = await joined({
        // casdoor: `ormer` is declared once in the package (`Engine *xorm.Engine`), used from every other file.
        'object/user.go': lines(
          'package object',
          '',
          'func GetUsers(owner string) ([]*User, error) {',
          '	users := []*User{}',
          '	err := ormer.Engine.Desc("created_time").Find(&users, &User{Owner: owner})',
          '	for _, u := range users {',
          '		ormer.Engine.ID(core.PK{owner, u.Name}).Get(&Record{})',
          '	}',
          '	ormer.Engine.Limit(10).Find(&users)',
          '	return users, err',
          '}',
        ),
        // answer: `r.data.DB` is `*xorm.Engine`, declared in another package.
        'internal/repo/vote.go': lines(
          'package repo',
          '',
          'func (r *voteRepo) Statuses(ctx context.Context, ids []string) {',
          '	for _, id := range ids {',
          '		r.data.DB.Context(ctx).Where("object_id = ?", id).Exist(&Vote{})',
          '	}',
          '	r.data.DB.Context(ctx).Where(builder.Eq{"object_id": ids[0]}).OrderBy("created_at DESC").Find(&list)',
          '	r.data.DB.Context(ctx).OrderBy("created_at DESC").Find(&list)',
          '}',
          '',
          // A run GORM has not (`Get`, `Exist`, `Insert`…) after a condition: xorm's without its own builders.
          'func (r *voteRepo) Users(ids []string) {',
          '	for _, id := range ids {',
          '		u := &User{}',
          '		r.data.DB.Where("id = ?", id).Get(u)', // 14
          '	}',
          '}',
        ),
        // GORM's `DB` (no xorm builder) is judged by the GORM rules; a project's own `Engine` with no xorm method is not a query.
        'internal/store/gorm.go': lines(
          'package store',
          '',
          'func (s *Store) Names(ids []int) {',
          '	for _, id := range ids {',
          '		s.cfg.Engine.Render(id)',
          '		s.app.DB.WithContext(ctx).Where("id = ?", id).First(&Item{})',
          '	}',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop internal/repo/vote.go:14:3 r.data.DB.Where.Get [for sequential] → -',
        'query-in-loop internal/repo/vote.go:5:3 r.data.DB.Context.Where.Exist [for sequential] → -',
        'query-in-loop internal/store/gorm.go:6:3 s.app.DB.WithContext.Where.First [for sequential] → -',
        'query-in-loop object/user.go:7:3 ormer.Engine.ID.Get [for sequential] → -',
        'unbounded-query internal/repo/vote.go:8:2 r.data.DB.Context.OrderBy.Find → -',
        'unbounded-query object/user.go:5:9 ormer.Engine.Desc.Find → -',
      ]);
    });

    it('ent (beer-shop\'s data layer): a query without Limit, per item in a loop, a create saved per item; not limited, one row, narrowed by a key, a parent\'s key (an edge of one row) or a list given, nor net/http\'s URL query', async () => {
      const f = await joined({
        'app/user/internal/data/address.go': lines(
          'package data',
          '',
          'func (r *addressRepo) ListAddress(ctx context.Context, uid int64) ([]*Address, error) {',
          '\tpos, err := r.data.db.Address.Query().All(ctx)',
          '\tfor _, po := range pos {',
          '\t\tr.data.db.User.Query().Where(user.ID(po.UserID)).Only(ctx)',
          '\t\tr.data.db.Audit.Create().SetAddress(po.ID).Save(ctx)',
          '\t}',
          '\tr.data.db.User.Query().Where(user.ID(uid)).QueryCards().AllX(ctx)',
          '\tr.data.db.Address.Query().Order(ent.Desc("id")).Limit(20).All(ctx)',
          '\tr.data.db.Address.Query().Where(address.UserID(uid)).First(ctx)',
          // Narrowed by a parent's key or a list the caller gives (cloudreve's metadata and settings reads).
          '\tr.data.db.Metadata.Query().Where(metadata.FileID(uid)).All(ctx)',
          '\tr.data.db.Setting.Query().Where(setting.NameIn(names...)).All(ctx)',
          '\tr.data.db.Setting.Query().Where(setting.Public(true)).All(ctx)', // 14: every public one
          '\tr.data.db.Setting.Query().Where(setting.IDNotIn(ids...)).All(ctx)', // 15: every other one
          '\treturn nil, err',
          '}',
          '',
          'func page(w http.ResponseWriter, r *http.Request) {',
          '\tfor _, k := range keys {',
          '\t\tr.URL.Query().Get(k)',
          '\t}',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop app/user/internal/data/address.go:6:3 r.data.db.User.Query.Where.Only [for sequential] → -',
        'query-in-loop app/user/internal/data/address.go:7:3 r.data.db.Audit.Create.SetAddress.Save [for sequential] → -',
        // (An edge's query from one row, `Where(user.ID(uid)).QueryCards()`, is narrowed by that parent's key.)
        'unbounded-query app/user/internal/data/address.go:14:2 r.data.db.Setting.Query.Where.All → -',
        'unbounded-query app/user/internal/data/address.go:15:2 r.data.db.Setting.Query.Where.All → -',
        'unbounded-query app/user/internal/data/address.go:4:14 r.data.db.Address.Query.All → -',
      ]);
    });

    it("Go: a file built only with a test or tooling tag (//go:build e2etest), or by none (ignore), or one that imports testing and takes a test's handle (a package of test helpers), is test code: its routes and loops are none of production's; a platform's constraint is", async () => {
      // pocket-id's e2etest_controller.go: `POST /test/reset` wipes every table, in the end-to-end suite's build only.
      const f = await joined({
        'go.mod': 'module github.com/pocket-id/pocket-id/backend\n',
        'internal/controller/e2etest_controller.go': lines(
          '//go:build e2etest',
          '',
          'package controller',
          '',
          'func NewTestController(group *gin.RouterGroup, db *sql.DB) {',
          '\tgroup.POST("/test/reset", func(c *gin.Context) {',
          '\t\tfor _, table := range tables(c) {',
          '\t\t\tdb.Exec("DELETE FROM " + table)',
          '\t\t}',
          '\t})',
          '}',
        ),
        // alist's webdav litmus server: `//go:build ignore`, a file no build takes.
        'server/webdav/litmus_test_server.go': lines('//go:build ignore', '', 'package main', '', 'func main() {', '\thttp.HandleFunc("/", serve)', '}'),
        // kratos' pkg/registrationhelpers: a package of test helpers, which imports `testing` (its loops are tests').
        'pkg/registrationhelpers/helpers.go': lines(
          'package registrationhelpers',
          '',
          'import (',
          '\t"net/http"',
          '\t"testing"',
          ')',
          '',
          'func Submit(urls []string) {',
          '\tfor _, u := range urls {',
          '\t\thttp.Post(u, "application/json", nil)',
          '\t}',
          '}',
          'func Check(t *testing.T) {}',
        ),
        // A server that only asks whether it runs under a test (Go 1.21's testing.Testing()): production code.
        'cmd/server/main.go': lines(
          'package main',
          '',
          'import (',
          '\t"net/http"',
          '\t"testing"',
          ')',
          '',
          'func main() {',
          '\tif testing.Testing() {',
          '\t\tpanic("not in tests")',
          '\t}',
          '\thttp.HandleFunc("/health", health)',
          '}',
          'func health(w http.ResponseWriter, r *http.Request) {}',
        ),
        'internal/controller/linux_controller.go': lines(
          '//go:build linux && !windows',
          '',
          'package controller',
          '',
          'func NewStatsController(group *gin.RouterGroup, db *sql.DB) {',
          '\tgroup.GET("/stats", func(c *gin.Context) {',
          '\t\tfor _, table := range tables(c) {',
          '\t\t\tdb.Exec("ANALYZE " + table)',
          '\t\t}',
          '\t})',
          '}',
        ),
      });
      assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}`), ['ANY /health cmd/server/main.go', 'GET /stats internal/controller/linux_controller.go']);
      assert.deepEqual(hazardRows(f), ['query-in-loop internal/controller/linux_controller.go:8:4 db.Exec [for sequential] → GET /stats']);
    });

    it("Go: a function given a test's handle (*testing.T, testing.TB) is test code, in a file the package compiles (vikunja's db/test.go)", async () => {
      const f = await joined({
        'go.mod': 'module code.vikunja.io/api\n',
        'pkg/db/test.go': lines(
          'package db',
          '',
          'func LoadFixtures(t *testing.T, tables []string) {',
          '\tfor _, table := range tables {',
          '\t\tdb.Exec("DELETE FROM " + table)',
          '\t}',
          '}',
          '',
          'func Truncate(tb testing.TB, tables []string) {',
          '\tfor _, table := range tables {',
          '\t\tfunc() { db.Exec("TRUNCATE " + table) }()',
          '\t}',
          '}',
          '',
          'func Wipe(tables []string) {',
          '\tfor _, table := range tables {',
          '\t\tdb.Exec("DELETE FROM " + table)',
          '\t}',
          '}',
        ),
        'pkg/db/db.go': lines('package db', '', 'import "database/sql"', '', 'var db *sql.DB'),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop pkg/db/test.go:17:3 db.Exec [for sequential] → -']);
    });

    it('goroutine fan-out, rows.Next loop, DefaultClient, client without Timeout, retry loop; quiet negatives', async () => {
      const f = await analyseFixture('code-go');
      assert.deepEqual(hazardRows(f), [
        'call-in-loop internal/api/handlers.go:27:4 client.Get [for parallel] → POST /v1/orders',
        'missing-timeout internal/api/handlers.go:14:15 http.Client → -',
        'missing-timeout internal/api/handlers.go:44:13 http.Get → GET /cart, HEAD /cart',
        'query-in-loop internal/store/store.go:22:3 db.ExecContext [for sequential] → GET /reports/daily',
        'retry-without-backoff internal/api/handlers.go:36:2 client.Get → GET /admin/users/{id}',
        'unbounded-query internal/store/store.go:17:13 db.QueryContext → GET /reports/daily',
      ]);
      const rows = hazardRows(f).join('\n');
      assert.doesNotMatch(rows, /handlers\.go:13:/, 'the client with Timeout: 3 * time.Second');
      assert.doesNotMatch(rows, /handlers\.go:31:/, 'a loop over []string{"eu", "us"}');
      assert.doesNotMatch(rows, /store\.go:12:/, 'a lookup by id');
      assert.doesNotMatch(rows, /store_test\.go/, 'a _test.go file');
    });
  });

  describe('Java', () => {
    it('.block() in reactive code (a method returning Mono/Flux) blocks an event-loop thread, unless the chain runs on the scheduler for blocking work; not in a method that only takes a Flux', async () => {
      // The shape of halo's DefaultNotificationSender: the blocking send is moved to Schedulers.boundedElastic().
      const f = await joined({
        'notify/Sender.java': lines(
          'class Sender {',
          '  Mono<Void> send(String name, Context ctx) {',
          '    return select(name)',
          '        .flatMap(notifier -> Mono.fromRunnable(() -> {',
          '              queue.add(() -> notifier.notify(ctx).block(TIMEOUT));',
          '            })',
          '            .subscribeOn(Schedulers.boundedElastic()))',
          '        .then();',
          '  }',
          '  Mono<String> name(String id) {',
          '    String found = lookup(id).block();',
          '    return Mono.just(found);',
          '  }',
          // A plain method that takes a Flux and waits for it (Signal-Server's command-line crawlers): not reactive code.
          '  protected void crawl(final Flux<String> accounts) {',
          '    accounts.doOnNext(System.out::println).then().block();',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f).filter((row) => row.startsWith('blocking-call')), ['blocking-call notify/Sender.java:11:20 lookup.block → -']);
    });

    it('a Java `client` is an HTTP client only in a file that shows which: WebClient or java.net.http', async () => {
      // The shape of halo-dev/halo's reconcilers: `ExtensionClient client` deletes extensions from its own store.
      const f = await joined({
        'store/Cleaner.java': lines(
          'class Cleaner {',
          '  private final ExtensionClient client;',
          '  void clean(List<Post> posts) {',
          '    for (Post p : posts) {',
          '      client.delete(p);',
          '      client.send(p);',
          '    }',
          '  }',
          '}',
        ),
        'remote/Pusher.java': lines(
          'class Pusher {',
          '  private final WebClient client;',
          '  private final HttpClient http;',
          '  void push(List<Post> posts) {',
          '    for (Post p : posts) {',
          '      client.post().uri("/posts").bodyValue(p).retrieve().toBodilessEntity().block();',
          '    }',
          '  }',
          '}',
        ),
        'remote/Sender.java': lines(
          'class Sender {',
          '  private final HttpClient client = HttpClient.newHttpClient();',
          '  void push(List<HttpRequest> requests) {',
          '    for (HttpRequest r : requests) {',
          '      client.send(r, HttpResponse.BodyHandlers.ofString());',
          '    }',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(
        hazardRows(f).filter((row) => row.startsWith('call-in-loop')),
        [
          'call-in-loop remote/Pusher.java:6:7 client.post [for-each sequential] → -',
          'call-in-loop remote/Sender.java:5:7 client.send [for-each sequential] → -',
        ],
      );
    });

    it("Spring: a project's composed mapping annotations (eladmin's @AnonymousPostMapping) are routes of the method their name says", async () => {
      const f = await joined({
        'eladmin-common/src/main/java/me/zhengjie/annotation/rest/AnonymousGetMapping.java': lines(
          'package me.zhengjie.annotation.rest;',
          '@Target(ElementType.METHOD)',
          '@RequestMapping(method = RequestMethod.GET)',
          'public @interface AnonymousGetMapping {',
          '    @AliasFor(annotation = RequestMapping.class)',
          '    String[] value() default {};',
          '}',
        ),
        'eladmin-system/src/main/java/me/zhengjie/modules/security/rest/AuthController.java': lines(
          'package me.zhengjie.modules.security.rest;',
          '@RestController',
          '@RequestMapping("/auth")',
          'public class AuthController {',
          '    @AnonymousPostMapping(value = "/login")',
          '    public Object login(@RequestBody AuthUserDto authUser) { return null; }',
          '    @AnonymousGetMapping(value = "/code")',
          '    public Object getCode() { return null; }',
          '    @AnonymousDeleteMapping(value = "/logout")',
          '    public Object logout() { return null; }',
          '    @AnonymousAccess',
          '    @GetMapping("/info")',
          '    public Object info() { return null; }',
          '}',
        ),
      });
      assert.deepEqual(
        routeRows(f).map(([method, path]) => `${method} ${path}`),
        ['POST /auth/login', 'GET /auth/code', 'DELETE /auth/logout', 'GET /auth/info'],
      );
    });

    it('Spring: an interface that maps routes (openapi-generator\'s PetApi, its base path a placeholder with a default) is served by the controller implementing it', async () => {
      const f = await joined({
        'src/main/java/api/PetApi.java': lines(
          'package api;',
          '@RequestMapping("${openapi.petstore.base-path:/v2}")',
          'public interface PetApi {',
          '  @GetMapping(value = "/pet/{petId}", produces = { "application/json" })',
          '  default ResponseEntity<Pet> getPetById(@PathVariable("petId") Long petId) {',
          '    return new ResponseEntity<>(HttpStatus.NOT_IMPLEMENTED);',
          '  }',
          '  @GetMapping("/pet/findAll")',
          '  ResponseEntity<List<Pet>> findAll();',
          '}',
        ),
        'src/main/java/api/PetApiController.java': lines(
          'package api;',
          '@RestController',
          'public class PetApiController implements PetApi {',
          '  private final PetRepository pets;',
          '  @Override',
          '  public ResponseEntity<Pet> getPetById(Long petId) {',
          '    for (Long id : relatedIds(petId)) pets.findById(id);',
          '    return ResponseEntity.ok(null);',
          '  }',
          '  @Override',
          '  public ResponseEntity<List<Pet>> findAll() { return ResponseEntity.ok(pets.findAll()); }',
          '  public List<Pet> notMapped() { return pets.findAll(); }',
          '}',
        ),
      });
      assert.deepEqual(routeRows(f), [
        ['GET', '/v2/pet/{petId}', 'src/main/java/api/PetApi.java', 3, 'spring'],
        ['GET', '/v2/pet/findAll', 'src/main/java/api/PetApi.java', 7, 'spring'],
      ]);
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/main/java/api/PetApiController.java:7:39 pets.findById [for-each sequential] → GET /v2/pet/{petId}',
        'unbounded-query src/main/java/api/PetApiController.java:11:73 pets.findAll → GET /v2/pet/findAll',
        'unbounded-query src/main/java/api/PetApiController.java:12:41 pets.findAll → -',
      ]);
      // The controller's methods are where the routes are handled (hover, code lens).
      assert.deepEqual(handledRows(f), ['src/main/java/api/PetApiController.java:4 GET /v2/pet/{petId}', 'src/main/java/api/PetApiController.java:9 GET /v2/pet/findAll']);
    });

    it('Spring, API first: an OpenAPI spec whose interfaces openapi-generator makes at build time is served by the controllers implementing them', async () => {
      // The shapes of spring-petclinic/spring-petclinic-rest: `OwnersApi` is generated into target/ from the spec's
      // `owners` tag, and never committed.
      const f = await joined({
        'src/main/resources/openapi.yml': lines(
          'openapi: 3.0.1',
          'servers:',
          '  - url: http://localhost:9966/petclinic/api',
          'paths:',
          '  /owners:',
          '    get:',
          '      tags: [owners]',
          '      operationId: listOwners',
          '    post:',
          '      tags: [owners]',
          '      operationId: add-owner',
          '  /owners/{ownerId}:',
          '    get:',
          '      tags: [owners]',
          '      operationId: getOwner',
          '  /v2/owners:',
          '    get:',
          '      tags: [owner-v2]',
          '      operationId: listOwnersV2',
          '  /oops:',
          '    get:',
          '      tags: [oops]',
          '      operationId: failingRequest',
          '  /vets/{vetId}:',
          '    delete: {}',
        ),
        'src/main/java/rest/OwnerRestController.java': lines(
          'package rest;',
          'import rest.api.OwnersApi;',
          '@RestController',
          '@RequestMapping("/api")',
          'public class OwnerRestController implements OwnersApi {',
          '  private final OwnerRepository owners;',
          '  @Override',
          '  public ResponseEntity<List<OwnerDto>> listOwners(String lastName) { return ResponseEntity.ok(owners.findAll()); }',
          '  @Override',
          '  public ResponseEntity<OwnerDto> addOwner(OwnerDto dto) { return null; }',
          '  @Override',
          '  public ResponseEntity<OwnerDto> getOwner(Integer ownerId) { return null; }',
          '}',
        ),
        'src/main/java/rest/OwnerV2Controller.java': lines(
          'package rest;',
          '@RestController',
          'public class OwnerV2Controller implements OwnerV2Api {',
          '  @Override',
          '  public ResponseEntity<List<OwnerDto>> listOwnersV2() { return null; }',
          '}',
        ),
        // No tags: the interface is named by the path's first segment, the method by path and verb.
        'src/main/java/rest/VetController.java': lines('package rest;', '@RestController', '@RequestMapping("/api")', 'public class VetController implements VetsApi {', '  @Override', '  public ResponseEntity<Void> vetsVetIdDelete(Integer vetId) { return null; }', '}'),
      });
      // `/oops` is implemented by no controller here: not served.
      assert.deepEqual(routeRows(f), [
        ['GET', '/api/owners', 'src/main/resources/openapi.yml', 5, 'openapi'],
        ['POST', '/api/owners', 'src/main/resources/openapi.yml', 8, 'openapi'],
        ['GET', '/api/owners/{ownerId}', 'src/main/resources/openapi.yml', 12, 'openapi'],
        ['GET', '/v2/owners', 'src/main/resources/openapi.yml', 16, 'openapi'],
        ['DELETE', '/api/vets/{vetId}', 'src/main/resources/openapi.yml', 24, 'openapi'],
      ]);
      assert.deepEqual(hazardRows(f), ['unbounded-query src/main/java/rest/OwnerRestController.java:8:96 owners.findAll → GET /api/owners']);
      // The controller's methods are where the routes are handled (hover, code lens).
      assert.deepEqual(handledRows(f), [
        'src/main/java/rest/OwnerRestController.java:10 GET /api/owners/{ownerId}',
        'src/main/java/rest/OwnerRestController.java:6 GET /api/owners',
        'src/main/java/rest/OwnerRestController.java:8 POST /api/owners',
        'src/main/java/rest/OwnerV2Controller.java:3 GET /v2/owners',
        'src/main/java/rest/VetController.java:4 DELETE /api/vets/{vetId}',
      ]);
    });

    it('an OpenAPI spec no class implements, or a YAML file that is no spec, serves no route', async () => {
      const f = await joined({
        'docs/openapi.yaml': lines('openapi: 3.0.0', 'paths:', '  /items:', '    get:', '      operationId: listItems'),
        'deploy/api.yaml': lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: api'),
      });
      assert.deepEqual(routeRows(f), []);
    });

    it('MyBatis XML mappers: a SELECT with no LIMIT of a method returning a list is reported in the XML, on the routes that call the method', async () => {
      // The shapes of gothinkster/spring-boot-realworld-example-app's read services and their mapper XML.
      const f = await joined({
        'src/main/java/io/spring/infrastructure/mybatis/readservice/TagReadService.java': lines(
          'package io.spring.infrastructure.mybatis.readservice;',
          'import org.apache.ibatis.annotations.Mapper;',
          '@Mapper',
          'public interface TagReadService {',
          '  List<String> all();',
          '  ArticleData findBySlug(@Param("slug") String slug);',
          '  List<String> recent();',
          '  List<String> byAuthors(@Param("authors") List<String> authors);',
          // MyBatis-Plus's pagination interceptor adds the LIMIT of the page it is given (dolphinscheduler's mappers).
          '  IPage<String> paged(Page<?> page, @Param("name") String name);',
          '  List<String> filtered(@Param("userId") Long userId);',
          '}',
        ),
        'src/main/java/io/spring/api/TagsApi.java': lines(
          'package io.spring.api;',
          '@RestController',
          '@RequestMapping(path = "tags")',
          'public class TagsApi {',
          '  private TagReadService tagReadService;',
          '  private TagService tagService;',
          '  @GetMapping',
          '  public ResponseEntity getTags() {',
          '    return ResponseEntity.ok(tagReadService.all());',
          '  }',
          '  @GetMapping("/paged")',
          '  public ResponseEntity paged(@RequestParam int n) {',
          '    return ResponseEntity.ok(tagReadService.paged(new Page<>(n, 20), "x"));',
          '  }',
          '  @GetMapping("/{slug}")',
          '  public ResponseEntity one(@PathVariable("slug") String slug) {',
          '    return ResponseEntity.ok(tagReadService.findBySlug(slug));',
          '  }',
          '  @GetMapping("/recent")',
          '  public ResponseEntity recent() {',
          '    return ResponseEntity.ok(tagReadService.recent());',
          '  }',
          '  @GetMapping("/filtered")',
          '  public ResponseEntity filtered(@RequestParam(required = false) Long userId) {',
          '    return ResponseEntity.ok(tagReadService.filtered(userId));',
          '  }',
          // PageHelper pages the next mapper query (mall's services): GET /tags/page reads one page of all().
          '  @GetMapping("/page")',
          '  public ResponseEntity page(@RequestParam int pageNum) {',
          '    PageHelper.startPage(pageNum, 20);',
          '    return ResponseEntity.ok(tagReadService.all());',
          '  }',
          // …also through a service that calls it (RuoYi's controllers: `startPage()` from their BaseController).
          '  @GetMapping("/list")',
          '  public ResponseEntity list() {',
          '    startPage();',
          '    return ResponseEntity.ok(tagService.tags());',
          '  }',
          '}',
        ),
        'src/main/java/io/spring/application/TagService.java': lines(
          'package io.spring.application;',
          '@Service',
          'public class TagService {',
          '  private TagReadService tagReadService;',
          '  public List<String> tags() {',
          '    return tagReadService.all();',
          '  }',
          '}',
        ),
        'src/main/resources/mapper/TagReadService.xml': lines(
          '<?xml version="1.0" encoding="UTF-8" ?>',
          '<mapper namespace="io.spring.infrastructure.mybatis.readservice.TagReadService">',
          '    <sql id="columns">name</sql>',
          '    <select id="all" resultType="string">',
          '        select <include refid="columns"/> from tags',
          '    </select>',
          '    <!-- <select id="old">select name from tags</select> -->',
          '    <select id="findBySlug" resultMap="tag">',
          '        select name from tags <where> slug = #{slug} </where>',
          '    </select>',
          '    <select id="recent" resultType="string">',
          '        select name from tags order by created_at desc',
          '        <if test="size != null"> limit #{size} </if>',
          '    </select>',
          '    <select id="byAuthors" resultType="string">',
          '        select name from tags where author in',
          '        <foreach item="a" collection="authors" open="(" separator="," close=")">#{a}</foreach>',
          '    </select>',
          '    <select id="paged" resultType="string">',
          '        select name from tags where name like #{name} order by name',
          '    </select>',
          // A key compared only when the caller gives one (RuoYi's list queries): without it, every row.
          '    <select id="filtered" resultType="string">',
          '        select name from tags',
          '        <where> <if test="userId != null"> AND user_id = #{userId} </if> </where>',
          '    </select>',
          '</mapper>',
        ),
      });
      // findBySlug returns one row; recent has a LIMIT (when given); byAuthors is bounded by its list and reached by no route;
      // paged is given a MyBatis-Plus page.
      assert.deepEqual(hazardRows(f), [
        'unbounded-query src/main/resources/mapper/TagReadService.xml:22:5 TagReadService.filtered → GET /tags/filtered',
        'unbounded-query src/main/resources/mapper/TagReadService.xml:4:5 TagReadService.all → GET /tags',
      ]);
    });

    it("MyBatis-Plus: a ServiceImpl<M, T>'s inherited baseMapper is its M (youlai-mall's this.baseMapper.listExportUsers(q), getBaseMapper())", async () => {
      const f = await joined({
        'src/main/java/com/youlai/system/mapper/SysUserMapper.java': lines(
          'package com.youlai.system.mapper;',
          'import org.apache.ibatis.annotations.Mapper;',
          '@Mapper',
          'public interface SysUserMapper extends BaseMapper<SysUser> {',
          '  List<UserExportDTO> listExportUsers(UserPageQuery q);',
          '  List<SysUser> listOnline();',
          '}',
        ),
        'src/main/resources/mapper/SysUserMapper.xml': lines(
          '<?xml version="1.0" encoding="UTF-8" ?>',
          '<mapper namespace="com.youlai.system.mapper.SysUserMapper">',
          '    <select id="listExportUsers" resultType="UserExportDTO">',
          '        select username, nickname from sys_user where is_deleted = 0',
          '    </select>',
          '    <select id="listOnline" resultType="SysUser">',
          '        select * from sys_user where online = 1',
          '    </select>',
          '</mapper>',
        ),
        'src/main/java/com/youlai/system/service/impl/SysUserServiceImpl.java': lines(
          'package com.youlai.system.service.impl;',
          '@Service',
          'public class SysUserServiceImpl extends ServiceImpl<SysUserMapper, SysUser> implements SysUserService {',
          '  public List<UserExportDTO> listExportUsers(UserPageQuery q) {',
          '    return this.baseMapper.listExportUsers(q);',
          '  }',
          '  public List<SysUser> listOnline() {',
          '    return getBaseMapper().listOnline();',
          '  }',
          '}',
        ),
        'src/main/java/com/youlai/system/controller/UserController.java': lines(
          'package com.youlai.system.controller;',
          '@RestController',
          '@RequestMapping("/api/v1/users")',
          'public class UserController {',
          '  private final SysUserServiceImpl userService;',
          '  @GetMapping("/export")',
          '  public void export(UserPageQuery q) { userService.listExportUsers(q); }',
          '  @GetMapping("/online")',
          '  public List<SysUser> online() { return userService.listOnline(); }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'unbounded-query src/main/resources/mapper/SysUserMapper.xml:3:5 SysUserMapper.listExportUsers → GET /api/v1/users/export',
        'unbounded-query src/main/resources/mapper/SysUserMapper.xml:6:5 SysUserMapper.listOnline → GET /api/v1/users/online',
      ]);
    });

    it("MyBatis-Plus: a mapper's selectList with no conditions reads the whole table; with a wrapper, or after PageHelper, it does not", async () => {
      // The shapes of ruoyi-vue-pro's services (BaseMapper's selectList, selectMaps, selectObjs).
      const f = await joined({
        'src/main/java/shop/SkuController.java': lines(
          'package shop;',
          '@RestController',
          '@RequestMapping("/sku")',
          'public class SkuController {',
          '  private SkuMapper skuMapper;',
          '  @GetMapping("/all")',
          '  public List<Sku> all() { return skuMapper.selectList(); }',
          '  @GetMapping("/none")',
          '  public List<Sku> none() { return skuMapper.selectList(null); }',
          '  @GetMapping("/empty")',
          '  public List<Map<String, Object>> empty() { return skuMapper.selectMaps(new QueryWrapper<>()); }',
          '  @GetMapping("/lambda")',
          '  public List<Object> lambda() { return skuMapper.selectObjs(Wrappers.emptyWrapper()); }',
          '  @GetMapping("/byShop")',
          '  public List<Sku> byShop(Long shopId) { return skuMapper.selectList(new LambdaQueryWrapper<Sku>().eq(Sku::getShopId, shopId)); }',
          '  @GetMapping("/byField")',
          '  public List<Sku> byField(Long shopId) { return skuMapper.selectList(Sku::getShopId, shopId); }',
          '  @GetMapping("/paged")',
          '  public List<Sku> paged(int page) {',
          '    PageHelper.startPage(page, 20);',
          '    return skuMapper.selectList();',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'unbounded-query src/main/java/shop/SkuController.java:11:53 skuMapper.selectMaps → GET /sku/empty',
        'unbounded-query src/main/java/shop/SkuController.java:13:41 skuMapper.selectObjs → GET /sku/lambda',
        'unbounded-query src/main/java/shop/SkuController.java:7:35 skuMapper.selectList → GET /sku/all',
        'unbounded-query src/main/java/shop/SkuController.java:9:36 skuMapper.selectList → GET /sku/none',
      ]);
    });

    it('MyBatis-Plus: a wrapper made empty in the function and only ordered reads every row; one given a condition, a last(), or to a helper does not', async () => {
      // The shapes of novel's cache managers (HomeBookCacheManager, FriendLinkCacheManager, BookRankCacheManager).
      const f = await joined({
        'src/main/java/novel/HomeController.java': lines(
          'package novel;',
          '@RestController',
          '@RequestMapping("/home")',
          'public class HomeController {',
          '  private LinkMapper linkMapper;',
          '  @GetMapping("/links")',
          '  public List<Link> links() {',
          '    QueryWrapper<Link> queryWrapper = new QueryWrapper<>();',
          '    queryWrapper.orderByAsc("sort");',
          '    return linkMapper.selectList(queryWrapper);', // 10: every link
          '  }',
          '  @GetMapping("/recent")',
          '  public List<Link> recent() {',
          '    LambdaQueryWrapper<Link> w = Wrappers.lambdaQuery();',
          '    w.orderByDesc(Link::getCreateTime)',
          '      .last("limit 2");',
          '    return linkMapper.selectList(w);',
          '  }',
          '  @GetMapping("/byType")',
          '  public List<Link> byType(int type) {',
          '    QueryWrapper<Link> queryWrapper = new QueryWrapper<>();',
          '    queryWrapper.eq("type", type).orderByAsc("sort");',
          '    return linkMapper.selectList(queryWrapper);',
          '  }',
          '  @GetMapping("/ranked")',
          '  public List<Link> ranked() {',
          '    QueryWrapper<Link> queryWrapper = new QueryWrapper<>();',
          '    queryWrapper.orderByDesc("visits");',
          '    narrow(queryWrapper);',
          '    return linkMapper.selectList(queryWrapper);',
          '  }',
          '  public List<Link> given(QueryWrapper<Link> queryWrapper) { return linkMapper.selectList(queryWrapper); }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['unbounded-query src/main/java/novel/HomeController.java:10:12 linkMapper.selectList → GET /home/links']);
    });

    it("MyBatis-Plus: BaseMapper's inherited statements are queries, one per turn in a loop (pig's relationMapper.insert per user); not without MyBatis-Plus", async () => {
      const service = (imports: string) =>
        lines(
          'package com.pig4cloud.admin;',
          imports,
          'public class SysMessageServiceImpl {',
          '  private SysMessageRelationMapper relationMapper;',
          '  public void send(List<SysUser> users, Long msgId) {',
          '    users.forEach(user -> {',
          '      SysMessageRelationEntity relation = new SysMessageRelationEntity(msgId, user.getId());',
          '      relationMapper.insert(relation);', // 8
          '    });',
          '    relationMapper.deleteById(msgId);', // 10: once
          '  }',
          '}',
        );
      const plus = await joined({ 'src/main/java/com/pig4cloud/admin/SysMessageServiceImpl.java': service('import com.baomidou.mybatisplus.core.toolkit.Wrappers;') });
      assert.deepEqual(hazardRows(plus), ['query-in-loop src/main/java/com/pig4cloud/admin/SysMessageServiceImpl.java:8:7 relationMapper.insert [.forEach() sequential] → -']);
      const other = await joined({ 'src/main/java/com/pig4cloud/admin/SysMessageServiceImpl.java': service('import java.util.List;') });
      assert.deepEqual(hazardRows(other), []);
    });

    it("MyBatis-Plus: a statement only BaseMapper has (selectById, selectCount…) is a query wherever it is called, and so is one a mapper's default method makes bare (ruoyi-vue-pro's BaseMapperX)", async () => {
      const f = await joined({
        'src/main/java/cn/iocoder/framework/BaseMapperX.java': lines('package cn.iocoder.framework;', 'import com.baomidou.mybatisplus.core.mapper.BaseMapper;', 'public interface BaseMapperX<T> extends BaseMapper<T> {}'),
        'src/main/java/cn/iocoder/system/DeptMapper.java': lines(
          'package cn.iocoder.system;',
          'import org.apache.ibatis.annotations.Mapper;',
          '@Mapper',
          'public interface DeptMapper extends BaseMapperX<DeptDO> {',
          '  default Long selectCountByParentId(Long parentId) {',
          '    return selectCount(DeptDO::getParentId, parentId);',
          '  }',
          '}',
        ),
        'src/main/java/cn/iocoder/system/DeptController.java': lines(
          'package cn.iocoder.system;',
          '@RestController',
          '@RequestMapping("/system/dept")',
          'public class DeptController {',
          '  @Resource private DeptMapper deptMapper;',
          '  @Resource private DeptDtoMapper dtoMapper;',
          '  @DeleteMapping("/delete-list")',
          '  public void deleteList(@RequestParam List<Long> ids) {',
          '    for (Long id : ids) {',
          '      deptMapper.selectById(id);', // 10
          '      if (deptMapper.selectCountByParentId(id) > 0) throw new IllegalStateException();', // 11
          '      dtoMapper.toDto(id);',
          '      dtoMapper.update(id);',
          '    }',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/main/java/cn/iocoder/system/DeptController.java:10:7 deptMapper.selectById [for-each sequential] → DELETE /system/dept/delete-list',
        'query-in-loop src/main/java/cn/iocoder/system/DeptController.java:11:11 deptMapper.selectCountByParentId → selectCount [for-each sequential] → DELETE /system/dept/delete-list',
      ]);
    });

    it('Spring for GraphQL: controllers that map fields serve one POST /graphql, whose request path runs each mapped method', async () => {
      const f = await joined({
        'src/main/java/shop/BookController.java': lines(
          'package shop;',
          '@Controller',
          'public class BookController {',
          '  private final BookRepository books;',
          '  private final RestTemplate rest;',
          '  @QueryMapping',
          '  public List<Book> books() {',
          '    return books.findAll();',
          '  }',
          '  @SchemaMapping(typeName = "Book")',
          '  public List<Review> reviews(Book book) {',
          '    List<Review> out = new ArrayList<>();',
          '    for (String id : book.reviewIds()) out.add(rest.getForObject("http://reviews/" + id, Review.class));',
          '    return out;',
          '  }',
          '  public List<Book> unmapped() {',
          '    return books.findAll();',
          '  }',
          '}',
        ),
        'src/main/java/shop/AuthorController.java': lines(
          'package shop;',
          '@Controller',
          'public class AuthorController {',
          '  private final AuthorRepository authors;',
          '  @MutationMapping',
          '  public Author addAuthor(@Argument String name) {',
          '    return authors.save(new Author(name));',
          '  }',
          '  @QueryMapping',
          '  public List<Author> authors() {',
          '    return authors.findAll();',
          '  }',
          '}',
        ),
      });
      // Said once for the service, on the first file that maps a field.
      assert.deepEqual(routeRows(f), [['POST', '/graphql', 'src/main/java/shop/BookController.java', 5, 'graphql']]);
      assert.deepEqual(hazardRows(f), [
        'call-in-loop src/main/java/shop/BookController.java:13:48 rest.getForObject [for-each sequential] → POST /graphql',
        'unbounded-query src/main/java/shop/AuthorController.java:11:12 authors.findAll → POST /graphql',
        'unbounded-query src/main/java/shop/BookController.java:17:12 books.findAll → -',
        'unbounded-query src/main/java/shop/BookController.java:8:12 books.findAll → POST /graphql',
      ]);
    });

    it('Spring: class-level @RequestMapping prefix, bare @GetMapping, value arrays with method =', async () => {
      const f = await analyseFixture('code-spring');
      const file = 'src/main/java/com/shop/web/OrderController.java';
      assert.deepEqual(routeRows(f), [
        ['GET', '/api/orders', file, 16, 'spring'],
        ['GET', '/api/orders/{id}', file, 21, 'spring'],
        ['POST', '/api/orders/{id}/items', file, 26, 'spring'],
        ['POST', '/api/orders/{id}/lines', file, 26, 'spring'],
        ['GET', '/api/orders/{id}/status', file, 31, 'spring'],
      ]);
    });

    it('Spring: @GetMapping({"", "/"}) under a class prefix is the prefix and the prefix with a slash, as Spring combines them', async () => {
      const file = 'src/main/java/shop/ThingController.java';
      const f = await joined({
        [file]: lines(
          'package shop;',
          '@RestController',
          '@RequestMapping("/api/things")',
          'public class ThingController {',
          '  @GetMapping({"", "/"})',
          '  public List<Thing> list() { return List.of(); }',
          '  @GetMapping(value = {"/a", "/b"})',
          '  public Thing one() { return null; }',
          '}',
        ),
      });
      // AntPathMatcher.combine and PathPattern.combine: "/api/things" + "" is "/api/things", + "/" is "/api/things/"
      // (RuoYi's `@GetMapping({"/", "/{userId}"})` under `/system/user`).
      assert.deepEqual(routeRows(f), [
        ['GET', '/api/things', file, 4, 'spring'],
        ['GET', '/api/things/', file, 4, 'spring'],
        ['GET', '/api/things/a', file, 6, 'spring'],
        ['GET', '/api/things/b', file, 6, 'spring'],
      ]);
    });

    it('a loop over pages (a bounded read per turn, ended by a short or empty page; a loop with no condition that stops on an empty read) is not a query per item; one row per turn, or a loop over a page\'s items, is (apollo)', async () => {
      const f = await joined({
        'ReleaseMessageCache.java': lines(
          'public class ReleaseMessageCache {',
          '  private void load(long startId) {',
          '    boolean hasMore = true;',
          '    while (hasMore && !Thread.currentThread().isInterrupted()) {',
          '      List<ReleaseMessage> releaseMessages =',
          '          releaseMessageRepository.findFirst500ByIdGreaterThanOrderByIdAsc(startId);',
          '      if (CollectionUtils.isEmpty(releaseMessages)) {',
          '        break;',
          '      }',
          '      for (ReleaseMessage m : releaseMessages) {',
          '        auditRepository.save(new Audit(m));',
          '      }',
          '      hasMore = releaseMessages.size() == 500;',
          '    }',
          '  }',
          '  private void drain() {',
          '    while (true) {',
          '      List<Job> next = jobRepository.findFirstByDoneFalse();',
          '      if (next.isEmpty()) break;',
          '      jobRepository.delete(next.get(0));',
          '    }',
          '  }',
          // Drained a batch at a time until empty, the batch's size given to the mapper (dolphinscheduler's deletes).
          '  private void purge(long code) {',
          '    while (true) {',
          '      List<Instance> batch = instanceRepository.findByDefinitionCode(code, 100);',
          '      if (CollectionUtils.isEmpty(batch)) {',
          '        break;',
          '      }',
          '      instanceRepository.deleteAll(batch);',
          '    }',
          '  }',
          // The page's size kept first, then compared (apollo's AccessKeyServiceWithCache).
          '  private void loadKeys(Date from, Date to) {',
          '    boolean hasMore = true;',
          '    while (hasMore && !Thread.currentThread().isInterrupted()) {',
          '      List<AccessKey> accessKeys = accessKeyRepository',
          '          .findFirst500ByDataChangeLastModifiedTimeGreaterThanEqualOrderByDataChangeLastModifiedTimeAsc(from, to);',
          '      int scanned = accessKeys.size();',
          '      merge(accessKeys);',
          '      hasMore = scanned == 500;',
          '    }',
          '  }',
          '}',
        ),
        'AccessKeyRepository.java': lines(
          'public interface AccessKeyRepository extends PagingAndSortingRepository<AccessKey, Long> {',
          '  List<AccessKey> findFirst500ByDataChangeLastModifiedTimeGreaterThanEqualOrderByDataChangeLastModifiedTimeAsc(Date from, Date to);',
          '}',
        ),
        'sync.ts': lines(
          "import { prisma } from './db';",
          'export async function syncAll() {',
          '  let cursor: string | undefined;',
          '  while (true) {',
          '    const page = await prisma.contact.findMany({ take: 100, ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}) });',
          '    if (!page.length) break;',
          '    cursor = page[page.length - 1].id;',
          '  }',
          '  while (true) {',
          '    const one = await prisma.job.findMany({ take: 1 });',
          '    if (!one.length) break;',
          '  }',
          "  // Drained a batch at a time, the flag cleared on the way out (rallly's orphaned users).",
          '  let hasMore = true;',
          '  while (hasMore) {',
          '    const batch = await prisma.user.findMany({ where: { orphan: true }, select: { id: true }, take: 500 });',
          '    if (batch.length === 0) {',
          '      hasMore = false;',
          '      break;',
          '    }',
          '    await prisma.user.deleteMany({ where: { id: { in: batch.map((u) => u.id) } } });',
          '  }',
          '  // A page read by a helper given its size (rallly\'s findUsersScheduledForRemoval({ cutoff, limit })).',
          '  while (true) {',
          '    const users = await findScheduled({ cutoff: Date.now(), limit: 100 });',
          '    if (users.length === 0) {',
          '      break;',
          '    }',
          '  }',
          '}',
          'async function findScheduled({ cutoff, limit }: { cutoff: number; limit: number }) {',
          '  return prisma.user.findMany({ where: { deletedAt: { lt: cutoff } }, take: limit });',
          '}',
        ),
        'scan.go': lines(
          'package store',
          '',
          'func (s *Store) scan(ctx context.Context) error {',
          '\tlast := 0',
          '\tfor {',
          '\t\tvar batch []Track',
          '\t\ts.db.Where("id > ?", last).Order("id").Limit(500).Find(&batch)',
          '\t\tif len(batch) == 0 {',
          '\t\t\treturn nil',
          '\t\t}',
          '\t\tlast = batch[len(batch)-1].ID',
          '\t}',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop ReleaseMessageCache.java:11:9 auditRepository.save [for-each sequential] → -',
        'query-in-loop ReleaseMessageCache.java:18:24 jobRepository.findFirstByDoneFalse [while sequential] → -',
        'query-in-loop ReleaseMessageCache.java:20:7 jobRepository.delete [while sequential] → -',
        'query-in-loop sync.ts:10:23 prisma.job.findMany [while sequential] → -',
      ]);
    });

    it('repository findAll(), JdbcTemplate in a loop, RestTemplate in a stream, Thread.sleep in Mono code', async () => {
      const f = await analyseFixture('code-spring');
      const svc = 'src/main/java/com/shop/service/OrderService.java';
      assert.deepEqual(hazardRows(f), [
        'blocking-call src/main/java/com/shop/web/OrderController.java:34:5 Thread.sleep → GET /api/orders/{id}/status',
        `call-in-loop ${svc}:32:29 restTemplate.getForObject [.map() sequential] → POST /api/orders/{id}/lines, POST /api/orders/{id}/items`,
        // The field's client is used by the service method those routes reach.
        `missing-timeout ${svc}:13:45 RestTemplate → POST /api/orders/{id}/lines, POST /api/orders/{id}/items`,
        `query-in-loop ${svc}:30:7 jdbcTemplate.update [for-each sequential] → POST /api/orders/{id}/lines, POST /api/orders/{id}/items`,
        `unbounded-query ${svc}:21:12 orderRepository.findAll → GET /api/orders`,
      ]);
      assert.doesNotMatch(hazardRows(f).join('\n'), /OrderService\.java:34:/, 'a loop over List.of("a", "b")');
    });

    it('a SELECT read one row (queryForObject, getSingleResult) or paged before it runs (setMaxResults) is bounded; the same SELECT read whole is not', async () => {
      // The shapes of spring-petclinic-rest's JdbcPetTypeRepositoryImpl and JpaOwnerRepositoryImpl.
      const f = await joined({
        'src/main/java/petclinic/OwnerRepository.java': lines(
          'public class OwnerRepository {',
          '  public PetType findByName(String name) {',
          '    return this.namedParameterJdbcTemplate.queryForObject("SELECT id, name FROM types WHERE name= :name", Map.of("name", name), BeanPropertyRowMapper.newInstance(PetType.class));',
          '  }',
          '  public Page<Owner> findByLastName(String lastName, Pageable pageable) {',
          '    Query query = this.em.createQuery("SELECT owner FROM Owner owner WHERE owner.lastName LIKE :lastName ORDER BY owner.id");',
          '    query.setFirstResult((int) pageable.getOffset());',
          '    query.setMaxResults(pageable.getPageSize());',
          '    return new PageImpl<>(query.getResultList(), pageable, 0);',
          '  }',
          '  public List<Owner> recent() {',
          '    return this.em.createQuery("SELECT owner FROM Owner owner ORDER BY owner.id DESC").setMaxResults(20).getResultList();',
          '  }',
          '  public List<Owner> all() {',
          '    Query query = this.em.createQuery("SELECT owner FROM Owner owner ORDER BY owner.lastName");',
          '    return query.getResultList();',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['unbounded-query src/main/java/petclinic/OwnerRepository.java:15:19 this.em.createQuery → -']);
    });

    it('DynamoDB (the enhanced client\'s table) per item is a query in a loop; Apache HttpClients.createDefault() has no timeout', async () => {
      // The shapes of retail-store-sample-app's DynamoDBCartService and robot-shop's shipping CartHelper.
      const f = await joined({
        'src/main/java/cart/DynamoDBCartService.java': lines(
          'package cart;',
          '',
          'public class DynamoDBCartService {',
          '  private DynamoDbTable<DynamoItemEntity> table;',
          '',
          '  public void deleteCart(String customerId) {',
          '    List<DynamoItemEntity> items = items(customerId);',
          '    items.forEach(item -> {',
          '      this.table.deleteItem(item);',
          '    });',
          '  }',
          '}',
        ),
        'src/main/java/shipping/CartHelper.java': lines(
          'package shipping;',
          '',
          'public class CartHelper {',
          '  public String addToCart(String id) throws Exception {',
          '    CloseableHttpClient httpClient = HttpClients.createDefault();',
          '    CloseableHttpResponse res = httpClient.execute(new HttpPost(baseUrl + id));',
          '    return res.toString();',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'missing-timeout src/main/java/shipping/CartHelper.java:5:38 HttpClients.createDefault → -',
        'query-in-loop src/main/java/cart/DynamoDBCartService.java:9:7 this.table.deleteItem [.forEach() sequential] → -',
      ]);
    });

    it("java.net's HttpURLConnection (litemall's HttpUtil) has no timeout unless the file sets one", async () => {
      const f = await joined({
        'src/main/java/shop/HttpUtil.java': lines(
          'package shop;',
          'import java.net.HttpURLConnection;',
          'public class HttpUtil {',
          '  public static String post(String url) throws Exception {',
          '    URL realUrl = new URL(url);',
          '    HttpURLConnection conn = (HttpURLConnection) realUrl.openConnection();',
          '    return read(conn.getInputStream());',
          '  }',
          '}',
        ),
        'src/main/java/shop/Ping.java': lines(
          'package shop;',
          'import java.net.HttpURLConnection;',
          'public class Ping {',
          '  public static int ping(URL url) throws Exception {',
          '    HttpURLConnection conn = (HttpURLConnection) url.openConnection();',
          '    conn.setConnectTimeout(2000);',
          '    conn.setReadTimeout(5000);',
          '    return conn.getResponseCode();',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['missing-timeout src/main/java/shop/HttpUtil.java:6:50 realUrl.openConnection → -']);
    });

    it('a poller that sleeps each turn is not a loop over items; a loop over an iterator still is; a load test says nothing', async () => {
      // The shapes of bank-of-anthos's LedgerReader and robot-shop's Locust load generator.
      const f = await joined({
        'src/main/java/ledger/LedgerReader.java': lines(
          'package ledger;',
          '',
          'public class LedgerReader {',
          '  private TransactionRepository repo;',
          '  private volatile boolean alive = true;',
          '',
          '  void poll(long pollMs) throws InterruptedException {',
          '    while (alive) {',
          '      Thread.sleep(pollMs);',
          '      long latest = repo.findLatest();',
          '      if (latest > seen) seen = latest;',
          '    }',
          '  }',
          '',
          '  void each(Iterator<Long> ids) {',
          '    while (ids.hasNext()) {',
          '      repo.findById(ids.next());',
          '    }',
          '  }',
          '',
          // A project's sleep helper (dolphinscheduler's TaskGroupCoordinator: ThreadUtils.sleep(…)).
          '  public void run() {',
          '    while (flag) {',
          '      repo.deleteExpired();',
          '      ThreadUtils.sleep(5000);',
          '    }',
          '  }',
          // …named otherwise (PowerJob's CommonUtils.easySleep(100) while waiting for a lock).
          '  public void waitForLock() {',
          '    while (!locked) {',
          '      locked = repo.findLockOwner() == null;',
          '      CommonUtils.easySleep(100);',
          '    }',
          '  }',
          // A consumer of a queue the class holds, and a scanner sleeping on its own TimeUnit (apollo's audit writers).
          '  private BlockingQueue<Audit> audits;',
          '  private TimeUnit scanUnit = TimeUnit.SECONDS;',
          '  public void consume() throws InterruptedException {',
          '    while (!Thread.currentThread().isInterrupted()) {',
          '      repo.save(audits.take());',
          '    }',
          '  }',
          '  public void scan() throws InterruptedException {',
          '    while (true) {',
          '      repo.deleteExpired();',
          '      scanUnit.sleep(1);',
          '    }',
          '  }',
          '  public void drain(List<Audit> batch) throws InterruptedException {',
          '    while (true) {',
          '      Queues.drain(audits, batch, 100, 1, TimeUnit.SECONDS);',
          '      repo.saveAll(batch);',
          '    }',
          '  }',
          '}',
        ),
        'load-gen/robot-shop.py': lines(
          'from locust import HttpUser, task',
          '',
          'class UserBehavior(HttpUser):',
          '    @task',
          '    def load(self):',
          '        for item in ["a", "b", "c", "d"]:',
          '            self.client.get("/api/catalogue/product/" + item)',
          '        for i in range(10):',
          '            requests.get("http://web:8080/api/ratings/" + str(i))',
        ),
        // Waiting on a stop event between turns (polar's metrics pusher), or on a sleep promise in JavaScript.
        'app/pusher.py': lines(
          'def run(client, url, interval, shutdown_event):',
          '    while not shutdown_event.is_set():',
          '        client.post(url, content=b"", timeout=5)',
          '        shutdown_event.wait(interval)',
          // changedetection.io's daily version check, on the app's exit event.
          'def check_for_new_version(app, session):',
          '    while not app.config.exit.is_set():',
          '        session.post("https://changedetection.io/check-ver.php", data={}, timeout=5)',
          '        app.config.exit.wait(86400)',
        ),
        'src/poller.ts': lines(
          'export async function poll(url: string, state: { stopped: boolean }) {',
          '  while (!state.stopped) {',
          '    await fetch(url, { signal: AbortSignal.timeout(5000) });',
          '    await new Promise((resolve) => setTimeout(resolve, 10_000));',
          '  }',
          '  while (!state.stopped) {',
          '    await fetch(url, { signal: AbortSignal.timeout(5000) });',
          '    await sleep(10_000);',
          '  }',
          // A helper module's sleep (Joplin Server's connection wait and its optimistic update retry).
          '  while (true) {',
          '    await fetch(url, { signal: AbortSignal.timeout(5000) });',
          '    await time.msleep(1000);',
          '  }',
          // …or a project's own pause (postiz's `await timer(ms)`).
          '  while (true) {',
          '    await fetch(url, { signal: AbortSignal.timeout(5000) });',
          '    await timer(2000);',
          '  }',
          '  const queue = [url];',
          '  while (queue.length) {',
          '    await fetch(queue.shift()!, { signal: AbortSignal.timeout(5000) });',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'call-in-loop src/poller.ts:20:11 fetch [while sequential] → -',
        'query-in-loop src/main/java/ledger/LedgerReader.java:17:7 repo.findById [while sequential] → -',
      ]);
    });

    it('MyBatis: a mapper method is a query, so one per tag in a loop is a query in a loop (a MapStruct mapper is not); reached through the interface the controller holds', async () => {
      // The shape of gothinkster/spring-boot-realworld-example-app's MyBatisArticleRepository.
      const f = await joined({
        'src/main/java/mybatis/ArticleMapper.java': lines(
          'package mybatis;',
          '',
          'import org.apache.ibatis.annotations.Mapper;',
          'import org.apache.ibatis.annotations.Param;',
          '',
          '@Mapper',
          'public interface ArticleMapper {',
          '  Tag findTag(@Param("tagName") String tagName);',
          '  void insertArticleTagRelation(@Param("articleId") String articleId, @Param("tagId") String tagId);',
          '}',
        ),
        'src/main/java/mybatis/TagDtoMapper.java': lines('package mybatis;', '', 'import org.mapstruct.Mapper;', '', '@Mapper', 'public interface TagDtoMapper {', '  TagDto toDto(Tag tag);', '}'),
        'src/main/java/mybatis/MyBatisArticleRepository.java': lines(
          'package mybatis;',
          '',
          '@Repository',
          'public class MyBatisArticleRepository implements ArticleRepository {',
          '  private final ArticleMapper articleMapper;',
          '  private final TagDtoMapper dtos;',
          '',
          '  public void save(Article article) {',
          '    for (Tag tag : article.getTags()) {',
          '      Tag target = articleMapper.findTag(tag.getName());',
          '      articleMapper.insertArticleTagRelation(article.getId(), target.getId());',
          '      dtos.toDto(tag);',
          '    }',
          '  }',
          '}',
        ),
        // The controller holds the interface; its one implementation in the workspace is what runs.
        'src/main/java/core/ArticleRepository.java': lines('package core;', '', 'public interface ArticleRepository {', '  void save(Article article);', '}'),
        'src/main/java/api/ArticlesApi.java': lines(
          'package api;',
          '',
          '@RestController',
          '@RequestMapping("/articles")',
          'public class ArticlesApi {',
          '  private final ArticleRepository articleRepository;',
          '',
          '  @PostMapping',
          '  public void create(@RequestBody Article article) { articleRepository.save(article); }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/main/java/mybatis/MyBatisArticleRepository.java:10:20 articleMapper.findTag → ArticleMapper.findTag [for-each sequential] → POST /articles',
        'query-in-loop src/main/java/mybatis/MyBatisArticleRepository.java:11:7 articleMapper.insertArticleTagRelation → ArticleMapper.insertArticleTagRelation [for-each sequential] → POST /articles',
      ]);
    });

    it("MyBatis: a mapper interface found by @MapperScan, in a mapper package with no MyBatis import (RuoYi's SysConfigMapper), is a mapper too; a MapStruct one is not", async () => {
      const f = await joined({
        'src/main/java/com/ruoyi/system/mapper/SysConfigMapper.java': lines('package com.ruoyi.system.mapper;', '', 'public interface SysConfigMapper {', '  SysConfig selectConfigById(Long configId);', '}'),
        'src/main/java/com/ruoyi/system/mapper/SysConfigDtoMapper.java': lines('package com.ruoyi.system.mapper;', '', 'import org.mapstruct.Mapper;', '', '@Mapper', 'public interface SysConfigDtoMapper {', '  ConfigDto toDto(SysConfig config);', '}'),
        // Not in a mapper package: an interface of the service's own.
        'src/main/java/com/ruoyi/system/service/ConfigMapper.java': lines('package com.ruoyi.system.service;', '', 'public interface ConfigMapper {', '  ConfigDto map(SysConfig config);', '}'),
        'src/main/java/com/ruoyi/system/service/SysConfigService.java': lines(
          'package com.ruoyi.system.service;',
          '',
          'import com.ruoyi.system.mapper.SysConfigMapper;',
          '',
          '@Service',
          'public class SysConfigService {',
          '  private SysConfigMapper configMapper;',
          '  private SysConfigDtoMapper dtoMapper;',
          '  private ConfigMapper mapper;',
          '',
          '  public void deleteConfigByIds(Long[] configIds) {',
          '    for (Long configId : configIds) {',
          '      SysConfig config = configMapper.selectConfigById(configId);',
          '      dtoMapper.toDto(config);',
          '      mapper.map(config);',
          '    }',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/main/java/com/ruoyi/system/service/SysConfigService.java:13:26 configMapper.selectConfigById → SysConfigMapper.selectConfigById [for-each sequential] → -',
      ]);
    });

    it('an interface with two implementations (one per deployment, nacos\'s external and embedded stores): both are on the route; with more than three (a strategy per provider), each still is', async () => {
      const impl = (name: string, iface: string) =>
        lines(
          'package store;',
          `public class ${name} implements ${iface} {`,
          '  private final JdbcTemplate jt;',
          '  public void addTags(List<String> tags) {',
          '    for (String tag : tags) jt.update("INSERT INTO tags (name) VALUES (?)", tag);',
          '  }',
          '}',
        );
      const f = await joined({
        'src/main/java/store/ConfigStore.java': lines('package store;', 'public interface ConfigStore {', '  void addTags(List<String> tags);', '}'),
        'src/main/java/store/ExternalConfigStore.java': impl('ExternalConfigStore', 'ConfigStore'),
        'src/main/java/store/EmbeddedConfigStore.java': impl('EmbeddedConfigStore', 'ConfigStore'),
        'src/main/java/store/Provider.java': lines('package store;', 'public interface Provider {', '  void addTags(List<String> tags);', '}'),
        ...Object.fromEntries(['A', 'B', 'C', 'D'].map((x) => [`src/main/java/store/Provider${x}.java`, impl(`Provider${x}`, 'Provider')])),
        'src/main/java/api/ConfigController.java': lines(
          'package api;',
          '@RestController',
          'public class ConfigController {',
          '  private final ConfigStore configStore;',
          '  private final Provider provider;',
          '  @PostMapping("/configs")',
          '  public void create(@RequestBody List<String> tags) { configStore.addTags(tags); }',
          '  @PostMapping("/providers")',
          '  public void providers(@RequestBody List<String> tags) { provider.addTags(tags); }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/main/java/store/EmbeddedConfigStore.java:5:29 jt.update [for-each sequential] → POST /configs',
        'query-in-loop src/main/java/store/ExternalConfigStore.java:5:29 jt.update [for-each sequential] → POST /configs',
        ...['A', 'B', 'C', 'D'].map((x) => `query-in-loop src/main/java/store/Provider${x}.java:5:29 jt.update [for-each sequential] → POST /providers`),
      ]);
    });

    it("an interface's implementations are reached beside its own declaration, also those of an interface extending it (apollo's UserService, one per login provider)", async () => {
      const impl = (name: string, iface: string) =>
        lines(
          'package spi;',
          `public class ${name} implements ${iface} {`,
          '  private final UserRepository userRepository;',
          '  public List<UserPO> searchUsers(String keyword) { return userRepository.findAll(); }',
          '}',
        );
      const controller = lines(
        'package controller;',
        '@RestController',
        'public class UserInfoController {',
        '  private final UserService userService;',
        '  @GetMapping("/users")',
        '  public List<UserPO> searchUsersByKeyword(@RequestParam String keyword) { return userService.searchUsers(keyword); }',
        '}',
      );
      const three = {
        'src/main/java/spi/UserService.java': lines('package spi;', 'public interface UserService {', '  List<UserPO> searchUsers(String keyword);', '}'),
        'src/main/java/spi/UserRepository.java': lines('package spi;', 'public interface UserRepository extends JpaRepository<UserPO, Long> {}'),
        ...Object.fromEntries(['Default', 'Ldap', 'SpringSecurity'].map((x) => [`src/main/java/spi/${x}UserService.java`, impl(`${x}UserService`, 'UserService')])),
        'src/main/java/controller/UserInfoController.java': controller,
      };
      // Three implementations and the interface's declaration: all three run, not the first two.
      assert.deepEqual(hazardRows(await joined(three)), [
        'unbounded-query src/main/java/spi/DefaultUserService.java:4:60 userRepository.findAll → GET /users',
        'unbounded-query src/main/java/spi/LdapUserService.java:4:60 userRepository.findAll → GET /users',
        'unbounded-query src/main/java/spi/SpringSecurityUserService.java:4:60 userRepository.findAll → GET /users',
      ]);
      // A fourth through `interface OidcLocalUserService extends UserService`: more than three, each still on the route.
      const four = await joined({
        ...three,
        'src/main/java/spi/OidcLocalUserService.java': lines('package spi;', 'public interface OidcLocalUserService extends UserService {', '  void create(UserPO user);', '}'),
        'src/main/java/spi/OidcLocalUserServiceImpl.java': impl('OidcLocalUserServiceImpl', 'OidcLocalUserService'),
      });
      assert.deepEqual(hazardRows(four), [
        'unbounded-query src/main/java/spi/DefaultUserService.java:4:60 userRepository.findAll → GET /users',
        'unbounded-query src/main/java/spi/LdapUserService.java:4:60 userRepository.findAll → GET /users',
        'unbounded-query src/main/java/spi/OidcLocalUserServiceImpl.java:4:60 userRepository.findAll → GET /users',
        'unbounded-query src/main/java/spi/SpringSecurityUserService.java:4:60 userRepository.findAll → GET /users',
      ]);
    });

    it('OpenFeign: a @FeignClient interface is not a controller, its methods are remote calls; a loop body handed to runAsync is parallel', async () => {
      // The shape of sqshq/piggymetrics' notification-service.
      const f = await joined({
        'src/main/java/client/AccountServiceClient.java': lines(
          'package client;',
          '',
          '@FeignClient(name = "account-service")',
          'public interface AccountServiceClient {',
          '  @RequestMapping(method = RequestMethod.GET, value = "/accounts/{accountName}")',
          '  String getAccount(@PathVariable("accountName") String accountName);',
          '}',
        ),
        'src/main/java/service/NotificationService.java': lines(
          'package service;',
          '',
          '@RestController',
          'public class NotificationService {',
          '  private final AccountServiceClient client;',
          '',
          '  @PostMapping("/notify")',
          '  public void notifyAll(@RequestBody List<Recipient> recipients) {',
          '    recipients.forEach(recipient -> CompletableFuture.runAsync(() -> {',
          '      String attachment = client.getAccount(recipient.getAccountName());',
          '    }));',
          '    for (Recipient r : recipients) {',
          '      client.getAccount(r.getAccountName());',
          '    }',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(routeRows(f), [['POST', '/notify', 'src/main/java/service/NotificationService.java', 6, 'spring']]);
      assert.deepEqual(hazardRows(f), [
        'call-in-loop src/main/java/service/NotificationService.java:10:27 client.getAccount → AccountServiceClient.getAccount [.forEach() parallel] → POST /notify',
        'call-in-loop src/main/java/service/NotificationService.java:13:7 client.getAccount → AccountServiceClient.getAccount [for-each sequential] → POST /notify',
      ]);
    });

    it('a method reference in a stream (map(repo::findById), forEach(this::audit)) is a call per element; String::trim is not I/O', async () => {
      // The shape of JHipster's UserService.createUser.
      const f = await joined({
        'src/main/java/web/UserResource.java': lines(
          'package web;',
          '',
          '@RestController',
          'public class UserResource {',
          '  private final AuthorityRepository authorityRepository;',
          '',
          '  @PostMapping("/users")',
          '  public void create(@RequestBody UserDTO dto) {',
          '    Set<Authority> authorities = dto.getAuthorities().stream().map(authorityRepository::findById).filter(Optional::isPresent).map(Optional::get).collect(Collectors.toSet());',
          '    dto.getAuthorities().forEach(this::audit);',
          '    List<String> names = dto.getNames().stream().map(String::trim).collect(Collectors.toList());',
          '    authorityRepository.findById(dto.getId());',
          '  }',
          '',
          '  private void audit(String a) {',
          '    jdbcTemplate.update("INSERT INTO audit VALUES (?)", a);',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/main/java/web/UserResource.java:10:34 audit → jdbcTemplate.update [.forEach() sequential] → POST /users',
        'query-in-loop src/main/java/web/UserResource.java:9:68 authorityRepository.findById [.map() sequential] → POST /users',
      ]);
    });

    it('MyBatis: a mapper @Select without LIMIT returning a List is unbounded on the routes that call it; a lookup by key, a LIMIT or RowBounds is not', async () => {
      const f = await joined({
        'src/main/java/mapper/TagMapper.java': lines(
          'package mapper;',
          '',
          'import org.apache.ibatis.annotations.Mapper;',
          'import org.apache.ibatis.annotations.Select;',
          '',
          '@Mapper',
          'public interface TagMapper {',
          '  @Select("select id, name from tags order by name")',
          '  List<Tag> allTags();',
          '',
          '  @Select("select * from tags where id = #{id}")',
          '  List<Tag> byId(long id);',
          '',
          '  @Select("select * from tags order by id desc limit 10")',
          '  List<Tag> recent();',
          '',
          '  @Select("select * from tags")',
          '  List<Tag> paged(RowBounds bounds);',
          '}',
        ),
        'src/main/java/web/TagController.java': lines(
          'package web;',
          '',
          '@RestController',
          'public class TagController {',
          '  private final TagMapper tagMapper;',
          '',
          '  @GetMapping("/tags")',
          '  public List<Tag> all() { return tagMapper.allTags(); }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['unbounded-query src/main/java/mapper/TagMapper.java:8:3 TagMapper.allTags → GET /tags']);
    });

    it('Spring Data: of two overloads, the call lands on the one with as many parameters as it passes arguments', async () => {
      // The shape of every JHipster entity with relationships: a paged and an unpaged fetch of the same name.
      const f = await joined({
        'src/main/java/repository/OperationRepository.java': lines(
          'package repository;',
          '',
          'public interface OperationRepository extends JpaRepository<Operation, Long> {',
          '  default Page<Operation> findAllWithEagerRelationships(Pageable pageable) {',
          '    return this.findAllWithToOneRelationships(pageable);',
          '  }',
          '',
          '  @Query("select operation from Operation operation left join fetch operation.bankAccount")',
          '  List<Operation> findAllWithEagerRelationships();',
          '',
          '  @Query(value = "select operation from Operation operation left join fetch operation.bankAccount", countQuery = "select count(operation) from Operation operation")',
          '  Page<Operation> findAllWithToOneRelationships(Pageable pageable);',
          '}',
        ),
        'src/main/java/web/OperationResource.java': lines(
          'package web;',
          '',
          '@RestController',
          '@RequestMapping("/api")',
          'public class OperationResource {',
          '  private final OperationRepository operationRepository;',
          '',
          '  @GetMapping("/operations")',
          '  public List<Operation> getAll(Pageable pageable) {',
          '    return operationRepository.findAllWithEagerRelationships(pageable).getContent();',
          '  }',
          '',
          '  @GetMapping("/operations/export")',
          '  public List<Operation> export() {',
          '    return operationRepository.findAllWithEagerRelationships();',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['unbounded-query src/main/java/repository/OperationRepository.java:8:3 OperationRepository.findAllWithEagerRelationships → GET /api/operations/export']);
    });

    it("Spring Data: a repository named a DAO (hertzbeat's alertDao) queries per item in a loop, and its findAll without a Pageable is unbounded", async () => {
      const f = await joined({
        'src/main/java/alert/AlertServiceImpl.java': lines(
          'package alert;',
          '',
          '@Service',
          'public class AlertServiceImpl {',
          '  private final AlertDao alertDao;',
          '  private final MonitorDao monitors;',
          '',
          '  public List<Alert> all(Specification<Alert> spec) {',
          '    return alertDao.findAll(spec);',
          '  }',
          '',
          '  public Page<Alert> page(Specification<Alert> spec, PageRequest page) {',
          '    return alertDao.findAll(spec, page);',
          '  }',
          '',
          '  public void touch(List<Long> ids) {',
          '    for (Long id : ids) {',
          '      monitors.findById(id);',
          '    }',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/main/java/alert/AlertServiceImpl.java:18:7 monitors.findById [for-each sequential] → -',
        'unbounded-query src/main/java/alert/AlertServiceImpl.java:9:12 alertDao.findAll → -',
      ]);
    });

    it('JPA: a method the loop hands each entity to, which calls a lazy association\'s getter on it, is a query per row at the call', async () => {
      const f = await joined({
        'src/main/java/shop/Order.java': lines(
          'package shop;',
          '@Entity',
          'public class Order {',
          '  @Id private Long id;',
          '  @ManyToOne(fetch = FetchType.LAZY)',
          '  private Customer customer;',
          '  private String reference;',
          '}',
        ),
        'src/main/java/shop/OrderView.java': lines(
          'package shop;',
          'public class OrderView {',
          '  public static String line(Order order, String lang) {',
          '    return order.getReference() + " for " + order.getCustomer().getName();',
          '  }',
          '  public static String ref(Order order) {',
          '    return order.getReference();',
          '  }',
          '}',
        ),
        'src/main/java/shop/OrderController.java': lines(
          'package shop;',
          '@RestController',
          'public class OrderController {',
          '  private final OrderRepository orders;',
          '  @GetMapping("/orders")',
          '  public List<String> list() {',
          '    List<String> out = new ArrayList<>();',
          '    for (Order o : orders.findTop50ByOrderByIdDesc()) {',
          '      out.add(OrderView.line(o, "en"));',
          '      out.add(OrderView.ref(o));',
          '    }',
          '    return out;',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop src/main/java/shop/OrderController.java:9:15 OrderView.line(o) [for-each sequential] → GET /orders']);
    });

    it('JPA: a lazy association read per entity of a loop is a query per row, unless eager, batched or fetched by a JOIN FETCH', async () => {
      // The classic Hibernate N+1: for (Order o : orders) o.getItems().size().
      const f = await joined({
        'src/main/java/shop/Order.java': lines(
          'package shop;',
          '',
          '@Entity',
          'public class Order {',
          '  @Id private Long id;',
          '  @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)',
          '  private List<Item> items;',
          '  @ManyToOne(fetch = FetchType.LAZY)',
          '  @JoinColumn(name = "customer_id")',
          '  private Customer customer;',
          '  @ManyToOne',
          '  private Store store;',
          '  @OneToMany(mappedBy = "order", fetch = FetchType.EAGER)',
          '  private List<Note> notes;',
          '  @OneToMany(mappedBy = "order")',
          '  @BatchSize(size = 50)',
          '  private List<Payment> payments;',
          '  @ElementCollection',
          '  private Set<String> tags;',
          '}',
        ),
        // Its JPQL is read as SQL is: the orders of the ids given, not an unbounded list; a MongoDB query is no SQL.
        'src/main/java/shop/OrderRepository.java': lines(
          'package shop;',
          '',
          'public interface OrderRepository extends JpaRepository<Order, Long> {',
          '  @Query("SELECT o FROM Order o JOIN FETCH o.tags WHERE o.id IN :ids")',
          '  List<Order> withTags(List<Long> ids);',
          '  @Query("{ \'active\': true }")',
          '  List<Order> findActive();',
          '}',
        ),
        'src/main/java/shop/OrderController.java': lines(
          'package shop;',
          '',
          '@RestController',
          '@RequestMapping("/orders")',
          'class OrderController {',
          '  private final OrderRepository orders;',
          '',
          '  @GetMapping',
          '  public List<Summary> list() {',
          '    List<Order> page = orders.findAll(PageRequest.of(0, 20)).getContent();',
          '    List<Summary> out = new ArrayList<>();',
          '    for (Order o : page) {',
          '      out.add(new Summary(o.getId(), o.getItems().size(), o.getCustomer().getName(), o.getStore().getName(), o.getNotes().size(), o.getPayments().size(), o.getTags().size()));',
          '    }',
          '    page.stream().map(o -> o.getCustomer()).forEach(this::log);',
          '    return out;',
          '  }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop src/main/java/shop/OrderController.java:13:38 o.getItems() [for-each sequential] → GET /orders',
        'query-in-loop src/main/java/shop/OrderController.java:13:59 o.getCustomer() [for-each sequential] → GET /orders',
        'query-in-loop src/main/java/shop/OrderController.java:15:28 o.getCustomer() [.map() sequential] → GET /orders',
        'unbounded-query src/main/java/shop/OrderRepository.java:6:3 OrderRepository.findActive → -',
      ]);
    });

    it('Spring Data: a repository query method returning a List without a Pageable is unbounded, on the routes that call it; one by parent keys or values the caller lists, or by a natural key, is not', async () => {
      // The shapes of spring-petclinic's PetTypeRepository and OwnerRepository.
      const f = await joined({
        'src/main/java/owner/PetTypeRepository.java': lines(
          'package owner;',
          '',
          'public interface PetTypeRepository extends JpaRepository<PetType, Integer> {',
          '  @Query("SELECT ptype FROM PetType ptype ORDER BY ptype.name")',
          '  List<PetType> findPetTypes();',
          '}',
        ),
        'src/main/java/owner/OwnerRepository.java': lines(
          'package owner;',
          '',
          'public interface OwnerRepository extends JpaRepository<Owner, Integer> {',
          '  Page<Owner> findByLastNameStartingWith(String lastName, Pageable pageable);',
          '  List<Owner> findByLastName(String lastName);',
          '  List<Owner> findTop10ByOrderByIdDesc();',
          '  List<Visit> findVisitsByPetId(Integer petId);',
          '  List<Visit> findByPetIdIn(Collection<Integer> petIds);',
          // hertzbeat's: the caller's list on any column, or a natural key.
          '  List<Owner> findOwnersByNameIn(List<String> names);',
          '  List<Owner> findByUid(String uid);',
          // …not the rows outside a list, a flag that ends in In, nor an order by a key.
          '  List<Owner> findByStatusNotIn(List<String> statuses);',
          '  List<Owner> findAllByLoggedIn(boolean loggedIn);',
          '  List<Owner> findAllByStatusOrderByEmail(String status);',
          '  @Query(value = "SELECT * FROM owners ORDER BY id DESC LIMIT 5", nativeQuery = true)',
          '  List<Owner> newest();',
          '  Optional<Owner> findById(Integer id);',
          '  List<Owner> findAll();',
          '}',
        ),
        'src/main/java/owner/OwnerController.java': lines(
          'package owner;',
          '',
          '@RestController',
          '@RequestMapping("/owners")',
          'class OwnerController {',
          '  private final OwnerRepository owners;',
          '  private final PetTypeRepository types;',
          '',
          '  @GetMapping("/types")',
          '  public List<PetType> types() { return this.types.findPetTypes(); }',
          '',
          '  @GetMapping',
          '  public List<Owner> byName(@RequestParam String lastName) { return this.owners.findByLastName(lastName); }',
          '',
          '  @GetMapping("/{id}")',
          '  public Owner one(@PathVariable int id) { return this.owners.findById(id).orElseThrow(); }',
          '',
          '  @GetMapping("/visits")',
          '  public List<Visit> visits(@RequestParam List<Integer> petIds) { return this.owners.findByPetIdIn(petIds); }',
          '',
          '  @GetMapping("/named")',
          '  public List<Owner> named(@RequestParam List<String> names, @RequestParam String uid) { this.owners.findByUid(uid); return this.owners.findOwnersByNameIn(names); }',
          '',
          '  @GetMapping("/others")',
          '  public void others(@RequestParam List<String> s) { this.owners.findByStatusNotIn(s); this.owners.findAllByLoggedIn(true); this.owners.findAllByStatusOrderByEmail("a"); }',
          '}',
        ),
      });
      // findByPetIdIn (spring-petclinic-microservices' VisitRepository): the visits of the pets the caller lists.
      assert.deepEqual(hazardRows(f), [
        'unbounded-query src/main/java/owner/OwnerRepository.java:11:3 OwnerRepository.findByStatusNotIn → GET /owners/others',
        'unbounded-query src/main/java/owner/OwnerRepository.java:12:3 OwnerRepository.findAllByLoggedIn → GET /owners/others',
        'unbounded-query src/main/java/owner/OwnerRepository.java:13:3 OwnerRepository.findAllByStatusOrderByEmail → GET /owners/others',
        'unbounded-query src/main/java/owner/OwnerRepository.java:5:3 OwnerRepository.findByLastName → GET /owners',
        'unbounded-query src/main/java/owner/PetTypeRepository.java:4:3 PetTypeRepository.findPetTypes → GET /owners/types',
      ]);
    });

    it('Spring: a @ModelAttribute method runs before every route of its controller; one on a parameter does not', async () => {
      // The shape of spring-petclinic's PetController: @ModelAttribute("types") lists every pet type, per request.
      const f = await joined({
        'src/main/java/pet/PetController.java': lines(
          'package pet;',
          '',
          '@Controller',
          '@RequestMapping("/owners/{ownerId}")',
          'class PetController {',
          '  private final PetTypeRepository types;',
          '',
          '  @ModelAttribute("types")',
          '  public Collection<PetType> populatePetTypes() {',
          '    return this.types.findAll();',
          '  }',
          '',
          '  @GetMapping("/pets/new")',
          '  public String initCreationForm(Owner owner) { return "pets/form"; }',
          '',
          '  @PostMapping("/pets/new")',
          '  public String processCreationForm(@ModelAttribute Owner owner, Pet pet) { return "redirect:/owners/{ownerId}"; }',
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'unbounded-query src/main/java/pet/PetController.java:10:12 this.types.findAll → GET /owners/{ownerId}/pets/new, POST /owners/{ownerId}/pets/new',
      ]);
    });

    it("Spring's RestClient: built without a timeout, and called per item", async () => {
      // The shape of spring-petclinic-microservices' AIDataProvider.
      const provider = (build: string) =>
        lines(
          'package shop;',
          'public class Provider {',
          '  private final RestClient restClient;',
          `  public Provider() { this.restClient = ${build}; }`,
          '  public void sync(List<String> ids) {',
          '    for (String id : ids) { restClient.get().uri("/owners/" + id).retrieve().body(String.class); }',
          '  }',
          '}',
        );
      assert.deepEqual(hazardRows(await joined({ 'src/main/java/shop/Provider.java': provider('RestClient.builder().build()') })), [
        'call-in-loop src/main/java/shop/Provider.java:6:29 restClient.get [for-each sequential] → -',
        'missing-timeout src/main/java/shop/Provider.java:4:41 RestClient.builder → -',
      ]);
      const timed = provider('RestClient.builder().requestFactory(factory).build()');
      assert.deepEqual(hazardRows(await joined({ 'src/main/java/shop/Provider.java': timed })).map((r) => r.split(' ')[0]), ['call-in-loop']);
    });
  });
});

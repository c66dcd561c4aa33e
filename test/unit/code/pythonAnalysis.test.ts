import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import type { FileAnalysis } from '../../../src/core/code/codeModel';
import { analyzed, grammars, hazardRows, joined, lines, loopHazards, routeRows, summary } from './fixtureWorkspace';
import { pythonStringConstants } from '../../../src/core/code/routes/pythonConstants';
import { envPart } from '../../../src/core/code/routes/envParts';
import { NAMED_PART } from '../../../src/core/code/routes/routeCollector';

const SHOP = join(__dirname, '../../../examples/shop');
const FIXTURES = join(__dirname, '../../fixtures/code');

describe('code analysis: Python (tree-sitter)', function () {
  this.timeout(10_000);
  let index: CodeIndex;
  const analyze = (file: string, text: string): Promise<FileAnalysis> => analyzed(index, file, text);
  const routesOf = (a: FileAnalysis) => a.routes.map((r) => [r.method, r.path, r.declaration.start.line]);

  before(() => {
    index = new CodeIndex(grammars);
  });

  describe('the example shop (catalog service, FastAPI)', () => {
    const text = readFileSync(join(SHOP, 'services/catalog/app/main.py'), 'utf8');

    it('finds the three routes (not the startup hook), at their decorators', async () => {
      const a = await analyze('services/catalog/app/main.py', text);
      assert.equal(a.language, 'python');
      assert.deepEqual(routesOf(a), [
        ['GET', '/products', 18],
        ['GET', '/products/{product_id}', 32],
        ['POST', '/internal/reindex', 41],
      ]);
      assert.ok(a.routes.every((r) => r.framework === 'fastapi'));
    });

    it('finds the call-in-loop on GET /products and the query-in-loop on POST /internal/reindex', async () => {
      const a = await analyze('services/catalog/app/main.py', text);
      assert.deepEqual(loopHazards(a).map(summary), [
        ['call-in-loop', 27, 15, 'requests.get', 'for', 'sequential', ['GET /products']],
        ['query-in-loop', 46, 18, 'db.execute', 'for', 'sequential', ['POST /internal/reindex']],
      ]);
    });

    it('a test module (tests/…, test_*.py) with the same code has no hazards and serves no routes', async () => {
      // Django's own convention too: an app's tests.py (microblog's tests.py listed its .all() calls as load).
      for (const file of ['services/catalog/tests/main.py', 'services/catalog/app/test_main.py', 'services/catalog/app/main_test.py', 'services/catalog/app/tests.py']) {
        const a = await analyze(file, text);
        assert.deepEqual(a.hazards, [], file);
        assert.deepEqual(a.routes, [], file);
      }
    });
  });

  describe('FastAPI APIRouter with a prefix', () => {
    const text = readFileSync(join(FIXTURES, 'api.py'), 'utf8');

    it("a method of a class a function makes itself (r = RecipeRepo(session)), also inherited from its base, is followed: one query per slug (mealie's bulk actions)", async () => {
      const f = await joined({
        'app/repo.py': lines(
          'class Generic:',
          '    def __init__(self, session):',
          '        self.session = session',
          '    def get_one(self, slug):',
          '        return self.session.execute(select(Recipe).where(Recipe.slug == slug)).scalars().first()',
          '',
          'class RecipeRepo(Generic):',
          '    pass',
          '',
          'class Other:',
          '    def get_one(self, slug):',
          '        return slug',
        ),
        'app/main.py': lines(
          'from .repo import Generic, Other, RecipeRepo',
          '',
          '@app.post("/b")',
          'def b(slugs: list[str]):',
          '    r = RecipeRepo(session)',
          '    for s in slugs:',
          '        r.get_one(s)',
          '',
          '@app.post("/c")',
          'def c(slugs: list[str]):',
          '    r = Other()',
          '    for s in slugs:',
          '        r.get_one(s)',
          '',
          // Another class on another path (taiga's Jira import: an agile or a normal importer): both may run.
          '@app.post("/d")',
          'def d(slugs: list[str], fast: bool):',
          '    if fast:',
          '        r = Other()',
          '    else:',
          '        r = RecipeRepo(session)',
          '    for s in slugs:',
          '        r.get_one(s)',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop app/main.py:22:9 r.get_one → self.session.execute.scalars [for sequential] → POST /d',
        'query-in-loop app/main.py:7:9 r.get_one → self.session.execute.scalars [for sequential] → POST /b',
      ]);
    });

    it("a function a package's __init__.py imports by name or star-imports is followed through the package imported as a module (taiga's services.duplicate_project())", async () => {
      const f = await joined({
        'projects/services/__init__.py': lines('from .projects import duplicate_project', 'from .other import *'),
        'projects/services/projects.py': lines('def duplicate_project(project, ids):', '    for i in ids:', '        Item.objects.filter(pk=i).update(project=project)'),
        'projects/services/other.py': lines('def move_items(project, ids):', '    for i in ids:', '        Item.objects.filter(pk=i).update(project=project)'),
        'projects/api.py': lines(
          'from django.http import JsonResponse',
          'from . import services',
          '',
          'def duplicate(request):',
          '    services.duplicate_project(request.project, request.ids)',
          '    services.move_items(request.project, request.ids)',
          '    return JsonResponse({})',
        ),
        'projects/urls.py': lines('from django.urls import path', 'from . import api', 'urlpatterns = [path("dup/", api.duplicate)]'),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop projects/services/other.py:3:9 Item.objects.filter.update [for sequential] → ANY dup/',
        'query-in-loop projects/services/projects.py:3:9 Item.objects.filter.update [for sequential] → ANY dup/',
      ]);
    });

    it("a method of what an annotated property returns (mealie's self.repos.users.get_locked_users(), self.repo.get_one()), or one returning such a chain, or one that only makes and returns an instance, is followed; another unannotated one, or an ambiguous one, is not", async () => {
      const f = await joined({
        'app/repos.py': lines(
          'class RepositoryUsers:',
          '    def get_locked_users(self):',
          '        return self.session.execute(select(User).where(User.locked)).scalars().first()',
          '',
          'class RepositoryRecipes:',
          '    def get_one(self, slug):',
          '        return self.session.execute(select(Recipe).where(Recipe.slug == slug)).scalars().first()',
          '',
          'class AllRepositories:',
          '    @cached_property',
          '    def users(self) -> RepositoryUsers:',
          '        return RepositoryUsers(self.session)',
          '    @cached_property',
          '    def recipes(self) -> "RepositoryRecipes":',
          '        return RepositoryRecipes(self.session)',
          '    @cached_property',
          '    def plain(self):',
          '        repo = RepositoryRecipes(self.session)',
          '        return repo',
          '    @cached_property',
          '    def made(self):',
          '        return RepositoryRecipes(self.session)',
        ),
        'app/other.py': lines('class Elsewhere:', '    @property', '    def users(self) -> list:', '        return []'),
        // A property handing on the accessor of its own name returns what that one does (mealie's explore controllers).
        'app/explore.py': lines('class PublicRecipes:', '    @property', '    def recipes(self):', '        return self.repos.recipes'),
        'app/main.py': lines(
          'from .repos import AllRepositories, RepositoryRecipes',
          '',
          'class Controller:',
          '    @property',
          '    def repo(self) -> RepositoryRecipes:',
          '        return self.repos.recipes',
          '',
          '    @router.post("/unlock")',
          '    def unlock(self, ids: list[str]):',
          '        for i in ids:',
          '            self.repos.users.get_locked_users()',
          '',
          '    @router.post("/bulk")',
          '    def bulk(self, slugs: list[str]):',
          '        for s in slugs:',
          '            self.repo.get_one(s)',
          '        for s in slugs:',
          '            self.repos.recipes.get_one(s)',
          '        for s in slugs:',
          '            self.repos.plain.get_one(s)',
          '',
          'class RecipeController:',
          '    @cached_property',
          '    def repo(self):',
          '        return self.repos.recipes',
          '',
          '    @cached_property',
          '    def loose(self):',
          '        return self.repos.plain',
          '',
          '    @router.post("/touch")',
          '    def touch(self, slugs: list[str]):',
          '        for s in slugs:',
          '            self.repo.get_one(s)',
          '        for s in slugs:',
          '            self.loose.get_one(s)',
          '        for s in slugs:',
          '            self.repos.made.get_one(s)',
        ),
      });
      // An unannotated property that returns `self.repos.recipes` is read as that chain (mealie's controllers);
      // one that returns an unannotated property's value says nothing.
      assert.deepEqual(hazardRows(f), [
        'query-in-loop app/main.py:16:13 self.repo.get_one → self.session.execute.scalars [for sequential] → POST /bulk',
        'query-in-loop app/main.py:18:13 self.repos.recipes.get_one → self.session.execute.scalars [for sequential] → POST /bulk',
        'query-in-loop app/main.py:34:13 self.repo.get_one → self.session.execute.scalars [for sequential] → POST /touch',
        'query-in-loop app/main.py:38:13 self.repos.made.get_one → self.session.execute.scalars [for sequential] → POST /touch',
      ]);
    });

    it("models.Query.by_user() is Query's method, not every by_user of the module (redash's Dashboard has one too)", async () => {
      const f = await joined({
        'app/models.py': lines(
          'class Query:',
          '    @classmethod',
          '    def by_user(cls, user):',
          '        return cls.cache[user]',
          '',
          'class Dashboard:',
          '    @classmethod',
          '    def by_user(cls, user):',
          '        return db.session.execute(select(Dashboard).where(Dashboard.user == user)).scalars().first()',
        ),
        'app/views.py': lines(
          'from app import models',
          'from app.models import Dashboard, Query',
          '',
          '@app.post("/q")',
          'def q(users: list[str]):',
          '    for u in users:',
          '        models.Query.by_user(u)',
          '    for u in users:',
          '        Query.by_user(u)',
          '    for u in users:',
          '        Dashboard.by_user(u)',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop app/views.py:11:9 Dashboard.by_user → db.session.execute.scalars [for sequential] → POST /q']);
    });

    it('a Flask view serving GET and POST: what its `if request.method == "POST":` branch does is on the POST route only', async () => {
      const f = await joined({
        'app/views.py': lines(
          'from flask import Flask, request',
          'app = Flask(__name__)',
          '',
          '@app.route("/items", methods=["GET", "POST"])',
          'def items():',
          '    if request.method == "POST":',
          '        for i in request.json["ids"]:',
          '            cursor.execute("UPDATE items SET seen = 1 WHERE id = %s", [i])',
          '        return "", 204',
          '    return render_template("items.html")',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop app/views.py:8:13 cursor.execute [for sequential] → POST /items']);
    });

    it('…also when the query is in a helper of another module the branch calls per item (CTFd\'s admin config: set_config in a loop)', async () => {
      const f = await joined({
        'app/config.py': lines('from app.db import db', 'def set_config(key, value):', '    db.session.execute("UPDATE config SET value = :v WHERE key = :k", {"k": key, "v": value})'),
        'app/admin.py': lines(
          'from flask import Flask, request',
          'from app.config import set_config',
          'app = Flask(__name__)',
          '@app.route("/admin/reset", methods=["GET", "POST"])',
          'def reset():',
          '    if request.method == "POST":',
          '        for key in request.form:',
          '            set_config(key, None)',
          '    return render_template("reset.html")',
        ),
      });
      assert.deepEqual(hazardRows(f), ['query-in-loop app/admin.py:8:13 set_config → db.session.execute [for sequential] → POST /admin/reset']);
    });

    it('a call on a literal (a format string) is analysed like any other call, not a reason to drop the file', async () => {
      const a = await analyze(
        'app/translate.py',
        lines('import requests', '', 'def translate(src, dest):', '    r = requests.post(', '        "https://api.example.com"', '        "/translate?from={}&to={}".format(src, dest), json=[])', '    return r'),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [['missing-timeout', 3, 'requests.post']],
      );
    });

    it("a project's APIRouter subclass given a prefix (mealie's UserAPIRouter(prefix=\"/recipes\")) prefixes its routes too", async () => {
      const f = await joined({
        'app/routers.py': lines('from fastapi import APIRouter', '', 'class UserAPIRouter(APIRouter):', '    def __init__(self, prefix: str = "", **kwargs):', '        super().__init__(prefix=prefix, **kwargs)'),
        'app/recipes.py': lines('from .routers import UserAPIRouter', '', 'router = UserAPIRouter(prefix="/recipes")', '', '@router.get("/{slug}")', 'def get_one(slug: str):', '    return {}'),
      });
      assert.deepEqual(routeRows(f), [['GET', '/recipes/{slug}', 'app/recipes.py', 4, 'fastapi']]);
    });

    it('prefixes every route of the router', async () => {
      const a = await analyze('app/api.py', text);
      assert.deepEqual(routesOf(a), [
        ['GET', '/api/prices', 10],
        ['POST', '/api/orders/{order_id}/lines', 15],
        ['GET', '/api/quiet', 22],
      ]);
    });

    it('asyncio.gather(*[client.get(u) for u in urls]) is a parallel call-in-loop; a for loop is sequential; /quiet has none', async () => {
      const a = await analyze('app/api.py', text);
      assert.deepEqual(loopHazards(a).map(summary), [
        ['call-in-loop', 12, 34, 'client.get', 'comprehension', 'parallel', ['GET /api/prices']],
        ['query-in-loop', 18, 14, 'db.execute', 'for', 'sequential', ['POST /api/orders/{order_id}/lines']],
      ]);
    });
  });

  describe('Flask', () => {
    const text = readFileSync(join(FIXTURES, 'flask_app.py'), 'utf8');

    it("@app.route('/x', methods=['POST']) is POST; several methods give one route each; no methods is GET", async () => {
      const a = await analyze('web/flask_app.py', text);
      assert.deepEqual(routesOf(a), [
        ['POST', '/x', 6],
        ['GET', '/y', 11],
        ['PUT', '/y', 11],
        ['GET', '/users/<int:user_id>', 16],
        ['DELETE', '/admin/cache', 21],
      ]);
      assert.deepEqual(
        a.routes.slice(0, 4).map((r) => r.framework),
        ['flask', 'flask', 'flask', 'flask'],
      );
    });

    it('a helper that calls out, called in a comprehension, is on the route that calls the helper', async () => {
      const a = await analyze('web/flask_app.py', text);
      assert.deepEqual(a.hazards.map(summary), [
        ['call-in-loop', 27, 12, 'fetch_one → session.get', 'comprehension', 'sequential', ['GET /users/<int:user_id>']],
      ]);
    });
  });

  describe("a database wrapper's own calls (lnbits)", () => {
    it('(conn or db).execute(…) is a query on the fallback client; db.fetchall("SELECT …") and db.fetchone(…) are queries, cursor.fetchall() reads the rows of the execute before it', async () => {
      const f = await joined({
        'lnbits/core/crud/wallets.py': lines(
          'from lnbits.db import Connection, Database',
          'db = Database("database")',
          'async def delete_wallet_by_id(wallet_id: str, conn: Optional[Connection] = None):',
          '    await (conn or db).execute("UPDATE wallets SET deleted = true WHERE id = :wallet", {"wallet": wallet_id})',
          'async def get_settings(conn: Optional[Connection] = None):',
          '    return await (conn or db).fetchall("SELECT * FROM system_settings")',
          'async def get_wallet(wallet_id: str):',
          '    return await db.fetchone("SELECT * FROM wallets WHERE id = :id", {"id": wallet_id})',
          'def read_rows(cursor):',
          '    return cursor.fetchall()',
          // Its paged read, which adds the LIMIT of the page it is given.
          'async def get_audit_entries(filters, conn=None):',
          '    return await (conn or db).fetch_page("SELECT * FROM audit", [], {}, filters=filters)',
        ),
        'lnbits/core/views/user_api.py': lines(
          'from fastapi import APIRouter',
          'from lnbits.core.crud.wallets import delete_wallet_by_id, get_audit_entries, get_settings, get_wallet',
          'users_router = APIRouter(prefix="/users/api/v1")',
          '@users_router.delete("/user/{user_id}")',
          'async def api_users_delete_user(user_id: str, wallet_ids: list[str]):',
          '    for wallet_id in wallet_ids:',
          '        await delete_wallet_by_id(wallet_id)',
          '        await get_wallet(wallet_id)',
          '@users_router.get("/settings")',
          'async def api_settings():',
          '    return await get_settings()',
          '@users_router.get("/audit")',
          'async def api_audit(filters):',
          '    return await get_audit_entries(filters)',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop lnbits/core/views/user_api.py:7:15 delete_wallet_by_id → db.execute [for sequential] → DELETE /users/api/v1/user/{user_id}',
        'query-in-loop lnbits/core/views/user_api.py:8:15 get_wallet → db.fetchone [for sequential] → DELETE /users/api/v1/user/{user_id}',
        'unbounded-query lnbits/core/crud/wallets.py:6:18 db.fetchall → GET /users/api/v1/settings',
      ]);
    });
  });

  describe('a name of no known type read as a dict', () => {
    it("flag.get('type') in a loop is a dict's get, not the get of a class named Flag (a resource answering GET); flag.save() still lands on Flag", async () => {
      // CTFd's CSV import: `for flag in json_flags: flag.get("type")`, with api/v1/flags.py's `class Flag(Resource)`.
      const f = await joined({
        'app/api/flags.py': lines(
          'from flask_restx import Namespace, Resource',
          'from app.models import db',
          'flags_namespace = Namespace("flags")',
          '@flags_namespace.route("/<flag_id>")',
          'class Flag(Resource):',
          '    def get(self, flag_id):',
          '        return db.session.execute("SELECT * FROM flags").all()',
          '    def save(self):',
          '        db.session.commit()',
        ),
        'app/importer.py': lines(
          'from flask import Blueprint',
          'bp = Blueprint("admin", __name__)',
          '@bp.route("/admin/import", methods=["POST"])',
          'def import_flags(json_flags, flags):',
          '    for flag in json_flags:',
          '        kind = flag.get("type")',
          '    for flag in flags:',
          '        flag.save()',
        ),
      });
      assert.deepEqual(
        hazardRows(f).filter((h) => h.startsWith('query-in-loop')),
        ['query-in-loop app/importer.py:8:9 flag.save → db.session.commit [for sequential] → POST /admin/import'],
      );
    });
  });

  describe("a hazard in a handler that another route's handler calls too", () => {
    it("is on the handler's own route first, then on the routes that reach it through a call", async () => {
      const f = await joined({
        'app/views.py': lines(
          'from flask import Flask',
          'app = Flask(__name__)',
          '@app.route("/import", methods=["POST"])',
          'def import_all():',
          '    return show_hint(1)',
          '@app.route("/hints/<int:hint_id>")',
          'def show_hint(hint_id):',
          '    return db.session.execute("SELECT * FROM hints").all()',
        ),
      });
      assert.deepEqual(hazardRows(f), ['unbounded-query app/views.py:8:12 db.session.execute.all → GET /hints/<int:hint_id>, POST /import']);
    });
  });

  describe('a module imported under another name', () => {
    it("import requests as requests_or_advocate (redash's query runners): its get without a timeout is requests.get's; with one it is not", async () => {
      const a = await analyze(
        'redash/query_runner/csv.py',
        lines('import requests as requests_or_advocate', 'def run_query(url):', '    first = requests_or_advocate.get(url)', '    second = requests_or_advocate.get(url, timeout=5)', '    return first, second'),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [['missing-timeout', 2, 'requests_or_advocate.get']],
      );
    });
  });

  describe('HTTP sessions and clients held in a name', () => {
    it("a module's own top-level def under a client's name is the module's; urllib's, imported, is urllib's", async () => {
      const own = await analyze('app/feeds.py', lines('def urlopen(path):', '    return open(path).read()', '', 'def load(path):', '    return urlopen(path)'));
      assert.deepEqual(own.hazards, []);
      const lib = await analyze('app/fetch.py', lines('from urllib.request import urlopen', '', 'def load(url):', '    return urlopen(url)'));
      assert.deepEqual(lib.hazards.map((h) => [h.code, h.range.start.line]), [['missing-timeout', 3]]);
    });

    it("a requests.Session's calls are requests' (no timeout, blocking in async def), whatever the name; httpx.Client blocks but has a timeout", async () => {
      const f = await joined({
        'web/app.py': lines(
          'import httpx', // 1
          'import requests',
          'from flask import Flask',
          '',
          'app = Flask(__name__)', // 5
          'http = requests.Session()',
          '',
          '@app.get("/a")',
          'def a():',
          '    return http.get("http://x/a").json()', // 10
          '',
          '@app.get("/b")',
          'async def b():',
          '    sess = requests.Session()',
          '    return sess.post("http://x/b", json={}).json()', // 15
          '',
          '@app.get("/c")',
          'async def c():',
          '    with requests.Session() as s:',
          '        return s.get("http://x/c", timeout=2).json()', // 20
          '',
          '@app.get("/d")',
          'async def d():',
          '    return httpx.Client().get("http://x/d").json()',
          '',
          'class Peer:',
          '    def __init__(self):',
          '        self.client = httpx.Client(base_url="http://peer")',
          '    async def ask(self):',
          '        return self.client.get("/q")', // 30
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'blocking-call web/app.py:15:12 sess.post → GET /b',
        'blocking-call web/app.py:20:16 s.get → GET /c',
        'blocking-call web/app.py:24:12 httpx.Client.get → GET /d',
        'blocking-call web/app.py:30:16 self.client.get → -',
        'missing-timeout web/app.py:10:12 http.get → GET /a',
        'missing-timeout web/app.py:15:12 sess.post → GET /b',
      ]);
      assert.deepEqual([...new Set(routeRows(f).map((r) => r[4]))], ['flask']);
    });

    it("Flask's session (CTFd's `session.get(\"id\")`) is the request's signed cookie, read in memory: no remote call per item", async () => {
      const f = await joined({
        'ctfd/utils.py': lines(
          'from flask import (',
          '    Flask,',
          '    request,',
          '    session,',
          ')',
          'app = Flask(__name__)',
          'def authed():',
          '    return bool(session.get("id", False))',
          '@app.post("/import")',
          'def import_rows():',
          '    return {"ok": [authed() for _ in request.json]}',
        ),
        'other/client.py': lines('import requests', 'session = requests.Session()', 'def each(urls):', '    return [session.get(u, timeout=2) for u in urls]'),
        // Flask's imported under another name: `session` is the requests session.
        'prices/app.py': lines('import requests', 'from flask import Flask, session as user_session', 'session = requests.Session()', 'def each(urls):', '    return [session.get(u, timeout=2) for u in urls]'),
      });
      assert.deepEqual(hazardRows(f), ['call-in-loop other/client.py:4:13 session.get [comprehension sequential] → -', 'call-in-loop prices/app.py:5:13 session.get [comprehension sequential] → -']);
    });

    it('a session given an adapter with a timeout, and a database session, are not reported', async () => {
      const f = await joined({
        'web/peer.py': lines(
          'import requests',
          'from .adapters import TimeoutHTTPAdapter',
          'http = requests.Session()',
          'http.mount("https://", TimeoutHTTPAdapter(timeout=5))',
          'def ask():',
          '    return http.get("https://peer/q")',
        ),
        'web/repo.py': lines('from sqlalchemy.orm import Session', 'def one(session: Session, id):', '    return session.get(Row, id)'),
      });
      assert.deepEqual(hazardRows(f), []);
    });

    it("an element of a mapping named client (client[channel].put(msg): CTFd's event queues) is not the client; a computed method of one is", async () => {
      const f = await joined({
        'ctfd/events.py': lines(
          'class EventManager:',
          '    def publish(self, message, channel="ctf"):',
          '        for client in list(self.clients.values()):',
          '            client[channel].put(message)',
          '',
          'def send_all(client, urls):',
          '    for u in urls:',
          '        client.put(u, timeout=5)', // 8: per url
        ),
        'web/fanout.ts': lines(
          "import axios from 'axios';",
          'export async function send(method: string, urls: string[]) {',
          '  for (const u of urls) await axios[method](u, { timeout: 5000 });', // 3: per url
          '}',
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'call-in-loop ctfd/events.py:8:9 client.put [for sequential] → -',
        'call-in-loop web/fanout.ts:3:31 axios [for…of sequential] → -',
      ]);
    });
  });

  describe('a query result read whole in a later statement', () => {
    it("result = await sess.scalars(select(X)), then result.all(): unbounded on the route; a limit (also on the statement it ran), a write statement's RETURNING rows, another last value or a first() are not", async () => {
      const f = await joined({
        'polls/views.py': lines(
          'from fastapi import APIRouter', // 1
          'from sqlalchemy import select',
          'router = APIRouter()',
          '@router.get("/questions")',
          'async def questions(sess):', // 5
          '    questions = await sess.scalars(select(Question))',
          '    return {"questions": questions.all()}',
          '@router.get("/latest")',
          'async def latest(sess):',
          '    rows = await sess.scalars(select(Question).limit(10))', // 10
          '    return rows.all()',
          '@router.get("/first")',
          'def first(session):',
          '    result = session.execute(select(Question))',
          '    return result.first()', // 15
          '@router.get("/again")',
          'def again(session):',
          '    result = session.execute(select(Question))',
          '    result = wrap(result)',
          '    return result.all()', // 20
          '@router.get("/choices")',
          'def choices(session):',
          '    result = wrap(session)',
          '    result = session.execute(select(Choice))',
          '    return result.all()', // 25
          '@router.get("/search")',
          'async def search(session, limit):',
          '    final_query = select(Row).order_by(Row.rank).limit(limit)',
          '    result = await session.execute(final_query)',
          '    return [r for r in result.all()]', // 30
          '@router.post("/events")',
          'async def ingest(session, events):',
          '    statement = insert(Event).on_conflict_do_nothing().returning(Event.id)',
          '    result = await session.execute(statement, events)',
          '    return [row[0] for row in result.all()]', // 35
        ),
      });
      assert.deepEqual(hazardRows(f), [
        'unbounded-query polls/views.py:25:12 result.all → GET /choices',
        'unbounded-query polls/views.py:7:26 questions.all → GET /questions',
      ]);
    });
  });

  describe('calls of functions of the same file', () => {
    it("a bare name is never a method: SQLAlchemy's update(model) inside a service's own update() is no call of it; self.load() is", async () => {
      // The shape of polar's CustomFieldService.update: a statement built per model class, then executed.
      const f = await joined({
        'app/service.py': lines(
          'from sqlalchemy import update',
          'from .data import models',
          '',
          'class Service:',
          '    async def update(self, session, field):',
          '        for row in models:',
          '            stmt = update(Field).where(Field.id == row.id)', // 7: builds a statement
          '            await session.execute(stmt)', // 8: runs it
          '        for model in models:',
          '            await self.load(session, model)', // 10: a method that queries
          '',
          '    async def load(self, session, model):',
          '        return await session.execute(select(model))',
          '',
        ),
        'app/data.py': lines('models = load_models()', ''),
      });
      assert.deepEqual(hazardRows(f), [
        'query-in-loop app/service.py:10:19 load → session.execute [for sequential] → -',
        'query-in-loop app/service.py:8:19 session.execute [for sequential] → -',
      ]);
    });
  });

  describe('what runs once, and what is not code', () => {
    it('the same call outside a loop, loops over 2-element literals, the iterable, comments and strings: only the control loop', async () => {
      const a = await analyze(
        'svc/jobs.py',
        lines(
          'async def run(db, rows, ids):', // 0
          '    await db.execute("SELECT 1")', // 1
          '    for region in ["eu", "us"]:', // 2
          '        requests.get(region)',
          '    for key in ("a", "b"):', // 4
          '        await db.execute("SELECT 2", key)',
          '    for row in await db.fetch("SELECT 3"):', // 6
          '        print(row)',
          '    # for r in rows: db.execute(r)', // 8
          '    s = "for r in rows: db.execute(r)"', // 9
          '    d = """',
          '    for r in rows: db.execute(r)',
          '    """',
          '    [requests.get(u) for u in ["a", "b"]]', // 13
          '    for i in ids:', // 14: control
          '        await db.execute("SELECT 4", i)', // 15
          '    for _ in range(3):', // 16: counted to a literal of three, as a list of three items
          '        requests.get("http://a", timeout=5)',
          '    for _ in range(4):', // 18: four
          '        requests.get("http://b", timeout=5)', // 19
        ),
      );
      assert.deepEqual(loopHazards(a).map(summary), [
        ['query-in-loop', 15, 14, 'db.execute', 'for', 'sequential', []],
        ['call-in-loop', 19, 8, 'requests.get', 'for', 'sequential', []],
      ]);
    });

    it('httpx\'s module functions are synchronous: one inside async def blocks the event loop; an AsyncClient, or a plain def, does not', async () => {
      const a = await analyze(
        'app/fetch.py',
        lines(
          'import httpx',
          '',
          'async def a(url):',
          '    r = httpx.get(url, timeout=5)',
          '    async with httpx.AsyncClient(timeout=5) as client:',
          '        r2 = await client.get(url)',
          '    return r, r2',
          '',
          'def b(url):',
          '    return httpx.get(url, timeout=5)',
        ),
      );
      assert.deepEqual(a.hazards.map((h) => [h.code, h.range.start.line, h.callee]), [['blocking-call', 3, 'httpx.get']]);
    });

    it('a while True loop that counts its tries is a retry, not a loop over items; one that does not count is a loop', async () => {
      // The shape of healthchecks' Signal transport (tries_left = 2; while True: … tries_left -= 1).
      const a = await analyze(
        'hc/transport.py',
        lines(
          'def notify(self, text, items):',
          '    tries_left = 2',
          '    while True:',
          '        try:',
          '            sent = requests.post("http://signal/send", json=text, timeout=5)',
          '            break',
          '        except TransportError:',
          '            tries_left -= 1',
          '            if tries_left == 0:',
          '                raise',
          '    while True:',
          '        item = items.pop()',
          '        requests.post("http://hook/", json=item, timeout=5)',
        ),
      );
      assert.deepEqual(loopHazards(a).map(summary), [['call-in-loop', 12, 8, 'requests.post', 'while', 'sequential', []]]);
    });

    it('a loop bounded by a try counter (`while try_count < 5`) is a retry: an optimistic WATCH transaction tried again', async () => {
      // The shape of redash's enqueue_query: WATCH the lock, read it, try again when another worker took it first.
      const a = await analyze(
        'redash/tasks/execution.py',
        lines(
          'def enqueue_query(query_hash, ids):',
          '    try_count = 0',
          '    while try_count < 5:',
          '        try_count += 1',
          '        pipe = redis_connection.pipeline()',
          '        try:',
          '            redis_connection.delete(query_hash)',
          '            break',
          '        except redis.WatchError:',
          '            continue',
          '    for i in ids:',
          '        redis_connection.delete(i)',
          '    tries = 0',
          '    while tries < 3:',
          '        tries += 1',
          '        redis_connection.set(query_hash, 1)',
        ),
      );
      assert.deepEqual(loopHazards(a).map(summary), [['query-in-loop', 11, 8, 'redis_connection.delete', 'for', 'sequential', []]]);
      // Tried again only when another client changed the watched key first: contention, not a dependency failing.
      assert.deepEqual(
        a.hazards.filter((h) => h.code === 'retry-without-backoff').map((h) => h.range.start.line),
        [13],
      );
    });

    it("a retry after a unique key collided writes a new key each time (pretalx's generated codes): no backoff to ask for; one after any other error still needs it", async () => {
      const a = await analyze(
        'pretalx/mixins.py',
        lines(
          'class GenerateCode:',
          '    def save(self, *args, **kwargs):',
          '        for attempt in range(3):',
          '            self.assign_code()',
          '            try:',
          '                with transaction.atomic():',
          '                    return Submission.objects.create(code=self.code)',
          '            except IntegrityError:',
          '                if attempt == 2:',
          '                    raise',
          '',
          '    def push(self):',
          '        for attempt in range(3):',
          '            try:',
          '                return Submission.objects.create(code=self.code)',
          '            except OperationalError:',
          '                if attempt == 2:',
          '                    raise',
        ),
      );
      assert.deepEqual(
        a.hazards.filter((h) => h.code === 'retry-without-backoff').map((h) => h.range.start.line),
        [12],
      );
    });

    it("a loop over a constant named for attempts (Flagsmith's range(SYSTEM_TRAIT_WRITE_MAX_ATTEMPTS)) is a retry, not a loop over items", async () => {
      const a = await analyze(
        'identity_wrapper.py',
        lines(
          'from .constants import SYSTEM_TRAIT_WRITE_MAX_ATTEMPTS',
          'class Wrapper:',
          '    def put_trait(self, key, value):',
          '        for _ in range(SYSTEM_TRAIT_WRITE_MAX_ATTEMPTS):',
          '            document = self.table.get_item(Key={"k": key}, ConsistentRead=True).get("Item")',
          '            if document:',
          '                return',
          '            try:',
          '                self.table.put_item(Item={"k": key, "v": value}, ConditionExpression="attribute_not_exists(k)")',
          '                return',
          '            except self.conflict:',
          '                continue',
          '    def put_all(self, items):',
          '        for item in items:',
          '            self.table.put_item(Item=item)', // 14: per item
        ),
      );
      assert.deepEqual(loopHazards(a).map((h) => [h.code, h.range.start.line]), [['query-in-loop', 14]]);
    });

    it("a loop over rows named for attempts (onyx's for attempt in active_attempts) goes over items; one over a count or over delays is a retry", async () => {
      const a = await analyze(
        'tasks.py',
        lines(
          'def check(db_session, active_attempts, url):',
          '    for attempt in active_attempts:',
          '        db_session.query(IndexAttempt).filter(IndexAttempt.id == attempt.id).first()', // 2: per item
          '    for attempt in range(3):',
          '        requests.get(url, timeout=5)', // 4: a retry (reported as one without backoff)
          '    for delay in RETRY_DELAYS:',
          '        requests.get(url, timeout=5)',
          '        time.sleep(delay)',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line]),
        [
          ['query-in-loop', 2],
          ['retry-without-backoff', 3],
        ],
      );
    });

    it('a loop over a star-unpacked copy [*urls] is a loop over all urls, not a small literal', async () => {
      const a = await analyze(
        'svc/copy.py',
        lines('def fetch_all(urls):', '    for u in [*urls]:', '        requests.get(u)'),
      );
      assert.deepEqual(loopHazards(a).map(summary), [['call-in-loop', 2, 8, 'requests.get', 'for', 'sequential', []]]);
    });

    it('coroutines made in a comprehension kept in a variable, then gathered, run in parallel; a list not gathered does not', async () => {
      const a = await analyze(
        'app/prices.py',
        lines(
          'async def prices(client, skus):',
          '    tasks = [client.get(f"/p/{s}") for s in skus]',
          '    done = await asyncio.gather(*tasks)',
          '    pending = [client.get(f"/q/{s}") for s in skus]',
          "    # A project's own gather with a bound (mealie's gather_with_concurrency), the list after another argument.",
          '    heads = [client.head(f"/h/{s}") for s in skus]',
          '    await gather_with_concurrency(10, *heads, ignore_exceptions=True)',
          '    return done, pending',
        ),
      );
      assert.deepEqual(
        a.hazards.filter((h) => h.loop).map((h) => [h.code, h.range.start.line, h.loop!.mode]),
        [
          ['call-in-loop', 1, 'parallel'],
          ['call-in-loop', 3, 'sequential'],
          ['call-in-loop', 5, 'parallel'],
        ],
      );
    });

    it("requests handed to an event loop or an executor per item (searxng's multi_requests) run in parallel; awaited in turn they are sequential", async () => {
      const a = await analyze(
        'searx/network.py',
        lines(
          'def multi_requests(client, loop, request_list):',
          '    futures = []',
          '    for r in request_list:',
          '        futures.append(asyncio.run_coroutine_threadsafe(client.get(r.url), loop))',
          '    for r in request_list:',
          '        executor.submit(requests.get, r.url, timeout=5)',
          '    for r in request_list:',
          '        requests.get(r.url, timeout=5)',
          '    return [f.result(5) for f in futures]',
        ),
      );
      assert.deepEqual(
        a.hazards.filter((h) => h.loop).map((h) => [h.code, h.range.start.line, h.loop!.mode]),
        [
          ['call-in-loop', 3, 'parallel'],
          ['call-in-loop', 7, 'sequential'],
        ],
      );
    });

    it('a synchronous database call written in an async def blocks the event loop; awaited, in a def, or in a loop (already a query in a loop) it does not say so', async () => {
      const a = await analyze(
        'app/views.py',
        lines(
          '@router.get("/items")', // 0
          'async def items(db_session, session, ids):', // 1
          '    rows = db_session.query(Item).filter(Item.active).first()', // 2: blocking
          '    await session.execute(select(Item))', // 3: awaited (AsyncSession)
          '    cursor.execute("SELECT 1 FROM items WHERE id = %s", (ids[0],))', // 4: blocking
          '    for i in ids:', // 5
          '        cursor.execute("SELECT 1 FROM items WHERE id = %s", (i,))', // 6: query-in-loop only
          '    return rows',
          '',
          '@router.get("/sync")',
          'def sync_items(db_session):', // 10: FastAPI runs it in a thread
          '    return db_session.query(Item).filter(Item.active).first()',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [
          ['blocking-call', 2, 'db_session.query.filter.first'],
          ['blocking-call', 4, 'cursor.execute'],
          ['query-in-loop', 6, 'cursor.execute'],
        ],
      );
      assert.match(a.hazards[0].explanation, /a synchronous database call inside `async def`/);
    });

    it("a query that sets a variable the first time the loop needs it (saleor's default customer type) runs once; one that sets it on every item does not", async () => {
      const a = await analyze(
        'shop/bulk.py',
        lines(
          'def update(rows):',
          '    default_type = None',
          '    for row in rows:',
          '        if default_type is None:',
          '            default_type = CustomerType.objects.filter(default=True).first()',
          '        row.type = default_type',
          '        current = None',
          '        if row.ref is None:',
          '            current = Customer.objects.filter(ref=row.email).first()', // 8: per item
        ),
      );
      assert.deepEqual(
        a.hazards.filter((h) => h.loop).map((h) => [h.code, h.range.start.line]),
        [['query-in-loop', 8]],
      );
    });

    it("a loop over the groups of a mapping whose query takes each group's list (saleor's dataloaders) is a query per group; one per key of an item, or with another mapping's list (jumpserver's assets), is still per item", async () => {
      const a = await analyze(
        'shop/dataloaders.py',
        lines(
          'def batch_load(keys):',
          '    ids_by_channel = defaultdict(list)',
          '    for channel, product_id in keys:',
          '        ids_by_channel[channel].append(product_id)',
          '    for channel, product_ids in ids_by_channel.items():',
          '        ProductVariant.objects.filter(product_id__in=product_ids, channel=channel)[:100]',
          '    for channel in ids_by_channel.keys():',
          '        Channel.objects.filter(slug=channel).first()', // 7: per key, no list
          '    for channel in ids_by_channel.keys():',
          '        ids = ids_by_channel[channel]',
          '        Product.objects.filter(id__in=ids)[:100]', // 10: the group's list, read from the mapping
          '    for asset, data in accounts_by_asset.items():',
          '        known = usernames_by_asset[asset]',
          '        Account.objects.filter(asset=asset, username__in=known).update(present=True)', // 13: another mapping's list: per asset
        ),
      );
      assert.deepEqual(
        a.hazards.filter((h) => h.loop).map((h) => [h.code, h.range.start.line]),
        [
          ['query-in-loop', 7],
          ['query-in-loop', 13],
        ],
      );
    });

    it("a chained SQLAlchemy delete written over lines in an async def, its session annotated in the module (onyx's tenant rollback), is one blocking call", async () => {
      const a = await analyze(
        'app/provisioning.py',
        lines(
          'async def rollback(tenant_id: str) -> None:',
          '    try:',
          '        with get_session_with_shared_schema() as db_session:',
          '            db_session.begin()',
          '            try:',
          '                db_session.query(UserTenantMapping).filter(',
          '                    UserTenantMapping.tenant_id == tenant_id',
          '                ).delete()',
          '            except Exception:',
          '                db_session.rollback()',
          '    except Exception:',
          '        pass',
          '',
          '# A holder annotated as a Session elsewhere in the module: its chains are read through that type.',
          'def configure(db_session: Session) -> None:',
          '    pass',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [
          ['blocking-call', 5, 'db_session.query.filter.delete'],
        ],
      );
    });

    it("Django in an async def (khoj): a queryset built, not read, or one handed to a thread (sync_to_async) does not block; one read right there does", async () => {
      const a = await analyze(
        'khoj/adapters.py',
        lines(
          'from asgiref.sync import sync_to_async',
          'class ConversationAdapters:',
          '    async def aget_conversation(user, client):',
          '        query = Conversation.objects.filter(user=user, client=client).prefetch_related("agent")', // 3: built
          '        return await query.afirst()',
          '    async def aget_all_chat_models():',
          '        return await sync_to_async(list)(ChatModel.objects.prefetch_related("ai_model_api").all())', // 6: in a thread
          '    async def names(user):',
          '        return list(Conversation.objects.filter(user=user))', // 8: read here
          '    async def by_email(email):',
          '        user = await KhojUser.objects.filter(email=email).afirst()', // 10: Django's async API, one row
          '        return [s async for s in WebScraper.objects.all().order_by("priority").aiterator()]', // 11: async API
          '    async def set_name(email, name):',
          '        return await KhojUser.objects.filter(email=email).aupdate_or_create(defaults={"name": name})', // 13: one row
          '    async def servers():',
          '        return [s async for s in McpServer.objects.filter(enabled=True)]', // 15: async iteration
          '    async def first_models():',
          '        return await sync_to_async(list)(ChatModel.objects.all()[:5])', // 17: a slice is still lazy
          '    async def five():',
          '        return list(ChatModel.objects.all()[:5])', // 19: read here
        ),
      );
      // One row, and Django's async API: no unbounded read, nothing blocking (line 15 reads every enabled server:
      // unbounded, not blocking).
      assert.deepEqual(a.hazards.filter((h) => h.range.start.line >= 10 && h.range.start.line < 18).map((h) => [h.code, h.range.start.line]), [['unbounded-query', 15]]);
      assert.deepEqual(a.hazards.filter((h) => h.code === 'blocking-call').map((h) => [h.range.start.line, h.callee]), [[8, 'Conversation.objects.filter'], [19, 'ChatModel.objects.all']]);
    });

    it("SQLAlchemy: a Query runs when it is read, not when session.query() builds it; db_session, or a session in a module that imports no HTTP client, is a database's", async () => {
      // The shapes of Netflix/dispatch's services and search.
      const a = await analyze(
        'app/service.py',
        lines(
          'def recalculate(db_session, session, models, ids, objs):',
          '    for i in ids:',
          '        db_session.query(Incident).filter(Incident.project_id == i).first()',
          '    for m in models:',
          '        q = session.query(m.id.label("id"))',
          '    for o in objs:',
          '        db_session.delete(o)',
          '    for o in objs:',
          '        self.session.delete(o)',
          '    for i in ids:',
          '        db_session.execute(select(Incident).where(Incident.id == i))',
          '    for i in ids:',
          '        db_session.get(Incident, i)',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [
          ['query-in-loop', 2, 'db_session.query.filter.first'],
          ['query-in-loop', 10, 'db_session.execute'],
          ['query-in-loop', 12, 'db_session.get'],
        ],
      );
    });

    it("Flask-SQLAlchemy's db.session.get(Model, id) and commit() in a loop are queries; a requests session's get is a call", async () => {
      const a = await analyze(
        'app/tasks.py',
        lines(
          'def progress(ids, http):',
          '    for i in ids:',
          '        task = db.session.get(Task, i)',
          '        db.session.commit()',
          '        session.get("http://audit/" + i, timeout=2)',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.callee]),
        [
          ['query-in-loop', 2, 'db.session.get'],
          ['query-in-loop', 3, 'db.session.commit'],
          ['call-in-loop', 4, 'session.get'],
        ],
      );
    });

    it('a filter on a list the caller gives (code__in=…, Model.id.in_(ids)) is bounded by it; the same query without is not', async () => {
      const a = await analyze(
        'app/channels.py',
        lines(
          'def channels(project, codes, ids, session):',
          '    Channel.objects.filter(project=project, code__in=codes).order_by("name")',
          '    Channel.objects.filter(project=project).order_by("name")',
          '    session.query(Channel).filter(Channel.id.in_(ids)).all()',
          '    session.query(Channel).filter(Channel.kind == "email").all()',
        ),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line]),
        [
          ['unbounded-query', 2],
          ['unbounded-query', 4],
        ],
      );
    });

    it('a Django ORM chain through objects (filter(…).count()) is one query, flagged once', async () => {
      const a = await analyze(
        'svc/views.py',
        lines('def totals(ids):', '    for i in ids:', '        Order.objects.filter(customer_id=i).count()'),
      );
      assert.deepEqual(
        a.hazards.map((h) => [h.code, h.range.start.line, h.range.start.character]),
        [['query-in-loop', 2, 8]],
      );
    });
  });
  describe('prefixes given by name, not written (FastAPI full-stack template: prefix=settings.API_V1_STR)', () => {
    it('reads module constants and class attribute defaults, at module and class-body level only', () => {
      const text = lines(
        'API_PREFIX = "/api"',
        "VERSION: str = '/v2'  # the public one",
        'DYNAMIC = f"/{VERSION}"',
        'JOINED = "/a" + "/b"',
        'class Settings(BaseSettings):',
        '    API_V1_STR: str = "/api/v1"',
        '    PROJECT_NAME: str',
        '    def path(self):',
        '        LOCAL = "/not-a-constant"',
        'class Other:',
        '    PREFIX = "/other"',
      );
      // A pydantic settings field is its variable's, with the written default (the join reads the recipes); an
      // f-string of names keeps them as named parts, which the join reads where they are defined.
      assert.deepEqual({ ...pythonStringConstants(text) }, { API_PREFIX: '/api', VERSION: '/v2', DYNAMIC: `/${NAMED_PART}VERSION${NAMED_PART}`, 'Settings.API_V1_STR': envPart('API_V1_STR', '/api/v1'), 'Other.PREFIX': '/other' });
    });

    it('an instance of a settings class imported from another module, a module constant, and one of this file', async () => {
      const f = await joined({
        'app/core/config.py': lines('from pydantic_settings import BaseSettings', '', 'class Settings(BaseSettings):', '    API_V1_STR: str = "/api/v1"', '', 'settings = Settings()  # type: ignore'),
        'app/constants.py': lines('ADMIN_PREFIX = "/admin"'),
        'app/main.py': lines(
          'from fastapi import FastAPI',
          'from app.api.main import api_router',
          'from app.api import admin',
          'from app.core.config import settings',
          'from app import constants',
          'app = FastAPI()',
          'app.include_router(api_router, prefix=settings.API_V1_STR)',
          'app.include_router(admin.router, prefix=constants.ADMIN_PREFIX)',
        ),
        'app/api/main.py': lines('from fastapi import APIRouter', 'from app.api.routes import items', 'api_router = APIRouter()', 'api_router.include_router(items.router)'),
        'app/api/routes/items.py': lines(
          'from fastapi import APIRouter',
          'ITEMS = "/items"',
          'router = APIRouter(prefix=ITEMS, tags=["items"])',
          '@router.get("/")',
          'def read_items():',
          '    return []',
          '@router.get("/{id}")',
          'def read_item(id: int):',
          '    return {}',
        ),
        'app/api/admin.py': lines('from fastapi import APIRouter', 'router = APIRouter()', '@router.post("/reindex")', 'def reindex():', '    return {}'),
      });
      assert.deepEqual(routeRows(f), [
        ['POST', '/admin/reindex', 'app/api/admin.py', 2, 'fastapi'],
        ['GET', '/api/v1/items/', 'app/api/routes/items.py', 3, 'fastapi'],
        ['GET', '/api/v1/items/{id}', 'app/api/routes/items.py', 6, 'fastapi'],
      ]);
    });

    it('a name that cannot be read (computed, or not found) leaves that prefix out, as before', async () => {
      const f = await joined({
        'main.py': lines('from fastapi import FastAPI', 'from routes import router', 'import os', 'app = FastAPI()', 'app.include_router(router, prefix=os.environ["PREFIX"])', 'app.include_router(router, prefix=UNKNOWN)'),
        'routes.py': lines('from fastapi import APIRouter', 'router = APIRouter()', '@router.get("/ping")', 'def ping():', '    return "pong"'),
      });
      assert.deepEqual(routeRows(f), [['GET', '/ping', 'routes.py', 2, 'fastapi']]);
    });
  });
});

import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const blocking = (rows: string[]) => rows.filter((r) => r.startsWith('blocking-call'));

describe('code analysis: a synchronous helper called from async def blocks the event loop', function () {
  this.timeout(10_000);

  const clients = lines(
    'import requests',
    '',
    'def fetch_profile(user_id):', // 3
    '    r = requests.get(f"http://profiles/{user_id}", timeout=5)', // 4
    '    return r.json()',
    '',
    'def load_user(db, user_id):', // 7
    '    return db.query(User).filter(User.id == user_id).first()', // 8
    '',
    'def profile_and_user(db, user_id):', // 10: two calls further
    '    return load_user(db, user_id), fetch_profile(user_id)',
    '',
    'async def fetch_async(client, user_id):', // 13: a coroutine, awaited by its caller
    '    return await client.get(f"http://profiles/{user_id}")',
    '',
    'def active_users():', // 16: a queryset built, not run
    '    return User.objects.filter(active=True)',
    '',
    'def double(x):', // 19: nothing blocking
    '    return x * 2',
  );

  it('reports the call in the async def, naming what blocks and where; not an awaited coroutine, a lazy queryset, a helper that does no I/O or one handed to a thread', async () => {
    const f = await joined({
      'app/clients.py': clients,
      'app/main.py': lines(
        'import asyncio',
        'from fastapi import FastAPI',
        'from starlette.concurrency import run_in_threadpool',
        'from .clients import fetch_profile, load_user, profile_and_user, fetch_async, active_users, double',
        '',
        'app = FastAPI()',
        '',
        '@app.get("/users/{user_id}")',
        'async def get_user(user_id: str, db, client):', // 9
        '    profile = fetch_profile(user_id)', // 10: requests through the helper
        '    user = load_user(db, user_id)', // 11: a SQLAlchemy session through the helper
        '    both = profile_and_user(db, user_id)', // 12: two calls further
        '    other = await fetch_async(client, user_id)', // 13: awaited
        '    qs = active_users()', // 14: lazy
        '    n = double(3)', // 15
        '    t = await asyncio.to_thread(fetch_profile, user_id)', // 16: in a thread
        '    u = await run_in_threadpool(lambda: fetch_profile(user_id))', // 17: in a thread
        '    return profile',
      ),
    });
    assert.deepEqual(blocking(hazardRows(f)), [
      'blocking-call app/main.py:10:15 fetch_profile → requests.get → GET /users/{user_id}',
      'blocking-call app/main.py:11:12 load_user → db.query.filter.first → GET /users/{user_id}',
      'blocking-call app/main.py:12:12 profile_and_user → load_user → db.query.filter.first → GET /users/{user_id}',
    ]);
    const h = f.get('app/main.py')!.hazards.find((x) => x.range.start.line === 9)!;
    assert.match(h.explanation, /`fetch_profile\(…\)` runs `requests\.get` \(.*line 4 of app\/clients\.py\) synchronously inside `async def`/);
    assert.match(h.explanation, /asyncio\.to_thread/);
  });

  it('a plain def handler (FastAPI runs it in a thread), a helper of the same file, a loop (already a query in a loop) and a memoized helper', async () => {
    const f = await joined({
      'app/clients.py': clients,
      'app/views.py': lines(
        'import functools',
        'import requests',
        'from .clients import fetch_profile, load_user',
        '',
        'def notify(url):', // 5: same file
        '    requests.post(url, json={}, timeout=3)',
        '',
        '@functools.lru_cache(maxsize=128)',
        'def settings_of(db, key):', // 9: memoized
        '    return db.query(Setting).filter(Setting.key == key).first()',
        '',
        '@router.get("/sync/{user_id}")',
        'def get_sync(user_id: str):', // 13: runs in a thread
        '    return fetch_profile(user_id)',
        '',
        '@router.post("/notify")',
        'async def post_notify(db, ids: list[str]):', // 17
        '    notify("http://hooks/x")', // 18: same-file helper
        '    settings_of(db, "k")', // 19: memoized
        '    for i in ids:',
        '        load_user(db, i)', // 21: a query in a loop, said as such
        '    def later():',
        '        return fetch_profile("x")', // 23: a sync def of its own, not run here
        '    return later',
      ),
    });
    const rows = hazardRows(f);
    assert.deepEqual(blocking(rows), ['blocking-call app/views.py:18:5 notify → requests.post → POST /notify']);
    assert.ok(rows.some((r) => r.startsWith('query-in-loop app/views.py:21:9 load_user → db.query.filter.first')), rows.join('\n'));
  });

  it('a Django ORM query in a sync helper of an async view (Django raises SynchronousOnlyOperation), not when sync_to_async runs it', async () => {
    const f = await joined({
      'shop/models.py': lines('from django.db import models', '', 'class Order(models.Model):', '    total = models.IntegerField()'),
      'shop/helpers.py': lines('from .models import Order', '', 'def latest_order(user):', '    return Order.objects.filter(user=user).order_by("-id").first()'),
      'shop/views.py': lines(
        'from asgiref.sync import sync_to_async',
        'from django.http import JsonResponse',
        'from .helpers import latest_order',
        '',
        'async def latest(request):', // 5
        '    order = latest_order(request.user)', // 6
        '    again = await sync_to_async(latest_order)(request.user)', // 7
        '    return JsonResponse({"id": order.id})',
      ),
      'shop/urls.py': lines('from django.urls import path', 'from . import views', '', 'urlpatterns = [path("latest/", views.latest)]'),
    });
    assert.deepEqual(blocking(hazardRows(f)), ['blocking-call shop/views.py:6:13 latest_order → Order.objects.filter.order_by.first → ANY latest/']);
  });

  it("what a function handed to a thread and awaited does is on the route's path (asyncio.to_thread, run_in_threadpool, sync_to_async, an awaited run_in_executor); one not awaited runs beside the request", async () => {
    const f = await joined({
      'app/work.py': lines(
        'def touch_all(db, ids):',
        '    for i in ids:',
        '        db.query(Item).filter(Item.id == i).update({"seen": True})', // 3
        '',
        'def mark_all(db, ids):',
        '    for i in ids:',
        '        db.query(Mark).filter(Mark.id == i).update({"seen": True})', // 7
      ),
      'app/main.py': lines(
        'import asyncio',
        'from asgiref.sync import sync_to_async',
        'from starlette.concurrency import run_in_threadpool',
        'from .work import touch_all, mark_all',
        '',
        '@app.post("/a")',
        'async def a(db, ids: list[str]):',
        '    await asyncio.to_thread(touch_all, db, ids)',
        '',
        '@app.post("/b")',
        'async def b(db, ids: list[str]):',
        '    await run_in_threadpool(touch_all, db, ids)',
        '',
        '@app.post("/c")',
        'async def c(db, ids: list[str]):',
        '    await sync_to_async(touch_all)(db, ids)',
        '',
        '@app.post("/d")',
        'async def d(db, ids: list[str]):',
        '    loop = asyncio.get_running_loop()',
        '    await loop.run_in_executor(None, touch_all, db, ids)',
        '',
        '@app.post("/e")',
        'async def e(db, ids: list[str]):',
        '    asyncio.get_running_loop().run_in_executor(None, mark_all, db, ids)', // 25: not awaited
      ),
    });
    const rows = hazardRows(f).filter((r) => r.startsWith('query-in-loop'));
    assert.deepEqual(rows, [
      'query-in-loop app/work.py:3:9 db.query.filter.update [for sequential] → POST /a, POST /b, POST /c, POST /d',
      'query-in-loop app/work.py:7:9 db.query.filter.update [for sequential] → -',
    ]);
  });

  it('follows up to two calls below the one in the async def, whichever route is read first, and stops at a cycle', async () => {
    const helpers = lines(
      'import requests',
      '',
      'def c():',
      '    return requests.get("http://x", timeout=3)',
      '',
      'def b():',
      '    return c()',
      '',
      'def a():', // a → b → c → requests.get: two calls below a
      '    return b()',
      '',
      'def d():', // d → a → b → c: three calls below d
      '    return a()',
      '',
      'def ping():', // a cycle without I/O
      '    return pong()',
      '',
      'def pong():',
      '    return ping()',
    );
    const handler = (first: string, second: string) =>
      lines(
        'from .helpers import a, d, ping',
        '',
        '@app.get("/x")',
        `async def x():`,
        `    return ${first}()`, // 5
        '',
        '@app.get("/y")',
        `async def y():`,
        `    return ${second}()`, // 9
        '',
        '@app.get("/z")',
        'async def z():',
        '    return ping()', // 13
      );
    for (const [first, second] of [
      ['a', 'd'],
      ['d', 'a'],
    ]) {
      const f = await joined({ 'app/helpers.py': helpers, 'app/main.py': handler(first, second) });
      const rows = blocking(hazardRows(f));
      const line = first === 'a' ? 5 : 9;
      assert.deepEqual(rows, [`blocking-call app/main.py:${line}:12 a → b → c → requests.get → GET /${first === 'a' ? 'x' : 'y'}`], `${first} first`);
    }
  });

  it('not a call that makes an awaitable awaited elsewhere: a def made async by @sync_to_async, async with, gather, create_task, a task awaited later', async () => {
    const f = await joined({
      'app/helpers.py': lines(
        'import aiohttp',
        'import requests',
        'from asgiref.sync import sync_to_async',
        '',
        '@sync_to_async',
        'def count_items():',
        '    return Item.objects.count()',
        '',
        'def session_get(session, url):', // returns aiohttp's request context manager
        '    return session.get(url)',
        '',
        'def fetch(url):',
        '    return requests.get(url, timeout=3)',
        '',
        'def load_headers():',
        '    return requests.get("http://config/headers", timeout=3).json()',
      ),
      'app/main.py': lines(
        'import asyncio',
        'import httpx',
        'from .helpers import count_items, session_get, fetch, load_headers',
        '',
        '@app.get("/x")',
        'async def x(session, urls):',
        '    n = await asyncio.gather(count_items(), fetch(urls[0]))', // an awaitable each, to gather
        '    async with session_get(session, urls[0]) as r:',
        '        body = await r.text()',
        '    t = asyncio.create_task(fetch(urls[0]))',
        '    later = fetch(urls[0])',
        '    await later',
        '    fetch(urls[1])', // 13: this one blocks
        '    async with httpx.AsyncClient(headers=load_headers()) as c:', // 14: the helper's value goes into a call
        '        await c.get(urls[2])',
        '    page = fetch(urls[3])', // 16: kept, then only a method of it is awaited
        '    await page.aclose()',
        '    return n',
      ),
    });
    assert.deepEqual(blocking(hazardRows(f)), [
      'blocking-call app/main.py:13:5 fetch → requests.get → GET /x',
      'blocking-call app/main.py:14:42 load_headers → requests.get → GET /x',
      'blocking-call app/main.py:16:12 fetch → requests.get → GET /x',
    ]);
  });
});


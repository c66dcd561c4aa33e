import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const blocking = (rows: string[]) => rows.filter((r) => r.startsWith('blocking-call'));

/**
 * A query of the catalogue written in an `async def` (review of stop 68, RA-3) blocks the event loop only where it runs
 * there, as a remote call does (chainlit audit PY-2): not handed to a coroutine runner (`asyncio.wait_for(…)`,
 * `asyncio.gather(…)`, `create_task(…)`), nor kept in a name awaited later, nor made on an async client
 * (`AsyncElasticsearch(…)`), whose methods make awaitables. A synchronous client's query there still blocks.
 */
describe('blocking-call: a query in async def handed to a coroutine runner or on an async client (review of stop 68, RA-3)', function () {
  this.timeout(10_000);

  it("AsyncElasticsearch's calls given to wait_for, gather or create_task, or awaited later, are none; a sync Elasticsearch client's and a SQLAlchemy Session's still are", async () => {
    const f = await joined({
      'app.py': lines(
        'import asyncio',
        '',
        'from elasticsearch import AsyncElasticsearch, Elasticsearch',
        'from fastapi import FastAPI',
        'from sqlalchemy.orm import Session',
        '',
        'app = FastAPI()',
        'es = AsyncElasticsearch("http://es:9200")',
        'sync_es = Elasticsearch("http://es:9200")',
        '',
        '@app.get("/stats")',
        'async def stats():',
        '    total = await asyncio.wait_for(es.count(index="docs"), timeout=5)', // 13
        '    a, b = await asyncio.gather(es.count(index="a"), es.count(index="b"))', // 14
        '    task = asyncio.create_task(es.search(index="c"))', // 15
        '    later = es.search(index="d")', // 16: awaited below
        '    await later',
        '    return {"total": total, "a": a, "b": b, "t": await task}',
        '',
        '@app.get("/sync")',
        'async def sync_stats():',
        '    return sync_es.count(index="docs")', // 22: blocks
        '',
        '@app.get("/db")',
        'async def rows(db: Session):',
        '    return db.execute("select 1").all()', // 26: blocks, as before
      ),
    });
    assert.deepEqual(blocking(hazardRows(f)), ['blocking-call app.py:22:12 sync_es.count → GET /sync', 'blocking-call app.py:26:12 db.execute → GET /db']);
  });

  it('a client made in another module: handed to gather or wait_for is none; called in place, not awaited, still blocks', async () => {
    const f = await joined({
      'search.py': lines(
        'import asyncio',
        '',
        'from elasticsearch import Elasticsearch',
        'from fastapi import FastAPI',
        '',
        'from clients import search_client',
        '',
        'app = FastAPI()',
        '',
        '@app.get("/gathered")',
        'async def gathered():',
        '    a, b = await asyncio.gather(search_client.count(index="a"), search_client.count(index="b"))', // 12
        '    return await asyncio.wait_for(search_client.search(index="c"), timeout=5)', // 13
        '',
        '@app.get("/inline")',
        'async def inline():',
        '    return search_client.count(index="d")', // 17: blocks
      ),
    });
    assert.deepEqual(blocking(hazardRows(f)), ['blocking-call search.py:17:12 search_client.count → GET /inline']);
  });
});

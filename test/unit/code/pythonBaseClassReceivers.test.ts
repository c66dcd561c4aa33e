import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Python: a receiver typed by a base class whose method has no body of its own (`raise NotImplementedError`,
 * `@abstractmethod`): the subclasses' overrides are what runs (chainlit's `BaseDataLayer`, overridden by
 * ChainlitDataLayer and SQLAlchemyDataLayer), as a Java interface's implementations; more than three, a route reaches each.
 */
describe("Python: a base class's abstract method reaches the subclasses' overrides", function () {
  this.timeout(10_000);

  const base = lines(
    'from abc import ABC, abstractmethod',
    '',
    '',
    'class BaseDataLayer(ABC):',
    '    @abstractmethod',
    '    async def delete_thread(self, thread_id: str):',
    '        pass',
    '',
    '    async def execute_query(self, query, *params):',
    '        raise NotImplementedError()',
  );
  const server = (extra: string[] = []) =>
    lines(
      'from typing import Optional',
      '',
      'from fastapi import FastAPI',
      '',
      'from app.base import BaseDataLayer',
      'from app.pg import PgDataLayer',
      '',
      'app = FastAPI()',
      '_data_layer: Optional[BaseDataLayer] = None',
      '',
      '',
      'def get_data_layer():',
      '    return _data_layer',
      '',
      '',
      'def current_layer() -> BaseDataLayer:',
      '    return PgDataLayer(None)',
      '',
      '',
      '@app.delete("/base-typed")',
      'async def delete_base(thread_id: str):',
      '    layer: BaseDataLayer = current_layer()',
      '    await layer.delete_thread(thread_id)',
      '',
      '',
      '@app.delete("/getter")',
      'async def delete_getter(thread_id: str):',
      '    if data_layer := get_data_layer():',
      '        await data_layer.delete_thread(thread_id)',
      '',
      '',
      '@app.delete("/concrete-typed")',
      'async def delete_concrete(thread_id: str):',
      '    layer: PgDataLayer = current_layer()',
      '    await layer.delete_thread(thread_id)',
      ...extra,
    );
  const pg = lines(
    'from app.base import BaseDataLayer',
    '',
    '',
    'class PgDataLayer(BaseDataLayer):',
    '    def __init__(self, pool):',
    '        self.pool = pool',
    '',
    '    async def execute_query(self, query, *params):',
    '        async with self.pool.acquire() as connection:',
    '            return await connection.fetch(query, *params)',
    '',
    '    async def delete_thread(self, thread_id: str):',
    '        elements = await self.execute_query(\'SELECT id FROM "Element" WHERE "threadId" = $1\', thread_id)',
    '        for elem in elements:',
    '            await self.execute_query(\'DELETE FROM "Element" WHERE id = $1\', elem["id"])', // 15
  );
  const memory = lines(
    'from app.base import BaseDataLayer',
    '',
    '',
    'class ReplicaDataLayer(BaseDataLayer):',
    '    def __init__(self, pool):',
    '        self.pool = pool',
    '',
    '    async def delete_thread(self, thread_id: str):',
    '        async with self.pool.acquire() as connection:',
    "            for elem in await connection.fetch('SELECT id FROM e WHERE t = $1 LIMIT 50', thread_id):",
    "                await connection.execute('DELETE FROM e WHERE id = $1', elem['id'])", // 11
    '',
    '    async def execute_query(self, query, *params):',
    '        async with self.pool.acquire() as connection:',
    '            for param in params:',
    '                await connection.execute(query, param)', // 16
  );

  it("typed by the base, or given a module value annotated so: each override (which calls its own class's methods, not a sibling's); typed by a subclass: that one's only", async () => {
    const f = await joined({
      'requirements.txt': 'fastapi\nasyncpg\n',
      'app/__init__.py': '',
      'app/base.py': base,
      'app/pg.py': pg,
      'app/replica.py': memory,
      'app/server.py': server(),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/pg.py:15:19 execute_query → connection.fetch [for sequential] → DELETE /base-typed, DELETE /getter, DELETE /concrete-typed',
      'query-in-loop app/replica.py:11:23 connection.execute [for sequential] → DELETE /base-typed, DELETE /getter',
      'query-in-loop app/replica.py:16:23 connection.execute [for sequential] → -',
    ]);
  });

  it("a base's method that does work of its own: not the subclasses' overrides", async () => {
    const f = await joined({
      'requirements.txt': 'fastapi\nhttpx\nasyncpg\n',
      'app/__init__.py': '',
      'app/cache.py': lines(
        'import httpx',
        '',
        '',
        'class Cache:',
        '    def __init__(self):',
        '        self.peers = []',
        '',
        '    async def evict(self, key):',
        '        async with httpx.AsyncClient(timeout=5) as client:',
        '            for peer in self.peers:',
        '                await client.delete(peer + "/cache/" + key)', // 11
        '',
        '',
        'class PgCache(Cache):',
        '    def __init__(self, pool):',
        '        self.pool = pool',
        '',
        '    async def evict(self, key):',
        '        async with self.pool.acquire() as connection:',
        "            for row in await connection.fetch('SELECT id FROM c WHERE k = $1 LIMIT 10', key):",
        "                await connection.execute('DELETE FROM c WHERE id = $1', row['id'])", // 21
      ),
      'app/server.py': lines(
        'from fastapi import FastAPI',
        '',
        'from app.cache import Cache',
        '',
        'app = FastAPI()',
        '',
        '',
        '@app.delete("/cache/{key}")',
        'async def evict(key: str, cache: Cache):',
        '    await cache.evict(key)',
      ),
    });
    // (Cache.evict itself, its loop of requests to the peers, is what the route reaches.)
    assert.deepEqual(hazardRows(f), [
      'call-in-loop app/cache.py:11:23 client.delete [for sequential] → DELETE /cache/{key}',
      'query-in-loop app/cache.py:21:23 connection.execute [for sequential] → -',
    ]);
  });

  it('more than three overrides: none taken for the call, but the route reaches each', async () => {
    const layer = (name: string) =>
      lines(
        'from app.base import BaseDataLayer',
        '',
        '',
        `class ${name}(BaseDataLayer):`,
        '    async def delete_thread(self, thread_id: str):',
        '        async with self.pool.acquire() as connection:',
        "            for elem in await connection.fetch('SELECT id FROM e WHERE t = $1 LIMIT 50', thread_id):",
        "                await connection.execute('DELETE FROM e WHERE id = $1', elem['id'])", // 8
      );
    const f = await joined({
      'requirements.txt': 'fastapi\nasyncpg\n',
      'app/__init__.py': '',
      'app/base.py': base,
      'app/a.py': layer('ALayer'),
      'app/b.py': layer('BLayer'),
      'app/c.py': layer('CLayer'),
      'app/d.py': layer('DLayer'),
      'app/server.py': lines(
        'from fastapi import FastAPI',
        '',
        'from app.base import BaseDataLayer',
        '',
        'app = FastAPI()',
        '',
        '',
        '@app.delete("/threads/{thread_id}")',
        'async def delete_thread(thread_id: str, layer: BaseDataLayer):',
        '    await layer.delete_thread(thread_id)',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/a.py:8:23 connection.execute [for sequential] → DELETE /threads/{thread_id}',
      'query-in-loop app/b.py:8:23 connection.execute [for sequential] → DELETE /threads/{thread_id}',
      'query-in-loop app/c.py:8:23 connection.execute [for sequential] → DELETE /threads/{thread_id}',
      'query-in-loop app/d.py:8:23 connection.execute [for sequential] → DELETE /threads/{thread_id}',
    ]);
  });
});

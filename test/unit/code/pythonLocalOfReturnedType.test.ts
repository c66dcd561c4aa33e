import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Python: a local a function gives a workspace function's result (`data_layer = get_data_layer()`) is of the class
 * that function returns: annotated (`-> PgDataLayer`, `-> Optional[PgDataLayer]`), made and returned, or a module
 * value the module annotates (chainlit's `_data_layer: Optional[BaseDataLayer] = None`, returned by its getter).
 */
describe("Python: a local of the type the function it came from returns", function () {
  this.timeout(10_000);

  const data = lines(
    'from typing import Optional',
    '',
    '',
    'class PgDataLayer:',
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
    '',
    '',
    'class MemoryDataLayer:',
    '    async def delete_thread(self, thread_id: str):',
    '        pass',
    '',
    '',
    '_data_layer: Optional[PgDataLayer] = None',
    '_layers = {}',
    '',
    '',
    'def get_data_layer() -> PgDataLayer:',
    '    return PgDataLayer(None)',
    '',
    '',
    'def make_data_layer():',
    '    return PgDataLayer(None)',
    '',
    '',
    'def current_data_layer():',
    '    global _data_layer',
    '    if _data_layer is None:',
    '        _data_layer = PgDataLayer(None)',
    '    return _data_layer',
    '',
    '',
    'def memory_layer() -> Optional[MemoryDataLayer]:',
    '    return MemoryDataLayer()',
    '',
    '',
    'def named_layer(name):',
    '    layer = _layers[name]',
    '    return layer',
  );

  it('annotated, made and returned, or a module value annotated at the top: the handlers reach PgDataLayer', async () => {
    const f = await joined({
      'requirements.txt': 'fastapi\nasyncpg\n',
      'app/__init__.py': '',
      'app/data.py': data,
      'app/server.py': lines(
        'from fastapi import FastAPI',
        '',
        'from app.data import current_data_layer, get_data_layer, make_data_layer',
        '',
        'app = FastAPI()',
        '',
        '',
        '@app.delete("/annotated")',
        'async def delete_a(thread_id: str):',
        '    data_layer = get_data_layer()',
        '    await data_layer.delete_thread(thread_id)',
        '',
        '',
        '@app.delete("/factory")',
        'async def delete_b(thread_id: str):',
        '    data_layer = make_data_layer()',
        '    await data_layer.delete_thread(thread_id)',
        '',
        '',
        '@app.delete("/module-value")',
        'async def delete_c(thread_id: str):',
        '    if data_layer := current_data_layer():',
        '        await data_layer.delete_thread(thread_id)',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop app/data.py:15:19 execute_query → connection.fetch [for sequential] → DELETE /annotated, DELETE /factory, DELETE /module-value']);
  });

  it("another class returned, or a function whose result's type is not said: not PgDataLayer's method", async () => {
    // (MemoryDataLayer's delete_thread made to post each thread, so that what memory_layer() reaches shows.)
    const memory = `import httpx\n${data}`.replace(
      '    async def delete_thread(self, thread_id: str):\n        pass\n',
      '    async def delete_thread(self, thread_id: str):\n        for t in self.threads:\n            httpx.post("https://mem.example/delete", json=t)\n',
    );
    const f = await joined({
      'requirements.txt': 'fastapi\nasyncpg\nhttpx\n',
      'app/__init__.py': '',
      'app/data.py': memory,
      'app/server.py': lines(
        'from fastapi import FastAPI',
        '',
        'from app.data import PgDataLayer, memory_layer, named_layer',
        '',
        'app = FastAPI()',
        '',
        '',
        '@app.delete("/memory")',
        'async def delete_m(thread_id: str):',
        '    data_layer = memory_layer()',
        '    await data_layer.delete_thread(thread_id)',
        '',
        '',
        '@app.delete("/named")',
        'async def delete_n(thread_id: str):',
        '    data_layer = named_layer("pg")',
        '    await data_layer.delete_thread(thread_id)',
        '',
        '',
        'def unused():',
        '    data_layer = PgDataLayer(None)',
        '    return data_layer',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'blocking-call app/data.py:22:13 httpx.post → DELETE /memory',
      'call-in-loop app/data.py:22:13 httpx.post [for sequential] → DELETE /memory',
      'query-in-loop app/data.py:16:19 execute_query → connection.fetch [for sequential] → -',
    ]);
  });
});

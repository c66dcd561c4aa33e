import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Python: a local a function gives a call's result (`data_layer = memory_layer()`) is its own. The class the file
 * gives a namesake in another function (`data_layer = PgDataLayer(None)`) is not its class (chainlit's handlers).
 */
describe("Python: a local given a call's result is not a namesake's class", function () {
  this.timeout(10_000);

  const data = lines(
    'class PgDataLayer:',
    '    def __init__(self, pool):',
    '        self.pool = pool',
    '',
    '    async def delete_thread(self, thread_id: str):',
    '        async with self.pool.acquire() as connection:',
    "            for elem in await connection.fetch('SELECT id FROM e WHERE t = $1', thread_id):", // 7
    "                await connection.fetch('DELETE FROM e WHERE id = $1', elem[\"id\"])", // 8
    '',
    '',
    'class MemoryDataLayer:',
    '    def __init__(self):',
    '        self.threads = {}',
    '',
    '    async def delete_thread(self, thread_id: str):',
    '        self.threads.pop(thread_id, None)',
    '',
    '',
    'def memory_layer():',
    '    return MemoryDataLayer()',
    '',
    '',
    'def audit(**kwargs):',
    '    pass',
  );

  it('the handler making the class keeps its route; the one given memory_layer() is not on it', async () => {
    const f = await joined({
      'requirements.txt': 'fastapi\n',
      'app/__init__.py': '',
      'app/data.py': data,
      'app/server.py': lines(
        'from fastapi import FastAPI',
        '',
        'from app.data import PgDataLayer, memory_layer',
        '',
        'app = FastAPI()',
        '',
        '',
        '@app.delete("/pg")',
        'async def delete_pg(thread_id: str):',
        '    data_layer = PgDataLayer(None)',
        '    await data_layer.delete_thread(thread_id)',
        '',
        '',
        '@app.delete("/memory")',
        'async def delete_memory(thread_id: str):',
        '    data_layer = memory_layer()',
        '    await data_layer.delete_thread(thread_id)',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/data.py:8:23 connection.fetch [for sequential] → DELETE /pg',
      'unbounded-query app/data.py:7:31 connection.fetch → DELETE /pg',
    ]);
  });

  it("a module's instance used by name, or a keyword argument of that name on a line of its own, still is the class", async () => {
    const f = await joined({
      'requirements.txt': 'fastapi\n',
      'app/__init__.py': '',
      'app/data.py': data,
      'app/server.py': lines(
        'from fastapi import FastAPI',
        '',
        'from app.data import PgDataLayer, audit, memory_layer',
        '',
        'app = FastAPI()',
        'data_layer = PgDataLayer(None)',
        '',
        '',
        '@app.delete("/module")',
        'async def delete_module(thread_id: str):',
        '    await data_layer.delete_thread(thread_id)',
        '',
        '',
        '@app.delete("/keyword")',
        'async def delete_keyword(thread_id: str):',
        '    audit(',
        '        data_layer=memory_layer(),',
        '    )',
        '    await data_layer.delete_thread(thread_id)',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/data.py:8:23 connection.fetch [for sequential] → DELETE /module, DELETE /keyword',
      'unbounded-query app/data.py:7:31 connection.fetch → DELETE /module, DELETE /keyword',
    ]);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Python: a value typed by an intermediate class that only inherits a base's abstract method (`layer: SqlLayer`, with
 * `SqlLayer(BaseLayer)` leaving `delete_thread` to `PgLayer(SqlLayer)`) reaches the overrides below that class, as a
 * value typed by the base does (PY-5). An intermediate class whose own method does work keeps it alone.
 */
describe('Python: an intermediate class inheriting an abstract method reaches the overrides below it', function () {
  this.timeout(10_000);

  it('typed SqlLayer: PgLayer.delete_thread; typed by a class that does the work itself, or SqlLayer made in place: not the overrides', async () => {
    const f = await joined({
      'requirements.txt': 'fastapi\nasyncpg\n',
      'app/__init__.py': '',
      'app/layers.py': lines(
        'from abc import ABC, abstractmethod',
        '',
        '',
        'class BaseLayer(ABC):',
        '    @abstractmethod',
        '    async def delete_thread(self, thread_id: str):',
        '        ...',
        '',
        '',
        'class SqlLayer(BaseLayer):',
        '    """Shared SQL helpers; leaves delete_thread to each dialect."""',
        '',
        '    def quote(self, name):',
        '        return \'"\' + name + \'"\'',
        '',
        '',
        'class PgLayer(SqlLayer):',
        '    def __init__(self, pool):',
        '        self.pool = pool',
        '',
        '    async def delete_thread(self, thread_id: str):',
        '        async with self.pool.acquire() as connection:',
        "            for elem in await connection.fetch('SELECT id FROM e WHERE t = $1 LIMIT 50', thread_id):",
        "                await connection.execute('DELETE FROM e WHERE id = $1', elem[\"id\"])", // 24
        '',
        '',
        'class MemoryLayer(BaseLayer):',
        '    def __init__(self):',
        '        self.threads = {}',
        '',
        '    async def delete_thread(self, thread_id: str):',
        '        self.threads.pop(thread_id, None)',
        '',
        '',
        'class SyncedMemoryLayer(MemoryLayer):',
        '    def __init__(self, pool):',
        '        self.pool = pool',
        '',
        '    async def delete_thread(self, thread_id: str):',
        '        async with self.pool.acquire() as connection:',
        "            for elem in await connection.fetch('SELECT id FROM m WHERE t = $1 LIMIT 50', thread_id):",
        "                await connection.execute('DELETE FROM m WHERE id = $1', elem[\"id\"])", // 42
      ),
      'app/server.py': lines(
        'from fastapi import FastAPI',
        '',
        'from app.layers import MemoryLayer, SqlLayer',
        '',
        'app = FastAPI()',
        '',
        '',
        '@app.delete("/sql/{thread_id}")',
        'async def delete_sql(thread_id: str, layer: SqlLayer):',
        '    await layer.delete_thread(thread_id)',
        '',
        '',
        '@app.delete("/memory/{thread_id}")',
        'async def delete_memory(thread_id: str, store: MemoryLayer):',
        '    await store.delete_thread(thread_id)',
        '',
        '',
        '@app.delete("/made/{thread_id}")',
        'async def delete_made(thread_id: str):',
        '    made = SqlLayer()',
        '    await made.delete_thread(thread_id)',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/layers.py:24:23 connection.execute [for sequential] → DELETE /sql/{thread_id}',
      'query-in-loop app/layers.py:42:23 connection.execute [for sequential] → -',
    ]);
  });

  it("super().m() reaching a base's pass through a class between: not a sibling's override (taiga's viewsets)", async () => {
    const f = await joined({
      'requirements.txt': 'fastapi\nhttpx\n',
      'app/__init__.py': '',
      'app/views.py': lines(
        'import httpx',
        '',
        '',
        'class Generic:',
        '    def post_save(self, obj):',
        '        pass',
        '',
        '',
        'class Archived(Generic):',
        '    def archive(self, obj):',
        '        return obj',
        '',
        '',
        'class SwimView(Archived):',
        '    def post_save(self, obj):',
        '        super().post_save(obj)',
        '',
        '',
        'class StoryView(Archived):',
        '    def post_save(self, obj):',
        '        for item in obj:',
        '            httpx.post("https://hook.example/story", json=item)', // 22
      ),
      'app/server.py': lines(
        'from fastapi import FastAPI',
        '',
        'from app.views import StoryView, SwimView',
        '',
        'app = FastAPI()',
        '',
        '',
        '@app.post("/swim")',
        'def swim(obj: list[str], view: SwimView):',
        '    view.post_save(obj)',
        '',
        '',
        '@app.post("/stories")',
        'def stories(obj: list[str], view: StoryView):',
        '    view.post_save(obj)',
      ),
    });
    assert.deepEqual(hazardRows(f), ['call-in-loop app/views.py:22:13 httpx.post [for sequential] → POST /stories']);
  });
});

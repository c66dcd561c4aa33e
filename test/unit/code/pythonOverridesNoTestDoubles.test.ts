import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Python: the overrides a value typed by a base reaches (PY-5) are never a test double's, kept in the package for tests
 * and demos (`FakeLayer`, `MockLayer`, `StubLayer` in app/fakes.py, a class of app/mocks/): they do not count toward
 * the most a call takes, so the one real override is still what the call runs.
 */
describe("Python: a base's overrides leave out test doubles", function () {
  this.timeout(10_000);

  const layers = lines(
    'from abc import ABC, abstractmethod',
    'from typing import Optional',
    '',
    '',
    'class BaseLayer(ABC):',
    '    @abstractmethod',
    '    async def delete_thread(self, thread_id: str):',
    '        pass',
    '',
    '',
    'class PgLayer(BaseLayer):',
    '    def __init__(self, pool):',
    '        self.pool = pool',
    '',
    '    async def delete_thread(self, thread_id: str):',
    '        async with self.pool.acquire() as connection:',
    "            await connection.execute('DELETE FROM e WHERE thread_id = $1', thread_id)",
    '',
    '',
    '_layer: Optional[BaseLayer] = None',
    '',
    '',
    'def get_layer():',
    '    return _layer',
  );
  const double = (name: string) => [`class ${name}(BaseLayer):`, '    async def delete_thread(self, thread_id: str):', '        return None', '', ''];
  const server = lines(
    'from fastapi import FastAPI',
    '',
    'from app.layers import get_layer',
    '',
    'app = FastAPI()',
    '',
    '',
    '@app.delete("/threads")',
    'async def delete_threads(ids: list[str]):',
    '    if layer := get_layer():',
    '        for thread_id in ids:',
    '            await layer.delete_thread(thread_id)', // 12
  );

  it('FakeLayer, MockLayer, StubLayer and a class of mocks/ beside PgLayer: PgLayer is still taken', async () => {
    const f = await joined({
      'requirements.txt': 'fastapi\nasyncpg\n',
      'app/__init__.py': '',
      'app/layers.py': layers,
      'app/fakes.py': lines('from app.layers import BaseLayer', '', '', ...double('FakeLayer'), ...double('MockLayer'), ...double('StubLayer')),
      'app/mocks/__init__.py': '',
      'app/mocks/layers.py': lines('from app.layers import BaseLayer', '', '', ...double('RecordingLayer')),
      'app/server.py': server,
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop app/server.py:12:19 layer.delete_thread → connection.execute [for sequential] → DELETE /threads']);
  });

  it('four real overrides (a name merely starting so, StubbornLayer, is one): none taken, as before', async () => {
    const f = await joined({
      'requirements.txt': 'fastapi\nasyncpg\n',
      'app/__init__.py': '',
      'app/layers.py': layers,
      'app/others.py': lines('from app.layers import BaseLayer', '', '', ...double('StubbornLayer'), ...double('MemoryLayer'), ...double('FileLayer')),
      'app/server.py': server,
    });
    assert.deepEqual(hazardRows(f), []);
  });
});

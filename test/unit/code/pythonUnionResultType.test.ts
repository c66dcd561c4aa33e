import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Python: a function's result annotated as a union with None (`-> PgDataLayer | None`, `-> Union[PgDataLayer, None]`,
 * as FastAPI's own template writes it), or a module value annotated so (`_pg: PgDataLayer | None = None`), is of the
 * one class left once None is dropped; a union of two classes is of neither.
 */
describe('Python: a local of a type annotated as a union with None', function () {
  this.timeout(10_000);

  const data = lines(
    'from typing import Optional, Union',
    '',
    '',
    'class PgDataLayer:',
    '    def __init__(self, pool):',
    '        self.pool = pool',
    '',
    '    async def delete_thread(self, thread_id: str):',
    '        async with self.pool.acquire() as connection:',
    "            for elem in await connection.fetch('SELECT id FROM e WHERE t = $1 LIMIT 50', thread_id):",
    "                await connection.fetch('DELETE FROM e WHERE id = $1', elem[\"id\"])", // 11
    '',
    '',
    'class MemoryDataLayer:',
    '    async def delete_thread(self, thread_id: str):',
    '        return None',
    '',
    '',
    'REGISTRY: dict = {}',
    '_pg: PgDataLayer | None = None',
    '_either: PgDataLayer | MemoryDataLayer | None = None',
    '',
    '',
    'def layer_optional() -> Optional[PgDataLayer]:',
    '    return REGISTRY.get("pg")',
    '',
    '',
    'def layer_pep604() -> PgDataLayer | None:',
    '    return REGISTRY.get("pg")',
    '',
    '',
    'def layer_union() -> Union[None, PgDataLayer]:',
    '    return REGISTRY.get("pg")',
    '',
    '',
    'def layer_quoted() -> "PgDataLayer | None":',
    '    return REGISTRY.get("pg")',
    '',
    '',
    'def layer_module():',
    '    return _pg',
    '',
    '',
    'def layer_two() -> PgDataLayer | MemoryDataLayer:',
    '    return REGISTRY.get("pg")',
    '',
    '',
    'def layer_two_union() -> Union[PgDataLayer, MemoryDataLayer, None]:',
    '    return REGISTRY.get("pg")',
    '',
    '',
    'def layer_module_two():',
    '    return _either',
  );

  const handler = (path: string, fn: string) => ['', '', `@app.delete("/${path}")`, `async def d_${fn}(thread_id: str):`, `    data_layer = ${fn}()`, '    await data_layer.delete_thread(thread_id)'];

  it('X | None, Union[None, X], quoted, a module value X | None: X; two classes: neither', async () => {
    const fns = ['layer_optional', 'layer_pep604', 'layer_union', 'layer_quoted', 'layer_module', 'layer_two', 'layer_two_union', 'layer_module_two'];
    const f = await joined({
      'requirements.txt': 'fastapi\nasyncpg\n',
      'app/__init__.py': '',
      'app/data.py': data,
      'app/server.py': lines(
        'from fastapi import FastAPI',
        '',
        `from app.data import ${fns.join(', ')}`,
        '',
        'app = FastAPI()',
        ...fns.flatMap((fn) => handler(fn.replace('layer_', ''), fn)),
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/data.py:11:23 connection.fetch [for sequential] → DELETE /optional, DELETE /pep604, DELETE /union, DELETE /quoted, DELETE /module',
    ]);
  });
});

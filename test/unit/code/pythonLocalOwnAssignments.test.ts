import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Python: a local is the function's own only by an assignment of its own (`data_layer = memory_layer()` in its body),
 * read from the tree: not a keyword argument on a line of its own, whatever ends the line before (CRLF, a comment),
 * nor an assignment in a nested def, a lambda's call, or a docstring's line. The module's `data_layer =
 * PgDataLayer(None)` is then what the handler calls (chainlit's handlers).
 */
describe("Python: a local given a call's result is only one the function assigns itself", function () {
  this.timeout(10_000);

  const data = lines(
    'class PgDataLayer:',
    '    def __init__(self, pool):',
    '        self.pool = pool',
    '',
    '    async def delete_thread(self, thread_id: str):',
    '        async with self.pool.acquire() as connection:',
    "            for elem in await connection.fetch('SELECT id FROM e WHERE t = $1 LIMIT 50', thread_id):", // 7
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

  const keywords = lines(
    'from fastapi import FastAPI',
    '',
    'from app.data import PgDataLayer, audit, memory_layer',
    '',
    'app = FastAPI()',
    'data_layer = PgDataLayer(None)',
    '',
    '',
    '@app.delete("/keyword")',
    'async def delete_keyword(thread_id: str):',
    '    audit(',
    '        data_layer=memory_layer(),',
    '    )',
    '    await data_layer.delete_thread(thread_id)',
    '',
    '',
    '@app.delete("/keyword-after-comment")',
    'async def delete_keyword_after_comment(thread_id: str):',
    '    audit(  # record what is deleted',
    '        data_layer=memory_layer(),',
    '    )',
    '    await data_layer.delete_thread(thread_id)',
    '',
    '',
    '@app.delete("/own")',
    'async def delete_own(thread_id: str):',
    '    audit(  # record what is deleted',
    '        data_layer=memory_layer(),',
    '    )',
    '    data_layer = memory_layer()',
    '    await data_layer.delete_thread(thread_id)',
  );

  const expected = [
    'query-in-loop app/data.py:8:23 connection.fetch [for sequential] → DELETE /keyword, DELETE /keyword-after-comment',
  ];

  it('a keyword argument after a line ending in a comment is no local: the module\'s class; the function\'s own assignment is', async () => {
    const f = await joined({ 'requirements.txt': 'fastapi\n', 'app/__init__.py': '', 'app/data.py': data, 'app/server.py': keywords });
    assert.deepEqual(hazardRows(f), expected);
  });

  it('the same with CRLF line ends', async () => {
    const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
    const f = await joined({ 'requirements.txt': 'fastapi\n', 'app/__init__.py': '', 'app/data.py': crlf(data), 'app/server.py': crlf(keywords) });
    assert.deepEqual(hazardRows(f), expected);
  });

  it("a nested def's local, a lambda's call or a docstring's line is not the handler's: the module's class; its own, also a value starting with the call, is", async () => {
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
        'data_layer = PgDataLayer(None)',
        '',
        '',
        '@app.delete("/nested")',
        'async def delete_nested(thread_id: str):',
        '    def preview():',
        '        data_layer = memory_layer()',
        '        return data_layer',
        '',
        '    await data_layer.delete_thread(thread_id)',
        '',
        '',
        '@app.delete("/lambda")',
        'async def delete_lambda(thread_id: str):',
        '    callbacks = [lambda: memory_layer()]',
        '    await data_layer.delete_thread(thread_id)',
        '',
        '',
        '@app.delete("/docstring")',
        'async def delete_docstring(thread_id: str):',
        '    """Delete a thread from the module\'s layer.',
        '',
        '    Tests swap it for an in-memory one:',
        '        data_layer = memory_layer()',
        '    """',
        '    await data_layer.delete_thread(thread_id)',
        '',
        '',
        '@app.delete("/conditional")',
        'async def delete_conditional(thread_id: str):',
        '    data_layer = memory_layer() if thread_id else None',
        '    await data_layer.delete_thread(thread_id)',
        '',
        '',
        '@app.delete("/after-nested")',
        'async def delete_after_nested(thread_id: str):',
        '    def preview():',
        '        return None',
        '',
        '    if data_layer := memory_layer():',
        '        await data_layer.delete_thread(thread_id)',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/data.py:8:23 connection.fetch [for sequential] → DELETE /nested, DELETE /lambda, DELETE /docstring',
    ]);
  });
});

import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const inLoop = (rows: string[]) => rows.filter((r) => r.startsWith('query-in-loop'));

describe('a loop taking the next message from a queue held in a dict runs once per message', function () {
  this.timeout(10_000);

  it("langflow's `message = await message_queues[queue_key].get()` is a consumer, as a plain queue is; a dict of settings read with a key is not", async () => {
    const f = await joined({
      'app/main.py': lines(
        'import asyncio',
        'from collections import defaultdict',
        'from fastapi import FastAPI',
        'from sqlmodel.ext.asyncio.session import AsyncSession',
        '',
        'app = FastAPI()',
        'message_queues: dict[str, asyncio.Queue] = defaultdict(asyncio.Queue)',
        'queue_settings = {"a": {"size": 1}}',
        '',
        'async def save(message, session: AsyncSession):',
        '    session.add(message)',
        '    await session.commit()',
        '    await session.refresh(message)',
        '',
        'async def process_keyed(queue_key, session: AsyncSession):',
        '    while True:',
        '        message = await message_queues[queue_key].get()',
        '        await save(message, session)',
        '        if message_queues[queue_key].empty():',
        '            break',
        '',
        'async def process_settings(keys, session: AsyncSession):',
        '    while keys:',
        '        size = queue_settings[keys.pop()].get("size")',
        '        await save(size, session)', // 25
        '',
        '@app.post("/keyed/{key}")',
        'async def keyed(key: str, session: AsyncSession):',
        '    await process_keyed(key, session)',
        '',
        '@app.post("/settings")',
        'async def settings(keys: list[str], session: AsyncSession):',
        '    await process_settings(keys, session)',
      ),
    });
    assert.deepEqual(inLoop(hazardRows(f)), ['query-in-loop app/main.py:25:15 save → session.refresh [while sequential] → POST /settings']);
  });
});

import assert from 'node:assert/strict';
import type { Hazard } from '../../../src/core/code/codeModel';
import { joined, lines } from './fixtureWorkspace';

const rows = (files: Map<string, { hazards: Hazard[] }>) =>
  [...files.values()].flatMap((a) => a.hazards.map((h) => `${h.code} ${h.file}:${h.range.start.line + 1} → ${h.routes.map((r) => `${r.method} ${r.path}`).join(', ') || (h.tasks ? `tasks: ${h.tasks.join(', ')}` : '-')}`)).sort();

describe("FastAPI's and Starlette's background tasks: what a route queues runs after its response, not on its path", () => {
  it("background_tasks.add_task(process_events, ids) (tracecat's channel events) and a response's BackgroundTask(f) are tasks the route queues; the route keeps its own", async () => {
    const f = await joined({
      'app/main.py': lines(
        'from fastapi import BackgroundTasks, FastAPI',
        'from starlette.background import BackgroundTask',
        'from starlette.responses import JSONResponse',
        'from app.work import process_events, notify_all',
        'app = FastAPI()',
        '@app.post("/events")',
        'async def receive(ids: list[int], background_tasks: BackgroundTasks, session: Session):',
        '    background_tasks.add_task(',
        '        process_events,',
        '        ids,',
        '    )',
        '    for i in ids:',
        '        await session.execute(select(Event).where(Event.id == i))', // 13: the route's own
        '    return {"queued": len(ids)}',
        '@app.post("/notify")',
        'async def notify(ids: list[int]):',
        '    for i in ids:',
        '        background_tasks.add_task(notify_all, i)', // queued per item, none run in the request
        '    return JSONResponse({}, background=BackgroundTask(notify_all, ids))',
      ),
      'app/work.py': lines(
        'import httpx',
        'async def process_events(ids):',
        '    async with SessionLocal() as session:',
        '        for event_id in ids:',
        '            await session.execute(update(Event).where(Event.id == event_id))', // 5
        'async def notify_all(ids):',
        '    async with httpx.AsyncClient(timeout=5) as client:',
        '        for i in ids:',
        '            await client.post("http://mail/send", json={"id": i})', // 9
      ),
    });
    assert.deepEqual(rows(f), [
      'call-in-loop app/work.py:9 → tasks: notify_all (background task, queued by POST /notify)',
      'query-in-loop app/main.py:13 → POST /events',
      'query-in-loop app/work.py:5 → tasks: process_events (background task, queued by POST /events)',
    ]);
  });

  it('a module that names no BackgroundTasks: an add_task of its own is not followed; a thread still says it is one', async () => {
    const f = await joined({
      'app/main.py': lines(
        'import threading',
        'from fastapi import FastAPI',
        'from app.work import process_events',
        'app = FastAPI()',
        '@app.post("/events")',
        'async def receive(ids: list[int]):',
        '    scheduler.add_task(process_events, ids)',
        '    return {}',
        '@app.post("/threads")',
        'async def start(ids: list[int]):',
        '    threading.Thread(target=process_events, args=(ids,)).start()',
        '    return {}',
      ),
      'app/work.py': lines(
        'async def process_events(ids):',
        '    async with SessionLocal() as session:',
        '        for event_id in ids:',
        '            await session.execute(update(Event).where(Event.id == event_id))', // 4
      ),
    });
    assert.deepEqual(rows(f), ['query-in-loop app/work.py:4 → tasks: process_events (thread, started by POST /threads)']);
  });
});

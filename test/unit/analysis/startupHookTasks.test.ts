import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import type { Hazard } from '../../../src/core/code/codeModel';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { grammars, joined, lines } from '../code/fixtureWorkspace';
import { TempWorkspace } from './tempWorkspace';

const rows = (files: Map<string, { hazards: Hazard[] }>) =>
  [...files.values()].flatMap((a) => a.hazards.map((h) => `${h.code} ${h.file}:${h.range.start.line + 1} → ${h.routes.map((r) => `${r.method} ${r.path}`).join(', ') || (h.tasks ? `tasks: ${h.tasks.join(', ')}` : '-')}`)).sort();

const CONSUMER = lines(
  'from app.models import Event',
  'async def run_consumer():',
  '    while True:',
  '        messages = await redis.xread({"events": "$"}, block=5000)',
  '        async with SessionLocal() as session:',
  '            for _id, fields in messages:',
  '                await session.execute(update(Event).where(Event.id == int(fields[b"id"])))', // 7
);

/**
 * A FastAPI lifespan that starts a consumer as an asyncio task, `task = asyncio.create_task(run_consumer())` before its
 * `yield`: the consumer runs for as long as the API's process does, not once as it starts, and in that process, not in
 * a worker whose recipe shares the folder (app/consumer.py is named like a worker's code).
 */
describe('what a startup hook starts and does not wait for: a task or a thread of its own process', function () {
  this.timeout(20_000);

  it("a lifespan's asyncio.create_task(run_consumer()) and an on_event hook's thread run beside the process; what the hook awaits runs once as it starts", async () => {
    const f = await joined({
      'app/consumer.py': CONSUMER,
      'app/warm.py': lines('async def warm_cache(ids):', '    async with SessionLocal() as session:', '        for i in ids:', '            await session.execute(insert(Event).values(id=i))'), // 4
      'app/audit.py': lines('import requests', 'def ship(batches):', '    for b in batches:', '        requests.post("http://audit/batch", json=b, timeout=5)'), // 4
      'app/main.py': lines(
        'import asyncio',
        'import threading',
        'from contextlib import asynccontextmanager',
        'from fastapi import FastAPI',
        'from app.consumer import run_consumer',
        'from app.warm import warm_cache',
        'from app.audit import ship',
        '@asynccontextmanager',
        'async def lifespan(app: FastAPI):',
        '    await warm_cache(settings.cached_ids)',
        '    task = asyncio.create_task(run_consumer())',
        '    yield',
        '    task.cancel()',
        'app = FastAPI(lifespan=lifespan)',
        '@app.on_event("startup")',
        'def start_audit():',
        '    threading.Thread(target=ship, args=([],), daemon=True).start()',
        '@app.get("/health")',
        'async def health():',
        '    return {"ok": True}',
      ),
    });
    assert.deepEqual(rows(f), [
      'call-in-loop app/audit.py:4 → tasks: start_audit (thread started by a startup hook)',
      'query-in-loop app/consumer.py:7 → tasks: lifespan (task started by a startup hook)',
      'query-in-loop app/warm.py:4 → tasks: lifespan (startup hook)',
    ]);
    assert.deepEqual(f.get('app/consumer.py')!.hazards[0].taskRunners, ['app/main.py']);
  });

  it('a route that creates a task (and may gather it) still has it on its path', async () => {
    const f = await joined({
      'app/consumer.py': CONSUMER,
      'app/main.py': lines(
        'import asyncio',
        'from fastapi import FastAPI',
        'from app.consumer import run_consumer',
        'app = FastAPI()',
        '@app.post("/drain")',
        'async def drain():',
        '    task = asyncio.create_task(run_consumer())',
        '    await asyncio.gather(task)',
      ),
    });
    assert.deepEqual(rows(f), ['query-in-loop app/consumer.py:7 → POST /drain']);
  });

  it("the consumer's warning is the API's, whose lifespan starts it, not the worker's that shares the folder", async () => {
    const ws = new TempWorkspace('lifespan-task');
    ws.create();
    try {
      ws.write('compose.yaml', ['services:', '  api:', '    build: .', '    command: uvicorn app.main:app', '  worker:', '    build: .', '    command: python -m app.worker', ''].join('\n'));
      ws.write('Dockerfile', 'FROM python:3.12\nCOPY . /srv\nWORKDIR /srv\nCMD ["uvicorn", "app.main:app"]\n');
      ws.write('app/__init__.py', '');
      ws.write('app/consumer.py', CONSUMER);
      ws.write('app/jobs.py', lines('async def sweep(ids):', '    async with SessionLocal() as session:', '        for i in ids:', '            await session.execute(delete(Event).where(Event.id == i))')); // 4: no one starts it
      ws.write('app/worker.py', lines('import asyncio', 'async def main():', '    while True:', '        await asyncio.sleep(60)', 'if __name__ == "__main__":', '    asyncio.run(main())'));
      ws.write(
        'app/main.py',
        lines(
          'import asyncio',
          'from contextlib import asynccontextmanager',
          'from fastapi import FastAPI',
          'from app.consumer import run_consumer',
          '@asynccontextmanager',
          'async def lifespan(app: FastAPI):',
          '    task = asyncio.create_task(run_consumer())',
          '    yield',
          '    task.cancel()',
          'app = FastAPI(lifespan=lifespan)',
          '@app.get("/health")',
          'async def health():',
          '    return {"ok": True}',
        ),
      );
      const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
      assert.deepEqual(
        result.warnings.map((w) => `${w.code} ${w.service} ${w.file}:${w.range.start.line + 1}`).sort(),
        ['query-in-loop api app/consumer.py:7', 'query-in-loop worker app/jobs.py:4'],
      );
      const consumer = result.warnings.find((w) => w.file === 'app/consumer.py')!;
      assert.match(consumer.message, /^In lifespan \(task started by a startup hook\)\./);
      assert.match(consumer.evidence.severityReason ?? '', /runs in the background/);
    } finally {
      ws.remove();
    }
  });
});

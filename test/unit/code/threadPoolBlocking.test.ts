import { strict as assert } from 'node:assert';
import type { Hazard } from '../../../src/core/code/codeModel';
import { joined, lines } from './fixtureWorkspace';

const blocking = (f: Map<string, { hazards: Hazard[] }>) =>
  [...f.values()].flatMap((a) => a.hazards.filter((h) => h.code === 'blocking-call').map((h) => `${h.file}:${h.range.start.line + 1} ${h.routes.map((r) => `${r.method} ${r.path}`).join(', ')} | ${h.explanation}`)).sort();

/**
 * FastAPI and Starlette run a plain `def` endpoint in a thread pool (a login handler's `time.sleep(random.uniform(0.0,
 * 0.5))` to even out its response time): the worker goes on serving other requests, so "the worker can serve nothing
 * else" is not so. The sleep still adds to the response and holds one of the pool's 40 threads: still reported, said so.
 */
describe("a blocking call in a FastAPI or Starlette plain def endpoint holds a thread of the pool, not the worker", () => {
  it('FastAPI and Starlette plain def endpoints say so; Flask, and an async def, keep their own messages', async () => {
    const f = await joined({
      'api/main.py': lines(
        'import random, subprocess, time',
        'from fastapi import FastAPI',
        'app = FastAPI()',
        '@app.post("/login")',
        'def login(username: str, password: str):',
        '    time.sleep(random.uniform(0.0, 0.5))', // 6
        '    return {"ok": True}',
        '@app.post("/convert")',
        'def convert():',
        '    subprocess.run(["convert", "a.png", "a.jpg"])', // 10
        '@app.post("/wait")',
        'async def wait():',
        '    time.sleep(1)', // 13
      ),
      'star/app.py': lines(
        'import time',
        'from starlette.applications import Starlette',
        'from starlette.routing import Route',
        'def slow(request):',
        '    time.sleep(1)', // 5
        'app = Starlette(routes=[Route("/slow", slow)])',
      ),
      'web/views.py': lines('import time', 'from flask import Flask', 'app = Flask(__name__)', '@app.route("/login", methods=["POST"])', 'def login():', '    time.sleep(0.2)', '    return "ok"'), // 6
    });
    const pool = "in a plain `def` endpoint, which the framework runs in its thread pool: it holds one of the pool's threads (40 by default, shared by every plain `def` endpoint and dependency) and adds its time to the response; under load, requests queue for the pool.";
    assert.deepEqual(blocking(f), [
      `api/main.py:10 POST /convert | \`subprocess.run(…)\`: synchronous subprocess ${pool}`,
      `api/main.py:13 POST /wait | \`time.sleep(…)\`: \`time.sleep\` blocks the worker inside \`async def\`: it stalls the event loop for every request.`,
      `api/main.py:6 POST /login | \`time.sleep(…)\`: \`time.sleep\` ${pool}`,
      `star/app.py:5 GET /slow | \`time.sleep(…)\`: \`time.sleep\` ${pool}`,
      'web/views.py:6 POST /login | `time.sleep(…)`: `time.sleep` blocks the worker on a request path: the worker can serve nothing else meanwhile.',
    ]);
  });
});

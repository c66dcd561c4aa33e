import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A project that keeps one tenacity wait for all its retries in a module constant, `RETRY_WAIT = wait_exponential(
 * multiplier=1, min=1, max=10)`, then `AsyncRetrying(stop=stop_after_attempt(3), wait=RETRY_WAIT)`: the loop waits
 * between attempts as one given `wait=wait_exponential(…)` in place does.
 */
describe('tenacity: a retry loop given its wait by a module constant', () => {
  const notify = (wait: string) => [
    '@app.post("/notify")',
    'async def notify(payload: dict):',
    `    async for attempt in AsyncRetrying(stop=stop_after_attempt(3)${wait}):`,
    '        with attempt:',
    '            async with httpx.AsyncClient(timeout=10.0) as client:',
    '                await client.post("https://hooks.example.com/x", json=payload)',
  ];
  const head = ['import httpx', 'from fastapi import FastAPI', 'from tenacity import AsyncRetrying, stop_after_attempt, wait_exponential, wait_fixed'];

  it('waits when the constant is a wait strategy, as inline; not when the name is bound to something else, given by nothing, or not given', async () => {
    const f = await joined({
      'app/constant.py': lines(...head, 'RETRY_WAIT: object = wait_exponential(multiplier=1, min=1, max=10)', 'app = FastAPI()', ...notify(', wait=RETRY_WAIT')),
      'app/inline.py': lines(...head, 'app = FastAPI()', ...notify(', wait=wait_fixed(2)')),
      'app/other.py': lines(...head, 'RETRY_WAIT = None', 'app = FastAPI()', ...notify(', wait=RETRY_WAIT')),
      'app/unbound.py': lines(...head, 'app = FastAPI()', ...notify(', wait=RETRY_WAIT')),
      'app/none.py': lines(...head, 'app = FastAPI()', ...notify('')),
    });
    assert.deepEqual(hazardRows(f), [
      'retry-without-backoff app/none.py:7:5 client.post → POST /notify',
      'retry-without-backoff app/other.py:8:5 client.post → POST /notify',
      'retry-without-backoff app/unbound.py:7:5 client.post → POST /notify',
    ]);
  });
});

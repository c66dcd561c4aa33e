import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** litellm's `for _ in range(n_retry_times):` around a request: a retry loop, counted by a name that holds the word inside it. */
describe('retry-without-backoff: a retry loop counted by a name with the word inside it', () => {
  it('reports `range(n_retry_times)` and `range(max_attempts_total)` around a request with no pause; not a loop with a sleep, nor one over a queue named for retries', async () => {
    const f = await joined({
      'app/main.py': lines(
        'import time',
        'import requests',
        'from fastapi import FastAPI',
        '',
        'app = FastAPI()',
        '',
        '@app.post("/send")',
        'def send(url: str, n_retry_times: int = 3, max_attempts_total: int = 2):',
        '    for _ in range(n_retry_times):', // 9
        '        try:',
        '            return requests.get(url, timeout=5).text',
        '        except requests.RequestException:',
        '            continue',
        '    for _ in range(max_attempts_total):', // 14
        '        try:',
        '            return requests.get(url, timeout=5).text',
        '        except requests.RequestException:',
        '            continue',
        '    for _ in range(n_retry_times):',
        '        try:',
        '            return requests.get(url, timeout=5).text',
        '        except requests.RequestException:',
        '            time.sleep(1)',
        '    return ""',
        '',
        '@app.post("/drain")',
        'def drain(url: str):',
        '    for item in pending_retry_queue():',
        '        requests.post(url, json=item, timeout=5)',
        '',
        'def pending_retry_queue():',
        '    return []',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('retry-without-backoff')), [
      'retry-without-backoff app/main.py:14:5 requests.get → POST /send',
      'retry-without-backoff app/main.py:9:5 requests.get → POST /send',
    ]);
  });
});

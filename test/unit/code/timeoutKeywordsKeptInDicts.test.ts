import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const timeouts = (rows: string[]) => rows.filter((r) => r.startsWith('missing-timeout')).map((r) => r.split(' ')[1]);

describe('missing-timeout: Python keyword arguments kept in a dict and unpacked with **', function () {
  this.timeout(10_000);

  it("counts a timeout in a dict literal, dict(timeout=…), a key set afterwards or a module dict (litellm's `requests.request(…, **request_kwargs)`); not one without it, a nested key, a parameter's (still reported: what a caller gives is not known here) or another function's", async () => {
    const f = await joined({
      'app/main.py': lines(
        'import requests',
        'from fastapi import FastAPI',
        '',
        'app = FastAPI()',
        'DEFAULTS = {"timeout": 5}',
        '',
        '@app.post("/fetch")',
        'def fetch(url: str):',
        '    request_kwargs = {',
        '        "timeout": 10,',
        '        "headers": {"Accept": "text/html"},',
        '    }',
        '    a = requests.request("GET", url, **request_kwargs)', // 13
        '    kwargs = dict(timeout=10)',
        '    b = requests.get(url, **kwargs)', // 15
        '    later = {"headers": {}}',
        '    later["timeout"] = 3',
        '    c = requests.get(url, **later)', // 18
        '    d = requests.get(url, **DEFAULTS)', // 19
        '    merged = {**DEFAULTS, "headers": {}}',
        '    e = requests.get(url, **merged)', // 21
        '    bare = {"headers": {}}',
        '    g = requests.get(url, **bare)', // 23: none
        '    nested = {"json": {"timeout": 5}}',
        '    h = requests.post(url, **nested)', // 25: a key of the body
        '    return a, b, c, d, e, g, h',
        '',
        'def helper(url, **opts):',
        '    return requests.get(url, **opts)', // 29: what a caller gives, not known here
        '',
        '@app.post("/other")',
        'def other(url: str):',
        '    return requests.get(url, **request_kwargs).text', // 33: another function's local
      ),
    });
    assert.deepEqual(timeouts(hazardRows(f)), ['app/main.py:23:9', 'app/main.py:25:9', 'app/main.py:29:12', 'app/main.py:33:12']);
  });
});

import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const timeouts = (rows: string[]) => rows.filter((r) => r.startsWith('missing-timeout')).map((r) => r.split(' ')[1]);

describe('missing-timeout: requests given timeout=None, which is its default of waiting for ever', () => {
  it('is reported written in place, in a dict literal, dict(…), kw.update(…), kw.setdefault(…) or kw["timeout"] = None; a number or a name is a timeout', async () => {
    const f = await joined({
      'app/main.py': lines(
        'import requests',
        'from fastapi import FastAPI',
        '',
        'app = FastAPI()',
        'TIMEOUT = 5',
        '',
        '@app.post("/fetch")',
        'def fetch(url: str):',
        '    a = requests.get(url, timeout=None)', // 9
        '    lit = {"timeout": None}',
        '    b = requests.get(url, **lit)', // 11
        '    d = dict(timeout=None)',
        '    c = requests.get(url, **d)', // 13
        '    up = {}',
        '    up.update(timeout=None)',
        '    e = requests.get(url, **up)', // 16
        '    sd = {}',
        '    sd.setdefault("timeout", None)',
        '    g = requests.get(url, **sd)', // 19
        '    ix = {}',
        '    ix["timeout"] = None',
        '    h = requests.get(url, **ix)', // 22
        '    ok1 = requests.get(url, timeout=TIMEOUT)',
        '    ok2 = requests.get(url, **{"timeout": 3})',
        '    named = {}',
        '    named.update(timeout=TIMEOUT)',
        '    ok3 = requests.get(url, **named)',
        '    return a, b, c, e, g, h, ok1, ok2, ok3',
      ),
    });
    assert.deepEqual(timeouts(hazardRows(f)), ['app/main.py:11:9', 'app/main.py:13:9', 'app/main.py:16:9', 'app/main.py:19:9', 'app/main.py:22:9', 'app/main.py:9:9']);
  });
});

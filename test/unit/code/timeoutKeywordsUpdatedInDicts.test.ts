import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const timeouts = (rows: string[]) => rows.filter((r) => r.startsWith('missing-timeout')).map((r) => r.split(' ')[1]);

describe('missing-timeout: a timeout added to a dict of keyword arguments by update() or setdefault()', function () {
  this.timeout(10_000);

  it('counts `kw.update(timeout=…)`, `kw.update({"timeout": …})` and `kw.setdefault("timeout", …)` before the call; not an update of another key, of another dict, or one after the call', async () => {
    const f = await joined({
      'app/main.py': lines(
        'import requests',
        'from fastapi import FastAPI',
        '',
        'app = FastAPI()',
        '',
        '@app.post("/fetch")',
        'def fetch(url: str):',
        '    kw = {"headers": {}}',
        '    kw.update(timeout=10, verify=False)',
        '    a = requests.get(url, **kw)', // 10
        '    lit = {"headers": {}}',
        '    lit.update({"timeout": 5})',
        '    b = requests.get(url, **lit)', // 13
        '    sd = dict(headers={})',
        '    sd.setdefault("timeout", 3)',
        '    c = requests.get(url, **sd)', // 16
        '    other = {"headers": {}}',
        '    other.update(verify=False)',
        '    d = requests.get(url, **other)', // 19: no timeout
        '    late = {"headers": {}}',
        '    e = requests.get(url, **late)', // 21: the update comes after
        '    late.update(timeout=4)',
        '    kept = {"headers": {}}',
        '    lit2 = {}',
        '    lit2.update(timeout=1)',
        '    g = requests.get(url, **kept)', // 26: another dict was updated
        '    return a, b, c, d, e, g',
      ),
    });
    assert.deepEqual(timeouts(hazardRows(f)), ['app/main.py:19:9', 'app/main.py:21:9', 'app/main.py:26:9']);
  });
});

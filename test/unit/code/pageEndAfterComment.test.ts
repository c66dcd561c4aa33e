import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** rotki's Coinbase pages: `if not next_uri:` then a comment, then `break`. */
describe('call-in-loop: a page loop whose end has a comment before its break', () => {
  it('is a walk over pages, as without the comment (Python and JavaScript); a loop with no end of that kind is still reported', async () => {
    const f = await joined({
      'app/main.py': lines(
        'import requests',
        'from flask import Flask',
        '',
        'app = Flask(__name__)',
        '',
        '@app.get("/accounts")',
        'def accounts():',
        '    items = []',
        '    next_uri = "/v2/accounts"',
        '    while True:',
        '        ret = requests.get("https://api.example.com" + next_uri, timeout=10).json()',
        '        items.extend(ret["data"])',
        '        next_uri = ret["pagination"]["next_uri"]',
        '        if not next_uri:',
        '            # once we get an empty next_uri we are done',
        '            break',
        '    return {"items": items}',
        '',
        '@app.get("/ids")',
        'def ids():',
        '    out = []',
        '    for i in load_ids():',
        '        out.append(requests.get(f"https://api.example.com/{i}", timeout=10).json())', // 23
        '        # nothing ends this loop but its items',
        '    return {"out": out}',
        '',
        'def load_ids():',
        '    return []',
      ),
      'web/server.js': lines(
        "const express = require('express');",
        'const app = express();',
        "app.get('/pages', async (req, res) => {",
        '  const all = [];',
        "  let page = await fetch('https://api.example.com/p', { signal: AbortSignal.timeout(1000) }).then((r) => r.json());",
        '  while (true) {',
        '    all.push(...page.items);',
        '    const next = page.next;',
        '    if (!next) {',
        '      // the last page',
        '      break;',
        '    }',
        '    page = await fetch(next, { signal: AbortSignal.timeout(1000) }).then((r) => r.json());',
        '  }',
        '  res.json(all);',
        '});',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('call-in-loop')).map((r) => r.split(' ')[1]), ['app/main.py:23:20']);
  });
});

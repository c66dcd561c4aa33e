import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** rotki's bit2me.py: `if (\n len(page) < LIMIT or\n (total is not None and offset >= total)\n): break`, a page loop. */
describe('call-in-loop: a short-page end whose condition is written over several lines in parentheses', () => {
  it('does not report a page loop that breaks on a short page, the condition over lines (Python and JavaScript); still reports one that breaks on something else', async () => {
    const f = await joined({
      'app/server.py': lines(
        'import requests', // 1
        'from flask import Flask',
        'app = Flask(__name__)',
        'session = requests.Session()',
        'LIMIT = 100', // 5
        '',
        'def q(offset):',
        '    return session.get("https://api.x.com/tx", params={"offset": offset, "limit": LIMIT}, timeout=10)',
        '',
        'def all_pages():', // 10
        '    out = []',
        '    offset = 0',
        '    while True:',
        '        page = q(offset).json().get("data", [])',
        '        out.extend(page)', // 15
        '        offset += len(page)',
        '        total = 5000',
        '        if (',
        '            len(page) < LIMIT or',
        '            (total is not None and offset >= total)', // 20
        '        ):',
        '            break',
        '    return out',
        '',
        'def until_total():', // 25
        '    out = []',
        '    offset = 0',
        '    while True:',
        '        page = q(offset).json().get("data", [])',
        '        out.extend(page)', // 30
        '        offset += 100',
        '        if (',
        '            offset >= 10000 or',
        '            out is None',
        '        ):', // 35
        '            break',
        '    return out',
        '',
        '@app.get("/a")',
        'def a():', // 40
        '    return {"a": all_pages(), "b": until_total()}',
      ),
      'web/pages.ts': lines(
        'import express from "express";', // 1
        'const router = express.Router();',
        'router.get("/all", async (req, res) => {',
        '  const out = [];',
        '  for (let offset = 0; ; offset += 100) {', // 5
        '    const rows = await fetch(`https://api.x.com/tx?offset=${offset}`).then((r) => r.json());',
        '    out.push(...rows);',
        '    if (',
        '      rows.length < LIMIT ||',
        '      out.length > 10000', // 10
        '    ) {',
        '      break;',
        '    }',
        '  }',
        '  res.json(out);', // 15
        '});',
        'export default router;',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('call-in-loop')), ['call-in-loop app/server.py:29:16 q → session.get [while sequential] → GET /a']);
  });
});

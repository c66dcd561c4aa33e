import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** rotki's chunked backup upload: `for chunk_idx, offset in enumerate(range(0, total_size, UPLOAD_CHUNK_SIZE)):`. */
describe('call-in-loop: a counting loop with a batch step, numbered by enumerate()', () => {
  it('is the parts of one upload, as without enumerate(); enumerate over a range stepping by 1, or over items, is still a call per item', async () => {
    const f = await joined({
      'app/main.py': lines(
        'import requests',
        'from flask import Flask',
        '',
        'app = Flask(__name__)',
        'UPLOAD_CHUNK_SIZE = 5 * 1024 * 1024',
        '',
        '@app.post("/backup")',
        'def backup():',
        '    blob = b"x" * 100',
        '    for chunk_idx, offset in enumerate(range(0, len(blob), UPLOAD_CHUNK_SIZE)):',
        '        requests.post("https://api.example.com/b", data=blob[offset:offset + UPLOAD_CHUNK_SIZE], timeout=60)',
        '    for n, offset in enumerate(range(0, len(blob), UPLOAD_CHUNK_SIZE), start=1):',
        '        requests.post("https://api.example.com/b", data=blob[offset:offset + UPLOAD_CHUNK_SIZE], timeout=60)',
        '    for k, i in enumerate(range(0, len(blob), 1)):',
        '        requests.post("https://api.example.com/b", data=blob[i:i + 1], timeout=60)', // 15
        '    for k, item in enumerate(load()):',
        '        requests.post("https://api.example.com/b", json=item, timeout=60)', // 17
        '    return {}',
        '',
        'def load():',
        '    return []',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('call-in-loop')).map((r) => r.split(' ')[1]), ['app/main.py:15:9', 'app/main.py:17:9']);
  });
});

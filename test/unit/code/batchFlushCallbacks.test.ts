import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * SpringBlade's UserImportListener: EasyExcel calls `invoke` once per row, and it writes only when 3,000 rows are
 * gathered (`if (cached.size() >= BATCH_COUNT) { userService.saveAll(cached); … }`): once per batch, as in a `for`
 * loop. So too a JavaScript callback run per item that flushes a full buffer.
 */
describe('a write that flushes a full batch, in a callback run per item', () => {
  it("in a spreadsheet listener's invoke, and in a forEach callback; not a write with no batch test", async () => {
    const f = await joined({
      'src/main/java/com/ex/listener/UserImportListener.java': lines(
        'package com.ex.listener;',
        '',
        'import cn.idev.excel.context.AnalysisContext;',
        'import cn.idev.excel.read.listener.ReadListener;',
        '',
        'public class UserImportListener implements ReadListener<UserRow> {',
        '  private static final int BATCH_COUNT = 3000;',
        '  private final List<UserRow> cached = new ArrayList<>();',
        '  private final UserRepository userRepository;',
        '',
        '  @Override',
        '  public void invoke(UserRow data, AnalysisContext context) {',
        '    cached.add(data);',
        '    if (cached.size() >= BATCH_COUNT) {',
        '      userRepository.saveAll(cached);',
        '      cached.clear();',
        '    }',
        '    userRepository.countByName(data.getName());',
        '  }',
        '}',
      ),
      'src/sync.ts': lines(
        "import { Pool } from 'pg';",
        'const pool = new Pool();',
        'export function sync(rows: string[]) {',
        '  const buffer: string[] = [];',
        '  rows.forEach((r) => {',
        '    buffer.push(r);',
        "    if (buffer.length >= BATCH_SIZE) pool.query('INSERT INTO t SELECT * FROM unnest($1)', [buffer.splice(0)]);",
        "    pool.query('UPDATE seen SET n = n + 1 WHERE id = $1', [r]);",
        '  });',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/com/ex/listener/UserImportListener.java:18:5 userRepository.countByName [spreadsheet row listener sequential] → -',
      'query-in-loop src/sync.ts:8:5 pool.query [.forEach() sequential] → -',
    ]);
  });
});

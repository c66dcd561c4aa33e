import { strict as assert } from 'node:assert';
import { slicesBatchByStep } from '../../../src/core/code/hazards/batchedLoops';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * openfga's chunked tuple writes: `for start, total := 0, len(items); start < total; start += storage.DefaultMaxTuplesPerWrite
 * { end := start + …; batch := items[start:end]; … insertBuilder.RunWith(txn).ExecContext(ctx) }`. A counting loop that
 * steps by some size and cuts the list from its counter on is a loop over batches, whatever the size is named.
 */
describe('a counting loop stepping by a size that slices the list from its counter is a loop over batches', () => {
  it('reads the step from the header and the slice from the body, in the four languages', () => {
    assert.equal(slicesBatchByStep('for start, total := 0, len(items); start < total; start += stride ', '{ end := start + stride\n b := items[start:end] }'), true);
    assert.equal(slicesBatchByStep('for i := 0; i < len(ids); i = i + width ', '{ db.Exec(q, ids[i:i+width]) }'), true);
    assert.equal(slicesBatchByStep('for (let i = 0; i < ids.length; i += size) ', '{ await save(ids.slice(i, i + size)); }'), true);
    assert.equal(slicesBatchByStep('for (int i = 0; i < ids.size(); i += size) ', '{ mapper.deleteBatchIds(ids.subList(i, Math.min(i + size, ids.size()))); }'), true);
    assert.equal(slicesBatchByStep('for i in range(0, len(ids), size):\n        ', 'cursor.execute(q, [ids[i : i + size]])'), true);
    assert.equal(slicesBatchByStep('for i in range(0, len(ids), 50):\n        ', 'cursor.execute(q, [ids[i : i + 50]])'), true);
    // Not a batch: a step of one or a small number, a slice from another name, a slice with no end, a buffer's
    // fixed-size records, a loop counting by one.
    assert.equal(slicesBatchByStep('for i := 0; i < n; i += 1 ', '{ db.Exec(q, ids[i:i+1]) }'), false);
    assert.equal(slicesBatchByStep('for (let i = 0; i < n; i += 2) ', '{ await save(ids.slice(i, i + 2)); }'), false);
    assert.equal(slicesBatchByStep('for i := 0; i < n; i += size ', '{ db.Exec(q, ids[j:j+size]) }'), false);
    assert.equal(slicesBatchByStep('for i := 0; i < n; i += size ', '{ db.Exec(q, ids[i:]) }'), false);
    assert.equal(slicesBatchByStep('for (let i = 0; i < n; i += size) ', '{ await save(buf.subarray(i, i + size)); }'), false);
    assert.equal(slicesBatchByStep('for (let i = 0; i < n; i++) ', '{ await save(ids.slice(i, i + 1)); }'), false);
    assert.equal(slicesBatchByStep('for i in range(0, len(ids), size):\n        ', 'cursor.execute(q, [ids[ii : ii + size]])'), false);
  });

  it("openfga's write: a query per batch so cut is not reported, in Go, JavaScript, Java and Python; a step of one or another name's slice still is", async () => {
    const f = await joined({
      'go.mod': 'module example.com/store\n',
      'store.go': lines(
        'package store',
        '',
        'import (',
        '\t"context"',
        '\t"database/sql"',
        ')',
        '',
        'const DefaultMaxTuplesPerWrite = 100',
        '',
        'type Store struct{ db *sql.DB }',
        '',
        'func (s *Store) Write(ctx context.Context, items []string, stride int) {',
        '\tfor start, total := 0, len(items); start < total; start += DefaultMaxTuplesPerWrite {', // a size named for what one write takes
        '\t\tend := min(start+DefaultMaxTuplesPerWrite, total)',
        '\t\ts.db.ExecContext(ctx, "INSERT INTO tuple SELECT unnest($1)", items[start:end])',
        '\t}',
        '\tfor start, total := 0, len(items); start < total; start += stride {', // any name, sliced from the counter
        '\t\tend := min(start+stride, total)',
        '\t\tbatch := items[start:end]',
        '\t\ts.db.ExecContext(ctx, "INSERT INTO tuple SELECT unnest($1)", batch)',
        '\t}',
        '\tfor i := 0; i < len(items); i += 1 {', // 22: a step of one
        '\t\ts.db.ExecContext(ctx, "INSERT INTO tuple VALUES ($1)", items[i:i+1])',
        '\t}',
        '\tfor i, j := 0, 0; i < len(items); i += stride {', // 25: a slice not taken from the counter
        '\t\ts.db.ExecContext(ctx, "INSERT INTO tuple VALUES ($1)", items[j:j+1])',
        '\t}',
        '}',
      ),
      'jobs.js': lines(
        "const { prisma } = require('./db');",
        'async function purge(ids, size) {',
        '  for (let i = 0; i < ids.length; i += size) {',
        '    await prisma.item.deleteMany({ where: { id: { in: ids.slice(i, i + size) } } });',
        '  }',
        '  for (let i = 0; i < ids.length; i += 2) {', // 6: pairs
        '    await prisma.item.deleteMany({ where: { id: { in: ids.slice(i, i + 2) } } });',
        '  }',
        '}',
      ),
      'src/main/java/demo/GoodsMapper.java': lines('package demo;', 'import com.baomidou.mybatisplus.core.mapper.BaseMapper;', 'public interface GoodsMapper extends BaseMapper<Goods> {}'),
      'src/main/java/demo/GoodsService.java': lines(
        'package demo;',
        '',
        'import com.baomidou.mybatisplus.extension.service.impl.ServiceImpl;',
        'import java.util.List;',
        '',
        'public class GoodsService extends ServiceImpl<GoodsMapper, Goods> {',
        '    public void sync(List<Goods> goods, int size) {',
        '        for (int i = 0; i < goods.size(); i += size) {',
        '            this.saveBatch(goods.subList(i, Math.min(i + size, goods.size())));',
        '        }',
        '    }',
        '}',
      ),
      'tasks.py': lines(
        'from django.db import connection',
        '',
        'def reindex(ids, size):',
        '    for i in range(0, len(ids), size):',
        '        connection.cursor().execute("UPDATE doc SET seen = true WHERE id = ANY(%s)", [ids[i:i + size]])',
        '    for i in range(0, len(ids), size):', // 6: each turn reads one id, not a slice from i
        '        connection.cursor().execute("UPDATE doc SET x = 1 WHERE id = %s", [ids[i]])',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('query-in-loop')),
      [
        'query-in-loop jobs.js:7:11 prisma.item.deleteMany [for sequential] → -',
        'query-in-loop store.go:23:3 s.db.ExecContext [for sequential] → -',
        'query-in-loop store.go:26:3 s.db.ExecContext [for sequential] → -',
        'query-in-loop tasks.py:7:9 connection.cursor.execute [for sequential] → -',
      ],
    );
  });
});

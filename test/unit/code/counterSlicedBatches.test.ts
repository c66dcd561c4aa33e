import { strict as assert } from 'node:assert';
import { slicesBatchByCounter } from '../../../src/core/code/hazards/batchedLoops';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('a loop that counts batches and cuts each one by its counter is a loop over batches', () => {
  it('reads the cut from the body: subList, slice or a slice of the counter times a batch size', () => {
    const java = 'for (int i = 0; i < (regions.size() / 100 + (regions.size() % 100 == 0 ? 0 : 1)); i++) ';
    assert.equal(slicesBatchByCounter(java, '{ this.saveBatch(regions.subList(i * 100, end)); }'), true);
    assert.equal(slicesBatchByCounter('for (let i = 0; i < n; ++i) ', '{ await db.x.deleteMany(ids.slice(BATCH_SIZE * i, end)); }'), true);
    assert.equal(slicesBatchByCounter('for i in range(batches):\n    ', 'cursor.execute(q, [ids[i * 100:(i + 1) * 100]])'), true);
    assert.equal(slicesBatchByCounter('for i := 0; i < n; i++ ', '{ db.Exec(q, ids[i*batchSize:end]) }'), true);
    // Not a batch: an item at that place, a multiple of a size not named for a batch, a loop that steps otherwise,
    // another name's multiple.
    assert.equal(slicesBatchByCounter('for (int i = 0; i < n; i++) ', '{ repo.findById(ids[i * 100]); }'), false);
    assert.equal(slicesBatchByCounter('for (let i = 0; i < rows; i++) ', '{ await save(pixels.slice(i * width, (i + 1) * width)); }'), false);
    assert.equal(slicesBatchByCounter('for (let i = 0; i < n; i += 2) ', '{ await save(ids.slice(i * 100, end)); }'), false);
    assert.equal(slicesBatchByCounter('for (let i = 0; i < n; i++) ', '{ await save(ids.slice(j * 100, end)); }'), false);
    assert.equal(slicesBatchByCounter('for (let i = 0; i < n; i++) ', '{ await save(ids.slice(ii * 100, end)); }'), false);
  });

  it('a query per batch so cut is not reported, in Java, JavaScript, Python and Go (lilishop); a query per item of the list still is', async () => {
    const f = await joined({
      'src/main/java/demo/GoodsMapper.java': lines('package demo;', 'import com.baomidou.mybatisplus.core.mapper.BaseMapper;', 'public interface GoodsMapper extends BaseMapper<Goods> {}'),
      'src/main/java/demo/RegionService.java': lines(
        'package demo;',
        '',
        'import com.baomidou.mybatisplus.extension.service.impl.ServiceImpl;',
        'import java.util.List;',
        '',
        'public class RegionService extends ServiceImpl<GoodsMapper, Goods> {',
        '    public void sync(List<Goods> regions) {', // lilishop's RegionServiceImpl.synchronizationData
        '        for (int i = 0; i < (regions.size() / 100 + (regions.size() % 100 == 0 ? 0 : 1)); i++) {',
        '            int endPoint = Math.min((100 + (i * 100)), regions.size());',
        '            this.saveBatch(regions.subList(i * 100, endPoint));',
        '        }',
        '    }',
        '',
        '    public void each(List<Goods> regions) {', // 14: per item
        '        for (int i = 0; i < regions.size(); i++) {',
        '            this.save(regions.get(i));',
        '        }',
        '    }',
        '}',
      ),
      'jobs.js': lines(
        "const { prisma } = require('./db');",
        'async function purge(ids) {',
        '  for (let i = 0; i < Math.ceil(ids.length / 100); i++) {',
        '    await prisma.item.deleteMany({ where: { id: { in: ids.slice(i * 100, (i + 1) * 100) } } });',
        '  }',
        '}',
        'async function each(ids) {', // 7: per item
        '  for (let i = 0; i < ids.length; i++) {',
        '    await prisma.item.delete({ where: { id: ids[i] } });',
        '  }',
        '}',
      ),
      'tasks.py': lines(
        'from django.db import connection',
        '',
        'def reindex(ids):',
        '    for i in range(len(ids) // 100 + 1):',
        '        connection.cursor().execute("UPDATE doc SET seen = true WHERE id = ANY(%s)", [ids[i * 100:(i + 1) * 100]])',
        '    for i in range(len(ids)):', // 6: per item
        '        connection.cursor().execute("UPDATE doc SET x = 1 WHERE id = %s", [ids[i]])',
      ),
      'go.mod': 'module example.com/store\n',
      'store.go': lines(
        'package store',
        '',
        'import (',
        '\t"context"',
        '\t"database/sql"',
        ')',
        '',
        'type Store struct{ db *sql.DB }',
        '',
        'func (s *Store) Purge(ctx context.Context, ids []int64) {',
        '\tfor i := 0; i < (len(ids)+batchSize-1)/batchSize; i++ {',
        '\t\tend := min((i+1)*batchSize, len(ids))',
        '\t\ts.db.ExecContext(ctx, "DELETE FROM memo WHERE id = ANY($1)", ids[i*batchSize:end])',
        '\t}',
        '\tfor i := 0; i < len(ids); i++ {', // 15: per item
        '\t\ts.db.ExecContext(ctx, "DELETE FROM memo WHERE id = $1", ids[i])',
        '\t}',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('query-in-loop')),
      [
        'query-in-loop jobs.js:9:11 prisma.item.delete [for sequential] → -',
        'query-in-loop src/main/java/demo/RegionService.java:16:13 this.save [for sequential] → -',
        'query-in-loop store.go:16:3 s.db.ExecContext [for sequential] → -',
        'query-in-loop tasks.py:7:9 connection.cursor.execute [for sequential] → -',
      ],
    );
  });
});

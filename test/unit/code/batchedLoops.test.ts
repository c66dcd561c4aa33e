import { strict as assert } from 'node:assert';
import { batchesOver, callbackOverBatches } from '../../../src/core/code/hazards/batchedLoops';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('a loop over batches or pages is no query per item', () => {
  it('reads a batch from the header: a chunking helper, a batch variable, a batch-sized step; a stream buffered before its operator', () => {
    assert.equal(batchesOver('for batch in ', 'chunked(ids, 500)'), true);
    assert.equal(batchesOver('for (List<Long> part : ', 'Lists.partition(ids, 500)'), true);
    assert.equal(batchesOver('for _, b := range ', 'deleteUserBatches(frontier, size)'), true);
    assert.equal(batchesOver('for i := 0; i < len(entries); i += pgBatchSize ', undefined), true);
    assert.equal(batchesOver('for i in ', 'range(0, len(ids), 500)'), true);
    assert.equal(batchesOver('for (const chunk of ', 'groups'), true);
    // Not batches: an item of a batch, a predicate split, a walk by pairs, a plain range.
    assert.equal(batchesOver('for (const item of ', 'batch.items'), false);
    assert.equal(batchesOver('for (const group of ', '_.partition(users, isAdmin)'), false);
    assert.equal(batchesOver('for (let i = 0; i < pairs.length; i += 2) ', undefined), false);
    assert.equal(batchesOver('for i in ', 'range(0, len(ids))'), false);
    assert.equal(batchesOver('for batch_id in ', 'batch_ids'), false);
    assert.equal(batchesOver('for issue in issues_batch:\n        ', 'issues_batch'), false);
    assert.equal(batchesOver('for (List<Long> batch : parts) ', 'parts'), true);
    // What one request takes (uptime-kuma's notification providers), not a unit of time.
    assert.equal(batchesOver('for (let i = 0; i < recipients.length; i += MAX_RECIPIENTS_PER_REQUEST) ', undefined), true);
    assert.equal(batchesOver('for (let i = 0; i < sptList.length; i += WxPusher.SPT_PER_REQUEST) ', undefined), true);
    assert.equal(batchesOver('for t := from; t < to; t += SECONDS_PER_DAY ', undefined), false);
    assert.equal(callbackOverBatches('_.chunk(ids, 100).map(', 'part'), true);
    assert.equal(callbackOverBatches('batches.forEach(', 'batch'), true);
    assert.equal(callbackOverBatches('ids.map(', 'id'), false);
    // Reactor's buffer or window just before the operator (Signal-Server's BackupManager): each call takes a batch.
    assert.equal(callbackOverBatches('Flux.fromIterable(items)\n        .buffer(100)\n        .concatMap(', 'copyParameters'), true);
    assert.equal(callbackOverBatches('Flux.fromIterable(items).bufferTimeout(100, Duration.ofSeconds(1)).flatMap(', 'xs'), true);
    assert.equal(callbackOverBatches('Flux.fromIterable(items).buffer(1).concatMap(', 'xs'), false);
    assert.equal(callbackOverBatches('Flux.fromIterable(items).buffer(100).flatMapIterable(list -> list).concatMap(', 'item'), false);
  });

  it('a query per batch or per page is not reported; a query per item of the batch still is', async () => {
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
        'type Store struct{ db *sql.DB }',
        '',
        'func (s *Store) Append(ctx context.Context, entries []string) {', // woodpecker's log store
        '\tfor i := 0; i < len(entries); i += pgBatchSize {',
        '\t\ts.db.ExecContext(ctx, "INSERT INTO logs VALUES ($1)", entries[i:i+pgBatchSize])',
        '\t}',
        '}',
        '',
        'func (s *Store) Purge(ctx context.Context, ids []int) {', // memos' user_delete
        '\tfor _, batch := range deleteBatches(ids, 500) {',
        '\t\ts.db.ExecContext(ctx, "DELETE FROM memo WHERE id = ANY($1)", batch)',
        '\t\tfor _, id := range batch {',
        '\t\t\ts.db.ExecContext(ctx, "DELETE FROM tag WHERE memo_id = $1", id)', // 20: per item
        '\t\t}',
        '\t}',
        '}',
        '',
        'func (s *Store) Stats(ctx context.Context, find *Find) int {', // memos' stats: the limit set before the loop
        '\tlimit := 1000',
        '\toffset := 0',
        '\tfind.Limit = &limit',
        '\tfind.Offset = &offset',
        '\ttotal := 0',
        '\tfor {',
        '\t\tmemos, err := s.list(ctx, find)',
        '\t\tif err != nil {',
        '\t\t\treturn total',
        '\t\t}',
        '\t\tif len(memos) == 0 {',
        '\t\t\tbreak',
        '\t\t}',
        '\t\ttotal += len(memos)',
        '\t\toffset += limit',
        '\t}',
        '\treturn total',
        '}',
        '',
        'func (s *Store) list(ctx context.Context, find *Find) ([]int, error) {',
        '\trows, err := s.db.QueryContext(ctx, "SELECT id FROM memo LIMIT $1 OFFSET $2", *find.Limit, *find.Offset)',
        '\treturn scan(rows), err',
        '}',
        '',
        'func (s *Store) Each(ctx context.Context, ids []int) {', // 52: a query per id
        '\tfor _, id := range ids {',
        '\t\ts.db.ExecContext(ctx, "DELETE FROM memo WHERE id = $1", id)',
        '\t}',
        '}',
        '',
        'func (s *Store) Spin(ctx context.Context, find *Find) {', // 59: no end on an empty page: not paging
        '\toffset := 0',
        '\tfor {',
        '\t\ts.list(ctx, find)',
        '\t\toffset += 10',
        '\t}',
        '}',
      ),
      'package.json': '{"dependencies":{"pg":"8"}}',
      'jobs.js': lines(
        "const _ = require('lodash');",
        "const { pool } = require('./db');",
        'async function archive(ids) {',
        '  for (const chunk of _.chunk(ids, 100)) {',
        "    await pool.query('UPDATE items SET archived = true WHERE id = ANY($1)', [chunk]);",
        '  }',
        '  await Promise.all(_.chunk(ids, 100).map((part) => pool.query("DELETE FROM cache WHERE id = ANY($1)", [part])));',
        '  for (const id of ids) {', // 9: per item
        "    await pool.query('UPDATE items SET seen = true WHERE id = $1', [id]);",
        '  }',
        '}',
      ),
      'tasks.py': lines(
        'from more_itertools import chunked',
        'from django.db import connection',
        '',
        'def reindex(ids):',
        '    for batch in chunked(ids, 500):',
        '        connection.cursor().execute("UPDATE doc SET indexed = true WHERE id = ANY(%s)", [batch])',
        '    for i in range(0, len(ids), BATCH_SIZE):',
        '        connection.cursor().execute("UPDATE doc SET seen = true WHERE id = ANY(%s)", [ids[i:i + BATCH_SIZE]])',
        '    for doc_id in ids:', // 10: per item
        '        connection.cursor().execute("UPDATE doc SET x = 1 WHERE id = %s", [doc_id])',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('query-in-loop')),
      [
        'query-in-loop jobs.js:9:11 pool.query [for…of sequential] → -',
        'query-in-loop store.go:20:4 s.db.ExecContext [for sequential] → -',
        'query-in-loop store.go:52:3 s.db.ExecContext [for sequential] → -',
        'query-in-loop store.go:59:3 s.list → s.db.QueryContext [for sequential] → -',
        'query-in-loop tasks.py:10:9 connection.cursor.execute [for sequential] → -',
      ],
    );
  });
  it("batches kept in a variable first (PowerJob's partitions = Lists.partition(…), Go's chunks := lo.Chunk(…)) are batches; a variable given a list of items, or given batches and then items, is per item", async () => {
    const f = await joined({
      'src/main/java/job/CheckService.java': lines(
        'package job;',
        'import com.google.common.collect.Lists;',
        'public class CheckService {',
        '  private JdbcTemplate jdbcTemplate;',
        '  void redispatch(List<Long> ids) {',
        '    final List<List<Long>> partitions = Lists.partition(ids, 100);',
        '    for (List<Long> partition : partitions) {',
        '      jdbcTemplate.update("UPDATE instance SET status = 1 WHERE id IN (?)", partition);',
        '    }',
        '    List<Long> all = ids;',
        '    for (Long id : all) {',
        '      jdbcTemplate.update("UPDATE instance SET status = 1 WHERE id = ?", id);', // 12: per item
        '    }',
        '  }',
        '}',
      ),
      'go.mod': 'module example.com/store\n',
      'store.go': lines(
        'package store',
        '',
        'import "github.com/samber/lo"',
        '',
        'func (s *Store) Purge(ids []int) {',
        '\tchunks := lo.Chunk(ids, 500)',
        '\tfor _, c := range chunks {',
        '\t\ts.db.Exec("DELETE FROM memo WHERE id = ANY($1)", c)',
        '\t}',
        '\tchunks = ids',
        '\tfor _, c := range chunks {',
        '\t\ts.db.Exec("DELETE FROM tag WHERE memo_id = $1", c)', // 12: per item
        '\t}',
        '}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('query-in-loop')),
      [
        'query-in-loop src/main/java/job/CheckService.java:12:7 jdbcTemplate.update [for-each sequential] → -',
        'query-in-loop store.go:12:3 s.db.Exec [for sequential] → -',
      ],
    );
  });

  it('a loop of batched writes that stops when a batch wrote fewer rows than its size is one query per batch (polar)', async () => {
    const f = await joined({
      'server/archive.py': lines(
        'from sqlalchemy import select, update',
        '',
        'async def archive(session, older_than, batch_size: int = 5000):',
        '    while True:',
        '        batch = select(Event.id).where(Event.created_at < older_than).limit(batch_size)',
        '        result = await session.execute(update(Event).where(Event.id.in_(batch)).values(payload=None))',
        '        updated_count = result.rowcount',
        '        if updated_count < batch_size:',
        '            break',
        '',
        'async def link(session, pending, order_id):',
        '    while True:',
        '        ids = pending.order_by(Entry.id).limit(_LINK_BATCH_SIZE)',
        '        updated_count, last_id = (await session.execute(update(Entry).where(Entry.id.in_(ids)))).one()',
        '        if updated_count < _LINK_BATCH_SIZE:',
        '            break',
        '',
        'async def drain(session, pending, wanted):',
        '    while True:',
        '        ids = pending.limit(100)',
        '        updated_count = (await session.execute(update(Entry).where(Entry.id.in_(ids)))).rowcount',
        '        if updated_count < wanted:',
        '            break',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop server/archive.py:21:32 session.execute [while sequential] → -']);
  });
  it("a loop whose own condition goes on while the batch it read is not empty drains in batches (xxl-job's log cleanup); one over a list it does not read again is per item", async () => {
    const f = await joined({
      'src/main/java/job/LogCleaner.java': lines(
        'package job;',
        'public class LogCleaner {',
        '    private LogRepository logRepository;',
        '    public void clear(int jobId, List<Long> given) {',
        '        List<Long> logIds = null;',
        '        do {',
        '            logIds = logRepository.findClearLogIds(jobId, 1000);',
        '            if (logIds != null && !logIds.isEmpty()) {',
        '                logRepository.deleteAllByIdInBatch(logIds);',
        '            }',
        '        } while (logIds != null && !logIds.isEmpty());',
        '        List<Long> rows = logRepository.findClearLogIds(jobId, 1000);',
        '        while (rows.size() > 0) {',
        '            logRepository.deleteAllByIdInBatch(rows.subList(0, 1));',
        '            rows = logRepository.findClearLogIds(jobId, 1000);',
        '        }',
        '        while (!given.isEmpty()) {',
        '            logRepository.deleteById(given.remove(0));', // 18
        '        }',
        '        while (given.size() > 0) {',
        '            logRepository.deleteById(given.get(0));', // 21
        '            given = given.subList(1, given.size());',
        '        }',
        '    }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/job/LogCleaner.java:18:13 logRepository.deleteById [while sequential] → -',
      'query-in-loop src/main/java/job/LogCleaner.java:21:13 logRepository.deleteById [while sequential] → -',
    ]);
  });

  it('a loop that goes on while its call says there is more is one call per batch (hatchet\'s retention); a flag set from a cursor\'s step or a size is per item', async () => {
    const f = await joined({
      'go.mod': 'module example.com/retention\n',
      'retention/worker.go': lines(
        'package retention',
        '',
        'func (rc *Controller) cleanup(ctx context.Context, tenantID string, cutoff time.Time) error {',
        '\tshouldContinue := true',
        '\tfor shouldContinue {',
        '\t\tvar err error',
        '\t\tshouldContinue, err = rc.repo.Workers().CleanupOldWorkers(ctx, tenantID, cutoff)',
        '\t\tif err != nil {',
        '\t\t\treturn err',
        '\t\t}',
        '\t}',
        '\treturn nil',
        '}',
        '',
        'func (w *workerRepository) CleanupOldWorkers(ctx context.Context, tenantID string, cutoff time.Time) (bool, error) {',
        '\tres, err := w.pool.Exec(ctx, "DELETE FROM worker WHERE id IN (SELECT id FROM worker WHERE tenant_id = $1 AND seen < $2 LIMIT 1000)", tenantID, cutoff)',
        '\treturn res.RowsAffected() == 1000, err',
        '}',
        '',
        'func (rc *Controller) mark(ctx context.Context, rows *sql.Rows) {',
        '\tmore := rows.Next()',
        '\tfor more {',
        '\t\trc.db.ExecContext(ctx, "UPDATE worker SET seen = now() WHERE id = $1", rows.ID())',
        '\t\tmore = rows.Next()',
        '\t}',
        '}',
      ),
      'jobs/purge.py': lines(
        'def purge(session):',
        '    has_more = True',
        '    while has_more:',
        '        has_more = purge_batch(session)',
        '',
        'def purge_batch(session):',
        '    n = session.execute("DELETE FROM events WHERE id IN (SELECT id FROM events WHERE old LIMIT 500)").rowcount',
        '    return n == 500',
        '',
        'def drain(session, queue):',
        '    has_items = len(queue) > 0',
        '    while has_items:',
        '        session.execute("DELETE FROM events WHERE id = %s", (queue.pop(),))',
        '        has_items = len(queue) > 0',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop jobs/purge.py:13:9 session.execute [while sequential] → -',
      'query-in-loop retention/worker.go:23:3 rc.db.ExecContext [for sequential] → -',
    ]);
  });

  it("a loop over the parts of one upload sends the next piece of the data each turn (alist's drivers): not reported; a loop over files that uploads each, or that reads each response it gets, still is", async () => {
    const f = await joined({
      'go.mod': 'module example.com/drive\n',
      'upload.go': lines(
        'package drive',
        '',
        'import (',
        '\t"bytes"',
        '\t"io"',
        '\t"net/http"',
        ')',
        '',
        'func upload(stream io.Reader, size int64, chunk int64, url string) error {',
        '\tvar finish int64',
        '\tfor finish < size {',
        '\t\tbuf := make([]byte, min(chunk, size-finish))',
        '\t\tn, err := io.ReadFull(stream, buf)',
        '\t\tif err != nil {',
        '\t\t\treturn err',
        '\t\t}',
        '\t\thttp.Post(url, "application/octet-stream", bytes.NewReader(buf))',
        '\t\tfinish += int64(n)',
        '\t}',
        '\treturn nil',
        '}',
        '',
        'func uploadParts(file io.ReaderAt, parts []Part, url string) {',
        '\tfor _, part := range parts {',
        '\t\thttp.Post(part.URL, "application/octet-stream", io.NewSectionReader(file, part.Offset, part.Size))',
        '\t}',
        '}',
        '',
        'func uploadFiles(files []io.Reader, url string) {',
        '\tfor _, file := range files {',
        '\t\tbuf := make([]byte, 1024)',
        '\t\tio.ReadFull(file, buf)',
        '\t\thttp.Post(url, "application/octet-stream", bytes.NewReader(buf))',
        '\t}',
        '}',
        '',
        'func follow(url string) {',
        '\tfor i := 0; i < 10; i++ {',
        '\t\tresp, _ := http.Get(url)',
        '\t\tbody, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))',
        '\t\turl = string(body)',
        '\t}',
        '}',
      ),
      'src/upload.ts': lines(
        'export async function send(file: Blob, size: number) {',
        '  let offset = 0;',
        '  while (offset < file.size) {',
        '    await fetch(`/upload?offset=${offset}`, { method: "PUT", body: file.slice(offset, offset + size), signal: AbortSignal.timeout(5000) });',
        '    offset += size;',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('call-in-loop')), [
      'call-in-loop upload.go:33:3 http.Post [for sequential] → -',
      'call-in-loop upload.go:39:14 http.Get [for sequential] → -',
    ]);
  });

  it("a write that flushes what the loop gathered once a batch is full, or every so many items, is one per batch (plane's cleanup task); a write per item still is", async () => {
    const f = await joined({
      'tasks/cleanup.py': lines(
        'from shop.models import Archive, Log',
        'BATCH_SIZE = 500',
        'def archive(rows):',
        '    buffer = []',
        '    for row in rows:',
        '        buffer.append(row)',
        '        if len(buffer) >= BATCH_SIZE:',
        '            Archive.objects.create(rows=buffer)', // 8: once per batch
        '            buffer = []',
        '        Log.objects.create(row=row)', // 10: per item
        '        if row.is_special:',
        '            Log.objects.create(row=row)', // 12: per special item
      ),
      'src/import.ts': lines(
        'export async function load(rows: Row[], db: Pool) {',
        '  for (let i = 0; i < rows.length; i++) {',
        '    await stage(rows[i]);',
        "    if (i % 1000 === 0) await db.query('COMMIT');", // 4: every thousand rows
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop tasks/cleanup.py:10:9 Log.objects.create [for sequential] → -',
      'query-in-loop tasks/cleanup.py:12:13 Log.objects.create [for sequential] → -',
    ]);
  });
});

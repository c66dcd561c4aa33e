import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('a table read a page at a time in a while loop is no query per item', () => {
  it('a page per turn (LIMIT, take, a page size given, a slice) is not reported; one row per turn, or a page of 1, still is', async () => {
    const f = await joined({
      'jobs.js': lines(
        "const Access = require('./access');",
        "const { prisma } = require('./db');",
        'async function cancelAll() {', // hapi-mysql's cron jobs
        '  while (true) {',
        "    const list = await Access.find({ status: 'NEW' }, 0, 100);",
        '    if (!list.length) break;',
        '  }',
        '}',
        'async function cleanup(cutoff) {', // documenso's batched delete
        '  let deleted = 0;',
        '  do {',
        '    deleted = await prisma.$executeRaw`DELETE FROM "RateLimit" WHERE ctid IN (SELECT ctid FROM "RateLimit" WHERE "createdAt" < ${cutoff} LIMIT ${BATCH_SIZE})`;',
        '  } while (deleted >= BATCH_SIZE);',
        '}',
        'async function cursor() {',
        '  let after = 0;',
        '  while (after >= 0) {',
        '    const rows = await prisma.item.findMany({ where: { id: { gt: after } }, take: 500 });',
        '    after = rows.length ? rows[rows.length - 1].id : -1;',
        '  }',
        '}',
        'async function walk(node) {', // 22: one row per ancestor
        '  while (node) {',
        '    node = await prisma.node.findFirst({ where: { id: node.parentId } });',
        '  }',
        '}',
        'async function perItem(ids) {', // 27: a page of one per item
        '  let i = 0;',
        '  while (i < ids.length) {',
        '    await prisma.item.findMany({ where: { id: ids[i] }, take: 1 });',
        '    i++;',
        '  }',
        '}',
        'async function each(ids) {', // 34: a page per item of a list is still per item
        '  for (const id of ids) await prisma.item.findMany({ where: { ownerId: id }, take: 50 });',
        '}',
      ),
      'batches.py': lines(
        'from django.db.models import QuerySet',
        '',
        'def queryset_in_batches(queryset: QuerySet, batch_size: int):', // saleor's
        '    start_pk = 0',
        '    while True:',
        '        qs = queryset.filter(pk__gt=start_pk).order_by("pk")[:batch_size]',
        '        pks = list(qs.values_list("pk", flat=True))',
        '        if not pks:',
        '            break',
        '        start_pk = pks[-1]',
        '',
        'def ancestors(node):',
        '    while node:',
        '        node = Node.objects.filter(pk=node.parent_id).first()',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop batches.py:14:16 Node.objects.filter.first [while sequential] → -',
      'query-in-loop jobs.js:24:18 prisma.node.findFirst [while sequential] → -',
      'query-in-loop jobs.js:30:11 prisma.item.findMany [while sequential] → -',
      'query-in-loop jobs.js:35:31 prisma.item.findMany [for…of sequential] → -',
    ]);
  });
});

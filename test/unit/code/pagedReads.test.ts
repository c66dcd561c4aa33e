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

  it('a remote list read a page at a time up to the last page the other side announces (a total of pages or results, a has-more or truncated flag, no next link) is no call per item; a loop with no last page is', async () => {
    const f = await joined({
      'go.mod': 'module veans\n',
      'client.go': lines(
        'package client',
        '',
        'import "net/http"',
        '',
        'func listAll(c *http.Client, path string) ([]Item, error) {', // vikunja's veans CLI
        '\tvar all []Item',
        '\tpage := 1',
        '\tfor {',
        '\t\tbatch, totalPages, err := doList(c, path, page)',
        '\t\tif err != nil {',
        '\t\t\treturn nil, err',
        '\t\t}',
        '\t\tall = append(all, batch...)',
        '\t\tif page >= totalPages {',
        '\t\t\treturn all, nil',
        '\t\t}',
        '\t\tpage++',
        '\t}',
        '}',
        '',
        'func spin(c *http.Client, path string) {', // 21: no last page: not paging
        '\tpage := 1',
        '\tfor {',
        '\t\tdoList(c, path, page)',
        '\t\tpage++',
        '\t}',
        '}',
        '',
        'func doList(c *http.Client, path string, page int) ([]Item, int, error) {',
        '\tresp, err := http.Get(path)',
        '\treturn nil, 0, err',
        '}',
      ),
      'syncers.go': lines(
        'package object',
        '',
        'import "net/http"',
        '',
        'func iamUsers(p *Provider) {', // casdoor's syncers: AWS' marker
        '\tvar marker *string',
        '\tfor {',
        '\t\tresult, _ := p.iamClient.ListUsersWithContext(ctx, &iam.ListUsersInput{Marker: marker})',
        '\t\tif result.IsTruncated == nil || !*result.IsTruncated {',
        '\t\t\tbreak',
        '\t\t}',
        '\t\tmarker = result.Marker',
        '\t}',
        '}',
        'func oktaUsers(p *Provider) {', // a next link
        '\tnextLink := ""',
        '\tfor {',
        '\t\t_, next, _ := p.getOktaUsers(nextLink)',
        '\t\tif next == "" {',
        '\t\t\tbreak',
        '\t\t}',
        '\t\tnextLink = next',
        '\t}',
        '}',
        'func scimUsers(p *Provider) {', // a start index up to the total
        '\tstartIndex := 1',
        '\tfor {',
        '\t\tresp, _ := http.Get(fmt.Sprintf("%s?startIndex=%d&count=100", p.url, startIndex))',
        '\t\tall = append(all, resp.Resources...)',
        '\t\tif len(all) >= resp.TotalResults {',
        '\t\t\tbreak',
        '\t\t}',
        '\t\tstartIndex += 100',
        '\t}',
        '}',
        'func (p *Provider) getOktaUsers(link string) ([]User, string, error) {',
        '\tresp, err := http.Get(link)',
        '\treturn nil, "", err',
        '}',
      ),
      'sync.js': lines(
        'async function syncAll() {',
        '  let cursor;',
        '  let hasMore = true;',
        '  while (hasMore) {',
        '    const res = await fetch(`https://api.example.com/items?cursor=${cursor}`, { signal: AbortSignal.timeout(5000) });',
        '    const body = await res.json();',
        '    cursor = body.next_cursor;',
        '    hasMore = body.has_more;',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop client.go:24:3 doList → http.Get [for sequential] → -',
      'missing-timeout client.go:30:15 http.Get → -',
      'missing-timeout syncers.go:28:14 http.Get → -',
      'missing-timeout syncers.go:37:15 http.Get → -',
    ]);
  });
});

import type { FileStructure, LoopContext } from '../fileStructure';
import { wholeNameOffsets } from '../wordSearch';
import { outermostCall } from './djangoQuerysets';

/** Loops that run while a condition holds, not once per item of a collection. */
const CONDITIONAL_LOOPS = new Set(['while', 'do…while']);

/**
 * What says a query reads one page of many rows, in the text of its expression (the chain the tree delimits, and a
 * slice after it): a LIMIT or TOP other than 1 in its SQL, `.limit(n)`/`.take(n)`/`.paginate(`, a page's size among
 * its arguments (`find(filter, 0, 100)`, `{ take: 100 }`, `page_size=`), a Python slice, Spring Data's
 * `findFirst500By…`. One row (`LIMIT 1`, `.first()`, `[0]`) is not a page.
 */
const PAGE =
  /\bLIMIT\s+(?!1\b)[\w$:{?]|\bTOP\s*\(?\s*(?!1\b)\d|\bFETCH\s+(?:FIRST|NEXT)\s+(?!1\b)\d|\.(?:limit|Limit|take|Take|setMaxResults)\s*\(\s*(?!1\s*\))[^)\s]|\.paginate\s*\(|\b(?:take|limit|pageSize|page_size|perPage|per_page|batchSize|batch_size)\s*[:=]\s*(?!1\b)[\w$]|,\s*\d{2,}\s*(?=[,)])|\b(?:find|get|read|query|stream)(?:First|Top)\d{2,}/;

/** A page's size in a constant named for one: jeepay's `new Page(currentPageIndex, QUERY_PAGE_SIZE)`, `BATCH_SIZE`. */
const PAGE_SIZE_CONSTANT = /,\s*(?:[\w$]+\.)?[A-Z0-9_]*(?:PAGE_?SIZE|BATCH_?SIZE|CHUNK_?SIZE|FETCH_?SIZE|PER_PAGE|LIMIT)[A-Z0-9_]*\s*(?=[,)])/;
/** A page object made by its type's constructor or factory: MyBatis-Plus' `new Page<>(i, 2000)`, Spring Data's `PageRequest.of(p, 500)`. */
const PAGE_OBJECT = /^(?:new\s+[\w.]*Page\w*\s*(?:<[^>()]*>)?\s*\(|[\w.]*Page\w*\.of\s*\()/;
/**
 * A page's size set on what a page is made from: lilishop's `searchParams.setPageSize(1000)` (not a size of 1). Not
 * `setSize`/`setLimit`/`setRows`: an entity's own fields as often (`item.setSize(size)` before `save(item)`).
 */
const SIZE_SET = /^\s*\.\s*set(?:PageSize|PerPage|MaxResults)\s*\(\s*(?!1\s*\))[\w$.]+\s*\)/;

/**
 * A query read a page at a time in a `while` loop: how a table is worked through in batches (hapi-mysql's `while
 * (true) { find(filter, 0, 100) … }`, documenso's batched `DELETE … LIMIT`, saleor's `queryset_in_batches`, apollo's
 * `findFirst500ByIdGreaterThan…`), each turn bounded, not a query per item of something the request holds. Also in
 * a counting `for` with no condition (`for (int i = 1; ; i++)`), and with the page given by name: a page object the
 * function made before the call (`Page<X> p = new Page<>(i, 2000)`), or parameters it set a page's size on
 * (`searchParams.setPageSize(1000)` then `page(PageUtil.initPage(searchParams), …)`).
 */
export function readsPagesInLoop(s: FileStructure, i: number, loop: LoopContext): boolean {
  if (!CONDITIONAL_LOOPS.has(loop.kind) && !goConditionalFor(s, loop) && !forWithoutCondition(s, loop)) return false;
  const outer = s.nodes[outermostCall(s, i)];
  const after = s.text.slice(outer.end, outer.end + 80);
  const slice = /^\s*\[([^\]\n]*)\]/.exec(after)?.[1];
  if (slice !== undefined && slice.includes(':') && !/^\s*:?\s*1\s*$/.test(slice)) return true;
  const call = s.text.slice(s.nodes[i].start, outer.end);
  if (PAGE.test(call) || PAGE_SIZE_CONSTANT.test(call)) return true;
  const f = s.functionOf[i];
  const from = f >= 0 ? s.spanOfFunction(f).start : s.nodes[loop.index].start;
  const to = s.nodes[i].start;
  for (const m of call.matchAll(NAME_ARGUMENT)) {
    const name = m[1];
    const value = s.lastValueOf(i, name)?.trim();
    if (value !== undefined && PAGE_OBJECT.test(value) && (PAGE.test(value) || PAGE_SIZE_CONSTANT.test(value))) return true;
    // (Where the function before the call writes the name: a few places at most, each followed by its own short line.)
    const offsets = wholeNameOffsets(s.words, name, from, to, 12) ?? [];
    if (offsets.some((at) => SIZE_SET.test(s.text.slice(from + at + name.length, from + at + name.length + 80)))) return true;
  }
  return false;
}

/** Java's and JavaScript's counting `for` with no condition (`for (int i = 1; ; i++)`): only a `break` ends it. */
function forWithoutCondition(s: FileStructure, loop: LoopContext): boolean {
  const node = s.nodes[loop.index].node;
  if (loop.kind !== 'for' || node.type !== 'for_statement' || s.spec.family === 'go' || s.spec.family === 'python') return false;
  // (JavaScript's grammar gives the missing condition as an empty statement, `;`.)
  const condition = node.childForFieldName('condition');
  return !condition || condition.type === 'empty_statement' || condition.text.trim() === ';';
}

/** An argument that is a name whole, spread or not: go-redis' `keys...`, JavaScript's `...keys`, Python's `*keys`. */
const NAME_ARGUMENT = /[(,]\s*(?:\.\.\.|\*)?([A-Za-z_$][\w$]*)(?:\.\.\.)?\s*(?=[,)])/g;
/** What follows a name a SCAN's page is assigned to: `keys, cursor, err := rdb.Scan(`, `[next, keys] = await redis.scan(`. */
const SCAN_ASSIGNED = /^\s*(?:[,\])}][^=\n;]*?)?:?=\s*(?:await\s+)?[\w$.]+\.[SHZshz]?[sS]can\s*\(/;

/**
 * A Redis command given the keys a SCAN of the same `while` loop read (dtm's `keys, cursor, err := rdb.Scan(ctx,
 * cursor, match, 100).Result()` then `rdb.MGet(ctx, keys...)`, redis-py's `cursor, keys = r.scan(cursor, count=500)`
 * then `r.delete(*keys)`): one command per page of at most COUNT keys, already the batch its advice asks for.
 */
export function batchesScanPage(s: FileStructure, i: number, loop: LoopContext): boolean {
  if (!CONDITIONAL_LOOPS.has(loop.kind) && !goConditionalFor(s, loop)) return false;
  const from = s.nodes[loop.index].start;
  const to = s.nodes[i].start;
  for (const m of s.text.slice(to, s.nodes[i].end).matchAll(NAME_ARGUMENT)) {
    const name = m[1];
    // (Where the loop before the call writes the name: a few places at most, each followed by its own short line.)
    const offsets = wholeNameOffsets(s.words, name, from, to, 8) ?? [];
    if (offsets.some((at) => SCAN_ASSIGNED.test(s.text.slice(from + at + name.length, from + at + name.length + 160)))) return true;
  }
  return false;
}

/**
 * Go's `while`: `for {` (miniflux's exports) and `for more {`, a `for` whose condition calls nothing. Not
 * `for rows.Next() {` (nor `scanner.Scan()`), a cursor's step over rows, whose query per row is a query per item.
 */
function goConditionalFor(s: FileStructure, loop: LoopContext): boolean {
  const node = s.nodes[loop.index].node;
  if (node.type !== 'for_statement' || s.spec.family !== 'go') return false;
  const head = node.namedChild(0);
  // (A condition that calls nothing, `more`, `lastID >= 0`: a call steps through items, `dec.More()`, `it.HasNext()`,
  // and so does an index against a length, `i < len(ids)`.)
  return !head || head.type === 'block' || (head.type !== 'for_clause' && head.type !== 'range_clause' && !head.text.includes('('));
}

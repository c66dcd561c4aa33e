import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import type { Range } from '../model/location';
import type { LoopMode, Span } from './codeModel';
import { JS_GLOBAL_CLASS, JS_OWN_CLASS_STAND_IN, LOOKUP_TABLES, type LookupTable, type CallCatalogue, type CatalogueLookup, type LanguageFamily } from './hazards/callCatalogue';
import type { LanguageSpec } from './languages/languageSpec';
import { declaredTypes, isClientType } from './declaredTypes';
import { moduleFacts } from './moduleFacts';
import { batchesOver, callbackOverBatches, itemTypeName, slicesBatchByCounter, slicesBatchByStep } from './hazards/batchedLoops';
import { FIELD_RESOLVER, fieldResolverOf, mayHaveFieldResolvers } from './hazards/fieldResolvers';
import { isRowListenerInvoke, mayListenToRows, ROW_LISTENER } from './hazards/rowListeners';
import { FIELD_ITERABLE, injectedBeanLists } from './hazards/injectedBeans';
import { CACHE_LOADER, cacheHitEnd, mayReadCacheFirst } from './hazards/memoized';

/** A file that may give a cache a loader at all. */
const JS_CACHE_GET = /[cC]ache[\w$]*(?:\(\))?\s*\.\s*(?:get|getOrSet|getOrLoad)\s*\(/;

/**
 * Go: the text before a function literal given to a cache's loading method, on a holder named as a cache anywhere in its
 * chain (`Caches.DB.Account.LoadOne(key, `, `cache.GetOrLoad(`, `memo.Cache.Matches(domain, `).
 */
const GO_CACHE_LOADER = /\b\w*[cC]ache[\w.]*\.\s*(?:Load\w*|Matches|GetOrLoad|Get\w*|Memo\w*)\s*\((?:[^;{}]*,)?\s*$/;

/** CACHE_LOADER for JavaScript, asked of functions that take nothing only (its answers are kept apart). */
const JS_CACHE_LOADER = new RegExp(CACHE_LOADER.source);

/** `() => …`, `function () {…}`: a thunk. */
function takesNoParameters(fn: Node): boolean {
  if (fn.childForFieldName('parameter')) return false;
  return (fn.childForFieldName('parameters')?.namedChildCount ?? 0) === 0;
}
import { directScan, endAt, namedDescendantsOfType, nodeAt, startAt, typeIdAt, type RawScan } from './nodeScan';
import { awaitedGroup, calleeChain, lastNonSpaceBefore, lineStartsOf, positionAt } from './syntax';
import { GoLocalTypes, PyLocalTypes, TsLocalTypes } from './localTypes';
import { wholeNameOffsets, WordSearch } from './wordSearch';
import { firstAtOrAbove } from './sortedOffsets';
import { ASCII_NAME, Assignments, assignedValues } from './assignments';

/** go-zero's core/mr fan-outs whose second argument maps each item (`mr.MapReduceVoid(generate, mapper, reducer)`). */
const GO_ZERO_MAPPERS = /^mr\.(?:MapReduce|MapReduceVoid|MapReduceChan|MapReduceChanVoid|ForEach)$/;

const NO_RULES: CatalogueLookup = {};
/** What the catalogue calls a Prisma client's call (its rule's label). */
const PRISMA_QUERY = 'Prisma query';
/** A JavaScript function's first parameter, read from its head: `async (tx) =>`, `async tx =>`, `function (client: T)`. */
const FIRST_PARAMETER = /^\s*(?:async\b\s*)?(?:function\b\s*[\w$]*\s*)?\(?\s*([A-Za-z_$][\w$]*)/;
/** A query sent to Salesforce's REST API by jsforce (SOQL): a request to another service, not a database's SQL. */
const JSFORCE_REQUEST: CatalogueLookup = { match: { kind: 'call', label: 'Salesforce API request (jsforce)' } };

/** Go types of database handles: GORM's, database/sql's, sqlx's, pgx's, xorm's. */
const GO_HANDLE_TYPE = /^(?:gorm\.DB|sql\.(?:DB|Tx|Conn)|sqlx\.(?:DB|Tx)|pgxpool\.Pool|pgx\.(?:Conn|Tx)|xorm\.(?:Engine|Session))$/;
/** database/sql's and sqlx's methods a project's interface for its handles declares (drone's `Queryer`, `Execer`). */
const GO_HANDLE_INTERFACE_METHOD = /^(?:Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext|Select|SelectContext|GetContext)$/;
/** A named type, of the package or another (`Queryer`, `db.Queryer`): not a map, a slice or a function. */
const GO_PROJECT_TYPE = /^(?:[A-Za-z_]\w*\.)?[A-Za-z_]\w*$/;
/** Names the query rules already read as handles (`db`, `tx`, `d.DB`): nothing to resolve. */
const GO_HANDLE_NAME = /^(?:db|tx|\w*DB|\w*Db)$/;
/** A field named for an ORM handle: go-admin's `service.Service.Orm *gorm.DB`. */
const GO_HANDLE_FIELD = /^(?:Orm|ORM)$/;
/** GORM's methods that return the handle, narrowed, to query later. */
const GO_HANDLE_BUILDERS = 'Table|Model|Where|Not|Or|Select|Omit|Joins|Preload|Order|Group|Having|Scopes|Session|WithContext|Debug|Unscoped|Distinct|Clauses';

/** The catalogue has nothing to say about a call. */
function isSilent(r: CatalogueLookup): boolean {
  return !r.match && !r.list && !r.blocking && !r.timeout && !r.retry;
}

/** The same rules' answers (by their labels): what one chain is told is what the other is. */
function sameRules(a: CatalogueLookup, b: CatalogueLookup): boolean {
  const same = <T extends { label?: string }>(x: T | undefined, y: T | undefined) => x === y || (!!x && !!y && x.label === y.label);
  return same(a.match, b.match) && same(a.list, b.list) && same(a.blocking, b.blocking) && same(a.timeout, b.timeout) && same(a.retry, b.retry);
}

/**
 * A read of one page of more than one row: Spring Data's `findFirst500By…`/`findTop100By…`, SQL's `LIMIT 500`, `.limit(n)`,
 * GORM's `Limit(n)`, Prisma's `take: n` (one row at a time, `LIMIT 1`, is a query per item: a queue drained row by row).
 */
const PAGE_READ =
  /\b(?:find|query|read|get|stream)(?:First|Top)(?:[2-9]|\d{2,})\w*\s*\(|\b[Ll][Ii][Mm][Ii][Tt]\s+(?:[2-9]|\d{2,}|\?|:\w+|\$\d+|%s)|\.(?:limit|Limit|take|setMaxResults)\s*\((?!\s*1\s*\))|\b(?:take|limit)['"]?\s*:(?!\s*1\b)|\bPageRequest\.of\s*\(/;

/**
 * The loop moves on to the next page itself, the page's size set before it: `offset += limit` (memos' stats, whose
 * `memoFind.Limit = &limit` is outside the loop), `page += 1`, `chunkNumber++`, `cursor = resp.next_cursor`,
 * `pageToken = res.NextPageToken`, `cursor = (result.get("response_metadata") or {}).get("next_cursor")`, the page
 * number the response gives (go-github's and go-gitlab's `opts.Page = resp.NextPage`), a GraphQL connection's end
 * cursor (onyx's Linear connector: `endCursor = data["data"]["issues"]["pageInfo"]["endCursor"]`).
 */
const PAGE_ADVANCE =
  /\b\w*[cC]ursor\w*\s*=\s*[^\n;]*(?:\[['"]end_?[cC]ursor['"]\]|\.end_?[cC]ursor\b)|\b\w*(?:[oO]ffset|[pP]age|[cC]ursor|[sS]kip|[sS]tart[iI]ndex|[cC]hunk)\w*\s*(?:\+=|\+\+)|\b\w*(?:[cC]ursor|[pP]age_?[tT]oken)\w*\s*=\s*[^\n;]*\b[nN]ext_?(?:[cC]ursor|[pP]age_?[tT]oken|[tT]oken)\b|\b\w*(?:[cC]ursor|[pP]age[tT]oken|[mM]arker)\w*\s*=\s*\*?[\w.]*\.(?:next|Next)\w*|\b\w*[cC]ursor\s*=\s*\*?[\w.]*\.[cC]ursor\b(?!\s*\()|\b\w*[pP]age\s*=\s*[\w.]*\.(?:NextPage|nextPage|next_page)\b|\b\w*(?:[mM]arker|[nN]ext[tT]oken|[nN]ext[lL]ink|[nN]ext_?[uU]rl|[cC]ontinuation[tT]oken)\w*\s*=\s*\*?[\w.]*(?:[mM]arker|[nN]ext\w*|[tT]oken)\b/;

/**
 * The loop stops at the last page the other side announces: the page counter reaching the total it gave (vikunja's
 * CLI: `if page >= totalPages { return all, nil }`, casdoor's SCIM sync: `if len(all) >= resp.TotalResults`), its
 * has-more flag (`while (hasMore)`, `if not data["has_more"]: break`, `if !resp.HasNextPage`, AWS' `IsTruncated`), or
 * no next link, cursor or page (`if next == "" { break }`, `if not cursor: break`, `if resp.NextPage == 0 { return }`).
 * Also the count of pages a page object gives (jeepay's `if (payOrderIPage.getPages() <= currentPageIndex) break;`).
 */
const LAST_PAGE =
  /\b\w*[pP]age\w*\s*(?:>=?|==)\s*[\w.]*(?:[tT]otal|[lL]ast|[cC]ount|[mM]ax)\w*|>=?\s*[\w.]*\.[tT]otal\w*|\.get(?:Total)?Pages\(\)\s*(?:<=?|==)\s*\w*[pP]age|\b\w*[pP]age\w*\s*(?:>=?|==)\s*[\w.]*\.get(?:Total)?Pages\(\)|\b[hH]as_?[mM]ore\b|\b[hH]as_?[nN]ext(?:_?[pP]age)?\b|\b[iI]s_?[lL]ast(?:_?[pP]age)?\b|\b[iI]s_?[tT]runcated\b|\b\w*(?:[nN]ext|[cC]ursor|[pP]age_?[tT]oken)\w*\s*==\s*(?:""|nil|null|None|undefined|0\b)|(?:!\s*|\bnot\s+)\w*(?:[nN]ext(?:_?[uU]rl|[lL]ink|_?[cC]ursor|[tT]oken)?|[cC]ursor|[pP]age_?[tT]oken)\b/;

/** A read of one row: `findFirstBy…`, `findTopBy…` (no count), `take: 1`, `.limit(1)`, `LIMIT 1`. */
const ONE_ROW_READ = /\b(?:find|query|get)(?:First|Top)(?!\d)|\btake\s*:\s*1\b|\.(?:limit|Limit|take)\s*\(\s*1\s*\)|\bLIMIT\s+1\b/i;
/** A page's member that says where the next page starts: a cursor, an offset or token, a next link, a has-more flag. */
const NEXT_MEMBER = /^(?:offset|next\w*|\w*[cC]ursor|\w*[tT]oken|has_?[mM]ore|hasNext\w*|more|next_?[pP]age\w*)$/;
/** A condition that goes on while a list is not empty: `!ids.isEmpty()`, `rows.size() > 0`, `CollectionUtils.isNotEmpty(ids)`, `len(ids) > 0`. */
const NOT_EMPTY = /!\s*([A-Za-z_$][\w$]*)\.isEmpty\(\)|\b([A-Za-z_$][\w$]*)\.(?:size\(\)|length)\s*(?:>\s*0|!==?\s*0)|\bisNotEmpty\(\s*([A-Za-z_$][\w$]*)\s*\)|\blen\(\s*([A-Za-z_]\w*)\s*\)\s*>\s*0/;
/**
 * `const h = require('node:http')`, `const { request: r } = require('https')`, `import * as h from 'node:https'`,
 * `import h from 'http'`, `import { get as g } from 'https'`: groups 1/3 a whole module's name, 2/4 a destructured list,
 * 5 the module.
 */
const NODE_HTTP_BINDING = /\b(?:(?:const|let|var)\s+(?:([A-Za-z_$][\w$]*)|\{([^{}]*)\})\s*=\s*require\s*\(\s*|import\s+(?:\*\s*as\s+)?(?:([A-Za-z_$][\w$]*)|\{([^{}]*)\})\s*from\s*)['"](?:node:)?(https?)['"]/g;
/** `from flask import Flask, request, session` (also in parentheses over lines; not `session as user_session`). */
const FLASK_SESSION = /^from\s+flask\s+import\s+(?:\([^)]*\bsession\b(?!\s+as\b)[^)]*\)|[^\n(]*\bsession\b(?!\s+as\b))/m;
/** Python: a test that a name is empty (`if not _pg_types:`, `if _client is None:`, `if len(_cache) == 0:`). */
const PY_EMPTY_TEST = /^not\s+([A-Za-z_]\w*)$|^([A-Za-z_]\w*)\s+is\s+None$|^len\(\s*([A-Za-z_]\w*)\s*\)\s*==\s*0$/;
/** The same test opening a line of a file: one that has none fills no module value so. */
const PY_EMPTY_TEST_LINE = /^[ \t]*if[ \t]+(?:not[ \t]+[A-Za-z_]\w*|[A-Za-z_]\w*[ \t]+is[ \t]+None|len\([ \t]*[A-Za-z_]\w*[ \t]*\)[ \t]*==[ \t]*0)[ \t]*:/m;
/**
 * A loop with no condition of its own: `while (true)`, `while True:`, `for (;;)`, Go's `for {`, and a counting `for`
 * with none (lilishop's page loops: `for (int i = 1; ; i++)`), which only a `break` or a `return` ends.
 */
const UNCONDITIONED = /^(?:while\s*\(?\s*(?:true|True|1)\s*\)?\s*[:{]|for\s*\([^;(){}]*;\s*;[^;(){}]*\)|for\s*\{)/;

/** What keeps a value in a variable, in the four grammars. */
const ASSIGNED = new Set(['variable_declarator', 'assignment_expression', 'assignment', 'short_var_declaration', 'assignment_statement', 'var_spec']);

/**
 * A JavaScript function that is a property of an object literal (`{ onSelect: () => … }`, `{ run() { … } }`), where
 * the object is kept (returned, assigned, rendered) rather than given to a call, which may call the function then
 * (`withRetry({ run: () => … })`), or keep it to call with the others (`tasks.push({ run: () => db.find(id) })`, then
 * `Promise.all(tasks.map((t) => t.run()))`). Not a query function of TanStack Query.
 */
function keptInObject(fn: Node): boolean {
  const parent = fn.parent;
  let object: Node | null | undefined;
  // (TanStack Query runs each `queryFn` of the list given to `useQueries`, skyvern's artifacts: not one kept.)
  if (parent?.type === 'pair') object = parent.childForFieldName('value')?.id === fn.id && parent.childForFieldName('key')?.text !== 'queryFn' ? parent.parent : undefined;
  else if (fn.type === 'method_definition') object = parent;
  if (object?.type !== 'object') return false;
  let up = object.parent;
  while (up?.type === 'parenthesized_expression') up = up.parent;
  return up?.type !== 'arguments';
}

/**
 * A function a JSX attribute's value is or yields (`onClick={() => …}`, `onClick={id ? () => … : undefined}`,
 * `onClick={can && (() => …)}`): handed to the element, not called where it is written. A condition or a logical
 * operator passes it on; anything else (a call, `onClick={wrap(() => …)}`) may call it.
 */
function jsxAttributeValue(fn: Node): boolean {
  let child = fn;
  for (let up = fn.parent; up; child = up, up = up.parent) {
    if (up.type === 'jsx_expression') return up.parent?.type === 'jsx_attribute';
    if (up.type === 'parenthesized_expression') continue;
    if (up.type === 'ternary_expression' && up.childForFieldName('condition')?.id !== child.id) continue;
    if (up.type === 'binary_expression' && /^(?:&&|\|\||\?\?)$/.test(up.childForFieldName('operator')?.type ?? '') && up.childForFieldName('right')?.id === child.id) continue;
    return false;
  }
  return false;
}

/** The node the value `node` is written in, past Go's expression lists (`a, b := …`). */
function assignmentAround(node: Node): Node | null {
  let parent = node.parent;
  if (parent?.type === 'expression_list') parent = parent.parent;
  if (!parent) return null;
  // The value's side only: `handlers[i] = func() {…}` keeps the function; `x = run(func() {…})` runs it.
  const value = parent.childForFieldName('value') ?? parent.childForFieldName('right');
  return value && value.startIndex <= node.startIndex && node.endIndex <= value.endIndex ? parent : null;
}

/**
 * A collection's type, in any package (`ConcurrentMap<String, ExecutorBiz>`, `java.util.HashMap`, Guava's
 * `LoadingCache`, and its or Caffeine's `Cache` where the file imports them: not Spring's, often Redis),
 * TypeScript's `Map<string, T>`): its `get(k)` reads memory, whatever the holder is named (xxl-job's
 * `executorBizRepository`).
 */
const COLLECTION_TYPE = /^(?:[\w.]*\.)?(?:(?:Concurrent|Hash|Linked|LinkedHash|Tree|WeakHash|Identity|Enum|Sorted|Navigable|CopyOnWriteArray|Array|ConcurrentSkipList|ConcurrentLinked|Weak)?(?:Map|Set|List|Deque|Queue)|LoadingCache|Multimap|ListMultimap|SetMultimap)\s*(?:<|$)/;
/** A `Cache` that is Guava's or Caffeine's, in process: where the file imports one of them. */
const IN_PROCESS_CACHE = ['com.google.common.cache', 'com.github.benmanes.caffeine'];
/**
 * Java: a type named for Redis, a library's wrapper or the project's own (SpringBlade's `BladeRedis`, a `RedisService`,
 * `RedisCache`): a holder of it is read as the type, whatever it is named (`cache.del(k)`), for the Redis rules.
 */
const JAVA_REDIS_TYPE = /\wRedis$|^Redis$|Redis(?:Util|Utils|Service|Cache|Client|Helper|Operator)$/;
/** Words one of which a file declaring such a holder has (COLLECTION_TYPE, or a type named for memory). */
const COLLECTION_WORDS = ['Memory', 'Map', 'Set', 'List', 'Deque', 'Queue', 'Cache'];

/** The words of a statement that leaves a loop (as substrings: the tree says which are statements). */
const EXIT_WORDS = ['break', 'return', 'throw', 'raise'];

/** Words of a test that a key is not in a cache yet (see FileStructure.fillsCache). */
const CACHE_TESTS = [' not in ', '.has(', 'ok :='];

/** Words of STREAM_PART, to look for it only in loops that have one. */
const STREAM_PART_WORDS = ['ReadFull', 'LimitReader', 'NewSectionReader', 'CopyN', 'ReadAt', 'RangeRead', '.read(', '.slice(', '.subarray('];
/** A read of the next piece of the data to send (see FileStructure.sendsStreamParts). */
const STREAM_PART =
  /\bio\.(?:ReadFull|LimitReader|NewSectionReader|CopyN)\s*\(\s*(?![\w.]*(?:Body|[rR]esp\w*|[rR]esponse)\b)|\.(?:ReadAt|RangeRead)\s*\(|\.read\(\s*[\w.]*(?:chunk|CHUNK|block|BLOCK|part|PART|size|SIZE)\w*\s*\)|\b\w*(?:[fF]ile|[bB]lob|[bB]uf(?:fer)?|[sS]tream|[bB]ytes)\.(?:slice|subarray)\(\s*[\w.]+\s*,/;

/** The statement blocks of the four grammars: what an `if`, a `case` or a loop runs (Go's in a `statement_list`). */
const BLOCK_TYPES = new Set(['statement_block', 'block', 'compound_statement', 'statement_list']);

/** A SQL script split into its statements at the semicolons: `strings.Split(schema, ";")`, `sql.split(';')`, `sqlparse.split(sql)`. */
const SCRIPT_SPLIT = /\bstrings\.SplitN?\(\s*[^;\n]*,\s*";|\.split\(\s*(['"]);|\bsqlparse\.split\(/;
/**
 * A call that runs a statement's text: a client's own method given it first (`db.Exec(s)`, `cursor.execute(stmt)`,
 * `knex.raw(s)`, Go's `ExecContext(ctx, s)`), or a project's wrapper given it before any string (dtm's
 * `dtmimp.DBExec(conf.Driver, con, s)`). Not a query kept in a constant and given the item as a parameter,
 * `cur.execute(INSERT_RECIPIENT, (cid, email))`, `db.Exec(deleteTag, postID, t)`.
 */
const RUNS_TEXT = String.raw`(?:\.(?:run|exec|Exec|execute|executescript|query|Query|raw|ExecContext|QueryContext)\s*\(\s*(?:(?:ctx|context\.\w+\(\s*\))\s*,\s*)?(?:[\w$.]+\s*\(\s*)*|(?:\.|(?<![\w$.]))\$?\w*(?:[eE]xec|[qQ]uery|[rR]aw)\w*(?<!\.(?:run|exec|Exec|execute|executescript|query|Query|raw|ExecContext|QueryContext))\s*\([^'"\x60\n)]*?(?<![\w$.]))`;

/** A call that draws a random value: `getRandomNum(6)`, `CharUtil.getRandomString(20)`, `random.choices(…)`, `uuid4()`, `nanoid()`. */
const RANDOM_DRAW = /\b\w*(?:[rR]andom|[rR]and[A-Z]\w*|randint|randbytes|token_(?:hex|urlsafe)|uuid4|UUID\.randomUUID|nanoid|shortid)\w*\s*\(|\b[gG]en(?:erate)?\w*(?:Id|ID|Key|Code|Token|Slug)\s*\(/;

/**
 * The last name of a call that looks a key up: one named for the key's availability or existence (plunk's
 * `secretIsAvailable`, `slugAvailable`, `exists`, `codeExists`, `isTaken`, `isUnique`, `isFree`), or a count or a find
 * of one row by it (`prisma.invite.count(…)`, `findFirst`, `findUnique`, `findOne`, `find_one`, `findBySlug`,
 * `getUserByCode`). Not any call that starts so, `findAndClaimNext`, nor a flag named so, `jobsAvailable`.
 */
const KEY_LOOKUP = /(?:^|\.)(?:(?:\w*[a-z0-9_])?(?:[aA]vailable|[eE]xists?|[iI]s_?(?:[tT]aken|[uU]nique|[fF]ree))|count(?:Documents)?|count(?:By|_by_)\w+|find_?(?:[fF]irst|[uU]nique|[oO]ne)|find(?:By|_by_)\w+|get\w*(?:By[A-Z]|_by_)\w*)$/;

// Also the end of a constant's name: Flagsmith's `range(SYSTEM_TRAIT_WRITE_MAX_ATTEMPTS)`.
// (Also a count named for them inside a longer name, litellm's `range(n_retry_times)`.)
const RETRY_HEADER = /\b(retr(y|ies|ied)\w*|attempts?\w*|tries|tried|try_?(count|num|number|no)|max_?[rR]etries|maxAttempts)\b|[a-z](Retr(y|ies)|Attempts?)\b|_(attempts?|retr(y|ies)|tries)(_(times|count|num|number|limit|max|total))?\b/i;
/**
 * A bound named for a pool's size: `config.Concurrency`, `numWorkers`, `num_workers`, `poolSize`, `threads`, Nacos'
 * `maxThread` (or a maximum that is the loop's count, MAX_COUNT): with a worker started each turn.
 */
const WORKER_COUNT = /(?:[cC]oncurrency|[wW]orkers|[wW]orker_?[cC]ount|[pP]arallelism|[pP]ool_?[sS]ize|[tT]hreads|[tT]hread_?[cC]ount|(?:max|num|n)_?[tT]hread)\b/;
/** A loop counted to a maximum, that being its count (`for i := range maxWorkflows`, `i < maxX`, `range(MAX_X)`), not a list capped by one. */
const MAX_COUNT = /^for\s+(?:\w+\s*:=\s*)?range\s+(?:[\w.]+\.)?(?:max[A-Z]\w*|MAX_\w+)\s*$|^for\s*\(?[^;]*;\s*\w+\s*<=?\s*(?:[\w.]+\.)?(?:max[A-Z]\w*|MAX_\w+)\s*;|^for\s+\w+\s+in\s+range\(\s*(?:[\w.]+\.)?(?:max[A-Z]\w*|max_\w+|MAX_\w+)\s*\)/;
/** A loop counted to a number written in place (`for range 4`, `for i := 0; i < 4; i++`, `for _ in range(4)`). */
const FIXED_COUNT = /^for\s+range\s+\d+\s*$|^for\s*\(?\s*(?:\w+\s+)?(\w+)\s*:?=\s*0\s*;\s*\1\s*<=?\s*\d+\s*;|^for\s+\w+\s+in\s+range\(\s*\d+\s*\)/;
/** Starting a worker: a goroutine (`go f()`, `wg.Go(…)`), a thread, a task given to an executor or an event loop. */
const WORKER_START = /\bgo\s+(?:func\b|[\w.]+\()|\.Go\(|\bThread\s*\(|\bnew\s+Thread\b|\b\w*(?:[eE]xecutor|[pP]ool)\w*\.(?:submit|execute)\(|\bcreate_task\(|\bensure_future\(|\bProcess\s*\(/;
/** Reading a clock: a loop whose condition does runs until a time, not over items. */
const CLOCK = /\b(?:System\.(?:currentTimeMillis|nanoTime)|Date\.now|performance\.now|time\.(?:time|time_ns|monotonic|monotonic_ns|perf_counter|Now|Since|Until)|Instant\.now|LocalDateTime\.now|timezone\.now|datetime\.(?:now|utcnow)|loop\.time)\s*\(|\.getTime\(\)/;
/** Where a `return` or `break` leaves something other than the loop around it: a function written in it, or (for a break) an inner loop or a switch. */
const OWN_SCOPE = /function|lambda|method_(?:declaration|definition)|arrow|func_literal|class_body|^(?:for|while|do|enhanced_for|for_in)_statement$|switch|select_statement/;
/** Go: `if err == nil { return v, nil }` (after a line or two of its own too): the loop leaves once its call succeeds. */
const GO_LEAVES_ON_SUCCESS = /\bif\s+err\s*==\s*nil\s*\{\s*(?:[^{}\n;]*[;\n]\s*){0,2}(?:break|return)\b/;
/**
 * Go: `if !errors.Is(err, ErrVersionConflict) { return nil, err }`: every error but that one leaves the loop, which
 * tries again on it. Not a not-found one, which moves on to the next item (gitness' findFirstExistingSpace, one query
 * per ancestor path until one exists).
 */
const GO_LEAVES_ON_OTHER_ERRORS = /\bif\s+!\s*errors\.(?:Is|As)\(\s*err\s*,(?![^{}\n]*(?:NotFound|NoRows|NotExist|Missing|\bEOF\b|Unknown))[^{}\n]*\)\s*\{\s*(?:[^{}\n;]*[;\n]\s*){0,2}(?:break|return)\b/i;
/** An iterable that is a count: `range(3)`, `range(MAX_RETRIES)`, a number, `Array(3)`, `Array.from({ length: n })`, Java's `IntStream.range`. */
const COUNTED = /^(?:x?range\s*\(|\d+$|(?:new\s+)?Array\s*\(|Array\.from\s*\(\s*\{\s*length|IntStream\.range)/;
/** A TypeScript annotation with a class's type (`: Knex`, `: OrderRepository`, `?: Pool`): isClientType says which. */
const CLIENT_ANNOTATION = /:\s*([A-Z][\w$]*(?:\.[A-Z][\w$]*)?)(?![\w$.])/g;
/** What runs a coroutine it is given on an event loop (not an executor's `submit(fn, …)`, given a function to call). */
const COROUTINE_SUBMIT = /(?:^|\.)(?:create_task|ensure_future|run_coroutine_threadsafe)$/;
/** The variable a condition tests for being empty (`x == null`, `!x`, `x is None`, `not x`, Go's `!ok`), if it is one. */
function testedEmpty(condition: string): string | undefined {
  const bare = condition.replace(/^\(\s*([^]*?)\s*\)$/, '$1').trim();
  const m = /^(\w+)\s*(?:===?|==)\s*(?:null|undefined|nil|None)$|^!\s*(\w+)$|^(\w+)\s+is\s+None$|^not\s+(\w+)$/.exec(bare);
  return m ? (m[1] ?? m[2] ?? m[3] ?? m[4]) : undefined;
}

/** What a comparison looks like in the languages read (`==`, `===`, Java's `.equals(`). */
const COMPARISONS = ['==', '.equals('];
/**
 * A batch full (`len(buffer) >= BATCH_SIZE`, `rows.length >= batchSize`, `len(batch) == 500`) or every so many items
 * (`i % 1000 == 0`): the size a constant, a name that says it is one, or a number of at least two digits.
 */
const BATCH_SIZE_NAME = String.raw`(?:[A-Z][A-Z0-9_]*|\w*(?:[bB]atch|[cC]hunk|[bB]uffer|[fF]lush|[pP]age)\w*|\d{2,})`;
const BATCH_FULL = new RegExp(
  String.raw`(?:\blen\s*\(\s*[\w.]+\s*\)|[\w.]+\.(?:length|size\(\)|size|count\(\)))\s*(?:>=|>|===?)\s*${BATCH_SIZE_NAME}\b|%\s*${BATCH_SIZE_NAME}\s*===?\s*0\b`,
);

/**
 * Where a call's own argument list starts, read from the text between the call's start and end: the callee is
 * names, dots and bracketed groups; the group that closes exactly at the call's end is the argument list.
 * -1: no argument list (`new Foo`, a tagged template); -2: the text could not be followed (ask the tree).
 */
export function argumentListOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const ch = text.charCodeAt(i);
    if (ch === 40 /* ( */ || ch === 91 /* [ */ || ch === 60 /* < */) {
      const close = skipGroupIn(text, i, end);
      if (close < 0) return -2;
      if (close === end) return ch === 40 ? i : -2;
      i = close;
    } else if (ch === 96 /* ` */ || ch === 39 || ch === 34) {
      return -1; // a tagged template or a string: no parenthesised arguments
    } else if (ch === 47 /* / */ && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) {
      return -2; // a comment between the links of a chain (its words may hold quotes: `User's`): ask the tree
    } else i++;
  }
  return -1;
}

function skipGroupIn(text: string, open: number, end: number): number {
  const closers = CLOSERS;
  let depth = 0;
  for (let i = open; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 || ch === 39 || ch === 96) {
      // Skip a quoted string, honouring backslash escapes.
      let j = i + 1;
      while (j < end && text.charCodeAt(j) !== ch) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (j >= end) return -1;
      i = j;
    } else if (ch === 40) closers[depth++] = 41;
    else if (ch === 91) closers[depth++] = 93;
    else if (ch === 123) closers[depth++] = 125;
    else if (ch === 60 && (depth === 0 || closers[depth - 1] === 62)) closers[depth++] = 62;
    else if (ch === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) return -1; // a comment: let the tree answer
    else if (ch === 35 && (depth === 0 || closers[depth - 1] !== 62)) return -1; // Python comment (or JS private name): same
    else if (depth > 0 && ch === closers[depth - 1]) {
      if (--depth === 0) return i + 1;
    }
    if (depth === CLOSERS.length) return -1; // deeper than any code is written: let the tree answer
  }
  return -1;
}

/** The closing brackets skipGroupIn waits for, innermost last: one stack for every call, not an array each. */
const CLOSERS = new Int32Array(256);

/**
 * Every node of interest under `root`, in document order, with its type, offsets and nearest scanned ancestor:
 * one walk inside WebAssembly (nodeScan.ts; `descendantsOfType` where that is not available), then one type and
 * one end per node. Argument lists are not scanned (they would double the nodes): a call's own list is found in
 * its text.
 */
/** What may precede a variable's name on the line that declares it (Java: its type). */
const DECLARATION_START: Record<LanguageFamily, RegExp> = {
  go: /^\s*(?:var\s+)?$/,
  js: /^\s*(?:(?:const|let|var)\s+)?$/,
  python: /^\s*$/,
  java: /^\s*(?:final\s+)?(?:[\w.]+(?:<[\w.<>, ?]*>)?(?:\[\])*\s+)?$/,
};

/**
 * The module's top-level list declarations and the changes made to those lists anywhere in the file: what
 * FileStructure.moduleSmallLiteral reads. A statement's cached analysis depends on them (analyzeFile's context key).
 */
export function moduleListsKey(text: string, family: LanguageFamily, mentions?: (word: string) => boolean): string {
  if (family === 'java') return '';
  // An `=` then the list's opening, after any whitespace: searched as words first (an edit searches only what it
  // changed; this scan of every line was a tenth of an edit's analysis).
  if (mentions && !(family === 'python' ? PY_LIST_OPENINGS : LIST_OPENINGS).some(mentions)) return '';
  const indent = family === 'go' ? '[ \\t]*' : '';
  const opens = family === 'go' ? '\\[\\]' : family === 'js' ? '\\[' : '[\\[(]';
  const declared = new RegExp(`^${indent}(?:(?:var|const|let|export\\s+const)\\s+)?([A-Za-z_$][\\w$]*)\\s*(?::[^=\\n]+|\\[\\]\\S+\\s*)?=\\s*${opens}`, 'gm');
  let key = '';
  for (const m of text.matchAll(declared)) {
    const next = text.slice(m.index, m.index + 400).search(/\n(?=\S)/);
    const name = m[1].replace(/\$/g, '\\$');
    const changes = text.match(new RegExp(`(?<![\\w$.])${name}\\s*(?:=(?!=)|\\.(?:append|push|add|extend|insert|unshift|splice)\\()`, 'g'))?.length ?? 0;
    key += `${text.slice(m.index, next < 0 ? m.index + 400 : m.index + next)}#${changes}|`;
  }
  return key;
}

/** `=\s*[`: the bracket at once, after one space, or after two whitespace characters of any kind (or Python's `(`). */
const LIST_OPENINGS = ['=[', '= [', '=  ', '= \t', '= \n', '= \r', '=\t', '=\n', '=\r'];
const PY_LIST_OPENINGS = [...LIST_OPENINGS, '=(', '= ('];

/** Loops over a literal list of at most this many items are not loops over data. */
const SMALL_LITERAL = 3;
const DECLARED_EMPTY = -2;

/** A statement adding one item to a list: Go's `xs = append(xs, x)` (group 1: the list appended to), `xs.append(x)`, `xs.push(x)`, `xs.add(x)`. */
const APPENDS_ONE: Record<LanguageFamily, RegExp> = {
  go: /^[\w$]+\s*=\s*append\(\s*([\w$]+)\s*,(?![^)\n]*\.\.\.)/,
  js: /^[\w$]+\.push\((?!\s*\.\.\.)/,
  python: /^[\w$]+\.append\(/,
  java: /^[\w$]+\.add\(/,
};

/** What follows a variable's name where it is declared and set (`:=`, `= `, `: list[str] = `), up to the value. */
const DECLARED_AS: Record<LanguageFamily, RegExp> = {
  go: /^\s*(?::=|(?:\[\]\w+\s*)?=)\s*/,
  js: /^\s*(?::[^=;\n]+)?=\s*/,
  python: /^\s*(?::[^=\n]+)?=\s*/,
  java: /^\s*=\s*/,
};

export function scanNodes(root: Node, spec: LanguageSpec): Scanned[] {
  const types = scanTypesOf(spec);
  const language = root.tree.language;
  const names = language.types;
  const nodes: Scanned[] = [];
  const stack: number[] = [];
  const add = (source: NodeSource, at: number, typeId: number, start: number, end: number) => {
    while (stack.length) {
      const top = nodes[stack[stack.length - 1]];
      if (start >= top.start && end <= top.end && !(top.end === start && top.start !== start)) break;
      stack.pop();
    }
    nodes.push(new Scanned(source, at, names[typeId] ?? 'ERROR', start, end, stack.length ? stack[stack.length - 1] : -1));
    stack.push(nodes.length - 1);
  };
  const scan = directScan(root, types, spec.family);
  if (scan) {
    for (let i = 0; i < scan.count; i++) add(scan, i, typeIdAt(scan, i), startAt(scan, i), endAt(scan, i));
    return nodes;
  }
  const found = namedDescendantsOfType(root, types);
  for (let i = 0; i < found.length; i++) add(found, i, found[i].typeId, found[i].startIndex, found[i].endIndex);
  return nodes;
}

/** Where a scanned node's `Node` comes from: a direct scan (made on first use), or the public API's list. */
type NodeSource = RawScan | Node[];

const SCAN_TYPES = new WeakMap<LanguageSpec, string[]>();

/**
 * The node types a scan asks for, built once per language. `descendantsOfType` tests every symbol of the grammar
 * with `types.includes(name)` on each call (hundreds of symbols × dozens of types, per file and per edited
 * statement): the array answers `includes` from a Set instead, and stays an array (Array.isArray) with the same items.
 */
function scanTypesOf(spec: LanguageSpec): string[] {
  let types = SCAN_TYPES.get(spec);
  if (!types) {
    const set = new Set([...spec.callTypes, ...spec.functionTypes, ...spec.classTypes, ...Object.keys(spec.loops), ...spec.extraTypes, ...spec.parallelScopes]);
    const list = [...set];
    Object.defineProperty(list, 'includes', { value: (name: string) => set.has(name), enumerable: false });
    SCAN_TYPES.set(spec, (types = list));
  }
  return types;
}

/** A callee that is a method of an element of its root: `client[channel].put`, `self.clients[id].get`. */
const ELEMENT_OF_ROOT = /^\s*(?:(?:self|this)\s*\.\s*)?[A-Za-z_$][\w$]*\s*\[[^\]\n]*\]\s*\.\s*[A-Za-z_$][\w$]*\s*$/;

/** Effect's and fp-ts's packages (`effect`, `effect/Effect`, `@effect/io`, `fp-ts/lib/Option`). */
const SINGLE_VALUE_PACKAGE = /^(?:effect|@effect\/[\w-]+|fp-ts)(?:\/|$)/;
/**
 * Their modules of one value (or one failure), not of a collection: Effect's `Effect`, `Option`, `Either`…, fp-ts's
 * `Option`, `TaskEither`… (fp-ts's `option`, `taskEither` when imported from its index). Not `Array`, `Record`, `Stream`.
 */
const SINGLE_VALUE_MODULE = /^(?:Effect|Option|Either|Exit|STM|Micro|Layer|Task|TaskEither|TaskOption|IO|IOEither|IOOption|Reader|ReaderEither|ReaderTask|ReaderTaskEither|State|Identity)$/i;
/** What sequences a computation on them: a loop's `map` or `flatMap` by its name only (`Effect.forEach` loops). */
const SINGLE_VALUE_STEPS = new Set(['map', 'flatMap']);

/** What a promise is handed on to, as a statement of its own: `send(h).catch(log)` still waits for nothing. */
const PROMISE_HANDLERS = new Set(['then', 'catch', 'finally']);

/**
 * Registrations of a function to run on events, later: `addEventListener`, `on`, `subscribe`; or on a schedule, robfig's
 * cron `c.AddFunc(spec, func() {…})` (opengist's actions, registered in a loop over them); or on each call of what it
 * registers, usertour's MCP tools, `server.registerTool(tool.name, {…}, async (args) => {…})` (`registerHandler`…).
 * (Those only as a holder's method named for a registration: a project's `registerEmail(email, async (clean) => …)`
 * may run its callback at once.)
 */
const ON_EVENT = /^(?:add\w*Listener|on|once|subscribe|AddFunc|AddJob)$/;
const REGISTERS_FOR_LATER = /^register(?:Tool|Handler|Command|Route|Prompt|Resource|\w*Listener|\w*Hook)s?$/;

/**
 * A pause in a loop's body that makes it a poller: each turn waits, whatever it then does. Also a wait on a stop
 * event with a timeout (`shutdown_event.wait(interval)`, polar's metrics pusher), a `TimeUnit` kept in a field
 * (apollo's `scanIntervalTimeUnit.sleep(n)`), and JavaScript's sleep promises (`await sleep(ms)`, a helper module's
 * `await time.msleep(ms)`, postiz's `await timer(ms)`, `await new Promise((r) => setTimeout(r, ms))`).
 */
const SLEEP =
  /\b(?:Thread\.sleep|TimeUnit\.\w+\.sleep|\w*[uU]nit\.sleep|time\.sleep|asyncio\.sleep|time\.Sleep|[A-Z]\w*Utils?\.\w*[sS]leep\w*|Uninterruptibles\.sleep\w*)\s*\(|\b\w*(?:[eE]vent|[sS]top\w*|[sS]hutdown\w*|[eE]xit\w*|[qQ]uit\w*|[tT]erminat\w*)\.wait\s*\(\s*[^)\s]|\bawait\s+(?:(?:[\w$]+\.)*(?:\w*[sS]leep\w*|delay|timer|pause)|wait|setTimeout)\s*\(|\bnew\s+Promise\s*(?:<[^>]*>\s*)?\(\s*\(?\s*\w+\s*\)?\s*=>\s*setTimeout\s*\(/;

/** A Python function's span, and the start of the class it is a method of (-1: a function, not a method). */
interface PyFunctionSpan extends Span {
  cls: number;
}

/** The start of the class whose body defines the function `fn` (-1 when a function or the module holds it). */
function pyOwnerClass(fn: Node): number {
  for (let n = fn.parent; n; n = n.parent) {
    if (n.type === 'class_definition') return n.startIndex;
    if (n.type === 'function_definition' || n.type === 'module') return -1;
  }
  return -1;
}

/** The start of the class of the method whose body holds `node` (-1 when no method holds it). */
function pyClassOf(node: Node): number {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition') return pyOwnerClass(n);
  return -1;
}

/**
 * Python: a name that says it sleeps, `sleep` ending it as a word (rotki's `cancellable_sleep`, `gevent.sleep`,
 * `self._sleep`, `retrySleep`; not `sleep_score`).
 */
const PY_SLEEP_NAME = /^(?:sleep|\w*_sleep|\w*Sleep)$/;

/** `Object.values(DataSource)` at the start of a call's text (the receiver of its `.map(…)`). */
const OBJECT_MEMBERS = /^Object\.(?:values|keys|entries)\(\s*[A-Z]\w*\s*\)/;
/** `const dataSources = Object.values(DataSource)`: the name kept (group 1) and the object it is given the members of. */
const ENUM_KEPT = /\bconst\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]+)?=\s*Object\.(?:values|keys|entries)\(\s*([A-Z]\w*)\s*\)/g;

/** A request's continuation token or cursor set from the same key of the answer: `params["continuation"] = data["continuation"]`. */
const CONTINUATION_COPIED = /\[\s*['"](continuation\w*|\w*[cC]ursor|\w*[pP]age_?[tT]oken|[nN]ext_?[tT]oken|marker)['"]\s*\]\s*=\s*[\w.]+(?:\[\s*['"]\w+['"]\s*\])*\[\s*['"]\1['"]\s*\]/;

/**
 * A count of redirects held to a limit (`redirectCount <= maxRedirects`, `i < MAX_REDIRECTS`, `redirects < 10`): not a
 * loop over a list of redirect rules (`i < redirects.length`).
 */
const REDIRECT_LIMIT = /\w*[rR]edirect\w*\s*<=?\s*(?:(?:[\w$]+\.)*\w*(?:[mM]ax|MAX|[lL]imit|LIMIT)\w*|\d+)\b(?!\s*\.)|\w+\s*<=?\s*(?:[\w$]+\.)*\w*(?:[mM]ax|MAX)\w*(?:[rR]edirect|REDIRECT)\w*\b(?!\s*\.)/;

/** An HTTP answer's `Location` read (`res.headers.get("location")`, `resp.headers["Location"]`, Go's `resp.Header.Get("Location")`). */
const LOCATION_READ = /\.[hH]eaders?\s*(?:\.\s*[gG]et\s*\(\s*|\[\s*)['"]location['"]|\.headers\.location\b/i;

/**
 * A consumer taking the next message from a queue, waiting for one: lnbits' `payment = await invoice_paid_queue.get()`,
 * Java's `queue.take()` whatever the queue's name (apollo's `audits.take()`) and Guava's `Queues.drain(…)`, Redis'
 * `BLPOP`. Also one of a dict of queues, taken with nothing given, langflow's `message = await
 * message_queues[queue_key].get()` (not a dict's `get(key)`). Its loop runs once per message, not per item of one request.
 */
const QUEUE_TAKE = /=\s*(?:await\s+)?(?:self\.|this\.)?\w*[qQ]ueue\w*\.(?:get|take|poll\w*)\s*\(|=\s*(?:await\s+)?(?:self\.|this\.)?\w*[qQ]ueues\w*\[[^\]\n]+\]\.(?:get|take|poll)\s*\(\s*\)|\b[\w.]+\.take\(\s*\)|\bQueues\.drain\w*\s*\(|=\s*(?:await\s+)?[\w.]*\.(?:blpop|brpop|blPop|brPop|bzpopmin|bzpopmax)\s*\(/;

/**
 * A list the service is configured with, read from its settings (lnbits' `settings.lnbits_exchange_rate_providers`,
 * `app.config["WEBHOOK_URLS"]`, Go's `s.config.Providers`, a settings bean's getter, apollo's
 * `portalSettings.getActiveEnvs()`): as many items as the operator set up, not a number that grows with data or
 * traffic, as a literal list is.
 */
const CONFIGURED_LIST =
  /^(?:(?:this|self|s|app|current_app)\.)?(?:settings|config|conf|cfg)(?:\.[A-Za-z_]\w*|\[\s*["'][A-Za-z_]\w*["']\s*\])$|^(?:(?:this|self)\.)?_?[a-z]\w*(?:Settings|Config|Properties)\.[a-z]\w*\(\s*\)$/;

/** A Go receive from a channel: `case m := <-ch:`, `msg := <-manager.messages`, `<-done` on a line of its own. */
const RECEIVES = /(?:\bcase\s+(?:[\w, ]+:?=\s*)?|:?=\s*|^\s*)<-\s*[\w.]+/m;

/** A Go loop over a ticker's or timer's channel: once per tick. */
const TICKS = /^for\s+(?:[\w, ]+:?=\s*)?range\s+(?:[\w.]+\.C|time\.Tick\([^{]*\))\s*\{/;

const ROLES = new WeakMap<LanguageSpec, { call: Set<string>; fn: Set<string>; cls: Set<string> }>();

function rolesOf(spec: LanguageSpec): { call: Set<string>; fn: Set<string>; cls: Set<string> } {
  let roles = ROLES.get(spec);
  if (!roles) ROLES.set(spec, (roles = { call: new Set(spec.callTypes), fn: new Set(spec.functionTypes), cls: new Set(spec.classTypes) }));
  return roles;
}

/**
 * One node of interest, with what the analysis reads of it paid for once. Its `Node` (for fields and children) is
 * made on first use: many scanned nodes (about half in the benchmark's service) are only read by type and offsets.
 */
export class Scanned {
  private made?: Node;

  constructor(
    private readonly source: NodeSource,
    private readonly at: number,
    readonly type: string,
    readonly start: number,
    readonly end: number,
    /** Index of the nearest scanned ancestor, or -1. */
    readonly parent: number,
  ) {}

  get node(): Node {
    return (this.made ??= Array.isArray(this.source) ? this.source[this.at] : nodeAt(this.source, this.at));
  }
}

export interface CallInfo {
  index: number;
  /** Member chain of the callee (`['db','query']`); empty when it is not a name (`(await f())()`). */
  chain: string[];
  /** Offsets of the call's own argument list, brackets included (`(a, b)`), or -1 when it has none. */
  argsStart: number;
  argsEnd: number;
  /** What the catalogue says about this chain, looked up once (see FileStructure.rules). */
  rules?: CatalogueLookup;
}

export interface LoopContext {
  index: number;
  kind: string;
  mode: LoopMode;
  range: Range;
  /** A GraphQL field resolver's parent type that its file shows no list of (see Hazard.loop). */
  of?: string;
  /** Java: a for-each over the beans of this type Spring injects into a field (see injectedBeans.ts, Hazard.loop). */
  beans?: string;
  /** Java: a for-each over what a chunking call returns whose variable is declared of this class (see Hazard.loop). */
  row?: string;
}

export interface FunctionInfo {
  index: number;
  name?: string;
  /** Enclosing class, or the Go receiver type. */
  owner?: string;
  /** Go: the receiver's name (`s` in `func (s *Server) …`). */
  receiver?: string;
  async: boolean;
  /** Nearest enclosing function's index in `functions`, or -1 (top level). */
  outer: number;
}

/** The Python HTTP clients declaredTypes records by their module's name. */
/** What a SQLAlchemy session runs that a `requests` or `httpx` session has no method of. */
const HELD_SESSION_STEP = /^(?:query|execute|scalars|scalar)$/;
/** What a SQLAlchemy Result is turned into before its rows are read: `result.scalars().unique().all()`. */
export const SQLA_RESULT_STEP = /^(?:scalars|unique|mappings|tuples)$/;

/**
 * The chain a function of the file runs the one argument it is given with, its whole body a `return` of it (fief's
 * `async def _execute_query(self, statement: Select) -> Result: return await self.session.execute(statement)`):
 * `session.execute`, without the receiver. Undefined for any other body.
 */
function statementRunner(text: string, name: string): string[] | undefined {
  if (!text.includes(`def ${name}`)) return undefined;
  const def = new RegExp(
    `^[ \\t]*(?:async[ \\t]+)?def[ \\t]+${name}[ \\t]*\\(([^)]*)\\)[^:\\n]*:[ \\t]*\\n(?:[ \\t]*(?:"""[\\s\\S]*?"""|'''[\\s\\S]*?''')[ \\t]*\\n)?[ \\t]*return[ \\t]+(?:await[ \\t]+)?([A-Za-z_][\\w.]*)\\(\\s*([A-Za-z_]\\w*)\\s*\\)[ \\t]*$`,
    'm',
  ).exec(text);
  if (!def || !def[1].split(',').some((p) => p.trim().split(/[:=\s]/)[0] === def[3])) return undefined;
  const chain = def[2].split('.');
  return chain[0] === 'self' ? chain.slice(1) : chain;
}

/** SQLAlchemy's reads of one row, which an HTTP session does not have in that form: `get(Model, key)`, `refresh(row)`. */
const SQLA_ROW_READ = /^(?:get|get_one|refresh)$/;
/** A model class given first (`Event`, `models.Event`), not a URL nor a constant (`BASE_URL`). */
const MODEL_FIRST = /^\s*(?:[a-z_]\w*\.)*[A-Z][A-Z0-9]*[a-z]\w*\s*,/;
/** One row given, by name (`record`, `self.user`), with the attributes to read again or not. */
const ROW_GIVEN = /^\s*[A-Za-z_][\w.]*\s*(?:,|$)/;
/** The blocks a cache-first test may start (see afterCacheHitInBlock): Python's, JavaScript's, Go's and Java's. */
const CACHE_BLOCKS = new Set(['block', 'statement_block']);
const PY_SQLALCHEMY_IMPORT = '^\\s*(?:from|import)\\s+(?:sqlalchemy|sqlmodel)\\b';
const HTTP_SESSION_TYPES = /^(?:requests|httpx)\./;
const HTTP_SESSION_METHODS = /^(?:get|post|put|patch|delete|head|options|request|send|stream)$/;

/**
 * The file seen once: every node the analysis cares about, found with a single `descendantsOfType` call
 * (the tree walk stays inside WebAssembly), then related by offsets in plain JavaScript: which function and
 * which loop iteration each node runs in, and each call's callee chain read from the source text.
 * Route and hazard finders read this instead of walking the tree again.
 */
export class FileStructure {
  readonly nodes: Scanned[];
  readonly calls = new Map<number, CallInfo>();
  /** Per scanned node: index into `functions` of the innermost enclosing function (itself for a function), or -1. */
  readonly functionOf: Int32Array;
  /** Per scanned node: index into `loops` of the innermost loop it runs once per iteration of, or -1. */
  readonly loopOf: Int32Array;
  readonly loops: LoopContext[] = [];
  readonly functions: FunctionInfo[] = [];
  private readonly functionIndex = new Map<number, number>();
  private readonly lineStarts: number[];
  private readonly roles: { call: Set<string>; fn: Set<string>; cls: Set<string> };

  /** The part of the file this structure covers (a top-level statement, or the whole file). */
  readonly span: Span;
  /** The file's text searched for words, shared by its statements and carried across edits. */
  readonly words: WordSearch;
  private readonly shared: Map<string, unknown>;

  constructor(
    readonly text: string,
    readonly tree: Tree,
    readonly spec: LanguageSpec,
    options: { nodes?: Scanned[]; shared?: Map<string, unknown>; span?: Span; words?: WordSearch } = {},
  ) {
    this.shared = options.shared ?? new Map();
    this.words = options.words ?? this.memo('words', () => WordSearch.of(text));
    this.lineStarts = this.memo('lineStarts', () => lineStartsOf(text));
    this.span = options.span ?? { start: 0, end: text.length };
    this.roles = rolesOf(spec);
    this.nodes = options.nodes ?? scanNodes(tree.rootNode, spec);
    this.functionOf = new Int32Array(this.nodes.length).fill(-1);
    this.loopOf = new Int32Array(this.nodes.length).fill(-1);
    this.relate();
  }

  /** Whether the file's text contains `word` anywhere (code, comment or string): to skip what cannot be there. */
  mentions(word: string): boolean {
    return this.words.has(word);
  }

  /**
   * Where any of the words occur in the file, in order: from the file's word searches, which an edit carries (only
   * the changed text is searched again), not from a scan of the whole text on every keystroke.
   */
  offsetsOfWords(key: string, words: readonly string[]): readonly number[] {
    return this.memo(`offsets:${key}`, () => {
      const lists = words.filter((w) => this.words.has(w)).map((w) => this.words.all(w));
      return lists.length === 1 ? lists[0] : lists.flat().sort((a, b) => a - b);
    });
  }

  /**
   * Where `word` next occurs at or after `offset` (-1 if nowhere), as `text.indexOf(word, offset)` says: from the
   * word's offsets, since a search of the text from each loop of a long function to the word's next place (often the
   * function's end) made the function quadratic.
   */
  nextWord(word: string, offset: number): number {
    if (!word) return this.text.indexOf(word, offset);
    // (Under a key of its own: offsetsOfWords' other keys name lists of words.)
    const offsets = this.offsetsOfWords(`word:${word}`, [word]);
    const k = firstAtOrAbove(offsets, offset);
    return k < offsets.length ? offsets[k] : -1;
  }

  /** The types the function at `span` gives its local names (and where their values come from), read once per function. */
  goLocalTypesOf(span: Span): GoLocalTypes {
    return this.memo(`go.locals:${span.start}`, () => GoLocalTypes.of(this.text.slice(span.start, span.end)));
  }

  tsLocalTypesOf(span: Span): TsLocalTypes {
    return this.memo(`ts.locals:${span.start}`, () => TsLocalTypes.of(this.text.slice(span.start, span.end)));
  }

  pyLocalTypesOf(span: Span): PyLocalTypes {
    return this.memo(`py.locals:${span.start}`, () => PyLocalTypes.of(this.text.slice(span.start, span.end)));
  }

  /** A value computed once per file and shared by the structures of its statements (regexes over the whole text). */
  memo<T>(key: string, compute: () => T): T {
    let value = this.shared.get(key) as T | undefined;
    if (value === undefined && !this.shared.has(key)) this.shared.set(key, (value = compute()));
    return value as T;
  }

  private relate(): void {
    const { nodes, spec, roles } = this;
    const classNames = new Map<number, string | undefined>();
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const p = n.parent;
      if (roles.call.has(n.type)) this.calls.set(i, this.callInfo(i));
      else if (n.type === 'method_reference') this.methodReference(i);
      if (roles.cls.has(n.type)) classNames.set(i, n.node.childForFieldName('name')?.text);

      // Function membership.
      if (roles.fn.has(n.type)) {
        let owner: string | undefined = spec.receiverType?.(n.node, n.type);
        for (let a = p; a >= 0 && owner === undefined; a = nodes[a].parent) {
          if (roles.fn.has(nodes[a].type)) {
            // A method of the object a named function returns (`function createRepository(fastify) { return {
            // async paginate() {…} } }`): owned by `createRepository()`, as what a Fastify decorator made with it holds.
            if (spec.family === 'js' && n.type === 'method_definition') {
              const maker = this.functions[this.functionOf[a]]?.name;
              if (maker) owner = `${maker}()`;
            }
            break;
          }
          if (classNames.has(a)) owner = classNames.get(a);
        }
        const outer = p >= 0 ? this.functionOf[p] : -1;
        this.functionIndex.set(i, this.functions.length);
        this.functions.push({
          index: i,
          name: spec.functionName(n.node, n.type, this.text),
          owner,
          receiver: spec.receiverName?.(n.node, n.type),
          async: spec.isAsync(this.text.slice(n.start, n.start + 40)),
          outer,
        });
        this.functionOf[i] = this.functions.length - 1;
      } else {
        this.functionOf[i] = p >= 0 ? this.functionOf[p] : -1;
      }

      // Loop membership: inherit from the parent, unless the parent is a loop whose per-iteration part holds us.
      let loop = p >= 0 ? this.loopOf[p] : -1;
      if (p >= 0) {
        const ctx = this.loopContextOf(p);
        if (ctx && ctx.loop >= 0 && !(ctx.once && n.start >= ctx.once.start && n.end <= ctx.once.end)) loop = ctx.loop;
        if (spec.parallelScopes.has(nodes[p].type) && loop >= 0) loop = this.parallelCopy(loop);
        // `items.forEach(i -> CompletableFuture.runAsync(() -> …))`: each iteration hands its body to another thread.
        // Python's coroutine made in place, `asyncio.run_coroutine_threadsafe(client.get(url), loop)` (searxng's
        // multi_requests), `asyncio.create_task(fetch(u))`: it runs on the event loop while the loop goes on.
        // `promises.push(this.rates.get(d))` in a loop, then `await Promise.all(promises)`: started on each turn, waited
        // for together.
        // (Java's `futures.add(asyncClient.putItem(…))`, then `CompletableFuture.allOf(futures.toArray(…))`, likewise.)
        if (loop >= 0 && (spec.family === 'js' || spec.family === 'java') && this.pushedForParallelWrapper(p, i)) loop = this.parallelCopy(loop);
        if (loop >= 0 && spec.asyncSubmit && (roles.fn.has(n.type) || (spec.family === 'python' && roles.call.has(n.type)))) {
          const call = this.calls.get(p);
          const submits = call && this.inArguments(call, n.start) && spec.asyncSubmit.test(call.chain.join('.'));
          if (submits && (roles.fn.has(n.type) || COROUTINE_SUBMIT.test(call.chain.join('.')))) loop = this.parallelCopy(loop);
        }
      }
      // `el.addEventListener('click', () => fetch(…))` in a loop over elements: the function runs on each event,
      // not once per iteration of the loop that registers it.
      if (loop >= 0 && p >= 0 && roles.fn.has(n.type)) {
        const call = this.calls.get(p);
        const method = call?.chain[call.chain.length - 1] ?? '';
        if (call && this.inArguments(call, n.start) && (ON_EVENT.test(method) || (call.chain.length > 1 && REGISTERS_FOR_LATER.test(method)))) loop = -1;
        // A JSX attribute's function (`items.map((item) => <Button onClick={() => fetch(…)} />)`): an event handler,
        // called on each click, not once per item the list renders. Also one a condition picks (onyx's
        // `onClick={id ? () => void handleSave(id) : undefined}`, `onClick={editable && (() => save(id))}`).
        else if (loop >= 0 && spec.family === 'js' && '{?:&|('.includes(lastNonSpaceBefore(this.text, n.start) || '-') && jsxAttributeValue(n.node)) loop = -1;
      }
      // A function kept in a variable (pocketbase's `actionFunc = func() error { return f.Intercept(…) }`) runs when it
      // is called, not where it is written: a call of it in the loop is the loop's (by its name, as any function's).
      if (loop >= 0 && roles.fn.has(n.type) && ASSIGNED.has(assignmentAround(n.node)?.type ?? '')) loop = -1;
      // …so does one kept in an object the loop builds (documenso's command menu, `languages.map((l) => … { onAction:
      // async () => setLanguage(l.short) })`; `items.map((i) => ({ run: () => db.x(i) }))`).
      // (A property's value follows its colon: no syntax node is made for the callbacks given to calls.)
      if (loop >= 0 && spec.family === 'js' && roles.fn.has(n.type) && (n.type === 'method_definition' || lastNonSpaceBefore(this.text, n.start) === ':') && keptInObject(n.node)) loop = -1;
      this.loopOf[i] = loop;
      // `.map(repo::findById)`: a call per element, as `.map(id -> repo.findById(id))` is.
      if (n.type === 'method_reference' && this.calls.has(i)) {
        const cb = this.callbackLoop(i);
        if (cb) {
          this.loops.push({ index: i, ...cb });
          this.loopOf[i] = this.loops.length - 1;
        }
      }
      // A loop node's own context is set up lazily on its first child (loopContextOf), so a loop is never
      // "inside itself": its iterable belongs to the enclosing iteration.
      if (roles.fn.has(n.type)) {
        const cb = this.callbackLoop(i) ?? this.fieldResolverLoop(i) ?? this.rowListenerLoop(i);
        if (cb) this.pendingCallback.set(i, cb);
      }
    }
  }

  private readonly loopContexts = new Map<number, { loop: number; once?: Span } | null>();
  private readonly pendingCallback = new Map<number, { kind: string; mode: LoopMode; range: Range; of?: string }>();
  private readonly parallelCopies = new Map<number, number>();
  /** Loops over batches by what they run over whose variable is declared of a class (isBatchLoop): that class. */
  private readonly batchRows = new Map<number, string>();

  /** The loop context a node opens for its children, or null when it is not a loop (or loops over constants). */
  private loopContextOf(i: number): { loop: number; once?: Span } | null {
    // (Asked of every node's parent: most are of a type that opens no loop, answered before the cache.)
    if (this.spec.loops[this.nodes[i].type] === undefined && !this.pendingCallback.has(i)) return null;
    const cached = this.loopContexts.get(i);
    if (cached !== undefined) return cached;
    const n = this.nodes[i];
    let result: { loop: number; once?: Span } | null = null;
    const shape = this.spec.loops[n.type];
    const callback = this.pendingCallback.get(i);
    if (shape) {
      const iterable = shape.iterable?.(n.node);
      if (!(iterable && (this.isSmallLiteral(iterable) || this.namesSmallLiteral(i, iterable) || this.overEnumMembers(iterable) || CONFIGURED_LIST.test(iterable.text))) && !this.isRetryLoop(i) && !this.isPeriodicLoop(n) && !this.startsWorkerPool(n) && !this.inMigration(i) && !this.runsScriptStatements(i, n, iterable) && !(!iterable && this.isPagingLoop(n)) && !this.isBatchLoop(i, n, iterable) && !this.countsToFew(n, iterable) && !this.pollsByCount(n, iterable) && !this.drawsUntilUnused(n, iterable) && !this.drainsByFlag(n, iterable) && !this.sendsStreamParts(n, iterable) && !this.overTables(n) && !this.followsRedirects(n, iterable)) {
        const once = shape.once?.(n.node);
        let mode: LoopMode = 'sequential';
        if (n.type !== 'for_statement' && n.type !== 'while_statement' && (this.insideParallelWrapper(i) || this.feedsParallelWrapper(i))) mode = 'parallel';
        else if (this.fedConsumers.has(n.start)) mode = 'parallel';
        const beans = n.type === 'enhanced_for_statement' && iterable ? this.overInjectedBeans(i, iterable) : undefined;
        const row = this.batchRows.get(i);
        this.loops.push({ index: i, kind: shape.kind, mode, range: this.rangeOf(i), ...(beans ? { beans } : {}), ...(row ? { row } : {}) });
        result = { loop: this.loops.length - 1, once: once ? { start: once.startIndex, end: once.endIndex } : undefined };
      }
    } else if (callback) {
      this.loops.push({ index: i, ...callback });
      result = { loop: this.loops.length - 1 };
    }
    this.loopContexts.set(i, result);
    return result;
  }

  private parallelCopy(loop: number): number {
    const ctx = this.loops[loop];
    if (ctx.mode === 'parallel') return loop;
    let copy = this.parallelCopies.get(loop);
    if (copy === undefined) {
      this.loops.push({ ...ctx, mode: 'parallel' });
      copy = this.loops.length - 1;
      this.parallelCopies.set(loop, copy);
    }
    return copy;
  }

  /**
   * Java: the type of the beans a for-each runs over, when it runs over a field of its class that Spring fills with
   * them (injectedBeans.ts: `for (CashierExecute c : cashierExecutes)`, `byName.values()`); not a local or a parameter
   * of that name.
   */
  private overInjectedBeans(i: number, iterable: Node): string | undefined {
    if (this.spec.family !== 'java' || iterable.endIndex - iterable.startIndex > 80) return undefined;
    const m = FIELD_ITERABLE.exec(iterable.text);
    if (!m) return undefined;
    const [, self, name, values] = m;
    let c = this.nodes[i].parent;
    while (c >= 0 && this.nodes[c].type !== 'class_declaration') c = this.nodes[c].parent;
    if (c < 0) return undefined;
    const cls = this.nodes[c];
    const field = this.memo(`injectedBeanLists:${cls.start}`, () => injectedBeanLists(cls.node)).get(name);
    if (!field || field.map !== (values !== undefined)) return undefined;
    if (!self && (this.lastValueOf(i, name) !== undefined || this.isParameterAt(i, name))) return undefined;
    return field.type;
  }

  /** A GraphQL field resolver runs once per object of the list that holds the field, concurrently (fieldResolvers.ts). */
  private fieldResolverLoop(fnIndex: number): { kind: string; mode: LoopMode; range: Range; of?: string } | undefined {
    this.resolvesFields ??= mayHaveFieldResolvers(this.text, this.spec.family, (w) => this.mentions(w));
    const resolved = this.resolvesFields ? fieldResolverOf(this.nodes[fnIndex].node, this.spec.family, this.text) : undefined;
    if (!resolved) return undefined;
    return { kind: FIELD_RESOLVER, mode: 'parallel', range: this.rangeOf(fnIndex), ...(resolved.listed ? {} : { of: resolved.type }) };
  }

  private resolvesFields?: boolean;

  /** A spreadsheet read listener's `invoke` runs once per row of the sheet it reads (rowListeners.ts). */
  private rowListenerLoop(fnIndex: number): { kind: string; mode: LoopMode; range: Range } | undefined {
    if (this.spec.family !== 'java' || !this.memo('readsRows', () => mayListenToRows(this.text))) return undefined;
    return isRowListenerInvoke(this.nodes[fnIndex].node, this.text) ? { kind: ROW_LISTENER, mode: 'sequential', range: this.rangeOf(fnIndex) } : undefined;
  }

  /** `items.map(async (i) => …)`: the function argument of a per-element method is a loop body. */
  private callbackLoop(fnIndex: number): { kind: string; mode: LoopMode; range: Range } | undefined {
    const callIndex = this.nodes[fnIndex].parent;
    const call = callIndex >= 0 ? this.calls.get(callIndex) : undefined;
    if (!call || !this.inArguments(call, this.nodes[fnIndex].start)) return undefined;
    const method = call.chain[call.chain.length - 1];
    const joined = call.chain.join('.');
    if (this.spec.parallelWrappers.test(joined) && this.spec.family === 'go') {
      // errgroup's g.Go(func() error {…}) inside a loop: the body runs concurrently.
      const outer = this.loopOf[callIndex];
      return outer >= 0 ? { ...this.loops[outer], mode: 'parallel' } : undefined;
    }
    if (this.spec.family === 'go' && GO_ZERO_MAPPERS.test(joined)) {
      // go-zero's MapReduce: the mapper (its second argument) runs once per item the generator sends, in parallel.
      const mapper = this.argumentsOf(call)[1];
      return mapper && mapper.startIndex === this.nodes[fnIndex].start ? { kind: `.${method}()`, mode: 'parallel', range: this.rangeOf(callIndex) } : undefined;
    }
    if (!this.loopsOverItems(call, callIndex)) return undefined;
    if (this.callsBackOverBatches(callIndex, fnIndex)) return undefined;
    const fnInfo = this.functions[this.functionIndex.get(fnIndex)!];
    // `items.reduce(async (prev, x) => { await prev; … })` chains the callbacks: each waits for the one before.
    const chained = (method === 'reduce' && this.awaitsFirstParameter(fnIndex)) || (this.spec.sequentialChains?.test(joined) ?? false);
    const parallel =
      !chained &&
      ((fnInfo?.async ?? false) || this.insideParallelWrapper(callIndex) || (this.spec.parallelChains?.test(joined) ?? false) || this.feedsParallelWrapper(callIndex));
    return { kind: `.${method}()`, mode: parallel ? 'parallel' : 'sequential', range: this.rangeOf(callIndex) };
  }

  /**
   * The call is a method that calls back once per item of what it is called on (`items.forEach(…)`, `ids.map(…)`), over
   * items of data: not a literal of a few, the members of an enum or a constant (see overEnumMembers), a stream's operator.
   */
  private loopsOverItems(call: CallInfo, callIndex: number): boolean {
    const method = call.chain[call.chain.length - 1];
    if (!method || !this.spec.callbackMethods.has(method)) return false;
    if (this.spec.callbackReceiver && !this.spec.callbackReceiver.test(call.chain.join('.'))) return false;
    if (call.chain.length === 1 && this.isStreamOperator(callIndex)) return false;
    if (call.chain.length === 2 && this.spec.family === 'js' && SINGLE_VALUE_STEPS.has(method) && this.singleValueModules().has(call.chain[0])) return false;
    const receiver = this.receiverLiteral(callIndex);
    if (receiver && this.isSmallLiteral(receiver)) return false;
    // `Object.values(DataSource).map(…)`, `TEAM_INTERNAL_GROUPS.map(…)`, `dataSources.map(…)` (see overEnumMembers).
    // (Read from the chain and the text: no syntax node is made for the many callbacks that are none of these.)
    if (this.spec.family === 'js' && !receiver) {
      const over = call.chain.length === 2 ? call.chain[0] : call.chain.length === 3 && call.chain[0] === 'Object' ? OBJECT_MEMBERS.exec(this.text.slice(this.nodes[callIndex].start, this.nodes[callIndex].start + 200))?.[0] : undefined;
      if (over !== undefined && this.jsConstantMembers(over)) return false;
    }
    return true;
  }

  /**
   * JavaScript: a function given by name to such a method (kutt's `links.forEach(redis.remove.link)`,
   * `Promise.all(links.map(touch))`): called once per item, as a callback written in place that called it would be.
   * Sequential unless a parallel wrapper takes the results (whether the function is async is not known here).
   */
  callbackByName(callIndex: number): { chain: string[]; range: Range; loop: { kind: string; mode: LoopMode; range: Range } } | undefined {
    const call = this.calls.get(callIndex);
    if (!call || call.argsStart < 0 || this.spec.family !== 'js' || !this.spec.callbackMethods.has(call.chain[call.chain.length - 1])) return undefined;
    const first = /^\(\s*([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*[,)]/.exec(this.text.slice(call.argsStart, Math.min(call.argsEnd, call.argsStart + 200)));
    if (!first || !this.loopsOverItems(call, callIndex)) return undefined;
    const chain = first[1].split('.').map((n) => n.trim());
    const method = call.chain[call.chain.length - 1];
    const parallel = this.insideParallelWrapper(callIndex) || (this.spec.parallelChains?.test(call.chain.join('.')) ?? false) || this.feedsParallelWrapper(callIndex);
    const start = call.argsStart + first[0].indexOf(first[1]);
    return { chain, range: this.rangeOfSpan(start, start + first[1].length), loop: { kind: `.${method}()`, mode: parallel ? 'parallel' : 'sequential', range: this.rangeOf(callIndex) } };
  }

  /** A loop over batches of a collection (see batchedLoops.ts): its body runs once per batch, not per item. */
  private isBatchLoop(i: number, n: Scanned, iterable: Node | null | undefined): boolean {
    const body = n.node.childForFieldName('body');
    const header = this.text.slice(n.start, body ? body.startIndex : Math.min(n.end, n.start + 200));
    // Java says what each turn holds: a row (`for (Resource r : resourceService.chunks(ids))`, PlayEdu's service method
    // that reads the rows of the ids given) is no batch, whatever the call is named; a list or an array is. Whether the
    // class is a row is the workspace's to say (LoopContext.row): the join drops the loop's hazards otherwise.
    const item = n.type === 'enhanced_for_statement' ? itemTypeName(n.node.childForFieldName('type')?.text) : undefined;
    const over = iterable ? this.text.slice(iterable.startIndex, Math.min(iterable.endIndex, iterable.startIndex + 200)) : undefined;
    if (batchesOver(header, item ? undefined : over)) return true;
    // Batches kept in a variable first (PowerJob's `partitions = Lists.partition(instances, 100)` then `for
    // (List<…> partition : partitions)`; Go's `chunks := lo.Chunk(ids, 500)`): the value it was last given.
    const kept = iterable?.type === 'identifier' && batchesOver('', this.lastValueOf(i, iterable.text));
    if (!item && kept) return true;
    if (item && (kept || batchesOver('', over))) this.batchRows.set(i, item);
    // A counting loop that cuts each turn's batch by its counter (lilishop's `regions.subList(i * 100, endPoint)`), or
    // steps by a size and cuts from its counter on (openfga's `start += K` then `items[start:end]`).
    if (body) {
      const bodyText = this.text.slice(body.startIndex, body.endIndex);
      if (slicesBatchByCounter(header, bodyText) || slicesBatchByStep(header, bodyText)) return true;
    }
    // A loop over the groups of a mapping whose queries take each group's list (saleor's dataloaders: `for channel,
    // ids in ids_by_channel.items(): Variant.objects.filter(id__in=ids)`): one query per group, not per row. The list
    // must be the group's: its value, or read from the mapping (`ids = ids_by_channel[channel]`), also through a name
    // the body gives it (`ids = [v[0] for v in values]`); not a list of another mapping, kept per item (jumpserver's
    // `for asset, data in info.items(): … username__in=ori_users[asset]`, a loop over assets).
    if (this.spec.family !== 'python' || !body) return false;
    const grouped = /^for\s+(?:(\w+)\s*,\s*)?(\w+)\s+in\s+([\w.]+)\.(items|keys|values)\(\)\s*:$/.exec(header.trim());
    if (!grouped) return false;
    const [, key, second, mapping, method] = grouped;
    const value = method === 'keys' ? undefined : second;
    const mentionsGroup = (expr: string) => (value !== undefined && new RegExp(`\\b${value}\\b`).test(expr)) || expr.includes(`${mapping}[`);
    for (const m of body.text.matchAll(/\b\w+__in\s*=\s*([^,)\n]+)/g)) {
      const expr = m[1].trim();
      if (mentionsGroup(expr)) return true;
      const name = /^\w+$/.exec(expr)?.[0];
      const assigned = name && name !== key ? new RegExp(`^\\s*${name}\\s*=\\s*([^\\n]+)`, 'm').exec(body.text)?.[1] : undefined;
      if (assigned && mentionsGroup(assigned)) return true;
    }
    return false;
  }

  /** `_.chunk(ids, 100).map(async (batch) => …)`: a callback per batch. */
  private callsBackOverBatches(callIndex: number, fnIndex: number): boolean {
    const receiver = this.text.slice(this.nodes[callIndex].start, this.nodes[fnIndex].start);
    const parameter = /^\s*(?:async\s*)?(?:function\s*\w*\s*)?\(?\s*([A-Za-z_$][\w$]*)/.exec(this.text.slice(this.nodes[fnIndex].start, this.nodes[fnIndex].start + 80))?.[1];
    return callbackOverBatches(receiver, parameter);
  }

  /**
   * A loop over pages, not items (apollo's `while (hasMore) { List<M> page = repo.findFirst500ByIdGreaterThan(id); …
   * hasMore = page.size() == 500; }`, `while (true) { const page = await db.x.findMany({ take: 100, cursor }); if
   * (!page.length) break; … }`): no collection to run over, a read of one bounded page, and an end when a page comes
   * back short or empty. Each turn reads the next page: the table is read once, in bounded pieces, which is what
   * paging is for. (A loop over a page's items inside it is a loop of its own.)
   */
  private isPagingLoop(n: Scanned): boolean {
    if (this.followsNextLink(n) || this.drainsUntilEmpty(n)) return true;
    const body = this.text.slice(n.start, n.end);
    // A token the answer gives copied into the next request, in a loop left when there is none (onyx's Vespa visits:
    // `params["continuation"] = data["continuation"]` … `else: break`).
    if (UNCONDITIONED.test(body) && /\bbreak\b/.test(body) && CONTINUATION_COPIED.test(body)) return true;
    // Python: each page read by the loop's condition, which ends on an empty one, the next asked for in the body
    // (onyx's Discourse connector: `while topic_ids := self._get_latest_topics(start, end, page): … page += 1`).
    if (/^while\s+\(?\s*\w+\s*:=\s*(?:await\s+)?[\w.]+\s*\(/.test(body) && PAGE_ADVANCE.test(body)) return true;
    const read = PAGE_READ.exec(body);
    // A loop with no condition of its own that stops on an empty read (dolphinscheduler's `while (true) { list =
    // mapper.queryByCode(code, 100); if (CollectionUtils.isEmpty(list)) break; … delete them }`) drains in batches,
    // whatever bounds the read: it would never end otherwise.
    // (Not one that reads a single row a turn, `findFirstByDoneFalse()`, `take: 1`: that is a query per item.)
    if (!read && !PAGE_ADVANCE.test(body) && !(UNCONDITIONED.test(body) && !ONE_ROW_READ.test(body))) return false;
    // The page: a value the loop assigns from a call (`page = …`, `rows, err := …`, `List<M> page =\n repo.find…`), or
    // one the read fills in (GORM's `Find(&rows)`).
    const pages = new Set<string>();
    // (Go may return more: `list, total, err := repo.GetPage(ctx, page, size)`.)
    // (Also through optional chaining: n8n's strapi-utils `responseData = response?.data?.data?.map((item) => …)`.)
    for (const m of body.matchAll(/(\w+)(?:\s*,\s*\w+){0,2}\s*:?=\s*\(?\s*(?:await\s+)?[\w$.]+(?:\?\.[\w$.]+)*\s*[.(]/g)) pages.add(m[1]);
    // (Or taken out of what the call returns: teable's `const { records } = await getRecords(id, { take: 1000, skip })`.)
    for (const m of body.matchAll(/\{\s*(\w+)\s*(?:,[^{}=]*)?\}\s*=\s*(?:await\s+)?[\w$.]+(?:\?\.[\w$.]+)*\s*[.(]/g)) pages.add(m[1]);
    const filled = read && /&(\w+)/.exec(body.slice(read.index, read.index + 120))?.[1];
    if (filled) pages.add(filled);
    // Go: a page a call fills in whatever it reads (alist's drivers: `var resp ListResp; _, err := d.get("/api/list",
    // params, &resp)`, then `if len(resp.List) == 0 { break }`).
    if (this.spec.family === 'go') for (const m of body.matchAll(/[(,]\s*&(\w+)\s*\)/g)) pages.add(m[1]);
    return [...pages].some((page) => this.endsOnShortPage(body, page)) || (!!PAGE_ADVANCE.exec(body) && LAST_PAGE.test(body));
  }

  /**
   * A loop that goes on while the link or token to the next page is set, taking it from the page it read (postiz's
   * Graph API pages: `while (url) { const r = await (await fetch(url)).json(); …; url = r.paging?.next; }`, `do { …;
   * token = data.nextPageToken; } while (token)`, Go's `for next != "" { … }`, or a has-more flag the page gives,
   * alist's Dropbox `for hasMore { …; hasMore = resp.HasMore }`): the other side says where the list ends.
   * Not a cursor's step, `more = rows.Next()`, which goes row by row.
   */
  private followsNextLink(n: Scanned): boolean {
    const node = n.node;
    const head = node.childForFieldName('condition') ?? (n.type === 'for_statement' && this.spec.family === 'go' ? node.namedChild(0) : null);
    const body = this.text.slice(n.start, n.end);
    const setFromNext = (name: string) =>
      new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*:?=\\s*[^;\\n]*?(?:(?:\\?\\.|\\.|\\[['"]|\\(\\s*['"])(?:next|Next|[hH]as_?[mM]ore\\b|[hH]as_?[nN]ext|[iI]s_?[tT]runcated\\b)\\w*(?!\\s*\\()|\\b[nN]ext_?(?:[pP]age|[cC]ursor|[tT]oken|[lL]ink|[uU]rl)\\w*)`).test(body);
    // `while True: … url = response['next'] … if not url: break` (wger's get_all_paginated): the same, ended inside.
    if ((!head || head.type === 'block' || /^\(?\s*(?:True|true|1)\s*\)?$/.test(head.text)) && UNCONDITIONED.test(body)) {
      // (Also with a comment before the break, rotki's Coinbase pages: `if not next_uri:\n # … we are done\n break`.)
      const ended = /\bif\s*\(?\s*(?:not\s+|!\s*)([A-Za-z_$][\w$]*)\s*\)?\s*:?\s*\{?\s*(?:(?:#|\/\/)[^\n]*\n\s*)*(?:break|return)\b|\bif\s+([A-Za-z_$][\w$]*)\s*(?:==\s*(?:""|nil)|is\s+None)\s*:?\s*\{?\s*(?:(?:#|\/\/)[^\n]*\n\s*)*(?:break|return)\b/.exec(body);
      const name = ended?.[1] ?? ended?.[2];
      if (name && setFromNext(name)) return true;
      // …or ended when the answer has no links, the next one read from them (onyx's Guru connector: `if not
      // response.links: break` then `current_url = response.links["next-page"]["url"]`).
      const links = /\bif\b[^:\n]*\bnot\s+([A-Za-z_]\w*\.links)\s*:\s*break\b/.exec(body)?.[1];
      return !!links && new RegExp(`=\\s*${links.replace('.', '\\.')}\\[\\s*['"]next`).test(body);
    }
    if (!head || head.type === 'for_clause' || head.type === 'range_clause' || head.type === 'block') return false;
    const condition = /^\(?\s*([A-Za-z_$][\w$]*)(?:\s*!==?\s*(?:""|''|nil|null|undefined)|\s+is\s+not\s+None)?\s*\)?$/.exec(head.text)?.[1];
    if (condition) return setFromNext(condition);
    // The next page's token kept in the page the loop reads again each turn (Flowise's Airtable loader: `do { response =
    // await fetchPage(data); data.offset = response.offset; } while (response.offset !== undefined)`).
    const member = /^\(?\s*([A-Za-z_$][\w$]*)\??\.([\w$]+)(?:\s*!==?\s*(?:""|''|nil|null|undefined)|\s+is\s+not\s+None)?\s*\)?$/.exec(head.text);
    return !!member && NEXT_MEMBER.test(member[2]) && new RegExp(`(?<![\\w$.])${member[1].replace(/\$/g, '\\$')}\\s*:?=\\s*(?:await\\s+)?[\\w$.]+\\s*\\(`).test(body);
  }

  /**
   * A loop whose own condition goes on while a batch it reads again each turn is not empty (xxl-job's `do { logIds =
   * mapper.findClearLogIds(…, 1000); mapper.clearLog(logIds); } while (logIds != null && !logIds.isEmpty())`): it
   * drains the table a batch at a time, or would never end. Not a list it only takes items from (`while
   * (!queue.isEmpty()) queue.poll()`).
   */
  private drainsUntilEmpty(n: Scanned): boolean {
    const condition = n.node.childForFieldName('condition')?.text;
    if (!condition) return false;
    const name = NOT_EMPTY.exec(condition);
    const batch = name?.slice(1).find((g) => g);
    if (!batch) return false;
    const body = this.text.slice(n.start, n.end);
    const b = batch.replace(/\$/g, '\\$');
    // Read again by a call, not made from itself (`ids = ids.filter(…)`, `rows = rows.slice(1)`: the same list, shorter).
    return new RegExp(`(?<![\\w$.])${b}\\s*=\\s*(?:await\\s+)?(?!${b}\\s*\\.)(?:this\\.)?[\\w$.]+\\s*\\(`).test(body);
  }

  /** The loop's end is set from the page's size, or it breaks on an empty or short page. */
  private endsOnShortPage(body: string, page: string): boolean {
    // Python: also the list the page holds, `len(stories['data'])` (taiga's Pivotal importer), against a size the page
    // says itself (its Jira importer's `< issues['maxResults']`).
    // (Go: also through a pointer, `len(*response.Recordsets)`.)
    // (Go: or the count the page gives of its items, alist's 189 Cloud `if resp.FileListAO.Count == 0 { break }`.)
    // (JavaScript: also with optional chaining, n8n's strapi-utils `if (!responseData?.length) break`.)
    // Java: also the list a page object holds (MyBatis-Plus' `page.getRecords()`, lilishop's and jeepay's page loops;
    // Spring Data's `page.getContent()`, PageHelper's `pageInfo.getList()`).
    const records = `${page}(?:\\.get(?:Records|Content|List|Items|Rows|Results?|SearchHits)\\(\\))?`;
    const read = `(?:${records}(?:\\.size\\(\\)|\\??\\.length|\\.Count\\(\\))|len\\(\\*?${page}(?:\\[['"]\\w+['"]\\]|\\.\\w+)?\\)${this.spec.family === 'go' ? `|${page}(?:\\.\\w+)*\\.Count\\b(?!\\s*\\()` : ''})`;
    // Also its size kept first (apollo's `int scanned = accessKeys.size(); … hasMore = scanned == 500;`).
    const kept = new RegExp(`\\b(\\w+)\\s*:?=\\s*${read}\\s*[;\\n]`).exec(body)?.[1];
    const size = kept ? `(?:${read}|\\b${kept}\\b)` : read;
    const flag = new RegExp(`\\b\\w+\\s*=\\s*${size}\\s*(?:===?|>=|<=?|!==?)`);
    // A flag cleared on the way out counts (rallly's `if (batch.length === 0) { hasMore = false; break; }`).
    // Or a count of the rows a batch wrote, short of the batch's size (polar's `if updated_count < batch_size: break`).
    const short = `(?<![\\w$])${page}\\s*<\\s*[\\w.]*(?:[bB]atch|BATCH|[sS]ize|SIZE|[lL]imit|LIMIT)\\w*`;
    // Also with another reason to stop beside it (apache/answer's `if len(list) == 0 || total == 0 { break }`).
    // Also with a line the block logs on the way out first (flipt's `if prs == nil || len(*prs) == 0 { logger.Debug(…);
    // return }`).
    const end = new RegExp(`(?:[iI]sEmpty\\(\\s*${records}\\s*\\)|${records}\\.isEmpty\\(\\)|${size}\\s*(?:===?\\s*0|<\\s*[\\w.]+(?:\\[['"]\\w+['"]\\])?)|${short}|\\bnot\\s+${page}|!\\s*${page}(?:\\??\\.length)?)(?:\\s*(?:\\|\\||\\bor\\b)[^{:\\n]*)?\\s*\\)?\\s*:?\\s*\\{?\\s*(?:(?:#|\\/\\/)[^\\n]*\\n\\s*)*(?:[\\w.]+\\s*=\\s*(?:false|true|False|True)\\s*;?\\s*|(?:\\w+\\.)*(?:log|logger|Log|Logger|LOG|LOGGER|slog|console)\\.\\w+\\([^{}]*?\\)\\s*;?\\s*)?(?:break|return)\\b`);
    return flag.test(body) || end.test(body);
  }

  /** Loops that retry (`for attempt in range(3)`) are bounded by attempts, not by data: see retryHazards. */
  readonly retryLoops = new Set<number>();

  private isRetryLoop(i: number): boolean {
    const n = this.nodes[i];
    if (n.type.includes('comprehension') || n.type === 'generator_expression') return false;
    // (Go's `:=` is no end of the header: `for i := retryTimes; i > 0; i--`, one-api's relay retries.)
    const header = this.text.slice(n.start, Math.min(n.end, n.start + 160)).split(this.spec.family === 'go' ? /[{\n]/ : /[{:\n]/, 1)[0];
    if (!RETRY_HEADER.test(header) && !this.isGoRetryLoop(n) && !this.countsTries(n, header) && !this.triesUntilSuccess(n, header) && !this.triesUntilDeadline(n, header) && !this.retriesOnOneError(n, header)) return false;
    // A loop over rows named for attempts (onyx's `for attempt in active_attempts:`, its IndexAttempt rows) goes over
    // items: only one over a count, or over delays or retries, is named for a retry. (Go ranges over counts by name.)
    if (this.spec.family !== 'go' && RETRY_HEADER.test(header)) {
      const iterable = this.spec.loops[n.type]?.iterable?.(n.node);
      if (iterable && !COUNTED.test(iterable.text) && !/retr(?:y|ies)|backoff|delays?|intervals?/i.test(iterable.text)) return false;
    }
    this.retryLoops.add(i);
    return true;
  }

  /**
   * A loop with no end of its own that counts its tries (healthchecks' Signal transport: `tries_left = 2`, `while
   * True: try: return self.send(…)` … `tries_left -= 1`): a retry, bounded by the count, not a loop over items.
   */
  private countsTries(n: Scanned, header: string): boolean {
    if (!/^(?:while\s*\(?\s*(?:True|true|1)\s*\)?|for\s*\(\s*;\s*;\s*\)|for)\s*$/.test(header.trim())) return false;
    return /\b\w*(?:retr(?:y|ies)|attempts?|tries|try_?(?:count|num|number|no)\b)\w*\s*(?:-=|\+=|--|\+\+|=\s*\w*(?:retr(?:y|ies)|attempts?|tries|try_?(?:count|num|number|no)\b)\w*\s*[-+]\s*1)/i.test(this.text.slice(n.start, n.end));
  }

  /**
   * A loop counted to a number that leaves as soon as its call succeeds (alist's `for i := 0; i < 5; i++ { err =
   * d.doLogin(…); if err == nil { break } }`, `for _ in range(3): try: …; break`): a retry, not a loop over items.
   * Not one counted to a list's length: that tries each item in turn (a failover).
   */
  private triesUntilSuccess(n: Scanned, header: string): boolean {
    // (Go 1.22's range over a count too: alist's Cloudreve driver, `for range 5 { err = d.doLogin(…); … }`.)
    const counted =
      /^for\s*\(?\s*(?:\w+\s+)?(\w+)\s*:?=\s*0\s*;\s*\1\s*<=?\s*(?:\d+|[A-Z][A-Z0-9_]*)\s*;/.test(header) ||
      /^for\s+\w+\s+in\s+range\(\s*(?:\d+|[A-Z][A-Z0-9_]*)\s*\)/.test(header) ||
      (this.spec.family === 'go' && /^for\s+(?:\w+\s*:=\s*)?range\s+(?:\d+|[A-Z][A-Z0-9_]*)\s*$/.test(header.trim()));
    if (!counted) return false;
    const body = this.text.slice(n.start + header.length, n.end);
    switch (this.spec.family) {
      case 'go':
        // (Also after a line or two of its own: `if err == nil { resp.Body.Close(); break }`.)
        return /\bif\s+err\s*==\s*nil\s*\{\s*(?:[^{}\n;]*[;\n]\s*){0,2}(?:break|return)\b/.test(body);
      case 'python':
        // In the `try` block itself, at its statements' indentation: not a `return` in its `except`.
        return /\btry\s*:[^\n]*\n([ \t]+)\S[^\n]*\n(?:\1\S[^\n]*\n){0,3}?\1(?:break|return)\b/.test(body);
      default:
        return /\bif\s*\(\s*(?:!\s*err(?:or)?|err(?:or)?\s*===?\s*null|\w+\.ok|\w+\.isSuccess\w*\(\))\s*\)\s*\{?\s*(?:break|return)\b/.test(body);
    }
  }

  /**
   * A loop that runs until a time and leaves as soon as its call succeeds (Nacos' ServerHttpAgent: `do { … return
   * result; … } while (System.currentTimeMillis() <= endTime)`, `while time.time() < deadline:`, Go's `for
   * time.Now().Before(deadline) {`): tries, one after another, until a deadline; not a loop over items.
   */
  private triesUntilDeadline(n: Scanned, header: string): boolean {
    // Only a loop on a condition: a `for` over items whose header reads a clock (`Job.objects.filter(run_at__lte=
    // timezone.now())`) is still over items. Go's is a `for` with an expression alone (no clauses, no range).
    const go = this.spec.family === 'go' && /^for\s+[^;{]*\{$/.test(header.trim() + '{') && !/\brange\b/.test(header);
    if (n.type !== 'while_statement' && n.type !== 'do_statement' && !go) return false;
    if (!CLOCK.test(this.text.slice(n.start, n.end))) return false;
    const loop = n.node;
    const condition = go ? loop.child(1) : loop.childForFieldName('condition');
    if (!condition || !CLOCK.test(condition.text)) return false;
    // Leaves once done: a return or break of this loop itself, not of a function written in it or an inner loop.
    for (const stop of loop.descendantsOfType(['return_statement', 'break_statement'])) {
      let own = true;
      for (let p = stop?.parent; p && p.id !== loop.id && own; p = p.parent) {
        if (OWN_SCOPE.test(p.type) && (stop!.type === 'break_statement' || !/^(?:for|while|do|enhanced_for|for_in)_statement$|switch|select_statement/.test(p.type))) own = false;
      }
      if (own) return true;
    }
    return false;
  }

  /**
   * Go's bare `for {` that returns once its call succeeds and returns on any error but one it matches: gitness's
   * optimistic locking, `for { dup := *repo; err = s.Update(ctx, &dup); if err == nil { return &dup, nil }; if
   * !errors.Is(err, ErrVersionConflict) { return nil, err }; repo, err = s.Find(ctx, repo.ID) }`. It runs again only
   * on that error: a retry (see retryHazards), not a loop over items.
   */
  private retriesOnOneError(n: Scanned, header: string): boolean {
    if (this.spec.family !== 'go' || header.trim() !== 'for') return false;
    const body = this.text.slice(n.start + header.length, n.end);
    return GO_LEAVES_ON_SUCCESS.test(body) && GO_LEAVES_ON_OTHER_ERRORS.test(body);
  }

  /**
   * Go's `for { err := try(); if retryable(err) { continue }; return err }`: a loop without a clause whose body
   * ends in a return runs again only on `continue`, as a retry does (not once per item).
   */
  private isGoRetryLoop(n: Scanned): boolean {
    if (this.spec.family !== 'go' || !/^for\s*\{/.test(this.text.slice(n.start, n.start + 8))) return false;
    const body = this.text.slice(n.start, n.end - 1).trimEnd();
    const last = body.slice(body.lastIndexOf('\n') + 1).trim();
    return /^return\b/.test(last) && /\bcontinue\b/.test(body);
  }

  /**
   * Go's `for { select { case <-ctx.Done(): return; case <-ticker.C: }; s.updateStats(ctx) }`: a job that runs on a
   * timer, once per tick; `for { msg := <-manager.messages; db.CreateMessage(msg) }`: a consumer, once per event.
   * Neither multiplies one request's work by its items.
   */
  private isPeriodicLoop(n: Scanned): boolean {
    const head = this.text.slice(n.start, n.start + 12);
    if (this.spec.family === 'go') {
      // `for range ticker.C { rs.Store.PurgeExpiredToken() }` (dhax/go-base's chores), `for t := range time.Tick(d)`.
      const opening = this.text.slice(n.start, Math.min(n.end, n.start + 120));
      if (TICKS.test(opening)) return true;
      // `for payload := range asyncPostQueue` over a channel the file makes (memos' webhook workers), or one a
      // subscription gives (wakapi's event bus, `for m := range sub.Receiver`; go-redis' `pubsub.Channel()`, amqp's
      // `msgs, _ := ch.Consume(…)`): once per message.
      const ranged = /^for\s+(?:[\w, ]+:?=\s*)?range\s+([\w.]+(?:\(\))?)\s*\{/.exec(opening)?.[1];
      if (ranged && this.isMessageSource(ranged) && !this.consumesFedItems(n, ranged)) return true;
      if (!/^for\s*\{/.test(head)) return this.goPollsWithClauses(n);
      const body = this.text.slice(n.start, n.end);
      return RECEIVES.test(body) || SLEEP.test(body);
    }
    // `while (alive) { Thread.sleep(pollMs); poll(); }` (bank-of-anthos's ledger reader): once per period, not per item.
    if (n.type !== 'while_statement' && n.type !== 'do_statement' && !/^for\s*\(\s*;\s*;/.test(head)) return false;
    const body = this.text.slice(n.start, n.end);
    return SLEEP.test(body) || QUEUE_TAKE.test(body) || (this.spec.family === 'python' && this.pySleepsThrough(body, 2, pyClassOf(n.node)));
  }

  /**
   * Python: a pause of the project's own, by its name (rotki's `cancellable_sleep(10)`, gevent's `gevent.sleep(1)`),
   * or a call of a function or method of the file that pauses, `depth` calls down (rotki's `backoff =
   * self._handle_rate_limit(…)`, which calls `cancellable_sleep` and returns the doubled backoff; freqtrade's daemon,
   * `while True: state = self._worker(…)`, whose `_worker` calls `self._throttle(…)`, which sleeps).
   */
  private pySleepsThrough(text: string, depth: number, cls: number): boolean {
    const defs = this.pyFunctionSpans();
    for (const m of text.matchAll(/(?<![\w.])(gevent\.)?(self\.|cls\.)?([A-Za-z_]\w*)\s*\(/g)) {
      const name = m[3];
      // `self.x(` and `cls.x(` call the enclosing class's method, a bare `x(` a function (not another class's method).
      const owner = m[2] ? cls : -1;
      const spans = m[1] || (m[2] && cls < 0) ? undefined : defs.get(name)?.filter((d) => d.cls === owner);
      // One of the project's other modules (or gevent's), by its name; one of the file's, by what its body does.
      if (!spans?.length) {
        if (PY_SLEEP_NAME.test(name)) return true;
        continue;
      }
      if (depth <= 0 && !PY_SLEEP_NAME.test(name)) continue;
      const sleeps = this.memo(`py.sleepsThrough:${depth}:${owner}:${name}`, () =>
        spans.some(({ start, end, cls: inClass }) => {
          // Not one that waits only inside a loop of its own (rotki's `_api_query`, retrying a request on a 429): it
          // waits between its own tries, not once per turn of the caller's loop.
          const body = this.text.slice(start, end);
          return !/^[ \t]*(?:async[ \t]+)?(?:while|for)\b/m.test(body) && (SLEEP.test(body) || (depth > 0 && this.pySleepsThrough(body, depth - 1, inClass)));
        }),
      );
      if (sleeps) return true;
    }
    return false;
  }

  /** The file's Python functions and methods by name (read from the scan: loops are judged before `functions` is whole). */
  private pyFunctionSpans(): ReadonlyMap<string, PyFunctionSpan[]> {
    return this.memo('py.functionSpans', () => {
      const out = new Map<string, PyFunctionSpan[]>();
      for (const n of this.nodes) {
        if (n.type !== 'function_definition') continue;
        const name = /^(?:async\s+)?def\s+([A-Za-z_]\w*)/.exec(this.text.slice(n.start, n.start + 120))?.[1];
        if (name) out.set(name, [...(out.get(name) ?? []), { start: n.start, end: n.end, cls: pyOwnerClass(n.node) }]);
      }
      return out;
    });
  }

  /**
   * Go's while, `for cond {`, and a `for` of three clauses that sleeps, as a `while` loop does in other languages: dtm's
   * cron, `for i := 0; i < num || num == -1; i++ { …; time.Sleep(…) when idle }` (forever when num is -1), a wait until
   * the database answers, `for err := ping(); err != nil; err = ping() { time.Sleep(3 * time.Second) }`. Once per
   * period, not per item; but not a loop that steps through a list at that pace, `i < len(ids)` or `ids[i]`.
   */
  private goPollsWithClauses(n: Scanned): boolean {
    const first = n.node.namedChild(0);
    if (!first || first.type === 'range_clause' || first.type === 'block' || first.text.includes('len(')) return false;
    // (Not a cursor's or scanner's step, `for rows.Next() {`, `for sc.Scan() {`: a row or line per turn, however slowly.)
    if (/\.(?:Next|Scan|NextResultSet)\s*\(/.test(first.text)) return false;
    const body = this.text.slice(n.start, n.end);
    if (!SLEEP.test(body)) return false;
    if (first.type !== 'for_clause') return true;
    const declared = /^([\w, ]+):?=/.exec(first.childForFieldName('initializer')?.text ?? '')?.[1].split(',') ?? [];
    return !declared.some((d) => d.trim() !== '_' && new RegExp(`\\[\\s*${d.trim()}\\b`).test(body));
  }

  /**
   * Go: a worker of a pool draining a channel that its own function fills from a loop over items (glance's
   * `workerPoolDo`: `for range job.workers { go func() { for t := range tasksQueue { job.task(t.input) } }() }`, then
   * `for i := range job.data { tasksQueue <- … }`): once per item of the request, the workers side by side (its loop
   * is parallel: fedConsumers). Not a channel fed from elsewhere, one message at a time.
   */
  private consumesFedItems(n: Scanned, channel: string): boolean {
    if (!/^\w+$/.test(channel)) return false;
    let started = false;
    let fn: Node | null = n.node.parent;
    for (; fn && fn.type !== 'function_declaration' && fn.type !== 'method_declaration'; fn = fn.parent) {
      if (fn.type === 'func_literal' && fn.parent?.type === 'call_expression' && fn.parent.parent?.type === 'go_statement') started = true;
    }
    if (!started || !fn) return false;
    for (const send of fn.descendantsOfType('send_statement')) {
      if (send?.childForFieldName('channel')?.text !== channel) continue;
      for (let p = send.parent; p && p.id !== fn.id; p = p.parent) {
        if (p.type !== 'for_statement') continue;
        const clause = p.namedChildren[0];
        const over = clause?.type === 'range_clause' ? clause.childForFieldName('right')?.text : undefined;
        // (Not fed a value a tick or a message: a loop over a ticker, `time.Tick(d)` or a channel, or a bare `for {`
        // that waits on one or sleeps, as isPeriodicLoop reads them. Only a range over items feeds items.)
        const opening = this.text.slice(p.startIndex, Math.min(p.endIndex, p.startIndex + 120));
        if (TICKS.test(opening) || (over !== undefined && this.isMessageSource(over)) || (/^for\s*\{/.test(opening) && (RECEIVES.test(p.text) || SLEEP.test(p.text)))) break;
        if (over === undefined || over === channel || /^\d+$/.test(over)) continue;
        this.fedConsumers.add(n.start);
        return true;
      }
    }
    return false;
  }

  /** Starts of the loops consumesFedItems found: a pool's workers run them side by side. */
  private readonly fedConsumers = new Set<number>();

  /**
   * What a Go loop ranges over is a stream of messages: a channel the file makes or declares (`q = make(chan T, n)`,
   * `events chan Event`, `in <-chan T`), a subscription's (`sub.Receiver`, `pubsub.Channel()`), or a name a consumer
   * call gives (`msgs, err := ch.Consume(…)`, `ch := pubsub.Channel()`). (Not `x.Messages()`: often a slice.)
   */
  private isMessageSource(ranged: string): boolean {
    const last = ranged.slice(ranged.lastIndexOf('.') + 1);
    if (ranged.includes('.') && /^(?:Receiver|Channel\(\))$/.test(last)) return true;
    if (last.endsWith(')')) return false;
    return this.memo(`chan:${last}`, () =>
      (this.words.has('chan') && new RegExp(`\\b${last}\\s*(?::?=\\s*make\\(\\s*(?:<-\\s*)?chan\\b|(?:<-\\s*)?chan\\b)`).test(this.text)) ||
      new RegExp(`\\b${last}\\s*(?:,\\s*\\w+\\s*)?:?=\\s*[\\w.]+\\.(?:Consume|Channel|GetUpdatesChan)\\(`).test(this.text),
    );
  }

  /**
   * `for i := 0; i < config.Concurrency; i++ { go s.worker() }`, `for _ in range(num_workers): Thread(…).start()`,
   * memos' `for range 4 { go func() {…} }`: a loop as long as a pool's size, each turn starting a worker. What a
   * worker does per task is its own loop's.
   */
  private startsWorkerPool(n: Scanned): boolean {
    const open = this.text.slice(n.start, Math.min(n.end, n.start + 200));
    const header = open.slice(0, open.search(/[{:]\s*\n|\{|$/));
    if (!WORKER_COUNT.test(header) && !FIXED_COUNT.test(header) && !MAX_COUNT.test(header.trim())) return false;
    return WORKER_START.test(this.text.slice(n.start + header.length, n.end));
  }

  /**
   * A migration or seed runner (`func (db *DB) migrate() error { for _, name := range names { … } }`, also named for
   * what it does first, paperless-ngx's `check_and_run_migrations`, `applyPendingMigrations`): a deploy step.
   */
  private inMigration(i: number): boolean {
    for (let f = this.functionOf[i]; f >= 0; f = this.functions[f].outer) {
      const name = this.functions[f].name;
      if (name && /(?:^|_|[a-z])[Mm]igrat(e|es|ion|ions)(_?[A-Z_]\w*)?$|^[Ss]eed(s|_?[A-Z_]\w*)?$/.test(name)) return true;
    }
    return false;
  }

  /**
   * A loop over the statements of a SQL script split at its semicolons, running each (dtm's RunSQLScript, a schema file
   * run once: `sqls := strings.Split(string(content), ";")`, then `s := strings.TrimSpace(sql)` and
   * `dtmimp.DBExec(conf.Driver, con, s)` for each; `for stmt in sql.split(';'): cursor.execute(stmt)`): one-time set-up,
   * as a migration runner's loop is. Only when the item is the query's text: ids written with semicolons between them
   * are still items.
   */
  private runsScriptStatements(i: number, n: Scanned, iterable: Node | null | undefined): boolean {
    // (Most files split nothing at a semicolon: known once per file.)
    if (!iterable || !this.memo('splitsAtSemicolons', () => this.mentions('";') || this.mentions("';") || this.mentions('sqlparse'))) return false;
    if (!SCRIPT_SPLIT.test(iterable.text) && !this.keepsScriptSplit(i, iterable.text)) return false;
    const item = loopVariable(n.node);
    if (!item) return false;
    const body = this.text.slice(n.start, n.end);
    // The item, or a name the loop sets from it (`s := strings.TrimSpace(stmt)`, `stmt = stmt.strip()`).
    const names = new Set([item]);
    for (const m of body.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)\s*:?=(?!=)\s*([^\n;]*)/g)) {
      if ([...names].some((name) => new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(m[2]))) names.add(m[1]);
    }
    return [...names].some((name) => new RegExp(`${RUNS_TEXT}${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(body));
  }

  /**
   * The loop's iterable is a name its function set to a script's split before it (`stmts := strings.Split(schema,
   * ";")`, `const statements = sql\n  .split(';')`): from the file's splits, found once, not a search of the function.
   */
  private keepsScriptSplit(i: number, name: string): boolean {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) return false;
    const splits = this.memo('scriptSplits', () => [...this.text.matchAll(new RegExp(SCRIPT_SPLIT.source, 'g'))].map((m) => m.index!));
    const f = this.functionOf[i];
    const from = f >= 0 ? this.nodes[this.functions[f].index].start : this.span.start;
    const kept = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*(?::[^=\\n]+|:)?=(?!=)\\s*[^=\\n]*(?:\\n\\s*)?$`);
    for (let k = firstAtOrAbove(splits, from); k < splits.length && splits[k] < this.nodes[i].start; k++) {
      if (kept.test(this.text.slice(Math.max(from, splits[k] - 160), splits[k]))) return true;
    }
    return false;
  }

  /** `[a, b].forEach(…)`: the receiver when it is written as a literal. */
  private receiverLiteral(callIndex: number): Node | null {
    const text = this.text.slice(this.nodes[callIndex].start, this.nodes[callIndex].start + 1);
    if (text !== '[' && text !== '(') return null;
    const fn = this.nodes[callIndex].node.childForFieldName('function');
    return fn?.childForFieldName('object') ?? null;
  }

  /**
   * The node's value is kept in a variable that the function then hands to Promise.all / asyncio.gather
   * (`const tasks = tokens.map((t) => revoke(t)); await Promise.allSettled(tasks)`): the same fan-out, in two steps.
   */
  private feedsParallelWrapper(i: number): boolean {
    if (!this.namesParallelWrapper()) return false;
    const n = this.nodes[i];
    if (lastNonSpaceBefore(this.text, n.start) !== '=') return false;
    const before = /(?:\b(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)\s*(?::[^=\n]+)?=\s*$/.exec(this.text.slice(Math.max(0, n.start - 80), n.start));
    return !!before && this.handedToParallelWrapper(i, before[1]);
  }

  /** Most files name no wrapper at all: known once per file. */
  private namesParallelWrapper(): boolean {
    return this.memo('parallelWrapperNamed', () => ['Promise.', 'CompletableFuture.', 'gather'].some((w) => this.mentions(w)));
  }

  /** What `name` holds is handed to Promise.all / asyncio.gather after node i, in i's function. */
  private handedToParallelWrapper(i: number, name: string): boolean {
    // (The named function's: a callback fills the list, `keys.forEach(k -> futures.add(…))`, the method waits for it.)
    let fn = this.functionOf[i];
    while (fn >= 0 && !this.functions[fn].name) fn = this.functions[fn].outer;
    const end = fn >= 0 ? this.nodes[this.functions[fn].index].end : this.span.end;
    // (Where the list is handed over, found once per function and name: a loop of thousands of pushes asks each time.)
    const handed = this.memo(`handedToParallel:${end}:${name}`, () => this.handedAt(this.nodes[fn >= 0 ? this.functions[fn].index : 0].start, end, name));
    return handed >= this.nodes[i].end;
  }

  /** Where, between `from` and `end`, `name` is last handed to Promise.all / asyncio.gather / allOf (-1: nowhere). */
  private handedAt(from: number, end: number, name: string): number {
    const after = this.text.slice(from, end);
    // Python: asyncio.gather, or a project's own gather that bounds it (mealie's `gather_with_concurrency(n, *tasks)`).
    // (The last place: a hand-over after the node is one after the node.)
    const at = (re: RegExp) => {
      let last = -1;
      for (const m of after.matchAll(new RegExp(re.source, 'g'))) last = from + m.index! + m[0].length;
      return last;
    };
    if (this.spec.family === 'python') return at(new RegExp(`\\w*gather\\w*\\s*\\([^()]*?(?<![\\w.])\\*?${name}\\b`));
    // (Also any element of the list it is given, `Promise.all([...strategyTasks, ...variantTasks])`.)
    // (An element itself, first or after a comma: not a name inside one, `Promise.all([notify(tasks.length)])`.)
    // (Java hands a list over as an array: `CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))`.)
    const asArray = this.spec.family === 'java' ? '(?:\\s*\\.\\s*toArray\\s*\\([^()]*\\))?' : '';
    return at(new RegExp(`(?:Promise\\.(?:all|allSettled|any|race)|CompletableFuture\\.(?:allOf|anyOf))\\s*\\(\\s*(?:\\[(?:[^\\]]*?,)?\\s*)?(?:\\.\\.\\.)?${name}\\b${asArray}(?!\\s*[.(\\[])`));
  }

  /** Node i is what call `callIndex` pushes onto a list the function then hands to Promise.all. */
  private pushedForParallelWrapper(callIndex: number, i: number): boolean {
    const offset = this.nodes[i].start;
    // (Not a future waited for before it is added: `futures.add(client.putItem(r).join())`.)
    if (this.spec.family === 'java' && /^(?:join|get)$/.test(this.calls.get(i)?.chain.at(-1) ?? '')) return false;
    const call = this.calls.get(callIndex);
    if (!call || call.chain.length !== 2 || call.chain[1] !== (this.spec.family === 'java' ? 'add' : 'push') || !this.inArguments(call, offset) || !this.namesParallelWrapper()) return false;
    return this.handedToParallelWrapper(callIndex, call.chain[0]);
  }

  /**
   * JavaScript: nothing waits for what call i returns in its loop: a statement of its own (`sendWebhook(hook, data);`,
   * `void send(h)`, `send(h).catch(log)`), or what the loop's own arrow callback returns (`hooks.forEach((h) =>
   * send(h))`). When the call starts async work, each turn starts one and goes on.
   */
  dropsResult(i: number, loop: LoopContext): boolean {
    if (this.spec.family !== 'js') return false;
    if (this.notWaitedFor(i)) return true;
    const n = this.promiseChainOf(i);
    const p = n.parent;
    if (!p || p.type !== 'arrow_function' || p.startIndex !== this.nodes[loop.index].start || p.childForFieldName('body')?.startIndex !== n.startIndex) return false;
    // (Not to a method that waits for each before the next: Bluebird's `Promise.mapSeries(items, (i) => send(i))`, a reduce.)
    return !this.waitsForCallbacks(this.nodes[loop.index].parent);
  }

  /** Call i with the promise handlers chained on it: `send(h).then(…).catch(log)`. */
  private promiseChainOf(i: number): Node {
    let n = this.nodes[i].node;
    for (let p = n.parent; p?.type === 'member_expression' && PROMISE_HANDLERS.has(p.childForFieldName('property')?.text ?? '') && p.parent?.type === 'call_expression'; p = n.parent) n = p.parent;
    return n;
  }

  /** JavaScript: call i is a statement of its own, nothing waits for it: `sendWebhook(hook, data);`, `void send(h)`, `send(h).catch(log);`. */
  private notWaitedFor(i: number): boolean {
    if (this.spec.family !== 'js') return false;
    const p = this.promiseChainOf(i).parent;
    return p?.type === 'expression_statement' || (p?.type === 'unary_expression' && p.text.startsWith('void'));
  }

  /**
   * JavaScript: function f is async, or says Promise or `.then(` in its text (`new Promise(…)`, a `Promise<T>` it
   * returns): what it returns may be a promise of work still going on. (From the words' offsets, not its text.)
   */
  mayPromise(f: number): boolean {
    if (this.spec.family !== 'js') return false;
    if (this.functions[f].async) return true;
    const n = this.nodes[this.functions[f].index];
    const offsets = this.offsetsOfWords('promises', ['Promise', '.then(']);
    const k = firstAtOrAbove(offsets, n.start);
    return k < offsets.length && offsets[k] < n.end;
  }

  /** Call `callIndex` waits for what each callback returns before the next: `reduce`, Bluebird's `each` and `mapSeries`. */
  waitsForCallbacks(callIndex: number): boolean {
    const chain = this.calls.get(callIndex)?.chain ?? [];
    return chain.at(-1) === 'reduce' || (this.spec.sequentialChains?.test(chain.join('.')) ?? false);
  }

  /**
   * JavaScript: what call i returns is kept in a name pushed onto a list the function then hands to Promise.all (`const
   * p = fetch(url); pending.push(p);` in the loop, then `await Promise.all(pending)`): started on each turn, waited for
   * together, as `pending.push(fetch(url))` is (pushedForParallelWrapper).
   */
  keptForParallelWrapper(i: number, loop: LoopContext): boolean {
    if (this.spec.family !== 'js' || !this.namesParallelWrapper()) return false;
    const n = this.nodes[i];
    if (lastNonSpaceBefore(this.text, n.start) !== '=') return false;
    const name = /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]+)?=\s*$/.exec(this.text.slice(Math.max(0, n.start - 80), n.start))?.[1];
    if (!name) return false;
    // (The pushes after the call in its loop, from the word's offsets: not a search of the loop's text per call.)
    const pushes = this.offsetsOfWords('push(', ['.push(']);
    const end = this.nodes[loop.index].end;
    for (let k = firstAtOrAbove(pushes, n.end); k < pushes.length && pushes[k] < end; k++) {
      const at = pushes[k] + '.push('.length;
      if (!new RegExp(`^\\s*${name.replace(/\$/g, '\\$')}\\s*\\)`).test(this.text.slice(at, at + name.length + 8))) continue;
      const list = /([A-Za-z_$][\w$]*)\s*$/.exec(this.text.slice(Math.max(0, pushes[k] - 60), pushes[k]))?.[1];
      if (list && this.handedToParallelWrapper(i, list)) return true;
    }
    return false;
  }

  /** `async (prev, x) => { await prev; … }`: the callback waits for what its first parameter holds. */
  private awaitsFirstParameter(fnIndex: number): boolean {
    const n = this.nodes[fnIndex];
    const text = this.text.slice(n.start, n.end);
    const first = /^\s*async\s*(?:function\s*\w*\s*)?\(\s*([A-Za-z_$][\w$]*)/.exec(text);
    return !!first && new RegExp(`\\bawait\\s+${first[1]}\\b`).test(text);
  }

  /** The node is (inside) an argument of Promise.all / asyncio.gather / CompletableFuture.allOf. */
  private insideParallelWrapper(i: number): boolean {
    // Java: the stream the callback's method starts, turned into the wrapper's array (`CompletableFuture.allOf(keys
    // .stream().map(k -> client.putItem(…)).toArray(CompletableFuture[]::new))`).
    if (this.spec.family === 'java') {
      for (let p = this.nodes[i].parent; p >= 0 && this.nodes[p].start === this.nodes[i].start && this.calls.has(p); p = this.nodes[p].parent) i = p;
    }
    const a = this.nodes[i].parent;
    const call = a >= 0 ? this.calls.get(a) : undefined;
    if (call) return this.inArguments(call, this.nodes[i].start) && this.spec.parallelWrappers.test(call.chain.join('.'));
    // What a callback of such a mapping returns, written as its body: `Promise.all(caseIds.flatMap((c) =>
    // rowIds.map((r) => post(c, r))))` waits for the inner map's promises too, flattened into the outer's.
    // (Only a mapping, whose promises are the callback's value: not a `reduce` chaining them one after another.)
    if (this.spec.family !== 'js' || a < 0 || !this.roles.fn.has(this.nodes[a].type) || !/^(?:map|flatMap)$/.test(this.calls.get(i)?.chain.at(-1) ?? '')) return false;
    const outer = this.nodes[a].parent;
    const mapping = outer >= 0 ? this.calls.get(outer) : undefined;
    if (!mapping || !/^(?:map|flatMap)$/.test(mapping.chain[mapping.chain.length - 1] ?? '') || !this.inArguments(mapping, this.nodes[a].start)) return false;
    return this.nodes[a].node.childForFieldName('body')?.startIndex === this.nodes[i].start && this.insideParallelWrapper(outer);
  }

  /**
   * `handler.handle().pipe(map(async (data) => …))`: RxJS's operator, handed to an observable's `.pipe()`, runs once per
   * value the stream emits (for a Nest interceptor, once per response), not once per item of a collection. fp-ts's
   * `pipe(items, map(f))` is a function, not a method, and does loop over the array.
   */
  private isStreamOperator(callIndex: number): boolean {
    const outer = this.nodes[callIndex].parent;
    const pipe = outer >= 0 ? this.calls.get(outer) : undefined;
    return !!pipe && pipe.chain.length > 1 && pipe.chain[pipe.chain.length - 1] === 'pipe' && this.inArguments(pipe, this.nodes[callIndex].start);
  }

  /**
   * JavaScript: the names the file imports Effect's or fp-ts's modules of one value under (`import { Effect } from
   * "effect"`, `import * as TE from "fp-ts/TaskEither"`): their `map` and `flatMap` sequence one computation, they are
   * no loop over items (openstatus' `fetcher.fetchIncidents(entry).pipe(Effect.flatMap((incidents) => …))`).
   */
  private singleValueModules(): ReadonlySet<string> {
    return this.memo('js.singleValueModules', () => {
      const out = new Set<string>();
      if (!this.mentions('effect') && !this.mentions('fp-ts')) return out;
      for (const i of moduleFacts(this.words, 'js').imports) {
        if (!SINGLE_VALUE_PACKAGE.test(i.module)) continue;
        const module = i.imported === '*' ? i.module.replace(/\.js$/, '').split('/').pop()! : i.imported;
        if (SINGLE_VALUE_MODULE.test(module)) out.add(i.local);
      }
      return out;
    });
  }

  /** A position inside the call's own argument list (not its callee). */
  private inArguments(call: CallInfo, offset: number): boolean {
    return call.argsStart >= 0 && offset > call.argsStart && offset < call.argsEnd;
  }

  /**
   * The members of an enum, fixed in the code: Java's `Status.values()`, a Python `Enum` class iterated itself
   * (dispatch's `for reason in CaseResolutionReason:`, a class the module declares on an Enum or imports: iterating a
   * class object takes an enum's metaclass), TypeScript's `Object.values(Role)` of an `enum Role` the file declares.
   */
  private overEnumMembers(iterable: Node): boolean {
    const text = iterable.text;
    switch (this.spec.family) {
      case 'java':
        return /^[A-Z]\w*(?:\.[A-Z]\w*)*\.values\(\)$/.test(text);
      case 'python': {
        if (iterable.type !== 'identifier') return false;
        const isEnum = (name: string) =>
          this.memo(`enum:${name}`, () =>
            new RegExp(`^class\\s+${name}\\s*\\([^)]*\\b(?:Enum|IntEnum|StrEnum|Flag|IntFlag|TextChoices|IntegerChoices)\\b|^(?:from\\s+\\S+\\s+)?import\\s+(?:\\([\\w\\s,]*?|[\\w ,]*?)\\b${name}\\b`, 'm').test(this.text),
          );
        if (/^[A-Z][a-z]\w*$/.test(text)) return isEnum(text);
        // A module constant made of an enum's members (polar's `QUEUE_NAMES = {queue.value for queue in TaskQueue}`,
        // `list(TaskQueue)`): as many.
        if (!/^[A-Z][A-Z0-9_]*$/.test(text)) return false;
        const made = new RegExp(`^${text}\\s*(?::[^=\\n]+)?=\\s*(?:[\\[{(]\\s*[\\w.]+\\s+for\\s+\\w+\\s+in\\s+([A-Z][a-z]\\w*)\\s*[\\]})]|(?:list|set|tuple|frozenset)\\(\\s*([A-Z][a-z]\\w*)\\s*\\))\\s*$`, 'm').exec(this.text);
        return !!made && isEnum(made[1] ?? made[2]);
      }
      case 'js':
        return (iterable.type === 'identifier' || iterable.type === 'call_expression') && this.jsConstantMembers(text);
      default:
        return false;
    }
  }

  /**
   * JavaScript: what `text` (a name, or `Object.values(X)`) lists is fixed by the code: an enum's members, declared here
   * or imported (ghostfolio's Prisma enum, `Object.values(DataSource)`), also kept in a constant first (`const
   * dataSources = Object.values(DataSource)`), or an object written out at the top of the module (`const DataSource = {
   * YAHOO: 'YAHOO', … }`); or a constant another module exports (documenso's `TEAM_INTERNAL_GROUPS`).
   */
  private jsConstantMembers(text: string): boolean {
    const members = (name: string) =>
      this.memo(`enum:${name}`, () => new RegExp(`^(?:export\\s+)?(?:declare\\s+)?(?:const\\s+)?enum\\s+${name}\\b|^(?:export\\s+)?const\\s+${name}\\s*(?::[^=\\n]+)?=\\s*(?:Object\\.freeze\\(\\s*)?\\{`, 'm').test(this.text)) || this.imports(name);
    const name = /^Object\.(?:values|keys|entries)\(\s*([A-Z]\w*)\s*\)$/.exec(text)?.[1];
    if (name) return members(name);
    if (/^[A-Z][A-Z0-9_]*$/.test(text)) return this.imports(text);
    if (!/^[A-Za-z_$][\w$]*$/.test(text)) return false;
    // (Read once per file: asked per loop, a search of the whole text made a long handler's analysis quadratic.)
    const kept = this.memo('js.enumsKept', () => {
      const out = new Map<string, string>();
      if (this.mentions('Object.')) for (const m of this.text.matchAll(ENUM_KEPT)) if (!out.has(m[1])) out.set(m[1], m[2]);
      return out;
    }).get(text);
    return kept !== undefined && members(kept);
  }

  /**
   * The JavaScript module imports `name` from another, as its default or by name (`import name from …`, `import { name }
   * from …`, `const { name } = require(…)`); not as a module's namespace (`import * as A`: fp-ts's `A.map(…)` is a loop).
   */
  imports(name: string): boolean {
    return this.memo('js.importedNames', () => new Set(moduleFacts(this.words, 'js').imports.filter((i) => i.imported !== '*').map((i) => i.local))).has(name);
  }

  isSmallLiteral(node: Node): boolean {
    const n = this.literalItems(node);
    return n >= 0 && n <= SMALL_LITERAL;
  }

  /** How many items a collection literal lists, or -1 when the node is none (or spreads another into it). */
  private literalItems(node: Node): number {
    const type = node.type;
    // Comments between the items are named children too (shiori's `` `PRAGMA cache_size=-2000`, // Use 2MB ``).
    const items = (list: Node) => list.namedChildren.filter((c) => c !== null && !c.type.includes('comment'));
    if (type === 'composite_literal') {
      const body = node.childForFieldName('body');
      return body ? items(body).length : -1;
    }
    if (type === 'method_invocation') {
      // Java: List.of("a", "b"), Arrays.asList(…), Set.of(…)
      const chain = (calleeChain(node.text.slice(0, Math.max(0, node.text.indexOf('(')))) ?? []).join('.');
      if (!/^(List|Set|Arrays|Stream)\.(of|asList)$/.test(chain)) return -1;
      const args = node.childForFieldName('arguments');
      return args ? items(args).length : -1;
    }
    if (!this.spec.literalTypes.has(type)) return -1;
    const listed = items(node);
    return listed.some((c) => c && this.spec.spreadTypes.has(c.type)) ? -1 : listed.length;
  }

  /**
   * The iterable is a variable the function set to a small literal just for this (shiori's `pragmas := []string{…}`
   * then `for _, pragma := range pragmas`): declared with such a value, and between there and the loop only set to
   * another (miniflux's `urls := []string{websiteURL}`, then `urls = []string{websiteURL, rootURL}` when the root
   * differs), read by index (`rootURL != urls[0]`), or added to by statements that run once each, in no loop
   * (shiori's `imageURLs = append(imageURLs, article.Image)` and once more for the favicon): it holds a few items.
   * Or, not set in the function at all, a module's constant list of a few (vikunja's `var licenseServers = []string{…}`).
   */
  private namesSmallLiteral(loop: number, iterable: Node): boolean {
    if (iterable.type !== 'identifier') return false;
    const name = iterable.text;
    const fn = this.functionOf[loop];
    const from = fn >= 0 ? this.nodes[this.functions[fn].index].start : this.span.start;
    const before = this.text.slice(from, this.nodes[loop].start);
    const mentions = wholeNameOffsets(this.words, name, from, this.nodes[loop].start, 8);
    if (mentions?.length === 0) return fn >= 0 && this.moduleSmallLiteral(name, new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'));
    if (!mentions) return false;
    let items = -1;
    // Go's `var rows []T` and no append before the loop: filled some way this does not follow (`db.Find(&rows)` is one).
    let unfilled = false;
    for (let k = 0; k < mentions.length; k++) {
      const offset = mentions[k];
      const after = before.slice(offset + name.length, offset + name.length + 40);
      // A read of one element (`urls[0]`), not a write to one (`urls[2] = x` may grow a JavaScript array).
      if (/^\s*\[[^\]\n]+\](?!\s*=(?!=))/.test(after)) continue;
      const appended = items >= 0 ? APPENDS_ONE[this.spec.family].exec(before.slice(offset, offset + 2 * name.length + 40)) : null;
      if (appended && (this.spec.family !== 'go' || appended[1] === name) && !this.inLoopAt(from + offset)) {
        items++;
        unfilled = false;
        if (this.spec.family === 'go') k++; // `append(imageURLs, …)`: the second mention is the same statement's
        continue;
      }
      const set = this.smallLiteralSet(before, from, offset, name, loop);
      if (set < 0 && set !== DECLARED_EMPTY) return false;
      unfilled = set === DECLARED_EMPTY;
      items = Math.max(items, unfilled ? 0 : set);
    }
    return items >= 0 && items <= SMALL_LITERAL && !unfilled;
  }

  /** Inside a loop found so far (those written before `offset` are, in document order). */
  private inLoopAt(offset: number): boolean {
    return this.loops.some((l) => this.nodes[l.index].start <= offset && offset < this.nodes[l.index].end);
  }

  /**
   * A name declared at the module's top level as a literal list of a few, and never changed in the file: no other
   * assignment, append or push.
   */
  private moduleSmallLiteral(name: string, word: RegExp): boolean {
    return this.memo(`moduleLiteral:${name}`, () => {
      // At the start of a line (Go's also in a `var ( … )` block): a top-level statement.
      const indent = this.spec.family === 'go' ? '[ \\t]*' : '';
      const declaration = new RegExp(`^${indent}(?:(?:var|const|let|export\\s+const)\\s+)?${name.replace(/\$/g, '\\$')}\\s*(?::[^=\\n]+|\\[\\]\\w+\\s*)?=\\s*`, 'm').exec(this.text);
      if (!declaration) return false;
      const at = declaration.index + declaration[0].length;
      let value: Node | null = this.tree.rootNode.descendantForIndex(at);
      while (value?.parent && value.parent.startIndex === at) value = value.parent;
      if (value?.type === 'expression_list' && value.namedChildCount === 1) value = value.namedChild(0);
      if (!value || value.startIndex !== at || !this.isSmallLiteral(value)) return false;
      const changes = new RegExp(`${word.source}\\s*(?:=(?!=)|\\[[^\\]\\n]*\\]\\s*=(?!=)|\\.(?:append|push|add|extend|insert|unshift|splice)\\()`, 'g');
      return ![...this.text.matchAll(changes)].some((m) => m.index < declaration.index || m.index >= at);
    });
  }

  /**
   * The items of the small literal the mention at `offset` (in `before`, from `from`) sets the name to, -1 for none,
   * DECLARED_EMPTY for Go's `var xs []T`.
   */
  private smallLiteralSet(before: string, from: number, offset: number, name: string, loop: number): number {
    // A declaration or an assignment as a statement of its own, not a parameter's default (`def f(items=(…))`).
    const lineStart = before.lastIndexOf('\n', offset) + 1;
    if (!DECLARATION_START[this.spec.family].test(before.slice(lineStart, offset))) return -1;
    // Go's `var imageURLs []string`: declared empty.
    if (this.spec.family === 'go' && /^\s*\[\]\*?[\w.]+\s*(?:\n|;|$)/.test(before.slice(offset + name.length, offset + name.length + 60)) && /\bvar\s+$/.test(before.slice(lineStart, offset))) return DECLARED_EMPTY;
    const declared = DECLARED_AS[this.spec.family].exec(before.slice(offset + name.length));
    if (!declared) return -1;
    const at = from + offset + name.length + declared[0].length;
    // The whole value: the largest node starting there (`[a, b].concat(more)` is no literal), out of Go's list of one.
    let value: Node | null = this.tree.rootNode.descendantForIndex(at);
    while (value?.parent && value.parent.startIndex === at && value.parent.endIndex <= this.nodes[loop].start) value = value.parent;
    if (value?.type === 'expression_list' && value.namedChildCount === 1) value = value.namedChild(0);
    return value && value.startIndex === at ? this.literalItems(value) : -1;
  }

  /**
   * A loop that follows an HTTP redirect on each turn (linkwarden's safeFetch, `for (let redirectCount = 0; redirectCount
   * <= maxRedirects; redirectCount++) { … fetch(current) … }`): each request needs the one before's `Location`, and the
   * count is bounded by the client's limit, not by the data. (Its request's timeout is still asked.)
   */
  private followsRedirects(n: Scanned, iterable: Node | null | undefined): boolean {
    // (Most files say neither word: known once per file.)
    if (iterable || !this.memo('redirectWords', () => this.mentions('edirect') || this.mentions('ocation'))) return false;
    const body = n.node.childForFieldName('body');
    const header = this.text.slice(n.start, body ? body.startIndex : Math.min(n.end, n.start + 200));
    if (!/^(?:for|while)\b/.test(header)) return false;
    // Counted to a limit of redirects, or reading each answer's `Location` to ask for it next.
    return REDIRECT_LIMIT.test(header) || LOCATION_READ.test(this.text.slice(header.length + n.start, n.end));
  }

  /**
   * A loop counted up to a literal of at most three, as a literal list of three items is (asked after isRetryLoop,
   * which records the retries that retry-without-backoff reads): `for i := 0; i < 3; i++`
   * (alist's drivers try an API call three times that way), `for (let i = 0; i <= 1; i++)`, Python's `range(3)`.
   */
  private countsToFew(n: Scanned, iterable: Node | null | undefined): boolean {
    if (iterable) return iterable.type === 'call' && /^range\(\s*(?:0\s*,\s*)?[0-3]\s*\)$/.test(iterable.text);
    const header = this.text.slice(n.start, Math.min(n.end, n.start + 120));
    return /^for\s*\(?\s*(?:\w+\s+)?(\w+)\s*:?=\s*0\s*;\s*\1\s*(?:<\s*[1-3]|<=\s*[0-2])\s*;/.test(header);
  }

  /**
   * A loop counted up to a literal or a constant whose every turn waits (alist's `for i := 0; i < 30 && !taskDone; i++
   * { select { case <-ctx.Done(): …; case <-time.After(1 * time.Second): }; poll the task }`, `for _ in range(30):
   * time.sleep(1)`): a poll, bounded by the count and paced by the wait, not a loop over items.
   */
  private pollsByCount(n: Scanned, iterable: Node | null | undefined): boolean {
    if (iterable) {
      if (iterable.type !== 'call' || !/^range\(\s*(?:0\s*,\s*)?(?:\d+|[A-Z][A-Z0-9_]*)\s*\)$/.test(iterable.text)) return false;
    } else if (!/^for\s*\(?\s*(?:\w+\s+)?(\w+)\s*:?=\s*0\s*;\s*\1\s*<=?\s*(?:\d+|[A-Z][A-Z0-9_]*)\b/.test(this.text.slice(n.start, Math.min(n.end, n.start + 120)))) return false;
    const body = this.text.slice(n.start, n.end);
    return SLEEP.test(body) || (this.spec.family === 'go' && /<-\s*(?:time\.After\s*\(|[\w.]*\.C\b)/.test(body));
  }

  /**
   * A loop that draws a random key until no row has it (litemall's `while (countByOrderSn(userId, orderSn) != 0) {
   * orderSn = now + getRandomNum(6); }`, `do { key = getRandomString(20); info = findByKey(key); } while (info !=
   * null)`): its lookup runs again only on a collision, so about once, not once per item.
   */
  private drawsUntilUnused(n: Scanned, iterable: Node | null | undefined): boolean {
    if (iterable || n.end - n.start > 400) return false;
    const loop = this.text.slice(n.start, n.end);
    // (Go's `for {` too, left when the lookup finds nothing: gophish's `GenerateId`, `if err == gorm.ErrRecordNotFound { break }`.)
    if (!/^(?:while|do)\b/.test(loop) && !(this.spec.family === 'go' && /^for\s+[^;{]*\{/.test(loop))) return false;
    // The lookup: its result compared with nothing, or the loop's condition itself (`while (await findByCode(code))`).
    // (Also its result tested for nothing, hoppscotch's `if (!existing) return …`, Python's `if not existing:`, fp-ts's
    // `E.isLeft(data)`: a name given what a call made of the drawn key returns, not any other value tested.)
    if (this.testsDrawnLookup(loop) || this.untilDrawnKept(loop)) return true;
    const lookup = /(?:!==?|==)\s*(?:null|nil|None|0|undefined)\b|\bis\s+not\s+None\b|\.exists\(\)|^(?:while|for)\s*\(?\s*(?:await\s+)?[\w$.]+\s*\(|==\s*(?:gorm\.ErrRecordNotFound|sql\.ErrNoRows)\b|errors\.Is\(\s*\w+\s*,\s*(?:gorm\.ErrRecordNotFound|sql\.ErrNoRows)\s*\)/;
    return RANDOM_DRAW.test(loop) && lookup.test(loop);
  }

  /**
   * A loop that goes on while its name is empty and gives it a value drawn at random each turn (openstatus' `while
   * (!slug) { slug = randomWordSlugs.generateSlug(2); const exists = await db.select()…get(); if (exists) slug =
   * undefined; }`, Python's `while not code:`/`while code is None:`, Go's `for code == "" {`): it ends with the first
   * draw the lookup keeps. (Also a flag the lookup of the drawn key sets, plunk's `while (!secretIsAvailable) {
   * secretKey = generateToken("secret"); secretIsAvailable = await ProjectService.secretIsAvailable(secretKey); }`, or
   * `while (taken) { … taken = (await count({ where: { code } })) > 0 }`.)
   */
  private untilDrawnKept(loop: string): boolean {
    const empty = /^(?:while\s*\(\s*(?:!\s*([A-Za-z_$][\w$]*)|([A-Za-z_$][\w$]*)\s*={2,3}\s*(?:null|undefined|''|""))\s*\)|while\s+(?:not\s+(\w+)|(\w+)\s+is\s+None)\s*:|for\s+(\w+)\s*==\s*(?:""|nil)\s*\{|while\s*\(\s*([A-Za-z_$][\w$]*)\s*\))/.exec(loop);
    const name = empty && (empty[1] ?? empty[2] ?? empty[3] ?? empty[4] ?? empty[5] ?? empty[6]);
    if (!name) return false;
    const drawn = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*:?=(?!=)\\s*([^\\n;]*)`, 'g');
    const set: string[] = [];
    for (const m of loop.matchAll(drawn)) {
      if (RANDOM_DRAW.test(m[1]) && !empty[6]) return true;
      set.push(m[1]);
    }
    // The flag: what a call given a key drawn in the loop returns, tested or not (`!(await exists(key))`, `(await count(…)) > 0`).
    const keys = [...loop.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)\s*:?=(?!=)\s*([^\n;]*)/g)].filter((m) => RANDOM_DRAW.test(m[2])).map((m) => m[1]);
    if (!keys.length) return false;
    for (const value of set) {
      const call = /^[!(\s]*(?:not\s+)?(?:await\s+)?([\w$.]+)\s*\(([^\n;]*)/.exec(value);
      // (A lookup of the key's availability, by the call's name, not the work given a trace key: `pending = await
      // importNext(randomUUID())` or `jobsAvailable = await claimNextJob(leaseId)` goes on while the work says there is more.)
      if (!call || !KEY_LOOKUP.test(call[1])) continue;
      if (keys.some((k) => k !== name && new RegExp(`(?<![\\w$.])${k.replace(/\$/g, '\\$')}(?![\\w$])`).test(call[2]))) return true;
    }
    return false;
  }

  /** `const existing = await find(code)` after `code = random…`, then `if (!existing)`, `if not existing:`, `E.isLeft(existing)`. */
  private testsDrawnLookup(loop: string): boolean {
    const drawn = [...loop.matchAll(/\b([A-Za-z_$][\w$]*)\s*(?::=|=)\s*([^\n;]*)/g)].filter((m) => RANDOM_DRAW.test(m[2])).map((m) => m[1]);
    if (!drawn.length) return false;
    for (const t of loop.matchAll(/\bif\s*\(\s*!\s*([\w$]+)\s*\)|\bif\s+not\s+(\w+)\s*:|\b(?:E\.isLeft|O\.isNone)\(\s*([\w$]+)\s*\)/g)) {
      const name = t[1] ?? t[2] ?? t[3];
      const assigned = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\s*(?::=|=)\\s*(?:await\\s+)?[\\w$.]+\\s*\\(([^\\n;]*)`).exec(loop);
      if (assigned && drawn.some((d) => new RegExp(`\\b${d.replace(/\$/g, '\\$')}\\b`).test(assigned[1]))) return true;
    }
    return false;
  }

  /**
   * A loop that goes on while the call it makes says there is more (hatchet's retention: `for shouldContinue {
   * shouldContinue, err = rc.repo.Workers().CleanupOldWorkers(ctx, tenant.ID, cutoff) }`, `while has_more: has_more =
   * purge_batch()`): each turn is one batch of the call's own, not one item.
   */
  private drainsByFlag(n: Scanned, iterable: Node | null | undefined): boolean {
    if (iterable) return false;
    const loop = this.text.slice(n.start, n.end);
    const flag = /^(?:for\s+(\w+)\s*\{|while\s*\(\s*(\w+)\s*\)|while\s+(\w+)\s*:)/.exec(loop);
    const name = flag && (flag[1] ?? flag[2] ?? flag[3]);
    // A flag named so (`shouldContinue`, `has_more`, `more`): a value the loop walks (`while (node) node = await
    // findFirst({ where: { id: node.parentId } })`) is one row per turn.
    if (!name || !/^(?:should\w*|has_?[A-Z_a-z]\w*|keep\w*|more|again|continue\w*|\w*(?:More|_more|Continue|_continue|Left|_left|Remaining|_remaining))$/.test(name)) return false;
    // Not a cursor's step or a size (`more = rows.Next()`, `more = len(queue) > 0`): those go item by item.
    const set = new RegExp(`(?<![\\w$.])${name}\\s*(?:,\\s*\\w+\\s*)?:?=\\s*(?:await\\s+)?([\\w$.]+(?:\\(\\))?(?:\\.[\\w$]+)*)\\s*\\(`).exec(loop);
    return !!set && !/(?:^|\.)(?:next|Next|hasNext|hasMoreElements|Scan|len|Len|size|length|count|Count|isEmpty|empty)$/.test(set[1]);
  }

  /**
   * Python: a loop over model classes, each the table of a statement (polar's `for model in attached_custom_fields_models:
   * await session.execute(delete(model).where(model.custom_field_id == id))`): one statement per table, not per row.
   */
  private overTables(n: Scanned): boolean {
    if (this.spec.family !== 'python' || n.type !== 'for_statement' || !this.mentions('sqlalchemy')) return false;
    const name = n.node.childForFieldName('left');
    if (name?.type !== 'identifier') return false;
    const body = n.node.childForFieldName('body')?.text ?? '';
    // (SQLAlchemy's functions, not a client's methods: `redis.delete(key)` per key is a command per item.)
    return new RegExp(`(?<![\\w.])(?:select|update|delete|insert)\\(\\s*${name.text}\\s*\\)`).test(body);
  }

  /**
   * A loop over the parts of one upload (alist's drivers: `for finish < stream.GetSize() { …; io.ReadFull(stream, buf);
   * d.request(…"/file/upload/"…) }`, `for i, part := range resp.PartInfoList { … io.NewSectionReader(file, offset,
   * size) … }`, Python's `f.read(CHUNK_SIZE)`, a `file.slice(start, end)`): each turn sends the next piece of the data,
   * as many turns as it has parts. That is how a large upload is made, not a call per item. Not a loop over files or
   * other items that reads each (its iterable names no parts), nor one reading the response it got (`resp.Body`).
   */
  private sendsStreamParts(n: Scanned, iterable: Node | null | undefined): boolean {
    const reads = this.offsetsOfWords('streamParts', STREAM_PART_WORDS);
    const k = firstAtOrAbove(reads, n.start);
    if (k === reads.length || reads[k] >= n.end) return false;
    if (iterable && !/[pP]art|[bB]lock|[cC]hunk|[sS]lice|[sS]egment|[pP]iece/.test(this.text.slice(iterable.startIndex, iterable.endIndex))) return false;
    return STREAM_PART.test(this.text.slice(n.start, n.end));
  }

  /** Java's `repo::findById` (not `Foo::new`) as a call of `repo.findById`, with no argument list of its own. */
  private methodReference(i: number): void {
    const text = this.text.slice(this.nodes[i].start, this.nodes[i].end);
    const at = text.lastIndexOf('::');
    const chain = at > 0 ? calleeChain(text.slice(0, at)) : undefined;
    const method = text.slice(at + 2).trim();
    if (!chain || !/^[a-z_$][\w$]*$/.test(method)) return;
    this.calls.set(i, { index: i, chain: [...chain, method], argsStart: -1, argsEnd: -1 });
  }

  private callInfo(i: number): CallInfo {
    const n = this.nodes[i];
    let start = n.start;
    const text = this.text;
    if (n.type === 'new_expression' || n.type === 'object_creation_expression') start = text.indexOf('new', start) + 3;
    // A method called on an instance made in place (`new Hono().get(…)`, `new PrismaClient().user.findMany()`, Java's
    // `new RestTemplate().getForObject(url, String.class)`): the chain starts at the class.
    else if ((this.spec.family === 'js' || this.spec.family === 'java') && text.startsWith('new ', start)) start += 4;
    const args = argumentListOf(text, start, n.end);
    let argsStart = args;
    if (args === -2) {
      // The text could not be followed (a comment or a regex with brackets in the arguments): ask the tree.
      const list = n.node.childForFieldName('arguments');
      argsStart = list ? list.startIndex : -1;
    }
    const end = argsStart >= 0 ? argsStart : n.end;
    let chain = calleeChain(text.slice(start, end)) ?? [];
    // Python: `(await session.execute(select(T))).scalars().all()` (polar's async services): a SQLAlchemy result read
    // whole, as `session.execute(select(T)).scalars().all()` without `await` is: the awaited call's chain and on.
    if (chain.length === 0 && this.spec.family === 'python' && text.charCodeAt(start) === 40 /* ( */) chain = this.awaitedChain(start, end) ?? [];
    return { index: i, chain, argsStart, argsEnd: argsStart >= 0 ? n.end : -1 };
  }

  /**
   * The chain of `(await a.b(x)).scalars().all` (the callee's text at [start, end)): `a.b.scalars.all`, when `a.b(x)`
   * is a call. Only a result's rows read whole: the steps between (`(await …).scalars()`) are no query of their own.
   */
  private awaitedChain(start: number, end: number): string[] | undefined {
    const inner = this.awaitedCallIndex(start, end);
    if (inner === undefined) return undefined;
    const chain = this.callInfo(inner).chain;
    return chain.length ? [...chain, ...awaitedGroup(this.text.slice(start, end))!.after] : undefined;
  }

  /** The scan index of the call awaited in the parentheses that open the callee at [start, end), if it is one. */
  private awaitedCallIndex(start: number, end: number): number | undefined {
    const group = awaitedGroup(this.text.slice(start, end));
    if (!group || group.after[group.after.length - 1] !== 'all' || !group.after.slice(0, -1).every((step) => SQLA_RESULT_STEP.test(step))) return undefined;
    const from = start + group.from;
    const to = start + group.to;
    for (let k = this.firstIndexFrom(from); k < this.nodes.length && this.nodes[k].start === from; k++) {
      if (this.nodes[k].end === to && this.roles.call.has(this.nodes[k].type)) return k;
    }
    return undefined;
  }

  /**
   * The call a chain opened by an awaited call in parentheses reads on (`session.execute(q)` for `(await
   * session.execute(q)).scalars().all()`), whose arguments are the chain's: what the statement is. Python only.
   */
  awaitedCallOf(i: number): number | undefined {
    if (this.spec.family !== 'python' || this.text.charCodeAt(this.nodes[i].start) !== 40) return undefined;
    const call = this.calls.get(i);
    return call ? this.awaitedCallIndex(this.nodes[i].start, call.argsStart >= 0 ? call.argsStart : this.nodes[i].end) : undefined;
  }

  // ---- helpers for finders ----

  /** The catalogue's verdicts on a call, computed once and shared by every finder. */
  rules(call: CallInfo, catalogue: CallCatalogue): CatalogueLookup {
    if (call.rules) return call.rules;
    // `import * as api from '$lib/api.js'` then `api.get(path)`: a function of the workspace's module, which the join
    // follows, not a client named `api`.
    if (call.chain.length === 2 && this.spec.family === 'js' && this.workspaceNamespaces().has(call.chain[0])) return (call.rules = NO_RULES);
    // A rule limited to files matching a pattern (`UserEntity.find()` is TypeORM's where TypeORM is imported): the
    // next answer wherever this file does not.
    const inThisFile = (chain: string[]): CatalogueLookup => {
      let rules = catalogue.lookup(chain, this.spec.family);
      for (let only = rules.onlyInFilesMatching; only && !this.matchesFile(only); only = rules.onlyInFilesMatching) rules = rules.elsewhere ?? NO_RULES;
      return rules;
    };
    const session = this.httpSessionChain(call) ?? this.sqlaSessionChain(call) ?? this.prismaTransactionChain(call, catalogue) ?? this.nodeHttpChain(call);
    let rules = session ? inThisFile(session) : NO_RULES;
    if (isSilent(rules)) rules = inThisFile(this.ownClassChain(call.chain) ?? call.chain);
    // Go: a GORM or database/sql handle named otherwise (`table := tx.Table("sys_tables")`, `e.Orm`, `conn *sql.DB`).
    if (isSilent(rules) && this.spec.family === 'go') {
      const handle = this.goHandleChain(call);
      if (handle) rules = inThisFile(handle);
    }
    if (isSilent(rules) && this.spec.family === 'go') {
      const squirrel = this.goSquirrelChain(call);
      if (squirrel) rules = inThisFile(squirrel);
    }
    if (isSilent(rules) && this.spec.family === 'go') {
      const built = this.goEntBuilt(call);
      if (built) rules = inThisFile(built);
    }
    // Read another way only when the chain as written says nothing here: Go's `s.db.Query()` in a method of `s` as
    // `this.db.Query()`; `owners.findAll()` with `private final OwnerRepository owners;` as `OwnerRepository.findAll()`.
    if (isSilent(rules)) {
      const asThis = this.receiverAsThis(call);
      const typed = asThis ? undefined : (this.typedChain(call) ?? this.annotatedChain(call));
      rules = inThisFile(asThis ?? typed ?? this.resultChain(call, catalogue) ?? this.unaliasedChain(call) ?? this.heldSessionChain(call) ?? []);
      // JavaScript: a holder declared as an SDK's client (dub's `private client: IntercomClient`, then
      // `this.client.contacts.find(…)`) is no model class: the rules that take any class for a model's (`User.find()`,
      // Mongoose's or Sequelize's) do not apply to it, only those that name such a client. Not the project's own
      // wrapper (`class DbClient { users = User }`, imported from a relative path): its members may be models.
      if (typed && this.spec.family === 'js' && /Client$/.test(typed[0]) && this.importedFromPackage(typed[0]) && !isSilent(rules) && sameRules(rules, inThisFile([JS_OWN_CLASS_STAND_IN, ...typed.slice(1)]))) rules = NO_RULES;
      // …nor is `find` on a member of a value whose type is named like a client (typebot's `typebot.edges.find(byId(
      // edgeId))` with `typebot: TypebotInSession`, a type of its chat-session package): an array's search, not MongoDB's,
      // where the module imports neither Mongoose nor the driver and the type is no class of the project's own, which
      // may hold models (a `DbClient` with `users = User`, imported from a relative path). Only what the model rules say
      // of any class: a repository's type keeps its own rule.
      else if (typed && this.spec.family === 'js' && typed.length > 2 && typed[typed.length - 1] === 'find' && !isSilent(rules) && !this.mentions('mongo') && !this.ownClassType(typed[0]) && sameRules(rules, inThisFile([JS_OWN_CLASS_STAND_IN, ...typed.slice(1)]))) rules = NO_RULES;
    }
    // Go: a handle's method on a value of a project's type, which the join keeps if that type is a handle's interface.
    if (isSilent(rules) && this.spec.family === 'go') {
      const type = this.goHandleInterfaceOf(call);
      const match = type ? inThisFile(['db', call.chain[call.chain.length - 1]]).match : undefined;
      if (match?.kind === 'query') rules = { match: { ...match, goHandleInterface: type } };
    }
    else if (rules.match?.kind === 'call' && this.spec.family === 'python' && this.databaseSession(call)) rules = NO_RULES;
    // Flask's `session` (CTFd's `session.get("id")`): the signed cookie of the request, read in memory.
    else if (rules.match?.kind === 'call' && this.spec.family === 'python' && call.chain[0] === 'session' && this.mentions('flask') && this.memo('py.flaskSession', () => FLASK_SESSION.test(this.text))) rules = NO_RULES;
    // `private MyInMemoryRouteDefinitionRepository repository;` (JeecgBoot's gateway): a holder its declared type says
    // is kept in memory, whatever its name says, sends no query.
    if (rules.match?.kind === 'query' && this.inMemoryHolder(call)) rules = NO_RULES;
    // usertour's `conn.query('SELECT Name FROM Organization')` on `new jsforce.Connection({ oauth2 })`: SOQL that
    // jsforce sends to Salesforce's REST API, a request (a call in a loop), not SQL a database runs (no unbounded query).
    else if (rules.match?.kind === 'query' && this.spec.family === 'js' && this.mentions('jsforce') && this.jsforceConnection(call)) rules = JSFORCE_REQUEST;
    // A Java holder named for Redis but declared of another type (an ops controller's `JSONObject redis =
    // node.getJSONObject("redis")`, a `Map` of settings): its `get` reads the value, no Redis command.
    else if (rules.match?.label === 'Redis command' && this.spec.family === 'java' && this.declaredNotRedis(call)) rules = NO_RULES;
    // `client[channel].put(msg)`: a method of an element of a mapping named like a client (CTFd's event queues), not
    // of a client. (`axios[method](url)` calls the client itself; a collection, `db["users"].find()`, is a query's.)
    if (rules.match?.kind === 'call' && ELEMENT_OF_ROOT.test(this.text.slice(this.nodes[call.index].start, call.argsStart >= 0 ? call.argsStart : this.nodes[call.index].end))) rules = NO_RULES;
    // `fetch("updated", childs)` where the file declares `function fetch(what, where)` (htmlparser2's FeedHandler): the
    // file's own function, which the join follows, not the library's of that name.
    if (call.chain.length === 1 && !isSilent(rules) && this.declaresFunction(call.chain[0])) rules = NO_RULES;
    // `await fetch({ first: limit })` where the function binds `fetch` itself (usertour's `const { cursor, limit, fetch }
    // = opts`, `resolveStaleEmbeds(payload, fetch: OembedFetcher)`): the caller's function, not the global of that name.
    // (A global's name only: where the module imports the name, `const request = require('request')`, it is the package's.)
    else if (call.chain.length === 1 && this.spec.family === 'js' && !isSilent(rules) && !this.imports(call.chain[0]) && this.boundLocally(call.index, call.chain[0])) rules = NO_RULES;
    // A table whose rule asks for arguments these do not match takes the next rule's answer for the chain (an aws-sdk-go
    // file's `gdb.Find(&users)` is GORM's, not the rule's for any method given an AWS input); the others keep theirs.
    if (rules.argsOf) rules = this.withArgs(call, rules);
    return (call.rules = rules);
  }

  /** The lookup with each table whose rule's arguments this call does not give answered by the next rules. */
  private withArgs(call: CallInfo, rules: CatalogueLookup): CatalogueLookup {
    const text = call.argsStart >= 0 ? this.text.slice(call.argsStart, call.argsEnd) : undefined;
    const fits = (args: string) => text !== undefined && this.memo(`args:${args}`, () => new RegExp(args)).test(text);
    let out: CatalogueLookup = rules;
    for (let k = 0; out.argsOf && k < 4; k++) {
      const failed = LOOKUP_TABLES.filter((t) => out.argsOf![t] !== undefined && !fits(out.argsOf![t]!));
      if (!failed.length) break;
      let next = out.withoutArgs ?? NO_RULES;
      for (let only = next.onlyInFilesMatching; only && !this.matchesFile(only); only = next.onlyInFilesMatching) next = next.elsewhere ?? NO_RULES;
      const merged: CatalogueLookup = { ...out, argsOf: undefined, withoutArgs: next.withoutArgs };
      for (const t of failed) {
        (merged as Record<LookupTable, unknown>)[t] = next[t];
        const args = next.argsOf?.[t];
        if (args !== undefined) (merged.argsOf ??= {})[t] = args;
      }
      out = merged;
    }
    // (Still not given after a few rules: none.)
    if (out.argsOf) {
      const stripped: CatalogueLookup = { ...out, argsOf: undefined };
      for (const t of LOOKUP_TABLES) if (out.argsOf[t] !== undefined && !fits(out.argsOf[t]!)) (stripped as Record<LookupTable, unknown>)[t] = undefined;
      out = stripped;
    }
    return out;
  }

  /**
   * JavaScript: a chain from a class named as one of the language's or the browser's (`Document`, `Event`, `Node`) that
   * the module imports or declares, read from a class of the project's own (outline's Sequelize models, `import {
   * Document, Event } from "@server/models"`, then `Document.findByPk(id)`). The browser's globals are never imported.
   */
  private ownClassChain(chain: string[]): string[] | undefined {
    const name = chain[0];
    if (this.spec.family !== 'js' || chain.length < 2 || !JS_GLOBAL_CLASS.test(name)) return undefined;
    const own = this.imports(name) || this.declaredClasses().has(name);
    return own ? [JS_OWN_CLASS_STAND_IN, ...chain.slice(1)] : undefined;
  }

  /** The classes a JavaScript file declares at the start of a line, read in one pass (not one search per name asked). */
  private declaredClasses(): Set<string> {
    return this.memo('js.declaredClasses', () => {
      const out = new Set<string>();
      if (!this.words.has('class')) return out;
      for (const m of this.text.matchAll(/^[ \t]*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/gm)) out.add(m[1]);
      return out;
    });
  }

  /**
   * JavaScript: the function the node is in, or one around it, binds the name itself: a parameter (also destructured),
   * a `const`/`let`/`var` of its body (`const { limit, fetch } = opts`), or a function declared there; not one bound
   * to the global of that name (`const fetch = globalThis.fetch`). Each function's bindings of the name are read once,
   * however many calls it holds, and only where its text holds the name other than as a call.
   */
  private boundLocally(i: number, name: string): boolean {
    if (!this.words.has(name)) return false;
    const at = this.nodes[i].start;
    for (let f = this.functionOf[i]; f >= 0; f = this.functions[f].outer) {
      const fn = this.nodes[this.functions[f].index];
      // (Once per function and name, not per call: a function of thousands of `fetch(…)` calls read its text for each.)
      const bindings = this.memo(`js.locals:${fn.start}:${fn.end}:${name}`, () => (this.namedIn(fn, name) ? jsLocalBindings(fn.node, name) : []));
      // The innermost binding around the call (of two in one block, one that may be the global).
      let inner: JsBinding | undefined;
      for (const b of bindings) {
        if (b.start > at || b.end < at) continue;
        if (!inner || b.end - b.start < inner.end - inner.start || (b.end - b.start === inner.end - inner.start && !b.shadows)) inner = b;
      }
      if (inner) return inner.shadows;
    }
    return false;
  }

  /** The function's text holds the name other than as a call or a member (`fetch(`, `.fetch`): where it may bind it. */
  private namedIn(fn: Span, name: string): boolean {
    const offsets = this.offsetsOfWords(`word:${name}`, [name]);
    for (let k = firstAtOrAbove(offsets, fn.start); k < offsets.length && offsets[k] < fn.end; k++) if (this.namedNotCalled(offsets[k], name.length)) return true;
    return false;
  }

  /** The word at [at, at + length) is a whole name, not a member (`.fetch`), and not called (`fetch(`, `fetch<T>(`). */
  private namedNotCalled(at: number, length: number): boolean {
    const text = this.text;
    if (at > 0 && /[\w$.]/.test(text[at - 1])) return false;
    let j = at + length;
    if (j < text.length && /[\w$]/.test(text[j])) return false;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
    return text[j] !== '(' && text[j] !== '<';
  }

  /** The file declares a function of this name: `function name(` in JavaScript, a top-level `def name(` in Python. */
  private declaresFunction(name: string): boolean {
    const family = this.spec.family;
    if ((family !== 'js' && family !== 'python') || !this.words.has(name)) return false;
    return this.memo(`declares:${name}`, () =>
      new RegExp(family === 'js' ? `\\bfunction(?:\\s*\\*\\s*|\\s+)${name.replace(/\$/g, '\\$')}\\s*\\(` : `^(?:async\\s+)?def\\s+${name}\\s*\\(`, 'm').test(this.text),
    );
  }

  private matchesFile(pattern: string): boolean {
    return this.memo(`only:${pattern}`, () => new RegExp(pattern, 'm').test(this.text));
  }

  /** Names a module of the workspace is imported as whole (`import * as api from './api'`, `'$lib/api'`, `'@/lib/api'`). */
  private workspaceNamespaces(): Set<string> {
    return this.memo('js.workspaceNamespaces', () => {
      const out = new Set<string>();
      if (!this.mentions('* as')) return out;
      for (const m of this.text.matchAll(/\bimport\s+\*\s+as\s+([\w$]+)\s+from\s+['"]([^'"]+)['"]/g)) {
        // Not a package's (`axios`, `@aws-sdk/client-s3`): a path, or an alias no package can be named (`$lib/`, `@/`, `~/`, `#`).
        if (/^(?:\.|\/|\$|~|#|@\/)/.test(m[2])) out.add(m[1]);
      }
      return out;
    });
  }

  /**
   * `self.session.delete(row)`, `session.get(Model, id)` in a module that imports no HTTP client: a SQLAlchemy
   * session (mealie's repositories), not a `requests.Session`, whatever its name shares with one.
   */
  private databaseSession(call: CallInfo): boolean {
    const holder = call.chain[call.chain.length - 2] ?? '';
    // Declared as SQLAlchemy's or SQLModel's session (langflow's `session: AsyncSession`, imported from
    // `sqlmodel.ext.asyncio.session`), whatever else the module imports: not a requests `Session` so annotated.
    if (this.declaredSqlaSession(call)) return true;
    if (holder !== 'session' && !holder.endsWith('_session')) return false;
    // A URL given (a string, an f-string, a name that says url): an HTTP session after all.
    if (/^\s*(?:[rbfu]{0,2}['"]|[\w.]*(?:url|uri|endpoint|href)\w*\b)/i.test(this.argumentsText(call))) return false;
    return !this.memo('py.httpImports', () => /^\s*(?:import|from)\s+(requests|httpx|aiohttp|urllib3)\b/m.test(this.text));
  }

  /**
   * The call's holder (`session.delete(flow)`) is a parameter of the function around it (or one around that) annotated
   * as a Session or AsyncSession imported from SQLAlchemy or SQLModel: not a requests `Session` so annotated elsewhere.
   */
  private declaredSqlaSession(call: CallInfo): boolean {
    const chain = call.chain;
    if (chain.length !== 2 || (!this.words.has('Session') && !this.words.has('AsyncSession'))) return false;
    if (!this.mentions('sqlalchemy') && !this.mentions('sqlmodel')) return false;
    const name = chain[0];
    if (!/^[A-Za-z_]\w*$/.test(name)) return false;
    for (let f = this.functionOf[call.index]; f >= 0; f = this.functions[f].outer) {
      const fn = this.nodes[this.functions[f].index].node;
      const params = fn.childForFieldName('parameters')?.text ?? '';
      if (!new RegExp(String.raw`(?:^|[^\w.])${name}\b`).test(params)) continue;
      const type = new RegExp(String.raw`(?:^|[^\w.])${name}\s*:\s*(?:Annotated\[\s*)?(?:(?:sqlalchemy|sqlmodel|orm|ext|asyncio|session)\.)*(Session|AsyncSession)\b(?!\s*\.)`).exec(params)?.[1];
      if (!type) return false;
      return this.memo(`py.sqlaSessionImport:${type}`, () => new RegExp(String.raw`^[ \t]*from[ \t]+(?:sqlalchemy|sqlmodel)[\w.]*[ \t]+import[ \t]+(?:\([^)]*|[^\n]*)\b${type}\b`, 'm').test(this.text));
    }
    return false;
  }

  /** Java: the call's holder is declared with a type that says nothing of Redis (`JSONObject redis`, `Map<…> redis`). */
  private declaredNotRedis(call: CallInfo): boolean {
    const at = call.chain[0] === 'this' ? 1 : 0;
    const type = this.memo('types', () => declaredTypes(this.text, this.spec.family)).get(call.chain[at]);
    return !!type && !/Redis|Jedis|Lettuce|Redisson|Cache|Template|Commands|Operations|Client/i.test(type);
  }

  /** The call's holder is declared with a type named for memory: `InMemoryUserRepository repo`, `users: MemoryStore`. */
  private inMemoryHolder(call: CallInfo): boolean {
    const chain = call.chain;
    const at = chain[0] === 'this' || chain[0] === 'self' ? 1 : 0;
    if (chain.length < at + 2 || !COLLECTION_WORDS.some((w) => this.words.has(w))) return false;
    const type = this.memo('types', () => declaredTypes(this.text, this.spec.family)).get(chain[at]);
    return !!type && (/(?:^|\.|[a-z_])(?:InMemory|Memory)[A-Z_]/.test(type) || COLLECTION_TYPE.test(type) || (/^(?:[\w.]*\.)?Cache$/.test(type) && IN_PROCESS_CACHE.some((w) => this.words.has(w))));
  }

  /**
   * JavaScript: the call's holder is a jsforce connection, made in the function as `new jsforce.Connection(…)` (jsforce
   * imported whole under that name) or `new Connection(…)` (imported from jsforce by name).
   */
  private jsforceConnection(call: CallInfo): boolean {
    const chain = call.chain;
    if (chain.length !== 2) return false;
    const names = this.memo('js.jsforce', () => {
      const modules = new Set<string>();
      const classes = new Set<string>();
      for (const i of moduleFacts(this.words, 'js').imports) {
        if (i.module !== 'jsforce') continue;
        if (i.imported === '*' || i.imported === 'default') modules.add(i.local);
        else if (i.imported === 'Connection') classes.add(i.local);
      }
      return { modules, classes };
    });
    const made = /^\s*(?:await\s+)?new\s+(?:([\w$]+)\s*\.\s*)?([\w$]+)\s*[(<]/.exec(this.lastValueOf(call.index, chain[0]) ?? '');
    if (!made) return false;
    return made[1] !== undefined ? names.modules.has(made[1]) && made[2] === 'Connection' : names.classes.has(made[2]);
  }

  /**
   * The chain with its holder replaced by the class the file declares for it, when that class is named like a
   * client (`OwnerRepository`, `Repository<Order>`, `JdbcTemplate`, `AsyncSession`): a name like `LruCache` is
   * left alone, so its `find` is never taken for TypeORM's.
   */
  private typedChain(call: CallInfo): string[] | undefined {
    const chain = call.chain;
    const self = chain[0] === 'this' || chain[0] === 'self';
    const at = self ? 1 : 0;
    if (chain.length < at + 2) return undefined;
    const type = this.memo('types', () => declaredTypes(this.text, this.spec.family)).get(chain[at]);
    return type && (isClientType(type) || (this.spec.family === 'java' && JAVA_REDIS_TYPE.test(type))) ? [type, ...chain.slice(at + 1)] : undefined;
  }

  /**
   * TypeScript: the chain with its holder replaced by the client type the enclosing function's parameter or variable is
   * annotated with (hedgedoc's `toNoteMetadataDto(noteId: number, transaction: Knex)`, then `transaction(TableNote)
   * .select(…)`). Asked only of names the file annotates with a client type somewhere.
   */
  private annotatedChain(call: CallInfo): string[] | undefined {
    const chain = call.chain;
    if (this.spec.family !== 'js' || chain.length < 2 || chain[0] === 'this') return undefined;
    const name = chain[0];
    const annotated = this.memo('js.clientAnnotations', () => {
      const names = new Set<string>();
      // Found from the type (a pattern that starts at a colon), then the name before it: a pattern that starts at
      // every name would try each identifier of the file.
      for (const m of this.text.matchAll(CLIENT_ANNOTATION)) {
        const name = /([A-Za-z_$][\w$]*)\s*\??\s*$/.exec(this.text.slice(Math.max(0, m.index - 64), m.index))?.[1];
        if (name && isClientType(m[1])) names.add(name);
      }
      return names;
    });
    if (!annotated.has(name)) return undefined;
    const f = this.functionOf[call.index];
    if (f < 0) return undefined;
    const type = this.tsLocalTypesOf(this.spanOfFunction(f)).typeOf(name);
    return type && isClientType(type) ? [type, ...chain.slice(1)] : undefined;
  }

  /**
   * JavaScript: a chain from the first parameter of a function given to a Prisma client's `$transaction`, read as the
   * client's whatever the parameter is named (spliit's `prisma.$transaction(async (transaction) => { await
   * transaction.expense.create(…) })`, not only `tx`), before what its name would say (a `client`'s `delete` is no
   * HTTP request there). Asked only in files that say `$transaction`, through the functions around the call.
   */
  private prismaTransactionChain(call: CallInfo, catalogue: CallCatalogue): string[] | undefined {
    const chain = call.chain;
    if (this.spec.family !== 'js' || chain.length < 2 || chain[0] === 'this' || !this.mentions('$transaction')) return undefined;
    for (let f = this.functionOf[call.index]; f >= 0; f = this.functions[f].outer) {
      const fi = this.functions[f].index;
      const fn = this.nodes[fi];
      const p = fn.parent;
      const tx = p >= 0 ? this.calls.get(p) : undefined;
      if (!tx || tx.chain[tx.chain.length - 1] !== '$transaction' || !this.inArguments(tx, fn.start)) continue;
      // Its first parameter, from the head: `async (transaction) =>`, `async transaction =>`, `function (client: Tx)`.
      const first = FIRST_PARAMETER.exec(this.text.slice(fn.start, Math.min(fn.end, fn.start + 120)))?.[1];
      if (first !== chain[0]) continue;
      return this.rules(tx, catalogue).match?.label === PRISMA_QUERY ? ['prisma', ...chain.slice(1)] : undefined;
    }
    return undefined;
  }

  /**
   * `http.get(url)` with `http = requests.Session()`: requests' own `get`, whatever the holder is named (its rules say
   * a session has no default timeout either, and blocks an event loop), not a database session's.
   */
  private httpSessionChain(call: CallInfo): string[] | undefined {
    const chain = call.chain;
    if (this.spec.family !== 'python' || chain.length < 2) return undefined;
    const at = chain[0] === 'self' ? 1 : 0;
    if (chain.length !== at + 2) return undefined;
    // Its request methods only: names are declared per file, and `sess.execute()` elsewhere may be a database's session.
    if (!HTTP_SESSION_METHODS.test(chain[at + 1])) return undefined;
    const type = this.memo('types', () => declaredTypes(this.text, this.spec.family)).get(chain[at]);
    return type && HTTP_SESSION_TYPES.test(type) ? [type.slice(0, type.indexOf('.')), chain[at + 1]] : undefined;
  }

  /**
   * `await session.get(Event, event_id)`, `await self.session.refresh(record)` per record (tracecat's approvals):
   * SQLAlchemy's read of one row, whatever the session is named, as a `db_session`'s. An HTTP session's `get` is given
   * a URL, never a model class; `refresh` is asked only in a module that imports SQLAlchemy, since a session of
   * another kind (an auth token's) may have one.
   */
  private sqlaSessionChain(call: CallInfo): string[] | undefined {
    const chain = call.chain;
    if (this.spec.family !== 'python' || chain.length !== (chain[0] === 'self' ? 3 : 2) || !SQLA_ROW_READ.test(chain[chain.length - 1])) return undefined;
    const holder = chain[chain.length - 2];
    if (holder !== 'session' && holder !== 'sess' && !holder.endsWith('_session')) return undefined;
    const method = chain[chain.length - 1];
    const row = method === 'refresh' ? (this.mentions('sqlalchemy') || this.mentions('sqlmodel')) && this.matchesFile(PY_SQLALCHEMY_IMPORT) && ROW_GIVEN.test(this.argumentsText(call)) : MODEL_FIRST.test(this.argumentsText(call));
    return row ? ['db_session', method] : undefined;
  }

  /**
   * `questions = await sess.scalars(select(Question))`, then `questions.all()`: the result of a query read whole, as
   * `sess.scalars(…).all()` written in one statement (aiohttp-demos' polls). Also through the result's own steps,
   * `result = await self.session.execute(statement)` then `result.scalars().unique().all()` (polar's and fief's
   * repositories): `session.execute(…).scalars().unique().all()`.
   */
  private resultChain(call: CallInfo, catalogue: CallCatalogue): string[] | undefined {
    const chain = call.chain;
    if (this.spec.family !== 'python' || chain.length < 2 || chain[chain.length - 1] !== 'all' || !chain.slice(1, -1).every((step) => SQLA_RESULT_STEP.test(step))) return undefined;
    // The last value given to the name before the call is the one read.
    const assignments = [...this.assignedBefore(call.index, chain[0]).matchAll(new RegExp(`(?:^|[^\\w.])${chain[0]}\\s*(?::[^=\\n]+)?=(?!=)\\s*(.*)`, 'g'))];
    const m = /^(?:await\s+)?([A-Za-z_][\w.]*)\s*\(/.exec(assignments[assignments.length - 1]?.[1] ?? '');
    if (!m) return undefined;
    let made = m[1].split('.');
    if (made[0] === 'self') made.shift();
    // A method of the file that only runs the statement it is given (fief's `_execute_query(self, statement)`:
    // `return await self.session.execute(statement)`): what it runs.
    if (made.length === 1) {
      const name = made[0];
      made = this.memo(`py.runs:${name}`, () => statementRunner(this.text, name)) ?? made;
    }
    return made.length === 2 && catalogue.lookup(made, this.spec.family).match?.kind === 'query' ? [...made, ...chain.slice(1)] : undefined;
  }

  /**
   * JavaScript: Node's `http`/`https` under the name the module binds it to (`const h = require('node:http')`, then
   * `h.get(url, cb)`; `import * as client from 'node:https'`, whose `client.get` is no project's client), or its
   * `request`/`get` renamed (`const { request: httpsRequest } = require('https')`): the module's own chain.
   */
  private nodeHttpChain(call: CallInfo): string[] | undefined {
    if (this.spec.family !== 'js' || call.chain.length === 0) return undefined;
    const bound = this.nodeHttpNames().get(call.chain[0]);
    return bound && (bound.length === 1) === (call.chain.length >= 2) ? [...bound, ...call.chain.slice(1)] : undefined;
  }

  /**
   * JavaScript: the local names a module binds Node's `http` or `https` to, other than its own (`const h =
   * require('node:http')`, `import * as client from 'node:https'`, `import plain from 'http'`: ['http'] or ['https']),
   * and those it binds their `request` or `get` to under another name (`const { request: httpsRequest } =
   * require('https')`, `import { get as httpsGet } from 'https'`: ['https', 'request']). Read once per file, only in one
   * that mentions http and loads a module.
   */
  private nodeHttpNames(): Map<string, string[]> {
    return this.memo('js.nodeHttpNames', () => {
      const out = new Map<string, string[]>();
      if (!(this.mentions('http') || this.mentions('https')) || !(this.mentions('require') || this.mentions('import'))) return out;
      for (const m of this.text.matchAll(NODE_HTTP_BINDING)) {
        const module = m[5];
        const whole = m[1] ?? m[3];
        if (whole) {
          if (whole !== 'http' && whole !== 'https') out.set(whole, [module]);
          continue;
        }
        for (const part of (m[2] ?? m[4]).split(',')) {
          const named = /^\s*(request|get)\s*(?::|\bas\b)\s*([A-Za-z_$][\w$]*)\s*$/.exec(part);
          if (named && named[2] !== named[1]) out.set(named[2], [module, named[1]]);
        }
      }
      return out;
    });
  }

  /**
   * Python: a module imported under another name, `import requests as requests_or_advocate` (redash's query runners),
   * then `requests_or_advocate.get(url)`: the module's own chain, `requests.get`.
   */
  private unaliasedChain(call: CallInfo): string[] | undefined {
    if (this.spec.family !== 'python' || call.chain.length < 2) return undefined;
    const aliases = this.memo('py.moduleAliases', () => {
      const out = new Map<string, string[]>();
      if (!this.mentions(' as ')) return out;
      for (const m of this.text.matchAll(/^[ \t]*import[ \t]+([A-Za-z_][\w.]*)[ \t]+as[ \t]+([A-Za-z_]\w*)[ \t]*$/gm)) out.set(m[2], m[1].split('.'));
      return out;
    });
    const module = aliases.get(call.chain[0]);
    return module ? [...module, ...call.chain.slice(1)] : undefined;
  }

  /**
   * Python: a SQLAlchemy session another module holds, `ub.session.query(Books).all()` with `from . import ub` (ub.py's
   * `session = sessionmaker(…)()`), or an imported object holds, `calibre_db.session.query(…)` (calibre-web's
   * CalibreDB): the session's query. Only the Query API's and `execute`'s methods, which an HTTP session held the same
   * way (flask-dance's `blueprint.session.get(url)`) does not have.
   */
  private heldSessionChain(call: CallInfo): string[] | undefined {
    const chain = call.chain;
    if (this.spec.family !== 'python' || chain.length < 3 || chain[1] !== 'session' || !HELD_SESSION_STEP.test(chain[2])) return undefined;
    return this.memo('py.importedNames', () => new Set(moduleFacts(this.words, 'python').imports.map((i) => i.local))).has(chain[0]) ? chain.slice(1) : undefined;
  }

  /**
   * Go: the chain read from a database handle whatever its name: a parameter or variable of a handle's type (`tx
   * *gorm.DB`), a struct field of one (`Orm *gorm.DB`; go-admin's services embed one named `Orm`), or a local the
   * function builds from a handle (`table := tx.Table("sys_tables")`, then `table.Find(&doc)`).
   */
  private goHandleChain(call: CallInfo): string[] | undefined {
    const chain = call.chain;
    if (chain.length < 2 || !(this.mentions('DB') || this.mentions('Orm') || this.mentions('sql.') || this.mentions('xorm.'))) return undefined;
    const f = this.functionOf[call.index];
    // Memos shared by the statements of one analysis are keyed by where the function starts in the file: `f` counts
    // the functions of this statement only (after an edit each statement is a FileStructure of its own).
    const at = f >= 0 ? this.nodes[this.functions[f].index].start : -1;
    const body = f >= 0 ? this.memo(`go.body:${at}`, () => { const n = this.nodes[this.functions[f].index]; return this.text.slice(n.start, n.end); }) : '';
    const fields = this.memo('types', () => declaredTypes(this.text, this.spec.family));
    // The name the query rules know the handle by: `db` for GORM's and SQL's, `session` for xorm's (whose `In` bounds).
    const handleOf = (name: string, depth: number): string | undefined =>
      this.memo(`go.handle:${at}:${name}:${depth}`, () => handleNamed(name, depth));
    const handleNamed = (name: string, depth: number): string | undefined => {
      if (GO_HANDLE_NAME.test(name)) return 'db';
      const type = (f >= 0 ? this.goLocalTypesOf(this.spanOfFunction(f)).typeOf(name) : undefined) ?? fields.get(name);
      if (type) return GO_HANDLE_TYPE.test(type) ? (type.startsWith('xorm.') ? 'session' : 'db') : undefined;
      if (depth > 1) return undefined;
      const built = new RegExp(`(?:^|[\\s;(])${name}\\s*:?=\\s*(?:([A-Za-z_]\\w*)\\.)?([A-Za-z_]\\w*)\\.(?:${GO_HANDLE_BUILDERS})\\(`).exec(body);
      if (!built) return undefined;
      return built[1] !== undefined && GO_HANDLE_FIELD.test(built[2]) ? 'db' : handleOf(built[2], depth + 1);
    };
    // A field: `e.Orm.Find(&list)`, `r.conn.Query(…)` with `conn *sql.DB`.
    for (let k = 1; k < chain.length - 1; k++) {
      const type = fields.get(chain[k]) ?? '';
      if (GO_HANDLE_FIELD.test(chain[k]) || GO_HANDLE_TYPE.test(type)) return [type.startsWith('xorm.') ? 'session' : 'db', ...chain.slice(k + 1)];
    }
    if (GO_HANDLE_NAME.test(chain[0])) return undefined;
    const handle = handleOf(chain[0], 0);
    return handle ? [handle, ...chain.slice(1)] : undefined;
  }

  /**
   * Go: the type, as the file writes it, of what a handle's method is called on when that is a type of the project's
   * own (drone's stores run `queryer.Query(…)` in `s.db.View(func(queryer db.Queryer, binder db.Binder) error {…})`,
   * with `Queryer interface { Query(…); QueryRow(…) }`, which *sqlx.DB satisfies): the join keeps the query only when
   * the type is such an interface (CallMatch.goHandleInterface). A parameter or local (`queryer`), or a field (`s.q`).
   */
  private goHandleInterfaceOf(call: CallInfo): string | undefined {
    const chain = call.chain;
    if (chain.length < 2 || chain.length > 3 || !GO_HANDLE_INTERFACE_METHOD.test(chain[chain.length - 1])) return undefined;
    const fields = this.memo('types', () => declaredTypes(this.text, this.spec.family));
    const holder = chain[chain.length - 2];
    const f = this.functionOf[call.index];
    const type = chain.length === 2 ? ((f >= 0 ? this.goLocalTypesOf(this.spanOfFunction(f)).typeOf(holder) : undefined) ?? fields.get(holder)) : fields.get(holder);
    return type && GO_PROJECT_TYPE.test(type) && !GO_HANDLE_TYPE.test(type) ? type : undefined;
  }

  /**
   * Go: a squirrel builder whatever its name, run: one declared of a builder type of squirrel's, a field on the way
   * (openfga's `dbInfo.stbl.Select(…).From(…).Where(…).QueryContext(ctx)` with `stbl sq.StatementBuilderType`) or the
   * root, a parameter or local (`b sq.SelectBuilder`), or a select built in the chain, `….Select(…).From(…)…Query()`,
   * in a file that imports squirrel: the chain from there as the builder rules know it (`sb.…`).
   */
  private goSquirrelChain(call: CallInfo): string[] | undefined {
    const chain = call.chain;
    if (chain.length < 2 || !SQUIRREL_RUNS.test(chain[chain.length - 1]) || !this.mentions('Masterminds/squirrel')) return undefined;
    const alias = this.memo('go.squirrel', () => moduleFacts(this.words, 'go').imports.find((i) => i.module === SQUIRREL_MODULE)?.local);
    if (!alias) return undefined;
    const fields = this.memo('types', () => declaredTypes(this.text, this.spec.family));
    const builder = (type: string | undefined) => !!type && type.length > alias.length + 1 && type.startsWith(alias) && type[alias.length] === '.' && SQUIRREL_TYPE.test(type.slice(alias.length + 1));
    for (let k = 1; k < chain.length - 1; k++) if (builder(fields.get(chain[k]))) return [SQUIRREL_STAND_IN, ...chain.slice(k + 1)];
    const f = this.functionOf[call.index];
    if (builder((f >= 0 ? this.goLocalTypesOf(this.spanOfFunction(f)).typeOf(chain[0]) : undefined) ?? fields.get(chain[0]))) return [SQUIRREL_STAND_IN, ...chain.slice(1)];
    const select = chain.indexOf('Select', 1);
    return select > 0 && chain.indexOf('From', select + 1) > 0 ? [SQUIRREL_STAND_IN, ...chain.slice(select)] : undefined;
  }

  /**
   * Go: an ent builder kept in a local and run later (homebox's `q := r.db.Entity.Query().Where(…)`, then `q.All(ctx)`;
   * `u := r.db.Entity.Update()…`, then `u.Save(ctx)`): the chain as if written in one, so ent's rules read it.
   */
  private goEntBuilt(call: CallInfo): string[] | undefined {
    const chain = call.chain;
    if (chain.length < 2 || !ENT_RUNS.test(chain[chain.length - 1]) || !/^[a-z_]\w*$/.test(chain[0])) return undefined;
    const built = ENT_BUILT.exec(this.lastValueOf(call.index, chain[0]) ?? '');
    return built ? [...built[1].split('.'), built[2] ?? built[3], ...chain.slice(1)] : undefined;
  }

  /** Go's `s.db.Query()` in a method with receiver `s`: the receiver is Go's `this`, so the field is the client. */
  /**
   * Whether the file imports the type from a package (`import { IntercomClient } from 'intercom-client'`), not from a
   * relative path or an alias of the project's (`./db`, `@/lib/db`, `~/db`, `#db`).
   */
  private importedFromPackage(name: string): boolean {
    return this.memo(`pkgType:${name}`, () => {
      const n = name.replace(/\$/g, '\\$');
      const from = new RegExp(String.raw`\bimport\s+(?:type\s+)?(?:[\w$]+\s*,\s*)?(?:\{[^}]*\b${n}\b[^}]*\}|${n})\s+from\s+['"]([^'"]+)['"]|\{[^}]*\b${n}\b[^}]*\}\s*=\s*require\(\s*['"]([^'"]+)['"]`).exec(this.text);
      const module = from?.[1] ?? from?.[2];
      return module !== undefined && !/^(?:\.|@\/|~\/|#)/.test(module);
    });
  }

  /** JavaScript: a class the file declares, or a name it imports from a path of the project's own (`./dbClient`, `@/lib/db`). */
  private ownClassType(name: string): boolean {
    return this.memo(`ownType:${name}`, () => {
      const n = name.replace(/\$/g, '\\$');
      if (new RegExp(String.raw`\bclass\s+${n}\b`).test(this.text)) return true;
      const from = new RegExp(String.raw`\bimport\s+(?:type\s+)?(?:[\w$]+\s*,\s*)?(?:\{[^}]*\b${n}\b[^}]*\}|${n})\s+from\s+['"]([^'"]+)['"]|\{[^}]*\b${n}\b[^}]*\}\s*=\s*require\(\s*['"]([^'"]+)['"]`).exec(this.text);
      const module = from?.[1] ?? from?.[2];
      return module !== undefined && /^(?:\.|@\/|~\/|#)/.test(module);
    });
  }

  private receiverAsThis(call: CallInfo): string[] | undefined {
    const chain = call.chain;
    if (this.spec.family !== 'go' || chain.length < 3) return undefined;
    for (let f = this.functionOf[call.index]; f >= 0; f = this.functions[f].outer) {
      const receiver = this.functions[f].receiver;
      if (receiver) return receiver === chain[0] ? ['this', ...chain.slice(1)] : undefined;
    }
    return undefined;
  }

  rangeOf(i: number): Range {
    const n = this.nodes[i];
    return { start: positionAt(this.lineStarts, n.start), end: positionAt(this.lineStarts, n.end) };
  }

  /** The offset is in code, not in a comment or a string. */
  isCodeAt(offset: number): boolean {
    return !this.spec.nonCodeTypes.has(this.tree.rootNode.descendantForIndex(offset, offset)?.type ?? '');
  }

  rangeOfSpan(start: number, end: number): Range {
    return { start: positionAt(this.lineStarts, start), end: positionAt(this.lineStarts, end) };
  }

  rangeOfNode(node: Node): Range {
    return { start: { line: node.startPosition.row, character: node.startPosition.column }, end: positionAt(this.lineStarts, node.endIndex) };
  }

  textOf(i: number): string {
    return this.text.slice(this.nodes[i].start, this.nodes[i].end);
  }

  /** Argument nodes of a call (named children of its own argument list), from the tree: for the few calls that need them. */
  argumentsOf(call: CallInfo): Node[] {
    if (call.argsStart < 0) return [];
    const list = this.nodes[call.index].node.childForFieldName('arguments');
    if (!list) return [];
    if (list.type === 'generator_expression') return [list];
    return list.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  }

  /** The text of the call's argument list without its brackets ('' when it has none). */
  argumentsText(call: CallInfo): string {
    return call.argsStart >= 0 ? this.text.slice(call.argsStart + 1, call.argsEnd - 1) : '';
  }

  /**
   * The arguments of every call of the chain this call ends (`got(url, { timeout }).json()`,
   * `session.exec(stmt).all()`): the calls nested in it that start where it starts.
   */
  argumentsAlongChain(i: number): { text: string; names: string[] } {
    let text = '';
    const names: string[] = [];
    // (Also those of the call awaited in parentheses the chain reads on: `(await session.execute(stmt)).scalars().all()`.)
    const awaited = this.awaitedCallOf(i);
    for (const from of awaited === undefined ? [i] : [i, awaited]) {
      const start = this.nodes[from].start;
      for (let j = from; j < this.nodes.length && this.nodes[j].start === start; j++) {
        const call = this.calls.get(j);
        if (!call) continue;
        const args = this.argumentsText(call);
        text += ' ' + args;
        if (/^\s*[A-Za-z_$][\w$]*\s*$/.test(args)) names.push(args.trim());
      }
    }
    return { text, names };
  }

  /**
   * The source from the first assignment to `name` in the enclosing function (or statement) up to the call at `i`:
   * what a statement kept in a variable was built with (`stmt = select(X)`, then `stmt = stmt.limit(n)`).
   */
  /** `name` is a parameter of the function node i is in (read from the function's head, before its body). */
  isParameterAt(i: number, name: string): boolean {
    const f = this.functionOf[i];
    if (f < 0) return false;
    const fn = this.nodes[this.functions[f].index];
    const body = fn.node.childForFieldName('body');
    const head = this.text.slice(fn.start, body ? body.startIndex : fn.end);
    return new RegExp(`(?:^|[^\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(head.slice(head.indexOf('(') >= 0 ? head.indexOf('(') : 0));
  }

  /** What the function last gave `name` before node `i`, as written (the rest of its line), if anything. */
  lastValueOf(i: number, name: string): string | undefined {
    const f = this.functionOf[i];
    const { start, end } = f >= 0 ? this.spanOfFunction(f) : this.span;
    const cut = this.nodes[i].start;
    // Every assignment of the function read once: a pattern per loop over the function before it made a long one
    // quadratic. (Names of other scripts are searched for as they were.)
    if (!ASCII_NAME.test(name)) return assignedValues(this.text.slice(start, cut), name);
    return this.memo(`assignments:${start}:${end}`, () => Assignments.of(this.text, start, end)).lastBefore(name, cut);
  }

  assignedBefore(i: number, name: string): string {
    const f = this.functionOf[i];
    const from = f >= 0 ? this.nodes[this.functions[f].index].start : this.span.start;
    const before = this.text.slice(from, this.nodes[i].start);
    // `x = …`, `x: T = …`, Go's `x := …`
    const m = new RegExp(`(?:^|[^\\w$.])${name.replace(/\$/g, '\\$')}\\s*(?::[^=\\n]+|:)?=(?!=)`).exec(before);
    return m ? before.slice(m.index) : '';
  }

  /**
   * The scan index of a node obtained another way (a field of a scanned node), if it was scanned: found by its
   * offsets and type (the scan is in document order), so no scanned node has to be made a `Node` to be compared.
   */
  indexOfNode(node: Node): number | undefined {
    const nodes = this.nodes;
    const start = node.startIndex;
    const lo = this.firstIndexFrom(start);
    if (lo === nodes.length || nodes[lo].start !== start) return undefined;
    const end = node.endIndex;
    const type = node.type;
    for (let k = lo; k < nodes.length && nodes[k].start === start; k++) if (nodes[k].end === end && nodes[k].type === type) return k;
    return undefined;
  }

  /**
   * A scanned node inside `node` (the first), else the last one before it: a place for what is written there, when
   * `node` itself is of a type the scan skips (an object literal of route settings).
   */
  indexWithin(node: Node): number | undefined {
    const lo = this.firstIndexFrom(node.startIndex);
    if (lo < this.nodes.length && this.nodes[lo].start < node.endIndex) return lo;
    return lo > 0 ? lo - 1 : undefined;
  }

  /** The first scan index whose node starts at or after `offset` (the scan is in document order). */
  private firstIndexFrom(offset: number): number {
    const nodes = this.nodes;
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nodes[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index in `functions` of the function node at scan index i, if it is one. */
  functionIndexAt(i: number): number | undefined {
    return this.functionIndex.get(i);
  }

  functionAt(i: number): FunctionInfo | undefined {
    const f = this.functionOf[i];
    return f >= 0 ? this.functions[f] : undefined;
  }

  loopAt(i: number): LoopContext | undefined {
    const l = this.loopOf[i];
    return l >= 0 ? this.loops[l] : undefined;
  }

  /**
   * The call runs for one item of its loop at most: it sits under an `if` that picks the item by its id
   * (`for _, t := range acc.Token { if t.ID == id { store.UpdateToken(t) } }`), a search, not a query per item, or
   * it leaves the loop right after (below). A comparison on a foreign key (`item.categoryId === cat.id`) matches many.
   */
  matchedOnce(i: number): boolean {
    return this.loopOf[i] >= 0 && this.loopOnEveryTurn(i) === undefined;
  }

  /**
   * The innermost loop each turn of which runs the call: the call's own, unless it runs there for one item at most
   * (matchedOnce); then the loop around that one, whose turns each run it again (`for (const row of rows) for (const o
   * of others) if (o.id === row.otherId) { query(o); break; }` is a query per row).
   */
  loopOnEveryTurn(i: number): LoopContext | undefined {
    if (this.loopOf[i] < 0 || this.guardedByOnceFlag(i)) return undefined;
    // (Filling a package's value once, unless the loop is inside that branch: each of its items still runs the call.)
    const fill = this.packageFillAt(i);
    if (fill !== undefined && (this.spec.family !== 'go' || this.nodes[this.loops[this.loopOf[i]].index].start < fill)) return undefined;
    for (let l = this.loopOf[i]; l >= 0; ) {
      const once = this.onceIn(i, l);
      if (once === 'no') return this.loops[l];
      if (once === 'every loop') return undefined;
      const outer = this.loopOf[this.loops[l].index];
      if (outer === l) return undefined;
      l = outer;
    }
    return undefined;
  }

  /** Whether the call runs once in loop `l`: no, once in that loop ('loop'), or once in every loop around it. */
  private onceIn(i: number, l: number): 'no' | 'loop' | 'every loop' {
    const loop = this.nodes[this.loops[l].index];
    const callback = this.roles.fn.has(loop.type);
    const start = this.nodes[i].start;
    // `for check in checks: if check.key == key: return to_dict(check)`: a call in the statement that leaves the loop
    // runs once (healthchecks' get_check_by_unique_key); not a callback's return (`ids.map(async (id) => { return
    // await query(id); })`), which goes on to the next item.
    const ret = this.nextWord('return', loop.start);
    if (!callback && ret >= 0 && ret < start) {
      let inReturn = false;
      for (let n = this.nodes[i].node.parent; n && n.startIndex >= loop.start; n = n.parent) {
        if (n.startIndex === loop.start && n.endIndex === loop.end) break;
        if (n.type === 'return_statement') inReturn = true;
        else if (inReturn && this.roles.fn.has(n.type)) inReturn = false;
      }
      if (inReturn) return 'every loop';
    }
    const exit = this.leavesLoopAfter(i, loop, callback);
    if (exit) return exit;
    if (this.fillsCache(i, loop) || this.filledOnCacheMiss(i) || this.setOnce(i, loop)) return 'every loop';
    if (!callback && this.dispatchedByItem(i, loop)) return 'loop';
    // (Also in a callback run per item: EasyExcel's listener `invoke` writing once 3,000 rows are gathered.)
    if (this.flushesByBatch(i, loop)) return 'loop';
    if (!callback && this.skipsOtherIds(loop, start)) return 'loop';
    // Most loops hold no comparison before the call: known from the file's comparison offsets, without the tree.
    const comparisons = this.offsetsOfWords('comparisons', COMPARISONS);
    const lo = firstAtOrAbove(comparisons, loop.start);
    if (lo === comparisons.length || comparisons[lo] > start) return 'no';
    let variables: string[] | undefined;
    // An `if` inside an inner loop picks one item of that loop, not of this one: only those above it count.
    const ancestors: Node[] = [];
    for (let n = this.nodes[i].node.parent; n && n.startIndex >= loop.start && !(n.startIndex === loop.start && n.endIndex === loop.end); n = n.parent) {
      if (this.spec.loops[n.type] || this.roles.fn.has(n.type)) ancestors.length = 0;
      else ancestors.push(n);
    }
    for (const n of ancestors) {
      if (n.type !== 'if_statement' && n.type !== 'elif_clause') continue;
      // Only the branch the condition guards: a call in `else` runs for every other item.
      const consequence = n.childForFieldName('consequence');
      if (!consequence || start < consequence.startIndex || start >= consequence.endIndex) continue;
      const condition = n.childForFieldName('condition')?.text ?? '';
      if (condition.includes('||') || /\bor\b/.test(condition)) continue;
      if (picksById(condition)) return 'loop';
      variables ??= loopVariables(loop.node);
      if (picksByValue(condition, variables)) return 'loop';
    }
    return 'no';
  }

  /**
   * The call flushes what the loop gathered once a batch is full (plane's cleanup task: `buffer.append(row)` then
   * `if len(buffer) >= BATCH_SIZE: Model.objects.bulk_create(buffer)`), or every so many items (`if i % 500 == 0:`):
   * once per batch, not per item.
   */
  private flushesByBatch(i: number, loop: Scanned): boolean {
    const start = this.nodes[i].start;
    // (From the words' offsets, not the loop's text up to each call: a loop of a thousand queries read its text a
    // thousand times.)
    const before = (w: string) => {
      const at = this.nextWord(w, loop.start);
      return at >= 0 && at < start;
    };
    if (!before('>') && !before('%') && !before('==')) return false;
    for (let n = this.nodes[i].node.parent; n && n.startIndex >= loop.start && !(n.startIndex === loop.start && n.endIndex === loop.end); n = n.parent) {
      if (this.spec.loops[n.type] || this.roles.fn.has(n.type)) return false;
      if (n.type !== 'if_statement') continue;
      const consequence = n.childForFieldName('consequence');
      const full = consequence && start >= consequence.startIndex && start < consequence.endIndex ? BATCH_FULL.exec(n.childForFieldName('condition')?.text ?? '') : null;
      if (!full) continue;
      // In a callback, a buffer kept across its calls (a field, a variable outside it), not a part of the item it is
      // given: `if (order.lines.length > LARGE_ORDER)` picks items, it flushes nothing.
      return !this.roles.fn.has(loop.type) || !this.localToCallback(loop, /[A-Za-z_$][\w$]*/.exec(full[0].replace(/^len\s*\(\s*/, ''))?.[0] ?? '', start);
    }
    return false;
  }

  /** `name` is a parameter of the callback, or declared in it before `before`: a value of one call, not kept across calls. */
  private localToCallback(fn: Scanned, name: string, before: number): boolean {
    if (!name || name === 'this' || name === 'self') return false;
    const params = fn.node.childForFieldName('parameters') ?? fn.node.childForFieldName('parameter');
    if (params && new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(params.text)) return true;
    return new RegExp(`\\b(?:const|let|var|final|[A-Z][\\w<>,\\[\\]]*)\\s+${name.replace(/\$/g, '\\$')}\\s*=`).test(this.text.slice(fn.start, before));
  }

  /**
   * Before the call, the loop skips every item but one by its id: lnbits' `for repo in repos: if repo.id != ext_id:
   * continue` then the call, which runs for that item only, as under `if repo.id == ext_id:` (picksById). A guard of
   * an inner loop does not count.
   */
  private skipsOtherIds(loop: Scanned, start: number): boolean {
    const next = this.nextWord('continue', loop.start);
    if (next < 0 || next >= start) return false;
    // Where the loop's own guards end, found once per loop: each call of a loop of a thousand asks.
    const guards = this.memo(`skipsOtherIds:${loop.start}`, () => {
      const ends: number[] = [];
      for (const m of this.text.slice(loop.start, loop.end).matchAll(SKIPS_OTHERS)) {
        if (!picksById(`${m[1]} == ${m[2]}`)) continue;
        let n: Node | null = this.tree.rootNode.descendantForIndex(loop.start + m.index!);
        while (n && !(n.startIndex === loop.start && n.endIndex === loop.end) && !this.spec.loops[n.type]) n = n.parent;
        if (n && n.startIndex === loop.start && n.endIndex === loop.end) ends.push(loop.start + m.index! + m[0].length);
      }
      return ends;
    });
    return guards.length > 0 && guards[0] <= start;
  }

  /**
   * The call is in one `case` of a `switch` on the loop's own item (wiki.js's export: `for (const entity of
   * opts.entities) { switch (entity) { case 'assets': … } }`; Go's `switch kind {`, Python's `match kind:`): it runs
   * for the item of that value, once, as `if entity == 'assets'` would (picksByValue). Not in `default`, which runs
   * for every other item, nor a switch on something else.
   */
  private dispatchedByItem(i: number, loop: Scanned): boolean {
    const start = this.nodes[i].start;
    const at = this.nextWord(this.spec.family === 'python' ? 'match' : 'switch', loop.start);
    if (at < 0 || at > start) return false;
    const variable = loopVariable(loop.node);
    if (!variable) return false;
    let clause: Node | undefined;
    for (let n = this.nodes[i].node.parent; n && n.startIndex > loop.start; n = n.parent) {
      if (this.spec.loops[n.type] || this.roles.fn.has(n.type)) return false;
      if (/^(switch_case|expression_case|switch_block_statement_group|switch_rule|case_clause)$/.test(n.type)) clause = n;
      if (!/^(switch_statement|expression_switch_statement|switch_expression|match_statement)$/.test(n.type)) continue;
      const subject = (n.childForFieldName('value') ?? n.childForFieldName('condition') ?? n.childForFieldName('subject'))?.text ?? '';
      return !!clause && subject.replace(/^\(([^]*)\)$/, '$1').trim() === variable && /^case\s+(?:['"`\d-]|[A-Z]|[\w.]+\.[A-Z])/.test(clause.text);
    }
    return false;
  }

  /**
   * The call gives a variable of the function its value the first time the loop needs it (saleor's bulk update:
   * `default_customer_type = None` before the loop, then `if default_customer_type is None: default_customer_type =
   * get_default_customer_type()` in it; `if (!cached) cached = await load()`): once, not once per item.
   */
  private setOnce(i: number, loop: Scanned): boolean {
    const start = this.nodes[i].start;
    // Most loops hold no `if` before the call: known from the text, without walking up the tree.
    const test = this.nextWord('if', loop.start);
    if (test < 0 || test >= start) return false;
    for (let n = this.nodes[i].node.parent; n && n.startIndex > loop.start; n = n.parent) {
      if (this.spec.loops[n.type] || this.roles.fn.has(n.type)) return false;
      if (n.type !== 'if_statement') continue;
      const consequence = n.childForFieldName('consequence');
      if (!consequence || start < consequence.startIndex || start >= consequence.endIndex) continue;
      const name = testedEmpty(n.childForFieldName('condition')?.text ?? '');
      if (!name) continue;
      // Assigned there from the call (also with another value, Go's `shared, err = load(…)` in ente's file access
      // check), and empty before the loop (in the function that holds both).
      const assigned = new RegExp(`\\b${name}(?:\\s*,\\s*[\\w.]+)*\\s*=\\s*(?:await\\s+)?[^=;\\n]*$`).test(this.text.slice(consequence.startIndex, start));
      const f = this.functionOf[i];
      const from = f >= 0 ? this.nodes[this.functions[f].index].start : 0;
      const empty = new RegExp(`\\b${name}\\s*(?::[^=\\n]+)?=\\s*(?:None|null|undefined|nil)\\b|\\blet\\s+${name}\\s*(?::[^=;\\n]+)?;|\\bvar\\s+${name}\\s+[\\w.*\\[\\]]+\\s*$`, 'm').test(this.text.slice(from, loop.start));
      return assigned && empty;
    }
    return false;
  }

  /**
   * The call fills a cache on a miss of the value read from it just before (hertzbeat's `list = (List) silenceCache
   * .get(KEY); if (list == null) { list = alertSilenceDao.findAll(); silenceCache.put(KEY, list); }`, `x = cache.get(k)`
   * then `if x is None:` or `if (!x)`, Go's `v, ok := cache.Get(k); if !ok {…}`): it runs once per key and expiry, not
   * once per request or per item.
   */
  filledOnCacheMiss(i: number): boolean {
    if (!this.memo('mentionsCache', () => /cache/i.test(this.text))) return false;
    if (this.keptInOwnCache(i)) return true;
    const start = this.nodes[i].start;
    for (let n = this.nodes[i].node.parent; n && !this.roles.fn.has(n.type); n = n.parent) {
      if (n.type !== 'if_statement') continue;
      const consequence = n.childForFieldName('consequence');
      if (!consequence || start < consequence.startIndex || start >= consequence.endIndex) continue;
      const name = testedEmpty(n.childForFieldName('condition')?.text ?? '');
      if (!name || !/cache\w*(?:\(\))?\s*(?:\.\s*(?:put|set|Set|Put|add|store|Store)\w*\s*\(|\[[^\]]+\]\s*=[^=])/i.test(consequence.text)) continue;
      // The value (or Go's found flag) comes from a lookup of a cache, earlier in the function.
      const before = this.text.slice(Math.max(0, n.startIndex - 400), n.startIndex) + (n.childForFieldName('initializer')?.text ?? '');
      if (new RegExp(`\\b${name}\\s*(?::=|=)[^;\\n]*?cache\\w*(?:\\(\\))?\\s*\\.\\s*(?:get|Get|getIfPresent|load|Load)\\w*\\s*\\(|,\\s*${name}\\s*:=\\s*[\\w.]*cache\\w*\\.\\s*Get\\w*\\(`, 'i').test(before)) return true;
    }
    return false;
  }

  /**
   * A method that returns its own cache field when it is set, earlier in the method, and keeps what the call reads
   * there after it (ghostfolio's `if (this.cachedProperties && fresh) return this.cachedProperties; const properties =
   * prisma.property.findMany(); this.cachedProperties = properties;`): read once per expiry.
   */
  private keptInOwnCache(i: number): boolean {
    const f = this.functionOf[i];
    if (f < 0) return false;
    const fn = this.nodes[this.functions[f].index];
    const at = this.nodes[i].start;
    for (const m of this.text.slice(fn.start, at).matchAll(/\breturn\s+(?:this|self)\.(\w*[cC]ache\w*)\s*[;\n}]/g)) {
      if (new RegExp(`(?:this|self)\\.${m[1]}\\s*=(?!=)`).test(this.text.slice(at, fn.end))) return true;
    }
    return false;
  }

  /**
   * The call fills a cache the loop keeps, under a test that the key is not in it yet (netbox's event rules: `if
   * object_type not in cache[event_type]: cache[event_type][object_type] = EventRule.objects.filter(…)`; `if
   * (!cache.has(key)) cache.set(key, await load(key))`; Go's `if _, ok := cache[key]; !ok { cache[key] = load(key) }`, the
   * read also on a line of its own before the test):
   * once per key, which is how a query per item is avoided, as a memoized function avoids it.
   */
  private fillsCache(i: number, loop: Scanned): boolean {
    const start = this.nodes[i].start;
    const tests = this.offsetsOfWords('cacheTests', CACHE_TESTS);
    const first = firstAtOrAbove(tests, loop.start);
    if (first === tests.length || tests[first] > start) return false;
    const flat = (text: string) => text.replace(/\s+/g, '');
    for (let n = this.nodes[i].node.parent; n && n.startIndex > loop.start; n = n.parent) {
      if (n.type !== 'if_statement') continue;
      const consequence = n.childForFieldName('consequence');
      if (!consequence || start < consequence.startIndex || start >= consequence.endIndex) continue;
      const written = n.childForFieldName('condition')?.text ?? '';
      const condition = flat(written).replace(/^\((.*)\)$/, '$1');
      const body = flat(consequence.text);
      const absent = this.spec.family === 'python' ? /^(.+?)\s+not\s+in\s+(.+)$/s.exec(written) : null;
      if (absent && body.includes(`${flat(absent[2])}[${flat(absent[1])}]=`)) return true;
      const unset = /^!([\w$.[\]]+)\.has\((.+)\)$/.exec(condition);
      if (unset && body.includes(`${unset[1]}.set(${unset[2]},`)) return true;
      const lookup = this.spec.family === 'go' ? /^\w+,(\w+):=(.+)$/.exec(flat(n.childForFieldName('initializer')?.text ?? '')) : null;
      if (lookup && condition === `!${lookup[1]}` && body.includes(`${lookup[2]}=`)) return true;
      // …or read on a line of its own before the test (gophish's mailer: `c, ok := campaignCache[m.CampaignId]`, then
      // `if !ok { c, err = models.GetCampaignMailContext(…); campaignCache[c.Id] = c }`).
      const flag = this.spec.family === 'go' && !lookup ? /^!(\w+)$/.exec(condition)?.[1] : undefined;
      const read = flag ? [...this.text.slice(loop.start, n.startIndex).matchAll(new RegExp(`\\b\\w+\\s*,\\s*${flag}\\s*:?=\\s*([\\w.]+)\\[`, 'g'))].pop() : undefined;
      if (read && new RegExp(`(?:^|[^\\w.])${read[1].replace(/\./g, '\\.')}\\[[^\\]]+\\]=(?!=)`).test(body)) return true;
    }
    return false;
  }

  /**
   * A call in a block that then leaves the loop (eladmin's poll: `if (!result) { redisUtils.del(uuid); break; }`,
   * `except Timeout: client.close(); raise`): it runs on the last turn only, of that loop (`break`) or of every loop
   * (`return`, `throw`). Not when a `continue` may skip the way out, nor a `break` that leaves a `switch`, a `select`
   * or an inner loop instead, nor a callback's `return`, which goes on to the next item.
   */
  private leavesLoopAfter(i: number, loop: Scanned, callback: boolean): 'loop' | 'every loop' | undefined {
    const call = this.nodes[i];
    // Most loops have no way out after the call: known from the file's offsets of those words, without the tree.
    const exits = this.offsetsOfWords('exits', EXIT_WORDS);
    const next = exits[firstAtOrAbove(exits, call.end)];
    if (next === undefined || next >= loop.end) return undefined;
    const ancestors: Node[] = [];
    for (let n = call.node.parent; n && n.startIndex >= loop.start && !(n.startIndex === loop.start && n.endIndex === loop.end); n = n.parent) {
      // A block of a function written in the loop leaves that function (karakeep's `db.transaction(async (tx) => {
      // …; return false; })`); one of a `try` the call is in leaves only if the call did not throw: a failover loop
      // (`for (const url of urls) try { await check(url); return; } catch {}`) calls once per item until one answers.
      // (Not a JavaScript call nothing waits for, whose failure never reaches the `catch`: usertour's `try {
      // jwtService.verify(…); this.touchLastUsed(secret); return { status: 'valid' } } catch {}` touches once.)
      if (this.roles.fn.has(n.type)) ancestors.length = 0;
      else if (n.type === 'try_statement' && (n.childForFieldName('body')?.endIndex ?? 0) >= call.end && !this.notWaitedFor(i)) return undefined;
      else ancestors.push(n);
    }
    for (const n of ancestors) {
      if (!BLOCK_TYPES.has(n.type)) continue;
      const last = n.lastNamedChild;
      if (!last || last.startIndex < call.end || /\bcontinue\b/.test(this.text.slice(call.end, last.startIndex))) continue;
      const exit = this.exitOf(last, loop, callback);
      if (exit) return exit;
    }
    return undefined;
  }

  /** How far the statement leaves: out of `loop` (a `break` of it), out of every loop (`return`, `throw`), or neither. */
  private exitOf(statement: Node, loop: Scanned, callback: boolean): 'loop' | 'every loop' | undefined {
    const type = statement.type;
    if (type === 'throw_statement' || type === 'raise_statement') {
      // Not out of a `try` inside the loop whose handler may catch it and go on.
      for (let n = statement.parent; n && !(n.startIndex === loop.start && n.endIndex === loop.end); n = n.parent) {
        const body = n.type === 'try_statement' ? n.childForFieldName('body') : null;
        if (body && statement.startIndex >= body.startIndex && statement.endIndex <= body.endIndex) return undefined;
      }
      return 'every loop';
    }
    if (type === 'return_statement') return callback ? undefined : 'every loop';
    // `break outer` leaves another loop; a `break` under a switch, a select or an inner loop leaves that.
    if (type !== 'break_statement' || callback || /^break\s+\w/.test(statement.text)) return undefined;
    for (let n = statement.parent; n && !(n.startIndex === loop.start && n.endIndex === loop.end); n = n.parent) {
      if (/switch|select_statement/.test(n.type) || this.spec.loops[n.type]) return undefined;
    }
    return 'loop';
  }

  /**
   * The call runs only until a module-level flag is set: `if (!ragFolderReady) prepareRagFolder()` with
   * `let ragFolderReady = false` at the top and `ragFolderReady = true` somewhere in the file. The first request
   * pays for it, not every request, nor every item of a loop around it.
   */
  guardedByOnceFlag(i: number): boolean {
    const flags = this.memo('onceFlags', () => onceFlagsOf(this.text, this.spec.family));
    if (flags.size === 0) return false;
    const start = this.nodes[i].start;
    for (let n = this.nodes[i].node.parent; n; n = n.parent) {
      if (n.type !== 'if_statement') continue;
      const consequence = n.childForFieldName('consequence');
      if (!consequence || start < consequence.startIndex || start >= consequence.endIndex) continue;
      const flag = /^\(?\s*(?:!|not\s+)\s*([A-Za-z_$][\w$]*)\s*\)?$/.exec(n.childForFieldName('condition')?.text ?? '');
      if (flag && flags.has(flag[1])) return true;
    }
    return false;
  }

  /**
   * Go: the call runs only while a package-level value is still empty, in the branch that fills it: 1Panel's
   * `if len(global.CONF.System.EncryptKey) == 0 { …DB.Where(…).First(&setting)…; global.CONF.System.EncryptKey =
   * setting.Value }` (also `== ""`, `== nil`). It is read once, then kept: as a flag set once (guardedByOnceFlag), not
   * on every call, nor every item of a loop around it. Not a value of the function's own (a parameter, the receiver,
   * a local), which each call or object fills anew.
   */
  fillsPackageValue(i: number): boolean {
    return this.packageFillAt(i) !== undefined;
  }

  /** Where the branch fillsPackageValue finds starts (Go; Python: 0), or undefined. */
  private packageFillAt(i: number): number | undefined {
    if (this.spec.family === 'python') return this.fillsModuleValue(i) ? 0 : undefined;
    if (this.spec.family !== 'go' || !this.memo('go.emptyTests', () => /==\s*(?:0\b|""|nil\b)|\btime\.Since\(/.test(this.text))) return undefined;
    const start = this.nodes[i].start;
    for (let n = this.nodes[i].node.parent; n && !this.roles.fn.has(n.type); n = n.parent) {
      if (n.type !== 'if_statement') continue;
      const consequence = n.childForFieldName('consequence');
      if (!consequence || start < consequence.startIndex || start >= consequence.endIndex) continue;
      // Also while it is older than a time, or empty: new-api's GetPricing, `if time.Since(lastGetPricingTime) >
      // time.Minute || len(pricingMap) == 0 { updatePricing() }`, read at most once a minute, whatever asks for it.
      const values = (n.childForFieldName('condition')?.text.trim() ?? '').split(/\s*\|\|\s*/).map((part) => {
        const tested = /^len\(\s*([A-Za-z_][\w.]*)\s*\)\s*==\s*0$|^([A-Za-z_][\w.]*)\s*==\s*(?:""|nil)$|^time\.Since\(\s*([A-Za-z_][\w.]*)\s*\)\s*>=?\s*[\w.]+(?:\s*\*\s*[\w.]+)?$/.exec(part);
        return tested?.[1] ?? tested?.[2] ?? tested?.[3];
      });
      if (!values.length || values.some((v) => !v)) continue;
      // Filled in the branch (`X = v`, `X, err = load()`), or by a function of the file it calls (`updatePricing()`).
      const filled = (value: string) => {
        const assigned = new RegExp(`(?:^|[^\\w.])${value.replace(/\./g, '\\.')}(?:\\s*,\\s*[\\w.]+)*\\s*=[^=]`, 'm');
        return assigned.test(consequence.text) || [...consequence.text.matchAll(/(?:^|[^\w.])([A-Za-z_]\w*)\s*\(/gm)].some((m) => this.ownFunctionText(m[1]) !== undefined && assigned.test(this.ownFunctionText(m[1])!));
      };
      if (!(values as string[]).every(filled)) continue;
      // A name a function around it binds (a parameter, the receiver, a local) is that call's own, not the package's.
      let bound = false;
      for (const value of values as string[]) {
        const head = value.split('.')[0];
        const param = new RegExp(`[(,]\\s*${head}\\b`);
        const local = new RegExp(`(?:^|[\\s;(,])${head}(?:\\s*,\\s*\\w+)*\\s*:=|\\bvar\\s+${head}\\b`);
        for (let f = this.functionOf[i]; f >= 0 && !bound; f = this.functions[f].outer) {
          const fn = this.nodes[this.functions[f].index].node;
          bound = param.test((fn.childForFieldName('receiver')?.text ?? '') + (fn.childForFieldName('parameters')?.text ?? '')) || local.test(fn.childForFieldName('body')?.text ?? '');
        }
      }
      return bound ? undefined : n.startIndex;
    }
    return undefined;
  }

  /** Go: the text of the file's own function `name` (not a method), found once per file. */
  private ownFunctionText(name: string): string | undefined {
    const byName = this.memo('go.ownFunctions', () => {
      const out = new Map<string, string>();
      for (const f of this.functions) {
        if (f.name && !f.owner && !out.has(f.name)) out.set(f.name, this.text.slice(this.nodes[f.index].start, this.nodes[f.index].end));
      }
      return out;
    });
    return byName.get(name);
  }

  /**
   * Python: the same, a module's value filled while it is empty (ckan's datastore type cache, `if not _pg_types:` then
   * `for result in conn.execute(…): _pg_types[result[0]] = result[1]`; `if _client is None: _client = make()` with `global
   * _client`): read once per process, then kept. Only a name the module binds itself, not a parameter.
   */
  private fillsModuleValue(i: number): boolean {
    if (!this.memo('py.emptyTests', () => PY_EMPTY_TEST_LINE.test(this.text))) return false;
    const start = this.nodes[i].start;
    for (let n = this.nodes[i].node.parent; n && !this.roles.fn.has(n.type); n = n.parent) {
      if (n.type !== 'if_statement') continue;
      const consequence = n.childForFieldName('consequence');
      if (!consequence || start < consequence.startIndex || start >= consequence.endIndex) continue;
      const tested = PY_EMPTY_TEST.exec(n.childForFieldName('condition')?.text.trim() ?? '');
      const value = tested?.[1] ?? tested?.[2] ?? tested?.[3];
      if (!value) continue;
      // Filled in the branch: `X = v`, `X[k] = v` (ckan's `_pg_types[result[0]] = result[1]`), `X.update(…)`.
      if (!new RegExp(`(?:^|[^\\w.])${value}(?:\\s*\\[(?:[^[\\]\\n]|\\[[^[\\]\\n]*\\])*\\])?\\s*=[^=]|(?:^|[^\\w.])${value}\\.(?:update|append|extend|add|setdefault)\\s*\\(`, 'm').test(consequence.text)) continue;
      if (!this.memo(`py.moduleBinds:${value}`, () => new RegExp(`^${value}[ \\t]*(?::[^=\\n]+)?=[^=]`, 'm').test(this.text))) continue;
      // (A parameter of that name is the call's own.)
      for (let f = this.functionOf[i]; f >= 0; f = this.functions[f].outer) {
        if (new RegExp(`[(,*]\\s*${value}\\b`).test(this.nodes[this.functions[f].index].node.childForFieldName('parameters')?.text ?? '')) return false;
      }
      // (Nor a local that shadows it: a function that assigns the name without `global` or `nonlocal` has its own.)
      const f = this.functionOf[i];
      if (f >= 0) {
        const body = this.text.slice(this.nodes[this.functions[f].index].start, this.nodes[this.functions[f].index].end);
        if (new RegExp(`(?:^|[^\\w.])${value}\\s*(?::[^=\\n]+)?=[^=]`, 'm').test(body) && !new RegExp(`\\b(?:global|nonlocal)\\s+(?:[\\w, ]*,\\s*)?${value}\\b`).test(body)) return false;
      }
      return true;
    }
    return false;
  }

  /** Spans of every function, by index in `functions`. */
  spanOfFunction(f: number): Span {
    const n = this.nodes[this.functions[f].index];
    return { start: n.start, end: n.end };
  }

  /** The named function a node belongs to, skipping anonymous callbacks (`items.map(x => …)` inside `list`). */
  namedFunctionAt(i: number): number {
    let f = this.functionOf[i];
    while (f >= 0 && !this.functions[f].name) f = this.functions[f].outer;
    return f;
  }

  /**
   * The node runs in an anonymous function that its named function returns, not when that function is called: a Go
   * middleware factory's `return http.HandlerFunc(func(w, r) {…})` (miniflux's fever.Middleware), a handler factory's
   * `(db) => async (req, res) => {…}`. Its calls are made later, by whoever calls what was returned. So are a Go
   * goroutine's (`go func() { … http.Post(…) }()`, sftpgo's action hooks): the function returns without waiting for them.
   */
  runsLater(i: number): boolean {
    for (let f = this.functionOf[i]; f >= 0 && !this.functions[f].name; f = this.functions[f].outer) {
      let returned = this.returnedFunctions.get(f);
      if (returned === undefined) this.returnedFunctions.set(f, (returned = isReturned(this.text, this.nodes[this.functions[f].index].start, this.spec.family) || this.startedUnawaited(f)));
      if (returned) return true;
    }
    return false;
  }

  private readonly returnedFunctions = new Map<number, boolean>();

  /**
   * JavaScript: node `i` runs in the function its named function returns, whoever calls that one's result runs it:
   * the outermost function literal between them returned (`return () => this.deleteUserAccount(uid)`, `(x) => () => …`),
   * or in an argument of an fp-ts `pipe`/`flow` it returns, a step run when the task runs, not `pipe`'s first, the
   * value it starts from (hoppscotch's `return pipe(this.getUserDeletionErrors(user), …, TE.chainW(() => () =>
   * this.deleteUserAccount(user.uid)), TE.chainFirst(…))`), and `i` in a returned one (runsLater). Not one a callback
   * of a `map` returns, `items.map((i) => () => q(i))`: that one is not the result.
   */
  runsInReturned(i: number): boolean {
    if (this.spec.family !== 'js' || !this.runsLater(i)) return false;
    let f = this.functionOf[i];
    if (f < 0 || this.functions[f].name) return false;
    while (this.functions[f].outer >= 0 && !this.functions[this.functions[f].outer].name) f = this.functions[f].outer;
    const n = this.nodes[this.functions[f].index];
    if (isReturned(this.text, n.start, 'js')) return true;
    // Up through the calls it is an argument of, to a `pipe(…)` or `flow(…)` that holds it.
    let child: Node = n.node;
    for (let p = child.parent, depth = 0; p && depth < 12; child = p, p = p.parent, depth++) {
      if (p.type === 'call_expression') continue;
      if (p.type !== 'arguments') return false;
      const call = p.parent;
      if (!call || call.type !== 'call_expression') return false;
      // (A callee's name only: not the text of a call whose result is called, `make(…)(…)`.)
      const callee = call.childForFieldName('function');
      const fn = callee && callee.endIndex - callee.startIndex <= 40 ? PIPE_CALL.exec(callee.text) : null;
      if (!fn) continue;
      // (`pipe`'s first argument is the value it starts from, made now; `flow` is given functions only.)
      return (fn[1] === 'flow' || p.namedChildren[0]?.startIndex !== child.startIndex) && isReturned(this.text, call.startIndex, 'js');
    }
    return false;
  }

  /** The call is in a function given to a cache as its loader (CACHE_LOADER): it runs on a miss of the key only. */
  loadsOnCacheMiss(i: number): boolean {
    if (this.afterCacheHitInBlock(i)) return true;
    // (Java's and Python's loaders: a JavaScript cache's callback, `memcached.get(k, (err, v) => …)`, runs on every read.)
    const family = this.spec.family;
    if (family === 'java' || family === 'python') return this.inFunctionGivenTo(i, CACHE_LOADER);
    // Go: a function literal given to a cache's loading method (gotosocial's `d.state.Caches.DB.DomainBlock.Matches(
    // domain, func() ([]string, error) {…})`, `c.cache.LoadOne(key, func() (*T, error) {…})`).
    if (family === 'go') return this.mentions('ache') && this.inFunctionGivenTo(i, GO_CACHE_LOADER);
    // JavaScript: a loader takes nothing (vendure's `this.requestContextCache.get(ctx, key, () => this.repo.find())`);
    // a callback given what was read (memcached's `get(k, (err, v) => …)`) runs on every read.
    // (Most files have no such cache: a search of the text spares them the walk up from each call.)
    return family === 'js' && this.memo('js.cacheLoaders', () => this.mentions('ache') && JS_CACHE_GET.test(this.text)) && this.inFunctionGivenTo(i, JS_CACHE_LOADER, true);
  }

  /**
   * The call comes after a test that answers from a cache at the start of a block of its function that holds it
   * (litellm's `get_secret`: in `if secret_name.startswith("oidc/"):`, `oidc_token = oidc_cache.get_cache(key=…)` and
   * `if oidc_token is not None: return oidc_token`, then `oidc_client.get(…)`): it runs on a miss only, once per key, as
   * in a function that reads its cache first (readsCacheFirst, for its own body). Not a call in a loop of the function,
   * which runs per item on a miss; not a call before the test, nor in a block beside it.
   */
  afterCacheHitInBlock(i: number): boolean {
    const f = this.functionOf[i];
    if (f < 0 || !this.memo('readsCacheFirst', () => mayReadCacheFirst(this.text, (w) => this.mentions(w)))) return false;
    const fn = this.nodes[this.functions[f].index].node;
    const loop = this.loopOf[i];
    if (loop >= 0 && this.nodes[this.loops[loop].index].start >= fn.startIndex) return false;
    const body = fn.childForFieldName('body');
    const start = this.nodes[i].start;
    const ends = this.memo('cacheHitEnds', () => new Map<number, number | undefined>());
    for (let n = this.nodes[i].node.parent; n && n.startIndex >= fn.startIndex && !(n.startIndex === fn.startIndex && n.type === fn.type); n = n.parent) {
      if (!CACHE_BLOCKS.has(n.type) || (body && n.startIndex === body.startIndex && n.endIndex === body.endIndex)) continue;
      let end = ends.get(n.startIndex);
      if (!ends.has(n.startIndex)) ends.set(n.startIndex, (end = cacheHitEnd(n)));
      if (end !== undefined && end <= start) return true;
    }
    return false;
  }

  /**
   * Java: the call is in a lambda handed to another thread that the function does not wait for: an executor's
   * `execute` (PowerJob's `POOL.execute(() -> alarm(…))`), a timer's or scheduler's `schedule…`/`newTimeout`
   * (`timeWheel.schedule(id, delay, () -> dispatch(…))`), `new Thread(() -> …)`. Not `submit` or `runAsync`, whose
   * futures a caller may wait for.
   */
  handedToThread(i: number): boolean {
    return this.inFunctionGivenTo(i, THREAD_HANDOFF);
  }

  /**
   * Node `i` is in an anonymous function (or one nested in it) whose text just before matches `given`: the call it is
   * handed to. Asked per call and per hazard, so answered once per function and pattern.
   */
  private inFunctionGivenTo(i: number, given: RegExp, takesNothing = false): boolean {
    let known = this.givenTo.get(given);
    if (!known) this.givenTo.set(given, (known = new Map()));
    for (let f = this.functionOf[i]; f >= 0 && !this.functions[f].name; f = this.functions[f].outer) {
      let found = known.get(f);
      if (found === undefined) {
        const start = this.nodes[this.functions[f].index].start;
        found = given.test(this.text.slice(Math.max(0, start - 160), start)) && (!takesNothing || takesNoParameters(this.nodes[this.functions[f].index].node));
        known.set(f, found);
      }
      if (found) return true;
    }
    return false;
  }

  private readonly givenTo = new Map<RegExp, Map<number, boolean>>();

  /**
   * Go: node `i` is in a function literal started in a goroutine its function does not wait for (startedUnawaited),
   * once: not one started per item of a loop, which is a fan-out the request makes (`for … { go func() {…}() }`).
   */
  inGoroutine(i: number): boolean {
    for (let f = this.functionOf[i]; f >= 0 && !this.functions[f].name; f = this.functions[f].outer) {
      if (this.startedUnawaited(f)) return this.loopOf[this.functions[f].index] < 0;
    }
    return false;
  }

  /**
   * Go: a function literal started in a goroutine (`go func() {…}()`) that the function around it does not wait for
   * afterwards (no `wg.Wait()`, `g.Wait()` after it): it returns before that work is done.
   */
  private startedUnawaited(f: number): boolean {
    if (this.spec.family !== 'go') return false;
    const fn = this.nodes[this.functions[f].index];
    if (!/\bgo\s+$/.test(this.text.slice(Math.max(0, fn.start - 8), fn.start))) return false;
    let outer = this.functions[f].outer;
    while (outer >= 0 && !this.functions[outer].name) outer = this.functions[outer].outer;
    const end = outer >= 0 ? this.nodes[this.functions[outer].index].end : this.text.length;
    // A `.Wait()` after it in that function (from the file's offsets of the word: a search of the rest of the
    // function for each goroutine made a long one quadratic).
    const wait = this.nextWord('.Wait()', fn.end);
    return !(wait >= 0 && wait + '.Wait()'.length <= end);
  }
}

/** The text before a lambda handed to another thread (FileStructure.handedToThread). */
const THREAD_HANDOFF =
  /(?:\b(?:executor|\w*(?:Task|Async|Thread)Executor\w*|\w*ExecutorService|\w*[pP]ool|\w*POOL\w*|\w*EXECUTOR\w*|[tT]imer\w*|\w*Timer|TIMER\w*|\w*[sS]cheduler\w*|SCHEDULER\w*|\w*[wW]heel\w*|WHEEL\w*)(?:\(\))?\s*\.\s*(?:execute|schedule\w*|newTimeout)\s*\([^;{}]*|\bnew\s+Thread\s*\(\s*)$/;

/**
 * An anonymous function given back as it is written: `return func(…) {…}`, `return http.HandlerFunc(func(…) {…})` (a
 * conversion to a handler type, not a call that runs it), the body of an arrow (`(db) => (req, res) => …`). Not one
 * handed to a call that runs it (`return items.map((x) => …)`). Read from the text just before the function: the
 * tree is not walked for the many callbacks that are not returned.
 */
const RETURNED = /(?:\breturn|=>)\s*\(?\s*$/;
/** fp-ts's composition of a value through functions, `pipe(…)`, `flow(…)` (also `F.pipe`). */
const PIPE_CALL = /^(?:[\w$]+\.)?(pipe|flow)$/;
const RETURNED_GO = /\breturn\s+(?:[\w.]*(?:Handler|Func)\w*\(\s*)?$/;

export function isReturned(text: string, start: number, family: LanguageSpec['family']): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  return family === 'go' ? RETURNED_GO.test(before) : RETURNED.test(before);
}

/** Module-level flags that start unset and are set somewhere in the file (see FileStructure.guardedByOnceFlag). */
function onceFlagsOf(text: string, family: LanguageSpec['family']): Set<string> {
  // Most files declare no such variable at the top level: ruled out with a plain search first.
  const hint = family === 'python' ? ['= None', '= False', '=None', '=False'] : family === 'go' ? ['\nvar '] : ['\nlet ', '\nvar '];
  if (!hint.some((h) => text.includes(h)) && !/^(let|var) /.test(text)) return new Set();
  const declared =
    family === 'python'
      ? /^([A-Za-z_]\w*)[ \t]*(?::[^=\n]+)?=[ \t]*(?:False|None)[ \t]*$/gm
      : family === 'go'
        ? /^var[ \t]+([A-Za-z_]\w*)[ \t]+bool[ \t]*$|^var[ \t]+([A-Za-z_]\w*)[ \t]*=[ \t]*false[ \t]*$/gm
        : /^(?:let|var)[ \t]+([A-Za-z_$][\w$]*)[ \t]*(?::[^=\n]+)?(?:=[ \t]*(?:false|null|undefined))?[ \t]*;?[ \t]*$/gm;
  const out = new Set<string>();
  for (const m of text.matchAll(declared)) {
    const name = m[1] ?? m[2];
    const set = new RegExp(`(?:^|[^\\w$.])${name.replace(/\$/g, '\\$')}[ \\t]*=[ \\t]*(?!=|[ \\t]*(?:false|False|None|null|undefined)\\b)\\S`, 'g');
    for (const a of text.matchAll(set)) {
      if (a.index !== undefined && (a.index < m.index || a.index > m.index + m[0].length)) {
        out.add(name);
        break;
      }
    }
  }
  return out;
}

const COMPARED = /([\w.]+(?:\(\))?)\s*===?\s*([\w.]+(?:\(\))?)|([\w.]+(?:\(\))?)\.equals\(\s*([\w.]+(?:\(\))?)\s*\)/g;
/** `if x.id != wanted: continue`, `if (x.getId() !== id) continue;`, Go's `if t.ID != id { continue }`. */
const SKIPS_OTHERS = /\bif\s*\(?\s*([\w.]+(?:\(\))?)\s*!==?\s*([\w.]+(?:\(\))?)\s*\)?\s*[:{]?\s*continue\b/g;

/** An item's own id: `t.ID`, `x.id`, `u.getId()`. */
const OWN_ID = /^\w+\.(id|ID|Id|getId\(\))$/;
/** The name a loop gives each item: `for x of`, `for x in`, Java's `for (T x :`, Go's `for _, x := range` (the last). */
function loopVariable(loop: Node): string | undefined {
  return /([\w$]+)\s*$/.exec(loopLeft(loop))?.[1];
}

/**
 * What a loop names each item, or each part of it when the item is a pair or tuple (`for (const [action, section] of
 * requested)`, `for (k, v) in …`: both). Not the fields of an object pattern (`for (const { id, status } of orders)`):
 * `status` is a field many items share, not which item it is.
 */
function loopVariables(loop: Node): string[] {
  const left = loopLeft(loop);
  if (/^\s*\{/.test(left)) return [];
  if (!/^\s*[[(]/.test(left)) return [loopVariable(loop) ?? ''].filter(Boolean);
  return [...left.matchAll(/(?<![.:\w$])([A-Za-z_$][\w$]*)\s*(?=[,\]})]|=)/g)].map((m) => m[1]);
}

function loopLeft(loop: Node): string {
  return (loop.childForFieldName('left') ?? loop.childForFieldName('name') ?? loop.namedChildren.find((c) => c?.type === 'range_clause')?.childForFieldName('left'))?.text ?? '';
}

/** An item's reference to another (`item.categoryId`, `o.user_id`, `o.getUserId()`): many items share it. */
const FOREIGN_KEY = /\w\.\w*(Id|ID|_id)$|\w\.get\w+Id\(\)$/;

/**
 * `for query_type in query_types: if query_type == "cycle": …` (plane's entity search): the loop's own item compared
 * with one literal value, a dispatch on which item it is: the branch runs for that item, not for each. Also a member
 * of an enum or a constant of a class (postiz's `if (section === Sections.WEBHOOKS)`), and a part of a destructured
 * item (`for (const [action, section] of requested)`).
 */
function picksByValue(condition: string, variables: readonly string[]): boolean {
  if (!variables.length) return false;
  const bare = condition.trim().replace(/^\(([^]*)\)$/, '$1').trim();
  const m = PICKED_VALUE.exec(bare);
  const name = m && (m[1] ?? m[4] ?? m[6]);
  return !!name && variables.includes(name);
}

const PICKED_VALUE = new RegExp(
  [
    `^([\\w$]+)\\s*===?\\s*(?:(['"])[^'"\\n]*\\2|[A-Z]\\w*\\.[A-Z][A-Z0-9_]*)$`,
    `^(?:(['"])[^'"\\n]*\\3|[A-Z]\\w*\\.[A-Z][A-Z0-9_]*)\\s*===?\\s*([\\w$]+)$`,
    `^(?:(['"])[^'"\\n]*\\5|[A-Z]\\w*\\.[A-Z][A-Z0-9_]*)\\.equals\\(\\s*([\\w$]+)\\s*\\)$`,
  ].join('|'),
);

/** A value that names no item: zero, empty, none; Go's typed zero ids (`uuid.Nil`, mongo's `primitive.NilObjectID`). */
const NOTHING = /^(?:0|""|''|nil|null|None|undefined|uuid\.Nil|(?:primitive|bson)\.NilObjectID)$/;

function picksById(condition: string): boolean {
  for (const m of condition.matchAll(COMPARED)) {
    const a = m[1] ?? m[3];
    const b = m[2] ?? m[4];
    // `if tag.ID == 0`: the items not saved yet, not one picked.
    if (NOTHING.test(a ?? '') || NOTHING.test(b ?? '')) continue;
    if ((OWN_ID.test(a) && !FOREIGN_KEY.test(b)) || (OWN_ID.test(b) && !FOREIGN_KEY.test(a))) return true;
  }
  return false;
}

/** What runs an ent builder (see callCatalogue's ent rules). */
/** squirrel's module, its builder types, what runs a builder, and a name its rules know a builder by (SQL_BUILDER). */
const SQUIRREL_MODULE = 'github.com/Masterminds/squirrel';
const SQUIRREL_TYPE = /^(?:StatementBuilderType|(?:Select|Insert|Update|Delete|Case)Builder)$/;
const SQUIRREL_RUNS = /^(?:Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext|Scan|ScanContext)$/;
const SQUIRREL_STAND_IN = 'sb';
const ENT_RUNS = /^(?:All|Only|OnlyID|First|FirstID|IDs|Count|Exist|Scan|Ints|Strings|Float64s|Bools|Save|Exec)X?$/;
/**
 * An ent builder made from a client's or a row's chain: `r.db.Item.Query()`, `tx.Tag.Update()`, `u.QueryCards()`,
 * `UpdateOneID(id)`. (Not database/sql's `db.QueryContext(ctx, sql)`, which runs at once: its rows' `Scan` is no query.)
 */
// (A client's builder follows its entity, `X.Item.Query()`; a row's edge, `u.QueryCards()`: not database/sql's
// `stmt.Query()` nor `stmt.QueryRow()`, which run at once; a row's own `u.Update()` is ent's, database/sql having none.)
const ENT_BUILT = /^&?((?:[A-Za-z_]\w*\.)*[A-Z]\w*|[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*(?=\.Query(?!Row\b|RowContext\b|Context\b)[A-Z]|\.(?:Update|Delete)\(\s*\)))\.(?:(Query(?:(?!Row\b|RowContext\b|Context\b)[A-Z]\w*)?|Create|Update|Delete)\(\s*\)|(CreateBulk|(?:Update|Delete)One(?:ID)?)\()/;

/** What JavaScript's globals are read from: `globalThis.fetch`, `window.fetch`. */
const JS_GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'global', 'self']);

/**
 * The value given a JavaScript name may be the global of that name: `globalThis.fetch`, `window.fetch`, the bare name,
 * also as one side of `??` or `||`, a branch of a ternary or bound, or under a cast, parentheses or `!` (`opts.fetch ??
 * globalThis.fetch`, `typeof window !== 'undefined' ? window.fetch : globalThis.fetch`, `globalThis.fetch.bind(…)`,
 * `(opts.fetch ?? fetch) as typeof fetch`). (Not one given to a call, `withTimeout(opts.fetch ?? globalThis.fetch,
 * 5000)`, whose result is the call's, nor named in a type only, `opts.fetch as typeof globalThis.fetch`, nor a wrapper
 * written there, `(u) => globalThis.fetch(u, { signal })`, which is the function's own.)
 */
function jsGivesGlobal(value: Node, name: string): boolean {
  if (!value.text.includes(name)) return false;
  const stack: Node[] = [value];
  while (stack.length) {
    const n = stack.pop()!;
    switch (n.type) {
      case 'identifier':
      case 'shorthand_property_identifier':
        if (n.text === name) return true;
        break;
      case 'member_expression':
        if (n.childForFieldName('property')?.text === name && JS_GLOBAL_OBJECTS.has(n.childForFieldName('object')?.text ?? '')) return true;
        break;
      case 'binary_expression': {
        const op = n.childForFieldName('operator')?.text;
        if (op === '??' || op === '||') stack.push(...[n.childForFieldName('left'), n.childForFieldName('right')].filter((c): c is Node => !!c));
        break;
      }
      case 'ternary_expression':
        stack.push(...[n.childForFieldName('consequence'), n.childForFieldName('alternative')].filter((c): c is Node => !!c));
        break;
      case 'parenthesized_expression':
      case 'as_expression':
      case 'satisfies_expression':
      case 'non_null_expression': {
        // (The expression, not the type: the first named child.)
        const inner = n.namedChildren[0];
        if (inner) stack.push(inner);
        break;
      }
      case 'type_assertion': {
        const inner = n.namedChildren[n.namedChildren.length - 1];
        if (inner && inner.type !== 'type_arguments') stack.push(inner);
        break;
      }
      case 'call_expression': {
        // `globalThis.fetch.bind(globalThis)`: the bound function.
        const callee = n.childForFieldName('function');
        const bound = callee?.type === 'member_expression' && callee.childForFieldName('property')?.text === 'bind' ? callee.childForFieldName('object') : null;
        if (bound) stack.push(bound);
        break;
      }
    }
  }
  return false;
}

/** Where a JavaScript function binds a name: the text the binding covers, and whether it shadows the global of that name. */
export interface JsBinding {
  start: number;
  end: number;
  shadows: boolean;
}

/**
 * Where a JavaScript function binds the name itself, its parameters (destructured too) and what its body declares outside
 * the functions in it (a function declaration's name): shadows where the name hides the global of that name, not where
 * it may be given that global (`const fetch = globalThis.fetch`, `opts.fetch ?? window.fetch`). A `const`/`let` covers
 * only its own block (`if (cache) { const fetch = … }`: the global `fetch` after it), a `var`, a parameter or a
 * declared function the whole function.
 */
export function jsLocalBindings(fn: Node, name: string): JsBinding[] {
  const out: JsBinding[] = [];
  const whole: Span = { start: fn.startIndex, end: fn.endIndex };
  const bind = (pattern: Node | null | undefined, scope: Span, value?: Node | null): void => {
    if (!pattern) return;
    switch (pattern.type) {
      case 'identifier':
      case 'shorthand_property_identifier_pattern':
        if (pattern.text === name) out.push({ start: scope.start, end: scope.end, shadows: !value || !jsGivesGlobal(value, name) });
        return;
      case 'required_parameter':
      case 'optional_parameter':
        return bind(pattern.childForFieldName('pattern'), scope, pattern.childForFieldName('value'));
      case 'assignment_pattern':
      case 'object_assignment_pattern':
        return bind(pattern.childForFieldName('left'), scope, pattern.childForFieldName('right'));
      case 'pair_pattern':
        return bind(pattern.childForFieldName('value'), scope);
      case 'object_pattern':
      case 'array_pattern':
      case 'rest_pattern':
      case 'formal_parameters':
        for (const c of pattern.namedChildren) bind(c, scope);
        return;
    }
  };
  bind(fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter'), whole);
  const body = fn.childForFieldName('body');
  if (body?.type !== 'statement_block') return out;
  // Each node with the scope its declarators bind in: a `const`/`let` the block it is in (a `for (let …)` the loop, a
  // `case` the whole `switch`), a `var` the function.
  const stack: [Node, Span][] = [[body, whole]];
  while (stack.length) {
    const [n, scope] = stack.pop()!;
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'variable_declarator') {
        bind(c.childForFieldName('name'), scope, c.childForFieldName('value'));
        stack.push([c, scope]);
      } else if (c.type === 'lexical_declaration') {
        const block = n.type === 'switch_case' || n.type === 'switch_default' ? (n.parent ?? n) : n;
        stack.push([c, { start: block.startIndex, end: block.endIndex }]);
      } else if (c.type === 'variable_declaration') {
        stack.push([c, whole]);
      } else if (c.type === 'function_declaration' || c.type === 'generator_function_declaration') {
        if (c.childForFieldName('name')?.text === name) out.push({ start: whole.start, end: whole.end, shadows: true });
      } else if (!JS_SCOPES.has(c.type)) stack.push([c, scope]);
    }
  }
  return out;
}

/** Nodes whose names are their own (functions and classes), not those of the function around them. */
const JS_SCOPES = new Set(['function_declaration', 'generator_function_declaration', 'function_expression', 'function', 'generator_function', 'arrow_function', 'method_definition', 'class_declaration', 'class', 'abstract_class_declaration']);

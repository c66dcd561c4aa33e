import { FIELD_RESOLVER } from './fieldResolvers';
import { ROW_LISTENER } from './rowListeners';
import { SCHEMA_MANY, SERIALIZER_MANY } from './schemaHooks';
import { isSqlQuery } from '../sqlEngines';
import { PYTHON_BUILTINS } from '../languages/python';
import type { GivenStatement, Hazard, ParentFilter, LoopMode } from '../codeModel';
import type { CallInfo, FileStructure, LoopContext } from '../fileStructure';
import type { CallCatalogue, CallMatch, LanguageFamily } from './callCatalogue';
import { prefetchedRelations, readsPrefetched, unexecutedQueryset } from './djangoQuerysets';
import { argumentsVaryInLoop, isMemoized, isRequestCached, mayMemoize, mayReadCacheFirst, readsCacheFirst } from './memoized';
import { isQueuedTask, mayQueueTasks } from './queuedTasks';
import { batchesScanPage, readsPagesInLoop } from './pagedReads';

export interface IndirectEffect {
  callee: string;
  match: CallMatch;
  /** Of a function React's `cache()` keeps per argument (isRequestCached): per item only when the loop's call is given what changes with it. */
  perArgument?: true;
  /** JavaScript: of an async function (FileStructure.mayPromise): a call nothing waits for starts it and goes on (FileStructure.dropsResult). */
  async?: true;
}

export interface FoundHazard {
  hazard: Hazard;
  /** Scan index of the node the hazard is on, or -1 when it is on text that was not scanned (see offset). */
  at: number;
  offset?: number;
  /**
   * A Django queryset the function returns unread (`return X.objects.all()`): its callers read it, whole or paged, so
   * the join reports it only where a caller may read it whole (WorkspaceLinker.readWholeByACaller).
   */
  returned?: boolean;
  /** A Django queryset filtered on fields that may be relations: bounded if the models say they are (see ParentFilter). */
  parentFilter?: ParentFilter;
  /** A SQLAlchemy statement the function is given and runs whole: unbounded where a caller gives one unbounded. */
  givenStatement?: GivenStatement;
}

/**
 * `query-in-loop` and `call-in-loop`: a database query or a remote call that runs once per iteration,
 * whether the loop is a statement, an array or stream callback or a comprehension; parallel when wrapped in
 * `Promise.all` / `asyncio.gather` / a goroutine, sequential otherwise. A call to a function of the same file
 * that itself queries is the same hazard (`totalsFor → pool.query`).
 */
export function findLoopHazards(s: FileStructure, file: string, catalogue: CallCatalogue, indirect: ReadonlyMap<string, IndirectEffect>): FoundHazard[] {
  const out: FoundHazard[] = [];
  const family = s.spec.family;
  let lastStart = -1;
  // A Prisma `$transaction` reported in a loop, and that loop: the queries it runs (its callback's, its array's) are
  // in that hazard, not one each (spliit's `prisma.$transaction(async (transaction) => { … })` per row).
  let transactionEnd = -1;
  let transactionLoop = -1;
  const inTransaction = (start: number, every: LoopContext, kind: string) => start < transactionEnd && every.index === transactionLoop && kind === 'query';
  for (const [i, call] of s.calls) {
    const loop = s.loopAt(i);
    if (!loop || call.chain.length === 0) continue;
    const start = s.nodes[i].start;
    // `Order.objects.filter(…).count()` is one query: the outer call was seen first, skip the inner ones.
    if (start === lastStart) continue;
    const match = s.rules(call, catalogue).match ?? (family === 'python' ? djangoRowWrite(s, call.chain, loop) : undefined);
    if (match) {
      // Once in its own loop (`if (t.id === id) { … break; }`): per turn of the loop around that one, if any.
      const every = s.loopOnEveryTurn(i);
      if (!every || inTransaction(start, every, match.kind)) continue;
      lastStart = start;
      // A cache's loader runs once per key (`cache.get(id, () -> repo.findById(id))`), as a memoized function does.
      if (s.loadsOnCacheMiss(i)) continue;
      // (Also a knex fragment given to another builder's method, medusa's `.where('name', '=', knex.raw('?', [entity]))`:
      // part of that query, which runs once.)
      if (unexecutedQueryset(s, i, match) || readsPrefetched(call.chain.join('.'), match, prefetchedRelations(s, i))) continue;
      // A page per turn of a `while` loop is batching (pagedReads), and so is one Redis command per page of SCAN.
      if (match.kind === 'query' && (readsPagesInLoop(s, i, loop) || (match.label.startsWith('Redis') && batchesScanPage(s, i, loop)))) continue;
      // An async call given a callback (Apache's `httpclient.execute(get, new FutureCallback<…>() {…})`): each turn
      // starts a request and goes on, a fan-out.
      // (Also a promise kept and pushed onto a list Promise.all waits for: `const p = fetch(u); pending.push(p)`.)
      const parallel = startsAsync(s, call, match) || s.keptForParallelWrapper(i, every);
      if (match.label === 'Prisma query' && call.chain[call.chain.length - 1] === '$transaction') {
        transactionEnd = s.nodes[i].end;
        transactionLoop = every.index;
      }
      out.push({ hazard: loopHazard(s, i, file, call.chain.join('.'), match, parallel ? { ...every, mode: 'parallel' } : every), at: i });
      continue;
    }
    const name = family === 'python' && call.chain.length === 1 && PYTHON_BUILTINS.has(call.chain[0]) ? undefined : localName(call.chain);
    const effect = name ? indirect.get(localKey(call.chain, family)!) : undefined;
    const every = name && effect ? s.loopOnEveryTurn(i) : undefined;
    if (effect?.perArgument && every && !argumentsVaryInLoop(s.nodes[i].node, s.nodes[every.index].node)) continue;
    if (effect && every && !inTransaction(start, every, effect.match.kind)) {
      lastStart = start;
      if (readsPrefetched(effect.callee, effect.match, prefetchedRelations(s, i))) continue;
      // An async helper called and not waited for (`hooks.forEach((hook) => { sendWebhook(hook, data); })`, the same in
      // a `for…of`), or its promise kept for Promise.all: each turn starts it and goes on, a fan-out.
      const parallel = (effect.async && s.dropsResult(i, every)) || s.keptForParallelWrapper(i, every);
      out.push({ hazard: loopHazard(s, i, file, `${name} → ${effect.callee}`, effect.match, parallel ? { ...every, mode: 'parallel' } : every), at: i });
    }
  }
  return out;
}

/** What a Django model instance does to its row: each call is a query. */
const ROW_WRITES = new Set(['save', 'delete', 'refresh_from_db', 'full_clean']);
const ROW_WRITE: CallMatch = { kind: 'query', label: 'Django model write, one row per call' };
/**
 * A queryset written in place (`Order.objects.filter(…)`) or a reverse relation's (`customer.order_set.all()`, also by
 * its `related_name`, DefectDojo's `order.lines.all()`: a related manager's queryset method on an attribute).
 */
const QUERYSET = /\.objects\.|_set\.|^[a-z_]\w*(?:\.[a-z_]\w*)+\.(?:all|filter|exclude|order_by|select_related|prefetch_related)\(/;

/**
 * `for order in Order.objects.filter(…): order.save()`: each row of a queryset written on its own (an UPDATE per
 * row; `full_clean()` also checks each foreign key). Only on the loop's own variable, and only when the loop runs
 * over a queryset (`.objects.`, a reverse relation's `_set.`), written in place or kept in a variable first.
 */
function djangoRowWrite(s: FileStructure, chain: string[], loop: LoopContext): CallMatch | undefined {
  if (chain.length !== 2 || !ROW_WRITES.has(chain[1])) return undefined;
  const node = s.nodes[loop.index];
  if (node.type !== 'for_statement') return undefined;
  const variable = node.node.childForFieldName('left')?.text;
  const iterable = node.node.childForFieldName('right')?.text ?? '';
  if (variable !== chain[0]) return undefined;
  if (QUERYSET.test(iterable)) return ROW_WRITE;
  return /^[A-Za-z_]\w*$/.test(iterable) && QUERYSET.test(s.assignedBefore(loop.index, iterable)) ? ROW_WRITE : undefined;
}

/** `helper()`, `this.helper()`, `self.helper()`: a function of the same file (or class). */
export function localName(chain: string[]): string | undefined {
  if (chain.length === 1) return chain[0];
  if (chain.length === 2 && (chain[0] === 'this' || chain[0] === 'self')) return chain[1];
  return undefined;
}

/**
 * The key of a call of a function of this file in localEffects: in Python, JavaScript and Go a bare name is never a
 * method, which needs `self.`, `this.` or a receiver (polar's `update(model)`, SQLAlchemy's, inside its service's own
 * `update` method); in Java a bare name may be either.
 */
export function localKey(chain: string[], family: LanguageFamily): string | undefined {
  const name = localName(chain);
  return name === undefined || family === 'java' ? name : chain.length === 1 ? name : `.${name}`;
}

function functionKey(name: string, owned: boolean, family: LanguageFamily): string {
  return family === 'java' || !owned ? name : `.${name}`;
}

export function loopHazard(
  s: FileStructure | undefined,
  i: number,
  file: string,
  callee: string,
  match: CallMatch,
  loop: { kind: string; mode: LoopMode; range: LoopContext['range']; of?: string; beans?: string; row?: string },
  range = s!.rangeOf(i),
): Hazard {
  // (A Redis command or a search cluster's request is a round trip as a query is, and said so: RuoYi's
  // `operation.get(key)` per session.)
  const what = match.kind === 'query' ? (match.label.startsWith('Redis') ? 'Redis command' : match.label.startsWith('Elasticsearch') ? 'Elasticsearch request' : 'Database query') : 'Remote call';
  const how =
    loop.mode === 'parallel'
      ? 'in parallel: one request fans out into one call per item'
      : 'sequentially: each iteration waits for the previous one';
  return {
    code: match.kind === 'query' ? 'query-in-loop' : 'call-in-loop',
    file,
    range,
    callee,
    explanation:
      loop.kind === FIELD_RESOLVER
        ? `${what} \`${callee}(…)\` runs in a GraphQL field resolver: once per object of each list that holds the field, in parallel, so one request that lists N objects makes N calls. A DataLoader (or Spring's @BatchMapping) loads them in one.`
        : loop.kind === ROW_LISTENER
          ? `${what} \`${callee}(…)\` runs in a spreadsheet read listener's invoke: once per row of the sheet, so an upload of N rows makes N calls. Collect the rows there and write them in batches (in doAfterAllAnalysed, or every few hundred rows).`
          : loop.kind === SCHEMA_MANY
            ? `${what} \`${callee}(…)\` runs in a hook of a marshmallow schema made with many=True: once per item of the list, so a response of N items makes N calls. Read what the hook needs once, in a hook given pass_many=True or before the dump.`
            : loop.kind === SERIALIZER_MANY
              ? `${what} \`${callee}(…)\` runs in a method the DRF serializer calls for each row it renders (made with many=True): a response of N rows makes N ${match.kind === 'query' ? 'queries' : 'calls'}, one after another. Annotate or prefetch what it reads in the queryset, and read it from the row.`
              : `${what} \`${callee}(…)\` runs once per iteration of a ${loop.kind} loop, ${how}.${match.fix ? ` ${match.fix}` : ''}`,
    loop: { kind: loop.kind, mode: loop.mode, range: loop.range, ...(loop.of ? { of: loop.of } : {}), ...(loop.beans ? { beans: loop.beans } : {}), ...(loop.row ? { row: loop.row } : {}) },
    routes: [],
    ...(match.kind === 'query' && isSqlQuery(match.label) ? { sql: true as const } : {}),
    ...(match.unlessWorkspace ? { unlessWorkspace: true as const } : {}),
    ...(match.djangoRelation ? { djangoRelation: true as const } : {}),
    ...(match.mybatisPlusMapper ? { mybatisPlusMapper: true as const } : {}),
    ...(match.serviceBases ? { serviceBases: match.serviceBases } : {}),
    ...(match.goHandleInterface ? { goHandleInterface: match.goHandleInterface } : {}),
    ...(match.unlessImplemented ? { unlessImplemented: true as const } : {}),
    ...(match.unlessOwnSync ? { unlessOwnSync: true as const } : {}),
  };
}

/**
 * Functions of the file that query or call out themselves, or through one more function of the file:
 * calling one inside a loop multiplies that query just as writing it there would. Not a memoized one, nor one that
 * answers from a cache first (see memoized.ts): after its first call for an argument, it reads a cache.
 */
export function localEffects(s: FileStructure, catalogue: CallCatalogue): Map<string, IndirectEffect> {
  const direct = new Map<string, IndirectEffect>();
  const calls = new Map<string, Set<string>>();
  const memoized = new Map<number, boolean>();
  // React's cache(): kept per argument, so judged where it is called (IndirectEffect.perArgument); not through a caller.
  const perArgument = new Set<string>();
  const async = new Set<string>();
  const memos = s.memo('memoizes', () => mayMemoize(s.text));
  const cacheFirst = s.memo('readsCacheFirst', () => mayReadCacheFirst(s.text, (w) => s.mentions(w)));
  const queues = (s.spec.family === 'python' || s.spec.family === 'java') && s.memo('queuesTasks', () => mayQueueTasks(s.text, s.spec.family));
  for (const [i, call] of s.calls) {
    const f = s.namedFunctionAt(i);
    // In a function `f` returns: made when that one is called, not `f`. Nor in a cache's loader (once per key), or
    // the branch that fills a package-level value while it is empty (once), or a lambda Java hands to another thread.
    if (f < 0 || s.runsLater(i) || s.loadsOnCacheMiss(i) || s.fillsPackageValue(i) || (s.spec.family === 'java' && s.handedToThread(i))) continue;
    let cached = memoized.get(f);
    // Its result cached by argument, or its body queued to run later (a Huey task): no effect where it is called.
    if (cached === undefined) {
      const node = s.nodes[s.functions[f].index].node;
      cached = (memos && isMemoized(node, s.spec.family)) || (cacheFirst && readsCacheFirst(node)) || (queues && isQueuedTask(node, s.spec.family));
      if (cached && memos && isRequestCached(node, s.spec.family) && !(cacheFirst && readsCacheFirst(node))) {
        perArgument.add(functionKey(s.functions[f].name!, s.functions[f].owner !== undefined, s.spec.family));
        cached = false;
      }
      memoized.set(f, cached);
    }
    if (cached) continue;
    const name = functionKey(s.functions[f].name!, s.functions[f].owner !== undefined, s.spec.family);
    if (s.mayPromise(f)) async.add(name);
    const match = s.rules(call, catalogue).match;
    if (match && !direct.has(name) && !unexecutedQueryset(s, i, match)) direct.set(name, { callee: call.chain.join('.'), match, ...(async.has(name) ? { async: true as const } : {}) });
    const local = localKey(call.chain, s.spec.family);
    if (local) {
      let set = calls.get(name);
      if (!set) calls.set(name, (set = new Set()));
      set.add(local);
    }
  }
  const effects = new Map(direct);
  for (const name of perArgument) {
    const e = effects.get(name);
    if (e) effects.set(name, { ...e, perArgument: true });
  }
  for (const [name, called] of calls) {
    if (effects.has(name)) continue;
    for (const c of called) {
      const e = perArgument.has(c) ? undefined : direct.get(c);
      if (e && c !== name) {
        effects.set(name, { callee: `${c.replace(/^\./, '')} → ${e.callee}`, match: e.match, ...(perArgument.has(name) ? { perArgument: true as const } : {}), ...(async.has(name) ? { async: true as const } : {}) });
        break;
      }
    }
  }
  return effects;
}

/**
 * An async call given what it asks to go on beside the caller (CallRule.parallelWithArgs: Apache's `httpclient.execute(
 * get, callback)`), and not waited for where it is made: `execute(get, callback).get()` or `.join()` blocks on each.
 */
export function startsAsync(s: FileStructure, call: CallInfo, match: CallMatch): boolean {
  if (match.parallelWithArgs === undefined || call.argsStart < 0) return false;
  if (!s.memo(`args:${match.parallelWithArgs}`, () => new RegExp(match.parallelWithArgs!)).test(s.text.slice(call.argsStart, call.argsEnd))) return false;
  return !/^\s*\.\s*(?:get|join)\s*\(/.test(s.text.slice(call.argsEnd, call.argsEnd + 40));
}

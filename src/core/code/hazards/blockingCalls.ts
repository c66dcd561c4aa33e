import type { Hazard } from '../codeModel';
import type { CallInfo, FileStructure } from '../fileStructure';
import type { CallCatalogue } from './callCatalogue';
import type { FoundHazard } from './loopHazards';
import { LAZY_METHODS, outermostCall, unexecutedQueryset } from './djangoQuerysets';

export interface BlockingFindings {
  /** Blocking whatever the route: inside `async def`, inside reactive code. */
  now: FoundHazard[];
  /** Blocking only matters on a request path: kept until the workspace join knows which functions routes reach. */
  onRequestPath: FoundHazard[];
}

/**
 * `blocking-call`: synchronous file or process calls and `time.sleep` on a request path, `requests` inside
 * `async def` (blocks the event loop), `Thread.sleep` and `.block()` inside reactive (Mono/Flux) code.
 */
export function findBlockingCalls(s: FileStructure, file: string, catalogue: CallCatalogue, threadPooled?: ReadonlySet<number>): BlockingFindings {
  const out: BlockingFindings = { now: [], onRequestPath: [] };
  // The outer call of a chain comes first (`session.query(X).filter(…).delete()`), and the chain's inner calls start
  // where it starts: one query, said once.
  let lastSync = -1;
  for (const [i, call] of s.calls) {
    if (call.chain.length === 0) continue;
    const rules = s.rules(call, catalogue);
    const rule = rules.blocking;
    if (!rule) {
      const match = rules.match;
      if (!match || s.spec.family !== 'python' || s.nodes[i].start === lastSync) continue;
      // A query as a remote call: run on the event loop (not awaited, here or by a coroutine runner it is handed to, nor
      // handed to a thread), and not on an async client (`AsyncElasticsearch(…)`, an `AsyncSession` declared so).
      if (match.kind === 'query' ? !lazyQueryset(s, i, match.label) && runsOnEventLoop(s, i) && !asyncClientCall(s, call) : !match.unlessWorkspace && !match.djangoRelation && !GUESSED_HTTP.test(match.label) && runsOnEventLoop(s, i) && !asyncClientCall(s, call)) {
        const sync = syncInAsync(s, i, call.chain.join('.'), match, file);
        if (sync) {
          out.now.push(sync);
          lastSync = s.nodes[i].start;
        }
      }
      continue;
    }
    // Under a test of a module variable the file fills (`let build; … if (!build) { build = read… }`): once per process.
    if (rule.context === 'request' && s.guardedByOnceFlag(i)) continue;
    const fn = s.functionAt(i);
    const inAsync = !!fn?.async;
    const callee = call.chain.join('.');
    const hazard = (why: string): Hazard => ({
      code: 'blocking-call',
      file,
      range: s.rangeOf(i),
      callee,
      explanation: `\`${callee}(…)\`: ${rule.label}${why}.`,
      routes: [],
    });
    // One call, one warning: of a chain that starts with the call (`readFileSync(f).toString()`), the call itself, which
    // comes after the chain's outer call.
    const push = (list: FoundHazard[], found: FoundHazard) => {
      const last = list[list.length - 1];
      if (last && s.nodes[last.at].start === s.nodes[i].start) list[list.length - 1] = found;
      else list.push(found);
    };
    if (rule.context === 'async') {
      if (inAsync) push(out.now, { at: i, hazard: hazard(', while every other request on this worker waits') });
    } else if (rule.context === 'reactive') {
      if (inReactiveCode(s, i) && !offloaded(s, i)) push(out.now, { at: i, hazard: hazard('') });
    } else if (inAsync && s.spec.family === 'python') {
      push(out.now, { at: i, hazard: hazard(' inside `async def`: it stalls the event loop for every request') });
    } else if (fn && threadPooled?.has(fn.index)) {
      // FastAPI and Starlette run a plain `def` endpoint in a thread pool (the login handler's `time.sleep(random.uniform(
      // 0, 0.5))`): the worker goes on serving, but the request waits and a thread of the pool is held.
      push(out.onRequestPath, { at: i, hazard: { ...hazard(''), explanation: `\`${callee}(…)\`: ${rule.label.replace(/ blocks the worker$/, '')} in a plain \`def\` endpoint, which the framework runs in its thread pool: it holds one of the pool's threads (40 by default, shared by every plain \`def\` endpoint and dependency) and adds its time to the response; under load, requests queue for the pool.` } });
    } else {
      push(out.onRequestPath, { at: i, hazard: hazard(' on a request path: the worker can serve nothing else meanwhile') });
    }
  }
  return out;
}

/**
 * A synchronous database call (a SQLAlchemy `Session`, a DB-API cursor, the Django ORM) or remote call (boto3's S3 or
 * SQS client, an LLM SDK's client, Stripe, smtplib, a gRPC stub) written straight in an `async def`, neither awaited
 * nor handed to a thread or a coroutine runner (runsOnEventLoop), and not on an async client (`es =
 * AsyncElasticsearch(…)` then `asyncio.gather(es.count(…), …)`): FastAPI runs `async def` handlers on the event loop,
 * so every other request waits for it, as it would for the same call in a helper one function down (chainlit's
 * `s3.put_object(…)` in an async data layer). Not in a loop: that is already a query or call in a loop.
 */
function syncInAsync(s: FileStructure, i: number, callee: string, match: { kind: string; label: string }, file: string): FoundHazard | undefined {
  if (s.loopAt(i)) return undefined;
  const explanation =
    match.kind === 'query'
      ? `\`${callee}(…)\`: a synchronous database call inside \`async def\`: the event loop, and every other request on this worker, waits for the query (use an async driver and \`await\`, or a plain \`def\` handler, which runs in a thread).`
      : `\`${callee}(…)\`: a synchronous ${match.label} inside \`async def\`: the event loop, and every other request on this worker, waits for it (use an async client and \`await\`, or run it in a thread: \`await asyncio.to_thread(…)\`).`;
  return { at: i, hazard: { code: 'blocking-call', file, range: s.rangeOf(i), callee, explanation, routes: [] } };
}

/**
 * An HTTP request known by its holder's name alone (`session.get(…)`, `client.post(…)`): as often aiohttp's or an
 * `httpx.AsyncClient`'s, or a dict (chainlit's `self.session.files.get(key)`). A synchronous client's is a blocking
 * rule's (`requests`, a `requests.Session()` kept in a name), said before the catalogue is asked.
 */
const GUESSED_HTTP = /^HTTP request\b/;

/**
 * The call is made on an async client, whose methods make awaitables (kept in a list that is gathered later, returned
 * to the caller): a name bound by `async with … as s3` (aioboto3's and aiobotocore's clients), made by a constructor
 * named `Async…` (`httpx.AsyncClient(…)`, `AsyncOpenAI()`, `AsyncAnthropic()`) or `await stack.enter_async_context(…)`,
 * or declared as one (`client: AsyncOpenAI`); a stub where the module loads gRPC's asyncio API (`grpc.aio`).
 */
function asyncClientCall(s: FileStructure, call: CallInfo): boolean {
  const names = s.memo('py.asyncClients', () => asyncClientNames(s));
  if (names.size === 0) return false;
  const holder = call.chain[0] === 'self' || call.chain[0] === 'cls' ? call.chain[1] : call.chain[0];
  return names.has(holder ?? '') || (names.has(GRPC_AIO) && /(?:^|_)stub$|Stub$/.test(holder ?? ''));
}

/** Stands in asyncClientNames for a module that loads `grpc.aio`: its stubs' calls are awaitables. */
const GRPC_AIO = ' grpc.aio';
const ASYNC_WITH = /^[ \t]*async[ \t]+with\b([^\n]*)/gm;
const BOUND_AS = /\bas[ \t]+([A-Za-z_]\w*)/g;
const ASYNC_MADE = /^[ \t]*(?:(?:self|cls)\.)?([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=[ \t]*(?:(?:\w+\.)*Async[A-Z]\w*\(|await[ \t]+(?:\w+\.)*enter_async_context\()/gm;
const ASYNC_DECLARED = /\b([A-Za-z_]\w*)[ \t]*:[ \t]*(?:\w+\.)*Async[A-Z]\w*/g;
const GRPC_AIO_IMPORT = /\bgrpc\.(?:experimental\.)?aio\b|\bfrom[ \t]+grpc(?:\.experimental)?[ \t]+import[ \t]+aio\b/;

/** The names of the module's async clients (see asyncClientCall): once per file, and only where a word says one may be. */
function asyncClientNames(s: FileStructure): Set<string> {
  const out = new Set<string>();
  if (s.mentions('async')) for (const m of s.text.matchAll(ASYNC_WITH)) for (const b of m[1].matchAll(BOUND_AS)) out.add(b[1]);
  if (/\bAsync[A-Z]|\benter_async_context\b/.test(s.text)) {
    for (const m of s.text.matchAll(ASYNC_MADE)) out.add(m[1]);
    for (const m of s.text.matchAll(ASYNC_DECLARED)) out.add(m[1]);
  }
  if (s.mentions('aio') && GRPC_AIO_IMPORT.test(s.text)) out.add(GRPC_AIO);
  return out;
}

/** Call i is awaited where it is written (`await f()`, `await (f())`). */
export function awaited(s: FileStructure, i: number): boolean {
  const start = s.nodes[i].start;
  return /\bawait\s*\(?\s*$/.test(s.text.slice(Math.max(0, start - 12), start));
}

/**
 * Python: what call i does that blocks whatever runs it, as a plain `def`'s own synchronous I/O (FunctionFact.blocks):
 * a query that runs there, a remote call, synchronous HTTP. Not what is already said on every request path where it
 * is (`time.sleep`, a subprocess: blocking rules of the `request` context).
 */
export function synchronousIo(s: FileStructure, i: number, call: CallInfo, catalogue: CallCatalogue): string | undefined {
  const rules = s.rules(call, catalogue);
  if (rules.blocking && rules.blocking.context !== 'async') return undefined;
  const match = rules.match;
  if (!match) return rules.blocking ? 'synchronous HTTP' : undefined;
  if (match.unlessWorkspace || (match.kind === 'query' && (lazyQueryset(s, i, match.label) || unexecutedQueryset(s, i, match)))) return undefined;
  return match.label;
}

/**
 * Python: call i runs right where it is, on the event loop: written in an `async def`, neither awaited (then it makes
 * an awaitable) nor handed to a thread (`sync_to_async`, `run_in_threadpool(lambda: …)`).
 */
export function runsOnEventLoop(s: FileStructure, i: number): boolean {
  return !!s.functionAt(i)?.async && !awaited(s, i) && !handedToThread(s, i) && !awaitedElsewhere(s, i);
}

/** What runs coroutines it is given, on the event loop: a call handed to one makes an awaitable, not I/O in place. */
const COROUTINE_RUNNERS = /(?:^|\.)(?:gather|create_task|wait_for|ensure_future|as_completed|shield|wait|run_coroutine_threadsafe|start_soon)$/;

/**
 * The call makes an awaitable that is awaited elsewhere: `async with session_for(u) as s`, `async for x in rows(q)`,
 * handed to `asyncio.gather(…)` or `create_task(…)`, or kept in a name the function awaits or gathers later
 * (`task = fetch(u)` … `await task`).
 */
function awaitedElsewhere(s: FileStructure, i: number): boolean {
  let node = s.nodes[i].node;
  for (let parent = node.parent, depth = 0; parent && depth < 6; node = parent, parent = parent.parent, depth++) {
    switch (parent.type) {
      case 'with_statement':
        return startsAsync(s.text, parent.startIndex);
      case 'as_pattern':
      case 'with_item':
      case 'with_clause':
      case 'parenthesized_expression':
      case 'list':
      case 'tuple':
      case 'list_splat':
        continue;
      case 'for_statement':
      case 'for_in_clause':
        return startsAsync(s.text, parent.startIndex) && !!parent.childForFieldName('right')?.equals(node);
      case 'argument_list':
        // The argument of a call that runs coroutines; not of any other call, which the helper's value goes into.
        return COROUTINE_RUNNERS.test(parent.parent?.childForFieldName('function')?.text ?? '');
      case 'assignment': {
        const left = parent.childForFieldName('left');
        if (left?.type !== 'identifier') return false;
        const f = s.functionOf[i];
        if (f < 0) return false;
        const span = s.spanOfFunction(f);
        const awaited = s.memo(`py.awaited:${span.start}`, () => awaitedNames(s.text.slice(span.start, span.end), span.start));
        return (awaited.get(left.text) ?? -1) >= parent.endIndex;
      }
      default:
        return false;
    }
  }
  return false;
}

/** `async with`, `async for`: the statement's first word. */
function startsAsync(text: string, at: number): boolean {
  return text.startsWith('async', at) && !/\w/.test(text[at + 5] ?? '');
}

/** Awaited as a whole (`await task`), not a method of what it holds (`await user.refresh()`). */
const AWAITED = /\bawait\s+([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)(?![\w\u0080-\uffff.(\[])/g;
const GATHERED = /\b(?:gather|create_task|wait_for|ensure_future|wait|shield)\(([^)]*)/g;

/**
 * Per name, the last offset in the function where it is awaited or handed to a coroutine runner: once per function,
 * not a pattern per call over the rest of it (quadratic in a long function).
 */
function awaitedNames(body: string, start: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of body.matchAll(AWAITED)) out.set(m[1], start + m.index!);
  for (const m of body.matchAll(GATHERED)) for (const name of m[1].matchAll(/[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*/g)) out.set(name[0], Math.max(out.get(name[0]) ?? -1, start + m.index!));
  return out;
}

/**
 * A Django queryset built, not evaluated, where it is written (khoj's `query = Conversation.objects.filter(…)
 * .prefetch_related(…)`, then `await query.afirst()`): the query runs where it is read, by Django's async API or
 * not. Not one iterated, listed or counted right there.
 */
function lazyQueryset(s: FileStructure, i: number, label: string): boolean {
  if (!label.startsWith('Django')) return false;
  const outer = outermostCall(s, i);
  const chain = s.calls.get(outer)?.chain ?? [];
  // Django's async API (`await qs.afirst()`, `async for x in qs.aiterator()`): the event loop goes on.
  if (DJANGO_ASYNC.test(chain[chain.length - 1] ?? '')) return true;
  if (!LAZY_METHODS.test(chain[chain.length - 1] ?? '')) return false;
  let node = s.nodes[outer].node;
  let parent = node.parent;
  // A slice is still a queryset (`qs[:5]`): what is done with it says.
  while (parent?.type === 'subscript' && parent.childForFieldName('subscript')?.type === 'slice') {
    node = parent;
    parent = node.parent;
  }
  // Django's async iteration, `[x async for x in qs]`: the event loop goes on.
  if (parent?.type === 'for_in_clause' && /^async\b/.test(parent.text)) return true;
  if (parent?.type === 'for_statement' || parent?.type === 'for_in_clause' || parent?.type === 'subscript') return false;
  const wrapper = parent?.type === 'argument_list' ? (parent.parent?.childForFieldName('function')?.text ?? '') : '';
  return !/^(?:list|len|bool|tuple|set|sorted|next|iter)$/.test(wrapper);
}

const DJANGO_ASYNC = /^a(?:first|last|latest|earliest|get|count|exists|aggregate|update|delete|in_bulk|contains|iterator|create|get_or_create|update_or_create|bulk_create|bulk_update|explain|save|refresh_from_db)$/;

/**
 * Given to a thread to run: `await sync_to_async(list)(ChatModel.objects.all())` (khoj), `asyncio.to_thread(f, …)`,
 * Starlette's `run_in_threadpool`, `loop.run_in_executor(…)`, anyio's `to_thread.run_sync`: the event loop goes on.
 */
function handedToThread(s: FileStructure, i: number): boolean {
  if (!s.memo('py.threadRunners', () => THREAD_RUNNERS.test(s.text))) return false;
  for (let n = s.nodes[i].node.parent, depth = 0; n && depth < 12; n = n.parent, depth++) {
    if (n.type === 'function_definition') return false;
    if (n.type === 'call' && THREAD_RUNNERS.test(n.childForFieldName('function')?.text ?? '')) return true;
  }
  return false;
}

const THREAD_RUNNERS = /\b(?:sync_to_async|database_sync_to_async|to_thread|run_in_threadpool|run_in_executor|run_sync)\b/;

/** Reactor's own way to run blocking work: on a scheduler kept for it, not on the event loop. */
const OFFLOADED = /\.\s*(?:subscribeOn|publishOn)\s*\(\s*(?:Schedulers\s*\.\s*)?(?:boundedElastic|elastic)\s*\(/;

/**
 * Run on a scheduler for blocking work: the call is in a statement that, after it, moves the chain there
 * (`Mono.fromRunnable(() -> notifier.notify(ctx).block(TIMEOUT)).subscribeOn(Schedulers.boundedElastic())`, halo's
 * notification sender; `Mono.fromCallable(() -> repo.findAll()).subscribeOn(boundedElastic())`).
 */
function offloaded(s: FileStructure, i: number): boolean {
  const at = s.nodes[i].start;
  for (let n = s.nodes[i].node.parent; n; n = n.parent) {
    if (n.type === 'method_declaration' || n.type === 'class_body') return false;
    if (n.type !== 'return_statement' && n.type !== 'expression_statement' && n.type !== 'local_variable_declaration') continue;
    if (OFFLOADED.test(s.text.slice(at, n.endIndex))) return true;
  }
  return false;
}

/**
 * Inside a method returning Mono/Flux, or a lambda in one. Its return type only: a plain `void` method that takes a
 * `Flux` and ends with `.then().block()` (Signal-Server's command-line crawlers) is where blocking belongs.
 */
function inReactiveCode(s: FileStructure, i: number): boolean {
  for (let f = s.functionOf[i]; f >= 0; f = s.functions[f].outer) {
    const n = s.nodes[s.functions[f].index].node;
    if (n.type === 'method_declaration' && /\b(Mono|Flux)\s*</.test(n.childForFieldName('type')?.text ?? '')) return true;
  }
  return false;
}

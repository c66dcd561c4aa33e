import type { FileStructure } from '../fileStructure';
import type { CallCatalogue } from './callCatalogue';
import type { FoundHazard, IndirectEffect } from './loopHazards';
import { localKey, localName } from './loopHazards';

/** A counting loop's variable: `for (let attempt = 1;`, `for attempt in range(`, `for i := 0;`, `for (int i = 0;`. */
const COUNTER = /^for\s*\(\s*(?:let|var|int|long)\s+(\w+)\s*=|^for\s+(\w+)\s+in\s+range\s*\(|^for\s+(\w+)\s*:=/;

// Also a project's own promise of a pause, postiz's `await timer(10000)`.
const BACKOFF = /sleep|setTimeout|delay|backoff|Backoff|wait_|\bwait\(|time\.After|Sleep|exponential|jitter|Ticker|\bawait\s+timer\s*\(/i;

/** tenacity's wait given by a name, `AsyncRetrying(stop=stop_after_attempt(3), wait=RETRY_WAIT)`. */
const WAIT_BY_NAME = /\bwait\s*=\s*([A-Za-z_]\w*)\s*[,)]/;

/**
 * The wait a retry loop is given by a name is a module's constant that waits (`RETRY_WAIT = wait_exponential(
 * multiplier=1, max=10)`, as a project keeps one strategy for all its retries): as if written in place.
 */
function waitsByName(s: FileStructure, loop: string): boolean {
  const name = WAIT_BY_NAME.exec(loop)?.[1];
  if (!name || !s.mentions(name)) return false;
  return BACKOFF.test(s.memo(`py.moduleValue:${name}`, () => new RegExp(`^${name}[ \t]*(?::[^=\n]+)?=[ \t]*([^\n]*)`, 'm').exec(s.text)?.[1] ?? ''));
}

/**
 * A loop that runs again when an optimistic transaction lost to another writer (redis-py's `WatchError`, go-redis'
 * `TxFailedErr`, JPA's and Hibernate's optimistic lock failures, gitness's `ErrVersionConflict` after a row's version
 * changed, read again before the next try): contention, which trying again at once resolves, not a dependency that
 * is failing.
 */
const OPTIMISTIC_CONFLICT = /\b(?:\w+\.)?(?:WatchError|TxFailedErr|\w*OptimisticLock\w*(?:Exception|Error|Failure)|StaleObjectState(?:Exception|Error)|\w*VersionConflict\w*)\b/;

/**
 * A loop that tries again after a unique key collided (pretalx's generated codes: `self.assign_code()` then `except
 * IntegrityError:`; `DuplicateKeyException`, Postgres' `UniqueViolation`, Prisma's `P2002`): each attempt writes a new
 * key, and no dependency is failing.
 */
const KEY_COLLISION = /\b(?:\w+\.)?(?:IntegrityError|UniqueViolation\w*|DuplicateKey\w*|\w*UniqueConstraint\w*(?:Exception|Error)|DataIntegrityViolationException)\b|['"]P2002['"]/;

/**
 * Go: a loop that runs again only when its write matched no row, GORM's `RowsAffected` after a conditional `Updates`
 * (new-api's redemption claim, `Where("id = ? AND claimed_user_id = 0", …)`, then `if result.RowsAffected == 1 {
 * return }`) or an `OnConflict{DoNothing: true}` insert (its top-up bonus claim's next `Seq`), every error leaving the
 * loop: another writer won, as an optimistic lock's conflict or a unique key's collision says, not a failing dependency.
 */
function retriesLostWrites(loop: string): boolean {
  if (!ROWS_AFFECTED_CHECK.test(loop)) return false;
  // (At least one error check, each leaving the loop: `if result.Error == nil && result.RowsAffected == 1 { return nil }`
  // alone sends a failing write to the next turn, a retry on error.)
  let checked = false;
  for (const m of loop.matchAll(GO_ERROR_CHECK)) {
    // (An error by any name: `dbErr`, or `e` given a write's `.Error`, `if e := result.Error; e != nil {`.)
    const name = m[1];
    if (!m[0].startsWith('.') && !/err/i.test(name) && !new RegExp(`\\b${name}\\s*:?=\\s*[^;\\n]*\\.Error\\b`).test(loop)) continue;
    const after = m.index! + m[0].length;
    if (!LEAVES_AT_ONCE.test(loop.slice(after, after + 240))) return false;
    checked = true;
  }
  return checked;
}

const ROWS_AFFECTED_CHECK = /\.RowsAffected\s*(?:[=!]=|[<>]=?)\s*[01]\b/;
/** `if err != nil {`, `if result.Error != nil {`, `…Count(&used).Error; err != nil {`: the block it opens (see retriesLostWrites). */
const GO_ERROR_CHECK = /(?:\.Error|\b([A-Za-z_]\w*))\s*!=\s*nil\s*\{/g;
/** A block that returns or breaks (after a line or two of its own), not one that goes on to the next turn. */
const LEAVES_AT_ONCE = /^\s*(?:[^{}\n;]*[;\n]\s*){0,2}(?:break|return)\b/;

/** A value drawn at random: `nanoid(4)`, `uuidv4()`, `crypto.randomUUID()`, `Math.random()`, `secrets.token_hex(2)`, `rand.Intn(n)`. */
const RANDOM_VALUE = /\b(?:nanoid|customAlphabet|uuid\w*|v4|randomUUID|randomBytes|randomInt|cuid2?|createId|shortid|ulid|token_hex|token_urlsafe|get_random_string|random(?:Alphanumeric|Alphabetic|Numeric|String)?)\s*\(|\b(?:random|rand)\.\w+\s*\(/;

/**
 * The names whose value changes from one turn of the loop to the next: the loop's counter, a name the loop counts
 * (`counter++`, `tries -= 1`), one it assigns again with a value drawn at random (dub's `username =
 * \`${username}-${nanoid(4)}\``, the next candidate of a search for a free name; not a `const` made anew each turn,
 * such as a request's id), and one the loop assigns from such a name, directly or through another (papermark's
 * `folderName = \`${name} (${counter})\``, then `childFolderPath = "/" + folderName`).
 */
function changingNames(loop: string, counter: string | undefined): string[] {
  const names = new Set<string>(counter ? [counter] : []);
  for (const m of loop.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)\s*(?:\+\+|--|[+-]=)|(?:\+\+|--)([A-Za-z_$][\w$]*)/g)) names.add(m[1] ?? m[2]);
  for (const m of loop.matchAll(/(?<![\w$.])(?<!\b(?:const|let|var)\s+)([A-Za-z_$][\w$]*)\s*=(?!=)([^;\n]*)/g)) if (RANDOM_VALUE.test(m[2])) names.add(m[1]);
  if (!names.size) return [];
  // (A value may go on over lines, papermark's `childFolderPath = path\n ? "/" + path + "/" + safeSlugify(folderName)\n : …`.)
  const assigned = [...loop.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)\s*(?::=|=(?!=))\s*((?:[^;\n]|\n(?=\s*(?:[?:+\-*/.|&,)\]}]))|(?<=[+\-*/?:|&,([{=]\s*)\n)*)/g)];
  for (let grew = true; grew; ) {
    grew = false;
    for (const [, name, value] of assigned) {
      if (names.has(name) || ![...names].some((n) => new RegExp(`(?<![\\w$.])${n.replace(/\$/g, '\\$')}(?![\\w$])`).test(value))) continue;
      names.add(name);
      grew = true;
    }
  }
  return [...names].map((n) => n.replace(/\$/g, '\\$'));
}

/**
 * `retry-without-backoff`: a retry loop (`for attempt in range(3)`, `while (retries-- > 0)`) around a query or
 * a remote call with no delay between attempts, and retry helpers configured without one (axios-retry without
 * `retryDelay`, tenacity without `wait=`, urllib3 `Retry` without `backoff_factor`). When the dependency
 * struggles, every request hits it again at once: the retries multiply the load exactly when it hurts.
 */
export function findRetryHazards(s: FileStructure, file: string, catalogue: CallCatalogue, indirect: ReadonlyMap<string, IndirectEffect>): FoundHazard[] {
  const out: FoundHazard[] = [];
  const family = s.spec.family;
  for (const loop of s.retryLoops) {
    const n = s.nodes[loop];
    const text = s.text.slice(n.start, n.end);
    if (BACKOFF.test(text) || OPTIMISTIC_CONFLICT.test(text) || KEY_COLLISION.test(text) || (family === 'python' && waitsByName(s, text)) || (family === 'go' && retriesLostWrites(text))) continue;
    const counter = COUNTER.exec(text)?.slice(1).find(Boolean);
    const changing = changingNames(text, counter);
    let retried: string | undefined;
    let varies = false;
    for (let j = loop + 1; j < s.nodes.length && s.nodes[j].start < n.end && !retried; j++) {
      const call = s.calls.get(j);
      if (!call) continue;
      if (s.rules(call, catalogue).match) retried = call.chain.join('.');
      else {
        const name = localName(call.chain);
        const key = localKey(call.chain, s.spec.family);
        if (name && key && indirect.has(key) && !indirect.get(key)!.perArgument) retried = `${name} → ${indirect.get(key)!.callee}`;
      }
      // Each attempt asks something else (`createCopy(buildCopyName(name, attempt))`, formbricks' next free copy
      // name; papermark's `findUnique({ where: { path: childFolderPath } })`, the path made again from the counter
      // each turn): a search, not the same request sent again.
      if (retried && changing.length && new RegExp(`(?<![\\w$])(?:${changing.join('|')})(?![\\w$])`).test(s.argumentsText(call))) varies = true;
    }
    if (!retried || varies) continue;
    const firstLine = s.text.indexOf('\n', n.start);
    out.push({
      at: loop,
      hazard: {
        code: 'retry-without-backoff',
        file,
        range: s.rangeOfSpan(n.start, firstLine > 0 && firstLine < n.end ? firstLine : n.end),
        callee: retried,
        explanation: `Retry loop around \`${retried}(…)\` with no delay between attempts: when the dependency is slow or down, each request hits it again at once.`,
        routes: [],
      },
    });
  }
  let lastStart = -1;
  for (const [i, call] of s.calls) {
    const rule = s.rules(call, catalogue).retry;
    // Once per place: the call and the call of its result (below) start at the same offset.
    if (!rule || s.nodes[i].start === lastStart) continue;
    lastStart = s.nodes[i].start;
    // The whole call: tenacity's decorator applied by hand, `retry(stop=…, wait=wait_fixed(5))(send)`, is a call of
    // the call that was given the options (onyx's embedding requests).
    const args = s.textOf(i);
    if (new RegExp(rule.backoffArgs).test(args)) continue;
    const callee = call.chain.join('.');
    out.push({
      at: i,
      hazard: {
        code: 'retry-without-backoff',
        file,
        range: s.rangeOf(i),
        callee,
        explanation: `\`${callee}(…)\`: ${rule.label}: when the dependency struggles, the retries multiply its load.`,
        routes: [],
      },
    });
  }
  return out;
}

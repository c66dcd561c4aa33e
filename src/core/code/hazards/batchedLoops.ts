/**
 * Loops over batches of a collection rather than its items: a query or a call in one runs once per batch of
 * hundreds, which is how the per-item version is fixed, not a load multiplier to warn about. Read from the loop's
 * header, which is all that says it:
 * - the batches come from a chunking helper: `for batch in chunked(ids, 500)`, `itertools.batched`, Guava's
 *   `Lists.partition(ids, 500)`, lodash's `_.chunk(ids, 100)`, Go's `slices.Chunk(keys, 200)`, a project's own
 *   `deleteUserBatches(ids, size)` (memos), navidrome's `slice.CollectChunks(…)`, Django's `queryset_in_batches`;
 * - the loop's variable is named for one: `for _, chunk := range chunks`, `for (const batch of batches)`;
 * - a counting loop steps by a batch size: `for i := 0; i < len(entries); i += pgBatchSize` (woodpecker's log
 *   store), `for i in range(0, len(ids), BATCH_SIZE)`, `range(0, n, 500)`.
 */

/** A call that cuts a collection into batches, at the start of the iterable's text. */
const CHUNKING_CALL =
  /^(?:await\s+)?[\w$.]*?(?:\b_\.chunk|\bchunk(?:ed|s|ify)?|\bbatched|\bgrouper|\bsplit_every|\b(?:Lists|Iterables|ListUtils)\.partition|\b(?:slices|lo)\.Chunk\w*|[cC]ollectChunks|\w*[bB]atches|\w*[cC]hunks|\w*_in_batches)\s*\(/;

/**
 * The loop's variable holds a batch: `chunk in`, `batch of`, `chunk := range`, Java's `List<Long> batch : parts` (not
 * Python's `for issue in issues_batch:`, whose colon opens the body).
 */
const BATCH_VARIABLE = /(?:^|[\s,(])\w*(?:[cC]hunk|[bB]atch)\s*(?:\bin\b|\bof\b|:=\s*range\b)|(?:^|[\s,(<])\w*(?:[cC]hunk|[bB]atch)\s+:(?![:=])\s*\S/;

/**
 * A step named for a batch's size: `i += BATCH_SIZE`, `i = i + chunkSize`, or for what one request takes (uptime-kuma's
 * `i += MAX_RECIPIENTS_PER_REQUEST`, `i += WxPusher.SPT_PER_REQUEST`, `i += perPage`), or the most one takes of
 * something (openfga's `start += storage.DefaultMaxTuplesPerWrite`, `maxItemsPerWrite`).
 */
const BATCH_STEP = /(?:\+=|=\s*\w+\s*\+)\s*(?:[\w$]+\.)?\w*(?:[bB]atch|[cC]hunk|BATCH|CHUNK|[pP]age[sS]ize|PAGE_SIZE|PER_(?:REQUEST|CALL|PAGE|BATCH|QUERY)|[pP]er(?:Request|Call|Page|Batch|Query)|[mM]ax[A-Z]\w*?Per[A-Z]|MAX_\w*?_PER_)\w*/;

/** A numeric step of a counting loop: `i += 500`. Stepping by 2 walks pairs; by 10 or more, batches. */
const NUMERIC_STEP = /\+=\s*(\d+)\b/;

/**
 * `range(0, len(ids), BATCH_SIZE)` / `range(0, n, 500)`: Python's counting loop with a step; also numbered,
 * rotki's `enumerate(range(0, total_size, UPLOAD_CHUNK_SIZE))`.
 */
const RANGE_STEP = /^(?:enumerate\s*\(\s*)?range\s*\([^,]+,[^,]+,\s*([\w.]+)\s*\)(?:\s*(?:,\s*(?:start\s*=\s*)?\d+\s*)?\))?$/s;

export function batchesOver(header: string, iterable: string | undefined): boolean {
  if (iterable !== undefined) {
    if (CHUNKING_CALL.test(iterable)) return true;
    const step = RANGE_STEP.exec(iterable.trim())?.[1];
    if (step && isBatchSize(step)) return true;
  }
  if (BATCH_VARIABLE.test(header) || BATCH_STEP.test(header)) return true;
  const numeric = NUMERIC_STEP.exec(header)?.[1];
  return numeric !== undefined && Number(numeric) >= 10;
}

/**
 * Java: the declared type of an enhanced for's variable may name one item, not a batch of them: a class (`Resource`),
 * not a generic type (`ArrayDeque<Long>`, `List<Long>`), an array, `var`, or a type named for a batch, a page or a
 * range (`Long[]`, `Set<String>`, `IdBatch`, `IdRange`). Whether it does is the workspace's to say (FileLinks.javaRowClasses):
 * the class's simple name, or undefined.
 */
export function itemTypeName(type: string | undefined): string | undefined {
  if (!type) return undefined;
  const name = /^(?:[\w$]+\.)*([A-Z][\w$]*)$/.exec(type.trim())?.[1];
  return name !== undefined && !/(?:List|Set|Collection|Iterable|Map|Array|Batch|Chunk|Page|Partition|Slice|Group|Window|Bucket|Range)s?$|^(?:Object|String|CharSequence)$/.test(name) ? name : undefined;
}

export function itemType(type: string | undefined): boolean {
  return itemTypeName(type) !== undefined;
}

/**
 * A callback over batches: `_.chunk(ids, 100).map(…)`, `batches.forEach((batch) => …)`, and a Reactor or RxJava
 * stream buffered just before the operator (Signal-Server's `Flux.fromIterable(items).buffer(100).concatMap(…)`).
 */
export function callbackOverBatches(receiver: string, firstParameter: string | undefined): boolean {
  return CHUNKING_CALL.test(receiver) || BUFFERED_STREAM.test(receiver) || (firstParameter !== undefined && /^\w*(?:[cC]hunk|[bB]atch)$/.test(firstParameter));
}

/** `.buffer(100).concatMap(`: the operator right after a buffer or window of more than one item (not `.buffer(1)`). */
const BUFFERED_STREAM = /\.(?:buffer|bufferTimeout|window|windowTimeout)\s*\(\s*(?!1\s*[,)])[^()]*(?:\([^()]*\)[^()]*)*\)\s*\.\s*\w+\s*\(\s*$/;

function isBatchSize(step: string): boolean {
  return /^\d+$/.test(step) ? Number(step) >= 10 : /(?:[bB]atch|[cC]hunk|BATCH|CHUNK|[pP]age[sS]ize|PAGE_SIZE|PER_(?:REQUEST|CALL|PAGE|BATCH|QUERY)|[pP]er(?:Request|Call|Page|Batch|Query)|[mM]ax[A-Z]\w*?Per[A-Z]|MAX_\w*?_PER_|[sS]tep|STEP)/.test(step);
}

/**
 * The counter of a loop that counts by one: `for (int i = 0; …; i++)` (Java, JavaScript), `for i := 0; …; i++` (Go),
 * `for i in range(…)` (Python).
 */
const COUNTER =
  /^for\s*\(\s*(?:(?:int|long|let|var)\s+)?([A-Za-z_$][\w$]*)\s*=[^;]*;[^;]*;\s*(?:\1\s*(?:\+\+|\+=\s*1\b)|\+\+\s*\1\b)\s*\)|^for\s+([A-Za-z_]\w*)\s*:=[^;{]*;[^;{]*;\s*\2\s*(?:\+\+|\+=\s*1\b)\s*\{?$|^for\s+([A-Za-z_]\w*)\s+in\s+range\s*\(/;

/**
 * A loop that counts batches and cuts the batch of each turn from a collection by its counter times a batch's size
 * (lilishop's `for (int i = 0; i < size / 100 + …; i++) saveBatch(regions.subList(i * 100, end))`, JavaScript's
 * `ids.slice(i * 100, (i + 1) * 100)`, Python's `ids[i * 100:(i + 1) * 100]`, Go's `ids[i*batchSize:end]`): a
 * turn per batch. Not an item at that place (`ids[i * 100]`), nor a multiple of a size not named for a batch.
 */
export function slicesBatchByCounter(header: string, body: string): boolean {
  const counter = COUNTER.exec(header.trim());
  const name = counter?.[1] ?? counter?.[2] ?? counter?.[3];
  if (!name || !body.includes('*')) return false;
  const n = name.replace(/\$/g, '\\$');
  const cut = new RegExp(
    `(\\.(?:subList|slice|subarray)\\s*\\(|\\[)\\s*(?:(?<![\\w$])${n}\\s*\\*\\s*([\\w$.]+)|([\\w$.]+)\\s*\\*\\s*${n}(?![\\w$]))\\s*([,:])`,
    'g',
  );
  for (const m of body.matchAll(cut)) {
    // (A slice's bounds: `(` takes a comma, `[` a colon.)
    if ((m[1] === '[') !== (m[4] === ':')) continue;
    // A buffer's slices (`subarray`), and a string's by a small number, are fixed-size records (`blob[i*64:(i+1)*64]`,
    // `buf.subarray(i * 16, …)`), each its own item: a number cuts batches from 100 up, a size named for a batch at any.
    const step = m[2] ?? m[3];
    if (m[1].includes('subarray') || (/^\d+$/.test(step) && Number(step) < 100)) continue;
    if (isBatchSize(step)) return true;
  }
  return false;
}

/**
 * A counting loop stepping by a size (`start += K`, `i = i + K`, Python's `range(0, n, K)`): its counter and its
 * step. Go's `for start, total := 0, len(items); start < total; start += K`, Java's and JavaScript's `for (…; …; i += K)`.
 */
const STEPPED = /^for\b[^;]*;[^;]*;\s*([A-Za-z_$][\w$]*)\s*(?:\+=|=\s*\1\s*\+)\s*([\w$.]+)\s*\)?\s*\{?$/;
const STEPPED_RANGE = /^for\s+([A-Za-z_]\w*)\s+in\s+range\s*\([^,()]*(?:\([^()]*\)[^,()]*)*,[^,()]*(?:\([^()]*\)[^,()]*)*,\s*([\w.]+)\s*\)\s*:$/;

/**
 * A counting loop that steps by some size and cuts the list from its counter on (openfga's `for start, total := 0,
 * len(items); start < total; start += storage.DefaultMaxTuplesPerWrite { end := start + …; batch := items[start:end]`,
 * Python's `for i in range(0, len(ids), size): … ids[i:i + size]`, JavaScript's `ids.slice(i, i + size)`, Java's
 * `ids.subList(i, Math.min(i + size, n))`): a turn per batch, whatever the size is named. Not a step of one (nor a
 * number under ten: pairs, triples), nor a slice from another name (`ids[j:j+size]`), nor one with no end (`ids[i:]`).
 */
export function slicesBatchByStep(header: string, body: string): boolean {
  const h = header.trim();
  const stepped = h.startsWith('for') ? STEPPED.exec(h) ?? STEPPED_RANGE.exec(h) : null;
  if (!stepped) return false;
  const [, name, step] = stepped;
  if (/^\d+$/.test(step) && Number(step) < 10) return false;
  if (!body.includes(name)) return false;
  const n = name.replace(/\$/g, '\\$');
  // `xs[start:end]`, `xs[i : i + K]`; `.slice(i, …)`, `.subList(i, …)` (not a buffer's `subarray`: fixed-size records).
  return new RegExp(`\\[\\s*${n}\\s*:\\s*[^\\s\\]]|\\.(?:slice|subList)\\s*\\(\\s*${n}\\s*,`).test(body);
}

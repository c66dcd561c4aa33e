import type { Node } from '@vscode/tree-sitter-wasm';
import type { LanguageFamily } from './callCatalogue';

/** How a cached function the routes read is labelled (WorkspaceLinker.taskPaths), and known by (decideSeverity). */
export const CACHED_RESULT = 'result cached';

/**
 * Decorators that keep a function's result by its arguments: Flask-Caching's `@cache.memoize()` and
 * `@cache.cached()`, `functools.lru_cache`/`cache`, cachetools' `@cached(…)`/`@ttl_cache`, async-lru's `@alru_cache`;
 * TypeScript's `@Memoize()` (typescript-memoize) and `@Cacheable()` (@type-cacheable). Not `@cached_property`: it
 * keeps one value per object, so a loop over objects still runs it once per item.
 */
const PYTHON_MEMO = /^@\s*(?:[\w.]+\.)?(?:memoize|memoized|cached|cache|lru_cache|ttl_cache|alru_cache)\b(?!\s*\.)/;
const JS_MEMO = /^@\s*(?:Memoize|memoize|Cacheable|Memoized)\b/;
/** Spring's `@Cacheable`, JCache's `@CacheResult`. */
const JAVA_MEMO = /^@\s*(?:[\w.]+\.)?(?:Cacheable|CacheResult)\b/;

/** Any of those decorators in a file's text: most files have none, and are not looked at further. */
const ANY_MEMO = /@\s*(?:[\w.]+\.)?(?:memoize|memoized|cached|cache|lru_cache|ttl_cache|alru_cache|Memoize|Memoized|Cacheable|CacheResult)\b/;

export function mayMemoize(text: string): boolean {
  return (text.includes('@') && ANY_MEMO.test(text)) || (text.includes('cache') && REACT_CACHE.test(text));
}

/**
 * React's `cache(fn)` (`import { cache } from "react"`, or `React.cache`): a server component's request keeps one
 * result per argument, homarr's `export const getRscServerSettingsAsync = cache(async () => …)` read per widget kind.
 */
const REACT_CACHE = /\bimport\s*\{[^}]*\bcache\b[^}]*\}\s*from\s*['"]react['"]|\bReact\.cache\s*\(/;

/**
 * A function whose result a cache keeps (see the patterns above): a loop calling it runs its query once per new
 * argument, and then reads the cache, so the call is not a query per iteration.
 */
export function isMemoized(fn: Node, family: LanguageFamily): boolean {
  switch (family) {
    case 'python': {
      const decorated = fn.parent;
      if (decorated?.type !== 'decorated_definition') return false;
      return decorated.namedChildren.some((d) => d?.type === 'decorator' && PYTHON_MEMO.test(d.text));
    }
    case 'java': {
      const modifiers = fn.namedChildren.find((c) => c?.type === 'modifiers');
      return !!modifiers && modifiers.text.includes('Cache') && modifiers.namedChildren.some((a) => (a?.type === 'annotation' || a?.type === 'marker_annotation') && JAVA_MEMO.test(a.text));
    }
    case 'js': {
      // A method's decorators are the class body's children just before it.
      for (let d = fn.previousNamedSibling; d?.type === 'decorator'; d = d.previousNamedSibling) if (JS_MEMO.test(d.text)) return true;
      return isRequestCached(fn, family);
    }
    default:
      return false;
  }
}

/**
 * A function given to React's `cache(…)`, in a file that imports it from React (REACT_CACHE): one result per argument
 * for the request, so a loop calling it with what changes each turn (`getUser(post.authorId)`) still runs its query
 * per item; with the same arguments each turn (homarr's `getRscServerSettingsAsync()`), once (argumentsVaryInLoop).
 */
export function isRequestCached(fn: Node, family: LanguageFamily): boolean {
  if (family !== 'js') return false;
  const call = fn.parent?.type === 'arguments' ? fn.parent.parent : null;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function')?.text : undefined;
  return (callee === 'cache' || callee === 'React.cache') && REACT_CACHE.test(fn.tree.rootNode.text);
}

/**
 * Whether a call in a loop is given what changes with the loop: a name its arguments read (`post` of
 * `getUser(post.authorId)`) that the loop declares or assigns, its own variable or a callback's parameter
 * (`posts.map((p) => getUser(p.id))`). No arguments, constants, or names set before the loop: the same each turn.
 */
export function argumentsVaryInLoop(call: Node, loop: Node): boolean {
  const args = call.childForFieldName('arguments');
  if (!args || args.namedChildCount === 0) return false;
  const text = loop.text.slice(0, Math.max(0, call.startIndex - loop.startIndex));
  // (The names found in one search of the arguments, and only those the loop's text before the call mentions tested,
  // all in one expression: this runs for every call in every loop.)
  const names = new Set<string>();
  for (const n of args.descendantsOfType(['identifier', 'shorthand_property_identifier'])) if (n && text.includes(n.text)) names.add(n.text);
  if (names.size === 0) return false;
  const any = [...names].map((name) => name.replace(/\$/g, '\\$')).join('|');
  const set = new RegExp(
    `(?:\\b(?:const|let|var)\\s+(?:[{\\[][^=;]*)?|[(,]\\s*(?:[{\\[][^)]*)?)(?<![\\w$])(?:${any})(?![\\w$])|(?<![\\w$.])(?:${any})\\s*(?:[-+*/%]?=(?![=>])|\\+\\+|--|=>)`,
  );
  return set.test(text);
}

/** A file that may read a cache before its store: most have no such word, and are not looked at further. */
export function mayReadCacheFirst(text: string, mentions?: (word: string) => boolean): boolean {
  // Its word first (case aside), from the file's word searches: most files have none.
  if (mentions && !['cache', 'Cache', 'CACHE'].some(mentions)) return false;
  return ANY_LOOKUP.test(text);
}

/** A cache read anywhere in the text (see LOOKUP), or a membership test of one. */
const ANY_LOOKUP = /cache\w*(?:\(\))?\s*(?:\.\s*(?:get|load|lookup|has|containsKey)\w*\s*\(|\[)|\bin\s+[\w.]*cache/i;

/** A cache lookup of a key: `settingCache.Get(key)`, `this.cache.get(id)`, `_cache[key]`, `cache.getIfPresent(k)`. */
const LOOKUP = String.raw`(?:await\s+)?[\w$.]*cache[\w$]*(?:\(\))?\s*(?:\.\s*(?:get|Get|load|Load|lookup|Lookup|getIfPresent|GetWithTTL)\w*\s*\(|\[)`;
/** One statement that returns on a hit, by itself: Go's `if v, ok := cache.Get(k); ok { return v, nil }`, `if (cache.has(k)) return cache.get(k)`, `if k in cache: return cache[k]`. */
const HIT_RETURNS = [
  new RegExp(String.raw`^if\s+\w+\s*,\s*(\w+)\s*:=\s*${LOOKUP}[^{]*;\s*\1\s*\{\s*return\b`, 'i'),
  /^if\s*\(\s*(?:await\s+)?[\w$.]*cache[\w$]*\s*\.\s*(?:has|containsKey)\s*\([^)]*\)\s*\)\s*\{?\s*return\b/i,
  /^if\s+[\w.[\]'"]+\s+in\s+[\w.]*cache\w*\s*:\s*return\b/i,
];
/** A lookup kept in a variable (`cached := cache.Get(k)`, `const hit = await this.cache.get(k)`, `T v = cache.get(k);`). */
const KEPT = new RegExp(String.raw`^(?:(?:const|let|var|final)\s+)?(?:[\w<>,.?\[\]]+\s+)?(\w+)\s*(?:,\s*(\w+)\s*)?(?::=|=)\s*${LOOKUP}`, 'i');

/** A key made before the lookup: `key := fmt.Sprint(id)`, `const key = String(id)`, `key = f"user:{id}"`. */
const KEY_MADE = /^(?:(?:const|let|var|final)\s+)?(?:[\w<>]+\s+)?\w+\s*(?::=|=)\s*(?:fmt\.Sprint\w*|strconv\.\w+|String(?:\.valueOf)?|str|JSON\.stringify|`|f?['"])/;

/** Calls that only shape a key from what the function is given: string methods, formatting, hashing, the locale. */
const KEY_SHAPING = new Set(['split', 'lower', 'upper', 'strip', 'lstrip', 'rstrip', 'format', 'join', 'replace', 'str', 'int', 'get_language', 'toLowerCase', 'toUpperCase', 'trim', 'toString', 'String', 'Number', 'Sprintf', 'Sprint', 'Itoa', 'valueOf', 'encode', 'hexdigest', 'md5', 'sha1', 'sha256', 'dumps', 'stringify']);

/** A statement whose calls all only shape the key (wger's `used_language = (translation.get_language() …).split('-')[0]`). */
function onlyShapesKey(text: string): boolean {
  const called = [...text.matchAll(/([A-Za-z_$][\w$]*)\s*\(/g)].map((m) => m[1]);
  return called.length > 0 && called.every((name) => KEY_SHAPING.has(name));
}

/** A lock's name: `_CACHE_LOCK`, `self._lock`, `threading.Lock()`. */
const LOCK = /(?:^|[^A-Za-z])(?:lock|LOCK|mutex|MUTEX)(?:[^A-Za-z]|$)|[a-z](?:Lock|Mutex)\b|\bLock\(/;
/** A value of the request's or tenant's context, read with nothing given: `tenant_id = CURRENT_TENANT_ID.get()`, `get_current_tenant_id()`. */
const CONTEXT_READ = /^\w+\s*=\s*(?:[A-Z][A-Z0-9_]*\.get\(\s*\)|(?:get_current|current)_\w+\(\s*\))\s*$/;
/** A guard that returns at once: `if tenant_id is None: return DEFAULTS`, `if (!id) return null`. */
const GUARD = /^if\b[^\n]*(?::|\{|\))\s*return\b[^\n]*\}?\s*$/;
/** What reads a store. */
const STORE_WORDS = /\b(?:execute|query|select|objects|session|cursor|fetch\w*|find\w*|db|repo\w*|http|requests|client)\b/i;

/**
 * A function that answers from a cache before it reads its store: alist's `GetRole(id)` starts `if r, ok :=
 * roleCache.Get(key); ok { return r, nil }` and queries the database only on a miss. Called in a loop it queries once
 * per new key, as a memoized function does. The test must come first (among the first three statements): a lookup
 * after the query, or deep in a branch, does not keep the query from running.
 */
export function readsCacheFirst(fn: Node): boolean {
  const body = fn.childForFieldName('body');
  return !!body && cacheHitEnd(body) !== undefined;
}

/**
 * Where the test that answers from a cache ends, when a block starts with one (see readsCacheFirst): the function's
 * body, or a block in it (litellm's `get_secret`, whose `if secret_name.startswith("oidc/"):` reads `oidc_cache.get_cache(
 * key=secret_name)` and returns it when found before it asks for a token). Undefined when it does not.
 */
export function cacheHitEnd(block: Node): number | undefined {
  let body: Node | null = block;
  // Go's blocks hold their statements in a list.
  if (body?.firstNamedChild?.type === 'statement_list') body = body.firstNamedChild;
  if (!body) return undefined;
  // A docstring is no statement that runs anything.
  const code = (list: Node): Node[] => list.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment' && !(c.type === 'expression_statement' && c.firstNamedChild?.type === 'string'));
  // Python: what a lock guards is read as the function's own statements (onyx's `with _CACHE_LOCK: cached =
  // _CACHE.get(tenant_id)`).
  const statements = code(body)
    .flatMap((st) => {
      const guarded = st.type === 'with_statement' && LOCK.test(st.namedChildren.find((c) => c?.type === 'with_clause')?.text ?? '') ? st.childForFieldName('body') : null;
      return guarded ? code(guarded) : [st];
    })
    .slice(0, 5);
  const texts = statements.map((st) => st.text.replace(/^(?:const|let|var)\s+[\w$]+\s*:\s*[^=]+?(?==)/, (m) => m.replace(/:\s*[^=]+$/, ' ')));
  for (let k = 0; k < texts.length; k++) {
    // Only making the key may come before the test: a call there may be the query the cache is for. Or the tenant's
    // or request's context read with nothing given, and a guard that returns before any store is read.
    const before = texts[k - 1];
    if (k > 0 && before.includes('(') && !KEY_MADE.test(before) && !KEPT.test(before) && !onlyShapesKey(before) && !CONTEXT_READ.test(before) && !(GUARD.test(before) && !STORE_WORDS.test(before))) return undefined;
    if (k >= 3 && !statements.slice(0, k).every((st, j) => j < 3 || CONTEXT_READ.test(texts[j]) || GUARD.test(texts[j]) || st.parent?.parent?.type === 'with_statement')) return undefined;
    if (HIT_RETURNS.some((re) => re.test(texts[k]))) return statements[k].endIndex;
    const kept = KEPT.exec(texts[k]);
    // (Past what else the lock guards that calls nothing: onyx's `generation = _cache_generation`.)
    let after = k + 1;
    while (kept && after < texts.length - 1 && !texts[after].includes('(') && !texts[after].startsWith('if')) after++;
    const next = texts[after];
    if (!kept || !next) continue;
    // The hit: the value, present (`if (hit)`, `!= null`, `is not None`), or Go's found flag.
    const name = kept[2] ?? kept[1];
    const hit = new RegExp(String.raw`^if\s*\(?\s*(?:${name}|${name}\s*(?:!==?\s*(?:null|undefined|nil)|is\s+not\s+None))\s*\)?\s*(?::|\{)?\s*return\b`);
    if (hit.test(next)) return statements[after].endIndex;
  }
  return undefined;
}

/**
 * The text before a function given to a cache as its loader, run only on a miss of the key: Guava's and Caffeine's
 * `cache.get(key, () -> repo.findById(key))` (PowerJob's CacheService), `map.computeIfAbsent(key, k -> …)`, Python's
 * `cache.get_or_set(key, lambda: …)`. It reads once per key and expiry, as a memoized function does.
 */
export const CACHE_LOADER = /(?:\b[\w$.]*[cC]ache[\w$]*(?:\(\))?\s*\.\s*(?:get|get_or_set|getOrSet|getOrLoad)|\.\s*computeIfAbsent)\s*\([^;{}]*,\s*$/;

import type { Node } from '@vscode/tree-sitter-wasm';
import type { LanguageFamily } from './callCatalogue';

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
  return text.includes('@') && ANY_MEMO.test(text);
}

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
      return false;
    }
    default:
      return false;
  }
}

import { isDeepStrictEqual } from 'node:util';

export interface LeafDiff {
  path: (string | number)[];
  before: unknown;
  after: unknown;
}

/**
 * Where two parsed documents differ, leaf by leaf. A patch is accepted only when exactly the one value asked for
 * differs: the check that nothing else in the recipe moved, whatever the format.
 */
export function leafDiffs(a: unknown, b: unknown, path: (string | number)[] = [], out: LeafDiff[] = [], limit = 16): LeafDiff[] {
  if (out.length >= limit) return out;
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  const bothObjects = isPlainObject(a) && isPlainObject(b);
  if (bothArrays) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) leafDiffs(a[i], b[i], [...path, i], out, limit);
  } else if (bothObjects) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) leafDiffs(a[k], b[k], [...path, k], out, limit);
  } else if (!isDeepStrictEqual(a, b)) {
    out.push({ path, before: a, after: b });
  }
  return out;
}

export function dottedPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('');
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

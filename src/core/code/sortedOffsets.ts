/** Binary searches in ascending lists of offsets (word places, statement starts, match starts). */

/** The index of the first element at or above `n` (the list's length if none). */
export function firstAtOrAbove(list: ArrayLike<number>, n: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first element above `n` (the list's length if none). */
export function firstAbove(list: ArrayLike<number>, n: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

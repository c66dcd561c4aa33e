import { createTwoFilesPatch } from 'diff';
import type { RecipePatch } from './patchTypes';

/** The patch as `git diff` would show it (a/ and b/ paths, three lines of context): what reviewers read. */
export function unifiedDiff(patch: Pick<RecipePatch, 'file' | 'before' | 'after'>): string {
  const text = createTwoFilesPatch(`a/${patch.file}`, `b/${patch.file}`, patch.before, patch.after, undefined, undefined, { context: 3 });
  // createTwoFilesPatch starts with a `====` separator line: keep only the part git would print.
  return text.replace(/^={3,}\n/, '');
}

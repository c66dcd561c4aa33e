import type { ChangedLines } from '../git/changedLines';
import type { Warning } from './warning';

/**
 * Which warnings to show, "before it ships":
 * - `changedLines`: only on lines changed since the merge base with the default branch (the default);
 * - `changedFiles`: every warning of a file that changed;
 * - `all`: every warning in the workspace;
 * - `off`: none.
 * Recipe warnings (`capacity-pressure`) describe production, not a change: they show unless the scope is `off`.
 */
export type DiagnosticsScope = 'changedLines' | 'changedFiles' | 'all' | 'off';

export const SCOPES: DiagnosticsScope[] = ['changedLines', 'changedFiles', 'all', 'off'];

export function inScope(warnings: Warning[], scope: DiagnosticsScope, changed: ChangedLines | undefined): Warning[] {
  if (scope === 'off') return [];
  if (scope === 'all' || !changed) return warnings;
  return warnings.filter((w) => {
    if (w.code === 'capacity-pressure') return true;
    const lines = changed.get(w.file);
    if (!lines) return false;
    if (lines === 'all' || scope === 'changedFiles') return true;
    // The warning's own lines, and those of the queries in the same loop that it stands for (see groupByLoop).
    const ranges = [w.range, ...w.related.filter((r) => r.location.file === w.file).map((r) => r.location.range)];
    for (const r of ranges) for (let l = r.start.line; l <= r.end.line; l++) if (lines.has(l)) return true;
    return false;
  });
}

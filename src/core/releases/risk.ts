import { keepChanged, parseUnifiedDiff } from '../git/changedLines';
import { withoutSnoozed, type Snooze } from '../insights/snoozes';
import { compareWarnings, type Severity, type Warning } from '../insights/warning';
import { releaseDiff } from './gitHistory';
import type { Release, ReleaseRisk } from './release';

/** Warnings for files as they stand at a commit, and which of those files are unchanged in the working tree. */
export interface TipWarningSource {
  warningsAt(ref: string, files: string[]): Promise<{ warnings: Warning[]; sameAsWorkingTree: Set<string> }>;
}

/**
 * A release's ops risk: the warnings on the lines it changes, as the code stands at its tip. Lines come from
 * the diff against the release it follows (from its merge base, so a branch is not blamed for what its base
 * moved on to), and warnings from the code at the tip, so the two always agree on line numbers.
 */
export async function releaseRisk(dir: string, release: Release, source: TipWarningSource, snoozes: Snooze[] = [], now = new Date()): Promise<ReleaseRisk> {
  if (!release.ref) return { counts: zero(), warnings: [], note: 'no code yet: nothing in git carries this version' };
  const changed = parseUnifiedDiff(await releaseDiff(dir, release.base?.commit, release.ref.commit));
  if (!changed.size) return { counts: zero(), warnings: [] };
  const { warnings, sameAsWorkingTree } = await source.warningsAt(release.ref.commit, [...changed.keys()]);
  const { shown, snoozed } = withoutSnoozed(keepChanged(warnings, changed), snoozes, now);
  const counts = zero();
  for (const w of shown) counts[w.severity]++;
  return {
    counts,
    warnings: shown.sort(compareWarnings).map((w) => ({ warning: w, ref: release.ref!.commit, inWorkingTree: sameAsWorkingTree.has(w.file) })),
    note: snoozed.length ? `${snoozed.length} snoozed warning${snoozed.length === 1 ? '' : 's'} not counted` : undefined,
  };
}

export function zero(): Record<Severity, number> {
  return { error: 0, warning: 0, info: 0 };
}

/** "2 errors, 1 warning" (info left out unless it is all there is); "no warnings". */
export function riskText(risk: ReleaseRisk | undefined): string {
  if (!risk) return 'risk not computed';
  const { error, warning, info } = risk.counts;
  const parts = [plural(error, 'error'), plural(warning, 'warning')].filter(Boolean);
  if (!parts.length) return info ? plural(info, 'info note') : 'no warnings';
  return parts.join(', ');
}

function plural(n: number, word: string): string {
  return n ? `${n} ${word}${n === 1 ? '' : 's'}` : '';
}

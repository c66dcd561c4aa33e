import { parse, stringify } from 'yaml';
import { hazardFingerprint } from './hazardWarnings';
import type { Warning } from './warning';

/**
 * Snoozes live in the repository (`.ops-lens/snoozes.yaml`) so the whole team shares them, and each expires.
 * A snooze matches a warning's fingerprint (code, file, route, call), which survives edits that move lines.
 */
export interface Snooze {
  fingerprint: string;
  /** ISO date (YYYY-MM-DD) or date-time after which the warning shows again. */
  until: string;
  reason?: string;
  by?: string;
}

export const SNOOZE_FILE = '.ops-lens/snoozes.yaml';

export function parseSnoozes(text: string): { snoozes: Snooze[]; problem?: string } {
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    return { snoozes: [], problem: `${SNOOZE_FILE} is not valid YAML: ${(e as Error).message.split('\n')[0]}` };
  }
  const list = (data as { snoozes?: unknown })?.snoozes;
  if (data !== null && data !== undefined && !Array.isArray(list)) {
    return { snoozes: [], problem: `${SNOOZE_FILE} must have a "snoozes:" list` };
  }
  const snoozes = ((list as unknown[]) ?? []).filter(
    (s): s is Snooze =>
      !!s && typeof (s as Snooze).fingerprint === 'string' && typeof (s as Snooze).until === 'string' && !Number.isNaN(Date.parse((s as Snooze).until)),
  );
  return { snoozes };
}

export function serialiseSnoozes(snoozes: Snooze[]): string {
  return (
    '# Warnings the team has snoozed, each until a date. Written by "Ops Lens: Snooze Warning"; edit freely.\n' +
    stringify({ snoozes })
  );
}

export function activeSnoozes(snoozes: Snooze[], now: Date): Snooze[] {
  return snoozes.filter((s) => Date.parse(s.until) > now.getTime());
}

export function withoutSnoozed(warnings: Warning[], snoozes: Snooze[], now: Date): { shown: Warning[]; snoozed: Warning[] } {
  const active = new Set(activeSnoozes(snoozes, now).map((s) => s.fingerprint));
  const shown: Warning[] = [];
  const snoozed: Warning[] = [];
  for (const w of warnings) (active.has(w.fingerprint) || loopFingerprints(w).some((f) => active.has(f)) ? snoozed : shown).push(w);
  return { shown, snoozed };
}

/**
 * A loop's warning stands for each query or call of the loop (evidence.sameLoop), and is fingerprinted by the first:
 * a snooze taken when another one came first still holds once a query added above it heads the warning.
 */
function loopFingerprints(w: Warning): string[] {
  return (w.evidence.sameLoop ?? []).map((m) => hazardFingerprint(w.code, w.file, w.route, m.callee));
}

/** Adds (or extends) a snooze for a warning, keeping every other entry; expired entries are dropped. */
export function addSnooze(snoozes: Snooze[], snooze: Snooze, now: Date): Snooze[] {
  return [...activeSnoozes(snoozes, now).filter((s) => s.fingerprint !== snooze.fingerprint), snooze];
}

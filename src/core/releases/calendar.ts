import type { FreezeWindow } from './release';

const DAY = 86_400_000;

/**
 * Release dates are calendar days (UTC) unless written with a time: "ships 2026-06-02" means that whole day,
 * so a countdown counts days, not hours, and reads the same for everyone on the team.
 */
function dayNumber(ms: number): number {
  return Math.floor(ms / DAY);
}

/** Start of the day or instant a schedule date names (ms). */
export function startOf(date: string): number {
  return date.length <= 10 ? Date.parse(`${date}T00:00:00Z`) : Date.parse(date);
}

/** End of the day a date names (ms, exclusive), or the instant itself for a date-time. */
export function endOf(date: string): number {
  return date.length <= 10 ? startOf(date) + DAY : Date.parse(date);
}

/** Whole calendar days from `now` to `date`: 0 today, 1 tomorrow, −2 two days ago. */
export function daysUntil(date: string, now: Date): number {
  return dayNumber(startOf(date)) - dayNumber(now.getTime());
}

/** The freeze's state now; it lasts until the end of `to`, or of the release day, or open-ended without either. */
export function freezeWindow(freeze: { from: string; to?: string }, releaseDate: string | undefined, now: Date): FreezeWindow {
  const from = startOf(freeze.from);
  const endText = freeze.to ?? releaseDate;
  const end = endText ? endOf(endText) : Number.POSITIVE_INFINITY;
  const t = now.getTime();
  if (t < from) return { ...freeze, state: 'before', days: daysUntil(freeze.from, now) };
  if (t < end) return { ...freeze, state: 'frozen', days: endText ? daysUntil(endText, now) : undefined };
  return { ...freeze, state: 'after' };
}

/** "today", "tomorrow", "in 5 days", "2 days ago" (for a countdown). */
export function countdown(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** Short date for a person: "Tue 2 Jun 2026" (UTC, as the schedule is). */
export function shortDate(date: string): string {
  const d = new Date(startOf(date));
  if (Number.isNaN(d.getTime())) return date;
  const text = d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).replace(/,/g, '');
  return date.length > 10 ? `${text} ${d.toISOString().slice(11, 16)} UTC` : text;
}

export function freezeText(f: FreezeWindow): string {
  if (f.state === 'before') return `freeze ${countdown(f.days ?? 0)}`;
  if (f.state === 'frozen') return f.days === undefined ? 'frozen' : f.days <= 0 ? 'frozen (ends today)' : `frozen (${f.days} more day${f.days === 1 ? '' : 's'})`;
  return 'freeze over';
}

/** ISO date of a Unix time (seconds), for tag dates. */
export function isoDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}

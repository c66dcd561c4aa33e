import type { SourceLocation } from '../model/location';
import type { ReleaseSource } from './release';

/** A release someone planned (schedule file, milestone, draft release), before it is matched with git. */
export interface PlannedRelease {
  version: string;
  title?: string;
  source: Extract<ReleaseSource, 'schedule' | 'milestone' | 'draft'>;
  /** ISO date (`2026-06-02`) or date-time. */
  date?: string;
  freeze?: { from: string; to?: string };
  environments?: string[];
  owner?: string;
  notes?: string;
  link?: { title: string; url: string };
  location?: SourceLocation;
}

/**
 * Plans for the same version from several sources, merged field by field: the schedule file in the repository
 * wins over the forge (it is reviewed with the code), a milestone over a draft release.
 */
export function mergePlans(plans: PlannedRelease[]): Map<string, { plan: PlannedRelease; sources: PlannedRelease['source'][]; links: { title: string; url: string }[] }> {
  const order: Record<PlannedRelease['source'], number> = { schedule: 0, milestone: 1, draft: 2 };
  const sorted = [...plans].sort((a, b) => order[a.source] - order[b.source]);
  const out = new Map<string, { plan: PlannedRelease; sources: PlannedRelease['source'][]; links: { title: string; url: string }[] }>();
  for (const p of sorted) {
    const seen = out.get(p.version);
    if (!seen) {
      out.set(p.version, { plan: { ...p }, sources: [p.source], links: p.link ? [p.link] : [] });
      continue;
    }
    const m = seen.plan;
    m.title ??= p.title;
    m.date ??= p.date;
    m.freeze ??= p.freeze;
    m.environments = m.environments?.length ? m.environments : p.environments;
    m.owner ??= p.owner;
    m.notes ??= p.notes;
    if (!seen.sources.includes(p.source)) seen.sources.push(p.source);
    if (p.link) seen.links.push(p.link);
  }
  return out;
}

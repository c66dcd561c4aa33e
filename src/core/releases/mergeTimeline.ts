import { daysUntil, freezeWindow, isoDate, startOf } from './calendar';
import type { GitRelease, GitReleases } from './gitReleases';
import { mergePlans, type PlannedRelease } from './plannedRelease';
import type { Release, ReleaseCommit } from './release';
import { compareVersions, nextMinor, versionOfText } from './versions';

/**
 * One timeline from git and the plans: a plan joins the tag or release branch of its version; the earliest
 * planned version that git has not reached yet names the next release (the unreleased commits of the default
 * branch); other plans stand alone, with no changes yet. A tag is past unless its plan says it ships later.
 */
export function mergeTimeline(git: GitReleases | undefined, plans: PlannedRelease[], now: Date): Release[] {
  const planned = mergePlans(plans);
  const used = new Set<string>();
  const out: Release[] = [];
  const gitReleases = git?.releases ?? [];
  const known = gitReleases.filter((r) => r.version).map((r) => r.version!);
  const highest = known.sort(compareVersions)[known.length - 1];

  for (const g of gitReleases) {
    let version = g.version;
    if (g.kind === 'next') {
      // The lowest planned version above everything git already has is what the default branch becomes.
      const open = [...planned.keys()].filter((v) => !used.has(v) && !gitReleases.some((r) => r.version === v) && (!highest || compareVersions(v, highest) > 0));
      version = open.sort(compareVersions)[0];
    }
    const plan = version ? planned.get(version) : undefined;
    if (plan && version) used.add(version);
    out.push(build(g, version ?? nextMinor(highest), plan, git!, now));
  }
  for (const [version, p] of planned) {
    if (used.has(version)) continue;
    out.push(build(undefined, version, p, git, now));
  }
  return sortTimeline(out);
}

function build(
  g: GitRelease | undefined,
  version: string,
  plan: ReturnType<typeof mergePlans> extends Map<string, infer V> ? V | undefined : never,
  git: GitReleases | undefined,
  now: Date,
): Release {
  const p = plan?.plan;
  const date = p?.date ?? (g?.kind === 'tag' && g.time ? isoDate(g.time) : undefined);
  // Tagged means shipped, unless the plan dates it later (tagged ahead of the deploy).
  const status: Release['status'] = g?.kind === 'tag' && !(p?.date && startOf(p.date) > now.getTime()) ? 'past' : 'upcoming';
  const title = !g ? version : g.kind === 'next' ? `next (${g.ref.name})` : g.ref.name;
  // A milestone called "v1.5.0" names nothing the version does not: keep names that add words.
  const name = p?.title && versionOfText(p.title) !== p.title.replace(/^v/, '') ? p.title : undefined;
  const commits: ReleaseCommit[] = (g?.commits ?? []).map((h) => {
    const c = git!.graph.get(h)!;
    return { hash: h, subject: c.subject, author: c.author, time: c.time };
  });
  return {
    id: g?.kind === 'next' && !p ? 'next' : version,
    version,
    title,
    name,
    versionProposed: g?.kind === 'next' && !p ? true : undefined,
    status,
    sources: [...(g ? [g.kind] : []), ...(plan?.sources ?? [])],
    date,
    daysUntil: date ? daysUntil(date, now) : undefined,
    freeze: p?.freeze ? freezeWindow(p.freeze, p.date, now) : undefined,
    environments: p?.environments ?? [],
    owner: p?.owner,
    notes: p?.notes,
    ref: g ? { ...g.ref } : undefined,
    base: g?.base,
    commits,
    pullRequests: [],
    services: [],
    changeRequests: [],
    links: plan?.links ?? [],
    candidates: git?.candidates.get(version) ?? [],
    scheduleLocation: plan?.sources.includes('schedule') ? p?.location : undefined,
  };
}

/** Upcoming by date (undated after dated, by version), then past newest first. */
export function sortTimeline(releases: Release[]): Release[] {
  const up = releases.filter((r) => r.status === 'upcoming');
  const past = releases.filter((r) => r.status === 'past');
  up.sort((a, b) => {
    if (a.date && b.date) return startOf(a.date) - startOf(b.date) || compareVersions(a.version, b.version);
    if (a.date) return -1;
    if (b.date) return 1;
    return compareVersions(a.version, b.version);
  });
  past.sort((a, b) => compareVersions(b.version, a.version));
  return [...up, ...past];
}

import { warningJson } from '../insights/warningJson';
import type { Release, Timeline } from './release';

/**
 * The `ops-lens releases --format json` contract: the Releases view's data, 1-based lines, files relative to
 * the analysed folder, dates as written (ISO), times as RFC 3339.
 */
export function timelineJson(t: Timeline): unknown {
  return {
    defaultBranch: t.defaultBranch ?? null,
    git: t.git,
    builtAt: new Date(t.builtAt).toISOString(),
    releases: t.releases.map(releaseJson),
    problems: t.problems.map((p) => ({
      severity: p.severity,
      file: p.location?.file ?? null,
      line: p.location ? p.location.range.start.line + 1 : null,
      column: p.location ? p.location.range.start.character + 1 : null,
      message: p.message,
    })),
  };
}

function releaseJson(r: Release) {
  return {
    id: r.id,
    version: r.version,
    versionProposed: !!r.versionProposed,
    title: r.title,
    name: r.name ?? null,
    status: r.status,
    sources: r.sources,
    date: r.date ?? null,
    daysUntil: r.daysUntil ?? null,
    freeze: r.freeze ? { from: r.freeze.from, to: r.freeze.to ?? null, state: r.freeze.state, days: r.freeze.days ?? null } : null,
    environments: r.environments,
    owner: r.owner ?? null,
    notes: r.notes ?? null,
    ref: r.ref ?? null,
    base: r.base ?? null,
    candidates: r.candidates,
    links: r.links,
    commits: r.commits.map((c) => ({
      hash: c.hash,
      subject: c.subject,
      author: c.author,
      time: new Date(c.time * 1000).toISOString(),
      pullRequest: c.pullRequest ?? null,
      ...(c.files ? { files: c.files, services: c.services ?? [] } : {}),
    })),
    pullRequests: r.pullRequests,
    services: r.services,
    changeRequests: r.changeRequests,
    risk: r.risk
      ? {
          counts: r.risk.counts,
          note: r.risk.note ?? null,
          warnings: r.risk.warnings.map(({ warning, ref, inWorkingTree }) => ({ ...warningJson(warning), ref, inWorkingTree })),
        }
      : null,
    schedule: r.scheduleLocation ? { file: r.scheduleLocation.file, line: r.scheduleLocation.range.start.line + 1 } : null,
  };
}

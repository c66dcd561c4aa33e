import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../host/logger';
import type { Snooze } from '../insights/snoozes';
import type { EnvironmentModel } from '../model/environment';
import { type ChangeRecord, ridesWith } from './changeRequests';
import { hasCommits } from './gitHistory';
import { type GitReleases, readGitReleases } from './gitReleases';
import { mergeTimeline } from './mergeTimeline';
import type { PlannedRelease } from './plannedRelease';
import { type Release, type ReleaseProblem, type Timeline } from './release';
import { addReleaseDetails } from './releaseDetails';
import { releaseRisk, type TipWarningSource } from './risk';
import { parseSchedule, SCHEDULE_FILE } from './schedule';

export interface TimelineInputs {
  /** The analysed folder (inside a git work tree, or not: then only plans count). */
  dir: string;
  now?: Date;
  tagPrefix?: string;
  defaultBranch?: string;
  /** The schedule's text when the caller has it (an unsaved editor buffer); read from disk when undefined. */
  scheduleText?: string;
  /** Plans from the forge (GitHub milestones and draft releases), fetched by the caller. */
  forge?: PlannedRelease[];
  /** Maps changed files to services. */
  model?: EnvironmentModel;
  /** Computes each upcoming release's ops risk; without it, risk is left out. */
  risk?: TipWarningSource;
  snoozes?: Snooze[];
  changeRecords?: ChangeRecord[];
  /**
   * False in an untrusted workspace: git reads the repository's own config (filters, fsmonitor hooks), so it is
   * not run on the workspace's say-so; the timeline then comes from the schedule alone.
   */
  useGit?: boolean;
  /** Checked between steps: a newer refresh makes this one stop early. */
  cancelled?: () => boolean;
  log?: Logger;
}

export class TimelineCancelled extends Error {}

/**
 * The release timeline: git (tags, release branches, unreleased commits on the default branch), the schedule
 * file and the forge's plans, merged; upcoming releases get their changes by service, the change requests riding
 * with them and their ops risk. Past releases keep their commits only (their risk is history).
 */
export async function buildTimeline(inputs: TimelineInputs): Promise<Timeline> {
  const started = Date.now();
  const now = inputs.now ?? new Date();
  const check = () => {
    if (inputs.cancelled?.()) throw new TimelineCancelled('a newer refresh started');
  };
  const problems: ReleaseProblem[] = [];
  const scheduleText = inputs.scheduleText ?? (await readFile(join(inputs.dir, SCHEDULE_FILE), 'utf8').catch(() => undefined));
  const schedule = scheduleText === undefined ? { entries: [], problems: [] } : parseSchedule(scheduleText);
  problems.push(...schedule.problems);

  let git: GitReleases | undefined;
  if (inputs.useGit === false) {
    problems.push({ severity: 'info', message: 'Restricted Mode: git is not run in an untrusted workspace; releases come from the schedule only' });
  } else if (await hasCommits(inputs.dir)) {
    try {
      git = await readGitReleases(inputs.dir, { tagPrefix: inputs.tagPrefix, defaultBranch: inputs.defaultBranch });
      if (git.ignoredTags) inputs.log?.debug(`releases: ${git.ignoredTags} tag(s) are not semantic versions and are not releases`);
      if (!git.defaultBranch) problems.push({ severity: 'info', message: inputs.defaultBranch ? `branch ${inputs.defaultBranch} not found: no next release` : 'no default branch (origin/HEAD, main, master…): no next release' });
    } catch (e) {
      problems.push({ severity: 'error', message: `cannot read git history: ${(e as Error).message}` });
    }
  } else {
    problems.push({ severity: 'info', message: 'not a git repository with commits: releases come from the schedule only' });
  }
  check();
  const releases = mergeTimeline(git, [...schedule.entries, ...(inputs.forge ?? [])], now);
  const upcoming = releases.filter((r) => r.status === 'upcoming');
  if (git) await addReleaseDetails(inputs.dir, upcoming, git.graph, inputs.model);
  check();
  for (const r of releases) r.changeRequests = (inputs.changeRecords ?? []).filter((c) => ridesWith(c, r)).map(({ release: _, ...ref }) => ref);
  if (inputs.risk && git) {
    for (const r of upcoming) {
      r.risk = await releaseRisk(inputs.dir, r, inputs.risk, inputs.snoozes, now).catch((e) => ({ counts: { error: 0, warning: 0, info: 0 }, warnings: [], note: `risk not computed: ${(e as Error).message}` }));
      check();
    }
  }
  inputs.log?.info(`releases: ${upcoming.length} upcoming, ${releases.length - upcoming.length} past (${Date.now() - started} ms)`);
  return { releases, problems, defaultBranch: git?.defaultBranch, git: !!git, builtAt: Date.now() };
}

export function findRelease(timeline: Timeline, id: string): Release | undefined {
  return timeline.releases.find((r) => r.id === id || r.version === id || r.title === id);
}

import type { Severity, Warning } from '../insights/warning';
import type { SourceLocation } from '../model/location';

/** Where a release was learnt from; a release merged from several sources lists each. */
export type ReleaseSource = 'tag' | 'branch' | 'next' | 'schedule' | 'milestone' | 'draft';

export type FreezeState = 'before' | 'frozen' | 'after';

/** A code freeze before a release: from `from` (inclusive) to `to` (the release date unless said otherwise). */
export interface FreezeWindow {
  /** ISO date or date-time, as written. */
  from: string;
  to?: string;
  state: FreezeState;
  /** Whole days until the freeze starts (state 'before') or ends (state 'frozen'). */
  days?: number;
}

/** One commit a release carries. */
export interface ReleaseCommit {
  hash: string;
  subject: string;
  author: string;
  /** Commit time, Unix seconds. */
  time: number;
  /** Pull request it came in with: `#123` in a merge or squash subject, or the merge commit it rode under. */
  pullRequest?: number;
  /** Files it changed, relative to the analysed folder (upcoming releases only; merges list none). */
  files?: string[];
  /** Services owning those files, through the environment model. */
  services?: string[];
}

/** A pull request as the history shows it: its merge or squash commit's subject, and the commits it brought. */
export interface ReleasePullRequest {
  number: number;
  title: string;
  commits: string[];
  services: string[];
}

/** An environment change request (`.ops-lens/changes/*.md`) whose front matter names this release. */
export interface ChangeRequestRef {
  file: string;
  title: string;
  service?: string;
  environment?: string;
  status?: string;
  /** What it changes, in a few words (`maxReplicas 10 → 16`), when the record says. */
  summary?: string;
}

/** The warnings on the lines a release changes, as the code stands at the release's tip. */
export interface ReleaseRisk {
  counts: Record<Severity, number>;
  warnings: RiskWarning[];
  /** Why the risk could not be computed, or what it leaves out (e.g. past releases are not analysed). */
  note?: string;
}

export interface RiskWarning {
  warning: Warning;
  /** The commit whose version of the file the warning's line refers to. */
  ref: string;
  /**
   * True when the file in the working tree is the same as at the release's tip, so the line can be opened in
   * the workspace; otherwise it is opened in the file as it stands at `ref`.
   */
  inWorkingTree: boolean;
}

export interface ServiceTouch {
  name: string;
  commits: number;
}

export interface Release {
  /** Stable identity within a timeline: the version, or `next` for the unnamed next release. */
  id: string;
  /** Semantic version (`1.5.0`), or the best reading of a branch name (`1.5.0` from `release/1.5`). */
  version: string;
  /** What git calls it: the tag (`v1.5.0`), the branch (`release/1.5`), `next (main)`, or the planned version. */
  title: string;
  /** The name a plan gives it (schedule `title`, milestone or draft title), when it says more than the version. */
  name?: string;
  /** True when no plan names the next release's version and Ops Lens proposes the next minor. */
  versionProposed?: boolean;
  status: 'upcoming' | 'past';
  sources: ReleaseSource[];
  /** When it ships (upcoming) or shipped (past): ISO date or date-time. */
  date?: string;
  /** Whole calendar days from today to `date` (negative: overdue or in the past). */
  daysUntil?: number;
  freeze?: FreezeWindow;
  environments: string[];
  owner?: string;
  notes?: string;
  /** Git refs: the tag or branch, and the commit it points at. */
  ref?: { name: string; commit: string };
  /** The release it is compared with: the nearest earlier release it contains. */
  base?: { id: string; commit: string };
  commits: ReleaseCommit[];
  pullRequests: ReleasePullRequest[];
  services: ServiceTouch[];
  changeRequests: ChangeRequestRef[];
  risk?: ReleaseRisk;
  /** Links (milestone, draft release) when the forge said. */
  links: { title: string; url: string }[];
  /** Pre-release tags (`1.5.0-rc.1`) of this version. */
  candidates: string[];
  /** Where its schedule entry is written, to open it. */
  scheduleLocation?: SourceLocation;
}

/** A problem in one of the release sources, at the line it came from when there is one. */
export interface ReleaseProblem {
  message: string;
  location?: SourceLocation;
  severity: 'error' | 'warning' | 'info';
}

export interface Timeline {
  /** Upcoming releases by date (undated last, by version), then past releases, newest first. */
  releases: Release[];
  problems: ReleaseProblem[];
  /** The branch the next release is cut from. */
  defaultBranch?: string;
  /** Whether it was read from git (false: not a repository, so only the schedule and forge count). */
  git: boolean;
  /** When it was built (ms since epoch), to show how old it is. */
  builtAt: number;
}

export function upcoming(t: Timeline): Release[] {
  return t.releases.filter((r) => r.status === 'upcoming');
}

export function past(t: Timeline): Release[] {
  return t.releases.filter((r) => r.status === 'past');
}

import { runGit } from '../host/git';
import type { PlannedRelease } from './plannedRelease';
import { versionOfTag, versionOfText } from './versions';

export const GITHUB_API = 'https://api.github.com';

export interface GitHubRepo {
  owner: string;
  repo: string;
}

/** `git@github.com:o/r.git`, `https://github.com/o/r`, `ssh://git@github.com/o/r.git` → o/r; other hosts → undefined. */
export function githubRepoOf(remoteUrl: string, host = 'github.com'): GitHubRepo | undefined {
  const h = host.replace(/[.]/g, '\\.');
  const m = new RegExp(`^(?:https?://(?:[^@/]+@)?${h}/|(?:ssh://)?git@${h}[:/])([^/]+)/([^/]+?)(?:\\.git)?/?$`, 'i').exec(remoteUrl.trim());
  return m ? { owner: m[1], repo: m[2] } : undefined;
}

/** The `origin` remote's URL (or the first remote's), when there is one. */
export async function remoteUrl(dir: string): Promise<string | undefined> {
  try {
    return (await runGit(dir, ['remote', 'get-url', 'origin'])).trim() || undefined;
  } catch {
    const first = (await runGit(dir, ['remote']).catch(() => '')).split('\n')[0]?.trim();
    if (!first) return undefined;
    return (await runGit(dir, ['remote', 'get-url', first]).catch(() => '')).trim() || undefined;
  }
}

export interface GitHubPlans {
  plans: PlannedRelease[];
  /** Milestones and drafts whose name holds no version, so they could not be placed. */
  unplaced: string[];
}

interface Milestone {
  title: string;
  description: string | null;
  html_url: string;
  due_on: string | null;
  open_issues: number;
  closed_issues: number;
}

interface GitHubRelease {
  tag_name: string;
  name: string | null;
  body?: string | null;
  html_url: string;
  draft: boolean;
}

/**
 * Open milestones and draft releases of a GitHub repository (a token is required: drafts are only visible to
 * people who can push). The token is sent to `baseUrl` only, which is api.github.com unless the user configured
 * their GitHub Enterprise API.
 */
export async function fetchGitHubPlans(opts: GitHubRepo & { token: string; baseUrl?: string; timeoutMs?: number }): Promise<GitHubPlans> {
  // Loaded only when a token is set: most workspaces never pay for the client.
  const { Octokit } = await import('@octokit/rest');
  const octokit = new Octokit({
    auth: opts.token,
    baseUrl: (opts.baseUrl ?? GITHUB_API).replace(/\/$/, ''),
    userAgent: 'ops-lens',
    request: { signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000) },
    // Octokit logs warnings (deprecations) to the console by default: keep the user's output clean.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  const params = { owner: opts.owner, repo: opts.repo, per_page: 100 };
  const [milestones, releases] = await Promise.all([
    octokit.paginate(octokit.rest.issues.listMilestones, { ...params, state: 'open' }) as Promise<Milestone[]>,
    octokit.paginate(octokit.rest.repos.listReleases, params) as Promise<GitHubRelease[]>,
  ]);
  const plans: PlannedRelease[] = [];
  const unplaced: string[] = [];
  for (const m of milestones) {
    const version = versionOfText(m.title);
    if (!version) {
      unplaced.push(`milestone "${m.title}"`);
      continue;
    }
    const issues = `${m.open_issues} open, ${m.closed_issues} closed issue${m.closed_issues === 1 ? '' : 's'}`;
    plans.push({
      version,
      title: m.title,
      source: 'milestone',
      // A milestone is due on a day; GitHub stores it as a time in the creator's zone, so keep the day.
      date: m.due_on ? m.due_on.slice(0, 10) : undefined,
      notes: [m.description?.trim(), `Milestone: ${issues}.`].filter(Boolean).join('\n\n'),
      link: { title: `Milestone ${m.title}`, url: m.html_url },
    });
  }
  for (const r of releases.filter((x) => x.draft)) {
    const version = versionOfTag(r.tag_name)?.version ?? (r.name ? versionOfText(r.name) : undefined);
    if (!version) {
      unplaced.push(`draft release "${r.name ?? r.tag_name}"`);
      continue;
    }
    plans.push({
      version,
      title: r.name || r.tag_name,
      source: 'draft',
      notes: r.body?.trim() || undefined,
      link: { title: `Draft release ${r.name || r.tag_name}`, url: r.html_url },
    });
  }
  return { plans, unplaced };
}

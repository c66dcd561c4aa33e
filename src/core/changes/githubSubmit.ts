import { Octokit } from '@octokit/rest';
import { ChangeRefusal } from './changeTypes';

export interface GitHubTarget {
  /** REST API base (https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server). */
  apiUrl: string;
  owner: string;
  repo: string;
  /** From SecretStorage (the editor) or GITHUB_TOKEN (a script); only ever sent to `apiUrl`. */
  token: string;
}

export interface Filed {
  number: number;
  url: string;
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** Octokit without retries or logging (a token must never reach a log), with a timeout and our user agent. */
function client(t: GitHubTarget, signal?: AbortSignal): Octokit {
  return new Octokit({
    auth: t.token,
    baseUrl: t.apiUrl,
    userAgent: 'ops-lens',
    log: quiet,
    request: { signal: signal ?? AbortSignal.timeout(30_000), redirect: 'error' },
  });
}

/** Files the request as an issue; labels that do not exist are created by GitHub for users who may create them. */
export async function createIssue(t: GitHubTarget, issue: { title: string; body: string; labels?: string[] }, signal?: AbortSignal): Promise<Filed> {
  try {
    const res = await client(t, signal).rest.issues.create({ owner: t.owner, repo: t.repo, title: issue.title, body: issue.body, ...(issue.labels?.length ? { labels: issue.labels } : {}) });
    return { number: res.data.number, url: res.data.html_url };
  } catch (e) {
    throw explainGitHubError(e, t, 'create the issue');
  }
}

/** Opens a pull request from `head` (already pushed) into `base`, or the repository's default branch. */
export async function createPullRequest(t: GitHubTarget, pr: { title: string; body: string; head: string; base?: string }, signal?: AbortSignal): Promise<Filed & { base: string }> {
  const octokit = client(t, signal);
  try {
    const base = pr.base || (await octokit.rest.repos.get({ owner: t.owner, repo: t.repo })).data.default_branch;
    const res = await octokit.rest.pulls.create({ owner: t.owner, repo: t.repo, title: pr.title, body: pr.body, head: pr.head, base });
    return { number: res.data.number, url: res.data.html_url, base };
  } catch (e) {
    throw explainGitHubError(e, t, 'open the pull request');
  }
}

/** One clear sentence per failure, saying what to do; the token never appears in it. */
export function explainGitHubError(e: unknown, t: Pick<GitHubTarget, 'apiUrl' | 'owner' | 'repo'>, action: string): ChangeRefusal {
  const err = e as { status?: number; message?: string; response?: { headers?: Record<string, string | undefined>; data?: unknown }; name?: string };
  const repo = `${t.owner}/${t.repo}`;
  const data = (err.response?.data ?? {}) as { message?: string; errors?: { message?: string; code?: string; field?: string }[] };
  const headers = err.response?.headers ?? {};
  if (!err.response) {
    // No answer at all (Octokit reports it as a 500): the network, DNS, a proxy or a wrong URL.
    const cause = (e as { cause?: { cause?: { code?: string }; code?: string; message?: string } }).cause;
    const message = (err.message ?? String(e)).split('\n')[0];
    const why = cause?.cause?.code ?? cause?.code ?? (message && message !== 'fetch failed' ? message : cause?.message ?? message);
    return new ChangeRefusal('github', `Cannot reach GitHub at ${t.apiUrl} to ${action} (${why}): check the network and opsLens.changes.github.apiUrl. Nothing was filed.`);
  }
  switch (err.status) {
    case 401:
      return new ChangeRefusal('missing-token', `GitHub at ${t.apiUrl} rejected the token (401 ${data.message ?? 'Bad credentials'}): run "Ops Lens: Set GitHub Token" with a valid token.`);
    case 404:
      return new ChangeRefusal('github', `GitHub at ${t.apiUrl} has no repository ${repo} that this token can see (404): check the remote, opsLens.changes.github.apiUrl, and that the token has access to ${repo}.`);
    case 403:
    case 429: {
      if (headers['x-ratelimit-remaining'] === '0' || err.status === 429 || /rate limit/i.test(data.message ?? '')) {
        const reset = Number(headers['x-ratelimit-reset']);
        const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date((reset > 1e11 ? reset / 1000 : reset) * 1000).toISOString().replace(/\.\d+Z$/, 'Z')}` : '';
        const retry = headers['retry-after'] ? ` (retry after ${headers['retry-after']} s)` : '';
        return new ChangeRefusal('github', `GitHub's rate limit is exhausted${when}${retry}: nothing was filed. Try again later; your change record is kept.`);
      }
      return new ChangeRefusal('github', `The token may not ${action} in ${repo} (403 ${data.message ?? 'Forbidden'}): it needs the "issues" or "pull requests" write permission.`);
    }
    case 422: {
      const details = (data.errors ?? []).map((x) => x.message ?? `${x.field} ${x.code}`).filter(Boolean).join('; ');
      return new ChangeRefusal('github', `GitHub refused to ${action} in ${repo}: ${data.message ?? 'Validation Failed'}${details ? ` (${details})` : ''}.`);
    }
    default:
      if (typeof err.status === 'number' && err.status >= 500) return new ChangeRefusal('github', `GitHub at ${t.apiUrl} failed (${err.status}): nothing was filed; try again.`);
      return new ChangeRefusal('github', `Cannot reach GitHub at ${t.apiUrl} to ${action}: ${(err.message ?? String(e)).split('\n')[0]}.`);
  }
}

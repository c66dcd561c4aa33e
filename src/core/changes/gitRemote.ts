import { ChangeRefusal } from './changeTypes';
import { git } from './gitExec';

export interface RemoteRepository {
  host: string;
  owner: string;
  repo: string;
  /** The REST API base: https://api.github.com for github.com, https://HOST/api/v3 for GitHub Enterprise Server. */
  apiUrl: string;
}

/**
 * `https://github.com/o/r.git`, `git@github.com:o/r.git`, `ssh://git@ghe.example.com:2222/o/r.git`,
 * `https://user@ghe.example.com/o/r`: host, owner and repository; undefined for anything else (a local path).
 */
export function parseRemoteUrl(url: string): { host: string; owner: string; repo: string } | undefined {
  const u = url.trim();
  const scp = /^(?:[\w.-]+@)?([\w.-]+):(?!\/\/)([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(u);
  if (scp && !/^[a-z]+:\/\//i.test(u)) return { host: scp[1].toLowerCase(), owner: scp[2], repo: scp[3] };
  try {
    const parsed = new URL(u);
    if (!/^(https?|ssh|git):$/.test(parsed.protocol)) return undefined;
    const parts = parsed.pathname.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '').split('/');
    if (parts.length < 2 || !parts[parts.length - 1]) return undefined;
    return { host: parsed.hostname.toLowerCase(), owner: parts[parts.length - 2], repo: parts[parts.length - 1] };
  } catch {
    return undefined;
  }
}

export function apiUrlFor(host: string, configured?: string): string {
  if (configured && configured.trim()) return configured.trim().replace(/\/+$/, '');
  return host === 'github.com' ? 'https://api.github.com' : `https://${host}/api/v3`;
}

/** The GitHub repository behind a git remote of the folder; a refusal says what to set when there is none. */
export async function remoteRepository(root: string, remote: string, configuredApiUrl?: string): Promise<RemoteRepository> {
  let url: string;
  try {
    url = (await git(root, ['remote', 'get-url', remote])).trim();
  } catch {
    throw new ChangeRefusal('missing-remote', `This repository has no git remote named "${remote}": add it (\`git remote add ${remote} https://github.com/OWNER/REPO.git\`) or set opsLens.changes.remote to the remote that points at GitHub.`);
  }
  const parsed = parseRemoteUrl(url);
  if (!parsed) throw new ChangeRefusal('missing-remote', `The remote "${remote}" (${url}) does not name a GitHub repository (OWNER/REPO): set opsLens.changes.remote to one that does.`);
  return { ...parsed, apiUrl: apiUrlFor(parsed.host, configuredApiUrl) };
}

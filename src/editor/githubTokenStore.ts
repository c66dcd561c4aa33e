import * as vscode from 'vscode';

import { GITHUB_API } from '../core/releases/github';

/**
 * GitHub tokens in SecretStorage, one per API origin (github.com or an Enterprise server), shared by the Releases view
 * and change requests, so a token is only ever sent to the origin it was set for.
 */
const KEY_PREFIX = 'opsLens.github:';

export class GitHubTokenStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The stored token for that origin, else (api.github.com only) VS Code's own GitHub sign-in, never prompting. */
  async get(apiUrl: string): Promise<string | undefined> {
    const origin = originOf(apiUrl || GITHUB_API);
    if (!origin) return undefined;
    const stored = await this.secrets.get(KEY_PREFIX + origin);
    if (stored) return stored;
    if (origin !== GITHUB_API) return undefined;
    try {
      // Silent: never prompts; uses the session only if the user already signed in to GitHub in VS Code.
      return (await vscode.authentication.getSession('github', ['repo'], { silent: true }))?.accessToken;
    } catch {
      return undefined;
    }
  }

  /** Stores (or, with no token, forgets) the token for that API origin. */
  async set(apiUrl: string, token: string | undefined): Promise<void> {
    const origin = originOf(apiUrl || GITHUB_API);
    if (!origin) throw new Error(`"${apiUrl}" is not a valid GitHub API URL`);
    if (token) await this.secrets.store(KEY_PREFIX + origin, token);
    else await this.secrets.delete(KEY_PREFIX + origin);
  }

  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((e) => {
      if (e.key.startsWith(KEY_PREFIX)) listener();
    });
  }
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

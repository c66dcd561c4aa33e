import * as vscode from 'vscode';

/**
 * The SecretStorage key "Ops Lens: Set GitHub Token" stores under (src/editor/releasesService.ts): one token per API
 * origin, shared by the Releases view and change requests, so a token is only ever sent to the origin it was set for.
 */
const KEY_PREFIX = 'opsLens.github:';
const GITHUB_API = 'https://api.github.com';

export class GitHubTokenStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The stored token for that origin, else (api.github.com only) VS Code's own GitHub sign-in, never prompting. */
  async get(apiUrl: string): Promise<string | undefined> {
    const origin = originOf(apiUrl);
    if (!origin) return undefined;
    const stored = await this.secrets.get(KEY_PREFIX + origin);
    if (stored) return stored;
    if (origin !== GITHUB_API) return undefined;
    try {
      return (await vscode.authentication.getSession('github', ['repo'], { silent: true }))?.accessToken;
    } catch {
      return undefined;
    }
  }
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

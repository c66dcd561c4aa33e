import * as vscode from 'vscode';
import { GITHUB_API } from '../core/releases/github';
import type { ReleasesService } from './releasesService';
import { readReleasesSettings } from './releasesSettings';

/** Asks for a GitHub token (read access to milestones; push access shows draft releases) and keeps it in SecretStorage. */
export async function setGitHubToken(service: ReleasesService, given?: { token?: string; apiUrl?: string }): Promise<void> {
  // `given` (scripts, tests): a token for an API URL without the input box; change requests use the same token.
  const api = (typeof given?.apiUrl === 'string' && given.apiUrl) || readReleasesSettings().githubApiUrl || GITHUB_API;
  const origin = new URL(api).origin;
  const token = typeof given?.token === 'string' ? given.token : await vscode.window.showInputBox({
    title: `Ops Lens: GitHub token for ${origin}`,
    prompt: 'Used to read milestones and draft releases for the Releases view; sent to this origin only. Leave empty to forget the stored token.',
    password: true,
    ignoreFocusOut: true,
  });
  if (token === undefined) return;
  await service.setGitHubToken(token.trim() || undefined, api);
  void vscode.window.showInformationMessage(token.trim() ? `Ops Lens: GitHub token stored for ${origin}.` : `Ops Lens: GitHub token for ${origin} removed.`);
}

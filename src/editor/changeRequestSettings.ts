import * as vscode from 'vscode';
import { SUBMIT_MODES, type SubmitMode } from '../core/changes/changeTypes';

/** The `opsLens.changes.*` settings, read with guards and defaults (package.json documents each). */
export interface ChangeSettings {
  /** `ask` shows the choice after the preview. */
  submitAs: SubmitMode | 'ask';
  remote: string;
  branchPrefix: string;
  pushBranch: boolean;
  /** `opsLens.changes.github.apiUrl`, else the Releases view's `opsLens.releases.githubApiUrl`; empty: from the remote. */
  githubApiUrl: string;
  githubLabels: string[];
  /** Empty: the repository's default branch. */
  githubBaseBranch: string;
}

export function readChangeSettings(scope?: vscode.ConfigurationScope): ChangeSettings {
  const c = vscode.workspace.getConfiguration('opsLens.changes', scope);
  const submitAs = c.get<string>('submitAs');
  const prefix = str(c.get('branchPrefix'), 'ops-lens/').trim();
  return {
    submitAs: submitAs === 'ask' || SUBMIT_MODES.includes(submitAs as SubmitMode) ? (submitAs as SubmitMode | 'ask') : 'ask',
    remote: str(c.get('remote'), 'origin').trim() || 'origin',
    branchPrefix: prefix,
    pushBranch: c.get('pushBranch') === true,
    githubApiUrl: str(c.get('github.apiUrl'), '').trim() || str(vscode.workspace.getConfiguration('opsLens.releases', scope).get('githubApiUrl'), '').trim(),
    githubLabels: Array.isArray(c.get('github.labels')) ? (c.get('github.labels') as unknown[]).filter((l): l is string => typeof l === 'string' && l.trim() !== '') : [],
    githubBaseBranch: str(c.get('github.baseBranch'), '').trim(),
  };
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

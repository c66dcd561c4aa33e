import * as vscode from 'vscode';

/** The `opsLens.releases.*` settings, each read with a guard and a default (package.json documents them). */
export interface ReleasesSettings {
  /** Empty: origin/HEAD, main, master… */
  defaultBranch: string;
  tagPrefix: string;
  github: boolean;
  /** Empty: api.github.com. */
  githubApiUrl: string;
  pastReleases: number;
  debounceMs: number;
}

export function readReleasesSettings(): ReleasesSettings {
  const c = vscode.workspace.getConfiguration('opsLens.releases');
  const str = (k: string) => {
    const v = c.get(k);
    return typeof v === 'string' ? v.trim() : '';
  };
  const num = (k: string, fallback: number, min: number, max: number) => {
    const v = c.get(k);
    return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;
  };
  return {
    defaultBranch: str('defaultBranch'),
    tagPrefix: str('tagPrefix'),
    github: c.get('github') !== false,
    githubApiUrl: str('githubApiUrl'),
    pastReleases: num('pastReleases', 20, 0, 10_000),
    debounceMs: num('debounceMs', 1000, 0, 60_000),
  };
}

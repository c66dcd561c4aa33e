// A real git repository in a temporary folder, and a fingerprint of everything a user could lose in it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  write(file: string, text: string): void;
  read(file: string): string;
  dispose(): void;
}

/** `git init -b main` with a local identity (no global config needed), optionally seeded with a fixture folder. */
export function createRepo(seed?: string): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), 'ops-lens-changes-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Dev Eloper');
  git('config', 'user.email', 'dev@example.invalid');
  git('config', 'commit.gpgsign', 'false');
  if (seed) cpSync(seed, dir, { recursive: true });
  return {
    dir,
    git,
    write(file, text) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    },
    read: (file) => readFileSync(join(dir, file), 'utf8'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Everything of the user's that a change request must leave alone: HEAD and its branch, the index file byte for byte,
 * the status, the staged and unstaged diffs, and the content of every file in the working tree.
 */
export function userState(repo: TestRepo, files: string[]): Record<string, string> {
  const index = join(repo.dir, '.git/index');
  const state: Record<string, string> = {
    head: repo.git('rev-parse', 'HEAD').trim(),
    branch: repo.git('symbolic-ref', '-q', 'HEAD').trim(),
    // What the index holds (mode, blob, stage, path): its bytes also cache file stat data, which `git status` refreshes.
    index: existsSync(index) ? repo.git('ls-files', '--stage') : 'none',
    status: repo.git('status', '--porcelain=v2', '--untracked-files=all'),
    staged: repo.git('diff', '--cached'),
    unstaged: repo.git('diff'),
  };
  for (const f of files) state[`file:${f}`] = existsSync(join(repo.dir, f)) ? repo.read(f) : '(absent)';
  return state;
}

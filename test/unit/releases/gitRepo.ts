// Real git repositories for the release tests: built in a temp folder with fixed dates, never mocked.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export class TestRepo {
  readonly dir: string;
  /** Each commit is a day after the previous one, so dates and order are deterministic. */
  private clock = Date.parse('2030-01-01T12:00:00Z') / 1000;

  /** A fresh repository, or (with `existing`) one already on disk such as a clone. */
  constructor(prefix = 'ops-lens-releases-', existing?: string) {
    this.dir = existing ?? mkdtempSync(join(tmpdir(), prefix));
    if (!existing) this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    const date = `@${this.clock} +0000`;
    return execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  }

  write(files: Record<string, string>): void {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(this.dir, file)), { recursive: true });
      writeFileSync(join(this.dir, file), text);
    }
  }

  /** Writes the files and commits them; returns the commit hash. */
  commit(message: string, files: Record<string, string> = {}): string {
    this.clock += 86_400;
    this.write(files);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.head();
  }

  head(ref = 'HEAD'): string {
    return this.git('rev-parse', ref).trim();
  }

  tag(name: string, opts: { annotated?: boolean; at?: string } = {}): void {
    this.clock += 3600;
    if (opts.annotated) this.git('tag', '-a', name, '-m', `release ${name}`, ...(opts.at ? [opts.at] : []));
    else this.git('tag', name, ...(opts.at ? [opts.at] : []));
  }

  /** Unix seconds of the last commit or tag made. */
  get now(): number {
    return this.clock;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** `git log --format=%H A..B` (or all of B): what git itself says a range holds, to check the timeline against. */
export function gitRange(repo: TestRepo, range: string[]): string[] {
  return repo.git('log', '--format=%H', ...range).split('\n').filter(Boolean);
}

import { diffLines } from 'diff';
import { runGit } from '../host/git';
import type { Logger } from '../host/logger';
import type { ChangedLines } from './changedLines';

/**
 * The code that has not shipped yet: what differs from the merge base of HEAD and the default branch
 * (or a configured base). Works on unsaved editor text too, so the scope follows typing.
 */
export class ChangeBaseline {
  private readonly baseText = new Map<string, Promise<string | undefined>>();

  private constructor(
    private readonly dir: string,
    /** The ref compared against, as the user would name it (`origin/main`). */
    readonly base: string,
    readonly mergeBase: string,
    /** Files that differ from the merge base on disk (committed, staged, unstaged or untracked). */
    readonly changedFiles: ReadonlySet<string>,
  ) {}

  /** Undefined (with the reason logged) when the folder is not a git repository or has no base to compare with. */
  static async open(dir: string, configuredBase: string | undefined, log?: Logger): Promise<ChangeBaseline | undefined> {
    try {
      await runGit(dir, ['rev-parse', '--verify', '--quiet', 'HEAD']);
    } catch {
      log?.info('changed-code scope: not a git repository with commits here; showing every warning');
      return undefined;
    }
    const base = configuredBase || (await defaultBranch(dir));
    if (!base) {
      log?.info('changed-code scope: no default branch found (origin/HEAD, main, master); showing every warning');
      return undefined;
    }
    let mergeBase: string;
    try {
      mergeBase = (await runGit(dir, ['merge-base', base, 'HEAD'])).trim();
    } catch (e) {
      log?.warn(`changed-code scope: cannot find the merge base with ${base}: ${(e as Error).message}`);
      return undefined;
    }
    const changed = new Set<string>();
    // -z: names exactly as stored, whatever characters they hold.
    const diff = await runGit(dir, ['diff', '-z', '--name-only', '--relative', '--no-renames', mergeBase, '--', '.']);
    const untracked = await runGit(dir, ['ls-files', '-z', '--others', '--exclude-standard', '--', '.']);
    for (const f of [...diff.split('\0'), ...untracked.split('\0')]) if (f) changed.add(f);
    return new ChangeBaseline(dir, base, mergeBase, changed);
  }

  /**
   * Lines of `file` (0-based) that differ from the merge base, given its current text.
   * 'all' for a file the base does not have; an empty set for an unchanged file.
   */
  async changedLines(file: string, currentText: string, dirty: boolean): Promise<Set<number> | 'all'> {
    if (!dirty && !this.changedFiles.has(file)) return new Set();
    const base = await this.contentAtBase(file);
    if (base === undefined) return 'all';
    return changedLineNumbers(base, currentText);
  }

  async changedLinesFor(files: { file: string; text: string; dirty: boolean }[]): Promise<ChangedLines> {
    const out: ChangedLines = new Map();
    for (const f of files) {
      const lines = await this.changedLines(f.file, f.text, f.dirty);
      if (lines === 'all' || lines.size > 0) out.set(f.file, lines);
    }
    return out;
  }

  private contentAtBase(file: string): Promise<string | undefined> {
    let text = this.baseText.get(file);
    if (!text) {
      // `./path` in a rev:path spec is relative to the current directory, like --relative above.
      text = runGit(this.dir, ['show', `${this.mergeBase}:./${file}`]).catch(() => undefined);
      this.baseText.set(file, text);
    }
    return text;
  }
}

/** 0-based lines of `current` that were added or changed relative to `base`; a pure deletion marks the line after it. */
export function changedLineNumbers(base: string, current: string): Set<number> {
  const out = new Set<number>();
  let line = 0;
  for (const part of diffLines(base, current)) {
    const count = part.count ?? part.value.split('\n').length - 1;
    if (part.added) {
      for (let i = 0; i < count; i++) out.add(line + i);
      line += count;
    } else if (part.removed) {
      out.add(line);
    } else {
      line += count;
    }
  }
  return out;
}

async function defaultBranch(dir: string): Promise<string | undefined> {
  try {
    const ref = (await runGit(dir, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])).trim();
    if (ref) return ref;
  } catch {
    // no remote HEAD: try the usual local names
  }
  for (const name of ['main', 'master', 'trunk', 'develop']) {
    try {
      await runGit(dir, ['rev-parse', '--verify', '--quiet', `refs/heads/${name}`]);
      return name;
    } catch {
      // next
    }
  }
  return undefined;
}

import { execFile } from 'node:child_process';

export interface GitOptions {
  /** Extra environment (a temporary GIT_INDEX_FILE): the plumbing that must not touch the user's index needs it. */
  env?: Record<string, string>;
  /** Written to git's stdin (a blob's content, a commit message). */
  input?: string;
}

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args[0]} failed: ${stderr.trim().split('\n')[0] || `exit code ${exitCode}`}`);
    this.name = 'GitError';
  }
}

/**
 * Runs git with an argument array (never a shell) in `cwd`, like src/core/host/git.ts, but with an environment and
 * stdin: what `hash-object --stdin`, `commit-tree` and a private index need. Resolves with stdout.
 */
export function git(cwd: string, args: string[], options: GitOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      {
        cwd,
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
        // No prompts (a push without credentials fails instead of hanging), stable English messages.
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', LC_ALL: 'C', ...options.env },
      },
      (err, stdout, stderr) => {
        if (err) reject(new GitError(args, typeof err.code === 'number' ? err.code : null, stderr || err.message));
        else resolve(stdout);
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** True when git exits 0 (for `rev-parse --verify -q`, `symbolic-ref -q`, where a non-zero exit is an answer). */
export async function gitOk(cwd: string, args: string[]): Promise<boolean> {
  try {
    await git(cwd, args);
    return true;
  } catch (e) {
    if (e instanceof GitError) return false;
    throw e;
  }
}

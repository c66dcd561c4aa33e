import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChangeRefusal } from './changeTypes';
import { git, GitError, gitOk } from './gitExec';

const ZERO = '0000000000000000000000000000000000000000';

/** A file of the commit: its new content from the base version's content (undefined when the base has no such file). */
export interface BranchFile {
  /** Relative to `root` (the workspace folder), `/` separators. */
  path: string;
  content: (base: string | undefined) => string;
}

export interface BranchCommit {
  branch: string;
  commit: string;
  /** The commit the branch starts from (the user's HEAD). */
  base: string;
  tree: string;
  pushedTo?: string;
}

/** Why the user's repository cannot take a branch now, or nothing: checked before anything is written. */
export async function checkRepository(root: string): Promise<{ top: string; prefix: string; head: string; currentBranch: string }> {
  if (!(await gitOk(root, ['rev-parse', '--is-inside-work-tree']))) {
    throw new ChangeRefusal('not-a-repository', `${root} is not inside a git repository: submit the change in place instead, or run \`git init\`.`);
  }
  const top = (await git(root, ['rev-parse', '--show-toplevel'])).trim();
  const prefix = (await git(root, ['rev-parse', '--show-prefix'])).trim();
  let currentBranch: string;
  try {
    currentBranch = (await git(root, ['symbolic-ref', '-q', '--short', 'HEAD'])).trim();
  } catch {
    throw new ChangeRefusal('detached-head', 'HEAD is detached (no branch is checked out): check out a branch first, so the change branch has a base you know, or submit in place.');
  }
  if (!(await gitOk(root, ['rev-parse', '--verify', '-q', 'HEAD^{commit}']))) {
    throw new ChangeRefusal('unborn-branch', `The branch ${currentBranch} has no commit yet: make a first commit, then request the change again.`);
  }
  const head = (await git(root, ['rev-parse', 'HEAD^{commit}'])).trim();
  return { top, prefix, head, currentBranch };
}

/**
 * Creates `branch` with one commit on top of the user's HEAD holding `files`, without touching the working tree, the
 * index, HEAD or the current branch: blobs are written with `hash-object`, the tree is built in a private index file
 * (`GIT_INDEX_FILE` in a temporary folder) from HEAD's tree, the commit made with `commit-tree`, and the branch created
 * with `update-ref` against the zero id, so an existing branch of that name is never overwritten. Hooks do not run.
 */
export async function commitOnNewBranch(root: string, branch: string, message: string, files: BranchFile[]): Promise<BranchCommit> {
  const repo = await checkRepository(root);
  await checkBranchName(root, branch);
  if (await gitOk(root, ['rev-parse', '--verify', '-q', `refs/heads/${branch}`])) {
    throw new ChangeRefusal('branch-exists', `A branch named ${branch} already exists: nothing was changed. Delete or rename it, or request again (a new name is chosen).`);
  }
  const { tree, commit } = await commitFiles(repo.top, repo.prefix, repo.head, message, files);
  await updateRef(root, branch, commit, ZERO);
  return { branch, commit, base: repo.head, tree };
}

/** Adds a commit on top of `branch` (not checked out), e.g. the record's link once the pull request exists. */
export async function commitOnExistingBranch(root: string, branch: string, message: string, files: BranchFile[]): Promise<BranchCommit> {
  const repo = await checkRepository(root);
  if (repo.currentBranch === branch) throw new ChangeRefusal('branch-exists', `${branch} is checked out: Ops Lens only commits to branches you are not working on.`);
  const tip = (await git(root, ['rev-parse', '--verify', `refs/heads/${branch}^{commit}`])).trim();
  const { tree, commit } = await commitFiles(repo.top, repo.prefix, tip, message, files);
  await updateRef(root, branch, commit, tip);
  return { branch, commit, base: tip, tree };
}

/** Pushes only that branch; git's own reason is reported when it fails (no credentials prompt: it would hang). */
export async function pushBranch(root: string, remote: string, branch: string): Promise<void> {
  try {
    await git(root, ['push', '--porcelain', remote, `refs/heads/${branch}:refs/heads/${branch}`]);
  } catch (e) {
    const reason = e instanceof GitError ? e.stderr.trim().split('\n').filter((l) => !/^(To |Done$)/.test(l)).slice(-1)[0] ?? e.message : (e as Error).message;
    throw new ChangeRefusal('missing-remote', `The branch ${branch} was created locally but could not be pushed to ${remote}: ${reason}`);
  }
}

/** Runs at the repository's top level, so every path is the full path in the tree. */
async function commitFiles(root: string, prefix: string, parent: string, message: string, files: BranchFile[]): Promise<{ tree: string; commit: string }> {
  const tmp = await mkdtemp(join(tmpdir(), 'ops-lens-index-'));
  const env = { GIT_INDEX_FILE: join(tmp, 'index') };
  try {
    await git(root, ['read-tree', parent], { env });
    for (const f of files) {
      const path = `${prefix}${f.path}`;
      const entry = (await git(root, ['ls-tree', parent, '--', path])).trim();
      const mode = /^(100644|100755) blob /.exec(entry)?.[1] ?? '100644';
      if (entry && !/^(100644|100755) blob /.test(entry)) throw new ChangeRefusal('not-patchable', `${f.path} is not a regular file in ${parent.slice(0, 8)}: nothing was changed.`);
      const base = entry ? await git(root, ['cat-file', 'blob', `${parent}:${path}`]) : undefined;
      const content = f.content(base);
      const blob = (await git(root, ['hash-object', '-w', '--stdin', `--path=${path}`], { input: content })).trim();
      await git(root, ['update-index', '--add', '--cacheinfo', `${mode},${blob},${path}`], { env });
    }
    const tree = (await git(root, ['write-tree'], { env })).trim();
    let commit: string;
    try {
      commit = (await git(root, ['commit-tree', tree, '-p', parent, '-F', '-'], { input: message })).trim();
    } catch (e) {
      if (e instanceof GitError && /identity|user\.(name|email)|empty ident/i.test(e.stderr)) {
        throw new ChangeRefusal('not-a-repository', 'git does not know who you are: set `git config user.name` and `git config user.email`, then request again.');
      }
      throw e;
    }
    return { tree, commit };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function updateRef(root: string, branch: string, commit: string, expected: string): Promise<void> {
  try {
    await git(root, ['update-ref', '-m', 'ops-lens: environment change request', `refs/heads/${branch}`, commit, expected]);
  } catch (e) {
    throw new ChangeRefusal('branch-exists', `The branch ${branch} changed or appeared meanwhile: nothing was overwritten (${(e as Error).message}).`);
  }
}

async function checkBranchName(root: string, branch: string): Promise<void> {
  if (!(await gitOk(root, ['check-ref-format', '--branch', branch]))) {
    throw new ChangeRefusal('invalid-value', `"${branch}" is not a valid branch name: check opsLens.changes.branchPrefix.`);
  }
}

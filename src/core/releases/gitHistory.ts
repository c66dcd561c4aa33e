import { spawn } from 'node:child_process';
import { unquoteGitPath } from '../git/changedLines';
import { runGit } from '../host/git';

/** A tag or branch, with the commit it points at (annotated tags peeled) and its date. */
export interface GitRef {
  /** Short name: `v1.4.0`, `release/1.5`, `origin/release/1.5`. */
  name: string;
  kind: 'tag' | 'branch' | 'remote';
  commit: string;
  /** Tagger date for annotated tags, committer date otherwise (Unix seconds). */
  time: number;
  /** For symbolic refs (`origin/HEAD`): the ref it points at, short. */
  symref?: string;
}

export interface CommitNode {
  hash: string;
  parents: string[];
  /** Committer time, Unix seconds. */
  time: number;
  author: string;
  subject: string;
}

const FIELD = '\x1f';
const RECORD = '\x1e';

/** Whether `dir` is inside a git work tree with at least one commit. */
export async function hasCommits(dir: string): Promise<boolean> {
  try {
    await runGit(dir, ['rev-parse', '--verify', '--quiet', 'HEAD']);
    return true;
  } catch {
    return false;
  }
}

/** Every tag, local branch and remote branch in one call. */
export async function readRefs(dir: string): Promise<GitRef[]> {
  const format = ['%(refname)', '%(objectname)', '%(*objectname)', '%(creatordate:unix)', '%(symref)'].join(FIELD);
  const out = await runGit(dir, ['for-each-ref', `--format=${format}`, 'refs/tags', 'refs/heads', 'refs/remotes']);
  const refs: GitRef[] = [];
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [full, object, peeled, time, symref] = line.split(FIELD);
    const kind = full.startsWith('refs/tags/') ? 'tag' : full.startsWith('refs/heads/') ? 'branch' : 'remote';
    const name = full.replace(/^refs\/(tags|heads|remotes)\//, '');
    refs.push({
      name,
      kind,
      commit: peeled || object,
      time: Number(time) || 0,
      symref: symref ? symref.replace(/^refs\/(heads|remotes)\//, '') : undefined,
    });
  }
  return refs;
}

/**
 * The branch the next release is cut from: the configured one, else `origin/HEAD`'s target, else the first of
 * main, master, trunk, develop that exists, else the checked-out branch.
 */
export async function defaultBranchOf(dir: string, refs: GitRef[], configured?: string): Promise<GitRef | undefined> {
  const byName = new Map(refs.filter((r) => r.kind !== 'tag').map((r) => [r.name, r]));
  if (configured) return byName.get(configured) ?? byName.get(`origin/${configured}`);
  const originHead = byName.get('origin/HEAD')?.symref;
  if (originHead) {
    const local = byName.get(originHead.replace(/^origin\//, ''));
    // The local branch is where unpushed work for the next release sits; the remote one otherwise.
    if (local) return local;
    if (byName.get(originHead)) return byName.get(originHead);
  }
  for (const name of ['main', 'master', 'trunk', 'develop']) {
    const r = byName.get(name) ?? byName.get(`origin/${name}`);
    if (r) return r;
  }
  try {
    const head = (await runGit(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD'])).trim();
    return byName.get(head);
  } catch {
    return undefined;
  }
}

/** Every commit reachable from `tips`, in one `git log` (its parents let the timeline assign each to a release). */
export async function readCommits(dir: string, tips: string[]): Promise<Map<string, CommitNode>> {
  const graph = new Map<string, CommitNode>();
  const unique = [...new Set(tips)];
  if (!unique.length) return graph;
  const format = ['%H', '%P', '%ct', '%an', '%s'].join(FIELD) + RECORD;
  const out = await runGit(dir, ['log', `--format=${format}`, ...unique, '--'], 1024 * 1024 * 1024);
  for (const record of out.split(RECORD)) {
    const r = record.replace(/^\n/, '');
    if (!r) continue;
    const [hash, parents, time, author, subject] = r.split(FIELD);
    graph.set(hash, { hash, parents: parents ? parents.split(' ') : [], time: Number(time), author, subject: subject ?? '' });
  }
  return graph;
}

export interface CommitDetail {
  /** The body's first paragraph line (a merge commit's body holds the pull request's title). */
  bodyFirstLine: string;
  body: string;
  files: string[];
}

/** Files each commit changed (relative to `dir`; merges list none) and its body, for the commits of upcoming releases. */
export async function readCommitDetails(dir: string, hashes: string[]): Promise<Map<string, CommitDetail>> {
  const details = new Map<string, CommitDetail>();
  // Chunks keep the command line far below the system's limit whatever the release size.
  for (let i = 0; i < hashes.length; i += 1000) {
    const chunk = hashes.slice(i, i + 1000);
    const out = await runGit(dir, [
      '-c', 'core.quotePath=false', 'log', '--no-walk=unsorted', `--format=${RECORD}%H${FIELD}%b${FIELD}`,
      '--name-only', '--relative', '--no-renames', ...chunk, '--',
    ], 256 * 1024 * 1024);
    for (const record of out.split(RECORD)) {
      if (!record) continue;
      const [hash, body = '', rest = ''] = record.split(FIELD);
      const files = rest.split('\n').filter(Boolean).map(unquoteGitPath);
      details.set(hash, { body, bodyFirstLine: body.split('\n').find((l) => l.trim())?.trim() ?? '', files });
    }
  }
  return details;
}

/** The empty tree: the base a first release is compared with. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** The unified diff (no context) of what `tip` changes since its merge base with `base` (or since nothing). */
export async function releaseDiff(dir: string, base: string | undefined, tip: string): Promise<string> {
  const range = base ? [`${base}...${tip}`] : [EMPTY_TREE, tip];
  // --no-textconv: the lines of the file as stored (what the analysis sees), and no conversion command is run.
  return runGit(dir, ['-c', 'core.quotePath=false', 'diff', '--relative', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '--no-renames', ...range, '--', '.'], 512 * 1024 * 1024);
}

/**
 * The contents of several blobs in one `git cat-file --batch` (one process, not one per file: the risk of a
 * release touching 50 files costs one spawn). Missing objects are left out.
 */
export function readBlobs(dir: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return Promise.resolve(new Map());
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: dir, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file failed: ${stderr.trim().split('\n')[0]}`));
      const out = Buffer.concat(chunks);
      const blobs = new Map<string, string>();
      let pos = 0;
      while (pos < out.length) {
        const eol = out.indexOf(10, pos);
        if (eol < 0) break;
        const [oid, type, size] = out.subarray(pos, eol).toString('utf8').split(' ');
        pos = eol + 1;
        if (type === 'missing' || size === undefined) continue;
        const n = Number(size);
        if (type === 'blob') blobs.set(oid, out.subarray(pos, pos + n).toString('utf8'));
        pos += n + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(unique.join('\n') + '\n');
  });
}

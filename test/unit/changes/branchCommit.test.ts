import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitOnExistingBranch, commitOnNewBranch, pushBranch } from '../../../src/core/changes/branchCommit';
import { patchForBase, planChange, recordText } from '../../../src/core/changes/changePlan';
import { parseRecord } from '../../../src/core/changes/changeRecord';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';
import { createRepo, userState, type TestRepo } from './gitRepo';
import { FIXTURES, refusal, request, service, target } from './support';

const RECIPE = 'k8s/orders.yaml';

/** The request "orders: Autoscaling max 10 → 14" planned against the working tree, as the editor does. */
async function plan(repo: TestRepo) {
  const fs = new NodeFileSystem(repo.dir);
  const files = await fs.listFiles();
  const model = await buildEnvironmentModel(fs, files);
  const orders = service(model, 'orders');
  const texts = { files, readText: (f: string) => fs.readText(f) };
  const t = await target(texts, orders, 'default', 'maxReplicas');
  return planChange(request(orders, 'default', t, '14', { release: '2026.05' }), texts, { now: new Date('2026-05-01T10:00:00Z'), requestedBy: 'Dev Eloper' });
}

describe('changes: a branch with one commit, made without touching the working tree, the index or HEAD', () => {
  let repo: TestRepo;
  beforeEach(() => {
    repo = createRepo(join(FIXTURES, 'k8s'));
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'recipes');
  });
  afterEach(() => repo.dispose());

  it('commits the patched recipe and the change record on top of HEAD; the user\'s uncommitted, staged and untracked work is untouched', async () => {
    const committed = repo.read('orders.yaml');
    // The user is busy: an unstaged edit of the same recipe (elsewhere), a staged file, an untracked file, on a branch.
    repo.git('checkout', '-q', '-b', 'feature/checkout');
    repo.write('orders.yaml', committed.replace('replicas: 3 # kept low', 'replicas: 4 # kept low'));
    repo.write('notes.md', 'staged\n');
    repo.git('add', 'notes.md');
    repo.write('scratch.txt', 'untracked\n');
    const before = userState(repo, ['orders.yaml', 'notes.md', 'scratch.txt', 'shared-anchors.yaml']);

    const p = await plan(repo);
    const head = repo.git('rev-parse', 'HEAD').trim();
    const base = { files: [] as string[], readText: async (f: string) => execFileSync('git', ['show', `HEAD:${f}`], { cwd: repo.dir, encoding: 'utf8' }) };
    const patch = (await patchForBase(p, base))!;
    // The working copy has the replicas edit; the branch must not: it is patched from HEAD's version.
    assert.equal(patch.after, committed.replace('maxReplicas: 10 ', 'maxReplicas: 14 '));
    const branch = 'ops-lens/2026-05-01-orders-max-replicas';
    const result = await commitOnNewBranch(repo.dir, branch, 'orders: Autoscaling max 10 → 14', [
      { path: patch.file, content: (b) => (b === patch.before ? patch.after : assert.fail('HEAD moved')) },
      { path: p.recordPath, content: () => recordText(p, { submittedAs: 'branch', branch }) },
    ]);

    assert.deepEqual(userState(repo, ['orders.yaml', 'notes.md', 'scratch.txt', 'shared-anchors.yaml']), before);
    assert.equal(result.base, head);
    assert.equal(repo.git('rev-parse', `${branch}^`).trim(), head, 'one commit on top of HEAD');
    assert.equal(repo.git('log', '--format=%s', '-1', branch).trim(), 'orders: Autoscaling max 10 → 14');
    assert.deepEqual(repo.git('diff', '--name-status', head, branch).trim().split('\n').sort(), [`A\t${p.recordPath}`, 'M\torders.yaml'].sort());
    assert.equal(repo.git('show', `${branch}:orders.yaml`), committed.replace('maxReplicas: 10 ', 'maxReplicas: 14 '));
    const record = parseRecord(repo.git('show', `${branch}:${p.recordPath}`)).record!;
    assert.equal(record.branch, branch);
    assert.equal(record.submittedAs, 'branch');
    assert.equal(record.from, '10');
    assert.equal(record.to, '14');
    assert.equal(record.release, '2026.05');
    assert.deepEqual(record.recipe, { file: RECIPE.slice(4), line: 51, path: '(document 2) spec.maxReplicas' });
  });

  it('works from a workspace folder below the repository root (paths are relative to the repository in the tree)', async () => {
    const sub = createRepo();
    try {
      sub.write('deploy/k8s/orders.yaml', repo.read('orders.yaml'));
      sub.write('README.md', 'x\n');
      sub.git('add', '-A');
      sub.git('commit', '-q', '-m', 'init');
      const root = join(sub.dir, 'deploy');
      const r = await commitOnNewBranch(root, 'ops-lens/x', 'msg', [{ path: 'k8s/orders.yaml', content: (b) => b!.replace('maxReplicas: 10', 'maxReplicas: 11') }]);
      assert.match(sub.git('show', `${r.branch}:deploy/k8s/orders.yaml`), /maxReplicas: 11 {4}#/);
      assert.equal(sub.git('status', '--porcelain'), '');
    } finally {
      sub.dispose();
    }
  });

  it('pushes only the new branch when asked, and adds a follow-up commit to it without checking it out', async () => {
    const remote = mkdtempSync(join(tmpdir(), 'ops-lens-remote-'));
    try {
      execFileSync('git', ['init', '-q', '--bare', remote]);
      repo.git('remote', 'add', 'origin', remote);
      const r = await commitOnNewBranch(repo.dir, 'ops-lens/a', 'first', [{ path: 'record.md', content: () => 'one\n' }]);
      await pushBranch(repo.dir, 'origin', r.branch);
      assert.equal(execFileSync('git', ['--git-dir', remote, 'rev-parse', 'refs/heads/ops-lens/a'], { encoding: 'utf8' }).trim(), r.commit);
      assert.throws(() => execFileSync('git', ['--git-dir', remote, 'rev-parse', '--verify', '-q', 'refs/heads/main'], { stdio: 'pipe' }), 'main was not pushed');
      const second = await commitOnExistingBranch(repo.dir, 'ops-lens/a', 'link', [{ path: 'record.md', content: (b) => `${b}two\n` }]);
      assert.equal(second.base, r.commit);
      assert.equal(repo.git('show', 'ops-lens/a:record.md'), 'one\ntwo\n');
      assert.equal(repo.git('symbolic-ref', '--short', 'HEAD').trim(), 'main');
    } finally {
      rmSync(remote, { recursive: true, force: true });
    }
  });

  it('says why a push failed, and keeps the local branch', async () => {
    repo.git('remote', 'add', 'origin', join(tmpdir(), 'ops-lens-no-such-remote'));
    const r = await commitOnNewBranch(repo.dir, 'ops-lens/b', 'x', [{ path: 'r.md', content: () => 'x\n' }]);
    const e = await refusal(() => pushBranch(repo.dir, 'origin', r.branch));
    assert.match(e.message, /created locally but could not be pushed to origin: .+/);
    assert.equal(repo.git('rev-parse', 'ops-lens/b').trim(), r.commit);
  });

  it('refuses a detached HEAD, an unborn branch, an existing branch and a bad name, writing nothing', async () => {
    const head = repo.git('rev-parse', 'HEAD').trim();
    repo.git('checkout', '-q', '--detach');
    const refs = repo.git('for-each-ref');
    assert.equal((await refusal(() => commitOnNewBranch(repo.dir, 'ops-lens/c', 'x', []))).code, 'detached-head');
    assert.equal(repo.git('for-each-ref'), refs);
    repo.git('checkout', '-q', 'main');
    repo.git('branch', 'ops-lens/taken', head);
    assert.equal((await refusal(() => commitOnNewBranch(repo.dir, 'ops-lens/taken', 'x', [{ path: 'a', content: () => 'a' }]))).code, 'branch-exists');
    assert.equal(repo.git('rev-parse', 'ops-lens/taken').trim(), head, 'the existing branch is not moved');
    assert.equal((await refusal(() => commitOnNewBranch(repo.dir, 'ops lens/..bad', 'x', []))).code, 'invalid-value');

    const empty = createRepo();
    try {
      const e = await refusal(() => commitOnNewBranch(empty.dir, 'ops-lens/d', 'x', []));
      assert.equal(e.code, 'unborn-branch');
      assert.match(e.message, /main has no commit yet/);
    } finally {
      empty.dispose();
    }
    const outside = mkdtempSync(join(tmpdir(), 'ops-lens-nogit-'));
    try {
      assert.equal((await refusal(() => commitOnNewBranch(outside, 'ops-lens/e', 'x', []))).code, 'not-a-repository');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses when the value cannot be found in HEAD\'s version as previewed (uncommitted edits around it)', async () => {
    const committed = repo.read('orders.yaml');
    const p = await plan(repo);
    const base = { files: [] as string[], readText: async () => committed.replace(/  maxReplicas: 10[^\n]*\n/, '') };
    const e = await refusal(() => patchForBase(p, base));
    assert.equal(e.code, 'changed-since-preview');
  });
});

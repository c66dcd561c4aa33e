import assert from 'node:assert/strict';
import { readGitReleases } from '../../../src/core/releases/gitReleases';
import { gitRange, TestRepo } from './gitRepo';

describe('releases from git (real repositories)', () => {
  let repo: TestRepo;
  beforeEach(() => {
    repo = new TestRepo();
  });
  afterEach(() => repo.dispose());

  it('gives each commit to the first tag that contains it, in version order, like `git log prev..tag`', async () => {
    repo.commit('initial');
    repo.tag('v1.0.0');
    repo.commit('feature a');
    repo.commit('feature b');
    repo.tag('v1.1.0', { annotated: true });
    repo.commit('feature c');
    repo.tag('1.2.0'); // without the v: still a release
    repo.commit('not released yet');

    const git = await readGitReleases(repo.dir);
    assert.deepEqual(git.releases.map((r) => [r.id, r.kind, r.ref.name]), [
      ['1.0.0', 'tag', 'v1.0.0'],
      ['1.1.0', 'tag', 'v1.1.0'],
      ['1.2.0', 'tag', '1.2.0'],
      ['next', 'next', 'main'],
    ]);
    assert.deepEqual(git.releases[1].commits, gitRange(repo, ['v1.0.0..v1.1.0']));
    assert.deepEqual(git.releases[2].commits, gitRange(repo, ['v1.1.0..1.2.0']));
    assert.deepEqual(git.releases[3].commits, gitRange(repo, ['1.2.0..main']));
    assert.deepEqual(git.releases[0].commits, gitRange(repo, ['v1.0.0']));
    assert.equal(git.releases[1].base?.id, '1.0.0');
    assert.equal(git.releases[3].base?.id, '1.2.0');
    assert.equal(git.defaultBranch, 'main');
  });

  it('dates an annotated tag by its tagger date and a lightweight tag by its commit', async () => {
    repo.commit('one');
    const commitTime = repo.now;
    repo.tag('v1.0.0');
    repo.commit('two');
    repo.tag('v2.0.0', { annotated: true });
    const tagTime = repo.now;
    const git = await readGitReleases(repo.dir);
    assert.equal(git.releases.find((r) => r.id === '1.0.0')?.time, commitTime);
    assert.equal(git.releases.find((r) => r.id === '2.0.0')?.time, tagTime);
    assert.notEqual(commitTime, tagTime);
  });

  it('orders tags by semantic version, not by name or date (1.10.0 after 1.9.0)', async () => {
    repo.commit('one');
    repo.tag('v1.9.0');
    repo.commit('two');
    repo.tag('v1.10.0');
    const git = await readGitReleases(repo.dir);
    assert.deepEqual(git.releases.filter((r) => r.kind === 'tag').map((r) => r.version), ['1.9.0', '1.10.0']);
    assert.equal(git.releases[1].commits.length, 1);
  });

  it('ignores tags that are not versions and keeps pre-release tags as candidates of their version', async () => {
    repo.commit('one');
    repo.tag('v1.0.0');
    repo.tag('deploy-2030-01-02');
    repo.tag('latest');
    repo.commit('two');
    repo.tag('v1.1.0-rc.1');
    repo.commit('three');
    repo.tag('v1.1.0-rc.2');
    const git = await readGitReleases(repo.dir);
    assert.equal(git.ignoredTags, 2);
    assert.deepEqual(git.releases.map((r) => r.id), ['1.0.0', 'next']);
    assert.deepEqual(git.candidates.get('1.1.0')?.sort(), ['v1.1.0-rc.1', 'v1.1.0-rc.2']);
    // A release candidate is not a boundary: everything since 1.0.0 is still unreleased.
    assert.equal(git.releases[1].commits.length, 2);
  });

  it('reads a release branch as the upcoming release and the default branch past its cut as the next one', async () => {
    repo.commit('one');
    repo.tag('v1.4.0');
    const cut = repo.commit('shared: in 1.5 and next');
    repo.git('checkout', '-q', '-b', 'release/1.5');
    repo.commit('stabilise 1.5');
    repo.git('checkout', '-q', 'main');
    repo.commit('main after the cut');
    const git = await readGitReleases(repo.dir);
    assert.deepEqual(git.releases.map((r) => [r.id, r.kind]), [
      ['1.4.0', 'tag'],
      ['1.5.0', 'branch'],
      ['next', 'next'],
    ]);
    const branch = git.releases[1];
    assert.deepEqual(branch.commits, gitRange(repo, ['v1.4.0..release/1.5']));
    assert.ok(branch.commits.includes(cut));
    const next = git.releases[2];
    assert.deepEqual(next.commits, gitRange(repo, ['release/1.5..main']));
    assert.equal(next.base?.id, '1.5.0', 'the next release follows the release branch it was cut after');
  });

  it('gives a release branch whose minor already shipped the next patch, with only the untagged fixes', async () => {
    repo.commit('one');
    repo.git('checkout', '-q', '-b', 'release/2.3');
    repo.commit('2.3 work');
    repo.tag('v2.3.0');
    repo.commit('hotfix');
    repo.git('checkout', '-q', 'main');
    const git = await readGitReleases(repo.dir);
    const patch = git.releases.find((r) => r.kind === 'branch');
    assert.equal(patch?.id, '2.3.1');
    assert.deepEqual(patch?.commits, gitRange(repo, ['v2.3.0..release/2.3']));
  });

  it('leaves out a release branch that is fully tagged, and the next release when main has nothing new', async () => {
    repo.commit('one');
    repo.git('branch', 'release/1.0');
    repo.tag('v1.0.0');
    const git = await readGitReleases(repo.dir);
    assert.deepEqual(git.releases.map((r) => r.id), ['1.0.0']);
  });

  it('follows merges: a merged feature branch belongs to the release its merge is in', async () => {
    repo.commit('one');
    repo.tag('v1.0.0');
    repo.git('checkout', '-q', '-b', 'feature');
    const f1 = repo.commit('feature 1');
    const f2 = repo.commit('feature 2');
    repo.git('checkout', '-q', 'main');
    repo.commit('main moves');
    repo.git('merge', '-q', '--no-ff', 'feature', '-m', 'Merge pull request #42 from acme/feature');
    repo.tag('v1.1.0');
    const git = await readGitReleases(repo.dir);
    const r = git.releases.find((x) => x.id === '1.1.0')!;
    assert.deepEqual(new Set(r.commits), new Set(gitRange(repo, ['v1.0.0..v1.1.0'])));
    assert.ok(r.commits.includes(f1) && r.commits.includes(f2));
    assert.equal(r.commits.length, 4);
  });

  it('honours a tag prefix (monorepo tags such as orders/v1.0.0) and a configured default branch', async () => {
    repo.commit('one');
    repo.tag('orders/v1.0.0');
    repo.tag('v9.0.0');
    repo.git('checkout', '-q', '-b', 'develop');
    repo.commit('on develop');
    repo.git('checkout', '-q', 'main');
    const git = await readGitReleases(repo.dir, { tagPrefix: 'orders/', defaultBranch: 'develop' });
    assert.deepEqual(git.releases.map((r) => [r.id, r.ref.name]), [
      ['1.0.0', 'orders/v1.0.0'],
      ['next', 'develop'],
    ]);
  });

  it('finds the default branch from origin/HEAD in a clone, and prefers the local branch with unpushed work', async () => {
    repo.commit('one');
    repo.git('branch', '-m', 'trunk');
    const clone = new TestRepo('ops-lens-clone-');
    try {
      clone.git('clone', '-q', repo.dir, 'c');
      const dir = `${clone.dir}/c`;
      const cloned = new TestRepo('', dir);
      cloned.commit('unpushed');
      const git = await readGitReleases(dir);
      assert.equal(git.defaultBranch, 'trunk');
      assert.equal(git.releases.find((r) => r.kind === 'next')?.ref.commit, cloned.head());
    } finally {
      clone.dispose();
    }
  });
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChangeBaseline, changedLineNumbers } from '../../../src/core/git/changeBaseline';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
}

describe('ChangeBaseline (real git)', () => {
  let dir: string;
  const base = ['a', 'b', 'c', 'd', 'e'].join('\n') + '\n';

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ops-lens-baseline-'));
    git(dir, 'init', '-q', '-b', 'main');
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/x.ts'), base);
    writeFileSync(join(dir, 'src/same.ts'), 'same\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('compares a feature branch with the merge base of the default branch, committed and uncommitted alike', async () => {
    git(dir, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(dir, 'src/x.ts'), base.replace('b\n', 'B\n'));
    git(dir, 'commit', '-q', '-am', 'change b');
    // main moves on after the branch point: its changes are not ours.
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(join(dir, 'src/same.ts'), 'changed on main\n');
    git(dir, 'commit', '-q', '-am', 'main moves');
    git(dir, 'checkout', '-q', 'feature');
    writeFileSync(join(dir, 'src/new.ts'), 'new\n');

    const b = await ChangeBaseline.open(dir, undefined);
    assert.ok(b);
    assert.equal(b.base, 'main');
    assert.deepEqual([...b.changedFiles].sort(), ['src/new.ts', 'src/x.ts']);
    assert.deepEqual([...((await b.changedLines('src/x.ts', base.replace('b\n', 'B\n'), false)) as Set<number>)], [1]);
    assert.equal(await b.changedLines('src/new.ts', 'new\n', false), 'all');
    assert.equal(((await b.changedLines('src/same.ts', 'same\n', false)) as Set<number>).size, 0);
    // Unsaved text in the editor counts, even in a file that is clean on disk.
    assert.deepEqual([...((await b.changedLines('src/same.ts', 'same\nplus\n', true)) as Set<number>)], [1]);
  });

  it('is undefined outside a repository with commits (every warning shows)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ops-lens-nogit-'));
    try {
      assert.equal(await ChangeBaseline.open(empty, undefined), undefined);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('honours a configured base branch', async () => {
    git(dir, 'branch', 'release');
    writeFileSync(join(dir, 'src/x.ts'), base + 'f\n');
    git(dir, 'commit', '-q', '-am', 'on main');
    const b = await ChangeBaseline.open(dir, 'release');
    assert.equal(b?.base, 'release');
    assert.deepEqual([...b!.changedFiles], ['src/x.ts']);
  });
});

describe('changedLineNumbers', () => {
  it('marks added and modified lines, and the line after a deletion', () => {
    assert.deepEqual([...changedLineNumbers('a\nb\nc\n', 'a\nX\nc\nd\n')].sort(), [1, 3]);
    assert.deepEqual([...changedLineNumbers('a\nb\nc\n', 'a\nc\n')], [1]);
    assert.equal(changedLineNumbers('a\n', 'a\n').size, 0);
  });
});

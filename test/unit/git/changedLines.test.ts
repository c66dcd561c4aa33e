import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { changedLines, keepChanged, parseUnifiedDiff, type ChangedLines } from '../../../src/core/git/changedLines';
import type { Warning } from '../../../src/core/insights/warning';

const numbered = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`).join('\n') + '\n';

function sorted(changed: ChangedLines): Record<string, number[] | 'all'> {
  const out: Record<string, number[] | 'all'> = {};
  for (const [file, lines] of [...changed.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    out[file] = lines === 'all' ? 'all' : [...lines].sort((a, b) => a - b);
  }
  return out;
}

/** keepChanged reads only a warning's file and range. */
function warningAt(file: string, startLine: number, endLine = startLine): Warning {
  const w: Pick<Warning, 'file' | 'range'> = {
    file,
    range: { start: { line: startLine, character: 0 }, end: { line: endLine, character: 5 } },
  };
  return w as Warning;
}

describe('changed lines (real git)', function () {
  this.timeout(10_000);
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo, LC_ALL: 'C' },
    });
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(repo, file)), { recursive: true });
    writeFileSync(join(repo, file), text);
  };

  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'ops-lens-git-'));
    git('init', '-q', '-b', 'main');
    write('src/a.ts', numbered(10));
    write('src/b.ts', numbered(5));
    write('src/c.ts', numbered(5));
    write('src/gone.ts', numbered(3));
    write('src/with space.ts', numbered(3));
    write('src/café.ts', numbered(3));
    write('.gitignore', 'ignored.log\n');
    git('add', '.');
    git('commit', '-q', '-m', 'base');

    git('checkout', '-q', '-b', 'feature');
    // Committed on the branch: line 3 changed, two lines inserted after line 7.
    const a = numbered(10).split('\n');
    a[2] = 'line 3 changed';
    a.splice(7, 0, 'inserted 1', 'inserted 2');
    write('src/a.ts', a.join('\n'));
    git('commit', '-q', '-am', 'feature work');

    // main moves on after the branch point: not this branch's change.
    git('checkout', '-q', 'main');
    write('src/c.ts', numbered(5).replace('line 2', 'main-only change'));
    git('commit', '-q', '-am', 'main moves on');
    git('checkout', '-q', 'feature');

    // Uncommitted work: a modified line, a deletion, a deleted file, a new untracked file, an ignored file.
    write('src/b.ts', numbered(5).replace('line 1\n', 'line 1 edited\n').replace('line 4\n', ''));
    unlinkSync(join(repo, 'src/gone.ts'));
    write('src/new.ts', 'export const x = 1;\n');
    write('ignored.log', 'noise\n');
  });

  after(() => {
    rmSync(repo, { recursive: true, force: true });
  });

  it('parseUnifiedDiff reads a real `git diff -U0`: changed and inserted lines, 0-based; pure deletions add none', () => {
    const diff = git('diff', '--unified=0', '--no-color', '--no-renames', 'main...feature', '--', 'src/a.ts');
    assert.match(diff, /^@@ -3 \+3 @@/m);
    assert.match(diff, /^@@ -7,0 \+8,2 @@/m);
    assert.deepEqual(sorted(parseUnifiedDiff(diff)), { 'src/a.ts': [2, 7, 8] });

    const wt = git('diff', '--unified=0', '--no-color', '--', 'src/b.ts', 'src/gone.ts');
    assert.deepEqual(sorted(parseUnifiedDiff(wt)), { 'src/b.ts': [0] });
  });

  it('changedLines: committed + uncommitted since the merge base, untracked files whole; main-only, deleted and ignored files absent', async () => {
    const changed = await changedLines(repo, 'main');
    assert.deepEqual(sorted(changed), {
      'src/a.ts': [2, 7, 8],
      'src/b.ts': [0],
      'src/new.ts': 'all',
    });
  });

  it('changedLines from a subfolder gives paths relative to that folder', async () => {
    const changed = await changedLines(join(repo, 'src'), 'main');
    assert.deepEqual(sorted(changed)['a.ts'], [2, 7, 8]);
    assert.equal(changed.get('new.ts'), 'all');
    assert.equal(changed.has('src/a.ts'), false);
  });

  it('an unknown base ref is an error naming the ref', async () => {
    await assert.rejects(changedLines(repo, 'no-such-branch'), /^Error: cannot compare with no-such-branch: git merge-base failed/);
  });

  describe('file names git writes specially', () => {
    before(() => {
      write('src/with space.ts', numbered(3).replace('line 2', 'line 2 edited'));
      write('src/café.ts', numbered(3).replace('line 3', 'line 3 edited'));
    });

    it('a name with a space (git ends the +++ line with a tab) keeps its plain name', () => {
      const diff = git('diff', '--unified=0', '--no-color', '--', 'src/with space.ts');
      assert.deepEqual(sorted(parseUnifiedDiff(diff)), { 'src/with space.ts': [1] });
    });

    it('a non-ASCII name (git quotes it as "b/caf\\303\\251.ts") is unquoted', () => {
      const diff = git('diff', '--unified=0', '--no-color', '--', 'src/café.ts');
      assert.deepEqual(sorted(parseUnifiedDiff(diff)), { 'src/café.ts': [2] });
    });
  });

  describe('keepChanged', () => {
    const changed: ChangedLines = new Map<string, Set<number> | 'all'>([
      ['src/a.ts', new Set([2, 7, 8])],
      ['src/new.ts', 'all'],
    ]);

    it('keeps warnings on changed lines or in new files; drops the rest', () => {
      const kept = keepChanged(
        [
          warningAt('src/a.ts', 2),
          warningAt('src/a.ts', 3),
          warningAt('src/a.ts', 5, 7), // a multi-line call reaching a changed line
          warningAt('src/new.ts', 40),
          warningAt('src/other.ts', 2),
        ],
        changed,
      );
      assert.deepEqual(
        kept.map((w) => [w.file, w.range.start.line]),
        [
          ['src/a.ts', 2],
          ['src/a.ts', 5],
          ['src/new.ts', 40],
        ],
      );
    });
  });
});

// Change requests: (1) patching one value of a large multi-document manifest, byte for byte and verified by a
// re-parse, against a bare parse of the same text; (2) making a change branch with git plumbing (no checkout) in a
// repository of 5,000 files, against the usual way of doing it without touching the user's checkout: a temporary
// worktree, a commit there, and its removal. Both measured in the same run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { commitOnNewBranch } from '../../src/core/changes/branchCommit';
import { patchYamlValue } from '../../src/core/changes/yamlPatch';
import { median } from './stats';

export interface BenchRow {
  name: string;
  value: string;
  detail: string;
}

function manifest(documents: number): string {
  const out: string[] = [];
  for (let i = 0; i < documents; i++) {
    out.push(`# workload ${i}`, 'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: svc-${i}`, 'spec:', `  replicas: ${(i % 7) + 1} # tuned`, '  template:', '    spec:', '      containers:', `        - name: svc-${i}`, `          image: ghcr.io/example/svc-${i}:1.0.${i}`, '          env:', '            - name: PG_POOL_MAX', `              value: "${10 + (i % 5)}"`, '          resources:', '            requests: {cpu: 250m, memory: 256Mi}', '            limits:', '              cpu: "1"', '              memory: 1Gi', '---');
  }
  return out.join('\n');
}

function time(fn: () => void, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

async function timeAsync(fn: (i: number) => Promise<void>, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  // 1. Patch vs parse.
  const docs = 500;
  const text = manifest(docs);
  const line = text.split('\n').findIndex((l, i, all) => l.startsWith('  replicas:') && all[i - 2] === `  name: svc-${docs - 1}`);
  const at = { line, character: '  replicas: '.length };
  patchYamlValue('big.yaml', text, at, '9', 'number'); // warm
  parseAllDocuments(text);
  const patch = median(time(() => patchYamlValue('big.yaml', text, at, '9', 'number'), 9));
  const parse = median(time(() => parseAllDocuments(text), 9));
  rows.push({
    name: 'change request: patch one value, 500-document manifest',
    value: `${(patch / parse).toFixed(2)}× parse`,
    detail: `${patch.toFixed(0)} ms to patch and verify (last document) vs ${parse.toFixed(0)} ms for one parseAllDocuments of the ${(text.length / 1024).toFixed(0)} KiB file; medians of 9`,
  });

  // 2. Plumbing branch vs temporary worktree.
  const repo = mkdtempSync(join(tmpdir(), 'ops-lens-bench-changes-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'Bench');
    git('config', 'user.email', 'bench@example.invalid');
    git('config', 'commit.gpgsign', 'false');
    for (let d = 0; d < 50; d++) {
      mkdirSync(join(repo, `pkg${d}`), { recursive: true });
      for (let f = 0; f < 100; f++) writeFileSync(join(repo, `pkg${d}`, `f${f}.ts`), `export const v${f} = ${d * 100 + f};\n`.repeat(20));
    }
    mkdirSync(join(repo, 'deploy'));
    writeFileSync(join(repo, 'deploy/orders.yaml'), manifest(3));
    git('add', '-A');
    git('commit', '-q', '-m', 'seed');
    const runs = 5;
    const plumbing = await timeAsync(async (i) => {
      await commitOnNewBranch(repo, `ops-lens/bench-${i}`, 'bench', [
        { path: 'deploy/orders.yaml', content: (b) => b!.replace('replicas: 1 #', 'replicas: 2 #') },
        { path: `.ops-lens/changes/bench-${i}.md`, content: () => '---\nid: x\nservice: s\nto: "2"\n---\n' },
      ]);
    }, runs);
    const worktree = await timeAsync(async (i) => {
      const wt = join(tmpdir(), `ops-lens-bench-wt-${process.pid}-${i}`);
      git('worktree', 'add', '-q', '-b', `wt/bench-${i}`, wt, 'HEAD');
      const w = (...args: string[]) => execFileSync('git', args, { cwd: wt, stdio: 'ignore' });
      writeFileSync(join(wt, 'deploy/orders.yaml'), manifest(3).replace('replicas: 1 #', 'replicas: 2 #'));
      mkdirSync(join(wt, '.ops-lens/changes'), { recursive: true });
      writeFileSync(join(wt, `.ops-lens/changes/bench-${i}.md`), '---\nid: x\nservice: s\nto: "2"\n---\n');
      w('add', '-A');
      w('commit', '-q', '--no-verify', '-m', 'bench');
      git('worktree', 'remove', '--force', wt);
    }, runs);
    const p = median(plumbing);
    const w = median(worktree);
    rows.push({
      name: 'change request: branch by plumbing, 5,000-file repo',
      value: `${(p / w).toFixed(2)}× worktree`,
      detail: `${p.toFixed(0)} ms (private index, commit-tree, update-ref) vs ${w.toFixed(0)} ms for a temporary worktree + commit + removal; medians of ${runs}`,
    });
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
  return rows;
}

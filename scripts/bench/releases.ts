// Release timeline on a large history: 20,000 commits and 500 tags, generated in a second or two with
// `git fast-import`, then the whole timeline (refs, commit assignment to releases, details and risk of the
// upcoming ones) against the bare `git log` over the same range, measured alternately in the same run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeIndex } from '../../src/core/analysis/codeIndex';
import { Grammars } from '../../src/core/code/treeSitter';
import { runGit } from '../../src/core/host/git';
import { NodeFileSystem } from '../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../src/core/insights/severityRules';
import { buildTimeline } from '../../src/core/releases/timeline';
import { GitTipWarnings } from '../../src/core/releases/tipWarnings';
import { buildEnvironmentModel } from '../../src/core/recipes/environmentModel';
import { wasmDir } from '../../src/cli/wasmDir';
import { median } from './stats';

const COMMITS = 20_000;
const TAGS = 500;
const RUNS = 7;

/** A fast-import stream: one commit per change to one of 50 files in two services, a tag every 40 commits. */
export function history(): string {
  const out: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const compose = 'services:\n  orders:\n    build:\n      context: ./services/orders\n  payments:\n    build:\n      context: ./services/payments\n';
  const every = COMMITS / TAGS;
  let time = Date.parse('2020-01-01T00:00:00Z') / 1000;
  for (let i = 1; i <= COMMITS; i++) {
    time += 600;
    const service = i % 2 ? 'orders' : 'payments';
    const file = `services/${service}/src/f${i % 25}.ts`;
    // The last commits (the next release) add a query inside a loop: the risk step has real work to do.
    const body = i > COMMITS - 30 ? `r.get('/x${i}', async (q, s) => { for (const a of q.body.items) { await pool.query('SELECT 1 LIMIT 1', [a]); } });\n` : `export const v${i} = ${i};\n`;
    const text = `import { pool } from './db';\nimport { Router } from 'express';\nconst r = Router();\n${body}`;
    out.push(`commit refs/heads/main\nmark :${i}\ncommitter Dev <dev@example.invalid> ${time} +0000\n${data(`Change ${i}${i % 7 === 0 ? ` (#${i})` : ''}`)}`);
    if (i === 1) out.push(`M 100644 inline compose.yaml\n${data(compose)}`);
    out.push(`M 100644 inline ${file}\n${data(text)}`);
    // The last 20 commits after the final tag stay unreleased: the next release.
    if (i % every === 0 && i <= COMMITS - 20) out.push(`reset refs/tags/v1.${i / every}.0\nfrom :${i}\n\n`);
  }
  out.push(`reset refs/heads/main\nfrom :${COMMITS}\n\n`);
  return out.join('');
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export async function bench(): Promise<{ name: string; value: string; detail: string }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ops-lens-bench-releases-'));
  try {
    const t0 = Date.now();
    execFileSync('git', ['init', '-q', '-b', 'main', dir]);
    const imported = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: history(), maxBuffer: 64 * 1024 * 1024 });
    if (imported.status !== 0) throw new Error(`git fast-import failed: ${imported.stderr}`);
    execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir });
    const generateMs = Date.now() - t0;

    const fs = new NodeFileSystem(dir);
    const model = await buildEnvironmentModel(fs, await fs.listFiles());
    const index = new CodeIndex(new Grammars(wasmDir()));
    const build = () => buildTimeline({ dir, model, risk: new GitTipWarnings({ dir, index, model, rules: DEFAULT_SEVERITY_RULES }) });
    // The baseline reads the same range with the same fields the timeline needs, and nothing else.
    const tips = (await runGit(dir, ['for-each-ref', '--format=%(objectname)', 'refs/tags', 'refs/heads'])).split('\n').filter(Boolean);
    const gitLog = () => runGit(dir, ['log', '--format=%H%x1f%P%x1f%ct%x1f%an%x1f%s%x1e', ...tips, '--'], 1024 * 1024 * 1024);

    const check = await build();
    const next = check.releases.find((r) => r.status === 'upcoming');
    const assigned = check.releases.reduce((n, r) => n + r.commits.length, 0);
    if (assigned !== COMMITS) throw new Error(`the timeline assigned ${assigned} commits, the history has ${COMMITS}`);
    await gitLog();
    const timeline: number[] = [];
    const log: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      timeline.push(await time(build));
      log.push(await time(gitLog));
    }
    const ratio = median(timeline) / median(log);
    return [
      {
        name: 'release timeline, 20,000 commits / 500 tags',
        value: `${ratio.toFixed(2)}× git log`,
        detail:
          `median ${median(timeline).toFixed(0)} ms vs git log over the same range ${median(log).toFixed(0)} ms (${RUNS} runs, alternating); ` +
          `${check.releases.length} releases, every commit assigned; next release ${next?.commits.length ?? 0} commits, risk ${next?.risk?.counts.info ?? 0} info; ` +
          `history generated with git fast-import in ${generateMs} ms`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

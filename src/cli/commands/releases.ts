import { CodeIndex } from '../../core/analysis/codeIndex';
import { Grammars } from '../../core/code/treeSitter';
import { NodeFileSystem } from '../../core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../core/insights/severityRules';
import { parseSnoozes, SNOOZE_FILE, type Snooze } from '../../core/insights/snoozes';
import { countdown, freezeText, shortDate } from '../../core/releases/calendar';
import { readChangeRecords } from '../../core/releases/changeRequests';
import { fetchGitHubPlans, GITHUB_API, githubRepoOf, remoteUrl } from '../../core/releases/github';
import type { PlannedRelease } from '../../core/releases/plannedRelease';
import type { Timeline } from '../../core/releases/release';
import { riskText } from '../../core/releases/risk';
import { buildTimeline } from '../../core/releases/timeline';
import { timelineJson } from '../../core/releases/timelineJson';
import { GitTipWarnings } from '../../core/releases/tipWarnings';
import { buildEnvironmentModel } from '../../core/recipes/environmentModel';
import { fetchSignals } from '../../core/signals/prometheusSignals';
import type { SignalSet } from '../../core/signals/signalSet';
import { oneOf, parseTime, UsageError, type ParsedArgs } from '../args';
import type { CliIo } from '../io';
import { fetchOptionsFromArgs, prometheusClientFromEnv, readSnapshotFile } from '../signalsOptions';
import { wasmDir } from '../wasmDir';
import { existingDir } from './dir';

/**
 * `ops-lens releases [DIR] [--format text|json] [--prometheus URL | --snapshot FILE] [--at TIME]`: the Releases
 * view's data. Risk severities use production signals when given (hazards stay `info` without them).
 * GitHub milestones and drafts are added when the remote is GitHub and OPS_LENS_GITHUB_TOKEN (or GITHUB_TOKEN)
 * is set; OPS_LENS_GITHUB_API_URL points at GitHub Enterprise.
 */
export async function releases(args: ParsedArgs, io: CliIo): Promise<number> {
  const dir = await existingDir(args.positional[0] ?? '.', io.cwd);
  const format = oneOf(args.flags, 'format', ['text', 'json'] as const, 'text');
  const url = args.flags.get('prometheus');
  const snapshot = args.flags.get('snapshot');
  if (url && snapshot) throw new UsageError('use either --prometheus or --snapshot, not both');
  const at = args.flags.has('at') ? parseTime(args.flags.get('at')!) : undefined;

  const fs = new NodeFileSystem(dir);
  const model = await buildEnvironmentModel(fs, await fs.listFiles());
  let signals: SignalSet | undefined;
  if (url) signals = await fetchSignals(prometheusClientFromEnv(url, io.env), model, { at, ...(await fetchOptionsFromArgs(args, fs, io)) });
  else if (snapshot) signals = await readSnapshotFile(snapshot, io.cwd);

  const { records, problems: recordProblems } = await readChangeRecords(dir);
  for (const p of recordProblems) io.err(`ops-lens: ${p}\n`);
  const forge = await githubPlans(dir, io);
  const timeline = await buildTimeline({
    dir,
    model,
    forge,
    changeRecords: records,
    snoozes: await readSnoozes(fs, io),
    risk: new GitTipWarnings({ dir, index: new CodeIndex(new Grammars(wasmDir())), model, signals, rules: DEFAULT_SEVERITY_RULES }),
  });
  for (const p of timeline.problems.filter((x) => x.severity !== 'info')) {
    const where = p.location ? `${p.location.file}:${p.location.range.start.line + 1}:${p.location.range.start.character + 1}: ` : '';
    io.err(`ops-lens: ${where}${p.severity}: ${p.message}\n`);
  }
  if (format === 'json') io.out(JSON.stringify(timelineJson(timeline), null, 2) + '\n');
  else io.out(timelineText(timeline));
  // Problems in the schedule are input errors: said at their line, and the exit code says so for CI.
  return timeline.problems.some((p) => p.severity === 'error') ? 2 : 0;
}

async function githubPlans(dir: string, io: CliIo): Promise<PlannedRelease[]> {
  const token = io.env.OPS_LENS_GITHUB_TOKEN || io.env.GITHUB_TOKEN;
  if (!token) return [];
  const remote = await remoteUrl(dir);
  const apiUrl = io.env.OPS_LENS_GITHUB_API_URL || GITHUB_API;
  const host = apiUrl === GITHUB_API ? 'github.com' : new URL(apiUrl).hostname;
  const repo = remote ? githubRepoOf(remote, host) : undefined;
  if (!repo) return [];
  try {
    const { plans, unplaced } = await fetchGitHubPlans({ ...repo, token, baseUrl: apiUrl });
    if (unplaced.length) io.err(`ops-lens: no version in ${unplaced.join(', ')}: not placed on the timeline\n`);
    return plans;
  } catch (e) {
    // The forge is an extra: git and the schedule still make a timeline when GitHub is unreachable.
    io.err(`ops-lens: GitHub milestones and drafts not read: ${(e as Error).message.split('\n')[0]}\n`);
    return [];
  }
}

async function readSnoozes(fs: NodeFileSystem, io: CliIo): Promise<Snooze[]> {
  const text = await fs.readText(SNOOZE_FILE).catch(() => undefined);
  if (text === undefined) return [];
  const { snoozes, problem } = parseSnoozes(text);
  if (problem) io.err(`ops-lens: ${problem}\n`);
  return snoozes;
}

function timelineText(t: Timeline): string {
  const out: string[] = [];
  if (!t.releases.length) out.push(t.git ? 'No releases: no semantic-version tags, release branches, unreleased commits or schedule.' : 'No releases: not a git repository and no .ops-lens/releases.yaml.');
  for (const r of t.releases) {
    const when = r.date ? `${shortDate(r.date)}${r.status === 'upcoming' ? ` (${countdown(r.daysUntil ?? 0)})` : ''}` : 'no date';
    const bits = [when, r.freeze && r.status === 'upcoming' ? freezeText(r.freeze) : '', `${r.commits.length} commit${r.commits.length === 1 ? '' : 's'}`];
    if (r.status === 'upcoming') bits.push(`risk: ${riskText(r.risk)}`);
    out.push(`${r.status === 'upcoming' ? '▶' : ' '} ${r.version}${r.versionProposed ? '?' : ''}  ${r.title}${r.name ? ` · ${r.name}` : ''}  ${bits.filter(Boolean).join(' · ')}`);
    if (r.status !== 'upcoming') continue;
    if (r.services.length) out.push(`    services: ${r.services.map((s) => `${s.name} (${s.commits})`).join(', ')}`);
    for (const c of r.changeRequests) out.push(`    change request: ${c.title} (${c.file})`);
    for (const { warning: w } of r.risk?.warnings ?? []) out.push(`    ${w.file}:${w.range.start.line + 1}:${w.range.start.character + 1}: ${w.severity} ${w.code}${w.service ? ` [${w.service}]` : ''}`);
  }
  return out.join('\n') + '\n';
}

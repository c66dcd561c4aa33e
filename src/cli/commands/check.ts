import { analyzeWorkspace } from '../../core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../core/host/nodeFileSystem';
import { buildEnvironmentModel } from '../../core/recipes/environmentModel';
import { DEFAULT_SEVERITY_RULES } from '../../core/insights/severityRules';
import { severityRank, type Severity, type Warning } from '../../core/insights/warning';
import { fetchSignals } from '../../core/signals/prometheusSignals';
import type { SignalSet } from '../../core/signals/signalSet';
import { oneOf, parseTime, UsageError, type ParsedArgs } from '../args';
import { warningsJson } from '../format/json';
import { warningsSarif } from '../format/sarif';
import { warningsText } from '../format/text';
import type { CliIo } from '../io';
import { fetchOptionsFromArgs, prometheusClientFromEnv, readSnapshotFile } from '../signalsOptions';
import { changedLines } from '../../core/git/changedLines';
import { computeWarnings } from '../../core/insights/computeWarnings';
import { inScope } from '../../core/insights/scope';
import { parseSnoozes, SNOOZE_FILE, withoutSnoozed, type Snooze } from '../../core/insights/snoozes';
import type { FileSystem } from '../../core/host/fileSystem';
import { cliCodeIndex, reportIndex } from '../codeIndex';
import { existingDir } from './dir';

export async function check(args: ParsedArgs, io: CliIo): Promise<number> {
  const dir = await existingDir(args.positional[0] ?? '.', io.cwd);
  const format = oneOf(args.flags, 'format', ['text', 'json', 'sarif'] as const, 'text');
  const failOn = oneOf(args.flags, 'fail-on', ['error', 'warning', 'never'] as const, 'error');
  const url = args.flags.get('prometheus');
  const snapshot = args.flags.get('snapshot');
  if (url && snapshot) throw new UsageError('use either --prometheus or --snapshot, not both');
  const at = args.flags.has('at') ? parseTime(args.flags.get('at')!) : undefined;

  // Made first: a bad OPS_LENS_THREADS is a usage error before any query is sent.
  const index = cliCodeIndex(io, dir);
  const fs = new NodeFileSystem(dir);
  const files = await fs.listFiles();
  const model = await buildEnvironmentModel(fs, files);
  let signals: SignalSet | undefined;
  if (url) signals = await fetchSignals(prometheusClientFromEnv(url, io.env), model, { at, ...(await fetchOptionsFromArgs(args, fs, io)) });
  else if (snapshot) signals = await readSnapshotFile(snapshot, io.cwd);

  const result = await analyzeWorkspace({ fs, index, signals, rules: DEFAULT_SEVERITY_RULES, model });
  let warnings: Warning[] = computeWarnings(model, result.files, signals, DEFAULT_SEVERITY_RULES);
  const base = args.flags.get('base');
  if (base) warnings = inScope(warnings, 'changedLines', await changedLines(dir, base));
  const snoozes = await readSnoozes(fs);
  const { shown, snoozed } = withoutSnoozed(warnings, snoozes, new Date());
  warnings = shown;
  if (snoozed.length && format === 'text') io.err(`${snoozed.length} snoozed warning(s) not shown (${SNOOZE_FILE})\n`);

  if (format === 'json') io.out(warningsJson(warnings, result.problems));
  else if (format === 'sarif') io.out(warningsSarif(warnings, result.problems));
  else io.out(warningsText(warnings, result.problems, signals));
  await reportIndex(index, io);
  return failOn !== 'never' && warnings.some((w) => severityRank(w.severity) <= severityRank(failOn as Severity)) ? 1 : 0;
}

async function readSnoozes(fs: FileSystem): Promise<Snooze[]> {
  const text = await fs.readText(SNOOZE_FILE).catch(() => undefined);
  if (text === undefined) return [];
  const { snoozes, problem } = parseSnoozes(text);
  if (problem) throw new UsageError(problem);
  return snoozes;
}

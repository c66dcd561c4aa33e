import type { FileAnalysis } from '../code/codeModel';
import type { FileSystem } from '../host/fileSystem';
import type { Logger } from '../host/logger';
import { serviceForFile, type EnvironmentModel, type RecipeProblem } from '../model/environment';
import { buildEnvironmentModel } from '../recipes/environmentModel';
import { signalsFor, type SignalSet } from '../signals/signalSet';
import { warningForHazard } from '../insights/hazardWarnings';
import type { SeverityRules } from '../insights/severityRules';
import { compareWarnings, type Warning } from '../insights/warning';
import { CodeIndex } from './codeIndex';

export interface WorkspaceAnalysis {
  model: EnvironmentModel;
  files: FileAnalysis[];
  warnings: Warning[];
  problems: RecipeProblem[];
}

/** Files that belong to no service are not analysed: no recipe, no production path, nothing to warn about. */
export function filesOfServices(model: EnvironmentModel, files: string[]): string[] {
  return files.filter((f) => CodeIndex.isCode(f) && serviceForFile(model, f) !== undefined);
}

export async function analyzeCode(index: CodeIndex, fs: FileSystem, files: string[], log?: Logger): Promise<FileAnalysis[]> {
  const out: FileAnalysis[] = [];
  for (const file of files) {
    try {
      const a = await index.analyze(file, await fs.readText(file));
      if (a) out.push(a);
    } catch (e) {
      log?.warn(`cannot analyse ${file}: ${(e as Error).message}`);
    }
  }
  return out;
}

/** Hazards joined with signals and capacity: the warnings for a set of analysed files. */
export function warningsFor(
  model: EnvironmentModel,
  files: FileAnalysis[],
  signals: SignalSet | undefined,
  rules: SeverityRules,
): Warning[] {
  const warnings: Warning[] = [];
  for (const f of files) {
    const service = serviceForFile(model, f.file);
    const serviceSignals = service ? signalsFor(signals, service.name) : undefined;
    for (const hazard of f.hazards) warnings.push(warningForHazard(hazard, service, serviceSignals, signals, rules));
  }
  return warnings.sort(compareWarnings);
}

export async function analyzeWorkspace(opts: {
  fs: FileSystem;
  index: CodeIndex;
  signals?: SignalSet;
  rules: SeverityRules;
  log?: Logger;
  /** Already-built model (the editor keeps one); built from the file system otherwise. */
  model?: EnvironmentModel;
}): Promise<WorkspaceAnalysis> {
  const all = await opts.fs.listFiles();
  const model = opts.model ?? (await buildEnvironmentModel(opts.fs, all, opts.log));
  const files = await analyzeCode(opts.index, opts.fs, filesOfServices(model, all), opts.log);
  return { model, files, warnings: warningsFor(model, files, opts.signals, opts.rules), problems: model.problems };
}

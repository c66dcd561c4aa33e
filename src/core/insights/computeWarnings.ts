import { warningsFor } from '../analysis/workspaceAnalysis';
import type { FileAnalysis } from '../code/codeModel';
import type { EnvironmentModel } from '../model/environment';
import { signalsFor, type SignalSet } from '../signals/signalSet';
import { capacityWarnings } from './capacityWarnings';
import type { SeverityRules } from './severityRules';
import { compareWarnings, type Warning } from './warning';

/** Every warning of the workspace: hazards joined with signals and capacity, plus capacity pressure on recipes. */
export function computeWarnings(model: EnvironmentModel, files: FileAnalysis[], signals: SignalSet | undefined, rules: SeverityRules): Warning[] {
  const hazards = warningsFor(model, files, signals, rules);
  const capacity = model.services.flatMap((s) => capacityWarnings(s, signalsFor(signals, s.name), signals, rules));
  return [...hazards, ...capacity].sort(compareWarnings);
}

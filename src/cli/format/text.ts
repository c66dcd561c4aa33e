import type { RecipeProblem } from '../../core/model/environment';
import type { SignalSet } from '../../core/signals/signalSet';
import type { Warning } from '../../core/insights/warning';

export function warningsText(warnings: Warning[], problems: RecipeProblem[], signals: SignalSet | undefined): string {
  const lines: string[] = [];
  for (const p of problems) {
    lines.push(`${p.location.file}:${p.location.range.start.line + 1}:${p.location.range.start.character + 1}: recipe: ${p.message}`);
  }
  for (const w of warnings) {
    const where = `${w.file}:${w.range.start.line + 1}:${w.range.start.character + 1}`;
    const context = [w.service, w.route].filter(Boolean).join(' ');
    lines.push(`${where}: ${w.severity} ${w.code}${context ? ` [${context}]` : ''}`);
    lines.push(`    ${w.message}`);
  }
  const count = (s: string) => warnings.filter((w) => w.severity === s).length;
  lines.push(
    `${warnings.length} warning${warnings.length === 1 ? '' : 's'} (${count('error')} error, ${count('warning')} warning, ${count('info')} info)` +
      (signals ? `; signals from ${describeSource(signals)} at ${new Date(signals.evaluatedAt * 1000).toISOString()}` : '; no production signals'),
  );
  for (const note of signals?.notes ?? []) lines.push(`note: ${note}`);
  return lines.join('\n') + '\n';
}

function describeSource(s: SignalSet): string {
  return s.source.kind === 'prometheus' ? s.source.url : `snapshot ${s.source.file}`;
}

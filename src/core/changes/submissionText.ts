import type { ChangeRecord } from './changeTypes';
import type { RecipePatch } from './patchTypes';
import { unifiedDiff } from './unifiedDiff';

/**
 * The issue or pull request body: the change, where it is, why, the evidence with its queries, the release it rides
 * with, the diff and where the change record is. Written for the operations reviewer who has not seen the editor.
 */
export function submissionBody(record: ChangeRecord, patch: RecipePatch | undefined, recordPath: string, extra: { branch?: string } = {}): string {
  const lines: string[] = [];
  const where = record.recipe ? `\`${record.recipe.file}:${record.recipe.line}\`${record.recipe.path ? ` (\`${record.recipe.path}\`)` : ''}` : 'not tied to one recipe value';
  lines.push(`**Environment change request** for **${record.service}** in **${record.environment}**`, '');
  lines.push('| | |', '|---|---|');
  lines.push(`| Change | ${record.change === 'freeText' ? 'free-text request' : `${cell(record.from ?? 'unset')} → ${cell(record.to)}`} |`);
  lines.push(`| Recipe | ${where} |`);
  lines.push(`| Ships with | ${record.release ? cell(record.release) : 'no release named'} |`);
  if (record.requestedBy) lines.push(`| Requested by | ${cell(record.requestedBy)} |`);
  if (extra.branch) lines.push(`| Branch | \`${extra.branch}\` |`);
  lines.push('', '### Why', '', record.reason.trim() || '(no reason given)', '');
  if (record.change === 'freeText') lines.push('### Request', '', record.to, '');
  if (record.evidence.items.length) {
    const from = [record.evidence.source, record.evidence.evaluatedAt ? `evaluated at ${record.evidence.evaluatedAt}` : undefined].filter(Boolean).join(', ');
    lines.push(`### Production evidence${from ? ` (${from})` : ''}`, '');
    for (const e of record.evidence.items) lines.push(`- ${e.summary}${e.window ? ` _(window ${e.window})_` : ''}${e.query ? `\n  \`${e.query.replace(/`/g, "'")}\`` : ''}`);
    lines.push('');
  } else {
    lines.push('### Production evidence', '', 'No production signals were available when this was requested.', '');
  }
  if (patch) lines.push('### Diff', '', '```diff', unifiedDiff(patch).trimEnd(), '```', '');
  lines.push(`Change record: \`${recordPath}\` (made by Ops Lens).`);
  return lines.join('\n');
}

function cell(s: string): string {
  return `\`${s.replace(/\|/g, '\\|').replace(/`/g, "'")}\``;
}

import type { RecipeProblem } from '../../core/model/environment';
import type { Warning } from '../../core/insights/warning';
import { warningJson } from '../../core/insights/warningJson';

/** The `check --format json` contract (product.md): 1-based lines and columns, files relative to DIR. */
export function warningsJson(warnings: Warning[], problems: RecipeProblem[]): string {
  return (
    JSON.stringify(
      {
        warnings: warnings.map((w) => ({ ...warningJson(w), evidence: w.evidence })),
        problems: problems.map((p) => ({
          file: p.location.file,
          line: p.location.range.start.line + 1,
          column: p.location.range.start.character + 1,
          message: p.message,
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

import type { Warning } from './warning';

/** One warning as the JSON contract shapes it (product.md): 1-based line and column, file relative to DIR. */
export function warningJson(w: Warning) {
  return {
    code: w.code,
    severity: w.severity,
    file: w.file,
    line: w.range.start.line + 1,
    column: w.range.start.character + 1,
    service: w.service ?? null,
    route: w.route,
    message: w.message,
  };
}

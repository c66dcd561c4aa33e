import * as vscode from 'vscode';
import type { RecipeProblem } from '../core/model/environment';
import type { Range } from '../core/model/location';
import type { Severity, Warning } from '../core/insights/warning';
import { Disposable } from './disposable';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export const DIAGNOSTIC_SOURCE = 'Ops Lens';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/**
 * Publishes warnings and recipe problems as diagnostics, one collection for the extension.
 * `diagnostic.code` carries the stable warning code and links to its documentation page.
 */
export class DiagnosticsPublisher extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('ops-lens'));

  /**
   * @param docs the folder of the warning pages shipped inside the extension (docs/warnings): the code link opens
   * the page right in the editor, offline.
   */
  constructor(
    private readonly root: vscode.Uri,
    private readonly docs: vscode.Uri,
  ) {
    super();
  }

  /** Replaces the diagnostics of exactly the files listed (others keep theirs). */
  publish(files: Iterable<string>, warnings: Warning[], problems: RecipeProblem[] = []): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const f of files) byFile.set(f, []);
    for (const w of warnings) {
      if (byFile.has(w.file)) byFile.get(w.file)!.push(this.toDiagnostic(w));
    }
    for (const p of problems) {
      if (!byFile.has(p.location.file)) byFile.set(p.location.file, []);
      const severity = p.severity === 'info' ? vscode.DiagnosticSeverity.Information : p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error;
      const d = new vscode.Diagnostic(toRange(p.location.range), p.message, severity);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = 'recipe-error';
      byFile.get(p.location.file)!.push(d);
    }
    for (const [file, diagnostics] of byFile) this.collection.set(this.uri(file), diagnostics);
  }

  clear(file: string): void {
    this.collection.delete(this.uri(file));
  }

  clearAll(): void {
    this.collection.clear();
  }

  private toDiagnostic(w: Warning): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(w.range), w.message, SEVERITY[w.severity]);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = { value: w.code, target: vscode.Uri.joinPath(this.docs, `${w.code}.md`) };
    d.relatedInformation = w.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(this.uri(r.location.file), toRange(r.location.range)), r.message),
    );
    return d;
  }

  private uri(file: string): vscode.Uri {
    return vscode.Uri.joinPath(this.root, ...file.split('/'));
  }
}

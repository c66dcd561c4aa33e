import * as vscode from 'vscode';
import { requestFromWarning } from '../core/changes/fromWarning';
import type { Warning } from '../core/insights/warning';
import { COMMANDS } from './commandIds';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { EditorFileSystem } from './editorFileSystem';
import type { WorkspaceAnalyzer } from './workspaceAnalyzer';

/** Quick fixes on Ops Lens diagnostics: open the recipe lines behind them, see the queries, snooze. */
export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly fs: EditorFileSystem,
    private readonly analyzer: WorkspaceAnalyzer,
  ) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const file = this.fs.relative(doc.uri);
    if (!file) return [];
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const w = this.warningFor(file, d);
      if (!w) continue;
      // The recipe lines; the other queries of a loop (same file) are the diagnostic's related information already.
      for (const r of w.related.filter((r) => r.location.file !== file)) {
        const a = new vscode.CodeAction(`Open ${r.location.file}:${r.location.range.start.line + 1} (${r.message})`, vscode.CodeActionKind.QuickFix);
        a.command = { title: a.title, command: COMMANDS.openRecipeLocation, arguments: [r.location] };
        a.diagnostics = [d];
        actions.push(a);
      }
      if (w.evidence.requestRate || w.evidence.autoscaler || w.evidence.cpu) {
        const q = new vscode.CodeAction('Show the queries behind these numbers', vscode.CodeActionKind.QuickFix);
        q.command = { title: q.title, command: COMMANDS.showQueries, arguments: [{ fingerprint: w.fingerprint }] };
        q.diagnostics = [d];
        actions.push(q);
      }
      const prefill = requestFromWarning(w);
      if (prefill) {
        const c = new vscode.CodeAction(`Request an environment change for ${prefill.service}…`, vscode.CodeActionKind.QuickFix);
        c.command = { title: c.title, command: COMMANDS.requestEnvironmentChange, arguments: [prefill] };
        c.diagnostics = [d];
        actions.push(c);
      }
      const s = new vscode.CodeAction(`Snooze this ${w.code} warning for the team…`, vscode.CodeActionKind.QuickFix);
      s.command = { title: s.title, command: COMMANDS.snoozeWarning, arguments: [{ fingerprint: w.fingerprint }] };
      s.diagnostics = [d];
      actions.push(s);
    }
    return actions;
  }

  private warningFor(file: string, d: vscode.Diagnostic): Warning | undefined {
    const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
    return this.analyzer.snapshot.visible.find(
      (w) => w.file === file && w.code === code && w.range.start.line === d.range.start.line && w.range.start.character === d.range.start.character,
    );
  }
}

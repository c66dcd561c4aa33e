import * as vscode from 'vscode';
import { evidenceRows, formatPercent, formatSeconds, type QueryRow } from '../core/insights/evidenceText';
import { formatRate } from '../core/insights/severityRules';
import { SCOPES, type DiagnosticsScope } from '../core/insights/scope';
import { addSnooze, parseSnoozes, serialiseSnoozes, SNOOZE_FILE } from '../core/insights/snoozes';
import { routesWithSignals } from './routeSignals';
import type { SignalsService } from './signalsService';
import type { WorkspaceAnalyzer } from './workspaceAnalyzer';

/** A warning, or a route's lens: its line in a file, and which route when several show on that line (a view class). */
export type QueriesTarget = { fingerprint: string } | { file: string; line: number; character: number; route?: string };

/** Lists the numbers behind a warning or a route with their PromQL; picking one copies it (and opens it in Prometheus when live). */
export async function showQueries(target: QueriesTarget, analyzer: WorkspaceAnalyzer, signals: SignalsService): Promise<void> {
  let rows: QueryRow[] = [];
  if ('fingerprint' in target) {
    const w = analyzer.snapshot.all.find((x) => x.fingerprint === target.fingerprint);
    if (w) rows = evidenceRows(w.evidence);
  } else {
    const r = routesWithSignals(target.file, analyzer, signals).find((x) => x.at.start.line === target.line && (!target.route || `${x.route.method} ${x.route.path}` === target.route));
    if (r) {
      rows.push({ label: 'Request rate', value: `${formatRate(r.signals.requestRate.value)} req/s`, query: r.signals.requestRate.query });
      if (r.signals.p95Seconds) rows.push({ label: 'p95 latency', value: formatSeconds(r.signals.p95Seconds.value), query: r.signals.p95Seconds.query });
      if (r.signals.errorRatio) rows.push({ label: 'Error ratio (5xx)', value: formatPercent(r.signals.errorRatio.value), query: r.signals.errorRatio.query });
      const a = r.service.autoscaler;
      if (a) rows.push({ label: `Autoscaler ${a.name} replicas`, value: `${a.currentReplicas.value}/${a.maxReplicas.value}`, query: a.currentReplicas.query });
    }
  }
  if (rows.length === 0) {
    void vscode.window.showInformationMessage('Ops Lens: no production numbers here (no signals for this code yet).');
    return;
  }
  const set = signals.state.signals;
  const pick = await vscode.window.showQuickPick(
    rows.map((r) => ({ label: `${r.label}: ${r.value}`, detail: r.query, row: r })),
    { title: 'Ops Lens: the queries behind the numbers', placeHolder: 'Pick one to copy its PromQL', matchOnDetail: true },
  );
  if (!pick) return;
  await vscode.env.clipboard.writeText(pick.row.query);
  if (set?.source.kind === 'prometheus') {
    const url = `${set.source.url}/graph?g0.expr=${encodeURIComponent(pick.row.query)}&g0.tab=0`;
    const open = await vscode.window.showInformationMessage('PromQL copied to the clipboard.', 'Open in Prometheus');
    if (open) await vscode.env.openExternal(vscode.Uri.parse(url));
  } else {
    void vscode.window.showInformationMessage('PromQL copied to the clipboard.');
  }
}

/**
 * Snoozes a warning for the team: the entry goes into .ops-lens/snoozes.yaml through an undoable edit of the
 * document (so unsaved edits to that file are kept), then the file is saved.
 */
export async function snoozeWarning(target: { fingerprint: string; days?: number; reason?: string }, root: vscode.Uri): Promise<boolean> {
  let days = target.days;
  if (days === undefined) {
    const pick = await vscode.window.showQuickPick(
      [7, 14, 30, 90].map((d) => ({ label: `${d} days`, days: d })),
      { title: 'Ops Lens: snooze this warning for the whole team', placeHolder: 'For how long? It shows again afterwards.' },
    );
    if (!pick) return false;
    days = pick.days;
  }
  const reason =
    target.reason ?? (await vscode.window.showInputBox({ title: 'Why? (optional, stored with the snooze)', placeHolder: 'e.g. bounded to 3 items by validation' })) ?? undefined;
  const uri = vscode.Uri.joinPath(root, ...SNOOZE_FILE.split('/'));
  let doc: vscode.TextDocument | undefined;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch {
    doc = undefined; // does not exist yet
  }
  const current = doc ? parseSnoozes(doc.getText()) : { snoozes: [] };
  if ('problem' in current && current.problem) {
    void vscode.window.showErrorMessage(`Ops Lens: ${current.problem}. Fix it first; nothing was changed.`);
    return false;
  }
  const until = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const text = serialiseSnoozes(addSnooze(current.snoozes, { fingerprint: target.fingerprint, until, ...(reason ? { reason } : {}) }, new Date()));
  const edit = new vscode.WorkspaceEdit();
  if (doc) {
    edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  } else {
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, new vscode.Position(0, 0), text);
  }
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  await (await vscode.workspace.openTextDocument(uri)).save();
  return true;
}

export async function switchScope(): Promise<void> {
  const labels: Record<DiagnosticsScope, string> = {
    changedLines: 'Changed lines: warnings on code changed since the base branch (default)',
    changedFiles: 'Changed files: every warning of a file changed since the base branch',
    all: 'Whole workspace: every warning',
    off: 'Off: no Ops Lens diagnostics',
  };
  const pick = await vscode.window.showQuickPick(
    SCOPES.map((s) => ({ label: labels[s], scope: s })),
    { title: 'Ops Lens: which warnings to show' },
  );
  if (pick) await vscode.workspace.getConfiguration('opsLens').update('diagnostics.scope', pick.scope, vscode.ConfigurationTarget.Workspace);
}

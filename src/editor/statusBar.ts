import * as vscode from 'vscode';
import { dataAgeMs, isStale } from '../core/signals/signalsRefresher';
import { COMMANDS } from './commandIds';
import { Disposable } from './disposable';
import type { SignalsService, SignalsState } from './signalsService';
import type { WorkspaceAnalyzer } from './workspaceAnalyzer';

/** One status bar item: the backend's state and the age of the data, with the reason when something is wrong. */
export class StatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('opsLens.status', vscode.StatusBarAlignment.Left, 10));
  private readonly ticker: NodeJS.Timeout;

  constructor(
    private readonly signals: SignalsService,
    private readonly analyzer: WorkspaceAnalyzer,
  ) {
    super();
    this.item.name = 'Ops Lens';
    this.item.command = COMMANDS.refreshSignals;
    this.register(signals.onDidChange(() => this.render()));
    this.register(analyzer.onDidAnalyze(() => this.render()));
    // Data age changes with time, not with events.
    this.ticker = setInterval(() => this.render(), 30_000);
    this.register({ dispose: () => clearInterval(this.ticker) });
    this.render();
    this.item.show();
  }

  private render(): void {
    const s = this.signals.state;
    const warnings = this.analyzer.snapshot.visible;
    const errors = warnings.filter((w) => w.severity === 'error').length;
    const counts = warnings.length ? ` · ${warnings.length} ops warning${warnings.length === 1 ? '' : 's'}` : '';
    const { icon, text, stale } = describeSignals(s, this.signals.maxAgeMs);
    this.item.text = `${icon} Ops Lens${text ? `: ${text}` : ''}${counts}`;
    this.item.tooltip = tooltip(s, stale, errors);
    this.item.backgroundColor = s.status === 'error' || stale ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }
}

/** The status bar's words for a state; `stale` when the numbers shown are not what the backend says now. */
export function describeSignals(s: SignalsState, maxAgeMs: number, now = Date.now()): { icon: string; text: string; stale: boolean } {
  const ageMs = dataAgeMs(s, now);
  const age = ageMs === undefined ? undefined : formatAge(ageMs);
  const snapshot = s.signals?.source.kind === 'snapshot';
  const stale = !snapshot && isStale(s, maxAgeMs, now);
  switch (s.status) {
    case 'off':
      return { icon: '$(pulse)', text: 'no signals', stale };
    case 'loading':
      return { icon: '$(sync~spin)', text: age ? `refreshing (data ${age} old)` : 'fetching signals', stale };
    case 'ok':
      if (snapshot) return { icon: '$(archive)', text: `snapshot, ${age} old`, stale };
      return stale ? { icon: '$(warning)', text: `stale (${age} old)`, stale } : { icon: '$(pulse)', text: `data ${age} old`, stale };
    case 'untrusted':
      return { icon: '$(shield)', text: 'restricted', stale };
    case 'error': {
      const what = s.errorKind === 'unauthorised' ? 'unauthorised' : s.errorKind === 'unreachable' ? 'backend unreachable' : s.errorKind === 'timeout' ? 'backend timed out' : 'backend error';
      return { icon: '$(warning)', text: s.signals ? `stale (${age} old), ${what}` : what, stale };
    }
  }
}

function tooltip(s: SignalsState, stale: boolean, errors: number): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const set = s.signals;
  // Backend text and URLs go in as text: an error page cannot inject links or commands here.
  if (s.status === 'off') md.appendText('No backend or snapshot configured: warnings are at most info. Set opsLens.prometheus.url or opsLens.signals.snapshot.');
  if (s.status === 'untrusted' || s.status === 'error') md.appendText(s.error ?? 'The backend failed.');
  if (set) {
    if (md.value) md.appendMarkdown('\n\n');
    const from = set.source.kind === 'snapshot' ? `snapshot ${set.source.file}${set.source.recordedFrom ? ` (recorded from ${set.source.recordedFrom})` : ''}` : set.source.url;
    md.appendText(`${stale ? 'Showing the previous data, stale: ' : 'Signals from '}${from}`);
    md.appendMarkdown('\n\n');
    md.appendText(`Evaluated at ${new Date(set.evaluatedAt * 1000).toISOString()}, rates over ${set.window}${set.peakWindow ? `, peaks over ${set.peakWindow}` : ''}.`);
    const routes = set.services.reduce((n, x) => n + x.routes.length, 0);
    md.appendMarkdown('\n\n');
    md.appendText(`${set.services.length} services, ${routes} routes${set.requests ? ` in ${set.requests} requests` : ''}${set.notes.length ? `; ${set.notes.length} note(s) in the log` : ''}.`);
  } else if (s.status === 'loading') {
    md.appendText(`Fetching from ${s.sourceLabel ?? 'the backend'}…`);
  }
  md.appendMarkdown(`\n\n${errors ? `${errors} error(s). ` : ''}Click to refresh signals.`);
  return md;
}

export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 90) return `${m} min`;
  const h = Math.round(m / 60);
  return h < 48 ? `${h} h` : `${Math.round(h / 24)} d`;
}

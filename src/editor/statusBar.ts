import * as vscode from 'vscode';
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
    const { icon, text, tooltip } = describe(s);
    this.item.text = `${icon} Ops Lens${text ? `: ${text}` : ''}${counts}`;
    this.item.tooltip = new vscode.MarkdownString(`${tooltip}\n\n${errors ? `${errors} error(s). ` : ''}Click to refresh signals.`);
    this.item.backgroundColor =
      s.status === 'error' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }
}

function describe(s: SignalsState): { icon: string; text: string; tooltip: string } {
  const age = s.fetchedAt ? formatAge(Date.now() - s.fetchedAt) : undefined;
  switch (s.status) {
    case 'off':
      return { icon: '$(pulse)', text: 'no signals', tooltip: 'No backend or snapshot configured: warnings are at most info. Set `opsLens.prometheus.url` or `opsLens.signals.snapshot`.' };
    case 'loading':
      return { icon: '$(sync~spin)', text: age ? `refreshing (data ${age} old)` : 'fetching signals', tooltip: `Fetching from ${s.sourceLabel ?? 'the backend'}` };
    case 'ok':
      return { icon: '$(pulse)', text: `data ${age} old`, tooltip: `Signals from ${s.sourceLabel}` };
    case 'untrusted':
      return { icon: '$(shield)', text: 'restricted', tooltip: s.error ?? '' };
    case 'error':
      return {
        icon: '$(warning)',
        text: s.signals ? `stale (${age} old)` : 'backend error',
        tooltip: `${s.error ?? 'The backend failed.'}${s.signals ? `\n\nShowing the previous data from ${age} ago.` : ''}`,
      };
  }
}

export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 90) return `${m} min`;
  const h = Math.round(m / 60);
  return h < 48 ? `${h} h` : `${Math.round(h / 24)} d`;
}

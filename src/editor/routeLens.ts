import * as vscode from 'vscode';
import { routeSummary } from '../core/insights/evidenceText';
import { COMMANDS } from './commandIds';
import { Disposable } from './disposable';
import type { EditorFileSystem } from './editorFileSystem';
import { routesWithSignals } from './routeSignals';
import { readSettings } from './settings';
import type { SignalsService } from './signalsService';
import type { WorkspaceAnalyzer } from './workspaceAnalyzer';

/**
 * A CodeLens above each route handler that has production data: "852 req/s · p95 91 ms · 0.2% errors · HPA 10/10",
 * at its registration and, when the handler is written in another file, above the handler there too. Routes
 * without data get none (no clutter); the numbers come from the last refresh, never fetched here.
 */
export class RouteLensProvider extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly fs: EditorFileSystem,
    private readonly analyzer: WorkspaceAnalyzer,
    private readonly signals: SignalsService,
  ) {
    super();
    this.register(analyzer.onDidAnalyze(() => this.changed.fire()));
    this.register(signals.onDidChange(() => this.changed.fire()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('opsLens.codeLens')) this.changed.fire();
      }),
    );
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!readSettings().codeLens) return [];
    const file = this.fs.relative(doc.uri);
    if (!file) return [];
    return routesWithSignals(file, this.analyzer, this.signals).map(({ route, signals, service, at }) => {
      const line = at.start.line;
      return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
        title: routeSummary(signals, service.autoscaler),
        tooltip: `Production signals of ${route.method} ${route.path}: click for the queries behind the numbers`,
        command: COMMANDS.showQueries,
        arguments: [{ file, line, character: at.start.character, route: `${route.method} ${route.path}` }],
      });
    });
  }
}

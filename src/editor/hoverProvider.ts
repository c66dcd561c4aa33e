import * as vscode from 'vscode';
import { routeMarkdown, warningMarkdown } from '../core/insights/evidenceText';
import { containsPosition } from '../core/model/location';
import type { EditorFileSystem } from './editorFileSystem';
import { routesWithSignals } from './routeSignals';
import type { SignalsService } from './signalsService';
import type { WorkspaceAnalyzer } from './workspaceAnalyzer';

/** Hovers with evidence: on a warning's range, its numbers and their source; on a route registration, its signals. */
export class EvidenceHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly fs: EditorFileSystem,
    private readonly analyzer: WorkspaceAnalyzer,
    private readonly signals: SignalsService,
  ) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const file = this.fs.relative(doc.uri);
    if (!file) return undefined;
    const pos = { line: position.line, character: position.character };
    const parts: vscode.MarkdownString[] = [];
    const routes = routesWithSignals(file, this.analyzer, this.signals);
    for (const w of this.analyzer.snapshot.visible) {
      if (w.file !== file || !containsPosition(w.range, pos)) continue;
      const history = routes.find((r) => `${r.route.method} ${r.route.path}` === w.route)?.signals.history;
      parts.push(markdown(warningMarkdown(w, history)));
    }
    const set = this.signals.state.signals;
    if (set) {
      for (const r of routes) {
        if (r.at.start.line !== position.line) continue;
        const source = set.source.kind === 'prometheus' ? set.source.url : `snapshot ${set.source.file}`;
        parts.push(markdown(routeMarkdown(r.route.method, r.route.path, r.signals, r.service.autoscaler, source, set.evaluatedAt)));
      }
    }
    return parts.length ? new vscode.Hover(parts) : undefined;
  }
}

function markdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  md.isTrusted = false; // numbers and labels come from a backend: never run command links from them
  return md;
}

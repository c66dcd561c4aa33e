import * as vscode from 'vscode';
import type { Located, SourceLocation } from '../core/model/location';
import type { Service } from '../core/model/environment';
import { formatBytes, formatCores } from '../core/recipes/quantities';
import { COMMANDS } from './commandIds';
import { Disposable } from './disposable';
import { toRange } from './diagnostics';
import type { WorkspaceAnalyzer } from './workspaceAnalyzer';

type Node = { kind: 'service'; service: Service } | { kind: 'value'; label: string; description?: string; tooltip?: string; location?: SourceLocation };

/** The Services view: each service with how it was linked to code and its capacity; each value opens its recipe line. */
export class ServicesView extends Disposable implements vscode.TreeDataProvider<Node> {
  private readonly changed = this.register(new vscode.EventEmitter<Node | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly analyzer: WorkspaceAnalyzer,
    private readonly root: vscode.Uri,
  ) {
    super();
    this.register(analyzer.onDidAnalyze(() => this.changed.fire(undefined)));
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.analyzer.snapshot.model.services.map((service) => ({ kind: 'service', service }));
    if (node.kind !== 'service') return [];
    const s = node.service;
    const out: Node[] = [];
    for (const link of s.codeRoots) {
      out.push({ kind: 'value', label: 'code', description: `${link.root} (${link.confidence})`, tooltip: link.reason, location: link.evidence });
    }
    const cap = s.capacity;
    const add = (label: string, v: Located<number> | undefined, fmt: (n: number) => string = String) => {
      if (v) out.push({ kind: 'value', label, description: fmt(v.value), location: v.location });
    };
    add('replicas', cap.replicas);
    add('autoscaling min', cap.autoscaling?.minReplicas);
    add('autoscaling max', cap.autoscaling?.maxReplicas);
    add('target CPU %', cap.autoscaling?.targetCpuUtilization);
    add('CPU request', cap.cpuRequest, formatCores);
    add('CPU limit', cap.cpuLimit, formatCores);
    add('memory request', cap.memoryRequest, formatBytes);
    add('memory limit', cap.memoryLimit, formatBytes);
    for (const r of s.recipes) out.push({ kind: 'value', label: r.kind, description: `${r.location.file}:${r.location.range.start.line + 1}`, location: r.location });
    return out;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'service') {
      const item = new vscode.TreeItem(node.service.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = node.service.codeRoots[0]?.root ?? 'no code linked';
      item.tooltip = node.service.codeRoots[0]?.reason ?? 'No code folder could be linked to this service.';
      item.iconPath = new vscode.ThemeIcon('server-process');
      item.contextValue = 'opsLens.service';
      return item;
    }
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.description = node.description;
    item.tooltip = node.tooltip;
    if (node.location) {
      item.command = { title: 'Open recipe line', command: COMMANDS.openRecipeLocation, arguments: [node.location] };
    }
    return item;
  }

  /** Opens a file of the workspace at a range (recipe lines, code links). */
  async open(location: SourceLocation): Promise<void> {
    const uri = vscode.Uri.joinPath(this.root, ...location.file.split('/'));
    await vscode.window.showTextDocument(uri, { selection: toRange(location.range), preview: true });
  }
}

import * as vscode from 'vscode';
import type { Located, SourceLocation } from '../core/model/location';
import type { Capacity, Service, ServiceEnvironment } from '../core/model/environment';
import { formatBytes, formatCores } from '../core/recipes/quantities';
import { COMMANDS } from './commandIds';
import { Disposable } from './disposable';
import { toRange } from './diagnostics';
import type { WorkspaceAnalyzer } from './workspaceAnalyzer';

type Node =
  | { kind: 'service'; service: Service }
  | { kind: 'group'; label: string; description?: string; tooltip?: string; icon?: string; contextValue: string; children: () => Node[]; location?: SourceLocation }
  | { kind: 'value'; label: string; description?: string; tooltip?: string; location?: SourceLocation; icon?: string };

/**
 * The Services view: each service with how it was linked to code (or why not), its production capacity, its
 * capacity in every environment (kustomize overlays, Helm values files, Compose, Terraform…), and its recipes;
 * each value opens the recipe line it was read from.
 */
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
    if (node.kind === 'group') return node.children();
    if (node.kind !== 'service') return [];
    const s = node.service;
    const out: Node[] = [];
    for (const link of s.codeRoots) {
      out.push({ kind: 'value', label: 'code', description: `${link.root} (${link.confidence})`, tooltip: link.reason, location: link.evidence, icon: 'folder' });
    }
    if (s.codeRoots.length === 0) {
      out.push({ kind: 'value', label: 'code', description: 'not linked', tooltip: s.unlinkedReason ?? 'No code folder could be linked to this service.', icon: 'question' });
    }
    out.push(...capacityNodes(s.capacity));
    for (const env of s.environments ?? []) out.push(environmentNode(env, env === s.environments?.[0]));
    if (s.recipes.length) {
      out.push({
        kind: 'group',
        label: 'recipes',
        description: String(s.recipes.length),
        icon: 'files',
        contextValue: 'opsLens.recipes',
        children: () =>
          s.recipes.map((r) => ({ kind: 'value', label: r.kind, description: `${r.location.file}:${r.location.range.start.line + 1}`, location: r.location })),
      });
    }
    return out;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'service') {
      const item = new vscode.TreeItem(node.service.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = node.service.codeRoots[0]?.root ?? 'no code linked';
      item.tooltip = node.service.codeRoots[0]?.reason ?? node.service.unlinkedReason ?? 'No code folder could be linked to this service.';
      item.iconPath = new vscode.ThemeIcon('server-process');
      item.contextValue = 'opsLens.service';
      return item;
    }
    const collapsible = node.kind === 'group' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.description = node.description;
    item.tooltip = node.tooltip;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.location) {
      item.command = { title: 'Open recipe line', command: COMMANDS.openRecipeLocation, arguments: [node.location] };
    }
    if (node.kind === 'group') item.contextValue = node.contextValue;
    return item;
  }

  /** Opens a file of the workspace at a range (recipe lines, code links). */
  async open(location: SourceLocation): Promise<void> {
    const uri = vscode.Uri.joinPath(this.root, ...location.file.split('/'));
    await vscode.window.showTextDocument(uri, { selection: toRange(location.range), preview: true });
  }
}

function environmentNode(env: ServiceEnvironment, primary: boolean): Node {
  const summary = [
    env.capacity.replicas ? `${env.capacity.replicas.value} replicas` : undefined,
    env.capacity.autoscaling ? `${env.capacity.autoscaling.minReplicas?.value ?? '?'}–${env.capacity.autoscaling.maxReplicas?.value ?? '?'} autoscaled` : undefined,
    env.capacity.cpuRequest ? `cpu ${formatCores(env.capacity.cpuRequest.value)}` : undefined,
    env.capacity.memoryLimit ? `mem ${formatBytes(env.capacity.memoryLimit.value)}` : undefined,
  ].filter(Boolean);
  return {
    kind: 'group',
    label: `${env.name}${primary ? ' (production view)' : ''}`,
    description: `${env.source}${summary.length ? ` · ${summary.join(', ')}` : ''}`,
    tooltip: `Environment "${env.name}" from ${env.source}, defined in ${env.definedIn}`,
    icon: 'layers',
    contextValue: 'opsLens.environment',
    children: () => capacityNodes(env.capacity),
  };
}

function capacityNodes(cap: Capacity): Node[] {
  const out: Node[] = [];
  const add = (label: string, v: Located<number> | undefined, fmt: (n: number) => string = String) => {
    if (v) out.push({ kind: 'value', label, description: fmt(v.value), location: v.location, tooltip: `${v.location.file}:${v.location.range.start.line + 1}` });
  };
  add('replicas', cap.replicas);
  add('autoscaling min', cap.autoscaling?.minReplicas);
  add('autoscaling max', cap.autoscaling?.maxReplicas);
  add('target CPU %', cap.autoscaling?.targetCpuUtilization);
  add('CPU request', cap.cpuRequest, formatCores);
  add('CPU limit', cap.cpuLimit, formatCores);
  add('memory request', cap.memoryRequest, formatBytes);
  add('memory limit', cap.memoryLimit, formatBytes);
  for (const s of cap.settings ?? []) {
    const value = s.kind === 'timeout' ? `${s.value} s` : String(s.value);
    out.push({ kind: 'value', label: s.kind, description: `${value} (${s.name})`, location: s.location, tooltip: `${s.location.file}:${s.location.range.start.line + 1}` });
  }
  return out;
}

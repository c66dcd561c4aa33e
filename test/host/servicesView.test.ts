// The Services view in a real VS Code: built from the environment model of the test workspace (real recipes,
// real parsing), its tree items carry environments and capacity, and each value opens its recipe line.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { NodeFileSystem } from '../../src/core/host/nodeFileSystem';
import type { EnvironmentModel } from '../../src/core/model/environment';
import type { SourceLocation } from '../../src/core/model/location';
import { buildEnvironmentModel } from '../../src/core/recipes/environmentModel';
import { ServicesView } from '../../src/editor/servicesView';
import type { WorkspaceAnalyzer } from '../../src/editor/workspaceAnalyzer';

describe('Ops Lens Services view in a real VS Code: environments, capacity, recipe lines', () => {
  let view: ServicesView;
  let model: EnvironmentModel;
  const changed = new vscode.EventEmitter<unknown>();

  before(async () => {
    await vscode.extensions.getExtension('ops-lens.ops-lens')!.activate();
    const root = vscode.workspace.workspaceFolders![0].uri;
    const fs = new NodeFileSystem(root.fsPath);
    model = await buildEnvironmentModel(fs, await fs.listFiles());
    // The view reads only the analyzer's model and change event; the model is the real one of this workspace.
    const analyzer = { snapshot: { model }, onDidAnalyze: changed.event } as unknown as WorkspaceAnalyzer;
    view = new ServicesView(analyzer, root);
  });
  after(() => {
    view.dispose();
    changed.dispose();
  });

  const children = (node?: Parameters<ServicesView['getChildren']>[0]) => view.getChildren(node);
  const item = (node: Parameters<ServicesView['getTreeItem']>[0]) => view.getTreeItem(node);

  it('lists the services with their code folder', () => {
    const top = children();
    assert.deepEqual(top.map((n) => item(n).label), model.services.map((s) => s.name));
    const orders = top.find((n) => item(n).label === 'orders')!;
    assert.equal(item(orders).description, 'services/orders');
    assert.match(String(item(orders).tooltip), /^Compose service "orders" builds from services\/orders/);
  });

  it('shows each environment of a service with its capacity, the production one marked', () => {
    const orders = children().find((n) => item(n).label === 'orders')!;
    const envs = children(orders).filter((n) => n.kind === 'group' && item(n).contextValue === 'opsLens.environment');
    assert.deepEqual(envs.map((n) => String(item(n).label)), ['default (production view)', 'compose']);
    assert.match(String(item(envs[0]).description), /^kubernetes · 3 replicas, 3–10 autoscaled, cpu 500m/);
    const values = children(envs[0]).map((n) => [item(n).label, item(n).description]);
    assert.deepEqual(values.slice(0, 3), [
      ['replicas', '3'],
      ['autoscaling min', '3'],
      ['autoscaling max', '10'],
    ]);
  });

  it('opens the recipe line of a value (autoscaling max) in the editor', async () => {
    const orders = children().find((n) => item(n).label === 'orders')!;
    const env = children(orders).find((n) => String(item(n).label).startsWith('default'))!;
    const max = children(env).find((n) => item(n).label === 'autoscaling max')!;
    const command = item(max).command!;
    assert.equal(command.command, 'opsLens.openRecipeLocation');
    const loc = command.arguments![0] as SourceLocation;
    assert.equal(loc.file, 'deploy/k8s/orders.yaml');
    await vscode.commands.executeCommand(command.command, ...command.arguments!);
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith('/deploy/k8s/orders.yaml'), editor.document.uri.path);
    assert.equal(editor.selection.start.line, loc.range.start.line);
    assert.match(editor.document.lineAt(loc.range.start.line).text, /maxReplicas:\s*10/);
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, waitForDiagnostics, workspaceUri } from './waitFor';

const ORDERS = 'services/orders/src/routes/orders.ts';
const hasCode = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code && /req\/s|replicas/.test(d.message));
const lacksCode = (code: string) => (ds: vscode.Diagnostic[]) => !ds.some((d) => codeOf(d) === code);

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

async function setScope(scope: string): Promise<void> {
  await vscode.workspace.getConfiguration('opsLens').update('diagnostics.scope', scope, vscode.ConfigurationTarget.Workspace);
}

describe('Ops Lens CodeLens, hovers, quick fixes, scope and snoozes in a real VS Code', () => {
  before(async () => {
    await vscode.extensions.getExtension('ops-lens.ops-lens')!.activate();
    await waitForDiagnostics(workspaceUri(ORDERS), hasCode('query-in-loop'));
  });

  it('shows live numbers above the hot route handler, and no lens where there is no data', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', workspaceUri(ORDERS), 100);
    const titles = lenses.map((l) => `${l.range.start.line}: ${l.command?.title}`);
    const hot = lenses.find((l) => l.range.start.line === 15);
    assert.ok(hot?.command, `no lens on GET /orders; lenses: ${titles.join(' | ')}`);
    assert.match(hot.command.title, /^[\d,]+ req\/s · p95 \d+ ms · [\d.]+% errors · HPA 10\/10$/);
    assert.equal(hot.command.command, 'opsLens.showQueries');
    // The command needs the document loaded in the workbench.
    const serverDoc = await vscode.workspace.openTextDocument(workspaceUri('services/orders/src/server.ts'));
    const server = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', serverDoc.uri, 100);
    assert.equal(server.filter((l) => l.command?.title.includes('req/s')).length, 0, 'GET /healthz has no traffic data: no lens');
  });

  it('shows a route\'s numbers above its handler in another file too, and the lens names that route for its queries', async () => {
    // A controller: the handler is written in reports/daily.ts, the route registered in routes/admin.ts.
    const daily = workspaceUri('services/orders/src/reports/daily.ts');
    const handler = [
      "import type { Request, Response } from 'express';",
      "import { pool } from '../db';",
      '',
      'export async function dailyReport(req: Request, res: Response) {',
      '  for (const id of String(req.query.stores).split(",")) {',
      "    await pool.query('UPDATE stores SET viewed = now() WHERE id = $1', [id]);",
      '  }',
      '  res.json({ ok: true });',
      '}',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(daily, Buffer.from(handler));
    const admin = await vscode.workspace.openTextDocument(workspaceUri('services/orders/src/routes/admin.ts'));
    const editor = await vscode.window.showTextDocument(admin);
    const original = admin.getText();
    const registration = "\nadminRouter.get('/admin/reports/daily', dailyReport);\n";
    assert.ok(await editor.edit((e) => {
      e.insert(new vscode.Position(0, 0), "import { dailyReport } from '../reports/daily';\n");
      e.insert(admin.positionAt(original.length), registration);
    }));
    try {
      // The join links the two files: the loop's warning in daily.ts now names the route and its traffic.
      await waitForDiagnostics(daily, (ds) => ds.some((d) => codeOf(d) === 'query-in-loop' && d.message.startsWith('GET /admin/reports/daily serves')));
      const doc = await vscode.workspace.openTextDocument(daily);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100);
      const lens = lenses.find((l) => l.command?.title.includes('req/s'));
      assert.ok(lens?.command, `no lens in daily.ts; lenses: ${lenses.map((l) => `${l.range.start.line}: ${l.command?.title}`).join(' | ')}`);
      assert.equal(lens.range.start.line, 3, 'above the handler function');
      assert.match(lens.command.title, /req\/s · p95 [\d.,]+ (ms|s)/);
      assert.deepEqual(lens.command.arguments, [{ file: 'services/orders/src/reports/daily.ts', line: 3, character: 7, route: 'GET /admin/reports/daily' }]);
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.replace(admin.uri, new vscode.Range(admin.positionAt(0), admin.positionAt(admin.getText().length)), original);
      undo.deleteFile(daily);
      assert.ok(await vscode.workspace.applyEdit(undo));
      await admin.save();
    }
    await waitForDiagnostics(daily, (ds) => ds.length === 0);
  });

  it('explains a warning on hover with its evidence, source and instant', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', workspaceUri(ORDERS), new vscode.Position(22, 40));
    const text = hoverText(hovers);
    assert.match(text, /Database query inside a loop/);
    assert.match(text, /\| Request rate \| [\d,]+ req\/s \|/);
    assert.match(text, /Autoscaler orders: max replicas \| 10 \|/);
    assert.match(text, /evaluated at \d{4}-\d\d-\d\dT/);
  });

  it('shows a route\'s signals on hover over its registration', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', workspaceUri(ORDERS), new vscode.Position(15, 5));
    assert.match(hoverText(hovers), /GET \/orders\*\* in production[\s\S]*p95 latency/);
  });

  it('offers quick fixes: open the autoscaler line, show the queries, snooze', async () => {
    const uri = workspaceUri(ORDERS);
    const d = vscode.languages.getDiagnostics(uri).find((x) => codeOf(x) === 'query-in-loop')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith('Open deploy/k8s/orders.yaml:72')), titles.join(' | '));
    assert.ok(titles.includes('Show the queries behind these numbers'), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('Snooze this query-in-loop warning')), titles.join(' | '));
  });

  it('reports capacity pressure on the pinned autoscaler line of the recipe', async () => {
    const uri = workspaceUri('deploy/k8s/orders.yaml');
    const ds = await waitForDiagnostics(uri, hasCode('capacity-pressure'));
    const d = ds.find((x) => codeOf(x) === 'capacity-pressure')!;
    assert.equal(d.range.start.line, 71);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /pinned at its maximum: 10\/10 replicas/);
  });

  it('snoozes a warning for the team in .ops-lens/snoozes.yaml, and it returns when the snooze is removed', async () => {
    const uri = workspaceUri(ORDERS);
    const d = vscode.languages.getDiagnostics(uri).find((x) => codeOf(x) === 'call-in-loop')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range);
    const snooze = actions.find((a) => a.title.startsWith('Snooze this call-in-loop'))!;
    const [target] = snooze.command!.arguments as [{ fingerprint: string }];
    assert.ok(await vscode.commands.executeCommand('opsLens.snoozeWarning', { ...target, days: 14, reason: 'bounded by validation' }));
    await waitForDiagnostics(uri, lacksCode('call-in-loop'));
    const file = workspaceUri('.ops-lens/snoozes.yaml');
    const text = (await vscode.workspace.openTextDocument(file)).getText();
    assert.match(text, /fingerprint: call-in-loop:services\/orders\/src\/routes\/orders\.ts:POST \/orders:fetch/);
    assert.match(text, /reason: bounded by validation/);
    const del = new vscode.WorkspaceEdit();
    del.deleteFile(file);
    assert.ok(await vscode.workspace.applyEdit(del));
    await waitForDiagnostics(uri, hasCode('call-in-loop'));
  });

  it('by default shows only warnings on code changed since the base branch, following unsaved edits', async () => {
    const uri = workspaceUri(ORDERS);
    await setScope('changedLines');
    try {
      // Nothing differs from main in the fresh repository: the hot warning is out of scope.
      await waitForDiagnostics(uri, lacksCode('query-in-loop'));
      const editor = await vscode.window.showTextDocument(uri);
      const end = editor.document.lineAt(22).range.end;
      assert.ok(await editor.edit((e) => e.insert(end, ' // changed')));
      const ds = await waitForDiagnostics(uri, hasCode('query-in-loop'));
      assert.ok(!ds.some((x) => codeOf(x) === 'call-in-loop'), 'the unchanged call-in-loop stays out of scope');
      // Back to the base text (still unsaved): nothing differs, so nothing is in scope again.
      assert.ok(await editor.edit((e) => e.delete(new vscode.Range(end, end.translate(0, ' // changed'.length)))));
      await waitForDiagnostics(uri, lacksCode('query-in-loop'));
      await editor.document.save();
    } finally {
      await setScope('all');
    }
    await waitForDiagnostics(uri, hasCode('query-in-loop'));
  });
});

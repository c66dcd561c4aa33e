// Two windows, one after the other, on the same folder (test/host/runHost.ts runs the 'stored' then the 'reopened'
// session): the first keeps each file's analysis in the workspace's storage, the second takes every one of them back
// without a parse and shows exactly the diagnostics the first showed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { OpsLensApi } from '../../src/extension';
import { codeOf, waitForDiagnostics } from './waitFor';

/** The extension once the window's first full pass has shown its warnings (and so has said what it kept). */
async function activated(): Promise<Required<OpsLensApi>['analysis']> {
  const ext = vscode.extensions.getExtension<OpsLensApi>('ops-lens.ops-lens');
  assert.ok(ext, 'ops-lens.ops-lens is installed');
  const api = await ext.activate();
  assert.ok(api.analysis, 'the API has the analysis');
  await waitForDiagnostics(orders(), (d) => d.some((x) => codeOf(x) === 'query-in-loop'));
  return api.analysis;
}

/** Every Ops Lens diagnostic in the window, as text, in a stable order. */
function allDiagnostics(): string[] {
  return vscode.languages
    .getDiagnostics()
    .flatMap(([uri, list]) => list.filter((d) => d.source === 'Ops Lens').map((d) => `${vscode.workspace.asRelativePath(uri)}:${d.range.start.line}:${d.range.start.character} ${d.severity} ${codeOf(d)} ${d.message}`))
    .sort();
}

const orders = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'services/orders/src/routes/orders.ts');
const EXPECTED = process.env.OPS_LENS_TEST_KEPT_DIAGNOSTICS!;

const session = process.env.OPS_LENS_HOST_SESSION;

if (session === 'stored') describe('analyses kept on disk: the first window', () => {
  it('analyses every file, keeps the analyses in the workspace storage, and shows its warnings', async () => {
    const analysis = await activated();
    const first = analysis.keptOnDisk[0];
    assert.ok(first && first.analysed > 5, JSON.stringify(analysis.keptOnDisk));
    assert.equal(first.reused, 0, 'nothing kept before the first window');
    await analysis.written();
    assert.ok(analysis.storagePath && existsSync(analysis.storagePath), `kept in ${analysis.storagePath}`);
    writeFileSync(EXPECTED, JSON.stringify({ analysed: first.analysed, diagnostics: allDiagnostics() }));
  });
});

if (session === 'reopened') describe('analyses kept on disk: the window opened again', () => {
  it('takes every file from the workspace storage, and shows what the first window showed', async () => {
    const expected = JSON.parse(readFileSync(EXPECTED, 'utf8')) as { analysed: number; diagnostics: string[] };
    const analysis = await activated();
    assert.deepEqual(analysis.keptOnDisk[0], { reused: expected.analysed, analysed: expected.analysed });
    assert.deepEqual(allDiagnostics(), expected.diagnostics);
  });

  it('deletes the kept analyses when the setting is turned off', async () => {
    const analysis = await activated();
    assert.ok(analysis.storagePath && existsSync(analysis.storagePath));
    const config = vscode.workspace.getConfiguration('opsLens');
    // The extension's listener was registered first, so it has run when this one runs.
    const changed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('opsLens.analysis.keepOnDisk')) return;
        sub.dispose();
        resolve();
      });
    });
    await config.update('analysis.keepOnDisk', false, vscode.ConfigurationTarget.Workspace);
    await changed;
    try {
      assert.equal(existsSync(analysis.storagePath), false);
      const passes = analysis.keptOnDisk.length;
      await vscode.commands.executeCommand('opsLens.analyzeWorkspace');
      assert.equal(analysis.keptOnDisk.length, passes, 'a pass with nothing kept reports nothing');
      assert.equal(existsSync(analysis.storagePath), false, 'and writes nothing');
    } finally {
      await config.update('analysis.keepOnDisk', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

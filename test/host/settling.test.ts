// An open document is analysed statement by statement as it is edited, then whole once typing pauses
// (WorkspaceAnalyzer's settling). Runs in the 'reopened' session (test/host/runHost.ts), on a folder whose Go file was
// written before the window opened and auto-save off: no file watcher event can re-read it whole, only settling can.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FOLDERS_GO } from '../support/foldersGo';
import { codeOf, waitForDiagnostics } from './waitFor';

if (process.env.OPS_LENS_HOST_SESSION === 'reopened') {
  describe('an edited document settles in a real VS Code', () => {
    it('shows the route one function registers for another again once typing pauses, which the edit alone does not see', async () => {
      await vscode.extensions.getExtension('ops-lens.ops-lens')!.activate();
      const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, FOLDERS_GO.file);
      const queryAt = (line: number, onRoute: boolean) => (ds: vscode.Diagnostic[]) =>
        ds.some((d) => codeOf(d) === 'query-in-loop' && d.range.start.line === line && d.message.startsWith('On GET /folders/originals.') === onRoute);
      await waitForDiagnostics(uri, queryAt(FOLDERS_GO.queryLine, true));
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      assert.ok(await editor.edit((e) => e.insert(new vscode.Position(0, 0), '// typed\n')));
      try {
        // The edit's own analysis, statement by statement: register() is not known to be handed the path.
        await waitForDiagnostics(uri, queryAt(FOLDERS_GO.queryLine + 1, false));
        // Then, typing paused, the whole file's (nothing saves it: the folder's settings turn auto-save off).
        await waitForDiagnostics(uri, queryAt(FOLDERS_GO.queryLine + 1, true));
      } finally {
        assert.ok(await editor.edit((e) => e.delete(new vscode.Range(0, 0, 1, 0))));
        await doc.save();
      }
    });
  });
}

// Runs inside the real extension host for `npm run bench`: reports the extension's activation time, how long the
// first full analysis takes to reach the Problems panel, and the extension host's heap (after a collection) once
// it has. OPS_LENS_BENCH_WAIT names the workspace file whose Ops Lens diagnostics mean "analysed", and
// OPS_LENS_BENCH_PATTERN what their message must say.
import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const started = Date.now();
  const ext = vscode.extensions.getExtension<{ activationMs: number }>('ops-lens.ops-lens');
  if (!ext) throw new Error('ops-lens.ops-lens is not installed in this host');
  const api = await ext.activate();
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const watched = vscode.Uri.joinPath(folder, process.env.OPS_LENS_BENCH_WAIT ?? 'services/orders/src/routes/orders.ts');
  const pattern = new RegExp(process.env.OPS_LENS_BENCH_PATTERN ?? 'req/s');
  await new Promise<void>((resolve, reject) => {
    const ready = () => vscode.languages.getDiagnostics(watched).some((d) => d.source === 'Ops Lens' && pattern.test(d.message));
    if (ready()) return resolve();
    const timer = setTimeout(() => reject(new Error(`no Ops Lens diagnostics on ${watched.path} within 120 s`)), 120_000);
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      if (ready()) {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  });
  const firstDiagnosticsMs = Date.now() - started;
  // A second pass finds every file cached by content: it only waits for anything still in flight to settle.
  await vscode.commands.executeCommand('opsLens.analyzeWorkspace');
  const diagnostics = vscode.languages.getDiagnostics().reduce((n, [, list]) => n + list.filter((d) => d.source === 'Ops Lens').length, 0);
  // What the host keeps, not what it has yet to collect.
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  const out = process.env.OPS_LENS_BENCH_FILE;
  const result = { activationMs: api.activationMs, firstDiagnosticsMs, heapUsedBytes: process.memoryUsage().heapUsed, diagnostics };
  if (out) writeFileSync(out, JSON.stringify(result));
}

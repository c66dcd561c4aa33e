// Runs inside the real extension host for `npm run bench`: reports the extension's activation time and
// how long the first full analysis takes to reach the Problems panel.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const started = Date.now();
  const ext = vscode.extensions.getExtension<{ activationMs: number }>('ops-lens.ops-lens');
  if (!ext) throw new Error('ops-lens.ops-lens is not installed in this host');
  const api = await ext.activate();
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const hot = vscode.Uri.joinPath(folder, 'services/orders/src/routes/orders.ts');
  await new Promise<void>((resolve, reject) => {
    const ready = () => vscode.languages.getDiagnostics(hot).some((d) => d.source === 'Ops Lens' && /req\/s/.test(d.message));
    if (ready()) return resolve();
    const timer = setTimeout(() => reject(new Error('no Ops Lens diagnostics within 60 s')), 60_000);
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      if (ready()) {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  });
  const out = process.env.OPS_LENS_BENCH_FILE;
  const result = { activationMs: api.activationMs, firstDiagnosticsMs: Date.now() - started, heapUsedBytes: process.memoryUsage().heapUsed };
  if (out) writeFileSync(out, JSON.stringify(result));
}

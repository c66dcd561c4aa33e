import * as vscode from 'vscode';

/**
 * Resolves with the diagnostics of `uri` as soon as `accept` holds, checking now and on every diagnostics change:
 * a signal, never a sleep. Rejects after `timeoutMs` with what was last seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (d: vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const d = vscode.languages.getDiagnostics(uri);
      if (accept(d)) {
        cleanup();
        resolve(d);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (process.env.OPS_LENS_TEST_DEBUG) console.log(`[waitFor] change ${e.uris.map((u) => u.path).join(', ')}: ${vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line}:${codeOf(d)}`).join(' ')}`);
      check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line}: ${codeOf(d)} ${d.message}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics on ${uri.path}; last seen:\n${seen.join('\n') || '(none)'}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    check();
  });
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test needs a workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

import * as vscode from 'vscode';
import type { PrometheusAuth } from '../core/signals/prometheusClient';
import { validAuth, type CredentialStore } from './credentials';
import { readSettings } from './settings';

/**
 * Asks for the backend's credentials and stores them in SecretStorage for the configured URL's origin only.
 * Automation (a setup script, tests) may pass them as the argument instead of answering the prompts; they are
 * still bound to the origin configured at that moment.
 */
export async function setBackendCredentials(store: CredentialStore, given?: unknown): Promise<void> {
  const url = readSettings().prometheusUrl;
  if (given !== undefined) {
    const auth = validAuth(given);
    if (!auth) throw new Error('Ops Lens: the credentials argument must be { kind: "bearer", token } or { kind: "basic", username, password } or { kind: "none" }');
    if (!url) throw new Error('Ops Lens: set "opsLens.prometheus.url" first: credentials are stored for that backend only');
    await store.set(url, auth as PrometheusAuth);
    return;
  }
  if (!url) {
    const action = await vscode.window.showWarningMessage('Set "opsLens.prometheus.url" first: credentials are stored for that backend only.', 'Open Settings');
    if (action) await vscode.commands.executeCommand('workbench.action.openSettings', 'opsLens.prometheus.url');
    return;
  }
  const origin = new URL(url).origin;
  const kind = await vscode.window.showQuickPick(
    [
      { label: 'Bearer token', description: 'VictoriaMetrics vmauth, proxies, Grafana Cloud access policy tokens', value: 'bearer' as const },
      { label: 'Username and password', description: 'Basic auth: Prometheus web config, Grafana Cloud instance id + token', value: 'basic' as const },
      { label: 'No credentials', description: `Forget the credentials stored for ${origin}`, value: 'none' as const },
    ],
    { title: `Ops Lens: credentials for ${origin}`, placeHolder: 'How does this backend authenticate?' },
  );
  if (!kind) return;
  if (kind.value === 'none') {
    await store.set(url, { kind: 'none' });
    void vscode.window.showInformationMessage(`Ops Lens: credentials for ${origin} removed.`);
    return;
  }
  if (kind.value === 'bearer') {
    const token = await vscode.window.showInputBox({ title: `Bearer token for ${origin}`, password: true, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'The token cannot be empty') });
    if (!token) return;
    await store.set(url, { kind: 'bearer', token: token.trim() });
  } else {
    const username = await vscode.window.showInputBox({ title: `Username for ${origin}`, ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : 'The username cannot be empty') });
    if (!username) return;
    const password = await vscode.window.showInputBox({ title: `Password or token for ${username}@${origin}`, password: true, ignoreFocusOut: true });
    if (password === undefined) return;
    await store.set(url, { kind: 'basic', username: username.trim(), password });
  }
  void vscode.window.showInformationMessage(`Ops Lens: credentials stored for ${origin}; they are sent to that origin only.`);
}

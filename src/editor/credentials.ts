import type * as vscode from 'vscode';
import type { PrometheusAuth } from '../core/signals/prometheusClient';

const KEY_PREFIX = 'opsLens.credentials:';

/**
 * Backend credentials in VS Code's SecretStorage, each bound to the origin it was entered for:
 * when a setting points the backend somewhere else, that origin has no credentials and none are sent.
 */
export class CredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(url: string): Promise<PrometheusAuth> {
    const origin = originOf(url);
    if (!origin) return { kind: 'none' };
    const raw = await this.secrets.get(KEY_PREFIX + origin);
    if (!raw) return { kind: 'none' };
    try {
      const parsed = JSON.parse(raw) as PrometheusAuth;
      return parsed.kind === 'bearer' || parsed.kind === 'basic' ? parsed : { kind: 'none' };
    } catch {
      return { kind: 'none' };
    }
  }

  async set(url: string, auth: PrometheusAuth): Promise<void> {
    const origin = originOf(url);
    if (!origin) throw new Error(`"${url}" is not a valid backend URL`);
    if (auth.kind === 'none') await this.secrets.delete(KEY_PREFIX + origin);
    else await this.secrets.store(KEY_PREFIX + origin, JSON.stringify(auth));
  }

  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((e) => {
      if (e.key.startsWith(KEY_PREFIX)) listener();
    });
  }
}

export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

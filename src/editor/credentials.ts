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
      return validAuth(JSON.parse(raw)) ?? { kind: 'none' };
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

/** The credential shapes the client understands, or undefined for anything else. */
export function validAuth(v: unknown): PrometheusAuth | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (o.kind === 'none') return { kind: 'none' };
  if (o.kind === 'bearer' && typeof o.token === 'string' && o.token.trim()) return { kind: 'bearer', token: o.token.trim() };
  if (o.kind === 'basic' && typeof o.username === 'string' && o.username.trim() && typeof o.password === 'string') {
    return { kind: 'basic', username: o.username.trim(), password: o.password };
  }
  return undefined;
}

export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

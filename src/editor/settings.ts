import * as vscode from 'vscode';
import { SCOPES, type DiagnosticsScope } from '../core/insights/scope';
import type { SeverityRules } from '../core/insights/severityRules';

/** The `opsLens.*` settings, typed, each read with a guard and a default (see package.json for their docs). */
export interface OpsLensSettings {
  prometheusUrl: string;
  prometheusHeaders: Record<string, string>;
  prometheusTimeoutSeconds: number;
  snapshot: string;
  /** Empty: now. Otherwise the instant signals are evaluated at (RFC 3339 or Unix seconds). */
  evaluationTime: string;
  refreshIntervalMinutes: number;
  /** PromQL duration rates are averaged over (default 1h). */
  signalsWindow: string;
  /** PromQL duration capacity peaks are taken over (default 7d); empty: no peaks. */
  peakWindow: string;
  coldRouteRps: number;
  cpuPressureRatio: number;
  debounceMs: number;
  /** Threads for full passes over the workspace: -1 automatic, 0 none (the extension host's own thread). */
  analysisThreads: number;
  /** Each file's analysis kept in the workspace's storage for the next window. */
  keepAnalysesOnDisk: boolean;
  scope: DiagnosticsScope;
  /** Empty: the default branch (origin/HEAD, main, master). */
  baseBranch: string;
  codeLens: boolean;
}

export const SECTION = 'opsLens';

export function readSettings(scope?: vscode.ConfigurationScope): OpsLensSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    prometheusUrl: str(restricted(c, 'prometheus.url'), '').trim(),
    prometheusHeaders: headers(restricted(c, 'prometheus.headers')),
    prometheusTimeoutSeconds: num(c.get('prometheus.timeoutSeconds'), 15, 1, 300),
    snapshot: str(c.get('signals.snapshot'), '').trim(),
    evaluationTime: str(c.get('signals.at'), '').trim(),
    refreshIntervalMinutes: num(c.get('signals.refreshIntervalMinutes'), 5, 0, 24 * 60),
    signalsWindow: str(c.get('signals.window'), '1h').trim() || '1h',
    peakWindow: str(c.get('signals.peakWindow'), '7d').trim(),
    coldRouteRps: num(c.get('severity.coldRouteRps'), 1, 0, 1e9),
    cpuPressureRatio: num(c.get('severity.cpuPressurePercent'), 90, 1, 1000) / 100,
    debounceMs: num(c.get('analysis.debounceMs'), 300, 0, 10000),
    analysisThreads: Math.round(num(c.get('analysis.threads'), -1, -1, 16)),
    keepAnalysesOnDisk: c.get('analysis.keepOnDisk') !== false,
    scope: oneOf(c.get('diagnostics.scope'), SCOPES, 'changedLines'),
    baseBranch: str(c.get('diagnostics.baseBranch'), '').trim(),
    codeLens: c.get('codeLens.enabled') !== false,
  };
}

/**
 * A setting the workspace must not choose while it is untrusted (package.json's `restrictedConfigurations`):
 * then only the user's own value counts. VS Code drops the workspace's value in Restricted Mode already; reading
 * the user's value here keeps that true whatever the host does.
 */
function restricted(c: vscode.WorkspaceConfiguration, key: string): unknown {
  if (vscode.workspace.isTrusted) return c.get(key);
  const inspected = c.inspect(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

export function affects(e: vscode.ConfigurationChangeEvent, ...keys: string[]): boolean {
  return keys.some((k) => e.affectsConfiguration(`${SECTION}.${k}`));
}

export function severityRules(s: OpsLensSettings): SeverityRules {
  return { coldRouteRps: s.coldRouteRps, cpuPressureRatio: s.cpuPressureRatio };
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(v as T) ? (v as T) : fallback;
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

function num(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

function headers(v: unknown): Record<string, string> {
  if (!v || typeof v !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
}

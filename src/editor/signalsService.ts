import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { Logger } from '../core/host/logger';
import type { EnvironmentModel } from '../core/model/environment';
import { PrometheusClient } from '../core/signals/prometheusClient';
import { parseEvaluationTime } from '../core/signals/evaluationTime';
import { fetchSignals } from '../core/signals/prometheusSignals';
import { SignalsError } from '../core/signals/signalsError';
import type { SignalSet } from '../core/signals/signalSet';
import { parseSnapshot } from '../core/signals/snapshot';
import type { CredentialStore } from './credentials';
import { Disposable } from './disposable';
import { prometheusUrlFromWorkspace, readSettings } from './settings';

export type SignalsStatus = 'off' | 'loading' | 'ok' | 'error' | 'untrusted';

export interface SignalsState {
  status: SignalsStatus;
  signals?: SignalSet;
  /** When the current `signals` arrived (ms since epoch). */
  fetchedAt?: number;
  /** The last failure, said for a user; the previous signals stay, shown as stale. */
  error?: string;
  /** Where the signals come from, for the status bar. */
  sourceLabel?: string;
}

/**
 * Production signals for the editor: from a recorded snapshot or a Prometheus-compatible backend, refreshed on a
 * timer and on demand, never on a keystroke. A failure keeps the previous data (marked stale) and says why.
 */
export class SignalsService extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<SignalsState>());
  readonly onDidChange = this.changed.event;
  private current: SignalsState = { status: 'off' };
  private timer: NodeJS.Timeout | undefined;
  private inFlight: AbortController | undefined;
  private model: EnvironmentModel | undefined;

  constructor(
    private readonly root: string,
    private readonly credentials: CredentialStore,
    private readonly log: Logger,
  ) {
    super();
    this.register({ dispose: () => this.stopTimer() });
    this.register({ dispose: () => this.inFlight?.abort() });
  }

  get state(): SignalsState {
    return this.current;
  }

  /** Refreshes with the latest environment model; concurrent refreshes collapse into the newest one. */
  async refresh(model: EnvironmentModel | undefined = this.model): Promise<SignalsState> {
    this.model = model;
    this.inFlight?.abort();
    const abort = new AbortController();
    this.inFlight = abort;
    const settings = readSettings();
    this.restartTimer(settings.refreshIntervalMinutes);
    try {
      if (settings.prometheusUrl) {
        if (!vscode.workspace.isTrusted && prometheusUrlFromWorkspace()) {
          this.update({ status: 'untrusted', error: 'This workspace is not trusted: its Prometheus URL is not contacted.' });
          return this.current;
        }
        if (!model) return this.current;
        this.update({ ...this.current, status: 'loading' });
        const client = new PrometheusClient({
          url: settings.prometheusUrl,
          auth: await this.credentials.get(settings.prometheusUrl),
          headers: settings.prometheusHeaders,
          timeoutMs: settings.prometheusTimeoutSeconds * 1000,
          log: this.log,
        });
        const started = Date.now();
        const at = settings.evaluationTime ? parseEvaluationTime(settings.evaluationTime) : undefined;
        const signals = await fetchSignals(client, model, { signal: abort.signal, at });
        if (abort.signal.aborted) return this.current;
        this.log.info(`signals refreshed from ${client.displayUrl}: ${signals.services.length} services in ${Date.now() - started} ms (${client.requestCount} requests)`);
        for (const note of signals.notes) this.log.info(note);
        this.update({ status: 'ok', signals, fetchedAt: Date.now(), sourceLabel: client.displayUrl });
      } else if (settings.snapshot) {
        const file = isAbsolute(settings.snapshot) ? settings.snapshot : join(this.root, settings.snapshot);
        const signals = parseSnapshot(await readFile(file, 'utf8'), settings.snapshot);
        this.log.info(`signals loaded from snapshot ${settings.snapshot} (evaluated at ${new Date(signals.evaluatedAt * 1000).toISOString()})`);
        this.update({ status: 'ok', signals, fetchedAt: signals.evaluatedAt * 1000, sourceLabel: `snapshot ${settings.snapshot}` });
      } else {
        this.update({ status: 'off' });
      }
    } catch (e) {
      if (e instanceof SignalsError && e.kind === 'cancelled') return this.current;
      const message = (e as Error).message;
      this.log.warn(`signals refresh failed: ${message}`);
      this.update({ ...this.current, status: 'error', error: message });
    } finally {
      if (this.inFlight === abort) this.inFlight = undefined;
    }
    return this.current;
  }

  private update(state: SignalsState): void {
    this.current = state;
    this.changed.fire(state);
  }

  private restartTimer(minutes: number): void {
    this.stopTimer();
    if (minutes > 0) this.timer = setInterval(() => void this.refresh(), minutes * 60_000);
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

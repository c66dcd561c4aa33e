import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { Logger } from '../core/host/logger';
import type { EnvironmentModel } from '../core/model/environment';
import { PrometheusClient } from '../core/signals/prometheusClient';
import { parseEvaluationTime } from '../core/signals/evaluationTime';
import { fetchSignals } from '../core/signals/prometheusSignals';
import { DEFAULT_HISTORY } from '../core/signals/routeHistory';
import { isDuration } from '../core/signals/promql';
import { loadSignalsConfig } from '../core/signals/signalsConfig';
import { SignalsRefresher, type SignalsState } from '../core/signals/signalsRefresher';
import type { SignalSet } from '../core/signals/signalSet';
import { parseSnapshot } from '../core/signals/snapshot';
import type { CredentialStore } from './credentials';
import { Disposable } from './disposable';
import { readSettings } from './settings';

export type { SignalsState, SignalsStatus } from '../core/signals/signalsRefresher';

const MEMORY_KEY = 'opsLens.lastSignals';
const MAX_REMEMBERED_CHARS = 2_000_000;

interface Remembered {
  /** The backend's display URL (no credentials): data is only shown again for the same backend. */
  label: string;
  fetchedAt: number;
  signals: SignalSet;
}

/** Headers that carry credentials: they belong in SecretStorage (bound to an origin), not in settings. */
const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|x-api-key|api-key|dd-api-key|dd-application-key)$/i;

/**
 * Production signals for the editor: from a recorded snapshot or a Prometheus-compatible backend, refreshed on a
 * timer and on demand, never on a keystroke. A refresh runs in the background (the editor never waits for the
 * network); a newer one cancels it; a failure keeps the previous data, shown as stale, and says why.
 */
export class SignalsService extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<SignalsState>());
  readonly onDidChange = this.changed.event;
  private readonly refresher = new SignalsRefresher();
  private timer: NodeJS.Timeout | undefined;
  private model: EnvironmentModel | undefined;
  private warnedHeaders = '';

  constructor(
    private readonly root: string,
    private readonly credentials: CredentialStore,
    private readonly log: Logger,
    /** Where the last good data of a backend is kept across sessions (the workspace's state), so offline still shows it, stale. */
    private readonly memory?: vscode.Memento,
  ) {
    super();
    const sub = this.refresher.onDidChange((s) => {
      this.remember(s);
      this.changed.fire(s);
    });
    this.register({ dispose: () => sub.dispose() });
    this.register({ dispose: () => this.stopTimer() });
    this.register({ dispose: () => this.refresher.dispose() });
  }

  get state(): SignalsState {
    return this.refresher.state;
  }

  /** The refresh period in ms, from the settings: data older than two periods is stale. */
  get maxAgeMs(): number {
    const minutes = readSettings().refreshIntervalMinutes;
    return minutes > 0 ? 2 * minutes * 60_000 + 60_000 : Number.POSITIVE_INFINITY;
  }

  /**
   * Refreshes with the latest environment model. Resolves when this refresh (or the newer one that superseded it)
   * ends; never rejects. Callers on the editor's paths do not await it.
   */
  async refresh(model: EnvironmentModel | undefined = this.model): Promise<SignalsState> {
    this.model = model;
    const settings = readSettings();
    this.restartTimer(settings.refreshIntervalMinutes);
    // In Restricted Mode VS Code does not apply the workspace's own backend URL (restrictedConfigurations), and
    // cannot say whether it had one: with nothing else to read, say why rather than look unconfigured.
    if (!vscode.workspace.isTrusted && !settings.prometheusUrl && !settings.snapshot) {
      this.refresher.settle({ status: 'untrusted', error: 'This workspace is not trusted: a Prometheus URL in its settings is not used. Trust the workspace, or set the URL in your user settings.' });
      return this.state;
    }
    if (settings.prometheusUrl) {
      if (!model) return this.state;
      let client: PrometheusClient;
      try {
        client = new PrometheusClient({
          url: settings.prometheusUrl,
          auth: await this.credentials.get(settings.prometheusUrl),
          headers: this.plainHeaders(settings.prometheusHeaders),
          timeoutMs: settings.prometheusTimeoutSeconds * 1000,
          log: this.log,
        });
      } catch (e) {
        this.refresher.settle({ status: 'error', error: (e as Error).message, errorKind: 'unreachable' });
        return this.state;
      }
      const label = client.displayUrl;
      return this.refresher.refresh(label, async (signal) => {
        const started = Date.now();
        const at = settings.evaluationTime ? parseEvaluationTime(settings.evaluationTime) : undefined;
        const window = isDuration(settings.signalsWindow) ? settings.signalsWindow : '1h';
        const peakWindow = settings.peakWindow === '' ? false : settings.peakWindow;
        const config = await loadSignalsConfig((f) => readFile(join(this.root, f), 'utf8'));
        for (const p of config.problems) this.log.warn(p);
        // History feeds the charts in hovers: a couple more requests per refresh, whatever the number of routes.
        const signals = await fetchSignals(client, model, { signal, at, window, peakWindow, conventions: config.conventions, history: DEFAULT_HISTORY });
        this.log.info(`signals refreshed from ${label}: ${signals.services.length} services over ${signals.window} in ${Date.now() - started} ms (${signals.requests} requests)`);
        for (const s of signals.services) if (s.convention) this.log.info(`service ${s.service}: ${s.convention.id} metrics (${s.convention.metric}, ${s.convention.serviceLabel}="${s.job}")`);
        for (const note of signals.notes) this.log.info(note);
        return signals;
      }, { previous: this.recalled(label) }).then((s) => {
        if (s.status === 'error' && s.sourceLabel === label) this.log.warn(`signals refresh failed: ${s.error}`);
        return s;
      });
    }
    if (settings.snapshot) {
      const file = isAbsolute(settings.snapshot) ? settings.snapshot : join(this.root, settings.snapshot);
      const label = `snapshot ${settings.snapshot}`;
      const s = await this.refresher.refresh(
        label,
        async () => parseSnapshot(await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
          throw new Error(`Cannot read the snapshot ${settings.snapshot} (${e.code ?? e.message})`);
        }), settings.snapshot),
        // A snapshot's age is that of its numbers, not of the moment the file was read.
        { fetchedAt: (set) => set.evaluatedAt * 1000 },
      );
      if (s.status === 'ok') this.log.info(`signals loaded from ${label} (evaluated at ${new Date(s.signals!.evaluatedAt * 1000).toISOString()})`);
      else if (s.status === 'error') this.log.warn(s.error ?? 'snapshot failed');
      return s;
    }
    this.refresher.settle({ status: 'off' });
    return this.state;
  }

  private recalled(label: string): { signals: SignalSet; fetchedAt: number } | undefined {
    const r = this.memory?.get<Remembered>(MEMORY_KEY);
    return r && r.label === label && r.signals && typeof r.fetchedAt === 'number' ? { signals: r.signals, fetchedAt: r.fetchedAt } : undefined;
  }

  private remember(s: SignalsState): void {
    if (!this.memory || s.status !== 'ok' || !s.signals || s.signals.source.kind !== 'prometheus' || !s.sourceLabel) return;
    const value: Remembered = { label: s.sourceLabel, fetchedAt: s.fetchedAt ?? Date.now(), signals: s.signals };
    // A backend with thousands of routes is not worth a slow workspace-state write; it is refetched instead.
    if (JSON.stringify(value).length > MAX_REMEMBERED_CHARS) return;
    void this.memory.update(MEMORY_KEY, value).then(undefined, (e: Error) => this.log.warn(`could not keep the signals for next time: ${e.message}`));
  }

  /** Settings headers minus credentials, which would follow the URL wherever a workspace points it. */
  private plainHeaders(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    const dropped: string[] = [];
    for (const [k, v] of Object.entries(headers)) {
      if (SECRET_HEADERS.test(k)) dropped.push(k);
      else out[k] = v;
    }
    const key = dropped.join(',');
    if (dropped.length && key !== this.warnedHeaders) {
      this.log.warn(`ignoring ${dropped.join(', ')} in opsLens.prometheus.headers: credentials go in "Ops Lens: Set Backend Credentials", bound to the backend's origin`);
    }
    this.warnedHeaders = key;
    return out;
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

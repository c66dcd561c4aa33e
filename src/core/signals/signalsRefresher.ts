import { SignalsError, type SignalsErrorKind } from './signalsError';
import type { SignalSet } from './signalSet';

export type SignalsStatus = 'off' | 'loading' | 'ok' | 'error' | 'untrusted';

export interface SignalsState {
  status: SignalsStatus;
  /** The last good data; kept through failures, when it is shown as stale. */
  signals?: SignalSet;
  /** When the current `signals` were fetched or recorded (ms since epoch): their age is measured from here. */
  fetchedAt?: number;
  /** The last failure, said for a user, with the backend's own text. */
  error?: string;
  errorKind?: SignalsErrorKind | 'other';
  /** Where the signals come from, for the status bar (never with credentials). */
  sourceLabel?: string;
}

export interface RefreshOptions {
  /** When the data was recorded, for data whose age is not the fetch's (a snapshot). */
  fetchedAt?: (set: SignalSet) => number;
  /** Data from this source remembered from an earlier session: shown (as stale if the refresh fails) until new data arrives. */
  previous?: { signals: SignalSet; fetchedAt: number };
}

export interface Subscription {
  dispose(): void;
}

/**
 * The refresh cycle, free of any editor: one refresh at a time (a new one cancels the one in flight, whose result
 * is dropped), failures keep the previous data and say why, every change is announced. The editor and tests drive
 * it with real fetches.
 */
export class SignalsRefresher {
  private current: SignalsState = { status: 'off' };
  private inFlight: AbortController | undefined;
  /** The newest refresh: what a superseded one resolves with. */
  private latest: Promise<SignalsState> | undefined;
  private readonly listeners = new Set<(s: SignalsState) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  get state(): SignalsState {
    return this.current;
  }

  /** Whether a refresh is under way. */
  get busy(): boolean {
    return this.inFlight !== undefined;
  }

  onDidChange(listener: (s: SignalsState) => void): Subscription {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * Runs `fetch`, cancelling any refresh still in flight. Resolves with the resulting state; a refresh that was
   * superseded resolves with the state its successor ends in (its own result is never applied). Never rejects.
   */
  refresh(
    sourceLabel: string,
    fetch: (signal: AbortSignal) => Promise<SignalSet>,
    options: RefreshOptions = {},
  ): Promise<SignalsState> {
    const run = this.run(sourceLabel, fetch, options);
    this.latest = run;
    return run;
  }

  private async run(
    sourceLabel: string,
    fetch: (signal: AbortSignal) => Promise<SignalSet>,
    options: RefreshOptions,
  ): Promise<SignalsState> {
    this.inFlight?.abort();
    const abort = new AbortController();
    this.inFlight = abort;
    const keep = this.current.sourceLabel === sourceLabel && this.current.signals ? this.current : (options.previous ?? {});
    this.set({ ...keep, status: 'loading', sourceLabel, error: undefined, errorKind: undefined });
    try {
      const signals = await fetch(abort.signal);
      if (abort.signal.aborted) return this.superseded();
      this.set({ status: 'ok', signals, fetchedAt: options.fetchedAt?.(signals) ?? this.now(), sourceLabel });
    } catch (e) {
      if (abort.signal.aborted || (e instanceof SignalsError && e.kind === 'cancelled')) return this.superseded();
      const error = e instanceof Error ? e.message : String(e);
      this.set({ ...this.current, status: 'error', error, errorKind: e instanceof SignalsError ? e.kind : 'other' });
    } finally {
      if (this.inFlight === abort) this.inFlight = undefined;
    }
    return this.current;
  }

  private superseded(): Promise<SignalsState> | SignalsState {
    return this.latest ?? this.current;
  }

  /** A state that needs no fetch (no backend configured, untrusted workspace); cancels any refresh in flight. */
  settle(state: SignalsState): void {
    this.cancel();
    this.set(state);
  }

  cancel(): void {
    this.latest = undefined;
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  dispose(): void {
    this.cancel();
    this.listeners.clear();
  }

  private set(state: SignalsState): void {
    this.current = state;
    for (const l of [...this.listeners]) l(state);
  }
}

/** How old the shown data is, in ms (undefined when there is none). */
export function dataAgeMs(state: SignalsState, now = Date.now()): number | undefined {
  return state.signals && state.fetchedAt !== undefined ? Math.max(0, now - state.fetchedAt) : undefined;
}

/**
 * Stale: the data shown is not what the backend says now, because the last refresh failed or because it is
 * older than `maxAgeMs` (a missed refresh, a suspended laptop). A snapshot is recorded data: it is judged by
 * age only.
 */
export function isStale(state: SignalsState, maxAgeMs: number, now = Date.now()): boolean {
  if (!state.signals) return false;
  if (state.status === 'error') return true;
  const age = dataAgeMs(state, now);
  return age !== undefined && age > maxAgeMs;
}

import axios, { AxiosError, type AxiosInstance } from 'axios';
import type { Logger } from '../host/logger';
import { SignalsError } from './signalsError';

export type PrometheusAuth =
  | { kind: 'none' }
  | { kind: 'bearer'; token: string }
  | { kind: 'basic'; username: string; password: string };

export interface PrometheusClientOptions {
  /** Base URL including any path prefix (`https://mimir.example/prometheus`). */
  url: string;
  auth?: PrometheusAuth;
  /** Extra headers, e.g. Mimir's `X-Scope-OrgID`. */
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Retries on 429/503 only, with exponential backoff. */
  maxRetries?: number;
  log?: Logger;
}

export interface VectorSample {
  metric: Record<string, string>;
  value: number;
}

/** Anything larger is not a Prometheus answer we asked for: refuse it rather than fill the editor's memory. */
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * A small client for the Prometheus HTTP API, which Thanos, Mimir, VictoriaMetrics and Grafana Cloud serve too.
 * Queries go as form-encoded POSTs (no URL length limit). Credentials are only ever sent to `url`'s origin:
 * redirects are not followed, so they cannot be carried elsewhere.
 */
export class PrometheusClient {
  private readonly http: AxiosInstance;
  private readonly origin: string;
  /** Credentials as they could come back in a backend's error text (a proxy echoing headers): never shown. */
  private readonly secrets: string[] = [];
  /** How many HTTP requests this client has made: a refresh's cost, reported by benchmarks. */
  requestCount = 0;

  constructor(private readonly options: PrometheusClientOptions) {
    let parsed: URL;
    try {
      parsed = new URL(options.url);
    } catch {
      throw new SignalsError('unreachable', `"${options.url}" is not a valid backend URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new SignalsError('unreachable', `"${options.url}" must start with http:// or https://`);
    }
    this.origin = parsed.origin;
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    const auth = options.auth ?? { kind: 'none' };
    if (auth.kind === 'bearer') this.secrets.push(auth.token);
    if (auth.kind === 'basic' && auth.password) this.secrets.push(auth.password, Buffer.from(`${auth.username}:${auth.password}`).toString('base64'));
    if (auth.kind === 'bearer') headers['Authorization'] = `Bearer ${auth.token}`;
    if (auth.kind === 'basic') {
      headers['Authorization'] = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    }
    this.http = axios.create({
      baseURL: options.url.replace(/\/+$/, ''),
      timeout: options.timeoutMs ?? 15000,
      headers,
      maxRedirects: 0,
      maxContentLength: MAX_RESPONSE_BYTES,
      maxBodyLength: MAX_RESPONSE_BYTES,
      responseType: 'text',
      transformResponse: [(data) => data],
      validateStatus: () => true,
      proxy: false,
    });
  }

  /** The URL without credentials, safe to show and log. */
  get displayUrl(): string {
    const u = new URL(this.options.url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  }

  async query(promql: string, time: number, signal?: AbortSignal): Promise<VectorSample[]> {
    const data = (await this.call('/api/v1/query', { query: promql, time: String(time) }, signal)) as Record<string, unknown>;
    if (data?.resultType !== 'vector' || !Array.isArray(data.result)) {
      throw new SignalsError('malformed', `Prometheus answered "${promql}" with a ${String(data?.resultType)}, not a vector`);
    }
    return (data.result as { metric: Record<string, string>; value: [number, string] }[])
      .map((r) => ({ metric: r?.metric ?? {}, value: Number(r?.value?.[1]) }))
      .filter((s) => Number.isFinite(s.value));
  }

  async queryRange(promql: string, start: number, end: number, step: number, signal?: AbortSignal) {
    const data = (await this.call(
      '/api/v1/query_range',
      { query: promql, start: String(start), end: String(end), step: String(step) },
      signal,
    )) as Record<string, unknown>;
    if (data?.resultType !== 'matrix' || !Array.isArray(data.result)) {
      throw new SignalsError('malformed', `Prometheus answered the range query "${promql}" with a ${String(data?.resultType)}, not a matrix`);
    }
    return (data.result as { metric: Record<string, string>; values: [number, string][] }[]).map((r) => ({
      metric: r.metric ?? {},
      values: (r.values ?? []).map(([t, v]) => [t, Number(v)] as [number, number]),
    }));
  }

  /** Label sets of the series matching any selector in `match` between start and end (Unix seconds). */
  async series(match: string[], start: number, end: number, signal?: AbortSignal): Promise<Record<string, string>[]> {
    const form = new URLSearchParams({ start: String(start), end: String(end) });
    for (const m of match) form.append('match[]', m);
    const data = await this.call('/api/v1/series', form, signal, match.join(' '));
    if (!Array.isArray(data)) throw new SignalsError('malformed', `Prometheus answered a series request with something other than a list`);
    return data as Record<string, string>[];
  }

  /** Label names, optionally only those of series matching `match`. */
  async labels(start: number, end: number, match: string[] = [], signal?: AbortSignal): Promise<string[]> {
    const form = new URLSearchParams({ start: String(start), end: String(end) });
    for (const m of match) form.append('match[]', m);
    const data = await this.call('/api/v1/labels', form, signal, 'label names');
    if (!Array.isArray(data)) throw new SignalsError('malformed', `Prometheus answered a labels request with something other than a list`);
    return data.map(String);
  }

  private async call(path: string, form: Record<string, string> | URLSearchParams, signal?: AbortSignal, what?: string): Promise<unknown> {
    try {
      return await this.attempt(path, form, signal, what);
    } catch (e) {
      throw e instanceof SignalsError ? new SignalsError(e.kind, this.redact(e.message.slice(0, e.message.length - (e.detail ? e.detail.length + 2 : 0))), e.detail && this.redact(e.detail)) : e;
    }
  }

  private redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (secret.length >= 4) out = out.split(secret).join('***');
    return out;
  }

  private async attempt(path: string, form: Record<string, string> | URLSearchParams, signal?: AbortSignal, what?: string): Promise<unknown> {
    const maxRetries = this.options.maxRetries ?? 2;
    const params = form instanceof URLSearchParams ? form : new URLSearchParams(form);
    const described = what ?? params.get('query') ?? path;
    const timeoutMs = this.options.timeoutMs ?? 15000;
    for (let attempt = 0; ; attempt++) {
      const started = Date.now();
      this.requestCount++;
      // axios' own timeout only notices an idle socket; a backend trickling bytes is stopped by this deadline.
      const deadline = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        deadline.abort();
      }, timeoutMs);
      const forward = () => deadline.abort();
      if (signal?.aborted) deadline.abort();
      signal?.addEventListener('abort', forward, { once: true });
      let res;
      try {
        res = await this.http.post(path, params.toString(), {
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          signal: deadline.signal,
        });
      } catch (e) {
        const err = timedOut && !signal?.aborted ? this.timeoutError() : this.transportError(e);
        this.logQuery(path, described, started, err.kind === 'cancelled' ? 'cancelled' : `failed: ${err.message}`);
        throw err;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', forward);
      }
      if ((res.status === 429 || res.status === 503) && attempt < maxRetries) {
        this.logQuery(path, described, started, `HTTP ${res.status}, retrying`);
        await delay(backoffMs(attempt, res.headers['retry-after']), signal);
        continue;
      }
      try {
        const data = this.parse(res.status, String(res.data ?? ''), described);
        const n = Array.isArray(data) ? data.length : Array.isArray((data as { result?: unknown[] })?.result) ? (data as { result: unknown[] }).result.length : 0;
        this.logQuery(path, described, started, `${n} result${n === 1 ? '' : 's'}`);
        return data;
      } catch (e) {
        this.logQuery(path, described, started, `failed: ${(e as Error).message}`);
        throw e;
      }
    }
  }

  /** Each query with its duration, so a slow panel of numbers can be traced to its query. Never credentials. */
  private logQuery(path: string, what: string, started: number, outcome: string): void {
    this.options.log?.info(this.redact(`${path.replace('/api/v1/', '')} (${Date.now() - started} ms, ${outcome}): ${what}`));
  }

  private parse(status: number, body: string, query: string): unknown {
    let json: { status?: string; data?: unknown; errorType?: string; error?: string } | undefined;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    if (status === 401 || status === 403) {
      throw new SignalsError(
        'unauthorised',
        `${this.displayUrl} refused the credentials (HTTP ${status}); set them with "Ops Lens: Set Backend Credentials" or OPS_LENS_PROMETHEUS_TOKEN`,
        json?.error ?? firstLine(body),
      );
    }
    if (status >= 300 && status < 400) {
      throw new SignalsError('server', `${this.displayUrl} redirected (HTTP ${status}); use the final URL, credentials are never sent to another origin`);
    }
    if (!json || typeof json !== 'object') {
      throw new SignalsError('malformed', `${this.displayUrl} did not answer with Prometheus JSON (HTTP ${status})`, firstLine(body));
    }
    if (json.status === 'success' && json.data !== undefined) return json.data;
    if (status === 400 || status === 422 || json.errorType === 'bad_data' || json.errorType === 'execution') {
      throw new SignalsError('bad-query', `Prometheus rejected the query ${query}`, json.error);
    }
    if (json.errorType === 'timeout') throw new SignalsError('timeout', `Prometheus timed out on ${query}`, json.error);
    if (status === 503 || status === 429) {
      throw new SignalsError('timeout', `${this.displayUrl} is overloaded (HTTP ${status}) and still was after ${this.options.maxRetries ?? 2} retries`, json.error);
    }
    throw new SignalsError('server', `${this.displayUrl} failed (HTTP ${status})`, json.error ?? firstLine(body));
  }

  private timeoutError(): SignalsError {
    return new SignalsError('timeout', `${this.displayUrl} did not answer within ${(this.options.timeoutMs ?? 15000) / 1000} s`);
  }

  private transportError(e: unknown): SignalsError {
    if (axios.isCancel(e) || (e as Error)?.name === 'CanceledError') return new SignalsError('cancelled', 'Cancelled');
    const err = e as AxiosError;
    const code = err.code ?? '';
    if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(err.message)) return this.timeoutError();
    if (code === 'ERR_BAD_RESPONSE' && /maxContentLength/.test(err.message)) {
      return new SignalsError('malformed', `${this.displayUrl} sent an answer larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB`);
    }
    const reasons: Record<string, string> = {
      ECONNREFUSED: 'connection refused',
      ENOTFOUND: 'host not found',
      EAI_AGAIN: 'host not found',
      ECONNRESET: 'the connection was closed before the answer was complete',
      EHOSTUNREACH: 'host unreachable',
      ENETUNREACH: 'network unreachable',
      EPROTO: 'TLS handshake failed',
      CERT_HAS_EXPIRED: 'its TLS certificate has expired',
      DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
      UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
    };
    const reason = reasons[code] ?? (/socket hang up|aborted/i.test(err.message) ? 'the connection was closed before the answer was complete' : code || err.message);
    return new SignalsError('unreachable', `Cannot reach Prometheus at ${this.displayUrl} (${reason})`);
  }

  /** Used by tests and the secret store: credentials belong to exactly one origin. */
  get credentialOrigin(): string {
    return this.origin;
  }
}

function backoffMs(attempt: number, retryAfter: unknown): number {
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds) && seconds > 0) return Math.min(seconds * 1000, 10000);
  // Jittered, so several editors retrying against one overloaded backend do not arrive together.
  return 250 * 2 ** attempt * (0.75 + Math.random() * 0.5);
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new SignalsError('cancelled', 'Cancelled'));
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new SignalsError('cancelled', 'Cancelled'));
    }, { once: true });
  });
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 200);
}

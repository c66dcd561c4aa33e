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
    const data = await this.call('/api/v1/query', { query: promql, time: String(time) }, signal);
    if (data.resultType !== 'vector' || !Array.isArray(data.result)) {
      throw new SignalsError('malformed', `Prometheus answered "${promql}" with a ${String(data.resultType)}, not a vector`);
    }
    return (data.result as { metric: Record<string, string>; value: [number, string] }[])
      .map((r) => ({ metric: r.metric ?? {}, value: Number(r.value?.[1]) }))
      .filter((s) => Number.isFinite(s.value));
  }

  async queryRange(promql: string, start: number, end: number, step: number, signal?: AbortSignal) {
    const data = await this.call(
      '/api/v1/query_range',
      { query: promql, start: String(start), end: String(end), step: String(step) },
      signal,
    );
    return (data.result as { metric: Record<string, string>; values: [number, string][] }[]).map((r) => ({
      metric: r.metric,
      values: r.values.map(([t, v]) => [t, Number(v)] as [number, number]),
    }));
  }

  private async call(path: string, form: Record<string, string>, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const maxRetries = this.options.maxRetries ?? 2;
    for (let attempt = 0; ; attempt++) {
      const started = Date.now();
      this.requestCount++;
      let res;
      try {
        res = await this.http.post(path, new URLSearchParams(form).toString(), {
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          signal,
        });
      } catch (e) {
        throw this.transportError(e);
      } finally {
        this.options.log?.debug(`${path} ${form.query} (${Date.now() - started} ms)`);
      }
      if ((res.status === 429 || res.status === 503) && attempt < maxRetries) {
        await delay(backoffMs(attempt, res.headers['retry-after']), signal);
        continue;
      }
      return this.parse(res.status, String(res.data ?? ''), form.query);
    }
  }

  private parse(status: number, body: string, query: string): Record<string, unknown> {
    let json: { status?: string; data?: Record<string, unknown>; errorType?: string; error?: string } | undefined;
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
    if (json.status === 'success' && json.data) return json.data;
    if (status === 400 || status === 422 || json.errorType === 'bad_data' || json.errorType === 'execution') {
      throw new SignalsError('bad-query', `Prometheus rejected the query ${query}`, json.error);
    }
    if (json.errorType === 'timeout' || status === 503) {
      throw new SignalsError('timeout', `Prometheus timed out on ${query}`, json.error);
    }
    throw new SignalsError('server', `${this.displayUrl} failed (HTTP ${status})`, json.error ?? firstLine(body));
  }

  private transportError(e: unknown): SignalsError {
    if (axios.isCancel(e) || (e as Error)?.name === 'CanceledError') return new SignalsError('cancelled', 'Cancelled');
    const err = e as AxiosError;
    const code = err.code ?? '';
    if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(err.message)) {
      return new SignalsError('timeout', `${this.displayUrl} did not answer within ${(this.options.timeoutMs ?? 15000) / 1000} s`);
    }
    if (code === 'ERR_BAD_RESPONSE' && /maxContentLength/.test(err.message)) {
      return new SignalsError('malformed', `${this.displayUrl} sent an answer larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB`);
    }
    const reason = code === 'ECONNREFUSED' ? 'connection refused' : code === 'ENOTFOUND' ? 'host not found' : code || err.message;
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
  return 250 * 2 ** attempt;
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

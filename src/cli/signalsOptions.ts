import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FileSystem } from '../core/host/fileSystem';
import { PrometheusClient, type PrometheusAuth } from '../core/signals/prometheusClient';
import { DEFAULT_PEAK_WINDOW, DEFAULT_USER_WINDOW, type FetchOptions } from '../core/signals/prometheusSignals';
import { isDuration } from '../core/signals/promql';
import { loadSignalsConfig } from '../core/signals/signalsConfig';
import { parseSnapshot } from '../core/signals/snapshot';
import { UsageError, type ParsedArgs } from './args';
import type { CliIo } from './io';

/** Credentials for the CLI come from the environment only, never from flags (they would land in shell history). */
export function prometheusClientFromEnv(url: string, env: Record<string, string | undefined>): PrometheusClient {
  let auth: PrometheusAuth = { kind: 'none' };
  if (env.OPS_LENS_PROMETHEUS_TOKEN) auth = { kind: 'bearer', token: env.OPS_LENS_PROMETHEUS_TOKEN };
  else if (env.OPS_LENS_PROMETHEUS_USER) {
    auth = { kind: 'basic', username: env.OPS_LENS_PROMETHEUS_USER, password: env.OPS_LENS_PROMETHEUS_PASSWORD ?? '' };
  }
  const headers: Record<string, string> = {};
  for (const part of (env.OPS_LENS_PROMETHEUS_HEADERS ?? '').split(/[;\n]/)) {
    const i = part.indexOf(':');
    if (i > 0) headers[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  const timeoutMs = Number(env.OPS_LENS_TIMEOUT_MS ?? 15000);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError(`OPS_LENS_TIMEOUT_MS must be a positive number of milliseconds (got "${env.OPS_LENS_TIMEOUT_MS}")`);
  try {
    return new PrometheusClient({ url, auth, headers, timeoutMs });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * What `check --prometheus` and `snapshot` fetch: the rate window (`--window`, default the last hour), 7-day
 * peaks, and the conventions of `.ops-lens.yaml` (its problems are said on stderr; the rest still applies).
 */
export async function fetchOptionsFromArgs(args: ParsedArgs, fs: FileSystem, io: CliIo): Promise<FetchOptions> {
  const window = args.flags.get('window') ?? DEFAULT_USER_WINDOW;
  if (!isDuration(window)) throw new UsageError(`--window must be a PromQL duration such as 5m, 1h or 1d (got "${window}")`);
  const config = await loadSignalsConfig((f) => fs.readText(f));
  for (const p of config.problems) io.err(`ops-lens: ${p}\n`);
  return { window, peakWindow: DEFAULT_PEAK_WINDOW, conventions: config.conventions };
}

export async function readSnapshotFile(file: string, cwd: string) {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read snapshot ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return parseSnapshot(text, file);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

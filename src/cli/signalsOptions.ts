import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PrometheusClient, type PrometheusAuth } from '../core/signals/prometheusClient';
import { parseSnapshot } from '../core/signals/snapshot';
import { UsageError } from './args';

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
  try {
    return new PrometheusClient({ url, auth, headers, timeoutMs: Number(env.OPS_LENS_TIMEOUT_MS ?? 15000) });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
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

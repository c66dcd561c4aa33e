import type { CapacitySetting } from '../model/environment';
import type { Located, SourceLocation } from '../model/location';

/**
 * Capacity numbers that recipes give as environment values or command-line flags. Only names that say what they
 * are count: a pool size must be called a pool, a timeout a timeout; anything else is left alone (quiet and right).
 */
const ENV_RULES: { kind: CapacitySetting['kind']; test: RegExp }[] = [
  { kind: 'workers', test: /^(WEB_CONCURRENCY|(GUNICORN_|UVICORN_|PUMA_|NUM_|APP_)?WORKERS|WORKER_COUNT|NUM_WORKERS|WORKER_PROCESSES)$/i },
  { kind: 'poolSize', test: /(^|_)(POOL_?(SIZE|MAX|MAX_SIZE|LIMIT)|MAX_?POOL(_SIZE)?|CONNECTION_?POOL(_SIZE)?|POOL)$/i },
  { kind: 'maxConnections', test: /(^|_)MAX_?CONN(ECTION)?S$/i },
  { kind: 'threads', test: /(^|_)(MAX_|MIN_)?THREADS$/i },
  { kind: 'concurrency', test: /(^|_)(CONCURRENCY|MAX_CONCURRENT_REQUESTS|MAX_IN_FLIGHT)$/i },
  { kind: 'timeout', test: /(^|_)TIMEOUT(_?(MS|MILLIS|MILLISECONDS|S|SEC|SECS|SECONDS))?$/i },
];

export function envSettings(env: Record<string, Located<string | undefined>>): CapacitySetting[] {
  const out: CapacitySetting[] = [];
  for (const [name, v] of Object.entries(env)) {
    if (v.value === undefined) continue;
    const rule = ENV_RULES.find((r) => r.test.test(name));
    if (!rule) continue;
    const value = rule.kind === 'timeout' ? seconds(v.value, /_?(MS|MILLIS|MILLISECONDS)$/i.test(name) ? 'ms' : 's') : count(v.value);
    if (value !== undefined) out.push({ kind: rule.kind, name, value, location: v.location });
  }
  return out;
}

/** Flags of the common servers: gunicorn, uvicorn, puma, sidekiq, celery, hypercorn, waitress. */
const FLAGS: { kind: CapacitySetting['kind']; flags: string[] }[] = [
  { kind: 'workers', flags: ['--workers', '-w', '--processes'] },
  { kind: 'threads', flags: ['--threads', '--max-threads'] },
  { kind: 'timeout', flags: ['--timeout', '--graceful-timeout', '--timeout-keep-alive', '--channel-timeout'] },
  { kind: 'concurrency', flags: ['--concurrency', '-c', '--worker-connections', '--limit-concurrency', '--backlog'] },
];

/** Settings from a command line, each located at its flag when the line's own position is known exactly. */
export function commandSettings(line: Located<string>, exactColumns = false): CapacitySetting[] {
  const out: CapacitySetting[] = [];
  const re = /(?:^|\s)(--?[a-z][\w-]*)(?:[=\s]+)(['"]?)([\w.:]+)\2/gi;
  for (const m of line.value.matchAll(re)) {
    const flag = m[1];
    let raw = m[3];
    // `-t` is gunicorn's timeout (`-t 30`) but puma's threads (`-t 5:16`).
    const rule = flag === '-t' ? { kind: raw.includes(':') ? ('threads' as const) : ('timeout' as const) } : FLAGS.find((f) => f.flags.includes(flag));
    if (!rule) continue;
    // `-c` is celery/sidekiq concurrency but gunicorn's config file: only numbers count.
    // puma `-t 5:16`: min:max threads; the max is what bounds concurrency.
    if (rule.kind === 'threads' && raw.includes(':')) raw = raw.split(':')[1];
    const value = rule.kind === 'timeout' ? seconds(raw, 's') : count(raw);
    if (value === undefined) continue;
    const location = exactColumns ? shift(line.location, (m.index ?? 0) + m[0].indexOf(flag), flag.length) : line.location;
    out.push({ kind: rule.kind, name: flag, value, location });
  }
  return out;
}

function shift(loc: SourceLocation, column: number, length: number): SourceLocation {
  const line = loc.range.start.line;
  const character = loc.range.start.character + column;
  return { file: loc.file, range: { start: { line, character }, end: { line, character: character + length } } };
}

function count(raw: string): number | undefined {
  const s = raw.trim();
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** `30`, `30s`, `500ms`, `2m`, `1h30m` (Go durations), `1.5`: seconds. A bare number is in `bareUnit`. */
export function seconds(raw: string, bareUnit: 's' | 'ms'): number | undefined {
  const s = raw.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return bareUnit === 'ms' ? Number(s) / 1000 : Number(s);
  if (!/^(\d+(\.\d+)?(ms|us|µs|ns|s|m|h))+$/.test(s)) return undefined;
  const unit: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ms|us|µs|ns|s|m|h)/g)) total += Number(m[1]) * unit[m[2]];
  return total;
}

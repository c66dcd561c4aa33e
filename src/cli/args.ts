import { parseEvaluationTime } from '../core/signals/evaluationTime';

/** A usage error: printed as one line, exit code 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  command: string;
  positional: string[];
  flags: Map<string, string>;
}

/** Flags that take a value; everything else after the command is positional. */
const VALUE_FLAGS = new Set(['prometheus', 'snapshot', 'at', 'base', 'format', 'fail-on', 'out', 'window']);
const BOOLEAN_FLAGS = new Set(['help', 'version']);

export function parseArgs(argv: string[]): ParsedArgs {
  const [command = 'help', ...rest] = argv;
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (BOOLEAN_FLAGS.has(name)) {
      flags.set(name, 'true');
    } else if (VALUE_FLAGS.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name} (see ops-lens help)`);
    }
  }
  return { command, positional, flags };
}

export function oneOf<T extends string>(flags: Map<string, string>, name: string, allowed: readonly T[], fallback: T): T {
  const v = flags.get(name) ?? fallback;
  if (!allowed.includes(v as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${v}")`);
  return v as T;
}

/** `--at`: RFC 3339 or Unix seconds → Unix seconds. */
export function parseTime(raw: string): number {
  try {
    return parseEvaluationTime(raw);
  } catch {
    throw new UsageError(`--at must be an RFC 3339 time or Unix seconds (got "${raw}")`);
  }
}

export const HELP = `ops-lens: production signals and ops warnings for the code that will change production load

Usage:
  ops-lens check [DIR] [--prometheus URL | --snapshot FILE] [--at TIME] [--base REF]
                 [--format text|json|sarif] [--fail-on error|warning|never]
  ops-lens services [DIR] [--format text|json]
  ops-lens releases [DIR] [--format text|json] [--prometheus URL | --snapshot FILE] [--at TIME]
  ops-lens snapshot [DIR] --prometheus URL [--at TIME] [--window DURATION] --out FILE
  ops-lens help | --version

--window: the range rates are averaged over with --prometheus (PromQL duration, default 1h).

Credentials for --prometheus come from the environment only:
  OPS_LENS_PROMETHEUS_TOKEN      bearer token
  OPS_LENS_PROMETHEUS_USER, OPS_LENS_PROMETHEUS_PASSWORD   basic auth
  OPS_LENS_PROMETHEUS_HEADERS    extra headers, "Name: value" separated by newlines or ";" (e.g. X-Scope-OrgID: tenant)

OPS_LENS_THREADS: threads that analyse the code of a workspace of 256 code files or more
  (default: one per processor, at most 8; 0: the main thread only).
OPS_LENS_ANALYSIS_CACHE: a folder where each code file's analysis is kept for the next run, which then parses
  only the files that changed (for a CI cache; a file per workspace, written after each run).

Exit codes: 0 clean (or below --fail-on), 1 warnings at or above --fail-on, 2 usage or input error.
`;

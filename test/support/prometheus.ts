// A real Prometheus (Debian's 2.42, installed by scripts/setup-hosts.sh) serving
// generated production history: generate OpenMetrics from a profile, backfill
// it with promtool, start prometheus on a free loopback port, wait until it is
// ready and the data is queryable.
//
//   const prom = await startPrometheus({ profile: 'shop' });
//   fetch(`${prom.url}/api/v1/query?query=...&time=${prom.end}`)
//   prom.truth.services.orders.routes[0].rps
//   await prom.stop();
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { generateOpenMetrics, type Truth } from '../../scripts/metrics/generate';
import { loadProfile } from '../../scripts/metrics/profile';
import { freePort } from './freePort';

export interface StartPrometheusOptions {
  /** Fixture name in test/fixtures/production (`shop`, `conventions`) or a path. Default `shop`. */
  profile?: string;
  /** Unix seconds of the last sample. Default: now, rounded down to the step. */
  end?: number;
  /** Hours of history. Default 6. */
  hours?: number;
  /** Seconds between samples. Default 15 (the scrape interval). */
  stepSeconds?: number;
  /** Passed as --web.config.file (e.g. basic auth with a bcrypt hash). */
  webConfigFile?: string;
  /** Credentials the readiness and data checks use when webConfigFile turns on basic auth. Without them a 401 counts as ready. */
  basicAuth?: { username: string; password: string };
}

export interface TestPrometheus {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  /** What correct queries at `end` return. */
  truth: Truth;
  /** Unix seconds of the last sample: query with `time=end`. */
  end: number;
  /** The temporary directory holding the TSDB, prom.yml and logs (removed by stop()). */
  dataDir: string;
  /** Milliseconds spent in each phase. */
  timings: { generateMs: number; backfillMs: number; startupMs: number };
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const POLL_MS = 25;

function findBinary(name: string, envVar: string): string {
  const fromEnv = process.env[envVar];
  const candidates = fromEnv ? [fromEnv] : [...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, name)), `/usr/bin/${name}`];
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // next
    }
  }
  throw new Error(`${name} not found (looked in ${fromEnv ? envVar : 'PATH and /usr/bin'}). Run scripts/setup-hosts.sh to install Debian's prometheus and promtool.`);
}

function execOrThrow(file: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (err) reject(new Error(`${file} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
      else resolve();
    });
  });
}

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** promtool picks the largest of 2h, 6h, 18h, 54h, … not above this; ask for enough to get one or two blocks. */
function maxBlockDuration(hours: number): string {
  return `${Math.max(24, Math.ceil(hours))}h`;
}

interface Running {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
  hasExited: () => boolean;
}

function startProcess(bin: string, args: string[], cwd: string): Running {
  const child = spawn(bin, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    log += chunk;
    if (log.length > 64 * 1024) log = log.slice(-64 * 1024);
  });
  let done = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once('error', (err) => {
      log += `\nspawn error: ${err.message}`;
      done = true;
      resolve(null);
    });
    child.once('exit', (code) => {
      done = true;
      resolve(code);
    });
  });
  return { child, stderr: () => log, exited, hasExited: () => done };
}

async function waitReady(url: string, proc: Running, headers: Record<string, string>, end: number, checkData: boolean): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  const failure = (why: string): Error => new Error(`prometheus at ${url} ${why} (last: ${last}). Its stderr:\n${proc.stderr().trim()}`);
  // 1. /-/ready answers 200 once the TSDB is open.
  for (;;) {
    if (proc.hasExited()) throw failure('exited before it was ready');
    try {
      const res = await fetch(`${url}/-/ready`, { headers, signal: AbortSignal.timeout(2000) });
      last = `HTTP ${res.status}`;
      await res.arrayBuffer();
      if (res.ok) break;
      if (res.status === 401 && !checkData) return; // auth on, no credentials: it is up, that is all we can tell
    } catch (err) {
      last = (err as Error).message;
    }
    if (Date.now() > deadline) throw failure(`was not ready after ${READY_TIMEOUT_MS / 1000} s`);
    await delay(POLL_MS);
  }
  if (!checkData) return;
  // 2. The backfilled blocks answer a query at `end`.
  const query = new URLSearchParams({ query: 'count({__name__=~".+"})', time: String(end) });
  for (;;) {
    if (proc.hasExited()) throw failure('exited after it was ready');
    try {
      const res = await fetch(`${url}/api/v1/query?${query}`, { headers, signal: AbortSignal.timeout(5000) });
      const body = (await res.json()) as { status: string; data?: { result?: Array<{ value: [number, string] }> }; error?: string };
      last = `HTTP ${res.status} ${JSON.stringify(body).slice(0, 200)}`;
      if (body.status === 'success' && Number(body.data?.result?.[0]?.value[1]) > 0) return;
    } catch (err) {
      last = (err as Error).message;
    }
    if (Date.now() > deadline) throw failure(`did not serve the backfilled data at time=${end} within ${READY_TIMEOUT_MS / 1000} s`);
    await delay(POLL_MS);
  }
}

async function stopProcess(proc: Running): Promise<void> {
  if (proc.hasExited()) return;
  proc.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const killed = await Promise.race([
    proc.exited.then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 10_000))),
  ]);
  clearTimeout(timer);
  if (!killed) {
    proc.child.kill('SIGKILL');
    await proc.exited;
  }
}

/** Generates history for a profile, backfills it with promtool and serves it from a real Prometheus on 127.0.0.1. */
export async function startPrometheus(opts: StartPrometheusOptions = {}): Promise<TestPrometheus> {
  const prometheus = findBinary('prometheus', 'OPS_LENS_PROMETHEUS');
  const promtool = findBinary('promtool', 'OPS_LENS_PROMTOOL');
  const step = opts.stepSeconds ?? 15;
  const hours = opts.hours ?? 6;
  const end = opts.end ?? Math.floor(Date.now() / 1000 / step) * step;
  const profile = loadProfile(opts.profile ?? 'shop');

  const dir = await mkdtemp(join(tmpdir(), 'ops-lens-prom-'));
  let running: Running | undefined;
  const killOnExit = (): void => {
    running?.child.kill('SIGKILL');
  };
  try {
    let t0 = performance.now();
    const { text, truth } = generateOpenMetrics(profile, { end, hours, stepSeconds: step });
    const input = join(dir, 'data.om');
    await writeFile(input, text);
    const generateMs = performance.now() - t0;

    t0 = performance.now();
    const tsdb = join(dir, 'tsdb');
    await execOrThrow(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', `--max-block-duration=${maxBlockDuration(hours)}`, '--quiet', input, tsdb], dir);
    await rm(input);
    const backfillMs = performance.now() - t0;

    const config = join(dir, 'prom.yml');
    await writeFile(config, 'global: {scrape_interval: 15s}\nscrape_configs: []\n');
    const headers: Record<string, string> = {};
    if (opts.basicAuth) headers.authorization = `Basic ${Buffer.from(`${opts.basicAuth.username}:${opts.basicAuth.password}`).toString('base64')}`;
    const checkData = !opts.webConfigFile || !!opts.basicAuth;

    t0 = performance.now();
    process.once('exit', killOnExit);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const args = [
        `--config.file=${config}`,
        `--storage.tsdb.path=${tsdb}`,
        '--storage.tsdb.retention.time=10y',
        `--web.listen-address=127.0.0.1:${port}`,
      ];
      if (opts.webConfigFile) args.push(`--web.config.file=${opts.webConfigFile}`);
      running = startProcess(prometheus, args, dir);
      try {
        await waitReady(url, running, headers, end, checkData);
      } catch (err) {
        await stopProcess(running);
        // Someone took the port between freePort() and the bind: try another.
        if (attempt < 3 && /address already in use/i.test(running.stderr())) continue;
        throw err;
      }
      const startupMs = performance.now() - t0;
      const proc = running;
      let stopped: Promise<void> | undefined;
      return {
        url,
        port,
        truth,
        end,
        dataDir: dir,
        timings: { generateMs, backfillMs, startupMs },
        stop: () =>
          (stopped ??= (async () => {
            await stopProcess(proc);
            process.removeListener('exit', killOnExit);
            await rm(dir, { recursive: true, force: true });
          })()),
      };
    }
  } catch (err) {
    if (running) await stopProcess(running);
    process.removeListener('exit', killOnExit);
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

// The real things the host and UI tests run against: code-server (real VS Code),
// Debian Chromium, and a real Prometheus behind a prepared copy of examples/shop.
// Nothing here is mocked; when a host cannot be installed the tests fail loudly.
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface HostPaths {
  node24: string;
  codeServerEntry: string;
  chromium: string;
  prometheus: string;
  promtool: string;
}

// Maps setup-hosts.sh's KEY=VALUE output to HostPaths fields.
const keys: Record<string, keyof HostPaths> = {
  NODE24: 'node24',
  CODE_SERVER_ENTRY: 'codeServerEntry',
  CHROMIUM: 'chromium',
  PROMETHEUS: 'prometheus',
  PROMTOOL: 'promtool',
};

let cached: Promise<HostPaths> | undefined;

/**
 * Runs scripts/setup-hosts.sh once per process (idempotent; milliseconds when the
 * cache is warm) and returns the paths it prints. Its progress (stderr) is shown
 * live, since a cold install takes minutes. Any failure is an error, in CI and
 * locally alike: these tests are meaningless without the real hosts.
 */
export function hostPaths(): Promise<HostPaths> {
  cached ??= runSetup();
  return cached;
}

function runSetup(): Promise<HostPaths> {
  const script = join(repoRoot, 'scripts/setup-hosts.sh');
  return new Promise((resolvePaths, reject) => {
    const child = spawn('bash', [script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderrTail = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      process.stderr.write(d);
      stderrTail = (stderrTail + d).slice(-4000);
    });
    child.on('error', (err) => reject(setupError(`could not run ${script}: ${err.message}`, stderrTail)));
    child.on('close', (code, signal) => {
      if (code !== 0) {
        return reject(setupError(`${script} exited with ${signal ?? `code ${code}`}`, stderrTail));
      }
      try {
        resolvePaths(parseSetupOutput(stdout));
      } catch (err) {
        reject(setupError((err as Error).message, stderrTail));
      }
    });
  });
}

/** Parses KEY=VALUE lines; every key must be present and point at an existing file. */
export function parseSetupOutput(stdout: string): HostPaths {
  const paths: Partial<HostPaths> = {};
  for (const line of stdout.split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m && keys[m[1]]) paths[keys[m[1]]] = m[2];
  }
  for (const [key, field] of Object.entries(keys)) {
    const value = paths[field];
    if (!value) throw new Error(`setup-hosts.sh printed no ${key}= line`);
    if (!existsSync(value)) throw new Error(`setup-hosts.sh printed ${key}=${value}, which does not exist`);
  }
  return paths as HostPaths;
}

function setupError(what: string, stderrTail: string): Error {
  const where = process.env.CI === 'true' ? 'CI=true: this is fatal' : 'host and UI tests need these hosts';
  return new Error(
    `Could not set up the real test hosts (code-server, Chromium, Prometheus): ${what}.\n` +
      `${where}; fix the cause above or run \`bash scripts/setup-hosts.sh\` by hand.\n` +
      (stderrTail ? `--- setup-hosts.sh stderr (tail) ---\n${stderrTail}` : ''),
  );
}

/** Runs a program with an argument array (no shell), failing with its output on a non-zero exit. */
export async function run(file: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  try {
    return await execFileAsync(file, args, { ...opts, maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const e = err as Error & { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

export interface TestWorkspace {
  /** Absolute path of the workspace folder (a git repo copy of examples/shop). */
  folder: string;
  prometheusUrl: string;
  /** JSON file with the generated truth the Prometheus data was built from. */
  truthFile: string;
  /** Environment the in-host tests read (OPS_LENS_TEST_*). */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/**
 * Starts a real Prometheus with backfilled production data and prepares a
 * throwaway copy of examples/shop pointing at it: a git repo with one commit
 * (the extension reads git state) and `.vscode/settings.json` with the URL.
 * Shared by the host layer, the UI layer and test:electron so they see the same workspace.
 */
export async function startTestWorkspace(opts: { profile?: string } = {}): Promise<TestWorkspace> {
  // Imported lazily: prometheus.ts is only needed by the layers that start one.
  const { startPrometheus } = await import('./prometheus');
  const root = mkdtempSync(join(tmpdir(), 'ops-lens-ws-'));
  let prom: Awaited<ReturnType<typeof startPrometheus>> | undefined;
  try {
    prom = await startPrometheus(opts.profile ? { profile: opts.profile } : {});
    const folder = join(root, 'shop');
    cpSync(join(repoRoot, 'examples/shop'), folder, {
      recursive: true,
      filter: (src) => !/[\\/](node_modules|\.git)$/.test(src),
    });
    const git = (...args: string[]) =>
      run('git', ['-c', 'user.name=Ops Lens Tests', '-c', 'user.email=tests@ops-lens.invalid', '-c', 'commit.gpgsign=false', ...args], {
        cwd: folder,
      });
    await git('init', '-q', '-b', 'main');
    await git('add', '-A');
    await git('commit', '-q', '-m', 'fixture: examples/shop');

    const settingsFile = join(folder, '.vscode/settings.json');
    mkdirSync(dirname(settingsFile), { recursive: true });
    writeFileSync(
      settingsFile,
      JSON.stringify({ ...readJsonIfAny(settingsFile), 'opsLens.prometheus.url': prom.url, 'opsLens.signals.snapshot': '', 'opsLens.signals.at': String(prom.end) }, null, 2),
    );
    const truthFile = join(root, 'truth.json');
    writeFileSync(truthFile, JSON.stringify(prom.truth));

    const stopProm = prom;
    return {
      folder,
      prometheusUrl: prom.url,
      truthFile,
      env: { OPS_LENS_TEST_PROMETHEUS_URL: prom.url, OPS_LENS_TEST_TRUTH_FILE: truthFile },
      async dispose() {
        await stopProm.stop();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await prom?.stop();
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
}

/** Existing settings are kept if they are plain JSON (examples may ship some). */
function readJsonIfAny(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

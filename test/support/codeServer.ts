// Starts real code-server instances (VS Code server + web workbench) for tests,
// each fully isolated in its own run directory and always cleaned up.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './freePort';
import { type HostPaths, hostPaths, run } from './hosts';

export interface CodeServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  port: number;
  runDir: string;
  pid: number;
  extensionsDir: string;
  /** Kills the whole process tree (server, extension hosts, pty host) and removes runDir. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Adds `--vscode-option enable-smoke-test-driver`, needed for the extensionTestsPath payload. */
  smokeTestDriver: boolean;
  folder?: string;
  extensionsDir?: string;
  settings?: Record<string, unknown>;
  /**
   * Workspace trust as a user has it: on, with no prompt at startup, so the opened folder is in Restricted Mode
   * until trusted. Off by default (real-hosts.md): other sessions run trusted.
   */
  workspaceTrust?: boolean;
}

/** The settings that make folders open untrusted, silently: Restricted Mode from the first moment. */
const restrictedSettings: Record<string, unknown> = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
};

/** Keeps background agents, walkthroughs and update checks from starting (see real-hosts.md). */
export const quietSettings: Record<string, unknown> = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  // The empty chat side bar would take a third of every screenshot.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
};

const readyTimeoutMs = 30_000;

/**
 * HOME/TMPDIR/XDG_* inside runDir: code-server and Chromium otherwise write into the
 * real home and /tmp, and runs would see each other's state.
 */
export function isolatedEnv(runDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, sub] of [
    ['HOME', 'home'],
    ['TMPDIR', 'tmp'],
    ['XDG_CONFIG_HOME', 'xdg/config'],
    ['XDG_CACHE_HOME', 'xdg/cache'],
    ['XDG_DATA_HOME', 'xdg/data'],
    ['XDG_STATE_HOME', 'xdg/state'],
  ]) {
    env[key] = join(runDir, sub);
    mkdirSync(env[key]!, { recursive: true });
  }
  // Don't let a parent's NODE_OPTIONS (e.g. tsx's --import) leak into the Node 24 server.
  delete env.NODE_OPTIONS;
  return env;
}

export async function startCodeServer(opts: StartOptions): Promise<CodeServer> {
  const paths = await hostPaths();
  const runDir = mkdtempSync(join(tmpdir(), 'ops-lens-cs-'));
  const env = isolatedEnv(runDir);
  const userDataDir = join(runDir, 'ud');
  const extensionsDir = opts.extensionsDir ?? join(runDir, 'ext');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({ ...quietSettings, ...(opts.workspaceTrust ? restrictedSettings : {}), ...opts.settings }, null, 2));
  // An explicit (empty) config, or code-server writes a default one with a password.
  writeFileSync(join(runDir, 'config.yaml'), 'auth: none\n');

  // A free port can be taken before code-server binds it: retry with another then.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(paths, runDir, env, extensionsDir, opts);
    } catch (err) {
      if (attempt < 3 && /EADDRINUSE/.test((err as Error).message)) continue;
      rmSync(runDir, { recursive: true, force: true });
      throw err;
    }
  }
}

async function launch(paths: HostPaths, runDir: string, env: NodeJS.ProcessEnv, extensionsDir: string, opts: StartOptions): Promise<CodeServer> {
  const port = await freePort();
  const args = [
    paths.codeServerEntry,
    '--config', join(runDir, 'config.yaml'),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    // Without this, extension hosts of closed pages live on for 3 hours.
    '--reconnection-grace-time', '5',
    '--extensions-dir', extensionsDir,
    '--user-data-dir', join(runDir, 'ud'),
    ...(opts.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(opts.folder ? [opts.folder] : []),
  ];
  // detached: its own process group, so stop() can kill the server with every child it forked.
  const child = spawn(paths.node24, args, { cwd: runDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (d: Buffer) => {
    output.push(d.toString());
    if (output.length > 400) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  track(child, runDir);
  try {
    await waitForHealthz(`http://127.0.0.1:${port}`, child, output);
  } catch (err) {
    await killTree(child);
    throw err;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    runDir,
    pid: child.pid!,
    extensionsDir,
    async stop() {
      await killTree(child);
      rmSync(runDir, { recursive: true, force: true });
    },
  };
}

/** Polls /healthz (bounded) instead of sleeping; fails fast if the process exits. */
async function waitForHealthz(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output.join('')}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server was not ready at ${url}/healthz within ${readyTimeoutMs / 1000}s:\n${output.join('')}`);
}

/**
 * Installs a .vsix into extensionsDir with code-server's own CLI (about a second),
 * isolated like a server run so nothing lands in the real home.
 */
export async function installVsix(paths: Pick<HostPaths, 'node24' | 'codeServerEntry'>, extensionsDir: string, vsixPath: string) {
  const runDir = mkdtempSync(join(tmpdir(), 'ops-lens-install-'));
  try {
    mkdirSync(extensionsDir, { recursive: true });
    await run(
      paths.node24,
      [paths.codeServerEntry, '--user-data-dir', join(runDir, 'ud'), '--extensions-dir', extensionsDir, '--force', '--install-extension', vsixPath],
      { cwd: runDir, env: isolatedEnv(runDir) },
    );
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

// --- process-tree cleanup -------------------------------------------------------

// Running servers and their run dirs, for the emergency cleanup below.
const live = new Map<ChildProcess, string>();

function track(child: ChildProcess, runDir: string) {
  live.set(child, runDir);
  child.once('exit', () => live.delete(child));
}

/** SIGTERM to the process group, SIGKILL if it is still there after 5 s. */
export async function killTree(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  signalGroup(child.pid, 'SIGTERM');
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') {
    signalGroup(child.pid, 'SIGKILL');
    await exited;
  }
  // Grandchildren that outlived the leader still belong to the group.
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Group already gone.
  }
}

// Detached groups don't get the terminal's Ctrl+C, and a crashing test process
// skips stop(): kill what is still running synchronously on the way out. On
// SIGINT/SIGTERM exit explicitly, since a signal's default action skips 'exit'
// handlers (ours, Prometheus's and Playwright's alike).
process.once('exit', () => {
  for (const [c, runDir] of live) {
    if (c.pid) signalGroup(c.pid, 'SIGKILL');
    rmSync(runDir, { recursive: true, force: true });
  }
});
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(sig, () => process.exit(code));
}

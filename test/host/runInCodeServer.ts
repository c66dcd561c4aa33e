// Runs the extension-host suite (dist/test/host/index.js) inside a real VS Code:
// code-server's web workbench honours the same test payload as @vscode/test-web
// when started with `--vscode-option enable-smoke-test-driver`; headless Chromium
// opens it and the workbench reports the suite's exit code back to the page.
import { format } from 'node:util';
import { type Browser, launchBrowser } from '../support/browser';
import { type CodeServer, startCodeServer } from '../support/codeServer';

export interface HostSuiteOptions {
  /** Folder with the extension's package.json. */
  extensionDevelopmentPath: string;
  /** The bundled suite entry exporting run(). */
  extensionTestsPath: string;
  /** Workspace folder to open. */
  folder: string;
  /** Becomes the extension host's process.env additions. */
  env: Record<string, string>;
  timeoutMs?: number;
  /** Open the folder in Restricted Mode (workspace trust on, never granted), on a server of its own. */
  restricted?: boolean;
}

export interface HostSuiteResult {
  exitCode: number;
  log: string[];
}

// Workbench chatter that is expected on a machine without internet (kept in `log`,
// not printed): marketplace lookups and GitHub auth.
const noise = [/open-vsx\.org/, /github\.com\/login|GitHub auth/i, /^Resolv(ing|ed) connection token|^Creating a socket/];

// One smoke-test-driver server per trust mode serves consecutive runs (it starts in ~0.5 s;
// each run then costs ~6-8 s of workbench and extension-host startup).
const shared = new Map<'trusted' | 'restricted', Promise<CodeServer>>();

function sharedServer(mode: 'trusted' | 'restricted'): Promise<CodeServer> {
  let server = shared.get(mode);
  if (!server) {
    server = startCodeServer({ smokeTestDriver: true, workspaceTrust: mode === 'restricted' });
    shared.set(mode, server);
    // A failed start must not be cached for the next caller.
    server.catch(() => shared.delete(mode));
  }
  return server;
}

/** Stops the servers runHostSuite started, if any. Call once when done with all runs. */
export async function stopHostServer(): Promise<void> {
  const servers = [...shared.values()];
  shared.clear();
  await Promise.all(servers.map(async (s) => (await s.catch(() => undefined))?.stop()));
}

/** The workbench URL carrying the test payload (paths become vscode-remote URIs on this server). */
export function payloadUrl(server: CodeServer, opts: HostSuiteOptions): string {
  const remote = (path: string) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(opts.extensionDevelopmentPath)],
    ['extensionTestsPath', remote(opts.extensionTestsPath)],
    ['extensionEnvironment', JSON.stringify(opts.env)],
  ];
  return `${server.url}/?folder=${encodeURIComponent(opts.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Runs the suite once and resolves with the exit code the workbench reports through
 * window.codeAutomationExit (the server log claims exit code 0 even when tests fail).
 * The extension host's console is streamed to stdout as it arrives.
 */
export async function runHostSuite(opts: HostSuiteOptions): Promise<HostSuiteResult> {
  const timeoutMs = opts.timeoutMs ?? 5 * 60_000;
  const log: string[] = [];
  const server = await sharedServer(opts.restricted ? 'restricted' : 'trusted');
  let browser: Browser | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    browser = await launchBrowser();
    const { page } = browser;
    let onExit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (onExit = resolve));
    // Both hooks must exist before the workbench loads, hence before goto.
    let finished = false;
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      finished = true;
      onExit(Number(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      // The host forwards console.log's raw arguments (mocha uses printf-style formats).
      // Plain text: mocha colours its check marks under CI=true even with color: false.
      const text = (Array.isArray(args) ? format(...args) : String(args)).replace(/\x1b\[[0-9;]*m/g, '');
      log.push(text);
      // After the exit code, only shutdown chatter ("Canceled") follows.
      if (finished || noise.some((re) => re.test(text))) return;
      process.stdout.write(type === 'error' ? text.replace(/^/gm, '[host:error] ') + '\n' : `${text}\n`);
    });
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `The extension-host suite did not finish within ${timeoutMs / 1000}s ` +
                `(no codeAutomationExit). Last host output:\n${log.slice(-30).join('\n')}`,
            ),
          ),
        timeoutMs,
      );
    });
    await page.goto(payloadUrl(server, opts));
    const exitCode = await Promise.race([exited, timedOut]);
    return { exitCode, log };
  } finally {
    clearTimeout(timer);
    await browser?.close();
  }
}

// A person's view of Ops Lens: a plain code-server (no smoke-test driver, so
// notifications show as they would for a user) with the packaged extension
// installed from dist/ops-lens.vsix, the prepared examples/shop workspace backed by
// a real Prometheus, and a Playwright page on the workbench.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type Browser, launchBrowser, openWorkbench, screenshot } from '../support/browser';
import { type CodeServer, installVsix, startCodeServer } from '../support/codeServer';
import { hostPaths, repoRoot, startTestWorkspace, type TestWorkspace } from '../support/hosts';

export interface UiSession {
  page: Page;
  server: CodeServer;
  workspace: TestWorkspace;
  /** Stops browser, code-server and Prometheus and removes every temp dir, in reverse order. */
  close(): Promise<void>;
}

export async function startUiSession(opts: { vsixPath?: string } = {}): Promise<UiSession> {
  const vsix = opts.vsixPath ?? join(repoRoot, 'dist/ops-lens.vsix');
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);

  // Every started piece registers its cleanup here, so a failure halfway still cleans up.
  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  };
  try {
    const extensionsDir = mkdtempSync(join(tmpdir(), 'ops-lens-ui-ext-'));
    cleanups.push(() => rmSync(extensionsDir, { recursive: true, force: true }));
    await installVsix(await hostPaths(), extensionsDir, vsix);

    const workspace = await startTestWorkspace();
    cleanups.push(() => workspace.dispose());
    const server = await startCodeServer({
      smokeTestDriver: false,
      folder: workspace.folder,
      extensionsDir,
      // The example has no node_modules, so the built-in TypeScript checker would
      // squiggle `import 'express'` too: only Ops Lens's squiggles should count.
      settings: { 'typescript.validate.enable': false, 'javascript.validate.enable': false },
    });
    cleanups.push(() => server.stop());
    const browser: Browser = await launchBrowser();
    cleanups.push(() => browser.close());

    await openWorkbench(browser.page, `${server.url}/?folder=${encodeURIComponent(workspace.folder)}`);
    return { page: browser.page, server, workspace, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * The hooks every UI suite needs, registered in the calling `describe`: one code-server session for the suite,
 * closed after it, and a screenshot of what the person saw whenever a test fails. Returns the session.
 */
export function useUiSession(prepare?: (session: UiSession) => void | Promise<void>): () => UiSession {
  let session: UiSession | undefined;
  before(async () => {
    session = await startUiSession();
    await prepare?.(session);
  });
  after(async () => {
    await session?.close();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) await screenshot(session.page, `failed-${this.currentTest.title}`);
  });
  return () => {
    if (!session) throw new Error('the UI session did not start');
    return session;
  };
}

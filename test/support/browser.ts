// Drives the code-server workbench like a person would, with Playwright and
// Debian's Chromium (playwright-core downloads no browser of its own).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { isolatedEnv } from './codeServer';
import { hostPaths, repoRoot } from './hosts';

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Flags that held on a container without GPU, sandbox or network beyond npm/Debian. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A fresh persistent context (launch() refuses --user-data-dir) in a throwaway
 * profile, with HOME/XDG isolated so Chromium writes nothing outside it.
 */
export async function launchBrowser(): Promise<Browser> {
  const { chromium: executablePath } = await hostPaths();
  const runDir = mkdtempSync(join(tmpdir(), 'ops-lens-chromium-'));
  const context = await chromium.launchPersistentContext(join(runDir, 'profile'), {
    executablePath,
    headless: true,
    args: chromiumArgs,
    env: isolatedEnv(runDir) as Record<string, string>,
    viewport: { width: 1400, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(runDir, { recursive: true, force: true });
    },
  };
}

/** Opens the workbench and waits until it is rendered. */
export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
}

/**
 * Ctrl+P, type the path, pick the matching row, and wait for its editor tab.
 * No click first: a click can land on a Welcome-page link.
 */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  const name = basename(fileName);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(fileName);
  await page.locator(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor();
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().waitFor();
}

/** F1, type the command title, run the row showing it, and wait for the picker to close. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator(`.quick-input-list .monaco-list-row:has-text("${title}")`).first().click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Saves `.test-artifacts/screenshots/<name>.png` in the repo (gitignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(repoRoot, '.test-artifacts/screenshots');
  mkdirSync(dir, { recursive: true });
  const safe = name.replace(/\.png$/, '').replace(/[^\w.-]+/g, '-');
  const file = join(dir, `${safe}.png`);
  await page.screenshot({ path: file });
  return file;
}

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
  await moveOn(page, `opening ${fileName}`, () => input.press('Enter'));
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor();
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().waitFor();
}

/**
 * What identifies the quick input's current step in the page: its title and placeholder, '' while hidden. A source
 * string, because this project compiles without the DOM library.
 */
const QUICK_INPUT_STEP = `(() => {
  const widget = document.querySelector('.quick-input-widget');
  if (!widget || widget.style.display === 'none') return '';
  const title = widget.querySelector('.quick-input-title')?.textContent ?? '';
  const placeholder = widget.querySelector('input')?.getAttribute('placeholder') ?? '';
  return title + '|' + placeholder;
})()`;

/**
 * Does `act` (a click on a row, Enter) and waits for the quick input to leave the step it was on.
 * The workbench drops input that arrives while it is still filling a new step's list; then the step stays, and the
 * action is made again, only ever on that same step, so an answer cannot land on the next one.
 */
async function moveOn(page: Page, what: string, act: () => Promise<void>): Promise<void> {
  const from = (await page.evaluate(QUICK_INPUT_STEP)) as string;
  for (let attempt = 1; attempt <= 5; attempt++) {
    await act();
    const moved = await page.waitForFunction(`${QUICK_INPUT_STEP} !== ${JSON.stringify(from)}`, undefined, { timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (moved) return;
  }
  throw new Error(`the quick input stayed at "${from}" after ${what}, five times`);
}

/** Clicks the row showing `row` in the open quick input, and waits for the input to move on from that step. */
export async function pickRow(page: Page, row: string): Promise<void> {
  const target = page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first();
  await target.waitFor();
  await moveOn(page, `picking "${row}"`, () => target.click());
}

/** Types `value` into the open input box and presses Enter, waiting for the box to accept it and move on. */
export async function enterValue(page: Page, value: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.fill(value);
  await moveOn(page, `entering "${value}"`, () => input.press('Enter'));
}

/** F1, type the command title, run the row showing it, and wait for the palette to move on. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await pickRow(page, title);
}

/** Ctrl+G to `line:column`, waiting until the status bar shows the cursor there. */
export async function goToLine(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await moveOn(page, `going to ${line}:${column}`, () => input.press('Enter'));
  await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor();
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

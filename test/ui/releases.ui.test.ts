// A person opens the Ops Lens sidebar and sees the upcoming releases, each with its risk counts computed from
// real production numbers (a real Prometheus), expands one, and opens its ops brief in the Markdown preview.
// The history is real git: v1.0.0 without the hot-path loops, release/1.1 adding the orders loops, main adding
// the catalog's per-product price calls; the working tree ends exactly as the example ships.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { pickRow, runCommand, screenshot } from '../support/browser';
import { useUiSession } from './support';

const ORDERS = 'services/orders/src/routes/orders.ts';
const CATALOG = 'services/catalog/app/main.py';
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** The file without the given 1-based line ranges: the code before the hazards were added. */
function without(text: string, ...ranges: [number, number][]): string {
  return text
    .split('\n')
    .filter((_, i) => !ranges.some(([a, b]) => i + 1 >= a && i + 1 <= b))
    .join('\n');
}

/**
 * Rewrites the workspace's history with plumbing (the working tree is never touched, so the editor sees no file
 * change): v1.0.0 → release/1.1 (+ orders loops, #7) → main (+ catalog price calls, #9) = the example as shipped.
 */
function buildHistory(dir: string): void {
  const git = (args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}) =>
    execFileSync('git', ['-c', 'user.name=Ops Lens Tests', '-c', 'user.email=tests@ops-lens.invalid', ...args], { cwd: dir, encoding: 'utf8', ...opts }).trim();
  const fixture = git(['rev-parse', 'HEAD']);
  const index = join(dir, '.git', 'ops-lens-ui-index');
  const env = { ...process.env, GIT_INDEX_FILE: index };
  const tree = (files: Record<string, string>) => {
    git(['read-tree', fixture], { env });
    for (const [file, text] of Object.entries(files)) git(['update-index', '--add', '--cacheinfo', `100644,${git(['hash-object', '-w', '--stdin'], { input: text })},${file}`], { env });
    return git(['write-tree'], { env });
  };
  const orders = readFileSync(join(dir, ORDERS), 'utf8');
  const catalog = readFileSync(join(dir, CATALOG), 'utf8');
  const v100 = git(['commit-tree', tree({ [ORDERS]: without(orders, [22, 27], [42, 52]), [CATALOG]: without(catalog, [26, 29]) }), '-m', 'Shop 1.0']);
  const r11 = git(['commit-tree', tree({ [CATALOG]: without(catalog, [26, 29]) }), '-p', v100, '-m', 'Show items on the orders page and reserve stock (#7)']);
  const next = git(['commit-tree', tree({}), '-p', r11, '-m', 'Live prices on the product list (#9)']);
  rmSync(index, { force: true });
  git(['tag', 'v1.0.0', v100]);
  git(['update-ref', 'refs/heads/release/1.1', r11]);
  git(['update-ref', 'refs/heads/main', next]);
  mkdirSync(join(dir, '.ops-lens'), { recursive: true });
  writeFileSync(
    join(dir, '.ops-lens/releases.yaml'),
    ['releases:', '  - version: "1.1.0"', `    date: ${inDays(5)}`, `    freeze: ${inDays(-1)}`, '    environments: [staging, production]', '    owner: team-orders', '  - version: "1.2.0"', '    title: Live prices', `    date: ${inDays(12)}`, ''].join('\n'),
  );
}

/** The frame of the Markdown preview that shows `text` (webviews nest an iframe in an iframe). */
async function previewFrame(page: Page, text: string): Promise<Frame> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      if (await f.locator(`text=${text}`).first().isVisible().catch(() => false)) return f;
    }
    await page.waitForEvent('framenavigated', { timeout: 2000 }).catch(() => undefined);
  }
  throw new Error(`no preview frame shows "${text}"`);
}

describe('UI: the Releases view and the ops brief in code-server', function () {
  this.timeout(240_000);
  const session = useUiSession((s) => buildHistory(s.workspace.folder));

  it('shows two upcoming releases with their risk counts, and the ops brief in the preview', async () => {
    const { page } = session();
    await page.locator('.part.activitybar .action-label[aria-label^="Ops Lens"]').click();
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Releases' }) });
    const header = pane.locator('.pane-header');
    await header.waitFor();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();

    // The view refreshes by itself when the refs and the schedule change: wait for the production-backed risk.
    const row = (text: string) => pane.locator('.monaco-list-row', { hasText: text }).first();
    await row('1.1.0').filter({ hasText: 'error' }).waitFor({ timeout: 90_000 });
    await row('1.2.0').filter({ hasText: 'warning' }).waitFor({ timeout: 90_000 });
    const rows = await pane.locator('.monaco-list-row').allTextContents();
    const first = rows.findIndex((r) => r.includes('1.1.0'));
    const second = rows.findIndex((r) => r.includes('1.2.0'));
    assert.ok(first >= 0 && first < second, `releases in date order: ${rows.join(' | ')}`);
    assert.match(rows[first], /in 5 days · frozen \(5 more days\) · 2 errors/);
    assert.match(rows[second], /1\.2\.0 · Live prices.*in 12 days · 2 warnings/);
    assert.ok(rows.some((r) => /Past releases/.test(r)), `past releases listed: ${rows.join(' | ')}`);

    await row('1.1.0').click();
    // A risk with errors opens by itself; its warnings show at once.
    await row('Ops risk: 2 errors').waitFor();
    await pane.locator('.monaco-list-row', { hasText: 'query-in-loop' }).first().waitFor();
    await pane.locator('.monaco-list-row', { hasText: 'call-in-loop' }).first().waitFor();
    // Room to read: fold the container's other views and widen the sidebar, as a person would.
    const expanded = page.locator('.part.sidebar .pane-header[aria-expanded="true"]').filter({ hasNotText: 'Releases' });
    while (await expanded.count()) await expanded.first().click();
    const sash = page.locator('.part.sidebar + .monaco-sash, .monaco-sash.vertical').first();
    const box = await page.locator('.part.sidebar').boundingBox();
    if (box && (await sash.count())) {
      await page.mouse.move(box.x + box.width, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + 620, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
    }
    await screenshot(page, 'releases-view');

    // F1, the command, then the release in the picker it opens.
    await runCommand(page, 'Ops Lens: Open Ops Brief');
    await pickRow(page, '1.1.0');
    await page.locator('.tabs-container .tab', { hasText: 'ops-brief-1.1.0' }).first().waitFor({ timeout: 30_000 });
    const frame = await previewFrame(page, 'Ops brief: 1.1.0');
    const body = (await frame.locator('body').textContent()) ?? '';
    assert.match(body, /Ops risk: 2 errors/);
    assert.match(body, /query-in-loop/);
    assert.match(body, /Show items on the orders page and reserve stock/);
    await screenshot(page, 'ops-brief-preview');
  });
});

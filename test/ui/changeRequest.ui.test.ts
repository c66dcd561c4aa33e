// A person asks for a bigger autoscaling range from the command palette: picks the service and what to change, sees
// the current value with its evidence, types the new one, sees the diff of the recipe, submits it in place, and finds
// the request in the Change Requests view. Screenshots of each stage land in .test-artifacts/screenshots/.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { enterValue, pickRow, runCommand, screenshot } from '../support/browser';
import { useUiSession } from './support';

/** The quick input as it stands: waits for a title containing `text`. */
async function step(page: Page, text: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: text }).first().waitFor({ timeout: 60_000 });
}

describe('UI: Request Environment Change from the command palette in code-server', function () {
  this.timeout(240_000);
  const session = useUiSession();

  it('runs from the palette, shows the diff preview, and the change record appears in the view', async () => {
    const { page, workspace } = session();
    const recipe = join(workspace.folder, 'deploy/k8s/orders.yaml');
    const before = readFileSync(recipe, 'utf8');

    // The extension is up once its status bar item shows; its commands are in the palette from then on.
    await page.locator('.statusbar-item', { hasText: 'Ops Lens' }).first().waitFor({ timeout: 60_000 });
    await runCommand(page, 'Ops Lens: Request Environment Change');

    await step(page, 'service');
    await pickRow(page, 'orders');
    // orders runs on Kubernetes and in Compose: choose the first (production) environment when asked.
    const envOrChange = page.locator('.quick-input-widget .quick-input-title', { hasText: /environment|orders in/ }).first();
    await envOrChange.waitFor({ timeout: 60_000 });
    if (/, environment/.test((await envOrChange.textContent()) ?? '')) await pickRow(page, 'kubernetes');

    await step(page, 'orders in');
    await page.locator('.quick-input-widget input').fill('Autoscaling max');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Autoscaling max' }).first();
    await row.waitFor();
    // Each choice shows its current value and where it is set.
    assert.match((await row.textContent()) ?? '', /10 · deploy\/k8s\/orders\.yaml:72/);
    await screenshot(page, 'change-request-pick');
    await pickRow(page, 'Autoscaling max');

    await step(page, 'Autoscaling max');
    await page.locator('.quick-input-widget input').fill('2');
    // Checked as typed: below the minimum of 3.
    await page.locator('.quick-input-widget', { hasText: 'cannot be below the minimum' }).first().waitFor();
    await screenshot(page, 'change-request-validation');
    await enterValue(page, '14');

    await step(page, 'why');
    await enterValue(page, 'Pinned at 10/10 replicas every evening');
    await step(page, 'release');
    await enterValue(page, '2026.05');

    // The preview: a real diff of the recipe, before anything is written.
    await page.locator('.monaco-diff-editor').first().waitFor({ timeout: 60_000 });
    await page.locator('.tabs-container .tab', { hasText: 'preview' }).first().waitFor();
    await page.locator('.monaco-diff-editor .line-insert, .monaco-diff-editor .char-insert').first().waitFor();
    assert.equal(readFileSync(recipe, 'utf8'), before, 'nothing is written before submitting');
    await step(page, 'Submit the change');
    await screenshot(page, 'change-request-preview');
    await pickRow(page, 'In place');

    // The record appears in the Change Requests view.
    await page.locator('.part.activitybar .action-label[aria-label^="Ops Lens"]').first().click();
    const item = page.locator('.part.sidebar .pane-body .monaco-list-row', { hasText: 'Autoscaling max 10 → 14' }).first();
    await item.waitFor({ timeout: 60_000 });
    await page.locator('.part.sidebar .pane-body .monaco-list-row', { hasText: 'Release 2026.05' }).first().waitFor();
    await screenshot(page, 'change-request-view');

    assert.equal(readFileSync(recipe, 'utf8'), before.replace('maxReplicas: 10', 'maxReplicas: 14'));
    const dir = join(workspace.folder, '.ops-lens/changes');
    assert.ok(existsSync(dir));
    const records = readdirSync(dir).filter((f) => f.endsWith('.md'));
    assert.equal(records.length, 1);
    assert.match(readFileSync(join(dir, records[0]), 'utf8'), /change: maxReplicas\n[\s\S]*from: "10"\nto: "14"/);
  });
});

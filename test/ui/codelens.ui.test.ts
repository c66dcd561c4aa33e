// A person opens the hot handler and sees its production numbers above it (CodeLens), then hovers the query
// in the loop and sees the evidence behind the warning.
import * as assert from 'node:assert/strict';
import { goToLine, quickOpen, screenshot } from '../support/browser';
import { useUiSession } from './support';

describe('UI: CodeLens numbers and evidence hover in code-server', function () {
  this.timeout(180_000);
  const session = useUiSession();

  it('shows live numbers above GET /orders and the evidence on hover', async () => {
    const { page } = session();
    await quickOpen(page, 'services/orders/src/routes/orders.ts');
    const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: 'req/s' }).first();
    await lens.waitFor({ timeout: 60_000 });
    assert.match((await lens.textContent()) ?? '', /[\d,]+ req\/s · p95 \d+ ms · [\d.]+% errors · HPA 10\/10/);
    await screenshot(page, 'codelens');

    // Go to the query inside the loop (line 23, column 40) and ask for the hover, as a keyboard user would.
    await goToLine(page, 23, 40);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover', { hasText: 'Evidence' }).first();
    await hover.waitFor({ timeout: 30_000 });
    const text = (await hover.textContent()) ?? '';
    assert.match(text, /Database query inside a loop/);
    assert.match(text, /Request rate/);
    await screenshot(page, 'evidence-hover');

    // On the route's registration, its live signals with the last hours drawn as two small charts.
    await page.keyboard.press('Escape');
    await goToLine(page, 16, 5);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const routeHover = page.locator('.monaco-hover', { hasText: 'in production' }).first();
    await routeHover.waitFor({ timeout: 30_000 });
    const chart = routeHover.locator('img[src^="data:image/svg+xml"]').first();
    await chart.waitFor({ timeout: 30_000 });
    // Rendered, not just present: the browser decoded the SVG.
    await page.waitForFunction((el) => { const img = el as unknown as { complete: boolean; naturalWidth: number }; return img.complete && img.naturalWidth > 0; }, await chart.elementHandle());
    await screenshot(page, 'route-hover');
  });
});

// A person opens a route that queries the database in a loop and sees Ops Lens's
// warning both as a squiggle in the editor and as a row in the Problems panel.
import { quickOpen, screenshot } from '../support/browser';
import { useUiSession } from './support';

describe('UI: Ops Lens problems in code-server', function () {
  this.timeout(180_000);
  const session = useUiSession();

  it('shows query-in-loop in the editor and the Problems panel', async () => {
    const { page } = session();
    await quickOpen(page, 'services/orders/src/routes/orders.ts');
    await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });

    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'query-in-loop' }).first().waitFor();
    await screenshot(page, 'problems-panel');
  });
});

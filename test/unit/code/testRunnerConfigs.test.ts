import { strict as assert } from 'node:assert';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import { isTestFile } from '../../../src/core/code/analyzeFile';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { TempWorkspace } from '../analysis/tempWorkspace';
import { grammars } from './fixtureWorkspace';

/**
 * tracecat's `frontend/playwright.config.ts` reads `process.env.PLAYWRIGHT_BROWSER_CHANNEL`, which no recipe of the ui
 * sets: the test runner reads it on a developer's machine or in CI, the service never does. A test runner's
 * configuration is test tooling, as its set-up file (`jest.setup.js`) is.
 */
describe("a test runner's configuration is test tooling", function () {
  this.timeout(20_000);

  it('playwright, vitest, jest, cypress, karma and wdio configs are; a build config and code named like one are not', () => {
    const configs = ['frontend/playwright.config.ts', 'ui/playwright-ct.config.ts', 'vitest.config.mts', 'packages/api/vitest.workspace.ts', 'jest.config.js', 'web/jest.e2e.config.cjs', 'cypress.config.ts', 'karma.conf.js', 'wdio.conf.ts'];
    const code = ['ui/vite.config.ts', 'next.config.mjs', 'src/config/playwright.ts', 'src/lib/jest-config.ts', 'src/app/config.ts'];
    assert.deepEqual(configs.filter((f) => !isTestFile(f)), []);
    assert.deepEqual(code.filter((f) => isTestFile(f)), []);
  });

  it("no env-not-in-recipe for a variable only the Playwright config reads; one the app's own code reads still is", async () => {
    const ws = new TempWorkspace('playwright-config');
    ws.create();
    try {
      ws.write('compose.yaml', ['services:', '  ui:', '    build: ui', '    command: npm run start', '    environment:', '      NEXT_PUBLIC_API_URL: http://api:8000', ''].join('\n'));
      ws.write('ui/Dockerfile', 'FROM node:22\nCOPY . /app\nWORKDIR /app\nRUN npm ci && npm run build\nCMD ["npm", "run", "start"]\n');
      ws.write('ui/package.json', JSON.stringify({ name: 'ui', private: true, scripts: { build: 'next build', start: 'next start' }, dependencies: { next: '15.0.0', react: '19.0.0' } }));
      ws.write(
        'ui/playwright.config.ts',
        ['import { defineConfig, devices } from "@playwright/test"', 'const browserChannel = process.env.PLAYWRIGHT_BROWSER_CHANNEL', 'export default defineConfig({ projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: browserChannel } }] })', ''].join('\n'),
      );
      ws.write('ui/src/app/api/health/route.ts', ['export async function GET() {', '  return Response.json({ region: process.env.DEPLOY_REGION })', '}', ''].join('\n'));
      const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
      assert.deepEqual(
        result.warnings.filter((w) => w.code === 'env-not-in-recipe').map((w) => `${w.file}:${w.range.start.line + 1}`),
        ['ui/src/app/api/health/route.ts:2'],
      );
    } finally {
      ws.remove();
    }
  });
});

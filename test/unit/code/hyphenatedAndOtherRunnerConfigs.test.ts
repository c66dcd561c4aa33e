import { strict as assert } from 'node:assert';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import { isTestFile } from '../../../src/core/code/analyzeFile';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { TempWorkspace } from '../analysis/tempWorkspace';
import { grammars } from './fixtureWorkspace';

/**
 * A test runner's configuration named with a hyphenated variant (`jest-e2e.config.js`, `karma-ci.conf.js`), with a
 * variant after `config` (`playwright.config.e2e.ts`), and those of mocha (`.mocharc.js`), ava, protractor,
 * CodeceptJS, TestCafe (`.testcaferc.js`) and Detox: what they read from the environment is read by the runner, not
 * by a service.
 */
describe("other test runners' configurations, and variants of their names, are test tooling", function () {
  this.timeout(20_000);
  const configs = [
    'ui/jest-e2e.config.js',
    'karma-ci.conf.js',
    'ui/playwright.config.e2e.ts',
    'ui/.mocharc.js',
    '.mocharc.cjs',
    'ava.config.js',
    'ava.config.mjs',
    'e2e/protractor.conf.js',
    'codecept.conf.ts',
    'tests/codecept.conf.js',
    '.testcaferc.js',
    'detox.config.js',
  ];
  const code = ['src/java.config.js', 'src/lib/mocharc.ts', 'src/mocha.ts', 'src/ava/config.ts', 'src/detox.ts', 'ui/vite.config.prod.ts', 'ui/next.config.mjs', 'src/myjest.config.js', 'src/protractor.ts'];

  it('are test files; code named like them is not', () => {
    assert.deepEqual(configs.filter((f) => !isTestFile(f)), []);
    assert.deepEqual(code.filter((f) => isTestFile(f)), []);
  });

  it('report no env-not-in-recipe; the app code beside them still does', async () => {
    const ws = new TempWorkspace('runner-configs');
    ws.create();
    try {
      ws.write('compose.yaml', ['services:', '  ui:', '    build: ui', '    environment:', '      NEXT_PUBLIC_API_URL: http://api:8000', ''].join('\n'));
      ws.write('ui/Dockerfile', 'FROM node:22\nCOPY . /app\nWORKDIR /app\nRUN npm ci && npm run build\nCMD ["npm", "run", "start"]\n');
      ws.write('ui/package.json', JSON.stringify({ name: 'ui', private: true, scripts: { build: 'next build', start: 'next start' }, dependencies: { next: '15.0.0', react: '19.0.0' } }));
      for (const f of configs.filter((c) => c.startsWith('ui/'))) ws.write(f, `const v = process.env.RUNNER_${f.replace(/\W/g, '_').toUpperCase()}\nmodule.exports = { v }\n`);
      ws.write('ui/ava.config.js', 'export default { timeout: process.env.AVA_TIMEOUT }\n');
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

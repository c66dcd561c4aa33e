import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { testFilesImported } from '../../../src/core/analysis/testImports';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import type { FileAnalysis, ImportFact } from '../../../src/core/code/codeModel';
import type { LanguageId } from '../../../src/core/code/treeSitter';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { grammars } from '../code/fixtureWorkspace';
import { TempWorkspace } from './tempWorkspace';

/** A file's analysis with only its imports, as testFilesImported reads it. */
function importing(file: string, language: LanguageId, imports: Partial<ImportFact>[]): FileAnalysis {
  return { file, language, routes: [], hazards: [], links: { imports: imports.map((i) => ({ local: 'x', imported: '*', module: '', ...i })), exports: {}, functions: [], mounts: [], routeLinks: [], hazardOwners: [], pending: [] } };
}

describe('tests and examples are read only when the service imports them', () => {
  it('finds the test modules an import names, in each language, and no other', () => {
    const candidates = [
      'saleor/checkout/tests/utils.py',
      'saleor/checkout/tests/test_checkout.py',
      'src/test/helpers.ts',
      'src/test/orders.test.ts',
      'internal/testutil/db.go',
      'internal/testutil/db_test.go',
      'entity/camera_fixtures.go',
      'other/place_fixtures.go',
      'src/test/java/com/shop/TestData.java',
      'examples/demo/app.py',
      'packages/testing/src/index.ts',
      'test/support/users.ts',
      'test/helpers/users.go',
      'tests/e2e/login.spec.ts',
    ];
    const analyses = [
      importing('saleor/core/utils/random_data.py', 'python', [{ module: '...checkout.tests.utils', imported: 'add_variant_to_checkout' }]),
      importing('src/routes/orders.ts', 'typescript', [{ module: '../test/helpers', imported: 'seed' }, { module: './db', imported: 'pool' }]),
      // A workspace package and a tsconfig path, found as the join finds them: through the aliases.
      importing('src/routes/seed.ts', 'typescript', [{ module: '@acme/test-utils', imported: 'fakeOrder' }, { module: '@support/users', imported: 'fetchUser' }]),
      // A library whose name says tests is not the workspace's tests.
      importing('playwright.config.ts', 'typescript', [{ module: '@playwright/test', imported: 'defineConfig' }]),
      // Go finds a package by its folder's name, whatever module path (a `replace`) leads there.
      importing('cmd/api/main.go', 'go', [{ module: 'example.com/helpers' }]),
      importing('cmd/server/main.go', 'go', [{ module: 'github.com/acme/shop/internal/testutil' }, { module: 'net/http' }]),
      importing('entity/camera.go', 'go', []),
      // Java's main code cannot import src/test (Maven and Gradle compile it apart): a class named so is not a test.
      importing('src/main/java/com/shop/Api.java', 'java', [{ module: 'com.shop.TestData' }]),
    ];
    const aliases = [
      { dir: '', prefix: '@acme/test-utils', targets: ['packages/testing/src/index'], wildcard: false },
      { dir: '', prefix: '@support/', targets: ['test/support/'], wildcard: true },
    ];
    assert.deepEqual(testFilesImported(analyses, candidates, aliases), [
      'saleor/checkout/tests/utils.py',
      'src/test/helpers.ts',
      'internal/testutil/db.go',
      // The package's own test build file: also named by its folder (read for nothing, but harmless).
      'internal/testutil/db_test.go',
      'entity/camera_fixtures.go',
      'packages/testing/src/index.ts',
      'test/support/users.ts',
      'test/helpers/users.go',
    ]);
  });

  describe('through the whole analysis', function () {
    this.timeout(20_000);
    const ws = new TempWorkspace('test-imports');
    const reads: string[] = [];
    before(() => {
      ws.create();
      ws.write('docker-compose.yml', 'services:\n  shop:\n    build: .\n');
      ws.write('requirements.txt', 'flask\n');
      ws.write(
        'shop/api.py',
        "from flask import Flask, request\nfrom shop.tests.utils import add_line\napp = Flask(__name__)\n\n@app.post('/cart')\ndef cart():\n    for sku in request.json['skus']:\n        add_line(sku)\n    return 'ok'\n",
      );
      ws.write('shop/tests/utils.py', 'from shop.db import db\n\ndef add_line(sku):\n    db.session.execute("INSERT INTO lines (sku) VALUES (:s)", {"s": sku})\n');
      ws.write('shop/tests/test_api.py', "import requests\n\ndef test_many():\n    for i in range(100):\n        requests.post('http://localhost/cart')\n");
      ws.write('shop/db.py', 'from flask_sqlalchemy import SQLAlchemy\ndb = SQLAlchemy()\n');
    });
    after(() => ws.remove());

    it('follows a call into a test helper the service imports, and does not read the other tests', async () => {
      const fs = new NodeFileSystem(ws.dir);
      const readText = fs.readText.bind(fs);
      fs.readText = async (file: string) => {
        reads.push(file);
        return readText(file);
      };
      const result = await analyzeWorkspace({ fs, index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
      const hazards = result.files.flatMap((f) => f.hazards.map((h) => `${h.code} ${h.file}:${h.range.start.line + 1} ${h.callee} → ${h.routes.map((r) => `${r.method} ${r.path}`).join(',')}`));
      assert.deepEqual(hazards, ['query-in-loop shop/api.py:8 add_line → db.session.execute → POST /cart']);
      assert.ok(reads.includes('shop/tests/utils.py'), 'the imported helper was read');
      assert.ok(!reads.includes('shop/tests/test_api.py'), `the other test was not: ${reads.join(', ')}`);
      assert.deepEqual(result.files.map((f) => f.file).sort(), ['shop/api.py', 'shop/db.py', 'shop/tests/utils.py']);
    });
  });
});

import { strict as assert } from 'node:assert';
import { isTestFile } from '../../../src/core/code/analyzeFile';

describe('test files: their hazards are no production load', () => {
  it('tests, test helpers, test runners set-up and build scripts are; the code beside them is not, nor a JVM package named test in the main sources', () => {
    const tests = [
      'src/lib/users/user-service.test.ts',
      'api/tests/conftest.py',
      'app/test_views.py',
      'server/e2e/flows.ts',
      'src/main/java/app/UserServiceTest.java',
      // A test runner's set-up (Unleash's src/test-setup.ts) and Go's mage build scripts (vikunja's magefile.go).
      'src/test-setup.ts',
      'web/setupTests.ts',
      'jest.setup.js',
      'packages/api/vitest.setup.mts',
      'magefile.go',
      'magefiles/release.go',
      // Suites named for where they run, an end-to-end folder (langfuse), Go's fixtures beside the code (photoprism).
      'web/src/__tests__/server/ingestion-api.servertest.ts',
      'web/src/features/v4/v4Rollout.clienttest.ts',
      'web/src/__e2e__/api.ts',
      'internal/entity/camera_fixtures.go',
      'internal/entity/fixtures.go',
      // The plugins a test server loads, and load tests (vendure).
      'packages/dev-server/test-plugins/issue-1873/supplier-stock-admin.resolver.ts',
      'packages/dev-server/load-testing/load-test-config.ts',
      'test_utils/factories.py',
      // A tests folder keeps its own helpers, whatever they are named.
      'app/test/views_test.py',
      'test/helpers.py',
      'tests/testapp/views.py',
      // Above a JVM build's main sources the folders still say it (a test module), and Maven's test sources are tests.
      'integration-tests/src/main/java/com/acme/it/Harness.java',
      'service/src/test/java/com/acme/UserControllerIT.java',
    ];
    const code = ['src/lib/server-impl.ts', 'src/lib/setup.ts', 'internal/setup/tests.go', 'pkg/mage/runner.go', 'src/testimonials/list.ts', 'internal/entity/camera.go', 'internal/fixturesvc/load.go', 'src/servertests.ts', 'src/test-connection.ts', 'src/routes/testing.ts', 'src/features/ab-testing/split.ts', 'internal/latest/release.go', 'pkg/backtest/engine.go', 'src/apitest/client.ts',
      // A Django app named for a model called Test (DefectDojo's dojo/test/: its views, urls, serializers).
      'dojo/test/views.py', 'dojo/test/urls.py', 'dojo/test/ui/views.py', 'dojo/test/api/serializers.py', 'dojo/test/models.py',
      // A JVM package named test or mock in the main sources (JeecgBoot's demo module): production code.
      'jeecg-boot/jeecg-module-demo/src/main/java/org/jeecg/modules/demo/test/controller/JeecgDemoController.java', 'jeecg-module-demo/src/main/java/org/jeecg/modules/demo/mock/MockController.java'];
    assert.deepEqual(tests.filter((f) => !isTestFile(f)), []);
    assert.deepEqual(code.filter((f) => isTestFile(f)), []);
  });
});

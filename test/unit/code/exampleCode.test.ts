import { strict as assert } from 'node:assert';
import { isExampleCode } from '../../../src/core/code/analyzeFile';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('example code is not the service', () => {
  it('a folder of examples, samples or demos, at any depth; not a JVM package of that name, nor a single example folder', () => {
    assert.equal(isExampleCode('examples/go/streaming/main.go'), true);
    assert.equal(isExampleCode('sdks/python/examples/blocked_async/debugging.py'), true);
    assert.equal(isExampleCode('sdks/typescript/src/v1/examples/simple/worker.ts'), true);
    assert.equal(isExampleCode('docs/samples/client.js'), true);
    // jumpserver's demos of its API, one client per language.
    assert.equal(isExampleCode('apps/accounts/demos/go/demo.go'), true);
    assert.equal(isExampleCode('src/main/java/com/acme/demos/DemoController.java'), false);
    assert.equal(isExampleCode('apps/demo/views.py'), false);
    // A folder only named after samples is code a recipe may run (xxl-job's compose runs its sample executor).
    assert.equal(isExampleCode('xxl-job-executor-samples/xxl-job-executor-sample-springboot/src/main/resources/app.js'), false);
    assert.equal(isExampleCode('src/main/java/org/springframework/samples/petclinic/owner/OwnerController.java'), false);
    assert.equal(isExampleCode('src/main/kotlin/com/acme/examples/Api.kt'), false);
    assert.equal(isExampleCode('src/main/java/com/example/demo/DemoController.java'), false);
    assert.equal(isExampleCode('internal/example/handler.go'), false);
    assert.equal(isExampleCode('cmd/api/main.go'), false);
    // Named for what they show (vendure's plugins written as examples).
    assert.equal(isExampleCode('packages/dev-server/example-plugins/multivendor-plugin/service/seller.service.ts'), true);
    assert.equal(isExampleCode('examples-app/src/main.ts'), true);
    assert.equal(isExampleCode('src/examplesvc/handler.go'), false);
    assert.equal(isExampleCode('lims/sample_tracking/views.py'), false);
    assert.equal(isExampleCode('app/sample-api/routes.ts'), false);
  });

  it("its routes are not the service's and its hazards are no load (hatchet's examples, written to show a blocked event loop); the service's own code beside it is analysed as ever", async () => {
    const server = (path: string) =>
      lines(
        'package main',
        '',
        'import (',
        '\t"database/sql"',
        '\t"net/http"',
        ')',
        '',
        'var db *sql.DB',
        '',
        'func list(w http.ResponseWriter, r *http.Request) {',
        '\tfor _, id := range r.URL.Query()["id"] {',
        '\t\tdb.Query("SELECT name FROM t WHERE id = $1", id)',
        '\t}',
        '}',
        '',
        `func main() { http.HandleFunc("GET ${path}", list) }`,
      );
    const f = await joined({
      'go.mod': 'module example.com/svc\n',
      'cmd/api/main.go': server('/items'),
      'examples/streaming/main.go': server('/stream'),
      'sdks/python/examples/blocked_async/debugging.py': lines('import time', '', 'async def step(ctx):', '    time.sleep(5)', '    return {}'),
    });
    assert.deepEqual(routeRows(f), [['GET', '/items', 'cmd/api/main.go', 15, 'net/http']]);
    assert.deepEqual(hazardRows(f), ['query-in-loop cmd/api/main.go:12:3 db.Query [for sequential] → GET /items']);
  });
});

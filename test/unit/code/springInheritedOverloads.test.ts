import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

/** Spring serves an inherited mapping under a subclass that only overloads the method (another parameter list). */
describe('Spring: inherited mappings beside an overload', function () {
  this.timeout(20_000);

  it("keeps the base's mapping under the subclass when the subclass's method of that name takes other parameters", async () => {
    const f = await joined({
      'src/main/java/demo/BaseController.java': lines(
        'package demo;',
        'public abstract class BaseController {',
        '  @GetMapping("/list")',
        '  public List<String> list() { return List.of(); }',
        '  @GetMapping("/{id}")',
        '  public String get(@PathVariable Long id) { return "x"; }',
        '}',
      ),
      'src/main/java/demo/ReportController.java': lines(
        'package demo;',
        '@RestController',
        '@RequestMapping("/reports")',
        'public class ReportController extends BaseController {',
        '  @GetMapping("/list/{year}")',
        '  public List<String> list(@PathVariable int year) { return List.of(); }',
        '  @GetMapping("/{id}")',
        '  public String get(@PathVariable Long id) { return "y"; }',
        '}',
      ),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`),
      ['GET /reports/list src/main/java/demo/BaseController.java:2', 'GET /reports/list/{year} src/main/java/demo/ReportController.java:4', 'GET /reports/{id} src/main/java/demo/ReportController.java:6'],
    );
  });
});

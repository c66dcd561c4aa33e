import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** An enhanced for's variable is of the type it declares (PowerJob's notifiers): a call on it lands on that type's method. */
describe("Java: an enhanced for's variable", () => {
  it("is of its declared type, whatever it is named; the call per item is followed into the type's method", async () => {
    const f = await joined({
      'pom.xml': '<project><artifactId>server</artifactId></project>',
      'src/main/java/demo/WebhookNotifier.java': lines(
        'package demo;',
        '@Service',
        'public class WebhookNotifier {',
        '  private final RestTemplate http;',
        '  public WebhookNotifier(RestTemplate http) { this.http = http; }',
        '  public void deliver(String msg) { http.postForObject("http://hook", msg, String.class); }',
        '}',
      ),
      'src/main/java/demo/Ctl.java': lines(
        'package demo;',
        '@RestController',
        'public class Ctl {',
        '  @PostMapping("/e")',
        '  public void e(@RequestBody List<WebhookNotifier> ns) { for (WebhookNotifier n : ns) n.deliver("x"); }', // 5
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['call-in-loop src/main/java/demo/Ctl.java:5:87 n.deliver → http.postForObject [for-each sequential] → POST /e']);
  });
});

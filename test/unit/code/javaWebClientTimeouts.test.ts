import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * WebClient has no response timeout unless its HttpClient is given one. Where that HttpClient is made by the
 * project's own code (halo's `HttpSecurityUtils.secureHttpClient()`, with `responseTimeout` in another file), this file
 * cannot tell: it says nothing.
 */
describe('Java: WebClient without a timeout', () => {
  it('is reported when made as it comes or on an HttpClient made in place without one; not with one, nor on a client made elsewhere', async () => {
    const client = (name: string, made: string) =>
      lines('package x;', 'import org.springframework.web.reactive.function.client.WebClient;', 'import reactor.netty.http.client.HttpClient;', `public class ${name} {`, '  private final WebClient webClient;', `  ${name}() {`, `    this.webClient = ${made};`, '  }', '}');
    const f = await joined({
      'src/main/java/x/Plain.java': client('Plain', 'WebClient.create("http://upstream")'),
      'src/main/java/x/InPlace.java': client('InPlace', 'WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create().followRedirect(true))).build()'),
      'src/main/java/x/Timed.java': client('Timed', 'WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(Duration.ofSeconds(10)))).build()'),
      'src/main/java/x/Helper.java': client('Helper', 'WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpSecurityUtils.secureHttpClient())).build()'),
      'src/main/java/x/Field.java': client('Field', 'WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build()'),
    });
    assert.deepEqual(
      hazardRows(f).map((h) => h.replace(/ → .*$/, '')),
      ['missing-timeout src/main/java/x/InPlace.java:7:22 WebClient.builder', 'missing-timeout src/main/java/x/Plain.java:7:22 WebClient.create'],
    );
  });
});

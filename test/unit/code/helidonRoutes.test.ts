import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows, sortedRouteRows } from './fixtureWorkspace';

describe('Helidon SE: routing rules', () => {
  it("a service's rules under the path it is registered at in another file; routes on the routing builder at their own path; a service registered nowhere serves nothing", async () => {
    const f = await joined({
      'src/main/java/app/Main.java': lines(
        'package app;', // 1
        'import io.helidon.webserver.http.HttpRouting;',
        'class Main {',
        '  static void routing(HttpRouting.Builder routing) {',
        '    GreetService greetService = new GreetService();', // 5
        '    routing.register("/greet", greetService)',
        '           .get("/simple-greet", (req, res) -> res.send("Hello World!"));',
        '  }',
        '}',
      ),
      'src/main/java/app/GreetService.java': lines(
        'package app;', // 1
        'import io.helidon.webserver.http.HttpRules;',
        'import io.helidon.webserver.http.HttpService;',
        'class GreetService implements HttpService {',
        '  @Override', // 5
        '  public void routing(HttpRules rules) {',
        '    rules.get("/", this::getDefault)',
        '         .get("/{name}", this::getMessage);',
        '  }',
        '  private void getDefault(ServerRequest req, ServerResponse res) {}', // 10
        '  private void getMessage(ServerRequest req, ServerResponse res) {',
        '    for (String n : req.query().all("n")) jdbc.queryForObject("SELECT 1 FROM t WHERE n = ?", Integer.class, n);',
        '  }',
        '}',
      ),
      'src/main/java/app/Unused.java': lines(
        'package app;',
        'import io.helidon.webserver.http.HttpRules;',
        'class Unused implements io.helidon.webserver.http.HttpService {',
        '  public void routing(HttpRules rules) { rules.post("/x", (req, res) -> res.send("")); }',
        '}',
      ),
    });
    assert.deepEqual(
      routeRows(f),
      sortedRouteRows([
        ['GET', '/greet', 'src/main/java/app/GreetService.java', 6, 'helidon'],
        ['GET', '/greet/{name}', 'src/main/java/app/GreetService.java', 7, 'helidon'],
        ['GET', '/simple-greet', 'src/main/java/app/Main.java', 6, 'helidon'],
      ]),
    );
    assert.deepEqual(hazardRows(f), ['query-in-loop src/main/java/app/GreetService.java:12:43 jdbc.queryForObject [for-each sequential] → GET /greet/{name}']);
  });
});

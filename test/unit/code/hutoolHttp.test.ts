import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe("Hutool's HTTP client: calls that wait forever unless a timeout is given", () => {
  it("pig's monitor: HttpUtil.get per node is a call in a loop with no timeout; HttpUtil.get(url, 3000) and HttpRequest…timeout(…).execute() have one", async () => {
    const f = await joined({
      'src/main/java/mon/MonitorController.java': lines(
        'package mon;',
        'import cn.hutool.http.HttpRequest;',
        'import cn.hutool.http.HttpUtil;',
        '@RestController',
        'public class MonitorController {',
        '  @GetMapping("/stat")',
        '  public List<String> stat(@RequestParam List<String> nodes) {',
        '    List<String> out = new ArrayList<>();',
        '    for (String node : nodes) {',
        '      out.add(HttpUtil.get(node + "/druid/sql.json"));',
        '    }',
        '    out.add(HttpUtil.get("http://auth/health", 3000));',
        '    out.add(HttpRequest.post("http://auth/token").body("{}").timeout(2000).execute().body());',
        '    out.add(HttpRequest.get("http://auth/me").header("a", "b").execute().body());',
        '    return out;',
        '  }',
        '}',
      ),
    });
    const file = 'src/main/java/mon/MonitorController.java';
    assert.deepEqual(hazardRows(f), [
      `call-in-loop ${file}:10:15 HttpUtil.get [for-each sequential] → GET /stat`,
      `missing-timeout ${file}:10:15 HttpUtil.get → GET /stat`,
      `missing-timeout ${file}:14:13 HttpRequest.get.header.execute → GET /stat`,
    ]);
  });

  it('a timeout set for the process (HttpGlobalConfig.setTimeout) in any file of the service bounds them all', async () => {
    const f = await joined({
      'src/main/java/mon/App.java': lines('package mon;', 'public class App {', '  public static void main(String[] args) {', '    HttpGlobalConfig.setTimeout(5000);', '  }', '}'),
      'src/main/java/mon/Client.java': lines('package mon;', 'import cn.hutool.http.HttpUtil;', 'public class Client {', '  public String me() {', '    return HttpUtil.get("http://auth/me");', '  }', '}'),
    });
    assert.deepEqual(hazardRows(f), []);
  });
});

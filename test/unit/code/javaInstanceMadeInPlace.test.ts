import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const CONTROLLER = 'src/main/java/com/ex/PingController.java';

describe("Java: a method called on an instance made in place is the class's (`new RestTemplate().getForObject(…)`)", () => {
  it('a RestTemplate made in place per host: a request per item, and the one it is made without a timeout', async () => {
    const f = await joined({
      [CONTROLLER]: lines(
        'package com.ex;',
        'import org.springframework.web.bind.annotation.*;',
        'import org.springframework.web.client.RestTemplate;',
        '@RestController',
        'public class PingController {',
        '  @GetMapping("/ping")',
        '  public String ping(List<String> hosts) {',
        '    StringBuilder sb = new StringBuilder();',
        '    for (String h : hosts) {',
        '      sb.append(new RestTemplate().getForObject("http://" + h + "/health", String.class));',
        '      sb.append(new RestTemplate(factory).postForObject("http://" + h + "/ping", null, String.class));',
        '    }',
        '    return new StringBuilder().append(sb).toString();',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      `call-in-loop ${CONTROLLER}:10:17 RestTemplate.getForObject [for-each sequential] → GET /ping`,
      `call-in-loop ${CONTROLLER}:11:17 RestTemplate.postForObject [for-each sequential] → GET /ping`,
      `missing-timeout ${CONTROLLER}:10:17 RestTemplate → GET /ping`,
    ]);
  });

  it("a class of the workspace made in place is followed into (its method's request per item); new HashSet<>(ids).stream() is a loop over the ids", async () => {
    const f = await joined({
      'src/main/java/com/ex/Notifier.java': lines(
        'package com.ex;',
        'public class Notifier {',
        '  private final RestTemplate restTemplate;',
        '  public void send(String to) { restTemplate.postForObject("http://mail/send", to, String.class); }',
        '}',
      ),
      [CONTROLLER]: lines(
        'package com.ex;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        'public class PingController {',
        '  private final UserRepository userRepository;',
        '  @PostMapping("/notify")',
        '  public long notify(@RequestBody List<String> ids) {',
        '    for (String id : ids) new Notifier().send(id);',
        '    return new HashSet<>(ids).stream().filter(id -> userRepository.existsById(id)).count();',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      `call-in-loop ${CONTROLLER}:8:27 Notifier.send → restTemplate.postForObject [for-each sequential] → POST /notify`,
      `query-in-loop ${CONTROLLER}:9:53 userRepository.existsById [.filter() sequential] → POST /notify`,
    ]);
  });
});

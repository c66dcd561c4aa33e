import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A field a class inherits (apollo's `AdminServiceAPI.AppAPI extends API`, whose `protected RetryableRestTemplate
 * restTemplate` every client of the admin service calls): a call through it is the field's class's method, as a
 * call through a field of the class's own.
 */
describe('Java: a field declared by the base class', () => {
  it("is of the base's declared type: the call is followed into the project's client, from the route", async () => {
    const f = await joined({
      'pom.xml': '<project><artifactId>portal</artifactId></project>',
      'src/main/java/demo/RetryableRestTemplate.java': lines(
        'package demo;',
        'import org.springframework.stereotype.Component;',
        'import org.springframework.web.client.RestTemplate;',
        '@Component',
        'public class RetryableRestTemplate {',
        '  private final RestTemplate restTemplate = new RestTemplate();',
        '  public <T> T post(String env, String path, Object body, Class<T> type) {',
        '    return restTemplate.postForObject("http://admin-" + env + "/" + path, body, type);',
        '  }',
        '}',
      ),
      'src/main/java/demo/API.java': lines(
        'package demo;',
        'import org.springframework.beans.factory.annotation.Autowired;',
        'public abstract class API {',
        '  @Autowired',
        '  protected RetryableRestTemplate restTemplate;',
        '}',
      ),
      'src/main/java/demo/AdminServiceAPI.java': lines(
        'package demo;',
        'import org.springframework.stereotype.Service;',
        'public class AdminServiceAPI {',
        '  @Service',
        '  public static class AppAPI extends API {',
        '    public String createApp(String env, String app) { return restTemplate.post(env, "apps", app, String.class); }',
        '  }',
        '}',
      ),
      'src/main/java/demo/AppController.java': lines(
        'package demo;',
        'import java.util.List;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        'public class AppController {',
        '  private final AdminServiceAPI.AppAPI appAPI;',
        '  public AppController(AdminServiceAPI.AppAPI appAPI) { this.appAPI = appAPI; }',
        '  @PostMapping("/apps")',
        '  public void create(@RequestBody List<String> apps) {',
        '    for (String app : apps) { appAPI.createApp("dev", app); }',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop src/main/java/demo/AppController.java:10:31 appAPI.createApp → post → restTemplate.postForObject [for-each sequential] → POST /apps',
      'missing-timeout src/main/java/demo/RetryableRestTemplate.java:6:45 RestTemplate → POST /apps',
    ]);
  });
});

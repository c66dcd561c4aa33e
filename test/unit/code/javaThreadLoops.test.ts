import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A loop in a lambda handed to a pool (PowerJob's AlarmCenter: `POOL.execute(() -> alarmables.forEach(a ->
 * a.onFailed(…)))`) runs in a thread the request does not wait for: what its helper does per item is said of a task
 * the route starts, as a loop written in place there is, not of the route's own path.
 */
describe('Java: a loop in a lambda handed to a thread pool, through a helper', () => {
  it('is in a task the route starts, not on its path', async () => {
    const f = await joined({
      'pom.xml': '<project><artifactId>server</artifactId></project>',
      'src/main/java/app/Sender.java': lines(
        'package app;',
        '@Component',
        'public class Sender {',
        '  private final RestTemplate restTemplate = new RestTemplate(factory);',
        '  public void send(String hook) { restTemplate.postForObject(hook, null, String.class); }',
        '}',
      ),
      'src/main/java/app/AlarmCenter.java': lines(
        'package app;',
        '@Component',
        'public class AlarmCenter {',
        '  private final ExecutorService POOL = Executors.newFixedThreadPool(2);',
        '  private final Sender sender;',
        '  public AlarmCenter(Sender sender) { this.sender = sender; }',
        '  public void alarmFailed(List<String> hooks) {',
        '    POOL.execute(() -> hooks.forEach(h -> sender.send(h)));', // 8
        '  }',
        '}',
      ),
      'src/main/java/app/StopController.java': lines(
        'package app;',
        '@RestController',
        'public class StopController {',
        '  private final AlarmCenter alarmCenter;',
        '  public StopController(AlarmCenter alarmCenter) { this.alarmCenter = alarmCenter; }',
        '  @PostMapping("/stop")',
        '  public void stop(@RequestBody List<String> hooks) { alarmCenter.alarmFailed(hooks); }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['call-in-loop src/main/java/app/AlarmCenter.java:8:43 sender.send → restTemplate.postForObject [.forEach() sequential] → -']);
    const hazard = f.get('src/main/java/app/AlarmCenter.java')!.hazards[0];
    assert.deepEqual(hazard.tasks, ['AlarmCenter.alarmFailed (thread, started by POST /stop)']);
  });
});

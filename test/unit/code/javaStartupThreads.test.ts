import { strict as assert } from 'node:assert';
import { joined, lines } from './fixtureWorkspace';

/**
 * A thread a startup hook starts (PowerJob's schedulers: `afterPropertiesSet() { new Thread(() -> { while (true) { …;
 * sleep } }).start(); }`) runs for as long as the process does: its hazards are not said to run once as it starts.
 */
describe('Java: a thread a startup hook starts', () => {
  it("is labelled as that thread, not as the hook's one run", async () => {
    const f = await joined({
      'pom.xml': '<project><artifactId>server</artifactId></project>',
      'src/main/java/app/Scheduler.java': lines(
        'package app;',
        '@Component',
        'public class Scheduler implements InitializingBean {',
        '  private final JobRepository repo;',
        '  public Scheduler(JobRepository repo) { this.repo = repo; }',
        '  public void afterPropertiesSet() {',
        '    for (Long id : repo.findAllIds()) repo.findById(id);', // 7: once, as the process starts
        '    new Thread(() -> {',
        '      while (true) {',
        '        try { Thread.sleep(15000); } catch (InterruptedException e) { return; }',
        '        for (Long id : repo.findAllIds()) repo.findById(id);', // 11: every 15 s
        '      }',
        '    }).start();',
        '  }',
        '}',
      ),
      'src/main/java/app/JobRepository.java': lines('package app;', 'public interface JobRepository extends JpaRepository<Job, Long> { List<Long> findAllIds(); }'),
    });
    const rows = f.get('src/main/java/app/Scheduler.java')!.hazards.filter((h) => h.code === 'query-in-loop').map((h) => `${h.range.start.line + 1} ${h.tasks?.join(', ')}`);
    assert.deepEqual(rows, ['7 Scheduler.afterPropertiesSet (startup hook)', '11 Scheduler.afterPropertiesSet (thread started by a startup hook)']);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('Spring Data: writes that flush at once are queries', () => {
  it("PowerJob's grantRole: saveAndFlush per user is a query per item, and so is a flush per item; one after the loop is not", async () => {
    const f = await joined({
      'src/main/java/auth/WebAuthService.java': lines(
        'package auth;',
        'public class WebAuthService {',
        '  private UserRoleRepository userRoleRepository;',
        '  private EntityManager entityManager;',
        '  public void grant(List<Long> uids) {',
        '    for (Long uid : uids) {',
        '      userRoleRepository.saveAndFlush(new UserRole(uid));', // 7
        '      entityManager.flush();', // 8
        '    }',
        '    userRoleRepository.saveAllAndFlush(List.of());',
        '    entityManager.flush();',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/auth/WebAuthService.java:7:7 userRoleRepository.saveAndFlush [for-each sequential] → -',
      'query-in-loop src/main/java/auth/WebAuthService.java:8:7 entityManager.flush [for-each sequential] → -',
    ]);
  });
});

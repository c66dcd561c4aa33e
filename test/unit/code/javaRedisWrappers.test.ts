import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const CONTROLLER = 'src/main/java/com/ex/UnlockController.java';

describe('Java: a Redis wrapper, named or typed for Redis, sends a command per call', () => {
  it("a library's wrapper (SpringBlade's BladeRedis) by its holder's name or its declared type", async () => {
    const f = await joined({
      [CONTROLLER]: lines(
        'package com.ex;',
        'import org.springblade.core.redis.cache.BladeRedis;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        'public class UnlockController {',
        '  private final BladeRedis bladeRedis;',
        '  private final BladeRedis cache;',
        '  @PostMapping("/user/unlock")',
        '  public boolean unlock(@RequestBody List<String> accounts) {',
        '    accounts.forEach(account -> bladeRedis.del("user:fail:" + account));',
        '    for (String account : accounts) cache.setEx("user:lock:" + account, 1, Duration.ofMinutes(5));',
        '    return true;',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      `query-in-loop ${CONTROLLER}:10:33 bladeRedis.del [.forEach() sequential] → POST /user/unlock`,
      `query-in-loop ${CONTROLLER}:11:37 cache.setEx [for-each sequential] → POST /user/unlock`,
    ]);
    const del = f.get(CONTROLLER)!.hazards[0];
    assert.match(del.explanation, /^Redis command `bladeRedis\.del\(…\)`/);
  });

  it("the project's own wrapper is followed: over a RedisTemplate it sends the command, kept in a map nothing; not a key or the settings named for Redis", async () => {
    const f = await joined({
      'src/main/java/com/ex/RedisUtil.java': lines(
        'package com.ex;',
        'import org.springframework.data.redis.core.StringRedisTemplate;',
        '@Component',
        'public class RedisUtil {',
        '  private final StringRedisTemplate redisTemplate;',
        '  public Boolean del(String key) { return redisTemplate.delete(key); }',
        '}',
      ),
      'src/main/java/com/ex/LocalRedis.java': lines(
        'package com.ex;',
        'public class LocalRedis {',
        '  private final Map<String, String> values = new ConcurrentHashMap<>();',
        '  public String get(String key) { return values.get(key); }',
        '}',
      ),
      [CONTROLLER]: lines(
        'package com.ex;',
        'import org.springframework.web.bind.annotation.*;',
        '@RestController',
        'public class UnlockController {',
        '  private final RedisUtil redisUtil;',
        '  private final LocalRedis localRedis;',
        '  private final RedisProperties redisProperties;',
        '  @PostMapping("/user/unlock")',
        '  public String unlock(@RequestBody List<String> accounts) {',
        '    StringBuilder redisKey = new StringBuilder();',
        '    for (String account : accounts) {',
        '      redisUtil.del("user:fail:" + account);',
        '      redisKey.append(localRedis.get(account)).append(redisProperties.getHost());',
        '    }',
        '    return redisKey.toString();',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [`query-in-loop ${CONTROLLER}:12:7 redisUtil.del → redisTemplate.delete [for-each sequential] → POST /user/unlock`]);
  });
});

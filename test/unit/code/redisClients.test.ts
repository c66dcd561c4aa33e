import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A Redis command is a round trip to a server, as a SQL query is: one per item in a loop is a query in a loop (the
 * fix is MGET or a pipeline); KEYS walks every key of the server while it blocks, unbounded. Commands queued on a
 * pipeline or a MULTI are sent together, and are no round trip each.
 */
describe('Redis clients (ioredis, node-redis, redis-py, go-redis, Spring Data Redis, Jedis)', () => {
  it('ioredis and node-redis: a command per item, sequential or fanned out; not one queued on a pipeline or MULTI', async () => {
    const f = await joined({
      'src/scores.ts': lines(
        "import Redis from 'ioredis';",
        '',
        'const redis = new Redis();',
        '',
        'export async function scores(ids: string[]) {',
        '  const out: (string | null)[] = [];',
        '  for (const id of ids) {',
        '    out.push(await redis.get(`score:${id}`));', // 8: per item
        '  }',
        '  const pipeline = redis.pipeline();',
        '  for (const id of ids) pipeline.get(`score:${id}`);',
        '  await pipeline.exec();',
        '  for (const id of ids) await redis.multi().incr(`hits:${id}`).expire(`hits:${id}`, 60).exec();',
        '  const users = await Promise.all(ids.map((id) => redis.hgetall(`user:${id}`)));', // 14: fanned out
        '  const every = await redis.keys("score:*");', // 15: every key
        '  const some = await redis.mget(ids);',
        '  return { out, users, every, some };',
        '}',
      ),
      'src/sessions.ts': lines(
        "import { createClient } from 'redis';",
        '',
        'const client = createClient({ url: "redis://cache:6379" });',
        '',
        'export async function touch(keys: string[]) {',
        '  for (const k of keys) await client.expire(k, 60);', // 6: per item
        '  const m = client.multi();',
        '  for (const k of keys) m.hGetAll(k);',
        '  await m.exec();',
        '}',
      ),
      // Neither a Redis module nor a name that says Redis: an in-process cache and another client are not Redis.
      'src/local.ts': lines(
        'const cache = new Map<string, string>();',
        'export function names(ids: string[], client: { expire(k: string, s: number): void }) {',
        '  for (const id of ids) client.expire(id, 60);',
        '  return ids.map((id) => cache.get(id));',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/scores.ts:14:51 redis.hgetall [.map() parallel] → -',
      'query-in-loop src/scores.ts:8:20 redis.get [for…of sequential] → -',
      'query-in-loop src/sessions.ts:6:31 client.expire [for…of sequential] → -',
      'unbounded-query src/scores.ts:15:23 redis.keys → -',
    ]);
    const keys = [...f.values()].flatMap((a) => a.hazards).find((h) => h.code === 'unbounded-query');
    assert.match(keys?.explanation ?? '', /Redis KEYS/);
    // What sends them together is said with each command in a loop.
    for (const h of [...f.values()].flatMap((a) => a.hazards).filter((x) => x.code === 'query-in-loop')) {
      assert.match(h.explanation, /runs once per iteration of a .+\. MGET, HMGET or a pipeline sends them in one round trip\.$/);
    }
  });

  it('redis-py: a command per item is a query in a loop; not on a pipeline, nor a dict’s get', async () => {
    const f = await joined({
      'app/state.py': lines(
        'from redis.asyncio import Redis',
        '',
        'async def states(redis: Redis, ids, settings):',
        '    out = []',
        '    for i in ids:',
        '        out.append(await redis.get(f"state:{i}"))', // 6: per item
        '        out.append(settings.get(i))',
        '    async with redis.pipeline() as pipe:',
        '        for i in ids:',
        '            pipe.delete(f"state:{i}")',
        '        await pipe.execute()',
        '    every = await redis.keys("state:*")', // 12: every key
        '    return out, every',
        '',
        'class Counter:',
        '    def __init__(self, client):',
        '        self._redis = client',
        '',
        '    def bump(self, names):',
        '        for n in names:',
        '            self._redis.hincrby("counts", n, 1)', // 21: per item
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/state.py:21:13 self._redis.hincrby [for sequential] → -',
      'query-in-loop app/state.py:6:26 redis.get [for sequential] → -',
      'unbounded-query app/state.py:12:19 redis.keys → -',
    ]);
  });

  it('go-redis: a command per item is a query in a loop, whatever the client is named; not on a pipeline', async () => {
    const f = await joined({
      'go.mod': 'module example.com/scores\n',
      'store/scores.go': lines(
        'package store',
        '',
        'import (',
        '\t"context"',
        '',
        '\t"github.com/redis/go-redis/v9"',
        ')',
        '',
        'type Store struct{ client *redis.Client }',
        '',
        'func (s *Store) Scores(ctx context.Context, ids []string) []string {',
        '\tvar out []string',
        '\tfor _, id := range ids {',
        '\t\tv, _ := s.client.Get(ctx, "score:"+id).Result()', // 14: per item
        '\t\tout = append(out, v)',
        '\t}',
        '\tpipe := s.client.Pipeline()',
        '\tfor _, id := range ids {',
        '\t\tpipe.Incr(ctx, "hits:"+id)',
        '\t}',
        '\t_, _ = pipe.Exec(ctx)',
        '\tkeys, _ := s.client.Keys(ctx, "score:*").Result()', // 22: every key
        '\treturn append(out, keys...)',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop store/scores.go:14:11 s.client.Get.Result [for sequential] → -',
      'unbounded-query store/scores.go:22:13 s.client.Keys.Result → -',
    ]);
  });

  it('Spring Data Redis and Jedis: a command per item is a query in a loop; not on a pipeline', async () => {
    const f = await joined({
      'src/main/java/demo/Scores.java': lines(
        'package demo;',
        '',
        'import java.util.*;',
        'import org.springframework.data.redis.core.StringRedisTemplate;',
        'import redis.clients.jedis.*;',
        '',
        'public class Scores {',
        '  private final StringRedisTemplate template;',
        '  private final JedisPool pool;',
        '',
        '  public Scores(StringRedisTemplate template, JedisPool pool) { this.template = template; this.pool = pool; }',
        '',
        '  public List<String> scores(List<String> ids) {',
        '    List<String> out = new ArrayList<>();',
        '    for (String id : ids) {',
        '      out.add(template.opsForValue().get("score:" + id));', // 16: per item
        '    }',
        '    out.addAll(template.opsForValue().multiGet(ids));',
        '    out.addAll(template.keys("score:*"));', // 19: every key
        '    return out;',
        '  }',
        '',
        '  public void touch(List<String> ids) {',
        '    try (Jedis jedis = pool.getResource()) {',
        '      for (String id : ids) {',
        '        jedis.expire("score:" + id, 60);', // 26: per item
        '      }',
        '      Pipeline p = jedis.pipelined();',
        '      for (String id : ids) {',
        '        p.expire("score:" + id, 60);',
        '      }',
        '      p.sync();',
        '    }',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/demo/Scores.java:16:15 template.opsForValue.get [for-each sequential] → -',
      'query-in-loop src/main/java/demo/Scores.java:26:9 jedis.expire [for-each sequential] → -',
      'unbounded-query src/main/java/demo/Scores.java:19:16 template.keys → -',
    ]);
  });

  it("Spring Data Redis: operations kept in a variable of their type (RuoYi's ValueOperations<String, T> operation = redisTemplate.opsForValue()) send a command per call", async () => {
    const f = await joined({
      'src/main/java/com/ruoyi/common/redis/service/RedisService.java': lines(
        'package com.ruoyi.common.redis.service;',
        'public class RedisService {',
        '  public RedisTemplate redisTemplate;',
        '  public <T> T getCacheObject(final String key) {',
        '    ValueOperations<String, T> operation = redisTemplate.opsForValue();',
        '    return operation.get(key);',
        '  }',
        '  public <T> void warm(List<String> keys) {',
        '    HashOperations<String, String, T> hash = redisTemplate.opsForHash();',
        '    for (String key : keys) {',
        '      hash.entries(key);', // 11
        '    }',
        '  }',
        '}',
      ),
      'src/main/java/com/ruoyi/system/controller/SysUserOnlineController.java': lines(
        'package com.ruoyi.system.controller;',
        '@RestController',
        '@RequestMapping("/online")',
        'public class SysUserOnlineController {',
        '  @Autowired private RedisService redisService;',
        '  @GetMapping("/list")',
        '  public List<Object> list(List<String> keys) {',
        '    List<Object> out = new ArrayList<>();',
        '    for (String key : keys) {',
        '      out.add(redisService.getCacheObject(key));', // 10
        '    }',
        '    return out;',
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop src/main/java/com/ruoyi/common/redis/service/RedisService.java:11:7 hash.entries [for-each sequential] → -',
      'query-in-loop src/main/java/com/ruoyi/system/controller/SysUserOnlineController.java:10:15 redisService.getCacheObject → operation.get [for-each sequential] → GET /online/list',
    ]);
    // Said as what it is: a Redis command, not a database query.
    const explanation = [...f.values()].flatMap((a) => a.hazards).find((h) => h.code === 'query-in-loop')?.explanation ?? '';
    assert.match(explanation, /^Redis command `/);
  });
});

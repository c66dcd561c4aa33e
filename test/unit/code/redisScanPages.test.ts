import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * SCAN pages through the keyspace, COUNT keys a turn; one MGET or DEL given the keys of that page is one batch per
 * page, the very advice a query in a loop gives (dtm's go-redis store). A command per key of the page, or one given
 * keys the loop did not read from SCAN, is still a round trip per item.
 */
describe('Redis: one command per SCAN page', () => {
  const goFile = (...loop: string[]) =>
    lines(
      'package main',
      '',
      'import (',
      '\t"context"',
      '',
      '\t"github.com/redis/go-redis/v9"',
      ')',
      '',
      'var rdb = redis.NewClient(&redis.Options{Addr: "redis:6379"})',
      '',
      'func list(ctx context.Context, next func() []string) []interface{} {',
      '\tvar cursor uint64',
      '\tout := []interface{}{}',
      '\tfor {', // 14
      ...loop, // 15…
      '\t\tif cursor == 0 {',
      '\t\t\tbreak',
      '\t\t}',
      '\t}',
      '\treturn out',
      '}',
    );

  it('go-redis: MGET or DEL of the keys SCAN just read is a batch per page (dtm)', async () => {
    const loops = [
      ['\t\tkeys, next, err := rdb.Scan(ctx, cursor, "kv_*", 100).Result()', '\t\tif err != nil {', '\t\t\tbreak', '\t\t}', '\t\tif len(keys) > 0 {', '\t\t\tvalues, _ := rdb.MGet(ctx, keys...).Result()', '\t\t\tout = append(out, values...)', '\t\t}', '\t\tcursor = next'],
      ['\t\tvar keys []string', '\t\tkeys, cursor, _ = rdb.Scan(ctx, cursor, "kv_*", 100).Result()', '\t\trdb.Del(ctx, keys...)'],
    ];
    for (const loop of loops) assert.deepEqual(hazardRows(await joined({ 'main.go': goFile(...loop) })), [], loop[0]);
  });

  it('go-redis: a GET per key of the page, or an MGET of keys from elsewhere, is still reported', async () => {
    const perKey = goFile('\t\tkeys, next, _ := rdb.Scan(ctx, cursor, "kv_*", 100).Result()', '\t\tfor _, k := range keys {', '\t\t\tout = append(out, rdb.Get(ctx, k).Val())', '\t\t}', '\t\tcursor = next');
    assert.deepEqual(hazardRows(await joined({ 'main.go': perKey })), ['query-in-loop main.go:17:22 rdb.Get.Val [for sequential] → -']);
    const elsewhere = goFile('\t\tkeys := next()', '\t\tvalues, _ := rdb.MGet(ctx, keys...).Result()', '\t\tout = append(out, values...)');
    assert.deepEqual(hazardRows(await joined({ 'main.go': elsewhere })), ['query-in-loop main.go:16:16 rdb.MGet.Result [for sequential] → -']);
  });

  it('redis-py and ioredis: DEL or MGET of the page SCAN read', async () => {
    const py = lines(
      'import redis',
      '',
      'redis_client = redis.Redis()',
      '',
      'def purge(pattern):',
      '    cursor = None',
      '    while cursor != 0:',
      '        cursor, keys = redis_client.scan(cursor or 0, match=pattern, count=500)',
      '        if keys:',
      '            redis_client.delete(*keys)',
      '',
      'def touch(pending):',
      '    while pending:',
      '        keys = pending.pop()',
      '        redis_client.delete(*keys)', // 15
    );
    const js = lines(
      "import Redis from 'ioredis';",
      '',
      'const redis = new Redis();',
      '',
      'export async function values(pattern: string) {',
      "  let cursor = '0';",
      '  const out: (string | null)[] = [];',
      '  do {',
      "    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 100);",
      '    cursor = next;',
      '    if (keys.length) out.push(...(await redis.mget(...keys)));',
      "  } while (cursor !== '0');",
      '  return out;',
      '}',
    );
    assert.deepEqual(hazardRows(await joined({ 'purge.py': py, 'src/values.ts': js })), ['query-in-loop purge.py:15:9 redis_client.delete [while sequential] → -']);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A field holding a value of the language's own (vendure's InMemoryCacheStrategy: `protected cache = new Map<…>()`,
 * then `this.cache.delete(key)`) is that value: its `delete` is the Map's, not that of the project's `Cache` class its
 * name recalls, which deletes rows.
 */
describe('TypeScript: a holder made as a Map, a Set, an array or an object literal', () => {
  const cache = lines(
    "import { DataSource } from 'typeorm';",
    'export class Cache {',
    '  constructor(private ds: DataSource) {}',
    '  async delete(key: string) {',
    "    await this.ds.getRepository('CacheItem').delete({ key });",
    '  }',
    '  async add(key: string) {',
    "    await this.ds.getRepository('CacheItem').insert({ key });",
    '  }',
    '}',
  );
  const server = lines(
    "import express from 'express';",
    "import { MemoryStore, LiteralStore } from './stores';",
    "import { ChildStore } from './childStore';",
    "import { DbStore } from './dbStore';",
    'const app = express();',
    "app.post('/invalidate', async (req, res) => {",
    '  await new MemoryStore().invalidate(req.body.keys);',
    '  await new LiteralStore().invalidate(req.body.keys);',
    '  await new ChildStore().invalidate(req.body.keys);',
    '  await new DbStore().invalidate(req.body.keys);',
    '  res.json({ ok: true });',
    '});',
    'app.listen(3000);',
  );

  it("lands on no class of the workspace named like it; a holder of no such value still does", async () => {
    const f = await joined({
      'src/cache.ts': cache,
      'src/server.ts': server,
      'src/stores.ts': lines(
        "import { Cache } from './cache';",
        'export class MemoryStore {',
        '  protected cache = new Map<string, string>();',
        '  async invalidate(keys: string[]) {',
        '    for (const key of keys) this.cache.delete(key);', // 5: the Map's
        '  }',
        '}',
        'export class LiteralStore {',
        '  private cache: Record<string, string> = {};',
        '  private seen = [];',
        '  async invalidate(keys: string[]) {',
        '    for (const key of keys) {',
        '      this.cache.delete(key);', // 13: a plain object's (none): not Cache's
        '      this.seen.add(key);', // 14: an array's: not the class Seen's
        '    }',
        '  }',
        '}',
      ),
      'src/childStore.ts': lines(
        "import { MemoryStore } from './stores';",
        'export class ChildStore extends MemoryStore {',
        '  async invalidate(keys: string[]) {',
        '    for (const key of keys) this.cache.delete(key);', // 4: the Map its base declares
        '  }',
        '}',
      ),
      // A holder of no type said: the class it is named after, as before.
      'src/dbStore.ts': lines(
        'export class DbStore {',
        '  constructor(private cache) {}',
        '  async invalidate(keys: string[]) {',
        '    for (const key of keys) await this.cache.delete(key);', // 4
        '  }',
        '}',
      ),
      'src/seen.ts': lines(
        "import { DataSource } from 'typeorm';",
        'export class Seen {',
        '  constructor(private ds: DataSource) {}',
        "  async add(k: string) { await this.ds.getRepository('Seen').insert({ k }); }",
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop src/dbStore.ts:4:35 this.cache.delete → this.ds.getRepository.delete [for…of sequential] → POST /invalidate']);
  });
});

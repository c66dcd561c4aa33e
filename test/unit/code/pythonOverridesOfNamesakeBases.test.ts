import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * Python: where two files declare a class of the same name (app/cache/base.py's and app/files/base.py's `Backend`), a
 * value typed by the one the caller imports reaches only the overrides of the classes extending that one: their base
 * resolves to it in their own file, or through their imports (absolute or relative); not the other's subclasses.
 */
describe("Python: a base's overrides are those of its own subclasses, not a namesake's", function () {
  this.timeout(10_000);

  const loop = (url: string) => ['        for value in values:', `            httpx.post("${url}", json={"key": key, "value": value})`];

  const workspace = (imported: string): Record<string, string> => ({
      'requirements.txt': 'fastapi\nhttpx\n',
      'app/__init__.py': '',
      'app/cache/__init__.py': '',
      'app/cache/base.py': lines(
        'from abc import ABC, abstractmethod',
        '',
        'import httpx',
        '',
        '',
        'class Backend(ABC):',
        '    @abstractmethod',
        '    def save(self, key, values):',
        '        ...',
        '',
        '',
        'class RedisBackend(Backend):',
        '    def save(self, key, values):',
        ...loop('https://redis.example/set'), // 15
      ),
      'app/cache/disk.py': lines(
        'import httpx',
        '',
        'from .base import Backend',
        '',
        '',
        'class DiskBackend(Backend):',
        '    def save(self, key, values):',
        ...loop('https://disk.example/set'), // 9
      ),
      'app/files/__init__.py': '',
      'app/files/base.py': lines(
        'import httpx',
        '',
        '',
        'class Backend:',
        '    def save(self, key, values):',
        '        raise NotImplementedError',
        '',
        '',
        'class WebDavBackend(Backend):',
        '    def save(self, key, values):',
        ...loop('https://dav.example/upload'), // 12
      ),
      'app/files/s3.py': lines(
        'import httpx',
        '',
        'from app.files.base import Backend',
        '',
        '',
        'class S3Backend(Backend):',
        '    def save(self, key, values):',
        ...loop('https://s3.example/put'), // 9
      ),
      'app/server.py': lines(
        'from fastapi import FastAPI',
        '',
        `from ${imported} import Backend`,
        '',
        'app = FastAPI()',
        '',
        '',
        '@app.put("/cache/{key}")',
        'def put_cache(key: str, values: list[str], cache: Backend):',
        '    cache.save(key, values)',
      ),
    });

  it("the cache Backend imported: RedisBackend (same file) and DiskBackend (relative import), not the files Backend's WebDavBackend", async () => {
    const f = await joined(workspace('app.cache.base'));
    assert.deepEqual(hazardRows(f), [
      'call-in-loop app/cache/base.py:15:13 httpx.post [for sequential] → PUT /cache/{key}',
      'call-in-loop app/cache/disk.py:9:13 httpx.post [for sequential] → PUT /cache/{key}',
      'call-in-loop app/files/base.py:12:13 httpx.post [for sequential] → -',
      'call-in-loop app/files/s3.py:9:13 httpx.post [for sequential] → -',
    ]);
  });

  it("the files Backend imported: WebDavBackend (same file) and S3Backend (absolute import), not the cache Backend's", async () => {
    const f = await joined(workspace('app.files.base'));
    assert.deepEqual(hazardRows(f), [
      'call-in-loop app/cache/base.py:15:13 httpx.post [for sequential] → -',
      'call-in-loop app/cache/disk.py:9:13 httpx.post [for sequential] → -',
      'call-in-loop app/files/base.py:12:13 httpx.post [for sequential] → PUT /cache/{key}',
      'call-in-loop app/files/s3.py:9:13 httpx.post [for sequential] → PUT /cache/{key}',
    ]);
  });
});

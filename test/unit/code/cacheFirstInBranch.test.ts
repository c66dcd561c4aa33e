import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('code analysis: a cache-first test at the start of the branch that holds a call', function () {
  this.timeout(10_000);

  const secrets = (branch: string[]) =>
    lines(
      'import os',
      'import httpx',
      'from .cache import InMemoryCache',
      '',
      'oidc_cache = InMemoryCache()',
      '',
      'def get_secret(secret_name: str):',
      '    if secret_name.startswith("oidc/"):',
      ...branch,
      '    return os.environ.get(secret_name)',
    );
  const app = lines(
    'from fastapi import FastAPI',
    'from .secrets import get_secret',
    '',
    'app = FastAPI()',
    '',
    '@app.get("/key")',
    'async def key(api_key: str):',
    '    return {"key": get_secret(api_key)}', // 8
    '',
    '@app.post("/keys")',
    'def keys(names: list[str]):',
    '    return [get_secret(n) for n in names]', // 12
  );
  const cache = lines('class InMemoryCache:', '    def get_cache(self, key):', '        return None', '    def set_cache(self, key, value):', '        pass');
  const rows = async (branch: string[]) =>
    hazardRows(await joined({ 'app/main.py': app, 'app/secrets.py': secrets(branch), 'app/cache.py': cache })).filter((r) => /^(?:blocking-call|call-in-loop)/.test(r));

  it('does not report a request made only on a miss of the cache read first in that branch (litellm get_secret)', async () => {
    assert.deepEqual(
      await rows([
        '        oidc_aud = secret_name.replace("oidc/", "")',
        '        oidc_token = oidc_cache.get_cache(key=secret_name)',
        '        if oidc_token is not None:',
        '            return oidc_token',
        '        response = httpx.get("http://metadata/identity", params={"audience": oidc_aud}, timeout=5)',
        '        oidc_cache.set_cache(key=secret_name, value=response.text)',
        '        return response.text',
      ]),
      [],
    );
  });

  it('still reports it when the cache is read after the request, or in a loop of the function', async () => {
    assert.deepEqual(
      await rows([
        '        response = httpx.get("http://metadata/identity", timeout=5)', // 9
        '        oidc_token = oidc_cache.get_cache(key=secret_name)',
        '        if oidc_token is not None:',
        '            return oidc_token',
        '        return response.text',
      ]),
      [
        'blocking-call app/main.py:8:20 get_secret → httpx.get → GET /key',
        'call-in-loop app/main.py:12:13 get_secret → httpx.get [comprehension sequential] → POST /keys',
      ],
    );
    assert.deepEqual(
      await rows([
        '        for part in secret_name.split("/"):',
        '            token = oidc_cache.get_cache(key=part)',
        '            if token is not None:',
        '                return token',
        '            httpx.get("http://metadata/identity", timeout=5)', // 13
      ]),
      [
        'blocking-call app/main.py:8:20 get_secret → httpx.get → GET /key',
        'call-in-loop app/main.py:12:13 get_secret → httpx.get [comprehension sequential] → POST /keys',
        'call-in-loop app/secrets.py:13:13 httpx.get [for sequential] → GET /key, POST /keys',
      ],
    );
  });
});

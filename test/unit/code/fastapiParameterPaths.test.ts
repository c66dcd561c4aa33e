import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('FastAPI: a route path given by a name that is a parameter, or that nothing defines', function () {
  this.timeout(10_000);

  it("reads a parameter of the factory around by its string default (Prefect's `create_api_app(health_check_path: str = \"/health\")` with `@api_app.get(health_check_path)`); leaves out one with no default and a name defined nowhere, not at the root", async () => {
    const f = await joined({
      'app/paths.py': lines('STATUS_PATH = "/status"'),
      'app/main.py': lines(
        'from fastapi import FastAPI',
        'from app.paths import STATUS_PATH',
        '',
        'def create_api_app(health_check_path: str = "/health", version_check_path="/version", ready_path: str = None, live_path=None) -> FastAPI:',
        '    api_app = FastAPI()',
        '',
        '    @api_app.get(health_check_path)',
        '    async def health_check() -> bool:',
        '        return True',
        '',
        '    @api_app.get(version_check_path)',
        '    async def server_version() -> str:',
        '        return "1"',
        '',
        '    @api_app.get(ready_path)',
        '    async def ready() -> bool:',
        '        return True',
        '',
        '    @api_app.get(live_path)',
        '    async def live() -> bool:',
        '        return True',
        '',
        '    @api_app.get(UNDEFINED_PATH)',
        '    async def unknown() -> bool:',
        '        return True',
        '',
        '    @api_app.get(STATUS_PATH)',
        '    async def status() -> bool:',
        '        return True',
        '',
        '    @api_app.get("/")',
        '    async def root() -> str:',
        '        return "root"',
        '',
        '    return api_app',
        '',
        'app = create_api_app()',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/health', 'app/main.py', 6, 'fastapi'],
      ['GET', '/version', 'app/main.py', 10, 'fastapi'],
      ['GET', '/status', 'app/main.py', 26, 'fastapi'],
      ['GET', '/', 'app/main.py', 30, 'fastapi'],
    ]);
  });
});

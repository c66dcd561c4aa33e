import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('FastAPI: a function that includes the router it is given', function () {
  this.timeout(10_000);

  it("tracecat's `_include_workspace_scoped_router(app, router)` including `router` at the root and under `/workspaces/{workspace_id}`: each router a call hands it, under both (and under the prefixes of the router it includes it on); a function no call hands a router includes nothing", async () => {
    const f = await joined({
      'app/items.py': lines(
        'from fastapi import APIRouter',
        'router = APIRouter(prefix="/items")',
        '@router.get("")', // 2
        'async def list_items():',
        '    return []',
      ),
      'app/cases.py': lines(
        'from fastapi import APIRouter',
        'router = APIRouter(prefix="/cases")',
        '@router.post("")', // 2
        'async def create_case():',
        '    return {}',
      ),
      'app/tags.py': lines(
        'from fastapi import APIRouter',
        'router = APIRouter(prefix="/tags")',
        '@router.get("")', // 2
        'async def list_tags():',
        '    return []',
      ),
      'app/main.py': lines(
        'from fastapi import APIRouter, FastAPI',
        'from app.items import router as items_router',
        'from app.cases import router as cases_router',
        'from app.tags import router as tags_router',
        '',
        'def _include_workspace_scoped_router(app: FastAPI, router: APIRouter) -> None:',
        '    app.include_router(router)',
        '    app.include_router(router, prefix="/workspaces/{workspace_id}")',
        '',
        'def _versioned(parent: APIRouter, child: APIRouter) -> None:',
        '    parent.include_router(child, prefix="/v2")',
        '',
        'def _unused(app, router):',
        '    app.include_router(router, prefix="/nope")',
        '',
        'def create_app() -> FastAPI:',
        '    app = FastAPI()',
        '    _include_workspace_scoped_router(app, items_router)',
        '    _include_workspace_scoped_router(app, cases_router)',
        '    api = APIRouter(prefix="/api")',
        '    _versioned(api, tags_router)',
        '    app.include_router(api)',
        '    return app',
        '',
        'app = create_app()',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['POST', '/cases', 'app/cases.py', 2, 'fastapi'],
      ['POST', '/workspaces/{workspace_id}/cases', 'app/cases.py', 2, 'fastapi'],
      ['GET', '/items', 'app/items.py', 2, 'fastapi'],
      ['GET', '/workspaces/{workspace_id}/items', 'app/items.py', 2, 'fastapi'],
      ['GET', '/api/v2/tags', 'app/tags.py', 2, 'fastapi'],
    ]);
  });
});

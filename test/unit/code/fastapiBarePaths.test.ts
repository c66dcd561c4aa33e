import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('FastAPI: a route path written without a leading slash', function () {
  this.timeout(10_000);

  it("is the prefix and the path as written, tracecat's `@router.post(\":upload\")` on `APIRouter(prefix=\"/skills\")` (also under an include's prefix); on a router or app with no prefix, or where a mount gives none, it is no route", async () => {
    const f = await joined({
      'app/skills.py': lines(
        'from fastapi import APIRouter',
        '',
        'router = APIRouter(prefix="/skills")',
        '',
        '@router.post("")',
        'async def create_skill():',
        '    return {}',
        '',
        '@router.post(":upload")', // 8
        'async def upload_skill():',
        '    return {}',
      ),
      'app/tags.py': lines(
        'from fastapi import APIRouter',
        '',
        'router = APIRouter()',
        '',
        '@router.get(":search")', // 4
        'async def search_tags():',
        '    return {}',
      ),
      'app/loose.py': lines(
        'from fastapi import APIRouter',
        '',
        'router = APIRouter()',
        '',
        '@router.get(":count")',
        'async def count():',
        '    return {}',
      ),
      'app/main.py': lines(
        'from fastapi import FastAPI',
        'from app.skills import router as skills_router',
        'from app.tags import router as tags_router',
        'from app.loose import router as loose_router',
        '',
        'app = FastAPI()',
        'app.include_router(skills_router)',
        'app.include_router(tags_router, prefix="/tags")',
        'app.include_router(loose_router)',
        'app.include_router(tags_router, prefix="/v2/tags")',
        'app.include_router(loose_router, prefix="/v2")',
        '',
        '@app.get("health")',
        'async def health():',
        '    return {}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/v2:count', 'app/loose.py', 4, 'fastapi'],
      ['POST', '/skills', 'app/skills.py', 4, 'fastapi'],
      ['POST', '/skills:upload', 'app/skills.py', 8, 'fastapi'],
      ['GET', '/tags:search', 'app/tags.py', 4, 'fastapi'],
      ['GET', '/v2/tags:search', 'app/tags.py', 4, 'fastapi'],
    ]);
  });
});

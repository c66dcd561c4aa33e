import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

/** FastAPI routes whose path is a constant or built with `+` (onyx's hierarchy-nodes API). */
describe('FastAPI: a route path given by name or built with +', () => {
  it("onyx: @router.get(SEARCH_PATH) and @router.get(SEARCH_PATH + \"/x\") read as @router.get(f\"{SEARCH_PATH}\") does, the module's constant or an imported one, under the router's prefix; not in a module that does not import FastAPI", async () => {
    const f = await joined({
      'app/main.py': lines('from fastapi import FastAPI', 'from app.hierarchy.api import router', 'app = FastAPI()', 'app.include_router(router)'),
      'app/hierarchy/constants.py': lines('NODES_PATH = "/nodes"'),
      'app/hierarchy/api.py': lines(
        'from fastapi import APIRouter',
        'from app.hierarchy.constants import NODES_PATH',
        'SEARCH_PATH = "/search"',
        'router = APIRouter(prefix="/hierarchy-nodes")',
        '@router.get(f"{SEARCH_PATH}")', // 4
        'def a(): ...',
        '@router.get(SEARCH_PATH + "/x")', // 6
        'def b(): ...',
        '@router.get(SEARCH_PATH)', // 8
        'def c(): ...',
        '@router.post(NODES_PATH + "/{node_id}")', // 10
        'def d(node_id: int): ...',
      ),
      'app/cache.py': lines('from app.store import store', 'KEY = "/k"', '@store.get(KEY)', 'def cached(): ...'),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`),
      [
        'GET /hierarchy-nodes/search app/hierarchy/api.py:4',
        'GET /hierarchy-nodes/search/x app/hierarchy/api.py:6',
        'GET /hierarchy-nodes/search app/hierarchy/api.py:8',
        'POST /hierarchy-nodes/nodes/{node_id} app/hierarchy/api.py:10',
      ],
    );
  });
});

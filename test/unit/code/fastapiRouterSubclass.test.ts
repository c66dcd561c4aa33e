import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe("FastAPI: a project's own APIRouter subclass whose name does not end in APIRouter", function () {
  this.timeout(10_000);

  const utils = lines(
    'from typing import Any',
    'from fastapi import APIRouter',
    '',
    'class PrefectRouter(APIRouter):',
    '    def __init__(self, **kwargs: Any) -> None:',
    '        super().__init__(**kwargs)',
  );

  it("keeps its prefix= (Prefect's `router: PrefectRouter = PrefectRouter(prefix=\"/flow_runs\", …)` with `@router.post(\"/filter\")`)", async () => {
    const f = await joined({
      'app/utils.py': utils,
      'app/api/flow_runs.py': lines(
        'from app.utils import PrefectRouter',
        '',
        'router: PrefectRouter = PrefectRouter(prefix="/flow_runs", tags=["Flow Runs"])',
        '',
        '@router.post("/filter")',
        'async def read_flow_runs():',
        '    return []',
      ),
      'app/api/runs.py': lines(
        'from app.utils import PrefectRouter',
        '',
        'router = PrefectRouter(prefix="/runs", tags=["Runs"])',
        '',
        '@router.get("/{id}")',
        'async def read_run(id: str):',
        '    return id',
      ),
      'app/main.py': lines(
        'from fastapi import FastAPI',
        'from app.api import flow_runs, runs',
        '',
        'app = FastAPI()',
        'app.include_router(flow_runs.router)',
        'app.include_router(runs.router)',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['POST', '/flow_runs/filter', 'app/api/flow_runs.py', 4, 'fastapi'],
      ['GET', '/runs/{id}', 'app/api/runs.py', 4, 'fastapi'],
    ]);
  });

  it('not for a …Router(prefix=…) whose variable no FastAPI verb is called on in its module', async () => {
    const f = await joined({
      'app/utils.py': utils,
      'app/api/flows.py': lines(
        'from fastapi import APIRouter',
        'from app.utils import PrefectRouter',
        '',
        'other = PrefectRouter(prefix="/other")',
        'router = APIRouter()',
        '',
        '@router.get("/{id}")',
        'async def read_flow(id: str):',
        '    return id',
      ),
      'app/main.py': lines(
        'from fastapi import FastAPI',
        'from app.api import flows',
        '',
        'app = FastAPI()',
        'app.include_router(flows.router)',
      ),
    });
    assert.deepEqual(routeRows(f), [['GET', '/{id}', 'app/api/flows.py', 6, 'fastapi']]);
  });
});

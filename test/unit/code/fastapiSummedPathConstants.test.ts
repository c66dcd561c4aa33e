import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('FastAPI: a path constant of another module written as a sum of constants and literals', function () {
  this.timeout(10_000);

  it("fides' `DATASET_CONFIGS = CONNECTION_BY_KEY + DATASET_CONFIG` and `DATASET_BY_KEY = CONNECTION_BY_KEY + DATASETS + \"/{dataset_key}\"` in its urn_registry: the path its names spell; a sum with a call in it is no route", async () => {
    const f = await joined({
      'app/urn_registry.py': lines(
        'V1_URL_PREFIX = "/api/v1"',
        'CONNECTION_BY_KEY = "/connection/{connection_key}"',
        'DATASET_CONFIG = "/datasetconfig"',
        'DATASETS = "/dataset"',
        'DATASET_CONFIGS = CONNECTION_BY_KEY + DATASET_CONFIG',
        'DATASET_BY_KEY = CONNECTION_BY_KEY + DATASETS + "/{dataset_key}"',
        'TEST_DATASET = DATASET_BY_KEY + "/test"  # run a test',
        'DYNAMIC = CONNECTION_BY_KEY + suffix()',
      ),
      'app/main.py': lines(
        'from fastapi import APIRouter, FastAPI',
        'from app.urn_registry import CONNECTION_BY_KEY, DATASET_BY_KEY, DATASET_CONFIGS, DYNAMIC, TEST_DATASET, V1_URL_PREFIX',
        '',
        'router = APIRouter(prefix=V1_URL_PREFIX)',
        '',
        '@router.get(CONNECTION_BY_KEY)', // 5
        'async def get_connection(connection_key: str):',
        '    return {}',
        '',
        '@router.put(DATASET_CONFIGS)', // 9
        'async def put_dataset_configs(connection_key: str):',
        '    return {}',
        '',
        '@router.get(DATASET_BY_KEY)', // 13
        'async def get_dataset(connection_key: str, dataset_key: str):',
        '    return {}',
        '',
        '@router.post(TEST_DATASET)', // 17
        'async def test_dataset(connection_key: str, dataset_key: str):',
        '    return {}',
        '',
        '@router.get(DYNAMIC)',
        'async def dynamic():',
        '    return {}',
        '',
        'app = FastAPI()',
        'app.include_router(router)',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/api/v1/connection/{connection_key}', 'app/main.py', 5, 'fastapi'],
      ['PUT', '/api/v1/connection/{connection_key}/datasetconfig', 'app/main.py', 9, 'fastapi'],
      ['GET', '/api/v1/connection/{connection_key}/dataset/{dataset_key}', 'app/main.py', 13, 'fastapi'],
      ['POST', '/api/v1/connection/{connection_key}/dataset/{dataset_key}/test', 'app/main.py', 17, 'fastapi'],
    ]);
  });
});

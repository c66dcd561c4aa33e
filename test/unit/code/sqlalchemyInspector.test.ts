import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** SQLAlchemy's Inspector reads the database's catalogue: dispatch's `inspect(engine).get_schema_names()` per request. */
describe("SQLAlchemy: the Inspector's reads", () => {
  it('are queries: a synchronous one in an async middleware blocks every request', async () => {
    const f = await joined({
      'app/main.py': lines(
        'from fastapi import FastAPI, Request',
        'from sqlalchemy import create_engine, inspect',
        'engine = create_engine("postgresql://db/app")',
        'app = FastAPI()',
        '',
        '@app.middleware("http")',
        'async def db_session_middleware(request: Request, call_next):',
        '    if "tenant" not in inspect(engine).get_schema_names():',
        '        return None',
        '    return await call_next(request)',
        '',
        '@app.get("/items")',
        'def items():',
        '    return []',
      ),
    });
    assert.deepEqual(hazardRows(f), ['blocking-call app/main.py:8:24 inspect.get_schema_names → GET /items']);
  });
});

import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const loops = (rows: string[]) => rows.filter((r) => /^(?:call|query)-in-loop/.test(r));

describe('a session annotated as SQLAlchemy\'s or SQLModel\'s Session is a database session, also where the module imports httpx', function () {
  this.timeout(10_000);

  it("`session.delete(row)` per row of a loop on a session typed AsyncSession is no remote call (langflow's flows); a requests Session's delete still is", async () => {
    const f = await joined({
      'app/main.py': lines(
        'import httpx',
        'from fastapi import FastAPI',
        'from sqlmodel import select',
        'from sqlmodel.ext.asyncio.session import AsyncSession',
        'from requests import Session',
        'from .models import Flow',
        '',
        'app = FastAPI()',
        '',
        '@app.delete("/typed")',
        'async def typed(ids: list[int], session: AsyncSession):',
        '    for flow in ids:',
        '        await session.delete(flow)', // 13
        '    await session.commit()',
        '',
        '@app.delete("/remote")',
        'def remote(urls: list[str], session: Session):',
        '    for url in urls:',
        '        session.delete(url, timeout=5)', // 19
      ),
      'app/models.py': lines('from sqlmodel import SQLModel, Field', 'class Flow(SQLModel, table=True):', '    id: int | None = Field(default=None, primary_key=True)'),
    });
    assert.deepEqual(loops(hazardRows(f)), ['call-in-loop app/main.py:19:9 session.delete [for sequential] → DELETE /remote']);
  });
});

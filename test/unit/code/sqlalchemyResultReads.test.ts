import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('unbounded-query: a SQLAlchemy result read whole through scalars(), unique(), or awaited in parentheses', () => {
  it("result = await session.execute(select(T)), then result.scalars().all() (polar's and fief's repositories), also sync and through unique(); (await session.execute(…)).scalars().all() and (await session.scalars(…)).all(); not when the statement is limited or pinned to a key", async () => {
    const f = await joined({
      'app/main.py': lines(
        'from fastapi import FastAPI', // 1
        'from sqlalchemy import select, text',
        'app = FastAPI()',
        '@app.get("/a")',
        'async def a(session):', // 5
        '    result = await session.execute(select(Tenant))',
        '    return result.scalars().all()',
        '@app.get("/b")',
        'async def b(session):',
        '    return (await session.execute(select(Tenant))).scalars().all()', // 10
        '@app.get("/c")',
        'async def c(session):',
        '    return (await session.scalars(select(Tenant))).all()',
        '@app.get("/d")',
        'def d(session):', // 15
        '    result = session.execute(select(Tenant))',
        '    return result.unique().scalars().all()',
        '@app.get("/e")',
        'async def e(self, statement):',
        '    result = await self.session.execute(select(Tenant).order_by(Tenant.name))', // 20
        '    return list(result.scalars().unique().all())',
        '@app.get("/limited")',
        'async def limited(session):',
        '    result = await session.execute(select(Tenant).limit(10))',
        '    rows = result.scalars().all()', // 25
        '    stmt = select(Tenant).limit(5)',
        '    more = (await session.execute(stmt)).scalars().all()',
        '    return rows + more + (await session.scalars(select(Tenant).limit(3))).all()',
        '@app.get("/keyed")',
        'async def keyed(session, org_id):', // 30
        '    stmt = select(Member).where(Member.organization_id == org_id)',
        '    result = await session.execute(stmt)',
        '    first = (await session.execute(select(Tenant))).scalars().first()',
        '    return result.scalars().all(), first',
        '@app.get("/raw")', // 35
        'async def raw(session):',
        '    return (await session.execute("SELECT name FROM tags")).all()',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query app/main.py:10:12 session.execute.scalars.all → GET /b',
      'unbounded-query app/main.py:13:12 session.scalars.all → GET /c',
      'unbounded-query app/main.py:17:12 result.unique.scalars.all → GET /d',
      'unbounded-query app/main.py:21:17 result.scalars.unique.all → GET /e',
      'unbounded-query app/main.py:37:12 session.execute.all → GET /raw',
      'unbounded-query app/main.py:7:12 result.scalars.all → GET /a',
    ]);
  });

  it('in a loop, (await session.execute(…)).scalars().all() is one query per turn, said once, and no blocking call', async () => {
    const f = await joined({
      'app/jobs.py': lines(
        'from sqlalchemy import select',
        'async def members(session, orgs):',
        '    out = []',
        '    for org in orgs:',
        '        out.append((await session.execute(select(Member).where(Member.organization_id == org.id))).scalars().all())',
        '    return out',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop app/jobs.py:5:27 session.execute [for sequential] → -']);
  });

  it("through a method of the file that only runs the statement it is given (fief's `result = await self._execute_query(statement)`), not one that does more", async () => {
    const f = await joined({
      'app/repo.py': lines(
        'from fastapi import FastAPI', // 1
        'from sqlalchemy import select',
        'from sqlalchemy.engine import Result',
        'app = FastAPI()',
        'class BaseRepository:', // 5
        '    async def list(self, statement):',
        '        result = await self._execute_query(statement)',
        '        return result.scalars().unique().all()',
        '',
        '    async def _execute_query(self, statement: Select) -> Result:', // 10
        '        return await self.session.execute(statement)',
        '',
        '    async def _logged(self, statement):',
        '        log(statement)',
        '        return await self.session.execute(statement)', // 15
        '',
        '    async def other(self):',
        '        result = await self._logged(select(Tenant))',
        '        return result.all()',
        '', // 20
        '@app.get("/fields")',
        'async def fields(repo: BaseRepository):',
        '    return await repo.list(select(UserField)), await repo.other()',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query app/repo.py:8:16 result.scalars.unique.all → GET /fields']);
  });
});

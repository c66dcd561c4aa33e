import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe("unbounded-query: a SQLAlchemy helper that runs the statement it is given is judged by each caller's statement", () => {
  it("polar's RepositoryBase.get_all(statement), fief's BaseRepository.list(statement): on the routes of callers that give an unbounded statement only; not one limited, pinned to a key, built so before the call or given by keyword; none when every caller bounds it, its own routes when no caller is found", async () => {
    const f = await joined({
      'app/repo.py': lines(
        'from sqlalchemy import select', // 1
        '',
        'class Repo:',
        '    model = Tenant',
        '    def __init__(self, session):', // 5
        '        self.session = session',
        '',
        '    async def get_all(self, statement):',
        '        result = await self.session.execute(statement)',
        '        return result.scalars().unique().all()', // 10
        '',
        '    async def list(self, statement):',
        '        return (await self.session.execute(statement)).all()',
        '',
        '    async def all(self):', // 15
        '        return await self.list(select(self.model))',
        '',
        '    async def by_owner(self, owner_id):',
        '        statement = select(Tenant).where(Tenant.owner_id == owner_id)',
        '        return await self.list(statement)', // 20
        '',
        '    async def orphan(self, statement):',
        '        result = await self.session.execute(statement)',
        '        return result.all()',
        '',
        '    async def narrowed(self, statement):', // 26
        '        statement = statement.limit(10)',
        '        return (await self.session.execute(statement)).all()',
        '',
        '    async def some(self, statement):', // 30
        '        return (await self.session.scalars(statement)).all()',
      ),
      'app/main.py': lines(
        'from fastapi import FastAPI', // 1
        'from sqlalchemy import select',
        'from app.repo import Repo',
        'app = FastAPI()',
        '@app.get("/a")', // 5
        'async def a(session):',
        '    return await Repo(session).get_all(select(Tenant))',
        '@app.get("/b")',
        'async def b(session):',
        '    return await Repo(session).get_all(select(Tenant).limit(10))', // 10
        '@app.get("/c")',
        'async def c(session, tid):',
        '    stmt = select(Tenant).where(Tenant.id == tid)',
        '    return await Repo(session).get_all(stmt.order_by(Tenant.name))',
        '@app.get("/d")', // 15
        'async def d(session):',
        '    return await Repo(session).get_all(statement=select(Tenant).limit(3))',
        '@app.get("/fields")',
        'async def fields(session):',
        '    return await Repo(session).all()', // 20
        '@app.get("/owned")',
        'async def owned(session, owner_id):',
        '    return await Repo(session).by_owner(owner_id)',
        '@app.get("/some")',
        'async def some(session):', // 25
        '    return await Repo(session).some(select(Tenant).limit(5))',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query app/repo.py:10:16 result.scalars.unique.all → GET /a',
      'unbounded-query app/repo.py:13:16 self.session.execute.all → GET /fields',
      'unbounded-query app/repo.py:24:16 result.all → -',
    ]);
  });
});

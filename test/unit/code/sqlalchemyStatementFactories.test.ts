import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe("unbounded-query: a SQLAlchemy statement a project's factory makes for a key it is given is bounded by that key", () => {
  it("fief's get_user_permissions_statement(user.id), polar's get_statement_by_org_ids(org_ids), get_statement_by_user(subject), _get_list_by_user_id_query(user_id), cases_statement(organization_id=org.id); not the Query API's query(User.id), nor a factory given no key", async () => {
    const f = await joined({
      'app/repo.py': lines(
        'from sqlalchemy import select', // 1
        'class Repo:',
        '    async def get_all(self, statement):',
        '        result = await self.session.execute(statement)',
        '        return result.scalars().unique().all()', // 5
        '',
        '    async def by_user(self, session, user_id):',
        '        stmt = self._get_list_by_user_id_query(user_id)',
        '        res = await session.execute(stmt)',
        '        return res.scalars().unique().all()', // 10
        '',
        '    async def cases(self, session, org):',
        '        return (await session.execute(cases_statement(organization_id=org.id, viewer_user_id=self.uid))).all()',
        '',
        '    def ids(self, session):', // 15
        '        return session.query(User.id).all()',
        '',
        '    async def base(self, session):',
        '        return (await session.execute(self.get_base_statement())).scalars().all()',
        '', // 20
        '    async def by_status(self, session, status):',
        '        return (await session.execute(build_statement(status))).scalars().all()',
        '',
        '    async def open_orders(self, session):', // 24: `_by_` a status, not a key
        '        return (await session.execute(self.get_statement_by_status("open"))).scalars().all()',
      ),
      'app/main.py': lines(
        'from fastapi import FastAPI', // 1
        'from app.repo import Repo',
        'app = FastAPI()',
        '@app.get("/permissions")',
        'async def permissions(repo: Repo, user):', // 5
        '    return await repo.get_all(repo.get_user_permissions_statement(user.id))',
        '@app.get("/orgs")',
        'async def orgs(repo: Repo, org_ids):',
        '    return await repo.get_all(repo.get_statement_by_org_ids(org_ids))',
        '@app.get("/mine")', // 10
        'async def mine(repo: Repo, auth_subject):',
        '    statement = repo.get_statement_by_user(auth_subject.subject)',
        '    return await repo.get_all(statement)',
        '@app.get("/ops")',
        'async def ops(repo: Repo):', // 15
        '    return await repo.get_all(repo.get_ops_statement())',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query app/repo.py:16:16 session.query.all → -',
      'unbounded-query app/repo.py:19:16 session.execute.scalars.all → -',
      'unbounded-query app/repo.py:22:16 session.execute.scalars.all → -',
      'unbounded-query app/repo.py:25:16 session.execute.scalars.all → -',
      'unbounded-query app/repo.py:5:16 result.scalars.unique.all → GET /ops',
    ]);
  });
});

import { strict as assert } from 'node:assert';
import { PyLocalTypes, pyLocalTypes } from '../../../src/core/code/localTypes';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * tracecat makes its services with an async classmethod, `sync_service = await WorkspaceSyncService.for_workspace(
 * session, role)`, which returns `cls(…)`: the local is an instance of that class as the same factory not awaited
 * makes one.
 */
describe("Python: a local made by its class's async factory, awaited", () => {
  it('is typed by that class: its method per item is a query in a loop on the route; an awaited call of another kind gives no class', async () => {
    const f = await joined({
      'app/service.py': lines(
        'from sqlalchemy import update',
        'class SyncService:',
        '    def __init__(self, session):',
        '        self.session = session',
        '    @classmethod',
        '    async def for_workspace(cls, session) -> "SyncService":',
        '        return cls(session)',
        '    async def pull(self, ids):',
        '        for event_id in ids:',
        '            await self.session.execute(update(Event).where(Event.id == event_id))', // 10
        '    async def push(self, ids):',
        '        for event_id in ids:',
        '            await self.session.execute(update(Event).where(Event.id == event_id))', // 13
      ),
      'app/main.py': lines(
        'from fastapi import FastAPI',
        'from app.service import SyncService',
        'app = FastAPI()',
        '@app.post("/sync/pull")',
        'async def pull(ids: list[int], session: AsyncSession):',
        '    svc = await SyncService.for_workspace(session)',
        '    return await svc.pull(ids)',
        '@app.post("/sync/push")',
        'async def push(ids: list[int], session: AsyncSession):',
        '    svc = await SyncService.parse_all(session)', // not a factory's name: of unknown kind
        '    return await svc.push(ids)',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/service.py:10:19 self.session.execute [for sequential] → POST /sync/pull',
      'query-in-loop app/service.py:13:19 self.session.execute [for sequential] → -',
    ]);
  });

  it('every name at once gives what one name at a time gives: an awaited factory is its class, an awaited constructor or function none', () => {
    const body = [
      'async def handle(session):',
      '    svc = await WorkspaceSyncService.for_workspace(session, role)',
      '    repo = await repos.OrderRepo.from_session(session)',
      '    made = await Client(session)',
      '    rows = await fetch_rows(session)',
      '    plain = OrderRepo.create(session)',
    ].join('\n');
    const table = PyLocalTypes.of(body);
    for (const name of ['svc', 'repo', 'made', 'rows', 'plain']) assert.deepEqual(table.typesOf(name), pyLocalTypes(body, name), name);
    assert.deepEqual(['svc', 'repo', 'made', 'rows', 'plain'].map((n) => table.typesOf(n)), [['WorkspaceSyncService'], ['OrderRepo'], [], [], ['OrderRepo']]);
  });
});

import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe("SQLAlchemy: a session's get(Model, key) and refresh(row) per item, whatever the session is named", function () {
  this.timeout(20_000);

  it("session.get(Event, id) and self.session.refresh(record) in a loop are queries (tracecat's approvals)", async () => {
    const f = await joined({
      'app/main.py': lines(
        'from fastapi import Depends, FastAPI',
        'from sqlalchemy.ext.asyncio import AsyncSession',
        'from app.models import Event',
        'app = FastAPI()',
        '@app.post("/events/mark")',
        'async def mark(ids: list[int], session: AsyncSession = Depends(get_session)):',
        '    out = []',
        '    for event_id in ids:',
        '        out.append(await session.get(Event, event_id))',
        '    return out',
        '@app.post("/events/refresh")',
        'async def refresh(ids: list[int], session: AsyncSession = Depends(get_session)):',
        '    events = [Event(id=i) for i in ids]',
        '    for event in events:',
        '        await session.refresh(event)',
        '    return events',
      ),
      'app/service.py': lines(
        'from sqlalchemy import select',
        'from app import models',
        'class ApprovalService:',
        '    async def create_many(self, records, ids):',
        '        for record in records:',
        '            await self.session.refresh(record)',
        '        for i in ids:',
        '            await self.session.get_one(models.Approval, i)',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app/main.py:15:15 session.refresh [for sequential] → POST /events/refresh',
      'query-in-loop app/main.py:9:26 session.get [for sequential] → POST /events/mark',
      'query-in-loop app/service.py:6:19 self.session.refresh [for sequential] → -',
      'query-in-loop app/service.py:8:19 self.session.get_one [for sequential] → -',
    ]);
  });

  it("a URL or a constant given to a session's get is still an HTTP request; refresh outside a SQLAlchemy module is no query", async () => {
    const f = await joined({
      'app/peers.py': lines(
        'import requests',
        'session = requests.Session()',
        'def each(ids):',
        '    for i in ids:',
        '        session.get(BASE_URL, params={"id": i}, timeout=2)',
        '    for i in ids:',
        '        session.get(f"https://peer/{i}", timeout=2)',
      ),
      'app/tokens.py': lines(
        'from app.auth import Session',
        'class Tokens:',
        '    def renew(self, tokens):',
        '        for token in tokens:',
        '            self.session.refresh(token)',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'call-in-loop app/peers.py:5:9 session.get [for sequential] → -',
      'call-in-loop app/peers.py:7:9 session.get [for sequential] → -',
    ]);
  });
});

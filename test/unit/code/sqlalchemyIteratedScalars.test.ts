import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/** freqtrade's rpc.py: `[t.id for t in Trade.session.scalars(select(Trade).filter(…))]`, iterated with no `.all()`. */
describe('unbounded-query: a SQLAlchemy 2.0 session.scalars(select(T)) iterated unread reads every row, as .all() would', () => {
  it('reports a for loop and a comprehension over session.scalars(select(T)) or session.execute(select(T)).scalars(); not one limited, keyed, or read one row', async () => {
    const f = await joined({
      'app/main.py': lines(
        'from fastapi import FastAPI', // 1
        'from sqlalchemy import select',
        'from app.models import Trade',
        'app = FastAPI()',
        '@app.get("/direct")', // 5
        'def direct():',
        '    return [t.id for t in Trade.session.scalars(select(Trade).filter(Trade.is_open.is_(False)))]',
        '@app.get("/loop")',
        'def loop(session):',
        '    wins = 0', // 10
        '    for t in session.execute(select(Trade)).scalars():',
        '        wins += t.close_profit > 0',
        '    return wins',
        '@app.get("/limited")',
        'def limited(session, user_id):', // 15
        '    a = [t.id for t in session.scalars(select(Trade).limit(10))]',
        '    b = [t.id for t in session.scalars(select(Trade).where(Trade.user_id == user_id))]',
        '    c = session.scalars(select(Trade)).first()',
        '    return a, b, c',
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('unbounded-query')), [
      'unbounded-query app/main.py:11:14 session.execute(select(Trade)).scalars() → GET /loop',
      'unbounded-query app/main.py:7:27 Trade.session.scalars(select(Trade).filter(Trade.is_open.is_(False))) → GET /direct',
    ]);
  });
});

import assert from 'node:assert/strict';
import { joined, lines } from './fixtureWorkspace';

describe('code analysis: an unbounded query bounded on one branch names the branch that bounds it', function () {
  this.timeout(10_000);

  const explanations = async (body: string[]) => {
    const f = await joined({
      'app/main.py': lines(
        'from fastapi import FastAPI',
        'from sqlmodel import select',
        'from sqlmodel.ext.asyncio.session import AsyncSession',
        'from .models import Flow',
        '',
        'app = FastAPI()',
        'AUTO_LOGIN = False',
        '',
        '@app.get("/flows")',
        'async def read_flows(user_id: int, session: AsyncSession):',
        ...body,
        '    return (await session.exec(stmt)).all()',
      ),
      'app/models.py': lines('from sqlmodel import SQLModel, Field', 'class Flow(SQLModel, table=True):', '    id: int | None = Field(default=None, primary_key=True)', '    user_id: int'),
    });
    return [...f.values()].flatMap((a) => a.hazards).filter((h) => h.code === 'unbounded-query').map((h) => /Its bound is set only when `([^`]*)`/.exec(h.explanation)?.[1] ?? '');
  };

  it('says the else branch holds when the if\'s condition does not', async () => {
    assert.deepEqual(
      await explanations([
        '    if AUTO_LOGIN:',
        '        stmt = select(Flow)',
        '    else:',
        '        stmt = select(Flow).where(Flow.user_id == user_id)',
      ]),
      ['not AUTO_LOGIN'],
    );
  });

  it('wraps a compound condition it negates, and keeps the if\'s own condition when the bound is in its body', async () => {
    assert.deepEqual(
      await explanations([
        '    if AUTO_LOGIN or user_id == 0:',
        '        stmt = select(Flow)',
        '    else:',
        '        stmt = select(Flow).where(Flow.user_id == user_id)',
      ]),
      ['not (AUTO_LOGIN or user_id == 0)'],
    );
    assert.deepEqual(
      await explanations([
        '    if user_id:',
        '        stmt = select(Flow).where(Flow.user_id == user_id)',
        '    else:',
        '        stmt = select(Flow)',
      ]),
      ['user_id'],
    );
  });

  it('names an elif\'s own condition, and no condition for an else after elifs', async () => {
    assert.deepEqual(
      await explanations([
        '    if AUTO_LOGIN:',
        '        stmt = select(Flow)',
        '    elif user_id:',
        '        stmt = select(Flow).where(Flow.user_id == user_id)',
        '    else:',
        '        stmt = select(Flow)',
      ]),
      ['user_id'],
    );
    assert.deepEqual(
      await explanations([
        '    if AUTO_LOGIN:',
        '        stmt = select(Flow)',
        '    elif user_id == 0:',
        '        stmt = select(Flow)',
        '    else:',
        '        stmt = select(Flow).where(Flow.user_id == user_id)',
      ]),
      [''],
    );
  });
});

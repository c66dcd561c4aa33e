import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

const inLoop = (rows: string[]) => rows.filter((r) => r.startsWith('query-in-loop'));

describe('code analysis: SQLModel session.exec(statement) is a query', function () {
  this.timeout(10_000);

  it('reports session.exec in a loop (directly and through a helper), not Python\'s exec() nor exec on a holder that is no session', async () => {
    const f = await joined({
      'app/main.py': lines(
        'from fastapi import FastAPI',
        'from sqlmodel import select, Session',
        'from sqlmodel.ext.asyncio.session import AsyncSession',
        'from .models import Flow',
        '',
        'app = FastAPI()',
        '',
        'async def new_flow(*, session: AsyncSession, name: str):', // 8
        '    if (await session.exec(select(Flow).where(Flow.name == name))).first():', // 9
        '        name = name + " (1)"',
        '    return name',
        '',
        '@app.post("/upload")',
        'async def upload(names: list[str], session: AsyncSession):', // 14
        '    for name in names:',
        '        await new_flow(session=session, name=name)', // 16
        '    return names',
        '',
        '@app.post("/direct")',
        'def direct(names: list[str], session: Session):', // 20
        '    out = []',
        '    for name in names:',
        '        result = session.exec(select(Flow).where(Flow.name == name))', // 23
        '        out.append(result.first())',
        '    return out',
        '',
        '@app.post("/code")',
        'def code(snippets: list[str], shell):', // 28
        '    for s in snippets:',
        '        exec(s)', // 30: the builtin
        '        shell.exec(s)', // 31: no session
        '    return snippets',
      ),
      'app/models.py': lines(
        'from sqlmodel import SQLModel, Field',
        'class Flow(SQLModel, table=True):',
        '    id: int | None = Field(default=None, primary_key=True)',
        '    name: str',
      ),
    });
    assert.deepEqual(inLoop(hazardRows(f)), [
      'query-in-loop app/main.py:16:15 new_flow → session.exec [for sequential] → POST /upload',
      'query-in-loop app/main.py:23:18 session.exec [for sequential] → POST /direct',
    ]);
  });
});

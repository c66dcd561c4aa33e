import { strict as assert } from 'node:assert';
import { joined, lines } from './fixtureWorkspace';

/**
 * tracecat lists a case's comments with its conditions kept in a list and spread into the statement,
 * `predicates = [CaseComment.case_id == case_id]`, then `select(…).where(*predicates)`; its sync adapters filter a
 * model they are given, `model.workspace_id == …` with `model: type[T]`. Both pin a parent's key, as
 * `where(Comment.case_id == case_id)` written in place does.
 */
describe('SQLAlchemy: a key pinned in a list of conditions the statement spreads, or on a model given as a parameter', () => {
  const handler = (name: string, ...body: string[]) => [`async def ${name}(case_id, thread=None, ids=()):`, '    async with SessionLocal() as session:', ...body.map((l) => `        ${l}`)];
  const rows = (f: Map<string, { hazards: { code: string; range: { start: { line: number } }; explanation: string }[] }>) =>
    [...f.values()].flatMap((a) => a.hazards.filter((h) => h.code === 'unbounded-query').map((h) => `${h.range.start.line + 1}${/only when/.test(h.explanation) ? ' (partly)' : ''}`));

  it('bounded: the list begins with the key, or has it appended on every path; the model a helper is given', async () => {
    const f = await joined({
      'app/comments.py': lines(
        'from sqlalchemy import ColumnElement, select',
        ...handler(
          'spread',
          'predicates: list[ColumnElement[bool]] = [Comment.case_id == case_id]',
          'if thread is not None:',
          '    predicates.append(Comment.parent_id == thread)',
          'statement = select(Comment).where(Comment.deleted_at.is_(None), *predicates).order_by(Comment.created_at)',
          'result = await session.execute(statement)',
          'return result.scalars().all()',
        ),
        ...handler('appended', 'conditions = []', 'conditions.append(Comment.case_id == case_id)', 'return (await session.execute(select(Comment).where(*conditions))).scalars().all()'),
        'async def list_for(model: type[Comment], owner_id):',
        '    async with SessionLocal() as session:',
        '        stmt = select(model.id).where(model.case_id == owner_id)',
        '        return (await session.execute(stmt)).tuples().all()',
      ),
    });
    assert.deepEqual(rows(f), []);
  });

  it('not bounded: a list a comprehension makes (for an or_), one without a key, one given the key on some paths only', async () => {
    const f = await joined({
      'app/comments.py': lines(
        'from sqlalchemy import select, or_',
        ...handler('anyof', 'predicates = [Comment.id == i for i in ids]', 'return (await session.execute(select(Comment).where(or_(*predicates)))).scalars().all()'), // 5
        ...handler('visible', 'predicates = [Comment.body != ""]', 'return (await session.execute(select(Comment).where(*predicates))).scalars().all()'), // 9
        ...handler('maybe', 'conditions = []', 'if thread:', '    conditions.append(Comment.case_id == case_id)', 'return (await session.execute(select(Comment).where(*conditions))).scalars().all()'), // 15
        'async def list_all(model: type[Comment]):',
        '    async with SessionLocal() as session:',
        '        return (await session.execute(select(model).where(model.deleted_at.is_(None)))).scalars().all()', // 18
      ),
    });
    assert.deepEqual(rows(f), ['5', '9', '15 (partly)', '18']);
  });
});

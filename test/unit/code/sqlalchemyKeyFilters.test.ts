import assert from 'node:assert/strict';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('unbounded-query: a SQLAlchemy where pins a key also case-folded, and after arguments with calls in them', () => {
  it("polar's where(func.lower(Customer.email) == email.lower()) and where(~W.is_deleted, W.events.bool_op('@>')(text(…)), W.organization_id == target.id) are bounded; a key only inside an or_(…), or a case-folded column that is no key, is not", async () => {
    const f = await joined({
      'app/repo.py': lines(
        'from sqlalchemy import func, or_, select, text', // 1
        'def by_email(session, email):',
        '    return session.execute(select(Customer).where(func.lower(Customer.email) == email.lower())).scalars().all()',
        'def endpoints(session, event, target):',
        '    statement = select(W).where(', // 5
        '        ~W.is_deleted,',
        '        W.events.bool_op("@>")(text(f"\'[\\"{event}\\"]\'")),',
        '        W.organization_id == target.id,',
        '    )',
        '    return session.scalars(statement).all()', // 10
        'def either(session, email):',
        '    return session.scalars(select(Org).where(or_(func.lower(User.email) == email, Org.email == email))).all()',
        'def by_name(session, name):',
        '    return session.scalars(select(User).where(func.lower(User.name) == name)).all()',
        'def grouped(session, a, b):', // 15
        '    return session.scalars(select(Case).where(or_(Case.owner_id == a, Case.assignee_id == b), Case.status == "open")).all()',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query app/repo.py:12:12 session.scalars.all → -',
      'unbounded-query app/repo.py:14:12 session.scalars.all → -',
      'unbounded-query app/repo.py:16:12 session.scalars.all → -',
    ]);
  });
});

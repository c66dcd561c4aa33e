import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * SQLAlchemy's Query kept in a local or reached from a model a helper is given (lemur's database.py: `query =
 * session_query(model)` then `query.filter(…).scalar()`, `model.query`, a classmethod's `cls.query`).
 */
describe('SQLAlchemy: a Query held by a local or a model parameter', () => {
  it('runs where it is read, so per item in a loop through the helper', async () => {
    const f = await joined({
      'lemur/database.py': lines(
        'from sqlalchemy import exc, func',
        'from lemur.extensions import db',
        '',
        'def session_query(model):',
        '    return model.query if hasattr(model, "query") else db.session.query(model)',
        '',
        'def get(model, value, field="id"):',
        '    query = session_query(model)',
        '    return query.filter(getattr(model, field) == value).scalar()',
        '',
        'def count(model):',
        '    return model.query.count()',
      ),
      'lemur/roles/models.py': lines(
        'from lemur.extensions import db',
        'class Role(db.Model):',
        '    @classmethod',
        '    def by_name(cls, name):',
        '        return cls.query.filter_by(name=name).first()',
      ),
      'lemur/auth/views.py': lines(
        'from lemur import database',
        'from lemur.roles.models import Role',
        '',
        'def sync_roles(groups):',
        '    for group in groups:',
        '        database.get(Role, group, field="name")', // 6
        '        Role.by_name(group)', // 7
        '        database.count(Role)', // 8
        '    params = {"q": 1}',
        '    for key in groups:',
        '        query = params',
        '        query.get(key)', // 12: a dict's get
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop lemur/auth/views.py:6:9 database.get → query.filter.scalar [for sequential] → -',
      'query-in-loop lemur/auth/views.py:7:9 Role.by_name → cls.query.filter_by.first [for sequential] → -',
      'query-in-loop lemur/auth/views.py:8:9 database.count → model.query.count [for sequential] → -',
    ]);
  });
});

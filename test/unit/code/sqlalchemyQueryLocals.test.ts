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
        'from sqlalchemy import func',
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
        '        query.update({key: 1})', // a dict's update
        '        query.count(" ")', // a search string's count
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop lemur/auth/views.py:7:9 database.get → query.filter.scalar [for sequential] → -',
      'query-in-loop lemur/auth/views.py:8:9 Role.by_name → cls.query.filter_by.first [for sequential] → -',
      'query-in-loop lemur/auth/views.py:9:9 database.count → model.query.count [for sequential] → -',
    ]);
  });
});

describe('Python: a class called is its __init__', () => {
  it("what a model's __init__ queries runs where one is made, per item of a loop (lemur's Certificate(**kwargs) → get_or_increase_name)", async () => {
    const f = await joined({
      'lemur/certificates/models.py': lines(
        'from sqlalchemy import Column',
        'from lemur.extensions import db',
        '',
        'def get_or_increase_name(name):',
        '    count = Certificate.query.filter(Certificate.name.ilike(name)).count()', // 5
        '    return name if count == 0 else f"{name}-{count}"',
        '',
        'class Certificate(db.Model):',
        '    def __init__(self, **kwargs):',
        '        self.name = get_or_increase_name(kwargs["name"])',
        '',
        'class Plain(db.Model):',
        '    pass',
      ),
      'lemur/certificates/views.py': lines(
        'from flask import Blueprint',
        'from lemur.certificates.models import Certificate, Plain',
        'mod = Blueprint("certificates", __name__)',
        '@mod.route("/certificates", methods=["POST"])',
        'def create():',
        '    for name in request.json["names"]:',
        '        Plain()',
        '        Certificate(name=name)', // 8
        '    return "ok"',
      ),
    });
    assert.deepEqual(hazardRows(f), ['query-in-loop lemur/certificates/views.py:8:9 Certificate → get_or_increase_name → Certificate.query.filter.count [for sequential] → POST /certificates']);
  });
});

import assert from 'node:assert/strict';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/** Flask apps: what a route reaches and which routes there are (calibre-web's and CTFd's shapes), joined as the CLI does. */
describe('Flask: sessions held elsewhere, built routes, built queries', function () {
  this.timeout(20_000);

  it('a SQLAlchemy session another module or an imported object holds (`ub.session.query(…)`) runs its queries', async () => {
    // calibre-web: ub.py's module-level session, and cps/__init__.py's `calibre_db = db.CalibreDB()`.
    const f = await joined({
      'cps/ub.py': lines('from sqlalchemy.orm import sessionmaker', '', 'session = sessionmaker()()'),
      'cps/__init__.py': lines('from flask import Flask', 'from . import db', '', 'app = Flask(__name__)', 'calibre_db = db.CalibreDB()'),
      'cps/db.py': lines('from sqlalchemy.orm import sessionmaker', '', 'class CalibreDB:', '    def __init__(self):', '        self.session = sessionmaker()()'),
      'cps/web.py': lines(
        'from flask import Blueprint, request',
        'from . import calibre_db, db, ub',
        'from .oauth import blueprint',
        '',
        'web = Blueprint("web", __name__)',
        '',
        '@web.route("/all")',
        'def all_books():',
        '    return {"n": len(ub.session.query(db.Books).all())}',
        '',
        '@web.route("/all2")',
        'def all_books2():',
        '    return {"n": len(calibre_db.session.query(db.Books).all())}',
        '',
        '@web.route("/titles", methods=["POST"])',
        'def titles():',
        '    return [ub.session.query(db.Books).filter(db.Books.id == i).first() for i in request.json]',
        '',
        '@web.route("/remote", methods=["POST"])',
        'def remote():',
        '    return [blueprint.session.get("/user/" + i) for i in request.json]',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.includes('cps/web.py')),
      [
        'query-in-loop cps/web.py:17:13 ub.session.query.filter.first [comprehension sequential] → POST /titles',
        'unbounded-query cps/web.py:13:22 calibre_db.session.query.all → GET /all2',
        'unbounded-query cps/web.py:9:22 ub.session.query.all → GET /all',
      ],
    );
  });

  it('`add_url_rule` with a path built by `.format()` or an f-string in a loop over a literal list: a route per item', async () => {
    // calibre-web's web.py: `for d in data: web.add_url_rule('/{}/<sort_param>'.format(d), view_func=books_list, …)`.
    const f = await joined({
      'app.py': lines(
        'from flask import Blueprint',
        '',
        'web = Blueprint("web", __name__)',
        '',
        'def books_list(data, sort_param):',
        '    return data',
        '',
        'data = ["hot", "rated"]',
        'for d in data:',
        '    web.add_url_rule("/{}/<sort_param>".format(d), view_func=books_list)',
        'for d in ("a",):',
        '    web.add_url_rule(f"/{d}/x/", view_func=books_list)',
        '    web.add_url_rule("/{0}/{1}".format(d, other), view_func=books_list)',
        'web.add_url_rule("/{}/list".format("fixed"), view_func=books_list)',
        'web.add_url_rule("/{}/no".format(d.upper()), view_func=books_list)',
        // A function's own `data` is not the module's (review); the module's, read in a function, is.
        'def admin_routes():',
        '    data = ["users", "groups"]',
        '    for d in data:',
        '        web.add_url_rule("/admin/{}".format(d), view_func=books_list)',
        'KINDS = ["top"]',
        'def register():',
        '    for k in KINDS:',
        '        web.add_url_rule("/{}/<page>".format(k), view_func=books_list)',
        'register()',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/hot/<sort_param>', 'app.py', 9, 'flask'],
      ['GET', '/rated/<sort_param>', 'app.py', 9, 'flask'],
      ['GET', '/a/x/', 'app.py', 11, 'flask'],
      ['GET', '/fixed/list', 'app.py', 13, 'flask'],
      ['GET', '/top/<page>', 'app.py', 22, 'flask'],
    ]);
  });

  it('a query built step by step keeps its model; a loop over a query unread reads every row', async () => {
    // CTFd's get_all_challenges: `chal_q = Challenges.query…`, `chal_q = chal_q.filter_by(…).order_by(…)`, `for c in chal_q: … c.tags`.
    const f = await joined({
      'app.py': lines(
        'from flask import Flask',
        'from flask_sqlalchemy import SQLAlchemy',
        '',
        'app = Flask(__name__)',
        'db = SQLAlchemy(app)',
        '',
        'class Challenges(db.Model):',
        '    id = db.Column(db.Integer, primary_key=True)',
        '    tags = db.relationship("Tags", backref="challenge")',
        '',
        '@app.route("/built")',
        'def built():',
        '    chal_q = Challenges.query.filter(Challenges.id > 3)',
        '    chal_q = chal_q.order_by(Challenges.id)',
        '    return {"n": [len(c.tags) for c in chal_q]}',
        '',
        '@app.route("/inline")',
        'def inline():',
        '    return {"n": [c.id for c in db.session.query(Challenges).filter(Challenges.id > 3)]}',
        '',
        '@app.route("/limited")',
        'def limited():',
        '    chal_q = Challenges.query.filter(Challenges.id > 3)',
        '    chal_q = chal_q.limit(10)',
        '    return {"n": [c.id for c in chal_q]}',
        '',
        '@app.route("/one")',
        'def one():',
        '    return {"n": [c.id for c in Challenges.query.filter(Challenges.id == 3)]}',
      ),
      // A session named db or DBSession queries a model (review).
      'sessions.py': lines(
        'from fastapi import Depends, FastAPI',
        'from sqlalchemy.orm import Session, scoped_session, sessionmaker',
        'from models import User',
        'app = FastAPI()',
        'DBSession = scoped_session(sessionmaker())',
        '@app.get("/users")',
        'def users(db: Session = Depends(get_db)):',
        '    return [u.id for u in db.query(User).filter(User.name != "")] + [u.id for u in DBSession.query(User)]',
      ),
      // Another library's query, called (PynamoDB's Model.query(hash_key, limit=…), records' db.query(sql)): it pages (review).
      'pynamo.py': lines(
        'from flask import Flask',
        'from models import Order',
        'import records',
        'app = Flask(__name__)',
        'db = records.Database("postgres://")',
        '@app.route("/orders/<cid>")',
        'def orders(cid):',
        '    return {"n": [o.order_no for o in Order.query(cid, limit=20)] + [r.id for r in db.query("SELECT id FROM t LIMIT 10")]}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('query-in-loop')),
      ['query-in-loop app.py:15:23 c.tags [comprehension sequential] → GET /built'],
    );
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('unbounded-query')),
      [
        'unbounded-query app.py:15:40 chal_q → GET /built',
        'unbounded-query app.py:19:33 db.session.query(Challenges).filter(Challenges.id > 3) → GET /inline',
        'unbounded-query sessions.py:8:27 db.query(User).filter(User.name != "") → GET /users',
        'unbounded-query sessions.py:8:84 DBSession.query(User) → GET /users',
      ],
    );
  });

  it('a marshmallow schema made with many=True and kept in a variable runs its post_dump hook per item', async () => {
    // CTFd's GET /api/v1/teams: `schema = TeamSchema(view=…, many=True)`, then `schema.dump(teams.items)`.
    const f = await joined({
      'app.py': lines(
        'from flask import Flask',
        'from flask_sqlalchemy import SQLAlchemy',
        'from marshmallow import Schema, fields, post_dump',
        '',
        'app = Flask(__name__)',
        'db = SQLAlchemy(app)',
        '',
        'class TeamSchema(Schema):',
        '    id = fields.Integer()',
        '',
        '    @post_dump',
        '    def add_fields(self, data, **kwargs):',
        '        data["fields"] = TeamField.query.filter_by(id=data["id"]).first()',
        '        return data',
        '',
        '@app.route("/variable")',
        'def variable():',
        '    schema = TeamSchema(many=True)',
        '    return {"data": schema.dump(Team.query.paginate(per_page=50).items)}',
        '',
        '@app.route("/one")',
        'def one():',
        '    schema = TeamSchema()',
        '    return {"data": schema.dump(Team.query.first())}',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('query-in-loop')),
      ['query-in-loop app.py:19:21 schema.dump → TeamField.query.filter_by.first [marshmallow many=True sequential] → GET /variable'],
    );
  });

  it('a lazy relationship read in a loop inside `if request.method == "POST":` is on the POST route only', async () => {
    // CTFd's admin reset view: `if request.method == "POST": … for p in Pages.query.all(): for f in p.files: …`.
    const f = await joined({
      'app.py': lines(
        'from flask import Flask, request',
        'from flask_sqlalchemy import SQLAlchemy',
        '',
        'app = Flask(__name__)',
        'db = SQLAlchemy(app)',
        '',
        'class Pages(db.Model):',
        '    id = db.Column(db.Integer, primary_key=True)',
        '    files = db.relationship("PageFiles", backref="page")',
        '',
        '@app.route("/reset", methods=["GET", "POST"])',
        'def reset():',
        '    if request.method == "POST":',
        '        for p in Pages.query.limit(10).all():',
        '            for f in p.files:',
        '                print(f)',
        '        return "done"',
        '    return [len(p.files) for p in Pages.query.limit(5).all()]',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop app.py:15:22 p.files [for sequential] → POST /reset',
      'query-in-loop app.py:18:17 p.files [comprehension sequential] → GET /reset, POST /reset',
    ]);
  });

  it("a method of an object the package makes at its top level (`calibre_db.get_book(i)`) is followed where it is imported", async () => {
    // calibre-web: cps/__init__.py's `calibre_db = db.CalibreDB()`, imported by each views module.
    const f = await joined({
      // (`from cps import db` in cps/: the project's own module, as `from . import db` is (review).)
      'cps/__init__.py': lines('from flask import Flask', 'from cps import db', '', 'app = Flask(__name__)', 'calibre_db = db.CalibreDB()'),
      'cps/db.py': lines(
        'from sqlalchemy.orm import sessionmaker',
        '',
        'class CalibreDB:',
        '    def __init__(self):',
        '        self.session = sessionmaker()()',
        '',
        '    def get_book(self, book_id):',
        '        return self.session.query(Books).filter(Books.id == book_id).first()',
        '',
        'def get_book(book_id):',
        '    return None',
      ),
      'cps/web.py': lines(
        'from flask import Blueprint, request',
        'from . import calibre_db',
        '',
        'web = Blueprint("web", __name__)',
        '',
        '@web.route("/titles", methods=["POST"])',
        'def titles():',
        '    return [calibre_db.get_book(i).id for i in request.json]',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.includes('cps/web.py')),
      ['query-in-loop cps/web.py:8:13 calibre_db.get_book → self.session.query.filter.first [comprehension sequential] → POST /titles'],
    );
  });

  it("not one of a library's class named as a class of the project (flask_caching's Cache beside the project's own Cache) (review)", async () => {
    const f = await joined({
      'extensions.py': lines('from flask_caching import Cache', 'cache = Cache()'),
      'reports.py': lines('from models import Report', 'class Cache:', '    def get(self, key):', '        return Report.query.all()'),
      'app.py': lines('from flask import Flask', 'from extensions import cache', 'app = Flask(__name__)', '@app.get("/profile")', 'def profile():', '    return cache.get("profile")'),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.includes('GET /profile')), []);
  });
});


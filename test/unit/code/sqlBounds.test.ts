import assert from 'node:assert/strict';
import { selectWithoutLimit, uniqueKeysOf } from '../../../src/core/code/hazards/unboundedQueries';
import { hazardRows, joined, lines } from './fixtureWorkspace';

describe('unbounded-query in SQL: a lookup by key is bounded, however its names are written', () => {
  it('quoted names are keys too, and natural keys (email, username, a JHipster login, slug, a setting\'s key, a token); a column that only ends in the letters i-d is none', () => {
    const bounded = ['SELECT "email" FROM users WHERE "id" = $1', 'SELECT * FROM t WHERE u."user_id" = $1', 'SELECT * FROM t WHERE `id` = ?', 'SELECT * FROM t WHERE [Id] = @p0', 'SELECT * FROM t WHERE ownerId = ?', 'SELECT * FROM t WHERE userID = ?', 'SELECT "email", "password" FROM users WHERE "email" = $1', 'SELECT * FROM articles WHERE slug = ?', 'SELECT `value` FROM setting WHERE `key` = ? ', 'select bankAccount from BankAccount bankAccount where bankAccount.user.login = ?#{authentication.name}', 'SELECT id FROM user_token WHERE token = ?', 'SELECT u.id FROM users u JOIN user_token tk ON u.id = tk.user_id WHERE tk.token = ?'];
    const unbounded = ['SELECT * FROM t WHERE "name" = $1', 'SELECT * FROM orders WHERE paid = true', 'SELECT * FROM tokens WHERE valid = 1', 'SELECT * FROM t'];
    assert.deepEqual(bounded.filter((q) => selectWithoutLimit(q)), []);
    assert.deepEqual(unbounded.filter((q) => !selectWithoutLimit(q)), []);
  });

  it("the database's own catalog grows with the schema, not the data (wakapi's size query); a join of it with a table does not", () => {
    const bounded = [
      'SELECT page_count * page_size as size FROM pragma_page_count(), pragma_page_size();',
      'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1',
      'SELECT name FROM sqlite_master WHERE type = "table"',
      'SELECT pid, query FROM pg_stat_activity',
      'SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1',
    ];
    const unbounded = ['SELECT * FROM users JOIN pg_roles ON pg_roles.rolname = users.name', 'SELECT * FROM (SELECT * FROM information_schema.tables) t, users', 'SELECT * FROM pragmas'];
    assert.deepEqual(bounded.filter((q) => selectWithoutLimit(q)), []);
    assert.deepEqual(unbounded.filter((q) => !selectWithoutLimit(q)), []);
  });

  it("an aggregate is one row, whatever groups a subquery inside it (Unleash's SELECT EXISTS(… GROUP BY …)), also after other columns (redash's SELECT 'queries' AS name, count(0)); one grouped itself is a row per group, one a subquery of the list computes is not the outer query's", () => {
    const bounded = [
      'SELECT EXISTS(SELECT 1 FROM project_settings LEFT JOIN features ON a = b WHERE x GROUP BY project_settings.project HAVING c <= COUNT(features.project)) AS present',
      'SELECT COUNT(*) FROM (SELECT user_id FROM events GROUP BY user_id) t',
      "SELECT 'queries' AS name, count(0) AS value FROM queries",
      'SELECT now() AS at, COALESCE(SUM(size), 0) FROM files',
    ];
    const unbounded = [
      'SELECT COUNT(*) FROM events GROUP BY user_id',
      'SELECT COUNT(*), (SELECT 1) FROM events GROUP BY user_id',
      'SELECT type, count(0) FROM data_sources GROUP BY 1',
      'SELECT t.*, (SELECT count(*) FROM tags WHERE tags.item = t.id) AS n FROM items t',
      'SELECT lower(name) FROM users',
      // A window function gives a value on each row; SQLite's max(a, b) takes the larger of two values.
      'SELECT id, name, COUNT(*) OVER () AS total FROM users WHERE active = true',
      'SELECT id, max(score) OVER (PARTITION BY team_id) FROM players',
      'SELECT id, max(a, b) FROM pairs',
    ];
    assert.deepEqual(bounded.filter((q) => selectWithoutLimit(q)), []);
    assert.deepEqual(unbounded.filter((q) => !selectWithoutLimit(q)), []);
  });

  it("a list the caller gives bounds the rows (IN :ids, = ANY($1)); the rows outside it do not (NOT IN)", () => {
    // Also placeholders written in for each item (uptime-kuma's `IN (${ids.map(() => "?").join(",")})`, Python's `IN ({marks})`).
    const bounded = [
      'SELECT * FROM t WHERE operation IN :operations',
      'SELECT * FROM t WHERE name = ANY($1)',
      'SELECT * FROM t WHERE file_name IN (?)',
      'SELECT monitor_id, notification_id FROM monitor_notification WHERE monitor_notification.monitor_id IN (${monitorIDs.map((_) => "?").join(",")})',
      'SELECT * FROM t WHERE name IN ({marks})',
    ];
    const unbounded = ['SELECT * FROM albums WHERE parent_album_id NOT IN (?)', 'SELECT * FROM t WHERE name NOT IN :names', 'SELECT * FROM t WHERE name NOT IN (${marks})'];
    assert.deepEqual(bounded.filter((q) => selectWithoutLimit(q)), []);
    assert.deepEqual(unbounded.filter((q) => !selectWithoutLimit(q)), []);
  });

  it("Sequelize: findAll of the ids the caller gives (where: { id: { [Op.in]: ids } }) is bounded by them; one by another operator is not", async () => {
    // outline's presenters and Revision model.
    const f = await joined({
      'server/models/Revision.ts': lines(
        "import { Op } from 'sequelize';",
        'export async function byIds(ids: string[]) {',
        '  return Revision.findAll({ where: { id: { [Op.in]: ids } } });',
        '}',
        'export async function recent(since: Date) {',
        '  return Revision.findAll({ where: { createdAt: { [Op.gt]: since } } });',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query server/models/Revision.ts:6:10 Revision.findAll → -']);
  });

  it('in the code: the node-postgres middleware of ljlm0402/typescript-express-starter', async () => {
    const f = await joined({
      'src/auth.ts': lines(
        "import pg from './db';",
        'export async function currentUser(id: number) {',
        '  const { rows } = await pg.query(`',
        '    SELECT "email", "password" FROM users WHERE "id" = $1',
        '  `, [id]);',
        '  return rows[0];',
        '}',
        'export async function unpaid() {',
        "  return (await pg.query('SELECT * FROM orders WHERE paid = false')).rows;",
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query src/auth.ts:9:17 pg.query → -']);
  });

  it('an aggregate with a default for no rows (IFNULL(SUM(…), 0), COALESCE(MAX(…), 0)) is one row; grouped, it is one per group', () => {
    assert.equal(selectWithoutLimit('SELECT IFNULL(SUM(attachment_size), 0) FROM messages WHERE sender = ?'), false);
    assert.equal(selectWithoutLimit('SELECT COALESCE(MAX(version), 0) FROM schema_version'), false);
    assert.equal(selectWithoutLimit('SELECT IFNULL(SUM(size), 0) FROM messages GROUP BY topic'), true);
    assert.equal(selectWithoutLimit('SELECT IFNULL(name, title) FROM messages'), true);
  });

  it('the keys a schema in the same text declares (column PRIMARY KEY or UNIQUE, a table key, CREATE UNIQUE INDEX) bound a lookup that pins all of one', () => {
    const schema = `
      CREATE TABLE IF NOT EXISTS user (
        id TEXT PRIMARY KEY,
        user TEXT NOT NULL,
        pass TEXT NOT NULL,
        price DECIMAL(10, 2) CHECK (price IN (1, 2)),
        tier_id TEXT
      );
      CREATE UNIQUE INDEX idx_user ON user (user);
      create table if not exists "user_access" (user_id TEXT NOT NULL, topic TEXT NOT NULL, "read" INT, PRIMARY KEY (user_id, topic));
      CREATE TABLE stats (key TEXT PRIMARY KEY, value INT);
      CREATE TABLE tier (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT);
      CREATE INDEX idx_name ON tier (name);
    `;
    const keys = uniqueKeysOf(schema);
    assert.deepEqual(Object.fromEntries(keys), {
      user: [['id'], ['user']],
      user_access: [['user_id', 'topic']],
      stats: [['key']],
      tier: [['id'], ['code']],
    });
    const bounded = ['SELECT u.id, t.name FROM user u LEFT JOIN tier t on t.id = u.tier_id WHERE user = ?', "SELECT value FROM stats WHERE key = 'messages'", 'SELECT * FROM tier t WHERE t.code = ?', 'SELECT "read" FROM user_access WHERE topic = ? AND user_id = ?'];
    const unbounded = ['SELECT * FROM user WHERE pass = ?', 'SELECT * FROM user WHERE user = ? OR pass = ?', 'SELECT * FROM user_access WHERE topic = ?', 'SELECT * FROM tier WHERE name = ?', 'SELECT * FROM messages WHERE user = ?', 'SELECT * FROM user'];
    assert.deepEqual(bounded.filter((q) => selectWithoutLimit(q, keys)), []);
    assert.deepEqual(unbounded.filter((q) => !selectWithoutLimit(q, keys)), []);
    // Without the schema, only those that pin a `…_id` or a `key` are known to be bounded.
    assert.deepEqual(bounded.filter((q) => !selectWithoutLimit(q)), ["SELECT value FROM stats WHERE key = 'messages'", 'SELECT "read" FROM user_access WHERE topic = ? AND user_id = ?']);
  });

  it('in the code: ntfy keeps its schema in the Go file that queries it', async () => {
    const f = await joined({
      'go.mod': 'module heckel.io/ntfy\n',
      'user/manager.go': lines(
        'package user',
        '',
        'import "database/sql"',
        '',
        'const (',
        '\tcreateTablesQuery = `',
        '\t\tCREATE TABLE IF NOT EXISTS user (',
        '\t\t\tid TEXT PRIMARY KEY,',
        '\t\t\tuser TEXT NOT NULL,',
        '\t\t\trole TEXT NOT NULL',
        '\t\t);',
        '\t\tCREATE UNIQUE INDEX idx_user ON user (user);',
        '\t`',
        '\tselectUserByNameQuery = `SELECT id, user, role FROM user WHERE user = ?`',
        '\tselectUsersByRoleQuery = `SELECT id, user FROM user WHERE role = ?`',
        ')',
        '',
        'type Manager struct{ db *sql.DB }',
        '',
        'func (a *Manager) User(name string) (*sql.Rows, error) { return a.db.Query(selectUserByNameQuery, name) }',
        'func (a *Manager) Admins() (*sql.Rows, error) { return a.db.Query(selectUsersByRoleQuery, "admin") }',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query user/manager.go:21:56 a.db.Query → -']);
  });
  it("Python ORMs agree with it: a SQLAlchemy filter or a Django filter on a key or a parent's key is bounded; an or_, == None, another column or a relation object are not (dispatch, mealie)", async () => {
    const f = await joined({
      'app/participants.py': lines(
        'from sqlalchemy import or_, select',
        'from .models import Participant, Case',
        '',
        'def by_incident(db_session, incident_id):',
        '    return db_session.query(Participant).filter(Participant.incident_id == incident_id).all()',
        '',
        'def new_cases(db_session, project_id):',
        '    return db_session.query(Case).filter(Case.project_id == project_id).filter(Case.status == "new").all()',
        '',
        'def by_project(db_session, project_id):',
        '    return db_session.query(Case).filter_by(project_id=project_id).all()',
        '',
        'def owned(session, owner):',
        '    return session.scalars(select(Case).where(Case.status == "open", Case.owner_id == owner)).all()',
        '',
        'def either(db_session, a, b):',
        '    return db_session.query(Case).filter(or_(Case.owner_id == a, Case.assignee_id == b)).all()',
        '',
        'def roots(db_session):',
        '    return db_session.query(Case).filter(Case.parent_id == None).all()',
        '',
        'def enabled(db_session):',
        '    return db_session.query(Case).filter(Case.enabled == True).all()',
      ),
      'talks/views.py': lines(
        'from django.http import JsonResponse',
        'from .models import Talk',
        '',
        'def talks(request, event_id):',
        '    mine = list(Talk.objects.filter(event_id=event_id))',
        '    team = list(Talk.objects.filter(event__team__id=request.user.team_id))',
        '    roots = list(Talk.objects.filter(parent_id=None))',
        '    of_event = list(Talk.objects.filter(event=request.event))',
        '    return JsonResponse({"n": len(mine) + len(team) + len(roots) + len(of_event)})',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'unbounded-query app/participants.py:17:12 db_session.query.filter.all → -',
      'unbounded-query app/participants.py:20:12 db_session.query.filter.all → -',
      'unbounded-query app/participants.py:23:12 db_session.query.filter.all → -',
      'unbounded-query talks/views.py:7:18 Talk.objects.filter → -',
      'unbounded-query talks/views.py:8:21 Talk.objects.filter → -',
    ]);
  });

  it("…also through the project's own field class of that name (bookwyrm's `user = fields.ForeignKey(\"User\", …)`, a subclass of Django's)", async () => {
    const f = await joined({
      'bookwyrm/models/fields.py': lines('from django.db import models', 'class ForeignKey(ActivitypubRelatedFieldMixin, models.ForeignKey):', '    pass'),
      'bookwyrm/models/shelf.py': lines('from django.db import models', 'from bookwyrm.models import fields', 'class Shelf(models.Model):', '    user = fields.ForeignKey("User", on_delete=models.PROTECT)', '    name = fields.CharField(max_length=100)'),
      'bookwyrm/views/imports.py': lines(
        'from bookwyrm.models import Shelf',
        'def import_data(request):',
        '    return list(Shelf.objects.filter(user=request.user)) + list(Shelf.objects.filter(name=request.GET["q"]))',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query bookwyrm/views/imports.py:3:65 Shelf.objects.filter → -']);
  });

  it("a Django filter on a relation of the workspace's models is one object's rows (healthchecks' `Check.objects.filter(project=project)`, pretalx's `filter(schedule__event=event)`, across relations and back by related_name, also one a model inherits from an abstract model or mixin, whose header may span lines, and loaded with the rows through a lookup, `prefetch_related('room__floor')`; a parent's key given as a dict); a field that is no relation, a lookup, None, exclude() and a relation with no way back are not", async () => {
    const f = await joined({
      'events/models.py': lines(
        'from django.conf import settings',
        'from django.db import models',
        '',
        'class Event(models.Model):',
        '    name = models.CharField(max_length=100)',
        '',
        'class Schedule(models.Model):',
        '    event = models.ForeignKey(Event, related_name="schedules", on_delete=models.CASCADE)',
        '',
        'class Talk(models.Model):',
        '    event = models.ForeignKey("events.Event", on_delete=models.CASCADE)',
        '    schedule = models.ForeignKey(Schedule, related_name="+", on_delete=models.CASCADE)',
        '    speakers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="talks")',
        '    status = models.CharField(max_length=20)',
        '',
        'class RoomModel(models.Model):',
        '    room = models.ForeignKey(',
        "        to='events.Room',",
        '        on_delete=models.CASCADE,',
        '    )',
        '',
        '    class Meta:',
        '        abstract = True',
        '',
        'class Seat(',
        '    RoomModel,',
        '    models.Model,',
        '):',
        '    row = models.ForeignKey(Row, on_delete=models.CASCADE)',
      ),
      'events/views.py': lines(
        'from django.http import JsonResponse',
        'from .models import Event, Schedule, Talk',
        '',
        'def talks(request, status):',
        '    of_event = list(Talk.objects.filter(event=request.event))',
        '    in_schedule = list(Talk.objects.filter(schedule__event=request.event).order_by("id"))',
        '    mine = list(Talk.objects.filter(speakers=request.user))',
        '    spoken = list(Event.objects.filter(talk__speakers=request.user))',
        '    planned = list(Event.objects.filter(schedules=request.schedule))',
        '    by_status = list(Talk.objects.filter(status=status))',
        '    named = list(Talk.objects.filter(event__name__startswith=status))',
        '    orphans = list(Talk.objects.filter(event=None))',
        '    others = list(Talk.objects.exclude(event=request.event))',
        '    back = list(Schedule.objects.filter(talk=request.talk))',
        '    seats = list(Seat.objects.filter(room=request.room)) + list(Seat.objects.filter(row=request.row))',
        '    names = [s.room.name for s in Seat.objects.all()[:50]]',
        '    loaded = [s.room.name for s in Seat.objects.prefetch_related("room__floor")[:50]]',
        '    splat = list(Talk.objects.filter(**{"event_id": request.event.id, "status": status}))',
        '    return JsonResponse({"n": len(of_event + in_schedule + mine + spoken + planned + by_status + named + orphans + others + back + seats + names + loaded + splat)})',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop events/views.py:16:14 s.room [comprehension sequential] → -',
      'unbounded-query events/views.py:10:22 Talk.objects.filter → -',
      'unbounded-query events/views.py:11:18 Talk.objects.filter → -',
      'unbounded-query events/views.py:12:20 Talk.objects.filter → -',
      'unbounded-query events/views.py:13:19 Talk.objects.exclude → -',
      'unbounded-query events/views.py:14:17 Schedule.objects.filter → -',
    ]);
  });

  it("Go builders: a session narrowed by statements before its Find, to a key or a parent's key or a page (apache/answer's xorm repositories, a Limit after a line break), is bounded; one narrowed to another column is not", async () => {
    const f = await joined({
      'go.mod': 'module example.com/answer\n',
      'repo/follow.go': lines(
        'package repo',
        '',
        'import "xorm.io/xorm"',
        '',
        'func (r *Repo) followers(ctx context.Context, objectID string) (ids []string, err error) {',
        '\tsession := r.DB.Context(ctx).Select("user_id")',
        '\tsession.Where("object_id = ?", objectID)',
        '\tsession.Where("cancelled = 0")',
        '\terr = session.Find(&ids)',
        '\treturn',
        '}',
        '',
        'func (r *Repo) page(ctx context.Context, page, size int) (rows []Question, count int64, err error) {',
        '\tsession := r.DB.Context(ctx).Table("question")',
        '\tsession.OrderBy("created_at desc").',
        '\t\tLimit(size, page*size)',
        '\tcount, err = session.FindAndCount(&rows)',
        '\treturn',
        '}',
        '',
        'func (r *Repo) open(ctx context.Context) (rows []Question, err error) {',
        '\tsession := r.DB.Context(ctx).Table("question")',
        '\tsession.Where("status = ?", 1)',
        '\terr = session.Find(&rows)',
        '\treturn',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query repo/follow.go:24:8 session.Find → -']);
  });

  it("Go database/sql: rows read only under `if rows.Next()` are one row (ntfy's message by id, then read where it stands); a loop over them is all", async () => {
    const f = await joined({
      'go.mod': 'module heckel.io/ntfy\n',
      'server/message_cache.go': lines(
        'package server',
        '',
        'import "database/sql"',
        '',
        'func (c *messageCache) Message(id string) (*message, error) {',
        '\trows, err := c.db.Query("SELECT * FROM messages WHERE mid = ?", id)',
        '\tif err != nil {',
        '\t\treturn nil, err',
        '\t}',
        '\tdefer rows.Close()',
        '\tif !rows.Next() {',
        '\t\treturn nil, errNotFound',
        '\t}',
        '\treturn readMessage(rows)',
        '}',
        '',
        'func (c *messageCache) Topics() ([]string, error) {',
        '\trows, err := c.db.Query("SELECT topic FROM messages")',
        '\tdefer rows.Close()',
        '\tfor rows.Next() {',
        '\t}',
        '\treturn nil, err',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query server/message_cache.go:18:15 c.db.Query → -']);
  });

  it("xorm: the same condition written along the chain, s.engine.Where(\"pipeline_id = ?\", id).Find(&steps), bounds it (woodpecker's datastore), as does a column of another name given one id (gogs' `uid = ?`, userID); one on another column does not", async () => {
    const f = await joined({
      'go.mod': 'module go.woodpecker-ci.org/woodpecker\n',
      'server/store/datastore/step.go': lines(
        'package datastore',
        '',
        'import "xorm.io/xorm"',
        '',
        'func (s storage) StepList(pipelineID int64) ([]*model.Step, error) {',
        '\tsteps := make([]*model.Step, 0)',
        '\treturn steps, s.engine.Where("step_pipeline_id = ?", pipelineID).OrderBy("step_pid").Find(&steps)',
        '}',
        '',
        'func (s storage) Pending() ([]*model.Step, error) {',
        '\tsteps := make([]*model.Step, 0)',
        '\treturn steps, s.engine.Where("step_state = ?", "pending").Find(&steps)',
        '}',
        // A column of another name given one id (gogs' access tokens by `uid`), and one given a flag.
        'func (s storage) Tokens(userID int64) ([]*model.Token, error) {',
        '\ttokens := make([]*model.Token, 0)',
        '\treturn tokens, s.engine.Where("uid = ?", userID).Find(&tokens)',
        '}',
        'func (s storage) Mirrors(flag bool) ([]*model.Repo, error) {',
        '\trepos := make([]*model.Repo, 0)',
        '\treturn repos, s.engine.Where("is_mirror = ?", flag).Find(&repos)',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), ['unbounded-query server/store/datastore/step.go:12:16 s.engine.Where.Find → -', 'unbounded-query server/store/datastore/step.go:20:16 s.engine.Where.Find → -']);
  });
});

import { strict as assert } from 'node:assert';
import { writtenWorkspaces } from '../analysis/writtenWorkspaces';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/** Counter-examples of the review of stop 67 (Python): each is input an earlier build handled right. */
describe('review of stop 67: Python counter-examples', () => {
  it('RD-7: a cursor whose fetchone() starts a read of every row (the DB-API while loop, fetchone then fetchall) still reads every row; a lone fetchone reads one', async () => {
    const f = await joined({
      'app.py': lines(
        'import sqlite3', // 1
        'from flask import Flask, jsonify',
        'app = Flask(__name__)',
        '@app.route("/events")',
        'def events():', // 5
        '    conn = sqlite3.connect("app.db")',
        '    cursor = conn.cursor()',
        '    cursor.execute("SELECT id, name, payload FROM events")',
        '    out = []',
        '    row = cursor.fetchone()', // 10
        '    while row is not None:',
        '        out.append({"id": row[0], "name": row[1]})',
        '        row = cursor.fetchone()',
        '    return jsonify(out)',
        '@app.route("/audit")', // 15
        'def audit():',
        '    conn = sqlite3.connect("app.db")',
        '    cur = conn.cursor()',
        '    cur.execute("SELECT * FROM audit_log")',
        '    header = cur.fetchone()', // 20
        '    rest = cur.fetchall()',
        '    return jsonify({"first": header, "rest": rest})',
        '@app.route("/drain")',
        'def drain():',
        '    cur = sqlite3.connect("app.db").cursor()', // 25
        '    cur.execute("SELECT * FROM jobs")',
        '    while True:',
        '        job = cur.fetchone()',
        '        if job is None:',
        '            break', // 30
        '    return "ok"',
        '@app.route("/one")',
        'def one():',
        '    cur = sqlite3.connect("app.db").cursor()',
        '    cur.execute("SELECT value FROM settings WHERE name=?", ("x",))', // 35
        '    row = cur.fetchone()',
        '    cur.close()',
        '    cur.execute("SELECT * FROM other")',
        '    return {"v": row, "all": cur.fetchall()}',
        '@app.route("/each")', // 40
        'def each(names):',
        '    cur = sqlite3.connect("app.db").cursor()',
        '    for name in names:',
        '        cur.execute("SELECT value FROM settings WHERE name=?", (name,))',
        '        print(cur.fetchone())', // 45
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('unbounded-query')), [
      'unbounded-query app.py:19:5 cur.execute → GET /audit',
      'unbounded-query app.py:26:5 cur.execute → GET /drain',
      'unbounded-query app.py:38:5 cur.execute → GET /one',
      'unbounded-query app.py:8:5 cursor.execute → GET /events',
    ]);
  });
  it('RD-2: a while loop calling a function of the file named sleep_score, or one named …_sleep that does not sleep, is still a loop over items; gevent.sleep, an imported cancellable_sleep or a file function that sleeps still pause it', async () => {
    const f = await joined({
      'app.py': lines(
        'import time', // 1
        'import gevent',
        'import requests',
        'from flask import Flask, request',
        'from app.concurrency import cancellable_sleep', // 5
        'app = Flask(__name__)',
        'def sleep_score(night):',
        '    return night["deep"] * 2 + night["rem"]',
        'def fake_sleep(n):',
        '    return n', // 10
        'def polite_sleep(n):',
        '    time.sleep(n)',
        '@app.route("/users/sync")',
        'def sync():',
        '    ids = request.json["ids"]', // 15
        '    results = []',
        '    i = 0',
        '    while i < len(ids):',
        '        night = requests.get(f"https://api.example.com/sleep/{ids[i]}", timeout=5).json()',
        '        results.append(sleep_score(night))', // 20
        '        i += 1',
        '    while i < len(ids):',
        '        requests.get(f"https://api.example.com/x/{ids[i]}", timeout=5)',
        '        fake_sleep(i)',
        '        i += 1', // 25
        '    while True:',
        '        requests.get("https://api.example.com/a", timeout=5)',
        '        gevent.sleep(1)',
        '    while True:',
        '        requests.get("https://api.example.com/b", timeout=5)', // 30
        '        cancellable_sleep(1)',
        '    while True:',
        '        requests.get("https://api.example.com/c", timeout=5)',
        '        polite_sleep(1)',
        '    return {"r": results}', // 35
      ),
    });
    assert.deepEqual(hazardRows(f).filter((r) => r.startsWith('call-in-loop')), [
      'call-in-loop app.py:19:17 requests.get [while sequential] → GET /users/sync',
      'call-in-loop app.py:23:9 requests.get [while sequential] → GET /users/sync',
    ]);
  });
  it("RD-3: self.x() is the enclosing class's method and a bare x() a function of the module: another class's method that sleeps does not pause the loop", async () => {
    const f = await joined({
      'app.py': lines(
        'import time', // 1
        'import requests',
        'from flask import Flask, request',
        'app = Flask(__name__)',
        'class Heartbeat:', // 5
        '    def refresh(self):',
        '        time.sleep(30)',
        '        requests.post("https://hb.example.com/ping", timeout=5)',
        '    def run(self):',
        '        while True:', // 10
        '            requests.get("https://hb.example.com/state", timeout=5)',
        '            self.refresh()',
        '    @classmethod',
        '    def run_cls(cls):',
        '        while True:', // 15
        '            requests.get("https://hb.example.com/c", timeout=5)',
        '            cls.refresh(None)',
        'class Catalogue:',
        '    def refresh(self, item_id):',
        '        return requests.get(f"https://api.example.com/items/{item_id}", timeout=5).json()', // 20
        '    def refresh_all(self, ids):',
        '        out = []',
        '        i = 0',
        '        while i < len(ids):',
        '            out.append(self.refresh(ids[i]))', // 25
        '            i += 1',
        '        return out',
        'def sync_all(ids):',
        '    i = 0',
        '    while i < len(ids):', // 30
        '        requests.get(f"https://api.example.com/x/{ids[i]}", timeout=5)',
        '        refresh()',
        '        i += 1',
        '@app.route("/items/refresh", methods=["POST"])',
        'def refresh_items():', // 35
        '    Heartbeat().run()',
        '    Heartbeat.run_cls()',
        '    sync_all(request.json["ids"])',
        '    return {"items": Catalogue().refresh_all(request.json["ids"])}',
      ),
    });
    // (Where and for which route; not the callee's label, whose chain names the first `refresh` of the file.)
    const at = hazardRows(f)
      .filter((r) => r.startsWith('call-in-loop'))
      .map((r) => r.replace(/ \S+(?: → \S+)* \[/, ' ['));
    assert.deepEqual(at, ['call-in-loop app.py:25:24 [while sequential] → POST /items/refresh', 'call-in-loop app.py:31:9 [while sequential] → POST /items/refresh']);
  });
  it("RD-11: a Flask rule-table row whose class is None, or None on a branch (X if settings.BETA else None), is a row the loop skips, not a route; a subscript's or a call's row is still ANY", async () => {
    const f = await joined({
      'app.py': lines(
        'from flask import Flask, Blueprint', // 1
        'from flask.views import MethodView',
        'import settings',
        'class UsersResource(MethodView):',
        '    def get(self):', // 5
        '        return "u"',
        'class BetaResource(MethodView):',
        '    def post(self):',
        '        return "b"',
        'URLS = [', // 10
        '    ("/users", UsersResource),',
        '    ("/beta", BetaResource if settings.BETA else None),',
        '    ("/legacy", None),',
        '    ("/made", make_resource()),',
        '    ("/picked", resources["picked"]),', // 15
        ']',
        'app = Flask(__name__)',
        'bp = Blueprint("v1", __name__, url_prefix="/api")',
        'for route, resource_cls in URLS:',
        '    if resource_cls is None:', // 20
        '        continue',
        '    bp.add_url_rule(route, view_func=resource_cls.as_view(route.strip("/")))',
        'app.register_blueprint(bp)',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['ANY', '/api/made', 'app.py', 21, 'flask'],
      ['ANY', '/api/picked', 'app.py', 21, 'flask'],
      ['GET', '/api/users', 'app.py', 21, 'flask'],
    ]);
  });
  it('RD-8: a SQLAlchemy 2.0 statement streamed by execution_options(yield_per=…) is no unbounded-query, as .yield_per(…) is; one without it still is', async () => {
    const f = await joined({
      'app.py': lines(
        'from flask import Flask, jsonify', // 1
        'from sqlalchemy import select, Column, Integer, String',
        'from sqlalchemy.orm import Session, declarative_base',
        'Base = declarative_base()',
        'app = Flask(__name__)', // 5
        'class Trade(Base):',
        '    __tablename__ = "trades"',
        '    id = Column(Integer, primary_key=True)',
        '    pair = Column(String)',
        'session = Session()', // 10
        '@app.route("/trades/export")',
        'def export():',
        '    out = []',
        '    for t in session.scalars(select(Trade).execution_options(yield_per=500)):',
        '        out.append(t.pair)', // 15
        '    for t in session.scalars(select(Trade).execution_options(stream_results=True, yield_per=100)):',
        '        out.append(t.pair)',
        '    return jsonify(out)',
        '@app.route("/trades/all")',
        'def every():', // 20
        '    return jsonify([t.pair for t in session.scalars(select(Trade).execution_options(stream_results=True))])',
      ),
    });
    assert.deepEqual(
      hazardRows(f)
        .filter((r) => r.startsWith('unbounded-query'))
        .map((r) => r.split(' ')[1]),
      ['app.py:21:37'],
    );
  });
});

/** RD-9 (JavaScript, beside the Python ones): an Electron package whose `start` script runs a ws server with Node. */
describe('review of stop 67: a package with ws, Electron among its devDependencies and "start": "node server.js"', function () {
  this.timeout(20_000);
  const server = [
    "const { WebSocketServer } = require('ws');",
    'const wss = new WebSocketServer({ port: Number(process.env.PORT) || 8080 });',
    "wss.on('connection', (socket) => {",
    "  socket.on('message', async (msg) => {",
    "    const res = await fetch('https://api.example.com/docs/' + msg);",
    '    socket.send(await res.text());',
    '  });',
    '});',
    '',
  ].join('\n');
  const analyse = writtenWorkspaces('review67-rd9', {
    collab: {
      'collab/package.json': JSON.stringify({ name: 'collab', main: 'main.js', scripts: { start: 'node server.js', desktop: 'electron .' }, dependencies: { ws: '^8.16.0' }, devDependencies: { electron: '^30.0.0' } }),
      'collab/server.js': server,
      'collab/main.js': "const { app, BrowserWindow } = require('electron');\napp.whenReady().then(() => new BrowserWindow().loadURL('http://localhost:8080'));\n",
      // The same app started by Electron (`"start": "electron ."`): desktop code, left out.
      'desk/package.json': JSON.stringify({ name: 'desk', main: 'main.js', scripts: { start: 'electron .', check: 'node check-versions.js' }, dependencies: { ws: '^8.16.0' }, devDependencies: { electron: '^30.0.0' } }),
      'desk/server.js': server,
    },
  });

  it('RD-9: analyses the package whose start script runs a file with Node (its fetch without a timeout is reported); leaves out the one Electron starts', async () => {
    const result = await analyse('collab');
    assert.deepEqual(result.model.browserCode, ['desk']);
    assert.deepEqual(
      result.warnings.filter((w) => w.code === 'missing-timeout').map((w) => `${w.file}:${w.range.start.line + 1}`),
      ['collab/server.js:5'],
    );
  });
});

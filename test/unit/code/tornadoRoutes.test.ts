import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Tornado: URL specs and RequestHandler methods', () => {
  it('tuples and url() in an Application subclass and in place, the methods each handler defines (also through a workspace base and a mixin), handlers of another module', async () => {
    const f = await joined({
      'blog/app.py': lines(
        'import tornado.web',
        'from tornado.web import url',
        'from blog import handlers',
        'class Application(tornado.web.Application):',
        '    def __init__(self, db):',
        '        routes = [',
        '            (r"/", HomeHandler),',
        '            (r"/entry/([^/]+)", handlers.EntryHandler, dict(db=db)),',
        '            url(r"/compose", ComposeHandler, name="compose"),',
        '        ]',
        '        super().__init__(routes, debug=False)',
        'class BaseHandler(tornado.web.RequestHandler):',
        '    def prepare(self):',
        '        pass',
        'class HomeHandler(BaseHandler):',
        '    async def get(self):',
        '        self.write("home")',
        'class ComposeHandler(BaseHandler, tornado.auth.GoogleOAuth2Mixin):',
        '    async def get(self):',
        '        self.render("compose.html")',
        '    async def post(self):',
        '        for tag in self.get_arguments("tag"):',
        '            await self.db.execute("INSERT INTO tags (name) VALUES (%s)", tag)',
        'def make_health():',
        '    return tornado.web.Application([(r"/healthz", HomeHandler)])',
      ),
      'blog/handlers.py': lines(
        'import tornado.web',
        'class EntryHandler(tornado.web.RequestHandler):',
        '    def initialize(self, db):',
        '        self.db = db',
        '    async def get(self, slug):',
        '        self.write(slug)',
        '    async def delete(self, slug):',
        '        self.set_status(204)',
      ),
      // Not Tornado's: pairs of strings and classes in a module that does not use it.
      'other/table.py': lines('ROUTES = [("/x", Thing)]'),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/', 'blog/app.py', 6, 'tornado'],
      ['DELETE', '/entry/([^/]+)', 'blog/app.py', 7, 'tornado'],
      ['GET', '/entry/([^/]+)', 'blog/app.py', 7, 'tornado'],
      ['GET', '/compose', 'blog/app.py', 8, 'tornado'],
      ['POST', '/compose', 'blog/app.py', 8, 'tornado'],
      ['GET', '/healthz', 'blog/app.py', 24, 'tornado'],
    ]);
    assert.deepEqual(hazardRows(f), ['query-in-loop blog/app.py:23:19 self.db.execute [for sequential] → POST /compose']);
  });
});

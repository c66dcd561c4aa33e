import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Falcon: add_route and responders', () => {
  it('a resource made in place or earlier, its on_get/on_post responders, a suffix\'s on_get_collection; the module\'s imports of another file', async () => {
    const f = await joined({
      'things/resources.py': lines(
        'import falcon',
        'class ThingsResource:',
        '    def __init__(self, db):',
        '        self.db = db',
        '    def on_get(self, req, resp, thing_id):',
        '        resp.media = {}',
        '    def on_delete(self, req, resp, thing_id):',
        '        resp.status = falcon.HTTP_204',
        '    def on_get_collection(self, req, resp):',
        '        resp.media = self.db.execute("SELECT id, name FROM things").fetchall()',
        '    def on_post_collection(self, req, resp):',
        '        for thing in req.media["things"]:',
        '            self.db.execute("INSERT INTO things (name) VALUES (?)", (thing,))',
        'class HealthResource:',
        '    def on_get(self, req, resp):',
        '        resp.media = {"ok": True}',
      ),
      'things/app.py': lines(
        'import falcon',
        'from things.resources import HealthResource, ThingsResource',
        'def create_app(db):',
        '    app = falcon.App()',
        '    things = ThingsResource(db)',
        "    app.add_route('/things/{thing_id:int}', things)",
        "    app.add_route('/things', things, suffix='collection')",
        "    app.add_route('/health', HealthResource())",
        '    return app',
      ),
      // Not Falcon's: another library's add_route in a module that does not import Falcon.
      'other/web.py': lines('def setup(config):', "    config.add_route('/x', Thing())"),
    });
    assert.deepEqual(routeRows(f), [
      ['DELETE', '/things/{thing_id:int}', 'things/app.py', 5, 'falcon'],
      ['GET', '/things/{thing_id:int}', 'things/app.py', 5, 'falcon'],
      ['GET', '/things', 'things/app.py', 6, 'falcon'],
      ['POST', '/things', 'things/app.py', 6, 'falcon'],
      ['GET', '/health', 'things/app.py', 7, 'falcon'],
    ]);
    assert.deepEqual(hazardRows(f), [
      'query-in-loop things/resources.py:13:13 self.db.execute [for sequential] → POST /things',
      'unbounded-query things/resources.py:10:22 self.db.execute → GET /things',
    ]);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Sails: config/routes.js', () => {
  it("addresses as routes (no method: any), answered by an action's fn or a controller's method, followed; views listed, redirects not", async () => {
    // The shapes of mikermcneil/ration (actions2) and of a classic controller.
    const f = await joined({
      'config/routes.js': lines(
        'module.exports.routes = {', // 1
        "  'GET /faq': { view: 'pages/faq' },",
        "  '/api/v1/account/logout': { action: 'account/logout' },",
        "  'POST /api/v1/friends': { action: 'friends/add-friends' },",
        "  'GET /users/:id': 'UserController.findOne',", // 5
        "  'DELETE /users/:id': { controller: 'user', action: 'destroy' },",
        "  '/terms': '/legal/terms',",
        '};',
      ),
      'api/controllers/friends/add-friends.js': lines(
        'module.exports = {', // 1
        "  friendlyName: 'Add friends',",
        '  fn: async function ({ friends }) {',
        '    for (const f of friends) {',
        '      await User.findOne({ emailAddress: f.emailAddress });', // 5
        '    }',
        '  },',
        '};',
      ),
      'api/controllers/account/logout.js': lines('module.exports = {', '  fn: async function () {', '    delete this.req.session.userId;', '  },', '};'),
      'api/controllers/UserController.js': lines(
        'module.exports = {',
        '  findOne: async function (req, res) {',
        "    return res.json(await sails.helpers.fetchUser(req.param('id')));",
        '  },',
        '  destroy: async function (req, res) {',
        "    for (const id of req.param('ids')) await Pet.findOne({ owner: id });",
        '  },',
        '};',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/faq', 'config/routes.js', 1, 'sails'],
      ['ANY', '/api/v1/account/logout', 'config/routes.js', 2, 'sails'],
      ['POST', '/api/v1/friends', 'config/routes.js', 3, 'sails'],
      ['GET', '/users/:id', 'config/routes.js', 4, 'sails'],
      ['DELETE', '/users/:id', 'config/routes.js', 5, 'sails'],
    ]);
    assert.deepEqual(hazardRows(f), [
      'query-in-loop api/controllers/UserController.js:6:46 Pet.findOne [for…of sequential] → DELETE /users/:id',
      'query-in-loop api/controllers/friends/add-friends.js:5:13 User.findOne [for…of sequential] → POST /api/v1/friends',
    ]);
  });

  it('another framework\'s config/routes.js (no module.exports.routes) is not read', async () => {
    const f = await joined({ 'config/routes.js': lines("export const routes = { '/about': 'AboutPage' };") });
    assert.deepEqual(routeRows(f), []);
  });
});

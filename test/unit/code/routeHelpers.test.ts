import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

/**
 * A project's own route helpers, as Trilium's routes.ts writes its 226 routes: `route(method, path, middleware,
 * handler)` registers on the file's router with `router[method](path, …)`, and `apiRoute(method, path, handler)`
 * hands its own to `route`. Each call of either with a method and a path is a route, served by the handler given.
 */
describe("Express: a project's own route helpers", () => {
  it('registers through a helper and a helper of the helper; the method by a constant; not a client helper', async () => {
    const f = await joined({
      'src/routes/routes.ts': lines(
        "import express from 'express';",
        "import * as notes from './api/notes';",
        "import * as login from './login';",
        'const router = express.Router();',
        'const GET = "get",',
        '    PST = "post",',
        '    DEL = "delete";',
        'function register(app: express.Application) {',
        '    route(GET, "/login", [auth.checkAppInitialized], login.loginPage);', // 9
        '    route(PST, "/logout", [csrf], login.logout);', // 10
        '    apiRoute(GET, "/api/notes/:noteId", notes.getNote);', // 11
        "    apiRoute(DEL, '/api/notes/:noteId', notes.deleteNote);", // 12
        '    apiRoute(GET, notePath, notes.getNote);', // a path this file cannot say: no route
        '    app.use("", router);',
        '}',
        'function apiRoute(method: HttpMethod, path: string, routeHandler: ApiRequestHandler) {',
        '    route(method, path, [auth.checkApiAuth, csrf], routeHandler, apiResultHandler);',
        '}',
        'function route(method: HttpMethod, path: string, middleware: express.Handler[], routeHandler: ApiRequestHandler, resultHandler = null) {',
        '    router[method](path, ...middleware, (req: express.Request, res: express.Response, next: express.NextFunction) => {',
        '        const result = routeHandler(req, res, next);',
        '        if (resultHandler) resultHandler(req, res, result);',
        '    });',
        '}',
        'export default { register };',
      ),
      'src/routes/api/notes.ts': lines(
        "import sql from '../../services/sql';",
        'export function getNote(req) {',
        '    return sql.getRow("SELECT * FROM notes WHERE noteId = ?", [req.params.noteId]);',
        '}',
        'export function deleteNote(req) {',
        '    for (const id of req.body.ids) {',
        '        fetch(`http://search/${id}`, { method: "DELETE", signal: AbortSignal.timeout(1000) });', // 7
        '    }',
        '}',
      ),
      'src/routes/login.ts': lines('export function loginPage(req, res) { res.send("login"); }', 'export function logout(req, res) { res.redirect("/login"); }'),
      // A helper that calls a client by method: outbound requests, not routes.
      'src/client.ts': lines(
        "import axios from 'axios';",
        'function call(method: string, url: string, done: (r: unknown) => void) {',
        '    return axios[method](url).then((r) => done(r));',
        '}',
        'export const list = () => call("get", "/api/items", console.log);',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/login', 'src/routes/routes.ts', 8, 'express'],
      ['POST', '/logout', 'src/routes/routes.ts', 9, 'express'],
      ['GET', '/api/notes/:noteId', 'src/routes/routes.ts', 10, 'express'],
      ['DELETE', '/api/notes/:noteId', 'src/routes/routes.ts', 11, 'express'],
    ]);
    // The handler given is the route's: its loop is on the route's request path.
    assert.deepEqual(hazardRows(f), ['call-in-loop src/routes/api/notes.ts:7:9 fetch [for…of sequential] → DELETE /api/notes/:noteId']);
  });

  it("a helper of another module given the router (Trilium's etapi: eu.route(router, 'get', path, handler)); not a client's helper", async () => {
    const f = await joined({
      'src/etapi/etapi_utils.ts': lines(
        "import type { Router } from 'express';",
        'export function route(router: Router, method: HttpMethod, path: string, routeHandler: RequestHandler) {',
        '    router[method](path, checkEtapiAuth, (req, res, next) => processRequest(req, res, routeHandler, next, method, path));',
        '}',
        'export default { route };',
      ),
      'src/etapi/notes.ts': lines(
        "import type { Router } from 'express';",
        "import eu from './etapi_utils';",
        "import api from '../client';",
        "import sql from '../sql';",
        'function register(router: Router) {',
        '    eu.route(router, "get", "/etapi/notes/:noteId", (req, res, next) => {', // 6
        '        for (const id of req.body.ids) sql.query(`SELECT * FROM notes WHERE noteId = ${id}`);', // 7
        '        res.json({});',
        '    });',
        "    eu.route(router, 'delete', '/etapi/notes/:noteId', deleteNote);", // 10
        // A client's helper with the same shape: a request, not a route.
        '    api.call(router, "get", "/users", (r) => r);',
        '}',
        'function deleteNote(req, res) { res.status(204).end(); }',
        'export default { register };',
      ),
      'src/client.ts': lines('function call(client, method: string, url: string, done) {', '    return client.request({ method, url }).then(done);', '}', 'export default { call };'),
      'src/routes.ts': lines(
        "import express from 'express';",
        "import etapiNotes from './etapi/notes';",
        'const router = express.Router();',
        'export function register(app: express.Application) {',
        '    etapiNotes.register(router);',
        '    app.use("", router);',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/etapi/notes/:noteId', 'src/etapi/notes.ts', 5, 'express'],
      ['DELETE', '/etapi/notes/:noteId', 'src/etapi/notes.ts', 9, 'express'],
    ]);
    assert.deepEqual(hazardRows(f), ['query-in-loop src/etapi/notes.ts:7:40 sql.query [for…of sequential] → GET /etapi/notes/:noteId']);
  });

  it("a helper of another module that takes its arguments as one rest parameter and names them (NodeBB's setupApiRoute(...args) with const [router, verb, name] = args)", async () => {
    const f = await joined({
      'src/routes/helpers.js': lines(
        "'use strict';",
        'const helpers = module.exports;',
        '// router, verb, name, middlewares(optional), controller',
        'helpers.setupApiRoute = function (...args) {',
        '\tconst [router, verb, name] = args;',
        '\tconst controller = args[args.length - 1];',
        '\trouter[verb](name, [], helpers.tryRoute(controller));',
        '};',
        '// The same shape, naming other things: a request, not a route.',
        'helpers.callApi = function (...args) {',
        '\tconst [client, verb, url] = args;',
        '\treturn client.request(verb, url);',
        '};',
      ),
      'src/routes/write/posts.js': lines(
        "'use strict';",
        "const router = require('express').Router();",
        "const controllers = require('../../controllers');",
        "const routeHelpers = require('../helpers');",
        'const { setupApiRoute } = routeHelpers;',
        'module.exports = function () {',
        "\tsetupApiRoute(router, 'get', '/:pid', [], controllers.posts.get);", // 6
        "\tsetupApiRoute(router, 'delete', '/:pid/vote', [], controllers.posts.unvote);", // 7
        "\trouteHelpers.callApi(router, 'get', '/users', controllers.posts.get);",
        '\treturn router;',
        '};',
      ),
      'src/controllers/index.js': lines("exports.posts = require('./posts');"),
      'src/controllers/posts.js': lines('exports.get = async (req, res) => res.json({});', 'exports.unvote = async (req, res) => res.status(204).end();'),
      'src/routes/index.js': lines(
        "const express = require('express');",
        'const app = express();',
        "app.use('/api/v3/posts', require('./write/posts')());",
      ),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`), [
      'GET /api/v3/posts/:pid src/routes/write/posts.js:6',
      'DELETE /api/v3/posts/:pid/vote src/routes/write/posts.js:7',
    ]);
  });

  it("a helper of another module that registers with methods of its own, at the path and under a prefix (NodeBB's setupPageRoute(app, '/login', middlewares, controller): GET /login and GET /api/login); not a client's wrapper", async () => {
    const f = await joined({
      'src/routes/helpers.js': lines(
        "'use strict';",
        'const helpers = module.exports;',
        'helpers.setupPageRoute = function (...args) {',
        '\tconst [router, name] = args;',
        '\tconst middlewares = args.length > 3 ? args[args.length - 2] : [];',
        '\tconst controller = args[args.length - 1];',
        '\trouter.get(',
        '\t\tname,',
        '\t\tmiddlewares,',
        '\t\thelpers.tryRoute(controller)',
        '\t);',
        '\trouter.get(`/api${name}`, middlewares, helpers.tryRoute(controller));',
        '};',
        '// The same shape, its first parameter a client: a request, not a route.',
        'helpers.getJson = function (http, url, done) {',
        '\treturn http.get(url, done);',
        '};',
      ),
      'src/routes/index.js': lines(
        "'use strict';",
        "const helpers = require('./helpers');",
        "const controllers = require('../controllers');",
        'const { setupPageRoute } = helpers;',
        'module.exports = async function (app, middleware) {',
        "\tsetupPageRoute(app, '/login', [middleware.guest], controllers.login);", // 5
        "\tsetupPageRoute(app, '/confirm/:code', [], controllers.confirm);", // 6
        "\thelpers.getJson(app, '/users', controllers.login);",
        "\tsetupPageRoute(app, `/${name}/dashboard`, controllers.login);", // a path this file cannot say
        '};',
      ),
      'src/controllers/index.js': lines('exports.login = async (req, res) => res.render("login");', 'exports.confirm = async (req, res) => res.render("confirm");'),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`), [
      'GET /api/login src/routes/index.js:5',
      'GET /login src/routes/index.js:5',
      'GET /api/confirm/:code src/routes/index.js:6',
      'GET /confirm/:code src/routes/index.js:6',
    ]);
  });

  it('a helper with methods of its own: not given a client, not a registration left in a comment; found beside another call through a name, and with a path in a template', async () => {
    const f = await joined({
      'src/routes/pages.js': lines(
        'const hooks = {};',
        'exports.page = function (router, name, controller) {',
        "\tObject.keys(hooks).forEach((k) => hooks[k](name));",
        '\trouter.get(name, controller);',
        '\t// router.get(`/api${name}`, controller);',
        '};',
        'exports.hit = function (server, path, done) {',
        '\tserver.get(path, done);',
        '};',
      ),
      'src/routes/index.js': lines(
        "const pages = require('./pages');",
        "const controllers = require('../controllers');",
        "const client = request.defaults({ timeout: 1000 });",
        'module.exports = function (app) {',
        '\tpages.page(app, `/about`, controllers.about);', // 4
        "\tpages.hit(client, '/smoke', controllers.about);",
        '};',
      ),
      'src/controllers/index.js': lines('exports.about = async (req, res) => res.render("about");'),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`), ['GET /about src/routes/index.js:4']);
  });

  it("a router of the module that a function other than the exported factory registers on (NodeBB's write/users.js: authenticatedRoutes(), then return router) is mounted where the factory's result is; a router made in a function is that function's", async () => {
    const f = await joined({
      'src/routes/write/users.js': lines(
        "const router = require('express').Router();",
        "const { setupApiRoute } = require('../helpers');",
        'function authenticatedRoutes() {',
        "\trouter.get('/:uid', (req, res) => res.json({}));", // 3
        "\trouter.all('/+bySlug/:userslug*?', (req, res) => res.redirect('/'));", // 4
        "\tsetupApiRoute(router, 'put', '/:uid/password', [], (req, res) => res.json({}));", // 5: handed on to a helper
        "\tsetupApiRoute(router, 'delete', '/:uid/password', [], (req, res) => res.json({}));", // 6: …after another
        '}',
        'module.exports = function () {',
        '\tauthenticatedRoutes();',
        '\treturn router;',
        '};',
      ),
      'src/routes/helpers.js': lines('exports.setupApiRoute = function (...args) {', '\tconst [router, verb, name] = args;', '\trouter[verb](name, args[args.length - 1]);', '};'),
      'src/routes/write/tags.js': lines(
        "const express = require('express');",
        'const router = express.Router();',
        'module.exports = function () {',
        '\tconst router = express.Router();',
        "\trouter.get('/:tag', (req, res) => res.json({}));", // 4: its own router
        '\treturn router;',
        '};',
      ),
      'src/routes/index.js': lines(
        "const express = require('express');",
        'const app = express();',
        "app.use('/api/v3/users', require('./write/users')());",
        "app.use('/api/v3/tags', require('./write/tags')());",
      ),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`), [
      'GET /api/v3/tags/:tag src/routes/write/tags.js:4',
      'GET /api/v3/users/:uid src/routes/write/users.js:3',
      'ANY /api/v3/users/+bySlug/:userslug*? src/routes/write/users.js:4',
      'PUT /api/v3/users/:uid/password src/routes/write/users.js:5',
      'DELETE /api/v3/users/:uid/password src/routes/write/users.js:6',
    ]);
  });

  it('still reads the helpers while the file does not parse (a registration left open below them, as when typing)', async () => {
    const f = await joined({
      'src/routes.ts': lines(
        "import express from 'express';",
        'const router = express.Router();',
        'function route(method, path, handler) {',
        '    router[method](path, (req, res, next) => handler(req, res, next));',
        '}',
        'route("get", "/health", health.check);',
        // A registration left open: tree-sitter makes the whole file one ERROR node, not a program.
        "router.get('/x', async (req, res) => {",
        "    const { rows } = await pool.query('SELECT 1');",
      ),
    });
    assert.deepEqual(routeRows(f).map(([method, path]) => `${method} ${path}`), ['GET /health']);
  });
});

import { strict as assert } from 'node:assert';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('Restify: server routes', () => {
  it('get/post and del (its DELETE), a path given in options, labelled restify', async () => {
    const f = await joined({
      'server.js': lines(
        "const restify = require('restify');",
        'const server = restify.createServer();',
        "server.get('/hello/:name', (req, res, next) => { res.send('hi'); next(); });",
        "server.post('/items', create);",
        "server.del('/items/:id', remove);",
        "server.get({ path: '/users/:id', version: '1.0.0' }, show);",
        'function create(req, res, next) {}',
        'function remove(req, res, next) {}',
        'function show(req, res, next) {}',
      ),
      // Express has no `del`: a cache's del(key, fn) in an Express module is no route.
      'cache.js': lines("const express = require('express');", 'const app = express();', "app.del('/x', (req, res) => res.end());"),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/hello/:name', 'server.js', 2, 'restify'],
      ['POST', '/items', 'server.js', 3, 'restify'],
      ['DELETE', '/items/:id', 'server.js', 4, 'restify'],
      ['GET', '/users/:id', 'server.js', 5, 'restify'],
    ]);
  });
});

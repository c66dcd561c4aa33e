import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A function given by name to a loop's method is called once per item, as a callback written in place that calls it
 * (kutt's `links.forEach(redis.remove.link)`: a Redis DEL per link of a deleted domain; `Promise.all(links.map(touch))`).
 */
describe('JavaScript: a function given by name to forEach or map', () => {
  it('is called per item, sequentially or in parallel under Promise.all; a builtin given so, or a loop over a literal, is not a hazard', async () => {
    const f = await joined({
      'package.json': JSON.stringify({ dependencies: { express: '4', ioredis: '5', knex: '3' } }),
      'server/redis.js': lines(
        "const Redis = require('ioredis');",
        'const client = new Redis();',
        'module.exports = { remove: { link: (l) => client.del(`l:${l.address}`) } };',
      ),
      'server/touch.js': lines(
        "const knex = require('knex')({ client: 'pg' });",
        'async function touch(link) {',
        "  await knex('links').where({ id: link.id }).update({ seen: true });",
        '}',
        'module.exports = { touch };',
      ),
      'server/server.js': lines(
        "const express = require('express');",
        "const redis = require('./redis');",
        "const { touch } = require('./touch');",
        'const app = express();',
        "app.delete('/domains/:id', async (req, res) => {",
        '  const links = req.body.links;',
        '  links.forEach(redis.remove.link);', // 7
        '  await Promise.all(links.map(touch));', // 8
        '  const ids = links.map(Number).filter(Boolean);',
        "  ['a', 'b'].forEach(redis.remove.link);",
        '  links.forEach((l) => redis.remove.link(l));', // 11: the same, written in place
        '  res.json(ids);',
        '});',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop server/server.js:11:24 redis.remove.link → client.del [.forEach() sequential] → DELETE /domains/:id',
      'query-in-loop server/server.js:7:17 redis.remove.link → client.del [.forEach() sequential] → DELETE /domains/:id',
      'query-in-loop server/server.js:8:31 touch → knex.where.update [.map() parallel] → DELETE /domains/:id',
    ]);
  });
});

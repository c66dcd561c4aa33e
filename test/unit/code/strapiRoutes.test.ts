import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows, sortedRouteRows } from './fixtureWorkspace';

const SCHEMA = (kind: string, singular: string, plural: string) => JSON.stringify({ kind, collectionName: plural, info: { singularName: singular, pluralName: plural }, attributes: {} });

describe('Strapi: core routers and custom routes under /api', () => {
  it("a collection type's five core routes at its plural name, a single type's three at its singular one, only/except kept; custom routes; actions overridden in the controller are followed", async () => {
    const f = await joined({
      'src/api/category/content-types/category/schema.json': SCHEMA('collectionType', 'category', 'categories'),
      'src/api/global/content-types/global/schema.json': SCHEMA('singleType', 'global', 'global'),
      'src/api/category/routes/category.js': lines("const { createCoreRouter } = require('@strapi/strapi').factories;", "module.exports = createCoreRouter('api::category.category', { except: ['delete'] });"),
      'src/api/global/routes/global.js': lines("const { createCoreRouter } = require('@strapi/strapi').factories;", "module.exports = createCoreRouter('api::global.global', { only: ['find'] });"),
      'src/api/category/routes/custom.js': lines(
        'module.exports = {',
        '  routes: [',
        "    { method: 'GET', path: '/categories/:id/restaurants', handler: 'category.restaurants' },",
        '  ],',
        '};',
      ),
      'src/api/category/controllers/category.js': lines(
        "const { createCoreController } = require('@strapi/strapi').factories;", // 1
        "module.exports = createCoreController('api::category.category', ({ strapi }) => ({",
        '  async find(ctx) {',
        "    const categories = await strapi.entityService.findMany('api::category.category', { limit: 10 });",
        '    for (const c of categories) {', // 5
        "      c.count = await strapi.db.query('api::restaurant.restaurant').count({ where: { category: c.id } });",
        '    }',
        '    return categories;',
        '  },',
        '  async restaurants(ctx) {', // 10
        '    return [];',
        '  },',
        '}));',
      ),
      // A content type with no router serves nothing; a router of a type with no schema neither.
      'src/api/tag/routes/tag.js': lines("const { createCoreRouter } = require('@strapi/strapi').factories;", "module.exports = createCoreRouter('api::tag.tag');"),
    });
    assert.deepEqual(
      routeRows(f),
      sortedRouteRows([
        ['GET', '/api/categories', 'src/api/category/routes/category.js', 1, 'strapi'],
        ['GET', '/api/categories/:id', 'src/api/category/routes/category.js', 1, 'strapi'],
        ['POST', '/api/categories', 'src/api/category/routes/category.js', 1, 'strapi'],
        ['PUT', '/api/categories/:id', 'src/api/category/routes/category.js', 1, 'strapi'],
        ['GET', '/api/categories/:id/restaurants', 'src/api/category/routes/custom.js', 2, 'strapi'],
        ['GET', '/api/global', 'src/api/global/routes/global.js', 1, 'strapi'],
      ]),
    );
    assert.deepEqual(hazardRows(f), ['query-in-loop src/api/category/controllers/category.js:6:23 strapi.db.query.count [for…of sequential] → GET /api/categories']);
  });
});

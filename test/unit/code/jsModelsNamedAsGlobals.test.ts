import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * A model of the project's own named as a browser global (outline's Sequelize models `Document` and `Event`, imported
 * from `@server/models`): its `findByPk` is a query like any other model's; the browser's `Document` is never imported.
 */
describe('JavaScript: a model named as a browser global', () => {
  it('is a model where the module imports or declares it, and still the global where it does neither', async () => {
    const f = await joined({
      'server/models/Document.ts': lines(
        "import { Model, Table } from 'sequelize-typescript';",
        "@Table({ tableName: 'documents' })",
        'export class Document extends Model {}',
      ),
      'server/models/Event.ts': lines("import { Model } from 'sequelize-typescript';", 'export default class Event extends Model {}'),
      'server/routes/documents.ts': lines(
        "import Router from 'koa-router';",
        "import { Document } from '@server/models/Document';",
        "import Event from '../models/Event';",
        'const router = new Router();',
        "router.post('/documents.info', async (ctx) => {",
        '  await Promise.all(ctx.request.body.ids.map(async (id) => {', // 6
        '    const doc = await Document.findByPk(id);', // 7: one query per id
        '    await Event.findAll({ where: { documentId: id }, limit: 5 });', // 8: one query per id
        '  }));',
        '  ctx.body = {};',
        '});',
        'export default router;',
      ),
      // The same calls where nothing binds the names: the browser's (or the language's) own, no query.
      'server/routes/globals.ts': lines(
        "import Router from 'koa-router';",
        'const router = new Router();',
        "router.post('/globals', async (ctx) => {",
        '  for (const id of ctx.request.body.ids) {',
        '    await Document.findByPk(id);',
        '    Node.find(id);',
        '  }',
        '  ctx.body = {};',
        '});',
        'export default router;',
      ),
      // A class the module declares itself.
      'server/models/Node.ts': lines(
        "import { Model } from 'sequelize';",
        'export class Node extends Model {',
        '  static async roots(ids: string[]) {',
        '    for (const id of ids) await Node.findOne({ where: { id } });', // 4
        '  }',
        '}',
      ),
    });
    assert.deepEqual(hazardRows(f), [
      'query-in-loop server/models/Node.ts:4:33 Node.findOne [for…of sequential] → -',
      'query-in-loop server/routes/documents.ts:7:23 Document.findByPk [.map() parallel] → POST /documents.info',
      'query-in-loop server/routes/documents.ts:8:11 Event.findAll [.map() parallel] → POST /documents.info',
    ]);
  });
});

import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines, routeRows, sortedRouteRows } from './fixtureWorkspace';

describe('Feathers: services as REST routes', () => {
  it("app.use(path, new Service(), { methods }) gives a REST route per listed method, the list and the path read from another module (the v5 generator's shape)", async () => {
    const f = await joined({
      'src/services/messages/messages.shared.ts': lines("export const messagePath = 'messages'", "export const messageMethods = ['find', 'get', 'create', 'patch', 'remove'] as const"),
      'src/services/messages/messages.class.ts': lines(
        "import { KnexService } from '@feathersjs/knex'", // 1
        'export class MessageService extends KnexService {',
        '  async find(params) {',
        '    const rooms = await this.rooms()',
        '    for (const room of rooms) {', // 5
        "      await db('messages').where({ room }).first()",
        '    }',
        '    return rooms',
        '  }',
        '}', // 10
      ),
      'src/services/messages/messages.ts': lines(
        "import { authenticate } from '@feathersjs/authentication'", // 1
        "import { MessageService, getOptions } from './messages.class'",
        "import { messagePath, messageMethods } from './messages.shared'",
        'export const message = (app) => {',
        '  app.use(messagePath, new MessageService(getOptions(app)), {', // 5
        '    methods: messageMethods,',
        '    events: []',
        '  })',
        '}',
      ),
    });
    assert.deepEqual(routeRows(f), sortedRouteRows([
      ['GET', '/messages', 'src/services/messages/messages.ts', 4, 'feathers'],
      ['GET', '/messages/:__feathersId', 'src/services/messages/messages.ts', 4, 'feathers'],
      ['POST', '/messages', 'src/services/messages/messages.ts', 4, 'feathers'],
      ['PATCH', '/messages/:__feathersId', 'src/services/messages/messages.ts', 4, 'feathers'],
      ['DELETE', '/messages/:__feathersId', 'src/services/messages/messages.ts', 4, 'feathers'],
    ]));
    assert.deepEqual(hazardRows(f), ["query-in-loop src/services/messages/messages.class.ts:6:13 db.where.first [for…of sequential] → GET /messages"]);
  });

  it("an adapter's service factory (v4) serves all six; a class of the module the methods it defines; a literal list; Express's own use() is no service", async () => {
    const f = await joined({
      'src/app.js': lines(
        "const feathers = require('@feathersjs/feathers');", // 1
        "const express = require('@feathersjs/express');",
        "const createService = require('feathers-mongoose');",
        "const cors = require('cors');",
        'const app = express(feathers());', // 5
        "app.use('/users', createService({ Model: User }));",
        'class Health {',
        '  async find() { return { ok: true }; }',
        '}',
        "app.use('health', new Health());", // 10
        "app.use('/uploads', new BlobService(), { methods: ['create'] });",
        "app.use('/api', cors());",
        "app.use('/admin', express.Router());",
        "app.use('/old', new express.Router());",
      ),
    });
    assert.deepEqual(routeRows(f), sortedRouteRows([
      ['GET', '/users', 'src/app.js', 5, 'feathers'],
      ['GET', '/users/:__feathersId', 'src/app.js', 5, 'feathers'],
      ['POST', '/users', 'src/app.js', 5, 'feathers'],
      ['PUT', '/users/:__feathersId', 'src/app.js', 5, 'feathers'],
      ['PATCH', '/users/:__feathersId', 'src/app.js', 5, 'feathers'],
      ['DELETE', '/users/:__feathersId', 'src/app.js', 5, 'feathers'],
      ['GET', '/health', 'src/app.js', 9, 'feathers'],
      ['POST', '/uploads', 'src/app.js', 10, 'feathers'],
    ]));
  });

  it('not in a module without Feathers: new X() given to an Express app is not a service', async () => {
    const f = await joined({ 'src/app.js': lines("const express = require('express');", 'const app = express();', "app.use('/items', new Items());") });
    assert.deepEqual(routeRows(f), []);
  });
});

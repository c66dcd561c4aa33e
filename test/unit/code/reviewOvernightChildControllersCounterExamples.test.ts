import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

// Counter-examples a review found to "OvernightJS child controllers are served under their parent controller" (plunk).
describe('code analysis: an OvernightJS child controller is the class its parent imports (review counter-examples)', function () {
  this.timeout(10_000);

  const controller = (path: string, cls: string, verb: string, method: string): string =>
    lines(
      `import { Controller, ${verb} } from "@overnightjs/core";`,
      '',
      `@Controller("${path}")`,
      `export class ${cls} {`,
      `  @${verb}(":id")`, // 4
      `  public async ${method}(req, res) { return res.json({}); }`,
      '}',
    );

  it('a class of the same name in another file, added at the top level under another name, stays at its own path; the child the parent imports, also under an alias, is under the parent', async () => {
    const f = await joined({
      'src/controllers/v1/Actions.ts': controller('actions', 'Actions', 'Get', 'get'),
      'src/controllers/v1/Contacts.ts': controller('contacts', 'Contacts', 'Get', 'get'),
      'src/controllers/v1/index.ts': lines(
        'import { ChildControllers, Controller, Get } from "@overnightjs/core";',
        'import { Actions } from "./Actions";',
        'import { Contacts as V1Contacts } from "./Contacts";',
        '',
        '@Controller("v1")',
        '@ChildControllers([new Actions(), new V1Contacts()])',
        'export class V1 {',
        '  @Get("health")', // 7
        '  public health(req, res) { return res.json({}); }',
        '}',
      ),
      'src/controllers/admin/Actions.ts': controller('admin/actions', 'Actions', 'Delete', 'remove'),
      'src/controllers/admin/Contacts.ts': controller('admin/contacts', 'Contacts', 'Delete', 'remove'),
      'src/server.ts': lines(
        'import { Server } from "@overnightjs/core";',
        'import { V1 } from "./controllers/v1";',
        'import { Actions as AdminActions } from "./controllers/admin/Actions";',
        'import { Contacts as AdminContacts } from "./controllers/admin/Contacts";',
        '',
        'class App extends Server {',
        '  constructor() {',
        '    super();',
        '    this.addControllers([new V1(), new AdminActions(), new AdminContacts()]);',
        '  }',
        '  start() { this.app.listen(3000); }',
        '}',
        'new App().start();',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['DELETE', '/admin/actions/:id', 'src/controllers/admin/Actions.ts', 4, 'overnightjs'],
      ['DELETE', '/admin/contacts/:id', 'src/controllers/admin/Contacts.ts', 4, 'overnightjs'],
      ['GET', '/v1/actions/:id', 'src/controllers/v1/Actions.ts', 4, 'overnightjs'],
      ['GET', '/v1/contacts/:id', 'src/controllers/v1/Contacts.ts', 4, 'overnightjs'],
      ['GET', '/v1/health', 'src/controllers/v1/index.ts', 7, 'overnightjs'],
    ]);
  });

  it('a child declared in the parent\'s own file is under the parent; one the file neither imports nor declares is no child', async () => {
    const f = await joined({
      'src/controllers/v1.ts': lines(
        'import { ChildControllers, Controller, Get } from "@overnightjs/core";',
        '',
        '@Controller("items")',
        'export class Items {',
        '  @Get(":id")', // 4
        '  public get(req, res) { return res.json({}); }',
        '}',
        '',
        '@Controller("v1")',
        '@ChildControllers([new Items(), new Orders()])',
        'export class V1 {}',
      ),
      'src/controllers/Orders.ts': controller('orders', 'Orders', 'Get', 'get'),
      'src/server.ts': lines(
        'import { Server } from "@overnightjs/core";',
        'import { V1 } from "./controllers/v1";',
        'import { Orders } from "./controllers/Orders";',
        'class App extends Server {',
        '  constructor() { super(); this.addControllers([new V1(), new Orders()]); }',
        '}',
        'new App().app.listen(3000);',
      ),
    });
    assert.deepEqual(routeRows(f), [
      ['GET', '/orders/:id', 'src/controllers/Orders.ts', 4, 'overnightjs'],
      ['GET', '/v1/items/:id', 'src/controllers/v1.ts', 4, 'overnightjs'],
    ]);
  });
});

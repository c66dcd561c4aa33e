import { strict as assert } from 'node:assert';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { grammars, joined, lines, routeRows } from './fixtureWorkspace';

/**
 * `inventory.post('/reserve', req.body)` reads like a route registration (a receiver of no known kind, a path, then
 * something that could name a handler), but where the file made `inventory` with an HTTP client's factory it is a
 * request to another service.
 */
describe("Express: an HTTP client's instance is no router", () => {
  it("axios, got, ky, superagent and request instances (also a field's) send requests; a router beside them still registers", async () => {
    const f = await joined({
      'src/app.ts': lines(
        "import express from 'express';",
        "import axios from 'axios';",
        "import got from 'got';",
        'const app = express();',
        "const inventory = axios.create({ baseURL: 'http://inventory', timeout: 1000 });",
        "const search = got.extend({ prefixUrl: 'http://search', timeout: { request: 1000 } });",
        'class Billing {',
        "  constructor() { this.billing = ky.create({ prefixUrl: 'http://billing', timeout: 1000 }); }",
        "  charge(req) { return this.billing.post('/charges', req.body); }",
        '}',
        "app.post('/orders', async (req, res) => {", // 11
        "  const lines = await inventory.post('/reserve', req.body);",
        "  await search.get('/index', req.query);",
        '  res.json(lines.data);',
        '});',
        'export async function refresh(req) {',
        "  const agent = superagent.agent();",
        "  await agent.post('/refresh', req.body);",
        '}',
        'app.listen(3000);',
      ),
    });
    assert.deepEqual(routeRows(f), [['POST', '/orders', 'src/app.ts', 10, 'express']]);
  });

  // (The edit cache's context holds the instances: a statement the edit did not touch is analysed again when they change.)
  it('an edit that makes a name a client instance, or no longer one, re-reads the statements it did not touch', async () => {
    const index = new CodeIndex(grammars);
    const file = (declaration: string) =>
      lines("import express from 'express';", "import axios from 'axios';", 'const app = express();', declaration, 'export function mount() {', "  api2.post('/notify', handlers.notify);", '}', "app.use('/v1', api2);");
    const rows = async (declaration: string) => {
      await index.analyzeEdit('src/app.ts', file(declaration));
      return routeRows(new Map(index.link().map((a) => [a.file, a])));
    };
    assert.deepEqual(await rows("const api2 = axios.create({ baseURL: 'http://x', timeout: 100 });"), []);
    // (Made by a function of the project: what it is is not known here, and the receiver is read as a router.)
    assert.deepEqual(await rows('const api2 = makeApi();'), [['POST', '/v1/notify', 'src/app.ts', 5, 'express']]);
    assert.deepEqual(await rows("const api2 = axios.create({ baseURL: 'http://x', timeout: 100 });"), []);
  });
});

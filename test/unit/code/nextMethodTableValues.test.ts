import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

describe('Next.js pages/api: an object keyed by methods is a table of handlers only when its values are handlers', () => {
  it("`withValidation({ POST: createSchema })(usersHandler)` is options (schemas by method) for the handler handed on, no table; a table of the file's or imported functions still is", async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "14.0.0", "zod": "3.22.0" } }'),
      'lib/users.ts': lines('export default async function usersHandler(req, res) {', '  if (req.method === "POST") res.json(await fetch("http://upstream/users"));', '}'),
      // Schemas by method, and the handler handed to the call the wrapper returns: no route made of the schema.
      'pages/api/users.ts': lines(
        'import { z } from "zod";',
        'import { withValidation } from "../../lib/validation";',
        'import usersHandler from "../../lib/users";',
        'const createSchema = z.object({ name: z.string() });',
        'export default withValidation({ POST: createSchema })(usersHandler);',
      ),
      // A value that is no function (a schema made by a call): no table.
      'pages/api/schemas.ts': lines('import { z } from "zod";', 'import { validate } from "../../lib/validation";', 'const s = z.object({});', 'export default validate({ GET: s });'),
      // A table of a function of the file and an imported one, given options too: a table.
      'pages/api/items.ts': lines(
        'import { defaultHandler } from "../../lib/defaultHandler";',
        'import { withCors } from "../../lib/cors";',
        'import { listItems } from "../../lib/items";',
        'const corsOptions = { origin: "*" };',
        'async function createItem(req, res) { res.status(201).end(); }',
        'export default withCors(corsOptions)(defaultHandler({ GET: listItems, POST: createItem }));', // 5
      ),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`), ['GET /api/items pages/api/items.ts:5', 'POST /api/items pages/api/items.ts:5']);
  });
});

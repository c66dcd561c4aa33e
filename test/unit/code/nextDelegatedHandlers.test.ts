import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { grammars, hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe("Next.js pages/api: a handler that hands its request to another module's function answers that one's methods", () => {
  it("papermark's billing/cancel (`return handleRoute(req, res)`) is POST, as is `return await route(req, res)` of a default export with a 405 guard, and a handler exported whole (`export default limitsHandler`) answers its GET", async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "14.0.0", "@prisma/client": "5.0.0" } }'),
      'lib/db.ts': lines("import { PrismaClient } from '@prisma/client';", 'export const prisma = new PrismaClient();'),
      'ee/billing/cancel-route.ts': lines(
        "import { prisma } from '../../lib/db';",
        'export async function handleRoute(req: NextApiRequest, res: NextApiResponse) {',
        '  if (req.method === "POST") {',
        '    return res.json(await prisma.subscription.findMany());', // 4
        '  }',
        '  res.setHeader("Allow", ["POST"]);',
        '  return res.status(405).end(`Method ${req.method} Not Allowed`);',
        '}',
      ),
      'ee/faqs/route.ts': lines(
        'export default async function handle(req, res) {',
        '  if (req.method !== "POST") return res.status(405).end();',
        '  res.end();',
        '}',
      ),
      'ee/limits/handler.ts': lines(
        'export default async function handle(req, res) {',
        '  if (req.method === "GET") return res.json({});',
        '  return res.status(405).end();',
        '}',
      ),
      'ee/open.ts': lines('export async function anything(req, res) {', '  res.json({ method: req.method });', '}'),
      'pages/api/billing/cancel.ts': lines(
        "import { handleRoute } from '../../../ee/billing/cancel-route';",
        'export default async function handle(req: NextApiRequest, res: NextApiResponse) {',
        '  return handleRoute(req, res);',
        '}',
      ),
      'pages/api/faqs.ts': lines("import publishFAQRoute from '../../ee/faqs/route';", 'export default async function handler(req, res) {', '  return await publishFAQRoute(req, res);', '}'),
      'pages/api/limits.ts': lines("import limitsHandler from '../../ee/limits/handler';", 'export default limitsHandler;'),
      // The handler does more than hand the request on: its own, any method.
      'pages/api/checked.ts': lines(
        "import { handleRoute } from '../../ee/billing/cancel-route';",
        'export default async function handle(req, res) {',
        '  if (!req.headers.authorization) return res.status(401).end();',
        '  return handleRoute(req, res);',
        '}',
      ),
      // Not the request it is handed: the body.
      'pages/api/body.ts': lines("import { handleRoute } from '../../ee/billing/cancel-route';", 'export default async function handle(req, res) {', '  return handleRoute(req.body, res);', '}'),
      // A function that tests no method: any.
      'pages/api/open.ts': lines("import { anything } from '../../ee/open';", 'export default (req, res) => anything(req, res);'),
    });
    assert.deepEqual(routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`), [
      'POST /api/billing/cancel pages/api/billing/cancel.ts:1',
      'ANY /api/body pages/api/body.ts:1',
      'ANY /api/checked pages/api/checked.ts:1',
      'POST /api/faqs pages/api/faqs.ts:1',
      'GET /api/limits pages/api/limits.ts:1',
      'ANY /api/open pages/api/open.ts:1',
    ]);
    assert.deepEqual(hazardRows(f), ['unbounded-query ee/billing/cancel-route.ts:4:27 prisma.subscription.findMany → POST /api/billing/cancel, ANY /api/checked, ANY /api/body']);
  });

  it('an edit to the methods the other module answers shows in the route after the next join', async () => {
    const index = new CodeIndex(grammars);
    const route = (method: string) => lines('export async function handleRoute(req, res) {', `  if (req.method === "${method}") return res.end();`, '  return res.status(405).end();', '}');
    await index.ingest('package.json', lines('{ "dependencies": { "next": "14.0.0" } }'));
    await index.ingest('ee/route.ts', route('POST'));
    await index.ingest('pages/api/x.ts', lines("import { handleRoute } from '../../ee/route';", 'export default function handle(req, res) {', '  return handleRoute(req, res);', '}'));
    const methods = () => index.link().flatMap((a) => a.routes.map((r) => `${r.method} ${r.path}`));
    assert.deepEqual(methods(), ['POST /api/x']);
    await index.analyzeEdit('ee/route.ts', route('PUT'));
    assert.deepEqual(methods(), ['PUT /api/x']);
  });
});

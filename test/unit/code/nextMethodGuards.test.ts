import assert from 'node:assert/strict';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

const PKG = lines('{ "dependencies": { "next": "14.0.0", "@prisma/client": "5.0.0" } }');
const DB = lines("import { PrismaClient } from '@prisma/client';", 'export const prisma = new PrismaClient();');
const rows = (f: Awaited<ReturnType<typeof joined>>) => routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`);

describe('Next.js pages/api: a guard that turns away every other method limits the route', () => {
  it("`if (req.method !== \"POST\") { return res.status(405)… }` (papermark's record_view) is POST; `!== && !==` and `![…].includes(req.method)` are the methods they let past", async () => {
    const f = await joined({
      'package.json': PKG,
      'lib/db.ts': DB,
      'pages/api/record_view.ts': lines(
        "import { prisma } from '../../lib/db';",
        'export default async function handle(req, res) {',
        '  if (req.method !== "POST") {',
        '    res.setHeader("Allow", ["POST"]);',
        '    return res.status(405).end(`Method ${req.method} Not Allowed`);',
        '  }',
        '  return res.json(await prisma.view.create({ data: req.body }));',
        '}',
      ),
      'pages/api/unsubscribe.ts': lines(
        'export default async function handle(req, res) {',
        '  if (req.method !== "POST" && req.method !== "GET") {',
        '    res.status(405).json({ message: "Method Not Allowed" });',
        '    return;',
        '  }',
        '  res.end();',
        '}',
      ),
      'pages/api/listed.ts': lines(
        'export default function handle(req, res) {',
        "  if (!['GET', 'PUT'].includes(req.method)) throw new Error('Method not allowed');",
        '  res.end();',
        '}',
      ),
      // Not a guard: the branch is the handler of every method but GET (it turns nothing away).
      'pages/api/other.ts': lines(
        'export default async function handle(req, res) {',
        '  if (req.method !== "GET") {',
        '    return res.json({ created: true });',
        '  }',
        '  return res.json({ list: [] });',
        '}',
      ),
      // Not a guard: it says 405 but carries on.
      'pages/api/carries.ts': lines(
        'export default async function handle(req, res) {',
        '  if (req.method !== "POST") {',
        '    res.status(405);',
        '  }',
        '  res.end();',
        '}',
      ),
      // Not at the top of the handler: only under a condition.
      'pages/api/nested.ts': lines(
        'export default async function handle(req, res) {',
        '  if (req.query.strict) {',
        '    if (req.method !== "POST") return res.status(405).end();',
        '  }',
        '  res.end();',
        '}',
      ),
    });
    assert.deepEqual(rows(f), [
      'ANY /api/carries pages/api/carries.ts:0',
      'GET /api/listed pages/api/listed.ts:0',
      'PUT /api/listed pages/api/listed.ts:0',
      'ANY /api/nested pages/api/nested.ts:0',
      'ANY /api/other pages/api/other.ts:0',
      'POST /api/record_view pages/api/record_view.ts:1',
      'GET /api/unsubscribe pages/api/unsubscribe.ts:0',
      'POST /api/unsubscribe pages/api/unsubscribe.ts:0',
    ]);
  });

  it("a method's branch before the guard is that method's (papermark's links/download/verify): what follows the guard is on the guarded method's route only", async () => {
    const f = await joined({
      'package.json': PKG,
      'lib/db.ts': DB,
      'pages/api/verify.ts': lines(
        "import { prisma } from '../../lib/db';",
        'export default async function handler(req, res) {',
        '  if (req.method === "GET") {',
        '    return res.json(await prisma.job.findMany());', // 4
        '  }',
        '  if (req.method !== "POST") {',
        '    return res.status(405).end(`Method ${req.method} Not Allowed`);',
        '  }',
        '  const links = await prisma.link.findMany();', // 9
        '  return res.json(links);',
        '}',
      ),
    });
    assert.deepEqual(rows(f), ['GET /api/verify pages/api/verify.ts:1', 'POST /api/verify pages/api/verify.ts:1']);
    assert.deepEqual(hazardRows(f), [
      'unbounded-query pages/api/verify.ts:4:27 prisma.job.findMany → GET /api/verify',
      'unbounded-query pages/api/verify.ts:9:23 prisma.link.findMany → POST /api/verify',
    ]);
  });
});

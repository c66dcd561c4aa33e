import assert from 'node:assert/strict';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Next.js pages/api: a handler exported as an arrow function written in place', () => {
  it("`export default async (req, res) => {…}` (papermark's mupdf/get-pages) and `export default (req, res) => …` are the route's handlers; a wrapper called with a name is still read as one", async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "14.0.0" } }'),
      'pages/api/mupdf/get-pages.ts': lines(
        'import { NextApiRequest, NextApiResponse } from "next";',
        '',
        'export default async (req: NextApiRequest, res: NextApiResponse) => {',
        '  const response = await fetch(req.body.url);', // 4
        '  res.status(200).json({ size: (await response.arrayBuffer()).byteLength });',
        '};',
      ),
      'pages/api/sync.ts': lines('export default (req, res) => {', "  if (req.method === 'PUT') res.json({ ok: true });", '};'),
      'pages/api/ping.js': lines('export default req => new Response("pong");'),
      'pages/api/wrapped.ts': lines(
        "import { withAuth } from '../../lib/auth';",
        'async function handler(req, res) {',
        "  if (req.method === 'DELETE') res.end();",
        '}',
        'export default withAuth(handler);',
      ),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`),
      ['ANY /api/mupdf/get-pages pages/api/mupdf/get-pages.ts:2', 'ANY /api/ping pages/api/ping.js:0', 'PUT /api/sync pages/api/sync.ts:0', 'DELETE /api/wrapped pages/api/wrapped.ts:1'],
    );
    assert.deepEqual(hazardRows(f), ['missing-timeout pages/api/mupdf/get-pages.ts:4:26 fetch → ANY /api/mupdf/get-pages']);
  });
});

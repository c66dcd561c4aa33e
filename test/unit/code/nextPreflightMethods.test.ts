import assert from 'node:assert/strict';
import { hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

const PKG = lines('{ "dependencies": { "next": "14.0.0" } }');
const rows = (f: Awaited<ReturnType<typeof joined>>) => routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`);

describe('Next.js pages/api: methods a handler only answers early, or tests in an expression', () => {
  it('a CORS preflight answered early before code that serves every method, and a method tested in a ternary, leave the route ANY, also through a helper it hands off to', async () => {
    const proxy = lines(
      'export async function forward(req, res) {',
      "  if (req.method === 'OPTIONS') {",
      '    return res.status(204).end();',
      '  }',
      "  const upstream = await fetch(`${process.env.UPSTREAM_URL}${req.url}`, { method: req.method, body: req.method === 'GET' ? undefined : JSON.stringify(req.body) });",
      '  res.status(upstream.status).send(await upstream.text());',
      '}',
    );
    const f = await joined({
      'package.json': PKG,
      'lib/proxy.ts': proxy,
      'pages/api/proxy/[...path].ts': lines("import { forward } from '../../../lib/proxy';", 'export default function handler(req, res) {', '  return forward(req, res);', '}'),
      'pages/api/inline.ts': proxy.replace('export async function forward', 'export default async function handler'),
      'pages/api/items.ts': lines('export default function handler(req, res) {', "  return req.method === 'GET' ? res.json([]) : res.status(405).end();", '}'),
      'pages/api/branches.ts': lines('export default async function handler(req, res) {', "  if (req.method === 'GET') return res.json([]);", "  if (req.method === 'POST') return res.status(201).end();", '}'),
    });
    assert.deepEqual(
      rows(f).filter((r) => !r.includes('branches')),
      ['ANY /api/inline pages/api/inline.ts:0', 'GET /api/items pages/api/items.ts:0', 'ANY /api/proxy/[...path] pages/api/proxy/[...path].ts:1'],
    );
    assert.deepEqual(rows(f).filter((r) => r.includes('branches')).map((r) => r.split(' ')[0]), ['GET', 'POST']);
    assert.ok(hazardRows(f).every((r) => !r.includes('OPTIONS')), hazardRows(f).join('\n'));
  });
});

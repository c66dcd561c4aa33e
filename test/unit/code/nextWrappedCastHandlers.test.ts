import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { grammars, hazardRows, joined, lines, routeRows } from './fixtureWorkspace';

describe('Next.js pages/api: a handler handed to a wrapper behind a cast, or made by a wrapper call of its own', () => {
  it('`withSessionRoute(handler as any)` and `const handler = withValidation(async …)` then `withAuth(handler)` are the routes\' handlers; an imported name or options are none', async () => {
    const f = await joined({
      'package.json': lines('{ "dependencies": { "next": "14.0.0", "iron-session": "6.0.0" } }'),
      'pages/api/cast.ts': lines(
        'import { withSessionRoute } from "../../lib/session";',
        'async function handler(req, res) {',
        '  const r = await fetch("http://example.com/x");', // 3
        '  res.json(await r.json());',
        '}',
        'export default withSessionRoute(handler as any);',
      ),
      'pages/api/satisfies.ts': lines(
        'import { withSessionRoute } from "../../lib/session";',
        'const handler = async (req, res) => {',
        '  if (req.method === "POST") res.json(await fetch("http://example.com/s"));', // 3
        '};',
        'export default withSessionRoute((handler satisfies Handler)!);',
      ),
      'pages/api/wrapped.ts': lines(
        'import { withAuth } from "../../lib/auth";',
        'import { withValidation } from "../../lib/validate";',
        'const handler = withValidation(async (req, res) => {',
        '  const r = await fetch("http://example.com/y");', // 4
        '  res.json(await r.json());',
        '});',
        'export default withAuth(handler);',
      ),
      // An imported handler, or options cast: no function of this file.
      'pages/api/imported.ts': lines('import { withAuth } from "../../lib/auth";', 'import handler from "../../lib/handler";', 'export default withAuth(handler as any);'),
      'pages/api/auth/[...nextauth].ts': lines('import NextAuth from "next-auth";', 'const options = { providers: [] };', 'export default NextAuth(options as any);'),
    });
    assert.deepEqual(
      routeRows(f).map((r) => `${r[0]} ${r[1]} ${r[2]}:${r[3]}`),
      ['ANY /api/cast pages/api/cast.ts:1', 'POST /api/satisfies pages/api/satisfies.ts:1', 'ANY /api/wrapped pages/api/wrapped.ts:2'],
    );
    assert.deepEqual(hazardRows(f), [
      'missing-timeout pages/api/cast.ts:3:19 fetch → ANY /api/cast',
      'missing-timeout pages/api/satisfies.ts:3:45 fetch → POST /api/satisfies',
      'missing-timeout pages/api/wrapped.ts:4:19 fetch → ANY /api/wrapped',
    ]);
  });

  it('analysed statement by statement after an edit, a constant a wrapper call makes is the handler too', async () => {
    const index = new CodeIndex(grammars);
    await index.ingest('package.json', lines('{ "dependencies": { "next": "14.0.0" } }'));
    const text = (wrap: string) =>
      lines('import { withAuth } from "../../lib/auth";', 'import { withValidation } from "../../lib/validate";', 'const handler = withValidation(async (req, res) => {', '  if (req.method === "GET") res.end();', '});', `export default ${wrap};`);
    const routes = async (wrap: string) => (await index.analyzeEdit('pages/api/me.ts', text(wrap)))!.routes.map((r) => `${r.method} ${r.path} ${r.declaration.start.line}`);
    assert.deepEqual(await routes('withAuth(handler)'), ['GET /api/me 2']);
    assert.deepEqual(await routes('withAuth(handler as any)'), ['GET /api/me 2']);
  });
});

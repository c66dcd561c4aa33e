import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { grammars } from '../code/fixtureWorkspace';
import { TempWorkspace } from './tempWorkspace';

/**
 * A turbo/pnpm monorepo (openstatus, typebot): two Next.js apps, each a Compose service, and a workspace package
 * that no service's links take. A hazard in the package that one app's route reaches is that app's, so its signals
 * rank it; one that routes of both apps reach names no one service.
 */
describe("a workspace package's hazards, reached from a service's routes", function () {
  this.timeout(20_000);
  const ws = new TempWorkspace('library-service');
  const write = (file: string, text: string) => ws.write(file, text);
  const dockerfile = (app: string) =>
    [
      'FROM node:22 AS builder',
      'WORKDIR /app',
      'COPY . .',
      `RUN pnpm install && pnpm turbo run build --filter=@acme/${app}`,
      'FROM node:22',
      `WORKDIR /app/apps/${app}`,
      `COPY --from=builder /app/apps/${app}/.next/standalone/apps/${app}/ ./`,
      'CMD ["node", "server.js"]',
      '',
    ].join('\n');

  before(() => {
    ws.create();
    write('package.json', '{"name":"acme","private":true}\n');
    write('pnpm-workspace.yaml', "packages:\n  - 'apps/*'\n  - 'packages/*'\n");
    write('compose.yaml', ['services:', '  dashboard:', '    build:', '      context: .', '      dockerfile: apps/dashboard/Dockerfile', '  status:', '    build:', '      context: .', '      dockerfile: apps/status/Dockerfile', ''].join('\n'));
    for (const app of ['dashboard', 'status']) {
      write(`apps/${app}/Dockerfile`, dockerfile(app));
      write(`apps/${app}/package.json`, `{"name":"@acme/${app}","dependencies":{"next":"15.0.0","@acme/services":"workspace:*"}}\n`);
    }
    write(
      'apps/dashboard/src/app/api/users/route.ts',
      ["import { deleteUsers, audit } from '@acme/services';", 'export async function DELETE(req: Request) {', '  const { ids } = await req.json();', '  await deleteUsers(ids);', '  await audit(ids);', '  return Response.json({ ok: true });', '}', ''].join('\n'),
    );
    write('apps/status/src/app/api/status/route.ts', ["import { audit } from '@acme/services';", 'export async function GET() {', "  await audit(['status']);", '  return Response.json({ ok: true });', '}', ''].join('\n'));
    write('packages/services/package.json', '{"name":"@acme/services","main":"src/index.ts","dependencies":{"pg":"^8.13.0"}}\n');
    write(
      'packages/services/src/index.ts',
      [
        "import { Pool } from 'pg';",
        'const pool = new Pool();',
        'export async function deleteUsers(ids: string[]) {',
        '  for (const id of ids) {',
        "    await pool.query('DELETE FROM users WHERE id = $1', [id]);",
        '  }',
        '}',
        'export async function audit(ids: string[]) {',
        '  for (const id of ids) {',
        "    await pool.query('INSERT INTO audit (id) VALUES ($1)', [id]);",
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    // The package's own demo app, which no service runs, on a path the dashboard serves too (mall-demo's
    // `GET /brand/listAll` beside mall-admin's): which of the two reaches its query is not known.
    write(
      'packages/services/src/demo.ts',
      [
        "import express from 'express';",
        "import { Pool } from 'pg';",
        'const pool = new Pool();',
        'const app = express();',
        "app.get('/api/brands', async (req, res) => {",
        "  for (const id of String(req.query.ids).split(',')) await pool.query('SELECT * FROM brands WHERE id = $1', [id]);",
        '  res.json([]);',
        '});',
        '',
      ].join('\n'),
    );
    write('apps/dashboard/src/app/api/brands/route.ts', ['export async function GET() {', '  return Response.json([]);', '}', ''].join('\n'));
  });
  after(() => ws.remove());

  it("is reported on the service whose routes reach it, or on none when several services' routes do", async () => {
    const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
    assert.deepEqual(
      result.warnings.map((w) => [w.code, w.file, w.range.start.line, w.service, w.route]),
      [
        ['query-in-loop', 'packages/services/src/demo.ts', 5, undefined, 'GET /api/brands'],
        ['query-in-loop', 'packages/services/src/index.ts', 4, 'dashboard', 'DELETE /api/users'],
        ['query-in-loop', 'packages/services/src/index.ts', 9, undefined, 'DELETE /api/users'],
      ],
    );
  });
});

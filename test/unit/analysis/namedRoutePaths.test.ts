import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { jsStringConstants } from '../../../src/core/code/routes/jsConstants';
import { grammars } from '../code/fixtureWorkspace';
import { TempWorkspace } from './tempWorkspace';

describe('NestJS paths named by constants, through tsconfig paths (Sairyss/domain-driven-hexagon)', function () {
  this.timeout(20_000);
  const ws = new TempWorkspace('named');
  const write = (file: string, text: string) => ws.write(file, text);

  before(() => {
    ws.create();
    write('Dockerfile', 'FROM node:20\n');
    write('tsconfig.json', '{\n  // aliases\n  "compilerOptions": {\n    "baseUrl": "./",\n    "paths": { "@config/*": ["src/configs/*"], },\n  },\n}\n');
    write(
      'src/configs/app.routes.ts',
      ["const usersRoot = 'users';", "const v1 = 'v1';", 'export const routesV1 = {', '  version: v1,', '  user: {', '    root: usersRoot,', '    delete: `/${usersRoot}/:id`,', '  },', '};'].join('\n'),
    );
    write(
      'src/modules/user/user.controller.ts',
      [
        "import { Controller, Delete, Get, Post } from '@nestjs/common';",
        "import { routesV1 } from '@config/app.routes';",
        "const SEARCH = 'search';",
        '',
        '@Controller(routesV1.version)',
        'export class UserController {',
        '  @Post(routesV1.user.root)',
        '  create() {}',
        '',
        '  @Delete(routesV1.user.delete)',
        '  remove() {}',
        '',
        '  @Get(SEARCH)',
        '  search() {}',
        '',
        '  @Get(routesV1.user.unknown)',
        '  other() {}',
        '}',
      ].join('\n'),
    );
  });

  after(() => ws.remove());

  it('reads the constants where they are defined: in the file, or in the module a tsconfig alias names', async () => {
    const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
    const routes = result.files.flatMap((f) => f.routes.map((r) => `${r.method} ${r.path}`)).sort();
    // A name that cannot be read leaves that part out, as before.
    assert.deepEqual(routes, ['DELETE /v1/users/:id', 'GET /v1', 'GET /v1/search', 'POST /v1/users']);
  });

  it('string constants: literals, earlier constants, templates of them, nested object members; not calls or unknown names', () => {
    const text = ["const a = 'x';", 'export const b = `/${a}/y`;', 'const c = someCall();', 'const d = `${unknown}`;', "export const o = { k: a, n: { m: 'z', f: () => 1, t: `${a}-${b}` }, after: 'w' } as const;"].join('\n');
    assert.deepEqual({ ...jsStringConstants(text) }, { a: 'x', b: '/x/y', 'o.k': 'x', 'o.n.m': 'z', 'o.n.t': 'x-/x/y', 'o.after': 'w' });
  });
});

describe('a monorepo\'s packages imported by their names (documenso, formbricks)', function () {
  this.timeout(20_000);
  const ws = new TempWorkspace('monorepo');

  before(() => {
    ws.create();
    ws.write('Dockerfile', 'FROM node:20\n');
    ws.write('package.json', JSON.stringify({ name: 'acme', workspaces: ['apps/*', 'packages/*'] }));
    ws.write('apps/web/package.json', JSON.stringify({ name: '@acme/web', dependencies: { next: '^15.0.0', '@acme/lib': '*' } }));
    ws.write(
      'apps/web/app/api/items/route.ts',
      ["import { listItems } from '@acme/lib/server-only/items';", "import { health } from '@acme/lib';", 'export async function GET() {', '  return Response.json({ items: await listItems(), ok: health() });', '}'].join('\n'),
    );
    ws.write('packages/lib/package.json', JSON.stringify({ name: '@acme/lib', main: './src/index.ts' }));
    ws.write('packages/lib/src/index.ts', "export function health() {\n  return fetch('http://hub/health');\n}\n");
    ws.write('packages/lib/server-only/items.ts', "import { prisma } from '@acme/db';\nexport async function listItems() {\n  return prisma.item.findMany();\n}\n");
    ws.write('packages/db/package.json', JSON.stringify({ name: '@acme/db', main: './index.ts' }));
    ws.write('packages/db/index.ts', "export const prisma = new PrismaClient();\n");
  });

  after(() => ws.remove());

  it('joins an app\'s calls with the package files they name: a subpath, or the name alone for its main file', async () => {
    const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
    const hazards = result.files.flatMap((f) => f.hazards.map((h) => `${h.code} ${h.file} ${h.routes.map((r) => `${r.method} ${r.path}`).join(',')}`)).sort();
    assert.deepEqual(hazards, ['missing-timeout packages/lib/src/index.ts GET /api/items', 'unbounded-query packages/lib/server-only/items.ts GET /api/items']);
  });
});

describe("SvelteKit's $lib alias (sveltejs/realworld)", function () {
  this.timeout(20_000);
  const ws = new TempWorkspace('sveltekit');

  before(() => {
    ws.create();
    ws.write('Dockerfile', 'FROM node:20\n');
    ws.write('package.json', JSON.stringify({ name: 'realworld', devDependencies: { '@sveltejs/kit': '^2.0.0' } }));
    ws.write('src/lib/api.js', "export async function get(path) {\n  return fetch(`https://api.realworld.io/api/${path}`);\n}\n");
    ws.write('src/routes/article/[slug]/+page.server.js', "import * as api from '$lib/api.js';\nexport async function load({ params }) {\n  return { article: await api.get(`articles/${params.slug}`) };\n}\n");
  });

  after(() => ws.remove());

  it('reads $lib/… as the project\'s src/lib/…: the load function\'s call reaches its fetch', async () => {
    const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
    const hazards = result.files.flatMap((f) => f.hazards.map((h) => `${h.code} ${h.file} ${h.routes.map((r) => `${r.method} ${r.path}`).join(',')}`));
    assert.deepEqual(hazards, ['missing-timeout src/lib/api.js GET /article/[slug]']);
  });
});

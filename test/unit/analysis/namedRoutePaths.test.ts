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

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { isComposeTemplate } from '../../../src/core/recipes/compose';
import { recipeFormatOf } from '../../../src/core/recipes/discovery';
import { grammars } from '../code/fixtureWorkspace';
import { modelOfFiles } from './support';

const lines = (...l: string[]) => l.join('\n') + '\n';

/**
 * amplication's data-service-generator keeps src/server/docker-compose/docker-compose.template.yml, which the generator
 * writes into the apps it makes: not a recipe of this repository (its `server` and `migrate` were linked to the
 * generator's package by the moved-file fallback, and the generator's own variables reported as missing from them).
 */
const TEMPLATE = lines(
  'version: "3"',
  'services:',
  '  server:',
  '    build:',
  '      context: .',
  '    environment:',
  '      BCRYPT_SALT: "${BCRYPT_SALT}"',
  '  migrate:',
  '    build:',
  '      context: .',
  '    command: npm run db:init',
);

const FILES: Record<string, string> = {
  'packages/generator/src/server/docker-compose/docker-compose.template.yml': TEMPLATE,
  'packages/generator/src/server/docker-compose/docker-compose.dev.template.yml': lines('services:', '  db:', '    image: postgres:16'),
  // Compose by its content, not its name (a swarm stack): a template all the same.
  'packages/generator/src/server/stack.template.yml': TEMPLATE,
  'packages/generator/Dockerfile': 'FROM node:20\n',
  'packages/generator/package.json': '{"name":"generator","dependencies":{"express":"4"}}\n',
  'packages/generator/src/index.ts': lines('const spec = process.env.BUILD_SPEC_PATH;', 'console.log(spec);'),
  // The repository's own Compose files, an override among them, still are its recipes.
  'docker-compose.yml': lines('services:', '  api:', '    build: ./packages/api', '    environment:', '      DATABASE_URL: postgres://db/app'),
  'docker-compose.override.yml': lines('services:', '  api:', '    environment:', '      LOG_LEVEL: debug'),
  'packages/api/Dockerfile': 'FROM node:20\n',
  'packages/api/package.json': '{"name":"api","dependencies":{"express":"4"}}\n',
  'packages/api/src/server.ts': lines('const db = process.env.DATABASE_URL;', 'const key = process.env.API_KEY;'),
};

describe('Compose templates: files a program fills in and writes out are not recipes', function () {
  this.timeout(20_000);

  it('names: a `template`, `tmpl` or `tpl` part; not a word that only starts so', () => {
    const names = [
      'packages/generator/src/server/docker-compose/docker-compose.template.yml',
      'src/templates/docker-compose.dev.template.yml',
      'gen/src/compose.tmpl.yaml',
      'src/docker-compose-template.yml',
      'src/docker-compose.tpl.yml',
      'internal/scaffold/templates/docker-compose.tmpl.yml',
      // Outside a source tree, a template is the deployment a setup script fills in (openpanel's self-hosting/).
      'self-hosting/docker-compose.template.yml',
      'docker-compose.override.yml',
      'src/docker-compose.templated-app.yml',
      'templates/docker-compose.yml',
      'docker-compose.yml',
    ];
    assert.deepEqual(names.map(isComposeTemplate), [true, true, true, true, true, true, false, false, false, false, false]);
    const all = new Set(names);
    assert.deepEqual(
      names.map((f) => recipeFormatOf(f, all)),
      [undefined, undefined, undefined, undefined, undefined, undefined, 'compose', 'compose', 'compose', 'compose', 'compose'],
    );
  });

  it('gives no service: the generator is its Dockerfile\'s, with no recipe; the override still adds to api', async () => {
    const model = await modelOfFiles(FILES);
    assert.deepEqual(
      model.services.map((s) => [s.name, s.codeRoots.map((l) => l.root), s.recipes.map((r) => `${r.location.file}:${r.location.range.start.line}`)]),
      [
        ['api', ['packages/api'], ['docker-compose.yml:1', 'docker-compose.override.yml:1']],
        ['generator', ['packages/generator'], []],
      ],
    );
  });

  it("reports none of the generator's own variables as missing from a template's services", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-lens-compose-template-'));
    try {
      for (const [file, text] of Object.entries(FILES)) {
        mkdirSync(join(dir, file, '..'), { recursive: true });
        writeFileSync(join(dir, file), text);
      }
      const result = await analyzeWorkspace({ fs: new NodeFileSystem(dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
      const env = result.warnings.filter((w) => w.code === 'env-not-in-recipe').map((w) => [w.service, w.file, w.range.start.line]);
      assert.deepEqual(env, [['api', 'packages/api/src/server.ts', 1]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import type { FileAnalysis } from '../../../src/core/code/codeModel';
import { grammars, lines } from './fixtureWorkspace';

/** Files joined with each package (`packages/<name>/…`) a service of its own, as the recipes of a monorepo make them. */
async function services(files: Record<string, string>): Promise<Map<string, FileAnalysis>> {
  const index = new CodeIndex(grammars);
  index.setLinkOptions({ groupOf: (f) => f.split('/')[1] });
  for (const [file, text] of Object.entries(files)) await index.ingest(file, text);
  return new Map(index.link().map((a) => [a.file, a]));
}

const rowsOf = (files: Map<string, FileAnalysis>, file: string) => (files.get(file)?.routes ?? []).map((r) => `${r.method} ${r.path} ${r.file}:${r.declaration.start.line + 1}`);

const buildApp = (returned: string) =>
  lines(
    "import fastify, { FastifyInstance } from 'fastify';",
    'async function usersController(f: FastifyInstance) {',
    "  f.get('/count', async () => ({ n: 1 }));",
    '}',
    'export default async function buildApp() {',
    '  const server = fastify();',
    "  await server.register(usersController, { prefix: '/api/users' });",
    `  return ${returned};`,
    '}',
  );

const api = (returned: string) => ({
  'packages/api/src/buildApp.ts': buildApp(returned),
  'packages/api/src/index.ts': lines("import buildApp from './buildApp';", 'async function start() {', '  const app = await buildApp();', '  await app.listen({ port: 3001 });', '}', 'start();'),
  // A file of another app of the workspace (not the package of buildApp): not served by lite.
  'packages/api/admin/server.ts': lines("import express from 'express';", 'const app = express();', "app.get('/admin', (req, res) => res.send('ok'));", 'app.listen(3002);'),
});

/** dittofeed's lite: `const app = await buildApp()` from the api package, then its own routes and `listen`. */
describe('An app another package builds, served by a module of another service', () => {
  for (const module of ['api/src/buildApp', '../../api/src/buildApp']) {
    it(`serves every route of the api package's app there too (imported as ${module})`, async () => {
      const files = await services({
        ...api('server'),
        'packages/lite/scripts/startLite.ts': lines(
          `import buildApp from '${module}';`,
          'async function startLite() {',
          '  const app = await buildApp();',
          "  app.get('/healthz', async () => 'ok');",
          '  await app.listen({ port: 3000 });',
          '}',
          'startLite();',
        ),
      });
      assert.deepEqual(rowsOf(files, 'packages/lite/scripts/startLite.ts'), ['GET /healthz packages/lite/scripts/startLite.ts:4', 'GET /api/users/count packages/api/src/buildApp.ts:3']);
      // The api service still lists it once, where it is registered.
      assert.deepEqual(rowsOf(files, 'packages/api/src/buildApp.ts'), ['GET /api/users/count packages/api/src/buildApp.ts:3']);
    });
  }

  it('serves none of the routes of another server in that package, one that makes its own app and listens on it', async () => {
    const files = await services({
      'packages/api/app.js': lines("const express = require('express');", "const users = require('./routes/users');", 'function createApp() {', '  const app = express();', "  app.use('/api/users', users);", '  return app;', '}', 'module.exports = { createApp };'),
      'packages/api/routes/users.js': lines("const { Router } = require('express');", 'const router = Router();', "router.get('/', (req, res) => res.json([]));", 'module.exports = router;'),
      'packages/api/admin/server.js': lines("const express = require('express');", 'const admin = express();', "admin.post('/admin/reindex', (req, res) => res.send('ok'));", 'admin.listen(3002);'),
      'packages/lite/index.js': lines("const { createApp } = require('../api/app');", 'const app = createApp();', "app.get('/healthz', (req, res) => res.send('ok'));", 'app.listen(3000);'),
    });
    assert.deepEqual(rowsOf(files, 'packages/lite/index.js'), ['GET /healthz packages/lite/index.js:3', 'GET /api/users packages/api/routes/users.js:3']);
  });

  it('serves nothing of a function that returns something other than the app it makes', async () => {
    const files = await services({
      ...api('{ ok: true }'),
      'packages/lite/scripts/startLite.ts': lines(
        "import buildApp from 'api/src/buildApp';",
        'async function startLite() {',
        '  const app = await buildApp();',
        "  app.get('/healthz', async () => 'ok');",
        '  await app.listen({ port: 3000 });',
        '}',
      ),
    });
    assert.deepEqual(rowsOf(files, 'packages/lite/scripts/startLite.ts'), ['GET /healthz packages/lite/scripts/startLite.ts:4']);
  });

  it('serves nothing where the result is not kept as an app (neither listened on nor routed on)', async () => {
    const files = await services({
      ...api('server'),
      'packages/lite/scripts/print.ts': lines("import buildApp from 'api/src/buildApp';", 'async function main() {', '  const app = await buildApp();', '  console.log(app.printRoutes());', '}', "process.on('exit', () => 0);"),
    });
    assert.deepEqual(rowsOf(files, 'packages/lite/scripts/print.ts'), []);
  });
});

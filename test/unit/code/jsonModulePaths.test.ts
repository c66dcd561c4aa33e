import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeCode } from '../../../src/core/analysis/workspaceAnalysis';
import type { FileAnalysis } from '../../../src/core/code/codeModel';
import { grammars, lines, routeRows } from './fixtureWorkspace';
import { memoryFs } from '../recipes/support';

/** The files analysed as the CLI does it: the code files listed, the JSON files they need read on the way. */
async function analysed(files: Record<string, string>): Promise<Map<string, FileAnalysis>> {
  const code = Object.keys(files).filter((f) => CodeIndex.isCode(f));
  const out = await analyzeCode(new CodeIndex(grammars), memoryFs(files), code);
  return new Map(out.map((a) => [a.file, a]));
}

// outline's auth plugins: `router.get(config.id, …)` with `import config from "../../plugin.json"`, mounted under /auth.
const app = lines(
  'import Koa from "koa";',
  'import mount from "koa-mount";',
  'import google from "./plugins/google/auth";',
  'import oidc from "./plugins/oidc/auth";',
  'const auth = new Koa();',
  'auth.use(google.routes());',
  'auth.use(oidc.routes());',
  'const app = new Koa();',
  'app.use(mount("/auth", auth));',
);

describe('route paths named by a member of an imported JSON file', () => {
  it('reads the member in the JSON file: Koa paths with no slash, templates, register, require', async () => {
    const files = await analysed({
      'src/app.ts': app,
      'src/plugins/google/plugin.json': '{ "id": "google", "name": "Google", "nested": { "slug": "g" } }\n',
      'src/plugins/google/auth.ts': lines(
        'import Router from "koa-router";',
        'import config from "./plugin.json";',
        'const router = new Router();',
        'router.get(config.id, async (ctx) => { ctx.redirect("https://accounts.google.com/"); });',
        'router.get(`${config.id}.callback`, async (ctx) => { ctx.body = "ok"; });',
        'router.get(`${config.nested.slug}.short`, async (ctx) => { ctx.body = "ok"; });',
        // Koa's named route: the name is no path.
        'router.get(config.name, "/named", async (ctx) => { ctx.body = "ok"; });',
        'export default router;',
      ),
      'src/plugins/oidc/plugin.json': '{ "id": "oidc" }\n',
      'src/plugins/oidc/auth.js': lines(
        'const Router = require("koa-router");',
        'const config = require("./plugin.json");',
        'const router = new Router();',
        'router.register(`${config.id}.callback`, ["get", "post"], async (ctx) => { ctx.body = "ok"; });',
        'module.exports = router;',
      ),
    });
    assert.deepEqual(routeRows(files), [
      ['GET', '/auth/google', 'src/plugins/google/auth.ts', 3, 'koa'],
      ['GET', '/auth/google.callback', 'src/plugins/google/auth.ts', 4, 'koa'],
      ['GET', '/auth/g.short', 'src/plugins/google/auth.ts', 5, 'koa'],
      ['GET', '/auth/named', 'src/plugins/google/auth.ts', 6, 'koa'],
      ['GET', '/auth/oidc.callback', 'src/plugins/oidc/auth.js', 3, 'koa'],
      ['POST', '/auth/oidc.callback', 'src/plugins/oidc/auth.js', 3, 'koa'],
    ]);
  });

  it('is no route where the member is not in the file, the file is not there, or Express would not match it', async () => {
    const files = await analysed({
      'src/app.ts': app,
      'src/plugins/google/plugin.json': '{ "id": "google", "list": ["a"] }\n',
      'src/plugins/google/auth.ts': lines(
        'import Router from "koa-router";',
        'import config from "./plugin.json";',
        'import missing from "./missing.json";',
        'const router = new Router();',
        'router.get(config.nope, async (ctx) => { ctx.body = "ok"; });',
        'router.get(`${config.list}.x`, async (ctx) => { ctx.body = "ok"; });',
        'router.get(missing.id, async (ctx) => { ctx.body = "ok"; });',
        'export default router;',
      ),
      // Express matches no path without its slash.
      'src/express.ts': lines(
        'import express from "express";',
        'import config from "./plugins/google/plugin.json";',
        'const app = express();',
        'app.get(config.id, (req, res) => res.send("ok"));',
        'app.listen(3000);',
      ),
      'src/plugins/oidc/auth.js': 'module.exports = require("koa-router")();\n',
    });
    assert.deepEqual(routeRows(files), []);
  });

  it('reads only the JSON files a path names', async () => {
    const files = await analysed({
      'src/app.ts': app,
      'src/plugins/google/plugin.json': '{ "id": "google" }\n',
      'src/plugins/google/en.json': '{ "title": "Sign in" }\n',
      'src/plugins/google/auth.ts': lines(
        'import Router from "koa-router";',
        'import config from "./plugin.json";',
        'import strings from "./en.json";',
        'const router = new Router();',
        'router.get(config.id, async (ctx) => { ctx.body = strings.title; });',
        'export default router;',
      ),
      'src/plugins/oidc/auth.js': 'module.exports = require("koa-router")();\n',
    });
    assert.deepEqual(routeRows(files), [['GET', '/auth/google', 'src/plugins/google/auth.ts', 4, 'koa']]);
    assert.ok(files.has('src/plugins/google/plugin.json'));
    assert.ok(!files.has('src/plugins/google/en.json'));
  });
});

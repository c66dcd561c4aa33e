import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { grammars } from '../code/fixtureWorkspace';
import { TempWorkspace } from './tempWorkspace';
import { bundledForBrowsers } from '../../../src/core/recipes/browserApps';

/** gotify's shape: a Go server with its single-page app in ui/; JHipster's: an Angular package.json at the root. */
describe('single-page apps are browser code: not analysed, whatever service holds them', function () {
  this.timeout(20_000);
  const ws = new TempWorkspace('browser');
  const fetchLoop = "export async function load(ids: string[]) {\n  for (const id of ids) await axios.get(`/api/items/${id}`);\n}\n";

  before(() => {
    ws.create();
    ws.write('Dockerfile', 'FROM golang:1.22\n');
    ws.write('go.mod', 'module x\n');
    ws.write('main.go', 'package main\n\nimport "net/http"\n\nfunc main() {\n\tfor _, u := range urls {\n\t\thttp.Get(u)\n\t}\n}\n');
    ws.write('ui/package.json', JSON.stringify({ dependencies: { react: '^18.0.0', axios: '^1.0.0' } }));
    ws.write('ui/src/store.ts', fetchLoop);
    // A package with React and a server framework renders on a server too: analysed.
    ws.write('web/package.json', JSON.stringify({ dependencies: { react: '^18.0.0', next: '^14.0.0' } }));
    ws.write('web/lib/load.ts', fetchLoop);
    // React beside a database client or tRPC's server (documenso's root and lib packages): server code too.
    ws.write('lib/package.json', JSON.stringify({ dependencies: { react: '^18.0.0', '@documenso/prisma': '*', pg: '^8.0.0' } }));
    ws.write('lib/server-only/load.ts', fetchLoop);
    // Strapi's package lists React for its admin panel: its API is a server's.
    ws.write('cms/package.json', JSON.stringify({ dependencies: { react: '^18.0.0', '@strapi/strapi': '^4.0.0' } }));
    ws.write('cms/src/api/load.ts', fetchLoop);
    // …and its admin panel's customisations are the browser's.
    ws.write('cms/src/admin/app.ts', fetchLoop);
    // Nuxt 2 generating static files (mealie's frontend), Next exported: browser code.
    ws.write('frontend/package.json', JSON.stringify({ dependencies: { nuxt: '^2.17.0', vuetify: '^2.7.0' } }));
    ws.write('frontend/nuxt.config.js', 'export default {\n  target: "static",\n  ssr: false,\n};\n');
    ws.write('frontend/plugins/theme.ts', fetchLoop);
    ws.write('site/package.json', JSON.stringify({ dependencies: { react: '^18.0.0', next: '^14.0.0' } }));
    ws.write('site/next.config.mjs', "const nextConfig = { output: 'export' };\nexport default nextConfig;\n");
    ws.write('site/lib/load.ts', fetchLoop);
    // A phone's app, though it names a Prisma package for its types (linkwarden's apps/mobile).
    ws.write('apps/mobile/package.json', JSON.stringify({ dependencies: { expo: '^54.0.0', react: '^19.0.0', 'react-native': '^0.81.0', '@linkwarden/prisma': '*' } }));
    ws.write('apps/mobile/lib/offlineSync.ts', fetchLoop);
    // A Capacitor app (saltcorn's mobile app), whatever else it names.
    ws.write('apps/cap/package.json', JSON.stringify({ dependencies: { '@capacitor/core': '^6.0.0', axios: '^1.0.0' } }));
    ws.write('apps/cap/src/api.js', fetchLoop);
    // A desktop app, an Obsidian plugin and a VS Code extension, on their users' machines (khoj's src/interface/).
    ws.write('desktop/package.json', JSON.stringify({ dependencies: { axios: '^1.0.0', cron: '^3.0.0', electron: '^30.0.0' } }));
    ws.write('desktop/main.js', fetchLoop);
    ws.write('obsidian/package.json', JSON.stringify({ devDependencies: { obsidian: 'latest', typescript: '^5.0.0' } }));
    ws.write('obsidian/src/api.ts', fetchLoop);
    ws.write('vscode/package.json', JSON.stringify({ engines: { vscode: '^1.90.0' }, devDependencies: { esbuild: '^0.20.0' } }));
    ws.write('vscode/src/extension.ts', fetchLoop);
    // A Vue app with a WebSocket server among its devDependencies, for its tests (vikunja's frontend): browser code; a
    // package that lists everything among its devDependencies, bundled whole, is judged by them (analysed).
    ws.write('spa/package.json', JSON.stringify({ dependencies: { vue: '^3.4.0', axios: '^1.7.0' }, devDependencies: { ws: '^8.18.0' } }));
    ws.write('spa/src/services/task.ts', fetchLoop);
    ws.write('bundled/package.json', JSON.stringify({ devDependencies: { react: '^18.0.0', express: '^4.0.0' } }));
    ws.write('bundled/src/load.ts', fetchLoop);
    // SvelteKit's template lists the kit among devDependencies (its build bundles it): rendered on a server, analysed.
    ws.write('kit/package.json', JSON.stringify({ dependencies: { zod: '^3.0.0' }, devDependencies: { '@sveltejs/kit': '^2.0.0', svelte: '^4.0.0', vite: '^5.0.0' } }));
    ws.write('kit/src/lib/server/load.ts', fetchLoop);
    // An Electron app that is an Express server too (Trilium Notes): analysed.
    ws.write('notes/package.json', JSON.stringify({ dependencies: { electron: '^30.0.0', express: '^4.0.0' } }));
    ws.write('notes/src/routes/api.ts', fetchLoop);
  });

  after(() => ws.remove());

  it("leaves out the app's files (browsers', phones', desktops', editors'; also one whose devDependencies name a server package), keeps the server's and a server-rendered app's", async () => {
    const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
    assert.deepEqual(result.model.browserCode, ['apps/cap', 'apps/mobile', 'cms/src/admin', 'desktop', 'frontend', 'obsidian', 'site', 'spa', 'ui', 'vscode']);
    assert.deepEqual(result.files.map((f) => f.file).sort(), ['bundled/src/load.ts', 'cms/src/api/load.ts', 'kit/src/lib/server/load.ts', 'lib/server-only/load.ts', 'main.go', 'notes/src/routes/api.ts', 'web/lib/load.ts']);
    assert.deepEqual([...new Set(result.warnings.map((w) => w.file))].sort(), ['bundled/src/load.ts', 'cms/src/api/load.ts', 'kit/src/lib/server/load.ts', 'lib/server-only/load.ts', 'main.go', 'notes/src/routes/api.ts', 'web/lib/load.ts']);
  });

  it("a browser extension (postiz's apps/extension: a manifest.json with manifest_version, its package naming no dependency; or one built with webextension-polyfill, CRXJS, WXT or Plasmo) is browser code; a web app's manifest is not", async () => {
    const ext = new TempWorkspace('extension');
    ext.create();
    try {
      ext.write('package.json', JSON.stringify({ dependencies: { express: '^4.0.0', vite: '^5.0.0' } }));
      ext.write('Dockerfile', 'FROM node:20\nCOPY . .\nCMD ["node", "server/index.js"]\n');
      ext.write('server/index.js', "async function load(ids) {\n  for (const id of ids) await fetch(`http://api/x/${id}`);\n}\n");
      ext.write('apps/extension/package.json', JSON.stringify({ name: 'postiz-extension', type: 'module' }));
      ext.write('apps/extension/manifest.json', JSON.stringify({ manifest_version: 3, name: 'Postiz', background: { service_worker: 'background.js' } }));
      ext.write('apps/extension/src/background.ts', fetchLoop);
      // The manifest in public/ or src/ (CRXJS's and Vite's layouts); the build's packages named instead.
      ext.write('apps/clipper/package.json', JSON.stringify({ devDependencies: { vite: '^5.0.0' } }));
      ext.write('apps/clipper/public/manifest.json', JSON.stringify({ manifest_version: 2, name: 'Clipper' }));
      ext.write('apps/clipper/src/popup.ts', fetchLoop);
      ext.write('apps/wxt/package.json', JSON.stringify({ devDependencies: { wxt: '^0.19.0' } }));
      ext.write('apps/wxt/entrypoints/background.ts', fetchLoop);
      ext.write('apps/poly/package.json', JSON.stringify({ dependencies: { 'webextension-polyfill': '^0.12.0' } }));
      ext.write('apps/poly/src/content.ts', fetchLoop);
      // A web app's manifest (no manifest_version), and an extension package that runs a server too: analysed.
      ext.write('apps/pwa/package.json', JSON.stringify({ dependencies: { express: '^4.0.0' } }));
      ext.write('apps/pwa/public/manifest.json', JSON.stringify({ name: 'PWA', start_url: '/', icons: [] }));
      ext.write('apps/pwa/src/load.ts', fetchLoop);
      ext.write('apps/both/package.json', JSON.stringify({ dependencies: { express: '^4.0.0' } }));
      ext.write('apps/both/manifest.json', JSON.stringify({ manifest_version: 3, name: 'Both' }));
      ext.write('apps/both/src/load.ts', fetchLoop);
      const result = await analyzeWorkspace({ fs: new NodeFileSystem(ext.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
      assert.deepEqual(result.model.browserCode, ['apps/clipper', 'apps/extension', 'apps/poly', 'apps/wxt']);
      assert.deepEqual(result.files.map((f) => f.file).sort(), ['apps/both/src/load.ts', 'apps/pwa/src/load.ts', 'server/index.js']);
    } finally {
      ext.remove();
    }
  });

  it("a package of its own below a browser app's folder is judged by its own package.json (saltcorn's root lists React for one package's tests; its server package is Express)", async () => {
    const mono = new TempWorkspace('mono-root-react');
    mono.create();
    try {
      mono.write('package.json', JSON.stringify({ name: 'mono', workspaces: ['packages/*'], devDependencies: { react: '18.2.0' } }));
      mono.write('Dockerfile', 'FROM node:20\nCOPY . .\nCMD ["node", "packages/server/app.js"]\n');
      mono.write('packages/server/package.json', JSON.stringify({ name: 'server', dependencies: { express: '4' } }));
      mono.write('packages/server/app.js', "async function load(ids) {\n  for (const id of ids) await fetch(`http://api/x/${id}`);\n}\n");
      mono.write('packages/data/package.json', JSON.stringify({ name: 'data', dependencies: { pg: '8' } }));
      mono.write('packages/data/index.js', "async function load(ids) {\n  for (const id of ids) await fetch(`http://api/y/${id}`);\n}\n");
      // The root's own scripts, and a package that is a browser app itself, stay browser code.
      mono.write('src/widget.ts', fetchLoop);
      mono.write('packages/ui/package.json', JSON.stringify({ name: 'ui', dependencies: { react: '18.2.0' } }));
      mono.write('packages/ui/src/load.ts', fetchLoop);
      const result = await analyzeWorkspace({ fs: new NodeFileSystem(mono.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
      assert.deepEqual(result.model.browserCode, ['.', 'packages/ui']);
      assert.deepEqual(result.files.map((f) => f.file).sort(), ['packages/data/index.js', 'packages/server/app.js']);
    } finally {
      mono.remove();
    }
  });

  it('scripts a Go, Java or Python project serves as they are (no package.json above them), and a project-static folder, are browser code', async () => {
    // go-coffeeshop's cmd/web/app/js/script.js under its go.mod; netbox's project-static/src/*.ts.
    const go = new TempWorkspace('served-scripts');
    go.create();
    try {
      go.write('go.mod', 'module coffeeshop\n');
      go.write('Dockerfile', 'FROM golang:1.22\n');
      go.write('cmd/web/main.go', 'package main\n\nfunc main() {}\n');
      go.write('cmd/web/app/js/script.js', "async function load(ids) {\n  for (const id of ids) await fetch(`/v1/api/items/${id}`);\n}\n");
      go.write('netbox/project-static/package.json', JSON.stringify({ dependencies: { 'tom-select': '^2.0.0' } }));
      go.write('netbox/project-static/src/ui.ts', fetchLoop);
      // A Node service beside it has its package.json: analysed.
      go.write('tools/report/package.json', JSON.stringify({ dependencies: { express: '^4.0.0' } }));
      go.write('tools/report/index.js', "async function load(ids) {\n  for (const id of ids) await fetch(`/x/${id}`);\n}\n");
      const result = await analyzeWorkspace({ fs: new NodeFileSystem(go.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
      assert.deepEqual(result.model.browserCode, ['cmd/web/app/js']);
      assert.deepEqual(result.files.map((f) => f.file).sort(), ['cmd/web/main.go', 'tools/report/index.js']);
    } finally {
      go.remove();
    }
  });

  it('an Angular package.json at the root (JHipster) leaves out only its JavaScript: the Java server beside it is analysed', async () => {
    const jh = new TempWorkspace('jhipster');
    jh.create();
    try {
      jh.write('package.json', JSON.stringify({ dependencies: { '@angular/core': '^17.0.0' } }));
      jh.write('pom.xml', '<project/>\n');
      jh.write('Dockerfile', 'FROM eclipse-temurin:21\n');
      jh.write('src/main/webapp/app/account.service.ts', "export function load() { return fetch('/api/account'); }\n");
      jh.write(
        'src/main/java/web/LabelResource.java',
        ['package web;', '', '@RestController', '@RequestMapping("/api")', 'public class LabelResource {', '  private final LabelRepository labelRepository;', '', '  @GetMapping("/labels")', '  public List<Label> all() { return labelRepository.findAll(); }', '}'].join('\n'),
      );
      const result = await analyzeWorkspace({ fs: new NodeFileSystem(jh.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
      assert.deepEqual(result.files.map((f) => f.file), ['src/main/java/web/LabelResource.java']);
      assert.deepEqual(result.warnings.map((w) => [w.code, w.route]), [['unbounded-query', 'GET /api/labels']]);
    } finally {
      jh.remove();
    }
  });

  it('a Quarkus Quinoa UI four folders down (quarkus-super-heroes\' ui-super-heroes/src/main/webui/) is browser code', async () => {
    const q = new TempWorkspace('quinoa');
    q.create();
    try {
      q.write('pom.xml', '<project/>\n');
      q.write('ui-heroes/pom.xml', '<project/>\n');
      q.write('ui-heroes/src/main/docker/Dockerfile.jvm', 'FROM registry.access.redhat.com/ubi8/openjdk-17\n');
      q.write('ui-heroes/src/main/webui/package.json', JSON.stringify({ dependencies: { react: '^18.0.0', axios: '^1.0.0' } }));
      q.write('ui-heroes/src/main/webui/src/api.ts', fetchLoop);
      q.write('ui-heroes/src/main/java/ui/Config.java', ['package ui;', '', 'public class Config {', '  String url() { return System.getenv("API_URL"); }', '}'].join('\n'));
      const result = await analyzeWorkspace({ fs: new NodeFileSystem(q.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
      assert.deepEqual(result.model.browserCode, ['ui-heroes/src/main/webui']);
      assert.deepEqual(result.files.map((f) => f.file), ['ui-heroes/src/main/java/ui/Config.java']);
    } finally {
      q.remove();
    }
  });

  it("a bundler's browser entries in a package that also runs a server (Outline's app/, Trilium's src/public/app/) are browser code; a build for Node is not", async () => {
    const b = new TempWorkspace('bundled');
    b.create();
    try {
      b.write('Dockerfile', 'FROM node:20\n');
      // Outline: Vite bundles app/index.tsx; the Koa server in server/ is the service's.
      b.write('package.json', JSON.stringify({ dependencies: { react: '^18.0.0', koa: '^2.0.0', sequelize: '^6.0.0' } }));
      b.write('vite.config.ts', 'export default defineConfig({\n  build: {\n    rollupOptions: {\n      input: {\n        index: "./app/index.tsx",\n      },\n    },\n  },\n});\n');
      b.write('app/index.tsx', fetchLoop);
      b.write('app/utils/ApiClient.ts', fetchLoop);
      b.write('server/routes/load.ts', fetchLoop);
      // Trilium: webpack's entries for the Electron renderer and the browser.
      b.write('notes/package.json', JSON.stringify({ dependencies: { express: '^4.0.0' } }));
      b.write('notes/webpack.config.ts', 'export default {\n  entry: {\n    setup: "./src/public/app/setup.js",\n    desktop: "./src/public/app/desktop.js",\n  },\n  target: "electron-renderer",\n};\n');
      b.write('notes/src/public/app/services/server.ts', fetchLoop);
      b.write('notes/src/services/sync.ts', fetchLoop);
      // A webpack build of a Node server, Vite building a server (ssr), an entry in src/ itself: not browser code.
      b.write('api/package.json', JSON.stringify({ dependencies: { '@nestjs/core': '^10.0.0' } }));
      b.write('api/webpack.config.js', "module.exports = { entry: './src/main/main.ts', target: 'node', externals: [nodeExternals()] };\n");
      b.write('api/src/main/main.ts', fetchLoop);
      b.write('cli/package.json', JSON.stringify({ dependencies: { hono: '^4.0.0' } }));
      b.write('cli/vite.config.mts', 'export default defineConfig({ build: { rollupOptions: { input: "server/index.ts" }, ssr: true } });\n');
      b.write('cli/server/index.ts', fetchLoop);
      b.write('web/package.json', JSON.stringify({ dependencies: { react: '^18.0.0', express: '^4.0.0' } }));
      b.write('web/vite.config.ts', "export default { build: { rollupOptions: { input: ['src/main.tsx', 'index.html'] } } };\n");
      b.write('web/src/main.tsx', fetchLoop);
      const result = await analyzeWorkspace({ fs: new NodeFileSystem(b.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
      assert.deepEqual(result.model.browserCode, ['app', 'notes/src/public/app']);
      assert.deepEqual(result.files.map((f) => f.file).filter((f) => !f.includes('.config.')).sort(), ['api/src/main/main.ts', 'cli/server/index.ts', 'notes/src/services/sync.ts', 'server/routes/load.ts', 'web/src/main.tsx']);
    } finally {
      b.remove();
    }
  });

  it('reads a webpack entry written as one string on the last line of its config, with no newline after it', () => {
    assert.deepEqual(bundledForBrowsers(new Map([['web/webpack.config.js', "module.exports = {\n  entry: './client/index.js'"]])), ['web/client']);
  });

  it("reads Rspack's configurations, also one kept in a folder of its own, whose entries are the package's (Flagsmith's frontend/rspack/)", () => {
    const texts = new Map([
      ['frontend/package.json', JSON.stringify({ dependencies: { react: '^18.0.0', express: '^4.0.0' } })],
      ['frontend/rspack/rspack.config.prod.js', "const base = require('../rspack.config')\nmodule.exports = {\n  entry: {\n    main: './web/main.js',\n  },\n}\n"],
    ]);
    assert.deepEqual(bundledForBrowsers(texts), ['frontend/web']);
  });
});

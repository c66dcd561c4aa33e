import assert from 'node:assert/strict';
import { CodeIndex, editBetween } from '../../../src/core/analysis/codeIndex';
import { FOLDERS_GO } from '../../support/foldersGo';
import type { FileAnalysis } from '../../../src/core/code/codeModel';
import { grammars } from './fixtureWorkspace';

const lines = (...l: string[]) => l.join('\n') + '\n';

/** What a reader compares: routes and hazards with positions, without object identity. */
function shape(a: FileAnalysis | undefined) {
  assert.ok(a);
  return {
    routes: a.routes.map((r) => [r.method, r.path, r.declaration, r.handler]),
    hazards: a.hazards.map((h) => [h.code, h.range, h.callee, h.loop?.kind, h.routes]),
    env: a.envReads,
    // What the workspace join reads: functions where they are, and their calls with the loops around them.
    functions: a.links?.functions.map((f) => [f.name, f.range, f.calls.map((c) => [c.chain.join('.'), c.loop?.range, c.loop?.call])]),
  };
}

describe('incremental re-analysis of an edited document (analyzeEdit)', function () {
  this.timeout(20_000);

  const base = lines(
    "import { Router } from 'express';", // 0
    'export const r = Router();',
    "r.get('/orders', async (req, res) => {", // 2
    '  // «ünïcödé» comment with 👍 emoji before the code',
    '  for (const id of req.query.ids) {', // 4
    "    await db.query('SELECT * FROM items WHERE id = $1', [id]);",
    '  }',
    '  res.end();',
    '});',
  );

  it('gives exactly what a fresh parse gives, edit after edit (including non-ASCII text before the edits)', async () => {
    const incremental = new CodeIndex(grammars);
    const fresh = new CodeIndex(grammars);
    let text = base;
    await incremental.analyzeEdit('src/r.ts', text);
    const edits: [string, string][] = [
      ['  res.end();', '  await fetch(url);\n  res.end();'], // a new line in the handler
      ['for (const id of req.query.ids)', 'for (const id of ["a", "b"])'], // loop over a literal: hazard gone
      ['👍', '👍👍 more ✓'], // non-ASCII grows before everything
      ['for (const id of ["a", "b"])', 'for (const id of req.query.ids)'], // and back
      ["r.get('/orders'", "r.post('/orders/bulk'"], // the route changes
      ['export const r = Router();', 'export const r = Router();\n\n// two lines more: the handler statement moves, unchanged'],
      ['  res.end();\n});', '  res.end();\n});\nasync function load(ids: string[]) {\n  for (const id of ids) await enrich(id);\n}'],
      ["'SELECT * FROM items", "'SELECT id, name FROM items"], // longer within a line: later statements shift by offset only
      ["import { Router } from 'express';", "import { Router } from 'express'; import { x } from './x';"],
    ];
    for (const [from, to] of edits) {
      assert.ok(text.includes(from), from);
      text = text.replace(from, to);
      await incremental.analyzeEdit('src/r.ts', text);
      assert.equal(incremental.lastTiming?.incremental, true, 'the kept tree was reused');
      const b = await fresh.analyze('src/r.ts', text);
      assert.deepEqual(shape(incremental.link(['src/r.ts'])[0]), shape(b), `after replacing ${from}`);
    }
    const last = incremental.link(['src/r.ts'])[0];
    assert.deepEqual(
      last.hazards.map((h) => [h.code, h.range.start.line, h.range.start.character, h.routes.map((r) => r.path)]),
      [
        ['query-in-loop', 7, 10, ['/orders/bulk']],
        ['missing-timeout', 9, 8, ['/orders/bulk']],
      ],
    );
  });

  it("moves each function's own query, blocking call, list read and calls on the event loop with it when an edit above shifts it, as a fresh parse does", async () => {
    const before = lines(
      'import requests',
      'from fastapi import FastAPI',
      'from app.models import Item',
      'app = FastAPI()',
      '',
      'def helper():',
      '    return 1',
      '',
      'def fetch_profile(uid):',
      '    return requests.get("http://profiles/" + uid, timeout=5).json()',
      '',
      'def items():',
      '    return list(Item.objects.all())',
      '',
      '@app.get("/profile/{uid}")',
      'async def profile(uid: str):',
      '    return fetch_profile(uid), items()',
    );
    const after = before.replace('    return 1', '    x = 1\n    y = 2\n    return x + y');
    const incremental = new CodeIndex(grammars);
    await incremental.analyzeEdit('app/main.py', before);
    const edited = await incremental.analyzeEdit('app/main.py', after);
    assert.equal(incremental.lastTiming?.incremental, true, 'the kept tree was reused');
    const fresh = await new CodeIndex(grammars).analyzeEdit('app/main.py', after);
    const moved = (a: FileAnalysis | undefined) => a?.links?.functions.map((f) => [f.name, f.range.start.line, f.effect?.range?.start.line, f.blocks?.range.start.line, f.calls.map((c) => [c.activeRecordList?.start.line, c.onEventLoop?.start.line])]);
    assert.deepEqual(moved(edited), moved(fresh));
    assert.deepEqual(moved(fresh)?.find((f) => f[0] === 'fetch_profile')?.slice(1, 4), [10, 11, 11], 'the query and the blocking call, two lines down');
    assert.deepEqual(incremental.link(['app/main.py'])[0].hazards.map((h) => [h.code, h.range.start.line]), (await new CodeIndex(grammars).analyze('app/main.py', after))!.hazards.map((h) => [h.code, h.range.start.line]));
  });

  it("reads a Go handle made in one method as that method's, not as another statement's first method (gotify's CountUser)", async () => {
    const text = lines(
      'package database',
      '',
      'import "gorm.io/gorm"',
      '',
      'func (d *GormDatabase) GetUsers() ([]*User, error) {',
      '\tvar users []*User',
      '\tq := d.DB.Where("active = ?", true)',
      '\terr := q.Find(&users).Error',
      '\treturn users, err',
      '}',
      '',
      'func (d *GormDatabase) CountUser(condition ...any) (int64, error) {',
      '\tc := int64(-1)',
      '\thandle := d.DB.Model(new(User))',
      '\tif len(condition) == 1 {',
      '\t\thandle = handle.Where(condition[0])',
      '\t}',
      '\terr := handle.Count(&c).Error',
      '\treturn c, err',
      '}',
    );
    const effects = (a: FileAnalysis | undefined) => a?.links?.functions.map((f) => [f.name, f.effect?.callee]);
    const whole = effects(await new CodeIndex(grammars).analyze('database/user.go', text));
    assert.deepEqual(whole, [['GetUsers', 'q.Find'], ['CountUser', 'handle.Count']]);
    // Statement by statement, as an open document is analysed: the first edit, and one in the other method.
    const incremental = new CodeIndex(grammars);
    assert.deepEqual(effects(await incremental.analyzeEdit('database/user.go', text)), whole);
    const edited = text.replace('\treturn users, err', '\tconst apiBase = "/api/v3"\n\treturn users, err');
    assert.deepEqual(effects(await incremental.analyzeEdit('database/user.go', edited)), effects(await new CodeIndex(grammars).analyze('database/user.go', edited)));
  });

  it('settles an edited document: analysed whole once typing pauses, it has what one statement takes from another (a route helper in another function)', async () => {
    const { file, text } = FOLDERS_GO;
    const whole = await new CodeIndex(grammars).analyze(file, text);
    assert.deepEqual(whole?.routes.map((r) => `${r.method} ${r.path}`), ['GET /folders/originals']);
    const index = new CodeIndex(grammars);
    const typed = await index.analyzeEdit(file, text);
    // Statement by statement, the helper's registration is not expanded (photoprism's folders_search.go while open).
    assert.deepEqual(typed?.routes, []);
    assert.equal(index.settle(file, text + '// typed since\n'), undefined, 'not a text the edit analysed');
    const settled = index.settle(file, text);
    const fresh = new CodeIndex(grammars);
    await fresh.ingest(file, text);
    assert.deepEqual(settled, fresh.analysesOf([file])[0], "a full pass's analysis of the text");
    assert.deepEqual(shape(index.link([file])[0]), shape(whole));
    assert.equal(index.settle(file, text), undefined, 'already settled');
    assert.equal(await index.analyzeEdit(file, text), settled, 'the same text again: the settled analysis');

    // A file whose statements rest on no other settles to what its edit gave: nothing to publish again, now known whole.
    const plain = new CodeIndex(grammars);
    await plain.analyzeEdit('src/r.ts', base);
    assert.equal(plain.analysedAfresh('src/r.ts', base), false);
    assert.equal(plain.settle('src/r.ts', base), undefined);
    assert.equal(plain.analysedAfresh('src/r.ts', base), true);
  });

  it('keeps an edit analysed while an older text of the file was being read (a disk event for an open document)', async () => {
    const index = new CodeIndex(grammars);
    const file = 'src/r.ts';
    const readAt = index.readMark();
    const older = base; // what the disk held when the re-read began
    const typed = base.replace('  res.end();', '  res.end(); // typed');
    await index.analyzeEdit(file, typed);
    await index.ingest(file, older, readAt);
    assert.equal(index.textOf(file), typed, 'the edit, read later, stays');
    await index.ingest(file, older);
    assert.equal(index.textOf(file), older, 'a text read after it replaces it');
  });

  it('follows the schema an edit changes in another statement (a key it declares bounds a SELECT elsewhere), as a fresh parse does', async () => {
    const incremental = new CodeIndex(grammars);
    const fresh = new CodeIndex(grammars);
    let text = lines(
      'package user',
      '',
      // In a function, not a constant: no other file-level fact changes with it.
      'func migrate(db *sql.DB) { db.Exec(`CREATE TABLE user (id TEXT PRIMARY KEY, name TEXT NOT NULL)`) }',
      '',
      'func (a *Manager) User(name string) (*sql.Rows, error) {',
      '\treturn a.db.Query(`SELECT id FROM user WHERE name = ?`, name)',
      '}',
      '',
      'type Manager struct{ db *sql.DB }',
    );
    const unbounded = (a: FileAnalysis) => a.hazards.filter((h) => h.code === 'unbounded-query').length;
    assert.equal(unbounded((await incremental.analyzeEdit('user/manager.go', text))!), 1);
    const edits: [string, string, number][] = [
      ['name TEXT NOT NULL', 'name TEXT NOT NULL UNIQUE', 0],
      ['name TEXT NOT NULL UNIQUE', 'name TEXT NOT NULL', 1],
    ];
    for (const [from, to, count] of edits) {
      text = text.replace(from, to);
      const a = await incremental.analyzeEdit('user/manager.go', text);
      assert.equal(unbounded(a!), count, `after replacing ${from}`);
      assert.deepEqual(shape(a), shape(await fresh.analyze('user/manager.go', text)), `after replacing ${from}`);
    }
  });

  it('follows an edit that makes the file a command-line script or a server again (a shebang, a listen call): the statements it did not touch lose or regain their hazards, as a fresh parse does', async () => {
    const incremental = new CodeIndex(grammars);
    const fresh = new CodeIndex(grammars);
    const body = lines(
      'async function main(files) {',
      '  for (const file of files) {',
      "    await fetch('https://example.com/insert', { method: 'POST', body: file });",
      '  }',
      '}',
      'main(process.argv.slice(2));',
    );
    const texts: [string, number][] = [
      [body, 2],
      ['#!/usr/bin/env node\n' + body, 0],
      ['#!/usr/bin/env node\n' + body + 'require("node:http").createServer(() => {}).listen(3000);\n', 2],
      ['#!/usr/bin/env node\n' + body + 'const seen = new Set(); seen.observe?.(1);\n', 0],
      [body, 2],
    ];
    for (const [text, count] of texts) {
      const a = await incremental.analyzeEdit('tools-x/import.mjs', text);
      assert.equal(a!.hazards.length, count, text);
      assert.deepEqual(shape(a), shape(await fresh.analyze('tools-x/import.mjs', text)), text);
    }
  });

  it("follows a package's list of a few an edit grows or appends to in another statement (vikunja's licenseServers), as a fresh parse does", async () => {
    const incremental = new CodeIndex(grammars);
    const fresh = new CodeIndex(grammars);
    let text = lines(
      'package license',
      '',
      'var licenseServers = []string{',
      '\t"https://a/check",',
      '\t"https://b/check",',
      '}',
      '',
      'func check() {',
      '\tfor _, server := range licenseServers {',
      '\t\thttp.Post(server, "application/json", nil)',
      '\t}',
      '}',
    );
    const inLoop = (a: FileAnalysis) => a.hazards.filter((h) => h.code === 'call-in-loop').length;
    assert.equal(inLoop((await incremental.analyzeEdit('license/check.go', text))!), 0);
    const edits: [string, string, number][] = [
      ['\t"https://b/check",\n', '\t"https://b/check",\n\t"https://c/check",\n\t"https://d/check",\n', 1],
      ['\t"https://c/check",\n\t"https://d/check",\n', '', 0],
      ['\n\nfunc check() {', '\n\nfunc add(s string) { licenseServers = append(licenseServers, s) }\n\nfunc check() {', 1],
    ];
    for (const [from, to, count] of edits) {
      text = text.replace(from, to);
      const a = await incremental.analyzeEdit('license/check.go', text);
      assert.equal(inLoop(a!), count, `after replacing ${JSON.stringify(from)}`);
      assert.deepEqual(shape(a), shape(await fresh.analyze('license/check.go', text)), `after replacing ${JSON.stringify(from)}`);
    }
  });

  it('follows file-level words an edit writes or breaks (environment reads, the framework), as a fresh parse does', async () => {
    // The file-level checks (`process.env` anywhere? `koa`?) are carried from one text to the next (WordSearch):
    // each edit here turns one of them on or off, somewhere else than the statement it asks for.
    const incremental = new CodeIndex(grammars);
    const fresh = new CodeIndex(grammars);
    let text = lines(
      "import Router from '@koa/router';",
      'const router = new Router();',
      "router.get('/items/:id', async (ctx) => {",
      '  ctx.body = await load(ctx.params.id);',
      '});',
      'async function load(id: string) {',
      "  return fetch('http://stock/' + id);",
      '}',
      'const port = 3000;',
    );
    assert.deepEqual((await incremental.analyzeEdit('src/r.ts', text))?.routes.map((r) => r.framework), ['koa']);
    const edits: [string, string, (a: FileAnalysis) => boolean][] = [
      ['const port = 3000;', 'const port = process.env.PORT;', (a) => a.envReads?.map((r) => r.name).join() === 'PORT'],
      ['process.env.PORT', 'process .env.PORT', (a) => (a.envReads ?? []).length === 0],
      ['process .env.PORT', 'process.env.PORT', (a) => a.envReads?.length === 1],
      ["'@koa/router'", "'@koa/rou' + 'ter'", (a) => a.routes.map((r) => r.framework).join() === 'express'],
      ["'@koa/rou' + 'ter'", "'@koa/router'", (a) => a.routes.map((r) => r.framework).join() === 'koa'],
    ];
    for (const [from, to, check] of edits) {
      text = text.replace(from, to);
      await incremental.analyzeEdit('src/r.ts', text);
      const a = incremental.link(['src/r.ts'])[0];
      assert.ok(check(a), `after replacing ${from}`);
      assert.deepEqual(shape(a), shape(await fresh.analyze('src/r.ts', text)), `after replacing ${from}`);
    }
  });

  it("follows a route helper an edit changes in another statement (Trilium's route/apiRoute), as a fresh parse does", async () => {
    // The helpers are top-level functions of their own: an edit to one (or to a method constant) changes the routes
    // its callers register, in statements the edit does not touch.
    const incremental = new CodeIndex(grammars);
    const fresh = new CodeIndex(grammars);
    let text = lines(
      "import express from 'express';",
      'const router = express.Router();',
      'const GET = "get", PST = "post";',
      'function register(app) {',
      '  apiRoute(GET, "/api/notes/:noteId", notes.getNote);',
      '  apiRoute(PST, "/api/notes", notes.create);',
      '  app.use("", router);',
      '}',
      'function apiRoute(method, path, routeHandler) {',
      '  route(method, path, [auth], routeHandler);',
      '}',
      'function route(method, path, middleware, routeHandler) {',
      '  router[method](path, ...middleware, (req, res, next) => routeHandler(req, res, next));',
      '}',
    );
    const routes = (a: FileAnalysis) => a.routes.map((r) => `${r.method} ${r.path}`).join(', ');
    assert.equal(routes((await incremental.analyzeEdit('src/routes.ts', text))!), 'GET /api/notes/:noteId, POST /api/notes');
    const edits: [string, string, string][] = [
      ['const GET = "get"', 'const GET = "put"', 'PUT /api/notes/:noteId, POST /api/notes'],
      ['  route(method, path, [auth], routeHandler);', '  console.log(method, path, routeHandler);', ''],
      ['  console.log(method, path, routeHandler);', '  route(method, path, [auth], routeHandler);', 'PUT /api/notes/:noteId, POST /api/notes'],
      ['router[method](path', 'client[method](path', ''],
    ];
    for (const [from, to, expected] of edits) {
      assert.ok(text.includes(from), from);
      text = text.replace(from, to);
      await incremental.analyzeEdit('src/routes.ts', text);
      const a = incremental.link(['src/routes.ts'])[0];
      assert.equal(routes(a), expected, `after replacing ${from}`);
      assert.deepEqual(shape(a), shape(await fresh.analyze('src/routes.ts', text)), `after replacing ${from}`);
    }
  });

  it('follows a table of functions an edit changes in another statement (handlers[action](req)), as a fresh parse does', async () => {
    const incremental = new CodeIndex(grammars);
    const fresh = new CodeIndex(grammars);
    let text = lines(
      "import express from 'express';",
      'const app = express();',
      "app.post('/items/:action', async (req, res) => {",
      '  await handlers[req.params.action](req);',
      '});',
      'const handlers = { create: createItem, remove: removeItem };',
      'async function createItem(req) {}',
      'async function removeItem(req) {}',
      'async function archiveItem(req) {}',
    );
    const calls = (a: FileAnalysis) => a.links!.functions.flatMap((f) => f.calls.map((c) => c.chain.join('.'))).join(', ');
    assert.equal(calls((await incremental.analyzeEdit('src/app.ts', text))!), 'createItem, removeItem');
    const edits: [string, string, string][] = [
      ['remove: removeItem', 'remove: removeItem, archive: archiveItem', 'createItem, removeItem, archiveItem'],
      ['create: createItem', 'create: 1', 'handlers'],
    ];
    for (const [from, to, expected] of edits) {
      text = text.replace(from, to);
      const a = (await incremental.analyzeEdit('src/app.ts', text))!;
      assert.equal(calls(a), expected, `after replacing ${from}`);
      assert.deepEqual(shape(a), shape(await fresh.analyze('src/app.ts', text)), `after replacing ${from}`);
    }
  });

  it('moves middleware with the statements it is used in (Go Use and groups, JavaScript use()), as a fresh parse does', async () => {
    const cases: [string, string, [string, string][]][] = [
      [
        'main.go',
        lines(
          'package main', // 0
          '',
          'import (',
          '\t"net/http"',
          '\t"github.com/go-chi/chi/v5"',
          ')',
          '',
          'func audit(next http.Handler) http.Handler {', // 7
          '\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {',
          '\t\thttp.Get("http://audit/seen")',
          '\t\tnext.ServeHTTP(w, r)',
          '\t})',
          '}',
          '',
          'func Routes() http.Handler {', // 14
          '\tr := chi.NewRouter()',
          '\tr.Get("/early", h)',
          '\tr.Use(audit)',
          '\tr.Route("/admin", func(r chi.Router) {',
          '\t\tr.Get("/stats", h)',
          '\t})',
          '\treturn r',
          '}',
          '',
          'func h(w http.ResponseWriter, r *http.Request) {}',
        ),
        [
          ['import (', '// two lines more above everything\n\nimport ('],
          ['\tr.Get("/early", h)\n', '\tr.Get("/early", h)\n\tr.Get("/late", h) // after Use: audited? no, before\n'],
          ['\tr.Use(audit)\n', ''], // no middleware: no route reaches the call
          ['\tr := chi.NewRouter()\n', '\tr := chi.NewRouter()\n\tr.Use(audit)\n'], // before every route now
        ],
      ],
      [
        'vars.go',
        lines(
          'package main', // 0
          '',
          'import (',
          '\t"net/http"',
          '',
          '\t"github.com/gin-gonic/gin"',
          ')',
          '',
          'func audit(c *gin.Context) { http.Get("http://audit/seen") }', // 8
          '',
          'var r = gin.New()',
          'var api = r.Group("", audit)',
          '',
          'func a() { api.GET("/x", h) }',
          '',
          'func h(c *gin.Context) {}',
        ),
        [
          ['func h(c *gin.Context) {}\n', 'func h(c *gin.Context) {}\n\nfunc more() {\n\tapi.GET("/y", h)\n}\n'], // package-level groups reach what an edit adds below
        ],
      ],
      [
        'src/app.js',
        lines(
          "const express = require('express');", // 0
          'const app = express();',
          'async function audit(req, res, next) {', // 2
          "  await fetch('http://audit/seen');",
          '  next();',
          '}',
          "app.get('/early', (req, res) => res.end());",
          'app.use(audit);',
          "app.get('/late', (req, res) => res.end());",
        ),
        [
          ["const express = require('express');", "const express = require('express');\n\n// two lines more above"],
          ["app.get('/early', (req, res) => res.end());\n", ''], // the routes move up a line, the use() with them
          ['app.use(audit);\n', "app.use(audit);\napp.get('/mid', (req, res) => res.end());\n"],
        ],
      ],
    ];
    for (const [file, start, edits] of cases) {
      const incremental = new CodeIndex(grammars);
      let text = start;
      await incremental.analyzeEdit(file, text);
      for (const [from, to] of edits) {
        assert.ok(text.includes(from), from);
        text = text.replace(from, to);
        await incremental.analyzeEdit(file, text);
        const fresh = new CodeIndex(grammars);
        await fresh.analyze(file, text);
        const rows = (index: CodeIndex) => index.link([file])[0].hazards.map((h) => [h.code, h.range.start.line, h.callee, h.routes.map((r) => `${r.method} ${r.path}`).sort()]);
        assert.deepEqual(rows(incremental), rows(fresh), `${file}: after replacing ${from}`);
      }
      const routed = (index: CodeIndex) => index.link([file])[0].hazards.flatMap((h) => h.routes.map((r) => r.path)).sort();
      assert.deepEqual(routed(incremental), { 'main.go': ['/admin/stats', '/early', '/late'], 'vars.go': ['/x', '/y'] }[file] ?? ['/late', '/mid']);
    }
  });

  it('moves or re-reads lazy relations read in loops with the statements they are in, as a fresh parse does', async () => {
    const incremental = new CodeIndex(grammars);
    const fresh = new CodeIndex(grammars);
    let text = lines(
      'from django.db import models', // 0
      '',
      'class Book(models.Model):',
      '    author = models.ForeignKey("Author", on_delete=models.CASCADE)',
      '',
      'def books(request):', // 5
      '    for b in Book.objects.all()[:20]:',
      '        print(b.author.name)', // 7
    );
    await incremental.analyzeEdit('shop/views.py', text);
    const edits: [string, string][] = [
      ['from django.db import models', 'from django.db import models\nimport logging\n'], // two lines more above
      ['print(b.author.name)', 'print(b.title, b.author.name)'], // the read moves within its line
      ['Book.objects.all()', 'Book.objects.select_related("author")'], // loaded with the rows: gone
      ['Book.objects.select_related("author")', 'Book.objects.all()'], // and back
    ];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      await incremental.analyzeEdit('shop/views.py', text);
      await fresh.analyze('shop/views.py', text);
      const rows = (index: CodeIndex) => index.link(['shop/views.py'])[0].hazards.map((h) => [h.code, h.range, h.callee, h.loop?.range]);
      assert.deepEqual(rows(incremental), rows(fresh), `after replacing ${from}`);
    }
    assert.deepEqual(
      incremental.link(['shop/views.py'])[0].hazards.map((h) => [h.code, h.range.start.line, h.range.start.character]),
      [['query-in-loop', 9, 23]],
    );
  });

  it('moves or re-reads a serializer given rows with many=True with the statement it is in, as a fresh parse does', async () => {
    const incremental = new CodeIndex(grammars);
    const fresh = new CodeIndex(grammars);
    const serializers = lines(
      'from rest_framework import serializers',
      'class BookSerializer(serializers.ModelSerializer):',
      "    author_name = serializers.CharField(source='author.name')",
      '    class Meta:',
      '        model = Book',
      "        fields = ('id', 'author_name')",
    );
    let text = lines(
      'from django.db import models', // 0
      'from shop.serializers import BookSerializer',
      '',
      'class Book(models.Model):',
      '    author = models.ForeignKey("Author", on_delete=models.CASCADE)',
      '',
      'def books(request):', // 6
      '    rows = Book.objects.all()',
      '    return BookSerializer(rows, many=True).data', // 8
    );
    for (const index of [incremental, fresh]) await index.analyze('shop/serializers.py', serializers);
    // The whole workspace: the serializer is in another file.
    const views = (index: CodeIndex) => index.link().find((a) => a.file === 'shop/views.py')!;
    await incremental.analyzeEdit('shop/views.py', text);
    const edits: [string, string][] = [
      ['from django.db import models', 'from django.db import models\nimport logging\n'], // two lines more above
      ['return BookSerializer', 'data = 1\n    return BookSerializer'], // the call moves down a line
      ['Book.objects.all()', 'Book.objects.select_related("author")'], // loaded with the rows: gone
      ['Book.objects.select_related("author")', 'Book.objects.all()'], // and back
    ];
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      await incremental.analyzeEdit('shop/views.py', text);
      await fresh.analyze('shop/views.py', text);
      const rows = (index: CodeIndex) => views(index).hazards.map((h) => [h.code, h.range, h.callee, h.loop?.range]);
      assert.deepEqual(rows(incremental), rows(fresh), `after replacing ${from}`);
    }
    assert.deepEqual(
      views(incremental).hazards.map((h) => [h.code, h.range.start.line, h.range.start.character, h.callee]),
      [
        // The rows kept in `rows` and serialised with many=True: every Book.
        ['unbounded-query', 9, 11, 'Book.objects.all'],
        ['query-in-loop', 11, 11, 'BookSerializer(many=True)'],
      ],
    );
  });

  it('keeps a returned queryset its callers page, and reports the one they read whole, edit after edit, as a fresh parse does', async () => {
    const incremental = new CodeIndex(grammars);
    const fresh = new CodeIndex(grammars);
    let text = lines(
      'from django.db import models', // 0
      'def resolve_stocks(info):',
      '    return models.Stock.objects.all()',
      'def resolve_tags(info):',
      '    return models.Tag.objects.all()', // 4
      'def stocks(info):',
      '    return create_connection_slice(resolve_stocks(info), info)',
      'def tags(info):',
      '    return list(resolve_tags(info))',
    );
    await incremental.analyzeEdit('shop/schema.py', text);
    const edits: [string, string][] = [
      ['from django.db import models', 'from django.db import models\nimport logging\n'], // two lines more above: all move
      ['def tags(info):', 'def tags(info):\n    logging.info("tags")'], // the caller changes, the helpers do not
      ['list(resolve_tags(info))', 'resolve_tags(info)[:10]'], // now paged: gone
      ['resolve_tags(info)[:10]', 'list(resolve_tags(info))'], // and back
    ];
    const rows = (index: CodeIndex) => index.link(['shop/schema.py'])[0].hazards.map((h) => [h.code, h.range, h.callee]);
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      await incremental.analyzeEdit('shop/schema.py', text);
      await fresh.analyze('shop/schema.py', text);
      assert.deepEqual(rows(incremental), rows(fresh), `after replacing ${from}`);
    }
    assert.deepEqual(
      incremental.link(['shop/schema.py'])[0].hazards.map((h) => [h.code, h.range.start.line, h.callee]),
      [['unbounded-query', 6, 'models.Tag.objects.all']],
    );
  });

  it('follows the callers of a returned queryset into other files, join after join, as they are edited or left out', async () => {
    // The join keeps its index of Python calls from one join to the next (PythonCallIndex): only what changed is redone.
    const index = new CodeIndex(grammars);
    await index.analyzeEdit('shop/queries.py', lines('from django.db import models', 'def resolve_tags(info):', '    return models.Tag.objects.all()'));
    const caller = (body: string) => lines('from shop.queries import resolve_tags', 'def tags(info):', `    return ${body}`);
    const reported = (files: string[]) => index.link(files).flatMap((a) => a.hazards.map((h) => `${a.file}:${h.range.start.line} ${h.callee}`));
    const both = ['shop/queries.py', 'shop/views.py'];
    await index.analyzeEdit('shop/views.py', caller('resolve_tags(info)[:10]'));
    assert.deepEqual(reported(both), [], 'its only caller pages it');
    await index.analyzeEdit('shop/views.py', caller('list(resolve_tags(info))'));
    assert.deepEqual(reported(both), ['shop/queries.py:2 models.Tag.objects.all'], 'the caller, edited, reads it whole');
    await index.analyzeEdit('shop/views.py', caller('resolve_tags(info)[:20]'));
    assert.deepEqual(reported(both), [], 'paged again');
    assert.deepEqual(reported(['shop/queries.py']), ['shop/queries.py:2 models.Tag.objects.all'], 'no caller in the files joined');
    assert.deepEqual(reported(both), [], 'the caller back');
  });

  it('reads the text in chunks: a character of two UTF-16 units at any chunk boundary, fresh or incremental, parses as the whole string does', async () => {
    const parser = await grammars.parserFor('typescript');
    for (let pad = 500; pad < 580; pad++) {
      const text = `const a = '${'x'.repeat(pad)}👍 ✓';\nconst b = fetch(a);\n`.repeat(3);
      const whole = parser.parse(text)!;
      const chunked = await grammars.parse('typescript', text);
      try {
        assert.equal(chunked.rootNode.toString(), whole.rootNode.toString(), `pad ${pad}`);
        assert.equal(chunked.rootNode.hasError, false);
        // Node.text reads the text back through the tree: whole, not one chunk.
        assert.equal(chunked.rootNode.text, text);
        assert.equal(chunked.rootNode.namedChildren[1]!.text, 'const b = fetch(a);');
        const edited = text.replace('✓', '✓✓');
        const at = text.indexOf('✓') + 1;
        chunked.edit({ startIndex: at, oldEndIndex: at, newEndIndex: at + 1, startPosition: { row: 0, column: at }, oldEndPosition: { row: 0, column: at }, newEndPosition: { row: 0, column: at + 1 } });
        const again = await grammars.parse('typescript', edited, chunked);
        const fresh = parser.parse(edited)!;
        assert.equal(again.rootNode.toString(), fresh.rootNode.toString());
        assert.equal(again.rootNode.namedChildren[0]!.text, edited.slice(0, edited.indexOf(';') + 1));
        again.delete();
        fresh.delete();
      } finally {
        whole.delete();
        chunked.delete();
      }
    }
  });

  it('editBetween is the span between the common prefix and suffix, rows and columns in UTF-16 units', () => {
    const e = editBetween('ab\ncd👍ef\ngh', 'ab\ncd👍XYZef\ngh');
    assert.deepEqual(e, {
      startIndex: 7,
      oldEndIndex: 7,
      newEndIndex: 10,
      startPosition: { row: 1, column: 4 },
      oldEndPosition: { row: 1, column: 4 },
      newEndPosition: { row: 1, column: 7 },
    });
    // 'two\nthree' → 'three': the common prefix takes the 't' too.
    const del = editBetween('one\ntwo\nthree', 'one\nthree');
    assert.deepEqual([del.startIndex, del.oldEndIndex, del.newEndIndex], [5, 9, 5]);
    assert.deepEqual([del.startPosition, del.oldEndPosition, del.newEndPosition], [{ row: 1, column: 1 }, { row: 2, column: 1 }, { row: 1, column: 1 }]);
    // Lines written and removed: each end counted in its own text.
    const lines = editBetween('a\nb\nc\nd', 'a\nX\nY\nZ\nd');
    assert.deepEqual([lines.startPosition, lines.oldEndPosition, lines.newEndPosition], [{ row: 1, column: 0 }, { row: 2, column: 1 }, { row: 3, column: 1 }]);
  });

  it('keeps at most a few trees, frees them on close, and still answers from the cache', async () => {
    const index = new CodeIndex(grammars);
    for (let i = 0; i < 12; i++) await index.analyzeEdit(`src/f${i}.ts`, base);
    await index.analyzeEdit('src/f0.ts', base + '\n// edited');
    assert.equal(index.lastTiming?.incremental, false, 'f0 was the least recently edited: its tree had been dropped');
    await index.analyzeEdit('src/f11.ts', base + '\n// edited');
    assert.equal(index.lastTiming?.incremental, true);
    index.close('src/f11.ts');
    await index.analyzeEdit('src/f11.ts', base + '\n// edited twice');
    assert.equal(index.lastTiming?.incremental, false);
    assert.equal(index.all().length, 12);
  });

  it('a document full of syntax errors is analysed without throwing', async () => {
    const index = new CodeIndex(grammars);
    const broken = "r.get('/x', async (req, res) => { for (const a of b) { await db.query(";
    const a = await index.analyzeEdit('src/broken.ts', broken);
    assert.ok(a);
    const b = await index.analyzeEdit('src/broken.ts', broken + "'SELECT 1') } })");
    assert.ok(b);
  });
});

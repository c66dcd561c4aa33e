import assert from 'node:assert/strict';
import { writtenWorkspaces } from './writtenWorkspaces';

/**
 * Counter-examples to "a read in a route handler is on that route" (envReadRoutes.test.ts): a handler factory's own
 * body (gin's `func NewHandler() gin.HandlerFunc { base := os.Getenv("UPSTREAM_BASE"); return func(c) {…} }`, a
 * middleware factory `AuthMiddleware()` given to `r.Use`, Express's `app.use(makeMiddleware())`) runs when the
 * registration calls it, once at start-up: its reads are on no route. A read in the closure it returns is on the
 * routes it handles, and a factory a handler calls on each request is on that handler's route.
 */
const WORKSPACES: Record<string, Record<string, string>> = {
  gin: {
    'Dockerfile': 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFROM gcr.io/distroless/base\nCOPY --from=build /app /app\nCMD ["/app"]\n',
    'docker-compose.yml': 'services:\n  api:\n    build: .\n    ports: ["8080:8080"]\n    environment:\n      - PORT=8080\n',
    'go.mod': 'module example.com/rb5\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n',
    'main.go': [
      'package main',
      '',
      'import (',
      '\t"os"',
      '',
      '\t"github.com/gin-gonic/gin"',
      ')',
      '',
      'func AuthMiddleware() gin.HandlerFunc {',
      '\tsecret := os.Getenv("JWT_SECRET")',
      '\treturn func(c *gin.Context) {',
      '\t\tif c.GetHeader("X") != secret {',
      '\t\t\tc.AbortWithStatus(401)',
      '\t\t}',
      '\t}',
      '}',
      '',
      'func NewHandler() gin.HandlerFunc {',
      '\tbase := os.Getenv("UPSTREAM_BASE")',
      '\treturn func(c *gin.Context) { c.String(200, base+os.Getenv("IN_CLOSURE")) }',
      '}',
      '',
      'func helper() string { return os.Getenv("HELPER_VAR") }',
      '',
      'func perRequest() gin.HandlerFunc {',
      '\tregion := os.Getenv("PER_REQUEST_REGION")',
      '\treturn func(c *gin.Context) { c.String(200, region) }',
      '}',
      '',
      'func main() {',
      '\tr := gin.Default()',
      '\tr.Use(AuthMiddleware())',
      '\tr.GET("/a", NewHandler())',
      '\tr.GET("/b", func(c *gin.Context) { c.String(200, os.Getenv("IN_HANDLER")) })',
      '\tr.GET("/c", func(c *gin.Context) { c.String(200, helper()) })',
      '\tr.GET("/d", func(c *gin.Context) { perRequest()(c) })',
      '\tr.Run(":" + os.Getenv("PORT"))',
      '}',
      '',
    ].join('\n'),
  },
  express: {
    'Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node","server.js"]\n',
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    environment:\n      DATABASE_URL: postgres://db/app\n',
    'package.json': '{"name":"shop","dependencies":{"express":"^4"}}\n',
    'server.js': [
      "const express = require('express');",
      'const app = express();',
      'function makeMiddleware() {',
      '  const secret = process.env.MW_SECRET;',
      '  return (req, res, next) => { res.locals.key = secret + process.env.MW_INNER; next(); };',
      '}',
      'function makeHandler() {',
      '  const base = process.env.H_BASE;',
      '  return async (req, res) => { res.send(base + process.env.H_INNER); };',
      '}',
      'function plain(req, res) { res.send(process.env.PLAIN); }',
      'app.use(makeMiddleware());',
      "app.get('/h', makeHandler());",
      "app.get('/p', plain);",
      'app.listen(3000);',
      '',
    ].join('\n'),
  },
};

describe('env-not-in-recipe: a handler factory\'s own body runs at registration, on no route', function () {
  this.timeout(30_000);
  const analyse = writtenWorkspaces('env-factory-routes', WORKSPACES);
  const rows = async (name: string) =>
    (await analyse(name)).warnings
      .filter((w) => w.code === 'env-not-in-recipe')
      .map((w) => `${w.file}:${w.range.start.line + 1} ${w.route ?? '-'}`)
      .sort();

  it('gin: AuthMiddleware() and NewHandler() called at registration read on no route; their closures, a helper, a factory a handler calls, on theirs', async () => {
    assert.deepEqual(await rows('gin'), [
      'main.go:10 -',
      'main.go:19 -',
      'main.go:20 GET /a',
      'main.go:23 GET /c',
      'main.go:26 GET /d',
      'main.go:34 GET /b',
    ]);
  });

  it('Express: app.use(makeMiddleware()) and app.get(path, makeHandler()) read on no route in the factories; in the closures, on the routes', async () => {
    assert.deepEqual(await rows('express'), [
      'server.js:11 GET /p',
      'server.js:4 -',
      'server.js:5 GET /h',
      'server.js:8 -',
      'server.js:9 GET /h',
    ]);
  });
});

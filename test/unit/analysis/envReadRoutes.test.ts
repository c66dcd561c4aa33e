import assert from 'node:assert/strict';
import { writtenWorkspaces } from './writtenWorkspaces';

/**
 * new-api (gin): a variable no recipe sets, read inside a route's handler (`c.String(200, os.Getenv("A_VAR"))`) or in
 * a helper only a handler calls, is on that route, as any other hazard written there: the warning names it, and does
 * not say that no route reaches the code. A read in `main` (at start-up) stays on none.
 */
const WORKSPACES: Record<string, Record<string, string>> = {
  gin: {
    'Dockerfile': 'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
    'docker-compose.yml': 'services:\n  api:\n    build: .\n    environment:\n      - SQL_DSN=postgresql://root:123456@postgres:5432/app\n',
    'go.mod': 'module example.com/api\n\ngo 1.23\n\nrequire github.com/gin-gonic/gin v1.9.1\n',
    'main.go': [
      'package main',
      '',
      'import (',
      '\t"os"',
      '',
      '\t"github.com/gin-gonic/gin"',
      ')',
      '',
      'func consoleOrigin() string { return os.Getenv("APP_CONSOLE_ORIGIN") }',
      '',
      'func main() {',
      '\tmode := os.Getenv("START_MODE")',
      '\tr := gin.New()',
      '\tr.GET("/api/a", func(c *gin.Context) { c.String(200, os.Getenv("A_VAR")) })',
      '\tr.GET("/api/b", func(c *gin.Context) { c.String(200, consoleOrigin()) })',
      '\tr.Run(":3000" + mode)',
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
      'const region = process.env.REGION;',
      "app.get('/hello', (req, res) => {",
      '  res.send(process.env.GREETING);',
      '});',
      'app.listen(3000, () => console.log(region));',
      '',
    ].join('\n'),
  },
};

describe('env-not-in-recipe: a read in a route handler is on that route', function () {
  this.timeout(30_000);
  const analyse = writtenWorkspaces('env-routes', WORKSPACES);
  const rows = async (name: string) =>
    (await analyse(name)).warnings
      .filter((w) => w.code === 'env-not-in-recipe')
      .map((w) => `${w.file}:${w.range.start.line + 1} ${w.route ?? '-'} | ${w.evidence.severityReason}`)
      .sort();

  it("new-api (gin): os.Getenv in a handler and in a helper a handler calls are on GET /api/a and GET /api/b; main's read on none", async () => {
    assert.deepEqual(await rows('gin'), [
      'main.go:12 - | info: no route was found to reach this code, so no production data says whether it is hot',
      'main.go:14 GET /api/a | info: no production data for this route, so it is not known to be hot',
      'main.go:9 GET /api/b | info: no production data for this route, so it is not known to be hot',
    ]);
  });

  it("Express: process.env in a handler is on its route; a module-level read on none", async () => {
    assert.deepEqual(await rows('express'), [
      'server.js:3 - | info: no route was found to reach this code, so no production data says whether it is hot',
      'server.js:5 GET /hello | info: no production data for this route, so it is not known to be hot',
    ]);
  });
});

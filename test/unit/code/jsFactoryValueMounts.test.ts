import assert from 'node:assert/strict';
import { joined, lines, routeRows } from './fixtureWorkspace';

const rows = async (files: Record<string, string>): Promise<string[]> => routeRows(await joined(files)).map(([m, p, f, line]) => `${m} ${p} ${f}:${line + 1}`);

/**
 * A router or app a function makes, registers routes on and returns, kept in a module's value that is mounted under a
 * prefix (openstatus' `export const slackRoute = createSlackRoute(slackConfigFromEnv())` with `app.route("/slack",
 * slackRoute)`): its routes are under that prefix, as when the call itself is mounted.
 */
describe('JavaScript: the value a router factory returns, mounted under a prefix', () => {
  const slack = lines(
    'import { Hono } from "hono";',
    'export function createSlackRoute(config: { secret?: string }) {',
    '  const slack = new Hono();',
    '  slack.get("/install", (c) => c.text("install"));',
    '  slack.post("/events", async (c) => c.json(await c.req.json()));',
    '  return slack;',
    '}',
  );

  it('Hono: a module value made by the factory of the same module, mounted in another', async () => {
    assert.deepEqual(
      await rows({
        'src/index.ts': lines('import { Hono } from "hono";', 'import { slackRoute } from "./slack";', 'const app = new Hono();', 'app.get("/ping", (c) => c.text("pong"));', 'app.route("/slack", slackRoute);'),
        'src/slack/index.ts': slack + 'export const slackRoute = createSlackRoute({ secret: process.env.SLACK_SECRET });\n',
      }),
      ['GET /ping src/index.ts:4', 'GET /slack/install src/slack/index.ts:4', 'POST /slack/events src/slack/index.ts:5'],
    );
  });

  it('Express: CommonJS, the value exported in an object and required by name', async () => {
    assert.deepEqual(
      await rows({
        'src/index.js': lines("const express = require('express');", "const { slackRouter } = require('./slack');", 'const app = express();', "app.use('/slack', slackRouter);", 'app.listen(3000);'),
        'src/slack/index.js': lines(
          "const express = require('express');",
          'function createSlackRouter() {',
          '  const r = express.Router();',
          "  r.get('/install', (req, res) => res.send('ok'));",
          '  return r;',
          '}',
          'const slackRouter = createSlackRouter();',
          'module.exports = { slackRouter };',
        ),
      }),
      ['GET /slack/install src/slack/index.js:4'],
    );
  });

  it('a value made (also awaited) by an imported factory and mounted in the same module', async () => {
    assert.deepEqual(
      await rows({
        'src/index.ts': lines(
          'import { Hono } from "hono";',
          'import { createSlackRoute } from "./slack";',
          'const app = new Hono();',
          'const slackRoute = createSlackRoute({});',
          'const hooks = await createSlackRoute({});',
          'app.route("/slack", slackRoute);',
          'app.route("/hooks", hooks);',
        ),
        'src/slack/index.ts': slack,
      }),
      ['GET /hooks/install src/slack/index.ts:4', 'GET /slack/install src/slack/index.ts:4', 'POST /hooks/events src/slack/index.ts:5', 'POST /slack/events src/slack/index.ts:5'],
    );
  });

  it("not another function's routes, nor those of a value mounted nowhere", async () => {
    assert.deepEqual(
      await rows({
        'src/index.ts': lines('import { Hono } from "hono";', 'import { slackRoute } from "./slack";', 'const app = new Hono();', 'app.route("/slack", slackRoute);'),
        'src/slack/index.ts':
          slack +
          lines(
            'export function createAdminRoute() {',
            '  const admin = new Hono();',
            '  admin.get("/stats", (c) => c.json({}));',
            '  return admin;',
            '}',
            'export const slackRoute = createSlackRoute({});',
            'export const adminRoute = createAdminRoute();',
          ),
      }),
      ['GET /slack/install src/slack/index.ts:4', 'POST /slack/events src/slack/index.ts:5', 'GET /stats src/slack/index.ts:10'],
    );
  });
});

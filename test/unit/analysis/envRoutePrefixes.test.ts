import assert from 'node:assert/strict';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeWorkspace } from '../../../src/core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { grammars, joined, lines, routeRows } from '../code/fixtureWorkspace';
import { TempWorkspace } from './tempWorkspace';

const express = (name: string, path: string) =>
  lines("import { Router } from 'express';", `export const ${name} = Router();`, `${name}.get('${path}', (req, res) => res.json([]));`);

const fastapi = lines('from fastapi import APIRouter', 'router = APIRouter()', '@router.get("/users")', 'def users():', '    return []');

describe('Route prefixes named, not written: constants, config modules, environment variables', function () {
  this.timeout(20_000);

  it('Express: a constant of the file or of another module, a config object, templates and + of them', async () => {
    const files = await joined({
      'src/app.ts': lines(
        "import express from 'express';",
        "import config from './config';",
        "import { V2 } from './paths';",
        "import { users } from './users';",
        "import { orders } from './orders';",
        "import { tags } from './tags';",
        "import { audit } from './audit';",
        "const API = '/api/v1';",
        'const app = express();',
        'app.use(API, users);',
        'app.use(config.api.prefix, orders);',
        'app.use(`${V2}/tags`, tags);',
        "app.use(API + '/audit', audit);",
      ),
      // Its keys documented, as config modules do (santiq/bulletproof-nodejs).
      'src/config/index.ts': lines('export default {', '  // the port', '  port: Number(process.env.PORT),', '  /**', '   * API configs', '   */', "  api: { prefix: '/rest' },", '};'),
      'src/paths.ts': lines("export const V2 = '/v2';"),
      'src/users.ts': express('users', '/users'),
      'src/orders.ts': express('orders', '/orders'),
      'src/tags.ts': express('tags', '/'),
      'src/audit.ts': express('audit', '/log'),
    });
    assert.deepEqual(
      routeRows(files).map(([m, p, f]) => `${m} ${p} ${f}`),
      ['GET /api/v1/audit/log src/audit.ts', 'GET /rest/orders src/orders.ts', 'GET /v2/tags src/tags.ts', 'GET /api/v1/users src/users.ts'],
    );
  });

  it('FastAPI: f-strings of module constants and settings attributes, in router prefixes, mounts and route paths', async () => {
    const files = await joined({
      // mealie's shape: three routers of one file, each under the module's base prefix.
      'app/organizers.py': lines(
        'from fastapi import APIRouter',
        'base_prefix = "/organizers"',
        'categories_router = APIRouter(prefix=f"{base_prefix}/categories")',
        "tags_router = APIRouter(prefix=base_prefix + '/tags')",
        '@categories_router.get("")',
        'def categories():',
        '    return []',
        '@tags_router.get("/{item_id}")',
        'def tag(item_id: int):',
        '    return {}',
      ),
      'app/config.py': lines('from pydantic_settings import BaseSettings', 'class Settings(BaseSettings):', '    API_V1_STR: str = "/api/v1"', 'settings = Settings()'),
      'app/items.py': lines(
        'from fastapi import APIRouter',
        'from app.paths import ITEMS',
        'router = APIRouter()',
        '@router.get(f"{ITEMS}/{{item_id}}")',
        'def item(item_id: int):',
        '    return {}',
        // Not a constant's text: the route is not guessed.
        '@router.get(f"/{ITEMS!r}/x")',
        'def odd():',
        '    return {}',
      ),
      'app/paths.py': lines('ITEMS = "/items"'),
      'app/main.py': lines(
        'from fastapi import FastAPI',
        'from app.config import settings',
        'from app import organizers, items',
        'app = FastAPI()',
        'app.include_router(organizers.categories_router, prefix=f"{settings.API_V1_STR}/explore")',
        'app.include_router(organizers.tags_router)',
        'app.include_router(items.router, prefix=f"{settings.API_V1_STR}")',
      ),
    });
    assert.deepEqual(
      routeRows(files).map(([m, p, f]) => `${m} ${p} ${f}`),
      ['GET /api/v1/items/{item_id} app/items.py', 'GET /api/v1/explore/organizers/categories app/organizers.py', 'GET /organizers/tags/{item_id} app/organizers.py'],
    );
  });

  it('a middleware or a router first is not a prefix; a name the join cannot read leaves the prefix out, as before', async () => {
    const files = await joined({
      'src/app.ts': lines(
        "import express from 'express';",
        "import { requireAuth } from './auth';",
        "import { users } from './users';",
        "import { apiRoutes } from './orders';",
        'const app = express();',
        'app.use(requireAuth, users);',
        'app.use(apiRoutes);',
        'app.use(UNKNOWN_PREFIX, apiRoutes);',
      ),
      'src/auth.ts': lines('export function requireAuth(req, res, next) { next(); }'),
      'src/users.ts': express('users', '/users'),
      'src/orders.ts': express('apiRoutes', '/orders'),
    });
    assert.deepEqual(
      routeRows(files).map(([m, p]) => `${m} ${p}`),
      ['GET /orders', 'GET /users'],
    );
  });

  it("a module that parses the environment with a zod schema: its member read, else the schema's default", async () => {
    const files = await joined({
      'src/env.ts': lines(
        "import { z } from 'zod';",
        'const envSchema = z.object({',
        "  PORT: z.string().default('3000'),",
        '  LIVE_BASE_PATH: z.string().default("/live"),',
        '  API_URL: z.string().url(),',
        '});',
        'export const env = envSchema.parse(process.env);',
      ),
      'src/server.ts': lines(
        "import express from 'express';",
        "import { env } from './env';",
        "import { docs } from './docs';",
        "import { other } from './other';",
        'const app = express();',
        'app.use(env.LIVE_BASE_PATH, docs);',
        'app.use(env.API_URL, other);',
      ),
      'src/docs.ts': express('docs', '/convert'),
      'src/other.ts': express('other', '/other'),
    });
    // API_URL has no default and no recipe here: that mount's prefix is left out.
    assert.deepEqual(routeRows(files).map(([m, p]) => `${m} ${p}`), ['GET /live/convert', 'GET /other']);
  });

  it('Fastify and Koa: a prefix option read from the environment, with its fallback', async () => {
    const files = await joined({
      'src/server.ts': lines(
        "import Fastify from 'fastify';",
        "import { items } from './items';",
        'const app = Fastify();',
        "app.register(items, { prefix: process.env.ITEMS_PREFIX ?? '/v1/items' });",
      ),
      'src/items.ts': lines('export async function items(fastify) {', "  fastify.get('/', async () => []);", '}'),
      'src/koa.ts': lines("import Router from '@koa/router';", "const router = new Router({ prefix: process.env.KOA_PREFIX || '/k' });", "router.get('/ping', (ctx) => { ctx.body = 'ok'; });"),
    });
    assert.deepEqual(routeRows(files).map(([m, p, f]) => `${m} ${p} ${f}`), ['GET /v1/items src/items.ts', 'GET /k/ping src/koa.ts']);
  });

  it('a router factory exported as an anonymous default function is mounted where its import is called', async () => {
    const files = await joined({
      'src/app.ts': lines("import express from 'express';", "import routes from './api';", 'const app = express();', "app.use('/api', routes());"),
      'src/api/index.ts': lines("import { Router } from 'express';", 'export default () => {', '  const app = Router();', "  app.get('/status', (req, res) => res.end());", '  return app;', '};'),
    });
    assert.deepEqual(routeRows(files).map(([m, p]) => `${m} ${p}`), ['GET /api/status']);
  });

  describe('from the environment: the value the service’s recipes set, else the fallback the code gives', () => {
    const ws = new TempWorkspace('env-prefix');

    before(() => {
      ws.create();
      ws.write(
        'compose.yaml',
        lines(
          'services:',
          '  shop:',
          '    build: ./shop',
          '    environment:',
          '      API_PREFIX: /shop/api',
          '  accounts:',
          '    build: ./accounts',
          '    environment:',
          '      ROOT_PATH: /accounts',
          '  backend:',
          '    build: ./backend',
          '    environment:',
          '      APP_API_V1_STR: /api/v9',
          '  web:',
          '    build: ./web',
          '    environment:',
          // Written without its leading slash: Express still serves it from the root.
          '      API_PREFIX: api/v3',
        ),
      );
      ws.write('shop/Dockerfile', 'FROM node:20\n');
      ws.write(
        'shop/src/app.ts',
        lines(
          "import express from 'express';",
          "import { users } from './users';",
          "import { orders } from './orders';",
          "import { tags } from './tags';",
          "import { BASE } from './base';",
          'const app = express();',
          // Set by the recipe: the recipe's value, not the fallback.
          "app.use(process.env.API_PREFIX || '/api', users);",
          // Not set: the code's fallback.
          "app.use(process.env['ORDERS_PREFIX'] ?? '/orders-api', orders);",
          'app.use(`${BASE}/tags`, tags);',
        ),
      );
      ws.write('shop/src/base.ts', lines("export const BASE = process.env.BASE_PATH || '/base';"));
      ws.write('shop/src/users.ts', express('users', '/users'));
      ws.write('shop/src/orders.ts', express('orders', '/orders'));
      ws.write('shop/src/tags.ts', express('tags', '/'));
      ws.write('accounts/Dockerfile', 'FROM python:3.12\n');
      ws.write(
        'accounts/main.py',
        lines(
          'import os',
          'from fastapi import FastAPI',
          'from users import router',
          'ROOT = os.getenv("ROOT_PATH", "/root")',
          'app = FastAPI()',
          'app.include_router(router, prefix=ROOT)',
          'app.include_router(router, prefix=os.environ.get("V2_PREFIX", "/v2"))',
        ),
      );
      ws.write('accounts/users.py', fastapi);
      ws.write('backend/Dockerfile', 'FROM python:3.12\n');
      // full-stack-fastapi-template's shape: the prefix is a pydantic settings field, which its variable overrides.
      ws.write(
        'backend/app/core/config.py',
        lines(
          'from pydantic_settings import BaseSettings, SettingsConfigDict',
          'class Settings(BaseSettings):',
          '    model_config = SettingsConfigDict(env_file=".env", env_prefix="APP_")',
          '    api_v1_str: str = "/api/v1"',
          '    OPENAPI_STR: str = "/openapi"',
          'settings = Settings()',
        ),
      );
      ws.write(
        'backend/app/main.py',
        lines('from fastapi import FastAPI', 'from app.core.config import settings', 'from app.users import router', 'app = FastAPI()', 'app.include_router(router, prefix=settings.api_v1_str)', 'app.include_router(router, prefix=settings.OPENAPI_STR)'),
      );
      ws.write('backend/app/users.py', fastapi);
      ws.write('web/Dockerfile', 'FROM node:20\n');
      ws.write('web/app.js', lines("const express = require('express');", "const { items } = require('./items');", 'const app = express();', 'app.use(process.env.API_PREFIX, items);'));
      ws.write('web/items.js', lines("const express = require('express');", 'const items = express.Router();', "items.get('/items', (req, res) => res.json([]));", 'module.exports = { items };'));
    });

    after(() => ws.remove());

    it('reads each service’s own variables', async () => {
      const result = await analyzeWorkspace({ fs: new NodeFileSystem(ws.dir), index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
      const routes = result.files.flatMap((f) => f.routes.map((r) => `${r.method} ${r.path} ${f.file}`)).sort();
      assert.deepEqual(routes, [
        'GET /accounts/users accounts/users.py',
        'GET /api/v3/items web/items.js',
        'GET /api/v9/users backend/app/users.py',
        'GET /base/tags shop/src/tags.ts',
        'GET /openapi/users backend/app/users.py',
        'GET /orders-api/orders shop/src/orders.ts',
        'GET /shop/api/users shop/src/users.ts',
        'GET /v2/users accounts/users.py',
      ]);
    });
  });
});

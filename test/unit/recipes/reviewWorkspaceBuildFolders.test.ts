import assert from 'node:assert/strict';
import { service, modelOfFiles } from './support';

// Review of stop 68 (RF-3, RF-4): a workspace build's image takes only its package and what the target's stages copy
// besides: not the folders holding the workspace's packages, copied whole for the build (`COPY apps ./apps`), which
// would give a service every other app's routes; and a stage named in another case (`FROM node AS Builder`, then
// `--from=builder`) is the same stage, as Docker reads it.
describe('a workspace build links its package, not the folders its packages are copied from', () => {
  const roots = async (files: Record<string, string>, name: string) => service(await modelOfFiles(files), name).codeRoots.map((l) => l.root);

  it('COPY apps ./apps and COPY packages ./packages with pnpm --filter api: apps/api and its dependency only', async () => {
    const files: Record<string, string> = {
  "docker-compose.yml": "services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/api/Dockerfile\n    ports: [\"3000:3000\"]\n    environment:\n      DATABASE_URL: postgres://db/app\n  admin:\n    build:\n      context: .\n      dockerfile: docker/admin/Dockerfile\n    ports: [\"4000:4000\"]\n    environment:\n      SMTP_HOST: smtp.example.com\n",
  "pnpm-lock.yaml": "",
  "package.json": "{ \"name\": \"mono\", \"private\": true }\n",
  "pnpm-workspace.yaml": "packages:\n  - \"apps/*\"\n  - \"packages/*\"\n",
  "packages/mailer/index.ts": "const host = process.env.SMTP_HOST;\nexport function mailHost() { return host!.trim(); }\n",
  "packages/mailer/package.json": "{ \"name\": \"@mono/mailer\", \"version\": \"1.0.0\", \"main\": \"index.ts\" }\n",
  "packages/db/index.ts": "export const url = \"x\";\n",
  "packages/db/package.json": "{ \"name\": \"@mono/db\", \"version\": \"1.0.0\", \"main\": \"index.ts\" }\n",
  "docker/admin/Dockerfile": "FROM node:20-alpine\nRUN corepack enable\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./\nCOPY apps ./apps\nCOPY packages ./packages\nRUN pnpm install --frozen-lockfile && pnpm --filter admin build\nCMD [\"node\", \"apps/admin/dist/server.js\"]\n",
  "docker/api/Dockerfile": "FROM node:20-alpine\nRUN corepack enable\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./\nCOPY apps ./apps\nCOPY packages ./packages\nRUN pnpm install --frozen-lockfile && pnpm --filter api build\nCMD [\"node\", \"apps/api/dist/server.js\"]\n",
  "apps/admin/package.json": "{\"name\": \"admin\", \"version\": \"1.0.0\", \"scripts\": {\"build\": \"tsc\", \"start\": \"node dist/server.js\"}, \"dependencies\": {\"express\": \"^4.19.0\", \"@mono/mailer\": \"workspace:*\"}}",
  "apps/admin/src/server.ts": "import express from 'express';\nconst app = express();\napp.get('/admin/users', (req, res) => res.json([]));\napp.post('/admin/reset', (req, res) => res.end());\napp.listen(4000);\n",
  "apps/cron/package.json": "{ \"name\": \"cron\", \"version\": \"1.0.0\", \"dependencies\": { \"express\": \"^4.19.0\" } }\n",
  "apps/cron/src/job.ts": "import express from 'express';\nconst token = process.env.CRON_TOKEN!.trim();\nconst app = express();\napp.post('/cron/run', async (req, res) => {\n  for (const u of req.body.urls) await fetch(u, { headers: { authorization: token } });\n  res.end();\n});\napp.listen(5000);\n",
  "apps/api/package.json": "{ \"name\": \"api\", \"version\": \"1.0.0\", \"scripts\": { \"build\": \"tsc\", \"start\": \"node dist/server.js\" }, \"dependencies\": { \"express\": \"^4.19.0\", \"@mono/db\": \"workspace:*\" } }\n",
  "apps/api/src/config.ts": "export const dbUrl = process.env.DATABASE_URL!.trim();\n",
  "apps/api/src/server.ts": "import express from 'express';\nconst app = express();\napp.get('/api/items', (req, res) => res.json([]));\napp.listen(3000);\n"
};
    assert.deepEqual(await roots(files, 'api'), ['apps/api', 'packages/db']);
    assert.deepEqual(await roots(files, 'admin'), ['apps/admin', 'packages/mailer']);
  });

  it('a stage named Builder, copied --from=builder: the filtered package, not the whole workspace', async () => {
    const files: Record<string, string> = {
  "docker-compose.yml": "services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n      target: api\n    ports: [\"3000:3000\"]\n",
  "pnpm-lock.yaml": "",
  "package.json": "{ \"name\": \"mono\", \"private\": true }\n",
  "pnpm-workspace.yaml": "packages:\n  - \"apps/*\"\n  - \"packages/*\"\n",
  "packages/mailer/index.ts": "const host = process.env.SMTP_HOST;\nexport function mailHost() { return host!.trim(); }\n",
  "packages/mailer/package.json": "{ \"name\": \"@mono/mailer\", \"version\": \"1.0.0\", \"main\": \"index.ts\" }\n",
  "packages/db/index.ts": "export const url = \"x\";\n",
  "packages/db/package.json": "{ \"name\": \"@mono/db\", \"version\": \"1.0.0\", \"main\": \"index.ts\" }\n",
  "docker/Dockerfile": "FROM node:20-alpine AS Builder\nRUN corepack enable\nWORKDIR /app\nCOPY . .\nRUN pnpm install --frozen-lockfile && pnpm --filter api build\n\nFROM node:20-alpine AS api\nWORKDIR /app\nCOPY --from=builder /app/apps/api/dist ./dist\nCMD [\"node\", \"dist/server.js\"]\n",
  "apps/admin/package.json": "{\"name\": \"admin\", \"version\": \"1.0.0\", \"scripts\": {\"build\": \"tsc\", \"start\": \"node dist/server.js\"}, \"dependencies\": {\"express\": \"^4.19.0\", \"@mono/mailer\": \"workspace:*\"}}",
  "apps/admin/src/server.ts": "import express from 'express';\nconst app = express();\napp.get('/admin/users', (req, res) => res.json([]));\napp.post('/admin/reset', (req, res) => res.end());\napp.listen(4000);\n",
  "apps/api/package.json": "{ \"name\": \"api\", \"version\": \"1.0.0\", \"scripts\": { \"build\": \"tsc\", \"start\": \"node dist/server.js\" }, \"dependencies\": { \"express\": \"^4.19.0\", \"@mono/db\": \"workspace:*\" } }\n",
  "apps/api/src/config.ts": "export const dbUrl = process.env.DATABASE_URL!.trim();\n",
  "apps/api/src/server.ts": "import express from 'express';\nconst app = express();\napp.get('/api/items', (req, res) => res.json([]));\napp.listen(3000);\n"
};
    assert.deepEqual(await roots(files, 'api'), ['apps/api', 'packages/db']);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';
import { RecipeCache } from '../../../src/core/recipes/recipeFile';
import { memoryFs } from './support';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

async function model(files: Record<string, string>, rootName = 'homarr') {
  return buildEnvironmentModel({ ...memoryFs(files), rootName }, Object.keys(files).sort(), { cache: new RecipeCache() });
}

/** homarr's shape: a development Compose file runs Redis, a workspace package is its client, the root Dockerfile builds the app. */
const homarr = (redisImage: string): Record<string, string> => ({
  'development/development.docker-compose.yml': lines('services:', '  redis:', `    image: ${redisImage}`, '    ports:', '      - "6379:6379"'),
  'packages/redis/package.json': JSON.stringify({ name: '@homarr/redis', dependencies: { ioredis: '5' } }),
  'packages/redis/src/index.ts': 'export const x = 1;\n',
  'apps/web/package.json': JSON.stringify({ name: '@homarr/web', dependencies: { next: '14' } }),
  'apps/web/src/app/api/health/route.ts': 'export async function GET() { return Response.json({ ok: true }); }\n',
  'package.json': JSON.stringify({ name: 'homarr', private: true }),
  'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - 'packages/*'\n",
  Dockerfile: lines('FROM node:20', 'COPY . .', 'RUN pnpm turbo build --filter=@homarr/web', 'CMD ["node", "apps/web/server.js"]'),
});

describe('a service that runs a product\'s own image is not linked to the workspace folder named after it', () => {
  it("homarr's `redis: image: redis` leaves packages/redis (its client) alone, and the root Dockerfile's app is a service", async () => {
    for (const image of ['redis', 'redis:7-alpine']) {
      const m = await model(homarr(image));
      const redis = m.services.find((s) => s.name === 'redis');
      assert.deepEqual(redis?.codeRoots, [], image);
      assert.match(redis?.unlinkedReason ?? '', /nothing in this folder builds/, image);
      assert.deepEqual(
        m.services.find((s) => s.name === 'homarr')?.codeRoots.map((l) => [l.root, l.confidence]),
        [['.', 'medium']],
        image,
      );
    }
  });

  it('a base image (node, python) still lets the folder named after the service be its code; so does an image of its own', async () => {
    for (const image of ['node:20', 'acme/redis-gateway:1']) {
      const m = await model(homarr(image));
      assert.deepEqual(
        m.services.find((s) => s.name === 'redis')?.codeRoots.map((l) => [l.root, l.confidence]),
        [['packages/redis', 'low']],
        image,
      );
      assert.equal(m.services.find((s) => s.name === 'homarr'), undefined, image);
    }
  });
  it('an nginx that mounts the folder named after the service, or a folder inside it (a Vite build), serves that folder', async () => {
    const files = (volumes: string[]) => ({
      'docker-compose.yml': lines(
        'services:',
        '  api:',
        '    build: ./api',
        '  frontend:',
        '    image: nginx:1.25-alpine',
        '    ports:',
        '      - "80:80"',
        ...(volumes.length ? ['    volumes:', ...volumes.map((v) => `      - ${v}`)] : []),
      ),
      'api/Dockerfile': lines('FROM node:20', 'COPY . .', 'CMD ["node", "index.js"]'),
      'api/package.json': JSON.stringify({ name: 'api', dependencies: { express: '4' } }),
      'api/index.js': "require('express')().listen(3000);\n",
      'frontend/package.json': JSON.stringify({ name: 'frontend', scripts: { build: 'vite build' }, devDependencies: { vite: '5' } }),
      'frontend/vite.config.js': 'export default {};\n',
      'frontend/src/main.jsx': 'export {};\n',
      'frontend/nginx.conf': 'server { listen 80; }\n',
    });
    for (const volumes of [['./frontend/dist:/usr/share/nginx/html:ro', './frontend/nginx.conf:/etc/nginx/conf.d/default.conf:ro'], ['./frontend:/usr/share/nginx/html']]) {
      const m = await model(files(volumes));
      assert.deepEqual(
        m.services.find((s) => s.name === 'frontend')?.codeRoots.map((l) => [l.root, l.reason, l.confidence]),
        [['frontend', 'folder frontend is named after the service and holds a build file', 'low']],
        volumes.join(', '),
      );
    }
    // Mounting no folder of it (a configuration file is none): the official image's rule holds.
    for (const volumes of [[], ['./nginx/default.conf:/etc/nginx/conf.d/default.conf'], ['./frontend/nginx.conf:/etc/nginx/conf.d/default.conf:ro']]) {
      const m = await model(files(volumes));
      assert.deepEqual(m.services.find((s) => s.name === 'frontend')?.codeRoots, [], volumes.join(', '));
    }
  });
});

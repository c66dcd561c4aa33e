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
});

import assert from 'node:assert/strict';
import { modelOfFiles } from './support';

/**
 * typebot's one Dockerfile builds either app, by the `SCOPE` build argument Compose gives it
 * (`COPY --from=builder /app/apps/${SCOPE}/.next/standalone ./`): each service is the folder of its app, not the
 * whole repository with both apps' routes.
 */
describe('Compose build.args that pick what the Dockerfile copies', () => {
  const dockerfile = [
    'FROM node:22-slim AS base',
    'WORKDIR /app',
    'FROM base AS builder',
    'ARG SCOPE',
    'COPY . .',
    'RUN npm install && npx nx build ${SCOPE}',
    'FROM base AS release',
    'ARG SCOPE',
    'ARG PORT=3000',
    'COPY --from=builder /app/node_modules ./node_modules',
    'COPY --from=builder /app/apps/${SCOPE}/.next/standalone ./',
    'COPY --from=builder /app/apps/$SCOPE/.next/static ./apps/${SCOPE}/.next/static',
    'CMD ["node", "server.js"]',
    '',
  ].join('\n');
  const apps = {
    'package.json': '{"name":"typebot","private":true}\n',
    'apps/builder/package.json': '{"name":"builder"}\n',
    'apps/builder/src/app/api/health/route.ts': 'export async function GET() { return Response.json({}); }\n',
    'apps/viewer/package.json': '{"name":"viewer"}\n',
    'apps/viewer/src/app/api/chat/route.ts': 'export async function POST() { return Response.json({}); }\n',
    Dockerfile: dockerfile,
  };
  const roots = (m: Awaited<ReturnType<typeof modelOfFiles>>, name: string) => m.services.find((s) => s.name === name)?.codeRoots.map((l) => l.root);

  it('links each service to the folder its argument names (list and map forms)', async () => {
    const compose = ['services:', '  builder:', '    build:', '      context: .', '      args:', '        - SCOPE=builder', '  viewer:', '    build:', '      context: .', '      args:', '        SCOPE: viewer', ''].join('\n');
    const m = await modelOfFiles({ ...apps, 'compose.yaml': compose });
    assert.deepEqual(roots(m, 'builder'), ['apps/builder']);
    assert.deepEqual(roots(m, 'viewer'), ['apps/viewer']);
  });

  it('arguments the Dockerfile does not copy by, or none: the context, as before', async () => {
    const compose = ['services:', '  web:', '    build:', '      context: .', '      args:', '        PORT: "8080"', ''].join('\n');
    assert.deepEqual(roots(await modelOfFiles({ ...apps, 'compose.yaml': compose }), 'web'), ['.']);
    const plain = ['services:', '  web:', '    build: .', ''].join('\n');
    assert.deepEqual(roots(await modelOfFiles({ ...apps, 'compose.yaml': plain }), 'web'), ['.']);
  });
});

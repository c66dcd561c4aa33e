import assert from 'node:assert/strict';
import { serviceForFile, type EnvironmentModel } from '../../../src/core/model/environment';
import { stageCommands } from '../../../src/core/recipes/dockerStages';
import { modelOfFiles, service } from './support';

/**
 * hoppscotch's prod.Dockerfile builds five services of its pnpm workspace, one `build.target` each; only the stage its
 * backend and all-in-one images take from runs `pnpm --filter=hoppscotch-backend deploy …`. The package a workspace
 * command names is the service's code only when the target's image is built from that stage: the app's image is its
 * web package and Go server, not the backend, and the all-in-one image bundles the backend with the others, so the
 * backend's own image owns its routes.
 */
describe('a workspace package a Dockerfile builds, read from the stages of the Compose build target', () => {
  const dockerfile = [
    'FROM golang:1.22 AS server_builder',
    'WORKDIR /src',
    'COPY . .',
    'WORKDIR /src/packages/web/server',
    'RUN go build -o server .',
    'FROM node:20 AS base_builder',
    'WORKDIR /usr/src/app',
    'COPY . .',
    'RUN pnpm install',
    'FROM base_builder AS api_builder',
    'WORKDIR /usr/src/app/packages/api',
    'RUN pnpm run build',
    'RUN pnpm --filter=api deploy /dist/api --prod',
    'FROM base_builder AS web_builder',
    'WORKDIR /usr/src/app/packages/web',
    'RUN pnpm run build',
    'FROM node:20 AS api',
    'COPY --from=api_builder /dist/api /dist/api',
    'CMD ["node", "/dist/api/dist/main.js"]',
    'FROM node:20 AS web',
    'COPY --from=server_builder /src/packages/web/server/server /usr/local/bin/server',
    'COPY --from=web_builder /usr/src/app/packages/web/dist /site',
    'FROM node:20 AS aio',
    'COPY --from=api_builder /dist/api /dist/api',
    'COPY --from=web_builder /usr/src/app/packages/web/dist /site',
    'COPY aio_run.mjs /usr/src/app/aio_run.mjs',
    'CMD ["node", "/usr/src/app/aio_run.mjs"]',
    '',
  ].join('\n');
  const compose = (...services: [string, string | undefined][]) =>
    ['services:', ...services.flatMap(([name, target]) => [`  ${name}:`, '    build:', '      context: .', '      dockerfile: Dockerfile', ...(target ? [`      target: ${target}`] : [])]), ''].join('\n');
  const files = {
    'package.json': '{"name":"mono","private":true}\n',
    'pnpm-workspace.yaml': 'packages:\n  - "packages/*"\n',
    'aio_run.mjs': 'run()\n',
    'packages/api/package.json': '{"name":"api","dependencies":{"lib":"workspace:*","express":"^4"}}\n',
    'packages/api/src/main.ts': 'main()\n',
    'packages/lib/package.json': '{"name":"lib"}\n',
    'packages/lib/index.ts': 'lib()\n',
    'packages/web/package.json': '{"name":"web"}\n',
    'packages/web/src/app.ts': 'app()\n',
    'packages/web/server/go.mod': 'module example.com/server\n',
    'packages/web/server/main.go': 'package main\n',
    Dockerfile: dockerfile,
  };
  const roots = (m: EnvironmentModel, name: string) => service(m, name).codeRoots.map((l) => l.root);
  const reasons = (m: EnvironmentModel, name: string) => service(m, name).codeRoots.map((l) => l.reason);

  it('the commands of the stages the target is built from, through FROM and COPY --from, in the file order', () => {
    assert.equal(stageCommands(dockerfile, 'api'), ['pnpm install', 'pnpm run build', 'pnpm --filter=api deploy /dist/api --prod'].join('\n'));
    assert.equal(stageCommands(dockerfile, 'WEB'), ['go build -o server .', 'pnpm install', 'pnpm run build'].join('\n'));
    // Without a target, the last stage's (which takes nothing of the Go server's stage).
    assert.equal(stageCommands(dockerfile), ['pnpm install', 'pnpm run build', 'pnpm --filter=api deploy /dist/api --prod', 'pnpm run build'].join('\n'));
    assert.equal(stageCommands(dockerfile, 'missing'), undefined);
  });

  it("a target whose stages name no package is linked by what its image takes, not by another target's package", async () => {
    const m = await modelOfFiles({ ...files, 'docker-compose.yml': compose(['api', 'api'], ['web', 'web']) });
    assert.deepEqual(roots(m, 'api'), ['packages/api', 'packages/lib']);
    assert.deepEqual(roots(m, 'web'), ['packages/web']);
    assert.deepEqual(reasons(m, 'web'), ['Compose service "web" builds stage web of Dockerfile from . (docker-compose.yml:11), and that image takes its files from packages/web']);
    assert.equal(serviceForFile(m, 'packages/api/src/main.ts')?.name, 'api');
    assert.equal(serviceForFile(m, 'packages/web/server/main.go')?.name, 'web');
  });

  it('an all-in-one target that builds the package takes the other stages\' folders too, and the package\'s own image owns its files', async () => {
    const m = await modelOfFiles({ ...files, 'docker-compose.yml': compose(['aio', 'aio'], ['api', 'api'], ['web', 'web']) });
    assert.deepEqual(roots(m, 'aio'), ['packages/api', 'packages/lib', 'aio_run.mjs', 'packages/web']);
    assert.deepEqual(reasons(m, 'aio'), [
      'Compose service "aio" builds api out of the workspace at . (Dockerfile: `pnpm --filter=api`, build.context in docker-compose.yml:4): its folder and the workspace packages it depends on',
      'Compose service "aio" builds api out of the workspace at . (Dockerfile: `pnpm --filter=api`, build.context in docker-compose.yml:4): its folder and the workspace packages it depends on',
      'Compose service "aio" builds stage aio of Dockerfile from . (docker-compose.yml:6), and that image also takes the file aio_run.mjs alone',
      'Compose service "aio" builds stage aio of Dockerfile from . (docker-compose.yml:6), and that image also takes its files from packages/web',
    ]);
    assert.equal(service(m, 'aio').codeRoots[2].file, true);
    // (Named first, the all-in-one used to win the tie for the api's files.)
    assert.equal(serviceForFile(m, 'packages/api/src/main.ts')?.name, 'api');
    assert.equal(serviceForFile(m, 'packages/lib/index.ts')?.name, 'api');
    assert.equal(serviceForFile(m, 'packages/web/src/app.ts')?.name, 'web');
    assert.equal(serviceForFile(m, 'aio_run.mjs')?.name, 'aio');
  });

  it('no target: the last stage, here the all-in-one; a target the file has no stage of reads the whole file, as before', async () => {
    const m = await modelOfFiles({ ...files, 'docker-compose.yml': compose(['all', undefined], ['other', 'missing']) });
    assert.deepEqual(roots(m, 'all'), ['packages/api', 'packages/lib', 'aio_run.mjs', 'packages/web']);
    assert.deepEqual(roots(m, 'other'), ['packages/api', 'packages/lib']);
  });
});

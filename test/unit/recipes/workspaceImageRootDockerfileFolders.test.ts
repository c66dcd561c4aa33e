import assert from 'node:assert/strict';
import { serviceForFile } from '../../../src/core/model/environment';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';
import { RecipeCache } from '../../../src/core/recipes/recipeFile';
import { memoryFs, service } from './support';

const lines = (...l: string[]) => l.join('\n') + '\n';

async function model(files: Record<string, string>, rootName: string) {
  return buildEnvironmentModel({ ...memoryFs(files), rootName }, Object.keys(files).sort(), { cache: new RecipeCache() });
}

const roots = (m: Awaited<ReturnType<typeof model>>, name: string) => service(m, name).codeRoots.map((l) => `${l.root} ${l.confidence}`);

/**
 * statping-ng deploys adamboutcher/statping-ng (docker-compose.yml), the repository's root Dockerfile, which copies
 * cmd/, handlers/…; its dev/docker-compose.full.yml builds that Dockerfile for each database, and linked those deeper
 * folders: its statping_postgres took the routes. planka's docker-compose-dev.yml runs server/ mounted, the folder the
 * root Dockerfile builds in its server stage.
 */
describe('An image named like the workspace, built by the root Dockerfile, beside a developer Compose file', () => {
  const go = {
    'go.mod': 'module example.com/myapp\n',
    'cmd/main.go': 'package main\n',
    'handlers/h.go': 'package handlers\n',
    'tools/gen/main.go': 'package main\n',
    Dockerfile: lines('FROM golang:1.21 AS backend', 'WORKDIR /src', 'COPY go.mod ./', 'COPY cmd ./cmd', 'COPY handlers ./handlers', 'RUN go build -o /app ./cmd', '', 'FROM alpine', 'COPY --from=backend /app /usr/local/bin/app', 'CMD ["app"]'),
    'docker-compose.yml': lines('services:', '  myapp:', '    image: someone/myapp:latest'),
    'dev/docker-compose.full.yml': lines('services:', '  myapp_postgres:', '    build:', '      context: ./', '  gen:', '    image: golang:1.21', '    working_dir: /src', '    volumes:', '      - ../tools/gen:/src'),
  };

  it("links the folders the root Dockerfile's image takes too, so the deploying service keeps their code", async () => {
    const m = await model(go, 'myapp');
    assert.deepEqual(roots(m, 'myapp'), ['. low', 'cmd low', 'handlers low']);
    assert.equal(
      service(m, 'myapp').codeRoots[2].reason,
      "image someone/myapp:latest (docker-compose.yml:3) is named like this workspace folder (myapp), and the root Dockerfile's image takes its files from handlers, which myapp_postgres runs only in a developer's recipe (dev/docker-compose.full.yml)",
    );
    assert.equal(serviceForFile(m, 'handlers/h.go')?.name, 'myapp');
    assert.equal(serviceForFile(m, 'cmd/main.go')?.name, 'myapp');
    // A folder the image does not take stays the developer service's.
    assert.equal(serviceForFile(m, 'tools/gen/main.go')?.name, 'gen');
  });

  it('takes them from a developer service that mounts them (planka, kanban)', async () => {
    const node = {
      'package.json': '{"name":"kanban","private":true}',
      'server/package.json': '{"name":"server"}',
      'server/app.js': "const app = require('express')();\napp.get('/api/boards', (req, res) => res.json([]));\n",
      'client/package.json': '{"name":"client"}',
      'client/src/App.jsx': 'export default function App() { return null; }\n',
      Dockerfile: lines('FROM node:22-alpine AS server', 'WORKDIR /app', 'COPY server .', 'RUN npm install && npm run build', '', 'FROM node:22 AS client', 'WORKDIR /app', 'COPY client .', 'RUN npm install && npm run build', '', 'FROM node:22-alpine', 'WORKDIR /app', 'COPY --from=server /app/dist .', 'COPY --from=client /app/dist public', 'CMD ["node", "app.js"]'),
      'Dockerfile.dev': lines('FROM node:22', 'WORKDIR /app'),
      'docker-compose.yml': lines('services:', '  kanban:', '    image: ghcr.io/acme/kanban:latest'),
      'docker-compose-dev.yml': lines('services:', '  kanban-server:', '    build:', '      context: .', '      dockerfile: Dockerfile.dev', '    command: ["npm", "start"]', '    volumes:', '      - ./server:/app'),
    };
    const m = await model(node, 'kanban');
    // (Not client/, which no other service runs.)
    assert.deepEqual(roots(m, 'kanban'), ['. low', 'server low']);
    assert.deepEqual(roots(m, 'kanban-server'), ['server high']);
    assert.equal(serviceForFile(m, 'server/app.js')?.name, 'kanban');
  });

  it('names the image a deploying recipe runs, not the developer one found first', async () => {
    const m = await model({ ...go, 'dev/kubernetes.yml': lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: myapp', 'spec:', '  template:', '    spec:', '      containers:', '        - name: myapp', '          image: someone/myapp') }, 'myapp');
    assert.equal(service(m, 'myapp').codeRoots[0].evidence?.file, 'docker-compose.yml');
    assert.equal(serviceForFile(m, 'handlers/h.go')?.name, 'myapp');
  });

  it('takes nothing another deploying service runs too, nor without a developer service', async () => {
    // A Compose file that deploys (not a developer's) building the root: which of the two runs the folder is not said.
    const deploying = { ...go, 'deploy/docker-compose.yml': lines('services:', '  api:', '    build:', '      context: ..') };
    const m = await model(deploying, 'myapp');
    assert.deepEqual(roots(m, 'myapp'), ['. low']);
    assert.deepEqual(roots(m, 'api'), ['. high']);
    const alone: Record<string, string> = { ...go };
    delete alone['dev/docker-compose.full.yml'];
    assert.deepEqual(roots(await model(alone, 'myapp'), 'myapp'), ['. low']);
    // And no root Dockerfile: the root alone, as before.
    const noDockerfile: Record<string, string> = { ...go };
    delete noDockerfile.Dockerfile;
    delete noDockerfile['dev/docker-compose.full.yml'];
    const m2 = await model(noDockerfile, 'myapp');
    assert.deepEqual(roots(m2, 'myapp'), ['. low']);
  });
});

import assert from 'node:assert/strict';
import { serviceForFile } from '../../../src/core/model/environment';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';
import { RecipeCache } from '../../../src/core/recipes/recipeFile';
import { memoryFs, service } from '../recipes/support';

const lines = (...l: string[]) => l.join('\n') + '\n';

async function model(files: Record<string, string>, rootName: string) {
  return buildEnvironmentModel({ ...memoryFs(files), rootName }, Object.keys(files).sort(), { cache: new RecipeCache() });
}

const roots = (m: Awaited<ReturnType<typeof model>>, name: string) => service(m, name).codeRoots.map((l) => `${l.root} ${l.confidence}`);

/**
 * The root Dockerfile copies all of cmd/ but builds only ./cmd/server; a developer's Compose file runs cmd/importer
 * with `go run .`. The image named like the workspace runs the server, not the importer: the importer's folder stays
 * the developer service's, while a folder the image does build is still taken.
 */
describe("A developer's Go command the root Dockerfile's image does not build", () => {
  const files = (build: string) => ({
    'go.mod': 'module example.com/myapp\n',
    'cmd/server/main.go': 'package main\n',
    'cmd/importer/main.go': 'package main\n',
    'internal/store/store.go': 'package store\n',
    Dockerfile: lines('FROM golang:1.21 AS build', 'WORKDIR /src', 'COPY go.mod ./', 'COPY cmd ./cmd', 'COPY internal ./internal', `RUN go build -o /app ${build}`, '', 'FROM alpine', 'COPY --from=build /app /usr/local/bin/app', 'CMD ["app"]'),
    'docker-compose.yml': lines('services:', '  myapp:', '    image: someone/myapp:latest'),
    'dev/docker-compose.yml': lines('services:', '  importer:', '    image: golang:1.21', '    working_dir: /src/cmd/importer', '    command: go run .', '    volumes:', '      - ..:/src'),
  });

  it('is not linked to the deploying service', async () => {
    const m = await model(files('./cmd/server'), 'myapp');
    assert.deepEqual(roots(m, 'myapp'), ['. low']);
    assert.deepEqual(roots(m, 'importer'), ['cmd/importer high']);
    assert.equal(serviceForFile(m, 'cmd/importer/main.go')?.name, 'importer');
    assert.equal(serviceForFile(m, 'cmd/server/main.go')?.name, 'myapp');
  });

  it('is taken when the image builds that very command', async () => {
    const m = await model(files('./cmd/importer'), 'myapp');
    assert.deepEqual(roots(m, 'myapp'), ['. low', 'cmd/importer low']);
    assert.equal(serviceForFile(m, 'cmd/importer/main.go')?.name, 'myapp');
  });
});

import assert from 'node:assert/strict';
import { serviceForFile } from '../../../src/core/model/environment';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';
import { RecipeCache } from '../../../src/core/recipes/recipeFile';
import { memoryFs, service } from './support';

const lines = (...l: string[]) => l.join('\n') + '\n';

async function model(files: Record<string, string>, rootName: string) {
  return buildEnvironmentModel({ ...memoryFs(files), rootName }, Object.keys(files).sort(), { cache: new RecipeCache() });
}

/**
 * authelia: its suites' manifests run authelia:dist, and internal/suites/example/compose/authelia holds the dev image
 * (Dockerfile.backend) they run the checkout in; the production Compose file runs authelia/authelia. The image is
 * the repository's, not the test suite's folder of that name.
 */
describe('An image named like the workspace, and a test suite folder of that name with a Dockerfile', () => {
  const files = {
    'go.mod': 'module example.com/myapp\n\ngo 1.21\n',
    'main.go': 'package main\n',
    Dockerfile: lines('FROM alpine', 'WORKDIR /app', 'COPY myapp-linux-amd64/myapp ./', 'ENTRYPOINT ["/app/myapp"]'),
    'examples/compose/production/compose.yml': lines('services:', '  myapp:', "    image: 'someorg/myapp'", '    volumes:', "      - './myapp:/config'"),
    'internal/server/server.go': 'package server\n',
    'internal/suites/example/compose/myapp/Dockerfile.backend': lines('FROM golang:1.21-alpine', 'WORKDIR /app', 'CMD ["/resources/entrypoint-backend.sh"]'),
    'internal/suites/example/compose/myapp/resources/go.mod': 'module devtool\n',
    'internal/suites/example/compose/myapp/resources/main.go': 'package main\n',
    'internal/suites/example/kube/myapp/myapp.yml': lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: myapp',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: myapp',
      '          image: myapp:dist',
    ),
  };

  it('links the workspace root, not the suite folder', async () => {
    const m = await model(files, 'myapp');
    assert.deepEqual(service(m, 'myapp').codeRoots.map((l) => `${l.root} ${l.confidence}`), ['. low']);
    assert.equal(serviceForFile(m, 'internal/server/server.go')?.name, 'myapp');
  });

  it('keeps a folder of that name outside test suites and examples, and a suite folder named for another image', async () => {
    // The product's own folder named like the workspace (services/myapp/Dockerfile) is still its code.
    const own: Record<string, string> = { ...files, 'services/myapp/Dockerfile': 'FROM golang:1.21\nCOPY . .\nRUN go build -o /app .\n', 'services/myapp/main.go': 'package main\n' };
    const m = await model(own, 'myapp');
    assert.deepEqual(service(m, 'myapp').codeRoots.map((l) => `${l.root} ${l.confidence}`), ['services/myapp medium']);
    assert.equal(
      service(m, 'myapp').codeRoots[0].reason,
      'image myapp:dist (internal/suites/example/kube/myapp/myapp.yml:10) is named like folder services/myapp, which holds a Dockerfile',
    );
    // An image named for something else than the workspace: the suite folder of its name is what it runs.
    const helper: Record<string, string> = {
      ...files,
      'examples/compose/production/compose.yml': lines('services:', '  helper:', "    image: 'someorg/helper'"),
      'internal/suites/example/compose/helper/Dockerfile': 'FROM golang:1.21\nCOPY . .\nRUN go build -o /helper .\n',
      'internal/suites/example/compose/helper/main.go': 'package main\n',
    };
    const m2 = await model(helper, 'myapp');
    assert.deepEqual(service(m2, 'helper').codeRoots.map((l) => `${l.root} ${l.confidence}`), ['internal/suites/example/compose/helper medium']);
  });
});

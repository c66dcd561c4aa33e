import assert from 'node:assert/strict';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';
import { RecipeCache } from '../../../src/core/recipes/recipeFile';
import { memoryFs } from '../recipes/support';

const lines = (...l: string[]) => l.join('\n') + '\n';

/**
 * authelia's shape in a folder cloned with a suffix (`myapp-main`, as a GitHub archive unpacks): its suites run
 * `myapp:dist` with the dev image of internal/suites/example/compose/myapp, and a production Compose example runs
 * `someorg/myapp`. The image is named like the workspace as much as in a folder named `myapp`: the suite's folder is
 * not the service, the root is; so for a code-less folder of that name beside a root that builds the app.
 */
describe('an image named like a workspace folder with a suffix, beside a test suite folder of that name', () => {
  const files: Record<string, string> = {
    'go.mod': 'module example.com/myapp\n',
    'main.go': lines('package main', 'func main() {}'),
    Dockerfile: lines('FROM alpine', 'WORKDIR /app', 'COPY myapp-linux-amd64/myapp ./', 'ENTRYPOINT ["/app/myapp"]'),
    'internal/server/server.go': 'package server\n',
    'internal/suites/example/compose/myapp/Dockerfile.backend': lines('FROM golang:1.21-alpine', 'WORKDIR /app', 'CMD ["/resources/entrypoint-backend.sh"]'),
    'internal/suites/example/compose/myapp/resources/go.mod': 'module example.com/resources\n',
    'internal/suites/example/compose/myapp/resources/main.go': 'package main\n',
    'internal/suites/example/kube/myapp/myapp.yml': lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: myapp', 'spec:', '  template:', '    spec:', '      containers:', '        - name: myapp', '          image: myapp:dist'),
    'examples/compose/production/compose.yml': lines('services:', '  myapp:', "    image: 'someorg/myapp'", '    volumes:', "      - './myapp:/config'"),
  };
  const roots = async (f: Record<string, string>, rootName: string) =>
    (await buildEnvironmentModel({ ...memoryFs(f), rootName }, Object.keys(f).sort(), { cache: new RecipeCache() })).services.find((s) => s.name === 'myapp')?.codeRoots.map((l) => l.root);

  it('links the root for myapp-main and myapp_v2 as for myapp', async () => {
    assert.deepEqual(await roots(files, 'myapp'), ['.']);
    assert.deepEqual(await roots(files, 'myapp-main'), ['.']);
    assert.deepEqual(await roots(files, 'myapp_v2'), ['.']);
  });

  it('still links the suite folder for a workspace not named like the image', async () => {
    assert.deepEqual(await roots(files, 'other-project'), ['internal/suites/example/compose/myapp']);
  });

  it('skips a code-less folder of that name when the root builds the app, for a suffixed workspace too', async () => {
    const docs = {
      'docker-compose.yml': lines('services:', '  shop:', '    image: acme/shop:local'),
      Dockerfile: 'FROM python:3.12\nWORKDIR /shop\nCOPY . .\nRUN pip install .\n',
      'pyproject.toml': '[project]\nname = "shop"\n',
      'src/shop/main.py': 'print(1)\n',
      'docs/shop/Dockerfile': 'FROM squidfunk/mkdocs-material:9\nCOPY index.md /docs/\n',
      'docs/shop/index.md': '# Shop\n',
    };
    const shop = async (rootName: string) => (await buildEnvironmentModel({ ...memoryFs(docs), rootName }, Object.keys(docs).sort(), { cache: new RecipeCache() })).services.find((s) => s.name === 'shop')?.codeRoots.map((l) => l.root);
    assert.deepEqual(await shop('shop-master'), ['.']);
    assert.deepEqual(await shop('elsewhere'), ['docs/shop']);
  });
});

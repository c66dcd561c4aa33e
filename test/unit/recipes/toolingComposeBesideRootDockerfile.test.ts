import assert from 'node:assert/strict';
import type { FileSystem } from '../../../src/core/host/fileSystem';
import { serviceForFile, type Service } from '../../../src/core/model/environment';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';

const lines = (...l: string[]) => l.join('\n') + '\n';

function memoryFs(files: Record<string, string>): FileSystem {
  return {
    readText: async (f) => {
      if (!(f in files)) throw new Error(`ENOENT ${f}`);
      return files[f];
    },
    listFiles: async () => Object.keys(files).sort(),
  };
}

const withRoot = (files: Record<string, string>, rootName: string) => buildEnvironmentModel({ ...memoryFs(files), rootName }, Object.keys(files).sort());
const built = (m: { services: Service[] }) => m.services.map((s) => [s.name, s.codeRoots.map((l) => `${l.root} ${l.confidence}`), s.recipes.length]);

describe('a root Dockerfile beside a Compose file of a tooling folder', () => {
  const proxyCompose = lines('services:', '  server:', '    build: .', '  forward_proxy:', '    image: ubuntu/squid');

  it("is still the root's service (Prefect's scripts/proxy-test/docker-compose.yml building its own server.py); the tooling service keeps its folder", async () => {
    const m = await withRoot(
      {
        Dockerfile: 'FROM python:3.12-slim\nCOPY . ./\n',
        'pyproject.toml': '[project]\nname = "prefect"\n',
        'src/prefect/main.py': 'x = 1\n',
        'scripts/proxy-test/docker-compose.yml': proxyCompose,
        'scripts/proxy-test/Dockerfile': 'FROM python:3.14-slim\n',
        'scripts/proxy-test/server.py': 'x = 1\n',
      },
      'prefect',
    );
    assert.deepEqual(built(m), [
      ['forward_proxy', [], 1],
      ['prefect', ['. medium'], 0],
      ['server', ['scripts/proxy-test high'], 1],
    ]);
    assert.equal(serviceForFile(m, 'src/prefect/main.py')?.name, 'prefect');
    assert.equal(serviceForFile(m, 'scripts/proxy-test/server.py')?.name, 'server');
  });

  it('not when the Compose file builds a service folder that is no tooling one (the recipes say what runs)', async () => {
    const m = await withRoot(
      {
        Dockerfile: 'FROM python:3.12-slim\n',
        'main.py': 'x = 1\n',
        'scripts/docker-compose.yml': lines('services:', '  api:', '    build: ../services/api'),
        'services/api/Dockerfile': 'FROM python:3.12-slim\n',
        'services/api/app.py': 'x = 1\n',
      },
      'shop',
    );
    assert.deepEqual(built(m), [['api', ['services/api high'], 1]]);
  });
});

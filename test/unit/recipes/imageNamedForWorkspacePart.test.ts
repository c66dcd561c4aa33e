import assert from 'node:assert/strict';
import type { FileSystem } from '../../../src/core/host/fileSystem';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';

function memoryFs(files: Record<string, string>): FileSystem {
  return {
    readText: async (f) => {
      if (!(f in files)) throw new Error(`ENOENT ${f}`);
      return files[f];
    },
    listFiles: async () => Object.keys(files).sort(),
  };
}

const lines = (...l: string[]) => l.join('\n') + '\n';

/**
 * openpanel's self-hosting Compose runs lindesvard/openpanel-api and lindesvard/openpanel-worker, built from
 * apps/api/Dockerfile and apps/worker/Dockerfile: each is that folder, not the whole openpanel repository.
 */
describe('An image named <workspace>-<part>, with a folder <part> that holds a Dockerfile', () => {
  const files = {
    'self-hosting/docker-compose.template.yml': lines(
      'services:',
      '  op-api:',
      '    image: lindesvard/openpanel-api:2',
      '  op-worker:',
      '    image: lindesvard/openpanel-worker:2',
      '  op-dashboard:',
      '    image: lindesvard/openpanel-dashboard:2',
    ),
    'package.json': '{"name":"openpanel","private":true}',
    'apps/api/Dockerfile': 'FROM node:20\nCOPY . .\n',
    'apps/api/package.json': '{}',
    'apps/api/src/index.ts': 'export {};\n',
    'apps/worker/Dockerfile': 'FROM node:20\nCOPY . .\n',
    'apps/worker/package.json': '{}',
    'apps/worker/src/index.ts': 'export {};\n',
    'apps/start/Dockerfile': 'FROM node:20\nCOPY . .\n',
    'apps/start/package.json': '{}',
  };

  it("links the service to that folder, before the workspace's root", async () => {
    const m = await buildEnvironmentModel({ ...memoryFs(files), rootName: 'openpanel' }, Object.keys(files).sort());
    const roots = (name: string) => m.services.find((s) => s.name === name)?.codeRoots.map((l) => `${l.root} ${l.confidence}`);
    assert.deepEqual(roots('op-api'), ['apps/api medium']);
    assert.deepEqual(roots('op-worker'), ['apps/worker medium']);
    // No folder named dashboard: not the whole repository either (a dashboard is none of the roles named so).
    assert.deepEqual(roots('op-dashboard'), []);
    assert.equal(
      m.services.find((s) => s.name === 'op-api')?.codeRoots[0].reason,
      'image lindesvard/openpanel-api:2 (self-hosting/docker-compose.template.yml:3) is named like this workspace folder (openpanel) and folder apps/api, which holds a Dockerfile',
    );
  });

  it('takes no folder of that name that holds only a Dockerfile (docker/api/Dockerfile beside the code in api/)', async () => {
    const shop = {
      'docker-compose.yml': lines('services:', '  api:', '    image: acme/shop-api:1', '  worker:', '    image: acme/shop-worker:1'),
      'docker/api/Dockerfile': 'FROM golang:1.22\nCOPY api/ /src\nRUN cd /src && go build -o /app .\n',
      'docker/worker/Dockerfile': 'FROM golang:1.22\nCOPY worker/ /src\nRUN cd /src && go build -o /app .\n',
      'api/go.mod': 'module example.com/api\n',
      'api/main.go': 'package main\n',
      'worker/go.mod': 'module example.com/worker\n',
      'worker/main.go': 'package main\n',
    };
    const m = await buildEnvironmentModel({ ...memoryFs(shop), rootName: 'shop' }, Object.keys(shop).sort());
    const roots = (name: string) => m.services.find((s) => s.name === name)?.codeRoots.map((l) => l.root) ?? [];
    assert.ok(!roots('api').includes('docker/api'), roots('api').join());
    assert.ok(!roots('worker').includes('docker/worker'), roots('worker').join());
    // One whose Dockerfile only extends an upstream image is that folder (karakeep's docker/chrome).
    const chrome = { ...shop, 'docker-compose.yml': lines('services:', '  chrome:', '    image: acme/shop-chrome:1'), 'docker/chrome/Dockerfile': 'FROM docker.io/chromedp/headless-shell:1\nUSER 65534:65534\n' };
    const m2 = await buildEnvironmentModel({ ...memoryFs(chrome), rootName: 'shop' }, Object.keys(chrome).sort());
    assert.deepEqual(m2.services.find((s) => s.name === 'chrome')?.codeRoots.map((l) => `${l.root} ${l.confidence}`), ['docker/chrome medium']);
  });

  it('keeps the root for a role with no folder of its name, and takes no folder in another workspace', async () => {
    const noFolder: Record<string, string> = { ...files, Dockerfile: 'FROM node:20\n' };
    for (const f of Object.keys(noFolder)) if (f.startsWith('apps/worker/')) delete noFolder[f];
    const m = await buildEnvironmentModel({ ...memoryFs(noFolder), rootName: 'openpanel' }, Object.keys(noFolder).sort());
    // A worker named for the workspace, built from nothing of its own name: the repository's root, as for an api.
    assert.deepEqual(m.services.find((s) => s.name === 'op-worker')?.codeRoots.map((l) => `${l.root} ${l.confidence}`), ['. low']);
    // Another product's image (the workspace is not named openpanel): apps/api is not its code.
    const other = await buildEnvironmentModel({ ...memoryFs(files), rootName: 'acme' }, Object.keys(files).sort());
    assert.deepEqual(other.services.find((s) => s.name === 'op-api')?.codeRoots, []);
  });
});

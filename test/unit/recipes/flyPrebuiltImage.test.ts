import assert from 'node:assert/strict';
import { modelOfFiles, service } from './support';

/**
 * openstatus's apps/server/log/fly.toml deploys `[build] image = "ghcr.io/superfly/fly-log-shipper:latest"` from a
 * folder with neither code nor a Dockerfile: it runs Fly's log shipper, not apps/server, the folder above.
 */
describe('A fly.toml that deploys a prebuilt image', () => {
  const files = {
    'server/log/fly.toml': 'app = "acme-log"\n[build]\n  image = "ghcr.io/superfly/fly-log-shipper:latest"\n[http_service]\n  internal_port = 8686\n',
    'server/index.ts': 'export {};\n',
    'server/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY . .\nCMD ["node", "index.js"]\n',
    'server/package.json': '{ "name": "server" }',
    'server/fly.toml': 'app = "acme-api"\n[build]\n  dockerfile = "Dockerfile"\n',
  };

  it('from a folder with neither code nor a Dockerfile: links no code, the image is third-party', async () => {
    const m = await modelOfFiles(files);
    assert.deepEqual(service(m, 'acme-log').codeRoots, []);
    assert.equal(
      service(m, 'acme-log').unlinkedReason,
      'runs ghcr.io/superfly/fly-log-shipper:latest, which nothing in this folder builds (no Compose build, Skaffold artifact or Dockerfile folder of that name): a third-party image, or code kept elsewhere',
    );
    assert.deepEqual(service(m, 'acme-api').codeRoots.map((l) => `${l.root} ${l.confidence}`), ['server high']);
  });

  it('without an image, still the folder above with a Dockerfile; with one named like a folder of the workspace, that folder', async () => {
    const noImage = { ...files, 'server/log/fly.toml': 'app = "acme-log"\n[http_service]\n  internal_port = 8686\n' };
    assert.deepEqual(service(await modelOfFiles(noImage), 'acme-log').codeRoots.map((l) => `${l.root} ${l.confidence}`), ['server medium']);
    const own = { ...files, 'server/log/fly.toml': 'app = "acme-log"\n[build]\n  image = "registry.fly.io/server:latest"\n' };
    assert.deepEqual(service(await modelOfFiles(own), 'acme-log').codeRoots.map((l) => `${l.root} ${l.confidence}`), ['server medium']);
  });

  it('beside code of its own: that folder', async () => {
    const beside = { ...files, 'server/log/fly.toml': 'app = "acme-log"\n[build]\n  image = "ghcr.io/acme/log:latest"\n', 'server/log/shipper.ts': 'export {};\n' };
    assert.deepEqual(service(await modelOfFiles(beside), 'acme-log').codeRoots.map((l) => `${l.root} ${l.confidence}`), ['server/log high']);
  });
});

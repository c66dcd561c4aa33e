import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';
import { recipeFormatOf } from '../../../src/core/recipes/discovery';
import { RecipeCache } from '../../../src/core/recipes/recipeFile';
import { memoryFs } from './support';

describe('discovery on a real folder: .gitignore, files.exclude, vendored trees, sizes', () => {
  let root: string;
  const write = (f: string, t: string | Buffer) => {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), t);
  };
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'ops-lens-discovery-'));
    write('.gitignore', 'generated/\n*.secret.yaml\n');
    write('deploy/.gitignore', '*.local.yaml\n!keep.local.yaml\n');
    write('deploy/app.yaml', 'kind: x\n');
    write('deploy/dev.local.yaml', 'kind: x\n');
    write('deploy/keep.local.yaml', 'kind: x\n');
    write('deploy/db.secret.yaml', 'kind: x\n');
    write('generated/out.yaml', 'kind: x\n');
    write('node_modules/pkg/values.yaml', 'kind: x\n');
    write('legacy/old/compose.yaml', 'services: {}\n');
    write('data/big.json', Buffer.alloc(3 * 2 ** 20));
    write('deploy/bundle.yaml', Buffer.alloc(3 * 2 ** 20, 0x61));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('lists files the way git would see them, minus vendored folders; keeps large recipes so they can be refused', async () => {
    const files = await new NodeFileSystem(root).listFiles();
    assert.deepEqual(files, ['.gitignore', 'deploy/.gitignore', 'deploy/app.yaml', 'deploy/bundle.yaml', 'deploy/keep.local.yaml', 'legacy/old/compose.yaml']);
  });

  it('leaves out files.exclude globs, asked again on every listing', async () => {
    let globs = ['**/legacy/**'];
    const fs = new NodeFileSystem(root, { exclude: () => globs });
    assert.ok(!(await fs.listFiles()).includes('legacy/old/compose.yaml'));
    globs = [];
    assert.ok((await fs.listFiles()).includes('legacy/old/compose.yaml'));
  });

  it('lists a symbolic link to a file of the workspace under its own name; not one that leads outside or to a folder', async () => {
    const linked = mkdtempSync(join(tmpdir(), 'ops-lens-links-'));
    const outside = mkdtempSync(join(tmpdir(), 'ops-lens-outside-'));
    try {
      mkdirSync(join(linked, 'docker'));
      writeFileSync(join(linked, 'docker/Dockerfile'), 'FROM python:3.12\n');
      writeFileSync(join(outside, 'secrets.env'), 'TOKEN=x\n');
      // Netflix/dispatch's root Dockerfile is a link to docker/Dockerfile.
      symlinkSync('docker/Dockerfile', join(linked, 'Dockerfile'));
      symlinkSync(join(outside, 'secrets.env'), join(linked, 'secrets.env'));
      symlinkSync('docker', join(linked, 'again'));
      symlinkSync('missing/file', join(linked, 'dangling'));
      assert.deepEqual(await new NodeFileSystem(linked).listFiles(), ['Dockerfile', 'docker/Dockerfile']);
    } finally {
      rmSync(linked, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('can be told to ignore .gitignore', async () => {
    const files = await new NodeFileSystem(root, { gitignore: false }).listFiles();
    assert.ok(files.includes('generated/out.yaml'));
    assert.ok(!files.includes('node_modules/pkg/values.yaml'));
  });
});

describe('recipe formats by name and place', () => {
  const files = new Set(['charts/a/Chart.yaml', 'charts/a/values.yaml', 'charts/a/values-prod.yaml', 'charts/a/templates/svc.yaml']);
  const cases: [string, string | undefined][] = [
    ['charts/a/values.yaml', 'helm-values'],
    ['charts/a/values-prod.yaml', 'helm-values'],
    ['charts/a/Chart.yaml', 'helm-chart'],
    ['charts/a/templates/svc.yaml', undefined],
    ['deploy/overlays/prod/kustomization.yaml', 'kustomize'],
    ['skaffold.yaml', 'skaffold'],
    ['infra/main.tf', 'terraform'],
    ['infra/prod.tfvars', 'tfvars'],
    // What tests bring up: Sock Shop front-end's test/docker-compose.yml, Terratest fixtures; kustomize variants stay.
    ['test/docker-compose.yml', undefined],
    ['tests/integration/compose.yaml', undefined],
    // karakeep's end-to-end tests and benchmarks, whose compose builds a headless Chrome from the repository root.
    ['packages/e2e_tests/docker-compose.yml', undefined],
    ['packages/benchmarks/docker-compose.yml', undefined],
    ['load-tests/compose.yaml', undefined],
    ['test/fixtures/main.tf', undefined],
    ['test/fixtures/terraform.tfvars', undefined],
    ['kustomize/tests/istio/kustomization.yaml', 'kustomize'],
    ['latest/docker-compose.yml', 'compose'],
    ['zarf/compose/docker_compose.yaml', 'compose'],
    ['apps/web/fly.toml', 'fly'],
    ['Procfile', 'procfile'],
    ['document/docker/docker-compose-app.yml', 'compose'],
    ['compose.prod.yaml', 'compose'],
    ['docker-compose-app-prod.yaml', 'compose'],
    // A template another program fills in (a generator's, or one a guide says to copy and edit): no recipe.
    ['docker-compose-app-template.yaml', 'compose'],
    ['src/main/generator/docker-compose-app-template.yaml', undefined],
    ['.ops-lens.yaml', 'ops-lens-config'],
    ['.ops-lens/snoozes.yaml', undefined],
    ['pnpm-lock.yaml', undefined],
    ['Cargo.toml', undefined],
  ];
  for (const [file, format] of cases) {
    it(`${file} → ${format ?? 'not a recipe'}`, () => assert.equal(recipeFormatOf(file, files), format));
  }
});

describe('incremental rebuilds: files are parsed again only when their text changes', () => {
  it('a second build parses nothing; an edit re-parses that file alone', async () => {
    const files: Record<string, string> = {
      'deploy/a.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  replicas: 1\n',
      'deploy/b.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: b\nspec:\n  replicas: 1\n',
      'compose.yaml': 'services:\n  a:\n    build: ./a\n',
    };
    const fs = memoryFs(files);
    const cache = new RecipeCache();
    await buildEnvironmentModel(fs, Object.keys(files), { cache });
    assert.equal(cache.misses, 3);
    await buildEnvironmentModel(fs, Object.keys(files), { cache });
    assert.equal(cache.misses, 3);
    files['deploy/b.yaml'] = files['deploy/b.yaml'].replace('replicas: 1', 'replicas: 7');
    const m = await buildEnvironmentModel(fs, Object.keys(files), { cache });
    assert.equal(cache.misses, 4);
    assert.equal(m.services.find((s) => s.name === 'b')?.capacity.replicas?.value, 7);
  });

  it('the cached parse is never changed by joining (a kustomize overlay does not leak into the next build)', async () => {
    const files: Record<string, string> = {
      'base/web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n',
      'base/kustomization.yaml': 'resources: [web.yaml]\n',
      'prod/kustomization.yaml': 'resources: [../base]\nreplicas:\n  - name: web\n    count: 9\nnamePrefix: p-\n',
    };
    const fs = memoryFs(files);
    const cache = new RecipeCache();
    const first = await buildEnvironmentModel(fs, Object.keys(files), { cache });
    delete files['prod/kustomization.yaml'];
    const second = await buildEnvironmentModel(fs, Object.keys(files), { cache });
    assert.equal(first.services[0].capacity.replicas?.value, 9);
    assert.equal(second.services[0].capacity.replicas?.value, 1);
    assert.equal(second.services[0].workload, 'web');
  });
});

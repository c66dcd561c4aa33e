import assert from 'node:assert/strict';
import type { EnvironmentModel } from '../../../src/core/model/environment';
import { modelOf, modelOfFiles, pos, service } from './support';

describe('fly.toml, App Engine app.yaml, Procfile (fixture recipes-paas)', () => {
  let model: EnvironmentModel;
  before(async () => {
    model = await modelOf('recipes-paas');
  });

  it('finds every service and no problem; CI YAML under .github is not a recipe', () => {
    assert.deepEqual(model.problems, []);
    // legacy's `release:` process runs once per deploy (Heroku's release phase): no service.
    assert.deepEqual(model.services.map((s) => s.name), ['legacy', 'legacy-worker', 'reports', 'shop-web']);
  });

  it('fly.toml: min machines, concurrency limits, VM size with memory override, env; each at its line', () => {
    const web = service(model, 'shop-web');
    const c = web.capacity;
    const file = 'apps/web/fly.toml';
    assert.equal(c.autoscaling?.minReplicas?.value, 2);
    assert.deepEqual(pos(c.autoscaling?.minReplicas), [file, 11, 25]);
    assert.equal(c.cpuLimit?.value, 2);
    assert.deepEqual(pos(c.cpuLimit), [file, 18, 9]);
    assert.equal(c.memoryLimit?.value, 2 ** 30);
    assert.deepEqual(pos(c.memoryLimit), [file, 19, 11]);
    assert.deepEqual(c.settings?.map((s) => [s.kind, s.name, s.value, s.location.range.start.line]), [
      ['concurrency', 'soft_limit (requests)', 20, 14],
      ['concurrency', 'hard_limit (requests)', 25, 15],
      ['poolSize', 'DB_POOL_SIZE', 8, 7],
    ]);
    assert.equal(web.codeRoots[0].root, 'apps/web');
    assert.match(web.codeRoots[0].reason, /fly\.toml builds apps\/web\/Dockerfile/);
  });

  it('App Engine: scaling (target as percent), instance class memory, entrypoint flags, env', () => {
    const r = service(model, 'reports');
    const a = r.capacity.autoscaling!;
    assert.deepEqual([a.minReplicas?.value, a.maxReplicas?.value, a.targetCpuUtilization?.value], [1, 5, 65]);
    assert.deepEqual(pos(a.maxReplicas), ['apps/ae/app.yaml', 6, 17]);
    assert.equal(r.capacity.memoryLimit?.value, 768 * 2 ** 20);
    assert.deepEqual(r.capacity.settings?.map((s) => [s.kind, s.name, s.value]), [
      ['concurrency', 'max_concurrent_requests', 40],
      ['workers', '--workers', 3],
      ['timeout', '--timeout', 60],
      ['poolSize', 'SQL_POOL_MAX', 4],
    ]);
    assert.equal(r.codeRoots[0].root, 'apps/ae');
  });

  it('Procfile: a service per process, worker and timeout flags at their exact columns, the folder as code', () => {
    const web = service(model, 'legacy');
    assert.deepEqual(web.capacity.settings?.map((s) => [s.kind, s.name, s.value, s.location.range.start.line, s.location.range.start.character]), [
      ['workers', '--workers', 4, 0, 26],
      ['timeout', '--timeout', 30, 0, 38],
    ]);
    assert.deepEqual(service(model, 'legacy-worker').capacity.settings?.map((s) => [s.kind, s.value]), [['concurrency', 8]]);
    assert.equal(web.codeRoots[0].root, 'apps/legacy');
    assert.equal(web.codeRoots[0].confidence, 'high');
  });

  it('a fly.toml kept in a folder with neither code nor a Dockerfile (ArchiveBox etc/) deploys the folder above that holds one; one beside code deploys its folder', async () => {
    const m = await modelOfFiles({
      'etc/fly.toml': 'app = "archive"\n[[services]]\ninternal_port = 8000\n',
      'etc/nginx.conf': 'server {}\n',
      'etc/package.json': '{}\n',
      Dockerfile: 'FROM python:3.12\nCOPY . /app\n',
      'archive/app.py': 'print(1)\n',
      'tools/web/fly.toml': 'app = "tool"\n',
      'tools/web/main.go': 'package main\n',
    });
    assert.deepEqual(m.problems, []);
    const archive = service(m, 'archive');
    assert.deepEqual(archive.codeRoots.map((l) => [l.root, l.confidence]), [['.', 'medium']]);
    assert.equal(archive.codeRoots[0].reason, 'fly.toml in etc deploys that folder, but etc holds neither code nor a Dockerfile: the nearest folder above with one, Dockerfile');
    assert.deepEqual(service(m, 'tool').codeRoots.map((l) => [l.root, l.confidence]), [['tools/web', 'high']]);
  });

  it('broken TOML is one problem at its line, the app is skipped, nothing throws', async () => {
    const m = await modelOfFiles({ 'fly.toml': 'app = "x"\n[http_service\nmin_machines_running = 1\n' });
    assert.equal(m.problems.length, 1);
    assert.equal(m.problems[0].location.range.start.line, 1);
    assert.match(m.problems[0].message, /^Invalid TOML/);
  });
});

describe('Compose extras (fixture recipes-compose): .env interpolation, dockerfile links, layering, env_file, .ops-lens.yaml', () => {
  let model: EnvironmentModel;
  before(async () => {
    model = await modelOf('recipes-compose');
  });

  it('reads without problems', () => {
    assert.deepEqual(model.problems, []);
    assert.deepEqual(model.services.map((s) => s.name), ['api', 'redis', 'worker']);
  });

  it('build.dockerfile interpolated from .env: with the root as context, the Dockerfile folder is the code', () => {
    const api = service(model, 'api');
    assert.deepEqual(api.codeRoots.map((l) => [l.root, l.confidence]), [['services/api', 'high']]);
    assert.equal(api.codeRoots[0].reason, 'Compose service "api" builds with services/api/Dockerfile (build.dockerfile in compose.yaml:13)');
  });

  it('compose.override.yaml layers over compose.yaml: replicas from the override, limits through the merge key', () => {
    const api = service(model, 'api');
    assert.equal(api.capacity.replicas?.value, 2);
    assert.deepEqual(pos(api.capacity.replicas), ['compose.override.yaml', 3, 16]);
    assert.equal(api.capacity.cpuLimit?.value, 0.5);
    assert.deepEqual(pos(api.capacity.cpuLimit), ['compose.yaml', 4, 14]);
    assert.deepEqual(api.recipes.map((r) => r.location.file), ['compose.yaml', 'compose.override.yaml']);
    assert.equal(api.environments?.[0].name, 'compose');
  });

  it('env_file values, with `environment:` winning over them', () => {
    const api = service(model, 'api');
    assert.equal(api.env.DATABASE_POOL_SIZE?.value, '12');
    assert.deepEqual(pos(api.env.DATABASE_POOL_SIZE), ['ops/api.env', 1, 19]);
    assert.equal(api.env.REQUEST_TIMEOUT?.value, '15s');
    assert.deepEqual(api.capacity.settings?.map((s) => [s.kind, s.name, s.value]), [
      ['poolSize', 'DATABASE_POOL_SIZE', 12],
      ['timeout', 'REQUEST_TIMEOUT', 15],
    ]);
  });

  it('command flags (a list) give settings', () => {
    assert.deepEqual(service(model, 'worker').capacity.settings?.map((s) => [s.kind, s.name, s.value]), [['concurrency', '--concurrency', 6]]);
  });

  it('.ops-lens.yaml `code:` replaces the automatic link, `alsoCode:` adds one, each saying where it was set', () => {
    const worker = service(model, 'worker');
    assert.deepEqual(worker.codeRoots.map((l) => [l.root, l.confidence, l.reason]), [['services/worker/src', 'high', 'set in .ops-lens.yaml (.ops-lens.yaml:3)']]);
    const redis = service(model, 'redis');
    assert.deepEqual(redis.codeRoots.map((l) => l.root), ['ops']);
  });

  it('an image interpolated from .env names what a service runs when nothing links it', async () => {
    const m = await modelOfFiles({ '.env': 'IMG=redis:7.4\n', 'compose.yaml': 'services:\n  cache:\n    image: ${IMG}\n' });
    assert.match(service(m, 'cache').unlinkedReason ?? '', /^runs redis:7\.4, which nothing in this folder builds/);
  });
});

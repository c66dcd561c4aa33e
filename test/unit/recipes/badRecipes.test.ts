import assert from 'node:assert/strict';
import { modelOfFiles, service } from './support';

const deployment = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 2\n`;

describe('bad recipes: one problem at the place, never a throw or a hang, the rest still read', () => {
  it('a 20 MB recipe is refused with a problem at its first line, without parsing it', async () => {
    const huge = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n' + '  k: "' + 'x'.repeat(20 * 2 ** 20) + '"\n';
    const started = Date.now();
    const m = await modelOfFiles({ 'deploy/huge.yaml': huge, 'deploy/web.yaml': deployment('web') });
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    assert.deepEqual(m.problems.map((p) => [p.location.file, p.location.range.start.line]), [['deploy/huge.yaml', 0]]);
    assert.match(m.problems[0].message, /^Not read: 20\.0 MB is over the 2 MB limit for a recipe$/);
    assert.equal(service(m, 'web').capacity.replicas?.value, 2);
  });

  it('a workload of a kind we do not read is an info problem at its kind line; other unknown kinds are quiet', async () => {
    const rollout = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: canary\nspec:\n  replicas: 5\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:1\n';
    const m = await modelOfFiles({ 'k/rollout.yaml': rollout, 'k/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n', 'k/crd.yaml': 'apiVersion: x.io/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 3\n' });
    assert.deepEqual(m.problems.map((p) => [p.location.file, p.location.range.start.line, p.severity]), [['k/rollout.yaml', 1, 'info']]);
    assert.match(m.problems[0].message, /^kind Rollout \(canary\) runs containers but is not read/);
    assert.deepEqual(m.services, []);
  });

  it('an alias bomb in a Compose file neither hangs nor stops the other services', async () => {
    const bomb = ['x-a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [p, q] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) bomb.push(`x-${p}: &${p} [${Array(9).fill(`*${q}`).join(',')}]`);
    bomb.push('services:', '  api:', '    image: app:1', '    deploy: { replicas: 3 }', '    labels: *i');
    const started = Date.now();
    const m = await modelOfFiles({ 'compose.yaml': bomb.join('\n') + '\n' });
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    assert.equal(service(m, 'api').capacity.replicas?.value, 3);
  });

  it('syntax errors in Compose and Kustomize files are problems at their lines', async () => {
    const m = await modelOfFiles({
      'compose.yaml': 'services:\n  api:\n    image: [unclosed\n',
      'deploy/kustomization.yaml': 'resources:\n  - a.yaml\n bad: indent\n',
      'deploy/a.yaml': deployment('web'),
    });
    assert.deepEqual(
      m.problems.map((p) => [p.location.file, p.location.range.start.line]).sort(),
      [['compose.yaml', 3], ['deploy/kustomization.yaml', 2]].sort(),
    );
    assert.equal(service(m, 'web').capacity.replicas?.value, 2);
  });

  it('an unreadable file (vanished between listing and reading) is skipped', async () => {
    const m = await modelOfFiles({ 'deploy/web.yaml': deployment('web') });
    assert.equal(m.services.length, 1);
    const { buildEnvironmentModel } = await import('../../../src/core/recipes/environmentModel');
    const { memoryFs } = await import('./support');
    const m2 = await buildEnvironmentModel(memoryFs({ 'deploy/web.yaml': deployment('web') }), ['deploy/web.yaml', 'deploy/gone.yaml']);
    assert.deepEqual(m2.problems, []);
    assert.equal(m2.services.length, 1);
  });

  it('kustomizations that include each other (a cycle) end, with what could be read', async () => {
    const m = await modelOfFiles({
      'a/kustomization.yaml': 'resources:\n  - ../b\n  - web.yaml\n',
      'a/web.yaml': deployment('web'),
      'b/kustomization.yaml': 'resources:\n  - ../a\n',
      'c/kustomization.yaml': 'resources:\n  - ../a\n',
    });
    assert.equal(service(m, 'web').capacity.replicas?.value, 2);
  });
});

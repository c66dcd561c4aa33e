import assert from 'node:assert/strict';
import type { EnvironmentModel, Service } from '../../../src/core/model/environment';
import { environment, modelOf, pos, service } from './support';

describe('Kustomize: base + overlays per environment (fixture recipes-kustomize)', () => {
  let model: EnvironmentModel;
  let api: Service;
  const base = 'deploy/base/api.yaml';
  const prodK = 'deploy/overlays/prod/kustomization.yaml';
  const stagingK = 'deploy/overlays/staging/kustomization.yaml';
  before(async () => {
    model = await modelOf('recipes-kustomize');
    api = service(model, 'api');
  });

  it('reads without problems, one service, an environment per overlay (the base alone is not deployed)', () => {
    assert.deepEqual(model.problems, []);
    assert.deepEqual(model.services.map((s) => s.name), ['api']);
    assert.deepEqual(
      api.environments?.map((e) => [e.name, e.source, e.definedIn]),
      [
        ['prod', 'kustomize', prodK],
        ['staging', 'kustomize', stagingK],
      ],
    );
  });

  it('prod: `replicas:` overrides the base, at the count line of the overlay', () => {
    const prod = environment(api, 'prod');
    assert.equal(prod.capacity.replicas?.value, 4);
    assert.deepEqual(pos(prod.capacity.replicas), [prodK, 7, 11]);
  });

  it('prod: a patch file changes requests (at the patch file lines), limits stay from the base', () => {
    const c = environment(api, 'prod').capacity;
    assert.equal(c.cpuRequest?.value, 2);
    assert.deepEqual(pos(c.cpuRequest), ['deploy/overlays/prod/resources.yaml', 11, 19]);
    assert.equal(c.memoryRequest?.value, 2 ** 30);
    assert.deepEqual(pos(c.memoryRequest), ['deploy/overlays/prod/resources.yaml', 12, 22]);
    assert.equal(c.cpuLimit?.value, 1);
    assert.deepEqual(pos(c.cpuLimit), [base, 30, 19]);
    assert.equal(c.memoryLimit?.value, 512 * 2 ** 20);
  });

  it('prod: an inline strategic-merge patch raises the HPA maximum, located inside the literal block', () => {
    const a = environment(api, 'prod').capacity.autoscaling!;
    assert.equal(a.name, 'api');
    assert.equal(a.minReplicas?.value, 2);
    assert.deepEqual(pos(a.minReplicas), [base, 42, 15]);
    assert.equal(a.maxReplicas?.value, 20);
    assert.deepEqual(pos(a.maxReplicas), [prodK, 22, 21]);
    assert.equal(a.targetCpuUtilization?.value, 75);
  });

  it('prod: the overlay namespace applies; the workload keeps its name', () => {
    const prod = environment(api, 'prod');
    assert.equal(prod.namespace, 'shop-prod');
    assert.equal(prod.workload, 'api');
  });

  it('staging: JSON 6902 operations set replicas and a container limit by index; namePrefix renames the workload and its HPA target', () => {
    const s = environment(api, 'staging');
    assert.equal(s.capacity.replicas?.value, 1);
    assert.deepEqual(pos(s.capacity.replicas), [stagingK, 10, 15]);
    assert.equal(s.capacity.memoryLimit?.value, 384 * 2 ** 20);
    assert.deepEqual(pos(s.capacity.memoryLimit), [stagingK, 13, 15]);
    assert.equal(s.capacity.cpuRequest?.value, 0.25, 'untouched fields come from the base');
    assert.equal(s.workload, 'staging-api');
    assert.equal(s.capacity.autoscaling?.maxReplicas?.value, 6, 'the renamed HPA still targets the renamed Deployment');
  });

  it('the production view is the prod overlay (never filled from staging)', () => {
    assert.equal(api.capacity.replicas?.value, 4);
    assert.equal(api.capacity.autoscaling?.maxReplicas?.value, 20);
    assert.equal(api.workload, 'api');
    assert.equal(api.namespace, 'shop-prod');
  });

  it('env: envFrom ConfigMap keys and configMapKeyRef values, located in the ConfigMap; pool size and timeout recognised', () => {
    assert.equal(api.env.DB_POOL_SIZE?.value, '10');
    assert.deepEqual(pos(api.env.DB_POOL_SIZE), [base, 57, 16]);
    assert.equal(api.env.REQUEST_TIMEOUT_MS?.value, '2500');
    assert.deepEqual(pos(api.env.REQUEST_TIMEOUT_MS), [base, 58, 14]);
    const settings = api.capacity.settings?.map((s) => [s.kind, s.name, s.value]);
    // envFrom makes every ConfigMap key a variable, `timeout_ms` included (a bare number of a *_ms name: milliseconds).
    assert.deepEqual(settings, [
      ['poolSize', 'DB_POOL_SIZE', 10],
      ['timeout', 'timeout_ms', 2.5],
      ['timeout', 'REQUEST_TIMEOUT_MS', 2.5],
    ]);
  });

  it('links the code by the image name (after the overlay retags it) to the one folder named like it holding a Dockerfile', () => {
    assert.equal(api.codeRoots.length, 1);
    assert.equal(api.codeRoots[0].root, 'services/api');
    assert.equal(api.codeRoots[0].confidence, 'medium');
    assert.match(api.codeRoots[0].reason, /^image registry\.example\.com\/shop\/api:1\.4 \(deploy\/base\/api\.yaml:16\) is named like folder services\/api, which holds a Dockerfile$/);
  });

  it('lists the recipes that make the service: base objects once, overlay lines that change it', () => {
    assert.deepEqual(
      api.recipes.map((r) => [r.kind, r.location.file, r.location.range.start.line]),
      [
        ['kubernetes/Deployment', base, 3],
        ['kubernetes/HorizontalPodAutoscaler', base, 36],
        ['kubernetes/ConfigMap', base, 55],
        ['kustomize/patch', prodK, 12],
        ['kustomize/patch', prodK, 13],
        ['kustomize/replicas', prodK, 7],
        ['kustomize/patch', stagingK, 4],
      ],
    );
  });
});

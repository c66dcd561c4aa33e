import assert from 'node:assert/strict';
import type { EnvironmentModel } from '../../../src/core/model/environment';
import { environment, modelOf, pos, service } from './support';

describe('Helm values (fixture recipes-helm): scaffold names, per-component values, values-<env>.yaml layered over values.yaml', () => {
  let model: EnvironmentModel;
  const values = 'charts/shop/values.yaml';
  const prod = 'charts/shop/values-prod.yaml';
  before(async () => {
    model = await modelOf('recipes-helm');
  });

  it('never parses the chart templates: no problem, no service from them', () => {
    assert.deepEqual(model.problems, []);
    for (const s of model.services) for (const r of s.recipes) assert.doesNotMatch(r.location.file, /templates\//);
  });

  it('names the top-level service after the chart and a component after its `name:`', () => {
    assert.deepEqual(model.services.map((s) => s.name), ['shop', 'shop-worker']);
  });

  it('default: replicaCount and resources at their lines; autoscaling disabled is not autoscaling', () => {
    const d = environment(service(model, 'shop'), 'default', 'helm');
    assert.equal(d.definedIn, values);
    assert.equal(d.capacity.replicas?.value, 2);
    assert.deepEqual(pos(d.capacity.replicas), [values, 1, 14]);
    assert.equal(d.capacity.autoscaling, undefined);
    assert.equal(d.capacity.cpuRequest?.value, 0.1);
    assert.deepEqual(pos(d.capacity.cpuRequest), [values, 15, 9]);
    assert.equal(d.capacity.memoryLimit?.value, 256 * 2 ** 20);
    assert.deepEqual(pos(d.capacity.memoryLimit), [values, 19, 12]);
    assert.equal(d.env.DB_POOL_MAX?.value, '5');
    assert.deepEqual(d.capacity.settings?.map((s) => [s.kind, s.value]), [['poolSize', 5]]);
  });

  it('prod: values-prod.yaml enables autoscaling and raises the CPU request; the rest comes from values.yaml, each at its own line', () => {
    const shop = service(model, 'shop');
    const p = environment(shop, 'prod', 'helm');
    assert.equal(p.definedIn, prod);
    const a = p.capacity.autoscaling!;
    assert.deepEqual([a.minReplicas?.value, a.maxReplicas?.value, a.targetCpuUtilization?.value], [3, 12, 65]);
    assert.deepEqual(pos(a.maxReplicas), [prod, 3, 15]);
    assert.equal(p.capacity.replicas, undefined, 'with autoscaling on, the scaffold leaves replicas to the HPA');
    assert.equal(p.capacity.cpuRequest?.value, 1);
    assert.deepEqual(pos(p.capacity.cpuRequest), [prod, 8, 9]);
    assert.equal(p.capacity.memoryRequest?.value, 128 * 2 ** 20);
    assert.deepEqual(pos(p.capacity.memoryRequest), [values, 16, 12]);
    // The production view is prod.
    assert.equal(shop.environments?.[0], p);
    assert.equal(shop.capacity.autoscaling?.maxReplicas?.value, 12);
  });

  it('a component keyed in values (worker) gets its own environments', () => {
    const w = service(model, 'shop-worker');
    assert.equal(environment(w, 'default').capacity.replicas?.value, 1);
    assert.equal(environment(w, 'prod').capacity.replicas?.value, 4);
    assert.deepEqual(pos(environment(w, 'prod').capacity.replicas), [prod, 11, 16]);
    assert.equal(environment(w, 'prod').capacity.cpuRequest?.value, 0.05);
  });

  it('links the chart service by image.repository to the folder named like the image', () => {
    const link = service(model, 'shop').codeRoots[0];
    assert.equal(link.root, 'shop');
    assert.equal(link.confidence, 'medium');
  });
});

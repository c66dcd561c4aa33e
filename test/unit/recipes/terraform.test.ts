import assert from 'node:assert/strict';
import type { EnvironmentModel } from '../../../src/core/model/environment';
import { HclParser } from '../../../src/core/recipes/hcl';
import { environment, modelOf, modelOfFiles, pos, service } from './support';

describe('Terraform (fixture recipes-terraform): ECS, autoscaling, ASG, RDS, with *.tfvars resolved', () => {
  let model: EnvironmentModel;
  const main = 'infra/main.tf';
  before(async () => {
    model = await modelOf('recipes-terraform');
  });

  it('loads the HCL grammar on the shared tree-sitter runtime', async () => {
    assert.ok(await HclParser.load());
  });

  it('reads without problems: one service per ECS service, autoscaling group and database', () => {
    assert.deepEqual(model.problems, []);
    assert.deepEqual(model.services.map((s) => s.name), ['batch', 'orders', 'orders-db', 'reports-db']);
  });

  it('ECS service: desired_count from terraform.tfvars (at the tfvars line), task cpu units and MiB', () => {
    const d = environment(service(model, 'orders'), 'default', 'terraform');
    assert.equal(d.capacity.replicas?.value, 3);
    assert.deepEqual(pos(d.capacity.replicas), ['infra/terraform.tfvars', 0, 16]);
    assert.equal(d.capacity.cpuRequest?.value, 0.5, '512 CPU units = 0.5 vCPU');
    assert.deepEqual(pos(d.capacity.cpuRequest), [main, 1, 14], 'through local.cpu_units');
    assert.equal(d.capacity.memoryLimit?.value, 1024 * 2 ** 20);
    assert.deepEqual(pos(d.capacity.memoryLimit), [main, 7, 11]);
    assert.equal(d.capacity.memoryRequest?.value, 768 * 2 ** 20, 'the container memoryReservation');
  });

  it('ECS autoscaling: target found through resource_id, policy CPU target, max from the variable default', () => {
    const a = environment(service(model, 'orders'), 'default').capacity.autoscaling!;
    assert.equal(a.name, 'orders');
    assert.equal(a.minReplicas?.value, 3);
    assert.equal(a.maxReplicas?.value, 4);
    assert.deepEqual(pos(a.maxReplicas), ['infra/variables.tf', 6, 12]);
    assert.equal(a.targetCpuUtilization?.value, 60);
  });

  it('prod.tfvars makes a prod environment, which is the production view', () => {
    const orders = service(model, 'orders');
    const p = environment(orders, 'prod', 'terraform');
    assert.equal(p.capacity.replicas?.value, 6);
    assert.deepEqual(pos(p.capacity.replicas), ['infra/prod.tfvars', 0, 16]);
    assert.equal(p.capacity.autoscaling?.maxReplicas?.value, 24);
    assert.equal(orders.environments?.[0], p);
  });

  it('container env from jsonencode([...]) at exact lines; pool size and timeout recognised', () => {
    const orders = service(model, 'orders');
    assert.equal(orders.env.PG_POOL_MAX?.value, '15');
    assert.deepEqual(pos(orders.env.PG_POOL_MAX), [main, 14, 40]);
    assert.deepEqual(orders.capacity.settings?.map((s) => [s.kind, s.name, s.value]), [
      ['poolSize', 'PG_POOL_MAX', 15],
      ['timeout', 'HTTP_TIMEOUT', 30],
    ]);
  });

  it('links the ECS service by its image name to the Dockerfile folder', () => {
    assert.equal(service(model, 'orders').codeRoots[0]?.root, 'services/orders');
  });

  it('autoscaling group: min/max/desired; a templated name leaves the label as the service name', () => {
    const b = service(model, 'batch').capacity;
    assert.deepEqual([b.replicas?.value, b.autoscaling?.minReplicas?.value, b.autoscaling?.maxReplicas?.value], [2, 1, 8]);
  });

  it('RDS: max_connections from the parameter group; otherwise the RDS default for the instance class, named as such', () => {
    const db = service(model, 'orders-db').capacity;
    assert.deepEqual(db.settings?.map((s) => [s.kind, s.name, s.value]), [['maxConnections', 'max_connections', 400]]);
    assert.equal(db.memoryLimit?.value, 16 * 2 ** 30);
    const reports = service(model, 'reports-db').capacity.settings![0];
    assert.equal(reports.value, Math.floor(2 ** 30 / 9531392));
    assert.match(reports.name, /RDS default for db\.t3\.micro/);
  });

  it('a syntax error is one problem at its line; the good blocks of the file are still read', async () => {
    const m = await modelOfFiles({
      'tf/main.tf': 'resource "aws_ecs_service" "a" {\n  desired_count = 2\n}\n\nresource "aws_ecs_service" "b" {\n  desired_count = = 3\n}\n',
    });
    assert.equal(m.problems.length, 1);
    assert.equal(m.problems[0].location.file, 'tf/main.tf');
    assert.equal(m.problems[0].location.range.start.line, 5);
    assert.match(m.problems[0].message, /^Invalid HCL/);
    assert.equal(service(m, 'a').capacity.replicas?.value, 2);
  });
});

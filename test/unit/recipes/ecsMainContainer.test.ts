import assert from 'node:assert/strict';
import { modelOfFiles, service } from './support';

/**
 * tracecat's ECS tasks: a migration container listed first (`essential = false`, run to completion before the api
 * through `dependsOn`). The service runs the essential container that serves, whose image links its code and whose
 * environment is the service's.
 */
describe('Terraform ECS task with a set-up container listed first', () => {
  const task = (containers: string) =>
    [
      'resource "aws_ecs_task_definition" "api" {',
      '  family = "api"',
      '  container_definitions = jsonencode([',
      containers,
      '  ])',
      '}',
      '',
      'resource "aws_ecs_service" "api" {',
      '  name            = "orders"',
      '  task_definition = aws_ecs_task_definition.api.arn',
      '  desired_count   = 2',
      '}',
      '',
    ].join('\n');
  const migrations = '    { name = "migrations", image = "acme/migrations:1.0", essential = false, environment = [{ name = "MIGRATIONS_ONLY", value = "1" }] },';
  const api = '    { name = "api", image = "acme/api:1.0", essential = true, portMappings = [{ containerPort = 8000 }], environment = [{ name = "DATABASE_URL", value = "postgres://db/api" }] },';
  const code = { 'api/Dockerfile': 'FROM python:3.12\nCOPY . .\n', 'api/main.py': 'print(1)\n' };

  it('reads the essential container that maps a port: its image, its code, its environment', async () => {
    const m = await modelOfFiles({ 'deploy/ecs.tf': task([migrations, api].join('\n')), ...code });
    const orders = service(m, 'orders');
    assert.deepEqual(orders.codeRoots.map((l) => l.root), ['api']);
    const env = Object.keys(orders.env);
    assert.ok(env.includes('DATABASE_URL') && !env.includes('MIGRATIONS_ONLY'), env.join());
  });

  it('without ports, the first essential one (ECS reads a missing `essential` as true); with one container, that one', async () => {
    const sidecarFirst = '    { name = "log", image = "acme/migrations:1.0", essential = false },\n    { name = "api", image = "acme/api:1.0" },';
    assert.deepEqual(service(await modelOfFiles({ 'deploy/ecs.tf': task(sidecarFirst), ...code }), 'orders').codeRoots.map((l) => l.root), ['api']);
    const one = '    { name = "api", image = "acme/api:1.0", essential = false },';
    assert.deepEqual(service(await modelOfFiles({ 'deploy/ecs.tf': task(one), ...code }), 'orders').codeRoots.map((l) => l.root), ['api']);
  });

  it('not an agent or proxy that maps a port beside the app (datadog, nginx in front)', async () => {
    const datadog = '    { name = "worker", image = "acme/api:1.0" },\n    { name = "datadog", image = "public.ecr.aws/datadog/agent:7", portMappings = [{ containerPort = 8126 }] },';
    assert.deepEqual(service(await modelOfFiles({ 'deploy/ecs.tf': task(datadog), ...code }), 'orders').codeRoots.map((l) => l.root), ['api']);
    const nginx = '    { name = "app", image = "acme/api:1.0" },\n    { name = "proxy", image = "nginx:1.27-alpine", portMappings = [{ containerPort = 80 }] },';
    assert.deepEqual(service(await modelOfFiles({ 'deploy/ecs.tf': task(nginx), ...code }), 'orders').codeRoots.map((l) => l.root), ['api']);
  });
});

import * as assert from 'node:assert/strict';
import { patchForRequest } from '../../../src/core/changes/recipePatcher';
import { patchTomlValue } from '../../../src/core/changes/tomlPatch';
import { assertInsertedAfter, assertOnlyChanged, refusal, request, service, target, workspace } from './support';

describe('changes: Terraform (HCL via tree-sitter) and fly.toml are patched byte for byte', () => {
  describe('Terraform', () => {
    it('changes a literal in place, keeping its comment, and keeps quotes on a quoted number', async () => {
      const ws = await workspace('terraform');
      const api = service(ws.model, 'api');
      const count = (await patchForRequest(request(api, 'prod', await target(ws.texts, api, 'prod', 'replicas'), '5'), ws.texts))!;
      assertOnlyChanged(ws.read('main.tf'), count.after, 3, '= 3 #', '= 5 #');
      assert.equal(count.path, 'resource.aws_ecs_service.api.desired_count');
      const mem = (await patchForRequest(request(api, 'prod', await target(ws.texts, api, 'prod', 'memoryRequest'), '2048'), ws.texts))!;
      assertOnlyChanged(ws.read('main.tf'), mem.after, 10, '"1024"', '"2048"');
      const max = (await patchForRequest(request(api, 'prod', await target(ws.texts, api, 'prod', 'maxReplicas'), '10'), ws.texts))!;
      assertOnlyChanged(ws.read('main.tf'), max.after, 22, '= 8', '= 10');
    });

    it('changes var.api_cpu in the .tfvars file that sets it for prod', async () => {
      const ws = await workspace('terraform');
      const api = service(ws.model, 'api');
      const t = await target(ws.texts, api, 'prod', 'cpuRequest');
      assert.equal(t.current?.location.file, 'env/prod.tfvars');
      assert.equal(t.current?.display, '1024 (1 core)');
      const cpu = (await patchForRequest(request(api, 'prod', t, '2048'), ws.texts))!;
      assert.equal(cpu.file, 'env/prod.tfvars');
      assertOnlyChanged(ws.read('env/prod.tfvars'), cpu.after, 1, '1024', '2048');
    });

    it('adds the variable to staging.tfvars rather than changing the default every environment shares', async () => {
      const ws = await workspace('terraform');
      const api = service(ws.model, 'api');
      const t = await target(ws.texts, api, 'staging', 'cpuRequest');
      assert.equal(t.current?.location.file, 'variables.tf');
      const cpu = (await patchForRequest(request(api, 'staging', t, '768'), ws.texts))!;
      assert.equal(cpu.file, 'env/staging.tfvars');
      assert.equal(cpu.after, `${ws.read('env/staging.tfvars')}api_cpu = 768\n`);
      assert.match(cpu.note ?? '', /default of var\.api_cpu|did not set/);
    });

    it('refuses the default of a variable when the environment has no .tfvars of its own, and a shared local', async () => {
      const ws = await workspace('terraform');
      const api = service(ws.model, 'api');
      const r = await refusal(async () => patchForRequest(request(api, 'default', await target(ws.texts, api, 'default', 'cpuRequest'), '768'), ws.texts));
      assert.equal(r.code, 'not-patchable');
      assert.equal(r.offerFreeText, true);
      assert.match(r.message, /default of var\.api_cpu/);
      const local = await refusal(async () => patchForRequest(request(api, 'prod', await target(ws.texts, api, 'prod', 'minReplicas'), '3'), ws.texts));
      assert.match(local.message, /local\.min_tasks, which the whole module shares/);
    });

    it('follows a var.x written at the value to the .tfvars of the environment', async () => {
      const ws = await workspace('terraform');
      const api = service(ws.model, 'api');
      const at = { file: 'main.tf', range: { start: { line: 9, character: 11 }, end: { line: 9, character: 22 } } };
      assert.equal(ws.read('main.tf').split('\n')[9].slice(11, 22), 'var.api_cpu');
      const t = { kind: 'cpuRequest' as const, label: 'CPU request', unit: 'cores' as const, dialect: 'terraform' as const, current: { raw: 'var.api_cpu', display: '', location: at } };
      const prod = (await patchForRequest(request(api, 'prod', t, '4096'), ws.texts))!;
      assert.equal(prod.file, 'env/prod.tfvars');
      assertOnlyChanged(ws.read('env/prod.tfvars'), prod.after, 1, '1024', '4096');
      assert.match(prod.note ?? '', /main\.tf:10 reads var\.api_cpu; this environment sets it in env\/prod\.tfvars/);
      const none = await refusal(() => patchForRequest(request(api, 'default', t, '4096'), ws.texts));
      assert.match(none.message, /comes from var\.api_cpu, and no \.tfvars file of this environment sets it/);
    });

    it('refuses an expression that is not a literal', async () => {
      const ws = await workspace('terraform');
      const api = service(ws.model, 'api');
      const fake = { kind: 'replicas' as const, label: 'Replicas', unit: 'count' as const, dialect: 'terraform' as const, current: { raw: 'aws_ecs_task_definition.api.arn', display: '', location: { file: 'main.tf', range: { start: { line: 4, character: 20 }, end: { line: 4, character: 51 } } } } };
      const r = await refusal(() => patchForRequest(request(api, 'prod', fake, '5'), ws.texts));
      assert.match(r.message, /an expression, not a literal/);
    });
  });

  describe('fly.toml', () => {
    it('changes min_machines_running keeping its comment, a nested table value, and single-quoted memory', async () => {
      const ws = await workspace('fly');
      const web = service(ws.model, 'shop-web');
      const min = (await patchForRequest(request(web, 'fly', await target(ws.texts, web, 'fly', 'minReplicas'), '3'), ws.texts))!;
      assertOnlyChanged(ws.read('fly.toml'), min.after, 13, '= 2 #', '= 3 #');
      assert.equal(min.path, 'http_service.min_machines_running');
      const soft = (await patchForRequest(request(web, 'fly', await target(ws.texts, web, 'fly', 'setting', 'Concurrency limit soft_limit (requests)'), '240'), ws.texts))!;
      assertOnlyChanged(ws.read('fly.toml'), soft.after, 16, '200', '240');
      assert.equal(soft.path, 'http_service.concurrency.soft_limit');
      const mem = (await patchForRequest(request(web, 'fly', await target(ws.texts, web, 'fly', 'memoryLimit'), '2gb'), ws.texts))!;
      assertOnlyChanged(ws.read('fly.toml'), mem.after, 21, "'1gb'", "'2gb'");
      assert.equal(mem.path, 'vm[0].memory');
    });

    it('changes and adds [env] values as strings', async () => {
      const ws = await workspace('fly');
      const web = service(ws.model, 'shop-web');
      const workers = (await patchForRequest(request(web, 'fly', await target(ws.texts, web, 'fly', 'setting', 'Workers WEB_CONCURRENCY'), '8'), ws.texts))!;
      assertOnlyChanged(ws.read('fly.toml'), workers.after, 9, '"4"', '"8"');
      const add = await target(ws.texts, web, 'fly', 'env', 'Add an environment variable');
      const added = (await patchForRequest(request(web, 'fly', { ...add, envName: 'CACHE_TTL' }, '300'), ws.texts))!;
      assertInsertedAfter(ws.read('fly.toml'), added.after, 9, ['  CACHE_TTL = "300"']);
    });

    it('refuses arrays and multi-line strings', async () => {
      const text = 'app = "x"\nports = [80, 443]\nnote = """\nhi\n"""\n';
      await refusal(async () => patchTomlValue('fly.toml', text, { line: 1, character: 8 }, '8080', 'number'));
      await refusal(async () => patchTomlValue('fly.toml', text, { line: 2, character: 7 }, 'x', 'string'));
    });
  });
});

import * as assert from 'node:assert/strict';
import { patchForRequest } from '../../../src/core/changes/recipePatcher';
import { addYamlEnv, patchYamlValue } from '../../../src/core/changes/yamlPatch';
import { assertInsertedAfter, assertOnlyChanged, refusal, request, service, target, workspace } from './support';

describe('changes: YAML recipes are patched byte for byte (yaml Document API positions)', () => {
  describe('Kubernetes manifests (multi-document)', () => {
    it('raises the autoscaler maximum in the third document, keeping the aligned comment after it', async () => {
      const ws = await workspace('k8s');
      const orders = service(ws.model, 'orders');
      const t = await target(ws.texts, orders, 'default', 'maxReplicas');
      assert.equal(t.current?.raw, '10');
      const patch = (await patchForRequest(request(orders, 'default', t, '14'), ws.texts))!;
      assert.equal(patch.path, '(document 2) spec.maxReplicas');
      assertOnlyChanged(ws.read('k8s/orders.yaml'.slice(4)), patch.after, 50, 'maxReplicas: 10 ', 'maxReplicas: 14 ');
      assert.match(patch.after.split('\n')[50], /^ {2}maxReplicas: 14 {4}# raised in March after the sale$/);
    });

    it('keeps double quotes on a quoted CPU limit and plain style on a plain memory request', async () => {
      const ws = await workspace('k8s');
      const orders = service(ws.model, 'orders');
      const limit = (await patchForRequest(request(orders, 'default', await target(ws.texts, orders, 'default', 'cpuLimit'), '1500m'), ws.texts))!;
      assertOnlyChanged(ws.read('orders.yaml'), limit.after, 36, '"1"', '"1500m"');
      assert.equal(limit.path, '(document 1) spec.template.spec.containers[0].resources.limits.cpu');
      const mem = (await patchForRequest(request(orders, 'default', await target(ws.texts, orders, 'default', 'memoryRequest'), '768Mi'), ws.texts))!;
      assertOnlyChanged(ws.read('orders.yaml'), mem.after, 34, '512Mi', '768Mi');
    });

    it('keeps an env value a string: "20" stays double-quoted, \'5000\' single-quoted, and plain info becomes "20" rather than a number', async () => {
      const ws = await workspace('k8s');
      const orders = service(ws.model, 'orders');
      const pool = (await patchForRequest(request(orders, 'default', await target(ws.texts, orders, 'default', 'setting', 'Pool size PG_POOL_MAX'), '40'), ws.texts))!;
      assertOnlyChanged(ws.read('orders.yaml'), pool.after, 23, '"20"', '"40"');
      assert.match(pool.after.split('\n')[23], /"40" {3}# per pod; the database allows 200$/);
      const timeout = (await patchForRequest(request(orders, 'default', await target(ws.texts, orders, 'default', 'setting', 'Timeout REQUEST_TIMEOUT_MS'), '8000'), ws.texts))!;
      assertOnlyChanged(ws.read('orders.yaml'), timeout.after, 25, "'5000'", "'8000'");
      const level = (await patchForRequest(request(orders, 'default', await target(ws.texts, orders, 'default', 'env', 'env LOG_LEVEL'), '20'), ws.texts))!;
      assertOnlyChanged(ws.read('orders.yaml'), level.after, 27, 'info', '"20"');
    });

    it('adds an environment variable after the last entry, in the list\'s own indentation, even after a flow-style valueFrom', async () => {
      const ws = await workspace('k8s');
      const orders = service(ws.model, 'orders');
      const add = await target(ws.texts, orders, 'default', 'env', 'Add an environment variable');
      const patch = (await patchForRequest(request(orders, 'default', { ...add, envName: 'CACHE_TTL' }, '300'), ws.texts))!;
      assertInsertedAfter(ws.read('orders.yaml'), patch.after, 30, ['              - name: CACHE_TTL', '                value: "300"']);
    });

    it('refuses a value shared through an anchor, naming the line that shares it', async () => {
      const ws = await workspace('k8s');
      const mailer = service(ws.model, 'mailer');
      const r = await refusal(() => patchForRequest(request(mailer, 'default', { kind: 'cpuRequest', label: 'CPU request', unit: 'cores', dialect: 'kubernetes', current: { raw: '100m', display: '', location: mailer.capacity.cpuRequest!.location } }, '200m'), ws.texts));
      assert.equal(r.code, 'shared-value');
      assert.equal(r.offerFreeText, true);
      assert.match(r.message, /anchor &small, which line 37 also uses/);
    });

    it('refuses a templated value and offers a free-text request', async () => {
      const ws = await workspace('k8s');
      const notifier = service(ws.model, 'notifier');
      const r = await refusal(async () => patchForRequest(request(notifier, 'default', await target(ws.texts, notifier, 'default', 'env', 'env TEMPLATE'), 'plain'), ws.texts));
      assert.equal(r.code, 'not-patchable');
      assert.equal(r.offerFreeText, true);
      assert.match(r.message, /template or variable reference/);
    });

    it('refuses a position that no longer holds a value (the recipe changed under the request)', async () => {
      const ws = await workspace('k8s');
      const r = await refusal(() => patchYamlValue('orders.yaml', ws.read('orders.yaml'), { line: 50, character: 3 }, '14', 'number'));
      assert.equal(r.code, 'not-patchable');
      assert.match(r.message, /orders\.yaml:51 no longer holds a value/);
    });

    it('refuses a file with YAML errors instead of guessing', async () => {
      const r = await refusal(() => patchYamlValue('broken.yaml', 'a: [1, 2\nb: 3\n', { line: 1, character: 3 }, '4', 'number'));
      assert.match(r.message, /YAML error at line/);
    });

    it('keeps CRLF line endings', () => {
      const before = 'spec:\r\n  replicas: 2 # two\r\n  env:\r\n    - name: A\r\n      value: "1"\r\n';
      const p = patchYamlValue('crlf.yaml', before, { line: 1, character: 12 }, '5', 'number');
      assert.equal(p.after, before.replace('replicas: 2', 'replicas: 5'));
      const add = addYamlEnv('crlf.yaml', before, { line: 4, character: 13 }, 'B', 'x');
      assert.equal(add.after, before.replace('value: "1"\r\n', 'value: "1"\r\n    - name: B\r\n      value: "x"\r\n'));
    });
  });

  describe('Kustomize overlays', () => {
    it('patches the overlay\'s replicas count, its patch file, and a value inside an inline patch block', async () => {
      const ws = await workspace('kustomize');
      const catalog = service(ws.model, 'catalog');
      const replicas = (await patchForRequest(request(catalog, 'prod', await target(ws.texts, catalog, 'prod', 'replicas'), '6'), ws.texts))!;
      assert.equal(replicas.file, 'overlays/prod/kustomization.yaml');
      assertOnlyChanged(ws.read('overlays/prod/kustomization.yaml'), replicas.after, 7, 'count: 4', 'count: 6');

      const cpu = (await patchForRequest(request(catalog, 'prod', await target(ws.texts, catalog, 'prod', 'cpuRequest'), '600m'), ws.texts))!;
      assert.equal(cpu.file, 'overlays/prod/resources.yaml');
      assertOnlyChanged(ws.read('overlays/prod/resources.yaml'), cpu.after, 12, '400m', '600m');
      const mem = (await patchForRequest(request(catalog, 'prod', await target(ws.texts, catalog, 'prod', 'memoryRequest'), '512Mi'), ws.texts))!;
      assertOnlyChanged(ws.read('overlays/prod/resources.yaml'), mem.after, 13, '"384Mi"', '"512Mi"');

      const inline = (await patchForRequest(request(catalog, 'prod', await target(ws.texts, catalog, 'prod', 'memoryLimit'), '1Gi'), ws.texts))!;
      assert.equal(inline.file, 'overlays/prod/kustomization.yaml');
      assertOnlyChanged(ws.read('overlays/prod/kustomization.yaml'), inline.after, 25, '768Mi', '1Gi');
      assert.match(inline.path, /patches\[1\]\.patch → spec\.template\.spec\.containers\[0\]\.resources\.limits\.memory/);
    });
  });

  describe('Helm values', () => {
    it('patches the production values file where it overrides, keeping comments and quotes', async () => {
      const ws = await workspace('helm');
      const shop = service(ws.model, 'shop');
      const max = (await patchForRequest(request(shop, 'prod', await target(ws.texts, shop, 'prod', 'maxReplicas'), '16'), ws.texts))!;
      assert.equal(max.file, 'shop/values-prod.yaml');
      assertOnlyChanged(ws.read('shop/values-prod.yaml'), max.after, 3, '12', '16');
      const cpu = (await patchForRequest(request(shop, 'prod', await target(ws.texts, shop, 'prod', 'cpuRequest'), '0.75'), ws.texts))!;
      assertOnlyChanged(ws.read('shop/values-prod.yaml'), cpu.after, 6, '"0.5"', '"0.75"');
    });

    it('says when the production value is inherited from values.yaml, which the default environment shares', async () => {
      const ws = await workspace('helm');
      const shop = service(ws.model, 'shop');
      const min = await target(ws.texts, shop, 'prod', 'minReplicas');
      assert.equal(min.current?.location.file, 'shop/values.yaml');
      assert.match(min.sharedNote ?? '', /Set in shop\/values\.yaml:16, which default also uses/);
    });

    it('refuses the worker\'s resources, which come from the &defaultResources anchor', async () => {
      const ws = await workspace('helm');
      const worker = service(ws.model, 'worker');
      const r = await refusal(async () => patchForRequest(request(worker, 'default', await target(ws.texts, worker, 'default', 'cpuRequest'), '300m'), ws.texts));
      assert.equal(r.code, 'shared-value');
      assert.match(r.message, /&defaultResources/);
    });

    it('adds a variable to an env map in the style of its neighbour (single quotes)', async () => {
      const ws = await workspace('helm');
      const shop = service(ws.model, 'shop');
      const add = await target(ws.texts, shop, 'default', 'env', 'Add an environment variable');
      const patch = (await patchForRequest(request(shop, 'default', { ...add, envName: 'CACHE_TTL' }, '300'), ws.texts))!;
      assertInsertedAfter(ws.read('shop/values.yaml'), patch.after, 28, ["  CACHE_TTL: '300'"]);
    });
  });

  describe('Compose', () => {
    it('keeps single quotes on cpus and plain style on memory', async () => {
      const ws = await workspace('compose');
      const api = service(ws.model, 'api');
      const cpus = (await patchForRequest(request(api, 'compose', await target(ws.texts, api, 'compose', 'cpuLimit'), '1.5'), ws.texts))!;
      assertOnlyChanged(ws.read('compose.yaml'), cpus.after, 17, "'1.0'", "'1.5'");
      const mem = (await patchForRequest(request(api, 'compose', await target(ws.texts, api, 'compose', 'memoryLimit'), '2G'), ws.texts))!;
      assertOnlyChanged(ws.read('compose.yaml'), mem.after, 18, '1G', '2G');
    });

    it('refuses the worker\'s limits merged in from x-defaults (<<: *defaults)', async () => {
      const ws = await workspace('compose');
      const worker = service(ws.model, 'worker');
      const r = await refusal(async () => patchForRequest(request(worker, 'compose', await target(ws.texts, worker, 'compose', 'cpuLimit'), '1'), ws.texts));
      assert.equal(r.code, 'shared-value');
      assert.match(r.message, /anchor &defaults, which line 24 also uses/);
    });

    it('adds to a KEY=value list as KEY=value, and changes a quoted number in a map', async () => {
      const ws = await workspace('compose');
      const worker = service(ws.model, 'worker');
      const add = await target(ws.texts, worker, 'compose', 'env', 'Add an environment variable');
      const patch = (await patchForRequest(request(worker, 'compose', { ...add, envName: 'RETRIES' }, '3'), ws.texts))!;
      assertInsertedAfter(ws.read("compose.yaml"), patch.after, 27, ['      - RETRIES=3']);
      const api = service(ws.model, 'api');
      const pool = (await patchForRequest(request(api, 'compose', await target(ws.texts, api, 'compose', 'setting', 'Pool size PG_POOL_MAX'), '30'), ws.texts))!;
      assertOnlyChanged(ws.read('compose.yaml'), pool.after, 21, '"20"', '"30"');
    });
  });
});

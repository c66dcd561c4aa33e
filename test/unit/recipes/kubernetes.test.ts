import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recipeFormatOf } from '../../../src/core/recipes/discovery';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';
import { readKubernetes } from '../../../src/core/recipes/kubernetes';
import { emptyRecipeSet, type RecipeSet } from '../../../src/core/recipes/recipeTypes';
import { YamlSource } from '../../../src/core/recipes/yamlSource';
import type { FileSystem } from '../../../src/core/host/fileSystem';
import type { Range } from '../../../src/core/model/location';

const FIXTURES = join(__dirname, '../../fixtures/recipes/k8s');

function fixture(name: string): YamlSource {
  return new YamlSource(`deploy/${name}`, readFileSync(join(FIXTURES, name), 'utf8'));
}

function read(src: YamlSource): RecipeSet {
  const set = emptyRecipeSet();
  readKubernetes(src, set);
  return set;
}

/** [startLine, startChar, endLine, endChar], 0-based. */
function span(r: Range | undefined): [number, number, number, number] | undefined {
  return r && [r.start.line, r.start.character, r.end.line, r.end.character];
}

function memoryFs(files: Record<string, string>): FileSystem {
  return {
    readText: async (f) => {
      if (!(f in files)) throw new Error(`ENOENT ${f}`);
      return files[f];
    },
    listFiles: async () => Object.keys(files).sort(),
  };
}

describe('YamlSource + Kubernetes reader', () => {
  describe('a multi-document file (Deployment, ConfigMap, HPA v2, Service)', () => {
    const src = fixture('multi.yaml');
    const set = read(src);

    it('parses all four documents with no problems', () => {
      assert.equal(src.documents.length, 4);
      assert.deepEqual(src.problems, []);
    });

    it('reads the Deployment with its name, namespace, app label and position of the name', () => {
      assert.equal(set.workloads.length, 1);
      const w = set.workloads[0];
      assert.equal(w.kind, 'Deployment');
      assert.equal(w.name, 'orders-api');
      assert.equal(w.namespace, 'shop');
      assert.equal(w.appLabel, 'orders');
      assert.equal(w.location.file, 'deploy/multi.yaml');
      assert.deepEqual(span(w.location.range), [4, 8, 4, 18]);
    });

    it('reads replicas with the position of its value', () => {
      const r = set.workloads[0].replicas!;
      assert.equal(r.value, 3);
      assert.deepEqual(span(r.location.range), [7, 12, 7, 13]);
    });

    it('reads both containers, in order, and the main container resources with their positions', () => {
      const [proxy, main] = set.workloads[0].containers;
      assert.equal(proxy.name, 'istio-proxy');
      assert.equal(proxy.cpuRequest, undefined);
      assert.equal(main.name, 'orders');
      assert.equal(main.image?.value, 'ghcr.io/example/orders:1.0');
      assert.equal(main.cpuRequest?.value, 0.25);
      assert.deepEqual(span(main.cpuRequest?.location.range), [26, 19, 26, 23]);
      assert.equal(main.memoryRequest?.value, 512 * 2 ** 20);
      assert.deepEqual(span(main.memoryRequest?.location.range), [27, 22, 27, 27]);
      assert.equal(main.cpuLimit?.value, 1.5);
      assert.deepEqual(span(main.cpuLimit?.location.range), [29, 19, 29, 24]);
      assert.equal(main.memoryLimit?.value, 2 ** 30);
      assert.deepEqual(span(main.memoryLimit?.location.range), [30, 22, 30, 25]);
    });

    it('reads env: literal values, and valueFrom variables without a value at their name', () => {
      const env = set.workloads[0].containers[1].env;
      assert.deepEqual(Object.keys(env), ['PG_POOL_MAX', 'DATABASE_URL']);
      assert.equal(env.PG_POOL_MAX.value, '20');
      assert.deepEqual(span(env.PG_POOL_MAX.location.range), [20, 21, 20, 25]);
      assert.equal(env.DATABASE_URL.value, undefined);
      assert.deepEqual(span(env.DATABASE_URL.location.range), [21, 20, 21, 32]);
    });

    it('reads the autoscaling/v2 HPA: target, min, max (value and exact position) and the CPU metric, not the memory one', () => {
      assert.equal(set.autoscalers.length, 1);
      const hpa = set.autoscalers[0];
      assert.equal(hpa.name, 'orders-autoscaler');
      assert.equal(hpa.namespace, 'shop');
      assert.equal(hpa.targetKind, 'Deployment');
      assert.equal(hpa.targetName, 'orders-api');
      assert.deepEqual(span(hpa.location.range), [42, 8, 42, 25]);
      assert.equal(hpa.minReplicas?.value, 3);
      assert.deepEqual(span(hpa.minReplicas?.location.range), [49, 15, 49, 16]);
      assert.equal(hpa.maxReplicas?.value, 12);
      assert.deepEqual(span(hpa.maxReplicas?.location.range), [50, 15, 50, 17]);
      assert.equal(hpa.targetCpuUtilization?.value, 65);
      assert.deepEqual(span(hpa.targetCpuUtilization?.location.range), [61, 30, 61, 32]);
    });

    it('reads the Service with its selector', () => {
      assert.equal(set.services.length, 1);
      assert.equal(set.services[0].name, 'orders-svc');
      assert.deepEqual(set.services[0].selector, { 'app.kubernetes.io/name': 'orders' });
      assert.deepEqual(span(set.services[0].location.range), [66, 8, 66, 18]);
    });

    it('ignores kinds it does not read (ConfigMap): its "replicas" key does not leak anywhere', () => {
      const names = [...set.workloads, ...set.autoscalers, ...set.services, ...set.compose].map((r) => r.name);
      assert.deepEqual(names.sort(), ['orders-api', 'orders-autoscaler', 'orders-svc']);
    });
  });

  describe('kind: List', () => {
    const src = fixture('list.yaml');
    const set = read(src);

    it('reads the StatefulSet inside items with positions in the original file', () => {
      assert.deepEqual(src.problems, []);
      assert.equal(set.workloads.length, 2);
      const s = set.workloads[0];
      assert.equal(s.kind, 'StatefulSet');
      assert.equal(s.name, 'ledger');
      assert.equal(s.appLabel, undefined);
      assert.deepEqual(span(s.location.range), [6, 12, 6, 18]);
      assert.equal(s.replicas?.value, 1);
      assert.deepEqual(span(s.replicas?.location.range), [8, 16, 8, 17]);
      const c = s.containers[0];
      assert.equal(c.cpuRequest?.value, 0.1);
      assert.deepEqual(span(c.cpuRequest?.location.range), [14, 33, 14, 37]);
      assert.equal(c.memoryRequest?.value, 128 * 2 ** 20);
      assert.deepEqual(span(c.memoryRequest?.location.range), [14, 47, 14, 52]);
    });

    it('reads the autoscaling/v1 HPA: targetCPUUtilizationPercentage and maxReplicas positions', () => {
      assert.equal(set.autoscalers.length, 1);
      const hpa = set.autoscalers[0];
      assert.equal(hpa.targetKind, 'StatefulSet');
      assert.equal(hpa.targetName, 'ledger');
      assert.equal(hpa.minReplicas?.value, 1);
      assert.equal(hpa.maxReplicas?.value, 4);
      assert.deepEqual(span(hpa.maxReplicas?.location.range), [25, 19, 25, 20]);
      assert.equal(hpa.targetCpuUtilization?.value, 80);
      assert.deepEqual(span(hpa.targetCpuUtilization?.location.range), [26, 38, 26, 40]);
    });

    it('reads the CronJob item as a workload without replicas (one run per schedule), at its name', () => {
      assert.equal(set.services.length, 0);
      const cron = set.workloads[1];
      assert.equal(cron.kind, 'CronJob');
      assert.equal(cron.name, 'nightly');
      assert.equal(cron.replicas, undefined);
      assert.equal(cron.location.range.start.line, 30);
    });
  });

  describe('bad input', () => {
    it('reports a syntax error at its line, without throwing, and keeps the good documents', () => {
      const text = [
        'apiVersion: v1', // 0
        'kind: Service',
        'metadata:',
        '  name: good',
        '---',
        'apiVersion: v1', // 5
        'kind: Service',
        'metadata:',
        '  name: bad',
        ' labels: x', // 9: one space: not aligned with anything
        '',
      ].join('\n');
      let src: YamlSource | undefined;
      assert.doesNotThrow(() => {
        src = new YamlSource('deploy/bad.yaml', text);
      });
      assert.equal(src!.problems.length, 1);
      const p = src!.problems[0];
      assert.equal(p.location.file, 'deploy/bad.yaml');
      assert.equal(p.location.range.start.line, 9);
      assert.equal(p.location.range.start.character, 0);
      assert.match(p.message, /^Invalid YAML: /);
      assert.doesNotMatch(p.message, /\n/);
      const set = read(src!);
      assert.deepEqual(
        set.services.map((s) => s.name),
        ['good'],
      );
    });

    it('reports tab indentation at the tab line', () => {
      const src = new YamlSource('k.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n\tname: a\n');
      assert.equal(src.problems.length, 1);
      assert.equal(src.problems[0].location.range.start.line, 3);
      assert.equal(src.documents.length, 0);
    });

    it('reads nothing from an empty file or a file of comments, and reports nothing', () => {
      for (const text of ['', '# only a comment\n', '---\n']) {
        const src = new YamlSource('k.yaml', text);
        assert.deepEqual(src.problems, []);
        const set = read(src);
        assert.equal(set.workloads.length + set.services.length + set.autoscalers.length, 0);
      }
    });

    const BOMB = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: bomb',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
      'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
      '',
    ].join('\n');

    it('refuses an alias bomb with a problem instead of expanding it (no hang)', () => {
      const started = Date.now();
      const src = new YamlSource('deploy/bomb.yaml', BOMB);
      assert.equal(src.documents.length, 1);
      const js = src.toJS(src.documents[0]);
      assert.equal(js, undefined);
      assert.equal(src.problems.length, 1);
      assert.equal(src.problems[0].location.file, 'deploy/bomb.yaml');
      assert.equal(src.problems[0].location.range.start.line, 0);
      assert.match(src.problems[0].message, /^Cannot read YAML: .*alias/i);
      assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    });

    it('an alias bomb beside real objects does not stop the model (and returns quickly)', async () => {
      const started = Date.now();
      const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n';
      const model = await buildEnvironmentModel(memoryFs({ 'k/bomb.yaml': BOMB + '---\n' + deployment }), ['k/bomb.yaml']);
      assert.deepEqual(
        model.services.map((s) => [s.name, s.capacity.replicas?.value]),
        [['web', 2]],
      );
      assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    });
  });

  describe('discovery', () => {
    it('skips Helm chart templates when Chart.yaml sits beside templates/', () => {
      const files = new Set(['charts/shop/Chart.yaml', 'charts/shop/templates/deployment.yaml', 'charts/shop/values.yaml']);
      assert.equal(recipeFormatOf('charts/shop/templates/deployment.yaml', files), undefined);
    });

    it('skips a root-level Helm chart (Chart.yaml at the root)', () => {
      const files = new Set(['Chart.yaml', 'templates/hpa.yaml']);
      assert.equal(recipeFormatOf('templates/hpa.yaml', files), undefined);
    });

    it('reads a templates/ folder that is not in a chart as Kubernetes', () => {
      const files = new Set(['deploy/templates/hpa.yaml', 'charts/other/Chart.yaml']);
      assert.equal(recipeFormatOf('deploy/templates/hpa.yaml', files), 'kubernetes');
    });

    it('classifies Compose files by name, and ignores CI and non-YAML files', () => {
      const files = new Set<string>();
      assert.equal(recipeFormatOf('compose.yaml', files), 'compose');
      assert.equal(recipeFormatOf('docker-compose.override.yml', files), 'compose');
      assert.equal(recipeFormatOf('deploy/compose.prod.yaml', files), 'compose');
      assert.equal(recipeFormatOf('deploy/app.yaml', files), 'kubernetes');
      assert.equal(recipeFormatOf('.github/workflows/ci.yaml', files), undefined);
      assert.equal(recipeFormatOf('.gitlab-ci.yml', files), undefined);
      assert.equal(recipeFormatOf('README.md', files), undefined);
    });

    it('a Helm template is never parsed: its Go template syntax yields no problem and no service', async () => {
      const template = [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: {{ include "shop.fullname" . }}',
        'spec:',
        '  {{- if not .Values.autoscaling.enabled }}',
        '  replicas: {{ .Values.replicaCount }}',
        '  {{- end }}',
        '',
      ].join('\n');
      const files = {
        'charts/shop/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 0.1.0\n',
        'charts/shop/templates/deployment.yaml': template,
      };
      const model = await buildEnvironmentModel(memoryFs(files), Object.keys(files));
      assert.deepEqual(model.problems, []);
      assert.deepEqual(model.services, []);
      // Without Chart.yaml the same file is read as a manifest, and its template syntax is a problem.
      const loose = { 'deploy/deployment.yaml': template };
      const model2 = await buildEnvironmentModel(memoryFs(loose), Object.keys(loose));
      assert.equal(model2.problems.length, 1);
      assert.equal(model2.problems[0].location.file, 'deploy/deployment.yaml');
    });
  });

  describe('YAML aliases inside a manifest', () => {
    it('reads a resource value given through an alias (limits: *requests)', () => {
      // Valid YAML that kubectl applies: limits equal to requests via an anchor.
      const text = [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: api',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: api',
        '          resources:',
        '            requests: &req',
        '              cpu: 250m',
        '            limits: *req',
        '',
      ].join('\n');
      const set = read(new YamlSource('k.yaml', text));
      const c = set.workloads[0].containers[0];
      assert.equal(c.cpuRequest?.value, 0.25);
      assert.equal(c.cpuLimit?.value, 0.25, 'limits given by alias *req were not read');
    });
  });
});

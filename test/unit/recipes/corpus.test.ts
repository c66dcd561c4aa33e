import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import type { EnvironmentModel, ServiceEnvironment } from '../../../src/core/model/environment';
import type { Located } from '../../../src/core/model/location';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';
import { parseCpu, parseMemory } from '../../../src/core/recipes/quantities';
import { RecipeCache } from '../../../src/core/recipes/recipeFile';

/**
 * Real-world recipes from GoogleCloudPlatform/microservices-demo, read where they are kept (../shared/corpus),
 * never copied into the project. The expected values come from a second, independent reading: plain `yaml`
 * parsing to objects; positions are checked against the text of the line they point at.
 */
const CORPUS = join(__dirname, '../../../../shared/corpus/microservices-demo');

describe('real-world recipes (shared corpus: microservices-demo)', function () {
  let model: EnvironmentModel;
  const text = (file: string) => readFileSync(join(CORPUS, file), 'utf8');

  before(async function () {
    if (!existsSync(CORPUS)) {
      if (process.env.CI === 'true') throw new Error(`the recipe corpus is missing at ${CORPUS} (CI must have shared/ beside the repository)`);
      console.log(`    (skipped: no recipe corpus at ${CORPUS})`);
      this.skip();
    }
    const fs = new NodeFileSystem(CORPUS);
    model = await buildEnvironmentModel(fs, await fs.listFiles(), { cache: new RecipeCache() });
  });

  /** The value at `loc` as written in the file: the line must carry `key: <raw>` at that column. */
  function assertAt(v: Located<number> | undefined, key: string, raw: unknown, label: string): void {
    assert.ok(v, `${label}: ${key} missing`);
    const line = text(v.location.file).split('\n')[v.location.range.start.line];
    assert.match(line.slice(0, v.location.range.start.character), new RegExp(`${key}:\\s*$`), `${label}: ${v.location.file}:${v.location.range.start.line + 1} is not the ${key} line`);
    assert.equal(line.slice(v.location.range.start.character).trim().replace(/^"|"$/g, ''), String(raw), label);
  }

  it('reads every recipe with no problem: manifests, overlays, components, values, Terraform; Helm templates refused quietly', () => {
    assert.deepEqual(model.problems, []);
    for (const s of model.services) for (const r of s.recipes) assert.doesNotMatch(r.location.file, /^helm-chart\/templates\//, `${s.name} has a recipe in a template`);
  });

  for (const [folder, env] of [['kubernetes-manifests', 'kubernetes-manifests'], ['kustomize/base', 'kustomize']] as const) {
    it(`${folder}: every Deployment's replicas and main-container resources, values and lines, in environment "${env}"`, () => {
      let checked = 0;
      for (const f of readdirSync(join(CORPUS, folder)).filter((x) => x.endsWith('.yaml') && x !== 'kustomization.yaml')) {
        const file = `${folder}/${f}`;
        for (const doc of parseAllDocuments(text(file))) {
          const o = doc.toJS() as { kind?: string; metadata?: { name: string }; spec?: any } | null;
          if (o?.kind !== 'Deployment' || !o.metadata) continue;
          const name = o.spec.template.metadata.labels?.app ?? o.metadata.name;
          const s = model.services.find((x) => x.name === name);
          // kubernetes-manifests/kustomization.yaml leaves loadgenerator out: it is deployed from the raw file then.
          const e: ServiceEnvironment | undefined = s?.environments?.find((x) => x.name === env) ?? s?.environments?.find((x) => x.definedIn.includes(folder));
          assert.ok(e, `${file}: no environment for ${name}`);
          const c = o.spec.template.spec.containers[0].resources ?? {};
          if (o.spec.replicas !== undefined) assertAt(e.capacity.replicas, 'replicas', o.spec.replicas, file);
          else assert.equal(e.capacity.replicas, undefined);
          if (c.requests?.cpu) {
            assert.equal(e.capacity.cpuRequest?.value, parseCpu(c.requests.cpu), `${file} cpu request`);
            assertAt(e.capacity.cpuRequest, 'cpu', c.requests.cpu, file);
          }
          if (c.requests?.memory) assertAt(e.capacity.memoryRequest, 'memory', c.requests.memory, file);
          if (c.limits?.cpu) assertAt(e.capacity.cpuLimit, 'cpu', c.limits.cpu, file);
          if (c.limits?.memory) {
            assert.equal(e.capacity.memoryLimit?.value, parseMemory(c.limits.memory), `${file} memory limit`);
            assertAt(e.capacity.memoryLimit, 'memory', c.limits.memory, file);
          }
          assert.equal(e.capacity.cpuRequest?.location.file, file);
          checked++;
        }
      }
      assert.ok(checked >= 11, `only ${checked} Deployments checked`);
    });
  }

  it('kustomize/tests overlays: components delete redis-cart where they replace it, add the OpenTelemetry collector, keep the base capacity', () => {
    const envsOf = (name: string) => (model.services.find((s) => s.name === name)?.environments ?? []).map((e) => e.name).sort();
    assert.deepEqual(envsOf('redis-cart'), ['kubernetes-manifests', 'kustomize', 'service-mesh-istio-with-all-components']);
    assert.deepEqual(envsOf('opentelemetrycollector'), ['memorystore-with-all-components', 'service-mesh-istio-with-all-components', 'spanner-with-all-components']);
    const frontend = model.services.find((s) => s.name === 'frontend')!;
    for (const env of ['memorystore-with-all-components', 'spanner-with-all-components', 'service-mesh-istio-with-all-components']) {
      const e = frontend.environments!.find((x) => x.name === env)!;
      assert.equal(e.source, 'kustomize');
      assert.equal(e.capacity.cpuRequest?.value, 0.1, env);
      assert.equal(e.capacity.cpuRequest?.location.file, 'kustomize/base/frontend.yaml', env);
    }
    // kubernetes-manifests/kustomization.yaml comments loadgenerator out.
    assert.ok(!envsOf('loadgenerator').includes('kubernetes-manifests'));
  });

  it('helm-chart/values.yaml: every component\'s resources, values and lines, as environment "default" of the chart', () => {
    const values = parse(text('helm-chart/values.yaml')) as Record<string, any>;
    let checked = 0;
    for (const [key, v] of Object.entries(values)) {
      if (!v?.resources || !v.name) continue;
      const s = model.services.find((x) => x.name === v.name);
      const e = s?.environments?.find((x) => x.source === 'helm' && x.name === 'default');
      if (v.create === false) {
        assert.equal(e, undefined, `${key} is not created`);
        continue;
      }
      assert.ok(e, `no helm environment for ${key}`);
      assert.equal(e.definedIn, 'helm-chart/values.yaml');
      assertAt(e.capacity.cpuRequest, 'cpu', v.resources.requests.cpu, key);
      assertAt(e.capacity.memoryRequest, 'memory', v.resources.requests.memory, key);
      assertAt(e.capacity.cpuLimit, 'cpu', v.resources.limits.cpu, key);
      assertAt(e.capacity.memoryLimit, 'memory', v.resources.limits.memory, key);
      checked++;
    }
    assert.ok(checked >= 11, `only ${checked} components checked`);
  });

  it('Terraform (GKE, Memorystore) is read and yields no ECS/ASG/RDS service', () => {
    for (const s of model.services) for (const r of s.recipes) assert.doesNotMatch(r.kind, /^terraform\//);
  });
});

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecipeFormat } from '../../../src/core/recipes/discovery';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';
import { parseRecipeFile, RecipeCache, type ReadAs } from '../../../src/core/recipes/recipeFile';
import { FIXTURES, memoryFs } from './support';

/** Seeds per format: real recipes from the fixtures, which the mutations then break in every way they can. */
const SEEDS: { file: string; as: ReadAs; fixture: string }[] = [
  { file: 'deploy/multi.yaml', as: { format: 'kubernetes' }, fixture: 'recipes/k8s/multi.yaml' },
  { file: 'deploy/list.yaml', as: { format: 'kubernetes' }, fixture: 'recipes/k8s/list.yaml' },
  { file: 'compose.yaml', as: { format: 'compose' }, fixture: 'recipes/compose/compose.yaml' },
  { file: 'compose.yaml', as: { format: 'compose' }, fixture: 'recipes-compose/compose.yaml' },
  { file: 'deploy/overlays/prod/kustomization.yaml', as: { format: 'kustomize' }, fixture: 'recipes-kustomize/deploy/overlays/prod/kustomization.yaml' },
  { file: 'deploy/overlays/staging/kustomization.yaml', as: { format: 'kustomize' }, fixture: 'recipes-kustomize/deploy/overlays/staging/kustomization.yaml' },
  { file: 'p.yaml', as: { format: 'kustomize-patch', target: { kind: 'Deployment', name: 'api' } }, fixture: 'recipes-kustomize/deploy/overlays/prod/resources.yaml' },
  { file: 'charts/shop/values.yaml', as: { format: 'helm-values' }, fixture: 'recipes-helm/charts/shop/values.yaml' },
  { file: 'charts/shop/Chart.yaml', as: { format: 'helm-chart' }, fixture: 'recipes-helm/charts/shop/Chart.yaml' },
  { file: 'infra/main.tf', as: { format: 'terraform' }, fixture: 'recipes-terraform/infra/main.tf' },
  { file: 'infra/prod.tfvars', as: { format: 'tfvars' }, fixture: 'recipes-terraform/infra/prod.tfvars' },
  { file: 'apps/web/fly.toml', as: { format: 'fly' }, fixture: 'recipes-paas/apps/web/fly.toml' },
  { file: 'apps/ae/app.yaml', as: { format: 'kubernetes' }, fixture: 'recipes-paas/apps/ae/app.yaml' },
  { file: 'Procfile', as: { format: 'procfile' }, fixture: 'recipes-paas/apps/legacy/Procfile' },
  { file: '.ops-lens.yaml', as: { format: 'ops-lens-config' }, fixture: 'recipes-compose/.ops-lens.yaml' },
  { file: '.env', as: { format: 'dotenv' }, fixture: 'recipes-compose/.env' },
];
const skaffold = 'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: api\n      context: services/api\n';

/** Fragments that stress each grammar: YAML anchors and merges, flow collections, HCL blocks, TOML tables, templates. */
const NASTY = ['&a ', '*a', '<<: *a', '{', '}', '[', ']', ':', ': ', '- ', '---\n', '\t', '"', "'", '|-\n', '${', '{{ .Values.x }}', '= ', '[[vm]]\n', '#', '\\', '\u0000', 'null', '-1e309', '0x1F', '!!binary ', '? ', '%YAML 1.1\n'];

const mutation = (len: number) =>
  fc.oneof(
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(len), text: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 12 })) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat(len), n: fc.nat(40) }),
    fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(len), n: fc.nat(200) }),
    fc.record({ op: fc.constant('nest' as const), depth: fc.integer({ min: 1, max: 400 }) }),
  );

type Mutation = { op: 'insert'; at: number; text: string } | { op: 'delete'; at: number; n: number } | { op: 'duplicate'; at: number; n: number } | { op: 'nest'; depth: number };

function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    if (m.op === 'insert') t = t.slice(0, m.at % (t.length + 1)) + m.text + t.slice(m.at % (t.length + 1));
    else if (m.op === 'delete') t = t.slice(0, m.at % (t.length + 1)) + t.slice((m.at % (t.length + 1)) + m.n);
    else if (m.op === 'duplicate') {
      const at = m.at % (t.length + 1);
      t = t.slice(0, at) + t.slice(at, at + m.n) + t.slice(at);
    } else t = '['.repeat(m.depth) + t + ']'.repeat(m.depth); // deep nesting
  }
  return t;
}

describe('fuzz: mutated recipes against every parser (fast-check)', function () {
  this.timeout(120_000);
  const all = new Set(['charts/shop/Chart.yaml', 'charts/shop/values.yaml']);

  for (const seed of SEEDS) {
    const text = readFileSync(join(FIXTURES, seed.fixture), 'utf8');
    it(`${seed.as.format} (${seed.fixture}): no exception escapes, every problem has a message and a place (a hang fails on the suite's timeout)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation(text.length), { minLength: 1, maxLength: 6 }), async (ms) => {
          const input = mutate(text, ms as Mutation[]);
          const result = await parseRecipeFile(seed.file, input, seed.as, all);
          assert.ok(Array.isArray(result.problems));
          for (const p of result.problems) {
            assert.equal(typeof p.message, 'string');
            assert.ok(p.location.range.start.line >= 0 && p.location.range.start.character >= 0);
          }
        }),
        { numRuns: 120, seed: 20250101, endOnFailure: true },
      );
    });
  }

  it('whole workspaces of mutated recipes (kustomize + patches + Compose + Skaffold + Terraform) build a model (a hang fails on the suite\'s timeout)', async () => {
    const base = Object.fromEntries(SEEDS.map((s) => [s.file, readFileSync(join(FIXTURES, s.fixture), 'utf8')]));
    base['deploy/base/api.yaml'] = readFileSync(join(FIXTURES, 'recipes-kustomize/deploy/base/api.yaml'), 'utf8');
    base['deploy/base/kustomization.yaml'] = 'resources: [api.yaml]\n';
    base['deploy/overlays/prod/resources.yaml'] = base['p.yaml'];
    base['skaffold.yaml'] = skaffold;
    const names = Object.keys(base);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...names), fc.array(mutation(2000), { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 5 }), async (edits) => {
        const files = { ...base };
        for (const [name, ms] of edits) files[name] = mutate(files[name], ms as Mutation[]);
        const model = await buildEnvironmentModel(memoryFs(files), Object.keys(files).sort(), { cache: new RecipeCache() });
        assert.ok(Array.isArray(model.services));
      }),
      { numRuns: 60, seed: 7, endOnFailure: true },
    );
  });
});

import { posix } from 'node:path';
import type { Located } from '../model/location';
import { commandSettings } from './capacitySettings';
import type { PlainServiceRecipe, RecipeSet } from './recipeTypes';
import { asNumber, asString, type YamlSource } from './yamlSource';

const MiB = 2 ** 20;
/** App Engine standard instance classes: memory limit per instance. */
const INSTANCE_MEMORY_MB: Record<string, number> = {
  F1: 384, F2: 768, F4: 1536, F4_1G: 3072, B1: 384, B2: 768, B4: 1536, B4_1G: 3072, B8: 3072,
};

export function isAppEngineCandidate(file: string): boolean {
  return /(^|\/)(app|[\w-]+\.app|service-[\w-]+)\.ya?ml$/.test(file) || /(^|\/)app\.ya?ml$/.test(file);
}

/** An App Engine `app.yaml` is YAML with a top-level `runtime:` (and no `apiVersion`/`kind`). */
export function looksLikeAppEngine(text: string): boolean {
  return /^runtime\s*:/m.test(text) && !/^apiVersion\s*:/m.test(text);
}

export function readAppEngine(src: YamlSource, into: RecipeSet): void {
  const doc = src.documents[0];
  if (!doc || !asString(src.scalar(doc, ['runtime']))) return;
  const dir = posix.dirname(src.file);
  const service = asString(src.scalar(doc, ['service'])) ?? asString(src.scalar(doc, ['module']));
  const location = service?.location ?? src.scalar(doc, ['runtime'])!.location;
  const name = service?.value ?? 'default';
  const recipe: PlainServiceRecipe = {
    format: 'app-engine',
    kind: 'app-engine/service',
    name,
    environment: 'app-engine',
    location,
    settings: [],
    env: {},
    codeRoot: { root: dir === '' ? '.' : dir, reason: `App Engine deploys ${dir === '.' ? 'the root folder' : dir}, where its ${src.file.split('/').pop()} is`, evidence: location },
  };
  const auto = (k: string) => src.scalar(doc, ['automatic_scaling', k]);
  recipe.minReplicas = asNumber(auto('min_instances')) ?? asNumber(auto('min_idle_instances'));
  recipe.maxReplicas = asNumber(auto('max_instances')) ?? asNumber(src.scalar(doc, ['basic_scaling', 'max_instances']));
  const target = asNumber(auto('target_cpu_utilization'));
  // App Engine writes the CPU target as a fraction (0.65); the model speaks percent like Kubernetes.
  if (target) recipe.targetCpuUtilization = { value: Math.round(target.value * 1000) / 10, location: target.location };
  if (recipe.minReplicas || recipe.maxReplicas) {
    recipe.autoscalingName = name;
    recipe.autoscalingLocation = src.locate(src.node(doc, ['automatic_scaling']) ?? src.node(doc, ['basic_scaling'])) ?? location;
  }
  recipe.replicas = asNumber(src.scalar(doc, ['manual_scaling', 'instances']));
  const concurrent = asNumber(auto('max_concurrent_requests'));
  if (concurrent) recipe.settings.push({ kind: 'concurrency', name: 'max_concurrent_requests', value: concurrent.value, location: concurrent.location });
  const cls = asString(src.scalar(doc, ['instance_class']));
  if (cls && INSTANCE_MEMORY_MB[cls.value.toUpperCase()]) recipe.memoryLimit = { value: INSTANCE_MEMORY_MB[cls.value.toUpperCase()] * MiB, location: cls.location };
  // Flexible environment: resources.cpu (cores) and memory_gb.
  const cpu = asNumber(src.scalar(doc, ['resources', 'cpu']));
  if (cpu) recipe.cpuLimit = cpu;
  const mem = asNumber(src.scalar(doc, ['resources', 'memory_gb']));
  if (mem) recipe.memoryLimit = { value: mem.value * 1024 * MiB, location: mem.location };
  for (const [k, v] of src.entries(doc, ['env_variables'])) {
    const s = asString(src.scalar(v, []));
    if (s) recipe.env[k] = s;
  }
  const entrypoint = asString(src.scalar(doc, ['entrypoint'])) as Located<string> | undefined;
  if (entrypoint) recipe.settings.push(...commandSettings(entrypoint));
  into.plain.push(recipe);
}

import { posix } from 'node:path';
import type { RecipeRef } from '../model/environment';
import { normalise } from './compose';
import type {
  AutoscalerRecipe,
  ConfigMapRecipe,
  ContainerRecipe,
  KustomizationRecipe,
  KustomizePatch,
  RecipeSet,
  ServiceRecipe,
  WorkloadRecipe,
} from './recipeTypes';

/** A workload as deployed in one environment, with the service name it had before any `namePrefix`. */
export type EnvWorkload = WorkloadRecipe & { serviceName: string };

export interface KubernetesEnvironment {
  name: string;
  source: 'kubernetes' | 'kustomize';
  definedIn: string;
  workloads: EnvWorkload[];
  autoscalers: AutoscalerRecipe[];
  services: ServiceRecipe[];
  configMaps: ConfigMapRecipe[];
  /** Kustomize lines that changed capacity (replicas, patches), per workload name. */
  changes: Map<string, RecipeRef[]>;
}

interface ObjectSet {
  workloads: EnvWorkload[];
  autoscalers: AutoscalerRecipe[];
  services: ServiceRecipe[];
  configMaps: ConfigMapRecipe[];
  changes: Map<string, RecipeRef[]>;
}

const PROD = /^(prod|production|prd|live)$/i;
const ENV_WORD = /^(prod|production|prd|live|staging|stage|stg|preprod|pre-prod|uat|qa|test|testing|dev|development|local|sandbox|preview)$/i;
const MAX_DEPTH = 16;

/** Folders of manifests kept aside from the main ones: optional extras, examples, archived or deprecated copies. */
const ASIDE = /^(?:.*\/)?(?:extras?|examples?|samples?|demos?|contrib|docs?|hack|sandbox|archived?|legacy|deprecated)\/(?:[^/]+\/(?=.))?/;

/**
 * The variant a manifest kept aside belongs to, named by its folder (`extras/cloudsql`): an environment of its own,
 * not more copies of the main manifests' workloads (bank-of-anthos's extras/ would otherwise give the default
 * environment their resources and autoscalers).
 */
function asideName(file: string): string | undefined {
  return ASIDE.exec(file)?.[0].replace(/\/$/, '');
}

/** An environment of manifests kept aside: never the production view, nor what fills it in. */
export function isAsideEnvironment(name: string): boolean {
  return ASIDE.test(name + '/');
}

/** An environment's name from a path: the deepest segment that names one (`deploy/prod/app.yaml` → prod). */
export function environmentFromPath(path: string): string | undefined {
  const segments = path.split('/').slice(0, -1).reverse();
  return segments.find((s) => ENV_WORD.test(s));
}

export function isProductionName(name: string): boolean {
  return PROD.test(name);
}

/**
 * Kubernetes manifests grouped into environments: each kustomization that no other one includes (an overlay, or a
 * lone kustomization) is one, with its bases, components, patches, `replicas` and `images` applied; manifests no such
 * kustomization includes form an environment named by their folder (`prod`, `staging`) or `default`.
 */
export function kubernetesEnvironments(
  manifests: ReadonlyMap<string, RecipeSet>,
  kustomizations: KustomizationRecipe[],
  patchFiles: ReadonlyMap<string, RecipeSet>,
): KubernetesEnvironment[] {
  const byDir = new Map(kustomizations.map((k) => [k.dir, k]));
  const included = new Set<string>();
  for (const k of kustomizations) {
    for (const r of [...k.resources, ...k.components]) {
      const path = normalise(posix.join(k.dir, r.value));
      if (byDir.has(path)) included.add(path);
    }
  }
  const patchPaths = new Set(kustomizations.flatMap((k) => k.patches.flatMap((p) => (p.path ? [p.path.value] : []))));
  const leaves = kustomizations.filter((k) => !k.isComponent && !included.has(k.dir));
  const envs: KubernetesEnvironment[] = [];
  const reached = new Set<string>();
  const names = new Map<string, number>();
  for (const leaf of leaves) names.set(leafName(leaf), (names.get(leafName(leaf)) ?? 0) + 1);

  for (const leaf of leaves) {
    const set = resolve(leaf, manifests, byDir, patchFiles, reached, [], 0);
    const short = leafName(leaf);
    envs.push({ name: (names.get(short) ?? 0) > 1 ? leaf.dir : short, source: 'kustomize', definedIn: leaf.file, ...set });
  }
  // Manifests outside every kustomization environment: plain `kubectl apply` folders.
  const raw = new Map<string, ObjectSet & { files: string[] }>();
  for (const [file, set] of manifests) {
    if (reached.has(file) || patchPaths.has(file)) continue;
    if (set.workloads.length + set.autoscalers.length + set.services.length + set.configMaps.length === 0) continue;
    const name = asideName(file) ?? environmentFromPath(file) ?? 'default';
    const env = raw.get(name) ?? { ...emptyObjects(), files: [] };
    addObjects(env, set);
    env.files.push(file);
    raw.set(name, env);
  }
  for (const [name, env] of raw) {
    const dirs = [...new Set(env.files.map((f) => posix.dirname(f)))];
    envs.push({ name, source: 'kubernetes', definedIn: dirs.length === 1 ? dirs[0] : dirs.join(', '), workloads: env.workloads, autoscalers: env.autoscalers, services: env.services, configMaps: env.configMaps, changes: env.changes });
  }
  return envs;
}

function leafName(k: KustomizationRecipe): string {
  return k.dir === '.' ? 'kustomize' : posix.basename(k.dir);
}

function emptyObjects(): ObjectSet {
  return { workloads: [], autoscalers: [], services: [], configMaps: [], changes: new Map() };
}

/**
 * Copies (never the cached originals: they are shared between builds) of a file's objects. Shallow where the
 * transforms only replace values (Located values are never changed in place), deeper where they merge into maps.
 */
function addObjects(into: ObjectSet, set: RecipeSet): void {
  for (const w of set.workloads) {
    if (!w.deleted) into.workloads.push({ ...w, containers: w.containers.map((c) => ({ ...c, env: { ...c.env } })), serviceName: w.appLabel ?? w.name });
  }
  for (const a of set.autoscalers) if (!a.deleted) into.autoscalers.push({ ...a });
  for (const s of set.services) if (!s.deleted) into.services.push({ ...s });
  for (const c of set.configMaps) if (!c.deleted) into.configMaps.push({ ...c, data: { ...c.data } });
}

function resolve(
  k: KustomizationRecipe,
  manifests: ReadonlyMap<string, RecipeSet>,
  byDir: ReadonlyMap<string, KustomizationRecipe>,
  patchFiles: ReadonlyMap<string, RecipeSet>,
  reached: Set<string>,
  stack: string[],
  depth: number,
): ObjectSet {
  const out = emptyObjects();
  if (depth > MAX_DEPTH || stack.includes(k.dir)) return out; // a cycle of kustomizations: stop, keep what we have
  const inner = [...stack, k.dir];
  for (const r of k.resources) {
    if (/:\/\/|^github\.com\/|\?ref=/.test(r.value)) continue; // remote bases are not in the workspace
    const path = normalise(posix.join(k.dir, r.value));
    const file = manifests.get(path);
    if (file) {
      reached.add(path);
      addObjects(out, file);
      continue;
    }
    const base = byDir.get(path);
    if (base) merge(out, resolve(base, manifests, byDir, patchFiles, reached, inner, depth + 1));
  }
  // Components add their resources and then transform everything included so far.
  for (const c of k.components) {
    const comp = byDir.get(normalise(posix.join(k.dir, c.value)));
    if (!comp || inner.includes(comp.dir)) continue;
    const own = resolve({ ...comp, patches: [], replicas: [], images: [], namespace: undefined, namePrefix: undefined, nameSuffix: undefined }, manifests, byDir, patchFiles, reached, inner, depth + 1);
    merge(out, own);
    transform(out, comp, patchFiles);
  }
  transform(out, k, patchFiles);
  return out;
}

function merge(into: ObjectSet, from: ObjectSet): void {
  into.workloads.push(...from.workloads);
  into.autoscalers.push(...from.autoscalers);
  into.services.push(...from.services);
  into.configMaps.push(...from.configMaps);
  for (const [k, v] of from.changes) into.changes.set(k, [...(into.changes.get(k) ?? []), ...v]);
}

function note(set: ObjectSet, workload: string, ref: RecipeRef): void {
  set.changes.set(workload, [...(set.changes.get(workload) ?? []), ref]);
}

function transform(set: ObjectSet, k: KustomizationRecipe, patchFiles: ReadonlyMap<string, RecipeSet>): void {
  for (const patch of k.patches) applyPatch(set, patch, patch.path ? patchFiles.get(patch.path.value) : patch.objects);
  for (const r of k.replicas) {
    for (const w of set.workloads.filter((x) => x.name === r.name)) {
      w.replicas = r.count;
      note(set, w.name, { kind: 'kustomize/replicas', name: r.name, location: r.count.location });
    }
  }
  for (const img of k.images) {
    for (const w of set.workloads) {
      for (const c of w.containers) {
        if (!c.image) continue;
        const { repo, tag } = splitImage(c.image.value);
        if (repo !== img.name) continue;
        c.image = { value: `${img.newName ?? repo}${img.newTag ? `:${img.newTag}` : tag ? `:${tag}` : ''}`, location: c.image.location };
      }
    }
  }
  if (k.namespace) for (const o of [...set.workloads, ...set.autoscalers, ...set.services, ...set.configMaps]) o.namespace = k.namespace;
  if (k.namePrefix || k.nameSuffix) {
    const rename = (n: string) => `${k.namePrefix ?? ''}${n}${k.nameSuffix ?? ''}`;
    for (const w of set.workloads) w.name = rename(w.name);
    for (const [name, refs] of [...set.changes]) {
      set.changes.delete(name);
      set.changes.set(rename(name), refs);
    }
    for (const a of set.autoscalers) {
      a.name = rename(a.name);
      if (a.targetName) a.targetName = rename(a.targetName);
    }
    for (const c of set.configMaps) c.name = rename(c.name);
    for (const w of set.workloads) {
      for (const c of w.containers) {
        if (c.envRefs) c.envRefs = c.envRefs.map((r) => ({ ...r, configMap: rename(r.configMap) }));
        if (c.envFrom) c.envFrom = c.envFrom.map((r) => ({ ...r, configMap: rename(r.configMap) }));
      }
    }
  }
}

/** Strategic merge of the fields the model reads; `$patch: delete` removes the object from the environment. */
function applyPatch(set: ObjectSet, patch: KustomizePatch, objects: RecipeSet | undefined): void {
  if (!objects) return;
  const matches = (name: string, kind: string, p: { name: string; kind?: string }) =>
    name === p.name && (!patch.target?.kind || patch.target.kind === kind);
  for (const pw of objects.workloads) {
    const targets = set.workloads.filter((w) => matches(w.name, w.kind, pw) && (!pw.kind || pw.kind === w.kind || !!patch.target));
    for (const w of targets) {
      if (pw.deleted) {
        set.workloads.splice(set.workloads.indexOf(w), 1);
        continue;
      }
      note(set, w.name, { kind: 'kustomize/patch', name: w.name, location: patch.path?.location ?? patch.location });
      if (pw.replicas) w.replicas = pw.replicas;
      pw.containers.forEach((pc) => {
        const byIndex = /^#(\d+)$/.exec(pc.name);
        const c = byIndex ? w.containers[Number(byIndex[1])] : w.containers.find((x) => x.name === pc.name);
        if (!c) {
          if (!byIndex && pc.name) w.containers.push(structuredClone(pc));
          return;
        }
        mergeContainer(c, pc);
      });
    }
  }
  for (const pa of objects.autoscalers) {
    for (const a of set.autoscalers.filter((x) => x.name === pa.name)) {
      if (pa.deleted) {
        set.autoscalers.splice(set.autoscalers.indexOf(a), 1);
        continue;
      }
      a.minReplicas = pa.minReplicas ?? a.minReplicas;
      a.maxReplicas = pa.maxReplicas ?? a.maxReplicas;
      a.targetCpuUtilization = pa.targetCpuUtilization ?? a.targetCpuUtilization;
      if (a.targetName) note(set, a.targetName, { kind: 'kustomize/patch', name: a.name, location: patch.path?.location ?? patch.location });
    }
  }
  for (const ps of objects.services) {
    if (ps.deleted) set.services = set.services.filter((s) => s.name !== ps.name);
  }
  for (const pc of objects.configMaps) {
    for (const c of set.configMaps.filter((x) => x.name === pc.name)) {
      if (pc.deleted) set.configMaps.splice(set.configMaps.indexOf(c), 1);
      else Object.assign(c.data, structuredClone(pc.data));
    }
  }
}

function mergeContainer(c: ContainerRecipe, p: ContainerRecipe): void {
  c.image = p.image ?? c.image;
  c.cpuRequest = p.cpuRequest ?? c.cpuRequest;
  c.cpuLimit = p.cpuLimit ?? c.cpuLimit;
  c.memoryRequest = p.memoryRequest ?? c.memoryRequest;
  c.memoryLimit = p.memoryLimit ?? c.memoryLimit;
  c.commandLine = p.commandLine ?? c.commandLine;
  Object.assign(c.env, structuredClone(p.env));
  if (p.envRefs) c.envRefs = [...(c.envRefs ?? []).filter((r) => !p.envRefs!.some((x) => x.name === r.name)), ...structuredClone(p.envRefs)];
  if (p.envFrom) c.envFrom = [...(c.envFrom ?? []), ...structuredClone(p.envFrom)];
}

/** `registry:5000/team/api:1.2@sha256:…` → repo `registry:5000/team/api`, tag `1.2`. */
export function splitImage(image: string): { repo: string; tag?: string } {
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  if (colon > slash) return { repo: noDigest.slice(0, colon), tag: noDigest.slice(colon + 1) };
  return { repo: noDigest };
}

/** The last path segment of an image's repository: what Skaffold artifacts and Dockerfile folders are matched on. */
export function imageShortName(image: string): string {
  const { repo } = splitImage(image.trim());
  return repo.split('/').pop() ?? repo;
}

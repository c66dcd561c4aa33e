import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { posix } from 'node:path';
import { normalise } from './compose';
import { readKubernetes } from './kubernetes';
import { parseCpu, parseMemory } from './quantities';
import { emptyRecipeSet, type KustomizationRecipe, type KustomizePatch, type RecipeSet } from './recipeTypes';
import { asNumber, asString, YamlSource } from './yamlSource';
import type { Located, SourceLocation } from '../model/location';

const KUSTOMIZATION_FILE = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

export function isKustomizationFile(file: string): boolean {
  return KUSTOMIZATION_FILE.test(file);
}

/** Reads a kustomization.yaml: its resources, components, patches (files and inline), replicas and image renames. */
export function readKustomization(src: YamlSource, into: RecipeSet): void {
  const doc = src.documents[0];
  if (!doc) return;
  const root = src.node(doc, []);
  if (!root || !isMap(root)) return;
  const dir = posix.dirname(src.file);
  const list = (key: string): Located<string>[] =>
    src.items(root, [key]).flatMap((n) => {
      const s = asString(src.scalar(n, []));
      return s ? [s] : [];
    });
  const k: KustomizationRecipe = {
    format: 'kustomize',
    file: src.file,
    dir: dir === '' ? '.' : dir,
    isComponent: asString(src.scalar(root, ['kind']))?.value === 'Component',
    location: src.locate(root) ?? src.at(0),
    // `bases` is the older name for resources that are folders.
    resources: [...list('resources'), ...list('bases')],
    components: list('components'),
    patches: [],
    replicas: [],
    images: [],
    namespace: asString(src.scalar(root, ['namespace']))?.value,
    namePrefix: asString(src.scalar(root, ['namePrefix']))?.value,
    nameSuffix: asString(src.scalar(root, ['nameSuffix']))?.value,
  };
  k.location = { file: src.file, range: { start: k.location.range.start, end: k.location.range.start } };

  for (const r of src.items(root, ['replicas'])) {
    const name = asString(src.scalar(r, ['name']))?.value;
    const count = asNumber(src.scalar(r, ['count']));
    if (name && count) k.replicas.push({ name, count });
  }
  for (const i of src.items(root, ['images'])) {
    const name = asString(src.scalar(i, ['name']));
    if (!name) continue;
    k.images.push({
      name: name.value,
      newName: asString(src.scalar(i, ['newName']))?.value,
      newTag: asString(src.scalar(i, ['newTag']))?.value,
      location: name.location,
    });
  }
  for (const key of ['patches', 'patchesStrategicMerge', 'patchesJson6902']) {
    for (const p of src.items(root, [key])) {
      const patch = readPatch(src, p, key === 'patchesJson6902');
      if (patch) k.patches.push(patch);
    }
  }
  into.kustomizations.push(k);
}

function readPatch(src: YamlSource, p: Node, json6902: boolean): KustomizePatch | undefined {
  const location = src.locate(p) ?? src.at(0);
  // patchesStrategicMerge lists file names or inline YAML strings directly.
  const direct = isScalar(p) ? p : undefined;
  const target = direct ? undefined : { kind: asString(src.scalar(p, ['target', 'kind']))?.value, name: asString(src.scalar(p, ['target', 'name']))?.value };
  const pathNode = direct && !String(direct.value).includes('\n') && !String(direct.value).includes(':') ? direct : direct ? undefined : src.node(p, ['path']);
  if (pathNode && isScalar(pathNode)) {
    const path = asString(src.scalar(pathNode, []));
    if (!path) return undefined;
    const dir = posix.dirname(src.file);
    return { objects: emptyRecipeSet(), path: { value: normalise(posix.join(dir, path.value)), location: path.location }, target, location, json6902 };
  }
  const inline = direct ?? src.node(p, ['patch']);
  if (!inline || !isScalar(inline) || typeof inline.value !== 'string') return undefined;
  const objects = readPatchText(src.file, inline.value, originOf(src, inline), target, json6902);
  objects.problems.forEach((pr) => src.problems.push(pr));
  return { objects: objects.recipes, target, location };
}

/** Reads a patch's text (a file's or an inline block's) into the recipe objects it changes. */
export function readPatchText(
  file: string,
  text: string,
  origin: ConstructorParameters<typeof YamlSource>[2],
  target: KustomizePatch['target'],
  json6902 = false,
): { recipes: RecipeSet; problems: YamlSource['problems'] } {
  const src = new YamlSource(file, text, origin);
  const recipes = emptyRecipeSet();
  const doc = src.documents[0];
  const root = doc ? src.node(doc, []) : undefined;
  if (root && (json6902 || isSeq(root))) {
    readJson6902(src, root, target, recipes);
  } else {
    readKubernetes(src, recipes, { defaults: { kind: target?.kind, name: target?.name }, quiet: true });
  }
  return { recipes, problems: src.problems };
}

/** JSON 6902 operations on the fields the model reads (`/spec/replicas`, container resources), as partial objects. */
function readJson6902(src: YamlSource, ops: Node, target: KustomizePatch['target'], into: RecipeSet): void {
  if (!target?.name) return;
  const location: SourceLocation = src.locate(ops) ?? src.at(0);
  const kind = target.kind ?? 'Deployment';
  for (const op of src.items(ops, [])) {
    const verb = asString(src.scalar(op, ['op']))?.value;
    const path = asString(src.scalar(op, ['path']))?.value;
    const value = src.scalar(op, ['value']);
    if (!path || !value || (verb !== 'replace' && verb !== 'add')) continue;
    if (kind === 'HorizontalPodAutoscaler') {
      const hpa = into.autoscalers[0] ?? (into.autoscalers[0] = { format: 'kubernetes', name: target.name, location });
      if (path === '/spec/minReplicas') hpa.minReplicas = asNumber(value);
      if (path === '/spec/maxReplicas') hpa.maxReplicas = asNumber(value);
      continue;
    }
    const w =
      into.workloads[0] ??
      (into.workloads[0] = { format: 'kubernetes', kind: kind as 'Deployment', name: target.name, location, containers: [] });
    if (path === '/spec/replicas') w.replicas = asNumber(value);
    const m = /^\/spec\/template\/spec\/containers\/(\d+)\/resources\/(requests|limits)\/(cpu|memory)$/.exec(path);
    if (m) {
      // Containers addressed by index: `#0` is matched by position when the patch is applied.
      const name = `#${m[1]}`;
      let c = w.containers.find((x) => x.name === name);
      if (!c) w.containers.push((c = { name, env: {} }));
      const n = m[3] === 'cpu' ? parseCpu(value.value) : parseMemory(value.value);
      if (n !== undefined) {
        const field = `${m[3]}${m[2] === 'requests' ? 'Request' : 'Limit'}` as 'cpuRequest' | 'cpuLimit' | 'memoryRequest' | 'memoryLimit';
        c[field] = { value: n, location: value.location };
      }
    }
  }
}

/** Where an inline patch's text starts in the kustomization file. */
function originOf(src: YamlSource, node: Scalar): ConstructorParameters<typeof YamlSource>[2] {
  const start = src.locate(node)?.range.start ?? { line: 0, character: 0 };
  if (node.type !== Scalar.BLOCK_LITERAL || !node.range) return { ...start, flatten: true };
  // A literal block's content starts on the line after its `|` indicator, indented by the block's indentation.
  const after = src.text.indexOf('\n', node.range[0]);
  if (after < 0) return { ...start, flatten: true };
  const rest = src.text.slice(after + 1);
  const firstContent = /^( *)\S/m.exec(rest);
  const indent = firstContent ? firstContent[1].length : 0;
  return { line: start.line + 1, character: indent };
}

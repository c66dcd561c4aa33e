import { isMap, type Document, type Node } from 'yaml';
import { parseCpu, parseMemory } from './quantities';
import { asNumber, asString, type YamlSource } from './yamlSource';
import type { Located } from '../model/location';
import type { AutoscalerRecipe, ContainerRecipe, RecipeSet, WorkloadRecipe } from './recipeTypes';

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet']);

/** True when a parsed YAML document looks like a Kubernetes object (has apiVersion and kind). */
export function isKubernetesDocument(src: YamlSource, doc: Document.Parsed): boolean {
  return src.scalar(doc, ['apiVersion']) !== undefined && src.scalar(doc, ['kind']) !== undefined;
}

/** Reads every Kubernetes object of a (multi-document) YAML file, including `kind: List` items. */
export function readKubernetes(src: YamlSource, into: RecipeSet): void {
  for (const doc of src.documents) {
    if (!isMap(doc.contents)) continue;
    readObject(src, doc.contents, into);
  }
}

function readObject(src: YamlSource, obj: Node, into: RecipeSet): void {
  const kind = asString(src.scalar(obj, ['kind']))?.value;
  if (!kind || !src.scalar(obj, ['apiVersion'])) return;
  if (kind === 'List') {
    for (const item of src.items(obj, ['items'])) readObject(src, item, into);
    return;
  }
  const name = asString(src.scalar(obj, ['metadata', 'name']));
  if (!name) return;
  const namespace = asString(src.scalar(obj, ['metadata', 'namespace']))?.value;
  const location = src.locate(obj) ?? name.location;

  if (WORKLOAD_KINDS.has(kind)) {
    const labels = ['app.kubernetes.io/name', 'app'];
    const appLabel = labels
      .map((l) => asString(src.scalar(obj, ['spec', 'template', 'metadata', 'labels', l]))?.value)
      .find((v) => v !== undefined);
    const workload: WorkloadRecipe = {
      format: 'kubernetes',
      kind: kind as WorkloadRecipe['kind'],
      name: name.value,
      namespace,
      appLabel,
      location: { ...location, range: name.location.range },
      replicas: asNumber(src.scalar(obj, ['spec', 'replicas'])),
      containers: src.items(obj, ['spec', 'template', 'spec', 'containers']).map((c) => readContainer(src, c)),
    };
    into.workloads.push(workload);
  } else if (kind === 'HorizontalPodAutoscaler') {
    into.autoscalers.push(readAutoscaler(src, obj, name.value, namespace, { ...location, range: name.location.range }));
  } else if (kind === 'Service') {
    const selector: Record<string, string> = {};
    for (const [k, v] of src.entries(obj, ['spec', 'selector'])) {
      const s = asString(src.scalar(v, []));
      if (s) selector[k] = s.value;
    }
    into.services.push({ format: 'kubernetes', name: name.value, namespace, location: { ...location, range: name.location.range }, selector });
  }
}

function readContainer(src: YamlSource, c: Node): ContainerRecipe {
  const res = (kind: 'requests' | 'limits', what: 'cpu' | 'memory'): Located<number> | undefined => {
    const v = src.scalar(c, ['resources', kind, what]);
    if (!v) return undefined;
    const n = what === 'cpu' ? parseCpu(v.value) : parseMemory(v.value);
    return n === undefined ? undefined : { value: n, location: v.location };
  };
  const env: ContainerRecipe['env'] = {};
  for (const e of src.items(c, ['env'])) {
    const n = asString(src.scalar(e, ['name']));
    if (!n) continue;
    const value = src.scalar(e, ['value']);
    // valueFrom (secrets, config maps) provides the variable without a literal value.
    env[n.value] = { value: value ? String(value.value) : undefined, location: value?.location ?? n.location };
  }
  return {
    name: asString(src.scalar(c, ['name']))?.value ?? '',
    image: asString(src.scalar(c, ['image'])),
    cpuRequest: res('requests', 'cpu'),
    cpuLimit: res('limits', 'cpu'),
    memoryRequest: res('requests', 'memory'),
    memoryLimit: res('limits', 'memory'),
    env,
  };
}

function readAutoscaler(
  src: YamlSource,
  obj: Node,
  name: string,
  namespace: string | undefined,
  location: AutoscalerRecipe['location'],
): AutoscalerRecipe {
  // autoscaling/v2 keeps the CPU target under metrics[]; v1 has targetCPUUtilizationPercentage.
  let targetCpu = asNumber(src.scalar(obj, ['spec', 'targetCPUUtilizationPercentage']));
  for (const m of src.items(obj, ['spec', 'metrics'])) {
    if (asString(src.scalar(m, ['resource', 'name']))?.value === 'cpu') {
      targetCpu = asNumber(src.scalar(m, ['resource', 'target', 'averageUtilization'])) ?? targetCpu;
    }
  }
  return {
    format: 'kubernetes',
    name,
    namespace,
    location,
    targetKind: asString(src.scalar(obj, ['spec', 'scaleTargetRef', 'kind']))?.value,
    targetName: asString(src.scalar(obj, ['spec', 'scaleTargetRef', 'name']))?.value,
    minReplicas: asNumber(src.scalar(obj, ['spec', 'minReplicas'])),
    maxReplicas: asNumber(src.scalar(obj, ['spec', 'maxReplicas'])),
    targetCpuUtilization: targetCpu,
  };
}

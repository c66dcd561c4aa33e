import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { parseCpu, parseMemory } from './quantities';
import { asNumber, asString, type YamlSource } from './yamlSource';
import type { Located, SourceLocation } from '../model/location';
import type { AutoscalerRecipe, ContainerRecipe, RecipeSet, WorkloadKind, WorkloadRecipe } from './recipeTypes';

/** Where each workload kind keeps its pod template. */
const POD_TEMPLATE: Record<WorkloadKind, string[]> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** Kinds read for other reasons or known to carry no capacity: never reported as unread. */
const QUIET_KINDS = new Set([
  'Namespace', 'ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'Secret', 'Ingress',
  'NetworkPolicy', 'PodDisruptionBudget', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass',
  'CustomResourceDefinition', 'Job', 'Pod', 'ReplicaSet', 'Kustomization', 'Component', 'Config',
]);

export interface KubernetesReadOptions {
  /** Kustomize patches may leave out apiVersion, kind or name when the patch's `target` says them. */
  defaults?: { kind?: string; name?: string };
  /** Patches are partial objects: do not report them as unread kinds. */
  quiet?: boolean;
}

/** True when a parsed YAML document looks like a Kubernetes object (has apiVersion and kind). */
export function isKubernetesDocument(src: YamlSource, doc: Document.Parsed): boolean {
  return src.scalar(doc, ['apiVersion']) !== undefined && src.scalar(doc, ['kind']) !== undefined;
}

/** Reads every Kubernetes object of a (multi-document) YAML file, including `kind: List` items. */
export function readKubernetes(src: YamlSource, into: RecipeSet, options: KubernetesReadOptions = {}): void {
  for (const doc of src.documents) {
    const root = src.node(doc, []);
    if (!root || !isMap(root)) continue;
    readObject(src, root, into, options, 0);
  }
}

function readObject(src: YamlSource, obj: Node, into: RecipeSet, options: KubernetesReadOptions, depth: number): void {
  const kindNode = asString(src.scalar(obj, ['kind']));
  const kind = kindNode?.value ?? options.defaults?.kind;
  if (!kind || (!src.scalar(obj, ['apiVersion']) && !options.defaults)) return;
  if (kind === 'List' || kind.endsWith('List')) {
    if (depth < 4) for (const item of src.items(obj, ['items'])) readObject(src, item, into, options, depth + 1);
    return;
  }
  const nameNode = asString(src.scalar(obj, ['metadata', 'name']));
  const name = nameNode ?? (options.defaults?.name ? { value: options.defaults.name, location: src.locate(obj) ?? src.at(0) } : undefined);
  if (!name) return;
  const namespace = asString(src.scalar(obj, ['metadata', 'namespace']))?.value;
  const location: SourceLocation = { file: src.file, range: name.location.range };
  const deleted = asString(src.scalar(obj, ['$patch']))?.value === 'delete' || undefined;

  if (kind in POD_TEMPLATE) {
    const workloadKind = kind as WorkloadKind;
    const template = POD_TEMPLATE[workloadKind];
    const labels = ['app.kubernetes.io/name', 'app'];
    const appLabel = labels
      .map((l) => asString(src.scalar(obj, [...template, 'metadata', 'labels', l]))?.value)
      .find((v) => v !== undefined);
    const workload: WorkloadRecipe = {
      format: 'kubernetes',
      kind: workloadKind,
      name: name.value,
      namespace,
      appLabel,
      location,
      // CronJobs and DaemonSets have no replica count: one pod per schedule or per node.
      replicas: workloadKind === 'CronJob' || workloadKind === 'DaemonSet' ? undefined : asNumber(src.scalar(obj, ['spec', 'replicas'])),
      containers: src.items(obj, [...template, 'spec', 'containers']).map((c) => readContainer(src, c)),
      deleted,
    };
    into.workloads.push(workload);
  } else if (kind === 'HorizontalPodAutoscaler') {
    into.autoscalers.push({ ...readAutoscaler(src, obj, name.value, namespace, location), deleted });
  } else if (kind === 'Service') {
    const selector: Record<string, string> = {};
    for (const [k, v] of src.entries(obj, ['spec', 'selector'])) {
      const s = asString(src.scalar(v, []));
      if (s) selector[k] = s.value;
    }
    into.services.push({ format: 'kubernetes', name: name.value, namespace, location, selector, deleted });
  } else if (kind === 'ConfigMap') {
    const data: Record<string, Located<string>> = {};
    for (const [k, v] of src.entries(obj, ['data'])) {
      const s = asString(src.scalar(v, []));
      if (s) data[k] = s;
    }
    into.configMaps.push({ format: 'kubernetes', name: name.value, namespace, location, data, deleted });
  } else if (!options.quiet && !QUIET_KINDS.has(kind) && src.node(obj, ['spec', 'template', 'spec', 'containers'])) {
    // A workload of a kind we do not read (Argo Rollout, Knative Service, …): say so rather than drop it silently.
    src.problems.push({
      location: kindNode?.location ?? location,
      message: `kind ${kind} (${name.value}) runs containers but is not read: its capacity is not in the environment model`,
      severity: 'info',
    });
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
  const envRefs: NonNullable<ContainerRecipe['envRefs']> = [];
  for (const e of src.items(c, ['env'])) {
    const n = asString(src.scalar(e, ['name']));
    if (!n) continue;
    const value = src.scalar(e, ['value']);
    // valueFrom (secrets, config maps) provides the variable without a literal value.
    env[n.value] = { value: value && value.value !== null ? String(value.value) : undefined, location: value?.location ?? n.location };
    const cmName = asString(src.scalar(e, ['valueFrom', 'configMapKeyRef', 'name']))?.value;
    const cmKey = asString(src.scalar(e, ['valueFrom', 'configMapKeyRef', 'key']))?.value;
    if (cmName && cmKey) envRefs.push({ name: n.value, configMap: cmName, key: cmKey, location: n.location });
  }
  const envFrom: NonNullable<ContainerRecipe['envFrom']> = [];
  for (const e of src.items(c, ['envFrom'])) {
    const cm = asString(src.scalar(e, ['configMapRef', 'name']));
    if (cm) envFrom.push({ configMap: cm.value, location: cm.location });
  }
  return {
    name: asString(src.scalar(c, ['name']))?.value ?? '',
    image: asString(src.scalar(c, ['image'])),
    cpuRequest: res('requests', 'cpu'),
    cpuLimit: res('limits', 'cpu'),
    memoryRequest: res('requests', 'memory'),
    memoryLimit: res('limits', 'memory'),
    env,
    envRefs: envRefs.length ? envRefs : undefined,
    envFrom: envFrom.length ? envFrom : undefined,
    commandLine: commandLine(src, c),
  };
}

/** `command` and `args` joined into one line, located at the first of them (worker and timeout flags live there). */
function commandLine(src: YamlSource, c: Node): Located<string> | undefined {
  const parts: string[] = [];
  let location: SourceLocation | undefined;
  for (const key of ['command', 'args']) {
    const n = src.node(c, [key]);
    if (!n) continue;
    location ??= src.locate(n);
    if (isSeq(n)) for (const i of src.items(n, [])) parts.push(isScalar(i) ? String(i.value) : '');
    else if (isScalar(n)) parts.push(String(n.value));
  }
  return location && parts.length ? { value: parts.join(' '), location } : undefined;
}

function readAutoscaler(src: YamlSource, obj: Node, name: string, namespace: string | undefined, location: SourceLocation): AutoscalerRecipe {
  // autoscaling/v2 keeps the CPU target under metrics[]; v1 has targetCPUUtilizationPercentage; v2beta1 targetAverageUtilization.
  let targetCpu = asNumber(src.scalar(obj, ['spec', 'targetCPUUtilizationPercentage']));
  for (const m of src.items(obj, ['spec', 'metrics'])) {
    if (asString(src.scalar(m, ['resource', 'name']))?.value === 'cpu') {
      targetCpu =
        asNumber(src.scalar(m, ['resource', 'target', 'averageUtilization'])) ??
        asNumber(src.scalar(m, ['resource', 'targetAverageUtilization'])) ??
        targetCpu;
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

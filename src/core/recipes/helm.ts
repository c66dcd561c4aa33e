import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { posix } from 'node:path';
import { parseCpu, parseMemory } from './quantities';
import type { EnvValues, HelmComponentValues, RecipeSet } from './recipeTypes';
import { asBoolean, asNumber, asString, type YamlSource } from './yamlSource';
import type { Located } from '../model/location';

const VALUES_FILE = /^(values([-._][\w.-]+)?|[\w.-]+[-._]values)\.ya?ml$/i;
/** Top-level keys of the chart scaffold (`helm create`) that are not components of their own. */
const SCAFFOLD_KEYS = new Set([
  'image', 'imagePullSecrets', 'nameOverride', 'fullnameOverride', 'serviceAccount', 'podAnnotations', 'podLabels',
  'podSecurityContext', 'securityContext', 'service', 'ingress', 'resources', 'livenessProbe', 'readinessProbe',
  'autoscaling', 'volumes', 'volumeMounts', 'nodeSelector', 'tolerations', 'affinity', 'global', 'env', 'extraEnv',
  'replicaCount', 'httpRoute',
]);

export function isChartFile(file: string): boolean {
  return /(^|\/)Chart\.ya?ml$/.test(file);
}

/** `values.yaml`, `values-prod.yaml`, `prod-values.yaml`, `values/prod.yaml`: by name; content decides the rest. */
export function isHelmValuesFile(file: string, allFiles: ReadonlySet<string>): boolean {
  const base = posix.basename(file);
  if (VALUES_FILE.test(base)) return true;
  const dir = posix.dirname(file);
  return posix.basename(dir) === 'values' && /\.ya?ml$/i.test(base) && hasChart(posix.dirname(dir), allFiles);
}

function hasChart(dir: string, allFiles: ReadonlySet<string>): boolean {
  const prefix = dir === '.' || dir === '' ? '' : `${dir}/`;
  return allFiles.has(`${prefix}Chart.yaml`) || allFiles.has(`${prefix}Chart.yml`);
}

/** The chart a values file belongs to, and the environment its name says. */
export function helmPlacement(file: string, allFiles: ReadonlySet<string>): { chartDir: string; environment: string; inChart: boolean } {
  const dir = posix.dirname(file);
  const base = posix.basename(file).replace(/\.ya?ml$/i, '');
  if (posix.basename(dir) === 'values' && hasChart(posix.dirname(dir), allFiles)) {
    return { chartDir: posix.dirname(dir), environment: base, inChart: true };
  }
  const m = /^values[-._](.+)$/i.exec(base) ?? /^(.+)[-._]values$/i.exec(base);
  const inChart = hasChart(dir, allFiles);
  // values.yaml outside a chart, in a folder named for an environment (environments/prod/values.yaml).
  const environment = m ? m[1] : inChart ? 'default' : posix.basename(dir) === '.' ? 'default' : posix.basename(dir);
  return { chartDir: dir, environment, inChart };
}

export function readHelmChart(src: YamlSource, into: RecipeSet): void {
  const doc = src.documents[0];
  const name = doc ? asString(src.scalar(doc, ['name'])) : undefined;
  if (name) into.helmCharts.push({ format: 'helm', dir: posix.dirname(src.file), name });
}

/** Reads the capacity a Helm values file sets, in the chart scaffold's names, at the top level and per component. */
export function readHelmValues(src: YamlSource, into: RecipeSet, placement: { chartDir: string; environment: string; inChart: boolean }): void {
  const doc = src.documents[0];
  const root = doc ? src.node(doc, []) : undefined;
  if (!root || !isMap(root)) return;
  const components: HelmComponentValues[] = [];
  const top = readComponent(src, root, '');
  top.name = nameOf(src, root, ['fullnameOverride', 'nameOverride']);
  if (hasCapacity(top)) components.push(top);
  for (const { key, value } of src.pairs(root, [])) {
    if (SCAFFOLD_KEYS.has(key) || !isMap(value)) continue;
    if (!['replicaCount', 'replicas', 'autoscaling', 'resources'].some((k) => src.node(value, [k]))) continue;
    const c = readComponent(src, value, key);
    c.name = nameOf(src, value, ['fullnameOverride', 'name', 'nameOverride']);
    c.create = asBoolean(src.scalar(value, ['create'])) ?? asBoolean(src.scalar(value, ['enabled']));
    if (hasCapacity(c)) components.push(c);
  }
  // A values file outside any chart counts only when it says something about capacity.
  if (components.length === 0 && !placement.inChart) return;
  into.helmValues.push({ format: 'helm-values', file: src.file, chartDir: placement.chartDir, environment: placement.environment, components });
}

/**
 * The first of these keys that names something: the chart scaffold writes `nameOverride: ""`, which means "the
 * chart's name" (retail-store-sample-app's five charts all say so), not a service named "".
 */
function nameOf(src: YamlSource, node: Node, keys: string[]): Located<string> | undefined {
  for (const key of keys) {
    const v = asString(src.scalar(node, [key]));
    if (v && v.value.trim()) return v;
  }
  return undefined;
}

function hasCapacity(c: HelmComponentValues): boolean {
  return !!(c.replicas || c.minReplicas || c.maxReplicas || c.cpuRequest || c.cpuLimit || c.memoryRequest || c.memoryLimit || c.imageRepository);
}

function readComponent(src: YamlSource, node: Node, key: string): HelmComponentValues {
  const res = (kind: 'requests' | 'limits', what: 'cpu' | 'memory'): Located<number> | undefined => {
    const v = src.scalar(node, ['resources', kind, what]);
    if (!v) return undefined;
    const n = what === 'cpu' ? parseCpu(v.value) : parseMemory(v.value);
    return n === undefined ? undefined : { value: n, location: v.location };
  };
  const autoscaling = src.node(node, ['autoscaling']);
  return {
    key,
    location: src.locate(node) ?? src.at(0),
    replicas: asNumber(src.scalar(node, ['replicaCount'])) ?? asNumber(src.scalar(node, ['replicas'])),
    autoscalingEnabled: asBoolean(src.scalar(node, ['autoscaling', 'enabled'])),
    minReplicas: asNumber(src.scalar(node, ['autoscaling', 'minReplicas'])),
    maxReplicas: asNumber(src.scalar(node, ['autoscaling', 'maxReplicas'])),
    targetCpuUtilization: asNumber(src.scalar(node, ['autoscaling', 'targetCPUUtilizationPercentage'])),
    autoscalingLocation: autoscaling ? src.locate(autoscaling) : undefined,
    cpuRequest: res('requests', 'cpu'),
    cpuLimit: res('limits', 'cpu'),
    memoryRequest: res('requests', 'memory'),
    memoryLimit: res('limits', 'memory'),
    imageRepository: asString(src.scalar(node, ['image', 'repository'])) ?? asString(src.scalar(node, ['image'])),
    env: readEnv(src, node),
  };
}

/** `env:` as a map or as a list of `{name, value}`, and the common `extraEnv` / `envVars` spellings. */
function readEnv(src: YamlSource, node: Node): EnvValues {
  const env: EnvValues = {};
  for (const key of ['env', 'extraEnv', 'envVars', 'extraEnvVars']) {
    const n = src.node(node, [key]);
    if (!n) continue;
    if (isSeq(n)) {
      for (const e of src.items(n, [])) {
        const name = asString(src.scalar(e, ['name']));
        const value = src.scalar(e, ['value']);
        if (name) env[name.value] = { value: value && value.value !== null ? String(value.value) : undefined, location: value?.location ?? name.location };
      }
    } else if (isMap(n)) {
      for (const [k, v] of src.entries(n, [])) {
        const location = src.locate(v);
        if (location) env[k] = { value: isScalar(v) && v.value !== null ? String(v.value) : undefined, location };
      }
    }
  }
  return env;
}

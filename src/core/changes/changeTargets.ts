import { posix } from 'node:path';
import type { Capacity, CapacitySetting, Service, ServiceEnvironment } from '../model/environment';
import type { Located, SourceLocation } from '../model/location';
import { envSettings } from '../recipes/capacitySettings';
import { isComposeFile } from '../recipes/compose';
import { isFlyToml } from '../recipes/fly';
import type { ChangeKind, ChangeTarget, RecipeDialect, ValueUnit } from './changeTypes';
import { describeValue, parseLiteral, type Siblings } from './changeValues';
import { TextPositions } from './textPositions';

/** An environment of a service to choose from: its name, the layer that defines it, and its capacity there. */
export interface EnvironmentChoice {
  name: string;
  source?: string;
  definedIn?: string;
  capacity: Capacity;
  env: Record<string, Located<string | undefined>>;
}

/** Per-environment capacity when the model has it; otherwise the service's one view, named after where it is read. */
export function environmentsOf(service: Service): EnvironmentChoice[] {
  if (service.environments?.length) return service.environments.map((e: ServiceEnvironment) => ({ name: e.name, source: e.source, definedIn: e.definedIn, capacity: e.capacity, env: e.env }));
  return [{ name: 'default', definedIn: service.recipes[0]?.location.file, capacity: service.capacity, env: service.env }];
}

export function dialectOf(file: string): RecipeDialect {
  if (/\.(tf|tfvars)$/.test(file)) return 'terraform';
  if (isFlyToml(file) || file.endsWith('.toml')) return 'fly';
  if (isComposeFile(file)) return 'compose';
  return /\.ya?ml$/i.test(file) || /(^|\/)Kustomization$/.test(file) ? 'kubernetes' : 'yaml';
}

const FIELDS: { kind: Exclude<ChangeKind, 'env' | 'setting' | 'freeText'>; label: string; unit: ValueUnit; get: (c: Capacity) => Located<number> | undefined }[] = [
  { kind: 'replicas', label: 'Replicas', unit: 'count', get: (c) => c.replicas },
  { kind: 'minReplicas', label: 'Autoscaling min', unit: 'count', get: (c) => c.autoscaling?.minReplicas },
  { kind: 'maxReplicas', label: 'Autoscaling max', unit: 'count', get: (c) => c.autoscaling?.maxReplicas },
  { kind: 'targetCpuUtilization', label: 'Autoscaling CPU target', unit: 'percent', get: (c) => c.autoscaling?.targetCpuUtilization },
  { kind: 'cpuRequest', label: 'CPU request', unit: 'cores', get: (c) => c.cpuRequest },
  { kind: 'cpuLimit', label: 'CPU limit', unit: 'cores', get: (c) => c.cpuLimit },
  { kind: 'memoryRequest', label: 'Memory request', unit: 'bytes', get: (c) => c.memoryRequest },
  { kind: 'memoryLimit', label: 'Memory limit', unit: 'bytes', get: (c) => c.memoryLimit },
];

const SETTING_LABELS: Record<CapacitySetting['kind'], string> = {
  poolSize: 'Pool size',
  timeout: 'Timeout',
  workers: 'Workers',
  threads: 'Threads',
  concurrency: 'Concurrency limit',
  maxConnections: 'Max connections',
};

/**
 * Everything that can be changed for a service in one environment, each with its current literal read from the file
 * at its exact position (so the user sees `"1"` or `500m` as written) and where that is. Values another environment
 * shares (a kustomize base) say so. An "add a variable" target appears where an env block can take one.
 */
export async function targetsFor(service: Service, env: EnvironmentChoice, readText: (file: string) => Promise<string>): Promise<ChangeTarget[]> {
  const texts = new Map<string, Promise<string | undefined>>();
  const read = (file: string) => {
    if (!texts.has(file)) texts.set(file, readText(file).catch(() => undefined));
    return texts.get(file)!;
  };
  const literalAt = async (loc: SourceLocation): Promise<string | undefined> => {
    const text = await read(loc.file);
    if (text === undefined) return undefined;
    const p = new TextPositions(text);
    const start = p.offsetAt(loc.range.start);
    const end = p.offsetAt(loc.range.end);
    return end > start ? text.slice(start, end) : undefined;
  };
  const others = environmentsOf(service).filter((e) => e.name !== env.name);
  const out: ChangeTarget[] = [];

  for (const f of FIELDS) {
    const located = f.get(env.capacity);
    if (!located) continue;
    const dialect = dialectOf(located.location.file);
    const raw = (await literalAt(located.location)) ?? String(located.value);
    const t: ChangeTarget = { kind: f.kind, label: f.label, unit: f.unit, dialect, current: { raw, value: located.value, display: '', location: located.location } };
    t.current!.display = describeValue(t, raw, parseLiteral(f.kind, dialect, raw) ?? located.value);
    t.sharedNote = sharedNote(located.location, others.filter((o) => sameLocation(f.get(o.capacity)?.location, located.location)).map((o) => o.name));
    out.push(t);
  }

  const settings = env.capacity.settings ?? envSettings(env.env);
  const settingLocations = new Set<string>();
  for (const s of settings) {
    settingLocations.add(key(s.location));
    const dialect = dialectOf(s.location.file);
    const unit: ValueUnit = s.kind === 'timeout' ? 'seconds' : 'count';
    const raw = (await literalAt(s.location)) ?? String(s.value);
    const label = `${SETTING_LABELS[s.kind]} ${s.name}`;
    const t: ChangeTarget = { kind: 'setting', label, unit, dialect, setting: s, current: { raw, value: s.value, display: '', location: s.location } };
    t.current!.display = describeValue(t, raw, s.value);
    out.push(t);
  }

  let anchor: SourceLocation | undefined;
  for (const [name, v] of Object.entries(env.env)) {
    // Variables from secrets or config maps (no literal) are not changed here; they anchor a new variable though.
    if (v.value === undefined || settingLocations.has(key(v.location))) {
      anchor ??= v.location;
      continue;
    }
    anchor ??= v.location;
    const raw = (await literalAt(v.location)) ?? v.value;
    out.push({ kind: 'env', label: `env ${name}`, unit: 'text', dialect: dialectOf(v.location.file), envName: name, current: { raw, display: raw, location: v.location } });
  }
  const flyFile = service.recipes.find((r) => isFlyToml(r.location.file))?.location;
  const addAnchor = anchor ?? flyFile;
  if (addAnchor) out.push({ kind: 'env', label: 'Add an environment variable', unit: 'text', dialect: dialectOf(addAnchor.file), anchor: addAnchor });
  return out;
}

/** min/max and request/limit of the same environment, for the checks that compare two fields. */
export function siblingsOf(capacity: Capacity): Siblings {
  return {
    minReplicas: capacity.autoscaling?.minReplicas?.value,
    maxReplicas: capacity.autoscaling?.maxReplicas?.value,
    cpuRequest: capacity.cpuRequest?.value,
    cpuLimit: capacity.cpuLimit?.value,
    memoryRequest: capacity.memoryRequest?.value,
    memoryLimit: capacity.memoryLimit?.value,
  };
}

/** `deploy/base/deployment.yaml:12` */
export function where(loc: SourceLocation): string {
  return `${loc.file}:${loc.range.start.line + 1}`;
}

/** The folder of a Terraform file, for finding its `.tfvars`. */
export function folderOf(file: string): string {
  const d = posix.dirname(file);
  return d === '' ? '.' : d;
}

function sharedNote(loc: SourceLocation, sharedWith: string[]): string | undefined {
  if (sharedWith.length === 0) return undefined;
  return `Set in ${where(loc)}, which ${sharedWith.join(', ')} also use${sharedWith.length === 1 ? 's' : ''}: changing it there changes ${sharedWith.length === 1 ? 'that environment' : 'those environments'} too.`;
}

function sameLocation(a: SourceLocation | undefined, b: SourceLocation): boolean {
  return !!a && key(a) === key(b);
}

function key(loc: SourceLocation): string {
  return `${loc.file}:${loc.range.start.line}:${loc.range.start.character}`;
}

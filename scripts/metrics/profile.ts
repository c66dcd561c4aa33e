// The "production truth" profile: what an example workspace's services really
// do in production. scripts/metrics/generate.ts turns a profile into OpenMetrics
// history; test/support/prometheus.ts backfills it into a real Prometheus.
//
// JSON shape (test/fixtures/production/*.json):
// {
//   "namespace": "shop", "seed": 7,
//   "services": [{
//     "name": "orders", "convention": "otel-stable", "job": "shop/orders",
//     "deployment": "orders", "container": "orders",
//     "hpa": { "name": "orders", "min": 3, "max": 10, "current": 10 },
//     "cpu":    { "request": 0.5,     "limit": 1,     "used": 0.42 },
//     "memory": { "request": "512Mi", "limit": "1Gi", "workingSet": "400Mi" },
//     "routes": [{ "method": "GET", "route": "/orders", "rps": 850, "p50": 0.035, "p95": 0.09, "errorRatio": 0.002 }]
//   }]
// }
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How a service's HTTP metrics are named and labelled. */
export type Convention = 'otel-stable' | 'micrometer' | 'express-prom-bundle';
export const CONVENTIONS: readonly Convention[] = ['otel-stable', 'micrometer', 'express-prom-bundle'];

export interface RouteProfile {
  /** Upper-case HTTP method. */
  method: string;
  /** The route template exactly as the framework reports it (`/orders/:id`, `/products/{product_id}`). */
  route: string;
  /** Requests per second. */
  rps: number;
  /** Median latency, seconds. */
  p50: number;
  /** 95th percentile latency, seconds (>= p50). */
  p95: number;
  /** Fraction of requests answered with a 5xx, 0..1. */
  errorRatio: number;
  /** Status code of a successful response; default 201 for POST, else 200. */
  successStatus?: number;
  /** Status code of a failed response; default 500. */
  errorStatus?: number;
}

export interface HpaProfile {
  name: string;
  min: number;
  max: number;
  current: number;
  /** Default: current. */
  desired?: number;
}

export interface ResourceProfile {
  /** Per container. Cores for CPU, bytes for memory. */
  request: number;
  limit: number;
  /** CPU: cores used on average. Memory: working-set bytes. */
  used: number;
}

export interface DailyShape {
  /** Relative swing, 0..0.9: rate × (1 + amplitude·cos(2π(hour − peakHourUtc)/24)). */
  amplitude: number;
  peakHourUtc: number;
}

export interface ServiceProfile {
  name: string;
  convention: Convention;
  /** Value of the `job` label on the service's HTTP metrics. */
  job: string;
  deployment: string;
  container: string;
  /** Number of running pods (default hpa.current). */
  replicas: number;
  hpa?: HpaProfile;
  cpu: ResourceProfile;
  memory: ResourceProfile;
  routes: RouteProfile[];
  /** Histogram bucket upper bounds in seconds (without +Inf); default per convention. */
  buckets: number[];
  /** Total container restarts across the pods (they happen early in the history). */
  restarts: number;
  /** Relative random jitter of rates and usage over time, default 0.03. */
  jitter: number;
  dailyShape?: DailyShape;
}

export interface Profile {
  namespace: string;
  seed: number;
  services: ServiceProfile[];
}

export const DEFAULT_BUCKETS: Record<Convention, readonly number[]> = {
  // OpenTelemetry SDK default for http.server.request.duration (seconds).
  'otel-stable': [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
  // A reduced Micrometer percentiles-histogram (the real default has ~70 buckets from 1 ms to 30 s).
  micrometer: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  // express-prom-bundle's default buckets.
  'express-prom-bundle': [0.003, 0.03, 0.1, 0.3, 1.5, 10],
};

export class ProfileError extends Error {
  override name = 'ProfileError';
}

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
const DECIMAL: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** Kubernetes quantity (`512Mi`, `1Gi`, `500m`, `0.25`, `1e9`) or a plain number → number. */
export function parseQuantity(value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') throw new ProfileError(`${where}: expected a number or a Kubernetes quantity, got ${JSON.stringify(value)}`);
  const m = /^([0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)(Ki|Mi|Gi|Ti|m|k|M|G|T)?$/.exec(value.trim());
  if (!m) throw new ProfileError(`${where}: not a Kubernetes quantity: ${JSON.stringify(value)}`);
  const n = Number(m[1]);
  const suffix = m[2];
  if (!suffix) return n;
  if (suffix === 'm') return n / 1000;
  return n * (BINARY[suffix] ?? DECIMAL[suffix]!);
}

type Obj = Record<string, unknown>;

function obj(v: unknown, where: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ProfileError(`${where}: expected an object`);
  return v as Obj;
}
function str(o: Obj, key: string, where: string, fallback?: string): string {
  const v = o[key] ?? fallback;
  if (typeof v !== 'string' || v === '') throw new ProfileError(`${where}.${key}: expected a non-empty string`);
  return v;
}
function num(o: Obj, key: string, where: string, opts: { min?: number; max?: number; int?: boolean; fallback?: number } = {}): number {
  const v = o[key] ?? opts.fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ProfileError(`${where}.${key}: expected a number`);
  if (opts.int && !Number.isInteger(v)) throw new ProfileError(`${where}.${key}: expected an integer`);
  if (opts.min !== undefined && v < opts.min) throw new ProfileError(`${where}.${key}: must be >= ${opts.min}`);
  if (opts.max !== undefined && v > opts.max) throw new ProfileError(`${where}.${key}: must be <= ${opts.max}`);
  return v;
}
function checkKeys(o: Obj, allowed: string[], where: string): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) throw new ProfileError(`${where}: unknown key "${k}" (allowed: ${allowed.join(', ')})`);
  }
}

function parseResource(v: unknown, where: string, usedKey: 'used' | 'workingSet'): ResourceProfile {
  const o = obj(v, where);
  checkKeys(o, ['request', 'limit', usedKey], where);
  const request = parseQuantity(o.request, `${where}.request`);
  const limit = parseQuantity(o.limit, `${where}.limit`);
  const used = parseQuantity(o[usedKey], `${where}.${usedKey}`);
  if (!(request > 0)) throw new ProfileError(`${where}.request: must be > 0`);
  if (limit < request) throw new ProfileError(`${where}.limit: must be >= request`);
  if (!(used > 0) || used > limit) throw new ProfileError(`${where}.${usedKey}: must be > 0 and <= limit`);
  return { request, limit, used };
}

function parseRoute(v: unknown, where: string): RouteProfile {
  const o = obj(v, where);
  checkKeys(o, ['method', 'route', 'rps', 'p50', 'p95', 'errorRatio', 'successStatus', 'errorStatus'], where);
  const method = str(o, 'method', where).toUpperCase();
  const route = str(o, 'route', where);
  if (!route.startsWith('/')) throw new ProfileError(`${where}.route: must start with "/"`);
  const rps = num(o, 'rps', where, { min: 0 });
  if (!(rps > 0)) throw new ProfileError(`${where}.rps: must be > 0`);
  const p50 = num(o, 'p50', where, { min: 0 });
  const p95 = num(o, 'p95', where, { min: 0 });
  if (!(p50 > 0) || !(p95 > p50)) throw new ProfileError(`${where}: need 0 < p50 < p95`);
  const errorRatio = num(o, 'errorRatio', where, { min: 0, max: 1 });
  const successStatus = num(o, 'successStatus', where, { int: true, min: 100, max: 399, fallback: method === 'POST' ? 201 : 200 });
  const errorStatus = num(o, 'errorStatus', where, { int: true, min: 500, max: 599, fallback: 500 });
  return { method, route, rps, p50, p95, errorRatio, successStatus, errorStatus };
}

function parseService(v: unknown, where: string): ServiceProfile {
  const o = obj(v, where);
  checkKeys(o, ['name', 'convention', 'job', 'deployment', 'container', 'replicas', 'hpa', 'cpu', 'memory', 'routes', 'buckets', 'restarts', 'jitter', 'dailyShape'], where);
  const name = str(o, 'name', where);
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) throw new ProfileError(`${where}.name: must be a DNS label`);
  const convention = str(o, 'convention', where, 'otel-stable') as Convention;
  if (!CONVENTIONS.includes(convention)) throw new ProfileError(`${where}.convention: one of ${CONVENTIONS.join(', ')}`);
  const job = str(o, 'job', where, name);
  const deployment = str(o, 'deployment', where, name);
  const container = str(o, 'container', where, name);

  let hpa: HpaProfile | undefined;
  if (o.hpa !== undefined) {
    const h = obj(o.hpa, `${where}.hpa`);
    const hw = `${where}.hpa`;
    checkKeys(h, ['name', 'min', 'max', 'current', 'desired'], hw);
    const min = num(h, 'min', hw, { int: true, min: 1 });
    const max = num(h, 'max', hw, { int: true, min: min });
    const current = num(h, 'current', hw, { int: true, min: 0, max });
    const desired = num(h, 'desired', hw, { int: true, min: 0, max, fallback: current });
    hpa = { name: str(h, 'name', hw, deployment), min, max, current, desired };
  }
  const replicas = num(o, 'replicas', where, { int: true, min: 1, max: 200, fallback: hpa?.current });
  if (hpa && replicas !== hpa.current) throw new ProfileError(`${where}.replicas (${replicas}) must equal hpa.current (${hpa.current})`);

  if (!Array.isArray(o.routes) || o.routes.length === 0) throw new ProfileError(`${where}.routes: expected a non-empty array`);
  const routes = o.routes.map((r, i) => parseRoute(r, `${where}.routes[${i}]`));
  const seen = new Set<string>();
  for (const r of routes) {
    const key = `${r.method} ${r.route}`;
    if (seen.has(key)) throw new ProfileError(`${where}.routes: duplicate ${key}`);
    seen.add(key);
  }

  let buckets = [...DEFAULT_BUCKETS[convention]];
  if (o.buckets !== undefined) {
    if (!Array.isArray(o.buckets) || o.buckets.length === 0 || !o.buckets.every((b) => typeof b === 'number' && Number.isFinite(b) && b > 0)) {
      throw new ProfileError(`${where}.buckets: expected a non-empty array of positive finite numbers (+Inf is implied)`);
    }
    buckets = o.buckets as number[];
    for (let i = 1; i < buckets.length; i++) {
      if (!(buckets[i]! > buckets[i - 1]!)) throw new ProfileError(`${where}.buckets: must be strictly increasing`);
    }
  }

  let dailyShape: DailyShape | undefined;
  if (o.dailyShape !== undefined) {
    const d = obj(o.dailyShape, `${where}.dailyShape`);
    checkKeys(d, ['amplitude', 'peakHourUtc'], `${where}.dailyShape`);
    dailyShape = {
      amplitude: num(d, 'amplitude', `${where}.dailyShape`, { min: 0, max: 0.9 }),
      peakHourUtc: num(d, 'peakHourUtc', `${where}.dailyShape`, { min: 0, max: 24 }),
    };
  }

  return {
    name,
    convention,
    job,
    deployment,
    container,
    replicas,
    hpa,
    cpu: parseResource(o.cpu, `${where}.cpu`, 'used'),
    memory: parseResource(o.memory, `${where}.memory`, 'workingSet'),
    routes,
    buckets,
    restarts: num(o, 'restarts', where, { int: true, min: 0, fallback: 0 }),
    jitter: num(o, 'jitter', where, { min: 0, max: 0.2, fallback: 0.03 }),
    dailyShape,
  };
}

/** Validates and normalises a parsed JSON profile (defaults filled in, quantities in cores/bytes). */
export function parseProfile(json: unknown, source = 'profile'): Profile {
  const o = obj(json, source);
  checkKeys(o, ['$comment', 'namespace', 'seed', 'services'], source);
  const namespace = str(o, 'namespace', source);
  const seed = num(o, 'seed', source, { int: true, fallback: 1 });
  if (!Array.isArray(o.services) || o.services.length === 0) throw new ProfileError(`${source}.services: expected a non-empty array`);
  const services = o.services.map((s, i) => parseService(s, `${source}.services[${i}]`));
  const names = new Set<string>();
  for (const s of services) {
    if (names.has(s.name)) throw new ProfileError(`${source}.services: duplicate service ${s.name}`);
    names.add(s.name);
  }
  return { namespace, seed, services };
}

function fixturesDir(): string {
  // import.meta.url is empty if this file is ever bundled to CommonJS: fall back to the repository root.
  const here = typeof import.meta.url === 'string' && import.meta.url ? fileURLToPath(new URL('.', import.meta.url)) : resolve(process.cwd(), 'scripts/metrics');
  return resolve(here, '../../test/fixtures/production');
}

/** Path of a profile given a path, or a bare name (`shop`) from test/fixtures/production/. */
export function resolveProfilePath(nameOrPath: string): string {
  if (/^[a-z0-9-]+$/.test(nameOrPath)) return resolve(fixturesDir(), `${nameOrPath}.json`);
  return isAbsolute(nameOrPath) ? nameOrPath : resolve(process.cwd(), nameOrPath);
}

/** Reads and validates a profile file (path, or bare fixture name like `shop`). */
export function loadProfile(nameOrPath: string): Profile {
  const file = resolveProfilePath(nameOrPath);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ProfileError(`cannot read profile ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ProfileError(`${file}: invalid JSON: ${(err as Error).message}`);
  }
  return parseProfile(json, file);
}

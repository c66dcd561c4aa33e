// Deterministic generator of realistic OpenMetrics history for a production
// profile (scripts/metrics/profile.ts): HTTP latency histograms in one of three
// naming conventions, cAdvisor CPU/memory, kube-state-metrics requests/limits,
// HPA and restarts. The output is input for
// `promtool tsdb create-blocks-from openmetrics`: families contiguous, every
// sample timestamped in seconds, no out-of-order or duplicate samples, `# EOF`.
//
// `truth` is computed from the emitted samples with Prometheus 2.x semantics
// (rate() extrapolation over a closed [t-5m, t] window, histogram_quantile
// interpolation), so it is what a correct query at `end` returns.
//
// CLI:
//   node --import tsx scripts/metrics/generate.ts --profile shop --end now --hours 6 \
//     [--step 15] --out data.om [--truth truth.json]
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadProfile, type Convention, type Profile, type ServiceProfile } from './profile';

export interface GenerateOptions {
  /** Unix seconds of the last sample (an integer). */
  end: number;
  /** Length of the history. */
  hours: number;
  /** Seconds between samples (an integer, 5..300). */
  stepSeconds: number;
}

export interface RouteTruth {
  method: string;
  route: string;
  /** sum(rate(<count>[5m])) over all status codes at `end`. */
  rps: number;
  /** Bounds of the histogram bucket histogram_quantile(0.95, …) lands in (low is 0 for the first bucket; high is Infinity for +Inf). */
  p95BucketLow: number;
  p95BucketHigh: number;
  /** histogram_quantile(0.95, sum by (le) (rate(<bucket>[5m]))) at `end`. */
  p95: number;
  /** 5xx rate / total rate at `end`. */
  errorRatio: number;
  /** The profile's values the samples were generated from. */
  configured: { rps: number; p50: number; p95: number; errorRatio: number };
}

/** Like RouteTruth but aggregated over methods (what `sum by (route)` gives). */
export type RouteTotalTruth = Omit<RouteTruth, 'method' | 'configured'>;

export interface HpaTruth {
  name: string;
  min: number;
  max: number;
  current: number;
  desired: number;
  /** max - current (0 = pinned at max). */
  headroom: number;
}

/** Metric and label names the service's HTTP metrics use. */
export interface MetricNames {
  /** Histogram base name; `_bucket`, `_count`, `_sum` are appended. */
  histogram: string;
  /** Micrometer's `_max` gauge, if any. */
  max?: string;
  routeLabel: string;
  methodLabel: string;
  statusLabel: string;
  jobLabel: string;
}

export interface ServiceTruth {
  name: string;
  convention: Convention;
  job: string;
  namespace: string;
  deployment: string;
  container: string;
  pods: string[];
  metric: MetricNames;
  routes: RouteTruth[];
  routeTotals: RouteTotalTruth[];
  /** Sum over the service's containers of rate(container_cpu_usage_seconds_total[5m]). */
  cpuUsedCores: number;
  cpuRequestCores: number;
  cpuLimitCores: number;
  /** cpuUsedCores / cpuRequestCores. */
  cpuRatio: number;
  /** Sum over the containers of container_memory_working_set_bytes at `end`. */
  memoryWorkingSetBytes: number;
  memoryRequestBytes: number;
  memoryLimitBytes: number;
  /** memoryWorkingSetBytes / memoryRequestBytes. */
  memoryRatio: number;
  /** Sum of kube_pod_container_status_restarts_total at `end`. */
  restarts: number;
  hpa: HpaTruth | null;
  /** Per-container profile values. */
  configured: { cpuUsedCores: number; cpuRequestCores: number; cpuLimitCores: number; memoryWorkingSetBytes: number; memoryRequestBytes: number; memoryLimitBytes: number };
}

export interface Truth {
  namespace: string;
  /** Unix seconds of the last sample; query with `time=end`. */
  end: number;
  /** Unix seconds of the first sample. */
  start: number;
  stepSeconds: number;
  /** The range the rate values are computed over (5m). */
  windowSeconds: number;
  services: Record<string, ServiceTruth>;
}

export interface GenerateResult {
  text: string;
  truth: Truth;
}

const WINDOW = 300;
const Z95 = 1.6448536269514722;

// ---------------------------------------------------------------- randomness

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Seeded PRNG (mulberry32), uniform in [0, 1). */
function prng(seed: number, key: string): () => number {
  let a = mix32(seed ^ fnv1a(key)) || 1;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic uniform [-1, 1) for (seed, key, integer k). */
function hashUnit(seed: number, key: number, k: number): number {
  return (mix32(mix32(seed ^ key) ^ (k | 0)) / 4294967296) * 2 - 1;
}

/**
 * Smooth noise in about [-1, 1] as a function of absolute time, so the same
 * instant gets the same value whatever the history's start.
 */
function smoothNoise(seed: number, key: number, t: number): number {
  const octave = (period: number, salt: number): number => {
    const x = t / period;
    const k = Math.floor(x);
    const f = x - k;
    const w = (1 - Math.cos(Math.PI * f)) / 2;
    return hashUnit(seed, key + salt, k) * (1 - w) + hashUnit(seed, key + salt, k + 1) * w;
  };
  return (octave(900, 0) * 0.6 + octave(120, 7919) * 0.4);
}

// ---------------------------------------------------------------- maths

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

/** Prometheus 2.x extrapolatedRate() for a counter over the closed range [evalT - range, evalT]. */
export function promRate(times: ArrayLike<number>, values: ArrayLike<number>, evalT: number, range = WINDOW): number {
  const rangeStart = evalT - range;
  let first = -1;
  let last = -1;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (t < rangeStart) continue;
    if (t > evalT) break;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0 || last - first < 1) return NaN;
  let result = values[last]! - values[first]!;
  let prev = values[first]!;
  for (let i = first + 1; i <= last; i++) {
    if (values[i]! < prev) result += prev;
    prev = values[i]!;
  }
  const sampledInterval = times[last]! - times[first]!;
  const avg = sampledInterval / (last - first);
  let durationToStart = times[first]! - rangeStart;
  const durationToEnd = evalT - times[last]!;
  if (result > 0 && values[first]! >= 0) {
    const durationToZero = sampledInterval * (values[first]! / result);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
  }
  const threshold = avg * 1.1;
  let extrapolateTo = sampledInterval;
  extrapolateTo += durationToStart < threshold ? durationToStart : avg / 2;
  extrapolateTo += durationToEnd < threshold ? durationToEnd : avg / 2;
  return (result * (extrapolateTo / sampledInterval)) / range;
}

/** The value an instant query at evalT sees (5m lookback). */
function instant(times: ArrayLike<number>, values: ArrayLike<number>, evalT: number): number {
  for (let i = times.length - 1; i >= 0; i--) {
    if (times[i]! <= evalT) return times[i]! > evalT - WINDOW ? values[i]! : NaN;
  }
  return NaN;
}

/** Prometheus 2.42 bucketQuantile(): value plus the bucket it falls in. */
export function bucketQuantile(q: number, buckets: Array<{ le: number; count: number }>): { value: number; low: number; high: number } {
  const b = [...buckets].sort((x, y) => x.le - y.le);
  const nan = { value: NaN, low: NaN, high: NaN };
  if (b.length < 2 || b[b.length - 1]!.le !== Infinity) return nan;
  for (let i = 1; i < b.length; i++) if (b[i]!.count < b[i - 1]!.count) b[i] = { le: b[i]!.le, count: b[i - 1]!.count };
  const observations = b[b.length - 1]!.count;
  if (!(observations > 0)) return nan;
  let rank = q * observations;
  let i = 0;
  while (i < b.length - 1 && !(b[i]!.count >= rank)) i++;
  if (i === b.length - 1) return { value: b[b.length - 2]!.le, low: b[b.length - 2]!.le, high: Infinity };
  const high = b[i]!.le;
  let low = 0;
  let count = b[i]!.count;
  if (i > 0) {
    low = b[i - 1]!.le;
    count -= b[i - 1]!.count;
    rank -= b[i - 1]!.count;
  }
  return { value: low + (high - low) * (rank / count), low, high };
}

// ---------------------------------------------------------------- model

type Labels = Array<[string, string]>;

interface Simple {
  labels: Labels;
  values: Float64Array;
}
interface Histo {
  labels: Labels;
  les: number[];
  buckets: Float64Array[];
  count: Float64Array;
  sum: Float64Array;
}
type Family =
  | { name: string; type: 'counter' | 'gauge'; help: string; series: Simple[] }
  | { name: string; type: 'histogram'; help: string; series: Histo[] };

const METRICS: Record<Convention, MetricNames> = {
  'otel-stable': {
    histogram: 'http_server_request_duration_seconds',
    routeLabel: 'http_route',
    methodLabel: 'http_request_method',
    statusLabel: 'http_response_status_code',
    jobLabel: 'job',
  },
  micrometer: {
    histogram: 'http_server_requests_seconds',
    max: 'http_server_requests_seconds_max',
    routeLabel: 'uri',
    methodLabel: 'method',
    statusLabel: 'status',
    jobLabel: 'job',
  },
  'express-prom-bundle': {
    histogram: 'http_request_duration_seconds',
    routeLabel: 'path',
    methodLabel: 'method',
    statusLabel: 'status_code',
    jobLabel: 'job',
  },
};

const HELP: Record<Convention, string> = {
  'otel-stable': 'Duration of HTTP server requests.',
  micrometer: 'Duration of HTTP server request handling',
  'express-prom-bundle': 'duration histogram of http responses labeled with: status_code, method, path',
};

function httpLabels(svc: ServiceProfile, method: string, route: string, status: number): Labels {
  const s = String(status);
  switch (svc.convention) {
    case 'otel-stable': {
      const l: Labels = [['job', svc.job]];
      if (status >= 500) l.push(['error_type', s]);
      l.push(['http_request_method', method], ['http_response_status_code', s], ['http_route', route], ['network_protocol_version', '1.1'], ['url_scheme', 'http']);
      return l;
    }
    case 'micrometer': {
      const exception = status >= 500 ? 'IllegalStateException' : 'none';
      const outcome = status >= 500 ? 'SERVER_ERROR' : status >= 400 ? 'CLIENT_ERROR' : status >= 300 ? 'REDIRECTION' : 'SUCCESS';
      return [['application', svc.name], ['error', exception], ['exception', exception], ['job', svc.job], ['method', method], ['outcome', outcome], ['status', s], ['uri', route]];
    }
    case 'express-prom-bundle':
      return [['job', svc.job], ['method', method], ['path', route], ['status_code', s]];
  }
}

// Kubernetes' rand.SafeEncodeString alphabet (no vowels, no 0/1/3).
const K8S_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
function k8sString(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += K8S_ALPHABET[Math.floor(rand() * K8S_ALPHABET.length)];
  return s;
}

function podNames(seed: number, svc: ServiceProfile): { replicaSet: string; pods: string[] } {
  const rand = prng(seed, `pods/${svc.deployment}`);
  const replicaSet = `${svc.deployment}-${k8sString(rand, 10)}`;
  const pods = new Set<string>();
  while (pods.size < svc.replicas) pods.add(`${replicaSet}-${k8sString(rand, 5)}`);
  return { replicaSet, pods: [...pods].sort() };
}

function validateOptions(o: GenerateOptions): void {
  if (!Number.isInteger(o.end) || o.end < 1e9 || o.end > 1e11) throw new Error(`end must be an integer unix time in SECONDS, got ${o.end}`);
  if (!Number.isInteger(o.stepSeconds) || o.stepSeconds < 5 || o.stepSeconds > 300) throw new Error(`stepSeconds must be an integer in 5..300, got ${o.stepSeconds}`);
  if (!(o.hours > 0) || o.hours > 24 * 30) throw new Error(`hours must be in (0, 720], got ${o.hours}`);
  if (o.hours * 3600 < WINDOW + o.stepSeconds) throw new Error('hours must cover at least one 5m window');
}

// ---------------------------------------------------------------- generation

interface ServiceSeries {
  histos: Histo[];
  maxes: Simple[];
  // index into histos → route index and whether it is the error series
  histoRoute: Array<{ route: number; error: boolean }>;
  cpu: Simple[];
  cpuPod: Simple[];
  mem: Simple[];
  memPod: Simple[];
  requests: Simple[];
  limits: Simple[];
  restarts: Simple[];
  podOwner: Simple[];
  rsOwner: Simple;
  deploymentReplicas: Simple;
  hpa: Record<'min' | 'max' | 'current' | 'desired', Simple> | null;
  pods: string[];
}

function constant(n: number, v: number): Float64Array {
  return new Float64Array(n).fill(v);
}

function dailyFactor(svc: ServiceProfile, t: number): number {
  if (!svc.dailyShape) return 1;
  const hour = (t % 86400) / 3600;
  return 1 + svc.dailyShape.amplitude * Math.cos((2 * Math.PI * (hour - svc.dailyShape.peakHourUtc)) / 24);
}

function generateService(profile: Profile, svc: ServiceProfile, times: Float64Array, step: number): ServiceSeries {
  const n = times.length;
  const seed = profile.seed;
  const ns = profile.namespace;
  const rand = prng(seed, `service/${svc.name}`);
  const { replicaSet, pods } = podNames(seed, svc);
  const les = [...svc.buckets, Infinity];

  // --- HTTP histograms
  const histos: Histo[] = [];
  const maxes: Simple[] = [];
  const histoRoute: ServiceSeries['histoRoute'] = [];
  const uptime = 3600 * (2 + rand() * 70); // counters did not start at 0 when history begins
  svc.routes.forEach((r, ri) => {
    const mu = Math.log(r.p50);
    const sigma = Math.log(r.p95 / r.p50) / Z95;
    const mean = Math.exp(mu + (sigma * sigma) / 2);
    const cdf = les.map((le) => (le === Infinity ? 1 : normalCdf((Math.log(le) - mu) / sigma)));
    const noiseKey = fnv1a(`rate/${svc.name}/${r.method} ${r.route}`);
    const parts: Array<{ status: number; share: number; error: boolean }> = [{ status: r.successStatus!, share: 1 - r.errorRatio, error: false }];
    if (r.errorRatio > 0) parts.push({ status: r.errorStatus!, share: r.errorRatio, error: true });
    for (const part of parts) {
      const labels = httpLabels(svc, r.method, r.route, part.status);
      const buckets = les.map(() => new Float64Array(n));
      const count = new Float64Array(n);
      const sum = new Float64Array(n);
      const max = svc.convention === 'micrometer' ? new Float64Array(n) : undefined;
      const maxRand = prng(seed, `max/${svc.name}/${r.method} ${r.route}/${part.status}`);
      // Cumulative expected counts; the emitted value is their floor (error
      // diffusion), so long-run shares are exact and everything is monotonic.
      let expected = r.rps * part.share * uptime;
      const expectedBuckets = cdf.map((f) => expected * f);
      let expectedSum = expected * mean;
      let prevCount = Math.floor(expected);
      for (let i = 0; i < n; i++) {
        const t = times[i]!;
        const factor = Math.max(0.05, (1 + svc.jitter * smoothNoise(seed, noiseKey, t)) * dailyFactor(svc, t));
        const inc = r.rps * part.share * factor * step;
        expected += inc;
        expectedSum += inc * mean;
        for (let b = 0; b < les.length - 1; b++) {
          expectedBuckets[b]! += inc * cdf[b]!;
          buckets[b]![i] = Math.floor(expectedBuckets[b]!);
        }
        const c = Math.floor(expected);
        count[i] = c;
        buckets[les.length - 1]![i] = c;
        sum[i] = round6(expectedSum);
        if (max) {
          // Micrometer's max decays to 0 when nothing was observed recently.
          max[i] = c > prevCount ? round6(r.p95 * (1.3 + maxRand() * 1.5)) : 0;
        }
        prevCount = c;
      }
      histos.push({ labels, les, buckets, count, sum });
      histoRoute.push({ route: ri, error: part.error });
      if (max) maxes.push({ labels, values: max });
    }
  });

  // --- containers
  const cpu: Simple[] = [];
  const cpuPod: Simple[] = [];
  const mem: Simple[] = [];
  const memPod: Simple[] = [];
  const requests: Simple[] = [];
  const limits: Simple[] = [];
  const restarts: Simple[] = [];
  const podOwner: Simple[] = [];
  const restartsPerPod = new Array<number>(pods.length).fill(0);
  for (let k = 0; k < svc.restarts; k++) restartsPerPod[Math.floor(rand() * pods.length)]!++;
  pods.forEach((pod, pi) => {
    const cAdvisor: Labels = [['container', svc.container], ['job', 'kubelet'], ['namespace', ns], ['pod', pod]];
    const podLevel: Labels = [['container', ''], ['job', 'kubelet'], ['namespace', ns], ['pod', pod]];
    const ksm = (extra: Labels): Labels => [['container', svc.container], ['job', 'kube-state-metrics'], ['namespace', ns], ['pod', pod], ...extra];
    const cpuKey = fnv1a(`cpu/${pod}`);
    const memKey = fnv1a(`mem/${pod}`);
    const podCpuShare = 1 + (rand() - 0.5) * 0.1; // ±5 % between pods
    const podMemShare = 1 + (rand() - 0.5) * 0.08;
    const cpuVals = new Float64Array(n);
    const cpuPodVals = new Float64Array(n);
    const memVals = new Float64Array(n);
    const memPodVals = new Float64Array(n);
    let cpuCounter = svc.cpu.used * (uptime * (0.5 + rand() * 0.5));
    let pauseCounter = cpuCounter * 0.002;
    for (let i = 0; i < n; i++) {
      const t = times[i]!;
      const f = Math.max(0.02, (1 + svc.jitter * smoothNoise(seed, cpuKey, t)) * dailyFactor(svc, t) * podCpuShare);
      cpuCounter += Math.min(svc.cpu.used * f, svc.cpu.limit) * step;
      pauseCounter += 0.0004 * step;
      cpuVals[i] = round6(cpuCounter);
      cpuPodVals[i] = round6(cpuCounter + pauseCounter);
      const ws = Math.min(svc.memory.used * podMemShare * (1 + svc.jitter * 0.5 * smoothNoise(seed, memKey, t)), svc.memory.limit);
      memVals[i] = Math.round(ws);
      memPodVals[i] = Math.round(ws) + 737280; // pause container
    }
    cpu.push({ labels: cAdvisor, values: cpuVals });
    cpuPod.push({ labels: podLevel, values: cpuPodVals });
    mem.push({ labels: cAdvisor, values: memVals });
    memPod.push({ labels: podLevel, values: memPodVals });
    requests.push({ labels: ksm([['resource', 'cpu'], ['unit', 'core']]), values: constant(n, svc.cpu.request) });
    requests.push({ labels: ksm([['resource', 'memory'], ['unit', 'byte']]), values: constant(n, svc.memory.request) });
    limits.push({ labels: ksm([['resource', 'cpu'], ['unit', 'core']]), values: constant(n, svc.cpu.limit) });
    limits.push({ labels: ksm([['resource', 'memory'], ['unit', 'byte']]), values: constant(n, svc.memory.limit) });
    // Restarts happen in the first half of the history, never inside the last window.
    const r = new Float64Array(n);
    const restartAt = Array.from({ length: restartsPerPod[pi]! }, () => Math.floor(rand() * (n / 2))).sort((a, b) => a - b);
    let value = 0;
    for (let i = 0, j = 0; i < n; i++) {
      while (j < restartAt.length && restartAt[j]! <= i) {
        value++;
        j++;
      }
      r[i] = value;
    }
    restarts.push({ labels: ksm([]), values: r });
    podOwner.push({
      labels: [['job', 'kube-state-metrics'], ['namespace', ns], ['owner_is_controller', 'true'], ['owner_kind', 'ReplicaSet'], ['owner_name', replicaSet], ['pod', pod], ['uid', uuid(rand)]],
      values: constant(n, 1),
    });
  });
  const rsOwner: Simple = {
    labels: [['job', 'kube-state-metrics'], ['namespace', ns], ['owner_is_controller', 'true'], ['owner_kind', 'Deployment'], ['owner_name', svc.deployment], ['replicaset', replicaSet]],
    values: constant(n, 1),
  };
  const deploymentReplicas: Simple = {
    labels: [['deployment', svc.deployment], ['job', 'kube-state-metrics'], ['namespace', ns]],
    values: constant(n, svc.replicas),
  };
  let hpa: ServiceSeries['hpa'] = null;
  if (svc.hpa) {
    const labels: Labels = [['horizontalpodautoscaler', svc.hpa.name], ['job', 'kube-state-metrics'], ['namespace', ns]];
    hpa = {
      min: { labels, values: constant(n, svc.hpa.min) },
      max: { labels, values: constant(n, svc.hpa.max) },
      current: { labels, values: constant(n, svc.hpa.current) },
      desired: { labels, values: constant(n, svc.hpa.desired ?? svc.hpa.current) },
    };
  }
  return { histos, maxes, histoRoute, cpu, cpuPod, mem, memPod, requests, limits, restarts, podOwner, rsOwner, deploymentReplicas, hpa, pods };
}

function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(rand() * 4)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

// ---------------------------------------------------------------- truth

function routeTruthFrom(histos: Histo[], errorFlags: boolean[], times: Float64Array, end: number): Omit<RouteTotalTruth, 'route'> {
  let rps = 0;
  let errors = 0;
  const les = histos[0]!.les;
  const bucketRates = les.map(() => 0);
  histos.forEach((h, k) => {
    const r = promRate(times, h.count, end);
    rps += r;
    if (errorFlags[k]) errors += r;
    h.buckets.forEach((b, i) => (bucketRates[i]! += promRate(times, b, end)));
  });
  const q = bucketQuantile(0.95, les.map((le, i) => ({ le, count: bucketRates[i]! })));
  return { rps, p95: q.value, p95BucketLow: q.low, p95BucketHigh: q.high, errorRatio: rps > 0 ? errors / rps : NaN };
}

function serviceTruth(profile: Profile, svc: ServiceProfile, s: ServiceSeries, times: Float64Array, end: number): ServiceTruth {
  const routes: RouteTruth[] = svc.routes.map((r, ri) => {
    const idx = s.histoRoute.map((h, k) => (h.route === ri ? k : -1)).filter((k) => k >= 0);
    const t = routeTruthFrom(idx.map((k) => s.histos[k]!), idx.map((k) => s.histoRoute[k]!.error), times, end);
    return { method: r.method, route: r.route, ...t, configured: { rps: r.rps, p50: r.p50, p95: r.p95, errorRatio: r.errorRatio } };
  });
  const routeNames = [...new Set(svc.routes.map((r) => r.route))];
  const routeTotals: RouteTotalTruth[] = routeNames.map((route) => {
    const idx = s.histoRoute.map((h, k) => (svc.routes[h.route]!.route === route ? k : -1)).filter((k) => k >= 0);
    return { route, ...routeTruthFrom(idx.map((k) => s.histos[k]!), idx.map((k) => s.histoRoute[k]!.error), times, end) };
  });
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const cpuUsedCores = sum(s.cpu.map((c) => promRate(times, c.values, end)));
  const gaugeSum = (series: Simple[], resource?: string): number =>
    sum(series.filter((g) => !resource || g.labels.some(([k, v]) => k === 'resource' && v === resource)).map((g) => instant(times, g.values, end)));
  const cpuRequestCores = gaugeSum(s.requests, 'cpu');
  const memoryWorkingSetBytes = gaugeSum(s.mem);
  const memoryRequestBytes = gaugeSum(s.requests, 'memory');
  let hpa: HpaTruth | null = null;
  if (s.hpa && svc.hpa) {
    const max = instant(times, s.hpa.max.values, end);
    const current = instant(times, s.hpa.current.values, end);
    hpa = { name: svc.hpa.name, min: instant(times, s.hpa.min.values, end), max, current, desired: instant(times, s.hpa.desired.values, end), headroom: max - current };
  }
  return {
    name: svc.name,
    convention: svc.convention,
    job: svc.job,
    namespace: profile.namespace,
    deployment: svc.deployment,
    container: svc.container,
    pods: s.pods,
    metric: METRICS[svc.convention],
    routes,
    routeTotals,
    cpuUsedCores,
    cpuRequestCores,
    cpuLimitCores: gaugeSum(s.limits, 'cpu'),
    cpuRatio: cpuUsedCores / cpuRequestCores,
    memoryWorkingSetBytes,
    memoryRequestBytes,
    memoryLimitBytes: gaugeSum(s.limits, 'memory'),
    memoryRatio: memoryWorkingSetBytes / memoryRequestBytes,
    restarts: gaugeSum(s.restarts),
    hpa,
    configured: {
      cpuUsedCores: svc.cpu.used,
      cpuRequestCores: svc.cpu.request,
      cpuLimitCores: svc.cpu.limit,
      memoryWorkingSetBytes: svc.memory.used,
      memoryRequestBytes: svc.memory.request,
      memoryLimitBytes: svc.memory.limit,
    },
  };
}

// ---------------------------------------------------------------- OpenMetrics text

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
function labelText(labels: Labels, extra?: [string, string]): string {
  const all = extra ? [...labels, extra] : labels;
  return `{${all.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}
function formatLe(le: number): string {
  return le === Infinity ? '+Inf' : String(le);
}

function writeFamily(out: string[], f: Family, times: Float64Array): void {
  out.push(`# TYPE ${f.name} ${f.type}\n# HELP ${f.name} ${f.help}\n`);
  const n = times.length;
  if (f.type === 'histogram') {
    for (const h of f.series) {
      const prefixes = h.les.map((le) => `${f.name}_bucket${labelText(h.labels, ['le', formatLe(le)])} `);
      const countPrefix = `${f.name}_count${labelText(h.labels)} `;
      const sumPrefix = `${f.name}_sum${labelText(h.labels)} `;
      const lines: string[] = [];
      for (let i = 0; i < n; i++) {
        const ts = ` ${times[i]}\n`;
        for (let b = 0; b < prefixes.length; b++) lines.push(prefixes[b] + String(h.buckets[b]![i]) + ts);
        lines.push(countPrefix + String(h.count[i]) + ts, sumPrefix + String(h.sum[i]) + ts);
      }
      out.push(lines.join(''));
    }
    return;
  }
  const sampleName = f.type === 'counter' ? `${f.name}_total` : f.name;
  for (const s of f.series) {
    const prefix = sampleName + labelText(s.labels) + ' ';
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(prefix + String(s.values[i]) + ' ' + times[i] + '\n');
    out.push(lines.join(''));
  }
}

function families(profile: Profile, all: Array<{ svc: ServiceProfile; s: ServiceSeries }>): Family[] {
  const fams: Family[] = [];
  // One histogram family per convention in use (two services may share a name).
  const conventions = [...new Set(profile.services.map((s) => s.convention))];
  for (const c of conventions) {
    const mine = all.filter((a) => a.svc.convention === c);
    fams.push({ name: METRICS[c].histogram, type: 'histogram', help: HELP[c], series: mine.flatMap((a) => a.s.histos) });
    const max = METRICS[c].max;
    if (max) fams.push({ name: max, type: 'gauge', help: HELP[c], series: mine.flatMap((a) => a.s.maxes) });
  }
  const pick = (fn: (s: ServiceSeries) => Simple[]): Simple[] => all.flatMap((a) => fn(a.s));
  fams.push(
    { name: 'container_cpu_usage_seconds', type: 'counter', help: 'Cumulative cpu time consumed in seconds.', series: [...pick((s) => s.cpu), ...pick((s) => s.cpuPod)] },
    { name: 'container_memory_working_set_bytes', type: 'gauge', help: 'Current working set in bytes.', series: [...pick((s) => s.mem), ...pick((s) => s.memPod)] },
    { name: 'kube_pod_container_resource_requests', type: 'gauge', help: 'The number of requested request resource by a container.', series: pick((s) => s.requests) },
    { name: 'kube_pod_container_resource_limits', type: 'gauge', help: 'The number of requested limit resource by a container.', series: pick((s) => s.limits) },
    { name: 'kube_pod_container_status_restarts', type: 'counter', help: 'The number of container restarts per container.', series: pick((s) => s.restarts) },
    { name: 'kube_pod_owner', type: 'gauge', help: "Information about the Pod's owner.", series: pick((s) => s.podOwner) },
    { name: 'kube_replicaset_owner', type: 'gauge', help: "Information about the ReplicaSet's owner.", series: pick((s) => [s.rsOwner]) },
    { name: 'kube_deployment_spec_replicas', type: 'gauge', help: 'Number of desired pods for a deployment.', series: pick((s) => [s.deploymentReplicas]) },
  );
  const hpaFam = (suffix: 'min' | 'max' | 'current' | 'desired', name: string, help: string): Family => ({
    name,
    type: 'gauge',
    help,
    series: pick((s) => (s.hpa ? [s.hpa[suffix]] : [])),
  });
  fams.push(
    hpaFam('max', 'kube_horizontalpodautoscaler_spec_max_replicas', 'Upper limit for the number of pods that can be set by the autoscaler; cannot be smaller than MinReplicas.'),
    hpaFam('min', 'kube_horizontalpodautoscaler_spec_min_replicas', 'Lower limit for the number of pods that can be set by the autoscaler, default 1.'),
    hpaFam('current', 'kube_horizontalpodautoscaler_status_current_replicas', 'Current number of replicas of pods managed by this autoscaler.'),
    hpaFam('desired', 'kube_horizontalpodautoscaler_status_desired_replicas', 'Desired number of replicas of pods managed by this autoscaler.'),
  );
  return fams;
}

/** Generates `hours` of history ending at `end` (inclusive), one sample per `stepSeconds`. Pure and deterministic. */
export function generateOpenMetrics(profile: Profile, opts: GenerateOptions): GenerateResult {
  validateOptions(opts);
  const step = opts.stepSeconds;
  const count = Math.floor((opts.hours * 3600) / step) + 1;
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) times[i] = opts.end - (count - 1 - i) * step;

  const all = profile.services.map((svc) => ({ svc, s: generateService(profile, svc, times, step) }));
  const out: string[] = [];
  for (const f of families(profile, all)) {
    if (f.series.length > 0) writeFamily(out, f, times);
  }
  out.push('# EOF\n');

  const services: Record<string, ServiceTruth> = {};
  for (const { svc, s } of all) services[svc.name] = serviceTruth(profile, svc, s, times, opts.end);
  const truth: Truth = { namespace: profile.namespace, end: opts.end, start: times[0]!, stepSeconds: step, windowSeconds: WINDOW, services };
  return { text: out.join(''), truth };
}

// ---------------------------------------------------------------- CLI

function parseEnd(v: string, step: number): number {
  if (v === 'now') return Math.floor(Date.now() / 1000 / step) * step;
  if (/^[0-9]+$/.test(v)) return Number(v);
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) throw new Error(`--end: expected "now", unix seconds or an ISO date, got ${v}`);
  return Math.floor(ms / 1000);
}

function main(argv: string[]): void {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') {
      process.stdout.write('usage: generate.ts --profile shop|FILE [--end now|UNIX|ISO] [--hours 6] [--step 15] [--out data.om] [--truth truth.json]\n');
      return;
    }
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    const v = inline ?? argv[++i];
    if (v === undefined) throw new Error(`--${k} needs a value`);
    args.set(k, v);
  }
  for (const k of args.keys()) if (!['profile', 'end', 'hours', 'step', 'out', 'truth'].includes(k)) throw new Error(`unknown option --${k}`);
  const step = Number(args.get('step') ?? 15);
  const profile = loadProfile(args.get('profile') ?? 'shop');
  const end = parseEnd(args.get('end') ?? 'now', step);
  const started = performance.now();
  const { text, truth } = generateOpenMetrics(profile, { end, hours: Number(args.get('hours') ?? 6), stepSeconds: step });
  const out = args.get('out');
  if (out && out !== '-') writeFileSync(out, text);
  else process.stdout.write(text);
  const truthFile = args.get('truth');
  if (truthFile) writeFileSync(truthFile, JSON.stringify(truth, null, 2) + '\n');
  const lines = text.length ? text.split('\n').length - 1 : 0;
  process.stderr.write(`generated ${lines} lines (${(text.length / 1e6).toFixed(1)} MB) ending ${new Date(end * 1000).toISOString()} in ${Math.round(performance.now() - started)} ms\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`generate: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}

// Shared by the signals integration tests: an environment model built from a profile's truth (the services the
// generated data describes), and tolerance assertions.
import assert from 'node:assert/strict';
import type { ServiceTruth, Truth } from '../../../scripts/metrics/generate';
import type { EnvironmentModel, Service } from '../../../src/core/model/environment';

const loc = { file: 'deploy/k8s/x.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };

export function serviceFromTruth(t: ServiceTruth): Service {
  return {
    name: t.name,
    namespace: t.namespace,
    workload: t.deployment,
    recipes: [{ kind: 'kubernetes/Deployment', name: t.deployment, location: loc }],
    capacity: t.hpa ? { autoscaling: { name: t.hpa.name, location: loc } } : {},
    codeRoots: [{ root: `services/${t.name}`, reason: 'test', confidence: 'high' }],
    env: {},
  };
}

export function modelFromTruth(truth: Truth): EnvironmentModel {
  return { problems: [], services: Object.values(truth.services).map(serviceFromTruth) };
}

export function assertClose(actual: number | undefined, expected: number, relative: number, what: string): void {
  assert.ok(actual !== undefined && Number.isFinite(actual), `${what}: got ${actual}`);
  const ok = expected === 0 ? Math.abs(actual) < 1e-9 : Math.abs(actual - expected) <= Math.abs(expected) * relative;
  assert.ok(ok, `${what}: got ${actual}, expected ${expected} ±${relative * 100}%`);
}

/** A Kubernetes-deployed service of namespace `shop` whose code is `services/<name>`, for hand-written models. */
export function shopService(name: string, extra: Partial<Service> = {}): Service {
  return {
    name,
    namespace: 'shop',
    recipes: [{ kind: 'kubernetes/Deployment', name, location: { ...loc, file: 'x.yaml' } }],
    capacity: {},
    codeRoots: [{ root: `services/${name}`, reason: 'test', confidence: 'high' }],
    env: {},
    ...extra,
  };
}

/** The cumulative fractions of requests at each bucket bound, for hand-written histograms (50%, 90%, 99%, all). */
export const FRACTIONS = [0.5, 0.9, 0.99, 1];

/** p95 falls in the (b1, b2] bucket, where 90% → 99% of requests are: b1 + (b2 − b1)·(0.95 − 0.9)/(0.99 − 0.9). */
export const p95In = (b1: number, b2: number): number => b1 + ((b2 - b1) * 0.05) / 0.09;

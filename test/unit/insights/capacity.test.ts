import assert from 'node:assert/strict';
import { capacityWarnings } from '../../../src/core/insights/capacityWarnings';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import type { Service } from '../../../src/core/model/environment';
import type { ServiceSignals } from '../../../src/core/signals/signalSet';

const loc = (line: number) => ({ file: 'deploy/k8s/orders.yaml', range: { start: { line, character: 15 }, end: { line, character: 17 } } });

const service: Service = {
  name: 'orders',
  recipes: [],
  codeRoots: [],
  env: {},
  capacity: {
    autoscaling: { name: 'orders', location: loc(60), maxReplicas: { value: 10, location: loc(71) } },
    cpuRequest: { value: 0.5, location: loc(37) },
  },
};

function signals(current: number, max: number, cpuRatio?: number): ServiceSignals {
  return {
    service: 'orders',
    routes: [],
    autoscaler: {
      name: 'orders',
      currentReplicas: { value: current, query: 'cur' },
      maxReplicas: { value: max, query: 'max' },
      headroom: max - current,
    },
    cpu: cpuRatio === undefined ? undefined : { usedCores: { value: cpuRatio * 5, query: 'used' }, requestCores: { value: 5, query: 'req' }, ratio: cpuRatio },
  };
}

describe('capacity-pressure', () => {
  it('says nothing without production data, even though the recipe has limits', () => {
    assert.deepEqual(capacityWarnings(service, undefined, undefined, DEFAULT_SEVERITY_RULES), []);
  });

  it('says nothing when the autoscaler has headroom and CPU is below the threshold', () => {
    assert.deepEqual(capacityWarnings(service, signals(4, 10, 0.5), undefined, DEFAULT_SEVERITY_RULES), []);
  });

  it('warns on the maxReplicas line when the autoscaler is pinned', () => {
    const [w, ...rest] = capacityWarnings(service, signals(10, 10, 0.84), undefined, DEFAULT_SEVERITY_RULES);
    assert.equal(rest.length, 0);
    assert.equal(w.code, 'capacity-pressure');
    assert.equal(w.severity, 'warning');
    assert.equal(w.range.start.line, 71);
    assert.match(w.message, /10\/10 replicas/);
    assert.match(w.message, /CPU at 84% of request/);
    assert.equal(w.evidence.autoscaler?.headroom, 0);
  });

  it('is an error when pinned and CPU is at or above the pressure threshold, and flags the CPU request line too', () => {
    const ws = capacityWarnings(service, signals(10, 10, 0.95), undefined, DEFAULT_SEVERITY_RULES);
    assert.deepEqual(
      ws.map((w) => [w.severity, w.range.start.line]),
      [
        ['error', 71],
        ['warning', 37],
      ],
    );
    assert.match(ws[1].message, /95%/);
  });

  it('respects a configured CPU threshold', () => {
    const ws = capacityWarnings(service, signals(4, 10, 0.75), undefined, { ...DEFAULT_SEVERITY_RULES, cpuPressureRatio: 0.7 });
    assert.deepEqual(ws.map((w) => w.range.start.line), [37]);
  });
});

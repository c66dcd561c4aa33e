import * as assert from 'node:assert/strict';
import { evidenceFor } from '../../../src/core/changes/changeEvidence';
import { newRecord, parseRecord, recordId, recordsByRelease, renderRecord } from '../../../src/core/changes/changeRecord';
import type { ChangeTarget } from '../../../src/core/changes/changeTypes';
import { checkValue } from '../../../src/core/changes/changeValues';
import type { SignalSet } from '../../../src/core/signals/signalSet';

const loc = { file: 'deploy/orders.yaml', range: { start: { line: 40, character: 19 }, end: { line: 40, character: 22 } } };
const t = (kind: ChangeTarget['kind'], unit: ChangeTarget['unit'], dialect: ChangeTarget['dialect'], raw: string, label: string = kind): ChangeTarget => ({ kind, label, unit, dialect, current: { raw, display: raw, location: loc } });

describe('changes: input checks in the recipe\'s own units', () => {
  it('accepts Kubernetes quantities and refuses what is not one, with an example', () => {
    assert.deepEqual(checkValue(t('cpuRequest', 'cores', 'kubernetes', '500m', 'CPU request'), '750m'), { ok: true, literal: '750m', value: 0.75 });
    assert.deepEqual(checkValue(t('memoryLimit', 'bytes', 'kubernetes', '1Gi', 'Memory limit'), '1.5Gi'), { ok: true, literal: '1.5Gi', value: 1.5 * 2 ** 30 });
    const bad = checkValue(t('cpuRequest', 'cores', 'kubernetes', '500m', 'CPU request'), '750 millicores');
    assert.equal(bad.ok, false);
    assert.match((bad as { message: string }).message, /"750 millicores" is not a Kubernetes quantity, e\.g\. 750m or 1\.5/);
  });

  it('reads Compose, Terraform and fly.toml units', () => {
    assert.equal((checkValue(t('cpuLimit', 'cores', 'compose', "'1.0'"), '1.5') as { value: number }).value, 1.5);
    assert.equal((checkValue(t('memoryLimit', 'bytes', 'compose', '1G'), '768M') as { value: number }).value, 768 * 2 ** 20);
    assert.equal((checkValue(t('cpuRequest', 'cores', 'terraform', '512'), '2048') as { value: number }).value, 2);
    assert.match((checkValue(t('cpuRequest', 'cores', 'terraform', '512'), '1.5') as { message: string }).message, /CPU units \(1024 = 1 vCPU\)/);
    assert.equal((checkValue(t('memoryLimit', 'bytes', 'fly', "'1gb'"), '2gb') as { value: number }).value, 2048 * 2 ** 20);
  });

  it('keeps min ≤ max and limit ≥ request, and says which to raise first', () => {
    const min = checkValue(t('minReplicas', 'count', 'kubernetes', '3', 'Autoscaling min'), '12', { maxReplicas: 10 });
    assert.match((min as { message: string }).message, /minimum \(12\) cannot be above the maximum \(10\): raise the maximum first/);
    const max = checkValue(t('maxReplicas', 'count', 'kubernetes', '10', 'Autoscaling max'), '2', { minReplicas: 3 });
    assert.match((max as { message: string }).message, /maximum \(2\) cannot be below the minimum \(3\)/);
    const limit = checkValue(t('cpuLimit', 'cores', 'kubernetes', '"1"', 'CPU limit'), '250m', { cpuRequest: 0.5 });
    assert.match((limit as { message: string }).message, /CPU limit \(250m\) cannot be below the request \(500m\)/);
    const mem = checkValue(t('memoryRequest', 'bytes', 'kubernetes', '512Mi', 'Memory request'), '2Gi', { memoryLimit: 2 ** 30 });
    assert.match((mem as { message: string }).message, /memory request \(2 GiB\) cannot be above the limit \(1 GiB\): raise the limit first/);
  });

  it('refuses whole-number fields given fractions, the current value, empty input and several lines', () => {
    assert.equal(checkValue(t('replicas', 'count', 'kubernetes', '3', 'Replicas'), '3.5').ok, false);
    assert.match((checkValue(t('replicas', 'count', 'kubernetes', '3', 'Replicas'), '3') as { message: string }).message, /already the replicas/);
    assert.equal(checkValue(t('replicas', 'count', 'kubernetes', '3', 'Replicas'), '  ').ok, false);
    assert.match((checkValue(t('env', 'text', 'kubernetes', '"a"', 'env A'), 'x\ny') as { message: string }).message, /one line/);
    assert.match((checkValue(t('targetCpuUtilization', 'percent', 'kubernetes', '70'), '0') as { message: string }).message, /between 1 and 1000/);
  });
});

describe('changes: change records (.ops-lens/changes/<id>.md, YAML front matter)', () => {
  const request = {
    service: 'orders',
    environment: 'prod',
    target: t('maxReplicas', 'count', 'kubernetes', '10', 'Autoscaling max'),
    to: '14',
    reason: 'Pinned at 10/10 during the evening peak.',
    evidence: { items: [{ summary: 'Autoscaler orders at 10/10 replicas', query: 'kube_horizontalpodautoscaler_status_current_replicas{horizontalpodautoscaler="orders"}', window: '5m' }], source: 'Prometheus http://prom:9090', evaluatedAt: '2026-05-01T09:00:00.000Z' },
    release: '2026.05',
  };

  it('writes a record that reads back the same, with the diff in its body', () => {
    const patch = { file: 'deploy/orders.yaml', before: 'a: 1\nmaxReplicas: 10\n', after: 'a: 1\nmaxReplicas: 14\n', edit: { start: 18, end: 20, newText: '14' }, path: 'spec.maxReplicas', line: 1 };
    const now = new Date('2026-05-01T10:00:00Z');
    const id = recordId(now, request, new Set(['2026-05-01-orders-prod-max-replicas']));
    assert.equal(id, '2026-05-01-orders-prod-max-replicas-2');
    const record = { ...newRecord(request, patch, id, now, 'Dev <dev@example.invalid>'), status: 'submitted' as const, link: 'https://github.com/a/b/pull/3', submittedAs: 'pullRequest' as const };
    const text = renderRecord(record);
    assert.match(text, /^---\nid: 2026-05-01-orders-prod-max-replicas-2\ntitle: "orders \(prod\): Autoscaling max 10 → 14"\nservice: orders\nenvironment: prod\nchange: maxReplicas\nrecipe:\n {2}file: deploy\/orders\.yaml\n {2}line: 2\n {2}path: spec\.maxReplicas\nfrom: "10"\nto: "14"\n/);
    assert.match(text, /```diff\n--- a\/deploy\/orders\.yaml\n\+\+\+ b\/deploy\/orders\.yaml\n@@ -1,2 \+1,2 @@\n a: 1\n-maxReplicas: 10\n\+maxReplicas: 14\n```/);
    const back = parseRecord(text).record!;
    assert.deepEqual(JSON.parse(JSON.stringify({ ...back, body: '' })), JSON.parse(JSON.stringify({ ...record, body: '' })));
    assert.equal(back.body, record.body.trim());
  });

  it('explains files that are not records instead of throwing', () => {
    assert.match(parseRecord('just text').problem!, /no front matter/);
    assert.match(parseRecord('---\n: [\n---\n').problem!, /not valid YAML/);
    assert.match(parseRecord('---\nid: x\n---\n').problem!, /no "service"/);
  });

  it('groups records by the release they ride with', () => {
    const a = { record: { release: '2026.05' } } as never;
    const b = { record: { release: undefined } } as never;
    const c = { record: { release: '2026.05' } } as never;
    assert.deepEqual([...recordsByRelease([a, b, c]).entries()].map(([k, v]) => [k, v.length]), [['2026.05', 2], [undefined, 1]]);
  });
});

describe('changes: evidence chosen for what is changed', () => {
  const set: SignalSet = {
    source: { kind: 'prometheus', url: 'http://prom:9090' },
    evaluatedAt: 1_777_000_000,
    window: '5m',
    peakWindow: '7d',
    notes: [],
    services: [
      {
        service: 'orders',
        routes: [{ method: 'GET', route: '/orders', requestRate: { value: 851.7, query: 'rate(q)' }, p99Seconds: { value: 0.41, query: 'p99(q)' } }],
        autoscaler: { name: 'orders', currentReplicas: { value: 10, query: 'cur' }, maxReplicas: { value: 10, query: 'max' }, headroom: 0, peakReplicas: { value: 10, query: 'peak', window: '7d' } },
        cpu: { usedCores: { value: 4.2, query: 'cpu' }, requestCores: { value: 5, query: 'req' }, ratio: 0.84, peakUsedCores: { value: 6.1, query: 'peakcpu', window: '7d' }, peakRatio: 1.22 },
        pools: [{ name: 'orders', active: { value: 19, query: 'active' }, max: { value: 20, query: 'max' }, pending: { value: 3, query: 'pending' }, saturation: 0.95 }],
      },
    ],
  };

  it('shows the autoscaler and CPU peak for replica counts, the pool for a pool size, latency for a timeout', () => {
    const replicas = evidenceFor('maxReplicas', undefined, set.services[0], set);
    assert.deepEqual(replicas.items.map((i) => i.summary).slice(0, 4), [
      'Autoscaler orders at 10/10 replicas (no headroom: pinned at its maximum)',
      'Peak replicas over 7d: 10',
      'CPU used: 4.2 cores = 84% of the 5 cores request',
      'Peak CPU over 7d: 6.1 cores = 122% of request',
    ]);
    assert.equal(replicas.items[3].query, 'peakcpu');
    assert.equal(replicas.items[3].window, '7d');
    assert.equal(replicas.source, 'Prometheus http://prom:9090');
    assert.match(evidenceFor('setting', 'poolSize', set.services[0], set).items[0].summary, /Pool orders: 19\/20 connections in use \(95%\), 3 waiting/);
    assert.match(evidenceFor('setting', 'timeout', set.services[0], set).items[0].summary, /Slowest route: GET \/orders p99 410 ms/);
    assert.deepEqual(evidenceFor('cpuRequest', undefined, undefined, undefined).items, []);
  });
});

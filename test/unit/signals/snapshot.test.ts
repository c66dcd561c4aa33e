import assert from 'node:assert/strict';
import { parseSnapshot, serialiseSnapshot, SNAPSHOT_VERSION } from '../../../src/core/signals/snapshot';
import type { SignalSet } from '../../../src/core/signals/signalSet';

const SIGNALS: SignalSet = {
  source: { kind: 'prometheus', url: 'http://prometheus.example:9090' },
  evaluatedAt: 1_760_000_000,
  window: '5m',
  services: [
    {
      service: 'orders',
      job: 'shop/orders',
      routes: [
        {
          method: 'GET',
          route: '/orders',
          requestRate: { value: 850.5, query: 'sum(rate(x[5m]))' },
          p95Seconds: { value: 0.182, query: 'histogram_quantile(0.95, y)' },
          errorRatio: { value: 0.001, query: 'a / b' },
        },
      ],
      autoscaler: {
        name: 'orders',
        currentReplicas: { value: 10, query: 'cur' },
        maxReplicas: { value: 10, query: 'max' },
        headroom: 0,
      },
      cpu: { usedCores: { value: 4.2, query: 'used' }, requestCores: { value: 5, query: 'req' }, ratio: 0.84 },
    },
  ],
  notes: ['No HTTP metrics for service "catalog"'],
};

describe('signals snapshot', () => {
  it('round-trips every number, query and note; the source becomes the snapshot file, remembering where it was recorded', () => {
    const text = serialiseSnapshot(SIGNALS, new Date('2025-10-09T08:53:20.000Z'));
    const back = parseSnapshot(text, '.ops-lens/signals.json');
    assert.deepEqual(back, {
      ...SIGNALS,
      source: { kind: 'snapshot', file: '.ops-lens/signals.json', recordedFrom: 'http://prometheus.example:9090' },
    });
  });

  it('writes a versioned, dated, pretty JSON file ending in a newline', () => {
    const text = serialiseSnapshot(SIGNALS, new Date('2025-10-09T08:53:20.000Z'));
    const json = JSON.parse(text);
    assert.equal(json.opsLensSnapshot, SNAPSHOT_VERSION);
    assert.equal(json.recordedAt, '2025-10-09T08:53:20.000Z');
    assert.ok(text.endsWith('}\n'));
    assert.ok(text.includes('\n  "signals"'));
  });

  it('a snapshot of a snapshot keeps no stale file name', () => {
    const once = parseSnapshot(serialiseSnapshot(SIGNALS), 'a.json');
    const twice = parseSnapshot(serialiseSnapshot(once), 'b.json');
    assert.deepEqual(twice.source, { kind: 'snapshot', file: 'b.json', recordedFrom: undefined });
    assert.deepEqual(twice.services, SIGNALS.services);
  });

  it('an older snapshot without notes reads with empty notes', () => {
    const json = JSON.parse(serialiseSnapshot(SIGNALS));
    delete json.signals.notes;
    assert.deepEqual(parseSnapshot(JSON.stringify(json), 'x.json').notes, []);
  });

  describe('clear errors', () => {
    it('JSON that is not a snapshot: names the file and says what it is not, in one line', () => {
      for (const text of ['{"warnings": []}', '[]', '{"opsLensSnapshot": 2, "signals": {"services": []}}', '{"opsLensSnapshot": 1}', 'null']) {
        assert.throws(
          () => parseSnapshot(text, 'metrics.json'),
          (e: Error) => {
            assert.equal(e.message, 'metrics.json is not an Ops Lens signals snapshot (version 1)');
            return true;
          },
          text,
        );
      }
    });

    it('text that is not JSON: names the file and says so, in one line', () => {
      let error: Error | undefined;
      try {
        parseSnapshot('Not Found\n', 'signals.json'); // e.g. an error page saved by curl
      } catch (e) {
        error = e as Error;
      }
      assert.ok(error, 'no error thrown');
      assert.match(error.message, /^signals\.json is not valid JSON \(/);
      // parseSnapshot promises "a one-line reason"; the CLI prints only the first line.
      assert.equal(error.message.split('\n').length, 1, `not one line: ${JSON.stringify(error.message)}`);
    });
  });
});

import assert from 'node:assert/strict';
import type { Hazard } from '../../../src/core/code/codeModel';
import { warningForHazard } from '../../../src/core/insights/hazardWarnings';
import { DEFAULT_SEVERITY_RULES, decideSeverity } from '../../../src/core/insights/severityRules';
import { compareWarnings, type Warning } from '../../../src/core/insights/warning';
import type { Service } from '../../../src/core/model/environment';
import type { ServiceSignals, SignalSet } from '../../../src/core/signals/signalSet';

const rules = DEFAULT_SEVERITY_RULES;

function hazard(file: string, line: number, route = { method: 'GET', path: '/orders' }): Hazard {
  return {
    code: 'query-in-loop',
    file,
    range: { start: { line, character: 4 }, end: { line, character: 20 } },
    callee: 'pool.query',
    explanation: 'Database query `pool.query(…)` runs once per iteration of a for…of loop, sequentially: each iteration waits for the previous one.',
    loop: { kind: 'for…of', mode: 'sequential', range: { start: { line: line - 1, character: 2 }, end: { line: line + 2, character: 3 } } },
    routes: [route],
  };
}

const loc = (file: string, line: number, character = 0) => ({
  file,
  range: { start: { line, character }, end: { line, character: character + 2 } },
});

const ORDERS: Service = {
  name: 'orders',
  recipes: [],
  codeRoots: [{ root: 'services/orders', reason: 'r', confidence: 'high' }],
  env: {},
  capacity: {
    autoscaling: {
      name: 'orders',
      location: loc('deploy/k8s/orders.yaml', 63, 8),
      minReplicas: { value: 3, location: loc('deploy/k8s/orders.yaml', 70, 15) },
      maxReplicas: { value: 10, location: loc('deploy/k8s/orders.yaml', 71, 15) },
    },
    cpuRequest: { value: 0.5, location: loc('deploy/k8s/orders.yaml', 37, 19) },
  },
};

function signalsWith(routes: { method: string; route: string; rps: number }[], headroom?: number): { set: SignalSet; svc: ServiceSignals } {
  const svc: ServiceSignals = {
    service: 'orders',
    job: 'orders',
    routes: routes.map((r) => ({ method: r.method, route: r.route, requestRate: { value: r.rps, query: `rate{${r.route}}` } })),
    autoscaler:
      headroom === undefined
        ? undefined
        : { name: 'orders', currentReplicas: { value: 10 - headroom, query: 'cur' }, maxReplicas: { value: 10, query: 'max' }, headroom },
  };
  return { set: { source: { kind: 'snapshot', file: 'snap.json' }, evaluatedAt: 1760000000, window: '5m', services: [svc], notes: [] }, svc };
}

describe('severity', () => {
  describe('decideSeverity', () => {
    it('no production data → info, saying so', () => {
      const d = decideSeverity({}, rules);
      assert.equal(d.severity, 'info');
      assert.match(d.reason, /no production data/);
    });
    it('code no route reaches → info, saying that, not "no data for this route"', () => {
      const d = decideSeverity({ onRoute: false, autoscalerHeadroom: 0 }, rules);
      assert.equal(d.severity, 'info');
      assert.match(d.reason, /no route was found to reach this code/);
      assert.match(decideSeverity({ onRoute: true }, rules).reason, /no production data for this route/);
    });
    it('code no route reaches but a background task does → info, naming the task', () => {
      const d = decideSeverity({ onRoute: false, task: 'send_digest (Celery task)' }, rules);
      assert.equal(d.severity, 'info');
      assert.match(d.reason, /no route reaches this code; it runs in the background \(send_digest \(Celery task\)\), where no request waits on it/);
      const w = warningForHazard({ ...hazard('services/orders/src/tasks.py', 9), routes: [], tasks: ['send_digest (Celery task)', 'nightly (Celery task)'] }, ORDERS, undefined, undefined, rules);
      assert.equal(w.route, null);
      assert.deepEqual(w.evidence.tasks, ['send_digest (Celery task)', 'nightly (Celery task)']);
      assert.match(w.message, /^In send_digest \(Celery task\), and 1 more background task\. Database query .*Severity info: no route reaches this code; it runs in the background/);
    });
    it('code a route reads through a cached function → info, saying it runs when the cache misses', () => {
      const d = decideSeverity({ onRoute: false, rps: 500, task: 'RegionService.all (result cached, read by GET /regions)' }, rules);
      assert.equal(d.severity, 'info');
      assert.equal(d.reason, "info: its result is cached, so it runs when the cache misses, not on each request, and no route's numbers say how often");
    });

    it('code only a startup hook reaches → info, saying it runs once as the process starts', () => {
      const d = decideSeverity({ onRoute: false, task: 'InfraConfigService.onModuleInit (startup hook)' }, rules);
      assert.equal(d.severity, 'info');
      assert.equal(d.reason, 'info: no route reaches this code; it runs once as the process starts (InfraConfigService.onModuleInit (startup hook)), not for each request');
    });
    it('no data stays info even with an autoscaler at its maximum', () => {
      assert.equal(decideSeverity({ autoscalerHeadroom: 0 }, rules).severity, 'info');
    });
    it('a cold route (below 1 req/s) → info', () => {
      const d = decideSeverity({ rps: 0.2 }, rules);
      assert.equal(d.severity, 'info');
      assert.match(d.reason, /cold \(0\.20 req\/s, below the 1 req\/s threshold\)/);
      assert.equal(decideSeverity({ rps: 0, autoscalerHeadroom: 0 }, rules).severity, 'info');
    });
    it('a hot route → warning (exactly at the threshold counts as hot)', () => {
      assert.equal(decideSeverity({ rps: 850 }, rules).severity, 'warning');
      assert.equal(decideSeverity({ rps: 1 }, rules).severity, 'warning');
      assert.equal(decideSeverity({ rps: 850, autoscalerHeadroom: 3 }, rules).severity, 'warning');
    });
    it('a hot route with autoscaler headroom 0 → error', () => {
      const d = decideSeverity({ rps: 850, autoscalerHeadroom: 0 }, rules);
      assert.equal(d.severity, 'error');
      assert.match(d.reason, /850 req\/s/);
      assert.equal(decideSeverity({ rps: 850, autoscalerHeadroom: -1 }, rules).severity, 'error');
    });
    it('the cold threshold is configurable', () => {
      assert.equal(decideSeverity({ rps: 5 }, { coldRouteRps: 10 }).severity, 'info');
    });
  });

  describe('warningForHazard', () => {
    it('without signals: info, route label, no estimate, related recipe lines', () => {
      const w = warningForHazard(hazard('services/orders/src/routes/orders.ts', 22), ORDERS, undefined, undefined, rules);
      assert.equal(w.severity, 'info');
      assert.equal(w.route, 'GET /orders');
      assert.equal(w.service, 'orders');
      assert.equal(w.estimate, undefined);
      assert.ok(w.message.includes('GET /orders'), w.message);
      assert.ok(w.message.includes('Database query `pool.query(…)`'), w.message);
      assert.match(w.evidence.severityReason, /no production data/);
      assert.deepEqual(
        w.related.map((r) => [r.location.file, r.location.range.start.line, r.message]),
        [
          ['deploy/k8s/orders.yaml', 71, 'Autoscaler orders: maxReplicas 10 (min 3)'],
          ['deploy/k8s/orders.yaml', 37, 'orders: CPU request 500m per pod'],
        ],
      );
    });

    it('hot route at max replicas: error, with the numbers and the estimate', () => {
      const { set, svc } = signalsWith([{ method: 'GET', route: '/orders', rps: 850 }], 0);
      const w = warningForHazard(hazard('services/orders/src/routes/orders.ts', 22), ORDERS, svc, set, rules);
      assert.equal(w.severity, 'error');
      assert.equal(w.evidence.requestRate?.value, 850);
      assert.equal(w.evidence.source, 'snapshot snap.json');
      assert.equal(w.evidence.autoscaler?.headroom, 0);
      assert.equal(w.estimate, '≈ 850 req/s × N items → 850·N queries/s');
      assert.ok(w.message.includes('GET /orders serves 850 req/s'), w.message);
      assert.ok(w.message.includes('850·N queries/s'), w.message);
      assert.ok(w.message.includes('Autoscaler orders at 10/10 replicas (no headroom)'), w.message);
    });

    it('only a call in a loop multiplies by N: a blocking call or an unbounded query on the same hot route has no estimate', () => {
      const { set, svc } = signalsWith([{ method: 'GET', route: '/orders', rps: 850 }], 0);
      for (const code of ['blocking-call', 'unbounded-query'] as const) {
        const { loop: _loop, ...rest } = hazard('services/orders/src/routes/orders.ts', 22);
        const w = warningForHazard({ ...rest, code, explanation: '`fs.readFileSync(…)` blocks the worker.' }, ORDERS, svc, set, rules);
        assert.equal(w.estimate, undefined, code);
        assert.ok(w.message.includes('GET /orders serves 850 req/s'), w.message);
        assert.ok(!w.message.includes('N items'), w.message);
      }
    });

    it('route signals meet across template spellings (/orders/:id vs /orders/{id})', () => {
      const { set, svc } = signalsWith([{ method: 'GET', route: '/orders/{id}', rps: 40 }]);
      const w = warningForHazard(hazard('a.ts', 3, { method: 'GET', path: '/orders/:id' }), ORDERS, svc, set, rules);
      assert.equal(w.severity, 'warning');
      assert.equal(w.evidence.requestRate?.value, 40);
    });

    it('a hazard reached from several routes names the hottest and says the others', () => {
      const routes = ['/orders', '/orders/:id', '/orders/export', '/orders/feed', '/orders/search'].map((path) => ({ method: 'GET', path }));
      const h = { ...hazard('a.ts', 3), routes };
      const quiet = warningForHazard(h, ORDERS, undefined, undefined, rules);
      assert.equal(quiet.route, 'GET /orders');
      assert.match(quiet.message, /^On GET \/orders\. Also reached from GET \/orders\/:id, GET \/orders\/export, GET \/orders\/feed and 1 more\. Database query/);
      const { set, svc } = signalsWith([{ method: 'GET', route: '/orders/export', rps: 40 }]);
      const hot = warningForHazard(h, ORDERS, svc, set, rules);
      assert.equal(hot.route, 'GET /orders/export');
      assert.match(hot.message, /^GET \/orders\/export serves 40 req\/s\. Also reached from GET \/orders, GET \/orders\/:id, GET \/orders\/feed and 1 more\./);
      // The JSON keeps every one of them, for tools that read it (the message shortens the list).
      assert.deepEqual(hot.evidence.otherRoutes, ['GET /orders', 'GET /orders/:id', 'GET /orders/feed', 'GET /orders/search']);
      assert.equal(warningForHazard(hazard('a.ts', 3), ORDERS, undefined, undefined, rules).evidence.otherRoutes, undefined);
    });

    it('a POST hazard does not take the GET rate of the same path', () => {
      const { set, svc } = signalsWith([{ method: 'GET', route: '/orders', rps: 850 }]);
      const w = warningForHazard(hazard('a.ts', 3, { method: 'POST', path: '/orders' }), ORDERS, svc, set, rules);
      assert.equal(w.severity, 'info');
      assert.equal(w.evidence.requestRate, undefined);
    });
  });

  describe('ranking (compareWarnings)', () => {
    it('puts a hot-route hazard above an identical cold-route one, even when its file sorts later', () => {
      const { set, svc } = signalsWith([
        { method: 'GET', route: '/hot', rps: 850 },
        { method: 'GET', route: '/cold', rps: 0.1 },
      ]);
      const cold = warningForHazard(hazard('a/cold.ts', 5, { method: 'GET', path: '/cold' }), ORDERS, svc, set, rules);
      const hot = warningForHazard(hazard('z/hot.ts', 5, { method: 'GET', path: '/hot' }), ORDERS, svc, set, rules);
      assert.deepEqual([cold, hot].sort(compareWarnings).map((w) => w.route), ['GET /hot', 'GET /cold']);
    });

    it('among equal severities the hotter route comes first; then file, line, column', () => {
      const { set, svc } = signalsWith([
        { method: 'GET', route: '/a', rps: 5 },
        { method: 'GET', route: '/b', rps: 500 },
      ]);
      const make = (file: string, line: number, path: string): Warning =>
        warningForHazard(hazard(file, line, { method: 'GET', path }), ORDERS, svc, set, rules);
      const warm = make('a.ts', 1, '/a');
      const hot = make('z.ts', 9, '/b');
      const noData1 = make('b.ts', 7, '/none');
      const noData2 = make('b.ts', 2, '/none');
      assert.deepEqual(
        [noData1, warm, noData2, hot].sort(compareWarnings).map((w) => [w.severity, w.file, w.range.start.line]),
        [
          ['warning', 'z.ts', 9],
          ['warning', 'a.ts', 1],
          ['info', 'b.ts', 2],
          ['info', 'b.ts', 7],
        ],
      );
    });

    it('errors rank above warnings above info', () => {
      const hotFull = signalsWith([{ method: 'GET', route: '/orders', rps: 850 }], 0);
      const hotRoomy = signalsWith([{ method: 'GET', route: '/orders', rps: 900 }], 5);
      const e = warningForHazard(hazard('z.ts', 1), ORDERS, hotFull.svc, hotFull.set, rules);
      const w = warningForHazard(hazard('a.ts', 1), ORDERS, hotRoomy.svc, hotRoomy.set, rules);
      const i = warningForHazard(hazard('a.ts', 0), ORDERS, undefined, undefined, rules);
      assert.deepEqual([i, w, e].sort(compareWarnings).map((x) => x.severity), ['error', 'warning', 'info']);
    });
  });
});

import assert from 'node:assert/strict';
import { routeSummary, warningMarkdown } from '../../../src/core/insights/evidenceText';
import type { Warning } from '../../../src/core/insights/warning';

describe('evidence text', () => {
  it('summarises a route for its CodeLens', () => {
    const title = routeSummary(
      {
        method: 'GET',
        route: '/orders',
        requestRate: { value: 851.7, query: 'q1' },
        p95Seconds: { value: 0.0914, query: 'q2' },
        errorRatio: { value: 0.002, query: 'q3' },
      },
      { name: 'orders', currentReplicas: { value: 10, query: 'a' }, maxReplicas: { value: 10, query: 'b' }, headroom: 0 },
    );
    assert.equal(title, '852 req/s · p95 91 ms · 0.2% errors · HPA 10/10');
  });

  it('omits what is unknown', () => {
    assert.equal(routeSummary({ method: 'GET', route: '/x', requestRate: { value: 2.5, query: 'q' } }), '2.5 req/s');
  });

  it('renders the evidence table with sources, escaping what a backend could inject', () => {
    const w: Warning = {
      code: 'query-in-loop',
      severity: 'error',
      file: 'a.ts',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
      route: 'GET /x',
      message: 'GET /x serves 10 req/s | [click](command:evil)',
      evidence: {
        severityReason: 'error: hot',
        source: 'http://prom:9090',
        evaluatedAt: 1795319610,
        window: '5m',
        requestRate: { value: 10, query: 'sum(rate(x[5m]))' },
      },
      related: [],
      fingerprint: 'f',
    };
    const md = warningMarkdown(w);
    assert.match(md, /\| Request rate \| 10 req\/s \|/);
    assert.match(md, /From http:\/\/prom:9090, evaluated at 2026-11-22T03:53:30.000Z over 5m/);
    assert.ok(!md.includes('[click](command:evil)'), 'markdown link syntax from the message is escaped');
  });
});

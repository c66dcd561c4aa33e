// The `ops-lens` command end to end against a real Prometheus serving generated production history:
// the warning, its place and its numbers, and the same warnings again offline from a recorded snapshot.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { startPrometheus, type TestPrometheus } from '../support/prometheus';

const repo = join(__dirname, '../..');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), env: {}, cwd: repo });
  return { code, out, err };
}

interface JsonWarning {
  code: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  route: string | null;
  service: string | null;
  evidence: { requestRate?: { value: number }; autoscaler?: { headroom: number } };
}

describe('ops-lens check against a real Prometheus', function () {
  this.timeout(120_000);
  let prom: TestPrometheus;
  let tmp: string;

  before(async () => {
    prom = await startPrometheus({ profile: 'shop' });
    tmp = mkdtempSync(join(tmpdir(), 'ops-lens-cli-'));
  });
  after(async () => {
    await prom?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('reports query-in-loop at the right line with the route rate within 5% of the generated truth', async () => {
    const { code, out, err } = await cli(['check', 'examples/shop', '--prometheus', prom.url, '--at', String(prom.end), '--format', 'json']);
    assert.equal(code, 1, `errors fail the run by default (stderr: ${err})`);
    const warnings = (JSON.parse(out).warnings as JsonWarning[]);
    const w = warnings.find((x) => x.code === 'query-in-loop' && x.route === 'GET /orders');
    assert.ok(w, JSON.stringify(warnings.map((x) => [x.code, x.route])));
    assert.deepEqual([w.file, w.line, w.column, w.severity, w.service], ['services/orders/src/routes/orders.ts', 23, 35, 'error', 'orders']);
    const truth = prom.truth.services.orders.routes.find((r) => r.method === 'GET' && r.route === '/orders')!.rps;
    const measured = w.evidence.requestRate!.value;
    assert.ok(Math.abs(measured - truth) / truth < 0.05, `${measured} req/s vs generated ${truth}`);
    assert.equal(w.evidence.autoscaler?.headroom, 0);
    // The same hazard on a cold route stays info, and ranks below the hot one.
    const cold = warnings.findIndex((x) => x.route === 'GET /admin/reports/daily');
    assert.equal(warnings[cold].severity, 'info');
    assert.ok(warnings.indexOf(w) < cold);
  });

  it('gives the same warnings offline from a snapshot recorded at the same instant', async () => {
    const file = join(tmp, 'snap.json');
    const rec = await cli(['snapshot', 'examples/shop', '--prometheus', prom.url, '--at', String(prom.end), '--out', file]);
    assert.equal(rec.code, 0, rec.err);
    const live = await cli(['check', 'examples/shop', '--prometheus', prom.url, '--at', String(prom.end), '--format', 'json']);
    const offline = await cli(['check', 'examples/shop', '--snapshot', file, '--format', 'json']);
    const strip = (text: string) =>
      (JSON.parse(text).warnings as (JsonWarning & { evidence: { source?: string } })[]).map((w) => ({ ...w, evidence: { ...w.evidence, source: undefined } }));
    assert.deepEqual(strip(offline.out), strip(live.out));
  });

  it('fails with one clear line when Prometheus is down', async () => {
    const url = prom.url;
    await prom.stop();
    const { code, out, err } = await cli(['check', 'examples/shop', '--prometheus', url]);
    prom = await startPrometheus({ profile: 'shop' });
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.match(err, /^ops-lens: Cannot reach Prometheus at http:\/\/127\.0\.0\.1:\d+ \(connection refused\)\n$/);
  });
});

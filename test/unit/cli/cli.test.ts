import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runCli } from '../../../src/cli/main';
import { serialiseSnapshot } from '../../../src/core/signals/snapshot';
import type { SignalSet } from '../../../src/core/signals/signalSet';

const ROOT = resolve(__dirname, '../../..');

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cli(argv: string[], cwd = ROOT, env: Record<string, string | undefined> = {}): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), env, cwd });
  return { code, out, err };
}

interface JsonWarning {
  code: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  service: string | null;
  route: string | null;
  message: string;
  evidence: { severityReason: string; loop?: { kind: string; mode: string }; requestRate?: { value: number } };
}

/** The expected hazards of examples/shop, 1-based, in ranking order when no route has data (by file, then line). */
const SHOP_WARNINGS = [
  // requests.get inside `async def` also blocks the event loop; the stores query has no LIMIT.
  ['blocking-call', 'services/catalog/app/main.py', 28, 16, 'catalog', 'GET /products', undefined],
  ['call-in-loop', 'services/catalog/app/main.py', 28, 16, 'catalog', 'GET /products', 'sequential'],
  ['query-in-loop', 'services/catalog/app/main.py', 47, 19, 'catalog', 'POST /internal/reindex', 'sequential'],
  ['unbounded-query', 'services/orders/src/routes/admin.ts', 8, 34, 'orders', 'GET /admin/reports/daily', undefined],
  ['query-in-loop', 'services/orders/src/routes/admin.ts', 11, 23, 'orders', 'GET /admin/reports/daily', 'sequential'],
  ['query-in-loop', 'services/orders/src/routes/orders.ts', 23, 35, 'orders', 'GET /orders', 'sequential'],
  ['call-in-loop', 'services/orders/src/routes/orders.ts', 45, 7, 'orders', 'POST /orders', 'parallel'],
];

const shape = (w: JsonWarning) => [w.code, w.file, w.line, w.column, w.service, w.route, w.evidence.loop?.mode];

function snapshotFor(routes: { method: string; route: string; rps: number }[], headroom?: number): string {
  const set: SignalSet = {
    source: { kind: 'prometheus', url: 'http://prometheus.test:9090' },
    evaluatedAt: 1760000000,
    window: '5m',
    services: [
      {
        service: 'orders',
        job: 'shop/orders',
        routes: routes.map((r) => ({ method: r.method, route: r.route, requestRate: { value: r.rps, query: 'q' } })),
        autoscaler:
          headroom === undefined
            ? undefined
            : { name: 'orders', currentReplicas: { value: 10 - headroom, query: 'c' }, maxReplicas: { value: 10, query: 'm' }, headroom },
      },
    ],
    notes: [],
  };
  return serialiseSnapshot(set, new Date(1760000000 * 1000));
}

function assertOneLineError(r: Run, pattern: RegExp): void {
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.ok(r.err.endsWith('\n'), JSON.stringify(r.err));
  assert.equal(r.err.split('\n').length, 2, `not one line: ${JSON.stringify(r.err)}`);
  assert.doesNotMatch(r.err, /\n\s+at /, 'stack trace on stderr');
  assert.match(r.err, pattern);
}

describe('ops-lens CLI (runCli)', function () {
  this.timeout(20_000);
  let tmp: string;
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(tmp, file)), { recursive: true });
    writeFileSync(join(tmp, file), text);
  };

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'ops-lens-cli-'));
  });
  after(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  describe('check examples/shop', () => {
    it('--format json without signals: exit 0, every hazard as info at its file:line:column with its route', async () => {
      const r = await cli(['check', 'examples/shop', '--format', 'json']);
      assert.equal(r.err, '');
      assert.equal(r.code, 0);
      const json = JSON.parse(r.out) as { warnings: JsonWarning[]; problems: unknown[] };
      assert.deepEqual(json.problems, []);
      assert.deepEqual(json.warnings.map(shape), SHOP_WARNINGS);
      for (const w of json.warnings) {
        assert.equal(w.severity, 'info', `${w.file}:${w.line}`);
        assert.match(w.evidence.severityReason, /no production data/);
        assert.ok(w.message.includes(w.route!), w.message);
        assert.deepEqual(Object.keys(w), ['code', 'severity', 'file', 'line', 'column', 'service', 'route', 'message', 'evidence']);
      }
    });

    it('--fail-on warning without signals: exit 0 (nothing above info)', async () => {
      const r = await cli(['check', 'examples/shop', '--format', 'json', '--fail-on', 'warning']);
      assert.equal(r.code, 0);
    });

    it('a hot route from a snapshot: warning → exit 1 with --fail-on warning, 0 with the default (error) and with never', async () => {
      const snap = join(tmp, 'hot.json');
      writeFileSync(snap, snapshotFor([{ method: 'GET', route: '/orders', rps: 850 }], 4));
      const failOnWarning = await cli(['check', 'examples/shop', '--snapshot', snap, '--format', 'json', '--fail-on', 'warning']);
      assert.equal(failOnWarning.err, '');
      assert.equal(failOnWarning.code, 1);
      const warnings = (JSON.parse(failOnWarning.out) as { warnings: JsonWarning[] }).warnings;
      assert.deepEqual(
        [warnings[0].severity, warnings[0].file, warnings[0].line, warnings[0].route, warnings[0].evidence.requestRate?.value],
        ['warning', 'services/orders/src/routes/orders.ts', 23, 'GET /orders', 850],
      );
      assert.deepEqual(
        warnings.slice(1).map((w) => w.severity),
        ['info', 'info', 'info', 'info', 'info', 'info'],
      );
      assert.equal((await cli(['check', 'examples/shop', '--snapshot', snap, '--format', 'json'])).code, 0);
      assert.equal((await cli(['check', 'examples/shop', '--snapshot', snap, '--format', 'json', '--fail-on', 'never'])).code, 0);
    });

    it('a hot route at max replicas: error → exit 1 with the default --fail-on', async () => {
      const snap = join(tmp, 'full.json');
      writeFileSync(snap, snapshotFor([{ method: 'GET', route: '/orders', rps: 850 }], 0));
      const r = await cli(['check', 'examples/shop', '--snapshot', snap, '--format', 'json']);
      assert.equal(r.code, 1);
      const w = (JSON.parse(r.out) as { warnings: JsonWarning[] }).warnings[0];
      assert.deepEqual([w.severity, w.line, w.route], ['error', 23, 'GET /orders']);
    });

    it('--format sarif: SARIF 2.1.0, one result per warning, 1-based regions, info as note', async () => {
      const r = await cli(['check', 'examples/shop', '--format', 'sarif']);
      assert.equal(r.code, 0);
      const sarif = JSON.parse(r.out);
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.runs.length, 1);
      const run = sarif.runs[0];
      assert.equal(run.tool.driver.name, 'Ops Lens');
      assert.equal(run.results.length, SHOP_WARNINGS.length);
      assert.deepEqual(
        run.results.map((x: any) => [
          x.ruleId,
          x.locations[0].physicalLocation.artifactLocation.uri,
          x.locations[0].physicalLocation.region.startLine,
          x.locations[0].physicalLocation.region.startColumn,
          x.level,
        ]),
        SHOP_WARNINGS.map(([code, file, line, column]) => [code, file, line, column, 'note']),
      );
      for (const x of run.results) {
        assert.equal(run.tool.driver.rules[x.ruleIndex].id, x.ruleId, 'ruleIndex points at its rule');
      }
    });

    it('text format ends with a summary line', async () => {
      const r = await cli(['check', 'examples/shop']);
      assert.equal(r.code, 0);
      assert.match(r.out, /^services\/orders\/src\/routes\/orders\.ts:23:35: info query-in-loop \[orders GET \/orders\]$/m);
      assert.match(r.out, /7 warnings \(0 error, 0 warning, 7 info\); no production signals\n$/);
    });
  });

  describe('usage and input errors: exit 2, one line on stderr', () => {
    it('unknown option', async () => {
      assertOneLineError(await cli(['check', 'examples/shop', '--bogus']), /^ops-lens: unknown option --bogus/);
    });

    it('--version prints the package version, exit 0', async () => {
      const r = await cli(['--version']);
      assert.equal(r.code, 0);
      assert.equal(r.out, `ops-lens ${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
    });

    it('unknown command', async () => {
      assertOneLineError(await cli(['frobnicate']), /^ops-lens: unknown command "frobnicate"/);
    });

    it('bad --format and --fail-on values', async () => {
      assertOneLineError(await cli(['check', 'examples/shop', '--format', 'xml']), /^ops-lens: --format must be one of text, json, sarif \(got "xml"\)/);
      assertOneLineError(await cli(['check', 'examples/shop', '--fail-on', 'sometimes']), /^ops-lens: --fail-on must be one of/);
    });

    it('a folder that does not exist', async () => {
      assertOneLineError(await cli(['check', 'no/such/dir']), /^ops-lens: no\/such\/dir is not a folder/);
    });

    it('--snapshot of a missing file', async () => {
      assertOneLineError(await cli(['check', 'examples/shop', '--snapshot', 'missing-snapshot.json']), /^ops-lens: cannot read snapshot missing-snapshot\.json: ENOENT$/m);
    });

    it('--snapshot of a JSON file that is not a snapshot', async () => {
      const f = join(tmp, 'not-a-snapshot.json');
      writeFileSync(f, '{"warnings": []}\n');
      assertOneLineError(await cli(['check', 'examples/shop', '--snapshot', f]), /is not an Ops Lens signals snapshot/);
    });

    it('--prometheus with nothing listening: "Cannot reach Prometheus"', async () => {
      assertOneLineError(
        await cli(['check', 'examples/shop', '--prometheus', 'http://127.0.0.1:1']),
        /^ops-lens: Cannot reach Prometheus at http:\/\/127\.0\.0\.1:1 \(connection refused\)$/m,
      );
    });

    it('--prometheus and --snapshot together', async () => {
      assertOneLineError(await cli(['check', 'examples/shop', '--prometheus', 'http://x', '--snapshot', 'y']), /^ops-lens: use either --prometheus or --snapshot/);
    });

    it('--at that is not a time', async () => {
      assertOneLineError(await cli(['check', 'examples/shop', '--at', 'yesterday']), /^ops-lens: --at must be an RFC 3339 time or Unix seconds/);
    });
  });

  describe('a workspace with a malformed Kubernetes manifest', () => {
    let dir: string;
    before(() => {
      dir = join(tmp, 'broken-ws');
      const w = (f: string, t: string) => write(`broken-ws/${f}`, t);
      w('compose.yaml', 'services:\n  api:\n    build: ./api\n');
      w('api/package.json', '{}\n');
      w(
        'api/server.ts',
        [
          "app.get('/items', async (req, res) => {",
          '  for (const id of req.body.ids) {',
          "    await db.query('SELECT 1', [id]);",
          '  }',
          '});',
          '',
        ].join('\n'),
      );
      w(
        'deploy/api.yaml',
        ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: api', 'spec:', '  replicas: 2', ''].join('\n'),
      );
      w('deploy/broken.yaml', ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: x', ' labels: y', ''].join('\n'));
    });

    it('check: the problem is reported at its line, the other services are still analysed, exit 0', async () => {
      const r = await cli(['check', dir, '--format', 'json']);
      const services = JSON.parse((await cli(['services', dir, '--format', 'json'])).out) as { services: any[] };
      assert.deepEqual(
        services.services.map((s) => [s.name, s.capacity.replicas, s.codeRoots]),
        [['api', 2, ['api']]],
      );
      assert.equal(r.err, '');
      assert.equal(r.code, 0);
      const json = JSON.parse(r.out) as { warnings: JsonWarning[]; problems: { file: string; line: number; column: number; message: string }[] };
      assert.deepEqual(
        json.problems.map((p) => [p.file, p.line, p.column]),
        [['deploy/broken.yaml', 5, 1]],
      );
      for (const p of json.problems) assert.match(p.message, /^Invalid YAML: /);
      assert.deepEqual(json.warnings.map(shape), [['query-in-loop', 'api/server.ts', 3, 11, 'api', 'GET /items', 'sequential']]);
    });

    it('check --format text prints the problem as file:line:column', async () => {
      const r = await cli(['check', dir]);
      assert.match(r.out, /^deploy\/broken\.yaml:5:1: recipe: Invalid YAML: /m);
    });

    it('check --format sarif reports the problem as a recipe-error result', async () => {
      const sarif = JSON.parse((await cli(['check', dir, '--format', 'sarif'])).out);
      const errors = sarif.runs[0].results.filter((x: any) => x.ruleId === 'recipe-error');
      assert.deepEqual(
        errors.map((x: any) => [x.locations[0].physicalLocation.artifactLocation.uri, x.locations[0].physicalLocation.region.startLine, x.level]),
        [['deploy/broken.yaml', 5, 'error']],
      );
    });
  });

  describe('check --base (real git)', () => {
    it('keeps only warnings on lines changed since the base branch', async () => {
      const dir = join(tmp, 'based');
      const w = (f: string, t: string) => write(`based/${f}`, t);
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir },
        });
      const base = [
        "app.get('/a', async (req, res) => {", // 1
        '  for (const id of req.body.ids) {',
        "    await db.query('old', [id]);", // 3
        '  }',
        '});',
        '',
      ];
      w('compose.yaml', 'services:\n  api:\n    build: ./api\n');
      w('api/server.ts', base.join('\n'));
      git('init', '-q', '-b', 'main');
      git('add', '.');
      git('commit', '-q', '-m', 'base');
      git('checkout', '-q', '-b', 'work');
      w(
        'api/server.ts',
        [
          ...base.slice(0, 5),
          "app.get('/b', async (req, res) => {", // 6
          '  for (const id of req.body.ids) {',
          "    await fetch('http://x/' + id);", // 8
          '  }',
          '});',
          '',
        ].join('\n'),
      );
      const all = JSON.parse((await cli(['check', dir, '--format', 'json'])).out) as { warnings: JsonWarning[] };
      assert.deepEqual(
        all.warnings.map((x) => [x.code, x.line]),
        [
          ['query-in-loop', 3],
          ['call-in-loop', 8],
          ['missing-timeout', 8], // fetch without an AbortSignal
        ],
      );
      const r = await cli(['check', dir, '--format', 'json', '--base', 'main']);
      assert.equal(r.code, 0);
      const changed = JSON.parse(r.out) as { warnings: JsonWarning[] };
      assert.deepEqual(changed.warnings.map(shape), [
        ['call-in-loop', 'api/server.ts', 8, 11, 'api', 'GET /b', 'sequential'],
        ['missing-timeout', 'api/server.ts', 8, 11, 'api', 'GET /b', undefined],
      ]);
    });
  });

  describe('services examples/shop --format json', () => {
    it('says OPS_LENS_ANALYSIS_CACHE is not used when run from source (its analysis can change under one name), and answers as without it', async () => {
      const without = await cli(['services', 'examples/shop', '--format', 'json']);
      const r = await cli(['services', 'examples/shop', '--format', 'json'], ROOT, { OPS_LENS_ANALYSIS_CACHE: '.never-written' });
      assert.equal(r.code, 0);
      assert.equal(r.err, 'ops-lens: OPS_LENS_ANALYSIS_CACHE not used: this ops-lens runs from source, not from its build\n');
      assert.equal(r.out, without.out);
      assert.equal(existsSync(join(ROOT, '.never-written')), false);
    });

    it('matches the contract shape and the example', async () => {
      const r = await cli(['services', 'examples/shop', '--format', 'json']);
      assert.equal(r.code, 0);
      assert.equal(r.err, '');
      const json = JSON.parse(r.out) as { services: any[] };
      assert.deepEqual(
        json.services.map((s) => s.name),
        ['catalog', 'orders', 'postgres'],
      );
      for (const s of json.services) {
        // The contract's keys, in order; extra keys (environments, links, …) may follow.
        assert.deepEqual(Object.keys(s).slice(0, 6), ['name', 'codeRoots', 'recipes', 'capacity', 'link', 'routes'], s.name);
        for (const rec of s.recipes) assert.deepEqual(Object.keys(rec), ['file', 'line', 'kind']);
        for (const route of s.routes) assert.deepEqual(Object.keys(route), ['method', 'path', 'file', 'line']);
        if (s.link) assert.deepEqual(Object.keys(s.link), ['reason', 'confidence']);
      }
      const orders = json.services.find((s) => s.name === 'orders');
      assert.deepEqual(orders.codeRoots, ['services/orders']);
      assert.deepEqual(orders.link, {
        reason: 'Compose service "orders" builds from services/orders (build.context in compose.yaml:5)',
        confidence: 'high',
      });
      assert.deepEqual(
        orders.recipes.filter((x: any) => x.kind.startsWith('kubernetes/')),
        [
          { file: 'deploy/k8s/orders.yaml', line: 5, kind: 'kubernetes/Deployment' },
          { file: 'deploy/k8s/orders.yaml', line: 64, kind: 'kubernetes/HorizontalPodAutoscaler' },
          { file: 'deploy/k8s/orders.yaml', line: 52, kind: 'kubernetes/Service' },
        ],
      );
      assert.deepEqual(
        orders.recipes.filter((x: any) => x.kind === 'compose/service').map((x: any) => x.file),
        ['compose.yaml'],
      );
      assert.deepEqual(orders.capacity, {
        replicas: 3,
        minReplicas: 3,
        maxReplicas: 10,
        targetCpuUtilization: 70,
        cpuRequest: '500m',
        cpuLimit: '1',
        memoryRequest: '512 MiB',
        memoryLimit: '1 GiB',
      });
      assert.deepEqual(orders.routes, [
        { method: 'GET', path: '/admin/reports/daily', file: 'services/orders/src/routes/admin.ts', line: 7 },
        { method: 'GET', path: '/orders', file: 'services/orders/src/routes/orders.ts', line: 16 },
        { method: 'GET', path: '/orders/:id', file: 'services/orders/src/routes/orders.ts', line: 31 },
        { method: 'POST', path: '/orders', file: 'services/orders/src/routes/orders.ts', line: 40 },
        { method: 'GET', path: '/healthz', file: 'services/orders/src/server.ts', line: 10 },
      ]);
      const catalog = json.services.find((s) => s.name === 'catalog');
      assert.deepEqual(catalog.routes.map((x: any) => [x.method, x.path, x.line]), [
        ['GET', '/products', 19],
        ['GET', '/products/{product_id}', 33],
        ['POST', '/internal/reindex', 42],
      ]);
      assert.equal(catalog.capacity.maxReplicas, 8);
      const postgres = json.services.find((s) => s.name === 'postgres');
      assert.deepEqual([postgres.codeRoots, postgres.link, postgres.routes, postgres.capacity], [[], null, [], {}]);
    });
  });
  describe('a repository with only a Dockerfile (no recipe deploys it)', () => {
    let dir: string;
    before(() => {
      dir = join(tmp, 'realworld-api');
      const w = (f: string, t: string) => write(`realworld-api/${f}`, t);
      w('Dockerfile', 'FROM node:20\nCOPY . .\nCMD ["node", "dist/main.js"]\n');
      w('package.json', '{ "name": "realworld-api" }\n');
      w('src/main.ts', ["import express from 'express';", 'const app = express();', "app.get('/articles', async (req, res) => {", '  for (const id of req.body.ids) {', "    await pool.query('SELECT * FROM articles WHERE id = $1', [id]);", '  }', '});', ''].join('\n'));
    });

    it('services: one service named after the folder, linked through its Dockerfile, with its routes', async () => {
      const r = await cli(['services', dir, '--format', 'json']);
      assert.equal(r.code, 0, r.err);
      const [s, ...rest] = (JSON.parse(r.out) as { services: any[] }).services;
      assert.deepEqual(rest, []);
      assert.deepEqual([s.name, s.codeRoots, s.recipes, s.link.confidence, s.routes], ['realworld-api', ['.'], [], 'medium', [{ method: 'GET', path: '/articles', file: 'src/main.ts', line: 3 }]]);
      assert.match(s.link.reason, /^Dockerfile builds this folder and no recipe here deploys it/);
    });

    it('check: the query in the loop is reported on its route, in that service', async () => {
      const r = await cli(['check', dir, '--format', 'json']);
      assert.equal(r.code, 0, r.err);
      const warnings = (JSON.parse(r.out) as { warnings: JsonWarning[] }).warnings;
      assert.deepEqual(warnings.map((w) => [w.code, w.file, w.line, w.service, w.route]), [['query-in-loop', 'src/main.ts', 5, 'realworld-api', 'GET /articles']]);
    });
  });

  it('output into a pipe its reader closed (ops-lens services | head -1): exit 0, nothing on stderr', async () => {
    // The CLI as a process, from source: EPIPE is handled where the process starts (src/cli/main.ts). The listing is
    // larger than a pipe's buffer, so the CLI is still writing when the reader goes.
    write('many-routes/Dockerfile', 'FROM node:20\n');
    write('many-routes/app.js', Array.from({ length: 3000 }, (_, i) => `app.get('/reports/r${i}/details', (req, res) => res.end());`).join('\n') + '\n');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'services', join(tmp, 'many-routes')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    assert.deepEqual([code, err], [0, '']);
  });
});

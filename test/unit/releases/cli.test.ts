import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main';
import { TestRepo } from './gitRepo';

const lines = (...l: string[]) => l.join('\n') + '\n';

async function cli(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t), env, cwd: process.cwd() });
  return { code, out, err };
}

/** Dates relative to today, so the countdown in the output can be checked whatever day the tests run. */
function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

describe('ops-lens releases (real git)', function () {
  this.timeout(20_000);
  let repo: TestRepo;
  beforeEach(() => {
    repo = new TestRepo();
    repo.commit('initial', {
      'compose.yaml': lines('services:', '  orders:', '    build:', '      context: ./services/orders'),
      'services/orders/src/orders.ts': lines("import { Router } from 'express';", 'export const r = Router();'),
    });
    repo.tag('v1.0.0');
    repo.commit('Query per item (#4)', {
      'services/orders/src/orders.ts': lines(
        "import { Router } from 'express';",
        "import { pool } from './db';",
        'export const r = Router();',
        "r.get('/orders', async (req, res) => {",
        "  const { rows } = await pool.query('SELECT id FROM o LIMIT 5');",
        "  for (const o of rows) { await pool.query('SELECT * FROM i WHERE o = $1 LIMIT 1', [o.id]); }",
        '  res.json(rows);',
        '});',
      ),
    });
  });
  afterEach(() => repo.dispose());

  it('prints the timeline as JSON: releases in order with commits, services and risk at 1-based lines', async () => {
    repo.write({ '.ops-lens/releases.yaml': lines('releases:', '  - version: "1.1.0"', `    date: ${inDays(3)}`, `    freeze: ${inDays(-1)}`, '    environments: [production]') });
    const { code, out, err } = await cli(['releases', repo.dir, '--format', 'json']);
    assert.equal(err, '');
    assert.equal(code, 0);
    const json = JSON.parse(out);
    assert.deepEqual(
      json.releases.map((r: { id: string; status: string; daysUntil: number | null; sources: string[] }) => [r.id, r.status, r.daysUntil, r.sources]),
      [
        ['1.1.0', 'upcoming', 3, ['next', 'schedule']],
        ['1.0.0', 'past', json.releases[1].daysUntil, ['tag']],
      ],
    );
    const next = json.releases[0];
    assert.deepEqual(next.freeze, { from: inDays(-1), to: null, state: 'frozen', days: 3 });
    assert.deepEqual(next.services, [{ name: 'orders', commits: 1 }]);
    assert.deepEqual(next.pullRequests.map((p: { number: number }) => p.number), [4]);
    assert.deepEqual(next.commits[0].files, ['services/orders/src/orders.ts']);
    assert.deepEqual(next.risk.counts, { error: 0, warning: 0, info: 1 });
    assert.deepEqual(
      next.risk.warnings.map((w: { code: string; file: string; line: number; inWorkingTree: boolean }) => [w.code, w.file, w.line, w.inWorkingTree]),
      [['query-in-loop', 'services/orders/src/orders.ts', 6, true]],
    );
    assert.deepEqual(next.schedule, { file: '.ops-lens/releases.yaml', line: 2 });
    assert.equal(json.defaultBranch, 'main');
    assert.equal(json.releases[1].risk, null);
    assert.equal(json.releases[1].commits[0].files, undefined, 'past releases list commits, not files');
  });

  it('prints a readable text timeline by default', async () => {
    const { code, out } = await cli(['releases', repo.dir]);
    assert.equal(code, 0);
    assert.match(out, /^▶ 1\.1\.0\? {2}next \(main\) {2}no date · 1 commit · risk: 1 info note\n {4}services: orders \(1\)\n {4}services\/orders\/src\/orders\.ts:6:\d+: info query-in-loop \[orders\]\n {2}1\.0\.0 {2}v1\.0\.0 {2}/);
  });

  it('says where the schedule is wrong on stderr, still prints the rest, and exits 2', async () => {
    repo.write({ '.ops-lens/releases.yaml': lines('releases:', '  - version: 1.1', '    date: 2030-01-01') });
    const { code, out, err } = await cli(['releases', repo.dir, '--format', 'json']);
    assert.equal(code, 2);
    assert.equal(err, 'ops-lens: .ops-lens/releases.yaml:2:14: error: version must be a string such as "1.5.0" (quote it: unquoted 1.5 is read as a number); got 1.1\n');
    const json = JSON.parse(out);
    assert.deepEqual(json.problems, [{ severity: 'error', file: '.ops-lens/releases.yaml', line: 2, column: 14, message: 'version must be a string such as "1.5.0" (quote it: unquoted 1.5 is read as a number); got 1.1' }]);
    assert.equal(json.releases.length, 2);
  });

  it('refuses a folder that does not exist and an unknown format, in one line', async () => {
    assert.deepEqual(await cli(['releases', join(repo.dir, 'nope')]), { code: 2, out: '', err: `ops-lens: ${join(repo.dir, 'nope')} is not a folder\n` });
    const r = await cli(['releases', repo.dir, '--format', 'sarif']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--format must be one of text, json/);
  });

  it('adds GitHub milestones when the remote is GitHub and a token is set; the token goes to the configured API only', async () => {
    const seen: { path: string; auth?: string }[] = [];
    const milestones = readFileSync(join(__dirname, 'fixtures/github/milestones.page2.json'), 'utf8');
    const server = createServer((req, res) => {
      seen.push({ path: new URL(req.url!, 'http://x').pathname, auth: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      res.end(req.url!.startsWith('/repos/acme/shop/milestones') ? milestones : '[]');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      repo.git('remote', 'add', 'origin', 'https://127.0.0.1/acme/shop.git');
      const { code, out, err } = await cli(['releases', repo.dir, '--format', 'json'], { OPS_LENS_GITHUB_TOKEN: 'ghp_cli', OPS_LENS_GITHUB_API_URL: api });
      assert.equal(err, '');
      assert.equal(code, 0);
      const next = JSON.parse(out).releases[0];
      assert.deepEqual([next.id, next.name, next.date, next.sources], ['1.2.0', 'Release 1.2', '2030-03-31', ['next', 'milestone']]);
      assert.deepEqual(seen.map((s) => s.path).sort(), ['/repos/acme/shop/milestones', '/repos/acme/shop/releases']);
      assert.ok(seen.every((s) => /ghp_cli$/.test(s.auth ?? '')));

      // Without a token nothing is asked of GitHub; when it is down, git and the schedule still make a timeline.
      seen.length = 0;
      assert.equal((await cli(['releases', repo.dir, '--format', 'json'], { OPS_LENS_GITHUB_API_URL: api })).code, 0);
      assert.equal(seen.length, 0);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
    const down = await cli(['releases', repo.dir, '--format', 'json'], { OPS_LENS_GITHUB_TOKEN: 'ghp_cli', OPS_LENS_GITHUB_API_URL: api });
    assert.equal(down.code, 0);
    assert.match(down.err, /^ops-lens: GitHub milestones and drafts not read: .+\n$/);
    assert.ok(!down.err.includes('ghp_cli'), 'the token never appears in output');
    assert.equal(JSON.parse(down.out).releases[0].id, 'next');
  });
});

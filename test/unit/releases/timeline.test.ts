import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { Grammars } from '../../../src/core/code/treeSitter';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../../../src/core/insights/severityRules';
import { readChangeRecords } from '../../../src/core/releases/changeRequests';
import type { PlannedRelease } from '../../../src/core/releases/plannedRelease';
import type { Release } from '../../../src/core/releases/release';
import { pullRequestOf } from '../../../src/core/releases/releaseDetails';
import { buildTimeline } from '../../../src/core/releases/timeline';
import { GitTipWarnings } from '../../../src/core/releases/tipWarnings';
import { buildEnvironmentModel } from '../../../src/core/recipes/environmentModel';
import { TestRepo } from './gitRepo';

const WASM = join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
const lines = (...l: string[]) => l.join('\n') + '\n';

const COMPOSE = lines(
  'services:',
  '  orders:',
  '    build:',
  '      context: ./services/orders',
  '  payments:',
  '    build:',
  '      context: ./services/payments',
);

/** An Express handler; `loop` adds a database query inside a for…of loop (query-in-loop) at line 6 (0-based 5). */
function handler(route: string, loop: boolean): string {
  return lines(
    "import { Router } from 'express';",
    "import { pool } from './db';",
    'export const router = Router();',
    `router.get('${route}', async (req, res) => {`,
    "  const { rows } = await pool.query('SELECT id FROM t LIMIT 10');",
    loop ? "  for (const r of rows) { await pool.query('SELECT * FROM x WHERE id = $1 LIMIT 1', [r.id]); }" : '  // nothing else',
    '  res.json(rows);',
    '});',
  );
}

const byId = (rs: Release[], id: string) => {
  const r = rs.find((x) => x.id === id);
  assert.ok(r, `no release ${id} in ${rs.map((x) => x.id).join(', ')}`);
  return r;
};

describe('release timeline (real git, schedule, environment model, code analysis)', function () {
  this.timeout(20_000);
  let repo: TestRepo;
  let index: CodeIndex;
  before(() => {
    index = new CodeIndex(new Grammars(WASM));
  });
  beforeEach(() => {
    repo = new TestRepo();
  });
  afterEach(() => repo.dispose());

  async function timeline(opts: { now?: string; forge?: PlannedRelease[]; risk?: boolean } = {}) {
    const fs = new NodeFileSystem(repo.dir);
    const model = await buildEnvironmentModel(fs, await fs.listFiles());
    const { records } = await readChangeRecords(repo.dir);
    return buildTimeline({
      dir: repo.dir,
      now: new Date(opts.now ?? '2030-03-01T09:00:00Z'),
      model,
      forge: opts.forge,
      changeRecords: records,
      risk: opts.risk === false ? undefined : new GitTipWarnings({ dir: repo.dir, index, model, rules: DEFAULT_SEVERITY_RULES }),
    });
  }

  /** v1.0.0 clean; release/1.1 adds a loop to orders; main (next) adds one to payments and touches docs. */
  function shopHistory() {
    repo.commit('initial', {
      'compose.yaml': COMPOSE,
      'services/orders/src/orders.ts': handler('/orders', false),
      'services/payments/src/pay.ts': handler('/pay', false),
      'README.md': 'shop\n',
    });
    repo.tag('v1.0.0', { annotated: true });
    repo.git('checkout', '-q', '-b', 'feature/items');
    repo.commit('Load items per order', { 'services/orders/src/orders.ts': handler('/orders', true) });
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--no-ff', 'feature/items', '-m', 'Merge pull request #7 from acme/feature/items\n\nShow items on the orders page');
    repo.git('checkout', '-q', '-b', 'release/1.1');
    repo.commit('Bump version for 1.1');
    repo.git('checkout', '-q', 'main');
    repo.commit('Retry payments per line (#9)', { 'services/payments/src/pay.ts': handler('/pay', true) });
    repo.commit('Docs only', { 'README.md': 'shop, documented\n' });
  }

  it('merges git with the schedule: the release branch and the next release get their planned dates, freeze and order', async () => {
    shopHistory();
    repo.write({
      '.ops-lens/releases.yaml': lines(
        'releases:',
        '  - version: "1.2.0"', // the lowest planned version above git's: the next release
        '    date: 2030-03-20',
        '  - version: "1.1.0"',
        '    date: 2030-03-05',
        '    freeze: 2030-02-27',
        '    environments: [staging, production]',
        '    owner: team-checkout',
        '  - version: "1.3.0"', // nothing in git yet
        '    date: 2030-04-15',
        '  - version: "1.0.0"', // tagged and dated in the past
        '    date: 2030-01-02',
      ),
    });
    const t = await timeline();
    assert.deepEqual(t.problems, []);
    assert.deepEqual(
      t.releases.map((r) => [r.id, r.status, r.title, r.date, r.daysUntil, r.sources.join('+')]),
      [
        ['1.1.0', 'upcoming', 'release/1.1', '2030-03-05', 4, 'branch+schedule'],
        ['1.2.0', 'upcoming', 'next (main)', '2030-03-20', 19, 'next+schedule'],
        ['1.3.0', 'upcoming', '1.3.0', '2030-04-15', 45, 'schedule'],
        ['1.0.0', 'past', 'v1.0.0', '2030-01-02', -58, 'tag+schedule'],
      ],
    );
    const r11 = byId(t.releases, '1.1.0');
    assert.deepEqual(r11.freeze, { from: '2030-02-27', state: 'frozen', days: 4 });
    assert.deepEqual(r11.environments, ['staging', 'production']);
    assert.equal(r11.scheduleLocation?.range.start.line, 3);
    assert.equal(byId(t.releases, '1.3.0').commits.length, 0);
    assert.match(byId(t.releases, '1.3.0').risk?.note ?? '', /no code yet/);
  });

  it('groups changes by service through the environment model, with the pull requests they came in', async () => {
    shopHistory();
    const t = await timeline();
    const r11 = byId(t.releases, '1.1.0');
    assert.deepEqual(r11.services, [{ name: 'orders', commits: 1 }]);
    assert.deepEqual(r11.pullRequests.map((p) => [p.number, p.title, p.commits.length, p.services]), [[7, 'Show items on the orders page', 2, ['orders']]]);
    const items = r11.commits.find((c) => c.subject === 'Load items per order')!;
    assert.equal(items.pullRequest, 7, 'a commit brought by a merge belongs to its pull request');
    assert.deepEqual(items.files, ['services/orders/src/orders.ts']);

    const next = byId(t.releases, 'next');
    assert.equal(next.versionProposed, true);
    assert.equal(next.version, '1.2.0', 'no plan: the next minor after the highest version git knows (release/1.1 is 1.1.0)');
    assert.deepEqual(next.services, [{ name: 'payments', commits: 1 }]);
    assert.deepEqual(next.pullRequests.map((p) => [p.number, p.title]), [[9, 'Retry payments per line']]);
    assert.deepEqual(next.commits.find((c) => c.subject === 'Docs only')?.services, []);
  });

  it('computes ops risk from the warnings on the lines each release changes, at its tip', async () => {
    shopHistory();
    const t = await timeline();
    const r11 = byId(t.releases, '1.1.0');
    assert.deepEqual(r11.risk?.counts, { error: 0, warning: 0, info: 1 }, 'without production data a hazard is at most info');
    const [w] = r11.risk!.warnings;
    assert.deepEqual([w.warning.code, w.warning.file, w.warning.range.start.line, w.warning.service], ['query-in-loop', 'services/orders/src/orders.ts', 5, 'orders']);
    // The working tree is main, where orders.ts is the same as on release/1.1.
    assert.equal(w.inWorkingTree, true);

    const next = byId(t.releases, 'next');
    assert.deepEqual(next.risk!.warnings.map((x) => [x.warning.code, x.warning.file, x.warning.service]), [['query-in-loop', 'services/payments/src/pay.ts', 'payments']]);
    // main holds the orders loop too, but it rides with 1.1 (cut before): the next release is not blamed for it.
    assert.ok(!next.risk!.warnings.some((x) => x.warning.file.includes('orders')));
    assert.equal(byId(t.releases, '1.0.0').risk, undefined, 'past releases are not analysed');
  });

  it('reads the code at the release tip when the working tree differs, so lines match the release', async () => {
    shopHistory();
    repo.git('checkout', '-q', 'v1.0.0'); // the working tree is the old code: no loop anywhere
    const t = await timeline();
    const [w] = byId(t.releases, '1.1.0').risk!.warnings;
    assert.equal(w.inWorkingTree, false);
    assert.equal(w.warning.range.start.line, 5);
    assert.equal(w.ref, repo.head('release/1.1'));
  });

  it('lists the change requests whose record names the release, read tolerantly', async () => {
    shopHistory();
    repo.write({
      '.ops-lens/changes/orders-max-replicas.md': lines('---', 'id: orders-max-replicas', 'title: Raise orders autoscaler max', 'service: orders', 'environment: production', 'change: maxReplicas', 'from: "10"', 'to: "16"', 'release: v1.1', 'status: submitted', '---', '# Raise orders autoscaler max', 'Body.'),
      '.ops-lens/changes/pool.md': lines('---', 'service: payments', 'release: next', 'change: freeText', 'to: Double the payments pool before the sale', '---', '# Bigger payments pool'),
      '.ops-lens/changes/withdrawn.md': lines('---', 'title: Not any more', 'release: next', 'status: withdrawn', '---'),
      '.ops-lens/changes/broken.md': lines('---', 'title: [unclosed', '---'),
      '.ops-lens/changes/none.md': 'No front matter at all.\n',
    });
    const { problems } = await readChangeRecords(repo.dir);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /broken\.md: front matter is not valid YAML/);
    const t = await timeline();
    assert.deepEqual(byId(t.releases, '1.1.0').changeRequests, [
      { file: '.ops-lens/changes/orders-max-replicas.md', title: 'Raise orders autoscaler max', service: 'orders', environment: 'production', status: 'submitted', summary: 'maxReplicas 10 → 16' },
    ]);
    assert.deepEqual(byId(t.releases, 'next').changeRequests.map((c) => [c.title, c.summary]), [['Bigger payments pool', 'Double the payments pool before the sale']], 'a withdrawn request rides with nothing');
  });

  it('merges forge plans under the schedule: the schedule date wins, the milestone adds its link and name', async () => {
    shopHistory();
    repo.write({ '.ops-lens/releases.yaml': lines('releases:', '  - version: "1.1.0"', '    date: 2030-03-05') });
    const forge: PlannedRelease[] = [
      { version: '1.1.0', source: 'milestone', title: 'Spring sale', date: '2030-03-09', notes: 'From GitHub', link: { title: 'Milestone Spring sale', url: 'https://github.com/acme/shop/milestone/3' } },
      { version: '1.4.0', source: 'draft', title: 'v1.4.0', link: { title: 'Draft release v1.4.0', url: 'https://github.com/acme/shop/releases/tag/untagged-1' } },
    ];
    const t = await timeline({ forge, risk: false });
    const r11 = byId(t.releases, '1.1.0');
    assert.equal(r11.date, '2030-03-05');
    assert.equal(r11.name, 'Spring sale');
    assert.equal(r11.notes, 'From GitHub');
    assert.deepEqual(r11.sources, ['branch', 'schedule', 'milestone']);
    assert.deepEqual(r11.links.map((l) => l.url), ['https://github.com/acme/shop/milestone/3']);
    // The draft's version is above git's, so the unreleased commits of main become 1.4.0.
    const draft = byId(t.releases, '1.4.0');
    assert.deepEqual(draft.sources, ['next', 'draft']);
    assert.equal(draft.name, undefined, 'a title that is just the version adds nothing');
  });

  it('treats a tag dated later by the plan as upcoming (tagged ahead of the deploy)', async () => {
    repo.commit('one');
    repo.tag('v3.0.0');
    repo.write({ '.ops-lens/releases.yaml': lines('releases:', '  - version: "3.0.0"', '    date: 2030-03-02') });
    const t = await timeline({ risk: false });
    assert.deepEqual(t.releases.map((r) => [r.id, r.status, r.daysUntil]), [['3.0.0', 'upcoming', 1]]);
  });

  it('works without git from the schedule alone, and says so', async () => {
    const t = await buildTimeline({ dir: repo.dir, now: new Date('2030-03-01T00:00:00Z'), scheduleText: lines('releases:', '  - version: "1.0.0"', '    date: 2030-03-03') });
    assert.equal(t.git, false);
    assert.deepEqual(t.releases.map((r) => [r.id, r.status, r.daysUntil]), [['1.0.0', 'upcoming', 2]]);
    assert.match(t.problems[0].message, /not a git repository with commits/);
  });
});

describe('pull requests from commit subjects', () => {
  it('reads GitHub merges, squash merges and GitLab merge requests', () => {
    assert.deepEqual(pullRequestOf('Merge pull request #12 from acme/fix-retry'), { number: 12, merge: true });
    assert.deepEqual(pullRequestOf('Add bulk lookup (#345)'), { number: 345, title: 'Add bulk lookup', merge: false });
    assert.deepEqual(pullRequestOf("Merge branch 'feat' into 'main'", 'Add x\n\nSee merge request acme/shop!88'), { number: 88, merge: true });
    assert.equal(pullRequestOf('Fix #12 in the parser'), undefined);
  });
});

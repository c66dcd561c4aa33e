// The Releases view in a real VS Code: the tree's items, their order and children over a real git history built
// in the workspace, the ops brief and comparison, opening a risk line, and the refresh that follows a new commit
// and a new tag by itself (file watchers on .git), never by a test calling refresh.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { Timeline } from '../../src/core/releases/release';
import type { OpsLensApi } from '../../src/extension';
import type { ReleaseNode } from '../../src/editor/releasesView';
import { codeOf, waitForDiagnostics } from './waitFor';

type ReleasesApi = NonNullable<OpsLensApi['releases']>;

const BULK = 'services/orders/src/routes/bulk.ts';
const EXPORT = 'services/orders/src/routes/export.ts';
const lines = (...l: string[]) => l.join('\n') + '\n';
const handler = (route: string) =>
  lines(
    "import { Router } from 'express';",
    "import { pool } from '../db';",
    'export const router = Router();',
    `router.get('${route}', async (req, res) => {`,
    "  const { rows } = await pool.query('SELECT id FROM orders LIMIT 20');",
    "  for (const r of rows) { await pool.query('SELECT sku FROM order_items WHERE order_id = $1 LIMIT 100', [r.id]); }",
    '  res.json(rows);',
    '});',
  );
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Resolves with the timeline once `accept` holds: checked now and on every refresh (a signal, never a sleep). */
function waitForTimeline(api: ReleasesApi, accept: (t: Timeline) => boolean, what: string, timeoutMs = 30_000): Promise<Timeline> {
  return new Promise((resolve, reject) => {
    const check = (t: Timeline | undefined) => {
      if (t && accept(t)) {
        cleanup();
        resolve(t);
      }
    };
    const sub = api.service.onDidChange(check);
    const timer = setTimeout(() => {
      cleanup();
      const seen = api.service.timeline?.releases.map((r) => `${r.id}:${r.status}:${r.commits.length}`).join(', ');
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last timeline: ${seen ?? '(none)'}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    check(api.service.timeline);
  });
}

/** Resolves when a tab satisfying `accept` is open: checked now and on every tab change. */
function waitForTab(accept: (t: vscode.Tab) => boolean, what: string, timeoutMs = 15_000): Promise<vscode.Tab> {
  const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(accept);
  return new Promise((resolve, reject) => {
    const found = find();
    if (found) return resolve(found);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const t = find();
      if (t) {
        clearTimeout(timer);
        sub.dispose();
        resolve(t);
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => `${t.label} [${t.input instanceof vscode.TabInputWebview ? t.input.viewType : t.input?.constructor?.name}]`);
      reject(new Error(`timed out waiting for ${what}; open tabs: ${tabs.join(' | ')}`));
    }, timeoutMs);
  });
}

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('Releases view in a real VS Code', function () {
  this.timeout(90_000);
  let api: ReleasesApi;
  let root: string;
  let original: string;
  const created: string[] = [];
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Ops Lens Tests', '-c', 'user.email=tests@ops-lens.invalid', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' }).trim();
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
    created.push(file);
  };
  const children = (node?: ReleaseNode) => api.view.getChildren(node).map((n) => ({ node: n, item: api.view.getTreeItem(n) }));
  const child = (node: ReleaseNode | undefined, prefix: string) => {
    const found = children(node).find((c) => label(c.item).startsWith(prefix));
    assert.ok(found, `no "${prefix}…" under ${node ? label(api.view.getTreeItem(node)) : 'the root'}: ${children(node).map((c) => label(c.item)).join(' | ')}`);
    return found;
  };

  before(async () => {
    const ext = vscode.extensions.getExtension<OpsLensApi>('ops-lens.ops-lens')!;
    const exports = await ext.activate();
    assert.ok(exports.releases, 'activate() exposes the Releases view');
    api = exports.releases;
    root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    original = git('rev-parse', 'HEAD');

    // History: v1.0.0 is the fixture; release/1.1 adds export.ts (built with plumbing, so the working tree stays
    // on main); main adds bulk.ts in pull request #12. Both new handlers query inside a loop.
    git('tag', 'v1.0.0');
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: root, input: handler('/orders/export'), encoding: 'utf8' }).trim();
    const index = join(root, '.git', 'ops-lens-test-index');
    const env = { ...process.env, GIT_INDEX_FILE: index };
    execFileSync('git', ['read-tree', original], { cwd: root, env });
    execFileSync('git', ['update-index', '--add', '--cacheinfo', `100644,${blob},${EXPORT}`], { cwd: root, env });
    const tree = execFileSync('git', ['write-tree'], { cwd: root, env, encoding: 'utf8' }).trim();
    rmSync(index, { force: true });
    const releaseCommit = git('commit-tree', tree, '-p', original, '-m', 'Export orders as CSV');
    git('update-ref', 'refs/heads/release/1.1', releaseCommit);
    write(BULK, handler('/orders/bulk'));
    git('add', '--', BULK);
    git('commit', '-q', '-m', 'Bulk order lookup (#12)');

    write(
      '.ops-lens/releases.yaml',
      lines('releases:', '  - version: "1.1.0"', `    date: ${inDays(5)}`, `    freeze: ${inDays(-1)}`, '    environments: [staging, production]', '    owner: team-orders', '  - version: "1.2.0"', `    title: Bulk ordering`, `    date: ${inDays(12)}`),
    );
    write('.ops-lens/changes/orders-max.md', lines('---', 'title: Raise orders autoscaler max', 'service: orders', 'change: maxReplicas', 'from: "10"', 'to: "16"', 'release: "1.2"', 'status: proposed', '---', '# Raise orders autoscaler max'));
    await vscode.commands.executeCommand('opsLens.refreshReleases');
    await waitForTimeline(api, (t) => t.releases.some((r) => r.id === '1.2.0' && r.risk && r.commits.length === 1), 'the releases built in the test');
  });

  after(async () => {
    for (const f of created) rmSync(join(root, f), { force: true });
    rmSync(join(root, '.ops-lens/changes'), { recursive: true, force: true });
    git('reset', '-q', '--hard', original);
    for (const t of git('tag', '--list').split('\n').filter(Boolean)) git('tag', '-d', t);
    git('branch', '-D', 'release/1.1');
  });

  it('lists upcoming releases in date order with countdown, freeze and risk, then past releases collapsed', () => {
    const top = children();
    assert.deepEqual(
      top.map((c) => label(c.item)),
      ['1.1.0', '1.2.0 · Bulk ordering', 'Past releases'],
    );
    assert.equal(top[0].item.description, 'in 5 days · frozen (5 more days) · 1 info note');
    assert.equal(top[1].item.description, 'in 12 days · 1 info note');
    assert.equal(top[2].item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const past = children(top[2].node);
    assert.deepEqual(past.map((c) => label(c.item)), ['1.0.0']);
    assert.match(String(past[0].item.description), /^v1\.0\.0 · \d{4}-\d\d-\d\d$/);
  });

  it('shows under a release its schedule, risk, changes by service and pull request, services and change requests', () => {
    const r11 = child(undefined, '1.1.0').node;
    assert.deepEqual(
      children(r11).map((c) => [label(c.item), c.item.description ?? '']),
      [
        ['Ships', children(r11)[0].item.description],
        ['Freeze', `${inDays(-1)} · frozen (5 more days)`],
        ['Environments', 'staging → production'],
        ['Owner', 'team-orders'],
        ['Ops risk: 1 info note', ''],
        ['Changes', '1 commit'],
        ['Services', 'orders'],
        ['Change requests', '0'],
      ],
    );
    const r12 = child(undefined, '1.2.0').node;
    const changes = child(r12, 'Changes');
    assert.equal(changes.item.description, '1 commit, 1 pull request');
    const orders = child(changes.node, 'orders');
    const pr = child(orders.node, '#12 Bulk order lookup');
    assert.deepEqual(children(pr.node).map((c) => label(c.item)), ['Bulk order lookup (#12)']);
    const requests = child(r12, 'Change requests');
    assert.deepEqual(children(requests.node).map((c) => [label(c.item), c.item.description]), [['Raise orders autoscaler max', 'orders · maxReplicas 10 → 16 · proposed']]);
  });

  it('opens each risk warning at its line: in the workspace, or in the file as it stands at the release', async () => {
    const risk12 = child(child(undefined, '1.2.0').node, 'Ops risk');
    const [w12] = children(risk12.node);
    assert.equal(label(w12.item), 'query-in-loop');
    assert.equal(w12.item.description, `${BULK}:6 · orders · GET /orders/bulk`);
    await vscode.commands.executeCommand(w12.item.command!.command, ...(w12.item.command!.arguments ?? []));
    let editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.fsPath, join(root, BULK));
    assert.equal(editor.selection.start.line, 5);

    // export.ts exists only on release/1.1: it opens read-only, as it will ship.
    const [w11] = children(child(child(undefined, '1.1.0').node, 'Ops risk').node);
    await vscode.commands.executeCommand(w11.item.command!.command, ...(w11.item.command!.arguments ?? []));
    editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.scheme, 'ops-lens-release');
    assert.equal(editor.document.uri.path, `/${EXPORT}`);
    assert.equal(editor.selection.start.line, 5);
    assert.match(editor.document.lineAt(5).text, /for \(const r of rows\)/);
  });

  it('opens the ops brief in the Markdown preview, copies it, and compares two releases', async () => {
    const brief = await vscode.commands.executeCommand<string>('opsLens.openReleaseBrief', '1.2.0');
    assert.match(brief, /^# Ops brief: 1\.2\.0 · Bulk ordering/);
    assert.match(brief, /## Ops risk: 1 info note/);
    assert.match(brief, /\| info \| `query-in-loop` \| `services\/orders\/src\/routes\/bulk\.ts:6` \| orders \| GET \/orders\/bulk \|/);
    assert.match(brief, /### orders \(1 commit\)\n\n- #12 Bulk order lookup \(1 commit\)/);
    assert.match(brief, /- \[Raise orders autoscaler max\]\(\.ops-lens\/changes\/orders-max\.md\)/);
    await waitForTab((t) => t.input instanceof vscode.TabInputWebview && /markdown/i.test(t.input.viewType) && /ops-brief-1\.2\.0/.test(t.label), 'the Markdown preview of the brief');
    const copied = await vscode.commands.executeCommand<string>('opsLens.copyReleaseBrief', '1.1.0');
    assert.match(copied, /^# Ops brief: 1\.1\.0\n/);
    assert.equal(await vscode.env.clipboard.readText(), copied);
    const compared = await vscode.commands.executeCommand<string>('opsLens.compareReleases', '1.1.0', '1.2.0');
    assert.match(compared, /^# Compare 1\.1\.0 and 1\.2\.0/);
    assert.match(compared, /\| Git \| `release\/1\.1` \| `next \(main\)` \|/);
  });

  it('shows a mistake in the schedule at its line, in the Problems and at the top of the view', async () => {
    const file = join(root, '.ops-lens/releases.yaml');
    const valid = readFileSync(file, 'utf8');
    writeFileSync(file, valid.replace('  - version: "1.2.0"', '  - version: 1.2'));
    const uri = vscode.Uri.file(file);
    const [d] = await waitForDiagnostics(uri, (ds) => ds.some((x) => codeOf(x) === 'release-schedule'));
    assert.equal(d.range.start.line, 6);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /version must be a string such as "1\.5\.0" \(quote it/);
    await waitForTimeline(api, (t) => t.problems.some((p) => p.severity === 'error'), 'the schedule problem on the timeline');
    const top = children();
    assert.equal(label(top[0].item), 'Schedule problems');
    assert.deepEqual(children(top[0].node).map((c) => label(c.item)), ['.ops-lens/releases.yaml:7']);
    // The valid entry still counts: 1.1.0 is on the timeline; 1.2.0's plan is gone until it is fixed.
    assert.ok(top.some((c) => label(c.item) === '1.1.0'));

    writeFileSync(file, valid);
    await waitForDiagnostics(uri, (ds) => ds.length === 0);
    await waitForTimeline(api, (t) => !t.problems.some((p) => p.severity === 'error') && t.releases.some((r) => r.id === '1.2.0'), 'the fixed schedule');
  });

  it('refreshes by itself after a new commit, then after a new tag', async () => {
    // One commit touching two services: listed under each.
    write('services/orders/ROLLOUT.md', '# Orders rollout\n');
    write('services/catalog/ROLLOUT.md', '# Catalog rollout\n');
    git('add', '--', 'services/orders/ROLLOUT.md', 'services/catalog/ROLLOUT.md');
    git('commit', '-q', '-m', 'Document the rollout');
    const afterCommit = await waitForTimeline(api, (t) => t.releases.some((r) => r.id === '1.2.0' && r.commits.some((c) => c.subject === 'Document the rollout')), 'the new commit in 1.2.0');
    assert.equal(afterCommit.releases.find((r) => r.id === '1.2.0')!.commits.length, 2);
    const changes = child(child(undefined, '1.2.0').node, 'Changes');
    assert.equal(changes.item.description, '2 commits, 1 pull request');
    const groups = children(changes.node);
    assert.deepEqual(groups.map((g) => [label(g.item), g.item.description]), [['orders', '2 commits'], ['catalog', '1 commit']]);
    const ids = [...groups, ...groups.flatMap((g) => children(g.node))].map((c) => c.item.id);
    assert.equal(new Set(ids).size, ids.length, `tree ids are unique: ${ids.join(', ')}`);

    git('tag', 'v1.0.1');
    await waitForTimeline(api, (t) => t.releases.some((r) => r.id === '1.0.1' && r.status === 'past'), 'v1.0.1 as a past release');
    const top = children();
    assert.deepEqual(top.map((c) => label(c.item)), ['1.1.0', '1.2.0 · Bulk ordering', 'Past releases']);
    assert.deepEqual(children(top[2].node).map((c) => label(c.item)), ['1.0.1', '1.0.0']);
    // Everything main had is now in 1.0.1: the planned 1.2.0 carries nothing yet.
    assert.equal(child(child(undefined, '1.2.0').node, 'Changes').item.description, '0 commits');
  });

  it('adds GitHub milestones once a token is set (SecretStorage), sending it to the configured API only', async () => {
    // GitHub cannot be reached from the test machines: a loopback server replays recorded milestones (see
    // test/unit/releases/fixtures/github/README.md) and records what it is asked.
    const fixtures = join(resolve(__dirname, '../../..'), 'test/unit/releases/fixtures/github');
    const milestones = readFileSync(join(fixtures, 'milestones.page2.json'), 'utf8');
    const seen: { path: string; auth?: string }[] = [];
    const server = createServer((req, res) => {
      seen.push({ path: new URL(req.url!, 'http://x').pathname, auth: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      res.end(req.url!.startsWith('/repos/acme/shop/milestones') ? milestones : '[]');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const releases = () => vscode.workspace.getConfiguration('opsLens.releases');
    try {
      git('remote', 'add', 'origin', 'https://127.0.0.1/acme/shop.git');
      await releases().update('githubApiUrl', apiUrl, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('opsLens.refreshReleases');
      assert.equal(seen.length, 0, 'no token: GitHub is not asked');

      await vscode.commands.executeCommand('opsLens.setGitHubToken', { token: 'ghp_host_test', apiUrl });
      const t = await waitForTimeline(api, (x) => x.releases.some((r) => r.id === '1.2.0' && r.sources.includes('milestone')), 'the milestone merged into 1.2.0');
      assert.deepEqual(t.releases.find((r) => r.id === '1.2.0')!.sources.slice().sort(), ['milestone', 'schedule']);
      const link = child(child(undefined, '1.2.0').node, 'Milestone Release 1.2');
      assert.equal(String((link.item.command?.arguments?.[0] as vscode.Uri).toString()), 'https://github.com/acme/shop/milestone/5');
      assert.deepEqual([...new Set(seen.map((x) => x.path))].sort(), ['/repos/acme/shop/milestones', '/repos/acme/shop/releases']);
      assert.ok(seen.every((x) => /ghp_host_test$/.test(x.auth ?? '')), 'every request carries the token');
      const settingsFile = join(root, '.vscode/settings.json');
      assert.ok(!readFileSync(settingsFile, 'utf8').includes('ghp_host_test'), 'the token is not in the settings');
    } finally {
      await vscode.commands.executeCommand('opsLens.setGitHubToken', { token: '', apiUrl });
      await releases().update('githubApiUrl', undefined, vscode.ConfigurationTarget.Workspace);
      git('remote', 'remove', 'origin');
      await new Promise<void>((r) => server.close(() => r()));
    }
    await waitForTimeline(api, (x) => x.releases.some((r) => r.id === '1.2.0' && !r.sources.includes('milestone')), 'the milestone gone with the token');
  });
});

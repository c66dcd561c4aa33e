// "Ops Lens: Request Environment Change" end to end in a real VS Code, on real git repositories made here: in place,
// as a branch (pushed), as a GitHub issue and as a pull request (against recorded GitHub responses on a loopback
// server). Each checks the recipe byte for byte, the commit's tree, and that the user's uncommitted changes, index
// and current branch are untouched. Answers come from a scripted prompt passed in the command's argument.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { parseRecord } from '../../src/core/changes/changeRecord';
import type { ChangePrompt, InputStep, PickStep, StepId } from '../../src/editor/changeRequestPrompt';
import type { ChangeRequestResult } from '../../src/editor/changeRequestCommand';
import type { OpsLensApi } from '../../src/extension';
import { loadScenarioFrom, replayGitHub, type ReplayServer } from '../fixtures/github/replayServer';
import { createRepo, userState, type TestRepo } from '../unit/changes/gitRepo';
import { codeOf, waitForDiagnostics, workspaceUri } from './waitFor';

// The bundle runs from dist/test/host: the fixtures are in the repository beside it.
const REPO_ROOT = resolve(__dirname, '../../..');
const RECIPES = join(REPO_ROOT, 'test/fixtures/changes-recipes/k8s');
const GITHUB = join(REPO_ROOT, 'test/fixtures/github');
const TOKEN = '0000000000000000000000000000000000000001';
const USER_FILES = ['orders.yaml', 'shared-anchors.yaml', 'notes.md', 'scratch.txt'];

/** Answers each step from a map (by item label prefix for picks); an unexpected question fails the test at once. */
class TestPrompt implements ChangePrompt {
  readonly asked: StepId[] = [];
  readonly previews: { title: string; after?: string; round: number }[] = [];
  constructor(
    private readonly answers: Partial<Record<StepId, string>>,
    private readonly onPreview?: (round: number) => void,
  ) {}

  async pick<T>(step: PickStep<T>): Promise<T | undefined> {
    this.asked.push(step.id);
    const answer = this.answers[step.id];
    if (answer === undefined) throw new Error(`unexpected question ${step.id}: ${step.placeholder}`);
    const item = answer === '(first)' ? step.items[0] : (step.items.find((i) => i.label === answer) ?? step.items.find((i) => i.label.startsWith(answer)));
    if (!item) throw new Error(`no "${answer}" among ${step.items.map((i) => i.label).join(' | ')}`);
    return item.value;
  }

  async input(step: InputStep): Promise<string | undefined> {
    this.asked.push(step.id);
    const answer = this.answers[step.id];
    if (answer === undefined) throw new Error(`unexpected question ${step.id}: ${step.prompt}`);
    const problem = step.validate(answer);
    if (problem) throw new Error(`${step.id}: ${problem}`);
    return answer;
  }

  previewShown(info: { title: string; after?: string; round: number }): void {
    this.previews.push(info);
    this.onPreview?.(info.round);
  }
}

function request(args: Record<string, unknown>): Thenable<ChangeRequestResult> {
  return vscode.commands.executeCommand<ChangeRequestResult>('opsLens.requestEnvironmentChange', args);
}

/** A repository with the fixture recipes committed on main and a user in the middle of work on a feature branch. */
function busyRepo(): { repo: TestRepo; committed: string; before: Record<string, string> } {
  const repo = createRepo(RECIPES);
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'recipes');
  const committed = repo.read('orders.yaml');
  repo.git('checkout', '-q', '-b', 'feature/checkout');
  repo.write('notes.md', 'staged work\n');
  repo.git('add', 'notes.md');
  repo.write('scratch.txt', 'untracked work\n');
  return { repo, committed, before: userState(repo, USER_FILES) };
}

const maxTo14 = (extra: Record<string, unknown> = {}) => ({ service: 'orders', change: 'maxReplicas', to: '14', reason: 'Pinned at 10/10 every evening', release: '2026.05', ...extra });

describe('change requests: Request Environment Change end to end in a real VS Code', function () {
  this.timeout(60_000);
  let api: OpsLensApi;
  before(async () => {
    api = (await vscode.extensions.getExtension('ops-lens.ops-lens')!.activate()) as OpsLensApi;
  });

  it('in place: an undoable edit of the unopened recipe and a change record; only the value changes', async () => {
    const { repo, committed, before } = busyRepo();
    try {
      const prompt = new TestPrompt({ submit: 'In place' });
      const result = await request(maxTo14({ root: repo.dir, prompt }));
      assert.equal(result.status, 'submitted', JSON.stringify(result));
      assert.deepEqual(prompt.asked, ['submit'], 'every other answer was pre-filled');
      assert.equal(prompt.previews.length, 1);
      assert.match(prompt.previews[0].title, /orders: Autoscaling max 10 → 14 \(preview\)/);

      const expected = committed.replace('maxReplicas: 10    #', 'maxReplicas: 14    #');
      assert.notEqual(expected, committed);
      assert.equal(repo.read('orders.yaml'), expected, 'saved to disk byte for byte');
      const recordFile = (result as { record: string }).record;
      const record = parseRecord(repo.read(recordFile)).record!;
      assert.equal(record.submittedAs, 'inPlace');
      assert.deepEqual([record.service, record.from, record.to, record.release], ['orders', '10', '14', '2026.05']);
      assert.match(record.body, /-  maxReplicas: 10 {4}# raised in March after the sale\n\+  maxReplicas: 14 {4}# raised in March after the sale/);

      // The user's work: same HEAD, branch, index; the staged and untracked files as they were.
      const after = userState(repo, USER_FILES);
      for (const k of ['head', 'branch', 'index', 'staged', 'file:notes.md', 'file:scratch.txt', 'file:shared-anchors.yaml']) assert.equal(after[k], before[k], k);

      // Undoable like any edit.
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(repo.dir, 'orders.yaml')));
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), committed);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      repo.dispose();
    }
  });

  it('in place on an open recipe with unsaved edits: the change joins them, nothing is saved for the user', async () => {
    const { repo, committed } = busyRepo();
    // In the browser VS Code saves a dirty file after a second by default (desktop: off): that save is VS Code's, and
    // would make this test's "disk untouched" fail whenever the request takes longer than that.
    const files = vscode.workspace.getConfiguration('files');
    const autoSave = files.inspect<string>('autoSave')?.globalValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      const uri = vscode.Uri.file(join(repo.dir, 'orders.yaml'));
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.replace(new vscode.Range(9, 12, 9, 13), '4'));
      assert.ok(doc.isDirty);
      const result = await request(maxTo14({ root: repo.dir, submitAs: 'inPlace', prompt: new TestPrompt({}) }));
      assert.equal(result.status, 'submitted', JSON.stringify(result));
      assert.equal(doc.getText(), committed.replace('replicas: 3 #', 'replicas: 4 #').replace('maxReplicas: 10    #', 'maxReplicas: 14    #'));
      assert.equal(repo.read('orders.yaml'), committed, 'disk untouched');
      assert.ok(doc.isDirty, 'left unsaved: the user saves their own edits');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await files.update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
      repo.dispose();
    }
  });

  it('shows the preview again when the recipe changed after it, and patches the new text', async () => {
    const { repo, committed } = busyRepo();
    try {
      const prompt = new TestPrompt({ submit: 'In place' }, (round) => {
        if (round === 1) writeFileSync(join(repo.dir, 'orders.yaml'), committed.replace('# Orders API', '# Orders API (edited meanwhile)'));
      });
      const result = await request(maxTo14({ root: repo.dir, prompt }));
      assert.equal(result.status, 'submitted', JSON.stringify(result));
      assert.deepEqual(prompt.previews.map((p) => p.round), [1, 2]);
      assert.match(prompt.previews[1].title, /again: the recipe changed/);
      assert.deepEqual(prompt.asked, ['submit', 'submit']);
      assert.equal(repo.read('orders.yaml'), committed.replace('# Orders API', '# Orders API (edited meanwhile)').replace('maxReplicas: 10    #', 'maxReplicas: 14    #'));
    } finally {
      repo.dispose();
    }
  });

  it('as a branch, pushed: one commit on top of HEAD with the patch and the record; the checkout is untouched', async () => {
    const { repo, committed } = busyRepo();
    const remote = mkdtempSync(join(tmpdir(), 'ops-lens-remote-'));
    try {
      execFileSync('git', ['init', '-q', '--bare', remote]);
      repo.git('remote', 'add', 'origin', remote);
      // Unstaged work in the very recipe being changed: the branch is made from HEAD's version, not from this.
      repo.write('orders.yaml', committed.replace('replicas: 3 #', 'replicas: 5 #'));
      const before = userState(repo, USER_FILES);
      const head = repo.git('rev-parse', 'HEAD').trim();

      const result = await request(maxTo14({ root: repo.dir, submitAs: 'branch', push: true, prompt: new TestPrompt({}) }));
      assert.equal(result.status, 'submitted', JSON.stringify(result));
      const { branch, commit, record } = result as { branch: string; commit: string; record: string };
      assert.match(branch, /^ops-lens\/\d{4}-\d\d-\d\d-orders-max-replicas$/);

      assert.deepEqual(userState(repo, USER_FILES), before, 'HEAD, branch, index, status, diffs and files unchanged');
      assert.equal(repo.git('rev-parse', `${branch}^`).trim(), head);
      assert.equal(repo.git('rev-parse', branch).trim(), commit);
      assert.deepEqual(repo.git('diff', '--name-status', head, branch).trim().split('\n').sort(), [`A\t${record}`, 'M\torders.yaml']);
      assert.equal(repo.git('show', `${branch}:orders.yaml`), committed.replace('maxReplicas: 10    #', 'maxReplicas: 14    #'));
      const rec = parseRecord(repo.git('show', `${branch}:${record}`)).record!;
      assert.deepEqual([rec.submittedAs, rec.branch, rec.status], ['branch', branch, 'proposed']);
      assert.equal(execFileSync('git', ['--git-dir', remote, 'rev-parse', `refs/heads/${branch}`], { encoding: 'utf8' }).trim(), commit);
    } finally {
      repo.dispose();
      rmSync(remote, { recursive: true, force: true });
    }
  });

  it('as a pull request on GitHub (recorded API): branch pushed, pull request opened, its link recorded on the branch', async () => {
    const { repo, committed, before } = busyRepo();
    const remote = mkdtempSync(join(tmpdir(), 'ops-lens-remote-'));
    let server: ReplayServer | undefined;
    try {
      execFileSync('git', ['init', '-q', '--bare', remote]);
      const github = 'https://github.com/octokit-fixture-org/hello-world.git';
      repo.git('remote', 'add', 'origin', github);
      // Pushes to "GitHub" land in the local bare repository; the remote still names the GitHub repository.
      repo.git('config', `url.${remote}.pushInsteadOf`, github);
      server = await replayGitHub(loadScenarioFrom(GITHUB, 'create-pull-request.json'));
      await vscode.workspace.getConfiguration('opsLens.changes').update('github.apiUrl', server.url, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('opsLens.setGitHubToken', { token: TOKEN, apiUrl: server.url });

      const result = await request(maxTo14({ root: repo.dir, submitAs: 'pullRequest', prompt: new TestPrompt({}) }));
      assert.equal(result.status, 'submitted', JSON.stringify(result));
      assert.deepEqual(server.problems, []);
      const { branch, link, record } = result as { branch: string; link: string; record: string };
      assert.equal(link, 'https://github.com/octokit-fixture-org/hello-world/pull/1347');
      const pr = server.seen[1];
      assert.equal(pr.headers.authorization, `token ${TOKEN}`);
      const body = pr.body as { title: string; head: string; base: string; body: string };
      assert.deepEqual([body.title, body.head, body.base], ['orders: Autoscaling max 10 → 14', branch, 'master']);
      assert.match(body.body, /\| Ships with \| `2026\.05` \|/);
      assert.match(body.body, /```diff\n--- a\/orders\.yaml\n\+\+\+ b\/orders\.yaml/);

      const pushed = (ref: string) => execFileSync('git', ['--git-dir', remote, ...ref.split(' ')], { encoding: 'utf8' });
      assert.equal(pushed(`rev-parse refs/heads/${branch}`).trim(), repo.git('rev-parse', branch).trim(), 'the link commit is pushed');
      assert.equal(pushed(`rev-list --count refs/heads/${branch}`).trim(), '3', 'the recipes, then the change with its record, then the link');
      assert.equal(repo.git('show', `${branch}:orders.yaml`), committed.replace('maxReplicas: 10    #', 'maxReplicas: 14    #'));
      const rec = parseRecord(repo.git('show', `${branch}:${record}`)).record!;
      assert.deepEqual([rec.status, rec.submittedAs, rec.link], ['submitted', 'pullRequest', link]);
      assert.deepEqual(userState(repo, USER_FILES), before);
    } finally {
      await vscode.workspace.getConfiguration('opsLens.changes').update('github.apiUrl', undefined, vscode.ConfigurationTarget.Workspace);
      await server?.close();
      repo.dispose();
      rmSync(remote, { recursive: true, force: true });
    }
  });

  it('as a GitHub issue (recorded API): the record is written with the issue link, the recipe is not touched', async () => {
    const { repo, committed, before } = busyRepo();
    let server: ReplayServer | undefined;
    try {
      repo.git('remote', 'add', 'origin', 'git@github.com:octokit-fixture-org/hello-world.git');
      server = await replayGitHub(loadScenarioFrom(GITHUB, 'create-issue.json'));
      await vscode.workspace.getConfiguration('opsLens.changes').update('github.apiUrl', server.url, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('opsLens.setGitHubToken', { token: TOKEN, apiUrl: server.url });
      const result = await request(maxTo14({ root: repo.dir, submitAs: 'issue', prompt: new TestPrompt({}) }));
      assert.equal(result.status, 'submitted', JSON.stringify(result));
      assert.deepEqual(server.problems, []);
      const { link, record } = result as { link: string; record: string };
      assert.equal(link, 'https://github.com/octokit-fixture-org/hello-world/issues/1');
      assert.match((server.seen[0].body as { body: string }).body, /### Production evidence/);
      assert.equal(repo.read('orders.yaml'), committed);
      assert.equal(parseRecord(repo.read(record)).record!.link, link);
      const after = userState(repo, USER_FILES);
      for (const k of ['head', 'branch', 'index', 'staged', 'unstaged']) assert.equal(after[k], before[k], k);
    } finally {
      await vscode.workspace.getConfiguration('opsLens.changes').update('github.apiUrl', undefined, vscode.ConfigurationTarget.Workspace);
      await server?.close();
      repo.dispose();
    }
  });

  it('refuses, writing nothing: a detached HEAD, an unborn branch, a missing remote or token, a bad value', async () => {
    const { repo } = busyRepo();
    try {
      repo.git('checkout', '-q', '--detach');
      const refs = repo.git('for-each-ref');
      const detached = await request(maxTo14({ root: repo.dir, submitAs: 'branch', prompt: new TestPrompt({}) }));
      assert.deepEqual([detached.status, (detached as { code: string }).code], ['refused', 'detached-head']);
      assert.equal(repo.git('for-each-ref'), refs);
      repo.git('checkout', '-q', 'feature/checkout');
      const noRemote = await request(maxTo14({ root: repo.dir, submitAs: 'issue', prompt: new TestPrompt({}) }));
      assert.match((noRemote as { message: string }).message, /no git remote named "origin"/);
      repo.git('remote', 'add', 'origin', 'https://github.com/acme/nowhere.git');
      const noToken = await request(maxTo14({ root: repo.dir, submitAs: 'issue', prompt: new TestPrompt({}) }));
      assert.equal((noToken as { code: string }).code, 'missing-token');
      assert.match((noToken as { message: string }).message, /No GitHub token is stored for https:\/\/api\.github\.com: run "Ops Lens: Set GitHub Token"/);
      const bad = await request(maxTo14({ root: repo.dir, to: '2', prompt: new TestPrompt({}) }));
      assert.match((bad as { message: string }).message, /maximum \(2\) cannot be below the minimum \(3\)/);
      assert.ok(!existsSync(join(repo.dir, '.ops-lens')), 'no record was written');
    } finally {
      repo.dispose();
    }
    const empty = createRepo(RECIPES);
    try {
      const unborn = await request(maxTo14({ root: empty.dir, submitAs: 'branch', prompt: new TestPrompt({}) }));
      assert.equal((unborn as { code: string }).code, 'unborn-branch');
    } finally {
      empty.dispose();
    }
  });

  it('offers a free-text request when the value is shared through an anchor, and files that instead', async () => {
    const { repo } = busyRepo();
    try {
      const prompt = new TestPrompt({ freeTextInstead: 'Request it as free text', submit: 'In place' });
      const shared = repo.read('shared-anchors.yaml');
      const result = await request({ root: repo.dir, service: 'mailer', change: 'cpuRequest', to: '200m', reason: 'mail bursts', release: '', prompt });
      assert.equal(result.status, 'submitted', JSON.stringify(result));
      assert.equal(repo.read('shared-anchors.yaml'), shared, 'the shared anchor is not touched');
      const rec = parseRecord(repo.read((result as { record: string }).record)).record!;
      assert.equal(rec.change, 'freeText');
      assert.match(rec.to, /CPU request: 100m \(0\.1 cores\) → 200m .*anchor &small/);
    } finally {
      repo.dispose();
    }
  });

  it('is offered as a quick fix on warnings, pre-filled with the service, the reason and (for a pinned autoscaler) the field', async () => {
    const code = workspaceUri('services/orders/src/routes/orders.ts');
    const ds = await waitForDiagnostics(code, (d) => d.some((x) => codeOf(x) === 'query-in-loop'));
    const d = ds.find((x) => codeOf(x) === 'query-in-loop')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', code, d.range);
    const fix = actions.find((a) => a.title === 'Request an environment change for orders…');
    assert.ok(fix?.command, actions.map((a) => a.title).join(' | '));
    assert.equal(fix.command.command, 'opsLens.requestEnvironmentChange');
    const [prefill] = fix.command.arguments as [{ service: string; reason: string; change?: string }];
    assert.equal(prefill.service, 'orders');
    assert.match(prefill.reason, /^query-in-loop on GET \/orders: /);
    assert.equal(prefill.change, undefined, 'a code hazard leaves the field to the user');

    const recipe = workspaceUri('deploy/k8s/orders.yaml');
    const rd = await waitForDiagnostics(recipe, (x) => x.some((y) => codeOf(y) === 'capacity-pressure' && /pinned/.test(y.message)));
    const pinned = rd.find((x) => codeOf(x) === 'capacity-pressure' && /pinned/.test(x.message))!;
    const recipeActions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', recipe, pinned.range);
    const relieve = recipeActions.find((a) => a.title === 'Request an environment change for orders…');
    assert.equal((relieve?.command?.arguments?.[0] as { change?: string }).change, 'maxReplicas');
  });

  it('lists the workspace\'s records in the Change Requests view, grouped by the release they ride with', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const result = await request({ service: 'orders', change: 'freeText', to: 'A read replica for the orders database', reason: 'reports slow the checkout', release: '2026.05', submitAs: 'inPlace', prompt: new TestPrompt({ environment: '(first)' }) });
    assert.equal(result.status, 'submitted', JSON.stringify(result));
    const file = join(folder, (result as { record: string }).record);
    try {
      assert.equal(result.status, 'submitted', JSON.stringify(result));
      const view = api.changeRequests!.view;
      await view.refresh();
      const listed = view.records.find((r) => join(folder, r.file) === file);
      assert.ok(listed, `not listed: ${view.records.map((r) => r.file).join(', ')}`);
      assert.equal(listed.record.release, '2026.05');
      const roots = (await view.getChildren()) as { kind: string; release?: string }[];
      assert.ok(roots.some((n) => n.kind === 'release' && n.release === '2026.05'), JSON.stringify(roots.map((r) => r.kind)));
      assert.ok(readdirSync(join(folder, '.ops-lens/changes')).length >= 1);
      assert.match(readFileSync(file, 'utf8'), /change: freeText/);
    } finally {
      rmSync(file, { force: true });
    }
  });
});

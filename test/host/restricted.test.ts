// Restricted Mode in a real VS Code: code-server with workspace trust on and the folder never trusted
// (test/host/runHost.ts runs this suite in a session of its own). A repository someone cloned must not make
// Ops Lens contact a backend it names, run git, or reach GitHub; what needs none of that keeps working.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { SignalsState } from '../../src/core/signals/signalsRefresher';
import type { ChangePrompt } from '../../src/editor/changeRequestPrompt';
import type { ChangeRequestResult } from '../../src/editor/changeRequestCommand';
import { describeSignals } from '../../src/editor/statusBar';
import type { OpsLensApi } from '../../src/extension';
import { startHeaderProxy, type HeaderProxy } from '../support/headerProxy';
import { codeOf, waitForDiagnostics, workspaceUri } from './waitFor';

// The bundle runs from dist/test/host: the fixtures are in the repository beside it.
const RECIPES = join(resolve(__dirname, '../../..'), 'test/fixtures/changes-recipes/k8s');
const config = () => vscode.workspace.getConfiguration('opsLens');
const refresh = () => vscode.commands.executeCommand<SignalsState>('opsLens.refreshSignals');

/** Every answer is pre-filled: a question means the command went further than it should. */
const noQuestions: ChangePrompt = {
  pick: async (step) => assert.fail(`unexpected question ${step.id}`),
  input: async (step) => assert.fail(`unexpected question ${step.id}`),
};

describe('Restricted Mode (an untrusted workspace) in a real VS Code', function () {
  this.timeout(60_000);
  let api: OpsLensApi;
  let proxy: HeaderProxy;
  const original: { url?: string; snapshot?: string } = {};

  before(async () => {
    const prometheus = process.env.OPS_LENS_TEST_PROMETHEUS_URL;
    assert.ok(prometheus, 'OPS_LENS_TEST_PROMETHEUS_URL is not set: run this suite through scripts/test.mjs');
    assert.equal(vscode.workspace.isTrusted, false, 'this session must open the folder untrusted (workspace trust on, never granted)');
    api = (await vscode.extensions.getExtension('ops-lens.ops-lens')!.activate()) as OpsLensApi;
    proxy = await startHeaderProxy({ upstream: prometheus });
    original.url = config().inspect<string>('prometheus.url')?.workspaceValue;
    original.snapshot = config().inspect<string>('signals.snapshot')?.workspaceValue;
  });

  after(async () => {
    await config().update('prometheus.url', undefined, vscode.ConfigurationTarget.Global);
    await config().update('prometheus.url', original.url, vscode.ConfigurationTarget.Workspace);
    await config().update('signals.snapshot', original.snapshot, vscode.ConfigurationTarget.Workspace);
    await proxy?.stop();
  });

  it('does not contact the backend the workspace names; the recorded snapshot or the user\'s own URL is used', async () => {
    await config().update('prometheus.url', proxy.url, vscode.ConfigurationTarget.Workspace);
    const offline = await refresh();
    assert.equal(offline.status, 'ok', offline.error);
    assert.equal(offline.signals!.source.kind, 'snapshot', 'the workspace\'s own snapshot file is read');
    assert.equal(proxy.requests.length, 0, 'no request reached the workspace\'s backend');

    // With no snapshot either, the status says why there are no numbers.
    await config().update('signals.snapshot', '', vscode.ConfigurationTarget.Workspace);
    const withheld = await refresh();
    assert.equal(withheld.status, 'untrusted', JSON.stringify(withheld));
    assert.match(withheld.error ?? '', /not trusted: a Prometheus URL in its settings is not used/);
    assert.match(describeSignals(withheld, Infinity).text, /restricted/);
    assert.equal(proxy.requests.length, 0);

    // The same URL chosen by the user (user settings) is theirs to contact, trusted workspace or not.
    await config().update('prometheus.url', proxy.url, vscode.ConfigurationTarget.Global);
    const own = await refresh();
    assert.equal(own.status, 'ok', own.error);
    assert.equal(own.signals!.source.kind, 'prometheus');
    assert.ok(proxy.requests.length > 0, 'the user\'s backend was asked');
    assert.ok(own.signals!.services.some((s) => s.routes.length > 0));
  });

  it('still analyses the code: the query in a loop is reported', async () => {
    const diagnostics = await waitForDiagnostics(workspaceUri('services/orders/src/routes/orders.ts'), (d) => d.some((x) => codeOf(x) === 'query-in-loop'));
    assert.ok(diagnostics.every((d) => d.source === 'Ops Lens'));
  });

  it('runs no git for the Releases view, and says so', async () => {
    const timeline = await api.releases!.service.refresh();
    assert.ok(timeline, 'a timeline is built from the schedule alone');
    assert.ok(
      timeline.problems.some((p) => /Restricted Mode: git is not run/.test(p.message)),
      `problems: ${timeline.problems.map((p) => p.message).join(' | ')}`,
    );
  });

  it('refuses a change request as a branch (git) and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ops-lens-restricted-'));
    try {
      cpSync(RECIPES, dir, { recursive: true });
      const before = readFileSync(join(dir, 'orders.yaml'), 'utf8');
      const result = await vscode.commands.executeCommand<ChangeRequestResult>('opsLens.requestEnvironmentChange', {
        root: dir,
        service: 'orders',
        change: 'maxReplicas',
        to: '14',
        reason: 'Pinned at 10/10 every evening',
        release: '',
        submitAs: 'branch',
        prompt: noQuestions,
      });
      assert.ok(result.status === 'refused', JSON.stringify(result));
      assert.equal(result.code, 'untrusted-workspace');
      assert.match(result.message, /Trust it \(Workspaces: Manage Workspace Trust\), or submit in place/);
      assert.equal(readFileSync(join(dir, 'orders.yaml'), 'utf8'), before);
      assert.equal(existsSync(join(dir, '.ops-lens')), false, 'no change record either');
      assert.equal(existsSync(join(dir, '.git')), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

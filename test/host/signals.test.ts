import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SignalsState } from '../../src/core/signals/signalsRefresher';
import { describeSignals } from '../../src/editor/statusBar';
import { startHeaderProxy, type HeaderProxy } from '../support/headerProxy';
import { workspaceUri } from './waitFor';

const ORDERS = 'services/orders/src/routes/orders.ts';
const config = () => vscode.workspace.getConfiguration('opsLens');
const setting = (key: string, value: unknown) => config().update(key, value, vscode.ConfigurationTarget.Workspace);
const refresh = () => vscode.commands.executeCommand<SignalsState>('opsLens.refreshSignals');

async function lensTitles(): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', workspaceUri(ORDERS), 100);
  return lenses.map((l) => l.command?.title ?? '').filter((t) => t.includes('req/s'));
}

async function timed<T>(what: string, fn: () => Thenable<T> | Promise<T>): Promise<{ ms: number; value: T }> {
  const started = Date.now();
  const value = await fn();
  const ms = Date.now() - started;
  if (process.env.OPS_LENS_TEST_DEBUG) console.log(`[signals] ${what}: ${ms} ms`);
  return { ms, value };
}

describe('Ops Lens signals in a real VS Code: credentials, a hanging backend, stale data', function () {
  this.timeout(60_000);
  const prometheus = process.env.OPS_LENS_TEST_PROMETHEUS_URL;
  const original = { url: '', timeout: undefined as unknown };
  let guarded: HeaderProxy;
  let elsewhere: HeaderProxy;

  before(async () => {
    assert.ok(prometheus, 'OPS_LENS_TEST_PROMETHEUS_URL is not set: run this suite through scripts/test.mjs');
    await vscode.extensions.getExtension('ops-lens.ops-lens')!.activate();
    original.url = config().inspect<string>('prometheus.url')?.workspaceValue ?? '';
    original.timeout = config().inspect('prometheus.timeoutSeconds')?.workspaceValue;
    guarded = await startHeaderProxy({ upstream: prometheus, require: { authorization: 'Bearer tok-host-1' } });
    elsewhere = await startHeaderProxy({ upstream: prometheus });
  });

  after(async () => {
    elsewhere?.setFault({ kind: 'none' });
    await setting('prometheus.url', guarded.url);
    await vscode.commands.executeCommand('opsLens.setBackendCredentials', { kind: 'none' });
    await setting('prometheus.timeoutSeconds', original.timeout);
    await setting('prometheus.url', original.url);
    const s = await refresh();
    await guarded?.stop();
    await elsewhere?.stop();
    assert.equal(s.status, 'ok', `the workspace is back on the test Prometheus: ${s.error}`);
  });

  it('without credentials the guarded backend says "unauthorised"; with them (SecretStorage) the numbers arrive', async () => {
    await setting('prometheus.url', guarded.url);
    const refused = await refresh();
    assert.equal(refused.status, 'error');
    assert.equal(refused.errorKind, 'unauthorised');
    assert.match(refused.error ?? '', /refused the credentials \(HTTP 401\)/);
    assert.match(describeSignals(refused, Infinity).text, /unauthorised/);

    await vscode.commands.executeCommand('opsLens.setBackendCredentials', { kind: 'bearer', token: 'tok-host-1' });
    const ok = await refresh();
    assert.equal(ok.status, 'ok', ok.error);
    assert.ok(ok.signals!.services.some((s) => s.routes.length > 0));
    assert.ok(guarded.requests.some((r) => r.headers.authorization === 'Bearer tok-host-1'));
  });

  it('the token stays with its origin: pointing the workspace at another URL sends no credentials there', async () => {
    const before = elsewhere.requests.length;
    await setting('prometheus.url', elsewhere.url);
    const s = await refresh();
    assert.equal(s.status, 'ok', s.error);
    const seen = elsewhere.requests.slice(before);
    assert.ok(seen.length > 0, 'the other backend was asked');
    assert.deepEqual(seen.filter((r) => r.headers.authorization !== undefined).map((r) => r.headers.authorization), []);
  });

  it('while the backend hangs, the editor answers at once, the previous numbers stay, then they are marked stale', async () => {
    await setting('prometheus.url', elsewhere.url);
    await setting('prometheus.timeoutSeconds', 3);
    const fresh = await refresh();
    assert.equal(fresh.status, 'ok', fresh.error);
    const lensesBefore = await lensTitles();
    assert.ok(lensesBefore.length > 0, 'route lenses with numbers before the hang');

    elsewhere.setFault({ kind: 'hang' });
    const arrived = elsewhere.nextRequest();
    const pending = refresh();
    await arrived; // the refresh is now waiting on a backend that will not answer

    const lens = await timed('CodeLens', () => lensTitles());
    const hover = await timed('hover', () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', workspaceUri(ORDERS), new vscode.Position(15, 5)));
    const doc = await timed('open document', () => vscode.workspace.openTextDocument(workspaceUri('services/orders/src/server.ts')));
    const cmd = await timed('a command', () => vscode.commands.executeCommand('opsLens.showOutput'));
    for (const [what, t] of Object.entries({ lens, hover, doc, cmd })) assert.ok(t.ms < 1000, `${what} took ${t.ms} ms while the backend hangs`);
    assert.deepEqual(lens.value, lensesBefore, 'the previous numbers are still shown while refreshing');
    assert.ok(hover.value.length > 0);

    const failed = await pending;
    assert.equal(failed.status, 'error');
    assert.equal(failed.errorKind, 'timeout');
    assert.match(failed.error ?? '', /did not answer within 3 s/);
    assert.equal(failed.signals, fresh.signals, 'the previous data stays');
    const shown = describeSignals(failed, Infinity);
    assert.ok(shown.stale);
    assert.match(shown.text, /^stale \(\d+ s old\), backend timed out$/);
    assert.deepEqual(await lensTitles(), lensesBefore, 'stale numbers are still shown');
    elsewhere.setFault({ kind: 'none' });
  });
});

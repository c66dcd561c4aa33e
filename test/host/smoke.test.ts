// The extension is installed from this repository, activates in a real extension
// host, and every command it contributes is registered.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import pkg from '../../package.json';

const extensionId = `${pkg.publisher}.${pkg.name}`;

describe('smoke: extension in a real VS Code host', () => {
  it(`finds and activates ${extensionId}`, async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `${extensionId} is not installed in this host`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('registers every Ops Lens command contributed in package.json', async () => {
    // From the loaded extension's manifest, so this checks what the host actually read.
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `${extensionId} is not installed in this host`);
    const contributed: { command: string; category?: string }[] = ext.packageJSON.contributes?.commands ?? [];
    const ours = contributed.filter((c) => c.category === 'Ops Lens' || c.command.startsWith('opsLens.'));
    assert.ok(ours.length > 0, 'package.json contributes no Ops Lens commands');
    await ext.activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = ours.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});

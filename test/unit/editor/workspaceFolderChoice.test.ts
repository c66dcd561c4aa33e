import * as assert from 'node:assert/strict';
import { chooseWorkspaceFolder } from '../../../src/editor/workspaceFolderChoice';

describe('editor: the one workspace folder Ops Lens analyses', () => {
  const folders = [{ name: 'docs' }, { name: 'shop' }, { name: 'infra' }];

  it('is the first folder by default, saying so only when several are open', () => {
    assert.deepEqual(chooseWorkspaceFolder([{ name: 'shop' }], ''), { folder: { name: 'shop' }, note: undefined });
    const c = chooseWorkspaceFolder(folders, '');
    assert.equal(c?.folder.name, 'docs');
    assert.match(c?.note ?? '', /analyses the first, docs \(choose another with opsLens\.workspaceFolder\)/);
  });

  it('is the folder opsLens.workspaceFolder names', () => {
    const c = chooseWorkspaceFolder(folders, ' shop ');
    assert.equal(c?.folder.name, 'shop');
    assert.equal(c?.unknown, undefined);
  });

  it('falls back to the first when the name is not open, and says which names are', () => {
    const c = chooseWorkspaceFolder(folders, 'payments');
    assert.equal(c?.folder.name, 'docs');
    assert.equal(c?.unknown, true);
    assert.match(c?.note ?? '', /"payments", which is not open \(open: docs, shop, infra\)/);
  });

  it('is nothing when no folder is open', () => {
    assert.equal(chooseWorkspaceFolder([], 'shop'), undefined);
  });
});

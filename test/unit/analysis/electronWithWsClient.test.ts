import assert from 'node:assert/strict';
import { writtenWorkspaces } from './writtenWorkspaces';

const fetchLoop = "export async function load(ids: string[]) {\n  for (const id of ids) await fetch(`http://127.0.0.1:4242/items/${id}`);\n}\n";

/** rotki's `frontend/app`: Vue and `ws` among its dependencies, Electron among its devDependencies: a desktop app. */
describe('a desktop app (Electron) that depends on ws, a WebSocket client as well as a server, is not server code', function () {
  this.timeout(20_000);
  const analyse = writtenWorkspaces('electron-ws', {
    rotki: {
      'frontend/app/package.json': JSON.stringify({ name: 'rotki', dependencies: { vue: '3.5.0', ofetch: '1.4.0', ws: '8.18.0' }, devDependencies: { electron: '37.0.0', vite: '7.0.0' } }),
      'frontend/app/src/use-control.ts': fetchLoop,
      // An Electron app that is an Express server too (Trilium Notes), beside ws: still analysed.
      'notes/package.json': JSON.stringify({ dependencies: { electron: '^30.0.0', express: '^4.0.0', ws: '^8.0.0' } }),
      'notes/src/routes/api.ts': fetchLoop,
      // ws without Electron, a Node package: analysed.
      'relay/package.json': JSON.stringify({ dependencies: { ws: '^8.0.0' } }),
      'relay/src/relay.ts': fetchLoop,
    },
  });

  it("leaves out rotki's Electron + Vue frontend that lists ws; keeps an Electron app with Express and a ws package without Electron", async () => {
    const result = await analyse('rotki');
    assert.deepEqual(result.model.browserCode, ['frontend/app']);
    assert.deepEqual(result.files.map((f) => f.file).sort(), ['notes/src/routes/api.ts', 'relay/src/relay.ts']);
    assert.deepEqual([...new Set(result.warnings.map((w) => w.file))].sort(), ['notes/src/routes/api.ts', 'relay/src/relay.ts']);
  });
});

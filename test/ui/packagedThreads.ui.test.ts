// The .vsix a person installs carries its analysis threads: dist/analysisWorker.js and the grammars beside it,
// installed by code-server as the UI suites install it, start and analyse as the extension's own thread does.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisPool } from '../../src/core/analysis/analysisPool';
import { revive } from '../../src/core/analysis/poolProtocol';
import { analyzeTree } from '../../src/core/code/analyzeFile';
import { CallCatalogue } from '../../src/core/code/hazards/callCatalogue';
import { Grammars } from '../../src/core/code/treeSitter';
import { installVsix } from '../support/codeServer';
import { hostPaths, repoRoot } from '../support/hosts';

describe('the packaged extension: its analysis threads', function () {
  this.timeout(180_000);
  let extensionsDir: string;
  let pool: AnalysisPool | undefined;
  before(async () => {
    extensionsDir = mkdtempSync(join(tmpdir(), 'ops-lens-threads-ext-'));
    await installVsix(await hostPaths(), extensionsDir, join(repoRoot, 'dist/ops-lens.vsix'));
  });
  after(async () => {
    await pool?.close();
    rmSync(extensionsDir, { recursive: true, force: true });
  });

  it('start from the installed extension and find what the main thread finds', async () => {
    const installed = readdirSync(extensionsDir).find((d) => d.startsWith('ops-lens.ops-lens-'));
    assert.ok(installed, `installed: ${readdirSync(extensionsDir).join(', ')}`);
    const dist = join(extensionsDir, installed, 'dist');
    pool = new AnalysisPool({ script: join(dist, 'analysisWorker.js'), size: 1, wasmDir: join(dist, 'wasm'), execArgv: [] });
    const jobs = [
      { file: 'src/orders.ts', language: 'typescript' as const, text: "import { Router } from 'express';\nimport { pool } from './db';\nexport const r = Router();\nr.get('/orders', async (req, res) => {\n  for (const id of req.query.ids as string[]) await pool.query('SELECT * FROM orders WHERE id = $1', [id]);\n  res.end();\n});\n" },
      { file: 'app/views.py', language: 'python' as const, text: 'import requests\nfrom fastapi import FastAPI\napp = FastAPI()\n@app.get("/sync")\ndef sync(ids: list[str]):\n    for i in ids:\n        requests.get(f"http://stock/{i}")\n' },
    ];
    const results = await pool.submit(jobs, new CallCatalogue().data);
    assert.equal(pool.failure, undefined);
    const grammars = new Grammars(join(dist, 'wasm'));
    for (const [i, job] of jobs.entries()) {
      const result = results[i];
      assert.ok('raw' in result, JSON.stringify(result));
      const tree = await grammars.parse(job.language, job.text);
      try {
        assert.deepEqual(revive(result.raw), analyzeTree(job.file, job.language, tree, new CallCatalogue(), job.text));
      } finally {
        tree.delete();
      }
      assert.ok(result.raw.hazards.length > 0 && result.raw.routes.length > 0, `${job.file}: a route and its hazard`);
    }
  });
});

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AnalysisPool } from '../../../src/core/analysis/analysisPool';
import { AnalysisStore } from '../../../src/core/analysis/analysisStore';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeCode } from '../../../src/core/analysis/workspaceAnalysis';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { generateService } from '../../../scripts/bench/code';
import { grammars, WASM } from '../code/fixtureWorkspace';
import { TempWorkspace } from './tempWorkspace';

const SCRIPT = join(__dirname, '../../support/analysisWorker.cjs');

/** 400 files of the bench's generated service, and a reader that aborts the pass once it has read `after` of them. */
function workspace(after: number) {
  const texts = generateService(400);
  const files = [...texts.keys()];
  const abort = new AbortController();
  const reads: string[] = [];
  const read = async (file: string) => {
    reads.push(file);
    if (reads.length === after) abort.abort();
    return texts.get(file)!;
  };
  return { texts, files, abort, reads, read };
}

describe('a full pass stopped by a newer one (ingestAll and analyzeCode with an AbortSignal)', function () {
  this.timeout(60_000);

  for (const threads of [0, 2]) {
    it(`reads no more files once aborted, and keeps what it analysed${threads ? ' (on analysis threads)' : ''}`, async () => {
      const { files, abort, reads, read } = workspace(40);
      const index = new CodeIndex(grammars);
      const pool = threads ? new AnalysisPool({ script: SCRIPT, size: threads, wasmDir: WASM, execArgv: [] }) : undefined;
      try {
        index.runOn(pool, 1);
        const failures: string[] = [];
        const ingested = await index.ingestAll(files, read, (f, e) => failures.push(`${f}: ${e.message}`), abort.signal);
        assert.deepEqual(failures, []);
        // The reads already under way when it aborted (16 ahead) finish; none is started after.
        assert.ok(reads.length <= 40 + 16, `${reads.length} files read`);
        assert.ok(ingested.length > 0 && ingested.length < 40, `${ingested.length} files analysed`);
        assert.deepEqual(ingested, files.filter((f) => ingested.includes(f)), 'in the order given');
        assert.equal(index.analysesOf(ingested).length, ingested.length, 'what was analysed is cached');
        assert.equal(index.poolFailure, undefined);
      } finally {
        await pool?.close();
      }
    });
  }

  it('ends an aborted pass with nothing, and counts what the next pass takes from the store, not what it took', async () => {
    const { texts, files, abort, read } = workspace(40);
    const folder = new TempWorkspace('pass-abort');
    folder.create();
    try {
      for (const [file, text] of texts) folder.write(file, text);
      const fs = new NodeFileSystem(folder.dir);
      const store = join(folder.dir, '.kept/analyses.bin');
      const first = new CodeIndex(grammars);
      first.keepOn(new AnalysisStore(store, 'engine-1'));
      await analyzeCode(first, fs, files);
      await first.keepOnDisk();

      const index = new CodeIndex(grammars);
      index.keepOn(new AnalysisStore(store, 'engine-1'));
      const aborted = Object.assign(Object.create(fs) as NodeFileSystem, { readText: (f: string) => (texts.has(f) ? read(f) : fs.readText(f)) });
      assert.deepEqual(await analyzeCode(index, aborted, files, undefined, undefined, abort.signal), []);
      assert.equal(index.lastStore, undefined, 'an aborted pass says nothing');
      const cached = index.analysesOf(files).length;
      assert.ok(cached > 0 && cached < 40, `${cached} files taken before it stopped`);
      const whole = await analyzeCode(index, fs, files);
      assert.equal(whole.length, files.length);
      assert.equal(whole.reduce((n, a) => n + a.routes.length, 0), 400, 'four routes in each of the 100 routers');
      assert.deepEqual(index.lastStore, { reused: files.length - cached, analysed: files.length });
    } finally {
      folder.remove();
    }
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisPool, automaticThreads } from '../../../src/core/analysis/analysisPool';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { CallCatalogue } from '../../../src/core/code/hazards/callCatalogue';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { FIXTURES, grammars, WASM } from '../code/fixtureWorkspace';

/** The thread's entry from source (through tsx, as this suite runs). */
const SCRIPT = join(__dirname, '../../support/analysisWorker.cjs');
const TSX: string[] = [];

/** Every code file under test/fixtures (all four languages, specs and protos among them), and one of a project's own client. */
async function workspace(): Promise<Map<string, string>> {
  const files = (await new NodeFileSystem(FIXTURES).listFiles()).filter((f) => CodeIndex.isCode(f)).sort();
  const texts = new Map(files.map((f) => [f, readFileSync(join(FIXTURES, f), 'utf8')]));
  texts.set(
    'src/own/sync.ts',
    "import express from 'express';\nimport { acme } from './acme';\nconst app = express();\napp.post('/sync', async (req, res) => {\n  for (const id of req.body.ids) await acme.pushOne(id);\n  res.end();\n});\n",
  );
  return texts;
}

/** `.ops-lens.yaml`'s `calls:`: the project's own client, which only this catalogue knows. */
const catalogue = () => CallCatalogue.extendedWith({ calls: [{ languages: ['js'], root: 'acme', method: 'pushOne', kind: 'call', label: 'Acme push' }] });

async function ingest(index: CodeIndex, texts: Map<string, string>, read?: (file: string) => Promise<string>) {
  const failures: string[] = [];
  const ingested = await index.ingestAll([...texts.keys()], read ?? (async (f) => texts.get(f)!), (f, e) => failures.push(`${f}: ${e.message}`));
  return { ingested, failures, linked: index.link() };
}

describe('the analysis pool: a full pass on threads (AnalysisPool, CodeIndex.runOn)', function () {
  this.timeout(60_000);
  let pool: AnalysisPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('finds on two threads what the main thread finds, with the project catalogue the threads were given', async () => {
    const texts = await workspace();
    const main = new CodeIndex(grammars);
    main.setCatalogue(catalogue(), 'calls');
    const expected = await ingest(main, texts);
    assert.deepEqual(expected.failures, []);
    const own = expected.linked.find((a) => a.file === 'src/own/sync.ts')!.hazards.map((h) => `${h.code} ${h.callee} ${h.range.start.line}`);
    assert.deepEqual(own, ['call-in-loop acme.pushOne 4'], 'the project rule applies');

    pool = new AnalysisPool({ script: SCRIPT, size: 2, wasmDir: WASM, execArgv: TSX });
    const pooled = new CodeIndex(grammars);
    pooled.setCatalogue(catalogue(), 'calls');
    pooled.runOn(pool, 1);
    const got = await ingest(pooled, texts);
    assert.equal(pooled.poolFailure, undefined);
    assert.equal(pool.failure, undefined);
    assert.deepEqual(got.failures, []);
    assert.deepEqual(got.ingested, expected.ingested, 'the code files, in the order given');
    assert.ok(expected.linked.reduce((n, a) => n + a.routes.length, 0) > 50 && expected.linked.reduce((n, a) => n + a.hazards.length, 0) > 50);
    assert.deepEqual(got.linked, expected.linked);
  });

  it('runs a pass of fewer files than its threshold on the main thread, without starting a thread', async () => {
    pool = new AnalysisPool({ script: join(FIXTURES, 'no-such-worker.js'), size: 2, wasmDir: WASM });
    const index = new CodeIndex(grammars);
    index.runOn(pool, 1000);
    const got = await ingest(index, new Map([['src/a.ts', "import { pool } from './db';\nexport const list = () => pool.query('SELECT * FROM t');\n"]]));
    assert.deepEqual(got.ingested, ['src/a.ts']);
    assert.equal(pool.failure, undefined, 'no thread was started');
    assert.equal(index.poolFailure, undefined);
  });

  it('starts no thread for a pass that finds only a few files changed among many (a branch switch)', async () => {
    const texts = await workspace();
    const index = new CodeIndex(grammars);
    await ingest(index, texts);
    pool = new AnalysisPool({ script: join(FIXTURES, 'no-such-worker.js'), size: 2, wasmDir: WASM });
    index.runOn(pool, 20);
    const file = 'src/own/sync.ts';
    texts.set(file, texts.get(file)!.replace("app.post('/sync'", "app.put('/sync/all'"));
    const got = await ingest(index, texts);
    assert.equal(pool.failure, undefined, 'no thread was started');
    assert.equal(index.poolFailure, undefined);
    assert.deepEqual(got.linked.find((a) => a.file === file)!.routes.map((r) => `${r.method} ${r.path}`), ['PUT /sync/all']);
  });

  it('analyses the files on the main thread, and reports none as failed, when the threads cannot load their grammars', async () => {
    const texts = await workspace();
    const expected = await ingest(new CodeIndex(grammars), texts);
    pool = new AnalysisPool({ script: SCRIPT, size: 2, wasmDir: join(FIXTURES, 'no-such-wasm-folder'), execArgv: TSX });
    const index = new CodeIndex(grammars);
    index.runOn(pool, 1);
    const got = await ingest(index, texts);
    assert.deepEqual(got.failures, []);
    assert.deepEqual(got.ingested, expected.ingested);
    assert.deepEqual(got.linked, expected.linked);
    assert.match(index.poolFailure ?? '', /could not start: .*no-such-wasm-folder/);
    assert.equal(pool.failure, undefined, 'closed after the pass, so that the next one tries threads again');
    index.runOn(undefined);
    await ingest(index, texts);
    assert.equal(index.poolFailure, undefined, 'a later pass on the main thread does not say it again');
  });

  it('analyses the files on the main thread when the thread script cannot be started', async () => {
    const texts = new Map([...(await workspace())].slice(0, 60));
    const expected = await ingest(new CodeIndex(grammars), texts);
    pool = new AnalysisPool({ script: join(FIXTURES, 'no-such-worker.js'), size: 2, wasmDir: WASM, execArgv: [] });
    const index = new CodeIndex(grammars);
    index.runOn(pool, 1);
    const got = await ingest(index, texts);
    assert.deepEqual(got.failures, []);
    assert.deepEqual(got.linked, expected.linked);
    assert.match(index.poolFailure ?? '', /no-such-worker\.js/);
  });

  it('keeps the analysis of an edit typed while the pass runs, not the older text the thread read', async () => {
    const all = await workspace();
    const file = 'src/own/sync.ts';
    // The edited file first: its chunk has gone to a thread long before the last file is read.
    const texts = new Map([[file, all.get(file)!], ...[...all].slice(0, 60)]);
    const edited = texts.get(file)!.replace("app.post('/sync'", "app.put('/sync/all'");
    pool = new AnalysisPool({ script: SCRIPT, size: 2, wasmDir: WASM, execArgv: TSX });
    const index = new CodeIndex(grammars);
    index.runOn(pool, 1);
    const last = [...texts.keys()].at(-1);
    const got = await ingest(index, texts, async (f) => {
      // The editor analyses the edited document as soon as it changes, whatever a full pass is doing: here once the
      // file's chunk has gone to a thread, with the text read before the edit.
      if (f === last) await index.analyzeEdit(file, edited);
      return texts.get(f)!;
    });
    assert.ok(got.ingested.includes(file));
    assert.equal(index.textOf(file), edited);
    assert.deepEqual(
      got.linked.find((a) => a.file === file)!.routes.map((r) => `${r.method} ${r.path}`),
      ['PUT /sync/all'],
    );
  });

  it('keeps the analysis of a pass that started later and finished first, with the rules saved meanwhile', async () => {
    const texts = new Map([...(await workspace())]);
    const file = 'src/own/sync.ts';
    const files = [file, ...[...texts.keys()].filter((f) => f !== file)];
    const ordered = new Map(files.map((f) => [f, texts.get(f)!]));
    pool = new AnalysisPool({ script: SCRIPT, size: 2, wasmDir: WASM, execArgv: TSX });
    const index = new CodeIndex(grammars);
    index.runOn(pool, 1);
    const last = files.at(-1);
    let later: Awaited<ReturnType<typeof ingest>> | undefined;
    // The first pass has sent its chunks to the threads, with no project rules, when .ops-lens.yaml is saved with
    // one and the file edited: the editor starts a second pass, which ends before the first.
    const first = await ingest(index, ordered, async (f) => {
      if (f === last && !later) {
        index.setCatalogue(catalogue(), 'calls');
        const edited = new Map(ordered);
        edited.set(file, ordered.get(file)!.replace("app.post('/sync'", "app.put('/sync/all'"));
        later = await ingest(index, edited);
      }
      return ordered.get(f)!;
    });
    assert.ok(later);
    assert.deepEqual(first.failures, []);
    const own = index.link().find((a) => a.file === file)!;
    assert.deepEqual(own.routes.map((r) => `${r.method} ${r.path}`), ['PUT /sync/all'], 'the later text');
    assert.deepEqual(own.hazards.map((h) => `${h.code} ${h.callee}`), ['call-in-loop acme.pushOne'], 'the rules saved');
    // Every file as a fresh index with those rules and texts finds it.
    const fresh = new CodeIndex(grammars);
    fresh.setCatalogue(catalogue(), 'calls');
    const expected = new Map(ordered);
    expected.set(file, index.textOf(file)!);
    assert.deepEqual(index.link([...expected.keys()]), (await ingest(fresh, expected)).linked);
  });

  it('starts no thread once let go, while a pass is under way: the pass finishes on its own thread', async () => {
    // The fixtures three times over, under three folders: enough chunks that some are sent after the dispose.
    const one = [...(await workspace())];
    const texts = new Map(['a', 'b', 'c'].flatMap((copy) => one.map(([f, t]) => [`${copy}/${f}`, t] as [string, string])));
    const expected = await ingest(new CodeIndex(grammars), texts);
    pool = new AnalysisPool({ script: SCRIPT, size: 2, wasmDir: WASM, execArgv: TSX });
    const index = new CodeIndex(grammars);
    index.runOn(pool, 1);
    const half = [...texts.keys()][Math.floor(texts.size / 2)];
    const started: number[] = [];
    const got = await ingest(index, texts, async (f) => {
      if (f === half) pool!.dispose();
      started.push((pool as unknown as { slots: unknown[] }).slots.length);
      return texts.get(f)!;
    });
    assert.deepEqual(got.failures, []);
    assert.deepEqual(got.linked, expected.linked);
    const at = [...texts.keys()].indexOf(half);
    assert.ok(started.slice(0, at).some((n) => n > 0), 'threads worked before');
    assert.deepEqual(started.slice(at), started.slice(at).map(() => 0), 'no thread after dispose');
    assert.match(index.poolFailure ?? '', /let go|stopped/);
  });

  it('leaves one processor to the editor when the user has not chosen, with at least one thread and at most four', () => {
    assert.deepEqual([1, 2, 3, 4, 8, 64].map((n) => automaticThreads(n)), [1, 1, 2, 3, 4, 4]);
  });

  it('lets its threads go when idle, and starts them again for the next chunk', async () => {
    pool = new AnalysisPool({ script: SCRIPT, size: 1, wasmDir: WASM, execArgv: TSX, idleMs: 1 });
    const job = { file: 'a.py', text: 'import requests\ndef f(ids):\n    for i in ids:\n        requests.get(i, timeout=1)\n', language: 'python' as const };
    const data = new CallCatalogue().data;
    const first = await pool.submit([job], data);
    const exited = new Promise<void>((resolve) => {
      const slots = (pool as unknown as { slots: { worker: import('node:worker_threads').Worker }[] }).slots;
      slots[0].worker.once('exit', () => resolve());
    });
    await exited;
    const second = await pool.submit([job], data);
    // The same analysis from the new thread (its timings aside), and one with the hazard in it.
    const raw = (results: typeof first) => results.map((r) => ('raw' in r ? r.raw : r));
    assert.deepEqual(raw(second), raw(first));
    assert.ok('raw' in first[0] && first[0].raw.hazards.length === 1, JSON.stringify(first[0]));
    assert.equal(pool.failure, undefined);
  });
});

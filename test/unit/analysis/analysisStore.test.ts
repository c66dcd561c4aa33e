import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { AnalysisPool } from '../../../src/core/analysis/analysisPool';
import { AnalysisStore } from '../../../src/core/analysis/analysisStore';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { CallCatalogue } from '../../../src/core/code/hazards/callCatalogue';
import { Grammars, languageOfFile } from '../../../src/core/code/treeSitter';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { FIXTURES, WASM } from '../code/fixtureWorkspace';

/** Every code file under test/fixtures: the four languages, specs, mappers and protos. */
async function workspace(): Promise<Map<string, string>> {
  const files = (await new NodeFileSystem(FIXTURES).listFiles()).filter((f) => CodeIndex.isCode(f)).sort();
  return new Map(files.map((f) => [f, readFileSync(join(FIXTURES, f), 'utf8')]));
}

/** An index whose grammars count the files they parse. */
function countingIndex(store?: AnalysisStore): { index: CodeIndex; parsed: string[] } {
  const grammars = new Grammars(WASM);
  const parse = grammars.parse.bind(grammars);
  const parsed: string[] = [];
  grammars.parse = (language, text, previous) => {
    parsed.push(language);
    return parse(language, text, previous);
  };
  const index = new CodeIndex(grammars);
  index.keepOn(store);
  return { index, parsed };
}

/** A full pass as `analyzeCode` makes it: every file ingested, the store written, the join. */
async function pass(index: CodeIndex, texts: Map<string, string>) {
  const failures: string[] = [];
  const ingested = await index.ingestAll([...texts.keys()], async (f) => texts.get(f)!, (f, e) => failures.push(`${f}: ${e.message}`));
  assert.deepEqual(failures, []);
  index.endPass(ingested.length);
  await index.keepOnDisk();
  return index.link(ingested);
}

const sources = (texts: Map<string, string>) => [...texts.keys()].filter((f) => languageOfFile(f) !== undefined);

describe('analyses kept on disk between runs (AnalysisStore, CodeIndex.keepOn)', function () {
  this.timeout(60_000);
  let dir: string;
  let path: string;
  let texts: Map<string, string>;
  let fresh: ReturnType<CodeIndex['link']>;
  before(async () => {
    texts = await workspace();
    fresh = await pass(new CodeIndex(new Grammars(WASM)), texts);
    assert.ok(fresh.reduce((n, a) => n + a.routes.length, 0) > 50 && fresh.reduce((n, a) => n + a.hazards.length, 0) > 50);
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ops-lens-store-'));
    path = join(dir, 'deeper', 'analyses.bin');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a second run what a fresh parse gives, with no file parsed', async () => {
    const first = countingIndex(new AnalysisStore(path, 'engine-1'));
    assert.deepEqual(await pass(first.index, texts), fresh);
    assert.equal(first.parsed.length, sources(texts).length, 'the first run parses every source file');
    assert.deepEqual(first.index.lastStore, { reused: 0, analysed: fresh.length });

    const second = countingIndex(new AnalysisStore(path, 'engine-1'));
    assert.deepEqual(await pass(second.index, texts), fresh);
    assert.deepEqual(second.parsed, []);
    assert.deepEqual(second.index.lastStore, { reused: sources(texts).length, analysed: fresh.length });
  });

  it('parses only the file whose text changed, and forgets files that are gone', async () => {
    await pass(countingIndex(new AnalysisStore(path, 'engine-1')).index, texts);
    const changed = new Map(texts);
    const file = 'src/own/sync.ts';
    changed.set(file, "import express from 'express';\nimport { pool } from './db';\nconst app = express();\napp.post('/sync', async (req, res) => {\n  for (const id of req.body.ids) await pool.query('SELECT 1 WHERE id = $1', [id]);\n  res.end();\n});\n");
    const edited = sources(texts).find((f) => f.endsWith('.ts'))!;
    changed.set(edited, texts.get(edited) + '\n// edited\n');
    const gone = sources(texts).find((f) => f.endsWith('.py'))!;
    changed.delete(gone);

    const second = countingIndex(new AnalysisStore(path, 'engine-1'));
    const linked = await pass(second.index, changed);
    assert.deepEqual(second.parsed, ['typescript', 'typescript'], 'the file added and the file edited');
    assert.deepEqual(
      linked.find((a) => a.file === file)!.hazards.map((h) => `${h.code} ${h.range.start.line}`),
      ['query-in-loop 4'],
      'the new text is what is analysed',
    );
    assert.deepEqual(linked, await pass(new CodeIndex(new Grammars(WASM)), changed));

    const third = countingIndex(new AnalysisStore(path, 'engine-1'));
    await pass(third.index, texts);
    assert.deepEqual(third.parsed.sort(), ['python', 'typescript'], 'the file gone (not kept), the file edited back (kept as edited)');
  });

  it('takes nothing written by another engine or under other rules, and answers as those rules say', async () => {
    await pass(countingIndex(new AnalysisStore(path, 'engine-1')).index, texts);
    const other = countingIndex(new AnalysisStore(path, 'engine-2'));
    assert.deepEqual(await pass(other.index, texts), fresh);
    assert.equal(other.parsed.length, sources(texts).length);
    assert.deepEqual(other.index.lastStore, { reused: 0, analysed: fresh.length }, 'not a damaged file: only an old one');

    // `.ops-lens.yaml` adds a client: the stored analyses of the same texts were made without it.
    const own = new Map(texts).set('src/own/sync.ts', "import express from 'express';\nimport { acme } from './acme';\nconst app = express();\napp.post('/sync', async (req, res) => {\n  for (const id of req.body.ids) await acme.pushOne(id);\n  res.end();\n});\n");
    await pass(countingIndex(new AnalysisStore(path, 'engine-2')).index, own);
    const ruled = countingIndex(new AnalysisStore(path, 'engine-2'));
    ruled.index.setCatalogue(CallCatalogue.extendedWith({ calls: [{ languages: ['js'], root: 'acme', method: 'pushOne', kind: 'call', label: 'Acme push' }] }), 'calls');
    const linked = await pass(ruled.index, own);
    assert.equal(ruled.parsed.length, sources(own).length);
    assert.deepEqual(linked.find((a) => a.file === 'src/own/sync.ts')!.hazards.map((h) => `${h.code} ${h.callee}`), ['call-in-loop acme.pushOne']);
  });

  it('says a damaged file could not be used, analyses as if there were none, and replaces it', async () => {
    await pass(countingIndex(new AnalysisStore(path, 'engine-1')).index, texts);
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
    const damaged = countingIndex(new AnalysisStore(path, 'engine-1'));
    assert.deepEqual(await pass(damaged.index, texts), fresh);
    assert.equal(damaged.parsed.length, sources(texts).length);
    assert.match(damaged.index.lastStore?.unusable ?? '', /analyses\.bin is damaged/);

    const after = countingIndex(new AnalysisStore(path, 'engine-1'));
    await pass(after.index, texts);
    assert.deepEqual(after.parsed, [], 'the next run finds the file written anew');
    assert.equal(after.index.lastStore?.unusable, undefined);
  });

  it('takes no entry that is not a file\'s analysis, from a file whose header is right (written by hand, or in part)', async () => {
    await pass(countingIndex(new AnalysisStore(path, 'engine-1')).index, texts);
    const stored = deserialize(readFileSync(path)) as { entries: [string, string, Uint8Array][] };
    const [file, digest, bytes] = stored.entries[0];
    const raw = deserialize(bytes) as { routes?: unknown };
    delete raw.routes;
    stored.entries[0] = [file, digest, serialize(raw)];
    writeFileSync(path, serialize(stored));
    const oneBad = countingIndex(new AnalysisStore(path, 'engine-1'));
    assert.deepEqual(await pass(oneBad.index, texts), fresh);
    assert.equal(oneBad.parsed.length, 1, 'that file is parsed again, the others taken');
    assert.equal(oneBad.index.lastStore?.unusable, undefined);

    writeFileSync(path, serialize({ ...stored, entries: [5] }));
    const listBad = countingIndex(new AnalysisStore(path, 'engine-1'));
    assert.deepEqual(await pass(listBad.index, texts), fresh);
    assert.match(listBad.index.lastStore?.unusable ?? '', /is damaged \(an entry is not a file's analysis\)/);
  });

  it('writes nothing when the store already holds exactly these analyses', async () => {
    const { index } = countingIndex(new AnalysisStore(path, 'engine-1'));
    await pass(index, texts);
    const written = statSync(path).mtimeMs;
    assert.equal(await index.persist(), false);
    const again = countingIndex(new AnalysisStore(path, 'engine-1'));
    await pass(again.index, texts);
    assert.equal(await again.index.persist(), false);
    assert.equal(statSync(path).mtimeMs, written);
    await again.index.analyzeEdit('src/own/sync.ts', 'export const typed = 1;\n');
    assert.equal(await again.index.persist(), false, "an open document's analysis is not kept");
    assert.equal(statSync(path).mtimeMs, written);
    await again.index.ingest('src/own/new.ts', 'export const written = 1;\n');
    assert.equal(await again.index.persist(), true, "a new file's analysis is");
  });

  it('drops a write under way when let go (kept analyses turned off), leaving nothing behind', async () => {
    const store = new AnalysisStore(path, 'engine-1');
    const { index } = countingIndex(store);
    await pass(index, texts);
    rmSync(path);
    const writing = store.save([{ file: 'src/a.ts', text: 'export {};\n', raw: fresh[0] }]);
    store.close();
    assert.equal(await writing, false);
    assert.deepEqual(readdirSync(join(dir, 'deeper')), [], 'no file, and no temporary one');
    assert.equal(await store.save([{ file: 'src/a.ts', text: 'export {};\n', raw: fresh[0] }]), false, 'and nothing after');
  });

  it("keeps no analysis an edit made from the previous version's statements: a full pass analyses that text afresh", async () => {
    const store = countingIndex(new AnalysisStore(path, 'engine-1'));
    await pass(store.index, texts);
    const file = sources(texts).find((f) => f.endsWith('.ts'))!;
    const edited = new Map(texts).set(file, texts.get(file)!.replace(/\n/, '\n\n// a line above everything else\n'));
    await store.index.analyzeEdit(file, texts.get(file)!);
    await store.index.analyzeEdit(file, edited.get(file)!);
    assert.equal(store.index.lastTiming?.incremental, true);
    assert.equal(await store.index.persist(), true);
    const after = countingIndex(new AnalysisStore(path, 'engine-1'));
    await pass(after.index, edited);
    assert.deepEqual(after.parsed, ['typescript'], 'the edited file was not kept');

    store.parsed.length = 0;
    assert.deepEqual(await pass(store.index, edited), await pass(new CodeIndex(new Grammars(WASM)), edited));
    assert.deepEqual(store.parsed, ['typescript'], 'the full pass analysed the edited text afresh');
    const third = countingIndex(new AnalysisStore(path, 'engine-1'));
    await pass(third.index, edited);
    assert.deepEqual(third.parsed, [], 'and kept that');
  });

  it('deletes what a write stopped midway left beside the file, once it is old, not a write under way', async () => {
    const { index } = countingIndex(new AnalysisStore(path, 'engine-1'));
    await pass(index, texts);
    const old = `${path}.4242.1.tmp`;
    const recent = `${path}.4243.1.tmp`;
    writeFileSync(old, 'half');
    writeFileSync(recent, 'half');
    utimesSync(old, new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000));
    await index.ingest('src/own.ts', 'export const x = 1;\n');
    assert.equal(await index.persist(), true);
    assert.deepEqual(readdirSync(join(dir, 'deeper')).sort(), ['analyses.bin', 'analyses.bin.4243.1.tmp']);
  });

  it('reports a store it cannot write, and the pass stands', async () => {
    writeFileSync(join(dir, 'deeper'), 'a file where the folder would be');
    const { index } = countingIndex(new AnalysisStore(path, 'engine-1'));
    assert.deepEqual(await pass(index, texts), fresh);
    assert.match(index.lastStore?.saveError ?? '', /ENOTDIR|EEXIST/);
  });

  it('reports a folder that cannot be made (in /proc) at once, where Node 20 made it forever', async function () {
    if (process.platform !== 'linux') this.skip();
    const { index } = countingIndex(new AnalysisStore('/proc/ops-lens-analyses/deeper/analyses.bin', 'engine-1'));
    assert.deepEqual(await pass(index, texts), fresh);
    assert.match(index.lastStore?.saveError ?? '', /ENOENT.*mkdir '\/proc\/ops-lens-analyses'/);
  });

  it('starts no analysis thread when every file comes from the store', async () => {
    await pass(countingIndex(new AnalysisStore(path, 'engine-1')).index, texts);
    const pool = new AnalysisPool({ script: join(FIXTURES, 'no-such-worker.js'), size: 2, wasmDir: WASM });
    try {
      const { index, parsed } = countingIndex(new AnalysisStore(path, 'engine-1'));
      index.runOn(pool, 1);
      assert.deepEqual(await pass(index, texts), fresh);
      assert.deepEqual(parsed, []);
      assert.equal(pool.failure, undefined, 'no thread was started');
    } finally {
      await pool.close();
    }
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { CallCatalogue, type CatalogueLookup, type LanguageFamily } from '../../../src/core/code/hazards/callCatalogue';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';
import { FIXTURES, grammars } from './fixtureWorkspace';

/** Every code file under test/fixtures: many more than a batch, in every language, with specs and protos among them. */
async function allFixtureCode(): Promise<Map<string, string>> {
  const files = (await new NodeFileSystem(FIXTURES).listFiles()).filter((f) => CodeIndex.isCode(f)).sort();
  return new Map(files.map((f) => [f, readFileSync(join(FIXTURES, f), 'utf8')]));
}

/** A catalogue that fails on one call name, as a bug in a rule would. */
class FailingCatalogue extends CallCatalogue {
  override lookup(chain: string[], family: LanguageFamily): CatalogueLookup {
    if (chain.at(-1) === 'explodeHere') throw new Error('rule failed');
    return super.lookup(chain, family);
  }
}

describe('a full pass analyses files in batches (CodeIndex.ingestAll)', () => {
  it('finds what analysing each file on its own finds, across many batches', async () => {
    const texts = await allFixtureCode();
    assert.ok(texts.size > 40, `${texts.size} files: more than two batches`);
    const one = new CodeIndex(grammars);
    const code: string[] = [];
    for (const [f, t] of texts) if (await one.ingest(f, t)) code.push(f);
    const batched = new CodeIndex(grammars);
    const failures: string[] = [];
    const ingested = await batched.ingestAll([...texts.keys()], async (f) => texts.get(f)!, (f, e) => failures.push(`${f}: ${e.message}`));
    assert.deepEqual(failures, []);
    assert.deepEqual(ingested, code, "the code files, in the order given");
    const expected = one.link();
    assert.ok(expected.reduce((n, a) => n + a.routes.length, 0) > 50 && expected.reduce((n, a) => n + a.hazards.length, 0) > 50);
    assert.deepEqual(batched.link(), expected);
  });

  it('reports a file it cannot read or analyse, and analyses the others of the same batch and those after', async () => {
    const files = Array.from({ length: 40 }, (_, i) => `src/m${i}.ts`);
    const text = (i: number) =>
      `import { pool } from './db';\nexport async function list${i}(ids: string[]) {\n  for (const id of ids) await pool.query('SELECT * FROM t WHERE id = $1', [id]);\n}\n` +
      (i === 5 ? 'explodeHere();\n' : '');
    const index = new CodeIndex(grammars, new FailingCatalogue());
    const failures: string[] = [];
    const ingested = await index.ingestAll(
      files,
      async (f) => {
        if (f === 'src/m20.ts') throw new Error('EACCES: permission denied');
        return text(Number(/\d+/.exec(f)![0]));
      },
      (f, e) => failures.push(`${f}: ${e.message}`),
    );
    assert.deepEqual(failures, ['src/m5.ts: rule failed', 'src/m20.ts: EACCES: permission denied']);
    assert.deepEqual(ingested, files.filter((f) => f !== 'src/m5.ts' && f !== 'src/m20.ts'));
    const hazards = index.link().flatMap((a) => a.hazards.map((h) => `${h.code} ${h.file}:${h.range.start.line + 1}`));
    assert.equal(hazards.filter((h) => h.startsWith('query-in-loop')).length, 38, hazards.join('\n'));
    assert.ok(hazards.includes('query-in-loop src/m39.ts:3'), 'the last batch was analysed');
  });
});

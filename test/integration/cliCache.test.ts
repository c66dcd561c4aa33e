// The bundled `ops-lens` (dist/cli.js) with OPS_LENS_ANALYSIS_CACHE, run as a CI job with a restored cache runs it: the second
// run takes every unchanged file's analysis from the cache, and answers exactly as a run without it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateService } from '../../scripts/bench/code';

const repo = join(__dirname, '../..');
const CLI = join(repo, 'dist/cli.js');

/** The environment without a cache the person running the tests may have set. */
const { OPS_LENS_ANALYSIS_CACHE: _ignored, ...outside } = process.env;

function run(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...outside, ...env }, maxBuffer: 64 << 20 }, (error, out, err) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out, err });
    });
  });
}

describe('ops-lens with OPS_LENS_ANALYSIS_CACHE (the bundled CLI)', function () {
  this.timeout(120_000);
  let dir: string;
  let cache: string;
  const check = () => ['check', dir, '--format', 'json', '--fail-on', 'never'];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ops-lens-cache-ws-'));
    cache = mkdtempSync(join(tmpdir(), 'ops-lens-cache-'));
    for (const [file, text] of generateService(40)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  api:\n    build: .\n    environment:\n      PORT: "3000"\n');
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  it('takes every unchanged file from the cache on the next run, parses an edited one, and answers as without it', async () => {
    const without = await run(check(), {});
    assert.equal(without.code, 0, without.err);
    assert.ok((JSON.parse(without.out) as { warnings: { code: string }[] }).warnings.some((w) => w.code === 'query-in-loop'));

    const first = await run(check(), { OPS_LENS_ANALYSIS_CACHE: cache });
    assert.equal(first.out, without.out);
    assert.equal(first.err, 'ops-lens: 0 of 41 source files taken unchanged from OPS_LENS_ANALYSIS_CACHE\n');
    assert.equal(readdirSync(cache).filter((f) => f.endsWith('.bin')).length, 1, 'one file for the workspace');

    const second = await run(check(), { OPS_LENS_ANALYSIS_CACHE: cache });
    assert.equal(second.out, without.out);
    assert.equal(second.err, 'ops-lens: 41 of 41 source files taken unchanged from OPS_LENS_ANALYSIS_CACHE\n');

    // A new loop of queries in one repository: parsed again, and its warning is there.
    appendFileSync(join(dir, 'src/repos/repo0.ts'), "\nexport async function purge(ids: string[]) {\n  for (const id of ids) await pool.query('DELETE FROM t0 WHERE id = $1', [id]);\n}\n");
    const edited = await run(check(), { OPS_LENS_ANALYSIS_CACHE: cache });
    assert.equal(edited.err, 'ops-lens: 40 of 41 source files taken unchanged from OPS_LENS_ANALYSIS_CACHE\n');
    assert.equal(edited.out, (await run(check(), {})).out);
    assert.notEqual(edited.out, without.out);
  });

  it('says when the cache cannot be written, and still answers', async () => {
    const file = join(cache, 'not-a-folder');
    writeFileSync(file, '');
    const got = await run(['services', dir, '--format', 'json'], { OPS_LENS_ANALYSIS_CACHE: file });
    assert.equal(got.code, 0, got.err);
    assert.match(got.err, /^ops-lens: OPS_LENS_ANALYSIS_CACHE not written: .*(ENOTDIR|EEXIST)/m);
    const services = (JSON.parse(got.out) as { services: { routes: unknown[] }[] }).services;
    assert.equal(services.reduce((n, s) => n + s.routes.length, 0), 40, 'four routes in each of the 10 routers');
  });
});

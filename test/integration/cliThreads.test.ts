// The bundled `ops-lens` (dist/cli.js) on a workspace large enough for its analysis threads (dist/analysisWorker.js),
// run as a CI job runs it: the same output as on the main thread alone.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateService } from '../../scripts/bench/code';

const repo = join(__dirname, '../..');
const CLI = join(repo, 'dist/cli.js');

function run(args: string[], threads: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, OPS_LENS_THREADS: threads }, maxBuffer: 64 << 20 }, (error, out, err) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out, err });
    });
  });
}

describe('ops-lens on analysis threads (the bundled CLI)', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    assert.ok(existsSync(join(repo, 'dist/analysisWorker.js')), 'the build made the thread script beside the CLI');
    dir = mkdtempSync(join(tmpdir(), 'ops-lens-threads-'));
    // 400 code files: above the 256 from which a pass runs on threads.
    for (const [file, text] of generateService(400)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  api:\n    build: .\n    environment:\n      PORT: "3000"\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds on two threads the routes and warnings it finds on the main thread, and says nothing on stderr', async () => {
    for (const command of [['services', dir, '--format', 'json'], ['check', dir, '--format', 'json', '--fail-on', 'never']]) {
      const alone = await run(command, '0');
      const threaded = await run(command, '2');
      assert.equal(alone.code, 0, alone.err);
      assert.equal(threaded.code, 0, threaded.err);
      assert.equal(threaded.err, '', 'no fallback to the main thread');
      assert.equal(threaded.out, alone.out);
    }
    const services = JSON.parse((await run(['services', dir, '--format', 'json'], '2')).out) as { services: { routes: unknown[] }[] };
    assert.equal(services.services.reduce((n, s) => n + s.routes.length, 0), 400, 'four routes in each of the 100 routers');
    const warnings = JSON.parse((await run(['check', dir, '--format', 'json', '--fail-on', 'never'], '2')).out) as { warnings: { code: string }[] };
    assert.ok(warnings.warnings.some((w) => w.code === 'query-in-loop'), JSON.stringify(warnings.warnings.slice(0, 3)));
  });

  it('refuses a thread count that is not a number, with one line on stderr', async () => {
    const { code, out, err } = await run(['services', dir], 'many');
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.equal(err.trim(), "ops-lens: OPS_LENS_THREADS must be a whole number of threads (0: analyse on the main thread), not 'many'");
  });
});

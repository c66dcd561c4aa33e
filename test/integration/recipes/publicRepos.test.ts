import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../../src/cli/main';

/**
 * `ops-lens services` on two public repositories, checked out from local bare mirrors into a temporary folder
 * (never into the project). The mirrors may lack their largest blobs (images): those files are skipped.
 */
const MIRRORS = '/work/.mirror';

interface ServiceJson {
  name: string;
  codeRoots: string[];
  recipes: { file: string; line: number; kind: string }[];
  link: { reason: string; confidence: string } | null;
  unlinkedReason: string | null;
  environments: { name: string; source: string }[];
}

function checkout(mirror: string): string {
  const out = mkdtempSync(join(tmpdir(), 'ops-lens-public-repo-'));
  const tree = execFileSync('git', ['--git-dir', mirror, 'ls-tree', '-r', '-z', 'HEAD'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const entries = tree.split('\0').filter(Boolean).map((line) => {
    const [meta, path] = line.split('\t');
    const [mode, type, sha] = meta.split(' ');
    return { mode, type, sha, path };
  });
  const blobs = entries.filter((e) => e.type === 'blob' && e.mode !== '120000');
  // One `git cat-file --batch` for every blob: "<sha> blob <size>\n<content>\n", or "<sha> missing".
  const batch = spawnSync('git', ['--git-dir', mirror, 'cat-file', '--batch'], { input: blobs.map((b) => b.sha).join('\n') + '\n', maxBuffer: 1024 * 2 ** 20 });
  const data = batch.stdout;
  let at = 0;
  for (const b of blobs) {
    const nl = data.indexOf(10, at);
    const header = data.subarray(at, nl).toString();
    at = nl + 1;
    if (header.endsWith(' missing')) continue;
    const size = Number(header.split(' ')[2]);
    const file = join(out, b.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data.subarray(at, at + size));
    at += size + 1;
  }
  return out;
}

async function services(dir: string): Promise<{ services: ServiceJson[]; err: string; code: number }> {
  let out = '';
  let err = '';
  const code = await runCli(['services', dir, '--format', 'json'], { out: (t) => (out += t), err: (t) => (err += t), env: {}, cwd: dir });
  return { ...(JSON.parse(out) as { services: ServiceJson[] }), err, code };
}

for (const repo of [
  {
    name: 'GoogleCloudPlatform/microservices-demo',
    mirror: join(MIRRORS, 'GoogleCloudPlatform+microservices-demo/repo'),
    // Third-party images: nothing in the repository builds them.
    unlinked: ['opentelemetrycollector', 'redis-cart'],
    sample: { service: 'cartservice', root: 'src/cartservice/src', reason: /^Skaffold builds image cartservice from src\/cartservice\/src/ },
  },
  {
    name: 'open-telemetry/opentelemetry-demo',
    mirror: join(MIRRORS, 'open-telemetry+opentelemetry-demo/repo'),
    // (frontendTests, defined only in compose.tests.yaml, runs the Cypress suite: a Compose file for a test run links no code.)
    unlinked: ['astronomy-db', 'firepit', 'flagd', 'frontendTests', 'grafana', 'jaeger', 'otel-collector', 'otel-ebpf-profiler', 'prometheus', 'valkey-cart'],
    sample: { service: 'ad', root: 'src/ad', reason: /^Compose service "ad" builds with src\/ad\/Dockerfile \(build\.dockerfile in compose\.yaml:\d+\)$/ },
  },
]) {
  describe(`ops-lens services on ${repo.name} (a temporary checkout)`, function () {
    let dir: string;
    let result: Awaited<ReturnType<typeof services>>;
    before(async function () {
      if (!existsSync(repo.mirror)) {
        console.log(`    (skipped: no mirror of ${repo.name} at ${repo.mirror})`);
        this.skip();
      }
      dir = checkout(repo.mirror);
      result = await services(dir);
    });
    after(() => dir && rmSync(dir, { recursive: true, force: true }));

    it('reads every recipe without a problem', () => {
      assert.equal(result.code, 0);
      assert.equal(result.err, '');
    });

    it('links every service whose code is in the repository to its source folder, each with a reason; the rest run third-party images', () => {
      const linked = result.services.filter((s) => s.codeRoots.length > 0);
      const unlinked = result.services.filter((s) => s.codeRoots.length === 0);
      console.log(`      ${result.services.length} services, ${result.services.filter((s) => s.recipes.length).length} with recipes, ${linked.length} linked to a source folder; not linked: ${unlinked.map((s) => s.name).join(', ')}`);
      assert.deepEqual(unlinked.map((s) => s.name), repo.unlinked);
      for (const s of unlinked) assert.match(s.unlinkedReason ?? '', /^runs \S+, which nothing in this folder builds|^defined only in \S+, a Compose file for a test run/, s.name);
      for (const s of linked) {
        assert.ok(s.link && s.link.reason.length > 0, s.name);
        for (const root of s.codeRoots) assert.ok(existsSync(join(dir, root)), `${s.name}: ${root} does not exist`);
      }
      const sample = result.services.find((s) => s.name === repo.sample.service)!;
      assert.deepEqual(sample.codeRoots, [repo.sample.root]);
      assert.match(sample.link!.reason, repo.sample.reason);
    });
  });
}

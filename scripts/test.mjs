#!/usr/bin/env node
// `npm test` = node scripts/test.mjs [layer...]
// Runs the test layers in order, each in its own process:
//   unit         the type check (tsc --noEmit), then plain mocha over test/unit (no VS Code)
//   integration  plain mocha over test/integration (real Prometheus etc., long timeouts)
//   host         bundle, then the extension-host suite inside real VS Code (code-server)
//   ui           package the .vsix, then Playwright drives code-server like a person
// Each layer writes { passed, failed, pending } to .test-results/<layer>.json (via
// test/support/resultsReporter.cjs); the totals end in one line `N passed, N failed`.
// Exit 1 if anything failed or a layer crashed (a crash counts as a failure).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, '.test-results');
const node = process.execPath;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** mocha with TypeScript via tsx and the results reporter; the glob is expanded by mocha itself. */
function mocha(glob, extra = []) {
  return [
    node,
    [
      join(root, 'node_modules/mocha/bin/mocha.js'),
      '--import=tsx',
      '--reporter', join(root, 'test/support/resultsReporter.cjs'),
      ...(process.stdout.isTTY ? ['--color'] : []),
      ...extra,
      glob,
    ],
  ];
}

// `build` steps prepare (a failure is a crash); the last step is the tests.
// timeoutMs bounds the whole layer so a hung host can't hang CI.
const layers = {
  // The type check first: tsx runs the tests without checking types, so a type error would otherwise pass.
  unit: { testDir: 'test/unit', build: [[node, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.']]], test: mocha('test/unit/**/*.test.ts', ['--timeout', '20000']), timeoutMs: 5 * 60_000 },
  integration: {
    testDir: 'test/integration',
    hosts: true, // a real Prometheus from Debian's package
    // The bundled CLI and its analysis threads (cliThreads.test.ts runs them as a CI job would).
    build: [[node, ['esbuild.config.mjs']]],
    test: mocha('test/integration/**/*.test.ts', ['--timeout', '120000']),
    timeoutMs: 15 * 60_000,
  },
  host: {
    testDir: 'test/host',
    hosts: true,
    build: [[node, ['esbuild.config.mjs']]],
    test: [node, ['--import', 'tsx', 'test/host/runHost.ts']],
    timeoutMs: 10 * 60_000,
  },
  ui: {
    testDir: 'test/ui',
    hosts: true,
    build: [[npm, ['run', '--silent', 'package']]],
    test: mocha('test/ui/**/*.test.ts', ['--timeout', '300000']),
    timeoutMs: 15 * 60_000,
  },
};

const say = (msg) => console.log(`[test] ${msg}`);

/** Runs a child with output passed through; resolves with its exit status and the tail of its output. */
let current; // the running child, so a signal to us can be forwarded to it
function exec([file, args], { env = process.env, timeoutMs } = {}) {
  return new Promise((done) => {
    const child = spawn(file, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    current = child;
    let tail = '';
    const keep = (stream) => (d) => {
      stream.write(d);
      tail = (tail + d).slice(-20_000);
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      // Children clean up on SIGTERM (code-server, Prometheus); force it if they don't.
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }, timeoutMs ?? 30 * 60_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      done({ code: null, reason: `could not start ${file}: ${err.message}`, tail });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      const reason = timedOut ? `timed out after ${timeoutMs / 1000}s` : signal ? `killed by ${signal}` : `exit code ${code}`;
      done({ code: timedOut ? null : code, reason, tail });
    });
  });
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    // Let the current layer stop its servers, then go.
    if (current) current.once('close', () => process.exit(130)).kill(sig);
    else process.exit(130);
  });
}

function hasTests(dir) {
  const abs = join(root, dir);
  return existsSync(abs) && readdirSync(abs, { recursive: true }).some((f) => String(f).endsWith('.test.ts'));
}

/** Why a step failed, from its output: the error lines if any stand out, else the last lines. */
function lastLines(text) {
  const lines = text.trimEnd().split('\n');
  const errors = lines.filter((l) => /✘|\b\w*Error\b|\berror:|\bERR_/.test(l));
  return (errors.length ? errors.slice(-12) : lines.slice(-15)).join('\n');
}

/** Returns { passed, failed, pending, crash? } for one layer. */
async function runLayer(name, layer) {
  if (!hasTests(layer.testDir)) {
    say(`${name}: no *.test.ts files under ${layer.testDir}; nothing to run`);
    return { passed: 0, failed: 0, pending: 0, empty: true };
  }
  const resultsFile = join(resultsDir, `${name}.json`);
  rmSync(resultsFile, { force: true });
  const env = { ...process.env, OPS_LENS_RESULTS_FILE: resultsFile };
  const crashed = (crash) => ({ passed: 0, failed: 0, pending: 0, ...readResults(resultsFile), crash });

  for (const step of layer.build) {
    say(`${name}: ${[step[0] === node ? 'node' : step[0], ...step[1]].join(' ')}`);
    const r = await exec(step, { env, timeoutMs: layer.timeoutMs });
    if (r.code !== 0) return crashed(`build step failed (${r.reason}):\n${lastLines(r.tail)}`);
  }
  say(`${name}: running tests`);
  const r = await exec(layer.test, { env, timeoutMs: layer.timeoutMs });
  const results = readResults(resultsFile);
  if (!results) return crashed(`no results were written (${r.reason}):\n${lastLines(r.tail)}`);
  if (r.code !== 0 && results.failed === 0) return crashed(`${r.reason} although no test failed:\n${lastLines(r.tail)}`);
  return results;
}

function readResults(file) {
  try {
    const { passed, failed, pending } = JSON.parse(readFileSync(file, 'utf8'));
    return { passed, failed, pending };
  } catch {
    return undefined;
  }
}

/** Installs/validates code-server, Chromium and Prometheus once, up front, with visible progress. */
async function setupHosts() {
  say('setting up hosts (code-server, Chromium, Prometheus)…');
  const r = await exec(['bash', [join(root, 'scripts/setup-hosts.sh')]], { timeoutMs: 15 * 60_000 });
  if (r.code === 0) return undefined;
  const why = `scripts/setup-hosts.sh failed (${r.reason})${process.env.CI === 'true' ? ' [CI=true: fatal]' : ''}`;
  return `${why}:\n${lastLines(r.tail)}`;
}

async function main() {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((l) => !(l in layers));
  if (unknown.length) {
    console.error(`[test] unknown layer(s): ${unknown.join(', ')}; choose from ${Object.keys(layers).join(', ')}`);
    process.exit(2);
  }
  const selected = Object.keys(layers).filter((l) => requested.length === 0 || requested.includes(l));
  mkdirSync(resultsDir, { recursive: true });

  const summary = [];
  let hostsProblem;
  let hostsChecked = false;
  for (const name of selected) {
    const layer = layers[name];
    const t0 = Date.now();
    let result;
    if (layer.hosts && !hostsChecked) {
      hostsChecked = true;
      hostsProblem = await setupHosts();
    }
    if (layer.hosts && hostsProblem) result = { passed: 0, failed: 0, pending: 0, crash: hostsProblem };
    else result = await runLayer(name, layer);
    summary.push({ name, seconds: (Date.now() - t0) / 1000, ...result });
  }

  console.log('');
  let passed = 0, failed = 0, pending = 0;
  for (const s of summary) {
    // A crashed layer counts as one failure on top of whatever it reported.
    const layerFailed = s.failed + (s.crash ? 1 : 0);
    passed += s.passed;
    failed += layerFailed;
    pending += s.pending;
    const counts = s.empty ? 'no tests' : `${s.passed} passed, ${s.failed} failed${s.pending ? `, ${s.pending} skipped` : ''}`;
    say(`${s.name.padEnd(12)} ${counts} (${s.seconds.toFixed(1)} s)${s.crash ? ' CRASHED' : ''}`);
    if (s.crash) console.log(s.crash.replace(/^/gm, '    '));
  }
  console.log(`${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(`[test] ${err?.stack ?? err}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});

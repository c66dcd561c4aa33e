// `npm run bench`: every figure is a ratio or a count measured against a baseline in the same run,
// because these machines are noisy. Prints a table and writes .bench/results.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { availableParallelism, tmpdir } from 'node:os';
import { parseAllDocuments } from 'yaml';
import { automaticThreads } from '../src/core/analysis/analysisPool';
import { CodeIndex } from '../src/core/analysis/codeIndex';
import { analyzeWorkspace, filesOfServices } from '../src/core/analysis/workspaceAnalysis';
import { Grammars, languageOfFile } from '../src/core/code/treeSitter';
import { NodeFileSystem } from '../src/core/host/nodeFileSystem';
import { DEFAULT_SEVERITY_RULES } from '../src/core/insights/severityRules';
import { recipeFormatOf } from '../src/core/recipes/discovery';
import { buildEnvironmentModel } from '../src/core/recipes/environmentModel';
import { PrometheusClient } from '../src/core/signals/prometheusClient';
import { fetchSignals } from '../src/core/signals/prometheusSignals';
import { wasmDir } from '../src/cli/wasmDir';
import { repoRoot, startTestWorkspace } from '../test/support/hosts';
import { runHostSuite, stopHostServer } from '../test/host/runInCodeServer';
import { AREAS, type Row } from './bench/runArea';
import { generateService, SERVICE_FILES } from './bench/code';
import { median, p95 } from './bench/stats';

const rows: Row[] = [];
const results: Record<string, unknown> = {};

async function timeIt(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

/** Whole analysis of examples/shop against the bare cost of reading and parsing the same files. */
async function exampleAnalysis(): Promise<void> {
  const dir = join(repoRoot, 'examples/shop');
  const fs = new NodeFileSystem(dir);
  const grammars = new Grammars(wasmDir());
  const files = await fs.listFiles();
  const model = await buildEnvironmentModel(fs, files);
  const code = filesOfServices(model, files);
  const all = new Set(files);
  const recipes = files.filter((f) => recipeFormatOf(f, all));
  // Warm both paths: grammars loaded, files in the OS cache.
  for (const f of code) await grammars.parse(languageOfFile(f)!, await fs.readText(f));

  const bare = async () => {
    for (const f of recipes) parseAllDocuments(await fs.readText(f));
    for (const f of code) (await grammars.parse(languageOfFile(f)!, await fs.readText(f))).delete();
  };
  const full = async () => {
    await analyzeWorkspace({ fs, index: new CodeIndex(grammars), rules: DEFAULT_SEVERITY_RULES });
  };
  const runs = 30;
  const bareMs: number[] = [];
  const fullMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    bareMs.push(...(await timeIt(bare, 1)));
    fullMs.push(...(await timeIt(full, 1)));
  }
  const ratio = median(fullMs) / median(bareMs);
  results.exampleAnalysis = { files: files.length, recipes: recipes.length, codeFiles: code.length, bareMedianMs: median(bareMs), fullMedianMs: median(fullMs), ratio };
  rows.push({
    name: 'analyse examples/shop vs read+parse',
    value: `${ratio.toFixed(2)}×`,
    detail: `${median(fullMs).toFixed(1)} ms vs ${median(bareMs).toFixed(1)} ms (median of ${runs}; ${recipes.length} recipes, ${code.length} code files)`,
  });
}

/** HTTP requests one refresh makes against a real Prometheus, and its time against the same queries in sequence. */
async function refreshCost(url: string, end: number): Promise<void> {
  const fs = new NodeFileSystem(join(repoRoot, 'examples/shop'));
  const model = await buildEnvironmentModel(fs, await fs.listFiles());
  const client = new PrometheusClient({ url });
  await fetchSignals(client, model, { at: end });
  const requests = client.requestCount;
  const routes = 0;
  const ms = await timeIt(() => fetchSignals(new PrometheusClient({ url }), model, { at: end }), 10);
  results.refresh = { requests, medianMs: median(ms), routes };
  rows.push({ name: 'HTTP requests per signals refresh', value: String(requests), detail: `example shop; median refresh ${median(ms).toFixed(1)} ms` });
}

/** Runs scripts/bench/hostProbe.ts in a real extension host on `folder` and returns what it measured. */
async function hostProbe(folder: string, env: Record<string, string>): Promise<HostProbeResult> {
  const out = join(tmpdir(), `ops-lens-bench-${process.pid}.json`);
  try {
    const { exitCode } = await runHostSuite({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'dist/test/host/benchProbe.js'),
      folder,
      env: { ...env, OPS_LENS_BENCH_FILE: out },
    });
    if (exitCode !== 0) throw new Error(`the host probe failed (exit ${exitCode})`);
    return JSON.parse(readFileSync(out, 'utf8')) as HostProbeResult;
  } finally {
    rmSync(out, { force: true });
  }
}

interface HostProbeResult {
  activationMs: number;
  firstDiagnosticsMs: number;
  heapUsedBytes: number;
  diagnostics: number;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

async function hostActivation(folder: string, env: Record<string, string>): Promise<void> {
  const r = await hostProbe(folder, env);
  results.host = r;
  rows.push({ name: 'extension activation (real VS Code)', value: `${r.activationMs} ms`, detail: `examples/shop with a real Prometheus: first diagnostics after ${r.firstDiagnosticsMs} ms; extension host heap ${mib(r.heapUsedBytes)} after GC` });
}

/**
 * A generated service (scripts/bench/code.ts) of `files` files written to a temporary folder with its compose.yaml,
 * opened in a real VS Code; `settings`: the folder's .vscode/settings.json. `reopened`: the folder opened a second
 * time, and what that second window measured (the first kept its analyses on disk).
 */
async function probeGeneratedService(files: number, settings?: Record<string, unknown>, reopened = false): Promise<HostProbeResult> {
  const folder = mkdtempSync(join(tmpdir(), 'ops-lens-bench-service-'));
  try {
    for (const [file, text] of generateService(files)) {
      mkdirSync(join(folder, dirname(file)), { recursive: true });
      writeFileSync(join(folder, file), text);
    }
    if (settings) {
      mkdirSync(join(folder, '.vscode'));
      writeFileSync(join(folder, '.vscode/settings.json'), JSON.stringify(settings));
    }
    writeFileSync(join(folder, 'compose.yaml'), 'services:\n  api:\n    build: .\n    ports: ["3000:3000"]\n    environment:\n      PORT: "3000"\n');
    const env = { OPS_LENS_BENCH_WAIT: 'src/routes/r0.ts', OPS_LENS_BENCH_PATTERN: 'query' };
    const first = await hostProbe(folder, env);
    return reopened ? await hostProbe(folder, env) : first;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The extension host's heap once the generated 2,000-file service is indexed, against the same host with a
 * 4-file service of the same shape indexed (the same recipes and settings: only the code differs).
 */
async function hostIndexing(): Promise<void> {
  const small = await probeGeneratedService(4);
  const large = await probeGeneratedService(SERVICE_FILES);
  // The same with the pass on the extension host's own thread (opsLens.analysis.threads: 0), as before the threads.
  const hostThread = await probeGeneratedService(SERVICE_FILES, { 'opsLens.analysis.threads': 0 });
  // A window opened again on the service: every file's analysis comes from the workspace's storage.
  const again = await probeGeneratedService(SERVICE_FILES, undefined, true);
  const threads = automaticThreads();
  results.hostIndexing = { small, large, hostThread, again, threads, files: SERVICE_FILES };
  rows.push({
    name: `extension host heap, ${SERVICE_FILES}-file service indexed`,
    value: `+${mib(large.heapUsedBytes - small.heapUsedBytes)}`,
    detail:
      `real VS Code, after GC: ${mib(large.heapUsedBytes)} against ${mib(small.heapUsedBytes)} with a 4-file service of the same shape; ` +
      `first diagnostics after ${large.firstDiagnosticsMs} ms (${small.firstDiagnosticsMs} ms), ${large.diagnostics} Ops Lens diagnostics; ` +
      `the pass on ${threads} analysis thread(s) (opsLens.analysis.threads automatic on this ${availableParallelism()}-processor machine). ` +
      `On the host's own thread (threads: 0): first diagnostics after ${hostThread.firstDiagnosticsMs} ms, heap +${mib(hostThread.heapUsedBytes - small.heapUsedBytes)}, ${hostThread.diagnostics} diagnostics`,
  });
  if (hostThread.diagnostics !== large.diagnostics) throw new Error(`threads change the diagnostics: ${large.diagnostics} on threads, ${hostThread.diagnostics} on the host thread`);
  rows.push({
    name: `first diagnostics, ${SERVICE_FILES}-file service opened again`,
    value: `${again.firstDiagnosticsMs} ms`,
    detail: `real VS Code, the window's analyses kept on disk by the window before (opsLens.analysis.keepOnDisk): against ${large.firstDiagnosticsMs} ms the first time; heap +${mib(again.heapUsedBytes - small.heapUsedBytes)}, ${again.diagnostics} diagnostics`,
  });
  if (again.diagnostics !== large.diagnostics) throw new Error(`the analyses kept on disk change the diagnostics: ${large.diagnostics} the first time, ${again.diagnostics} again`);
}

/**
 * One area in a fresh Node process, from its bundle (dist/bench/runArea.js, built as the extension is): what ran
 * before leaves no heap or JIT state behind, and the code timed is the code that ships.
 */
async function inOwnProcess(area: string): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ops-lens-bench-'));
  const out = join(dir, 'rows.json');
  try {
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [join(repoRoot, 'dist/bench/runArea.js'), area, out], { cwd: repoRoot, stdio: 'inherit' });
      child.on('error', reject);
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
    });
    if (code !== 0) throw new Error(`its process exited with code ${code}`);
    return JSON.parse(readFileSync(out, 'utf8')) as Row[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await exampleAnalysis();
  for (const area of Object.keys(AREAS)) {
    try {
      rows.push(...(await inOwnProcess(area)));
    } catch (e) {
      rows.push({ name: area, value: 'FAILED', detail: e instanceof Error ? e.message : String(e) });
      process.exitCode = 1;
    }
  }
  const ws = await startTestWorkspace();
  try {
    const settings = JSON.parse(readFileSync(join(ws.folder, '.vscode/settings.json'), 'utf8'));
    await refreshCost(ws.prometheusUrl, Number(settings['opsLens.signals.at']));
    await hostActivation(ws.folder, ws.env);
    await hostIndexing();
  } finally {
    await stopHostServer();
    await ws.dispose();
  }
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log('\nOps Lens benchmarks');
  for (const r of rows) console.log(`  ${r.name.padEnd(width)}  ${r.value.padStart(9)}  ${r.detail}`);
  mkdirSync(join(repoRoot, '.bench'), { recursive: true });
  writeFileSync(join(repoRoot, '.bench/results.json'), JSON.stringify(results, null, 2));
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});

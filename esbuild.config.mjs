// Bundles the extension, the CLI and the extension-host test suite with esbuild.
// Type checking runs separately (`npm run typecheck`), as esbuild only strips types.
//   node esbuild.config.mjs               development build (sourcemaps)
//   node esbuild.config.mjs --production  minified, no sourcemaps (what the .vsix ships)
//   node esbuild.config.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** The tree-sitter runtime and grammars are WebAssembly files loaded at run time: ship them beside the bundle. */
function copyWasm() {
  const wasmDir = join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
  const out = 'dist/wasm';
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(wasmDir)) {
    if (f === 'tree-sitter.wasm' || /^tree-sitter-(typescript|tsx|javascript|python|go|java)\.wasm$/.test(f)) {
      cpSync(join(wasmDir, f), join(out, f));
    }
  }
  // Terraform recipes are read with the HCL grammar (src/core/recipes/hcl.ts) on the same runtime.
  const hclDir = dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json'));
  cpSync(join(hclDir, 'tree-sitter-terraform.wasm'), join(out, 'tree-sitter-terraform.wasm'));
}

/**
 * `import.meta.url` in a CommonJS bundle is each module's own source file, as when it runs from source: the test
 * supports the benchmark shares find the repository from it, and a script's "run me directly" check stays false.
 */
const sourceImportMetaUrl = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/**
 * A digest of everything an analysis depends on: the files the analysis thread's bundle is built from (the per-file
 * analysis it shares with the extension and the CLI, the npm packages it bundles included), the rest of the core,
 * the grammars and the package's version. Analyses kept on disk by the extension or the CLI
 * (src/core/analysis/analysisStore.ts) are used only by a build with the same stamp. A --watch build has none (its
 * code changes under it), so it keeps nothing.
 */
async function engineStamp() {
  const { metafile } = await esbuild.build({ entryPoints: ['src/analysisWorker.ts'], bundle: true, platform: 'node', format: 'cjs', write: false, metafile: true, logLevel: 'silent' });
  const files = new Set(Object.keys(metafile.inputs).filter((f) => existsSync(f)));
  const add = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) add(path);
      else files.add(path);
    }
  };
  add('src/core');
  add('dist/wasm');
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(file);
    hash.update(readFileSync(file));
  }
  hash.update(JSON.parse(readFileSync('package.json', 'utf8')).version);
  return hash.digest('base64url').slice(0, 22);
}

copyWasm();
const stamp = watch ? undefined : await engineStamp();

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // The CLI's fallback to the package's own wasm folder is for running from source; bundles use dist/wasm.
  logOverride: { 'require-resolve-not-external': 'silent' },
  define: stamp ? { OPS_LENS_ENGINE: JSON.stringify(stamp) } : {},
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  // A thread of the analysis pool (src/core/analysis/analysisPool.ts), started by the extension and the CLI.
  { ...common, entryPoints: ['src/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
  // The suite that runs inside a real VS Code extension host (code-server or test-electron).
  {
    ...common,
    entryPoints: ['test/host/index.ts'],
    outfile: 'dist/test/host/index.js',
    external: ['vscode'],
  },
  // The benchmark's probe inside the extension host (npm run bench).
  { ...common, entryPoints: ['scripts/bench/hostProbe.ts'], outfile: 'dist/test/host/benchProbe.js', external: ['vscode'] },
  // The benchmark's areas, bundled as the extension and the CLI are, so that they time the code that ships: tsx,
  // which runs the sources, keeps function names with a call per closure made (7% of an edit's analysis).
  { ...common, entryPoints: ['scripts/bench/runArea.ts'], outfile: 'dist/bench/runArea.js', plugins: [sourceImportMetaUrl] },
];

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

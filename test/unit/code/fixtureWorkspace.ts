import { dirname, join } from 'node:path';
import { CodeIndex } from '../../../src/core/analysis/codeIndex';
import { analyzeCode } from '../../../src/core/analysis/workspaceAnalysis';
import type { FileAnalysis, Hazard, RouteHandler } from '../../../src/core/code/codeModel';
import { Grammars } from '../../../src/core/code/treeSitter';
import type { LinkOptions } from '../../../src/core/code/workspaceLinks';
import { NodeFileSystem } from '../../../src/core/host/nodeFileSystem';

export const WASM = join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
export const FIXTURES = join(__dirname, '../../fixtures');

/** One grammar set for every test file: loading the wasm once keeps the suite fast. */
export const grammars = new Grammars(WASM);

/** Every code file of a fixture folder analysed and joined, as the CLI and the editor do it. */
export async function analyseFixture(name: string): Promise<Map<string, FileAnalysis>> {
  const fs = new NodeFileSystem(join(FIXTURES, name));
  const files = (await fs.listFiles()).filter((f) => CodeIndex.isCode(f));
  const analyses = await analyzeCode(new CodeIndex(grammars), fs, files);
  return new Map(analyses.map((a) => [a.file, a]));
}

/** Files given as text, analysed and joined together as one service. */
export async function joined(files: Record<string, string>, options?: LinkOptions): Promise<Map<string, FileAnalysis>> {
  const index = new CodeIndex(grammars);
  if (options) index.setLinkOptions(options);
  for (const [file, text] of Object.entries(files)) await index.ingest(file, text);
  return new Map(index.link().map((a) => [a.file, a]));
}

type RouteRow = [string, string, string, number, string];

/** [method, path, file, 0-based declaration line, framework] */
export function routeRows(files: Map<string, FileAnalysis>): RouteRow[] {
  return sortedRouteRows([...files.values()].flatMap((a) => a.routes).map((r: RouteHandler) => [r.method, r.path, r.file, r.declaration.start.line, r.framework]));
}

/** Rows in routeRows' order (by file, line, method, path), for expectations written in another. */
export function sortedRouteRows(rows: RouteRow[]): RouteRow[] {
  return rows.sort((a, b) => a[2].localeCompare(b[2]) || a[3] - b[3] || a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}

/** `file:line METHOD path`: the routes whose handler is written in a file other than their registration's. */
export function handledRows(files: Map<string, FileAnalysis>): string[] {
  return [...files.values()]
    .flatMap((a) => (a.handled ?? []).map((h) => `${a.file}:${h.at.start.line} ${h.route.method} ${h.route.path}`))
    .sort();
}

/** `code file:line:col callee [loop kind/mode] → routes`, one string per hazard, for exact comparison. */
export function hazardRows(files: Map<string, FileAnalysis>): string[] {
  return [...files.values()]
    .flatMap((a) => a.hazards)
    .map((h: Hazard) => {
      const loop = h.loop ? ` [${h.loop.kind} ${h.loop.mode}]` : '';
      const routes = h.routes.map((r) => `${r.method} ${r.path}`).join(', ');
      return `${h.code} ${h.file}:${h.range.start.line + 1}:${h.range.start.character + 1} ${h.callee}${loop} → ${routes || '-'}`;
    })
    .sort();
}

/** Source lines joined as a file. */
export const lines = (...l: string[]): string => l.join('\n') + '\n';

/** The loop hazards only: the same code may also carry other hazard codes (unbounded-query, blocking-call, missing-timeout). */
export const loopHazards = (a: FileAnalysis): Hazard[] => a.hazards.filter((h) => h.code === 'query-in-loop' || h.code === 'call-in-loop');

/** [code, line, character, callee, loop kind, loop mode, routes] for exact comparison. */
export function summary(h: Hazard): unknown[] {
  return [h.code, h.range.start.line, h.range.start.character, h.callee, h.loop?.kind, h.loop?.mode, h.routes.map((r) => `${r.method} ${r.path}`)];
}

/** The file's own analysis, failing the test when the file is not analysed at all. */
export async function analyzed(index: CodeIndex, file: string, text: string): Promise<FileAnalysis> {
  const a = await index.analyze(file, text);
  if (!a) throw new Error(`${file} was not analysed`);
  return a;
}
